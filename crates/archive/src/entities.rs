//! Entities in an archive: extraction at ingest (with the archive's own gazetteer file and the
//! surfaces users tied to entities), names the gazetteer lacks clustered across episodes,
//! passages tagged with the entities they mention, browsing, curation, and the search
//! expander that makes a name also match its garbled spellings.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use earshot_extract::gazetteer::normalize;
use earshot_extract::names::{similarity, skeleton, squash};
use earshot_extract::{Extractor, Gazetteer, Kind, Mention, Target};
use earshot_model::{Passage, Segment, Transcript};
use earshot_store::{
    EntityFilter, EntityRecord, EntityRef, EpisodeId, MentionRecord, MentionWrite, PredictionWrite,
};

use crate::{recover, Archive, ArchiveError, Result};

/// The archive's own gazetteer file, read at every ingest when present.
pub const GAZETTEER_FILE: &str = "gazetteer.tsv";

/// Spellings of one new name closer than this (on sound skeletons) are one entity.
const CLUSTER_SIMILARITY: f32 = 0.85;

/// An entity with what `earshot entity` shows of it.
#[derive(Debug, Clone)]
pub struct EntityDetail {
    pub entity: EntityRecord,
    /// Surfaces with counts, most frequent first.
    pub surfaces: Vec<(String, u64)>,
    /// Mentions per month (`YYYY-MM`; `None` for undated episodes).
    pub months: Vec<(Option<String>, u64)>,
    /// Entities mentioned in the same episodes, with the number of episodes shared.
    pub companions: Vec<(EntityRecord, u64)>,
    /// The mentions, newest episode first.
    pub mentions: Vec<MentionRecord>,
    /// The gazetteer's links of the entity: a group's country ("demonym-of"), a person's
    /// offices ("role"), ... Empty for a name the gazetteer lacks.
    pub links: Vec<(String, String)>,
}

/// The built-in gazetteer extended by the archive's own file and an extra one.
fn gazetteer(dir: &Path, extra: Option<&Path>) -> Result<Gazetteer> {
    let mut g = Gazetteer::builtin().clone();
    let own = dir.join(GAZETTEER_FILE);
    for path in [Some(own.as_path()).filter(|p| p.exists()), extra]
        .into_iter()
        .flatten()
    {
        let user = Gazetteer::from_file(path).map_err(|e| ArchiveError::Other(e.to_string()))?;
        g.extend(user);
    }
    Ok(g)
}

/// Builds the extractor an archive uses: the built-in gazetteer, the archive's file, an extra
/// file, and the surfaces users tied to entities.
pub(crate) fn extractor(
    dir: &Path,
    extra: Option<&Path>,
    curated: &[(String, String, String)],
) -> Result<Extractor> {
    let mut g = gazetteer(dir, extra)?;
    // Each curated surface becomes an alias of its entity's entry (a new entry for a name the
    // gazetteer lacks); several surfaces of one entity add up.
    let mut curated_entries: Vec<earshot_extract::Entry> = Vec::new();
    for (surface, kind, name) in curated {
        let at = match curated_entries.iter().position(|e| e.canonical == *name) {
            Some(i) => i,
            None => {
                curated_entries.push(match g.by_canonical(name) {
                    Some(e) => e.clone(),
                    None => earshot_extract::Entry {
                        kind: kind.parse().unwrap_or(Kind::Person),
                        canonical: name.clone(),
                        wikidata: None,
                        aliases: Vec::new(),
                        ambiguous_aliases: Vec::new(),
                        links: Vec::new(),
                    },
                });
                curated_entries.len() - 1
            }
        };
        let entry = &mut curated_entries[at];
        if normalize(surface) != normalize(&entry.canonical) && !entry.aliases.contains(surface) {
            entry.aliases.push(surface.clone());
        }
    }
    if !curated_entries.is_empty() {
        g.extend(Gazetteer::from_entries(curated_entries));
    }
    Ok(Extractor::new(g))
}

/// A transcript's mentions, ready to store: offsets in characters, times from the segment.
pub(crate) fn mention_writes(extractor: &Extractor, t: &Transcript) -> Vec<MentionWrite> {
    let texts: Vec<&str> = t.segments.iter().map(|s| s.text.as_str()).collect();
    let mentions = extractor.extract(&texts);
    mentions
        .iter()
        .map(|m| mention_write(extractor, &t.segments[m.segment], m))
        .collect()
}

fn mention_write(extractor: &Extractor, seg: &Segment, m: &Mention) -> MentionWrite {
    let text = &seg.text;
    let start = text[..m.start].chars().count();
    let end = start + text[m.start..m.end].chars().count();
    let start_ms = crate::forecasts::time_at(seg, start);
    let surface = text[m.start..m.end].to_string();
    MentionWrite {
        segment: m.segment as u32,
        start: start as u32,
        end: end as u32,
        start_ms,
        surface_key: normalize(&surface),
        surface,
        entity: entity_ref(extractor, m),
        confidence: m.confidence.as_str().to_string(),
    }
}

