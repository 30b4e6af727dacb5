//! Decimal text to floating point, for the data files (model weights) and the numbers of a
//! paste (figures, hint rows): [`parse_f64`] and [`parse_f32`] accept and return exactly what
//! `str::parse::<f64>` / `str::parse::<f32>` do.
//!
//! Natively they are `str::parse`. In the wasm build the standard library's parser would bring
//! its table of 128-bit powers of five (10.4 KB, incompressible) and the code around it into the
//! download; there the grammar is checked here and the value computed by JavaScript's `Number`,
//! which rounds a decimal to the nearest double exactly as Rust does (both are correctly
//! rounded, ties to even). For `f32` the double is rounded once more; that can only differ from
//! rounding the decimal directly when the double lies exactly halfway between two `f32`s, and
//! then the decimal is compared exactly with that halfway point (its exact decimal expansion,
//! from [`fixed`]).
//!
//! [`parse_int`] reads every integer type through one `i64` parser, for the same reason at a
//! smaller scale: one integer parser in the wasm module instead of one per type.

/// `s.parse::<f64>().ok()`.
#[cfg(not(target_arch = "wasm32"))]
#[inline]
pub fn parse_f64(s: &str) -> Option<f64> {
    s.parse().ok()
}

/// `s.parse::<f32>().ok()`.
#[cfg(not(target_arch = "wasm32"))]
#[inline]
pub fn parse_f32(s: &str) -> Option<f32> {
    s.parse().ok()
}

/// `s.parse::<f64>().ok()`.
#[cfg(target_arch = "wasm32")]
pub fn parse_f64(s: &str) -> Option<f64> {
    decimal_f64(s, js::number)
}

/// `s.parse::<f32>().ok()`.
#[cfg(target_arch = "wasm32")]
pub fn parse_f32(s: &str) -> Option<f32> {
    decimal_f32(s, js::number)
}

/// `s.parse::<T>().ok()` for an integer type `T` whose values are all `i64`s (`u32`, `i32`,
/// `i64`, …): read as an `i64`, then converted, so the module holds one integer parser.
pub fn parse_int<T: TryFrom<i64>>(s: &str) -> Option<T> {
    let v: i64 = s.parse().ok()?;
    // `str::parse` of an unsigned type refuses a minus sign even on zero ("-0").
    if s.starts_with('-') && T::try_from(-1).is_err() {
        return None;
    }
    T::try_from(v).ok()
}

#[cfg(target_arch = "wasm32")]
mod js {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// JavaScript's `Number(text)`: the nearest double to a decimal numeral.
        #[wasm_bindgen(js_name = Number)]
        pub fn number(text: &str) -> f64;
    }
}

/// The value of `s` as `str::parse::<f64>` reads it, with `round` (a correctly rounding
/// decimal-to-double conversion of a numeral already checked) for the digits.
#[cfg(any(target_arch = "wasm32", test))]
fn decimal_f64(s: &str, round: impl Fn(&str) -> f64) -> Option<f64> {
    let unsigned = s.strip_prefix(['+', '-']).unwrap_or(s);
    let negative = s.starts_with('-');
    let special = match unsigned.to_ascii_lowercase().as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if negative { -v } else { v });
    }
    numeral(unsigned)?;
    Some(round(s))
}

