//! The article text as comparison sees it: sentences of the clean body with their input line,
//! and folded word tokens.
//!
//! Promises: every sentence is a non-empty slice of one body line (sentences never cross lines,
//! so each has exactly one input line number); tokens are lower-case runs of letters and digits
//! (apostrophes and hyphens split words, a possessive "s" is dropped). Linear in the text, never
//! panics.

use crate::model::Analysis;

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

/// The sentences of one source's clean article (its `body` and `heading` lines), in order.
pub fn sentences(source: usize, analysis: &Analysis) -> Vec<Sentence> {
    let mut out = Vec::new();
    for l in analysis.lines.iter().filter(|l| l.kind.is_article()) {
        for (a, b) in crate::sentences::spans(&l.text) {
            let s = &l.text[a..b];
            let (words, content) = tokens(s);
            out.push(Sentence {
                source,
                line: l.line as usize,
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
}
