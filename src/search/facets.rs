//! Facets: for every filter of the catalogue page, its values (with labels
//! in the page's language and counts as of the build date) and, per MOOC,
//! the values it has. The values and counts feed the HTML form; the
//! per-MOOC values go, as numbers, into the compact table the client
//! counts and filters with (`docs.<hash>.json`).

use std::collections::BTreeSet;

use super::Input;
use crate::base::slug::fold;
use crate::calendar::status::Status;
use crate::i18n::Lang;
use crate::load::kinds::LEVELS;
use crate::load::{EntityKind, Shelf};

/// One filter: its key (the URL parameter), its values and, per document,
/// the positions of its values.
pub struct Facet {
    pub key: &'static str,
    pub values: Vec<Value>,
    pub per_doc: Vec<Vec<u32>>,
    /// Computed by the client from session dates (`status`, `new`), so not
    /// written to the table.
    pub dynamic: bool,
}

/// One value of a facet.
pub struct Value {
    /// Its key in URLs (`?platform=fun-mooc`).
    pub slug: String,
    pub label: String,
    /// Language of the label when it differs from the page's.
    pub lang: Option<String>,
    pub count: usize,
}

/// The status facet groups the nine MOOC statuses as a visitor looks for
/// them; a MOOC running with enrolment open is both "open" and "ongoing".
pub const STATUS_BUCKETS: [&str; 6] = ["open", "ongoing", "upcoming", "planned", "archived", "to-be-scheduled"];

pub fn status_buckets(s: Status) -> &'static [u32] {
    match s {
        Status::Open => &[0],
        Status::OngoingOpen => &[0, 1],
        Status::OngoingClosed => &[1],
        Status::Upcoming | Status::EnrollmentClosed => &[2],
        Status::Planned => &[3],
        Status::Archived | Status::Cancelled => &[4],
        Status::ToBeScheduled => &[5],
    }
}

/// Days a MOOC counts as new after its `published` date.
pub const NEW_DAYS: i64 = 90;

/// Weekly effort buckets: < 2 h, 2–4 h, > 4 h.
fn effort_bucket(hours: f64) -> u32 {
    if hours < 2.0 {
        0
    } else if hours <= 4.0 {
        1
    } else {
        2
    }
}

