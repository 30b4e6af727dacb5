//! The rich-paste bench: body F1 when the page is pasted with its HTML (converted by the page's
//! own `www/rich.js` in headless Chromium, `bash bench/rich/run.sh`, into
//! `target/rich/<id>.json` = `{ text, hints }`), next to the plain paste (`text/<id>.txt`);
//! in-sample and page-level cross-validated. `bench train-rich` fits `data/model/lines_rich.tsv`.

use crate::align::gold_lines;
use crate::common::{load_pages, read_json, Page};
use crate::train::{self, token_weights, ALONE_WEIGHT, FOLDS, ITERATIONS, L2};
use crate::Config;
use presslens::clean::hints::{self, RichModel, RICH_LEN};
use presslens::clean::line_model::LineModel;
use presslens::clean::train::{fit_weights, Example};
use presslens::clean::{self};
use presslens::model::LineHint;
use presslens::score::{self, DocScore};
use presslens::{analyze, normalize, Analysis, Options};
use std::path::Path;

/// One page's rich conversion: id, text, hints table (and its rows), true body.
pub struct RichPage {
    id: String,
    text: String,
    table: String,
    hints: Vec<LineHint>,
    truth: String,
}

/// Reads `dir/<id>.json` of every bench page; the error says how to make them.
pub fn load_rich(pages: &[Page], dir: &Path) -> Result<Vec<RichPage>, String> {
    pages
        .iter()
        .map(|(id, _, truth)| {
            let path = dir.join(format!("{id}.json"));
            if !path.exists() {
                return Err(format!(
                    "{} is missing: run `bash bench/rich/run.sh` (converts the HTML pages with www/rich.js in Chromium)",
                    path.display()
                ));
            }
            let v = read_json(&path)?;
            let text = v
                .get("text")
                .and_then(|t| t.as_str())
                .ok_or_else(|| format!("{}: no text", path.display()))?
                .to_string();
            let table = v
                .get("hints")
                .and_then(|t| t.as_str())
                .ok_or_else(|| format!("{}: no hints", path.display()))?
                .to_string();
            Ok(RichPage {
                id: id.clone(),
                text,
                hints: LineHint::parse_table(&table),
                table,
                truth: truth.clone(),
            })
        })
        .collect()
}

/// The training examples of one rich page (every non-blank line, weighted by its share of the
/// page's tokens; `plain` gives the plain log-odds input), plus the page's true article pasted
/// alone as paragraphs inside the main container (weight [`ALONE_WEIGHT`]), as the plain
/// model's training does.
fn examples(p: &RichPage, plain: &LineModel) -> Vec<Example<RICH_LEN>> {
    let alone_hints: Vec<LineHint> = p
        .truth
        .split('\n')
        .map(|l| LineHint {
            tag: if l.trim().is_empty() { "" } else { "p" }.into(),
            main: if l.trim().is_empty() { 0 } else { 2 },
            ..LineHint::default()
        })
        .collect();
    let mut out = page_examples(&p.text, &p.hints, &p.truth, plain);
    out.extend(
        page_examples(&p.truth, &alone_hints, &p.truth, plain)
            .into_iter()
            .map(|mut e| {
                e.weight *= ALONE_WEIGHT;
                e
            }),
    );
    out
}

fn page_examples(
    text: &str,
    hints: &[LineHint],
    truth: &str,
    plain: &LineModel,
) -> Vec<Example<RICH_LEN>> {
    let lines = normalize::normalized_lines(text);
    let gold = gold_lines(&lines, truth);
    let m = clean::measure(&lines);
    let hv = hints::vectors(hints, &m.vectors);
    let weights = token_weights(&lines, &m.vectors);
    m.vectors
        .iter()
        .zip(hv)
        .zip(weights)
        .map(|(((i, v), h), weight)| Example {
            x: hints::join(plain.logit(v), &h),
            y: gold[*i] == Some(true),
            weight,
        })
        .collect()
}

