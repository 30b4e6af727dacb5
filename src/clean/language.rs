//! A small language guess for the whole paste: the script for languages written without
//! spaces (Japanese, Chinese, Korean), otherwise the stopword list with the most hits.
//!
//! Promises: deterministic, reads the lines until [`MAX_WORDS`] words are seen, returns an ISO 639-1
//! code only when the evidence is clear (at least [`MIN_HITS`] stopword hits making up at least
//! 8% of the words), else `None`.

use super::features::Features;
use crate::lexicon;

/// Words read at most (the guess is stable long before that).
pub const MAX_WORDS: usize = 2000;
/// Stopword hits needed before a guess is made.
pub const MIN_HITS: usize = 5;

/// Guesses the language from the lines' [`Features`] (their stopword hits and scripts).
/// Returns an ISO 639-1 code.
pub fn guess(feats: &[Features]) -> Option<&'static str> {
    let langs: Vec<&'static str> = lexicon::stopword_languages().collect();
    let mut hits = vec![0usize; langs.len()];
    let (mut words, mut kana, mut han, mut hangul, mut letters) = (0usize, 0u64, 0u64, 0u64, 0u64);
    for f in feats {
        if words >= MAX_WORDS {
            break;
        }
        words += f.words;
        for (h, &n) in hits.iter_mut().zip(f.stop_hits.iter()) {
            *h += usize::from(n);
        }
        letters += u64::from(f.letters);
        kana += u64::from(f.kana);
        han += u64::from(f.han);
        hangul += u64::from(f.hangul);
    }
    let cjk = kana + han + hangul;
    if letters > 0 && cjk * 3 >= letters {
        return Some(if hangul >= kana.max(han) {
            "ko"
        } else if kana * 10 >= cjk {
            "ja"
        } else {
            "zh"
        });
    }
    let (best, &n) = hits
        .iter()
        .enumerate()
        .max_by_key(|&(i, h)| (*h, usize::MAX - i))?;
    (n >= MIN_HITS && n * 100 >= words * 8).then(|| langs[best])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(text: &str) -> Option<&'static str> {
        let lines = crate::normalize::normalized_lines(text);
        let feats: Vec<Features> = lines
            .iter()
            .map(|l| super::super::features::features(l, None))
            .collect();
        guess(&feats)
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
