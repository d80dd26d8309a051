//! Images: every cover and logo that content names, and every image of a
//! body, written at the widths and formats of `[images]` for responsive
//! `<picture>`s; and the covers and marks made for entities that have
//! none. Where to start:
//!
//! - [`plan`]: the queue, from the catalogue. Each file once, whoever
//!   names it: read, hashed, its header checked (format, size, pixel
//!   limit) without decoding, so the pages know every picture's size and
//!   file names before any pixel is touched; a bad image is a problem at
//!   the place that names it. The result is [`Pictures`];
//! - [`write`] (this file): the files of each picture, made in parallel
//!   with the pages (`render` runs both at once): from the [`cache`] when
//!   it has them, else decoded once and encoded at every width and format
//!   ([`process`]); SVGs and animations are published as they are;
//! - [`probe`]: what a file is, from its header;
//! - [`generated`]: the cover of a MOOC or parcours without one, the
//!   typographic mark of an institution or platform without a logo.
//!
//! Output names carry a hash of the source's bytes and of the settings
//! (`cover.3fa2c81b0d-640.webp`), so hosts may cache them forever.

pub mod cache;
pub mod generated;
pub mod plan;
pub mod probe;
pub mod process;

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config;
use crate::diagnostic::{problems, texts, Diagnostic, Out, Problem, SourceFile};
use crate::load::assets;
use crate::load::{Kind, Meta};
use crate::markdown::images::Picture;
use crate::output::Sink;
pub use plan::{plan, Memo};
pub use process::Format;

/// What a segment of a picture's URL must not hold as it is.
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b',')
    .add(b'\'');

/// Every picture of the site, by the file it comes from.
pub struct Pictures {
    sources: BTreeMap<PathBuf, Source>,
    root: PathBuf,
    /// The base path of every URL (`""`, `/catalogue`).
    base: String,
    settings: config::Images,
    cache: cache::Cache,
    /// Counted as pictures are made, for the terminal's progress line.
    pub progress: Arc<Progress>,
}

/// How many pictures there are to make, and how many are made.
#[derive(Debug, Default)]
pub struct Progress {
    pub total: AtomicUsize,
    pub done: AtomicUsize,
}

/// One image file of the site, as it is published.
#[derive(Debug, Clone)]
pub struct Source {
    /// Its files' path from the site's root, without extension:
    /// `moocs/x/cover` (a bundle's), `images/logo` (`static/images/logo.png`).
    pub out: String,
    /// The hash its files' names carry (its bytes and the settings).
    pub hash: String,
    /// Its extension, for a file published as it is.
    pub ext: String,
    pub form: Form,
    /// The xxh3 hash of its bytes (the cache's keys start from it).
    content: u128,
    file: PathBuf,
    /// Where content names it.
    uses: Vec<Use>,
}

/// What is published of a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Form {
    /// Resized and encoded: the variants, smallest first, each width in
    /// each format (in the order of `formats`, JPEG made PNG for an image
    /// with transparency).
    Raster { width: u32, height: u32, alpha: bool, variants: Vec<Variant> },
    /// Published as it is (an SVG, an animation), with its size if known.
    AsIs { size: Option<(u32, u32)> },
}

/// One file of a raster source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub format: Format,
}

/// A place in content that names an image, and the entity it belongs to.
#[derive(Debug, Clone)]
pub struct Use {
    pub file: Arc<SourceFile>,
    pub span: Range<usize>,
    pub owner: (Kind, String),
}

/// What making the pictures did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// Image files of the content that were published.
    pub sources: usize,
    /// Files written for them.
    pub files: usize,
    /// Files encoded (the others came from the cache or were copied).
    pub encoded: usize,
    /// Files read from the cache.
    pub cached: usize,
    /// Cache entries found damaged, deleted and made again.
    pub damaged: usize,
}

/// What [`write`] wrote, which a later render of `vitrine serve` keeps
/// when the same pictures are still wanted.
#[derive(Default)]
pub struct Written {
    /// Every file of every picture, from the site's root.
    pub files: Vec<String>,
    /// Each picture made, by its files' path and hash.
    made: HashSet<(String, String)>,
    pub stats: Stats,
}

impl Source {
    /// Its size in pixels as shown, when known.
    pub fn size(&self) -> Option<(u32, u32)> {
        match &self.form {
            Form::Raster { width, height, .. } => Some((*width, *height)),
            Form::AsIs { size } => *size,
        }
    }

    /// The path of a variant's file from the site's root.
    pub fn variant_path(&self, v: &Variant) -> String {
        format!("{}.{}-{}.{}", self.out, self.hash, v.width, v.format.extension())
    }

