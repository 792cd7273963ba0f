//! Podcasting 2.0 HTML transcripts: `<cite>Speaker:</cite>` (in force until the next one),
//! `<time>00:01:05</time>` (the start of the next paragraph) and `<p>text</p>`, usually inside
//! a small `<html><head><title>` page.
//!
//! HTML is not XML (unclosed `<p>`, `<br>`, bare `&`), so this is read with a small tolerant
//! tag scanner rather than an XML parser.

use super::set_ends;
use super::sniff_window;
use crate::{stamps, FormatError, Layout, Segment, Transcript, WarningKind};

/// See the module documentation.
pub struct Podcasting20Html;

impl Layout for Podcasting20Html {
    fn id(&self) -> &'static str {
        "podcasting20-html"
    }

    fn describe(&self) -> &'static str {
        "Podcasting 2.0 HTML: <cite> speaker, <time> stamp, <p> text"
    }

    fn sniff(&self, text: &str) -> f32 {
        let w = sniff_window(text).as_bytes();
        // A feed may carry HTML with <cite> in its show notes; it is still a feed.
        if ["rss", "feed", "channel"].iter().any(|t| has_tag(w, t)) {
            return 0.0;
        }
        match (has_tag(w, "cite"), has_tag(w, "time"), has_tag(w, "p")) {
            (true, true, _) => 0.97,
            (true, false, true) => 0.85,
            _ => 0.0,
        }
    }

    fn parse(&self, text: &str) -> Result<Vec<Transcript>, FormatError> {
        let mut b = Builder::new(self.id(), text);
        let mut lex = Lexer { s: text, pos: 0 };
        while let Some((at, tok)) = lex.next_token() {
            match tok {
                Tok::Text(raw) => b.text(raw, at),
                Tok::Start(name) => {
                    let tag = Tag::of(name);
                    b.tag_start(tag, at);
                    if tag == Tag::RawText {
                        lex.skip_raw(name);
                    }
                }
                Tok::End(name) => b.tag_end(Tag::of(name)),
                Tok::Skip => {}
            }
        }
        Ok(vec![b.finish()])
    }
}

// ---------------------------------------------------------------------------------------
// Scanning.

/// True when `<name` opens a tag somewhere in `w` (ASCII case ignored).
fn has_tag(w: &[u8], name: &str) -> bool {
    memchr::memchr_iter(b'<', w).any(|i| tag_name_at(w, i + 1, name))
}

/// True when `w[at..]` starts with `name` (ASCII case ignored) followed by a tag delimiter.
fn tag_name_at(w: &[u8], at: usize, name: &str) -> bool {
    let end = at + name.len();
    w.get(at..end)
        .is_some_and(|s| s.eq_ignore_ascii_case(name.as_bytes()))
        && matches!(w.get(end), Some(b'>' | b' ' | b'\t' | b'\n' | b'/') | None)
}

#[derive(Debug, PartialEq)]
enum Tok<'a> {
    Text(&'a str),
    Start(&'a str),
    End(&'a str),
    /// A comment, doctype or processing instruction.
    Skip,
}

struct Lexer<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Lexer<'a> {
    /// The next token and the byte offset it starts at.
    fn next_token(&mut self) -> Option<(usize, Tok<'a>)> {
        let b = self.s.as_bytes();
        let at = self.pos;
        if at >= b.len() {
            return None;
        }
        if !is_markup(b, at) {
            let mut end = at + 1;
            while let Some(i) = memchr::memchr(b'<', &b[end..]) {
                if is_markup(b, end + i) {
                    end += i;
                    self.pos = end;
                    return Some((at, Tok::Text(&self.s[at..end])));
                }
                end += i + 1;
            }
            self.pos = b.len();
            return Some((at, Tok::Text(&self.s[at..])));
        }
        let tok = match b.get(at + 1) {
            Some(b'!') if b[at..].starts_with(b"<!--") => {
                self.pos = find(b, at + 4, b"-->").map_or_else(|| close_of(b, at), |i| i + 3);
                Tok::Skip
            }
            Some(b'!' | b'?') => {
                self.pos = close_of(b, at);
                Tok::Skip
            }
            Some(b'/') => {
                let name = self.name(at + 2);
                self.pos = close_of(b, at);
                Tok::End(name)
            }
            _ => {
                let name = self.name(at + 1);
                self.pos = tag_end(b, at + 1 + name.len());
                Tok::Start(name)
            }
        };
        Some((at, tok))
    }

    /// The tag name starting at `from`: letters, digits, '-', ':'.
    fn name(&self, from: usize) -> &'a str {
        let b = self.s.as_bytes();
        let n = b[from.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b':'))
            .count();
        &self.s[from.min(b.len())..from.min(b.len()) + n]
    }

    /// Skips the content of a raw-text element (`<script>`, `<style>`) up to its end tag.
    fn skip_raw(&mut self, name: &str) {
        let b = self.s.as_bytes();
        let from = self.pos;
        let end = memchr::memmem::find_iter(&b[from..], b"</")
            .map(|i| from + i)
            .find(|&i| tag_name_at(b, i + 2, name));
        self.pos = end.unwrap_or(b.len());
    }
}

