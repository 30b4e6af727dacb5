//! What the metadata extractors share about one paste: the lines as cleaning labelled them, the
//! main body cluster, the words of the article, and every date on every line (with years inferred
//! from the nearest full date and numeric order resolved for the whole page).

use super::date::{self, DateContext, ParsedDate, Ymd};
use crate::fasthash::FastMap;
use crate::lexicon;
use crate::model::{Kind, Line};

/// Lines longer than this are not searched for dates (metadata lives on short lines).
const MAX_DATE_LINE_CHARS: usize = 2_000;

/// The shared view of one paste (indices are 0-based line indices). Per-line data is stored
/// flat and small (a paste can have hundreds of thousands of lines): the lowercase of every
/// line in one buffer, a 4-byte memo a line, bit sets with running counts, and lists over the
/// lines that have something (dates, stems).
pub struct Page<'a> {
    /// The labelled lines (labels as cleaning left them).
    pub lines: &'a [Line],
    /// Lowercased text of every line, concatenated ([`Page::lower`] slices it).
    lower_buf: String,
    /// Where each line's lowercase starts in `lower_buf`, from where its text starts in the
    /// text's buffer: `(line, shift)` pairs, ascending by line, each saying that from `line` on
    /// a lowercase starts `shift` bytes after its text (none when every lowercase lies where
    /// its text does, as for lines cut from one buffer, [`crate::normalize::lines`], whose
    /// lowercasing changed no length).
    lower_shifts: Vec<(u32, isize)>,
    /// Dates found on the lines, concatenated by line ([`Page::dates`] slices it).
    date_buf: Vec<ParsedDate>,
    /// The lines with dates.
    dated: Ranked,
    /// For each line with dates (in order): the end of its dates in `date_buf` (they start at
    /// the previous one's end).
    dates_end: Vec<u32>,
    /// First and last line of the main body cluster (the run of body lines with the most text).
    pub body: Option<(usize, usize)>,
    /// Today, if the caller said.
    pub reference: Option<Ymd>,
    /// The distinct stems of the long lines and the body lines, numbered from 0.
    stem_ids: StemIds,
    /// For each stem id: it is a stem of a content word (4+ letters, not a stopword) of the
    /// article's body lines.
    body_stem: Vec<bool>,
    /// Stem ids of each long line's content words, concatenated (see [`Page::stems`]).
    stem_buf: Vec<u32>,
    /// For each long line (in order): the end of its stem ids in `stem_buf`.
    stems_end: Vec<u32>,
    /// For each stem id, the lines whose stems ([`Page::stems`]) hold it, ascending, each once,
    /// concatenated (see [`Page::lines_with_stem`]).
    posting_buf: Vec<u32>,
    /// Start of each stem id's lines in `posting_buf` (one more entry than stem ids).
    postings_at: Vec<u32>,
    /// The lines long enough to be prose (12+ words or 100+ characters).
    long: Ranked,
    /// The indices of the long lines, ascending.
    long_lines: Vec<u32>,
    /// The non-blank lines.
    nonblank: Ranked,
    /// What is known of each line, asked once (see [`Memo`]).
    memo: Vec<std::cell::Cell<u32>>,
    /// Memo of the stem ids of short ASCII words (filled while stemming the page).
    stem_memo: std::cell::RefCell<StemMemo>,
    /// Scratch for [`Page::mark_stems`]: the mark of each stem id and the current mark.
    marks: std::cell::RefCell<(u32, Vec<u32>)>,
}

/// A set of line indices with its running count: for every 64 lines, one bit a line and how
/// many lines before them are in the set (a quarter byte a line).
#[derive(Default)]
struct Ranked {
    /// `(bits of lines 64k..64k+64, lines in the set before 64k)` for each k.
    words: Vec<(u64, u32)>,
}

impl Ranked {
    /// The set of `lines` (ascending indices below `n`).
    fn of(n: usize, lines: impl Iterator<Item = usize>) -> Ranked {
        let mut words = vec![(0u64, 0u32); n / 64 + 1];
        for i in lines {
            if let Some(w) = words.get_mut(i / 64) {
                w.0 |= 1 << (i % 64);
            }
        }
        let mut count = 0u32;
        for w in &mut words {
            w.1 = count;
            count += w.0.count_ones();
        }
        Ranked { words }
    }

    /// True if line `i` is in the set.
    #[inline]
    fn has(&self, i: usize) -> bool {
        self.words
            .get(i / 64)
            .is_some_and(|w| w.0 >> (i % 64) & 1 != 0)
    }

    /// How many lines before line `i` are in the set (`i` at most the line count; all of
    /// them past it).
    #[inline]
    fn rank(&self, i: usize) -> usize {
        match self.words.get(i / 64) {
            Some(&(bits, before)) => {
                before as usize + (bits & ((1u64 << (i % 64)) - 1)).count_ones() as usize
            }
            None => self
                .words
                .last()
                .map_or(0, |w| w.1 as usize + w.0.count_ones() as usize),
        }
    }
}

/// The bits of a line's memo ([`Page::memo`]): its word count when known and under 255 (else
/// [`WORDS_UNKNOWN`]), its chrome rule (0 not yet asked, 1 none, else 2 + the rule's index),
/// whether [`crate::meta::byline::parse_line`] finds names on it and whether the title's
/// byline-or-date test holds (each 0 not yet asked, 1 no, 2 yes).
struct Memo;

impl Memo {
    const WORDS: (u32, u32) = (0, 8);
    const CHROME: (u32, u32) = (8, 16);
    const CUED: (u32, u32) = (24, 2);
    const BYLINE_OR_DATE: (u32, u32) = (26, 2);

    #[inline]
    fn get(cell: &std::cell::Cell<u32>, (at, width): (u32, u32)) -> u32 {
        (cell.get() >> at) & ((1 << width) - 1)
    }

    /// Sets the field to `v` (which fits it).
    #[inline]
    fn set(cell: &std::cell::Cell<u32>, (at, width): (u32, u32), v: u32) {
        let mask = ((1 << width) - 1) << at;
        cell.set((cell.get() & !mask) | ((v << at) & mask));
    }
}

/// [`Memo::WORDS`] of a line whose word count is not known (or 255 or more).
const WORDS_UNKNOWN: u32 = 255;

/// A crude language-neutral stem: the word without a plural `s`, cut to 5 characters
/// ("temptations" and "tempting" → "tempt", "snacks" → "snack").
pub fn stem(word: &str) -> String {
    stem_of(word).to_string()
}

