//! The comparison's figures: the seeds as one story (shared passages found), unrelated bench
//! articles kept apart (story scores of every bench pair and of every seed against every bench
//! page, against the threshold), and the speed of comparing 20 articles of 10 KB each.

use crate::common::load_pages;
use crate::Config;
use presslens::compare::story::SAME_STORY;
use presslens::{analyze, compare, Analysis, Options};
use std::time::Instant;

/// Size of one article in the speed run.
const ARTICLE_BYTES: usize = 10 * 1024;
/// Articles in the speed run.
const SPEED_ARTICLES: usize = 20;
/// The budget the README promises for the speed run.
const BUDGET_MS: f64 = 50.0;

/// Reads the seeds (`*.txt`, sorted by name).
fn seed_texts(cfg: &Config) -> Result<Vec<(String, String)>, String> {
    let mut paths: Vec<_> = std::fs::read_dir(&cfg.seeds_dir)
        .map_err(|e| format!("cannot read {}: {e}", cfg.seeds_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let name = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            std::fs::read_to_string(p)
                .map(|t| (name, t))
                .map_err(|e| format!("cannot read {}: {e}", p.display()))
        })
        .collect()
}

const SAME_STORY_TSV: &str = include_str!("same_story.tsv");

/// The hand labels: page id prefix (12 characters) → story label.
fn same_story_labels() -> std::collections::HashMap<&'static str, &'static str> {
    SAME_STORY_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .flat_map(|(label, ids)| ids.split_whitespace().map(move |id| (id, label)))
        .collect()
}

/// Cuts `text` at the last line break at or before `max` bytes (at a char boundary).
fn cut_at_line(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match text[..end].rfind('\n') {
        Some(i) if i > 0 => &text[..i],
        _ => &text[..end],
    }
}

