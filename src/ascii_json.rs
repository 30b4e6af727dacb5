//! JSON text with every non-ASCII character written as a `\uXXXX` escape: what the wasm binding
//! hands to JavaScript.
//!
//! Why: a string crossing from wasm to JavaScript is decoded from UTF-8 (`TextDecoder`), and
//! V8 decodes pure ASCII about 10× faster than text with a single curly quote or dash (it keeps
//! one byte a character). On the 111 bench pages the escaped JSON is 8 % longer (5.92 vs
//! 5.47 MB); decoding all of it took 1.0 instead of 11.5 ms in Node, `JSON.parse` after it
//! 11.5 instead of 9.3 (more escapes to read). End to end (`analyze`, or `analyze_json` +
//! `JSON.parse`, best of 8 passes, the two builds alternating): 1.8–2.4 % faster, for 0.5 KB of
//! the gzipped module. The parsed value is the same. The CLI keeps plain UTF-8 (people read it).

use serde::Serialize;
use serde_json::ser::Formatter;
use std::io::{self, Write};

/// A compact formatter that escapes every non-ASCII character (`\uXXXX`, a surrogate pair above
/// U+FFFF); the rest is serde_json's compact formatter (the trait's defaults).
struct AsciiFormatter;

impl Formatter for AsciiFormatter {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, s: &str) -> io::Result<()> {
        let b = s.as_bytes();
        // Start of the ASCII run not written yet.
        let mut run = 0;
        let mut i = 0;
        while let Some(&x) = b.get(i) {
            if x < 0x80 {
                i += 1;
                continue;
            }
            w.write_all(&b[run..i])?;
            let c = s[i..].chars().next().unwrap_or('\u{fffd}');
            let mut units = [0u16; 2];
            for &u in c.encode_utf16(&mut units).iter() {
                write_escape(w, u)?;
            }
            i += c.len_utf8();
            run = i;
        }
        w.write_all(&b[run..])
    }
}

/// Writes `\u` and the four lowercase hex digits of `u`.
fn write_escape<W: ?Sized + Write>(w: &mut W, u: u16) -> io::Result<()> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let d = |shift: u16| HEX[usize::from((u >> shift) & 0xf)];
    w.write_all(&[b'\\', b'u', d(12), d(8), d(4), d(0)])
}

/// `value` as compact JSON text in ASCII only (see the module doc); `None` when serde_json
/// fails, which it does only for a map key that is not a string or a `Serialize` impl's own
/// error.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Option<String> {
    let mut out = Vec::new();
    value
        .serialize(&mut serde_json::Serializer::with_formatter(
            &mut out,
            AsciiFormatter,
        ))
        .ok()?;
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_non_ascii_char_and_parses_to_the_same_value() {
        let mut texts: Vec<String> = vec![
            String::new(),
            "plain \"quoted\" \\ \n\t\u{1}".into(),
            "“Curly” — it’s café, naïve, 東京, Ωμέγα".into(),
            "emoji 😀 and 𝄞, a lone \u{fffd}, RTL \u{202e}עברית".into(),
            "é".repeat(300),
        ];
        texts.extend(crate::test_pages::bench_pages().into_iter().take(20));
        for t in &texts {
            let a = crate::analyze(t, &crate::model::Options::default());
            let ascii = to_string(&a).expect("serializes");
            assert!(ascii.is_ascii());
            let plain = serde_json::to_string(&a).expect("serializes");
            let (x, y): (serde_json::Value, serde_json::Value) = (
                serde_json::from_str(&ascii).expect("valid JSON"),
                serde_json::from_str(&plain).expect("valid JSON"),
            );
            assert_eq!(x, y);
            let s = to_string(t.as_str()).expect("serializes");
            assert_eq!(serde_json::from_str::<String>(&s).expect("a string"), *t);
        }
        assert_eq!(to_string("é😀").as_deref(), Some(r#""\u00e9\ud83d\ude00""#));
    }
}
