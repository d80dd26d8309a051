//! Why `fast_image_resize` (docs/decisions.md, "Images"): the time to
//! resize a 3000 x 2000 photo to the three default widths with `image`'s
//! own filters and with `fast_image_resize`, and what decoding and
//! encoding cost beside it.
//!
//! `cargo run --release --example resize_compare`

use std::time::{Duration, Instant};

use fast_image_resize as fr;
use image::imageops::FilterType;
use image::{DynamicImage, Rgb, RgbImage};

const WIDTHS: [u32; 3] = [1280, 640, 320];

/// The best of 3 runs of `f`.
fn best(f: &mut dyn FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let (w, h) = (3000u32, 2000u32);
    let mut state: u32 = 1;
    let photo = DynamicImage::ImageRgb8(RgbImage::from_fn(w, h, |x, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let n = (state & 31) as u8;
        Rgb([
            ((x * 255 / w) as u8).wrapping_add(n),
            ((y * 255 / h) as u8).wrapping_add(n),
            (((x + y) / 20) as u8).wrapping_add(n),
        ])
    }));
    let mut jpeg = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90);
    photo.write_with_encoder(encoder).expect("encodes");
    let decode = best(&mut || drop(image::load_from_memory(&jpeg).expect("decodes")));
    println!("decode a {w} x {h} JPEG ({} bytes): {:.1} ms", jpeg.len(), decode.as_secs_f64() * 1000.0);
    for filter in [FilterType::Triangle, FilterType::CatmullRom, FilterType::Lanczos3] {
        let t = best(&mut || {
            for tw in WIDTHS {
                drop(photo.resize_exact(tw, tw * h / w, filter));
            }
        });
        println!("image {filter:?}, widths {WIDTHS:?}: {:.1} ms", t.as_secs_f64() * 1000.0);
    }
    let mut resizer = fr::Resizer::new();
    for filter in [fr::FilterType::CatmullRom, fr::FilterType::Lanczos3] {
        let options = fr::ResizeOptions::new().resize_alg(fr::ResizeAlg::Convolution(filter));
        let t = best(&mut || {
            for tw in WIDTHS {
                let mut dst = DynamicImage::new(tw, tw * h / w, photo.color());
                resizer.resize(&photo, &mut dst, &options).expect("resizes");
            }
        });
        println!("fast_image_resize {filter:?}, widths {WIDTHS:?}: {:.1} ms", t.as_secs_f64() * 1000.0);
    }
    let small = photo.resize_exact(1280, 1280 * h / w, FilterType::Triangle).to_rgb8();
    let webp =
        best(&mut || drop(webp::Encoder::from_rgb(&small, small.width(), small.height()).encode_simple(false, 80.0)));
    println!("libwebp, 1280 px, quality 80: {:.1} ms", webp.as_secs_f64() * 1000.0);
    let small = DynamicImage::ImageRgb8(small);
    let jpeg = best(&mut || {
        let mut out = Vec::new();
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80);
        small.write_with_encoder(encoder).expect("encodes");
    });
    println!("image's JPEG, 1280 px, quality 80: {:.1} ms", jpeg.as_secs_f64() * 1000.0);
}
