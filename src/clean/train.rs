//! Fitting a [`LineModel`]: weighted, L2-regularized logistic regression solved by Newton's
//! method (iteratively reweighted least squares).
//!
//! Promises: deterministic (same examples in the same order give bit-identical weights), no
//! randomness, finite weights for any finite input; the intercept is not regularized.

// Dense matrix code reads best with explicit row/column indices.
#![allow(clippy::needless_range_loop)]

use super::line_model::LineModel;
use super::line_vector::{Vector, LEN};

/// One training example: a line vector, whether the line is article text, and its weight.
/// `N` is the vector's length: [`LEN`] for the plain model, more for the rich model
/// ([`super::hints::RICH_LEN`]).
#[derive(Debug, Clone)]
pub struct Example<const N: usize = LEN> {
    /// The line's vector.
    pub x: [f32; N],
    /// True if the line belongs to the article body.
    pub y: bool,
    /// How much the line counts (e.g. its share of the page's tokens).
    pub weight: f32,
}

/// Solves `a x = b` for a symmetric positive definite `a` (Gaussian elimination with partial
/// pivoting; `a` is small). Returns `None` if it is singular.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    for col in 0..n {
        let piv = (col..n).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[piv][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, piv);
        b.swap(col, piv);
        for row in col + 1..n {
            let f = a[row][col] / a[col][col];
            if f == 0.0 {
                continue;
            }
            for k in col..n {
                a[row][k] -= f * a[col][k];
            }
            b[row] -= f * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let s: f64 = (row + 1..n).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - s) / a[row][row];
    }
    Some(x)
}

/// Fits a model on `examples` with L2 penalty `l2` (on the weights, not the bias), running at
/// most `iterations` Newton steps.
pub fn fit(examples: &[Example], l2: f64, iterations: usize) -> LineModel {
    let (bias, weights): (f32, Vector) = fit_weights(examples, l2, iterations);
    LineModel { bias, weights }
}

/// [`fit`] for vectors of any length `N`: returns `(bias, weights)`.
pub fn fit_weights<const N: usize>(
    examples: &[Example<N>],
    l2: f64,
    iterations: usize,
) -> (f32, [f32; N]) {
    let d = N + 1; // index 0 is the bias
    let mut w = vec![0.0f64; d];
    let xs = |e: &Example<N>, j: usize| if j == 0 { 1.0 } else { e.x[j - 1] as f64 };
    for _ in 0..iterations {
        let mut grad = vec![0.0f64; d];
        let mut hess = vec![vec![0.0f64; d]; d];
        for e in examples {
            let z: f64 = (0..d).map(|j| w[j] * xs(e, j)).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let y = if e.y { 1.0 } else { 0.0 };
            let ew = e.weight as f64;
            let g = ew * (p - y);
            let h = ew * (p * (1.0 - p)).max(1e-9);
            for j in 0..d {
                let xj = xs(e, j);
                if xj == 0.0 {
                    continue;
                }
                grad[j] += g * xj;
                for k in j..d {
                    hess[j][k] += h * xj * xs(e, k);
                }
            }
        }
        for j in 0..d {
            for k in 0..j {
                hess[j][k] = hess[k][j];
            }
            if j > 0 {
                grad[j] += l2 * w[j];
                hess[j][j] += l2;
            } else {
                hess[j][j] += 1e-9;
            }
        }
        let Some(step) = solve(hess, grad) else { break };
        let mut max_step = 0.0f64;
        for j in 0..d {
            w[j] -= step[j];
            max_step = max_step.max(step[j].abs());
        }
        if max_step < 1e-6 {
            break;
        }
    }
    let mut weights = [0.0f32; N];
    for j in 0..N {
        weights[j] = w[j + 1] as f32;
    }
    (w[0] as f32, weights)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_rule_deterministically() {
        let mut ex = Vec::new();
        for i in 0..40 {
            let mut x = [0.0; LEN];
            x[0] = i as f32 / 10.0;
            ex.push(Example {
                x,
                y: i >= 20,
                weight: 1.0,
            });
        }
        let m = fit(&ex, 0.1, 30);
        let mut lo = [0.0; LEN];
        lo[0] = 0.5;
        let mut hi = [0.0; LEN];
        hi[0] = 3.5;
        assert!(m.logit(&lo) < 0.0 && m.logit(&hi) > 0.0);
        assert_eq!(m, fit(&ex, 0.1, 30));
    }
}
