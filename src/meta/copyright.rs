//! The copyright notice ("© 2024 SwissX REDD UK ltd. All Rights Reserved.") and the site name
//! derived from its holder.
//!
//! The notice is read from lines labelled `copyright` (or any short line starting with `©`,
//! `(c)` or `Copyright`). A footer notice with a year or "All rights reserved" beats a photo
//! credit like "© REUTERS / POOL"; the last such line on the page wins (footers come last).

use super::page::Page;
use crate::model::{Copyright, Kind};

/// Legal-form words dropped from a holder to get a site name.
const LEGAL_FORMS: &[&str] = &[
    "ltd", "ltd.", "limited", "inc", "inc.", "llc", "plc", "gmbh", "ag", "s.a.", "sa", "pty",
    "corp", "corp.", "co.", "company", "srl", "s.r.l.", "b.v.", "bv", "uk", "all", "rights",
];

/// Parses one copyright line: the holder (as written) and the latest year.
pub fn parse(text: &str) -> Option<Copyright> {
    let t = text.trim();
    let lower = t.to_lowercase();
    let start = ["©", "(c)", "copyright"]
        .iter()
        .filter_map(|m| lower.find(m).map(|p| p + m.len()))
        .min()?;
    // `lower` may differ in byte length from `t` for some scripts: only slice when they agree.
    if lower.len() != t.len() || !t.is_char_boundary(start) {
        return None;
    }
    let mut rest = t[start..].trim_start_matches(['©', ' ', ':']);
    if rest.to_lowercase().starts_with("copyright") {
        rest = rest
            .get(9..)
            .unwrap_or("")
            .trim_start_matches(['©', ' ', ':']);
    }
    // Years: "2024", "2009-2024", "2009 – 2024".
    let mut year = None;
    loop {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if digits.len() == 4 {
            year = crate::num::parse_int::<i32>(&digits).or(year);
            rest = rest
                .get(4..)
                .unwrap_or("")
                .trim_start_matches([' ', '-', '–', '—', ',']);
        } else {
            break;
        }
    }
    let lower_rest = rest.to_lowercase();
    let cut = [
        "all rights reserved",
        "tous droits",
        "alle rechte",
        "todos los derechos",
        "|",
    ]
    .iter()
    .filter_map(|m| lower_rest.find(m))
    .min()
    .unwrap_or(rest.len());
    let holder = rest
        .get(..cut)
        .unwrap_or("")
        .trim()
        .trim_end_matches([',', '-', '–', '|'])
        .trim();
    let holder = (!holder.is_empty() && holder.chars().count() <= 80).then(|| holder.to_string());
    (holder.is_some() || year.is_some()).then_some(Copyright { holder, year })
}

/// Finds the page's copyright notice.
pub fn find(page: &Page) -> Option<Copyright> {
    let mut best: Option<(u8, Copyright)> = None;
    for (i, l) in page.lines.iter().enumerate() {
        let lower = &page.lower(i);
        let looks = l.kind == Kind::Copyright
            || (l.text.chars().count() <= 200
                && (lower.starts_with('©')
                    || lower.starts_with("(c)")
                    || lower.starts_with("copyright ©")));
        if !looks {
            continue;
        }
        let Some(c) = parse(&l.text) else { continue };
        let rank = u8::from(c.year.is_some()) + 2 * u8::from(lower.contains("rights reserved"));
        if best.as_ref().is_none_or(|b| rank >= b.0) {
            best = Some((rank, c));
        }
    }
    best.map(|(_, c)| c)
}

/// A site name from the copyright holder: its words without legal forms ("SwissX REDD UK ltd."
/// → "SwissX REDD"), when something is left.
pub fn site_name(c: &Copyright) -> Option<String> {
    let holder = c.holder.as_deref()?;
    let words: Vec<&str> = holder
        .split_whitespace()
        .filter(|w| !LEGAL_FORMS.contains(&w.to_lowercase().trim_end_matches(',')))
        .collect();
    let name = words.join(" ");
    let name = name.trim_end_matches(['.', ',']).trim();
    (!name.is_empty() && name.split_whitespace().count() <= 6).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_notices() {
        assert_eq!(
            parse("© 2024 SwissX REDD UK ltd. All Rights Reserved."),
            Some(Copyright {
                holder: Some("SwissX REDD UK ltd.".into()),
                year: Some(2024)
            })
        );
        assert_eq!(
            parse("Copyright © 2009-2019 Example Media, Inc. | Privacy"),
            Some(Copyright {
                holder: Some("Example Media, Inc.".into()),
                year: Some(2019)
            })
        );
        assert_eq!(
            parse("© ScienceAlert Pty Ltd. All rights reserved."),
            Some(Copyright {
                holder: Some("ScienceAlert Pty Ltd.".into()),
                year: None
            })
        );
        assert_eq!(parse("no notice here"), None);
        assert_eq!(parse("©"), None);
    }

    #[test]
    fn site_from_holder() {
        let c = parse("© ScienceAlert Pty Ltd. All rights reserved.").unwrap();
        assert_eq!(site_name(&c).as_deref(), Some("ScienceAlert"));
    }
}
