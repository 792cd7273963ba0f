//! `POST /upload`: the overview page's "Add transcripts" form. The files go the way of
//! `POST /api/ingest` ([`crate::upload::keep_and_ingest`]); a page then says what became of
//! each.

use std::sync::Arc;

use askama::Template;
use axum::extract::multipart::{Multipart, MultipartError, MultipartRejection};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use super::{render, Nav, PageError};
use crate::upload::{keep_and_ingest, Outcome};
use crate::{auth, AppError, AppState};

/// At most this many files in one post: each is an ingest of its own.
const MAX_FILES: usize = 100;

/// One file's line on the result page.
pub struct Row {
    /// The name as kept.
    pub name: String,
    /// What became of it, in words.
    pub outcome: String,
    /// Whether it is in the archive now.
    pub ok: bool,
}

#[derive(Template)]
#[template(path = "upload.html")]
struct UploadPage {
    nav: Nav,
    rows: Vec<Row>,
    added: usize,
}

/// The form's file field; its hidden `csrf` field is the session's token.
const FILES: &str = "files";

/// A logged-in session and its CSRF token, checked as every form's are; then each file is
/// kept and ingested in turn. A file that cannot be read is reported and does not stop the
/// rest.
pub async fn upload(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, PageError> {
    let fail = |e| PageError(e, Nav::new(&state, &headers, ""));
    // Refused before the body is read when it would be refused after: a read-only server,
    // or no session.
    auth::require_login(&state, &headers).map_err(fail)?;
    let mut multipart = multipart.map_err(|e| fail(body_error(e.status(), e.body_text())))?;
    let mut csrf = String::new();
    let mut files = Vec::new();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| fail(part_error(e)))?
    {
        match field.name() {
            Some("csrf") => csrf = field.text().await.map_err(|e| fail(part_error(e)))?,
            Some(FILES) => {
                let name = field.file_name().unwrap_or_default().to_string();
                let bytes = field.bytes().await.map_err(|e| fail(part_error(e)))?;
                // A browser sends an empty, nameless part when no file was chosen.
                if name.is_empty() && bytes.is_empty() {
                    continue;
                }
                files.push((name, bytes));
            }
            _ => {}
        }
    }
    auth::require_session(&state, &headers, &csrf).map_err(fail)?;
    if files.is_empty() {
        return Err(fail(AppError::BadRequest(
            "choose at least one transcript to add".into(),
        )));
    }
    if files.len() > MAX_FILES {
        return Err(fail(AppError::BadRequest(format!(
            "add at most {MAX_FILES} files at once"
        ))));
    }
    let rows: Vec<Row> = keep_and_ingest(&state, files)
        .await
        .map_err(fail)?
        .into_iter()
        .map(|up| Row {
            ok: matches!(up.outcome, Outcome::Ingested { .. }),
            outcome: up.outcome.describe(),
            name: up.name,
        })
        .collect();
    Ok(render(&UploadPage {
        nav: Nav::new(&state, &headers, ""),
        added: rows.iter().filter(|r| r.ok).count(),
        rows,
    }))
}

fn body_error(status: StatusCode, text: String) -> AppError {
    match status {
        StatusCode::PAYLOAD_TOO_LARGE => AppError::TooLarge,
        _ => AppError::BadRequest(format!("not a form with files: {text}")),
    }
}

fn part_error(e: MultipartError) -> AppError {
    body_error(e.status(), e.body_text())
}
