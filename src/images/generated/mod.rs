//! Pictures made for entities that have none, so that a catalogue without
//! any image still looks finished: the cover of a MOOC or parcours (its
//! title on the colour of its subject, the name of its institution, a few
//! shapes placed from its slug), and the typographic mark of an
//! institution or platform without a logo (its initials).
//!
//! A picture is a [`Scene`] of shapes and text (text drawn as shapes,
//! `text.rs`), written as SVG ([`Scene::svg`]) or rasterised to PNG
//! ([`Scene::png`], for social cards). Everything is deterministic: the
//! same entity gives the same bytes. [`cover`] and [`mark`] make a scene
//! from an entity's words, at any size; [`name`] is the hash a file of it
//! is named with, from the same words, without making it.

pub mod text;

use std::fmt::Write;

use text::{num, Line};

/// What a generated picture changes with: bump it when drawing changes.
const GENERATOR: &str = "vitrine-generated-1";

/// The words a cover is made from.
#[derive(Debug, Clone, Copy)]
pub struct CoverText<'a> {
    /// The MOOC's or parcours' title, in the page's language.
    pub title: &'a str,
    /// Who gives it (its first institution), or empty.
    pub by: &'a str,
    /// What gives its colour: the slug of its first subject (or its own).
    pub colour: &'a str,
    /// What places its shapes: its slug.
    pub seed: &'a str,
}

/// A shape of a scene, in the scene's pixels.
#[derive(Debug, Clone, PartialEq)]
enum Shape {
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        rx: f32,
        fill: Paint,
    },
    Circle {
        cx: f32,
        cy: f32,
        r: f32,
        fill: Paint,
    },
    /// Lines of glyphs from `x`, the first baseline at `y`, `size` pixels per em.
    Text {
        x: f32,
        y: f32,
        size: f32,
        lines: Vec<Line>,
        fill: Paint,
    },
}

/// A colour and its opacity.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Paint {
    rgb: (u8, u8, u8),
    alpha: f32,
}

const WHITE: (u8, u8, u8) = (255, 255, 255);

impl Paint {
    fn solid(rgb: (u8, u8, u8)) -> Paint {
        Paint { rgb, alpha: 1.0 }
    }

    fn svg(&self) -> String {
        let (r, g, b) = self.rgb;
        let mut s = format!("fill=\"#{r:02x}{g:02x}{b:02x}\"");
        if self.alpha < 1.0 {
            let _ = write!(s, " fill-opacity=\"{}\"", (self.alpha * 100.0).round() / 100.0);
        }
        s
    }
}

/// A picture: its size in pixels and its shapes, back to front.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub width: u32,
    pub height: u32,
    shapes: Vec<Shape>,
}

/// Colours of subjects: dark enough for white text (contrast over 7:1).
const PALETTE: [(u8, u8, u8); 10] = [
    (0x1f, 0x4e, 0x79),
    (0x7a, 0x2e, 0x39),
    (0x23, 0x5a, 0x3c),
    (0x5b, 0x3f, 0x8c),
    (0x80, 0x40, 0x10),
    (0x12, 0x58, 0x60),
    (0x6b, 0x34, 0x5a),
    (0x34, 0x47, 0x7c),
    (0x7c, 0x3a, 0x1d),
    (0x2f, 0x52, 0x4a),
];

/// A number from 0 to 2^64 for `key` and `salt`, the same everywhere.
fn pick(key: &str, salt: u64) -> u64 {
    xxhash_rust::xxh3::xxh3_64_with_seed(key.as_bytes(), salt)
}

/// The colour of `key` (a subject's slug).
fn colour(key: &str) -> (u8, u8, u8) {
    PALETTE[(pick(key, 0) % PALETTE.len() as u64) as usize]
}

/// The hash that names the file of a picture made from `words`.
pub fn name(words: &[&str]) -> String {
    let mut parts: Vec<&[u8]> = words.iter().map(|w| w.as_bytes()).collect();
    parts.push(GENERATOR.as_bytes());
    crate::base::hash::hash(&parts)
}

