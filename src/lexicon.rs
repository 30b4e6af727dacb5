//! Word lists and chrome phrases, kept as data files under `data/lexicon/` and embedded at
//! compile time. Parsed once, on first use.
//!
//! Adding a phrase or a language is a data change, not a code change.

use crate::fasthash::{FastMap, FastSet};
use crate::model::Kind;
use std::ops::Range;
use std::sync::OnceLock;

/// How a chrome phrase is matched against a (lowercased, normalized) line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// The whole line equals the phrase (ignoring trailing `:`, `!`, `.`, `…`).
    Line,
    /// The line starts with the phrase.
    Prefix,
    /// The line ends with the phrase.
    Suffix,
    /// The line contains the phrase.
    Contains,
    /// The line is a number and the phrase, in either order, brackets and punctuation aside
    /// ("[ 167 comments ]", "Comments (3)").
    Count,
}

/// One known chrome phrase.
#[derive(Debug, Clone)]
pub struct ChromeRule {
    /// The kind a matching line gets.
    pub kind: Kind,
    /// Whether the lines after a matching line belong to the same section (a list header).
    pub marker: bool,
    /// How to match.
    pub mode: Match,
    /// The phrase, lowercased.
    pub phrase: String,
    /// The rule's position in [`chrome_rules`].
    pub index: usize,
}

impl ChromeRule {
    /// True if `lower` (a lowercased normalized line) matches this rule.
    pub fn matches(&self, lower: &str) -> bool {
        match self.mode {
            Match::Line => trim_trailing_punct(lower) == self.phrase,
            Match::Prefix => {
                lower.as_bytes().first() == self.phrase.as_bytes().first()
                    && lower.starts_with(&self.phrase)
            }
            Match::Suffix => lower.ends_with(&self.phrase),
            Match::Contains => lower.contains(&self.phrase),
            Match::Count => is_count_of(lower, &self.phrase),
        }
    }
}

/// A line's chrome rule, if any, in two bytes (cleaning keeps one per line): the rule's
/// position in [`chrome_rules`], `u16::MAX` for none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChromeHit(u16);

impl ChromeHit {
    /// No rule.
    pub const NONE: ChromeHit = ChromeHit(u16::MAX);

    /// The hit of `rule` (none for `None`).
    pub fn of(rule: Option<&ChromeRule>) -> ChromeHit {
        rule.and_then(|r| u16::try_from(r.index).ok())
            .map_or(ChromeHit::NONE, ChromeHit)
    }

    /// The rule.
    pub fn get(self) -> Option<&'static ChromeRule> {
        chrome_rules().get(usize::from(self.0))
    }

    /// True if a rule matched.
    pub fn is_some(self) -> bool {
        self.0 != u16::MAX
    }

    /// True if no rule matched.
    pub fn is_none(self) -> bool {
        self.0 == u16::MAX
    }
}

/// True if `lower` is a number and `word`, in either order, with only punctuation around.
fn is_count_of(lower: &str, word: &str) -> bool {
    if lower.len() > word.len() + 16 {
        return false;
    }
    let mut toks = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty());
    let (Some(a), Some(b), None) = (toks.next(), toks.next(), toks.next()) else {
        return false;
    };
    let num = |t: &str| t.chars().all(|c| c.is_ascii_digit());
    (num(a) && b == word) || (a == word && num(b))
}

/// The word of a line that is a number and one word, in either order, with only punctuation
/// around ("[ 167 comments ]", "Comments (3)"); what [`Match::Count`] rules look up.
fn counted_word(lower: &str) -> Option<&str> {
    // The number is ASCII digits: a line without one is no count (a byte test before the
    // split, which reads characters).
    if lower.len() > 64 || !lower.bytes().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut toks = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty());
    let (Some(a), Some(b), None) = (toks.next(), toks.next(), toks.next()) else {
        return None;
    };
    let num = |t: &str| t.chars().all(|c| c.is_ascii_digit());
    match (num(a), num(b)) {
        (true, false) => Some(b),
        (false, true) => Some(a),
        _ => None,
    }
}

