//! The queue of images, planned from the catalogue before any page is
//! rendered: every cover and logo of an entity that is built, and every
//! image of their bodies (translations included), each file once. A file
//! is read and hashed, and its header tells its format and size
//! (`probe`); from those and `[images]` come its variants and their names.
//! A problem (a missing file, a path out of the site, an unknown or
//! damaged format, too many pixels) is reported at every place that names
//! the file: its front-matter key or its Markdown image.
//!
//! `vitrine serve` keeps a [`Memo`]: a file whose stamp did not change is
//! not read again.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::probe::{self, Probed, Refused};
use super::{cache, Form, Pictures, Source, Use, Variant};
use crate::config::Images;
use crate::diagnostic::{problems, texts, Arg, Diagnostic, Msg, Out};
use crate::images::Format;
use crate::load::assets::{self, Place, Unlocated};
use crate::load::cache::Stamp;
use crate::load::Meta;
use crate::markdown::{images as body_images, Body};
use crate::resolve::Catalogue;

/// What makes an image's bytes besides its source and settings: bump it
/// when resizing or encoding changes, and with the crates that do them
/// (a test checks these versions against `Cargo.lock`), so that names
/// and cache entries change with the bytes.
pub const PIPELINE: &str = "vitrine-images-1 image-0.25.10 fast_image_resize-6.1.0 libwebp-sys-0.9.6 lanczos3";

/// Files read by earlier plans, by path: `vitrine serve` reads a file
/// again only when its stamp changed.
#[derive(Default)]
pub struct Memo {
    files: HashMap<PathBuf, (Stamp, Read)>,
}

/// A file as read: the hash of its bytes and what it is.
type Read = Result<(u128, Probed), Failure>;

/// Why a file is not published.
#[derive(Debug, Clone)]
enum Failure {
    Io(String),
    Refused(Refused),
}

/// A file that content names, and where.
struct Wanted {
    located: assets::Located,
    /// Its files' path from the site's root, without extension.
    out: String,
    uses: Vec<Use>,
}

/// Plans every picture of the catalogue `cat` of the site at `root`;
/// problems go to `out`. `cache_dir`: the cache of encoded images.
pub fn plan(
    cat: &Catalogue,
    root: &Path,
    cache_dir: Option<PathBuf>,
    memo: Option<&mut Memo>,
    out: &mut Out,
) -> Pictures {
    let settings = &cat.config.images;
    let wanted = wanted(cat, root, out);
    let mut fresh = Memo::default();
    let old = memo.as_ref().map(|m| &m.files);
    let read: Vec<(Stamp, Read)> = wanted
        .par_iter()
        .map(|(file, _)| {
            let stamp = Stamp::of(file);
            match old.and_then(|o| o.get(file)) {
                Some((s, r)) if s.same(&stamp) => (stamp, r.clone()),
                _ => (stamp, read(file, settings.max_pixels)),
            }
        })
        .collect();
    let mut sources = BTreeMap::new();
    for ((file, w), (stamp, result)) in wanted.into_iter().zip(read) {
        match &result {
            Ok((content, probed)) => {
                if let Probed::Animated { .. } = probed {
                    out.extend(w.uses.iter().map(|u| animated(u, &w.located.rel)));
                }
                sources.insert(file.clone(), source(&file, w, *content, probed, settings));
            }
            Err(failure) => out.extend(w.uses.iter().map(|u| refused(u, &w.located.rel, failure, settings))),
        }
        fresh.files.insert(file, (stamp, result));
    }
    if let Some(memo) = memo {
        *memo = fresh;
    }
    Pictures {
        sources,
        root: root.to_path_buf(),
        base: cat.config.base_path().to_string(),
        settings: settings.clone(),
        cache: cache::Cache::new(cache_dir.map(|d| d.join("images"))),
        progress: Arc::default(),
    }
}

