//! Claims: what the sources state, grouped by what it is about, and the groups where sources
//! state different values (disagreements).
//!
//! Groups are built only among the sources of one story ([`super::story`]): two unrelated
//! articles cannot disagree. Kinds: the date of the event ([`dates`]), ordinals of a person's
//! office ([`roles`]), quoted statements and their speakers ([`quoted`]), figures ([`figures`]).
//!
//! Promises: every value lists at least one source with the line it is written on; values of a
//! group are distinct, most-sourced first. A group is a disagreement ([`is_disagreement`]) when
//! one source states a value that another does not, and that other states a value the first
//! does not: one article writing both "first term" and "second term" is not contradicting
//! itself, two articles writing one each are.

pub mod dates;
pub mod figures;
pub mod quoted;
pub mod roles;

use super::text::Sentence;
use super::types::{ClaimGroup, ClaimKind, ClaimValue, Evidence, MergedEntity, MergedQuote};
use crate::model::Analysis;
use dates::{DateClaim, DateValue};
use roles::{Person, RoleClaim};

/// Weekday names for display, 1 = Monday.
const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn weekday_name(n: u32) -> &'static str {
    WEEKDAY_NAMES
        .get((n as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

fn evidence(c: &DateClaim, extra: Option<String>) -> Evidence {
    let note = match (c.note.clone(), extra) {
        (Some(a), Some(b)) => Some(format!("{a}; {b}")),
        (a, b) => a.or(b),
    };
    Evidence {
        source: c.source,
        line: c.line,
        text: c.text.clone(),
        note,
    }
}

/// The "date of the event" group of one story, from each source's event date. A bare weekday
/// joins the most-sourced calendar date that falls on it; alone, it is its own value.
pub fn event_dates(claims: &[DateClaim]) -> Option<ClaimGroup> {
    let mut values: Vec<(DateValue, ClaimValue)> = Vec::new();
    for c in claims {
        if let DateValue::Day(d) = c.value {
            let label = format!("{} ({})", d.iso(), weekday_name(d.weekday()));
            match values.iter_mut().find(|(v, _)| *v == c.value) {
                Some((_, v)) => v.sources.push(evidence(c, None)),
                None => values.push((
                    c.value,
                    ClaimValue {
                        value: label,
                        sources: vec![evidence(c, None)],
                    },
                )),
            }
        }
    }
    for c in claims {
        if let DateValue::Weekday(n) = c.value {
            let target = values
                .iter_mut()
                .filter(|(v, _)| matches!(v, DateValue::Day(d) if d.weekday() == n))
                .max_by_key(|(_, v)| v.sources.len());
            match target {
                Some((_, v)) => v.sources.push(evidence(
                    c,
                    Some("a weekday only: this date falls on it".to_string()),
                )),
                None => match values.iter_mut().find(|(v, _)| *v == c.value) {
                    Some((_, v)) => v.sources.push(evidence(c, None)),
                    None => values.push((
                        c.value,
                        ClaimValue {
                            value: weekday_name(n).to_string(),
                            sources: vec![evidence(c, None)],
                        },
                    )),
                },
            }
        }
    }
    if values.is_empty() {
        return None;
    }
    let mut values: Vec<ClaimValue> = values.into_iter().map(|(_, v)| v).collect();
    for v in &mut values {
        crate::sort::by_key(&mut v.sources, |e| (e.source, e.line));
    }
    crate::sort::by(&mut values, |a, b| {
        b.sources
            .len()
            .cmp(&a.sources.len())
            .then(a.sources[0].source.cmp(&b.sources[0].source))
    });
    Some(ClaimGroup {
        about: "date of the event".to_string(),
        kind: ClaimKind::Date,
        values,
    })
}

/// True if two sources state different values: some source states value A and not value B,
/// and another states B and not A.
pub fn is_disagreement(g: &ClaimGroup) -> bool {
    let states = |v: &ClaimValue, s: usize| v.sources.iter().any(|e| e.source == s);
    g.values.iter().enumerate().any(|(i, a)| {
        g.values.iter().skip(i + 1).any(|b| {
            a.sources.iter().any(|x| !states(b, x.source))
                && b.sources.iter().any(|y| !states(a, y.source))
        })
    })
}

/// One group per person with ordinal office claims ("office of Donald Trump"): values are the
/// normalized ordinals, shown as first written.
pub fn office_groups(claims: &[RoleClaim]) -> Vec<ClaimGroup> {
    let mut people: Vec<&str> = Vec::new();
    for c in claims {
        if !people.contains(&c.person.as_str()) {
            people.push(&c.person);
        }
    }
    people
        .into_iter()
        .map(|person| {
            let mut values: Vec<(&str, ClaimValue)> = Vec::new();
            for c in claims.iter().filter(|c| c.person == person) {
                let ev = Evidence {
                    source: c.source,
                    line: c.line,
                    text: c.text.clone(),
                    note: None,
                };
                match values.iter_mut().find(|(k, _)| *k == c.key) {
                    Some((_, v)) => v.sources.push(ev),
                    None => values.push((
                        &c.key,
                        ClaimValue {
                            value: c.text.clone(),
                            sources: vec![ev],
                        },
                    )),
                }
            }
            let mut values: Vec<ClaimValue> = values.into_iter().map(|(_, v)| v).collect();
            crate::sort::by_key(&mut values, |v| std::cmp::Reverse(v.sources.len()));
            ClaimGroup {
                about: format!("office of {person}"),
                kind: ClaimKind::Role,
                values,
            }
        })
        .collect()
}

/// The people of one source with their merged names: `index` maps the source's people (in
/// list order) to merged entities.
fn people_of(a: &Analysis, index: &[usize], merged: &[MergedEntity]) -> Vec<Person> {
    a.people
        .iter()
        .zip(index)
        .map(|(e, &m)| Person {
            canonical: merged
                .get(m)
                .map(|x| x.name.clone())
                .unwrap_or_else(|| e.name.clone()),
            forms: std::iter::once(&e.name)
                .chain(&e.aliases)
                .cloned()
                .collect(),
        })
        .collect()
}

/// What [`story_claims`] reads: every source's analysis, sentences, and merged entities.
pub struct Inputs<'a> {
    /// The analyses, by source.
    pub analyses: &'a [Analysis],
    /// The sentences, by source.
    pub sentences: &'a [Vec<Sentence>],
    /// The merged cast.
    pub entities: &'a [MergedEntity],
    /// By source: the merged entity of each person, place, organization (list order).
    pub entity_index: &'a [[Vec<usize>; 3]],
    /// The quotations merged across sources.
    pub quotes: &'a [MergedQuote],
}

/// The claim groups of one story (`story` lists its sources).
pub fn story_claims(story: &[usize], inp: &Inputs) -> Vec<ClaimGroup> {
    let mut groups = Vec::new();
    let dated: Vec<DateClaim> = story
        .iter()
        .filter_map(|&s| dates::event_date(s, inp.analyses.get(s)?, inp.sentences.get(s)?))
        .collect();
    groups.extend(event_dates(&dated));
    let mut roles: Vec<RoleClaim> = Vec::new();
    for &s in story {
        let (Some(a), Some(sents), Some(idx)) = (
            inp.analyses.get(s),
            inp.sentences.get(s),
            inp.entity_index.get(s),
        ) else {
            continue;
        };
        let people = people_of(a, &idx[0], inp.entities);
        for sent in sents {
            roles.extend(roles::in_sentence(sent, &people));
        }
    }
    groups.extend(office_groups(&roles));
    groups.extend(quoted::groups(inp.quotes, story));
    groups.extend(figures::groups(story, inp.analyses));
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::date::Ymd;

    fn claim(source: usize, value: DateValue) -> DateClaim {
        DateClaim {
            source,
            line: 1,
            text: String::new(),
            value,
            note: None,
        }
    }

    #[test]
    fn a_bare_weekday_joins_the_date_that_falls_on_it() {
        let tue = Ymd::new(2025, 1, 21).unwrap();
        let wed = Ymd::new(2025, 1, 22).unwrap();
        let g = event_dates(&[
            claim(0, DateValue::Day(wed)),
            claim(1, DateValue::Weekday(2)),
            claim(2, DateValue::Day(tue)),
        ])
        .unwrap();
        assert_eq!(g.values[0].value, "2025-01-21 (Tuesday)");
        assert_eq!(g.values[0].sources.len(), 2);
        assert!(is_disagreement(&g));
        // A weekday no date falls on stays its own value.
        let g = event_dates(&[
            claim(0, DateValue::Day(wed)),
            claim(1, DateValue::Weekday(5)),
        ])
        .unwrap();
        assert_eq!(g.values[1].value, "Friday");
    }

    #[test]
    fn one_source_with_two_values_is_no_disagreement() {
        let ev = |source| Evidence {
            source,
            line: 1,
            text: String::new(),
            note: None,
        };
        let value = |v: &str, s: Vec<usize>| ClaimValue {
            value: v.into(),
            sources: s.into_iter().map(ev).collect(),
        };
        let mut g = ClaimGroup {
            about: "x".into(),
            kind: ClaimKind::Date,
            values: vec![value("a", vec![0, 1]), value("b", vec![0])],
        };
        assert!(!is_disagreement(&g), "0 states both, 1 states a only");
        g.values[1].sources.push(ev(2));
        assert!(is_disagreement(&g), "1 says a, 2 says b");
        assert!(event_dates(&[]).is_none());
    }
}
