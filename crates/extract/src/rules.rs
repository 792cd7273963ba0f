//! The small word lists the recogniser decides by: titles, connectors inside names, words that
//! are capitalised without being names, and the words that tell a new name's kind. All take a
//! normalised (lower-case) word.

use crate::gazetteer::Kind;

/// Nationality and religion adjectives the gazetteer's groups do not spell out.
pub const ADJECTIVES: &[&str] = &[
    "russian",
    "ukrainian",
    "american",
    "european",
    "chinese",
    "british",
    "french",
    "german",
    "polish",
    "turkish",
    "iranian",
    "israeli",
    "syrian",
    "lebanese",
    "iraqi",
    "saudi",
    "emirati",
    "qatari",
    "egyptian",
    "indian",
    "pakistani",
    "japanese",
    "korean",
    "taiwanese",
    "hungarian",
    "slovak",
    "czech",
    "romanian",
    "moldovan",
    "georgian",
    "armenian",
    "azerbaijani",
    "belarusian",
    "finnish",
    "swedish",
    "norwegian",
    "danish",
    "estonian",
    "latvian",
    "lithuanian",
    "baltic",
    "dutch",
    "belgian",
    "spanish",
    "italian",
    "greek",
    "serbian",
    "croatian",
    "bosnian",
    "albanian",
    "venezuelan",
    "cuban",
    "mexican",
    "brazilian",
    "argentine",
    "colombian",
    "canadian",
    "australian",
    "african",
    "arab",
    "arabic",
    "persian",
    "kurdish",
    "palestinian",
    "yemeni",
    "houthi",
    "sunni",
    "shia",
    "shiite",
    "alawite",
    "druze",
    "muslim",
    "christian",
    "jewish",
    "catholic",
    "orthodox",
    "soviet",
    "western",
    "eastern",
    "northern",
    "southern",
    "nordic",
    "scandinavian",
    "anglo",
    "atlantic",
    "pacific",
    "transatlantic",
    "english",
    "latin",
    "asian",
    "crimean",
    "chechen",
    "tatar",
    "greenlandic",
    "icelandic",
    "irish",
    "scottish",
    "welsh",
    "swiss",
    "austrian",
    "portuguese",
    "bulgarian",
    "slovenian",
    "macedonian",
    "montenegrin",
    "kazakh",
    "uzbek",
    "afghan",
    "libyan",
    "sudanese",
    "ethiopian",
    "nigerian",
    "malian",
    "vietnamese",
    "thai",
    "filipino",
    "indonesian",
    "malaysian",
    "european's",
    "republican",
    "democrat",
    "democratic",
    "communist",
    "conservative",
    "liberal",
    "labour",
    "socialist",
    "maga",
    "trumpian",
    "putinist",
    "zionist",
    "islamist",
    "jihadist",
    "bolshevik",
];

/// Titles before a person's name.
const TITLES: &[&str] = &[
    "president",
    "general",
    "minister",
    "senator",
    "professor",
    "judge",
    "colonel",
    "admiral",
    "ambassador",
    "chancellor",
    "secretary",
    "dr",
    "mr",
    "mrs",
    "ms",
    "sir",
    "governor",
    "commissioner",
    "sheikh",
    "prince",
    "king",
    "queen",
    "pope",
    "chairman",
    "commander",
    "lieutenant",
    "captain",
    "marshal",
    "mayor",
    "speaker",
    "congressman",
    "congresswoman",
    "representative",
    "envoy",
    "premier",
    "emir",
    "ayatollah",
    "patriarch",
    "major",
    "sergeant",
    "field",
    "lord",
    "lady",
    "dame",
    "prof",
    "gen",
    "sen",
    "rep",
    "col",
    "adm",
    "lt",
    "vice",
    "deputy",
    "foreign",
    "defence",
    "defense",
    "prime",
    "finance",
    "spokesman",
    "spokeswoman",
];

