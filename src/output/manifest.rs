//! What a build wrote: every file of a site with the hash of its bytes,
//! its size and its modification time. The next build compares the bytes
//! it makes with these hashes, and writes only the files whose bytes
//! changed ([`super::reuse`]).
//!
//! A record is trusted only while the file on disk still has its size and
//! modification time ([`Manifest::check_tree`], [`Manifest::check`]): a
//! file edited or replaced by anything else is written again.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::Path;
use std::time::UNIX_EPOCH;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// One file of a site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// xxh3-128 of its bytes.
    pub hash: u128,
    pub size: u64,
    /// Modification time, in nanoseconds since 1970.
    pub mtime: i64,
    /// Its size and time on disk are those recorded: its bytes are known.
    #[serde(skip)]
    pub trusted: bool,
}

impl Record {
    /// The record of a file just written with bytes of hash `hash`.
    pub fn of(hash: u128, meta: &fs::Metadata) -> Record {
        Record { hash, size: meta.len(), mtime: mtime(meta), trusted: true }
    }

    /// A file found on disk whose bytes are not known.
    fn unknown(meta: &fs::Metadata) -> Record {
        Record { hash: UNKNOWN, size: meta.len(), mtime: mtime(meta), trusted: false }
    }

    fn matches(&self, meta: &fs::Metadata) -> bool {
        meta.is_file() && meta.len() == self.size && mtime(meta) == self.mtime
    }
}

/// Nanoseconds since 1970 of a file's modification.
fn mtime(meta: &fs::Metadata) -> i64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(-1, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

/// The hash of a file's bytes, as records hold it.
pub fn hash(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

/// Every file of a site, by path relative to its root (`/` separators).
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Manifest {
    pub files: HashMap<String, Record>,
}

impl Manifest {
    /// Reads a manifest saved by [`Manifest::save`]; `None` when there is
    /// none or it cannot be read (an older vitrine's): nothing is reused.
    pub fn load(path: &Path) -> Option<Manifest> {
        read_versioned(path, FORMAT)
    }

    /// Writes it to `path` in one step (a temporary file renamed over it).
    pub fn save(&self, path: &Path) -> io::Result<()> {
        write_versioned(self, path, FORMAT)
    }

    /// Every file under `root` as it is now, its record trusted when its
    /// size and time are those of this manifest (a walk of the whole tree:
    /// a file this manifest does not know is listed too, untrusted).
    pub fn check_tree(&self, root: &Path) -> Manifest {
        let mut found = Vec::new();
        walk(root, "", &mut found);
        let files = found
            .into_par_iter()
            .filter_map(|(rel, path)| {
                let meta = fs::symlink_metadata(&path).ok()?;
                let record = match self.files.get(&rel) {
                    Some(r) if r.matches(&meta) => Record { trusted: true, ..*r },
                    _ => Record::unknown(&meta),
                };
                Some((rel, record))
            })
            .collect();
        Manifest { files }
    }

    /// This manifest, each record trusted when the file under `root` still
    /// has its size and time (a folder whose files only vitrine changes,
    /// so no walk for files it does not know).
    pub fn check(mut self, root: &Path) -> Manifest {
        self.files.par_iter_mut().for_each(|(rel, record)| {
            record.trusted = record.hash != UNKNOWN
                && super::safe_join(root, rel)
                    .and_then(|p| fs::symlink_metadata(p).ok())
                    .is_some_and(|meta| record.matches(&meta));
        });
        self
    }

    /// Whether every file is trusted.
    pub fn all_trusted(&self) -> bool {
        self.files.values().all(|r| r.trusted)
    }

    /// The trusted record of `path`, if any.
    pub fn trusted(&self, path: &str) -> Option<&Record> {
        self.files.get(path).filter(|r| r.trusted)
    }
}

/// The hash of a file whose bytes are not known: never trusted.
const UNKNOWN: u128 = 0;

/// The version of the saved format, first in the file.
const FORMAT: [u8; 4] = *b"vm01";

/// A value saved by [`write_versioned`] with the same `format`; `None`
/// when there is none or it cannot be read (an older vitrine's).
pub fn read_versioned<T: serde::de::DeserializeOwned>(path: &Path, format: [u8; 4]) -> Option<T> {
    let bytes = fs::read(path).ok()?;
    let (version, rest) = bytes.split_first_chunk::<4>()?;
    if *version != format {
        return None;
    }
    postcard::from_bytes(rest).ok()
}

/// Writes `value` to `path` after the 4 bytes of its `format`, in one step
/// (a temporary file renamed over it).
pub fn write_versioned<T: Serialize>(value: &T, path: &Path, format: [u8; 4]) -> io::Result<()> {
    let mut bytes = format.to_vec();
    bytes.extend(postcard::to_stdvec(value).map_err(io::Error::other)?);
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    fs::write(&tmp, bytes)?;
    fs::rename(&tmp, path)
}

/// Files under `dir` (relative path, full path), links and all but folders.
fn walk(dir: &Path, rel: &str, found: &mut Vec<(String, std::path::PathBuf)>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        let rel = if rel.is_empty() { name } else { format!("{rel}/{name}") };
        let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
        if is_dir {
            walk(&e.path(), &rel, found);
        } else {
            found.push((rel, e.path()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trusts_only_files_as_they_were_recorded() {
        let base = std::env::temp_dir().join(format!("vitrine-manifest-{}", std::process::id()));
        let _ = fs::remove_dir_all(&base);
        fs::create_dir_all(base.join("a")).unwrap();
        let mut m = Manifest::default();
        for (rel, text) in [("a/x.html", "x"), ("y.txt", "y")] {
            fs::write(base.join(rel), text).unwrap();
            let meta = fs::metadata(base.join(rel)).unwrap();
            m.files.insert(rel.into(), Record::of(hash(text.as_bytes()), &meta));
        }
        fs::write(base.join("extra.txt"), "?").unwrap();
        let saved = base.join("m.bin");
        m.save(&saved).unwrap();
        let loaded = Manifest::load(&saved).unwrap();
        fs::remove_file(&saved).unwrap();
        let tree = loaded.check_tree(&base);
        assert!(tree.trusted("a/x.html").is_some() && tree.trusted("y.txt").is_some());
        assert!(tree.files.contains_key("extra.txt") && tree.trusted("extra.txt").is_none(), "unknown, listed");
        fs::write(base.join("y.txt"), "changed").unwrap();
        let checked = loaded.check(&base);
        assert!(checked.trusted("y.txt").is_none(), "an edited file is not trusted");
        assert!(checked.trusted("a/x.html").is_some());
        fs::remove_dir_all(&base).unwrap();
    }
}