/// The catalog's reference for what a mention is linked to.
pub fn entity_ref(extractor: &Extractor, m: &Mention) -> EntityRef {
    match &m.target {
        Target::Known(e) => {
            let entry = &extractor.gazetteer().entries()[*e as usize];
            EntityRef {
                key: format!("g:{}", entry.canonical),
                name: entry.canonical.clone(),
                kind: entry.kind.as_str().to_string(),
                wikidata: entry.wikidata.clone(),
            }
        }
        Target::Unknown(name) => EntityRef {
            key: format!("n:{}", normalize(name)),
            name: name.clone(),
            kind: m.kind.as_str().to_string(),
            wikidata: None,
        },
    }
}

/// Names the gazetteer lacks, as the archive knows them: a new spelling close to a known one
/// of the same kind and number of words joins it ("Marcus Hale" and "Markus Hale").
#[derive(Debug, Default)]
pub(crate) struct NewNames {
    blocks: HashMap<Block, Vec<Spelling>>,
}

/// Where a new name is looked for: its kind, its number of words, its skeleton's first letter.
type Block = (String, usize, char);

/// A known new name: its key, its name, its sound skeleton.
type Spelling = (String, String, String);

impl NewNames {
    pub(crate) fn load(archive: &Archive) -> Result<NewNames> {
        let mut names = NewNames::default();
        for (key, name, kind) in archive.catalog.new_entity_keys()? {
            names.add(key, name, &kind);
        }
        Ok(names)
    }

    fn block(kind: &str, name: &str) -> (String, usize, String) {
        let skel = skeleton(&squash(name));
        (kind.to_string(), name.split_whitespace().count(), skel)
    }

    fn add(&mut self, key: String, name: String, kind: &str) {
        let (kind, words, skel) = Self::block(kind, &name);
        let first = skel.chars().next().unwrap_or(' ');
        self.blocks
            .entry((kind, words, first))
            .or_default()
            .push((key, name, skel));
    }

    /// Points new-name references at the archive's existing spelling when they sound alike.
    pub(crate) fn cluster(&mut self, mentions: &mut [MentionWrite]) {
        for m in mentions.iter_mut() {
            if !m.entity.key.starts_with("n:") {
                continue;
            }
            let (kind, words, skel) = Self::block(&m.entity.kind, &m.entity.name);
            let first = skel.chars().next().unwrap_or(' ');
            let block = self.blocks.entry((kind, words, first)).or_default();
            if block.iter().any(|(k, _, _)| *k == m.entity.key) {
                continue;
            }
            let near = block
                .iter()
                .map(|(k, n, s)| (similarity(s, &skel), k, n))
                .filter(|(score, _, _)| *score >= CLUSTER_SIMILARITY)
                .max_by(|a, b| a.0.total_cmp(&b.0));
            match near {
                Some((_, key, name)) => {
                    m.entity.key = key.clone();
                    m.entity.name = name.clone();
                }
                None => block.push((m.entity.key.clone(), m.entity.name.clone(), skel)),
            }
        }
    }
}

/// The entities each passage mentions: a mention belongs to the passages that cover its
/// segment and contain its surface (the first covering passage when none does).
pub(crate) fn passage_entities(
    passages: &[Passage],
    mentions: &[(u32, String, i64)],
) -> Vec<Vec<i64>> {
    let mut out = vec![Vec::new(); passages.len()];
    for (segment, surface, entity) in mentions {
        // Passages are in segment order: the covering ones start at the last passage that
        // begins at or before the segment, and run while they begin at or before it.
        let from = passages
            .partition_point(|p| p.segment <= *segment)
            .saturating_sub(1);
        let mut placed = false;
        for (i, p) in passages.iter().enumerate().skip(from) {
            if p.segment > *segment {
                break;
            }
            if p.text.contains(surface.as_str()) {
                if !out[i].contains(entity) {
                    out[i].push(*entity);
                }
                placed = true;
            }
        }
        if !placed && from < out.len() && !out[from].contains(entity) {
            out[from].push(*entity);
        }
    }
    out
}

/// Makes a query word (or phrase) that names a known entity also match every surface the
/// archive has linked to it.
pub struct EntityExpander {
    variants: HashMap<String, Vec<String>>,
}

