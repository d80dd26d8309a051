//! Parcours, platforms, institutions, schedules, subjects and free pages:
//! the smaller kinds, each a typed struct and a `parse` function.

use jiff::civil::Date;

use crate::base::fields::{Fields, Sp};
use crate::calendar::period::{Period, When};
use crate::diagnostic::Out;
use crate::load::common::{self, Image};
use crate::load::Meta;

pub const CREDENTIALS: &[&str] = &["certificate", "diploma", "ects", "none"];

#[derive(Debug, Clone)]
pub struct Parcours {
    pub meta: Meta,
    pub title: String,
    pub short_title: Option<String>,
    pub summary: String,
    pub institutions: Vec<Sp<String>>,
    pub moocs: Vec<Sp<String>>,
    pub moocs_span: std::ops::Range<usize>,
    pub core: Vec<Sp<String>>,
    pub required: Option<Sp<i64>>,
    pub credential: String,
    pub credential_name: Option<String>,
    pub ects: Option<f64>,
    pub price: Option<f64>,
    pub price_note: Option<String>,
    pub schedule: Option<Sp<String>>,
    pub ordered: bool,
    pub partners: Vec<Sp<String>>,
    pub cover: Option<Image>,
}

const PARCOURS_KEYS: &[&str] = &[
    "title",
    "short_title",
    "summary",
    "institutions",
    "moocs",
    "core",
    "required",
    "credential",
    "credential_name",
    "ects",
    "price",
    "price_note",
    "schedule",
    "progression",
    "partners",
    "cover",
    "cover_alt",
    "draft",
];

pub fn parcours(f: &Fields, meta: Meta, out: &mut Out) -> Parcours {
    f.check_keys(PARCOURS_KEYS, "a parcours", out);
    for (key, noun) in [("institutions", "institution"), ("moocs", "MOOC")] {
        if !f.has(key) {
            f.missing(key, "[\"…\"]", out);
        } else if f.str_list(key, &mut Vec::new()).is_some_and(|l| l.is_empty()) {
            out.push(
                f.err(f.value_span(key), format!("`{key}` must name at least one {noun}"))
                    .with_hint(format!("list the slugs of its {noun}s, e.g. `{key} = [\"…\"]`")),
            );
        }
    }
    Parcours {
        title: f.req_str("title", out).map(|s| s.value).unwrap_or_default(),
        short_title: f.str("short_title", out).map(|s| s.value),
        summary: common::summary(f, true, out),
        institutions: common::slug_list(f, "institutions", out),
        moocs: common::slug_list(f, "moocs", out),
        moocs_span: f.value_span("moocs"),
        core: common::slug_list(f, "core", out),
        required: f.int("required", out),
        credential: f.choice("credential", CREDENTIALS, out).map_or("none".into(), |s| s.value),
        credential_name: f.str("credential_name", out).map(|s| s.value),
        ects: f.non_negative("ects", false, out).map(|n| n.value),
        price: f.non_negative("price", true, out).map(|n| n.value),
        price_note: f.str("price_note", out).map(|s| s.value),
        schedule: common::slug_ref(f, "schedule", out),
        ordered: f.choice("progression", &["any", "ordered"], out).is_some_and(|s| s.value == "ordered"),
        partners: common::slug_list(f, "partners", out),
        cover: common::image(f, "cover", "cover_alt", out),
        meta,
    }
}

#[derive(Debug, Clone)]
pub struct Platform {
    pub meta: Meta,
    pub title: String,
    pub url: Option<String>,
    pub summary: String,
    pub logo: Option<Image>,
    pub audience: Option<String>,
    pub model: Option<String>,
    pub based_on: Option<String>,
    pub pacing: Vec<String>,
    pub learners: Option<u64>,
    pub learners_year: Option<i64>,
    pub certification: Option<String>,
}

const PLATFORM_KEYS: &[&str] = &[
    "title",
    "url",
    "summary",
    "logo",
    "logo_alt",
    "audience",
    "model",
    "based_on",
    "pacing",
    "learners",
    "learners_year",
    "certification",
    "draft",
];

pub fn platform(f: &Fields, meta: Meta, out: &mut Out) -> Platform {
    f.check_keys(PLATFORM_KEYS, "a platform", out);
    if !f.has("url") {
        f.missing("url", "\"https://…\"", out);
    }
    let mut pacing = Vec::new();
    for p in f.str_list("pacing", out).unwrap_or_default() {
        if ["instructor", "self"].contains(&p.value.as_str()) {
            pacing.push(p.value);
        } else {
            out.push(f.err(p.span, format!("`pacing` items are `instructor` or `self`, not `{}`", p.value)));
        }
    }
    Platform {
        title: f.req_str("title", out).map(|s| s.value).unwrap_or_default(),
        url: common::url(f, "url", out),
        summary: common::summary(f, false, out),
        logo: common::image(f, "logo", "logo_alt", out),
        audience: f.str("audience", out).map(|s| s.value),
        model: f.choice("model", &["public", "non-profit", "for-profit"], out).map(|s| s.value),
        based_on: f.str("based_on", out).map(|s| s.value),
        pacing,
        learners: f.int("learners", out).and_then(|n| match u64::try_from(n.value) {
            Ok(v) => Some(v),
            Err(_) => {
                out.push(f.err(n.span, "`learners` cannot be negative"));
                None
            }
        }),
        learners_year: f.int("learners_year", out).map(|n| n.value),
        certification: f.str("certification", out).map(|s| s.value),
        meta,
    }
}

