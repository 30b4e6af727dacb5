//! Turns each non-blank line's [`Features`] plus its context (neighbours, runs of short lines,
//! position in the page, list markers above it) into a fixed-length numeric vector for the
//! line model.
//!
//! Promises: one vector per non-blank line, every value finite, [`NAMES`]`.len()` values each;
//! the names are the keys of the model file, so renaming one is a model change.

use super::features::{Brief, FeatureTable, Features};
use crate::lexicon::ChromeHit;
use crate::model::Kind;

/// The feature names, in vector order.
pub const NAMES: &[&str] = &[
    "ln_units",
    "ln_chars",
    "stop_share",
    "stop_x_len",
    "no_stoplist",
    "no_stoplist_x_len",
    "cap_share",
    "title_case",
    "digit_share",
    "commas_per_unit",
    "ends_sentence",
    "ends_colon",
    "starts_lower",
    "starts_bullet",
    "has_time",
    "has_separator",
    "has_link",
    "dateline",
    "chrome",
    "chrome_marker",
    "units_le2",
    "units_le5",
    "units_le10",
    "units_ge25",
    "blank_before",
    "blank_after",
    "duplicate",
    "position",
    "position_sq",
    "mass_middle",
    "prev_ln_units",
    "next_ln_units",
    "prev_sentence",
    "next_sentence",
    "window3_prose",
    "window10_prose",
    "short_run_ln",
    "after_comments_marker",
    "in_marked_list",
    "prev_chrome",
    "next_chrome",
    "page_prose_share",
    "page_short_share",
    "page_prose_x_len",
    "prev2_ln_units",
    "next2_ln_units",
    "dated_before10",
    "in_main_block",
    "before_main_block",
    "after_main_block",
    "mass_before",
    "cjk_share",
    "ln_inner_sentences",
    "name_shaped",
    "after_related_marker",
    "comment_blocks_before",
    "comment_blocks_after",
];

/// Number of values in a line vector.
pub const LEN: usize = NAMES.len();

/// A line vector.
pub type Vector = [f32; LEN];

fn prose_shaped(f: &Brief) -> bool {
    (f.units >= 8 && f.flags & Features::ENDS_SENTENCE != 0) || f.units >= 20
}

/// `ln(1 + x)` as an `f32` that is the same on every platform: computed in `f64` and rounded once.
/// (`f32::ln` is the platform's `logf`, which is not correctly rounded and differs by an ulp
/// between glibc and the wasm build's libm for some counts, e.g. 1578; the trees' thresholds are
/// feature values, so an ulp moved a line across a split and gave wasm other scores than native.
/// Both platforms' `f64` logarithms are within an ulp of the true value, far below `f32`'s step.)
/// Values below 256 (most counts) come from a table of the same computation.
fn ln1(x: usize) -> f32 {
    static TABLE: std::sync::OnceLock<[f32; 256]> = std::sync::OnceLock::new();
    match TABLE.get_or_init(|| std::array::from_fn(ln1_exact)).get(x) {
        Some(&y) => y,
        None => ln1_exact(x),
    }
}

fn ln1_exact(x: usize) -> f32 {
    (1.0 + x as f64).ln() as f32
}

/// The main text block: the run of non-blank lines (positions `a..=b` among the non-blank
/// lines) with the most prose characters once every other line costs its length (at most 100)
/// plus 10: the span where the article most likely is. `(1, 0)` (empty) when there is no prose.
fn main_block(feats: &FeatureTable, chrome: &[ChromeHit]) -> (usize, usize) {
    let mut best = (0i64, 1usize, 0usize);
    let mut cur = 0i64;
    let mut start = 0usize;
    let mut k = 0;
    for i in 0..feats.len() {
        let f = feats.brief(i);
        if f.chars == 0 {
            continue;
        }
        let c = f.chars as i64;
        let s = if prose_shaped(&f) && chrome.get(i).is_some_and(|c| c.is_none()) {
            c
        } else {
            -(c.min(100) + 10)
        };
        if cur <= 0 {
            cur = 0;
            start = k;
        }
        cur += s;
        if cur > best.0 {
            best = (cur, start, k);
        }
        k += 1;
    }
    (best.1, best.2)
}

