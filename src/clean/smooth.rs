//! Sequence smoothing: from per-line log-odds to article / not-article decisions.
//!
//! A four-state Viterbi pass over the non-blank lines: before the article, article, a gap
//! inside the article, after the article. Each line earns half its log-odds in the article
//! state and minus half in the others, and each move between states has a cost ([`COSTS`]).
//! An isolated weak line inside the article stays in, an isolated prose-looking line inside
//! chrome stays out, but a strong line (|log-odds| above the costs) keeps its own decision.
//! A short gap inside the article (a caption, an inserted teaser) is cheaper than leaving and
//! coming back, while the gap's cost grows with its length; once the path has left the
//! article for good (comments, teasers, footer), prose-like text re-enters only at the cost
//! `reenter`.
//!
//! Promises: one decision per score, deterministic, linear time.

/// When no line scores as article text, lines within this many log-odds of the best line are
/// taken: every paste is pasted for an article, and a page with no article at all is a worse
/// answer than the page's most article-like lines.
pub const FALLBACK_MARGIN: f32 = 1.5;

/// What each move between the states of [`viterbi`] costs, in log-odds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Costs {
    /// Before the article → article (the article starts).
    pub enter: f32,
    /// Article → gap (a run of lines inside the article that are not article text opens).
    pub gap_open: f32,
    /// Gap → article (the article resumes after the run).
    pub gap_close: f32,
    /// Every line spent in a gap: a long run inside the article costs more than a short one.
    pub gap_step: f32,
    /// Article → after the article (the article ends).
    pub leave: f32,
    /// After the article → article: text that looks like article after the article's end
    /// (comments, teasers, footer prose) re-enters only with strong evidence.
    pub reenter: f32,
}

/// The costs [`decide`] uses (chosen by cross-validation; see README).
pub const COSTS: Costs = Costs {
    enter: 0.6,
    gap_open: 0.4,
    gap_close: 0.4,
    gap_step: 0.05,
    leave: 0.6,
    reenter: 2.5,
};

/// Decides, for each line score (log-odds of article text), whether the line is article text.
/// `eligible` (parallel to `logits`) marks the lines the fallback may take (prose-shaped, no
/// chrome phrase).
pub fn decide(logits: &[f32], eligible: &[bool]) -> Vec<bool> {
    decide_with(logits.len(), || {
        logits
            .iter()
            .zip(eligible.iter().chain(std::iter::repeat(&false)))
            .map(|(&z, &e)| (z, e))
    })
}

/// [`decide`] for the `n` lines whose `(log-odds, eligible)` pairs `scores` yields, in order,
/// each time it is called (at most twice), so the scores need not be gathered in a list.
pub fn decide_with<I: Iterator<Item = (f32, bool)>>(n: usize, scores: impl Fn() -> I) -> Vec<bool> {
    let mut out = viterbi_with(n, scores().map(|(z, _)| z), &COSTS);
    if !out.contains(&true) {
        let best = scores()
            .filter(|&(_, e)| e)
            .map(|(z, _)| z)
            .fold(f32::NEG_INFINITY, f32::max);
        if best.is_finite() {
            for (o, (z, e)) in out.iter_mut().zip(scores()) {
                *o = e && z >= best - FALLBACK_MARGIN;
            }
        }
    }
    out
}

// States of [`viterbi`]: before the article, article text, a gap inside the article, after
// the article.
const BEFORE: usize = 0;
const ARTICLE: usize = 1;
const GAP: usize = 2;
const AFTER: usize = 3;

/// The best state path under `costs` (true = article). Four states: before the article,
/// article, a gap inside the article (which returns to the article), after the article (which
/// returns only at the cost `reenter`). Each line earns half its log-odds in the article state
/// and minus half in the three others.
pub fn viterbi(logits: &[f32], costs: &Costs) -> Vec<bool> {
    viterbi_with(logits.len(), logits.iter().copied(), costs)
}

/// [`viterbi`] of the first `n` scores of `logits` (fewer if it ends sooner). Keeps one byte a
/// line: the best previous state of each of the four states, two bits each.
fn viterbi_with(n: usize, logits: impl Iterator<Item = f32>, costs: &Costs) -> Vec<bool> {
    const NO: f32 = f32::NEG_INFINITY;
    // `moves[from][to]`: the cost of the move; NEG_INFINITY where it is not allowed.
    let c = costs;
    let mut moves = [[NO; 4]; 4];
    moves[BEFORE][BEFORE] = 0.0;
    moves[BEFORE][ARTICLE] = -c.enter;
    moves[ARTICLE][ARTICLE] = 0.0;
    moves[ARTICLE][GAP] = -c.gap_open;
    moves[ARTICLE][AFTER] = -c.leave;
    moves[GAP][GAP] = -c.gap_step;
    moves[GAP][ARTICLE] = -c.gap_close;
    moves[AFTER][AFTER] = 0.0;
    moves[AFTER][ARTICLE] = -c.reenter;
    let emit = |z: f32, s: usize| if s == ARTICLE { z / 2.0 } else { -z / 2.0 };
    let mut logits = logits.take(n);
    let Some(first) = logits.next() else {
        return Vec::new();
    };
    // `back[t]`: for each state at line `t`, the state before it (bits `2 * state`).
    let mut back: Vec<u8> = Vec::with_capacity(n);
    back.push(0);
    // A paste may start inside the article (a paste of just the article).
    let mut score = [NO; 4];
    score[BEFORE] = emit(first, BEFORE);
    score[ARTICLE] = emit(first, ARTICLE);
    for z in logits {
        let mut next = [NO; 4];
        let mut from_of = 0u8;
        for to in 0..4 {
            let mut best = (NO, to);
            for (from, row) in moves.iter().enumerate() {
                let v = score[from] + row[to];
                if v > best.0 {
                    best = (v, from);
                }
            }
            next[to] = best.0 + emit(z, to);
            from_of |= (best.1 as u8) << (2 * to);
        }
        back.push(from_of);
        score = next;
    }
    let mut s = (0..4)
        .max_by(|&a, &b| score[a].total_cmp(&score[b]).then(b.cmp(&a)))
        .unwrap_or(BEFORE);
    // Each line's back pointers are read once, from the last line to the first: its decision
    // takes their byte (and the bytes become the decisions without a second list).
    for b in back.iter_mut().rev() {
        let from = *b;
        *b = u8::from(s == ARTICLE);
        s = usize::from((from >> (2 * s)) & 3);
    }
    back.into_iter().map(|b| b != 0).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_strong_lines_and_smooths_weak_ones() {
        let c = Costs {
            enter: 1.0,
            gap_open: 1.0,
            gap_close: 1.0,
            gap_step: 0.0,
            leave: 1.0,
            reenter: 1.0,
        };
        assert_eq!(
            viterbi(&[-5.0, 4.0, -0.5, 4.0, -5.0], &c),
            vec![false, true, true, true, false]
        );
        assert_eq!(viterbi(&[4.0, -3.0, 4.0], &c), vec![true, false, true]);
        assert_eq!(viterbi(&[-4.0, 0.5, -4.0], &c), vec![false, false, false]);
        assert!(viterbi(&[], &c).is_empty());
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
