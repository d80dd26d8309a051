//! The cache of encoded images, outside the output folder
//! (`.vitrine-cache/images/` at the site's root by default): one file per
//! width and format of a source, named by a hash of what makes its bytes
//! (the source's bytes, the width, the format, the quality and the
//! version of the pipeline), so an image whose bytes and settings did not
//! change is never decoded again, by `build`, `check` or `serve`.
//!
//! An entry starts with a mark and the checksum of what follows; an entry
//! whose checksum does not match (a disk error, a build killed while
//! writing, a hand edit) is deleted and made again, never published. An
//! entry is written to a temporary file renamed into place, so that two
//! builds sharing the cache never read half an entry.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The mark an entry starts with.
const MARK: &[u8; 8] = b"vtrnimg1";
/// Mark and checksum.
const HEAD: usize = MARK.len() + 16;

/// The cache in a folder, or none (a cache that cannot be made).
pub struct Cache {
    dir: Option<PathBuf>,
    /// Entries found damaged and deleted.
    pub damaged: AtomicUsize,
    /// Entries that could not be written (the build goes on without them).
    pub unwritten: AtomicUsize,
}

impl Cache {
    /// The cache of images in `dir` (created when first written).
    pub fn new(dir: Option<PathBuf>) -> Cache {
        Cache { dir, damaged: AtomicUsize::new(0), unwritten: AtomicUsize::new(0) }
    }

    /// The folder of the entries, if any.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    fn path(&self, key: &str) -> Option<PathBuf> {
        Some(self.dir.as_ref()?.join(&key[..2]).join(key))
    }

    /// The bytes kept under `key`, when there is a sound entry.
    pub fn get(&self, key: &str) -> Option<Vec<u8>> {
        let path = self.path(key)?;
        let mut bytes = std::fs::read(&path).ok()?;
        let sound =
            bytes.len() >= HEAD && &bytes[..MARK.len()] == MARK && bytes[MARK.len()..HEAD] == checksum(&bytes[HEAD..]);
        if !sound {
            self.damaged.fetch_add(1, Ordering::Relaxed);
            let _ = std::fs::remove_file(&path);
            return None;
        }
        bytes.drain(..HEAD);
        Some(bytes)
    }

    /// Keeps `bytes` under `key`.
    pub fn put(&self, key: &str, bytes: &[u8]) {
        let Some(path) = self.path(key) else { return };
        let written = (|| -> std::io::Result<()> {
            let dir = path.parent().unwrap_or(Path::new("."));
            std::fs::create_dir_all(dir)?;
            let tmp = dir.join(format!(".{key}.{}.tmp", std::process::id()));
            let mut entry = Vec::with_capacity(HEAD + bytes.len());
            entry.extend_from_slice(MARK);
            entry.extend_from_slice(&checksum(bytes));
            entry.extend_from_slice(bytes);
            std::fs::write(&tmp, &entry)?;
            std::fs::rename(&tmp, &path).inspect_err(|_| {
                let _ = std::fs::remove_file(&tmp);
            })
        })();
        if written.is_err() {
            self.unwritten.fetch_add(1, Ordering::Relaxed);
        }
    }
}

fn checksum(bytes: &[u8]) -> [u8; 16] {
    xxhash_rust::xxh3::xxh3_128(bytes).to_le_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_entries_and_drops_damaged_ones() {
        let dir = std::env::temp_dir().join(format!("vitrine-image-cache-{}", std::process::id()));
        let cache = Cache::new(Some(dir.clone()));
        let key = "0123456789abcdef0123456789abcdef";
        assert_eq!(cache.get(key), None);
        cache.put(key, b"pixels");
        assert_eq!(cache.get(key).as_deref(), Some(&b"pixels"[..]));
        // One bit flipped in the payload: deleted, not served.
        let path = dir.join("01").join(key);
        let mut bytes = std::fs::read(&path).unwrap();
        *bytes.last_mut().unwrap() ^= 1;
        std::fs::write(&path, bytes).unwrap();
        assert_eq!(cache.get(key), None);
        assert_eq!(cache.damaged.load(Ordering::Relaxed), 1);
        assert!(!path.exists());
        // Truncated to less than its head.
        cache.put(key, b"pixels");
        std::fs::write(&path, b"vtrn").unwrap();
        assert_eq!(cache.get(key), None);
        assert!(Cache::new(None).get(key).is_none());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
