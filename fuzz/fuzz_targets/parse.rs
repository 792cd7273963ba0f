//! Detect + parse + text stage on arbitrary bytes: nothing may panic, hang or blow up memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = earshot_formats::decode(data) else { return };
    if let Ok(transcripts) = earshot_formats::parse(&decoded.text, None) {
        for mut t in transcripts {
            earshot_text::finish(&mut t);
        }
    }
    // Every parser, forced, must cope with text in any other layout too.
    for layout in earshot_formats::all_layouts() {
        let _ = layout.parse(&decoded.text);
    }
});
