//! Dates as news pages write them, in English, German, French, Spanish, Italian, Portuguese,
//! Dutch, Russian (and Indonesian month names): ISO 8601, numeric day/month/year in either order,
//! month names (full or abbreviated, with or without a year), weekday prefixes, ordinals
//! ("21st", "1er"), times with zones or offsets, JavaScript `Date.toString()`, RFC 2822,
//! CJK "2018年8月16日", and relative dates ("3 hours ago", "yesterday", "vor 2 Tagen").
//!
//! Two entry points, both pure and panic-free on any input:
//! - [`find_dates`] locates every date inside a text (a sentence, a line), with byte spans;
//! - [`parse_date`] returns the first one.
//!
//! Names live in `data/dates/*.tsv` (months, weekdays, relative words, zones). A date is only
//! returned when it exists in the calendar (no 31 February, no "Mar 45"). A date written without a
//! year takes [`DateContext::year_hint`], else the reference date's year, and says so
//! (`year_inferred`); relative dates need [`DateContext::reference`].

use super::initials::Initials;
use crate::fasthash::FastMap;
use crate::num::parse_int;
use std::borrow::Cow;
use std::sync::OnceLock;

const MONTHS_TSV: &str = data_file!("dates/months.tsv");
const WEEKDAYS_TSV: &str = data_file!("dates/weekdays.tsv");
const RELATIVE_TSV: &str = data_file!("dates/relative.tsv");
const ZONES_TSV: &str = data_file!("dates/zones.tsv");

/// The earliest and latest years a four-digit number may be read as.
const YEAR_RANGE: std::ops::RangeInclusive<i32> = 1900..=2100;

/// A calendar date that exists (validated on construction).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    /// Year, e.g. 2025.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month, 1–31.
    pub day: u32,
}

/// Number of days in `month` of `year` (0 for a month outside 1–12).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl Ymd {
    /// The date, if it exists in the (proleptic Gregorian) calendar.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Ymd> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(Ymd { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD` (as [`Options::reference_date`](crate::Options) is written).
    pub fn parse_iso(s: &str) -> Option<Ymd> {
        let s = s.trim();
        let mut it = s.splitn(3, '-');
        let (y, m, d) = (it.next()?, it.next()?, it.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Ymd::new(parse_int(y)?, parse_int(m)?, parse_int(d)?)
    }

    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (None outside years ±1,000,000).
    pub fn from_days(days: i64) -> Option<Ymd> {
        if days.abs() > 365_000_000 {
            return None;
        }
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i64::from(m <= 2);
        Ymd::new(i32::try_from(y).ok()?, m, d)
    }

    /// The ISO weekday: 1 = Monday … 7 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        (self.to_days() + 3).rem_euclid(7) as u32 + 1
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Option<Ymd> {
        Ymd::from_days(self.to_days().checked_add(n)?)
    }
}

/// What the caller knows that a date written in the text may need.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateContext {
    /// Today (for "3 hours ago", "yesterday", and as the last resort for a missing year).
    pub reference: Option<Ymd>,
    /// The year to give a date written without one (e.g. the year of the nearest full date).
    pub year_hint: Option<i32>,
    /// How to read an ambiguous numeric date like 03/04/2019: `Some(true)` day first,
    /// `Some(false)` month first, `None` month first with `/` and day first with `.` or `-`.
    pub day_first: Option<bool>,
}

/// A date found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedDate {
    /// The calendar date, as written (the page's local date, not converted to UTC).
    pub date: Ymd,
    /// Hour and minute (24-hour clock), when a time is written next to the date.
    pub time: Option<(u32, u32)>,
    /// The time's offset from UTC in minutes, when a zone or offset is written.
    pub utc_offset_minutes: Option<i32>,
    /// The year was not written: it came from the context.
    pub year_inferred: bool,
    /// The date was written relative to today ("2 days ago") and resolved against the reference.
    pub relative: bool,
    /// A weekday name is part of the match.
    pub has_weekday: bool,
    /// Byte offset where the match starts in the text (a char boundary).
    pub start: usize,
    /// Byte offset just past the match (a char boundary).
    pub end: usize,
}

impl ParsedDate {
    /// `HH:MM`, if a time was found.
    pub fn time_string(&self) -> Option<String> {
        self.time.map(|(h, m)| format!("{h:02}:{m:02}"))
    }

    /// `+HH:MM` / `-HH:MM`, if an offset was found.
    pub fn offset_string(&self) -> Option<String> {
        self.utc_offset_minutes.map(format_offset)
    }
}

fn format_offset(min: i32) -> String {
    let sign = if min < 0 { '-' } else { '+' };
    let a = min.unsigned_abs();
    format!("{sign}{:02}:{:02}", a / 60, a % 60)
}

// ---------------------------------------------------------------------------------------------
// Lexicons

/// A month name and how freely it may be read as a month.
#[derive(Debug, Clone, Copy)]
struct MonthName {
    month: u32,
    /// 0 = always a month, 1 = also a word (needs a year or a capital), 2 = needs a year.
    caution: u8,
}

/// The year marks of CJK dates (`2018年8月16日`, `2018년 8월 16일`): year, month, day.
const CJK_MARKS: [(&str, &str, &str); 2] = [("年", "月", "日"), ("년", "월", "일")];

struct Lexicon {
    months: FastMap<String, MonthName>,
    /// The words of a token a date with a number may be matched on ([`Lexicon::date_word`]).
    date_words: Initials,
    /// The words of a token a relative date may be matched on ([`Lexicon::relative_word`]).
    relative_words: Initials,
    weekdays: FastMap<String, u32>,
    units: FastMap<String, i64>,
    after: Vec<String>,
    before: Vec<Vec<String>>,
    day_words: FastMap<String, i64>,
    zones: FastMap<String, i32>,
}

fn rows(src: &str) -> impl Iterator<Item = (&str, &str, &str)> {
    src.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut p = l.splitn(3, '\t');
            Some((p.next()?, p.next()?, p.next()?))
        })
}

fn parse_offset_text(s: &str) -> Option<i32> {
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let (h, m) = rest.split_once(':')?;
    Some(sign * (parse_int::<i32>(h)? * 60 + parse_int::<i32>(m)?))
}

impl Lexicon {
    /// If the lowercase `lw` of a word token is a word a date with a number may be matched on
    /// (a month name, a CJK year mark), its caution ([`MonthName::caution`]; 2 for a CJK mark:
    /// that date holds a year).
    fn date_word(&self, lw: &str) -> Option<u8> {
        if CJK_MARKS.iter().any(|m| m.0 == lw) {
            return Some(2);
        }
        self.months.get(lw).map(|m| m.caution)
    }

