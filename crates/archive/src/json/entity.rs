//! The JSON shapes of an entity: as listed, and with everything `earshot entity` shows of it.
//! Fields in alphabetical order, as in the parent module.

use earshot_store::{EntityRecord, MentionRecord};
use serde::Serialize;

/// An entity as listed, with its counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Entity {
    /// Episodes that mention it.
    pub episodes: u64,
    /// The day the first episode mentioning it was published (`YYYY-MM-DD`).
    pub first_seen: Option<String>,
    /// The catalog's id of the entity.
    pub id: i64,
    /// `person`, `organization`, `place`, `group`, `work` or `event`.
    pub kind: String,
    /// The day the last episode mentioning it was published (`YYYY-MM-DD`).
    pub last_seen: Option<String>,
    /// Its mentions (in the episodes the listing kept).
    pub mentions: u64,
    /// The name to show.
    pub name: String,
    /// The Wikidata item, when known (`Q7747`).
    pub wikidata: Option<String>,
}

impl From<&EntityRecord> for Entity {
    fn from(e: &EntityRecord) -> Self {
        Entity {
            episodes: e.episodes,
            first_seen: e.first.clone(),
            id: e.id,
            kind: e.kind.clone(),
            last_seen: e.last.clone(),
            mentions: e.mentions,
            name: e.name.clone(),
            wikidata: e.wikidata.clone(),
        }
    }
}

/// An entity with its links, spellings, months, companions and passages.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EntityDetail {
    /// Entities mentioned in the same episodes, most shared first.
    pub companions: Vec<Companion>,
    /// Episodes that mention it.
    pub episodes: u64,
    /// The day the first episode mentioning it was published (`YYYY-MM-DD`).
    pub first_seen: Option<String>,
    /// The catalog's id of the entity.
    pub id: i64,
    /// `person`, `organization`, `place`, `group`, `work` or `event`.
    pub kind: String,
    /// The day the last episode mentioning it was published (`YYYY-MM-DD`).
    pub last_seen: Option<String>,
    /// The gazetteer's links of the entity; empty for a name the gazetteer lacks.
    pub links: Vec<Link>,
    /// Its mentions in the archive.
    pub mentions: u64,
    /// Mentions per month.
    pub months: Vec<Month>,
    /// The name to show.
    pub name: String,
    /// The passages that mention it, newest episode first.
    pub passages: Vec<Passage>,
    /// The spellings the transcripts use for it, most frequent first.
    pub surfaces: Vec<Surface>,
    /// The Wikidata item, when known (`Q7747`).
    pub wikidata: Option<String>,
}

impl From<&crate::EntityDetail> for EntityDetail {
    fn from(d: &crate::EntityDetail) -> Self {
        let e = Entity::from(&d.entity);
        EntityDetail {
            companions: d.companions.iter().map(Companion::from).collect(),
            episodes: e.episodes,
            first_seen: e.first_seen,
            id: e.id,
            kind: e.kind,
            last_seen: e.last_seen,
            links: d
                .links
                .iter()
                .map(|(relation, target)| Link {
                    relation: relation.clone(),
                    target: target.clone(),
                })
                .collect(),
            mentions: e.mentions,
            months: d
                .months
                .iter()
                .map(|(month, mentions)| Month {
                    mentions: *mentions,
                    month: month.clone(),
                })
                .collect(),
            name: e.name,
            passages: d.mentions.iter().map(Passage::from).collect(),
            surfaces: d
                .surfaces
                .iter()
                .map(|(surface, count)| Surface {
                    count: *count,
                    surface: surface.clone(),
                })
                .collect(),
            wikidata: e.wikidata,
        }
    }
}

/// An entity mentioned in the same episodes as another.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Companion {
    /// Episodes that mention it.
    pub episodes: u64,
    /// The day the first episode mentioning it was published (`YYYY-MM-DD`).
    pub first_seen: Option<String>,
    /// The catalog's id of the entity.
    pub id: i64,
    /// `person`, `organization`, `place`, `group`, `work` or `event`.
    pub kind: String,
    /// The day the last episode mentioning it was published (`YYYY-MM-DD`).
    pub last_seen: Option<String>,
    /// Its mentions in the archive.
    pub mentions: u64,
    /// The name to show.
    pub name: String,
    /// Episodes that mention both.
    pub shared_episodes: u64,
    /// The Wikidata item, when known (`Q7747`).
    pub wikidata: Option<String>,
}

impl From<&(EntityRecord, u64)> for Companion {
    fn from((record, shared): &(EntityRecord, u64)) -> Self {
        let e = Entity::from(record);
        Companion {
            episodes: e.episodes,
            first_seen: e.first_seen,
            id: e.id,
            kind: e.kind,
            last_seen: e.last_seen,
            mentions: e.mentions,
            name: e.name,
            shared_episodes: *shared,
            wikidata: e.wikidata,
        }
    }
}

/// A link of the gazetteer: a group's country, a person's office.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Link {
    /// What the target is to the entity (`demonym-of`, `role`, ...).
    pub relation: String,
    /// What it links to, by name.
    pub target: String,
}

/// One spelling of an entity in the transcripts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Surface {
    /// Mentions spelt so.
    pub count: u64,
    /// The text as the transcripts have it.
    pub surface: String,
}

/// The mentions of an entity in one month.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Month {
    /// Mentions that month.
    pub mentions: u64,
    /// `YYYY-MM`; `null` for episodes without a date.
    pub month: Option<String>,
}

/// A mention of an entity, with the segment it is in.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Passage {
    /// How sure extraction is that the mention names the entity: `high`, `medium` or `low`.
    pub confidence: String,
    /// Where the mention ends in `text`, in characters.
    pub end: u32,
    /// The catalog's id of the episode.
    pub episode: i64,
    /// The day the episode was published (`YYYY-MM-DD`), when known.
    pub published: Option<String>,
    /// The segment's position in the episode.
    pub segment: u32,
    /// The episode's show.
    pub show: String,
    /// Where the mention begins in `text`, in characters.
    pub start: u32,
    /// When the mention is said, in milliseconds from the start of the episode, when known.
    pub start_ms: Option<u64>,
    /// The mention as the transcript spells it.
    pub surface: String,
    /// The whole segment's text.
    pub text: String,
    /// The episode's title, when known.
    pub title: Option<String>,
}

impl From<&MentionRecord> for Passage {
    fn from(m: &MentionRecord) -> Self {
        Passage {
            confidence: m.confidence.clone(),
            end: m.end,
            episode: m.episode,
            published: m.published.clone(),
            segment: m.segment,
            show: m.show.clone(),
            start: m.start,
            start_ms: m.start_ms,
            surface: m.surface.clone(),
            text: m.text.clone(),
            title: m.title.clone(),
        }
    }
}
