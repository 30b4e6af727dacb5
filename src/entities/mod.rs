//! People, places and organizations named in the article body, with their aliases merged.
//!
//! How: capitalized word sequences ([`spans`]) are typed by the gazetteers ([`gazetteer`]:
//! countries, regions, cities, organizations, given names, titles, role nouns, cue words) and by
//! context (a title or role noun before a name), then the whole document is made consistent: a
//! name seen once as a person stays a person, and a lone surname or first name joins the person
//! it names ([`names`]). Demonyms ("Russian") count as mentions of their place but never become
//! names.
//!
//! Promises: each entity's `name` is the fullest form written in the body (for a place known
//! only from a demonym before a geographic noun, "the Eurasian space", the gazetteer name);
//! `aliases` are the other forms written (titled forms like "President Trump" included), without
//! case duplicates and without `name`; `mentions` counts every mention (demonyms included);
//! lists are sorted by mentions, most first, then by first line. Never panics; linear in the
//! text apart from merging, which is quadratic only in the number of distinct names.

pub mod gazetteer;
pub mod names;
pub mod spans;
pub mod tokens;

use crate::fasthash::{FastMap, FastSet};
use serde::{Deserialize, Serialize};
use spans::{DocContext, Evidence, Piece};

pub use names::{canonical_key, same_entity};

/// The three entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    /// A person (real or fictional).
    Person,
    /// A country, region, city, street, venue, body of water, planet.
    Place,
    /// A company, agency, ministry, party, team, outlet, university, legislature.
    Organization,
}

/// One entity of the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// The canonical name: the fullest form written in the body.
    pub name: String,
    /// The other forms written (surname only, title + name, abbreviations), without `name`.
    pub aliases: Vec<String>,
    /// How many times the entity is mentioned (demonyms included for places).
    pub mentions: usize,
    /// The input line of the first mention (1-based).
    pub first_line: usize,
    /// Every input line with a mention, ascending.
    pub lines: Vec<usize>,
    /// The title or role written before the name the first time one was ("Chinese President").
    pub role: Option<String>,
}

/// One mention of an entity, for the stages that need positions (quotes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Input line number (1-based).
    pub line: usize,
    /// Byte range in the line's text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// Which list the entity is in.
    pub kind: EntityType,
    /// Index of the entity in that list.
    pub index: usize,
    /// The mention is a demonym ("Russian"), not a name.
    pub demonym: bool,
}

/// The entities of one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entities {
    /// People, most mentioned first.
    pub people: Vec<Entity>,
    /// Places, most mentioned first.
    pub places: Vec<Entity>,
    /// Organizations, most mentioned first.
    pub organizations: Vec<Entity>,
    /// Every mention, in text order (line, then offset).
    pub mentions: Vec<Mention>,
}

impl Entities {
    /// The entity list of one type.
    pub fn list(&self, kind: EntityType) -> &[Entity] {
        match kind {
            EntityType::Person => &self.people,
            EntityType::Place => &self.places,
            EntityType::Organization => &self.organizations,
        }
    }
}

/// One line of article text with its input line number.
#[derive(Debug, Clone, Copy)]
pub struct BodyLine<'a> {
    /// 1-based input line number.
    pub line: usize,
    /// The line's text.
    pub text: &'a str,
}

/// True for heading-like lines (most words capitalized), where capitalization says nothing.
fn is_title_case(toks: &[tokens::Tok]) -> bool {
    let mut words = toks
        .iter()
        .filter(|t| t.text.chars().any(char::is_alphabetic));
    let Some(first) = words.next() else {
        return false;
    };
    // Capitalized words that are not stopwords, of the content words (capitalized or not
    // stopwords).
    let (mut n, mut caps, mut content) = (0, 0, 0);
    for t in std::iter::once(first).chain(words) {
        n += 1;
        if t.is_cap() {
            content += 1;
            caps += usize::from(!crate::lexicon::is_stopword(t.text));
        } else if !crate::lower::with_lower(t.text, crate::lexicon::is_stopword) {
            content += 1;
        }
    }
    if n < 2 {
        return first.is_all_caps();
    }
    caps * 10 >= content.max(1) * 7
}