    /// True if the lowercase `lw` of a word token is a word a relative date may be matched on:
    /// a unit, a day word, the first word of a phrase before an amount.
    fn relative_word(&self, lw: &str) -> bool {
        self.units.contains_key(lw)
            || self.day_words.contains_key(lw)
            || self
                .before
                .iter()
                .any(|seq| seq.first().is_some_and(|f| f == lw))
    }
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut lex = Lexicon {
            months: FastMap::default(),
            date_words: Initials::EMPTY,
            relative_words: Initials::EMPTY,
            weekdays: FastMap::default(),
            units: FastMap::default(),
            after: Vec::new(),
            before: Vec::new(),
            day_words: FastMap::default(),
            zones: FastMap::default(),
        };
        for (_, n, names) in rows(MONTHS_TSV) {
            let Some(month) = parse_int::<u32>(n) else {
                continue;
            };
            for name in names.split(',') {
                let (word, caution) = if let Some(w) = name.strip_suffix('?') {
                    (w, 1)
                } else if let Some(w) = name.strip_suffix('!') {
                    (w, 2)
                } else {
                    (name, 0)
                };
                let e = lex
                    .months
                    .entry(word.trim().to_string())
                    .or_insert(MonthName { month, caution });
                e.caution = e.caution.max(caution);
            }
        }
        for (_, n, names) in rows(WEEKDAYS_TSV) {
            let Some(day) = parse_int::<u32>(n) else {
                continue;
            };
            for name in names.split(',') {
                lex.weekdays.insert(name.trim().to_string(), day);
            }
        }
        for (role, value, words) in rows(RELATIVE_TSV) {
            for w in words.split(',').map(str::trim) {
                match role {
                    "unit" => {
                        if let Some(v) = parse_int(value) {
                            lex.units.insert(w.to_string(), v);
                        }
                    }
                    "after" => lex.after.push(w.to_string()),
                    "before" => lex.before.push(
                        tokenize(w)
                            .into_iter()
                            .map(|t| t.lower.into_owned())
                            .collect(),
                    ),
                    "day" => {
                        if let Some(v) = parse_int(value) {
                            // Words with an apostrophe are matched by their first part.
                            let first =
                                tokenize(w).into_iter().next().map(|t| t.lower.into_owned());
                            if let Some(f) = first {
                                lex.day_words.insert(f, v);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        for (abbr, off, _) in rows(&format!("{ZONES_TSV}\n").replace('\n', "\t-\n")) {
            if let Some(m) = parse_offset_text(off.trim()) {
                lex.zones.insert(abbr.trim().to_string(), m);
            }
        }
        for w in lex.months.keys() {
            lex.date_words.add(w);
        }
        for m in CJK_MARKS {
            lex.date_words.add(m.0);
        }
        for w in lex.units.keys().chain(lex.day_words.keys()) {
            lex.relative_words.add(w);
        }
        for seq in &lex.before {
            lex.relative_words
                .add(seq.first().map_or("", String::as_str));
        }
        lex
    })
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokKind {
    Num,
    Word,
    Punct,
}

#[derive(Debug, Clone)]
struct Tok<'a> {
    kind: TokKind,
    /// Lowercased text (words), digits (numbers) or the character (punctuation); borrowed from
    /// the text unless lowercasing changed it.
    lower: Cow<'a, str>,
    /// Numeric value (numbers; saturates at u32::MAX).
    value: u32,
    /// The first character is upper-case (words).
    capital: bool,
    start: usize,
    end: usize,
    /// Whitespace separates this token from the previous one.
    space_before: bool,
}

impl Tok<'_> {
    fn is_punct(&self, chars: &str) -> bool {
        self.kind == TokKind::Punct && self.lower.chars().next().is_some_and(|c| chars.contains(c))
    }
    fn is_word(&self, w: &str) -> bool {
        self.kind == TokKind::Word && self.lower == w
    }
    fn digits(&self) -> usize {
        if self.kind == TokKind::Num {
            self.lower.len()
        } else {
            0
        }
    }
}

fn num_tok(digits: &str, start: usize, space_before: bool) -> Tok<'_> {
    Tok {
        kind: TokKind::Num,
        lower: Cow::Borrowed(digits),
        value: if digits.len() > 9 {
            u32::MAX
        } else {
            parse_int(digits).unwrap_or(u32::MAX)
        },
        capital: false,
        start,
        end: start + digits.len(),
        space_before,
    }
}

/// `w` lowercased with `’` read as `'`: borrowed when that changes nothing (plain lowercase
/// ASCII, most words), so tokenizing allocates only for capitalized or non-ASCII words.
fn lowercase_word(w: &str) -> Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(w)
    } else if w.is_ascii() {
        Cow::Owned(w.to_ascii_lowercase())
    } else {
        Cow::Owned(w.to_lowercase().replace('’', "'"))
    }
}

/// Pushes the number token(s) of the digit run `text[i..end]` (a year glued to a time,
/// "20195:45 AM", makes two).
fn push_digits<'a>(toks: &mut Vec<Tok<'a>>, text: &'a str, i: usize, end: usize, space: bool) {
    let digits = &text[i..end];
    // "20195:45 AM": a year glued to a time.
    let glued = (5..=6).contains(&digits.len())
        && text[end..].starts_with(':')
        && parse_int::<i32>(&digits[..4]).is_some_and(|y| YEAR_RANGE.contains(&y));
    if glued {
        toks.push(num_tok(&digits[..4], i, space));
        // Read the time as if a space separated it from the year.
        toks.push(num_tok(&digits[4..], i + 4, true));
    } else {
        toks.push(num_tok(digits, i, space));
    }
}

/// The character at byte `i` of `text` (a char boundary) and its length in bytes.
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// The end of the word token whose first character ends at byte `i` of `text` (letters, and
/// `'`/`’` between letters), and whether the rest of it is ASCII. ASCII letters are read as
/// bytes.
fn word_end(text: &str, mut i: usize) -> (usize, bool) {
    let b = text.as_bytes();
    let mut ascii = true;
    loop {
        if b.get(i).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        let Some((d, dl)) = char_at(text, i) else {
            break;
        };
        let apostrophe_inside = (d == '\'' || d == '’')
            && char_at(text, i + dl).is_some_and(|(n, _)| super::page::is_alphabetic(n));
        if (super::page::is_alphabetic(d) && !d.is_ascii_digit()) || apostrophe_inside {
            ascii &= d.is_ascii();
            i += dl;
        } else {
            break;
        }
    }
    (i, ascii)
}

/// [`tokenize`], reading ASCII bytes without decoding: `lower` is `text` with its ASCII letters
/// lowercased (same bytes otherwise, so the same offsets), and ASCII words borrow their
/// lowercase from it (no allocation); other words are lowercased as [`tokenize`] does.
fn tokenize_lowered<'a>(text: &'a str, lower: &'a str) -> Vec<Tok<'a>> {
    let b = text.as_bytes();
    let mut toks = Vec::new();
    let mut space = false;
    let mut i = 0;
    while let Some((c, len)) = char_at(text, i) {
        let start = i;
        i += len;
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if c.is_ascii_digit() {
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            push_digits(&mut toks, text, start, i, space);
        } else if super::page::is_alphabetic(c) {
            let (end, rest_ascii) = word_end(text, i);
            let ascii = c.is_ascii() && rest_ascii;
            i = end;
            let w = &text[start..i];
            let lower = match ascii {
                true => Cow::Borrowed(lower.get(start..i).unwrap_or("")),
                false => lowercase_word(w),
            };
            toks.push(Tok {
                kind: TokKind::Word,
                lower,
                value: 0,
                capital: c.is_uppercase(),
                start,
                end: i,
                space_before: space,
            });
        } else {
            toks.push(Tok {
                kind: TokKind::Punct,
                lower: Cow::Borrowed(&text[start..i]),
                value: 0,
                capital: false,
                start,
                end: i,
                space_before: space,
            });
        }
        space = false;
    }
    toks
}

/// Calls `f` with the tokens of `text` (what [`tokenize`] returns, made by
/// [`tokenize_lowered`]).
fn with_tokens<T>(text: &str, f: impl FnOnce(&[Tok<'_>]) -> T) -> T {
    let mut lower = text.to_string();
    lower.make_ascii_lowercase();
    f(&tokenize_lowered(text, &lower))
}

/// Splits `text` into number, word and punctuation tokens (whitespace separates, not kept).
fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::new();
    let mut space = false;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some(&(j, d)) = it.peek() {
                if d.is_ascii_digit() {
                    end = j + 1;
                    it.next();
                } else {
                    break;
                }
            }
            push_digits(&mut toks, text, i, end, space);
        } else if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                let apostrophe_inside = (d == '\'' || d == '’')
                    && text[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic);
                if (d.is_alphabetic() && !d.is_ascii_digit()) || apostrophe_inside {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            let w = &text[i..end];
            toks.push(Tok {
                kind: TokKind::Word,
                lower: lowercase_word(w),
                value: 0,
                capital: c.is_uppercase(),
                start: i,
                end,
                space_before: space,
            });
        } else {
            toks.push(Tok {
                kind: TokKind::Punct,
                lower: Cow::Borrowed(&text[i..i + c.len_utf8()]),
                value: 0,
                capital: false,
                start: i,
                end: i + c.len_utf8(),
                space_before: space,
            });
        }
        space = false;
    }
    toks
}

