//! Pastes built like real ones (see `paste.rs`) through `analyze`: reaches the classifier's
//! and extractors' decisions (article region, markers, titles, dates) far more often than
//! random bytes do. Checks the output contract and that a second pass over the body only
//! keeps its paragraphs.
#![no_main]

#[path = "../../tests/common/mod.rs"]
mod common;
mod paste;

use libfuzzer_sys::fuzz_target;
use presslens::{analyze, Options};

fuzz_target!(|pieces: Vec<(paste::Piece, paste::Ending)>| {
    let text = paste::build(&pieces);
    let opts = Options::default();
    let a = analyze(&text, &opts);
    common::check_contract(&text, &a);
    let again = analyze(&a.body, &opts);
    common::check_contract(&a.body, &again);
    let first: Vec<&str> = a.body.split("\n\n").collect();
    let second: Vec<&str> = again.body.split("\n\n").filter(|p| !p.is_empty()).collect();
    assert!(
        common::is_subsequence(&second, &first),
        "second pass only keeps paragraphs"
    );
});
