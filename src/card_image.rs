//! Card images: the picture a social network shows beside a link to a
//! page that has no cover of its own (Open Graph's `og:image`). A card is
//! drawn from text alone, a title and a line or two under it, in one font
//! of the theme, on a plain background: no network, no system font, so the
//! same input gives the same bytes on every machine.
//!
//! [`png`] is the whole job: text and colours in, a PNG out. The picture is
//! 1200 × 630 pixels (the size Open Graph and X recommend for large
//! images), raster, because social networks do not show SVG. It is an
//! indexed PNG of four bits a pixel (a palette of the background and of
//! each text colour at seven levels of coverage), written with the `png`
//! crate's fast compression and the "up" filter. Each glyph is drawn once
//! per size and quarter of a pixel and kept by the thread ([`glyph`]):
//! cards use the same few letters again and again; so is the canvas.
//!
//! What the picture says and in which colours is the caller's choice
//! (`render::social`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use ab_glyph::{point, Font as _, FontArc, Glyph, GlyphId, PxScale, ScaleFont as _};

/// Width of a card, in pixels.
pub const WIDTH: u32 = 1200;
/// Height of a card, in pixels.
pub const HEIGHT: u32 = 630;

/// The version of the drawing: part of a card's name (`render::social`),
/// so that a card drawn by an older build is never taken for a new one.
/// Raise it with any change to how cards are drawn or encoded.
pub const VERSION: u32 = 3;

/// Space left on every side.
const MARGIN: f32 = 80.0;
/// Levels of coverage of a text colour in the palette (0 is the
/// background): the background and two colours of seven levels fit the
/// sixteen entries of a four-bit palette.
const LEVELS: u8 = 7;

/// A font to draw cards with (TrueType or OpenType), parsed once, and
/// the hash of its bytes (which glyphs of the cache are its own).
#[derive(Clone)]
pub struct Font(FontArc, u64);

impl Font {
    /// The font in `bytes`; `None` when they are not a font.
    pub fn parse(bytes: Vec<u8>) -> Option<Font> {
        let id = xxhash_rust::xxh3::xxh3_64(&bytes);
        FontArc::try_from_vec(bytes).ok().map(|font| Font(font, id))
    }
}

impl std::fmt::Debug for Font {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("card_image::Font")
    }
}

/// What a card says, and in which colours (`[r, g, b]`).
pub struct Card<'a> {
    /// The big text, on up to four lines (cut with `…` beyond).
    pub title: &'a str,
    /// The text under it (institutions), on up to two lines, at the bottom.
    pub byline: &'a str,
    /// A short line above the title (the site's name).
    pub kicker: &'a str,
    pub background: [u8; 3],
    pub title_colour: [u8; 3],
    pub text_colour: [u8; 3],
}

/// The picture being drawn: one byte per pixel, its palette index (see
/// [`Canvas::png`]). Each thread keeps one ([`CANVAS`]): a card is drawn
/// on the last one's pixels, set back to the background, rather than on
/// 756 kB of memory freshly asked of the allocator (and zeroed by the
/// kernel) for every card.
struct Canvas {
    pixels: Vec<u8>,
    /// Whether each row has some text on it (the others are background).
    inked: Vec<bool>,
}

thread_local! {
    static CANVAS: RefCell<Canvas> = const { RefCell::new(Canvas { pixels: Vec::new(), inked: Vec::new() }) };
}

/// Which text colour a text is drawn in.
#[derive(Clone, Copy)]
enum Layer {
    Title,
    Text,
}

impl Canvas {
    /// Sets every pixel to the background.
    fn clear(&mut self) {
        if self.pixels.len() != (WIDTH * HEIGHT) as usize {
            self.pixels = vec![0; (WIDTH * HEIGHT) as usize];
            self.inked = vec![false; HEIGHT as usize];
        }
        for (row, inked) in self.pixels.chunks_exact_mut(WIDTH as usize).zip(&mut self.inked) {
            if std::mem::take(inked) {
                row.fill(0);
            }
        }
    }

