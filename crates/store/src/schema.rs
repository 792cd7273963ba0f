//! The SQLite schema, versioned in `meta`.

/// The schema version this build writes.
pub const VERSION: i64 = 3;

/// Creates every table (idempotent).
pub const CREATE: &str = r#"
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS shows (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    key TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS episodes (
    id INTEGER PRIMARY KEY,
    show_id INTEGER NOT NULL REFERENCES shows(id),
    title TEXT,
    title_key TEXT NOT NULL,
    published TEXT,
    duration_s INTEGER,
    language TEXT,
    audio_url TEXT,
    words INTEGER NOT NULL,
    fingerprint BLOB,
    primary_source TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS episodes_by_key ON episodes(show_id, title_key, published);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    hash TEXT NOT NULL,
    size INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS sources (
    path TEXT PRIMARY KEY,
    episode_id INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    format TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    warnings TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sources_by_episode ON sources(episode_id);
CREATE TABLE IF NOT EXISTS segments (
    episode_id INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    start_ms INTEGER,
    end_ms INTEGER,
    speaker TEXT,
    timing TEXT NOT NULL,
    boilerplate INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (episode_id, ord)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sentences (
    episode_id INTEGER PRIMARY KEY REFERENCES episodes(id) ON DELETE CASCADE,
    -- 24 bytes a sentence: segment, start, end (u32), start_ms (u64, max = none), 4 spare.
    data BLOB NOT NULL
);
-- Entities: gazetteer entries ("g:" keys) and names the gazetteer lacks ("n:" keys), made
-- on first mention. A merged entity points at the one it went into; keys keep resolving.
CREATE TABLE IF NOT EXISTS entities (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    wikidata TEXT,
    merged_into INTEGER REFERENCES entities(id),
    curated INTEGER NOT NULL DEFAULT 0
);
-- Surfaces a user tied to an entity (curation): they win over what extraction links.
CREATE TABLE IF NOT EXISTS entity_aliases (
    surface_key TEXT PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    surface TEXT NOT NULL
);
-- An episode's mentions, packed (see crates/store/src/mentions.rs).
CREATE TABLE IF NOT EXISTS mentions (
    episode_id INTEGER PRIMARY KEY REFERENCES episodes(id) ON DELETE CASCADE,
    data BLOB NOT NULL
);
-- How often each episode mentions each entity: what lists, counts and finds an entity's
-- episodes, so that mentions need no index of their own (ingest appends them in order).
CREATE TABLE IF NOT EXISTS episode_entities (
    episode_id INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    mentions INTEGER NOT NULL,
    -- Each spelling of those mentions and how often, as a JSON object: what an entity's page
    -- counts without reading every episode's mentions. NULL in archives from before it.
    surfaces TEXT,
    PRIMARY KEY (episode_id, entity_id)
) WITHOUT ROWID;
-- By entity, with the count: an entity's episodes, and every entity's total read from the
-- index alone. (It replaced an index without the count.)
CREATE INDEX IF NOT EXISTS episode_entities_by_entity_counted
    ON episode_entities(entity_id, episode_id, mentions);
DROP INDEX IF EXISTS episode_entities_by_entity;
-- Every normalised spelling an entity has been mentioned by: finds an entity by a garble.
CREATE TABLE IF NOT EXISTS entity_surfaces (
    surface_key TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    PRIMARY KEY (surface_key, entity_id)
) WITHOUT ROWID;
-- What users changed by hand, in order.
CREATE TABLE IF NOT EXISTS curations (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    op TEXT NOT NULL,
    args TEXT NOT NULL
);
-- Forecasts found in each episode; `key` (show, date, sentence) is stable across re-ingest.
CREATE TABLE IF NOT EXISTS predictions (
    id INTEGER PRIMARY KEY,
    episode_id INTEGER NOT NULL REFERENCES episodes(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    segment INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    start_ms INTEGER,
    speaker TEXT,
    text TEXT NOT NULL,
    claim TEXT NOT NULL,
    condition TEXT,
    horizon TEXT,
    due TEXT,
    confidence TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS predictions_by_episode ON predictions(episode_id, key);
CREATE INDEX IF NOT EXISTS predictions_by_key ON predictions(key);
CREATE INDEX IF NOT EXISTS predictions_by_due ON predictions(due);
CREATE TABLE IF NOT EXISTS prediction_entities (
    prediction_id INTEGER NOT NULL REFERENCES predictions(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    PRIMARY KEY (prediction_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS prediction_entities_by_entity ON prediction_entities(entity_id);
-- Outcomes users record, by forecast key: no foreign key, so that they outlive the rows of a
-- re-ingested or removed episode and apply again when the forecast comes back.
CREATE TABLE IF NOT EXISTS outcomes (
    key TEXT PRIMARY KEY,
    outcome TEXT NOT NULL,
    note TEXT,
    evidence TEXT,
    resolved_at TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    episode_id INTEGER NOT NULL
);
"#;

/// Columns added to a table after archives with it were written, as (table, column,
/// declaration). Each is added when missing; no schema version marks them, since a build that
/// does not know one leaves it NULL, which readers accept.
const ADDED_COLUMNS: &[(&str, &str, &str)] = &[("episode_entities", "surfaces", "TEXT")];

/// Adds the [`ADDED_COLUMNS`] an older archive lacks.
pub(crate) fn add_missing_columns(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    for (table, column, declaration) in ADDED_COLUMNS {
        let present: bool = conn.query_row(
            "SELECT COUNT(*) > 0 FROM pragma_table_info(?1) WHERE name = ?2",
            [table, column],
            |r| r.get(0),
        )?;
        if !present {
            conn.execute_batch(&format!(
                "ALTER TABLE {table} ADD COLUMN {column} {declaration}"
            ))?;
        }
    }
    Ok(())
}
