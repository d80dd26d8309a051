//! A MOOC file (`content/moocs/<slug>.md` or a bundle `<slug>/index.md`),
//! parsed into a typed [`Mooc`] with the spans later checks point at.

use std::ops::Range;

use jiff::civil::Date;

use crate::base::fields::{Fields, Sp};
use crate::base::slug::slugify;
use crate::calendar::period::When;
use crate::diagnostic::{problems, texts, Out};
use crate::load::common::{self, Image};
use crate::load::kinds::{About, EntityKind, Kind, Ref, Shown};
use crate::load::Meta;

pub const KEYS: &[&str] = &[
    "title",
    "summary",
    "languages",
    "subtitles",
    "institutions",
    "platform",
    "subjects",
    "level",
    "effort_hours_per_week",
    "duration_weeks",
    "teachers",
    "cover",
    "cover_alt",
    "featured",
    "prerequisites",
    "aliases",
    "published",
    "awards",
    "trailer",
    "certificate",
    "sessions",
    "draft",
    "updated",
];
pub const CERTIFICATE_KEYS: &[&str] =
    &["free_attestation", "price", "currency", "proctored", "exam_minutes", "exam_questions", "pass_mark", "ects"];
pub const SESSION_KEYS: &[&str] = &[
    "start",
    "end",
    "enrollment_start",
    "enrollment_end",
    "exam_start",
    "exam_end",
    "url",
    "pacing",
    "platform",
    "cancelled",
    "enrollments",
];
pub const LEVELS: &[&str] = &["beginner", "intermediate", "advanced"];

#[derive(Debug, Clone)]
pub struct Mooc {
    pub meta: Meta,
    pub title: String,
    pub summary: String,
    pub languages: Vec<Sp<String>>,
    pub subtitles: Vec<Sp<String>>,
    pub institutions: Vec<Sp<String>>,
    pub platform: Option<Sp<String>>,
    /// `platform` is written (even if its value was rejected).
    pub platform_key: bool,
    pub subjects: Vec<Sp<String>>,
    pub level: Option<String>,
    pub effort_hours_per_week: Option<f64>,
    pub duration_weeks: Option<i64>,
    pub teachers: Vec<String>,
    pub cover: Option<Image>,
    pub featured: bool,
    pub prerequisites: Option<String>,
    pub aliases: Vec<Sp<String>>,
    pub published: Option<Date>,
    pub awards: Vec<String>,
    pub trailer: Option<String>,
    pub certificate: Option<Certificate>,
    pub sessions: Vec<Session>,
    /// Span of `platform` or of the head, for "platform missing".
    pub head: Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Certificate {
    pub free_attestation: bool,
    pub price: Option<f64>,
    pub currency: String,
    pub proctored: bool,
    pub exam_minutes: Option<i64>,
    pub exam_questions: Option<Sp<i64>>,
    pub pass_mark: Option<Sp<i64>>,
    pub ects: Option<f64>,
}

#[derive(Debug, Clone)]
pub struct Session {
    pub start: Sp<When>,
    pub end: Option<Sp<Date>>,
    pub enrollment_start: Option<Sp<Date>>,
    pub enrollment_end: Option<Sp<Date>>,
    pub exam_start: Option<Sp<Date>>,
    pub exam_end: Option<Sp<Date>>,
    pub url: Option<String>,
    pub self_paced: bool,
    pub platform: Option<Sp<String>>,
    pub cancelled: bool,
    pub enrollments: Option<u64>,
    /// The session's table, for problems about the session as a whole.
    pub span: Range<usize>,
}

/// The keys a translation may change.
const TEXT_KEYS: &[&str] =
    &["title", "summary", "subjects", "teachers", "cover_alt", "prerequisites", "awards", "draft", "updated"];

impl EntityKind for Mooc {
    const ABOUT: About = About::new("moocs", "MOOC", TEXT_KEYS);

    fn shown(&self) -> Shown<'_> {
        Shown { title: &self.title, summary: &self.summary, image: self.cover.as_ref() }
    }