/// `s` without trailing `:`, `!`, `.`, `…`, `»`, `›`, `>` and spaces.
pub fn trim_trailing_punct(s: &str) -> &str {
    s.trim_end_matches([':', '!', '.', '…', '»', '›', '>', ' '])
}

/// The chrome phrase files, one per language (all are matched on every page: sites mix
/// languages in their chrome).
const CHROME_FILES: &[(&str, &str)] = &[
    ("en", data_file!("lexicon/chrome/en.tsv")),
    ("de", data_file!("lexicon/chrome/de.tsv")),
    ("fr", data_file!("lexicon/chrome/fr.tsv")),
    ("es", data_file!("lexicon/chrome/es.tsv")),
    ("it", data_file!("lexicon/chrome/it.tsv")),
    ("pt", data_file!("lexicon/chrome/pt.tsv")),
    ("nl", data_file!("lexicon/chrome/nl.tsv")),
    ("ru", data_file!("lexicon/chrome/ru.tsv")),
];

/// How many stopword languages the lexicon can hold (bits of a [`stopword_mask`]).
pub const MAX_LANGS: usize = 16;

/// Stopword lists (lowercase, whitespace-separated), keyed by ISO 639-1 code.
const STOPWORD_FILES: &[(&str, &str)] = &[
    ("en", data_file!("lexicon/stopwords/en.txt")),
    ("de", data_file!("lexicon/stopwords/de.txt")),
    ("fr", data_file!("lexicon/stopwords/fr.txt")),
    ("es", data_file!("lexicon/stopwords/es.txt")),
    ("it", data_file!("lexicon/stopwords/it.txt")),
    ("pt", data_file!("lexicon/stopwords/pt.txt")),
    ("nl", data_file!("lexicon/stopwords/nl.txt")),
    ("ru", data_file!("lexicon/stopwords/ru.txt")),
    ("id", data_file!("lexicon/stopwords/id.txt")),
];

/// Parses a chrome table; malformed rows are skipped (a test checks there are none).
fn parse_chrome(src: &str) -> Vec<ChromeRule> {
    src.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut parts = l.splitn(3, '\t');
            let kind_s = parts.next()?;
            let mode_s = parts.next()?;
            let phrase = parts.next()?.trim().to_lowercase();
            let (kind_name, marker) = match kind_s.strip_suffix('+') {
                Some(k) => (k, true),
                None => (kind_s, false),
            };
            let mode = match mode_s {
                "line" => Match::Line,
                "prefix" => Match::Prefix,
                "suffix" => Match::Suffix,
                "contains" => Match::Contains,
                "count" => Match::Count,
                _ => return None,
            };
            Some(ChromeRule {
                kind: Kind::parse(kind_name)?,
                marker,
                mode,
                phrase,
                index: 0,
            })
        })
        .collect()
}

/// Phrases of two bytes or more found anywhere in a text, in one pass over it: a bit table
/// says which byte pairs start some phrase, and the phrases are grouped by their first byte,
/// so a text is read once instead of once per phrase, with no hashing and no searcher set up
/// per phrase (in the size-tuned wasm build `str::contains` prepares a two-way searcher on
/// every call).
struct PhraseIndex {
    /// Bit `b0 * 256 + b1` is set when some phrase starts with the bytes `b0 b1`.
    start_bits: Box<[u64; 1024]>,
    /// `entries[starts[b]..starts[b + 1]]` are the phrases whose first byte is `b`.
    starts: [u32; 257],
    /// The phrases with their ids: by first byte, then in the order they were given.
    entries: Vec<PhraseEntry>,
}

struct PhraseEntry {
    /// The phrase's second byte (checked before the phrase itself).
    second: u8,
    /// The id the phrase was given.
    id: u32,
    phrase: Box<[u8]>,
}

