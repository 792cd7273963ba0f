//! The gazetteer: the entities earshot knows by name, each with its kind, canonical name,
//! Wikidata id, other names, and links to other entries.
//!
//! The built-in list ([`Gazetteer::builtin`]) is `data/gazetteer.tsv`, written for earshot and
//! embedded in the binary. Users add to it, correct it and prune it with a file of their own in
//! the same format ([`Gazetteer::from_file`], then [`Gazetteer::extend`]).
//!
//! # The format
//!
//! UTF-8 text, one entry per line, columns separated by a tab (shown as `⇥` below). Blank lines
//! and lines starting with `#` are ignored. Spaces around a column are trimmed.
//!
//! ```text
//! kind ⇥ canonical ⇥ wikidata ⇥ aliases ⇥ links
//! place ⇥ Russia ⇥ Q159 ⇥ Russian Federation ⇥ -
//! group ⇥ Russians ⇥ - ⇥ - ⇥ demonym-of:Russia
//! person ⇥ Volodymyr Zelensky ⇥ Q3874799 ⇥ Zelensky|Zelenskyy ⇥ role:President of Ukraine (from 2019)|country:Ukraine
//! ```
//!
//! 1. **kind**: `person`, `organization` (`organisation` is accepted), `place`, `group` (a
//!    people or a bloc spoken of as an actor: "the Russians", "the West"), `work` (a treaty,
//!    plan, law, document, book, weapon system or operation) or `event`.
//! 2. **canonical**: the name people say and write most ("NATO", "Volodymyr Zelensky"), unique
//!    in the file; it may not contain `|`. Where two things share a name, the less common one
//!    carries a disambiguator in parentheses ("Georgia (U.S. state)").
//! 3. **wikidata**: the Wikidata item, `Q` and digits, or `-`. Given only when certain.
//! 4. **aliases**: other names and spellings, separated by `|`, or `-`. An alias written with a
//!    leading `~` is *declared ambiguous*: it is known to name another entry too ("~Georgia" on
//!    the U.S. state), so lookups return both and [`Gazetteer::check`] does not report it.
//!    Speech-recognition garbles do not belong here: a later stage matches those phonetically.
//!    Nor do variants that lookups fold anyway (see [Lookups](#lookups)): "Erdogan" for
//!    "Erdoğan", "the Kremlin" for "Kremlin".
//! 5. **links**: `relation:target` pairs separated by `|`, or `-`. The target is the canonical
//!    name of another entry, except for the two *text relations* ([`TEXT_RELATIONS`]): `role`
//!    (a person's office, in words, with years where known: `(2019-2024)` a term that ended,
//!    `(2024-)` an office held now, `(from 2022)` when it began without asserting that it is
//!    still held, as in `role:Secretary General of NATO (2024-)`) and `date` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or a range `start/end` where
//!    either side may be empty). The relations the built-in file uses:
//!
//!    | relation | from | to |
//!    | --- | --- | --- |
//!    | `country` | a person, organisation, work or event | the country it belongs to |
//!    | `in` | a place or event | the place it is in |
//!    | `capital-of` | a city | the country whose capital it is |
//!    | `demonym-of` | a group | the place whose people it names |
//!    | `part-of` | an organisation | the organisation it belongs to |
//!    | `party` | a person | their political party |
//!    | `affiliation` | a person | an organisation they work for or with |
//!    | `based-in` | an organisation | the city of its seat |
//!    | `made-by` | a work (weapon system) | its maker |
//!    | `related` | anything | another entry it is closely tied to |
//!    | `role` | a person | text: their office |
//!    | `date` | an event or work | text: when it happened or was signed |
//!
//! Trailing columns may be left out (they mean `-`), so a user file can say just
//! `person<TAB>Jane Doe`.
//!
//! ## Overriding and removing, in a user file
//!
//! An entry in a user file whose canonical name is that of an existing entry *replaces* it
//! whole (kind, Wikidata id, aliases and links) when the file extends the built-in list. To
//! remove an entry, write its kind and canonical name followed by the single word `remove` in
//! the third column:
//!
//! ```text
//! person ⇥ Some Person ⇥ remove
//! ```
//!
//! A removal takes out the entry with exactly that kind and canonical name; one that matches
//! nothing is reported in [`ExtendReport::not_found`]. A file may not both define and remove
//! the same name.
//!
//! # Lookups
//!
//! Names are compared by [`normalize`]d key: case-insensitive, Latin diacritics folded
//! ("Erdoğan" = "Erdogan"), hyphens as spaces, full stops and commas dropped ("U.S." = "US"),
//! a leading "the " dropped ("the Pentagon" = "Pentagon") and a possessive "'s" dropped
//! ("Russia's" = "Russia").

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// The bundled gazetteer file.
static BUILTIN_TSV: &str = include_str!("../data/gazetteer.tsv");

