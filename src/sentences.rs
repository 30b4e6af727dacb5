//! Sentence boundaries inside one line of article text.
//!
//! A sentence ends at `.`, `!` or `?` (closing quotes and brackets after it included) followed by
//! a space and an upper-case letter, a digit or an opening quote; a period after an abbreviation
//! ("U.S.", "Mr.") or an initial ("W."), or after a month name before a number ("Dec. 15"), does
//! not end one.
//!
//! Promises: the spans cover the non-blank text of the line in order, do not overlap, start and
//! end on char boundaries, and are trimmed of surrounding spaces. Never panics; linear.

use crate::entities::tokens::is_abbrev;

/// Byte spans `(start, end)` of the sentences of `text`.
pub fn spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    push_spans(text, &mut out);
    out
}

/// The sentence spans of several lines in one flat buffer (16 bytes a sentence, 8 a line),
/// computed once for every extractor that reads them.
#[derive(Debug, Default)]
pub struct LineSentences {
    spans: Vec<(usize, usize)>,
    /// Where each line's spans start in `spans` (one more entry than lines).
    starts: Vec<usize>,
}

impl LineSentences {
    /// The [`spans`] of every text, in order.
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> LineSentences {
        let mut out = LineSentences {
            spans: Vec::new(),
            starts: vec![0],
        };
        for t in texts {
            push_spans(t, &mut out.spans);
            out.starts.push(out.spans.len());
        }
        out
    }

    /// The spans of text `i` (exactly [`spans`] of it); empty past the last text.
    pub fn of(&self, i: usize) -> &[(usize, usize)] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => self.spans.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// Appends the [`spans`] of `text` to `out`.
fn push_spans(text: &str, out: &mut Vec<(usize, usize)>) {
    let mut start = 0;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if matches!(b[i], b'.' | b'!' | b'?') {
            // Swallow closing punctuation after the stop (ASCII or ” ’, 3 bytes each).
            let mut j = i + 1;
            loop {
                if j < b.len() && matches!(b[j], b'"' | b'\'' | b')' | b']' | b'.' | b'!' | b'?') {
                    j += 1;
                } else if text[j..].starts_with(['”', '’']) {
                    j += 3;
                } else {
                    break;
                }
            }
            let next_is_space = b.get(j) == Some(&b' ');
            let opens = text
                .get(j + 1..)
                .and_then(|r| r.chars().next())
                .is_some_and(|a| {
                    a.is_uppercase() || a.is_ascii_digit() || matches!(a, '"' | '“' | '‘' | '(')
                });
            if next_is_space && opens {
                let word_start = text[..i].rfind(' ').map_or(0, |k| k + 1);
                let word = text[word_start..i].trim_start_matches(['(', '"', '“', '‘']);
                let day_follows = b.get(j + 1).is_some_and(u8::is_ascii_digit);
                let keeps_period = is_abbrev(word)
                    || (day_follows && crate::lexicon::is_month_name(&word.to_lowercase()));
                if !(b[i] == b'.' && keeps_period) {
                    push(text, start, j, out);
                    start = j;
                }
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(text, start, text.len(), out);
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        out.push((start + lead, start + lead + trimmed.len()));
    }
}

/// The span of the sentence of `text` that contains byte `pos` (the last one if past the end).
/// `spans` must be sorted (as [`spans`] returns them); a binary search.
pub fn containing(spans: &[(usize, usize)], pos: usize) -> Option<(usize, usize)> {
    let i = spans.partition_point(|&(_, e)| e <= pos);
    spans.get(i).or_else(|| spans.last()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_sentences_are_the_spans_of_each_line() {
        let texts = [
            "One. Two here.",
            "",
            "No stop",
            "Mr. Smith left. Then 2024 came!",
        ];
        let all = LineSentences::new(texts);
        for (i, t) in texts.iter().enumerate() {
            assert_eq!(all.of(i), spans(t).as_slice(), "{t}");
        }
        assert!(all.of(texts.len()).is_empty());
        assert!(LineSentences::default().of(0).is_empty());
    }

    #[test]
    fn splits_sentences() {
        let t = "The U.S. President spoke. “We agree,” he said. Mr. Smith left at 5 p.m. Then 2024 came!";
        let s: Vec<&str> = spans(t).iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(
            s,
            [
                "The U.S. President spoke.",
                "“We agree,” he said.",
                "Mr. Smith left at 5 p.m. Then 2024 came!"
            ]
        );
    }

    #[test]
    fn a_month_before_its_day_keeps_its_period() {
        let t = "Prices rose on Dec. 15, 2025. Sales fell in Jan. Then they rose.";
        let s: Vec<&str> = spans(t).iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(
            s,
            [
                "Prices rose on Dec. 15, 2025.",
                "Sales fell in Jan.",
                "Then they rose."
            ]
        );
    }

    #[test]
    fn odd_input() {
        for t in ["", ".", ". . .", "?!", "a. B", "é. É"] {
            let s = spans(t);
            for (a, b) in s {
                assert!(t.is_char_boundary(a) && t.is_char_boundary(b));
            }
        }
    }
}
