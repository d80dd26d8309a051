//! Which pages a build renders, and the dependency graph that lets
//! `vitrine serve` render only the pages an edit makes stale.
//!
//! Every page has a [`Job`] (its kind of page, `pages/`, and its position
//! among the kind's pages) and a [`Key`] (the same page named by what it
//! shows, which survives an edit that moves positions). A rebuild compares
//! the previous catalogue with the new one ([`plan`]):
//!
//! - when only MOOC files changed (their text, sessions, translations…), the
//!   stale pages are those that show one of the changed MOOCs, before or
//!   after the edit: each kind of page says which of its pages show a MOOC
//!   (`PageKind::showing`): its own page, the pages of its platform,
//!   institutions, subjects, parcours, schedules (it is one of their rows),
//!   languages and level, the home page and the open-now list when it is
//!   featured or open for enrolment; and every page of the full list (a new
//!   title moves it and shifts the pages in between) and the schedules'
//!   index;
//! - anything else (another kind of content, a MOOC created, deleted,
//!   renamed or made a draft, a subject label changed) renders every page:
//!   links, menus and labels on every page may have changed.
//!
//! A change to templates only ([`changed_templates`]) renders the pages
//! whose template is one of them, or extends, includes or imports one of
//! them; a change to the templates of cards (which every list shows), to
//! the UI strings, static files or `vitrine.toml` renders every page.
//!
//! The search index, the sitemap and the files that are not pages are made
//! again on every rebuild; the catalogue page, which names the index files
//! by their hash, too.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::load::{Kind, Meta};
use crate::render::pages::{PageKind, Showing, Shows, KINDS};
use crate::render::paging;
use crate::render::theme::Theme;
use crate::resolve::Catalogue;

/// A page, by its kind and what it shows (a slug, a page number), which
/// survives an edit that moves positions in the catalogue. Kept on disk by
/// `vitrine build` (`render::records`) as the kind's name and the page's.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    /// The name of its kind in [`KINDS`].
    pub kind: &'static str,
    /// The name of the page among those of its kind ([`PageKind::pages`]).
    pub name: String,
}

impl Key {
    /// The full list with the search form (`/moocs/`), which names the
    /// search index files: rendered on every build, after the index.
    pub fn catalogue() -> Key {
        Key { kind: "catalogue", name: String::new() }
    }
}

/// A page to render: its kind, and its position among the kind's pages.
#[derive(Clone, Copy)]
pub struct Job {
    pub kind: &'static dyn PageKind,
    pub index: usize,
}

/// Every page of one language, the catalogue page (`/moocs/`) aside, with
/// its key, kind by kind.
pub fn jobs(cat: &Catalogue) -> Vec<(Key, Job)> {
    let mut jobs = Vec::new();
    for &(kind_name, kind) in KINDS {
        let names = kind.pages(cat).into_iter().enumerate();
        jobs.extend(names.map(|(index, name)| (Key { kind: kind_name, name }, Job { kind, index })));
    }
    jobs
}

/// What a rebuild renders.
#[derive(Debug, PartialEq, Eq)]
pub enum Plan {
    /// Every page.
    All,
    /// The pages with these keys (in every language), and the pages that
    /// did not exist before; the others are kept as they were.
    Only(HashSet<Key>),
}

impl Plan {
    pub fn wants(&self, key: &Key) -> bool {
        match self {
            Plan::All => true,
            Plan::Only(keys) => keys.contains(key),
        }
    }
}

/// What must be rendered again to go from `old` to `new`. Files are told
/// apart by identity: the loader hands out the same `Arc` for a file that
/// did not change, so an entity whose files are all the same objects did
/// not change. `pictures`: the entities whose pictures changed (an image
/// file edited, `images::Pictures::changed_owners`), as if their files had.
pub fn plan(old: &Catalogue, new: &Catalogue, pictures: &[(Kind, String)]) -> Plan {
    let (before, after) = (moocs(old), moocs(new));
    if old.today != new.today
        || others(old) != others(new)
        || subjects(old) != subjects(new)
        || !before.keys().eq(after.keys())
        || pictures.iter().any(|(kind, _)| *kind != Kind::Mooc)
    {
        return Plan::All;
    }
    let mut changed: Vec<&str> =
        after.iter().filter(|(slug, files)| before.get(*slug) != Some(*files)).map(|(s, _)| *s).collect();
    changed.extend(pictures.iter().map(|(_, slug)| slug.as_str()));
    stale(&changed, &Shown::of(old), &Shown::of(new), new)
}

/// The pages of every kind that show one of the `changed` MOOCs before the
/// edit (`before`) or after it (`after`, of the catalogue `new`).
pub fn stale(changed: &[&str], before: &Shown, after: &Shown, new: &Catalogue) -> Plan {
    let mut keys = HashSet::new();
    for slug in changed {
        before.keys(slug, new, &mut keys);
        after.keys(slug, new, &mut keys);
    }
    Plan::Only(keys)
}

