//! Training the line models on the bench pages and honest page-level cross-validation.
//!
//! `bench train [BENCH_DIR]` fits the line model on every page and writes
//! `data/model/lines.tsv` (deterministic: same pages, same file). The body bench calls [`cross_validate`] to report how the same recipe does on pages
//! it was not trained on.

use crate::align::gold_lines;
use crate::common::Page;
use presslens::clean::line_model::LineModel;
use presslens::clean::line_vector::Vector;
use presslens::clean::train::{boost, fit, BoostParams, Example};
use presslens::clean::{self};
use presslens::score::{self, DocScore};
use presslens::{normalize, Analysis, Options};

/// L2 penalty of the linear fit (chosen by cross-validation; see README).
pub const L2: f64 = 0.02;
/// Newton steps at most.
pub const ITERATIONS: usize = 25;
/// Number of cross-validation folds.
pub const FOLDS: usize = 5;
/// Weight of the "article alone" copy of each page relative to the page itself.
pub const ALONE_WEIGHT: f32 = 0.3;

/// One paste's lines ready for training: vectors in line order, gold labels, weights.
#[derive(Clone)]
pub struct Prepared {
    vectors: Vec<(usize, Vector)>,
    y: Vec<bool>,
    weight: Vec<f32>,
}

/// The training lines of one paste: every non-blank line with its gold label, weighted by its
/// share of the paste's tokens (so every page counts the same, as in the metric) times
/// `scale`.
fn prepare(text: &str, truth: &str, scale: f32) -> Prepared {
    let lines = normalize::normalized_lines(text);
    let gold = gold_lines(&lines, truth);
    let m = clean::measure(&lines);
    let weights = token_weights(&lines, &m.vectors);
    Prepared {
        y: m.vectors
            .iter()
            .map(|(i, _)| gold[*i] == Some(true))
            .collect(),
        weight: weights.into_iter().map(|w| scale * w).collect(),
        vectors: m.vectors,
    }
}

/// Each page prepared twice: as pasted, and its true article text pasted alone (weight
/// [`ALONE_WEIGHT`]): a paste of just the article must come back whole, and no bench page shows
/// the model that case.
pub fn prepare_page(p: &Page) -> [Prepared; 2] {
    [prepare(&p.1, &p.2, 1.0), prepare(&p.2, &p.2, ALONE_WEIGHT)]
}

fn examples<'a>(pastes: impl Iterator<Item = &'a Prepared>) -> Vec<Example> {
    pastes
        .flat_map(|p| {
            p.vectors
                .iter()
                .zip(&p.y)
                .zip(&p.weight)
                .map(|(((_, x), &y), &weight)| Example { x: *x, y, weight })
        })
        .collect()
}

/// Each vector's line's share of the page's tokens (at least one token per line), parallel to
/// `vectors`: every page counts the same, as in the metric.
pub fn token_weights<T>(lines: &[Box<str>], vectors: &[(usize, T)]) -> Vec<f32> {
    let size = |i: usize| (score::tokens(&lines[i]).len() as f32).max(1.0);
    let total: f32 = vectors.iter().map(|(i, _)| size(*i)).sum::<f32>().max(1.0);
    vectors.iter().map(|(i, _)| size(*i) / total).collect()
}

/// Fits the model on `pages` (see [`train_prepared`]).
pub fn train(pages: &[&Page]) -> LineModel {
    let prepared: Vec<[Prepared; 2]> = pages.iter().map(|p| prepare_page(p)).collect();
    let refs: Vec<&[Prepared; 2]> = prepared.iter().collect();
    train_prepared(&refs)
}

/// Fits the model on prepared pages: the linear model, then boosted trees on its margin.
pub fn train_prepared(pages: &[&[Prepared; 2]]) -> LineModel {
    let examples = examples(pages.iter().flat_map(|p| p.iter()));
    let mut model = fit(&examples, L2, ITERATIONS);
    let base: Vec<f32> = examples.iter().map(|e| model.linear(&e.x)).collect();
    model.trees = boost(&examples, &base, &boost_params());
    model
}

/// The boosting settings (chosen by cross-validation; see README).
pub fn boost_params() -> BoostParams {
    BoostParams {
        rounds: 60,
        learning_rate: 0.1,
        lambda: 0.05,
        min_child: 0.05,
        bins: 32,
    }
}

/// The analysis `model` gives for `text` (the whole pipeline, as `analyze` runs it).
pub fn analysis_with(text: &str, model: &LineModel) -> Analysis {
    let texts = normalize::normalized_lines(text);
    let cleaned = clean::clean_with(&texts, model);
    presslens::analyze_cleaned(texts, cleaned, &Options::default())
}

/// Page-level k-fold cross-validation: page `i` is in fold `i % FOLDS` (pages sorted by id);
/// each fold is scored by a model trained on the other folds. Returns one score per page.
pub fn cross_validate(pages: &[Page]) -> Vec<DocScore> {
    cross_validate_analyses(pages)
        .into_iter()
        .map(|(s, _)| s)
        .collect()
}

/// [`cross_validate`], with each page's held-out analysis next to its score (for the
/// worst-pages listing).
pub fn cross_validate_analyses(pages: &[Page]) -> Vec<(DocScore, Analysis)> {
    let prepared: Vec<[Prepared; 2]> = pages.iter().map(prepare_page).collect();
    let mut scores: Vec<Option<(DocScore, Analysis)>> = vec![None; pages.len()];
    for fold in 0..FOLDS {
        let train_pages: Vec<&[Prepared; 2]> = prepared
            .iter()
            .enumerate()
            .filter(|(i, _)| i % FOLDS != fold)
            .map(|(_, p)| p)
            .collect();
        let model = train_prepared(&train_pages);
        for (i, p) in pages.iter().enumerate().filter(|(i, _)| i % FOLDS == fold) {
            let a = analysis_with(&p.1, &model);
            scores[i] = Some((score::score_doc(&p.2, &a.body), a));
        }
    }
    scores.into_iter().flatten().collect()
}

/// Fits the model on every page (see [`train`]).
pub fn train_all(pages: &[Page]) -> LineModel {
    let all: Vec<&Page> = pages.iter().collect();
    train(&all)
}

/// `bench train`: fits on every page and writes the model file `out`.
pub fn run(pages: &[Page], out: &std::path::Path) -> Result<(), String> {
    let model = train_all(pages);
    let p = boost_params();
    let header = format!(
        "Line model of presslens: logistic regression over clean::line_vector features, then\n\
         {} boosted trees of depth {} on its margin.\n\
         Generated by `cargo run --release --bin bench -- train ../shared/bench` from {} pages\n\
         (L2 {L2}, {ITERATIONS} Newton steps at most; learning rate {}, lambda {}, least child\n\
         weight {}, {} bins). Do not edit by hand.",
        p.rounds,
        presslens::clean::line_model::DEPTH,
        pages.len(),
        p.learning_rate,
        p.lambda,
        p.min_child,
        p.bins
    );
    std::fs::write(out, model.to_tsv(&header))
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!("wrote {} (trained on {} pages)", out.display(), pages.len());
    Ok(())
}
