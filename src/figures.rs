//! Figures of the article: money, percentages, counts, dates, durations, ordinals and
//! quantities, with their value, unit and sentence.
//!
//! Numbers are read written as digits ("1,200", "3.5", "$240", "64%", "€5m", "80th") or spelled
//! ("twenty-five", "a dozen", "an hour and a half", "a quarter of"), with a scale ("240 billion"),
//! a modifier kept in the text ("more than 64%", "about 3,000 people") and ranges ("5 to 10",
//! "between 5 and 10", "5-10%": `value` is the low end, `max` the high end). Dates come from the
//! metadata date parser ([`crate::meta::date`]); a bare year ("in 2023") is a date too.
//!
//! Promises: every figure's `text` is a substring of its line; `sentence` is the sentence holding
//! it; figures are in text order and do not overlap. Never panics; linear in the text.

use crate::fasthash::{FastMap, FastSet};
use crate::meta::date::{self, DateContext};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

pub use crate::shared_text::SharedText;

const NUMBERS: &str = data_file!("figures/numbers.tsv");
const UNITS: &str = data_file!("figures/units.tsv");
/// The date parser's month names (read here only to skip it on lines that cannot hold a date
/// figure; see [`may_hold_date`]).
const MONTHS: &str = data_file!("dates/months.tsv");

/// Every month name of `data/dates/months.tsv`, lowercase, in any language.
fn month_names() -> &'static FastSet<&'static str> {
    static M: OnceLock<FastSet<&'static str>> = OnceLock::new();
    M.get_or_init(|| {
        MONTHS
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split('\t').nth(2))
            .flat_map(|names| names.split(','))
            .map(|n| n.trim().trim_end_matches(['?', '!']).trim())
            .filter(|n| !n.is_empty())
            .collect()
    })
}

/// False only when `text` cannot hold a date figure: no ASCII digit (the date parser's only
/// numbers) and, with a reference date, no month name (letters between non-letters, any case).
/// A date without either is a relative date or a bare weekday, and neither is a figure; without
/// a reference date the parser finds no date without a digit.
fn may_hold_date(text: &str, ctx: &DateContext) -> bool {
    if text.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    if ctx.reference.is_none() {
        return false;
    }
    let months = month_names();
    text.split(|c: char| !c.is_alphabetic())
        .any(|w| !w.is_empty() && crate::lower::with_lower(w, |l| months.contains(l)))
}

/// False only when `text` cannot hold a figure other than a date: no ASCII digit and no
/// maximal run of ASCII letters that is, lowercased, an opener word of the lexicon (a word the
/// figure reader keys on is such a run). A Kelvin sign (lowercased to `k`) makes it true.
fn may_hold_number(text: &str) -> bool {
    let Some(openers) = &lexicon().openers else {
        return true;
    };
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            return true;
        }
        if !c.is_ascii_alphabetic() {
            // U+212A KELVIN SIGN: E2 84 AA.
            if c == 0xE2 && b.get(i + 1) == Some(&0x84) && b.get(i + 2) == Some(&0xAA) {
                return true;
            }
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        let run = &text[start..i];
        if run.len() >= 3 && crate::lower::with_lower(run, |l| openers.contains(l)) {
            return true;
        }
    }
    false
}

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// An amount of money (`unit` is an ISO currency code).
    Money,
    /// A percentage or share (`unit` is "%" or "percentage point").
    Percent,
    /// A number of things (`unit` is the noun counted, when written).
    Count,
    /// A calendar date or year (`date` is `YYYY-MM-DD`, or `value` the year).
    Date,
    /// A length of time (`unit` is second, minute, hour, day, week, month, year, decade, century).
    Duration,
    /// A rank ("80th").
    Ordinal,
    /// A measured quantity (`unit` is km, kg, MW, …).
    Quantity,
}

/// One figure of the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The figure as written, modifier included ("more than 64%").
    pub text: SharedText,
    /// What it measures.
    pub kind: FigureKind,
    /// Its value in units of `unit` (scales applied: "$240 billion" -> 240000000000); the low end
    /// of a range; null for dates with a day.
    pub value: Option<f64>,
    /// The high end of a range, if it is one.
    pub max: Option<f64>,
    /// The unit: currency code, "%", time unit, measure, or the noun counted.
    pub unit: Option<SharedText>,
    /// For dates: `YYYY-MM-DD`.
    pub date: Option<SharedText>,
    /// The sentence the figure is in; of a sentence longer than [`MAX_SENTENCE_BYTES`], the
    /// words around the figure within that many bytes.
    pub sentence: SharedText,
    /// The input line (1-based).
    pub line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    Unit,
    Tens,
    Scale,
    Fraction,
}

