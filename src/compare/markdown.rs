//! Renders a [`Comparison`] as Markdown for people: the story verdict, the pair scores and the
//! shared passages side by side. Source names are given by the caller (file names in the CLI).

use super::types::{ClaimGroup, Comparison};
use std::fmt::Write;

/// The display name of source `i`: the caller's name if given, else "source i".
fn name(names: &[String], i: usize) -> String {
    names
        .get(i)
        .cloned()
        .unwrap_or_else(|| format!("source {i}"))
}

/// Escapes the characters that would break a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

/// Writes one claim group: what it is about, then each value with its sources and lines.
fn write_group(out: &mut String, g: &ClaimGroup, names: &[String]) {
    let _ = writeln!(out, "- **{}**", g.about);
    for v in &g.values {
        let who: Vec<String> = v
            .sources
            .iter()
            .map(|e| {
                let mut s = format!("{} line {}", name(names, e.source), e.line);
                if e.text != v.value {
                    s.push_str(&format!(": \"{}\"", e.text));
                }
                if let Some(n) = &e.note {
                    s.push_str(&format!(" ({n})"));
                }
                s
            })
            .collect();
        let _ = writeln!(out, "  - {}: {}", v.value, who.join("; "));
    }
    out.push('\n');
}

/// Renders the comparison. `names[i]` names source `i` (missing names fall back to "source i").
pub fn to_markdown(c: &Comparison, names: &[String]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Comparison of {} articles\n", c.sources.len());
    for s in &c.sources {
        let _ = writeln!(
            out,
            "- **{}**: {} ({} sentences, {} words)",
            name(names, s.source),
            s.title.as_deref().unwrap_or("(no title found)"),
            s.sentences,
            s.words
        );
    }
    let verdict = if c.same_story {
        "One story.".to_string()
    } else if c.sources.len() < 2 {
        "Nothing to compare: give two articles or more.".to_string()
    } else {
        format!("Not one story: {} separate groups.", c.stories.len())
    };
    let _ = writeln!(out, "\n{verdict}\n");
    if !c.pairs.is_empty() {
        let _ = writeln!(out, "## Story similarity\n");
        let _ = writeln!(out, "| pair | score | same story | shared key terms |");
        let _ = writeln!(out, "| --- | --- | --- | --- |");
        for p in &c.pairs {
            let _ = writeln!(
                out,
                "| {} / {} | {:.3} | {} | {} |",
                cell(&name(names, p.a)),
                cell(&name(names, p.b)),
                p.score,
                if p.same_story { "yes" } else { "no" },
                cell(&p.shared_terms.join(", "))
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## Disagreements ({})\n", c.disagreements.len());
    for g in &c.disagreements {
        write_group(&mut out, g, names);
    }
    let agreed: Vec<&ClaimGroup> = c.claims.iter().filter(|g| g.values.len() == 1).collect();
    let _ = writeln!(out, "## Agreements ({})\n", agreed.len());
    for g in agreed {
        write_group(&mut out, g, names);
    }
    let _ = writeln!(out, "## Only one source reports ({})\n", c.unique.len());
    for u in &c.unique {
        let lines: Vec<String> = u.lines.iter().map(usize::to_string).collect();
        let kind = serde_json::to_value(u.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "- {} ({kind}, line {}): {}",
            name(names, u.source),
            lines.join(", "),
            u.text
        );
    }
    out.push('\n');
    let _ = writeln!(out, "## Cast ({})\n", c.entities.len());
    let _ = writeln!(out, "| name | kind | also written | sources |");
    let _ = writeln!(out, "| --- | --- | --- | --- |");
    for e in &c.entities {
        let kind = serde_json::to_value(e.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let srcs: Vec<String> = e.sources.iter().map(|s| name(names, s.source)).collect();
        let _ = writeln!(
            out,
            "| {} | {kind} | {} | {} |",
            cell(&e.name),
            cell(&e.aliases.join(", ")),
            cell(&srcs.join(", "))
        );
    }
    out.push('\n');
    let statements: Vec<_> = c.quotes.iter().filter(|q| !q.term).collect();
    let _ = writeln!(out, "## Quotations ({})\n", statements.len());
    for q in statements {
        let srcs: Vec<String> = q
            .sources
            .iter()
            .map(|s| format!("{} line {}", name(names, s.source), s.line))
            .collect();
        let _ = writeln!(
            out,
            "- “{}” — {}{}: {}",
            q.text,
            q.speaker.as_deref().unwrap_or("speaker unknown"),
            if q.wording_differs {
                " (wording differs)"
            } else {
                ""
            },
            srcs.join("; ")
        );
    }
    out.push('\n');
    let _ = writeln!(out, "## Shared passages ({})\n", c.shared_passages.len());
    for (i, p) in c.shared_passages.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. similarity {:.3}, {} words",
            i + 1,
            p.similarity,
            p.words
        );
        for o in &p.occurrences {
            let lines: Vec<String> = o.lines.iter().map(usize::to_string).collect();
            let _ = writeln!(
                out,
                "   - {} (line {}): {}",
                name(names, o.source),
                lines.join(", "),
                o.text
            );
        }
    }
    out
}
