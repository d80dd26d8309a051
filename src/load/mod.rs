//! Load: read every file under `content/`, split front matter from body,
//! parse each kind into typed, spanned structs. Files are parsed in
//! parallel; every problem is collected, none stops the others.
//!
//! Start with [`load`]; each kind of content is described in [`kinds`].

pub mod assets;
pub mod cache;
pub mod common;
pub mod kinds;
pub mod source;

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;
use rayon::prelude::*;
use toml::de::DeTable;

use crate::base::fields::{toml_error, Fields};
use crate::base::slug::{is_slug, slugify};
use crate::config::Config;
use crate::diagnostic::{problems, texts, Diagnostic, Msg, Out, SourceFile};
use cache::{ParseCache, Seen};

pub use kinds::{
    Content, Described, Entity, EntityKind, Home, Institution, Kind, Mooc, Page, Parcours, Platform, Schedule, Shelf,
    SubjectDoc,
};

/// What every entity has: its slug, its file, where its body is.
#[derive(Debug, Clone)]
pub struct Meta {
    pub slug: String,
    pub file: Arc<SourceFile>,
    pub body: Range<usize>,
    pub draft: bool,
    /// `updated`, optional on every kind: when the writer last changed the
    /// text in a way worth telling (the sitemap's `lastmod`, feeds).
    pub updated: Option<Date>,
    /// The bundle folder (absolute), for `<slug>/index.md` entities.
    pub bundle: Option<PathBuf>,
    /// `Some("en")` for a translation file `<slug>.en.md`.
    pub lang: Option<String>,
}

impl Meta {
    pub fn body(&self) -> &str {
        &self.file.text[self.body.clone()]
    }
}

/// Everything under `content/`, parsed, drafts not yet filtered, in the
/// order files were found.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The default-language files, kind by kind.
    pub content: Content,
    /// Translation files (`<slug>.<lang>.md`), parsed like their kind.
    pub translations: Vec<Entity>,
}

/// A file to parse, found by the walk.
struct Found {
    kind: Kind,
    path: PathBuf,
    slug: String,
    lang: Option<String>,
    bundle: Option<PathBuf>,
}

/// Reads and parses every content file of the site at `root`.
pub fn load(root: &Path, config: &Config, out: &mut Out) -> Loaded {
    load_with(root, config, None, out)
}

/// [`load`], parsing only the files that changed since `cache` saw them
/// (`vitrine serve`); the cache is then that of this load.
pub fn load_with(root: &Path, config: &Config, cache: Option<&mut ParseCache>, out: &mut Out) -> Loaded {
    let found = walk(root, config, out);
    let parsed: Vec<(Option<Entity>, Out)> = match cache {
        None => found.par_iter().map(|f| parse_with_problems(root, f)).collect(),
        Some(cache) => {
            let seen: Vec<Seen> = found.par_iter().map(Found::seen).collect();
            let mut old = std::mem::take(&mut cache.files);
            let reused: Vec<Option<(Seen, Option<Entity>, Out)>> = found
                .iter()
                .zip(&seen)
                .map(|(f, s)| old.remove(&f.path).filter(|(was, _, _)| was.stamp.same(&s.stamp) && was == s))
                .collect();
            let parsed: Vec<(Option<Entity>, Out)> = found
                .par_iter()
                .zip(&reused)
                .map(|(f, r)| match r {
                    Some((_, e, problems)) => (e.clone(), problems.clone()),
                    None => parse_with_problems(root, f),
                })
                .collect();
            cache.files = found
                .iter()
                .zip(seen)
                .zip(reused)
                .zip(&parsed)
                .map(|(((f, s), r), (e, problems))| {
                    let kept = r.unwrap_or_else(|| (s, e.clone(), problems.clone()));
                    (f.path.clone(), kept)
                })
                .collect();
            parsed
        }
    };
    let mut loaded = Loaded::default();
    for (entity, diags) in parsed {
        out.extend(diags);
        let Some(entity) = entity else { continue };
        if entity.meta().lang.is_some() {
            loaded.translations.push(entity);
        } else {
            loaded.content.put(entity);
        }
    }
    loaded
}

