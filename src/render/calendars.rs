//! Calendar exports (`sessions.ics`) of a MOOC, a parcours and a schedule:
//! one all-day event per dated session, plus the enrolment deadline and the
//! exam window when set. Planned periods have no dates, so no event.

use crate::calendar::ics::{self, Event};
use crate::calendar::period::When;
use crate::load::Kind;
use crate::render::view::View;

impl View<'_> {
    /// Host part of the base URL, for UIDs (`moocs.example.org`).
    fn uid_host(&self) -> &str {
        let url = &self.cat.config.base_url;
        let rest = url.split_once("://").map_or(url.as_str(), |(_, r)| r);
        rest.split('/').next().unwrap_or("vitrine")
    }

    /// Events of MOOC `mi`: stable UIDs from the slug and the start date.
    pub fn mooc_events(&self, mi: usize) -> Vec<Event> {
        let m = &self.cat.content.moocs[mi];
        let title = self.text(Kind::Mooc, &m.meta, &m.title, &m.summary).title;
        let page = format!("{}{}", self.origin(), self.url(&format!("moocs/{}/", m.meta.slug)));
        let label = |key: &str| self.theme.label(self.lang, "ics", key);
        let mut events = Vec::new();
        for (si, s) in m.sessions.iter().enumerate() {
            let When::Date(start) = s.start.value else { continue };
            if s.cancelled {
                continue;
            }
            let uid = format!("{}-{start}@{}", m.meta.slug, self.uid_host());
            let end = s.end.as_ref().map_or(start, |e| e.value);
            let enrol = s.url.clone().unwrap_or_else(|| page.clone());
            let dates = self.session_dates(mi, si);
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

    /// A calendar file for these MOOCs.
    pub fn calendar_file(&self, name: &str, moocs: &[usize]) -> Vec<u8> {
        let events: Vec<Event> = moocs.iter().flat_map(|&m| self.mooc_events(m)).collect();
        ics::calendar(name, &events, self.cat.today).into_bytes()
    }

    /// `https://host` of the base URL (no path).
    pub fn origin(&self) -> &str {
        let cfg = &self.cat.config;
        &cfg.base_url[..cfg.base_url.len() - cfg.base_path().len()]
    }
}