/// Which pages show each MOOC of a catalogue, by its slug
/// ([`PageKind::showing`] of every kind): what [`plan`] compares before and
/// after an edit, and what `vitrine build` keeps for its next build
/// (`render::records`).
#[derive(Default, Serialize, Deserialize)]
pub struct Shown {
    /// The kinds whose every page shows every MOOC.
    every: Vec<KindName>,
    /// The pages that show every MOOC, of the other kinds.
    every_page: Vec<Key>,
    /// For each MOOC, what shows it.
    moocs: HashMap<String, Showers>,
}

/// What shows one MOOC.
#[derive(Default, Serialize, Deserialize)]
struct Showers {
    /// These pages.
    pages: Vec<Key>,
    /// Every page of these lists (a [`Key`] names the list).
    lists: Vec<Key>,
    /// Every page of these kinds.
    kinds: Vec<KindName>,
}

impl Shown {
    pub fn of(cat: &Catalogue) -> Shown {
        let showing: Vec<(&'static str, Showing)> =
            KINDS.par_iter().map(|&(name, kind)| (name, kind.showing(cat))).collect();
        let mut per_mooc: Vec<Showers> = Vec::new();
        per_mooc.resize_with(cat.content.moocs.len(), Default::default);
        let (mut every, mut every_page) = (Vec::new(), Vec::new());
        for (kind, showing) in showing {
            let each = match showing {
                Showing::Every => {
                    every.push(KindName(kind));
                    continue;
                }
                Showing::None => continue,
                Showing::Pages(names) => {
                    every_page.extend(names.into_iter().map(|name| Key { kind, name }));
                    continue;
                }
                Showing::Each(each) => each,
            };
            for (showers, shows) in per_mooc.iter_mut().zip(each) {
                match shows {
                    Shows::Every => showers.kinds.push(KindName(kind)),
                    Shows::These(names) => showers.pages.extend(names.into_iter().map(|name| Key { kind, name })),
                    Shows::Lists(names) => showers.lists.extend(names.into_iter().map(|name| Key { kind, name })),
                }
            }
        }
        let moocs = cat.content.moocs.iter().map(|m| m.meta.slug.clone()).zip(per_mooc).collect();
        Shown { every, every_page, moocs }
    }

    /// Whether it knows MOOC `slug`.
    pub fn has(&self, slug: &str) -> bool {
        self.moocs.contains_key(slug)
    }

    /// Adds to `keys` the pages that show MOOC `slug`; the pages of a kind
    /// whose every page shows it are those of `cat`.
    fn keys(&self, slug: &str, cat: &Catalogue, keys: &mut HashSet<Key>) {
        let Some(showers) = self.moocs.get(slug) else { return };
        keys.extend(showers.pages.iter().chain(&self.every_page).cloned());
        let page_of = |name: &'static str| KINDS.iter().find(|(n, _)| *n == name).map(|(_, k)| k.pages(cat));
        for &KindName(name) in self.every.iter().chain(&showers.kinds) {
            keys.extend(page_of(name).into_iter().flatten().map(|page| Key { kind: name, name: page }));
        }
        for list in &showers.lists {
            let pages = page_of(list.kind).into_iter().flatten();
            let of_list = pages.filter(|page| paging::in_list(page, &list.name));
            keys.extend(of_list.map(|page| Key { kind: list.kind, name: page }));
        }
    }
}

/// The name of a kind of page.
#[derive(Clone, Copy)]
struct KindName(&'static str);

impl Serialize for KindName {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

/// Read back by name: one of [`KINDS`], or the catalogue page's.
impl<'de> Deserialize<'de> for KindName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<KindName, D::Error> {
        let name = String::deserialize(d)?;
        let catalogue = Key::catalogue().kind;
        let known = KINDS.iter().map(|(n, _)| *n).chain([catalogue]).find(|n| *n == name);
        known.map(KindName).ok_or_else(|| serde::de::Error::custom(format!("no kind of page is named `{name}`")))
    }
}

/// A page's key on disk: its kind's name, then its own.
impl Serialize for Key {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (KindName(self.kind), &self.name).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Key, D::Error> {
        let (KindName(kind), name) = <(KindName, String)>::deserialize(d)?;
        Ok(Key { kind, name })
    }
}

/// Identity of a file, for comparisons (the `Arc` is kept alive by the
/// catalogue that holds it, so the address is not reused meanwhile).
fn id(meta: &Meta) -> usize {
    Arc::as_ptr(&meta.file) as usize
}

/// Each MOOC's files: its own and its translations'.
fn moocs(cat: &Catalogue) -> std::collections::BTreeMap<&str, Vec<usize>> {
    let mut map: std::collections::BTreeMap<&str, Vec<usize>> =
        cat.content.moocs.iter().map(|m| (m.meta.slug.as_str(), vec![id(&m.meta)])).collect();
    for t in cat.translations.iter().filter(|e| e.kind() == Kind::Mooc) {
        if let Some(files) = map.get_mut(t.meta().slug.as_str()) {
            files.push(id(t.meta()));
        }
    }
    map
}

/// The files of everything that is not a MOOC.
fn others<'a>(cat: &'a Catalogue) -> BTreeSet<(usize, &'a str)> {
    let mut set = BTreeSet::new();
    let mut add = |meta: &'a Meta| {
        set.insert((id(meta), meta.slug.as_str()));
    };
    cat.content.every().filter(|e| e.kind() != Kind::Mooc).for_each(|e| add(e.meta()));
    cat.translations.iter().filter(|e| e.kind() != Kind::Mooc).for_each(|e| add(e.meta()));
    set
}