    fn refs(&self) -> Vec<Ref<'_>> {
        let platforms = self.platform.iter().chain(self.sessions.iter().filter_map(|s| s.platform.as_ref()));
        (self.institutions.iter().map(|slug| Ref { kind: Kind::Institution, slug }))
            .chain(platforms.map(|slug| Ref { kind: Kind::Platform, slug }))
            .collect()
    }

    fn parse(f: &Fields, meta: Meta, out: &mut Out) -> Mooc {
        f.check_keys(KEYS, texts::a_kind(Self::ABOUT.noun), out);
        let title = f.req_str("title", out).map(|s| s.value).unwrap_or_default();
        let summary = common::summary(f, true, out);
        if !f.has("languages") {
            f.missing("languages", "[\"fr\"]", out);
        }
        let languages = common::lang_list(f, "languages", out);
        if f.has("languages")
            && languages.is_empty()
            && f.str_list("languages", &mut Vec::new()).is_some_and(|l| l.is_empty())
        {
            out.push(
                f.at(f.value_span("languages"), problems::empty_list("languages", "language"))
                    .with_hint(texts::for_example("languages = [\"fr\"]")),
            );
        }
        if !f.has("institutions") {
            f.missing("institutions", "[\"institut-pasteur\"]", out);
        } else if f.str_list("institutions", &mut Vec::new()).is_some_and(|l| l.is_empty()) {
            out.push(f.at(f.value_span("institutions"), problems::empty_list("institutions", "institution")));
        }
        let subjects = f.str_list("subjects", out).unwrap_or_default();
        for s in &subjects {
            if f.partial {
                // A translated label: the subject's slug comes from the default
                // file's label, so any script will do, but not nothing.
                if s.value.trim().is_empty() {
                    out.push(
                        f.at(s.span.clone(), problems::empty_subject_label()).with_hint(texts::translate_subject()),
                    );
                }
            } else if slugify(&s.value).is_empty() {
                out.push(f.at(s.span.clone(), problems::subject_without_letters()));
            }
        }
        let certificate = f.table("certificate", out).map(|c| certificate(&c, out));
        let sessions = f.tables("sessions", out).iter().map(|s| session(s, out)).collect();
        Mooc {
            title,
            summary,
            languages,
            subtitles: common::lang_list(f, "subtitles", out),
            institutions: common::slug_list(f, "institutions", out),
            platform: common::slug_ref(f, "platform", out),
            platform_key: f.has("platform"),
            subjects,
            level: f.choice("level", LEVELS, out).map(|s| s.value),
            effort_hours_per_week: f.non_negative("effort_hours_per_week", false, out).map(|n| n.value),
            duration_weeks: f.positive_int("duration_weeks", out).map(|n| n.value),
            teachers: strings(f, "teachers", out),
            cover: common::image(f, "cover", "cover_alt", out),
            featured: f.bool("featured", out).unwrap_or(false),
            prerequisites: f.str("prerequisites", out).map(|s| s.value),
            aliases: f.str_list("aliases", out).unwrap_or_default(),
            published: f.date("published", out).map(|d| d.value),
            awards: strings(f, "awards", out),
            trailer: common::url(f, "trailer", out),
            certificate,
            sessions,
            head: f.span.clone(),
            meta,
        }
    }
}

fn strings(f: &Fields, key: &str, out: &mut Out) -> Vec<String> {
    f.str_list(key, out).unwrap_or_default().into_iter().map(|s| s.value).collect()
}

fn certificate(c: &Fields, out: &mut Out) -> Certificate {
    c.check_keys(CERTIFICATE_KEYS, texts::section("certificate"), out);
    let currency = match c.str("currency", out) {
        Some(s) if s.value.len() == 3 && s.value.bytes().all(|b| b.is_ascii_uppercase()) => s.value,
        Some(s) => {
            let fixed: String = s.value.trim().to_uppercase().chars().take(3).collect();
            out.push(c.at(s.span, problems::bad_currency(&s.value)).with_hint(texts::write_currency(fixed)));
            "EUR".to_string()
        }
        None => "EUR".to_string(),
    };
    Certificate {
        free_attestation: c.bool("free_attestation", out).unwrap_or(false),
        price: c.non_negative("price", true, out).map(|n| n.value),
        currency,
        proctored: c.bool("proctored", out).unwrap_or(false),
        exam_minutes: c.positive_int("exam_minutes", out).map(|n| n.value),
        exam_questions: c.positive_int("exam_questions", out),
        pass_mark: c.positive_int("pass_mark", out),
        ects: c.non_negative("ects", false, out).map(|n| n.value),
    }
}

fn session(s: &Fields, out: &mut Out) -> Session {
    s.check_keys(SESSION_KEYS, texts::a_session(), out);
    let start = match s.when("start", out) {
        Some(w) => w,
        None => {
            if !s.has("start") {
                s.missing("start", "2026-09-14", out);
            }
            // Keep going with a placeholder so later checks still run.
            Sp::new(When::Date(Date::MIN), s.span.clone())
        }
    };
    let pacing = s.choice("pacing", &["instructor", "self"], out);
    let enrollments = s.int("enrollments", out).and_then(|n| match u64::try_from(n.value) {
        Ok(v) => Some(v),
        Err(_) => {
            out.push(s.at(n.span, problems::negative_count("enrollments")));
            None
        }
    });
    Session {
        start,
        end: s.date("end", out),
        enrollment_start: s.date("enrollment_start", out),
        enrollment_end: s.date("enrollment_end", out),
        exam_start: s.date("exam_start", out),
        exam_end: s.date("exam_end", out),
        url: common::url(s, "url", out),
        self_paced: pacing.is_some_and(|p| p.value == "self"),
        platform: common::slug_ref(s, "platform", out),
        cancelled: s.bool("cancelled", out).unwrap_or(false),
        enrollments,
        span: s.span.clone(),
    }
}
