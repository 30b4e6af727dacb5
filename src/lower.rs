//! Lowercasing without allocating: the extractors fold words to lowercase to look them up in
//! word tables, and most words are short ASCII, which fits in a buffer on the stack.

/// Longest ASCII text lowercased on the stack; longer text is lowercased into a `String`.
const STACK_BYTES: usize = 256;

/// Calls `f` with `text` lowercased — exactly what [`str::to_lowercase`] returns — without
/// allocating when `text` is ASCII of at most 256 bytes (it is borrowed as is when it has no
/// upper-case letter), and returns what `f` returns.
pub fn with_lower<T>(text: &str, f: impl FnOnce(&str) -> T) -> T {
    let b = text.as_bytes();
    if !b.iter().any(|c| !c.is_ascii() || c.is_ascii_uppercase()) {
        return f(text);
    }
    if text.is_ascii() {
        // Words are short: a small buffer is cheaper to set up.
        if b.len() <= WORD_BYTES {
            return ascii_lower_in::<WORD_BYTES, T>(b, f);
        }
        if b.len() <= STACK_BYTES {
            return ascii_lower_in::<STACK_BYTES, T>(b, f);
        }
    }
    f(&text.to_lowercase())
}

/// Longest ASCII text lowercased in the small stack buffer.
const WORD_BYTES: usize = 32;

/// `f` of ASCII `b` (at most `N` bytes) lowercased in a stack buffer of `N` bytes.
fn ascii_lower_in<const N: usize, T>(b: &[u8], f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; N];
    let out = &mut buf[..b.len()];
    out.copy_from_slice(b);
    out.make_ascii_lowercase();
    // ASCII in, ASCII out: always valid UTF-8.
    f(std::str::from_utf8(out).unwrap_or(""))
}

/// Appends `text` lowercased (exactly [`str::to_lowercase`]) to `out`, without a temporary
/// `String` when `text` is ASCII.
pub fn push_lower(out: &mut String, text: &str) {
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
    } else {
        out.push_str(&text.to_lowercase());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_as_to_lowercase() {
        let long = "ABC".repeat(100);
        for t in [
            "",
            "word",
            "Word",
            "WORD",
            "ÉCOLE",
            "İstanbul",
            "ΟΔΟΣ",
            "K",
            "straße",
            &long,
        ] {
            assert_eq!(with_lower(t, str::to_string), t.to_lowercase(), "{t}");
            let mut s = String::from("x");
            push_lower(&mut s, t);
            assert_eq!(s, format!("x{}", t.to_lowercase()));
        }
    }
}
