//! The headline and the deck (standfirst).
//!
//! The title is the headline-shaped line that best introduces the article: it stands before the
//! main body (close to it), its content words recur in the body, and a byline or date line
//! usually follows it within a few lines. Each candidate gets a score from these signals; the
//! best wins, and copies of the same text (a headline repeated above the article) are title
//! lines too. A date glued in front of the headline ("date 2025-01-21 Strengthening …") is not
//! part of the title text.

use super::byline;
use super::page::{ends_sentence, word_count, Page};
use crate::model::Kind;
use std::sync::OnceLock;

/// The chosen title.
#[derive(Debug, Clone, PartialEq)]
pub struct TitleChoice {
    /// The headline text (a glued date prefix removed).
    pub text: String,
    /// 0-based indices of the lines that carry it (the first is the one chosen).
    pub lines: Vec<usize>,
    /// Why, for the line's reason.
    pub reason: String,
}

/// The chosen standfirst.
#[derive(Debug, Clone, PartialEq)]
pub struct Standfirst {
    /// Its text.
    pub text: String,
    /// 0-based line index.
    pub line: usize,
}

/// At most this many lines are scored (a title stands near the top of a paste).
const MAX_CANDIDATES: usize = 3000;

/// `s` with its words joined by one space, lowercased.
fn normalized(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut words = s.split_whitespace();
    if let Some(w) = words.next() {
        out.push_str(w);
        for w in words {
            out.push(' ');
            out.push_str(w);
        }
    }
    match out.is_ascii() {
        true => {
            out.make_ascii_lowercase();
            out
        }
        false => out.to_lowercase(),
    }
}

/// [`normalized`]`(text)` for `text` = line `i`'s text or a part of it (as [`title_text`]
/// gives): borrowed from the page's lowercase of the line when the text is already
/// whitespace-normalized and lowercasing it alone reads the same.
fn key_of<'p>(page: &'p Page, i: usize, text: &str) -> std::borrow::Cow<'p, str> {
    let line: &str = &page.lines[i].text;
    let b = text.as_bytes();
    let normal = b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && !b.iter().any(|c| matches!(c, b'\t'..=b'\r'))
        && !b.windows(2).any(|w| w == b"  ");
    if normal {
        let lower = page.lower(i);
        if text.len() == line.len() && text.as_ptr() == line.as_ptr() {
            // The whole line: its lowercase is the page's, if no other whitespace is in it.
            if (text.is_ascii() || !text.chars().any(|c| !c.is_ascii() && c.is_whitespace()))
                && lower.len() >= text.len().min(1)
            {
                return std::borrow::Cow::Borrowed(lower);
            }
        } else if line.is_ascii() && lower.len() == line.len() {
            // A part of an ASCII line: the same bytes of its lowercase.
            let at = (text.as_ptr() as usize).wrapping_sub(line.as_ptr() as usize);
            if let Some(k) = at
                .checked_add(text.len())
                .and_then(|end| lower.get(at..end))
            {
                return std::borrow::Cow::Borrowed(k);
            }
        }
    }
    std::borrow::Cow::Owned(normalized(text))
}

/// Title text of line `i`: the line without a leading date (and its cue word).
fn title_text<'a>(page: &Page<'a>, i: usize) -> &'a str {
    let text: &'a str = &page.lines[i].text;
    if let Some(d) = page.dates(i).first() {
        let before = text.get(..d.start).unwrap_or("").trim();
        let cue_only = before.split_whitespace().all(|w| {
            matches!(
                w.to_lowercase().trim_matches(':'),
                "date" | "published" | "posted" | "updated" | "on"
            )
        });
        let rest = text
            .get(d.end..)
            .unwrap_or("")
            .trim_start_matches([' ', '|', '-', '–', '—', ':', '•', '·', ','])
            .trim();
        if cue_only && word_count(rest) >= 3 {
            return rest;
        }
    }
    text
}

const PHOTO_CREDITS: &str = data_file!("meta/photo_credits.txt");

/// True if `w` is one of the photo credit words of `data/meta/photo_credits.txt`.
fn is_credit_word(w: &str) -> bool {
    static WORDS: OnceLock<crate::fasthash::FastSet<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            PHOTO_CREDITS
                .lines()
                .filter(|l| !l.starts_with('#'))
                .map(str::trim)
                .collect()
        })
        .contains(w)
}

