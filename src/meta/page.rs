//! What the metadata extractors share about one paste: the lines as cleaning labelled them, the
//! main body cluster, the words of the article, and every date on every line (with years inferred
//! from the nearest full date and numeric order resolved for the whole page).

use super::date::{self, DateContext, ParsedDate, Ymd};
use crate::lexicon;
use crate::model::{Kind, Line};
use std::collections::HashSet;

/// Lines longer than this are not searched for dates (metadata lives on short lines).
const MAX_DATE_LINE_CHARS: usize = 2_000;

/// The shared view of one paste (indices are 0-based line indices).
pub struct Page<'a> {
    /// The labelled lines (labels as cleaning left them).
    pub lines: &'a [Line],
    /// Lowercased text of each line.
    pub lower: Vec<String>,
    /// Dates found on each line.
    pub dates: Vec<Vec<ParsedDate>>,
    /// First and last line of the main body cluster (the run of body lines with the most text).
    pub body: Option<(usize, usize)>,
    /// Stems of the content words (4+ letters, not stopwords) of the article's body lines.
    pub body_words: HashSet<String>,
    /// Today, if the caller said.
    pub reference: Option<Ymd>,
    /// Stems of each line's content words.
    pub stems: Vec<Vec<String>>,
    /// Each line is long enough to be prose (12+ words or 100+ characters).
    pub long: Vec<bool>,
    /// Memo of [`crate::meta::title`]'s byline-or-date test per line (filled on first use: the
    /// title features ask it of the same lines once per candidate).
    pub byline_or_date: Vec<std::cell::Cell<Option<bool>>>,
}

/// A crude language-neutral stem: the word without a plural `s`, cut to 5 characters
/// ("temptations" and "tempting" → "tempt", "snacks" → "snack").
pub fn stem(word: &str) -> String {
    let w = word.strip_suffix('s').unwrap_or(word);
    w.chars().take(5).collect()
}

/// Lowercased content words of `text`: letters-only tokens of 4+ chars that are not stopwords.
pub fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && w.chars().any(char::is_alphabetic))
        .map(str::to_lowercase)
        .filter(|w| !lexicon::is_stopword(w))
        .collect()
}

/// Number of words (tokens with a letter) in `text`.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
}

/// True if `text` ends like a sentence (`.`, `!`, `?`, `…` before closing quotes/brackets).
pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '”', '’', '\'', ')', '»', '*', ' ']);
    matches!(t.chars().last(), Some('.' | '!' | '?' | '。'))
}

fn body_cluster(lines: &[Line]) -> Option<(usize, usize)> {
    // Clusters: body/heading lines with at most 6 non-blank other lines between them.
    let mut best: Option<(usize, usize, usize)> = None; // (chars, start, end)
    let mut cur: Option<(usize, usize, usize)> = None;
    let mut gap = 0;
    for (i, l) in lines.iter().enumerate() {
        if l.kind.is_article() {
            let c = l.text.chars().count();
            cur = Some(match cur {
                Some((n, s, _)) if gap <= 6 => (n + c, s, i),
                _ => (c, i, i),
            });
            gap = 0;
            if let Some(c) = cur {
                if best.is_none_or(|b| c.0 > b.0) {
                    best = Some(c);
                }
            }
        } else if l.kind != Kind::Blank {
            gap += 1;
        }
    }
    best.map(|(_, s, e)| (s, e))
}

impl<'a> Page<'a> {
    /// Builds the shared view. Dates without a year get the year of the nearest (by line) date
    /// that has one, else the reference date's.
    pub fn new(lines: &'a [Line], reference: Option<Ymd>) -> Page<'a> {
        let lower: Vec<String> = lines.iter().map(|l| l.text.to_lowercase()).collect();
        let body = body_cluster(lines);
        let mut body_words = HashSet::new();
        if let Some((a, b)) = body {
            for l in &lines[a..=b] {
                if l.kind == Kind::Body {
                    body_words.extend(content_words(&l.text));
                }
            }
        }
        // Numeric order for the whole page, from unambiguous dates.
        let (mut dayf, mut monthf) = (0, 0);
        for l in lines.iter().filter(|l| l.text.len() <= MAX_DATE_LINE_CHARS) {
            let (d, m) = date::numeric_order_evidence(&l.text);
            dayf += d;
            monthf += m;
        }
        let day_first = (dayf != monthf).then_some(dayf > monthf);
        let base = DateContext {
            reference: None,
            year_hint: None,
            day_first,
        };
        // Pass 1: full dates only, to learn the years.
        let years: Vec<Option<i32>> = lines
            .iter()
            .map(|l| {
                if l.text.len() > MAX_DATE_LINE_CHARS {
                    return None;
                }
                date::find_dates(&l.text, &base)
                    .iter()
                    .find(|d| !d.relative)
                    .map(|d| d.date.year)
            })
            .collect();
        let hints = nearest_years(&years);
        let dates = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                if l.text.len() > MAX_DATE_LINE_CHARS || l.text.is_empty() {
                    return Vec::new();
                }
                let ctx = DateContext {
                    reference,
                    year_hint: hints[i],
                    day_first,
                };
                date::find_dates(&l.text, &ctx)
            })
            .collect();
        let stems: Vec<Vec<String>> = lines
            .iter()
            .map(|l| {
                if l.text.len() > MAX_DATE_LINE_CHARS * 4 {
                    return Vec::new();
                }
                content_words(&l.text).iter().map(|w| stem(w)).collect()
            })
            .collect();
        let long = lines
            .iter()
            .map(|l| word_count(&l.text) >= 12 || l.text.chars().count() >= 100)
            .collect();
        Page {
            lines,
            lower,
            dates,
            body,
            body_words: body_words.iter().map(|w| stem(w)).collect(),
            reference,
            stems,
            long,
            byline_or_date: vec![std::cell::Cell::new(None); lines.len()],
        }
    }

    /// Index of the next non-blank line after `i`.
    pub fn next_nonblank(&self, i: usize) -> Option<usize> {
        (i + 1..self.lines.len()).find(|&j| !self.lines[j].text.is_empty())
    }

    /// Share (0–1) of the line's letters and digits that lie inside its dates.
    pub fn date_share(&self, i: usize) -> f32 {
        let text = &self.lines[i].text;
        let total = text.chars().filter(|c| c.is_alphanumeric()).count();
        if total == 0 {
            return 0.0;
        }
        let inside: usize = self.dates[i]
            .iter()
            .map(|d| {
                text.get(d.start..d.end)
                    .unwrap_or("")
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .count()
            })
            .sum();
        inside as f32 / total as f32
    }
}

/// For each line, the year of the nearest line (by distance, earlier first on ties) that has one.
fn nearest_years(years: &[Option<i32>]) -> Vec<Option<i32>> {
    let n = years.len();
    let mut prev: Vec<Option<(usize, i32)>> = vec![None; n];
    let mut last = None;
    for i in 0..n {
        if let Some(y) = years[i] {
            last = Some((i, y));
        }
        prev[i] = last;
    }
    let mut out = vec![None; n];
    let mut next: Option<(usize, i32)> = None;
    for i in (0..n).rev() {
        if let Some(y) = years[i] {
            next = Some((i, y));
        }
        out[i] = match (prev[i], next) {
            (Some((p, py)), Some((q, qy))) => Some(if i - p <= q - i { py } else { qy }),
            (Some((_, y)), None) | (None, Some((_, y))) => Some(y),
            (None, None) => None,
        };
    }
    out
}
