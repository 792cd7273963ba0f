//! The forecast ledger of an archive: listing forecasts, recording outcomes, and scoring the
//! speakers, shows and entities by how their resolved forecasts turned out.
//!
//! Scoring: a resolved forecast counts 1 when correct, 0.5 when partly correct, 0 when
//! incorrect; void ones are left out. Accuracy is the mean of those. The Brier score is the
//! mean squared difference between the probability the stated confidence stands for (high
//! 0.9, medium 0.7, low 0.4) and the outcome: 0 is perfect, 0.25 is what always saying 50%
//! earns. The calibration table sets each confidence level's stated probability beside how
//! often forecasts made at that level came true.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use earshot_extract::Likelihood;
use earshot_store::{Outcome, PredictionFilter, PredictionRecord, Resolution};
use serde::Serialize;

use crate::{Archive, ArchiveError, Result};

/// What `predictions score --by` groups by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScoreBy {
    Speaker,
    Show,
    Entity,
}

/// The scores of one group (or of everything).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ScoreRow {
    pub group: String,
    /// Forecasts in the group, resolved or not.
    pub forecasts: usize,
    pub correct: usize,
    pub partly: usize,
    pub incorrect: usize,
    pub void: usize,
    /// Unresolved forecasts whose due date has passed.
    pub overdue: usize,
    /// (correct + partly / 2) / scored, where scored leaves out void ones; None when none.
    pub accuracy: Option<f64>,
    pub brier: Option<f64>,
}

/// One line of the calibration table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CalibrationRow {
    pub confidence: &'static str,
    /// The probability the level stands for.
    pub stated: f64,
    /// Resolved (not void) forecasts at that level.
    pub scored: usize,
    /// How often they came true (partly counts half); None when none.
    pub observed: Option<f64>,
}

/// The scores of a set of forecasts: overall, by group, and the calibration table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    pub overall: ScoreRow,
    pub groups: Vec<ScoreRow>,
    pub calibration: Vec<CalibrationRow>,
}

fn outcome_value(o: Outcome) -> Option<f64> {
    match o {
        Outcome::Correct => Some(1.0),
        Outcome::Partly => Some(0.5),
        Outcome::Incorrect => Some(0.0),
        Outcome::Void => None,
    }
}

fn likelihood(p: &PredictionRecord) -> Likelihood {
    Likelihood::parse(&p.confidence).unwrap_or(Likelihood::Medium)
}

/// Sums of one group, turned into a [`ScoreRow`] at the end.
#[derive(Default)]
struct Tally {
    row: ScoreRow,
    value: f64,
    squared_error: f64,
    scored: usize,
}

impl Tally {
    fn add(&mut self, p: &PredictionRecord) {
        self.row.forecasts += 1;
        match p.outcome {
            Some(Outcome::Correct) => self.row.correct += 1,
            Some(Outcome::Partly) => self.row.partly += 1,
            Some(Outcome::Incorrect) => self.row.incorrect += 1,
            Some(Outcome::Void) => self.row.void += 1,
            None => {
                if p.status == earshot_store::Status::Due {
                    self.row.overdue += 1;
                }
            }
        }
        if let Some(v) = p.outcome.and_then(outcome_value) {
            let stated = likelihood(p).probability();
            self.value += v;
            self.squared_error += (stated - v).powi(2);
            self.scored += 1;
        }
    }

    fn finish(mut self, group: String) -> ScoreRow {
        let n = self.scored as f64;
        self.row.group = group;
        self.row.accuracy = (self.scored > 0).then(|| self.value / n);
        self.row.brier = (self.scored > 0).then(|| self.squared_error / n);
        self.row
    }
}

/// Scores forecasts, grouped when `by` is given (a forecast naming two entities counts for
/// both; one with no speaker or entity is grouped under "(unknown)" or "(none)").
pub fn score(predictions: &[PredictionRecord], by: Option<ScoreBy>) -> Scores {
    let mut overall = Tally::default();
    let mut groups: BTreeMap<String, Tally> = BTreeMap::new();
    let mut levels: BTreeMap<Likelihood, (usize, f64)> = BTreeMap::new();
    for p in predictions {
        overall.add(p);
        if let Some(v) = p.outcome.and_then(outcome_value) {
            let e = levels.entry(likelihood(p)).or_default();
            e.0 += 1;
            e.1 += v;
        }
        let names: Vec<String> = match by {
            None => Vec::new(),
            Some(ScoreBy::Speaker) => {
                vec![p.speaker.clone().unwrap_or_else(|| "(unknown)".into())]
            }
            Some(ScoreBy::Show) => vec![p.show.clone()],
            Some(ScoreBy::Entity) if p.entities.is_empty() => vec!["(none)".into()],
            Some(ScoreBy::Entity) => p.entities.iter().map(|e| e.1.clone()).collect(),
        };
        for name in names {
            groups.entry(name).or_default().add(p);
        }
    }
    let mut groups: Vec<ScoreRow> = groups.into_iter().map(|(k, t)| t.finish(k)).collect();
    groups.sort_by(|a, b| b.forecasts.cmp(&a.forecasts).then(a.group.cmp(&b.group)));
    let calibration = [Likelihood::High, Likelihood::Medium, Likelihood::Low]
        .into_iter()
        .map(|l| {
            let (n, v) = levels.get(&l).copied().unwrap_or_default();
            CalibrationRow {
                confidence: l.as_str(),
                stated: l.probability(),
                scored: n,
                observed: (n > 0).then(|| v / n as f64),
            }
        })
        .collect();
    Scores {
        overall: overall.finish("all".into()),
        groups,
        calibration,
    }
}