// ---------------------------------------------------------------------------------------------
// Matching

/// A date matched on tokens `[start, end)`, before year inference and time.
#[derive(Debug, Clone, Copy)]
struct Raw {
    year: Option<i32>,
    month: u32,
    day: u32,
    start: usize,
    end: usize,
    weekday: bool,
    /// A time belongs to the match already (ISO).
    time: Option<(u32, u32)>,
    offset: Option<i32>,
    relative: bool,
}

struct Matcher<'a> {
    t: &'a [Tok<'a>],
    lex: &'static Lexicon,
    ctx: &'a DateContext,
}

fn four_digit_year(t: &Tok) -> Option<i32> {
    (t.digits() == 4)
        .then_some(t.value as i32)
        .filter(|y| YEAR_RANGE.contains(y))
}

const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th", "er", "e", "o", "º", "ª", "ème"];

impl<'a> Matcher<'a> {
    fn get(&self, i: usize) -> Option<&Tok<'a>> {
        self.t.get(i)
    }

    /// Index after optional tokens satisfying `pred` (at most `max`).
    fn skip(&self, mut i: usize, max: usize, pred: impl Fn(&Tok) -> bool) -> usize {
        let mut n = 0;
        while n < max && self.get(i).is_some_and(&pred) {
            i += 1;
            n += 1;
        }
        i
    }

    fn month_at(&self, i: usize) -> Option<(MonthName, bool)> {
        let t = self.get(i)?;
        if t.kind != TokKind::Word {
            return None;
        }
        self.lex.months.get(&*t.lower).map(|m| (*m, t.capital))
    }

    /// A day number (1–31, one or two digits) at `i`, with an optional ordinal suffix; returns
    /// the day and the index after it.
    fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.get(i)?;
        if t.kind != TokKind::Num || t.digits() > 2 || !(1..=31).contains(&t.value) {
            return None;
        }
        let mut j = i + 1;
        if let Some(s) = self.get(j) {
            if s.kind == TokKind::Word && !s.space_before && ORDINAL_SUFFIXES.contains(&&*s.lower) {
                j += 1;
            }
        }
        Some((t.value, j))
    }

    /// True if the token at `i` continues a number (e.g. `:` of a time, `.5`), so a day or year
    /// ending just before it is not really one.
    fn glued_number_follows(&self, i: usize) -> bool {
        match (self.get(i), self.get(i + 1)) {
            (Some(p), Some(n)) => {
                !p.space_before
                    && p.is_punct(":/.-,")
                    && !n.space_before
                    && n.kind == TokKind::Num
                    && !(p.lower == "," && n.digits() == 4)
            }
            _ => false,
        }
    }

    fn preceded_by_number_glue(&self, i: usize) -> bool {
        i >= 2
            && !self.t[i].space_before
            && self.t[i - 1].is_punct("./-:")
            && !self.t[i - 1].space_before
            && self.t[i - 2].kind == TokKind::Num
    }

    fn year_after(&self, i: usize) -> Option<(i32, usize)> {
        let j = self.skip(i, 1, |t| {
            t.is_punct(",") || t.is_word("de") || t.is_word("del")
        });
        let y = four_digit_year(self.get(j)?)?;
        if self
            .get(j + 1)
            .is_some_and(|t| !t.space_before && t.kind == TokKind::Num)
        {
            return None;
        }
        let mut end = j + 1;
        // Russian "2019 г." / "2019 года".
        if self
            .get(end)
            .is_some_and(|t| t.is_word("г") || t.is_word("года"))
        {
            end += 1;
            if self
                .get(end)
                .is_some_and(|t| t.is_punct(".") && !t.space_before)
            {
                end += 1;
            }
        }
        Some((y, end))
    }

    /// `[Weekday[,.]] <core>` at `i`.
    fn date_at(&self, i: usize) -> Option<Raw> {
        let t = self.get(i)?;
        if t.kind == TokKind::Word && self.lex.weekdays.contains_key(&*t.lower) {
            let j = self.skip(i + 1, 2, |t| t.is_punct(",.") || t.is_word("feira"));
            let j = self.skip(j, 1, |t| t.is_word("the") || t.is_word("le"));
            let mut r = self.core_at(j)?;
            r.start = i;
            r.weekday = true;
            return Some(r);
        }
        self.core_at(i)
    }

    fn core_at(&self, i: usize) -> Option<Raw> {
        let t = self.get(i)?;
        match t.kind {
            TokKind::Num => self
                .iso_at(i)
                .or_else(|| self.cjk_at(i))
                .or_else(|| self.numeric_at(i))
                .or_else(|| self.day_month_at(i))
                .or_else(|| self.relative_at(i)),
            TokKind::Word => self.month_day_at(i).or_else(|| self.relative_at(i)),
            TokKind::Punct => None,
        }
    }

    fn raw(&self, year: Option<i32>, month: u32, day: u32, start: usize, end: usize) -> Raw {
        Raw {
            year,
            month,
            day,
            start,
            end,
            weekday: false,
            time: None,
            offset: None,
            relative: false,
        }
    }

    /// `2019-11-18[T20:51:19Z]`, `2019/11/18`, `2019.11.18`.
    fn iso_at(&self, i: usize) -> Option<Raw> {
        let y = four_digit_year(self.get(i)?)?;
        if self.preceded_by_number_glue(i) {
            return None;
        }
        let s1 = self.get(i + 1)?;
        let m = self.get(i + 2)?;
        let s2 = self.get(i + 3)?;
        let d = self.get(i + 4)?;
        let sep = &s1.lower;
        if !s1.is_punct("-/.")
            || s2.lower != *sep
            || [s1, m, s2, d].iter().any(|t| t.space_before)
            || m.kind != TokKind::Num
            || d.kind != TokKind::Num
            || m.digits() > 2
            || d.digits() > 2
            || self.glued_number_follows(i + 5) && self.get(i + 5).is_none_or(|t| t.lower != ":")
        {
            return None;
        }
        let mut r = self.raw(Some(y), m.value, d.value, i, i + 5);
        // ISO time: "T20:51:19Z", " 20:51:19+02:00".
        let k = i + 5;
        let tk = if self
            .get(k)
            .is_some_and(|t| t.is_word("t") && !t.space_before)
        {
            Some(k + 1)
        } else if self.get(k).is_some_and(|t| t.kind == TokKind::Num) {
            Some(k)
        } else {
            None
        };
        if let Some(tk) = tk {
            if let Some((hm, off, end)) = self.time_at(tk) {
                r.time = Some(hm);
                r.offset = off;
                r.end = end;
            }
        }
        Some(r)
    }

    /// `2018年8月16日`, `2018년 8월 16일`.
    fn cjk_at(&self, i: usize) -> Option<Raw> {
        let y = four_digit_year(self.get(i)?)?;
        for (a, b, c) in CJK_MARKS {
            if self.get(i + 1)?.is_word(a)
                && self.get(i + 2)?.kind == TokKind::Num
                && self.get(i + 3)?.is_word(b)
                && self.get(i + 4)?.kind == TokKind::Num
                && self.get(i + 5)?.is_word(c)
            {
                let (m, d) = (self.t[i + 2].value, self.t[i + 4].value);
                return Some(self.raw(Some(y), m, d, i, i + 6));
            }
        }
        None
    }

    /// `11/18/2019`, `18.11.2019`, `11/18/19`, `27-09-2018`.
    fn numeric_at(&self, i: usize) -> Option<Raw> {
        let a = self.get(i)?;
        let s1 = self.get(i + 1)?;
        let b = self.get(i + 2)?;
        let s2 = self.get(i + 3)?;
        let c = self.get(i + 4)?;
        if !s1.is_punct("/.-")
            || s2.lower != s1.lower
            || [s1, b, s2, c].iter().any(|t| t.space_before)
            || a.digits() > 2
            || b.kind != TokKind::Num
            || b.digits() > 2
            || c.kind != TokKind::Num
            || !(c.digits() == 2 || c.digits() == 4)
            || self.preceded_by_number_glue(i)
            || self.glued_number_follows(i + 5)
        {
            return None;
        }
        let year = if c.digits() == 4 {
            four_digit_year(c)?
        } else {
            let v = c.value as i32;
            if v < 70 {
                2000 + v
            } else {
                1900 + v
            }
        };
        let (x, y) = (a.value, b.value);
        let day_first = if x > 12 {
            true
        } else if y > 12 {
            false
        } else {
            self.ctx.day_first.unwrap_or(s1.lower != "/")
        };
        let (m, d) = if day_first { (y, x) } else { (x, y) };
        Some(self.raw(Some(year), m, d, i, i + 5))
    }

    /// `19 November 2019`, `20th November 2019`, `19. November`, `19 de noviembre de 2019`,
    /// `12 Mar 2025 23:04:37 GMT`, `19 ноября 2019 г.`.
    fn day_month_at(&self, i: usize) -> Option<Raw> {
        if self.preceded_by_number_glue(i) {
            return None;
        }
        let (day, j) = self.day_at(i)?;
        let j = self.skip(j, 1, |t| t.is_punct(".") && !t.space_before);
        let j = self.skip(j, 1, |t| {
            t.is_word("of") || t.is_word("de") || t.is_word("di") || t.is_word("van")
        });
        let (mn, capital) = self.month_at(j)?;
        let mut end = j + 1;
        if self
            .get(end)
            .is_some_and(|t| t.is_punct(".") && !t.space_before)
        {
            end += 1;
        }
        let year = self.year_after(end);
        if year.is_none() && !month_ok_without_year(mn, capital) {
            return None;
        }
        let (y, end) = match year {
            Some((y, e)) => (Some(y), e),
            None => (None, end),
        };
        Some(self.raw(y, mn.month, day, i, end))
    }

    /// `Nov 19, 2019`, `November 20th, 2019`, `Mar 13 2025`, `Nov. 18th 2019`, `Jan 22`.
    fn month_day_at(&self, i: usize) -> Option<Raw> {
        let (mn, capital) = self.month_at(i)?;
        let j = self.skip(i + 1, 1, |t| t.is_punct(".") && !t.space_before);
        let j = self.skip(j, 1, |t| t.is_punct(","));
        let (day, end) = self.day_at(j)?;
        if self
            .get(end)
            .is_some_and(|t| t.is_punct(":") && !t.space_before)
        {
            return None;
        }
        let year = self.year_after(end);
        if year.is_none() {
            if !month_ok_without_year(mn, capital)
                || self.glued_number_follows(end)
                || self
                    .get(end)
                    .is_some_and(|t| t.kind == TokKind::Num && !t.space_before)
            {
                return None;
            }
            // "March 3 15 people": a number right after a yearless date makes it doubtful.
            if self
                .get(end)
                .is_some_and(|t| t.kind == TokKind::Num && t.digits() != 1 && t.digits() != 2)
            {
                return None;
            }
        }
        let (y, end) = match year {
            Some((y, e)) => (Some(y), e),
            None => (None, end),
        };
        Some(self.raw(y, mn.month, day, i, end))
    }

    /// `3 hours ago`, `a day ago`, `vor 2 Tagen`, `hace 3 horas`, `il y a 2 jours`, `yesterday`.
    fn relative_at(&self, i: usize) -> Option<Raw> {
        let reference = self.ctx.reference?;
        let t = self.get(i)?;
        if t.kind == TokKind::Word {
            if let Some(&off) = self.lex.day_words.get(&*t.lower) {
                let d = reference.add_days(off)?;
                let mut end = i + 1;
                // "aujourd'hui" is one token; nothing more to skip.
                if self.get(end).is_some_and(|t| t.is_punct("'")) {
                    end += 1;
                }
                return Some(Raw {
                    relative: true,
                    ..self.raw(Some(d.year), d.month, d.day, i, end)
                });
            }
            for seq in &self.lex.before {
                if seq.is_empty() {
                    continue;
                }
                let fits = seq
                    .iter()
                    .enumerate()
                    .all(|(k, w)| self.get(i + k).is_some_and(|t| t.lower == *w));
                if fits {
                    let (n, unit, end) = self.amount_unit(i + seq.len())?;
                    return self.relative_raw(reference, n, unit, i, end);
                }
            }
            if t.is_word("a") || t.is_word("an") {
                let (n, unit, end) = self.amount_unit(i)?;
                let after = self.get(end)?;
                if after.kind == TokKind::Word && self.lex.after.iter().any(|a| **a == *after.lower)
                {
                    return self.relative_raw(reference, n, unit, i, end + 1);
                }
            }
            return None;
        }
        let (n, unit, end) = self.amount_unit(i)?;
        let after = self.get(end)?;
        if after.kind == TokKind::Word && self.lex.after.iter().any(|a| **a == *after.lower) {
            return self.relative_raw(reference, n, unit, i, end + 1);
        }
        None
    }

    /// `<n> <unit>` (or `a/an <unit>`) at `i`: amount, minutes per unit, index after.
    fn amount_unit(&self, i: usize) -> Option<(i64, i64, usize)> {
        let t = self.get(i)?;
        let n = if t.kind == TokKind::Num && t.digits() <= 4 {
            i64::from(t.value)
        } else if t.is_word("a") || t.is_word("an") {
            1
        } else {
            return None;
        };
        let u = self.get(i + 1)?;
        let unit = *self
            .lex
            .units
            .get(&*u.lower)
            .filter(|_| u.kind == TokKind::Word)?;
        Some((n, unit, i + 2))
    }

    fn relative_raw(
        &self,
        reference: Ymd,
        n: i64,
        unit_minutes: i64,
        start: usize,
        end: usize,
    ) -> Option<Raw> {
        // Without the time of day, minutes and hours ago are taken as today.
        let days = (n * unit_minutes) / 1440;
        let d = reference.add_days(-days)?;
        Some(Raw {
            relative: true,
            ..self.raw(Some(d.year), d.month, d.day, start, end)
        })
    }

    /// A time at `i`: `HH:MM[:SS[.fff]] [am|pm|a.m.] [zone|±HH:MM|GMT+0200]` or `14h30`.
    /// Returns (hour, minute), the UTC offset if written, and the index after.
    fn time_at(&self, i: usize) -> Option<((u32, u32), Option<i32>, usize)> {
        let h = self.get(i)?;
        if h.kind != TokKind::Num || h.digits() > 2 {
            return None;
        }
        let sep = self.get(i + 1)?;
        let m = self.get(i + 2)?;
        let sep_ok = sep.is_punct(":") || sep.is_word("h");
        if !sep_ok
            || sep.space_before
            || m.space_before
            || m.kind != TokKind::Num
            || m.digits() != 2
        {
            return None;
        }
        let (mut hour, minute) = (h.value, m.value);
        let mut j = i + 3;
        // seconds and fractions
        if self
            .get(j)
            .is_some_and(|t| t.is_punct(":") && !t.space_before)
            && self
                .get(j + 1)
                .is_some_and(|t| t.kind == TokKind::Num && t.digits() == 2 && !t.space_before)
        {
            j += 2;
            if self
                .get(j)
                .is_some_and(|t| t.is_punct(".,") && !t.space_before)
                && self
                    .get(j + 1)
                    .is_some_and(|t| t.kind == TokKind::Num && !t.space_before)
            {
                j += 2;
            }
        }
        // am / pm / a.m. / p.m.
        let mut ampm = None;
        if let Some(t) = self.get(j) {
            if t.is_word("am") || t.is_word("pm") {
                ampm = Some(t.lower == "pm");
                j += 1;
            } else if (t.is_word("a") || t.is_word("p"))
                && self.get(j + 1).is_some_and(|p| p.is_punct("."))
                && self.get(j + 2).is_some_and(|w| w.is_word("m"))
            {
                ampm = Some(t.lower == "p");
                j += 3;
                if self
                    .get(j)
                    .is_some_and(|p| p.is_punct(".") && !p.space_before)
                {
                    j += 1;
                }
            }
        }
        if let Some(pm) = ampm {
            if !(1..=12).contains(&hour) {
                return None;
            }
            hour = match (pm, hour) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            };
        }
        if hour > 23 || minute > 59 {
            return None;
        }
        let (offset, end) = self.zone_at(j);
        Some(((hour, minute), offset, end.unwrap_or(j)))
    }

    /// A zone at `i`: `GMT`, `EST`, `Z`, `GMT+0200`, `UTC+2`, `+02:00`, `-0500`.
    fn zone_at(&self, i: usize) -> (Option<i32>, Option<usize>) {
        let Some(t) = self.get(i) else {
            return (None, None);
        };
        let mut j = i;
        let mut base = None;
        if t.kind == TokKind::Word {
            if let Some(&z) = self.lex.zones.get(&*t.lower) {
                base = Some(z);
                j = i + 1;
            } else {
                return (None, None);
            }
        }
        if let Some((off, e)) = self.offset_at(j) {
            if base.is_none_or(|b| b == 0) {
                return (Some(off), Some(e));
            }
        }
        match base {
            Some(b) => (Some(b), Some(j)),
            None => (None, None),
        }
    }

    /// `+0200`, `+02:00`, `-05`, `+2` at `i` (a sign glued to digits).
    fn offset_at(&self, i: usize) -> Option<(i32, usize)> {
        let s = self.get(i)?;
        if !s.is_punct("+-−") {
            return None;
        }
        let sign = if s.lower == "+" { 1 } else { -1 };
        let n = self.get(i + 1)?;
        if n.kind != TokKind::Num || n.space_before {
            return None;
        }
        let (h, mut m, mut end) = match n.digits() {
            1 | 2 => (n.value as i32, 0, i + 2),
            4 => ((n.value / 100) as i32, (n.value % 100) as i32, i + 2),
            _ => return None,
        };
        if n.digits() <= 2
            && self
                .get(end)
                .is_some_and(|t| t.is_punct(":") && !t.space_before)
            && self
                .get(end + 1)
                .is_some_and(|t| t.kind == TokKind::Num && t.digits() == 2)
        {
            m = self.t[end + 1].value as i32;
            end += 2;
        }
        (h <= 14 && m < 60).then_some((sign * (h * 60 + m), end))
    }

    /// Filler tokens allowed between a date and its time.
    fn is_time_filler(t: &Tok) -> bool {
        t.is_punct(",-–—•|/@·;(")
            || [
                "at", "à", "a", "um", "om", "alle", "ore", "às", "as", "в", "kl", "klo",
            ]
            .iter()
            .any(|w| t.is_word(w))
    }

    /// Adds a time written just after (or just before) the date.
    fn attach_time(&self, r: &mut Raw) {
        if r.time.is_some() || r.relative {
            return;
        }
        let j = self.skip(r.end, 2, Self::is_time_filler);
        if let Some((hm, off, end)) = self.time_at(j) {
            r.time = Some(hm);
            r.offset = off;
            r.end = end;
            return;
        }
        // Time before: "10:48, Tue, Nov 19, 2019", "5:45 AM PST 11/19/2019".
        for s in r.start.saturating_sub(8)..r.start {
            if let Some((hm, off, end)) = self.time_at(s) {
                if end <= r.start && end + 2 >= r.start {
                    let between_ok = (end..r.start).all(|k| self.t[k].is_punct(",-–—•|/·"));
                    if between_ok {
                        r.time = Some(hm);
                        r.offset = off;
                        r.start = s;
                        return;
                    }
                }
            }
        }
    }

    fn all(&self) -> Vec<Raw> {
        let mut out: Vec<Raw> = Vec::new();
        let mut i = 0;
        // Every match holds an anchor within 8 tokens of its start (weekday, 2 separators,
        // "the", then a month and the day, or "il y a" and "<n> <unit>"): a number, or with a
        // reference date a unit or day word ("days", "yesterday"). Farther starts are not tried.
        let anchor = |k: usize| {
            let t = &self.t[k];
            t.kind == TokKind::Num
                || self.ctx.reference.is_some()
                    && t.kind == TokKind::Word
                    && (self.lex.units.contains_key(&*t.lower)
                        || self.lex.day_words.contains_key(&*t.lower))
        };
        let num_from = |i: usize| {
            (i..self.t.len())
                .find(|&k| anchor(k))
                .unwrap_or(self.t.len())
        };
        // The first anchor at or after `i`.
        let mut next_num = num_from(0);
        while i < self.t.len() {
            if next_num < i {
                next_num = num_from(i);
            }
            if next_num >= self.t.len() {
                break;
            }
            if next_num > i + 8 {
                i = next_num - 8;
                continue;
            }
            if let Some(mut r) = self.date_at(i) {
                self.attach_time(&mut r);
                let next = r.end.max(i + 1);
                if out.last().is_none_or(|p| r.start >= p.end) {
                    out.push(r);
                }
                i = next;
            } else {
                i += 1;
            }
        }
        out
    }
}

