//! Loading the benchmark's files.

use std::path::Path;

/// Reads and parses a JSON file, with the path in the error message.
pub fn read_json(path: &Path) -> Result<serde_json::Value, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{} is not valid JSON: {e}", path.display()))
}

/// One benchmark page: `(id, pasted text, true body)`.
pub type Page = (String, String, String);

/// The benchmark pages, sorted by id.
pub fn load_pages(bench_dir: &Path) -> Result<Vec<Page>, String> {
    let gt = read_json(&bench_dir.join("ground-truth.json"))?;
    let gt = gt.as_object().ok_or("ground-truth.json is not an object")?;
    let mut pages = Vec::with_capacity(gt.len());
    for (id, v) in gt {
        let truth = v
            .get("articleBody")
            .and_then(|b| b.as_str())
            .unwrap_or("")
            .to_string();
        let path = bench_dir.join("text").join(format!("{id}.txt"));
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        pages.push((id.clone(), text, truth));
    }
    pages.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(pages)
}
