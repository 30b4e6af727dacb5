//! Quotations across sources: the same words quoted by several outlets (whole or in part,
//! verbatim or with a few words changed) become one quotation, with its speaker and every
//! source that carries it.
//!
//! Two quotes match when the folded words of one appear, in order and contiguous, in the other
//! (a partial quote), or, for quotes of at least [`MIN_NEAR_WORDS`] words, when their longest
//! common word subsequence covers [`MIN_NEAR`] of the shorter (the same words with a few
//! changed). Matches are grouped transitively. Speakers are the extractor's (the source's own
//! canonical name), renamed to the merged cast's name.
//!
//! Promises: every quote of every source is in exactly one quotation; a quotation's `text` is
//! its longest version; `wording_differs` is true when two sources carry versions of which
//! neither contains the other. Cost: quadratic in the number of quotes (tens per article), each
//! comparison linear-times-linear in the quote's words.

use super::shingles::overlap;
use super::text::words;
use super::types::{MergedEntity, MergedQuote, QuoteSource};
use crate::model::Analysis;
use crate::quotes::QuoteKind;

/// Shortest quotes (in words) compared by near match rather than containment only.
pub const MIN_NEAR_WORDS: usize = 4;
/// Least share of the shorter quote's words in the longest common subsequence for a near match.
pub const MIN_NEAR: f64 = 0.7;

/// One quote of one source, prepared.
struct Item {
    source: usize,
    line: usize,
    text: String,
    speaker: Option<String>,
    kind: QuoteKind,
    words: Vec<String>,
}

/// True if `small` appears as a contiguous run in `big` (both non-empty).
pub fn contained(small: &[String], big: &[String]) -> bool {
    !small.is_empty() && small.len() <= big.len() && big.windows(small.len()).any(|w| w == small)
}

fn lcs(a: &[String], b: &[String]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// True if two quotes' words are one quotation (see the module doc).
pub fn same_quote(a: &[String], b: &[String]) -> bool {
    if contained(a, b) || contained(b, a) {
        return true;
    }
    let short = a.len().min(b.len());
    short >= MIN_NEAR_WORDS && lcs(a, b) as f64 >= MIN_NEAR * short as f64
}

/// The merged-cast name of `name` as source `source` wrote it (its own canonical name), if the
/// source lists an entity of that name.
fn merged_name(
    a: &Analysis,
    index: &[Vec<usize>; 3],
    merged: &[MergedEntity],
    name: &str,
) -> Option<String> {
    let lists = [&a.people, &a.places, &a.organizations];
    lists.iter().zip(index).find_map(|(list, idx)| {
        list.iter()
            .position(|e| e.name == name)
            .and_then(|p| idx.get(p))
            .and_then(|&m| merged.get(m))
            .map(|m| m.name.clone())
    })
}

/// Merges the quotes of all sources.
pub fn merge(
    analyses: &[Analysis],
    merged: &[MergedEntity],
    entity_index: &[[Vec<usize>; 3]],
) -> Vec<MergedQuote> {
    let mut items: Vec<Item> = Vec::new();
    for (source, a) in analyses.iter().enumerate() {
        for q in &a.quotes {
            let w = words(&q.text);
            if w.is_empty() {
                continue;
            }
            let speaker = q.speaker.as_ref().map(|s| {
                entity_index
                    .get(source)
                    .and_then(|idx| merged_name(a, idx, merged, s))
                    .unwrap_or_else(|| s.clone())
            });
            items.push(Item {
                source,
                line: q.line,
                text: q.text.clone(),
                speaker,
                kind: q.kind,
                words: w,
            });
        }
    }
    let mut parent: Vec<usize> = (0..items.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    // Sorted word ids (with repeats) per quote: their multiset overlap bounds both tests of
    // `same_quote` (containment needs every word of the shorter, a near match 70% of them), so
    // most pairs are rejected by one linear merge.
    let mut vocab: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    let bags: Vec<Vec<u32>> = items
        .iter()
        .map(|it| {
            let mut ids: Vec<u32> = it
                .words
                .iter()
                .map(|w| {
                    let next = vocab.len() as u32;
                    *vocab.entry(w.as_str()).or_insert(next)
                })
                .collect();
            ids.sort_unstable();
            ids
        })
        .collect();
    for i in 0..items.len() {
        for j in i + 1..items.len() {
            let short = bags[i].len().min(bags[j].len());
            let need = if short >= MIN_NEAR_WORDS {
                (MIN_NEAR * short as f64).ceil() as usize
            } else {
                short
            };
            if overlap(&bags[i], &bags[j]) < need {
                continue;
            }
            if same_quote(&items[i].words, &items[j].words) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                if a != b {
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
    }
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for i in 0..items.len() {
        let r = find(&mut parent, i);
        match groups.iter_mut().find(|g| g.0 == r) {
            Some(g) => g.1.push(i),
            None => groups.push((r, vec![i])),
        }
    }
    let mut out: Vec<MergedQuote> = groups.iter().map(|(_, m)| build(&items, m)).collect();
    crate::sort::by(&mut out, |a, b| {
        let n = |q: &MergedQuote| {
            let mut s: Vec<usize> = q.sources.iter().map(|x| x.source).collect();
            s.dedup();
            s.len()
        };
        n(b).cmp(&n(a))
    });
    out
}

fn build(items: &[Item], members: &[usize]) -> MergedQuote {
    let longest = members
        .iter()
        .copied()
        .max_by_key(|&i| (items[i].words.len(), std::cmp::Reverse(i)))
        .unwrap_or(0);
    let mut speakers: Vec<(&str, usize)> = Vec::new();
    for &i in members {
        if let Some(s) = &items[i].speaker {
            match speakers.iter_mut().find(|x| x.0 == s) {
                Some(x) => x.1 += 1,
                None => speakers.push((s, 1)),
            }
        }
    }
    crate::sort::by_key(&mut speakers, |s| std::cmp::Reverse(s.1));
    let wording_differs = members.iter().any(|&i| {
        members.iter().any(|&j| {
            items[i].source != items[j].source
                && !contained(&items[i].words, &items[j].words)
                && !contained(&items[j].words, &items[i].words)
        })
    });
    let mut sources: Vec<QuoteSource> = members
        .iter()
        .map(|&i| QuoteSource {
            source: items[i].source,
            line: items[i].line,
            text: items[i].text.clone(),
            speaker: items[i].speaker.clone(),
        })
        .collect();
    crate::sort::by_key(&mut sources, |s| (s.source, s.line));
    MergedQuote {
        text: items
            .get(longest)
            .map(|i| i.text.clone())
            .unwrap_or_default(),
        speaker: speakers.first().map(|s| s.0.to_string()),
        term: members.iter().all(|&i| items[i].kind == QuoteKind::Term),
        wording_differs,
        sources,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        words(s)
    }

    #[test]
    fn partial_quotes_and_near_quotes_match() {
        let full = w("We stand united in advocating for a more just multipolar world order");
        assert!(same_quote(&w("just multipolar world order."), &full));
        assert!(same_quote(
            &w("We stand united in advocating for a fairer multipolar world order"),
            &full
        ));
        assert!(!same_quote(&w("no limits"), &full));
        assert!(!same_quote(
            &w("dear friend"),
            &w("dear colleagues and friends")
        ));
        assert!(!contained(&[], &full));
    }
}