/// True when the `<` at `at` opens markup rather than being a literal "<" in text.
fn is_markup(b: &[u8], at: usize) -> bool {
    b.get(at) == Some(&b'<')
        && match b.get(at + 1) {
            Some(b'!' | b'?') => true,
            Some(b'/') => b.get(at + 2).is_some_and(u8::is_ascii_alphabetic),
            Some(c) => c.is_ascii_alphabetic(),
            None => false,
        }
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(b.get(from..)?, needle).map(|i| from + i)
}

/// Just past the first '>' after `at`, or the end of input.
fn close_of(b: &[u8], at: usize) -> usize {
    memchr::memchr(b'>', &b[at..]).map_or(b.len(), |i| at + i + 1)
}

/// Just past the '>' ending a start tag whose attributes begin at `from`; a '>' inside a quoted
/// value does not end it, unless the quote is never closed.
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < b.len() {
        match b[i] {
            b'>' => return i + 1,
            q @ (b'"' | b'\'') => match memchr::memchr(q, &b[i + 1..]) {
                Some(j) => i += j + 2,
                None => return close_of(b, from),
            },
            _ => i += 1,
        }
    }
    b.len()
}

/// What a tag means here; everything else (`<b>`, `<span>`, `<a>`) is stripped unseen.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tag {
    P,
    Cite,
    Time,
    Br,
    Title,
    Head,
    /// Found in a head: `<meta>`, `<link>`, `<base>`.
    HeadOnly,
    /// Elements whose content is never text (`<script>`, `<style>`): skipped unread.
    RawText,
    /// Elements that break the flow of text: they close an unclosed `<p>`.
    Block,
    Inline,
}

impl Tag {
    fn of(name: &str) -> Tag {
        let mut buf = [0u8; 12];
        let Some(lower) = buf.get_mut(..name.len()) else {
            return Tag::Inline;
        };
        lower.copy_from_slice(name.as_bytes());
        lower.make_ascii_lowercase();
        match &*lower {
            b"p" => Tag::P,
            b"cite" => Tag::Cite,
            b"time" => Tag::Time,
            b"br" => Tag::Br,
            b"title" => Tag::Title,
            b"head" => Tag::Head,
            b"meta" | b"link" | b"base" => Tag::HeadOnly,
            b"script" | b"style" | b"template" | b"noscript" => Tag::RawText,
            b"body" | b"html" | b"div" | b"section" | b"article" | b"main" | b"header"
            | b"footer" | b"nav" | b"aside" | b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6"
            | b"ul" | b"ol" | b"li" | b"dl" | b"dt" | b"dd" | b"table" | b"tr" | b"td" | b"th"
            | b"blockquote" | b"pre" | b"hr" | b"figure" | b"form" => Tag::Block,
            _ => Tag::Inline,
        }
    }
}

/// Line numbers for increasing byte offsets, counted incrementally.
#[derive(Default)]
pub(super) struct LineCounter {
    pos: usize,
    line: usize,
}