/// The value of `s` as `str::parse::<f32>` reads it (see the module documentation).
#[cfg(any(target_arch = "wasm32", test))]
fn decimal_f32(s: &str, round: impl Fn(&str) -> f64) -> Option<f32> {
    let d = decimal_f64(s, round)?;
    let f = d as f32; // nearest, ties to even
    if !d.is_finite() || f64::from(f) == d || !f.is_finite() {
        return Some(f);
    }
    // The other f32 next to `d`, and whether `d` is exactly halfway between the two.
    // One step of the bit pattern moves away from zero (+1) or toward it (-1), by sign.
    let away = (f64::from(f) < d) == f.is_sign_positive();
    let other = f32::from_bits(if away {
        f.to_bits() + 1
    } else {
        f.to_bits() - 1
    });
    if (f64::from(f) + f64::from(other)) / 2.0 != d {
        return Some(f);
    }
    // `d` is a halfway point: the decimal itself decides.
    let unsigned = s.strip_prefix(['+', '-']).unwrap_or(s);
    let exact = fixed(d.abs(), 1100, false);
    Some(match compare_decimals(unsigned, &exact)? {
        std::cmp::Ordering::Equal => f,
        std::cmp::Ordering::Greater => {
            if f.abs() > other.abs() {
                f
            } else {
                other
            }
        }
        std::cmp::Ordering::Less => {
            if f.abs() < other.abs() {
                f
            } else {
                other
            }
        }
    })
}

/// Checks Rust's float grammar without sign: `digits [. digits] [e [+-] digits]` with at least
/// one digit before the exponent (`1.`, `.5` allowed).
#[cfg(any(target_arch = "wasm32", test))]
fn numeral(s: &str) -> Option<()> {
    let (mantissa, exp) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || !digits(frac) || int.len() + frac.len() == 0 {
        return None;
    }
    if let Some(e) = exp {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        if e.is_empty() || !digits(e) {
            return None;
        }
    }
    Some(())
}

/// Compares two unsigned decimal numerals (grammar of [`numeral`]) by value.
#[cfg(any(target_arch = "wasm32", test))]
fn compare_decimals(a: &str, b: &str) -> Option<std::cmp::Ordering> {
    /// (significant digits without leading/trailing zeros, power of ten of the first one).
    fn normal(s: &str) -> Option<(String, i64)> {
        let (mantissa, exp) = match s.find(['e', 'E']) {
            Some(i) => (&s[..i], parse_int::<i64>(&s[i + 1..])?),
            None => (s, 0),
        };
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let all: String = format!("{int}{frac}");
        let lead = all.len() - all.trim_start_matches('0').len();
        let digits = all.trim_matches('0').to_string();
        Some((digits, exp + int.len() as i64 - lead as i64))
    }
    let (da, ea) = normal(a)?;
    let (db, eb) = normal(b)?;
    Some(match (da.is_empty(), db.is_empty()) {
        (true, true) => std::cmp::Ordering::Equal,
        (true, false) => std::cmp::Ordering::Less,
        (false, true) => std::cmp::Ordering::Greater,
        _ => ea.cmp(&eb).then_with(|| da.cmp(&db)),
    })
}

