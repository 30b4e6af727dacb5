//! The gazetteers under `data/gazetteer/`, embedded at compile time and parsed once on first use:
//! countries (with other names, demonyms and capitals), regions and US states, major cities,
//! well-known organizations, common given names and family names, titles and role nouns,
//! organization and place cue words.
//!
//! Lookups are exact on the written form (case-sensitive where the data says so) and return a
//! group key: every form of one place or organization ("US", "U.S.", "United States", "America")
//! maps to the same key, its first-listed name.

use super::EntityType;
use crate::fasthash::{FastMap, FastSet};
use std::sync::OnceLock;

const COUNTRIES: &str = data_file!("gazetteer/countries.tsv");
const REGIONS: &str = data_file!("gazetteer/regions.tsv");
const CITIES: &str = data_file!("gazetteer/cities.txt");
const ORGANIZATIONS: &str = data_file!("gazetteer/organizations.txt");
const GIVEN_NAMES: &str = data_file!("gazetteer/given_names.txt");
const SURNAMES: &str = data_file!("gazetteer/surnames.txt");
const ROLES: &str = data_file!("gazetteer/roles.tsv");
const CUES: &str = data_file!("gazetteer/org_cues.tsv");
const COMMON: &str = data_file!("gazetteer/common_words.txt");

/// All gazetteers, parsed.
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// Place form (lowercased) -> group key (the place's first-listed name).
    pub places: FastMap<String, &'static str>,
    /// Postal codes ("NJ") -> group key; only valid right after "City, ".
    pub postal: FastMap<&'static str, &'static str>,
    /// Demonym or adjective (as written, e.g. "Russian") -> place group key.
    pub demonyms: FastMap<&'static str, &'static str>,
    /// Some demonym starts with a lowercase letter (else a lowercase word is never one).
    pub lowercase_demonyms: bool,
    /// Organization form (lowercased) -> group key.
    pub orgs: FastMap<String, &'static str>,
    /// Common given names, as written.
    pub given: WordSet,
    /// Common family names written first ("Liu", "Kim").
    pub surnames: WordSet,
    /// Titles written before a name ("President", "Dr.").
    pub titles: WordSet,
    /// Lowercase role nouns ("aide", "spokesman").
    pub role_nouns: WordSet,
    /// Words that end an organization name.
    pub org_last: WordSet,
    /// Words that open an organization name before of/for/on.
    pub org_first: WordSet,
    /// Words that end a place name.
    pub place_last: WordSet,
    /// Words that open a place name.
    pub place_first: WordSet,
    /// Words that end names of events, products, works and laws (not entities).
    pub not_last: WordSet,
    /// Lowercase nouns that make the capitalized word after them an organization.
    pub org_before: WordSet,
    /// Nouns after a possessive that make the word before it an organization.
    pub org_after: WordSet,
    /// Words opening a sequence that are not part of the name ("Former").
    pub drop_first: WordSet,
    /// Frequent English words, lowercase.
    pub common: WordSet,
    /// Filter over the keys of `places` and `orgs`: most lookups of unknown names end here.
    known: Filter,
}

/// Bits of a [`Filter`], as a power of two.
const FILTER_LOG2: u32 = 12;

/// A one-probe bit filter over strings, keyed by their length and first two and last bytes: a
/// clear bit means the string is surely not in the set it covers, so most misses skip hashing
/// the whole string. Never a false "absent".
#[derive(Debug, Clone)]
pub struct Filter([u64; 1 << (FILTER_LOG2 - 6)]);

impl Default for Filter {
    fn default() -> Filter {
        Filter([0; 1 << (FILTER_LOG2 - 6)])
    }
}

impl Filter {
    /// The bit of `s`.
    #[inline]
    fn bit(s: &str) -> usize {
        let b = s.as_bytes();
        let byte = |i: Option<&u8>| u32::from(i.copied().unwrap_or(0));
        let x = (b.len() as u32 & 0xFF)
            | byte(b.first()) << 8
            | byte(b.get(1)) << 16
            | byte(b.last()) << 24;
        (x.wrapping_mul(0x9E37_79B1) >> (32 - FILTER_LOG2)) as usize
    }