struct Lexicon {
    numbers: FastMap<&'static str, (f64, Role)>,
    /// word or phrase (lowercase, except symbols) -> (kind, unit).
    units: FastMap<String, (FigureKind, &'static str)>,
    /// The first words of the two-word units.
    pair_firsts: FastSet<String>,
    /// currency prefixes, longest first.
    prefixes: Vec<(&'static str, &'static str)>,
    /// The longest key of `numbers`, in bytes.
    longest_number: usize,
    /// The words that can open a figure written without digits (see [`may_hold_number`]):
    /// number words (not the one- or two-letter scales, read only after a number) and the
    /// first words of duration units ("an hour"). None when one of them is not at least three
    /// plain ASCII lowercase letters (then every line is read).
    openers: Option<FastSet<&'static str>>,
}

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        let rows = |src: &'static str| {
            src.lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .map(|l| l.split('\t').collect::<Vec<&'static str>>())
        };
        let mut numbers = FastMap::default();
        for r in rows(NUMBERS) {
            let (Some(w), Some(v), Some(role)) = (r.first(), r.get(1), r.get(2)) else {
                continue;
            };
            let role = match *role {
                "unit" => Role::Unit,
                "tens" => Role::Tens,
                "scale" => Role::Scale,
                "fraction" => Role::Fraction,
                _ => continue,
            };
            if let Some(v) = crate::num::parse_f64(v) {
                numbers.insert(*w, (v, role));
            }
        }
        let mut units = FastMap::default();
        let mut prefixes = Vec::new();
        let mut duration_firsts: Vec<&'static str> = Vec::new();
        for r in rows(UNITS) {
            let (Some(w), Some(k), Some(u)) = (r.first(), r.get(1), r.get(2)) else {
                continue;
            };
            let kind = match *k {
                "money" => FigureKind::Money,
                "percent" => FigureKind::Percent,
                "duration" => FigureKind::Duration,
                "quantity" => FigureKind::Quantity,
                _ => continue,
            };
            if kind == FigureKind::Duration {
                duration_firsts.push(w.split(' ').next().unwrap_or(""));
            }
            match w.strip_prefix("prefix:") {
                Some(p) => prefixes.push((p, *u)),
                None => {
                    units.insert(w.to_string(), (kind, *u));
                }
            }
        }
        crate::sort::by_key(&mut prefixes, |p| std::cmp::Reverse(p.0.len()));
        let pair_firsts = units
            .keys()
            .filter_map(|k| k.split_once(' ').map(|(first, _)| first.to_string()))
            .collect();
        let mut openers: Option<FastSet<&'static str>> = Some(FastSet::default());
        let words = numbers
            .iter()
            .filter(|(w, (_, role))| *role != Role::Scale || w.len() > 2)
            .map(|(w, _)| *w)
            .chain(duration_firsts);
        for w in words {
            // Runs of fewer than 3 letters are not looked up.
            if w.len() < 3 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
                openers = None;
                break;
            }
            if let Some(set) = openers.as_mut() {
                set.insert(w);
            }
        }
        Lexicon {
            longest_number: numbers.keys().map(|k| k.len()).max().unwrap_or(0),
            numbers,
            units,
            pair_firsts,
            prefixes,
            openers,
        }
    })
}

/// Words before a number that belong to the figure ("more than 64%").
const MODIFIERS: &[&str] = &[
    "more than",
    "less than",
    "fewer than",
    "at least",
    "up to",
    "as many as",
    "as much as",
    "just over",
    "just under",
    "over",
    "about",
    "around",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "some",
    "under",
    "only",
    "below",
    "above",
    "some",
];

/// A word of the line with its byte span; `stop` marks punctuation after it.
#[derive(Debug, Clone)]
struct W<'a> {
    s: &'a str,
    /// `s` lowercased (borrowed when that changes nothing).
    lower: Cow<'a, str>,
    /// The number lexicon's entry for `lower`, looked up once.
    num: Option<(f64, Role)>,
    start: usize,
    end: usize,
    stop: bool,
}

/// The words of `line`: split at whitespace, opening quotes and brackets trimmed, closing
/// punctuation trimmed (and noted), then split at hyphens. `lower` is `line` with ASCII
/// lowercased (same offsets): an ASCII word's lowercase is its slice of it.
fn words<'a>(line: &'a str, lower: &'a str) -> Vec<W<'a>> {
    use crate::entities::tokens::{char_at, char_before};
    let lex = lexicon();
    // About one word per 6 bytes of prose: one allocation for most lines.
    let mut out = Vec::with_capacity(line.len() / 6 + 1);
    // The char at byte `i` (a boundary inside `line`): is it whitespace, and its length.
    let space_at = |i: usize| match line.as_bytes()[i] {
        b if b < 0x80 => (matches!(b, b' ' | b'\t'..=b'\r'), 1),
        _ => {
            let c = char_at(line, i);
            (c.is_whitespace(), c.len_utf8())
        }
    };
    let mut i = 0;
    while i < line.len() {
        let (space, n) = space_at(i);
        if space {
            i += n;
            continue;
        }
        let off = i;
        while i < line.len() {
            let (space, n) = space_at(i);
            if space {
                break;
            }
            i += n;
        }
        let raw = &line[off..i];
        let mut lead = 0;
        while lead < raw.len() {
            let c = char_at(raw, lead);
            if !matches!(c, '"' | '“' | '‘' | '(' | '[' | '\'') {
                break;
            }
            lead += c.len_utf8();
        }
        let core = &raw[lead..];
        let mut end = core.len();
        while end > 0 {
            let c = char_before(core, end);
            if !matches!(
                c,
                ',' | '.' | ';' | ':' | '!' | '?' | '"' | '”' | '’' | ')' | ']' | '\''
            ) {
                break;
            }
            end -= c.len_utf8();
        }
        let trimmed = &core[..end];
        // Keep a decimal-looking or abbreviation period inside; a final one is punctuation.
        let stop = trimmed.len() < core.len();
        // Split on hyphens ("twenty-five", "hour-and-a-half", "5-10") keeping offsets.
        let base = off + lead;
        let mut parts = trimmed.split('-').peekable();
        let mut pos = base;
        while let Some(p) = parts.next() {
            let last = parts.peek().is_none();
            if !p.is_empty() {
                let (start, end) = (pos, pos + p.len());
                let lower = if !p.is_ascii() {
                    Cow::Owned(p.to_lowercase())
                } else if p.bytes().any(|b| b.is_ascii_uppercase()) {
                    Cow::Borrowed(lower.get(start..end).unwrap_or(p))
                } else {
                    Cow::Borrowed(p)
                };
                let num = if lower.len() <= lex.longest_number {
                    lex.numbers.get(lower.as_ref()).copied()
                } else {
                    None
                };
                out.push(W {
                    s: p,
                    lower,
                    num,
                    start,
                    end,
                    stop: stop && last,
                });
            }
            pos += p.len() + 1;
        }
    }
    out
}

