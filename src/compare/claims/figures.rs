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
            bits_key((v / mag).round() * mag)
        }
        Some(v) => bits_key(v),
        None => words(&f.text).join(" "),
    };
    let max = f
        .max
        .map(|m| format!("-{}", bits_key(m)))
        .unwrap_or_default();
    format!("{:?}|{}|{v}{max}", f.kind, f.unit.as_deref().unwrap_or(""))
}

/// `v`'s bits in hex, every NaN as one: two keys are equal exactly when the values' `{}` texts
/// are (the shortest round-trip text tells all values apart, `-0` from `0`, and writes every NaN
/// as `NaN`), without core's float formatting in the wasm module. Keys are only compared.
fn bits_key(v: f64) -> String {
    let bits = if v.is_nan() {
        f64::NAN.to_bits()
    } else {
        v.to_bits()
    };
    format!("{bits:x}")
}

/// Distinct words in sorted order: the set a `BTreeSet<String>` held, as a sorted `Vec` (no
/// B-tree code in the wasm module for it).
fn word_set(mut words: Vec<String>) -> Vec<String> {
    words.sort_unstable();
    words.dedup();
    words
}

/// The words in both sorted word sets, in order.
fn common<'a>(a: &'a [String], b: &'a [String]) -> impl Iterator<Item = &'a String> {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    i += 1;
                    j += 1;
                    return Some(&a[i - 1]);
                }
            }
        }
        None
    })
}

/// The sentence's content words around a figure (a sorted word set), less the figure's own.
fn context(f: &Figure) -> Vec<String> {
    let own = word_set(words(&f.text));
    word_set(
        words(&f.sentence)
            .into_iter()
            .filter(|w| {
                w.chars().count() >= 3
                    && !w.chars().all(|c| c.is_ascii_digit())
                    && !crate::lexicon::is_stopword(w)
                    && own.binary_search(w).is_err()
            })
            .collect(),
    )
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
    let items: Vec<(usize, &Figure, String, Vec<String>)> = story
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
            let shared = common(&a.3, &b.3).count();
            let union = (a.3.len() + b.3.len() - shared).max(1);
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
                text: f.text.as_str().to_string(),
                note: None,
            };
            match values.iter_mut().find(|(k, _)| k == key) {
                Some((_, v)) => v.sources.push(ev),
                None => values.push((
                    key,
                    ClaimValue {
                        value: f.text.as_str().to_string(),
                        sources: vec![ev],
                    },
                )),
            }
        }
        let first = items[members[0]].1;
        let mut shared_terms: Vec<String> = members
            .iter()
            .map(|&i| items[i].3.clone())
            .reduce(|a, b| common(&a, &b).cloned().collect())
            .unwrap_or_default();
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
