//! Writing the index: an episode's passages in, an episode out, commits with the caller's
//! payload (the catalog's version the index now reflects).

use chrono::Datelike;
use earshot_model::Passage;
use tantivy::indexer::UserOperation;
use tantivy::{IndexReader, TantivyDocument, Term};

use crate::error::Result;
use crate::schema::Fields;
use crate::EpisodeMeta;

/// Indexing threads.
pub const THREADS: usize = 2;
/// Memory the indexing threads may fill, together, before they write a segment out.
pub const HEAP_BYTES: usize = 256 << 20;

/// Adds and removes episodes. Changes become visible to searches, all at once, at
/// [`IndexWriter::commit`]; dropped without a commit, they are lost. Only one writer may be
/// open on an index at a time.
pub struct IndexWriter {
    inner: tantivy::IndexWriter<TantivyDocument>,
    reader: IndexReader,
    fields: Fields,
}

impl IndexWriter {
    pub(crate) fn new(
        inner: tantivy::IndexWriter<TantivyDocument>,
        reader: IndexReader,
        fields: Fields,
    ) -> Self {
        IndexWriter {
            inner,
            reader,
            fields,
        }
    }

    /// Indexes an episode's passages, replacing whatever the index held for that episode.
    /// `entities[i]` lists the entity ids passage `i` mentions (missing: none).
    pub fn add_episode(
        &mut self,
        meta: &EpisodeMeta,
        passages: &[Passage],
        entities: &[Vec<i64>],
    ) -> Result<()> {
        self.delete_episode(meta.id);
        let f = &self.fields;
        let published = meta.published.map(|d| i64::from(d.num_days_from_ce()));
        let mut batch = Vec::with_capacity(passages.len());
        for (i, p) in passages.iter().enumerate() {
            let mut doc = TantivyDocument::default();
            for &id in entities.get(i).map(Vec::as_slice).unwrap_or_default() {
                doc.add_i64(f.entity, id);
            }
            doc.add_i64(f.episode, meta.id);
            doc.add_u64(f.passage, u64::from(p.ord));
            doc.add_u64(f.segment, u64::from(p.segment));
            doc.add_u64(f.start_ms, p.start_ms);
            doc.add_u64(f.end_ms, p.end_ms);
            if let Some(speaker) = p.speaker.as_deref().map(str::trim) {
                if !speaker.is_empty() {
                    doc.add_text(f.speaker, speaker);
                }
            }
            doc.add_bool(f.boilerplate, p.boilerplate);
            doc.add_text(f.show, meta.show.trim());
            doc.add_text(f.title, &meta.title);
            doc.add_text(f.source, &meta.source);
            if let Some(days) = published {
                doc.add_i64(f.published, days);
            }
            doc.add_text(f.text, &p.text);
            doc.add_text(f.pairs, &p.text);
            doc.add_text(f.phonetic, &p.text);
            batch.push(UserOperation::Add(doc));
        }
        // As one batch, so one indexing thread takes them all: an episode's passages stay
        // together and in order in one segment, whatever the number of threads.
        self.inner.run(batch)?;
        Ok(())
    }

    /// Removes an episode's passages (at the next commit).
    pub fn delete_episode(&mut self, id: i64) {
        self.inner
            .delete_term(Term::from_field_i64(self.fields.episode, id));
    }

    /// Removes every passage (at the next commit): the start of a rebuild.
    pub fn delete_all(&mut self) -> Result<()> {
        self.inner.delete_all_documents()?;
        Ok(())
    }

    /// Makes every change since the last commit visible, atomically, and records `payload` with
    /// them (see [`crate::SearchIndex::committed_payload`]). Searches through the
    /// [`crate::SearchIndex`] this writer came from see the changes when this returns.
    pub fn commit(&mut self, payload: u64) -> Result<()> {
        let mut prepared = self.inner.prepare_commit()?;
        prepared.set_payload(&payload.to_string());
        prepared.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    /// Closes the writer after waiting for background segment merges to finish (dropping it
    /// instead is safe too; merges in flight are then abandoned).
    pub fn finish(self) -> Result<()> {
        self.inner.wait_merging_threads()?;
        self.reader.reload()?;
        Ok(())
    }
}
