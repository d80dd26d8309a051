//! A parcours (`content/parcours/<slug>.md`): MOOCs that lead, together,
//! to a credential.

use crate::base::fields::{Fields, Sp};
use crate::diagnostic::{problems, texts, Out};
use crate::load::common::{self, Image};
use crate::load::kinds::{About, EntityKind, Kind, Ref, Shown};
use crate::load::Meta;

const CREDENTIALS: &[&str] = &["certificate", "diploma", "ects", "none"];

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
    /// How many of the `core` MOOCs the credential needs (`core_required`);
    /// `None`: all of them.
    pub core_required: Option<Sp<i64>>,
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

pub const KEYS: &[&str] = &[
    "title",
    "short_title",
    "summary",
    "institutions",
    "moocs",
    "core",
    "core_required",
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
    "updated",
];

/// The keys a translation may change.
const TEXT_KEYS: &[&str] =
    &["title", "short_title", "summary", "credential_name", "price_note", "cover_alt", "draft", "updated"];

impl Parcours {
    /// MOOCs to pass for the credential: `required`, else all of them.
    pub fn required_count(&self) -> i64 {
        self.required.as_ref().map_or(self.moocs.len() as i64, |r| r.value)
    }

    /// Core MOOCs to pass: `core_required`, else all of them.
    pub fn core_required_count(&self) -> i64 {
        self.core_required.as_ref().map_or(self.core.len() as i64, |c| c.value)
    }
}

impl EntityKind for Parcours {
    const ABOUT: About = About::new("parcours", "parcours", TEXT_KEYS);

    fn shown(&self) -> Shown<'_> {
        Shown { title: &self.title, summary: &self.summary, image: self.cover.as_ref() }
    }

    fn refs(&self) -> Vec<Ref<'_>> {
        let lists: [(Kind, &[Sp<String>]); 4] = [
            (Kind::Institution, &self.institutions),
            (Kind::Institution, &self.partners),
            (Kind::Mooc, &self.moocs),
            (Kind::Schedule, self.schedule.as_slice()),
        ];
        lists.into_iter().flat_map(|(kind, list)| list.iter().map(move |slug| Ref { kind, slug })).collect()
    }

    fn parse(f: &Fields, meta: Meta, out: &mut Out) -> Parcours {
        f.check_keys(KEYS, texts::a_kind(Self::ABOUT.noun), out);
        for (key, noun) in [("institutions", "institution"), ("moocs", "MOOC")] {
            if !f.has(key) {
                f.missing(key, "[\"…\"]", out);
            } else if f.str_list(key, &mut Vec::new()).is_some_and(|l| l.is_empty()) {
                out.push(
                    f.at(f.value_span(key), problems::empty_list(key, noun)).with_hint(texts::list_slugs(key, noun)),
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
            core_required: f.int("core_required", out),
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
}
