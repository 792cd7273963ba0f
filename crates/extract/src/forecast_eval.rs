//! Scoring the forecast finder against an annotated set (`eval/predictions`, whose README
//! documents the format): one file per episode, a `# published: YYYY-MM-DD` header, one
//! speaker turn per line, and each gold forecast sentence wrapped as
//! `{{conf=medium due=2026-03-30 cond | The sentence.}}`.
//!
//! A predicted forecast is correct when its sentence overlaps a gold forecast's sentence on the
//! same line (each gold forecast is matched once). Beside the finder, a naive baseline is
//! scored the same way: every sentence that has "will", "'ll", "won't", "going to" or "gonna"
//! and is not a question.

use std::ops::Range;
use std::path::Path;

use chrono::NaiveDate;

use crate::eval::{ratio, read_txt_files, Counts, EvalError};
use crate::forecast::{self, Forecast, Likelihood};

/// One annotated episode.
#[derive(Debug, Clone, PartialEq)]
pub struct ForecastDoc {
    /// The file name without `.txt`.
    pub name: String,
    pub published: NaiveDate,
    pub lines: Vec<Turn>,
}

/// One line of an episode: a speaker's turn, without its markup.
#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    /// 1-based line in the annotated file.
    pub line: usize,
    pub speaker: Option<String>,
    /// The plain text (label and markup removed).
    pub text: String,
    pub gold: Vec<GoldForecast>,
}

/// A gold forecast: its sentence's byte range in the turn's plain text and its attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldForecast {
    pub span: Range<usize>,
    pub confidence: Likelihood,
    pub due: GoldDue,
    pub conditional: bool,
}

/// What the gold says about a forecast's horizon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoldDue {
    /// The sentence states no horizon.
    Unstated,
    /// An open-ended horizon ("sooner or later").
    Open,
    Date(NaiveDate),
}

/// Parses one annotated episode; errors name the line.
pub fn parse(name: &str, annotated: &str) -> Result<ForecastDoc, EvalError> {
    let err = |line: usize, message: String| EvalError::Syntax {
        name: name.to_string(),
        line,
        message,
    };
    let mut lines = annotated.lines().enumerate();
    let published = lines
        .next()
        .and_then(|(_, l)| l.trim().strip_prefix("# published:"))
        .and_then(|d| d.trim().parse::<NaiveDate>().ok())
        .ok_or_else(|| err(1, "the first line must be `# published: YYYY-MM-DD`".into()))?;
    let mut turns = Vec::new();
    for (i, raw) in lines {
        let line = i + 1;
        let raw = raw.trim();
        if raw.is_empty() || raw.starts_with('#') {
            continue;
        }
        let (speaker, body) = split_label(raw);
        let mut text = String::new();
        let mut gold = Vec::new();
        let mut rest = body;
        while let Some(open) = rest.find("{{") {
            text.push_str(&rest[..open]);
            let after = &rest[open + 2..];
            let close = after
                .find("}}")
                .ok_or_else(|| err(line, "`{{` without `}}`".into()))?;
            let inner = &after[..close];
            if inner.contains("{{") {
                return Err(err(line, "forecasts do not nest".into()));
            }
            let (attrs, sentence) = inner
                .split_once('|')
                .ok_or_else(|| err(line, "a forecast needs `attributes | sentence`".into()))?;
            let sentence = sentence.trim();
            if sentence.is_empty() {
                return Err(err(line, "an empty forecast sentence".into()));
            }
            let mut g = attributes(attrs).map_err(|m| err(line, m))?;
            g.span = text.len()..text.len() + sentence.len();
            text.push_str(sentence);
            gold.push(g);
            rest = &after[close + 2..];
        }
        if rest.contains("}}") {
            return Err(err(line, "`}}` without `{{`".into()));
        }
        text.push_str(rest);
        turns.push(Turn {
            line,
            speaker,
            text,
            gold,
        });
    }
    Ok(ForecastDoc {
        name: name.to_string(),
        published,
        lines: turns,
    })
}

/// `DANA: text` → (Some("DANA"), "text"); a label is upper-case letters, digits, spaces, `_`.
fn split_label(line: &str) -> (Option<String>, &str) {
    if let Some((label, rest)) = line.split_once(':') {
        let is_label = !label.is_empty()
            && label.len() <= 40
            && label.chars().any(|c| c.is_ascii_uppercase())
            && label
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == ' ' || c == '_');
        if is_label {
            return (Some(label.to_string()), rest.trim_start());
        }
    }
    (None, line)
}

fn attributes(attrs: &str) -> Result<GoldForecast, String> {
    let mut g = GoldForecast {
        span: 0..0,
        confidence: Likelihood::Medium,
        due: GoldDue::Unstated,
        conditional: false,
    };
    let mut conf = false;
    for a in attrs.split_whitespace() {
        match a.split_once('=') {
            Some(("conf", v)) => {
                g.confidence = Likelihood::parse(v).ok_or(format!("unknown confidence `{v}`"))?;
                conf = true;
            }
            Some(("due", "none")) => g.due = GoldDue::Open,
            Some(("due", v)) => {
                g.due = GoldDue::Date(v.parse().map_err(|_| format!("bad due date `{v}`"))?)
            }
            None if a == "cond" => g.conditional = true,
            _ => return Err(format!("unknown attribute `{a}`")),
        }
    }
    if conf {
        Ok(g)
    } else {
        Err("a forecast needs `conf=high|medium|low`".into())
    }
}

