//! Parsed files kept between the rebuilds of `vitrine serve`: a content
//! file is parsed again only when it changed. A file counts as unchanged
//! when its size, modification and status-change times (and, on Unix, its
//! inode) are the same as when it was parsed: every way of saving a file
//! (in place, or to a temporary file then renamed over it) changes one of
//! them, and the status-change time cannot be set back by hand.
//!
//! File times have a coarse grain on some file systems (a few
//! milliseconds), so two saves close together can leave the same stamp. As
//! git does with its index, a file changed less than [`RACY`] before it was
//! stamped is not trusted: it is parsed again at the next rebuild.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::{Entity, Kind};
use crate::diagnostic::Out;

/// What the walk found and the file's stamp: the cache key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Seen {
    pub kind: Kind,
    pub slug: String,
    pub lang: Option<String>,
    pub bundle: Option<PathBuf>,
    pub stamp: Stamp,
}

/// How recent a change must be for its stamp not to be trusted: file
/// times advance by the kernel's clock tick (1 to 10 ms on Linux).
pub const RACY: Duration = Duration::from_millis(100);

/// Size, times and inode of a file; `None` when it cannot be read, or
/// when it changed too recently to be trusted ([`RACY`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp(Option<(u64, Option<SystemTime>, i64, i64, u64)>);

impl Stamp {
    pub fn of(path: &Path) -> Stamp {
        let Ok(m) = std::fs::metadata(path) else { return Stamp(None) };
        let modified = m.modified().ok();
        let recent = |t: SystemTime| SystemTime::now().duration_since(t).map_or(true, |age| age < RACY);
        if modified.is_none_or(recent) {
            return Stamp(None);
        }
        #[cfg(unix)]
        let (ctime, ctime_nsec, ino) = {
            use std::os::unix::fs::MetadataExt;
            let changed =
                UNIX_EPOCH + Duration::new(m.ctime().max(0) as u64, m.ctime_nsec().clamp(0, 999_999_999) as u32);
            if recent(changed) {
                return Stamp(None);
            }
            (m.ctime(), m.ctime_nsec(), m.ino())
        };
        #[cfg(not(unix))]
        let (ctime, ctime_nsec, ino) = (0, 0, 0);
        Stamp(Some((m.len(), modified, ctime, ctime_nsec, ino)))
    }

    /// Whether two stamps certainly say the file did not change.
    pub fn same(&self, other: &Stamp) -> bool {
        self.0.is_some() && self == other
    }
}

/// Parsed files by path, with their problems.
#[derive(Default)]
pub struct ParseCache {
    pub(super) files: HashMap<PathBuf, (Seen, Option<Entity>, Out)>,
}

impl ParseCache {
    /// How many files it holds.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}