/// A line that could head a reader's comment, in any language: a short line that is a bare
/// name ("Jan Smith", `named`), ends with a colon ("jbaxt says:", "Gaye:"), or is a date or
/// clock time ("November 19, 2019 at 6:58 am").
fn speaker_or_stamp(f: &Brief, named: bool) -> bool {
    let has = |flag: u16| f.flags & flag != 0;
    (f.units <= 4 && f.words >= 1 && (has(Features::ENDS_COLON) || named))
        || (f.units <= 8 && (has(Features::IS_DATELINE) || has(Features::HAS_TIME)))
}

/// Builds the vectors of the non-blank lines. `feats` and `chrome` are parallel (one entry per
/// input line); `has_stoplist` tells whether the article's language has a stopword list.
/// Returns `(line index, vector)` pairs in input order.
pub fn vectors(
    feats: &FeatureTable,
    chrome: &[ChromeHit],
    has_stoplist: bool,
) -> Vec<(usize, Vector)> {
    let mut out = Vec::new();
    for_each_vector(feats, chrome, has_stoplist, &mut |i, _, v| {
        out.push((i, *v))
    });
    out
}

/// The index of feature `name` in a [`Vector`] (None for an unknown name).
pub fn index_of(name: &str) -> Option<usize> {
    NAMES.iter().position(|&n| n == name)
}

// What a line's vector reads of the non-blank lines around it, one bit each ([`Near::bits`]).
/// Prose-shaped.
const PROSE: u8 = 1;
/// At most 5 units.
const SHORT: u8 = 2;
/// A dateline or a clock time.
const DATED: u8 = 4;
/// A speaker or stamp line ([`speaker_or_stamp`]).
const HEAD: u8 = 8;
/// Text of a comment: no head, 3+ units ending a sentence or 15+ units.
const TEXTY: u8 = 16;
/// Ends a sentence.
const ENDS: u8 = 32;
/// Has a chrome phrase.
const CHROME: u8 = 64;

/// A non-blank line as its neighbours' vectors read it.
#[derive(Debug, Clone, Copy, Default)]
struct Near {
    units: u32,
    bits: u8,
}

/// Positions (among the non-blank lines) kept around the current one: the windows reach 15
/// back and 17 ahead.
const RING: usize = 64;

/// The non-blank lines around the current one, read ahead of it: position `p` (0-based among
/// the non-blank lines) is `ring[p % RING]` once `filled > p`.
struct Ahead<'a> {
    feats: &'a FeatureTable,
    chrome: &'a [ChromeHit],
    ring: [Near; RING],
    /// Positions read so far.
    filled: usize,
    /// The next line to read.
    next: usize,
}

impl Ahead<'_> {
    /// Reads ahead until position `p` is read (or the lines end).
    fn fill_to(&mut self, p: usize) {
        while self.filled <= p && self.next < self.feats.len() {
            let i = self.next;
            self.next += 1;
            let f = self.feats.brief(i);
            if f.chars == 0 {
                continue;
            }
            let named = self.feats.marked(i, FeatureTable::NAMED);
            let head = speaker_or_stamp(&f, named);
            let has = |flag: u16| f.flags & flag != 0;
            let ends = has(Features::ENDS_SENTENCE);
            let bit = |on: bool, b: u8| if on { b } else { 0 };
            let p = self.filled;
            self.ring[p % RING] = Near {
                units: f.units,
                bits: bit(prose_shaped(&f), PROSE)
                    | bit(f.units <= 5, SHORT)
                    | bit(has(Features::IS_DATELINE) || has(Features::HAS_TIME), DATED)
                    | bit(head, HEAD)
                    | bit(!head && f.units >= 3 && (ends || f.units >= 15), TEXTY)
                    | bit(ends, ENDS)
                    | bit(self.chrome.get(i).is_some_and(|c| c.is_some()), CHROME),
            };
            self.filled += 1;
            // A comment block starts two positions back if that one is a head and one of the
            // two after it comment text.
            if let Some(q) = p.checked_sub(2) {
                self.set_starts(q);
            }
        }
        // The last two positions: the lines end.
        if self.next >= self.feats.len() {
            for q in self.filled.saturating_sub(2)..self.filled {
                self.set_starts(q);
            }
        }
    }

    /// Sets [`STARTS`] on position `q` when it holds: `q` is a head and `q + 1` or `q + 2` (of
    /// those read) comment text.
    fn set_starts(&mut self, q: usize) {
        let texty = |r: usize| r < self.filled && self.ring[r % RING].bits & TEXTY != 0;
        if self.ring[q % RING].bits & HEAD != 0 && (texty(q + 1) || texty(q + 2)) {
            self.ring[q % RING].bits |= STARTS;
        }
    }

    /// Position `p`, once read and while still kept.
    #[inline]
    fn at(&self, p: usize) -> Option<Near> {
        (p < self.filled && p + RING >= self.filled).then(|| self.ring[p % RING])
    }

    /// True if position `p` (read and still kept) has `bit`.
    #[inline]
    fn has(&self, p: usize, bit: u8) -> bool {
        self.ring[p % RING].bits & bit != 0
    }
}

