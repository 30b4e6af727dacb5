//! The summary: three sentences of the article, picked extractively, in article order.
//!
//! Each sentence of a body paragraph (headings and sentences under 6 words are skipped) scores
//! the mean weight of its words (keyword weights of [`crate::keywords::word_weights`] plus the
//! mentions of the entities it names), with a bonus for the article's first sentences (news
//! puts the essentials first); a sentence repeating most words of one already picked is skipped.
//!
//! Promises: at most [`SUMMARY_SENTENCES`] sentences, each a substring of its line, in input
//! order. Never panics; linear in the text.

use crate::entities::Entity;
use crate::fasthash::{FastMap, FastSet};
use serde::{Deserialize, Serialize};

/// How many sentences the summary has at most.
pub const SUMMARY_SENTENCES: usize = 3;

/// One sentence of the summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummarySentence {
    /// The sentence as written.
    pub text: String,
    /// The input line it is on (1-based).
    pub line: usize,
}

/// The lowercased words of 3+ characters of `s` that are not stopwords.
fn content_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_content_word(s, |w| out.push(w.to_string()));
    out
}

/// Calls `f` with each of [`content_words`]`(s)` in order, lowercased on the stack when ASCII.
fn for_each_content_word(s: &str, mut f: impl FnMut(&str)) {
    let en = crate::lexicon::stopword_bit("en").unwrap_or(0);
    let alnum = |c: char| {
        if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        }
    };
    crate::entities::tokens::for_each_run(s, alnum, |w| {
        if w.len() >= 3 && (w.is_ascii() || w.chars().count() >= 3) {
            crate::lower::with_lower(w, |lw| {
                // `lw` is lowercase: its stopword bits need no second lowercasing.
                if crate::lexicon::stopword_mask(lw) & en == 0 {
                    f(lw);
                }
            });
        }
    });
}

/// Picks the summary sentences of article lines given as `(line number, text)`.
/// `weights` are the article's word weights ([`crate::keywords::word_weights`]).
/// `sentences` are the lines' sentence spans ([`crate::sentences::LineSentences`] of the same
/// texts).
pub fn extract(
    lines: &[(usize, &str)],
    sentences: &crate::sentences::LineSentences,
    weights: &crate::fasthash::FastMap<Box<str>, f64>,
    entities: &[&[Entity]],
) -> Vec<SummarySentence> {
    // The words of entity names weigh their mentions on top of `weights` (kept apart: a
    // clone of every word's weight would cost more than the sentences). Weights are counts,
    // halves and mentions, so the sums are exact in any order.
    // (Keyed like `weights`: one map type in the wasm module.)
    let mut names: FastMap<Box<str>, f64> = FastMap::default();
    // Most words are no name's: the filter answers them without hashing.
    let mut name_filter = crate::entities::gazetteer::Filter::default();
    for list in entities {
        for e in list.iter() {
            for w in e.name.split_whitespace() {
                let w = w.to_lowercase();
                name_filter.insert(&w);
                *names.entry(w.into()).or_insert(0.0) += e.mentions as f64;
            }
        }
    }
    let weight = |w: &str| -> f64 {
        let name = match name_filter.may_contain(w) {
            true => names.get(w),
            false => None,
        };
        match (weights.get(w), name) {
            (None, None) => 0.0,
            (base, name) => base.copied().unwrap_or(0.0) + name.copied().unwrap_or(0.0),
        }
    };
    // (score, index, line, sentence): the words are read again for the few sentences the
    // repeat test looks at, rather than kept for every sentence.
    let mut cands: Vec<(f64, usize, usize, &str)> = Vec::new();
    let mut index = 0;
    for (li, &(line, text)) in lines.iter().enumerate() {
        if !text
            .trim_end()
            .ends_with(['.', '!', '?', '"', '”', '’', ')'])
        {
            continue; // headings and fragments
        }
        for &(a, b) in sentences.of(li) {
            let s = &text[a..b];
            if s.split_whitespace().nth(5).is_none() {
                continue;
            }
            let (mut sum, mut n) = (0.0f64, 0usize);
            for_each_content_word(s, |w| {
                sum += weight(w);
                n += 1;
            });
            if n == 0 {
                continue;
            }
            let w = sum / (n as f64).sqrt();
            let position = match index {
                0 => 1.5,
                1 => 1.2,
                2 => 1.1,
                _ => 1.0,
            };
            cands.push((w * position, index, line, s));
            index += 1;
        }
    }
    let mut order: Vec<usize> = (0..cands.len()).collect();
    crate::sort::by(&mut order, |&a, &b| {
        cands[b].0.total_cmp(&cands[a].0).then(a.cmp(&b))
    });
    let mut picked: Vec<(usize, Vec<String>)> = Vec::new();
    for i in order {
        if picked.len() == SUMMARY_SENTENCES {
            break;
        }
        let own = content_words(cands[i].3);
        let words: FastSet<&String> = own.iter().collect();
        let repeats = picked.iter().any(|(_, p)| {
            let other: FastSet<&String> = p.iter().collect();
            words.intersection(&other).count() * 10 >= words.len().min(other.len()) * 7
        });
        if !repeats {
            picked.push((i, own));
        }
    }
    let mut picked: Vec<usize> = picked.into_iter().map(|(i, _)| i).collect();
    picked.sort_unstable();
    picked
        .into_iter()
        .map(|i| SummarySentence {
            text: cands[i].3.to_string(),
            line: cands[i].2,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_sentences_in_order() {
        let lines = [
            (1, "Heading Without Stop"),
            (2, "Russia and China agreed to expand trade in energy this year. The weather was fine today in the city."),
            (3, "Trade in energy between Russia and China hit a record as energy exports grew."),
            (5, "Officials said energy trade would grow again next year, officials said."),
        ];
        let w = crate::keywords::word_weights(&lines);
        let sents = crate::sentences::LineSentences::new(lines.iter().map(|l| l.1));
        let s = extract(&lines, &sents, &w, &[]);
        assert_eq!(s.len(), 3);
        assert!(s.windows(2).all(|w| w[0].line <= w[1].line));
        assert!(s.iter().all(|x| !x.text.contains("weather")));
        assert!(extract(&[], &crate::sentences::LineSentences::default(), &w, &[]).is_empty());
    }
}