/// [`stem`] as a slice of `word` (no allocation).
pub fn stem_of(word: &str) -> &str {
    let w = word.strip_suffix('s').unwrap_or(word);
    match w.char_indices().nth(5) {
        Some((end, _)) => &w[..end],
        None => w,
    }
}

/// Lowercased content words of `text`: letters-only tokens of 4+ chars that are not stopwords.
pub fn content_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_content_word(text, |w| out.push(w.to_string()));
    out
}

/// Calls `f` with each of [`content_words`]`(text)` in order, without allocating for ASCII
/// words.
pub fn for_each_content_word(text: &str, mut f: impl FnMut(&str)) {
    // Every word goes through here once it is known to be 4+ characters with a letter.
    let mut emit = |w: &str| {
        crate::lower::with_lower(w, |lw| {
            if !lexicon::is_stopword(lw) {
                f(lw);
            }
        })
    };
    if text.is_ascii() {
        // ASCII: the letters and digits are the ASCII ones, so words are byte runs.
        for_each_ascii_word(text.as_bytes(), |start, end| emit(&text[start..end]));
        return;
    }
    for w in text.split(|c: char| !is_alphanumeric(c)) {
        // Four characters need at least four bytes.
        if w.len() < 4 {
            continue;
        }
        let candidate = match w.is_ascii() {
            true => w.bytes().any(|b| b.is_ascii_alphabetic()),
            false => w.chars().count() >= 4 && w.chars().any(is_alphabetic),
        };
        if candidate {
            emit(w);
        }
    }
}

/// Calls `f(start, end)` for each run of ASCII letters and digits in `b` that is 4+ bytes long
/// and holds a letter (the content-word candidates of ASCII text).
fn for_each_ascii_word(b: &[u8], mut f: impl FnMut(usize, usize)) {
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        let mut letter = false;
        while i < b.len() && b[i].is_ascii_alphanumeric() {
            letter |= b[i].is_ascii_alphabetic();
            i += 1;
        }
        if i - start >= 4 && letter {
            f(start, i);
        }
    }
}

/// The stems of a page numbered from 0: ASCII stems (at most 5 bytes) keyed by their bytes
/// packed in an integer, others by their text.
#[derive(Default)]
struct StemIds {
    ascii: FastMap<u64, u32>,
    other: FastMap<String, u32>,
}

/// `s` packed in a `u64` (bytes and length) when it is ASCII of at most 7 bytes.
fn pack(s: &[u8]) -> Option<u64> {
    if s.len() > 7 || !s.is_ascii() {
        return None;
    }
    let mut w = [0u8; 8];
    w[..s.len()].copy_from_slice(s);
    w[7] = s.len() as u8;
    Some(u64::from_le_bytes(w))
}

impl StemIds {
    fn len(&self) -> usize {
        self.ascii.len() + self.other.len()
    }

    fn get(&self, s: &str) -> Option<u32> {
        match pack(s.as_bytes()) {
            Some(k) => self.ascii.get(&k).copied(),
            None => self.other.get(s).copied(),
        }
    }

    /// The id of stem `s`, numbering it if new.
    fn intern(&mut self, s: &str) -> u32 {
        let n = self.len() as u32;
        match pack(s.as_bytes()) {
            Some(k) => *self.ascii.entry(k).or_insert(n),
            None => {
                if let Some(&id) = self.other.get(s) {
                    return id;
                }
                self.other.insert(s.to_string(), n);
                n
            }
        }
    }

    /// The id of a stem given by [`for_each_stem`].
    fn get_stem(&self, s: Stem) -> Option<u32> {
        match s {
            Stem::Packed(k) => self.ascii.get(&k).copied(),
            Stem::Text(t) => self.get(t),
        }
    }

    /// The id of a stem given by [`for_each_stem`], numbering it if new.
    fn intern_stem(&mut self, s: Stem) -> u32 {
        match s {
            Stem::Packed(k) => {
                let n = self.len() as u32;
                *self.ascii.entry(k).or_insert(n)
            }
            Stem::Text(t) => self.intern(t),
        }
    }
}

/// A stem from [`for_each_stem`]: packed ([`pack`]) for a word written in ASCII, else the stem's
/// text.
#[derive(Clone, Copy)]
enum Stem<'a> {
    Packed(u64),
    Text(&'a str),
}

/// [`StemMemo`] value of a stopword (no stem).
const STOP: u32 = u32::MAX;
/// [`StemMemo`] value of a stem no long line or body line of the page has (only once the page
/// is built: while it is built every stem is numbered).
const ABSENT: u32 = u32::MAX - 1;

/// A small memo of the stem id of ASCII words of at most 8 bytes ([`STOP`] for a stopword,
/// [`ABSENT`] for a stem the page lacks): one slot per hash of the lowercase word (a slot keeps
/// the last word hashed to it), 64 to 1024 slots of 12 bytes.
struct StemMemo {
    /// The lowercase word packed in a `u64` (zero-padded; 0: empty slot: a word has 4+ bytes).
    keys: Vec<u64>,
    /// The answer of the word in the same slot.
    ids: Vec<u32>,
    /// `64 - log2(keys.len())`: the hash's top bits pick the slot.
    shift: u32,
}

impl StemMemo {
    /// The full-size memo (1024 slots, 12 KB).
    #[cfg(test)]
    fn new() -> StemMemo {
        StemMemo::for_bytes(usize::MAX)
    }

    /// A memo sized for `bytes` of text (one slot per 16 bytes rounded up to a power of two,
    /// 64 to 1024 slots of 12 bytes), so a short page does not pay 12 KB for it: at most ~1.5×
    /// the text it serves.
    fn for_bytes(bytes: usize) -> StemMemo {
        let n = (bytes / 16).clamp(64, 1024).next_power_of_two();
        StemMemo {
            keys: vec![0; n],
            ids: vec![0; n],
            shift: 64 - n.trailing_zeros(),
        }
    }
}

