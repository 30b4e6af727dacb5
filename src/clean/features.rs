//! Per-line evidence a careful reader uses: length, sentence shape, stopword share,
//! capitalization, whether the line is only a date or timestamp.

use crate::lexicon;

/// Measurements of one normalized line (counts as `u32`, saturating). Computing them never
/// fails. Cleaning keeps them for every line in a [`FeatureTable`] (8 bytes for most lines).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
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
    /// The yes/no measurements, one bit each (read them with the methods of the same names):
    /// [`Features::ENDS_SENTENCE`] and the other constants.
    pub flags: u16,
}

impl Features {
    /// The [`Features::flags`] of the yes/no measurements given in the order of the constants
    /// (`ends_sentence` first, `caption` last).
    pub fn flags_of(bits: [bool; 11]) -> u16 {
        bits.iter()
            .enumerate()
            .fold(0, |f, (k, &b)| f | (u16::from(b) << k))
    }

    /// The line ends like a sentence (`.`, `!`, `?`, or a closing quote after one).
    pub const ENDS_SENTENCE: u16 = 1 << 0;
    /// The line ends with `:`.
    pub const ENDS_COLON: u16 = 1 << 1;
    /// The line ends with `?`.
    pub const ENDS_QUESTION: u16 = 1 << 2;
    /// The line starts with a lower-case letter.
    pub const STARTS_LOWER: u16 = 1 << 3;
    /// The line starts with a list bullet (`-`, `•`, `*`, `·`, `►`).
    pub const STARTS_BULLET: u16 = 1 << 4;
    /// The line holds a clock time (`12:30`).
    pub const HAS_TIME: u16 = 1 << 5;
    /// The line holds a menu/breadcrumb separator (`|`, ` » `, ` › `, ` / `).
    pub const HAS_SEPARATOR: u16 = 1 << 6;
    /// The line holds a URL, an e-mail address or a handle.
    pub const HAS_LINK: u16 = 1 << 7;
    /// The line is made only of date/time words and numbers ("Wed, 12 Mar 2025 23:04:37 GMT").
    pub const IS_DATELINE: u16 = 1 << 8;
    /// The line, lowercased and without leading dashes and spaces, starts with a byline
    /// prefix ([`lexicon::byline_prefixes`]); checked only on lines of at most 12 words that
    /// do not end a sentence (the only ones a byline can be).
    pub const BYLINE_START: u16 = 1 << 9;
    /// The line has 5 to 60 units and caption wording ([`lexicon::caption_hits`]).
    pub const CAPTION: u16 = 1 << 10;

    /// The line ends like a sentence (`.`, `!`, `?`, or a closing quote after one).
    #[inline]
    pub fn ends_sentence(&self) -> bool {
        self.flags & Self::ENDS_SENTENCE != 0
    }

    /// The line ends with `:`.
    #[inline]
    pub fn ends_colon(&self) -> bool {
        self.flags & Self::ENDS_COLON != 0
    }

    /// The line ends with `?`.
    #[inline]
    pub fn ends_question(&self) -> bool {
        self.flags & Self::ENDS_QUESTION != 0
    }

    /// The line starts with a lower-case letter.
    #[inline]
    pub fn starts_lower(&self) -> bool {
        self.flags & Self::STARTS_LOWER != 0
    }

    /// The line starts with a list bullet (`-`, `•`, `*`, `·`, `►`).
    #[inline]
    pub fn starts_bullet(&self) -> bool {
        self.flags & Self::STARTS_BULLET != 0
    }

    /// The line holds a clock time (`12:30`).
    #[inline]
    pub fn has_time(&self) -> bool {
        self.flags & Self::HAS_TIME != 0
    }

    /// The line holds a menu/breadcrumb separator (`|`, ` » `, ` › `, ` / `).
    #[inline]
    pub fn has_separator(&self) -> bool {
        self.flags & Self::HAS_SEPARATOR != 0
    }

    /// The line holds a URL, an e-mail address or a handle.
    #[inline]
    pub fn has_link(&self) -> bool {
        self.flags & Self::HAS_LINK != 0
    }