    /// Draws `lines` from the baseline `y`, `px` pixels high, one line every
    /// `line_height` pixels.
    fn lines(&mut self, font: &Font, lines: &[String], px: f32, y: f32, line_height: f32, layer: Layer) {
        let scaled = font.0.as_scaled(PxScale::from(px));
        let first = match layer {
            Layer::Title => 0,
            Layer::Text => LEVELS,
        };
        for (n, line) in lines.iter().enumerate() {
            let baseline = (y + n as f32 * line_height).round() as i64;
            let mut x = MARGIN;
            let mut previous = None;
            for c in line.chars() {
                let id = scaled.glyph_id(c);
                if let Some(p) = previous {
                    x += scaled.kern(p, id);
                }
                // A quarter of a pixel is as fine as positions go: each
                // glyph is drawn once per size and quarter ([`glyph`]).
                let quarters = (x * 4.0).round() as i64;
                x += scaled.h_advance(id);
                previous = Some(id);
                let Some(bitmap) = &*glyph(font, id, px, quarters.rem_euclid(4) as u8) else { continue };
                let left = quarters.div_euclid(4) + i64::from(bitmap.left);
                self.blit(bitmap, left, baseline + i64::from(bitmap.top), first);
            }
        }
    }

    /// Puts `bitmap`'s levels on the pixels from (`left`, `top`), in the
    /// colour whose palette entries follow `first`, leaving out what falls
    /// off the picture. Where two glyphs meet, the more covered wins.
    fn blit(&mut self, bitmap: &Bitmap, left: i64, top: i64, first: u8) {
        let (width, height) = (i64::from(WIDTH), i64::from(HEIGHT));
        let w = bitmap.width as i64;
        if w == 0 {
            return;
        }
        // The columns of the glyph that fall on the picture.
        let (from, to) = ((-left).max(0), (width - left).min(w));
        if from >= to {
            return;
        }
        for (row, levels) in bitmap.levels.chunks_exact(bitmap.width).enumerate() {
            let py = top + row as i64;
            if !(0..height).contains(&py) {
                continue;
            }
            self.inked[py as usize] = true;
            let start = (py * width + left + from) as usize;
            let pixels = &mut self.pixels[start..start + (to - from) as usize];
            // Without branches, so that the loop works on many pixels at
            // once: a pixel keeps its index where the glyph has no ink,
            // else takes the larger of the two coverages in this colour.
            for (at, &level) in pixels.iter_mut().zip(&levels[from as usize..to as usize]) {
                let had = if at.wrapping_sub(first + 1) < LEVELS { *at - first } else { 0 };
                *at = if level == 0 { *at } else { first + level.max(had) };
            }
        }
    }

