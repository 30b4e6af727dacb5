//! A small, fast, deterministic hasher for the hash maps and sets of the analysis (word
//! lookups in lexicons and gazetteers, per-page word counts).
//!
//! The standard library's SipHash is built to resist hash flooding by chosen keys; here the keys
//! are words of a paste, and the worst a crafted paste can do is slow a lookup table down (it
//! never changes a result, and every input is already bounded by `limits::MAX_INPUT_BYTES`).
//! SipHash cost ~13 % of `analyze`'s instructions on the bench pages; this hasher (the
//! multiply-rotate scheme of rustc's FxHash, eight bytes at a time) is several times cheaper on
//! short strings. Written here rather than taken from a crate: a dozen lines, no dependency, and
//! the same code natively and in the wasm build.
//!
//! Results never depend on the hasher: code that iterates a map sorts or otherwise orders what
//! it takes out (iteration order was already random under SipHash's `RandomState`).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The FxHash multiplier (from rustc's `FxHasher`).
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// A word-at-a-time multiply-rotate hasher (FxHash). Deterministic: no per-process seed.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            // A fixed-size conversion (never fails: `chunks_exact(8)`), so the size-tuned wasm
            // build reads the chunk with one 8-byte load instead of calling the slice-copy
            // routine that `copy_from_slice` with a run-time length becomes there.
            let w: [u8; 8] = c.try_into().unwrap_or_default();
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            // The length keeps "a" and "a\0" apart.
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// `BuildHasher` for [`FxHasher`].
pub type FastBuild = BuildHasherDefault<FxHasher>;

/// A `HashMap` with the fast deterministic hasher (create with `FastMap::default()`).
pub type FastMap<K, V> = HashMap<K, V, FastBuild>;

/// A `HashSet` with the fast deterministic hasher (create with `FastSet::default()`).
pub type FastSet<K> = HashSet<K, FastBuild>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn distinguishes_short_keys_and_is_deterministic() {
        let b = FastBuild::default();
        let keys = [
            "",
            "a",
            "a\0",
            "ab",
            "ba",
            "abcdefgh",
            "abcdefghi",
            "abcdefgh\0",
        ];
        let hashes: Vec<u64> = keys.iter().map(|k| b.hash_one(k)).collect();
        for i in 0..hashes.len() {
            for j in i + 1..hashes.len() {
                assert_ne!(hashes[i], hashes[j], "{:?} {:?}", keys[i], keys[j]);
            }
        }
        assert_eq!(b.hash_one("word"), FastBuild::default().hash_one("word"));
        let mut m: FastMap<&str, u32> = FastMap::default();
        m.insert("x", 1);
        assert_eq!(m.get("x"), Some(&1));
    }
}
