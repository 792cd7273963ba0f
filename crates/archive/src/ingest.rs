//! `earshot ingest`: files are read and parsed in parallel; one writer puts each transcript in
//! the catalog (one transaction per transcript) and then in the index, committing the index
//! in batches with the catalog's change number, so that recovery knows where it stopped.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use earshot_extract::Extractor;
use earshot_import::{collect_paths, import_bytes, read_limited, ImportError, Options};
use earshot_index::{EpisodeMeta, IndexWriter};
use earshot_model::{NaiveDate, Passage, Timing, Transcript};
use earshot_store::{
    EpisodeWrite, FileRecord, MentionWrite, PredictionWrite, SourceRecord, Target, WriteOutcome,
};
use rayon::prelude::*;

use crate::dedup::{DedupIndex, Signature};
use crate::entities::{self, NewNames};
use crate::{Archive, Result};

/// How to ingest.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// A layout id instead of detection.
    pub format: Option<String>,
    /// A show name for every transcript, overriding what the files say.
    pub show: Option<String>,
    /// A gazetteer file extending the built-in one and the archive's own for this ingest.
    pub gazetteer: Option<PathBuf>,
}

/// What an ingest did.
#[derive(Debug, Clone, Default)]
pub struct IngestReport {
    pub files: u64,
    pub bytes: u64,
    pub added: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub merged: u64,
    pub rejected: Vec<ImportError>,
    pub elapsed: Duration,
}

/// Progress, for a progress bar.
#[derive(Debug, Clone, Copy)]
pub enum IngestEvent {
    /// The number of files and their total size are known.
    Start { files: u64, bytes: u64 },
    /// A file is done.
    File { bytes: u64 },
}

/// One file, read and parsed off the writer's thread.
struct Parsed {
    path: PathBuf,
    hash: String,
    size: u64,
    outcome: std::result::Result<Option<Vec<Prepared>>, ImportError>,
}

/// A transcript made ready for writing on a parsing thread, so that the one writer only
/// writes.
struct Prepared {
    t: Transcript,
    content_hash: String,
    signature: Option<Signature>,
    sentences: Vec<(u32, u32, u32, Option<u64>)>,
    passages: Vec<Passage>,
    mentions: Vec<MentionWrite>,
    predictions: Vec<PredictionWrite>,
}

impl Prepared {
    fn new(mut t: Transcript, show: Option<&str>, extractor: &Extractor) -> Self {
        if let Some(show) = show {
            t.show = Some(show.to_owned());
        }
        Prepared {
            mentions: entities::mention_writes(extractor, &t),
            predictions: crate::forecasts::prediction_writes(&t, t.published),
            content_hash: content_hash(&mut t),
            signature: Signature::of(t.segments.iter().map(|s| s.text.as_str())),
            sentences: sentences(&t),
            passages: earshot_text::passages::passages(&t.segments),
            t,
        }
    }
}

/// The index is committed after this many writes, so that a crash loses little index work.
const COMMIT_EVERY: usize = 2_000;
const UNKNOWN_SHOW: &str = "(unknown show)";