/// Every file content names, sorted, with its places. A cover or logo
/// that names no file was reported by `validate`; an image of a body that
/// names none is reported here.
fn wanted(cat: &Catalogue, root: &Path, out: &mut Out) -> BTreeMap<PathBuf, Wanted> {
    let mut wanted: BTreeMap<PathBuf, Wanted> = BTreeMap::new();
    let mut add = |meta: &Meta, kind, located: assets::Located, span| {
        let out_path = match located.place {
            Place::Bundle => {
                format!("{}{}", crate::load::Kind::page_path(kind, &meta.slug), assets::stem(&located.rel))
            }
            Place::Static => assets::stem(&located.rel).to_string(),
        };
        let use_ = Use { file: Arc::clone(&meta.file), span, owner: (kind, meta.slug.clone()) };
        let entry =
            wanted.entry(located.file.clone()).or_insert_with(|| Wanted { located, out: out_path, uses: Vec::new() });
        entry.uses.push(use_);
    };
    for e in cat.content.every() {
        let Some(path) = e.shown().image.and_then(|i| i.path.as_ref()) else { continue };
        if let Ok(located) = assets::locate(root, e.meta(), &path.value) {
            add(e.meta(), e.kind(), located, path.span.clone());
        }
    }
    let mut metas: Vec<(&Meta, crate::load::Kind)> = cat.content.every().map(|e| (e.meta(), e.kind())).collect();
    metas.extend(cat.translations.iter().map(|e| (e.meta(), e.kind())));
    let found: Vec<(&Meta, crate::load::Kind, body_images::Found, Result<assets::Located, Unlocated>)> = metas
        .par_iter()
        .flat_map_iter(|&(meta, kind)| {
            let body = Body { file: &meta.file, range: meta.body.clone(), safe_html: false };
            body_images::find(&body).into_iter().map(move |f| {
                let at = assets::locate(root, meta, &f.dest);
                (meta, kind, f, at)
            })
        })
        .collect();
    for (meta, kind, f, at) in found {
        match at {
            Ok(located) => add(meta, kind, located, f.span),
            Err(Unlocated::Remote) => {}
            Err(Unlocated::Missing { shown }) => out.push(
                Diagnostic::at(&meta.file, f.span, problems::image_not_found(f.dest.as_str(), shown))
                    .with_hint(texts::check_image_name_static()),
            ),
            Err(Unlocated::Outside { shown }) => out.push(
                Diagnostic::at(&meta.file, f.span, problems::image_outside(f.dest.as_str(), shown))
                    .with_hint(texts::images_from_bundle_or_static()),
            ),
        }
    }
    wanted
}

/// Reads a file: its hash and what it is.
fn read(file: &Path, max_pixels: u64) -> Read {
    let bytes = std::fs::read(file).map_err(|e| Failure::Io(e.to_string()))?;
    let name = file.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let probed = probe::probe(&bytes, &name, max_pixels).map_err(Failure::Refused)?;
    Ok((xxhash_rust::xxh3::xxh3_128(&bytes), probed))
}

/// The widths a source of `width` pixels is written at: those of
/// `widths` below it, and the largest it can have (never upscaled).
pub fn widths(width: u32, widths: &[u32]) -> Vec<u32> {
    let top = widths.iter().copied().max().unwrap_or(width).min(width);
    let mut chosen: Vec<u32> = widths.iter().copied().filter(|w| *w < top).collect();
    chosen.push(top);
    chosen.sort_unstable();
    chosen.dedup();
    chosen
}

/// The formats of a source: those of `[images]`, in order; JPEG has no
/// transparency, so an image with some gets PNG instead.
fn formats(settings: &Images, alpha: bool) -> Vec<Format> {
    let mut formats: Vec<Format> = Vec::new();
    for f in settings.formats.iter().filter_map(|f| Format::named(f)) {
        let f = if alpha && f == Format::Jpeg { Format::Png } else { f };
        if !formats.contains(&f) {
            formats.push(f);
        }
    }
    formats
}

