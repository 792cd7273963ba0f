//! The recogniser on text written for these tests: gazetteer names and their case rules,
//! garbles linked by sound, short forms, names the gazetteer lacks, kinds, and odd input.

use earshot_extract::{Confidence, Extractor, Gazetteer, Kind, Link, Mention, Target};
use proptest::prelude::*;

fn extractor() -> &'static Extractor {
    Extractor::builtin()
}

/// (surface, entity name, kind) of every mention.
fn found(segments: &[&str]) -> Vec<(String, String, Kind)> {
    let x = extractor();
    x.extract(segments)
        .iter()
        .map(|m| {
            (
                segments[m.segment][m.start..m.end].to_string(),
                name(x, m),
                m.kind,
            )
        })
        .collect()
}

fn name(x: &Extractor, m: &Mention) -> String {
    match &m.target {
        Target::Known(e) => x.gazetteer().entries()[*e as usize].canonical.clone(),
        Target::Unknown(n) => n.clone(),
    }
}

fn has(found: &[(String, String, Kind)], surface: &str, entity: &str) -> bool {
    found.iter().any(|(s, e, _)| s == surface && e == entity)
}

#[test]
fn gazetteer_names_are_found_with_their_kinds() {
    let f = found(&[
        "Steve Witkoff met Vladimir Putin in Moscow, and NATO said the Russians were stalling.",
    ]);
    assert!(has(&f, "Steve Witkoff", "Steve Witkoff"));
    assert!(has(&f, "Vladimir Putin", "Vladimir Putin"));
    assert!(f.iter().any(|(s, _, k)| s == "Moscow" && *k == Kind::Place));
    assert!(f
        .iter()
        .any(|(s, _, k)| s == "NATO" && *k == Kind::Organization));
    assert!(f
        .iter()
        .any(|(s, e, k)| s == "Russians" && e == "Russians" && *k == Kind::Group));
}

#[test]
fn everyday_words_only_match_when_written_as_names() {
    let f = found(&["Turkey hosted the talks. We had turkey for dinner and it was good for us."]);
    assert_eq!(
        f.iter().filter(|(_, e, _)| e == "Turkey").count(),
        1,
        "{f:?}"
    );
    assert!(!f.iter().any(|(_, e, _)| e == "United States"), "{f:?}");
    let f = found(&["The US and the West disagree; the west wing was quiet."]);
    assert!(has(&f, "US", "United States"));
    assert!(
        f.iter()
            .filter(|(s, _, _)| s.eq_ignore_ascii_case("west"))
            .count()
            == 1,
        "{f:?}"
    );
}

#[test]
fn garbled_names_link_by_sound() {
    let x = extractor();
    let text = "Whitkoff flew in, and Uschukov said later that Umarov had asked for more time.";
    let ms = x.extract(&[text]);
    let names: Vec<String> = ms.iter().map(|m| name(x, m)).collect();
    for n in ["Steve Witkoff", "Yuri Ushakov", "Rustem Umerov"] {
        assert!(names.contains(&n.to_string()), "{names:?}");
    }
    assert!(ms
        .iter()
        .all(|m| m.link == Link::Sound && m.confidence < Confidence::High));
}

#[test]
fn short_forms_follow_the_full_name() {
    let f = found(&["Our guest Marcus Hale is back. Hale thinks the talks will fail, and Marcus agrees with himself."]);
    let hale: Vec<_> = f.iter().filter(|(_, e, _)| e == "Marcus Hale").collect();
    assert!(hale.len() >= 2, "{f:?}");
    assert!(hale.iter().all(|(_, _, k)| *k == Kind::Person));
}

#[test]
fn names_the_gazetteer_lacks_get_kinds_from_their_words() {
    let f = found(&[
        "They met at the Kestrel Institute, then Operation Grey Lantern began near Zolotarivka.",
    ]);
    assert!(
        f.iter()
            .any(|(s, _, k)| s == "Kestrel Institute" && *k == Kind::Organization),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|(s, _, k)| s.ends_with("Grey Lantern") && *k == Kind::Work),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|(s, _, k)| s == "Zolotarivka" && *k == Kind::Place),
        "{f:?}"
    );
}

#[test]
fn sentence_starts_speaker_labels_and_contractions_are_not_names() {
    let f = found(&[
        "DANA: Yesterday was long. We've heard it all. They're tired. Honestly nobody knows.",
    ]);
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn lower_case_captions_still_link_garbles_and_names() {
    let f = found(&["so putin and whitkoff talked for hours in moscow and then the russians said no and that was it for the day really"]);
    assert!(has(&f, "putin", "Vladimir Putin"), "{f:?}");
    assert!(has(&f, "whitkoff", "Steve Witkoff"), "{f:?}");
    assert!(has(&f, "moscow", "Moscow"), "{f:?}");
}

#[test]
fn a_user_gazetteer_adds_names() {
    let mut g = Gazetteer::builtin().clone();
    g.extend(Gazetteer::parse("person\tDana Okafor\t-\tOkafor\t-\n").unwrap());
    let x = Extractor::new(g);
    let text = "Dana Okafor hosts the show.";
    let ms = x.extract(&[text]);
    assert!(ms
        .iter()
        .any(|m| name(&x, m) == "Dana Okafor" && m.link == Link::Name));
}

proptest! {
    /// Any text: no panic, spans on character boundaries, in order, within their segment.
    #[test]
    fn spans_are_valid_on_any_text(a in "\\PC{0,200}", b in "[A-Za-z' .,-]{0,200}") {
        let segments = [a.as_str(), b.as_str()];
        let ms = extractor().extract(&segments);
        for m in &ms {
            let text = segments[m.segment];
            prop_assert!(m.start < m.end && m.end <= text.len());
            prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        }
    }
}

#[test]
fn a_first_name_said_right_carries_a_garbled_surname() {
    let f = found(&["Later Margus Sahkna spoke to reporters in Tallinn about the cables."]);
    assert!(has(&f, "Margus Sahkna", "Margus Tsahkna"), "{f:?}");
}

#[test]
fn a_slavic_c_heard_as_ts_links() {
    let f = found(&["In Bratislava, Fitso told parliament that the pipeline stays open."]);
    assert!(has(&f, "Fitso", "Robert Fico"), "{f:?}");
}

#[test]
fn a_host_first_name_is_not_a_sound_alike_surname() {
    let f = found(&["Good evening, Clara, and welcome back. Thanks, Tom."]);
    assert!(!f.iter().any(|(_, e, _)| e == "Wesley Clark"), "{f:?}");
}
