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

/// Builds a page from `(kind, text)` rows (blank rows are `("", "")`), classifies it and
/// returns the mismatches as readable strings.
fn mismatches(rows: &[(&str, &str)]) -> Vec<String> {
    let text: String = rows.iter().map(|(_, t)| *t).collect::<Vec<_>>().join("\n");
    let lines = crate::normalize::normalized_lines(&text);
    let labels = classify(&lines);
    assert_eq!(labels.len(), rows.len());
    rows.iter()
        .zip(&labels)
        .filter(|((want, t), got)| {
            if t.is_empty() {
                got.kind != Kind::Blank
            } else {
                Kind::parse(want) != Some(got.kind)
            }
        })
        .map(|((want, t), got)| {
            format!(
                "'{t}': want {want}, got {} ({})",
                got.kind.as_str(),
                got.reason
            )
        })
        .collect()
}

#[test]
fn english_page_of_every_kind() {
    let rows = [
        ("navigation", "Home"),
        ("navigation", "World"),
        ("navigation", "Business"),
        ("navigation", "Sport"),
        ("navigation", "Culture"),
        ("", ""),
        ("title", "Harbour Town Votes to Rebuild Its Old Sea Wall"),
        ("", ""),
        ("byline", "By Jane Doe"),
        ("date", "Tuesday 12 March 2024 09:15 GMT"),
        ("", ""),
        ("body", "The council of the small harbour town voted on Monday evening to rebuild the sea wall that has protected its port since the nineteenth century."),
        ("", ""),
        ("body", "Engineers had warned for years that the wall was failing, and the storms of last winter opened two large breaches in its northern section."),
        ("", ""),
        ("caption", "The mayor speaks to residents at the harbour, March 11, 2024."),
        ("", ""),
        ("heading", "A Long Debate"),
        ("", ""),
        ("body", "The vote came after a debate that lasted more than four hours, in which residents argued about the cost and about who should pay for the work."),
        ("", ""),
        ("body", "The mayor said that the town would ask the regional government for help, but that work on the most damaged section would begin before the summer."),
        ("", ""),
        ("copyright", "© 2024 Harbour News. All rights reserved."),
    ];
    let bad = mismatches(&rows);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn english_headline_list_with_timestamps() {
    let mut rows = vec![
        ("body", "The council of the small harbour town voted on Monday evening to rebuild the sea wall that has protected its port since the nineteenth century."),
        ("", ""),
        ("body", "Engineers had warned for years that the wall was failing, and the storms of last winter opened two large breaches in its northern section."),
        ("", ""),
        ("body", "The mayor said that the town would ask the regional government for help, but that work on the most damaged section would begin before the summer."),
        ("", ""),
        ("related", "Latest News"),
    ];
    for (h, t) in [
        (
            "Storm Batters the Coast Overnight",
            "Wed, 13 Mar 2024 04:29:12 GMT",
        ),
        (
            "Markets Rally as Rates Hold Steady",
            "Wed, 13 Mar 2024 03:12:40 GMT",
        ),
        (
            "Ferry Service Resumes After Strike",
            "Tue, 12 Mar 2024 22:01:09 GMT",
        ),
        (
            "New Bridge Opens to Traffic",
            "Tue, 12 Mar 2024 20:45:33 GMT",
        ),
    ] {
        rows.push(("related", h));
        rows.push(("related", t));
    }
    let bad = mismatches(&rows);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn german_page_of_every_kind() {
    let rows = [
        ("navigation", "Startseite"),
        ("navigation", "Politik"),
        ("navigation", "Wirtschaft"),
        ("navigation", "Sport"),
        ("", ""),
        ("title", "Hafenstadt beschließt den Neubau der alten Mauer"),
        ("", ""),
        ("byline", "Von Anna Schmidt"),
        ("date", "12.03.2024, 09:15 Uhr"),
        ("", ""),
        ("body", "Der Rat der kleinen Hafenstadt hat am Montagabend beschlossen, die Mauer neu zu bauen, die den Hafen seit dem neunzehnten Jahrhundert schützt."),
        ("", ""),
        ("body", "Ingenieure hatten seit Jahren gewarnt, dass die Mauer nicht mehr hält, und die Stürme des letzten Winters haben zwei große Lücken in den Nordteil gerissen."),
        ("", ""),
        ("caption", "Die Bürgermeisterin am Hafen (Foto: dpa)"),
        ("", ""),
        ("heading", "Eine lange Debatte"),
        ("", ""),
        ("body", "Die Abstimmung kam nach einer Debatte von mehr als vier Stunden, in der die Bürger über die Kosten und über die Frage stritten, wer die Arbeiten bezahlen soll."),
        ("", ""),
        ("body", "Die Bürgermeisterin sagte, dass die Stadt das Land um Hilfe bitten werde, aber dass die Arbeiten am schlimmsten Abschnitt noch vor dem Sommer beginnen sollen."),
        ("", ""),
        ("related", "Lesen Sie auch"),
        ("related", "Sturm trifft die Küste in der Nacht"),
        ("related", "Fähre fährt wieder nach dem Streik"),
        ("", ""),
        ("copyright", "© 2024 Hafenzeitung. Alle Rechte vorbehalten."),
    ];
    let bad = mismatches(&rows);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn french_page_of_every_kind() {
    let rows = [
        ("navigation", "Accueil"),
        ("navigation", "International"),
        ("navigation", "Économie"),
        ("navigation", "Sport"),
        ("", ""),
        ("title", "La ville portuaire vote la reconstruction de sa vieille digue"),
        ("", ""),
        ("byline", "Par Marie Dupont"),
        ("date", "12 mars 2024 à 09h15"),
        ("", ""),
        ("body", "Le conseil de la petite ville portuaire a voté lundi soir la reconstruction de la digue qui protège son port depuis le dix-neuvième siècle."),
        ("", ""),
        ("body", "Les ingénieurs avertissaient depuis des années que la digue ne tenait plus, et les tempêtes de l'hiver dernier ont ouvert deux brèches dans sa partie nord."),
        ("", ""),
        ("heading", "Un long débat"),
        ("", ""),
        ("body", "Le vote est intervenu après un débat de plus de quatre heures, au cours duquel les habitants se sont disputés sur le coût et sur la question de savoir qui paierait."),
        ("", ""),
        ("body", "La maire a dit que la ville demanderait l'aide de la région, mais que les travaux sur la partie la plus abîmée commenceraient avant l'été."),
        ("", ""),
        ("related", "À lire aussi"),
        ("related", "La tempête frappe la côte pendant la nuit"),
        ("related", "Le ferry reprend son service après la grève"),
        ("", ""),
        ("copyright", "© 2024 Le Journal du Port. Tous droits réservés."),
    ];
    let bad = mismatches(&rows);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn spanish_comments_after_the_article() {
    let rows = [
        ("body", "El ayuntamiento de la pequeña ciudad portuaria votó el lunes por la noche la reconstrucción del muro que protege su puerto desde el siglo diecinueve."),
        ("", ""),
        ("body", "Los ingenieros advertían desde hacía años que el muro ya no aguantaba, y las tormentas del invierno pasado abrieron dos grandes brechas en su parte norte."),
        ("", ""),
        ("body", "La alcaldesa dijo que la ciudad pediría ayuda al gobierno regional, pero que las obras en la parte más dañada empezarían antes del verano."),
        ("", ""),
        ("comments", "Comentarios"),
        ("comments", "Pedro"),
        ("comments", "Ya era hora de que el ayuntamiento hiciera algo con el muro, llevamos años esperando y cada invierno es peor para todos los vecinos del puerto."),
    ];
    let bad = mismatches(&rows);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Classifies `article` paragraphs followed by readers' comments given as `(name line, date
/// line, text)` with no comments header, and returns the lines labelled wrongly: article
/// paragraphs not `body`, comment lines labelled article text.
fn headerless_comments(article: &[&str], comments: &[(&str, &str, &str)]) -> Vec<String> {
    let mut rows: Vec<(bool, &str)> = Vec::new();
    for p in article {
        rows.push((true, p));
        rows.push((false, ""));
    }
    for (name, date, text) in comments {
        rows.extend([(false, *name), (false, *date), (false, *text), (false, "")]);
    }
    rows.pop();
    let text: String = rows.iter().map(|(_, t)| *t).collect::<Vec<_>>().join("\n");
    let lines = crate::normalize::normalized_lines(&text);
    let labels = classify(&lines);
    assert_eq!(labels.len(), rows.len());
    rows.iter()
        .zip(&labels)
        .filter(|((body, t), got)| {
            !t.is_empty() && (*body != (got.kind == Kind::Body) || !body && got.kind.is_article())
        })
        .map(|((_, t), got)| format!("'{t}': got {} ({})", got.kind.as_str(), got.reason))
        .collect()
}

#[test]
fn english_comments_without_a_header() {
    let bad = headerless_comments(
        &[
            "The council of the small harbour town voted on Monday evening to rebuild the sea wall that has protected its port since the nineteenth century.",
            "Engineers had warned for years that the wall was failing, and the storms of last winter opened two large breaches in its northern section.",
            "The vote came after a debate of more than four hours, in which residents argued about the cost and about who should pay for the work.",
            "The mayor said that the town would ask the regional government for help, but that work on the most damaged section would begin before the summer.",
        ],
        &[
            ("harbourwatcher says:", "March 12, 2024 at 6:58 am", "About time. The wall has been crumbling for a decade and every winter the water comes further into the square."),
            ("jbaxt says:", "March 12, 2024 at 7:23 am", "Who is going to pay for this? The council spent the last budget on the new car park and now they want more money."),
            ("Anita Moss", "March 12, 2024 at 8:45 am", "My grandfather helped repair that wall after the storm of 1953, I am glad it will finally be rebuilt properly."),
            ("devindenv says:", "March 12, 2024 at 11:32 am", "Rebuilding it the old way will not stop the next storm, they should build it higher this time."),
        ],
    );
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn german_comments_without_a_header() {
    let bad = headerless_comments(
        &[
            "Der Rat der kleinen Hafenstadt hat am Montagabend beschlossen, die Mauer neu zu bauen, die den Hafen seit dem neunzehnten Jahrhundert schützt.",
            "Ingenieure hatten seit Jahren gewarnt, dass die Mauer nicht mehr hält, und die Stürme des letzten Winters haben zwei große Lücken in den Nordteil gerissen.",
            "Die Abstimmung kam nach einer Debatte von mehr als vier Stunden, in der die Bürger über die Kosten und über die Frage stritten, wer die Arbeiten bezahlen soll.",
            "Die Bürgermeisterin sagte, dass die Stadt das Land um Hilfe bitten werde, aber dass die Arbeiten am schlimmsten Abschnitt noch vor dem Sommer beginnen sollen.",
        ],
        &[
            ("Klaus Berger", "12.03.2024, 09:40 Uhr", "Das wurde auch Zeit. Die Mauer bröckelt seit zehn Jahren und jeden Winter kommt das Wasser weiter auf den Platz."),
            ("Hafenfreund:", "12.03.2024, 10:05 Uhr", "Wer soll das bezahlen? Der Rat hat das letzte Geld für das neue Parkhaus ausgegeben und will jetzt noch mehr."),
            ("Maria Lenz", "12.03.2024, 11:17 Uhr", "Mein Großvater hat die Mauer nach der Sturmflut von 1962 repariert, schön dass sie endlich richtig neu gebaut wird."),
            ("Jens K.", "12.03.2024, 12:30 Uhr", "Wenn man sie wieder genauso baut, hält sie den nächsten Sturm auch nicht auf, sie muss diesmal höher werden."),
        ],
    );
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn repeated_texts_marks_exactly_the_lines_another_line_repeats() {
    let lines = [
        "Home",
        "",
        "Share",
        "home",
        "Home",
        "",
        "Ünïcode",
        "Share",
        "Ünïcode",
        "Share",
        "x",
        "Hom",
    ];
    let naive: Vec<bool> = lines
        .iter()
        .map(|l| !l.is_empty() && lines.iter().filter(|m| *m == l).count() > 1)
        .collect();
    assert_eq!(repeated_texts(&lines), naive);
    assert_eq!(
        naive,
        [true, false, true, false, true, false, true, true, true, true, false, false]
    );
    assert!(repeated_texts::<&str>(&[]).is_empty());
}
