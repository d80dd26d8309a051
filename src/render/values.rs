//! The shapes of `docs/templates.md` ("Shapes") as Rust types, for the
//! values every MOOC page and card is made of. They become template values
//! through `Serialize` with their field names as static keys, which costs
//! about half of building the same values as JSON tables and converting
//! those (a MOOC page holds a few hundred of them, and there are ten
//! thousand MOOC pages per language). The other pages, few, build JSON.

use serde::ser::{Serialize, SerializeStruct, Serializer};

/// A date: `{iso, label}`.
#[derive(Clone, serde::Serialize)]
pub struct DateValue {
    pub iso: String,
    pub label: String,
}

/// A machine key and its translated label: `{key, label}`.
#[derive(Clone, serde::Serialize)]
pub struct Keyed {
    pub key: String,
    pub label: String,
}

/// A link to a page of the site: `{slug, title, url}`.
#[derive(Clone, serde::Serialize)]
pub struct Link {
    pub slug: String,
    pub title: String,
    pub url: String,
}

/// A language: `{code, label}`.
#[derive(Clone, serde::Serialize)]
pub struct Language {
    pub code: String,
    pub label: String,
}

/// A cover or logo: `{url, alt, lang, width, height, srcset, sources,
/// generated}` (`docs/templates.md`, "image").
#[derive(Clone, serde::Serialize)]
pub struct Image {
    /// The file every browser shows (the largest of the last format).
    pub url: String,
    pub alt: String,
    /// The language of `alt` when it is not the page's.
    pub lang: Option<String>,
    /// Its size in pixels (null for a web address or an SVG without one).
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// `url`'s format at every width (`a-320.jpg 320w, …`), or empty.
    pub srcset: String,
    /// The other formats, best first.
    pub sources: Vec<ImageSource>,
    /// Made by vitrine (the entity has no image): decorative.
    pub generated: bool,
}

/// One format of an image: `{type, srcset}`.
#[derive(Clone, serde::Serialize)]
pub struct ImageSource {
    #[serde(rename = "type")]
    pub mime: String,
    pub srcset: String,
}

/// One session of a MOOC (`docs/templates.md`, "session").
#[derive(Clone, serde::Serialize)]
pub struct Session {
    pub id: String,
    pub status: Keyed,
    pub start: Option<DateValue>,
    pub end: Option<DateValue>,
    pub planned: Option<Keyed>,
    pub pacing: Keyed,
    pub enrollment_start: Option<DateValue>,
    pub enrollment_end: Option<DateValue>,
    pub exam_start: Option<DateValue>,
    pub exam_end: Option<DateValue>,
    pub url: Option<String>,
    pub can_enrol: bool,
    pub platform: Option<Link>,
    pub cancelled: bool,
    pub enrollments: Option<u64>,
    pub data: String,
}

/// The card of a MOOC ("mooc card"). `card_html` and `core` are left out
/// when not set, as templates test them (`{% if mooc.core %}`).
#[derive(Clone)]
pub struct Card {
    pub slug: String,
    pub url: String,
    pub title: String,
    pub summary: String,
    pub status: Keyed,
    pub platform: Option<Link>,
    pub institutions: Vec<Link>,
    pub content_lang: String,
    pub languages: Vec<Language>,
    pub level: Option<Keyed>,
    pub next_session: Option<Session>,
    pub featured: bool,
    pub cover: Option<Image>,
    pub sessions_data: String,
    pub card_html: Option<String>,
    pub core: Option<bool>,
}

impl Card {
    const FIELDS: usize = 16;

    fn fields<S: SerializeStruct>(&self, s: &mut S) -> Result<(), S::Error> {
        s.serialize_field("slug", &self.slug)?;
        s.serialize_field("url", &self.url)?;
        s.serialize_field("title", &self.title)?;
        s.serialize_field("summary", &self.summary)?;
        s.serialize_field("status", &self.status)?;
        s.serialize_field("platform", &self.platform)?;
        s.serialize_field("institutions", &self.institutions)?;
        s.serialize_field("content_lang", &self.content_lang)?;
        s.serialize_field("languages", &self.languages)?;
        s.serialize_field("level", &self.level)?;
        s.serialize_field("next_session", &self.next_session)?;
        s.serialize_field("featured", &self.featured)?;
        s.serialize_field("cover", &self.cover)?;
        s.serialize_field("sessions_data", &self.sessions_data)?;
        match &self.card_html {
            Some(html) => s.serialize_field("card_html", html)?,
            None => s.skip_field("card_html")?,
        }
        match self.core {
            Some(core) => s.serialize_field("core", &core),
            None => s.skip_field("core"),
        }
    }
}

impl Serialize for Card {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Card", Self::FIELDS)?;
        self.fields(&mut s)?;
        s.end()
    }
}

/// What lists of MOOCs hold ("list item"): a card's light form, with its
/// rendered `card_html`.
#[derive(serde::Serialize)]
pub struct ListItem {
    pub slug: String,
    pub url: String,
    pub title: String,
    pub status: Keyed,
    pub card_html: Option<String>,
}

/// A subject of a MOOC page: `{slug, label, title, lang, url}` (`title`
/// repeats `label`, for the links component).
#[derive(serde::Serialize)]
pub struct SubjectLink {
    pub slug: String,
    pub label: String,
    pub title: String,
    pub lang: Option<String>,
    pub url: String,
}

