//! Write: the site goes to a fresh folder beside the target, which replaces
//! the target only once everything is written, in one step that a killed
//! process cannot leave half done ([`swap`]), so a failed or killed build
//! leaves the previous site untouched. Paths are checked so that nothing is ever
//! written outside the output folder.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

pub mod incremental;
pub mod manifest;
pub mod memory;
pub mod minify;
pub mod reuse;
pub mod sink;
pub mod swap;
pub use memory::{Files, MemorySink};
pub use sink::{NullSink, Sink};

/// Writes files under a root folder, refusing any path that would escape it.
pub struct DirSink {
    root: PathBuf,
    /// The site being replaced, as a real path (links resolved), read
    /// only, for [`Sink::reuse`].
    previous: Option<PathBuf>,
    /// Folders this sink has made, so that each is made once (a page and
    /// its files share one).
    made: Mutex<HashSet<PathBuf>>,
}

impl DirSink {
    pub fn new(root: PathBuf) -> Self {
        DirSink { root, previous: None, made: Mutex::new(HashSet::new()) }
    }

    /// The same, reading files of the site being replaced from `previous`
    /// (the output folder) when it is a folder.
    pub fn replacing(root: PathBuf, previous: &Path) -> Self {
        let previous = fs::canonicalize(previous).ok().filter(|p| p.is_dir());
        DirSink { previous, ..DirSink::new(root) }
    }

    fn make_dir(&self, dir: &Path) -> io::Result<()> {
        if self.made.lock().is_ok_and(|made| made.contains(dir)) {
            return Ok(());
        }
        fs::create_dir_all(dir).map_err(|e| with_path(e, dir))?;
        if let Ok(mut made) = self.made.lock() {
            made.insert(dir.to_path_buf());
        }
        Ok(())
    }
}

/// `a/b/c.html` -> root/a/b/c.html; `None` for absolute paths or `..`.
pub fn safe_join(root: &Path, rel: &str) -> Option<PathBuf> {
    let mut p = root.to_path_buf();
    let mut any = false;
    for c in Path::new(rel).components() {
        match c {
            Component::Normal(s) => {
                p.push(s);
                any = true;
            }
            Component::CurDir => {}
            _ => return None,
        }
    }
    any.then_some(p)
}

impl Sink for DirSink {
    fn put(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let target = safe_join(&self.root, path).ok_or_else(|| {
            io::Error::new(io::ErrorKind::InvalidInput, format!("refusing to write outside the output folder: {path}"))
        })?;
        if let Some(parent) = target.parent() {
            self.make_dir(parent)?;
        }
        fs::write(&target, bytes).map_err(|e| with_path(e, &target))
    }

    /// Only a file inside the previous site (a link that leads out of it
    /// is not followed), hard-linked into the new one: no byte is copied,
    /// and the previous site is left as it is.
    fn reuse(&self, path: &str, whole: &dyn Fn(&[u8]) -> bool) -> bool {
        let (Some(root), Some(target)) = (&self.previous, safe_join(&self.root, path)) else { return false };
        let Some(real) = safe_join(root, path).and_then(|p| fs::canonicalize(p).ok()) else { return false };
        if !real.starts_with(root) || !ends(&real).is_ok_and(|b| whole(&b)) {
            return false;
        }
        let parent = target.parent().map_or(Ok(()), |p| self.make_dir(p));
        parent.is_ok() && fs::hard_link(&real, &target).is_ok()
    }
}

use swap::with_path;

/// The first 8 and last 12 bytes of the file at `path`, one after the other.
fn ends(path: &Path) -> io::Result<Vec<u8>> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = fs::File::open(path)?;
    let mut bytes = vec![0; 20];
    file.read_exact(&mut bytes[..8])?;
    file.seek(SeekFrom::End(-12))?;
    file.read_exact(&mut bytes[8..])?;
    Ok(bytes)
}

/// A build in progress: a temporary folder beside the output folder.
pub struct Staging {
    pub dir: PathBuf,
    target: PathBuf,
}

impl Staging {
    /// Repairs and removes what killed builds left beside `target`
    /// ([`swap::recover`]), then creates `.<name>.vitrine-tmp-<pid>` beside it.
    pub fn new(target: &Path) -> io::Result<Staging> {
        let parent = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        fs::create_dir_all(parent).map_err(|e| with_path(e, parent))?;
        swap::recover(target)?;
        let dir = Self::beside(target, swap::STAGING_MARK);
        swap::remove(&dir).map_err(|e| with_path(e, &dir))?;
        fs::create_dir(&dir).map_err(|e| with_path(e, &dir))?;
        Ok(Staging { dir, target: target.to_path_buf() })
    }

