//! The values several kinds of page share, made from the catalogue in one
//! language: dates, labelled keys, languages, links to entities, images,
//! and MOOC sessions. Their shapes are in `values.rs` (`docs/templates.md`,
//! "Shapes"); what only one kind of page shows is made in its own file.

use jiff::civil::Date;

use crate::base::fields::Sp;
use crate::calendar::format::group_thousands;
use crate::calendar::period::When;
use crate::calendar::status::Status;
use crate::load::{EntityKind, Institution, Meta};
use crate::render::context::Context;
use crate::render::values::{DateValue, Image, Keyed, Language, Link, Session};

pub fn date(ctx: &Context, d: Date) -> DateValue {
    DateValue { iso: d.to_string(), label: ctx.words.date(d) }
}

/// A key and its label from the table `table` of the UI strings.
pub fn keyed(ctx: &Context, table: &str, key: &str) -> Keyed {
    Keyed { key: key.to_string(), label: ctx.label(table, key) }
}

pub fn status(ctx: &Context, s: Status) -> Keyed {
    keyed(ctx, "status", s.key())
}

pub fn language(ctx: &Context, code: &str) -> Language {
    Language { code: code.to_string(), label: ctx.label("language", code) }
}

/// A link to the page of an entity, titled in this language.
pub fn link<'a, T: EntityKind>(ctx: &Context<'a>, e: &'a T) -> Link {
    let slug = &e.meta().slug;
    Link { slug: slug.clone(), title: ctx.lang.text(e).title.to_string(), url: ctx.url(&T::KIND.page_path(slug)) }
}

/// Links to the institutions named by `slugs` that exist.
pub fn institution_links(ctx: &Context, slugs: &[Sp<String>]) -> Vec<Link> {
    let institutions = &ctx.cat.content.institutions;
    slugs.iter().filter_map(|s| institutions.get(&s.value)).map(|i: &Institution| link(ctx, i)).collect()
}

/// A cover or logo `{url, alt, lang}` in this language, or null: the file
/// comes from the default-language entity, the text alternative from its
/// translation when that gives one. `lang` is the language of `alt` when
/// it is not the page's (an untranslated alternative).
pub fn image<'a, T: EntityKind>(ctx: &Context<'a>, e: &'a T) -> Option<Image> {
    let (meta, img) = (e.meta(), e.shown().image?);
    let path = img.path.as_ref()?;
    let translated = ctx.lang.translation::<T>(&meta.slug).and_then(|t| t.shown().image).map(|i| i.alt.as_str());
    let (alt, lang) = match translated.filter(|a| !a.is_empty()) {
        Some(alt) => (alt, ctx.lang.code),
        None => (img.alt.as_str(), ctx.lang.source_lang(T::KIND, &meta.slug)),
    };
    Some(Image {
        url: asset_url(ctx, T::KIND.folder(), meta, &path.value),
        alt: alt.to_string(),
        lang: (lang != ctx.lang.code).then(|| lang.to_string()),
    })
}

/// URL of an image: beside the page for bundles, else from `static/`.
fn asset_url(ctx: &Context, folder: &str, meta: &Meta, path: &str) -> String {
    if path.starts_with("http://") || path.starts_with("https://") {
        return path.to_string();
    }
    let clean = path.trim_start_matches("./").trim_start_matches('/');
    if meta.bundle.is_some() && !path.starts_with('/') {
        format!("{}{folder}/{}/{clean}", ctx.lang.root(), meta.slug)
    } else {
        format!("{}{clean}", ctx.lang.root())
    }
}

/// Session `si` of MOOC `mi` (`docs/templates.md`, "session").
pub fn session(ctx: &Context, mi: usize, si: usize) -> Session {
    let cat = ctx.cat;
    let m = &cat.content.moocs[mi];
    let s = &m.sessions[si];
    let (start, planned) = match s.start.value {
        When::Date(d) => (Some(date(ctx, d)), None),
        When::Period(p) => (None, Some(Keyed { key: p.to_string(), label: ctx.words.period(p) })),
    };
    let status = cat.states[mi].sessions[si];
    let date = |d: &Option<Sp<Date>>| d.as_ref().map(|d| date(ctx, d.value));
    Session {
        id: format!("session-{}", si + 1),
        status: self::status(ctx, status),
        start,
        end: date(&s.end),
        planned,
        pacing: keyed(ctx, "pacing", if s.self_paced { "self" } else { "instructor" }),
        enrollment_start: date(&s.enrollment_start),
        enrollment_end: date(&s.enrollment_end),
        exam_start: date(&s.exam_start),
        exam_end: date(&s.exam_end),
        url: s.url.clone(),
        can_enrol: s.url.is_some() && status.enrolment_ahead(),
        platform: s.platform.as_ref().and_then(|p| cat.content.platforms.get(&p.value)).map(|p| link(ctx, p)),
        cancelled: s.cancelled,
        enrollments: s.enrollments,
        data: session_data(ctx, mi, si),
    }
}

/// The dates a session's status depends on, for the script that
/// recomputes statuses in the visitor's browser (`status.js`):
/// `start,end,enrollment_start,enrollment_end,flags`, ISO dates or
/// empty; flags: 1 self-paced, 2 cancelled, 4 planned period (start and
/// end are then its first and last day).
pub fn session_data(ctx: &Context, mi: usize, si: usize) -> String {
    let s = &ctx.cat.content.moocs[mi].sessions[si];
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
pub fn thousands(ctx: &Context, n: u64) -> String {
    let sep = if ctx.lang.code == "en" { "," } else { "\u{202f}" };
    group_thousands(n, sep)
}
