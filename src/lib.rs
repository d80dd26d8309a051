//! vitrine: a static-site generator for public MOOC catalogues.
//!
//! The pipeline is the architecture; [`build`] reads like it:
//! `config → load → validate → resolve → render → write`. Each stage takes
//! the previous stage's output and pushes problems into one list, so that
//! a run reports every problem at once.

pub mod base;
pub mod calendar;
pub mod card_image;
pub mod check;
pub mod config;
pub mod diagnostic;
pub mod i18n;
pub mod images;
pub mod load;
pub mod markdown;
pub mod output;
pub mod pdf;
pub mod render;
pub mod resolve;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod timing;
pub mod validate;

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::config::Config;
use crate::diagnostic::{has_errors, problems, texts, Diagnostic, Diagnostics};
use crate::output::{NullSink, Sink};
use crate::render::theme::Theme;
use crate::render::{Plan, Stats};
use crate::resolve::Catalogue;
use crate::timing::Timer;

/// What a run is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    /// Output folder; `None` = `<root>/public`.
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    pub today: Option<Date>,
    /// Value of `SOURCE_DATE_EPOCH`, if set.
    pub source_date_epoch: Option<String>,
    pub drafts: bool,
    /// `false` for `vitrine check`: validate and render, write nothing.
    pub write: bool,
    /// Also list the entities that have no translation file.
    pub missing_translations: bool,
    /// The cache folder (`--cache-dir`, `VITRINE_CACHE_DIR`); `None`: the
    /// `cache_dir` of vitrine.toml, from the site's root.
    pub cache_dir: Option<PathBuf>,
    /// Counters the terminal's progress line reads while pictures are made.
    pub progress: Option<std::sync::Arc<images::Progress>>,
    /// Minify HTML, CSS and JavaScript as they are written (`--minify`).
    pub minify: bool,
    /// `vitrine build`: keep a cache beside the output folder and write
    /// only the files whose bytes change (`output::incremental`); `false`
    /// (`--no-cache`, and every command but `build`): write every file, keep nothing.
    pub cache: bool,
}

/// A finished run: what was produced and the problems found.
#[derive(Debug)]
pub struct Report {
    pub stats: Stats,
    pub diagnostics: Vec<Diagnostic>,
    pub today: Option<Date>,
    pub output: PathBuf,
    /// `(language, file)` of every entity without a translation into that
    /// language (with `missing_translations`).
    pub missing: Vec<(String, PathBuf)>,
}

impl Report {
    /// The report of a run that writes to `output`, before it runs.
    pub fn new(output: PathBuf) -> Report {
        Report { stats: Stats::default(), diagnostics: Vec::new(), today: None, output, missing: Vec::new() }
    }

    pub fn has_errors(&self) -> bool {
        has_errors(&self.diagnostics)
    }
}

/// Output folder for these options.
pub fn output_dir(opts: &Options) -> PathBuf {
    opts.output.clone().unwrap_or_else(|| opts.root.join("public"))
}

/// Runs the pipeline. On any error, nothing is written (the previous
/// output, if any, stays as it was) and the report lists every problem.
pub fn build(opts: &Options) -> Report {
    run(opts, None)
}

/// A full build into memory: the report, and the files when the build
/// succeeded. `vitrine serve` rebuilds incrementally
/// ([`serve::rebuild::Session`]); this is what its rebuilds must equal.
pub fn build_in_memory(opts: &Options) -> (Report, Option<output::Files>) {
    let sink = output::MemorySink::default();
    let report = run(opts, Some(&sink));
    let files = (!report.has_errors()).then(|| sink.into_files());
    (report, files)
}

/// What `vitrine brochure` is asked for.
#[derive(Debug, Clone, Default)]
pub struct BrochureOptions {
    /// A parcours' slug; `None`: every MOOC of the catalogue.
    pub parcours: Option<String>,
    /// A language of the site; `None`: the default one.
    pub lang: Option<String>,
    /// The PDF file to write; `None`: `brochure-<parcours>-<lang>.pdf`
    /// (`brochure-<lang>.pdf` for the catalogue) in the current folder.
    pub output: Option<PathBuf>,
}

