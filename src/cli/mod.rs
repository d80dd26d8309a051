//! The command line: its arguments (clap), the language it speaks
//! (`language.rs`), its help in that language (`help.rs`), how problems are
//! printed (`report.rs`: human, JSON, GitHub workflow commands, GitLab
//! Code Quality), and each command's run (`run.rs`, `explain.rs`).
//! What is printed comes from the message catalogues
//! (`vitrine::diagnostic`), never from literals here.

mod explain;
mod help;
mod language;
mod report;
mod run;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, FromArgMatches, Parser, Subcommand};
use jiff::civil::Date;

use vitrine::diagnostic::Locale;

use report::Format;

// Help texts are not written here: `help.rs` sets each one from the
// catalogue of the language in use.
#[derive(Parser)]
#[command(name = "vitrine", version = env!("VITRINE_VERSION"))]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    #[arg(long, global = true, value_name = "LANG", value_parser = ["fr", "en"])]
    lang: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    Build(BuildOnly),
    Check(CheckArgs),
    Serve(ServeArgs),
    Brochure(BrochureArgs),
    New(NewArgs),
    Explain {
        #[arg(value_name = "CODE")]
        code: String,
    },
}

#[derive(Args, Clone)]
pub struct BuildArgs {
    #[arg(long, default_value = ".")]
    root: PathBuf,
    #[arg(long)]
    output: Option<PathBuf>,
    #[arg(long)]
    base_url: Option<String>,
    #[arg(long, value_parser = parse_date)]
    today: Option<Date>,
    #[arg(long)]
    drafts: bool,
    #[arg(long)]
    deny_warnings: bool,
    #[arg(long, value_enum, default_value_t = Format::Human, alias = "message-format")]
    format: Format,
    #[arg(long, value_name = "FILE", default_value = "gl-code-quality-report.json")]
    report: PathBuf,
    #[arg(long)]
    missing_translations: bool,
    #[arg(long, value_name = "DIR")]
    cache_dir: Option<PathBuf>,
}

/// `vitrine build`'s own options (the dev server does not minify, and
/// only `build` writes the site to disk, where its cache is kept).
#[derive(Args, Clone)]
pub struct BuildOnly {
    #[command(flatten)]
    build: BuildArgs,
    #[arg(long)]
    minify: bool,
    #[arg(long)]
    no_cache: bool,
}

#[derive(Args, Clone)]
pub struct CheckArgs {
    #[command(flatten)]
    build: BuildArgs,
    #[arg(long)]
    links: bool,
    #[arg(long)]
    external: bool,
    #[arg(long, default_value_t = 10)]
    timeout: u64,
    #[arg(long, default_value_t = 2)]
    per_host: usize,
}

#[derive(Args, Clone)]
pub struct ServeArgs {
    #[command(flatten)]
    build: BuildArgs,
    #[arg(long, default_value_t = 1111)]
    port: u16,
    #[arg(long, default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    #[arg(long)]
    open: bool,
    #[arg(long, default_value_t = 20)]
    debounce: u64,
}

/// `vitrine brochure`: build's options, the parcours and the language of
/// the brochure. Its `--lang` is its own (any language of the site; the
/// messages follow it when vitrine speaks it): an argument of the same id
/// keeps clap from adding the global one here.
#[derive(Args, Clone)]
pub struct BrochureArgs {
    #[command(flatten)]
    build: BuildArgs,
    #[arg(long, value_name = "SLUG")]
    parcours: Option<String>,
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
}

/// `vitrine new site DIR`, `vitrine new mooc SLUG`…, and `vitrine new DIR`,
/// which stays `vitrine new site DIR`.
#[derive(Args, Clone)]
#[command(args_conflicts_with_subcommands = true, subcommand_required = false)]
pub struct NewArgs {
    #[command(subcommand)]
    what: Option<NewWhat>,
    #[arg(value_name = "DIR")]
    dir: Option<PathBuf>,
}

#[derive(Subcommand, Clone)]
enum NewWhat {
    Site {
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    Mooc(NewEntity),
    Parcours(NewEntity),
    Platform(NewEntity),
    Institution(NewEntity),
    Schedule(NewEntity),
    Page(NewEntity),
}

#[derive(Args, Clone)]
pub struct NewEntity {
    #[arg(value_name = "SLUG")]
    slug: String,
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

fn parse_date(s: &str) -> Result<Date, String> {
    // The words are clap's error's; `help::fail` says it in the language
    // in use from the value.
    s.parse::<Date>().map_err(|_| format!("`{s}`"))
}

/// Parses the arguments in the language in use, runs the command, and
/// gives its exit code.
pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let locale = language::choose(&args);
    let matches = match help::command(locale).try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => return help::fail(e, locale),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => return help::fail(e, locale),
    };
    let locale = cli.lang.as_deref().and_then(Locale::parse).unwrap_or(locale);
    match cli.command {
        Command::Build(args) => run::build(&args, locale),
        Command::Check(args) if args.links || args.external => run::check_links(&args, locale),
        Command::Check(args) => run::check(&args.build, locale),
        Command::Serve(args) => run::serve(args, locale),
        Command::Brochure(args) => run::brochure(&args, locale),
        Command::New(args) => run::new(args, locale),
        Command::Explain { code } => explain::explain(&code, locale),
    }
}
