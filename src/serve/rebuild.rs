//! Rebuilds for `vitrine serve`. A [`Session`] keeps what the last good
//! build made: the parsed files, the theme, the catalogue, the record of
//! every page rendered and the site in memory. A rebuild then parses only
//! the files that changed, compares the new catalogue with the last one to
//! find the pages an edit makes stale (`render::plan`), renders those, and
//! patches the site: the files they wrote are replaced, the files nothing
//! writes any more (a deleted MOOC's page) are dropped. The result is, byte
//! for byte, the site a full build of the same files makes
//! (`tests/incremental.rs` checks it on random edits).
//!
//! The theme (templates, static files, UI strings) and `vitrine.toml` are
//! compared by their files' stamps: when one changed, the theme is loaded
//! again and every page is rendered. After a failed rebuild, the next one
//! renders every page too (the failed one may have used up the records).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::images::Pictures;
use crate::load::cache::{ParseCache, Stamp};
use crate::output::{Files, MemorySink};
use crate::render::plan::{self, Plan};
use crate::render::theme::{files_under, Theme};
use crate::render::{self, Rendered};
use crate::resolve::Catalogue;
use crate::serve::preview;
use crate::serve::state::Change;
use crate::{Options, Report};

/// The last good build, and what the next rebuild reuses.
pub struct Session {
    opts: Options,
    /// The site root resolved, as the watcher names changed files.
    watched: PathBuf,
    cache: ParseCache,
    /// The image files read by the last plan of pictures.
    images: crate::images::Memo,
    last: Option<Last>,
    /// The last rebuild failed: its problems are shown, and no preview is
    /// served until a rebuild succeeds.
    failed: bool,
}

struct Last {
    setup: Vec<(PathBuf, Stamp)>,
    theme: Theme,
    catalogue: Catalogue,
    pictures: Pictures,
    rendered: Option<Rendered>,
    files: Arc<Files>,
}

/// A successful rebuild: the new site and what browsers must do.
pub struct Update {
    pub files: Arc<Files>,
    pub change: Change,
    /// The files written with other bytes, added or removed, sorted.
    pub changed: Vec<String>,
    /// The files of the pages rendered (the others were kept), sorted.
    pub rendered: Vec<String>,
}

impl Session {
    pub fn new(opts: Options) -> Session {
        let watched = opts.root.canonicalize().unwrap_or_else(|_| opts.root.clone());
        Session { opts, watched, cache: ParseCache::default(), images: Default::default(), last: None, failed: false }
    }

    /// The pages to serve at once after an edit of the files `changed`
    /// (`serve::preview`): when the edit changed only the text of some
    /// MOOCs, their pages and the list pages that hold them, rendered from the
    /// last catalogue with those MOOCs replaced. `None` for any other edit.
    /// The session is as it was after: [`Session::rebuild`] makes the site.
    pub fn preview(&mut self, changed: &[PathBuf]) -> Option<Files> {
        if self.failed {
            return None;
        }
        let last = self.last.as_mut()?;
        let rendered = last.rendered.as_mut()?;
        if changed.is_empty() || last.catalogue.config.languages.is_empty() {
            return None;
        }
        let mut swaps = Vec::with_capacity(changed.len());
        for path in changed {
            swaps.push(preview::reload_mooc(&self.opts.root, &self.watched, &last.catalogue, path)?);
        }
        let changed: Vec<usize> = swaps.iter().map(|(i, _)| *i).collect();
        let swap = |cat: &mut Catalogue, swaps: &mut Vec<(usize, crate::load::Mooc)>| {
            for (i, m) in swaps.iter_mut() {
                cat.content.moocs.swap(*i, m);
            }
        };
        swap(&mut last.catalogue, &mut swaps);
        let files = render::preview::pages(&last.catalogue, &last.pictures, &last.theme, &changed, rendered);
        swap(&mut last.catalogue, &mut swaps);
        files
    }

    /// Builds the site again (only what changed, when it can), and returns
    /// the report and, when the build succeeded, the update.
    pub fn rebuild(&mut self) -> (Report, Option<Update>) {
        let (report, update) = self.rebuild_now();
        self.failed = update.is_none();
        (report, update)
    }

