//! `presslens::compare` on the five seeds (one story told by five outlets) and on unrelated
//! bench articles, read from `../shared`. Each test states the fact a reader would check.

use presslens::{analyze, compare, Analysis, Comparison, Options};
use std::path::{Path, PathBuf};

mod common;

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

/// The seeds' analyses, in file-name order (000 … 004).
fn seeds() -> Vec<Analysis> {
    let paths = common::seed_paths();
    paths
        .iter()
        .map(|p| analyze(&std::fs::read_to_string(p).unwrap(), &Options::default()))
        .collect()
}

/// One bench page's analysis, by the first characters of its id.
fn bench(prefix: &str) -> Analysis {
    let dir = shared().join("bench/text");
    let path = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no bench page {prefix}"));
    analyze(&std::fs::read_to_string(path).unwrap(), &Options::default())
}

fn seed_comparison() -> Comparison {
    compare(&seeds())
}

#[test]
fn the_seeds_are_one_story() {
    let c = seed_comparison();
    assert!(c.same_story, "pairs: {:?}", c.pairs);
    assert_eq!(c.stories, vec![vec![0, 1, 2, 3, 4]]);
    assert_eq!(c.pairs.len(), 10);
    assert!(c.pairs.iter().all(|p| p.same_story));
}

#[test]
fn the_putin_quote_is_a_passage_shared_by_002_and_003() {
    let c = seed_comparison();
    let p = c
        .shared_passages
        .iter()
        .find(|p| {
            p.occurrences[0]
                .text
                .contains("We stand united in advocating")
        })
        .expect("the Putin quote is shared");
    let where_: Vec<(usize, Vec<usize>)> = p
        .occurrences
        .iter()
        .map(|o| (o.source, o.lines.clone()))
        .collect();
    assert_eq!(where_, vec![(2, vec![18]), (3, vec![6])]);
    assert!(p.similarity > 0.9, "near verbatim: {}", p.similarity);
}

#[test]
fn seeds_002_and_003_share_their_lead_and_the_video_link_sentence_despite_edits() {
    let c = seed_comparison();
    let between = |l2: usize, l3: usize| {
        c.shared_passages.iter().any(|p| {
            p.occurrences.len() == 2
                && p.occurrences[0].source == 2
                && p.occurrences[0].lines.contains(&l2)
                && p.occurrences[1].source == 3
                && p.occurrences[1].lines.contains(&l3)
                && p.similarity < 1.0
        })
    };
    assert!(
        between(7, 2),
        "the lead (\"pledged to elevate\"): {:#?}",
        c.shared_passages
    );
    assert!(
        between(16, 5),
        "\"via video link … Great Hall of the People\""
    );
}

#[test]
fn sentences_naming_the_same_leaders_are_not_copied_passages() {
    // 000 and 001 both write "Russian President Vladimir Putin and Chinese President Xi
    // Jinping" but nothing else alike: no passage between them.
    let c = seed_comparison();
    assert!(!c.shared_passages.iter().any(|p| {
        let s: Vec<usize> = p.occurrences.iter().map(|o| o.source).collect();
        s.contains(&0) && s.contains(&1)
    }));
}

#[test]
fn two_unrelated_bench_articles_are_not_one_story() {
    // Julian Assange (BBC) and Jupiter's moon Europa (Space.com).
    let c = compare(&[bench("c7e39ac49fa1"), bench("686bb170effe")]);
    assert!(!c.same_story, "{:?}", c.pairs);
    assert_eq!(c.stories, vec![vec![0], vec![1]]);
}

#[test]
fn two_outlets_on_one_bench_story_are_one_story() {
    // Sweden drops the Assange investigation: Al Bawaba and the BBC.
    let c = compare(&[bench("dc7ccccc1f34"), bench("c7e39ac49fa1")]);
    assert!(c.same_story, "{:?}", c.pairs);
}

#[test]
fn a_seed_and_a_bench_article_are_not_one_story() {
    let seeds = seeds();
    // Hong Kong and Xi Jinping (Washington Examiner): shares a leader with the seeds.
    let c = compare(&[seeds[2].clone(), bench("e4c6a3b48240")]);
    assert!(!c.same_story, "{:?}", c.pairs);
    let c = compare(&[seeds[3].clone(), bench("c7e39ac49fa1")]);
    assert!(!c.same_story, "{:?}", c.pairs);
}

