//! The built-in gazetteer's integrity, and the loader's behaviour on user files.

use std::collections::{HashMap, HashSet};

use earshot_extract::gazetteer::{normalize, RELATIONS, TEXT_RELATIONS};
use earshot_extract::{Gazetteer, Kind, Problem};
use serde::de::IntoDeserializer;
use serde::Deserialize;

fn builtin() -> &'static Gazetteer {
    Gazetteer::builtin()
}

#[test]
fn builtin_file_parses() {
    let parsed = Gazetteer::parse(Gazetteer::builtin_text());
    assert!(parsed.is_ok(), "{}", parsed.unwrap_err());
    assert!(parsed.unwrap().removals().is_empty());
}

#[test]
fn builtin_has_at_least_2000_entries_of_every_kind() {
    let g = builtin();
    assert!(g.len() >= 2000, "only {} entries", g.len());
    let mut by_kind: HashMap<Kind, usize> = HashMap::new();
    for e in g.entries() {
        *by_kind.entry(e.kind).or_default() += 1;
    }
    let with_qid = g.entries().iter().filter(|e| e.wikidata.is_some()).count();
    eprintln!(
        "{} entries, {with_qid} with a Wikidata id: {:?}",
        g.len(),
        Kind::ALL.map(|k| (k.as_str(), by_kind.get(&k).copied().unwrap_or(0)))
    );
    for kind in Kind::ALL {
        assert!(by_kind.get(&kind).copied().unwrap_or(0) >= 50, "few {kind}");
    }
}

#[test]
fn canonical_names_are_unique() {
    let mut seen = HashSet::new();
    for e in builtin().entries() {
        assert!(seen.insert(e.canonical.as_str()), "{} twice", e.canonical);
    }
}

#[test]
fn builtin_check_finds_nothing_wrong() {
    let problems: Vec<String> = builtin().check().iter().map(Problem::to_string).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_link_target_names_an_entry_and_relations_are_known() {
    let g = builtin();
    for e in g.entries() {
        for (relation, target) in &e.links {
            assert!(
                RELATIONS.contains(&relation.as_str()),
                "{}: relation {relation}",
                e.canonical
            );
            if !TEXT_RELATIONS.contains(&relation.as_str()) {
                assert!(
                    g.by_canonical(target)
                        .is_some_and(|t| t.canonical == *target),
                    "{}: {relation}:{target} names no entry",
                    e.canonical
                );
                assert_ne!(target, &e.canonical, "{} links to itself", e.canonical);
            }
        }
    }
}

#[test]
fn links_point_at_entries_of_the_right_kind() {
    let g = builtin();
    let kind_of = |name: &str| g.by_canonical(name).map(|e| e.kind);
    for e in g.entries() {
        for (relation, target) in &e.links {
            let expected: &[Kind] = match relation.as_str() {
                "capital-of" | "in" | "based-in" | "country" => &[Kind::Place],
                "demonym-of" => &[Kind::Place],
                "party" => &[Kind::Organization],
                "part-of" => &[Kind::Organization],
                _ => continue,
            };
            let kind = kind_of(target).unwrap();
            assert!(
                expected.contains(&kind),
                "{}: {relation}:{target} is a {kind}",
                e.canonical
            );
        }
        if e.targets("demonym-of").next().is_some() {
            assert_eq!(e.kind, Kind::Group, "{}", e.canonical);
        }
        if e.targets("role").next().is_some() {
            assert_eq!(e.kind, Kind::Person, "{}", e.canonical);
        }
    }
}

#[test]
fn every_country_with_a_capital_has_a_demonym_group() {
    let g = builtin();
    let countries: HashSet<&str> = g
        .entries()
        .iter()
        .flat_map(|e| e.targets("capital-of"))
        .collect();
    assert!(countries.len() >= 190, "{} countries", countries.len());
    for country in countries {
        assert!(
            g.links_to(country)
                .any(|(e, r)| r == "demonym-of" && e.kind == Kind::Group),
            "{country} has no demonym group"
        );
    }
}

#[test]
fn wikidata_ids_are_well_formed_and_unique() {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for e in builtin().entries() {
        if let Some(q) = &e.wikidata {
            let digits = q.strip_prefix('Q').expect(q);
            assert!(
                !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()),
                "{}: {q}",
                e.canonical
            );
            if let Some(other) = seen.insert(q, &e.canonical) {
                panic!("{q} is both {other} and {}", e.canonical);
            }
        }
    }
}

