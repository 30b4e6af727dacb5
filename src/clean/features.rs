//! Per-line evidence a careful reader uses: length, sentence shape, stopword share,
//! capitalization, whether the line is only a date or timestamp.

use crate::lexicon;

/// Measurements of one normalized line. Computing them never fails.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    /// Number of words (tokens that contain a letter).
    pub words: usize,
    /// Number of characters.
    pub chars: usize,
    /// Share of words that are stopwords (0 when there are no words).
    pub stop_share: f32,
    /// Share of words that start with an upper-case letter.
    pub cap_share: f32,
    /// The line ends like a sentence (`.`, `!`, `?`, or a closing quote after one).
    pub ends_sentence: bool,
    /// The line is made only of date/time words and numbers ("Wed, 12 Mar 2025 23:04:37 GMT").
    pub is_dateline: bool,
    /// The line, lowercased (for phrase matching).
    pub lower: String,
}

const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];
const WEEKDAYS: &[&str] = &[
    "mon",
    "monday",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thur",
    "thurs",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
];
const DATE_FILLERS: &[&str] = &[
    "gmt",
    "utc",
    "am",
    "pm",
    "published",
    "updated",
    "posted",
    "on",
    "at",
    "date",
    "last",
    "modified",
    "edt",
    "est",
    "cet",
    "cest",
    "bst",
    "pst",
    "pdt",
    "ist",
    "st",
    "nd",
    "rd",
    "th",
    "ago",
    "hours",
    "hour",
    "minutes",
    "minute",
    "days",
    "day",
    "yesterday",
    "today",
    "eastern",
    "european",
    "standard",
    "time",
    "summer",
];

fn is_month(w: &str) -> bool {
    MONTHS.contains(&w)
}

/// True if every token of `lower` is a month, weekday, number or date filler, and at least
/// one is a month or a number with a time/date shape.
fn looks_like_dateline(lower: &str) -> bool {
    let mut has_anchor = false;
    let mut n = 0;
    for tok in lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
    {
        n += 1;
        if n > 16 {
            return false;
        }
        if is_month(tok) {
            has_anchor = true;
        } else if tok.chars().all(|c| c.is_ascii_digit()) {
            if tok.len() == 4 || lower.contains(':') || lower.contains('-') || lower.contains('/') {
                has_anchor = true;
            }
        } else if tok
            .strip_suffix(|c: char| c.is_ascii_alphabetic())
            .and_then(|t| t.strip_suffix(|c: char| c.is_ascii_alphabetic()))
            .is_some_and(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()))
        {
            // ordinals: 21st, 2nd, 3rd, 4th
        } else if !(WEEKDAYS.contains(&tok) || DATE_FILLERS.contains(&tok)) {
            return false;
        }
    }
    has_anchor || (n >= 2 && lower.ends_with(" ago"))
}

/// Computes the [`Features`] of one normalized line.
pub fn features(text: &str) -> Features {
    let lower = text.to_lowercase();
    let mut words = 0usize;
    let mut stops = 0usize;
    let mut caps = 0usize;
    for w in text.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        if !w.chars().any(char::is_alphabetic) {
            continue;
        }
        words += 1;
        if lexicon::is_stopword(w) {
            stops += 1;
        }
        if w.chars().next().is_some_and(char::is_uppercase) {
            caps += 1;
        }
    }
    let last = text
        .trim_end_matches(['"', '”', '’', '\'', ')', '»', '*'])
        .chars()
        .last();
    let share = |x: usize| {
        if words == 0 {
            0.0
        } else {
            x as f32 / words as f32
        }
    };
    Features {
        words,
        chars: text.chars().count(),
        stop_share: share(stops),
        cap_share: share(caps),
        ends_sentence: matches!(last, Some('.' | '!' | '?' | '…' | '。')),
        is_dateline: !text.is_empty() && looks_like_dateline(&lower),
        lower,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        for s in [
            "Wed, 12 Mar 2025 23:04:37 GMT",
            "Jan 22",
            "Thu Mar 13 2025 07:39:16 GMT+0200 (Eastern European Standard Time)",
            "Published 3 hours ago",
            "2025-01-21",
        ] {
            assert!(features(s).is_dateline, "{s}");
        }
        for s in [
            "Trump Pushes Republicans",
            "May I help you",
            "On 12 March the army moved.",
        ] {
            assert!(!features(s).is_dateline, "{s}");
        }
    }

    #[test]
    fn sentence_shape() {
        let f = features("The leaders spoke for an hour and a half, the Kremlin said.");
        assert!(f.ends_sentence);
        assert!(f.stop_share > 0.2);
        assert_eq!(f.words, 12);
        let g = features("Trump Pushes Republicans for Unified Legislative Strategy");
        assert!(!g.ends_sentence);
        assert!(g.cap_share > 0.8);
    }
}
