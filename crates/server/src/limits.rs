//! Request limits and security headers on every response.

use std::time::Duration;

use axum::http::{header, HeaderValue, StatusCode};
use axum::Router;
use tower_http::timeout::TimeoutLayer;

/// The largest request body accepted (a form, or a JSON write).
pub const MAX_BODY: usize = 1024 * 1024;
/// The largest transcript an upload may send.
pub const MAX_UPLOAD: usize = 32 * 1024 * 1024;
/// How long a request may take before the server answers 408.
pub const MAX_TIME: Duration = Duration::from_secs(10);
/// How long an upload may take: sending and ingesting 32 MiB of transcript takes far longer
/// than a page. (An upload cut short still finishes ingesting; the store is transactional.)
pub const MAX_UPLOAD_TIME: Duration = Duration::from_secs(300);

/// A page may load only its own script and stylesheet; audio may come from anywhere over
/// http(s), since episodes name their audio by URL.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   media-src https: http:; form-action 'self'; base-uri 'none'; \
                   frame-ancestors 'none'";

/// Answers 408 to a request that takes longer than `limit`.
pub fn timeout(limit: Duration) -> TimeoutLayer {
    TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, limit)
}

/// Adds the security headers to every response.
pub fn apply(router: Router) -> Router {
    router.layer(axum::middleware::map_response(headers))
}

async fn headers(mut res: axum::response::Response) -> axum::response::Response {
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    res
}
