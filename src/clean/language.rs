//! A small language guess for the whole paste: the script for languages written without
//! spaces (Japanese, Chinese, Korean), otherwise the stopword list with the most hits.
//!
//! Promises: deterministic, reads the lines until [`MAX_WORDS`] words are seen, returns an ISO 639-1
//! code only when the evidence is clear (at least [`MIN_HITS`] stopword hits making up at least
//! 8% of the words), else `None`.

use super::features::Scan;
use crate::lexicon;

/// Words read at most (the guess is stable long before that).
pub const MAX_WORDS: usize = 2000;
/// Stopword hits needed before a guess is made.
pub const MIN_HITS: usize = 5;

/// The evidence of the language guess, added line by line in input order; lines after the
/// first [`MAX_WORDS`] words are not read.
#[derive(Debug, Clone)]
pub struct Guess {
    hits: [usize; lexicon::MAX_LANGS],
    words: usize,
    kana: u64,
    han: u64,
    hangul: u64,
    letters: u64,
}

impl Default for Guess {
    fn default() -> Self {
        Guess::new()
    }
}

impl Guess {
    /// No evidence yet.
    pub fn new() -> Guess {
        Guess {
            hits: [0; lexicon::MAX_LANGS],
            words: 0,
            kana: 0,
            han: 0,
            hangul: 0,
            letters: 0,
        }
    }

    /// True once [`MAX_WORDS`] words are read: further lines change nothing.
    pub fn is_full(&self) -> bool {
        self.words >= MAX_WORDS
    }

    /// Adds the next line's measurements (ignored once [`Guess::is_full`]).
    pub fn add(&mut self, s: &Scan) {
        if self.is_full() {
            return;
        }
        self.words += s.features.words as usize;
        for (h, &n) in self.hits.iter_mut().zip(s.stop_hits.iter()) {
            *h += usize::from(n);
        }
        self.letters += u64::from(s.letters);
        self.kana += u64::from(s.kana);
        self.han += u64::from(s.han);
        self.hangul += u64::from(s.hangul);
    }

    /// The guess: an ISO 639-1 code, when the evidence is clear.
    pub fn language(&self) -> Option<&'static str> {
        let langs: Vec<&'static str> = lexicon::stopword_languages().collect();
        let (kana, han, hangul) = (self.kana, self.han, self.hangul);
        let cjk = kana + han + hangul;
        if self.letters > 0 && cjk * 3 >= self.letters {
            return Some(if hangul >= kana.max(han) {
                "ko"
            } else if kana * 10 >= cjk {
                "ja"
            } else {
                "zh"
            });
        }
        let (best, &n) = self
            .hits
            .iter()
            .take(langs.len())
            .enumerate()
            .max_by_key(|&(i, h)| (*h, usize::MAX - i))?;
        (n >= MIN_HITS && n * 100 >= self.words * 8).then(|| langs[best])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(text: &str) -> Option<&'static str> {
        let lines = crate::normalize::normalized_lines(text);
        let mut g = Guess::new();
        for l in &lines {
            g.add(&super::super::features::scan(l, &l.to_lowercase()));
        }
        g.language()
    }

    #[test]
    fn guesses_common_languages() {
        assert_eq!(
            g("The two leaders met on Tuesday and said that the talks were productive for both of them."),
            Some("en")
        );
        assert_eq!(
            g("Die beiden Politiker haben sich am Dienstag getroffen und sagten, dass die Gespräche gut waren."),
            Some("de")
        );
        assert_eq!(
            g("Les deux dirigeants se sont rencontrés mardi et ont dit que les discussions étaient utiles pour eux."),
            Some("fr")
        );
        assert_eq!(
            g("Los dos líderes se reunieron el martes y dijeron que las conversaciones fueron muy productivas para ellos."),
            Some("es")
        );
        assert_eq!(
            g("Два лидера встретились во вторник и сказали, что переговоры были очень полезны для них и для всех."),
            Some("ru")
        );
        assert_eq!(
            g("東京で会議が開かれました。両国の首脳は会談しました。"),
            Some("ja")
        );
    }

    #[test]
    fn no_guess_without_evidence() {
        assert_eq!(g(""), None);
        assert_eq!(g("Home\nWorld\nSport"), None);
        assert_eq!(g("12345 67890"), None);
    }
}
