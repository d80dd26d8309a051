//! The help and the command-line errors, in the language in use.
//!
//! clap's derive writes help texts at compile time, in one language; here
//! the command is taken as the derive builds it and every text is set at
//! run time from the catalogue: each subcommand's `about`, each option's
//! `help` (by its id), the `--help`/`--version` flags, and the headings of
//! the help page (a template). A test walks the whole command and fails
//! on a subcommand or an option without its text. clap's own error
//! messages are said again in our words for the usual mistakes.

use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, CommandFactory};

use vitrine::diagnostic::{cli, severity_word, Arg as MsgArg, Joint, Locale, Msg, Severity};

use super::Cli;

/// The whole command, its help in `locale`.
pub fn command(locale: Locale) -> clap::Command {
    let version = Arg::new("version").short('V').long("version").action(ArgAction::Version);
    let cmd = Cli::command().disable_version_flag(true).arg(version.help(cli::version_flag().render(locale)));
    translate(cmd, &[], locale)
}

/// `cmd` (at `path` below `vitrine`), its subcommands and options, with
/// their texts in `locale`.
fn translate(cmd: clap::Command, path: &[String], locale: Locale) -> clap::Command {
    let help = Arg::new("help").short('h').long("help").action(ArgAction::Help);
    let mut cmd =
        cmd.disable_help_flag(true).disable_help_subcommand(true).arg(help.help(cli::help_flag().render(locale)));
    if let Some(about) = about(path) {
        cmd = cmd.about(about.render(locale));
    }
    // Defaults and choices are in the texts, in words of the language.
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        if let Some(text) = option_help_in(path, &id) {
            cmd = cmd.mut_arg(id, |a| {
                let takes_values = a.get_action().takes_values();
                a.help(text.render(locale)).hide_default_value(takes_values).hide_possible_values(takes_values)
            });
        }
    }
    if cmd.has_subcommands() {
        cmd = cmd.subcommand_value_name(cli::command_placeholder().render(locale));
    }
    let template = template(&cmd, locale);
    cmd = cmd.help_template(template);
    let subcommands: Vec<String> = cmd.get_subcommands().map(|c| c.get_name().to_string()).collect();
    for name in subcommands {
        let below: Vec<String> = path.iter().cloned().chain([name.clone()]).collect();
        cmd = cmd.mut_subcommand(name, |c| translate(c, &below, locale));
    }
    cmd
}

/// The about text of the command at `path` (`[]` is `vitrine` itself).
pub fn about(path: &[String]) -> Option<Msg> {
    let path: Vec<&str> = path.iter().map(String::as_str).collect();
    Some(match path.as_slice() {
        [] => cli::about(),
        ["build"] => cli::cmd_build(),
        ["check"] => cli::cmd_check(),
        ["serve"] => cli::cmd_serve(),
        ["brochure"] => cli::cmd_brochure(),
        ["new"] => cli::cmd_new(),
        ["explain"] => cli::cmd_explain(),
        ["new", "site"] => cli::cmd_new_site(),
        ["new", kind] => cli::cmd_new_entity(noun(kind)?),
        _ => return None,
    })
}

/// The noun of a kind of `vitrine new` in the catalogues.
fn noun(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "mooc" => "MOOC",
        "parcours" => "parcours",
        "platform" => "platform",
        "institution" => "institution",
        "schedule" => "schedule",
        "page" => "page",
        _ => return None,
    })
}

/// The help of the option or argument `id` of the command at `path`: its
/// own when the command gives the option another meaning, else
/// [`option_help`].
pub fn option_help_in(path: &[String], id: &str) -> Option<Msg> {
    match (path.first().map(String::as_str), id) {
        (Some("brochure"), "lang") => Some(cli::arg_brochure_lang()),
        (Some("brochure"), "output") => Some(cli::arg_brochure_output()),
        _ => option_help(id),
    }
}

/// The help of the option or argument `id` (clap's id: the field's name).
pub fn option_help(id: &str) -> Option<Msg> {
    Some(match id {
        "root" => cli::arg_root(),
        "output" => cli::arg_output(),
        "base_url" => cli::arg_base_url(),
        "today" => cli::arg_today(),
        "drafts" => cli::arg_drafts(),
        "deny_warnings" => cli::arg_deny_warnings(),
        "format" => cli::arg_format(),
        "report" => cli::arg_report(),
        "missing_translations" => cli::arg_missing_translations(),
        "minify" => cli::arg_minify(),
        "no_cache" => cli::arg_no_cache(),
        "cache_dir" => cli::arg_cache_dir(),
        "parcours" => cli::arg_parcours(),
        "lang" => cli::arg_lang(),
        "links" => cli::arg_links(),
        "external" => cli::arg_external(),
        "timeout" => cli::arg_timeout(),
        "per_host" => cli::arg_per_host(),
        "port" => cli::arg_port(),
        "bind" => cli::arg_bind(),
        "open" => cli::arg_open(),
        "debounce" => cli::arg_debounce(),
        "dir" => cli::arg_dir(),
        "slug" => cli::arg_slug(),
        "code" => cli::arg_code(),
        "help" => cli::help_flag(),
        "version" => cli::version_flag(),
        _ => return None,
    })
}

/// clap's help page with our headings: only the sections `cmd` has.
fn template(cmd: &clap::Command, locale: Locale) -> String {
    let mut t = format!("{{about-with-newline}}\n{} {{usage}}\n", cli::usage_heading().render(locale));
    if cmd.has_subcommands() {
        t.push_str(&format!("\n{}\n{{subcommands}}\n", cli::commands_heading().render(locale)));
    }
    if cmd.get_positionals().next().is_some() {
        t.push_str(&format!("\n{}\n{{positionals}}\n", cli::arguments_heading().render(locale)));
    }
    t.push_str(&format!("\n{}\n{{options}}\n", cli::options_heading().render(locale)));
    t
}

