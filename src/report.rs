//! Last stage: turn labelled lines into the [`Analysis`] fields derived from them
//! (clean body text, title, headings) and render it as Markdown.
//!
//! Invariant: `body` is made only of the text of `body`/`heading` lines, in input order, one
//! blank line between paragraphs; nothing else ever reaches it.

use crate::model::{Analysis, Kind, Line};

/// Builds the [`Analysis`] from labelled lines: the clean body, the title and the headings.
pub fn assemble(lines: Vec<Line>) -> Analysis {
    let body = lines
        .iter()
        .filter(|l| l.kind.is_article() && !l.text.is_empty())
        .map(|l| &*l.text)
        .collect::<Vec<_>>()
        .join("\n\n");
    let headings = lines
        .iter()
        .filter(|l| l.kind == Kind::Heading)
        .map(|l| String::from(&*l.text))
        .collect();
    let title = lines
        .iter()
        .find(|l| l.kind == Kind::Title)
        .map(|l| String::from(&*l.text));
    Analysis {
        lines,
        title,
        body,
        headings,
        standfirst: None,
        byline: None,
        published: None,
        tags: Vec::new(),
        related: Vec::new(),
        captions: Vec::new(),
        credit: None,
        copyright: None,
        site_name: None,
        language: None,
        people: Vec::new(),
        places: Vec::new(),
        organizations: Vec::new(),
        quotes: Vec::new(),
        figures: Vec::new(),
        keywords: Vec::new(),
        summary: Vec::new(),
        notes: Vec::new(),
    }
}

/// Renders the clean article as Markdown: `# title`, `## heading`s and paragraphs.
pub fn to_markdown(a: &Analysis) -> String {
    markdown(
        a.title.as_deref(),
        a.lines.iter().map(|l| (l.kind, &*l.text)),
    )
}

/// What [`to_markdown`] reads of an [`Analysis`]: the title and each line's kind and text. The
/// wasm binding reads only this from the JS object it is given, so the module carries no
/// deserializer for the rest of an `Analysis` (a smaller download).
#[derive(Debug, serde::Deserialize)]
pub struct MarkdownSource {
    /// [`Analysis::title`].
    pub title: Option<String>,
    /// [`Analysis::lines`]: kind and text of each.
    pub lines: Vec<MarkdownLine>,
}

/// One line of a [`MarkdownSource`].
#[derive(Debug, serde::Deserialize)]
pub struct MarkdownLine {
    /// [`Line::kind`].
    pub kind: Kind,
    /// [`Line::text`].
    pub text: String,
}

impl MarkdownSource {
    /// The same text as [`to_markdown`] of the analysis this was read from.
    pub fn to_markdown(&self) -> String {
        markdown(
            self.title.as_deref(),
            self.lines.iter().map(|l| (l.kind, &*l.text)),
        )
    }
}

fn markdown<'a>(title: Option<&str>, lines: impl Iterator<Item = (Kind, &'a str)>) -> String {
    let mut out = String::new();
    if let Some(t) = title {
        out.push_str("# ");
        out.push_str(t);
        out.push_str("\n\n");
    }
    for (kind, text) in lines.filter(|(k, t)| k.is_article() && !t.is_empty()) {
        if kind == Kind::Heading {
            out.push_str("## ");
        }
        out.push_str(text);
        out.push_str("\n\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The wasm binding renders from the JSON of an analysis read as a `MarkdownSource`: the same
    /// text as from the analysis itself.
    #[test]
    fn markdown_source_renders_like_the_analysis() {
        let text = "Home | News | Sport\n\nThe bridge reopens after two years\n\nBy Ann Lee\n\n\
            The old bridge over the river reopened on Monday after two years of repairs, the city said.\n\n\
            Repairs\n\n\
            Workers replaced the deck and the cables, and the cost came to more than the city had planned.\n\n\
            Share this article";
        let a = crate::analyze(text, &Default::default());
        let source: MarkdownSource =
            serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
        assert!(!a.body.is_empty());
        assert_eq!(source.to_markdown(), to_markdown(&a));
    }
}
