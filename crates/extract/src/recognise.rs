//! The recogniser: finds the mentions of a transcript and links each to an entity.
//!
//! One pass over each segment's words finds gazetteer names (the longest that starts at a
//! word, kept only when the text spells it as a name: see [`CaseRule`]) and the spans that look
//! like names the gazetteer lacks: capitalised words joined by connectors ("Tren de Aragua"),
//! after a title, initialisms. In text without capitals (auto-captions) the candidates are
//! instead the words that are not English. A second pass links each candidate: to a person
//! already named in full in the transcript ("Hale" after "Marcus Hale"), to a gazetteer entity
//! it sounds like ("Whitkoff" → Steve Witkoff), or to a new entity of its own, named by its
//! best-formed spelling and given a kind by its shape and context.

use std::sync::OnceLock;

use crate::gazetteer::{Gazetteer, Kind};
use crate::hash::{FxHashMap, FxHashSet};
use crate::lexicon::{Alias, CaseRule, Lexicon};
use crate::names::{self, Found, NameIndex, Part};
use crate::rules;
use crate::token::{
    Tokens, ALPHA, CAP, COLON_AFTER, DIGIT, HYPHENED, JOINED, LINE_START, POSSESSIVE, SENT_START,
    UPPER, WORD,
};

/// The entity a mention is linked to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// A gazetteer entry, by index.
    Known(u32),
    /// An entity the gazetteer lacks, by the name it is known by in this transcript.
    Unknown(String),
}

/// How sure the link is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Confidence {
    /// Guessed from a sound-alike or a new name's shape.
    Low,
    /// A close garble, or a short form.
    Medium,
    /// A name of the gazetteer, as written there.
    High,
}

impl Confidence {
    /// `high`, `medium` or `low`.
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }
}

/// Why a mention is linked where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Link {
    /// The surface is one of the entity's names.
    Name,
    /// A first or last name of a person named in full elsewhere in the transcript.
    ShortForm,
    /// The surface sounds like, and is spelt close to, one of the entity's names.
    Sound,
    /// A name the gazetteer lacks.
    New,
}

/// One mention found in a transcript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The segment's index.
    pub segment: usize,
    /// Byte offset of the surface in the segment's text.
    pub start: usize,
    /// Byte offset just past the surface.
    pub end: usize,
    /// The entity's kind.
    pub kind: Kind,
    /// The entity.
    pub target: Target,
    /// How sure the link is.
    pub confidence: Confidence,
    /// Why it is linked there.
    pub link: Link,
}

/// Recognises and links the mentions of transcripts with one gazetteer.
#[derive(Debug)]
pub struct Extractor {
    gazetteer: Gazetteer,
    lexicon: Lexicon,
    names: NameIndex,
    /// First words of the gazetteer's people ("steve", "kaja"): a span starting with one is a
    /// person.
    first_names: FxHashSet<String>,
    /// First name → the gazetteer's people with it, and the sound skeleton of each one's
    /// surname: "Margus Sahkna" is Margus Tsahkna, the first name said right.
    people_by_first_name: FxHashMap<String, Vec<(u32, String)>>,
    /// Nationality adjectives ("russian", "turkish"): capitalised, but not names.
    adjectives: FxHashSet<String>,
}

/// The sound look-ups of one transcript: (normalised words, threshold's bits) → the match.
type Finds = FxHashMap<(String, u32), Vec<Found>>;

/// A span found in the first pass.
#[derive(Debug, Clone)]
struct Candidate {
    segment: usize,
    /// First and one-past-last word.
    first: usize,
    last: usize,
    /// A gazetteer entry when a name matched.
    known: Option<(u32, Confidence, Link)>,
    /// Evidence of the kind, for a name the gazetteer lacks.
    hint: Option<Kind>,
    /// A capitalised everyday word ("Root", "Bush"): kept only if it is a person's garble.
    weak: bool,
    /// Without capitals, the first word of a gazetteer name that did not match: only the
    /// two or three words from here are tried by sound ("von der lion").
    phrase: bool,
    /// A sentence's first word that is an everyday word ("Hale has been right"): kept only as
    /// the short form of a person named in full here.
    initial: bool,
    /// A rank before a surname ("General" of "General Kellogg"), by word: part of the
    /// mention's span, but not of the name looked up.
    title: Option<usize>,
}

