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
    /// Money, percentages, counts, dates, durations, ordinals, quantities, in text order.
    pub figures: Vec<Figure>,
    /// Salient terms, most salient first.
    pub keywords: Vec<String>,
    /// Three sentences of the article, in article order.
    pub summary: Vec<SummarySentence>,
}

impl Facts {
    /// Extracts the facts of article lines given as `(input line number, text)`, in input
    /// order; `dates` resolves dates written without a year or relative to today. Empty lines
    /// are skipped. Never panics.
    pub fn from_lines<'a>(
        lines: impl IntoIterator<Item = (usize, &'a str)>,
        dates: &DateContext,
    ) -> Facts {
        let lines: Vec<(usize, &str)> = lines
            .into_iter()
            .filter(|(_, t)| !t.trim().is_empty())
            .collect();
        let body: Vec<BodyLine> = lines
            .iter()
            .map(|&(line, text)| BodyLine { line, text })
            .collect();
        let ents = entities::extract(&body);
        let quotes = quotes::extract(&lines, &ents);
        let figures = figures::extract(&lines, dates);
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
            &weights,
            &[&ents.people, &ents.organizations, &ents.places],
        );
        Facts {
            people: ents.people,
            places: ents.places,
            organizations: ents.organizations,
            quotes,
            figures,
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
