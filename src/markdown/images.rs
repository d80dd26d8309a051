//! Images of a body. Before rendering, [`find`] lists them with their
//! positions in the file: the image work of `src/images/` is planned from
//! them (and reports a missing or broken file there). While rendering,
//! [`rewrite`] writes each as the caller describes it ([`Picture`]): a
//! `<picture>` with a `<source>` per format, `srcset`, `sizes`, `width` and
//! `height` (no layout shift when it loads), loaded lazily; the text
//! alternative is the image's text in Markdown. An image the caller does
//! not know (a web address) is a plain `<img>`, loaded lazily too.

use std::fmt::Write;
use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html};

use crate::markdown::{options, Body};

/// An image of a body: its destination as written, and where the image
/// (`![…](…)`) is in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub dest: String,
    pub span: Range<usize>,
}

/// How a body shows an image it names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Picture {
    /// The file every browser can show (the largest of the last format).
    pub src: String,
    /// `src`'s format at every width (`a-320.jpeg 320w, …`), or empty.
    pub srcset: String,
    /// The other formats, best first: (MIME type, srcset).
    pub sources: Vec<(String, String)>,
    /// Its size in pixels, when known.
    pub size: Option<(u32, u32)>,
}

/// What an image of a body is shown at: the width of the text, or of the
/// screen on a phone (`.prose` in the default theme is at most 70ch).
pub const SIZES: &str = "(min-width: 42rem) 40rem, 100vw";

/// The images of a body, in order. Bodies without `![` are not parsed.
pub fn find(body: &Body) -> Vec<Found> {
    let text = body.text();
    if memchr::memmem::find(text.as_bytes(), b"![").is_none() {
        return Vec::new();
    }
    Parser::new_ext(text, options())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Image { dest_url, .. }) => Some(Found {
                dest: dest_url.to_string(),
                span: body.range.start + range.start..body.range.start + range.end,
            }),
            _ => None,
        })
        .collect()
}

/// Replaces every image (its start, its text, its end) by its HTML:
/// `picture` says how to show the image of a destination.
pub fn rewrite(events: &mut Vec<(Event, Range<usize>)>, picture: &dyn Fn(&str) -> Option<Picture>) {
    if !events.iter().any(|(e, _)| matches!(e, Event::Start(Tag::Image { .. }))) {
        return;
    }
    let mut out = Vec::with_capacity(events.len());
    let mut input = std::mem::take(events).into_iter();
    while let Some((event, range)) = input.next() {
        let Event::Start(Tag::Image { dest_url, title, .. }) = event else {
            out.push((event, range));
            continue;
        };
        // The text alternative: the plain text up to the matching end
        // (an image inside the text counts by its own text).
        let (mut alt, mut depth, mut end) = (String::new(), 1, range.end);
        for (inner, r) in input.by_ref() {
            end = r.end;
            match inner {
                Event::Start(Tag::Image { .. }) => depth += 1,
                Event::End(TagEnd::Image) => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => alt.push_str(&t),
                Event::SoftBreak | Event::HardBreak => alt.push(' '),
                _ => {}
            }
        }
        let html = match picture(&dest_url) {
            Some(p) => picture_html(&p, &alt, &title),
            None => plain_html(&dest_url, &alt, &title),
        };
        out.push((Event::InlineHtml(html.into()), range.start..end));
    }
    *events = out;
}

/// `<picture>` of a known image.
fn picture_html(p: &Picture, alt: &str, title: &str) -> String {
    let mut h = String::from("<picture>");
    for (mime, srcset) in &p.sources {
        let _ = write!(h, "<source type=\"{mime}\" srcset=\"");
        let _ = escape_html(&mut h, srcset);
        let _ = write!(h, "\" sizes=\"{SIZES}\">");
    }
    h.push_str("<img src=\"");
    let _ = escape_href(&mut h, &p.src);
    if !p.srcset.is_empty() {
        h.push_str("\" srcset=\"");
        let _ = escape_html(&mut h, &p.srcset);
        let _ = write!(h, "\" sizes=\"{SIZES}");
    }
    h.push('"');
    if let Some((w, hh)) = p.size {
        let _ = write!(h, " width=\"{w}\" height=\"{hh}\"");
    }
    attributes(&mut h, alt, title);
    h.push_str("</picture>");
    h
}

