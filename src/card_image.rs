//! Card images: the picture a social network shows beside a link to a
//! page that has no cover of its own (Open Graph's `og:image`). A card is
//! drawn from text alone, a title and a line or two under it, in one font
//! of the theme, on a plain background: no network, no system font, so the
//! same input gives the same bytes on every machine.
//!
//! [`png`] is the whole job: text and colours in, a PNG out. The picture is
//! 1200 × 630 pixels (the size Open Graph and X recommend for large
//! images), raster, because social networks do not show SVG. It is an
//! indexed PNG (a palette of the background and of each text colour at 127
//! levels of coverage), a quarter of the bytes of a true-colour one, and
//! written with the `png` crate's fast compression: a card takes about a
//! millisecond to draw and encode.
//!
//! What the picture says and in which colours is the caller's choice
//! (`render::social`).

use ab_glyph::{point, Font as _, FontArc, Glyph, PxScale, ScaleFont as _};

/// Width of a card, in pixels.
pub const WIDTH: u32 = 1200;
/// Height of a card, in pixels.
pub const HEIGHT: u32 = 630;

/// Space left on every side.
const MARGIN: f32 = 80.0;
/// Levels of coverage of a text colour in the palette (0 is the
/// background).
const LEVELS: u8 = 127;

/// A font to draw cards with (TrueType or OpenType), parsed once.
#[derive(Clone)]
pub struct Font(FontArc);

