//! Word shingles: overlapping runs of [`SHINGLE_WORDS`] folded words, hashed, used to find
//! passages that several sources share verbatim or nearly (a changed word breaks only the few
//! shingles that cover it).
//!
//! Promises: [`shingles`] returns each distinct shingle hash of a word list once, sorted, keeping
//! only the shingles with at least one content word (see [`super::text::is_content`]): shared
//! names and titles alone ("Russian President Vladimir Putin and Chinese President Xi Jinping")
//! are not shared wording. A text shorter than [`SHINGLE_WORDS`] words has one shingle (the
//! whole text) if it has a content word.
//! The hash is FNV-1a over the words, deterministic on every platform (native and wasm agree).

/// How many words one shingle spans.
pub const SHINGLE_WORDS: usize = 3;

fn fnv1a(words: &[String]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in words {
        for b in w.as_bytes() {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        // Word separator, so ("ab","c") and ("a","bc") differ.
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The distinct hashes of the shingles of `words` that hold a content word (`content[i]` says
/// whether `words[i]` is one; missing flags count as not content), sorted ascending.
pub fn shingles(words: &[String], content: &[bool]) -> Vec<u64> {
    let has_content = |from: usize, to: usize| (from..to).any(|i| content.get(i) == Some(&true));
    let mut out: Vec<u64> = if words.is_empty() {
        Vec::new()
    } else if words.len() < SHINGLE_WORDS {
        if has_content(0, words.len()) {
            vec![fnv1a(words)]
        } else {
            Vec::new()
        }
    } else {
        (0..=words.len() - SHINGLE_WORDS)
            .filter(|&i| has_content(i, i + SHINGLE_WORDS))
            .map(|i| fnv1a(&words[i..i + SHINGLE_WORDS]))
            .collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// Size of the multiset intersection of two sorted lists, by a linear merge (for deduplicated
/// lists of hashes: how many they share).
pub fn overlap<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Containment of the smaller list in the larger: shared / size of the smaller, in 0..=1
/// (0 when either is empty).
pub fn containment(a: &[u64], b: &[u64]) -> f64 {
    let small = a.len().min(b.len());
    if small == 0 {
        return 0.0;
    }
    overlap(a, b) as f64 / small as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::text::tokens;

    fn sh(text: &str) -> Vec<u64> {
        let (w, c) = tokens(text);
        shingles(&w, &c)
    }

    #[test]
    fn one_changed_word_keeps_most_shingles() {
        let a = sh("the leaders held a long video call on Tuesday evening");
        let b = sh("the leaders held a short video call on Tuesday evening");
        assert_eq!(a.len(), 8);
        assert_eq!(overlap(&a, &b), 5);
        assert!((containment(&a, &a) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn short_texts_have_one_shingle_and_empty_none() {
        assert_eq!(sh("two words").len(), 1);
        assert!(sh("").is_empty());
        assert_eq!(containment(&[], &[1]), 0.0);
    }

    #[test]
    fn names_alone_make_no_shingle() {
        assert!(sh("Russian President Vladimir Putin and Chinese President Xi Jinping").is_empty());
    }

    #[test]
    fn word_boundaries_matter() {
        let t = [true, true];
        let a = shingles(&["ab".into(), "c".into()], &t);
        let b = shingles(&["a".into(), "bc".into()], &t);
        assert_eq!(overlap(&a, &b), 0);
    }
}