impl Extractor {
    /// An extractor over `gazetteer`.
    pub fn new(gazetteer: Gazetteer) -> Extractor {
        let lexicon = Lexicon::new(&gazetteer);
        let names = NameIndex::new(&gazetteer, &lexicon);
        let mut first_names = FxHashSet::default();
        let mut people_by_first_name: FxHashMap<String, Vec<(u32, String)>> = FxHashMap::default();
        let mut toks = Tokens::default();
        let mut adjectives: FxHashSet<String> =
            rules::ADJECTIVES.iter().map(|s| s.to_string()).collect();
        for (index, e) in gazetteer.entries().iter().enumerate() {
            match e.kind {
                Kind::Person => {
                    for name in e.names() {
                        // Normalised as the text's words are ("Péter" is "peter").
                        toks.fill(name);
                        // Not "The" of "The Donald", nor "To" of "To Lam": too common.
                        let first = toks.norm(0);
                        if toks.len() > 1
                            && !toks.tokens[1].is(HYPHENED)
                            && first.len() >= 3
                            && first != "the"
                            && !rules::is_function_word(first)
                        {
                            first_names.insert(first.to_string());
                            // Only a first name and a surname: "Kim Jong" is not Kim Yo Jong.
                            if toks.len() == 2 {
                                let surname = names::skeleton(&names::squash(toks.norm(1)));
                                let people =
                                    people_by_first_name.entry(first.to_string()).or_default();
                                if !people
                                    .iter()
                                    .any(|(i, s)| *i == index as u32 && *s == surname)
                                {
                                    people.push((index as u32, surname));
                                }
                            }
                        }
                    }
                }
                Kind::Group => {
                    for name in e.names() {
                        if let Some(adj) = name.strip_suffix(" people") {
                            adjectives.insert(crate::gazetteer::normalize(adj));
                        }
                    }
                }
                _ => {}
            }
        }
        Extractor {
            gazetteer,
            lexicon,
            names,
            first_names,
            people_by_first_name,
            adjectives,
        }
    }

