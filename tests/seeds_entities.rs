//! The five seed articles (`../shared/seeds`) against their gold: every gold person, place and
//! organization is found (same entity by `presslens::entities::same_entity`), no person is
//! listed twice under two spellings, and every gold quote is found with its speaker.

use presslens::entities::{same_entity, Entity};
use presslens::{analyze, Analysis, Options};
use serde_json::Value;

mod common;

fn seeds() -> Vec<(String, String, Value)> {
    common::seeds_with_gold()
}

fn names(e: &Entity) -> impl Iterator<Item = &str> {
    std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str))
}

fn has(list: &[Entity], gold: &str) -> bool {
    list.iter().any(|e| names(e).any(|n| same_entity(n, gold)))
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect()
}

fn analyzed() -> Vec<(String, Analysis, Value)> {
    seeds()
        .into_iter()
        .map(|(p, t, g)| (p, analyze(&t, &Options::default()), g))
        .collect()
}

#[test]
fn gold_entities_are_found() {
    for (path, a, gold) in analyzed() {
        for (field, list) in [
            ("people", &a.people),
            ("places", &a.places),
            ("organizations", &a.organizations),
        ] {
            for g in strings(&gold[field]) {
                assert!(
                    has(list, g),
                    "{path}: {field} misses {g:?}; got {:?}",
                    list.iter().map(|e| &e.name).collect::<Vec<_>>()
                );
            }
        }
    }
}

#[test]
fn no_person_is_listed_twice() {
    for (path, a, _) in analyzed() {
        for (i, p) in a.people.iter().enumerate() {
            for q in &a.people[i + 1..] {
                assert!(
                    !same_entity(&p.name, &q.name),
                    "{path}: {:?} and {:?} are one person",
                    p.name,
                    q.name
                );
            }
        }
    }
}

#[test]
fn gold_quotes_are_found_with_their_speaker() {
    let fold = |s: &str| s.replace(['’', '‘'], "'").to_lowercase();
    for (path, a, gold) in analyzed() {
        for q in gold["quotes"].as_array().into_iter().flatten() {
            let starts = fold(q["starts"].as_str().unwrap_or(""));
            let speaker = q["speaker"].as_str().unwrap_or("");
            let found = a
                .quotes
                .iter()
                .find(|p| fold(&p.text).starts_with(&starts))
                .unwrap_or_else(|| panic!("{path}: quote {starts:?} not found"));
            let got = found.speaker.as_deref().unwrap_or("");
            assert!(
                same_entity(got, speaker),
                "{path}: quote {starts:?} attributed to {got:?}, not {speaker:?}"
            );
        }
    }
}

#[test]
fn canonical_names_and_roles() {
    let all = analyzed();
    let (_, a, _) = &all[2];
    let xi = a
        .people
        .iter()
        .find(|p| p.name == "Xi Jinping")
        .expect("Xi Jinping");
    assert!(xi.aliases.iter().any(|n| n == "Xi"));
    assert_eq!(xi.role.as_deref(), Some("Chinese President"));
    let ushakov = a.people.iter().find(|p| p.name == "Yury Ushakov").unwrap();
    assert_eq!(ushakov.role.as_deref(), Some("Kremlin aide"));
    // Demonyms count for their place but are never listed as its names.
    let russia = a.places.iter().find(|p| p.name == "Russia").unwrap();
    assert!(russia.aliases.iter().all(|n| n != "Russian"));
    // People are sorted by mentions, most first.
    assert!(a.people.windows(2).all(|w| w[0].mentions >= w[1].mentions));
}

#[test]
fn gold_figures_are_found() {
    use presslens::figures::FigureKind;
    let kind = |k: &str| match k {
        "money" => FigureKind::Money,
        "percent" => FigureKind::Percent,
        "count" => FigureKind::Count,
        "date" => FigureKind::Date,
        "duration" => FigureKind::Duration,
        "ordinal" => FigureKind::Ordinal,
        _ => FigureKind::Quantity,
    };
    let mut checked = 0;
    for (path, a, gold) in analyzed() {
        for g in gold["figures"].as_array().into_iter().flatten() {
            let text = g["text"].as_str().unwrap_or("");
            let k = kind(g["kind"].as_str().unwrap_or(""));
            assert!(
                a.figures
                    .iter()
                    .any(|f| f.text.contains(text) && f.kind == k),
                "{path}: figure {text:?} ({k:?}) not found"
            );
            checked += 1;
        }
    }
    assert!(checked >= 2);
    // The figures of seed 004 and 003, with their values.
    let all = analyzed();
    let f4 = &all[4].1.figures;
    let money = f4.iter().find(|f| f.text == "$240 billion").unwrap();
    assert_eq!(
        (money.value, money.unit.as_deref()),
        (Some(240e9), Some("USD"))
    );
    assert!(f4
        .iter()
        .any(|f| f.text == "more than 64%" && f.value == Some(64.0)));
    assert!(f4
        .iter()
        .any(|f| f.text == "an hour and a half" && f.value == Some(1.5)));
    assert!(all[3]
        .1
        .figures
        .iter()
        .any(|f| f.text == "80th" && f.kind == FigureKind::Ordinal));
}

#[test]
fn keywords_and_summary() {
    for (path, a, _) in analyzed() {
        assert!(!a.keywords.is_empty(), "{path}: no keywords");
        assert!(
            a.summary.len() <= 3 && !a.summary.is_empty(),
            "{path}: summary"
        );
        assert!(a.summary.windows(2).all(|w| w[0].line <= w[1].line));
        for s in &a.summary {
            let line = &a.lines[s.line - 1];
            assert!(
                line.kind.is_article() && line.text.contains(&s.text),
                "{path}"
            );
        }
    }
}
