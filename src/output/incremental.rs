//! The build cache beside the output folder, `.<output>.vitrine-cache/`,
//! so that a build writes only the files whose bytes change and every
//! other file keeps its modification time (docs/decisions.md, "Build
//! cache"):
//!
//! - `output.bin`: the manifest of the output folder (each file's hash,
//!   size and time);
//! - `site/` and `site.bin`: the site the output replaced last time, and
//!   its manifest. Its files that did not change since are the output's
//!   own (hard links), so it costs the space of what changed.
//!
//! A build renames `site/` to its staging folder and brings it up to date
//! ([`super::reuse::ReuseSink`]: files of the current output are linked,
//! changed files written, files no longer made removed), then the staging
//! folder and the output are exchanged in one step, as any build does
//! ([`super::swap`]), and the old output becomes `site/` for the next
//! build. The output folder is never written into: a build killed at any
//! moment leaves it whole, the old site or the new one. What a killed
//! build leaves beside it is the staging folder (removed by the next
//! build, which then starts from an empty one) or an `-old-` folder; the
//! manifest of `site/` is saved before `site/` is put in place, so a
//! `site/` always has its manifest.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::manifest::Manifest;
use super::reuse::{ReuseSink, Reused};
use super::swap::{self, with_path};
use super::Staging;

/// The cache folder of the output folder `target`.
pub struct Cache {
    pub dir: PathBuf,
}

/// The mark in the cache folder's name: `.<output>.vitrine-cache`.
pub const CACHE_MARK: &str = ".vitrine-cache";

impl Cache {
    pub fn beside(target: &Path) -> Cache {
        let name = target.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| "public".into());
        // `public` gives `.public.vitrine-cache`, as it is shown in messages.
        let parent = target.parent().unwrap_or(Path::new(""));
        Cache { dir: parent.join(format!(".{name}{CACHE_MARK}")) }
    }

    /// A file or folder of the cache.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    fn site(&self) -> PathBuf {
        self.path("site")
    }
}

/// What stopped a build that keeps the cache: the output folder (its
/// staging folder, the swap), or the cache folder beside it.
#[derive(Debug)]
pub enum Failure {
    Output(io::Error),
    Cache(io::Error),
}

/// A build in progress into a staging folder made from the previous site.
pub struct Build {
    pub staging: Staging,
    pub sink: ReuseSink,
    cache: Cache,
    /// Every file of the output folder now (the next `site/`).
    current: Option<Manifest>,
}

impl Build {
    /// Repairs what killed builds left beside `target` and prepares the
    /// staging folder: the previous site when the cache has one, else an
    /// empty folder.
    pub fn start(target: &Path) -> Result<Build, Failure> {
        let output = |e, p: &Path| Failure::Output(with_path(e, p));
        let in_cache = |e, p: &Path| Failure::Cache(with_path(e, p));
        let parent = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        fs::create_dir_all(parent).map_err(|e| output(e, parent))?;
        swap::recover(target).map_err(Failure::Output)?;
        let cache = Cache::beside(target);
        fs::create_dir_all(&cache.dir).map_err(|e| in_cache(e, &cache.dir))?;
        let is_folder = fs::symlink_metadata(target).is_ok_and(|m| m.is_dir());
        let current = is_folder.then(|| {
            let known = Manifest::load(&cache.path("output.bin")).unwrap_or_default();
            known.check_tree(target)
        });
        let dir = Staging::beside(target, swap::STAGING_MARK);
        swap::remove(&dir).map_err(|e| output(e, &dir))?;
        let site = cache.site();
        let previous = match (Manifest::load(&cache.path("site.bin")), fs::symlink_metadata(&site)) {
            (Some(m), Ok(meta)) if meta.is_dir() && fs::rename(&site, &dir).is_ok() => m.check(&dir),
            _ => {
                swap::remove(&site).map_err(|e| in_cache(e, &site))?;
                fs::create_dir(&dir).map_err(|e| output(e, &dir))?;
                Manifest::default()
            }
        };
        let sink = ReuseSink::new(dir.clone(), previous, current.clone().map(|m| (target.to_path_buf(), m)));
        Ok(Build { staging: Staging { dir, target: target.to_path_buf() }, sink, cache, current })
    }

    /// Puts the new site in place of the output in one step, and keeps the
    /// old one for the next build; what was written, linked, kept. A
    /// [`Failure::Cache`] comes once the new site is in place.
    pub fn commit(self) -> Result<Reused, Failure> {
        let Build { staging, sink, cache, current } = self;
        let (manifest, counts) = sink.finish().map_err(Failure::Output)?;
        let old = Staging::beside(&staging.target, swap::OLD_MARK);
        let replaced = swap::swap_in(&staging.dir, &staging.target, &old).map_err(Failure::Output)?;
        let in_cache = |e| Failure::Cache(with_path(e, &cache.dir));
        manifest.save(&cache.path("output.bin")).map_err(in_cache)?;
        if let Some(old) = replaced {
            match current {
                // The old output, a folder whose every file is listed.
                Some(files) if fs::symlink_metadata(&old).is_ok_and(|m| m.is_dir()) => {
                    files.save(&cache.path("site.bin")).map_err(in_cache)?;
                    fs::rename(&old, cache.site()).map_err(|e| Failure::Cache(with_path(e, &old)))?;
                }
                _ => swap::remove(&old).map_err(|e| Failure::Output(with_path(e, &old)))?,
            }
        }
        Ok(counts)
    }

    /// Throws the new site away, leaving the output untouched (the cache
    /// then has no previous site: the next build starts from scratch).
    pub fn abort(self) {
        self.staging.abort();
    }
}