fn source(file: &Path, w: Wanted, content: u128, probed: &Probed, settings: &Images) -> Source {
    let ext = w.located.rel.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    let (form, naming) = match *probed {
        Probed::Raster { width, height, alpha } => {
            let formats = formats(settings, alpha);
            let mut variants = Vec::new();
            for vw in widths(width, &settings.widths) {
                let vh = ((u64::from(height) * u64::from(vw) + u64::from(width) / 2) / u64::from(width)).max(1) as u32;
                variants.extend(formats.iter().map(|&format| Variant { width: vw, height: vh, format }));
            }
            let naming = format!("{variants:?} {}", settings.quality);
            (Form::Raster { width, height, alpha, variants }, naming)
        }
        Probed::Svg { size } => (Form::AsIs { size }, String::new()),
        Probed::Animated { width, height } => (Form::AsIs { size: Some((width, height)) }, String::new()),
    };
    let hash = crate::base::hash::hash(&[&content.to_le_bytes(), naming.as_bytes(), PIPELINE.as_bytes()]);
    Source { out: w.out, hash, ext, form, content, file: file.to_path_buf(), uses: w.uses }
}

/// The cache key of a variant of the source whose bytes hash to `content`.
pub fn variant_key(content: u128, v: &Variant, quality: u8) -> String {
    let key = format!("{content:032x} {} {} {:?} {quality} {PIPELINE}", v.width, v.height, v.format);
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(key.as_bytes()))
}

/// A number of pixels for people: `1600 megapixels`, `2.5 megapixels`, `1500 pixels`.
fn pixels(n: u64) -> Msg {
    if n < 1_000_000 {
        return texts::pixel_count(n as i64);
    }
    let tenths = (n + 50_000) / 100_000;
    let digits = usize::from(!tenths.is_multiple_of(10));
    texts::megapixel_count(Arg::Decimal(tenths as f64 / 10.0, digits))
}

fn animated(u: &Use, rel: &str) -> Diagnostic {
    Diagnostic::at(&u.file, u.span.clone(), problems::image_animated(rel)).with_hint(texts::image_animated_hint())
}

fn refused(u: &Use, rel: &str, failure: &Failure, settings: &Images) -> Diagnostic {
    let (problem, hint) = match failure {
        Failure::Io(e) => (problems::image_cannot_read(rel, e.to_string()), texts::check_file_permissions()),
        Failure::Refused(Refused::Unknown(format)) => (
            match format {
                Some(f) => problems::image_unknown_format(rel, f.to_uppercase()),
                None => problems::image_not_an_image(rel),
            },
            texts::save_as_supported_image(),
        ),
        Failure::Refused(Refused::Corrupt(e)) => {
            (problems::image_damaged(rel, e.as_str()), texts::image_damaged_hint())
        }
        Failure::Refused(Refused::TooLarge(w, h)) => (
            problems::image_too_large(
                rel,
                i64::from(*w),
                i64::from(*h),
                pixels(u64::from(*w) * u64::from(*h)),
                pixels(settings.max_pixels),
            ),
            texts::image_too_large_hint(),
        ),
    };
    Diagnostic::at(&u.file, u.span.clone(), problem).with_hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_upscales() {
        assert_eq!(widths(3000, &[320, 640, 1280]), [320, 640, 1280]);
        assert_eq!(widths(1000, &[320, 640, 1280]), [320, 640, 1000]);
        assert_eq!(widths(640, &[1280, 320, 640]), [320, 640]);
        assert_eq!(widths(200, &[320, 640, 1280]), [200]);
    }

    #[test]
    fn transparency_is_kept() {
        let settings = Images::default();
        assert_eq!(formats(&settings, false), [Format::Webp, Format::Jpeg]);
        assert_eq!(formats(&settings, true), [Format::Webp, Format::Png]);
    }

    /// The crates named in [`PIPELINE`] are those `Cargo.lock` holds: a
    /// new version of one changes the bytes, so the names must change.
    #[test]
    fn the_pipeline_names_the_locked_crates() {
        let lock = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock")).unwrap();
        for krate in ["image", "fast_image_resize", "libwebp-sys"] {
            let at =
                lock.find(&format!("name = \"{krate}\"\nversion = \"")).unwrap_or_else(|| panic!("{krate} locked"));
            let version = lock[at..].lines().nth(1).unwrap().trim_start_matches("version = \"").trim_end_matches('"');
            assert!(PIPELINE.contains(&format!("{krate}-{version} ")), "update PIPELINE: {krate} is {version}");
        }
    }
}