/// `vitrine brochure`: loads and checks the site as `check` does, then
/// writes the PDF brochure of a parcours (or of the catalogue) in one
/// language (`render/brochure.rs`). The report's `output` is the file.
pub fn brochure(opts: &Options, which: &BrochureOptions) -> Report {
    let mut out = Vec::new();
    let slug = which.parcours.as_deref().unwrap_or("");
    let mut report = Report::new(PathBuf::new());
    if let Some((catalogue, theme)) = prepare(opts, false, &mut report, &mut out) {
        let lang = which.lang.clone().unwrap_or_else(|| catalogue.config.default_language.clone());
        report.output = which.output.clone().unwrap_or_else(|| match slug {
            "" => PathBuf::from(format!("brochure-{lang}.pdf")),
            _ => PathBuf::from(format!("brochure-{slug}-{lang}.pdf")),
        });
        let parcours = catalogue.content.parcours.position(slug);
        if !catalogue.config.languages.contains(&lang) {
            let known = catalogue.config.languages.iter().map(|l| format!("`{l}`")).collect();
            out.push(
                Diagnostic::about(Path::new("vitrine.toml"), problems::brochure_unknown_language(&lang))
                    .with_hint(texts::use_lang_one_of(diagnostic::Arg::List(known, diagnostic::Joint::Or))),
            );
        } else if !slug.is_empty() && parcours.is_none() {
            let slugs = catalogue.content.parcours.iter().map(|p| p.meta.slug.as_str());
            let hint = diagnostic::did_you_mean(slug, slugs).unwrap_or_else(texts::name_a_parcours_file);
            out.push(
                Diagnostic::about(Path::new("content/parcours"), problems::brochure_unknown_parcours(slug))
                    .with_hint(hint),
            );
        } else if !has_errors(&out) {
            let lang = i18n::Lang::new(&catalogue, &lang, &theme.strings);
            match render::brochure::pdf(&lang, parcours, &theme.fonts) {
                Err(problem) => out.push(Diagnostic::about(Path::new("vitrine.toml"), problem)),
                Ok(bytes) => {
                    if let Err(e) = std::fs::write(&report.output, bytes) {
                        out.push(Diagnostic::about(&report.output, problems::cannot_write(&e)));
                    }
                }
            }
        }
    }
    report.diagnostics = finish(out);
    report
}

/// The pipeline, writing to the output folder, or to `memory`.
fn run(opts: &Options, memory: Option<&output::MemorySink>) -> Report {
    let mut out = Vec::new();
    let mut report = Report::new(output_dir(opts));
    if let Some((catalogue, theme)) = prepare(opts, memory.is_none(), &mut report, &mut out) {
        let pictures = pictures(opts, &catalogue, None, &mut out);
        report.stats = write(opts, &catalogue, &pictures, &theme, memory, &report.output, &mut out);
    }
    report.diagnostics = finish(out);
    timing::report();
    report
}

/// Everything the site is made of: the configuration and build date, the
/// theme and the catalogue; `None` when a problem stops the run before
/// rendering (the problems are in `out`). `to_folder`: the run writes to
/// the output folder, which is checked first.
fn prepare(
    opts: &Options,
    to_folder: bool,
    report: &mut Report,
    out: &mut Vec<Diagnostic>,
) -> Option<(Catalogue, Theme)> {
    let timer = Timer::new();
    let (config, today) = setup(opts, out)?;
    if to_folder {
        if let Err(d) = check_output_location(&opts.root, &report.output) {
            out.push(d);
            return None;
        }
    }
    report.today = Some(today);
    let theme = Theme::load(&opts.root, &config, out);
    timer.lap("theme");
    let catalogue = catalogue(opts, config, today, None, out);
    if opts.missing_translations {
        report.missing = resolve::missing_translations(&catalogue);
    }
    Some((catalogue, theme?))
}

/// The file of the build cache that keeps what the last build rendered
/// (`render::records`).
const RECORDS: &str = "render.bin";

/// Where a run's files go.
enum Destination<'a> {
    /// Nowhere: `vitrine check`, or a run that found errors already.
    Nowhere,
    Memory(&'a output::MemorySink),
    /// A folder beside the output folder, which replaces it at the end.
    Folder(output::Staging, output::DirSink),
    /// The same, made from the site the output replaced last time, with
    /// only the files whose bytes change written (`--no-cache` aside).
    Reusing(Box<output::incremental::Build>),
}

