//! `/catalogue.json`: the whole catalogue as data, in the shape of
//! `docs/schema/catalogue-1.json`. Texts are those of the default-language
//! files (`lang` says which language that is), with each translation's
//! texts under `translations`; references are slugs; dates are ISO 8601;
//! statuses are the machine keys of the content model, as of `as_of`.

use std::collections::HashMap;

use rayon::prelude::*;
use serde_json::{json, Map, Value};

use crate::calendar::period::When;
use crate::i18n::Lang;
use crate::load::kinds::Session;
use crate::load::{Entity, EntityKind, Institution, Kind, Mooc, Parcours, Platform, Schedule};
use crate::render::context::Context;
use crate::render::grid;
use crate::render::pages::open_data::VERSION;
use crate::render::structured::absolute;

/// The file's bytes. The MOOCs, most of the file, are made and written
/// out in parallel, each on its own, and put between the keys before them
/// and after them: the bytes are those of the whole object written at once
/// (serde_json sorts an object's keys).
pub fn catalogue(ctx: &Context) -> Vec<u8> {
    let lang = &ctx.lang;
    let cat = lang.cat;
    let cfg = &cat.config;
    let tr = Translations::new(cat);
    let moocs: Vec<Vec<u8>> = (0..cat.content.moocs.len())
        .into_par_iter()
        .map(|i| serde_json::to_vec(&mooc(ctx, &tr, i)).unwrap_or_default())
        .collect();
    let parcours: Vec<Value> = cat.content.parcours.iter().map(|p| parcours_value(lang, &tr, p)).collect();
    let platforms: Vec<Value> = cat.content.platforms.iter().map(|p| platform(lang, &tr, p)).collect();
    let institutions: Vec<Value> = cat.content.institutions.iter().map(|i| institution(lang, &tr, i)).collect();
    let schedules: Vec<Value> = (0..cat.content.schedules.len()).map(|i| schedule(lang, &tr, i)).collect();
    // The keys sorted before "moocs", then those after it.
    let before = json!({
        "$schema": absolute(lang, &format!("{}catalogue-{VERSION}.schema.json", lang.root())),
        "as_of": cat.today,
        "institutions": institutions,
        "licence": cfg.open_data.licence.as_ref().map(|name| json!({"name": name, "url": cfg.open_data.licence_url})),
    });
    let after = json!({
        "parcours": parcours,
        "platforms": platforms,
        "schedules": schedules,
        "site": {
            "title": cfg.title,
            "titles": cfg.languages.iter().map(|l| (l.clone(), json!(cfg.title(l)))).collect::<Map<String, Value>>(),
            "url": absolute(lang, &lang.root()),
            "default_language": cfg.default_language,
            "languages": cfg.languages,
            "timezone": cfg.timezone_name,
        },
        "version": VERSION,
    });
    let (before, after) =
        (serde_json::to_vec(&before).unwrap_or_default(), serde_json::to_vec(&after).unwrap_or_default());
    let mut bytes =
        Vec::with_capacity(before.len() + after.len() + moocs.iter().map(|m| m.len() + 1).sum::<usize>() + 16);
    // `{…}` less its closing brace, the MOOCs, then `{…}` less its opening one.
    bytes.extend_from_slice(&before[..before.len().saturating_sub(1)]);
    bytes.extend_from_slice(b",\"moocs\":[");
    for (n, m) in moocs.iter().enumerate() {
        if n > 0 {
            bytes.push(b',');
        }
        bytes.extend_from_slice(m);
    }
    bytes.extend_from_slice(b"],");
    bytes.extend_from_slice(after.get(1..).unwrap_or_default());
    bytes.push(b'\n');
    bytes
}

/// The translations of every entity, by kind and slug, in the order they
/// were loaded: looked up once per entity rather than searched for.
struct Translations<'a>(HashMap<(Kind, &'a str), Vec<&'a Entity>>);

impl<'a> Translations<'a> {
    fn new(cat: &'a crate::resolve::Catalogue) -> Self {
        let mut map: HashMap<(Kind, &str), Vec<&Entity>> = HashMap::new();
        for t in &cat.translations {
            map.entry((t.kind(), t.meta().slug.as_str())).or_default().push(t);
        }
        Translations(map)
    }

    fn of<'s, T: EntityKind>(&'s self, e: &'s T) -> &'s [&'s Entity] {
        self.0.get(&(T::KIND, e.meta().slug.as_str())).map_or(&[], Vec::as_slice)
    }
}