/// Words that join the words of a name.
const CONNECTORS: &[&str] = &[
    "of", "de", "da", "del", "der", "den", "von", "van", "bin", "ibn", "al", "el", "la", "le",
    "du", "di", "dos", "das", "y", "bint", "abu", "los", "las",
];

/// Capitalised words that are not names: pronouns, days, months, interjections.
const STOP_NAMES: &[&str] = &[
    "i",
    "i'm",
    "i'll",
    "i've",
    "i'd",
    "ok",
    "okay",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "god",
    "christmas",
    "easter",
    "ramadan",
    "internet",
    "tv",
    "mr",
    "mrs",
    "ms",
    "dr",
    "uh",
    "um",
    "yeah",
    "hmm",
    "mm",
    "oh",
    "ah",
    "wow",
    "hey",
    "hi",
    "hello",
    "bye",
    "thanks",
    "yes",
    "no",
    "ha",
    "haha",
    "laughs",
    "laughter",
    "crosstalk",
    "inaudible",
    "music",
    "applause",
    "pause",
    "sighs",
    "speaker",
    "host",
    "guest",
    "caller",
    "episode",
    "chapter",
    "part",
    "okay",
    "alright",
    "covid",
    "youtube",
    "twitter",
    "facebook",
    "spotify",
    "patreon",
    "substack",
];

/// Initialisms too common to be an organisation on their own.
const COMMON_INITIALISMS: &[&str] = &[
    "ok", "tv", "ai", "gdp", "ceo", "pm", "am", "fm", "id", "hq", "pr", "usd", "cpi", "ngo", "vpn",
    "dna", "covid", "lng", "faq", "ama", "aka", "asap", "eta", "diy", "fyi", "lol", "omg", "tbh",
    "btw", "rip", "vip", "mp", "mps", "pow", "pows", "icbm", "icbms", "irbm", "uav", "uavs",
    "drones", "mlrs", "sam", "sams", "ew", "kia", "mia", "wmd", "nb", "ps", "pdf", "url", "ip",
    "op", "ed", "oped", "uk's", "usa", "ussr", "st", "mt", "ft", "km", "kg", "mph", "bbc's",
    "cnn's", "ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii", "speaker",
];

/// Filler and contracted words of speech that are not in the word list.
const FILLERS: &[&str] = &[
    "yeah",
    "gonna",
    "wanna",
    "gotta",
    "kinda",
    "sorta",
    "dunno",
    "lemme",
    "gimme",
    "okay",
    "alright",
    "uhh",
    "umm",
    "hmmm",
    "mhmm",
    "nope",
    "yep",
    "yup",
    "cause",
    "cuz",
    "ain't",
    "y'all",
    "outta",
    "lotta",
    "whatcha",
    "gotcha",
    "nah",
    "huh",
    "tiktok",
    "youtube",
    "podcast",
    "podcasts",
    "email",
    "emails",
    "online",
    "website",
    "livestream",
    "inbox",
];

/// Everyday words that are also place names but, without capitals, usually are not.
const UNCASED_STOPS: &[&str] = &[
    "us",
    "chad",
    "jordan",
    "victoria",
    "nice",
    "reading",
    "split",
    "mobile",
    "bath",
    "orange",
    "independence",
    "concord",
    "liberty",
    "guinea",
    "cork",
    "hull",
    "derby",
    "phoenix",
    "anchorage",
    "perm",
    "strip",
    "channel",
    "gulf",
    "med",
    "emirates",
    "states",
    "car",
    "la",
    "rs",
    "waltz",
    "wiles",
    "garland",
    "warren",
    "wicker",
    "sacks",
    "truss",
    "reeves",
    "cleverly",
    "gallant",
    "tucker",
    "hedges",
    "chamberlain",
    "barrack",
    "shah",
    "signal",
    "apple",
    "amazon",
    "shell",
    "meta",
    "shape",
    "swift",
    "plan",
    "renaissance",
    "greens",
    "alliance",
    "commonwealth",
    "times",
    "mail",
    "nation",
    "independent",
    "royals",
    "lords",
    "commons",
    "house",
    "marines",
    "fed",
    "rumble",
    "ice",
    "raw",
    "quad",
    "fox",
    "who",
    "doe",
    "mid",
    "inc",
    "pa",
    "pp",
    "pas",
    "cis",
    "sis",
    "seals",
    "founders",
    "axis",
    "settlers",
    "archer",
    "tor",
    "lancet",
    "stinger",
    "leopard",
    "trident",
    "harpoon",
    "aegis",
    "overlord",
    "switchblade",
    "foxhound",
    "x",
    "grok",
    "spectator",
    "guardian",
    "telegraph",
    "economist",
    "intercept",
    "hill",
    "midterms",
    "conservatives",
    "democrats",
    "republicans",
    "oligarchs",
];

