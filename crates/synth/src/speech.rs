//! Filling templates into spoken sentences: entities chosen with an episode's focus, names
//! garbled as a speech recogniser would, fillers added.

use std::sync::OnceLock;

use crate::cast::{first_name, Show, PLATFORMS, SPONSORS};
use crate::entities::{of_kind, Entity, Kind};
use crate::rng::Rng;
use crate::vocab;

/// The share of mentions of a name with known misspellings that come out misspelled.
pub const GARBLE_RATE: f64 = 0.25;

/// The share of content sentences that open with a filler ("you know", "I mean").
const FILLER_RATE: f64 = 0.12;

/// The share of entity choices taken from the episode's focus rather than from everything.
const FOCUS_RATE: f64 = 0.7;

/// Who is speaking, and to whom, for the show's own slots.
#[derive(Debug, Clone, Copy)]
pub struct Voice<'a> {
    /// The show being recorded.
    pub show: &'a Show,
    /// The speaker's full name.
    pub me: &'a str,
    /// The full name of the host being addressed.
    pub host: &'a str,
}

/// Fills templates for one episode: holds the episode's focus entities and counts mentions.
pub struct Speaker {
    /// The entities this episode keeps coming back to, by kind.
    focus: Vec<(Kind, Vec<&'static Entity>)>,
    sponsor: (&'static str, &'static str),
    platform: &'static str,
    /// Mentions of names that have misspellings, and how many were misspelled.
    pub garbleable: usize,
    /// See `garbleable`.
    pub garbled: usize,
}

const KINDS: [Kind; 6] = [
    Kind::Person,
    Kind::Org,
    Kind::Place,
    Kind::Sea,
    Kind::Country,
    Kind::Group,
];

fn all_of(kind: Kind) -> &'static [&'static Entity] {
    static BY_KIND: OnceLock<Vec<Vec<&'static Entity>>> = OnceLock::new();
    let lists = BY_KIND.get_or_init(|| KINDS.iter().map(|&k| of_kind(k)).collect());
    &lists[KINDS.iter().position(|&k| k == kind).expect("kind")]
}

impl Speaker {
    /// A speaker for one episode, choosing its focus with `rng`.
    pub fn new(rng: &mut Rng) -> Self {
        let focus = KINDS
            .iter()
            .map(|&kind| {
                let all = all_of(kind);
                let n = match kind {
                    Kind::Person => 6,
                    Kind::Place => 5,
                    Kind::Sea => 1,
                    _ => 3,
                };
                let picked = (0..n).map(|_| *rng.pick(all)).collect();
                (kind, picked)
            })
            .collect();
        Speaker {
            focus,
            sponsor: *rng.pick(SPONSORS),
            platform: rng.pick_str(PLATFORMS),
            garbleable: 0,
            garbled: 0,
        }
    }

