//! The swap that puts a finished site in place of the previous one, made
//! so that a process killed at any moment (SIGKILL, power cut of the CI
//! runner's process, Ctrl-C) leaves the output folder holding either the
//! complete old site or the complete new one, never a mix
//! (docs/decisions.md, "Output").
//!
//! A build writes into `.<output>.vitrine-tmp-<pid>` beside the output
//! folder. Then:
//!
//! 1. no output folder yet: one `rename` puts the new site in place;
//! 2. otherwise the two folders are **exchanged** in one system call
//!    (`renameat2(RENAME_EXCHANGE)` on Linux, `renamex_np(RENAME_SWAP)` on
//!    macOS): before it the output path is the old site, after it the new
//!    one, and the old site is then at the staging path, which is removed;
//! 3. where the file system cannot exchange (NFS, some FUSE file systems,
//!    other systems) the old folder is renamed to `.<output>.vitrine-old-<pid>`
//!    and the new one renamed into place. Between those two renames the
//!    output path does not exist; a build killed right there is repaired by
//!    the next one, which first renames the old site back ([`recover`]).
//!
//! Leftovers of killed builds (staging folders, old sites being removed)
//! are removed by the next build, once the process that made them is gone.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The marks in the names of the folders a build leaves beside the output
/// while it runs: `.<output><mark><pid>`.
pub const STAGING_MARK: &str = ".vitrine-tmp-";
pub const OLD_MARK: &str = ".vitrine-old-";

/// Puts the folder `new` at `target`. The previous content of `target`, if
/// any, is moved to `old` (a path that does not exist yet) and returned:
/// the caller removes it. At every instant `target` is the old site or the
/// new one, except in the fallback of the module documentation.
pub fn swap_in(new: &Path, target: &Path, old: &Path) -> io::Result<Option<PathBuf>> {
    if target.symlink_metadata().is_err() {
        fs::rename(new, target).map_err(|e| with_path(e, target))?;
        return Ok(None);
    }
    match exchange(new, target) {
        Ok(()) => {
            // `new` now names the old site: give it its own name, so that a
            // build killed while removing it leaves an `-old-` folder.
            fs::rename(new, old).map_err(|e| with_path(e, old))?;
            Ok(Some(old.to_path_buf()))
        }
        Err(e) if cannot_exchange(&e) => {
            fs::rename(target, old).map_err(|e| with_path(e, target))?;
            if let Err(e) = fs::rename(new, target) {
                let _ = fs::rename(old, target);
                return Err(with_path(e, target));
            }
            Ok(Some(old.to_path_buf()))
        }
        Err(e) => Err(with_path(e, target)),
    }
}

/// Exchanges two existing paths in one step.
#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

/// Errors that mean "this system or file system cannot exchange", as
/// opposed to a real failure (no permission, no space).
fn cannot_exchange(e: &io::Error) -> bool {
    matches!(e.kind(), io::ErrorKind::Unsupported | io::ErrorKind::InvalidInput)
        || matches!(e.raw_os_error(), Some(code) if code == ENOSYS || code == EINVAL || code == ENOTSUP)
}

// errno values shared by Linux and macOS where they matter here
// (ENOSYS differs; both are listed).
const EINVAL: i32 = 22;
#[cfg(target_vendor = "apple")]
const ENOSYS: i32 = 78;
#[cfg(not(target_vendor = "apple"))]
const ENOSYS: i32 = 38;
#[cfg(target_vendor = "apple")]
const ENOTSUP: i32 = 45;
#[cfg(not(target_vendor = "apple"))]
const ENOTSUP: i32 = 95;

/// What a killed build left beside `target` (whose file name is `name`),
/// with the process id that made it.
struct Leftover {
    path: PathBuf,
    old: bool,
    pid: u32,
}

fn leftovers(parent: &Path, name: &str) -> Vec<Leftover> {
    let Ok(entries) = fs::read_dir(parent) else { return Vec::new() };
    let mut found = Vec::new();
    for e in entries.flatten() {
        let file = e.file_name().to_string_lossy().to_string();
        let Some(rest) = file.strip_prefix('.').and_then(|f| f.strip_prefix(name)) else { continue };
        for (mark, old) in [(STAGING_MARK, false), (OLD_MARK, true)] {
            if let Some(pid) = rest.strip_prefix(mark).and_then(|p| p.parse::<u32>().ok()) {
                found.push(Leftover { path: e.path(), old, pid });
            }
        }
    }
    found.sort_by(|a, b| a.path.cmp(&b.path));
    found
}

/// Whether the process `pid` may still be running (and so still own its
/// folders). Without `/proc`, every other process is assumed alive.
fn alive(pid: u32) -> bool {
    pid == std::process::id() || !Path::new("/proc/self").exists() || Path::new(&format!("/proc/{pid}")).exists()
}

