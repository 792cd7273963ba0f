//! `earshot serve`: the archive in a browser and over HTTP.
//!
//! Server-rendered pages ([`pages`]) and a JSON API ([`api`]) over one archive on the embedded
//! store. Reads run on a small pool of read-only archive handles, off the async threads;
//! writes (resolving a forecast, curating an entity, uploading a transcript) need the server's token, as a bearer header or as the
//! session cookie the login form sets, and forms carry a CSRF token. Without a token the
//! server is read-only and says so.
//!
//! Everything a transcript brings (text, titles, speakers, entity names, URLs) is untrusted:
//! templates escape it, URLs are only linked when they are http(s), and every response
//! carries a Content-Security-Policy that allows no inline script.

pub mod api;
mod auth;
mod curate;
mod error;
mod limits;
mod openapi;
pub mod pages;
mod state;
mod svg;
mod upload;
mod views;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use tower_http::limit::RequestBodyLimitLayer;

pub use error::AppError;
pub use state::AppState;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The archive's folder.
    pub data: PathBuf,
    /// The token that allows writes; `None` for a read-only server.
    pub token: Option<String>,
}

/// The application: every page and API route, with limits and security headers.
pub fn app(state: Arc<AppState>) -> Router {
    let routes = Router::new()
        .route("/", get(pages::overview))
        .route("/search", get(pages::search))
        .route("/episodes/{id}", get(pages::episode))
        .route("/entities", get(pages::entities))
        .route("/entities/{id}", get(pages::entity))
        .route("/entities/{id}/curate", post(pages::curate))
        .route("/predictions", get(pages::predictions))
        .route("/predictions/{id}/resolve", post(pages::resolve))
        .route("/login", get(pages::login_form).post(pages::login))
        .route("/logout", post(pages::logout))
        .route("/static/earshot.css", get(pages::stylesheet))
        .route("/static/earshot.js", get(pages::script))
        .route("/static/earshot.svg", get(pages::icon))
        .route("/favicon.ico", get(pages::icon))
        .route("/api/search", get(api::search))
        .route("/api/episodes/{id}", get(api::episode))
        .route("/api/entities", get(api::entities))
        .route("/api/entities/{id}", get(api::entity))
        .route("/api/entities/{id}/split", post(api::split))
        .route("/api/entities/{id}/{action}", post(api::curate))
        .route("/api/predictions", get(api::predictions))
        .route("/api/predictions/{id}", get(api::prediction))
        .route("/api/predictions/{id}/resolve", post(api::resolve))
        .route("/api/openapi.json", get(api::openapi))
        .layer(RequestBodyLimitLayer::new(limits::MAX_BODY))
        .layer(limits::timeout(limits::MAX_TIME));
    // Transcripts are larger than forms: the upload routes have their own limit, in place of
    // the 2 MB that axum's extractors would otherwise hold bodies to.
    let upload = Router::new()
        .route("/upload", post(pages::upload))
        .route("/api/ingest", post(api::ingest))
        .layer(DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(limits::MAX_UPLOAD))
        .layer(limits::timeout(limits::MAX_UPLOAD_TIME));
    let routes = routes
        .merge(upload)
        .fallback(pages::not_found)
        .with_state(state);
    limits::apply(routes)
}

/// Serves the archive on `addr` until Ctrl-C. `ready` is told the address bound (port 0
/// picks a free one).
pub async fn serve(
    config: Config,
    addr: SocketAddr,
    ready: impl FnOnce(SocketAddr),
) -> anyhow::Result<()> {
    let state = Arc::new(AppState::open(config)?);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {addr}: {e}"))?;
    ready(listener.local_addr()?);
    axum::serve(listener, app(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
