//! Writes a site of N MOOCs, each a bundle with a cover photo of W x H
//! pixels (JPEG, quality 90: smooth gradients with grain, which compress
//! like photos), for `benches/images.sh`.
//!
//! `cargo run --release --example photo_site -- DIR [N=200] [W=3000] [H=2000]`

use std::path::Path;

use image::{Rgb, RgbImage};

fn photo(seed: u32, w: u32, h: u32) -> Vec<u8> {
    let mut state = seed.wrapping_mul(2_654_435_761) | 1;
    let img = RgbImage::from_fn(w, h, |x, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let grain = (state % 24) as i32 - 12;
        let c = |base: u32, k: u32| (((base + k) % 256) as i32 + grain).clamp(0, 255) as u8;
        Rgb([c(x * 255 / w, seed * 37), c(y * 255 / h, seed * 11), c((x + y) * 128 / (w + h), seed * 5)])
    });
    let mut bytes = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90);
    image::DynamicImage::ImageRgb8(img).write_with_encoder(encoder).expect("encodes");
    bytes
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: photo_site DIR [N] [W] [H]");
        std::process::exit(2);
    };
    let num = |i: usize, default: u32| args.get(i).and_then(|s| s.parse().ok()).unwrap_or(default);
    let (n, w, h) = (num(1, 200), num(2, 3000), num(3, 2000));
    let root = Path::new(dir);
    write(
        &root.join("vitrine.toml"),
        b"title = \"Photos\"\nbase_url = \"https://moocs.example.org\"\nlanguages = [\"fr\"]\n",
    );
    write(
        &root.join("content/platforms/fun-mooc.md"),
        b"+++\ntitle = \"FUN-MOOC\"\nurl = \"https://www.fun-mooc.fr\"\n+++\n",
    );
    write(&root.join("content/institutions/ecole.md"), b"+++\ntitle = \"\xc3\x89cole\"\n+++\n");
    let jobs: Vec<u32> = (0..n).collect();
    std::thread::scope(|s| {
        for chunk in jobs.chunks(jobs.len().div_ceil(4).max(1)) {
            s.spawn(move || {
                for &i in chunk {
                    let bundle = root.join(format!("content/moocs/cours-{i:04}"));
                    let text = format!(
                        "+++\ntitle = \"Cours {i}\"\nsummary = \"Un cours.\"\nlanguages = [\"fr\"]\ninstitutions = [\"ecole\"]\nplatform = \"fun-mooc\"\ncover = \"cover.jpg\"\ncover_alt = \"Une photo\"\n+++\n"
                    );
                    write(&bundle.join("index.md"), text.as_bytes());
                    write(&bundle.join("cover.jpg"), &photo(i, w, h));
                }
            });
        }
    });
    eprintln!("{n} MOOCs with {w} x {h} covers in {dir}");
}
