//! Helpers shared by the integration tests that run the real `vitrine`
//! binary: unique temporary folders, copies of fixtures, running the
//! binary, reading a built site, and small string helpers for HTML.
//!
//! Each test crate uses only part of this module.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The build date every test uses.
pub const TODAY: &str = "2026-11-23";

/// The repository root, which is itself the bundled catalogue.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture_dir(name: &str) -> PathBuf {
    repo_root().join("tests").join("fixtures").join(name)
}

// ---------------------------------------------------------------------------
// Temporary folders.

/// A fresh folder under the system temp dir, unique per process, test and
/// call; removed (with everything in it) when dropped.
pub struct TempDir {
    pub path: PathBuf,
}

impl TempDir {
    pub fn new(label: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let label: String = label.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).take(40).collect();
        let path = std::env::temp_dir().join(format!(
            "vitrine-it-{}-{}-{label}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).unwrap_or_else(|e| panic!("mkdir {}: {e}", path.display()));
        TempDir { path }
    }

    pub fn join(&self, rel: &str) -> PathBuf {
        self.path.join(rel)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

/// Copies the folder `from` into `to` (created), recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap_or_else(|e| panic!("mkdir {}: {e}", to.display()));
    let entries = fs::read_dir(from).unwrap_or_else(|e| panic!("read {}: {e}", from.display()));
    for entry in entries {
        let entry = entry.expect("directory entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap_or_else(|e| panic!("copy {}: {e}", entry.path().display()));
        }
    }
}

/// Writes `text` to `root/rel`, creating the folders on the way.
pub fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).unwrap_or_else(|e| panic!("mkdir {}: {e}", parent.display()));
    }
    fs::write(&p, text).unwrap_or_else(|e| panic!("write {}: {e}", p.display()));
}

/// A copy of `tests/fixtures/minimal` at `dir/site`; returns its path.
pub fn minimal_site_in(dir: &TempDir) -> PathBuf {
    let root = dir.join("site");
    copy_dir(&fixture_dir("minimal"), &root);
    root
}

/// A minimal site at `dir/site` whose `static/` has a file of its own
/// (`real.txt`) and two symbolic links to `dir/outside/` (the folder, and
/// the file `secret.txt` in it, which says "top secret"); returns its path.
#[cfg(unix)]
#[allow(dead_code)]
pub fn site_with_links_out(dir: &TempDir) -> PathBuf {
    let root = minimal_site_in(dir);
    write(&dir.path, "outside/secret.txt", "top secret\n");
    write(&root, "static/real.txt", "published\n");
    std::os::unix::fs::symlink(dir.join("outside/secret.txt"), root.join("static/secret.txt")).expect("file link");
    std::os::unix::fs::symlink(dir.join("outside"), root.join("static/outside")).expect("folder link");
    root
}

// ---------------------------------------------------------------------------
// Running the binary.

/// The options of a library build of the site at `root` (`vitrine::build`):
/// today is [`TODAY`], output and images' cache in their default places,
/// no build cache beside the output (as `--no-cache`).
pub fn options(root: &Path) -> vitrine::Options {
    vitrine::Options {
        root: root.to_path_buf(),
        output: None,
        base_url: None,
        today: Some(TODAY.parse().expect("a date")),
        source_date_epoch: None,
        drafts: false,
        write: true,
        missing_translations: false,
        cache_dir: None,
        progress: None,
        minify: false,
        cache: false,
    }
}

/// The `vitrine` binary, with no `SOURCE_DATE_EPOCH` inherited, speaking
/// English (`VITRINE_LANG=en`): the tests of behaviour read English
/// messages; those of the French ones ask for French (`tests/messages.rs`).
pub fn vitrine() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vitrine"));
    cmd.env_remove("SOURCE_DATE_EPOCH").env("VITRINE_LANG", "en");
    cmd
}

pub fn run(args: &[&str]) -> Output {
    vitrine().args(args).output().expect("run the vitrine binary")
}

/// Everything a failed run printed, for assertion messages.
pub fn describe(output: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout\n{}\n--- stderr\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// `vitrine build --root ROOT --output OUT --today 2026-11-23`, which must
/// succeed.
pub fn build_ok(root: &Path, out: &Path) {
    let output = vitrine()
        .arg("build")
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(out)
        .args(["--today", TODAY])
        .output()
        .expect("run the vitrine binary");
    assert!(output.status.success(), "build of {} failed: {}", root.display(), describe(&output));
}

// ---------------------------------------------------------------------------
// Reading a built site.

/// Every file below `dir`, by path relative to it (with `/`), sorted.
pub fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    collect(dir, dir, &mut files);
    files
}

