//! Fitting a [`LineModel`]: weighted, L2-regularized logistic regression solved by Newton's
//! method (iteratively reweighted least squares).
//!
//! Promises: deterministic (same examples in the same order give bit-identical weights), no
//! randomness, finite weights for any finite input; the intercept is not regularized.

// Dense matrix code reads best with explicit row/column indices.
#![allow(clippy::needless_range_loop)]

use super::line_model::{LineModel, Tree, DEPTH, LEAVES, NODES};
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
    LineModel {
        bias,
        weights,
        trees: Vec::new(),
    }
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

/// Settings of [`boost`].
#[derive(Debug, Clone, Copy)]
pub struct BoostParams {
    /// Number of trees.
    pub rounds: usize,
    /// Shrinkage applied to every leaf.
    pub learning_rate: f64,
    /// L2 penalty on leaf values (in units of example weight).
    pub lambda: f64,
    /// Least hessian (weighted) a child must hold for a split.
    pub min_child: f64,
    /// Candidate thresholds per feature (quantiles of the training values), at most 255.
    pub bins: usize,
}

/// Candidate thresholds of one feature: distinct values at `bins` quantiles of `values`.
fn thresholds(mut values: Vec<f32>, bins: usize) -> Vec<f32> {
    values.sort_by(f32::total_cmp);
    let n = values.len();
    let mut out: Vec<f32> = Vec::new();
    for q in 1..bins {
        let x = values[(q * n / bins).min(n - 1)];
        if out.last() != Some(&x) {
            out.push(x);
        }
    }
    // The largest value cannot split anything.
    if out.last() == values.last() {
        out.pop();
    }
    out
}

/// Fits `params.rounds` regression trees by second-order gradient boosting of the logistic
/// loss, starting from the margins `base` (parallel to `examples`, e.g. a linear model's
/// log-odds). Deterministic: same inputs give bit-identical trees. Returns no tree when there
/// are no examples.
pub fn boost(examples: &[Example], base: &[f32], params: &BoostParams) -> Vec<Tree> {
    let n = examples.len().min(base.len());
    if n == 0 {
        return Vec::new();
    }
    let bins = params.bins.clamp(2, 255);
    // Per feature: thresholds, and each example's bin (number of thresholds below its value).
    let thr: Vec<Vec<f32>> = (0..LEN)
        .map(|f| thresholds(examples[..n].iter().map(|e| e.x[f]).collect(), bins))
        .collect();
    let bin_of: Vec<Vec<u8>> = (0..LEN)
        .map(|f| {
            examples[..n]
                .iter()
                .map(|e| thr[f].partition_point(|&t| t < e.x[f]) as u8)
                .collect()
        })
        .collect();
    let mut margin: Vec<f64> = base[..n].iter().map(|&b| f64::from(b)).collect();
    let mut trees = Vec::with_capacity(params.rounds);
    let mut node = vec![0usize; n];
    let mut grad = vec![0.0f64; n];
    let mut hess = vec![0.0f64; n];
    for _ in 0..params.rounds {
        for i in 0..n {
            let p = 1.0 / (1.0 + (-margin[i]).exp());
            let y = if examples[i].y { 1.0 } else { 0.0 };
            let w = f64::from(examples[i].weight);
            grad[i] = w * (p - y);
            hess[i] = w * (p * (1.0 - p)).max(1e-6);
            node[i] = 0;
        }
        let mut tree = Tree {
            feature: [0; NODES],
            threshold: [f32::INFINITY; NODES],
            leaf: [0.0; LEAVES],
        };
        for level in 0..DEPTH {
            let first = (1usize << level) - 1;
            let width = 1usize << level;
            // hist[node][feature][bin] = (sum g, sum h)
            let nb = bins;
            let mut hist = vec![(0.0f64, 0.0f64); width * LEN * nb];
            let mut tot = vec![(0.0f64, 0.0f64); width];
            for i in 0..n {
                let k = node[i] - first;
                tot[k].0 += grad[i];
                tot[k].1 += hess[i];
                let base_k = k * LEN * nb;
                for f in 0..LEN {
                    let h = &mut hist[base_k + f * nb + bin_of[f][i] as usize];
                    h.0 += grad[i];
                    h.1 += hess[i];
                }
            }
            for k in 0..width {
                let (g, h) = tot[k];
                let parent = g * g / (h + params.lambda);
                let mut best: Option<(f64, usize, usize)> = None;
                for f in 0..LEN {
                    let mut gl = 0.0;
                    let mut hl = 0.0;
                    for b in 0..thr[f].len() {
                        let cell = hist[k * LEN * nb + f * nb + b];
                        gl += cell.0;
                        hl += cell.1;
                        let (gr, hr) = (g - gl, h - hl);
                        if hl < params.min_child || hr < params.min_child {
                            continue;
                        }
                        let gain = gl * gl / (hl + params.lambda) + gr * gr / (hr + params.lambda)
                            - parent;
                        if gain > 1e-12 && best.is_none_or(|(bg, _, _)| gain > bg) {
                            best = Some((gain, f, b));
                        }
                    }
                }
                if let Some((_, f, b)) = best {
                    tree.feature[first + k] = f as u8;
                    tree.threshold[first + k] = thr[f][b];
                }
            }
            for i in 0..n {
                let k = node[i];
                let f = usize::from(tree.feature[k]);
                node[i] = 2 * k + 1 + usize::from(examples[i].x[f] > tree.threshold[k]);
            }
        }
        let mut sums = [(0.0f64, 0.0f64); LEAVES];
        for i in 0..n {
            let s = &mut sums[node[i] - NODES];
            s.0 += grad[i];
            s.1 += hess[i];
        }
        for (j, (g, h)) in sums.iter().enumerate() {
            tree.leaf[j] = (-g / (h + params.lambda) * params.learning_rate) as f32;
        }
        for i in 0..n {
            margin[i] += f64::from(tree.leaf[node[i] - NODES]);
        }
        trees.push(tree);
    }
    trees
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