/// Loads every `*.txt` file of a directory, sorted by name.
pub fn load_dir(path: impl AsRef<Path>) -> Result<Vec<ForecastDoc>, EvalError> {
    read_txt_files(path.as_ref())?
        .iter()
        .map(|(name, text)| parse(name, text))
        .collect()
}

/// Whether a predicted due date is close enough to the gold: within seven days, or within a
/// quarter of the time from the episode's date to the gold date if that is longer.
pub fn due_within_tolerance(
    published: NaiveDate,
    gold: GoldDue,
    predicted: Option<NaiveDate>,
    has_horizon: bool,
) -> bool {
    match (gold, predicted) {
        (GoldDue::Open, None) => has_horizon,
        (GoldDue::Date(g), Some(p)) => {
            let span = (g - published).num_days().abs();
            let tolerance = (span / 4).max(7);
            (p - g).num_days().abs() <= tolerance
        }
        (GoldDue::Unstated, None) => !has_horizon,
        _ => false,
    }
}

/// The naive baseline: a sentence with "will", "'ll", "won't", "going to" or "gonna" that is
/// not a question.
pub fn baseline(sentence: &str) -> bool {
    let s = sentence.trim_end();
    if s.ends_with('?') {
        return false;
    }
    let t = forecast::words::tokens(sentence);
    t.iter().enumerate().any(|(i, x)| {
        x.word == "will" || (x.word == "going" && t.get(i + 1).is_some_and(|n| n.word == "to"))
    })
}

/// The figures of one run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ForecastScores {
    pub docs: usize,
    /// Sentences in the set, and those that are not gold forecasts.
    pub sentences: usize,
    pub non_forecasts: usize,
    pub finder: Counts,
    pub baseline: Counts,
    /// Matched forecasts whose confidence agrees with the gold, of matched.
    pub confidence_agree: usize,
    /// Matched forecasts whose conditional flag agrees with the gold.
    pub conditional_agree: usize,
    /// Matched forecasts whose gold states a horizon, and those whose due date is within
    /// tolerance.
    pub horizon_gold: usize,
    pub due_within: usize,
    /// Every gold forecast that states a horizon (matched or not).
    pub horizon_gold_all: usize,
    /// Confusion of confidence levels on matched forecasts: `[gold][predicted]`, low..high.
    pub confidence_matrix: [[usize; 3]; 3],
    /// Misses and false alarms, for reading: (document, line, sentence).
    pub missed: Vec<(String, usize, String)>,
    pub false_alarms: Vec<(String, usize, String)>,
    /// Matched forecasts whose due date is off: (document, line, gold, predicted, sentence).
    pub due_errors: Vec<(String, usize, String, String, String)>,
}

impl ForecastScores {
    /// Share of matched forecasts that state a horizon whose due date is within tolerance.
    pub fn due_accuracy(&self) -> f64 {
        ratio(self.due_within, self.horizon_gold)
    }

    /// Share of matched forecasts whose confidence agrees.
    pub fn confidence_accuracy(&self) -> f64 {
        ratio(self.confidence_agree, self.finder.correct)
    }

    /// Share of matched forecasts whose conditional flag agrees.
    pub fn conditional_accuracy(&self) -> f64 {
        ratio(self.conditional_agree, self.finder.correct)
    }
}

