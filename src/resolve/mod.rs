//! Resolve: references between entities by slug, the rules that span
//! several entities (institution cycles, aliases, drafts), statuses as of
//! today, and the reverse indices pages need (the MOOCs of a platform, the
//! parcours of a MOOC, …). The result, a [`Catalogue`], is immutable.

mod refs;
mod schedules;
mod translations;

pub use refs::normalize_alias;

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;

use crate::base::slug::slugify;
use crate::calendar::period::When;
use crate::calendar::status::{self, SessionDates, Status};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Out};
use crate::load::{Entity, Institution, Kind, Loaded, Mooc, Page, Parcours, Platform, Schedule, SubjectDoc};

/// A subject page: every MOOC labelled with it.
#[derive(Debug, Clone)]
pub struct Subject {
    pub slug: String,
    /// In the default language: the `title` of `subjects/<slug>.md`, else
    /// the label of the first MOOC (by slug) that has the subject.
    pub label: String,
    /// Labels in other languages given by MOOC translations (`subjects` of
    /// `x.en.md`), by language code: the first MOOC (by slug) wins. A
    /// `subjects/<slug>.<lang>.md` file, when there is one, wins over them.
    pub labels: BTreeMap<String, String>,
    pub doc: Option<SubjectDoc>,
    pub moocs: Vec<usize>,
}

/// What "today" means for one MOOC.
#[derive(Debug, Clone)]
pub struct MoocState {
    pub status: Status,
    pub sessions: Vec<Status>,
    /// The most relevant session (the one shown as "next").
    pub next: Option<usize>,
}

/// The whole site, checked and cross-referenced. Index fields refer to
/// positions in the entity vectors, which are sorted by slug.
#[derive(Debug)]
pub struct Catalogue {
    pub config: Config,
    pub today: Date,
    pub home: Option<Page>,
    pub moocs: Vec<Mooc>,
    pub parcours: Vec<Parcours>,
    pub platforms: Vec<Platform>,
    pub institutions: Vec<Institution>,
    pub schedules: Vec<Schedule>,
    pub subjects: Vec<Subject>,
    pub pages: Vec<Page>,
    pub translations: Vec<Entity>,
    pub states: Vec<MoocState>,
    /// For each MOOC, the parcours it is in, with whether it is core there.
    pub mooc_parcours: Vec<Vec<(usize, bool)>>,
    /// For each MOOC, the subject of each of its `subjects` labels, in the
    /// file's order (`None` for a label that makes no slug).
    pub mooc_subjects: Vec<Vec<Option<usize>>>,
    pub platform_moocs: Vec<Vec<usize>>,
    pub institution_moocs: Vec<Vec<usize>>,
    pub institution_children: Vec<Vec<usize>>,
    pub index: Index,
}

/// Slug -> position, for every kind.
#[derive(Debug, Default)]
pub struct Index {
    pub moocs: HashMap<String, usize>,
    pub parcours: HashMap<String, usize>,
    pub platforms: HashMap<String, usize>,
    pub institutions: HashMap<String, usize>,
    pub schedules: HashMap<String, usize>,
    pub subjects: HashMap<String, usize>,
    pub pages: HashMap<String, usize>,
}

fn index_of<T>(items: &[T], slug: impl Fn(&T) -> &str) -> HashMap<String, usize> {
    items.iter().enumerate().map(|(i, t)| (slug(t).to_string(), i)).collect()
}