/// A digit-written number at the start of `s` after an optional currency prefix:
/// (value, currency, rest of the word).
fn numeric(s: &str) -> Option<(f64, Option<&'static str>, &str)> {
    // The digits must start with an ASCII digit: most words have none.
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let lex = lexicon();
    let mut cur = None;
    let mut rest = s;
    for (p, code) in &lex.prefixes {
        if let Some(r) = s.strip_prefix(p) {
            if r.starts_with(|c: char| c.is_ascii_digit()) {
                cur = Some(*code);
                rest = r;
                break;
            }
        }
    }
    let n = rest
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == ',' || *c == '.')
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    let digits = rest[..n].trim_end_matches(['.', ',']);
    if !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // "1,200" groups of three; "3.5" decimals.
    let v: f64 = crate::num::parse_f64(&digits.replace(',', ""))?;
    Some((v, cur, &rest[digits.len()..]))
}

/// Reads a spelled number starting at word `i`: (value, next word index).
fn spelled(ws: &[W], i: usize) -> Option<(f64, usize)> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut j = i;
    let mut any = false;
    // "a dozen", "a hundred", "a million".
    if matches!(ws.get(j)?.lower.as_ref(), "a" | "an") {
        let next = ws.get(j + 1)?;
        match &next.num {
            Some((v, Role::Scale)) if next.lower.len() > 2 => {
                current = 1.0;
                let _ = v;
                j += 1;
            }
            Some((v, Role::Unit)) if next.lower == "dozen" => {
                current = *v;
                j += 2;
                any = true;
            }
            _ => return None,
        }
    }
    while let Some(w) = ws.get(j) {
        match &w.num {
            Some((v, Role::Unit | Role::Tens)) if w.lower.len() > 2 => {
                current += v;
                any = true;
            }
            Some((v, Role::Scale)) if w.lower.len() > 2 && (any || current > 0.0) => {
                if *v == 100.0 {
                    current *= 100.0;
                } else {
                    total += current.max(1.0) * v;
                    current = 0.0;
                }
                any = true;
            }
            _ => break,
        }
        j += 1;
        if ws[j - 1].stop {
            break;
        }
    }
    (any && j > i).then_some((total + current, j))
}

/// Applies scale words after a number ("240 billion", "3.5bn"): (value, next index).
fn scaled(ws: &[W], mut v: f64, mut j: usize, suffix: &str) -> (f64, usize) {
    let lex = lexicon();
    if let Some((s, Role::Scale)) = crate::lower::with_lower(suffix, |l| lex.numbers.get(l)) {
        v *= s;
    }
    while let Some(w) = ws.get(j) {
        if ws[j - 1].stop {
            break;
        }
        match &w.num {
            Some((s, Role::Scale)) if w.lower.len() > 2 || w.s == "bn" || w.s == "mn" => {
                v *= s;
                j += 1;
            }
            _ => break,
        }
    }
    (v, j)
}

struct Num<'a> {
    value: f64,
    currency: Option<&'static str>,
    /// What follows the digits in their word ("bn", "%", "th"); empty for spelled numbers.
    suffix: &'a str,
    next: usize,
}

/// True if `b` can end a range that `a` starts: not money after a bare number or a percentage,
/// not another currency, not a percentage after money. "rose 5% to $1.2 million" is two
/// figures; "5 to 10%", "$5 to 10 million" and "$5-$10" are ranges.
fn same_measure(a: &Num, b: &Num) -> bool {
    let percent = |n: &Num| n.suffix.starts_with('%');
    (b.currency.is_none() || b.currency == a.currency) && !(a.currency.is_some() && percent(b))
}

/// A number (digits or spelled) starting at word `i`.
fn number_at<'a>(ws: &[W<'a>], i: usize) -> Option<Num<'a>> {
    let w = &ws[i];
    if let Some((v, cur, rest)) = numeric(w.s) {
        if w.s.contains('/') || w.s.contains(':') {
            return None;
        }
        let (value, next) = scaled(ws, v, i + 1, rest);
        return Some(Num {
            value,
            currency: cur,
            suffix: rest,
            next,
        });
    }
    let (v, next) = spelled(ws, i)?;
    let (value, next) = if next > i && !ws[next - 1].stop {
        scaled(ws, v, next, "")
    } else {
        (v, next)
    };
    Some(Num {
        value,
        currency: None,
        suffix: "",
        next,
    })
}

/// The unit after a number: (kind, unit, words used).
fn unit_after(ws: &[W], j: usize) -> Option<(FigureKind, &'static str, usize)> {
    let lex = lexicon();
    let w = ws.get(j)?;
    if j > 0 && ws[j - 1].stop {
        return None;
    }
    if let Some(n) = ws
        .get(j + 1)
        .filter(|_| lex.pair_firsts.contains(&*w.lower))
    {
        let two = format!("{} {}", w.lower, n.lower);
        if let Some((k, u)) = lex.units.get(&two) {
            return Some((*k, u, 2));
        }
    }
    lex.units
        .get(&*w.lower)
        .or_else(|| lex.units.get(w.s))
        .map(|(k, u)| (*k, *u, 1))
}

fn is_ordinal_suffix(s: &str) -> bool {
    matches!(s, "st" | "nd" | "rd" | "th")
}

/// A figure found in a line: byte span, kind, value, max, unit, ISO date.
type Found = (
    usize,
    usize,
    FigureKind,
    Option<f64>,
    Option<f64>,
    Option<String>,
    Option<String>,
);

/// A figure's `sentence` is at most this long (about 100 words): an unbroken run of text
/// (a megabyte without a full stop) would otherwise be copied once per figure in it.
pub const MAX_SENTENCE_BYTES: usize = 600;

