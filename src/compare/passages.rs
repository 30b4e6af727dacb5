//! Shared passages: sentences (or runs of consecutive sentences) that two or more sources carry
//! verbatim or nearly, found through word shingles ([`super::shingles`]) and confirmed by a
//! weighted word alignment.
//!
//! How: every sentence of at least [`MIN_WORDS`] words is indexed by its content shingles; two
//! sentences of different sources sharing at least [`MIN_SHARED`] of them are candidates. A
//! candidate pair's `similarity` is the weight of the longest common subsequence of their words
//! over the weight of the shorter sentence, where a content word weighs 1 and a name, title or
//! stopword 0.25 ([`NAME_WEIGHT_QUARTERS`], [`super::text::is_content`]): a sentence copied with a few words
//! changed keeps most of its weight, while two sentences that merely name the same people in
//! the same order do not. Pairs reaching [`MIN_SIMILARITY`] match. Matches are grouped
//! transitively into passages (one sentence per source: the best-connected one), and a passage
//! whose sentences are each followed, in every source, by the sentences of another passage with
//! the same sources is joined with it.
//!
//! Promises: each passage has occurrences in at least two distinct sources, at most one per
//! source, in source order; `similarity` is the smallest similarity among the sentence matches
//! that built it (0..=1, 1 = the same words). Work is linear in the number of shingles times
//! the posting cap (a shingle found in more than [`posting_cap`] sentences is not used to find
//! candidates), plus one alignment per candidate pair, quadratic only in sentence length
//! (sentences are cut at [`MAX_ALIGN_WORDS`] words for it).

use super::shingles::shingles;
use super::text::Sentence;
use super::types::{Occurrence, SharedPassage};
use std::collections::{BTreeMap, HashMap};

/// Sentences shorter than this (in words) are not matched: too short to say they were copied.
pub const MIN_WORDS: usize = 8;
/// Fewest content shingles two sentences must share to be compared.
pub const MIN_SHARED: usize = 2;
/// Least similarity (weighted common subsequence over the shorter sentence) of a match.
pub const MIN_SIMILARITY: f64 = 0.6;
/// Weight of a word that is not a content word in the alignment, in quarters of a content
/// word's weight (1 quarter: a name, title or stopword weighs 0.25).
pub const NAME_WEIGHT_QUARTERS: u32 = 1;
/// Words of a sentence taken into the alignment (bounds its cost on run-on "sentences").
pub const MAX_ALIGN_WORDS: usize = 120;