    /// The line is made only of date/time words and numbers ("Wed, 12 Mar 2025 23:04:37 GMT").
    #[inline]
    pub fn is_dateline(&self) -> bool {
        self.flags & Self::IS_DATELINE != 0
    }

    /// The line, lowercased and without leading dashes and spaces, starts with a byline
    /// prefix ([`lexicon::byline_prefixes`]); checked only on lines of at most 12 words that
    /// do not end a sentence (the only ones a byline can be).
    #[inline]
    pub fn byline_start(&self) -> bool {
        self.flags & Self::BYLINE_START != 0
    }

    /// The line has 5 to 60 units and caption wording ([`lexicon::caption_hits`]).
    #[inline]
    pub fn caption(&self) -> bool {
        self.flags & Self::CAPTION != 0
    }
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
    /// Words that start with an upper-case letter (`cap_share` is their share of the words).
    pub caps: u32,
    /// Digits (`digit_share` is their share of the characters).
    pub digits: u32,
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
    share_of(u32::from(hits_of(hits, bit)), words)
}

/// The stopword hits of the language of stopword `bit` among `hits` (0 without a bit).
pub fn hits_of(hits: &[u16; lexicon::MAX_LANGS], bit: Option<u16>) -> u16 {
    bit.map_or(0, |b| {
        hits[b.trailing_zeros() as usize % lexicon::MAX_LANGS]
    })
}

/// `x / total` as the features' shares are computed (0 when `total` is 0).
fn share_of(x: u32, total: u32) -> f32 {
    if total == 0 {
        0.0
    } else {
        x as f32 / total as f32
    }
}

/// The [`Features`] of every line of a paste, in 8 bytes a line for most lines: a line of at
/// most 255 characters, 127 words, 63 commas and 63 sentence ends, without CJK text, has its
/// counts packed in a `u64` (its shares are those counts' ratios, computed when read, to the
/// bit); any other line's `Features` are kept whole beside (40 bytes; such a line has 256+
/// bytes, or is rare). Each line also has two marks cleaning sets ([`FeatureTable::NAMED`],
/// [`FeatureTable::DUPLICATE`]).
///
/// Promises: [`FeatureTable::get`] returns exactly the `Features` pushed (with the stop share of
/// the hits given to [`FeatureTable::push`] or [`FeatureTable::set_stop_hits`]).
#[derive(Debug, Clone, Default)]
pub struct FeatureTable {
    /// One word per line: the packed counts, or [`WIDE`] and an index into `wide`.
    packed: Vec<u64>,
    /// The lines whose counts do not fit a word.
    wide: Vec<Features>,
}

/// A packed field: its lowest bit and its width.
#[derive(Clone, Copy)]
struct Field(u32, u32);

impl Field {
    #[inline]
    fn get(self, p: u64) -> u32 {
        ((p >> self.0) & ((1 << self.1) - 1)) as u32
    }

    /// `v` in its place, if it fits.
    fn put(self, v: u32) -> Option<u64> {
        (u64::from(v) < 1 << self.1).then(|| u64::from(v) << self.0)
    }
}

const FLAGS: Field = Field(0, 11);
const WORDS: Field = Field(11, 7);
const CHARS: Field = Field(18, 8);
const COMMAS: Field = Field(26, 6);
const INNER: Field = Field(32, 6);
const CAPS: Field = Field(38, 7);
const DIGITS: Field = Field(45, 8);
const HITS: Field = Field(53, 7);
/// The line's features are in `wide` at the index in the low 32 bits.
const WIDE: u64 = 1 << 63;
/// Both marks.
const MARKS: u64 = FeatureTable::NAMED | FeatureTable::DUPLICATE;

/// What the vector pass reads of a neighbouring line, without the shares.
#[derive(Debug, Clone, Copy, Default)]
pub struct Brief {
    /// [`Features::words`].
    pub words: u32,
    /// [`Features::units`].
    pub units: u32,
    /// [`Features::chars`].
    pub chars: u32,
    /// [`Features::flags`].
    pub flags: u16,
}

