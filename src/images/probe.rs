//! What an image file is, from its first bytes, before any decoding: its
//! format, its size (turned as its EXIF orientation says), whether it has
//! transparency or several frames. A file over the pixel limit is refused
//! here, so that a decompression bomb is never decoded; an SVG's size comes
//! from its root element.

use std::io::Cursor;

use image::{ImageDecoder, ImageFormat, ImageReader, Limits};

/// What a readable image is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Probed {
    /// A still raster image, resized and encoded. `width` and `height` are
    /// those of the image as shown (turned by its orientation).
    Raster { width: u32, height: u32, alpha: bool },
    /// An SVG: published as it is. Its size when the file gives one.
    Svg { size: Option<(u32, u32)> },
    /// An animated GIF, PNG or WebP: published as it is.
    Animated { width: u32, height: u32 },
}

/// Why an image is not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// Not a format vitrine reads; the name of the format when it is a known one.
    Unknown(Option<&'static str>),
    /// The file is damaged: what the decoder said.
    Corrupt(String),
    /// More pixels than `max_pixels` (width, height).
    TooLarge(u32, u32),
}

/// The decoder limits for at most `max_pixels` pixels (8 bytes each: 16-bit
/// colour with transparency, the widest a decoder allocates).
pub fn limits(max_pixels: u64) -> Limits {
    let mut limits = Limits::default();
    limits.max_alloc = Some(max_pixels.saturating_mul(8).max(1 << 20));
    limits
}

/// Reads what the file `bytes` (named `name`) is.
pub fn probe(bytes: &[u8], name: &str, max_pixels: u64) -> Result<Probed, Refused> {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".svg") {
        return svg_size(bytes).map(|size| Probed::Svg { size });
    }
    let mut reader =
        ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(|e| Refused::Corrupt(e.to_string()))?;
    let Some(format) = reader.format() else { return Err(Refused::Unknown(known_format(bytes))) };
    if ![ImageFormat::Jpeg, ImageFormat::Png, ImageFormat::Gif, ImageFormat::WebP, ImageFormat::Bmp].contains(&format) {
        return Err(Refused::Unknown(Some(format.extensions_str().first().copied().unwrap_or("?"))));
    }
    reader.limits(limits(max_pixels));
    let mut decoder = reader.into_decoder().map_err(corrupt)?;
    let (w, h) = decoder.dimensions();
    if u64::from(w) * u64::from(h) > max_pixels {
        return Err(Refused::TooLarge(w, h));
    }
    if w == 0 || h == 0 {
        return Err(Refused::Corrupt("the image has no pixels".into()));
    }
    let turned = matches!(
        decoder.orientation().map_err(corrupt)?,
        image::metadata::Orientation::Rotate90
            | image::metadata::Orientation::Rotate270
            | image::metadata::Orientation::Rotate90FlipH
            | image::metadata::Orientation::Rotate270FlipH
    );
    let (width, height) = if turned { (h, w) } else { (w, h) };
    let alpha = decoder.color_type().has_alpha();
    drop(decoder);
    if animated(bytes, format) {
        return Ok(Probed::Animated { width, height });
    }
    Ok(Probed::Raster { width, height, alpha })
}

fn corrupt(e: image::ImageError) -> Refused {
    Refused::Corrupt(e.to_string())
}

/// Whether a GIF, PNG or WebP file has more than one frame.
fn animated(bytes: &[u8], format: ImageFormat) -> bool {
    use image::AnimationDecoder;
    match format {
        ImageFormat::Gif => {
            image::codecs::gif::GifDecoder::new(Cursor::new(bytes)).is_ok_and(|d| d.into_frames().take(2).count() > 1)
        }
        ImageFormat::Png => {
            image::codecs::png::PngDecoder::new(Cursor::new(bytes)).is_ok_and(|d| d.is_apng().unwrap_or(false))
        }
        ImageFormat::WebP => image::codecs::webp::WebPDecoder::new(Cursor::new(bytes)).is_ok_and(|d| d.has_animation()),
        _ => false,
    }
}

