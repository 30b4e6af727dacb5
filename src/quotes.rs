//! Quotations in the article body and who said them.
//!
//! Spans between “curly” or "straight" double quotes (and ‘single’ curly quotes outside a double
//! quote) are quotes; a paragraph left open whose next paragraph reopens a quote continues the
//! same quote. Spans of fewer than three words are `term`s ("abuser", "no limits"): kept apart
//! from real quotes, but attributed the same way.
//!
//! The speaker is found in the same sentence: after the quote (", Putin said", "said Ushakov",
//! "according to X"), else before it ("X said:", "Putin referred to Xi as his “dear friend”"),
//! the person nearest to a speech verb winning over organizations and places; "he"/"she" resolve
//! to the last person named before the quote; an unattributed quote right after another one
//! (same or previous paragraph) keeps that one's speaker.
//!
//! Promises: `text` is the quote without its marks, trimmed; `speaker` is the canonical name of
//! an entity of the article or null; `line` is the input line where the quote opens; never
//! panics; linear in the text (mention lookups are bounded windows).

use crate::entities::gazetteer::WordSet;
use crate::entities::{Entities, EntityType, Mention};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

const SPEECH_VERBS: &str = data_file!("gazetteer/speech_verbs.txt");

/// Whether a quoted span is a quotation or a quoted term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Speech or writing of three words or more.
    Quote,
    /// A quoted word or two ("abuser"): a scare quote or a borrowed term.
    Term,
}

/// One quotation of the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without quotation marks.
    pub text: String,
    /// The canonical name of who said it (a person, organization or place), if found.
    pub speaker: Option<String>,
    /// The input line where the quote opens (1-based).
    pub line: usize,
    /// The words that attribute it ("Putin stated", "according to the Kremlin"), if any.
    pub attribution: Option<String>,
    /// Quote or term.
    pub kind: QuoteKind,
}

fn speech_verbs() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| {
        SPEECH_VERBS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect()
    })
}

/// A quoted span found in one line: byte range of the text inside the marks.
#[derive(Debug, Clone, Copy)]
struct Span {
    open: usize,
    inner_start: usize,
    inner_end: usize,
    close: usize,
    /// The span runs to the end of the line without a closing mark.
    open_ended: bool,
    /// The line starts with this span's opening mark.
    at_line_start: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Finds quoted spans in a line: double quotes first, then curly single quotes outside them.
fn find_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    // Every span opens with one of these (a lone ’ is an apostrophe): most lines have none.
    if !text.contains(['"', '“', '”', '‘']) {
        return spans;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut open: Option<usize> = None; // index into chars
    for (ci, &(_, c)) in chars.iter().enumerate() {
        let prev = ci.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(ci + 1).map(|x| x.1);
        let (can_open, can_close) = match c {
            '“' => (true, false),
            '”' => (false, true),
            '"' => {
                let before_ok = prev.is_none_or(|p| !is_word_char(p) || p == '(');
                let after_ok = next.is_none_or(|n| !is_word_char(n));
                (before_ok, after_ok || open.is_some())
            }
            _ => (false, false),
        };
        match open {
            None if can_open => open = Some(ci),
            Some(o) if can_close => {
                spans.push(make_span(text, &chars, o, ci));
                open = None;
            }
            Some(_) if c == '“' => open = Some(ci),
            _ => {}
        }
    }
    if let Some(o) = open {
        let start = chars[o].0 + chars[o].1.len_utf8();
        spans.push(Span {
            open: chars[o].0,
            inner_start: start,
            inner_end: text.len(),
            close: text.len(),
            open_ended: true,
            at_line_start: text[..chars[o].0].trim().is_empty(),
        });
    }
    // Curly single quotes outside double-quoted spans: ‘…’ with the closing one not followed by
    // a letter (so “don’t” is not a close).
    // The double-quoted spans are sorted and disjoint: one pointer walks them with the chars.
    let mut k = 0;
    let mut single_open: Option<usize> = None;
    let mut singles = Vec::new();
    for (ci, &(pos, c)) in chars.iter().enumerate() {
        while k < spans.len() && spans[k].close.max(spans[k].open + 1) <= pos {
            k += 1;
        }
        if spans.get(k).is_some_and(|s| s.open <= pos) {
            continue;
        }
        let prev = ci.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(ci + 1).map(|x| x.1);
        if c == '‘' && prev.is_none_or(|p| !is_word_char(p)) {
            single_open = Some(ci);
        } else if c == '’' && next.is_none_or(|n| !is_word_char(n)) {
            if let Some(o) = single_open.take() {
                singles.push(make_span(text, &chars, o, ci));
            }
        }
    }
    spans.extend(singles);
    crate::sort::by_key(&mut spans, |s| s.open);
    spans
}

fn make_span(text: &str, chars: &[(usize, char)], o: usize, c: usize) -> Span {
    let (op, oc) = chars[o];
    let (cp, cc) = chars[c];
    Span {
        open: op,
        inner_start: op + oc.len_utf8(),
        inner_end: cp,
        close: cp + cc.len_utf8(),
        open_ended: false,
        at_line_start: text[..op].trim().is_empty(),
    }
}

/// How far before and after a quote its attribution is looked for, in bytes.
const WINDOW: usize = 400;

/// The largest char boundary of `text` at or before `i`.
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Words of `text[from..to]` with their byte offsets (in `text`).
fn words(text: &str, from: usize, to: usize) -> Vec<(usize, &str)> {
    let seg = &text[from..to];
    seg.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let off = w.as_ptr() as usize - seg.as_ptr() as usize + from;
            let t = w.trim_matches(|c: char| !c.is_alphanumeric());
            let lead = w.len() - w.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
            (off + lead, t)
        })
        .filter(|(_, t)| !t.is_empty())
        .collect()
}