/// This thread's CPU time in nanoseconds (Linux `/proc/thread-self/schedstat`), if readable.
/// CPU time is what the budget is about: on a machine shared with other builds, wall time
/// also counts the time other processes held the core.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Median wall and CPU milliseconds of `rounds` runs of `f` (CPU is None off Linux).
fn time_ms(rounds: usize, mut f: impl FnMut()) -> (f64, Option<f64>) {
    let mut wall = Vec::with_capacity(rounds);
    let mut cpu = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let c0 = thread_cpu_ns();
        let t = Instant::now();
        f();
        wall.push(t.elapsed().as_secs_f64() * 1000.0);
        if let (Some(a), Some(b)) = (c0, thread_cpu_ns()) {
            cpu.push(b.saturating_sub(a) as f64 / 1e6);
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let cpu = (cpu.len() == rounds).then(|| median(&mut cpu));
    (median(&mut wall), cpu)
}

/// Prints the speed of one set of articles (median of 11 runs).
fn speed_row(label: &str, analyses: &[Analysis]) {
    let (wall, cpu) = time_ms(11, || {
        std::hint::black_box(compare(analyses));
    });
    let judged = cpu.unwrap_or(wall);
    println!(
        "speed: {label}: compare {} wall {wall:.1} ms (budget {BUDGET_MS:.0} ms: {})",
        cpu.map(|c| format!("CPU {c:.1} ms,")).unwrap_or_default(),
        if judged < BUDGET_MS { "ok" } else { "OVER" }
    );
}

/// Runs the compare bench and prints its figures.
pub fn run(cfg: &Config) -> Result<(), String> {
    let opts = Options::default();
    println!("== compare");
    let seeds = seed_texts(cfg)?;
    let seed_an: Vec<Analysis> = seeds.iter().map(|(_, t)| analyze(t, &opts)).collect();
    let c = compare(&seed_an);
    let seed_min = c
        .pairs
        .iter()
        .map(|p| p.score)
        .fold(f64::INFINITY, f64::min);
    println!(
        "seeds: {} articles, one story: {}, lowest pair score {seed_min:.3} (threshold {SAME_STORY}), {} shared passages",
        seeds.len(),
        c.same_story,
        c.shared_passages.len()
    );
    for g in &c.disagreements {
        let values: Vec<String> = g
            .values
            .iter()
            .map(|v| {
                let s: Vec<String> = v.sources.iter().map(|e| e.source.to_string()).collect();
                format!("{} [sources {}]", v.value, s.join(","))
            })
            .collect();
        println!("  disagreement on {}: {}", g.about, values.join(" vs "));
    }

    let pages = load_pages(&cfg.bench_dir)?;
    let bench_an: Vec<Analysis> = pages.iter().map(|(_, t, _)| analyze(t, &opts)).collect();
    let all = compare(&bench_an);
    let short = |i: usize| pages[i].0.get(..12).unwrap_or(&pages[i].0);
    let story_of = same_story_labels();
    let labelled = |a: usize, b: usize| {
        story_of
            .get(short(a))
            .is_some_and(|g| story_of.get(short(b)) == Some(g))
    };
    let truly = all.pairs.iter().filter(|p| labelled(p.a, p.b)).count();
    let found = all
        .pairs
        .iter()
        .filter(|p| p.same_story && labelled(p.a, p.b))
        .count();
    let mut wrong: Vec<_> = all
        .pairs
        .iter()
        .filter(|p| p.same_story && !labelled(p.a, p.b))
        .collect();
    wrong.sort_by(|a, b| b.score.total_cmp(&a.score));
    println!(
        "bench: {} pairs of {} pages; hand-labelled same-story pairs found {found}/{truly}; other pairs judged one story: {}",
        all.pairs.len(),
        pages.len(),
        wrong.len()
    );
    for p in &wrong {
        println!(
            "  not labelled one story: {:.3} {} / {} ({})",
            p.score,
            short(p.a),
            short(p.b),
            p.shared_terms.join(", ")
        );
    }
    let mut seed_vs_bench = 0.0f64;
    let mut crossed = 0;
    for s in &seed_an {
        for b in &bench_an {
            let p = compare(&[s.clone(), b.clone()]);
            let score = p.pairs.first().map(|x| x.score).unwrap_or(0.0);
            seed_vs_bench = seed_vs_bench.max(score);
            crossed += usize::from(p.same_story);
        }
    }
    println!(
        "seed + bench page: {} pairs, judged one story: {crossed}, highest score {seed_vs_bench:.3}",
        seed_an.len() * bench_an.len()
    );

    // Speed: 20 real bench pastes cut to 10 KB each (pages of at least 10 KB, in id order).
    let texts: Vec<&str> = pages
        .iter()
        .filter(|(_, t, _)| t.len() >= ARTICLE_BYTES)
        .take(SPEED_ARTICLES)
        .map(|(_, t, _)| cut_at_line(t, ARTICLE_BYTES))
        .collect();
    let kb = texts.iter().map(|t| t.len()).sum::<usize>() as f64 / 1024.0 / texts.len() as f64;
    let t = Instant::now();
    let distinct: Vec<Analysis> = texts.iter().map(|t| analyze(t, &opts)).collect();
    let analyze_ms = t.elapsed().as_secs_f64() * 1000.0;
    println!(
        "speed: analyze {} articles of {kb:.1} KB: {analyze_ms:.1} ms (not part of compare)",
        texts.len()
    );
    speed_row(
        &format!("{} unrelated bench articles of {kb:.1} KB", texts.len()),
        &distinct,
    );
    // One wire story carried by 20 outlets: the seeds' bodies, 10 KB, each copy with a different
    // set of words changed, so every sentence matches in every source (the costliest case).
    let base: String = seeds
        .iter()
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let base = cut_at_line(&base, ARTICLE_BYTES);
    let copies: Vec<Analysis> = (0..SPEED_ARTICLES)
        .map(|i| {
            let edited: Vec<String> = base
                .split('\n')
                .map(|line| {
                    line.split(' ')
                        .enumerate()
                        .map(|(k, w)| {
                            if k % (7 + i) == 6 {
                                format!("edit{i}")
                            } else {
                                w.to_string()
                            }
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            analyze(&edited.join("\n"), &opts)
        })
        .collect();
    speed_row(
        &format!(
            "{SPEED_ARTICLES} edited copies of one {:.1} KB story",
            base.len() as f64 / 1024.0
        ),
        &copies,
    );
    Ok(())
}