/// Parses the default-language file of the MOOC `slug` again, alone
/// (`vitrine serve`'s preview, `serve::preview`): `path` is the file, under
/// `root` as the walk names it; `bundle` the MOOC's folder when it is one.
pub fn parse_mooc(root: &Path, path: &Path, slug: &str, bundle: Option<PathBuf>, out: &mut Out) -> Option<Mooc> {
    let found = Found { kind: Kind::Mooc, path: path.to_path_buf(), slug: slug.to_string(), lang: None, bundle };
    match parse_file(root, &found, out)? {
        Entity::Mooc(m) => Some(*m),
        _ => None,
    }
}

fn parse_with_problems(root: &Path, f: &Found) -> (Option<Entity>, Out) {
    let mut problems = Vec::new();
    let entity = parse_file(root, f, &mut problems);
    (entity, problems)
}

impl Found {
    fn seen(&self) -> Seen {
        Seen {
            kind: self.kind,
            slug: self.slug.clone(),
            lang: self.lang.clone(),
            bundle: self.bundle.clone(),
            stamp: cache::Stamp::of(&self.path),
        }
    }
}

fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Lists the content files, reporting misplaced files and bad names.
fn walk(root: &Path, config: &Config, out: &mut Out) -> Vec<Found> {
    let content = root.join("content");
    let mut found = Vec::new();
    let entries = match sorted_entries(&content) {
        Ok(e) => e,
        Err(e) => {
            out.push(Diagnostic::about(&display_path(root, &content), problems::folder_unreadable(&e)));
            return found;
        }
    };
    for (path, is_dir) in entries {
        let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if is_dir {
            match Kind::of_folder(&name) {
                Some(kind) => walk_kind(root, &path, kind, config, out, &mut found),
                None => out.push(
                    Diagnostic::about(&display_path(root, &path), problems::unknown_content_folder(&name))
                        .with_hint(kind_hint(&name)),
                ),
            }
            continue;
        }
        match split_name(&name, config) {
            Some((stem, lang)) if stem == "_index" => {
                found.push(Found { kind: Kind::Home, path, slug: String::new(), lang, bundle: None })
            }
            _ => out.push(
                Diagnostic::about(&display_path(root, &path), problems::file_outside_folders())
                    .with_hint(texts::move_into_folder()),
            ),
        }
    }
    let entries: Vec<(&str, &Path, &str, Option<&str>)> =
        found.iter().map(|f| (f.kind.folder(), f.path.as_path(), f.slug.as_str(), f.lang.as_deref())).collect();
    out.extend(source::clashes(&entries, |p| display_path(root, p)));
    found
}

fn kind_hint(name: &str) -> Msg {
    let folders: Vec<&str> = Kind::ALL.iter().map(|k| k.folder()).filter(|f| !f.is_empty()).collect();
    crate::diagnostic::did_you_mean(name, folders.iter().copied())
        .unwrap_or_else(|| texts::content_folders_are(folders.join(", ")))
}

fn walk_kind(root: &Path, dir: &Path, kind: Kind, config: &Config, out: &mut Out, found: &mut Vec<Found>) {
    let entries = match sorted_entries(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push(Diagnostic::about(&display_path(root, dir), problems::folder_unreadable(&e)));
            return;
        }
    };
    for (path, is_dir) in entries {
        let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        if name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") {
            continue;
        }
        if is_dir {
            walk_bundle(root, &path, &name, kind, config, out, found);
            continue;
        }
        match split_name(&name, config) {
            Some((stem, lang)) => {
                check_slug(root, &path, &stem, out);
                found.push(Found { kind, path, slug: stem, lang, bundle: None });
            }
            None => out.push(
                Diagnostic::about(&display_path(root, &path), problems::not_markdown())
                    .with_hint(texts::images_in_bundle()),
            ),
        }
    }
}