    /// Every file of the source, from the site's root.
    pub fn paths(&self) -> Vec<String> {
        match &self.form {
            Form::Raster { variants, .. } => variants.iter().map(|v| self.variant_path(v)).collect(),
            Form::AsIs { .. } => vec![format!("{}.{}.{}", self.out, self.hash, self.ext)],
        }
    }

    /// How a page shows it, its URLs under the base path `base` (each
    /// segment percent-encoded: a `srcset` is split at spaces and commas).
    pub fn picture(&self, base: &str) -> Picture {
        let url = |path: &str| {
            let segments: Vec<String> =
                path.split('/').map(|s| percent_encoding::utf8_percent_encode(s, SEGMENT).to_string()).collect();
            format!("{base}/{}", segments.join("/"))
        };
        let Form::Raster { variants, .. } = &self.form else {
            return Picture { src: url(&self.paths()[0]), size: self.size(), ..Picture::default() };
        };
        let formats: Vec<Format> = variants.iter().fold(Vec::new(), |mut seen, v| {
            if !seen.contains(&v.format) {
                seen.push(v.format);
            }
            seen
        });
        let srcset = |format: Format| {
            let of_format = variants.iter().filter(|v| v.format == format);
            of_format.map(|v| format!("{} {}w", url(&self.variant_path(v)), v.width)).collect::<Vec<_>>().join(", ")
        };
        let Some((&last, others)) = formats.split_last() else { return Picture::default() };
        let largest = variants.iter().rfind(|v| v.format == last);
        Picture {
            src: largest.map(|v| url(&self.variant_path(v))).unwrap_or_default(),
            srcset: srcset(last),
            sources: others.iter().map(|&f| (f.mime().to_string(), srcset(f))).collect(),
            size: self.size(),
        }
    }
}

impl Pictures {
    /// No picture (a site that names no image, or a test).
    pub fn none(root: &Path, config: &config::Config) -> Pictures {
        Pictures {
            sources: BTreeMap::new(),
            root: root.to_path_buf(),
            base: config.base_path().to_string(),
            settings: config.images.clone(),
            cache: cache::Cache::new(None),
            progress: Arc::default(),
        }
    }

    /// The picture of the image `path` (a cover, a logo, a body's image)
    /// of the entity `meta`, when it is a file the site publishes.
    pub fn of(&self, meta: &Meta, path: &str) -> Option<&Source> {
        let placed = assets::place(&self.root, meta, path).ok()?;
        self.sources.get(&placed.file)
    }

    /// How a page shows the image `path` of the entity `meta`.
    pub fn picture(&self, meta: &Meta, path: &str) -> Option<Picture> {
        Some(self.of(meta, path)?.picture(&self.base))
    }

    /// Every source, by file.
    pub fn sources(&self) -> impl Iterator<Item = &Source> {
        self.sources.values()
    }

    /// Whether `file` (a file of a bundle) is published as pictures only:
    /// a raster image is not copied as it is (its metadata would be).
    pub fn replaces(&self, file: &Path) -> bool {
        self.sources.get(file).is_some_and(|s| matches!(s.form, Form::Raster { .. }))
    }

    /// The entities whose pictures are not the same in `self` and `old`
    /// (another file, size or name), sorted: `vitrine serve` renders their
    /// pages again.
    pub fn changed_owners(&self, old: &Pictures) -> Vec<(Kind, String)> {
        let (new, old) = (self.by_owner(), old.by_owner());
        let owners: std::collections::BTreeSet<&(Kind, String)> = new.keys().chain(old.keys()).collect();
        owners.into_iter().filter(|o| new.get(*o) != old.get(*o)).cloned().collect()
    }

    /// Each owner's pictures: file, hash and form.
    fn by_owner(&self) -> BTreeMap<(Kind, String), Vec<Owned<'_>>> {
        let mut map: BTreeMap<_, Vec<_>> = BTreeMap::new();
        for s in self.sources.values() {
            for u in &s.uses {
                map.entry(u.owner.clone()).or_default().push((s.file.as_path(), s.hash.as_str(), &s.form));
            }
        }
        map
    }

    /// A hash of each owner's pictures (what [`Pictures::changed_owners`]
    /// compares), for `vitrine build`'s cache (`render::records`).
    pub fn owner_hashes(&self) -> BTreeMap<(Kind, String), u128> {
        let hash = |pictures: Vec<Owned>| {
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            for (file, hash, form) in pictures {
                h.update(file.as_os_str().as_encoded_bytes());
                h.update(&[0]);
                h.update(hash.as_bytes());
                h.update(format!("{form:?}").as_bytes());
            }
            h.digest128()
        };
        self.by_owner().into_iter().map(|(owner, pictures)| (owner, hash(pictures))).collect()
    }
}