fn month_ok_without_year(mn: MonthName, capital: bool) -> bool {
    match mn.caution {
        0 => true,
        1 => capital,
        _ => false,
    }
}

/// Every date in `text`, in order, non-overlapping, each with its byte span. Dates that do not
/// exist, yearless dates with no year to infer, and relative dates without a reference are left
/// out. Never panics.
pub fn find_dates(text: &str, ctx: &DateContext) -> Vec<ParsedDate> {
    find_matches(text, ctx)
        .iter()
        .filter_map(|m| m.resolve(ctx))
        .collect()
}

/// The first date in `text` (see [`find_dates`]).
pub fn parse_date(text: &str, ctx: &DateContext) -> Option<ParsedDate> {
    find_dates(text, ctx).into_iter().next()
}

/// A date matched in a text before its year is settled: what [`find_dates`] finds, kept so that
/// one search serves several year hints ([`DateMatch::resolve`]).
#[derive(Debug, Clone, Copy)]
pub struct DateMatch {
    raw: Raw,
    /// Byte span in the text (None when the token span was empty: never resolves).
    span: Option<(usize, usize)>,
}

/// True if `b` holds four ASCII digits in a row (what a four-digit year token needs).
fn four_digits(b: &[u8]) -> bool {
    let mut run = 0;
    for &c in b {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        if run == 4 {
            return true;
        }
    }
    false
}

