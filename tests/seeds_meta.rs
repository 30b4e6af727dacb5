//! The five seed articles against their gold metadata: title text and title lines, standfirst
//! line, byline, publication date — all exact.

use presslens::{analyze, Analysis, Kind, Options};
use serde_json::Value;

mod common;

fn seeds() -> Vec<(String, String, Value)> {
    common::seeds_with_gold()
}

fn lines_of(a: &Analysis, kind: Kind) -> Vec<u64> {
    a.lines
        .iter()
        .filter(|l| l.kind == kind)
        .map(|l| l.line as u64)
        .collect()
}

#[test]
fn seed_titles_exact() {
    for (name, text, gold) in seeds() {
        let a = analyze(&text, &Options::default());
        assert_eq!(a.title.as_deref(), gold["title"].as_str(), "{name}");
        let want: Vec<u64> = gold["title_lines"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_u64)
            .collect();
        assert_eq!(lines_of(&a, Kind::Title), want, "{name} title lines");
    }
}

#[test]
fn seed_standfirst_exact() {
    for (name, text, gold) in seeds() {
        let a = analyze(&text, &Options::default());
        let want: Vec<u64> = gold["standfirst_line"].as_u64().into_iter().collect();
        assert_eq!(lines_of(&a, Kind::Standfirst), want, "{name}");
        assert_eq!(a.standfirst.is_some(), !want.is_empty(), "{name}");
    }
}

#[test]
fn seed_bylines_exact() {
    for (name, text, gold) in seeds() {
        let a = analyze(&text, &Options::default());
        let got = a.byline.as_ref().map(|b| b.authors.join(", "));
        assert_eq!(got.as_deref(), gold["byline"].as_str(), "{name}");
        if let (Some(b), Some(gold_lines)) =
            (&a.byline, gold["boilerplate_lines"]["byline"].as_array())
        {
            assert!(
                gold_lines.iter().any(|v| v.as_u64() == Some(b.line as u64)),
                "{name} byline line"
            );
        }
    }
}

#[test]
fn seed_published_exact() {
    for (name, text, gold) in seeds() {
        let a = analyze(&text, &Options::default());
        let got = a.published.as_ref().map(|p| p.date.as_str());
        assert_eq!(got, gold["published"].as_str(), "{name}");
    }
}

#[test]
fn seed_001_year_is_inferred_from_the_body() {
    let (_, text, _) = seeds()
        .into_iter()
        .find(|s| s.0.starts_with("001"))
        .unwrap();
    let p = analyze(&text, &Options::default())
        .published
        .expect("a date");
    assert_eq!(
        (p.raw.as_str(), p.line, p.year_inferred),
        ("Jan 22", 8, true)
    );
}

#[test]
fn seed_004_js_date_time_and_offset() {
    let (_, text, _) = seeds()
        .into_iter()
        .find(|s| s.0.starts_with("004"))
        .unwrap();
    let a = analyze(&text, &Options::default());
    let p = a.published.expect("a date");
    assert_eq!(p.time.as_deref(), Some("07:39"));
    assert_eq!(p.utc_offset.as_deref(), Some("+02:00"));
    let c = a.copyright.expect("copyright");
    assert_eq!(c.holder.as_deref(), Some("SwissX REDD UK ltd."));
    assert_eq!(c.year, Some(2024));
}

#[test]
fn seed_000_lists_and_credit() {
    let (_, text, gold) = seeds()
        .into_iter()
        .find(|s| s.0.starts_with("000"))
        .unwrap();
    let a = analyze(&text, &Options::default());
    let tags: Vec<&str> = gold["tags"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(a.tags, tags);
    assert_eq!(a.credit.as_deref(), gold["credit"].as_str());
    assert_eq!(
        a.related.len() as u64,
        gold["related_headlines"].as_u64().unwrap()
    );
}
