//! The byline: which line names the authors, and the names on it.
//!
//! A byline line either starts with a cue ("By", "Written by", "Posted by", "Von", "Par", "Por",
//! "Автор:"; `data/meta/byline.tsv`), has " by " after a date ("11/19/2019 by Lars Brandle"),
//! or — right next to the title — is nothing but a person's name ("Zaynab Z.", "Anna Menin",
//! "Tanza Loudenback, Business Insider"). Names are cut where a role, an organisation, a handle,
//! a date or a separator starts ("By Meg JamesStaff Writer" → "Meg James").

use super::initials::Initials;
use super::page::Page;
use crate::fasthash::FastSet;
use std::sync::OnceLock;

const BYLINE_TSV: &str = data_file!("meta/byline.tsv");

/// A byline found on a line.
#[derive(Debug, Clone, PartialEq)]
pub struct BylineMatch {
    /// Author names as written.
    pub authors: Vec<String>,
    /// 0-based line index.
    pub line: usize,
}

struct Cues {
    cues: Vec<Vec<String>>,
    /// The first word of every cue.
    firsts: FastSet<String>,
    /// The first words' initials (a quick "may this word be one" test).
    first_initials: Initials,
    roles: FastSet<String>,
    stops: FastSet<String>,
}

fn cues() -> &'static Cues {
    static C: OnceLock<Cues> = OnceLock::new();
    C.get_or_init(|| {
        let mut c = Cues {
            cues: Vec::new(),
            firsts: FastSet::default(),
            first_initials: Initials::EMPTY,
            roles: FastSet::default(),
            stops: FastSet::default(),
        };
        for l in BYLINE_TSV
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let Some((role, phrase)) = l.split_once('\t') else {
                continue;
            };
            let phrase = phrase.trim().to_lowercase();
            match role {
                "cue" => c
                    .cues
                    .push(phrase.split_whitespace().map(str::to_string).collect()),
                "role" => {
                    c.roles.insert(phrase);
                }
                "stop" => {
                    c.stops.insert(phrase);
                }
                _ => {}
            }
        }
        for cue in &c.cues {
            // An empty cue would match anywhere: then no first word may be required.
            c.firsts.insert(cue.first().cloned().unwrap_or_default());
        }
        for f in &c.firsts {
            c.first_initials.add(f);
        }
        // Longest cues first ("written by" before "by").
        crate::sort::by_key(&mut c.cues, |w| std::cmp::Reverse(w.len()));
        c
    })
}

/// Words of a byline text: split on whitespace, and inside a word where three or more lower-case
/// letters are followed by an upper-case one ("JamesStaff" → "James", "Staff") or at '@'.
fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for w in text.split_whitespace() {
        let mut start = 0;
        let mut prev: Option<char> = None;
        // Lower-case letters since the last capital: "JamesStaff" splits, "DeArdo"/"McDonald" not.
        let mut lower_run = 0;
        for (i, c) in w.char_indices() {
            let glued =
                prev.is_some_and(|p| p.is_lowercase() && c.is_uppercase()) && lower_run >= 3;
            // "Estes11/12/19": a name glued to a date.
            let digit_after_letters = prev.is_some_and(char::is_alphabetic) && c.is_ascii_digit();
            if (glued || c == '@' || digit_after_letters) && i > start {
                out.push(&w[start..i]);
                start = i;
            }
            if c.is_uppercase() {
                lower_run = 0;
            } else if c.is_lowercase() {
                lower_run += 1;
            }
            prev = Some(c);
        }
        out.push(&w[start..]);
    }
    out
}

const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "la", "le", "al", "bin",
    "ibn", "dos", "das", "do", "y", "ter", "ten",
];

