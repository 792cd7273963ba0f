//! The index's fields: one document per passage.

use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, FAST,
    INDEXED, STORED,
};

use crate::tokenize;

/// The fields of a passage document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    /// Catalog id of the episode: indexed (delete, filter), fast (distinct ids), stored.
    pub episode: Field,
    /// Position of the passage in its episode.
    pub passage: Field,
    /// The segment the passage begins in.
    pub segment: Field,
    pub start_ms: Field,
    pub end_ms: Field,
    /// Indexed lower-cased whole (filter); the original stored.
    pub speaker: Field,
    /// Fast (ranking down), stored.
    pub boilerplate: Field,
    /// Indexed lower-cased whole (filter); the original stored.
    pub show: Field,
    pub title: Field,
    pub source: Field,
    /// Days from the Common Era (`NaiveDate::num_days_from_ce`): fast for range filters.
    pub published: Field,
    /// The passage's words, with positions; stored.
    pub text: Field,
    /// Each pair of adjacent words, with positions, for fast phrases; not stored.
    pub pairs: Field,
    /// The Double Metaphone codes of the words; not stored.
    pub phonetic: Field,
    /// The catalog ids of the entities the passage mentions: indexed (filter), not stored.
    pub entity: Field,
}

impl Fields {
    /// The schema and its fields.
    pub fn build() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let stored_u64 = NumericOptions::default().set_stored();
        let key = TextOptions::default().set_stored().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenize::KEY)
                .set_index_option(IndexRecordOption::Basic)
                .set_fieldnorms(false),
        );
        let text = TextOptions::default().set_stored().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenize::TEXT)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let pairs = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenize::PAIRS)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let phonetic = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenize::PHONETIC)
                .set_index_option(IndexRecordOption::WithFreqs),
        );
        let fields = Fields {
            episode: b.add_i64_field("episode", INDEXED | FAST | STORED),
            passage: b.add_u64_field("passage", stored_u64.clone()),
            segment: b.add_u64_field("segment", stored_u64.clone()),
            start_ms: b.add_u64_field("start_ms", stored_u64.clone()),
            end_ms: b.add_u64_field("end_ms", stored_u64),
            speaker: b.add_text_field("speaker", key.clone()),
            boilerplate: b.add_bool_field("boilerplate", FAST | STORED),
            show: b.add_text_field("show", key),
            title: b.add_text_field("title", STORED),
            source: b.add_text_field("source", STORED),
            published: b.add_i64_field("published", INDEXED | FAST | STORED),
            text: b.add_text_field("text", text),
            pairs: b.add_text_field("pairs", pairs),
            phonetic: b.add_text_field("phonetic", phonetic),
            entity: b.add_i64_field("entity", INDEXED),
        };
        (b.build(), fields)
    }
}