/// Builds the catalogue. Drafts are dropped unless `drafts`; references to
/// them are then errors that say so.
pub fn resolve(mut loaded: Loaded, config: Config, today: Date, drafts: bool, out: &mut Out) -> Catalogue {
    let draft_slugs = refs::DraftSlugs::collect(&loaded);
    if !drafts {
        loaded.moocs.retain(|e| !e.meta.draft);
        loaded.parcours.retain(|e| !e.meta.draft);
        loaded.platforms.retain(|e| !e.meta.draft);
        loaded.institutions.retain(|e| !e.meta.draft);
        loaded.schedules.retain(|e| !e.meta.draft);
        loaded.subjects.retain(|e| !e.meta.draft);
        loaded.pages.retain(|e| !e.meta.draft);
        loaded.translations.retain(|e| !e.meta().draft && !draft_slugs.contains(e.kind(), &e.meta().slug));
    }
    refs::duplicates(&mut loaded, out);
    loaded.moocs.sort_by(|a, b| a.meta.slug.cmp(&b.meta.slug));
    loaded.parcours.sort_by(|a, b| a.meta.slug.cmp(&b.meta.slug));
    loaded.platforms.sort_by(|a, b| a.meta.slug.cmp(&b.meta.slug));
    loaded.institutions.sort_by(|a, b| a.meta.slug.cmp(&b.meta.slug));
    loaded.schedules.sort_by(|a, b| a.meta.slug.cmp(&b.meta.slug));
    loaded.pages.sort_by(|a, b| (a.weight, &a.meta.slug).cmp(&(b.weight, &b.meta.slug)));

    let mut subjects = subjects(&loaded.moocs, std::mem::take(&mut loaded.subjects), out);
    let index = Index {
        moocs: index_of(&loaded.moocs, |m| &m.meta.slug),
        parcours: index_of(&loaded.parcours, |p| &p.meta.slug),
        platforms: index_of(&loaded.platforms, |p| &p.meta.slug),
        institutions: index_of(&loaded.institutions, |p| &p.meta.slug),
        schedules: index_of(&loaded.schedules, |p| &p.meta.slug),
        subjects: index_of(&subjects, |s| &s.slug),
        pages: index_of(&loaded.pages, |p| &p.meta.slug),
    };
    let checker = refs::Checker { index: &index, drafts: &draft_slugs };
    checker.check_all(&loaded, out);
    refs::institution_cycles(&loaded.institutions, &index, out);
    let subject_slugs: Vec<String> = subjects.iter().map(|s| s.slug.clone()).collect();
    refs::aliases_and_paths(&loaded, &subject_slugs, &config.languages, out);
    refs::orphan_translations(&loaded.translations, &index, out);
    translations::check(&loaded, &subjects, out);
    translations::subject_labels(&loaded, &index, &mut subjects);
    schedules::empty_rows(&loaded, &index, out);
    schedules::sessions_outside(&loaded, &index, out);

    let states = loaded.moocs.iter().map(|m| state(m, today)).collect();
    let mut mooc_parcours = vec![Vec::new(); loaded.moocs.len()];
    for (pi, p) in loaded.parcours.iter().enumerate() {
        for m in &p.moocs {
            if let Some(&mi) = index.moocs.get(&m.value) {
                let core = p.core.iter().any(|c| c.value == m.value);
                mooc_parcours[mi].push((pi, core));
            }
        }
    }
    let mooc_subjects = loaded
        .moocs
        .iter()
        .map(|m| m.subjects.iter().map(|s| index.subjects.get(&slugify(&s.value)).copied()).collect())
        .collect();
    let mut platform_moocs = vec![Vec::new(); loaded.platforms.len()];
    let mut institution_moocs = vec![Vec::new(); loaded.institutions.len()];
    for (mi, m) in loaded.moocs.iter().enumerate() {
        let mut platforms: Vec<usize> = m
            .platform
            .iter()
            .chain(m.sessions.iter().filter_map(|s| s.platform.as_ref()))
            .filter_map(|p| index.platforms.get(&p.value).copied())
            .collect();
        platforms.sort_unstable();
        platforms.dedup();
        for p in platforms {
            platform_moocs[p].push(mi);
        }
        for i in &m.institutions {
            if let Some(&ii) = index.institutions.get(&i.value) {
                if !institution_moocs[ii].contains(&mi) {
                    institution_moocs[ii].push(mi);
                }
            }
        }
    }
    let mut institution_children = vec![Vec::new(); loaded.institutions.len()];
    for (ci, inst) in loaded.institutions.iter().enumerate() {
        if let Some(&pi) = inst.parent.as_ref().and_then(|p| index.institutions.get(&p.value)) {
            if pi != ci {
                institution_children[pi].push(ci);
            }
        }
    }
    Catalogue {
        config,
        today,
        home: loaded.home,
        moocs: loaded.moocs,
        parcours: loaded.parcours,
        platforms: loaded.platforms,
        institutions: loaded.institutions,
        schedules: loaded.schedules,
        subjects,
        pages: loaded.pages,
        translations: loaded.translations,
        states,
        mooc_parcours,
        mooc_subjects,
        platform_moocs,
        institution_moocs,
        institution_children,
        index,
    }
}

