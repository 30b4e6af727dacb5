//! A quick "may this word be one of the set" test for a set of lowercase words kept elsewhere
//! (month names, relative-date words, byline cue words): bits for each word's first two letters
//! and for its first byte and length. A word that fails is none of the set once lowercased; one
//! that passes is then looked up in the set itself. Used before lowercasing and hashing a word.

/// The bits of a set of lowercase words: their first two ASCII letters, their first byte and
/// length.
pub(super) struct Initials {
    /// Bit `26 * x + y` is set when a word starts with the ASCII letters `x`, `y` (0 = 'a'; see
    /// [`letter_pair`]).
    pairs: [u64; 11],
    /// For each ASCII byte: bit `n` (`n` capped at 63) is set when a word starts with that byte
    /// and is `n` bytes long.
    first_lens: [u64; 128],
}

/// The first two bytes of `b` lowercased as one index `26 * x + y` (0 = 'a'), if both are ASCII
/// letters.
fn letter_pair(b: &[u8]) -> Option<usize> {
    let letter = |k: usize| {
        b.get(k)
            .map(u8::to_ascii_lowercase)
            .filter(u8::is_ascii_lowercase)
            .map(|c| usize::from(c - b'a'))
    };
    Some(letter(0)? * 26 + letter(1)?)
}

impl Initials {
    /// No word.
    pub(super) const EMPTY: Initials = Initials {
        pairs: [0; 11],
        first_lens: [0; 128],
    };

    /// Adds the lowercase word `w`.
    pub(super) fn add(&mut self, w: &str) {
        let b = w.as_bytes();
        if let Some(&f) = b.first().filter(|f| f.is_ascii()) {
            self.first_lens[usize::from(f)] |= 1 << b.len().min(63);
        }
        if let Some(p) = letter_pair(b) {
            self.pairs[p / 64] |= 1 << (p % 64);
        }
    }

    /// False only if the lowercase of `w` (`ascii`: whether `w` is all ASCII) is none of the
    /// words added; always false for an empty `w`.
    pub(super) fn may_hold(&self, w: &str, ascii: bool) -> bool {
        let b = w.as_bytes();
        // A word opening with two ASCII letters lowercases to a word opening with the same two
        // letters in lowercase.
        if letter_pair(b).is_some_and(|p| self.pairs[p / 64] & (1 << (p % 64)) == 0) {
            return false;
        }
        let Some(&f) = b.first() else {
            return false;
        };
        // A word with a non-ASCII first character may lowercase to any first byte ('K'
        // (Kelvin) is 'k'); an ASCII one keeps its first byte, lowercased, and an ASCII word
        // its length.
        if !f.is_ascii() {
            return true;
        }
        let lens = self.first_lens[usize::from(f.to_ascii_lowercase())];
        lens != 0 && (!ascii || lens & (1 << b.len().min(63)) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_added_pass_and_others_mostly_fail() {
        let mut i = Initials::EMPTY;
        for w in ["march", "mär", "by", "年"] {
            i.add(w);
        }
        for (w, ascii) in [
            ("march", true),
            ("MARCH", true),
            ("März", false),
            ("MÄR", false),
            ("By", true),
            ("bé", false),
            ("年", false),
            ("\u{212a}ey", false),
        ] {
            assert!(i.may_hold(w, ascii), "{w:?}");
        }
        for (w, ascii) in [
            ("", true),
            ("marchs", true),
            ("mo", true),
            ("xy", true),
            ("zé", false),
        ] {
            assert!(!i.may_hold(w, ascii), "{w:?}");
        }
    }
}
