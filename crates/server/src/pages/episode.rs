//! `/episodes/{id}`: metadata, the timestamped transcript with speakers, entity mentions
//! linked, forecasts marked and boilerplate dimmed; `#t=SECONDS` deep links, and an audio
//! player that seeks there when the episode has an audio URL.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use earshot_model::{Segment, Timing};
use earshot_store::{EpisodeRecord, PredictionFilter, PredictionRecord};

use super::{date, render, Nav, PageError};
use crate::views::{byte_at, clock, http_url, marked_text, Mark};
use crate::{AppError, AppState};

pub struct SegmentView {
    pub index: usize,
    pub seconds: Option<u64>,
    pub clock: Option<String>,
    pub estimated: bool,
    pub speaker: Option<String>,
    pub boilerplate: bool,
    /// Escaped text with mentions linked and forecasts marked.
    pub html: String,
}

#[derive(Template)]
#[template(path = "episode.html")]
struct EpisodePage {
    nav: Nav,
    title: String,
    show: String,
    date: String,
    duration: Option<String>,
    words: u64,
    source: String,
    audio: Option<String>,
    segments: Vec<SegmentView>,
}

/// What the episode page and the API read for one episode.
pub struct EpisodeData {
    pub episode: EpisodeRecord,
    pub segments: Vec<Segment>,
    pub mentions: Vec<(u32, String, i64)>,
    pub predictions: Vec<PredictionRecord>,
}

/// Reads an episode with its segments, mentions and forecasts; 404 if there is none.
pub async fn load(state: &Arc<AppState>, id: i64) -> Result<EpisodeData, AppError> {
    state
        .read(move |a| {
            let episode = a
                .catalog()
                .episode(id)?
                .ok_or_else(|| AppError::NotFound(format!("no episode {id}")))?;
            Ok(EpisodeData {
                segments: a.catalog().segments(id)?,
                mentions: a.catalog().episode_mentions(id)?,
                predictions: a.predictions(
                    PredictionFilter {
                        episode: Some(id),
                        ..Default::default()
                    },
                    None,
                )?,
                episode,
            })
        })
        .await
}

pub async fn episode(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let data = load(&state, id)
        .await
        .map_err(|e| PageError(e, Nav::new(&state, &headers, "")))?;
    let marks = marks(&data);
    let segments = data
        .segments
        .iter()
        .enumerate()
        .map(|(i, s)| SegmentView {
            index: i,
            seconds: s.start_ms.map(|ms| ms / 1000),
            clock: s.start_ms.map(clock),
            estimated: s.timing == Timing::Estimated,
            speaker: s.speaker.clone(),
            boilerplate: s.boilerplate,
            html: marked_text(&s.text, marks.get(i).map(Vec::as_slice).unwrap_or(&[])),
        })
        .collect();
    let e = data.episode;
    Ok(render(&EpisodePage {
        nav: Nav::new(&state, &headers, ""),
        title: e.title.unwrap_or_else(|| "(untitled)".into()),
        show: e.show,
        date: date(e.published.as_deref()),
        duration: e.duration_s.map(|s| clock(s * 1000)),
        words: e.words,
        source: e.primary_source,
        audio: e
            .audio_url
            .as_deref()
            .and_then(http_url)
            .map(str::to_string),
        segments,
    }))
}

/// Each segment's marks: its mentions, found in order in its text, and its forecasts.
fn marks(data: &EpisodeData) -> Vec<Vec<Mark>> {
    let mut out: Vec<Vec<Mark>> = vec![Vec::new(); data.segments.len()];
    let mut searched_from = vec![0usize; data.segments.len()];
    for (seg, surface, entity) in &data.mentions {
        let i = *seg as usize;
        let Some(text) = data.segments.get(i).map(|s| s.text.as_str()) else {
            continue;
        };
        let from = searched_from[i];
        if let Some(at) = text.get(from..).and_then(|t| t.find(surface.as_str())) {
            let start = from + at;
            out[i].push(Mark::Mention(start..start + surface.len(), *entity));
            searched_from[i] = start + surface.len();
        }
    }
    for p in &data.predictions {
        let i = p.segment as usize;
        if let Some(s) = data.segments.get(i) {
            let range = byte_at(&s.text, p.start as usize)..byte_at(&s.text, p.end as usize);
            let title = match &p.due {
                Some(d) => format!("forecast #{}, {} confidence, due {d}", p.id, p.confidence),
                None => format!("forecast #{}, {} confidence", p.id, p.confidence),
            };
            out[i].push(Mark::Forecast(range, p.id, title));
        }
    }
    out
}