/// True if `text` holds an ASCII digit (the only characters [`tokenize`] makes numbers of).
fn has_ascii_digit(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
}

/// False only if [`Matcher::all`] finds no match in `text` under `ctx`, told from the bytes and
/// the word tokens of `text` without tokenizing it. Every match holds one of: an ISO or
/// numeric date's shape ([`numeric_shape`]); a number token and a word token of
/// [`Lexicon::date_word`] (a month name, a CJK year mark), with four digits in a row if the
/// word needs a year (caution 2, or 1 when not capitalized); with a reference date, a word
/// token of [`Lexicon::relative_word`] (a unit after an amount, a day word, the first word of
/// "il y a"). Only ASCII digits make
/// number tokens: most lines of a page have none.
fn may_hold_date(text: &str, ctx: &DateContext) -> bool {
    let b = text.as_bytes();
    let digit = has_ascii_digit(text);
    let relative = ctx.reference.is_some();
    if !digit && !relative {
        return false;
    }
    // ISO and numeric dates: digit, separator, one or two digits, the same separator, digit.
    if digit && numeric_shape(b) {
        return true;
    }
    let lex = lexicon();
    // The word tokens of `text`, cut as `tokenize_lowered` cuts them (ASCII letters read as
    // bytes).
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c.is_ascii() && !c.is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let Some((c, len)) = char_at(text, i) else {
            break;
        };
        let start = i;
        i += len;
        if !super::page::is_alphabetic(c) {
            continue;
        }
        let (end, rest_ascii) = word_end(text, i);
        let ascii = c.is_ascii() && rest_ascii;
        i = end;
        let w = text.get(start..i).unwrap_or("");
        let dated = digit && lex.date_words.may_hold(w, ascii);
        if !(dated || relative && lex.relative_words.may_hold(w, ascii)) {
            continue;
        }
        // (As the token holds it: allocated only for a word with a capital or non-ASCII.)
        let lw = lowercase_word(w);
        // A month name that needs a year needs four digits in a row.
        let year_ok =
            |caution: u8| caution == 0 || caution == 1 && c.is_uppercase() || four_digits(b);
        if dated && lex.date_word(&lw).is_some_and(year_ok) || relative && lex.relative_word(&lw) {
            return true;
        }
    }
    false
}

