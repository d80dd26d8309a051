//! How problems are printed (`--format`), for people and for CI:
//!
//! - `human`: like rustc, on stderr, then a count;
//! - `json`: one object per line on stdout (docs/diagnostics.md, "JSON");
//! - `github`: GitHub Actions workflow commands on stdout
//!   (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=E012::…`),
//!   which show each problem on the line of the pull request it is about;
//! - `gitlab`: as `human`, and a Code Quality report (a JSON file, `--report`)
//!   that GitLab shows in merge requests.
//!
//! Paths in annotations and reports are relative to the current folder (the
//! repository's root in CI), so `--root site` works too.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use serde_json::json;

use vitrine::diagnostic::{cli, Diagnostic, Locale, Msg, Severity};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Github,
    Gitlab,
}

/// Where and how a run prints.
pub struct Printer<'a> {
    pub format: Format,
    pub locale: Locale,
    /// The site's folder (`--root`): diagnostics' paths are relative to it.
    pub root: &'a Path,
    /// The Code Quality report of `--format gitlab`.
    pub report: &'a Path,
}

impl Printer<'_> {
    /// Prints `problems` in the format; with `gitlab`, writes the report
    /// (an empty list when there is none, as GitLab expects the file).
    pub fn problems(&self, problems: &[Diagnostic]) -> std::io::Result<()> {
        let locale = self.locale;
        match self.format {
            Format::Json => problems.iter().for_each(|d| println!("{}", d.to_json(locale))),
            Format::Github => {
                problems.iter().for_each(|d| println!("{}", github(d, &self.path_of(d), locale)));
                self.count(problems);
            }
            Format::Human | Format::Gitlab => {
                problems.iter().for_each(|d| eprint!("{}", d.render(locale)));
                self.count(problems);
            }
        }
        if self.format == Format::Gitlab {
            let entries: Vec<serde_json::Value> = code_quality(problems, |d| self.path_of(d), locale);
            let text = serde_json::to_string_pretty(&entries).unwrap_or_else(|_| "[]".into());
            std::fs::write(self.report, text + "\n")?;
        }
        Ok(())
    }

    fn count(&self, problems: &[Diagnostic]) {
        let errors = problems.iter().filter(|d| d.severity == Severity::Error).count();
        if !problems.is_empty() {
            self.summary(cli::problem_count(errors, problems.len() - errors));
        }
    }

    /// A line for people (on stderr; nothing with `--format json`).
    pub fn summary(&self, line: Msg) {
        if self.format != Format::Json {
            eprintln!("{}", line.render(self.locale));
        }
    }

    /// A line of a report on stdout: `human` in words, or `json` with
    /// `--format json`.
    pub fn listing(&self, human: Msg, json: serde_json::Value) {
        let mut out = std::io::stdout().lock();
        let _ = match self.format {
            Format::Json => writeln!(out, "{json}"),
            _ => writeln!(out, "{}", human.render(self.locale)),
        };
    }

    /// The path of `d` from the current folder, when it names a file of the
    /// site (not a built page or `SOURCE_DATE_EPOCH`).
    fn path_of(&self, d: &Diagnostic) -> Option<String> {
        let shown = PathBuf::from(d.display_path());
        let full = if shown.is_absolute() { shown } else { self.root.join(shown) };
        if d.file.is_none() && !full.exists() {
            return None;
        }
        let cwd = std::env::current_dir().ok();
        let rel = match cwd.as_deref().and_then(|c| full.strip_prefix(c).ok()) {
            Some(rel) => rel.to_path_buf(),
            None => full.clone(),
        };
        let text = rel.to_string_lossy().replace('\\', "/");
        Some(text.trim_start_matches("./").to_string())
    }
}

/// One GitHub Actions workflow command for `d`: `::error` or `::warning`,
/// its place, the code as title, the message and hint as text.
pub fn github(d: &Diagnostic, file: &Option<String>, locale: Locale) -> String {
    let command = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut props: Vec<(&str, String)> = Vec::new();
    if let Some(file) = file {
        props.push(("file", file.clone()));
        if let (Some((line, col)), Some((end_line, end_col))) = (d.line_col(), d.end_line_col()) {
            props.extend([("line", line.to_string()), ("col", col.to_string())]);
            props.extend([("endLine", end_line.to_string()), ("endColumn", end_col.to_string())]);
        }
    }
    props.push(("title", d.code.to_string()));
    let props: Vec<String> = props.into_iter().map(|(k, v)| format!("{k}={}", escape_property(&v))).collect();
    let mut text = d.message.render(locale);
    if let Some(hint) = &d.hint {
        text = format!("{text}\n{}", hint.render(locale));
    }
    format!("::{command} {}::{}", props.join(","), escape_data(&text))
}

/// The message of a workflow command: `%`, `\r` and `\n` escaped.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A property of a workflow command: also `:` and `,`, which end it.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// GitLab's Code Quality report: one entry per problem, with a fingerprint
/// that stays the same while the problem does (code, file, message in
/// English, and how many identical ones came before).
pub fn code_quality(
    problems: &[Diagnostic],
    path_of: impl Fn(&Diagnostic) -> Option<String>,
    locale: Locale,
) -> Vec<serde_json::Value> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    problems
        .iter()
        .map(|d| {
            let path = path_of(d).unwrap_or_else(|| d.display_path());
            let key = format!("{}\u{0}{path}\u{0}{}", d.code, d.message);
            let n = seen.entry(key.clone()).or_default();
            *n += 1;
            let fingerprint = format!("{:032x}", xxhash_rust::xxh3::xxh3_128(format!("{key}\u{0}{n}").as_bytes()));
            let (begin, end) = match (d.line_col(), d.end_line_col()) {
                (Some((b, _)), Some((e, _))) => (b, e.max(b)),
                _ => (1, 1),
            };
            let mut description = d.message.render(locale);
            if let Some(hint) = &d.hint {
                description = format!(
                    "{description} ({} {})",
                    vitrine::diagnostic::texts::hint_label().render(locale),
                    hint.render(locale)
                );
            }
            json!({
                "description": description,
                "check_name": d.code,
                "fingerprint": fingerprint,
                "severity": match d.severity { Severity::Error => "major", Severity::Warning => "minor" },
                "location": { "path": path, "lines": { "begin": begin, "end": end } },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_escape_what_their_syntax_requires() {
        assert_eq!(escape_data("100% sûr\r\nligne"), "100%25 sûr%0D%0Aligne");
        assert_eq!(escape_property("a:b,c%d\ne"), "a%3Ab%2Cc%25d%0Ae");
        // `::` and `,` in a message are text: only the properties end at them.
        assert_eq!(escape_data("a::b, c"), "a::b, c");
    }
}
