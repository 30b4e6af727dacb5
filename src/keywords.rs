//! Keywords: the salient terms of the article, most salient first.
//!
//! Candidates are the entities' canonical names (weighted by mentions, people and organizations
//! a little above places) and the content words of the body (not stopwords, at least 4 letters,
//! plural folded onto a singular the text also uses), weighted by frequency and halved for
//! frequent English words (the common-word list of [`crate::entities::gazetteer`]). Words that
//! are part of a listed name, or demonyms, are not separate keywords.
//!
//! Promises: at most [`MAX_KEYWORDS`] distinct terms (case-insensitive, at most [`MAX_NAMES`]
//! names), each written as in the
//! text (names) or lowercase (words); deterministic (ties by first appearance). Never panics.

use crate::entities::{gazetteer, Entity};
use crate::fasthash::{FastMap, FastSet};

/// How many keywords are returned at most.
pub const MAX_KEYWORDS: usize = 10;
/// How many of them may be entity names (the rest are words).
pub const MAX_NAMES: usize = 6;

/// Word weights of the article's content words (lowercase, plurals folded), for keywords and
/// the summary.
pub fn word_weights(lines: &[(usize, &str)]) -> FastMap<Box<str>, f64> {
    let g = gazetteer::get();
    let en = crate::lexicon::stopword_bit("en").unwrap_or(0);
    let mut tf: FastMap<Box<str>, f64> = FastMap::default();
    for (_, text) in lines {
        for_each_word(text, |w| {
            // Apostrophes around the word are not part of it (’ ends in byte 0x99).
            let w = match (w.as_bytes().first(), w.as_bytes().last()) {
                (Some(b'\'' | 0xE2), _) | (_, Some(b'\'' | 0x99)) => w.trim_matches(['\'', '’']),
                _ => w,
            };
            // Cheapest tests first (fewer than 4 bytes is fewer than 4 chars).
            if w.len() < 4 || !first_is_lowercase(w) {
                return; // capitalized words are names: the entities cover them
            }
            let plain = if w.is_ascii() {
                w.bytes().all(|b| b.is_ascii_alphabetic())
            } else {
                w.chars().all(char::is_alphabetic) && w.chars().count() >= 4
            };
            if !plain {
                return;
            }
            crate::lower::with_lower(w, |lw| {
                // `lw` is lowercase: its stopword bits need no second lowercasing.
                if crate::lexicon::stopword_mask(lw) & en != 0
                    || (g.lowercase_demonyms && g.demonyms.contains_key(w))
                {
                    return;
                }
                match tf.get_mut(lw) {
                    Some(n) => *n += 1.0,
                    None => {
                        tf.insert(lw.into(), 1.0);
                    }
                }
            });
        });
    }
    // Fold plurals onto a singular the text also uses ("sanctions" -> "sanction").
    let plurals: Vec<Box<str>> = tf
        .keys()
        .filter(|w| w.strip_suffix('s').is_some_and(|s| tf.contains_key(s)))
        .cloned()
        .collect();
    for p in plurals {
        if let Some(n) = tf.remove(&p) {
            let s = &p[..p.len() - 1];
            match tf.get_mut(s) {
                Some(v) => *v += n,
                None => {
                    tf.insert(s.into(), n);
                }
            }
        }
    }
    for (w, v) in tf.iter_mut() {
        if g.is_common_word(w) {
            *v *= 0.5;
        }
    }
    tf
}

/// True if the first char of `w` is lowercase (ASCII without decoding).
fn first_is_lowercase(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
        Some(_) => w.chars().next().is_some_and(char::is_lowercase),
        None => false,
    }
}

/// Calls `f` with each maximal run of alphanumeric chars, `'` and `’` of `text`, in order
/// (what `text.split` at every other char yields, without the empty pieces).
fn for_each_word(text: &str, f: impl FnMut(&str)) {
    let in_word = |c: char| {
        if c.is_ascii() {
            c.is_ascii_alphanumeric() || c == '\''
        } else {
            c.is_alphanumeric() || c == '’'
        }
    };
    crate::entities::tokens::for_each_run(text, in_word, f);
}

/// The keywords of the article from its word weights ([`word_weights`]) and entities.
pub fn extract(weights: &FastMap<Box<str>, f64>, entity_lists: &[(&[Entity], f64)]) -> Vec<String> {
    let mut name_words: FastSet<String> = FastSet::default();
    let mut cands: Vec<(f64, usize, &str)> = Vec::new();
    let mut order = 0;
    for (list, factor) in entity_lists {
        for e in list.iter() {
            for w in e.name.split_whitespace() {
                name_words.insert(w.to_lowercase());
            }
            cands.push((e.mentions as f64 * factor, order, &e.name));
            order += 1;
        }
    }
    // Map order is arbitrary, but the sort below is total (names differ by `order`, words by
    // their text), so the result does not depend on it. Words are distinct lowercase keys
    // that no name lowercases to (a one-word name is in `name_words`), so the dedup below
    // never drops one: at most the best MAX_KEYWORDS words can be taken, and only those are
    // kept (in the sort's order for words: weight descending, then text).
    let mut top: Vec<(f64, &str)> = Vec::with_capacity(MAX_KEYWORDS + 1);
    for (w, v) in weights {
        if *v >= 1.0 && !name_words.contains(&**w) {
            let better = |t: &(f64, &str)| v.total_cmp(&t.0).then(t.1.cmp(w)).is_gt();
            let at = top.iter().position(better).unwrap_or(top.len());
            if at < MAX_KEYWORDS {
                top.insert(at, (*v, w));
                top.truncate(MAX_KEYWORDS);
            }
        }
    }
    cands.extend(top.into_iter().map(|(v, w)| (v, usize::MAX, w)));
    crate::sort::by(&mut cands, |a, b| {
        b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(b.2))
    });
    let mut seen = FastSet::default();
    let mut names = 0;
    cands
        .into_iter()
        .filter(|c| c.0 >= 1.0 && seen.insert(c.2.to_lowercase()))
        .filter(|c| {
            let is_name = c.1 != usize::MAX;
            names += usize::from(is_name);
            !is_name || names <= MAX_NAMES
        })
        .take(MAX_KEYWORDS)
        .map(|c| c.2.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_plurals_and_skip_stopwords() {
        let w = word_weights(&[(
            1,
            "The sanctions and a sanction; the tariff, tariffs, tariffs.",
        )]);
        assert_eq!(w.get("sanction").copied().map(|v| v > 0.0), Some(true));
        assert!(!w.contains_key("sanctions"));
        assert!(!w.contains_key("the"));
        assert!(w["tariff"] > w["sanction"]);
    }
}
