//! Stage 1: split the raw paste into lines and normalize each line's whitespace.
//!
//! Invariants: the number of lines equals the number of line breaks + 1 (`\n`, `\r\n` and a
//! lone `\r` each end a line), so line numbers match what an editor shows; normalization never
//! reorders or invents text, it only drops control characters and invisible marks and folds
//! whitespace runs to one space.

use crate::model::Line;
use crate::shared_text::SharedText;
use std::sync::Arc;

/// Splits `text` into lines on `\n`, `\r\n` and lone `\r`.
///
/// Always returns at least one line (an empty input is one empty line). A final line break does
/// not start a new line, as in editors and `str::lines`.
pub fn split_lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for_each_line(text, &mut |l| out.push(l));
    out
}

/// Calls `f` with each line of `text` as [`split_lines`] cuts them, in order, without
/// collecting them (`dyn`: one copy of the loop in the wasm module).
fn for_each_line<'a>(text: &'a str, f: &mut dyn FnMut(&'a str)) {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    let mut any = false;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                f(&text[start..i]);
                any = true;
                start = i + 1;
            }
            b'\r' => {
                f(&text[start..i]);
                any = true;
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() || !any {
        f(&text[start..]);
    }
}

/// Returns `line` with whitespace normalized: Unicode spaces become one ASCII space, runs are
/// folded, ends trimmed; control characters (NUL, escape codes, …) and invisible marks (ZWSP,
/// word joiner, BOM, soft hyphen) are dropped. The joiners ZWJ and ZWNJ are kept where they
/// join two visible characters (emoji sequences such as 👨‍👩‍👧, Persian and Indic words) and
/// dropped elsewhere, so a line of only invisible marks is empty. Letters, digits and
/// punctuation are untouched.
pub fn normalize_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    push_normalized(line, &mut out);
    out
}

/// Appends `line` normalized as [`normalize_line`] returns it to `out` (never more bytes than
/// `line` has).
fn push_normalized(line: &str, out: &mut String) {
    // Fast path: a line whose only whitespace is single inner ASCII spaces, with no control
    // character, invisible mark or joiner, is already normal (the loop below would copy it).
    if is_normal(line) {
        out.push_str(line);
        return;
    }
    let start = out.len();
    let mut pending_space = false;
    let mut pending_joiner: Option<char> = None;
    for c in line.chars() {
        if c.is_whitespace() {
            pending_space = out.len() > start;
            pending_joiner = None;
            continue;
        }
        if matches!(c, '\u{200C}' | '\u{200D}') {
            if out.len() > start && !pending_space {
                pending_joiner = Some(c);
            }
            continue;
        }
        if c.is_control() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}') {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if let Some(j) = pending_joiner.take() {
            out.push(j);
        }
        out.push(c);
    }
}

/// True if `line` is already normal: no space at either end or twice in a row, no other
/// whitespace, no control character, invisible mark or joiner. One pass over the bytes; only
/// non-ASCII characters are decoded.
fn is_normal(line: &str) -> bool {
    let b = line.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut prev_space = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            if !(b' '..=b'~').contains(&c) || (c == b' ' && prev_space) {
                return false;
            }
            prev_space = c == b' ';
            i += 1;
            continue;
        }
        prev_space = false;
        let n = if c < 0xe0 {
            2
        } else if c < 0xf0 {
            3
        } else {
            4
        };
        let Some(ch) = line.get(i..i + n).and_then(|s| s.chars().next()) else {
            return false;
        };
        if ch.is_whitespace()
            || ch.is_control()
            || matches!(
                ch,
                '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
            )
        {
            return false;
        }
        i += n;
    }
    true
}

/// Splits and normalizes in one go: the text of every input line, normalized, each in an
/// allocation of its exact size (what [`lines`] holds, one box per line; the bench and tests
/// read lines this way).
pub fn normalized_lines(text: &str) -> Vec<Box<str>> {
    let mut out = Vec::new();
    // One buffer reused for every line: each box is then allocated at its exact size once.
    let mut buf = String::new();
    for_each_line(text, &mut |l| {
        buf.clear();
        push_normalized(l, &mut buf);
        out.push(Box::from(buf.as_str()));
    });
    out.shrink_to_fit();
    out
}

/// Splits and normalizes in one go: every input line as an unlabelled [`Line`] (numbered from
/// 1, kind `blank`, empty reason: see [`Line::unlabelled`]) whose text is the line normalized
/// ([`normalize_line`]). The texts are consecutive ranges of one buffer (the normalized lines
/// end to end, at most `text.len()` bytes), so a line costs its 40-byte [`Line`] and its text's
/// bytes, with no allocation of its own (a paste can have hundreds of thousands of lines).
pub fn lines(text: &str) -> Vec<Line> {
    let mut buf = String::with_capacity(text.len());
    // Line ends as `u32` (4 bytes a line: a paste of short lines has millions): the input
    // limit keeps every offset far below `u32::MAX`; saturating all the same, so an end past
    // it reads as an empty line, never a panic.
    let mut ends: Vec<u32> = Vec::new();
    for_each_line(text, &mut |l| {
        push_normalized(l, &mut buf);
        ends.push(u32::try_from(buf.len()).unwrap_or(u32::MAX));
    });
    // The buffer lives as long as the lines: without the room normalizing left (and the line
    // ends without their growth room while the lines are made).
    buf.shrink_to_fit();
    ends.shrink_to_fit();
    cut_into_lines(buf, ends.iter().map(|&e| e as usize))
}

