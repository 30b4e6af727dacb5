//! Finding name candidates in one line: capitalized word sequences, split and peeled into
//! pieces (a name, its title or role, a demonym), each with the evidence for its type.
//!
//! Promises: every piece's `start..end` is a char-boundary byte range of the line holding the
//! name as written; nothing here looks beyond the line except the document's lowercase
//! vocabulary (to tell a sentence-initial common word from a name).

use super::gazetteer::Gazetteer;
use super::tokens::Tok;
use super::EntityType;
use crate::fasthash::FastSet;

/// How sure the type of a piece is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    /// Shape only (an unknown capitalized sequence).
    Weak,
    /// A given name or name-shaped sequence.
    Medium,
    /// Gazetteer, title, role noun or cue word.
    Strong,
}

/// One name candidate found in a line.
#[derive(Debug, Clone)]
pub struct Piece {
    /// Byte range of the name in the line.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// The name as written, its words joined by single spaces.
    pub name: Box<str>,
    /// How many words `name` has.
    pub n_words: u32,
    /// The type the evidence points to; `None` when nothing does.
    pub kind: Option<EntityType>,
    /// How sure `kind` is.
    pub evidence: Evidence,
    /// Gazetteer group key, for known places and organizations.
    pub key: Option<&'static str>,
    /// The role written before the name, when one was (few pieces have one: one pointer here).
    pub role: Option<Box<Role>>,
    /// The piece is a demonym ("Russian"): a mention of `key`, never a name.
    pub demonym: bool,
    /// The piece's line reads as a heading (set by [`super::extract`]; false here).
    pub restricted: bool,
}

/// The title or role written before a name.
#[derive(Debug, Clone)]
pub struct Role {
    /// Title or role words written before the name ("Chinese President", "Kremlin aide").
    pub role: Box<str>,
    /// The name with its title, as written ("President Trump"), when a title preceded it.
    pub titled: Option<Box<str>>,
}

impl Piece {
    /// The name as written, words joined by single spaces.
    pub fn text(&self) -> &str {
        &self.name
    }
}

/// The most words a name candidate may have.
const MAX_SPAN: usize = 14;
/// The most words of a gazetteer name.
const MAX_KNOWN: usize = 6;
const CONNECTORS: &[&str] = &["of", "for", "on", "the", "and", "&", "de", "of the"];
const PARTICLES: &[&str] = &[
    "van", "von", "de", "da", "di", "del", "der", "den", "du", "la", "le", "al", "bin", "ibn",
    "el", "dos", "das", "ter",
];
const MONTHS_DAYS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Sep.",
    "Oct.",
    "Nov.",
    "Dec.",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
/// Nouns after a demonym that make it name a place ("the Eurasian space", "Russian territory").
const GEO_NOUNS: &[&str] = &[
    "space",
    "region",
    "territory",
    "soil",
    "coast",
    "waters",
    "continent",
    "mainland",
];
/// Words that open a sentence or heading and are never names on their own.
const NEVER_NAMES: &[&str] = &[
    "I", "I'm", "I’m", "I'd", "I’d", "I'll", "I’ll", "I've", "I’ve", "OK", "TV", "CEO", "AM", "PM",
    "A.M.", "P.M.", "AI", "GDP", "COVID-19", "COVID", "Covid", "Covid-19", "Mr.", "Mrs.", "Ms.",
    "Dr.",
];

/// Context shared by every line of one document.
pub struct DocContext<'g> {
    /// The gazetteers.
    pub gaz: &'g Gazetteer,
    /// Every word seen in lower case somewhere in the document that lowercasing leaves as
    /// it is (slices of the text)...
    pub lower_words: FastSet<&'g str>,
    /// ... and the lowercase forms of the other ones ("iPhone" -> "iphone").
    pub lower_owned: FastSet<String>,
    /// Every word seen capitalized somewhere other than at a sentence start.
    pub mid_caps: FastSet<&'g str>,
}

