//! Calendar exports (`sessions.ics`) of a MOOC, a parcours and a schedule:
//! one all-day event per dated session, plus the enrolment deadline and the
//! exam window when set. Planned periods have no dates, so no event.

use crate::calendar::ics::{self, Event};
use crate::calendar::period::When;
use crate::i18n::Lang;

/// A calendar file (`sessions.ics`) of the sessions of these MOOCs.
pub fn calendar_file(lang: &Lang, name: &str, moocs: &[usize]) -> Vec<u8> {
    let events: Vec<Event> = moocs.iter().flat_map(|&m| mooc_events(lang, m)).collect();
    ics::calendar(name, &events, lang.cat.today).into_bytes()
}

/// Host part of the base URL, for UIDs (`moocs.example.org`).
pub fn uid_host<'a>(lang: &Lang<'a>) -> &'a str {
    let url = &lang.cat.config.base_url;
    let rest = url.split_once("://").map_or(url.as_str(), |(_, r)| r);
    rest.split('/').next().unwrap_or("vitrine")
}

/// Events of MOOC `mi`: stable UIDs from the slug and the start date.
fn mooc_events(lang: &Lang, mi: usize) -> Vec<Event> {
    let m = &lang.cat.content.moocs[mi];
    let title = lang.text(m).title;
    let page = format!("{}{}", lang.origin(), lang.url(&format!("moocs/{}/", m.meta.slug)));
    let label = |key: &str| lang.label("ics", key);
    let mut events = Vec::new();
    for (si, s) in m.sessions.iter().enumerate() {
        let When::Date(start) = s.start.value else { continue };
        if s.cancelled {
            continue;
        }
        let uid = format!("{}-{start}@{}", m.meta.slug, uid_host(lang));
        let end = s.end.as_ref().map_or(start, |e| e.value);
        let enrol = s.url.clone().unwrap_or_else(|| page.clone());
        let dates = session_dates(lang, mi, si);
        events.push(Event {
            uid: uid.clone(),
            start,
            end,
            summary: title.to_string(),
            description: format!("{dates}\n{} {enrol}", label("enrol")),
            url: Some(enrol.clone()),
        });
        if let Some(deadline) = &s.enrollment_end {
            events.push(Event {
                uid: format!("enrollment-end-{uid}"),
                start: deadline.value,
                end: deadline.value,
                summary: format!("{title} — {}", label("enrollment_end")),
                description: format!("{dates}\n{} {enrol}", label("enrol")),
                url: Some(enrol.clone()),
            });
        }
        let exam = match (&s.exam_start, &s.exam_end) {
            (Some(a), Some(b)) => Some((a.value, b.value)),
            (Some(a), None) => Some((a.value, a.value)),
            (None, Some(b)) => Some((b.value, b.value)),
            (None, None) => None,
        };
        if let Some((a, b)) = exam {
            events.push(Event {
                uid: format!("exam-{uid}"),
                start: a,
                end: b,
                summary: format!("{title} — {}", label("exam")),
                description: dates,
                url: Some(page.clone()),
            });
        }
    }
    events
}

/// "8 avril 2024 – 9 juin 2024", "à partir du …", or the planned period.
pub fn session_dates(lang: &Lang, mi: usize, si: usize) -> String {
    let s = &lang.cat.content.moocs[mi].sessions[si];
    let sep = lang.label("common", "range_sep");
    match (s.start.value, &s.end) {
        (When::Date(a), Some(b)) => format!("{} {sep} {}", lang.words.date(a), lang.words.date(b.value)),
        (When::Date(a), None) => format!("{} {}", lang.label("common", "from"), lang.words.date(a)),
        (When::Period(p), _) => lang.words.period(p),
    }
}
