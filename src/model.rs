//! The data contract: what [`crate::analyze`] returns, serialized as snake_case JSON.
//!
//! Every consumer (CLI, wasm binding, page, tests, bench) reads these types; a field is added
//! here by the change that computes it, never as a placeholder.

use crate::shared_text::SharedText;
use serde::{Deserialize, Serialize};

/// What a line of the paste is. Every input line gets exactly one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The article's headline.
    Title,
    /// The deck / summary line under the title.
    Standfirst,
    /// The author line ("By Jane Doe").
    Byline,
    /// A date or timestamp line of the article itself.
    Date,
    /// A paragraph of the article.
    Body,
    /// A section heading inside the article.
    Heading,
    /// A photo or video caption.
    Caption,
    /// A tag / topic list ("READ MORE ON:", "Tags:").
    Tags,
    /// Headlines of related articles ("ALSO READ", "More on this").
    Related,
    /// Site menus, breadcrumbs, "Search", "Follow us".
    Navigation,
    /// Embedded link titles, newsletter sign-ups, ads, subscription prompts.
    Promo,
    /// Comment sections ("Leave a Response", "0 Comments").
    Comments,
    /// Site notices ("error: Content is protected !!", cookie banners).
    Notice,
    /// Source credit ("(With inputs from agencies.)", "Reuters").
    Credit,
    /// Copyright lines.
    Copyright,
    /// Other page metadata (view counts, "Country:", share counts, reading time).
    Metadata,
    /// An empty or whitespace-only line.
    Blank,
}

impl Kind {
    /// Every kind, in a stable display order (used by the legend and the bench).
    pub const ALL: [Kind; 17] = [
        Kind::Title,
        Kind::Standfirst,
        Kind::Byline,
        Kind::Date,
        Kind::Body,
        Kind::Heading,
        Kind::Caption,
        Kind::Tags,
        Kind::Related,
        Kind::Navigation,
        Kind::Promo,
        Kind::Comments,
        Kind::Notice,
        Kind::Credit,
        Kind::Copyright,
        Kind::Metadata,
        Kind::Blank,
    ];

    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Title => "title",
            Kind::Standfirst => "standfirst",
            Kind::Byline => "byline",
            Kind::Date => "date",
            Kind::Body => "body",
            Kind::Heading => "heading",
            Kind::Caption => "caption",
            Kind::Tags => "tags",
            Kind::Related => "related",
            Kind::Navigation => "navigation",
            Kind::Promo => "promo",
            Kind::Comments => "comments",
            Kind::Notice => "notice",
            Kind::Credit => "credit",
            Kind::Copyright => "copyright",
            Kind::Metadata => "metadata",
            Kind::Blank => "blank",
        }
    }

    /// Parses a snake_case kind name (the inverse of [`Kind::as_str`]).
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.as_str() == name)
    }

    /// True for the kinds that make up the clean article text (body paragraphs and headings).
    pub fn is_article(self) -> bool {
        matches!(self, Kind::Body | Kind::Heading)
    }
}

/// One line of the input, labelled.
///
/// 40 bytes and no allocation of its own (a paste can have hundreds of thousands of lines):
/// the text is a range of one buffer holding every normalized line ([`crate::normalize::lines`]),
/// the reason is written out only when read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// 1-based line number in the input (lines split on `\n`, `\r\n` or `\r`; a paste of more
    /// than `u32::MAX` lines, over 4 GiB, numbers the rest `u32::MAX`).
    pub line: u32,
    /// What the line is.
    pub kind: Kind,
    /// The line's text with whitespace normalized (trimmed, runs collapsed to one space): a
    /// [`SharedText`] that reads as a `&str` (`&*line.text`, [`SharedText::as_str`]) and
    /// serializes as a plain string.
    pub text: SharedText,
    /// A short human-readable reason for the kind ("stopword share 0.02, no sentence punctuation").
    pub reason: Reason,
}

impl Line {
    /// Line number `line` (1-based) with `text`, not labelled yet: kind `blank`, empty reason
    /// (cleaning labels every line).
    pub fn unlabelled(line: usize, text: SharedText) -> Line {
        Line {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            kind: Kind::Blank,
            text,
            reason: Reason::default(),
        }
    }
}

