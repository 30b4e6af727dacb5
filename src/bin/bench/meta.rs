//! Metadata quality on `BENCH_DIR/meta.json`: title exact-match rate (whitespace and case
//! normalized) over all pages, publication-date accuracy over pages where the date is written in
//! the paste (`published_visible`), and author precision/recall (case-insensitive names) over
//! pages with a `byline_line`. `--meta-misses` lists every miss.

use crate::common::{load_pages, read_json};
use crate::Config;
use presslens::{analyze, Options};

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Runs the metadata bench and prints its figures.
pub fn run(cfg: &Config) -> Result<(), String> {
    let truth = read_json(&cfg.bench_dir.join("meta.json"))?;
    let truth = truth.as_object().ok_or("meta.json is not an object")?;
    let pages = load_pages(&cfg.bench_dir)?;
    let opts = Options::default();
    let (mut t_ok, mut t_n) = (0usize, 0usize);
    let (mut d_ok, mut d_n) = (0usize, 0usize);
    let (mut a_tp, mut a_pred, mut a_gold, mut a_pages) = (0usize, 0usize, 0usize, 0usize);
    let mut misses: Vec<String> = Vec::new();
    for (id, text, _) in &pages {
        let Some(m) = truth.get(id) else { continue };
        let a = analyze(text, &opts);
        let short = id.get(..8).unwrap_or(id);
        if let Some(want) = m["title"].as_str() {
            t_n += 1;
            let got = a.title.as_deref().unwrap_or("");
            if norm(got) == norm(want) {
                t_ok += 1;
            } else {
                misses.push(format!("{short} title: got {got:?}, want {want:?}"));
            }
        }
        if m["published_visible"].as_bool() == Some(true) {
            if let Some(want) = m["published"].as_str() {
                d_n += 1;
                let got = a.published.as_ref().map(|p| p.date.as_str()).unwrap_or("");
                if got == want {
                    d_ok += 1;
                } else {
                    let raw = a.published.as_ref().map(|p| p.raw.as_str()).unwrap_or("");
                    misses.push(format!("{short} date: got {got:?} ({raw:?}), want {want}"));
                }
            }
        }
        if m["byline_line"].is_string() {
            a_pages += 1;
            let gold: Vec<String> = m["authors"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str().map(norm))
                .collect();
            let got: Vec<String> = a
                .byline
                .as_ref()
                .map(|b| b.authors.iter().map(|s| norm(s)).collect())
                .unwrap_or_default();
            let tp = got.iter().filter(|g| gold.contains(g)).count();
            a_tp += tp;
            a_pred += got.len();
            a_gold += gold.len();
            if tp != gold.len() || tp != got.len() {
                misses.push(format!("{short} authors: got {got:?}, want {gold:?}"));
            }
        }
    }
    let rate = |ok: usize, n: usize| if n == 0 { 0.0 } else { ok as f64 / n as f64 };
    println!("== metadata ({} pages, meta.json)", t_n);
    println!("title exact: {:.3} ({t_ok}/{t_n})", rate(t_ok, t_n));
    println!(
        "published date: {:.3} ({d_ok}/{d_n} pages where the date is visible)",
        rate(d_ok, d_n)
    );
    println!(
        "authors: precision {:.3} ({a_tp}/{a_pred}), recall {:.3} ({a_tp}/{a_gold}) over {a_pages} pages with a byline",
        rate(a_tp, a_pred),
        rate(a_tp, a_gold)
    );
    if cfg.meta_misses {
        for m in &misses {
            println!("  miss {m}");
        }
    }
    Ok(())
}