/// True if `text` is a bare photo credit: "Anna Moneymaker/The New York Times",
/// "Amy K. Dragoo/AIMMEDIA" (names around a slash, no sentence).
pub fn is_credit_line(text: &str) -> bool {
    let t = text.trim();
    let Some((a, b)) = t.split_once('/') else {
        return false;
    };
    let cap = |s: &str| s.trim().chars().next().is_some_and(char::is_uppercase);
    !t.contains("//")
        && !a.ends_with(' ')
        && !b.starts_with(' ')
        && cap(a)
        && cap(b)
        && t.split_whitespace().count() <= 8
        && !ends_sentence(t)
        && a.split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase))
        && b.split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase))
}

/// True if `text` ends like a caption: a bracketed photo credit ("(AP Photo/Jane Doe)",
/// "[File: Reuters]", "(onmeth.com)") or "… Submitted photo".
pub fn ends_with_photo_credit(text: &str) -> bool {
    let t = text.trim_end();
    // Both shapes need a closing bracket at the end or the word "photo" (no other characters
    // lowercase to its letters): most lines have neither.
    let photo = || {
        let b = t.as_bytes();
        memchr::memchr2_iter(b'p', b'P', b).any(|at| {
            b.get(at..at + 5)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"photo"))
        })
    };
    if !(t.ends_with([')', ']']) || photo()) {
        return false;
    }
    let lower = t.to_lowercase();
    let words_of = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    for (open, close) in [('(', ')'), ('[', ']')] {
        if lower.ends_with(close) {
            if let Some(p) = lower.rfind(open) {
                let inside = &lower[p + 1..lower.len() - 1];
                let ws = words_of(inside);
                if ws.len() <= 6
                    && (inside.contains('/')
                        || inside.contains(".com")
                        || ws.iter().any(|w| is_credit_word(w)))
                {
                    return true;
                }
            }
        }
    }
    let ws = words_of(&lower);
    ws.len() >= 2 && ws[ws.len() - 1] == "photo" && is_credit_word(&ws[ws.len() - 2])
}

fn excluded_kind(k: Kind) -> bool {
    matches!(
        k,
        Kind::Blank
            | Kind::Copyright
            | Kind::Comments
            | Kind::Notice
            | Kind::Date
            | Kind::Byline
            | Kind::Caption
            | Kind::Credit
    )
}

/// How many non-blank lines after a candidate are read as "the article that follows".
const FOLLOWING: usize = 40;

/// True if line `j` is a byline or mostly a date.
fn is_byline_or_date(page: &Page, j: usize) -> bool {
    page.byline_or_date(j, || {
        page.date_share(j) > 0.4
            || page.is_cued_byline(j)
            || !page.dates(j).is_empty() && byline::parse_dated_name(&page.lines[j].text).is_some()
    })
}

/// Steps (non-blank lines) from `i` to the first byline/date line within `max` lines after it.
fn byline_or_date_after(page: &Page, i: usize, max: usize) -> Option<usize> {
    let mut k = i;
    for step in 0..max {
        k = page.next_nonblank(k)?;
        if is_byline_or_date(page, k) {
            return Some(step);
        }
    }
    None
}

/// Names of the title features, in order (also the rows of `data/meta/title_weights.tsv`).
pub const FEATURES: [&str; NF] = [
    "bias",
    "share_following",
    "hits_following",
    "share_body",
    "no_overlap",
    "prose_distance",
    "prose_mass",
    "meta_after",
    "meta_next",
    "near_before_body",
    "far_before_body",
    "after_body",
    "inside_body",
    "article_kind",
    "has_date",
    "full_stop",
    "question",
    "few_words",
    "headline_length",
    "chrome",
    "cleaning_title",
    "repeated",
    "deck_follows",
    "prose_before",
    "breadcrumb",
    "all_caps",
    "position",
    "echoed",
    "closest_before_meta",
    "meta_before",
    "longer_line_follows",
    "under_a_headline",
];

/// Number of features.
pub const NF: usize = 32;

const WEIGHTS_TSV: &str = data_file!("meta/title_weights.tsv");