/// The sentence `sent` (byte span in `text`) as a figure at `fig` shows it: whole when it
/// holds at most [`MAX_SENTENCE_BYTES`], else the whole words within that many bytes around the
/// figure (a third before it). Always a substring of the sentence, on char boundaries.
fn sentence_window(text: &str, sent: (usize, usize), fig: (usize, usize)) -> &str {
    let (s, e) = sent;
    let whole = text.get(s..e).unwrap_or("");
    if e - s <= MAX_SENTENCE_BYTES {
        return whole;
    }
    let before = (MAX_SENTENCE_BYTES / 3).min(fig.0.saturating_sub(s));
    let mut a = fig.0.saturating_sub(before).max(s);
    let mut b = (a + MAX_SENTENCE_BYTES).min(e).max(fig.1.min(e));
    // Inward to char boundaries (the figure's own ends are boundaries, so it stays inside).
    while a < fig.0 && !text.is_char_boundary(a) {
        a += 1;
    }
    while b > fig.1 && !text.is_char_boundary(b) {
        b -= 1;
    }
    let mut w = text.get(a..b).unwrap_or("");
    // Whole words only: drop a word cut at either end (unless the figure is in it).
    if a > s && !text[..a].ends_with(char::is_whitespace) {
        if let Some(k) = w.find(char::is_whitespace).filter(|&k| a + k <= fig.0) {
            w = &w[k..];
        }
    }
    if b < e && !text[b..].starts_with(char::is_whitespace) {
        let start = b - w.len();
        if let Some(k) = w.rfind(char::is_whitespace).filter(|&k| start + k >= fig.1) {
            w = &w[..k];
        }
    }
    w.trim()
}

/// At most one figure is listed per this many bytes of article text (and at least
/// [`MIN_LISTED_FIGURES`]): the densest article of the benchmark has one per 52 bytes; a paste
/// denser than this is a table or a dump of numbers, whose figure list would otherwise take
/// ~10 times the paste's size in memory and far more as JSON.
pub const BYTES_PER_LISTED_FIGURE: usize = 32;

/// How many distinct units and dates [`extract`] keeps to share with the figures that repeat
/// them.
const RECENT_UNITS: usize = 16;

/// Figures listed whatever the text's length (see [`BYTES_PER_LISTED_FIGURE`]).
pub const MIN_LISTED_FIGURES: usize = 64;

/// The figures of some article text: the list and how many were found in all.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    /// The first figures in text order, at most [`Figures::limit`] of the text's length.
    pub list: Vec<Figure>,
    /// How many figures the text holds (more than `list.len()` when the list was cut).
    pub found: usize,
}

impl Figures {
    /// How many figures are listed for `bytes` of article text: one per
    /// [`BYTES_PER_LISTED_FIGURE`], at least [`MIN_LISTED_FIGURES`].
    pub fn limit(bytes: usize) -> usize {
        (bytes / BYTES_PER_LISTED_FIGURE).max(MIN_LISTED_FIGURES)
    }
}

/// The note saying that a figure list was cut, when `listed` is less than `found`.
#[inline(never)]
pub fn cut_note(listed: usize, found: usize) -> Option<String> {
    (listed < found).then(|| {
        format!(
            "figures: the first {listed} of {found} listed (at most one per \
             {BYTES_PER_LISTED_FIGURE} bytes of article text)"
        )
    })
}