/// The id of the [`stem_of`] of the lowercase of the ASCII word `w` (letters and digits, 4+
/// bytes) as `id_of` gives it ([`ABSENT`] for None), or [`STOP`] if `w` is a stopword; words of
/// at most 8 bytes are answered from `memo` when it holds them.
fn ascii_word_id(w: &str, memo: &mut StemMemo, id_of: &mut dyn FnMut(Stem) -> Option<u32>) -> u32 {
    let b = w.as_bytes();
    // The lowercase word packed in a `u64` when it fits (0: it does not).
    let mut key = 0u64;
    if b.len() <= 8 {
        for (n, &c) in b.iter().enumerate() {
            key |= u64::from(c.to_ascii_lowercase()) << (8 * n);
        }
    }
    let slot = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> memo.shift) as usize;
    if key != 0 && memo.keys.get(slot) == Some(&key) {
        return memo.ids.get(slot).copied().unwrap_or(STOP);
    }
    // `is_stopword` reads any case.
    let id = if lexicon::is_stopword(w) {
        STOP
    } else {
        // [`stem_of`] of the lowercase: no plural `s`, then five letters, packed ([`pack`]).
        let mut rest = b;
        if let Some((b's' | b'S', r)) = rest.split_last() {
            rest = r;
        }
        let n = rest.len().min(5);
        let mut k = [0u8; 8];
        for (d, &c) in k.iter_mut().zip(&rest[..n]) {
            *d = c.to_ascii_lowercase();
        }
        k[7] = n as u8;
        id_of(Stem::Packed(u64::from_le_bytes(k))).unwrap_or(ABSENT)
    };
    if key != 0 {
        if let (Some(k), Some(v)) = (memo.keys.get_mut(slot), memo.ids.get_mut(slot)) {
            (*k, *v) = (key, id);
        }
    }
    id
}

/// Calls `f` with the id of the [`stem_of`] of each of [`content_words`]`(text)`, in order, as
/// `id_of` gives it. One pass over the bytes: ASCII bytes are read as they are, other
/// characters decoded; ASCII words are read in place (their ids remembered in `memo`: `id_of`
/// must give the same id for the same stem as long as `memo` lives), others lowercased as
/// [`for_each_content_word`] does. Not generic, so the wasm module holds it once.
fn for_each_stem(
    text: &str,
    memo: &mut StemMemo,
    id_of: &mut dyn FnMut(Stem) -> Option<u32>,
    f: &mut dyn FnMut(Option<u32>),
) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // A run of letters and digits (any script), as `split(!is_alphanumeric)` cuts them.
        let start = i;
        let (mut ascii, mut letter, mut skip) = (true, false, 0);
        while let Some(&c) = b.get(i) {
            if c.is_ascii() {
                if !c.is_ascii_alphanumeric() {
                    skip = 1;
                    break;
                }
                letter |= c.is_ascii_alphabetic();
                i += 1;
            } else {
                let ch = text.get(i..).and_then(|t| t.chars().next()).unwrap_or(' ');
                if !is_alphanumeric(ch) {
                    skip = ch.len_utf8();
                    break;
                }
                ascii = false;
                i += ch.len_utf8();
            }
        }
        let end = i;
        i += skip;
        // Four characters need at least four bytes.
        if end - start < 4 {
            continue;
        }
        let Some(w) = text.get(start..end) else {
            continue;
        };
        if ascii {
            if letter {
                match ascii_word_id(w, memo, id_of) {
                    STOP => {}
                    ABSENT => f(None),
                    id => f(Some(id)),
                }
            }
        } else if w.chars().count() >= 4 && w.chars().any(is_alphabetic) {
            let lw = w.to_lowercase();
            if !lexicon::is_stopword(&lw) {
                f(id_of(Stem::Text(stem_of(&lw))));
            }
        }
    }
}

/// Number of words (tokens with a letter) in `text`.
pub fn word_count(text: &str) -> usize {
    words_up_to(text, usize::MAX)
}

/// [`word_count`]`(text).min(cap)`, reading no further than the `cap`-th word.
fn words_up_to(text: &str, cap: usize) -> usize {
    // One pass over the bytes: ASCII bytes are read as they are (whitespace as
    // `split_whitespace` reads it: tab, LF, VT, FF, CR and space), other characters decoded;
    // a word's letter test stops at its first letter.
    let b = text.as_bytes();
    let (mut n, mut letter, mut i) = (0, false, 0);
    while i < b.len() {
        let c = b[i];
        if c.is_ascii() {
            if matches!(c, b'\t'..=b'\r' | b' ') {
                n += usize::from(letter);
                letter = false;
                if n >= cap {
                    return cap;
                }
            } else {
                letter |= c.is_ascii_alphabetic();
            }
            i += 1;
            continue;
        }
        let Some(ch) = text.get(i..).and_then(|t| t.chars().next()) else {
            break;
        };
        if ch.is_whitespace() {
            n += usize::from(letter);
            letter = false;
            if n >= cap {
                return cap;
            }
        } else if !letter {
            letter = is_alphabetic(ch);
        }
        i += ch.len_utf8();
    }
    (n + usize::from(letter)).min(cap)
}

/// Bit sets of the characters below U+0800 (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic…)
/// that are alphabetic and alphanumeric, read once from the Unicode tables.
fn low_letters() -> &'static ([u64; 32], [u64; 32]) {
    static T: std::sync::OnceLock<([u64; 32], [u64; 32])> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let (mut alpha, mut alnum) = ([0u64; 32], [0u64; 32]);
        for c in '\0'..'\u{800}' {
            let (w, bit) = (c as usize / 64, 1u64 << (c as usize % 64));
            if c.is_alphabetic() {
                alpha[w] |= bit;
            }
            if c.is_alphanumeric() {
                alnum[w] |= bit;
            }
        }
        (alpha, alnum)
    })
}

/// True if `c` is in one of the blocks where every character is a letter (CJK ideographs,
/// Hangul syllables) or none is (General Punctuation); Some answer then, else None.
fn block_letter(c: char) -> Option<bool> {
    match c {
        '\u{2000}'..='\u{206f}' => Some(false),
        '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7a3}' => Some(true),
        _ => None,
    }
}

/// [`char::is_alphabetic`], answered without the Unicode table search for the common
/// characters of news text (ASCII, the scripts below U+0800, quotes and dashes, CJK, Hangul).
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    if (c as u32) < 0x800 {
        let n = c as usize;
        return low_letters().0[n / 64] & (1 << (n % 64)) != 0;
    }
    block_letter(c).unwrap_or_else(|| c.is_alphabetic())
}

/// [`char::is_alphanumeric`] with the shortcuts of [`is_alphabetic`] (the blocks it answers
/// for hold no numerals).
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if (c as u32) < 0x800 {
        let n = c as usize;
        return low_letters().1[n / 64] & (1 << (n % 64)) != 0;
    }
    block_letter(c).unwrap_or_else(|| c.is_alphanumeric())
}

/// Appends [`str::to_lowercase`]`(text)` to `out`: runs of ASCII are copied and lowercased in
/// place, other characters lowercased one by one (what `to_lowercase` does for every character
/// but the capital sigma, whose lowercase depends on its neighbours: text holding one is
/// lowercased by `to_lowercase` itself).
fn push_lowercase(out: &mut String, text: &str) {
    if text.contains('Σ') {
        out.push_str(&text.to_lowercase());
        return;
    }
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .as_bytes()
            .iter()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            out.extend(c.to_lowercase());
            rest = chars.as_str();
        }
    }
}