/// Statuses of a MOOC's sessions and of the MOOC.
pub fn state(m: &Mooc, today: Date) -> MoocState {
    let sessions: Vec<(Status, Date)> = m
        .sessions
        .iter()
        .map(|s| {
            let dates = SessionDates {
                start: s.start.value,
                end: s.end.as_ref().map(|d| d.value),
                enrollment_start: s.enrollment_start.as_ref().map(|d| d.value),
                enrollment_end: s.enrollment_end.as_ref().map(|d| d.value),
                self_paced: s.self_paced,
                cancelled: s.cancelled,
            };
            let start = match s.start.value {
                When::Date(d) => d,
                When::Period(p) => p.first_day(),
            };
            (status::session_status(&dates, today), start)
        })
        .collect();
    MoocState {
        status: status::mooc_status(&sessions),
        next: status::most_relevant(&sessions),
        sessions: sessions.into_iter().map(|(s, _)| s).collect(),
    }
}

/// Subjects from the MOOCs' labels; `content/subjects/` files describe them.
fn subjects(moocs: &[Mooc], docs: Vec<SubjectDoc>, out: &mut Out) -> Vec<Subject> {
    let mut by_slug: BTreeMap<String, Subject> = BTreeMap::new();
    for (mi, m) in moocs.iter().enumerate() {
        for label in &m.subjects {
            let slug = slugify(&label.value);
            if slug.is_empty() {
                continue;
            }
            let s = by_slug.entry(slug.clone()).or_insert_with(|| Subject {
                slug,
                label: label.value.trim().to_string(),
                labels: BTreeMap::new(),
                doc: None,
                moocs: Vec::new(),
            });
            if !s.moocs.contains(&mi) {
                s.moocs.push(mi);
            }
        }
    }
    for doc in docs {
        match by_slug.get_mut(&doc.meta.slug) {
            Some(s) => {
                s.label = doc.title.clone();
                s.doc = Some(doc);
            }
            None => {
                let known: Vec<&str> = by_slug.keys().map(String::as_str).collect();
                let mut d = Diagnostic::warning(
                    &doc.meta.file,
                    crate::load::common::head_span(&doc.meta.file.text),
                    format!("no MOOC has the subject `{}`, so this subject page is empty", doc.meta.slug),
                );
                if let Some(h) = crate::diagnostic::did_you_mean(&doc.meta.slug, known) {
                    d = d.with_hint(h);
                }
                out.push(d);
                let slug = doc.meta.slug.clone();
                by_slug.insert(
                    slug.clone(),
                    Subject {
                        slug,
                        label: doc.title.clone(),
                        labels: BTreeMap::new(),
                        doc: Some(doc),
                        moocs: Vec::new(),
                    },
                );
            }
        }
    }
    by_slug.into_values().collect()
}

/// Entities without a translation file, per other language: `(lang, file)`,
/// sorted. A report for writers, not a problem.
pub fn missing_translations(cat: &Catalogue) -> Vec<(String, std::path::PathBuf)> {
    let translated: std::collections::HashSet<(Kind, &str, &str)> = cat
        .translations
        .iter()
        .filter_map(|e| Some((e.kind(), e.meta().slug.as_str(), e.meta().lang.as_deref()?)))
        .collect();
    let metas = cat
        .home
        .iter()
        .map(|h| (Kind::Home, &h.meta))
        .chain(cat.moocs.iter().map(|e| (Kind::Mooc, &e.meta)))
        .chain(cat.parcours.iter().map(|e| (Kind::Parcours, &e.meta)))
        .chain(cat.platforms.iter().map(|e| (Kind::Platform, &e.meta)))
        .chain(cat.institutions.iter().map(|e| (Kind::Institution, &e.meta)))
        .chain(cat.schedules.iter().map(|e| (Kind::Schedule, &e.meta)))
        .chain(cat.subjects.iter().filter_map(|s| s.doc.as_ref()).map(|d| (Kind::Subject, &d.meta)))
        .chain(cat.pages.iter().map(|e| (Kind::Page, &e.meta)));
    let mut out = Vec::new();
    for (kind, meta) in metas {
        for lang in cat.config.languages.iter().filter(|l| **l != cat.config.default_language) {
            if !translated.contains(&(kind, meta.slug.as_str(), lang.as_str())) {
                out.push((lang.clone(), meta.file.path.clone()));
            }
        }
    }
    out.sort();
    out
}
