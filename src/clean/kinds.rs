//! Naming every line once the article lines are decided: `body` or `heading` for article text,
//! and for the rest the boilerplate kind a reader would give it (chrome phrase, the list a
//! marker opened, dateline, byline, caption, title, navigation before the article, related
//! headlines after it).
//!
//! Promises: one label per input line, blank lines `blank`; a line is `body` or `heading` only
//! if the decisions said article text; every label has a non-empty reason.

use super::features::Features;
use super::{Label, Measured, Scored};
use crate::model::{Kind, Line, ModelEvidence, Reason, Verdict};

/// The longest line (in words) read as a deck (standfirst): a longer line under the title is
/// the article's first paragraph.
pub const MAX_DECK_WORDS: usize = 50;

fn label(kind: Kind, reason: impl Into<Reason>) -> Label {
    Label {
        kind,
        reason: reason.into(),
    }
}

/// The evidence behind a model decision on a line with features `f` scored as `s`, for the
/// line's reason ("score +2.3: 24 words, 41% function words, sentence end, among prose
/// lines"); its verdict is [`Verdict::ArticleText`] until the line is named.
pub fn model_evidence(f: &Features, s: &Scored) -> ModelEvidence {
    let mut flags = s.context;
    let mut set = |on: bool, flag: u8| {
        if on {
            flags |= flag;
        }
    };
    set(f.words > 0, ModelEvidence::HAS_WORDS);
    set(f.ends_sentence(), ModelEvidence::ENDS_SENTENCE);
    set(f.has_separator(), ModelEvidence::SEPARATORS);
    ModelEvidence {
        verdict: Verdict::ArticleText,
        score: s.logit,
        units: f.units,
        run: s.run,
        function_pct: percent(f.stop_share),
        flags,
    }
}

/// The model's score a line's reason holds (0 unless it is the model's evidence).
pub fn score_of(reason: &Reason) -> f32 {
    match reason {
        Reason::Model(e) => e.score,
        _ => 0.0,
    }
}

/// `share` (0–1) in whole percent, rounded as `format!("{:.0}", share * 100.0)` rounds (half
/// to even).
fn percent(share: f32) -> u8 {
    (share * 100.0).round_ties_even().clamp(0.0, 255.0) as u8
}

/// A reason giving the `verdict` and the model's `evidence` (empty brackets without one).
fn why_model(verdict: Verdict, evidence: Option<ModelEvidence>) -> Reason {
    Reason::Model(ModelEvidence {
        verdict,
        ..evidence.unwrap_or(ModelEvidence {
            verdict,
            score: 0.0,
            units: 0,
            run: 0,
            function_pct: 0,
            flags: ModelEvidence::NONE,
        })
    })
}

/// True for a short line that reads like a byline ("By Jane Doe").
pub fn is_byline(f: &Features) -> bool {
    f.byline_start() && f.words <= 12 && !f.ends_sentence()
}

/// True for a line shaped like a headline (3–30 words, no sentence end except `?`).
pub fn is_headline_shaped(f: &Features) -> bool {
    (3..=30).contains(&f.units) && !f.is_dateline() && (!f.ends_sentence() || f.ends_question())
}

