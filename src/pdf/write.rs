//! Drawing laid-out pages with krilla: text in the document's font (krilla
//! embeds the subset of glyphs used), lines and fills, link annotations on
//! linked text, the outline of headings, the metadata (title, language,
//! the document's date: never the clock), and the structure of a tagged
//! PDF (title, headings, paragraphs, lists, tables with their header cells,
//! links), so that screen readers read it in order and tables as tables.
//! Lines, fills, footers and repeated table headers are artifacts.

use std::borrow::Cow;
use std::num::NonZeroU16;

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
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, SpanTag, TableHeaderScope, Tag, TagGroup, TagKind,
    TagTree,
};
use krilla::text::{Font, TextDirection};
use krilla::{Data, Document, SerializeSettings};

use crate::pdf::layout::{Item, Kind, Laid, PAGE_H, PAGE_W};
use crate::pdf::{Doc, Fonts, PdfError};

const INK: (u8, u8, u8) = (20, 24, 31);
const GRAY: (u8, u8, u8) = (88, 96, 108);
const LINK: (u8, u8, u8) = (10, 70, 160);

/// The document's two fonts for krilla: the theme's bytes, borrowed from
/// the binary when they are the default theme's (no copy).
fn fonts(fonts: &Fonts) -> Result<(Font, Font), PdfError> {
    let font = |bytes: &Cow<'static, [u8]>, face: &'static str| {
        let data = match bytes {
            Cow::Borrowed(b) => Data::from(*b),
            Cow::Owned(v) => Data::from(v.clone()),
        };
        Font::new(data, 0).ok_or(PdfError::Font { face, detail: None })
    };
    Ok((font(&fonts.regular, "regular")?, font(&fonts.bold, "bold")?))
}

fn fill(c: (u8, u8, u8)) -> Fill {
    Fill { paint: rgb::Color::new(c.0, c.1, c.2).into(), opacity: NormalizedF32::ONE, rule: Default::default() }
}

/// A child of a node of the structure, in reading order: drawn text, a
/// link (its text, and the number of its annotation), or another node.
enum Child {
    Text(Identifier),
    Link(Identifier, usize),
    Node(usize),
}

/// What drawing a page gathers besides its content.
struct Gathered<'a> {
    /// The children of each node of the structure.
    children: &'a mut [Vec<Child>],
    /// The page's links to annotate: where, to what, and whether their
    /// text is in the structure.
    links: Vec<(Rect, String, bool)>,
    /// Links in the structure so far, in the whole document.
    tagged_links: usize,
}

/// The PDF file of laid-out pages.
pub fn write(doc: &Doc, laid: &Laid, fonts: &Fonts) -> Result<Vec<u8>, PdfError> {
    let (regular, bold) = self::fonts(fonts)?;
    let mut document = Document::new_with(SerializeSettings::default());
    let mut children: Vec<Vec<Child>> = laid.nodes.iter().map(|_| Vec::new()).collect();
    let mut roots = Vec::new();
    for (n, node) in laid.nodes.iter().enumerate() {
        match node.parent {
            Some(p) => children[p].push(Child::Node(n)),
            None => roots.push(n),
        }
    }
    let mut annotations: Vec<Option<Identifier>> = Vec::new();
    let mut tagged_links = 0;
    for items in &laid.pages {
        let size =
            PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| PdfError::Write(format!("{PAGE_W} × {PAGE_H} pt")))?;
        let mut page = document.start_page_with(size);
        let mut g = Gathered { children: &mut children, links: Vec::new(), tagged_links };
        {
            let mut surface = page.surface();
            for item in items {
                draw(&mut surface, item, &regular, &bold, &mut g);
            }
            surface.finish();
        }
        tagged_links = g.tagged_links;
        for (rect, url, tagged) in g.links {
            let target = Target::Action(Action::Link(LinkAction::new(url.clone())));
            let annotation = Annotation::new_link(LinkAnnotation::new(rect, target), Some(url));
            if tagged {
                annotations.push(Some(page.add_tagged_annotation(annotation)));
            } else {
                page.add_annotation(annotation);
            }
        }
        page.finish();
    }
    let mut tree = TagTree::new();
    for root in roots {
        tree.push(group(root, laid, &mut children, &mut annotations));
    }
    document.set_tag_tree(tree);
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
    document.finish().map_err(|e| PdfError::Write(format!("{e:?}")))
}

