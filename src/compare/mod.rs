//! Comparing several pasted articles: are they one story, which passages they share, and (as the
//! extractors land) their merged cast, claims, disagreements, quotes and what only one reports.
//!
//! [`compare`] works on [`Analysis`] values only (what [`crate::analyze`] returns), so it never
//! re-reads raw text and never re-runs an extractor. Submodules, one concern each:
//! [`text`] (sentences and tokens), [`shingles`] (hashed word runs), [`passages`] (shared
//! passages), [`story`] (story similarity), [`markdown`] (rendering).
//!
//! Promises: never panics; deterministic (same input, same output, natively and in wasm); the
//! cost is linear in the total text apart from per-pair work on the sources (quadratic in their
//! number, which callers keep small) and posting lists capped by [`passages::posting_cap`].

pub mod claims;
pub mod entities;
pub mod markdown;
pub mod passages;
pub mod quotes;
pub mod shingles;
pub mod story;
pub mod text;
pub mod types;
pub mod unique;

pub use types::{
    ClaimGroup, ClaimKind, ClaimValue, Comparison, EntitySource, Evidence, MergedEntity,
    MergedQuote, Occurrence, PairScore, QuoteSource, SharedPassage, SourceSummary, UniqueItem,
    UniqueKind,
};

use crate::model::Analysis;

/// Rounds a figure to three decimals for display and JSON.
pub(crate) fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Compares the analyses of several pasted articles (in the order given; sources are named by
/// their position). Fewer than two analyses give a comparison with no pairs and `same_story`
/// false.
pub fn compare(analyses: &[Analysis]) -> Comparison {
    let per_source: Vec<Vec<text::Sentence>> = analyses
        .iter()
        .enumerate()
        .map(|(i, a)| text::sentences(i, a))
        .collect();
    let sources = analyses
        .iter()
        .zip(&per_source)
        .enumerate()
        .map(|(i, (a, s))| SourceSummary {
            source: i,
            title: a.title.clone(),
            sentences: s.len(),
            words: s.iter().map(|x| x.words.len()).sum(),
        })
        .collect();
    let mut vocab = story::Vocabulary::default();
    let terms: Vec<story::Terms> = per_source
        .iter()
        .map(|s| story::Terms::of(s, &mut vocab))
        .collect();
    let mut pairs = Vec::new();
    for a in 0..analyses.len() {
        for b in a + 1..analyses.len() {
            pairs.push(story::score_pair(a, b, &terms[a], &terms[b], &vocab));
        }
    }
    let stories = story::stories(analyses.len(), &pairs);
    let (entities, entity_index) = entities::merge(analyses);
    let quotes = quotes::merge(analyses, &entities, &entity_index);
    let claims: Vec<ClaimGroup> = stories
        .iter()
        .filter(|s| s.len() >= 2)
        .flat_map(|s| {
            claims::story_claims(
                s,
                &claims::Inputs {
                    analyses,
                    sentences: &per_source,
                    entities: &entities,
                    entity_index: &entity_index,
                    quotes: &quotes,
                },
            )
        })
        .collect();
    let disagreements = claims
        .iter()
        .filter(|g| claims::is_disagreement(g))
        .cloned()
        .collect();
    let unique = stories
        .iter()
        .flat_map(|s| unique::find(s, analyses, &entities, &quotes))
        .collect();
    let all: Vec<text::Sentence> = per_source.into_iter().flatten().collect();
    let shared_passages = passages::find(&all, analyses.len());
    Comparison {
        sources,
        same_story: analyses.len() >= 2 && stories.len() == 1,
        stories,
        pairs,
        shared_passages,
        entities,
        quotes,
        claims,
        disagreements,
        unique,
    }
}