/// The learned weight of each feature (0 for a feature the file does not list).
fn weights() -> &'static [f32; NF] {
    static W: OnceLock<[f32; NF]> = OnceLock::new();
    W.get_or_init(|| {
        let mut w = [0.0f32; NF];
        for l in WEIGHTS_TSV.lines().filter(|l| !l.starts_with('#')) {
            if let Some((name, v)) = l.split_once('\t') {
                if let (Some(k), Some(v)) = (
                    FEATURES.iter().position(|f| *f == name.trim()),
                    crate::num::parse_f32(v.trim()),
                ) {
                    w[k] = v;
                }
            }
        }
        w
    })
}

/// True if `text` looks like a breadcrumb trail ("Home News Business …", "Blog > Tips").
fn is_breadcrumb(text: &str) -> bool {
    crate::lower::with_lower(text, |lower| is_breadcrumb_lower(text, lower))
}

/// [`is_breadcrumb`] given `lower`, the lowercase of `text`.
fn is_breadcrumb_lower(text: &str, lower: &str) -> bool {
    lower.starts_with("home ") && word_count(text) >= 3
        || lower.starts_with("share ")
        || ["»", " > ", "›", "you are here", "sharing options"]
            .iter()
            .any(|m| lower.contains(m))
}

/// The features of line `i` (with title text `text`) as a title, or None when it cannot be one
/// (wrong kind, too long or short, a date/byline/caption line, a sentence inside prose).
/// Signals: its words recur in the prose that follows (and in cleaning's body); prose starts
/// soon after; a byline or date follows; it stands just before cleaning's article; it is shaped
/// like a headline.
pub fn features(page: &Page, i: usize, text: &str) -> Option<[f32; NF]> {
    match scored(page, i, text, None) {
        Scored::Full(f) => Some(f),
        Scored::Not | Scored::Below => None,
    }
}

/// What [`scored`] makes of a line.
enum Scored {
    /// Not a title candidate ([`features`] is None).
    Not,
    /// A candidate whose score is below the floor it was given (its features were not all
    /// computed).
    Below,
    /// A candidate and its features.
    Full([f32; NF]),
}

/// The features that [`scored`] computes last (the dearer ones), each between 0 and 1.
const LATER: [usize; 10] = [19, 21, 23, 24, 25, 27, 28, 29, 30, 31];

/// The word-overlap features, computed after the first floor test (then [`LATER`]).
const STEMS: [usize; 4] = [1, 2, 3, 4];

/// True if a candidate whose features `f` are known but for those in the `later` groups (still
/// 0; each ends between 0 and 1) scores below `floor` whatever their values: the known
/// features' weighted sum plus every positive weight of `later` stays under the floor by a
/// margin far above float rounding.
fn below(f: &[f32; NF], later: &[&[usize]], floor: Option<f32>) -> bool {
    let Some(floor) = floor else {
        return false;
    };
    let w = weights();
    let known: f32 = f.iter().zip(w.iter()).map(|(x, w)| x * w).sum();
    let most: f32 = later
        .iter()
        .flat_map(|g| g.iter())
        .map(|&k| w[k].max(0.0))
        .sum();
    // (NaN anywhere compares false: never below.)
    known + most < floor - 0.01
}

