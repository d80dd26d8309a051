//! Watching the site's sources: `content/`, `static/`, `templates/`, `i18n/`,
//! `themes/` and `vitrine.toml`. Events are debounced (editors write
//! several per save) and the files editors write beside the real ones
//! (vim's `.swp` and `4913`, `file~` backups, emacs's `.#file` locks,
//! `*.tmp` of atomic saves) are ignored; an atomic save (write a temporary
//! file, rename it over the real one) is seen through the rename.
//!
//! A burst ends after `debounce` without a new event, or after [`SETTLE`]
//! when its last event says that a file is complete: closed after writing,
//! or renamed into place. Waiting the whole debounce after such an event
//! would only delay the rebuild: the editor is done with the file.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
use notify::{EventKind, RecursiveMode, Watcher};

use crate::diagnostic::{cli, severity_word, Locale, Msg, Severity};

/// The quiet time after an event that completes a file (see above).
pub const SETTLE: Duration = Duration::from_millis(2);

/// Whether an event says that a file is complete: closed after writing,
/// or renamed into place (the last step of an atomic save).
fn completes(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Access(AccessKind::Close(AccessMode::Write))
            | EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both))
    )
}

/// Folders watched recursively, below the site root.
pub const FOLDERS: [&str; 5] = ["content", "static", "templates", "themes", "i18n"];

/// Whether a change to `path` can change the site.
pub fn relevant(root: &Path, path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else { return false };
    let editor_file = name.ends_with('~')
        || name.starts_with(".#")
        || name.starts_with(".goutputstream")
        || name == "4913"
        || name == ".DS_Store"
        || [".swp", ".swo", ".swx", ".swpx", ".tmp", ".part", ".crdownload"].iter().any(|e| name.ends_with(e));
    if editor_file {
        return false;
    }
    path == root.join("vitrine.toml") || FOLDERS.iter().any(|f| path.starts_with(root.join(f)))
}

/// Calls `on_change` with the changed paths after each burst of changes
/// (no new event for `debounce`, or for [`SETTLE`] after an event that
/// completes a file). Keep the returned watcher alive.
pub fn watch(
    root: &Path,
    debounce: Duration,
    locale: Locale,
    mut on_change: impl FnMut(Vec<PathBuf>) + Send + 'static,
) -> Result<Watching, Msg> {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let (tx, rx) = mpsc::channel::<(Vec<PathBuf>, bool)>();
    let filter_root = root.clone();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(ev) = res {
            let complete = completes(&ev.kind);
            if ev.kind.is_access() && !complete {
                return;
            }
            let paths: Vec<PathBuf> = ev.paths.into_iter().filter(|p| relevant(&filter_root, p)).collect();
            if !paths.is_empty() {
                let _ = tx.send((paths, complete));
            }
        }
    })
    .map_err(|e| cli::cannot_watch(&root, e.to_string()))?;
    watcher.watch(&root, RecursiveMode::NonRecursive).map_err(|e| cli::cannot_watch(&root, e.to_string()))?;
    let watcher = std::sync::Arc::new(std::sync::Mutex::new(watcher));
    let mut watched = [false; FOLDERS.len()];
    watch_new_folders(&watcher, &root, &mut watched)?;
    let keep = std::sync::Arc::clone(&watcher);
    std::thread::spawn(move || {
        while let Ok((mut changed, mut complete)) = rx.recv() {
            while let Ok((more, done)) = rx.recv_timeout(if complete { SETTLE.min(debounce) } else { debounce }) {
                changed.extend(more);
                complete = done;
            }
            // A folder created since (`static/` of a new site) is watched
            // from now on.
            if let Err(e) = watch_new_folders(&watcher, &root, &mut watched) {
                eprintln!("{}: {}", severity_word(Severity::Warning, locale), e.render(locale));
            }
            changed.sort();
            changed.dedup();
            on_change(changed);
        }
    });
    Ok(Watching { _watcher: keep })
}

/// Keeps the watch alive.
pub struct Watching {
    _watcher: std::sync::Arc<std::sync::Mutex<notify::RecommendedWatcher>>,
}

fn watch_new_folders(
    watcher: &std::sync::Mutex<notify::RecommendedWatcher>,
    root: &Path,
    watched: &mut [bool; FOLDERS.len()],
) -> Result<(), Msg> {
    for (i, folder) in FOLDERS.iter().enumerate() {
        let dir = root.join(folder);
        if !watched[i] && dir.is_dir() {
            let mut w = watcher.lock().map_err(|_| cli::watcher_failed())?;
            w.watch(&dir, RecursiveMode::Recursive).map_err(|e| cli::cannot_watch(&dir, e.to_string()))?;
            watched[i] = true;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_end_of_a_save_settles_the_burst() {
        assert!(completes(&EventKind::Access(AccessKind::Close(AccessMode::Write))));
        assert!(completes(&EventKind::Modify(ModifyKind::Name(RenameMode::To))));
        assert!(!completes(&EventKind::Access(AccessKind::Close(AccessMode::Read))));
        assert!(!completes(&EventKind::Modify(ModifyKind::Name(RenameMode::From))));
        assert!(!completes(&EventKind::Modify(ModifyKind::Any)));
    }

    #[test]
    fn editor_files_and_other_folders_are_ignored() {
        let root = Path::new("/site");
        assert!(relevant(root, Path::new("/site/content/moocs/x.md")));
        assert!(relevant(root, Path::new("/site/vitrine.toml")));
        assert!(relevant(root, Path::new("/site/themes/t/static/style.css")));
        for ignored in [
            "/site/content/moocs/.x.md.swp",
            "/site/content/moocs/x.md~",
            "/site/content/moocs/.#x.md",
            "/site/content/moocs/4913",
            "/site/content/moocs/x.md.tmp",
            "/site/public/index.html",
            "/site/README.md",
            "/site/vitrine.toml~",
        ] {
            assert!(!relevant(root, Path::new(ignored)), "{ignored}");
        }
    }
}
