//! `/search?q=…&show=…&year=…&entity=…&speaker=…`: passages with highlighted snippets, and
//! facets (show, year, speaker) over the best passages.

use std::collections::BTreeMap;
use std::sync::Arc;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use earshot_archive::SearchRequest;
use earshot_index::Hit;
use serde::Deserialize;

use super::{date, moment, render, Nav, PageError};
use crate::views::{clock, parse_day, query_with};
use crate::{AppError, AppState};

/// How many passages a page shows.
const PAGE: usize = 20;
/// How many passages the facets count over.
const FACET_DEPTH: usize = 200;

/// The search form's fields, as the page and the API take them.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// The query: words (all must be there), "exact phrases", `-word` and `-"phrase"` to
    /// leave out.
    #[serde(default)]
    pub q: String,
    /// Only this show's episodes.
    #[serde(default)]
    pub show: String,
    /// Only episodes published this year (in place of `after` and `before`).
    #[serde(default)]
    pub year: String,
    /// Only passages that mention this entity (its name, or a spelling of it).
    #[serde(default)]
    pub entity: String,
    /// Only this speaker's passages.
    #[serde(default)]
    pub speaker: String,
    /// Only episodes published on or after this day (YYYY-MM-DD).
    #[serde(default)]
    pub after: String,
    /// Only episodes published on or before this day (YYYY-MM-DD).
    #[serde(default)]
    pub before: String,
    /// At most this many hits.
    pub limit: Option<usize>,
}

impl SearchParams {
    /// The archive's request for these fields; `limit` passages.
    pub fn request(&self, limit: usize) -> Result<SearchRequest, AppError> {
        let mut query = self.q.trim().to_string();
        let entity = self.entity.trim();
        if !entity.is_empty() {
            if entity.contains('"') {
                return Err(AppError::BadRequest(
                    "an entity name cannot hold '\"'".into(),
                ));
            }
            query.push_str(&format!(" entity:\"{entity}\""));
        }
        let (after, before) = match self.year.trim() {
            "" => (parse_day(&self.after)?, parse_day(&self.before)?),
            y => {
                let y: i32 = y
                    .parse()
                    .ok()
                    .filter(|y| (1900..=2200).contains(y))
                    .ok_or_else(|| AppError::BadRequest(format!("{y:?} is not a year")))?;
                (
                    chrono::NaiveDate::from_ymd_opt(y, 1, 1),
                    chrono::NaiveDate::from_ymd_opt(y, 12, 31),
                )
            }
        };
        Ok(SearchRequest {
            query,
            limit,
            shows: Some(self.show.trim())
                .filter(|s| !s.is_empty())
                .map(|s| vec![s.to_string()])
                .unwrap_or_default(),
            after,
            before,
            speaker: Some(self.speaker.trim().to_string()).filter(|s| !s.is_empty()),
        })
    }

    fn link(&self, key: &str, value: &str) -> String {
        let get = |k: &str, own: &str| {
            if k == key {
                value.to_string()
            } else {
                own.to_string()
            }
        };
        let show = get("show", &self.show);
        let year = get("year", &self.year);
        let entity = get("entity", &self.entity);
        let speaker = get("speaker", &self.speaker);
        format!(
            "/search{}",
            query_with(&[
                ("q", &self.q),
                ("show", &show),
                ("year", &year),
                ("entity", &entity),
                ("speaker", &speaker),
            ])
        )
    }
}

pub struct HitView {
    pub href: String,
    pub title: String,
    pub show: String,
    pub date: String,
    pub clock: String,
    pub speaker: Option<String>,
    /// HTML from the index: escaped, matches in `<b>`.
    pub snippet: String,
}

pub struct FacetValue {
    pub label: String,
    pub count: usize,
    pub href: String,
}

pub struct Facet {
    pub name: &'static str,
    pub values: Vec<FacetValue>,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    nav: Nav,
    show: String,
    year: String,
    entity: String,
    speaker: String,
    error: Option<String>,
    hits: Vec<HitView>,
    facets: Vec<Facet>,
}

pub async fn search(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(params): Query<SearchParams>,
) -> Result<Response, PageError> {
    let nav = Nav::new(&state, &headers, &params.q);
    let mut error = None;
    let mut hits = Vec::new();
    if !params.q.trim().is_empty() || !params.entity.trim().is_empty() {
        let found = match params.request(FACET_DEPTH) {
            Ok(req) => state.read(move |a| Ok(a.search(&req)?)).await,
            Err(e) => Err(e),
        };
        match found {
            Ok(h) => hits = h,
            Err(e @ AppError::BadRequest(_)) => error = Some(e.to_string()),
            Err(e) => return Err(PageError(e, nav)),
        }
    }
    let facets = facets(&params, &hits);
    Ok(render(&SearchPage {
        show: params.show.clone(),
        year: params.year.clone(),
        entity: params.entity.clone(),
        speaker: params.speaker.clone(),
        error,
        hits: hits.iter().take(PAGE).map(hit_view).collect(),
        facets,
        nav,
    }))
}

pub fn hit_view(h: &Hit) -> HitView {
    HitView {
        href: moment(h.episode, Some(h.start_ms)),
        title: if h.title.is_empty() {
            "(untitled)".into()
        } else {
            h.title.clone()
        },
        show: h.show.clone(),
        date: date(h.published.map(|d| d.to_string()).as_deref()),
        clock: clock(h.start_ms),
        speaker: h.speaker.clone(),
        snippet: h.snippet.clone(),
    }
}

/// Counts of the hits by show, year and speaker, each linking to the search narrowed to it.
fn facets(params: &SearchParams, hits: &[Hit]) -> Vec<Facet> {
    let mut shows: BTreeMap<String, usize> = BTreeMap::new();
    let mut years: BTreeMap<String, usize> = BTreeMap::new();
    let mut speakers: BTreeMap<String, usize> = BTreeMap::new();
    for h in hits {
        *shows.entry(h.show.clone()).or_default() += 1;
        if let Some(d) = h.published {
            *years.entry(d.format("%Y").to_string()).or_default() += 1;
        }
        if let Some(s) = &h.speaker {
            *speakers.entry(s.clone()).or_default() += 1;
        }
    }
    let facet = |name: &'static str, key: &str, counts: BTreeMap<String, usize>| {
        let mut values: Vec<FacetValue> = counts
            .into_iter()
            .map(|(label, count)| FacetValue {
                href: params.link(key, &label),
                label,
                count,
            })
            .collect();
        values.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));
        values.truncate(10);
        Facet { name, values }
    };
    [
        facet("Show", "show", shows),
        facet("Year", "year", years),
        facet("Speaker", "speaker", speakers),
    ]
    .into_iter()
    .filter(|f| f.values.len() > 1)
    .collect()
}
