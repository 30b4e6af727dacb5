//! The article text as comparison sees it: sentences of the clean body with their input line,
//! and folded word tokens.
//!
//! Promises: every sentence is a non-empty slice of one body line (sentences never cross lines,
//! so each has exactly one input line number); tokens are lower-case runs of letters and digits
//! (apostrophes and hyphens split words, a possessive "s" is dropped). Linear in the text, never
//! panics.

use crate::model::Analysis;
use std::collections::HashSet;
use std::sync::OnceLock;

const ABBREVIATIONS: &str = include_str!("../../data/compare/abbreviations.txt");

/// One sentence of one source's article.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Index of the source (the position of its analysis in the input).
    pub source: usize,
    /// 1-based input line of the sentence.
    pub line: usize,
    /// Position of this sentence among its source's sentences (0-based).
    pub ordinal: usize,
    /// The sentence as written (trimmed).
    pub text: String,
    /// Folded word tokens of the sentence (see [`words`]).
    pub words: Vec<String>,
    /// For each word, whether it is a content word as written: not capitalized (so not part of
    /// a name or title), not a stopword (see [`is_content`]).
    pub content: Vec<bool>,
}

fn abbreviations() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        ABBREVIATIONS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Lower-case word tokens of `text`: runs of letters and digits. A lone "s" (the possessive
/// "'s" split off at the apostrophe) is dropped.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && *w != "s" && *w != "S")
        .map(str::to_lowercase)
        .collect()
}

/// True if a word as written is a content word: it starts with a lower-case letter or a digit
/// and is not a stopword. Names and titles ("President", "Xi") are not content: two sources
/// naming the same people in the same order have not copied each other.
pub fn is_content(word: &str) -> bool {
    starts_lower(word) && !crate::lexicon::is_stopword(word)
}

fn starts_lower(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
}

/// The tokens of `text` as [`words`] makes them, each with [`is_content`] of its written form.
pub fn tokens(text: &str) -> (Vec<String>, Vec<bool>) {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && *w != "s" && *w != "S")
        .map(|w| {
            let lower = w.to_lowercase();
            // `is_stopword` folds case itself; skip the lookup when the word is capitalized.
            let content = starts_lower(w) && !crate::lexicon::is_stopword(&lower);
            (lower, content)
        })
        .unzip()
}

/// True if the word just before a full stop is an abbreviation, so the stop ends no sentence:
/// a single letter ("J."), a dotted acronym ("U.S."), or a listed word ("Mr.", "Jan.").
fn is_abbreviation(word_before: &str) -> bool {
    let w = word_before.trim_start_matches(|c: char| !c.is_alphanumeric());
    if w.is_empty() {
        return false;
    }
    if w.contains('.') {
        // "U.S" (the final stop is the one being judged): dotted acronym.
        return w.split('.').all(|p| p.chars().count() <= 2);
    }
    if w.chars().count() == 1 && w.chars().all(char::is_alphabetic) {
        return true;
    }
    abbreviations().contains(w.to_lowercase().as_str())
}

/// Splits one line into sentences, returned as trimmed slices of `line` in order. A sentence
/// ends at `.`, `!` or `?` (with any closing quotes or brackets after it) followed by white
/// space and then an upper-case letter, a digit or an opening quote, unless the word before a
/// `.` is an abbreviation. The end of the line always ends a sentence.
pub fn split_sentences(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            // Extend over closing punctuation.
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
            {
                j += 1;
            }
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let spaced = k > j;
            let next_starts = k < chars.len() && {
                let n = chars[k].1;
                n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '‘' | '«' | '(')
            };
            let abbrev = c == '.' && j == i + 1 && {
                let before = &line[start..pos];
                let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
                is_abbreviation(word)
            };
            if spaced && next_starts && !abbrev {
                let end = if j < chars.len() {
                    chars[j].0
                } else {
                    line.len()
                };
                let s = line[start..end].trim();
                if !s.is_empty() {
                    out.push(s);
                }
                start = chars[k].0;
                i = k;
                continue;
            }
        }
        i += 1;
    }
    let rest = line[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// The sentences of one source's clean article (its `body` and `heading` lines), in order.
pub fn sentences(source: usize, analysis: &Analysis) -> Vec<Sentence> {
    let mut out = Vec::new();
    for l in analysis.lines.iter().filter(|l| l.kind.is_article()) {
        for s in split_sentences(&l.text) {
            let (words, content) = tokens(s);
            out.push(Sentence {
                source,
                line: l.line,
                ordinal: out.len(),
                text: s.to_string(),
                words,
                content,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_sentence_ends_only() {
        let s = split_sentences(
            "Mr. Smith met U.S. President Trump on Jan. 5. He said “no.” Then 3 people left! Ok?",
        );
        assert_eq!(
            s,
            vec![
                "Mr. Smith met U.S. President Trump on Jan. 5.",
                "He said “no.”",
                "Then 3 people left!",
                "Ok?"
            ]
        );
    }

    #[test]
    fn lower_case_after_stop_does_not_split() {
        assert_eq!(
            split_sentences("It was 3 p.m. today. ok"),
            vec!["It was 3 p.m. today. ok"]
        );
    }

    #[test]
    fn words_fold_case_and_possessives() {
        assert_eq!(
            words("China’s trade-ties, U.S. 2024"),
            vec!["china", "trade", "ties", "u", "2024"]
        );
    }

    #[test]
    fn names_and_stopwords_are_not_content() {
        let (w, c) = tokens("President Xi pledged to elevate 2025 ties");
        assert_eq!(w.len(), 7);
        assert_eq!(c, vec![false, false, true, false, true, true, true]);
    }

    #[test]
    fn odd_input_never_panics() {
        for t in ["", ".", ". . .", "é. É", "?!”", "a.b.c. D", "\u{0}. X"] {
            let _ = split_sentences(t);
        }
    }
}