/// Finds the figures of article lines given as `(line number, text)`, in text order: all are
/// counted, the first [`Figures::limit`] of the lines' length are listed.
/// `sentences` are the lines' sentence spans ([`crate::sentences::LineSentences`] of the same
/// texts).
pub fn extract(
    lines: &[(usize, &str)],
    sentences: &crate::sentences::LineSentences,
    ctx: &DateContext,
) -> Figures {
    let limit = Figures::limit(lines.iter().map(|l| l.1.len()).sum());
    let mut out = Figures::default();
    // Units and dates repeat: the last few distinct ones are kept and shared by the figures
    // that repeat them (a short list: no hash table in the wasm module for this).
    let mut recent: Vec<SharedText> = Vec::new();
    for (li, &(line, text)) in lines.iter().enumerate() {
        let sentences = sentences.of(li);
        // The sentence last shared (its span and buffer): figures come in text order, so the
        // figures of one sentence share one copy of it.
        let mut shared: Option<((usize, usize), Arc<String>)> = None;
        // The figure `a..b`'s sentence (or the window of it a figure shows) and text, both
        // sharing the sentence's buffer.
        let mut sentence_of = |a: usize, b: usize| -> (SharedText, SharedText) {
            let own = || SharedText::from(text.get(a..b).unwrap_or(""));
            let Some((s, e)) = crate::sentences::containing(sentences, a) else {
                return (SharedText::default(), own());
            };
            let w = sentence_window(text, (s, e), (a, b));
            let buf = match &shared {
                Some((span, buf)) if *span == (s, e) => buf,
                _ => {
                    &shared
                        .insert(((s, e), Arc::new(text.get(s..e).unwrap_or("").to_string())))
                        .1
                }
            };
            // `w` is a substring of the sentence: its offset is the pointer difference.
            let off = (w.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
            let window = match off.checked_sub(s) {
                Some(k) => SharedText::range(buf, k, k + w.len()),
                None => SharedText::from(w),
            };
            let fig = match a.checked_sub(s) {
                Some(k) if b <= e => SharedText::range(buf, k, k + (b - a)),
                _ => own(),
            };
            (window, fig)
        };
        // A chunk at a time (a few sentences): the words and candidates of one chunk are what
        // is held, whatever the line's length. A chunk is read with a little of the text after
        // its cut, and keeps the figures that start before the cut: a figure across the cut
        // ("12 Jan | 2024") is read whole, and the next chunk starts after it.
        let (mut base, mut k) = (0, 0);
        while base < text.len() {
            let cut = chunk_end(text, sentences, &mut k, base);
            let read_to = lookahead_end(text, cut);
            let (mut found, dates_n) = read_chunk(&text[base..read_to], ctx);
            // Kept: the figures that start before the cut, a prefix of each of the two runs (the
            // dates `found[..dates_n]` and the other figures after them, each in text order).
            let before = |f: &Found| f.0 + base < cut;
            let dates_end = found[..dates_n].partition_point(before);
            let here = dates_n + found[dates_n..].partition_point(before);
            let kept = dates_end + here - dates_n;
            let mut next = cut;
            for run in [0..dates_end, dates_n..here] {
                for f in &found[run] {
                    next = next.max(f.1 + base);
                }
            }
            // `next >= cut > base`: every chunk moves on.
            let chunk_base = base;
            base = next;
            out.found += kept;
            if out.list.len() >= limit {
                continue;
            }
            // The two runs do not overlap: merged, they are the figures in text order (what a
            // stable sort by start gives, without its buffer).
            let room = limit.saturating_sub(out.list.len()).min(kept);
            // Grown by doubling as usual but never past the limit: a list cut at the limit holds
            // no unused room.
            let want = out.list.len() + room;
            if want > out.list.capacity() {
                let to = (out.list.capacity() * 2).max(want).min(limit.max(want));
                out.list.reserve_exact(to - out.list.len());
            }
            let mut intern = |s: Option<String>| {
                s.map(|s| {
                    if let Some(t) = recent.iter().find(|t| t.as_str() == s) {
                        return t.clone();
                    }
                    if recent.len() == RECENT_UNITS {
                        recent.remove(0);
                    }
                    let t = SharedText::from(s);
                    recent.push(t.clone());
                    t
                })
            };
            let (mut d, mut n) = (0, dates_n);
            for _ in 0..room {
                let k = if d < dates_end && (n >= here || found[d].0 <= found[n].0) {
                    d += 1;
                    d - 1
                } else {
                    n += 1;
                    n - 1
                };
                let (a, b, kind, value, max, ref mut unit, ref mut iso) = found[k];
                let (unit, iso) = (unit.take(), iso.take());
                let (sentence, text) = sentence_of(a + chunk_base, b + chunk_base);
                out.list.push(Figure {
                    text,
                    kind,
                    value,
                    max,
                    unit: intern(unit),
                    date: intern(iso),
                    sentence,
                    line,
                });
            }
        }
    }
    out
}

/// Figures are read a chunk of a line at a time, of at most this many bytes where the text
/// allows: whole sentences (the longest sentence of the benchmark has 484 bytes), a longer
/// sentence cut between words. The words and candidates of one chunk are what the reader holds,
/// ~100 bytes each: read whole, a 10 KB line of figures needed 45 times its size.
pub const CHUNK_BYTES: usize = 512;

/// Where the chunk of `text` starting at `start` ends: at the last sentence end of `spans` (the
/// line's sentence spans, in order; `k` is the first not yet passed, kept between calls) within
/// [`CHUNK_BYTES`] of `start` that [`opens_sentence`], else at a whitespace within that
/// ([`quiet_space`]), else at the first whitespace after it, else at the end. Always after
/// `start` unless `text` is empty; on a char boundary.
fn chunk_end(text: &str, spans: &[(usize, usize)], k: &mut usize, start: usize) -> usize {
    let limit = start + CHUNK_BYTES;
    if text.len() <= limit {
        return text.len();
    }
    // The last sentence end in (start, limit].
    let mut cut = None;
    while let Some(&(_, e)) = spans.get(*k) {
        if e > limit {
            break;
        }
        if e > start && opens_sentence(&text[e..]) {
            cut = Some(e);
        }
        *k += 1;
    }
    let mut lim = limit;
    while !text.is_char_boundary(lim) {
        lim -= 1;
    }
    cut.or_else(|| quiet_space(text, start, lim))
        .filter(|&c| c > start)
        .or_else(|| next_space(text, lim))
        .unwrap_or(text.len())
}

/// How far past a chunk's cut its reader looks (to the next whitespace after this many
/// bytes): room for a figure that starts before the cut to end after it ("Friday, Dec. 6,
/// 2024, 10:30 a.m.").
const LOOKAHEAD_BYTES: usize = 64;

/// The end of the text read for a chunk cut at `cut`: [`LOOKAHEAD_BYTES`] further, then on to
/// the next whitespace (or the end).
fn lookahead_end(text: &str, cut: usize) -> usize {
    let mut end = (cut + LOOKAHEAD_BYTES).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    next_space(text, end).unwrap_or(text.len())
}

/// The first ASCII whitespace at or after `from` (a char boundary).
fn next_space(text: &str, from: usize) -> Option<usize> {
    let b = text.as_bytes().get(from..)?;
    b.iter().position(u8::is_ascii_whitespace).map(|i| from + i)
}

/// The last whitespace in `text[start..end]` with no ASCII digit in the 24 bytes before it (a
/// cut there is unlikely to part a figure from its unit), else the last whitespace there.
fn quiet_space(text: &str, start: usize, end: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut last = None;
    for i in (start + 1..end).rev() {
        if b[i].is_ascii_whitespace() {
            if !b[i.saturating_sub(24).max(start)..i]
                .iter()
                .any(u8::is_ascii_digit)
            {
                return Some(i);
            }
            last = last.or(Some(i));
        }
    }
    last
}

/// True if `rest` (the text after a sentence end) opens a sentence with a capitalized word
/// ("The", "Officials"): a chunk is cut only there, not after an abbreviation the sentence
/// splitter took for a sentence end ("Dec. 15", "10 a.m. EST").
fn opens_sentence(rest: &str) -> bool {
    let mut c = rest
        .trim_start()
        .trim_start_matches(['(', '"', '“', '‘'])
        .chars();
    c.next().is_some_and(char::is_uppercase) && c.next().is_some_and(char::is_lowercase)
}

/// The figures of one chunk of a line ([`chunk_end`], with its lookahead): its dates first
/// (`.1` of them), then its other figures, each in text order, with byte spans in `text`.
fn read_chunk(text: &str, ctx: &DateContext) -> (Vec<Found>, usize) {
    let mut found: Vec<Found> = Vec::new();
    // Dates first (a bare weekday is too vague to be a figure).
    let dates = if may_hold_date(text, ctx) {
        date::find_dates(text, ctx)
    } else {
        Vec::new()
    };
    for d in dates {
        let t = &text[d.start..d.end];
        if !t.chars().any(|c| c.is_ascii_digit())
            && !date::is_month_name(t.split_whitespace().next().unwrap_or(""))
            && d.has_weekday
        {
            continue;
        }
        if d.relative {
            continue;
        }
        found.push((
            d.start,
            d.end,
            FigureKind::Date,
            None,
            None,
            None,
            Some(d.date.iso()),
        ));
    }
    // Without a digit or a number word, the line holds no figure but its dates.
    let lower_ascii;
    let ws = if may_hold_number(text) {
        lower_ascii = text.to_ascii_lowercase();
        words(text, &lower_ascii)
    } else {
        Vec::new()
    };
    // Dates are sorted and so are the figures pushed below (left to right): an overlap test
    // is a binary search in the dates plus a look at the last figure (linear overall).
    let dates_n = found.len();
    let taken = |found: &[Found], a: usize, b: usize| {
        let (dates, nums) = found.split_at(dates_n);
        let k = dates.partition_point(|f| f.1 <= a);
        dates.get(k).is_some_and(|f| f.0 < b) || nums.last().is_some_and(|f| a < f.1 && f.0 < b)
    };
    let mut i = 0;
    while i < ws.len() {
        if taken(&found, ws[i].start, ws[i].end) {
            i += 1;
            continue;
        }
        // "an hour and a half", "half an hour", "a quarter of".
        if let Some(f) = fraction_phrase(&ws, i) {
            if !taken(&found, ws[i].start, ws[f.3 - 1].end) {
                found.push((
                    ws[i].start,
                    ws[f.3 - 1].end,
                    f.0,
                    Some(f.1),
                    None,
                    Some(f.2.to_string()),
                    None,
                ));
                i = f.3;
                continue;
            }
        }
        let Some(num) = number_at(&ws, i) else {
            i += 1;
            continue;
        };
        let mut start = ws[i].start;
        // Modifiers before.
        for m in MODIFIERS {
            let n = m.split(' ').count();
            if i >= n && !ws[i - n..i].iter().any(|w| w.stop) {
                // Words hold no space: word by word is the same as the joined phrase.
                let got = ws[i - n..i].iter().map(|w| &*w.lower);
                if got.eq(m.split(' ')) && !taken(&found, ws[i - n].start, ws[i].start) {
                    start = ws[i - n].start;
                    break;
                }
            }
        }
        let mut j = num.next;
        let mut max = None;
        // A range's kind comes from its end when its start has no suffix ("5 to 10%").
        let mut end_percent = false;
        // Ranges: "5 to 10", "5-10", "between 5 and 10".
        let between = i > 0 && ws[i - 1].lower == "between";
        if let Some(w) = ws.get(j) {
            let hyphen = text[ws[j - 1].end..w.start] == *"-";
            let joins =
                (w.lower == "to" || (between && w.lower == "and") || hyphen) && !ws[j - 1].stop;
            // The range's end: the word after the hyphen ("5-10"), else after "to" or "and".
            let at = if hyphen && w.lower != "to" { j } else { j + 1 };
            if let Some(n2) = ws
                .get(at)
                .filter(|_| joins)
                .and_then(|_| number_at(&ws, at))
                .filter(|n2| same_measure(&num, n2))
            {
                max = Some(n2.value);
                end_percent = n2.suffix.starts_with('%');
                j = n2.next;
            }
        }
        if between {
            start = ws[i - 1].start;
        }
        let suffix = match num.suffix {
            "" if end_percent && num.currency.is_none() => "%",
            s => s,
        };
        let (kind, unit, end, value) = if let Some(cur) = num.currency {
            (
                FigureKind::Money,
                Some(cur.to_string()),
                ws[j - 1].end,
                num.value,
            )
        } else if suffix.starts_with('%') {
            (
                FigureKind::Percent,
                Some("%".to_string()),
                ws[j - 1].end,
                num.value,
            )
        } else if is_ordinal_suffix(suffix) {
            (FigureKind::Ordinal, None, ws[i].end, num.value)
        } else if let Some((k, u, n)) = unit_after(&ws, j) {
            let mut end = ws[j + n - 1].end;
            let mut value = num.value;
            // "two and a half hours" is rare; "an hour and a half" is handled above;
            // "3 hours and a half" here.
            if k == FigureKind::Duration && is_and_a_half(&ws, j + n) {
                value += 0.5;
                end = ws[j + n + 2].end;
            }
            j += n;
            (k, Some(u.to_string()), end, value)
        } else if (1900.0..=2100.0).contains(&num.value)
            && num.value.fract() == 0.0
            && ws[i].s.len() == 4
            && max.is_none()
        {
            (FigureKind::Date, None, ws[i].end, num.value)
        } else if suffix.is_empty() || suffix == "s" {
            // A count: the noun after it ("3,000 people"), if any.
            let noun = ws.get(j).filter(|w| {
                !ws[j - 1].stop
                    && w.s.chars().all(|c| c.is_alphabetic())
                    && w.s.chars().next().is_some_and(char::is_lowercase)
                    && !crate::lexicon::is_stopword(&w.lower)
            });
            let spelled_only = !ws[i].s.starts_with(|c: char| c.is_ascii_digit());
            match noun {
                Some(n) => {
                    j += 1;
                    (
                        FigureKind::Count,
                        Some(n.lower.to_string()),
                        n.end,
                        num.value,
                    )
                }
                None if spelled_only || ws[i].s.len() < 2 => {
                    i = j.max(i + 1);
                    continue;
                }
                None => (FigureKind::Count, None, ws[j - 1].end, num.value),
            }
        } else {
            i = j.max(i + 1);
            continue;
        };
        // A sports score or code ("3-0", "6-4") without a unit is not a figure.
        if kind == FigureKind::Count && max.is_some() && unit.is_none() {
            i = j.max(i + 1);
            continue;
        }
        // "five-year-old", "one of": spelled "one" alone is not a figure.
        if value == 1.0 && ws[i].lower == "one" && kind == FigureKind::Count {
            i = j.max(i + 1);
            continue;
        }
        if end > start && !taken(&found, start, end) {
            found.push((start, end, kind, Some(value), max, unit, None));
        }
        i = j.max(i + 1);
    }
    (found, dates_n)
}

fn is_and_a_half(ws: &[W], j: usize) -> bool {
    ws.len() > j + 2 && ws[j].lower == "and" && ws[j + 1].lower == "a" && ws[j + 2].lower == "half"
}

/// "an hour and a half" (1.5 hour), "half an hour" (0.5 hour), "a quarter of" (25 %):
/// (kind, value, unit, next index).
fn fraction_phrase(ws: &[W], i: usize) -> Option<(FigureKind, f64, &'static str, usize)> {
    let w: &str = &ws[i].lower;
    if matches!(w, "a" | "an") && !ws[i].stop {
        if let Some((k, u, n)) = unit_after(ws, i + 1) {
            if k == FigureKind::Duration {
                let j = i + 1 + n;
                return Some(if is_and_a_half(ws, j) {
                    (k, 1.5, u, j + 3)
                } else {
                    (k, 1.0, u, j)
                });
            }
        }
    }
    if w == "half"
        && ws
            .get(i + 1)
            .is_some_and(|a| matches!(a.lower.as_ref(), "a" | "an"))
    {
        let (k, u, n) = unit_after(ws, i + 2)?;
        return (k == FigureKind::Duration).then_some((k, 0.5, u, i + 2 + n));
    }
    // "a quarter of", "two-thirds of", "half of": a share.
    let (count, fi) = match &ws[i].num {
        Some((v, Role::Unit)) => (*v, i + 1),
        _ if matches!(w, "a" | "one") => (1.0, i + 1),
        _ => (1.0, i),
    };
    let f = ws.get(fi)?;
    let Some((v, Role::Fraction)) = &f.num else {
        return None;
    };
    let of = ws.get(fi + 1).is_some_and(|o| o.lower == "of") && !f.stop;
    if !of || (fi == i && f.lower != "half") {
        return None;
    }
    let share = if f.lower.ends_with('s') {
        *v
    } else {
        count * v
    };
    Some((
        FigureKind::Percent,
        (share * 1000.0).round() / 10.0,
        "%",
        fi + 1,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(t: &str) -> Vec<Figure> {
        let s = crate::sentences::LineSentences::new([t]);
        extract(&[(1, t)], &s, &DateContext::default()).list
    }

    #[test]
    fn money_percent_ordinal_duration() {
        let f = figs("Trade surged to a record $240 billion in 2023, a more than 64% increase, during an hour and a half call on the 80th anniversary.");
        let texts: Vec<(&str, FigureKind)> = f.iter().map(|f| (f.text.as_str(), f.kind)).collect();
        assert_eq!(
            texts,
            [
                ("$240 billion", FigureKind::Money),
                ("2023", FigureKind::Date),
                ("more than 64%", FigureKind::Percent),
                ("an hour and a half", FigureKind::Duration),
                ("80th", FigureKind::Ordinal),
            ]
        );
        assert_eq!(f[0].value, Some(240_000_000_000.0));
        assert_eq!(f[0].unit.as_deref(), Some("USD"));
        assert_eq!(f[2].value, Some(64.0));
        assert_eq!(f[3].value, Some(1.5));
        assert_eq!(f[3].unit.as_deref(), Some("hour"));
        assert_eq!(f[4].value, Some(80.0));
        assert!(f[0].sentence.starts_with("Trade surged"));
    }

    #[test]
    fn counts_spelled_ranges_shares() {
        let f = figs("About 3,000 people and twenty-five officers came; between 5 and 10 percent left, a quarter of them within three days. It ended 3-0.");
        type Row<'a> = (&'a str, Option<f64>, Option<f64>, Option<&'a str>);
        let got: Vec<Row> = f
            .iter()
            .map(|f| (f.text.as_str(), f.value, f.max, f.unit.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("About 3,000 people", Some(3000.0), None, Some("people")),
                ("twenty-five officers", Some(25.0), None, Some("officers")),
                ("between 5 and 10 percent", Some(5.0), Some(10.0), Some("%")),
                ("a quarter", Some(25.0), None, Some("%")),
                ("three days", Some(3.0), None, Some("day")),
            ]
        );
    }

    #[test]
    fn chunk_ends_cover_the_line_in_order_and_stay_small() {
        let mut texts = vec![
            String::new(),
            "x".repeat(3 * CHUNK_BYTES),
            "$1.2 million 5% 12 Jan 2024, 13/01/2024 ".repeat(100),
            "The deal closed on Dec. 15. “It is done,” she said. ".repeat(60),
        ];
        texts.extend(crate::test_pages::bench_pages_as_one_line());
        for t in &texts {
            let s = crate::sentences::LineSentences::new([t.as_str()]);
            let (mut at, mut k) = (0, 0);
            while at < t.len() {
                let end = chunk_end(t, s.of(0), &mut k, at);
                assert!(end > at && t.is_char_boundary(end));
                let c = &t[at..end];
                assert!(c.len() <= CHUNK_BYTES || !c.trim().contains(' '), "{c:?}");
                at = end;
            }
            assert_eq!(at, t.len());
        }
    }

    #[test]
    fn reading_in_chunks_finds_what_reading_whole_finds() {
        let mut texts = vec![
            "$1.2 million 5% 12 Jan 2024, 13/01/2024 ".repeat(40),
            "Prices rose 5 to 10% on Friday, Dec. 6, 2024, at 10:30 a.m. to $3.5 billion. "
                .repeat(30),
            "Él pagó 300 € — 2.5% más — el 3 de enero de 2024; 東京 12 people ".repeat(40),
        ];
        texts.extend(crate::test_pages::bench_pages_as_one_line());
        let ctx = DateContext::default();
        for t in &texts {
            let got = extract(
                &[(1, t)],
                &crate::sentences::LineSentences::new([t.as_str()]),
                &ctx,
            );
            let (mut whole, _) = read_chunk(t, &ctx);
            let head: String = t.chars().take(80).collect();
            assert_eq!(got.found, whole.len(), "{head}");
            // Dates then the other figures, each run in text order: a stable sort by start merges
            // them as `extract` does (a date first on a tie).
            whole.sort_by_key(|f| f.0);
            for (g, w) in got.list.iter().zip(&whole) {
                assert_eq!((g.text.as_str(), g.kind, g.value), (&t[w.0..w.1], w.2, w.3));
            }
        }
    }

    #[test]
    fn a_long_line_gives_every_figure_of_its_sentences() {
        // Over CHUNK_BYTES, read in chunks; "Dec." is not cut from its day.
        let sentence =
            "Prices at the pump rose 5% on Dec. 15, 2025, to $3 a gallon, the agency said.";
        let line = format!("{sentence} ").repeat(20);
        let f = figs(&line);
        let texts: Vec<&str> = f.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts, ["5%", "Dec. 15, 2025", "$3"].repeat(20));
        assert!(f.iter().all(|f| f.sentence.as_str() == sentence));
    }

    #[test]
    fn a_range_joins_numbers_of_one_measure_only() {
        let f = figs("Sales rose 5% to $1.2 million; costs fell 5 to 10%, fees $5 to 10 million, prices $5-$10 and 3% to 4%.");
        type Row<'a> = (&'a str, FigureKind, Option<f64>, Option<f64>);
        let got: Vec<Row> = f
            .iter()
            .map(|f| (f.text.as_str(), f.kind, f.value, f.max))
            .collect();
        assert_eq!(
            got,
            [
                ("5%", FigureKind::Percent, Some(5.0), None),
                ("$1.2 million", FigureKind::Money, Some(1.2e6), None),
                ("5 to 10%", FigureKind::Percent, Some(5.0), Some(10.0)),
                ("$5 to 10 million", FigureKind::Money, Some(5.0), Some(1e7)),
                ("$5-$10", FigureKind::Money, Some(5.0), Some(10.0)),
                ("3% to 4%", FigureKind::Percent, Some(3.0), Some(4.0)),
            ]
        );
    }

    #[test]
    fn dates_from_the_date_parser() {
        let f = figs("The call took place on January 21, 2025 in Moscow.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].kind, FigureKind::Date);
        assert_eq!(f[0].date.as_deref(), Some("2025-01-21"));
    }

    #[test]
    fn lines_without_digits_or_months_hold_no_date_figure() {
        let today = DateContext {
            reference: crate::meta::date::Ymd::new(2026, 12, 5),
            ..DateContext::default()
        };
        for line in [
            "She left on Tuesday.",
            "It happened yesterday, officials said last week.",
            "Sales rose in MARCH and fell in early August.",
            "Prices rose in 2024.",
            "Il est parti en août.",
        ] {
            let s = crate::sentences::LineSentences::new([line]);
            let by_parser = extract(&[(1, line)], &s, &today)
                .list
                .iter()
                .any(|f| f.kind == FigureKind::Date);
            assert!(!by_parser || may_hold_date(line, &today), "{line}");
        }
        assert!(may_hold_date("in early August", &today));
        assert!(may_hold_date("en août", &today));
        assert!(!may_hold_date("on Tuesday, yesterday", &today));
        assert!(!may_hold_date("in early August", &DateContext::default()));
    }

    #[test]
    fn lines_skipped_hold_no_number_figure() {
        for line in [
            "It took an hour and a half, then half an hour.",
            "A quarter of them, two-thirds of voters and a dozen people came.",
            "Twenty-five officers and a hundred guards waited for three days.",
            "They waited a week.",
            "The talks ended without a deal, officials said.",
        ] {
            let found = figs(line).iter().any(|f| f.kind != FigureKind::Date);
            assert!(!found || may_hold_number(line), "{line}");
        }
        assert!(may_hold_number("They waited a WEEK."));
        assert!(may_hold_number("Up 5%"));
        assert!(!may_hold_number(
            "The talks ended without a deal, officials said."
        ));
        assert!(!may_hold_number("I'm in the mmm bn."));
    }

    #[test]
    fn odd_input_does_not_panic() {
        for t in [
            "",
            "$",
            "%",
            "1,,,",
            "-",
            "a",
            "an hour and",
            "between 5 and",
            "€5m-",
            "1.2.3.4",
            "9".repeat(400).as_str(),
            "a-a-a-a",
            "half an",
            "½ ¾",
        ] {
            let _ = figs(t);
        }
    }
}
