//! Ordinal claims about a person's office: "the 45th President", "his second term". Such
//! phrases are claims about who holds an office and for which time, and outlets get them wrong
//! ("45th President" for a second-term president who is the 47th).
//!
//! A phrase is an ordinal (a word from `data/compare/ordinals.tsv`, or a numeral with a suffix:
//! "45th", "2nd") directly followed by an office noun (`data/compare/offices.tsv`). It is about
//! the person named nearest before it in the same sentence, else nearest after it.
//!
//! Promises: values are normalized as "<ordinal number> <noun>", so "2nd term" and "second term"
//! are one value; never panics; linear in the sentence length times the number of name forms.

use crate::compare::text::Sentence;
use crate::fasthash::FastMap;
use std::sync::OnceLock;

const ORDINALS_TSV: &str = data_file!("compare/ordinals.tsv");
const OFFICES_TSV: &str = data_file!("compare/offices.tsv");

/// A person of one source, with the forms its name is written in.
#[derive(Debug, Clone)]
pub struct Person {
    /// The canonical name (merged across sources).
    pub canonical: String,
    /// Every form written (full name, surname, titled forms).
    pub forms: Vec<String>,
}

/// One ordinal claim found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleClaim {
    /// The source.
    pub source: usize,
    /// The input line.
    pub line: usize,
    /// The canonical name of the person it is about.
    pub person: String,
    /// The phrase as written ("45th President").
    pub text: String,
    /// The normalized value ("45 president").
    pub key: String,
}

struct Lexicon {
    ordinals: FastMap<&'static str, u32>,
    /// Office nouns as word lists, longest first.
    nouns: Vec<Vec<&'static str>>,
}

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        let rows = |src: &'static str| {
            src.lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .filter_map(|l| l.split_once('\t'))
                .collect::<Vec<_>>()
        };
        let ordinals = rows(ORDINALS_TSV)
            .into_iter()
            .filter_map(|(w, n)| Some((w.trim(), crate::num::parse_int(n.trim())?)))
            .collect();
        let mut nouns: Vec<Vec<&str>> = rows(OFFICES_TSV)
            .into_iter()
            .map(|(_, noun)| noun.split_whitespace().collect())
            .collect();
        crate::sort::by_key(&mut nouns, |n| std::cmp::Reverse(n.len()));
        Lexicon { ordinals, nouns }
    })
}

/// The number an ordinal word stands for: "second" → 2, "45th" → 45, "2nd" → 2.
pub fn ordinal_number(word: &str) -> Option<u32> {
    let lower = word.to_lowercase();
    if let Some(&n) = lexicon().ordinals.get(lower.as_str()) {
        return Some(n);
    }
    let digits: String = lower.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &lower[digits.len()..];
    if digits.is_empty() || digits.len() > 4 || !matches!(suffix, "st" | "nd" | "rd" | "th") {
        return None;
    }
    crate::num::parse_int(&digits)
}

/// Words of a text with their byte spans (letters, digits, and hyphens inside a word).
fn spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let inner = c.is_alphanumeric() || (c == '-' && start.is_some());
        if inner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    out
}

/// Byte offsets where any form of `p` starts in `text` as whole words.
fn mentions(text: &str, p: &Person) -> Vec<usize> {
    let mut out = Vec::new();
    for f in p.forms.iter().filter(|f| !f.is_empty()) {
        let mut from = 0;
        while let Some(i) = text.get(from..).and_then(|t| t.find(f.as_str())) {
            let s = from + i;
            let e = s + f.len();
            let before = text[..s].chars().next_back();
            let after = text[e..].chars().next();
            if !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric)
            {
                out.push(s);
            }
            from = e;
        }
    }
    out
}

/// The ordinal office claims of one sentence, each about the person named nearest before it
/// (else nearest after); phrases with no person named in the sentence are skipped.
pub fn in_sentence(s: &Sentence, people: &[Person]) -> Vec<RoleClaim> {
    let lex = lexicon();
    let words = spans(&s.text);
    let mut out = Vec::new();
    for (k, &(ws, we)) in words.iter().enumerate() {
        let Some(n) = ordinal_number(&s.text[ws..we]) else {
            continue;
        };
        let Some(noun) = lex.nouns.iter().find(|noun| {
            noun.iter().enumerate().all(|(j, w)| {
                words
                    .get(k + 1 + j)
                    .is_some_and(|&(a, b)| s.text[a..b].eq_ignore_ascii_case(w))
            })
        }) else {
            continue;
        };
        let end = words[k + noun.len()].1;
        let nearest = people
            .iter()
            .flat_map(|p| mentions(&s.text, p).into_iter().map(move |at| (at, p)))
            .min_by_key(|&(at, _)| if at < ws { (0, ws - at) } else { (1, at - ws) });
        if let Some((_, p)) = nearest {
            out.push(RoleClaim {
                source: s.source,
                line: s.line,
                person: p.canonical.clone(),
                text: s.text[ws..end].to_string(),
                key: format!("{n} {}", noun.join(" ")),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::text::tokens;

    fn sentence(text: &str) -> Sentence {
        let (words, content) = tokens(text);
        Sentence {
            source: 0,
            line: 1,
            ordinal: 0,
            text: text.to_string(),
            words,
            content,
        }
    }

    fn people() -> Vec<Person> {
        vec![
            Person {
                canonical: "Donald Trump".into(),
                forms: vec!["Donald Trump".into(), "Trump".into()],
            },
            Person {
                canonical: "Xi Jinping".into(),
                forms: vec!["Xi Jinping".into(), "Xi".into()],
            },
        ]
    }

    #[test]
    fn ordinals_words_and_numerals() {
        assert_eq!(ordinal_number("second"), Some(2));
        assert_eq!(ordinal_number("45th"), Some(45));
        assert_eq!(ordinal_number("2nd"), Some(2));
        assert_eq!(ordinal_number("45"), None);
        assert_eq!(ordinal_number("th"), None);
        assert_eq!(ordinal_number("4th5"), None);
    }

    #[test]
    fn office_ordinals_go_to_the_person_named_nearest_before() {
        let c = in_sentence(
            &sentence("Xi called shortly after Donald Trump took his oath as the 45th President of the United States."),
            &people(),
        );
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].person, "Donald Trump");
        assert_eq!(c[0].text, "45th President");
        assert_eq!(c[0].key, "45 president");
        let c = in_sentence(
            &sentence("As President Trump settles into his second term, Xi waits."),
            &people(),
        );
        assert_eq!(
            (c[0].person.as_str(), c[0].key.as_str()),
            ("Donald Trump", "2 term")
        );
    }

    #[test]
    fn no_person_or_no_office_noun_no_claim() {
        assert!(
            in_sentence(&sentence("The 80th anniversary of the victory."), &people()).is_empty()
        );
        assert!(in_sentence(&sentence("It is his second term."), &[]).is_empty());
        assert!(in_sentence(&sentence("second"), &people()).is_empty());
    }
}