impl AsRef<str> for Line {
    /// The line's text.
    fn as_ref(&self) -> &str {
        &self.text
    }
}

/// Why a line got its kind, written out (JSON, display) as a short text such as
/// `known phrase 'also read'` or `article text (score +2.3: 24 words, 41% function words, …)`.
///
/// Held compactly and rendered on demand: a paste can have hundreds of thousands of lines, and
/// a written-out reason is ~100 bytes where this is 16 with no allocation (an index into a
/// table of fixed phrases, a chrome rule's phrase, or the line model's evidence). Serializes
/// as the string; two reasons are equal when their texts are.
#[derive(Debug, Clone)]
pub enum Reason {
    /// One of [`FIXED_REASONS`].
    Fixed(u16),
    /// One of [`QUOTED_REASONS`] followed by a chrome rule's phrase in quotes ("known phrase
    /// 'also read'"); the rule is an index into [`crate::lexicon::chrome_rules`].
    Quoted(u8, u16),
    /// The line model's verdict with its evidence in brackets.
    Model(ModelEvidence),
    /// Any other text.
    Text(Box<String>),
}

/// The fixed reasons ([`Reason::Fixed`] indexes this list).
pub const FIXED_REASONS: [&str; 11] = [
    "empty line",
    "only date and time words",
    "starts like a byline ('By …')",
    "link card: Title Case with ' | ' or ' : ' before a site name",
    "short line without sentence end between article paragraphs",
    "photo caption wording (caption verb, date or credit)",
    "summary line right under the title",
    "headline-shaped line just before the article",
    "value of the metadata label above",
    "a name alone under the title",
    "",
];

/// The words before a quoted phrase ([`Reason::Quoted`] indexes this list).
pub const QUOTED_REASONS: [&str; 3] = ["in the comments, after ", "known phrase ", "follows "];

/// What a line is, in the words of a [`Reason::Model`] (the text before the evidence).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// "article text".
    ArticleText,
    /// "sentence between paragraphs but not article-like".
    SentenceBetween,
    /// "inserted between paragraphs".
    InsertedBetween,
    /// "before the article".
    BeforeArticle,
    /// "headline-shaped line after the article".
    HeadlineAfter,
    /// "after the article".
    AfterArticle,
}

impl Verdict {
    /// The words.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::ArticleText => "article text",
            Verdict::SentenceBetween => "sentence between paragraphs but not article-like",
            Verdict::InsertedBetween => "inserted between paragraphs",
            Verdict::BeforeArticle => "before the article",
            Verdict::HeadlineAfter => "headline-shaped line after the article",
            Verdict::AfterArticle => "after the article",
        }
    }
}

/// What the line model saw on a line, for its reason: "score +2.3: 24 words, 41% function
/// words, sentence end, in a run of 4 short lines, among prose lines, …".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ModelEvidence {
    /// What the line was called.
    pub verdict: Verdict,
    /// The model's log-odds of article text.
    pub score: f32,
    /// Length in word units.
    pub units: u32,
    /// Length of the run of short lines the line is in (0 when not in one).
    pub run: u32,
    /// Share of function words in percent, rounded (written only when the line has words).
    pub function_pct: u8,
    /// [`ModelEvidence`] flags (`HAS_WORDS`, `ENDS_SENTENCE`, …).
    pub flags: u8,
}

impl ModelEvidence {
    /// The line has words (the function-word share is written).
    pub const HAS_WORDS: u8 = 1;
    /// The line ends like a sentence.
    pub const ENDS_SENTENCE: u8 = 2;
    /// Half or more of the nearby lines are prose.
    pub const AMONG_PROSE: u8 = 4;
    /// No nearby line is prose.
    pub const NO_PROSE: u8 = 8;
    /// The line stands under a list header.
    pub const UNDER_LIST_HEADER: u8 = 16;
    /// The line comes after the comments header.
    pub const AFTER_COMMENTS: u8 = 32;
    /// The line holds menu separators.
    pub const SEPARATORS: u8 = 64;
    /// There was no model score for the line (the brackets stay empty).
    pub const NONE: u8 = 128;