/// [`features`] of line `i` as a title, but a candidate that cannot score `floor` or more is
/// answered [`Scored::Below`] as soon as that is sure (None: never).
fn scored(page: &Page, i: usize, text: &str, floor: Option<f32>) -> Scored {
    let line = &page.lines[i];
    if excluded_kind(line.kind) {
        return Scored::Not;
    }
    let prefix_stripped = text.len() != line.text.len();
    let words = match prefix_stripped {
        true => word_count(text),
        // (Past 30 words a line is no candidate.)
        false => page.words_up_to(i, 31),
    };
    let chars = text.chars().count();
    if !(1..=30).contains(&words) || !(4..=300).contains(&chars) {
        return Scored::Not;
    }
    if !prefix_stripped && page.date_share(i) > 0.4
        || page.is_cued_byline(i)
        || ends_with_photo_credit(text)
        || is_credit_line(text)
    {
        return Scored::Not;
    }
    // The value of a field ("Author:" then "Jane Doe") is not a headline.
    let prev = (0..i).rev().find(|&j| !page.lines[j].text.is_empty());
    if prev.is_some_and(|p| page.lines[p].text.ends_with(':') && page.words_up_to(p, 4) <= 3) {
        return Scored::Not;
    }
    let meta_after = byline_or_date_after(page, i, 8);
    let sentence = ends_sentence(text);
    let question = text.ends_with('?') || text.ends_with('!') || text.ends_with("!\"");
    if line.kind.is_article() {
        // Cleaning called it article text: only a headline-shaped line, not inside prose — a
        // question or exclamation only as one sentence ("Is an oxygen bar in Delhi safe?").
        let near_meta = meta_after.is_some_and(|s| s <= 1);
        let limit = if near_meta { 30 } else { 20 };
        // Two sentences ("Nunca ouviu …? Assista …!") are prose; "Meth. We're on it" may be a title.
        let inner_question = ["? ", "! "].iter().any(|b| text.trim_end().contains(b));
        let inner_break = inner_question || text.trim_end().contains(". ");
        let one_question = question && !inner_question && words <= 20;
        if words > limit
            || inner_break && (words > 20 || inner_question)
            || sentence && !(question && near_meta || one_question)
        {
            return Scored::Not;
        }
        let prev = (0..i).rev().find(|&j| !page.lines[j].text.is_empty());
        if prev.is_some_and(|p| page.long(p) && page.lines[p].kind.is_article()) {
            return Scored::Not;
        }
    }
    if sentence && !question && words > 12 {
        return Scored::Not;
    }
    // The prose that follows: the long lines among the next non-blank lines, but for copies of
    // the key (the last one read bounds the word-overlap search).
    let mut last_following = None;
    let mut first_long = None;
    let mut mass = 0usize;
    // Line texts are already whitespace-normalized, so a line's `normalized` form is its
    // lowercase, which the page holds (`page.lower`): no allocation per compared line.
    let key_cow = key_of(page, i, text);
    let key = &*key_cow;
    for (step, n) in page.long_after(i, FOLLOWING) {
        if !page.lower_is(n, key) {
            first_long.get_or_insert(step);
            mass += page.lines[n].text.len();
            last_following = Some(n);
        }
    }
    let Some(first_long) = first_long else {
        return Scored::Not;
    };
    let mut f = [0.0f32; NF];
    f[0] = 1.0;
    f[5] = first_long.min(30) as f32 / 10.0;
    f[6] = (mass as f32 / 5000.0).min(1.0);
    if let Some(step) = meta_after {
        f[7] = (8 - step.min(8)) as f32 / 8.0;
        f[8] = f32::from(step <= 1);
    }
    if let Some((a, b)) = page.body {
        let gap = page.nonblank_between(i.min(a), a.max(i));
        f[9] = f32::from(i <= a && gap <= 15 || i > a && gap <= 2 && line.kind.is_article());
        f[10] = if i < a {
            (gap as f32 / 20.0).min(3.0)
        } else {
            0.0
        };
        f[11] = f32::from(i > b);
        f[12] = f32::from(i > a && i <= b && gap > 2);
    }
    f[13] = f32::from(line.kind.is_article());
    f[14] = f32::from(!page.dates(i).is_empty() && !prefix_stripped);
    f[15] = f32::from(sentence && !question);
    f[16] = f32::from(question);
    f[17] = f32::from(words < 3);
    f[18] = f32::from((3..=22).contains(&words));
    f[20] = f32::from(line.kind == Kind::Title);
    if let Some(n) = page.next_nonblank(i) {
        let nt = &page.lines[n].text;
        f[22] = f32::from(ends_sentence(nt) && (8..=60).contains(&page.words_up_to(n, 61)));
    }
    f[26] = i as f32 / page.lines.len().max(1) as f32;
    // The cheap features are in: a candidate that cannot beat `floor` even with the best values
    // of the others is left there.
    if below(&f, &[&STEMS, &LATER], floor) {
        return Scored::Below;
    }
    // Stem ids of the title's content words (None: no line of the page has that stem).
    let mut cw: Vec<Option<u32>> = Vec::new();
    page.for_each_stem_id(text, |id| cw.push(id));
    if !cw.is_empty() {
        // The following lines are the long ones among the non-blank lines after `i` up to the
        // last one read, but for copies of the key.
        let hits = match last_following {
            None => 0,
            Some(last) => {
                let keep = |l: usize| page.long(l) && !page.lower_is(l, key);
                cw.iter()
                    .filter(|id| id.is_some_and(|id| page.stem_in(id, i + 1..last + 1, keep)))
                    .count()
            }
        };
        let body_hits = cw
            .iter()
            .filter(|id| id.is_some_and(|id| page.in_body(id)))
            .count();
        f[1] = hits as f32 / cw.len() as f32;
        f[2] = hits.min(6) as f32 / 6.0;
        f[3] = body_hits as f32 / cw.len() as f32;
        f[4] = f32::from(cw.len() >= 2 && hits == 0);
    }
    if below(&f, &[&LATER], floor) {
        return Scored::Below;
    }
    f[19] = f32::from(page.chrome(i).is_some());
    f[21] = f32::from(
        (i.saturating_sub(12)..(i + 13).min(page.lines.len()))
            .any(|j| j != i && page.lower_is(j, key)),
    );
    let mut k = i;
    for _ in 0..2 {
        let Some(p) = (0..k).rev().find(|&j| !page.lines[j].text.is_empty()) else {
            break;
        };
        k = p;
        if page.long(p) && !is_byline_or_date(page, p) {
            f[23] = 1.0;
            break;
        }
    }
    f[24] = f32::from(match key_cow {
        // A borrowed key is the text's lowercase.
        std::borrow::Cow::Borrowed(lower) => is_breadcrumb_lower(text, lower),
        std::borrow::Cow::Owned(_) => is_breadcrumb(text),
    });
    let mut letters = text.chars().filter(|&c| super::page::is_alphabetic(c));
    f[25] = f32::from(letters.clone().count() >= 4 && letters.all(|c| !c.is_lowercase()));
    // Echoed: the same words stand elsewhere on the page (a breadcrumb, a share text, the
    // headline repeated further away).
    if words >= 3 {
        let lo = i.saturating_sub(300);
        let hi = (i + 300).min(page.lines.len());
        // Another line holding the key (a longer one, or an equal one more than 12 lines away):
        // one substring search over the lines around it, as they stand together in the page's
        // lowercase buffer.
        f[27] = f32::from(page.lowercase_holding(key, lo..hi).any(|j| {
            let len = page.lower_len(j);
            j != i && len > key.len() || j.abs_diff(i) > 12 && len == key.len()
        }));
    }
    if let Some(step) = meta_after {
        // No other headline-shaped line between it and that byline/date line.
        let mut k = i;
        let mut closest = true;
        for _ in 0..step {
            let Some(n) = page.next_nonblank(k) else {
                break;
            };
            k = n;
            let t = &page.lines[n].text;
            if page.words_up_to(n, 3) >= 3 && !ends_sentence(t) && page.chrome(n).is_none() {
                closest = false;
            }
        }
        f[28] = f32::from(closest);
    }
    let mut k = i;
    for _ in 0..2 {
        let Some(p) = (0..k).rev().find(|&j| !page.lines[j].text.is_empty()) else {
            break;
        };
        k = p;
        if is_byline_or_date(page, p) {
            f[29] = 1.0;
            break;
        }
    }
    // Headline over deck: a longer headline-like line follows, or this one is that deck.
    let plain = |j: usize| {
        let t = &page.lines[j].text;
        !is_byline_or_date(page, j) && page.chrome(j).is_none() && !t.is_empty()
    };
    // (The cheap tests first: `plain` asks the memoized byline and chrome tests.)
    if let Some(n) = page.next_nonblank(i) {
        let nw = page.words_up_to(n, 41);
        f[30] = f32::from((10..=40).contains(&nw) && nw * 10 >= words * 13 && plain(n));
    }
    if let Some(p) = prev {
        let t = &page.lines[p].text;
        // (`words` is at most 30.)
        let pw = page.words_up_to(p, 31);
        f[31] = f32::from(pw >= 5 && pw < words && !ends_sentence(t) && plain(p));
    }
    Scored::Full(f)
}

