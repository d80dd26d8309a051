//! Bad images are content errors at the place that names them (the
//! front-matter value, or the Markdown image), never crashes: a missing
//! file, a path out of the site, a file that is no image, a damaged one, a
//! decompression bomb, one over `max_pixels`; an animation is a warning.

mod common;

use std::io::Cursor;
use std::path::Path;

use common::{minimal_site_in, TempDir, TODAY};
use serde_json::Value;

fn png(w: u32, h: u32) -> Vec<u8> {
    let img = image::DynamicImage::ImageRgb8(image::RgbImage::new(w, h));
    let mut bytes = Vec::new();
    img.write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png).expect("encodes");
    bytes
}

/// A PNG chunk: length, type, data, CRC.
fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut crc = flate2::Crc::new();
    crc.update(kind);
    crc.update(data);
    let mut c = (data.len() as u32).to_be_bytes().to_vec();
    c.extend_from_slice(kind);
    c.extend_from_slice(data);
    c.extend_from_slice(&crc.sum().to_be_bytes());
    c
}

/// A PNG of `w` x `h` pixels (header) whose compressed pixels are `idat`.
fn png_of(w: u32, h: u32, idat: &[u8]) -> Vec<u8> {
    let mut ihdr = w.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend(chunk(b"IHDR", &ihdr));
    bytes.extend(chunk(b"IDAT", idat));
    bytes.extend(chunk(b"IEND", &[]));
    bytes
}

/// A PNG whose header says 40,000 x 40,000 pixels (1.6 gigapixels, 4.8 GB
/// decoded) in a few bytes: a decompression bomb.
fn bomb() -> Vec<u8> {
    png_of(40_000, 40_000, &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])
}

/// A PNG whose header is sound and whose pixels are garbage.
fn damaged_pixels() -> Vec<u8> {
    png_of(64, 64, b"this is not zlib data at all")
}

fn animated_gif() -> Vec<u8> {
    use image::codecs::gif::GifEncoder;
    let mut bytes = Vec::new();
    {
        let mut encoder = GifEncoder::new(&mut bytes);
        for shade in [0u8, 255] {
            let frame = image::RgbaImage::from_pixel(8, 8, image::Rgba([shade, 0, 0, 255]));
            encoder.encode_frame(image::Frame::new(frame)).expect("a frame");
        }
    }
    bytes
}

fn write_bytes(root: &Path, rel: &str, bytes: &[u8]) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
    std::fs::write(path, bytes).expect("write");
}

/// `vitrine build` of `root` (into a folder of `dir`), its exit code and
/// its problems as JSON.
fn build_json(dir: &TempDir, root: &Path) -> (Option<i32>, Vec<Value>, String) {
    let output = common::vitrine()
        .arg("build")
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(dir.join("out"))
        .args(["--today", TODAY, "--message-format", "json"])
        .output()
        .expect("runs");
    let diags = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    (output.status.code(), diags, common::describe(&output))
}

/// The problem whose message contains `what`: its severity, path, line and column.
fn at<'a>(diags: &'a [Value], what: &str, all: &str) -> (&'a str, &'a str, u64, u64) {
    let d = diags
        .iter()
        .find(|d| d["message"].as_str().is_some_and(|m| m.contains(what)))
        .unwrap_or_else(|| panic!("no problem says `{what}`: {all}"));
    (
        d["severity"].as_str().unwrap_or(""),
        d["path"].as_str().unwrap_or(""),
        d["line"].as_u64().unwrap_or(0),
        d["column"].as_u64().unwrap_or(0),
    )
}

