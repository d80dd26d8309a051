//! Load: read every file under `content/`, split front matter from body,
//! parse each kind into typed, spanned structs. Files are parsed in
//! parallel; every problem is collected, none stops the others.
//!
//! Start with [`load`]; the per-kind parsers are in [`mooc`] and [`others`].

pub mod cache;
pub mod common;
pub mod fields;
pub mod mooc;
pub mod others;
pub mod source;

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use toml::de::DeTable;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, SourceFile};
use cache::{ParseCache, Seen};
use fields::{Fields, Out};

pub use mooc::Mooc;
pub use others::{Institution, Page, Parcours, Platform, Schedule, SubjectDoc};

/// What every entity has: its slug, its file, where its body is.
#[derive(Debug, Clone)]
pub struct Meta {
    pub slug: String,
    pub file: Arc<SourceFile>,
    pub body: Range<usize>,
    pub draft: bool,
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

/// The kinds of content, by folder of `content/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Mooc,
    Parcours,
    Platform,
    Institution,
    Schedule,
    Subject,
    Page,
    Home,
}

impl Kind {
    pub const FOLDERS: [(&'static str, Kind); 7] = [
        ("moocs", Kind::Mooc),
        ("parcours", Kind::Parcours),
        ("platforms", Kind::Platform),
        ("institutions", Kind::Institution),
        ("schedules", Kind::Schedule),
        ("subjects", Kind::Subject),
        ("pages", Kind::Page),
    ];

    pub fn folder(self) -> &'static str {
        Kind::FOLDERS.iter().find(|(_, k)| *k == self).map_or("", |(f, _)| f)
    }
}

/// One parsed file.
#[derive(Debug, Clone)]
pub enum Entity {
    Mooc(Box<Mooc>),
    Parcours(Parcours),
    Platform(Platform),
    Institution(Institution),
    Schedule(Schedule),
    Subject(SubjectDoc),
    Page(Page),
    Home(Page),
}

impl Entity {
    pub fn kind(&self) -> Kind {
        match self {
            Entity::Mooc(_) => Kind::Mooc,
            Entity::Parcours(_) => Kind::Parcours,
            Entity::Platform(_) => Kind::Platform,
            Entity::Institution(_) => Kind::Institution,
            Entity::Schedule(_) => Kind::Schedule,
            Entity::Subject(_) => Kind::Subject,
            Entity::Page(_) => Kind::Page,
            Entity::Home(_) => Kind::Home,
        }
    }

    pub fn meta(&self) -> &Meta {
        match self {
            Entity::Mooc(m) => &m.meta,
            Entity::Parcours(e) => &e.meta,
            Entity::Platform(e) => &e.meta,
            Entity::Institution(e) => &e.meta,
            Entity::Schedule(e) => &e.meta,
            Entity::Subject(e) => &e.meta,
            Entity::Page(e) | Entity::Home(e) => &e.meta,
        }
    }
}

/// Everything under `content/`, parsed, drafts not yet filtered.
#[derive(Debug, Default)]
pub struct Loaded {
    pub home: Option<Page>,
    pub moocs: Vec<Mooc>,
    pub parcours: Vec<Parcours>,
    pub platforms: Vec<Platform>,
    pub institutions: Vec<Institution>,
    pub schedules: Vec<Schedule>,
    pub subjects: Vec<SubjectDoc>,
    pub pages: Vec<Page>,
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
            continue;
        }
        match entity {
            Entity::Mooc(m) => loaded.moocs.push(*m),
            Entity::Parcours(e) => loaded.parcours.push(e),
            Entity::Platform(e) => loaded.platforms.push(e),
            Entity::Institution(e) => loaded.institutions.push(e),
            Entity::Schedule(e) => loaded.schedules.push(e),
            Entity::Subject(e) => loaded.subjects.push(e),
            Entity::Page(e) => loaded.pages.push(e),
            Entity::Home(e) => loaded.home = Some(e),
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
            out.push(Diagnostic::file_error(
                &display_path(root, &content),
                format!("cannot read the content folder: {e}"),
            ));
            return found;
        }
    };
    for (path, is_dir) in entries {
        let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if is_dir {
            match Kind::FOLDERS.iter().find(|(f, _)| *f == name) {
                Some((_, kind)) => walk_kind(root, &path, *kind, config, out, &mut found),
                None => out.push(
                    Diagnostic::file_error(
                        &display_path(root, &path),
                        format!("`content/{name}/` is not a kind of content vitrine knows; it is ignored"),
                    )
                    .with_hint(kind_hint(&name))
                    .into_warning(),
                ),
            }
            continue;
        }
        match split_name(&name, config) {
            Some((stem, lang)) if stem == "_index" => {
                found.push(Found { kind: Kind::Home, path, slug: String::new(), lang, bundle: None })
            }
            _ => out.push(
                Diagnostic::file_error(
                    &display_path(root, &path),
                    "this file is not in a content folder; it is ignored",
                )
                .with_hint(
                    "move it to content/moocs/, content/pages/, … (only `_index.md` belongs at the top of content/)",
                )
                .into_warning(),
            ),
        }
    }
    let entries: Vec<(&str, &Path, &str, Option<&str>)> =
        found.iter().map(|f| (f.kind.folder(), f.path.as_path(), f.slug.as_str(), f.lang.as_deref())).collect();
    out.extend(source::clashes(&entries, |p| display_path(root, p)));
    found
}