    /// Appends the evidence (the text inside the brackets) to `out`.
    fn write(&self, out: &mut String) {
        if self.flags & Self::NONE != 0 {
            return;
        }
        let has = |f: u8| self.flags & f != 0;
        out.push_str("score ");
        push_score(out, self.score);
        out.push_str(": ");
        push_u32(out, self.units);
        out.push_str(" words");
        if has(Self::HAS_WORDS) {
            out.push_str(", ");
            push_u32(out, u32::from(self.function_pct));
            out.push_str("% function words");
        }
        out.push_str(if has(Self::ENDS_SENTENCE) {
            ", sentence end"
        } else {
            ", no sentence end"
        });
        if self.run >= 3 {
            out.push_str(", in a run of ");
            push_u32(out, self.run - 1);
            out.push_str(" short lines");
        }
        if has(Self::AMONG_PROSE) {
            out.push_str(", among prose lines");
        } else if has(Self::NO_PROSE) {
            out.push_str(", no prose nearby");
        }
        if has(Self::UNDER_LIST_HEADER) {
            out.push_str(", under a list header");
        }
        if has(Self::AFTER_COMMENTS) {
            out.push_str(", after the comments header");
        }
        if has(Self::SEPARATORS) {
            out.push_str(", menu separators");
        }
    }
}

/// Appends `n` in decimal (what `{}` writes), without the formatting machinery.
fn push_u32(out: &mut String, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut k = digits.len();
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[k..] {
        out.push(char::from(d));
    }
}

/// Appends `x` as `{:+.1}` writes it: the sign (of the sign bit, so `-0.0`), then `x` rounded
/// to one decimal, ties to even on its exact value. Scores below a million take a short path
/// (`x * 10` is exact in `f64`, so rounding it is rounding the exact value); others, and
/// non-finite values, go through [`crate::num::fixed`].
fn push_score(out: &mut String, x: f32) {
    let tenths = (f64::from(x) * 10.0).abs().round_ties_even();
    if tenths.is_nan() || tenths >= 1e7 {
        out.push_str(&crate::num::fixed(f64::from(x), 1, true));
        return;
    }
    let n = tenths as u32;
    out.push(if x.is_sign_negative() { '-' } else { '+' });
    push_u32(out, n / 10);
    out.push('.');
    out.push(char::from(b'0' + (n % 10) as u8));
}

impl Reason {
    /// A reason with this text (a fixed phrase when it is one, so it costs no allocation).
    pub fn text(s: impl Into<String> + AsRef<str>) -> Reason {
        match FIXED_REASONS.iter().position(|f| *f == s.as_ref()) {
            Some(k) => Reason::Fixed(k as u16),
            None => Reason::Text(Box::new(s.into())),
        }
    }

    /// The reason written out.
    pub fn render(&self) -> std::borrow::Cow<'static, str> {
        match self {
            Reason::Fixed(k) => FIXED_REASONS
                .get(usize::from(*k))
                .copied()
                .unwrap_or("")
                .into(),
            _ => {
                let mut out = String::with_capacity(96);
                self.write_to(&mut out);
                out.into()
            }
        }
    }

    /// Appends the reason written out to `out` (what [`Display`](std::fmt::Display) writes).
    pub fn write_to(&self, out: &mut String) {
        match self {
            Reason::Fixed(k) => {
                out.push_str(FIXED_REASONS.get(usize::from(*k)).copied().unwrap_or(""))
            }
            Reason::Quoted(k, rule) => {
                out.push_str(QUOTED_REASONS.get(usize::from(*k)).copied().unwrap_or(""));
                out.push('\'');
                out.push_str(
                    crate::lexicon::chrome_rules()
                        .get(usize::from(*rule))
                        .map_or("", |r| r.phrase.as_str()),
                );
                out.push('\'');
            }
            Reason::Model(e) => {
                out.push_str(e.verdict.as_str());
                out.push_str(" (");
                e.write(out);
                out.push(')');
            }
            Reason::Text(t) => out.push_str(t),
        }
    }

    /// True if the written-out reason is empty.
    pub fn is_empty(&self) -> bool {
        match self {
            Reason::Fixed(k) => FIXED_REASONS
                .get(usize::from(*k))
                .is_none_or(|f| f.is_empty()),
            Reason::Text(t) => t.is_empty(),
            Reason::Quoted(..) | Reason::Model(_) => false,
        }
    }
}

