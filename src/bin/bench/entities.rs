//! Entities and quotations against the hand annotations of `BENCH_DIR/entities.json`
//! (24 true article bodies, rules in `ENTITIES.md`), presslens and npm `compromise` side by side.
//!
//! Scored on the true body text of `ground-truth.json` (so cleaning errors do not count here).
//! Per type, entities are matched one-to-one: a predicted entity matches a gold one when any of
//! its names equals any of the gold's names, case-insensitively (dots and a leading "the"
//! ignored); P/R/F1 are pooled over all articles. Quotes: a gold quote is found when a predicted
//! quote starts with (or contains) its first words; its speaker is right when the predicted
//! speaker equals one of the gold speaker's names (or both are null).

use crate::common::read_json;
use crate::Config;
use presslens::entities::names::fold;
use presslens::facts::Facts;
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Stdio};

/// One system's output for one article, reduced to what is scored.
#[derive(Default)]
struct Pred {
    /// Per type (people, places, organizations): each entity's names.
    types: [Vec<Vec<String>>; 3],
    /// (quote text, speaker).
    quotes: Vec<(String, Option<String>)>,
}

/// Pooled counts for one system.
#[derive(Default)]
struct Tally {
    /// Per type: (true positives, predicted, gold).
    types: [(usize, usize, usize); 3],
    /// (gold quotes, found, found with the right speaker).
    quotes: (usize, usize, usize),
}

const TYPES: [&str; 3] = ["people", "places", "organizations"];

fn gold_names(e: &Value) -> Vec<String> {
    let mut v = vec![e["name"].as_str().unwrap_or("").to_string()];
    v.extend(
        e["aliases"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| a.as_str().map(str::to_string)),
    );
    v
}

/// Folds quote text for prefix matching: quotes/apostrophes straightened, punctuation dropped.
fn quote_key(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| match c {
            '’' | '‘' => '\'',
            c => c,
        })
        .filter(|c| c.is_alphanumeric() || c.is_whitespace() || *c == '\'')
        .collect();
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn score(gold: &Value, pred: &Pred, t: &mut Tally) {
    for (ti, ty) in TYPES.iter().enumerate() {
        let golds: Vec<Vec<String>> = gold[ty]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| gold_names(e).iter().map(|n| fold(n)).collect())
            .collect();
        let mut used = vec![false; golds.len()];
        let mut tp = 0;
        for names in &pred.types[ti] {
            let names: Vec<String> = names.iter().map(|n| fold(n)).collect();
            if let Some(g) =
                (0..golds.len()).find(|&g| !used[g] && golds[g].iter().any(|n| names.contains(n)))
            {
                used[g] = true;
                tp += 1;
            }
        }
        let c = &mut t.types[ti];
        c.0 += tp;
        c.1 += pred.types[ti].len();
        c.2 += golds.len();
    }
    // Speaker names: the gold speaker's entry (any type) gives its aliases.
    let speaker_names = |name: &str| -> Vec<String> {
        for ty in TYPES {
            for e in gold[ty].as_array().into_iter().flatten() {
                if e["name"].as_str() == Some(name) {
                    return gold_names(e).iter().map(|n| fold(n)).collect();
                }
            }
        }
        vec![fold(name)]
    };
    let preds: Vec<(String, Option<String>)> = pred
        .quotes
        .iter()
        .map(|(q, s)| (quote_key(q), s.as_deref().map(fold)))
        .collect();
    for q in gold["quotes"].as_array().into_iter().flatten() {
        t.quotes.0 += 1;
        let starts = quote_key(q["starts"].as_str().unwrap_or(""));
        let hit = preds
            .iter()
            .find(|(p, _)| p.starts_with(&starts))
            .or_else(|| preds.iter().find(|(p, _)| p.contains(&starts)));
        if let Some((_, sp)) = hit {
            t.quotes.1 += 1;
            let right = match (q["speaker"].as_str(), sp) {
                (None, None) => true,
                (Some(g), Some(p)) => speaker_names(g).contains(p),
                _ => false,
            };
            t.quotes.2 += usize::from(right);
        }
    }
}