fn collect(base: &Path, dir: &Path, into: &mut BTreeMap<String, Vec<u8>>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display()));
    for entry in entries {
        let entry = entry.expect("directory entry");
        let path = entry.path();
        if entry.file_type().expect("file type").is_dir() {
            collect(base, &path, into);
        } else {
            let rel = path.strip_prefix(base).expect("below base").to_string_lossy().replace('\\', "/");
            let bytes = fs::read(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
            into.insert(rel, bytes);
        }
    }
}

/// Names of the entries directly in `dir`, sorted.
pub fn entry_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    names
}

/// Slugs of the MOOCs of a site's `content/moocs/` (files and bundles,
/// without translations), sorted.
pub fn mooc_slugs(root: &Path) -> Vec<String> {
    let dir = root.join("content").join("moocs");
    let mut slugs: Vec<String> = entry_names(&dir)
        .into_iter()
        .filter_map(|name| {
            if dir.join(&name).is_dir() {
                return dir.join(&name).join("index.md").is_file().then_some(name);
            }
            let stem = name.strip_suffix(".md")?;
            (!stem.contains('.')).then(|| stem.to_string())
        })
        .collect();
    slugs.sort();
    slugs
}

// ---------------------------------------------------------------------------
// HTML as text.

/// The opening tags `<name …>` of `html`, in order.
pub fn tags<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}");
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = html[from..].find(&open) {
        let start = from + i;
        let after = html[start + open.len()..].chars().next();
        let end = html[start..].find('>').map(|j| start + j + 1).unwrap_or(html.len());
        if matches!(after, Some(c) if c.is_whitespace() || c == '>' || c == '/') {
            found.push(&html[start..end]);
        }
        from = end.max(start + 1);
    }
    found
}

/// The value of attribute `attr` in an opening tag.
pub fn attr<'a>(tag: &'a str, attr: &str) -> Option<&'a str> {
    let key = format!(" {attr}=\"");
    let i = tag.find(&key)? + key.len();
    let j = tag[i..].find('"')?;
    Some(&tag[i..i + j])
}

/// The whole element whose opening tag is `tag` (a slice of `html` returned
/// by [`tags`]), up to its matching `</name>`, nested elements of the same
/// name included.
pub fn element<'a>(html: &'a str, tag: &str, name: &str) -> &'a str {
    let start = tag.as_ptr() as usize - html.as_ptr() as usize;
    let (open, close) = (format!("<{name}"), format!("</{name}>"));
    let mut depth = 0usize;
    let mut i = start;
    while i < html.len() {
        let rest = &html[i..];
        if rest.starts_with(&close) {
            depth -= 1;
            i += close.len();
            if depth == 0 {
                return &html[start..i];
            }
        } else if rest.starts_with(&open)
            && matches!(rest[open.len()..].chars().next(), Some(c) if c.is_whitespace() || c == '>')
        {
            depth += 1;
            i += open.len();
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    &html[start..]
}

/// The outermost elements `<name …>…</name>` of `html`.
pub fn elements<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let mut found: Vec<&'a str> = Vec::new();
    let mut from = 0;
    for tag in tags(html, name) {
        let start = tag.as_ptr() as usize - html.as_ptr() as usize;
        if start < from {
            continue;
        }
        let el = element(html, tag, name);
        from = start + el.len();
        found.push(el);
    }
    found
}

/// From the first occurrence of `marker` to the end of the enclosing
/// element named `name` (the next `</name>`); panics with `what` if absent.
pub fn region<'a>(html: &'a str, marker: &str, name: &str, what: &str) -> &'a str {
    let start = html.find(marker).unwrap_or_else(|| panic!("{what}: `{marker}` not found"));
    let close = format!("</{name}>");
    let end = html[start..].find(&close).map(|j| start + j).unwrap_or(html.len());
    &html[start..end]
}

/// The visible text of an HTML fragment: tags removed, the common
/// entities decoded, no-break spaces as spaces, whitespace collapsed.
pub fn text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if in_tag => {}
            '\u{a0}' | '\u{202f}' => out.push(' '),
            c => out.push(c),
        }
    }
    let out = out
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