    /// The picture as an indexed PNG of four bits a pixel: palette entry 0
    /// is the background, 1..=7 the title colour and 8..=14 the text colour
    /// at growing coverage. Half the bytes of eight bits a pixel to
    /// compress and to write: a card weighs 43% less and is made as fast
    /// (docs/decisions.md, "Card images").
    fn png(&self, card: &Card) -> Vec<u8> {
        let mut palette = Vec::with_capacity(3 * (1 + 2 * LEVELS as usize));
        palette.extend_from_slice(&card.background);
        for colour in [card.title_colour, card.text_colour] {
            for level in 1..=LEVELS {
                let t = f32::from(level) / f32::from(LEVELS);
                for (&from, &to) in card.background.iter().zip(&colour) {
                    let (from, to) = (f32::from(from), f32::from(to));
                    palette.push((from + (to - from) * t).round() as u8);
                }
            }
        }
        // Two pixels a byte, the left one in the high bits; rows without
        // text are background, zeros.
        let mut packed = vec![0u8; self.pixels.len() / 2];
        let rows = packed.chunks_exact_mut(WIDTH as usize / 2).zip(self.pixels.chunks_exact(WIDTH as usize));
        for ((out, pixels), _) in rows.zip(&self.inked).filter(|(_, &inked)| inked) {
            for (out, pair) in out.chunks_exact_mut(16).zip(pixels.chunks_exact(32)) {
                for (i, o) in out.iter_mut().enumerate() {
                    *o = (pair[2 * i] << 4) | pair[2 * i + 1];
                }
            }
        }
        let mut bytes = Vec::with_capacity(32 * 1024);
        let mut encoder = png::Encoder::new(&mut bytes, WIDTH, HEIGHT);
        encoder.set_color(png::ColorType::Indexed);
        encoder.set_depth(png::BitDepth::Four);
        encoder.set_palette(palette);
        encoder.set_compression(png::Compression::Fast);
        // Each row less the one above it ("up"), rather than the best of
        // five filters tried on every row: a card is mostly rows of one
        // colour, which "up" makes zeros (docs/decisions.md).
        encoder.set_filter(png::Filter::Up);
        // Writing into memory cannot fail but for a bad header, which the
        // constants above rule out; an empty file would be the result.
        let written = encoder.write_header().and_then(|mut w| w.write_image_data(&packed));
        if written.is_err() {
            return Vec::new();
        }
        bytes
    }
}

/// A glyph drawn at one size and quarter of a pixel: its coverage levels
/// (0 to [`LEVELS`]), row by row, and where its box starts from the pen
/// (left of it, above the baseline).
struct Bitmap {
    left: i32,
    top: i32,
    width: usize,
    levels: Vec<u8>,
}

/// Glyphs drawn so far on this thread, by font, glyph, size and quarter
/// of a pixel: a card uses few letters, which every card uses again. The
/// same key always gives the same bitmap, so what the cache holds never
/// changes a card; it is emptied when it grows past [`GLYPHS`] entries.
type GlyphKey = (u64, u16, u32, u8);

thread_local! {
    static DRAWN: RefCell<HashMap<GlyphKey, Rc<Option<Bitmap>>>> = RefCell::new(HashMap::new());
}

/// Glyphs kept by a thread, at most: a Latin alphabet's letters and signs
/// at the card's six sizes and four quarters are about 2,500; 4,096 glyphs
/// of 72 pixels are under 20 MB.
const GLYPHS: usize = 4_096;

/// Glyph `id` of `font` at `px` pixels, `quarter` quarters of a pixel to
/// the right of a whole pixel; `None` for a glyph without outline (a space).
fn glyph(font: &Font, id: GlyphId, px: f32, quarter: u8) -> Rc<Option<Bitmap>> {
    let key = (font.1, id.0, px.to_bits(), quarter);
    DRAWN.with(|drawn| {
        if let Some(bitmap) = drawn.borrow().get(&key) {
            return Rc::clone(bitmap);
        }
        let glyph: Glyph = id.with_scale_and_position(px, point(f32::from(quarter) / 4.0, 0.0));
        let bitmap = font.0.outline_glyph(glyph).map(|outline| {
            let bounds = outline.px_bounds();
            let (width, height) = (bounds.width() as usize, bounds.height() as usize);
            let mut levels = vec![0u8; width * height];
            outline.draw(|x, y, coverage| {
                if let Some(at) = levels.get_mut(y as usize * width + x as usize) {
                    *at = (coverage.clamp(0.0, 1.0) * f32::from(LEVELS)).round() as u8;
                }
            });
            Bitmap { left: bounds.min.x as i32, top: bounds.min.y as i32, width, levels }
        });
        let bitmap = Rc::new(bitmap);
        let mut drawn = drawn.borrow_mut();
        if drawn.len() >= GLYPHS {
            drawn.clear();
        }
        drawn.insert(key, Rc::clone(&bitmap));
        bitmap
    })
}