/// The tag group of node `n`, with its children in reading order.
fn group(n: usize, laid: &Laid, children: &mut [Vec<Child>], annotations: &mut [Option<Identifier>]) -> TagGroup {
    let mut g = TagGroup::new(tag(&laid.nodes[n].kind));
    for child in std::mem::take(&mut children[n]) {
        match child {
            Child::Text(id) => g.push(id),
            Child::Node(c) => g.push(group(c, laid, children, annotations)),
            Child::Link(id, a) => {
                let mut link = TagGroup::new(Tag::Link);
                link.push(id);
                if let Some(annotation) = annotations.get_mut(a).and_then(Option::take) {
                    link.push(annotation);
                }
                g.push(link);
            }
        }
    }
    g
}

fn tag(kind: &Kind) -> TagKind {
    match kind {
        Kind::Title => Tag::Title.into(),
        Kind::Heading(level, text) => {
            Tag::Hn(NonZeroU16::new(u16::from(*level)).unwrap_or(NonZeroU16::MIN), Some(text.clone())).into()
        }
        Kind::Paragraph => Tag::P.into(),
        Kind::List => Tag::L(ListNumbering::Disc).into(),
        Kind::ListItem => Tag::LI.into(),
        Kind::Label => Tag::Lbl.into(),
        Kind::ListBody => Tag::LBody.into(),
        Kind::Table => Tag::Table.into(),
        Kind::Caption => Tag::Caption.into(),
        Kind::Row => Tag::TR.into(),
        Kind::Header(true) => Tag::TH(TableHeaderScope::Column).into(),
        Kind::Header(false) => Tag::TH(TableHeaderScope::Row).into(),
        Kind::Cell => Tag::TD.into(),
    }
}

/// Draws `item`, as content of its node or as an artifact.
fn draw(s: &mut Surface, item: &Item, regular: &Font, bold: &Font, g: &mut Gathered) {
    match item {
        Item::Text { x, y, size, bold: b, text, link, width, gray, node } => {
            let id = match node {
                Some(_) => Some(s.start_tagged(ContentTag::Span(SpanTag::empty()))),
                None => {
                    s.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::PaginationOther)));
                    None
                }
            };
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
            s.end_tagged();
            let linked = link.as_ref().zip(Rect::from_xywh(*x, y - size, *width, size * 1.25));
            match (node.zip(id), linked) {
                (Some((n, id)), Some((url, rect))) => {
                    g.children[n].push(Child::Link(id, g.tagged_links));
                    g.tagged_links += 1;
                    g.links.push((rect, url.clone(), true));
                }
                (Some((n, id)), None) => g.children[n].push(Child::Text(id)),
                (None, Some((url, rect))) => g.links.push((rect, url.clone(), false)),
                (None, None) => {}
            }
        }
        Item::Line { x1, y1, x2, y2, width } => {
            let mut pb = PathBuilder::new();
            pb.move_to(*x1, *y1);
            pb.line_to(*x2, *y2);
            if let Some(path) = pb.finish() {
                s.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Layout)));
                s.set_fill(None);
                s.set_stroke(Some(Stroke {
                    paint: rgb::Color::new(150, 158, 170).into(),
                    width: *width,
                    ..Stroke::default()
                }));
                s.draw_path(&path);
                s.end_tagged();
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
                s.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Layout)));
                s.set_stroke(None);
                s.set_fill(Some(fill((c[0], c[1], c[2]))));
                s.draw_path(&path);
                s.end_tagged();
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
