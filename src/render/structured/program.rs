//! A parcours as a schema.org `EducationalOccupationalProgram`: its MOOCs
//! (`hasCourse`), the credential it leads to, its ECTS credits
//! (`numberOfCredits`) and its price (`offers`: the DNM2IP's 150 € exam).

use serde::Serialize;

use crate::i18n::Lang;
use crate::load::{Mooc, Parcours};
use crate::render::structured::{absolute, organization, Organization, Root};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Program<'a> {
    #[serde(flatten)]
    root: Root,
    url: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    alternate_name: Option<&'a str>,
    description: &'a str,
    image: &'a str,
    educational_program_mode: &'static str,
    provider: Vec<Organization>,
    has_course: Vec<CourseRef<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    number_of_credits: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    educational_credential_awarded: Option<Credential>,
    #[serde(skip_serializing_if = "Option::is_none")]
    offers: Option<Offer<'a>>,
}

/// A MOOC of the parcours: a `Course` named and described, found at its page.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CourseRef<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "@id")]
    id: String,
    url: String,
    name: &'a str,
    description: &'a str,
    provider: Vec<Organization>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Credential {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
    credential_category: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Offer<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    category: &'static str,
    price: f64,
    price_currency: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
}

/// The institutions named by `slugs`, as organisations.
fn providers(lang: &Lang, slugs: &[crate::base::fields::Sp<String>]) -> Vec<Organization> {
    let institutions = &lang.cat.content.institutions;
    slugs.iter().filter_map(|s| institutions.position(&s.value)).map(|i| organization(lang, i)).collect()
}

/// The program of parcours `i` in `lang`, as JSON-LD; `url` and `image`
/// are the absolute URLs of its page and of its image.
pub fn json_ld(lang: &Lang, i: usize, url: &str, image: &str) -> String {
    let cat = lang.cat;
    let p: &Parcours = &cat.content.parcours[i];
    let t = lang.text(p);
    let tr = lang.translation::<Parcours>(&p.meta.slug);
    let short = tr.and_then(|t| t.short_title.as_deref()).or(p.short_title.as_deref());
    let credential_name = tr.and_then(|t| t.credential_name.clone()).or_else(|| p.credential_name.clone());
    let price_note = tr.and_then(|t| t.price_note.as_deref()).or(p.price_note.as_deref());
    let has_course = p
        .moocs
        .iter()
        .filter_map(|s| cat.content.moocs.position(&s.value))
        .map(|mi| {
            let m: &Mooc = &cat.content.moocs[mi];
            let mt = lang.text(m);
            let url = absolute(lang, &lang.url(&format!("moocs/{}/", m.meta.slug)));
            CourseRef {
                kind: "Course",
                id: format!("{url}#course"),
                url,
                name: mt.title,
                description: mt.summary,
                provider: providers(lang, &m.institutions),
            }
        })
        .collect();
    let program = Program {
        root: Root::new("EducationalOccupationalProgram", format!("{url}#program")),
        url,
        name: t.title,
        alternate_name: short,
        description: t.summary,
        image,
        educational_program_mode: "online",
        provider: providers(lang, &p.institutions),
        has_course,
        number_of_credits: p.ects,
        educational_credential_awarded: (p.credential != "none").then(|| Credential {
            kind: "EducationalOccupationalCredential",
            name: credential_name.unwrap_or_else(|| lang.label("credential", &p.credential)),
            credential_category: lang.label("credential", &p.credential),
        }),
        offers: p.price.map(|price| Offer {
            kind: "Offer",
            category: if price > 0.0 { "Paid" } else { "Free" },
            price,
            price_currency: "EUR",
            description: price_note,
        }),
    };
    super::script(&program)
}
