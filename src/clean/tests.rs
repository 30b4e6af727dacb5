//! Hand-written cases for the classifier, one small page per kind, in several languages.

use super::*;

fn kinds(text: &str) -> Vec<Kind> {
    let lines = crate::normalize::normalized_lines(text);
    classify(&lines).into_iter().map(|l| l.kind).collect()
}

#[test]
fn one_label_per_line() {
    for t in ["", "\n\n", "x", "a\nb\r\nc"] {
        let lines = crate::normalize::normalized_lines(t);
        assert_eq!(classify(&lines).len(), lines.len());
    }
}

#[test]
fn menu_title_body_related() {
    let text = "Home\nWorld\nSport\n\nLeaders Meet in Geneva for Talks\n\nBy Jane Doe\n\n\
The two leaders met on Tuesday in Geneva to discuss the future of the trade agreement between their countries.\n\n\
Officials said that the talks were productive and that a second meeting would take place in the spring.\n\n\
The agreement, which was signed ten years ago, covers most of the goods that the two countries trade with each other.\n\n\
Critics of the deal have argued that it favours large companies, while its supporters say it has created thousands of jobs.\n\n\
ALSO READ\nMarkets Rally as Rates Hold Steady\nStorm Batters the Coast Overnight\n\n© 2024 Example News. All Rights Reserved.";
    let k = kinds(text);
    assert_eq!(&k[0..3], &[Kind::Navigation; 3]);
    assert_eq!(k[4], Kind::Title);
    assert_eq!(k[6], Kind::Byline);
    assert_eq!(k[8], Kind::Body);
    assert_eq!(k[10], Kind::Body);
    assert_eq!(k[12], Kind::Body);
    assert_eq!(k[14], Kind::Body);
    assert_eq!(&k[16..19], &[Kind::Related; 3]);
    assert_eq!(k[20], Kind::Copyright);
}
