//! From bytes to text: byte-order marks, UTF-16, legacy 8-bit encodings, line endings, and
//! the refusal of binary files.

use crate::{FormatError, Warning, WarningKind};

/// Inputs larger than this are refused rather than read: a transcript of a ten-hour episode
/// is a few megabytes, so anything this size is not one, and reading it would hold it all in
/// memory.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// Decoded text, LF line endings, with what decoding had to repair.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub warnings: Vec<Warning>,
}

/// Known binary signatures, so the user is told what they gave us.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg audio"),
    (b"fLaC", "FLAC audio"),
    (b"RIFF", "RIFF audio or video"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\0", "SQLite database"),
];

/// Decodes an input's bytes into text.
///
/// UTF-8 (with or without a byte-order mark) and UTF-16 (with a mark, or plainly ASCII-range
/// text with zero bytes between) are read as such. Bytes that are not valid UTF-8 are read as
/// Windows-1252, the usual encoding of files exported on Windows, with a warning naming the
/// first line concerned. CRLF and lone CR become LF. Binary files are refused.
pub fn decode(bytes: &[u8]) -> Result<Decoded, FormatError> {
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(FormatError::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_INPUT_BYTES,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FormatError::Empty);
    }
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Err(FormatError::Binary(Some((*kind).to_owned())));
    }
    let mut warnings = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        utf8_or_legacy(rest, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        utf16(rest, false)
    } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        utf16(rest, true)
    } else if let Some(big_endian) = bare_utf16(bytes) {
        utf16(bytes, big_endian)
    } else {
        if memchr::memchr(0, bytes).is_some() {
            return Err(FormatError::Binary(None));
        }
        utf8_or_legacy(bytes, &mut warnings)
    };
    let control = text
        .chars()
        .take(64 * 1024)
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c'))
        .count();
    if control * 20 > text.chars().take(64 * 1024).count() {
        return Err(FormatError::Binary(None));
    }
    let text = normalise_newlines(text);
    if text.trim().is_empty() {
        return Err(FormatError::Empty);
    }
    Ok(Decoded { text, warnings })
}

fn utf8_or_legacy(bytes: &[u8], warnings: &mut Vec<Warning>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(e) => {
            let line = 1 + memchr::memchr_iter(b'\n', &bytes[..e.valid_up_to()]).count();
            warnings.push(Warning::new(
                WarningKind::Encoding,
                Some(line),
                "not valid UTF-8: read as Windows-1252",
            ));
            bytes.iter().map(|&b| windows_1252(b)).collect()
        }
    }
}

/// Windows-1252, which is ISO-8859-1 but for 0x80..=0x9F.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// UTF-16 without a byte-order mark: text whose odd (or even) bytes are nearly all zero.
fn bare_utf16(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_hi = sample.chunks(2).filter(|p| p[1] == 0 && p[0] != 0).count();
    let zero_lo = sample.chunks(2).filter(|p| p[0] == 0 && p[1] != 0).count();
    if zero_hi * 10 >= pairs * 9 {
        Some(false)
    } else if zero_lo * 10 >= pairs * 9 {
        Some(true)
    } else {
        None
    }
}

fn utf16(bytes: &[u8], big_endian: bool) -> String {
    let units = bytes.chunks_exact(2).map(|p| {
        if big_endian {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    });
    char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

fn normalise_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_crlf() {
        let d = decode(b"\xef\xbb\xbfhello\r\nworld\r").unwrap();
        assert_eq!(d.text, "hello\nworld\n");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn reads_utf16_with_and_without_bom() {
        let le: Vec<u8> = "hi there\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let mut with_bom = vec![0xff, 0xfe];
        with_bom.extend(&le);
        assert_eq!(decode(&with_bom).unwrap().text, "hi there\n");
        assert_eq!(decode(&le).unwrap().text, "hi there\n");
        let be: Vec<u8> = "hi there\n"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(decode(&be).unwrap().text, "hi there\n");
    }

    #[test]
    fn legacy_bytes_become_windows_1252_with_a_warning_on_their_line() {
        let d = decode(b"first\ncaf\xe9 \x93quoted\x94\n").unwrap();
        assert_eq!(d.text, "first\ncafé “quoted”\n");
        assert_eq!(d.warnings[0].line, Some(2));
        assert_eq!(d.warnings[0].kind, WarningKind::Encoding);
    }

    #[test]
    fn refuses_binary_and_empty() {
        assert_eq!(decode(b""), Err(FormatError::Empty));
        assert_eq!(decode(b" \n\t\n"), Err(FormatError::Empty));
        assert!(matches!(
            decode(b"%PDF-1.7 ..."),
            Err(FormatError::Binary(Some(_)))
        ));
        assert!(matches!(
            decode(b"abc\0\x01\x02\x03def\0\0"),
            Err(FormatError::Binary(None))
        ));
    }
}