/// The address of an entity's page in every language.
fn urls<T: EntityKind>(lang: &Lang, e: &T) -> Map<String, Value> {
    let cfg = &lang.cat.config;
    let path = T::KIND.page_path(&e.meta().slug);
    cfg.languages
        .iter()
        .map(|l| {
            let folder = if *l == cfg.default_language { String::new() } else { format!("{l}/") };
            (l.clone(), json!(absolute(lang, &format!("{}{folder}{path}", lang.root()))))
        })
        .collect()
}

/// The texts of each translation of an entity, by language: what `texts`
/// takes from a translation, when it sets something.
fn translations<T: EntityKind>(
    tr: &Translations,
    e: &T,
    texts: &dyn Fn(&T) -> Map<String, Value>,
) -> Map<String, Value> {
    tr.of(e)
        .iter()
        .filter_map(|t| {
            let tr: &T = t.get()?;
            let shown = tr.shown();
            let mut map = texts(tr);
            if !shown.title.is_empty() {
                map.insert("title".into(), json!(shown.title));
            }
            if !shown.summary.is_empty() {
                map.insert("summary".into(), json!(shown.summary));
            }
            map.retain(|_, v| !(v.is_null() || v.as_array().is_some_and(Vec::is_empty)));
            Some((t.meta().lang.clone()?, Value::Object(map)))
        })
        .collect()
}

