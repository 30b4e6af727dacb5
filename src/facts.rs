//! The facts stage: everything extracted from the clean article lines (entities, quotes), in
//! one value that [`crate::analyze`] copies into the [`crate::Analysis`] and that the bench and
//! tests can compute from any text lines (the benchmark's true bodies).

use crate::entities::{self, BodyLine, Entity};
use crate::figures::{self, Figure};
use crate::meta::date::DateContext;
use crate::quotes::{self, Quote};
use crate::summary::{self, SummarySentence};

/// What the facts stage extracts from article lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    /// People, most mentioned first.
    pub people: Vec<Entity>,
    /// Places, most mentioned first.
    pub places: Vec<Entity>,
    /// Organizations, most mentioned first.
    pub organizations: Vec<Entity>,
    /// Quotations and quoted terms, in text order.
    pub quotes: Vec<Quote>,
    /// Money, percentages, counts, dates, durations, ordinals, quantities, in text order (the
    /// first [`figures::Figures::limit`] of the text's length).
    pub figures: Vec<Figure>,
    /// How many figures the text holds (more than `figures.len()` when the list was cut).
    pub figures_found: usize,
    /// Salient terms, most salient first.
    pub keywords: Vec<String>,
    /// Three sentences of the article, in article order.
    pub summary: Vec<SummarySentence>,
}

/// Lines longer than this are read as pieces of whole sentences (each extractor holds a few
/// dozen bytes per word of the line it reads: a 5 MB line of prose would need ~20 times its
/// size at once). No line of the bench pages comes near it.
pub const MAX_PIECE_BYTES: usize = 64 * 1024;

/// `text` itself when it is at most [`MAX_PIECE_BYTES`], else consecutive pieces of it of at
/// most that size, cut after a sentence end (or else at a space, or else at a char boundary),
/// trimmed. Every piece is a substring of `text`; together they hold all its words in order.
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    let mut cut_before = false;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        if rest.len() <= MAX_PIECE_BYTES {
            let last = std::mem::take(&mut rest);
            // A line short enough is passed on untouched; the last piece of a cut one trimmed.
            return Some(if cut_before { last.trim_end() } else { last });
        }
        cut_before = true;
        let mut limit = MAX_PIECE_BYTES;
        while !rest.is_char_boundary(limit) {
            limit -= 1;
        }
        let head = &rest[..limit];
        // The last sentence end in the window (a span ending before the window's last
        // sentence, which may continue past it), else the last space, else the boundary.
        let spans = crate::sentences::spans(head);
        let cut = spans
            .iter()
            .rev()
            .skip(1)
            .map(|&(_, e)| e)
            .find(|&e| e > 0)
            .or_else(|| head.rfind(' ').filter(|&k| k > 0))
            .unwrap_or(limit);
        let (piece, tail) = rest.split_at(cut);
        rest = tail.trim_start();
        Some(piece.trim_end())
    })
    .filter(|p| !p.is_empty())
}

impl Facts {
    /// Extracts the facts of article lines given as `(input line number, text)`, in input
    /// order; `dates` resolves dates written without a year or relative to today. Empty lines
    /// are skipped; a line over [`MAX_PIECE_BYTES`] is read as several pieces of whole
    /// sentences (same line number). Never panics.
    pub fn from_lines<'a>(
        lines: impl IntoIterator<Item = (usize, &'a str)>,
        dates: &DateContext,
    ) -> Facts {
        let lines: Vec<(usize, &str)> = lines
            .into_iter()
            .filter(|(_, t)| !t.trim().is_empty())
            .flat_map(|(line, text)| pieces(text).map(move |p| (line, p)))
            .collect();
        // The extractors run one after another so that no two hold their big temporaries at
        // once: each output is small next to the temporaries that made it (no extractor reads
        // another's output but the entities, so the order changes no output).
        let mut ents = entities::extract(
            &lines
                .iter()
                .map(|&(line, text)| BodyLine { line, text })
                .collect::<Vec<_>>(),
        );
        // Sentence spans are read by quotes, figures and the summary: split once.
        let sentences = crate::sentences::LineSentences::new(lines.iter().map(|l| l.1));
        let weights = crate::keywords::word_weights(&lines);
        let keywords = crate::keywords::extract(
            &weights,
            &[
                (&ents.people, 2.0),
                (&ents.organizations, 2.0),
                (&ents.places, 1.5),
            ],
        );
        let summary = summary::extract(
            &lines,
            &sentences,
            &weights,
            &[&ents.people, &ents.organizations, &ents.places],
        );
        drop(weights);
        let quotes = quotes::extract(&lines, &sentences, &ents);
        // Only quotes read the mentions.
        ents.mentions = Vec::new();
        let figures = figures::extract(&lines, &sentences, dates);
        Facts {
            people: ents.people,
            places: ents.places,
            organizations: ents.organizations,
            quotes,
            figures: figures.list,
            figures_found: figures.found,
            keywords,
            summary,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_input_does_not_panic() {
        let binary: String = (0u8..=255).map(char::from).collect();
        let long = "Mr. Smith said “yes, ".repeat(5000);
        let caps = "A B C D E F G H I J K L M N O P Q R S T U V W X Y Z ".repeat(2000);
        for text in [
            "",
            "“",
            "’s",
            "Xi’s’s “” ‘’ \"\"",
            binary.as_str(),
            long.as_str(),
            caps.as_str(),
            "D- R-X (D-",
            "Ministry of , and",
            "é’s Ü-based 17th 1st Street",
        ] {
            let _ = Facts::from_lines([(1, text), (2, text)], &DateContext::default());
        }
    }

    #[test]
    fn long_lines_are_cut_into_sentence_pieces() {
        let sentence = "Prices rose 5% in Geneva on Tuesday, officials said. ";
        let text = sentence.repeat(3 * MAX_PIECE_BYTES / sentence.len());
        let parts: Vec<&str> = pieces(&text).collect();
        assert!(parts.len() >= 3);
        for p in &parts {
            assert!(
                p.len() <= MAX_PIECE_BYTES && p.ends_with("said."),
                "{}",
                &p[p.len() - 20..]
            );
            assert!(text.contains(p));
        }
        let words = |s: &str| s.split_whitespace().count();
        assert_eq!(parts.iter().map(|p| words(p)).sum::<usize>(), words(&text));
        let no_stop = "word ".repeat(MAX_PIECE_BYTES);
        assert!(pieces(&no_stop).all(|p| p.len() <= MAX_PIECE_BYTES && p.ends_with("word")));
        let no_space = "é".repeat(MAX_PIECE_BYTES);
        assert_eq!(
            pieces(&no_space).map(str::len).sum::<usize>(),
            no_space.len()
        );
        assert_eq!(pieces("short").collect::<Vec<_>>(), ["short"]);
    }

    #[test]
    fn many_names_stay_fast() {
        // Thousands of distinct names: merging must not blow up.
        let text: String = (0..3000)
            .map(|i| format!("Officials met John Name{i} in Paris. "))
            .collect();
        let t = std::time::Instant::now();
        let f = Facts::from_lines([(1, text.as_str())], &DateContext::default());
        assert!(f.people.len() > 1000);
        assert!(t.elapsed().as_secs() < 20, "took {:?}", t.elapsed());
    }
}
