//! Character references are decoded exactly once: by the parser of a markup layout, or by the
//! text stage for everything else.

use earshot_import::{import_bytes, Options};

fn text_of(name: &str, input: &str) -> String {
    let t = import_bytes(name, input.as_bytes(), None, &Options::default())
        .unwrap()
        .remove(0);
    t.segments
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn markup_layouts_are_not_decoded_twice() {
    let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Maria>The tag &amp;lt;b&amp;gt; and Q&amp;A.\n";
    assert_eq!(text_of("a.vtt", vtt), "The tag &lt;b&gt; and Q&A.");
    let html = "<cite>Maria:</cite>\n<time>0:00</time>\n<p>Write &amp;amp; when you mean &amp;.</p>\n<cite>Tom:</cite>\n<time>0:05</time>\n<p>Right.</p>\n";
    assert_eq!(
        text_of("a.html", html),
        "Write &amp; when you mean &. Right."
    );
}

#[test]
fn plain_text_gets_its_references_decoded() {
    let plain = "Title: Notes\n\nThe talks in Geneva went on &amp; on, and nobody said &quot;deal&quot; out loud.\n";
    assert_eq!(
        text_of("a.txt", plain),
        "The talks in Geneva went on & on, and nobody said \"deal\" out loud."
    );
}
