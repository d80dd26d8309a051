//! Text drawn as shapes, from the font the binary carries (`font.ttf`:
//! DejaVu Sans Bold, cut down by `scripts/subset-font.sh`): a generated
//! picture looks the same on every machine and in every browser, its text
//! is measured exactly to fit its box, and it can be rasterised without
//! fonts. Lines are broken between words; a word too long for a line is
//! broken between letters; text that does not fit at the smallest size
//! ends with an ellipsis.

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::{OnceLock, RwLock};

use ttf_parser::{Face, GlyphId, OutlineBuilder};
use unicode_normalization::UnicodeNormalization;

static FONT: &[u8] = include_bytes!("font.ttf");

fn face() -> Option<&'static Face<'static>> {
    static FACE: OnceLock<Option<Face<'static>>> = OnceLock::new();
    FACE.get_or_init(|| Face::parse(FONT, 0).ok()).as_ref()
}

/// The outline of a glyph as SVG path data, in font units (y up).
#[derive(Default)]
struct PathData(String);

impl OutlineBuilder for PathData {
    fn move_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "M{} {}", num(x), num(y));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "L{} {}", num(x), num(y));
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let _ = write!(self.0, "Q{} {} {} {}", num(x1), num(y1), num(x), num(y));
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let _ = write!(self.0, "C{} {} {} {} {} {}", num(x1), num(y1), num(x2), num(y2), num(x), num(y));
    }
    fn close(&mut self) {
        self.0.push('Z');
    }
}

/// A number as short as SVG allows: `12`, `12.5`.
pub fn num(v: f32) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// The path data of glyph `id`, made once per process.
pub fn outline(id: u16) -> std::sync::Arc<str> {
    static OUTLINES: OnceLock<RwLock<HashMap<u16, std::sync::Arc<str>>>> = OnceLock::new();
    let cache = OUTLINES.get_or_init(Default::default);
    if let Some(d) = cache.read().ok().and_then(|c| c.get(&id).cloned()) {
        return d;
    }
    let mut data = PathData::default();
    if let Some(face) = face() {
        face.outline_glyph(GlyphId(id), &mut data);
    }
    let d: std::sync::Arc<str> = data.0.into();
    if let Ok(mut c) = cache.write() {
        c.insert(id, std::sync::Arc::clone(&d));
    }
    d
}

/// Draws the outline of glyph `id` into `builder` (font units, y up).
pub fn outline_into(id: u16, builder: &mut dyn OutlineBuilder) {
    if let Some(face) = face() {
        face.outline_glyph(GlyphId(id), builder);
    }
}

/// Font units per em.
pub fn units_per_em() -> f32 {
    face().map_or(2048.0, |f| f32::from(f.units_per_em()))
}

/// A glyph placed on a line, `x` in font units from the line's start.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub glyph: u16,
    pub x: f32,
}

/// One line of glyphs and its width in font units.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub glyphs: Vec<Placed>,
    pub width: f32,
}

fn glyph(c: char) -> u16 {
    face().and_then(|f| f.glyph_index(c).or_else(|| f.glyph_index('\u{fffd}'))).map_or(0, |g| g.0)
}

fn advance(g: u16) -> f32 {
    face().and_then(|f| f.glyph_hor_advance(GlyphId(g))).map_or(0.0, f32::from)
}

fn width(text: &str) -> f32 {
    text.chars().map(|c| advance(glyph(c))).sum()
}

fn line(text: &str) -> Line {
    let mut x = 0.0;
    let mut glyphs = Vec::new();
    for c in text.chars() {
        let g = glyph(c);
        if !c.is_whitespace() {
            glyphs.push(Placed { glyph: g, x });
        }
        x += advance(g);
    }
    Line { glyphs, width: x }
}