/// Every date match of `text` under `ctx`. The matches depend on `ctx.reference` and
/// `ctx.day_first` only (not on `year_hint`), so [`DateMatch::resolve`] may be called with any
/// context sharing those two.
pub fn find_matches(text: &str, ctx: &DateContext) -> Vec<DateMatch> {
    // Most lines hold nothing a date could be matched on: they are not tokenized.
    if !may_hold_date(text, ctx) {
        return Vec::new();
    }
    with_tokens(text, |toks| {
        let m = Matcher {
            t: toks,
            lex: lexicon(),
            ctx,
        };
        m.all()
            .into_iter()
            .map(|raw| {
                let span = (|| {
                    let start = toks.get(raw.start)?.start;
                    let end = toks.get(raw.end.checked_sub(1)?)?.end;
                    Some((start, end))
                })();
                DateMatch { raw, span }
            })
            .collect()
    })
}

impl DateMatch {
    /// The date, with its year from the match or else from `ctx` (see [`find_dates`]).
    pub fn resolve(&self, ctx: &DateContext) -> Option<ParsedDate> {
        resolve(&self.raw, self.span?, ctx)
    }
}

fn resolve(r: &Raw, (start, end): (usize, usize), ctx: &DateContext) -> Option<ParsedDate> {
    let (year, inferred) = match r.year {
        Some(y) => (y, false),
        None => match (ctx.year_hint, ctx.reference) {
            (Some(y), _) => (y, true),
            (None, Some(refd)) => {
                // A yearless date after today is from last year.
                let y = if (r.month, r.day) > (refd.month, refd.day) {
                    refd.year - 1
                } else {
                    refd.year
                };
                (y, true)
            }
            (None, None) => return None,
        },
    };
    let date = Ymd::new(year, r.month, r.day)?;
    Some(ParsedDate {
        date,
        time: r.time,
        utc_offset_minutes: r.offset,
        year_inferred: inferred,
        relative: r.relative,
        has_weekday: r.weekday,
        start,
        end,
    })
}

/// True if `b` holds the bytes a numeric date needs ([`Matcher::numeric_at`]): a digit, a
/// separator (`/`, `.`, `-`), one or two digits, the same separator, a digit. Most lines have
/// none (decimals such as "3.5" have one separator only).
fn numeric_shape(b: &[u8]) -> bool {
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    (1..b.len()).any(|p| {
        let sep = b[p];
        if !matches!(sep, b'/' | b'.' | b'-') || !digit(p - 1) || !digit(p + 1) {
            return false;
        }
        let q = if digit(p + 2) { p + 3 } else { p + 2 };
        b.get(q) == Some(&sep) && digit(q + 1)
    })
}

/// Evidence for the order of numeric dates in `text`: (dates that must be day-first like
/// 27/09/2018, dates that must be month-first like 11/19/2019). Pages are consistent, so the
/// majority decides how to read the ambiguous ones.
pub fn numeric_order_evidence(text: &str) -> (usize, usize) {
    if !numeric_shape(text.as_bytes()) {
        return (0, 0);
    }
    with_tokens(text, |toks| {
        let ctx = DateContext::default();
        let m = Matcher {
            t: toks,
            lex: lexicon(),
            ctx: &ctx,
        };
        let (mut dayf, mut monthf) = (0, 0);
        for i in 0..toks.len() {
            if toks[i].kind != TokKind::Num {
                continue;
            }
            if m.numeric_at(i).is_some() {
                let (a, b) = (toks[i].value, toks[i + 2].value);
                if a > 12 && b <= 12 {
                    dayf += 1;
                } else if b > 12 && a <= 12 {
                    monthf += 1;
                }
            }
        }
        (dayf, monthf)
    })
}

/// True if `word` (any case) is a month name in one of the lexicon's languages.
pub fn is_month_name(word: &str) -> bool {
    lexicon().months.contains_key(&word.to_lowercase())
}

/// The ISO weekday (1 = Monday … 7 = Sunday) that `word` (any case) names in one of the
/// lexicon's languages ("Tuesday", "tue", "Dienstag" → 2).
pub fn weekday_number(word: &str) -> Option<u32> {
    lexicon().weekdays.get(&word.to_lowercase()).copied()
}

/// The latest date on or before `reference` that falls on `weekday` (1–7): the date a news
/// article means by "on Tuesday" for a past event, given its own date. None for a weekday
/// outside 1–7.
pub fn weekday_on_or_before(reference: Ymd, weekday: u32) -> Option<Ymd> {
    if !(1..=7).contains(&weekday) {
        return None;
    }
    let back = (i64::from(reference.weekday()) - i64::from(weekday)).rem_euclid(7);
    reference.add_days(-back)
}

/// The earliest date on or after `reference` that falls on `weekday` (1–7): "next Tuesday",
/// "will meet on Tuesday". None for a weekday outside 1–7.
pub fn weekday_on_or_after(reference: Ymd, weekday: u32) -> Option<Ymd> {
    if !(1..=7).contains(&weekday) {
        return None;
    }
    let ahead = (i64::from(weekday) - i64::from(reference.weekday())).rem_euclid(7);
    reference.add_days(ahead)
}

