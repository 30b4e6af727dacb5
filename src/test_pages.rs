//! Test data shared by unit tests of several modules: the benchmark pages.

/// Each benchmark page (`../shared/bench/text`, when present; none otherwise) as one line: its
/// words joined by single spaces, long enough to be read in many chunks or windows. In file
/// name order.
pub fn bench_pages_as_one_line() -> Vec<String> {
    let Ok(dir) = std::fs::read_dir("../shared/bench/text") else {
        return Vec::new();
    };
    let mut paths: Vec<_> = dir.flatten().map(|e| e.path()).collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}