impl PhraseIndex {
    /// An index of `phrases` (phrase, id); phrases shorter than two bytes are left out (the
    /// caller checks those itself).
    fn new(phrases: &[(&[u8], usize)]) -> PhraseIndex {
        let mut start_bits = Box::new([0u64; 1024]);
        let mut starts = [0u32; 257];
        let mut entries: Vec<PhraseEntry> = Vec::with_capacity(phrases.len());
        for &(phrase, id) in phrases {
            let (Some(&b0), Some(&b1)) = (phrase.first(), phrase.get(1)) else {
                continue;
            };
            let bit = usize::from(b0) << 8 | usize::from(b1);
            start_bits[bit >> 6] |= 1 << (bit & 63);
            starts[usize::from(b0) + 1] += 1;
            entries.push(PhraseEntry {
                second: b1,
                id: u32::try_from(id).unwrap_or(u32::MAX),
                phrase: phrase.into(),
            });
        }
        for b in 1..257 {
            starts[b] += starts[b - 1];
        }
        // Stable: phrases with one first byte keep their given order.
        crate::sort::by_key(&mut entries, |e| e.phrase[0]);
        PhraseIndex {
            start_bits,
            starts,
            entries,
        }
    }

    /// Calls `found(id, range)` for every occurrence of a phrase in `b` (overlapping ones
    /// too), by start and, at one start, in the order the phrases were given; stops when
    /// `found` returns false.
    fn scan(&self, b: &[u8], mut found: impl FnMut(usize, Range<usize>) -> bool) {
        for (p, w) in b.windows(2).enumerate() {
            let bit = usize::from(w[0]) << 8 | usize::from(w[1]);
            if self.start_bits[bit >> 6] & (1 << (bit & 63)) == 0 {
                continue;
            }
            let first = usize::from(w[0]);
            let (lo, hi) = (self.starts[first] as usize, self.starts[first + 1] as usize);
            for e in self.entries.get(lo..hi).unwrap_or_default() {
                if e.second == w[1]
                    && b[p..].starts_with(&e.phrase)
                    && !found(e.id as usize, p..p + e.phrase.len())
                {
                    return;
                }
            }
        }
    }
}

/// The chrome rules with fast indexes by matching mode.
struct ChromeTable {
    rules: Vec<ChromeRule>,
    /// Whole-line phrase → index of its first rule.
    by_line: FastMap<String, usize>,
    /// The longest whole-line phrase, in bytes: a longer line needs no lookup (no hashing).
    longest_line: usize,
    /// First two bytes of a prefix phrase → indices of its rules, in file order.
    prefix: FastMap<[u8; 2], Vec<usize>>,
    /// Every `contains` rule (ids: rule indices).
    contains: PhraseIndex,
    /// The `contains` rules that still apply on prose lines (notices, copyright).
    contains_prose: PhraseIndex,
    /// Suffix rules and rules whose phrase is shorter than two bytes: checked one by one.
    other: Vec<usize>,
    /// Word of a `count` rule → indices of its rules, in file order.
    count_words: FastMap<String, Vec<usize>>,
}

/// True if `r` still applies on a long, sentence-shaped line (see [`match_chrome_on_prose`]).
fn applies_on_prose(r: &ChromeRule) -> bool {
    r.mode == Match::Prefix
        || (matches!(r.kind, Kind::Notice | Kind::Copyright) && r.mode != Match::Line)
}

fn chrome_table() -> &'static ChromeTable {
    static TABLE: OnceLock<ChromeTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut rules: Vec<ChromeRule> = CHROME_FILES
            .iter()
            .flat_map(|(_, src)| parse_chrome(src))
            .collect();
        for (i, r) in rules.iter_mut().enumerate() {
            r.index = i;
        }
        let mut by_line: FastMap<String, usize> = FastMap::default();
        let mut prefix: FastMap<[u8; 2], Vec<usize>> = FastMap::default();
        let mut other = Vec::new();
        let mut count_words: FastMap<String, Vec<usize>> = FastMap::default();
        // `contains` phrases: all of them, and those that still apply on prose.
        let mut contains: Vec<(&[u8], usize)> = Vec::new();
        let mut contains_prose: Vec<(&[u8], usize)> = Vec::new();
        for (i, r) in rules.iter().enumerate() {
            let b = r.phrase.as_bytes();
            match r.mode {
                Match::Line => {
                    by_line.entry(r.phrase.clone()).or_insert(i);
                }
                Match::Count => count_words.entry(r.phrase.clone()).or_default().push(i),
                _ if b.len() < 2 || r.mode == Match::Suffix => other.push(i),
                Match::Prefix => prefix.entry([b[0], b[1]]).or_default().push(i),
                _ => {
                    contains.push((b, i));
                    if applies_on_prose(r) {
                        contains_prose.push((b, i));
                    }
                }
            }
        }
        let contains = PhraseIndex::new(&contains);
        let contains_prose = PhraseIndex::new(&contains_prose);
        ChromeTable {
            contains,
            contains_prose,
            rules,
            longest_line: by_line.keys().map(String::len).max().unwrap_or(0),
            by_line,
            prefix,
            other,
            count_words,
        }
    })
}