/// Duration buckets: up to 4 weeks, 5 to 8, 9 or more.
fn duration_bucket(weeks: i64) -> u32 {
    match weeks {
        ..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Days from 1970-01-01.
pub fn day_number(d: jiff::civil::Date) -> i64 {
    d.since(jiff::civil::date(1970, 1, 1)).map_or(0, |s| i64::from(s.get_days()))
}

/// All facets of the MOOCs of `input`, in its order (document id -> MOOC
/// index).
pub fn facets(input: &Input) -> Vec<Facet> {
    let (lang, order) = (input.lang, input.order);
    let cat = lang.cat;
    let label = |table: &str, key: &str| lang.label(table, key);
    let mut facets = Vec::new();

    // Subjects, platforms, institutions, parcours: sorted by label.
    let subjects: Vec<(usize, &str, &str)> = (0..cat.subjects.len())
        .map(|i| {
            let (l, label_lang) = lang.subject_label(i);
            (i, l, label_lang)
        })
        .collect();
    facets.push(by_label(
        "subject",
        lang.code,
        &subjects,
        order,
        |m| cat.mooc_subjects[m].iter().flatten().copied().collect(),
        |i| cat.subjects[i].slug.clone(),
    ));
    facets.push(entities("platform", lang, &cat.content.platforms, order, |m| {
        let mo = &cat.content.moocs[m];
        mo.platform
            .iter()
            .chain(mo.sessions.iter().filter_map(|s| s.platform.as_ref()))
            .filter_map(|p| cat.content.platforms.position(&p.value))
            .collect()
    }));
    facets.push(entities("institution", lang, &cat.content.institutions, order, |m| {
        cat.content.moocs[m].institutions.iter().filter_map(|s| cat.content.institutions.position(&s.value)).collect()
    }));

    // Languages the MOOCs are taught in, by label.
    let codes: Vec<String> = cat
        .content
        .moocs
        .iter()
        .flat_map(|m| m.languages.iter().map(|l| l.value.clone()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let labels: Vec<String> = codes.iter().map(|c| label("language", c)).collect();
    let languages: Vec<(usize, &str, &str)> =
        labels.iter().enumerate().map(|(i, l)| (i, l.as_str(), lang.code)).collect();
    facets.push(by_label(
        "language",
        lang.code,
        &languages,
        order,
        |m| cat.content.moocs[m].languages.iter().filter_map(|l| codes.iter().position(|c| *c == l.value)).collect(),
        |i| codes[i].clone(),
    ));

    let levels: Vec<(&str, String)> = LEVELS.iter().map(|&k| (k, label("level", k))).collect();
    facets.push(fixed("level", &levels, order, |m| {
        cat.content.moocs[m]
            .level
            .as_deref()
            .and_then(|l| LEVELS.iter().position(|k| *k == l))
            .map(|p| p as u32)
            .into_iter()
            .collect()
    }));
    let mut status =
        fixed("status", &STATUS_BUCKETS.map(|k| (k, label("search", &format!("status_{k}")))), order, |m| {
            status_buckets(cat.states[m].status).to_vec()
        });
    status.dynamic = true;
    facets.push(status);
    let certs = ["free-attestation", "paid-certificate", "ects"];
    facets.push(fixed("certificate", &certs.map(|k| (k, label("search", &format!("certificate_{k}")))), order, |m| {
        let Some(c) = &cat.content.moocs[m].certificate else { return Vec::new() };
        let mut v = Vec::new();
        if c.free_attestation {
            v.push(0);
        }
        if c.price.is_some_and(|p| p > 0.0) {
            v.push(1);
        }
        if c.ects.is_some_and(|e| e > 0.0) {
            v.push(2);
        }
        v
    }));
    let pacing = ["self", "instructor"];
    facets.push(fixed("pacing", &pacing.map(|k| (k, label("pacing", k))), order, |m| {
        let s = &cat.content.moocs[m].sessions;
        let mut v = Vec::new();
        if s.iter().any(|s| s.self_paced) {
            v.push(0);
        }
        if s.iter().any(|s| !s.self_paced) {
            v.push(1);
        }
        v
    }));
    let effort = ["lt2", "2to4", "gt4"];
    facets.push(fixed("effort", &effort.map(|k| (k, label("search", &format!("effort_{k}")))), order, |m| {
        cat.content.moocs[m].effort_hours_per_week.map(effort_bucket).into_iter().collect()
    }));
    let duration = ["le4", "5to8", "ge9"];
    facets.push(fixed("duration", &duration.map(|k| (k, label("search", &format!("duration_{k}")))), order, |m| {
        cat.content.moocs[m].duration_weeks.map(duration_bucket).into_iter().collect()
    }));
    facets.push(entities("parcours", lang, &cat.content.parcours, order, |m| {
        cat.mooc_parcours[m].iter().map(|&(p, _)| p).collect()
    }));
    let today = day_number(cat.today);
    let mut new = fixed("new", &[("new", label("search", "new"))], order, |m| {
        let recent = cat.content.moocs[m].published.map(day_number).is_some_and(|p| p <= today && today - p < NEW_DAYS);
        if recent {
            vec![0]
        } else {
            Vec::new()
        }
    });
    new.dynamic = true;
    facets.push(new);
    facets
}

/// A facet whose values are the entities of a shelf, by their title in
/// `lang`; `of` gives a MOOC's entity indices.
fn entities<'a, T: EntityKind>(
    key: &'static str,
    lang: &Lang<'a>,
    shelf: &'a Shelf<T>,
    order: &[usize],
    of: impl Fn(usize) -> Vec<usize>,
) -> Facet {
    let titled: Vec<(usize, &str, &str)> = shelf
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let t = lang.text(e);
            (i, t.title, t.lang)
        })
        .collect();
    by_label(key, lang.code, &titled, order, of, |i| shelf[i].meta().slug.clone())
}

/// A facet whose values are entities (index, label, label language),
/// listed by label; `of` gives a MOOC's entity indices.
fn by_label(
    key: &'static str,
    page_lang: &str,
    entities: &[(usize, &str, &str)],
    order: &[usize],
    of: impl Fn(usize) -> Vec<usize>,
    slug: impl Fn(usize) -> String,
) -> Facet {
    let mut sorted: Vec<&(usize, &str, &str)> = entities.iter().collect();
    sorted.sort_by_cached_key(|(i, l, _)| (fold(l), *i));
    let mut position = vec![u32::MAX; entities.iter().map(|e| e.0 + 1).max().unwrap_or(0)];
    for (p, (i, _, _)) in sorted.iter().enumerate() {
        position[*i] = p as u32;
    }
    let per_doc: Vec<Vec<u32>> = order
        .iter()
        .map(|&m| {
            let mut v: Vec<u32> = of(m).into_iter().filter_map(|i| position.get(i).copied()).collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    let values = sorted
        .iter()
        .map(|(i, l, lang)| Value {
            slug: slug(*i),
            label: l.to_string(),
            lang: (*lang != page_lang).then(|| lang.to_string()),
            count: 0,
        })
        .collect();
    counted(Facet { key, values, per_doc, dynamic: false })
}

/// A facet with a fixed list of values (key, label).
fn fixed(key: &'static str, values: &[(&str, String)], order: &[usize], of: impl Fn(usize) -> Vec<u32>) -> Facet {
    let per_doc = order.iter().map(|&m| of(m)).collect();
    let values =
        values.iter().map(|(k, l)| Value { slug: k.to_string(), label: l.clone(), lang: None, count: 0 }).collect();
    counted(Facet { key, values, per_doc, dynamic: false })
}

fn counted(mut f: Facet) -> Facet {
    for doc in &f.per_doc {
        for &v in doc {
            if let Some(value) = f.values.get_mut(v as usize) {
                value.count += 1;
            }
        }
    }
    f
}