/// True for a line (`text`, of `n` tokens) that reads as prose despite its capitals: long, or
/// ending like a sentence.
fn looks_like_sentence(text: &str, n: usize) -> bool {
    n > 14 || text.trim_end().ends_with(['.', '?', '!', '”', '"']) && n > 6
}

/// A piece placed in the document (72 bytes: the pieces of a long paste are held at once;
/// its folded name is folded again where it is read rather than kept).
struct Found {
    line: usize,
    piece: Piece,
}

/// One token of [`tokens::for_each_token`] without its text (a byte range of its line), kept
/// between the two passes of [`extract`]: 8 bytes a word instead of 40, and each line tokenized
/// once.
#[derive(Clone, Copy)]
struct Packed {
    start: u32,
    len: u16,
    flags: u8,
}

const BREAK_BEFORE: u8 = 1;
const BREAK_AFTER: u8 = 2;
const POSSESSIVE: u8 = 4;
const SENTENCE_START: u8 = 8;
const QUOTED: u8 = 16;

impl Packed {
    /// `t` packed; None when its offset does not fit in `u32` or its length in `u16`.
    fn new(t: &tokens::Tok) -> Option<Packed> {
        let flag = |b: bool, f: u8| if b { f } else { 0 };
        Some(Packed {
            start: u32::try_from(t.start).ok()?,
            len: u16::try_from(t.end.checked_sub(t.start)?).ok()?,
            flags: flag(t.break_before, BREAK_BEFORE)
                | flag(t.break_after, BREAK_AFTER)
                | flag(t.possessive, POSSESSIVE)
                | flag(t.sentence_start, SENTENCE_START)
                | flag(t.quoted, QUOTED),
        })
    }

    /// `tk` cleared, then the tokens `toks` (packed from `line`) again.
    fn unpack_all<'a>(toks: &[Packed], line: &'a str, tk: &mut Vec<tokens::Tok<'a>>) {
        tk.clear();
        tk.extend(toks.iter().map(|p| p.unpack(line)));
    }

    /// The token again, its text read from `line` (the line it was packed from).
    fn unpack<'a>(&self, line: &'a str) -> tokens::Tok<'a> {
        let start = self.start as usize;
        let end = start + self.len as usize;
        tokens::Tok {
            text: line.get(start..end).unwrap_or(""),
            start,
            end,
            break_before: self.flags & BREAK_BEFORE != 0,
            break_after: self.flags & BREAK_AFTER != 0,
            possessive: self.flags & POSSESSIVE != 0,
            sentence_start: self.flags & SENTENCE_START != 0,
            quoted: self.flags & QUOTED != 0,
        }
    }
}

/// How many tokens of a line the span pass reads at once (with the few around them it may
/// look at, [`spans::READS_BEFORE`] and [`spans::READS_FROM`]): ~11 KB of `Tok`s whatever the
/// line's length (a 50 KB line of prose has ~8,500 tokens). Lines of the bench pages have
/// fewer, and are read whole.
const WINDOW_TOKENS: usize = 256;

/// Extracts the entities of the given article lines. Never panics.
pub fn extract(lines: &[BodyLine]) -> Entities {
    extract_in_windows(lines, WINDOW_TOKENS)
}

