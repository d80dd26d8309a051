//! The values several kinds of page share, made from the catalogue in one
//! language: dates, labelled keys, languages, links to entities and MOOC
//! sessions (images are in `pictures.rs`). Their shapes are in `values.rs`
//! (`docs/templates.md`, "Shapes"); what only one kind of page shows is
//! made in its own file.

use jiff::civil::Date;

use crate::base::fields::Sp;
use crate::calendar::format::group_thousands;
use crate::calendar::period::When;
use crate::calendar::status::Status;
use crate::i18n::Lang;
use crate::load::{EntityKind, Institution, Parcours};
use crate::render::values::{DateValue, Keyed, Language, Link, Session};

pub fn date(lang: &Lang, d: Date) -> DateValue {
    DateValue { iso: d.to_string(), label: lang.words.date(d) }
}

/// A key and its label from the table `table` of the UI strings.
pub fn keyed(lang: &Lang, table: &str, key: &str) -> Keyed {
    Keyed { key: key.to_string(), label: lang.label(table, key) }
}

pub fn status(lang: &Lang, s: Status) -> Keyed {
    keyed(lang, "status", s.key())
}

pub fn language(lang: &Lang, code: &str) -> Language {
    Language { code: code.to_string(), label: lang.label("language", code) }
}

/// A link to the page of an entity, titled in this language.
pub fn link<'a, T: EntityKind>(lang: &Lang<'a>, e: &'a T) -> Link {
    let slug = &e.meta().slug;
    Link { slug: slug.clone(), title: lang.text(e).title.to_string(), url: lang.url(&T::KIND.page_path(slug)) }
}

/// Links to the institutions named by `slugs` that exist.
pub fn institution_links(lang: &Lang, slugs: &[Sp<String>]) -> Vec<Link> {
    let institutions = &lang.cat.content.institutions;
    slugs.iter().filter_map(|s| institutions.get(&s.value)).map(|i: &Institution| link(lang, i)).collect()
}

/// Session `si` of MOOC `mi` (`docs/templates.md`, "session").
pub fn session(lang: &Lang, mi: usize, si: usize) -> Session {
    let cat = lang.cat;
    let m = &cat.content.moocs[mi];
    let s = &m.sessions[si];
    let (start, planned) = match s.start.value {
        When::Date(d) => (Some(date(lang, d)), None),
        When::Period(p) => (None, Some(Keyed { key: p.to_string(), label: lang.words.period(p) })),
    };
    let status = cat.states[mi].sessions[si];
    let date = |d: &Option<Sp<Date>>| d.as_ref().map(|d| date(lang, d.value));
    Session {
        id: format!("session-{}", si + 1),
        status: self::status(lang, status),
        start,
        end: date(&s.end),
        planned,
        pacing: keyed(lang, "pacing", if s.self_paced { "self" } else { "instructor" }),
        enrollment_start: date(&s.enrollment_start),
        enrollment_end: date(&s.enrollment_end),
        exam_start: date(&s.exam_start),
        exam_end: date(&s.exam_end),
        url: s.url.clone(),
        can_enrol: s.url.is_some() && status.enrolment_ahead(),
        platform: s.platform.as_ref().and_then(|p| cat.content.platforms.get(&p.value)).map(|p| link(lang, p)),
        cancelled: s.cancelled,
        enrollments: s.enrollments,
        data: session_data(lang, mi, si),
    }
}

/// The dates a session's status depends on, for the script that
/// recomputes statuses in the visitor's browser (`status.js`):
/// `start,end,enrollment_start,enrollment_end,flags`, ISO dates or
/// empty; flags: 1 self-paced, 2 cancelled, 4 planned period (start and
/// end are then its first and last day).
pub fn session_data(lang: &Lang, mi: usize, si: usize) -> String {
    let s = &lang.cat.content.moocs[mi].sessions[si];
    let iso = |d: Option<Date>| d.map_or(String::new(), |d| d.to_string());
    let (start, end, planned) = match s.start.value {
        When::Date(d) => (d, s.end.as_ref().map(|e| e.value), false),
        When::Period(p) => (p.first_day(), Some(p.last_day()), true),
    };
    let flags = u8::from(s.self_paced) | (u8::from(s.cancelled) << 1) | (u8::from(planned) << 2);
    format!(
        "{},{},{},{},{flags}",
        start,
        iso(end),
        iso(s.enrollment_start.as_ref().map(|d| d.value)),
        iso(s.enrollment_end.as_ref().map(|d| d.value))
    )
}

/// A whole number with its thousands grouped as the language writes them.
pub fn thousands(lang: &Lang, n: u64) -> String {
    let sep = if lang.code == "en" { "," } else { "\u{202f}" };
    group_thousands(n, sep)
}

/// The rule of parcours `p` in sentences of the `planner` UI strings: how
/// many MOOCs to pass out of how many, and which star MOOCs (none when
/// the parcours needs none).
pub fn parcours_rule(lang: &Lang, p: &Parcours) -> Vec<String> {
    let say = |key: &str| lang.label("planner", key);
    let (required, count) = (p.required_count(), p.moocs.len());
    let mut sentences =
        vec![say("rule_count").replace("{required}", &required.to_string()).replace("{count}", &count.to_string())];
    match (p.core.len() as i64, p.core_required_count()) {
        (0, _) | (_, 0) => {}
        (1, 1) => sentences.push(say("rule_core_one")),
        (c, r) if r == c => sentences.push(say("rule_core_all").replace("{core}", &c.to_string())),
        (c, r) => sentences
            .push(say("rule_core_some").replace("{required}", &r.to_string()).replace("{core}", &c.to_string())),
    }
    sentences
}
