//! Render: every page of every language through the theme's templates,
//! plus the files that are not pages (sitemap, robots.txt, stylesheets,
//! aliases, bundle images). Pages are rendered in parallel and handed to a
//! [`Sink`] as soon as they are ready, so no copy of the whole site is
//! kept in memory.

pub mod bodies;
pub mod calendars;
pub mod globals;
pub mod grid;
pub mod grid_table;
pub mod listing;
pub mod pages;
pub mod plan;
pub mod preview;
pub mod schedules;
pub mod sitemap;
pub mod theme;
pub mod values;
pub mod view;

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Out};
use crate::load::Meta;
use crate::output::Sink;
use crate::resolve::{normalize_alias, Catalogue};
use pages::PageOut;
pub use plan::{Job, Key, Plan};
use theme::Theme;
use view::View;

/// What was produced.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    pub pages: usize,
    pub files: usize,
}

impl View<'_> {
    fn run(&self, job: Job, out: &mut Out) -> PageOut {
        match job {
            Job::Home => self.home(out),
            Job::Language(i) => self.language_page(i),
            Job::Level(i) => self.level_page(i),
            Job::OpenNow => self.open_now(),
            Job::MoocsPage(n) => self.moocs_page(n),
            Job::Mooc(i) => self.mooc(i, out),
            Job::ParcoursList => self.parcours_list(),
            Job::Parcours(i) => self.parcours(i, out),
            Job::Platform(i) => self.platform(i, out),
            Job::Institution(i) => self.institution(i, out),
            Job::Subject(i) => self.subject(i, out),
            Job::Schedule(i) => self.schedule(i, out),
            Job::Schedules => self.schedules(),
            Job::Page(i) => self.free_page(i, out),
            Job::NotFound => self.not_found(),
        }
    }
}

/// Output file of a page path: folders get `index.html`.
fn file_of(lang_dir: &str, path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{lang_dir}{path}index.html")
    } else {
        format!("{lang_dir}{path}")
    }
}

/// Renders the whole site into `sink`. Content problems found while
/// rendering (dangling links) and template errors go to `out`.
pub fn render_all(cat: &Catalogue, theme: &Theme, sink: &dyn Sink, out: &mut Out) -> Stats {
    render(cat, theme, sink, &Plan::All, None, out).stats
}

/// What a render produced: kept by `vitrine serve` so that the next
/// rebuild renders only what the edit made stale ([`plan::plan`]).
#[derive(Default)]
pub struct Rendered {
    pub stats: Stats,
    /// Each page of each language (by index in `languages`).
    pages: HashMap<(usize, Key), PageRecord>,
    /// Every other file: search index, sitemap, theme files, aliases…
    others: Vec<String>,
    bodies: bodies::Bodies,
    /// What the search indexes keep for the next render.
    search: Option<crate::search::memo::Memo>,
    /// Each language's MOOC list items (rendered cards), by slug.
    items: Vec<view::Items>,
    /// Each language's search index, without its files: what the catalogue
    /// page (`/moocs/`) names and counts ([`preview`]).
    searches: Vec<crate::search::Search>,
}

impl Rendered {
    /// Every file of the site, relative to its root.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.pages.values().flat_map(|p| &p.files).chain(&self.others).map(String::as_str)
    }

    /// The pages rendered with one of `templates`.
    pub fn keys_using(&self, templates: &std::collections::HashSet<String>) -> Vec<Key> {
        self.pages.iter().filter(|(_, p)| templates.contains(p.template)).map(|((_, k), _)| k.clone()).collect()
    }

    /// The files of the pages rendered (rather than kept) by this render,
    /// sorted.
    pub fn rendered_pages(&self) -> Vec<String> {
        let mut v: Vec<String> =
            self.pages.values().filter(|p| p.fresh && p.written).filter_map(|p| p.files.first().cloned()).collect();
        v.sort();
        v
    }
}

/// One page of one language, as rendered.
#[derive(Clone)]
struct PageRecord {
    /// The page's file first (when it was written), then its own files.
    files: Vec<String>,
    /// Its path in the sitemap (inside the language folder), if listed.
    listed: Option<String>,
    written: bool,
    problems: Vec<Diagnostic>,
    /// Rendered by this render, not kept from the previous one.
    fresh: bool,
    /// The template it was rendered with.
    template: &'static str,
}

