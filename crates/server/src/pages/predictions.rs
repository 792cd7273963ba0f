//! `/predictions`: the ledger with filters, what falls due in the next 30 days, resolve forms
//! for a logged-in user, and scores with a calibration chart.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use earshot_archive::ledger;
use earshot_store::{Outcome, PredictionFilter, PredictionRecord, Resolution, Status};
use serde::Deserialize;

use super::{date, moment, render, Nav, PageError};
use crate::views::{http_url, parse_day, query_with};
use crate::{auth, svg, AppError, AppState};

/// How many forecasts the page lists.
const PAGE: usize = 100;

/// Which forecasts to list, as the page and the API take them.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LedgerParams {
    /// `open`, `due` (or `overdue`), `resolved`, or `all`.
    #[serde(default)]
    pub status: String,
    /// Only this speaker's forecasts (case-insensitive).
    #[serde(default)]
    pub speaker: String,
    /// Only this show's forecasts (case-insensitive).
    #[serde(default)]
    pub show: String,
    /// Only forecasts that name this entity (its name, or a spelling of it).
    #[serde(default)]
    pub entity: String,
    /// Only forecasts due before this day (YYYY-MM-DD).
    #[serde(default)]
    pub due_before: String,
    /// At most this many.
    pub limit: Option<usize>,
}

impl LedgerParams {
    /// The store's filter, and the entity's name if one is asked for.
    pub fn filter(&self) -> Result<(PredictionFilter, Option<String>), AppError> {
        let text = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let status = match self.status.trim() {
            "" | "all" => None,
            s => Some(Status::parse(s).ok_or_else(|| {
                AppError::BadRequest(format!("status {s:?}: open, due, overdue or resolved"))
            })?),
        };
        let due_before = parse_day(&self.due_before)?.map(|d| d.to_string());
        Ok((
            PredictionFilter {
                status,
                due_before,
                speaker: text(&self.speaker),
                show: text(&self.show),
                ..Default::default()
            },
            text(&self.entity),
        ))
    }
}

pub struct Row {
    pub id: i64,
    pub href: String,
    pub text: String,
    pub claim: String,
    pub status: &'static str,
    pub confidence: String,
    pub condition: Option<String>,
    pub horizon: Option<String>,
    pub due: String,
    pub speaker: String,
    pub show: String,
    pub date: String,
    pub entities: Vec<(i64, String)>,
    pub outcome: Option<&'static str>,
    pub note: Option<String>,
    /// Only an http(s) URL.
    pub evidence: Option<String>,
}

fn row(p: PredictionRecord) -> Row {
    Row {
        id: p.id,
        href: moment(p.episode, p.start_ms),
        status: p.status.as_str(),
        confidence: p.confidence,
        due: p.due.unwrap_or_else(|| "open-ended".into()),
        speaker: p.speaker.unwrap_or_else(|| "unknown speaker".into()),
        date: date(p.published.as_deref()),
        outcome: p.outcome.map(Outcome::as_str),
        evidence: p.evidence.as_deref().and_then(http_url).map(str::to_string),
        text: p.text,
        claim: p.claim,
        condition: p.condition,
        horizon: p.horizon,
        show: p.show,
        entities: p.entities,
        note: p.note,
    }
}

pub struct ScoreView {
    /// In the whole ledger.
    pub open: u64,
    pub due: u64,
    pub resolved: u64,
    pub accuracy: String,
    pub brier: String,
}