/// True if `w` can be a word of a person's name: capitalized (or all caps), letters with inner
/// `.`/`-`/`'`, or a name particle.
fn name_word(w: &str) -> bool {
    let c = cues();
    let lower = w.to_lowercase();
    if c.stops.contains(lower.trim_end_matches('.')) {
        return false;
    }
    if PARTICLES.contains(&lower.as_str()) {
        return true;
    }
    if crate::lexicon::is_stopword(&lower) {
        return false;
    }
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_uppercase()
        && w.chars().any(char::is_alphabetic)
        && w.chars()
            .all(|ch| ch.is_alphabetic() || matches!(ch, '.' | '-' | '\'' | '’'))
}

/// Reads person names from `text` (what follows a cue). Stops at the first word that cannot be
/// part of a name; splits several authors on ",", "and", "&", "und", "et", "y", "e".
fn names(text: &str, explicit_cue: bool) -> Vec<String> {
    let c = cues();
    let has_and = text.split_whitespace().any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "and" | "&" | "und" | "et" | "y" | "e" | "и"
        )
    });
    let mut out: Vec<String> = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    let flush = |cur: &mut Vec<&str>, out: &mut Vec<String>| {
        while cur
            .last()
            .is_some_and(|w| PARTICLES.contains(&w.to_lowercase().as_str()))
        {
            cur.pop();
        }
        let n = cur.len();
        let min_words = if explicit_cue { 1 } else { 2 };
        if n >= min_words && n <= 5 {
            out.push(cur.join(" "));
        }
        cur.clear();
    };
    for raw in words(text) {
        let lower = raw.to_lowercase();
        if matches!(lower.as_str(), "and" | "&" | "und" | "et" | "y" | "e" | "и") {
            flush(&mut cur, &mut out);
            continue;
        }
        let ends_comma = raw.ends_with(',');
        let w = raw.trim_end_matches([',', ';']);
        let bare = w.trim_end_matches('.').to_lowercase();
        let date_word = !cur.is_empty()
            && (super::date::is_month_name(&bare) || super::date::is_weekday_name(&bare));
        if w.starts_with('@')
            || c.roles.contains(&bare) && !cur.is_empty()
            || date_word
            || !name_word(w)
        {
            flush(&mut cur, &mut out);
            break;
        }
        // All-caps credentials after a name ("MS", "RD") end the names.
        if !cur.is_empty()
            && w.len() <= 4
            && w.chars().all(|ch| ch.is_uppercase() || ch == '.')
            && w.chars().filter(|ch| ch.is_alphabetic()).count() >= 2
            && ends_comma_or_last(raw)
        {
            flush(&mut cur, &mut out);
            break;
        }
        cur.push(w);
        if ends_comma {
            flush(&mut cur, &mut out);
            if !has_and {
                break;
            }
        }
    }
    flush(&mut cur, &mut out);
    out.dedup();
    out
}

fn ends_comma_or_last(raw: &str) -> bool {
    raw.ends_with(',') || !raw.ends_with('.')
}