    /// Adds `s`.
    pub(crate) fn insert(&mut self, s: &str) {
        let k = Self::bit(s);
        self.0[k >> 6] |= 1 << (k & 63);
    }

    /// False only when `s` was never inserted.
    #[inline]
    pub(crate) fn may_contain(&self, s: &str) -> bool {
        let k = Self::bit(s);
        self.0[k >> 6] & (1 << (k & 63)) != 0
    }
}

/// A set of words as written, with a [`Filter`] in front of it.
#[derive(Debug, Clone, Default)]
pub struct WordSet {
    set: FastSet<&'static str>,
    filter: Filter,
}

impl WordSet {
    /// True if `w` is in the set. (One copy in the wasm module, not one per caller.)
    #[inline(never)]
    pub fn contains(&self, w: &str) -> bool {
        self.filter.may_contain(w) && self.set.contains(w)
    }

    #[inline(never)]
    fn insert(&mut self, w: &'static str) {
        self.filter.insert(w);
        self.set.insert(w);
    }
}

impl FromIterator<&'static str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'static str>>(words: I) -> WordSet {
        let mut set = WordSet::default();
        for w in words {
            set.insert(w);
        }
        set
    }
}

fn data_lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn split_list(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.split(';').map(str::trim).filter(|w| !w.is_empty())
}

impl Gazetteer {
    fn add_place(&mut self, form: &'static str, key: &'static str) {
        self.places.entry(form.to_lowercase()).or_insert(key);
    }

    /// Parses the embedded data. Malformed rows are skipped (a test checks there are none).
    fn parse() -> Gazetteer {
        let mut g = Gazetteer::default();
        for src in [COUNTRIES, REGIONS] {
            let is_countries = std::ptr::eq(src, COUNTRIES);
            for row in data_lines(src) {
                let cols: Vec<&'static str> = row.split('\t').collect();
                let key = cols[0].trim();
                if key.is_empty() || g.places.contains_key(&key.to_lowercase()) {
                    continue;
                }
                g.add_place(key, key);
                for form in cols.get(1).copied().map(split_list).into_iter().flatten() {
                    match form.strip_prefix('@') {
                        Some(code) => {
                            g.postal.insert(code, key);
                        }
                        None => g.add_place(form, key),
                    }
                }
                for d in cols.get(2).copied().map(split_list).into_iter().flatten() {
                    g.demonyms.entry(d).or_insert(key);
                }
                if is_countries {
                    // The first capital names the group: "Kyiv;Kiev", "Washington;Washington, D.C.".
                    // Two capitals of one country that are different cities ("La Paz;Sucre")
                    // are both listed; the second then groups with the first, a known
                    // simplification.
                    let mut caps = cols.get(3).copied().map(split_list).into_iter().flatten();
                    if let Some(first) = caps.next() {
                        g.add_place(first, first);
                        let k = g.places[&first.to_lowercase()];
                        for cap in caps {
                            g.add_place(cap, k);
                        }
                    }
                }
            }
        }
        for row in data_lines(CITIES) {
            let mut forms = row.split('|').map(str::trim).filter(|f| !f.is_empty());
            if let Some(key) = forms.next() {
                if g.places.contains_key(&key.to_lowercase()) {
                    continue;
                }
                g.add_place(key, key);
                for f in forms {
                    g.add_place(f, key);
                }
            }
        }
        for row in data_lines(ORGANIZATIONS) {
            let mut forms = row.split('|').map(str::trim).filter(|f| !f.is_empty());
            if let Some(key) = forms.next() {
                g.orgs.entry(key.to_lowercase()).or_insert(key);
                for f in forms {
                    g.orgs.entry(f.to_lowercase()).or_insert(key);
                }
            }
        }
        g.lowercase_demonyms = g
            .demonyms
            .keys()
            .any(|d| d.chars().next().is_some_and(char::is_lowercase));
        g.given = data_lines(GIVEN_NAMES)
            .flat_map(str::split_whitespace)
            .collect();
        g.common = data_lines(COMMON).flat_map(str::split_whitespace).collect();
        g.surnames = data_lines(SURNAMES)
            .flat_map(str::split_whitespace)
            .collect();
        for (src, is_roles) in [(ROLES, true), (CUES, false)] {
            for row in data_lines(src) {
                let Some((kind, words)) = row.split_once('\t') else {
                    continue;
                };
                let set = match (is_roles, kind) {
                    (true, "title") => &mut g.titles,
                    (true, "noun") => &mut g.role_nouns,
                    (false, "org_last") => &mut g.org_last,
                    (false, "org_first") => &mut g.org_first,
                    (false, "place_last") => &mut g.place_last,
                    (false, "place_first") => &mut g.place_first,
                    (false, "not_last") => &mut g.not_last,
                    (false, "org_before") => &mut g.org_before,
                    (false, "org_after") => &mut g.org_after,
                    (false, "drop_first") => &mut g.drop_first,
                    _ => continue,
                };
                for w in split_list(words) {
                    set.insert(w);
                }
            }
        }
        for k in g.places.keys().chain(g.orgs.keys()) {
            g.known.insert(k);
        }
        g
    }

