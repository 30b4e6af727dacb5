//! [`SharedText`]: a piece of text that is a byte range of a reference-counted buffer, so that
//! many pieces of one text (the figures of a sentence, their units and dates) are stored once.
//!
//! Why: a paste of many short lines, or a sentence holding thousands of figures, would otherwise
//! cost an allocation per line text or per figure text, unit and date (and a 24-byte `String` or
//! 16-byte `Box<str>` each); a `SharedText` is 16 bytes (a thin pointer and two `u32` offsets)
//! and allocates nothing of its own: every line's text ([`crate::model::Line::text`]) is a range
//! of one buffer of the normalized paste. Reading one re-slices the buffer (a bounds and
//! char-boundary check; [`SharedText::len`] and [`SharedText::is_empty`] read the offsets
//! only). It reads as the `str` it holds ([`Deref`](std::ops::Deref)), compares, hashes and
//! serializes as that `str`: in JSON it is a plain string.

use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A byte range of a shared buffer (see the module doc). Invariant: `start..end` is a
/// char-boundary range of `buf` (checked when made), so reading it never fails.
#[derive(Clone)]
pub struct SharedText {
    buf: Arc<String>,
    start: u32,
    end: u32,
}

impl SharedText {
    /// The range `start..end` of `buf`, sharing it; a copy of that text when it is not a
    /// char-boundary range of `buf` or does not fit in `u32` offsets (empty when out of range).
    pub fn range(buf: &Arc<String>, start: usize, end: usize) -> SharedText {
        match (u32::try_from(start), u32::try_from(end)) {
            (Ok(s), Ok(e)) if buf.get(start..end).is_some() => SharedText {
                buf: Arc::clone(buf),
                start: s,
                end: e,
            },
            _ => SharedText::from(buf.get(start..end).unwrap_or("")),
        }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        self.buf
            .get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }

    /// The text's length in bytes (`as_str().len()`, from the offsets alone).
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start) as usize
    }

    /// True for empty text (`as_str().is_empty()`, from the offsets alone).
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// Where the text lies in its buffer: the byte range `(start, end)`.
    pub fn offsets(&self) -> (usize, usize) {
        (self.start as usize, self.end as usize)
    }
}

impl From<Box<str>> for SharedText {
    /// The whole of `s`, without copying it (see `From<String>`).
    fn from(s: Box<str>) -> SharedText {
        SharedText::from(String::from(s))
    }
}

impl From<String> for SharedText {
    /// The whole of `s`, without copying it (empty when over `u32::MAX` bytes: never for a paste
    /// under the input limit).
    fn from(s: String) -> SharedText {
        let end = u32::try_from(s.len()).unwrap_or(0);
        SharedText {
            buf: Arc::new(s),
            start: 0,
            end,
        }
    }
}

impl From<&str> for SharedText {
    fn from(s: &str) -> SharedText {
        SharedText::from(s.to_string())
    }
}

impl Default for SharedText {
    fn default() -> SharedText {
        SharedText::from(String::new())
    }
}

impl std::ops::Deref for SharedText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SharedText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for SharedText {
    fn eq(&self, other: &SharedText) -> bool {
        // Lengths first, from the offsets: most texts compared differ in length.
        self.len() == other.len() && self.as_str() == other.as_str()
    }
}

impl Eq for SharedText {}

impl PartialEq<str> for SharedText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for SharedText {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl std::hash::Hash for SharedText {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.as_str().hash(h)
    }
}

impl std::fmt::Debug for SharedText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for SharedText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

impl Serialize for SharedText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self)
    }
}

impl<'de> Deserialize<'de> for SharedText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<SharedText, D::Error> {
        String::deserialize(d).map(SharedText::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_read_as_their_text_and_share_one_buffer() {
        let buf = Arc::new("héllo world".to_string());
        let parts = [(0, 6), (6, 6), (6, 12), (12, 99)].map(|(a, b)| SharedText::range(&buf, a, b));
        let texts: Vec<&str> = parts.iter().map(|p| p.as_str()).collect();
        assert_eq!(texts, ["héllo", "", " world", ""]);
        assert!(Arc::ptr_eq(&parts[0].buf, &parts[2].buf));
        assert_eq!(std::mem::size_of::<SharedText>(), 16);
        assert_eq!(std::mem::size_of::<Option<SharedText>>(), 16);
    }

    #[test]
    fn a_range_off_char_boundaries_reads_empty() {
        let buf = Arc::new("é".to_string());
        assert_eq!(SharedText::range(&buf, 0, 1).as_str(), "");
        assert_eq!(SharedText::range(&buf, 0, 2).as_str(), "é");
        assert_eq!(
            serde_json::to_string(&SharedText::range(&buf, 0, 2)).unwrap(),
            "\"é\""
        );
    }
}
