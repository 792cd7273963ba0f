//! Real public figures, organisations and places the commentary talks about, each with the
//! ways a speech recogniser tends to misspell it.

/// What kind of thing an entity is; templates ask for a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A named person.
    Person,
    /// An organisation or institution.
    Org,
    /// A city, region or front-line town.
    Place,
    /// A sea or strait.
    Sea,
    /// A country.
    Country,
    /// A nationality or collective used as an actor ("the Europeans").
    Group,
}

/// One entity: its canonical full form, the short form speakers mostly use, and the garbled
/// spellings of the short form that transcripts show.
#[derive(Debug, Clone, Copy)]
pub struct Entity {
    /// What kind of thing it is.
    pub kind: Kind,
    /// The full, correctly spelled name.
    pub full: &'static str,
    /// The part speakers say on later mentions (a surname); equal to `full` when there is
    /// no shorter form.
    pub short: &'static str,
    /// Misrecognitions of `short`.
    pub garbled: &'static [&'static str],
}

const fn person(
    full: &'static str,
    short: &'static str,
    garbled: &'static [&'static str],
) -> Entity {
    Entity {
        kind: Kind::Person,
        full,
        short,
        garbled,
    }
}

const fn named(kind: Kind, full: &'static str, garbled: &'static [&'static str]) -> Entity {
    Entity {
        kind,
        full,
        short: full,
        garbled,
    }
}

use Kind::{Country, Group, Org, Place, Sea};

/// Every entity the templates can name.
pub const ENTITIES: &[Entity] = &[
    person(
        "Steve Witkoff",
        "Witkoff",
        &["Whitkoff", "Wittkov", "Wickhoff", "Witkov", "Whitgoff"],
    ),
    person(
        "Yuri Ushakov",
        "Ushakov",
        &["Uschukov", "Ushakof", "Ushakoff"],
    ),
    person(
        "Volodymyr Zelensky",
        "Zelensky",
        &["Zolenski", "Zelenskyy", "Zelenski", "Zelinsky"],
    ),
    person("Rustem Umerov", "Umerov", &["Umarov", "Umeirov", "Umerof"]),
    person("Andriy Yermak", "Yermak", &["Jermak", "Yermack", "Yarmak"]),
    person("Marco Rubio", "Rubio", &["Rubeo", "Rubbio"]),
    person("Sergei Lavrov", "Lavrov", &["Lavroff", "Lavrof", "Lavrove"]),
    person("Kaja Kallas", "Kallas", &["Kalas", "Callas", "Kalass"]),
    person(
        "Recep Tayyip Erdogan",
        "Erdogan",
        &["Erdoan", "Erdowan", "Erdogen"],
    ),
    person("Narendra Modi", "Modi", &["Moody", "Modee"]),
    person("Vladimir Putin", "Putin", &["Puttin", "Pudin"]),
    person("Donald Trump", "Trump", &[]),
    person("Jared Kushner", "Kushner", &["Kushnir", "Kouchner"]),
    person(
        "Kirill Dmitriev",
        "Dmitriev",
        &["Dmitriyev", "Dimitriev", "Dmitrijev"],
    ),
    person("Keith Kellogg", "Kellogg", &["Kellog", "Kelloge"]),
    person("Mark Rutte", "Rutte", &["Rute", "Rutter", "Root"]),
    person(
        "Ursula von der Leyen",
        "von der Leyen",
        &["von der Layen", "von der Lyon", "Vonderleyen"],
    ),
    person("Emmanuel Macron", "Macron", &["Macrone", "Macaron"]),
    person("Keir Starmer", "Starmer", &["Starmour", "Stammer"]),
    person("Friedrich Merz", "Merz", &["Mertz", "Merts"]),
    person("Xi Jinping", "Xi", &["She", "Shi"]),
    person(
        "Benjamin Netanyahu",
        "Netanyahu",
        &["Netanyahoo", "Netanyaho"],
    ),
    person(
        "Mohammed bin Salman",
        "bin Salman",
        &["bin Salmon", "bin Salmaan"],
    ),
    person("Viktor Orban", "Orban", &["Orben", "Orbin"]),
    person("Dmitry Peskov", "Peskov", &["Peskoff", "Peskow"]),
    person("Maria Zakharova", "Zakharova", &["Zaharova", "Zakharowa"]),
    person(
        "Valery Gerasimov",
        "Gerasimov",
        &["Gerasimoff", "Gerassimov"],
    ),
    person("Andrii Sybiha", "Sybiha", &["Sibiha", "Sybiga", "Sybeha"]),
    person("Alexander Stubb", "Stubb", &["Stub", "Stubbe"]),
    person(
        "Pete Hegseth",
        "Hegseth",
        &["Hegsath", "Hexeth", "Heggseth"],
    ),
    person("JD Vance", "Vance", &["Vans", "Vence"]),
    person("Hakan Fidan", "Fidan", &["Fiedan", "Phidan"]),
    person("Antonio Guterres", "Guterres", &["Guteres", "Gutierrez"]),
    person(
        "Alexander Lukashenko",
        "Lukashenko",
        &["Lukashenka", "Lukachenko"],
    ),
    person(
        "Abbas Araghchi",
        "Araghchi",
        &["Araqchi", "Arakchi", "Aragchi"],
    ),
    person("Kyrylo Budanov", "Budanov", &["Budanow", "Boudanov"]),
    person("Oleksandr Syrskyi", "Syrskyi", &["Sirsky", "Syrsky"]),
    person(
        "Yulia Svyrydenko",
        "Svyrydenko",
        &["Sviridenko", "Svyridenko"],
    ),
    person("Robert Fico", "Fico", &["Fitso", "Fitzo"]),
    person("Giorgia Meloni", "Meloni", &["Meloney", "Melony"]),
    person(
        "Mette Frederiksen",
        "Frederiksen",
        &["Fredericksen", "Frederikson"],
    ),
    person("Maia Sandu", "Sandu", &["Sandoo", "Sandou"]),
    named(Org, "NATO", &[]),
    named(Org, "the European Commission", &[]),
    named(Org, "the European Union", &[]),
    named(Org, "the European Council", &[]),
    named(Org, "the United Nations", &[]),
    named(Org, "the Security Council", &[]),
    named(Org, "the Kremlin", &[]),
    named(Org, "the White House", &[]),
    named(Org, "the Pentagon", &[]),
    named(Org, "the State Department", &[]),
    named(Org, "Gazprom", &["Gasprom", "Gaz prom"]),
    named(Org, "the IMF", &[]),
    named(Org, "OPEC", &["Opec plus"]),
    named(Org, "the IAEA", &["the I A E A"]),
    named(Org, "the G7", &["the G seven"]),
    named(
        Org,
        "the Verkhovna Rada",
        &["the Verkhovna Radda", "the Verhovna Rada"],
    ),
    named(Org, "the Bundestag", &["the Bundestagg"]),
    named(Org, "Rosatom", &["Rosatome", "Ros atom"]),
    named(Org, "the OSCE", &[]),
    named(Org, "ECOWAS", &["Ecowas", "Eco was"]),
    named(Org, "the Red Cross", &[]),
    named(Org, "the Houthis", &["the Hoothies", "the Hutis"]),
    named(Place, "Kyiv", &["Kiev", "Keev"]),
    named(Place, "Moscow", &[]),
    named(Place, "Washington", &[]),
    named(Place, "Brussels", &[]),
    named(Place, "Riyadh", &["Riyad", "Riad"]),
    named(Place, "Odesa", &["Odessa", "Adessa"]),
    named(Sea, "the Black Sea", &[]),
    named(Place, "Istanbul", &[]),
    named(Place, "Ankara", &[]),
    named(Place, "Abu Dhabi", &["Abu Dabi"]),
    named(Place, "Geneva", &[]),
    named(Place, "Kharkiv", &["Kharkov", "Harkiv"]),
    named(
        Place,
        "Zaporizhzhia",
        &["Zaporozhye", "Zaporizhia", "Zaporozhia"],
    ),
    named(Place, "Donetsk", &["Donyetsk"]),
    named(Place, "Kherson", &["Herson", "Kersen"]),
    named(Place, "Crimea", &[]),
    named(Place, "Sevastopol", &["Sebastopol"]),
    named(Place, "Pokrovsk", &["Pokrovs", "Pokrovsky"]),
    named(Place, "Kursk", &["Kursck"]),
    named(Place, "Avdiivka", &["Avdeevka", "Avdiyivka"]),
    named(Place, "Beijing", &[]),
    named(Place, "New Delhi", &[]),
    named(Place, "Tehran", &["Teheran"]),
    named(Place, "Gaza", &[]),
    named(Sea, "the Red Sea", &[]),
    named(Sea, "the Baltic Sea", &[]),
    named(
        Sea,
        "the Sea of Azov",
        &["the Sea of Azoff", "the Sea of Asov"],
    ),
    named(
        Sea,
        "the Kerch Strait",
        &["the Kerch straight", "the Kertch Strait"],
    ),
    named(Sea, "the Bosphorus", &["the Bosporus", "the Bosphorous"]),
    named(Sea, "the Gulf of Finland", &[]),
    named(Place, "Kaliningrad", &["Kalinin grad"]),
    named(Place, "Minsk", &[]),
    named(Place, "Warsaw", &[]),
    named(Place, "Berlin", &[]),
    named(Place, "Vienna", &[]),
    named(Place, "Budapest", &[]),
    named(Place, "Tbilisi", &["Tiblisi", "Tbilissi"]),
    named(Place, "Chisinau", &["Kishinev", "Kishinau"]),
    named(
        Place,
        "Transnistria",
        &["Trans Dniestria", "Transdniestria"],
    ),
    named(Place, "Anchorage", &[]),
    named(Place, "Doha", &[]),
    named(Place, "Jeddah", &["Jidda", "Jedda"]),
    named(Sea, "the Strait of Hormuz", &["the Strait of Hormoz"]),
    named(Place, "the Donbas", &["the Donbass", "the Don bass"]),
    named(Place, "Dnipro", &["Dnepr", "Dnipra"]),
    named(Country, "Ukraine", &[]),
    named(Country, "Russia", &[]),
    named(Country, "Turkey", &[]),
    named(Country, "China", &[]),
    named(Country, "India", &[]),
    named(Country, "Saudi Arabia", &[]),
    named(Country, "Qatar", &["Cutter", "Katar"]),
    named(Country, "Iran", &[]),
    named(Country, "Israel", &[]),
    named(Country, "Poland", &[]),
    named(Country, "Hungary", &[]),
    named(Country, "Germany", &[]),
    named(Country, "Finland", &[]),
    named(Country, "Estonia", &[]),
    named(Country, "Moldova", &[]),
    named(Country, "Georgia", &[]),
    named(Country, "Belarus", &["Bellarus", "Belorus"]),
    named(Country, "Slovakia", &[]),
    named(Group, "the Russians", &[]),
    named(Group, "the Ukrainians", &[]),
    named(Group, "the Europeans", &[]),
    named(Group, "the Americans", &[]),
    named(Group, "the West", &[]),
    named(Group, "the Chinese", &[]),
    named(Group, "the Turks", &[]),
    named(Group, "the Saudis", &[]),
    named(Group, "the Iranians", &[]),
    named(Group, "the Baltic states", &[]),
];

/// The entities of one kind, in table order.
pub fn of_kind(kind: Kind) -> Vec<&'static Entity> {
    ENTITIES.iter().filter(|e| e.kind == kind).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enough_entities_and_garbled_short_forms_differ() {
        assert!(ENTITIES.len() >= 60);
        for e in ENTITIES {
            assert!(e.full.contains(e.short), "{}", e.full);
            assert!(!e.garbled.contains(&e.short), "{}", e.full);
        }
        assert!(of_kind(Kind::Person).len() >= 30);
    }
}
