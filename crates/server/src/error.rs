//! Errors as HTTP responses: a status and a message that is safe to show.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use earshot_archive::ArchiveError;

/// What went wrong with a request.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    BadRequest(String),
    /// Input understood but refused (an upload no layout can read): 422.
    #[error("{0}")]
    Unprocessable(String),
    /// A body over the size limit: 413.
    #[error("the request is larger than the server accepts")]
    TooLarge,
    /// No token or session: 401.
    #[error("this needs the server's token: log in, or send it as a bearer token")]
    Unauthorized,
    /// A write the server refuses whoever asks (read-only server, bad CSRF token): 403.
    #[error("{0}")]
    Forbidden(String),
    /// Another process is writing the archive: 503, try again.
    #[error("{0}")]
    Busy(String),
    #[error("{0}")]
    Internal(String),
}

impl AppError {
    /// The HTTP status for this error.
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::Busy(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl From<ArchiveError> for AppError {
    fn from(e: ArchiveError) -> Self {
        match e {
            // The archive's own word for what the user asked wrongly: a bad query, an unknown
            // entity or forecast.
            ArchiveError::Other(msg) => AppError::BadRequest(msg),
            ArchiveError::NotFound(msg) => AppError::NotFound(msg),
            ArchiveError::Busy(_) => AppError::Busy(e.to_string()),
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<earshot_index::Error> for AppError {
    fn from(e: earshot_index::Error) -> Self {
        AppError::Internal(e.to_string())
    }
}

impl From<earshot_store::StoreError> for AppError {
    fn from(e: earshot_store::StoreError) -> Self {
        AppError::Internal(e.to_string())
    }
}

/// Errors of the JSON API: `{"error": "..."}` with the status.
impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(msg) = &self {
            tracing::error!("{msg}");
        }
        let body = axum::Json(crate::api::shapes::ErrorBody {
            error: self.to_string(),
        });
        (self.status(), body).into_response()
    }
}
