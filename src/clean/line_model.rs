//! The learned line model: logistic regression over [`line_vector`](super::line_vector)
//! vectors, giving each non-blank line a log-odds of being article text (body or heading).
//!
//! The weights live in `data/model/lines.tsv` (embedded at compile time), written by
//! `cargo run --release --bin bench -- train ../shared/bench` (see [`super::train`]).
//! File format: `#` comments, then `NAME <TAB> WEIGHT` rows; `bias` is the intercept, every other
//! name is one of [`NAMES`]. A name the code does not know is an error, a missing name weighs 0.
//! Then optional `tree` rows, each a regression tree of depth [`DEPTH`] whose output is added
//! to the linear log-odds (gradient boosting on the linear model's margin):
//! `tree <TAB> NAME<=THRESHOLD …(2^DEPTH - 1 nodes, breadth first) <TAB> LEAF …(2^DEPTH values)`.
//! A node whose line value is at most its threshold sends the line left.

use super::line_vector::{Vector, LEN, NAMES};
use std::borrow::Cow;
use std::sync::OnceLock;

const EMBEDDED: &str = data_file!("model/lines.tsv");
/// Depth of every boosted tree.
pub const DEPTH: usize = 4;
/// Internal nodes of a tree.
pub const NODES: usize = (1 << DEPTH) - 1;
/// Leaves of a tree.
pub const LEAVES: usize = 1 << DEPTH;

/// One regression tree of depth [`DEPTH`], complete and breadth first: node `k` has children
/// `2k + 1` (value at most the threshold) and `2k + 2`; node `NODES + j` is leaf `j`.
#[derive(Debug, Clone, PartialEq)]
pub struct Tree {
    /// Vector index tested by each internal node.
    pub feature: [u8; NODES],
    /// Threshold of each internal node.
    pub threshold: [f32; NODES],
    /// Output of each leaf (log-odds added to the margin).
    pub leaf: [f32; LEAVES],
}

impl Tree {
    /// The tree's output for `v`.
    #[inline]
    pub fn eval(&self, v: &Vector) -> f32 {
        let mut k = 0usize;
        for _ in 0..DEPTH {
            // `k < NODES` here; masking lets the compiler drop the bounds checks.
            let node = k & (LEAVES - 1);
            let f = usize::from(self.feature[node % NODES]);
            let x = if f < LEN { v[f] } else { 0.0 };
            k = 2 * k + 1 + usize::from(x > self.threshold[node % NODES]);
        }
        self.leaf[k.wrapping_sub(NODES) & (LEAVES - 1)]
    }

    fn parse(nodes: &str, leaves: &str) -> Result<Tree, String> {
        let mut t = Tree {
            feature: [0; NODES],
            threshold: [f32::INFINITY; NODES],
            leaf: [0.0; LEAVES],
        };
        let nodes: Vec<&str> = nodes.split_whitespace().collect();
        let leaves: Vec<&str> = leaves.split_whitespace().collect();
        if nodes.len() != NODES || leaves.len() != LEAVES {
            return Err(format!("a tree needs {NODES} nodes and {LEAVES} leaves"));
        }
        for (k, node) in nodes.iter().enumerate() {
            let (name, thr) = node
                .split_once("<=")
                .ok_or_else(|| format!("node '{node}' is not NAME<=THRESHOLD"))?;
            let j = NAMES
                .iter()
                .position(|&x| x == name)
                .ok_or_else(|| format!("unknown feature '{name}'"))?;
            t.feature[k] = u8::try_from(j).map_err(|_| "feature index too large".to_string())?;
            t.threshold[k] =
                crate::num::parse_f32(thr).ok_or_else(|| format!("'{thr}' is not a number"))?;
        }
        for (j, l) in leaves.iter().enumerate() {
            let x: f32 =
                crate::num::parse_f32(l).ok_or_else(|| format!("'{l}' is not a number"))?;
            if !x.is_finite() {
                return Err("leaf is not finite".into());
            }
            t.leaf[j] = x;
        }
        Ok(t)
    }

