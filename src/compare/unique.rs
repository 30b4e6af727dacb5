//! What only one source of a story reports: figures (not dates) no other source of the story
//! gives (same kind, unit and value, see [`super::claims::figures::value_key`]), people, places and
//! organizations no other source names, and quotations (not one-word terms) no other source
//! quotes.
//!
//! Promises: only stories of two sources or more are read (a lone article has nothing to be
//! unique against); each item names its source and the lines it is on; items are ordered by
//! source, then kind, then first line.

use super::claims::figures::{compared, value_key};
use super::types::{MergedEntity, MergedQuote, UniqueItem, UniqueKind};
use crate::entities::EntityType;
use crate::model::Analysis;

/// The items of one story (`story` lists its sources) that only one of its sources reports.
pub fn find(
    story: &[usize],
    analyses: &[Analysis],
    entities: &[MergedEntity],
    quotes: &[MergedQuote],
) -> Vec<UniqueItem> {
    let mut out = Vec::new();
    if story.len() < 2 {
        return out;
    }
    let keys: Vec<(usize, &crate::figures::Figure, String)> = story
        .iter()
        .filter_map(|&s| analyses.get(s).map(|a| (s, a)))
        .flat_map(|(s, a)| a.figures.iter().map(move |f| (s, f)))
        .filter(|(_, f)| compared(f))
        .map(|(s, f)| (s, f, value_key(f)))
        .collect();
    let mut listed: Vec<(usize, &str)> = Vec::new();
    for (s, f, k) in &keys {
        let elsewhere = keys.iter().any(|(t, _, k2)| t != s && k2 == k);
        if !elsewhere && !listed.contains(&(*s, k.as_str())) {
            listed.push((*s, k));
            let lines: Vec<usize> = keys
                .iter()
                .filter(|(t, _, k2)| t == s && k2 == k)
                .map(|(_, g, _)| g.line)
                .collect();
            out.push(UniqueItem {
                source: *s,
                kind: UniqueKind::Figure,
                text: f.text.as_str().to_string(),
                lines,
            });
        }
    }
    for e in entities {
        let inside: Vec<_> = e
            .sources
            .iter()
            .filter(|s| story.contains(&s.source))
            .collect();
        if let [only] = inside.as_slice() {
            out.push(UniqueItem {
                source: only.source,
                kind: match e.kind {
                    EntityType::Person => UniqueKind::Person,
                    EntityType::Place => UniqueKind::Place,
                    EntityType::Organization => UniqueKind::Organization,
                },
                text: e.name.clone(),
                lines: only.lines.clone(),
            });
        }
    }
    for q in quotes.iter().filter(|q| !q.term) {
        let inside: Vec<_> = q
            .sources
            .iter()
            .filter(|s| story.contains(&s.source))
            .collect();
        let first = inside.first().map(|s| s.source);
        if first.is_some() && inside.iter().all(|s| Some(s.source) == first) {
            let mut lines: Vec<usize> = inside.iter().map(|s| s.line).collect();
            lines.dedup();
            out.push(UniqueItem {
                source: first.unwrap_or(0),
                kind: UniqueKind::Quote,
                text: q.text.clone(),
                lines,
            });
        }
    }
    crate::sort::by(&mut out, |a, b| {
        (a.source, a.kind, a.lines.first()).cmp(&(b.source, b.kind, b.lines.first()))
    });
    out
}
