//! The five seed articles against their gold files: body lines exact, title exact.

use crate::common::read_json;
use crate::Config;
use presslens::{analyze, Options};
use std::collections::BTreeSet;

/// Scores the seeds and prints one row per seed.
pub fn run(cfg: &Config) -> Result<(), String> {
    let mut entries: Vec<_> = std::fs::read_dir(&cfg.seeds_dir)
        .map_err(|e| format!("cannot read {}: {e}", cfg.seeds_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    entries.sort();
    println!("== seeds ({})", cfg.seeds_dir.display());
    let (mut body_ok, mut title_ok) = (0, 0);
    for path in &entries {
        let gold_path = path.with_extension("gold.json");
        let gold = read_json(&gold_path)?;
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let a = analyze(&text, &Options::default());
        let want: BTreeSet<u64> = gold["body_lines"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_u64())
            .collect();
        let got: BTreeSet<u64> = a
            .lines
            .iter()
            .filter(|l| l.kind.is_article())
            .map(|l| l.line as u64)
            .collect();
        let title_match = a.title.as_deref() == gold["title"].as_str();
        body_ok += usize::from(want == got);
        title_ok += usize::from(title_match);
        let missed: Vec<_> = want.difference(&got).collect();
        let extra: Vec<_> = got.difference(&want).collect();
        println!(
            "  {:<28} body {} (missed {:?}, extra {:?})  title {}",
            path.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            if want == got { "exact" } else { "differs" },
            missed,
            extra,
            if title_match { "exact" } else { "differs" }
        );
    }
    println!(
        "seeds: body lines exact {body_ok}/{n}, title exact {title_ok}/{n}",
        n = entries.len()
    );
    Ok(())
}
