//! Arbitrary bytes, decoded as lossy UTF-8 (what a browser hands over for any paste), through
//! `analyze`; the output contract is checked on every input, so a broken promise is a crash too.
#![no_main]

#[path = "../../tests/common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use presslens::{analyze, Options};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let a = analyze(&text, &Options::default());
    common::check_contract(&text, &a);
    // The JSON every front end emits must serialize.
    serde_json::to_string(&a).expect("an Analysis always serializes");
});
