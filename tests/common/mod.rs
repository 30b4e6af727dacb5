//! Helpers shared by the integration tests and the fuzz targets: the output contract of
//! [`presslens::analyze`], checked independently of how the labels were chosen, and the seeds.

#![allow(dead_code)] // each test file uses a different subset

use presslens::normalize::{normalize_line, split_lines};
use presslens::{Analysis, Kind};
use std::path::Path;

/// Checks every promise `analyze` makes about its output for `input`, panicking with a
/// description of the first broken one:
///
/// - one [`presslens::Line`] per input line (as [`split_lines`] counts them), numbered 1..=n in
///   order, each holding its input line's normalized text;
/// - a line is `blank` exactly when its normalized text is empty;
/// - `body`'s paragraphs (split on the blank line that joins them) are the texts of the
///   `body`/`heading` lines, in input order, and nothing else;
/// - `title` is the text of a `title` line (or its end, when meta leaves out a leading date);
///   `headings` are the `heading` lines' texts, in order;
/// - figures are in text order: each one's text is found in its line's text after the end of
///   the figure before it on that line, and its sentence is text of that line.
pub fn check_contract(input: &str, a: &Analysis) {
    let raw = split_lines(input);
    assert_eq!(a.lines.len(), raw.len(), "one output line per input line");
    for (i, (line, raw)) in a.lines.iter().zip(&raw).enumerate() {
        assert_eq!(line.line as usize, i + 1, "line numbers are 1..=n in order");
        assert_eq!(&*line.text, normalize_line(raw), "line {} text", i + 1);
        assert_eq!(
            line.kind == Kind::Blank,
            line.text.is_empty(),
            "line {} is blank exactly when empty (kind {:?}, text {:?})",
            i + 1,
            line.kind,
            line.text
        );
        assert!(!line.reason.is_empty(), "line {} has a reason", i + 1);
    }
    let article: Vec<&str> = a
        .lines
        .iter()
        .filter(|l| l.kind.is_article() && !l.text.is_empty())
        .map(|l| &*l.text)
        .collect();
    let paragraphs: Vec<&str> = if a.body.is_empty() {
        Vec::new()
    } else {
        a.body.split("\n\n").collect()
    };
    assert_eq!(paragraphs, article, "body = article lines, in input order");
    assert!(
        is_subsequence(
            &paragraphs,
            &a.lines.iter().map(|l| &*l.text).collect::<Vec<_>>()
        ),
        "body paragraphs are input lines in input order"
    );
    if let Some(t) = &a.title {
        assert!(
            a.lines
                .iter()
                .any(|l| l.kind == Kind::Title && l.text.ends_with(t.as_str())),
            "title {t:?} is the text of a title line (a leading date may be left out)"
        );
    }
    let headings: Vec<&str> = a
        .lines
        .iter()
        .filter(|l| l.kind == Kind::Heading)
        .map(|l| &*l.text)
        .collect();
    assert_eq!(
        a.headings, headings,
        "headings are the heading lines, in order"
    );
    let mut at = (0, 0);
    for f in &a.figures {
        let line = a.lines.get(f.line.wrapping_sub(1)).map_or("", |l| &*l.text);
        assert!(f.line >= at.0, "figure {:?} out of line order", f.text);
        let from = if f.line == at.0 { at.1 } else { 0 };
        let found = line.get(from..).and_then(|rest| rest.find(f.text.as_str()));
        let Some(k) = found else {
            panic!(
                "figure {:?} is not in line {} after the one before it",
                f.text, f.line
            )
        };
        at = (f.line, from + k + f.text.len());
        assert!(
            line.contains(f.sentence.as_str()),
            "figure {:?}: its sentence is text of line {}",
            f.text,
            f.line
        );
    }
}

/// True if `needle` occurs in `hay` in order (not necessarily contiguously).
pub fn is_subsequence(needle: &[&str], hay: &[&str]) -> bool {
    let mut it = hay.iter();
    needle.iter().all(|n| it.any(|h| h == n))
}

/// The shared data folder: `../shared` from the repo root (also when this file is compiled
/// into the fuzz crate, whose manifest is one folder deeper, in `fuzz/`).
pub fn shared_dir() -> std::path::PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let beside_repo = manifest.join("../shared");
    if beside_repo.join("seeds").is_dir() {
        beside_repo
    } else {
        manifest.join("../../shared")
    }
}

/// The seed articles' files (`../shared/seeds/*.txt`), sorted by file name; panics unless
/// there are exactly five (the gold files sit beside them as `*.gold.json`).
pub fn seed_paths() -> Vec<std::path::PathBuf> {
    let dir = shared_dir().join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 5, "five seeds expected in {}", dir.display());
    paths
}

/// The seed articles' texts (`../shared/seeds/*.txt`), sorted by file name.
pub fn seed_texts() -> Vec<String> {
    seed_paths()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect()
}

/// Every seed as `(file name, text, gold)`, sorted by file name; the gold is the parsed
/// `*.gold.json` beside the text. Panics with the path when a file is missing or malformed.
pub fn seeds_with_gold() -> Vec<(String, String, serde_json::Value)> {
    seed_paths()
        .into_iter()
        .map(|p| {
            let read = |p: &Path| {
                std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
            };
            let text = read(&p);
            let gold_path = p.with_extension("gold.json");
            let gold = serde_json::from_str(&read(&gold_path))
                .unwrap_or_else(|e| panic!("{}: {e}", gold_path.display()));
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (name, text, gold)
        })
        .collect()
}

/// Distinct non-blank lines of the seeds, split into prose-like (≥ 12 words: body fragments)
/// and the rest (menus, tags, related headlines, datelines: chrome fragments).
pub fn seed_fragments() -> (Vec<String>, Vec<String>) {
    let mut body = Vec::new();
    let mut chrome = Vec::new();
    for text in seed_texts() {
        for l in text.lines() {
            let t = l.trim();
            if t.is_empty() {
                continue;
            }
            let target = if t.split_whitespace().count() >= 12 {
                &mut body
            } else {
                &mut chrome
            };
            if !target.iter().any(|x: &String| x == t) {
                target.push(t.to_string());
            }
        }
    }
    (body, chrome)
}
