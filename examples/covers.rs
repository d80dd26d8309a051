//! Draws the covers of the bundled catalogue: abstract geometric pictures
//! (flat circles, half discs, triangles and bands in a few colours), each
//! placed from its MOOC's slug, so that the same slug always gives the
//! same picture. Made by the project, no photo and no logo of anyone.
//!
//! `cargo run --example covers -- content/moocs/rabies/cover.png …`
//! writes each file named, 1600 x 900 pixels, from the name of its folder.

use tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Rect, Transform};

/// Palettes: a background and three colours.
const PALETTES: [[(u8, u8, u8); 4]; 6] = [
    [(0x1d, 0x35, 0x57), (0xe6, 0x39, 0x46), (0xf1, 0xfa, 0xee), (0xa8, 0xda, 0xdc)],
    [(0x26, 0x46, 0x53), (0x2a, 0x9d, 0x8f), (0xe9, 0xc4, 0x6a), (0xf4, 0xa2, 0x61)],
    [(0x3d, 0x34, 0x8b), (0xf3, 0x5b, 0x04), (0xf1, 0x87, 0x01), (0xf7, 0xb8, 0x01)],
    [(0x0b, 0x3c, 0x49), (0xfa, 0xf3, 0xdd), (0xc8, 0xd5, 0xb9), (0x8f, 0xc0, 0xa9)],
    [(0x5f, 0x0f, 0x40), (0xfb, 0x8b, 0x24), (0xe3, 0x64, 0x14), (0x9a, 0x03, 0x1e)],
    [(0x22, 0x22, 0x3b), (0x4a, 0x4e, 0x69), (0x9a, 0x8c, 0x98), (0xf2, 0xe9, 0xe4)],
];

struct Dice(u64);

impl Dice {
    fn new(seed: &str) -> Dice {
        // FNV-1a, then xorshift: no dependency, the same everywhere.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in seed.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
        Dice(h | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number from `lo` to `hi`.
    fn between(&mut self, lo: f32, hi: f32) -> f32 {
        lo + (self.next() % 10_000) as f32 / 10_000.0 * (hi - lo)
    }
}

fn paint((r, g, b): (u8, u8, u8)) -> Paint<'static> {
    let mut p = Paint::default();
    p.set_color_rgba8(r, g, b, 255);
    p.anti_alias = true;
    p
}

fn draw(seed: &str, width: u32, height: u32) -> Option<Vec<u8>> {
    let mut dice = Dice::new(seed);
    let palette = PALETTES[(dice.next() % PALETTES.len() as u64) as usize];
    let (w, h) = (width as f32, height as f32);
    let mut pixmap = Pixmap::new(width, height)?;
    pixmap.fill(tiny_skia::Color::from_rgba8(palette[0].0, palette[0].1, palette[0].2, 255));
    let id = Transform::identity();
    // Bands across the picture.
    for _ in 0..2 {
        let y = dice.between(0.0, h);
        let band = dice.between(h * 0.04, h * 0.12);
        let colour = palette[1 + (dice.next() % 3) as usize];
        let rect = Rect::from_xywh(0.0, y, w, band)?;
        let turn = Transform::from_rotate_at(dice.between(-25.0, 25.0), w / 2.0, y);
        pixmap.fill_rect(rect, &paint(colour), turn, None);
    }
    // Discs and half discs.
    for i in 0..5 {
        let r = dice.between(h * 0.08, h * 0.32);
        let (cx, cy) = (dice.between(0.0, w), dice.between(0.0, h));
        let colour = palette[1 + (i % 3)];
        let mut path = PathBuilder::new();
        if dice.next().is_multiple_of(2) {
            path.push_circle(cx, cy, r);
        } else {
            // A half disc: a semicircle of four quadrants' curves.
            let k = 0.552_284_8 * r;
            path.move_to(cx - r, cy);
            path.cubic_to(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
            path.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
            path.close();
        }
        if let Some(path) = path.finish() {
            let turn = Transform::from_rotate_at(dice.between(0.0, 360.0), cx, cy);
            pixmap.fill_path(&path, &paint(colour), FillRule::Winding, turn, None);
        }
    }
    // Triangles.
    for _ in 0..3 {
        let (x, y, s) = (dice.between(0.0, w), dice.between(0.0, h), dice.between(h * 0.1, h * 0.3));
        let colour = palette[1 + (dice.next() % 3) as usize];
        let mut path = PathBuilder::new();
        path.move_to(x, y - s);
        path.line_to(x + s, y + s * 0.8);
        path.line_to(x - s, y + s * 0.8);
        path.close();
        if let Some(path) = path.finish() {
            pixmap.fill_path(&path, &paint(colour), FillRule::Winding, id, None);
        }
    }
    pixmap.encode_png().ok()
}

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: cargo run --example covers -- content/moocs/<slug>/cover.png …");
        std::process::exit(2);
    }
    for file in files {
        let path = std::path::Path::new(&file);
        let seed =
            path.parent().and_then(|p| p.file_name()).map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let Some(png) = draw(&seed, 1600, 900) else {
            eprintln!("error: cannot draw {file}");
            std::process::exit(1);
        };
        if let Err(e) = std::fs::write(path, png) {
            eprintln!("error: {file}: {e}");
            std::process::exit(1);
        }
        eprintln!("{file}");
    }
}
