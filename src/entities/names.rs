//! Comparing names: folding case, accents and punctuation, and deciding when two written forms
//! are the same entity (surname only, transliteration variants, acronyms, gazetteer groups).
//!
//! These functions are public so that code comparing articles can merge entities across them
//! with the same rules used inside one article.

use super::gazetteer;

/// Folds a name for comparison: lower case, common Latin accents removed, curly apostrophes
/// straightened, dots and a leading "the " dropped, runs of spaces collapsed.
/// `fold("The U.S.") == fold("us")`, `fold("Jelić") == "jelic"`.
pub fn fold(name: &str) -> String {
    let mut s = String::with_capacity(name.len());
    let mut space = false;
    for c in name.chars() {
        if c.is_ascii() {
            // The ASCII cases of the loop below: dots dropped, whitespace runs, lowercase.
            if c == '.' {
                continue;
            }
            if c.is_ascii_whitespace() || c == '\u{b}' {
                space = !s.is_empty();
                continue;
            }
            if space {
                s.push(' ');
                space = false;
            }
            s.push(if c == '`' {
                '\''
            } else {
                c.to_ascii_lowercase()
            });
            continue;
        }
        let c = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' => {
                'a'
            }
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' | 'ě' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Î' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'Ó' | 'Ö' | 'Ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ü' => 'u',
            'ñ' | 'Ñ' | 'ń' => 'n',
            'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => 'c',
            'š' | 'ś' | 'Š' | 'Ś' => 's',
            'ž' | 'ź' | 'ż' | 'Ž' | 'Ż' => 'z',
            'ł' | 'Ł' => 'l',
            'ř' => 'r',
            'ý' | 'ÿ' => 'y',
            '’' | '‘' | '`' => '\'',
            '.' => continue,
            c => c,
        };
        // Whitespace runs become one space, none at the ends (as split + join would).
        for l in c.to_lowercase() {
            if l.is_whitespace() {
                space = !s.is_empty();
                continue;
            }
            if space {
                s.push(' ');
                space = false;
            }
            s.push(l);
        }
    }
    if s.len() > 4 && s.starts_with("the ") {
        s.drain(..4);
    }
    s
}

/// True if two folded words are spellings of one name: equal, or both at least 4 letters long,
/// same first letter, and one edit apart where the edit swaps `i`/`y`/`j` or inserts `i`, `y` or
/// `h` ("yury"/"yuri", "zelensky"/"zelenskiy"); "john"/"joan" are different names.
pub fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() < 4 || b.len() < 4 || a[0] != b[0] {
        return false;
    }
    let soft = |c: char| matches!(c, 'i' | 'y' | 'j' | 'h');
    if a.len() == b.len() {
        let diffs: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        let swap = |c: char| matches!(c, 'i' | 'y' | 'j');
        return diffs.len() == 1 && swap(a[diffs[0]]) && swap(b[diffs[0]]);
    }
    let (short, long) = if a.len() < b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() != short.len() + 1 {
        return false;
    }
    let i = (0..short.len())
        .find(|&i| short[i] != long[i])
        .unwrap_or(short.len());
    soft(long[i]) && short[i..] == long[i + 1..]
}

/// True if `short` names the person `full` names: the same words (spelling variants allowed),
/// or a subsequence of them that keeps the first or last word ("Xi" of "Xi Jinping",
/// "Ushakov" of "Yury Ushakov", "Josh Apte" of "Joshua Apte"). Both are folded names.
pub fn names_person(short: &str, full: &str) -> bool {
    let s: Vec<&str> = short.split(' ').collect();
    let f: Vec<&str> = full
        .split(' ')
        .filter(|w| !matches!(*w, "jr" | "sr" | "ii" | "iii" | "iv"))
        .collect();
    if s.is_empty() || f.is_empty() {
        return false;
    }
    if s.len() == f.len() {
        let diff = s.iter().zip(&f).filter(|(a, b)| a != b).count();
        return s.iter().zip(&f).all(|(a, b)| {
            same_word(a, b)
                || (a.len() >= 3 && b.starts_with(*a))
                || (b.len() >= 3 && a.starts_with(*b))
        }) && diff <= 1;
    }
    if s.len() > f.len() {
        return false;
    }
    if s.len() == 1 {
        let w = s[0];
        return same_word(w, f[0]) || same_word(w, f[f.len() - 1]);
    }
    // A subsequence keeping the last word: "Patrick Carlineo" of "Patrick W Carlineo".
    if !same_word(s[s.len() - 1], f[f.len() - 1]) {
        return false;
    }
    let mut it = f.iter();
    s.iter().all(|w| it.any(|x| same_word(w, x)))
}

/// `w` without the letters [`same_word`] lets vary (`i`, `y`, `j`, `h`): two spellings of one
/// name have the same skeleton, so it can key an index.
fn skeleton(w: &str) -> String {
    // Byte by byte: the dropped letters are ASCII, never part of another char's bytes.
    let mut b = Vec::with_capacity(w.len());
    b.extend(
        w.bytes()
            .filter(|c| !matches!(c, b'i' | b'y' | b'j' | b'h')),
    );
    String::from_utf8(b).unwrap_or_default()
}

/// An index of folded person names by the skeletons of their first and last words, so that
/// finding the people a short name may refer to does not scan every name.
#[derive(Debug, Default)]
pub struct PersonIndex {
    fulls: Vec<String>,
    by_word: crate::fasthash::FastMap<String, Vec<usize>>,
}

