//! Sentence boundaries inside one line of article text.
//!
//! A sentence ends at `.`, `!` or `?` (closing quotes and brackets after it included) followed by
//! a space and an upper-case letter, a digit or an opening quote; a period after an abbreviation
//! ("U.S.", "Mr.", "Jan.") or an initial ("W.") does not end one.
//!
//! Promises: the spans cover the non-blank text of the line in order, do not overlap, start and
//! end on char boundaries, and are trimmed of surrounding spaces. Never panics; linear.

use crate::entities::tokens::is_abbrev;

/// Byte spans `(start, end)` of the sentences of `text`.
pub fn spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
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
                if !(b[i] == b'.' && is_abbrev(word)) {
                    push(text, start, j, &mut out);
                    start = j;
                }
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(text, start, text.len(), &mut out);
    out
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
    fn odd_input() {
        for t in ["", ".", ". . .", "?!", "a. B", "é. É"] {
            let s = spans(t);
            for (a, b) in s {
                assert!(t.is_char_boundary(a) && t.is_char_boundary(b));
            }
        }
    }
}