impl DocContext<'_> {
    /// True if `w` is a common word: a stopword, or written in lower case elsewhere in the text.
    pub fn is_common(&self, w: &str) -> bool {
        crate::lower::with_lower(w, |lw| self.is_common_lower(lw))
    }

    /// [`Self::is_common`] of a word already lowercase.
    fn is_common_lower(&self, lw: &str) -> bool {
        crate::lexicon::is_stopword(lw)
            || self.lower_words.contains(lw)
            || (!self.lower_owned.is_empty() && self.lower_owned.contains(lw))
    }

    /// True if `w` is a common word at a sentence start: [`Self::is_common`], or a frequent
    /// English word that the text never capitalizes mid-sentence.
    pub fn is_initial_common(&self, w: &str) -> bool {
        crate::lower::with_lower(w, |lw| {
            self.is_common_lower(lw) || (self.gaz.common.contains(lw) && !self.mid_caps.contains(w))
        })
    }

    /// True if `w` cannot be part of a name known only by its shape: common in this text or a
    /// frequent English word, and not a given name.
    pub fn is_plain_word(&self, w: &str) -> bool {
        !self.gaz.given.contains(w)
            && crate::lower::with_lower(w, |lw| {
                self.is_common_lower(lw) || self.gaz.common.contains(lw)
            })
    }
}

/// True for a word that can be part of a name: capitalized, an @handle, or an ordinal before a
/// street ("17th").
pub fn is_name_word(t: &Tok) -> bool {
    let b = t.text.as_bytes();
    let handle = b.first() == Some(&b'@');
    (t.is_cap() || handle)
        && !b.first().is_some_and(u8::is_ascii_digit)
        && !b.iter().any(|c| matches!(c, b'/' | b'@' | b'=' | b'+')) | handle
}

fn is_ordinal(w: &str) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&w[digits..], "st" | "nd" | "rd" | "th")
}

/// How many tokens before a span's first token finding its pieces may read: a role phrase of
/// up to four words before the name ([`role_before`]).
pub const READS_BEFORE: usize = 4;

/// How many tokens from a span's first token on finding it and its pieces may read: its
/// [`MAX_SPAN`] words at most, the last of them looking up to five further (a comma list of an
/// organization's name closed by "and", "Ministry of Trade, Industry and Energy").
pub const READS_FROM: usize = MAX_SPAN + 5;

/// Calls `emit` with the pieces of the spans of one line that start at tokens `from..to` of
/// `toks`, in the order found, and returns the token where the next span may start (`to` or
/// later: the last span may end after `to`). Scanning a line's tokens from 0 to their end
/// finds all its pieces; [`place_before_state`] is then applied to each two in a row.
///
/// `toks` may be a run of the line's tokens rather than all of them (`line` is always the whole
/// line: pieces hold byte offsets in it): the same pieces come out when the run holds the
/// [`READS_BEFORE`] tokens before `from` (or starts the line) and the [`READS_FROM`] tokens
/// from `to - 1` on (or ends the line), and `from` is where the scan of the tokens before it
/// stopped (0 at the line's start). So a long line can be read a window of tokens at a time.
pub fn scan(
    line: &str,
    toks: &[Tok],
    from: usize,
    to: usize,
    cx: &DocContext,
    emit: &mut dyn FnMut(Piece),
) -> usize {
    let g = cx.gaz;
    let mut i = from;
    while i < to.min(toks.len()) {
        // (Most words start with no digit: no call for them.)
        let ordinal_street = toks[i]
            .text
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_digit)
            && is_ordinal(toks[i].text)
            && toks
                .get(i + 1)
                .is_some_and(|n| g.place_last.contains(n.text) && !toks[i].break_after);
        if !is_name_word(&toks[i]) && !ordinal_street {
            i += 1;
            continue;
        }
        // Grow a span of capitalized words, allowing connectors and name particles between them.
        let mut j = i + 1;
        let mut last_cap = i;
        // Names are short: a span stops after MAX_SPAN words (keeps odd input linear).
        while j < toks.len() && j - i < MAX_SPAN {
            let prev = &toks[j - 1];
            let t = &toks[j];
            // "Sheriff’s Department", "People’s Liberation Army": a possessive inside an
            // organization name, when an organization word follows within three words.
            let poss_org = prev.possessive
                && !g.org_last.contains(prev.text)
                && is_name_word(t)
                && g.place(prev.text).is_none()
                && !g.given.contains(prev.text)
                && !t.break_before
                && toks[j..]
                    .iter()
                    .take(3)
                    .take_while(|x| is_name_word(x))
                    .any(|x| g.org_last.contains(x.text));
            // "Ministry of Trade, Industry and Energy": a comma list closed by "and" inside an
            // "Organization of …" name.
            let comma_list = prev.break_after
                && line[prev.end..t.start].trim() == ","
                && is_name_word(t)
                && g.org_first.contains(toks[i].text)
                && toks[i..j]
                    .iter()
                    .any(|x| matches!(x.text, "of" | "on" | "for"))
                && toks[j..]
                    .iter()
                    .take(6)
                    .take_while(|x| is_name_word(x) || matches!(x.text, "and" | "&"))
                    .any(|x| matches!(x.text, "and" | "&"));
            if (prev.break_after && !poss_org && !comma_list) || t.break_before {
                break;
            }
            if is_name_word(t) {
                last_cap = j;
                j += 1;
                continue;
            }
            let connector = CONNECTORS.contains(&t.text) || PARTICLES.contains(&t.text);
            if connector && j + 1 < toks.len() && !t.break_after {
                j += 1;
                continue;
            }
            break;
        }
        let span: Vec<usize> = (i..=last_cap).collect();
        analyze_span(line, toks, &span, cx, emit);
        i = last_cap + 1;
    }
    i
}

