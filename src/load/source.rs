//! Reading a content file as text, and splitting it into its TOML front
//! matter and Markdown body, keeping the byte offset of each part so that
//! every position we report points into the file the writer edits.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{problems, texts, Arg, Diagnostic, Out, SourceFile};

/// Content files above this size are read, with a warning.
pub const LARGE_FILE: u64 = 4_000_000;
/// Content files above this size are not read: an error (memory stays
/// bounded whatever is in `content/`).
pub const MAX_FILE: u64 = 64_000_000;

/// Reads the content file at `path` (named `shown` in messages) of the
/// site at `root`.
pub fn read(root: &Path, path: &Path, shown: PathBuf, out: &mut Out) -> Option<Arc<SourceFile>> {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let mb = |n: u64| Arg::Decimal(n as f64 / 1e6, 1);
    if size > MAX_FILE {
        out.push(
            Diagnostic::about(&shown, problems::file_too_big(mb(size), mb(MAX_FILE)))
                .with_hint(texts::file_too_big_hint()),
        );
        return None;
    }
    if size > LARGE_FILE {
        out.push(Diagnostic::about(&shown, problems::file_large(mb(size))).with_hint(texts::file_large_hint()));
    }
    if let Some(d) = outside(root, path, &shown) {
        out.push(d);
    }
    match std::fs::read(path) {
        Ok(bytes) => decode(shown, bytes, out),
        Err(e) => {
            out.push(read_error(&shown, &e));
            None
        }
    }
}

/// A warning when `path` is reached through a symbolic link and lies
/// outside the site folder.
fn outside(root: &Path, path: &Path, shown: &Path) -> Option<Diagnostic> {
    let (real, root) = (path.canonicalize().ok()?, root.canonicalize().ok()?);
    if real.starts_with(&root) {
        return None;
    }
    Some(Diagnostic::about(shown, problems::link_outside_site(&real)).with_hint(texts::copy_into_content()))
}

/// "cannot read this file", in plain words for the usual reasons.
pub fn read_error(shown: &Path, e: &std::io::Error) -> Diagnostic {
    const ELOOP: i32 = if cfg!(target_vendor = "apple") { 62 } else { 40 };
    let (problem, hint) = match e.kind() {
        std::io::ErrorKind::PermissionDenied => (problems::unreadable_permission(), texts::give_read_access()),
        std::io::ErrorKind::NotFound => (problems::unreadable_dangling_link(), texts::fix_dangling_link()),
        std::io::ErrorKind::IsADirectory => (problems::unreadable_folder_named_md(), texts::rename_folder_without_md()),
        _ if e.raw_os_error() == Some(ELOOP) => (problems::unreadable_link_loop(), texts::fix_link_loop()),
        _ => (problems::unreadable(e), texts::open_in_editor()),
    };
    Diagnostic::about(shown, problem).with_hint(hint)
}

/// Names Windows keeps for devices, whatever the case and extension: a
/// folder or file so named cannot be created there.
pub fn windows_reserved(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or_default().to_ascii_lowercase();
    matches!(stem.as_str(), "con" | "prn" | "aux" | "nul")
        || ["com", "lpt"]
            .iter()
            .any(|p| stem.strip_prefix(p).is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit() && n != "0"))
}

/// Errors for names that clash on the file systems of Windows and macOS:
/// `entries` are `(kind folder, file, slug, language)`; two slugs of one
/// kind and language that are equal once case and accents are ignored
/// (`Rage.md` and `rage.md`, `réseaux.md` and `reseaux.md`) would be one
/// file there, and their pages would overwrite each other.
pub fn clashes(entries: &[(&str, &Path, &str, Option<&str>)], shown: impl Fn(&Path) -> PathBuf) -> Vec<Diagnostic> {
    // Same slug twice is another error (resolve: "already used"); here
    // only names that differ.
    let mut seen: std::collections::HashMap<(&str, String, Option<&str>), (&Path, &str)> =
        std::collections::HashMap::new();
    let mut found = Vec::new();
    for (kind, path, slug, lang) in entries {
        let folded = crate::base::slug::slugify(slug);
        match seen.get(&(*kind, folded.clone(), *lang)) {
            Some((first, first_slug)) if first_slug != slug => found.push(
                Diagnostic::about(&shown(path), problems::name_clash(*slug, &shown(first)))
                    .with_hint(texts::name_clash_hint()),
            ),
            _ => {
                seen.insert((*kind, folded, *lang), (path, slug));
            }
        }
    }
    found
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
            out.push(Diagnostic::at(&file, at..end, problems::not_utf8()).with_hint(texts::save_as_utf8()));
            return None;
        }
    };
    let nul = memchr::memchr(0, text.as_bytes());
    let file = SourceFile::new(shown, text);
    if let Some(at) = nul {
        out.push(Diagnostic::at(&file, at..at + 1, problems::nul_character()).with_hint(texts::remove_nul()));
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
            return Err(Diagnostic::at(file, r.start..r.start + 3, problems::front_matter_yaml())
                .with_hint(texts::front_matter_yaml_hint()));
        }
        _ if optional => return Ok(Split { front: start..start, body: start..text.len() }),
        _ => {
            let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
            return Err(Diagnostic::at(file, start..end, problems::front_matter_missing())
                .with_hint(texts::front_matter_missing_hint()));
        }
    }
    let open = first.unwrap_or(start..start);
    let front_start = lines.pos;
    while let Some(r) = lines.next() {
        if is_fence(&r) {
            return Ok(Split { front: front_start..r.start, body: lines.pos..text.len() });
        }
    }
    Err(Diagnostic::at(file, open.start..open.end, problems::front_matter_unclosed())
        .with_hint(texts::front_matter_unclosed_hint()))
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

    #[test]
    fn knows_the_names_windows_keeps() {
        for name in ["con", "CON", "con.md", "Aux", "nul", "com1", "LPT9.md"] {
            assert!(windows_reserved(name), "{name}");
        }
        for name in ["cone", "com", "com0", "com10", "lpt", "console", "rage"] {
            assert!(!windows_reserved(name), "{name}");
        }
    }

    #[test]
    fn says_why_a_file_cannot_be_read() {
        let d = read_error(Path::new("content/x.md"), &std::io::Error::from(std::io::ErrorKind::PermissionDenied));
        assert_eq!(d.message.to_string(), "cannot read this file: permission denied");
        assert!(d.hint.is_some_and(|h| h.contains("chmod u+r")));
    }

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
        assert_eq!(split(&f("---\ntitle: a\n---\n"), false).unwrap_err().message.id, "front_matter_yaml");
        assert_eq!(split(&f("+++\ntitle = 1\n"), false).unwrap_err().message.id, "front_matter_unclosed");
        assert!(split(&f("# hello"), false).is_err());
        assert!(split(&f("# hello"), true).is_ok());
    }
}