/// A comment block starts here: a head followed, within two lines, by comment text (set once
/// the two lines after are read).
const STARTS: u8 = 128;

/// How many positions in `lo..hi` have a bit, kept as the window slides forward.
struct Count {
    bit: u8,
    lo: usize,
    hi: usize,
    n: usize,
}

impl Count {
    fn new(bit: u8) -> Count {
        Count {
            bit,
            lo: 0,
            hi: 0,
            n: 0,
        }
    }

    /// The count over `lo..hi` (both at least the previous ones; the positions added and
    /// dropped read and still kept).
    #[inline]
    fn over(&mut self, lo: usize, hi: usize, a: &Ahead) -> usize {
        while self.hi < hi {
            self.n += usize::from(a.has(self.hi, self.bit));
            self.hi += 1;
        }
        while self.lo < lo {
            self.n -= usize::from(a.has(self.lo, self.bit));
            self.lo += 1;
        }
        self.n
    }
}

/// Calls `emit(line index, features, vector)` for each non-blank line in input order, with the
/// vectors [`vectors`] returns, without keeping them all (cleaning needs only each line's
/// score). Reads the table twice (page totals and the main block, then the vectors) and keeps
/// only the non-blank lines around the current one: nothing per line.
pub fn for_each_vector(
    feats: &FeatureTable,
    chrome: &[ChromeHit],
    has_stoplist: bool,
    emit: &mut dyn FnMut(usize, &Features, &Vector),
) {
    let n = feats.len();
    // Page totals: non-blank lines, prose and short ones, prose characters (article mass).
    let (mut m, mut prose_n, mut short_n, mut total) = (0usize, 0usize, 0usize, 0usize);
    for i in 0..n {
        let f = feats.brief(i);
        if f.chars == 0 {
            continue;
        }
        m += 1;
        if prose_shaped(&f) {
            prose_n += 1;
            total += f.chars as usize;
        }
        short_n += usize::from(f.units <= 5);
    }
    let total_mass = total.max(1) as f32;
    let page_prose = prose_n as f32 / m.max(1) as f32;
    let page_short = short_n as f32 / m.max(1) as f32;
    let (block_a, block_b) = main_block(feats, chrome);
    let mut ahead = Ahead {
        feats,
        chrome,
        ring: [Near::default(); RING],
        filled: 0,
        next: 0,
    };
    let (mut w3, mut w10) = (Count::new(PROSE), Count::new(PROSE));
    let mut dated = Count::new(DATED);
    let (mut blocks_before, mut blocks_after) = (Count::new(STARTS), Count::new(STARTS));
    // Prose characters before the current line.
    let mut mass = 0usize;
    let mut after_comments = false;
    // A "related"/"you may also like" list header was passed: prose after it is often teasers.
    let mut after_related = false;
    let mut marker_open = false;
    // The length of the run of short lines the current line is in (0 outside one).
    let mut run = 0usize;
    let mut prev_short = false;
    let mut k = 0;
    for i in 0..n {
        if feats.blank(i) {
            continue;
        }
        ahead.fill_to(k + 17);
        let near = |p: Option<usize>| p.and_then(|p| ahead.at(p));
        let here = near(Some(k)).unwrap_or_default();
        let short = here.bits & SHORT != 0;
        if !short {
            run = 0;
        } else if !prev_short {
            // The run of short non-blank lines from here on.
            run = (i..n)
                .filter(|&j| !feats.blank(j))
                .take_while(|&j| feats.units(j) <= 5)
                .count();
        }
        prev_short = short;
        let f = feats.get(i);
        let prose = here.bits & PROSE != 0;
        let ch = chrome.get(i).and_then(|c| c.get());
        if prose && ch.is_none() {
            marker_open = false;
        }
        let mass_after = mass + if prose { f.chars as usize } else { 0 };
        let window = |c: &mut Count, r: usize| -> f32 {
            let (a, b) = (k.saturating_sub(r), (k + r + 1).min(m));
            let s = c.over(a, b, &ahead) - usize::from(prose);
            match b - a - 1 {
                0 => 0.0,
                len => s as f32 / len as f32,
            }
        };
        let window3 = window(&mut w3, 3);
        let window10 = window(&mut w10, 10);
        let dated_before = {
            let a = k.saturating_sub(10);
            let c = dated.over(a, k, &ahead);
            if a == k {
                0.0
            } else {
                c as f32 / (k - a) as f32
            }
        };
        let before = blocks_before.over(k.saturating_sub(15), k, &ahead);
        let after = blocks_after.over(k + 1, (k + 16).min(m), &ahead);
        let lu = ln1(f.units as usize);
        let pos = if m > 1 {
            k as f32 / (m - 1) as f32
        } else {
            0.5
        };
        let c = (mass as f32 + mass_after as f32) / 2.0 / total_mass;
        let prev = near(k.checked_sub(1));
        let next = near(Some(k + 1));
        let b = |x: bool| if x { 1.0 } else { 0.0 };
        let units_ln = |p: Option<Near>| p.map_or(0.0, |p| ln1(p.units as usize));
        let bit_of = |p: Option<Near>, bit: u8| p.map_or(0.0, |p| b(p.bits & bit != 0));
        let v: Vector = [
            lu,
            ln1(f.chars as usize),
            f.stop_share,
            f.stop_share * lu.min(4.0),
            b(!has_stoplist),
            b(!has_stoplist) * lu,
            f.cap_share,
            b(f.cap_share >= 0.7 && f.words >= 2 && !f.ends_sentence()),
            f.digit_share,
            f.commas as f32 / (1.0 + f.units as f32),
            b(f.ends_sentence()),
            b(f.ends_colon()),
            b(f.starts_lower()),
            b(f.starts_bullet()),
            b(f.has_time()),
            b(f.has_separator()),
            b(f.has_link()),
            b(f.is_dateline()),
            b(ch.is_some()),
            b(ch.is_some_and(|r| r.marker)),
            b(f.units <= 2),
            b(f.units <= 5),
            b(f.units <= 10),
            b(f.units >= 25),
            b(i == 0 || feats.blank(i - 1)),
            b(i + 1 >= n || feats.blank(i + 1)),
            b(feats.marked(i, FeatureTable::DUPLICATE)),
            pos,
            pos * pos,
            if total == 0 { 0.0 } else { 4.0 * c * (1.0 - c) },
            units_ln(prev),
            units_ln(next),
            bit_of(prev, ENDS),
            bit_of(next, ENDS),
            window3,
            window10,
            if short { ln1(run) } else { 0.0 },
            b(after_comments),
            b(marker_open),
            bit_of(prev, CHROME),
            bit_of(next, CHROME),
            page_prose,
            page_short,
            page_prose * lu,
            units_ln(near(k.checked_sub(2))),
            units_ln(near(Some(k + 2))),
            dated_before,
            b(block_a <= k && k <= block_b),
            if k < block_a { ln1(block_a - k) } else { 0.0 },
            if k > block_b { ln1(k - block_b) } else { 0.0 },
            mass as f32 / total_mass,
            f.cjk_share,
            ln1(f.inner_sentences as usize),
            b(feats.marked(i, FeatureTable::NAMED)),
            b(after_related),
            ln1(before),
            ln1(after),
        ];
        emit(i, &f, &v);
        if let Some(r) = ch {
            if r.kind == Kind::Comments {
                after_comments = true;
            }
            if r.kind == Kind::Related && r.marker {
                after_related = true;
            }
            if r.marker {
                marker_open = true;
            }
        }
        mass = mass_after;
        k += 1;
    }
}
