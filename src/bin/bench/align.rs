//! Gold line labels for the bench pages: which lines of `text/<id>.txt` belong to the true
//! article body of `ground-truth.json`, found by 4-token shingle overlap (the metric's own
//! tokens, see `presslens::score::tokens`).
//!
//! A line of 4+ tokens is article text when at least half of its shingles occur in the truth.
//! A shorter line (a heading, a one-line dateline) is article text when its tokens occur in the
//! truth in that order *and* a shingle bridging it with a neighbouring line's tokens occurs in
//! the truth too (so a lone "Reuters" that happens to appear in the article does not count).

use presslens::score;
use std::collections::HashSet;

/// For each line: `None` if blank, else whether it is article text.
pub fn gold_lines(lines: &[Box<str>], truth: &str) -> Vec<Option<bool>> {
    let ttoks = score::tokens(truth);
    let shingles: HashSet<&[&str]> = ttoks.windows(4).collect();
    let toks: Vec<Vec<&str>> = lines.iter().map(|l| score::tokens(l)).collect();
    let nonblank: Vec<usize> = (0..lines.len()).filter(|&i| !toks[i].is_empty()).collect();
    let mut out: Vec<Option<bool>> = lines
        .iter()
        .map(|l| if l.is_empty() { None } else { Some(false) })
        .collect();
    for (k, &i) in nonblank.iter().enumerate() {
        let t = &toks[i];
        if t.len() >= 4 {
            let hit = t.windows(4).filter(|w| shingles.contains(w)).count();
            out[i] = Some(hit * 2 >= t.len() - 3);
            continue;
        }
        let in_order = ttoks.windows(t.len()).any(|w| w == t.as_slice());
        if !in_order {
            continue;
        }
        let prev = k.checked_sub(1).map(|p| toks[nonblank[p]].as_slice());
        let next = nonblank.get(k + 1).map(|&j| toks[j].as_slice());
        let mut ctx: Vec<&str> = Vec::new();
        let before = prev.map_or(0, |p| p.len().min(3));
        if let Some(p) = prev {
            ctx.extend_from_slice(&p[p.len() - before..]);
        }
        ctx.extend_from_slice(t);
        if let Some(nx) = next {
            ctx.extend_from_slice(&nx[..nx.len().min(3)]);
        }
        // Windows that include at least one token of this line and one of a neighbour.
        let bridged = ctx.windows(4).enumerate().any(|(s, w)| {
            let touches_line = s < before + t.len() && s + 4 > before;
            let touches_nb = s < before || s + 4 > before + t.len();
            touches_line && touches_nb && shingles.contains(w)
        });
        out[i] = Some(bridged);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_paragraphs_and_headings() {
        let truth =
            "The first paragraph has many words in it. Background The second one too has words.";
        let lines: Vec<Box<str>> = [
            "Menu",
            "The first paragraph has many words in it.",
            "",
            "Background",
            "The second one too has words.",
            "Reuters",
        ]
        .map(Into::into)
        .to_vec();
        let g = gold_lines(&lines, truth);
        assert_eq!(
            g,
            vec![
                Some(false),
                Some(true),
                None,
                Some(true),
                Some(true),
                Some(false)
            ]
        );
    }
}