/// Renders the site where the run writes it. With problems already, or
/// for `vitrine check`, nowhere: rendering still finds dangling links and
/// template errors, so `check` reports what `build` would. Else into
/// `memory`, or into a folder that replaces the output folder once every
/// file is written without an error.
fn write(
    opts: &Options,
    catalogue: &Catalogue,
    pictures: &images::Pictures,
    theme: &Theme,
    memory: Option<&output::MemorySink>,
    target: &Path,
    out: &mut Vec<Diagnostic>,
) -> Stats {
    let timer = Timer::new();
    let destination = match memory {
        _ if has_errors(out) || !opts.write => Destination::Nowhere,
        Some(memory) => Destination::Memory(memory),
        None if opts.cache => match output::incremental::Build::start(target) {
            Ok(build) => Destination::Reusing(Box::new(build)),
            Err(failure) => {
                out.push(cache_failure(target, failure, problems::output_unwritable, problems::cache_unusable));
                return Stats::default();
            }
        },
        None => match output::Staging::new(target) {
            Ok(staging) => {
                let dir = output::DirSink::replacing(staging.dir.clone(), target);
                Destination::Folder(staging, dir)
            }
            Err(e) => {
                out.push(Diagnostic::about(target, problems::output_unwritable(&e)));
                return Stats::default();
            }
        },
    };
    timer.lap("prepare output");
    let sink: &dyn Sink = match &destination {
        Destination::Nowhere => &NullSink,
        Destination::Memory(memory) => *memory,
        Destination::Folder(_, dir) => dir,
        Destination::Reusing(build) => &build.sink,
    };
    // Minified before the cache sees them: what it compares with the
    // previous site and writes are the bytes of the site as published.
    let minifying = output::minify::Minifying(sink);
    let sink: &dyn Sink = if opts.minify { &minifying } else { sink };
    // With the build cache: the pages of the last build that no edit made
    // stale are kept (`render::records`).
    let records = match &destination {
        Destination::Reusing(build) => {
            let path = output::incremental::Cache::beside(target).path(RECORDS);
            let options = format!("{:?} {} {}", opts.base_url, opts.drafts, opts.minify);
            let now = render::records::Fingerprint::of(&opts.root, &options, catalogue, pictures);
            let shown = render::plan::Shown::of(catalogue);
            let can_keep = |file: &str| build.sink.can_keep(file);
            let last = render::records::Records::take(&path);
            let (plan, pages) = match last {
                Some(last) => last.plan(&now, &shown, catalogue, &can_keep),
                None => (Plan::All, render::records::Pages::default()),
            };
            Some((path, (now, shown), plan, pages))
        }
        _ => None,
    };
    timer.lap("plan");
    let (rendered, records) = match records {
        Some((path, now, plan, pages)) => {
            let previous = render::Previous::Pages(pages);
            (render::render(catalogue, pictures, theme, sink, &plan, previous, out), Some((path, now)))
        }
        None => (render::render(catalogue, pictures, theme, sink, &Plan::All, render::Previous::Nothing, out), None),
    };
    let stats = rendered.stats;
    timer.lap("render+write");
    timer.note(&format!("pages: {} rendered, {} kept", stats.rendered, stats.pages - stats.rendered));
    timer.note(&format!("card images: {} drawn, {} reused", stats.cards_drawn, stats.cards_reused));
    let problem = match destination {
        Destination::Nowhere | Destination::Memory(_) => return stats,
        Destination::Folder(staging, _) if has_errors(out) => {
            staging.abort();
            None
        }
        Destination::Reusing(build) if has_errors(out) => {
            build.abort();
            None
        }
        Destination::Folder(staging, _) => {
            staging.commit().err().map(|e| Diagnostic::about(target, problems::output_not_swapped(&e)))
        }
        Destination::Reusing(build) => match build.commit() {
            Ok(counts) => {
                if timing::enabled() {
                    eprintln!(
                        "files: {} written, {} linked, {} kept, {} removed",
                        counts.written, counts.linked, counts.kept, counts.removed
                    );
                }
                let saved = records
                    .map(|(path, (now, shown))| render::records::Records::new(now, shown, &rendered).save(&path));
                let failure = |e| output::incremental::Failure::Cache(e);
                saved
                    .and_then(Result::err)
                    .map(|e| cache_failure(target, failure(e), problems::output_not_swapped, problems::cache_not_kept))
            }
            Err(failure) => {
                Some(cache_failure(target, failure, problems::output_not_swapped, problems::cache_not_kept))
            }
        },
    };
    out.extend(problem);
    timer.lap("commit");
    stats
}

/// The problem of a build that keeps the cache: `output` when the output
/// folder is at fault (E092), else `cache` (E099), about the cache folder.
fn cache_failure(
    target: &Path,
    failure: output::incremental::Failure,
    output: fn(diagnostic::Arg) -> diagnostic::problems::Problem,
    cache: fn(diagnostic::Arg) -> diagnostic::problems::Problem,
) -> Diagnostic {
    match failure {
        output::incremental::Failure::Output(e) => Diagnostic::about(target, output((&e).into())),
        output::incremental::Failure::Cache(e) => {
            let dir = output::incremental::Cache::beside(target).dir;
            Diagnostic::about(&dir, cache((&e).into())).with_hint(texts::cache_hint())
        }
    }
}

