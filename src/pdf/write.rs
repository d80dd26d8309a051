//! Drawing laid-out pages with krilla: text in the document's font (krilla
//! embeds the subset of glyphs used), lines and fills, link annotations on
//! linked text, the page footers, the outline of headings and the
//! metadata (title, language, the document's date: never the clock).

use std::borrow::Cow;

use krilla::action::{Action, LinkAction};
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use krilla::{Data, Document, SerializeSettings};

use crate::pdf::layout::{Item, Laid, PAGE_H, PAGE_W};
use crate::pdf::{Doc, Fonts};

const INK: (u8, u8, u8) = (20, 24, 31);
const GRAY: (u8, u8, u8) = (88, 96, 108);
const LINK: (u8, u8, u8) = (10, 70, 160);

/// A font for krilla: the theme's bytes, borrowed from the binary when
/// they are the default theme's (no copy).
fn font(data: Data, name: &str) -> Result<Font, String> {
    Font::new(data, 0).ok_or_else(|| format!("the brochure's {name} font cannot be embedded"))
}

fn fill(c: (u8, u8, u8)) -> Fill {
    Fill { paint: rgb::Color::new(c.0, c.1, c.2).into(), opacity: NormalizedF32::ONE, rule: Default::default() }
}

/// The PDF file of laid-out pages.
pub fn write(doc: &Doc, laid: &Laid, fonts: &Fonts) -> Result<Vec<u8>, String> {
    let data = |bytes: &Cow<'static, [u8]>| match bytes {
        Cow::Borrowed(b) => Data::from(*b),
        Cow::Owned(v) => Data::from(v.clone()),
    };
    let (regular, bold) = (font(data(&fonts.regular), "regular")?, font(data(&fonts.bold), "bold")?);
    // No tag tree: the file is a plain (untagged) PDF.
    let settings = SerializeSettings { enable_tagging: false, ..SerializeSettings::default() };
    let mut document = Document::new_with(settings);
    for items in &laid.pages {
        let size = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or("A4 is a page size")?;
        let mut page = document.start_page_with(size);
        let mut links = Vec::new();
        {
            let mut surface = page.surface();
            for item in items {
                draw(&mut surface, item, &regular, &bold, &mut links);
            }
            surface.finish();
        }
        for (rect, url) in links {
            let target = Target::Action(Action::Link(LinkAction::new(url.clone())));
            page.add_annotation(Annotation::new_link(LinkAnnotation::new(rect, target), Some(url)));
        }
        page.finish();
    }
    document.set_outline(outline(laid));
    let date = DateTime::new(u16::try_from(doc.date.year()).unwrap_or(2000))
        .month(u8::try_from(doc.date.month()).unwrap_or(1))
        .day(u8::try_from(doc.date.day()).unwrap_or(1));
    document.set_metadata(
        Metadata::new()
            .title(doc.title.clone())
            .language(doc.lang.clone())
            .creator("vitrine".into())
            .producer("vitrine".into())
            .creation_date(date),
    );
    document.finish().map_err(|e| format!("the PDF cannot be written: {e}"))
}

fn draw(s: &mut Surface, item: &Item, regular: &Font, bold: &Font, links: &mut Vec<(Rect, String)>) {
    match item {
        Item::Text { x, y, size, bold: b, text, link, width, gray } => {
            let colour = if link.is_some() {
                LINK
            } else if *gray {
                GRAY
            } else {
                INK
            };
            s.set_stroke(None);
            s.set_fill(Some(fill(colour)));
            let font = if *b { bold.clone() } else { regular.clone() };
            s.draw_text(Point::from_xy(*x, *y), font, *size, text, false, TextDirection::Auto);
            if let (Some(url), Some(rect)) = (link, Rect::from_xywh(*x, y - size, *width, size * 1.25)) {
                links.push((rect, url.clone()));
            }
        }
        Item::Line { x1, y1, x2, y2, width } => {
            let mut pb = PathBuilder::new();
            pb.move_to(*x1, *y1);
            pb.line_to(*x2, *y2);
            if let Some(path) = pb.finish() {
                s.set_fill(None);
                s.set_stroke(Some(Stroke {
                    paint: rgb::Color::new(150, 158, 170).into(),
                    width: *width,
                    ..Stroke::default()
                }));
                s.draw_path(&path);
            }
        }
        Item::Fill { x, y, w, h, rgb: c } => {
            let mut pb = PathBuilder::new();
            pb.move_to(*x, *y);
            pb.line_to(x + w, *y);
            pb.line_to(x + w, y + h);
            pb.line_to(*x, y + h);
            pb.close();
            if let Some(path) = pb.finish() {
                s.set_stroke(None);
                s.set_fill(Some(fill((c[0], c[1], c[2]))));
                s.draw_path(&path);
            }
        }
    }
}

/// Bookmarks: parts (level 1) with their sections (level 2) inside.
fn outline(laid: &Laid) -> Outline {
    let mut outline = Outline::new();
    let mut part: Option<OutlineNode> = None;
    for mark in laid.outline.iter().filter(|m| m.level <= 2) {
        let node = OutlineNode::new(mark.text.clone(), XyzDestination::new(mark.page, Point::from_xy(0.0, mark.y)));
        if mark.level == 1 {
            if let Some(done) = part.take() {
                outline.push_child(done);
            }
            part = Some(node);
        } else {
            match part.as_mut() {
                Some(p) => p.push_child(node),
                None => outline.push_child(node),
            }
        }
    }
    if let Some(done) = part {
        outline.push_child(done);
    }
    outline
}
