//! `/`: the archive at a glance, with the search box.

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use earshot_store::EntityFilter;

use super::{date, render, Nav, PageError};
use crate::AppState;

pub struct Latest {
    pub id: i64,
    pub title: String,
    pub show: String,
    pub date: String,
}

pub struct Named {
    pub id: i64,
    pub name: String,
    pub mentions: u64,
}

#[derive(Template)]
#[template(path = "overview.html")]
struct Overview {
    nav: Nav,
    episodes: u64,
    shows: u64,
    words: u64,
    hours: String,
    span: Option<String>,
    latest: Vec<Latest>,
    entities: Vec<Named>,
    overdue: usize,
    open: usize,
    resolved: usize,
}

pub async fn overview(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let nav = Nav::new(&state, &headers, "");
    let data = state
        .read(|a| {
            let stats = a.catalog().stats()?;
            let mut eps = a.catalog().episodes(None)?;
            eps.sort_by(|x, y| y.published.cmp(&x.published).then(y.id.cmp(&x.id)));
            let latest: Vec<Latest> = eps
                .into_iter()
                .take(10)
                .map(|e| Latest {
                    id: e.id,
                    title: e.title.unwrap_or_else(|| "(untitled)".into()),
                    show: e.show,
                    date: date(e.published.as_deref()),
                })
                .collect();
            let n = a.prediction_counts()?;
            let counts = (n.due as usize, n.open as usize, n.resolved as usize);
            Ok((stats, latest, counts))
        })
        .await
        .map_err(|e| PageError(e, Nav::new(&state, &headers, "")))?;
    let (stats, latest, (overdue, open, resolved)) = data;
    let entities = state
        .entity_list(EntityFilter {
            limit: 12,
            ..Default::default()
        })
        .await
        .map_err(|e| PageError(e, Nav::new(&state, &headers, "")))?
        .iter()
        .map(|e| Named {
            id: e.id,
            name: e.name.clone(),
            mentions: e.mentions,
        })
        .collect();
    let span = match (&stats.first, &stats.last) {
        (Some(f), Some(l)) => Some(format!("{f} to {l}")),
        _ => None,
    };
    Ok(render(&Overview {
        nav,
        episodes: stats.episodes,
        shows: stats.shows,
        words: stats.words,
        hours: format!("{:.1}", stats.seconds as f64 / 3600.0),
        span,
        latest,
        entities,
        overdue,
        open,
        resolved,
    }))
}
