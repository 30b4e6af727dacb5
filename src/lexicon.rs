//! Word lists and chrome phrases, kept as data files under `data/lexicon/` and embedded at
//! compile time. Parsed once, on first use.
//!
//! Adding a phrase or a language is a data change, not a code change.

use crate::model::Kind;
use std::collections::HashSet;
use std::sync::OnceLock;

/// How a chrome phrase is matched against a (lowercased, normalized) line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// The whole line equals the phrase (ignoring trailing `:`, `!`, `.`, `…`).
    Line,
    /// The line starts with the phrase.
    Prefix,
    /// The line ends with the phrase.
    Suffix,
    /// The line contains the phrase.
    Contains,
}

/// One known chrome phrase.
#[derive(Debug, Clone)]
pub struct ChromeRule {
    /// The kind a matching line gets.
    pub kind: Kind,
    /// Whether the lines after a matching line belong to the same section (a list header).
    pub marker: bool,
    /// How to match.
    pub mode: Match,
    /// The phrase, lowercased.
    pub phrase: String,
}

impl ChromeRule {
    /// True if `lower` (a lowercased normalized line) matches this rule.
    pub fn matches(&self, lower: &str) -> bool {
        match self.mode {
            Match::Line => trim_trailing_punct(lower) == self.phrase,
            Match::Prefix => lower.starts_with(&self.phrase),
            Match::Suffix => lower.ends_with(&self.phrase),
            Match::Contains => lower.contains(&self.phrase),
        }
    }
}

/// `s` without trailing `:`, `!`, `.`, `…`, `»`, `›`, `>` and spaces.
pub fn trim_trailing_punct(s: &str) -> &str {
    s.trim_end_matches([':', '!', '.', '…', '»', '›', '>', ' '])
}

const CHROME_TSV: &str = include_str!("../data/lexicon/chrome.tsv");
const STOPWORDS_EN: &str = include_str!("../data/lexicon/stopwords/en.txt");

/// Parses the chrome table; malformed rows are skipped (a test checks there are none).
fn parse_chrome(src: &str) -> Vec<ChromeRule> {
    src.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut parts = l.splitn(3, '\t');
            let kind_s = parts.next()?;
            let mode_s = parts.next()?;
            let phrase = parts.next()?.trim().to_lowercase();
            let (kind_name, marker) = match kind_s.strip_suffix('+') {
                Some(k) => (k, true),
                None => (kind_s, false),
            };
            let mode = match mode_s {
                "line" => Match::Line,
                "prefix" => Match::Prefix,
                "suffix" => Match::Suffix,
                "contains" => Match::Contains,
                _ => return None,
            };
            Some(ChromeRule {
                kind: Kind::parse(kind_name)?,
                marker,
                mode,
                phrase,
            })
        })
        .collect()
}

/// All chrome rules, in file order (the first matching rule wins).
pub fn chrome_rules() -> &'static [ChromeRule] {
    static RULES: OnceLock<Vec<ChromeRule>> = OnceLock::new();
    RULES.get_or_init(|| parse_chrome(CHROME_TSV))
}

/// The first chrome rule matching `lower` (a lowercased normalized line), if any.
pub fn match_chrome(lower: &str) -> Option<&'static ChromeRule> {
    chrome_rules().iter().find(|r| r.matches(lower))
}

/// True if `word` (any case) is a stopword.
pub fn is_stopword(word: &str) -> bool {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    let set = SET.get_or_init(|| {
        STOPWORDS_EN
            .split_whitespace()
            .map(|w| w.to_lowercase())
            .collect()
    });
    set.contains(&word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chrome_row_parses() {
        let rows = CHROME_TSV
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(chrome_rules().len(), rows);
    }

    #[test]
    fn matches_modes() {
        assert_eq!(
            match_chrome("also read").map(|r| r.kind),
            Some(Kind::Related)
        );
        assert_eq!(
            match_chrome("leave a response").map(|r| r.kind),
            Some(Kind::Comments)
        );
        assert_eq!(
            match_chrome("184views").map(|r| r.kind),
            Some(Kind::Metadata)
        );
        assert!(match_chrome("the president also read the letter").is_none());
        assert!(is_stopword("The"));
    }
}
