//! Turns each non-blank line's [`Features`] plus its context (neighbours, runs of short lines,
//! position in the page, list markers above it) into a fixed-length numeric vector for the
//! line model.
//!
//! Promises: one vector per non-blank line, every value finite, [`NAMES`]`.len()` values each;
//! the names are the keys of the model file, so renaming one is a model change.

use super::features::Features;
use super::kinds::is_name_shaped;
use crate::fasthash::FastMap;
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

fn prose_shaped(f: &Features) -> bool {
    (f.units >= 8 && f.ends_sentence()) || f.units >= 20
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

/// The main text block: the run of non-blank lines (positions `a..=b` in `nb`) with the most
/// prose characters once every other line costs its length (at most 100) plus 10: the span
/// where the article most likely is. `(1, 0)` (empty) when there is no prose.
fn main_block(
    nb: &[u32],
    feats: &[Features],
    prose: &[bool],
    chrome: &[ChromeHit],
) -> (usize, usize) {
    let mut best = (0i64, 1usize, 0usize);
    let mut cur = 0i64;
    let mut start = 0usize;
    for (k, &i) in nb.iter().enumerate() {
        let i = i as usize;
        let c = feats[i].chars as i64;
        let s = if prose[k] && chrome[i].is_none() {
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
    }
    (best.1, best.2)
}

/// A line that could head a reader's comment, in any language: a short line that is a bare
/// name ("Jan Smith", `named`), ends with a colon ("jbaxt says:", "Gaye:"), or is a date or
/// clock time ("November 19, 2019 at 6:58 am").
fn speaker_or_stamp(f: &Features, named: bool) -> bool {
    (f.units <= 4 && f.words >= 1 && (f.ends_colon() || named))
        || (f.units <= 8 && (f.is_dateline() || f.has_time()))
}

/// Builds the vectors of the non-blank lines. `lines`, `feats` and `chrome` are parallel
/// (one entry per input line); `has_stoplist` tells whether the article's language has a
/// stopword list. Returns `(line index, vector)` pairs in input order.
pub fn vectors<T: AsRef<str>>(
    lines: &[T],
    feats: &[Features],
    chrome: &[ChromeHit],
    has_stoplist: bool,
) -> Vec<(usize, Vector)> {
    let mut out = Vec::new();
    for_each_vector(lines, feats, chrome, has_stoplist, &mut |i, v| {
        out.push((i, *v))
    });
    out
}

/// The index of feature `name` in a [`Vector`] (None for an unknown name).
pub fn index_of(name: &str) -> Option<usize> {
    NAMES.iter().position(|&n| n == name)
}

/// Calls `emit(line index, vector)` for each non-blank line in input order, with the vectors
/// [`vectors`] returns, without keeping them all (cleaning needs only each line's score).
pub fn for_each_vector<T: AsRef<str>>(
    lines: &[T],
    feats: &[Features],
    chrome: &[ChromeHit],
    has_stoplist: bool,
    emit: &mut dyn FnMut(usize, &Vector),
) {
    // Indices of the non-blank lines (`u32`: 4 bytes a line on pastes of many short lines).
    let nb: Vec<u32> = (0..lines.len())
        .filter(|&i| !lines[i].as_ref().is_empty())
        .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
        .collect();
    let m = nb.len();
    let prose: Vec<bool> = nb
        .iter()
        .map(|&i| prose_shaped(&feats[i as usize]))
        .collect();
    let short: Vec<bool> = nb.iter().map(|&i| feats[i as usize].units <= 5).collect();
    // Prefix sums of prose flags (windows) and of prose characters (article mass).
    // (Counts of lines are `u32`: the per-line arrays stay small on pastes of many short lines.)
    let mut prose_sum = vec![0u32; m + 1];
    let mut mass = vec![0usize; m + 1];
    for k in 0..m {
        prose_sum[k + 1] = prose_sum[k] + u32::from(prose[k]);
        mass[k + 1] = mass[k]
            + if prose[k] {
                feats[nb[k] as usize].chars as usize
            } else {
                0
            };
    }
    let total_mass = mass[m].max(1) as f32;
    let page_prose = prose_sum[m] as f32 / m.max(1) as f32;
    let page_short = short.iter().filter(|&&x| x).count() as f32 / m.max(1) as f32;
    let window = |k: usize, r: usize| -> f32 {
        let a = k.saturating_sub(r);
        let b = (k + r + 1).min(m);
        let n = b - a - 1;
        if n == 0 {
            return 0.0;
        }
        let s = (prose_sum[b] - prose_sum[a]) as usize - usize::from(prose[k]);
        s as f32 / n as f32
    };
    // Lines that carry a date or a clock time (comment headers repeat them; prose rarely does).
    let dated = |k: usize| {
        let f = &feats[nb[k] as usize];
        f.is_dateline() || f.has_time()
    };
    // Share of dated lines among the `r` lines before line `k` (comment headers come before
    // each comment; an article's last paragraph may well be followed by dated headlines).
    let dated_before = |k: usize, r: usize| -> f32 {
        let a = k.saturating_sub(r);
        if a == k {
            return 0.0;
        }
        (a..k).filter(|&j| dated(j)).count() as f32 / (k - a) as f32
    };
    let (block_a, block_b) = main_block(&nb, feats, &prose, chrome);
    // Lines that are only a person's name (2–4 capitalized words).
    let named: Vec<bool> = nb
        .iter()
        .map(|&i| feats[i as usize].units <= 4 && is_name_shaped(lines[i as usize].as_ref()))
        .collect();
    // Comment blocks, the language-neutral shape of readers' comments ("name / date / text"):
    // a speaker or stamp line followed, within two lines, by a text line (3+ words ending a
    // sentence, or 15+ words; a teaser headline under a date is not one). Prefix sums count
    // them in windows: comments repeat the block, an article's own byline and date make one.
    let head: Vec<bool> = (0..m)
        .map(|k| speaker_or_stamp(&feats[nb[k] as usize], named[k]))
        .collect();
    let texty = |k: usize| {
        let f = &feats[nb[k] as usize];
        !head[k] && f.units >= 3 && (f.ends_sentence() || f.units >= 15)
    };
    let mut blocks_sum = vec![0u32; m + 1];
    for k in 0..m {
        let starts = head[k] && ((k + 1 < m && texty(k + 1)) || (k + 2 < m && texty(k + 2)));
        blocks_sum[k + 1] = blocks_sum[k] + u32::from(starts);
    }
    let mut counts: FastMap<&str, u32> = FastMap::default();
    for &i in &nb {
        let i = i as usize;
        *counts.entry(lines[i].as_ref()).or_insert(0) += 1;
    }
    let mut after_comments = false;
    // A "related"/"you may also like" list header was passed: prose after it is often teasers.
    let mut after_related = false;
    let mut marker_open = false;
    // The length of the run of short lines the current line is in (0 outside one).
    let mut run = 0usize;
    for k in 0..m {
        if !short[k] {
            run = 0;
        } else if k == 0 || !short[k - 1] {
            run = short[k..].iter().take_while(|&&x| x).count();
        }
        let i = nb[k] as usize;
        let f = &feats[i];
        let ch = chrome[i].get();
        if prose[k] && ch.is_none() {
            marker_open = false;
        }
        let lu = ln1(f.units as usize);
        let pos = if m > 1 {
            k as f32 / (m - 1) as f32
        } else {
            0.5
        };
        let c = (mass[k] as f32 + mass[k + 1] as f32) / 2.0 / total_mass;
        let prev = k.checked_sub(1).map(|p| nb[p] as usize);
        let next = nb.get(k + 1).map(|&n| n as usize);
        let b = |x: bool| if x { 1.0 } else { 0.0 };
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
            b(i == 0 || lines[i - 1].as_ref().is_empty()),
            b(i + 1 >= lines.len() || lines[i + 1].as_ref().is_empty()),
            b(counts.get(lines[i].as_ref()).is_some_and(|&n| n > 1)),
            pos,
            pos * pos,
            if mass[m] == 0 {
                0.0
            } else {
                4.0 * c * (1.0 - c)
            },
            prev.map_or(0.0, |p| ln1(feats[p].units as usize)),
            next.map_or(0.0, |n| ln1(feats[n].units as usize)),
            prev.map_or(0.0, |p| b(feats[p].ends_sentence())),
            next.map_or(0.0, |n| b(feats[n].ends_sentence())),
            window(k, 3),
            window(k, 10),
            if short[k] { ln1(run) } else { 0.0 },
            b(after_comments),
            b(marker_open),
            prev.map_or(0.0, |p| b(chrome[p].is_some())),
            next.map_or(0.0, |n| b(chrome[n].is_some())),
            page_prose,
            page_short,
            page_prose * lu,
            k.checked_sub(2)
                .map_or(0.0, |p| ln1(feats[nb[p] as usize].units as usize)),
            nb.get(k + 2)
                .map_or(0.0, |&n| ln1(feats[n as usize].units as usize)),
            dated_before(k, 10),
            b(block_a <= k && k <= block_b),
            if k < block_a { ln1(block_a - k) } else { 0.0 },
            if k > block_b { ln1(k - block_b) } else { 0.0 },
            mass[k] as f32 / total_mass,
            f.cjk_share,
            ln1(f.inner_sentences as usize),
            b(named[k]),
            b(after_related),
            ln1((blocks_sum[k] - blocks_sum[k.saturating_sub(15)]) as usize),
            ln1((blocks_sum[(k + 16).min(m)] - blocks_sum[k + 1]) as usize),
        ];
        emit(i, &v);
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
    }
}
