//! The `vitrine` command: parses arguments, runs the library, prints the
//! problems and sets the exit code (0 ok, 1 content errors, 2 usage or I/O).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

use vitrine::diagnostic::Severity;

/// Rendering allocates many small strings and maps; mimalloc does this
/// noticeably faster than the system allocator (see benches/README.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in the `mi_option_t` enum of the mimalloc that
/// libmimalloc-sys 0.1.49 builds (v3, `c_src/mimalloc/v3/include/mimalloc.h`);
/// the crate names no constant for it.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
/// Its default there, in milliseconds (`c_src/mimalloc/v3/src/options.c`).
const MI_DEFAULT_PURGE_DELAY: std::ffi::c_long = 1000;

/// Tells mimalloc to keep the memory it has instead of giving it back to
/// the system a second after it was freed. A build frees and allocates all
/// the time (each page's values and HTML), and memory given back comes back
/// zeroed by the kernel, 2 MiB at a time: 12 times fewer page faults and
/// 7-10% less CPU time for two languages at 10,000 MOOCs (benches/README.md).
/// Peak memory is unchanged; `vitrine serve` keeps its peak between
/// rebuilds instead of shrinking. `MIMALLOC_PURGE_DELAY` in the environment
/// still wins, and nothing is set unless the option reads mimalloc's
/// default (a later mimalloc with another enum order is left alone).
fn keep_freed_memory() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return;
    }
    // SAFETY: reads and sets a mimalloc option at the start of `main`,
    // before any other thread exists (these calls are not thread-safe).
    unsafe {
        if libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) == MI_DEFAULT_PURGE_DELAY {
            libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1);
        }
    }
}
use vitrine::{build, Options, Report};

#[derive(Parser)]
#[command(name = "vitrine", version, about = "Static-site generator for MOOC catalogues")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder.
    Build(BuildArgs),
    /// Check everything `build` checks, write nothing.
    Check(CheckArgs),
    /// Build into memory, serve on 127.0.0.1, rebuild on change and reload
    /// the open pages.
    Serve {
        #[command(flatten)]
        build: BuildArgs,
        /// Port to listen on (0: any free port).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; anything but 127.0.0.1 or ::1 makes the
        /// site (drafts included) reachable from other machines.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
        /// Milliseconds without a change before rebuilding.
        #[arg(long, default_value_t = 20)]
        debounce: u64,
    },
    /// Write the printable A4 brochure (PDF) of a parcours, or of the whole
    /// catalogue: a cover, one section per MOOC, the broadcast grid.
    #[command(mut_arg("output", |a| {
        a.help("PDF file to write [default: brochure-PARCOURS-LANG.pdf, brochure-LANG.pdf for the catalogue]")
    }))]
    Brochure {
        #[command(flatten)]
        build: BuildArgs,
        /// Slug of the parcours (a file of content/parcours/ without .md);
        /// without it, every MOOC of the catalogue.
        #[arg(long)]
        parcours: Option<String>,
        /// Language of the brochure [default: the site's default language].
        #[arg(long)]
        lang: Option<String>,
    },
    /// Create a minimal site to start from.
    New {
        /// Folder to create.
        dir: PathBuf,
    },
}

#[derive(Args, Clone)]
struct BuildArgs {
    /// Site folder (with vitrine.toml).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Output folder [default: ROOT/public].
    #[arg(long)]
    output: Option<PathBuf>,
    /// Base URL, overriding vitrine.toml's.
    #[arg(long)]
    base_url: Option<String>,
    /// Build as of this date (YYYY-MM-DD) for statuses; default: today
    /// in the site's timezone, or SOURCE_DATE_EPOCH.
    #[arg(long, value_parser = parse_date)]
    today: Option<Date>,
    /// Include entities marked `draft = true`.
    #[arg(long)]
    drafts: bool,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    deny_warnings: bool,
    /// How problems are printed.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    message_format: Format,
    /// Also list the entities that have no translation into each other
    /// language (a report on stdout, not an error).
    #[arg(long)]
    missing_translations: bool,
}

