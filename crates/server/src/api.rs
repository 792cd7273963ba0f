//! The JSON API: the CLI's data over HTTP, in the shapes of `earshot_archive::json`.
//! Errors are `{"error": "..."}` with a 4xx or 5xx status.
//!
//! Each handler's `#[utoipa::path]` describes it for the OpenAPI document (`crate::openapi`):
//! its first doc paragraph is the operation's summary, the rest its description.

pub mod shapes;

use std::sync::Arc;

use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use earshot_archive::json;

use crate::pages::{entities::EntityParams, predictions::LedgerParams, search::SearchParams};
use crate::upload::Outcome;
use crate::{auth, AppError, AppState};
pub use shapes::UploadParams;
use shapes::{
    CurateBody, EntityList, ErrorBody, Ingested, PredictionList, ResolveBody, SearchAnswer,
    SplitBody, WriteRefused,
};

type ApiResult<T> = Result<Json<T>, AppError>;

/// Passages matching a query, best first.
///
/// `q` is the query (words, "exact phrases", `-word` to leave out); `entity` finds the
/// passages that mention an entity, with or without `q`; one of them is needed. At most
/// `limit` hits (20 by default, 200 at most).
#[utoipa::path(
    get,
    path = "/api/search",
    params(SearchParams),
    responses(
        (status = 200, description = "The hits", body = SearchAnswer),
        (status = 400, description = "No query, or a bad parameter", body = ErrorBody),
    ),
)]
pub async fn search(
    State(state): State<Arc<AppState>>,
    Query(p): Query<SearchParams>,
) -> ApiResult<SearchAnswer> {
    if p.q.trim().is_empty() && p.entity.trim().is_empty() {
        return Err(AppError::BadRequest("give a query: ?q=…".into()));
    }
    let req = p.request(p.limit.unwrap_or(20).clamp(1, 200))?;
    let hits = state.read(move |a| Ok(a.search(&req)?)).await?;
    Ok(Json(SearchAnswer {
        hits: hits.iter().map(json::Hit::from).collect(),
        query: p.q,
    }))
}

/// An episode: metadata, sources, timestamped segments.
#[utoipa::path(
    get,
    path = "/api/episodes/{id}",
    params(("id" = i64, Path, description = "The episode's id")),
    responses(
        (status = 200, description = "The episode", body = json::Episode),
        (status = 400, description = "An id that is not a number (a plain-text answer)"),
        (status = 404, description = "No such episode", body = ErrorBody),
    ),
)]
pub async fn episode(
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
) -> ApiResult<json::Episode> {
    let v = state
        .read(move |a| {
            let ep = a
                .catalog()
                .episode(id)?
                .ok_or_else(|| AppError::NotFound(format!("no episode {id}")))?;
            let sources = a.catalog().sources(id)?;
            let segments = a.catalog().segments(id)?;
            Ok(json::Episode::new(&ep, &sources, &segments))
        })
        .await?;
    Ok(Json(v))
}

/// Entities, most mentioned first.
///
/// `kind` keeps one kind, `show` counts only that show's mentions; at most `limit` (200 by
/// default, 5,000 at most).
#[utoipa::path(
    get,
    path = "/api/entities",
    params(EntityParams),
    responses(
        (status = 200, description = "The entities", body = EntityList),
        (status = 400, description = "A limit that is not a number (a plain-text answer)"),
    ),
)]
pub async fn entities(
    State(state): State<Arc<AppState>>,
    Query(p): Query<EntityParams>,
) -> ApiResult<EntityList> {
    let filter = p.filter();
    let list = state.entity_list(filter).await?;
    Ok(Json(EntityList {
        entities: list.iter().map(json::Entity::from).collect(),
    }))
}

/// An entity: spellings, mentions per month, companions, passages.
///
/// With its 50 newest passages.
#[utoipa::path(
    get,
    path = "/api/entities/{id}",
    params(("id" = i64, Path, description = "The entity's id")),
    responses(
        (status = 200, description = "The entity", body = json::EntityDetail),
        (status = 400, description = "An id that is not a number (a plain-text answer)"),
        (status = 404, description = "No such entity", body = ErrorBody),
    ),
)]
pub async fn entity(
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
) -> ApiResult<json::EntityDetail> {
    let d = crate::pages::entities::load(&state, id, 50).await?;
    Ok(Json(json::EntityDetail::from(&d)))
}