/// Subjects and their labels: a MOOC edit that renames one (labels come
/// from MOOCs when no subject file gives them) changes every page that
/// shows the subject.
fn subjects(cat: &Catalogue) -> Vec<(&str, &str, &std::collections::BTreeMap<String, String>)> {
    cat.subjects.iter().map(|s| (s.slug.as_str(), s.label.as_str(), &s.labels)).collect()
}

/// The templates that make cards, which lists of every kind show.
const CARD_TEMPLATES: [&str; 2] = ["card.html", "cards.html"];

/// The templates whose output may differ from `old` to `new`: those whose
/// source changed (or appeared, or went), and those that extend or include
/// one of them, however indirectly. `None` when more than templates
/// changed (UI strings, static files), or card templates did, or a template
/// that defines components (`components.html`): any template may call a
/// component, so every page may then differ.
pub fn changed_templates(old: &Theme, new: &Theme) -> Option<HashSet<String>> {
    if old.strings != new.strings || old.statics != new.statics || old.card_font.1 != new.card_font.1 {
        return None;
    }
    let names: BTreeSet<&String> = old.sources.keys().chain(new.sources.keys()).collect();
    let mut changed: HashSet<String> =
        names.into_iter().filter(|n| old.sources.get(*n) != new.sources.get(*n)).cloned().collect();
    let sources = |n: &String| [old.sources.get(n), new.sources.get(n)].into_iter().flatten();
    if changed.iter().flat_map(sources).any(|s| defines_components(s)) {
        return None;
    }
    // Who uses whom, in the new theme.
    let mut users: HashMap<String, Vec<&str>> = HashMap::new();
    for (name, source) in &new.sources {
        match used_templates(source) {
            Some(used) => used.into_iter().for_each(|u| users.entry(u).or_default().push(name)),
            None => return None,
        }
    }
    let mut todo: Vec<String> = changed.iter().cloned().collect();
    while let Some(name) = todo.pop() {
        for user in users.get(&name).into_iter().flatten() {
            if changed.insert(user.to_string()) {
                todo.push(user.to_string());
            }
        }
    }
    (!CARD_TEMPLATES.iter().any(|c| changed.contains(*c))).then_some(changed)
}

/// The tags of a template (`{% … %}`), from their name on.
fn tags(source: &str) -> impl Iterator<Item = &str> {
    source.split("{%").skip(1).map(|tag| tag.trim_start_matches('-').trim_start())
}

/// Whether a template defines a component (`{% component name(…) %}`).
fn defines_components(source: &str) -> bool {
    tags(source).any(|tag| tag.strip_prefix("component").is_some_and(|rest| rest.starts_with(char::is_whitespace)))
}

/// The templates a template names in `extends` and `include` tags; `None`
/// when it names one in a way this does not read (a list of templates, a
/// variable), so that the caller renders everything.
fn used_templates(source: &str) -> Option<Vec<String>> {
    let mut used = Vec::new();
    for tag in tags(source) {
        let Some(rest) = ["extends", "include"].iter().find_map(|k| tag.strip_prefix(k)) else { continue };
        let rest = rest.trim_start();
        let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let name = rest[1..].split(quote).next()?;
        used.push(name.to_string());
    }
    Some(used)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_templates_a_template_uses() {
        let source = r#"{% extends "base.html" %}{%- include 'card.html' -%}{{ <badge s={x}/> }}{% if x %}"#;
        assert_eq!(used_templates(source), Some(vec!["base.html".into(), "card.html".into()]));
        assert_eq!(used_templates(r#"{% include ["a.html", "b.html"] %}"#), None);
    }

    #[test]
    fn tells_templates_that_define_components() {
        assert!(defines_components("{#- x -#}\n{%- component badge(s) -%}<b>{{ s }}</b>{%- endcomponent badge %}"));
        assert!(!defines_components(r#"{% extends "base.html" %}{{ <badge s={x}/> }}{% set components = 1 %}"#));
    }
}
