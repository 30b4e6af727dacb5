//! The rich-paste path of cleaning: page-structure hints ([`LineHint`], written by
//! `www/rich.js` from the clipboard's HTML) become features of the rich line model
//! (`data/model/lines_rich.tsv`, trained by `bench train-rich` with the same trainer as the plain
//! model), stacked on the plain model: the plain model's log-odds of each line is one input, the
//! hint features the others. Smoothing and naming the kinds are the plain path's own
//! ([`super::label_scored`]).
//!
//! Promises: one hint vector per non-blank line, every value finite; an unknown tag, landmark or
//! group bit is no feature (never an error); the plain path is untouched.

use super::line_model::LineModel;
use super::line_vector::Vector;
use super::{label_scored, measure, set_evidence, Cleaned, CONTEXT};
use crate::model::{Line, LineHint};
use std::sync::OnceLock;

const EMBEDDED: &str = data_file!("model/lines_rich.tsv");

/// Tag buckets of the line's nearest block element, in feature order.
const TAGS: &[(&str, &[&str])] = &[
    ("tag_p", &["p"]),
    ("tag_li", &["li"]),
    ("tag_h1", &["h1"]),
    ("tag_h2_h6", &["h2", "h3", "h4", "h5", "h6"]),
    ("tag_caption", &["figcaption", "caption"]),
    ("tag_cell", &["td", "th"]),
    ("tag_quote", &["blockquote"]),
    ("tag_dl", &["dt", "dd"]),
    ("tag_pre", &["pre"]),
    (
        "tag_landmark",
        &[
            "header", "footer", "nav", "aside", "section", "article", "main", "form",
        ],
    ),
];

/// Landmark ancestors: bit `k` of `LineHint::landmarks` is `LANDMARKS[k]` (the order of
/// `LANDMARK_TAGS` in `www/rich-words.js`), feature `in_<name>`.
pub const LANDMARKS: &[&str] = &[
    "nav",
    "header",
    "footer",
    "aside",
    "article",
    "main",
    "form",
    "figure",
    "li",
    "table",
    "blockquote",
    "time",
    "section",
];

/// Class/id word groups: bit `k` of `LineHint::groups` is `GROUPS[k]` (the order of the
/// `CLASS_GROUPS` keys in `www/rich-words.js`), feature `class_<name>`.
pub const GROUPS: &[&str] = &[
    "comment",
    "share",
    "related",
    "footer",
    "sidebar",
    "menu",
    "promo",
    "newsletter",
    "caption",
    "byline",
    "date",
    "tag",
    "title",
    "lead",
    "content",
];

/// The hint feature names, in vector order (after the plain [`super::line_vector::NAMES`]).
pub const HINT_NAMES: &[&str] = &[
    "link",
    "link_all",
    "link_window",
    "tag_p",
    "tag_li",
    "tag_h1",
    "tag_h2_h6",
    "tag_caption",
    "tag_cell",
    "tag_quote",
    "tag_dl",
    "tag_pre",
    "tag_landmark",
    "p_window",
    "p_x_len",
    "in_nav",
    "in_header",
    "in_footer",
    "in_aside",
    "in_article",
    "in_main",
    "in_form",
    "in_figure",
    "in_li",
    "in_table",
    "in_blockquote",
    "in_time",
    "in_section",
    "class_comment",
    "class_share",
    "class_related",
    "class_footer",
    "class_sidebar",
    "class_menu",
    "class_promo",
    "class_newsletter",
    "class_caption",
    "class_byline",
    "class_date",
    "class_tag",
    "class_title",
    "class_lead",
    "class_content",
    "main",
    "main_window",
    "main_x_len",
    "page_main_share",
    "page_no_main",
    "core",
    "core_x_len",
    "li_x_main",
];

