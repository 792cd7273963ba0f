//! The forecast finder on any text (property tests), and its evaluation set's summary.

use chrono::NaiveDate;
use earshot_extract::forecast::{self, Forecast};
use earshot_extract::forecast_eval;
use proptest::prelude::*;

/// Every range of a forecast lies on character boundaries within the text, and the parts lie
/// within the sentence.
fn check(text: &str, f: &Forecast) -> Result<(), TestCaseError> {
    let inside = |r: &std::ops::Range<usize>| {
        r.start <= r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
    };
    prop_assert!(inside(&f.sentence));
    for r in [Some(&f.claim), f.condition.as_ref(), f.horizon.as_ref()]
        .into_iter()
        .flatten()
    {
        prop_assert!(inside(r));
        prop_assert!(f.sentence.start <= r.start && r.end <= f.sentence.end);
    }
    prop_assert!(!text[f.sentence.clone()].trim_end().ends_with('?'));
    Ok(())
}

/// Words the finder reacts to, for text that reaches its rules.
const WORDS: &str = "(will|won't|'ll|going to|gonna|might|could|may|May|expect|if|unless|\
    by the summer|within the next few weeks|next year|in 2027|on April twelfth|sooner or later|\
    they|we|I|you|Putin|the|says|said|be|held|see|no way|there's|not|have|\\?|\\.|,| )";

proptest! {
    #[test]
    fn ranges_are_valid_on_any_text(text in "\\PC{0,300}") {
        for f in forecast::find(&text, NaiveDate::from_ymd_opt(2026, 2, 8)) {
            check(&text, &f)?;
        }
    }

    #[test]
    fn ranges_are_valid_on_forecast_like_text(parts in prop::collection::vec(WORDS, 0..60)) {
        let text = parts.join(" ");
        for published in [NaiveDate::from_ymd_opt(2026, 2, 8), None, NaiveDate::from_ymd_opt(9999, 12, 31)] {
            for f in forecast::find(&text, published) {
                check(&text, &f)?;
                if published.is_none() {
                    prop_assert!(f.due.is_none());
                }
            }
        }
    }

    #[test]
    fn the_eval_parser_never_panics(text in "(# published: 2026-01-01\n)?(\\PC|\\{\\{|\\}\\}|\\||conf=low|due=|\n){0,200}") {
        let _ = forecast_eval::parse("fuzz", &text);
    }
}

#[test]
fn the_evaluation_set_is_big_enough() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../eval/predictions");
    let docs = forecast_eval::load_dir(&dir).unwrap();
    let s = forecast_eval::score(&docs);
    assert!(s.finder.gold >= 150, "{} gold forecasts", s.finder.gold);
    assert!(
        s.non_forecasts >= 1000,
        "{} other sentences",
        s.non_forecasts
    );
    println!(
        "{} documents, {} gold forecasts, {} other sentences; earshot P {:.3} R {:.3}, baseline P {:.3} R {:.3}",
        s.docs,
        s.finder.gold,
        s.non_forecasts,
        s.finder.precision(),
        s.finder.recall(),
        s.baseline.precision(),
        s.baseline.recall()
    );
}