/// The cover of a MOOC or parcours, `width` x `height` pixels.
pub fn cover(words: &CoverText, width: u32, height: u32) -> Scene {
    let (w, h) = (width as f32, height as f32);
    let base = colour(words.colour);
    let mut shapes = vec![Shape::Rect { x: 0.0, y: 0.0, w, h, rx: 0.0, fill: Paint::solid(base) }];
    // Shapes on the right and at the bottom, placed from the slug: a large
    // ring of circles and two squares, in white at low opacity.
    let unit = h.min(w);
    for i in 0..4u64 {
        let r = unit * (0.18 + (pick(words.seed, i) % 30) as f32 / 100.0);
        let cx = w * (0.62 + (pick(words.seed, 10 + i) % 45) as f32 / 100.0);
        let cy = h * ((pick(words.seed, 20 + i) % 110) as f32 / 100.0);
        let alpha = 0.06 + (pick(words.seed, 30 + i) % 8) as f32 / 100.0;
        shapes.push(Shape::Circle { cx, cy, r, fill: Paint { rgb: WHITE, alpha } });
    }
    for i in 0..2u64 {
        let side = unit * (0.12 + (pick(words.seed, 40 + i) % 12) as f32 / 100.0);
        let x = w * (0.70 + (pick(words.seed, 50 + i) % 22) as f32 / 100.0);
        let y = h * (0.55 + (pick(words.seed, 60 + i) % 30) as f32 / 100.0);
        shapes.push(Shape::Rect { x, y, w: side, h: side, rx: side * 0.12, fill: Paint { rgb: WHITE, alpha: 0.12 } });
    }
    let pad = unit * 0.09;
    // A short white rule at the bottom-left.
    shapes.push(Shape::Rect {
        x: pad,
        y: h - pad - unit * 0.025,
        w: unit * 0.22,
        h: unit * 0.025,
        rx: 0.0,
        fill: Paint::solid(WHITE),
    });
    let mut top = pad;
    if !words.by.trim().is_empty() {
        let size = unit * 0.065;
        let (size, lines) = text::fit(words.by, w * 0.8 - pad, size * text::LEADING, 1, &[size, size * 0.8]);
        shapes.push(Shape::Text { x: pad, y: top + size * 0.95, size, lines, fill: Paint { rgb: WHITE, alpha: 0.85 } });
        top += size * 1.9;
    }
    let sizes: Vec<f32> = [0.15, 0.13, 0.115, 0.10, 0.088, 0.077].iter().map(|s| unit * s).collect();
    let box_h = h - top - pad * 1.9;
    let (size, lines) = text::fit(words.title, w * 0.86 - pad, box_h, 4, &sizes);
    shapes.push(Shape::Text { x: pad, y: top + size * 0.95, size, lines, fill: Paint::solid(WHITE) });
    Scene { width, height, shapes }
}

/// The initials of a name: its `short` title when it has one (an
/// acronym), else the first letter of each of its words that starts with
/// a capital (at most four), else its first letter.
pub fn initials(name: &str, short: Option<&str>) -> String {
    if let Some(s) = short.map(str::trim).filter(|s| !s.is_empty() && s.chars().count() <= 6) {
        return s.to_string();
    }
    let capitals: String = name
        .split(|c: char| c.is_whitespace() || c == '-' || c == '\'' || c == '’')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .take(4)
        .collect();
    if capitals.is_empty() {
        name.chars().find(|c| c.is_alphanumeric()).map(|c| c.to_uppercase().to_string()).unwrap_or_default()
    } else {
        capitals
    }
}