/// If `text` is a byline line, the author names on it.
pub fn parse_line(text: &str) -> Option<Vec<String>> {
    let c = cues();
    let t = text
        .trim_start_matches(['-', '–', '—', '|', '•', '·', ' ', '\u{a0}'])
        .trim();
    // Most lines have no cue: a cue starts with one of the cues' first words, so the line needs
    // one of those among its first 12 words (checked without allocating for ASCII words). (A
    // char is 1 to 4 bytes: count only when the byte length leaves it open.)
    if t.is_empty()
        || t.len() > 800
        || !may_start_cue(c, t)
        || t.len() > 200 && t.chars().count() > 200
    {
        return None;
    }
    // Only the words a cue in the first 12 can cover (and the one after it) are read.
    let longest = c.cues.iter().map(Vec::len).max().unwrap_or(0);
    let ws: Vec<&str> = t.split_whitespace().take(12 + longest).collect();
    // A word equals a cue word once lowercased and without trailing ':'.
    let same = |w: &str, cw: &str| crate::lower::with_lower(w, |lw| lw.trim_end_matches(':') == cw);
    let any_first = c.firsts.contains("");
    // A cue anywhere in the first 12 words ("Posted by", "11/19/2019 by", "| by").
    for start in 0..ws.len().min(12) {
        // Every cue starts with one of the first words.
        if !any_first && !is_cue_first(c, ws[start]) {
            continue;
        }
        for cue in &c.cues {
            if ws.len() < start + cue.len() + 1 {
                continue;
            }
            if !cue.iter().zip(&ws[start..]).all(|(cw, w)| same(w, cw)) {
                continue;
            }
            // Not in the middle of a sentence: the cue starts the line or follows a date/separator.
            if start > 0 {
                let prev = ws[start - 1];
                let after_sep = prev.ends_with(['|', '-', '–', '—', ':', ',', '·', '•'])
                    || prev
                        .chars()
                        .all(|ch| ch.is_ascii_digit() || "/.-:".contains(ch))
                    || matches!(
                        prev.to_lowercase().as_str(),
                        "am" | "pm"
                            | "pst"
                            | "est"
                            | "gmt"
                            | "utc"
                            | "et"
                            | "pt"
                            | "analysis"
                            | "posted"
                            | "written"
                    );
                if !after_sep {
                    continue;
                }
            }
            // Rest of the line after the cue (find by position in the original text).
            let rest = after_words(t, start + cue.len()).unwrap_or("");
            let n = names(rest, true);
            if !n.is_empty() {
                return Some(n);
            }
        }
    }
    None
}

/// True if `w` lowercased and without trailing ':' is the first word of a cue. The word is first
/// tested on its initials ([`Cues::first_initials`]); only one that passes is lowercased and
/// looked up.
fn is_cue_first(c: &Cues, w: &str) -> bool {
    // ':' is ASCII: without it the word keeps its initials, and its ASCII-ness.
    let t = w.trim_end_matches(':');
    c.first_initials.may_hold(t, t.is_ascii())
        && crate::lower::with_lower(w, |lw| c.firsts.contains(lw.trim_end_matches(':')))
}

/// True if one of the first 12 words of `t` (split on whitespace) is the first word of a cue
/// ([`is_cue_first`]).
fn may_start_cue(c: &Cues, t: &str) -> bool {
    if c.firsts.contains("") {
        return true;
    }
    // Words as `split_whitespace` cuts them: ASCII bytes read as they are (tab, LF, VT, FF, CR
    // and space are its ASCII whitespace), other characters decoded.
    let b = t.as_bytes();
    let (mut i, mut start, mut words) = (0, 0, 0);
    while words < 12 {
        let (space, len) = match b.get(i) {
            None => (true, 1),
            Some(&x) if x.is_ascii() => (matches!(x, b'\t'..=b'\r' | b' '), 1),
            Some(_) => t
                .get(i..)
                .and_then(|r| r.chars().next())
                .map_or((true, 1), |ch| (ch.is_whitespace(), ch.len_utf8())),
        };
        if space {
            if i > start {
                words += 1;
                if is_cue_first(c, t.get(start..i).unwrap_or("")) {
                    return true;
                }
            }
            if i >= b.len() {
                break;
            }
            start = i + len;
        }
        i += len;
    }
    false
}

const SEPARATORS: &[char] = &[' ', '|', '-', '–', '—', '/', '·', '•', ',', ':', '\u{a0}'];