impl Archive {
    /// Ingests files, directories and feeds. Bad files are rejected with their reasons and do
    /// not stop the rest.
    pub fn ingest(
        &mut self,
        paths: &[PathBuf],
        opts: &IngestOptions,
        progress: &mut dyn FnMut(IngestEvent),
    ) -> Result<IngestReport> {
        self.require_write()?;
        let started = Instant::now();
        let (files, walk_errors) = collect_paths(paths);
        let mut report = IngestReport {
            rejected: walk_errors,
            files: files.len() as u64,
            ..IngestReport::default()
        };
        let sizes: Vec<u64> = files
            .iter()
            .map(|f| f.metadata().map(|m| m.len()).unwrap_or(0))
            .collect();
        report.bytes = sizes.iter().sum();
        progress(IngestEvent::Start {
            files: report.files,
            bytes: report.bytes,
        });

        let known: HashMap<String, String> = files
            .iter()
            .filter_map(|f| {
                let p = f.display().to_string();
                self.catalog.file(&p).ok().flatten().map(|r| (p, r.hash))
            })
            .collect();
        let mut fingerprints = DedupIndex::default();
        for (id, bytes) in self.catalog.fingerprints()? {
            if let Some(sig) = Signature::from_bytes(&bytes) {
                fingerprints.insert(id, sig);
            }
        }
        let extractor = entities::extractor(
            &self.dir,
            opts.gazetteer.as_deref(),
            &self.catalog.curated_aliases()?,
        )?;
        let mut names = NewNames::load(self)?;
        let mut writer = self.index.writer()?;
        let import = Options {
            format: opts.format.clone(),
            ..Options::default()
        };
        let (tx, rx) = mpsc::sync_channel::<Parsed>(64);
        let mut pending = 0usize;
        let result: Result<()> = std::thread::scope(|scope| {
            scope.spawn(|| {
                files.par_iter().for_each_with(tx, |tx, path| {
                    let _ = tx.send(read_and_parse(
                        path,
                        &known,
                        &import,
                        opts.show.as_deref(),
                        &extractor,
                    ));
                });
            });
            for parsed in rx {
                progress(IngestEvent::File { bytes: parsed.size });
                let transcripts = match parsed.outcome {
                    Err(e) => {
                        report.rejected.push(e);
                        continue;
                    }
                    Ok(None) => {
                        report.unchanged += 1;
                        continue;
                    }
                    Ok(Some(t)) => t,
                };
                for prepared in transcripts {
                    match self.put(&mut writer, &mut fingerprints, &mut names, prepared)? {
                        WriteOutcome::Added => report.added += 1,
                        WriteOutcome::Updated => report.updated += 1,
                        WriteOutcome::Merged => report.merged += 1,
                        WriteOutcome::Unchanged => report.unchanged += 1,
                    }
                    pending += 1;
                }
                self.catalog.put_file(&FileRecord {
                    path: parsed.path.display().to_string(),
                    hash: parsed.hash,
                    size: parsed.size,
                })?;
                if pending >= COMMIT_EVERY {
                    self.commit(&mut writer)?;
                    pending = 0;
                }
            }
            Ok(())
        });
        result?;
        self.commit(&mut writer)?;
        report.elapsed = started.elapsed();
        Ok(report)
    }

    /// Commits the index at the catalog's newest change and forgets the changes it now holds.
    pub(crate) fn commit(&mut self, writer: &mut IndexWriter) -> Result<()> {
        let seq = self.catalog.last_change()?;
        writer.commit(seq)?;
        self.catalog.prune_changes(seq)?;
        Ok(())
    }

    /// Writes one transcript to the catalog, then to the index.
    fn put(
        &mut self,
        writer: &mut IndexWriter,
        fingerprints: &mut DedupIndex,
        names: &mut NewNames,
        prepared: Prepared,
    ) -> Result<WriteOutcome> {
        let Prepared {
            t,
            content_hash,
            signature,
            sentences,
            passages,
            mut mentions,
            predictions,
        } = prepared;
        names.cluster(&mut mentions);
        let t = &t;
        let show = t.show.clone().unwrap_or_else(|| UNKNOWN_SHOW.to_owned());
        let title = t.title.clone().or_else(|| title_from_source(&t.source));
        let published = t.published.map(|d| d.to_string());
        let words = t.word_count() as u64;
        let target = match self.catalog.source(&t.source)? {
            Some(known) if known.content_hash == content_hash => {
                return Ok(WriteOutcome::Unchanged)
            }
            Some(known) => {
                let primary = self
                    .catalog
                    .episode(known.episode)?
                    .is_some_and(|e| e.primary_source == t.source);
                Target::Existing {
                    episode: known.episode,
                    replace: primary,
                }
            }
            None => {
                // Same show, title and date: only when the transcript itself states all three
                // (a title alone, or one made from a file name, names many episodes).
                let by_key = match (&t.show, &t.title, &published) {
                    (Some(show), Some(title), Some(date)) => {
                        self.catalog.find_episode(show, title, Some(date))?
                    }
                    _ => None,
                };
                let by_text = || signature.as_ref().and_then(|s| fingerprints.find(s));
                match by_key.or_else(by_text) {
                    Some(episode) => Target::Existing {
                        episode,
                        replace: self.is_better(episode, t)?,
                    },
                    None => Target::New,
                }
            }
        };
        let write = EpisodeWrite {
            target,
            source: SourceRecord {
                path: t.source.clone(),
                episode: 0,
                format: t.format.clone(),
                content_hash,
                warnings: serde_json::to_value(&t.warnings).unwrap_or_default(),
            },
            show: show.clone(),
            title: title.clone(),
            published,
            duration_s: t.duration_s,
            language: t.language.clone(),
            audio_url: t.audio_url.clone(),
            sentences,
            segments: t.segments.clone(),
            fingerprint: signature.as_ref().map(Signature::to_bytes),
            words,
            mentions,
            predictions,
        };
        let (id, outcome) = self.catalog.write(&write)?;
        let rewrote = matches!(target, Target::New | Target::Existing { replace: true, .. });
        if rewrote && outcome != WriteOutcome::Unchanged {
            match signature {
                Some(sig) => fingerprints.insert(id, sig),
                None => fingerprints.remove(id),
            }
            // A new episode is what was just written; a replaced one keeps the title and date
            // the catalog already had where this source gives none.
            let (title, published) = match target {
                Target::New => (title, t.published),
                Target::Existing { .. } => {
                    let record = self.catalog.episode(id)?;
                    let r = record.as_ref();
                    (
                        r.and_then(|r| r.title.clone()),
                        r.and_then(|r| r.published.as_deref()).and_then(parse_date),
                    )
                }
            };
            let meta = EpisodeMeta {
                id,
                show,
                title: title.unwrap_or_default(),
                published,
                source: t.source.clone(),
            };
            let tagged = entities::passage_entities(&passages, &self.catalog.episode_mentions(id)?);
            writer.delete_episode(id);
            writer.add_episode(&meta, &passages, &tagged)?;
        }
        Ok(outcome)
    }