    /// The extractor over the built-in gazetteer, built once.
    pub fn builtin() -> &'static Extractor {
        static BUILTIN: OnceLock<Extractor> = OnceLock::new();
        BUILTIN.get_or_init(|| Extractor::new(Gazetteer::builtin().clone()))
    }

    /// The gazetteer it links to.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The mentions in a transcript's segments, in order of position.
    pub fn extract<S: AsRef<str>>(&self, segments: &[S]) -> Vec<Mention> {
        let toks: Vec<Tokens> = segments
            .iter()
            .map(|s| {
                let mut t = Tokens::default();
                t.fill(s.as_ref());
                t
            })
            .collect();
        let cased = is_cased(&toks);
        let mut candidates = Vec::new();
        let mut seen: FxHashSet<u32> = FxHashSet::default();
        let mut key = String::new();
        for (s, t) in toks.iter().enumerate() {
            self.scan(s, t, cased, &mut seen, &mut key, &mut candidates);
        }
        self.link(&toks, segments, cased, candidates)
    }

    /// The first pass over one segment.
    fn scan(
        &self,
        segment: usize,
        t: &Tokens,
        cased: bool,
        seen: &mut FxHashSet<u32>,
        key: &mut String,
        out: &mut Vec<Candidate>,
    ) {
        let mut i = 0;
        // The title just before word i ("General" of "General Kellogg"), by index.
        let mut title: Option<usize> = None;
        while i < t.len() {
            let tok = t.tokens[i];
            // A speaker label ("DANA:", "Rafael:") is not a mention.
            if tok.is(COLON_AFTER) && tok.is(SENT_START) && tok.is(CAP) {
                i += 1;
                continue;
            }
            // Speaker labels ("DANA:", "Speaker A (Hollis):") are not mentions.
            if tok.is(LINE_START) && cased {
                if let Some(end) = speaker_label(t, i) {
                    i = end;
                    continue;
                }
            }
            let matched = self.lexicon.longest_at(t, i, key);
            // "Sue thirty-five", "garan two": a weapon's name misheard but its number right.
            if matched.is_none() && tok.is(ALPHA) && !rules::is_function_word(t.norm(i)) {
                if let Some((n, aliases)) = self.lexicon.numbered_at(t, i) {
                    let alias = aliases.iter().find(|a| a.canonical).unwrap_or(&aliases[0]);
                    seen.insert(alias.entry);
                    out.push(Candidate {
                        segment,
                        first: i,
                        last: i + n,
                        known: Some((alias.entry, Confidence::Medium, Link::Sound)),
                        hint: None,
                        weak: false,
                        phrase: false,
                        initial: false,
                        title: None,
                    });
                    i += n;
                    title = None;
                    continue;
                }
            }
            if matched.is_none() && !cased && i + 1 < t.len() && self.lexicon.starts_name(t.norm(i))
            {
                out.push(Candidate {
                    segment,
                    first: i,
                    last: i + 1,
                    known: None,
                    hint: None,
                    weak: false,
                    phrase: true,
                    initial: false,
                    title: None,
                });
            }
            if let Some((n, aliases)) = matched {
                if let Some(alias) = self
                    .choose(aliases, t, i, n, cased, seen)
                    .filter(|a| !self.name_word_of_another(a, t, i, n, title.is_some()))
                {
                    seen.insert(alias.entry);
                    let person =
                        self.gazetteer.entries()[alias.entry as usize].kind == Kind::Person;
                    out.push(Candidate {
                        segment,
                        first: i,
                        last: i + n,
                        known: Some((alias.entry, Confidence::High, Link::Name)),
                        hint: None,
                        weak: false,
                        phrase: false,
                        initial: false,
                        title: title.filter(|&at| person && rank_before_surname(t, at, n)),
                    });
                    i += n;
                    title = None;
                    continue;
                }
            }
            if cased {
                if tok.is(CAP) && rules::is_title(t.norm(i)) && next_joined_cap(t, i) {
                    title = Some(i);
                    i += 1;
                    continue;
                }
                if let Some((end, weak)) = self.name_span(t, i, title.is_some()) {
                    out.push(Candidate {
                        segment,
                        first: i,
                        last: end,
                        known: None,
                        hint: title.map(|_| Kind::Person),
                        weak,
                        phrase: false,
                        initial: false,
                        title: title.filter(|&at| rank_before_surname(t, at, end - i)),
                    });
                    i = end;
                    title = None;
                    continue;
                }
                if tok.is(SENT_START) && tok.is(WORD) && tok.is(CAP) && tok.is(ALPHA) {
                    out.push(Candidate {
                        segment,
                        first: i,
                        last: i + 1,
                        known: None,
                        hint: None,
                        weak: true,
                        phrase: false,
                        initial: true,
                        title: None,
                    });
                }
            } else if self.uncased_candidate(t, i) {
                out.push(Candidate {
                    segment,
                    first: i,
                    last: i + 1,
                    known: None,
                    hint: None,
                    weak: false,
                    phrase: false,
                    initial: false,
                    title: None,
                });
            }
            title = None;
            i += 1;
        }
    }

    /// Of the entries a name matched, the one meant, if the text spells it as a name.
    fn choose(
        &self,
        aliases: &[Alias],
        t: &Tokens,
        i: usize,
        n: usize,
        cased: bool,
        seen: &FxHashSet<u32>,
    ) -> Option<Alias> {
        let ok: Vec<&Alias> = aliases
            .iter()
            .filter(|a| self.spelt_as_name(a, t, i, n, cased))
            .collect();
        ok.iter()
            .find(|a| seen.contains(&a.entry))
            .or_else(|| ok.iter().find(|a| a.canonical))
            .or_else(|| ok.first())
            .map(|a| **a)
    }

    /// Whether a one-word match is really part of a person's name the gazetteer lacks: a first
    /// name before a surname ("Rafael Ortiz", not the company Rafael), or a surname after a
    /// title ("Admiral Bradley", not the vehicle).
    fn name_word_of_another(
        &self,
        alias: &Alias,
        t: &Tokens,
        i: usize,
        n: usize,
        title: bool,
    ) -> bool {
        let entry = &self.gazetteer.entries()[alias.entry as usize];
        if n != 1 || entry.kind == Kind::Person {
            return false;
        }
        if title {
            return true;
        }
        self.first_names.contains(t.norm(i))
            && i + 1 < t.len()
            && t.tokens[i + 1].is(JOINED)
            && self.name_like(t, i + 1)
            && !t.tokens[i + 1].is(WORD)
    }

    /// Whether words `i..i + n` spell the name as the name's case rule wants.
    fn spelt_as_name(&self, alias: &Alias, t: &Tokens, i: usize, n: usize, cased: bool) -> bool {
        let entry = &self.gazetteer.entries()[alias.entry as usize];
        let last = i + n - 1;
        // A nationality used as an adjective ("Chinese troops", "the French position") is not
        // the people: only plural forms ("the Russians") and a bare "the Chinese" are.
        if entry.kind == Kind::Group
            && !t.norm(last).ends_with('s')
            && self.adjectives.contains(t.norm(last))
        {
            if let Some(next) = t.tokens.get(last + 1) {
                if next.is(JOINED) && !next.is(CAP) && !rules::is_function_word(t.norm(last + 1)) {
                    return false;
                }
            }
        }
        match alias.rule {
            CaseRule::Any => {
                // A lone everyday word inside a name ("Saudi Arabia" lower-cased is fine, but
                // a one-word alias that is a word must look like a name).
                true
            }
            CaseRule::Acronym => {
                if cased {
                    (i..i + n).all(|w| t.tokens[w].is(UPPER))
                } else {
                    !t.tokens[i].is(WORD)
                }
            }
            CaseRule::Capitalised => {
                if cased {
                    (0..n).all(|w| alias.caps & (1 << w) == 0 || t.tokens[i + w].is(CAP))
                } else if n > 1 {
                    true
                } else {
                    match entry.kind {
                        Kind::Group => i > 0 && t.norm(i - 1) == "the",
                        Kind::Event => false,
                        _ => !rules::is_uncased_stop(t.norm(i)),
                    }
                }
            }
        }
    }

    /// In text with capitals, the end of a name-like span starting at word `i`, and whether it
    /// is only a capitalised everyday word (kept only if it turns out to be a garble).
    fn name_span(&self, t: &Tokens, i: usize, title: bool) -> Option<(usize, bool)> {
        let first = t.tokens[i];
        // An initialism on its own: an organisation unless it is a common abbreviation.
        if first.is(UPPER) && first.is(ALPHA) {
            let norm = t.norm(i);
            return (norm.len() <= 6 && !first.is(WORD) && !rules::is_common_initialism(norm))
                .then_some((i + 1, false));
        }
        // "al-Sharaa": a lower-case particle hyphened to a capitalised name.
        // After a title any capitalised word starts the name ("Professor June Achebe"); so
        // does a person's first name that is also a word, first in its sentence, before a
        // capitalised word that is not ("Peter Madjar").
        let mut start_ok = self.name_like(t, i)
            || title && first.is(CAP) && first.is(ALPHA)
            || first.is(CAP)
                && self.first_names.contains(t.norm(i))
                && t.tokens
                    .get(i + 1)
                    .is_some_and(|n| n.is(JOINED) && !n.is(WORD))
                && self.name_like(t, i + 1);
        if !start_ok
            && rules::is_connector(t.norm(i))
            && t.tokens.get(i + 1).is_some_and(|n| n.is(HYPHENED))
            && self.name_like(t, i + 1)
        {
            start_ok = true;
        }
        if !start_ok {
            return None;
        }
        let mut end = i + 1;
        let mut any_name = !first.is(WORD) && first.is(CAP);
        while end < t.len() && end - i < 6 {
            let tok = t.tokens[end];
            if !tok.is(JOINED) && !tok.is(HYPHENED) {
                break;
            }
            if t.tokens[end - 1].is(POSSESSIVE) {
                break;
            }
            if self.name_like(t, end) {
                any_name |= !tok.is(WORD);
                end += 1;
                continue;
            }
            // A connector between two name words: "Tren de Aragua", "Bank of England".
            if rules::is_connector(t.norm(end))
                && end + 1 < t.len()
                && t.tokens[end + 1].flags & (JOINED | HYPHENED) != 0
                && self.name_like(t, end + 1)
            {
                end += 1;
                continue;
            }
            break;
        }
        // Everyday words that say what they name: "Kestrel Institute", "Operation Grey Lantern".
        let named_by_words =
            end > i + 1 && rules::kind_by_words(t.norm(i), t.norm(end - 1)).is_some();
        if any_name || title || named_by_words {
            Some((end, false))
        } else if end == i + 1 {
            Some((end, true))
        } else {
            None
        }
    }

    /// A capitalised word that may be part of a name.
    fn name_like(&self, t: &Tokens, i: usize) -> bool {
        let tok = t.tokens[i];
        if !tok.is(CAP) || !tok.is(ALPHA) || tok.is(UPPER) && t.norm(i).len() > 1 {
            return false;
        }
        let norm = t.norm(i);
        if rules::is_stop_name(norm)
            || self.adjectives.contains(norm)
            || rules::is_contraction(norm)
        {
            return false;
        }
        // A sentence's first word is capitalised anyway: only a name if not a word.
        !(tok.is(SENT_START) && tok.is(WORD))
    }

    /// In text without capitals, a word that may be a garbled name.
    fn uncased_candidate(&self, t: &Tokens, i: usize) -> bool {
        let tok = t.tokens[i];
        let norm = t.norm(i);
        tok.is(ALPHA)
            && !tok.is(WORD)
            && norm.len() >= names::MIN_LETTERS
            && !norm.contains('\'')
            && !rules::is_filler(norm)
            && !self.adjectives.contains(norm)
    }

    /// The second pass: links the candidates and names the new entities.
    fn link<S: AsRef<str>>(
        &self,
        toks: &[Tokens],
        segments: &[S],
        cased: bool,
        mut candidates: Vec<Candidate>,
    ) -> Vec<Mention> {
        let words = |c: &Candidate| -> String {
            (c.first..c.last)
                .map(|w| toks[c.segment].norm(w))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let known_here: FxHashSet<u32> = candidates
            .iter()
            .filter_map(|c| c.known.map(|k| k.0))
            .collect();
        // A garble is often said again: look each spelling up by sound once.
        let mut finds = FxHashMap::default();
        // A garbled full name ("Kaya Callas") is linked by sound before the short forms are
        // collected, so that its surname said alone later points at the entity too.
        for c in &mut candidates {
            if c.known.is_none() && !c.phrase && c.last - c.first >= 2 {
                if let Some((e, score)) = self.sound_alike(toks, c, &known_here, cased, &mut finds)
                {
                    c.known = Some((e, sound_confidence(score), Link::Sound));
                }
            }
        }
        // People named in full here: their first and last words point at them.
        let mut short: FxHashMap<String, Target> = FxHashMap::default();
        for c in &candidates {
            let n = c.last - c.first;
            let target = match c.known {
                Some((e, _, _)) if self.gazetteer.entries()[e as usize].kind == Kind::Person => {
                    Target::Known(e)
                }
                None if n >= 2
                    && (c.hint == Some(Kind::Person) || self.looks_like_person(toks, c)) =>
                {
                    Target::Unknown(words(c))
                }
                _ => continue,
            };
            if n >= 2 {
                let t = &toks[c.segment];
                for w in [c.first, c.last - 1] {
                    // An everyday word ("Hale", "Grant") is a short form only where it is
                    // capitalised: the candidates it is looked up for are.
                    let norm = t.norm(w);
                    if norm.len() >= 3
                        && norm != "the"
                        && !(t.tokens[w].is(WORD) && c.first == w && c.last - c.first > 2)
                        && !rules::is_function_word(norm)
                        && !rules::is_title(norm)
                        && !rules::is_stop_name(norm)
                    {
                        short
                            .entry(t.norm(w).to_string())
                            .or_insert_with(|| target.clone());
                    }
                }
            }
        }
        let mut mentions = Vec::with_capacity(candidates.len());
        for c in &mut candidates {
            let t = &toks[c.segment];
            let text = segments[c.segment].as_ref();
            let one_word = c.last - c.first == 1;
            let (target, kind, confidence, link) = match c.known {
                // A one-word name that is the first or last name of a person named in full
                // here ("Rafael" after "Rafael Ortiz") is that person.
                Some((e, _, _))
                    if one_word
                        && self.gazetteer.entries()[e as usize].kind != Kind::Person
                        && short.contains_key(t.norm(c.first)) =>
                {
                    (
                        short[t.norm(c.first)].clone(),
                        Kind::Person,
                        Confidence::Medium,
                        Link::ShortForm,
                    )
                }
                Some((e, conf, how)) => (
                    Target::Known(e),
                    self.gazetteer.entries()[e as usize].kind,
                    conf,
                    how,
                ),
                None if c.initial => match short.get(&words(c)) {
                    Some(target) => (
                        target.clone(),
                        Kind::Person,
                        Confidence::Medium,
                        Link::ShortForm,
                    ),
                    None => continue,
                },
                None => {
                    let w = words(c);
                    if let Some(target) = short.get(&w).filter(|_| one_word && !c.phrase) {
                        (
                            target.clone(),
                            Kind::Person,
                            Confidence::Medium,
                            Link::ShortForm,
                        )
                    } else if let Some((e, score)) =
                        self.sound_alike(toks, c, &known_here, cased, &mut finds)
                    {
                        (
                            Target::Known(e),
                            self.gazetteer.entries()[e as usize].kind,
                            sound_confidence(score),
                            Link::Sound,
                        )
                    } else if !cased || c.weak || c.phrase {
                        continue;
                    } else if let Some(target) = self.garbled_short(&short, &w, c) {
                        (target, Kind::Person, Confidence::Low, Link::ShortForm)
                    } else {
                        let kind = self.kind_of(toks, c);
                        (Target::Unknown(w), kind, Confidence::Low, Link::New)
                    }
                }
            };
            let first = match c.title {
                Some(at) if c.first == at + 1 => at,
                _ => c.first,
            };
            let start = t.tokens[first].start as usize;
            let end = t.tokens[c.last - 1].end as usize;
            debug_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
            mentions.push(Mention {
                segment: c.segment,
                start,
                end,
                kind,
                target,
                confidence,
                link,
            });
        }
        drop_overlaps(&mut mentions);
        name_new_entities(&mut mentions, segments);
        mentions
    }

    /// A gazetteer entity the candidate sounds like: the span alone, or with the next or the
    /// previous word ("Luke oil" → Lukoil). Widens the candidate to the words that matched.
    fn sound_alike(
        &self,
        toks: &[Tokens],
        c: &mut Candidate,
        known_here: &FxHashSet<u32>,
        cased: bool,
        finds: &mut Finds,
    ) -> Option<(u32, f32)> {
        let t = &toks[c.segment];
        let span = |a: usize, b: usize| -> String {
            (a..b).map(|w| t.norm(w)).collect::<Vec<_>>().join(" ")
        };
        let joinable =
            |w: usize| w < t.len() && t.tokens[w].is(JOINED) && !t.tokens[w - 1].is(POSSESSIVE);
        let mut windows: Vec<(usize, usize, f32)> = Vec::with_capacity(3);
        if c.phrase {
            for n in [2, 3] {
                if (c.first + 1..c.first + n).all(joinable) {
                    windows.push((c.first, c.first + n, 0.8));
                }
            }
        } else {
            let threshold = if c.weak {
                0.8
            } else if cased {
                0.6
            } else {
                0.7
            };
            windows.push((c.first, c.last, threshold));
            if joinable(c.last) {
                windows.push((c.first, c.last + 1, 0.8));
            }
            if c.first > 0 && joinable(c.first) {
                windows.push((c.first - 1, c.last, 0.8));
            }
        }
        let first_name = c.last - c.first == 1 && self.first_names.contains(t.norm(c.first));
        let mut best: Option<(u32, f32, usize, usize)> = None;
        // A known first name and a surname that sounds like that person's: "Margus Sahkna",
        // "olaf shoals".
        for &(a, b, _) in &windows {
            if b - a != 2 {
                continue;
            }
            let Some(people) = self.people_by_first_name.get(t.norm(a)) else {
                continue;
            };
            let surname = names::skeleton(&names::squash(t.norm(b - 1)));
            if surname.len() < 3 {
                continue;
            }
            for (entry, theirs) in people {
                let score = (1.0 + names::similarity(&surname, theirs)) / 2.0;
                if score >= 0.78 && best.is_none_or(|(_, s, _, _)| score > s) {
                    best = Some((*entry, score, a, b));
                }
            }
        }
        for (wi, &(a, b, threshold)) in windows.iter().enumerate() {
            let found = finds
                .entry((span(a, b), threshold.to_bits()))
                .or_insert_with_key(|(words, _)| {
                    let mut found = Vec::new();
                    self.names.candidates(words, threshold, &mut found);
                    found
                });
            // The entity this window most likely means: an entity named elsewhere in the
            // transcript is the likelier, which also settles a tie between sound-alikes; a tie
            // left standing means the garble is too near several names to say.
            let mut window_best: Option<(Found, f32)> = None;
            let mut tie = false;
            for &found in found.iter() {
                let mut score = found.score;
                if known_here.contains(&found.entry) {
                    score += 0.1;
                }
                match window_best {
                    Some((_, s)) if score < s => {}
                    Some((b, s)) if score == s => tie |= b.entry != found.entry,
                    _ => {
                        tie = false;
                        window_best = Some((found, score));
                    }
                }
            }
            let Some((found, score)) = window_best.filter(|_| !tie) else {
                continue;
            };
            let entry = &self.gazetteer.entries()[found.entry as usize];
            // Widened by an everyday word, the match must be close ("Luke oil"); by a
            // capitalised one, only capitalised for starting its sentence ("Yens Frederick
            // Nielson"), close.
            if wi > 0 && !c.phrase {
                let widened =
                    |cap: bool| (a..b).any(|w| t.tokens[w].is(WORD) && t.tokens[w].is(CAP) == cap);
                if widened(false) && found.score < 0.85 || widened(true) && found.score < 0.9 {
                    continue;
                }
            }
            // Sound-alikes of places and organisations must be close, of peoples never: a
            // first name or a new place is more often near one of those by chance.
            let person = entry.kind == Kind::Person;
            let exact = found.score >= 0.99;
            if !person
                && (found.score < 0.85
                    || entry.kind == Kind::Group
                    || (first_name && wi == 0)
                    || c.weak)
            {
                continue;
            }
            if found.part == Part::Surname && !person {
                continue;
            }
            // A surname only sounds alike if it ends alike ("Clara" is not Clark).
            if found.part == Part::Surname
                && found.score < 0.85
                && !known_here.contains(&found.entry)
            {
                let ours = names::skeleton(&names::squash(&span(a, b)));
                let canonical = &entry.canonical;
                let last = canonical.rsplit(' ').next().unwrap_or(canonical);
                let theirs = names::skeleton(&names::squash(&crate::gazetteer::normalize(last)));
                if ours.as_bytes().last() != theirs.as_bytes().last() {
                    continue;
                }
            }
            // The same spelling widened by a word ("Luke oil" is Lukoil) beats a sound-alike of
            // its first word alone.
            let score = if exact && wi > 0 { score + 0.05 } else { score };
            if best.is_none_or(|(_, s, _, _)| score > s) {
                best = Some((found.entry, score, a, b));
            }
        }
        let (entry, score, a, b) = best?;
        c.first = a;
        c.last = b;
        Some((entry, score))
    }

    /// A person named in full here whose first or last name the word is a garble of.
    fn garbled_short(
        &self,
        short: &FxHashMap<String, Target>,
        word: &str,
        c: &Candidate,
    ) -> Option<Target> {
        if c.last - c.first != 1 || word.len() < names::MIN_LETTERS {
            return None;
        }
        let skel = names::skeleton(word);
        short
            .iter()
            .filter(|(name, _)| name.len() >= names::MIN_LETTERS)
            .map(|(name, target)| (names::similarity(&skel, &names::skeleton(name)), target))
            .filter(|(score, _)| *score >= 0.75)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, t)| t.clone())
    }

    /// Whether a span the gazetteer lacks reads as a person's name.
    fn looks_like_person(&self, toks: &[Tokens], c: &Candidate) -> bool {
        self.kind_of(toks, c) == Kind::Person
    }

    /// The kind of a name the gazetteer lacks, from its words and what surrounds it.
    fn kind_of(&self, toks: &[Tokens], c: &Candidate) -> Kind {
        if let Some(kind) = c.hint {
            return kind;
        }
        let t = &toks[c.segment];
        let n = c.last - c.first;
        if n == 1 && t.tokens[c.first].is(UPPER) {
            return Kind::Organization;
        }
        if let Some(kind) = rules::kind_by_words(t.norm(c.first), t.norm(c.last - 1)) {
            return kind;
        }
        let before = c.first.checked_sub(1).map(|w| t.norm(w));
        let after = (c.last < t.len()).then(|| t.norm(c.last));
        if n >= 2 && self.first_names.contains(t.norm(c.first)) {
            return Kind::Person;
        }
        if after.is_some_and(rules::is_speech_verb) {
            return Kind::Person;
        }
        if before.is_some_and(rules::is_place_preposition) && n == 1 {
            return Kind::Place;
        }
        if n == 1 && rules::has_place_ending(t.norm(c.first)) {
            return Kind::Place;
        }
        Kind::Person
    }
}

