//! A feed item's `<podcast:transcript>`: read when it is a local file (a relative path or a
//! `file:` URL), else kept as metadata with a warning. earshot never goes online.

use std::path::{Path, PathBuf};

use earshot_model::{Transcript, WarningKind};

use crate::{read_limited, Options};

/// Fills a feed item's segments from the local transcript file it links to.
pub(crate) fn resolve_transcript(t: &mut Transcript, base_dir: Option<&Path>, opts: &Options) {
    let Some(url) = t.transcript_url.clone() else {
        return;
    };
    let Some(path) = local_path(&url, base_dir) else {
        t.warn(
            WarningKind::Link,
            None,
            format!("transcript {url} is not a local file: metadata only (earshot works offline)"),
        );
        return;
    };
    let linked = read_limited(&path, opts.max_bytes)
        .map_err(|e| e.message)
        .and_then(|bytes| earshot_formats::decode(&bytes).map_err(|e| e.to_string()))
        .and_then(|d| earshot_formats::parse(&d.text, None).map_err(|e| e.to_string()));
    match linked {
        Ok(mut parsed) if !parsed.is_empty() => {
            let inner = parsed.remove(0);
            t.segments = inner.segments;
            t.hints = inner.hints;
            t.chapters = inner.chapters;
            t.language = t.language.take().or(inner.language);
            t.title = t.title.take().or(inner.title);
            t.duration_s = t.duration_s.or(inner.duration_s);
            for mut w in inner.warnings {
                w.message = format!("{}: {}", path.display(), w.message);
                t.warnings.push(w);
            }
            t.warnings.retain(|w| w.kind != WarningKind::Link);
        }
        Ok(_) => t.warn(
            WarningKind::Link,
            None,
            format!("transcript {} holds no transcript", path.display()),
        ),
        Err(e) => t.warn(
            WarningKind::Link,
            None,
            format!("transcript {}: {e}", path.display()),
        ),
    }
}

/// The local path a link names, if it names one.
fn local_path(url: &str, base_dir: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = url.strip_prefix("file://") {
        return Some(PathBuf::from(percent_decode(
            p.strip_prefix("localhost").unwrap_or(p),
        )));
    }
    if url.contains("://") || url.starts_with("//") || url.starts_with("data:") {
        return None;
    }
    let rel = PathBuf::from(percent_decode(url));
    Some(match base_dir {
        Some(dir) if rel.is_relative() => dir.join(rel),
        _ => rel,
    })
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        if let Some(b) = hex {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_links_resolve_and_remote_ones_do_not() {
        let base = Path::new("/feeds");
        assert_eq!(
            local_path("ep1.vtt", Some(base)),
            Some(PathBuf::from("/feeds/ep1.vtt"))
        );
        assert_eq!(
            local_path("file:///data/ep%201.srt", Some(base)),
            Some(PathBuf::from("/data/ep 1.srt"))
        );
        assert_eq!(local_path("https://example.org/ep1.vtt", Some(base)), None);
        assert_eq!(percent_decode("a%2"), "a%2");
    }
}
