//! Pastes built like real ones: lines taken from the seed articles (`../shared/seeds`: body
//! paragraphs and chrome such as menus, tag lists, "ALSO READ" lists, datelines), cut,
//! repeated, spliced with junk and joined by any line ending. Reaches the classifier's
//! decisions (article region, markers, titles) far more often than random bytes do.
//! Checks the output contract and that a second pass over the body only keeps its paragraphs.
#![no_main]

#[path = "../../tests/common/mod.rs"]
mod common;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use presslens::{analyze, Options};
use std::sync::OnceLock;

#[derive(Debug, Arbitrary)]
enum Piece {
    Body(u16),
    Chrome(u16),
    /// A fragment cut at a char boundary near `at`, with `insert` spliced in.
    Spliced { body: bool, index: u16, at: u16, insert: String },
    Blank,
    Junk(String),
}

#[derive(Debug, Arbitrary)]
enum Ending {
    Lf,
    CrLf,
    Cr,
    Blank,
    Space,
}

fn fragments() -> &'static (Vec<String>, Vec<String>) {
    static F: OnceLock<(Vec<String>, Vec<String>)> = OnceLock::new();
    F.get_or_init(common::seed_fragments)
}

fn pick(list: &[String], i: u16) -> &str {
    if list.is_empty() {
        ""
    } else {
        &list[usize::from(i) % list.len()]
    }
}

fuzz_target!(|pieces: Vec<(Piece, Ending)>| {
    let (body, chrome) = fragments();
    let mut text = String::new();
    for (piece, end) in &pieces {
        match piece {
            Piece::Body(i) => text.push_str(pick(body, *i)),
            Piece::Chrome(i) => text.push_str(pick(chrome, *i)),
            Piece::Spliced { body: b, index, at, insert } => {
                let frag = pick(if *b { body } else { chrome }, *index);
                let mut cut = usize::from(*at).min(frag.len());
                while !frag.is_char_boundary(cut) {
                    cut -= 1;
                }
                text.push_str(&frag[..cut]);
                text.push_str(insert);
                text.push_str(&frag[cut..]);
            }
            Piece::Blank => {}
            Piece::Junk(s) => text.push_str(s),
        }
        text.push_str(match end {
            Ending::Lf => "\n",
            Ending::CrLf => "\r\n",
            Ending::Cr => "\r",
            Ending::Blank => "\n\n",
            Ending::Space => " ",
        });
    }
    let opts = Options::default();
    let a = analyze(&text, &opts);
    common::check_contract(&text, &a);
    let again = analyze(&a.body, &opts);
    common::check_contract(&a.body, &again);
    let first: Vec<&str> = a.body.split("\n\n").collect();
    let second: Vec<&str> = again.body.split("\n\n").filter(|p| !p.is_empty()).collect();
    assert!(common::is_subsequence(&second, &first), "second pass only keeps paragraphs");
});
