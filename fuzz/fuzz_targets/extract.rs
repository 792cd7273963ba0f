//! Fuzzes the recogniser: any bytes, as one or several segments, must extract without a panic
//! and give spans on character boundaries inside their segment.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let segments: Vec<&str> = text.split('\u{1e}').collect();
    let x = earshot_extract::Extractor::builtin();
    for m in x.extract(&segments) {
        let s = segments[m.segment];
        assert!(m.start < m.end && m.end <= s.len());
        assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
    }
});