fn presslens_pred(text: &str) -> Pred {
    let lines: Vec<String> = text
        .split('\n')
        .map(presslens::normalize::normalize_line)
        .collect();
    let facts = Facts::from_lines(
        lines.iter().enumerate().map(|(i, l)| (i + 1, l.as_str())),
        &presslens::meta::date::DateContext::default(),
    );
    let names = |list: &[presslens::entities::Entity]| -> Vec<Vec<String>> {
        list.iter()
            .map(|e| {
                let mut v = vec![e.name.clone()];
                v.extend(e.aliases.iter().cloned());
                v
            })
            .collect()
    };
    Pred {
        types: [
            names(&facts.people),
            names(&facts.places),
            names(&facts.organizations),
        ],
        quotes: facts
            .quotes
            .iter()
            .map(|q| (q.text.clone(), q.speaker.clone()))
            .collect(),
    }
}

/// Runs `node bench/compromise/run.js` on the texts; `Ok(None)` when it is not installed.
fn compromise_preds(texts: &[(String, String)]) -> Result<Option<Vec<Pred>>, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/compromise");
    if !dir.join("node_modules/compromise").is_dir() {
        return Ok(None);
    }
    let input: Vec<Value> = texts
        .iter()
        .map(|(id, t)| serde_json::json!({"id": id, "text": t}))
        .collect();
    let mut child = Command::new("node")
        .arg(dir.join("run.js"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run node: {e}"))?;
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().ok_or("no stdin for node")?;
        stdin
            .write_all(Value::Array(input).to_string().as_bytes())
            .map_err(|e| format!("cannot write to node: {e}"))?;
    }
    let out = child
        .wait_with_output()
        .map_err(|e| format!("node failed: {e}"))?;
    if !out.status.success() {
        return Err(format!("node exited with {}", out.status));
    }
    let v: Value = serde_json::from_slice(&out.stdout)
        .map_err(|e| format!("compromise output is not JSON: {e}"))?;
    let strings = |v: &Value| -> Vec<Vec<String>> {
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str().map(|s| vec![s.to_string()]))
            .collect()
    };
    Ok(Some(
        v.as_array()
            .into_iter()
            .flatten()
            .map(|d| Pred {
                types: [
                    strings(&d["people"]),
                    strings(&d["places"]),
                    strings(&d["organizations"]),
                ],
                quotes: d["quotes"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|q| (q["text"].as_str().unwrap_or("").to_string(), None))
                    .collect(),
            })
            .collect(),
    ))
}

/// This thread's CPU time in nanoseconds (Linux `/proc/thread-self/schedstat`), if readable.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn print_row(name: &str, t: &Tally) {
    let mut s = format!("{name:<12}");
    for &(tp, np, ng) in &t.types {
        let (p, r) = (ratio(tp, np), ratio(tp, ng));
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        s.push_str(&format!(" {p:5.3} {r:5.3} {f:5.3} |"));
    }
    s.push_str(&format!(
        " {:5.3} {:5.3}",
        ratio(t.quotes.1, t.quotes.0),
        ratio(t.quotes.2, t.quotes.1)
    ));
    println!("{s}");
}

