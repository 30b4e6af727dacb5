//! Stage 2: label every line of the paste with a [`Kind`] and a human-readable reason.
//!
//! How:
//! 1. [`language`] guesses the article's language (stopword hits, or the script);
//! 2. [`features`] measures each line (length, sentence shape, stopword share, datelines, …)
//!    and the chrome lexicon ([`crate::lexicon`]) recognizes known site phrases;
//! 3. [`line_vector`] adds context (neighbours, runs of short lines, position, list markers)
//!    and [`line_model`] (logistic regression, trained by [`train`]) scores each line's
//!    log-odds of being article text;
//! 4. [`smooth`] turns the scores into article / not-article decisions over the sequence;
//! 5. [`kinds`] names every line: body or heading inside the article, and for the rest the
//!    boilerplate kind (chrome phrase, list section, dateline, byline, caption, …).
//!
//! Invariant: returns exactly one label per input line; blank lines are always `blank`.

pub mod features;
pub mod hints;
pub mod kinds;
pub mod language;
pub mod line_model;
pub mod line_vector;
pub mod smooth;
pub mod train;

use crate::lexicon::{self, ChromeRule};
use crate::model::Kind;
use features::Features;
use line_model::LineModel;
use line_vector::Vector;

/// A line's kind with the reason it was chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The kind.
    pub kind: Kind,
    /// Why, in a few words.
    pub reason: String,
}

/// What cleaning found: one label per line and the language guess.
#[derive(Debug, Clone, PartialEq)]
pub struct Cleaned {
    /// One label per input line, in order.
    pub labels: Vec<Label>,
    /// ISO 639-1 code of the article's language, if clear.
    pub language: Option<&'static str>,
}

/// Everything measured about the lines before any decision (shared by cleaning and training).
pub struct Measured<'a> {
    /// The line texts.
    pub lines: &'a [String],
    /// The language guess.
    pub language: Option<&'static str>,
    /// Per-line features.
    pub feats: Vec<Features>,
    /// Per-line chrome phrase match.
    pub chrome: Vec<Option<&'static ChromeRule>>,
    /// `(line index, vector)` of every non-blank line, in order.
    pub vectors: Vec<(usize, Vector)>,
}

/// Measures `lines` (normalized line texts, see [`crate::normalize`]).
pub fn measure(lines: &[String]) -> Measured<'_> {
    let mut feats: Vec<Features> = lines.iter().map(|l| features::features(l, None)).collect();
    let language = language::guess(&feats);
    let stops = language.and_then(lexicon::stopword_bit);
    for f in &mut feats {
        f.set_language(stops);
    }
    // On long sentence-shaped lines only notice/copyright phrases count: elsewhere a chrome
    // phrase there is part of a sentence.
    let chrome: Vec<Option<&'static ChromeRule>> = feats
        .iter()
        .zip(lines)
        .map(|(f, l)| {
            if l.is_empty() {
                return None;
            }
            // Site chrome is short; longer lines only get the checks that hold on prose.
            let long = f.units > 14 || (f.units >= 8 && f.ends_sentence);
            if long {
                lexicon::match_chrome_on_prose(&f.lower)
            } else {
                lexicon::match_chrome(&f.lower)
            }
        })
        .collect();
    let vectors = line_vector::vectors(lines, &feats, &chrome, stops.is_some());
    Measured {
        lines,
        language,
        feats,
        chrome,
        vectors,
    }
}

/// Labels every line with the embedded model. `lines` are normalized line texts.
pub fn classify(lines: &[String]) -> Vec<Label> {
    clean(lines).labels
}

/// Labels every line with the embedded model and reports the language guess.
pub fn clean(lines: &[String]) -> Cleaned {
    clean_with(lines, LineModel::embedded())
}

/// Labels every line using `model` (the bench uses this for cross-validation).
pub fn clean_with(lines: &[String], model: &LineModel) -> Cleaned {
    let m = measure(lines);
    let logits: Vec<f32> = m.vectors.iter().map(|(_, v)| model.logit(v)).collect();
    label_scored(&m, logits)
}

/// Smooths `logits` (one log-odds per vector of `m`, in order) into decisions and names every
/// line: the steps after scoring, shared by the plain and the rich ([`hints`]) paths.
pub fn label_scored(m: &Measured, logits: Vec<f32>) -> Cleaned {
    let eligible: Vec<bool> = m
        .vectors
        .iter()
        .map(|(i, _)| m.chrome[*i].is_none() && m.feats[*i].units >= 8)
        .collect();
    let article = smooth::decide(&logits, &eligible);
    let labels = kinds::label_all(m, &logits, &article);
    Cleaned {
        labels,
        language: m.language,
    }
}

#[cfg(test)]
mod tests;