/// Relations whose target is text rather than the canonical name of an entry.
pub const TEXT_RELATIONS: &[&str] = &["role", "date"];

/// The relations the built-in file uses (see the module docs). User files may use others.
pub const RELATIONS: &[&str] = &[
    "country",
    "in",
    "capital-of",
    "demonym-of",
    "part-of",
    "party",
    "affiliation",
    "based-in",
    "made-by",
    "related",
    "role",
    "date",
];

/// What sort of thing an entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A person.
    Person,
    /// An organisation: a government body, agency, armed force, party, company, outlet,
    /// platform, international organisation or armed group.
    #[serde(alias = "organisation")]
    Organization,
    /// A place: a country, city, region, sea, strait, building used as a place.
    Place,
    /// A people or bloc spoken of as an actor: "the Russians", "Europeans", "the West".
    Group,
    /// A treaty, plan, law, document, book, weapon system or military operation.
    Work,
    /// Something that happened or happens: a war, a summit, a conference, an election.
    Event,
}

impl Kind {
    /// Every kind, in the order of the docs.
    pub const ALL: [Kind; 6] = [
        Kind::Person,
        Kind::Organization,
        Kind::Place,
        Kind::Group,
        Kind::Work,
        Kind::Event,
    ];

    /// The lower-case name used in the file and in serialised output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Place => "place",
            Kind::Group => "group",
            Kind::Work => "work",
            Kind::Event => "event",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Kind {
    type Err = String;

    fn from_str(s: &str) -> Result<Kind, String> {
        match s {
            "person" => Ok(Kind::Person),
            "organization" | "organisation" => Ok(Kind::Organization),
            "place" => Ok(Kind::Place),
            "group" => Ok(Kind::Group),
            "work" => Ok(Kind::Work),
            "event" => Ok(Kind::Event),
            _ => Err(format!(
                "unknown kind {s:?} (expected person, organization, place, group, work or event)"
            )),
        }
    }
}

/// One entity of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// What sort of thing it is.
    pub kind: Kind,
    /// The name it is known by, unique in a gazetteer.
    pub canonical: String,
    /// The Wikidata item (`Q…`), when known for certain.
    pub wikidata: Option<String>,
    /// Other names and spellings, without the `~` marker.
    pub aliases: Vec<String>,
    /// The aliases declared ambiguous (written with `~`): they may name other entries too.
    /// Each is also in [`Entry::aliases`].
    pub ambiguous_aliases: Vec<String>,
    /// `(relation, target)` pairs; see the module docs.
    pub links: Vec<(String, String)>,
}

impl Entry {
    /// The targets of this entry's links with `relation`.
    pub fn targets<'a>(&'a self, relation: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.links
            .iter()
            .filter(move |(r, _)| r == relation)
            .map(|(_, t)| t.as_str())
    }

    /// The canonical name followed by the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.canonical.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// Why a gazetteer could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    /// A line that does not follow the format.
    #[error("{}line {line}: {message}", in_file(.path))]
    Line {
        /// The file, when read from one.
        path: Option<PathBuf>,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// The file could not be read.
    #[error("cannot read gazetteer {}: {source}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The reason.
        #[source]
        source: std::io::Error,
    },
}

fn in_file(path: &Option<PathBuf>) -> String {
    path.as_ref()
        .map(|p| format!("{}: ", p.display()))
        .unwrap_or_default()
}

