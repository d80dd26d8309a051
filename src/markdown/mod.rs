//! Markdown to HTML, in small passes over pulldown-cmark's events:
//!
//! 1. parse (CommonMark + tables, footnotes, strikethrough, task lists,
//!    `{#custom-id}` heading attributes), keeping each event's byte range;
//! 2. [`links`]: `@/moocs/x.md` links become the entity's URL, a dangling
//!    one is an error at its position in the file, and so is a
//!    `javascript:`, `vbscript:` or `data:` link or image;
//!    [`depth`]: lists and quotes nested too deep are a warning;
//! 3. [`ids`]: ids the writer gave (`{#id}`, footnote labels) made unique,
//!    with a warning for each repeat; [`headings`]: ids from the heading
//!    text, accent-folded, unique per page;
//! 4. [`images`]: images become responsive `<picture>`s, as the caller
//!    describes the file each names; [`highlight`]: fenced code becomes
//!    `<span class="hl-…">` markup;
//! 5. serialise with pulldown-cmark's HTML writer;
//! 6. with `safe_html = true`, [`sanitize`]: keep only allow-listed HTML.

pub mod depth;
pub mod headings;
pub mod highlight;
pub mod ids;
pub mod images;
pub mod links;
pub mod sanitize;

use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{Event, Options, Parser};

use crate::diagnostic::{Out, SourceFile};

/// Where a body is: its file and the byte range of the Markdown in it.
pub struct Body<'a> {
    pub file: &'a Arc<SourceFile>,
    pub range: Range<usize>,
    /// `safe_html = true` in vitrine.toml: the HTML goes through
    /// [`sanitize::clean`].
    pub safe_html: bool,
}

impl Body<'_> {
    pub fn text(&self) -> &str {
        &self.file.text[self.range.clone()]
    }
}

pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders a body. `resolve` maps an internal target such as `moocs/x.md`
/// to its URL; problems (dangling links) are pushed to `out`. Images are
/// plain `<img>`s; see [`render_with_pictures`].
pub fn render(body: &Body, resolve: &dyn Fn(&str) -> Option<String>, out: &mut Out) -> String {
    render_with_pictures(body, resolve, &|_| None, out)
}

/// [`render`], with `picture` saying how to show the image a destination
/// names (`images::rewrite`).
pub fn render_with_pictures(
    body: &Body,
    resolve: &dyn Fn(&str) -> Option<String>,
    picture: &dyn Fn(&str) -> Option<images::Picture>,
    out: &mut Out,
) -> String {
    let text = body.text();
    if text.trim().is_empty() {
        return String::new();
    }
    let mut events: Vec<(Event, Range<usize>)> = Parser::new_ext(text, options()).into_offset_iter().collect();
    links::resolve(&mut events, body, resolve, out);
    depth::check(&events, body, out);
    ids::make_unique(&mut events, body, out);
    headings::assign_ids(&mut events);
    images::rewrite(&mut events, picture);
    let events = highlight::highlight(events);
    let mut html = String::with_capacity(text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if body.safe_html {
        return sanitize::clean(&html);
    }
    html
}