const PRONOUNS: &[&str] = &["he", "she", "He", "She"];

/// A speaker found for one quote.
struct Found {
    speaker: Option<usize>, // index into `names`
    attribution: Option<String>,
}

/// Looks for a speech verb in `text[from..to]` and the speaker closest to it.
fn attribute(
    text: &str,
    from: usize,
    to: usize,
    mentions: &[(usize, usize, usize)],
    last_person: Option<usize>,
    after: bool,
) -> Option<Found> {
    if from >= to {
        return None;
    }
    let verbs = speech_verbs();
    let ws = words(text, from, to);
    // After a quote the attribution comes first (", Putin said", "said Ushakov"): the first verb
    // within a few words; before a quote the last verb wins ("X said that").
    let pick: Vec<&(usize, &str)> = ws
        .iter()
        .filter(|(_, w)| crate::lower::with_lower(w, |lw| verbs.contains(lw)))
        .collect();
    let verb = if after {
        pick.first()
            .filter(|(off, _)| ws.iter().take_while(|(o, _)| o < off).count() <= 6)
    } else {
        pick.last()
    };
    // `mentions` are sorted by start: the window is a binary search away.
    let first = mentions.partition_point(|m| m.0 < from);
    let ms: Vec<&(usize, usize, usize)> = mentions[first..]
        .iter()
        .take_while(|m| m.0 < to)
        .filter(|m| m.1 <= to)
        .collect();
    let colon = !after && text[from..to].trim_end().ends_with(':');
    let (vpos, vword) = match verb {
        Some(&&(p, w)) => (p, w),
        None if colon => (to, ":"),
        None if after => {
            // “…,” Kurinji Selvaraj, a research analyst, … : a name right after the quote.
            let m = ms
                .iter()
                .find(|m| m.2 & 1 == 1 && text[from..m.0].trim_matches([',', ' ']).is_empty())?;
            return Some(Found {
                speaker: Some(m.2 >> 1),
                attribution: Some(text[m.0..m.1].to_string()),
            });
        }
        None => {
            // A partial quote inside a sentence: the sentence's subject, a person if any
            // ("Benioff introduced Cook as “someone who…”", "which Apple views as “…”").
            let m = ms.iter().find(|m| m.2 & 1 == 1).or_else(|| ms.first())?;
            return Some(Found {
                speaker: Some(m.2 >> 1),
                attribution: None,
            });
        }
    };
    let vend = if vword == ":" { to } else { vpos + vword.len() };
    let is_person = |m: &&&(usize, usize, usize)| m.2 & 1 == 1;
    // A pronoun right before the verb: "he said".
    let pron = ws
        .iter()
        .rfind(|(o, w)| *o < vpos && PRONOUNS.contains(w) && vpos - o <= 8);
    let before: Vec<&&(usize, usize, usize)> = ms.iter().filter(|m| m.1 <= vpos).collect();
    let afterv: Vec<&&(usize, usize, usize)> = ms.iter().filter(|m| m.0 >= vend).collect();
    let chosen = if vword.eq_ignore_ascii_case("according") {
        afterv.first().copied()
    } else if let Some(p) = before
        .iter()
        .rev()
        .find(|m| is_person(m))
        .filter(|m| pron.is_none_or(|(po, _)| m.1 > *po))
    {
        Some(*p)
    } else if pron.is_some() {
        None
    } else if let Some(p) = afterv.iter().find(|m| is_person(m) && m.0 - vend <= 30) {
        Some(*p)
    } else {
        before.last().copied().or_else(|| afterv.first().copied())
    };
    match chosen {
        Some(m) => {
            let (a, b) = (m.0.min(vpos), m.1.max(vend));
            let b = b.min(to).max(a);
            let attribution = if b - a <= 40 {
                text[a..b].trim().to_string()
            } else if m.0 < vpos {
                format!("{} … {}", &text[m.0..m.1], vword)
            } else {
                format!("{} … {}", vword, &text[m.0..m.1])
            };
            Some(Found {
                speaker: Some(m.2 >> 1),
                attribution: Some(attribution),
            })
        }
        None => {
            let (po, pw) = pron?;
            let attribution = text[*po..vend].trim().to_string();
            let _ = pw;
            Some(Found {
                speaker: last_person,
                attribution: Some(attribution),
            })
        }
    }
}