    fn to_row(&self) -> String {
        let nodes: Vec<String> = (0..NODES)
            .map(|k| {
                format!(
                    "{}<={}",
                    NAMES[usize::from(self.feature[k]) % LEN],
                    self.threshold[k]
                )
            })
            .collect();
        let leaves: Vec<String> = self.leaf.iter().map(|x| x.to_string()).collect();
        format!("tree\t{}\t{}\n", nodes.join(" "), leaves.join(" "))
    }
}

/// Logistic-regression weights for line vectors, plus boosted trees on its margin.
#[derive(Debug, Clone, PartialEq)]
pub struct LineModel {
    /// The intercept.
    pub bias: f32,
    /// One weight per vector value, in [`NAMES`] order.
    pub weights: Vector,
    /// Boosted trees whose outputs add to the linear log-odds.
    pub trees: Vec<Tree>,
}

impl LineModel {
    /// A model whose every weight is zero (log-odds 0 for every line).
    pub fn zero() -> LineModel {
        LineModel {
            bias: 0.0,
            weights: [0.0; LEN],
            trees: Vec::new(),
        }
    }

    /// Parses the TSV model format; the error names the offending row.
    pub fn parse(src: &str) -> Result<LineModel, String> {
        let mut m = LineModel::zero();
        for (n, row) in src.lines().enumerate() {
            let row = row.trim();
            if row.is_empty() || row.starts_with('#') {
                continue;
            }
            if let Some(rest) = row.strip_prefix("tree\t") {
                let (nodes, leaves) = rest
                    .split_once('\t')
                    .ok_or_else(|| format!("row {}: expected tree NODES<TAB>LEAVES", n + 1))?;
                m.trees
                    .push(Tree::parse(nodes, leaves).map_err(|e| format!("row {}: {e}", n + 1))?);
                continue;
            }
            let (name, value) = row
                .split_once('\t')
                .ok_or_else(|| format!("row {}: expected NAME<TAB>WEIGHT", n + 1))?;
            let w: f32 = crate::num::parse_f32(value.trim())
                .ok_or_else(|| format!("row {}: '{value}' is not a number", n + 1))?;
            if !w.is_finite() {
                return Err(format!("row {}: weight is not finite", n + 1));
            }
            if name == "bias" {
                m.bias = w;
            } else {
                let j = NAMES
                    .iter()
                    .position(|&x| x == name)
                    .ok_or_else(|| format!("row {}: unknown feature '{name}'", n + 1))?;
                m.weights[j] = w;
            }
        }
        Ok(m)
    }

    /// The TSV form that [`LineModel::parse`] reads back exactly.
    pub fn to_tsv(&self, header: &str) -> String {
        let mut out = String::new();
        for h in header.lines() {
            out.push_str("# ");
            out.push_str(h);
            out.push('\n');
        }
        out.push_str(&format!("bias\t{}\n", self.bias));
        for (name, w) in NAMES.iter().zip(self.weights.iter()) {
            out.push_str(&format!("{name}\t{w}\n"));
        }
        for t in &self.trees {
            out.push_str(&t.to_row());
        }
        out
    }

    /// The embedded model (parsed once). A broken embedded file yields the zero model; a test
    /// makes sure it parses.
    pub fn embedded() -> &'static LineModel {
        static M: OnceLock<LineModel> = OnceLock::new();
        M.get_or_init(|| LineModel::parse(EMBEDDED).unwrap_or_else(|_| LineModel::zero()))
    }

    /// The linear part of the log-odds (no trees).
    pub fn linear(&self, v: &Vector) -> f32 {
        self.bias
            + self
                .weights
                .iter()
                .zip(v.iter())
                .map(|(w, x)| w * x)
                .sum::<f32>()
    }

    /// The log-odds that the line with vector `v` is article text.
    pub fn logit(&self, v: &Vector) -> f32 {
        self.linear(v) + self.trees.iter().map(|t| t.eval(v)).sum::<f32>()
    }
}