#[test]
fn the_seeds_with_an_unrelated_article_make_two_stories() {
    let mut all = seeds();
    all.push(bench("686bb170effe"));
    let c = compare(&all);
    assert!(!c.same_story);
    assert_eq!(c.stories, vec![vec![0, 1, 2, 3, 4], vec![5]]);
    // No passage is claimed between the odd one out and the seeds.
    assert!(c
        .shared_passages
        .iter()
        .all(|p| p.occurrences.iter().all(|o| o.source < 5)));
}

#[test]
fn fewer_than_two_or_empty_articles_compare_without_panic() {
    let empty = analyze("", &Options::default());
    assert!(!compare(&[]).same_story);
    let one = compare(std::slice::from_ref(&empty));
    assert!(!one.same_story && one.pairs.is_empty());
    let two = compare(&[empty.clone(), empty]);
    assert!(!two.same_story, "two empty pastes are no story");
    assert_eq!(two.pairs[0].score, 0.0);
}

#[test]
fn cli_compare_prints_json_and_markdown() {
    let dir = shared().join("seeds");
    let files: Vec<String> = ["002_76c0330dd5674082.txt", "003_b70482fa468ef9dd.txt"]
        .iter()
        .map(|f| dir.join(f).to_string_lossy().into_owned())
        .collect();
    let run = |extra: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_presslens"))
            .arg("compare")
            .args(extra)
            .args(&files)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let json: Comparison = serde_json::from_str(&run(&[])).expect("JSON Comparison");
    assert!(json.same_story);
    let md = run(&["--format", "markdown"]);
    assert!(md.contains("One story."), "{md}");
    assert!(md.contains("002_76c0330dd5674082.txt (line 18)"), "{md}");
    let lone = std::process::Command::new(env!("CARGO_BIN_EXE_presslens"))
        .args(["compare", &files[0]])
        .output()
        .unwrap();
    assert_eq!(lone.status.code(), Some(2), "one file is a usage error");
}

/// The sources of one value of a disagreement, by its value's prefix.
fn sources_of(g: &presslens::compare::ClaimGroup, value_prefix: &str) -> Vec<(usize, usize)> {
    g.values
        .iter()
        .find(|v| v.value.starts_with(value_prefix))
        .map(|v| v.sources.iter().map(|e| (e.source, e.line)).collect())
        .unwrap_or_default()
}

#[test]
fn january_21_against_january_22_is_a_disagreement_with_its_sources() {
    let c = seed_comparison();
    let g = c
        .disagreements
        .iter()
        .find(|g| g.about == "date of the event")
        .expect("the event date is disputed");
    // 002 says "on Tuesday" and dates its photo January 21, 2025 (line 9): that Tuesday;
    // 003 says only "Tuesday", with no date of its own: it falls on January 21, not the 22nd.
    assert_eq!(sources_of(g, "2025-01-21"), vec![(2, 7), (3, 2)]);
    assert_eq!(sources_of(g, "2025-01-22"), vec![(1, 10)]);
    assert_eq!(g.values.len(), 2);
    let tuesday = &g.values[0].sources[1];
    assert_eq!(tuesday.text, "Tuesday");
    assert!(tuesday.note.as_deref().unwrap_or("").contains("no date"));
}

#[test]
fn ushakov_is_one_person_across_spellings() {
    let c = seed_comparison();
    let ushakov: Vec<_> = c
        .entities
        .iter()
        .filter(|e| e.name.contains("Ushakov") || e.aliases.iter().any(|a| a.contains("Ushakov")))
        .collect();
    assert_eq!(ushakov.len(), 1, "{ushakov:#?}");
    let u = ushakov[0];
    assert_eq!(u.name, "Yury Ushakov", "the spelling most sources use");
    assert!(u.aliases.iter().any(|a| a == "Yuri Ushakov"));
    let srcs: Vec<(usize, &str)> = u
        .sources
        .iter()
        .map(|s| (s.source, s.name.as_str()))
        .collect();
    assert_eq!(
        srcs,
        vec![
            (2, "Yury Ushakov"),
            (3, "Yury Ushakov"),
            (4, "Yuri Ushakov")
        ]
    );
    // Every person is listed once.
    let mut people: Vec<&str> = c
        .entities
        .iter()
        .filter(|e| e.kind == presslens::entities::EntityType::Person)
        .map(|e| e.name.as_str())
        .collect();
    let n = people.len();
    people.dedup();
    assert_eq!(people.len(), n);
}