impl Font {
    /// The font in `bytes`; `None` when they are not a font.
    pub fn parse(bytes: Vec<u8>) -> Option<Font> {
        FontArc::try_from_vec(bytes).ok().map(Font)
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
/// [`Canvas::png`]).
struct Canvas {
    pixels: Vec<u8>,
}

/// Which text colour a text is drawn in.
#[derive(Clone, Copy)]
enum Layer {
    Title,
    Text,
}

impl Canvas {
    fn new() -> Canvas {
        Canvas { pixels: vec![0; (WIDTH * HEIGHT) as usize] }
    }

    /// Draws `lines` from the baseline `y`, `px` pixels high, one line every
    /// `line_height` pixels.
    fn lines(&mut self, font: &FontArc, lines: &[String], px: f32, y: f32, line_height: f32, layer: Layer) {
        let scaled = font.as_scaled(PxScale::from(px));
        let first = match layer {
            Layer::Title => 0,
            Layer::Text => LEVELS,
        };
        for (n, line) in lines.iter().enumerate() {
            let baseline = y + n as f32 * line_height;
            let mut x = MARGIN;
            let mut previous = None;
            for c in line.chars() {
                let id = scaled.glyph_id(c);
                if let Some(p) = previous {
                    x += scaled.kern(p, id);
                }
                let glyph: Glyph = id.with_scale_and_position(px, point(x, baseline));
                x += scaled.h_advance(id);
                previous = Some(id);
                let Some(outline) = font.outline_glyph(glyph) else { continue };
                let bounds = outline.px_bounds();
                let pixels = &mut self.pixels;
                outline.draw(|gx, gy, coverage| {
                    let (px, py) = (bounds.min.x as i64 + i64::from(gx), bounds.min.y as i64 + i64::from(gy));
                    let level = (coverage.clamp(0.0, 1.0) * f32::from(LEVELS)).round() as u8;
                    if level > 0 && (0..i64::from(WIDTH)).contains(&px) && (0..i64::from(HEIGHT)).contains(&py) {
                        // Where two glyphs meet, the more covered wins.
                        let at = &mut pixels[(py * i64::from(WIDTH) + px) as usize];
                        let had = if *at > first && *at <= first + LEVELS { *at - first } else { 0 };
                        *at = first + level.max(had);
                    }
                });
            }
        }
    }

    /// The picture as an indexed PNG: palette entry 0 is the background,
    /// 1..=127 the title colour and 128..=254 the text colour at growing
    /// coverage.
    fn png(self, card: &Card) -> Vec<u8> {
        let mut palette = Vec::with_capacity(3 * (1 + 2 * LEVELS as usize));
        palette.extend_from_slice(&card.background);
        for colour in [card.title_colour, card.text_colour] {
            for level in 1..=LEVELS {
                let t = f32::from(level) / f32::from(LEVELS);
                for c in 0..3 {
                    let (from, to) = (f32::from(card.background[c]), f32::from(colour[c]));
                    palette.push((from + (to - from) * t).round() as u8);
                }
            }
        }
        let mut bytes = Vec::with_capacity(64 * 1024);
        let mut encoder = png::Encoder::new(&mut bytes, WIDTH, HEIGHT);
        encoder.set_color(png::ColorType::Indexed);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_palette(palette);
        encoder.set_compression(png::Compression::Fast);
        // Writing into memory cannot fail but for a bad header, which the
        // constants above rule out; an empty file would be the result.
        let written = encoder.write_header().and_then(|mut w| w.write_image_data(&self.pixels));
        if written.is_err() {
            return Vec::new();
        }
        bytes
    }
}

/// Draws `card` with `font`: a PNG of [`WIDTH`] × [`HEIGHT`] pixels.
pub fn png(card: &Card, font: &Font) -> Vec<u8> {
    let font = &font.0;
    let width = WIDTH as f32 - 2.0 * MARGIN;
    let mut canvas = Canvas::new();
    // The kicker on top, the byline at the bottom (its last line's baseline
    // `MARGIN` above the edge), the title in between: as large as fits in
    // four lines.
    let kicker = wrap(font, card.kicker, 30.0, width, 1);
    canvas.lines(font, &kicker, 30.0, MARGIN + 30.0, 0.0, Layer::Text);
    let byline = wrap(font, card.byline, 34.0, width, 2);
    let byline_top = HEIGHT as f32 - MARGIN - 42.0 * (byline.len().max(1) - 1) as f32;
    canvas.lines(font, &byline, 34.0, byline_top, 42.0, Layer::Text);
    let room = byline_top - 34.0 - 40.0 - (MARGIN + 30.0 + 40.0);
    let (px, title) = [72.0, 64.0, 56.0, 48.0]
        .iter()
        .map(|&px| (px, wrap(font, card.title, px, width, 4)))
        .find(|(px, lines)| !cut(lines) && lines.len() as f32 * px * 1.2 <= room)
        .unwrap_or_else(|| (48.0, wrap(font, card.title, 48.0, width, ((room / 57.6) as usize).clamp(1, 4))));
    let top = MARGIN + 30.0 + 40.0 + px;
    canvas.lines(font, &title, px, top, px * 1.2, Layer::Title);
    canvas.png(card)
}

/// Whether wrapped lines were cut (the last one ends with `…`).
fn cut(lines: &[String]) -> bool {
    lines.last().is_some_and(|l| l.ends_with('…'))
}

/// Width of `text` at `px` pixels.
fn measure(font: &FontArc, text: &str, px: f32) -> f32 {
    let scaled = font.as_scaled(PxScale::from(px));
    let mut previous = None;
    let mut x = 0.0;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = previous {
            x += scaled.kern(p, id);
        }
        x += scaled.h_advance(id);
        previous = Some(id);
    }
    x
}

/// `text` in lines of at most `width` pixels at `px` pixels, at most `max`
/// of them: words go to the next line when they do not fit, a word wider
/// than a line is cut between letters, and the last line ends with `…` when
/// text is left over.
fn wrap(font: &FontArc, text: &str, px: f32, width: f32, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if measure(font, &candidate, px) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word alone, cut between letters when it is wider than a line.
        for c in word.chars() {
            line.push(c);
            if measure(font, &line, px) > width && line.chars().count() > 1 {
                line.pop();
                lines.push(std::mem::replace(&mut line, c.to_string()));
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
