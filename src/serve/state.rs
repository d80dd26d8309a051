//! What the server holds: the last good site, in memory, the problems of
//! the last build (shown in the browser's overlay), and the browsers
//! listening for changes (server-sent events).

use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, Mutex, RwLock};

use serde_json::Value;

use crate::output::Files;

/// What changed in a rebuild, for the browsers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Nothing the browser shows.
    None,
    /// Only stylesheets: swapped without a reload.
    Css,
    /// Anything else: the page reloads.
    Reload,
}

/// Shared by the HTTP threads and the rebuild thread.
#[derive(Default)]
pub struct State {
    site: RwLock<Arc<Files>>,
    /// Pages of an edit served over `site` until its rebuild is published
    /// (`serve::preview`).
    preview: RwLock<Option<Arc<Files>>>,
    /// Problems of the last build (JSON, as `--message-format json`), empty
    /// when it succeeded.
    problems: RwLock<Vec<Value>>,
    listeners: Mutex<Vec<Sender<String>>>,
}

impl State {
    pub fn new(files: Arc<Files>) -> State {
        State { site: RwLock::new(files), ..State::default() }
    }

    /// The site being served.
    pub fn site(&self) -> Arc<Files> {
        self.site.read().map(|s| Arc::clone(&s)).unwrap_or_default()
    }

    /// The site as served: the last good site, with the preview's pages
    /// over it.
    pub fn served(&self) -> Served {
        Served { site: self.site(), preview: self.preview.read().ok().and_then(|p| p.clone()) }
    }

    /// Serves `pages` over the site until the next [`State::publish`] or
    /// [`State::fail`], and reloads the browsers.
    pub fn preview(&self, pages: Files) {
        if let Ok(mut p) = self.preview.write() {
            *p = Some(Arc::new(pages));
        }
        self.broadcast("reload", "{}");
    }

    pub fn problems(&self) -> Vec<Value> {
        self.problems.read().map(|p| p.clone()).unwrap_or_default()
    }

    /// A successful rebuild: serve `files`, clear the overlay, tell the
    /// browsers what changed.
    pub fn publish(&self, files: Arc<Files>, change: Change) {
        if let Ok(mut site) = self.site.write() {
            *site = files;
        }
        self.end_preview();
        let had_problems = self.problems.write().map(|mut p| !std::mem::take(&mut *p).is_empty()).unwrap_or(false);
        if had_problems {
            self.broadcast("ok", "{}");
        }
        match change {
            Change::Css => self.broadcast("css", "{}"),
            Change::Reload => self.broadcast("reload", "{}"),
            Change::None => {}
        }
    }

    /// A failed rebuild: keep the site, show `problems` in every page.
    pub fn fail(&self, problems: Vec<Value>) {
        // The preview came from files that do not build: back to the last
        // good site.
        if self.end_preview() {
            self.broadcast("reload", "{}");
        }
        let json = Value::Array(problems.clone()).to_string();
        if let Ok(mut p) = self.problems.write() {
            *p = problems;
        }
        self.broadcast("problems", &json);
    }

    /// A new browser: it gets the current problems, if any, at once.
    pub fn listen(&self) -> Receiver<String> {
        let (tx, rx) = std::sync::mpsc::channel();
        let problems = self.problems();
        if !problems.is_empty() {
            let _ = tx.send(event("problems", &Value::Array(problems).to_string()));
        }
        if let Ok(mut l) = self.listeners.lock() {
            l.push(tx);
        }
        rx
    }

    /// Stops serving the preview; whether there was one.
    fn end_preview(&self) -> bool {
        self.preview.write().map(|mut p| p.take().is_some()).unwrap_or(false)
    }

    fn broadcast(&self, name: &str, data: &str) {
        let message = event(name, data);
        if let Ok(mut l) = self.listeners.lock() {
            l.retain(|tx| tx.send(message.clone()).is_ok());
        }
    }
}

/// The site as one request sees it.
pub struct Served {
    site: Arc<Files>,
    preview: Option<Arc<Files>>,
}

impl Served {
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        let over = self.preview.as_ref().and_then(|p| p.get(path));
        over.or_else(|| self.site.get(path)).map(|bytes| &bytes[..])
    }

    pub fn contains(&self, path: &str) -> bool {
        self.get(path).is_some()
    }
}

