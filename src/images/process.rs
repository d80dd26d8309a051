//! The pixels' work: a file is decoded once (within the decoder limits of
//! `probe`), turned as its EXIF orientation says, then resized to each
//! width (`fast_image_resize`, Lanczos3) and encoded in each format. What
//! is written holds pixels only: no EXIF, no camera or GPS data, no
//! colour profile (images are taken as sRGB, as the web shows them).

use std::io::Cursor;

use fast_image_resize::{FilterType, ResizeAlg, ResizeOptions, Resizer};
use image::{DynamicImage, ImageDecoder, ImageReader};

/// A format images are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    Webp,
    Jpeg,
    Png,
}

impl Format {
    /// The format `[images] formats` names (`webp`, `jpeg`, `png`).
    pub fn named(name: &str) -> Option<Format> {
        match name {
            "webp" => Some(Format::Webp),
            "jpeg" => Some(Format::Jpeg),
            "png" => Some(Format::Png),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Webp => "webp",
            Format::Jpeg => "jpg",
            Format::Png => "png",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Webp => "image/webp",
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
        }
    }
}

/// Decodes `bytes`, turned upright, as 8-bit RGB (or RGBA with `alpha`).
pub fn decode(bytes: &[u8], max_pixels: u64, alpha: bool) -> Result<DynamicImage, String> {
    let mut reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(|e| e.to_string())?;
    reader.limits(super::probe::limits(max_pixels));
    let mut decoder = reader.into_decoder().map_err(|e| e.to_string())?;
    let orientation = decoder.orientation().map_err(|e| e.to_string())?;
    let mut img = DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    img.apply_orientation(orientation);
    Ok(if alpha { DynamicImage::ImageRgba8(img.into_rgba8()) } else { DynamicImage::ImageRgb8(img.into_rgb8()) })
}

/// `img` at `width` x `height` pixels (never asked for more than it has).
pub fn resize(resizer: &mut Resizer, img: &DynamicImage, width: u32, height: u32) -> Result<DynamicImage, String> {
    if (width, height) == (img.width(), img.height()) {
        return Ok(img.clone());
    }
    let mut dst = DynamicImage::new(width, height, img.color());
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    resizer.resize(img, &mut dst, &options).map_err(|e| e.to_string())?;
    Ok(dst)
}

/// `img` encoded as `format` at `quality` (1-100; PNG is lossless).
pub fn encode(img: &DynamicImage, format: Format, quality: u8) -> Result<Vec<u8>, String> {
    let (w, h) = (img.width(), img.height());
    match format {
        Format::Webp => {
            let encoder = match img {
                DynamicImage::ImageRgba8(rgba) => webp::Encoder::from_rgba(rgba.as_raw(), w, h),
                other => webp::Encoder::from_rgb(other.as_rgb8().ok_or("not RGB")?.as_raw(), w, h),
            };
            let encoded = encoder.encode_simple(false, f32::from(quality)).map_err(|e| format!("{e:?}"))?;
            Ok(encoded.to_vec())
        }
        Format::Jpeg => {
            let mut bytes = Vec::new();
            let rgb = DynamicImage::ImageRgb8(img.to_rgb8());
            let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, quality);
            rgb.write_with_encoder(encoder).map_err(|e| e.to_string())?;
            Ok(bytes)
        }
        Format::Png => {
            let mut bytes = Vec::new();
            img.write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png).map_err(|e| e.to_string())?;
            Ok(bytes)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{GenericImageView, Rgb, RgbImage};

    #[test]
    fn resizes_and_encodes_each_format() {
        let img = DynamicImage::ImageRgb8(RgbImage::from_fn(40, 20, |x, _| Rgb([(x * 6) as u8, 100, 50])));
        let mut resizer = Resizer::new();
        let small = resize(&mut resizer, &img, 20, 10).unwrap();
        assert_eq!(small.dimensions(), (20, 10));
        for format in [Format::Webp, Format::Jpeg, Format::Png] {
            let bytes = encode(&small, format, 80).unwrap();
            let back = image::load_from_memory(&bytes).unwrap();
            assert_eq!(back.dimensions(), (20, 10), "{format:?}");
            assert_eq!(encode(&small, format, 80).unwrap(), bytes, "{format:?} is deterministic");
        }
    }
}
