//! Are the sources about one story? A score per pair of sources from the key terms they share,
//! and the groups of sources that belong together.
//!
//! Key terms are the body's words that are not stopwords, at least three letters and not pure
//! numbers, weighted `1 + ln(count)`; names are the key terms written capitalized inside a
//! sentence (people, places, organizations, titles). A pair's `score` is the geometric mean of
//! the cosine of their key terms and the cosine of their names (0..=1): one story needs both
//! the same vocabulary and the same cast, so two press releases of one company (same words,
//! other names) or two articles naming the same leaders on different topics stay apart. Two
//! sources are one story when the score reaches [`SAME_STORY`]; the stories are the connected
//! groups of that relation. Linear in the text, quadratic only in the
//! number of sources (20 sources are 190 pairs).

use super::text::Sentence;
use super::types::PairScore;
use std::collections::HashMap;

/// The pair score from which two sources are taken for one story. Printed and checked by the
/// bench (`cargo run --release --bin bench`), which reports the highest score between unrelated
/// bench articles and the lowest between the seeds.
pub const SAME_STORY: f64 = 0.45;

/// How many shared key terms a pair lists.
const SHARED_TERMS_SHOWN: usize = 12;

/// The key-term weights of one source, as sorted `(term id, weight)` lists with their norms.
pub struct Terms {
    /// Every key term.
    pub all: Vec<(u32, f64)>,
    /// The key terms written capitalized inside a sentence.
    pub names: Vec<(u32, f64)>,
    norms: (f64, f64),
}

/// True if a folded word can be a key term.
fn is_key_term(w: &str) -> bool {
    w.chars().count() >= 3
        && !w.chars().all(|c| c.is_ascii_digit())
        && !crate::lexicon::is_stopword(w)
}

/// Term ids shared by every source of one comparison (so terms compare as integers).
#[derive(Default)]
pub struct Vocabulary<'a> {
    ids: HashMap<&'a str, u32>,
    words: Vec<&'a str>,
}

impl<'a> Vocabulary<'a> {
    fn id(&mut self, w: &'a str) -> u32 {
        let next = self.words.len() as u32;
        *self.ids.entry(w).or_insert_with(|| {
            self.words.push(w);
            next
        })
    }

    /// The word of a term id.
    pub fn word(&self, id: u32) -> &'a str {
        self.words.get(id as usize).copied().unwrap_or("")
    }
}

fn weights(counts: HashMap<u32, usize>) -> (Vec<(u32, f64)>, f64) {
    let mut v: Vec<(u32, f64)> = counts
        .into_iter()
        .map(|(w, c)| (w, 1.0 + (c as f64).ln()))
        .collect();
    v.sort_unstable_by_key(|x| x.0);
    let norm = v.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt();
    (v, norm)
}

impl Terms {
    /// The key terms of one source's sentences.
    pub fn of<'a>(sentences: &'a [Sentence], vocab: &mut Vocabulary<'a>) -> Terms {
        let mut counts: HashMap<u32, usize> = HashMap::new();
        let mut names: HashMap<u32, usize> = HashMap::new();
        for s in sentences {
            for (i, w) in s.words.iter().enumerate() {
                if is_key_term(w) {
                    let id = vocab.id(w);
                    *counts.entry(id).or_default() += 1;
                    if i > 0 && s.content.get(i) == Some(&false) {
                        *names.entry(id).or_default() += 1;
                    }
                }
            }
        }
        let (all, na) = weights(counts);
        let (names, nn) = weights(names);
        Terms {
            all,
            names,
            norms: (na, nn),
        }
    }
}

/// Dot product of two id-sorted weight lists (a linear merge).
fn dot(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let (mut i, mut j, mut d) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                d += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    d
}

fn cosine(a: &[(u32, f64)], b: &[(u32, f64)], na: f64, nb: f64) -> f64 {
    if na * nb > 0.0 {
        dot(a, b) / (na * nb)
    } else {
        0.0
    }
}

/// Scores one pair: the geometric mean of the key-term and name cosines, and the shared key
/// terms that weigh most.
pub fn score_pair(a: usize, b: usize, ta: &Terms, tb: &Terms, vocab: &Vocabulary) -> PairScore {
    let terms = cosine(&ta.all, &tb.all, ta.norms.0, tb.norms.0);
    let names = cosine(&ta.names, &tb.names, ta.norms.1, tb.norms.1);
    let score = (terms * names).sqrt();
    let mut shared: Vec<(&str, f64)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < ta.all.len() && j < tb.all.len() {
        match ta.all[i].0.cmp(&tb.all[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared.push((vocab.word(ta.all[i].0), ta.all[i].1.min(tb.all[j].1)));
                i += 1;
                j += 1;
            }
        }
    }
    crate::sort::by(&mut shared, |x, y| y.1.total_cmp(&x.1).then(x.0.cmp(y.0)));
    PairScore {
        a,
        b,
        score: super::round3(score),
        same_story: score >= SAME_STORY,
        shared_terms: shared
            .into_iter()
            .take(SHARED_TERMS_SHOWN)
            .map(|(w, _)| w.to_string())
            .collect(),
    }
}

/// Groups the sources into stories: connected components of the pairs judged the same story.
/// Each story lists its sources ascending; stories are ordered by their first source.
pub fn stories(n_sources: usize, pairs: &[PairScore]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n_sources).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for p in pairs.iter().filter(|p| p.same_story) {
        if p.a < n_sources && p.b < n_sources {
            let (ra, rb) = (find(&mut parent, p.a), find(&mut parent, p.b));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut slot: HashMap<usize, usize> = HashMap::new();
    for s in 0..n_sources {
        let r = find(&mut parent, s);
        let gi = *slot.entry(r).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[gi].push(s);
    }
    groups
}
