//! Several pastes built like real ones (see `paste.rs`; often the same seed fragments, so
//! shared passages and one-story verdicts are reached) through `analyze` and `compare`, with
//! an optional reference date. Checks the comparison's contract (types.rs): one summary per
//! source, every pair once with a < b, scores in 0..=1, stories a partition of the sources,
//! shared passages in at least two distinct sources with line numbers in range.
#![no_main]

#[path = "../../tests/common/mod.rs"]
mod common;
mod paste;

use libfuzzer_sys::fuzz_target;
use presslens::{analyze, compare, Options};

type Source = Vec<(paste::Piece, paste::Ending)>;

fuzz_target!(|input: (Vec<Source>, Option<(u16, u8, u8)>)| {
    let (sources, date) = input;
    // Any YYYY-MM-DD shape, valid or not (month 13, day 45, year 0).
    let options = Options {
        reference_date: date.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        ..Options::default()
    };
    let texts: Vec<String> = sources.iter().take(5).map(|s| paste::build(s)).collect();
    let analyses: Vec<_> = texts.iter().map(|t| analyze(t, &options)).collect();
    for (t, a) in texts.iter().zip(&analyses) {
        common::check_contract(t, a);
    }
    let n = analyses.len();
    let c = compare(&analyses);
    assert_eq!(c.sources.len(), n, "one summary per source");
    for (i, s) in c.sources.iter().enumerate() {
        assert_eq!(s.source, i);
    }
    assert_eq!(c.pairs.len(), n * n.saturating_sub(1) / 2, "every pair once");
    for p in &c.pairs {
        assert!(p.a < p.b && p.b < n, "pair {} {} of {n}", p.a, p.b);
        assert!((0.0..=1.0).contains(&p.score), "score {}", p.score);
    }
    assert!(!c.same_story || n >= 2, "one story needs two sources");
    let mut seen: Vec<usize> = c.stories.iter().flatten().copied().collect();
    seen.sort_unstable();
    assert_eq!(seen, (0..n).collect::<Vec<_>>(), "stories partition the sources");
    for sp in &c.shared_passages {
        assert!((0.0..=1.0).contains(&sp.similarity), "similarity {}", sp.similarity);
        let mut srcs: Vec<usize> = sp.occurrences.iter().map(|o| o.source).collect();
        srcs.sort_unstable();
        srcs.dedup();
        assert!(srcs.len() >= 2, "a shared passage is in two or more sources");
        for o in &sp.occurrences {
            assert!(o.source < n);
            let count = analyses[o.source].lines.len();
            assert!(!o.lines.is_empty(), "an occurrence spans lines");
            assert!(o.lines.windows(2).all(|w| w[0] < w[1]), "lines ascending");
            assert!(
                o.lines.iter().all(|&l| (1..=count).contains(&l)),
                "occurrence lines {:?} within 1..={count}",
                o.lines
            );
        }
    }
    serde_json::to_string(&c).expect("a Comparison always serializes");
});
