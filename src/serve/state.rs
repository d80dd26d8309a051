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
    /// [`State::fail`], and reloads the browsers that show one of them.
    pub fn preview(&self, pages: Files) {
        let served = self.served();
        let changed: Vec<&String> =
            pages.iter().filter(|(k, v)| served.get(k) != Some(&v[..])).map(|(k, _)| k).collect();
        let message = announcement(&changed);
        if let Ok(mut p) = self.preview.write() {
            *p = Some(Arc::new(pages));
        }
        self.send(message);
    }

    pub fn problems(&self) -> Vec<Value> {
        self.problems.read().map(|p| p.clone()).unwrap_or_default()
    }

    /// A successful rebuild: serve `files`, clear the overlay and the
    /// preview, tell the browsers what changed from what they were served:
    /// `changed` (the files the rebuild wrote with other bytes, added or
    /// removed), and the preview's pages.
    pub fn publish(&self, files: Arc<Files>, changed: &[String]) {
        let served = self.served();
        let previewed = served.preview.iter().flat_map(|p| p.keys());
        let mut paths: Vec<&String> = changed.iter().chain(previewed).collect();
        paths.sort();
        paths.dedup();
        paths.retain(|k| served.get(k) != files.get(*k).map(|b| &b[..]));
        let message = announcement(&paths);
        if let Ok(mut site) = self.site.write() {
            *site = files;
        }
        self.end_preview();
        let had_problems = self.problems.write().map(|mut p| !std::mem::take(&mut *p).is_empty()).unwrap_or(false);
        if had_problems {
            self.broadcast("ok", "{}");
        }
        self.send(message);
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

    fn send(&self, message: Option<(&str, String)>) {
        if let Some((name, data)) = message {
            self.broadcast(name, &data);
        }
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

/// Beyond this many pages, a reload is for every page.
const MAX_LISTED: usize = 1000;

/// The event that tells browsers about the files at `paths` (changed, added
/// or removed): none, `css` when they are all stylesheets, else `reload`
/// with the URLs of the pages that changed (`{"pages": ["/moocs/x/"]}`): a
/// page reloads only when it is one of them. Files no page shows (search
/// index, sitemap, feeds, calendars, open data exports, brochures) and
/// files named by their content's hash (card images, made covers) reload
/// nothing; any other file (an image copied under its own name) or too
/// many pages reload every page (`{}`).
fn announcement(paths: &[&String]) -> Option<(&'static str, String)> {
    match Change::of(paths.iter().copied()) {
        Change::None => return None,
        Change::Css => return Some(("css", "{}".into())),
        Change::Reload => {}
    }
    let mut pages = Vec::new();
    for path in paths {
        if let Some(page) = path.strip_suffix("index.html") {
            pages.push(format!("/{page}"));
        } else if path.ends_with(".html") || !unseen(path) {
            // 404.html shows on any missing URL; other files on any page.
            return Some(("reload", "{}".into()));
        }
    }
    if pages.is_empty() {
        return None;
    }
    if pages.len() > MAX_LISTED {
        return Some(("reload", "{}".into()));
    }
    Some(("reload", serde_json::json!({ "pages": pages }).to_string()))
}

/// Files that pages do not show as they are, and files whose name changes
/// with their content (a MOOC's made cover, a picture's widths, scripts):
/// a change to them alone reloads no page (the pages that name them change
/// too, and are listed).
fn unseen(path: &str) -> bool {
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e);
    matches!(extension, "json" | "xml" | "txt" | "ics" | "csv" | "pdf") || crate::base::hash::names_a_hash(path)
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
        assert_eq!(diff(&state.site(), &new), Change::Reload);
        state.publish(Arc::new(new), &["index.html".to_string()]);
        assert_eq!(rx.try_recv().ok().as_deref(), Some("event: ok\ndata: {}\n\n"));
        assert_eq!(rx.try_recv().ok().as_deref(), Some("event: reload\ndata: {\"pages\":[\"/\"]}\n\n"));
    }

    #[test]
    fn a_preview_is_served_over_the_site_until_the_rebuild_ends() {
        let state = State::new(Arc::new(files(&[("index.html", "a"), ("moocs/x/index.html", "x")])));
        let rx = state.listen();
        state.preview(files(&[("moocs/x/index.html", "x2")]));
        assert_eq!(rx.try_recv().ok().as_deref(), Some("event: reload\ndata: {\"pages\":[\"/moocs/x/\"]}\n\n"));
        let served = state.served();
        assert_eq!(served.get("moocs/x/index.html"), Some(&b"x2"[..]));
        assert_eq!(served.get("index.html"), Some(&b"a"[..]));
        state.fail(vec![serde_json::json!({"message": "bad"})]);
        assert_eq!(state.served().get("moocs/x/index.html"), Some(&b"x"[..]), "a failed rebuild drops the preview");
        state.publish(Arc::new(files(&[("index.html", "a"), ("moocs/x/index.html", "x")])), &[]);
        let rx = state.listen();
        state.preview(files(&[("moocs/x/index.html", "x3")]));
        let _ = rx.try_recv();
        // The rebuild wrote the previewed page with the same bytes, and the
        // search index: nobody reloads.
        let site = files(&[("index.html", "a"), ("moocs/x/index.html", "x3"), ("search/fr/index.2.json", "{}")]);
        let changed = ["moocs/x/index.html".to_string(), "search/fr/index.2.json".to_string()];
        state.publish(Arc::new(site), &changed);
        assert!(rx.try_recv().is_err(), "the browsers already show the rebuilt page");
        // A preview the rebuild disagrees with is reloaded.
        state.preview(files(&[("moocs/x/index.html", "x4")]));
        let _ = rx.try_recv();
        state.publish(Arc::new(files(&[("index.html", "a"), ("moocs/x/index.html", "x3")])), &[]);
        assert_eq!(rx.try_recv().ok().as_deref(), Some("event: reload\ndata: {\"pages\":[\"/moocs/x/\"]}\n\n"));
        assert_eq!(
            state.served().get("moocs/x/index.html"),
            Some(&b"x3"[..]),
            "the rebuild's site replaces the preview"
        );
    }

    #[test]
    fn reloads_name_the_pages_unless_other_files_changed() {
        let announce = |paths: &[&str]| {
            let owned: Vec<String> = paths.iter().map(|p| p.to_string()).collect();
            let refs: Vec<&String> = owned.iter().collect();
            announcement(&refs).map(|(name, data)| format!("{name} {data}"))
        };
        assert_eq!(announce(&[]), None);
        assert_eq!(announce(&["style.css"]), Some("css {}".into()));
        assert_eq!(
            announce(&["en/moocs/x/index.html", "sitemap.xml"]),
            Some(r#"reload {"pages":["/en/moocs/x/"]}"#.into())
        );
        assert_eq!(announce(&["moocs/x/index.html", "style.css"]), Some("reload {}".into()), "a stylesheet and pages");
        assert_eq!(announce(&["404.html"]), Some("reload {}".into()));
        assert_eq!(announce(&["search/fr/index.1.json", "sitemap.xml"]), None, "files no page shows");
        assert_eq!(announce(&["moocs/x/cover.png"]), Some("reload {}".into()));
        // A retitled MOOC changes the exports, the feeds and its card image:
        // only its page reloads.
        assert_eq!(
            announce(&["catalogue.csv", "feeds/moocs.xml", "moocs/x/card.0123456789.png", "moocs/x/index.html"]),
            Some(r#"reload {"pages":["/moocs/x/"]}"#.into())
        );
        assert_eq!(announce(&["parcours/p/brochure.pdf"]), None, "a brochure is not a page");
        // A retitled MOOC's made cover gets a new name: only the pages that
        // show it reload (the about page of the browser test does not).
        assert_eq!(
            announce(&["moocs/x/cover.0123456789.svg", "moocs/x/cover.abcdef0123.svg", "moocs/x/index.html"]),
            Some(r#"reload {"pages":["/moocs/x/"]}"#.into())
        );
    }
}