/// [`extract`], the span pass reading `window` tokens of a line at a time (at least one): the
/// same entities whatever `window` (the tokens it reads around a window are unpacked with it,
/// and each window's scan starts where the last one's stopped).
fn extract_in_windows(lines: &[BodyLine], window: usize) -> Entities {
    let window = window.max(1);
    let gaz = gazetteer::get();
    // Two passes over the tokens: the document's word context, then the spans. Each line is
    // tokenized once, token by token (a whole long line's `Tok`s would be ~40 bytes per word
    // held at once); its tokens are kept packed in between, and the span pass unpacks a window
    // of them at a time. A line whose tokens do not pack is tokenized again, whole.
    // The word sets hold only what `DocContext` looks up: no stopwords (a stopword is common
    // before the sets are asked), and capitalized words only when frequent English words.
    let mut lower_words: FastSet<&str> = FastSet::default();
    let mut lower_owned: FastSet<String> = FastSet::default();
    let mut mid_caps: FastSet<&str> = FastSet::default();
    // Prose has a token every 5.5 to 6 bytes: one allocation for most texts.
    let total: usize = lines.iter().map(|l| l.text.len()).sum();
    let mut packed: Vec<Packed> = Vec::with_capacity(total / 5 + lines.len());
    // Each line's range of packed tokens (None: not packed).
    let mut packed_at: Vec<Option<(usize, usize)>> = Vec::with_capacity(lines.len());
    for l in lines {
        let at = packed.len();
        let mut ok = true;
        tokens::for_each_token(l.text, &mut |t| {
            let first = t.text.chars().next();
            if first.is_some_and(char::is_lowercase) {
                crate::lower::with_lower(t.text, |lw| {
                    if crate::lexicon::is_stopword(lw) {
                    } else if lw == t.text {
                        lower_words.insert(t.text);
                    } else if !lower_owned.contains(lw) {
                        lower_owned.insert(lw.to_string());
                    }
                });
            } else if first.is_some_and(char::is_uppercase)
                && !t.sentence_start
                && !t.break_before
                && crate::lower::with_lower(t.text, |lw| gaz.common.contains(lw))
            {
                mid_caps.insert(t.text);
            }
            if ok {
                match Packed::new(&t) {
                    Some(p) => packed.push(p),
                    None => ok = false,
                }
            }
        });
        if ok {
            packed_at.push(Some((at, packed.len())));
        } else {
            packed.truncate(at);
            packed_at.push(None);
        }
    }
    let cx = DocContext {
        gaz,
        lower_words,
        lower_owned,
        mid_caps,
    };
    let mut found: Vec<Found> = Vec::new();
    // One window's tokens.
    let mut tk: Vec<tokens::Tok> = Vec::new();
    for (l, at) in lines.iter().zip(packed_at.iter().copied()) {
        let first = found.len();
        // A line whose tokens did not pack: all of them, read as one window.
        let unpacked = at.is_none();
        if unpacked {
            tk.clear();
            tokens::for_each_token(l.text, &mut |t| tk.push(t));
        }
        let toks = at.map_or(&[][..], |(a, b)| &packed[a..b]);
        let n = if unpacked { tk.len() } else { toks.len() };
        // (A heading-like line has at most 14 tokens.)
        let restricted = !looks_like_sentence(l.text, n) && {
            if !unpacked {
                Packed::unpack_all(toks, l.text, &mut tk);
            }
            is_title_case(&tk)
        };
        let mut emit = |mut piece: Piece| {
            piece.restricted = restricted;
            found.push(Found {
                line: l.line,
                piece,
            })
        };
        let window = if unpacked { n } else { window };
        let mut from = 0;
        while from < n {
            let to = n.min(from.saturating_add(window));
            let lo = from.saturating_sub(spans::READS_BEFORE);
            let hi = n.min(to - 1 + spans::READS_FROM);
            if !unpacked {
                Packed::unpack_all(&toks[lo..hi], l.text, &mut tk);
            }
            // `scan` stops at `to - lo` or after it: every window moves on.
            from = lo + spans::scan(l.text, &tk, from - lo, to - lo, &cx, &mut emit);
        }
        for k in first + 1..found.len() {
            let (before, after) = found.split_at_mut(k);
            spans::place_before_state(l.text, &mut before[k - 1].piece, &after[0].piece, gaz);
        }
    }
    drop((cx, packed, packed_at, tk));
    found.shrink_to_fit();
    resolve_types(&mut found);
    build(found)
}

