//! The date of a page's content: `lastmod` in the sitemap, `updated` of
//! feeds (docs/decisions.md, "Dates of content").
//!
//! A page's content changes when a writer edits what it shows, and when a
//! session it shows changes status (its badge and texts do): so the date of
//! a MOOC is the latest of its `published`, its `updated` (and that of its
//! translation in the page's language) and the days its sessions changed
//! status (enrolment opened, the session started, enrolment closed, the
//! session ended) — only those on or before the build date: a page cannot
//! have changed in the future. Never the files' times, so that two builds
//! of the same content are the same. A page's date is the latest of the
//! dates of what it shows; a page that shows nothing dated has none.

use jiff::civil::Date;

use crate::calendar::period::When;
use crate::i18n::Lang;
use crate::load::kinds::Session;
use crate::load::{EntityKind, Meta, Mooc};

/// The latest of `dates` that is not after `today`.
pub fn latest(today: Date, dates: impl IntoIterator<Item = Option<Date>>) -> Option<Date> {
    dates.into_iter().flatten().filter(|d| *d <= today).max()
}

/// The `updated` of an entity, and of its translation in `lang`.
pub fn updated<'a, T: EntityKind>(lang: &Lang<'a>, e: &'a T) -> Option<Date> {
    let own = e.meta().updated;
    let translated = lang.translation::<T>(&e.meta().slug).and_then(|t| t.meta().updated);
    own.max(translated)
}

/// The days a session changes status (`calendar::status`): enrolment
/// opens, the session starts, enrolment closes, the session ends (the day
/// after each last day); a planned period ends the day after its last day.
/// A cancelled session has none: when it was cancelled is not known.
pub fn status_changes(s: &Session) -> [Option<Date>; 4] {
    if s.cancelled {
        return [None; 4];
    }
    let after = |d: Option<Date>| d.and_then(|d| d.tomorrow().ok());
    match s.start.value {
        When::Date(start) => [
            s.enrollment_start.as_ref().map(|d| d.value),
            Some(start),
            after(s.enrollment_end.as_ref().map(|d| d.value)),
            after(s.end.as_ref().map(|d| d.value)),
        ],
        When::Period(p) => [after(Some(p.last_day())), None, None, None],
    }
}

/// The date of MOOC `i` in `lang` (see the module's documentation).
pub fn mooc(lang: &Lang, i: usize) -> Option<Date> {
    let m: &Mooc = &lang.cat.content.moocs[i];
    let sessions = m.sessions.iter().flat_map(status_changes);
    latest(lang.cat.today, [m.published, updated(lang, m)].into_iter().chain(sessions))
}

/// The latest date of the MOOCs `moocs` and of `others`.
pub fn of_moocs(lang: &Lang, moocs: &[usize], others: impl IntoIterator<Item = Option<Date>>) -> Option<Date> {
    latest(lang.cat.today, moocs.iter().map(|&m| mooc(lang, m)).chain(others))
}

/// The `updated` of a file, as [`updated`] for what has no kind of its own.
pub fn of_meta(meta: &Meta) -> Option<Date> {
    meta.updated
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::fields::Sp;
    use crate::calendar::period::Period;
    use jiff::civil::date;

    fn session(start: When, end: Option<Date>) -> Session {
        let sp = |d: Date| Sp::new(d, 0..0);
        Session {
            start: Sp::new(start, 0..0),
            end: end.map(sp),
            enrollment_start: Some(sp(date(2026, 9, 1))),
            enrollment_end: None,
            exam_start: None,
            exam_end: None,
            url: None,
            self_paced: false,
            platform: None,
            cancelled: false,
            enrollments: None,
            span: 0..0,
        }
    }

    #[test]
    fn a_session_changes_status_when_enrolment_opens_it_starts_and_ends() {
        let s = session(When::Date(date(2026, 10, 5)), Some(date(2026, 12, 6)));
        assert_eq!(
            status_changes(&s),
            [Some(date(2026, 9, 1)), Some(date(2026, 10, 5)), None, Some(date(2026, 12, 7))]
        );
        let planned = session(When::Period(Period::Quarter { year: 2027, quarter: 1 }), None);
        assert_eq!(status_changes(&planned)[0], Some(date(2027, 4, 1)));
        assert_eq!(status_changes(&Session { cancelled: true, ..s }), [None; 4]);
    }

    #[test]
    fn the_latest_date_is_never_after_today() {
        let today = date(2026, 11, 23);
        let dates = [Some(date(2026, 9, 1)), None, Some(date(2026, 12, 7)), Some(date(2026, 10, 5))];
        assert_eq!(latest(today, dates), Some(date(2026, 10, 5)));
        assert_eq!(latest(today, [Some(date(2027, 1, 1))]), None);
    }
}