/// Number of hint features.
pub const HINT_LEN: usize = HINT_NAMES.len();
/// Length of a rich vector: the plain model's log-odds, the same times the line's `main` hint
/// feature, then the hint features.
pub const RICH_LEN: usize = 2 + HINT_LEN;
/// The hint features of one line.
pub type HintVector = [f32; HINT_LEN];
/// The plain model's log-odds (alone and times `main`) followed by the hint features (what the
/// trainer sees).
pub type RichVector = [f32; RICH_LEN];

/// Index of `name` in [`HINT_NAMES`], at compile time (an unknown name does not compile).
const fn at(name: &str) -> usize {
    let mut k = 0;
    while k < HINT_NAMES.len() {
        let (a, b) = (HINT_NAMES[k].as_bytes(), name.as_bytes());
        if a.len() == b.len() {
            let mut j = 0;
            while j < a.len() && a[j] == b[j] {
                j += 1;
            }
            if j == a.len() {
                return k;
            }
        }
        k += 1;
    }
    panic!("unknown hint feature name")
}

const LINK: usize = at("link");
const LINK_ALL: usize = at("link_all");
const LINK_WINDOW: usize = at("link_window");
const TAG_P: usize = at("tag_p");
const P_WINDOW: usize = at("p_window");
const P_X_LEN: usize = at("p_x_len");
const IN_FIRST: usize = at("in_nav");
const CLASS_FIRST: usize = at("class_comment");
const MAIN: usize = at("main");
const MAIN_WINDOW: usize = at("main_window");
const MAIN_X_LEN: usize = at("main_x_len");
const PAGE_MAIN_SHARE: usize = at("page_main_share");
const PAGE_NO_MAIN: usize = at("page_no_main");
const CORE: usize = at("core");
const CORE_X_LEN: usize = at("core_x_len");
const LI_X_MAIN: usize = at("li_x_main");
const TAG_LI: usize = at("tag_li");

/// The hint vectors of the non-blank lines, parallel to `plain` (the `(line index, vector)`
/// pairs of [`super::measure`]). `hints` is read by line index; a missing hint counts as empty.
pub fn vectors(hints: &[LineHint], plain: &[(usize, Vector)]) -> Vec<HintVector> {
    let empty = LineHint::default();
    let hint = |i: usize| hints.get(i).unwrap_or(&empty);
    let m = plain.len();
    let link: Vec<f32> = plain.iter().map(|(i, _)| hint(*i).link).collect();
    let para: Vec<bool> = plain.iter().map(|(i, _)| hint(*i).tag == "p").collect();
    let main: Vec<bool> = plain.iter().map(|(i, _)| hint(*i).main >= 1).collect();
    let page_main = main.iter().filter(|&&x| x).count() as f32 / m.max(1) as f32;
    let no_main = !main.contains(&true);
    // Mean of `f` over the up-to-3 non-blank neighbours on each side (the line itself excluded).
    let window = |k: usize, f: &dyn Fn(usize) -> f32| -> f32 {
        let a = k.saturating_sub(3);
        let b = (k + 4).min(m);
        let n = b - a - 1;
        if n == 0 {
            return 0.0;
        }
        (a..b).filter(|&j| j != k).map(f).sum::<f32>() / n as f32
    };
    let b = |x: bool| if x { 1.0 } else { 0.0 };
    plain
        .iter()
        .enumerate()
        .map(|(k, (i, v))| {
            let h = hint(*i);
            let ln_units = v[0];
            let mut x = [0.0f32; HINT_LEN];
            x[LINK] = link[k];
            x[LINK_ALL] = b(link[k] >= 0.9);
            x[LINK_WINDOW] = window(k, &|j| link[j]);
            if let Some(t) = TAGS
                .iter()
                .position(|(_, tags)| tags.contains(&h.tag.as_str()))
            {
                x[TAG_P + t] = 1.0;
            }
            x[P_WINDOW] = window(k, &|j| b(para[j]));
            x[P_X_LEN] = b(para[k]) * ln_units;
            for j in 0..LANDMARKS.len() {
                x[IN_FIRST + j] = b(h.landmarks >> j & 1 == 1);
            }
            for j in 0..GROUPS.len() {
                x[CLASS_FIRST + j] = b(h.groups >> j & 1 == 1);
            }
            x[MAIN] = b(main[k]);
            x[MAIN_WINDOW] = window(k, &|j| b(main[j]));
            x[MAIN_X_LEN] = b(main[k]) * ln_units;
            x[PAGE_MAIN_SHARE] = page_main;
            x[PAGE_NO_MAIN] = b(no_main);
            x[CORE] = b(h.main >= 2);
            x[CORE_X_LEN] = x[CORE] * ln_units;
            x[LI_X_MAIN] = x[TAG_LI] * x[MAIN];
            x
        })
        .collect()
}

