//! What `vitrine build` keeps of its render in the build cache beside the
//! output folder (`render.bin`, `output::incremental`), so that the next
//! build renders only the pages an edit makes stale, as `vitrine serve`
//! does with what it keeps in memory ([`super::plan`]).
//!
//! A build keeps:
//!
//! - a fingerprint of everything but the MOOCs ([`Fingerprint`]): the
//!   vitrine program itself, the options that change pages, the build
//!   date, `vitrine.toml`, the theme's files (`themes/`, `templates/`,
//!   `static/`, `i18n/`), every other content file, bundle and picture, the
//!   subjects. When it differs, every page is rendered;
//! - a hash of each MOOC's files (its own, its translations, its bundle
//!   folder's files, its pictures), by slug;
//! - which pages showed each MOOC ([`Shown`]);
//! - each page it wrote: its files, its entry in the sitemap, its card
//!   images. A page with problems (a dangling link) is not kept, so that
//!   the next build renders it and reports them again, as a clean build
//!   would.
//!
//! The next build renders the pages that show a MOOC whose hash changed,
//! before or after the edit ([`plan::stale`]), the pages it did not keep,
//! and every page when anything else changed or a MOOC was added or
//! removed; the files of the other pages are put in place from the current
//! output ([`crate::output::Sink::keep`]), which must still hold them as
//! the last build wrote them (else everything is rendered). The file is
//! read and removed when a build starts and written once the new output is
//! in place: a build stopped half-way leaves none, and the next one
//! renders everything.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use super::plan::{self, Key, Plan, Shown};
use super::{PageRecord, Rendered};
use crate::images::Pictures;
use crate::load::{Kind, Meta};
use crate::output::manifest::{read_versioned, write_versioned};
use crate::resolve::Catalogue;

/// The version of the saved format, first in the file.
const FORMAT: [u8; 4] = *b"vr01";

/// The pages of the last build a render keeps ([`super::Previous::Pages`]).
#[derive(Default)]
pub struct Pages(pub(super) HashMap<(usize, Key), PageRecord>);

/// What the site is made of, hashed: what tells a build whether it may
/// keep pages of the last one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// Everything but the MOOCs.
    setup: u128,
    /// Each MOOC's files and pictures, by slug.
    moocs: BTreeMap<String, u128>,
}

impl Fingerprint {
    /// The fingerprint of the site at `root` as `cat` and `pictures` hold
    /// it; `options`: what else changes pages (the base URL, drafts,
    /// minifying), as text.
    pub fn of(root: &Path, options: &str, cat: &Catalogue, pictures: &Pictures) -> Fingerprint {
        let mut pictures = pictures.owner_hashes();
        let mut moocs: BTreeMap<String, Xxh3> = cat
            .content
            .moocs
            .par_iter()
            .map(|m| {
                let mut h = Xxh3::new();
                add_file(&mut h, &m.meta);
                (m.meta.slug.clone(), h)
            })
            .collect();
        let mut setup = Xxh3::new();
        add_str(&mut setup, env!("CARGO_PKG_VERSION"));
        add_program(&mut setup);
        add_str(&mut setup, options);
        add_str(&mut setup, &cat.today.to_string());
        for (name, path) in setup_files(root) {
            add_str(&mut setup, &name);
            setup.update(&std::fs::read(&path).unwrap_or_default());
        }
        for e in cat.content.every().filter(|e| e.kind() != Kind::Mooc) {
            add_file(&mut setup, e.meta());
        }
        for t in &cat.translations {
            match moocs.get_mut(t.meta().slug.as_str()).filter(|_| t.kind() == Kind::Mooc) {
                Some(h) => add_file(h, t.meta()),
                None => add_file(&mut setup, t.meta()),
            }
        }
        for s in &cat.subjects {
            add_str(&mut setup, &format!("{}\u{0}{}\u{0}{:?}", s.slug, s.label, s.labels));
        }
        for ((kind, slug), hash) in std::mem::take(&mut pictures) {
            match moocs.get_mut(slug.as_str()).filter(|_| kind == Kind::Mooc) {
                Some(h) => h.update(&hash.to_le_bytes()),
                None => {
                    add_str(&mut setup, &format!("{kind:?}\u{0}{slug}"));
                    setup.update(&hash.to_le_bytes());
                }
            }
        }
        let moocs = moocs.into_iter().map(|(slug, h)| (slug, h.digest128())).collect();
        Fingerprint { setup: setup.digest128(), moocs }
    }
}