impl LineCounter {
    /// The 1-based line of byte `at`; cheap when offsets mostly increase between calls.
    pub(super) fn line_at(&mut self, s: &str, at: usize) -> usize {
        let at = at.min(s.len());
        let b = s.as_bytes();
        if at >= self.pos {
            self.line += memchr::memchr_iter(b'\n', &b[self.pos..at]).count();
        } else {
            self.line -= memchr::memchr_iter(b'\n', &b[at..self.pos]).count();
        }
        self.pos = at;
        self.line + 1
    }
}

// ---------------------------------------------------------------------------------------
// Text: entities and white space.

/// Appends HTML text to `buf`, decoding entities and collapsing white space as a browser does.
fn push_text(buf: &mut String, raw: &str) {
    let b = raw.as_bytes();
    let (mut i, mut run) = (0, 0);
    while i < b.len() {
        match b[i] {
            // A single space after a word is kept as it is, in the run.
            b' ' if i > run && b[i - 1] != b' ' => {
                i += 1;
                continue;
            }
            b' ' | b'\n' | b'\t' | b'\r' | 0x0c => {
                buf.push_str(&raw[run..i]);
                push_space(buf);
                i += 1;
            }
            b'&' => {
                buf.push_str(&raw[run..i]);
                match entity(&raw[i..]) {
                    Some((c, n)) => {
                        if c == '\u{a0}' {
                            push_space(buf);
                        } else {
                            buf.push(c);
                        }
                        i += n;
                    }
                    None => {
                        buf.push('&');
                        i += 1;
                    }
                }
            }
            _ => {
                i += 1;
                continue;
            }
        }
        run = i;
    }
    buf.push_str(&raw[run..]);
}

fn push_space(buf: &mut String) {
    if !buf.is_empty() && !buf.ends_with([' ', '\n']) {
        buf.push(' ');
    }
}

/// A `<br>`: a new line within the paragraph.
fn push_break(buf: &mut String) {
    let kept = buf.trim_end_matches(' ').len();
    buf.truncate(kept);
    if !buf.is_empty() {
        buf.push('\n');
    }
}

/// Trims each line and drops empty ones.
fn finish_text(mut buf: String) -> String {
    // The usual paragraph is one line already collapsed by push_text: keep the buffer.
    if !buf.contains('\n') {
        let end = buf.trim_end().len();
        buf.truncate(end);
        let lead = buf.len() - buf.trim_start().len();
        buf.drain(..lead);
        return buf;
    }
    let mut out = String::with_capacity(buf.len());
    for line in buf.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

/// The character an entity at the start of `s` stands for, and the bytes it takes.
pub(super) fn entity(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    let semi = memchr::memchr(b';', &b[..b.len().min(34)])?;
    let name = &s[1..semi];
    let c = if let Some(num) = name.strip_prefix('#') {
        let (digits, radix) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16),
            None => (num, 10),
        };
        // from_str_radix would take a sign ("&#+5;"), which is no entity.
        if !digits.bytes().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let code = u32::from_str_radix(digits, radix).ok()?;
        char::from_u32(code)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{fffd}')
    } else {
        named_entity(name)?
    };
    Some((c, semi + 1))
}

/// The common named entities; others are left as written.
pub(super) fn named_entity(name: &str) -> Option<char> {
    let punct = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "sect" => '§',
        "para" => '¶',
        "middot" => '·',
        "bull" => '•',
        "times" => '×',
        "divide" => '÷',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "iexcl" => '¡',
        "iquest" => '¿',
        "szlig" => 'ß',
        "shy" => '\u{ad}',
        _ => return accented(name),
    };
    Some(punct)
}

