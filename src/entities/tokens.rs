//! Word tokens of one line, with byte offsets and the punctuation around them.
//!
//! A token is a whitespace-separated word with leading/trailing punctuation stripped; a trailing
//! `.` is kept on abbreviations ("U.S.", "Jr.", "Dr."), a possessive `'s`/`’s` is removed and
//! flagged. Offsets are byte offsets into the line, always at char boundaries.

/// One word of a line.
#[derive(Debug, Clone, PartialEq)]
pub struct Tok<'a> {
    /// The word, punctuation and possessive stripped.
    pub text: &'a str,
    /// Byte offset of `text` in the line.
    pub start: usize,
    /// Byte offset just past `text` (the possessive, if any, comes after).
    pub end: usize,
    /// Punctuation before the word opens a new phrase (opening quote or bracket, dash).
    pub break_before: bool,
    /// Punctuation after the word (or a possessive) closes the phrase: `, ; : . ! ? ) ”`.
    pub break_after: bool,
    /// The word was followed by `'s` / `’s` / a bare `'` after `s`.
    pub possessive: bool,
    /// The word opens a sentence (first of the line, or after `.`, `!`, `?`, `:`).
    pub sentence_start: bool,
    /// The word sits inside a quotation ("…") opened earlier on the line.
    pub quoted: bool,
}

impl Tok<'_> {
    /// True if the word starts with an upper-case letter.
    pub fn is_cap(&self) -> bool {
        match self.text.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            Some(_) => self.text.chars().next().is_some_and(char::is_uppercase),
            None => false,
        }
    }

    /// True if every letter is upper case and there are at least two letters ("XI", "NASA").
    pub fn is_all_caps(&self) -> bool {
        let mut letters = 0;
        for c in self.text.chars() {
            if c.is_alphabetic() {
                if !c.is_uppercase() {
                    return false;
                }
                letters += 1;
            }
        }
        letters >= 2
    }
}

const ABBREV: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gov", "Sen", "Rep", "Lt", "Col", "Gen", "Capt",
    "Sgt", "Prof", "Rev", "Maj", "Adm", "Cmdr", "Det", "Inc", "Corp", "Co", "Ltd", "Ave", "Blvd",
    "Rd", "Mt", "Ft", "No", "vs", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla",
    "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont",
    "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
];

/// True if `w` (without its final `.`) is an abbreviation that keeps its period: a listed one,
/// a single capital letter ("W"), or a dotted form ("U.S", "D.C").
pub fn is_abbrev(w: &str) -> bool {
    if ABBREV.contains(&w) {
        return true;
    }
    let mut chars = w.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_uppercase(),
        _ => w.contains('.') && w.chars().all(|c| c == '.' || c.is_alphabetic()),
    }
}

/// Lowercase second halves of hyphenated words that end the name before them.
const HYPHEN_SUFFIXES: &[&str] = &[
    "based",
    "controlled",
    "led",
    "owned",
    "backed",
    "style",
    "born",
    "made",
    "run",
    "funded",
    "linked",
    "affiliated",
    "allied",
    "era",
    "area",
    "bound",
    "headquartered",
    "listed",
    "registered",
    "supported",
    "sponsored",
    "dominated",
    "friendly",
    "focused",
    "centric",
    "related",
    "specific",
    "wide",
    "like",
];

fn is_separator(c: char) -> bool {
    matches!(c, '—' | '–' | '_' | '|' | '•')
}

fn is_open_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '‘' | '\'' | '(' | '[' | '{' | '«' | '<' | '《' | '*' | '¿' | '¡' | '#'
    )
}

fn is_close_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '”'
            | '’'
            | '\''
            | ')'
            | ']'
            | '}'
            | '»'
            | '>'
            | '》'
            | ','
            | ';'
            | ':'
            | '.'
            | '!'
            | '?'
            | '…'
            | '*'
    )
}

/// The char starting at byte `i` of `s` (a char boundary), without decoding ASCII; `'\0'` past
/// the end.
#[inline(always)]
pub(crate) fn char_at(s: &str, i: usize) -> char {
    match s.as_bytes().get(i) {
        Some(&b) if b < 0x80 => b as char,
        _ => char_at_slow(s, i),
    }
}

/// [`char_at`] for a non-ASCII char (kept out of line: the ASCII test is what loops inline).
#[inline(never)]
fn char_at_slow(s: &str, i: usize) -> char {
    s.get(i..).and_then(|r| r.chars().next()).unwrap_or('\0')
}