/// True for a line shaped like a section heading: short, no sentence end, starts with a
/// capital or a digit.
fn is_heading_shaped(f: &Features, text: &str) -> bool {
    let question_heading = f.ends_question() && f.units >= 3 && f.cap_share >= 0.5;
    (1..=14).contains(&f.units)
        && (!f.ends_sentence() || question_heading)
        && !f.ends_colon()
        && !f.starts_bullet()
        && !f.has_link()
        && text
            .chars()
            .find(|c| !matches!(c, '"' | '“' | '‘' | '\'' | '(' | '['))
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// True for a line that is only a person's name ("Zaynab Z.", "Jane Doe"): 2–4 words, each
/// capitalized (initials allowed), no digits.
pub fn is_name_shaped(text: &str) -> bool {
    let mut n = 0;
    for w in text.split_whitespace() {
        n += 1;
        let mut cs = w.chars();
        if n > 4
            || !(cs.next().is_some_and(char::is_uppercase)
                && cs.all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’')))
        {
            return false;
        }
    }
    n >= 2
}

/// True for the title of an embedded link card ("The Legacy Of X : NPR", "Ties Between Two
/// Powers | Council on Foreign Relations"): Title Case, no sentence end, and a ` | ` or
/// ` : ` before the site name.
pub fn is_link_card(f: &Features, text: &str) -> bool {
    f.units >= 5
        && !f.ends_sentence()
        && f.cap_share >= 0.5
        && (text.contains(" | ") || text.contains(" : "))
}

/// True for a photo caption in news-agency style: a caption verb ("speaks", "attends") or a
/// photo credit word, and a date or credit at the end.
pub fn is_caption_like(f: &Features) -> bool {
    f.caption()
}

/// A reason quoting chrome rule `rule`'s phrase after [`crate::model::QUOTED_REASONS`]`[what]`.
fn quoted(what: u8, rule: usize) -> Reason {
    // The chrome tables hold a few hundred rules: an index always fits.
    Reason::Quoted(what, u16::try_from(rule).unwrap_or(u16::MAX))
}

/// Names every line of `lines` in place (kind and reason). `article` holds the decisions of
/// the non-blank lines, in order; a non-blank line's reason holds the model's evidence (see
/// [`super::clean_lines_with`]), kept in its new reason when that is the model's.
pub fn label_all(m: &Measured, lines: &mut [Line], article: Vec<bool>) {
    let n = lines.len();
    let feats = &m.feats;
    let blank = |i: usize| feats.blank(i);
    // The decisions by line: those of the non-blank lines as they are when no line is blank.
    let mut art = if article.len() == n && !(0..n).any(blank) {
        article
    } else {
        let mut art = vec![false; n];
        let mut k = 0;
        for (i, a) in art.iter_mut().enumerate() {
            if !blank(i) {
                *a = article.get(k).copied().unwrap_or(false);
                k += 1;
            }
        }
        art
    };
    let next_nonblank = |i: usize| (i + 1..n).find(|&j| !blank(j));
    // A short line ending with a colon introduces what follows ("jbaxt says:", "Read more:"):
    // when what follows is not article text, neither is the line.
    let lead_ins: Vec<usize> = (0..n)
        .filter(|&i| {
            let f = feats.brief(i);
            art[i] && f.flags & Features::ENDS_COLON != 0 && f.units <= 6
        })
        .filter(|&i| next_nonblank(i).is_none_or(|j| !art[j]))
        .collect();
    for i in lead_ins {
        art[i] = false;
    }
    let first_art = (0..n).find(|&i| art[i]);
    let last_art = (0..n).rev().find(|&i| art[i]);

    // A headline-shaped first article line directly followed by prose is the title, not body.
    let title_first = first_art.filter(|&fa| {
        let f = feats.get(fa);
        is_headline_shaped(&f)
            && !f.is_dateline()
            && !is_byline(&f)
            && next_nonblank(fa).is_some_and(|j| feats.units(j) >= 15)
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
            .filter(|&i| !blank(i) && m.chrome[i].is_none())
            .take(6)
            .filter(|&i| {
                let f = feats.get(i);
                is_headline_shaped(&f) && !is_byline(&f)
            })
            .collect();
        candidates
            .iter()
            .copied()
            .find(|&i| (0..fa).any(|j| j != i && lines[j].text == lines[i].text))
            .or(candidates.first().copied())
    });

    // The open list section: its kind and the index of the chrome rule that opened it.
    let mut section: Option<(Kind, usize)> = None;
    let mut seen_art = false;
    // The previous non-blank line was a metadata label ending with ':' ("Country:").
    let mut meta_key = false;
    for i in 0..n {
        let l = name(
            i,
            lines,
            m,
            &mut art,
            &mut State {
                section: &mut section,
                seen_art: &mut seen_art,
                meta_key: &mut meta_key,
            },
            Spans {
                first_art,
                last_art,
                title_idx,
            },
        );
        let line = &mut lines[i];
        line.kind = l.kind;
        line.reason = l.reason;
    }
}

/// What naming a line reads and changes of the lines named before it.
struct State<'s> {
    /// The open list section: its kind and the index of the chrome rule that opened it.
    section: &'s mut Option<(Kind, usize)>,
    /// An article line was named.
    seen_art: &'s mut bool,
    /// The previous non-blank line was a metadata label ending with ':' ("Country:").
    meta_key: &'s mut bool,
}

/// Where the article and the title are (line indices).
#[derive(Clone, Copy)]
struct Spans {
    first_art: Option<usize>,
    last_art: Option<usize>,
    title_idx: Option<usize>,
}

/// The label of line `i` (the lines before it are named, the lines after it not yet: their
/// reasons still hold the model's evidence).
fn name(
    i: usize,
    lines: &[Line],
    m: &Measured,
    art: &mut [bool],
    st: &mut State,
    sp: Spans,
) -> Label {
    let n = lines.len();
    let feats = &m.feats;
    let blank = |i: usize| feats.blank(i);
    let next_nonblank = |i: usize| (i + 1..n).find(|&j| !blank(j));
    let Spans {
        first_art,
        last_art,
        title_idx,
    } = sp;
    let text = &lines[i].text;
    if blank(i) {
        return label(Kind::Blank, "empty line");
    }
    let f = &feats.get(i);
    let evidence = match &lines[i].reason {
        Reason::Model(e) => Some(*e),
        _ => None,
    };
    let z = evidence.map_or(0.0, |e| e.score);
    // Known chrome phrases and lines without a word are never article text.
    if art[i] && (m.chrome[i].is_some() || f.units == 0) {
        art[i] = false;
    }
    // Once the article has been read, a comments header opens the comments: prose after it
    // is readers' comments, not article text.
    if let Some((Kind::Comments, phrase)) = st.section.filter(|_| *st.seen_art) {
        if m.chrome[i].is_none() {
            return label(Kind::Comments, quoted(0, phrase));
        }
    }
    if art[i] {
        *st.section = None;
        let next_art = next_nonblank(i).is_some_and(|j| art[j] && feats.units(j) >= 8);
        let l = if f.is_dateline() {
            label(Kind::Date, "only date and time words")
        } else if !*st.seen_art && is_byline(f) {
            label(Kind::Byline, "starts like a byline ('By …')")
        } else if is_link_card(f, text) {
            label(
                Kind::Promo,
                "link card: Title Case with ' | ' or ' : ' before a site name",
            )
        } else if is_caption_like(f) && f.units < 40 {
            label(
                Kind::Caption,
                "photo caption wording (caption verb, date or credit)",
            )
        } else if *st.seen_art && next_art && is_heading_shaped(f, text) {
            label(
                Kind::Heading,
                "short line without sentence end between article paragraphs",
            )
        } else if !*st.seen_art
            && Some(i) == title_idx.and_then(next_nonblank)
            && !f.ends_sentence()
            && f.units as usize <= MAX_DECK_WORDS
        {
            label(Kind::Standfirst, "summary line right under the title")
        } else {
            label(Kind::Body, why_model(Verdict::ArticleText, evidence))
        };
        if l.kind.is_article() {
            *st.seen_art = true;
        }
        return l;
    }
    let inside = first_art.is_some_and(|a| a < i) && last_art.is_some_and(|b| i < b);
    let after_key = std::mem::replace(st.meta_key, false);
    let seen_art = *st.seen_art;
    if let Some(rule) = m.chrome[i].get() {
        *st.meta_key = rule.kind == Kind::Metadata && f.ends_colon();
        *st.section = if rule.marker {
            Some((rule.kind, rule.index))
        } else {
            None
        };
        label(rule.kind, quoted(1, rule.index))
    } else if Some(i) == title_idx || title_idx.is_some_and(|t| lines[t].text == *text) {
        label(Kind::Title, "headline-shaped line just before the article")
    } else if after_key && f.units <= 6 {
        label(Kind::Metadata, "value of the metadata label above")
    } else if let Some((kind, phrase)) = *st.section {
        label(kind, quoted(2, phrase))
    } else if f.is_dateline() {
        label(Kind::Date, "only date and time words")
    } else if is_byline(f) {
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
        && (6..=MAX_DECK_WORDS).contains(&(f.units as usize))
        && z > -4.0
    {
        label(Kind::Standfirst, "summary line right under the title")
    } else if inside {
        if f.ends_sentence() && f.units >= 6 {
            label(Kind::Caption, why_model(Verdict::SentenceBetween, evidence))
        } else {
            label(Kind::Promo, why_model(Verdict::InsertedBetween, evidence))
        }
    } else if !seen_art {
        label(
            Kind::Navigation,
            why_model(Verdict::BeforeArticle, evidence),
        )
    } else if is_headline_shaped(f) {
        label(Kind::Related, why_model(Verdict::HeadlineAfter, evidence))
    } else {
        label(Kind::Navigation, why_model(Verdict::AfterArticle, evidence))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_rounds_like_the_formatter() {
        for words in 1..=600u32 {
            for hits in 0..=words {
                let share = hits as f32 / words as f32;
                assert_eq!(
                    percent(share).to_string(),
                    format!("{:.0}", share * 100.0),
                    "{hits}/{words}"
                );
            }
        }
    }

    #[test]
    fn reasons_stay_small() {
        assert!(std::mem::size_of::<Reason>() <= 16);
    }
}
