//! What the pruned phrase ([`crate::phrase`]) and the pruned conjunction
//! ([`crate::conjunction`]) share: a weight that searches for the best hits its own way and
//! leaves every other use to tantivy's weight of the same query.

use tantivy::fieldnorm::FieldNormReader;
use tantivy::query::{Explanation, Scorer, Weight};
use tantivy::schema::Field;
use tantivy::{DocId, Score, SegmentReader};

/// A search for the best hits that skips what cannot make them.
pub(crate) trait BestHits: Send + Sync + 'static {
    /// Calls `callback` with every passage scoring over `threshold` (which `callback` raises
    /// as the best hits fill up), as [`Weight::for_each_pruning`] does.
    fn for_each_pruning(
        &self,
        threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()>;
}

/// tantivy's weight, with the search for the best hits done by `best` when scoring is on.
pub(crate) struct PrunedWeight<B> {
    pub inner: Box<dyn Weight>,
    /// `None` when scoring is off: tantivy's search then.
    pub best: Option<B>,
}

impl<B: BestHits> Weight for PrunedWeight<B> {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        self.inner.scorer(reader, boost)
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.inner.explain(reader, doc)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.inner.count(reader)
    }

    fn for_each_pruning(
        &self,
        threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        match &self.best {
            Some(best) => best.for_each_pruning(threshold, reader, callback),
            None => self.inner.for_each_pruning(threshold, reader, callback),
        }
    }
}

/// The lengths of `field`'s values, as tantivy's scorers read them: every passage alike when
/// the field keeps none.
pub(crate) fn fieldnorms(reader: &SegmentReader, field: Field) -> tantivy::Result<FieldNormReader> {
    Ok(match reader.fieldnorms_readers().get_field(field)? {
        Some(norms) => norms,
        None => FieldNormReader::constant(reader.max_doc(), 1),
    })
}