/// Gives every untyped piece the type the rest of the document supports, or drops it; drops
/// pieces of heading-like lines that are not known from elsewhere.
fn resolve_types(found: &mut Vec<Found>) {
    // Types decided with evidence, by folded surface.
    let mut typed: FastMap<String, (EntityType, Evidence)> = FastMap::default();
    for f in found.iter() {
        if f.piece.restricted || f.piece.demonym {
            continue;
        }
        if let Some(k) = f.piece.kind {
            let key = names::fold(f.piece.text());
            match typed.get_mut(&key) {
                Some(e) => {
                    if f.piece.evidence > e.1 {
                        *e = (k, f.piece.evidence);
                    }
                }
                None => {
                    typed.insert(key, (k, f.piece.evidence));
                }
            }
        }
    }
    let mut persons = names::PersonIndex::default();
    let mut person_keys: Vec<&String> = Vec::new();
    for (k, (t, e)) in &typed {
        if *t == EntityType::Person && (*e > Evidence::Weak || k.contains(' ')) {
            persons.add(k);
            person_keys.push(k);
        }
    }
    let org_initials: FastSet<String> = found
        .iter()
        .filter(|f| f.piece.kind == Some(EntityType::Organization))
        .map(|f| names::initials(f.piece.text()))
        .filter(|i| i.len() >= 2)
        .collect();
    for f in found.iter_mut() {
        let p = &mut f.piece;
        let folded = names::fold(p.text());
        let key: &str = &folded;
        if p.demonym {
            continue;
        }
        // Document consistency: the best-supported type of this surface wins.
        if let Some((t, e)) = typed.get(key) {
            if *e >= p.evidence && (p.kind.is_none() || *e > p.evidence) {
                p.kind = Some(*t);
                p.evidence = *e;
            }
        }
        let single = p.n_words == 1;
        let person_match = persons
            .matches(key)
            .iter()
            .any(|&id| person_keys[id] != key);
        if person_match
            && (p.kind.is_none() || p.evidence < Evidence::Strong || single && p.key.is_none())
        {
            p.kind = Some(EntityType::Person);
            p.evidence = Evidence::Medium;
        }
        if p.kind.is_none() && single {
            let w = &p.name;
            if w.len() >= 2
                && w.chars().all(|c| c.is_ascii_uppercase())
                && org_initials.contains(&**w)
            {
                p.kind = Some(EntityType::Organization);
                p.evidence = Evidence::Medium;
            }
        }
        // "Bidens": a family, not a name of its own.
        if single && p.key.is_none() && p.evidence < Evidence::Strong {
            if let Some(stem) = key.strip_suffix('s') {
                if !persons.matches(stem).is_empty() {
                    p.kind = None;
                }
            }
        }
        let titled_person = p.kind == Some(EntityType::Person) && p.evidence == Evidence::Strong;
        if p.restricted
            && p.key.is_none()
            && !titled_person
            && typed.get(key).is_none_or(|(_, e)| *e < Evidence::Medium)
            && !person_match
        {
            p.kind = None;
        }
    }
    found.retain(|f| f.piece.kind.is_some());
    // Merging holds its own tables next to the pieces: give back the dropped ones' room.
    found.shrink_to_fit();
}

/// A group of pieces that name one entity: counters only (its pieces are found again by a
/// counting sort on the cluster of each piece).
struct Cluster {
    kind: EntityType,
    /// Pieces in the cluster (its mentions).
    mentions: usize,
    /// Pieces that are not demonyms (its written forms).
    forms: usize,
    /// The lowest line of its pieces.
    first_line: usize,
}