/// True if `text` ends like a sentence (`.`, `!`, `?`, `…` before closing quotes/brackets).
pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '”', '’', '\'', ')', '»', '*', ' ']);
    matches!(t.chars().last(), Some('.' | '!' | '?' | '。'))
}

fn body_cluster(lines: &[Line]) -> Option<(usize, usize)> {
    // Clusters: body/heading lines with at most 6 non-blank other lines between them.
    let mut best: Option<(usize, usize, usize)> = None; // (chars, start, end)
    let mut cur: Option<(usize, usize, usize)> = None;
    let mut gap = 0;
    for (i, l) in lines.iter().enumerate() {
        if l.kind.is_article() {
            let c = l.text.chars().count();
            cur = Some(match cur {
                Some((n, s, _)) if gap <= 6 => (n + c, s, i),
                _ => (c, i, i),
            });
            gap = 0;
            if let Some(c) = cur {
                if best.is_none_or(|b| c.0 > b.0) {
                    best = Some(c);
                }
            }
        } else if l.kind != Kind::Blank {
            gap += 1;
        }
    }
    best.map(|(_, s, e)| (s, e))
}

/// Lines whose byte offsets fit in `u32` offsets: past 4 GiB of text the flat buffers stop
/// filling (far beyond the 50 MB input limit of the front ends).
fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl<'a> Page<'a> {
    /// Builds the shared view. Dates without a year get the year of the nearest (by line) date
    /// that has one, else the reference date's.
    pub fn new(lines: &'a [Line], reference: Option<Ymd>) -> Page<'a> {
        let n = lines.len();
        let (lower_buf, lower_shifts) = lowercase_lines(lines);
        let body = body_cluster(lines);
        // Numeric order for the whole page, from unambiguous dates.
        let (mut dayf, mut monthf) = (0, 0);
        for l in lines.iter().filter(|l| l.text.len() <= MAX_DATE_LINE_CHARS) {
            let (d, m) = date::numeric_order_evidence(&l.text);
            dayf += d;
            monthf += m;
        }
        let day_first = (dayf != monthf).then_some(dayf > monthf);
        let base = DateContext {
            reference,
            year_hint: None,
            day_first,
        };
        // Pass 1: the matches (they depend on the reference date and the numeric order only, not
        // on the year hint, so they are kept for pass 2) of the lines that have some, and the
        // lines whose dates write out a year.
        let mut kept: Vec<date::DateMatch> = Vec::new();
        // (line, end of its matches in `kept`) of each line with matches.
        let mut matched: Vec<(u32, u32)> = Vec::new();
        // (line, year) of each line with a date that writes its year.
        let mut years: Vec<(u32, i32)> = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            if l.text.len() > MAX_DATE_LINE_CHARS {
                continue;
            }
            let found = date::find_matches(&l.text, &base);
            if found.is_empty() {
                continue;
            }
            let year = found
                .iter()
                .filter_map(|m| m.resolve(&base))
                .find(|d| !d.relative && !d.year_inferred)
                .map(|d| d.date.year);
            if let Some(y) = year {
                years.push((offset(i), y));
            }
            kept.extend(found);
            matched.push((offset(i), offset(kept.len())));
        }
        // Pass 2: each line's dates with the year of the nearest line (by distance, the earlier
        // one on a tie) that writes one.
        let mut date_buf = Vec::new();
        let mut dates_end = Vec::new();
        let mut dated_lines = Vec::new();
        let (mut y, mut from) = (0, 0);
        for &(i, end) in &matched {
            while years.get(y).is_some_and(|&(l, _)| l <= i) {
                y += 1;
            }
            let prev = y.checked_sub(1).and_then(|k| years.get(k)).copied();
            let next = match prev {
                Some((l, _)) if l == i => prev,
                _ => years.get(y).copied(),
            };
            let year_hint = match (prev, next) {
                (Some((p, py)), Some((q, qy))) => Some(if i - p <= q - i { py } else { qy }),
                (Some((_, y)), None) | (None, Some((_, y))) => Some(y),
                (None, None) => None,
            };
            let ctx = DateContext { year_hint, ..base };
            let before = date_buf.len();
            let found = kept.get(from..end as usize).unwrap_or(&[]);
            date_buf.extend(found.iter().filter_map(|m| m.resolve(&ctx)));
            from = end as usize;
            if date_buf.len() > before {
                dated_lines.push(i as usize);
                dates_end.push(offset(date_buf.len()));
            }
        }
        drop((kept, matched, years));
        let dated = Ranked::of(n, dated_lines.into_iter());
        // Lines are read up to their 12th word: the count of a shorter line is kept, a longer
        // line's is taken when asked.
        let mut memo = Vec::with_capacity(n);
        let mut long_lines = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            let words = words_up_to(&l.text, 12);
            let cell = std::cell::Cell::new(0);
            Memo::set(
                &cell,
                Memo::WORDS,
                if words < 12 {
                    words as u32
                } else {
                    WORDS_UNKNOWN
                },
            );
            memo.push(cell);
            if words >= 12 || l.text.len() >= 100 && l.text.chars().count() >= 100 {
                long_lines.push(offset(i));
            }
        }
        let long = Ranked::of(n, long_lines.iter().map(|&i| i as usize));
        let mut stem_ids = StemIds::default();
        // Stems are kept for the long lines (the prose a title's words should recur in) and
        // read for the body lines; no other line is asked about.
        let stemmed = |i: usize| long.has(i) && lines[i].text.len() <= MAX_DATE_LINE_CHARS * 4;
        // The memo serves the words stemmed: those of the long lines and the body cluster's
        // body lines (a paste of short lines stems nothing).
        let in_body = |i: usize| body.is_some_and(|(a, b)| a <= i && i <= b);
        let stemmed_bytes = lines
            .iter()
            .enumerate()
            .filter(|&(i, l)| long.has(i) || in_body(i) && l.kind == Kind::Body)
            .map(|(_, l)| l.text.len())
            .sum();
        let mut stem_memo = StemMemo::for_bytes(stemmed_bytes);
        // While the page is built every stem is numbered.
        let mut intern = |s: Stem| Some(stem_ids.intern_stem(s));
        let mut stem_buf = Vec::new();
        let mut stems_end = Vec::with_capacity(long_lines.len());
        for &i in &long_lines {
            let i = i as usize;
            if stemmed(i) {
                for_each_stem(&lines[i].text, &mut stem_memo, &mut intern, &mut |id| {
                    stem_buf.extend(id)
                });
            }
            stems_end.push(offset(stem_buf.len()));
        }
        let stems_of = |i: usize| -> &[u32] { stems(&long, &stems_end, &stem_buf, i) };
        let mut body_ids = Vec::new();
        if let Some((a, b)) = body {
            for (i, l) in lines.iter().enumerate().take(b + 1).skip(a) {
                if l.kind != Kind::Body {
                    continue;
                }
                if stemmed(i) {
                    body_ids.extend_from_slice(stems_of(i));
                } else {
                    for_each_stem(&l.text, &mut stem_memo, &mut intern, &mut |id| {
                        body_ids.extend(id)
                    });
                }
            }
        }
        let mut body_stem = vec![false; stem_ids.len()];
        for id in body_ids {
            body_stem[id as usize] = true;
        }
        let n_stems = stem_ids.len();
        // Postings: count each (stem, line) pair once, then fill in line order.
        let mut postings_at = vec![0u32; n_stems + 1];
        let mut last_line = vec![u32::MAX; n_stems];
        for &i in &long_lines {
            for &id in stems_of(i as usize) {
                let id = id as usize;
                if last_line[id] != i {
                    last_line[id] = i;
                    postings_at[id + 1] += 1;
                }
            }
        }
        for k in 0..n_stems {
            postings_at[k + 1] += postings_at[k];
        }
        let mut fill: Vec<u32> = postings_at[..n_stems].to_vec();
        let mut posting_buf = vec![0u32; postings_at[n_stems] as usize];
        last_line.iter_mut().for_each(|l| *l = u32::MAX);
        for &i in &long_lines {
            for &id in stems_of(i as usize) {
                let id = id as usize;
                if last_line[id] != i {
                    last_line[id] = i;
                    if let Some(slot) = posting_buf.get_mut(fill[id] as usize) {
                        *slot = i;
                    }
                    fill[id] += 1;
                }
            }
        }
        drop((fill, last_line));
        let nonblank = Ranked::of(
            n,
            lines
                .iter()
                .enumerate()
                .filter(|(_, l)| !l.text.is_empty())
                .map(|(i, _)| i),
        );
        Page {
            lines,
            lower_buf,
            lower_shifts,
            date_buf,
            dated,
            dates_end,
            body,
            reference,
            stem_ids,
            body_stem,
            stem_buf,
            stems_end,
            posting_buf,
            postings_at,
            long,
            long_lines,
            nonblank,
            memo,
            marks: std::cell::RefCell::new((0, vec![0; n_stems])),
            stem_memo: std::cell::RefCell::new(stem_memo),
        }
    }

    /// Where line `i`'s lowercase starts in the buffer (its end for `i` = the line count).
    #[inline]
    fn lower_start(&self, i: usize) -> usize {
        let Some(l) = self.lines.get(i) else {
            return self.lower_buf.len();
        };
        let shift = match self.lower_shifts.first() {
            None => 0,
            Some(_) => {
                let k = self
                    .lower_shifts
                    .partition_point(|&(from, _)| from as usize <= i);
                k.checked_sub(1).map_or(0, |k| self.lower_shifts[k].1)
            }
        };
        l.text.offsets().0.saturating_add_signed(shift)
    }

    /// Where line `i`'s lowercase lies in the buffer (past the end: an empty range).
    #[inline]
    fn lower_range(&self, i: usize) -> (usize, usize) {
        let Some(l) = self.lines.get(i) else {
            return (0, 0);
        };
        if self.lower_shifts.is_empty() {
            // Every lowercase lies where its text does.
            let end = self
                .lines
                .get(i + 1)
                .map_or(self.lower_buf.len(), |n| n.text.offsets().0);
            return (l.text.offsets().0, end);
        }
        (self.lower_start(i), self.lower_start(i + 1))
    }

    /// Line `i` lowercased ("" past the end).
    #[inline]
    pub fn lower(&self, i: usize) -> &str {
        let (a, b) = self.lower_range(i);
        self.lower_buf.get(a..b).unwrap_or("")
    }

    /// The length of [`Page::lower`]`(i)`.
    #[inline]
    pub fn lower_len(&self, i: usize) -> usize {
        let (a, b) = self.lower_range(i);
        b.saturating_sub(a)
    }

    /// True if line `i`'s lowercase is `key` ([`Page::lower`]`(i) == key`, its length compared
    /// first).
    #[inline]
    pub fn lower_is(&self, i: usize, key: &str) -> bool {
        let (a, b) = self.lower_range(i);
        b.wrapping_sub(a) == key.len() && self.lower_buf.get(a..b) == Some(key)
    }

    /// The dates of line `i`, in text order (none on lines over 2,000 bytes).
    pub fn dates(&self, i: usize) -> &[ParsedDate] {
        if !self.dated.has(i) {
            return &[];
        }
        let k = self.dated.rank(i);
        let start = k
            .checked_sub(1)
            .and_then(|k| self.dates_end.get(k))
            .map_or(0, |&e| e as usize);
        let end = self.dates_end.get(k).map_or(start, |&e| e as usize);
        self.date_buf.get(start..end).unwrap_or(&[])
    }

    /// The stem ids of line `i`'s content words, in text order (empty unless the line is long).
    fn stems(&self, i: usize) -> &[u32] {
        stems(&self.long, &self.stems_end, &self.stem_buf, i)
    }

    /// True if line `i` is long enough to be prose (12+ words or 100+ characters).
    pub fn long(&self, i: usize) -> bool {
        self.long.has(i)
    }

    /// The lines whose stems hold stem `id`, ascending (only long lines have stems).
    fn lines_with_stem(&self, id: u32) -> &[u32] {
        let id = id as usize;
        let (Some(&a), Some(&b)) = (self.postings_at.get(id), self.postings_at.get(id + 1)) else {
            return &[];
        };
        self.posting_buf.get(a as usize..b as usize).unwrap_or(&[])
    }

    /// True if a line among `lines` (a range of line indices) for which `keep` holds has stem
    /// `id` among its stems (what [`Page::with_stems_of`] tests, for the kept lines of a range).
    pub fn stem_in(
        &self,
        id: u32,
        lines: std::ops::Range<usize>,
        keep: impl Fn(usize) -> bool,
    ) -> bool {
        let post = self.lines_with_stem(id);
        let from = post.partition_point(|&l| (l as usize) < lines.start);
        post[from..]
            .iter()
            .map(|&l| l as usize)
            .take_while(|&l| l < lines.end)
            .any(keep)
    }

    /// The id of stem `s`, if a long line or a body line of the page has it.
    pub fn stem_id(&self, s: &str) -> Option<u32> {
        self.stem_ids.get(s)
    }

    /// Calls `f` with the stem id of each content word of `text` ([`content_words`]), in order:
    /// None for a stem no long line or body line of the page has.
    pub fn for_each_stem_id(&self, text: &str, mut f: impl FnMut(Option<u32>)) {
        let mut memo = self.stem_memo.borrow_mut();
        for_each_stem(text, &mut memo, &mut |s| self.stem_ids.get_stem(s), &mut f);
    }

    /// True if stem `id` is a stem of the article's body words.
    pub fn in_body(&self, id: u32) -> bool {
        self.body_stem.get(id as usize).copied().unwrap_or(false)
    }

    /// Calls `f` with a test "is this stem id among the stems of `lines`", for a set of long
    /// lines given as indices (the ids are marked once, then each test is one array read; a
    /// line that is not long contributes nothing).
    pub fn with_stems_of<T>(
        &self,
        lines: impl Iterator<Item = usize>,
        f: impl FnOnce(&dyn Fn(u32) -> bool) -> T,
    ) -> T {
        let mut guard = self.marks.borrow_mut();
        let (gen, marks) = &mut *guard;
        if *gen == u32::MAX {
            marks.iter_mut().for_each(|m| *m = 0);
            *gen = 0;
        }
        *gen += 1;
        let g = *gen;
        for i in lines {
            for &id in self.stems(i) {
                if let Some(m) = marks.get_mut(id as usize) {
                    *m = g;
                }
            }
        }
        let marks: &[u32] = marks;
        f(&|id| marks.get(id as usize) == Some(&g))
    }

    /// The first chrome rule matching line `i` ([`lexicon::match_chrome`] on its lowercase),
    /// computed once per line.
    pub fn chrome(&self, i: usize) -> Option<&'static lexicon::ChromeRule> {
        let memo = self.memo.get(i)?;
        match Memo::get(memo, Memo::CHROME) {
            0 => {
                let hit = lexicon::match_chrome(self.lower(i));
                // (A rule past the field is asked again: the tables hold a few hundred.)
                let code = hit.map_or(1, |r| r.index + 2);
                if code < 1 << Memo::CHROME.1 {
                    Memo::set(memo, Memo::CHROME, code as u32);
                }
                hit
            }
            1 => None,
            c => lexicon::chrome_rules().get(c as usize - 2),
        }
    }

    /// [`word_count`] of line `i` (0 past the end).
    pub fn words(&self, i: usize) -> usize {
        self.words_up_to(i, usize::MAX)
    }

    /// [`Page::words`]`(i).min(cap)`: line `i` is read no further than its `cap`-th word unless
    /// its count is known already.
    pub fn words_up_to(&self, i: usize, cap: usize) -> usize {
        let Some(memo) = self.memo.get(i) else {
            return 0;
        };
        match Memo::get(memo, Memo::WORDS) {
            WORDS_UNKNOWN => {
                let n = words_up_to(&self.lines[i].text, cap);
                if n < cap && n < WORDS_UNKNOWN as usize {
                    // Under the cap: the whole count.
                    Memo::set(memo, Memo::WORDS, n as u32);
                }
                n
            }
            n => (n as usize).min(cap),
        }
    }

    /// True if [`crate::meta::byline::parse_line`] finds author names on line `i` (computed
    /// once per line).
    pub fn is_cued_byline(&self, i: usize) -> bool {
        self.memo_flag(i, Memo::CUED, &mut || {
            super::byline::parse_line(&self.lines[i].text).is_some()
        })
    }

    /// `test(i)`, asked once per line: the title's "is line `i` a byline or mostly a date"
    /// (its features ask it of the same lines once per candidate). False past the end.
    pub fn byline_or_date(&self, i: usize, mut test: impl FnMut() -> bool) -> bool {
        self.memo_flag(i, Memo::BYLINE_OR_DATE, &mut test)
    }

    /// Line `i`'s yes/no answer kept in its memo's two-bit `field` (0 not asked yet, 1 no,
    /// 2 yes): `test()` the first time, the kept answer after. False past the end. (`dyn`: a
    /// generic version made the wasm module 0.5 KB larger.)
    fn memo_flag(&self, i: usize, field: (u32, u32), test: &mut dyn FnMut() -> bool) -> bool {
        let Some(memo) = self.memo.get(i) else {
            return false;
        };
        match Memo::get(memo, field) {
            0 => {
                let yes = test();
                Memo::set(memo, field, 1 + u32::from(yes));
                yes
            }
            m => m == 2,
        }
    }

    /// Number of non-blank lines among lines `a..b` (0 when `b <= a`).
    #[inline]
    pub fn nonblank_between(&self, a: usize, b: usize) -> usize {
        if b <= a {
            return 0;
        }
        let n = self.lines.len();
        self.nonblank
            .rank(b.min(n))
            .saturating_sub(self.nonblank.rank(a.min(n)))
    }

    /// The lines among `range` whose lowercase ([`Page::lower`]) contains `key`, in order, each
    /// once. One substring search runs over those lines' lowercase, which the page holds
    /// end to end (a match across two lines counts for neither).
    pub fn lowercase_holding<'k>(
        &'k self,
        key: &'k str,
        range: std::ops::Range<usize>,
    ) -> impl Iterator<Item = usize> + 'k {
        let hi = range.end.min(self.lines.len());
        let lo = range.start.min(hi);
        let at = |i: usize| self.lower_start(i);
        let base = at(lo);
        let hay = self.lower_buf.as_bytes().get(base..at(hi)).unwrap_or(&[]);
        let finder = Finder::new(key.as_bytes());
        let (mut pos, mut line) = (0usize, lo);
        std::iter::from_fn(move || {
            if key.is_empty() {
                // Every line holds the empty string.
                let j = (line < hi).then_some(line);
                line += 1;
                return j;
            }
            loop {
                let off = pos + finder.find(hay.get(pos..)?)?;
                let start = base + off;
                // The line whose lowercase holds byte `start` (blank lines hold none): the
                // first from `line` on that ends past it.
                let (mut a, mut b) = (line, hi);
                while a < b {
                    let mid = a + (b - a) / 2;
                    if at(mid + 1) <= start {
                        a = mid + 1;
                    } else {
                        b = mid;
                    }
                }
                line = a;
                if line >= hi {
                    return None;
                }
                let end = at(line + 1);
                if start + key.len() <= end {
                    let j = line;
                    line += 1;
                    pos = end - base;
                    return Some(j);
                }
                // The match runs past its line's end, and so would any later one starting in
                // that line: go on from the next line (linear, however many such matches).
                pos = end - base;
            }
        })
    }

    /// The long lines among the first `within` non-blank lines after line `i`, each with its
    /// step (0 for the first non-blank line after `i`), in order.
    pub fn long_after(&self, i: usize, within: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        // Non-blank lines up to and including `i`: the rank of the first one after it.
        let base = self.nonblank_between(0, i + 1);
        let from = self.long_lines.partition_point(|&l| l as usize <= i);
        self.long_lines[from..]
            .iter()
            .map(move |&l| {
                let l = l as usize;
                // A long line is non-blank: its step is its rank among them past `base`.
                (self.nonblank.rank(l).saturating_sub(base), l)
            })
            .take_while(move |&(step, _)| step < within)
    }

    /// Index of the next non-blank line after `i`.
    pub fn next_nonblank(&self, i: usize) -> Option<usize> {
        (i + 1..self.lines.len()).find(|&j| !self.lines[j].text.is_empty())
    }

    /// Share (0–1) of the line's letters and digits that lie inside its dates.
    pub fn date_share(&self, i: usize) -> f32 {
        if self.dates(i).is_empty() {
            return 0.0;
        }
        let text = &self.lines[i].text;
        let total = text.chars().filter(|&c| is_alphanumeric(c)).count();
        if total == 0 {
            return 0.0;
        }
        let inside: usize = self
            .dates(i)
            .iter()
            .map(|d| {
                text.get(d.start..d.end)
                    .unwrap_or("")
                    .chars()
                    .filter(|&c| is_alphanumeric(c))
                    .count()
            })
            .sum();
        inside as f32 / total as f32
    }
}

