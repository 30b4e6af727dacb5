//! Naming every line once the article lines are decided: `body` or `heading` for article text,
//! and for the rest the boilerplate kind a reader would give it (chrome phrase, the list a
//! marker opened, dateline, byline, caption, title, navigation before the article, related
//! headlines after it).
//!
//! Promises: one label per input line, blank lines `blank`; a line is `body` or `heading` only
//! if the decisions said article text; every label has a non-empty reason.

use super::features::Features;
use super::line_vector::{Vector, NAMES};
use super::{Label, Measured};
use crate::lexicon;
use crate::model::Kind;

fn label(kind: Kind, reason: impl Into<String>) -> Label {
    Label {
        kind,
        reason: reason.into(),
    }
}

/// The reason for a model decision: the score and the measured evidence behind it
/// ("score +2.3: 24 words, 41% function words, sentence end, among prose lines").
fn model_reason(f: &Features, v: &Vector, z: f32) -> String {
    let at = |name: &str| NAMES.iter().position(|&n| n == name).map_or(0.0, |j| v[j]);
    let mut parts = vec![format!("{} words", f.units)];
    if f.words > 0 {
        parts.push(format!("{:.0}% function words", f.stop_share * 100.0));
    }
    parts.push(if f.ends_sentence {
        "sentence end".to_string()
    } else {
        "no sentence end".to_string()
    });
    let run = at("short_run_ln").exp().round() as usize;
    if run >= 3 {
        parts.push(format!("in a run of {} short lines", run - 1));
    }
    let near = at("window3_prose");
    if near >= 0.5 {
        parts.push("among prose lines".to_string());
    } else if near == 0.0 {
        parts.push("no prose nearby".to_string());
    }
    if at("in_marked_list") > 0.0 {
        parts.push("under a list header".to_string());
    }
    if at("after_comments_marker") > 0.0 {
        parts.push("after the comments header".to_string());
    }
    if f.has_separator {
        parts.push("menu separators".to_string());
    }
    format!("score {z:+.1}: {}", parts.join(", "))
}

/// True for a short line that reads like a byline ("By Jane Doe").
pub fn is_byline(f: &Features, text: &str) -> bool {
    let t = text.trim_start_matches(['-', '–', '—', ' ']);
    let lower = t.to_lowercase();
    lexicon::byline_prefixes().any(|p| lower.starts_with(p)) && f.words <= 12 && !f.ends_sentence
}

/// True for a line shaped like a headline (3–30 words, no sentence end except `?`).
pub fn is_headline_shaped(f: &Features) -> bool {
    (3..=30).contains(&f.units) && !f.is_dateline && (!f.ends_sentence || f.lower.ends_with('?'))
}

/// True for a line shaped like a section heading: short, no sentence end, starts with a
/// capital or a digit.
fn is_heading_shaped(f: &Features, text: &str) -> bool {
    let question_heading = f.lower.ends_with('?') && f.units >= 3 && f.cap_share >= 0.5;
    (1..=14).contains(&f.units)
        && (!f.ends_sentence || question_heading)
        && !f.ends_colon
        && !f.starts_bullet
        && !f.has_link
        && text
            .chars()
            .find(|c| !matches!(c, '"' | '“' | '‘' | '\'' | '(' | '['))
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// True for a line that is only a person's name ("Zaynab Z.", "Jane Doe"): 2–4 words, each
/// capitalized (initials allowed), no digits.
pub fn is_name_shaped(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase)
                && cs.all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        })
}

/// True for the title of an embedded link card ("The Legacy Of X : NPR", "Ties Between Two
/// Powers | Council on Foreign Relations"): Title Case, no sentence end, and a ` | ` or
/// ` : ` before the site name.
pub fn is_link_card(f: &Features, text: &str) -> bool {
    f.units >= 5
        && !f.ends_sentence
        && f.cap_share >= 0.5
        && (text.contains(" | ") || text.contains(" : "))
}

/// True for a photo caption in news-agency style: a caption verb ("speaks", "attends") or a
/// photo credit word, and a date or credit at the end.
pub fn is_caption_like(f: &Features) -> bool {
    f.units >= 5 && f.units <= 60 && lexicon::caption_hits(&f.lower)
}

