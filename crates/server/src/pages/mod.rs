//! The server-rendered pages. Templates (in `templates/`) escape everything by default; the
//! only HTML they take as is comes from [`crate::views`] and [`crate::svg`], which escape what
//! they take from the archive, and the index's snippets, escaped by the index.

pub mod entities;
mod episode;
mod login;
mod overview;
pub mod predictions;
pub mod search;
mod upload;

use askama::Template;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};

pub use entities::{curate, entities, entity};
pub use episode::episode;
pub use login::{login, login_form, logout};
pub use overview::overview;
pub use predictions::{predictions, resolve};
pub use search::search;
pub use upload::upload;

use crate::{auth, AppError, AppState};

/// What the navigation bar shows on every page.
pub struct Nav {
    /// The search box's text.
    pub q: String,
    /// The server takes writes (it has a token).
    pub writable: bool,
    /// The session's CSRF token, when logged in.
    pub csrf: Option<String>,
}

impl Nav {
    pub fn new(state: &AppState, headers: &HeaderMap, q: &str) -> Nav {
        Nav {
            q: q.to_string(),
            writable: state.writable(),
            csrf: auth::csrf_of(state, headers),
        }
    }
}

/// A page's error: the status and the message in the site's layout.
pub struct PageError(pub AppError, pub Nav);

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    nav: &'a Nav,
    status: String,
    message: String,
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = self.0.status();
        if let AppError::Internal(msg) = &self.0 {
            tracing::error!("{msg}");
        }
        let page = ErrorPage {
            nav: &self.1,
            status: format!(
                "{} {}",
                status.as_u16(),
                status.canonical_reason().unwrap_or("")
            ),
            message: self.0.to_string(),
        };
        match page.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(_) => (status, self.0.to_string()).into_response(),
        }
    }
}

/// Renders a template, or a 500 page if it cannot be.
pub fn render(t: &impl Template) -> Response {
    match t.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("a page failed to render: {e}"),
        )
            .into_response(),
    }
}

/// Any other path: 404 in the site's layout.
pub async fn not_found(
    axum::extract::State(state): axum::extract::State<std::sync::Arc<AppState>>,
    headers: HeaderMap,
) -> PageError {
    PageError(
        AppError::NotFound("there is no page here".into()),
        Nav::new(&state, &headers, ""),
    )
}

/// The stylesheet, compiled in: no file system path is ever served.
pub async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../static/earshot.css"),
    )
}

/// The site's icon, compiled in; `/favicon.ico` answers with it too, for browsers that ask
/// before reading the page.
pub async fn icon() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        include_str!("../../static/earshot.svg"),
    )
}

/// The pages' one script (deep links to a timestamp), compiled in.
pub async fn script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../static/earshot.js"),
    )
}

/// A date for display, "undated" when unknown.
pub fn date(d: Option<&str>) -> String {
    d.unwrap_or("undated").to_string()
}

/// A link to a moment of an episode.
pub fn moment(episode: i64, ms: Option<u64>) -> String {
    match ms {
        Some(ms) => format!("/episodes/{episode}#t={}", ms / 1000),
        None => format!("/episodes/{episode}"),
    }
}