/// The mark of an institution or platform without a logo: its initials
/// on its colour (from `colour`, its slug), `size` pixels square.
pub fn mark(initials: &str, colour_key: &str, size: u32) -> Scene {
    let s = size as f32;
    let mut shapes =
        vec![Shape::Rect { x: 0.0, y: 0.0, w: s, h: s, rx: s * 0.16, fill: Paint::solid(colour(colour_key)) }];
    let sizes: Vec<f32> = [0.5, 0.4, 0.32, 0.26, 0.21].iter().map(|f| s * f).collect();
    let (size_px, lines) = text::fit(initials, s * 0.8, s * 0.8, 2, &sizes);
    let em = text::units_per_em();
    let block = lines.len() as f32 * size_px * text::LEADING;
    let y = (s - block) / 2.0 + size_px * 0.93;
    // Centred: each line moved by half of what it leaves.
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| {
            let shift = (s * 0.8 - l.width * size_px / em) / 2.0 * em / size_px;
            let glyphs = l.glyphs.into_iter().map(|g| text::Placed { x: g.x + shift, ..g }).collect();
            Line { glyphs, width: l.width }
        })
        .collect();
    shapes.push(Shape::Text { x: s * 0.1, y, size: size_px, lines, fill: Paint::solid(WHITE) });
    Scene { width: size, height: size, shapes }
}

impl Scene {
    /// The scene as an SVG document: each glyph's outline once (`<defs>`),
    /// placed with `<use>`.
    pub fn svg(&self) -> String {
        let (w, h) = (self.width, self.height);
        let mut glyphs: Vec<u16> = Vec::new();
        let mut body = String::new();
        let em = text::units_per_em();
        for shape in &self.shapes {
            match shape {
                Shape::Rect { x, y, w, h, rx, fill } => {
                    let _ = write!(
                        body,
                        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"",
                        num(*x),
                        num(*y),
                        num(*w),
                        num(*h)
                    );
                    if *rx > 0.0 {
                        let _ = write!(body, " rx=\"{}\"", num(*rx));
                    }
                    let _ = write!(body, " {}/>", fill.svg());
                }
                Shape::Circle { cx, cy, r, fill } => {
                    let _ = write!(
                        body,
                        "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" {}/>",
                        num(*cx),
                        num(*cy),
                        num(*r),
                        fill.svg()
                    );
                }
                Shape::Text { x, y, size, lines, fill } => {
                    let scale = size / em;
                    let _ = write!(body, "<g {}>", fill.svg());
                    for (i, line) in lines.iter().enumerate() {
                        let baseline = y + i as f32 * size * text::LEADING;
                        let _ = write!(
                            body,
                            "<g transform=\"translate({} {}) scale({} -{})\">",
                            num(*x),
                            num(baseline),
                            scale,
                            scale
                        );
                        for g in &line.glyphs {
                            if !glyphs.contains(&g.glyph) {
                                glyphs.push(g.glyph);
                            }
                            let _ = write!(body, "<use href=\"#g{}\" x=\"{}\"/>", g.glyph, num(g.x));
                        }
                        body.push_str("</g>");
                    }
                    body.push_str("</g>");
                }
            }
        }
        glyphs.sort_unstable();
        let mut svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\"><defs>"
        );
        for g in glyphs {
            let _ = write!(svg, "<path id=\"g{g}\" d=\"{}\"/>", text::outline(g));
        }
        svg.push_str("</defs>");
        svg.push_str(&body);
        svg.push_str("</svg>\n");
        svg
    }

    /// The scene rasterised to a PNG of its size (`None` only for a size
    /// of 0 or too large to allocate).
    pub fn png(&self) -> Option<Vec<u8>> {
        let mut pixmap = tiny_skia::Pixmap::new(self.width, self.height)?;
        let em = text::units_per_em();
        for shape in &self.shapes {
            match shape {
                Shape::Rect { x, y, w, h, rx, fill } => {
                    let path = if *rx > 0.0 {
                        rounded(*x, *y, *w, *h, *rx)
                    } else {
                        tiny_skia::Rect::from_xywh(*x, *y, *w, *h).map(tiny_skia::PathBuilder::from_rect)
                    };
                    fill_shape(&mut pixmap, path, fill);
                }
                Shape::Circle { cx, cy, r, fill } => {
                    fill_shape(&mut pixmap, tiny_skia::PathBuilder::from_circle(*cx, *cy, *r), fill);
                }
                Shape::Text { x, y, size, lines, fill } => {
                    let scale = size / em;
                    for (i, line) in lines.iter().enumerate() {
                        let baseline = y + i as f32 * size * text::LEADING;
                        for g in &line.glyphs {
                            let mut builder = SkiaOutline(tiny_skia::PathBuilder::new());
                            text::outline_into(g.glyph, &mut builder);
                            let Some(path) = builder.0.finish() else { continue };
                            let at = tiny_skia::Transform::from_row(scale, 0.0, 0.0, -scale, x + g.x * scale, baseline);
                            pixmap.fill_path(&path, &paint(fill), tiny_skia::FillRule::Winding, at, None);
                        }
                    }
                }
            }
        }
        pixmap.encode_png().ok()
    }
}

