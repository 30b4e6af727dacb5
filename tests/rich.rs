//! The rich-paste contract of `analyze` (`Options::hints`, one row of page-structure hints per
//! line): hints with the wrong row count are ignored with a note and the result is the plain
//! path's; hints with the right count use the rich model and keep the output contract; no
//! hints at all is exactly the plain path; odd rows never panic.
// proptest is a native-only dev-dependency: `wasm-pack test` builds every test target for
// wasm32, so this file compiles to nothing there.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{check_contract, seed_texts};
use presslens::{analyze, analyze_cleaned, clean, normalize, Options};
use proptest::prelude::*;

fn with_hints(hints: String) -> Options {
    Options {
        hints: Some(hints),
        ..Options::default()
    }
}

/// A hints table of `rows` rows saying "paragraph inside the main container".
fn paragraph_rows(rows: usize) -> String {
    vec!["p 0 0 0 1"; rows].join("\n")
}

#[test]
fn without_hints_the_plain_path_is_unchanged() {
    for text in seed_texts() {
        let a = analyze(&text, &Options::default());
        let lines = normalize::normalized_lines(&text);
        let cleaned = clean::clean(&lines);
        assert_eq!(a, analyze_cleaned(lines, cleaned, &Options::default()));
        assert!(a.notes.is_empty(), "a plain paste has no notes");
    }
}

#[test]
fn hints_with_the_wrong_row_count_are_ignored_with_a_note() {
    for text in seed_texts() {
        let plain = analyze(&text, &Options::default());
        let n = plain.lines.len();
        for rows in [n - 1, n + 1, n + 50] {
            let mut a = analyze(&text, &with_hints(paragraph_rows(rows)));
            assert_eq!(
                a.notes,
                vec![format!(
                    "page structure ignored: {rows} hint rows for {n} lines (one per line is needed)"
                )]
            );
            a.notes.clear();
            assert_eq!(a, plain, "ignored hints leave the plain result");
        }
    }
}

#[test]
fn hints_with_the_right_row_count_use_the_rich_model() {
    for text in seed_texts() {
        let n = analyze(&text, &Options::default()).lines.len();
        let a = analyze(&text, &with_hints(paragraph_rows(n)));
        assert_eq!(a.notes, vec!["page structure from the pasted HTML used"]);
        check_contract(&text, &a);
        assert!(!a.body.is_empty(), "a seed article keeps a body");
    }
}

#[test]
fn hints_rows_split_like_the_text() {
    // Three lines (CRLF, lone CR) and three rows (LF, CRLF): the counts match.
    let text = "Menu\r\nA sentence of the article that is long enough to read.\rFooter";
    let a = analyze(
        text,
        &with_hints("li 1 1 0 0\np 0 0 0 1\r\ndiv 1 4 8 0".into()),
    );
    assert_eq!(a.notes, vec!["page structure from the pasted HTML used"]);
    assert_eq!(a.lines.len(), 3);
}

/// A hint row of anything: known tags, junk, huge and negative numbers, extra fields.
fn odd_row() -> impl Strategy<Value = String> {
    let field = prop_oneof![
        Just("p".to_string()),
        Just("li".to_string()),
        Just("NaN".to_string()),
        Just("-1".to_string()),
        Just("4294967296".to_string()),
        Just("1e40".to_string()),
        "[0-9]{1,3}",
        "[ -~]{0,6}",
    ];
    prop::collection::vec(field, 0..7).prop_map(|f| f.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn odd_hints_keep_the_contract(
        lines in prop::collection::vec("[ -~]{0,60}", 1..40),
        rows in prop::collection::vec(odd_row(), 1..40),
        same in any::<bool>(),
    ) {
        let text = lines.join("\n");
        let n = normalize::split_lines(&text).len();
        let rows = if same {
            (0..n).map(|i| rows[i % rows.len()].replace(['\n', '\r'], " ")).collect::<Vec<_>>()
        } else {
            rows
        };
        let a = analyze(&text, &with_hints(rows.join("\n")));
        check_contract(&text, &a);
        prop_assert_eq!(a.notes.len(), 1);
    }
}
