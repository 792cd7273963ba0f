//! `/entities` (filterable by kind and show) and `/entities/{id}`: spellings with counts,
//! mentions over time (an SVG chart drawn here), co-mentioned entities and passages.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use earshot_archive::EntityDetail;
use earshot_store::{EntityFilter, EntityRecord};
use serde::Deserialize;

use super::{date, moment, render, Nav, PageError};
use crate::views::{clock, excerpt};
use crate::{svg, AppError, AppState};

const KINDS: [&str; 5] = ["", "person", "org", "place", "group"];

/// Which entities to list, as the page and the API take them.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EntityParams {
    /// Only this kind: person, organization, place, group, work or event.
    #[serde(default)]
    pub kind: String,
    /// Count only the mentions in this show's episodes (case-insensitive).
    #[serde(default)]
    pub show: String,
    /// At most this many.
    pub limit: Option<usize>,
}

impl EntityParams {
    /// The store's filter for these fields.
    pub fn filter(&self) -> EntityFilter {
        EntityFilter {
            kind: Some(self.kind.trim().to_string()).filter(|k| !k.is_empty()),
            show: Some(self.show.trim().to_string()).filter(|s| !s.is_empty()),
            since: None,
            limit: self.limit.unwrap_or(200).min(5_000),
        }
    }
}

pub struct Row {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub mentions: u64,
    pub episodes: u64,
    pub first: String,
    pub last: String,
}

#[derive(Template)]
#[template(path = "entities.html")]
struct EntitiesPage {
    nav: Nav,
    kinds: Vec<(&'static str, bool)>,
    show: String,
    rows: Vec<Row>,
}

pub async fn entities(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(params): Query<EntityParams>,
) -> Result<Response, PageError> {
    let filter = params.filter();
    let rows = state
        .entity_list(filter)
        .await
        .map_err(|e| PageError(e, Nav::new(&state, &headers, "")))?;
    Ok(render(&EntitiesPage {
        nav: Nav::new(&state, &headers, ""),
        kinds: KINDS.iter().map(|k| (*k, *k == params.kind)).collect(),
        show: params.show.clone(),
        rows: rows.iter().cloned().map(row).collect(),
    }))
}

fn row(e: EntityRecord) -> Row {
    Row {
        id: e.id,
        name: e.name,
        kind: e.kind,
        mentions: e.mentions,
        episodes: e.episodes,
        first: date(e.first.as_deref()),
        last: date(e.last.as_deref()),
    }
}

pub struct Passage {
    pub href: String,
    pub title: String,
    pub show: String,
    pub date: String,
    pub clock: String,
    /// HTML: the passage around the mention, escaped, the mention in `<b>`.
    pub context: String,
}

#[derive(Template)]
#[template(path = "entity.html")]
struct EntityPage {
    nav: Nav,
    name: String,
    kind: String,
    mentions: u64,
    episodes: u64,
    wikidata: Option<String>,
    surfaces: Vec<(String, u64)>,
    chart: String,
    companions: Vec<(i64, String, u64)>,
    passages: Vec<Passage>,
    id: i64,
    notice: Option<String>,
}

/// Reads an entity's detail by id; 404 if there is none.
pub async fn load(
    state: &Arc<AppState>,
    id: i64,
    mentions: usize,
) -> Result<EntityDetail, AppError> {
    state
        .read(move |a| {
            let e = crate::curate::entity_by_id(a, id)?;
            Ok(a.entity_detail(&e.name, mentions)?)
        })
        .await
}

/// The entity page's query: a notice after a curation.
#[derive(Debug, Default, Deserialize)]
pub struct EntityPageParams {
    #[serde(default)]
    pub done: String,
}

pub async fn entity(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Query(q): Query<EntityPageParams>,
) -> Result<Response, PageError> {
    let d = load(&state, id, 50)
        .await
        .map_err(|e| PageError(e, Nav::new(&state, &headers, "")))?;
    let months: Vec<(String, u64)> = d
        .months
        .iter()
        .map(|(m, n)| (m.clone().unwrap_or_else(|| "undated".into()), *n))
        .collect();
    let notice = match q.done.as_str() {
        "rename" => Some("Renamed."),
        "kind" => Some("Kind changed."),
        "merge" => Some("Merged into this entity."),
        "alias" => Some("Spelling added; episodes that use it were read again."),
        "split" => Some("Split off: the mentions of that spelling are now this entity's."),
        _ => None,
    };
    Ok(render(&EntityPage {
        id,
        notice: notice.map(str::to_string),
        nav: Nav::new(&state, &headers, ""),
        chart: svg::bars(&months, "mentions per month"),
        name: d.entity.name,
        kind: d.entity.kind,
        mentions: d.entity.mentions,
        episodes: d.entity.episodes,
        wikidata: d.entity.wikidata,
        surfaces: d.surfaces,
        companions: d
            .companions
            .into_iter()
            .map(|(e, n)| (e.id, e.name, n))
            .collect(),
        passages: d
            .mentions
            .into_iter()
            .map(|m| Passage {
                href: moment(m.episode, m.start_ms),
                title: m.title.unwrap_or_else(|| "(untitled)".into()),
                show: m.show,
                date: date(m.published.as_deref()),
                clock: m.start_ms.map(clock).unwrap_or_default(),
                context: excerpt(&m.text, m.start as usize, m.end as usize, 160),
            })
            .collect(),
    }))
}

/// The curation form's fields.
#[derive(Debug, Deserialize)]
pub struct CurateForm {
    #[serde(default)]
    pub csrf: String,
    pub action: String,
    #[serde(default)]
    pub value: String,
    /// split: the spelling to split off (`value` is then the new entity's name).
    #[serde(default)]
    pub surface: String,
}

/// `POST /entities/{id}/curate` from the entity page's forms: a logged-in session and its CSRF
/// token; back to the entity (a merge keeps this id), or on to the new one after a split.
pub async fn curate(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    axum::Form(form): axum::Form<CurateForm>,
) -> Result<Response, PageError> {
    use axum::response::IntoResponse;
    let fail = |e| PageError(e, Nav::new(&state, &headers, ""));
    crate::auth::require_session(&state, &headers, &form.csrf).map_err(fail)?;
    let curation =
        crate::curate::Curation::parse(&form.action, &form.value, &form.surface).map_err(fail)?;
    let e = crate::curate::curate(&state, id, curation)
        .await
        .map_err(fail)?;
    let back = format!(
        "/entities/{}?done={}",
        e.id,
        crate::views::encode(&form.action)
    );
    Ok(axum::response::Redirect::to(&back).into_response())
}
