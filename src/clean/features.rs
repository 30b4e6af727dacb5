//! Per-line evidence a careful reader uses: length, sentence shape, stopword share,
//! capitalization, whether the line is only a date or timestamp.

use crate::lexicon;

/// Measurements of one normalized line, kept for every line while cleaning runs (so they are
/// small: counts as `u32`, saturating). Computing them never fails.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    /// Number of words (whitespace tokens that contain a letter).
    pub words: u32,
    /// Length in word units: words, with each run of CJK characters counted as one word per
    /// two characters (those scripts write no spaces).
    pub units: u32,
    /// Number of characters.
    pub chars: u32,
    /// Number of commas, semicolons and CJK commas (clause breaks, common in prose).
    pub commas: u32,
    /// Sentence ends inside the line: `.`, `!`, `?` followed by a space, and CJK full stops
    /// (`。`, `！`, `？`) anywhere (the line's own last sentence end is not counted unless it is
    /// a CJK one).
    pub inner_sentences: u32,
    /// Share of the line's letters that are kana, Han or Hangul (0 without letters).
    pub cjk_share: f32,
    /// Share of words that are stopwords of the article's language (0 when there are no words
    /// or no stopword list).
    pub stop_share: f32,
    /// Share of words that start with an upper-case letter.
    pub cap_share: f32,
    /// Share of characters that are digits.
    pub digit_share: f32,
    /// The line ends like a sentence (`.`, `!`, `?`, or a closing quote after one).
    pub ends_sentence: bool,
    /// The line ends with `:`.
    pub ends_colon: bool,
    /// The line ends with `?`.
    pub ends_question: bool,
    /// The line starts with a lower-case letter.
    pub starts_lower: bool,
    /// The line starts with a list bullet (`-`, `•`, `*`, `·`, `►`).
    pub starts_bullet: bool,
    /// The line holds a clock time (`12:30`).
    pub has_time: bool,
    /// The line holds a menu/breadcrumb separator (`|`, ` » `, ` › `, ` / `).
    pub has_separator: bool,
    /// The line holds a URL, an e-mail address or a handle.
    pub has_link: bool,
    /// The line is made only of date/time words and numbers ("Wed, 12 Mar 2025 23:04:37 GMT").
    pub is_dateline: bool,
    /// The line, lowercased and without leading dashes and spaces, starts with a byline
    /// prefix ([`lexicon::byline_prefixes`]); checked only on lines of at most 12 words that
    /// do not end a sentence (the only ones a byline can be).
    pub byline_start: bool,
    /// The line has 5 to 60 units and caption wording ([`lexicon::caption_hits`]).
    pub caption: bool,
}

/// What one pass over a line measures: its [`Features`] plus what only the language guess
/// reads (stopword hits per language, script letters), which cleaning does not keep per line.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    /// The line's features (`stop_share` 0 until [`Scan::stop_share`] is known).
    pub features: Features,
    /// Stopword hits per language (index = bit of [`lexicon::stopword_mask`]).
    pub stop_hits: [u16; lexicon::MAX_LANGS],
    /// Letters in the line.
    pub letters: u32,
    /// Kana letters (Japanese).
    pub kana: u32,
    /// Han letters (Chinese, Japanese).
    pub han: u32,
    /// Hangul letters (Korean).
    pub hangul: u32,
}

impl Scan {
    /// The share of words that are stopwords of the language with stopword bit `bit` (0
    /// without one or without words).
    pub fn stop_share(&self, bit: Option<u16>) -> f32 {
        stop_share(&self.stop_hits, self.features.words, bit)
    }
}

/// `hits` of the language of stopword `bit` over `words`, as a share (0 without words or bit).
pub fn stop_share(hits: &[u16; lexicon::MAX_LANGS], words: u32, bit: Option<u16>) -> f32 {
    let hits = bit.map_or(0, |b| {
        hits[b.trailing_zeros() as usize % lexicon::MAX_LANGS]
    });
    if words == 0 {
        0.0
    } else {
        f32::from(hits) / words as f32
    }
}

/// `n` as a `u32`, saturating.
fn sat(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Writes `text` lowercased (exactly [`str::to_lowercase`]) into `buf`, reusing its
/// allocation for ASCII text.
pub fn lowercase_into(text: &str, buf: &mut String) {
    buf.clear();
    if text.is_ascii() {
        buf.push_str(text);
        buf.make_ascii_lowercase();
    } else {
        *buf = text.to_lowercase();
    }
}

/// True for a clock time written with a letter ("09h15", "9h").
fn is_clock(tok: &str) -> bool {
    match tok.split_once('h') {
        Some((h, m)) => {
            (1..=2).contains(&h.len())
                && h.chars().all(|c| c.is_ascii_digit())
                && (m.is_empty() || (m.len() == 2 && m.chars().all(|c| c.is_ascii_digit())))
        }
        None => false,
    }
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
        if lexicon::is_month_name(tok) {
            has_anchor = true;
        } else if tok.chars().all(|c| c.is_ascii_digit()) {
            if tok.len() == 4 || lower.contains([':', '-', '/', '.']) {
                has_anchor = true;
            }
        } else if is_clock(tok) {
            has_anchor = true;
        } else if tok
            .strip_suffix(|c: char| c.is_ascii_alphabetic())
            .and_then(|t| t.strip_suffix(|c: char| c.is_ascii_alphabetic()))
            .is_some_and(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()))
        {
            // ordinals: 21st, 2nd, 3rd, 4th
        } else if !lexicon::is_date_word(tok) {
            return false;
        }
    }
    has_anchor || (n >= 2 && lower.ends_with(" ago"))
}