/// The stem ids of line `i` in a page's `stem_buf`, given the long lines and each one's end.
fn stems<'s>(long: &Ranked, stems_end: &[u32], stem_buf: &'s [u32], i: usize) -> &'s [u32] {
    if !long.has(i) {
        return &[];
    }
    let k = long.rank(i);
    let start = k
        .checked_sub(1)
        .and_then(|k| stems_end.get(k))
        .map_or(0, |&e| e as usize);
    let end = stems_end.get(k).map_or(start, |&e| e as usize);
    stem_buf.get(start..end).unwrap_or(&[])
}

/// Every line's lowercase, end to end, and where each starts ([`Page::lower_shifts`]).
fn lowercase_lines(lines: &[Line]) -> (String, Vec<(u32, isize)>) {
    let mut buf = String::with_capacity(lines.iter().map(|l| l.text.len()).sum());
    let mut shifts = Vec::new();
    let mut shift = 0isize;
    for (i, l) in lines.iter().enumerate() {
        let now = buf.len() as isize - l.text.offsets().0 as isize;
        if now != shift {
            shift = now;
            shifts.push((offset(i), shift));
        }
        push_lowercase(&mut buf, &l.text);
    }
    (buf, shifts)
}

/// A substring search for one key, reused across haystacks: `memchr` for the key's rarest
/// byte (by [`RARITY`]), then the whole key around each hit. It stands in for
/// `memchr::memmem`, whose searchers cost 2.5 KB of the gzipped wasm download, at about its
/// speed on lowercase text.
struct Finder<'k> {
    key: &'k [u8],
    /// The offset in `key` of its rarest byte (the first of those, on a tie).
    at: usize,
}

