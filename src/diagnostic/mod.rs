//! Problems found in a site's files, with where they are and how to fix them.
//!
//! Every stage pushes [`Diagnostic`]s into a [`Diagnostics`] list instead of
//! stopping at the first problem, so that `vitrine check` reports everything
//! in one run. A diagnostic points into the file the writer edits (byte span,
//! then 1-based line and column computed from it), carries a stable code and
//! a message that is put in words only when printed, in English or French
//! ([`message`]): rendered like rustc's messages (with codespan-reporting),
//! or as JSON for CI. The problems and their codes are in [`problems`], the
//! other words (hints, parts of messages, lines of the command) in [`texts`].

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

pub mod cli;
pub mod explain;
pub mod message;
pub mod problems;
pub mod texts;

pub use message::{Arg, Joint, Locale, Msg};
pub use problems::{Kind, Problem};

/// How bad a problem is: errors fail the build, warnings do not (unless
/// `--deny-warnings`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Where a stage puts the problems it finds, and goes on.
pub type Out = Vec<Diagnostic>;

/// Whether one of `problems` is an error.
pub fn has_errors(problems: &[Diagnostic]) -> bool {
    problems.iter().any(|d| d.severity == Severity::Error)
}

/// The text of one file, shared by every diagnostic that points into it.
#[derive(Debug)]
pub struct SourceFile {
    /// Path as shown to the user (relative to the site root when possible).
    pub path: PathBuf,
    pub text: String,
}

impl SourceFile {
    pub fn new(path: PathBuf, text: String) -> Arc<SourceFile> {
        Arc::new(SourceFile { path, text })
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        // A byte-order mark is invisible in editors: it is not a column.
        let line_start = if line_start == 0 && before.starts_with('\u{feff}') { 3 } else { line_start };
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// One problem, with its location, its code, what it says and a hint. What
/// it says is a [`Msg`], put in words in a language only when printed
/// ([`Diagnostic::render`], [`Diagnostic::to_json`]).
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The stable code (`E012`), explained by `vitrine explain E012`.
    pub code: &'static str,
    pub file: Option<Arc<SourceFile>>,
    /// Path of a file we could not read (no text to point into).
    pub path: Option<PathBuf>,
    pub span: Option<Range<usize>>,
    pub message: Msg,
    /// Boxed: most diagnostics are in lists, and a small one moves fast.
    pub hint: Option<Box<Msg>>,
    /// Not a problem in content but in how vitrine was run or with the
    /// file system (exit code 2 rather than 1).
    pub usage: bool,
}

impl Diagnostic {
    /// `problem` at `span` of `file`.
    pub fn at(file: &Arc<SourceFile>, span: Range<usize>, problem: Problem) -> Self {
        Diagnostic { file: Some(Arc::clone(file)), span: Some(span), ..Self::new(problem) }
    }

    /// `problem` with a whole file or folder (unreadable, misplaced), or,
    /// for a usage problem, with what vitrine was given (`vitrine.toml`,
    /// the output folder, `SOURCE_DATE_EPOCH`).
    pub fn about(path: &Path, problem: Problem) -> Self {
        Diagnostic { path: Some(path.to_path_buf()), ..Self::new(problem) }
    }

    fn new(problem: Problem) -> Self {
        let severity = match problem.kind {
            Kind::Warning => Severity::Warning,
            Kind::Error | Kind::Usage => Severity::Error,
        };
        Diagnostic {
            severity,
            code: problem.code,
            file: None,
            path: None,
            span: None,
            message: problem.msg,
            hint: None,
            usage: problem.kind == Kind::Usage,
        }
    }

    pub fn with_hint(mut self, hint: Msg) -> Self {
        self.hint = Some(Box::new(hint));
        self
    }

    pub fn display_path(&self) -> String {
        match (&self.file, &self.path) {
            (Some(f), _) => f.path.display().to_string(),
            (None, Some(p)) => p.display().to_string(),
            (None, None) => String::new(),
        }
    }

    /// 1-based (line, column), when the problem has a position.
    pub fn line_col(&self) -> Option<(usize, usize)> {
        match (&self.file, &self.span) {
            (Some(f), Some(span)) => Some(f.line_col(span.start)),
            _ => None,
        }
    }

    /// 1-based (line, column) of the end of the span (the column after its
    /// last character), when the problem has a position.
    pub fn end_line_col(&self) -> Option<(usize, usize)> {
        match (&self.file, &self.span) {
            (Some(f), Some(span)) => Some(f.line_col(span.end.max(span.start))),
            _ => None,
        }
    }

    /// `path:line:column`, the form editors and CI annotate.
    pub fn location(&self) -> String {
        match self.line_col() {
            Some((l, c)) => format!("{}:{l}:{c}", self.display_path()),
            None => self.display_path(),
        }
    }