/// Calls `f` with each maximal run of chars of `text` for which `in_run` holds, in order (what
/// `text.split(|c| !in_run(c))` yields without its empty pieces), decoding only non-ASCII
/// chars.
pub(crate) fn for_each_run(text: &str, in_run: impl Fn(char) -> bool, mut f: impl FnMut(&str)) {
    let b = text.as_bytes();
    // Start of the current run, or `usize::MAX` outside one.
    let mut start = usize::MAX;
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        let (c, n) = if x < 0x80 {
            (x as char, 1)
        } else {
            let c = char_at_slow(text, i);
            (c, c.len_utf8())
        };
        if in_run(c) {
            if start == usize::MAX {
                start = i;
            }
        } else if start != usize::MAX {
            f(text.get(start..i).unwrap_or(""));
            start = usize::MAX;
        }
        i += n;
    }
    if start != usize::MAX {
        f(text.get(start..).unwrap_or(""));
    }
}

/// The char ending at byte `i` of `s` (a char boundary after at least one char).
#[inline]
pub(crate) fn char_before(s: &str, i: usize) -> char {
    match s.as_bytes()[i - 1] {
        b if b < 0x80 => b as char,
        _ => s[..i].chars().next_back().unwrap_or('\0'),
    }
}

/// How `c` splits words: 0 inside a word, 1 whitespace, 2 a separator ([`is_separator`]).
#[inline]
fn delimiter(c: char) -> u8 {
    if c.is_ascii() {
        return match c {
            ' ' | '\t'..='\r' => 1,
            '_' | '|' => 2,
            _ => 0,
        };
    }
    if c.is_whitespace() {
        1
    } else if is_separator(c) {
        2
    } else {
        0
    }
}

/// [`delimiter`] of the char at byte `i` of `s` (a char boundary inside it), and the char's
/// length; ASCII without decoding.
#[inline(always)]
fn delimiter_at(s: &str, i: usize) -> (u8, usize) {
    match s.as_bytes().get(i) {
        Some(&b) if b < 0x80 => (
            match b {
                b' ' | b'\t'..=b'\r' => 1,
                b'_' | b'|' => 2,
                _ => 0,
            },
            1,
        ),
        _ => {
            let c = char_at_slow(s, i);
            (delimiter(c), c.len_utf8())
        }
    }
}

/// Splits a line into tokens. Never panics; empty or punctuation-only words are skipped.
pub fn tokenize(line: &str) -> Vec<Tok<'_>> {
    // About one token per 6 bytes of prose: one allocation for most lines.
    let mut out: Vec<Tok<'_>> = Vec::with_capacity(line.len() / 6 + 1);
    for_each_token(line, &mut |t| out.push(t));
    out
}

