//! Reading a content file as text, and splitting it into its TOML front
//! matter and Markdown body, keeping the byte offset of each part so that
//! every position we report points into the file the writer edits.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, SourceFile};
use crate::load::fields::Out;

/// Reads the content file at `path` (named `shown` in messages).
pub fn read(path: &Path, shown: PathBuf, out: &mut Out) -> Option<Arc<SourceFile>> {
    match std::fs::read(path) {
        Ok(bytes) => decode(shown, bytes, out),
        Err(e) => {
            out.push(Diagnostic::file_error(&shown, format!("cannot read this file: {e}")));
            None
        }
    }
}

/// The text of a content file, or `None` with an error at the first byte
/// that is not UTF-8 text or is a NUL character.
pub fn decode(shown: PathBuf, bytes: Vec<u8>, out: &mut Out) -> Option<Arc<SourceFile>> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            // The text up to the bad byte is kept as it is, so the position
            // is right; the rest only serves to show the line.
            let file = SourceFile::new(shown, String::from_utf8_lossy(e.as_bytes()).into_owned());
            let end = file.text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
            out.push(
                Diagnostic::error(&file, at..end, "this file is not UTF-8 text: this byte is not a character in UTF-8")
                    .with_hint(
                        "save the file as UTF-8 in your editor (it was probably saved as Latin-1 or Windows-1252)",
                    ),
            );
            return None;
        }
    };
    let nul = memchr::memchr(0, text.as_bytes());
    let file = SourceFile::new(shown, text);
    if let Some(at) = nul {
        out.push(
            Diagnostic::error(&file, at..at + 1, "this file holds a NUL character (byte 0), which text never has")
                .with_hint("the file may be damaged or not a text file: remove the character, or save the file again as UTF-8 text"),
        );
        return None;
    }
    Some(file)
}

/// Where the two parts of a content file are, as byte ranges of the file.
#[derive(Debug, Clone)]
pub struct Split {
    /// The TOML between the `+++` lines (empty when there is none).
    pub front: Range<usize>,
    /// The Markdown after the closing `+++`.
    pub body: Range<usize>,
}

/// Finds the front matter. `optional` is for files such as `_index.md`
/// where a plain Markdown file is fine.
pub fn split(file: &Arc<SourceFile>, optional: bool) -> Result<Split, Diagnostic> {
    let text = file.text.as_str();
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = LineIter { text, pos: start };
    let first = lines.next();
    let is_fence = |r: &Range<usize>| text[r.clone()].trim_end() == "+++";
    match first {
        Some(ref r) if is_fence(r) => {}
        Some(r) if text[r.clone()].trim_end() == "---" => {
            return Err(Diagnostic::error(
                file,
                r.start..r.start + 3,
                "front matter must be TOML between two `+++` lines, not YAML between `---` lines",
            )
            .with_hint("replace both `---` lines with `+++` and write the keys as `key = \"value\"`"));
        }
        _ if optional => return Ok(Split { front: start..start, body: start..text.len() }),
        _ => {
            let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
            return Err(Diagnostic::error(
                file,
                start..end,
                "this file has no front matter: it must start with a `+++` line",
            )
            .with_hint("start the file with `+++`, the TOML keys (title = \"…\"), then another `+++` line"));
        }
    }
    let open = first.unwrap_or(start..start);
    let front_start = lines.pos;
    while let Some(r) = lines.next() {
        if is_fence(&r) {
            return Ok(Split { front: front_start..r.start, body: lines.pos..text.len() });
        }
    }
    Err(Diagnostic::error(file, open.start..open.end, "the front matter is never closed")
        .with_hint("add a line with only `+++` after the last key"))
}

/// Lines as byte ranges without their line break; `pos` is after the break.
struct LineIter<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for LineIter<'_> {
    type Item = Range<usize>;
    fn next(&mut self) -> Option<Range<usize>> {
        if self.pos >= self.text.len() {
            return None;
        }
        let rest = &self.text[self.pos..];
        let (len, step) = match rest.find('\n') {
            Some(i) => (i, i + 1),
            None => (rest.len(), rest.len()),
        };
        let r = self.pos..self.pos + len;
        self.pos += step;
        Some(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn f(text: &str) -> Arc<SourceFile> {
        SourceFile::new(PathBuf::from("x.md"), text.to_string())
    }

    #[test]
    fn splits_front_matter_and_body() {
        let file = f("+++\ntitle = \"a\"\n+++\nbody\n");
        let s = split(&file, false).expect("valid");
        assert_eq!(&file.text[s.front], "title = \"a\"\n");
        assert_eq!(&file.text[s.body], "body\n");
    }

    #[test]
    fn handles_crlf_and_bom() {
        let file = f("\u{feff}+++\r\ntitle = \"a\"\r\n+++\r\nbody");
        let s = split(&file, false).expect("valid");
        assert_eq!(&file.text[s.body], "body");
    }

    #[test]
    fn reports_yaml_and_unclosed() {
        assert!(split(&f("---\ntitle: a\n---\n"), false).unwrap_err().message.contains("YAML"));
        assert!(split(&f("+++\ntitle = 1\n"), false).unwrap_err().message.contains("never closed"));
        assert!(split(&f("# hello"), false).is_err());
        assert!(split(&f("# hello"), true).is_ok());
    }
}