#[derive(Debug, Clone)]
pub struct Institution {
    pub meta: Meta,
    pub title: String,
    pub short_title: Option<String>,
    pub url: Option<String>,
    pub logo: Option<Image>,
    pub parent: Option<Sp<String>>,
    pub country: Option<String>,
}

const INSTITUTION_KEYS: &[&str] = &["title", "short_title", "url", "logo", "logo_alt", "parent", "country", "draft"];

pub fn institution(f: &Fields, meta: Meta, out: &mut Out) -> Institution {
    f.check_keys(INSTITUTION_KEYS, "an institution", out);
    let country = f.str("country", out).and_then(|c| {
        if c.value.len() == 2 && c.value.bytes().all(|b| b.is_ascii_uppercase()) {
            Some(c.value)
        } else {
            out.push(
                f.err(c.span, format!("`country` must be a two-letter ISO 3166 code such as FR, not `{}`", c.value))
                    .with_hint("e.g. `country = \"FR\"`")
                    .into_warning(),
            );
            None
        }
    });
    Institution {
        title: f.req_str("title", out).map(|s| s.value).unwrap_or_default(),
        short_title: f.str("short_title", out).map(|s| s.value),
        url: common::url(f, "url", out),
        logo: common::image(f, "logo", "logo_alt", out),
        parent: common::slug_ref(f, "parent", out),
        country,
        meta,
    }
}

#[derive(Debug, Clone)]
pub struct Schedule {
    pub meta: Meta,
    pub title: String,
    pub parcours: Option<Sp<String>>,
    pub moocs: Vec<Sp<String>>,
    pub monthly: bool,
    pub from: Option<Sp<Period>>,
    pub to: Option<Sp<Period>>,
    pub version: Option<Date>,
    pub note: Option<String>,
}

const SCHEDULE_KEYS: &[&str] = &["title", "parcours", "moocs", "granularity", "from", "to", "version", "note", "draft"];

pub fn schedule(f: &Fields, meta: Meta, out: &mut Out) -> Schedule {
    f.check_keys(SCHEDULE_KEYS, "a schedule", out);
    let monthly = f.choice("granularity", &["quarter", "month"], out).is_some_and(|g| g.value == "month");
    let period = |key: &str, out: &mut Out| -> Option<Sp<Period>> {
        let w = f.when(key, out)?;
        match w.value {
            When::Period(p) => Some(Sp::new(p, w.span)),
            When::Date(d) => {
                let p = if monthly { Period::month_of(d) } else { Period::quarter_of(d) };
                out.push(
                    f.err(w.span.clone(), format!("`{key}` must be a period, not a date"))
                        .with_hint(format!("write `{key} = \"{p}\"`")),
                );
                None
            }
        }
    };
    let from = period("from", out);
    let to = period("to", out);
    let parcours = common::slug_ref(f, "parcours", out);
    let moocs = common::slug_list(f, "moocs", out);
    let no_rows = !f.has("moocs") || f.str_list("moocs", &mut Vec::new()).is_some_and(|l| l.is_empty());
    if !f.has("parcours") && no_rows && !f.is_partial() {
        out.push(
            f.err(f.span.clone(), "a schedule needs rows: set `parcours` or `moocs`")
                .with_hint("e.g. `parcours = \"dnm2ip\"`"),
        );
    }
    Schedule {
        title: f.req_str("title", out).map(|s| s.value).unwrap_or_default(),
        parcours,
        moocs,
        monthly,
        from,
        to,
        version: f.date("version", out).map(|d| d.value),
        note: f.str("note", out).map(|s| s.value),
        meta,
    }
}

/// `content/subjects/<slug>.md`: an optional description of a subject page.
#[derive(Debug, Clone)]
pub struct SubjectDoc {
    pub meta: Meta,
    pub title: String,
    pub summary: String,
}

pub fn subject(f: &Fields, meta: Meta, out: &mut Out) -> SubjectDoc {
    f.check_keys(&["title", "summary", "draft"], "a subject", out);
    SubjectDoc {
        title: f.req_str("title", out).map(|s| s.value).unwrap_or_default(),
        summary: common::summary(f, false, out),
        meta,
    }
}

/// A free page (`content/pages/<slug>.md`), or the home text (`_index.md`).
#[derive(Debug, Clone)]
pub struct Page {
    pub meta: Meta,
    pub title: String,
    pub summary: String,
    pub weight: i64,
    pub menu: bool,
}

pub fn page(f: &Fields, meta: Meta, out: &mut Out) -> Page {
    f.check_keys(&["title", "summary", "weight", "menu", "draft"], "a page", out);
    Page {
        title: f.req_str("title", out).map(|s| s.value).unwrap_or_default(),
        summary: common::summary(f, false, out),
        weight: f.int("weight", out).map_or(0, |n| n.value),
        menu: f.bool("menu", out).unwrap_or(false),
        meta,
    }
}

pub fn home(f: &Fields, meta: Meta, out: &mut Out) -> Page {
    f.check_keys(&["title", "summary"], "the home page (_index.md)", out);
    Page {
        title: f.str("title", out).map(|s| s.value).unwrap_or_default(),
        summary: common::summary(f, false, out),
        weight: 0,
        menu: false,
        meta,
    }
}
