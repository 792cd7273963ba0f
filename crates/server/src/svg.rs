//! Charts drawn on the server as SVG: no script, nothing to load. Labels are escaped.

use std::fmt::Write;

use crate::views::escape;

/// A bar chart of labelled counts, in order, with a title for screen readers.
pub fn bars(values: &[(String, u64)], title: &str) -> String {
    if values.is_empty() {
        return "<p class=\"meta\">Nothing to chart.</p>".into();
    }
    let max = values.iter().map(|v| v.1).max().unwrap_or(1).max(1) as f64;
    let (bar, gap, height) = (14.0, 4.0, 100.0);
    // At least as wide as a few months would make it: one bar must not fill the page.
    let width = (values.len() as f64 * (bar + gap) + gap).max(240.0);
    let mut svg = format!(
        "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {width} {}\" \
         xmlns=\"http://www.w3.org/2000/svg\"><title>{}</title>",
        height + 30.0,
        escape(title)
    );
    for (i, (label, n)) in values.iter().enumerate() {
        let h = (*n as f64 / max * height).max(1.0);
        let x = gap + i as f64 * (bar + gap);
        let _ = write!(
            svg,
            "<rect x=\"{x}\" y=\"{}\" width=\"{bar}\" height=\"{h}\"><title>{}: {n}</title></rect>",
            height - h,
            escape(label)
        );
        // Every label would crowd a long chart: the first, the last and every sixth.
        if i == 0 || i + 1 == values.len() || i % 6 == 0 {
            let _ = write!(
                svg,
                "<text x=\"{x}\" y=\"{}\">{}</text>",
                height + 14.0,
                escape(label)
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

/// The calibration chart: for each stated confidence, the stated probability beside how often
/// such forecasts came true.
pub fn calibration(rows: &[(String, f64, Option<f64>, usize)]) -> String {
    let mut svg = String::from(
        "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 300 140\" \
         xmlns=\"http://www.w3.org/2000/svg\"><title>stated confidence against how often it \
         came true</title>",
    );
    for (i, (label, stated, observed, n)) in rows.iter().enumerate() {
        let x = 20.0 + i as f64 * 95.0;
        let h = stated * 100.0;
        let _ = write!(
            svg,
            "<rect x=\"{x}\" y=\"{}\" width=\"30\" height=\"{h}\" opacity=\"0.35\"><title>{} stated {:.0}%</title></rect>",
            110.0 - h,
            escape(label),
            stated * 100.0
        );
        if let Some(o) = observed {
            let h = o * 100.0;
            let _ = write!(
                svg,
                "<rect x=\"{}\" y=\"{}\" width=\"30\" height=\"{}\"><title>{} came true {:.0}% of {n}</title></rect>",
                x + 34.0,
                110.0 - h,
                h.max(1.0),
                escape(label),
                o * 100.0
            );
        }
        let _ = write!(
            svg,
            "<text x=\"{x}\" y=\"126\">{} ({n})</text>",
            escape(label)
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped() {
        let svg = bars(
            &[("<script>".into(), 3), ("2026-01".into(), 1)],
            "a \"title\"",
        );
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("a &quot;title&quot;"));
    }
}