/// A line's plain log-odds and its hint vector as one rich vector.
pub fn join(plain_logit: f32, h: &HintVector) -> RichVector {
    let mut x = [0.0f32; RICH_LEN];
    x[0] = plain_logit;
    x[1] = plain_logit * h[MAIN];
    x[2..].copy_from_slice(h);
    x
}

/// The rich line model, stacked on the plain one: with `z` the plain model's log-odds of a line,
/// its log-odds is `bias + plain × z + plain_x_main × z × main + Σ hints[k] × hint feature k`.
/// So the plain features keep the weights the plain model learned (the page's structure only
/// says how far to trust them), and a retrained plain model never breaks this file (retraining
/// it is still better: `bench train-rich`). File format: `#` comments, then `NAME <TAB> WEIGHT`
/// rows for `bias`, `plain`, `plain_x_main` and the [`HINT_NAMES`]; an unknown name is an
/// error, a missing one weighs 0.
#[derive(Debug, Clone, PartialEq)]
pub struct RichModel {
    /// The intercept.
    pub bias: f32,
    /// The weight of the plain model's log-odds.
    pub plain: f32,
    /// The weight of the plain model's log-odds on lines inside the main container.
    pub plain_x_main: f32,
    /// Weights of the hint features, in [`HINT_NAMES`] order.
    pub hints: HintVector,
}

impl RichModel {
    /// A model whose every weight is zero.
    pub fn zero() -> RichModel {
        RichModel {
            bias: 0.0,
            plain: 0.0,
            plain_x_main: 0.0,
            hints: [0.0; HINT_LEN],
        }
    }

    /// A model from a bias and rich weights (the trainer's output), each rounded to 4 decimals
    /// (the embedded file stays small; no figure moves at that precision).
    pub fn from_weights(bias: f32, w: &RichVector) -> RichModel {
        let round = |x: f32| (x * 1e4).round() / 1e4;
        let mut m = RichModel::zero();
        m.bias = round(bias);
        m.plain = round(w[0]);
        m.plain_x_main = round(w[1]);
        for (to, from) in m.hints.iter_mut().zip(&w[2..]) {
            *to = round(*from);
        }
        m
    }

    /// Parses the TSV model format; the error names the offending row.
    pub fn parse(src: &str) -> Result<RichModel, String> {
        let mut m = RichModel::zero();
        for (n, row) in src.lines().enumerate() {
            let row = row.trim();
            if row.is_empty() || row.starts_with('#') {
                continue;
            }
            let bad = || format!("row {}: expected NAME<TAB>WEIGHT with a known name", n + 1);
            let (name, value) = row.split_once('\t').ok_or_else(bad)?;
            let w: f32 = crate::num::parse_f32(value.trim()).ok_or_else(bad)?;
            if !w.is_finite() {
                return Err(bad());
            }
            match name {
                "bias" => m.bias = w,
                "plain" => m.plain = w,
                "plain_x_main" => m.plain_x_main = w,
                _ => m.hints[HINT_NAMES.iter().position(|&x| x == name).ok_or_else(bad)?] = w,
            }
        }
        Ok(m)
    }