    /// The place group key of `name` (any case), if it is a known place.
    pub fn place(&self, name: &str) -> Option<&'static str> {
        crate::lower::with_lower(name, |n| self.place_lower(n))
    }

    /// The organization group key of `name` (any case), if it is a known organization.
    pub fn org(&self, name: &str) -> Option<&'static str> {
        crate::lower::with_lower(name, |n| self.org_lower(n))
    }

    /// The known place or else organization named `name` (any case), with its group key.
    pub fn known(&self, name: &str) -> Option<(EntityType, &'static str)> {
        crate::lower::with_lower(name, |n| self.known_lower(n))
    }

    /// [`Self::known`] of a name already lowercase.
    pub fn known_lower(&self, lower: &str) -> Option<(EntityType, &'static str)> {
        if !self.known.may_contain(lower) {
            return None;
        }
        if let Some(k) = self.places.get(lower) {
            return Some((EntityType::Place, k));
        }
        self.orgs.get(lower).map(|k| (EntityType::Organization, *k))
    }

    /// [`Self::place`] of a name already lowercase.
    pub fn place_lower(&self, lower: &str) -> Option<&'static str> {
        if !self.known.may_contain(lower) {
            return None;
        }
        self.places.get(lower).copied()
    }

    /// [`Self::org`] of a name already lowercase.
    pub fn org_lower(&self, lower: &str) -> Option<&'static str> {
        if !self.known.may_contain(lower) {
            return None;
        }
        self.orgs.get(lower).copied()
    }

    /// True if `word` (any case) is a frequent English word.
    pub fn is_common_word(&self, word: &str) -> bool {
        crate::lower::with_lower(word, |w| self.common.contains(w))
    }

    /// The place a demonym or adjective refers to ("Russian" -> "Russia"), matched as written.
    pub fn demonym(&self, word: &str) -> Option<&'static str> {
        self.demonyms.get(word).copied()
    }
}

/// The gazetteers, parsed on first use.
pub fn get() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::parse)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_parses() {
        for row in data_lines(COUNTRIES).chain(data_lines(REGIONS)) {
            assert!(row.split('\t').count() <= 4, "bad row {row:?}");
        }
        for row in data_lines(ROLES).chain(data_lines(CUES)) {
            assert!(row.contains('\t'), "bad row {row:?}");
        }
    }

    #[test]
    fn groups_forms() {
        let g = get();
        assert_eq!(g.place("U.S."), Some("United States"));
        assert_eq!(g.place("america"), Some("United States"));
        assert_eq!(g.place("Britain"), Some("United Kingdom"));
        assert_eq!(g.place("Moscow"), Some("Moscow"));
        assert_eq!(g.place("Kiev"), Some("Kyiv"));
        assert_eq!(g.demonym("Russian"), Some("Russia"));
        assert_eq!(g.demonym("Eurasian"), Some("Eurasia"));
        assert_eq!(g.postal.get("NJ"), Some(&"New Jersey"));
        assert_eq!(g.org("AP"), Some("Associated Press"));
        assert!(g.given.contains("Yury"));
        assert!(g.titles.contains("President"));
        assert!(g.role_nouns.contains("aide"));
        assert!(g.org_last.contains("Ministry"));
    }
}