    fn entity(&self, rng: &mut Rng, kind: Kind, not: Option<&str>) -> &'static Entity {
        for _ in 0..8 {
            let e = if rng.chance(FOCUS_RATE) {
                let list = &self.focus.iter().find(|(k, _)| *k == kind).expect("kind").1;
                *rng.pick(list)
            } else {
                *rng.pick(all_of(kind))
            };
            if Some(e.full) != not {
                return e;
            }
        }
        // Fall back to the first entity of the kind that differs.
        all_of(kind)
            .iter()
            .copied()
            .find(|e| Some(e.full) != not)
            .expect("two entities of each kind")
    }

    /// How a speaker says an entity's name this time: full or short, maybe misheard.
    fn mention(&mut self, rng: &mut Rng, e: &Entity, out: &mut String) {
        let full = e.kind == Kind::Person && rng.chance(0.3);
        let garble = !e.garbled.is_empty() && {
            self.garbleable += 1;
            rng.chance(GARBLE_RATE)
        };
        let said = if garble {
            self.garbled += 1;
            rng.pick_str(e.garbled)
        } else {
            e.short
        };
        if full && e.full != e.short {
            out.push_str(&e.full.replacen(e.short, said, 1));
        } else {
            out.push_str(said);
        }
    }

    /// Fills one template into a sentence, capitalised.
    pub fn fill(&mut self, rng: &mut Rng, template: &str, voice: &Voice) -> String {
        let mut out = self.fill_raw(rng, template, voice);
        capitalise(&mut out);
        out
    }

    /// Fills a content template, sometimes after a filler word ("You know, the Kremlin ...").
    pub fn fill_spoken(&mut self, rng: &mut Rng, template: &str, voice: &Voice) -> String {
        let mut sentence = self.fill_raw(rng, template, voice);
        if rng.chance(FILLER_RATE) {
            // "The talks ..." becomes "You know, the talks ...", but names and "I" keep
            // their capital.
            let first = template.split([' ', ',', '\'']).next().unwrap_or("");
            if !template.starts_with('{') && first != "I" {
                lower_first(&mut sentence);
            }
            sentence.insert_str(0, rng.pick_str(vocab::FILLERS));
        }
        capitalise(&mut sentence);
        sentence
    }

    /// Fills the slots, leaving the first letter as the template or the entity has it.
    fn fill_raw(&mut self, rng: &mut Rng, template: &str, voice: &Voice) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        let mut used: [Option<&str>; 6] = [None; 6];
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("closed slot");
            let key = &rest[open + 1..close];
            rest = &rest[close + 1..];
            let at = out.len();
            self.slot(rng, key, voice, &mut used, &mut out);
            fix_article(&mut out, at);
        }
        out.push_str(rest);
        out
    }

    fn slot(
        &mut self,
        rng: &mut Rng,
        key: &str,
        voice: &Voice,
        used: &mut [Option<&'static str>; 6],
        out: &mut String,
    ) {
        let (kind, second) = match key {
            "person" => (Kind::Person, false),
            "person2" => (Kind::Person, true),
            "org" => (Kind::Org, false),
            "place" => (Kind::Place, false),
            "place2" => (Kind::Place, true),
            "country" => (Kind::Country, false),
            "country2" => (Kind::Country, true),
            "group" => (Kind::Group, false),
            "sea" => (Kind::Sea, false),
            _ => {
                out.push_str(self.word(rng, key, voice));
                return;
            }
        };
        let at = KINDS.iter().position(|&k| k == kind).expect("kind");
        let not = if second { used[at] } else { None };
        let e = self.entity(rng, kind, not);
        used[at] = Some(e.full);
        self.mention(rng, e, out);
    }

    fn word<'v>(&self, rng: &mut Rng, key: &str, voice: &Voice<'v>) -> &'v str {
        match key {
            "topic" => rng.pick_str(vocab::TOPICS),
            "noun" => rng.pick_str(vocab::nouns()),
            "adj" => rng.pick_str(vocab::adjectives()),
            "horizon" => rng.pick_str(vocab::HORIZONS),
            "day" => rng.pick_str(vocab::DAYS),
            "month" => rng.pick_str(vocab::MONTHS),
            "num" => rng.pick_str(vocab::NUMBERS),
            "pct" => PERCENTS[rng.below(PERCENTS.len())],
            "me" => first_name(voice.me),
            "host" => first_name(voice.host),
            "show" => voice.show.name,
            "code" => voice.show.code,
            "sponsor" => self.sponsor.0,
            "sponsor_url" => self.sponsor.1,
            "platform" => self.platform,
            other => panic!("unknown template slot {{{other}}}"),
        }
    }
}

const PERCENTS: &[&str] = &[
    "5", "8", "10", "12", "15", "18", "20", "25", "30", "35", "40", "45", "60",
];

/// Turns "a" before a slot's value starting with a vowel (at byte `at` of `out`) into "an".
fn fix_article(out: &mut String, at: usize) {
    let vowel = out[at..]
        .bytes()
        .next()
        .is_some_and(|b| b"aeiouAEIOU".contains(&b));
    let before = &out[..at];
    if vowel && (before.ends_with(" a ") || before == "a " || before == "A ") {
        out.insert(at - 1, 'n');
    }
}

/// Lower-cases the first letter.
fn lower_first(s: &mut String) {
    if let Some(c) = s.chars().next() {
        let lower: String = c.to_lowercase().collect();
        s.replace_range(..c.len_utf8(), &lower);
    }
}

/// Upper-cases the first letter.
fn capitalise(s: &mut String) {
    if let Some(c) = s.chars().next() {
        if c.is_lowercase() {
            let upper: String = c.to_uppercase().collect();
            s.replace_range(..c.len_utf8(), &upper);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cast::SHOWS;

    #[test]
    fn fills_every_slot_and_capitalises() {
        let mut rng = Rng::new(3);
        let mut sp = Speaker::new(&mut rng);
        let v = Voice {
            show: &SHOWS[0],
            me: "Tom Hale",
            host: "Clara Moss",
        };
        let s = sp.fill(
            &mut rng,
            "{org} met {person} and {person2} in {place}, {host}.",
            &v,
        );
        assert!(!s.contains('{'), "{s}");
        assert!(s.ends_with(", Clara."));
        assert!(s.chars().next().unwrap().is_uppercase());
    }

    #[test]
    fn articles_agree_with_the_word() {
        let mut s = String::from("it is a ");
        s.push_str("emotive");
        fix_article(&mut s, 8);
        assert_eq!(s, "it is an emotive");
        let mut s = String::from("a rash");
        fix_article(&mut s, 2);
        assert_eq!(s, "a rash");
    }

    #[test]
    fn second_slot_of_a_kind_differs() {
        let mut rng = Rng::new(9);
        let mut sp = Speaker::new(&mut rng);
        let v = Voice {
            show: &SHOWS[1],
            me: "Maria Lindqvist",
            host: "Owen Pryce",
        };
        for _ in 0..200 {
            let s = sp.fill(&mut rng, "{country}|{country2}", &v);
            let (a, b) = s.split_once('|').unwrap();
            assert_ne!(a.to_lowercase(), b.to_lowercase());
        }
    }
}
