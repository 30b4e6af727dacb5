//! The thin wasm layer: JavaScript calls [`analyze`] with a string and gets the
//! [`crate::Analysis`] as a plain object, and [`to_markdown`] to render one. No logic lives here.

use crate::Options;
use wasm_bindgen::prelude::*;

/// Installs the panic hook once (a panic would be a bug; the hook makes it readable in the console).
fn init() {
    use std::sync::Once;
    static ONCE: Once = Once::new();
    ONCE.call_once(console_error_panic_hook::set_once);
}

/// Analyzes one pasted article. `options` may be `undefined`/`null` or
/// `{ reference_date: "YYYY-MM-DD" }`. Throws an `Error` with a clear message on bad options,
/// and on an input larger than [`crate::limits::MAX_INPUT_BYTES`] (UTF-8 bytes).
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    init();
    crate::limits::check_input_size(text.len()).map_err(|e| JsError::new(&e.to_string()))?;
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options)
            .map_err(|e| JsError::new(&format!("bad options: {e}")))?
    };
    let analysis = crate::analyze(text, &options);
    analysis
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot convert the result: {e}")))
}

/// Renders an analysis (the object [`analyze`] returned) as Markdown: the same text as the CLI's
/// `--format markdown`, from [`crate::report::to_markdown`]. Throws an `Error` when the value is
/// not an analysis.
#[wasm_bindgen]
pub fn to_markdown(analysis: JsValue) -> Result<String, JsError> {
    init();
    let analysis: crate::Analysis = serde_wasm_bindgen::from_value(analysis)
        .map_err(|e| JsError::new(&format!("not an analysis: {e}")))?;
    Ok(crate::report::to_markdown(&analysis))
}

use serde::Serialize;
