//! Each command's run: the library does the work, [`Printer`] says what
//! came of it, and the exit code is 0 (success), 1 (problems in the
//! content, or warnings with `--deny-warnings`) or 2 (usage or I/O).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use serde_json::json;

use vitrine::diagnostic::{cli, problems, Diagnostic, Locale, Severity};
use vitrine::{Options, Report};

use super::report::Printer;
use super::{BrochureArgs, BuildArgs, BuildOnly, CheckArgs, NewArgs, NewEntity, NewWhat, ServeArgs};

impl BuildArgs {
    fn options(&self, write: bool) -> Options {
        Options {
            root: self.root.clone(),
            output: self.output.clone(),
            base_url: self.base_url.clone(),
            today: self.today,
            source_date_epoch: std::env::var("SOURCE_DATE_EPOCH").ok().filter(|s| !s.is_empty()),
            drafts: self.drafts,
            write,
            missing_translations: self.missing_translations,
            minify: false,
            cache: false,
            cache_dir: self
                .cache_dir
                .clone()
                .or_else(|| std::env::var_os("VITRINE_CACHE_DIR").filter(|v| !v.is_empty()).map(PathBuf::from)),
            progress: None,
        }
    }

    fn printer(&self, locale: Locale) -> Printer<'_> {
        Printer { format: self.format, locale, root: &self.root, report: &self.report }
    }
}

pub fn build(args: &BuildOnly, locale: Locale) -> ExitCode {
    let options = Options { minify: args.minify, cache: !args.no_cache, ..args.build.options(true) };
    run(&args.build, options, locale)
}

pub fn check(args: &BuildArgs, locale: Locale) -> ExitCode {
    run(args, args.options(false), locale)
}

fn run(args: &BuildArgs, mut options: Options, locale: Locale) -> ExitCode {
    let started = Instant::now();
    let write = options.write;
    let printer = args.printer(locale);
    let spinner = progress(write, &mut options, locale);
    let report = vitrine::build(&options);
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    let mut code = exit_code(&report, args.deny_warnings);
    if let Err(e) = printer.problems(&report.diagnostics) {
        code = code.max(io_failure(&printer, args.report.as_path(), &e));
    }
    for (lang, file) in &report.missing {
        printer.listing(cli::missing_translation(lang, file), json!({"missing_translation": lang, "path": file}));
    }
    if code == 0 {
        let seconds = vitrine::diagnostic::Arg::Decimal(started.elapsed().as_secs_f64(), 2);
        let today = report.today.map(|d| d.to_string()).unwrap_or_default();
        printer.summary(match write {
            true => cli::built(report.stats.pages, &report.output, today, seconds),
            false => cli::checked(today, seconds),
        });
        let images = &report.stats.images;
        if images.sources > 0 {
            printer.summary(cli::images_made(images.sources, images.files, images.encoded, images.cached));
        }
        if images.damaged > 0 {
            printer.summary(cli::cache_damaged(images.damaged));
        }
    }
    ExitCode::from(code)
}

/// `vitrine brochure`: the problems as `check` prints them, then the file.
pub fn brochure(args: &BrochureArgs, locale: Locale) -> ExitCode {
    let started = Instant::now();
    let build = &args.build;
    let printer = build.printer(locale);
    let which = vitrine::BrochureOptions {
        parcours: args.parcours.clone(),
        lang: args.lang.clone(),
        output: build.output.clone(),
    };
    let report = vitrine::brochure(&build.options(false), &which);
    let mut code = exit_code(&report, build.deny_warnings);
    if let Err(e) = printer.problems(&report.diagnostics) {
        code = code.max(io_failure(&printer, build.report.as_path(), &e));
    }
    if code == 0 {
        let seconds = vitrine::diagnostic::Arg::Decimal(started.elapsed().as_secs_f64(), 2);
        printer.summary(cli::wrote_brochure(&report.output, seconds));
    }
    ExitCode::from(code)
}

/// The report file of `--format gitlab` could not be written: a usage
/// problem, printed in words.
fn io_failure(printer: &Printer, file: &Path, e: &std::io::Error) -> u8 {
    let d = Diagnostic::about(file, problems::cannot_write(e));
    eprint!("{}", d.render(printer.locale));
    2
}

/// `vitrine check --links [--external]`: broken links are problems of the
/// report (exit 1); external links are listed on stdout, or, with
/// --external, checked, and those that fail are warnings (a server down
/// for an hour is not the site's fault; --deny-warnings makes them fail).
pub fn check_links(args: &CheckArgs, locale: Locale) -> ExitCode {
    let started = Instant::now();
    let printer = args.build.printer(locale);
    let (mut report, links) = vitrine::check::build_and_check(&args.build.options(true));
    let Some(links) = links else {
        let code = exit_code(&report, args.build.deny_warnings).max(1);
        let _ = printer.problems(&report.diagnostics);
        return ExitCode::from(code);
    };
    let urls: Vec<String> = links.external.keys().cloned().collect();
    let mut failing = 0;
    if args.external {
        let limits = vitrine::check::external::Limits {
            timeout: std::time::Duration::from_secs(args.timeout),
            per_host: args.per_host,
            ..Default::default()
        };
        for (url, outcome) in urls.iter().zip(vitrine::check::external::check(&urls, limits)) {
            let pages = &links.external[url];
            match outcome {
                Ok(status) => printer.listing(
                    cli::external_answered(url, status, pages.len()),
                    json!({"external": url, "status": status, "pages": pages}),
                ),
                Err(e) => {
                    failing += 1;
                    let problem = problems::external_link_failing(url, e, pages.join(", "));
                    report.diagnostics.push(Diagnostic::about(Path::new(&pages[0]), problem));
                }
            }
        }
    } else {
        for (url, pages) in &links.external {
            printer.listing(cli::external_listed(url, pages.len()), json!({"external": url, "pages": pages}));
        }
    }
    let mut code = exit_code(&report, args.build.deny_warnings);
    if let Err(e) = printer.problems(&report.diagnostics) {
        code = code.max(io_failure(&printer, &args.build.report, &e));
    }
    let seconds = vitrine::diagnostic::Arg::Decimal(started.elapsed().as_secs_f64(), 2);
    let (internal, pages, broken) = (links.internal, links.pages, links.broken.len());
    printer.summary(match args.external {
        true => cli::links_checked_external(internal, pages, broken, urls.len(), failing, seconds),
        false => cli::links_checked(internal, pages, broken, urls.len(), seconds),
    });
    ExitCode::from(code)
}

