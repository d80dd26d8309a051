//! Render: every page of every language through the theme's templates,
//! plus the files that are not pages (sitemap, robots.txt, stylesheets,
//! aliases, bundle files) and, at the same time, the pictures' files
//! (`crate::images::write`). Pages are rendered in parallel and handed to a
//! [`Sink`] as soon as they are ready, so no copy of the whole site is
//! kept in memory.
//!
//! Where things are:
//!
//! - [`render`] (this file): the loop over every page of every language,
//!   with the search index built alongside (`crate::search`), and what a
//!   render keeps for the next one (`vitrine serve`);
//! - [`context`]: what every kind of page gets for one language;
//! - [`pages`]: the kinds of page, one file each (home, MOOC, parcours,
//!   lists, terms, schedules, free pages, the catalogue page);
//! - what several kinds of page share: [`cards`] (MOOC and parcours cards),
//!   [`parts`] (links, dates, sessions), [`pictures`] (covers and logos,
//!   made ones included), [`grid`] and
//!   [`grid_table`] (schedule grids), [`calendars`] (`sessions.ics`),
//!   [`values`] (the shapes of `docs/templates.md` as types), [`globals`]
//!   (the values every page gets), [`bodies`] (Markdown bodies rendered
//!   once for every language);
//! - [`site_files`] and [`sitemap`]: the files that are not pages;
//! - [`theme`]: templates, static files and UI strings; [`plan`]: which
//!   pages a rebuild renders; [`preview`]: pages served before a rebuild.

pub mod bodies;
pub mod brochure;
pub mod calendars;
pub mod cards;
pub mod context;
pub mod dates;
pub mod feeds;
pub mod globals;
pub mod grid;
pub mod pages;
pub mod paging;
pub mod parts;
pub mod pictures;
pub mod plan;
pub mod preview;
pub mod records;
pub mod site_files;
pub mod sitemap;
pub mod social;
pub mod structured;
pub mod theme;
pub mod values;

use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;

use crate::diagnostic::{texts, Diagnostic, Out};
use crate::images::Pictures;
use crate::output::Sink;
use crate::resolve::Catalogue;
use crate::timing::{self, Phase};
use context::{Context, PageOut};
pub use plan::{Job, Key, Plan};
use site_files::file_of;
use theme::Theme;

/// What was produced.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    pub pages: usize,
    pub files: usize,
    /// What making the pictures did (their files count in `files`).
    pub images: crate::images::Stats,
    /// Card images drawn by this render.
    pub cards_drawn: usize,
    /// Card images taken whole from the site being replaced (by their
    /// name, or with their page kept by `vitrine build`'s cache).
    pub cards_reused: usize,
    /// Pages rendered by this render (the others were kept from the last).
    pub rendered: usize,
}

/// Renders the whole site into `sink`, with the files of `pictures`.
/// Content problems found while rendering (dangling links, images that do
/// not decode) and template errors go to `out`.
pub fn render_all(cat: &Catalogue, pictures: &Pictures, theme: &Theme, sink: &dyn Sink, out: &mut Out) -> Stats {
    render(cat, pictures, theme, sink, &Plan::All, Previous::Nothing, out).stats
}

/// What a render starts from.
pub enum Previous {
    /// Nothing: a build that keeps nothing.
    Nothing,
    /// What the last render of `vitrine serve` kept, with the memos of the
    /// search index (`Rendered::default()` for the first: start memorising).
    Memo(Box<Rendered>),
    /// The pages the last build wrote, from its cache ([`records`]): their
    /// files are in the current output.
    Pages(records::Pages),
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
    items: Vec<cards::Items>,
    /// Each language's search index, without its files: what the catalogue
    /// page (`/moocs/`) names and counts ([`preview`]).
    searches: Vec<crate::search::Search>,
    /// The pictures made, which the next render keeps when they are the same.
    pictures: Option<crate::images::Written>,
}

