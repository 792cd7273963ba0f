//! The JSON API: the CLI's data over HTTP, in the shapes of `earshot_archive::json`.
//! Errors are `{"error": "..."}` with a 4xx or 5xx status.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::pages::{entities::EntityParams, predictions::LedgerParams, search::SearchParams};
use crate::upload::Outcome;
use crate::{auth, AppError, AppState};

type ApiResult = Result<Json<Value>, AppError>;

/// `GET /api/search?q=…&show=…&year=…&entity=…&speaker=…&limit=…`
pub async fn search(
    State(state): State<Arc<AppState>>,
    Query(p): Query<SearchParams>,
) -> ApiResult {
    if p.q.trim().is_empty() && p.entity.trim().is_empty() {
        return Err(AppError::BadRequest("give a query: ?q=…".into()));
    }
    let req = p.request(p.limit.unwrap_or(20).clamp(1, 200))?;
    let hits = state.read(move |a| Ok(a.search(&req)?)).await?;
    Ok(Json(json!({
        "query": p.q,
        "hits": hits.iter().map(earshot_archive::json::hit).collect::<Vec<_>>(),
    })))
}

/// `GET /api/episodes/{id}`: metadata, sources and segments.
pub async fn episode(State(state): State<Arc<AppState>>, Path(id): Path<i64>) -> ApiResult {
    let v = state
        .read(move |a| {
            let ep = a
                .catalog()
                .episode(id)?
                .ok_or_else(|| AppError::NotFound(format!("no episode {id}")))?;
            let sources = a.catalog().sources(id)?;
            let segments = a.catalog().segments(id)?;
            Ok(earshot_archive::json::episode(&ep, &sources, &segments))
        })
        .await?;
    Ok(Json(v))
}

/// `GET /api/entities?kind=…&show=…&limit=…`
pub async fn entities(
    State(state): State<Arc<AppState>>,
    Query(p): Query<EntityParams>,
) -> ApiResult {
    let filter = p.filter();
    let list = state.entity_list(filter).await?;
    Ok(Json(json!({
        "entities": list.iter().map(earshot_archive::json::entity).collect::<Vec<_>>(),
    })))
}

/// `GET /api/entities/{id}`: spellings, months, companions and passages.
pub async fn entity(State(state): State<Arc<AppState>>, Path(id): Path<i64>) -> ApiResult {
    let d = crate::pages::entities::load(&state, id, 50).await?;
    Ok(Json(earshot_archive::json::entity_detail(&d)))
}

/// The body of `POST /api/entities/{id}/{rename|kind|merge|alias}` (`value`) and of
/// `POST /api/entities/{id}/split` (`surface` and `name`).
#[derive(Debug, Deserialize)]
pub struct CurateBody {
    #[serde(default)]
    pub value: String,
    /// split: the spelling whose mentions become their own entity.
    #[serde(default)]
    pub surface: String,
    /// split: the new entity's name (the spelling itself when left out).
    #[serde(default)]
    pub name: String,
}

/// `POST /api/entities/{id}/{action}` with `Authorization: Bearer TOKEN`: rename, kind, merge
/// and alias take `{"value": …}` (the new name; person, org, place, group, work or event; the
/// name of the entity to merge into this one; a spelling that names it); split takes
/// `{"surface": …, "name": …}` and answers with the new entity.
pub async fn curate(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path((id, action)): Path<(i64, String)>,
    body: Result<Json<CurateBody>, axum::extract::rejection::JsonRejection>,
) -> ApiResult {
    auth::require_bearer(&state, &headers)?;
    let Json(body) = body.map_err(|e| AppError::BadRequest(e.body_text()))?;
    let value = if action == "split" {
        &body.name
    } else {
        &body.value
    };
    let curation = crate::curate::Curation::parse(&action, value, &body.surface)?;
    let e = crate::curate::curate(&state, id, curation).await?;
    Ok(Json(earshot_archive::json::entity(&e)))
}

/// `GET /api/predictions?status=…&speaker=…&show=…&entity=…&due_before=…&limit=…`
pub async fn predictions(
    State(state): State<Arc<AppState>>,
    Query(p): Query<LedgerParams>,
) -> ApiResult {
    let (mut filter, entity) = p.filter()?;
    filter.limit = Some(p.limit.unwrap_or(100).clamp(1, 10_000));
    let list = state
        .read(move |a| Ok(a.predictions(filter, entity.as_deref())?))
        .await?;
    Ok(Json(json!({
        "predictions": list.iter().map(earshot_archive::json::prediction).collect::<Vec<_>>(),
    })))
}

/// `GET /api/predictions/{id}`
pub async fn prediction(State(state): State<Arc<AppState>>, Path(id): Path<i64>) -> ApiResult {
    let p = state.read(move |a| Ok(a.prediction(id)?)).await?;
    Ok(Json(earshot_archive::json::prediction(&p)))
}

/// The body of `POST /api/predictions/{id}/resolve`.
#[derive(Debug, Deserialize)]
pub struct ResolveBody {
    pub outcome: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub evidence: String,
}

/// `POST /api/predictions/{id}/resolve` with `Authorization: Bearer TOKEN`.
pub async fn resolve(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    body: Result<Json<ResolveBody>, axum::extract::rejection::JsonRejection>,
) -> ApiResult {
    auth::require_bearer(&state, &headers)?;
    let Json(body) = body.map_err(|e| match e.status() {
        axum::http::StatusCode::PAYLOAD_TOO_LARGE => AppError::TooLarge,
        _ => AppError::BadRequest(e.body_text()),
    })?;
    let r = crate::pages::predictions::resolution(&body.outcome, &body.note, &body.evidence)?;
    let p = state
        .write(move |_, a| Ok(a.resolve_prediction(id, &r)?))
        .await?;
    Ok(Json(earshot_archive::json::prediction(&p)))
}

/// `POST /api/ingest?name=FILE` with the transcript as the body and `Authorization: Bearer
/// TOKEN`: the file is kept in the archive's `uploads/` folder and ingested like any other.
/// 422 when no layout can read it (the file is not kept).
pub async fn ingest(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(p): Query<UploadParams>,
    body: axum::body::Bytes,
) -> ApiResult {
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
        } => Ok(Json(json!({
            "name": up.name,
            "added": added,
            "updated": updated,
            "unchanged": unchanged,
            "merged": merged,
        }))),
    }
}

/// The query of an upload.
#[derive(Debug, Deserialize)]
pub struct UploadParams {
    /// The file's name: its extension helps tell the layout (`.vtt`, `.srt`, `.json`).
    #[serde(default)]
    pub name: String,
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

/// `GET /api/openapi.json`: the API described for clients.
pub async fn openapi() -> Json<Value> {
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