/// "Gladstone, NJ", "Greenbelt, Maryland": a name `a` right before ", State" (`b`, the next
/// piece of the same line) is a place.
pub fn place_before_state(line: &str, a: &mut Piece, b: &Piece, g: &Gazetteer) {
    let state = b.kind == Some(EntityType::Place)
        && !b.demonym
        && b.key
            .is_some_and(|key| g.postal.values().any(|v| *v == key) || key == "United States");
    // Spans can overlap (a peeled span inside a longer one): then nothing lies between them.
    let between = line.get(a.end..b.start).unwrap_or("");
    let a_weak = a.evidence < Evidence::Strong || a.kind.is_none();
    if state && between.trim() == "," && a_weak && a.kind != Some(EntityType::Organization) {
        a.kind = Some(EntityType::Place);
        a.evidence = Evidence::Strong;
    }
}

/// Splits a span at connectors unless the words before the connector are an organization or
/// place head ("University of …", "Great Hall of …"), then peels each part.
fn analyze_span(
    line: &str,
    toks: &[Tok],
    span: &[usize],
    cx: &DocContext,
    emit: &mut dyn FnMut(Piece),
) {
    let g = cx.gaz;
    // Whole span known as written? ("Bosnia and Herzegovina", "Bank of America")
    if span.len() > 1 && known(line, toks, span, cx).is_some() {
        peel(line, toks, span, cx, emit);
        return;
    }
    let first_conn = span.iter().position(|&k| {
        !is_name_word(&toks[k]) && !PARTICLES.contains(&toks[k].text) && !is_ordinal(toks[k].text)
    });
    let Some(c) = first_conn else {
        peel(line, toks, span, cx, emit);
        return;
    };
    let head = &span[..c];
    if head.is_empty() {
        return;
    }
    let head_last = toks[head[head.len() - 1]].text;
    let head_first = toks[head[0]].text;
    let conn = toks[span[c]].text;
    let joins = match conn {
        "of" | "for" | "on" | "the" => {
            g.org_first.contains(head_first)
                || g.org_first.contains(head_last)
                || g.org_last.contains(head_last)
                || g.place_last.contains(head_last)
        }
        "&" => true,
        "and" => {
            g.org_first.contains(head_first)
                || span
                    .last()
                    .is_some_and(|&k| g.org_last.contains(toks[k].text))
        }
        _ => false,
    };
    if joins {
        peel(line, toks, span, cx, emit);
        return;
    }
    peel(line, toks, head, cx, emit);
    let rest: Vec<usize> = span[c..]
        .iter()
        .copied()
        .skip_while(|&k| !is_name_word(&toks[k]))
        .collect();
    if !rest.is_empty() {
        analyze_span(line, toks, &rest, cx, emit);
    }
}