#[test]
fn names_shared_by_several_entries_are_few_and_declared() {
    let g = builtin();
    let shared = g.shared_names();
    for (key, entries) in &shared {
        let names: Vec<&str> = entries.iter().map(|e| e.canonical.as_str()).collect();
        eprintln!("shared {key:?}: {}", names.join(" / "));
    }
    eprintln!("{} names shared by several entries", shared.len());
    assert!(shared.len() <= 60, "{} shared names", shared.len());
    // An alias that is another entry's canonical name must be declared with `~`.
    for e in g.entries() {
        for alias in &e.aliases {
            if let Some(other) = g.by_canonical(alias) {
                if other.canonical != e.canonical {
                    assert!(
                        e.ambiguous_aliases.contains(alias),
                        "{}: alias {alias:?} is the canonical name of {}",
                        e.canonical,
                        other.canonical
                    );
                }
            }
        }
    }
}

#[test]
fn aliases_are_not_garbage() {
    for e in builtin().entries() {
        for name in e.names() {
            assert_eq!(name.trim(), name, "{}", e.canonical);
            assert!(!name.contains("  "), "{}: {name:?}", e.canonical);
            assert!(!normalize(name).is_empty(), "{}: {name:?}", e.canonical);
        }
    }
}

#[test]
fn spot_checks() {
    let g = builtin();
    let russia = g.by_canonical("Russia").expect("Russia");
    assert_eq!(russia.kind, Kind::Place);
    assert_eq!(russia.wikidata.as_deref(), Some("Q159"));
    let russians = g.by_canonical("Russians").expect("Russians");
    assert_eq!(russians.kind, Kind::Group);
    assert!(russians.targets("demonym-of").any(|t| t == "Russia"));
    assert!(g
        .links_to("Russia")
        .any(|(e, r)| r == "demonym-of" && e.canonical == "Russians"));

    let zelensky = g.by_alias("Zelenskyy");
    assert_eq!(zelensky.len(), 1);
    assert_eq!(zelensky[0].canonical, "Volodymyr Zelensky");
    assert_eq!(zelensky[0].kind, Kind::Person);
    assert_eq!(g.by_alias("zelensky's")[0].canonical, "Volodymyr Zelensky");

    let pentagon = g.by_alias("the Pentagon");
    assert!(!pentagon.is_empty());
    assert!(
        pentagon
            .iter()
            .any(|e| e.canonical == "Pentagon"
                || e.canonical == "United States Department of Defense"),
        "{pentagon:?}"
    );

    for (surface, canonical) in [
        ("Witkoff", "Steve Witkoff"),
        ("the Kremlin", "Kremlin"),
        ("NATO", "NATO"),
        ("the United States", "United States"),
        ("U.S.", "United States"),
        ("Americans", "Americans"),
        ("Europeans", "Europeans"),
        ("the West", "the West"),
        ("Erdogan", "Recep Tayyip Erdoğan"),
        ("Kiev", "Kyiv"),
        ("HIMARS", "HIMARS"),
        ("Munich Security Conference", "Munich Security Conference"),
    ] {
        let found = g.by_alias(surface);
        assert!(
            found.first().is_some_and(|e| e.canonical == canonical),
            "{surface}: {found:?}"
        );
    }
    assert_eq!(
        g.by_canonical("Moscow")
            .unwrap()
            .targets("capital-of")
            .collect::<Vec<_>>(),
        ["Russia"]
    );
    for (name, q) in [
        ("Ukraine", "Q212"),
        ("United States", "Q30"),
        ("NATO", "Q7184"),
        ("European Union", "Q458"),
        ("United Nations", "Q1065"),
    ] {
        assert_eq!(g.by_canonical(name).unwrap().wikidata.as_deref(), Some(q));
    }
    assert!(g.by_alias("no such thing anywhere").is_empty());
}

#[test]
fn kind_serialises_as_lower_case_names() {
    for kind in Kind::ALL {
        let back = Kind::deserialize(kind.as_str().into_deserializer());
        let back: Result<Kind, serde::de::value::Error> = back;
        assert_eq!(back.unwrap(), kind);
        assert_eq!(kind.to_string(), kind.as_str());
        assert_eq!(kind.as_str().parse::<Kind>().unwrap(), kind);
    }
    let british: Result<Kind, serde::de::value::Error> =
        Kind::deserialize("organisation".into_deserializer());
    assert_eq!(british.unwrap(), Kind::Organization);
}

#[test]
fn user_file_overrides_adds_and_removes() {
    let mut g = builtin().clone();
    let before = g.len();
    let user = Gazetteer::parse(
        "# my corrections\n\
         place\tRussia\tQ159\tRossiya\t-\n\
         person\tJane Analyst\n\
         \n\
         person\tSteve Witkoff\tremove\n\
         person\tNobody Here\tremove\n",
    )
    .unwrap();
    assert_eq!(user.len(), 2);
    assert_eq!(user.removals().len(), 2);
    let report = g.extend(user);
    assert_eq!(report.replaced, ["Russia"]);
    assert_eq!(report.added, ["Jane Analyst"]);
    assert_eq!(report.removed, ["Steve Witkoff"]);
    assert_eq!(report.not_found, ["Nobody Here"]);
    assert_eq!(g.len(), before);

    let russia = g.by_canonical("Russia").unwrap();
    assert_eq!(russia.aliases, ["Rossiya"]);
    assert!(g.by_alias("Russian Federation").is_empty());
    assert_eq!(g.by_alias("rossiya")[0].canonical, "Russia");
    assert!(g.by_canonical("Steve Witkoff").is_none());
    assert!(g.by_alias("Witkoff").is_empty());
    let jane = g.by_alias("jane analyst");
    assert_eq!(jane.len(), 1);
    assert_eq!(jane[0].kind, Kind::Person);
    assert!(jane[0].wikidata.is_none() && jane[0].links.is_empty());
    // The built-in list itself is untouched.
    assert!(builtin().by_canonical("Steve Witkoff").is_some());
}

