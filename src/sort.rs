//! Stable sorts with one shared copy of the sorting code in the wasm build.
//!
//! `slice::sort_by` and `sort_by_key` are generic: the wasm module carried one merge sort per
//! element type and comparator (about 30 of them, 15 KB before compression). In the wasm build
//! [`by`] sorts a list of positions with one non-generic merge sort (the comparator behind a
//! `dyn` call) and then moves the elements into that order; natively it is `slice::sort_by`
//! (the native build is tuned for speed). Both are stable, so for the same comparator they give
//! the same order, and the wasm sort makes the same comparisons as `sort_by` did there (the
//! positions are sorted by the same algorithm).

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`, like `v.sort_by(cmp)`.
#[cfg(not(target_arch = "wasm32"))]
#[inline]
pub fn by<T>(v: &mut [T], cmp: impl FnMut(&T, &T) -> Ordering) {
    v.sort_by(cmp);
}

/// Sorts `v` stably by `cmp`, like `v.sort_by(cmp)`.
#[cfg(target_arch = "wasm32")]
pub fn by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order = sorted_positions(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, &mut order);
}

/// Sorts `v` by `cmp` where the order of equal elements does not matter, without allocating
/// natively (`slice::sort_unstable_by`, where [`by`]'s merge sort takes a buffer of up to `v`'s
/// size); in the wasm build it is [`by`], the one shared sort.
#[cfg(not(target_arch = "wasm32"))]
#[inline]
pub fn unstable_by<T>(v: &mut [T], cmp: impl FnMut(&T, &T) -> Ordering) {
    v.sort_unstable_by(cmp);
}

/// Sorts `v` by `cmp` where the order of equal elements does not matter (see the native
/// version); here it is [`by`].
#[cfg(target_arch = "wasm32")]
#[inline]
pub fn unstable_by<T>(v: &mut [T], cmp: impl FnMut(&T, &T) -> Ordering) {
    by(v, cmp);
}

/// Sorts `v` stably by `key`, like `v.sort_by_key(key)`.
#[inline]
pub fn by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    by(v, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..n` sorted stably by `cmp` (the one instantiation of the merge sort).
#[cfg(target_arch = "wasm32")]
#[inline(never)]
fn sorted_positions(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Rearranges `v` so that the new `v[i]` is the old `v[order[i]]`, following each cycle of the
/// permutation with swaps; `order` is left as the identity.
#[cfg(any(target_arch = "wasm32", test))]
fn permute<T>(v: &mut [T], order: &mut [usize]) {
    for start in 0..v.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permute_moves_each_element_to_its_place() {
        for order in [
            vec![1, 2, 0],
            vec![0, 1, 2],
            vec![2, 0, 1],
            vec![3, 2, 1, 0],
            vec![1, 0, 3, 2, 4],
        ] {
            let mut v: Vec<usize> = (0..order.len()).map(|i| i * 10).collect();
            let want: Vec<usize> = order.iter().map(|&i| i * 10).collect();
            let mut o = order.clone();
            permute(&mut v, &mut o);
            assert_eq!(v, want, "{order:?}");
        }
    }

    #[test]
    fn sorts_are_stable() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        by_key(&mut v, |x| x.0);
        assert_eq!(v, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
        by(&mut v, |a, b| b.0.cmp(&a.0));
        assert_eq!(v, [(2, 'a'), (2, 'c'), (1, 'b'), (1, 'd'), (0, 'e')]);
    }
}
