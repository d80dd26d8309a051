//! A MOOC as a schema.org `Course`, with one `CourseInstance` per session:
//! every property Google's "course info" and "course list" results
//! require or recommend, wherever the content has what it says
//! (docs/structured-data.md has the table).

use jiff::civil::Date;
use serde::Serialize;

use crate::calendar::period::When;
use crate::i18n::Lang;
use crate::load::kinds::{Certificate, Session};
use crate::load::Mooc;
use crate::render::structured::{absolute, organization, Named, Organization, Root};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Course<'a> {
    #[serde(flatten)]
    root: Root,
    url: &'a str,
    name: &'a str,
    description: &'a str,
    image: &'a str,
    /// The languages it is taught in (one: a text; several: a list).
    in_language: OneOrMany<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    available_language: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    educational_level: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    about: Vec<Named>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    teaches: Vec<String>,
    provider: Vec<Organization>,
    offers: Vec<Offer>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    educational_credential_awarded: Vec<Credential>,
    #[serde(skip_serializing_if = "Option::is_none")]
    number_of_credits: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    course_prerequisites: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_modified: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    total_historical_enrollment: Option<u64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    award: Vec<&'a str>,
    has_course_instance: Vec<Instance<'a>>,
}

/// A value that is one text or several.
#[derive(Serialize)]
#[serde(untagged)]
enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

/// An `Offer`: `category` is Google's "Free" or "Paid".
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Offer {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
    category: &'static str,
    price: f64,
    price_currency: String,
}

/// An `EducationalOccupationalCredential` the course leads to.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Credential {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
    credential_category: &'static str,
    offers: Offer,
}

/// A session, as a `CourseInstance`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Instance<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "@id")]
    id: String,
    course_mode: &'static str,
    event_attendance_mode: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    event_status: Option<&'static str>,
    start_date: Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    course_workload: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    course_schedule: Option<Schedule>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<VirtualLocation<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    instructor: Vec<Named>,
}

/// The pace of a session: `duration` hours of work, every week, `repeat_count` weeks.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Schedule {
    #[serde(rename = "@type")]
    kind: &'static str,
    duration: String,
    repeat_frequency: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    repeat_count: Option<i64>,
    start_date: Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<Date>,
}

#[derive(Serialize)]
struct VirtualLocation<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    url: &'a str,
}

/// What the page of MOOC `i` says of it, that the JSON-LD repeats.
pub struct Page<'a> {
    /// Absolute URL of the page.
    pub url: &'a str,
    /// Absolute URL of its image (`og:image`).
    pub image: &'a str,
    /// The date of its content (`render::dates`).
    pub modified: Option<Date>,
}

/// The `Course` of MOOC `i` in `lang`, as JSON-LD.
pub fn json_ld(lang: &Lang, i: usize, page: &Page) -> String {
    let cat = lang.cat;
    let m: &Mooc = &cat.content.moocs[i];
    let t = lang.text(m);
    let tr = lang.translation::<Mooc>(&m.meta.slug);
    let teachers = tr.filter(|t| !t.teachers.is_empty()).map_or(&m.teachers, |t| &t.teachers);
    let prerequisites = tr.and_then(|t| t.prerequisites.as_deref()).or(m.prerequisites.as_deref());
    let awards = tr.filter(|t| !t.awards.is_empty()).map_or(&m.awards, |t| &t.awards);
    let subjects = lang.mooc_subjects(i);
    let languages: Vec<&str> = m.languages.iter().map(|l| l.value.as_str()).collect();
    let enrollments: u64 = m.sessions.iter().filter_map(|s| s.enrollments).sum();
    let course = Course {
        root: Root::new("Course", format!("{}#course", page.url)),
        url: page.url,
        name: t.title,
        description: t.summary,
        image: page.image,
        in_language: match languages.as_slice() {
            [one] => OneOrMany::One(one),
            _ => OneOrMany::Many(languages.clone()),
        },
        available_language: m.subtitles.iter().map(|l| l.value.as_str()).collect(),
        educational_level: m.level.as_deref().map(level),
        about: subjects
            .iter()
            .map(|&(si, label, _)| Named {
                kind: "Thing",
                name: label.to_string(),
                url: Some(absolute(lang, &lang.url(&format!("subjects/{}/", cat.subjects[si].slug)))),
            })
            .collect(),
        teaches: subjects.iter().map(|&(_, label, _)| label.to_string()).collect(),
        provider: m
            .institutions
            .iter()
            .filter_map(|s| cat.content.institutions.position(&s.value))
            .map(|p| organization(lang, p))
            .collect(),
        offers: offers(lang, m.certificate.as_ref()),
        educational_credential_awarded: credentials(lang, m.certificate.as_ref()),
        number_of_credits: m.certificate.as_ref().and_then(|c| c.ects),
        course_prerequisites: prerequisites,
        date_published: m.published,
        date_modified: page.modified,
        total_historical_enrollment: Some(enrollments).filter(|n| *n > 0),
        award: awards.iter().map(String::as_str).collect(),
        has_course_instance: m
            .sessions
            .iter()
            .enumerate()
            .map(|(n, s)| instance(m, s, page.url, n, teachers))
            .collect(),
    };
    super::script(&course)
}

