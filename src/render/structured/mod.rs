//! Structured data: what a page is, in schema.org terms, as JSON-LD for
//! search engines and aggregators (docs/structured-data.md): a MOOC's page
//! is a `Course` (`course.rs`), a parcours an
//! `EducationalOccupationalProgram` (`program.rs`), an institution an
//! `EducationalOrganization` or `CollegeOrUniversity`, the home page a
//! `WebSite` with its search, and the lists of MOOCs `ItemList`s of
//! courses (`site.rs`).
//!
//! The values are Rust types serialised with serde (a MOOC page is made
//! ten thousand times a language), then made safe inside a `<script>`
//! element by [`script`]: `<`, `>` and `&` are written `\u003c`, `\u003e`
//! and `\u0026`, so that no text (a title holding `</script>`) can close
//! the element, and the JSON still reads the same.

pub mod course;
pub mod program;
pub mod site;

use serde::Serialize;

use crate::i18n::Lang;
use crate::load::Institution;

/// `@context` of every top-level value.
pub const CONTEXT: &str = "https://schema.org";

/// The head of a top-level node (`Course`, `EducationalOccupationalProgram`,
/// `WebSite`): its `@context`, `@type` and `@id`, first in its JSON.
#[derive(Serialize)]
pub struct Root {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "@id")]
    id: String,
}

impl Root {
    pub fn new(kind: &'static str, id: String) -> Root {
        Root { context: CONTEXT, kind, id }
    }
}

/// `value` as JSON for a `<script type="application/ld+json">` element.
pub fn script<T: Serialize>(value: &T) -> String {
    let json = serde_json::to_string(value).unwrap_or_default();
    if !json.contains(['<', '>', '&']) {
        return json;
    }
    let mut safe = String::with_capacity(json.len() + 32);
    for c in json.chars() {
        match c {
            '<' => safe.push_str("\\u003c"),
            '>' => safe.push_str("\\u003e"),
            '&' => safe.push_str("\\u0026"),
            c => safe.push(c),
        }
    }
    safe
}

/// A thing named and linked (`about`, `Thing`).
#[derive(Serialize)]
pub struct Named {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// An institution as an organisation: `provider` of courses, and the
/// subject of its own page.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    #[serde(rename = "@id")]
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternate_name: Option<String>,
    /// Its own website, else its page on this site.
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub same_as: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_organization: Option<Box<Organization>>,
}

/// The schema.org type of an institution, by its `category`.
pub fn organization_type(category: &str) -> &'static str {
    match category {
        "higher-education" => "CollegeOrUniversity",
        "organization" => "Organization",
        _ => "EducationalOrganization",
    }
}

/// Absolute URL of a root-relative one.
pub fn absolute(lang: &Lang, url: &str) -> String {
    format!("{}{url}", lang.origin())
}

/// Institution `i` as an organisation, with its parents (at most a few
/// levels: cycles are errors found before rendering, but this stays
/// finite whatever the content).
pub fn organization(lang: &Lang, i: usize) -> Organization {
    organization_at(lang, i, 4)
}

fn organization_at(lang: &Lang, i: usize, depth: usize) -> Organization {
    let institutions = &lang.cat.content.institutions;
    let inst: &Institution = &institutions[i];
    let page = absolute(lang, &lang.url(&format!("institutions/{}/", inst.meta.slug)));
    let tr = lang.translation::<Institution>(&inst.meta.slug);
    let parent = inst.parent.as_ref().and_then(|p| institutions.position(&p.value)).filter(|&p| p != i && depth > 0);
    Organization {
        kind: organization_type(&inst.category),
        id: format!("{page}#organization"),
        name: lang.text(inst).title.to_string(),
        alternate_name: tr.and_then(|t| t.short_title.clone()).or_else(|| inst.short_title.clone()),
        url: inst.url.clone().unwrap_or_else(|| page.clone()),
        same_as: inst.url.clone(),
        parent_organization: parent.map(|p| Box::new(organization_at(lang, p, depth - 1))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_text_can_close_the_script_element() {
        let title = Named { kind: "Thing", name: "</script><script>alert(1)</script> \"A\" & B".into(), url: None };
        let json = script(&title);
        assert!(!json.contains(['<', '>', '&']), "{json}");
        let back: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        assert_eq!(back["name"], "</script><script>alert(1)</script> \"A\" & B");
    }
}