/// If `text` is a person's name next to a date — "Carlos Nadalim 27/09/2018 Comente!",
/// "21/06/2014 Tony Carter All, Books", "November 20, 2019 Emiliano Bellini",
/// "Adam Clark Estes11/12/19 4:40PM" — the name.
pub fn parse_dated_name(text: &str) -> Option<Vec<String>> {
    let t = text.trim();
    if t.chars().count() > 200 {
        return None;
    }
    let ctx = super::date::DateContext {
        year_hint: Some(2000),
        ..Default::default()
    };
    let d = super::date::find_dates(t, &ctx).into_iter().next()?;
    let before = t.get(..d.start)?.trim_end_matches(SEPARATORS);
    let after = t.get(d.end..)?.trim_start_matches(SEPARATORS);
    let (side, must_fill) = if before.is_empty() {
        (after, false)
    } else {
        (before, true)
    };
    let n = names(side, false);
    let first = n.first()?;
    let wc = first.split_whitespace().count();
    if !(2..=4).contains(&wc) || !side.starts_with(first.split_whitespace().next()?) {
        return None;
    }
    // A name before the date must be all that comes before it.
    if must_fill && words(before).len() != wc {
        return None;
    }
    Some(vec![first.clone()])
}

/// The text after the first `n` whitespace-separated words of `t`.
fn after_words(t: &str, n: usize) -> Option<&str> {
    let mut count = 0;
    let mut in_word = false;
    for (i, ch) in t.char_indices() {
        if ch.is_whitespace() {
            if in_word {
                count += 1;
                in_word = false;
                if count == n {
                    return Some(t[i..].trim_start());
                }
            }
        } else {
            in_word = true;
        }
    }
    None
}

/// If `text` is a bare name line ("Zaynab Z.", "Anna Menin", "VICTOR TANGERMANN, FUTURISM",
/// "Nishant Kumar @Nishantopines"), the names on it.
pub fn parse_bare_name(text: &str) -> Option<Vec<String>> {
    let t = text.trim();
    let wc = t.split_whitespace().count();
    if !(2..=9).contains(&wc)
        || t.chars().count() > 80
        || t.ends_with(['.', '!', '?']) && !ends_initial(t)
    {
        return None;
    }
    let n = names(t, false);
    let first = n.first()?;
    // The name must open the line and be most of what comes before a separator.
    if !t.starts_with(first.split_whitespace().next()?) {
        return None;
    }
    let name_words = first.split_whitespace().count();
    if !(2..=4).contains(&name_words) {
        return None;
    }
    // All capitals ("CAR REVIEWS") is a section label unless an affiliation follows.
    let shouting = first
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    if shouting
        && !t
            .get(first.len()..)
            .unwrap_or("")
            .trim_start()
            .starts_with(',')
    {
        return None;
    }
    Some(n)
}

fn ends_initial(t: &str) -> bool {
    // "Zaynab Z." ends with an initial, not a sentence.
    t.rsplit(' ').next().is_some_and(|w| {
        w.chars().count() == 2 && w.ends_with('.') && w.starts_with(char::is_uppercase)
    })
}