impl FeatureTable {
    /// Mark: the line is only a person's name (2–4 capitalized words of at most 4 units).
    pub const NAMED: u64 = 1 << 61;
    /// Mark: another non-blank line of the paste has the same text.
    pub const DUPLICATE: u64 = 1 << 62;

    /// An empty table with room for `n` lines.
    pub fn with_capacity(n: usize) -> FeatureTable {
        FeatureTable {
            packed: Vec::with_capacity(n),
            wide: Vec::new(),
        }
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.packed.len()
    }

    /// True without lines.
    pub fn is_empty(&self) -> bool {
        self.packed.is_empty()
    }

    /// Adds the next line: the features `s` measured, with `hits` stopword hits of the article's
    /// language (its `stop_share` is `hits` over its words).
    pub fn push(&mut self, s: &Scan, hits: u16) {
        let mut f = s.features;
        f.stop_share = share_of(u32::from(hits), f.words);
        // (The shares are those of the counts: `scan` computes them as `share_of` does.)
        let word = match (f.units == f.words && f.cjk_share.to_bits() == 0)
            .then(|| pack(&f, s.caps, s.digits, hits))
            .flatten()
        {
            Some(p) => p,
            None => self.wide_word(f),
        };
        debug_assert_eq!(self.wide_or(word), f);
        self.packed.push(word);
    }

    /// The features of word `word`.
    #[inline]
    fn wide_or(&self, word: u64) -> Features {
        if word & WIDE == 0 {
            unpack(word)
        } else {
            self.wide
                .get(word as u32 as usize)
                .copied()
                .unwrap_or_default()
        }
    }

    /// The word of a line kept whole: `f` added to `wide`.
    fn wide_word(&mut self, f: Features) -> u64 {
        let k = u32::try_from(self.wide.len()).unwrap_or(u32::MAX);
        self.wide.push(f);
        WIDE | u64::from(k)
    }

    /// Sets the stopword hits of the article's language on line `i` (its `stop_share`), for
    /// lines pushed before the language was known.
    pub fn set_stop_hits(&mut self, i: usize, hits: u16) {
        let Some(&p) = self.packed.get(i) else { return };
        if p & WIDE == 0 {
            if let Some(h) = HITS.put(u32::from(hits)) {
                self.packed[i] = (p & !(((1 << HITS.1) - 1) << HITS.0)) | h;
                return;
            }
            let mut f = unpack(p);
            f.stop_share = share_of(u32::from(hits), f.words);
            self.packed[i] = self.wide_word(f) | (p & MARKS);
        } else if let Some(f) = self.wide.get_mut(p as u32 as usize) {
            f.stop_share = share_of(u32::from(hits), f.words);
        }
    }

    /// The features of line `i` (default past the end).
    pub fn get(&self, i: usize) -> Features {
        self.packed
            .get(i)
            .map_or_else(Features::default, |&p| self.wide_or(p))
    }

    /// Counts and flags of line `i` (default past the end).
    #[inline]
    pub fn brief(&self, i: usize) -> Brief {
        match self.packed.get(i) {
            Some(&p) if p & WIDE == 0 => {
                let words = WORDS.get(p);
                Brief {
                    words,
                    units: words,
                    chars: CHARS.get(p),
                    flags: FLAGS.get(p) as u16,
                }
            }
            Some(&p) => self
                .wide
                .get(p as u32 as usize)
                .map(|f| Brief {
                    words: f.words,
                    units: f.units,
                    chars: f.chars,
                    flags: f.flags,
                })
                .unwrap_or_default(),
            None => Brief::default(),
        }
    }

    /// [`Features::units`] of line `i`.
    #[inline]
    pub fn units(&self, i: usize) -> u32 {
        self.brief(i).units
    }

    /// True if line `i` is blank (no characters; also past the end).
    #[inline]
    pub fn blank(&self, i: usize) -> bool {
        self.brief(i).chars == 0
    }

    /// Sets `mark` ([`FeatureTable::NAMED`] or [`FeatureTable::DUPLICATE`]) on line `i`.
    pub fn mark(&mut self, i: usize, mark: u64) {
        if let Some(p) = self.packed.get_mut(i) {
            *p |= mark & MARKS;
        }
    }

