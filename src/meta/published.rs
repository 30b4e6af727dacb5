//! The publication date: which date on the page is the article's own.
//!
//! Pages show many dates: the article's timestamp, "Updated" stamps, dates of related headlines
//! and comments, dates the story talks about. The publication date is read from a *date line*
//! (mostly date, or a byline with a date, or a line with a "Published"/"Posted" cue) close to
//! the title — after it preferably — and never from related lists, comments, or long prose lines
//! (those are dates the story talks about). On a line with several dates, the one after a
//! "published" cue wins over an "updated" one (`data/meta/cues.tsv`).

use super::date::ParsedDate;
use super::page::{ends_sentence, Page};
use crate::fasthash::FastMap;
use crate::model::{Kind, Published};
use std::sync::OnceLock;

const CUES_TSV: &str = data_file!("meta/cues.tsv");

/// The chosen date and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedChoice {
    /// The parsed date.
    pub date: ParsedDate,
    /// The date as written.
    pub raw: String,
    /// 0-based line index.
    pub line: usize,
}

impl PublishedChoice {
    /// The contract type (1-based line).
    pub fn into_published(self) -> Published {
        Published {
            date: self.date.date.iso(),
            time: self.date.time_string(),
            utc_offset: self.date.offset_string(),
            raw: self.raw,
            line: self.line + 1,
            year_inferred: self.date.year_inferred,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Published,
    Updated,
}

fn cue_words() -> &'static FastMap<String, Cue> {
    static C: OnceLock<FastMap<String, Cue>> = OnceLock::new();
    C.get_or_init(|| {
        CUES_TSV
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let (role, w) = l.split_once('\t')?;
                let cue = match role {
                    "published" => Cue::Published,
                    "updated" => Cue::Updated,
                    _ => return None,
                };
                Some((w.trim().to_lowercase(), cue))
            })
            .collect()
    })
}

/// The cue among the (up to 3) words just before byte `start` of `text`.
fn cue_before(text: &str, start: usize) -> Option<Cue> {
    let before = text.get(..start)?;
    let words: Vec<String> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let cues = cue_words();
    words
        .iter()
        .rev()
        .take(3)
        .find_map(|w| cues.get(w).copied())
}

/// True if line `i` can carry the page's own date. Away from the title (`near_title` false),
/// lines cleaning put in related lists, comments, captions or tags are left out; next to the
/// title cleaning's kinds are not trusted (header lines are often mislabelled).
fn is_date_line(page: &Page, i: usize, near_title: bool) -> bool {
    let l = &page.lines[i];
    if page.dates(i).is_empty()
        || !near_title
            && matches!(
                l.kind,
                Kind::Related | Kind::Comments | Kind::Caption | Kind::Tags
            )
    {
        return false;
    }
    let words = page.words_up_to(i, 31);
    if words > 30 {
        return false;
    }
    let is_byline = page.is_cued_byline(i);
    // A sentence that mentions a date (a caption, a paragraph) is about the story, not the page.
    if words >= 8 && ends_sentence(&l.text) && !is_byline {
        return false;
    }
    page.date_share(i) >= 0.3
        || is_byline
        || words <= 12
            && page
                .dates(i)
                .iter()
                .any(|d| cue_before(&l.text, d.start).is_some())
        || words <= 8
}

/// The best date on line `i` and whether it had a "published" cue.
fn best_on_line(page: &Page, i: usize) -> Option<(ParsedDate, Option<Cue>)> {
    let text = &page.lines[i].text;
    let with_cues: Vec<(ParsedDate, Option<Cue>)> = page
        .dates(i)
        .iter()
        .map(|d| (d.clone(), cue_before(text, d.start)))
        .collect();
    with_cues
        .iter()
        .find(|(_, c)| *c == Some(Cue::Published))
        .or_else(|| with_cues.iter().find(|(_, c)| *c != Some(Cue::Updated)))
        .or_else(|| with_cues.first())
        .cloned()
}

fn choice(page: &Page, i: usize, d: ParsedDate) -> PublishedChoice {
    let raw = page.lines[i]
        .text
        .get(d.start..d.end)
        .unwrap_or("")
        .to_string();
    PublishedChoice {
        date: d,
        raw,
        line: i,
    }
}

/// Chooses the publication date, or None when the paste shows none.
pub fn choose(page: &Page, title: Option<usize>) -> Option<PublishedChoice> {
    let n = page.lines.len();
    let mut best: Option<(f32, usize, ParsedDate)> = None;
    if let Some(t) = title {
        let hi = match page.body {
            Some((a, _)) => (t + 25).max(a + 4),
            None => t + 25,
        }
        .min(n);
        for i in t.saturating_sub(6)..hi {
            if !is_date_line(page, i, true) {
                continue;
            }
            let Some((d, cue)) = best_on_line(page, i) else {
                continue;
            };
            let steps = if i >= t {
                (t..i).filter(|&j| !page.lines[j].text.is_empty()).count() as f32
            } else {
                (i..t).filter(|&j| !page.lines[j].text.is_empty()).count() as f32
            };
            let mut s = if i >= t {
                2.0 - 0.08 * steps
            } else {
                1.6 - 0.3 * steps
            };
            match cue {
                Some(Cue::Published) => s += 0.5,
                Some(Cue::Updated) => s -= 0.3,
                None => {}
            }
            if page.lines[i].kind.is_article() {
                s -= 0.8;
            }
            if d.relative {
                s -= 0.2;
            }
            if best.as_ref().is_none_or(|b| s > b.0) {
                best = Some((s, i, d));
            }
        }
    }
    if let Some((_, i, d)) = best {
        return Some(choice(page, i, d));
    }
    // No title or nothing near it: a byline with a date anywhere, else the first date line
    // before the end of the body.
    let end = page.body.map_or(n, |(_, b)| (b + 1).min(n));
    let byline_date = (0..n).find(|&i| is_date_line(page, i, false) && page.is_cued_byline(i));
    let first = byline_date.or_else(|| {
        (0..end).find(|&i| is_date_line(page, i, false) && page.date_share(i) >= 0.5)
    })?;
    let (d, _) = best_on_line(page, first)?;
    Some(choice(page, first, d))
}