/// Labels every line. `logits` and `article` are parallel to `m.vectors`.
pub fn label_all(m: &Measured, logits: &[f32], article: &[bool]) -> Vec<Label> {
    let lines = m.lines;
    let n = lines.len();
    let mut art = vec![false; n];
    let mut slot: Vec<Option<usize>> = vec![None; n];
    for (k, (i, _)) in m.vectors.iter().enumerate() {
        art[*i] = article[k];
        slot[*i] = Some(k);
    }
    let first_art = (0..n).find(|&i| art[i]);
    let last_art = (0..n).rev().find(|&i| art[i]);
    let next_nonblank = |i: usize| (i + 1..n).find(|&j| !lines[j].is_empty());
    let feats = &m.feats;

    // A headline-shaped first article line directly followed by prose is the title, not body.
    let title_first = first_art.filter(|&fa| {
        is_headline_shaped(&feats[fa])
            && !feats[fa].is_dateline
            && !is_byline(&feats[fa], &lines[fa])
            && next_nonblank(fa).is_some_and(|j| feats[j].units >= 15)
    });
    if let Some(t) = title_first {
        art[t] = false;
    }
    let first_art = (0..n).find(|&i| art[i]);
    // The title: the headline-shaped line nearest before the article.
    // A headline the page repeats (page header and article header) wins over a nearer one.
    let title_idx = first_art.and_then(|fa| {
        let candidates: Vec<usize> = (0..fa)
            .rev()
            .filter(|&i| !lines[i].is_empty() && m.chrome[i].is_none())
            .take(6)
            .filter(|&i| is_headline_shaped(&feats[i]) && !is_byline(&feats[i], &lines[i]))
            .collect();
        candidates
            .iter()
            .copied()
            .find(|&i| (0..fa).any(|j| j != i && lines[j] == lines[i]))
            .or(candidates.first().copied())
    });

    let mut out: Vec<Label> = Vec::with_capacity(n);
    let mut section: Option<(Kind, &str)> = None;
    let mut seen_art = false;
    // The previous non-blank line was a metadata label ending with ':' ("Country:").
    let mut meta_key = false;
    for i in 0..n {
        let text = &lines[i];
        if text.is_empty() {
            out.push(label(Kind::Blank, "empty line"));
            continue;
        }
        let f = &feats[i];
        let why_model =
            || slot[i].map_or_else(String::new, |k| model_reason(f, &m.vectors[k].1, logits[k]));
        let z = slot[i].map_or(0.0, |k| logits[k]);
        // Known chrome phrases and lines without a word are never article text; neither is a
        // short Title Case fragment that does not stand between article paragraphs (a heading
        // does).
        let stray_headline = art[i]
            && f.units <= 14
            && !f.ends_sentence
            && f.cap_share >= 0.5
            && !(seen_art && next_nonblank(i).is_some_and(|j| art[j] && feats[j].units >= 8));
        // A fragment the model scored out but smoothing carried in is not article text.
        let weak_fragment = art[i] && z < 0.0 && f.units <= 3 && !f.ends_sentence;
        if art[i] && (m.chrome[i].is_some() || f.units == 0 || stray_headline || weak_fragment) {
            art[i] = false;
        }
        // Once the article has been read, a comments header opens the comments: prose after it
        // is readers' comments, not article text.
        if let Some((Kind::Comments, phrase)) = section.filter(|_| seen_art) {
            if m.chrome[i].is_none() {
                out.push(label(
                    Kind::Comments,
                    format!("in the comments, after '{phrase}'"),
                ));
                continue;
            }
        }
        if art[i] {
            section = None;
            let next_art = next_nonblank(i).is_some_and(|j| art[j] && feats[j].units >= 8);
            let l = if f.is_dateline {
                label(Kind::Date, "only date and time words")
            } else if !seen_art && is_byline(f, text) {
                label(Kind::Byline, "starts like a byline ('By …')")
            } else if is_link_card(f, text) {
                label(
                    Kind::Promo,
                    "link card: Title Case with ' | ' or ' : ' before a site name",
                )
            } else if seen_art && next_art && is_heading_shaped(f, text) {
                label(
                    Kind::Heading,
                    "short line without sentence end between article paragraphs",
                )
            } else if is_caption_like(f) && f.units < 40 {
                label(
                    Kind::Caption,
                    "photo caption wording (caption verb, date or credit)",
                )
            } else if !seen_art && Some(i) == title_idx.and_then(next_nonblank) && !f.ends_sentence
            {
                label(Kind::Standfirst, "summary line right under the title")
            } else {
                label(Kind::Body, format!("article text ({})", why_model()))
            };
            if l.kind.is_article() {
                seen_art = true;
            }
            out.push(l);
            continue;
        }
        let inside = first_art.is_some_and(|a| a < i) && last_art.is_some_and(|b| i < b);
        let after_key = std::mem::replace(&mut meta_key, false);
        let l = if let Some(rule) = m.chrome[i] {
            meta_key = rule.kind == Kind::Metadata && f.ends_colon;
            section = if rule.marker {
                Some((rule.kind, rule.phrase.as_str()))
            } else {
                None
            };
            label(rule.kind, format!("known phrase '{}'", rule.phrase))
        } else if Some(i) == title_idx || title_idx.is_some_and(|t| lines[t] == *text) {
            label(Kind::Title, "headline-shaped line just before the article")
        } else if after_key && f.units <= 6 {
            label(Kind::Metadata, "value of the metadata label above")
        } else if let Some((kind, phrase)) = section {
            label(kind, format!("follows '{phrase}'"))
        } else if f.is_dateline {
            label(Kind::Date, "only date and time words")
        } else if is_byline(f, text) {
            label(Kind::Byline, "starts like a byline ('By …')")
        } else if !seen_art
            && title_idx.is_some_and(|t| t < i && i <= t + 6)
            && is_name_shaped(text.trim_start_matches(['-', '–', '—', ' ']))
        {
            label(Kind::Byline, "a name alone under the title")
        } else if is_caption_like(f) {
            label(
                Kind::Caption,
                "photo caption wording (caption verb, date or credit)",
            )
        } else if !seen_art
            && Some(i) == title_idx.and_then(next_nonblank)
            && f.units >= 6
            && z > -4.0
        {
            label(Kind::Standfirst, "summary line right under the title")
        } else if inside {
            if f.ends_sentence && f.units >= 6 {
                label(
                    Kind::Caption,
                    format!(
                        "sentence between paragraphs but not article-like ({})",
                        why_model()
                    ),
                )
            } else {
                label(
                    Kind::Promo,
                    format!("inserted between paragraphs ({})", why_model()),
                )
            }
        } else if !seen_art {
            label(
                Kind::Navigation,
                format!("before the article ({})", why_model()),
            )
        } else if is_headline_shaped(f) {
            label(
                Kind::Related,
                format!("headline-shaped line after the article ({})", why_model()),
            )
        } else {
            label(
                Kind::Navigation,
                format!("after the article ({})", why_model()),
            )
        };
        out.push(l);
    }
    out
}
