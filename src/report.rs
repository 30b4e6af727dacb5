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
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    let headings = lines
        .iter()
        .filter(|l| l.kind == Kind::Heading)
        .map(|l| l.text.clone())
        .collect();
    let title = lines
        .iter()
        .find(|l| l.kind == Kind::Title)
        .map(|l| l.text.clone());
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
    let mut out = String::new();
    if let Some(t) = &a.title {
        out.push_str("# ");
        out.push_str(t);
        out.push_str("\n\n");
    }
    for l in a
        .lines
        .iter()
        .filter(|l| l.kind.is_article() && !l.text.is_empty())
    {
        if l.kind == Kind::Heading {
            out.push_str("## ");
        }
        out.push_str(&l.text);
        out.push_str("\n\n");
    }
    out
}
