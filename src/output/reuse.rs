//! A sink that writes only what changed: it fills a staging folder that
//! already holds a previous site (the one before the current output, kept
//! for this: [`super::incremental`]) and knows, by hash, the bytes of the
//! current output. For each file the render hands it:
//!
//! - the staging folder has it with these bytes: nothing to do;
//! - the current output has it with these bytes: the staging folder gets
//!   a hard link to it (the same file, its modification time kept), or a
//!   copy with its time where links cannot be made;
//! - else the file is written, as a new file (a file of the staging folder
//!   may be linked from the output, so it is never written in place).
//!
//! [`ReuseSink::finish`] then removes what the staging folder holds that
//! this build did not make, and gives the new manifest. The output itself
//! is never touched: the swap puts the staging folder in its place.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use super::manifest::{hash, Manifest, Record};
use super::swap::with_path;
use super::{safe_join, Sink};

/// How many files of each kind a build handled.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Reused {
    /// Written with new bytes.
    pub written: usize,
    /// Linked (or copied) from the current output.
    pub linked: usize,
    /// Already in the staging folder.
    pub kept: usize,
    /// Removed from the staging folder.
    pub removed: usize,
}

pub struct ReuseSink {
    root: PathBuf,
    /// The current output, with what is known of its files.
    current: Option<(PathBuf, Manifest)>,
    /// What the staging folder holds.
    staged: Manifest,
    made: Mutex<BTreeSet<PathBuf>>,
    done: Mutex<HashMap<String, Record>>,
    written: AtomicUsize,
    linked: AtomicUsize,
    kept: AtomicUsize,
}

impl ReuseSink {
    /// A sink into the staging folder `root`, which holds the files of
    /// `staged`; `current`: the output folder and its files.
    pub fn new(root: PathBuf, staged: Manifest, current: Option<(PathBuf, Manifest)>) -> ReuseSink {
        ReuseSink {
            root,
            current,
            staged,
            made: Mutex::default(),
            done: Mutex::default(),
            written: AtomicUsize::new(0),
            linked: AtomicUsize::new(0),
            kept: AtomicUsize::new(0),
        }
    }

    fn target(&self, path: &str) -> io::Result<PathBuf> {
        safe_join(&self.root, path).ok_or_else(|| {
            io::Error::new(io::ErrorKind::InvalidInput, format!("refusing to write outside the output folder: {path}"))
        })
    }

    /// Makes the folder of `target`, once; a file of the previous site in
    /// the way of a folder is removed.
    fn parent(&self, target: &Path) -> io::Result<()> {
        let Some(dir) = target.parent() else { return Ok(()) };
        if self.made.lock().is_ok_and(|m| m.contains(dir)) {
            return Ok(());
        }
        if let Err(e) = fs::create_dir_all(dir) {
            // `a/b` was a file, and `a/b/c` is wanted.
            let mut up = Some(dir);
            while let Some(p) = up.filter(|p| p.starts_with(&self.root) && *p != self.root) {
                if fs::symlink_metadata(p).is_ok_and(|m| !m.is_dir()) {
                    fs::remove_file(p).map_err(|e| with_path(e, p))?;
                    break;
                }
                up = p.parent();
            }
            fs::create_dir_all(dir).map_err(|_| with_path(e, dir))?;
        }
        if let Ok(mut made) = self.made.lock() {
            made.insert(dir.to_path_buf());
        }
        Ok(())
    }

    /// Puts the file `path` whose bytes hash to `h` in place, from the
    /// staging folder, the current output or `bytes`.
    fn place(&self, path: &str, h: u128, bytes: Option<&[u8]>) -> io::Result<Record> {
        if let Some(r) = self.staged.trusted(path).filter(|r| r.hash == h) {
            self.kept.fetch_add(1, Ordering::Relaxed);
            return Ok(*r);
        }
        let target = self.target(path)?;
        clear(&target)?;
        self.parent(&target)?;
        if let Some((dir, files)) = &self.current {
            if let Some(r) = files.trusted(path).filter(|r| r.hash == h) {
                let from = dir.join(path);
                if link_or_copy(&from, &target).is_ok() {
                    self.linked.fetch_add(1, Ordering::Relaxed);
                    return Ok(*r);
                }
            }
        }
        let bytes = match bytes {
            Some(b) => std::borrow::Cow::Borrowed(b),
            None => {
                // Only kept pages come without bytes: their file is in the
                // current output, which was just found unreadable.
                let from = self.current.as_ref().map(|(d, _)| d.join(path)).unwrap_or_default();
                std::borrow::Cow::Owned(fs::read(&from).map_err(|e| with_path(e, &from))?)
            }
        };
        let mut file = fs::File::create(&target).map_err(|e| with_path(e, &target))?;
        file.write_all(&bytes).map_err(|e| with_path(e, &target))?;
        let meta = file.metadata().map_err(|e| with_path(e, &target))?;
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(Record::of(h, &meta))
    }

    fn record(&self, path: &str, r: Record) {
        if let Ok(mut done) = self.done.lock() {
            done.insert(path.to_string(), r);
        }
    }

    /// Whether the current output has the file `path` as the last build
    /// made it (its size and time unchanged): one [`Sink::keep`] can put in place.
    pub fn can_keep(&self, path: &str) -> bool {
        self.current.as_ref().is_some_and(|(_, m)| m.trusted(path).is_some())
    }