/// Words after a name that say it is a person.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "thinks",
    "thought",
    "argues",
    "argued",
    "wrote",
    "writes",
    "claimed",
    "claims",
    "tweeted",
    "posted",
    "warned",
    "insisted",
    "admitted",
    "believes",
    "believed",
    "explained",
    "added",
    "replied",
    "answered",
    "asked",
    "called",
    "himself",
    "herself",
    "who",
];

/// Words before a name that say it is a place.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "near", "from", "outside", "around", "towards", "toward", "into", "across", "through",
];

/// Function words and verbs that may follow a plural-looking nationality used as a noun
/// ("the Chinese are", "the Swiss and").
const FUNCTION_WORDS: &[&str] = &[
    "are",
    "were",
    "is",
    "was",
    "have",
    "has",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "might",
    "may",
    "must",
    "do",
    "did",
    "does",
    "don't",
    "didn't",
    "won't",
    "and",
    "or",
    "but",
    "who",
    "that",
    "which",
    "to",
    "in",
    "on",
    "at",
    "of",
    "for",
    "with",
    "about",
    "again",
    "also",
    "just",
    "really",
    "say",
    "said",
    "want",
    "wanted",
    "know",
    "knew",
    "think",
    "thought",
    "see",
    "saw",
    "themselves",
    "too",
    "then",
    "now",
    "here",
    "there",
    "as",
    "by",
    "from",
    "into",
    "than",
    "so",
    "because",
    "if",
    "when",
    "all",
    "both",
    "still",
    "never",
    "always",
    "already",
    "they",
    "we",
    "i",
    "you",
    "he",
    "she",
    "it",
    "not",
    "be",
    "been",
];

/// A person's title.
pub fn is_title(word: &str) -> bool {
    TITLES.contains(&word)
}

/// Titles that are ranks or honorifics, said with a surname as the usual way of naming someone
/// ("General Kellogg", "Colonel Macgregor", "Judge Napolitano", "Professor Achebe"), unlike
/// offices ("President", "Minister") and courtesy titles ("Mr").
const RANKS: &[&str] = &[
    "general",
    "colonel",
    "admiral",
    "lieutenant",
    "captain",
    "marshal",
    "major",
    "sergeant",
    "judge",
    "professor",
    "prof",
    "dr",
];

/// A title that is a rank or honorific (see [`RANKS`]).
pub fn is_rank(word: &str) -> bool {
    RANKS.contains(&word)
}

/// A word that may join two words of a name.
pub fn is_connector(word: &str) -> bool {
    CONNECTORS.contains(&word)
}

/// A capitalised word that is never a name on its own.
pub fn is_stop_name(word: &str) -> bool {
    STOP_NAMES.contains(&word)
}

/// An initialism that names no organisation.
pub fn is_common_initialism(word: &str) -> bool {
    COMMON_INITIALISMS.contains(&word)
}

/// A spoken filler or informal word, not a name.
pub fn is_filler(word: &str) -> bool {
    FILLERS.contains(&word)
}

/// A place name that, without capitals, is more likely the everyday word.
pub fn is_uncased_stop(word: &str) -> bool {
    UNCASED_STOPS.contains(&word)
}