    /// True if line `i` has `mark`.
    #[inline]
    pub fn marked(&self, i: usize, mark: u64) -> bool {
        self.packed.get(i).is_some_and(|p| p & mark & MARKS != 0)
    }

    /// Gives back the room the whole-kept lines' list grew into.
    pub fn shrink_to_fit(&mut self) {
        self.wide.shrink_to_fit();
    }
}

/// The packed word of features `f` with `caps` capitalized words, `digits` digits and `hits`
/// stopword hits, if every count fits its field.
fn pack(f: &Features, caps: u32, digits: u32, hits: u16) -> Option<u64> {
    Some(
        FLAGS.put(u32::from(f.flags))?
            | WORDS.put(f.words)?
            | CHARS.put(f.chars)?
            | COMMAS.put(f.commas)?
            | INNER.put(f.inner_sentences)?
            | CAPS.put(caps)?
            | DIGITS.put(digits)?
            | HITS.put(u32::from(hits))?,
    )
}

/// The features of packed word `p` (not [`WIDE`]).
#[inline]
fn unpack(p: u64) -> Features {
    let words = WORDS.get(p);
    let chars = CHARS.get(p);
    Features {
        words,
        units: words,
        chars,
        commas: COMMAS.get(p),
        inner_sentences: INNER.get(p),
        cjk_share: 0.0,
        stop_share: share_of(HITS.get(p), words),
        cap_share: share_of(CAPS.get(p), words),
        digit_share: share_of(DIGITS.get(p), chars),
        flags: FLAGS.get(p) as u16,
    }
}

/// `n` as a `u32`, saturating.
fn sat(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Writes `text` lowercased (exactly [`str::to_lowercase`]) into `buf`, reusing its
/// allocation: byte by byte, with a table of the characters news text uses most (Latin-1,
/// Cyrillic, punctuation, CJK: see [`lower_char`]); a line with any other character is
/// lowercased by [`str::to_lowercase`].
pub fn lowercase_into(text: &str, buf: &mut String) {
    buf.clear();
    let b = text.as_bytes();
    // Bytes before `run` are in `buf` (ASCII not yet lowercased); characters a table maps to
    // themselves stay in the run.
    let mut run = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] < 0x80 {
            i += 1;
            continue;
        }
        let (c, n) = decode(b, i);
        match lower_char(c) {
            Some(l) if l == c => {}
            Some(l) => {
                buf.push_str(text.get(run..i).unwrap_or(""));
                buf.push(l);
                run = i + n;
            }
            None => {
                *buf = text.to_lowercase();
                return;
            }
        }
        i += n;
    }
    buf.push_str(text.get(run..).unwrap_or(""));
    buf.make_ascii_lowercase();
}

/// The character starting at byte `i` of valid UTF-8 `b` (a lead byte) and its length.
#[inline]
fn decode(b: &[u8], i: usize) -> (char, usize) {
    let c = b[i];
    let n = if c < 0xe0 {
        2
    } else if c < 0xf0 {
        3
    } else {
        4
    };
    let mut cp = u32::from(c) & (0x7f >> n);
    for k in 1..n {
        cp = (cp << 6) | (u32::from(b.get(i + k).copied().unwrap_or(0)) & 0x3f);
    }
    (char::from_u32(cp).unwrap_or('\0'), n)
}

