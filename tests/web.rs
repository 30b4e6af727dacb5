//! The core in a real browser: `presslens::wasm::analyze` (the function the page's worker calls)
//! run by wasm-bindgen-test in headless Chromium (`wasm-pack test --headless --chrome`), on the
//! seed pastes from `../shared/seeds`. The result crosses the JS boundary as a plain object and
//! is read back into an [`Analysis`], so these tests also check the JSON contract the page sees.
#![cfg(target_arch = "wasm32")]

use presslens::Analysis;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEEDS: [&str; 5] = [
    include_str!("../../shared/seeds/000_209943e01cb0e7c8.txt"),
    include_str!("../../shared/seeds/001_1be1eec29a09e934.txt"),
    include_str!("../../shared/seeds/002_76c0330dd5674082.txt"),
    include_str!("../../shared/seeds/003_b70482fa468ef9dd.txt"),
    include_str!("../../shared/seeds/004_4c0c8cfbf4c54f0e.txt"),
];

/// Calls the exported binding and reads its JS result back into an [`Analysis`].
fn analyze_js(text: &str, options: JsValue) -> Analysis {
    console_error_panic_hook::set_once();
    let value = presslens::wasm::analyze(text, options)
        .unwrap_or_else(|_| panic!("analyze threw on valid options"));
    assert!(value.is_object(), "analyze must return a plain JS object");
    serde_wasm_bindgen::from_value(value).expect("the JS object must match the Analysis contract")
}

/// Lines as the contract defines them: split on `\n`, `\r\n` or `\r` (counted independently of
/// the crate's own splitter).
fn input_line_count(text: &str) -> usize {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .count()
}