/// A title candidate's score (its weighted features) and the reason naming the features that
/// helped most.
fn weigh(f: &[f32; NF]) -> (f32, String) {
    let w = weights();
    let s: f32 = f.iter().zip(w.iter()).map(|(x, w)| x * w).sum();
    // The reason names the three features that helped most.
    let mut parts: Vec<(f32, &str)> = f
        .iter()
        .zip(w.iter())
        .zip(FEATURES.iter())
        .skip(1)
        .map(|((x, w), n)| (x * w, *n))
        .filter(|(c, _)| *c > 0.0)
        .collect();
    crate::sort::by(&mut parts, |a, b| b.0.total_cmp(&a.0));
    let why = parts
        .iter()
        .take(3)
        .map(|(_, n)| n.replace('_', " "))
        .collect::<Vec<_>>()
        .join(", ");
    (s, why)
}

/// Every title candidate with its features: (line index, title text, features). The bench's
/// `--train-title` fits `data/meta/title_weights.tsv` from these.
pub fn candidate_features(page: &Page) -> Vec<(usize, String, [f32; NF])> {
    let mut out = Vec::new();
    for_each_candidate(page, |i, text, f| {
        out.push((i, text.to_string(), *f));
        None
    });
    out
}

/// Calls `f(line index, title text, features)` for every title candidate, in line order
/// (at most [`MAX_CANDIDATES`]). Once `f` returns a floor, candidates that score below it are
/// skipped (still counted as candidates) without computing all their features.
fn for_each_candidate<'a>(
    page: &Page<'a>,
    mut f: impl FnMut(usize, &'a str, &[f32; NF]) -> Option<f32>,
) {
    let mut n = 0;
    let mut floor = None;
    for i in 0..page.lines.len() {
        if page.lines[i].text.is_empty() || page.long(i) && page.lines[i].text.len() > 300 {
            continue;
        }
        if n >= MAX_CANDIDATES {
            break;
        }
        let text = title_text(page, i);
        match scored(page, i, text, floor) {
            Scored::Not => {}
            Scored::Below => n += 1,
            Scored::Full(feats) => {
                n += 1;
                floor = f(i, text, &feats).or(floor);
            }
        }
    }
}