#[derive(Template)]
#[template(path = "predictions.html")]
struct LedgerPage {
    nav: Nav,
    statuses: Vec<(&'static str, bool)>,
    speaker: String,
    show: String,
    entity: String,
    error: Option<String>,
    heading: String,
    soon: Vec<Row>,
    rows: Vec<Row>,
    outcomes: Vec<&'static str>,
    scores: ScoreView,
    calibration: String,
}

pub async fn predictions(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(params): Query<LedgerParams>,
) -> Result<Response, PageError> {
    let nav = Nav::new(&state, &headers, "");
    let mut error = None;
    let (filter, entity) = match params.filter() {
        Ok(f) => f,
        Err(e) => {
            error = Some(e.to_string());
            (PredictionFilter::default(), None)
        }
    };
    let today = ledger::today();
    let soon_before = chrono::NaiveDate::parse_from_str(&today, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.checked_add_days(chrono::Days::new(30)))
        .map(|d| d.to_string());
    let found = state
        .read(move |a| {
            // Three small questions rather than the whole ledger: it can hold millions.
            let page = a.predictions(
                PredictionFilter {
                    limit: Some(PAGE),
                    ..filter.clone()
                },
                entity.as_deref(),
            )?;
            let soon = match (&filter.status, soon_before) {
                (None | Some(Status::Open), Some(before)) => a.predictions(
                    PredictionFilter {
                        status: Some(Status::Open),
                        due_before: Some(before),
                        limit: Some(20),
                        ..filter.clone()
                    },
                    entity.as_deref(),
                )?,
                _ => Vec::new(),
            };
            let resolved = a.predictions(
                PredictionFilter {
                    status: Some(Status::Resolved),
                    ..filter
                },
                entity.as_deref(),
            )?;
            Ok((page, soon, resolved, a.prediction_counts()?))
        })
        .await;
    let (page, soon, resolved, counts) = match found {
        Ok(x) => x,
        Err(e @ AppError::BadRequest(_)) => {
            error = Some(e.to_string());
            Default::default()
        }
        Err(e) => return Err(PageError(e, nav)),
    };
    // Only resolved forecasts count towards accuracy, Brier score and calibration.
    let scores = ledger::score(&resolved, None);
    let o = &scores.overall;
    let shown = if page.len() == PAGE {
        format!("the first {PAGE}")
    } else {
        page.len().to_string()
    };
    let heading = match params.status.as_str() {
        "due" | "overdue" => format!("Overdue for a verdict ({shown})"),
        "" | "all" => format!("All forecasts ({shown})"),
        s => format!("{} ({shown})", capitalised(s)),
    };
    let calibration = svg::calibration(
        &scores
            .calibration
            .iter()
            .map(|c| (c.confidence.to_string(), c.stated, c.observed, c.scored))
            .collect::<Vec<_>>(),
    );
    Ok(render(&LedgerPage {
        statuses: ["all", "open", "due", "resolved"]
            .into_iter()
            .map(|s| {
                (
                    s,
                    s == params.status || s == "all" && params.status.is_empty(),
                )
            })
            .collect(),
        speaker: params.speaker.clone(),
        show: params.show.clone(),
        entity: params.entity.clone(),
        error,
        heading,
        soon: soon.into_iter().map(row).collect(),
        rows: page.into_iter().map(row).collect(),
        outcomes: Outcome::ALL.iter().map(|o| o.as_str()).collect(),
        scores: ScoreView {
            open: counts.open,
            due: counts.due,
            resolved: counts.resolved,
            accuracy: o
                .accuracy
                .map(|a| format!("{:.0}%", a * 100.0))
                .unwrap_or("-".into()),
            brier: o.brier.map(|b| format!("{b:.3}")).unwrap_or("-".into()),
        },
        calibration,
        nav,
    }))
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The resolve form's fields.
#[derive(Debug, Deserialize)]
pub struct ResolveForm {
    #[serde(default)]
    pub csrf: String,
    pub outcome: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub evidence: String,
}

/// Checks an outcome, note and evidence URL and makes the resolution to record.
pub fn resolution(outcome: &str, note: &str, evidence: &str) -> Result<Resolution, AppError> {
    let outcome = Outcome::parse(outcome.trim()).ok_or_else(|| {
        AppError::BadRequest(format!(
            "outcome {outcome:?}: correct, incorrect, partly or void"
        ))
    })?;
    let evidence = evidence.trim();
    if !evidence.is_empty() && http_url(evidence).is_none() {
        return Err(AppError::BadRequest(
            "evidence must be an http(s) URL".into(),
        ));
    }
    let text = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(Resolution {
        outcome,
        note: text(note),
        evidence: text(evidence),
        resolved_at: ledger::today(),
    })
}

/// `POST /predictions/{id}/resolve` from the page's form: a logged-in session and its CSRF
/// token; back to the ledger at that forecast.
pub async fn resolve(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Form(form): Form<ResolveForm>,
) -> Result<Response, PageError> {
    let fail = |e| PageError(e, Nav::new(&state, &headers, ""));
    auth::require_session(&state, &headers, &form.csrf).map_err(fail)?;
    let r = resolution(&form.outcome, &form.note, &form.evidence).map_err(fail)?;
    state
        .write(move |_, a| Ok(a.resolve_prediction(id, &r)?))
        .await
        .map_err(fail)?;
    let back = format!("/predictions{}#p{id}", query_with(&[("status", "all")]));
    Ok(Redirect::to(&back).into_response())
}
