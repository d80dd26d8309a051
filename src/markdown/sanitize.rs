//! `safe_html = true` (vitrine.toml): the HTML of a body goes through
//! `ammonia`'s allow-list, so raw HTML written in Markdown can add no
//! script, frame, form, style or event attribute, and no link with a
//! scheme other than the web's, mail and phone. What Markdown itself
//! produces (headings with ids, footnotes, tables, task lists,
//! highlighted code, responsive pictures) is kept as it is.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use ammonia::Builder;

/// The allow-list: ammonia's defaults (text, lists, tables, links,
/// images…) plus what pulldown-cmark and the highlighter write.
fn builder() -> &'static Builder<'static> {
    static BUILDER: OnceLock<Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut b = Builder::default();
        b.add_tags(["input", "span", "div", "sup", "picture", "source"])
            .add_generic_attributes(["id", "class", "lang", "dir"])
            .add_tag_attributes("pre", ["tabindex"])
            // Responsive pictures (`markdown::images`).
            .add_tag_attributes("img", ["srcset", "sizes", "loading", "decoding"])
            .add_tag_attributes("source", ["type", "srcset", "sizes"])
            .add_tag_attributes("ol", ["start"])
            .add_tag_attributes("th", ["style"])
            .add_tag_attributes("td", ["style"])
            // Only the disabled check boxes of task lists.
            .tag_attribute_values(HashMap::from([(
                "input",
                HashMap::from([
                    ("type", HashSet::from(["checkbox"])),
                    ("disabled", HashSet::from([""])),
                    ("checked", HashSet::from([""])),
                ]),
            )]))
            // Links keep the `rel` the theme gives them, none from here.
            .link_rel(None)
            .url_schemes(HashSet::from(["http", "https", "mailto", "tel"]));
        b
    })
}

/// `html` with everything off the allow-list removed (the text inside an
/// unknown tag is kept; inside `<script>` and `<style>` it is not).
pub fn clean(html: &str) -> String {
    builder().clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_scripts_frames_and_events_and_keeps_what_markdown_writes() {
        let html = clean(
            "<h2 id=\"plan\">Plan</h2><p onclick=\"x()\">a <script>alert(1)</script><a href=\"javascript:alert(1)\">j</a>\
             <iframe src=\"https://v.example.org\"></iframe><a href=\"/moocs/x/\">x</a></p>\
             <pre tabindex=\"0\"><code><span class=\"hl-k\">fn</span></code></pre>\
             <ul><li><input disabled=\"\" type=\"checkbox\"/> t</li></ul><input type=\"text\">\
             <picture><source type=\"image/webp\" srcset=\"/a-320.webp 320w\" sizes=\"100vw\">\
             <img src=\"/a-320.jpeg\" srcset=\"/a-320.jpeg 320w\" sizes=\"100vw\" width=\"320\" height=\"200\" alt=\"a\" loading=\"lazy\" decoding=\"async\"></picture>",
        );
        assert!(
            html.contains("<picture><source type=\"image/webp\" srcset=\"/a-320.webp 320w\" sizes=\"100vw\">"),
            "{html}"
        );
        assert!(html.contains("srcset=\"/a-320.jpeg 320w\" sizes=\"100vw\" width=\"320\" height=\"200\" alt=\"a\" loading=\"lazy\" decoding=\"async\">"), "{html}");
        assert!(html.contains("<h2 id=\"plan\">Plan</h2>"), "{html}");
        assert!(html.contains("<a href=\"/moocs/x/\">x</a>"), "{html}");
        assert!(html.contains("<span class=\"hl-k\">fn</span>") && html.contains("<pre tabindex=\"0\">"), "{html}");
        assert!(html.contains("<input disabled=\"\" type=\"checkbox\">"), "{html}");
        for gone in ["script", "alert", "onclick", "iframe", "javascript", "type=\"text\""] {
            assert!(!html.contains(gone), "{gone} removed: {html}");
        }
    }
}