/// The unlabelled [`Line`]s of already normalized `texts` (as [`lines`] gives them for the
/// paste the texts were cut from: one buffer, consecutive ranges).
pub fn lines_of<T: AsRef<str>>(texts: &[T]) -> Vec<Line> {
    let mut buf = String::with_capacity(texts.iter().map(|t| t.as_ref().len()).sum());
    for t in texts {
        buf.push_str(t.as_ref());
    }
    let mut end = 0;
    cut_into_lines(
        buf,
        texts.iter().map(|t| {
            end += t.as_ref().len();
            end
        }),
    )
}

/// Unlabelled [`Line`]s numbered from 1 whose texts are the consecutive ranges of `buf` that
/// end at `ends` (the first starts at 0), all sharing `buf`.
fn cut_into_lines(buf: String, ends: impl ExactSizeIterator<Item = usize>) -> Vec<Line> {
    let buf = Arc::new(buf);
    let mut out = Vec::with_capacity(ends.len());
    let mut start = 0;
    for (i, end) in ends.enumerate() {
        out.push(Line::unlabelled(i + 1, SharedText::range(&buf, start, end)));
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_all_line_endings() {
        assert_eq!(split_lines("a\nb\r\nc\rd"), vec!["a", "b", "c", "d"]);
        assert_eq!(split_lines("a\n"), vec!["a"]);
        assert_eq!(split_lines("a\n\n"), vec!["a", ""]);
        assert_eq!(split_lines(""), vec![""]);
        assert_eq!(split_lines("\r\r"), vec!["", ""]);
        assert_eq!(split_lines("\r\n\r\n"), vec!["", ""]);
        assert_eq!(split_lines("a\r"), vec!["a"]);
        assert_eq!(split_lines("\n"), vec![""]);
        assert_eq!(split_lines("é\r\nü\rx"), vec!["é", "ü", "x"]);
    }

    #[test]
    fn normalizes_whitespace_and_controls() {
        assert_eq!(normalize_line("  a \u{a0}\tb\u{200b}c\0 "), "a bc");
        assert_eq!(normalize_line(" \u{2003} "), "");
        assert_eq!(normalize_line("Été — ok"), "Été — ok");
        assert_eq!(normalize_line("“Été” — ok"), "“Été” — ok");
        assert_eq!(normalize_line("a\u{3000}b\u{85}c\u{ad}d"), "a b cd");
    }

    /// The one-pass test of an already normal line equals its definition, on the bench pages'
    /// lines and odd ones.
    #[test]
    fn normal_lines_told_in_one_pass() {
        let old = |line: &str| {
            let b = line.as_bytes();
            b.first() != Some(&b' ')
                && b.last() != Some(&b' ')
                && !b.windows(2).any(|w| w == b"  ")
                && line.chars().all(|c| {
                    if c.is_ascii() {
                        (' '..='~').contains(&c)
                    } else {
                        !c.is_whitespace()
                            && !c.is_control()
                            && !matches!(
                                c,
                                '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
                            )
                    }
                })
        };
        let mut lines: Vec<String> = [
            "",
            " ",
            "a",
            "a b",
            "a  b",
            " a",
            "a ",
            "a\tb",
            "é \u{a0}",
            "é\u{85}",
            "a\u{200d}b",
            "€ ’ “x” \u{ad}",
            "\u{7f}",
            "日本 語",
            "a \u{3000}",
            "🙂 🙂",
        ]
        .map(String::from)
        .to_vec();
        if let Ok(dir) = std::fs::read_dir("../shared/bench/text") {
            for e in dir.flatten() {
                if let Ok(t) = std::fs::read_to_string(e.path()) {
                    lines.extend(split_lines(&t).into_iter().map(String::from));
                }
            }
        }
        for l in &lines {
            assert_eq!(is_normal(l), old(l), "{l:?}");
        }
    }

    #[test]
    fn keeps_joiners_between_visible_characters_only() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        assert_eq!(normalize_line(family), family);
        assert_eq!(normalize_line("می\u{200C}خواهم"), "می\u{200C}خواهم");
        assert_eq!(normalize_line("\u{200D}a\u{200D} \u{200C}b\u{200D}"), "a b");
        assert_eq!(normalize_line("\u{200D}\u{200C}\u{200D}"), "");
    }
}
