//! Quoted statements as claims: a quotation carried by two or more sources of one story is a
//! claim about what its speaker said. Its values are the distinct wordings (a version contained
//! in a longer one is the same wording, quoted in part), so sources quoting different words are
//! a disagreement on the wording; sources naming different speakers for it make a second group,
//! about who said it.

use crate::compare::quotes::contained;
use crate::compare::text::words;
use crate::compare::types::{ClaimGroup, ClaimKind, ClaimValue, Evidence, MergedQuote};

/// The first `n` words of a text, with an ellipsis when cut.
fn opening(text: &str, n: usize) -> String {
    let ws: Vec<&str> = text.split_whitespace().collect();
    if ws.len() <= n {
        text.to_string()
    } else {
        format!("{}…", ws[..n].join(" "))
    }
}

/// The claim groups of the quotations carried by two or more of the story's sources.
pub fn groups(quotes: &[MergedQuote], story: &[usize]) -> Vec<ClaimGroup> {
    let mut out = Vec::new();
    for q in quotes {
        let occ: Vec<_> = q
            .sources
            .iter()
            .filter(|s| story.contains(&s.source))
            .collect();
        let mut srcs: Vec<usize> = occ.iter().map(|s| s.source).collect();
        srcs.dedup();
        if srcs.len() < 2 {
            continue;
        }
        let label = format!("“{}”", opening(&q.text, 8));
        // Wordings: maximal versions; every occurrence joins the first maximal one containing it.
        let ws: Vec<Vec<String>> = occ.iter().map(|s| words(&s.text)).collect();
        let maximal: Vec<usize> = (0..occ.len())
            .filter(|&i| {
                !(0..occ.len()).any(|j| {
                    j != i
                        && contained(&ws[i], &ws[j])
                        && (ws[j].len() > ws[i].len() || (ws[j] == ws[i] && j < i))
                })
            })
            .collect();
        let mut values: Vec<ClaimValue> = maximal
            .iter()
            .map(|&m| ClaimValue {
                value: occ[m].text.clone(),
                sources: Vec::new(),
            })
            .collect();
        for (i, o) in occ.iter().enumerate() {
            let slot = maximal
                .iter()
                .position(|&m| contained(&ws[i], &ws[m]))
                .unwrap_or(0);
            if let Some(v) = values.get_mut(slot) {
                v.sources.push(Evidence {
                    source: o.source,
                    line: o.line,
                    text: o.text.clone(),
                    note: None,
                });
            }
        }
        crate::sort::by_key(&mut values, |v| std::cmp::Reverse(v.sources.len()));
        out.push(ClaimGroup {
            about: match &q.speaker {
                Some(s) => format!("words of {s}: {label}"),
                None => format!("words quoted: {label}"),
            },
            kind: ClaimKind::Quote,
            values,
        });
        // Who said it, when sources name different speakers.
        let mut speakers: Vec<ClaimValue> = Vec::new();
        for o in &occ {
            let Some(sp) = &o.speaker else { continue };
            let ev = Evidence {
                source: o.source,
                line: o.line,
                text: o.text.clone(),
                note: None,
            };
            match speakers.iter_mut().find(|v| &v.value == sp) {
                Some(v) => v.sources.push(ev),
                None => speakers.push(ClaimValue {
                    value: sp.clone(),
                    sources: vec![ev],
                }),
            }
        }
        if speakers.len() >= 2 {
            crate::sort::by_key(&mut speakers, |v| std::cmp::Reverse(v.sources.len()));
            out.push(ClaimGroup {
                about: format!("speaker of {label}"),
                kind: ClaimKind::Quote,
                values: speakers,
            });
        }
    }
    out
}
