//! The merged cast: the people, places and organizations of every source, with the same entity
//! written differently across sources ("Yury Ushakov" / "Yuri Ushakov") merged into one.
//!
//! Two entities of different sources merge when they have the same type and their names are the
//! same entity by the entity extractor's own rules ([`crate::entities::same_entity`]: case and
//! accents folded, surname only, transliteration variants, acronyms, gazetteer groups). Names are
//! taken fullest first; a name that fits two different merged entities (a bare "Trump" beside
//! "Donald Trump" and "Melania Trump") joins neither, so no two people are merged through it.
//!
//! Promises: every source entity is in exactly one merged entity; a merged entity's `name` is
//! the name most sources use (ties: the longest, then the first source's); `aliases` are all
//! other forms written by any source, without case duplicates; `sources` lists each source once,
//! ascending. Cost: quadratic in the number of distinct entities (tens per article).

use super::types::{EntitySource, MergedEntity};
use crate::entities::{same_entity, EntityType};
use crate::model::Analysis;

/// One source entity, referenced by position.
struct Item<'a> {
    source: usize,
    kind: EntityType,
    entity: &'a crate::entities::Entity,
}

/// A merged entity under construction: indices into the items.
struct Cluster {
    kind: EntityType,
    members: Vec<usize>,
}

fn lists(a: &Analysis) -> [(EntityType, &[crate::entities::Entity]); 3] {
    [
        (EntityType::Person, &a.people),
        (EntityType::Place, &a.places),
        (EntityType::Organization, &a.organizations),
    ]
}

/// Merges the entities of the given sources. Also returns, for every source and entity type,
/// the index of the merged entity of each of that source's entities (in list order), so other
/// stages can name a source's entity by its merged name.
pub fn merge(analyses: &[Analysis]) -> (Vec<MergedEntity>, Vec<[Vec<usize>; 3]>) {
    let mut items: Vec<Item> = Vec::new();
    for (source, a) in analyses.iter().enumerate() {
        for (kind, list) in lists(a) {
            for entity in list {
                items.push(Item {
                    source,
                    kind,
                    entity,
                });
            }
        }
    }
    // Fullest names first, so clusters are founded by full names.
    let mut order: Vec<usize> = (0..items.len()).collect();
    crate::sort::by_key(&mut order, |&i| {
        (
            std::cmp::Reverse(items[i].entity.name.split_whitespace().count()),
            std::cmp::Reverse(items[i].entity.name.len()),
            i,
        )
    });
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut cluster_of = vec![usize::MAX; items.len()];
    for &i in &order {
        let it = &items[i];
        let fits: Vec<usize> = clusters
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                c.kind == it.kind
                    && !c.members.iter().any(|&m| items[m].source == it.source)
                    && c.members
                        .iter()
                        .any(|&m| same_entity(&items[m].entity.name, &it.entity.name))
            })
            .map(|(ci, _)| ci)
            .collect();
        let ci = if fits.len() == 1 {
            fits[0]
        } else {
            clusters.push(Cluster {
                kind: it.kind,
                members: Vec::new(),
            });
            clusters.len() - 1
        };
        clusters[ci].members.push(i);
        cluster_of[i] = ci;
    }
    let mut merged: Vec<MergedEntity> = clusters.iter().map(|c| build(&items, c)).collect();
    // Order: most sources, then most mentions, then name; remap the indices accordingly.
    let mut rank: Vec<usize> = (0..merged.len()).collect();
    crate::sort::by(&mut rank, |&a, &b| {
        let (x, y) = (&merged[a], &merged[b]);
        y.sources
            .len()
            .cmp(&x.sources.len())
            .then(y.mentions.cmp(&x.mentions))
            .then(x.name.cmp(&y.name))
    });
    let mut new_index = vec![0; merged.len()];
    for (new, &old) in rank.iter().enumerate() {
        new_index[old] = new;
    }
    let mut sorted: Vec<Option<MergedEntity>> = merged.drain(..).map(Some).collect();
    let merged: Vec<MergedEntity> = rank.iter().filter_map(|&old| sorted[old].take()).collect();
    let mut index: Vec<[Vec<usize>; 3]> = vec![Default::default(); analyses.len()];
    for (i, it) in items.iter().enumerate() {
        let slot = match it.kind {
            EntityType::Person => 0,
            EntityType::Place => 1,
            EntityType::Organization => 2,
        };
        index[it.source][slot].push(new_index[cluster_of[i]]);
    }
    (merged, index)
}

fn build(items: &[Item], c: &Cluster) -> MergedEntity {
    // The name most sources use; ties: longest, then earliest source.
    let mut names: Vec<(&str, usize, usize)> = Vec::new(); // (name, count, first source)
    for &m in &c.members {
        let n = items[m].entity.name.as_str();
        match names.iter_mut().find(|x| x.0 == n) {
            Some(x) => x.1 += 1,
            None => names.push((n, 1, items[m].source)),
        }
    }
    crate::sort::by(&mut names, |a, b| {
        b.1.cmp(&a.1)
            .then(b.0.len().cmp(&a.0.len()))
            .then(a.2.cmp(&b.2))
    });
    let name = names.first().map(|x| x.0.to_string()).unwrap_or_default();
    let mut aliases: Vec<String> = Vec::new();
    let mut seen = vec![name.to_lowercase()];
    let mut sources: Vec<EntitySource> = Vec::new();
    for &m in &c.members {
        let e = items[m].entity;
        for form in std::iter::once(&e.name).chain(&e.aliases) {
            let lower = form.to_lowercase();
            if !seen.contains(&lower) {
                seen.push(lower);
                aliases.push(form.clone());
            }
        }
        sources.push(EntitySource {
            source: items[m].source,
            name: e.name.clone(),
            mentions: e.mentions,
            lines: e.lines.clone(),
        });
    }
    crate::sort::by_key(&mut sources, |s| s.source);
    MergedEntity {
        name,
        kind: c.kind,
        aliases,
        mentions: sources.iter().map(|s| s.mentions).sum(),
        sources,
    }
}
