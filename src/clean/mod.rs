//! Stage 2: label every line of the paste with a [`Kind`] and a human-readable reason.
//!
//! How (the rule-based baseline):
//! 1. [`features`] measures each line (length, sentence shape, stopword share, datelines) and
//!    the chrome lexicon recognizes known site phrases.
//! 2. Each non-blank line gets a body score: prose-shaped lines score positive, chrome and
//!    short fragments negative. The article is taken to be the contiguous run of lines with the
//!    largest total score (chrome clusters before and after the article).
//! 3. Inside that region, prose lines are `body`, short capitalized lines followed by prose are
//!    `heading`; outside it, lines are labelled by chrome phrase, list markers they follow
//!    ("ALSO READ" → related), datelines, bylines, and the title is the headline-shaped line
//!    nearest before the article.
//!
//! Invariant: returns exactly one label per input line; blank lines are always `blank`.

pub mod features;

use crate::lexicon::{self, ChromeRule};
use crate::model::Kind;
use features::Features;

/// A line's kind with the reason it was chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The kind.
    pub kind: Kind,
    /// Why, in a few words.
    pub reason: String,
}

fn label(kind: Kind, reason: impl Into<String>) -> Label {
    Label {
        kind,
        reason: reason.into(),
    }
}

/// True if the line reads like a paragraph of prose.
fn is_prose(f: &Features) -> bool {
    (f.words >= 8 && f.ends_sentence && f.stop_share >= 0.15)
        || (f.words >= 20 && f.stop_share >= 0.2)
}

/// The body score of one non-blank line (positive = article-like).
fn body_score(f: &Features, chrome: Option<&ChromeRule>) -> f32 {
    if chrome.is_some() {
        return -3.0;
    }
    if f.is_dateline {
        return -1.0;
    }
    if is_prose(f) {
        return (f.words as f32 / 8.0).min(5.0);
    }
    if f.words >= 4 && f.ends_sentence {
        return 0.2;
    }
    -0.6
}

/// Returns the (start, end) indices (inclusive) of the contiguous run with the largest sum.
fn best_region(scores: &[(usize, f32)]) -> Option<(usize, usize)> {
    let mut best: Option<(f32, usize, usize)> = None;
    let mut run_sum = 0.0f32;
    let mut run_start = 0usize;
    for (j, &(_, s)) in scores.iter().enumerate() {
        if run_sum <= 0.0 {
            run_sum = 0.0;
            run_start = j;
        }
        run_sum += s;
        if best.is_none_or(|(b, _, _)| run_sum > b) {
            best = Some((run_sum, run_start, j));
        }
    }
    best.filter(|(b, _, _)| *b > 0.0)
        .map(|(_, a, b)| (scores[a].0, scores[b].0))
}

fn is_byline(f: &Features, text: &str) -> bool {
    let t = text.trim_start_matches(['-', '–', '—', ' ']);
    let lower = t.to_lowercase();
    (lower.starts_with("by ") || lower.starts_with("written by ") || lower.starts_with("von "))
        && f.words <= 12
        && !f.ends_sentence
}

fn is_headline_shaped(f: &Features) -> bool {
    (3..=30).contains(&f.words) && !f.is_dateline && (!f.ends_sentence || f.lower.ends_with('?'))
}

