//! An institution (`content/institutions/<slug>.md`): a university, a
//! school, a research body; a school may belong to a group (`parent`).

use crate::base::fields::{Fields, Sp};
use crate::diagnostic::{problems, texts, Out};
use crate::load::common::{self, Image};
use crate::load::kinds::{About, EntityKind, Kind, Ref, Shown};
use crate::load::Meta;

#[derive(Debug, Clone)]
pub struct Institution {
    pub meta: Meta,
    pub title: String,
    pub short_title: Option<String>,
    pub url: Option<String>,
    pub logo: Option<Image>,
    pub parent: Option<Sp<String>>,
    pub country: Option<String>,
    /// What kind of body it is (`category`): `higher-education` (a
    /// university, a school of higher education), `education` (the
    /// default: any other body that teaches) or `organization` (a company,
    /// an agency that takes part). Said in structured data.
    pub category: String,
}

/// The values of `category`, the default first.
pub const CATEGORIES: &[&str] = &["education", "higher-education", "organization"];

pub const KEYS: &[&str] =
    &["title", "short_title", "url", "logo", "logo_alt", "parent", "country", "category", "draft", "updated"];

/// The keys a translation may change.
const TEXT_KEYS: &[&str] = &["title", "short_title", "logo_alt", "draft", "updated"];

impl EntityKind for Institution {
    const ABOUT: About = About::new("institutions", "institution", TEXT_KEYS);

    fn shown(&self) -> Shown<'_> {
        Shown { title: &self.title, summary: "", image: self.logo.as_ref() }
    }

    fn refs(&self) -> Vec<Ref<'_>> {
        self.parent.iter().map(|slug| Ref { kind: Kind::Institution, slug }).collect()
    }

    fn parse(f: &Fields, meta: Meta, out: &mut Out) -> Institution {
        f.check_keys(KEYS, texts::a_kind(Self::ABOUT.noun), out);
        let country = f.str("country", out).and_then(|c| {
            if c.value.len() == 2 && c.value.bytes().all(|b| b.is_ascii_uppercase()) {
                Some(c.value)
            } else {
                out.push(f.at(c.span, problems::bad_country(&c.value)).with_hint(texts::country_example()));
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
            category: f.choice("category", CATEGORIES, out).map_or_else(|| CATEGORIES[0].to_string(), |c| c.value),
            meta,
        }
    }
}
