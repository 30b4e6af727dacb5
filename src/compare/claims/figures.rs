//! Figures as claims: the same figure given by several sources (an agreement), and figures of
//! one kind and unit given in sentences about the same thing with different values (a
//! disagreement: "$240 billion" against "$237 billion" of trade).
//!
//! Dates are left to the event date ([`super::dates`]): a year or day in a sentence is rarely
//! a claim to compare. Two figures state the same value when kind, unit and value (to three significant digits)
//! are equal. Two figures of different sources are about the same thing when they have the
//! same kind and unit and their sentences share at least [`MIN_SHARED_TERMS`] key terms and
//! [`MIN_CONTEXT`] of them (Jaccard), key terms being the sentence's words that are not
//! stopwords, numbers or the figure's own words.

use crate::compare::text::words;
use crate::compare::types::{ClaimGroup, ClaimKind, ClaimValue, Evidence};
use crate::figures::{Figure, FigureKind};
use crate::model::Analysis;
use std::collections::BTreeSet;

/// Fewest key terms two figures' sentences share to be about the same thing.
pub const MIN_SHARED_TERMS: usize = 3;
/// Least Jaccard similarity of the two sentences' key terms.
pub const MIN_CONTEXT: f64 = 0.25;

/// True for the figures compared across sources: every kind but dates.
pub fn compared(f: &Figure) -> bool {
    f.kind != FigureKind::Date
}

/// A figure's identity: kind, unit, value to three significant digits (or the text folded).
pub fn value_key(f: &Figure) -> String {
    let v = match f.value {
        Some(v) if v.is_finite() && v != 0.0 => {
            let mag = 10f64.powi(v.abs().log10().floor() as i32 - 2);
            format!("{}", (v / mag).round() * mag)
        }
        Some(v) => format!("{v}"),
        None => words(&f.text).join(" "),
    };
    let max = f.max.map(|m| format!("-{m}")).unwrap_or_default();
    format!("{:?}|{}|{v}{max}", f.kind, f.unit.as_deref().unwrap_or(""))
}

fn context(f: &Figure) -> BTreeSet<String> {
    let own: BTreeSet<String> = words(&f.text).into_iter().collect();
    words(&f.sentence)
        .into_iter()
        .filter(|w| {
            w.chars().count() >= 3
                && !w.chars().all(|c| c.is_ascii_digit())
                && !crate::lexicon::is_stopword(w)
                && !own.contains(w)
        })
        .collect()
}

fn kind_name(k: FigureKind) -> &'static str {
    match k {
        FigureKind::Money => "money",
        FigureKind::Percent => "percentage",
        FigureKind::Duration => "duration",
        FigureKind::Ordinal => "ordinal",
        FigureKind::Count => "count",
        FigureKind::Date => "date",
        FigureKind::Quantity => "quantity",
    }
}

/// The figure claim groups of one story (`story` lists its sources).
pub fn groups(story: &[usize], analyses: &[Analysis]) -> Vec<ClaimGroup> {
    let items: Vec<(usize, &Figure, String, BTreeSet<String>)> = story
        .iter()
        .filter_map(|&s| analyses.get(s).map(|a| (s, a)))
        .flat_map(|(s, a)| a.figures.iter().map(move |f| (s, f)))
        .filter(|(_, f)| compared(f))
        .map(|(s, f)| (s, f, value_key(f), context(f)))
        .collect();
    let n = items.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for i in 0..n {
        for j in i + 1..n {
            let (a, b) = (&items[i], &items[j]);
            if a.0 == b.0 || a.1.kind != b.1.kind || a.1.unit != b.1.unit {
                continue;
            }
            let same_value = a.2 == b.2;
            let shared = a.3.intersection(&b.3).count();
            let union = a.3.union(&b.3).count().max(1);
            let about_same =
                shared >= MIN_SHARED_TERMS && shared as f64 / union as f64 >= MIN_CONTEXT;
            if same_value || about_same {
                let (ra, rb) = (find(&mut parent, i), find(&mut parent, j));
                if ra != rb {
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
    }
    let mut out = Vec::new();
    for root in 0..n {
        let members: Vec<usize> = (0..n).filter(|&i| find(&mut parent, i) == root).collect();
        let mut srcs: Vec<usize> = members.iter().map(|&i| items[i].0).collect();
        srcs.sort_unstable();
        srcs.dedup();
        if srcs.len() < 2 {
            continue;
        }
        let mut values: Vec<(&str, ClaimValue)> = Vec::new();
        for &i in &members {
            let (source, f, key, _) = &items[i];
            let ev = Evidence {
                source: *source,
                line: f.line,
                text: f.text.clone(),
                note: None,
            };
            match values.iter_mut().find(|(k, _)| k == key) {
                Some((_, v)) => v.sources.push(ev),
                None => values.push((
                    key,
                    ClaimValue {
                        value: f.text.clone(),
                        sources: vec![ev],
                    },
                )),
            }
        }
        let first = items[members[0]].1;
        let mut shared_terms: Vec<String> = members
            .iter()
            .map(|&i| items[i].3.clone())
            .reduce(|a, b| a.intersection(&b).cloned().collect())
            .unwrap_or_default()
            .into_iter()
            .collect();
        shared_terms.truncate(4);
        let mut values: Vec<ClaimValue> = values.into_iter().map(|(_, v)| v).collect();
        crate::sort::by_key(&mut values, |v| std::cmp::Reverse(v.sources.len()));
        out.push(ClaimGroup {
            about: if shared_terms.is_empty() {
                format!("{}: {}", kind_name(first.kind), first.text)
            } else {
                format!("{} ({})", kind_name(first.kind), shared_terms.join(", "))
            },
            kind: ClaimKind::Figure,
            values,
        });
    }
    out
}