    fn sort_key(&self) -> (String, usize, Severity, &'static str, String) {
        let start = self.span.as_ref().map_or(0, |s| s.start);
        (self.display_path(), start, self.severity, self.code, format!("{:?}", self.message.args))
    }

    /// Renders like rustc, in `locale`: header with the code, location, the
    /// source line with a caret, and the hint.
    pub fn render(&self, locale: Locale) -> String {
        use codespan_reporting::diagnostic::{Diagnostic as CsDiag, Label};
        use codespan_reporting::files::SimpleFile;
        use codespan_reporting::term;

        let head = match self.severity {
            Severity::Error => CsDiag::error(),
            Severity::Warning => CsDiag::warning(),
        };
        let message = self.message.render(locale);
        let hint_word = texts::hint_label().render(locale);
        let notes: Vec<String> = self.hint.iter().map(|h| format!("{hint_word} {}", h.render(locale))).collect();
        match (&self.file, &self.span) {
            (Some(file), Some(span)) => {
                let simple = SimpleFile::new(file.path.display().to_string(), file.text.as_str());
                let end = span.end.max(span.start).min(file.text.len());
                let start = span.start.min(end);
                let diag = head
                    .with_code(self.code)
                    .with_message(&message)
                    .with_labels(vec![Label::primary((), start..end)])
                    .with_notes(notes);
                let config = term::Config::default();
                term::emit_into_string(&config, &simple, &diag)
                    .map(|text| localise_severity(text, self.severity, locale))
                    .unwrap_or_else(|_| self.line(locale) + "\n")
            }
            _ => {
                let mut out =
                    format!("{}{message}\n  --> {}\n", header(self.severity, self.code, locale), self.location());
                for n in notes {
                    out.push_str(&format!("  = {n}\n"));
                }
                out.push('\n');
                out
            }
        }
    }

    /// One line: `path:line:column: error[E012]: message (hint: …)`.
    pub fn line(&self, locale: Locale) -> String {
        let mut line =
            format!("{}: {}{}", self.location(), header(self.severity, self.code, locale), self.message.render(locale));
        if let Some(h) = &self.hint {
            line.push_str(&format!(" ({} {})", texts::hint_label().render(locale), h.render(locale)));
        }
        line
    }

    /// The JSON object of `--format json` (docs/diagnostics.md, "JSON").
    pub fn to_json(&self, locale: Locale) -> serde_json::Value {
        let (line, column) = self.line_col().map_or((None, None), |(l, c)| (Some(l), Some(c)));
        let (end_line, end_column) = self.end_line_col().map_or((None, None), |(l, c)| (Some(l), Some(c)));
        serde_json::json!({
            "code": self.code,
            "severity": self.severity,
            "path": self.display_path(),
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
            "message": self.message.render(locale),
            "hint": self.hint.as_ref().map(|h| h.render(locale)),
        })
    }
}

/// `error`, `warning` in `locale` (`erreur`, `avertissement`).
pub fn severity_word(severity: Severity, locale: Locale) -> String {
    match severity {
        Severity::Error => texts::error_label().render(locale),
        Severity::Warning => texts::warning_label().render(locale),
    }
}

/// codespan-reporting writes `error[E012]:` in English; the word is put in
/// `locale`'s, and French sets a no-break space before the colon.
fn localise_severity(text: String, severity: Severity, locale: Locale) -> String {
    let english = match severity {
        Severity::Error => "error[",
        Severity::Warning => "warning[",
    };
    match text.strip_prefix(english).and_then(|rest| rest.split_once("]: ")) {
        Some((code, rest)) => format!("{}{rest}", header(severity, code, locale)),
        None => text,
    }
}

/// `error[E012]: ` (`erreur[E012] : `).
pub fn header(severity: Severity, code: &str, locale: Locale) -> String {
    let colon = match locale {
        Locale::En => ":",
        Locale::Fr => "\u{a0}:",
    };
    format!("{}[{code}]{colon} ", severity_word(severity, locale))
}

/// In English, on one line (logs and tests).
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line(Locale::En))
    }
}

/// All problems of a run, in a stable order.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.severity == Severity::Error).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.iter().filter(|d| d.severity == Severity::Warning).count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Sorted by file, then position: same input, same report.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by_cached_key(Diagnostic::sort_key);
        self.items.dedup_by(|a, b| a.sort_key() == b.sort_key());
        self.items
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// "did you mean `x`?" for the closest candidate, if close enough.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<Msg> {
    closest(word, candidates).map(texts::did_you_mean)
}

/// The candidate closest to `word`, if close enough to be what was meant.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_l = word.trim().to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(&word_l, &c.to_lowercase());
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
        }
    }
    match best {
        Some((score, c)) if score >= 0.8 => Some(c),
        _ => None,
    }
}