/// The span's tokens as written, joined by single spaces (borrowed for one token).
fn join<'l>(line: &'l str, toks: &[Tok], span: &[usize]) -> std::borrow::Cow<'l, str> {
    let text = |k: usize| &line[toks[k].start..toks[k].end];
    match span {
        [k] => std::borrow::Cow::Borrowed(text(*k)),
        _ => {
            let mut out = String::new();
            for (n, &k) in span.iter().enumerate() {
                if n > 0 {
                    out.push(' ');
                }
                out.push_str(text(k));
            }
            std::borrow::Cow::Owned(out)
        }
    }
}

/// The span `s` as a person with the role phrase just before it ("Kremlin aide Yury
/// Ushakov"), or None when no role phrase precedes it.
fn person_after_role(line: &str, toks: &[Tok], s: &[usize], cx: &DocContext) -> Option<Piece> {
    let (rs, re) = role_before(toks, s[0], cx)?;
    let mut p = piece(
        line,
        toks,
        s,
        Some(EntityType::Person),
        Evidence::Strong,
        None,
    );
    p.role = Some(Box::new(Role {
        role: line[rs..re].into(),
        titled: None,
    }));
    Some(p)
}

/// Walks back from the token before `first` over a role phrase ending in a role noun
/// ("Kremlin aide", "foreign affairs adviser"); returns its byte range.
fn role_before(toks: &[Tok], first: usize, cx: &DocContext) -> Option<(usize, usize)> {
    let k = first.checked_sub(1)?;
    let t = &toks[k];
    if t.break_after || !cx.gaz.role_nouns.contains(t.text) {
        return None;
    }
    let end = t.end;
    let mut start = t.start;
    let mut m = k;
    while m > 0 && k - m < 3 {
        let p = &toks[m - 1];
        if p.break_after || crate::lower::with_lower(p.text, crate::lexicon::is_stopword) {
            break;
        }
        start = p.start;
        m -= 1;
    }
    Some((start, end))
}

/// The known place or organization made of exactly these tokens, if any.
fn known(
    line: &str,
    toks: &[Tok],
    s: &[usize],
    cx: &DocContext,
) -> Option<(EntityType, &'static str)> {
    cx.gaz.known(&join(line, toks, s))
}

/// True if the tokens look like the start of a person's name: a given name, a family name
/// written first, or a title.
fn person_head(toks: &[Tok], s: &[usize], cx: &DocContext) -> bool {
    s.first().is_some_and(|&k| {
        let w = toks[k].text;
        cx.gaz.given.contains(w) || cx.gaz.titles.contains(w) || cx.gaz.surnames.contains(w)
    })
}