/// Whether the title at word `at` is a rank said with the surname after it as one name
/// ("General Kellogg", "Judge Napolitano", "Professor Achebe"): a rank or honorific, not an
/// office ("President", "Minister"), before a name of `words` words. Before a full name
/// ("General Dan Caine") the title describes rather than names, and stays outside.
fn rank_before_surname(t: &Tokens, at: usize, words: usize) -> bool {
    words == 1 && rules::is_rank(t.norm(at))
}

/// How sure a link by sound is, by the similarity of spelling.
fn sound_confidence(score: f32) -> Confidence {
    if score >= 0.8 {
        Confidence::Medium
    } else {
        Confidence::Low
    }
}

/// Whether the text has capitals to go by: auto-captions are all lower case. Capitalised
/// sentence starts, or capitals inside sentences, say it has.
fn is_cased(toks: &[Tokens]) -> bool {
    let (mut words, mut caps, mut starts, mut capital_starts) = (0usize, 0usize, 0usize, 0usize);
    for t in toks {
        for (i, tok) in t.tokens.iter().enumerate() {
            if !tok.is(ALPHA) {
                continue;
            }
            if tok.is(SENT_START) {
                starts += 1;
                capital_starts += usize::from(tok.is(CAP));
                continue;
            }
            words += 1;
            if tok.is(CAP) && t.norm(i) != "i" {
                caps += 1;
            }
        }
    }
    let few = words < 8 && starts < 3;
    few || caps * 100 >= words || capital_starts * 2 > starts
}