/// Repairs what builds killed earlier left beside `target`: when the
/// output folder is missing and a killed build had moved the old site
/// aside (the fallback's window), the old site is put back; then the
/// leftovers of dead processes are removed. Leftovers of a process that
/// still runs (another build) are left alone.
pub fn recover(target: &Path) -> io::Result<()> {
    let name = target.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| "public".into());
    let parent = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let dead: Vec<Leftover> = leftovers(parent, &name).into_iter().filter(|l| !alive(l.pid)).collect();
    if target.symlink_metadata().is_err() {
        // An `-old-` folder only exists while its site is complete and out
        // of place, or while it is being removed after the new site took
        // its place; so with no output folder it is complete.
        if let Some(old) = dead.iter().find(|l| l.old) {
            match fs::rename(&old.path, target) {
                // Another build starting at the same time put it back.
                Err(e) if e.kind() == io::ErrorKind::NotFound && target.symlink_metadata().is_ok() => {}
                done => done.map_err(|e| with_path(e, target))?,
            }
        }
    }
    for l in dead {
        remove(&l.path).map_err(|e| with_path(e, &l.path))?;
    }
    Ok(())
}

/// Removes a folder, or only the link when `path` is a symbolic link (an
/// output folder given as a link to a folder elsewhere: what it points to
/// is not deleted). What is already gone counts as removed: the leftovers
/// of a killed build may be removed by another build starting at the same
/// time, or be gone by the time this one gets to them.
pub fn remove(path: &Path) -> io::Result<()> {
    let meta = match path.symlink_metadata() {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        meta => meta?,
    };
    if meta.file_type().is_symlink() {
        return super::gone_is_done(fs::remove_file(path));
    }
    super::remove_tree(path)
}

pub(crate) fn with_path(e: io::Error, p: &Path) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", p.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base(label: &str) -> PathBuf {
        let b = std::env::temp_dir().join(format!("vitrine-swap-{label}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&b);
        fs::create_dir_all(&b).unwrap();
        b
    }

    #[test]
    fn swaps_a_folder_in_and_hands_back_the_old_one() {
        let b = base("swap");
        let (new, target, old) = (b.join(".out.vitrine-tmp-1"), b.join("out"), b.join(".out.vitrine-old-1"));
        fs::create_dir_all(&new).unwrap();
        fs::write(new.join("index.html"), "new").unwrap();
        assert_eq!(swap_in(&new, &target, &old).unwrap(), None, "nothing to replace");
        assert_eq!(fs::read_to_string(target.join("index.html")).unwrap(), "new");

        fs::create_dir_all(&new).unwrap();
        fs::write(new.join("index.html"), "newer").unwrap();
        assert_eq!(swap_in(&new, &target, &old).unwrap(), Some(old.clone()));
        assert_eq!(fs::read_to_string(target.join("index.html")).unwrap(), "newer");
        assert_eq!(fs::read_to_string(old.join("index.html")).unwrap(), "new");
        assert!(!new.exists());
        fs::remove_dir_all(&b).unwrap();
    }

    #[test]
    fn puts_back_an_old_site_left_out_of_place_by_a_dead_build() {
        let b = base("recover");
        // No process has pid 0 in /proc: a dead build's folders.
        let (target, old, tmp) = (b.join("out"), b.join(".out.vitrine-old-0"), b.join(".out.vitrine-tmp-0"));
        fs::create_dir_all(&old).unwrap();
        fs::write(old.join("index.html"), "old").unwrap();
        fs::create_dir_all(&tmp).unwrap();
        fs::write(b.join(".other.vitrine-tmp-0"), "not ours").unwrap();
        recover(&target).unwrap();
        assert_eq!(fs::read_to_string(target.join("index.html")).unwrap(), "old");
        assert!(!old.exists() && !tmp.exists(), "leftovers removed");
        assert!(b.join(".other.vitrine-tmp-0").exists(), "another output's files are left alone");

        // With the output in place, an old folder is a half-removed leftover.
        fs::create_dir_all(&old).unwrap();
        recover(&target).unwrap();
        assert!(!old.exists());
        assert_eq!(fs::read_to_string(target.join("index.html")).unwrap(), "old");
        fs::remove_dir_all(&b).unwrap();
    }

    #[test]
    fn what_is_already_gone_counts_as_removed() {
        let b = base("gone");
        assert!(remove(&b.join(".out.vitrine-tmp-0")).is_ok(), "nothing there");
        // Two builds cleaning up the same dead staging folder at once: each
        // finds files and folders the other has just removed.
        for round in 0..5 {
            let tmp = b.join(format!(".out.vitrine-tmp-{round}"));
            for d in 0..20 {
                fs::create_dir_all(tmp.join(format!("d{d}/e"))).unwrap();
                for f in 0..50 {
                    fs::write(tmp.join(format!("d{d}/e/{f}.html")), "x").unwrap();
                }
            }
            let results: Vec<io::Result<()>> = std::thread::scope(|s| {
                let removers: Vec<_> = (0..2).map(|_| s.spawn(|| remove(&tmp))).collect();
                removers.into_iter().map(|r| r.join().unwrap()).collect()
            });
            for r in results {
                assert!(r.is_ok(), "round {round}: {r:?}");
            }
            assert!(!tmp.exists());
        }
        fs::remove_dir_all(&b).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn removing_a_linked_output_removes_the_link_only() {
        let b = base("link");
        fs::create_dir_all(b.join("real")).unwrap();
        fs::write(b.join("real/keep.txt"), "keep").unwrap();
        std::os::unix::fs::symlink(b.join("real"), b.join("link")).unwrap();
        remove(&b.join("link")).unwrap();
        assert!(b.join("real/keep.txt").exists());
        fs::remove_dir_all(&b).unwrap();
    }
}