#[test]
fn the_45th_president_disagrees_with_the_second_term() {
    let c = seed_comparison();
    let g = c
        .disagreements
        .iter()
        .find(|g| g.about == "office of Donald Trump")
        .expect("an office disagreement about Trump");
    assert_eq!(sources_of(g, "45th President"), vec![(4, 12)]);
    assert_eq!(sources_of(g, "second term"), vec![(2, 34), (2, 52)]);
}

#[test]
fn the_putin_quote_is_one_quotation_carried_by_002_and_003() {
    let c = seed_comparison();
    let q = c
        .quotes
        .iter()
        .find(|q| q.text.starts_with("We stand united in advocating"))
        .expect("the Putin quote");
    assert_eq!(q.speaker.as_deref(), Some("Vladimir Putin"));
    assert!(!q.wording_differs);
    let mut srcs: Vec<usize> = q.sources.iter().map(|s| s.source).collect();
    srcs.dedup();
    assert_eq!(srcs, vec![2, 3]);
    // And as a claim both sources agree on.
    let g = c
        .claims
        .iter()
        .find(|g| {
            g.about
                .starts_with("words of Vladimir Putin: “We stand united")
        })
        .expect("a claim group");
    assert_eq!(g.values.len(), 1);
    assert!(!c.disagreements.contains(g));
}

#[test]
fn places_only_004_names_are_unique_to_it() {
    let c = seed_comparison();
    for place in ["Middle East", "South Korea", "Taiwan"] {
        assert!(
            c.unique.iter().any(|u| u.source == 4 && u.text == place),
            "{place} only in 004: {:#?}",
            c.unique
        );
    }
    // Names every source gives are never unique.
    assert!(!c.unique.iter().any(|u| u.text == "Vladimir Putin"));
}

#[test]
fn unrelated_articles_make_no_claims_against_each_other() {
    let c = compare(&[seeds()[2].clone(), bench("686bb170effe")]);
    assert!(c.claims.is_empty() && c.disagreements.is_empty() && c.unique.is_empty());
}

#[test]
fn the_240_billion_and_64_percent_figures_are_unique_to_004() {
    let c = seed_comparison();
    let figures: Vec<(usize, &str, &[usize])> = c
        .unique
        .iter()
        .filter(|u| u.kind == presslens::compare::UniqueKind::Figure)
        .map(|u| (u.source, u.text.as_str(), u.lines.as_slice()))
        .collect();
    assert!(
        figures.contains(&(4, "$240 billion", &[16][..])),
        "{figures:?}"
    );
    assert!(
        figures.contains(&(4, "more than 64%", &[16][..])),
        "{figures:?}"
    );
    // Unique figures are in no claim group (no other source states or disputes them).
    assert!(!c.claims.iter().any(|g| g
        .values
        .iter()
        .any(|v| v.value == "$240 billion" || v.value == "more than 64%")));
}

#[test]
fn cli_compare_finds_the_figures_with_the_library_features() {
    // The binary is built without the dev-dependencies' regex features: a pattern needing
    // more than the library enables would find nothing here.
    let dir = shared().join("seeds");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_presslens"))
        .arg("compare")
        .arg(dir.join("003_b70482fa468ef9dd.txt"))
        .arg(dir.join("004_4c0c8cfbf4c54f0e.txt"))
        .output()
        .unwrap();
    let c: Comparison = serde_json::from_slice(&out.stdout).expect("JSON Comparison");
    assert!(c
        .unique
        .iter()
        .any(|u| u.source == 1 && u.text == "$240 billion"));
    assert!(c
        .unique
        .iter()
        .any(|u| u.source == 1 && u.text == "more than 64%"));
}
