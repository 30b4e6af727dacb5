//! The five seed articles against their hand-made gold (`../shared/seeds/*.gold.json`):
//! body lines exactly the gold `body_lines`, headings exactly the gold `headings`, and every
//! gold boilerplate line labelled with the kind of its gold category.
//!
//! The seeds are not training data for the line model (it learns from the bench pages only),
//! so these are held-out checks.

use presslens::{analyze, Analysis, Kind, Options};
use std::collections::BTreeSet;

mod common;

/// `(file name, analysis, gold)` for every seed.
fn seeds() -> Vec<(String, Analysis, serde_json::Value)> {
    common::seeds_with_gold()
        .into_iter()
        .map(|(name, text, gold)| (name, analyze(&text, &Options::default()), gold))
        .collect()
}

fn line_set(v: &serde_json::Value) -> BTreeSet<usize> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|x| x.as_u64())
        .map(|x| x as usize)
        .collect()
}

fn lines_of(a: &Analysis, pred: impl Fn(Kind) -> bool) -> BTreeSet<usize> {
    a.lines
        .iter()
        .filter(|l| pred(l.kind))
        .map(|l| l.line as usize)
        .collect()
}

#[test]
fn body_lines_are_exactly_the_gold_body_lines() {
    for (name, a, gold) in seeds() {
        assert_eq!(
            lines_of(&a, Kind::is_article),
            line_set(&gold["body_lines"]),
            "{name}: body + heading lines"
        );
    }
}

#[test]
fn headings_are_exactly_the_gold_headings() {
    for (name, a, gold) in seeds() {
        assert_eq!(
            lines_of(&a, |k| k == Kind::Heading),
            line_set(&gold["headings"]),
            "{name}: heading lines"
        );
    }
}

#[test]
fn boilerplate_lines_get_the_kind_of_their_gold_category() {
    let mut wrong: Vec<String> = Vec::new();
    for (name, a, gold) in seeds() {
        let cats = gold["boilerplate_lines"]
            .as_object()
            .expect("boilerplate_lines is an object");
        for (cat, lines) in cats {
            let want =
                Kind::parse(cat).unwrap_or_else(|| panic!("{name}: unknown gold kind {cat}"));
            for n in line_set(lines) {
                let got = &a.lines[n - 1];
                if got.text.is_empty() {
                    continue; // gold lists some blank lines inside a list; blank is their kind
                }
                if got.kind != want {
                    wrong.push(format!(
                        "{name} line {n} '{}': {} instead of {} ({})",
                        got.text,
                        got.kind.as_str(),
                        want.as_str(),
                        got.reason
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_line_has_a_reason() {
    for (name, a, _) in seeds() {
        for l in &a.lines {
            assert!(!l.reason.is_empty(), "{name} line {}", l.line);
        }
    }
}