impl GazetteerError {
    /// The 1-based line at fault, for a format error.
    pub fn line(&self) -> Option<usize> {
        match self {
            GazetteerError::Line { line, .. } => Some(*line),
            GazetteerError::Io { .. } => None,
        }
    }
}

/// Something [`Gazetteer::check`] finds wrong with a gazetteer as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A link whose target is not the canonical name of any entry.
    DanglingLink {
        /// The entry with the link.
        entry: String,
        /// The relation.
        relation: String,
        /// The missing target.
        target: String,
    },
    /// A name (by normalised key) that several entries answer to, where `entry` has it as an
    /// alias not declared ambiguous with `~`.
    UndeclaredSharedAlias {
        /// The alias as written.
        alias: String,
        /// The entry that has it as an undeclared alias.
        entry: String,
        /// The other entries that answer to the same name.
        others: Vec<String>,
    },
    /// Two canonical names that normalise to the same key.
    CanonicalClash {
        /// The two names.
        names: (String, String),
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::DanglingLink {
                entry,
                relation,
                target,
            } => write!(f, "{entry}: link {relation}:{target} names no entry"),
            Problem::UndeclaredSharedAlias {
                alias,
                entry,
                others,
            } => write!(
                f,
                "{entry}: alias {alias:?} also names {} (mark it ~{alias} if meant)",
                others.join(", ")
            ),
            Problem::CanonicalClash { names } => write!(
                f,
                "canonical names {:?} and {:?} are the same name",
                names.0, names.1
            ),
        }
    }
}

/// What [`Gazetteer::extend`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExtendReport {
    /// Canonical names of entries that were new.
    pub added: Vec<String>,
    /// Canonical names of entries that replaced existing ones.
    pub replaced: Vec<String>,
    /// Canonical names of entries removed.
    pub removed: Vec<String>,
    /// Removals that matched no entry (by kind and canonical name).
    pub not_found: Vec<String>,
}

/// A set of entries with lookups by canonical name and by any name.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    /// Removals a user file asks for, applied by [`Gazetteer::extend`].
    removals: Vec<(Kind, String)>,
    /// Exact canonical name → entry.
    canonical: HashMap<String, usize>,
    /// Normalised name (canonical or alias) → entries, in file order, without repeats.
    keys: HashMap<String, Vec<usize>>,
}