/// Keeps mentions apart: of two that overlap (a widened garble over a name found inside it,
/// "repower eu" over "eu"), the longer stays.
fn drop_overlaps(mentions: &mut Vec<Mention>) {
    mentions.sort_by_key(|m| (m.segment, m.start, std::cmp::Reverse(m.end)));
    let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions.drain(..) {
        match kept.last_mut() {
            Some(last) if last.segment == m.segment && m.start < last.end => {
                if m.end - m.start > last.end - last.start {
                    *last = m;
                }
            }
            _ => kept.push(m),
        }
    }
    *mentions = kept;
}

/// The end of a speaker label starting at word `i` ("DANA:", "Speaker A (Hollis):"): a few
/// capitalised words, first on their line, before a colon.
fn speaker_label(t: &Tokens, i: usize) -> Option<usize> {
    for j in i..(i + 4).min(t.len()) {
        let tok = t.tokens[j];
        if !tok.is(CAP) && !tok.is(DIGIT) {
            return None;
        }
        if tok.is(COLON_AFTER) {
            return Some(j + 1);
        }
    }
    None
}

/// True when word `i + 1` is capitalised and follows word `i` directly.
fn next_joined_cap(t: &Tokens, i: usize) -> bool {
    t.tokens
        .get(i + 1)
        .is_some_and(|n| n.is(JOINED) && n.is(CAP))
}