#[test]
fn removal_must_match_kind() {
    let mut g = builtin().clone();
    let report = g.extend(Gazetteer::parse("organization\tRussia\tremove").unwrap());
    assert_eq!(report.not_found, ["Russia"]);
    assert!(g.by_canonical("Russia").is_some());
}

#[test]
fn malformed_lines_are_named_by_number() {
    let cases = [
        ("place\tRussia\n# ok\nthing\tX\n", 3, "unknown kind"),
        ("place\tA\nplace\tB\tQ12x\n", 2, "wikidata"),
        ("\n\nplace\tA\t-\t-\tcountry\n", 3, "relation:target"),
        ("place\tA\nplace\tA\n", 2, "already on line 1"),
        ("place\tA\t-\ta||b\n", 1, "empty alias"),
        ("place\tA\t-\t-\t-\textra\n", 1, "columns"),
        ("just one column\n", 1, "tab-separated"),
        ("event\tE\t-\t-\tdate:24 Feb\n", 1, "date"),
        ("place\tA\tremove\tx\n", 1, "removal"),
        ("place\t-\n", 1, "canonical"),
        ("place\tA\t-\t-\tIn:B\n", 1, "relation"),
    ];
    for (text, line, words) in cases {
        let e = Gazetteer::parse(text).unwrap_err();
        assert_eq!(e.line(), Some(line), "{text:?}: {e}");
        let message = e.to_string();
        assert!(message.starts_with(&format!("line {line}: ")), "{message}");
        assert!(message.contains(words), "{text:?}: {message}");
    }
}

#[test]
fn from_file_names_the_file_and_line() {
    let dir = std::env::temp_dir().join(format!("earshot-extract-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.tsv");
    std::fs::write(
        &good,
        "person\tJane Analyst\t-\tJ. Analyst\taffiliation:BBC\r\n",
    )
    .unwrap();
    let g = Gazetteer::from_file(&good).unwrap();
    assert_eq!(g.entries()[0].links, [("affiliation".into(), "BBC".into())]);
    assert!(g
        .check()
        .iter()
        .any(|p| matches!(p, Problem::DanglingLink { .. })));
    let bad = dir.join("bad.tsv");
    std::fs::write(&bad, "person\tJane\nperson\tJoe\tQ1\tx|~\n").unwrap();
    let e = Gazetteer::from_file(&bad).unwrap_err();
    assert_eq!(e.line(), Some(2));
    assert!(e.to_string().contains("bad.tsv: line 2:"), "{e}");
    let missing = Gazetteer::from_file(dir.join("missing.tsv")).unwrap_err();
    assert_eq!(missing.line(), None);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn declared_ambiguous_aliases_are_found_for_every_entry() {
    let g = Gazetteer::parse(
        "place\tGeorgia\t-\tSakartvelo\n\
         place\tGeorgia (U.S. state)\t-\t~Georgia\tin:United States\n\
         place\tUnited States\n",
    )
    .unwrap();
    let found: Vec<&str> = g
        .by_alias("georgia")
        .iter()
        .map(|e| e.canonical.as_str())
        .collect();
    assert_eq!(found, ["Georgia", "Georgia (U.S. state)"]);
    assert!(g.check().is_empty(), "{:?}", g.check());
    let undeclared =
        Gazetteer::parse("place\tGeorgia\nplace\tGeorgia (U.S. state)\t-\tGeorgia\n").unwrap();
    assert!(matches!(
        undeclared.check().as_slice(),
        [Problem::UndeclaredSharedAlias { .. }]
    ));
}

#[test]
fn no_alias_repeats_a_name_of_its_own_entry() {
    // Case, diacritics, hyphens, full stops and a leading "the" are already folded by the
    // lookup key, so an alias that differs only in those is noise.
    let mut redundant = Vec::new();
    for e in builtin().entries() {
        let mut keys = vec![normalize(&e.canonical)];
        for alias in &e.aliases {
            let key = normalize(alias);
            if keys.contains(&key) {
                redundant.push(format!("{}\t{alias}", e.canonical));
            } else {
                keys.push(key);
            }
        }
    }
    assert!(
        redundant.is_empty(),
        "redundant aliases:\n{}",
        redundant.join("\n")
    );
}