impl Default for Reason {
    fn default() -> Self {
        Reason::text("")
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render())
    }
}

impl PartialEq for Reason {
    fn eq(&self, other: &Reason) -> bool {
        self.render() == other.render()
    }
}

impl From<&str> for Reason {
    fn from(s: &str) -> Reason {
        Reason::text(s)
    }
}

impl From<String> for Reason {
    fn from(s: String) -> Reason {
        Reason::text(s)
    }
}

impl Serialize for Reason {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Reason::Text(t) => s.serialize_str(t),
            _ => s.serialize_str(&self.render()),
        }
    }
}

impl<'de> Deserialize<'de> for Reason {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Reason, D::Error> {
        String::deserialize(d).map(Reason::text)
    }
}

/// Caller's options for [`crate::analyze`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// Today's date as `YYYY-MM-DD`, for relative dates ("3 hours ago") and missing years.
    pub reference_date: Option<String>,
    /// Page-structure hints of a rich paste: a table with one row per line of the text (rows
    /// and lines both as [`crate::normalize::split_lines`] splits them, blank lines included),
    /// each row a [`LineHint`] as `www/rich.js` writes it (see [`LineHint::parse`]). When the row
    /// count equals the line count, cleaning uses the rich line model
    /// (`data/model/lines_rich.tsv`); otherwise the hints are ignored and [`Analysis::notes`]
    /// says so. `None` (the default) is the plain-text path, unchanged. One string rather than
    /// an object per line: a paste may have 100,000 lines, and one string crosses from
    /// JavaScript to wasm at once.
    pub hints: Option<String>,
}

/// What the HTML of a rich paste shows about one line: measurements of its place in the page,
/// never a decision. Written by `www/rich.js` as one row of [`Options::hints`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LineHint {
    /// The nearest block element's tag name, lowercase ("p", "li", "h2", "figcaption", …).
    pub tag: String,
    /// Share of the line's visible characters inside links, 0 to 1.
    pub link: f32,
    /// Landmark ancestors: bit `k` set for the `k`-th of `clean::hints::LANDMARKS` ("nav",
    /// "header", "footer", "aside", "article", "main", …; `LANDMARK_TAGS` of
    /// `www/rich-words.js`). Unknown bits are ignored.
    pub landmarks: u32,
    /// Word groups of the ancestors' class, id and itemprop: bit `k` set for the `k`-th of
    /// `clean::hints::GROUPS` ("comment", "share", "related", …; the keys of `CLASS_GROUPS` in
    /// `www/rich-words.js`). Unknown bits are ignored.
    pub groups: u32,
    /// Where the line lies in the page's main text container: 0 outside, 1 inside, 2 inside
    /// its core (the deepest part still holding most of its prose).
    pub main: u8,
}

impl LineHint {
    /// Reads one row: `TAG LINK LANDMARKS GROUPS MAIN` separated by spaces (e.g.
    /// `p 0.05 48 16384 2`); an empty row is the hint of a blank line. Total: a missing or
    /// unreadable field counts as empty / 0, a link share is clamped to 0..=1, extra fields are
    /// ignored.
    pub fn parse(row: &str) -> LineHint {
        let mut f = row.split_whitespace();
        let tag = f.next().unwrap_or("").to_string();
        let link: f32 = f.next().and_then(crate::num::parse_f32).unwrap_or(0.0);
        let mut int = || f.next().and_then(crate::num::parse_int::<u32>).unwrap_or(0);
        LineHint {
            tag,
            link: if link.is_finite() {
                link.clamp(0.0, 1.0)
            } else {
                0.0
            },
            landmarks: int(),
            groups: int(),
            main: int().min(2) as u8,
        }
    }

    /// Reads a hints table (one row per line, split like the text's lines).
    pub fn parse_table(table: &str) -> Vec<LineHint> {
        crate::normalize::split_lines(table)
            .into_iter()
            .map(LineHint::parse)
            .collect()
    }
}

