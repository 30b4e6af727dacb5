//! The thin wasm layer: JavaScript calls [`analyze`] with a string and gets the
//! [`crate::Analysis`] as a plain object, and [`to_markdown`] to render one; [`compare`] takes an
//! array of strings and gives the [`crate::Comparison`]. No logic lives here.
//!
//! No panic hook (`console_error_panic_hook`): the page's build aborts at once on a panic
//! (`-Cpanic=immediate-abort`, scripts/wasm-env.sh), so a hook would never run; a panic (a bug)
//! traps and the call throws in JavaScript.

use crate::Options;
use wasm_bindgen::prelude::*;

/// Analyzes one pasted article. `options` may be `undefined`/`null` or
/// `{ reference_date: "YYYY-MM-DD", hints: "..." }` (both optional; `hints` is a rich paste's
/// hint table, one [`crate::model::LineHint`] row per line: [`Options::hints`]). Throws an `Error` with a clear message on bad options,
/// and on an input larger than [`crate::limits::MAX_INPUT_BYTES`] (UTF-8 bytes).
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    crate::limits::check_input_size(text.len()).map_err(|e| JsError::new(&e.to_string()))?;
    let options = read_options(options)?;
    to_js(&crate::analyze(text, &options))
}

/// [`analyze`], with the result as a JSON string (`JSON.parse` it): one string crosses the wasm
/// boundary instead of one JS value per field of every line, which is faster on long pastes.
/// Same errors as [`analyze`].
#[wasm_bindgen]
pub fn analyze_json(text: &str, options: JsValue) -> Result<String, JsError> {
    crate::limits::check_input_size(text.len()).map_err(|e| JsError::new(&e.to_string()))?;
    let options = read_options(options)?;
    to_json(&crate::analyze(text, &options))
}

/// Compares several pasted articles: `texts` is an array of strings (each one paste), `options`
/// as for [`analyze`]. Each text is analyzed, then [`crate::compare`]d; sources in the result
/// are the texts' positions in the array. Throws an `Error` when `texts` is not an array of
/// strings, on bad options, and when a text is larger than [`crate::limits::MAX_INPUT_BYTES`].
#[wasm_bindgen]
pub fn compare(texts: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let texts = read_strings(&texts)
        .map_err(|e| JsError::new(&format!("compare takes an array of strings: {e}")))?;
    for (i, t) in texts.iter().enumerate() {
        crate::limits::check_input_size(t.len())
            .map_err(|e| JsError::new(&format!("text {i}: {e}")))?;
    }
    let options = read_options(options)?;
    let analyses: Vec<crate::Analysis> =
        texts.iter().map(|t| crate::analyze(t, &options)).collect();
    to_js(&crate::compare(&analyses))
}

/// Reads `undefined`/`null` or `{ reference_date, hints }` (each a string, `null` or absent;
/// other properties are ignored) into [`Options`].
fn read_options(options: JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    let bad = |e: &str| JsError::new(&format!("bad options: {e}"));
    if !options.is_object() {
        return Err(bad("not an object"));
    }
    let text = |key: &str| {
        let v = get(&options, key);
        if v.is_undefined() || v.is_null() {
            Ok(None)
        } else {
            v.as_string()
                .map(Some)
                .ok_or_else(|| bad(&format!("`{key}` is not a string")))
        }
    };
    Ok(Options {
        reference_date: text("reference_date")?,
        hints: text("hints")?,
    })
}

#[wasm_bindgen]
extern "C" {
    /// The browser's `JSON.parse`.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &str) -> Result<JsValue, JsValue>;
}

/// Converts a result to a plain JS object (maps as objects): its JSON, `JSON.parse`d. The same
/// object serde-wasm-bindgen's JSON-compatible serializer builds, but through the one serializer
/// the module already has for [`analyze_json`] (serde_json): a second serializer for every
/// result type cost 8 KB of the gzipped download.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let json = to_json(value)?;
    json_parse(&json).map_err(|_| JsError::new("cannot convert the result: JSON.parse failed"))
}

/// A result's JSON text, in ASCII only ([`crate::ascii_json`]: JavaScript decodes it ~10×
/// faster). serde_json fails only on a map key that is not a string or on a `Serialize` impl's
/// own error, and the result types have neither, so the error names no cause: formatting
/// serde_json's error would bring its message table (for parse errors the module never makes)
/// into the download.
fn to_json<T: Serialize>(value: &T) -> Result<String, JsError> {
    crate::ascii_json::to_string(value)
        .ok_or_else(|| JsError::new("cannot convert the result to JSON"))
}

/// Renders an analysis (the object [`analyze`] returned) as Markdown: the same text as the CLI's
/// `--format markdown`, from [`crate::report::to_markdown`]. Reads only the object's `title` and
/// its `lines`' `kind` and `text` ([`crate::report::MarkdownSource`], read by
/// [`read_markdown_source`]); throws an `Error` when
/// those are missing or of the wrong type.
#[wasm_bindgen]
pub fn to_markdown(analysis: JsValue) -> Result<String, JsError> {
    let source = read_markdown_source(&analysis)
        .map_err(|e| JsError::new(&format!("not an analysis: {e}")))?;
    Ok(source.to_markdown())
}

// The inputs are read field by field with `Reflect.get` / `Array.isArray` rather than through
// serde-wasm-bindgen: their shapes are small and fixed (two optional strings, an array of strings,
// an analysis's title and lines' kind/text), and the deserializer instantiated per type (with
// serde's error messages and a string-key cache) cost 2.3 KB of the gzipped download for
// to_markdown's and compare's inputs, and 6.0 KB more for the options (with the crate dropped).

/// `value[key]`; `undefined` when `value` is not an object or has no such property.
fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `value` as an array, or an error naming `what`.
fn array(value: JsValue, what: &str) -> Result<js_sys::Array, String> {
    if js_sys::Array::is_array(&value) {
        Ok(value.unchecked_into())
    } else {
        Err(format!("{what} is not an array"))
    }
}

/// Reads a JS array of strings.
fn read_strings(value: &JsValue) -> Result<Vec<String>, String> {
    array(value.clone(), "the argument")?
        .iter()
        .enumerate()
        .map(|(i, v)| v.as_string().ok_or(format!("item {i} is not a string")))
        .collect()
}

/// Reads what [`crate::report::MarkdownSource`] needs of an analysis object: `title` (a string,
/// or `null`/`undefined`) and `lines`, an array of objects with a string `kind` (a
/// [`crate::Kind`] name) and a string `text`.
fn read_markdown_source(analysis: &JsValue) -> Result<crate::report::MarkdownSource, String> {
    let title = get(analysis, "title");
    let title = if title.is_undefined() || title.is_null() {
        None
    } else {
        Some(title.as_string().ok_or("`title` is not a string")?)
    };
    let lines = array(get(analysis, "lines"), "`lines`")?
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let kind = get(&line, "kind")
                .as_string()
                .and_then(|k| crate::Kind::parse(&k))
                .ok_or(format!("line {i}: `kind` is not a line kind"))?;
            let text = get(&line, "text")
                .as_string()
                .ok_or(format!("line {i}: `text` is not a string"))?;
            Ok(crate::report::MarkdownLine { kind, text })
        })
        .collect::<Result<_, String>>()?;
    Ok(crate::report::MarkdownSource { title, lines })
}

use serde::Serialize;