/// Latin letters with a diacritic, named as HTML does: the letter then the mark
/// (`eacute`, `Oslash`, `ccedil`).
fn accented(name: &str) -> Option<char> {
    const MARKS: [(&str, &str, &str); 8] = [
        ("grave", "AEIOU", "ÀÈÌÒÙàèìòù"),
        ("acute", "AEIOUY", "ÁÉÍÓÚÝáéíóúý"),
        ("circ", "AEIOU", "ÂÊÎÔÛâêîôû"),
        ("tilde", "ANO", "ÃÑÕãñõ"),
        ("uml", "AEIOUY", "ÄËÏÖÜŸäëïöüÿ"),
        ("ring", "A", "Åå"),
        ("slash", "O", "Øø"),
        ("cedil", "C", "Çç"),
    ];
    let letter = name.chars().next()?;
    let mark = &name[letter.len_utf8()..];
    if let Some(c) = match name {
        "AElig" => Some('Æ'),
        "aelig" => Some('æ'),
        "ETH" => Some('Ð'),
        "eth" => Some('ð'),
        "THORN" => Some('Þ'),
        "thorn" => Some('þ'),
        _ => None,
    } {
        return Some(c);
    }
    let (_, letters, chars) = MARKS.iter().find(|(m, _, _)| *m == mark)?;
    let i = letters.find(letter.to_ascii_uppercase())?;
    let n = letters.len();
    let pick = if letter.is_ascii_uppercase() {
        i
    } else {
        n + i
    };
    chars.chars().nth(pick)
}

// ---------------------------------------------------------------------------------------
// Building the transcript.

/// Text gathered for an element that is not speech.
#[derive(Clone, Copy, PartialEq)]
enum Capture {
    Title,
    Cite,
    Time,
}

/// A paragraph (or a stretch of text outside any paragraph) being gathered.
struct Para {
    start: Option<u64>,
    speaker: Option<String>,
    line: usize,
    text: String,
}

impl Para {
    /// [`push_text`] never starts a buffer with white space, so empty means empty.
    fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

struct Builder<'s> {
    src: &'s str,
    lines: LineCounter,
    t: Transcript,
    speaker: Option<String>,
    pending_start: Option<u64>,
    para: Option<Para>,
    loose: Option<Para>,
    /// The element being captured and the line it opens on; its text is in `cap_buf`, kept
    /// between captures to spare an allocation per `<cite>` and `<time>`.
    capture: Option<(Capture, usize)>,
    cap_buf: String,
    in_head: bool,
    last_start: Option<u64>,
}

impl<'s> Builder<'s> {
    fn new(id: &str, src: &'s str) -> Self {
        Builder {
            src,
            lines: LineCounter::default(),
            t: Transcript {
                hints: earshot_model::Hints {
                    references_decoded: true,
                    ..Default::default()
                },
                ..Transcript::new(id)
            },
            speaker: None,
            pending_start: None,
            para: None,
            loose: None,
            capture: None,
            cap_buf: String::new(),
            in_head: false,
            last_start: None,
        }
    }

    /// The line of byte `at`; only asked where a line is recorded, as counting costs.
    fn line(&mut self, at: usize) -> usize {
        self.lines.line_at(self.src, at)
    }

    fn text(&mut self, raw: &str, at: usize) {
        if self.capture.is_some() {
            push_text(&mut self.cap_buf, raw);
        } else if let Some(p) = self.para.as_mut() {
            push_text(&mut p.text, raw);
        } else if !self.in_head && !raw.trim().is_empty() {
            if self.loose.is_none() {
                let lead = raw.len() - raw.trim_start().len();
                let line = self.line(at + lead);
                self.loose = Some(Para {
                    start: None,
                    speaker: None,
                    line,
                    text: String::new(),
                });
            }
            if let Some(loose) = self.loose.as_mut() {
                push_text(&mut loose.text, raw);
            }
        }
    }

    fn tag_start(&mut self, tag: Tag, at: usize) {
        match tag {
            Tag::Br => self.line_break(),
            Tag::Head => self.in_head = true,
            // A page without </head> or <body> still has its text read: anything that
            // cannot be in a head ends it.
            Tag::Inline => self.in_head = false,
            Tag::HeadOnly | Tag::RawText => {}
            Tag::Title => {
                self.end_capture();
                let line = self.line(at);
                self.capture = Some((Capture::Title, line));
            }
            Tag::Cite | Tag::Time => {
                self.in_head = false;
                self.end_capture();
                if self.para.as_ref().is_some_and(|p| !p.is_empty()) {
                    self.close_para();
                }
                self.flush_loose();
                let kind = if tag == Tag::Cite {
                    Capture::Cite
                } else {
                    Capture::Time
                };
                let line = self.line(at);
                self.capture = Some((kind, line));
            }
            Tag::P => {
                self.in_head = false;
                self.end_capture();
                self.close_para();
                self.flush_loose();
                let line = self.line(at);
                self.para = Some(Para {
                    start: self.pending_start.take(),
                    speaker: self.speaker.clone(),
                    line,
                    text: String::new(),
                });
            }
            Tag::Block => {
                self.in_head = false;
                self.end_capture();
                self.close_para();
                self.flush_loose();
            }
        }
    }