/// The message of a thrown JS `Error`.
fn error_message(err: wasm_bindgen::JsError) -> String {
    let value = JsValue::from(err);
    js_sys::Reflect::get(&value, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn seed_003_title_is_exact() {
    let a = analyze_js(SEEDS[3], JsValue::UNDEFINED);
    assert_eq!(
        a.title.as_deref(),
        Some("Xi and Putin Strengthen Ties in Call Following Trump\u{2019}s Inauguration")
    );
}

#[wasm_bindgen_test]
fn every_seed_gets_one_numbered_line_per_input_line_and_a_body() {
    for (i, seed) in SEEDS.iter().enumerate() {
        let a = analyze_js(seed, JsValue::NULL);
        assert_eq!(
            a.lines.len(),
            input_line_count(seed),
            "seed {i}: line count"
        );
        for (n, line) in a.lines.iter().enumerate() {
            assert_eq!(
                line.line as usize,
                n + 1,
                "seed {i}: lines numbered from 1 in order"
            );
        }
        assert!(!a.body.trim().is_empty(), "seed {i}: empty body");
        assert!(a.title.is_some(), "seed {i}: no title");
    }
}

#[wasm_bindgen_test]
fn options_object_is_accepted() {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(
        &options,
        &JsValue::from_str("reference_date"),
        &JsValue::from_str("2025-01-22"),
    )
    .unwrap();
    let a = analyze_js(SEEDS[0], options.into());
    assert_eq!(a.lines.len(), input_line_count(SEEDS[0]));
}

#[wasm_bindgen_test]
fn bad_options_throw_an_error_naming_the_problem() {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(
        &options,
        &JsValue::from_str("reference_date"),
        &JsValue::from_f64(42.0),
    )
    .unwrap();
    let err = presslens::wasm::analyze("a line", options.into())
        .expect_err("a number as reference_date must be rejected");
    let message = error_message(err);
    assert!(
        message.starts_with("bad options"),
        "message was {message:?}"
    );

    let err = presslens::wasm::analyze("a line", JsValue::from_str("not an object"))
        .expect_err("a string as options must be rejected");
    assert!(error_message(err).starts_with("bad options"));
}

#[wasm_bindgen_test]
fn empty_and_odd_input_do_not_throw() {
    let a = analyze_js("", JsValue::UNDEFINED);
    assert_eq!(a.lines.len(), 1);
    assert!(a.body.is_empty());

    let odd = "\u{0}\u{1}\r\r\n\u{feff}\u{200b}x\n\u{10ffff}";
    let a = analyze_js(odd, JsValue::UNDEFINED);
    assert_eq!(a.lines.len(), input_line_count(odd));
}

#[wasm_bindgen_test]
fn markdown_of_an_analysis_matches_the_native_rendering() {
    let value = presslens::wasm::analyze(SEEDS[3], JsValue::UNDEFINED).unwrap();
    let markdown =
        presslens::wasm::to_markdown(value).unwrap_or_else(|_| panic!("to_markdown threw"));
    let native = presslens::report::to_markdown(&presslens::analyze(SEEDS[3], &Default::default()));
    assert_eq!(markdown, native);
    assert!(markdown.starts_with("# Xi and Putin Strengthen Ties"));

    let err = presslens::wasm::to_markdown(JsValue::from_str("not an analysis"))
        .expect_err("a string is not an analysis");
    assert!(error_message(err).starts_with("not an analysis"));
}

/// `compare` takes an array of pastes and returns the Comparison as a plain object.
#[wasm_bindgen_test]
fn compare_binding_finds_one_story_and_the_shared_quote() {
    let texts = serde_wasm_bindgen::to_value(&SEEDS.to_vec()).unwrap();
    let value = presslens::wasm::compare(texts, JsValue::UNDEFINED)
        .unwrap_or_else(|_| panic!("compare threw on an array of strings"));
    let c: presslens::Comparison =
        serde_wasm_bindgen::from_value(value).expect("the JS object must match the Comparison");
    assert!(c.same_story);
    assert!(c
        .shared_passages
        .iter()
        .any(|p| p.occurrences[0].text.contains("We stand united")));
    assert!(
        presslens::wasm::compare(JsValue::from_str("not an array"), JsValue::UNDEFINED).is_err()
    );
}

/// What a person pastes is the page's `innerText`: a page built in the test's own document
/// (text set with `textContent`, never parsed as HTML) — a menu, the article, a related list and a
/// copyright line — is copied the way the browser renders it, and analyzing that text gives the
/// article's paragraphs and title, without the chrome.
#[wasm_bindgen_test]
fn inner_text_of_a_rendered_page_analyzes_to_its_article() {
    console_error_panic_hook::set_once();
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("the wasm tests run in a browser page");
    let page = document.create_element("div").unwrap();
    let add = |tag: &str, text: &str| {
        let el = document.create_element(tag).unwrap();
        el.set_text_content(Some(text));
        page.append_child(&el).unwrap();
    };
    for item in ["Home", "World", "Business", "Sport", "Opinion"] {
        add("div", item);
    }
    add(
        "h1",
        "Harbour City Opens Its New Library After Five Years of Work",
    );
    add("div", "By Jane Hollis");
    add("div", "March 3, 2025");
    let paragraphs = [
        "The new central library of Harbour City opened on Monday, five years after the council \
         approved the project and two years later than planned.",
        "The building holds about 400,000 books, a music studio and a children's floor, and it \
         will stay open until ten in the evening on weekdays, the council said.",
        "Residents queued from early morning, and the first visitor, a retired teacher, said she \
         had waited for this day since the old library closed its doors.",
    ];
    for p in paragraphs {
        add("p", p);
    }
    add("div", "READ MORE ON:");
    add("div", "Libraries");
    add("div", "Harbour City");
    add("div", "© 2025 Harbour Daily News. All rights reserved.");
    document.body().unwrap().append_child(&page).unwrap();
    let pasted = page
        .dyn_ref::<web_sys::HtmlElement>()
        .expect("a div is an HTML element")
        .inner_text();
    document.body().unwrap().remove_child(&page).unwrap();

    let a = analyze_js(&pasted, JsValue::UNDEFINED);
    assert_eq!(
        a.title.as_deref(),
        Some("Harbour City Opens Its New Library After Five Years of Work")
    );
    for p in paragraphs {
        assert!(a.body.contains(p), "paragraph missing from the body: {p:?}");
    }
    for chrome in ["Business", "READ MORE ON", "All rights reserved"] {
        assert!(!a.body.contains(chrome), "{chrome:?} left in the body");
    }
}