/// Fits a rich model on `pages` (same trainer, penalty and steps as the plain model), stacked
/// on out-of-fold plain log-odds: each page's plain input comes from a plain model trained on
/// the other folds of `plain_pages` (parallel to `pages`), so the rich model learns how far to
/// trust the plain model on pages it has not seen (its in-sample log-odds, boosted trees
/// included, are overconfident).
fn fit(pages: &[&RichPage], plain_pages: &[&Page]) -> RichModel {
    let mut ex: Vec<Example<RICH_LEN>> = Vec::new();
    for fold in 0..FOLDS {
        let others: Vec<&Page> = plain_pages
            .iter()
            .enumerate()
            .filter(|(i, _)| i % FOLDS != fold)
            .map(|(_, p)| *p)
            .collect();
        let plain = train::train(&others);
        for (_, p) in pages.iter().enumerate().filter(|(i, _)| i % FOLDS == fold) {
            ex.extend(examples(p, &plain));
        }
    }
    let (bias, w) = fit_weights(&ex, L2, ITERATIONS);
    RichModel::from_weights(bias, &w)
}

/// The clean body of a rich page under `plain` and `rich` (the whole pipeline after cleaning).
fn body_with(p: &RichPage, plain: &LineModel, rich: &RichModel) -> String {
    let lines = normalize::normalized_lines(&p.text);
    let cleaned = hints::clean_rich_with(&lines, &p.hints, plain, rich);
    presslens::analyze_cleaned(lines, cleaned, &Options::default()).body
}

/// Page-level k-fold cross-validation with the plain bench's folds (page `i` in fold
/// `i % FOLDS`, pages sorted by id): for each fold, the plain model is trained on the other
/// folds' plain pastes (`plain_pages`, parallel to `pages`) and the rich model on their rich
/// conversions, and both score the held-out fold.
fn cross_validate(plain_pages: &[Page], pages: &[RichPage]) -> Vec<DocScore> {
    let mut scores = vec![DocScore::default(); pages.len()];
    for fold in 0..FOLDS {
        let kept = |i: &usize| i % FOLDS != fold;
        let plain_train: Vec<&Page> = plain_pages
            .iter()
            .enumerate()
            .filter(|(i, _)| kept(i))
            .map(|(_, p)| p)
            .collect();
        let train: Vec<&RichPage> = pages
            .iter()
            .enumerate()
            .filter(|(i, _)| kept(i))
            .map(|(_, p)| p)
            .collect();
        let plain = train::train(&plain_train);
        let rich = fit(&train, &plain_train);
        for (i, p) in pages.iter().enumerate().filter(|(i, _)| !kept(i)) {
            scores[i] = score::score_doc(&p.truth, &body_with(p, &plain, &rich));
        }
    }
    scores
}

fn row(name: &str, docs: &[DocScore]) {
    let s = score::aggregate(docs);
    println!(
        "{:<44} {:6.3} {:6.3} {:6.3} {:6.3}",
        name, s.f1, s.precision, s.recall, s.accuracy
    );
}