/// `v` as `format!("{v:.N}")` writes it for `N` = `decimals` (`{v:+.N}` when `plus`): the
/// exact value rounded to `decimals` places, ties to even; `NaN`, `inf` and `-0.0`'s sign as
/// the formatter writes them. Computed with a small base-10⁹ integer, so core's float
/// formatting (`flt2dec`) stays out of the wasm module.
pub fn fixed(v: f64, decimals: usize, plus: bool) -> String {
    let mut out = String::new();
    if v.is_nan() {
        out.push_str("NaN");
        return out;
    }
    if v.is_sign_negative() {
        out.push('-');
    } else if plus {
        out.push('+');
    }
    if v.is_infinite() {
        out.push_str("inf");
        return out;
    }
    // v = m · 2^e exactly.
    let bits = v.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    let (mut m, mut e) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | 1 << 52, biased - 1075)
    };
    while m != 0 && m & 1 == 0 && e < 0 {
        m >>= 1;
        e += 1;
    }
    // The digits of m · 2^e (e ≥ 0) or of m · 5^-e = v · 10^-e (e < 0), base 10⁹ little-endian.
    const BASE: u64 = 1_000_000_000;
    let mut limbs: Vec<u64> = vec![m % BASE, m / BASE % BASE, m / BASE / BASE];
    while limbs.last() == Some(&0) {
        limbs.pop();
    }
    let (factor, mut times) = if e >= 0 { (2u64, e) } else { (5, -e) };
    while times > 0 && !limbs.is_empty() {
        let n = times.min(12);
        times -= n;
        let f = factor.pow(n as u32);
        let mut carry = 0;
        for l in limbs.iter_mut() {
            let x = *l * f + carry;
            *l = x % BASE;
            carry = x / BASE;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    let mut digits: Vec<u8> = Vec::new();
    for (i, &l) in limbs.iter().rev().enumerate() {
        let mut chunk = [b'0'; 9];
        let mut x = l;
        for d in chunk.iter_mut().rev() {
            *d = b'0' + (x % 10) as u8;
            x /= 10;
        }
        let skip = if i == 0 {
            9 - chunk.iter().take_while(|&&d| d == b'0').count().min(9)
        } else {
            9
        };
        digits.extend_from_slice(&chunk[9 - skip..]);
    }
    // `places` digits after the point; at least one before it.
    let places = (-e).max(0) as usize;
    if digits.len() <= places {
        let pad = places + 1 - digits.len();
        digits.splice(0..0, std::iter::repeat_n(b'0', pad));
    }
    if places > decimals {
        let keep = digits.len() - places + decimals;
        let rest = &digits[keep..];
        let up = rest[0] > b'5'
            || (rest[0] == b'5'
                && (rest[1..].iter().any(|&d| d != b'0') || (digits[keep - 1] - b'0') % 2 == 1));
        digits.truncate(keep);
        if up {
            let mut i = keep;
            loop {
                if i == 0 {
                    digits.insert(0, b'1');
                    break;
                }
                i -= 1;
                if digits[i] == b'9' {
                    digits[i] = b'0';
                } else {
                    digits[i] += 1;
                    break;
                }
            }
        }
    } else {
        digits.resize(digits.len() + decimals - places, b'0');
    }
    let int = digits.len() - decimals;
    out.extend(digits[..int].iter().map(|&d| char::from(d)));
    if decimals > 0 {
        out.push('.');
        out.extend(digits[int..].iter().map(|&d| char::from(d)));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn parse_int_is_str_parse() {
        for s in [
            "0",
            "-0",
            "+0",
            "00",
            "7",
            "+7",
            "-7",
            "",
            "+",
            "-",
            "1_0",
            " 1",
            "1 ",
            "x",
            "4294967295",
            "4294967296",
            "-2147483648",
            "-2147483649",
            "2147483647",
            "2147483648",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "٣",
        ] {
            assert_eq!(super::parse_int::<u32>(s), s.parse::<u32>().ok(), "{s:?}");
            assert_eq!(super::parse_int::<i32>(s), s.parse::<i32>().ok(), "{s:?}");
            assert_eq!(super::parse_int::<i64>(s), s.parse::<i64>().ok(), "{s:?}");
            assert_eq!(super::parse_int::<u8>(s), s.parse::<u8>().ok(), "{s:?}");
        }
    }

    use super::*;

    fn f64_of(s: &str) -> Option<f64> {
        decimal_f64(s, |t| t.parse().unwrap())
    }

    fn f32_of(s: &str) -> Option<f32> {
        decimal_f32(s, |t| t.parse().unwrap())
    }

    fn same_f32(s: &str) {
        let want = s.parse::<f32>().ok();
        let got = f32_of(s);
        assert_eq!(
            want.map(f32::to_bits),
            got.map(f32::to_bits),
            "{s:?}: {want:?} vs {got:?}"
        );
    }

    #[test]
    fn grammar_matches_str_parse() {
        for s in [
            "",
            "+",
            "-",
            ".",
            "e5",
            "1e",
            "1e+",
            "1.2.3",
            "0x10",
            " 1",
            "1 ",
            "1_0",
            "1,5",
            "++1",
            "1",
            "-1",
            "+1",
            "1.",
            ".5",
            "-.5",
            "1e5",
            "1E-5",
            "1.5e+3",
            "inf",
            "-Infinity",
            "NaN",
            "nan",
            "infinit",
            "00012.3400",
            "1e400",
            "-0",
            "0.0",
        ] {
            let want = s.parse::<f64>().ok();
            let got = f64_of(s);
            assert_eq!(
                want.map(|v| v.to_bits() | u64::from(v.is_nan())),
                got.map(|v| v.to_bits() | u64::from(v.is_nan())),
                "{s:?}"
            );
        }
    }

    #[test]
    fn f32_halfway_cases_round_like_str_parse() {
        // Decimals at, just above and just below f32 halfway points (and ordinary ones).
        let mut cases: Vec<String> = Vec::new();
        for bits in [
            0x3f80_0000u32,
            0x3dcc_cccd,
            0x4b80_0000,
            0x0080_0000,
            0x7f7f_ffff,
            1,
            0x3f7f_ffff,
        ] {
            let a = f64::from(f32::from_bits(bits));
            let b = f64::from(f32::from_bits(bits + 1));
            let mid = (a + b) / 2.0;
            let exact = format!("{mid:.1100}");
            let exact = exact.trim_end_matches('0');
            cases.push(exact.to_string());
            cases.push(format!("{exact}1"));
            cases.push(format!("-{exact}1"));
            let mut below = exact.to_string();
            // Decrease the last digit by one (it is never 0 after trimming).
            let last = below.pop().unwrap();
            below.push(char::from(last as u8 - 1));
            cases.push(below.clone());
            cases.push(format!("{below}9999"));
            cases.push(format!("{mid:e}"));
            cases.push(format!("{a}"));
        }
        for s in [
            "0.05",
            "0.1",
            "1e-45",
            "3.4028236e38",
            "-0.51026493",
            "0.08755761",
            "1e-50",
        ] {
            cases.push(s.to_string());
        }
        for s in &cases {
            same_f32(s);
        }
    }

    #[test]
    fn embedded_model_numbers_parse_like_str_parse() {
        for src in [
            data_file!("model/lines.tsv"),
            data_file!("model/lines_rich.tsv"),
            data_file!("meta/title_weights.tsv"),
        ] {
            for tok in src.split(|c: char| c.is_whitespace() || c == '=' || c == '<') {
                if tok.parse::<f32>().is_ok() {
                    same_f32(tok);
                }
            }
        }
        for p in 0..=100 {
            same_f32(&format!("{}", f64::from(p) / 100.0));
        }
    }

    #[test]
    fn fixed_writes_what_the_formatter_writes() {
        let mut values: Vec<f64> = vec![
            0.0,
            -0.0,
            0.5,
            1.5,
            2.5,
            0.25,
            0.125,
            0.05,
            9.95,
            9.995,
            99.95,
            0.045,
            1e6,
            1e7,
            123456789.25,
            1e21,
            1e300,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            1e-5,
            f64::NAN,
            -f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for i in 0..20000u64 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            values.push(f64::from_bits(x));
            values.push(f64::from(f32::from_bits(x as u32)));
            values.push((x % 100_000) as f64 / 1000.0 - 50.0);
            values.push((x % 100_000) as f64 / 16.0);
            values.push(i as f64 * 0.005);
        }
        for &v in &values {
            for d in [0usize, 1, 2, 3, 7] {
                assert_eq!(fixed(v, d, false), format!("{v:.d$}"), "{v:e} .{d}");
                assert_eq!(fixed(v, d, true), format!("{v:+.d$}"), "{v:e} +.{d}");
            }
            let f = v as f32;
            assert_eq!(fixed(f64::from(f), 1, true), format!("{f:+.1}"), "{f:e}");
            assert_eq!(fixed(f64::from(f), 2, false), format!("{f:.2}"), "{f:e}");
        }
        for &v in &values[..25] {
            assert_eq!(fixed(v, 1100, false), format!("{v:.1100}"), "{v:e}");
        }
    }
}
