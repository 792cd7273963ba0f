//! What the JSON API takes and answers besides the archive's records (those are
//! `earshot_archive::json`'s). Answers list their fields in alphabetical order, the order
//! their keys had as serde_json maps; each derives its schema for the OpenAPI document.

use earshot_archive::json::{Entity, Hit, Prediction};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The answer to a search.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchAnswer {
    /// The passages found, best first.
    pub hits: Vec<Hit>,
    /// The query as given.
    pub query: String,
}

/// Entities, most mentioned first.
#[derive(Debug, Serialize, ToSchema)]
pub struct EntityList {
    /// The entities.
    pub entities: Vec<Entity>,
}

/// Forecasts of the ledger, soonest due first.
#[derive(Debug, Serialize, ToSchema)]
pub struct PredictionList {
    /// The forecasts.
    pub predictions: Vec<Prediction>,
}

/// What ingesting an uploaded transcript did: episodes counted by what became of them.
#[derive(Debug, Serialize, ToSchema)]
pub struct Ingested {
    /// New episodes.
    pub added: u64,
    /// Episodes the transcript was a further source of.
    pub merged: u64,
    /// The name the file was kept under (the given one, made safe).
    pub name: String,
    /// Episodes already in the archive as they are.
    pub unchanged: u64,
    /// Episodes whose text changed.
    pub updated: u64,
}

/// An error: a 4xx or 5xx status with what went wrong, in words safe to show.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Error)]
pub struct ErrorBody {
    /// What went wrong.
    pub error: String,
}

/// What every write can be refused with, besides its own errors.
#[derive(utoipa::IntoResponses)]
pub enum WriteRefused {
    /// No token, or a wrong one.
    #[response(status = 401, description = "No token, or a wrong one")]
    Unauthorized(ErrorBody),
    /// The server has no token, so it takes no writes.
    #[response(status = 403, description = "The server is read-only")]
    ReadOnly(ErrorBody),
    /// Another process holds the archive's write lock.
    #[response(
        status = 503,
        description = "Another process is writing the archive: try again"
    )]
    Busy(ErrorBody),
}

/// The curations `POST /api/entities/{id}/{action}` takes (`split` has a path of its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum CurateAction {
    /// Give the entity a new name.
    Rename,
    /// Set its kind.
    Kind,
    /// Merge the entity named by `value` into this one.
    Merge,
    /// Tie a spelling to it.
    Alias,
}

/// The body of `POST /api/entities/{id}/{rename|kind|merge|alias}`.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CurateBody {
    /// The new name; the kind (person, org, place, group, work or event); the name of the
    /// entity to merge into this one; or a spelling that names it.
    #[serde(default)]
    #[schema(required = true)]
    pub value: String,
}

/// The body of `POST /api/entities/{id}/split`.
#[derive(Debug, Deserialize, ToSchema)]
pub struct SplitBody {
    /// The spelling whose mentions become their own entity.
    #[serde(default)]
    #[schema(required = true)]
    pub surface: String,
    /// The new entity's name; the spelling itself when left out.
    #[serde(default)]
    pub name: String,
}

/// The body of `POST /api/predictions/{id}/resolve`.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ResolveBody {
    /// `correct`, `incorrect`, `partly` or `void` (the question went away).
    #[schema(schema_with = outcome)]
    pub outcome: String,
    /// A note on the outcome.
    #[serde(default)]
    pub note: String,
    /// A link to what settled it (http or https).
    #[serde(default)]
    #[schema(format = "uri")]
    pub evidence: String,
}

/// The outcomes a forecast can be given, from the store's list.
fn outcome() -> utoipa::openapi::schema::Object {
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .description(Some(
            "`correct`, `incorrect`, `partly` or `void` (the question went away).",
        ))
        .enum_values(Some(
            earshot_store::Outcome::ALL.map(earshot_store::Outcome::as_str),
        ))
        .build()
}

/// The query of an upload.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadParams {
    /// The file's name: its extension helps tell the layout (`.vtt`, `.srt`, `.json`).
    #[serde(default)]
    pub name: String,
}