/// Groups the typed pieces into entities: lists sorted by mentions, most first, then by first
/// line; mentions in text order. The merging tables are dropped before the output is built,
/// and every output vector is allocated at its final length.
fn build(found: Vec<Found>) -> Entities {
    let mut clusters: Vec<Cluster> = Vec::new();
    // The cluster of each piece (`usize::MAX`: none).
    let mut cluster_of: Vec<usize> = vec![usize::MAX; found.len()];
    // Clusters by folded name or group key, one slot per type.
    // (`NONE` marks an empty slot.)
    const NONE: u32 = u32::MAX;
    let mut by_key: FastMap<String, [u32; 3]> = FastMap::default();
    let slot = |kind: EntityType| kind as usize;
    // Cluster indices fit in u32: there are fewer clusters than pieces, and the pieces of
    // one document fewer than 2^32 (each holds a char of text).
    let as_u32 = |ci: usize| u32::try_from(ci).unwrap_or(NONE);
    // Person clusters by first/last word, organization clusters by initials and by acronym.
    let mut person_ix = names::PersonIndex::default();
    let mut person_cluster: Vec<usize> = Vec::new();
    let mut org_by_initials: FastMap<String, usize> = FastMap::default();
    // All-capital organization names (acronyms), sorted, each with its cluster: a sorted `Vec`
    // rather than a `BTreeMap` (no B-tree code in the wasm module; there are few).
    let mut org_by_acronym: Vec<(String, usize)> = Vec::new();
    // People first by descending length so that full names exist before surnames join them.
    let mut order: Vec<usize> = (0..found.len()).collect();
    crate::sort::by_key(&mut order, |&i| {
        let p = &found[i].piece;
        (std::cmp::Reverse(p.n_words), found[i].line, p.start)
    });
    for &i in &order {
        let f = &found[i];
        let p = &f.piece;
        let Some(kind) = p.kind else { continue };
        let folded = &names::fold(p.text());
        let key = match p.key {
            Some(k) => std::borrow::Cow::Owned(names::fold(k)),
            None => std::borrow::Cow::Borrowed(&**folded),
        };
        let mut idx = by_key
            .get(key.as_ref())
            .map(|s| s[slot(kind)])
            .filter(|&c| c != NONE)
            .map(|c| c as usize);
        if idx.is_none() && kind == EntityType::Person {
            idx = person_ix
                .matches(folded)
                .into_iter()
                .map(|id| person_cluster[id])
                .max_by_key(|&i| (clusters[i].mentions, std::cmp::Reverse(i)));
        }
        let text = p.text();
        let initials = names::initials(text);
        if idx.is_none() && kind == EntityType::Organization {
            idx = org_by_initials.get(text).copied().or_else(|| {
                org_by_acronym
                    .iter()
                    .take(64)
                    .filter(|(a, _)| a.len() <= 8 && names::is_acronym_of(a, text))
                    .map(|&(_, c)| c)
                    .min()
            });
        }
        let ci = match idx {
            Some(ci) => ci,
            None => {
                clusters.push(Cluster {
                    kind,
                    mentions: 0,
                    forms: 0,
                    first_line: f.line,
                });
                let ci = clusters.len() - 1;
                if kind == EntityType::Person {
                    person_ix.add(folded);
                    person_cluster.push(ci);
                }
                ci
            }
        };
        if kind == EntityType::Organization {
            if initials.len() >= 2 && text.contains(' ') {
                org_by_initials.entry(initials).or_insert(ci);
                // With connector letters too ("MOTIE" for "Ministry of Trade, …").
                let all: String = text
                    .split(' ')
                    .filter_map(|w| w.chars().next())
                    .flat_map(char::to_uppercase)
                    .filter(char::is_ascii_uppercase)
                    .collect();
                org_by_initials.entry(all).or_insert(ci);
            }
            if text.len() >= 2 && text.chars().all(|c| c.is_ascii_uppercase()) {
                if let Err(at) = org_by_acronym.binary_search_by(|(a, _)| a.as_str().cmp(text)) {
                    org_by_acronym.insert(at, (text.to_string(), ci));
                }
            }
        }
        by_key.entry(key.into_owned()).or_insert([NONE; 3])[slot(kind)] = as_u32(ci);
        if let Some(s) = by_key.get_mut(&**folded) {
            if s[slot(kind)] == NONE {
                s[slot(kind)] = as_u32(ci);
            }
        } else {
            let mut s = [NONE; 3];
            s[slot(kind)] = as_u32(ci);
            by_key.insert(folded.to_string(), s);
        }
        let c = &mut clusters[ci];
        c.mentions += 1;
        c.forms += usize::from(!p.demonym);
        c.first_line = c.first_line.min(f.line);
        cluster_of[i] = ci;
    }
    drop((
        by_key,
        person_ix,
        person_cluster,
        org_by_initials,
        org_by_acronym,
    ));
    // Counting sort of the pieces by cluster, each cluster's in merge order: `end[c]` starts
    // at the cluster's first slot and ends one past its last.
    let mut end: Vec<usize> = Vec::with_capacity(clusters.len());
    let mut sum = 0;
    for c in &clusters {
        end.push(sum);
        sum += c.mentions;
    }
    let mut sorted: Vec<usize> = vec![0; sum];
    for &i in &order {
        if let Some(at) = end.get_mut(cluster_of[i]) {
            sorted[*at] = i;
            *at += 1;
        }
    }
    drop((order, cluster_of));
    // Places known only from demonyms are not listed. Most mentions first, then first line.
    let mut ranked: Vec<usize> = Vec::with_capacity(clusters.len());
    for (c, cluster) in clusters.iter().enumerate() {
        if cluster.forms > 0 {
            ranked.push(c);
        }
    }
    crate::sort::by_key(&mut ranked, |&c| {
        (
            std::cmp::Reverse(clusters[c].mentions),
            clusters[c].first_line,
        )
    });
    let (mut counts, mut mentions) = ([0; 3], 0);
    for &c in &ranked {
        counts[slot(clusters[c].kind)] += 1;
        mentions += clusters[c].mentions;
    }
    let mut out = Entities {
        people: Vec::with_capacity(counts[slot(EntityType::Person)]),
        places: Vec::with_capacity(counts[slot(EntityType::Place)]),
        organizations: Vec::with_capacity(counts[slot(EntityType::Organization)]),
        mentions: Vec::with_capacity(mentions),
    };
    let mut scratch = Scratch::default();
    for c in ranked {
        let c_end = end[c];
        let c = &clusters[c];
        let list = match c.kind {
            EntityType::Person => &mut out.people,
            EntityType::Place => &mut out.places,
            EntityType::Organization => &mut out.organizations,
        };
        let index = list.len();
        let pieces = &sorted[c_end - c.mentions..c_end];
        list.push(to_entity(&found, pieces, &mut scratch));
        for &i in pieces {
            let f = &found[i];
            out.mentions.push(Mention {
                line: f.line,
                start: f.piece.start,
                end: f.piece.end,
                kind: c.kind,
                index,
                demonym: f.piece.demonym,
            });
        }
    }
    crate::sort::by_key(&mut out.mentions, |m| (m.line, m.start));
    out
}

