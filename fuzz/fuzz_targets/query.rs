//! The search query parser on arbitrary text: never a panic, and bounded work.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = earshot_index::parse_query(text);
    }
});
