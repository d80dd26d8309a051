//! Resolve: references between entities by slug, the rules that span
//! several entities (institution cycles, aliases, drafts), statuses as of
//! today, and the reverse indices pages need (the MOOCs of a platform, the
//! parcours of a MOOC, …). The result, a [`Catalogue`], is immutable.
//!
//! [`resolve`] reads as the list of its steps; every kind of content goes
//! through the same ones (`load::kinds`), and the rules of one kind are in
//! their own file (`schedules.rs`, `subjects.rs`).

mod refs;
mod schedules;
mod subjects;
mod translations;

pub use refs::normalize_alias;
pub use subjects::Subject;

use std::collections::HashMap;

use jiff::civil::Date;

use crate::base::slug::slugify;
use crate::calendar::period::When;
use crate::calendar::status::{self, SessionDates, Status};
use crate::config::Config;
use crate::diagnostic::Out;
use crate::load::{Content, Entity, Home, Kind, Loaded, Mooc, SubjectDoc};

/// What "today" means for one MOOC.
#[derive(Debug, Clone)]
pub struct MoocState {
    pub status: Status,
    pub sessions: Vec<Status>,
    /// The most relevant session (the one shown as "next").
    pub next: Option<usize>,
}

/// The whole site, checked and cross-referenced. Index fields refer to
/// positions on the shelves of `content`, which are sorted by slug (free
/// pages by weight first).
#[derive(Debug)]
pub struct Catalogue {
    pub config: Config,
    pub today: Date,
    /// Every default-language file, kind by kind (`cat.content.moocs`).
    pub content: Content,
    /// Translation files (`<slug>.<lang>.md`).
    pub translations: Vec<Entity>,
    /// Subjects, from the labels of MOOCs, sorted by slug; a subject file
    /// (`content.subject_docs`) describes one.
    pub subjects: Vec<Subject>,
    subject_index: HashMap<String, usize>,
    pub states: Vec<MoocState>,
    /// For each MOOC, the parcours it is in, with whether it is core there.
    pub mooc_parcours: Vec<Vec<(usize, bool)>>,
    /// For each MOOC, the subject of each of its `subjects` labels, in the
    /// file's order (`None` for a label that makes no slug).
    pub mooc_subjects: Vec<Vec<Option<usize>>>,
    pub platform_moocs: Vec<Vec<usize>>,
    pub institution_moocs: Vec<Vec<usize>>,
    pub institution_children: Vec<Vec<usize>>,
}

impl Catalogue {
    /// The position of the entity `slug` of `kind`; for subjects, in
    /// [`Catalogue::subjects`] (a subject exists when a MOOC names it or a
    /// file describes it).
    pub fn position(&self, kind: Kind, slug: &str) -> Option<usize> {
        match kind {
            Kind::Subject => self.subject(slug),
            _ => self.content.shelf(kind).position(slug),
        }
    }

    /// The position of the subject `slug` in [`Catalogue::subjects`].
    pub fn subject(&self, slug: &str) -> Option<usize> {
        self.subject_index.get(slug).copied()
    }

    /// The file that describes a subject, if there is one.
    pub fn subject_doc(&self, s: &Subject) -> Option<&SubjectDoc> {
        s.doc.map(|d| &self.content.subject_docs[d])
    }

    /// The home page's text (`_index.md`), if there is one.
    pub fn home(&self) -> Option<&Home> {
        self.content.home.first()
    }
}