/// Finds the byline near the title (or anywhere before the body's end when there is no title).
pub fn find(page: &Page, title: Option<usize>) -> Option<BylineMatch> {
    let n = page.lines.len();
    let (lo, hi) = match (title, page.body) {
        (Some(t), Some((a, _))) => (t.saturating_sub(6), (t + 16).max(a + 3).min(n)),
        (Some(t), None) => (t.saturating_sub(6), (t + 16).min(n)),
        (None, Some((a, _))) => (a.saturating_sub(20), (a + 3).min(n)),
        (None, None) => return None,
    };
    // Cued bylines first, nearest the title.
    let order: Vec<usize> = {
        let mut v: Vec<usize> = (lo..hi).collect();
        let anchor = title.unwrap_or(hi);
        crate::sort::by_key(&mut v, |&i| (i < anchor, i.abs_diff(anchor)));
        v
    };
    for &i in &order {
        let l = &page.lines[i];
        if l.kind.is_article() && l.text.split_whitespace().count() > 25 {
            continue;
        }
        if let Some(authors) = parse_line(&l.text) {
            return Some(BylineMatch { authors, line: i });
        }
    }
    // A name next to a date, close to the title ("Carlos Nadalim 27/09/2018").
    for &i in &order {
        let l = &page.lines[i];
        if l.kind.is_article() || page.dates(i).is_empty() {
            continue;
        }
        if title.is_some_and(|t| i.abs_diff(t) > 6) {
            continue;
        }
        if let Some(authors) = parse_dated_name(&l.text) {
            return Some(BylineMatch { authors, line: i });
        }
    }
    // A bare name line right after the title (within 4 non-blank lines).
    let t = title?;
    let mut after = Vec::new();
    let mut k = t;
    for _ in 0..4 {
        match page.next_nonblank(k) {
            Some(j) => {
                after.push(j);
                k = j;
            }
            None => break,
        }
    }
    let bare = |i: usize| {
        let l = &page.lines[i];
        if l.kind.is_article() || page.date_share(i) > 0.0 && page.dates(i).len() > 1 {
            return None;
        }
        parse_bare_name(&l.text).map(|authors| BylineMatch { authors, line: i })
    };
    if let Some(b) = after.into_iter().find_map(bare) {
        return Some(b);
    }
    // Anywhere on the page: a cued byline with a date ("Written by … on November 14, 2019").
    for (i, l) in page.lines.iter().enumerate() {
        if page.dates(i).is_empty() || l.text.split_whitespace().count() > 25 {
            continue;
        }
        if let Some(authors) = parse_line(&l.text) {
            return Some(BylineMatch { authors, line: i });
        }
    }
    // Last: a bare name line just before the title.
    (0..t)
        .rev()
        .find(|&j| !page.lines[j].text.is_empty())
        .and_then(bare)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_cue_word_test_matches_the_lookup() {
        let c = cues();
        for w in [
            "By",
            "BY:",
            "by::",
            "bye",
            "b",
            ":",
            "::",
            "",
            "Written",
            "WRITTEN:",
            "writtenx",
            "Автор:",
            "АВТОР",
            "текст",
            "Von",
            "\u{212a}elvin",
            "Par",
            "pár",
            "door",
            "Door:",
            "the",
            "that",
            "Text",
            "text:",
            "photos",
            "Photos:",
            "Byé",
            "BYé",
            "Pòr",
            "Paré:",
            "Écrit",
            "“By",
        ] {
            let want = c.firsts.contains(w.to_lowercase().trim_end_matches(':'));
            assert_eq!(is_cue_first(c, w), want, "{w:?}");
        }
        for f in &c.firsts {
            assert!(is_cue_first(c, f), "{f:?}");
            assert!(is_cue_first(c, &f.to_uppercase()), "{f:?}");
        }
        for t in [
            "",
            " ",
            "By Jane",
            "\u{a0}By\u{2003}Jane",
            "“Quote” by Jane Doe",
            "a b c d e f g h i j k l By",
            "a b c d e f g h i j k By",
            "a\u{3000}b c d e f g h i j k By",
            "Ünd so weiter — Von Hans",
        ] {
            let want = t.split_whitespace().take(12).any(|w| is_cue_first(c, w));
            assert_eq!(may_start_cue(c, t), want, "{t:?}");
        }
    }

    fn p(s: &str) -> Option<Vec<String>> {
        parse_line(s)
    }

    #[test]
    fn cued_bylines() {
        for (line, want) in [
            ("By Jamelle Bouie", vec!["Jamelle Bouie"]),
            ("by Bryan DeArdo", vec!["Bryan DeArdo"]),
            ("By\u{a0}Meg JamesStaff Writer", vec!["Meg James"]),
            ("written by Regan", vec!["Regan"]),
            (
                "By BILL HOPPE | Special to the Pioneer Press",
                vec!["BILL HOPPE"],
            ),
            (
                "By Joseph Tsidulko November 19, 2019, 07:47 PM EST",
                vec!["Joseph Tsidulko"],
            ),
            (
                "Monday November 18, 2019 7:45 am PST by Joe Rossignol",
                vec!["Joe Rossignol"],
            ),
            (
                "By Umair Irfan Updated Nov 13, 2019, 10:28am EST",
                vec!["Umair Irfan"],
            ),
            ("By Troy L. Smith, Cleveland.com", vec!["Troy L. Smith"]),
            (
                "By Chris Pokorny@DawgsByNature Nov 18, 2019, 11:47am EST",
                vec!["Chris Pokorny"],
            ),
            (
                "By Justine Coleman - 11/18/19 11:04 PM EST",
                vec!["Justine Coleman"],
            ),
            (
                "5:45 AM PST 11/19/2019 by Patrick Shanley",
                vec!["Patrick Shanley"],
            ),
            (
                "Posted by Michael David Smith on November 19, 2019, 6:21 AM EST",
                vec!["Michael David Smith"],
            ),
            ("By Jonathan GarberFOXBusiness", vec!["Jonathan Garber"]),
            ("September 10, 2018 | by Catherine", vec!["Catherine"]),
            (
                "Written by Rachael Link, MS, RD on November 14, 2019",
                vec!["Rachael Link"],
            ),
            (
                "February 1, 2019 | BY: Ilana Muhlstein, MS, RDN",
                vec!["Ilana Muhlstein"],
            ),
            ("By Jill Disis, CNN Business", vec!["Jill Disis"]),
            (
                "Analysis by Chris Cillizza, CNN Editor-at-large",
                vec!["Chris Cillizza"],
            ),
            (
                "By Jane Doe, John Smith and Ann Lee",
                vec!["Jane Doe", "John Smith", "Ann Lee"],
            ),
            (
                "By Megan Rowe meganr@spokesman.com(509) 459-5382",
                vec!["Megan Rowe"],
            ),
        ] {
            assert_eq!(
                p(line),
                Some(want.iter().map(|s| s.to_string()).collect()),
                "{line}"
            );
        }
    }

    #[test]
    fn not_bylines() {
        for line in [
            "The law was passed by Congress in 2019.",
            "Stand by me",
            "By",
            "",
            "Photo by",
        ] {
            assert_eq!(p(line), None, "{line}");
        }
    }

    #[test]
    fn names_next_to_dates() {
        for (line, want) in [
            (
                "Carlos Nadalim 27/09/2018 Comente! Alfabetização, Música",
                "Carlos Nadalim",
            ),
            (
                "21/06/2014 Tony Carter All, Books, Kit Reviews, News",
                "Tony Carter",
            ),
            ("November 20, 2019 Emiliano Bellini", "Emiliano Bellini"),
            ("Adam Clark Estes11/12/19 4:40PM", "Adam Clark Estes"),
        ] {
            assert_eq!(
                parse_dated_name(line),
                Some(vec![want.to_string()]),
                "{line}"
            );
        }
        for line in [
            "Updated 27/09/2018",
            "Nov 19, 2019 at 9:24 pm ET • 2 min read",
            "The summit on 12 March 2019 was",
        ] {
            assert_eq!(parse_dated_name(line), None, "{line}");
        }
    }

    #[test]
    fn bare_names() {
        assert_eq!(
            parse_bare_name("Zaynab Z."),
            Some(vec!["Zaynab Z.".to_string()])
        );
        assert_eq!(
            parse_bare_name("VICTOR TANGERMANN, FUTURISM"),
            Some(vec!["VICTOR TANGERMANN".to_string()])
        );
        assert_eq!(
            parse_bare_name("Tanza Loudenback, Business Insider"),
            Some(vec!["Tanza Loudenback".to_string()])
        );
        assert_eq!(
            parse_bare_name("Nishant Kumar @Nishantopines"),
            Some(vec!["Nishant Kumar".to_string()])
        );
        assert_eq!(parse_bare_name("Share This Article"), None);
        assert_eq!(parse_bare_name("The leaders met on Tuesday."), None);
    }
}