impl EntityExpander {
    /// Built from the archive's mentions.
    pub fn load(archive: &Archive) -> Result<EntityExpander> {
        let mut by_entity: HashMap<i64, Vec<String>> = HashMap::new();
        for (id, name, surface) in archive.catalog.entity_surface_pairs()? {
            let forms = by_entity.entry(id).or_default();
            for form in [normalize(&surface), normalize(&name)] {
                // "steve witkoff" is also asked for as "witkoff".
                let last = form
                    .rsplit(' ')
                    .next()
                    .filter(|w| w.len() >= 4 && *w != form);
                for f in std::iter::once(form.as_str()).chain(last) {
                    if !f.is_empty() && !forms.iter().any(|x| x == f) {
                        forms.push(f.to_string());
                    }
                }
            }
        }
        let mut variants: HashMap<String, Vec<String>> = HashMap::new();
        for forms in by_entity.values() {
            for form in forms {
                let list = variants.entry(form.clone()).or_default();
                for other in forms {
                    if other != form && !list.contains(other) && list.len() < 40 {
                        list.push(other.clone());
                    }
                }
            }
        }
        Ok(EntityExpander { variants })
    }
}

impl earshot_index::TermExpander for EntityExpander {
    fn variants(&self, term: &str) -> Vec<String> {
        self.variants.get(term).cloned().unwrap_or_default()
    }
}

impl Archive {
    /// Entities with their counts, most mentioned first.
    pub fn entities(&self, filter: &EntityFilter) -> Result<Vec<EntityRecord>> {
        Ok(self.catalog.entity_list(filter)?)
    }

    /// The entities a name designates (by name, else by a surface or alias), most relevant
    /// first.
    pub fn find_entities(&self, name: &str) -> Result<Vec<EntityRecord>> {
        Ok(self.catalog.find_entities(name, &normalize(name))?)
    }