fn kind_hint(name: &str) -> String {
    let folders = Kind::FOLDERS.iter().map(|(f, _)| *f);
    crate::diagnostic::did_you_mean(name, folders).unwrap_or_else(|| {
        "the folders are moocs, parcours, platforms, institutions, schedules, subjects, pages".into()
    })
}

fn walk_kind(root: &Path, dir: &Path, kind: Kind, config: &Config, out: &mut Out, found: &mut Vec<Found>) {
    let entries = match sorted_entries(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push(Diagnostic::file_error(&display_path(root, dir), format!("cannot read this folder: {e}")));
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
                Diagnostic::file_error(
                    &display_path(root, &path),
                    "only Markdown files (`.md`) are read here; this file is ignored",
                )
                .with_hint("put images in a bundle folder next to its `index.md`, or in static/")
                .into_warning(),
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
            Diagnostic::file_error(
                &display_path(root, dir),
                "this folder has no `index.md`, so it is not a bundle; it is ignored",
            )
            .with_hint(format!("a bundle is `{slug}/index.md` with its images beside it"))
            .into_warning(),
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
            Diagnostic::file_error(
                &display_path(root, path),
                format!("`{slug}` is a name Windows keeps for a device: the page's folder cannot exist there"),
            )
            .with_hint(format!("rename it, e.g. `{slug}-1` or a longer name")),
        );
    }
    if common::is_slug(slug) {
        return;
    }
    let fixed = common::slugify(slug);
    out.push(
        Diagnostic::file_error(
            &display_path(root, path),
            format!("`{slug}` is not a valid slug (file names use a-z, 0-9 and single dashes)"),
        )
        .with_hint(format!("rename it to `{fixed}`")),
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

/// A TOML syntax error, positioned in the file.
pub fn toml_error(file: &Arc<SourceFile>, offset: usize, e: &toml::de::Error) -> Diagnostic {
    let span = e.span().map_or(offset..offset, |s| s.start + offset..s.end + offset);
    let msg = e.message().trim().trim_end_matches('.').to_string();
    // Offset 0 is a whole TOML file (vitrine.toml), not a front matter.
    let what = if offset == 0 { "this file" } else { "the front matter" };
    let mut d = Diagnostic::error(file, span, format!("{what} is not valid TOML: {msg}"));
    if msg.contains("duplicate key") {
        d = d.with_hint("each key is written once: remove one of the two lines, or merge their values");
    } else if msg.contains("string") || msg.contains("invalid") || msg.contains("expected") {
        d = d
            .with_hint("text values need straight double quotes: `title = \"Mon MOOC\"`; dates are written 2024-04-08");
    }
    d
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
    let fields = Fields::new(&file, split.front.start, table.get_ref(), common::head_span(&file.text));
    // A translation only overrides text: its structural keys come from the
    // default-language file (checked in `resolve`), so none is required.
    let fields = if f.lang.is_some() { fields.partial() } else { fields };
    let meta = Meta {
        slug: f.slug.clone(),
        file: Arc::clone(&file),
        body: split.body,
        draft: false,
        bundle: f.bundle.clone(),
        lang: f.lang.clone(),
    };
    let meta = Meta { draft: f.kind != Kind::Home && fields.bool("draft", out).unwrap_or(false), ..meta };
    Some(match f.kind {
        Kind::Mooc => Entity::Mooc(Box::new(mooc::parse(&fields, meta, out))),
        Kind::Parcours => Entity::Parcours(others::parcours(&fields, meta, out)),
        Kind::Platform => Entity::Platform(others::platform(&fields, meta, out)),
        Kind::Institution => Entity::Institution(others::institution(&fields, meta, out)),
        Kind::Schedule => Entity::Schedule(others::schedule(&fields, meta, out)),
        Kind::Subject => Entity::Subject(others::subject(&fields, meta, out)),
        Kind::Page => Entity::Page(others::page(&fields, meta, out)),
        Kind::Home => Entity::Home(others::home(&fields, meta, out)),
    })
}