/// The index of the first rule (in file order) among the prefix/suffix/contains/count rules
/// that matches `lower`, if any; with `prose`, only among the rules that still apply on prose
/// lines.
fn first_scanned_match(lower: &str, prose: bool) -> Option<usize> {
    let t = chrome_table();
    let b = lower.as_bytes();
    let mut best: Option<usize> = None;
    let mut consider = |i: usize| {
        if best.is_none_or(|x| i < x) && (!prose || applies_on_prose(&t.rules[i])) {
            best = Some(i);
        }
    };
    for &i in &t.other {
        if t.rules[i].matches(lower) {
            consider(i);
        }
    }
    if let Some(word) = counted_word(lower) {
        // As in `is_count_of`: a count line holds little besides the number and the word.
        if lower.len() <= word.len() + 16 {
            for &i in t.count_words.get(word).into_iter().flatten() {
                consider(i);
            }
        }
    }
    if b.len() >= 2 {
        for &i in t.prefix.get(&[b[0], b[1]]).into_iter().flatten() {
            if b.starts_with(t.rules[i].phrase.as_bytes()) {
                consider(i);
            }
        }
    }
    let index = if prose {
        &t.contains_prose
    } else {
        &t.contains
    };
    index.scan(b, |i, _| {
        consider(i);
        true
    });
    best
}

/// The first chrome rule that still applies to a long line, matching `lower`, if any: a
/// phrase the line starts with ("Read more: …", "Photo: …"), or a notice or copyright phrase
/// anywhere (cookie banners, "All rights reserved"). Other phrases inside a long line are
/// part of a sentence.
pub fn match_chrome_on_prose(lower: &str) -> Option<&'static ChromeRule> {
    first_scanned_match(lower, true).map(|i| &chrome_table().rules[i])
}

/// All chrome rules of every language, in file order (the first matching rule wins).
pub fn chrome_rules() -> &'static [ChromeRule] {
    &chrome_table().rules
}

/// The first chrome rule matching `lower` (a lowercased normalized line), if any.
pub fn match_chrome(lower: &str) -> Option<&'static ChromeRule> {
    let t = chrome_table();
    if lower.len() > 400 {
        return None;
    }
    let trimmed = trim_trailing_punct(lower);
    let line_hit = if trimmed.len() <= t.longest_line {
        t.by_line.get(trimmed).copied()
    } else {
        None
    };
    let scan_hit = first_scanned_match(lower, false);
    let hit = match (scan_hit, line_hit) {
        (Some(s), Some(l)) => Some(s.min(l)),
        (s, l) => s.or(l),
    };
    hit.map(|i| &t.rules[i])
}

/// The ISO 639-1 codes that have a stopword list, in a fixed order (bit `i` of a
/// [`stopword_mask`] is language `i` of this list).
pub fn stopword_languages() -> impl Iterator<Item = &'static str> {
    STOPWORD_FILES.iter().map(|(code, _)| *code)
}

/// Every stopword list in one table: word → bit set of the languages whose list holds it.
/// Words of at most [`PACKED`] bytes (all of them, as the lists stand) sit in an open-addressing
/// table keyed by their bytes packed in two `u64`s, so a lookup is a copy, a multiply and a
/// compare or two, with no hashing loop and no copy to lowercase an ASCII word; longer words
/// are in a map.
struct StopTable {
    /// Packed keys (see [`pack`]), `[0, 0]` for an empty slot; a power-of-two length.
    keys: Vec<[u64; 2]>,
    /// The language bits of the word in the same slot.
    masks: Vec<u16>,
    /// Words longer than [`PACKED`] bytes.
    long: FastMap<&'static str, u16>,
    /// The longest word's length in bytes.
    longest: usize,
}