/// Google's words for levels.
fn level(key: &str) -> &'static str {
    match key {
        "beginner" => "Beginner",
        "intermediate" => "Intermediate",
        _ => "Advanced",
    }
}

/// The free audit every MOOC offers, and the paid certificate when it has
/// a price.
fn offers(lang: &Lang, c: Option<&Certificate>) -> Vec<Offer> {
    let currency = c.map_or("EUR", |c| c.currency.as_str()).to_string();
    let mut offers = vec![Offer {
        kind: "Offer",
        name: lang.label("meta", "audit"),
        category: "Free",
        price: 0.0,
        price_currency: currency,
    }];
    offers.extend(c.and_then(paid).map(|o| Offer { name: lang.label("certificate", "price"), ..o }));
    offers
}

/// The offer of a certificate's paid track, when it has a price.
fn paid(c: &Certificate) -> Option<Offer> {
    let price = c.price.filter(|p| *p > 0.0)?;
    Some(Offer { kind: "Offer", name: String::new(), category: "Paid", price, price_currency: c.currency.clone() })
}

/// What the learner can obtain: the free attestation, the certificate of
/// the paid track.
fn credentials(lang: &Lang, c: Option<&Certificate>) -> Vec<Credential> {
    let Some(c) = c else { return Vec::new() };
    let mut credentials = Vec::new();
    if c.free_attestation {
        let name = lang.label("certificate", "free_attestation");
        credentials.push(Credential {
            kind: "EducationalOccupationalCredential",
            offers: Offer {
                kind: "Offer",
                name: name.clone(),
                category: "Free",
                price: 0.0,
                price_currency: c.currency.clone(),
            },
            name,
            credential_category: "Certificate",
        });
    }
    if let Some(offer) = paid(c) {
        let name = lang.label("meta", "certificate");
        credentials.push(Credential {
            kind: "EducationalOccupationalCredential",
            offers: Offer { name: name.clone(), ..offer },
            name,
            credential_category: if c.proctored { "Certification" } else { "Certificate" },
        });
    }
    credentials
}

/// Session `n` of `m` as a `CourseInstance`: a planned period gives the
/// first day of the period and no end; the workload is the weekly effort
/// times the weeks (from `duration_weeks`, else from the session's dates).
fn instance<'a>(m: &'a Mooc, s: &'a Session, page: &str, n: usize, teachers: &[String]) -> Instance<'a> {
    let (start, end) = match s.start.value {
        When::Date(d) => (d, s.end.as_ref().map(|e| e.value)),
        When::Period(p) => (p.first_day(), None),
    };
    let weeks = m.duration_weeks.or_else(|| {
        let end = end?;
        let days = (end - start).get_days() + 1;
        Some((i64::from(days) + 6) / 7).filter(|w| *w > 0)
    });
    let hours = m.effort_hours_per_week;
    let schedule = hours.map(|h| Schedule {
        kind: "Schedule",
        duration: duration(h),
        repeat_frequency: "Weekly",
        repeat_count: weeks,
        start_date: start,
        end_date: end,
    });
    Instance {
        kind: "CourseInstance",
        id: format!("{page}#session-{}", n + 1),
        course_mode: "online",
        event_attendance_mode: "https://schema.org/OnlineEventAttendanceMode",
        event_status: s.cancelled.then_some("https://schema.org/EventCancelled"),
        start_date: start,
        end_date: end,
        course_workload: hours.zip(weeks).map(|(h, w)| duration(h * w as f64)),
        course_schedule: schedule,
        location: s.url.as_deref().map(|url| VirtualLocation { kind: "VirtualLocation", url }),
        url: s.url.as_deref(),
        instructor: teachers.iter().map(|t| Named { kind: "Person", name: t.clone(), url: None }).collect(),
    }
}

/// `hours` as an ISO 8601 duration: `PT2H`, `PT2H30M`.
pub fn duration(hours: f64) -> String {
    let minutes = (hours * 60.0).round() as i64;
    match (minutes / 60, minutes % 60) {
        (h, 0) => format!("PT{h}H"),
        (0, m) => format!("PT{m}M"),
        (h, m) => format!("PT{h}H{m}M"),
    }
}

#[cfg(test)]
mod tests {
    use super::duration;

    #[test]
    fn durations_are_iso_8601() {
        assert_eq!(duration(2.0), "PT2H");
        assert_eq!(duration(2.5), "PT2H30M");
        assert_eq!(duration(0.25), "PT15M");
        assert_eq!(duration(12.0 * 4.0), "PT48H");
    }
}