/// Renders the pages `plan` asks for into `sink`, and keeps the others as
/// `previous` recorded them (they are already where the sink's files go).
/// `previous` also carries what the search indexes memorised; pass
/// `Some(Rendered::default())` to start memorising.
/// Problems of kept pages are reported again: the report of a rebuild is
/// that of a full build.
pub fn render(
    cat: &Catalogue,
    theme: &Theme,
    sink: &dyn Sink,
    plan: &Plan,
    previous: Option<Rendered>,
    out: &mut Out,
) -> Rendered {
    // A previous render (even an empty one) asks to keep the memos.
    let (mut memo, mut kept, old_bodies, mut old_items) = match previous {
        Some(p) => {
            let memo = Some(p.search.unwrap_or_default());
            match plan {
                Plan::All => (memo, HashMap::new(), None, Vec::new()),
                Plan::Only(_) => (memo, p.pages, Some(p.bodies), p.items),
            }
        }
        None => (None, HashMap::new(), None, Vec::new()),
    };
    // A changed MOOC's card is made again.
    if let Plan::Only(keys) = plan {
        for key in keys {
            if let Key::Mooc(slug) = key {
                old_items.iter_mut().for_each(|items| items.remove(slug));
            }
        }
    }
    // With one language there is nothing to share: bodies are rendered with
    // their page, so they are never all held in memory at once.
    // With several languages, `vitrine serve` renders every body once and
    // keeps them for the next rebuild; a build renders each with the first
    // page that shows it, for the same page in the next language.
    let bodies = match (cat.config.languages.len() > 1, memo.is_some()) {
        (true, true) => bodies::Bodies::render(cat, old_bodies),
        (true, false) => bodies::Bodies::next_door(),
        (false, _) => bodies::Bodies::default(),
    };
    out.extend(bodies.problems());
    let views: Vec<View> = cat
        .config
        .languages
        .iter()
        .enumerate()
        .map(|(l, lang)| {
            let reuse = old_items.get_mut(l).map(std::mem::take).unwrap_or_default();
            View::reusing(cat, theme, lang, reuse, out).with_bodies(&bodies)
        })
        .collect();
    let lang_dirs: Vec<String> = views
        .iter()
        .map(|v| if v.lang == cat.config.default_language { String::new() } else { format!("{}/", v.lang) })
        .collect();
    // Every page of every language in one parallel pass (no language waits
    // for another to finish), with the search indexes built alongside; the
    // catalogue pages, which point to their index, come last.
    let mut pages = HashMap::new();
    let mut todo: Vec<(usize, Key, Job)> = Vec::new();
    let keyed: Vec<(Key, Job)> = plan::jobs(cat).into_iter().map(|job| (plan::key(cat, job), job)).collect();
    // Page by page, each in every language: the languages of one page
    // share its entity and body, which stay in the cache between them.
    for (key, job) in &keyed {
        for l in 0..views.len() {
            let (key, job) = (key.clone(), *job);
            match kept.remove(&(l, key.clone())) {
                Some(record) if !plan.wants(&key) => {
                    pages.insert((l, key), PageRecord { fresh: false, ..record });
                }
                _ => todo.push((l, key, job)),
            }
        }
    }
    let (fresh, searches) = rayon::join(
        || -> Vec<((usize, Key), PageRecord)> {
            todo.into_par_iter()
                .map(|(l, key, job)| {
                    let mut problems = Vec::new();
                    let page = views[l].run(job, &mut problems);
                    let mut record = write_page(&views[l], sink, &lang_dirs[l], page, problems);
                    if matches!(job, Job::NotFound) {
                        record.listed = None;
                    }
                    ((l, key), record)
                })
                .collect()
        },
        || {
            let started = std::time::Instant::now();
            let searches = crate::search::build_all(&views, memo.as_mut());
            if std::env::var_os("VITRINE_TIMINGS").is_some() {
                eprintln!("timing: search indexes   {:>7.1} ms", started.elapsed().as_secs_f64() * 1000.0);
            }
            searches
        },
    );
    pages.extend(fresh);
    let catalogues: Vec<PageRecord> = views
        .par_iter()
        .zip(&searches)
        .enumerate()
        .map(|(l, (view, search))| write_page(view, sink, &lang_dirs[l], view.moocs(search), Vec::new()))
        .collect();
    pages.extend(catalogues.into_iter().enumerate().map(|(l, r)| ((l, Key::Catalogue), r)));
    let search_files: Vec<&(String, Vec<u8>)> = searches.iter().flat_map(|s| &s.files).collect();
    out.extend(
        search_files
            .par_iter()
            .filter_map(|(path, bytes)| {
                sink.put(path, bytes)
                    .err()
                    .map(|e| Diagnostic::usage(Path::new(path), format!("cannot write this file: {e}")))
            })
            .collect::<Vec<_>>(),
    );
    let mut others: Vec<String> = search_files.iter().map(|(path, _)| path.clone()).collect();
    // Page paths inside a language folder (`moocs/x/`): every page exists in
    // every language, which the sitemap lists as alternates. The 404 page
    // counts as a page but is not listed.
    let mut stats = Stats { pages: 0, files: search_files.len() };
    let mut sitemap: BTreeSet<String> = BTreeSet::new();
    for record in pages.values() {
        stats.pages += usize::from(record.written);
        sitemap.extend(record.listed.iter().cloned());
        out.extend(record.problems.iter().cloned());
    }
    let default = views.iter().find(|v| v.lang == cat.config.default_language).unwrap_or(&views[0]);
    let extra_files = extras(default, &sitemap, sink, out);
    stats.files += extra_files.len() + stats.pages;
    others.extend(extra_files);
    let (items, searches) = if memo.is_some() {
        let lean = searches.into_iter().map(crate::search::Search::without_files).collect();
        (views.into_iter().map(View::into_items).collect(), lean)
    } else {
        (Vec::new(), Vec::new())
    };
    Rendered { stats, pages, others, bodies, search: memo, items, searches }
}

