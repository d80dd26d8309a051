//! A site kept in memory (for `vitrine serve`): every file by its path
//! relative to the site root, with `/` separators.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use crate::output::Sink;

/// The files of a built site, by path (`moocs/x/index.html`). Shared, so
/// that a rebuild copies the map, not the files.
pub type Files = BTreeMap<String, Arc<[u8]>>;

/// Collects what the renderer writes.
#[derive(Default)]
pub struct MemorySink {
    files: Mutex<Files>,
}

impl MemorySink {
    pub fn into_files(self) -> Files {
        self.files.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Sink for MemorySink {
    fn put(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        if path.is_empty() || path.starts_with('/') || path.split('/').any(|p| p == ".." || p == ".") {
            return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, format!("unsafe path {path}")));
        }
        let mut files = self.files.lock().map_err(|_| std::io::Error::other("a render thread panicked"))?;
        files.insert(path.to_string(), Arc::from(bytes));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_files_and_refuses_paths_out_of_the_site() {
        let sink = MemorySink::default();
        assert!(sink.put("moocs/x/index.html", b"x").is_ok());
        assert!(sink.put("../x", b"x").is_err());
        assert!(sink.put("/etc/x", b"x").is_err());
        assert_eq!(sink.into_files().keys().collect::<Vec<_>>(), ["moocs/x/index.html"]);
    }
}
