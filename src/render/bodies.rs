//! Markdown bodies rendered once for all languages. A body's HTML differs
//! between languages only in the URLs of its `@/` links (`/moocs/x/` vs
//! `/en/moocs/x/`), so links are rendered with a marker where the language
//! prefix goes, and each language swaps in its own.
//!
//! `vitrine serve` renders them all up front and keeps them between
//! rebuilds ([`Bodies::render`]). `vitrine build` holds none of them: it
//! renders the pages of one entity in each language one after the other
//! (`render/mod.rs` orders them so), and each thread keeps the last body it
//! rendered for the next language's page ([`Bodies::next_door`]), which
//! saves holding ten thousand bodies in memory at once.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostic::{Out, SourceFile};
use crate::images::Pictures;
use crate::load::{Kind, Meta};
use crate::markdown::{self, Body};
use crate::resolve::Catalogue;

/// Stands for the language prefix in rendered links: plain ASCII that link
/// escaping keeps as it is. A body that contains it is not cached.
pub const PREFIX_MARK: &str = "@@vitrine-lang-prefix@@";

/// Rendered bodies, by source file.
#[derive(Default)]
pub struct Bodies {
    html: HashMap<usize, Rendered>,
    /// With [`Bodies::next_door`]: the render they belong to.
    next_door: Option<u64>,
}

/// Renders that use [`Bodies::next_door`], numbered, so that a thread's
/// last body is never taken for another render's (whose catalogue may
/// resolve links otherwise).
static RENDERS: AtomicU64 = AtomicU64::new(0);

thread_local! {
    /// The last body this thread rendered for a page: (render, file, HTML
    /// with the language prefix marked).
    static LAST: RefCell<Option<(u64, usize, Marked)>> = const { RefCell::new(None) };
}

/// A body's HTML with [`PREFIX_MARK`] where each language puts its prefix,
/// and where the marks are, found once: each language's copy is then put
/// together piece by piece, without searching the HTML again.
struct Marked {
    html: String,
    marks: Vec<usize>,
}

impl Marked {
    fn new(html: String) -> Marked {
        let marks = memchr::memmem::find_iter(html.as_bytes(), PREFIX_MARK).collect();
        Marked { html, marks }
    }

    /// The HTML with `prefix` for every mark.
    fn with_prefix(&self, prefix: &str) -> String {
        let mut out = String::with_capacity(self.html.len() + self.marks.len() * prefix.len());
        let mut from = 0;
        for &at in &self.marks {
            out.push_str(&self.html[from..at]);
            out.push_str(prefix);
            from = at + PREFIX_MARK.len();
        }
        out.push_str(&self.html[from..]);
        out
    }
}

/// Whether a Markdown source contains the mark itself (its body is then
/// rendered for each language, not shared).
fn has_mark(source: &str) -> bool {
    memchr::memmem::find(source.as_bytes(), PREFIX_MARK.as_bytes()).is_some()
}

/// One body, with the file it comes from (kept alive so that its address,
/// the key, is not reused by another file) and its problems.
struct Rendered {
    _file: Arc<SourceFile>,
    html: Marked,
    problems: Out,
}

fn key(meta: &Meta) -> usize {
    Arc::as_ptr(&meta.file) as usize
}

/// `moocs/x.md` (or `moocs/x`, `moocs/x/index.md`) -> `moocs/x/`, the path
/// of an existing entity's page inside a language folder.
pub fn internal_path(cat: &Catalogue, target: &str) -> Option<String> {
    let t = target.trim_end_matches('/');
    let t = t.strip_suffix("/index.md").or_else(|| t.strip_suffix(".md")).unwrap_or(t);
    let (folder, slug) = t.split_once('/')?;
    let kind = Kind::of_folder(folder)?;
    cat.position(kind, slug).map(|_| kind.page_path(slug))
}