/// The name of a format vitrine does not read, from its signature, for
/// the message (photos of phones are often HEIC).
fn known_format(bytes: &[u8]) -> Option<&'static str> {
    let brand = bytes.get(4..12);
    match brand {
        Some(b) if b.starts_with(b"ftyp") && [&b"heic"[..], b"heix", b"mif1", b"hevc"].contains(&&b[4..8]) => {
            Some("HEIC")
        }
        Some(b) if b.starts_with(b"ftyp") && (&b[4..8] == b"avif" || &b[4..8] == b"avis") => Some("AVIF"),
        _ if bytes.starts_with(b"%PDF") => Some("PDF"),
        _ if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") => Some("TIFF"),
        _ if bytes.starts_with(b"8BPS") => Some("PSD"),
        _ => None,
    }
}

/// The size of an SVG in pixels: its `width` and `height` (in px, or
/// without unit), else its `viewBox`; `None` when it gives neither.
pub fn svg_size(bytes: &[u8]) -> Result<Option<(u32, u32)>, Refused> {
    let text = std::str::from_utf8(bytes).map_err(|_| Refused::Corrupt("an SVG file must be UTF-8 text".into()))?;
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
    let doc = roxmltree::Document::parse_with_options(text, options)
        .map_err(|e| Refused::Corrupt(format!("not a valid SVG file: {e}")))?;
    let root = doc.root_element();
    if root.tag_name().name() != "svg" {
        return Err(Refused::Corrupt("not an SVG file: its first element is not <svg>".into()));
    }
    let px = |name: &str| {
        let v = root.attribute(name)?.trim();
        let number = v.strip_suffix("px").unwrap_or(v).trim();
        number.parse::<f64>().ok().filter(|n| n.is_finite() && *n >= 1.0).map(|n| n.round() as u32)
    };
    if let (Some(w), Some(h)) = (px("width"), px("height")) {
        return Ok(Some((w, h)));
    }
    let view: Vec<f64> = root
        .attribute("viewBox")
        .unwrap_or("")
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    match view[..] {
        [_, _, w, h] if w >= 1.0 && h >= 1.0 && w.is_finite() && h.is_finite() => {
            Ok(Some((w.round() as u32, h.round() as u32)))
        }
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32, alpha: bool) -> Vec<u8> {
        let img = if alpha {
            image::DynamicImage::ImageRgba8(image::RgbaImage::new(w, h))
        } else {
            image::DynamicImage::ImageRgb8(image::RgbImage::new(w, h))
        };
        let mut bytes = Vec::new();
        img.write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png).unwrap();
        bytes
    }

    #[test]
    fn reads_the_size_from_the_header() {
        assert_eq!(
            probe(&png(30, 20, false), "a.png", 1000),
            Ok(Probed::Raster { width: 30, height: 20, alpha: false })
        );
        assert_eq!(probe(&png(3, 2, true), "a.PNG", 1000), Ok(Probed::Raster { width: 3, height: 2, alpha: true }));
        assert_eq!(probe(&png(40, 30, false), "a.png", 1000), Err(Refused::TooLarge(40, 30)));
    }

    #[test]
    fn refuses_what_is_not_an_image() {
        assert_eq!(probe(b"hello", "a.jpg", 1000), Err(Refused::Unknown(None)));
        assert_eq!(probe(b"\0\0\0\x18ftypheic\0\0\0\0", "a.jpg", 1000), Err(Refused::Unknown(Some("HEIC"))));
        let mut truncated = png(30, 20, false);
        truncated.truncate(20);
        assert!(matches!(probe(&truncated, "a.png", 1000), Err(Refused::Corrupt(_))));
    }

    #[test]
    fn reads_the_size_of_an_svg() {
        let svg = |attrs: &str| format!("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" {attrs}/>");
        assert_eq!(svg_size(svg("width=\"120\" height=\"40px\"").as_bytes()), Ok(Some((120, 40))));
        assert_eq!(svg_size(svg("viewBox=\"0 0 300.4 100\"").as_bytes()), Ok(Some((300, 100))));
        assert_eq!(svg_size(svg("width=\"100%\"").as_bytes()), Ok(None));
        assert!(svg_size(b"<html></html>").is_err());
        assert!(svg_size(b"<svg").is_err());
    }
}