/// One server-sent event.
fn event(name: &str, data: &str) -> String {
    format!("event: {name}\ndata: {}\n\n", data.replace('\n', "\ndata: "))
}

/// What a browser must do to show `new` instead of `old`: nothing, swap
/// stylesheets (every file changed, added or removed is a `.css`: a
/// stylesheet's hashed copy is renamed with its content), or reload.
pub fn diff(old: &Files, new: &Files) -> Change {
    let changed = new.iter().filter(|(k, v)| old.get(*k) != Some(*v)).map(|(k, _)| k);
    Change::of(changed.chain(old.keys().filter(|k| !new.contains_key(*k))))
}

impl Change {
    /// What browsers must do when the files at `paths` changed (were
    /// written with other bytes, added or removed).
    pub fn of<'a>(paths: impl IntoIterator<Item = &'a String>) -> Change {
        let mut paths = paths.into_iter().peekable();
        if paths.peek().is_none() {
            Change::None
        } else if paths.all(|k| k.ends_with(".css")) {
            Change::Css
        } else {
            Change::Reload
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(pairs: &[(&str, &str)]) -> Files {
        pairs.iter().map(|(k, v)| (k.to_string(), std::sync::Arc::from(v.as_bytes()))).collect()
    }

    #[test]
    fn a_stylesheet_alone_is_swapped_anything_else_reloads() {
        let a = files(&[("index.html", "a"), ("style.css", "x")]);
        assert_eq!(diff(&a, &a), Change::None);
        assert_eq!(diff(&a, &files(&[("index.html", "a"), ("style.css", "y")])), Change::Css);
        assert_eq!(diff(&a, &files(&[("index.html", "b"), ("style.css", "y")])), Change::Reload);
        assert_eq!(diff(&a, &files(&[("index.html", "a"), ("style.1.css", "y")])), Change::Css, "renamed stylesheet");
        assert_eq!(diff(&a, &files(&[("style.css", "x")])), Change::Reload, "a page removed");
    }

    #[test]
    fn listeners_get_problems_then_ok_and_reload() {
        let state = State::new(Arc::new(files(&[("index.html", "a")])));
        let rx = state.listen();
        state.fail(vec![serde_json::json!({"message": "bad"})]);
        assert!(rx.try_recv().is_ok_and(|m| m.starts_with("event: problems\ndata: [{\"message\":\"bad\"}]")));
        let late = state.listen();
        assert!(late.try_recv().is_ok_and(|m| m.starts_with("event: problems")), "a new page sees the problems");
        let new = files(&[("index.html", "b")]);
        let change = diff(&state.site(), &new);
        assert_eq!(change, Change::Reload);
        state.publish(Arc::new(new), change);
        assert_eq!(rx.try_recv().ok().as_deref(), Some("event: ok\ndata: {}\n\n"));
        assert_eq!(rx.try_recv().ok().as_deref(), Some("event: reload\ndata: {}\n\n"));
    }

    #[test]
    fn a_preview_is_served_over_the_site_until_the_rebuild_ends() {
        let state = State::new(Arc::new(files(&[("index.html", "a"), ("moocs/x/index.html", "x")])));
        let rx = state.listen();
        state.preview(files(&[("moocs/x/index.html", "x2")]));
        assert_eq!(rx.try_recv().ok().as_deref(), Some("event: reload\ndata: {}\n\n"));
        let served = state.served();
        assert_eq!(served.get("moocs/x/index.html"), Some(&b"x2"[..]));
        assert_eq!(served.get("index.html"), Some(&b"a"[..]));
        state.fail(vec![serde_json::json!({"message": "bad"})]);
        assert_eq!(state.served().get("moocs/x/index.html"), Some(&b"x"[..]), "a failed rebuild drops the preview");
        state.preview(files(&[("moocs/x/index.html", "x3")]));
        state.publish(Arc::new(files(&[("index.html", "b")])), Change::Reload);
        assert_eq!(state.served().get("moocs/x/index.html"), None, "the rebuild's site replaces the preview");
    }
}