impl Gazetteer {
    /// The built-in gazetteer, parsed once.
    pub fn builtin() -> &'static Gazetteer {
        static BUILTIN: OnceLock<Gazetteer> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            Gazetteer::parse(BUILTIN_TSV).expect("the built-in gazetteer parses (it is tested)")
        })
    }

    /// The text of the built-in gazetteer file.
    pub fn builtin_text() -> &'static str {
        BUILTIN_TSV
    }

    /// Parses gazetteer text (see the module docs for the format). The first line at fault is
    /// named in the error.
    pub fn parse(text: &str) -> Result<Gazetteer, GazetteerError> {
        parse_text(text, None)
    }

    /// A gazetteer of these entries; of two with the same canonical name the later wins, as
    /// [`Gazetteer::extend`] does.
    pub fn from_entries(entries: impl IntoIterator<Item = Entry>) -> Gazetteer {
        let mut g = Gazetteer::default();
        for entry in entries {
            match g
                .entries
                .iter()
                .position(|e| e.canonical == entry.canonical)
            {
                Some(i) => g.entries[i] = entry,
                None => g.entries.push(entry),
            }
        }
        g.reindex();
        g
    }

    /// Reads and parses a gazetteer file; errors name the file and the line.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Gazetteer, GazetteerError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| GazetteerError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        parse_text(&text, Some(path))
    }

    /// Adds `other` (a user file) to this gazetteer: its removals take out entries first, then
    /// each of its entries replaces the entry with the same canonical name, or is added.
    pub fn extend(&mut self, other: Gazetteer) -> ExtendReport {
        let mut report = ExtendReport::default();
        for (kind, name) in other.removals {
            match self
                .entries
                .iter()
                .position(|e| e.kind == kind && e.canonical == name)
            {
                Some(i) => {
                    self.entries.remove(i);
                    report.removed.push(name);
                }
                None => report.not_found.push(name),
            }
        }
        let mut position: HashMap<String, usize> = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.canonical.clone(), i))
            .collect();
        for entry in other.entries {
            match position.get(&entry.canonical) {
                Some(&i) => {
                    report.replaced.push(entry.canonical.clone());
                    self.entries[i] = entry;
                }
                None => {
                    report.added.push(entry.canonical.clone());
                    position.insert(entry.canonical.clone(), self.entries.len());
                    self.entries.push(entry);
                }
            }
        }
        self.reindex();
        report
    }

    /// The entry with this canonical name: exactly, or else by normalised key.
    pub fn by_canonical(&self, name: &str) -> Option<&Entry> {
        if let Some(&i) = self.canonical.get(name) {
            return Some(&self.entries[i]);
        }
        let key = normalize(name);
        self.keys.get(&key).and_then(|ids| {
            ids.iter()
                .map(|&i| &self.entries[i])
                .find(|e| normalize(&e.canonical) == key)
        })
    }

    /// Every entry that answers to `surface` as its canonical name or an alias, compared by
    /// [`normalize`]d key. Entries whose canonical name matches come first, then the others in
    /// file order; more than one means the name is ambiguous.
    pub fn by_alias(&self, surface: &str) -> Vec<&Entry> {
        let key = normalize(surface);
        let Some(ids) = self.keys.get(&key) else {
            return Vec::new();
        };
        let (mut first, rest): (Vec<&Entry>, Vec<&Entry>) = ids
            .iter()
            .map(|&i| &self.entries[i])
            .partition(|e| normalize(&e.canonical) == key);
        first.extend(rest);
        first
    }

    /// The entries that link to `canonical`, with the relation of each link.
    pub fn links_to<'a>(
        &'a self,
        canonical: &'a str,
    ) -> impl Iterator<Item = (&'a Entry, &'a str)> {
        self.entries.iter().flat_map(move |e| {
            e.links
                .iter()
                .filter(move |(r, t)| t == canonical && !TEXT_RELATIONS.contains(&r.as_str()))
                .map(move |(r, _)| (e, r.as_str()))
        })
    }

    /// All entries, in file order (entries added by [`Gazetteer::extend`] last).
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The removals this gazetteer (read from a user file) asks for, as `(kind, canonical)`.
    pub fn removals(&self) -> &[(Kind, String)] {
        &self.removals
    }

    /// Names (normalised keys) that several entries answer to, with those entries, sorted by
    /// key.
    pub fn shared_names(&self) -> Vec<(&str, Vec<&Entry>)> {
        let mut shared: Vec<(&str, Vec<&Entry>)> = self
            .keys
            .iter()
            .filter(|(_, ids)| ids.len() > 1)
            .map(|(k, ids)| (k.as_str(), ids.iter().map(|&i| &self.entries[i]).collect()))
            .collect();
        shared.sort_by(|a, b| a.0.cmp(b.0));
        shared
    }

    /// What is wrong with the gazetteer as a whole: links to missing entries, names shared by
    /// several entries without a `~` declaration, canonical names that are the same name.
    pub fn check(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        for e in &self.entries {
            for (relation, target) in &e.links {
                if !TEXT_RELATIONS.contains(&relation.as_str())
                    && !self.canonical.contains_key(target)
                {
                    problems.push(Problem::DanglingLink {
                        entry: e.canonical.clone(),
                        relation: relation.clone(),
                        target: target.clone(),
                    });
                }
            }
        }
        for (key, entries) in self.shared_names() {
            let canonicals: Vec<&Entry> = entries
                .iter()
                .copied()
                .filter(|e| normalize(&e.canonical) == key)
                .collect();
            if canonicals.len() > 1 {
                problems.push(Problem::CanonicalClash {
                    names: (
                        canonicals[0].canonical.clone(),
                        canonicals[1].canonical.clone(),
                    ),
                });
            }
            for e in &entries {
                if normalize(&e.canonical) == key {
                    continue;
                }
                let undeclared = e
                    .aliases
                    .iter()
                    .find(|a| normalize(a) == key && !e.ambiguous_aliases.iter().any(|d| d == *a));
                if let Some(alias) = undeclared {
                    problems.push(Problem::UndeclaredSharedAlias {
                        alias: alias.clone(),
                        entry: e.canonical.clone(),
                        others: entries
                            .iter()
                            .filter(|o| o.canonical != e.canonical)
                            .map(|o| o.canonical.clone())
                            .collect(),
                    });
                }
            }
        }
        problems
    }

    fn reindex(&mut self) {
        self.canonical.clear();
        self.keys.clear();
        for (i, e) in self.entries.iter().enumerate() {
            self.canonical.insert(e.canonical.clone(), i);
            for name in e.names() {
                let ids = self.keys.entry(normalize(name)).or_default();
                if ids.last() != Some(&i) && !ids.contains(&i) {
                    ids.push(i);
                }
            }
        }
    }
}