/// Names each new entity by its best-formed spelling: clusters the spellings of names the
/// gazetteer lacks that sound alike, and names the cluster by its most frequent spelling of
/// the most words.
fn name_new_entities<S: AsRef<str>>(mentions: &mut [Mention], segments: &[S]) {
    let mut keys: Vec<String> = mentions
        .iter()
        .filter_map(|m| match &m.target {
            Target::Unknown(k) => Some(k.clone()),
            Target::Known(_) => None,
        })
        .collect();
    keys.sort();
    keys.dedup();
    if keys.is_empty() {
        return;
    }
    // Union sound-alike keys of the same number of words.
    let skeletons: Vec<String> = keys
        .iter()
        .map(|k| names::skeleton(&names::squash(k)))
        .collect();
    let mut parent: Vec<usize> = (0..keys.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for a in 0..keys.len() {
        for b in a + 1..keys.len() {
            let words_a = keys[a].split(' ').count();
            let words_b = keys[b].split(' ').count();
            if words_a == words_b
                && skeletons[a].len() >= names::MIN_LETTERS
                && names::similarity(&skeletons[a], &skeletons[b]) >= 0.8
            {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[rb] = ra;
            }
        }
    }
    // The spelling each cluster is named by: most mentions, then most words.
    let mut counts: FxHashMap<(usize, String), usize> = FxHashMap::default();
    let index: FxHashMap<&str, usize> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    for m in mentions.iter() {
        if let Target::Unknown(k) = &m.target {
            let cluster = root(&mut parent, index[k.as_str()]);
            let surface = segments[m.segment].as_ref()[m.start..m.end].to_string();
            *counts.entry((cluster, surface)).or_default() += 1;
        }
    }
    let mut best: FxHashMap<usize, (usize, usize, String)> = FxHashMap::default();
    for ((cluster, surface), n) in counts {
        let words = surface.split_whitespace().count();
        let better = best.get(&cluster).is_none_or(|(bw, bn, bs)| {
            (words, n, std::cmp::Reverse(&surface)) > (*bw, *bn, std::cmp::Reverse(bs))
        });
        if better {
            best.insert(cluster, (words, n, surface));
        }
    }
    for m in mentions.iter_mut() {
        if let Target::Unknown(k) = &m.target {
            let cluster = root(&mut parent, index[k.as_str()]);
            m.target = Target::Unknown(best[&cluster].2.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (surface, canonical or "?new name", kind) of every mention of one text.
    fn mentions(text: &str) -> Vec<(String, String, Kind)> {
        let x = Extractor::builtin();
        x.extract(&[text])
            .into_iter()
            .map(|m| {
                let name = match &m.target {
                    Target::Known(e) => x.gazetteer().entries()[*e as usize].canonical.clone(),
                    Target::Unknown(s) => format!("?{s}"),
                };
                (text[m.start..m.end].to_string(), name, m.kind)
            })
            .collect()
    }

    fn linked(text: &str, surface: &str) -> Option<String> {
        mentions(text)
            .into_iter()
            .find(|m| m.0 == surface)
            .map(|m| m.1)
    }

    #[test]
    fn a_garbled_full_name_lends_its_entity_to_its_surname() {
        let text = "Kaya Callas gave an interview. And Callas said the deal won't stick.";
        let found = mentions(text);
        assert_eq!(
            found.iter().filter(|m| m.1 == "Kaja Kallas").count(),
            2,
            "{found:?}"
        );
    }

    #[test]
    fn context_settles_a_tie_between_sound_alikes() {
        // "Vans" sounds as close to a people as to Vance; Vance named here decides it.
        let text = "He is a friend of Vans from law school. And Vance put him in the process.";
        assert_eq!(linked(text, "Vans").as_deref(), Some("JD Vance"));
        // Alone, a capitalised everyday word near several names is left alone.
        assert_eq!(linked("We rented Vans for the trip.", "Vans"), None);
    }

    #[test]
    fn a_first_name_that_is_a_word_starts_a_garbled_full_name() {
        // "Peter" opens the sentence and is a word, but it is Péter Magyar's first name.
        let found = mentions("Speaker 1: Peter Madjar is fascinating.");
        assert!(
            found
                .iter()
                .any(|m| m.0 == "Peter Madjar" && m.1 == "Péter Magyar"),
            "{found:?}"
        );
        // "The" of a person's alias is no first name.
        let found = mentions("The Europeans met. The Kremlin said no.");
        assert!(found.iter().all(|m| m.2 != Kind::Person), "{found:?}");
    }

    #[test]
    fn a_sentence_initial_word_may_widen_a_close_garble() {
        let found = mentions("JOEL: Yens Frederick Nielson, the transcript says.");
        assert!(
            found
                .iter()
                .any(|m| m.0 == "Yens Frederick Nielson" && m.1 == "Jens-Frederik Nielsen"),
            "{found:?}"
        );
    }

    #[test]
    fn contractions_are_not_names() {
        let found = mentions("We'll see. They're here, and You're right about Putin.");
        assert!(found.iter().all(|m| !m.0.contains('\'')), "{found:?}");
        assert!(found.iter().any(|m| m.1 == "Vladimir Putin"));
    }

    #[test]
    fn a_rank_before_a_surname_is_part_of_the_name() {
        let found = mentions("Then General Kellogg flew in, and Secretary Rubio met him.");
        assert!(found
            .iter()
            .any(|m| m.0 == "General Kellogg" && m.1 == "Keith Kellogg"));
        // An office is not a rank: it stays outside.
        assert!(found.iter().any(|m| m.0 == "Rubio"), "{found:?}");
        // Before a full name the title describes and stays outside.
        let found = mentions("the chairman, General Dan Caine, spoke");
        assert!(found.iter().any(|m| m.0 == "Dan Caine"), "{found:?}");
        // After a title, a capitalised word that is usually not a name starts one.
        let found = mentions("my co-host, Professor June Achebe, is here");
        assert!(found.iter().any(|m| m.0 == "June Achebe"), "{found:?}");
    }
}
