//! The date of the event each source reports: the first day-precise date in the opening
//! sentences of its article (news ledes date the main event), as a calendar date when it can be
//! known and as a bare weekday when it cannot.
//!
//! A bare weekday ("on Tuesday") needs a reference: the article's own publication date, else
//! the latest date written with its year in the article's own lines (body, headings, captions).
//! It is the latest such weekday on or before the reference (news reports past events), or the
//! first on or after it when a future cue precedes it in the sentence ("will meet on Tuesday",
//! `data/compare/future_cues.txt`). Without a reference it stays a weekday, which
//! [`super`] matches against the other sources' dates that fall on it. Only capitalized full
//! weekday names count in prose ("Sun" and "sat" are words).
//!
//! Dates come from the shared parser ([`crate::meta::date`]); nothing here parses dates.

use crate::compare::text::Sentence;
use crate::fasthash::FastSet;
use crate::meta::date::{
    find_dates, weekday_number, weekday_on_or_after, weekday_on_or_before, DateContext, Ymd,
};
use crate::model::{Analysis, Kind};
use std::sync::OnceLock;

const FUTURE_CUES: &str = data_file!("compare/future_cues.txt");

/// How many opening sentences of the article may date the event.
pub const LEDE_SENTENCES: usize = 5;

/// What a source says the event's date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateValue {
    /// A calendar date.
    Day(Ymd),
    /// Only a weekday (1 = Monday … 7 = Sunday): the article gives nothing to resolve it.
    Weekday(u32),
}

/// One source's event date, with where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateClaim {
    /// The source.
    pub source: usize,
    /// Its input line.
    pub line: usize,
    /// The date as written ("January 22, 2025", "Tuesday").
    pub text: String,
    /// The value.
    pub value: DateValue,
    /// How a weekday was resolved, if it was one.
    pub note: Option<String>,
}

fn future_cues() -> &'static FastSet<&'static str> {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        FUTURE_CUES
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// The reference for bare weekdays: the publication date, else the latest date written with a
/// year in the article's own lines; with a description of where it comes from.
pub fn reference(a: &Analysis) -> Option<(Ymd, String)> {
    if let Some(p) = &a.published {
        if let Some(d) = Ymd::parse_iso(&p.date) {
            return Some((d, format!("the page's date {} (line {})", p.date, p.line)));
        }
    }
    let mut best: Option<(Ymd, usize)> = None;
    for l in a
        .lines
        .iter()
        .filter(|l| l.kind.is_article() || matches!(l.kind, Kind::Caption | Kind::Standfirst))
    {
        for d in find_dates(&l.text, &DateContext::default()) {
            if !d.year_inferred && !d.relative && best.is_none_or(|b| d.date > b.0) {
                best = Some((d.date, l.line as usize));
            }
        }
    }
    best.map(|(d, line)| (d, format!("the article's date {} (line {line})", d.iso())))
}

/// Capitalized full weekday names in `text`: (byte start, byte end, weekday number).
fn weekdays(text: &str) -> Vec<(usize, usize, u32)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_alphabetic() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            let w = &text[s..i];
            if w.len() >= 6 && w.chars().next().is_some_and(char::is_uppercase) {
                if let Some(n) = weekday_number(w) {
                    out.push((s, i, n));
                }
            }
        }
    }
    out
}

/// True if a future cue word comes before byte `pos` in `text`.
fn future_before(text: &str, pos: usize) -> bool {
    let cues = future_cues();
    text.get(..pos).is_some_and(|before| {
        before
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| cues.contains(w.to_lowercase().as_str()))
    })
}

/// The event date of one source: the first day-precise date in its first [`LEDE_SENTENCES`]
/// sentences (`sentences` are the source's own, in order), or None.
pub fn event_date(source: usize, a: &Analysis, sentences: &[Sentence]) -> Option<DateClaim> {
    let reference = reference(a);
    let ctx = DateContext {
        reference: a.published.as_ref().and_then(|p| Ymd::parse_iso(&p.date)),
        year_hint: reference.as_ref().map(|r| r.0.year),
        day_first: None,
    };
    for s in sentences.iter().take(LEDE_SENTENCES) {
        let explicit: Vec<_> = find_dates(&s.text, &ctx)
            .into_iter()
            .filter(|d| !d.relative)
            .collect();
        let first_explicit = explicit.first().map(|d| (d.start, d));
        let first_weekday = weekdays(&s.text)
            .into_iter()
            .find(|&(ws, we, _)| !explicit.iter().any(|d| d.start <= ws && we <= d.end));
        match (first_explicit, first_weekday) {
            (Some((pos, d)), wd) if wd.is_none_or(|w| pos <= w.0) => {
                return Some(DateClaim {
                    source,
                    line: s.line,
                    text: s.text.get(d.start..d.end).unwrap_or("").to_string(),
                    value: DateValue::Day(d.date),
                    note: None,
                })
            }
            (_, Some((ws, we, n))) => {
                let text = s.text.get(ws..we).unwrap_or("").to_string();
                let (value, note) = match &reference {
                    Some((r, from)) => {
                        let forward = future_before(&s.text, ws);
                        let day = if forward {
                            weekday_on_or_after(*r, n)
                        } else {
                            weekday_on_or_before(*r, n)
                        };
                        match day {
                            Some(d) => (
                                DateValue::Day(d),
                                Some(format!(
                                    "\"{text}\" read as the {} {text} {} {from}",
                                    if forward { "first" } else { "last" },
                                    if forward {
                                        "on or after"
                                    } else {
                                        "on or before"
                                    }
                                )),
                            ),
                            None => (DateValue::Weekday(n), None),
                        }
                    }
                    None => (
                        DateValue::Weekday(n),
                        Some(format!(
                            "\"{text}\": the article gives no date to resolve it"
                        )),
                    ),
                };
                return Some(DateClaim {
                    source,
                    line: s.line,
                    text,
                    value,
                    note,
                });
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_capitalized_full_weekday_names_only() {
        let w = weekdays("On Tuesday he sat down; Sun and Wed are not read, friday neither.");
        assert_eq!(w, vec![(3, 10, 2)]);
        assert!(weekdays("").is_empty());
        assert_eq!(weekdays("Montag é Tuesday").len(), 2);
    }

    #[test]
    fn future_cues_before_the_weekday() {
        assert!(future_before("They will meet on Tuesday", 18));
        assert!(!future_before("They met on Tuesday", 12));
    }
}
