//! Lowercasing without allocating: the extractors fold words to lowercase to look them up in
//! word tables, and most words are short ASCII, which fits in a buffer on the stack.

/// Longest ASCII text lowercased on the stack; longer text is lowercased into a `String`.
const STACK_BYTES: usize = 32;

/// Calls `f` with `text` lowercased — exactly what [`str::to_lowercase`] returns — without
/// allocating when `text` is ASCII of at most 32 bytes (every word of the lexicons) or has no
/// upper-case letter (then it is borrowed as is), and returns what `f` returns.
#[inline]
pub fn with_lower<T>(text: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; STACK_BYTES];
    match lower_on_stack(text, &mut buf) {
        Some(lower) => f(lower),
        None => f(&text.to_lowercase()),
    }
}

/// `text` lowercased without allocating: `text` itself when lowercasing changes nothing, else
/// ASCII of at most [`STACK_BYTES`] lowercased into `buf`; None otherwise. Not generic, so the
/// wasm module holds it once.
fn lower_on_stack<'a>(text: &'a str, buf: &'a mut [u8; STACK_BYTES]) -> Option<&'a str> {
    let b = text.as_bytes();
    if !b.iter().any(|c| !c.is_ascii() || c.is_ascii_uppercase()) {
        return Some(text);
    }
    if b.len() > STACK_BYTES || !text.is_ascii() {
        return None;
    }
    let out = &mut buf[..b.len()];
    out.copy_from_slice(b);
    out.make_ascii_lowercase();
    // ASCII in, ASCII out: always valid UTF-8.
    std::str::from_utf8(out).ok()
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
        }
    }
}
