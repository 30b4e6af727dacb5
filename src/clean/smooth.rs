//! Sequence smoothing: from per-line log-odds to article / not-article decisions.
//!
//! A two-state Viterbi pass (article, chrome) over the non-blank lines: each line pays its
//! log-odds to be in one state or the other, and every switch between states costs
//! [`SWITCH_COST`]. An isolated weak line inside the article stays in, an isolated
//! prose-looking line inside chrome stays out, but a strong line (|log-odds| above the cost)
//! keeps its own decision.
//!
//! Promises: one decision per score, deterministic, linear time.

/// What one state switch costs, in log-odds.
pub const SWITCH_COST: f32 = 0.6;

/// When no line scores as article text, lines within this many log-odds of the best line are
/// taken: every paste is pasted for an article, and a page with no article at all is a worse
/// answer than the page's most article-like lines.
pub const FALLBACK_MARGIN: f32 = 1.5;

/// Decides, for each line score (log-odds of article text), whether the line is article text.
/// `eligible` (parallel to `logits`) marks the lines the fallback may take (prose-shaped, no
/// chrome phrase).
pub fn decide(logits: &[f32], eligible: &[bool]) -> Vec<bool> {
    let mut out = viterbi(logits, SWITCH_COST);
    if !out.contains(&true) {
        let best = logits
            .iter()
            .zip(eligible)
            .filter(|(_, &e)| e)
            .map(|(&z, _)| z)
            .fold(f32::NEG_INFINITY, f32::max);
        if best.is_finite() {
            for ((o, &z), &e) in out.iter_mut().zip(logits).zip(eligible) {
                *o = e && z >= best - FALLBACK_MARGIN;
            }
        }
    }
    out
}

/// The best state path with switch cost `cost` (true = article).
pub fn viterbi(logits: &[f32], cost: f32) -> Vec<bool> {
    let n = logits.len();
    if n == 0 {
        return Vec::new();
    }
    // score[s] = best total so far ending in state s (0 = chrome, 1 = article);
    // emission: article earns +z/2, chrome earns -z/2.
    let mut back = vec![[0u8; 2]; n];
    let emit = |z: f32, s: usize| if s == 1 { z / 2.0 } else { -z / 2.0 };
    let mut score = [emit(logits[0], 0), emit(logits[0], 1)];
    for t in 1..n {
        let mut next = [0.0f32; 2];
        for s in 0..2 {
            let stay = score[s];
            let switch = score[1 - s] - cost;
            let (best, from) = if stay >= switch {
                (stay, s)
            } else {
                (switch, 1 - s)
            };
            next[s] = best + emit(logits[t], s);
            back[t][s] = from as u8;
        }
        score = next;
    }
    let mut s = if score[1] > score[0] { 1 } else { 0 };
    let mut out = vec![false; n];
    for t in (0..n).rev() {
        out[t] = s == 1;
        s = back[t][s] as usize;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_strong_lines_and_smooths_weak_ones() {
        assert_eq!(
            viterbi(&[-5.0, 4.0, -0.5, 4.0, -5.0], 1.0),
            vec![false, true, true, true, false]
        );
        assert_eq!(viterbi(&[4.0, -3.0, 4.0], 1.0), vec![true, false, true]);
        assert_eq!(viterbi(&[-4.0, 0.5, -4.0], 1.0), vec![false, false, false]);
        assert!(viterbi(&[], 1.0).is_empty());
    }

    #[test]
    fn a_page_without_article_lines_keeps_its_best_lines() {
        assert_eq!(
            decide(
                &[-6.0, -1.0, -2.0, -0.8, -0.5],
                &[true, true, true, true, false]
            ),
            vec![false, true, true, true, false]
        );
        assert!(decide(&[], &[]).is_empty());
    }
}
