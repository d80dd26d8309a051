//! Problems found in a site's files, with where they are and how to fix them.
//!
//! Every stage pushes [`Diagnostic`]s into a [`Diagnostics`] list instead of
//! stopping at the first problem, so that `vitrine check` reports everything
//! in one run. A diagnostic points into the file the writer edits (byte span,
//! then 1-based line and column computed from it) and is rendered like
//! rustc's messages (with codespan-reporting) or as JSON for CI.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

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

/// One problem, with its location, a plain-words message and a hint.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: Option<Arc<SourceFile>>,
    /// Path of a file we could not read (no text to point into).
    pub path: Option<PathBuf>,
    pub span: Option<Range<usize>>,
    pub message: String,
    pub hint: Option<String>,
    /// Not a problem in content but in how vitrine was run or with the
    /// file system (exit code 2 rather than 1).
    pub usage: bool,
}

impl Diagnostic {
    pub fn error(file: &Arc<SourceFile>, span: Range<usize>, message: impl Into<String>) -> Self {
        Self::at(Severity::Error, file, span, message)
    }

    pub fn warning(file: &Arc<SourceFile>, span: Range<usize>, message: impl Into<String>) -> Self {
        Self::at(Severity::Warning, file, span, message)
    }

    fn at(severity: Severity, file: &Arc<SourceFile>, span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            file: Some(Arc::clone(file)),
            path: None,
            span: Some(span),
            message: message.into(),
            hint: None,
            usage: false,
        }
    }

    /// A problem with how vitrine was run or with the file system (missing
    /// `vitrine.toml`, unwritable output, bad `SOURCE_DATE_EPOCH`).
    pub fn usage(path: &Path, message: impl Into<String>) -> Self {
        Diagnostic { usage: true, ..Self::file_error(path, message) }
    }

    /// A problem with a whole file or folder (unreadable, misplaced).
    pub fn file_error(path: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: None,
            path: Some(path.to_path_buf()),
            span: None,
            message: message.into(),
            hint: None,
            usage: false,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn into_warning(mut self) -> Self {
        self.severity = Severity::Warning;
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

    /// `path:line:column`, the form editors and CI annotate.
    pub fn location(&self) -> String {
        match self.line_col() {
            Some((l, c)) => format!("{}:{l}:{c}", self.display_path()),
            None => self.display_path(),
        }
    }

    fn sort_key(&self) -> (String, usize, Severity, String) {
        let start = self.span.as_ref().map_or(0, |s| s.start);
        (self.display_path(), start, self.severity, self.message.clone())
    }

    /// Renders like rustc: header, location, the source line with a caret,
    /// and the hint.
    pub fn render(&self) -> String {
        use codespan_reporting::diagnostic::{Diagnostic as CsDiag, Label};
        use codespan_reporting::files::SimpleFile;
        use codespan_reporting::term;

        let head = match self.severity {
            Severity::Error => CsDiag::error(),
            Severity::Warning => CsDiag::warning(),
        };
        let notes: Vec<String> = self.hint.iter().map(|h| format!("hint: {h}")).collect();
        match (&self.file, &self.span) {
            (Some(file), Some(span)) => {
                let simple = SimpleFile::new(file.path.display().to_string(), file.text.as_str());
                let end = span.end.max(span.start).min(file.text.len());
                let start = span.start.min(end);
                let diag = head
                    .with_message(&self.message)
                    .with_labels(vec![Label::primary((), start..end)])
                    .with_notes(notes);
                let config = term::Config::default();
                term::emit_into_string(&config, &simple, &diag).unwrap_or_else(|_| self.to_string() + "\n")
            }
            _ => {
                let sev = match self.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                };
                let mut out = format!("{sev}: {}\n  --> {}\n", self.message, self.location());
                for n in notes {
                    out.push_str(&format!("  = {n}\n"));
                }
                out
            }
        }
    }

    pub fn to_json(&self) -> serde_json::Value {
        let (line, column) = self.line_col().map_or((None, None), |(l, c)| (Some(l), Some(c)));
        serde_json::json!({
            "severity": self.severity,
            "path": self.display_path(),
            "line": line,
            "column": column,
            "message": self.message,
            "hint": self.hint,
        })
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}: {sev}: {}", self.location(), self.message)?;
        if let Some(h) = &self.hint {
            write!(f, " (hint: {h})")?;
        }
        Ok(())
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
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let word_l = word.trim().to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(&word_l, &c.to_lowercase());
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
        }
    }
    match best {
        Some((score, c)) if score >= 0.8 => Some(format!("did you mean `{c}`?")),
        _ => None,
    }
}