/// Today's date (UTC), or `EARSHOT_TODAY` when set (for checking the ledger as of a day).
pub fn today() -> String {
    if let Ok(d) = std::env::var("EARSHOT_TODAY") {
        if d.parse::<NaiveDate>().is_ok() {
            return d;
        }
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|e| e.checked_add_days(chrono::Days::new(secs / 86_400)))
        .map(|d| d.to_string())
        .unwrap_or_default()
}

impl Archive {
    /// Forecasts matching a filter. An entity is named as `earshot entity` names it (any
    /// spelling the archive has seen).
    pub fn predictions(
        &self,
        mut filter: PredictionFilter,
        entity: Option<&str>,
    ) -> Result<Vec<PredictionRecord>> {
        if let Some(name) = entity {
            filter.entity = Some(self.entity_named(name)?.id);
        }
        if filter.today.is_empty() {
            filter.today = today();
        }
        Ok(self.catalog.predictions(&filter)?)
    }

    /// How many forecasts are open, due and resolved today.
    pub fn prediction_counts(&self) -> Result<earshot_store::PredictionCounts> {
        Ok(self.catalog.prediction_counts(&today())?)
    }

    /// One forecast.
    pub fn prediction(&self, id: i64) -> Result<PredictionRecord> {
        self.catalog
            .prediction(id, &today())?
            .ok_or_else(|| no_such(id))
    }

    /// Records the outcome of a forecast (replacing any earlier one).
    pub fn resolve_prediction(
        &mut self,
        id: i64,
        resolution: &Resolution,
    ) -> Result<PredictionRecord> {
        self.require_write()?;
        if !self.catalog.resolve_prediction(id, resolution)? {
            return Err(no_such(id));
        }
        self.prediction(id)
    }

    /// Forgets the outcome of a forecast.
    pub fn reopen_prediction(&mut self, id: i64) -> Result<PredictionRecord> {
        self.require_write()?;
        self.catalog.reopen_prediction(id)?;
        self.prediction(id)
    }
}

fn no_such(id: i64) -> ArchiveError {
    ArchiveError::NotFound(format!(
        "no forecast has id {id} (`earshot predictions` lists them)"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use earshot_store::Status;

    fn p(confidence: &str, outcome: Option<Outcome>, speaker: &str) -> PredictionRecord {
        PredictionRecord {
            id: 1,
            key: String::new(),
            episode: 1,
            show: "Night Desk".into(),
            title: None,
            published: None,
            segment: 0,
            start: 0,
            end: 0,
            start_ms: None,
            speaker: Some(speaker.into()),
            text: String::new(),
            claim: String::new(),
            conditional: false,
            condition: None,
            horizon: None,
            due: None,
            confidence: confidence.into(),
            entities: vec![(7, "NATO".into())],
            status: if outcome.is_some() {
                Status::Resolved
            } else {
                Status::Due
            },
            outcome,
            note: None,
            evidence: None,
            resolved_at: None,
        }
    }

    #[test]
    fn accuracy_brier_and_calibration() {
        let set = [
            p("high", Some(Outcome::Correct), "DANA"),
            p("high", Some(Outcome::Incorrect), "DANA"),
            p("low", Some(Outcome::Partly), "MARCUS"),
            p("medium", Some(Outcome::Void), "MARCUS"),
            p("medium", None, "MARCUS"),
        ];
        let s = score(&set, Some(ScoreBy::Speaker));
        assert_eq!(s.overall.forecasts, 5);
        assert_eq!(s.overall.overdue, 1);
        assert_eq!(s.overall.accuracy, Some(0.5));
        // (0.1² + 0.9² + 0.1²) / 3
        let brier = s.overall.brier.unwrap();
        assert!((brier - (0.01 + 0.81 + 0.01) / 3.0).abs() < 1e-9);
        assert_eq!(s.groups[0].group, "MARCUS");
        assert_eq!(s.groups[1].accuracy, Some(0.5));
        let high = &s.calibration[0];
        assert_eq!(
            (high.confidence, high.scored, high.observed),
            ("high", 2, Some(0.5))
        );
        assert_eq!(s.calibration[1].observed, None);
        let by_entity = score(&set, Some(ScoreBy::Entity));
        assert_eq!(by_entity.groups[0].group, "NATO");
    }

    #[test]
    fn today_is_a_date() {
        assert!(today().parse::<NaiveDate>().is_ok());
    }
}