/// `bench --only rich`: rich vs plain body F1 (in-sample and, unless `--no-cv`, 5-fold CV).
pub fn run(cfg: &Config) -> Result<(), String> {
    let pages = load_pages(&cfg.bench_dir)?;
    let rich = match load_rich(&pages, &cfg.rich_dir) {
        Ok(r) => r,
        Err(e) if cfg.only.as_deref() != Some("rich") => {
            println!("== rich paste: skipped ({e})");
            return Ok(());
        }
        Err(e) => return Err(e),
    };
    let opts = Options::default();
    let plain: Vec<DocScore> = pages
        .iter()
        .map(|(_, text, truth)| score::score_doc(truth, &analyze(text, &opts).body))
        .collect();
    let mut used = 0;
    let analyses: Vec<Analysis> = rich
        .iter()
        .map(|p| {
            let o = Options {
                hints: Some(p.table.clone()),
                ..Options::default()
            };
            let a = analyze(&p.text, &o);
            used += usize::from(a.notes.iter().any(|n| n.ends_with(" used")));
            a
        })
        .collect();
    let hinted: Vec<DocScore> = rich
        .iter()
        .zip(&analyses)
        .map(|(p, a)| score::score_doc(&p.truth, &a.body))
        .collect();
    let unhinted: Vec<DocScore> = rich
        .iter()
        .map(|p| score::score_doc(&p.truth, &analyze(&p.text, &opts).body))
        .collect();
    println!(
        "== rich paste: {} pages of {}, HTML converted by www/rich.js ({}; hints used on {used})",
        rich.len(),
        cfg.bench_dir.display(),
        cfg.rich_dir.display()
    );
    println!(
        "{:<44} {:>6} {:>6} {:>6} {:>6}",
        "", "F1", "P", "R", "exact"
    );
    row("plain paste (text/), in-sample", &plain);
    row("rich paste (HTML + hints), in-sample", &hinted);
    row("rich text without hints (plain model)", &unhinted);
    if cfg.cv {
        row(
            &format!("plain paste, {FOLDS}-fold CV"),
            &train::cross_validate(&pages),
        );
        row(
            &format!("rich paste, {FOLDS}-fold CV"),
            &cross_validate(&pages, &rich),
        );
    }
    if cfg.verbose {
        print_losses(&rich, &analyses);
    }
    crate::body::print_worst(
        "rich pages",
        cfg.worst,
        &hinted,
        |i| (&rich[i].id, &analyses[i], &rich[i].truth),
        |i| format!("  (plain {:.3})", plain[i].f1()),
    );
    Ok(())
}

/// `--verbose`: where the rich path loses tokens, by the lines' tag and main-container level
/// (gold labels from the alignment; "missed" = article text not kept, "extra" = kept but not
/// article text).
fn print_losses(rich: &[RichPage], analyses: &[Analysis]) {
    let mut loss: std::collections::BTreeMap<(String, &str), usize> = Default::default();
    for (p, a) in rich.iter().zip(analyses) {
        let lines: Vec<Box<str>> = a.lines.iter().map(|l| Box::from(&*l.text)).collect();
        let gold = gold_lines(&lines, &p.truth);
        for ((l, g), h) in a.lines.iter().zip(gold).zip(&p.hints) {
            let Some(g) = g else { continue };
            if g == l.kind.is_article() {
                continue;
            }
            let what = if g { "missed" } else { "extra" };
            let key = format!("{} m{} {}", h.tag, h.main, l.kind.as_str());
            *loss.entry((key, what)).or_default() += score::tokens(&l.text).len();
        }
    }
    let mut rows: Vec<_> = loss.into_iter().collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.1));
    println!("tokens lost by tag, main level and kind given:");
    for ((key, what), n) in rows.into_iter().take(20) {
        println!("  {n:>6} {what:<6} {key}");
    }
}

/// `bench train-rich`: fits the rich model on every page and writes `out`.
pub fn train(cfg: &Config, out: &Path) -> Result<(), String> {
    let pages = load_pages(&cfg.bench_dir)?;
    let rich = load_rich(&pages, &cfg.rich_dir)?;
    let all: Vec<&RichPage> = rich.iter().collect();
    let plain_all: Vec<&Page> = pages.iter().collect();
    let model = fit(&all, &plain_all);
    let header = format!(
        "Rich line model (clean::hints features stacked on the plain model's log-odds), {} pages,\n\
         L2 {L2}. Made by `bash bench/rich/run.sh --train` (bench train-rich). Do not edit.",
        rich.len()
    );
    std::fs::write(out, model.to_tsv(&header))
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!("wrote {} (trained on {} pages)", out.display(), rich.len());
    Ok(())
}