    /// Removes from the staging folder every file this build did not put
    /// there, and the folders left empty; the new site's manifest and the
    /// counts.
    pub fn finish(self) -> io::Result<(Manifest, Reused)> {
        let done = self.done.into_inner().unwrap_or_else(|p| p.into_inner());
        let mut removed = 0;
        let mut dirs = BTreeSet::new();
        for path in self.staged.files.keys().filter(|p| !done.contains_key(*p)) {
            let Some(target) = safe_join(&self.root, path) else { continue };
            match fs::remove_file(&target) {
                Ok(()) => removed += 1,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(with_path(e, &target)),
            }
            dirs.extend(target.ancestors().skip(1).take_while(|d| *d != self.root).map(Path::to_path_buf));
        }
        // Deepest first; a folder that still has files stays.
        for dir in dirs.iter().rev() {
            let _ = fs::remove_dir(dir);
        }
        let counts = Reused {
            written: self.written.into_inner(),
            linked: self.linked.into_inner(),
            kept: self.kept.into_inner(),
            removed,
        };
        Ok((Manifest { files: done }, counts))
    }
}

impl Sink for ReuseSink {
    fn put(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let r = self.place(path, hash(bytes), Some(bytes))?;
        self.record(path, r);
        Ok(())
    }

    /// The file `path` of the staging folder when it is as this sink
    /// knows it, else that of the current output: only a file inside it
    /// (a link that leads out of it is not followed), linked as any
    /// unchanged file. Its hash is the manifest's, or read from it when
    /// the manifest does not know it (an output built with `--no-cache`).
    /// With its bytes as the current output's manifest knows them.
    fn keep(&self, path: &str) -> io::Result<()> {
        let h = self.current.as_ref().and_then(|(_, m)| m.trusted(path)).map(|r| r.hash).ok_or_else(|| {
            io::Error::new(io::ErrorKind::NotFound, format!("{path}: not in the current output as it was built"))
        })?;
        let r = self.place(path, h, None)?;
        self.record(path, r);
        Ok(())
    }

    fn reuse(&self, path: &str, whole: &dyn Fn(&[u8]) -> bool) -> bool {
        let is_whole = |p: &Path| super::ends(p).is_ok_and(|b| whole(&b));
        if let Some(r) = self.staged.trusted(path) {
            if safe_join(&self.root, path).is_some_and(|p| is_whole(&p)) {
                self.kept.fetch_add(1, Ordering::Relaxed);
                self.record(path, *r);
                return true;
            }
        }
        let Some((dir, files)) = &self.current else { return false };
        let inside = fs::canonicalize(dir).ok().and_then(|root| {
            let real = safe_join(dir, path).and_then(|p| fs::canonicalize(p).ok())?;
            real.starts_with(&root).then_some(real)
        });
        let Some(from) = inside.filter(|p| fs::metadata(p).is_ok_and(|m| m.is_file()) && is_whole(p)) else {
            return false;
        };
        let h = match files.trusted(path) {
            Some(r) => r.hash,
            None => match fs::read(&from) {
                Ok(bytes) => hash(&bytes),
                Err(_) => return false,
            },
        };
        match self.place(path, h, None) {
            Ok(r) => {
                self.record(path, r);
                true
            }
            Err(_) => false,
        }
    }
}

/// Removes what is at `target` (a file, a link, a folder), if anything.
fn clear(target: &Path) -> io::Result<()> {
    match fs::symlink_metadata(target) {
        Ok(m) if m.is_dir() => super::remove_tree(target).map_err(|e| with_path(e, target)),
        Ok(_) => fs::remove_file(target).map_err(|e| with_path(e, target)),
        Err(_) => Ok(()),
    }
}

/// A hard link from `from` to `to`; where the file system has none, a
/// copy with the same modification time.
fn link_or_copy(from: &Path, to: &Path) -> io::Result<()> {
    if fs::hard_link(from, to).is_ok() {
        return Ok(());
    }
    fs::copy(from, to)?;
    let modified = fs::metadata(from)?.modified()?;
    fs::File::options().write(true).open(to)?.set_modified(modified)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base(label: &str) -> PathBuf {
        let b = std::env::temp_dir().join(format!("vitrine-reuse-{label}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&b);
        fs::create_dir_all(&b).unwrap();
        b
    }

    /// A folder with `files`, and its manifest.
    fn site(dir: &Path, files: &[(&str, &str)]) -> Manifest {
        let sink = ReuseSink::new(dir.to_path_buf(), Manifest::default(), None);
        for (p, t) in files {
            sink.put(p, t.as_bytes()).unwrap();
        }
        sink.finish().unwrap().0
    }

    #[test]
    fn writes_only_what_changed_and_links_the_rest() {
        let b = base("sink");
        let (current, staging) = (b.join("out"), b.join("staging"));
        let cur = site(&current, &[("a/index.html", "a1"), ("b/index.html", "b1"), ("gone.txt", "g")]);
        let prev = site(&staging, &[("a/index.html", "a0"), ("b/index.html", "b1"), ("old/x.txt", "x")]);
        let cur = cur.check_tree(&current);
        let prev = prev.check(&staging);
        let sink = ReuseSink::new(staging.clone(), prev, Some((current.clone(), cur)));
        sink.put("a/index.html", b"a1").unwrap();
        sink.put("b/index.html", b"b1").unwrap();
        sink.put("c/index.html", b"c2").unwrap();
        let (manifest, counts) = sink.finish().unwrap();
        assert_eq!(counts, Reused { written: 1, linked: 1, kept: 1, removed: 1 });
        assert_eq!(manifest.files.len(), 3);
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let ino = |p: &Path| fs::metadata(p).unwrap().ino();
            assert_eq!(ino(&staging.join("a/index.html")), ino(&current.join("a/index.html")), "linked");
        }
        assert_eq!(fs::read_to_string(staging.join("c/index.html")).unwrap(), "c2");
        assert!(!staging.join("old").exists(), "emptied folders are removed");
        assert!(!staging.join("gone.txt").exists());
        assert!(manifest.check_tree(&staging).all_trusted());
        fs::remove_dir_all(&b).unwrap();
    }
}
