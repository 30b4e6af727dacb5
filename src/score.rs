//! The article-extraction benchmark's body metric, re-implemented from `../shared/bench/score.py`.
//!
//! Per document: tokens are runs of word characters (`\w+`), shingles are the multiset of
//! 4-token windows (a 1–3 token text is one shingle), tp/fp/fn are multiset overlaps normalized
//! by their sum. Corpus: P and R are means over documents (P over those with tp+fp > 0, R over
//! those with tp+fn > 0), F1 is the harmonic mean of the two means, accuracy is the share of
//! documents whose token lists are equal. `tests/score_agrees.rs` checks it against score.py.

use std::collections::HashMap;

/// Python's `\w` as the benchmark uses it: alphanumeric or underscore.
fn is_word_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// The tokens of `text` (runs of word characters), in order.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

fn shingles<'a>(toks: &[&'a str]) -> HashMap<Vec<&'a str>, usize> {
    let mut m = HashMap::new();
    if toks.is_empty() {
        return m;
    }
    if toks.len() < 4 {
        m.insert(toks.to_vec(), 1);
        return m;
    }
    for w in toks.windows(4) {
        *m.entry(w.to_vec()).or_insert(0) += 1;
    }
    m
}

/// One document's normalized counts.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct DocScore {
    /// Shared shingles, as a share of tp + fp + fn.
    pub tp: f64,
    /// Predicted shingles not in the truth, as a share.
    pub fp: f64,
    /// True shingles missing from the prediction, as a share.
    pub fn_: f64,
    /// Whether the token lists are exactly equal.
    pub exact: bool,
}

impl DocScore {
    /// Precision as score.py defines it (1 when both fp and fn are 0).
    pub fn precision(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fp == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fp)
        }
    }

    /// Recall as score.py defines it (1 when both fp and fn are 0).
    pub fn recall(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fn_ == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fn_)
        }
    }

    /// The document's own F1 (used to rank the worst pages; not part of the corpus metric).
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

/// Scores one predicted body against the true body.
pub fn score_doc(truth: &str, pred: &str) -> DocScore {
    let (tt, pt) = (tokens(truth), tokens(pred));
    let (t, p) = (shingles(&tt), shingles(&pt));
    let mut tp = 0usize;
    let mut fn_ = 0usize;
    for (k, &ct) in &t {
        let cp = p.get(k).copied().unwrap_or(0);
        tp += ct.min(cp);
        fn_ += ct.saturating_sub(cp);
    }
    let fp: usize = p
        .iter()
        .map(|(k, &cp)| cp.saturating_sub(t.get(k).copied().unwrap_or(0)))
        .sum();
    let s = (tp + fp + fn_) as f64;
    let norm = |x: usize| if s > 0.0 { x as f64 / s } else { 0.0 };
    DocScore {
        tp: norm(tp),
        fp: norm(fp),
        fn_: norm(fn_),
        exact: tt == pt,
    }
}

/// Corpus-level figures.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct CorpusScore {
    /// Harmonic mean of mean precision and mean recall.
    pub f1: f64,
    /// Mean precision over documents with a non-empty prediction overlap.
    pub precision: f64,
    /// Mean recall over documents with a non-empty truth.
    pub recall: f64,
    /// Share of documents whose token lists match exactly.
    pub accuracy: f64,
    /// Number of documents.
    pub n: usize,
}

/// Aggregates per-document scores the way score.py does.
pub fn aggregate(docs: &[DocScore]) -> CorpusScore {
    let mean = |xs: Vec<f64>| {
        if xs.is_empty() {
            f64::NAN
        } else {
            xs.iter().sum::<f64>() / xs.len() as f64
        }
    };
    let p = mean(
        docs.iter()
            .filter(|d| d.tp + d.fp > 0.0)
            .map(|d| d.precision())
            .collect(),
    );
    let r = mean(
        docs.iter()
            .filter(|d| d.tp + d.fn_ > 0.0)
            .map(|d| d.recall())
            .collect(),
    );
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let accuracy = mean(
        docs.iter()
            .map(|d| if d.exact { 1.0 } else { 0.0 })
            .collect(),
    );
    CorpusScore {
        f1,
        precision: p,
        recall: r,
        accuracy,
        n: docs.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_word_runs() {
        assert_eq!(
            tokens("Hello, wörld_1 — 42!"),
            vec!["Hello", "wörld_1", "42"]
        );
    }

    #[test]
    fn identical_texts_score_one() {
        let d = score_doc("a b c d e f", "a b c d e f");
        assert!(d.exact);
        assert_eq!((d.precision(), d.recall()), (1.0, 1.0));
    }

    #[test]
    fn extra_text_lowers_precision_only() {
        let d = score_doc("a b c d e", "a b c d e x y z w");
        assert_eq!(d.recall(), 1.0);
        assert!(d.precision() < 1.0);
        let short = score_doc("a b", "a b");
        assert!(short.exact);
    }
}