    fn line_break(&mut self) {
        if self.capture.is_some() {
            push_space(&mut self.cap_buf);
        } else if let Some(p) = self.para.as_mut().or(self.loose.as_mut()) {
            push_break(&mut p.text);
        }
    }

    fn tag_end(&mut self, tag: Tag) {
        let closes = |c: Capture| match c {
            Capture::Title => tag == Tag::Title,
            Capture::Cite => tag == Tag::Cite,
            Capture::Time => tag == Tag::Time,
        };
        if self.capture.is_some_and(|(c, _)| closes(c)) {
            self.end_capture();
        } else if tag == Tag::Head {
            self.end_capture();
            self.in_head = false;
        } else if matches!(tag, Tag::P | Tag::Block) {
            self.end_capture();
            self.close_para();
            self.flush_loose();
        }
    }

    /// Ends the element being captured, explicitly closed or not.
    fn end_capture(&mut self) {
        let Some((kind, line)) = self.capture.take() else {
            return;
        };
        // push_text collapsed the white space and a <br> here became a space.
        let buf = std::mem::take(&mut self.cap_buf);
        let text = buf.trim();
        match kind {
            Capture::Title => {
                if self.t.title.is_none() && !text.is_empty() {
                    self.t.title = Some(text.to_owned());
                }
            }
            Capture::Cite => {
                let label = text.trim_end_matches(':').trim_end();
                if self.speaker.as_deref() != Some(label) {
                    self.speaker = (!label.is_empty()).then(|| label.to_owned());
                }
                if let Some(p) = self.para.as_mut().filter(|p| p.is_empty()) {
                    p.speaker.clone_from(&self.speaker);
                }
            }
            Capture::Time => self.set_time(text, line),
        }
        self.cap_buf = buf;
        self.cap_buf.clear();
    }

    fn set_time(&mut self, text: &str, line: usize) {
        let stamp = text.trim_matches(|c: char| c.is_whitespace() || "[]()".contains(c));
        let Some(ms) = stamps::parse_clock(stamp) else {
            self.t.warn(
                WarningKind::Timestamp,
                Some(line),
                format!("unreadable <time> {text:?}: the next paragraph is kept untimed"),
            );
            self.pending_start = None;
            return;
        };
        match self.para.as_mut().filter(|p| p.is_empty()) {
            Some(p) => p.start = Some(ms),
            None => self.pending_start = Some(ms),
        }
    }

    fn close_para(&mut self) {
        let Some(p) = self.para.take() else { return };
        let text = finish_text(p.text);
        if text.is_empty() {
            return;
        }
        let seg = match p.start {
            Some(ms) => {
                if self.last_start.is_some_and(|last| ms < last) {
                    self.t.warn(
                        WarningKind::Timestamp,
                        Some(p.line),
                        "this paragraph starts before the one before it: time kept as given",
                    );
                }
                self.last_start = Some(ms);
                Segment::timed(ms, None, text)
            }
            None => Segment::text(text),
        };
        self.t
            .segments
            .push(seg.with_speaker(p.speaker).at_line(p.line));
    }

    /// Keeps text met outside any paragraph, flagged.
    fn flush_loose(&mut self) {
        let Some(p) = self.loose.take() else { return };
        let text = finish_text(p.text);
        if text.is_empty() {
            return;
        }
        let head: String = text.chars().take(40).collect();
        self.t.warn(
            WarningKind::Unplaced,
            Some(p.line),
            format!("text outside any <p> kept as is: {head:?}"),
        );
        self.t.segments.push(Segment::text(text).at_line(p.line));
    }