#[test]
fn each_bad_image_is_reported_where_it_is_named() {
    let dir = TempDir::new("image-errors");
    let root = minimal_site_in(&dir);
    write_bytes(&root, "outside.png", &png(4, 4));
    write_bytes(&root, "content/moocs/rage/bombe.png", &bomb());
    write_bytes(&root, "content/moocs/rage/texte.jpg", b"not an image, only text");
    write_bytes(&root, "content/moocs/rage/tronque.png", &png(30, 20)[..40]);
    write_bytes(&root, "content/moocs/rage/abime.png", &damaged_pixels());
    write_bytes(&root, "content/moocs/rage/anime.gif", &animated_gif());
    write_bytes(&root, "content/moocs/rage/photo.heic", b"\0\0\0\x18ftypheic\0\0\0\0mif1heic");
    let rage = std::fs::read_to_string(root.join("content/moocs/rage.md")).expect("rage");
    std::fs::remove_file(root.join("content/moocs/rage.md")).expect("remove");
    // Line 2: the cover; the body's images from line 30 on.
    let rage = rage.replacen("+++\n", "+++\ncover = \"bombe.png\"\ncover_alt = \"Une bombe\"\n", 1);
    let body = [
        "![absente](absente.png)",
        "![dehors](../../../outside.png)",
        "![texte](texte.jpg)",
        "![tronquée](tronque.png)",
        "![abîmée](abime.png)",
        "![animée](anime.gif)",
        "![iPhone](photo.heic)",
    ];
    let text = format!("{}\n{}\n", rage.trim_end(), body.join("\n\n"));
    common::write(&root, "content/moocs/rage/index.md", &text);
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).expect("a line") as u64 + 1;
    let (code, diags, all) = build_json(&dir, &root);
    assert_eq!(code, Some(1), "{all}");
    let file = "content/moocs/rage/index.md";
    let cases = [
        ("bombe.png` is 40000 x 40000 pixels (1600 megapixels), over the limit of 100 megapixels", "cover = ", 9),
        ("image `absente.png` not found in the bundle folder of `rage`", "![absente]", 1),
        ("image `../../../outside.png` is outside the bundle folder of `rage`", "![dehors]", 1),
        ("`texte.jpg` is not an image vitrine can read", "![texte]", 1),
        ("image `tronque.png` cannot be read", "![tronquée]", 1),
        ("this image cannot be decoded", "![abîmée]", 1),
        ("`photo.heic` is a HEIC file, which vitrine does not read", "![iPhone]", 1),
    ];
    for (message, line, column) in cases {
        assert_eq!(at(&diags, message, &all), ("error", file, line_of(line), column), "{message}: {all}");
    }
    assert_eq!(at(&diags, "`anime.gif` is animated", &all), ("warning", file, line_of("![animée]"), 1));
    assert!(!dir.join("out").exists(), "nothing is published");
}

#[test]
fn a_missing_or_outside_cover_is_an_error_at_its_value() {
    let dir = TempDir::new("image-cover-errors");
    let root = minimal_site_in(&dir);
    write_bytes(&root, "secret.png", &png(4, 4));
    for (path, message) in [
        ("absente.png", "image `absente.png` not found in static/"),
        ("../secret.png", "image `../secret.png` is outside static/"),
    ] {
        let rage = std::fs::read_to_string(common::fixture_dir("minimal").join("content/moocs/rage.md")).expect("rage");
        let rage = rage.replacen("+++\n", &format!("+++\ncover = \"{path}\"\ncover_alt = \"x\"\n"), 1);
        common::write(&root, "content/moocs/rage.md", &rage);
        let (code, diags, all) = build_json(&dir, &root);
        assert_eq!(code, Some(1), "{all}");
        assert_eq!(at(&diags, message, &all), ("error", "content/moocs/rage.md", 2, 9), "{all}");
    }
}

#[test]
fn max_pixels_is_the_limit() {
    let dir = TempDir::new("image-max-pixels");
    let root = minimal_site_in(&dir);
    let toml = std::fs::read_to_string(root.join("vitrine.toml")).expect("toml");
    common::write(&root, "vitrine.toml", &format!("{toml}\n[images]\nmax_pixels = 1000\n"));
    write_bytes(&root, "static/grande.png", &png(50, 30));
    let rage = std::fs::read_to_string(root.join("content/moocs/rage.md")).expect("rage");
    common::write(&root, "content/moocs/rage.md", &format!("{}\n![grande](/grande.png)\n", rage.trim_end()));
    let (code, diags, all) = build_json(&dir, &root);
    assert_eq!(code, Some(1), "{all}");
    let (_, path, _, _) =
        at(&diags, "`grande.png` is 50 x 30 pixels (1500 pixels), over the limit of 1000 pixels", &all);
    assert_eq!(path, "content/moocs/rage.md");
    common::write(&root, "vitrine.toml", &format!("{toml}\n[images]\nmax_pixels = 1500\n"));
    let (code, _, all) = build_json(&dir, &root);
    assert_eq!(code, Some(0), "{all}");
}