/// The key names are compared by: lower case, Latin diacritics folded, apostrophes made
/// straight, hyphens, dashes, slashes and runs of white space made one space, full stops,
/// commas and double quotes dropped, then a leading "the " and a trailing possessive "'s"
/// (or the "'" of "Americans'") removed.
pub fn normalize(surface: &str) -> String {
    let mut folded = String::with_capacity(surface.len());
    for c in surface.chars() {
        for l in c.to_lowercase() {
            match l {
                '\u{300}'..='\u{36f}' => {}
                '\u{2019}' | '\u{2018}' | '\u{2bc}' | '`' | '\u{b4}' => folded.push('\''),
                '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}' | '_' | '/' => {
                    folded.push(' ')
                }
                '.' | ',' | '"' | '\u{201c}' | '\u{201d}' => {}
                c if c.is_whitespace() => folded.push(' '),
                c => match fold_latin(c) {
                    Some(s) => folded.push_str(s),
                    None => folded.push(c),
                },
            }
        }
    }
    let mut key = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    if key.len() > 4 && key.starts_with("the ") {
        key.drain(..4);
    }
    if key.len() > 2 && key.ends_with("'s") {
        key.truncate(key.len() - 2);
    } else if key.len() > 2 && key.ends_with("s'") {
        key.pop();
    }
    key
}

/// The ASCII spelling of a lower-case Latin letter with a diacritic (or a ligature).
pub(crate) fn fold_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        _ => return None,
    })
}

fn parse_text(text: &str, path: Option<&Path>) -> Result<Gazetteer, GazetteerError> {
    let err = |line: usize, message: String| GazetteerError::Line {
        path: path.map(Path::to_path_buf),
        line,
        message,
    };
    let mut g = Gazetteer::default();
    // Canonical name → the line that defined or removed it.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let raw = raw.trim_end_matches('\r');
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = raw.split('\t').map(str::trim).collect();
        if fields.len() < 2 {
            return Err(err(
                line,
                "expected tab-separated columns: kind, canonical, wikidata, aliases, links"
                    .to_string(),
            ));
        }
        if fields.len() > 5 {
            return Err(err(
                line,
                format!(
                    "{} columns; expected at most 5: kind, canonical, wikidata, aliases, links",
                    fields.len()
                ),
            ));
        }
        let kind: Kind = fields[0].parse().map_err(|m| err(line, m))?;
        let canonical = fields[1];
        if canonical.is_empty() || canonical == "-" {
            return Err(err(line, "empty canonical name".to_string()));
        }
        if canonical.contains('|') {
            return Err(err(
                line,
                format!("canonical name {canonical:?} contains '|'"),
            ));
        }
        if let Some(first) = seen.get(canonical) {
            return Err(err(
                line,
                format!("{canonical:?} is already on line {first}"),
            ));
        }
        seen.insert(canonical.to_string(), line);
        let column = |n: usize| {
            fields
                .get(n)
                .copied()
                .filter(|f| !f.is_empty() && *f != "-")
        };
        if column(2) == Some("remove") {
            if column(3).is_some() || column(4).is_some() {
                return Err(err(
                    line,
                    "a removal is three columns: kind, canonical, remove".to_string(),
                ));
            }
            g.removals.push((kind, canonical.to_string()));
            continue;
        }
        let wikidata = match column(2) {
            None => None,
            Some(q) if is_qid(q) => Some(q.to_string()),
            Some(q) => {
                return Err(err(
                    line,
                    format!("wikidata {q:?} is not Q followed by digits (or - when unknown)"),
                ))
            }
        };
        let mut aliases = Vec::new();
        let mut ambiguous_aliases = Vec::new();
        for alias in column(3).map(|a| a.split('|')).into_iter().flatten() {
            let alias = alias.trim();
            let (declared, name) = match alias.strip_prefix('~') {
                Some(rest) => (true, rest.trim()),
                None => (false, alias),
            };
            if name.is_empty() {
                return Err(err(line, "empty alias".to_string()));
            }
            if aliases.iter().any(|a| a == name) {
                return Err(err(line, format!("alias {name:?} given twice")));
            }
            aliases.push(name.to_string());
            if declared {
                ambiguous_aliases.push(name.to_string());
            }
        }
        let mut links = Vec::new();
        for link in column(4).map(|l| l.split('|')).into_iter().flatten() {
            let link = link.trim();
            let Some((relation, target)) = link.split_once(':') else {
                return Err(err(line, format!("link {link:?} is not relation:target")));
            };
            let (relation, target) = (relation.trim(), target.trim());
            if !is_relation(relation) {
                return Err(err(
                    line,
                    format!("relation {relation:?} is not lower-case letters, digits and '-'"),
                ));
            }
            if target.is_empty() {
                return Err(err(line, format!("link {link:?} has no target")));
            }
            if relation == "date" && !is_date_or_range(target) {
                return Err(err(
                    line,
                    format!("date {target:?} is not YYYY, YYYY-MM, YYYY-MM-DD or a range a/b"),
                ));
            }
            links.push((relation.to_string(), target.to_string()));
        }
        g.entries.push(Entry {
            kind,
            canonical: canonical.to_string(),
            wikidata,
            aliases,
            ambiguous_aliases,
            links,
        });
    }
    g.reindex();
    Ok(g)
}