impl Rendered {
    /// Every file of the site, relative to its root.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        let pictures = self.pictures.iter().flat_map(|w| &w.files);
        self.pages.values().flat_map(|p| &p.files).chain(&self.others).chain(pictures).map(String::as_str)
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

/// One page of one language, as rendered. `vitrine build` keeps the
/// records of pages without problems on disk ([`records`]), without what
/// only this render knows (problems, freshness, template).
#[derive(Clone, serde::Serialize, serde::Deserialize)]
struct PageRecord {
    /// The page's file first (when it was written), then its own files.
    files: Vec<String>,
    /// Its path in the sitemap (inside the language folder), if listed.
    listed: Option<String>,
    /// The date of its content, for the sitemap.
    lastmod: Option<jiff::civil::Date>,
    written: bool,
    /// Card images it drew, and took from the site being replaced.
    cards: (usize, usize),
    #[serde(skip)]
    problems: Vec<Diagnostic>,
    /// Rendered by this render, not kept from the previous one.
    #[serde(skip)]
    fresh: bool,
    /// The template it was rendered with (only `vitrine serve` asks).
    #[serde(skip)]
    template: &'static str,
}

/// Renders the pages `plan` asks for into `sink`, and keeps the others as
/// `previous` recorded them ([`Sink::keep`] puts their files in place).
/// Problems of kept pages are reported again: the report of a rebuild is
/// that of a full build. Content problems found while rendering (dangling
/// links) and template errors go to `out`.
pub fn render(
    cat: &Catalogue,
    pictures: &Pictures,
    theme: &Theme,
    sink: &dyn Sink,
    plan: &Plan,
    previous: Previous,
    out: &mut Out,
) -> Rendered {
    let from_disk = matches!(previous, Previous::Pages(_));
    // A previous render (even an empty one) asks to keep the memos. Its
    // pictures are in the sink's place whatever the plan.
    let (mut memo, mut kept, old_bodies, mut old_items, old_pictures) = match previous {
        Previous::Memo(p) => {
            let p = *p;
            let memo = Some(p.search.unwrap_or_default());
            match plan {
                Plan::All => (memo, HashMap::new(), None, Vec::new(), p.pictures),
                Plan::Only(_) => (memo, p.pages, Some(p.bodies), p.items, p.pictures),
            }
        }
        Previous::Pages(pages) => (None, pages.0, None, Vec::new(), None),
        Previous::Nothing => (None, HashMap::new(), None, Vec::new(), None),
    };
    // A changed MOOC's card is made again.
    if let Plan::Only(keys) = plan {
        for key in keys.iter().filter(|k| k.kind == pages::mooc::NAME) {
            old_items.iter_mut().for_each(|items| items.remove(&key.name));
        }
    }
    // With one language there is nothing to share: bodies are rendered with
    // their page, so they are never all held in memory at once.
    // With several languages, `vitrine serve` renders every body once and
    // keeps them for the next rebuild; a build renders each with the first
    // page that shows it, for the same page in the next language.
    let bodies = match (cat.config.languages.len() > 1, memo.is_some()) {
        (true, true) => bodies::Bodies::render(cat, pictures, old_bodies),
        (true, false) => bodies::Bodies::next_door(),
        (false, _) => bodies::Bodies::default(),
    };
    out.extend(bodies.problems());
    let contexts: Vec<Context> = cat
        .config
        .languages
        .iter()
        .enumerate()
        .map(|(l, lang)| {
            let reuse = old_items.get_mut(l).map(std::mem::take).unwrap_or_default();
            Context::new(cat, theme, lang, pictures, reuse, Some(&bodies), out)
        })
        .collect();
    let lang_dirs: Vec<String> = contexts.iter().map(|c| c.lang.folder()).collect();
    // Every page of every language in one parallel pass (no language waits
    // for another to finish), with the search indexes built alongside; the
    // catalogue pages, which point to their index, come last.
    let mut pages = HashMap::new();
    let mut todo: Vec<(usize, Key, Job)> = Vec::new();
    // Page by page, each in every language: the languages of one page
    // share its entity and body, which stay in the cache between them. A
    // file of the whole site is made in the default language, the first.
    for (key, job) in plan::jobs(cat) {
        let languages = if job.kind.once() { 1 } else { contexts.len() };
        for l in 0..languages {
            match kept.remove(&(l, key.clone())) {
                Some(record) if !plan.wants(&key) => {
                    pages.insert((l, key.clone()), PageRecord { fresh: false, ..record });
                }
                _ => todo.push((l, key.clone(), job)),
            }
        }
    }
    // The files of the pages kept: where the last build put them.
    let kept_files: Vec<&String> = pages.values().flat_map(|p: &PageRecord| &p.files).collect();
    out.extend(
        kept_files
            .par_iter()
            .filter_map(|path| {
                let kept = timing::time(Phase::Write, || sink.keep(path));
                kept.err().map(|e| Diagnostic::about(Path::new(path), crate::diagnostic::problems::cannot_write(&e)))
            })
            .collect::<Vec<_>>(),
    );
    // The pictures' files are made at the same time, from the same pool.
    let mut picture_problems = Vec::new();
    let ((fresh, searches), written) = rayon::join(
        || {
            rayon::join(
                || -> Vec<((usize, Key), PageRecord)> {
                    todo.into_par_iter()
                        .map(|(l, key, job)| {
                            let mut problems = Vec::new();
                            let page =
                                timing::time(Phase::Render, || job.kind.render(&contexts[l], job.index, &mut problems));
                            let mut record = write_page(theme, sink, &lang_dirs[l], page, problems);
                            if !job.kind.listed() {
                                record.listed = None;
                            }
                            ((l, key), record)
                        })
                        .collect()
                },
                || {
                    let inputs: Vec<crate::search::Input> = contexts.iter().map(search_input).collect();
                    timing::time(Phase::Search, || crate::search::build_all(&inputs, memo.as_mut()))
                },
            )
        },
        || {
            let started = std::time::Instant::now();
            let written = crate::images::write(pictures, sink, old_pictures.as_ref(), &mut picture_problems);
            if timing::enabled() {
                eprintln!("timing: images           {:>7.1} ms", started.elapsed().as_secs_f64() * 1000.0);
            }
            written
        },
    );
    out.extend(picture_problems);
    pages.extend(fresh);
    let catalogues = catalogue_pages(&contexts, &searches, theme, sink, &lang_dirs);
    pages.extend(catalogues.into_iter().enumerate().map(|(l, r)| ((l, Key::catalogue()), r)));
    let search_files: Vec<&(String, Vec<u8>)> = searches.iter().flat_map(|s| &s.files).collect();
    out.extend(
        search_files
            .par_iter()
            .filter_map(|(path, bytes)| {
                timing::time(Phase::Write, || sink.put(path, bytes))
                    .err()
                    .map(|e| Diagnostic::about(Path::new(path), crate::diagnostic::problems::cannot_write(&e)))
            })
            .collect::<Vec<_>>(),
    );
    let mut others: Vec<String> = search_files.iter().map(|(path, _)| path.clone()).collect();
    // Page paths inside a language folder (`moocs/x/`): every page exists in
    // every language, which the sitemap lists as alternates. The 404 page
    // counts as a page but is not listed.
    let mut stats = Stats { files: search_files.len(), ..Stats::default() };
    let mut sitemap = sitemap::Entries::new();
    for ((l, _), record) in &pages {
        stats.pages += usize::from(record.written);
        if record.fresh {
            stats.rendered += usize::from(record.written);
            stats.cards_drawn += record.cards.0;
            stats.cards_reused += record.cards.1;
        } else if from_disk {
            stats.cards_reused += record.cards.0 + record.cards.1;
        }
        if let Some(path) = &record.listed {
            sitemap.add(path, *l, record.lastmod);
        }
        out.extend(record.problems.iter().cloned());
    }
    let default = contexts.iter().find(|c| c.lang.code == cat.config.default_language).unwrap_or(&contexts[0]);
    let extra_files = site_files::write(default, theme, &sitemap, sink, out);
    stats.files += extra_files.len() + stats.pages + written.files.len();
    stats.images = written.stats;
    others.extend(extra_files);
    let (items, searches) = if memo.is_some() {
        let lean = searches.into_iter().map(crate::search::Search::without_files).collect();
        (contexts.into_iter().map(Context::into_items).collect(), lean)
    } else {
        (Vec::new(), Vec::new())
    };
    let pictures = Some(written);
    Rendered { stats, pages, others, bodies, search: memo, items, searches, pictures }
}

/// What the search index of a language reads.
fn search_input<'a>(ctx: &'a Context<'a>) -> crate::search::Input<'a> {
    crate::search::Input { lang: &ctx.lang, order: ctx.cards.by_title() }
}

/// The catalogue page (`/moocs/`) of each language, for its search index.
fn catalogue_pages(
    contexts: &[Context],
    searches: &[crate::search::Search],
    theme: &Theme,
    sink: &dyn Sink,
    lang_dirs: &[String],
) -> Vec<PageRecord> {
    contexts
        .par_iter()
        .zip(searches)
        .enumerate()
        .map(|(l, (ctx, search))| {
            write_page(theme, sink, &lang_dirs[l], pages::catalogue::page(ctx, search), Vec::new())
        })
        .collect()
}

/// Renders one page and writes it with its files: what was written, and
/// the page's problems (`problems`, plus any in writing it).
fn write_page(theme: &Theme, sink: &dyn Sink, lang_dir: &str, page: PageOut, mut problems: Out) -> PageRecord {
    let file = file_of(lang_dir, &page.path);
    let mut record = PageRecord {
        files: Vec::new(),
        listed: None,
        lastmod: page.lastmod,
        written: false,
        cards: (0, 0),
        problems: Vec::new(),
        fresh: true,
        template: page.template,
    };
    // Card images are drawn now, unless the site being replaced has them.
    let font = &theme.card_font.0;
    let files = page.files.iter().map(|(name, bytes)| (name, Ok(bytes)));
    let cards = page.cards.iter().map(|(name, card)| (name, Err(card)));
    let own = page.card.as_ref().map(|card| (&file, Err(card)));
    for (name, what) in files.chain(cards).chain(own) {
        let path = if page.card.is_some() { file.clone() } else { format!("{lang_dir}{}{name}", page.path) };
        let written = match what {
            Ok(bytes) => timing::time(Phase::Write, || sink.put(&path, bytes)),
            Err(card) => timing::time(Phase::CardImages, || card.write(font, sink, &path)).map(|drawn| {
                *(if drawn { &mut record.cards.0 } else { &mut record.cards.1 }) += 1;
            }),
        };
        match written {
            Ok(()) if page.card.is_some() => {
                record.files.insert(0, path);
                record.written = true;
            }
            Ok(()) => record.files.push(path),
            Err(e) => problems.push(Diagnostic::about(Path::new(&path), crate::diagnostic::problems::cannot_write(&e))),
        }
    }
    if page.card.is_some() {
        record.problems = problems;
        return record;
    }
    if let Some(bytes) = &page.bytes {
        match sink.put(&file, bytes) {
            Ok(()) => {
                record.files.insert(0, file);
                record.written = true;
            }
            Err(e) => problems.push(Diagnostic::about(Path::new(&file), crate::diagnostic::problems::cannot_write(&e))),
        }
        record.problems = problems;
        return record;
    }
    // Rendered as bytes, which go to the file as they are: `Tera::render`
    // would check them all again to return a String.
    let mut html = Vec::with_capacity(16 * 1024);
    match timing::time(Phase::Render, || theme.tera.render_to(page.template, &page.context, &mut html)) {
        Ok(()) => match timing::time(Phase::Write, || sink.put(&file, &html)) {
            Ok(()) => {
                record.files.insert(0, file);
                record.written = true;
                record.listed = Some(page.path);
            }
            Err(e) => problems.push(Diagnostic::about(Path::new(&file), crate::diagnostic::problems::cannot_write(&e))),
        },
        Err(e) => problems.push(
            Diagnostic::about(
                Path::new(page.template),
                crate::diagnostic::problems::template_failed(&file, theme::render_error(&e)),
            )
            .with_hint(texts::fix_template()),
        ),
    }
    record.problems = problems;
    record
}