/// Draws `card` with `font`: a PNG of [`WIDTH`] × [`HEIGHT`] pixels.
pub fn png(card: &Card, font: &Font) -> Vec<u8> {
    let width = WIDTH as f32 - 2.0 * MARGIN;
    CANVAS.with(|canvas| {
        let mut canvas = canvas.borrow_mut();
        canvas.clear();
        draw(&mut canvas, card, font, width);
        canvas.png(card)
    })
}

/// Draws the texts of `card` on `canvas`, `width` pixels wide at most.
fn draw(canvas: &mut Canvas, card: &Card, font: &Font, width: f32) {
    let arc = &font.0;
    // The kicker on top, the byline at the bottom (its last line's baseline
    // `MARGIN` above the edge), the title in between: as large as fits in
    // four lines.
    let kicker = wrap(arc, card.kicker, 30.0, width, 1);
    canvas.lines(font, &kicker, 30.0, MARGIN + 30.0, 0.0, Layer::Text);
    let byline = wrap(arc, card.byline, 34.0, width, 2);
    let byline_top = HEIGHT as f32 - MARGIN - 42.0 * (byline.len().max(1) - 1) as f32;
    canvas.lines(font, &byline, 34.0, byline_top, 42.0, Layer::Text);
    let room = byline_top - 34.0 - 40.0 - (MARGIN + 30.0 + 40.0);
    let (px, title) = [72.0, 64.0, 56.0, 48.0]
        .iter()
        .map(|&px| (px, wrap(arc, card.title, px, width, 4)))
        .find(|(px, lines)| !cut(lines) && lines.len() as f32 * px * 1.2 <= room)
        .unwrap_or_else(|| (48.0, wrap(arc, card.title, 48.0, width, ((room / 57.6) as usize).clamp(1, 4))));
    let top = MARGIN + 30.0 + 40.0 + px;
    canvas.lines(font, &title, px, top, px * 1.2, Layer::Title);
}

/// Whether wrapped lines were cut (the last one ends with `…`).
fn cut(lines: &[String]) -> bool {
    lines.last().is_some_and(|l| l.ends_with('…'))
}

/// Width of `text` at `px` pixels.
fn measure(font: &FontArc, text: &str, px: f32) -> f32 {
    Pen::default().after(font, text, px).x
}

/// Where a line being measured ends: its width so far and its last glyph
/// (kerned with the next one).
#[derive(Clone, Copy, Default)]
struct Pen {
    x: f32,
    last: Option<GlyphId>,
}

impl Pen {
    /// The pen after `text` is written from it.
    fn after(self, font: &FontArc, text: &str, px: f32) -> Pen {
        let scaled = font.as_scaled(PxScale::from(px));
        let Pen { mut x, mut last } = self;
        for c in text.chars() {
            let id = scaled.glyph_id(c);
            if let Some(p) = last {
                x += scaled.kern(p, id);
            }
            x += scaled.h_advance(id);
            last = Some(id);
        }
        Pen { x, last }
    }
}