fn level_index(l: Likelihood) -> usize {
    match l {
        Likelihood::Low => 0,
        Likelihood::Medium => 1,
        Likelihood::High => 2,
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Runs the finder and the baseline over the set and scores both.
pub fn score(docs: &[ForecastDoc]) -> ForecastScores {
    let mut s = ForecastScores {
        docs: docs.len(),
        ..Default::default()
    };
    for doc in docs {
        for turn in &doc.lines {
            let sentences = earshot_text::sentences::split(&turn.text);
            s.sentences += sentences.len();
            s.non_forecasts += sentences
                .iter()
                .filter(|r| !turn.gold.iter().any(|g| overlaps(&g.span, r)))
                .count();
            s.horizon_gold_all += turn
                .gold
                .iter()
                .filter(|g| g.due != GoldDue::Unstated)
                .count();
            let found = forecast::find(&turn.text, Some(doc.published));
            score_turn(&mut s, doc, turn, &found);
            let base: Vec<Range<usize>> = sentences
                .into_iter()
                .filter(|r| baseline(&turn.text[r.clone()]))
                .collect();
            s.baseline.add(match_count(&turn.gold, &base));
        }
    }
    s
}

fn match_count(gold: &[GoldForecast], predicted: &[Range<usize>]) -> Counts {
    let mut used = vec![false; gold.len()];
    let mut correct = 0;
    for p in predicted {
        if let Some(k) = (0..gold.len()).find(|&k| !used[k] && overlaps(&gold[k].span, p)) {
            used[k] = true;
            correct += 1;
        }
    }
    Counts {
        correct,
        predicted: predicted.len(),
        gold: gold.len(),
    }
}

fn score_turn(s: &mut ForecastScores, doc: &ForecastDoc, turn: &Turn, found: &[Forecast]) {
    let mut used = vec![false; turn.gold.len()];
    let text = |r: &Range<usize>| turn.text[r.clone()].to_string();
    for f in found {
        let hit =
            (0..turn.gold.len()).find(|&k| !used[k] && overlaps(&turn.gold[k].span, &f.sentence));
        let Some(k) = hit else {
            s.false_alarms
                .push((doc.name.clone(), turn.line, text(&f.sentence)));
            continue;
        };
        used[k] = true;
        let g = &turn.gold[k];
        s.finder.correct += 1;
        s.confidence_agree += usize::from(g.confidence == f.confidence);
        s.confidence_matrix[level_index(g.confidence)][level_index(f.confidence)] += 1;
        s.conditional_agree += usize::from(g.conditional == f.conditional());
        if g.due != GoldDue::Unstated {
            s.horizon_gold += 1;
            if due_within_tolerance(doc.published, g.due, f.due, f.horizon.is_some()) {
                s.due_within += 1;
            } else {
                let shown = match g.due {
                    GoldDue::Date(d) => d.to_string(),
                    _ => "none".into(),
                };
                let got = match (&f.horizon, f.due) {
                    (_, Some(d)) => {
                        format!("{d} ({})", text(f.horizon.as_ref().unwrap_or(&(0..0))))
                    }
                    (Some(h), None) => format!("open ({})", text(h)),
                    (None, None) => "no horizon".into(),
                };
                s.due_errors
                    .push((doc.name.clone(), turn.line, shown, got, text(&f.sentence)));
            }
        }
    }
    s.finder.predicted += found.len();
    s.finder.gold += turn.gold.len();
    for (k, g) in turn.gold.iter().enumerate() {
        if !used[k] {
            s.missed.push((doc.name.clone(), turn.line, text(&g.span)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "# published: 2026-02-08\n\
        DANA: Welcome back. {{conf=medium due=2026-03-08 | The front will move within the next few weeks.}} Right?\n\
        \n\
        MARCUS: Will it? {{conf=low cond | If the money dries up, Kyiv might fold.}}\n\
        MARCUS: We'll be right back.\n";

    #[test]
    fn parses_speakers_markup_and_attributes() {
        let doc = parse("d", DOC).unwrap();
        assert_eq!(doc.published.to_string(), "2026-02-08");
        assert_eq!(doc.lines.len(), 3);
        let t = &doc.lines[0];
        assert_eq!(t.speaker.as_deref(), Some("DANA"));
        assert_eq!(t.line, 2);
        assert_eq!(
            &t.text[t.gold[0].span.clone()],
            "The front will move within the next few weeks."
        );
        assert_eq!(t.gold[0].due, GoldDue::Date("2026-03-08".parse().unwrap()));
        let g = &doc.lines[1].gold[0];
        assert!(g.conditional);
        assert_eq!(g.confidence, Likelihood::Low);
        assert_eq!(g.due, GoldDue::Unstated);
    }

    #[test]
    fn errors_name_the_line() {
        let bad = "# published: 2026-02-08\nA: ok\nB: {{conf=sure | x.}}\n";
        let e = parse("d", bad).unwrap_err();
        assert_eq!(e.line(), Some(3));
        assert!(parse("d", "no header\n").is_err());
        assert_eq!(
            parse("d", "# published: 2026-01-01\nA: {{conf=low | x.\n")
                .unwrap_err()
                .line(),
            Some(2)
        );
    }

    #[test]
    fn scores_the_finder_and_the_baseline() {
        let doc = parse("d", DOC).unwrap();
        let s = score(&[doc]);
        assert_eq!(s.finder.gold, 2);
        assert_eq!(s.finder.correct, 2);
        assert_eq!(s.finder.predicted, 2);
        // The baseline takes "We'll be right back." too, and misses "might".
        assert_eq!(s.baseline.predicted, 2);
        assert_eq!(s.baseline.correct, 1);
        assert_eq!(s.horizon_gold, 1);
        assert_eq!(s.due_within, 1);
        assert_eq!(s.non_forecasts, 4);
    }

    #[test]
    fn tolerance_grows_with_the_horizon() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let p = d("2026-01-01");
        let far = GoldDue::Date(d("2026-12-31"));
        assert!(due_within_tolerance(p, far, Some(d("2026-10-15")), true));
        assert!(!due_within_tolerance(p, far, Some(d("2026-06-30")), true));
        let near = GoldDue::Date(d("2026-01-15"));
        assert!(due_within_tolerance(p, near, Some(d("2026-01-21")), true));
        assert!(!due_within_tolerance(p, near, Some(d("2026-01-25")), true));
        assert!(due_within_tolerance(p, GoldDue::Open, None, true));
        assert!(!due_within_tolerance(
            p,
            GoldDue::Open,
            Some(d("2026-01-25")),
            true
        ));
    }
}