/// Everything presslens found in one pasted article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// One entry per input line, in input order.
    pub lines: Vec<Line>,
    /// The article's headline, if one was found.
    pub title: Option<String>,
    /// The clean article: body and heading lines, paragraphs separated by one blank line.
    pub body: String,
    /// The section headings, in order.
    pub headings: Vec<String>,
    /// The deck / summary line under the title, if any.
    pub standfirst: Option<String>,
    /// Who wrote the article, if the paste says.
    pub byline: Option<Byline>,
    /// When the article was published, if the paste shows it.
    pub published: Option<Published>,
    /// Topic tags ("READ MORE ON:", "Tags:" lists), as written.
    pub tags: Vec<String>,
    /// Headlines of related-article lists ("ALSO READ", "More stories").
    pub related: Vec<String>,
    /// Photo and video captions.
    pub captions: Vec<String>,
    /// The source credit ("With inputs from agencies"), without brackets.
    pub credit: Option<String>,
    /// The copyright notice.
    pub copyright: Option<Copyright>,
    /// The site's name, when the paste shows it (copyright holder or a site credit).
    pub site_name: Option<String>,
    /// The article's language as an ISO 639-1 code ("en", "de", …), when the guess is clear.
    pub language: Option<String>,
    /// People named in the body, most mentioned first (see [`crate::entities`]).
    pub people: Vec<crate::entities::Entity>,
    /// Places named in the body, most mentioned first.
    pub places: Vec<crate::entities::Entity>,
    /// Organizations named in the body, most mentioned first.
    pub organizations: Vec<crate::entities::Entity>,
    /// Quotations and quoted terms of the body with their speakers (see [`crate::quotes`]).
    pub quotes: Vec<crate::quotes::Quote>,
    /// Figures of the body: money, percentages, counts, dates, durations, ordinals, quantities
    /// (see [`crate::figures`]).
    pub figures: Vec<crate::figures::Figure>,
    /// Salient terms of the body, most salient first (see [`crate::keywords`]).
    pub keywords: Vec<String>,
    /// Three sentences of the body, in article order (see [`crate::summary`]).
    pub summary: Vec<crate::summary::SummarySentence>,
    /// How the input was read, when it is worth saying: page-structure hints used, or ignored
    /// because their count did not match the lines. Empty for a plain paste.
    #[serde(default)]
    pub notes: Vec<String>,
}

/// The article's author line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Byline {
    /// The authors' names as written ("Jane Doe"), without cues, roles or organisations.
    pub authors: Vec<String>,
    /// The 1-based line the names were read from.
    pub line: usize,
}

/// The publication date as the paste writes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Published {
    /// `YYYY-MM-DD`, the page's local date.
    pub date: String,
    /// `HH:MM` (24-hour clock), when written.
    pub time: Option<String>,
    /// `+HH:MM` / `-HH:MM`, when a zone or offset is written.
    pub utc_offset: Option<String>,
    /// The date exactly as written.
    pub raw: String,
    /// The 1-based line it was read from.
    pub line: usize,
    /// The year was not written; it came from another date in the paste or the reference date.
    pub year_inferred: bool,
}

/// A copyright notice ("© 2024 Example News Ltd. All Rights Reserved.").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Copyright {
    /// Who holds it, as written ("Example News Ltd.").
    pub holder: Option<String>,
    /// The (latest) year written, if any.
    pub year: Option<i32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The short path writes scores exactly as `{:+.1}` does: ties (x.x5 exactly), signed
    /// zeros, a dense sweep of the range scores take, and values beyond the short path.
    #[test]
    fn scores_written_as_format() {
        let mut xs: Vec<f32> = vec![
            0.0,
            -0.0,
            0.25,
            -0.25,
            0.75,
            1e7,
            -1e9,
            f32::MAX,
            999_999.94,
        ];
        let mut x = -300.0f32;
        while x < 300.0 {
            xs.push(x);
            xs.push(f32::from_bits(x.to_bits() + 1));
            x += 0.0123;
        }
        for k in -4000..4000 {
            xs.push(k as f32 * 0.25);
            xs.push(k as f32 / 20.0);
        }
        for x in xs {
            let mut out = String::new();
            push_score(&mut out, x);
            assert_eq!(out, format!("{x:+.1}"), "{x}");
        }
        for n in [0, 1, 9, 10, 99, 12345, u32::MAX] {
            let mut out = String::new();
            push_u32(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }
}
