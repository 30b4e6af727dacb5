//! `bench --train-title`: fits the title-candidate weights (`data/meta/title_weights.tsv`) on
//! the benchmark's `meta.json` titles and prints them, with the 5-fold cross-validated accuracy
//! (pages split by sorted id, index mod 5) so the figure for unseen pages is known.
//!
//! Model: conditional logit — on each page, P(candidate is the title) = softmax of the weighted
//! features over that page's candidates; maximize the log-likelihood of the candidates whose
//! text is the true title, with an L2 penalty, by gradient ascent (Adam).

use crate::common::{load_pages, read_json};
use crate::Config;
use presslens::meta::page::Page;
use presslens::meta::title::{candidate_features, FEATURES};
use presslens::{clean, normalize};

const NF: usize = FEATURES.len();

/// One page's candidates: features and whether each is the true title.
struct Example {
    id: String,
    xs: Vec<[f32; NF]>,
    pos: Vec<bool>,
}

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn examples(cfg: &Config) -> Result<Vec<Example>, String> {
    let truth = read_json(&cfg.bench_dir.join("meta.json"))?;
    let pages = load_pages(&cfg.bench_dir)?;
    let mut out = Vec::new();
    for (id, text, _) in &pages {
        let Some(want) = truth.get(id).and_then(|m| m["title"].as_str()) else {
            continue;
        };
        let mut lines = normalize::lines(text);
        clean::clean_lines(&mut lines);
        let page = Page::new(&lines, None);
        let want = norm(want);
        let cands = candidate_features(&page);
        out.push(Example {
            id: id.get(..8).unwrap_or(id).to_string(),
            pos: cands.iter().map(|(_, t, _)| norm(t) == want).collect(),
            xs: cands.into_iter().map(|(_, _, f)| f).collect(),
        });
    }
    Ok(out)
}

fn scores(w: &[f64; NF], xs: &[[f32; NF]]) -> Vec<f64> {
    xs.iter()
        .map(|x| x.iter().zip(w).map(|(a, b)| f64::from(*a) * b).sum())
        .collect()
}

fn correct(w: &[f64; NF], e: &Example) -> bool {
    let s = scores(w, &e.xs);
    let best = (0..s.len()).fold(None, |b: Option<usize>, j| match b {
        Some(k) if s[k] >= s[j] => Some(k),
        _ => Some(j),
    });
    best.is_some_and(|k| e.pos[k])
}

fn fit(train: &[&Example], init: &[f64; NF], lambda: f64, iters: usize) -> [f64; NF] {
    let mut w = *init;
    let (mut m, mut v) = ([0.0f64; NF], [0.0f64; NF]);
    let (b1, b2, lr, eps) = (0.9, 0.999, 0.05, 1e-8);
    for t in 1..=iters {
        let mut g = [0.0f64; NF];
        for e in train {
            if !e.pos.iter().any(|&p| p) {
                continue;
            }
            let s = scores(&w, &e.xs);
            let mx = s.iter().cloned().fold(f64::MIN, f64::max);
            let ex: Vec<f64> = s.iter().map(|x| (x - mx).exp()).collect();
            let z: f64 = ex.iter().sum();
            let zp: f64 = ex
                .iter()
                .zip(&e.pos)
                .filter(|(_, p)| **p)
                .map(|(x, _)| x)
                .sum();
            for (j, x) in e.xs.iter().enumerate() {
                let r = if e.pos[j] { ex[j] / zp } else { 0.0 };
                let q = ex[j] / z;
                for k in 0..NF {
                    g[k] += (r - q) * f64::from(x[k]);
                }
            }
        }
        for k in 0..NF {
            let gk = g[k] - 2.0 * lambda * w[k];
            m[k] = b1 * m[k] + (1.0 - b1) * gk;
            v[k] = b2 * v[k] + (1.0 - b2) * gk * gk;
            let mh = m[k] / (1.0 - b1.powi(t as i32));
            let vh = v[k] / (1.0 - b2.powi(t as i32));
            w[k] += lr * mh / (vh.sqrt() + eps);
        }
    }
    w
}

/// Runs the training and prints the weights file and the accuracies.
pub fn run(cfg: &Config) -> Result<(), String> {
    let ex = examples(cfg)?;
    let reachable = ex.iter().filter(|e| e.pos.iter().any(|&p| p)).count();
    let unreachable: Vec<&str> = ex
        .iter()
        .filter(|e| !e.pos.iter().any(|&p| p))
        .map(|e| e.id.as_str())
        .collect();
    eprintln!("true title not among the candidates: {unreachable:?}");
    let init = [0.0f64; NF];
    let (lambda, iters) = (0.05, 600);
    let mut cv_ok = 0;
    for fold in 0..5 {
        let train: Vec<&Example> = ex
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 5 != fold)
            .map(|(_, e)| e)
            .collect();
        let w = fit(&train, &init, lambda, iters);
        cv_ok += ex
            .iter()
            .enumerate()
            .filter(|(i, e)| i % 5 == fold && correct(&w, e))
            .count();
    }
    let all: Vec<&Example> = ex.iter().collect();
    let w = fit(&all, &init, lambda, iters);
    let fit_ok = ex.iter().filter(|e| correct(&w, e)).count();
    let n = ex.len();
    eprintln!(
        "title model: {n} pages, true title among the candidates on {reachable}; \
         5-fold cross-validated accuracy {:.3} ({cv_ok}/{n}), fitted on all {:.3} ({fit_ok}/{n})",
        cv_ok as f64 / n as f64,
        fit_ok as f64 / n as f64
    );
    println!(
        "# Title-candidate feature weights (see FEATURES in src/meta/title.rs): NAME <TAB> weight."
    );
    println!("# The best-scoring candidate is the title. Fitted by `cargo run --release --bin bench -- --train-title`");
    println!("# (conditional logit over each page's candidates, L2 {lambda}, {iters} Adam steps) on ../shared/bench/meta.json;");
    println!(
        "# 5-fold cross-validated accuracy {:.3} ({cv_ok}/{n}), fitted on all {:.3} ({fit_ok}/{n}).",
        cv_ok as f64 / n as f64,
        fit_ok as f64 / n as f64
    );
    for (name, v) in FEATURES.iter().zip(w.iter()) {
        println!("{name}\t{v:.4}");
    }
    Ok(())
}