/// Peels leading sentence-initial common words, titles and demonyms off a span and types what
/// is left.
fn peel(line: &str, toks: &[Tok], span: &[usize], cx: &DocContext, emit: &mut dyn FnMut(Piece)) {
    let g = cx.gaz;
    let mut s = span;
    // Sentence-initial or quote-initial common words ("The", "But", "Trade"), "Former", ordinals;
    // not when the span with them is a known name ("New York" opening a sentence).
    let known_span = known(line, toks, s, cx);
    let known_whole = known_span.is_some();
    while let Some((&k, rest)) = s.split_first().filter(|_| !known_whole) {
        let t = &toks[k];
        let initial = t.sentence_start || t.break_before;
        let drop = NEVER_NAMES.contains(&t.text)
            || matches!(t.text, "Jr." | "Sr.")
            || g.drop_first.contains(t.text)
            || (initial
                && cx.is_initial_common(t.text)
                && !g.titles.contains(t.text)
                && g.known(t.text).is_none()
                && !g.given.contains(t.text))
            || (rest.is_empty() && MONTHS_DAYS.contains(&t.text))
            || (is_ordinal(t.text)
                && !s
                    .last()
                    .is_some_and(|&l| g.place_last.contains(toks[l].text)))
            || (t.text == "The" || t.text == "A" || t.text == "An");
        if !drop {
            break;
        }
        s = rest;
    }
    // Trailing months/days ("Trump Tuesday") and connectors.
    while let Some((&k, rest)) = s.split_last() {
        let t = toks[k].text;
        if MONTHS_DAYS.contains(&t) || (!is_name_word(&toks[k])) || NEVER_NAMES.contains(&t) {
            s = rest;
        } else {
            break;
        }
    }
    if s.is_empty() {
        return;
    }
    // Nothing peeled: the span's own lookup stands.
    let known_s = if s.len() == span.len() {
        known_span
    } else {
        known(line, toks, s, cx)
    };
    let words: Vec<&str> = s.iter().map(|&k| toks[k].text).collect();
    let first = words[0];
    let last = words[words.len() - 1];
    // Events, products, works, laws: not entities ("Davis Cup", "Second Amendment").
    if g.not_last.contains(last)
        || last.ends_with("-style")
        || last.ends_with("-based") && s.len() == 1
    {
        return;
    }
    // All capitals over several words ("DEAR ABBY", "GET OUT"): only known names.
    if s.len() > 1 && s.iter().all(|&k| toks[k].is_all_caps()) && known_s.is_none() {
        let title: Vec<String> = words.iter().map(|w| title_case(w)).collect();
        let t = title.join(" ");
        if let Some(key) = g.place(&t) {
            emit(piece(
                line,
                toks,
                s,
                Some(EntityType::Place),
                Evidence::Strong,
                Some(key),
            ));
        } else if let Some(key) = g.org(&t) {
            emit(piece(
                line,
                toks,
                s,
                Some(EntityType::Organization),
                Evidence::Strong,
                Some(key),
            ));
        }
        return;
    }
    // Known place or organization as a whole.
    if let Some((kind, key)) = known_s {
        emit(piece(
            line,
            toks,
            s,
            Some(kind),
            Evidence::Strong,
            Some(key),
        ));
        return;
    }
    // A run of known names ("White House Russia", "Kentucky Democrats"), or known names before a
    // person ("Britain Liu Xiaming", "Republican Phil Bryant"): split them off.
    if s.len() > 1 {
        for cut in (1..s.len().min(MAX_KNOWN + 1)).rev() {
            if let Some((kind, key)) = known(line, toks, &s[..cut], cx) {
                let rest = &s[cut..];
                if known(line, toks, rest, cx).is_some() || person_head(toks, rest, cx) {
                    emit(piece(
                        line,
                        toks,
                        &s[..cut],
                        Some(kind),
                        Evidence::Strong,
                        Some(key),
                    ));
                    peel(line, toks, rest, cx, emit);
                    return;
                }
            }
        }
    }
    let given_first = g.given.contains(first) || g.surnames.contains(first);
    // "Frost & Sullivan", "Chapter & Verse": an ampersand joins company names, not a person's.
    if s.len() > 1 && line[toks[s[0]].start..toks[s[s.len() - 1]].end].contains('&') {
        emit(piece(
            line,
            toks,
            s,
            Some(EntityType::Organization),
            Evidence::Medium,
            None,
        ));
        return;
    }
    let org_cued = s.len() > 1
        && (g.org_last.contains(last) || g.org_first.contains(first) && has_connector(toks, s));
    if org_cued && (s.len() > 2 || !given_first || g.org_last.contains(first)) {
        emit(piece(
            line,
            toks,
            s,
            Some(EntityType::Organization),
            Evidence::Strong,
            None,
        ));
        return;
    }
    let place_cued = s.len() > 1
        && (g.place_last.contains(last) || g.place_first.contains(first))
        && !g.titles.contains(first);
    if place_cued && !(given_first && s.len() == 2) {
        emit(piece(
            line,
            toks,
            s,
            Some(EntityType::Place),
            Evidence::Strong,
            None,
        ));
        return;
    }
    if s.len() == 1 {
        // Single demonym: a mention of its place, or a place name before a geographic noun.
        if let Some(key) = g.demonym(first) {
            let next = toks.get(s[0] + 1).map(|t| t.text).unwrap_or("");
            let geo = !toks[s[0]].break_after && GEO_NOUNS.contains(&next);
            let mut p = piece(
                line,
                toks,
                s,
                Some(EntityType::Place),
                Evidence::Strong,
                Some(key),
            );
            p.demonym = !geo;
            if geo {
                p.name = key.into();
                p.n_words = count_u32(key.split_whitespace().count());
            }
            emit(p);
            return;
        }
        // "Gladstone, NJ": a postal code after a comma.
        if let Some(key) = g.postal.get(first) {
            let after_comma = s[0] > 0 && line[..toks[s[0]].start].trim_end().ends_with(',');
            if after_comma {
                emit(piece(
                    line,
                    toks,
                    s,
                    Some(EntityType::Place),
                    Evidence::Strong,
                    Some(key),
                ));
            }
            return;
        }
        if g.titles.contains(first) {
            return;
        }
        // Context: "retailer Lowe's", "Apple's shares".
        let t = &toks[s[0]];
        let before = s[0].checked_sub(1).map(|k| &toks[k]);
        let after = toks.get(s[0] + 1);
        let domain = [".com", ".org", ".net", ".io", ".co.uk", ".gov"]
            .iter()
            .any(|d| first.len() > d.len() + 1 && first.to_lowercase().ends_with(d));
        // "WikiLeaks", "YouTube": a capital inside the word (not "McLuhan", "DeSantis").
        let camel = first.char_indices().skip(1).any(|(i, c)| {
            c.is_uppercase() && i > 2 && first[..i].chars().last().is_some_and(char::is_lowercase)
        }) && !first.starts_with("Mac")
            && !first.starts_with("Mc");
        let credit = before.is_some_and(|b| {
            b.text.eq_ignore_ascii_case("credit") && line[b.end..t.start].contains(':')
        });
        let org_ctx = domain
            || camel
            || credit
            || before.is_some_and(|b| {
                !b.break_after && g.org_before.contains(b.text.to_lowercase().as_str())
            })
            || (t.possessive && after.is_some_and(|a| g.org_after.contains(a.text)));
        if org_ctx && !g.given.contains(first) {
            emit(piece(
                line,
                toks,
                s,
                Some(EntityType::Organization),
                Evidence::Medium,
                None,
            ));
            return;
        }
        if let Some(p) = person_after_role(line, toks, s, cx) {
            emit(p);
            return;
        }
        // A lone capitalized word: typed later from the rest of the document, if at all.
        emit(piece(line, toks, s, None, Evidence::Weak, None));
        return;
    }
    // Titles before a name: "Chinese President Xi Jinping", "White House Press Secretary
    // Stephanie Grisham", "Army Lt. Col. Alexander Vindman". The name is what follows the last
    // title word; what precedes the run of titles is a place or organization of its own.
    let last_title = (0..s.len() - 1)
        .rev()
        .find(|&n| g.titles.contains(words[n]));
    if let Some(lt) = last_title {
        let name = &s[lt + 1..];
        let name_ok = name.len() <= 4
            && name.iter().all(|&k| !g.titles.contains(toks[k].text))
            && name.iter().any(|&k| !cx.is_common(toks[k].text))
            && !name.iter().all(|&k| toks[k].is_all_caps());
        if name_ok {
            let mut run_start = lt;
            while run_start > 0 && (g.titles.contains(words[run_start - 1])) {
                run_start -= 1;
            }
            // Demonyms and places directly before the titles are mentions ("Chinese", "U.S.").
            let mut prefix_end = run_start;
            while prefix_end > 0 {
                let w = words[prefix_end - 1];
                if g.demonym(w).is_some() {
                    let k = s[prefix_end - 1];
                    let key = g.demonym(w);
                    let mut p = piece(
                        line,
                        toks,
                        &[k],
                        Some(EntityType::Place),
                        Evidence::Strong,
                        key,
                    );
                    p.demonym = true;
                    emit(p);
                    prefix_end -= 1;
                } else {
                    break;
                }
            }
            if prefix_end > 0 {
                peel(line, toks, &s[..prefix_end], cx, emit);
            }
            let mut p = piece(
                line,
                toks,
                name,
                Some(EntityType::Person),
                Evidence::Strong,
                None,
            );
            let role_start = toks[s[prefix_end.min(run_start)]].start;
            let role_start = if prefix_end < run_start {
                role_start
            } else {
                toks[s[0]].start.max(role_start)
            };
            let role_end = toks[s[lt]].end;
            p.role = Some(Box::new(Role {
                role: line[role_start..role_end].into(),
                titled: Some(Box::from(format!(
                    "{} {}",
                    &line[toks[s[run_start]].start..role_end],
                    p.text()
                ))),
            }));
            emit(p);
            return;
        }
    }
    if g.titles.contains(last)
        && s.iter()
            .all(|&k| g.titles.contains(toks[k].text) || g.demonym(toks[k].text).is_some())
    {
        return;
    }
    // A role noun just before: "Kremlin aide Yury Ushakov".
    if s.len() <= 4 {
        if let Some(p) = person_after_role(line, toks, s, cx) {
            emit(p);
            return;
        }
    }
    // "the journal Nature Astronomy", "retailer Home Depot", "(Image credit: All About Space)":
    // a cue word right before a name that is not a person's.
    let before = s[0].checked_sub(1).map(|k| &toks[k]);
    let org_cue_before = before.is_some_and(|b| {
        (!b.break_after && g.org_before.contains(b.text.to_lowercase().as_str()))
            || (b.text.eq_ignore_ascii_case("credit")
                && line[b.end..toks[s[0]].start].contains(':'))
    });
    if org_cue_before && !given_first && s.len() <= 4 {
        emit(piece(
            line,
            toks,
            s,
            Some(EntityType::Organization),
            Evidence::Medium,
            None,
        ));
        return;
    }
    // Name-shaped: a given name or a family name written first.
    let no_common = words
        .iter()
        .skip(1)
        .all(|w| !cx.is_common(w) || g.given.contains(w));
    if s.len() <= 4 && given_first && no_common {
        emit(piece(
            line,
            toks,
            s,
            Some(EntityType::Person),
            Evidence::Medium,
            None,
        ));
        return;
    }
    let placeish = words
        .iter()
        .any(|w| g.demonym(w).is_some() || g.known(w).is_some());
    if s.len() <= 4 && !placeish && words.iter().all(|w| !cx.is_plain_word(w)) && !toks[s[0]].quoted
    {
        emit(piece(
            line,
            toks,
            s,
            Some(EntityType::Person),
            Evidence::Weak,
            None,
        ));
        return;
    }
    // A longer or plainer unknown sequence: keep it untyped, whole.
    emit(piece(line, toks, s, None, Evidence::Weak, None));
}

fn title_case(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f
            .to_uppercase()
            .chain(c.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

fn has_connector(toks: &[Tok], s: &[usize]) -> bool {
    s.iter()
        .any(|&k| matches!(toks[k].text, "of" | "for" | "on"))
}

/// The whitespace-separated words of `text` joined by single spaces, and how many there are.
fn join_words(text: &str) -> (Box<str>, u32) {
    let mut name = String::with_capacity(text.len());
    let mut n = 0;
    for w in text.split_whitespace() {
        if n > 0 {
            name.push(' ');
        }
        name.push_str(w);
        n += 1;
    }
    (name.into_boxed_str(), count_u32(n))
}

/// `n` as a `u32`, saturating (a name has a handful of words).
fn count_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn piece(
    line: &str,
    toks: &[Tok],
    s: &[usize],
    kind: Option<EntityType>,
    evidence: Evidence,
    key: Option<&'static str>,
) -> Piece {
    let start = toks[s[0]].start;
    let end = toks[s[s.len() - 1]].end;
    let (name, n_words) = join_words(&line[start..end]);
    Piece {
        start,
        end,
        name,
        n_words,
        kind,
        evidence,
        key,
        role: None,
        demonym: false,
        restricted: false,
    }
}
