//! A platform (`content/platforms/<slug>.md`): where MOOCs are taught.

use crate::base::fields::{either, Fields};
use crate::diagnostic::{problems, texts, Out};
use crate::load::common::{self, Image};
use crate::load::kinds::{About, EntityKind, Shown};
use crate::load::Meta;

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

pub const KEYS: &[&str] = &[
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
    "updated",
];

/// The keys a translation may change.
const TEXT_KEYS: &[&str] =
    &["title", "summary", "logo_alt", "audience", "based_on", "certification", "draft", "updated"];

impl EntityKind for Platform {
    const ABOUT: About = About::new("platforms", "platform", TEXT_KEYS);

    fn shown(&self) -> Shown<'_> {
        Shown { title: &self.title, summary: &self.summary, image: self.logo.as_ref() }
    }

    fn parse(f: &Fields, meta: Meta, out: &mut Out) -> Platform {
        f.check_keys(KEYS, texts::a_kind(Self::ABOUT.noun), out);
        if !f.has("url") {
            f.missing("url", "\"https://…\"", out);
        }
        let mut pacing = Vec::new();
        for p in f.str_list("pacing", out).unwrap_or_default() {
            if ["instructor", "self"].contains(&p.value.as_str()) {
                pacing.push(p.value);
            } else {
                out.push(f.at(p.span, problems::item_not_one_of("pacing", either(&["instructor", "self"]), &p.value)));
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
                    out.push(f.at(n.span, problems::negative_count("learners")));
                    None
                }
            }),
            learners_year: f.int("learners_year", out).map(|n| n.value),
            certification: f.str("certification", out).map(|s| s.value),
            meta,
        }
    }
}