/// Most sentences one shingle may index before it is ignored as too common.
pub fn posting_cap(sources: usize) -> usize {
    (4 * sources).max(16)
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// A sentence match between two sources.
struct Edge {
    a: usize,
    b: usize,
    sim: f64,
}

/// A passage under construction: per source, the run of sentence indices it covers.
struct Group {
    /// source → (first sentence index, last sentence index) into the `sentences` slice.
    runs: BTreeMap<usize, (usize, usize)>,
    sim: f64,
}

/// Finds the passages shared by two or more sources. `sentences` holds every source's
/// sentences, grouped by source and in text order within a source (as [`super::text::sentences`]
/// makes them).
pub fn find(sentences: &[Sentence], n_sources: usize) -> Vec<SharedPassage> {
    let sh: Vec<Vec<u64>> = sentences
        .iter()
        .map(|s| {
            if s.words.len() >= MIN_WORDS {
                shingles(&s.words, &s.content)
            } else {
                Vec::new()
            }
        })
        .collect();
    let mut index: HashMap<u64, Vec<u32>> = HashMap::new();
    for (i, hs) in sh.iter().enumerate() {
        for &h in hs {
            index.entry(h).or_default().push(i as u32);
        }
    }
    let cap = posting_cap(n_sources);
    let aligned = Aligned::all(sentences);
    let mut edges = Vec::new();
    let mut counts: HashMap<u32, u32> = HashMap::new();
    for (i, hs) in sh.iter().enumerate() {
        counts.clear();
        for h in hs {
            let Some(post) = index.get(h) else { continue };
            if post.len() > cap {
                continue;
            }
            for &j in post {
                let j_us = j as usize;
                if j_us > i && sentences[j_us].source != sentences[i].source {
                    *counts.entry(j).or_default() += 1;
                }
            }
        }
        for (&j, &c) in &counts {
            if (c as usize) < MIN_SHARED {
                continue;
            }
            let j = j as usize;
            let sim = similarity(&aligned[i], &aligned[j]);
            if sim >= MIN_SIMILARITY {
                edges.push(Edge { a: i, b: j, sim });
            }
        }
    }
    crate::sort::by_key(&mut edges, |e| (e.a, e.b));
    groups_to_passages(sentences, &edges)
}

/// A sentence prepared for alignment: word ids and weights in quarters, cut at
/// [`MAX_ALIGN_WORDS`].
pub struct Aligned {
    ids: Vec<u32>,
    weights: Vec<u32>,
    total: u32,
}

impl Aligned {
    /// Prepares every sentence (word ids are shared across them).
    pub fn all(sentences: &[Sentence]) -> Vec<Aligned> {
        let mut vocab: HashMap<&str, u32> = HashMap::new();
        sentences
            .iter()
            .map(|s| {
                let n = s.words.len().min(MAX_ALIGN_WORDS);
                let ids: Vec<u32> = s.words[..n]
                    .iter()
                    .map(|w| {
                        let next = vocab.len() as u32;
                        *vocab.entry(w.as_str()).or_insert(next)
                    })
                    .collect();
                let weights: Vec<u32> = (0..n)
                    .map(|i| {
                        if s.content.get(i) == Some(&true) {
                            4
                        } else {
                            NAME_WEIGHT_QUARTERS
                        }
                    })
                    .collect();
                let total = weights.iter().sum();
                Aligned {
                    ids,
                    weights,
                    total,
                }
            })
            .collect()
    }
}

/// Weighted similarity of two sentences: the weight of the longest common subsequence of their
/// words over the weight of the lighter sentence, 0..=1. A matched word counts with the lighter
/// of its two weights (capitalized in one source and not the other counts as a name).
pub fn similarity(a: &Aligned, b: &Aligned) -> f64 {
    let lighter = a.total.min(b.total);
    if lighter == 0 {
        return 0.0;
    }
    if a.ids == b.ids {
        return 1.0;
    }
    let m = b.ids.len();
    let mut prev = vec![0u32; m + 1];
    let mut cur = vec![0u32; m + 1];
    for (&wa, &ida) in a.weights.iter().zip(&a.ids) {
        for j in 0..m {
            cur[j + 1] = if ida == b.ids[j] {
                prev[j] + wa.min(b.weights[j])
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    (f64::from(prev[m]) / f64::from(lighter)).min(1.0)
}

fn groups_to_passages(sentences: &[Sentence], edges: &[Edge]) -> Vec<SharedPassage> {
    let mut uf = UnionFind((0..sentences.len()).collect());
    let mut degree = vec![0.0f64; sentences.len()];
    for e in edges {
        uf.union(e.a, e.b);
        degree[e.a] += e.sim;
        degree[e.b] += e.sim;
    }
    // Component → per source, the best-connected sentence; and the smallest edge similarity.
    let mut comps: BTreeMap<usize, (BTreeMap<usize, usize>, f64)> = BTreeMap::new();
    for e in edges {
        let root = uf.find(e.a);
        let entry = comps.entry(root).or_insert_with(|| (BTreeMap::new(), 1.0));
        entry.1 = entry.1.min(e.sim);
        for s in [e.a, e.b] {
            let src = sentences[s].source;
            let best = entry.0.entry(src).or_insert(s);
            if degree[s] > degree[*best] || (degree[s] == degree[*best] && s < *best) {
                *best = s;
            }
        }
    }
    let mut groups: Vec<Group> = comps
        .into_values()
        .filter(|(per, _)| per.len() >= 2)
        .map(|(per, sim)| Group {
            runs: per.into_iter().map(|(src, s)| (src, (s, s))).collect(),
            sim,
        })
        .collect();
    // Join a group with the one that continues it in every source.
    crate::sort::by_key(&mut groups, |g| g.runs.values().next().map(|r| r.0));
    let mut by_start: HashMap<usize, usize> = HashMap::new();
    for (gi, g) in groups.iter().enumerate() {
        if let Some((_, &(s, _))) = g.runs.iter().next() {
            by_start.insert(s, gi);
        }
    }
    let mut absorbed = vec![false; groups.len()];
    for gi in 0..groups.len() {
        if absorbed[gi] {
            continue;
        }
        while let Some((&src0, &(_, last0))) = groups[gi].runs.iter().next() {
            let next_idx = last0 + 1;
            let Some(&ni) = by_start.get(&next_idx) else {
                break;
            };
            if ni == gi || absorbed[ni] || sentences.get(next_idx).map(|s| s.source) != Some(src0) {
                break;
            }
            let continues = groups[ni].runs.len() == groups[gi].runs.len()
                && groups[gi].runs.iter().all(|(src, &(_, last))| {
                    groups[ni].runs.get(src).is_some_and(|&(first, _)| {
                        first == last + 1 && sentences[first].source == *src
                    })
                });
            if !continues {
                break;
            }
            absorbed[ni] = true;
            let next = std::mem::take(&mut groups[ni].runs);
            let next_sim = groups[ni].sim;
            let g = &mut groups[gi];
            for (src, (_, last)) in next {
                if let Some(run) = g.runs.get_mut(&src) {
                    run.1 = last;
                }
            }
            g.sim = g.sim.min(next_sim);
        }
    }
    let mut out: Vec<SharedPassage> = groups
        .into_iter()
        .zip(absorbed)
        .filter(|(_, a)| !a)
        .map(|(g, _)| to_passage(sentences, &g))
        .collect();
    crate::sort::by(&mut out, |a, b| {
        b.occurrences
            .len()
            .cmp(&a.occurrences.len())
            .then(b.words.cmp(&a.words))
            .then_with(|| first_loc(a).cmp(&first_loc(b)))
    });
    out
}

fn first_loc(p: &SharedPassage) -> (usize, usize) {
    p.occurrences
        .first()
        .map(|o| (o.source, o.lines.first().copied().unwrap_or(0)))
        .unwrap_or((0, 0))
}

fn to_passage(sentences: &[Sentence], g: &Group) -> SharedPassage {
    let occurrences: Vec<Occurrence> = g
        .runs
        .iter()
        .map(|(&source, &(first, last))| {
            let run = &sentences[first..=last];
            let mut lines: Vec<usize> = run.iter().map(|s| s.line).collect();
            lines.dedup();
            Occurrence {
                source,
                lines,
                text: run
                    .iter()
                    .map(|s| s.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            }
        })
        .collect();
    let words = g
        .runs
        .values()
        .map(|&(f, l)| {
            sentences[f..=l]
                .iter()
                .map(|s| s.words.len())
                .sum::<usize>()
        })
        .min()
        .unwrap_or(0);
    SharedPassage {
        similarity: super::round3(g.sim),
        words,
        occurrences,
    }
}