/// The weighted sum of a candidate's features.
fn score(f: &[f32; NF]) -> f32 {
    f.iter().zip(weights().iter()).map(|(x, w)| x * w).sum()
}

/// Chooses the title, or None when no line is headline-shaped near the article.
pub fn choose(page: &Page) -> Option<TitleChoice> {
    // The first candidate with the highest score (a later one must score strictly higher, so
    // one scoring below the best so far is skipped as soon as that is sure).
    let mut best: Option<(f32, usize, &str, [f32; NF])> = None;
    for_each_candidate(page, |i, text, f| {
        let s = score(f);
        if !best.as_ref().is_some_and(|b| b.0 >= s) {
            best = Some((s, i, text, *f));
        }
        best.as_ref().map(|b| b.0)
    });
    let (_, i, text, f) = best?;
    let (s, why) = weigh(&f);
    let key = key_of(page, i, text);
    let mut lines = vec![i];
    for j in i.saturating_sub(12)..(i + 13).min(page.lines.len()) {
        if j != i && key_of(page, j, title_text(page, j)) == key {
            lines.push(j);
        }
    }
    Some(TitleChoice {
        text: text.to_string(),
        lines,
        reason: format!(
            "headline before the article (score {}: {why})",
            crate::num::fixed(f64::from(s), 2, false)
        ),
    })
}