    /// A second source replaces an episode's text when its timing is better (exact over
    /// estimated), or as good and longer.
    fn is_better(&self, episode: i64, t: &Transcript) -> Result<bool> {
        let current = self.catalog.segments(episode)?;
        let rank = |exact: bool| u8::from(exact);
        let cur_exact = current.iter().any(|s| s.timing == Timing::Exact);
        let new_exact = t.timing() == Timing::Exact;
        let cur_words: usize = current
            .iter()
            .map(|s| s.text.split_whitespace().count())
            .sum();
        Ok(rank(new_exact) > rank(cur_exact)
            || (new_exact == cur_exact && t.word_count() > cur_words + cur_words / 10))
    }
}

/// Reads, hashes and parses one file; `Ok(None)` when it is unchanged since the last ingest.
fn read_and_parse(
    path: &Path,
    known: &HashMap<String, String>,
    opts: &Options,
    show: Option<&str>,
    extractor: &Extractor,
) -> Parsed {
    let shown = path.display().to_string();
    let bytes = match read_limited(path, opts.max_bytes) {
        Ok(b) => b,
        Err(e) => {
            return Parsed {
                path: path.to_path_buf(),
                hash: String::new(),
                size: 0,
                outcome: Err(e),
            }
        }
    };
    let hash = blake3::hash(&bytes).to_hex().to_string();
    let size = bytes.len() as u64;
    let outcome = if known.get(&shown) == Some(&hash) {
        Ok(None)
    } else {
        import_bytes(&shown, &bytes, path.parent(), opts).map(|ts| {
            Some(
                ts.into_iter()
                    .map(|t| Prepared::new(t, show, extractor))
                    .collect(),
            )
        })
    };
    Parsed {
        path: path.to_path_buf(),
        hash,
        size,
        outcome,
    }
}

/// A hash of everything a transcript says (its source path aside). The path is taken out for
/// the hash and put back, rather than the transcript cloned.
fn content_hash(t: &mut Transcript) -> String {
    let source = std::mem::take(&mut t.source);
    let json = serde_json::to_vec(&*t).unwrap_or_default();
    t.source = source;
    blake3::hash(&json).to_hex().to_string()
}

/// Sentences with their segment, byte range and estimated start.
fn sentences(t: &Transcript) -> Vec<(u32, u32, u32, Option<u64>)> {
    let mut out = Vec::new();
    for (i, seg) in t.segments.iter().enumerate() {
        let len = seg.text.len().max(1) as u64;
        for r in earshot_text::sentences::split(&seg.text) {
            let ms = match (seg.start_ms, seg.end_ms) {
                (Some(s), Some(e)) if e >= s => Some(s + (e - s) * r.start as u64 / len),
                (s, _) => s,
            };
            out.push((i as u32, r.start as u32, r.end as u32, ms));
        }
    }
    out
}

/// A title from a file name when the transcript has none.
fn title_from_source(source: &str) -> Option<String> {
    let file = source.rsplit(['/', '\\']).next()?;
    let stem = file.split_once('#').map_or(file, |(f, _)| f);
    let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    Some(stem.replace(['_', '-'], " ")).filter(|s| !s.trim().is_empty())
}

pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}
