//! The headline and the deck (standfirst).
//!
//! The title is the headline-shaped line that best introduces the article: it stands before the
//! main body (close to it), its content words recur in the body, and a byline or date line
//! usually follows it within a few lines. Each candidate gets a score from these signals; the
//! best wins, and copies of the same text (a headline repeated above the article) are title
//! lines too. A date glued in front of the headline ("date 2025-01-21 Strengthening …") is not
//! part of the title text.

use super::byline;
use super::page::{content_words, ends_sentence, word_count, Page};
use crate::lexicon;
use crate::model::Kind;

/// The chosen title.
#[derive(Debug, Clone, PartialEq)]
pub struct TitleChoice {
    /// The headline text (a glued date prefix removed).
    pub text: String,
    /// 0-based indices of the lines that carry it (the first is the one chosen).
    pub lines: Vec<usize>,
    /// Why, for the line's reason.
    pub reason: String,
}

/// The chosen standfirst.
#[derive(Debug, Clone, PartialEq)]
pub struct Standfirst {
    /// Its text.
    pub text: String,
    /// 0-based line index.
    pub line: usize,
}

/// How many non-blank lines before the body a title may stand.
const MAX_LINES_BEFORE_BODY: usize = 40;

fn normalized(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Title text of line `i`: the line without a leading date (and its cue word).
fn title_text(page: &Page, i: usize) -> String {
    let text = &page.lines[i].text;
    if let Some(d) = page.dates[i].first() {
        let before = text.get(..d.start).unwrap_or("").trim();
        let cue_only = before.split_whitespace().all(|w| {
            matches!(
                w.to_lowercase().trim_matches(':'),
                "date" | "published" | "posted" | "updated" | "on"
            )
        });
        let rest = text
            .get(d.end..)
            .unwrap_or("")
            .trim_start_matches([' ', '|', '-', '–', '—', ':', '•', '·', ','])
            .trim();
        if cue_only && word_count(rest) >= 3 {
            return rest.to_string();
        }
    }
    text.clone()
}

const PHOTO_CREDITS: &str = include_str!("../../data/meta/photo_credits.txt");

fn is_credit_word(w: &str) -> bool {
    PHOTO_CREDITS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .any(|l| l.trim() == w)
}

/// True if `text` ends like a caption: a bracketed photo credit ("(AP Photo/Jane Doe)",
/// "[File: Reuters]", "(onmeth.com)") or "… Submitted photo".
pub fn ends_with_photo_credit(text: &str) -> bool {
    let t = text.trim_end();
    let lower = t.to_lowercase();
    let words_of = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    for (open, close) in [('(', ')'), ('[', ']')] {
        if lower.ends_with(close) {
            if let Some(p) = lower.rfind(open) {
                let inside = &lower[p + 1..lower.len() - 1];
                let ws = words_of(inside);
                if ws.len() <= 6
                    && (inside.contains('/')
                        || inside.contains(".com")
                        || ws.iter().any(|w| is_credit_word(w)))
                {
                    return true;
                }
            }
        }
    }
    let ws = words_of(&lower);
    ws.len() >= 2 && ws[ws.len() - 1] == "photo" && is_credit_word(&ws[ws.len() - 2])
}

fn excluded_kind(k: Kind) -> bool {
    matches!(
        k,
        Kind::Blank
            | Kind::Copyright
            | Kind::Comments
            | Kind::Notice
            | Kind::Date
            | Kind::Byline
            | Kind::Caption
            | Kind::Credit
            | Kind::Tags
    )
}

/// Score of line `i` as the title, or None if it cannot be one.
fn score(page: &Page, i: usize, text: &str) -> Option<(f32, String)> {
    let line = &page.lines[i];
    if excluded_kind(line.kind) {
        return None;
    }
    let words = word_count(text);
    let chars = text.chars().count();
    if !(1..=30).contains(&words) || !(4..=300).contains(&chars) {
        return None;
    }
    if page.date_share(i) > 0.4
        || byline::parse_line(&line.text).is_some()
        || ends_with_photo_credit(text)
    {
        return None;
    }
    let (a, b) = page.body?;
    // Position: before the main body, or its first line when that is headline-shaped.
    let gap = if i < a {
        (i + 1..a)
            .filter(|&j| !page.lines[j].text.is_empty())
            .count()
    } else if i <= b && (a..i).all(|j| !page.lines[j].kind.is_article()) {
        0
    } else {
        return None;
    };
    if gap > MAX_LINES_BEFORE_BODY {
        return None;
    }
    let mut s = 0.0f32;
    let mut why = Vec::new();
    s -= 0.06 * gap as f32;
    if line.kind.is_article() {
        // Cleaning called it article text: only a short headline-shaped line can be the title.
        if words > 20 || ends_sentence(text) {
            return None;
        }
        s -= 0.6;
    }
    if !page.dates[i].is_empty() {
        s -= 0.5;
    }
    // Content words shared with the body.
    let cw = content_words(text);
    if !cw.is_empty() {
        let hits = cw.iter().filter(|w| page.body_words.contains(*w)).count();
        let share = hits as f32 / cw.len() as f32;
        let weight = if cw.len() >= 3 { 3.0 } else { 1.5 };
        s += weight * share;
        why.push(format!("{hits}/{} words recur in the body", cw.len()));
    }
    // A byline or date just after.
    let mut k = i;
    for step in 0..4 {
        let Some(n) = page.next_nonblank(k) else {
            break;
        };
        k = n;
        let l = &page.lines[n];
        if byline::parse_line(&l.text).is_some() || page.date_share(n) > 0.4 {
            s += 1.2 - 0.2 * step as f32;
            why.push("a byline or date follows".to_string());
            break;
        }
    }
    if ends_sentence(text) && !text.ends_with('?') && !text.ends_with('!') {
        // A full sentence: a paragraph or a deck, not a headline.
        if line.kind.is_article() || words > 12 {
            return None;
        }
        s -= 1.0;
    }
    if words < 3 {
        s -= 1.0;
    } else if words <= 22 {
        s += 0.4;
    }
    if lexicon::match_chrome(&page.lower[i]).is_some() {
        s -= 2.5;
    }
    if line.kind == Kind::Title {
        s += 0.3;
    }
    let dup = page.lines.iter().enumerate().any(|(j, l)| {
        j != i && j + 12 >= i && j <= i + 12 && normalized(&l.text) == normalized(text)
    });
    if dup {
        s += 0.3;
    }
    Some((s, why.join(", ")))
}

/// Chooses the title, or None when no line is headline-shaped near the article.
pub fn choose(page: &Page) -> Option<TitleChoice> {
    let (a, _) = page.body?;
    let lo = a.saturating_sub(400);
    let mut best: Option<(f32, usize, String, String)> = None;
    for i in lo..page.lines.len().min(a + 8) {
        if page.lines[i].text.is_empty() {
            continue;
        }
        let text = title_text(page, i);
        if let Some((s, why)) = score(page, i, &text) {
            if best.as_ref().is_none_or(|b| s > b.0) {
                best = Some((s, i, text, why));
            }
        }
    }
    let (s, i, text, why) = best?;
    if s < 0.5 {
        return None;
    }
    let key = normalized(&text);
    let mut lines = vec![i];
    for j in 0..page.lines.len() {
        if j != i && j + 12 >= i && j <= i + 12 && normalized(&title_text(page, j)) == key {
            lines.push(j);
        }
    }
    Some(TitleChoice {
        text,
        lines,
        reason: format!("headline before the article (score {s:.2}: {why})"),
    })
}

/// The deck under the title: the first line after it (skipping date and byline lines) when it
/// reads as a summary set apart from the body — either cleaning kept it out of the body, or
/// non-article lines separate it from the body, or it is a headline-style sentence without a full
/// stop directly above the body.
pub fn standfirst(page: &Page, title: &TitleChoice) -> Option<Standfirst> {
    let last_title = *title.lines.iter().max()?;
    let mut i = last_title;
    let cand = loop {
        i = page.next_nonblank(i)?;
        let l = &page.lines[i];
        if title.lines.contains(&i)
            || byline::parse_line(&l.text).is_some()
            || page.date_share(i) > 0.4
        {
            continue;
        }
        break i;
    };
    let l = &page.lines[cand];
    let words = word_count(&l.text);
    if !(6..=80).contains(&words)
        || !matches!(
            l.kind,
            Kind::Body
                | Kind::Heading
                | Kind::Navigation
                | Kind::Promo
                | Kind::Standfirst
                | Kind::Title
        )
    {
        return None;
    }
    if lexicon::match_chrome(&page.lower[cand]).is_some() {
        return None;
    }
    let next = page.next_nonblank(cand);
    let next_is_article = next.is_some_and(|n| page.lines[n].kind.is_article());
    let set_apart = !l.kind.is_article() && page.body.is_some_and(|(a, _)| cand < a);
    let separated = l.kind.is_article() && next.is_some_and(|n| !page.lines[n].kind.is_article());
    // A deck without a full stop; a line ending in a bracketed credit is a caption instead.
    let deck_style = !ends_sentence(&l.text)
        && next_is_article
        && words <= 35
        && !l.text.trim_end().ends_with(')');
    (set_apart && ends_sentence(&l.text) || separated || deck_style).then(|| Standfirst {
        text: l.text.clone(),
        line: cand,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photo_credits_mark_captions() {
        for c in [
            "A long row of unsold vehicles sits at a dealership. (AP Photo/David Zalubowski)",
            "Roughly 13,000 US troops remain in Afghanistan [File: Reuters]",
            "Materials from the campaign. (onmeth.com)",
            "Ryan S. Hollman Submitted photo",
            "WikiLeaks founder Julian Assange (AFP)",
        ] {
            assert!(ends_with_photo_credit(c), "{c}");
        }
        for h in [
            "Xi and Putin Strengthen Ties in Video Call",
            "Tennis Podcast: Davis Cup Finals launch in Madrid (and feelings are mixed)",
        ] {
            assert!(!ends_with_photo_credit(h), "{h}");
        }
    }
}