/// A spinner on a terminal, nothing in CI (no TTY); it counts the images
/// made (`opts.progress`) while there are some.
fn progress(write: bool, opts: &mut Options, locale: Locale) -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let counts = std::sync::Arc::new(vitrine::images::Progress::default());
    opts.progress = Some(std::sync::Arc::clone(&counts));
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_message(if write { cli::building() } else { cli::checking() }.render(locale));
    bar.enable_steady_tick(std::time::Duration::from_millis(80));
    let shown = bar.downgrade();
    std::thread::spawn(move || {
        use std::sync::atomic::Ordering;
        while let Some(bar) = shown.upgrade() {
            let (done, total) = (counts.done.load(Ordering::Relaxed), counts.total.load(Ordering::Relaxed));
            if total > 0 {
                let line = if write { cli::building_images(done, total) } else { cli::checking_images(done, total) };
                bar.set_message(line.render(locale));
            }
            drop(bar);
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    });
    Some(bar)
}

fn exit_code(report: &Report, deny_warnings: bool) -> u8 {
    let io_only = report.diagnostics.iter().filter(|d| d.severity == Severity::Error).all(|d| d.usage);
    if report.has_errors() {
        return if io_only { 2 } else { 1 };
    }
    if deny_warnings && !report.diagnostics.is_empty() {
        return 1;
    }
    0
}

pub fn serve(args: ServeArgs, locale: Locale) -> ExitCode {
    let build = args.build;
    let (format, root, report_file) = (build.format, build.root.clone(), build.report.clone());
    let built = std::sync::atomic::AtomicBool::new(false);
    let how = vitrine::serve::ServeOptions {
        bind: args.bind,
        port: args.port,
        open: args.open,
        debounce: std::time::Duration::from_millis(args.debounce),
        locale,
    };
    let result = vitrine::serve::serve(build.options(true), how, move |report, took| {
        let printer = Printer { format, locale, root: &root, report: &report_file };
        let first = !built.swap(true, std::sync::atomic::Ordering::Relaxed);
        let _ = printer.problems(&report.diagnostics);
        let seconds = vitrine::diagnostic::Arg::Decimal(took.as_secs_f64(), 2);
        printer.summary(match (report.has_errors(), first) {
            (true, true) => cli::serve_fix_first(),
            (true, false) => cli::serve_rebuild_failed(),
            (false, true) => cli::serve_built(report.stats.pages, seconds),
            (false, false) => cli::serve_rebuilt(report.stats.pages, seconds),
        });
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(vitrine::serve::ServeError::Content) => ExitCode::from(1),
        Err(vitrine::serve::ServeError::Io(e)) => {
            eprintln!("{}: {}", vitrine::diagnostic::severity_word(Severity::Error, locale), e.render(locale));
            ExitCode::from(2)
        }
    }
}

/// `vitrine new site DIR` (or `vitrine new DIR`), `vitrine new mooc SLUG`…
pub fn new(args: NewArgs, locale: Locale) -> ExitCode {
    use vitrine::scaffold::NewKind;
    let entity = |kind: NewKind, e: NewEntity| (kind, e);
    let (kind, e) = match (args.what, args.dir) {
        (Some(NewWhat::Site { dir }), _) | (None, Some(dir)) => return new_site(&dir, locale),
        (None, None) => {
            let _ = super::help::command(locale).find_subcommand_mut("new").map(|c| c.print_help());
            return ExitCode::from(2);
        }
        (Some(NewWhat::Mooc(e)), _) => entity(NewKind::Mooc, e),
        (Some(NewWhat::Parcours(e)), _) => entity(NewKind::Parcours, e),
        (Some(NewWhat::Platform(e)), _) => entity(NewKind::Platform, e),
        (Some(NewWhat::Institution(e)), _) => entity(NewKind::Institution, e),
        (Some(NewWhat::Schedule(e)), _) => entity(NewKind::Schedule, e),
        (Some(NewWhat::Page(e)), _) => entity(NewKind::Page, e),
    };
    match vitrine::scaffold::new_entity(&e.root, kind, &e.slug) {
        Ok(file) => {
            let shown = if e.root == Path::new(".") { file } else { e.root.join(file) };
            eprintln!("{}", cli::created_entity(shown.display()).render(locale));
            ExitCode::SUCCESS
        }
        Err(d) => {
            eprint!("{}", d.render(locale));
            ExitCode::from(2)
        }
    }
}

fn new_site(dir: &Path, locale: Locale) -> ExitCode {
    match vitrine::scaffold::new_site(dir, locale) {
        Ok(_) => {
            eprintln!("{}", cli::created_site(dir.display()).render(locale));
            ExitCode::SUCCESS
        }
        Err(d) => {
            eprint!("{}", d.render(locale));
            ExitCode::from(2)
        }
    }
}