/// `<img>` of an image the caller does not know.
fn plain_html(dest: &str, alt: &str, title: &str) -> String {
    let mut h = String::from("<img src=\"");
    let _ = escape_href(&mut h, dest);
    h.push('"');
    attributes(&mut h, alt, title);
    h
}

/// `alt`, `title`, lazy loading, and the end of the `<img>`.
fn attributes(h: &mut String, alt: &str, title: &str) {
    h.push_str(" alt=\"");
    let _ = escape_html(&mut *h, alt);
    h.push('"');
    if !title.is_empty() {
        h.push_str(" title=\"");
        let _ = escape_html(&mut *h, title);
        h.push('"');
    }
    h.push_str(" loading=\"lazy\" decoding=\"async\">");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::SourceFile;

    fn body(text: &str) -> (std::sync::Arc<SourceFile>, usize) {
        let front = "+++\ntitle = \"x\"\n+++\n";
        (SourceFile::new("x.md".into(), format!("{front}{text}")), front.len())
    }

    #[test]
    fn finds_images_with_their_place_in_the_file() {
        let (file, start) = body("Texte ![un *schéma*](a.png \"t\") et [lien](b.md).\n\n![](/img/c.jpg)\n");
        let b = Body { file: &file, range: start..file.text.len(), safe_html: false };
        let found = find(&b);
        let dests: Vec<&str> = found.iter().map(|f| f.dest.as_str()).collect();
        assert_eq!(dests, ["a.png", "/img/c.jpg"]);
        assert_eq!(&file.text[found[0].span.clone()], "![un *schéma*](a.png \"t\")");
        let (file, start) = body("no image [here](x.png)\n");
        assert!(find(&Body { file: &file, range: start..file.text.len(), safe_html: false }).is_empty());
    }

    fn render(text: &str, picture: &dyn Fn(&str) -> Option<Picture>) -> String {
        let mut events: Vec<(Event, Range<usize>)> = Parser::new_ext(text, options()).into_offset_iter().collect();
        rewrite(&mut events, picture);
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, events.into_iter().map(|(e, _)| e));
        html
    }

    #[test]
    fn writes_a_picture_with_its_text_alternative() {
        let known = |dest: &str| {
            (dest == "a.png").then(|| Picture {
                src: "/m/a.h-640.jpeg".into(),
                srcset: "/m/a.h-320.jpeg 320w, /m/a.h-640.jpeg 640w".into(),
                sources: vec![("image/webp".into(), "/m/a.h-320.webp 320w, /m/a.h-640.webp 640w".into())],
                size: Some((640, 480)),
            })
        };
        let html = render("![un *schéma* \"cité\"](a.png \"Titre\")", &known);
        assert!(
            html.contains("<picture><source type=\"image/webp\" srcset=\"/m/a.h-320.webp 320w, /m/a.h-640.webp 640w\""),
            "{html}"
        );
        assert!(
            html.contains("<img src=\"/m/a.h-640.jpeg\" srcset=\"/m/a.h-320.jpeg 320w, /m/a.h-640.jpeg 640w\""),
            "{html}"
        );
        assert!(html.contains(" width=\"640\" height=\"480\" alt=\"un schéma &quot;cité&quot;\" title=\"Titre\" loading=\"lazy\" decoding=\"async\"></picture>"), "{html}");
        let html = render("![x & y](https://a.org/b.png)", &known);
        assert!(
            html.contains("<img src=\"https://a.org/b.png\" alt=\"x &amp; y\" loading=\"lazy\" decoding=\"async\">"),
            "{html}"
        );
    }
}