/// A picture of an owner: its file, hash and form.
type Owned<'a> = (&'a Path, &'a str, &'a Form);

/// Makes the files of every picture into `sink`, in parallel: from the
/// cache, else decoded once and encoded. The pictures `kept` says were
/// made by the previous render into the same place (`vitrine serve`) are
/// not made again. A file that cannot be decoded is a problem at each
/// place that names it.
pub fn write(pictures: &Pictures, sink: &dyn Sink, kept: Option<&Written>, out: &mut Out) -> Written {
    let todo: Vec<&Source> = pictures.sources.values().collect();
    pictures.progress.total.store(todo.len(), Ordering::Relaxed);
    let results: Vec<(Stats, Vec<Diagnostic>)> = todo
        .par_iter()
        .map(|s| {
            let made = kept.is_some_and(|k| k.made.contains(&(s.out.clone(), s.hash.clone())));
            let result = if made { Ok(Stats::default()) } else { make(pictures, s, sink) };
            pictures.progress.done.fetch_add(1, Ordering::Relaxed);
            match result {
                Ok(stats) => (stats, Vec::new()),
                Err(problem) => (Stats::default(), s.problems(problem)),
            }
        })
        .collect();
    let mut written = Written::default();
    for (source, (stats, problems)) in todo.iter().zip(results) {
        if problems.is_empty() {
            written.files.extend(source.paths());
            written.made.insert((source.out.clone(), source.hash.clone()));
        }
        out.extend(problems);
        written.stats.sources += 1;
        written.stats.files += stats.files;
        written.stats.encoded += stats.encoded;
        written.stats.cached += stats.cached;
    }
    written.stats.damaged = pictures.cache.damaged.load(Ordering::Relaxed);
    written
}

/// Why a source's files could not be made.
enum Failed {
    /// Its bytes do not decode (what the decoder said).
    Decode(String),
    /// It cannot be read, or a file cannot be written (the path and why).
    Io(PathBuf, Problem),
}

impl Source {
    fn problems(&self, failed: Failed) -> Vec<Diagnostic> {
        match failed {
            Failed::Io(path, problem) => vec![Diagnostic::about(&path, problem)],
            Failed::Decode(e) => self
                .uses
                .iter()
                .map(|u| {
                    Diagnostic::at(&u.file, u.span.clone(), problems::image_not_decodable(e.as_str()))
                        .with_hint(texts::image_damaged_hint())
                })
                .collect(),
        }
    }
}

/// The files of one source into `sink`.
fn make(pictures: &Pictures, s: &Source, sink: &dyn Sink) -> Result<Stats, Failed> {
    let put = |path: &str, bytes: &[u8]| {
        sink.put(path, bytes).map_err(|e| Failed::Io(PathBuf::from(path), problems::cannot_write(e.to_string())))
    };
    let read = || {
        std::fs::read(&s.file).map_err(|e| {
            Failed::Io(s.file.clone(), problems::image_cannot_read(s.file.display().to_string(), e.to_string()))
        })
    };
    let mut stats = Stats::default();
    let Form::Raster { alpha, variants, .. } = &s.form else {
        put(&s.paths()[0], &read()?)?;
        stats.files = 1;
        return Ok(stats);
    };
    let settings = &pictures.settings;
    let mut missing = Vec::new();
    for v in variants {
        match pictures.cache.get(&plan::variant_key(s.content, v, settings.quality)) {
            Some(bytes) => {
                put(&s.variant_path(v), &bytes)?;
                stats.cached += 1;
            }
            None => missing.push(v),
        }
    }
    if !missing.is_empty() {
        let img = process::decode(&read()?, settings.max_pixels, *alpha).map_err(Failed::Decode)?;
        let mut resizer = fast_image_resize::Resizer::new();
        let mut resized: Option<(u32, image::DynamicImage)> = None;
        for v in missing {
            if resized.as_ref().is_none_or(|(w, _)| *w != v.width) {
                let r = process::resize(&mut resizer, &img, v.width, v.height).map_err(Failed::Decode)?;
                resized = Some((v.width, r));
            }
            let Some((_, small)) = &resized else { continue };
            let bytes = process::encode(small, v.format, settings.quality).map_err(Failed::Decode)?;
            pictures.cache.put(&plan::variant_key(s.content, v, settings.quality), &bytes);
            put(&s.variant_path(v), &bytes)?;
            stats.encoded += 1;
        }
    }
    stats.files = variants.len();
    Ok(stats)
}
