//! Markdown bodies rendered once for all languages. A body's HTML differs
//! between languages only in the URLs of its `@/` links (`/moocs/x/` vs
//! `/en/moocs/x/`), so links are rendered with a marker where the language
//! prefix goes, and each language swaps in its own.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostic::SourceFile;
use crate::load::fields::Out;
use crate::load::Meta;
use crate::markdown::{self, Body};
use crate::resolve::Catalogue;

/// Stands for the language prefix in rendered links: plain ASCII that link
/// escaping keeps as it is. A body that contains it is not cached.
pub const PREFIX_MARK: &str = "@@vitrine-lang-prefix@@";

/// Rendered bodies, by source file.
#[derive(Default)]
pub struct Bodies {
    html: HashMap<usize, Rendered>,
}

/// One body, with the file it comes from (kept alive so that its address,
/// the key, is not reused by another file) and its problems.
struct Rendered {
    _file: Arc<SourceFile>,
    html: String,
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
    let idx = &cat.index;
    let exists = match folder {
        "moocs" => idx.moocs.contains_key(slug),
        "parcours" => idx.parcours.contains_key(slug),
        "platforms" => idx.platforms.contains_key(slug),
        "institutions" => idx.institutions.contains_key(slug),
        "schedules" => idx.schedules.contains_key(slug),
        "subjects" => idx.subjects.contains_key(slug),
        "pages" => return idx.pages.contains_key(slug).then(|| format!("{slug}/")),
        _ => false,
    };
    exists.then(|| format!("{folder}/{slug}/"))
}

impl Bodies {
    /// Renders every body of the catalogue (default files and translations)
    /// in parallel, but those of `previous` for the same files: `vitrine
    /// serve` passes them only when no page was created or deleted, so
    /// links resolve as they did. Problems (dangling links) are kept with
    /// each body ([`Bodies::problems`]).
    pub fn render(cat: &Catalogue, previous: Option<Bodies>) -> Bodies {
        let mut previous = previous.map(|p| p.html).unwrap_or_default();
        let mut metas: Vec<&Meta> = Vec::new();
        metas.extend(cat.home.iter().map(|h| &h.meta));
        metas.extend(cat.moocs.iter().map(|e| &e.meta));
        metas.extend(cat.parcours.iter().map(|e| &e.meta));
        metas.extend(cat.platforms.iter().map(|e| &e.meta));
        metas.extend(cat.institutions.iter().map(|e| &e.meta));
        metas.extend(cat.schedules.iter().map(|e| &e.meta));
        metas.extend(cat.subjects.iter().filter_map(|s| s.doc.as_ref()).map(|d| &d.meta));
        metas.extend(cat.pages.iter().map(|e| &e.meta));
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
            .filter(|m| !m.body().contains(PREFIX_MARK))
            .map(|m| {
                let mut problems = Vec::new();
                let body = Body { file: &m.file, range: m.body.clone() };
                let resolve = |target: &str| internal_path(cat, target).map(|p| format!("{PREFIX_MARK}{p}"));
                let html = markdown::render(&body, &resolve, &mut problems);
                (key(m), Rendered { _file: Arc::clone(&m.file), html, problems })
            })
            .collect();
        html.extend(rendered);
        Bodies { html }
    }

    /// The problems of every body (each body once, for all languages).
    pub fn problems(&self) -> Vec<crate::diagnostic::Diagnostic> {
        self.html.values().flat_map(|r| r.problems.iter().cloned()).collect()
    }

    /// The body of `meta` with links for the language folder `prefix`
    /// (`/`, `/en/`, `/catalogue/en/`).
    pub fn get(&self, meta: &Meta, prefix: &str) -> Option<String> {
        let html = &self.html.get(&key(meta))?.html;
        Some(if html.contains(PREFIX_MARK) { html.replace(PREFIX_MARK, prefix) } else { html.clone() })
    }
}
