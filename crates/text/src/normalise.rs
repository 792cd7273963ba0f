//! Clean text: NFC, entities, white space, re-joined wraps, glued words.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Normalises one segment's text: HTML entities decoded, Unicode NFC, invisible characters
/// removed, hard-wrapped lines re-joined with a space, runs of white space collapsed. With
/// `glued`, words that lost the space at a lost wrap ("theeditor") are split again.
pub fn normalise(text: &str, glued: bool) -> String {
    if !glued && is_clean_ascii(text) {
        return text.to_owned();
    }
    rebuild(text, glued, true)
}

/// [`normalise`] in place, which costs nothing for text that is already normal. Character
/// references are decoded unless `references_decoded` says the layout's parser did it.
pub fn normalise_in_place(text: &mut String, glued: bool, references_decoded: bool) {
    if glued || !is_clean_ascii(text) {
        *text = rebuild(text, glued, !references_decoded);
    }
}

fn rebuild(text: &str, glued: bool, decode: bool) -> String {
    let text = if decode {
        decode_entities(text)
    } else {
        Cow::Borrowed(text)
    };
    let text: Cow<str> = match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text,
        _ => Cow::Owned(text.nfc().collect()),
    };
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| c.is_whitespace() || is_invisible(c))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        match glued.then(|| crate::words::split_glued(word)).flatten() {
            Some((left, right)) => {
                out.push_str(left);
                out.push(' ');
                out.push_str(right);
            }
            None => out.push_str(word),
        }
    }
    out
}

/// Printable ASCII with single spaces, no entity and nothing to trim: already normal, which is
/// what most segments of most layouts are, so they skip the word-by-word rebuild.
fn is_clean_ascii(text: &str) -> bool {
    let b = text.as_bytes();
    !b.is_empty()
        && b[0] != b' '
        && b[b.len() - 1] != b' '
        && b.iter().all(|&c| (b' '..=b'~').contains(&c) && c != b'&')
        && !text.contains("  ")
}

/// Zero-width and formatting characters that copy-and-paste leaves in web text, and control
/// characters, which no transcript means and which would reach users' terminals.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}'
        )
}

/// Decodes HTML character references (`&amp;`, `&#39;`, `&#x2019;`, and the named ones that
/// transcript pages use). Unknown or malformed references are left as they are.
pub fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '#')
            .map(|i| i + 1);
        let decoded = end
            .filter(|&e| rest[e..].starts_with(';') && e > 1)
            .and_then(|e| entity(&rest[1..e]).map(|c| (c, e + 1)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "eacute" => 'é',
        "copy" => '©',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejoins_wraps_and_collapses_space() {
        assert_eq!(
            normalise(
                "the talks went on until the early\nhours,   which\u{200b} nobody",
                false
            ),
            "the talks went on until the early hours, which nobody"
        );
    }

    #[test]
    fn decodes_entities_and_leaves_strays() {
        assert_eq!(
            decode_entities("Q&amp;A &#39;now&#39; &#x2019; &bogus; AT&T &"),
            "Q&A 'now' ’ &bogus; AT&T &"
        );
    }

    #[test]
    fn drops_control_characters() {
        assert_eq!(normalise("red\u{1b}[31mtext\u{7}", false), "red [31mtext");
    }

    #[test]
    fn composes_to_nfc() {
        assert_eq!(
            normalise("Zelenskyy in Kyi\u{0308}v", false),
            "Zelenskyy in Kyïv"
        );
    }

    #[test]
    fn splits_glued_words_only_when_asked() {
        assert_eq!(
            normalise("I spoke to theeditor today", true),
            "I spoke to the editor today"
        );
        assert_eq!(
            normalise("I spoke to theeditor today", false),
            "I spoke to theeditor today"
        );
        assert_eq!(
            normalise("Whitkoff met Umarov", true),
            "Whitkoff met Umarov"
        );
    }
}