/// True if `text` holds a menu/breadcrumb separator: `|`, or ` » `, ` › `, ` / `, ` > ` (one
/// pass over the bytes).
fn has_separator(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        c == b'|'
            || (c == b' '
                && [
                    &b" / "[..],
                    b" > ",
                    " \u{bb} ".as_bytes(),
                    " \u{203a} ".as_bytes(),
                ]
                .iter()
                .any(|p| b[i..].starts_with(p)))
    })
}

/// True if `lower` holds `http`, `www.`, `.com` or `@` (one pass over the bytes).
fn has_link(lower: &str) -> bool {
    let b = lower.as_bytes();
    b.iter().enumerate().any(|(i, &c)| match c {
        b'@' => true,
        b'h' => b[i..].starts_with(b"http"),
        b'w' => b[i..].starts_with(b"www."),
        b'.' => b[i..].starts_with(b".com"),
        _ => false,
    })
}

/// `c.is_alphabetic()` with shortcuts for the blocks news text uses most (Latin letters with
/// accents, general punctuation) before the Unicode table.
#[inline]
fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7f}' | '\u{2000}'..='\u{206f}' | '\u{d7}' | '\u{f7}' => false,
        '\u{c0}'..='\u{24f}' | '\u{410}'..='\u{44f}' | '\u{3041}'..='\u{3096}' => true,
        '\u{30a1}'..='\u{30fa}' | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7a3}' => true,
        _ => c.is_alphabetic(),
    }
}

/// `c.is_alphanumeric()` with the shortcuts of [`is_letter`].
#[inline]
fn is_alnum(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\u{7f}' | '\u{2000}'..='\u{206f}' => false,
        _ => is_letter(c) || c.is_numeric(),
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}')
}

/// Computes the [`Features`] of one normalized line; `stops` is the stopword bit of the
/// article's language (see [`lexicon::stopword_bit`]), if known (with `None`, `stop_share` is
/// 0).
pub fn features(text: &str, stops: Option<u16>) -> Features {
    let s = scan(text, &text.to_lowercase());
    Features {
        stop_share: s.stop_share(stops),
        ..s.features
    }
}

