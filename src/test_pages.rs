//! Test data shared by unit tests of several modules: the benchmark pages.

/// The text of each benchmark page (`../shared/bench/text`, when present; none otherwise), in
/// file name order.
pub fn bench_pages() -> Vec<String> {
    let Ok(dir) = std::fs::read_dir("../shared/bench/text") else {
        return Vec::new();
    };
    let mut paths: Vec<_> = dir.flatten().map(|e| e.path()).collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// Each benchmark page ([`bench_pages`]) as one line: its words joined by single spaces, long
/// enough to be read in many chunks or windows.
pub fn bench_pages_as_one_line() -> Vec<String> {
    bench_pages()
        .iter()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}