#[derive(Args, Clone)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    pub(crate) build: BuildArgs,
    /// Also build the site into memory and follow every internal link and
    /// anchor of every page; list the external links.
    #[arg(long)]
    links: bool,
    /// With --links: ask each external link's server whether the page
    /// exists (HEAD, then GET).
    #[arg(long)]
    external: bool,
    /// With --external: seconds before a server is taken as not answering.
    #[arg(long, default_value_t = 10)]
    timeout: u64,
    /// With --external: requests at once to one host.
    #[arg(long, default_value_t = 2)]
    per_host: usize,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum Format {
    Human,
    Json,
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>().map_err(|_| format!("`{s}` is not a date in the form YYYY-MM-DD"))
}

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
        }
    }
}

fn main() -> ExitCode {
    keep_freed_memory();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    match cli.command {
        Command::Build(args) => run(&args, true),
        Command::Check(args) if args.links || args.external => check_links(&args),
        Command::Check(args) => run(&args.build, false),
        Command::Serve { build: args, port, bind, open, debounce } => serve(
            args,
            vitrine::serve::ServeOptions { bind, port, open, debounce: std::time::Duration::from_millis(debounce) },
        ),
        Command::Brochure { build: args, parcours, lang } => brochure(&args, parcours, lang),
        Command::New { dir } => match vitrine::scaffold::create(&dir) {
            Ok(()) => {
                eprintln!("Created a new site in {}. Next: vitrine serve --root {}", dir.display(), dir.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: cannot create the site: {e}");
                ExitCode::from(2)
            }
        },
    }
}

fn run(args: &BuildArgs, write: bool) -> ExitCode {
    let started = Instant::now();
    let spinner = progress(write);
    let report = build(&args.options(write));
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    print_report(&report, args.message_format);
    for (lang, file) in &report.missing {
        match args.message_format {
            Format::Human => println!("missing translation: {lang}: {}", file.display()),
            Format::Json => println!("{}", serde_json::json!({"missing_translation": lang, "path": file})),
        }
    }
    let code = exit_code(&report, args.deny_warnings);
    if args.message_format == Format::Human && code == 0 {
        let what = if write {
            format!("Built {} pages into {}", report.stats.pages, report.output.display())
        } else {
            "Checked the site".into()
        };
        let today = report.today.map(|d| format!(", as of {d}")).unwrap_or_default();
        eprintln!("{what}{today} in {:.2} s.", started.elapsed().as_secs_f64());
    }
    ExitCode::from(code)
}

/// `vitrine brochure`: the problems as `check` prints them, then the file.
fn brochure(args: &BuildArgs, parcours: Option<String>, lang: Option<String>) -> ExitCode {
    let started = Instant::now();
    let which = vitrine::BrochureOptions { parcours, lang, output: args.output.clone() };
    let report = vitrine::brochure(&args.options(false), &which);
    print_report(&report, args.message_format);
    let code = exit_code(&report, args.deny_warnings);
    if args.message_format == Format::Human && code == 0 {
        eprintln!("Wrote {} in {:.2} s.", report.output.display(), started.elapsed().as_secs_f64());
    }
    ExitCode::from(code)
}

/// `vitrine check --links [--external]`: every broken link is printed as
/// `error: PAGE: link HREF: REASON` (exit 1), external links are listed on
/// stdout (`external: URL (N pages)`), or, with --external, checked, and
/// those that fail are warnings (a server down for an hour is not the
/// site's fault; --deny-warnings makes them fail the run).
fn check_links(args: &CheckArgs) -> ExitCode {
    let started = Instant::now();
    let (report, checked) = vitrine::check::build_and_check(&args.build.options(true));
    print_report(&report, args.build.message_format);
    let code = exit_code(&report, args.build.deny_warnings);
    let links = match checked {
        None => return ExitCode::from(code.max(1)),
        Some(Err(e)) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
        Some(Ok(links)) => links,
    };
    let json = args.build.message_format == Format::Json;
    for b in &links.broken {
        if json {
            println!(
                "{}",
                serde_json::json!({"severity": "error", "page": b.page, "link": b.href, "message": b.reason})
            );
        } else {
            eprintln!("error: {}: link `{}`: {}", b.page, b.href, b.reason);
        }
    }
    let urls: Vec<String> = links.external.keys().cloned().collect();
    let mut failed = 0;
    if args.external {
        let limits = vitrine::check::external::Limits {
            timeout: std::time::Duration::from_secs(args.timeout),
            per_host: args.per_host,
            ..Default::default()
        };
        for (url, outcome) in urls.iter().zip(vitrine::check::external::check(&urls, limits)) {
            let pages = &links.external[url];
            match (outcome, json) {
                (Ok(status), true) => {
                    println!("{}", serde_json::json!({"external": url, "status": status, "pages": pages}))
                }
                (Ok(status), false) => println!("external: {url} ({status}, {} page(s))", pages.len()),
                (Err(e), true) => {
                    failed += 1;
                    println!(
                        "{}",
                        serde_json::json!({"severity": "warning", "external": url, "message": e, "pages": pages})
                    );
                }
                (Err(e), false) => {
                    failed += 1;
                    eprintln!("warning: {url}: {e} (linked from {})", pages.join(", "));
                }
            }
        }
    } else {
        for (url, pages) in &links.external {
            match json {
                true => println!("{}", serde_json::json!({"external": url, "pages": pages})),
                false => println!("external: {url} ({} page(s))", pages.len()),
            }
        }
    }
    if !json {
        let checked = if args.external { format!(", {failed} failing") } else { String::new() };
        eprintln!(
            "Checked {} internal links on {} pages: {} broken; {} external link(s){checked} in {:.2} s.",
            links.internal,
            links.pages,
            links.broken.len(),
            urls.len(),
            started.elapsed().as_secs_f64()
        );
    }
    let failing = !links.broken.is_empty() || (failed > 0 && args.build.deny_warnings);
    let code = if failing { 1 } else { code };
    ExitCode::from(code)
}

/// A spinner on a terminal, nothing in CI (no TTY).
fn progress(write: bool) -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_message(if write { "Building…" } else { "Checking…" });
    bar.enable_steady_tick(std::time::Duration::from_millis(80));
    Some(bar)
}