fn walk_bundle(
    root: &Path,
    dir: &Path,
    slug: &str,
    kind: Kind,
    config: &Config,
    out: &mut Out,
    found: &mut Vec<Found>,
) {
    let mut has_index = false;
    for (path, _) in sorted_entries(dir).unwrap_or_default() {
        let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        if let Some((stem, lang)) = split_name(&name, config) {
            if stem == "index" {
                has_index |= lang.is_none();
                found.push(Found { kind, path, slug: slug.to_string(), lang, bundle: Some(dir.to_path_buf()) });
            }
        }
    }
    if has_index {
        check_slug(root, dir, slug, out);
    } else {
        out.push(
            Diagnostic::about(&display_path(root, dir), problems::bundle_without_index())
                .with_hint(texts::bundle_is(slug)),
        );
    }
}

/// `x.md` -> ("x", None); `x.en.md` -> ("x", Some("en")) when `en` is a
/// configured language. `None` for non-Markdown files.
fn split_name(name: &str, config: &Config) -> Option<(String, Option<String>)> {
    let stem = name.strip_suffix(".md")?;
    if let Some((base, lang)) = stem.rsplit_once('.') {
        if config.languages.iter().any(|l| l == lang) && lang != config.default_language {
            return Some((base.to_string(), Some(lang.to_string())));
        }
    }
    Some((stem.to_string(), None))
}

fn check_slug(root: &Path, path: &Path, slug: &str, out: &mut Out) {
    if source::windows_reserved(slug) {
        out.push(
            Diagnostic::about(&display_path(root, path), problems::windows_device_name(slug))
                .with_hint(texts::rename_device_name(slug)),
        );
    }
    if is_slug(slug) {
        return;
    }
    let fixed = slugify(slug);
    out.push(
        Diagnostic::about(&display_path(root, path), problems::bad_file_slug(slug)).with_hint(texts::rename_to(fixed)),
    );
}

/// The entries of `dir`, sorted, each with whether it is a folder (from
/// the directory listing when the system gives it: no `stat` per file).
fn sorted_entries(dir: &Path) -> std::io::Result<Vec<(PathBuf, bool)>> {
    let mut v: Vec<(PathBuf, bool)> = std::fs::read_dir(dir)?
        .filter_map(|e| {
            let e = e.ok()?;
            let path = e.path();
            let is_dir = match e.file_type() {
                Ok(t) if !t.is_symlink() => t.is_dir(),
                _ => path.is_dir(),
            };
            Some((path, is_dir))
        })
        .collect();
    v.sort();
    Ok(v)
}

fn parse_file(root: &Path, f: &Found, out: &mut Out) -> Option<Entity> {
    let file = source::read(root, &f.path, display_path(root, &f.path), out)?;
    parse_source(file, f.kind, &f.slug, f.lang.as_deref(), f.bundle.clone(), out)
}

/// Parses the text of one content file of `kind` (its front matter and
/// the place of its body): the loader without the file system, also used
/// by the fuzz targets (fuzz/).
pub fn parse_source(
    file: Arc<SourceFile>,
    kind: Kind,
    slug: &str,
    lang: Option<&str>,
    bundle: Option<PathBuf>,
    out: &mut Out,
) -> Option<Entity> {
    let f = Found { kind, path: file.path.clone(), slug: slug.to_string(), lang: lang.map(str::to_string), bundle };
    let split = match source::split(&file, f.kind == Kind::Home) {
        Ok(s) => s,
        Err(d) => {
            out.push(d);
            return None;
        }
    };
    let front = &file.text[split.front.clone()];
    let table = match DeTable::parse(front) {
        Ok(t) => t,
        Err(e) => {
            out.push(toml_error(&file, split.front.start, &e));
            return None;
        }
    };
    let mut fields = Fields::new(&file, split.front.start, table.get_ref(), common::head_span(&file.text));
    // A translation only overrides text: its structural keys come from the
    // default-language file (checked in `resolve`), so none is required.
    fields.partial = f.lang.is_some();
    let meta = Meta {
        slug: f.slug.clone(),
        file: Arc::clone(&file),
        body: split.body,
        draft: false,
        updated: fields.date("updated", out).map(|d| d.value),
        bundle: f.bundle.clone(),
        lang: f.lang.clone(),
    };
    let meta = Meta { draft: f.kind != Kind::Home && fields.bool("draft", out).unwrap_or(false), ..meta };
    Some(Entity::parse(f.kind, &fields, meta, out))
}