    /// `.<name><mark><pid>` beside `target`.
    fn beside(target: &Path, mark: &str) -> PathBuf {
        let name = target.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| "public".into());
        let parent = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        parent.join(format!(".{name}{mark}{}", std::process::id()))
    }

    /// Puts the new site in place of the old one in one step
    /// ([`swap::swap_in`]), then removes the old one.
    pub fn commit(self) -> io::Result<()> {
        let old = Self::beside(&self.target, swap::OLD_MARK);
        if let Some(old) = swap::swap_in(&self.dir, &self.target, &old)? {
            swap::remove(&old).map_err(|e| with_path(e, &old))?;
        }
        Ok(())
    }

    /// Throws the new site away, leaving the old one untouched.
    pub fn abort(self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// Removes a folder and everything in it, like [`fs::remove_dir_all`]
/// (symbolic links are removed, not followed), but the entries of each
/// folder in parallel: the previous site has tens of thousands of files,
/// and removing them one after the other kept a core idle at the end of
/// every build. What is already gone counts as removed ([`swap::remove`]).
pub(crate) fn remove_tree(dir: &Path) -> io::Result<()> {
    let entries = match fs::read_dir(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        entries => entries?.filter(|e| !e.as_ref().is_err_and(|e| e.kind() == io::ErrorKind::NotFound)),
    };
    let entries = entries.collect::<io::Result<Vec<_>>>()?;
    entries.par_iter().try_for_each(|e| match e.file_type() {
        Ok(t) if t.is_dir() => remove_tree(&e.path()),
        Ok(_) => gone_is_done(fs::remove_file(e.path())),
        Err(error) => gone_is_done(Err(error)),
    })?;
    gone_is_done(fs::remove_dir(dir))
}

/// A removal whose target was already gone, as done.
pub(crate) fn gone_is_done(removed: io::Result<()>) -> io::Result<()> {
    match removed {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_escapes_the_root() {
        let root = Path::new("/out");
        assert_eq!(safe_join(root, "a/b.html"), Some(PathBuf::from("/out/a/b.html")));
        assert_eq!(safe_join(root, "../x"), None);
        assert_eq!(safe_join(root, "/etc/passwd"), None);
        assert_eq!(safe_join(root, "a/../../x"), None);
        assert_eq!(safe_join(root, ""), None);
    }

    #[cfg(unix)]
    #[test]
    fn reads_the_previous_site_but_never_through_a_link_out_of_it() {
        let base = std::env::temp_dir().join(format!("vitrine-previous-{}", std::process::id()));
        let (old, new, outside) = (base.join("old"), base.join("new"), base.join("outside"));
        fs::create_dir_all(old.join("a")).unwrap();
        fs::create_dir_all(&outside).unwrap();
        fs::write(old.join("a/card.png"), "old card, 8 + 12 and more").unwrap();
        fs::write(outside.join("secret.png"), "secret").unwrap();
        std::os::unix::fs::symlink(outside.join("secret.png"), old.join("a/link.png")).unwrap();
        std::os::unix::fs::symlink(&outside, old.join("out")).unwrap();
        fs::write(old.join("a/short.png"), "old").unwrap();
        let sink = DirSink::replacing(new.clone(), &old);
        let any = |_: &[u8]| true;
        assert!(!sink.reuse("a/card.png", &|_| false) && !new.join("a/card.png").exists());
        assert!(sink.reuse("a/card.png", &|b| b == b"old card 12 and more"));
        assert_eq!(fs::read(new.join("a/card.png")).unwrap(), b"old card, 8 + 12 and more");
        assert!(!sink.reuse("a/link.png", &any) && !sink.reuse("out/secret.png", &any));
        assert!(!sink.reuse("../outside/secret.png", &any) && !sink.reuse("a/missing.png", &any));
        assert!(!sink.reuse("a/short.png", &any), "a file shorter than its two ends");
        assert!(!new.join("a/link.png").exists() && !new.join("out").exists());
        assert!(!DirSink::new(new).reuse("a/card.png", &any), "no previous site");
        fs::remove_dir_all(&base).unwrap();
    }

    #[test]
    fn removes_a_tree_without_following_links() {
        let base = std::env::temp_dir().join(format!("vitrine-remove-tree-{}", std::process::id()));
        let (tree, kept) = (base.join("tree"), base.join("kept"));
        fs::create_dir_all(tree.join("a/b")).unwrap();
        fs::create_dir_all(&kept).unwrap();
        fs::write(tree.join("a/b/c.html"), "c").unwrap();
        fs::write(tree.join("d.txt"), "d").unwrap();
        fs::write(kept.join("e.txt"), "e").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&kept, tree.join("a/link")).unwrap();
        remove_tree(&tree).unwrap();
        assert!(!tree.exists());
        assert!(kept.join("e.txt").exists(), "the target of a link is not removed");
        fs::remove_dir_all(&base).unwrap();
    }
}
