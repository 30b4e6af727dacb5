//! Stage 2: label every line of the paste with a [`Kind`] and a human-readable reason.
//!
//! How:
//! 1. [`language`] guesses the article's language (stopword hits, or the script);
//! 2. [`features`] measures each line (length, sentence shape, stopword share, datelines, …)
//!    and the chrome lexicon ([`crate::lexicon`]) recognizes known site phrases;
//! 3. [`line_vector`] adds context (neighbours, runs of short lines, position, list markers)
//!    and [`line_model`] (logistic regression plus boosted trees, trained by [`train`]) scores each line's
//!    log-odds of being article text;
//! 4. [`smooth`] turns the scores into article / not-article decisions over the sequence;
//! 5. [`kinds`] names every line: body or heading inside the article, and for the rest the
//!    boilerplate kind (chrome phrase, list section, dateline, byline, caption, …).
//!
//! Invariant: returns exactly one label per input line; blank lines are always `blank`.

pub mod features;
pub mod hints;
pub mod kinds;
pub mod language;
pub mod line_model;
pub mod line_vector;
pub mod smooth;
pub mod train;

use crate::lexicon::{self, ChromeHit};
use crate::model::{Kind, Line, ModelEvidence, Reason};
use features::{FeatureTable, Features};
use line_model::LineModel;
use line_vector::Vector;

/// A line's kind with the reason it was chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The kind.
    pub kind: Kind,
    /// Why, in a few words.
    pub reason: Reason,
}

/// What cleaning found: one label per line and the language guess.
#[derive(Debug, Clone, PartialEq)]
pub struct Cleaned {
    /// One label per input line, in order.
    pub labels: Vec<Label>,
    /// ISO 639-1 code of the article's language, if clear.
    pub language: Option<&'static str>,
}

impl Cleaned {
    /// The labels of `lines` (their kinds and reasons, in order) and `language`.
    fn of(lines: Vec<Line>, language: Option<&'static str>) -> Cleaned {
        Cleaned {
            labels: lines
                .into_iter()
                .map(|l| Label {
                    kind: l.kind,
                    reason: l.reason,
                })
                .collect(),
            language,
        }
    }
}

/// Everything measured about the lines before any decision (shared by cleaning and training).
pub struct Measured {
    /// The language guess.
    pub language: Option<&'static str>,
    /// Per-line features (and the marks [`FeatureTable::NAMED`], [`FeatureTable::DUPLICATE`]).
    pub feats: FeatureTable,
    /// Per-line chrome phrase match.
    pub chrome: Vec<ChromeHit>,
    /// `(line index, vector)` of every non-blank line, in order (empty unless asked for:
    /// [`measure`]).
    pub vectors: Vec<(usize, Vector)>,
}

/// Measures `lines` (normalized line texts, see [`crate::normalize`]), vectors included (what
/// training reads).
pub fn measure<T: AsRef<str>>(lines: &[T]) -> Measured {
    let mut m = measure_lines(lines);
    m.vectors = line_vector::vectors(&m.feats, &m.chrome, m.language_has_stoplist());
    m
}

impl Measured {
    /// Whether the article's language has a stopword list.
    fn language_has_stoplist(&self) -> bool {
        self.language.and_then(lexicon::stopword_bit).is_some()
    }
}

/// For each of `lines`, whether another line has the same text (never for a blank line).
///
/// The non-blank lines' positions are sorted by text (in place natively) and runs of equal
/// texts marked: 4 bytes a line while it runs, and the result 1, where a hash table of the texts took ~35 bytes a
/// distinct line (more than a short line itself: a pasted word list). The comparisons cost at
/// most the length of the shorter text each, so the time is O(input × log lines).
fn repeated_texts<T: AsRef<str>>(lines: &[T]) -> Vec<bool> {
    let text = |i: u32| lines.get(i as usize).map_or("", AsRef::as_ref);
    // Sized once (a collected filter would grow by doubling, twice the room at its peak).
    let mut order: Vec<u32> = Vec::with_capacity(lines.len());
    order.extend(
        (0..lines.len())
            .filter(|&i| !lines[i].as_ref().is_empty())
            .filter_map(|i| u32::try_from(i).ok()),
    );
    // By length first: most pairs differ there, with no byte compared.
    crate::sort::unstable_by(&mut order, |&a, &b| {
        let (a, b) = (text(a), text(b));
        a.len().cmp(&b.len()).then_with(|| a.cmp(b))
    });
    let mut out = vec![false; lines.len()];
    for w in order.windows(2) {
        if text(w[0]) == text(w[1]) {
            for i in [w[0], w[1]] {
                if let Some(r) = out.get_mut(i as usize) {
                    *r = true;
                }
            }
        }
    }
    out
}