/// Longest word, in bytes, that [`pack`] takes.
const PACKED: usize = 15;

/// `b` (at most [`PACKED`] bytes) as a table key: its bytes little-endian in two words, the
/// length in the top byte (so no two byte strings share a key, NUL bytes included); with `fold`
/// ASCII upper-case letters are lowercased on the way (`b` must then be ASCII).
#[inline]
fn pack(b: &[u8], fold: bool) -> [u64; 2] {
    let mut w = [0u8; 16];
    w[..b.len()].copy_from_slice(b);
    let (lo, hi) = w.split_at(8);
    let mut k = [
        u64::from_le_bytes(lo.try_into().unwrap_or([0; 8])),
        u64::from_le_bytes(hi.try_into().unwrap_or([0; 8])),
    ];
    if fold {
        // Per byte c < 0x80: bit 7 of c + 0x3f is set for c >= 'A', of c + 0x25 for c > 'Z'
        // (no carry crosses a byte); an upper-case letter gains 0x20.
        const LSB: u64 = 0x0101_0101_0101_0101;
        for x in &mut k {
            let upper = (*x + 0x3f * LSB) & !(*x + 0x25 * LSB) & (0x80 * LSB);
            *x |= upper >> 2;
        }
    }
    k[1] ^= (b.len() as u64) << 56;
    k
}

impl StopTable {
    fn slot(&self, key: [u64; 2]) -> usize {
        let h = (key[0] ^ key[1].rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h >> 40) as usize & (self.keys.len() - 1)
    }

    /// The language bits of packed word `key`.
    #[inline]
    fn get(&self, key: [u64; 2]) -> u16 {
        let mut i = self.slot(key);
        // Word by word: `==` on the arrays is a `memcmp` call in the size-tuned wasm build.
        loop {
            let k = self.keys[i];
            if k[0] == key[0] && k[1] == key[1] {
                return self.masks[i];
            }
            if k[0] | k[1] == 0 {
                return 0;
            }
            i = (i + 1) & (self.keys.len() - 1);
        }
    }
}

fn stopword_table() -> &'static StopTable {
    static TABLE: OnceLock<StopTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut words: FastMap<&'static str, u16> = FastMap::default();
        let mut order: Vec<&'static str> = Vec::new();
        for (bit, (_, src)) in STOPWORD_FILES.iter().enumerate() {
            for w in src.split_whitespace() {
                let m = words.entry(w).or_insert_with(|| {
                    order.push(w);
                    0
                });
                *m |= 1 << bit;
            }
        }
        let size = (order.len() * 2 + 2).next_power_of_two();
        let mut t = StopTable {
            keys: vec![[0, 0]; size],
            masks: vec![0; size],
            long: FastMap::default(),
            longest: order.iter().map(|w| w.len()).max().unwrap_or(0),
        };
        for w in order {
            let m = words.get(w).copied().unwrap_or(0);
            if w.len() > PACKED {
                t.long.insert(w, m);
                continue;
            }
            let key = pack(w.as_bytes(), false);
            let mut i = t.slot(key);
            while t.keys[i] != [0, 0] {
                i = (i + 1) & (size - 1);
            }
            t.keys[i] = key;
            t.masks[i] = m;
        }
        t
    })
}

/// The bit set of languages (see [`stopword_languages`]) in which `lower` (a lowercase word)
/// is a stopword; 0 if none.
pub fn stopword_mask(lower: &str) -> u16 {
    let t = stopword_table();
    let b = lower.as_bytes();
    // A word longer than every stopword needs no lookup.
    if b.is_empty() || b.len() > t.longest {
        0
    } else if b.len() <= PACKED {
        t.get(pack(b, false))
    } else {
        t.long.get(lower).copied().unwrap_or(0)
    }
}

/// The bit of language `code` in [`stopword_mask`] values, if the lexicon has its list.
pub fn stopword_bit(code: &str) -> Option<u16> {
    STOPWORD_FILES
        .iter()
        .position(|(c, _)| *c == code)
        .map(|i| 1u16 << i)
}

const BYLINES: &str = data_file!("lexicon/bylines.txt");
const CAPTIONS: &str = data_file!("lexicon/captions.tsv");

