//! Who may write: the token as a bearer header (API), or a session cookie from the login form
//! (pages), whose forms also carry the session's CSRF token.

use axum::http::{header, HeaderMap};

use crate::{AppError, AppState};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "earshot_session";

/// The caller's session id, from its cookie.
pub fn session_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|kv| {
            let (k, v) = kv.trim().split_once('=')?;
            (k == SESSION_COOKIE).then(|| v.to_string())
        })
}

/// The CSRF token of the caller's live session, if it is logged in.
pub fn csrf_of(state: &AppState, headers: &HeaderMap) -> Option<String> {
    state.session_csrf(&session_id(headers)?)
}

/// An API write: the bearer token must match. 403 on a read-only server, 401 without a
/// token or with a wrong one.
pub fn require_bearer(state: &AppState, headers: &HeaderMap) -> Result<(), AppError> {
    let Some(token) = state.token() else {
        return Err(read_only());
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    match given {
        Some(g) if constant_time_eq(g.as_bytes(), token.as_bytes()) => Ok(()),
        _ => Err(AppError::Unauthorized),
    }
}

/// The first half of a form write, which needs no body: 403 on a read-only server, 401
/// without a live session. Returns the session's CSRF token.
pub fn require_login(state: &AppState, headers: &HeaderMap) -> Result<String, AppError> {
    if !state.writable() {
        return Err(read_only());
    }
    csrf_of(state, headers).ok_or(AppError::Unauthorized)
}

/// A form write: a live session, and the form's CSRF token equal to the session's.
pub fn require_session(
    state: &AppState,
    headers: &HeaderMap,
    form_csrf: &str,
) -> Result<(), AppError> {
    let csrf = require_login(state, headers)?;
    if constant_time_eq(csrf.as_bytes(), form_csrf.as_bytes()) {
        Ok(())
    } else {
        Err(AppError::Forbidden(
            "the form's CSRF token does not match your session; reload the page".into(),
        ))
    }
}

/// Whether the login form's token is the server's.
pub fn token_matches(state: &AppState, given: &str) -> bool {
    state
        .token()
        .is_some_and(|t| constant_time_eq(t.as_bytes(), given.as_bytes()))
}

pub fn read_only() -> AppError {
    AppError::Forbidden("this server is read-only: start it with --token to allow changes".into())
}

/// Compares without stopping at the first difference, so timing tells nothing of the token.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_session_among_other_cookies() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            "theme=dark; earshot_session=abc123; x=y".parse().unwrap(),
        );
        assert_eq!(session_id(&h).as_deref(), Some("abc123"));
        assert!(constant_time_eq(b"same", b"same"));
        assert!(!constant_time_eq(b"same", b"diff"));
        assert!(!constant_time_eq(b"short", b"longer"));
    }
}