/// Curate an entity: rename it, set its kind, merge another into it, or add a spelling.
///
/// Needs the bearer token. Answers with the entity as curated.
#[utoipa::path(
    post,
    path = "/api/entities/{id}/{action}",
    params(
        ("id" = i64, Path, description = "The entity's id"),
        ("action" = inline(shapes::CurateAction), Path, description = "The curation"),
    ),
    request_body(content = inline(CurateBody)),
    responses(
        (status = 200, description = "The entity as curated", body = json::Entity),
        (status = 400, description = "A missing or bad value", body = ErrorBody),
        (status = 404, description = "No such entity or curation", body = ErrorBody),
        (status = 413, description = "The body is larger than the server accepts"),
        WriteRefused,
    ),
    security(("bearer" = [])),
)]
pub async fn curate(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path((id, action)): Path<(i64, String)>,
    body: Result<Json<CurateBody>, JsonRejection>,
) -> ApiResult<json::Entity> {
    auth::require_bearer(&state, &headers)?;
    let body = read_body(body)?;
    let curation = crate::curate::Curation::parse(&action, &body.value, "")?;
    let e = crate::curate::curate(&state, id, curation).await?;
    Ok(Json(json::Entity::from(&e)))
}

/// Split the mentions of one spelling off into a new entity.
///
/// Needs the bearer token. Answers with the new entity; 400 when the entity has no such
/// spelling.
#[utoipa::path(
    post,
    path = "/api/entities/{id}/split",
    params(("id" = i64, Path, description = "The entity's id")),
    request_body(content = inline(SplitBody)),
    responses(
        (status = 200, description = "The new entity", body = json::Entity),
        (status = 400, description = "No such spelling of the entity, or a bad name", body = ErrorBody),
        (status = 404, description = "No such entity", body = ErrorBody),
        (status = 413, description = "The body is larger than the server accepts"),
        WriteRefused,
    ),
    security(("bearer" = [])),
)]
pub async fn split(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    body: Result<Json<SplitBody>, JsonRejection>,
) -> ApiResult<json::Entity> {
    auth::require_bearer(&state, &headers)?;
    let body = read_body(body)?;
    let curation = crate::curate::Curation::parse("split", &body.name, &body.surface)?;
    let e = crate::curate::curate(&state, id, curation).await?;
    Ok(Json(json::Entity::from(&e)))
}

/// Forecasts in the ledger, soonest due first.
///
/// `status` is `open`, `due`, `resolved` or `all` (the default); at most `limit` (100 by
/// default, 10,000 at most).
#[utoipa::path(
    get,
    path = "/api/predictions",
    params(LedgerParams),
    responses(
        (status = 200, description = "The forecasts", body = PredictionList),
        (status = 400, description = "A bad parameter", body = ErrorBody),
    ),
)]
pub async fn predictions(
    State(state): State<Arc<AppState>>,
    Query(p): Query<LedgerParams>,
) -> ApiResult<PredictionList> {
    let (mut filter, entity) = p.filter()?;
    filter.limit = Some(p.limit.unwrap_or(100).clamp(1, 10_000));
    let list = state
        .read(move |a| Ok(a.predictions(filter, entity.as_deref())?))
        .await?;
    Ok(Json(PredictionList {
        predictions: list.iter().map(json::Prediction::from).collect(),
    }))
}

/// One forecast.
#[utoipa::path(
    get,
    path = "/api/predictions/{id}",
    params(("id" = i64, Path, description = "The forecast's id")),
    responses(
        (status = 200, description = "The forecast", body = json::Prediction),
        (status = 400, description = "An id that is not a number (a plain-text answer)"),
        (status = 404, description = "No such forecast", body = ErrorBody),
    ),
)]
pub async fn prediction(
    State(state): State<Arc<AppState>>,
    Path(id): Path<i64>,
) -> ApiResult<json::Prediction> {
    let p = state.read(move |a| Ok(a.prediction(id)?)).await?;
    Ok(Json(json::Prediction::from(&p)))
}