// The padded vector of `Scorer` has room for every value and a zero.
const _: () = assert!(LEN < 64);

/// A [`LineModel`] laid out for scoring many lines: each tree's nodes as `(threshold, feature)`
/// pairs padded to 16, features read from a vector padded with zeros to 64 values (an index
/// of [`LEN`] or more reads 0, as [`Tree::eval`] does). Same log-odds as [`LineModel::logit`],
/// to the bit (same operations in the same order).
pub struct Scorer<'a> {
    model: &'a LineModel,
    nodes: Cow<'a, [[(f32, u32); LEAVES]]>,
}

impl LineModel {
    /// The model laid out for [`Scorer::logit`]: the embedded model's layout is built once
    /// (no allocation per page), another model's on each call.
    pub fn scorer(&self) -> Scorer<'_> {
        static EMBEDDED: OnceLock<Vec<[(f32, u32); LEAVES]>> = OnceLock::new();
        let nodes = if std::ptr::eq(self, LineModel::embedded()) {
            Cow::Borrowed(EMBEDDED.get_or_init(|| self.layout()).as_slice())
        } else {
            Cow::Owned(self.layout())
        };
        Scorer { model: self, nodes }
    }

    /// Each tree's nodes as `(threshold, feature)` pairs padded to 16 (see [`Scorer`]).
    fn layout(&self) -> Vec<[(f32, u32); LEAVES]> {
        self.trees
            .iter()
            .map(|t| {
                let mut n = [(f32::INFINITY, LEN as u32); LEAVES];
                for (n, (&thr, &f)) in n.iter_mut().zip(t.threshold.iter().zip(&t.feature)) {
                    *n = (thr, u32::from(f).min(LEN as u32));
                }
                n
            })
            .collect()
    }
}

impl Scorer<'_> {
    /// [`LineModel::logit`] of `v`.
    pub fn logit(&self, v: &Vector) -> f32 {
        let mut p = [0.0f32; 64];
        p[..LEN].copy_from_slice(v);
        let trees = self.nodes.iter().zip(&self.model.trees).map(|(n, t)| {
            let mut k = 0usize;
            for _ in 0..DEPTH {
                let (thr, f) = n[k & (LEAVES - 1)];
                k = 2 * k + 1 + usize::from(p[f as usize & 63] > thr);
            }
            t.leaf[k.wrapping_sub(NODES) & (LEAVES - 1)]
        });
        self.model.linear(v) + trees.sum::<f32>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_model_parses_completely() {
        let m = LineModel::parse(EMBEDDED).expect("data/model/lines.tsv parses");
        assert_ne!(m, LineModel::zero(), "the embedded model has weights");
    }

    #[test]
    fn scorer_equals_logit() {
        let m = LineModel::embedded();
        let s = m.scorer();
        for seed in 0..200u32 {
            let v: Vector = std::array::from_fn(|j| {
                let h = (seed.wrapping_mul(2_654_435_761) ^ (j as u32).wrapping_mul(40503)) % 97;
                if h % 3 == 0 {
                    0.0
                } else {
                    h as f32 / 13.0
                }
            });
            assert_eq!(s.logit(&v).to_bits(), m.logit(&v).to_bits());
        }
    }

    #[test]
    fn round_trips() {
        let mut m = LineModel::zero();
        m.bias = -1.25;
        m.weights[3] = 0.5;
        m.trees.push(Tree {
            feature: [1; NODES],
            threshold: [0.25; NODES],
            leaf: [0.5; LEAVES],
        });
        assert_eq!(LineModel::parse(&m.to_tsv("test")).unwrap(), m);
        assert!(LineModel::parse("nonsense\t1").is_err());
        assert!(LineModel::parse("bias\tx").is_err());
    }
}