/// The deck under the title: the first line after it (skipping date and byline lines) when it
/// reads as a summary set apart from the body — either cleaning kept it out of the body, or
/// non-article lines separate it from the body, or it is a headline-style sentence without a full
/// stop directly above the body.
pub fn standfirst(page: &Page, title: &TitleChoice) -> Option<Standfirst> {
    let last_title = *title.lines.iter().max()?;
    let mut i = last_title;
    let cand = loop {
        i = page.next_nonblank(i)?;
        if title.lines.contains(&i) || page.is_cued_byline(i) || page.date_share(i) > 0.4 {
            continue;
        }
        break i;
    };
    let l = &page.lines[cand];
    let words = page.words_up_to(cand, crate::clean::kinds::MAX_DECK_WORDS + 1);
    if !(6..=crate::clean::kinds::MAX_DECK_WORDS).contains(&words)
        || !matches!(
            l.kind,
            Kind::Body
                | Kind::Heading
                | Kind::Navigation
                | Kind::Promo
                | Kind::Standfirst
                | Kind::Title
        )
    {
        return None;
    }
    if page.chrome(cand).is_some() {
        return None;
    }
    // A deck stands above the article's body: an article line is never taken as the deck when
    // no body paragraph follows it (that would empty the article instead of finding its deck).
    if l.kind.is_article()
        && !(cand + 1..page.lines.len()).any(|j| page.lines[j].kind == Kind::Body)
    {
        return None;
    }
    let next = page.next_nonblank(cand);
    let next_is_article = next.is_some_and(|n| page.lines[n].kind.is_article());
    let set_apart = !l.kind.is_article() && page.body.is_some_and(|(a, _)| cand < a);
    let separated = l.kind.is_article() && next.is_some_and(|n| !page.lines[n].kind.is_article());
    // A deck without a full stop; a line ending in a bracketed credit is a caption instead.
    let deck_style = !ends_sentence(&l.text)
        && next_is_article
        && words <= 35
        && !l.text.trim_end().ends_with(')');
    (set_apart && ends_sentence(&l.text) || separated || deck_style).then(|| Standfirst {
        text: String::from(&*l.text),
        line: cand,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tuning aid: `PAGE=path cargo test --release --lib title_candidates -- --ignored --nocapture`
    /// prints the best title candidates of one paste.
    #[test]
    #[ignore]
    fn title_candidates() {
        let path = std::env::var("PAGE").expect("PAGE=path");
        let text = std::fs::read_to_string(path).expect("readable");
        let mut lines = crate::normalize::lines(&text);
        crate::clean::clean_lines(&mut lines);
        let page = Page::new(&lines, None);
        println!("body cluster {:?}", page.body.map(|(a, b)| (a + 1, b + 1)));
        let mut c: Vec<(f32, usize, String, String)> = candidate_features(&page)
            .into_iter()
            .map(|(i, t, f)| {
                let (s, why) = weigh(&f);
                (s, i, t, why)
            })
            .collect();
        crate::sort::by(&mut c, |a, b| b.0.total_cmp(&a.0));
        for (s, i, t, why) in c.iter().take(8) {
            println!(
                "{s:6.2} line {:4} [{}] {t:.70} | {why}",
                i + 1,
                lines[*i].kind.as_str()
            );
        }
    }

    #[test]
    fn skipping_low_candidates_keeps_the_choice() {
        // The choice equals the first best of all candidates' full features.
        let Ok(dir) = std::fs::read_dir("../shared/seeds") else {
            return;
        };
        for e in dir.flatten() {
            let text = std::fs::read_to_string(e.path()).unwrap_or_default();
            let lines = crate::analyze(&text, &crate::model::Options::default()).lines;
            let page = Page::new(&lines, None);
            let mut want: Option<(f32, usize)> = None;
            for (i, _, f) in candidate_features(&page) {
                if !want.is_some_and(|b| b.0 >= score(&f)) {
                    want = Some((score(&f), i));
                }
            }
            assert_eq!(choose(&page).map(|t| t.lines[0]), want.map(|w| w.1));
        }
    }

    #[test]
    fn photo_credits_mark_captions() {
        for c in [
            "A long row of unsold vehicles sits at a dealership. (AP Photo/David Zalubowski)",
            "Roughly 13,000 US troops remain in Afghanistan [File: Reuters]",
            "Materials from the campaign. (onmeth.com)",
            "Ryan S. Hollman Submitted photo",
            "WikiLeaks founder Julian Assange (AFP)",
        ] {
            assert!(ends_with_photo_credit(c), "{c}");
        }
        assert!(is_credit_line("Anna Moneymaker/The New York Times"));
        assert!(is_credit_line("Amy K. Dragoo/AIMMEDIA"));
        assert!(!is_credit_line("Israel/Gaza: ceasefire talks resume"));
        for h in [
            "Xi and Putin Strengthen Ties in Video Call",
            "Tennis Podcast: Davis Cup Finals launch in Madrid (and feelings are mixed)",
        ] {
            assert!(!ends_with_photo_credit(h), "{h}");
        }
    }
}