/// Labels every line. `lines` are normalized line texts (see [`crate::normalize`]).
pub fn classify(lines: &[String]) -> Vec<Label> {
    let feats: Vec<Features> = lines.iter().map(|l| features::features(l)).collect();
    let chrome: Vec<Option<&ChromeRule>> = feats
        .iter()
        .zip(lines)
        .map(|(f, l)| {
            if l.is_empty() || is_prose(f) {
                None
            } else {
                lexicon::match_chrome(&f.lower)
            }
        })
        .collect();
    let scores: Vec<(usize, f32)> = (0..lines.len())
        .filter(|&i| !lines[i].is_empty())
        .map(|i| (i, body_score(&feats[i], chrome[i])))
        .collect();
    let region = best_region(&scores);
    let mut out: Vec<Option<Label>> = vec![None; lines.len()];

    for (i, l) in lines.iter().enumerate() {
        if l.is_empty() {
            out[i] = Some(label(Kind::Blank, "empty line"));
        }
    }

    // Inside the article region.
    if let Some((a, b)) = region {
        for i in a..=b {
            if out[i].is_some() {
                continue;
            }
            let f = &feats[i];
            out[i] = Some(if let Some(rule) = chrome[i] {
                label(rule.kind, format!("known phrase '{}'", rule.phrase))
            } else if f.is_dateline {
                label(Kind::Date, "only date and time words")
            } else if is_prose(f) {
                label(
                    Kind::Body,
                    format!(
                        "prose: {} words, stopword share {:.2}, in the article region",
                        f.words, f.stop_share
                    ),
                )
            } else if f.words >= 3 && f.ends_sentence {
                label(Kind::Body, "short sentence inside the article region")
            } else if (1..=14).contains(&f.words)
                && !f.ends_sentence
                && lines[i]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_numeric())
                && next_nonblank(lines, i).is_some_and(|n| n <= b && is_prose(&feats[n]))
            {
                label(
                    Kind::Heading,
                    "short line without sentence end, followed by prose",
                )
            } else {
                label(
                    Kind::Promo,
                    format!(
                        "fragment inside the article ({} words, no sentence shape)",
                        f.words
                    ),
                )
            });
        }
    }

    // Outside: markers, datelines, bylines, title.
    let (ra, rb) = region.unwrap_or((lines.len(), lines.len()));
    let title_idx = (0..ra.min(lines.len()))
        .rev()
        .filter(|&i| out[i].is_none() && chrome[i].is_none())
        .take(6)
        .find(|&i| is_headline_shaped(&feats[i]) && !is_byline(&feats[i], &lines[i]));
    let mut section: Option<(Kind, String)> = None;
    for i in 0..lines.len() {
        if out[i].is_some() {
            if (ra..=rb).contains(&i) {
                section = None;
            }
            continue;
        }
        let f = &feats[i];
        let text = &lines[i];
        out[i] = Some(if let Some(rule) = chrome[i] {
            if rule.marker {
                section = Some((rule.kind, rule.phrase.clone()));
            }
            label(rule.kind, format!("known phrase '{}'", rule.phrase))
        } else if Some(i) == title_idx || title_idx.is_some_and(|t| lines[t] == *text && i != t) {
            label(Kind::Title, "headline-shaped line just before the article")
        } else if f.is_dateline {
            label(Kind::Date, "only date and time words")
        } else if is_byline(f, text) {
            label(Kind::Byline, "starts with 'By'")
        } else if let Some((kind, phrase)) = &section {
            label(*kind, format!("follows '{phrase}'"))
        } else if i > rb {
            if is_headline_shaped(f) {
                label(Kind::Related, "headline-shaped line after the article")
            } else {
                label(Kind::Navigation, "short line after the article")
            }
        } else {
            label(Kind::Navigation, "before the article, not prose")
        });
    }
    out.into_iter()
        .map(|l| l.unwrap_or_else(|| label(Kind::Navigation, "unlabelled")))
        .collect()
}

fn next_nonblank(lines: &[String], i: usize) -> Option<usize> {
    (i + 1..lines.len()).find(|&j| !lines[j].is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind> {
        let lines = crate::normalize::normalized_lines(text);
        classify(&lines).into_iter().map(|l| l.kind).collect()
    }

    #[test]
    fn one_label_per_line() {
        for t in ["", "\n\n", "x", "a\nb\r\nc"] {
            let lines = crate::normalize::normalized_lines(t);
            assert_eq!(classify(&lines).len(), lines.len());
        }
    }

    #[test]
    fn menu_title_body_related() {
        let text = "Home\nWorld\nSport\n\nLeaders Meet in Geneva for Talks\n\nBy Jane Doe\n\n\
The two leaders met on Tuesday in Geneva to discuss the future of the trade agreement between their countries.\n\n\
Officials said that the talks were productive and that a second meeting would take place in the spring.\n\n\
ALSO READ\nMarkets Rally as Rates Hold Steady\nStorm Batters the Coast Overnight\n\n© 2024 Example News. All Rights Reserved.";
        let k = kinds(text);
        assert_eq!(&k[0..3], &[Kind::Navigation; 3]);
        assert_eq!(k[4], Kind::Title);
        assert_eq!(k[6], Kind::Byline);
        assert_eq!(k[8], Kind::Body);
        assert_eq!(k[10], Kind::Body);
        assert_eq!(&k[12..15], &[Kind::Related; 3]);
        assert_eq!(k[16], Kind::Copyright);
    }
}