/// Lowercase line starts that introduce an author ("by ", "von ", "par "), trailing space kept.
pub fn byline_prefixes() -> impl Iterator<Item = &'static str> {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| {
        BYLINES
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .collect()
    })
    .iter()
    .copied()
}

/// The caption lexicon: bracketed image-credit marks, credit phrases and verbs, in one
/// [`PhraseIndex`] (ids: [`CAPTION_MARK`], [`CAPTION_CREDIT`], [`CAPTION_VERB`]).
struct CaptionLexicon {
    index: PhraseIndex,
    /// Phrases shorter than two bytes, which the index leaves out: (id, phrase).
    short: Vec<(usize, &'static str)>,
}

const CAPTION_MARK: usize = 0;
const CAPTION_CREDIT: usize = 1;
const CAPTION_VERB: usize = 2;

fn caption_lexicon() -> &'static CaptionLexicon {
    static LEX: OnceLock<CaptionLexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut phrases: Vec<(&[u8], usize)> = Vec::new();
        let mut short = Vec::new();
        for row in CAPTIONS.lines().filter(|l| !l.starts_with('#')) {
            let (id, p) = match row.split_once('\t') {
                Some(("mark", p)) => (CAPTION_MARK, p.trim()),
                Some(("credit", p)) => (CAPTION_CREDIT, p.trim()),
                Some(("verb", p)) => (CAPTION_VERB, p.trim()),
                _ => continue,
            };
            phrases.push((p.as_bytes(), id));
            if p.len() < 2 {
                short.push((id, p));
            }
        }
        CaptionLexicon {
            index: PhraseIndex::new(&phrases),
            short,
        }
    })
}

/// True if `lower[at]` (a lowercased line's range, on char boundaries) is whole words: no
/// letter or digit right before or after it.
fn is_whole_words(lower: &str, at: Range<usize>) -> bool {
    let before = lower.get(..at.start).and_then(|s| s.chars().next_back());
    let after = lower.get(at.end..).and_then(|s| s.chars().next());
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// True if `lower` reads like a photo caption: a bracketed image credit ("(Image: Getty)"),
/// or in news-agency style a caption verb ("speaks", "attends", "looks on") as whole words and
/// either a year at the end or a photo credit ("REUTERS/…", "Getty Images").
pub fn caption_hits(lower: &str) -> bool {
    let lex = caption_lexicon();
    let mut found = [false; 3];
    let mut hit = |id: usize, at: Range<usize>| {
        if id != CAPTION_VERB || is_whole_words(lower, at) {
            found[id] = true;
        }
        !found[CAPTION_MARK]
    };
    lex.index.scan(lower.as_bytes(), &mut hit);
    for &(id, p) in &lex.short {
        for (at, _) in lower.match_indices(p) {
            hit(id, at..at + p.len());
        }
    }
    let [mark, credit, verb] = found;
    if mark {
        return true;
    }
    let tail = lower.trim_end_matches(['.', ' ', ')', '"', '”']);
    let b = tail.as_bytes();
    let ends_with_year = b.len() >= 4
        && b[b.len() - 4..].iter().all(u8::is_ascii_digit)
        && matches!(&b[b.len() - 4..b.len() - 2], b"19" | b"20");
    (ends_with_year || credit) && verb
}

const MONTHS: &str = data_file!("dates/months.tsv");
const WEEKDAYS: &str = data_file!("dates/weekdays.tsv");
const RELATIVE: &str = data_file!("dates/relative.tsv");
const ZONES: &str = data_file!("dates/zones.tsv");
const DATE_FILLERS: &str = data_file!("lexicon/date_fillers.txt");

/// Month names of every language (from `data/dates/months.tsv`, shared with the date parser).
fn month_names() -> &'static FastSet<&'static str> {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| names_in_last_column(MONTHS).collect())
}

/// The comma-separated names in the last tab-separated column of each data row.
fn names_in_last_column(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.rsplit('\t').next())
        .flat_map(|names| names.split(','))
        .map(|n| n.trim().trim_end_matches(['?', '!']))
        .filter(|n| !n.is_empty())
}