/// Prints a command-line error (or the help or version asked for) and
/// gives the exit code: 0 for help and version, 2 for a mistake.
pub fn fail(e: clap::Error, locale: Locale) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return ExitCode::from(2);
        }
        _ => {}
    }
    match said(&e) {
        Some((problem, tip)) => {
            eprintln!("{}: {}", severity_word(Severity::Error, locale), problem.render(locale));
            if let Some(tip) = tip {
                eprintln!("\n  {}", tip.render(locale));
            }
            eprintln!("\n{}", cli::try_help().render(locale));
        }
        None => {
            let _ = e.print();
        }
    }
    ExitCode::from(2)
}

/// A clap error in our words, with a suggestion; `None` for the rare kinds
/// whose words stay clap's.
fn said(e: &clap::Error) -> Option<(Msg, Option<Msg>)> {
    let one = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => v.first().cloned(),
        _ => None,
    };
    let all = |kind| match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let arg = one(ContextKind::InvalidArg).unwrap_or_default();
    let arg_name = arg.split_whitespace().next().unwrap_or_default().to_string();
    let value = one(ContextKind::InvalidValue).unwrap_or_default();
    let message = match e.kind() {
        ErrorKind::UnknownArgument => cli::bad_argument(arg),
        ErrorKind::InvalidSubcommand => cli::bad_subcommand(one(ContextKind::InvalidSubcommand)?),
        ErrorKind::InvalidValue => {
            let choices = all(ContextKind::ValidValue).iter().map(|v| format!("`{v}`")).collect();
            cli::bad_value(value, arg_name, MsgArg::List(choices, Joint::Or))
        }
        ErrorKind::ValueValidation if arg_name == "--today" => cli::invalid_date(value),
        ErrorKind::MissingRequiredArgument => cli::missing_argument(all(ContextKind::InvalidArg).join(", ")),
        _ => return None,
    };
    let tip = one(ContextKind::SuggestedArg).or_else(|| one(ContextKind::SuggestedSubcommand)).map(cli::similar_exists);
    Some((message, tip))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every subcommand and every option of the command has its text in
    /// both languages, and they differ (so the help is not left in one).
    #[test]
    fn every_command_and_option_has_its_help_in_both_languages() {
        fn walk(cmd: &clap::Command, path: Vec<String>, missing: &mut Vec<String>) {
            if about(&path).is_none() {
                missing.push(format!("about of `vitrine {}`", path.join(" ")));
            }
            for a in cmd.get_arguments() {
                if option_help_in(&path, a.get_id().as_str()).is_none() {
                    missing.push(format!("help of `{}` in `vitrine {}`", a.get_id(), path.join(" ")));
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, path.iter().cloned().chain([sub.get_name().to_string()]).collect(), missing);
            }
        }
        let mut missing = Vec::new();
        let mut cmd = command(Locale::Fr);
        cmd.build();
        walk(&cmd, Vec::new(), &mut missing);
        assert!(missing.is_empty(), "add these to src/cli/help.rs and the catalogues: {missing:?}");
    }

    fn help_of(locale: Locale, path: &[&str]) -> String {
        let mut cmd = command(locale);
        for name in path {
            cmd = cmd.find_subcommand(name).cloned().unwrap_or_else(|| panic!("no subcommand {name}"));
        }
        cmd.render_help().to_string()
    }

    #[test]
    fn the_help_is_in_french_with_french_headings() {
        let help = help_of(Locale::Fr, &["check"]);
        for words in
            ["Vérifier tout ce que", "Utilisation\u{a0}:", "Options\u{a0}:", "Dossier du site", "Afficher l'aide"]
        {
            assert!(help.contains(words), "`{words}` missing from:\n{help}");
        }
        assert!(!help.contains("Print help") && !help.contains("Usage:"), "English left in:\n{help}");
        let top = help_of(Locale::Fr, &[]);
        assert!(top.contains("Commandes\u{a0}:") && top.contains("Construire le site"), "{top}");
    }

    #[test]
    fn the_help_is_in_english_too() {
        let help = help_of(Locale::En, &["build"]);
        for words in ["Build the site into the output folder.", "Usage:", "Site folder", "Print help", "--minify"] {
            assert!(help.contains(words), "`{words}` missing from:\n{help}");
        }
    }

    #[test]
    fn command_line_mistakes_are_said_in_the_language() {
        let e = command(Locale::Fr).try_get_matches_from(["vitrine", "check", "--rot", "x"]).expect_err("an error");
        let (problem, tip) = said(&e).expect("in our words");
        assert_eq!(problem.render(Locale::Fr), "argument inattendu `--rot`");
        assert_eq!(tip.map(|t| t.render(Locale::Fr)).as_deref(), Some("vouliez-vous dire `--root`\u{202f}?"));
        let e = command(Locale::Fr).try_get_matches_from(["vitrine", "build", "--today", "23/11"]).expect_err("error");
        assert_eq!(said(&e).expect("ours").0.render(Locale::Fr), "`23/11` n'est pas une date de la forme AAAA-MM-JJ");
        let e = command(Locale::En).try_get_matches_from(["vitrine", "check", "--format", "xml"]).expect_err("error");
        let said = said(&e).expect("ours").0.render(Locale::En);
        assert!(said.starts_with("`xml` is not a value of --format: use `human`, `json`"), "{said}");
    }
}
