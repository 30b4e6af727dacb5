//! Tags, related headlines, captions and the source credit, read from the lines cleaning
//! labelled `tags`, `related`, `caption` and `credit`.
//!
//! List headers ("READ MORE ON:", "ALSO READ") are not items; a header with items after a colon
//! ("Tags: a, b, c") gives those items. Related items are headline-shaped lines (three words or
//! more that are not just a date); list bullets and emphasis marks are trimmed.

use super::page::{word_count, Page};
use crate::lexicon;
use crate::model::Kind;

/// What the list extractors found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lists {
    /// Tag items.
    pub tags: Vec<String>,
    /// Related headlines.
    pub related: Vec<String>,
    /// Captions.
    pub captions: Vec<String>,
    /// The first source credit, without brackets and final full stop.
    pub credit: Option<String>,
}

/// `text` without list bullets, hashes and emphasis marks around it.
fn item_text(text: &str) -> &str {
    text.trim_start_matches(['-', '–', '—', '•', '·', '*', '#', '>', '|', ' ', '\u{a0}'])
        .trim_end_matches(['*', ' ', '|'])
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !s.is_empty() && !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}

/// Credit text: "(With inputs from agencies.)" → "With inputs from agencies".
fn credit_text(text: &str) -> String {
    let t = text
        .trim()
        .trim_start_matches(['(', '['])
        .trim_end_matches([')', ']']);
    t.trim().trim_end_matches('.').trim().to_string()
}

/// Collects the lists from the labelled lines.
pub fn collect(page: &Page) -> Lists {
    let mut out = Lists::default();
    for (i, l) in page.lines.iter().enumerate() {
        let text: &str = &l.text;
        match l.kind {
            Kind::Tags => {
                let marker = page.chrome(i).is_some_and(|r| r.marker);
                if marker {
                    // "Tags: a, b, c"
                    if let Some((_, rest)) = text.split_once(':') {
                        for t in rest.split([',', ';', '|']) {
                            push_unique(&mut out.tags, item_text(t).trim());
                        }
                    }
                } else {
                    push_unique(&mut out.tags, item_text(text));
                }
            }
            Kind::Related => {
                let item = item_text(text);
                let is_header = page.chrome(i).is_some_and(|r| r.marker);
                let headline = word_count(item) >= 3 && page.date_share(i) < 0.5;
                if !is_header && headline {
                    // "Read More Interesting News: <headline>"
                    let h = match item.split_once(": ") {
                        Some((head, rest))
                            if lexicon::match_chrome(&head.to_lowercase())
                                .is_some_and(|r| r.kind == Kind::Related)
                                && word_count(rest) >= 3 =>
                        {
                            rest
                        }
                        _ => item,
                    };
                    push_unique(&mut out.related, h);
                }
            }
            Kind::Caption => push_unique(&mut out.captions, text),
            Kind::Credit if out.credit.is_none() => {
                let c = credit_text(text);
                if !c.is_empty() {
                    out.credit = Some(c);
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_without_brackets() {
        assert_eq!(
            credit_text("(With inputs from agencies.)"),
            "With inputs from agencies"
        );
        assert_eq!(credit_text("Reuters"), "Reuters");
    }

    #[test]
    fn items_trimmed() {
        assert_eq!(item_text("- Xi Jinping"), "Xi Jinping");
        assert_eq!(
            item_text("**Trump Reinstates Tariffs**"),
            "Trump Reinstates Tariffs**".trim_end_matches('*')
        );
    }
}