/// A parcours a MOOC is part of, and whether it is one of its core MOOCs.
#[derive(serde::Serialize)]
pub struct ParcoursLink {
    #[serde(flatten)]
    pub link: Link,
    pub core: bool,
}

/// What the learner can obtain (`mooc.certificate`).
#[derive(serde::Serialize)]
pub struct Certificate {
    pub free_attestation: bool,
    pub price: Option<f64>,
    pub price_label: Option<String>,
    pub currency: String,
    pub proctored: bool,
    pub exam_minutes: Option<i64>,
    pub exam_questions: Option<i64>,
    pub pass_mark: Option<i64>,
    pub ects: Option<f64>,
}

/// Which optional columns the sessions table needs (`mooc.session_columns`).
#[derive(serde::Serialize)]
pub struct SessionColumns {
    pub exam: bool,
    pub platform: bool,
    pub enrol: bool,
    pub dated: bool,
}

/// A video player loaded only when the visitor asks: its address, and the
/// host it comes from (named on the button).
#[derive(serde::Serialize)]
pub struct Embed {
    pub src: String,
    pub host: String,
}

/// `mooc` on a MOOC page: its card (with `card_html`) and the rest of what
/// the page shows, as one table.
pub struct MoocPage {
    pub card: Card,
    pub ics_url: String,
    pub body_html: String,
    pub subtitles: Vec<Language>,
    pub effort_hours_per_week: Option<f64>,
    /// `effort_value` of the UI strings with the hours ("2,5 h par semaine").
    pub effort_label: Option<String>,
    pub duration_weeks: Option<i64>,
    /// `duration_one` or `duration_many` with the weeks ("4 semaines").
    pub duration_label: Option<String>,
    pub teachers: Vec<String>,
    pub prerequisites: Option<String>,
    pub awards: Vec<String>,
    pub trailer: Option<String>,
    /// The trailer as a click-to-load embed, for the hosts that have a
    /// privacy-enhanced player (`pages/mooc.rs`).
    pub trailer_embed: Option<Embed>,
    pub published: Option<DateValue>,
    pub subjects: Vec<SubjectLink>,
    pub certificate: Option<Certificate>,
    pub sessions: Vec<Session>,
    pub session_columns: SessionColumns,
    pub enrollments_total: Option<u64>,
    pub enrollments_total_label: Option<String>,
    pub parcours: Vec<ParcoursLink>,
}

impl Serialize for MoocPage {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("MoocPage", Card::FIELDS + 20)?;
        self.card.fields(&mut s)?;
        s.serialize_field("ics_url", &self.ics_url)?;
        s.serialize_field("body_html", &self.body_html)?;
        s.serialize_field("subtitles", &self.subtitles)?;
        s.serialize_field("effort_hours_per_week", &self.effort_hours_per_week)?;
        s.serialize_field("effort_label", &self.effort_label)?;
        s.serialize_field("duration_weeks", &self.duration_weeks)?;
        s.serialize_field("duration_label", &self.duration_label)?;
        s.serialize_field("teachers", &self.teachers)?;
        s.serialize_field("prerequisites", &self.prerequisites)?;
        s.serialize_field("awards", &self.awards)?;
        s.serialize_field("trailer", &self.trailer)?;
        s.serialize_field("trailer_embed", &self.trailer_embed)?;
        s.serialize_field("published", &self.published)?;
        s.serialize_field("subjects", &self.subjects)?;
        s.serialize_field("certificate", &self.certificate)?;
        s.serialize_field("sessions", &self.sessions)?;
        s.serialize_field("session_columns", &self.session_columns)?;
        s.serialize_field("enrollments_total", &self.enrollments_total)?;
        s.serialize_field("enrollments_total_label", &self.enrollments_total_label)?;
        s.serialize_field("parcours", &self.parcours)?;
        s.end()
    }
}

/// A value as JSON, for the pages that build their values as JSON tables.
pub fn json<T: Serialize>(value: &T) -> serde_json::Value {
    // These types always serialise; the fallback only keeps this total.
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keyed(key: &str) -> Keyed {
        Keyed { key: key.into(), label: format!("{key}!") }
    }

    fn card() -> Card {
        Card {
            slug: "x".into(),
            url: "/moocs/x/".into(),
            title: "X".into(),
            summary: "S".into(),
            status: keyed("open"),
            platform: None,
            institutions: Vec::new(),
            content_lang: "fr".into(),
            languages: Vec::new(),
            level: None,
            next_session: None,
            featured: false,
            cover: None,
            sessions_data: String::new(),
            card_html: None,
            core: None,
        }
    }

    #[test]
    fn a_card_leaves_out_what_is_not_set() {
        let v = json(&card());
        assert_eq!(v["status"]["key"], "open");
        assert!(v["platform"].is_null() && v.get("platform").is_some(), "null, but there");
        assert!(v.get("card_html").is_none() && v.get("core").is_none(), "{v}");
        let v = json(&Card { core: Some(true), card_html: Some("<li>".into()), ..card() });
        assert_eq!((v["core"].as_bool(), v["card_html"].as_str()), (Some(true), Some("<li>")));
    }

    #[test]
    fn a_parcours_link_is_flat() {
        let link = Link { slug: "p".into(), title: "P".into(), url: "/parcours/p/".into() };
        let v = json(&ParcoursLink { link, core: true });
        assert_eq!((v["slug"].as_str(), v["core"].as_bool()), (Some("p"), Some(true)));
    }
}