/// Measures `lines` without their vectors (`vectors` is empty), in one pass: each line is
/// lowercased into one reused buffer, measured and matched against the chrome lexicon, and
/// marked when it is only a name; then the lines whose text another line repeats are marked.
/// The stopword hits of the lines read before the language guess is settled (at most
/// [`language::MAX_WORDS`] words) are kept until it is, a byte a line and three per language
/// with hits.
fn measure_lines<T: AsRef<str>>(lines: &[T]) -> Measured {
    // Whose text another line repeats: found first, so that its temporaries are gone before
    // the per-line tables are made.
    let repeated = repeated_texts(lines);
    let mut feats = FeatureTable::with_capacity(lines.len());
    let mut chrome: Vec<ChromeHit> = Vec::with_capacity(lines.len());
    let mut guess = language::Guess::new();
    // Once the guess is settled: its stopword bit.
    let mut settled: Option<Option<u16>> = None;
    // Before: the lines read (`waiting_until`) and the hits of each of them with words (see
    // `push_hits`).
    let mut waiting: Vec<u8> = Vec::new();
    let mut waiting_until = 0;
    let mut lower = String::new();
    for (i, l) in lines.iter().enumerate() {
        let l = l.as_ref();
        features::lowercase_into(l, &mut lower);
        let s = features::scan(l, &lower);
        if settled.is_none() {
            guess.add(&s);
            if guess.is_full() {
                settled = Some(guess.language().and_then(lexicon::stopword_bit));
            }
        }
        let f = &s.features;
        let hits = match settled {
            Some(bit) => features::hits_of(&s.stop_hits, bit),
            None => {
                waiting_until = i + 1;
                if f.words > 0 {
                    push_hits(&mut waiting, &s.stop_hits);
                }
                0
            }
        };
        // On long sentence-shaped lines only notice/copyright phrases count: elsewhere a chrome
        // phrase there is part of a sentence. Site chrome is short; longer lines only get the
        // checks that hold on prose.
        chrome.push(ChromeHit::of(if l.is_empty() {
            None
        } else if f.units > 14 || (f.units >= 8 && f.ends_sentence()) {
            lexicon::match_chrome_on_prose(&lower)
        } else {
            lexicon::match_chrome(&lower)
        }));
        let named = f.units <= 4 && !l.is_empty() && kinds::is_name_shaped(l);
        feats.push(&s, hits);
        if named {
            feats.mark(i, FeatureTable::NAMED);
        }
        if repeated.get(i).copied().unwrap_or(false) {
            feats.mark(i, FeatureTable::DUPLICATE);
        }
    }
    drop(repeated);
    let language = guess.language();
    let bit = language.and_then(lexicon::stopword_bit);
    let mut at = 0;
    for i in 0..waiting_until {
        if feats.brief(i).words == 0 {
            continue;
        }
        let hits = read_hits(&waiting, &mut at);
        feats.set_stop_hits(i, features::hits_of(&hits, bit));
    }
    drop(waiting);
    feats.shrink_to_fit();
    Measured {
        language,
        feats,
        chrome,
        vectors: Vec::new(),
    }
}

/// Appends a line's stopword hits per language to `out`, in a few bytes: a tag byte (0 no
/// hits; 1 at most one hit per language; 2 more), then for tags 1 and 2 the mask of the
/// languages with hits (two bytes), then for tag 2 each one's count (two bytes each).
fn push_hits(out: &mut Vec<u8>, hits: &[u16; lexicon::MAX_LANGS]) {
    const _: () = assert!(lexicon::MAX_LANGS <= 16, "a mask of two bytes");
    let most = hits.iter().copied().max().unwrap_or(0);
    if most == 0 {
        out.push(0);
        return;
    }
    let mut mask = 0u16;
    for (k, &h) in hits.iter().enumerate() {
        if h > 0 {
            mask |= 1 << k;
        }
    }
    let tag = if most == 1 { 1 } else { 2 };
    out.push(tag);
    out.extend(mask.to_le_bytes());
    if tag == 2 {
        for &h in hits.iter().filter(|&&h| h > 0) {
            out.extend(h.to_le_bytes());
        }
    }
}

/// The hits [`push_hits`] wrote at `bytes[*at..]`, moving `at` past them.
fn read_hits(bytes: &[u8], at: &mut usize) -> [u16; lexicon::MAX_LANGS] {
    let mut hits = [0u16; lexicon::MAX_LANGS];
    let mut next = || {
        let b = bytes.get(*at).copied().unwrap_or(0);
        *at += 1;
        b
    };
    let tag = next();
    if tag == 0 {
        return hits;
    }
    let mut two = || u16::from_le_bytes([next(), next()]);
    let mask = two();
    for (k, h) in hits.iter_mut().enumerate() {
        if mask >> k & 1 != 0 {
            *h = if tag == 1 { 1 } else { two() };
        }
    }
    hits
}

/// A non-blank line as the line model scored it: the score and what its reason says of the
/// vector (made as the line is scored and written into its reason, [`ModelEvidence`]).
#[derive(Debug, Clone, Copy)]
pub struct Scored {
    /// Index of the line (`u32`: cleaning keeps one per non-blank line).
    pub line: u32,
    /// The model's log-odds of article text.
    pub logit: f32,
    /// The length of the run of short lines the line is in: `exp(short_run_ln)`, rounded.
    pub run: u32,
    /// [`ModelEvidence`] flags read from the vector: `AMONG_PROSE` (`window3_prose` ≥ 0.5),
    /// `NO_PROSE` (it is 0), `UNDER_LIST_HEADER` (`in_marked_list`), `AFTER_COMMENTS`
    /// (`after_comments_marker`).
    pub context: u8,
}

