//! The learned line model: logistic regression over [`line_vector`](super::line_vector)
//! vectors, giving each non-blank line a log-odds of being article text (body or heading).
//!
//! The weights live in `data/model/lines.tsv` (embedded at compile time), written by
//! `cargo run --release --bin bench -- train ../shared/bench` (see [`super::train`]).
//! File format: `#` comments, then `NAME <TAB> WEIGHT` rows; `bias` is the intercept, every other
//! name is one of [`NAMES`]. A name the code does not know is an error, a missing name weighs 0.

use super::line_vector::{Vector, LEN, NAMES};
use std::sync::OnceLock;

const EMBEDDED: &str = include_str!("../../data/model/lines.tsv");

/// Logistic-regression weights for line vectors.
#[derive(Debug, Clone, PartialEq)]
pub struct LineModel {
    /// The intercept.
    pub bias: f32,
    /// One weight per vector value, in [`NAMES`] order.
    pub weights: Vector,
}

impl LineModel {
    /// A model whose every weight is zero (log-odds 0 for every line).
    pub fn zero() -> LineModel {
        LineModel {
            bias: 0.0,
            weights: [0.0; LEN],
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
            let (name, value) = row
                .split_once('\t')
                .ok_or_else(|| format!("row {}: expected NAME<TAB>WEIGHT", n + 1))?;
            let w: f32 = value
                .trim()
                .parse()
                .map_err(|_| format!("row {}: '{value}' is not a number", n + 1))?;
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
        out
    }

    /// The embedded model (parsed once). A broken embedded file yields the zero model; a test
    /// makes sure it parses.
    pub fn embedded() -> &'static LineModel {
        static M: OnceLock<LineModel> = OnceLock::new();
        M.get_or_init(|| LineModel::parse(EMBEDDED).unwrap_or_else(|_| LineModel::zero()))
    }

    /// The log-odds that the line with vector `v` is article text.
    pub fn logit(&self, v: &Vector) -> f32 {
        self.bias
            + self
                .weights
                .iter()
                .zip(v.iter())
                .map(|(w, x)| w * x)
                .sum::<f32>()
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
    fn round_trips() {
        let mut m = LineModel::zero();
        m.bias = -1.25;
        m.weights[3] = 0.5;
        assert_eq!(LineModel::parse(&m.to_tsv("test")).unwrap(), m);
        assert!(LineModel::parse("nonsense\t1").is_err());
        assert!(LineModel::parse("bias\tx").is_err());
    }
}