/// The site's configuration and build date, or `None` with the problems
/// in `out`.
pub(crate) fn setup(opts: &Options, out: &mut Vec<Diagnostic>) -> Option<(Config, Date)> {
    let config = Config::load(&opts.root, opts.base_url.as_deref(), out)?;
    match calendar::today::resolve_today(opts.today, opts.source_date_epoch.as_deref(), &config.timezone) {
        Ok(today) => Some((config, today)),
        Err(e) => {
            let problem = match e {
                calendar::today::EpochError::NotANumber(value) => problems::bad_source_date_epoch(value),
                calendar::today::EpochError::OutOfRange(error) => problems::source_date_epoch_out_of_range(error),
            };
            out.push(Diagnostic::about(Path::new("SOURCE_DATE_EPOCH"), problem));
            None
        }
    }
}

/// Load → validate → resolve. With `cache`, only the files that changed
/// since the cache saw them are parsed (`vitrine serve`).
pub(crate) fn catalogue(
    opts: &Options,
    config: Config,
    today: Date,
    cache: Option<&mut load::cache::ParseCache>,
    out: &mut Vec<Diagnostic>,
) -> resolve::Catalogue {
    let timer = Timer::new();
    let loaded = load::load_with(&opts.root, &config, cache, out);
    timer.lap("load");
    validate::validate(&loaded, &opts.root, out);
    timer.lap("validate");
    let c = resolve::resolve(loaded, config, today, opts.drafts, out);
    timer.lap("resolve");
    c
}

/// The pictures of the catalogue (`images::plan`), made with the cache
/// of [`cache_dir`]; `memo`: what earlier plans read (`vitrine serve`).
pub(crate) fn pictures(
    opts: &Options,
    catalogue: &Catalogue,
    memo: Option<&mut images::Memo>,
    out: &mut Vec<Diagnostic>,
) -> images::Pictures {
    let timer = Timer::new();
    let dir = cache_dir(opts, &catalogue.config);
    let dir = match check_cache_location(&opts.root, &dir, &output_dir(opts)) {
        Ok(()) => Some(dir),
        Err(d) => {
            out.push(d);
            None
        }
    };
    let mut pictures = images::plan(catalogue, &opts.root, dir, memo, out);
    if let Some(progress) = &opts.progress {
        pictures.progress = std::sync::Arc::clone(progress);
    }
    timer.lap("images plan");
    pictures
}

/// The cache folder: `--cache-dir` or `VITRINE_CACHE_DIR` when given, else
/// `cache_dir` of vitrine.toml; a relative path is from the site's root.
pub fn cache_dir(opts: &Options, config: &Config) -> PathBuf {
    match &opts.cache_dir {
        Some(dir) => dir.clone(),
        None => opts.root.join(&config.cache_dir),
    }
}

/// The cache must not be where a build deletes or reads: in the output
/// folder or the build cache beside it (`.<output>.vitrine-cache`, whose
/// `site/` is replaced by every build), or among the site's sources (whose
/// changes `serve` watches).
fn check_cache_location(root: &Path, cache: &Path, output: &Path) -> Result<(), Diagnostic> {
    let build_cache = resolved(&output::incremental::Cache::beside(output).dir);
    let (root, cache, output) = (resolved(root), resolved(cache), resolved(output));
    let sources = ["content", "static", "templates", "themes", "i18n"].map(|f| root.join(f));
    if cache.starts_with(&output)
        || cache.starts_with(&build_cache)
        || output.starts_with(&cache)
        || root.starts_with(&cache)
        || sources.iter().any(|s| cache.starts_with(s))
    {
        // Shown from the site's root when it is inside (as other paths are).
        let shown = cache.strip_prefix(&root).unwrap_or(&cache);
        return Err(Diagnostic::about(shown, problems::cache_inside_site())
            .with_hint(texts::cache_dir_elsewhere(config::DEFAULT_CACHE_DIR)));
    }
    Ok(())
}

pub(crate) fn finish(out: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut d = Diagnostics::new();
    d.extend(out);
    d.sorted()
}

/// The output folder is replaced wholesale, so it must be a folder (or not
/// exist yet), and must not be the site itself, contain it, or be inside
/// `content/`. Paths are compared once resolved (`..`, symlinks).
fn check_output_location(root: &Path, target: &Path) -> Result<(), Diagnostic> {
    if target.exists() && !target.is_dir() {
        return Err(Diagnostic::about(target, problems::output_is_a_file()).with_hint(texts::choose_output()));
    }
    let (root, target) = (resolved(root), resolved(target));
    if root.starts_with(&target) || target.starts_with(root.join("content")) {
        return Err(Diagnostic::about(&target, problems::output_holds_site()).with_hint(texts::choose_output()));
    }
    Ok(())
}

/// An absolute path with `..` and symlinks resolved as far as it exists.
fn resolved(p: &Path) -> PathBuf {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut existing = abs.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return abs,
        }
    }
    let mut out = existing.canonicalize().unwrap_or_else(|_| existing.to_path_buf());
    for name in rest.into_iter().rev() {
        out.push(name);
    }
    out
}