    /// The TSV form that [`RichModel::parse`] reads back exactly.
    pub fn to_tsv(&self, header: &str) -> String {
        let mut out: String = header.lines().map(|h| format!("# {h}\n")).collect();
        out.push_str(&format!(
            "bias\t{}\nplain\t{}\nplain_x_main\t{}\n",
            self.bias, self.plain, self.plain_x_main
        ));
        for (name, w) in HINT_NAMES.iter().zip(self.hints.iter()) {
            out.push_str(&format!("{name}\t{w}\n"));
        }
        out
    }

    /// The embedded rich model (parsed once). A broken embedded file yields the zero model; a
    /// test makes sure it parses.
    pub fn embedded() -> &'static RichModel {
        static M: OnceLock<RichModel> = OnceLock::new();
        M.get_or_init(|| RichModel::parse(EMBEDDED).unwrap_or_else(|_| RichModel::zero()))
    }

    /// The log-odds that a line is article text, from the plain model's log-odds and the
    /// line's hint vector `h`.
    pub fn logit(&self, plain_logit: f32, h: &HintVector) -> f32 {
        self.bias
            + (self.plain + self.plain_x_main * h[MAIN]) * plain_logit
            + self
                .hints
                .iter()
                .zip(h.iter())
                .map(|(w, x)| w * x)
                .sum::<f32>()
    }
}

/// Labels every line with the embedded rich model. `lines` are normalized line texts and
/// `hints` their hints, one per line (a missing hint counts as empty; extra hints are unused).
pub fn clean_hinted(lines: &[Box<str>], hints: &[LineHint]) -> Cleaned {
    clean_rich_with(lines, hints, LineModel::embedded(), RichModel::embedded())
}

/// [`clean_hinted`] with the models `plain` and `rich` (the bench uses this for
/// cross-validation).
pub fn clean_rich_with(
    lines: &[Box<str>],
    hints: &[LineHint],
    plain: &LineModel,
    rich: &RichModel,
) -> Cleaned {
    let mut lines = crate::normalize::lines_of(lines);
    let language = clean_lines_rich_with(&mut lines, hints, plain, rich);
    Cleaned::of(lines, language)
}

/// [`clean_hinted`] in place: labels every line of `lines` (unlabelled lines of normalized
/// text, as [`crate::normalize::lines`] gives them) with the embedded rich model, setting each
/// line's kind and reason, nothing else. Returns the language guess.
pub fn clean_lines_hinted(lines: &mut [Line], hints: &[LineHint]) -> Option<&'static str> {
    clean_lines_rich_with(lines, hints, LineModel::embedded(), RichModel::embedded())
}