/// How rare each byte is in lowercase text, from 0 (space) up: the letters by their frequency
/// in English; bytes of non-ASCII chars count as common (in Cyrillic or Greek text every other
/// byte is the same lead byte); other bytes (digits, punctuation, the rarest letters) are the
/// rarest.
const RARITY: [u8; 256] = {
    const COMMON: &[u8] = b" etaoinsrhldcumfpgwybvk";
    let mut t = [COMMON.len() as u8; 256];
    let mut b = 0x80;
    while b < 256 {
        t[b] = 1;
        b += 1;
    }
    let mut r = 0;
    while r < COMMON.len() {
        t[COMMON[r] as usize] = r as u8;
        r += 1;
    }
    t
};

impl<'k> Finder<'k> {
    fn new(key: &'k [u8]) -> Finder<'k> {
        let rarity = |i: usize| RARITY[usize::from(key[i])];
        let mut at = 0;
        for i in 1..key.len() {
            if rarity(i) > rarity(at) {
                at = i;
            }
        }
        Finder { key, at }
    }

    /// The offset of the first occurrence of the key in `hay` (`Some(0)` for an empty key).
    fn find(&self, hay: &[u8]) -> Option<usize> {
        let Some(&rare) = self.key.get(self.at) else {
            return Some(0);
        };
        let mut from = self.at;
        loop {
            let hit = from + memchr::memchr(rare, hay.get(from..)?)?;
            let start = hit - self.at;
            if hay[start..].starts_with(self.key) {
                return Some(start);
            }
            from = hit + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finder_finds_the_first_occurrence() {
        let hay = "the zoo, the zebra; квартал кварта 2024 ab abab aab";
        for key in [
            "",
            "t",
            "the",
            "he z",
            "zebra;",
            "кварта",
            "вар",
            " 2024",
            "abab",
            "aab",
            "ab",
            "b",
            "x",
            "zz",
            "aabb",
            "хх",
            "ab abab aab",
            "aab ",
        ] {
            let naive = (0..=hay.len().saturating_sub(key.len()))
                .find(|&i| hay.as_bytes()[i..].starts_with(key.as_bytes()))
                .filter(|&i| i + key.len() <= hay.len());
            assert_eq!(
                Finder::new(key.as_bytes()).find(hay.as_bytes()),
                naive,
                "{key:?}"
            );
        }
        assert_eq!(Finder::new(b"abc").find(b"ab"), None);
    }

    /// Each line's lowercase is found whether the lines are cut from one buffer or not and
    /// whatever lowercasing does to their lengths; the line searches and counts agree with
    /// reading the lines one by one.
    #[test]
    fn lowercase_and_counts_per_line() {
        let texts = [
            "İstanbul Tops",
            "",
            "KELVIN \u{212a} ok",
            "Plain words here",
            "ΟΔΟΣ ΣΑΣ",
            "",
            "the end İ",
            "Plain words here",
        ];
        let text = texts.join("\n");
        let cut = crate::normalize::lines(&text);
        let apart: Vec<Line> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Line::unlabelled(i + 1, crate::shared_text::SharedText::from(*t)))
            .collect();
        let mut shifted = crate::normalize::lines(&format!("x\n{text}"));
        shifted.remove(0);
        for lines in [&cut[..], &apart[..], &shifted[..]] {
            let page = Page::new(lines, None);
            for (i, t) in texts.iter().enumerate() {
                let want = t.to_lowercase();
                assert_eq!(page.lower(i), want, "{t}");
                assert_eq!(page.lower_len(i), want.len());
                assert!(page.lower_is(i, &want));
                assert!(!page.lower_is(i, "x"));
                assert!(!page.long(i));
                for j in 0..=texts.len() + 1 {
                    let naive = texts[i.min(j)..j.min(texts.len())]
                        .iter()
                        .filter(|t| !t.is_empty())
                        .count();
                    assert_eq!(page.nonblank_between(i, j), naive, "{i}..{j}");
                }
            }
            assert_eq!(page.lower(texts.len()), "");
            for key in ["plain", "i̇", "k ok", "ς", "words here", "zzz", "tops\nkel"] {
                let want: Vec<usize> = (0..texts.len())
                    .filter(|&i| texts[i].to_lowercase().contains(key))
                    .collect();
                let got: Vec<usize> = page.lowercase_holding(key, 0..texts.len()).collect();
                assert_eq!(got, want, "{key}");
            }
        }
    }

    #[test]
    fn ranked_sets_count_as_lists() {
        for n in [0, 1, 63, 64, 65, 200] {
            let set: Vec<usize> = (0..n).filter(|i| i % 3 == 0 || i % 7 == 1).collect();
            let r = Ranked::of(n, set.iter().copied());
            for i in 0..=n + 70 {
                assert_eq!(r.has(i), set.contains(&i), "{n} {i}");
                assert_eq!(r.rank(i), set.iter().filter(|&&x| x < i).count(), "{n} {i}");
            }
        }
    }

    #[test]
    fn lowercase_holding_lists_exactly_the_lines_that_contain_the_key() {
        // Small pages of lines over a 3-letter alphabet, where matches across two lines are
        // everywhere: the lines listed are those whose lowercase holds the key, in order.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for _ in 0..200 {
            let text: String = (0..12)
                .map(|_| {
                    let len = next(7);
                    let mut l: String = (0..len)
                        .map(|_| ['a', 'B', ' '][next(3) as usize])
                        .collect();
                    l.push('\n');
                    l
                })
                .collect();
            let lines = crate::analyze(&text, &crate::model::Options::default()).lines;
            let page = Page::new(&lines, None);
            let n = page.lines.len();
            for key in ["a", "ab", "ba", "aba", "b a", "abab", "aaaa"] {
                let (lo, hi) = (next(n as u64 + 1) as usize, n);
                let got: Vec<usize> = page.lowercase_holding(key, lo..hi).collect();
                let want: Vec<usize> = (lo..hi).filter(|&j| page.lower(j).contains(key)).collect();
                assert_eq!(got, want, "{key:?} in {text:?} from line {lo}");
            }
        }
    }

    #[test]
    fn letter_shortcuts_match_the_unicode_tables() {
        for c in ('\0'..='\u{ffff}').chain(['\u{10000}', '\u{1d400}']) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn stem_memo_answers_as_the_lexicon() {
        let mut memo = StemMemo::new();
        let mut ids = StemIds::default();
        let words: Vec<String> = (0..3000)
            .map(|n| format!("w{n}"))
            .chain(
                [
                    "that",
                    "THAT",
                    "That",
                    "with",
                    "snacks",
                    "SNACKS",
                    "Snack",
                    "themselves",
                    "Themselves",
                    "said",
                ]
                .map(String::from),
            )
            .collect();
        for _ in 0..2 {
            for w in &words {
                let want = match lexicon::is_stopword(w) {
                    true => STOP,
                    false => ids.intern(stem_of(&w.to_lowercase())),
                };
                let got = ascii_word_id(w, &mut memo, &mut |s| Some(ids.intern_stem(s)));
                assert_eq!(got, want, "{w}");
            }
        }
    }

    #[test]
    fn ascii_fast_paths_match_the_general_ones() {
        let general_count = |t: &str| {
            t.split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count()
        };
        let general_words = |t: &str| -> Vec<String> {
            t.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 4 && w.chars().any(char::is_alphabetic))
                .map(str::to_lowercase)
                .filter(|w| !lexicon::is_stopword(w))
                .collect()
        };
        for t in [
            "",
            "The Snacks of 2024 were tempting, 1234 and x1234.",
            "a\u{b}b\u{c}c\td\re\nf  g-h 12 34",
            "Über die Straße: ÉCOLE 2019",
            "WORD word Word wOrD;they're",
            "“ — ” x\u{a0}y\u{3000}Z\u{85}é ÉÉ İSTANBUL ΟΔΟΣ ΣΑΣ K",
        ] {
            assert_eq!(word_count(t), general_count(t), "{t:?}");
            for cap in 0..12 {
                assert_eq!(words_up_to(t, cap), general_count(t).min(cap), "{t:?}");
            }
            let mut lower = String::from("x");
            push_lowercase(&mut lower, t);
            assert_eq!(lower[1..], t.to_lowercase(), "{t:?}");
            assert_eq!(content_words(t), general_words(t), "{t:?}");
        }
        for t in [
            "",
            "The Snacks of 2024 were TEMPTING, 1234 and x1234; SNACKS",
            "Über die Straße: ÉCOLE 2019 “Quoted” words’ THEIRS \u{212a}elvins",
            "ΟΔΟΣ ΟΔΟΣΣ abcS abcs ABCDEFS Ab1s 12345 éléphants",
        ] {
            let mut ids = StemIds::default();
            let mut got = Vec::new();
            for_each_stem(
                t,
                &mut StemMemo::new(),
                &mut |s| Some(ids.intern_stem(s)),
                &mut |id| got.extend(id),
            );
            let mut want_ids = StemIds::default();
            let want: Vec<u32> = content_words(t)
                .iter()
                .map(|w| want_ids.intern(stem_of(w)))
                .collect();
            assert_eq!(got, want, "{t:?}");
            for w in content_words(t) {
                assert_eq!(ids.get(stem_of(&w)), want_ids.get(stem_of(&w)), "{w}");
            }
        }
        assert_eq!(stem_of("temptations"), "tempt");
        assert_eq!(stem_of("snacks"), "snack");
        assert_eq!(stem_of("éléphants"), "éléph");
    }
}