impl Bodies {
    /// Renders every body of the catalogue (default files and translations)
    /// in parallel, but those of `previous` for the same files: `vitrine
    /// serve` passes them only when no page was created or deleted, so
    /// links resolve as they did. Problems (dangling links) are kept with
    /// each body ([`Bodies::problems`]).
    pub fn render(cat: &Catalogue, pictures: &Pictures, previous: Option<Bodies>) -> Bodies {
        let mut previous = previous.map(|p| p.html).unwrap_or_default();
        let mut metas: Vec<&Meta> = Vec::new();
        metas.extend(cat.content.every().map(|e| e.meta()));
        metas.extend(cat.translations.iter().map(|e| e.meta()));
        let mut html = HashMap::with_capacity(metas.len());
        metas.retain(|m| match previous.remove(&key(m)) {
            Some(kept) => {
                html.insert(key(m), kept);
                false
            }
            None => true,
        });
        let rendered: Vec<(usize, Rendered)> = metas
            .par_iter()
            .filter(|m| !has_mark(m.body()))
            .map(|m| {
                let mut problems = Vec::new();
                let html = render_marked(cat, pictures, m, &mut problems);
                (key(m), Rendered { _file: Arc::clone(&m.file), html, problems })
            })
            .collect();
        html.extend(rendered);
        Bodies { html, next_door: None }
    }

    /// No body rendered ahead: each is rendered by the first page that
    /// shows it and kept by its thread for the same page in the next
    /// language.
    pub fn next_door() -> Bodies {
        Bodies { html: HashMap::new(), next_door: Some(RENDERS.fetch_add(1, Ordering::Relaxed)) }
    }

    /// With [`Bodies::next_door`], the body of `meta` for the language
    /// folder `prefix`: the one this thread rendered last if it is this
    /// file's, else rendered now (its problems go to `out`, once).
    pub fn from_next_door(
        &self,
        cat: &Catalogue,
        pictures: &Pictures,
        meta: &Meta,
        prefix: &str,
        out: &mut Out,
    ) -> Option<String> {
        let render = self.next_door?;
        let file = key(meta);
        // A body is kept only when its source has no mark of its own.
        let kept = LAST.with_borrow(|last| match last {
            Some((r, f, html)) if *r == render && *f == file => Some(html.with_prefix(prefix)),
            _ => None,
        });
        if kept.is_some() {
            return kept;
        }
        if has_mark(meta.body()) {
            return None;
        }
        let html = render_marked(cat, pictures, meta, out);
        let shown = html.with_prefix(prefix);
        LAST.set(Some((render, file, html)));
        Some(shown)
    }

    /// The problems of every body (each body once, for all languages).
    pub fn problems(&self) -> Vec<crate::diagnostic::Diagnostic> {
        self.html.values().flat_map(|r| r.problems.iter().cloned()).collect()
    }

    /// The body of `meta` with links for the language folder `prefix`
    /// (`/`, `/en/`, `/catalogue/en/`).
    pub fn get(&self, meta: &Meta, prefix: &str) -> Option<String> {
        Some(self.html.get(&key(meta))?.html.with_prefix(prefix))
    }
}

/// The body of `meta` rendered with [`PREFIX_MARK`] before the path of each
/// `@/` link (pictures have the same URLs in every language).
fn render_marked(cat: &Catalogue, pictures: &Pictures, meta: &Meta, out: &mut Out) -> Marked {
    let body = Body { file: &meta.file, range: meta.body.clone(), safe_html: cat.config.safe_html };
    let resolve = |target: &str| internal_path(cat, target).map(|p| format!("{PREFIX_MARK}{p}"));
    let picture = |dest: &str| pictures.picture(meta, dest);
    Marked::new(markdown::render_with_pictures(&body, &resolve, &picture, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_mark_gets_the_prefix() {
        let html =
            format!("<a href=\"{PREFIX_MARK}moocs/a/\">a</a> <a href=\"{PREFIX_MARK}moocs/b/\">b</a>{PREFIX_MARK}");
        let marked = Marked::new(html);
        assert_eq!(marked.marks.len(), 3);
        assert_eq!(marked.with_prefix("/en/"), "<a href=\"/en/moocs/a/\">a</a> <a href=\"/en/moocs/b/\">b</a>/en/");
        assert_eq!(marked.with_prefix("/"), "<a href=\"/moocs/a/\">a</a> <a href=\"/moocs/b/\">b</a>/");
        assert_eq!(Marked::new("no link".into()).with_prefix("/en/"), "no link");
    }

    #[test]
    fn a_source_with_the_mark_is_seen() {
        assert!(has_mark(&format!("text {PREFIX_MARK} text")));
        assert!(!has_mark("@@vitrine-lang-prefix@ almost"));
    }
}