/// `text` in lines of at most `max` font units, at most `lines` of them;
/// `None` when it does not fit (see [`fit`]).
fn wrap(text: &str, max: f32, lines: usize) -> Option<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    // The width of `current`, summed glyph by glyph from the left as
    // [`width`] sums it (the same additions in the same order, so the same
    // value): each word is measured once, not the whole line again.
    let mut current_width = 0.0;
    for word in text.split_whitespace() {
        let start = if current.is_empty() { 0.0 } else { current_width + advance(glyph(' ')) };
        let candidate = word.chars().fold(start, |w, c| w + advance(glyph(c)));
        if candidate <= max {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
            current_width = candidate;
            continue;
        }
        if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        // A word longer than a line is cut between letters.
        let mut piece = String::new();
        let mut piece_width = 0.0;
        for c in word.chars() {
            let wider = piece_width + advance(glyph(c));
            if !piece.is_empty() && wider > max {
                out.push(std::mem::take(&mut piece));
                piece_width = advance(glyph(c));
            } else {
                piece_width = wider;
            }
            piece.push(c);
        }
        current = piece;
        current_width = piece_width;
    }
    if !current.is_empty() {
        out.push(current);
    }
    (out.len() <= lines).then_some(out)
}

/// `text` set to fit a box `box_width` wide and `box_height` high (in
/// pixels), at most `max_lines` lines, at the largest size from `sizes`
/// (largest first) where it fits; at the smallest, the last line that fits
/// ends with `…`. Returns the size and the lines.
pub fn fit(text: &str, box_width: f32, box_height: f32, max_lines: usize, sizes: &[f32]) -> (f32, Vec<Line>) {
    let text: String = text.nfc().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let em = units_per_em();
    let smallest = sizes.last().copied().unwrap_or(16.0);
    for &size in sizes {
        let lines = ((box_height / (size * LEADING)).floor() as usize).clamp(1, max_lines);
        if let Some(wrapped) = wrap(&text, box_width * em / size, lines) {
            return (size, wrapped.iter().map(|l| line(l)).collect());
        }
    }
    let lines = ((box_height / (smallest * LEADING)).floor() as usize).clamp(1, max_lines);
    let max = box_width * em / smallest;
    let mut wrapped = wrap(&text, max, usize::MAX).unwrap_or_default();
    wrapped.truncate(lines);
    if let Some(last) = wrapped.last_mut() {
        while !last.is_empty() && width(&format!("{last}…")) > max {
            last.pop();
        }
        let kept = last.trim_end().to_string();
        *last = format!("{kept}…");
    }
    (smallest, wrapped.iter().map(|l| line(l)).collect())
}

/// Line height, in ems.
pub const LEADING: f32 = 1.18;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_has_french_letters() {
        assert!(face().is_some(), "font.ttf parses");
        for c in "éèàçôœÉ€«»’".chars() {
            assert_ne!(glyph(c), 0, "{c}");
        }
        assert!(!outline(glyph('é')).is_empty());
    }

    #[test]
    fn long_titles_take_smaller_sizes_then_an_ellipsis() {
        let sizes = [80.0, 64.0, 48.0];
        let (size, lines) = fit("Rage", 1000.0, 400.0, 4, &sizes);
        assert_eq!((size, lines.len()), (80.0, 1));
        let long = "Les essais cliniques dans les maladies infectieuses tropicales et leurs enjeux";
        let (size, lines) = fit(long, 1000.0, 400.0, 4, &sizes);
        assert!(size < 80.0 && lines.len() <= 4, "{size} {}", lines.len());
        for l in &lines {
            assert!(l.width * size / units_per_em() <= 1000.0 + 0.5, "a line overflows");
        }
        let endless = "mot ".repeat(200);
        let (size, lines) = fit(&endless, 1000.0, 400.0, 4, &sizes);
        assert_eq!(size, 48.0);
        assert!(lines.len() <= 4);
        let (_, lines) = fit("Anticonstitutionnellementanticonstitutionnellement", 300.0, 400.0, 4, &[64.0]);
        assert!(lines.len() > 1, "a long word is cut");
    }
}
