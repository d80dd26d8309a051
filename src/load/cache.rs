//! Parsed files kept between the rebuilds of `vitrine serve`: a content
//! file is parsed again only when it changed. A file counts as unchanged
//! when its size, modification and status-change times (and, on Unix, its
//! inode) are the same as when it was parsed: every way of saving a file
//! (in place, or to a temporary file then renamed over it) changes one of
//! them, and the status-change time cannot be set back by hand.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::fields::Out;
use super::{Entity, Kind};

/// What the walk found and the file's stamp: the cache key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Seen {
    pub kind: Kind,
    pub slug: String,
    pub lang: Option<String>,
    pub bundle: Option<PathBuf>,
    pub stamp: Stamp,
}

/// Size, times and inode of a file; `None` when it cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp(Option<(u64, Option<SystemTime>, i64, i64, u64)>);

impl Stamp {
    pub fn of(path: &Path) -> Stamp {
        Stamp(std::fs::metadata(path).ok().map(|m| {
            let modified = m.modified().ok();
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt;
                (m.len(), modified, m.ctime(), m.ctime_nsec(), m.ino())
            }
            #[cfg(not(unix))]
            {
                (m.len(), modified, 0, 0, 0)
            }
        }))
    }
}

/// Parsed files by path, with their problems.
#[derive(Default)]
pub struct ParseCache {
    pub(super) files: HashMap<PathBuf, (Seen, Option<Entity>, Out)>,
}

impl ParseCache {
    /// The parse of `path`, if it was parsed from the same file.
    pub(super) fn get(&self, path: &Path, seen: &Seen) -> Option<(Option<Entity>, Out)> {
        let (was, entity, problems) = self.files.get(path)?;
        (was == seen && seen.stamp.0.is_some()).then(|| (entity.clone(), problems.clone()))
    }

    /// How many files it holds.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}