impl PersonIndex {
    /// Adds a folded full name; returns its id (ids count up from 0).
    pub fn add(&mut self, full: &str) -> usize {
        let id = self.fulls.len();
        self.fulls.push(full.to_string());
        let words: Vec<&str> = full.split(' ').collect();
        let mut keys = vec![skeleton(words[0])];
        if let Some(last) = words
            .iter()
            .rev()
            .find(|w| !matches!(**w, "jr" | "sr" | "ii" | "iii" | "iv"))
        {
            keys.push(skeleton(last));
        }
        keys.dedup();
        for k in keys {
            self.by_word.entry(k).or_default().push(id);
        }
        id
    }

    /// Ids of the indexed names that `short` (folded) names, per [`names_person`], ascending.
    pub fn matches(&self, short: &str) -> Vec<usize> {
        let last = short.rsplit(' ').next().unwrap_or(short);
        let mut ids: Vec<usize> = self
            .by_word
            .get(&skeleton(last))
            .into_iter()
            .flatten()
            .copied()
            .filter(|&id| names_person(short, &self.fulls[id]))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

/// The capitals of a name's words ("National Security Council" -> "NSC"), the form its acronym
/// takes.
pub fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// True if `acronym` (as written) spells the initials of the capitalized words of `name`
/// ("NSC" / "National Security Council", "MOTIE" / "Ministry of Trade, Industry and Energy").
/// Lowercase connector words may give a letter ("MOTIE": "of" gives the O).
pub fn is_acronym_of(acronym: &str, name: &str) -> bool {
    if acronym.len() < 2 || !acronym.chars().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let words: Vec<char> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| {
            w.trim_start_matches(|c: char| !c.is_alphanumeric())
                .chars()
                .next()
        })
        .collect();
    // Backtracking over lowercase words stays small: names have few connectors.
    if words.len() < 2 || words.iter().filter(|c| !c.is_uppercase()).count() > 6 {
        return false;
    }
    fn fits(letters: &[char], words: &[char]) -> bool {
        match (letters.first(), words.first()) {
            (None, None) => true,
            (_, None) => false,
            (l, Some(w)) if w.is_uppercase() => l == Some(w) && fits(&letters[1..], &words[1..]),
            (l, Some(w)) => {
                let upper = w.to_uppercase().next();
                (l.copied() == upper && fits(&letters[1..], &words[1..]))
                    || fits(letters, &words[1..])
            }
        }
    }
    let letters: Vec<char> = acronym.chars().collect();
    fits(&letters, &words)
}

/// A key under which two names of one place or organization meet, across articles too:
/// the gazetteer group for known names ("US", "U.S.", "America" -> "united states"), the folded
/// name otherwise.
pub fn canonical_key(name: &str) -> String {
    let g = gazetteer::get();
    let trimmed = name.trim();
    let bare = trimmed
        .strip_prefix("the ")
        .or_else(|| trimmed.strip_prefix("The "))
        .unwrap_or(trimmed);
    if let Some(k) = g.place(bare) {
        return fold(k);
    }
    if let Some(k) = g.org(bare) {
        return fold(k);
    }
    fold(bare)
}

/// True if two names written anywhere (in one article or two) can be the same entity:
/// same [`canonical_key`], or one names the same person as the other ([`names_person`]), or one
/// is the acronym of the other.
pub fn same_entity(a: &str, b: &str) -> bool {
    let (ka, kb) = (canonical_key(a), canonical_key(b));
    ka == kb
        || names_person(&ka, &kb)
        || names_person(&kb, &ka)
        || is_acronym_of(a.trim(), b)
        || is_acronym_of(b.trim(), a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds() {
        assert_eq!(fold("The  U.S."), "us");
        assert_eq!(fold("Jelić"), "jelic");
        assert_eq!(fold(" The\tBank \u{a0}of  Spain "), "bank of spain");
        assert_eq!(fold("The . "), "the");
        assert_eq!(fold("A . B"), "a b");
        assert_eq!(fold("Lowe’s"), "lowe's");
        assert_eq!(fold("Lowe`s\u{b}X\u{a0} "), "lowe's x");
    }

    #[test]
    fn spelling_variants() {
        assert!(same_word("yury", "yuri"));
        assert!(same_word("zelensky", "zelenskiy"));
        assert!(!same_word("biden", "bidet"));
        assert!(!same_word("xi", "li"));
        assert!(!same_word("john", "joan"));
    }

    #[test]
    fn person_names() {
        assert!(names_person("xi", "xi jinping"));
        assert!(names_person("ushakov", "yury ushakov"));
        assert!(names_person("yuri ushakov", "yury ushakov"));
        assert!(names_person("josh apte", "joshua apte"));
        assert!(names_person("carlineo", "patrick w carlineo jr"));
        assert!(!names_person("hunter biden", "joe biden"));
        assert!(!names_person("putin", "xi jinping"));
    }

    #[test]
    fn index_finds_variants() {
        let mut ix = PersonIndex::default();
        ix.add("yury ushakov");
        ix.add("xi jinping");
        ix.add("joe biden");
        ix.add("hunter biden");
        assert_eq!(ix.matches("ushakov"), [0]);
        assert_eq!(ix.matches("yuri ushakov"), [0]);
        assert_eq!(ix.matches("xi"), [1]);
        assert_eq!(ix.matches("biden"), [2, 3]);
        assert!(ix.matches("putin").is_empty());
    }

    #[test]
    fn keys_and_acronyms() {
        assert_eq!(canonical_key("U.S."), canonical_key("United States"));
        assert_eq!(canonical_key("America"), canonical_key("the US"));
        assert!(is_acronym_of("NSC", "National Security Council"));
        assert!(is_acronym_of(
            "MOTIE",
            "Ministry of Trade, Industry and Energy"
        ));
        assert!(same_entity("Yuri Ushakov", "Yury Ushakov"));
        assert!(!same_entity("Russia", "China"));
    }
}
