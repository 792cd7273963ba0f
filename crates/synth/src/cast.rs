//! The fictional shows and their hosts. Every name here is invented.

/// A fictional show: its name, its hosts (the first one opens and closes each episode) and
/// the discount code its sponsor reads use.
#[derive(Debug, Clone, Copy)]
pub struct Show {
    /// The show's name as its feed and pages print it.
    pub name: &'static str,
    /// Two or three hosts, full names.
    pub hosts: &'static [&'static str],
    /// The code read out in sponsor segments.
    pub code: &'static str,
}

const fn show(name: &'static str, hosts: &'static [&'static str], code: &'static str) -> Show {
    Show { name, hosts, code }
}

/// The forty shows episodes are drawn from.
pub const SHOWS: &[Show] = &[
    show("The Meridian Brief", &["Tom Hale", "Clara Moss"], "BRIEF"),
    show(
        "Night Desk",
        &["Maria Lindqvist", "Owen Pryce"],
        "NIGHTDESK",
    ),
    show(
        "Border Lines",
        &["Ruth Adeyemi", "Felix Carrow", "Jonah Bell"],
        "BORDER",
    ),
    show(
        "The Long Table",
        &["Simon Achterberg", "Nadia Fenwick"],
        "TABLE",
    ),
    show(
        "Cold Front Weekly",
        &["Dmitri Halloran", "Beth Sorensen"],
        "COLDFRONT",
    ),
    show(
        "Signal and Noise Radio",
        &["Priya Castellan", "Gareth Ould"],
        "SIGNAL",
    ),
    show(
        "The Eastern Flank",
        &["Marek Tolliver", "Ingrid Vasko", "Paul Brennard"],
        "FLANK",
    ),
    show(
        "Statecraft Hour",
        &["Evelyn Marsh", "Darius Kenward"],
        "STATECRAFT",
    ),
    show(
        "The Shipping Forecast Room",
        &["Hugh Pellow", "Anika Dorn"],
        "HARBOUR",
    ),
    show(
        "Afterword Politics",
        &["Leon Farrant", "Sasha Quell"],
        "AFTERWORD",
    ),
    show(
        "The Corridor",
        &["Yusuf Brandt", "Lena Okafor", "Martin Vell"],
        "CORRIDOR",
    ),
    show(
        "Dispatch Forty",
        &["Carla Rennick", "Ben Oakhurst"],
        "DISPATCH",
    ),
    show(
        "Front Line Notes",
        &["Ivo Hartmann", "Greta Nolan"],
        "FRONTLINE",
    ),
    show(
        "The Quiet Envoy",
        &["Rosa Templeton", "Adam Kirwan"],
        "ENVOY",
    ),
    show(
        "Open Channel",
        &["Samir Howell", "Jana Petrak", "Colm Avery"],
        "CHANNEL",
    ),
    show(
        "The Pressure Gauge",
        &["Victor Amsel", "Hannah Greaves"],
        "GAUGE",
    ),
    show(
        "Crossroads Review",
        &["Tariq Wendell", "Olive Branning"],
        "CROSSROADS",
    ),
    show(
        "Map Room Conversations",
        &["Elise Varga", "Rory Calder"],
        "MAPROOM",
    ),
    show(
        "The Steppe Report",
        &["Kiril Ashdown", "Mona Feld"],
        "STEPPE",
    ),
    show(
        "Harbour Lights",
        &["Agnes Morrow", "Petr Lindell", "Joel Fairley"],
        "LIGHTS",
    ),
    show(
        "The Ledger of Power",
        &["Conrad Blythe", "Iris Waterman"],
        "LEDGER",
    ),
    show(
        "Second Opinion World",
        &["Fatima Roscoe", "Niall Brandon"],
        "SECOND",
    ),
    show("Grey Zone", &["Anton Mereau", "Delia Crofton"], "GREYZONE"),
    show(
        "The Balance Sheet of Nations",
        &["Gideon Marr", "Paula Strand"],
        "BALANCE",
    ),
    show(
        "Northern Watch",
        &["Sigrid Ellery", "Tobias Wren", "Ada Kimber"],
        "NORTHERN",
    ),
    show(
        "The Backchannel",
        &["Luca Stennet", "Miriam Oyelaran"],
        "BACKCHANNEL",
    ),
    show(
        "Wire and Ink",
        &["Harriet Vance-Cole", "Oskar Byrne"],
        "WIREINK",
    ),
    show(
        "The Situation Table",
        &["Edgar Pennick", "Zora Halvorsen"],
        "SITUATION",
    ),
    show(
        "Long View Radio",
        &["Nikolai Sterne", "Frances Upton"],
        "LONGVIEW",
    ),
    show(
        "The Arbiter",
        &["Celia Marchbank", "Dominic Yates", "Ravi Selwood"],
        "ARBITER",
    ),
    show(
        "Pipeline Politics",
        &["Walter Grist", "Elena Dovre"],
        "PIPELINE",
    ),
    show(
        "The Weekly Tally",
        &["Imogen Frayne", "Ezra Colborne"],
        "TALLY",
    ),
    show(
        "Outer Ring",
        &["Boris Aldane", "Keira Whitlow"],
        "OUTERRING",
    ),
    show(
        "Chancery Lane Talk",
        &["Hugo Pemberly", "Alma Reyes-Tovar"],
        "CHANCERY",
    ),
    show(
        "The Buffer Zone",
        &["Stefan Orlick", "Lydia Granger", "Omar Keyes"],
        "BUFFER",
    ),
    show(
        "Red Line Review",
        &["Patrick Venn", "Sofia Marlowe"],
        "REDLINE",
    ),
    show("The Treaty Room", &["Ansel Darby", "Vera Tomlin"], "TREATY"),
    show(
        "Slow News Club",
        &["Milo Harker", "Nell Strickland"],
        "SLOWNEWS",
    ),
    show(
        "Foreign Desk Unfiltered",
        &["Rafael Kinsey", "Tamsin Orde"],
        "UNFILTERED",
    ),
    show(
        "The Vantage Point",
        &["Gabriel Asquith", "Nora Blackwood", "Ivan Petrosyan"],
        "VANTAGE",
    ),
];

/// Invented sponsors for mid-roll reads, with the way hosts say their web address.
pub const SPONSORS: &[(&str, &str)] = &[
    ("Northvale Coffee", "northvale coffee dot com"),
    ("Ledgerline", "ledgerline dot com"),
    ("Kestrel Sleep", "kestrel sleep dot com"),
    ("Harbor Books", "harbor books dot com"),
    ("Pinewood Meals", "pinewood meals dot com"),
    ("Quillstone Pens", "quillstone dot com"),
    ("Tidewell Insurance", "tidewell dot com"),
    ("Brightfold Glasses", "brightfold dot com"),
];

/// Where shows tell listeners to find them.
pub const PLATFORMS: &[&str] = &[
    "Rumble", "Locals", "Substack", "Patreon", "Telegram", "YouTube",
];

/// The URL-safe form of a name: lower case, words joined by hyphens.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// A host's first name, as co-hosts address each other.
pub fn first_name(full: &str) -> &str {
    full.split_whitespace().next().unwrap_or(full)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forty_shows_with_two_or_three_hosts() {
        assert_eq!(SHOWS.len(), 40);
        assert!(SHOWS.iter().all(|s| (2..=3).contains(&s.hosts.len())));
        let mut names: Vec<&str> = SHOWS.iter().map(|s| s.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 40);
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("The Meridian Brief"), "the-meridian-brief");
        assert_eq!(slug("Harriet Vance-Cole"), "harriet-vance-cole");
    }
}