/// True if `word` (any case) is a weekday name in one of the lexicon's languages.
pub fn is_weekday_name(word: &str) -> bool {
    lexicon().weekdays.contains_key(&word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_tokenizer_matches_the_char_one() {
        let key = |t: &Tok| {
            (
                t.kind,
                t.lower.to_string(),
                t.value,
                t.capital,
                t.start,
                t.end,
                t.space_before,
            )
        };
        for s in [
            "",
            "  Posted on Jan. 5th, 2024 at 20195:45 AM EST",
            "don't O'Neil isn't' 'x a'1 x\u{b}y\u{c}z\t\r\n9",
            "12/31/2023 2023-01-02T10:00:00+01:00 99999999999 007",
            "MAY 3RD 1999; Tuesday, 4 June -- x''y",
            "Ünd ÉCOLE’s l’été 5 févr. 2024 — ΟΔΟΣ’Σ x’ 9’a\u{a0}b\u{2003}Ⅻ ½ 12",
            "d’",
            "’",
        ] {
            let a: Vec<_> = with_tokens(s, |t| t.iter().map(key).collect());
            let b: Vec<_> = tokenize(s).iter().map(key).collect();
            assert_eq!(a, b, "{s:?}");
        }
    }

    #[test]
    fn lines_skipped_untokenized_hold_no_match() {
        let pieces = [
            "19",
            "2019",
            "2019",
            "Nov",
            "november",
            "MAY",
            "may",
            "Mär",
            "MÄRZ",
            "de",
            "of",
            ",",
            ".",
            "/",
            "-",
            ":",
            "3",
            "hours",
            "ago",
            "Yesterday",
            "il",
            "y",
            "a",
            "an",
            "年",
            "8",
            "月",
            "日",
            "년",
            "aujourd’hui",
            "Today",
            "the",
            "x",
            "ÉTÉ",
            "’",
            "'",
            "Tuesday",
            "T",
            "10",
            "am",
            "GMT",
            "vor",
            "Tagen",
            "hace",
            "días",
            "h",
            "d",
            "o'clock",
            "Ⅻ",
            "out",
            "Out",
            "set",
            "ago",
            "jan",
            "Mar",
            "mag",
            "1999",
            "20195",
            "123",
            "mei",
        ];
        let mut seed = 12345u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let reference = Ymd::new(2024, 3, 15);
        let (mut matched, mut skipped) = (0, 0);
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..1 + next(7) {
                s.push_str(pieces[next(pieces.len())]);
                if next(3) > 0 {
                    s.push(' ');
                }
            }
            for reference in [None, reference] {
                let c = DateContext { reference, ..ctx() };
                let found = with_tokens(&s, |toks| {
                    Matcher {
                        t: toks,
                        lex: lexicon(),
                        ctx: &c,
                    }
                    .all()
                    .len()
                });
                if !may_hold_date(&s, &c) {
                    assert_eq!(found, 0, "{s:?} {reference:?}");
                    skipped += 1;
                } else {
                    matched += usize::from(found > 0);
                }
            }
        }
        // The samples cover both sides.
        assert!(matched > 1000 && skipped > 1000, "{matched} {skipped}");
    }

    fn ctx() -> DateContext {
        DateContext::default()
    }

    fn one(text: &str, c: &DateContext) -> Option<(String, Option<String>, Option<String>, bool)> {
        parse_date(text, c).map(|p| {
            (
                p.date.iso(),
                p.time_string(),
                p.offset_string(),
                p.year_inferred,
            )
        })
    }

    fn date(text: &str) -> Option<String> {
        parse_date(text, &ctx()).map(|p| p.date.iso())
    }

    #[test]
    fn calendar_arithmetic() {
        let d = Ymd::new(2025, 3, 1).unwrap();
        assert_eq!(d.add_days(-1).unwrap().iso(), "2025-02-28");
        assert_eq!(
            Ymd::new(2024, 3, 1).unwrap().add_days(-1).unwrap().iso(),
            "2024-02-29"
        );
        assert_eq!(Ymd::new(1970, 1, 1).unwrap().to_days(), 0);
        assert_eq!(Ymd::from_days(20_000).unwrap().iso(), "2024-10-04");
        assert_eq!(Ymd::parse_iso("2025-01-21"), Ymd::new(2025, 1, 21));
        assert_eq!(Ymd::parse_iso("2025-02-30"), None);
        assert_eq!(Ymd::parse_iso("25-01-21"), None);
        assert!(Ymd::new(2023, 2, 29).is_none());
        assert!(Ymd::new(2000, 2, 29).is_some());
        assert!(Ymd::new(1900, 2, 29).is_none());
    }

    #[test]
    fn iso_dates_and_times() {
        assert_eq!(
            one("By Mike Wall 2019-11-18T20:51:19Z Science", &ctx()),
            Some((
                "2019-11-18".into(),
                Some("20:51".into()),
                Some("+00:00".into()),
                false
            ))
        );
        assert_eq!(
            one("2025-01-21 14:05:00+02:00", &ctx()),
            Some((
                "2025-01-21".into(),
                Some("14:05".into()),
                Some("+02:00".into()),
                false
            ))
        );
        assert_eq!(
            date("date 2025-01-21 Strengthening Ties"),
            Some("2025-01-21".into())
        );
        assert_eq!(date("2019/11/18"), Some("2019-11-18".into()));
        assert_eq!(
            date("기사입력 :[ 2018-08-25 15:24 ]"),
            Some("2018-08-25".into())
        );
        assert_eq!(date("2018年8月16日"), Some("2018-08-16".into()));
        assert_eq!(date("2019-02-30"), None);
        assert_eq!(date("2019-13-01"), None);
        assert_eq!(date("version 1.2.3.4"), None);
    }

    #[test]
    fn numeric_either_order() {
        assert_eq!(date("27/09/2018"), Some("2018-09-27".into()));
        assert_eq!(date("11/19/2019 by Lars"), Some("2019-11-19".into()));
        assert_eq!(
            date("By Justine Coleman - 11/18/19 11:04 PM EST"),
            Some("2019-11-18".into())
        );
        assert_eq!(date("13.11.2019, 23:06"), Some("2019-11-13".into()));
        // ambiguous: '/' month first, '.' day first, unless the context says otherwise
        assert_eq!(date("03/04/2019"), Some("2019-03-04".into()));
        assert_eq!(date("03.04.2019"), Some("2019-04-03".into()));
        let df = DateContext {
            day_first: Some(true),
            ..ctx()
        };
        assert_eq!(
            parse_date("03/04/2019", &df).map(|p| p.date.iso()),
            Some("2019-04-03".into())
        );
        assert_eq!(date("31/02/2019"), None);
        assert_eq!(date("13/13/2019"), None);
        assert_eq!(numeric_order_evidence("21/06/2014 and 03/04/2014"), (1, 0));
        assert_eq!(
            one("21:17 18.11.2019Get short URL", &ctx()),
            Some(("2019-11-18".into(), Some("21:17".into()), None, false))
        );
    }

    #[test]
    fn month_names() {
        for (text, want) in [
            ("Nov 18, 2019 at 9:24 pm ET • 2 min read", "2019-11-18"),
            ("Nov. 19, 2019", "2019-11-19"),
            ("Monday November 18, 2019 7:45 am PST by Joe", "2019-11-18"),
            ("Published November 20th, 2019 - 07:29 GMT", "2019-11-20"),
            ("Wednesday, 20th November 2019", "2019-11-20"),
            ("NOV 15, 20195:45 AM", "2019-11-15"),
            ("- Nov. 18th 2019 8:54 am PT", "2019-11-18"),
            ("19 November 2019 • 1:16pm", "2019-11-19"),
            ("21 novembre 2019", "2019-11-21"),
            ("19. November 2019", "2019-11-19"),
            ("19 de noviembre de 2019", "2019-11-19"),
            ("19 de novembro de 2019", "2019-11-19"),
            ("2 agosto 2017", "2017-08-02"),
            ("19 november 2019", "2019-11-19"),
            ("Текст: Венера Ерофеева·24 сентября 2018", "2018-09-24"),
            ("19 ноября 2019 г.", "2019-11-19"),
            ("Posted on Maret 30, 2015 by Admin", "2015-03-30"),
            ("1er décembre 2020", "2020-12-01"),
            (
                "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05",
                "2019-11-19",
            ),
            ("Nov 20 2019, 10:18am ist", "2019-11-20"),
        ] {
            assert_eq!(date(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn weekday_js_and_rfc2822() {
        assert_eq!(
            one(
                "Thu Mar 13 2025 07:39:16 GMT+0200 (Eastern European Standard Time)",
                &ctx()
            ),
            Some((
                "2025-03-13".into(),
                Some("07:39".into()),
                Some("+02:00".into()),
                false
            ))
        );
        assert_eq!(
            one("Wed, 12 Mar 2025 23:04:37 GMT", &ctx()),
            Some((
                "2025-03-12".into(),
                Some("23:04".into()),
                Some("+00:00".into()),
                false
            ))
        );
        let p = parse_date("Tuesday, November 19, 2019 08:38 AM", &ctx()).unwrap();
        assert!(p.has_weekday);
        assert_eq!(p.time_string().as_deref(), Some("08:38"));
        assert_eq!(
            one("Updated 10:01 pm PST, Tuesday, November 19, 2019", &ctx()),
            Some((
                "2019-11-19".into(),
                Some("22:01".into()),
                Some("-08:00".into()),
                false
            ))
        );
        assert_eq!(
            one("Nov. 19, 2019, 8:41 AM UTC", &ctx()),
            Some((
                "2019-11-19".into(),
                Some("08:41".into()),
                Some("+00:00".into()),
                false
            ))
        );
        assert_eq!(
            one("11:11 PM EST Nov 19, 2019", &ctx()),
            Some((
                "2019-11-19".into(),
                Some("23:11".into()),
                Some("-05:00".into()),
                false
            ))
        );
        assert_eq!(
            one("Published: Nov. 19, 2019, 6:18 p.m.", &ctx()),
            Some(("2019-11-19".into(), Some("18:18".into()), None, false))
        );
    }

    #[test]
    fn missing_year_is_inferred_and_flagged() {
        assert_eq!(date("Jan 22"), None, "no year to infer");
        let hint = DateContext {
            year_hint: Some(2025),
            ..ctx()
        };
        assert_eq!(
            one("Jan 22", &hint),
            Some(("2025-01-22".into(), None, None, true))
        );
        let today = DateContext {
            reference: Ymd::new(2025, 1, 10),
            ..ctx()
        };
        // after today's month/day: last year
        assert_eq!(
            one("Jan 22", &today).map(|x| x.0),
            Some("2024-01-22".into())
        );
        assert_eq!(
            one("Updated Nov 19, 6:55 AM", &hint),
            Some(("2025-11-19".into(), Some("06:55".into()), None, true))
        );
        // "may" is a verb unless capitalized or with a year
        assert_eq!(parse_date("you may 5 times", &hint), None);
        assert_eq!(one("May 5", &hint).map(|x| x.0), Some("2025-05-05".into()));
        assert_eq!(date("may 5, 2020"), Some("2020-05-05".into()));
    }

    #[test]
    fn relative_dates_need_a_reference() {
        let today = DateContext {
            reference: Ymd::new(2025, 3, 1),
            ..ctx()
        };
        let rel = |s: &str| parse_date(s, &today).map(|p| (p.date.iso(), p.relative));
        assert_eq!(
            rel("Published 3 hours ago"),
            Some(("2025-03-01".into(), true))
        );
        assert_eq!(rel("2 days ago"), Some(("2025-02-27".into(), true)));
        assert_eq!(rel("a day ago"), Some(("2025-02-28".into(), true)));
        assert_eq!(rel("1 week ago"), Some(("2025-02-22".into(), true)));
        assert_eq!(rel("yesterday"), Some(("2025-02-28".into(), true)));
        assert_eq!(rel("Yesterday at 10:00"), Some(("2025-02-28".into(), true)));
        assert_eq!(rel("vor 2 Tagen"), Some(("2025-02-27".into(), true)));
        assert_eq!(rel("hace 3 días"), Some(("2025-02-26".into(), true)));
        assert_eq!(rel("il y a 2 jours"), Some(("2025-02-27".into(), true)));
        assert_eq!(rel("3 giorni fa"), Some(("2025-02-26".into(), true)));
        assert_eq!(rel("2 дня назад"), Some(("2025-02-27".into(), true)));
        assert_eq!(parse_date("3 hours ago", &ctx()), None);
        assert_eq!(rel("3 hours later"), None);
    }

    #[test]
    fn invalid_dates_yield_nothing() {
        for s in [
            "31 February 2019",
            "February 30, 2020",
            "Mar 45",
            "Mar 45, 2019",
            "45 March 2019",
            "2019-02-29",
            "0/12/2019",
            "32.01.2019",
            "Nov 0, 2019",
            "",
            "12:30",
            "1234567890",
            "Room 12/2019",
        ] {
            let hint = DateContext {
                year_hint: Some(2019),
                ..ctx()
            };
            assert_eq!(parse_date(s, &hint).map(|p| p.date.iso()), None, "{s:?}");
        }
        // a bad time does not spoil the date, it is just not attached
        assert_eq!(
            one("Nov 19, 2019 at 25:61", &ctx()),
            Some(("2019-11-19".into(), None, None, false))
        );
    }

    #[test]
    fn finds_several_with_spans() {
        let t = "Updated: Nov. 19, 2019, 7:10 p.m. Published: Nov. 18, 2019";
        let all = find_dates(t, &ctx());
        assert_eq!(all.len(), 2);
        assert_eq!(&t[all[0].start..all[0].end], "Nov. 19, 2019, 7:10 p.m.");
        assert_eq!(all[1].date.iso(), "2019-11-18");
        let s = "The talks on January 21, 2025 followed the March 3, 2024 summit.";
        let d: Vec<String> = find_dates(s, &ctx()).iter().map(|p| p.date.iso()).collect();
        assert_eq!(d, ["2025-01-21", "2024-03-03"]);
    }

    #[test]
    fn never_panics_on_odd_input() {
        let long = "9".repeat(100_000);
        let mixed = "Ω≈ç√∫˜µ≤≥÷ 12/ 2019-1 -- :: 20195: Nov. . , 1st st 日 年 +99:99 GMT+";
        for s in [
            long.as_str(),
            mixed,
            "\u{0}\u{1}",
            "年月日",
            "2019年",
            "a.m.",
            "+",
        ] {
            let _ = find_dates(s, &ctx());
        }
    }

    #[test]
    fn weekdays_of_dates_and_named_weekdays() {
        let d = |y, m, dd| Ymd::new(y, m, dd).unwrap();
        assert_eq!(d(1970, 1, 1).weekday(), 4);
        assert_eq!(d(2025, 1, 21).weekday(), 2, "a Tuesday");
        assert_eq!(weekday_number("Tuesday"), Some(2));
        assert_eq!(weekday_number("tuesday"), Some(2));
        assert_eq!(weekday_number("Tusday"), None);
        // Published on Wednesday 22 January 2025: "on Tuesday" is the 21st.
        assert_eq!(
            weekday_on_or_before(d(2025, 1, 22), 2),
            Some(d(2025, 1, 21))
        );
        assert_eq!(
            weekday_on_or_before(d(2025, 1, 21), 2),
            Some(d(2025, 1, 21))
        );
        assert_eq!(weekday_on_or_after(d(2025, 1, 22), 2), Some(d(2025, 1, 28)));
        assert_eq!(weekday_on_or_before(d(2025, 1, 22), 9), None);
    }
}