/// Fills `path` (a rectangle or circle of the scene, unless it has no
/// area) on `pixmap`.
fn fill_shape(pixmap: &mut tiny_skia::Pixmap, path: Option<tiny_skia::Path>, fill: &Paint) {
    if let Some(path) = path {
        pixmap.fill_path(&path, &paint(fill), tiny_skia::FillRule::Winding, tiny_skia::Transform::identity(), None);
    }
}

fn paint(p: &Paint) -> tiny_skia::Paint<'static> {
    let mut paint = tiny_skia::Paint::default();
    let (r, g, b) = p.rgb;
    paint.set_color_rgba8(r, g, b, (p.alpha * 255.0).round() as u8);
    paint.anti_alias = true;
    paint
}

/// A rectangle with corners rounded by `r` (quarter circles as quadratic curves).
fn rounded(x: f32, y: f32, w: f32, h: f32, r: f32) -> Option<tiny_skia::Path> {
    let r = r.min(w / 2.0).min(h / 2.0);
    let mut p = tiny_skia::PathBuilder::new();
    p.move_to(x + r, y);
    p.line_to(x + w - r, y);
    p.quad_to(x + w, y, x + w, y + r);
    p.line_to(x + w, y + h - r);
    p.quad_to(x + w, y + h, x + w - r, y + h);
    p.line_to(x + r, y + h);
    p.quad_to(x, y + h, x, y + h - r);
    p.line_to(x, y + r);
    p.quad_to(x, y, x + r, y);
    p.close();
    p.finish()
}

/// A glyph's outline into a tiny-skia path.
struct SkiaOutline(tiny_skia::PathBuilder);

impl ttf_parser::OutlineBuilder for SkiaOutline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.quad_to(x1, y1, x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.cubic_to(x1, y1, x2, y2, x, y);
    }
    fn close(&mut self) {
        self.0.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(title: &str) -> CoverText<'_> {
        CoverText { title, by: "Institut <Pasteur> & co", colour: "virologie", seed: "rage" }
    }

    #[test]
    fn a_cover_is_the_same_every_time_and_escapes_nothing() {
        let svg = cover(&words("Rage : « </svg> » & <script>"), 1280, 720).svg();
        assert_eq!(svg, cover(&words("Rage : « </svg> » & <script>"), 1280, 720).svg());
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1280\" height=\"720\""));
        assert_eq!(svg.matches("<svg").count(), 1, "text is drawn, never written: {svg}");
        assert!(!svg.contains("<script") && !svg.contains('&'), "no markup comes from the words");
        assert_ne!(name(&["a", "b"]), name(&["ab"]));
    }

    #[test]
    fn initials_of_names() {
        assert_eq!(initials("Institut Pasteur", None), "IP");
        assert_eq!(initials("Institut Mines-Télécom", Some("IMT")), "IMT");
        assert_eq!(initials("université d’Orléans", None), "O");
        assert_eq!(initials("école", None), "É");
        assert_eq!(initials("A B C D E F", None), "ABCD");
    }

    #[test]
    fn rasterises_to_png() {
        let png = mark("IP", "institut-pasteur", 64).png().expect("a PNG");
        let img = image::load_from_memory(&png).expect("decodes");
        assert_eq!((img.width(), img.height()), (64, 64));
        let center = image::GenericImageView::get_pixel(&img, 2, 32);
        assert_eq!(center.0[3], 255, "the mark is opaque");
        let png = cover(&words("Rage"), 120, 63).png().expect("a PNG");
        assert_eq!(image::load_from_memory(&png).map(|i| (i.width(), i.height())).ok(), Some((120, 63)));
    }
}