/// Calls `f` with each token of `line` in order: exactly the tokens [`tokenize`] returns,
/// without holding them (one token is held back until the next word is read, which may still
/// change it). Never panics.
pub fn for_each_token<'a>(line: &'a str, f: &mut dyn FnMut(Tok<'a>)) {
    // The last token made, not yet passed to `f`.
    let mut pending: Option<Tok<'a>> = None;
    let mut next_starts_sentence = true;
    let mut in_quote = false;
    // Em/en dashes and underscores separate words like spaces do, and also break phrases: a
    // separator seen since the last word.
    let mut separator_seen = false;
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let (d, n) = delimiter_at(line, i);
        if d != 0 {
            separator_seen |= d == 2;
            i += n;
            continue;
        }
        let wstart = i;
        while i < bytes.len() {
            let (d, n) = delimiter_at(line, i);
            if d != 0 {
                break;
            }
            i += n;
        }
        let word = &line[wstart..i];
        let gap_breaks = std::mem::take(&mut separator_seen);
        if gap_breaks {
            if let Some(last) = pending.as_mut() {
                last.break_after = true;
            }
        }
        // "D-Minn.", "R-Texas": a party letter before a state.
        let (word, wstart) = match word.as_bytes() {
            [b'D' | b'R' | b'I', b'-', c, ..] if c.is_ascii_uppercase() => (&word[2..], wstart + 2),
            [b'(', b'D' | b'R' | b'I', b'-', c, ..] if c.is_ascii_uppercase() => {
                (&word[3..], wstart + 3)
            }
            _ => (word, wstart),
        };
        let mut lead = 0;
        let mut opens_quote = false;
        while lead < word.len() {
            let c = char_at(word, lead);
            if !is_open_punct(c) {
                break;
            }
            opens_quote |= matches!(c, '"' | '“' | '‘' | '\'');
            lead += c.len_utf8();
        }
        let mut core = &word[lead..];
        let mut trail = core.len();
        while trail > 0 {
            let c = char_before(core, trail);
            if !is_close_punct(c) {
                break;
            }
            trail -= c.len_utf8();
        }
        let mut trail_s = "";
        if trail < core.len() {
            trail_s = &core[trail..];
            core = &core[..trail];
            // Keep the period of an abbreviation.
            if trail_s.as_bytes().first() == Some(&b'.') && is_abbrev(core) {
                core = &word[lead..lead + core.len() + 1];
                trail_s = &trail_s[1..];
            }
        }
        // "Minneapolis-based", "Party-controlled": the name ends before the hyphen.
        let mut hyphen_break = false;
        // (A byte search: '-' is ASCII, and `str::rfind` of a char is a slow searcher in wasm.)
        if let Some(h) = core.bytes().rposition(|b| b == b'-') {
            if core[..h].chars().next().is_some_and(char::is_uppercase)
                && HYPHEN_SUFFIXES.contains(&&core[h + 1..])
            {
                core = &core[..h];
                hyphen_break = true;
            }
        }
        // A possessive "'s" / "’s" (either case of s) after at least one char.
        let mut possessive = false;
        let cb = core.as_bytes();
        let n = cb.len();
        if n > 2 && matches!(cb[n - 1], b's' | b'S') {
            if cb[n - 2] == b'\'' {
                core = &core[..n - 2];
                possessive = true;
            } else if n > 4 && &cb[n - 4..n - 1] == "’".as_bytes() {
                core = &core[..n - 4];
                possessive = true;
            }
        }
        let tb = trail_s.as_bytes();
        if !possessive
            && (tb.first() == Some(&b'\'') || tb.starts_with("’".as_bytes()))
            && core.as_bytes().last() == Some(&b's')
        {
            // "Jones' car": a bare apostrophe after s.
            possessive = trail_s.len() <= 3 && !in_quote;
        }
        // What the trailing punctuation holds: a closing quote (a double one?), a sentence end.
        let (mut closes_quote, mut closes_double, mut ends_sentence) = (false, false, false);
        for (k, &b) in tb.iter().enumerate() {
            match b {
                b'.' | b'!' | b'?' | b':' => ends_sentence = true,
                b'"' => (closes_quote, closes_double) = (true, true),
                b'\'' => closes_quote = true,
                // ” (E2 80 9D) and ’ (E2 80 99).
                0xE2 if tb.get(k + 1) == Some(&0x80) => match tb.get(k + 2) {
                    Some(0x9D) => (closes_quote, closes_double) = (true, true),
                    Some(0x99) => closes_quote = true,
                    _ => {}
                },
                _ => {}
            }
        }
        let has_letter_or_digit = core.bytes().any(|b| b.is_ascii_alphanumeric())
            || (!core.is_ascii() && core.chars().any(char::is_alphanumeric));
        if opens_quote {
            in_quote = true;
        }
        if has_letter_or_digit {
            let start = wstart + lead;
            if let Some(mut last) = pending.take() {
                possessive_before(line, &mut last, core);
                f(last);
            }
            pending = Some(Tok {
                text: core,
                start,
                end: start + core.len(),
                break_before: lead > 0 || gap_breaks,
                break_after: !trail_s.is_empty() || possessive || hyphen_break,
                possessive,
                sentence_start: next_starts_sentence,
                quoted: in_quote,
            });
        }
        if closes_quote && (!opens_quote || closes_double) {
            in_quote = false;
        }
        next_starts_sentence = if has_letter_or_digit {
            ends_sentence
        } else {
            next_starts_sentence || ends_sentence
        };
    }
    if let Some(last) = pending {
        f(last);
    }
}

/// "Lowe's was also lower": a possessive `t` followed by a function word (`next`, the text of
/// the token after it) is part of the name: `t` takes its "'s" back.
fn possessive_before<'a>(line: &'a str, t: &mut Tok<'a>, next: &str) {
    if !t.possessive
        || !matches!(
            next,
            "was" | "is" | "has" | "had" | "said" | "says" | "will" | "would" | "and" | "also"
        )
    {
        return;
    }
    let end = line[t.end..]
        .char_indices()
        .nth(2)
        .map_or(line.len(), |(i, _)| t.end + i);
    if line.is_char_boundary(end) && line[t.start..end].ends_with(['s', 'S']) {
        t.text = &line[t.start..end];
        t.end = end;
        t.possessive = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_punctuation_and_possessives() {
        let line = "“We agree,” Xi’s aide said in the U.S. on Tuesday. Mr. Smith—no.";
        let t = tokenize(line);
        let words: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            [
                "We", "agree", "Xi", "aide", "said", "in", "the", "U.S.", "on", "Tuesday", "Mr.",
                "Smith", "no"
            ]
        );
        assert!(t[0].break_before && t[0].sentence_start && t[0].quoted);
        assert!(t[2].possessive && t[2].break_after && !t[2].quoted);
        assert!(t[10].sentence_start);
        for tok in &t {
            assert_eq!(&line[tok.start..tok.end], tok.text);
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in ["", "’", "''s", "“”", "— — —", "\u{0}x", "a’s’s’", "é’s"] {
            let _ = tokenize(s);
        }
    }
}