/// A table of the given pairs.
fn table(pairs: Value) -> Map<String, Value> {
    match pairs {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

fn slugs(list: &[crate::base::fields::Sp<String>]) -> Vec<&str> {
    list.iter().map(|s| s.value.as_str()).collect()
}

fn mooc(ctx: &Context, tr: &Translations, i: usize) -> Value {
    let lang = &ctx.lang;
    let cat = lang.cat;
    let m: &Mooc = &cat.content.moocs[i];
    let subjects: Vec<Value> = cat.mooc_subjects[i]
        .iter()
        .zip(&m.subjects)
        .filter_map(|(si, label)| si.map(|si| json!({"slug": cat.subjects[si].slug, "label": label.value})))
        .collect();
    let texts = |m: &Mooc| {
        table(json!({
            "teachers": m.teachers,
            "prerequisites": m.prerequisites,
            "awards": m.awards,
            "subjects": m.subjects.iter().map(|s| s.value.as_str()).collect::<Vec<_>>(),
            "cover_alt": m.cover.as_ref().map(|c| &c.alt).filter(|a| !a.is_empty()),
        }))
    };
    let parcours: Vec<Value> = cat.mooc_parcours[i]
        .iter()
        .map(|&(p, core)| json!({"slug": cat.content.parcours[p].meta.slug, "core": core}))
        .collect();
    let enrollments: u64 = m.sessions.iter().filter_map(|s| s.enrollments).sum();
    json!({
        "slug": m.meta.slug,
        "urls": urls(lang, m),
        "lang": lang.source_lang(Kind::Mooc, &m.meta.slug),
        "title": m.title,
        "summary": m.summary,
        "translations": translations(tr, m, &texts),
        "languages": slugs(&m.languages),
        "subtitles": slugs(&m.subtitles),
        "institutions": slugs(&m.institutions),
        "platform": m.platform.as_ref().map(|p| &p.value),
        "subjects": subjects,
        "level": m.level,
        "effort_hours_per_week": m.effort_hours_per_week,
        "duration_weeks": m.duration_weeks,
        "teachers": m.teachers,
        "cover": m.cover.as_ref().and_then(|_| ctx.image(m)).map(|c| absolute_url(lang, &c.url)),
        "cover_alt": m.cover.as_ref().map(|c| &c.alt),
        "featured": m.featured,
        "prerequisites": m.prerequisites,
        "published": m.published,
        "updated": m.meta.updated,
        "awards": m.awards,
        "trailer": m.trailer,
        "certificate": m.certificate.as_ref().map(|c| json!({
            "free_attestation": c.free_attestation,
            "price": c.price,
            "currency": c.currency,
            "proctored": c.proctored,
            "exam_minutes": c.exam_minutes,
            "exam_questions": c.exam_questions.as_ref().map(|q| q.value),
            "pass_mark": c.pass_mark.as_ref().map(|q| q.value),
            "ects": c.ects,
        })),
        "status": cat.states[i].status.key(),
        "enrollments": Some(enrollments).filter(|n| *n > 0),
        "parcours": parcours,
        "sessions": m.sessions.iter().enumerate().map(|(s, session)| session_value(ctx, i, s, session)).collect::<Vec<_>>(),
    })
}

/// An image's URL, absolute.
fn absolute_url(lang: &Lang, url: &str) -> String {
    if url.starts_with('/') {
        absolute(lang, url)
    } else {
        url.to_string()
    }
}

fn session_value(ctx: &Context, mi: usize, si: usize, s: &Session) -> Value {
    let cat = ctx.cat;
    let (start, planned) = match s.start.value {
        When::Date(d) => (Some(d), None),
        When::Period(p) => (None, Some(p.to_string())),
    };
    let date = |d: &Option<crate::base::fields::Sp<jiff::civil::Date>>| d.as_ref().map(|d| d.value);
    json!({
        "number": si + 1,
        "start": start,
        "end": date(&s.end),
        "planned": planned,
        "enrollment_start": date(&s.enrollment_start),
        "enrollment_end": date(&s.enrollment_end),
        "exam_start": date(&s.exam_start),
        "exam_end": date(&s.exam_end),
        "url": s.url,
        "pacing": if s.self_paced { "self" } else { "instructor" },
        "platform": s.platform.as_ref().map(|p| &p.value),
        "cancelled": s.cancelled,
        "enrollments": s.enrollments,
        "status": cat.states[mi].sessions[si].key(),
    })
}

fn parcours_value(lang: &Lang, tr: &Translations, p: &Parcours) -> Value {
    let texts = |p: &Parcours| {
        table(json!({
            "short_title": p.short_title,
            "credential_name": p.credential_name,
            "price_note": p.price_note,
        }))
    };
    json!({
        "slug": p.meta.slug,
        "urls": urls(lang, p),
        "title": p.title,
        "short_title": p.short_title,
        "summary": p.summary,
        "translations": translations(tr, p, &texts),
        "institutions": slugs(&p.institutions),
        "partners": slugs(&p.partners),
        "moocs": slugs(&p.moocs),
        "core": slugs(&p.core),
        "required": p.required.as_ref().map(|r| r.value),
        "credential": p.credential,
        "credential_name": p.credential_name,
        "ects": p.ects,
        "price": p.price,
        "price_currency": p.price.map(|_| "EUR"),
        "price_note": p.price_note,
        "schedule": p.schedule.as_ref().map(|s| &s.value),
        "progression": if p.ordered { "ordered" } else { "any" },
        "updated": p.meta.updated,
    })
}

fn platform(lang: &Lang, tr: &Translations, p: &Platform) -> Value {
    let texts =
        |p: &Platform| table(json!({"audience": p.audience, "based_on": p.based_on, "certification": p.certification}));
    json!({
        "slug": p.meta.slug,
        "urls": urls(lang, p),
        "title": p.title,
        "summary": p.summary,
        "translations": translations(tr, p, &texts),
        "site_url": p.url,
        "audience": p.audience,
        "model": p.model,
        "based_on": p.based_on,
        "pacing": p.pacing,
        "learners": p.learners,
        "learners_year": p.learners_year,
        "certification": p.certification,
        "updated": p.meta.updated,
    })
}

fn institution(lang: &Lang, tr: &Translations, i: &Institution) -> Value {
    let texts = |i: &Institution| table(json!({"short_title": i.short_title}));
    json!({
        "slug": i.meta.slug,
        "urls": urls(lang, i),
        "title": i.title,
        "short_title": i.short_title,
        "translations": translations(tr, i, &texts),
        "site_url": i.url,
        "parent": i.parent.as_ref().map(|p| &p.value),
        "country": i.country,
        "category": i.category,
        "updated": i.meta.updated,
    })
}

fn schedule(lang: &Lang, tr: &Translations, i: usize) -> Value {
    let cat = lang.cat;
    let s: &Schedule = &cat.content.schedules[i];
    let texts = |s: &Schedule| table(json!({"note": s.note}));
    let rows: Vec<&str> = grid::rows(cat, i).into_iter().map(|m| cat.content.moocs[m].meta.slug.as_str()).collect();
    json!({
        "slug": s.meta.slug,
        "urls": urls(lang, s),
        "title": s.title,
        "translations": translations(tr, s, &texts),
        "parcours": s.parcours.as_ref().map(|p| &p.value),
        "moocs": rows,
        "granularity": if s.monthly { "month" } else { "quarter" },
        "from": s.from.as_ref().map(|p| p.value.to_string()),
        "to": s.to.as_ref().map(|p| p.value.to_string()),
        "version": s.version,
        "note": s.note,
        "updated": s.meta.updated,
    })
}