    /// The one entity a name designates, or an error that says why not.
    pub fn entity_named(&self, name: &str) -> Result<EntityRecord> {
        let found = self.find_entities(name)?;
        match found.as_slice() {
            [] => Err(ArchiveError::Other(format!(
                "no entity is called {name:?} (`earshot entities` lists them)"
            ))),
            [one, ..] if one.name.eq_ignore_ascii_case(name) || found.len() == 1 => Ok(one.clone()),
            many => Err(ArchiveError::Other(format!(
                "{name:?} may mean several entities: {}; give the full name",
                many.iter()
                    .take(5)
                    .map(|e| format!("{} ({})", e.name, e.kind))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    /// Everything `earshot entity` shows.
    pub fn entity_detail(&self, name: &str, mentions: usize) -> Result<EntityDetail> {
        let entity = self.entity_named(name)?;
        let links = match entity.key.strip_prefix("g:") {
            Some(canonical) => gazetteer(&self.dir, None)?
                .by_canonical(canonical)
                .map(|e| e.links.clone())
                .unwrap_or_default(),
            None => Vec::new(),
        };
        Ok(EntityDetail {
            links,
            surfaces: self.catalog.entity_surfaces(entity.id)?,
            months: self.catalog.entity_months(entity.id)?,
            companions: self.catalog.entity_companions(entity.id, 10)?,
            mentions: self.catalog.entity_mentions(entity.id, mentions)?,
            entity,
        })
    }

    /// `entity merge A B`: B goes into A.
    pub fn merge_entities(&mut self, into: &str, from: &str) -> Result<EntityRecord> {
        self.require_write()?;
        let a = self.entity_named(into)?;
        let b = self.entity_named(from)?;
        if a.id == b.id {
            return Err(ArchiveError::Other(format!(
                "{into:?} and {from:?} are already one entity"
            )));
        }
        self.catalog.merge_entities(a.id, b.id)?;
        recover::catch_up(self)?;
        self.entity_record(a.id)
    }

    /// `entity split A --surface S --name N`: the mentions spelt S become their own entity.
    pub fn split_entity(
        &mut self,
        name: &str,
        surface: &str,
        new_name: &str,
    ) -> Result<EntityRecord> {
        self.require_write()?;
        let a = self.entity_named(name)?;
        let key = normalize(surface);
        if !self
            .catalog
            .entity_surfaces(a.id)?
            .iter()
            .any(|(s, _)| normalize(s) == key)
        {
            return Err(ArchiveError::Other(format!(
                "{} has no mention spelt {surface:?}",
                a.name
            )));
        }
        let (id, _) = self.catalog.split_entity(a.id, &key, surface, new_name)?;
        recover::catch_up(self)?;
        self.entity_record(id)
    }

    /// `entity rename A NEW`.
    pub fn rename_entity(&mut self, name: &str, new_name: &str) -> Result<EntityRecord> {
        self.require_write()?;
        let a = self.entity_named(name)?;
        self.catalog.rename_entity(a.id, new_name)?;
        self.entity_record(a.id)
    }

    /// `entity kind A KIND`.
    pub fn set_entity_kind(&mut self, name: &str, kind: Kind) -> Result<EntityRecord> {
        self.require_write()?;
        let a = self.entity_named(name)?;
        self.catalog.set_entity_kind(a.id, kind.as_str())?;
        self.entity_record(a.id)
    }

    /// `entity alias add A SURFACE`: SURFACE names A in every episode, now and at every later
    /// ingest. Episodes whose text has the surface are extracted again so that mentions the
    /// recogniser had not found are added.
    pub fn add_entity_alias(&mut self, name: &str, surface: &str) -> Result<EntityRecord> {
        self.require_write()?;
        let a = self.entity_or_gazetteer(name)?;
        self.catalog
            .add_entity_alias(a.id, &normalize(surface), surface)?;
        let extractor = extractor(&self.dir, None, &self.catalog.curated_aliases()?)?;
        let episodes = self.catalog.episodes_containing(surface)?;
        self.reextract_episodes(&extractor, &episodes, &mut |_, _| {})?;
        recover::catch_up(self)?;
        self.entity_record(a.id)
    }

    /// Extracts the entities of every episode again (after a gazetteer change) and brings the
    /// index up to date; returns the number of episodes.
    pub fn reextract(
        &mut self,
        gazetteer: Option<&Path>,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<u64> {
        let n = self.reextract_all(gazetteer, progress)?;
        recover::catch_up(self)?;
        Ok(n)
    }

    /// Extracts the entities of every episode again, then rebuilds the whole index from the
    /// catalog (`earshot reindex --entities`): the rebuild puts every episode in the index
    /// once, so extraction leaves the index to it.
    pub fn reindex_with_entities(
        &mut self,
        gazetteer: Option<&Path>,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<u64> {
        self.reextract_all(gazetteer, progress)?;
        self.reindex(progress)
    }

    fn reextract_all(
        &mut self,
        gazetteer: Option<&Path>,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<u64> {
        self.require_write()?;
        let extractor = extractor(&self.dir, gazetteer, &self.catalog.curated_aliases()?)?;
        let ids = self.catalog.episode_ids()?;
        self.reextract_episodes(&extractor, &ids, progress)?;
        Ok(ids.len() as u64)
    }

    /// Extracts the entities of these episodes again: a batch's segments are read, extracted
    /// on every core, and written one episode a transaction; new names are clustered against
    /// the archive's, loaded once.
    fn reextract_episodes(
        &mut self,
        extractor: &Extractor,
        episodes: &[EpisodeId],
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<()> {
        use rayon::prelude::*;
        const BATCH: usize = 64;
        let mut names = NewNames::load(self)?;
        let total = episodes.len() as u64;
        let mut done = 0u64;
        for batch in episodes.chunks(BATCH) {
            let mut transcripts = Vec::with_capacity(batch.len());
            for &episode in batch {
                let segments = self.catalog.segments(episode)?;
                let published = self
                    .catalog
                    .episode(episode)?
                    .and_then(|e| e.published)
                    .and_then(|d| d.parse::<chrono::NaiveDate>().ok());
                let t = Transcript {
                    segments,
                    ..Transcript::new("catalog")
                };
                transcripts.push((t, published));
            }
            let extracted: Vec<(Vec<MentionWrite>, Vec<PredictionWrite>)> = transcripts
                .par_iter()
                .map(|(t, published)| {
                    (
                        mention_writes(extractor, t),
                        crate::forecasts::prediction_writes(t, *published),
                    )
                })
                .collect();
            for (&episode, (mut mentions, predictions)) in batch.iter().zip(extracted) {
                names.cluster(&mut mentions);
                self.catalog
                    .replace_extraction(episode, &mentions, &predictions)?;
                done += 1;
                progress(done, total);
            }
        }
        Ok(())
    }

    /// The entity a name designates in the archive, or else the gazetteer's entry by that
    /// name (made an entity of the archive, with no mention yet).
    fn entity_or_gazetteer(&mut self, name: &str) -> Result<EntityRecord> {
        match self.entity_named(name) {
            Ok(e) => Ok(e),
            Err(not_here) => {
                let extractor = extractor(&self.dir, None, &[])?;
                let g = extractor.gazetteer();
                let Some(entry) = g.by_alias(name).into_iter().next() else {
                    return Err(not_here);
                };
                let id = self.catalog.ensure_entity(&EntityRef {
                    key: format!("g:{}", entry.canonical),
                    name: entry.canonical.clone(),
                    kind: entry.kind.as_str().to_string(),
                    wikidata: entry.wikidata.clone(),
                })?;
                self.entity_record(id)
            }
        }
    }

    fn entity_record(&self, id: i64) -> Result<EntityRecord> {
        self.catalog
            .entity(id)?
            .ok_or_else(|| ArchiveError::Other(format!("entity {id} vanished")))
    }

    /// The path of the archive's own gazetteer file.
    pub fn gazetteer_path(&self) -> PathBuf {
        self.dir.join(GAZETTEER_FILE)
    }
}