/// [`clean_lines_hinted`] with the models `plain` and `rich`.
fn clean_lines_rich_with(
    lines: &mut [Line],
    hints: &[LineHint],
    plain: &LineModel,
    rich: &RichModel,
) -> Option<&'static str> {
    let m = measure(lines);
    let hv = vectors(hints, &m.vectors);
    let at: [Option<usize>; 4] = CONTEXT.map(super::line_vector::index_of);
    for ((i, v), h) in m.vectors.iter().zip(&hv) {
        let logit = rich.logit(plain.logit(v), h);
        set_evidence(lines, *i, &m.feats.get(*i), logit, v, &at);
    }
    drop(hv);
    label_scored(&m, lines);
    m.language
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_blocks_are_in_name_order() {
        for (t, (name, _)) in TAGS.iter().enumerate() {
            assert_eq!(HINT_NAMES[TAG_P + t], *name);
        }
        for (j, l) in LANDMARKS.iter().enumerate() {
            assert_eq!(HINT_NAMES[IN_FIRST + j], format!("in_{l}"));
        }
        for (j, g) in GROUPS.iter().enumerate() {
            assert_eq!(HINT_NAMES[CLASS_FIRST + j], format!("class_{g}"));
        }
        assert!(
            LANDMARKS.len() <= 32 && GROUPS.len() <= 32,
            "bits of a u32 mask"
        );
    }

    /// The quoted names of the JavaScript array `name = [ ... ]` (one line) of `src`.
    fn js_array(src: &str, name: &str) -> Vec<String> {
        let line = src
            .lines()
            .find(|l| l.contains(&format!("{name} = [")))
            .unwrap_or_else(|| panic!("{name} in www/rich-words.js"));
        let inner = &line[line.find('[').unwrap() + 1..line.rfind(']').unwrap()];
        inner
            .split(',')
            .map(|w| w.trim().trim_matches('\'').to_string())
            .filter(|w| !w.is_empty())
            .collect()
    }

    #[test]
    fn bit_orders_match_the_page_data() {
        let src = include_str!("../../www/rich-words.js");
        assert_eq!(js_array(src, "LANDMARK_TAGS"), LANDMARKS);
        let start = src.find("CLASS_GROUPS = {").expect("CLASS_GROUPS");
        let end = start + src[start..].find("};").expect("end of CLASS_GROUPS");
        let keys: Vec<&str> = src[start..end]
            .lines()
            .skip(1)
            .filter_map(|l| l.trim().split_once(": [").map(|(k, _)| k))
            .collect();
        assert_eq!(keys, GROUPS);
    }

    #[test]
    fn embedded_model_parses_completely() {
        let m = RichModel::parse(EMBEDDED).expect("data/model/lines_rich.tsv parses");
        assert_ne!(
            m.hints, [0.0; HINT_LEN],
            "the embedded rich model has hint weights"
        );
    }

    #[test]
    fn round_trips() {
        let mut w = [0.0f32; RICH_LEN];
        w[0] = 0.5;
        w[3] = -1.5;
        let m = RichModel::from_weights(0.25, &w);
        assert_eq!(RichModel::parse(&m.to_tsv("test")).unwrap(), m);
        assert!(RichModel::parse("link\tx").is_err());
        assert!(RichModel::parse("nonsense\t1").is_err());
        assert!(
            RichModel::parse("ln_units\t1").is_err(),
            "plain features live in the plain model"
        );
    }

    #[test]
    fn odd_hints_give_finite_vectors() {
        let lines: Vec<Box<str>> = ["Menu", "", "A long paragraph of the article, with words."]
            .map(Box::from)
            .to_vec();
        let hints = LineHint::parse_table("marquee NaN 2147483649 4294967295 7 extra\n");
        assert_eq!(hints.len(), 1);
        assert_eq!(hints[0].link, 0.0);
        assert_eq!(hints[0].main, 2);
        let m = measure(&lines);
        let hv = vectors(&hints, &m.vectors);
        assert_eq!(hv.len(), 2);
        assert!(hv.iter().flatten().all(|x| x.is_finite()));
        assert_eq!(hv[0][IN_FIRST], 1.0);
        assert_eq!(hv[0][IN_FIRST + 1], 0.0);
        assert_eq!(hv[0][LINK], 0.0);
        assert_eq!(clean_hinted(&lines, &hints).labels.len(), 3);
    }

    #[test]
    fn rows_parse_leniently() {
        let h = LineHint::parse("li 0.5 3 16 1");
        assert_eq!(LineHint::parse("li 0 0 0 9").main, 2);
        assert_eq!(
            h,
            LineHint {
                tag: "li".into(),
                link: 0.5,
                landmarks: 3,
                groups: 16,
                main: 1
            }
        );
        assert_eq!(LineHint::parse(""), LineHint::default());
        assert_eq!(LineHint::parse("p -3 x").link, 0.0);
        assert_eq!(LineHint::parse("p 9").link, 1.0);
        assert_eq!(LineHint::parse_table("p\r\n\nli").len(), 3);
    }
}