    fn rebuild_now(&mut self) -> (Report, Option<Update>) {
        let timer = crate::timing::Timer::new();
        let mut out: Vec<Diagnostic> = Vec::new();
        let mut report = Report::new(crate::output_dir(&self.opts));
        let Some((config, today)) = crate::setup(&self.opts, &mut out) else {
            report.diagnostics = crate::finish(out);
            return (report, None);
        };
        report.today = Some(today);
        let setup = setup_stamps(&self.opts.root);
        let same_setup = self.last.as_ref().is_some_and(|l| same_stamps(&l.setup, &setup));
        let fresh_theme = if same_setup { None } else { Theme::load(&self.opts.root, &config, &mut out) };
        timer.lap("setup+theme");
        let catalogue = crate::catalogue(&self.opts, config, today, Some(&mut self.cache), &mut out);
        timer.lap("load+resolve");
        let pictures = crate::pictures(&self.opts, &catalogue, Some(&mut self.images), &mut out);
        if crate::diagnostic::has_errors(&out) {
            // As a full build does: render nowhere, for the problems only
            // rendering finds (dangling links, template errors).
            if let Some(theme) = fresh_theme.as_ref().or(self.last.as_ref().map(|l| &l.theme)) {
                render::render_all(&catalogue, &pictures, theme, &crate::output::NullSink, &mut out);
            }
            report.diagnostics = crate::finish(out);
            return (report, None);
        }
        let (theme, previous, plan) = match (fresh_theme, self.last.take()) {
            (None, Some(last)) => {
                let plan = plan::plan(&last.catalogue, &catalogue, &pictures.changed_owners(&last.pictures));
                (last.theme, last.rendered.map(|r| (r, last.files)), plan)
            }
            (Some(theme), Some(last)) => {
                let plan = theme_plan(&last, &setup, &theme, &catalogue, &pictures);
                (theme, last.rendered.map(|r| (r, last.files)), plan)
            }
            (Some(theme), None) => (theme, None, Plan::All),
            (None, None) => {
                report.diagnostics = crate::finish(out);
                return (report, None);
            }
        };
        let sink = MemorySink::default();
        let (old_rendered, old_files) = match previous {
            Some((r, f)) => (render::Previous::Memo(Box::new(r)), f),
            None => (render::Previous::Memo(Box::default()), Arc::new(Files::new())),
        };
        let rendered = render::render(&catalogue, &pictures, &theme, &sink, &plan, old_rendered, &mut out);
        timer.lap("render");
        report.stats = rendered.stats;
        let ok = !crate::diagnostic::has_errors(&out);
        report.diagnostics = crate::finish(out);
        if !ok {
            // The records went into this render: the next rebuild is full.
            self.last = Some(Last { setup, theme, catalogue, pictures, rendered: None, files: old_files });
            return (report, None);
        }
        let (files, changed) = patch(&old_files, &rendered, sink.into_files());
        let change = Change::of(&changed);
        timer.lap("patch");
        crate::timing::report();
        let pages = rendered.rendered_pages();
        self.last =
            Some(Last { setup, theme, catalogue, pictures, rendered: Some(rendered), files: Arc::clone(&files) });
        (report, Some(Update { files, change, changed, rendered: pages }))
    }
}

/// The old site with the files of `rendered`: those just written replace
/// the old ones, those nothing wrote any more are dropped.
fn patch(old: &Files, rendered: &Rendered, written: Files) -> (Arc<Files>, Vec<String>) {
    let keep: HashSet<&str> = rendered.paths().collect();
    let mut files: Files =
        old.iter().filter(|(k, _)| keep.contains(k.as_str())).map(|(k, v)| (k.clone(), Arc::clone(v))).collect();
    let mut changed: Vec<String> = old.keys().filter(|k| !keep.contains(k.as_str())).cloned().collect();
    for (path, bytes) in written {
        if files.get(&path) != Some(&bytes) {
            changed.push(path.clone());
        }
        files.insert(path, bytes);
    }
    changed.sort();
    (Arc::new(files), changed)
}

/// Stamps of the files that make the theme and settings: `vitrine.toml`
/// first (`theme_plan` reads it there), then everything under `themes/`, `templates/`, `static/` and `i18n/`.
fn setup_stamps(root: &Path) -> Vec<(PathBuf, Stamp)> {
    let mut stamps = vec![(root.join("vitrine.toml"), Stamp::of(&root.join("vitrine.toml")))];
    for folder in ["themes", "templates", "static", "i18n"] {
        for (_, path) in files_under(&root.join(folder)) {
            let stamp = Stamp::of(&path);
            stamps.push((path, stamp));
        }
    }
    stamps
}

/// What to render when the theme's files changed: the pages whose
/// templates changed (`plan::changed_templates`) and those the content
/// changes make stale; everything when `vitrine.toml`, UI strings, static
/// files or card templates changed.
fn theme_plan(
    last: &Last,
    setup: &[(PathBuf, Stamp)],
    theme: &Theme,
    catalogue: &Catalogue,
    pictures: &Pictures,
) -> Plan {
    let same_config = matches!((last.setup.first(), setup.first()), (Some((_, a)), Some((_, b))) if a.same(b));
    let (Some(rendered), true) = (&last.rendered, same_config) else { return Plan::All };
    let Some(templates) = plan::changed_templates(&last.theme, theme) else { return Plan::All };
    match plan::plan(&last.catalogue, catalogue, &pictures.changed_owners(&last.pictures)) {
        Plan::Only(mut keys) => {
            keys.extend(rendered.keys_using(&templates));
            Plan::Only(keys)
        }
        Plan::All => Plan::All,
    }
}

/// Whether the same files have certainly not changed.
fn same_stamps(a: &[(PathBuf, Stamp)], b: &[(PathBuf, Stamp)]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|((p, s), (q, t))| p == q && s.same(t))
}