/// Measures one normalized line `text` given its lowercase `lower` (`text.to_lowercase()`):
/// its features with `stop_share` 0, and what the language guess reads.
pub fn scan(text: &str, lower: &str) -> Scan {
    let mut words = 0usize;
    let mut cjk_chars = 0usize;
    let mut stop_hits = [0u16; lexicon::MAX_LANGS];
    let mut caps = 0usize;
    let trim = |c: char| !is_alnum(c) && c != '\'' && c != '’';
    let mut buf = String::with_capacity(32);
    let ascii = text.is_ascii() && lower.len() == text.len();
    let mut count = |mask: u16| {
        let mut rest = mask;
        while rest != 0 {
            let bit = rest.trailing_zeros() as usize;
            if let Some(h) = stop_hits.get_mut(bit) {
                *h = h.saturating_add(1);
            }
            rest &= rest - 1;
        }
    };
    if ascii {
        // ASCII: the same words as below, found on the bytes; `lower` has the same offsets.
        let b = text.as_bytes();
        let space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
        let keep = |c: u8| c.is_ascii_alphanumeric() || c == b'\'';
        let mut i = 0;
        while i < b.len() {
            if space(b[i]) {
                i += 1;
                continue;
            }
            let mut s = i;
            while i < b.len() && !space(b[i]) {
                i += 1;
            }
            let mut e = i;
            while s < e && !keep(b[s]) {
                s += 1;
            }
            while e > s && !keep(b[e - 1]) {
                e -= 1;
            }
            if !b[s..e].iter().any(u8::is_ascii_alphabetic) {
                continue;
            }
            words += 1;
            count(lower.get(s..e).map_or(0, lexicon::stopword_mask));
            if b[s].is_ascii_uppercase() {
                caps += 1;
            }
        }
    }
    let non_ascii_words = if ascii { "" } else { text };
    let non_ascii_lower = if ascii { "" } else { lower };
    for (w, lw) in non_ascii_words
        .split_whitespace()
        .zip(non_ascii_lower.split_whitespace())
    {
        let w = w.trim_matches(trim);
        if !w.chars().any(is_letter) {
            continue;
        }
        words += 1;
        if !w.is_ascii() {
            cjk_chars += w.chars().filter(|&c| is_cjk(c)).count();
        }
        // The trimmed word lowercased: ASCII words in a stack buffer, others from `lower`.
        let mask = if w.is_ascii() {
            buf.clear();
            buf.push_str(w);
            buf.make_ascii_lowercase();
            lexicon::stopword_mask(&buf)
        } else {
            lexicon::stopword_mask(lw.trim_matches(trim))
        };
        count(mask);
        if w.chars().next().is_some_and(char::is_uppercase) {
            caps += 1;
        }
    }
    let units = if cjk_chars > 0 {
        words + cjk_chars / 2
    } else {
        words
    };
    let mut chars = 0usize;
    let mut digits = 0usize;
    let mut commas = 0usize;
    let mut inner_sentences = 0usize;
    let mut prev_stop = false;
    let (mut letters, mut kana, mut han, mut hangul) = (0u32, 0u32, 0u32, 0u32);
    if ascii {
        for &c in text.as_bytes() {
            chars += 1;
            if prev_stop && c == b' ' {
                inner_sentences += 1;
            }
            prev_stop = matches!(c, b'.' | b'!' | b'?');
            if c.is_ascii_alphabetic() {
                letters += 1;
            } else if c.is_ascii_digit() {
                digits += 1;
            } else if c == b',' || c == b';' {
                commas += 1;
            }
        }
    }
    for c in non_ascii_words.chars() {
        chars += 1;
        if (prev_stop && c == ' ') || matches!(c, '。' | '！' | '？') {
            inner_sentences += 1;
        }
        prev_stop = matches!(c, '.' | '!' | '?');
        if c.is_ascii_alphabetic() {
            letters += 1;
        } else if c.is_ascii_digit() {
            digits += 1;
        } else if matches!(c, '\u{4e00}'..='\u{9fff}') {
            // Every Han ideograph and Hangul syllable is a letter: no Unicode table lookup.
            letters += 1;
            han += 1;
        } else if matches!(c, '\u{ac00}'..='\u{d7a3}') {
            letters += 1;
            hangul += 1;
        } else if !c.is_ascii() && is_letter(c) {
            letters += 1;
            if matches!(c, '\u{3040}'..='\u{30ff}') {
                kana += 1;
            }
        }
        if matches!(c, ',' | ';' | '，' | '、') {
            commas += 1;
        }
    }
    let has_time = text.as_bytes().windows(4).any(|w| {
        w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit() && w[3].is_ascii_digit()
    });
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
    let first = text.chars().next();
    let ends_sentence = matches!(last, Some('.' | '!' | '?' | '…' | '。' | '！' | '？'));
    let byline_start = words <= 12 && !ends_sentence && {
        let t = lower.trim_start_matches(['-', '–', '—', ' ']);
        lexicon::byline_prefixes().any(|p| t.starts_with(p))
    };
    let features = Features {
        words: sat(words),
        units: sat(units),
        chars: sat(chars),
        commas: sat(commas),
        inner_sentences: sat(inner_sentences),
        cjk_share: if letters == 0 {
            0.0
        } else {
            han.wrapping_add(kana).wrapping_add(hangul) as f32 / letters as f32
        },
        stop_share: 0.0,
        cap_share: share(caps),
        digit_share: if chars == 0 {
            0.0
        } else {
            digits as f32 / chars as f32
        },
        ends_sentence,
        ends_colon: matches!(last, Some(':' | '：')),
        ends_question: text.ends_with('?'),
        starts_lower: first.is_some_and(char::is_lowercase),
        starts_bullet: matches!(first, Some('-' | '•' | '*' | '·' | '►' | '▪' | '■')),
        has_time,
        has_separator: has_separator(text),
        has_link: has_link(lower),
        is_dateline: !text.is_empty() && looks_like_dateline(lower),
        byline_start,
        caption: (5..=60).contains(&units) && lexicon::caption_hits(lower),
    };
    Scan {
        features,
        stop_hits,
        letters,
        kana,
        han,
        hangul,
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
            "12.03.2024, 09:15 Uhr",
            "12 mars 2024 à 09h15",
            "Actualizado el 12 de marzo de 2024",
        ] {
            assert!(features(s, None).is_dateline, "{s}");
        }
        for s in [
            "Trump Pushes Republicans",
            "May I help you",
            "On 12 March the army moved.",
        ] {
            assert!(!features(s, None).is_dateline, "{s}");
        }
    }

    #[test]
    fn sentence_shape() {
        let en = lexicon::stopword_bit("en");
        let f = features(
            "The leaders spoke for an hour and a half, the Kremlin said.",
            en,
        );
        assert!(f.ends_sentence);
        assert!(f.stop_share > 0.2);
        assert_eq!(f.words, 12);

        let g = features(
            "Trump Pushes Republicans for Unified Legislative Strategy",
            en,
        );
        assert!(features("Updated 12:30 GMT", None).has_time);
        assert!(!features("In 2024, 12 people", None).has_time);
        assert!(!g.ends_sentence);
        assert!(g.cap_share > 0.8);
    }
}
