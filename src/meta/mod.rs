//! Stage 3: article metadata read from the labelled lines — title, standfirst, byline,
//! publication date, tags, related headlines, captions, credit, copyright, site name.
//!
//! Runs after [`crate::clean::classify`] and refines its labels only for the kinds it owns:
//! the chosen title and standfirst lines become `title`/`standfirst` (even when cleaning called
//! them body: the headline and the deck are not article text), the chosen byline and date lines
//! become `byline`/`date` unless cleaning called them body. Every relabelled line's reason starts
//! with `meta:`. Nothing else changes.
//!
//! Modules: [`date`] (the reusable date parser), [`page`] (what the extractors share: the body
//! cluster, each line's dates), [`title`], [`byline`], [`published`], [`lists`] (tags, related,
//! captions, credit), [`copyright`] (copyright and site name).

pub mod byline;
pub mod copyright;
pub mod date;
mod initials;
pub mod lists;
pub mod page;
pub mod published;
pub mod title;

use crate::model::{Analysis, Byline, Copyright, Kind, Line, Options, Published};

/// Everything this stage extracts; [`Meta::apply`] copies it into the [`Analysis`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    /// The headline text (without a glued date prefix).
    pub title: Option<String>,
    /// The deck line's text.
    pub standfirst: Option<String>,
    /// Authors and their line.
    pub byline: Option<Byline>,
    /// The publication date.
    pub published: Option<Published>,
    /// Tag list items.
    pub tags: Vec<String>,
    /// Related headlines.
    pub related: Vec<String>,
    /// Captions.
    pub captions: Vec<String>,
    /// Source credit.
    pub credit: Option<String>,
    /// Copyright notice.
    pub copyright: Option<Copyright>,
    /// Site name.
    pub site_name: Option<String>,
}

impl Meta {
    /// Fills the metadata fields of `a` (the title only when one was found here).
    pub fn apply(self, a: &mut Analysis) {
        if self.title.is_some() {
            a.title = self.title;
        }
        a.standfirst = self.standfirst;
        a.byline = self.byline;
        a.published = self.published;
        a.tags = self.tags;
        a.related = self.related;
        a.captions = self.captions;
        a.credit = self.credit;
        a.copyright = self.copyright;
        a.site_name = self.site_name;
    }
}

/// Relabels line `idx` as `kind` with a `meta:` reason. Body lines are only taken for the title
/// and standfirst; other kinds leave body/heading lines alone.
fn relabel(lines: &mut [Line], idx: usize, kind: Kind, why: &str) {
    let Some(l) = lines.get_mut(idx) else { return };
    if l.kind == kind || l.kind == Kind::Blank {
        return;
    }
    let may_take_body = matches!(kind, Kind::Title | Kind::Standfirst);
    if l.kind.is_article() && !may_take_body {
        return;
    }
    let was = l.kind.as_str();
    l.kind = kind;
    l.reason = format!("meta: {why} (cleaning said {was})").into();
}

/// Extracts the metadata and refines the labels of `lines` (see the module doc).
/// Never panics; on a paste with no recognisable article every field is empty.
pub fn extract(lines: &mut [Line], options: &Options) -> Meta {
    let reference = options
        .reference_date
        .as_deref()
        .and_then(date::Ymd::parse_iso);
    let page = page::Page::new(lines, reference);

    let title = title::choose(&page);
    let title_idx = title.as_ref().map(|t| t.lines[0]);
    let standfirst = title.as_ref().and_then(|t| title::standfirst(&page, t));
    let byline = byline::find(&page, title_idx);
    let published = published::choose(&page, title_idx);
    let lists = lists::collect(&page);
    let copyright = copyright::find(&page);
    let site_name = copyright.as_ref().and_then(copyright::site_name);
    let old_titles: Vec<usize> = page
        .lines
        .iter()
        .enumerate()
        .filter(|(i, l)| {
            l.kind == Kind::Title && title.as_ref().is_some_and(|t| !t.lines.contains(i))
        })
        .map(|(i, _)| i)
        .collect();
    drop(page);

    // Relabel: previous title lines that were not chosen lose the title kind.
    for i in old_titles {
        relabel(
            lines,
            i,
            Kind::Navigation,
            "headline-shaped, but not the title",
        );
    }
    if let Some(t) = &title {
        for &i in &t.lines {
            relabel(lines, i, Kind::Title, &t.reason);
        }
    }
    if let Some(s) = &standfirst {
        relabel(
            lines,
            s.line,
            Kind::Standfirst,
            "the deck line under the title",
        );
    }
    let is_title_line = |i: usize| title.as_ref().is_some_and(|t| t.lines.contains(&i));
    if let Some(b) = byline.as_ref().filter(|b| !is_title_line(b.line)) {
        relabel(
            lines,
            b.line,
            Kind::Byline,
            "names after a byline cue, near the title",
        );
    }
    if let Some(p) = published.as_ref().filter(|p| !is_title_line(p.line)) {
        if byline.as_ref().is_none_or(|b| b.line != p.line) {
            relabel(lines, p.line, Kind::Date, "the publication date");
        }
    }

    Meta {
        title: title.map(|t| t.text),
        standfirst: standfirst.map(|s| s.text),
        byline: byline.map(|b| Byline {
            authors: b.authors,
            line: b.line + 1,
        }),
        published: published.map(|p| p.into_published()),
        tags: lists.tags,
        related: lists.related,
        captions: lists.captions,
        credit: lists.credit,
        copyright,
        site_name,
    }
}