    fn finish(mut self) -> Transcript {
        self.end_capture();
        self.close_para();
        self.flush_loose();
        set_ends(&mut self.t.segments);
        self.t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const PAGE: &str = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>The Long Wire &#8211; Episode 41: Salt &amp; Steel</title>\n<style>p { color: red; } cite { x: \"<p>\" }</style>\n<script>var s = \"<p>not speech</p>\";</script>\n</head>\n<body>\n<cite>Maria Okafor:</cite>\n<time>00:00:00</time>\n<p>Good evening &amp; welcome.<br>It&#39;s the &quot;Long Wire&quot;,&nbsp;live.</p>\n<time>00:00:07</time>\n<p class=\"turn\">The port of <b>Con</b>stan&#x21B;a is <em>busy</em>\n  again.</p>\n<cite>Tomas:</cite>\n<time>0:15</time>\n<p>Busy is one word for it.\n<cite>Maria Okafor:</cite>\n<time>00:00:21</time>\n<p>Fair.</p>\nStray words after the last paragraph.\n</body>\n</html>\n";

    fn texts(t: &Transcript) -> Vec<&str> {
        t.segments.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn reads_title_speakers_times_and_text() {
        let t = Podcasting20Html.parse(PAGE).unwrap().remove(0);
        assert_eq!(
            t.title.as_deref(),
            Some("The Long Wire – Episode 41: Salt & Steel")
        );
        assert_eq!(
            texts(&t),
            vec![
                "Good evening & welcome.\nIt's the \"Long Wire\", live.",
                "The port of Constanța is busy again.",
                "Busy is one word for it.",
                "Fair.",
                "Stray words after the last paragraph.",
            ]
        );
        let speakers: Vec<_> = t.segments.iter().map(|s| s.speaker.as_deref()).collect();
        assert_eq!(
            speakers,
            vec![
                Some("Maria Okafor"),
                Some("Maria Okafor"),
                Some("Tomas"),
                Some("Maria Okafor"),
                None
            ]
        );
        let times: Vec<_> = t.segments.iter().map(|s| (s.start_ms, s.end_ms)).collect();
        assert_eq!(
            times,
            vec![
                (Some(0), Some(7000)),
                (Some(7000), Some(15000)),
                (Some(15000), Some(21000)),
                (Some(21000), None),
                (None, None)
            ]
        );
        assert_eq!(t.segments[0].line, Some(12));
        let unplaced: Vec<_> = t
            .warnings
            .iter()
            .filter(|w| w.kind == WarningKind::Unplaced)
            .collect();
        assert_eq!(unplaced.len(), 1);
        assert_eq!(unplaced[0].line, Some(22));
        assert!(!t.segments.iter().any(|s| s.text.contains("not speech")));
    }

    #[test]
    fn tolerates_a_bare_fragment_and_odd_markup() {
        let frag = "<cite>A:</cite><time>[00:01]</time><p>x < y && z <3 &bogus; &#0; end\n<p><cite>B</cite><time>00:02</time>Inside-led paragraph.</p><!-- note <p>hidden</p> --><p>\"Unclosed attr <p title='a>b'>kept</p>";
        let t = Podcasting20Html.parse(frag).unwrap().remove(0);
        assert_eq!(
            texts(&t),
            vec![
                "x < y && z <3 &bogus; \u{fffd} end",
                "Inside-led paragraph.",
                "\"Unclosed attr",
                "kept"
            ]
        );
        assert_eq!(t.segments[0].start_ms, Some(1000));
        assert_eq!(t.segments[1].speaker.as_deref(), Some("B"));
        assert_eq!(t.segments[1].start_ms, Some(2000));
        assert_eq!(t.segments[2].start_ms, None);
    }

    #[test]
    fn warns_on_bad_and_backwards_times() {
        let doc = "<cite>A:</cite>\n<time>00:00:09</time>\n<p>one</p>\n<time>soon</time>\n<p>two</p>\n<time>00:00:03</time>\n<p>three</p>\n";
        let t = Podcasting20Html.parse(doc).unwrap().remove(0);
        assert_eq!(texts(&t), vec!["one", "two", "three"]);
        assert_eq!(t.segments[1].start_ms, None);
        assert_eq!(t.segments[2].start_ms, Some(3000));
        let lines: Vec<_> = t
            .warnings
            .iter()
            .filter(|w| w.kind == WarningKind::Timestamp)
            .map(|w| w.line)
            .collect();
        assert_eq!(lines, vec![Some(4), Some(7)]);
    }

    #[test]
    fn sniffs_transcripts_not_feeds() {
        assert!(Podcasting20Html.sniff(PAGE) > 0.9);
        assert_eq!(Podcasting20Html.sniff("<p>Just a page</p>"), 0.0);
        assert_eq!(
            Podcasting20Html.sniff("<rss><channel><description><![CDATA[<cite>A</cite><time>0:00</time>]]></description></channel></rss>"),
            0.0
        );
        assert_eq!(Podcasting20Html.sniff("<citation> <timer>"), 0.0);
    }

    #[test]
    fn counts_lines_both_ways() {
        let s = "a\nb\nc\nd";
        let mut l = LineCounter::default();
        assert_eq!(l.line_at(s, 4), 3);
        assert_eq!(l.line_at(s, 1), 1);
        assert_eq!(l.line_at(s, 2), 2);
        assert_eq!(l.line_at(s, 99), 4);
    }

    #[test]
    fn decodes_entities() {
        assert_eq!(entity("&amp; x"), Some(('&', 5)));
        assert_eq!(entity("&#39;"), Some(('\'', 5)));
        assert_eq!(entity("&#x27;"), Some(('\'', 6)));
        assert_eq!(entity("&#xZZ;"), None);
        assert_eq!(entity("&#-1;"), None);
        assert_eq!(entity("&nope;"), None);
        assert_eq!(entity("& then;"), None);
        assert_eq!(entity("&oslash;"), Some(('ø', 8)));
        assert_eq!(entity("&Eacute;"), Some(('É', 8)));
        assert_eq!(entity("&yuml;"), Some(('ÿ', 6)));
        assert_eq!(entity("&ntilde;"), Some(('ñ', 8)));
        assert_eq!(entity("&Ccedil;"), Some(('Ç', 8)));
        assert_eq!(entity("&xacute;"), None);
        assert_eq!(entity("&éacute;"), None);
        let mut s = String::new();
        push_text(&mut s, "  a&nbsp;&nbsp;b \n\t c&#233;");
        assert_eq!(s, "a b cé");
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,300}") {
            let _ = Podcasting20Html.parse(&s);
            let _ = Podcasting20Html.sniff(&s);
        }

        #[test]
        fn never_panics_on_tag_soup(parts in proptest::collection::vec(
            prop_oneof![
                Just("<p>"), Just("</p>"), Just("<cite>"), Just("</cite>"), Just("<time>"),
                Just("</time>"), Just("<br>"), Just("<script>"), Just("<!--"), Just("-->"),
                Just("&amp"), Just("&#x1F600;"), Just("00:01"), Just("é words "), Just("<"),
                Just("\""), Just("<title>"), Just("\n"),
            ],
            0..60,
        )) {
            let _ = Podcasting20Html.parse(&parts.concat());
        }

        #[test]
        fn generated_cues_round_trip(cues in proptest::collection::vec(
            ("[A-Z][a-z]{0,8}", 0u32..4000, "[A-Za-z0-9][A-Za-z0-9 ,.?!'\"&<>]{0,60}"),
            1..30,
        )) {
            let mut html = String::from("<html><head><title>T</title></head><body>\n");
            let mut t = 0u64;
            for (spk, gap, text) in &cues {
                t += u64::from(*gap) * 1000;
                let escaped = text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
                html.push_str(&format!(
                    "<cite>{spk}:</cite>\n<time>{}</time>\n<p>{escaped}</p>\n",
                    earshot_model::format_clock(t)
                ));
            }
            let parsed = Podcasting20Html.parse(&html).unwrap().remove(0);
            let want: Vec<String> = cues
                .iter()
                .map(|(_, _, text)| text.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect();
            let got: Vec<String> = parsed.segments.iter().map(|s| s.text.clone()).collect();
            prop_assert_eq!(got, want);
            let mut t = 0u64;
            for ((spk, gap, _), seg) in cues.iter().zip(&parsed.segments) {
                t += u64::from(*gap) * 1000;
                prop_assert_eq!(seg.speaker.as_deref(), Some(spk.as_str()));
                prop_assert_eq!(seg.start_ms, Some(t));
            }
        }
    }
}