/// Builds the catalogue. Drafts are dropped unless `drafts`; references to
/// them are then errors that say so.
pub fn resolve(loaded: Loaded, config: Config, today: Date, drafts: bool, out: &mut Out) -> Catalogue {
    let Loaded { mut content, mut translations } = loaded;
    let draft_slugs = refs::DraftSlugs::collect(&content);
    if !drafts {
        content.all_mut().into_iter().for_each(|shelf| shelf.retain(&mut |meta| !meta.draft));
        translations.retain(|e| !e.meta().draft && !draft_slugs.contains(e.kind(), &e.meta().slug));
    }
    refs::duplicates(&mut content, &mut translations, out);
    // Subject files are taken in the order they were found (that of the
    // "did you mean" of subjects no MOOC has).
    let found: Vec<String> = content.subject_docs.iter().map(|d| d.meta.slug.clone()).collect();
    content.all_mut().into_iter().for_each(|shelf| shelf.sort());

    let subjects = subjects::subjects(&content.moocs, &content.subject_docs, &found, out);
    let subject_index = subjects.iter().enumerate().map(|(i, s)| (s.slug.clone(), i)).collect();
    let mut cat = Catalogue {
        states: content.moocs.iter().map(|m| state(m, today)).collect(),
        mooc_parcours: Vec::new(),
        mooc_subjects: Vec::new(),
        platform_moocs: Vec::new(),
        institution_moocs: Vec::new(),
        institution_children: Vec::new(),
        config,
        today,
        content,
        translations,
        subjects,
        subject_index,
    };
    cat.mooc_parcours = mooc_parcours(&cat.content);
    cat.mooc_subjects = cat
        .content
        .moocs
        .iter()
        .map(|m| m.subjects.iter().map(|s| cat.subject(&slugify(&s.value))).collect())
        .collect();
    (cat.platform_moocs, cat.institution_moocs) = moocs_of_platforms_and_institutions(&cat.content);
    cat.institution_children = institution_children(&cat.content);

    refs::Checker { cat: &cat, drafts: &draft_slugs }.check_all(out);
    refs::institution_cycles(&cat.content, out);
    refs::aliases_and_paths(&cat, out);
    refs::orphan_translations(&cat, out);
    refs::brochure_parcours(&cat, out);
    translations::check(&cat, out);
    schedules::empty_rows(&cat, out);
    schedules::sessions_outside(&cat, out);
    let labels = subjects::translated_labels(&cat);
    for (si, lang, label) in labels {
        cat.subjects[si].labels.entry(lang).or_insert(label);
    }
    cat
}

/// For each MOOC, the parcours it is in, and whether it is core there.
fn mooc_parcours(content: &Content) -> Vec<Vec<(usize, bool)>> {
    let mut mooc_parcours = vec![Vec::new(); content.moocs.len()];
    for (pi, p) in content.parcours.iter().enumerate() {
        for m in &p.moocs {
            if let Some(mi) = content.moocs.position(&m.value) {
                let core = p.core.iter().any(|c| c.value == m.value);
                mooc_parcours[mi].push((pi, core));
            }
        }
    }
    mooc_parcours
}

/// The MOOCs of each platform (their own, or one of their sessions') and
/// of each institution.
fn moocs_of_platforms_and_institutions(content: &Content) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
    let mut platform_moocs = vec![Vec::new(); content.platforms.len()];
    let mut institution_moocs = vec![Vec::new(); content.institutions.len()];
    for (mi, m) in content.moocs.iter().enumerate() {
        let mut platforms: Vec<usize> = m
            .platform
            .iter()
            .chain(m.sessions.iter().filter_map(|s| s.platform.as_ref()))
            .filter_map(|p| content.platforms.position(&p.value))
            .collect();
        platforms.sort_unstable();
        platforms.dedup();
        for p in platforms {
            platform_moocs[p].push(mi);
        }
        for i in &m.institutions {
            if let Some(ii) = content.institutions.position(&i.value) {
                if !institution_moocs[ii].contains(&mi) {
                    institution_moocs[ii].push(mi);
                }
            }
        }
    }
    (platform_moocs, institution_moocs)
}

/// The institutions whose `parent` each institution is.
fn institution_children(content: &Content) -> Vec<Vec<usize>> {
    let mut children = vec![Vec::new(); content.institutions.len()];
    for (ci, inst) in content.institutions.iter().enumerate() {
        if let Some(pi) = inst.parent.as_ref().and_then(|p| content.institutions.position(&p.value)) {
            if pi != ci {
                children[pi].push(ci);
            }
        }
    }
    children
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

/// Entities without a translation file, per other language: `(lang, file)`,
/// sorted. A report for writers, not a problem.
pub fn missing_translations(cat: &Catalogue) -> Vec<(String, std::path::PathBuf)> {
    let translated: std::collections::HashSet<(Kind, &str, &str)> = cat
        .translations
        .iter()
        .filter_map(|e| Some((e.kind(), e.meta().slug.as_str(), e.meta().lang.as_deref()?)))
        .collect();
    let mut out = Vec::new();
    for e in cat.content.every() {
        let meta = e.meta();
        for lang in cat.config.languages.iter().filter(|l| **l != cat.config.default_language) {
            if !translated.contains(&(e.kind(), meta.slug.as_str(), lang.as_str())) {
                out.push((lang.clone(), meta.file.path.clone()));
            }
        }
    }
    out.sort();
    out
}
