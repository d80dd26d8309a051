//! Watching the site's sources: `content/`, `static/`, `templates/`,
//! `themes/` and `vitrine.toml`. Events are debounced (editors write
//! several per save) and the files editors write beside the real ones
//! (vim's `.swp` and `4913`, `file~` backups, emacs's `.#file` locks,
//! `*.tmp` of atomic saves) are ignored; an atomic save (write a temporary
//! file, rename it over the real one) is seen through the rename.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

/// Folders watched recursively, below the site root.
pub const FOLDERS: [&str; 4] = ["content", "static", "templates", "themes"];

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
/// (no new event for `debounce`). Keep the returned watcher alive.
pub fn watch(
    root: &Path,
    debounce: Duration,
    on_change: impl Fn(Vec<PathBuf>) + Send + 'static,
) -> Result<notify::RecommendedWatcher, String> {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let (tx, rx) = mpsc::channel::<Vec<PathBuf>>();
    let filter_root = root.clone();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(ev) = res {
            if ev.kind.is_access() {
                return;
            }
            let paths: Vec<PathBuf> = ev.paths.into_iter().filter(|p| relevant(&filter_root, p)).collect();
            if !paths.is_empty() {
                let _ = tx.send(paths);
            }
        }
    })
    .map_err(|e| format!("cannot watch files: {e}"))?;
    watcher.watch(&root, RecursiveMode::NonRecursive).map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
    for folder in FOLDERS {
        let dir = root.join(folder);
        if dir.is_dir() {
            watcher
                .watch(&dir, RecursiveMode::Recursive)
                .map_err(|e| format!("cannot watch {}: {e}", dir.display()))?;
        }
    }
    std::thread::spawn(move || {
        while let Ok(mut changed) = rx.recv() {
            while let Ok(more) = rx.recv_timeout(debounce) {
                changed.extend(more);
            }
            changed.sort();
            changed.dedup();
            on_change(changed);
        }
    });
    Ok(watcher)
}

#[cfg(test)]
mod tests {
    use super::*;

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