pub(crate) fn exit_code(report: &Report, deny_warnings: bool) -> u8 {
    let io_only = report.diagnostics.iter().filter(|d| d.severity == Severity::Error).all(|d| d.usage);
    if report.has_errors() {
        return if io_only { 2 } else { 1 };
    }
    if deny_warnings && !report.diagnostics.is_empty() {
        return 1;
    }
    0
}

pub(crate) fn print_report(report: &Report, format: Format) {
    match format {
        Format::Json => {
            for d in &report.diagnostics {
                println!("{}", d.to_json());
            }
        }
        Format::Human => {
            for d in &report.diagnostics {
                eprint!("{}", d.render());
            }
            let (e, w) = (
                report.diagnostics.iter().filter(|d| d.severity == Severity::Error).count(),
                report.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count(),
            );
            if e + w > 0 {
                eprintln!("{e} error(s), {w} warning(s).");
            }
        }
    }
}

fn serve(args: BuildArgs, how: vitrine::serve::ServeOptions) -> ExitCode {
    let fmt = args.message_format;
    let built = std::sync::atomic::AtomicBool::new(false);
    let result = vitrine::serve::serve(args.options(true), how, move |report, took| {
        let first = !built.swap(true, std::sync::atomic::Ordering::Relaxed);
        print_report(report, fmt);
        if report.has_errors() {
            if first {
                eprintln!("Fix the problems above, then run `vitrine serve` again.");
            } else {
                eprintln!("Rebuild failed; still serving the last good site (the problems show in the browser).");
            }
        } else {
            let what = if first { "Built" } else { "Rebuilt" };
            eprintln!("{what} {} pages in memory in {:.2} s.", report.stats.pages, took.as_secs_f64());
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(vitrine::serve::ServeError::Content) => ExitCode::from(1),
        Err(vitrine::serve::ServeError::Io(e)) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The option `keep_freed_memory` sets is mimalloc's purge delay: the
    /// only option whose default is 1000 (ms), and it is at our index.
    #[test]
    fn the_purge_delay_option_is_where_we_set_it() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            return;
        }
        // SAFETY: reads an option (tests may run on several threads, but
        // nothing else touches mimalloc's options).
        let value = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert_eq!(value, MI_DEFAULT_PURGE_DELAY, "mimalloc's options moved: see keep_freed_memory");
    }
}