/// Scores presslens (and compromise, when installed) on the annotated articles.
pub fn run(cfg: &Config) -> Result<(), String> {
    let gold = read_json(&cfg.bench_dir.join("entities.json"))?;
    let gold = gold.as_object().ok_or("entities.json is not an object")?;
    let gt = read_json(&cfg.bench_dir.join("ground-truth.json"))?;
    let mut texts: Vec<(String, String)> = Vec::new();
    for id in gold.keys() {
        let body = gt[id]["articleBody"]
            .as_str()
            .ok_or_else(|| format!("ground-truth.json has no body for {id}"))?;
        texts.push((id.clone(), body.to_string()));
    }
    let mut ours = Tally::default();
    for (id, text) in &texts {
        let pred = presslens_pred(text);
        if cfg.verbose {
            print_misses(id, &gold[id], &pred);
        }
        score(&gold[id], &pred, &mut ours);
    }
    println!(
        "== entities and quotes on {} hand-annotated true bodies ({})",
        texts.len(),
        cfg.bench_dir.join("entities.json").display()
    );
    println!(
        "{:<12} {:^17} | {:^17} | {:^17} | {:^11}",
        "", "people P R F1", "places P R F1", "orgs P R F1", "quotes f spk"
    );
    print_row("presslens", &ours);
    match compromise_preds(&texts)? {
        Some(preds) => {
            let mut theirs = Tally::default();
            for ((id, _), p) in texts.iter().zip(&preds) {
                score(&gold[id], p, &mut theirs);
            }
            print_row("compromise", &theirs);
        }
        None => println!(
            "compromise   (not installed: run `npm ci --prefix bench/compromise` to compare)"
        ),
    }
    println!(
        "quotes: f = share of {} gold quotes found, spk = share of found ones with the right speaker",
        ours.quotes.0
    );
    // Speed of the facts stage alone (entities, quotes, figures, keywords, summary) on these
    // bodies: best of 5 rounds, one core.
    let bodies: Vec<Vec<String>> = texts
        .iter()
        .map(|(_, t)| {
            t.split('\n')
                .map(presslens::normalize::normalize_line)
                .collect()
        })
        .collect();
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let t = std::time::Instant::now();
        let c0 = thread_cpu_ns();
        for b in &bodies {
            std::hint::black_box(Facts::from_lines(
                b.iter().enumerate().map(|(i, l)| (i + 1, l.as_str())),
                &presslens::meta::date::DateContext::default(),
            ));
        }
        let wall = t.elapsed().as_secs_f64();
        // CPU time when readable: on a shared machine wall time counts other processes too.
        let took = match (c0, thread_cpu_ns()) {
            (Some(a), Some(b)) => b.saturating_sub(a) as f64 / 1e9,
            _ => wall,
        };
        best = best.min(took);
    }
    let kb: usize = texts.iter().map(|(_, t)| t.len()).sum::<usize>() / 1024;
    println!(
        "facts stage: {:.3} ms CPU per article ({} articles, {} KB, best of 5 rounds, one core)",
        best * 1000.0 / texts.len() as f64,
        texts.len(),
        kb
    );
    Ok(())
}

/// Prints what presslens missed and added on one article (with `--verbose`).
fn print_misses(id: &str, gold: &Value, pred: &Pred) {
    println!("-- {}", &id[..8.min(id.len())]);
    for (ti, ty) in TYPES.iter().enumerate() {
        let golds: Vec<Vec<String>> = gold[ty]
            .as_array()
            .into_iter()
            .flatten()
            .map(gold_names)
            .collect();
        let gf: Vec<Vec<String>> = golds
            .iter()
            .map(|g| g.iter().map(|n| fold(n)).collect())
            .collect();
        let pf: Vec<Vec<String>> = pred.types[ti]
            .iter()
            .map(|p| p.iter().map(|n| fold(n)).collect())
            .collect();
        let missed: Vec<&String> = golds
            .iter()
            .zip(&gf)
            .filter(|(_, g)| !pf.iter().any(|p| p.iter().any(|n| g.contains(n))))
            .map(|(g, _)| &g[0])
            .collect();
        let extra: Vec<&String> = pred.types[ti]
            .iter()
            .zip(&pf)
            .filter(|(_, p)| !gf.iter().any(|g| p.iter().any(|n| g.contains(n))))
            .map(|(p, _)| &p[0])
            .collect();
        if !missed.is_empty() || !extra.is_empty() {
            println!("  {ty}: missed {missed:?} extra {extra:?}");
        }
    }
    for q in gold["quotes"].as_array().into_iter().flatten() {
        let starts = quote_key(q["starts"].as_str().unwrap_or(""));
        let hit = pred
            .quotes
            .iter()
            .find(|(p, _)| quote_key(p).contains(&starts));
        match hit {
            None => println!("  quote missed: {starts:?}"),
            Some((_, sp)) => {
                let g = q["speaker"].as_str();
                if g.map(fold) != sp.as_deref().map(fold) {
                    println!("  quote {starts:?}: speaker {sp:?}, gold {g:?}");
                }
            }
        }
    }
}