/// Buffers [`to_entity`] reuses from one entity to the next.
#[derive(Default)]
struct Scratch<'a> {
    forms: Vec<(&'a str, usize)>,
    aliases: Vec<&'a str>,
    lines: Vec<usize>,
}

fn is_all_caps(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() > 1 && !s.chars().any(char::is_lowercase)
}

/// The entity named by `pieces` (indices into `found`, in merge order; at least one not a
/// demonym): its fullest written form, the other forms and titled forms, every line, the
/// earliest role. Its vectors are allocated at their final length.
fn to_entity<'a>(found: &'a [Found], pieces: &[usize], s: &mut Scratch<'a>) -> Entity {
    s.forms.clear();
    let mut role: Option<(usize, &str)> = None;
    for &i in pieces {
        let f = &found[i];
        let at = f.line * 100_000 + f.piece.start;
        if !f.piece.demonym {
            s.forms.push((f.piece.text(), at));
        }
        if let Some(r) = &f.piece.role {
            if role.is_none_or(|(l, _)| l > at) {
                role = Some((at, &r.role));
            }
        }
    }
    crate::sort::by_key(&mut s.forms, |f| f.1);
    // The fullest written form: not all capitals (unless nothing else), most words, longest.
    let name = s
        .forms
        .iter()
        .enumerate()
        .max_by_key(|(i, f)| {
            (
                !is_all_caps(f.0) || f.0.len() <= 4,
                f.0.split(' ').count(),
                f.0.len(),
                std::cmp::Reverse(*i),
            )
        })
        .map_or("", |(_, f)| f.0);
    let mut seen: FastSet<String> = FastSet::default();
    seen.insert(names::fold(name));
    s.aliases.clear();
    let titled = pieces
        .iter()
        .filter_map(|&i| found[i].piece.role.as_ref()?.titled.as_deref());
    for f in s.forms.iter().map(|f| f.0).chain(titled) {
        if seen.insert(names::fold(f)) {
            s.aliases.push(f);
        }
    }
    s.lines.clear();
    for &i in pieces {
        s.lines.push(found[i].line);
    }
    s.lines.sort_unstable();
    s.lines.dedup();
    let mut aliases = Vec::with_capacity(s.aliases.len());
    for a in &s.aliases {
        aliases.push(a.to_string());
    }
    Entity {
        name: name.to_string(),
        aliases,
        mentions: pieces.len(),
        first_line: s.lines.first().copied().unwrap_or(0),
        lines: s.lines.to_vec(),
        role: role.map(|r| r.1.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_in_windows_finds_what_reading_whole_finds() {
        // Every bench page joined into one line: a window cut falls inside names, titles,
        // role phrases and "City, State" pairs; with a window of one token, at every token.
        let pages = crate::test_pages::bench_pages_as_one_line();
        let mut texts = vec![
            pages.join(" "),
            // The farthest reads before and after a span's start: a role phrase of four words,
            // a comma list closed by "and" five words after the span's fourteenth word.
            "The foreign affairs aide Yury Ushakov met Chinese President Xi Jinping in \
             Gladstone, NJ, with the Sheriff’s Department and officials of the Ministry of \
             Trade Mines Industry Planning Finance Health Labour Tourism Transport Culture \
             Water, Sport Youth Women Science Education and Research. "
                .repeat(20),
        ];
        texts.extend(pages);
        for (i, text) in texts.iter().enumerate() {
            let lines = [BodyLine { line: 1, text }];
            let whole = extract_in_windows(&lines, usize::MAX);
            let found = whole.people.len() > 1 && whole.places.len() > 1;
            assert!(i > 1 || text.is_empty() || found);
            for window in [1, 2, 3, 7, 16, WINDOW_TOKENS] {
                let head: String = text.chars().take(60).collect();
                assert!(
                    extract_in_windows(&lines, window) == whole,
                    "window {window}: {head}"
                );
            }
        }
    }

    #[test]
    fn a_line_whose_tokens_do_not_pack_is_read_whole() {
        // A word over 64 KiB does not pack: its line is tokenized again, whole.
        let text = "x".repeat(70_000) + " Chancellor Angela Merkel met Emmanuel Macron in Paris.";
        let e = extract(&[BodyLine {
            line: 1,
            text: &text,
        }]);
        let names = |l: &[Entity]| l.iter().map(|e| e.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&e.people), ["Angela Merkel", "Emmanuel Macron"]);
        assert_eq!(names(&e.places), ["Paris"]);
    }

    #[test]
    fn pieces_stay_small() {
        // Every piece of a paste is held until its entities are built.
        assert!(std::mem::size_of::<Piece>() <= 64);
        assert!(std::mem::size_of::<Found>() <= 72);
    }
}