/// Renders one page and writes it with its files: what was written, and
/// the page's problems (`problems`, plus any in writing it).
fn write_page(view: &View, sink: &dyn Sink, lang_dir: &str, page: PageOut, mut problems: Out) -> PageRecord {
    let file = file_of(lang_dir, &page.path);
    let mut record = PageRecord {
        files: Vec::new(),
        listed: None,
        written: false,
        problems: Vec::new(),
        fresh: true,
        template: page.template,
    };
    for (name, bytes) in &page.files {
        let path = format!("{lang_dir}{}{name}", page.path);
        match sink.put(&path, bytes) {
            Ok(()) => record.files.push(path),
            Err(e) => problems.push(Diagnostic::usage(Path::new(&path), format!("cannot write this file: {e}"))),
        }
    }
    // Rendered as bytes, which go to the file as they are: `Tera::render`
    // would check them all again to return a String.
    let mut html = Vec::with_capacity(16 * 1024);
    match view.theme.tera.render_to(page.template, &page.context, &mut html) {
        Ok(()) => match sink.put(&file, &html) {
            Ok(()) => {
                record.files.insert(0, file);
                record.written = true;
                record.listed = Some(page.path);
            }
            Err(e) => problems.push(Diagnostic::usage(Path::new(&file), format!("cannot write this page: {e}"))),
        },
        Err(e) => problems.push(
            Diagnostic::file_error(
                Path::new(page.template),
                format!("the template failed on {file}: {}", theme::render_error(&e)),
            )
            .with_hint("fix the template (see docs/templates.md for the values it gets)"),
        ),
    }
    record.problems = problems;
    record
}

/// Everything that is not a templated page; returns the files' paths.
/// `view` is the default language's: alias pages redirect to its pages.
fn extras(view: &View, sitemap: &BTreeSet<String>, sink: &dyn Sink, out: &mut Out) -> Vec<String> {
    let (cat, theme) = (view.cat, view.theme);
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    files.push(("sitemap.xml".into(), sitemap::sitemap_xml(cat, sitemap).into_bytes()));
    files.push((
        "robots.txt".into(),
        format!("User-agent: *\nAllow: /\n\nSitemap: {}/sitemap.xml\n", cat.config.base_url).into_bytes(),
    ));
    files.push(("syntax.css".into(), crate::markdown::highlight::stylesheet().into_bytes()));
    for (name, bytes) in &theme.statics {
        files.push((name.clone(), bytes.clone()));
        if let Some(hashed) = theme.assets.get(name) {
            files.push((hashed.clone(), bytes.clone()));
        }
    }
    // Alias redirect pages, in the default language.
    for m in &cat.content.moocs {
        let target = format!("{}{}", view.origin(), view.url(&format!("moocs/{}/", m.meta.slug)));
        for a in &m.aliases {
            let Ok(path) = normalize_alias(&a.value) else { continue };
            let mut ctx = view.globals(&format!("moocs/{}/", m.meta.slug), &m.title, "");
            ctx.insert_value("target", tera::Value::from(target.as_str()));
            match theme.tera.render("alias.html", &ctx) {
                Ok(h) => files.push((file_of("", path.trim_start_matches('/')), h.into_bytes())),
                Err(e) => out.push(Diagnostic::file_error(
                    Path::new("alias.html"),
                    format!("the template failed: {}", theme::render_error(&e)),
                )),
            }
        }
    }
    // Images and other files of bundles, beside their page.
    for e in cat.content.every() {
        bundle_files(e.meta(), &e.kind().page_path(&e.meta().slug), &mut files, out);
    }
    let mut paths = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        match sink.put(&path, &bytes) {
            Ok(()) => paths.push(path),
            Err(e) => out.push(Diagnostic::usage(Path::new(&path), format!("cannot write this file: {e}"))),
        }
    }
    paths
}

/// The files of the bundle of `meta` but its Markdown, for the folder of its
/// page, `page` (`moocs/x/`).
fn bundle_files(meta: &Meta, page: &str, files: &mut Vec<(String, Vec<u8>)>, out: &mut Out) {
    let Some(dir) = &meta.bundle else { return };
    theme::warn_links_under(dir, out);
    for (name, path) in theme::files_under(dir) {
        if name.ends_with(".md") {
            continue;
        }
        match std::fs::read(&path) {
            Ok(bytes) => files.push((format!("{page}{name}"), bytes)),
            Err(e) => out.push(Diagnostic::file_error(&path, format!("cannot read this file: {e}"))),
        }
    }
}