/// Record a forecast's outcome.
///
/// Needs the bearer token. Answers with the forecast as resolved.
#[utoipa::path(
    post,
    path = "/api/predictions/{id}/resolve",
    params(("id" = i64, Path, description = "The forecast's id")),
    request_body(content = inline(ResolveBody)),
    responses(
        (status = 200, description = "The forecast as resolved", body = json::Prediction),
        (status = 400, description = "A missing or bad outcome, or evidence that is not an http(s) URL", body = ErrorBody),
        (status = 404, description = "No such forecast", body = ErrorBody),
        (status = 413, description = "The body is larger than the server accepts"),
        WriteRefused,
    ),
    security(("bearer" = [])),
)]
pub async fn resolve(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    body: Result<Json<ResolveBody>, JsonRejection>,
) -> ApiResult<json::Prediction> {
    auth::require_bearer(&state, &headers)?;
    let body = read_body(body)?;
    let r = crate::pages::predictions::resolution(&body.outcome, &body.note, &body.evidence)?;
    let p = state
        .write(move |_, a| Ok(a.resolve_prediction(id, &r)?))
        .await?;
    Ok(Json(json::Prediction::from(&p)))
}

/// A JSON body, or why it cannot be read: 413 when it is too large, 400 otherwise.
fn read_body<T>(body: Result<Json<T>, JsonRejection>) -> Result<T, AppError> {
    match body {
        Ok(Json(body)) => Ok(body),
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(AppError::TooLarge),
        Err(e) => Err(AppError::BadRequest(e.body_text())),
    }
}

/// Upload a transcript: it is kept, ingested, and searchable at once.
///
/// The body is the file; `name` helps tell its layout. Needs the bearer token. The file is
/// kept in the archive's `uploads/` folder and ingested like any other; 422 when no layout
/// can read it (the file is not kept).
#[utoipa::path(
    post,
    path = "/api/ingest",
    params(UploadParams),
    request_body(
        content = String,
        content_type = "application/octet-stream",
        description = "The transcript file's bytes, as they are on disk",
    ),
    responses(
        (status = 200, description = "What ingesting it did", body = Ingested),
        (status = 400, description = "An empty body", body = ErrorBody),
        (status = 413, description = "The file is larger than the server accepts"),
        (status = 422, description = "No layout can read the file", body = ErrorBody),
        WriteRefused,
    ),
    security(("bearer" = [])),
)]
pub async fn ingest(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(p): Query<UploadParams>,
    body: axum::body::Bytes,
) -> ApiResult<Ingested> {
    auth::require_bearer(&state, &headers)?;
    if body.is_empty() {
        return Err(AppError::BadRequest(
            "the body is empty: send the transcript's bytes".into(),
        ));
    }
    let up = crate::upload::keep_and_ingest(&state, vec![(p.name, body)])
        .await?
        .pop()
        .ok_or_else(|| AppError::Internal("an upload went missing".into()))?;
    match up.outcome {
        Outcome::Unreadable(why) => Err(AppError::Unprocessable(format!(
            "earshot cannot read {}: {why}",
            up.name
        ))),
        Outcome::Failed(e) => Err(e),
        Outcome::Ingested {
            added,
            updated,
            unchanged,
            merged,
        } => Ok(Json(Ingested {
            added,
            merged,
            name: up.name,
            unchanged,
            updated,
        })),
    }
}

/// A name safe to create in the uploads folder: the last path component, letters, digits,
/// `.`, `-` and `_` only, no leading dot, at most 100 bytes.
pub fn safe_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = last
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let clean = clean.trim_start_matches('.');
    let mut out: String = clean.chars().take(100).collect();
    if out.is_empty() {
        out = "upload.txt".into();
    }
    out
}

/// This document: the API described for clients.
#[utoipa::path(
    get,
    path = "/api/openapi.json",
    responses((status = 200, description = "The OpenAPI 3.1 document", body = Object)),
)]
pub async fn openapi() -> Json<serde_json::Value> {
    Json(crate::openapi::document())
}

#[cfg(test)]
mod tests {
    use super::safe_file_name;

    #[test]
    fn upload_names_cannot_leave_the_folder() {
        assert_eq!(safe_file_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_file_name("..\\..\\x.vtt"), "x.vtt");
        assert_eq!(safe_file_name(".."), "upload.txt");
        assert_eq!(safe_file_name(".hidden"), "hidden");
        assert_eq!(safe_file_name("<svg onload=x>.txt"), "_svg_onload_x_.txt");
        assert_eq!(safe_file_name(""), "upload.txt");
        assert!(safe_file_name(&"a".repeat(500)).len() <= 100);
    }
}