/// The files that make the theme and the settings: `vitrine.toml` and
/// everything under `themes/`, `templates/`, `static/` and `i18n/`, by
/// path from the site's root.
fn setup_files(root: &Path) -> Vec<(String, std::path::PathBuf)> {
    let mut files = vec![("vitrine.toml".to_string(), root.join("vitrine.toml"))];
    for folder in ["themes", "templates", "static", "i18n"] {
        let under = super::theme::files_under(&root.join(folder));
        files.extend(under.into_iter().map(|(name, path)| (format!("{folder}/{name}"), path)));
    }
    files
}

/// What the last build kept, read back.
#[derive(Serialize, Deserialize)]
pub struct Records {
    fingerprint: Fingerprint,
    shown: Shown,
    pages: Vec<(usize, Key, PageRecord)>,
}

impl Records {
    /// What a build leaves for the next: its fingerprint, which pages show
    /// each MOOC (`shown`), and the pages `rendered` wrote without problems
    /// (the catalogue page aside, which every build renders).
    pub fn new(fingerprint: Fingerprint, shown: Shown, rendered: &Rendered) -> Records {
        let pages = rendered
            .pages
            .iter()
            .filter(|((_, key), r)| r.problems.is_empty() && *key != Key::catalogue())
            .map(|((l, key), r)| (*l, key.clone(), r.clone()))
            .collect();
        Records { fingerprint, shown, pages }
    }

    /// Reads the records at `path` and removes the file; `None` when there
    /// are none or they cannot be read (an older vitrine's).
    pub fn take(path: &Path) -> Option<Records> {
        let records = read_versioned(path, FORMAT);
        let _ = std::fs::remove_file(path);
        records
    }

    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        write_versioned(self, path, FORMAT)
    }

    /// What to render to go from the last build to `now` (`cat`, whose
    /// MOOCs `shown` shows), and the pages kept: those whose files
    /// `can_keep` (the current output still has them as written).
    /// Everything, keeping nothing, when more than MOOCs changed, or a MOOC
    /// came or went, or a kept file is missing.
    pub fn plan(
        self,
        now: &Fingerprint,
        shown: &Shown,
        cat: &Catalogue,
        can_keep: &(dyn Fn(&str) -> bool + Sync),
    ) -> (Plan, Pages) {
        let everything = (Plan::All, Pages::default());
        let (before, after) = (&self.fingerprint, now);
        if before.setup != after.setup || !before.moocs.keys().eq(after.moocs.keys()) {
            return everything;
        }
        if !self.pages.par_iter().all(|(_, _, page)| page.files.iter().all(|f| can_keep(f))) {
            return everything;
        }
        let changed: Vec<&str> = after
            .moocs
            .iter()
            .filter(|(slug, h)| before.moocs.get(*slug) != Some(*h))
            .map(|(s, _)| s.as_str())
            .collect();
        if changed.iter().any(|slug| !self.shown.has(slug)) {
            return everything;
        }
        let plan = plan::stale(&changed, &self.shown, shown, cat);
        let pages = self.pages.into_iter().map(|(l, key, record)| ((l, key), record));
        (plan, Pages(pages.collect()))
    }
}

/// Adds a content file to a hash: its path, its text, and the files of its
/// bundle folder.
fn add_file(h: &mut Xxh3, meta: &Meta) {
    add_str(h, &meta.file.path.to_string_lossy());
    add_str(h, &meta.file.text);
    if let Some(bundle) = &meta.bundle {
        for entry in walkdir::WalkDir::new(bundle).sort_by_file_name().into_iter().flatten() {
            if entry.file_type().is_file() {
                add_str(h, &entry.path().to_string_lossy());
                h.update(&std::fs::read(entry.path()).unwrap_or_default());
            }
        }
    }
}

/// Adds a string and its end.
fn add_str(h: &mut Xxh3, s: &str) {
    h.update(s.as_bytes());
    h.update(&[0xff]);
}

/// Adds the running program's bytes: another vitrine may render otherwise.
fn add_program(h: &mut Xxh3) {
    let read = |h: &mut Xxh3| -> std::io::Result<()> {
        let mut file = std::fs::File::open(std::env::current_exe()?)?;
        let mut chunk = vec![0; 1 << 20];
        loop {
            match std::io::Read::read(&mut file, &mut chunk)? {
                0 => return Ok(()),
                n => h.update(&chunk[..n]),
            }
        }
    };
    if read(h).is_err() {
        // Unknown: nothing is kept from one build to the next.
        add_str(h, &format!("{:?}", std::time::SystemTime::now()));
    }
}
