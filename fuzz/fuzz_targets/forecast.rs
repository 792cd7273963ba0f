//! Fuzzes the forecast finder: any bytes must give forecasts whose ranges lie on character
//! boundaries inside the text and inside their sentence, with or without an episode date.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for published in [chrono::NaiveDate::from_ymd_opt(2026, 2, 8), None] {
        for f in earshot_extract::forecast::find(&text, published) {
            let ok = |r: &std::ops::Range<usize>| {
                r.start <= r.end
                    && r.end <= text.len()
                    && text.is_char_boundary(r.start)
                    && text.is_char_boundary(r.end)
                    && f.sentence.start <= r.start
                    && r.end <= f.sentence.end
            };
            assert!(ok(&f.sentence) && ok(&f.claim));
            assert!(f.condition.as_ref().is_none_or(ok) && f.horizon.as_ref().is_none_or(ok));
        }
    }
});
