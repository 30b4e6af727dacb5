//! The comparison's data contract, serialized as snake_case JSON. Sources are referred to by
//! their 0-based position in the input (`source`).

use serde::{Deserialize, Serialize};

/// What [`super::compare`] found across several analyses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// One entry per input analysis, in input order.
    pub sources: Vec<SourceSummary>,
    /// True when there are at least two sources and all of them form one story.
    pub same_story: bool,
    /// The sources grouped by story (each group ascending, groups by first source).
    pub stories: Vec<Vec<usize>>,
    /// Every pair of sources with its story score.
    pub pairs: Vec<PairScore>,
    /// Passages (a sentence or longer) carried by two or more sources verbatim or nearly.
    pub shared_passages: Vec<SharedPassage>,
    /// The merged cast: every person, place and organization, with the sources naming it.
    pub entities: Vec<MergedEntity>,
    /// Every quotation, merged across sources, most-carried first.
    pub quotes: Vec<MergedQuote>,
    /// What the sources of each story state, grouped by what it is about.
    pub claims: Vec<ClaimGroup>,
    /// The claim groups where sources state different values (see
    /// [`super::claims::is_disagreement`]).
    pub disagreements: Vec<ClaimGroup>,
    /// What only one source of a story reports.
    pub unique: Vec<UniqueItem>,
}

/// What kind of thing only one source reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UniqueKind {
    /// A figure (amount, share, count).
    Figure,
    /// A quotation.
    Quote,
    /// A person.
    Person,
    /// A place.
    Place,
    /// An organization.
    Organization,
}

/// Something only one source of a story reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UniqueItem {
    /// The source that reports it.
    pub source: usize,
    /// What it is.
    pub kind: UniqueKind,
    /// It, as that source writes it (a figure, a quotation, a name).
    pub text: String,
    /// The input lines it is on, ascending.
    pub lines: Vec<usize>,
}

/// What kind of fact a claim group is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// A date (of the event).
    Date,
    /// A role or title: ordinals of a person's office ("45th President", "second term").
    Role,
    /// A quoted statement (its wording or its speaker).
    Quote,
    /// A figure (amount, share, duration, count).
    Figure,
}

/// What the sources state about one thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimGroup {
    /// What the claims are about ("date of the event").
    pub about: String,
    /// The kind of fact.
    pub kind: ClaimKind,
    /// The distinct values stated, most-sourced first.
    pub values: Vec<ClaimValue>,
}

/// One value of a claim group and who states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimValue {
    /// The value, normalized ("2025-01-21 (Tuesday)").
    pub value: String,
    /// The sources that state it, with where.
    pub sources: Vec<Evidence>,
}

/// Where a source states something.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The source.
    pub source: usize,
    /// The input line (1-based).
    pub line: usize,
    /// The words as the source writes them.
    pub text: String,
    /// How the value was read from the words, when that is not obvious.
    pub note: Option<String>,
}

/// One compared source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceSummary {
    /// Position in the input (0-based).
    pub source: usize,
    /// The article's headline, if found.
    pub title: Option<String>,
    /// Sentences in the clean article.
    pub sentences: usize,
    /// Words in the clean article.
    pub words: usize,
}

/// How alike two sources are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairScore {
    /// The first source.
    pub a: usize,
    /// The second source (`b > a`).
    pub b: usize,
    /// Key-term similarity, 0..=1 (see [`super::story`]).
    pub score: f64,
    /// Whether the score makes them one story.
    pub same_story: bool,
    /// The shared key terms that weigh most.
    pub shared_terms: Vec<String>,
}

/// A passage found in several sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedPassage {
    /// The smallest shingle containment among the sentence matches (1 = verbatim), 0..=1.
    pub similarity: f64,
    /// Words in the shortest occurrence.
    pub words: usize,
    /// Where each source carries it (at least two sources, one occurrence each).
    pub occurrences: Vec<Occurrence>,
}

/// Where one source carries a passage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Occurrence {
    /// The source.
    pub source: usize,
    /// The input lines the passage spans, ascending.
    pub lines: Vec<usize>,
    /// The passage as this source writes it.
    pub text: String,
}

/// One entity across sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergedEntity {
    /// The name most sources use.
    pub name: String,
    /// Person, place or organization.
    pub kind: crate::entities::EntityType,
    /// Every other form written by any source.
    pub aliases: Vec<String>,
    /// Mentions summed over the sources.
    pub mentions: usize,
    /// The sources naming it, ascending.
    pub sources: Vec<EntitySource>,
}

/// How one source names an entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntitySource {
    /// The source.
    pub source: usize,
    /// The source's own canonical name for it.
    pub name: String,
    /// Its mentions in that source.
    pub mentions: usize,
    /// The input lines mentioning it, ascending.
    pub lines: Vec<usize>,
}

/// One quotation across sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergedQuote {
    /// The longest version quoted.
    pub text: String,
    /// Who said it: the speaker most sources name (merged-cast name), if any names one.
    pub speaker: Option<String>,
    /// Every version is a quoted term of one or two words ("no limits"), not a statement.
    pub term: bool,
    /// Two sources quote versions of which neither contains the other.
    pub wording_differs: bool,
    /// Every source quoting it, with where and how (ascending by source, then line).
    pub sources: Vec<QuoteSource>,
}

/// How one source quotes a quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteSource {
    /// The source.
    pub source: usize,
    /// The input line where the quote opens.
    pub line: usize,
    /// The words this source quotes.
    pub text: String,
    /// The speaker this source names (merged-cast name), if any.
    pub speaker: Option<String>,
}
