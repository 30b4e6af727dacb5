//! Building pastes like real ones for the structured fuzz targets: lines taken from the seed
//! articles (`../shared/seeds`: body paragraphs and chrome such as menus, tag lists, "ALSO
//! READ" lists, datelines), cut, spliced with junk and joined by any line ending.

use arbitrary::Arbitrary;
use std::sync::OnceLock;

/// One line of a generated paste.
#[derive(Debug, Arbitrary)]
pub enum Piece {
    Body(u16),
    Chrome(u16),
    /// A fragment cut at a char boundary near `at`, with `insert` spliced in.
    Spliced {
        body: bool,
        index: u16,
        at: u16,
        insert: String,
    },
    Blank,
    Junk(String),
}

/// How a generated line ends.
#[derive(Debug, Arbitrary)]
pub enum Ending {
    Lf,
    CrLf,
    Cr,
    Blank,
    Space,
}

fn fragments() -> &'static (Vec<String>, Vec<String>) {
    static F: OnceLock<(Vec<String>, Vec<String>)> = OnceLock::new();
    F.get_or_init(crate::common::seed_fragments)
}

fn pick(list: &[String], i: u16) -> &str {
    if list.is_empty() {
        ""
    } else {
        &list[usize::from(i) % list.len()]
    }
}

/// The paste the pieces describe.
pub fn build(pieces: &[(Piece, Ending)]) -> String {
    let (body, chrome) = fragments();
    let mut text = String::new();
    for (piece, end) in pieces {
        match piece {
            Piece::Body(i) => text.push_str(pick(body, *i)),
            Piece::Chrome(i) => text.push_str(pick(chrome, *i)),
            Piece::Spliced {
                body: b,
                index,
                at,
                insert,
            } => {
                let frag = pick(if *b { body } else { chrome }, *index);
                let mut cut = usize::from(*at).min(frag.len());
                while !frag.is_char_boundary(cut) {
                    cut -= 1;
                }
                text.push_str(&frag[..cut]);
                text.push_str(insert);
                text.push_str(&frag[cut..]);
            }
            Piece::Blank => {}
            Piece::Junk(s) => text.push_str(s),
        }
        text.push_str(match end {
            Ending::Lf => "\n",
            Ending::CrLf => "\r\n",
            Ending::Cr => "\r",
            Ending::Blank => "\n\n",
            Ending::Space => " ",
        });
    }
    text
}