/// Finds the quotations of the body lines, attributing them with the article's entities;
/// `sentences` are the lines' sentence spans ([`crate::sentences::LineSentences`] of the same
/// texts).
pub fn extract(
    lines: &[(usize, &str)],
    sentences: &crate::sentences::LineSentences,
    ents: &Entities,
) -> Vec<Quote> {
    // Speakers are indexed as (list, index) packed: names[i] with a person flag.
    let mut names: Vec<(String, bool)> = Vec::new();
    let mut key_of = crate::fasthash::FastMap::default();
    for kind in [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Place,
    ] {
        for (i, e) in ents.list(kind).iter().enumerate() {
            key_of.insert((kind as u8, i), names.len());
            names.push((e.name.clone(), kind == EntityType::Person));
        }
    }
    let mut out: Vec<Quote> = Vec::new();
    let mut last_person: Option<usize> = None;
    let mut prev_quote: Option<(usize, Option<usize>)> = None; // (line index, speaker)
    let mut carry: Option<usize> = None; // index in `out` of a quote left open
    let mut mi = 0;
    for (li, &(line, text)) in lines.iter().enumerate() {
        let spans = find_spans(text);
        // Mentions of this line, outside quotes: (start, end, packed speaker id).
        while mi < ents.mentions.len() && ents.mentions[mi].line < line {
            mi += 1;
        }
        let line_mentions: Vec<&Mention> = ents.mentions[mi..]
            .iter()
            .take_while(|m| m.line == line)
            .filter(|m| !m.demonym)
            .collect();
        // Spans are sorted and disjoint: the one that may hold a mention is a binary search away.
        let in_quote = |m: &Mention| {
            let i = spans.partition_point(|s| s.inner_start <= m.start);
            i > 0 && m.end <= spans[i - 1].inner_end
        };
        let outside: Vec<(usize, usize, usize)> = line_mentions
            .iter()
            .filter(|m| !in_quote(m))
            .filter_map(|m| {
                let id = *key_of.get(&(m.kind as u8, m.index))?;
                Some((m.start, m.end, id << 1 | usize::from(names[id].1)))
            })
            .collect();
        let colon_lead = text.trim_end().ends_with(':');
        // "he said": the last speaker if a quote came just before, else the last person named.
        let recent_speaker = prev_quote
            .filter(|(pli, _)| li - pli <= 2)
            .and_then(|(_, sp)| sp)
            .filter(|&sp| names[sp].1);
        // last_person_upto[i]: the last person among outside[..i] (precomputed: linear).
        let mut last_person_upto: Vec<Option<usize>> = Vec::with_capacity(outside.len() + 1);
        last_person_upto.push(None);
        for m in &outside {
            let prev = *last_person_upto.last().unwrap_or(&None);
            last_person_upto.push(if m.2 & 1 == 1 { Some(m.2 >> 1) } else { prev });
        }
        let person_before = |pos: usize| -> Option<usize> {
            let i = outside.partition_point(|m| m.1 <= pos);
            last_person_upto[i].or(recent_speaker).or(last_person)
        };
        let sentences = sentences.of(li);
        let mut results: Vec<(Span, Found)> = Vec::new();
        for (si, s) in spans.iter().enumerate() {
            let ss = crate::sentences::containing(sentences, s.open)
                .map_or(0, |x| x.0.min(s.open))
                .max(if si > 0 { spans[si - 1].close } else { 0 })
                .min(s.open);
            let se = crate::sentences::containing(sentences, s.close.min(text.len()))
                .map_or(text.len(), |x| x.1)
                .max(s.close.min(text.len()));
            let se = spans.get(si + 1).map_or(se, |n| se.min(n.open));
            // Attribution sits near the quote: bound both windows (keeps one huge line linear).
            let ss = floor_boundary(text, ss.max(s.open.saturating_sub(WINDOW)));
            let se = floor_boundary(text, se.min(s.close + WINDOW)).max(s.close.min(text.len()));
            let lp = if si == 0 {
                recent_speaker.or_else(|| person_before(s.open))
            } else {
                person_before(s.open)
            };
            // After the quote first; a person found before it wins over a non-person after it
            // ("Putin referred to Xi as his “dear friend” and … Russia").
            let tail = attribute(text, s.close.min(text.len()), se, &outside, lp, true);
            let tail_person = tail
                .as_ref()
                .and_then(|f| f.speaker)
                .is_some_and(|sp| names[sp].1);
            let found = if tail_person {
                tail
            } else {
                let head = attribute(text, ss, s.open, &outside, lp, false);
                let head_person = head
                    .as_ref()
                    .and_then(|f| f.speaker)
                    .is_some_and(|sp| names[sp].1);
                if head_person
                    || tail.as_ref().is_none_or(|f| f.speaker.is_none()) && head.is_some()
                {
                    head
                } else {
                    tail.or(head)
                }
            };
            results.push((
                *s,
                found.unwrap_or(Found {
                    speaker: None,
                    attribution: None,
                }),
            ));
        }
        for (s, f) in results {
            let inner = text[s.inner_start..s.inner_end].trim();
            let inner = inner.trim_end_matches([',', ' ']);
            // Continuation of a quote left open in the previous paragraph.
            if s.at_line_start {
                if let Some(ci) = carry.take() {
                    let q: &mut Quote = &mut out[ci];
                    q.text.push(' ');
                    q.text.push_str(inner);
                    if q.speaker.is_none() {
                        q.speaker = f.speaker.map(|i| names[i].0.clone());
                        q.attribution = f.attribution;
                    }
                    if s.open_ended {
                        carry = Some(ci);
                    }
                    continue;
                }
            }
            carry = None;
            if inner.split_whitespace().next().is_none() {
                continue;
            }
            let mut speaker = f.speaker;
            let mut attribution = f.attribution;
            let n_words = inner.split_whitespace().count();
            if speaker.is_none() && n_words >= 3 {
                // Unattributed: the speaker of the quote just before (same or previous paragraph),
                // or the one named by a colon that closes the previous paragraph.
                if let Some((pli, psp)) = prev_quote {
                    if li - pli <= 1 {
                        speaker = psp;
                    }
                }
                if speaker.is_none() && s.at_line_start && li > 0 && colon_lead {
                    speaker = last_person;
                    attribution = None;
                }
            }
            let kind = if n_words < 3 {
                QuoteKind::Term
            } else {
                QuoteKind::Quote
            };
            out.push(Quote {
                text: inner.to_string(),
                speaker: speaker.map(|i| names[i].0.clone()),
                line,
                attribution,
                kind,
            });
            if kind == QuoteKind::Quote {
                prev_quote = Some((li, speaker));
            }
            if s.open_ended {
                carry = Some(out.len() - 1);
            }
        }
        if let Some(m) = outside.iter().rev().find(|m| m.2 & 1 == 1) {
            last_person = Some(m.2 >> 1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_spans() {
        let t = "“We stand united,” Putin said, calling Xi his ‘dear friend’ and \"a partner\".";
        let s = find_spans(t);
        let inner: Vec<&str> = s.iter().map(|s| &t[s.inner_start..s.inner_end]).collect();
        assert_eq!(inner, ["We stand united,", "dear friend", "a partner"]);
        assert!(find_spans("don’t ‘x’s").iter().all(|s| s.inner_end <= 10));
        let open = find_spans("He said: “It is open");
        assert!(open[0].open_ended);
    }

    #[test]
    fn many_quotes_on_one_line_stay_fast() {
        let line = "Putin said “we agree” and Xi said ‘fine’ to the Kremlin. ".repeat(40_000);
        let ents = crate::entities::extract(&[crate::entities::BodyLine {
            line: 1,
            text: &line,
        }]);
        let t = std::time::Instant::now();
        let s = crate::sentences::LineSentences::new([line.as_str()]);
        let q = extract(&[(1, line.as_str())], &s, &ents);
        assert!(q.len() >= 80_000);
        assert!(t.elapsed().as_secs() < 20, "took {:?}", t.elapsed());
    }

    #[test]
    fn odd_input_does_not_panic() {
        for t in ["", "“", "”", "\"", "‘’", "“”“", "a “b” c ”d“ e", "’’’‘‘‘"]
        {
            let _ = find_spans(t);
        }
    }
}