impl Scored {
    /// Line `i` scored `logit`, with what its reason reads from `v` (`at`: the indices of
    /// [`CONTEXT`] in the vector).
    fn new(i: usize, logit: f32, v: &Vector, at: &[Option<usize>; 4]) -> Scored {
        let [short_run_ln, window3_prose, in_marked_list, after_comments_marker] =
            at.map(|j| j.map_or(0.0, |j| v[j]));
        let mut context = 0;
        for (on, flag) in [
            (window3_prose >= 0.5, ModelEvidence::AMONG_PROSE),
            (window3_prose == 0.0, ModelEvidence::NO_PROSE),
            (in_marked_list > 0.0, ModelEvidence::UNDER_LIST_HEADER),
            (after_comments_marker > 0.0, ModelEvidence::AFTER_COMMENTS),
        ] {
            if on {
                context |= flag;
            }
        }
        let run = short_run_ln.exp().round() as usize;
        Scored {
            line: u32::try_from(i).unwrap_or(u32::MAX),
            logit,
            run: u32::try_from(run).unwrap_or(u32::MAX),
            context,
        }
    }
}

/// The vector values a reason names, in [`Scored::context`] order.
const CONTEXT: [&str; 4] = [
    "short_run_ln",
    "window3_prose",
    "in_marked_list",
    "after_comments_marker",
];

/// Labels every line with the embedded model. `lines` are normalized line texts.
pub fn classify(lines: &[Box<str>]) -> Vec<Label> {
    clean(lines).labels
}

/// Labels every line with the embedded model and reports the language guess.
pub fn clean(lines: &[Box<str>]) -> Cleaned {
    clean_with(lines, LineModel::embedded())
}

/// Labels every line using `model` (the bench uses this for cross-validation).
pub fn clean_with(lines: &[Box<str>], model: &LineModel) -> Cleaned {
    let mut lines = crate::normalize::lines_of(lines);
    let language = clean_lines_with(&mut lines, model);
    Cleaned::of(lines, language)
}

/// Labels every line of `lines` (unlabelled lines of normalized text, as
/// [`crate::normalize::lines`] gives them) in place with the embedded model: sets each line's
/// kind and reason, nothing else. Returns the language guess.
pub fn clean_lines(lines: &mut [Line]) -> Option<&'static str> {
    clean_lines_with(lines, LineModel::embedded())
}

/// [`clean_lines`] with `model`.
///
/// How the lines hold what cleaning finds: once scored, a non-blank line's reason is the
/// model's evidence ([`Reason::Model`]: its score and what the reason says of its vector);
/// smoothing reads the scores from there and naming the kinds overwrites every reason.
pub fn clean_lines_with(lines: &mut [Line], model: &LineModel) -> Option<&'static str> {
    let m = measure_lines(lines);
    let at: [Option<usize>; 4] = CONTEXT.map(line_vector::index_of);
    let scorer = model.scorer();
    line_vector::for_each_vector(
        &m.feats,
        &m.chrome,
        m.language_has_stoplist(),
        &mut |i, f, v| set_evidence(lines, i, f, scorer.logit(v), v, &at),
    );
    label_scored(&m, lines);
    m.language
}

/// Makes line `i`'s reason the model's evidence: the line's features `f`, its score `logit`
/// and what its reason reads of its vector `v` (`at`: the indices of [`CONTEXT`] in it).
fn set_evidence(
    lines: &mut [Line],
    i: usize,
    f: &Features,
    logit: f32,
    v: &Vector,
    at: &[Option<usize>; 4],
) {
    if let Some(l) = lines.get_mut(i) {
        let s = Scored::new(i, logit, v, at);
        l.reason = Reason::Model(kinds::model_evidence(f, &s));
    }
}

/// Smooths the scores the non-blank lines of `lines` hold as their reasons
/// ([`Reason::Model`], as [`clean_lines_with`] and [`hints`] write them; a line without one
/// scores 0) into decisions and names every line (kind and reason): the steps after scoring.
/// `m` measured `lines`.
pub fn label_scored(m: &Measured, lines: &mut [Line]) {
    let (feats, chrome) = (&m.feats, &m.chrome);
    let read: &[Line] = lines;
    let nonblank = read.iter().filter(|l| !l.text.is_empty()).count();
    let article = smooth::decide_with(nonblank, || {
        read.iter()
            .enumerate()
            .filter(|(_, l)| !l.text.is_empty())
            .map(|(i, l)| {
                let eligible = chrome.get(i).is_some_and(|c| c.is_none()) && feats.units(i) >= 8;
                (kinds::score_of(&l.reason), eligible)
            })
    });
    kinds::label_all(m, lines, article);
}

#[cfg(test)]
mod tests;