/// `Q` followed by digits, without a leading zero.
fn is_qid(s: &str) -> bool {
    s.strip_prefix('Q').is_some_and(|d| {
        !d.is_empty() && !d.starts_with('0') && d.bytes().all(|b| b.is_ascii_digit())
    })
}

fn is_relation(s: &str) -> bool {
    let mut bytes = s.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_lowercase())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or `a/b` of those where one side may be empty.
fn is_date_or_range(s: &str) -> bool {
    match s.split_once('/') {
        Some((a, b)) => (a.is_empty() || is_date(a)) && (b.is_empty() || is_date(b)) && s.len() > 1,
        None => is_date(s),
    }
}

fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let in_range = |p: &str, max: u32| p.parse::<u32>().is_ok_and(|v| (1..=max).contains(&v));
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && in_range(m, 12),
        [y, m, d] => {
            digits(y, 4) && digits(m, 2) && in_range(m, 12) && digits(d, 2) && in_range(d, 31)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_folds_case_marks_articles_and_possessives() {
        assert_eq!(normalize("the Pentagon"), "pentagon");
        assert_eq!(normalize("The  Pentagon's"), "pentagon");
        assert_eq!(normalize("Erdoğan"), "erdogan");
        assert_eq!(normalize("U.S."), "us");
        assert_eq!(normalize("Washington, D.C."), "washington dc");
        assert_eq!(normalize("Americans’"), "americans");
        assert_eq!(normalize("Nagorno-Karabakh"), "nagorno karabakh");
        assert_eq!(normalize("the"), "the");
        assert_eq!(normalize("Zelenskyy"), "zelenskyy");
    }

    #[test]
    fn dates() {
        for ok in [
            "2022",
            "2022-02",
            "2022-02-24",
            "1939/1945",
            "2024/",
            "/1991",
        ] {
            assert!(is_date_or_range(ok), "{ok}");
        }
        for bad in ["22", "2022-13", "2022-02-32", "2022-2-24", "/", "soon"] {
            assert!(!is_date_or_range(bad), "{bad}");
        }
    }

    #[test]
    fn qids() {
        assert!(is_qid("Q159"));
        assert!(!is_qid("Q"));
        assert!(!is_qid("Q0159"));
        assert!(!is_qid("q159"));
        assert!(!is_qid("P31"));
    }
}