/// A verb of speech or a pronoun that follows a person's name.
pub fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(&word)
}

/// A preposition that comes before a place.
pub fn is_place_preposition(word: &str) -> bool {
    PLACE_PREPOSITIONS.contains(&word)
}

/// A function word or common verb: what follows a nationality used as a noun.
pub fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.contains(&word)
}

/// The kind a name's first or last word gives it: "Operation X" is a work, "X Ministry" an
/// organisation, "X Summit" an event, "X Bridge" a place.
pub fn kind_by_words(first: &str, last: &str) -> Option<Kind> {
    match first {
        "operation" => return Some(Kind::Work),
        "battle" | "siege" => return Some(Kind::Event),
        "lake" | "mount" | "port" | "fort" | "cape" | "gulf" => return Some(Kind::Place),
        _ => {}
    }
    let kind = match last {
        "ministry" | "agency" | "council" | "committee" | "party" | "bank" | "institute"
        | "center" | "centre" | "university" | "foundation" | "corporation" | "company"
        | "group" | "forces" | "army" | "navy" | "service" | "bureau" | "office" | "commission"
        | "parliament" | "court" | "times" | "post" | "news" | "network" | "brigade"
        | "battalion" | "regiment" | "front" | "movement" | "association" | "union" | "fund"
        | "guard" | "guards" | "corps" | "command" | "tribune" | "journal" | "review" | "inc"
        | "ltd" | "media" | "press" | "tv" | "radio" | "club" | "league" | "assembly"
        | "congress" | "senate" | "cabinet" | "government" | "administration" | "department"
        | "school" | "college" | "academy" | "daily" | "herald" | "gazette" | "telegraph" => {
            Kind::Organization
        }
        "summit" | "war" | "conference" | "election" | "elections" | "talks" | "forum"
        | "crisis" | "revolution" | "offensive" | "invasion" | "uprising" | "massacre"
        | "attack" | "attacks" | "referendum" | "games" | "olympics" | "process"
        | "negotiations" | "ceasefire" | "exercise" | "exercises" | "meeting" => Kind::Event,
        "agreement" | "agreements" | "accords" | "accord" | "treaty" | "plan" | "act"
        | "doctrine" | "deal" | "initiative" | "protocol" | "memorandum" | "declaration"
        | "report" | "resolution" | "charter" | "strategy" | "pipeline" | "missile"
        | "missiles" | "program" | "programme" | "package" | "sanctions" | "law" | "bill" => {
            Kind::Work
        }
        "street" | "square" | "bridge" | "island" | "islands" | "sea" | "river" | "strait"
        | "base" | "airport" | "region" | "oblast" | "province" | "city" | "mountains"
        | "valley" | "bay" | "canal" | "plant" | "district" | "county" | "peninsula" | "coast"
        | "desert" | "heights" | "corridor" | "oblast's" | "raion" | "krai" => Kind::Place,
        _ => return None,
    };
    Some(kind)
}

/// Endings of place names ("Pokrovsk", "Sudetenland", "Kazakhstan", "Melitopol").
pub fn has_place_ending(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "land", "burg", "bourg", "grad", "stan", "pol", "polis", "ivka", "ovka", "sk", "ovo",
        "evo", "ino", "yne", "ske", "ivske", "gorod", "abad", "istan", "shire", "ville",
    ];
    word.len() > 4 && ENDINGS.iter().any(|e| word.ends_with(e))
}

/// A contraction ("we've", "they're", "couldn't"): an English word with a clitic, not a name.
pub fn is_contraction(word: &str) -> bool {
    match word.rsplit_once('\'') {
        Some((stem, clitic)) => {
            matches!(clitic, "re" | "ve" | "ll" | "d" | "m" | "t" | "s")
                && (earshot_text::words::is_english_word(stem)
                    || stem.ends_with('n')
                    || matches!(stem, "i" | "we" | "they" | "you" | "he" | "she" | "it"))
        }
        None => false,
    }
}
