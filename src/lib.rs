//! presslens: turn a news article pasted as plain text into a clean article and structured facts.
//!
//! One entry point, [`analyze`], is shared by the CLI, the wasm binding, the bench and the tests.
//! The pipeline is a chain of pure stages, each its own module (see ARCHITECTURE.md):
//!
//! 1. [`normalize`]: split the paste into lines, normalize whitespace;
//! 2. [`clean`]: label every line with a [`Kind`] and a reason;
//! 3. [`meta`]: title, standfirst, byline, publication date, lists, copyright (may refine the
//!    labels of those lines);
//! 4. [`report`]: assemble the clean article text from the labels.
//!
//! [`compare`] then compares the analyses of several articles (one story? shared passages).
//!
//! The core is pure Rust with no I/O, so it behaves the same natively and in the browser.

/// `include_str!` of a file under `data/` (`data_file!("lexicon/bylines.txt")`), without its `#`
/// comment lines: build.rs writes those copies into `OUT_DIR`. Every table parser skips comment
/// lines anyway; leaving them out keeps them out of the wasm download.
macro_rules! data_file {
    ($path:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/data/", $path))
    };
}

pub mod ascii_json;
pub mod clean;
pub mod compare;
pub mod entities;
pub mod facts;
pub mod fasthash;
pub mod figures;
pub mod keywords;
pub mod lexicon;
pub mod limits;
pub mod lower;
pub mod meta;
pub mod model;
pub mod normalize;
pub mod num;
pub mod quotes;
pub mod report;
pub mod score;
pub mod sentences;
pub mod shared_text;
pub mod sort;
pub mod summary;
#[cfg(test)]
mod test_pages;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use compare::{compare, Comparison};
pub use model::{Analysis, Kind, Line, LineHint, Options};

/// Analyzes one pasted article.
///
/// Promises: never panics on any `&str` (empty, huge, binary-looking, any script); returns exactly
/// one [`Line`] per input line (see [`normalize::split_lines`]), in input order, numbered from 1;
/// `body` contains only text of lines labelled [`Kind::Body`] or [`Kind::Heading`], in input order.
///
/// With `options.hints` (a rich paste's page-structure hints, one row per line) cleaning uses the
/// rich line model ([`clean::hints`]) and `notes` says so; hints whose row count differs from the
/// line count are ignored (the plain path runs) and `notes` says that instead. Without hints the
/// result is the plain path's, unchanged.
pub fn analyze(text: &str, options: &Options) -> Analysis {
    analyze_staged(text, options, |_| {})
}

/// The pipeline stages, in order, as [`analyze_staged`] reports them.
pub const STAGES: [&str; 5] = ["normalize", "clean", "meta", "report", "facts"];

/// [`analyze`], calling `done(stage)` as each stage of [`STAGES`] finishes (the bench times
/// the stages with it; `analyze` passes a closure that does nothing).
pub fn analyze_staged(text: &str, options: &Options, mut done: impl FnMut(&str)) -> Analysis {
    let mut lines = normalize::lines(text);
    done(STAGES[0]);
    let hints = options.hints.as_deref().map(LineHint::parse_table);
    let (language, note) = match hints.as_deref() {
        None => (clean::clean_lines(&mut lines), None),
        Some(hints) if hints.len() == lines.len() => {
            let note = "page structure from the pasted HTML used".to_string();
            (
                clean::hints::clean_lines_hinted(&mut lines, hints),
                Some(note),
            )
        }
        Some(hints) => {
            let note = format!(
                "page structure ignored: {} hint rows for {} lines (one per line is needed)",
                hints.len(),
                lines.len()
            );
            (clean::clean_lines(&mut lines), Some(note))
        }
    };
    drop(hints);
    done(STAGES[1]);
    let mut analysis = analyze_labelled_staged(lines, language, options, done);
    analysis.notes.extend(note);
    analysis
}

/// The stages after cleaning (metadata, report) on normalized `texts` and their labels
/// `cleaned` (one label per text): what [`analyze`] runs once [`clean::clean_lines`] has
/// labelled its lines. The bench calls it with labels from other line models
/// (cross-validation).
pub fn analyze_cleaned(
    texts: Vec<Box<str>>,
    cleaned: clean::Cleaned,
    options: &Options,
) -> Analysis {
    let mut lines = normalize::lines_of(&texts);
    drop(texts);
    for (l, label) in lines.iter_mut().zip(cleaned.labels) {
        l.kind = label.kind;
        l.reason = label.reason;
    }
    analyze_labelled_staged(lines, cleaned.language, options, |_| {})
}

/// The stages after cleaning on labelled `lines`, in which cleaning guessed `language`.
fn analyze_labelled_staged(
    mut lines: Vec<Line>,
    language: Option<&'static str>,
    options: &Options,
    mut done: impl FnMut(&str),
) -> Analysis {
    let meta = meta::extract(&mut lines, options);
    done(STAGES[2]);
    let mut analysis = report::assemble(lines);
    meta.apply(&mut analysis);
    analysis.language = language.map(str::to_string);
    done(STAGES[3]);
    // Entities and quotes read English text: other languages get none rather than noise.
    if analysis.language.as_deref().is_none_or(|l| l == "en") {
        let dates = meta::date::DateContext {
            reference: options
                .reference_date
                .as_deref()
                .and_then(meta::date::Ymd::parse_iso),
            year_hint: analysis
                .published
                .as_ref()
                .and_then(|p| num::parse_int(p.date.get(..4)?)),
            day_first: None,
        };
        let facts = facts::Facts::from_lines(
            analysis
                .lines
                .iter()
                .filter(|l| l.kind.is_article())
                .map(|l| (l.line as usize, &*l.text)),
            &dates,
        );
        analysis.people = facts.people;
        analysis.places = facts.places;
        analysis.organizations = facts.organizations;
        analysis.quotes = facts.quotes;
        analysis
            .notes
            .extend(figures::cut_note(facts.figures.len(), facts.figures_found));
        analysis.figures = facts.figures;
        analysis.keywords = facts.keywords;
        analysis.summary = facts.summary;
    }
    done(STAGES[4]);
    analysis
}