/// Words that may make up a dateline other than month names and numbers: weekdays, relative
/// words ("ago", "vor"), time zones (all from `data/dates/`) and `data/lexicon/date_fillers.txt`.
fn date_words() -> &'static FastSet<&'static str> {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        let relative = names_in_last_column(RELATIVE).flat_map(|n| n.split(' '));
        let zones = ZONES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next());
        let fillers = DATE_FILLERS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace);
        names_in_last_column(WEEKDAYS)
            .chain(relative)
            .chain(zones)
            .chain(fillers)
            .filter(|w| !w.is_empty())
            .collect()
    })
}

/// True if `lower` (a lowercase token) is a month name in one of the lexicon's languages.
pub fn is_month_name(lower: &str) -> bool {
    month_names().contains(lower)
}

/// True if `lower` (a lowercase token) may stand in a dateline besides month names and
/// numbers (weekdays, "published", "updated", "uhr", time zones, "ago", …).
pub fn is_date_word(lower: &str) -> bool {
    date_words().contains(lower)
}

/// True if `word` (any case) is an English stopword.
pub fn is_stopword(word: &str) -> bool {
    static EN: OnceLock<Option<u16>> = OnceLock::new();
    let Some(bit) = *EN.get_or_init(|| stopword_bit("en")) else {
        return false;
    };
    let b = word.as_bytes();
    if b.is_ascii() {
        // ASCII keeps its length when lowercased; the table lowercases while packing.
        let t = stopword_table();
        if b.is_empty() || b.len() > t.longest {
            return false;
        }
        let m = if b.len() <= PACKED {
            t.get(pack(b, true))
        } else {
            crate::lower::with_lower(word, stopword_mask)
        };
        return m & bit != 0;
    }
    crate::lower::with_lower(word, |w| stopword_mask(w) & bit != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chrome_row_parses() {
        let rows: usize = CHROME_FILES
            .iter()
            .map(|(_, src)| {
                src.lines()
                    .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                    .count()
            })
            .sum();
        assert_eq!(chrome_rules().len(), rows);
        // Every rule fits a `ChromeHit`.
        assert!(rows < usize::from(u16::MAX));
    }

    #[test]
    fn matches_modes() {
        assert_eq!(
            match_chrome("also read").map(|r| r.kind),
            Some(Kind::Related)
        );
        assert_eq!(
            match_chrome("leave a response").map(|r| r.kind),
            Some(Kind::Comments)
        );
        assert_eq!(
            match_chrome("184views").map(|r| r.kind),
            Some(Kind::Metadata)
        );
        assert!(match_chrome("the president also read the letter").is_none());
        assert_eq!(
            match_chrome("[ 167 comments ]").map(|r| r.kind),
            Some(Kind::Comments)
        );
        assert_eq!(
            match_chrome("kommentare (12)").map(|r| r.kind),
            Some(Kind::Comments)
        );
        assert!(match_chrome("167 comments were posted").is_none());
        assert!(is_stopword("The"));
        assert!(is_stopword("THE") && is_stopword("the") && !is_stopword("thE\0"));
        assert!(!is_stopword("") && !is_stopword("Then@") && !is_stopword("[he"));
    }

    /// The packed table answers as the word lists do, for every word, its upper-case form and
    /// near misses.
    #[test]
    fn stopword_table_equals_lists() {
        let mut lists: FastMap<&str, u16> = FastMap::default();
        for (bit, (_, src)) in STOPWORD_FILES.iter().enumerate() {
            for w in src.split_whitespace() {
                *lists.entry(w).or_insert(0) |= 1 << bit;
            }
        }
        let en = stopword_bit("en").unwrap_or(0);
        for (w, &m) in &lists {
            assert_eq!(stopword_mask(w), m, "{w}");
            let up = w.to_uppercase();
            let back = lists.get(up.to_lowercase().as_str()).copied().unwrap_or(0);
            assert_eq!(is_stopword(&up), back & en != 0, "{w}");
            let tail: String = w.chars().skip(1).collect();
            for near in [format!("{w}s"), format!("{w}\0"), tail] {
                let want = lists.get(near.as_str()).copied().unwrap_or(0);
                assert_eq!(stopword_mask(&near), want, "{near}");
            }
        }
        for odd in ["", "@", "[", "`", "{", "Z", "z", "a\u{0}", "ÉTÉ"] {
            let want = lists.get(odd.to_lowercase().as_str()).copied().unwrap_or(0);
            assert_eq!(is_stopword(odd), want & en != 0, "{odd}");
            assert_eq!(stopword_mask(odd), lists.get(odd).copied().unwrap_or(0));
        }
    }

    /// The grouped scan finds the same rule as matching every rule in file order.
    #[test]
    fn grouped_scan_equals_rule_order() {
        let rules = chrome_rules();
        let mut lines: Vec<String> = rules.iter().map(|r| r.phrase.clone()).collect();
        for r in rules {
            lines.push(format!("{} and more", r.phrase));
            lines.push(format!("see: {}", r.phrase));
            lines.push(format!("12 {}", r.phrase));
            lines.push(format!("{}!", r.phrase));
        }
        lines.extend(["".into(), "the president said so.".into(), "é".into()]);
        for l in &lines {
            let linear = rules.iter().position(|r| r.matches(l));
            let prose = rules.iter().position(|r| {
                (r.mode == Match::Prefix
                    || (matches!(r.kind, Kind::Notice | Kind::Copyright) && r.mode != Match::Line))
                    && r.matches(l)
            });
            let pos =
                |m: Option<&ChromeRule>| m.map(|m| rules.iter().position(|r| std::ptr::eq(r, m)));
            if l.len() <= 400 {
                assert_eq!(pos(match_chrome(l)), linear.map(Some), "{l:?}");
            }
            assert_eq!(pos(match_chrome_on_prose(l)), prose.map(Some), "{l:?}");
        }
    }

    /// The phrase index reports every occurrence, overlapping ones included, by start and then
    /// in the order the phrases were given, skips phrases under two bytes, and stops on request.
    #[test]
    fn phrase_index_finds_every_occurrence() {
        let phrases: [(&[u8], usize); 6] = [
            (b"bc", 0),
            (b"ab", 1),
            (b"abc", 2),
            (b"b", 3),
            (b"aa", 4),
            ("é!".as_bytes(), 5),
        ];
        let index = PhraseIndex::new(&phrases);
        let mut seen = Vec::new();
        index.scan("aabcé!abc".as_bytes(), |id, at| {
            seen.push((id, at));
            true
        });
        assert_eq!(
            seen,
            [
                (4, 0..2),
                (1, 1..3),
                (2, 1..4),
                (0, 2..4),
                (5, 4..7),
                (1, 7..9),
                (2, 7..10),
                (0, 8..10)
            ]
        );
        let mut first = Vec::new();
        index.scan(b"xxabcabc", |id, at| {
            first.push((id, at));
            false
        });
        assert_eq!(first, [(1, 2..4)]);
        index.scan(b"", |_, _| panic!("nothing to find"));
        index.scan(b"a", |_, _| panic!("nothing to find"));
    }

    /// Caption wording: a mark alone, or a verb as whole words with a year at the end or a
    /// credit; a verb inside a longer word does not count.
    #[test]
    fn caption_wording() {
        let lex = caption_lexicon();
        let any = |id: usize| {
            let mut hit = None;
            for row in CAPTIONS.lines().filter(|l| !l.starts_with('#')) {
                let want = ["mark", "credit", "verb"][id];
                if let Some((k, p)) = row.split_once('\t') {
                    if k == want && hit.is_none() {
                        hit = Some(p.trim());
                    }
                }
            }
            hit.expect("the caption lexicon has every kind")
        };
        let (mark, credit, verb) = (any(CAPTION_MARK), any(CAPTION_CREDIT), any(CAPTION_VERB));
        assert!(lex.short.is_empty() || lex.short.iter().all(|(_, p)| p.len() < 2));
        assert!(caption_hits(&format!("the minister {mark} someone")));
        assert!(caption_hits(&format!("the minister {verb} in paris, 2024")));
        assert!(caption_hits(&format!(
            "the minister {verb} in paris. {credit}"
        )));
        assert!(!caption_hits(&format!("the minister {verb} in paris")));
        assert!(!caption_hits(&format!(
            "the minister x{verb} in paris, 2024"
        )));
        assert!(!caption_hits(&format!(
            "the minister {verb}x in paris, 2024"
        )));
    }
}