/// `c` lowercased when it is a non-ASCII character whose lowercase is one character that
/// never depends on its neighbours, for the blocks news text uses most (Latin-1, Cyrillic,
/// general punctuation, symbols, CJK, emoji); None for every other character.
fn lower_char(c: char) -> Option<char> {
    match c {
        '\u{c0}'..='\u{de}' if c != '\u{d7}' => char::from_u32(c as u32 + 0x20),
        '\u{400}'..='\u{40f}' => char::from_u32(c as u32 + 0x50),
        '\u{410}'..='\u{42f}' => char::from_u32(c as u32 + 0x20),
        '\u{80}'..='\u{bf}'
        | '\u{d7}'
        | '\u{df}'..='\u{ff}'
        | '\u{430}'..='\u{45f}'
        | '\u{2000}'..='\u{20cf}'
        | '\u{2190}'..='\u{245f}'
        | '\u{2500}'..='\u{2bff}'
        | '\u{3000}'..='\u{30ff}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{ac00}'..='\u{d7a3}'
        | '\u{ff01}'..='\u{ff20}'
        | '\u{1f000}'..='\u{1faff}' => Some(c),
        _ => None,
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
    b.iter().enumerate().any(|(i, &c)| match c {
        b'|' => true,
        // The byte after the space tells which separator it can be.
        b' ' => match b.get(i + 1..).unwrap_or(&[]) {
            [b'/' | b'>', b' ', ..] => true,
            [0xc2, 0xbb, b' ', ..] => true,       // » (U+00BB)
            [0xe2, 0x80, 0xba, b' ', ..] => true, // › (U+203A)
            _ => false,
        },
        _ => false,
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
    // Words are the whitespace-separated tokens of the line. Tokens between ASCII whitespace
    // are read on the bytes; `lower` has the same ASCII whitespace in the same order, so the
    // token's lowercase starts at its offset plus `shift` (the byte length lowercasing added
    // before it), and an ASCII token's lowercase has its length. A token with other bytes is
    // split on Unicode whitespace and read by characters, zipped with its lowercase.
    let b = text.as_bytes();
    let lb = lower.as_bytes();
    let space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    let keep = |c: u8| c.is_ascii_alphanumeric() || c == b'\'';
    let mut shift: isize = 0;
    let mut i = 0;
    while i < b.len() {
        if space(b[i]) {
            i += 1;
            continue;
        }
        let t0 = i;
        let mut ascii_token = true;
        while i < b.len() && !space(b[i]) {
            ascii_token &= b[i] < 0x80;
            i += 1;
        }
        let l0 = t0.wrapping_add_signed(shift);
        if ascii_token {
            let (mut s, mut e) = (t0, i);
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
            let ls = s.wrapping_add_signed(shift);
            count(
                lower
                    .get(ls..ls.wrapping_add(e - s))
                    .map_or(0, lexicon::stopword_mask),
            );
            if b[s].is_ascii_uppercase() {
                caps += 1;
            }
            continue;
        }
        let mut l1 = l0.min(lb.len());
        while l1 < lb.len() && !space(lb[l1]) {
            l1 += 1;
        }
        shift = l1 as isize - i as isize;
        let token = text.get(t0..i).unwrap_or("");
        let ltoken = lower.get(l0..l1).unwrap_or("");
        for (w, lw) in token.split_whitespace().zip(ltoken.split_whitespace()) {
            let w = w.trim_matches(trim);
            if !w.chars().any(is_letter) {
                continue;
            }
            words += 1;
            if !w.is_ascii() {
                cjk_chars += w.chars().filter(|&c| is_cjk(c)).count();
            }
            // The trimmed word lowercased: ASCII words on the stack, others from `lower`.
            let mask = if w.is_ascii() {
                crate::lower::with_lower(w, lexicon::stopword_mask)
            } else {
                lexicon::stopword_mask(lw.trim_matches(trim))
            };
            count(mask);
            if w.chars().next().is_some_and(char::is_uppercase) {
                caps += 1;
            }
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
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
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
            i += 1;
            continue;
        }
        let (c, n) = decode(b, i);
        i += n;
        chars += 1;
        if matches!(c, '。' | '！' | '？') {
            inner_sentences += 1;
        }
        prev_stop = false;
        if matches!(c, '\u{4e00}'..='\u{9fff}') {
            // Every Han ideograph and Hangul syllable is a letter: no Unicode table lookup.
            letters += 1;
            han += 1;
        } else if matches!(c, '\u{ac00}'..='\u{d7a3}') {
            letters += 1;
            hangul += 1;
        } else if is_letter(c) {
            letters += 1;
            if matches!(c, '\u{3040}'..='\u{30ff}') {
                kana += 1;
            }
        }
        if matches!(c, '，' | '、') {
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
        let first = t.as_bytes().first();
        lexicon::byline_prefixes()
            .any(|p| (p.is_empty() || p.as_bytes().first() == first) && t.starts_with(p))
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
        flags: Features::flags_of([
            ends_sentence,
            matches!(last, Some(':' | '：')),
            text.ends_with('?'),
            first.is_some_and(char::is_lowercase),
            matches!(first, Some('-' | '•' | '*' | '·' | '►' | '▪' | '■')),
            has_time,
            has_separator(text),
            has_link(lower),
            !text.is_empty() && looks_like_dateline(lower),
            byline_start,
            (5..=60).contains(&units) && lexicon::caption_hits(lower),
        ]),
    };
    Scan {
        features,
        stop_hits,
        letters,
        kana,
        han,
        hangul,
        caps: sat(caps),
        digits: sat(digits),
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
            assert!(features(s, None).is_dateline(), "{s}");
        }
        for s in [
            "Trump Pushes Republicans",
            "May I help you",
            "On 12 March the army moved.",
        ] {
            assert!(!features(s, None).is_dateline(), "{s}");
        }
    }

    /// The previous implementation (characters, one path for non-ASCII lines), kept to check
    /// the byte-level scan against.
    fn old_scan(text: &str, lower: &str) -> Scan {
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
            let first = t.as_bytes().first();
            lexicon::byline_prefixes()
                .any(|p| (p.is_empty() || p.as_bytes().first() == first) && t.starts_with(p))
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
            flags: Features::flags_of([
                ends_sentence,
                matches!(last, Some(':' | '：')),
                text.ends_with('?'),
                first.is_some_and(char::is_lowercase),
                matches!(first, Some('-' | '•' | '*' | '·' | '►' | '▪' | '■')),
                has_time,
                has_separator(text),
                has_link(lower),
                !text.is_empty() && looks_like_dateline(lower),
                byline_start,
                (5..=60).contains(&units) && lexicon::caption_hits(lower),
            ]),
        };
        Scan {
            features,
            stop_hits,
            letters,
            kana,
            han,
            hangul,
            caps: caps as u32,
            digits: digits as u32,
        }
    }

    /// The byte-level scan equals the character-level one on every bench line and odd text.
    #[test]
    fn scan_equals_char_scan() {
        let mut lines: Vec<String> = vec![
            "a\u{a0}b \u{2003}c\u{3000}d".into(),
            "İİ İx the Ǆ ǅ ǆ".into(),
            "ΣΑΣ ΟΔΟΣ. ΌΣΟΣ".into(),
            " \t lead  and trail \r".into(),
            "K\u{212a} \u{212a}the".into(),
        ];
        for t in crate::test_pages::bench_pages() {
            lines.extend(
                crate::normalize::normalized_lines(&t)
                    .into_iter()
                    .map(String::from),
            );
        }
        for l in &lines {
            let lower = l.to_lowercase();
            let (a, b) = (scan(l, &lower), old_scan(l, &lower));
            assert_eq!(a.features, b.features, "{l}");
            assert_eq!(
                (a.stop_hits, a.letters, a.kana, a.han, a.hangul),
                (b.stop_hits, b.letters, b.kana, b.han, b.hangul),
                "{l}"
            );
            let mut buf = String::new();
            lowercase_into(l, &mut buf);
            assert_eq!(buf, lower);
        }
    }

    /// The table reads back every line's features exactly, packed or kept whole, with the stop
    /// share of the hits given when pushed or set later, and keeps the marks apart.
    #[test]
    fn table_reads_back_what_was_pushed() {
        let mut lines: Vec<String> = [
            "",
            "a",
            "Home",
            "12:04",
            "東京 ソウル 서울",
            "ΟΔΟΣ, ΣΑΣ; one. two! three? four",
        ]
        .map(String::from)
        .to_vec();
        lines.push("word, ".repeat(70));
        lines.push("x".repeat(300));
        for t in crate::test_pages::bench_pages() {
            lines.extend(
                crate::normalize::split_lines(&t)
                    .into_iter()
                    .map(String::from),
            );
        }
        let en = lexicon::stopword_bit("en");
        let mut table = FeatureTable::with_capacity(lines.len());
        let mut want = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            let s = scan(l, &l.to_lowercase());
            // Every other line gets its hits later.
            let hits = hits_of(&s.stop_hits, en);
            table.push(&s, if i % 2 == 0 { hits } else { 0 });
            table.mark(i, [0, FeatureTable::NAMED, FeatureTable::DUPLICATE][i % 3]);
            want.push(Features {
                stop_share: s.stop_share(en),
                ..s.features
            });
        }
        for (i, l) in lines.iter().enumerate() {
            if i % 2 == 1 {
                let s = scan(l, &l.to_lowercase());
                table.set_stop_hits(i, hits_of(&s.stop_hits, en));
            }
        }
        assert!(table.wide.len() * 4 < lines.len(), "most lines packed");
        for (i, f) in want.iter().enumerate() {
            assert_eq!(table.get(i), *f, "{}", lines[i]);
            let b = table.brief(i);
            assert_eq!(
                (b.words, b.units, b.chars, b.flags),
                (f.words, f.units, f.chars, f.flags)
            );
            assert_eq!(table.blank(i), lines[i].is_empty());
            assert_eq!(table.marked(i, FeatureTable::NAMED), i % 3 == 1);
            assert_eq!(table.marked(i, FeatureTable::DUPLICATE), i % 3 == 2);
        }
        assert_eq!(table.get(lines.len()), Features::default());
    }

    /// The character table maps exactly as `to_lowercase`, and whole lines lowercase exactly.
    #[test]
    fn lowercase_table_and_lines() {
        for cp in 0x80..0x11_0000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            if let Some(l) = lower_char(c) {
                assert_ne!(c, 'Σ');
                assert_eq!(
                    c.to_lowercase().collect::<String>(),
                    l.to_string(),
                    "{cp:x}"
                );
                assert_eq!(c.len_utf8(), l.len_utf8());
            }
        }
        let mut buf = String::new();
        for t in [
            "",
            "Hello World",
            "Ärger über Öl — “Quoted” ’s",
            "ОДИН Два ЁЖ",
            "ΟΔΟΣ ΣΑΣ",
            "İstanbul KELVIN \u{212a}",
            "東京 ソウル 서울 ！",
            "ß ÿ × ÷ 🙂",
        ] {
            lowercase_into(t, &mut buf);
            assert_eq!(buf, t.to_lowercase(), "{t}");
        }
    }

    /// Words and their stopwords are read the same whatever the line's characters.
    #[test]
    fn words_in_mixed_lines() {
        let en = lexicon::stopword_bit("en");
        let f = features("“The ΟΔΟΣ of İstanbul\u{a0}and the „Öl“ — it’s 東京", en);
        assert_eq!(f.words, 9);
        assert!(f.stop_share > 0.3);
        assert_eq!(features("\u{212a}elvin the end", en).words, 3);
    }

    #[test]
    fn separators() {
        for (t, want) in [
            ("Home | World", true),
            ("Home / World", true),
            ("a > b", true),
            ("Home \u{bb} World", true),
            ("Home \u{203a} World", true),
            ("Home /World", false),
            ("Home \u{bb}World", false),
            ("1/2 and >", false),
            ("ends with a space \u{203a}", false),
        ] {
            assert_eq!(has_separator(t), want, "{t}");
        }
    }

    #[test]
    fn sentence_shape() {
        let en = lexicon::stopword_bit("en");
        let f = features(
            "The leaders spoke for an hour and a half, the Kremlin said.",
            en,
        );
        assert!(f.ends_sentence());
        assert!(f.stop_share > 0.2);
        assert_eq!(f.words, 12);

        let g = features(
            "Trump Pushes Republicans for Unified Legislative Strategy",
            en,
        );
        assert!(features("Updated 12:30 GMT", None).has_time());
        assert!(!features("In 2024, 12 people", None).has_time());
        assert!(!g.ends_sentence());
        assert!(g.cap_share > 0.8);
    }
}