/// `text` in lines of at most `width` pixels at `px` pixels, at most `max`
/// of them: words go to the next line when they do not fit, a word wider
/// than a line is cut between letters, and the last line ends with `…` when
/// text is left over.
fn wrap(font: &FontArc, text: &str, px: f32, width: f32, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    // The end of `line`: each word is measured once, from there, rather
    // than the whole line again.
    let mut pen = Pen::default();
    for word in text.split_whitespace() {
        let next = if line.is_empty() { Pen::default() } else { pen.after(font, " ", px) }.after(font, word, px);
        if next.x <= width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            pen = next;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word alone, cut between letters when it is wider than a line.
        pen = Pen::default();
        let mut buf = [0; 4];
        for c in word.chars() {
            let next = pen.after(font, c.encode_utf8(&mut buf), px);
            if next.x > width && !line.is_empty() {
                lines.push(std::mem::replace(&mut line, c.to_string()));
                pen = Pen::default().after(font, c.encode_utf8(&mut buf), px);
            } else {
                line.push(c);
                pen = next;
            }
        }
        if lines.len() >= max {
            break;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max || (lines.len() == max && text_left(&lines, text)) {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && measure(font, &format!("{last}…"), px) > width {
                last.pop();
            }
            let kept = last.trim_end().len();
            last.truncate(kept);
            last.push('…');
        }
    }
    lines
}

/// Whether `lines` leave some of `text` out.
fn text_left(lines: &[String], text: &str) -> bool {
    let shown: usize = lines.iter().map(|l| l.split_whitespace().map(|w| w.chars().count()).sum::<usize>()).sum();
    let all: usize = text.split_whitespace().map(|w| w.chars().count()).sum();
    shown < all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn font() -> Font {
        let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/themes/default/fonts/card.ttf"));
        Font::parse(bytes.expect("the default theme's font")).expect("a font")
    }

    fn card<'a>(title: &'a str) -> Card<'a> {
        Card {
            title,
            byline: "Institut Pasteur",
            kicker: "Catalogue des MOOC",
            background: [11, 87, 164],
            title_colour: [255, 255, 255],
            text_colour: [220, 230, 240],
        }
    }

    #[test]
    fn a_card_is_a_png_of_the_open_graph_size_and_the_same_bytes_every_time() {
        let f = font();
        let a = png(&card("Vaccinologie : des premiers vaccins aux ARN messagers"), &f);
        assert_eq!(&a[..8], b"\x89PNG\r\n\x1a\n");
        // IHDR: width and height, big-endian, after the chunk's length and name.
        assert_eq!(u32::from_be_bytes([a[16], a[17], a[18], a[19]]), WIDTH);
        assert_eq!(u32::from_be_bytes([a[20], a[21], a[22], a[23]]), HEIGHT);
        assert_eq!(a, png(&card("Vaccinologie : des premiers vaccins aux ARN messagers"), &f));
        assert_ne!(a, png(&card("Paludisme"), &f), "the title is drawn");
    }

    #[test]
    fn glyphs_kept_from_earlier_cards_do_not_change_a_card() {
        let f = font();
        let title = "Éthique de la recherche : « données », café & Ωmega";
        // A new thread starts with no glyph drawn; this one has drawn
        // other cards first, and then more glyphs than it keeps.
        let g = f.clone();
        let cold = std::thread::spawn(move || png(&card(title), &g)).join().expect("the thread draws");
        png(&card("Paludisme : du moustique au vaccin"), &f);
        assert_eq!(png(&card(title), &f), cold);
        for n in 0..=GLYPHS {
            glyph(&f, GlyphId(36), 8.0 + n as f32 / 64.0, 0);
        }
        assert!(DRAWN.with(|drawn| drawn.borrow().len()) < GLYPHS, "the cache was emptied");
        assert_eq!(png(&card(title), &f), cold);
    }

    #[test]
    fn long_titles_wrap_and_are_cut_with_an_ellipsis() {
        let f = font();
        let long = "Anticonstitutionnellement ".repeat(30);
        let lines = wrap(&f.0, &long, 64.0, 1040.0, 4);
        assert_eq!(lines.len(), 4);
        assert!(lines[3].ends_with('…'), "{lines:?}");
        assert!(lines.iter().all(|l| measure(&f.0, l, 64.0) <= 1040.0), "{lines:?}");
        let word = "x".repeat(200);
        let lines = wrap(&f.0, &word, 64.0, 1040.0, 4);
        assert!(lines.len() >= 2 && lines.iter().all(|l| measure(&f.0, l, 64.0) <= 1040.0), "{lines:?}");
        assert_eq!(wrap(&f.0, "Paludisme", 64.0, 1040.0, 4), ["Paludisme"]);
        assert!(png(&card(&long), &f).len() > 1000);
    }
}
