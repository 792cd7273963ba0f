//! `/login` and `/logout`: a session cookie for a browser that knows the server's token.

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;

use super::{render, Nav, PageError};
use crate::auth::{self, SESSION_COOKIE};
use crate::{AppError, AppState};

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    nav: Nav,
    error: Option<String>,
}

pub async fn login_form(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    render(&LoginPage {
        nav: Nav::new(&state, &headers, ""),
        error: None,
    })
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    token: String,
}

pub async fn login(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Result<Response, PageError> {
    if !state.writable() {
        return Err(PageError(auth::read_only(), Nav::new(&state, &headers, "")));
    }
    if !auth::token_matches(&state, &form.token) {
        let mut page = render(&LoginPage {
            nav: Nav::new(&state, &headers, ""),
            error: Some("That is not the server's token.".into()),
        });
        *page.status_mut() = AppError::Unauthorized.status();
        return Ok(page);
    }
    let (id, _) = state
        .new_session()
        .map_err(|e| PageError(e, Nav::new(&state, &headers, "")))?;
    let cookie = format!("{SESSION_COOKIE}={id}; Path=/; HttpOnly; SameSite=Strict");
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to("/predictions")).into_response())
}

#[derive(Deserialize)]
pub struct LogoutForm {
    #[serde(default)]
    csrf: String,
}

pub async fn logout(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Form(form): Form<LogoutForm>,
) -> Result<Response, PageError> {
    auth::require_session(&state, &headers, &form.csrf)
        .map_err(|e| PageError(e, Nav::new(&state, &headers, "")))?;
    if let Some(id) = auth::session_id(&headers) {
        state.end_session(&id);
    }
    let expired = format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    Ok(([(header::SET_COOKIE, expired)], Redirect::to("/")).into_response())
}
