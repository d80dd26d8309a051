//! Validate: the rules of the content model that concern one entity alone
//! (session dates and overlaps, certificate marks, parcours counts, schedule
//! ranges). Rules between entities are in `resolve`.

use std::path::Path;

use jiff::civil::Date;

use crate::calendar::period::When;
use crate::diagnostic::{problems, texts, Diagnostic, Out};
use crate::load::assets::{self, Unlocated};
use crate::load::common::Image;
use crate::load::kinds::{Mooc, Session};
use crate::load::{Loaded, Meta, Parcours, Schedule};

/// Checks every loaded entity; problems go to `out`.
pub fn validate(loaded: &Loaded, root: &Path, out: &mut Out) {
    for e in loaded.content.every() {
        image(root, e.meta(), e.shown().image, out);
    }
    for m in &loaded.content.moocs {
        mooc(m, out);
    }
    for p in &loaded.content.parcours {
        parcours(p, out);
    }
    for s in &loaded.content.schedules {
        schedule(s, out);
    }
}

/// The checks of one MOOC alone (`vitrine serve`'s preview of an edit).
pub fn mooc_alone(m: &Mooc, root: &Path, out: &mut Out) {
    mooc(m, out);
    image(root, &m.meta, m.cover.as_ref(), out);
}

/// A cover or logo must be a file of the site: beside the file in a
/// bundle, else in `static/` (`load::assets`). A web address is not checked.
fn image(root: &Path, meta: &Meta, img: Option<&Image>, out: &mut Out) {
    let Some(at) = img.and_then(|i| i.path.as_ref()) else { return };
    let path = at.value.as_str();
    match assets::locate(root, meta, path) {
        Ok(_) | Err(Unlocated::Remote) => {}
        Err(Unlocated::Missing { shown }) => out.push(
            Diagnostic::at(&meta.file, at.span.clone(), problems::image_not_found(path, shown))
                .with_hint(texts::check_image_name()),
        ),
        Err(Unlocated::Outside { shown }) => out.push(
            Diagnostic::at(&meta.file, at.span.clone(), problems::image_outside(path, shown))
                .with_hint(texts::images_from_bundle_or_static()),
        ),
    }
}

/// More sessions than this in one MOOC is a warning (at the next one).
const MANY_SESSIONS: usize = 1000;

fn mooc(m: &Mooc, out: &mut Out) {
    let file = &m.meta.file;
    if !m.platform_key && (m.sessions.is_empty() || m.sessions.iter().any(|s| s.platform.is_none())) {
        out.push(
            Diagnostic::at(file, m.head.clone(), problems::missing_key("platform")).with_hint(texts::add_platform()),
        );
    }
    if let Some(c) = &m.certificate {
        if let (Some(pass), Some(total)) = (&c.pass_mark, &c.exam_questions) {
            if pass.value > total.value {
                out.push(
                    Diagnostic::at(
                        file,
                        pass.span.clone(),
                        problems::pass_mark_above_questions(pass.value, total.value),
                    )
                    .with_hint(texts::pass_mark_hint()),
                );
            }
        }
    }
    for s in &m.sessions {
        session(m, s, out);
    }
    if let Some(s) = m.sessions.get(MANY_SESSIONS) {
        out.push(
            Diagnostic::at(file, s.start.span.clone(), problems::many_sessions(m.sessions.len()))
                .with_hint(texts::many_sessions_hint(MANY_SESSIONS)),
        );
    }
    overlaps(m, out);
}

fn session(m: &Mooc, s: &Session, out: &mut Out) {
    let file = &m.meta.file;
    match s.start.value {
        When::Date(d) if d == Date::MIN => {}
        When::Date(start) => match &s.end {
            None if !s.self_paced => out.push(
                Diagnostic::at(file, s.start.span.clone(), problems::session_without_end())
                    .with_hint(texts::add_end_or_self_paced()),
            ),
            Some(end) if end.value < start => out.push(
                Diagnostic::at(file, end.span.clone(), problems::session_ends_before_start(end.value, start))
                    .with_hint(texts::check_start_and_end()),
            ),
            _ => {}
        },
        When::Period(p) => {
            if let Some(end) = &s.end {
                out.push(
                    Diagnostic::at(file, end.span.clone(), problems::planned_session_with_end(p.to_string()))
                        .with_hint(texts::exact_start_or_no_end()),
                );
            }
        }
    }
    let windows = [
        (&s.enrollment_start, &s.enrollment_end, texts::enrolment_window()),
        (&s.exam_start, &s.exam_end, texts::exam_window()),
    ];
    for (a, b, what) in windows {
        if let (Some(a), Some(b)) = (a, b) {
            if b.value < a.value {
                out.push(
                    Diagnostic::at(file, b.span.clone(), problems::window_ends_before_start(what, b.value, a.value))
                        .with_hint(texts::swap_dates()),
                );
            }
        }
    }
    if let (Some(es), Some(end)) = (&s.enrollment_start, &s.end) {
        if es.value > end.value {
            out.push(
                Diagnostic::at(file, es.span.clone(), problems::enrolment_after_end())
                    .with_hint(texts::check_key("enrollment_start")),
            );
        }
    }
}

/// The days a session occupies, for overlap checks (`None` = open-ended).
fn interval(s: &Session) -> Option<(Date, Option<Date>)> {
    match s.start.value {
        When::Date(d) if d == Date::MIN => None,
        When::Date(d) => Some((d, s.end.as_ref().map(|e| e.value))),
        When::Period(p) => Some((p.first_day(), Some(p.last_day()))),
    }
}

/// Sessions of one MOOC must not overlap (cancelled ones are ignored).
/// Each session is reported once at most, with the first earlier session
/// it overlaps: 10,000 sessions on one date are 10,000 errors, not 50
/// million.
fn overlaps(m: &Mooc, out: &mut Out) {
    let live: Vec<(&Session, (Date, Option<Date>))> =
        m.sessions.iter().filter(|s| !s.cancelled).filter_map(|s| interval(s).map(|i| (s, i))).collect();
    for (j, (b, (b_start, b_end))) in live.iter().enumerate() {
        let first = live[..j].iter().find(|(_, (a_start, a_end))| {
            let a_before_b_ends = b_end.is_none_or(|e| *a_start <= e);
            let b_before_a_ends = a_end.is_none_or(|e| *b_start <= e);
            a_before_b_ends && b_before_a_ends
        });
        if let Some((a, _)) = first {
            let (line, _) = m.meta.file.line_col(a.start.span.start);
            out.push(
                Diagnostic::at(
                    &m.meta.file,
                    b.start.span.clone(),
                    problems::sessions_overlap(describe_start(b), describe_start(a), line),
                )
                .with_hint(texts::sessions_overlap_hint()),
            );
        }
    }
}

fn describe_start(s: &Session) -> String {
    match s.start.value {
        When::Date(d) => d.to_string(),
        When::Period(p) => p.to_string(),
    }
}

fn parcours(p: &Parcours, out: &mut Out) {
    let file = &p.meta.file;
    for (i, m) in p.moocs.iter().enumerate() {
        if p.moocs[..i].iter().any(|o| o.value == m.value) {
            out.push(
                Diagnostic::at(file, m.span.clone(), problems::listed_twice(&m.value, "moocs"))
                    .with_hint(texts::remove_second()),
            );
        }
    }
    if !p.moocs.is_empty() && p.moocs.len() < 3 {
        out.push(
            Diagnostic::at(file, p.moocs_span.clone(), problems::small_parcours(p.moocs.len()))
                .with_hint(texts::small_parcours_hint()),
        );
    }
    for c in &p.core {
        if !p.moocs.iter().any(|m| m.value == c.value) {
            out.push(
                Diagnostic::at(file, c.span.clone(), problems::core_not_in_moocs(&c.value))
                    .with_hint(texts::add_to_moocs_or_remove(&c.value)),
            );
        }
    }
    let core = p.core.len() as i64;
    if let Some(cr) = &p.core_required {
        if p.core.is_empty() {
            out.push(
                Diagnostic::at(file, cr.span.clone(), problems::core_required_without_core())
                    .with_hint(texts::core_required_needs_core()),
            );
        } else if cr.value < 0 || cr.value > core {
            out.push(
                Diagnostic::at(file, cr.span.clone(), problems::core_required_out_of_range(cr.value, core))
                    .with_hint(texts::core_required_between(core)),
            );
        }
    }
    if let Some(req) = &p.required {
        // The core MOOCs needed: `core_required` of them, else all.
        let total = p.moocs.len() as i64;
        let (needed, problem) = match &p.core_required {
            Some(cr) if (0..=core).contains(&cr.value) => {
                (cr.value, problems::required_out_of_range_core_required(req.value, cr.value, total))
            }
            _ => (core, problems::required_out_of_range(req.value, core, total)),
        };
        if req.value < needed || req.value > total {
            out.push(Diagnostic::at(file, req.span.clone(), problem).with_hint(texts::required_between(needed, total)));
        }
    }
}

fn schedule(s: &Schedule, out: &mut Out) {
    let (Some(from), Some(to)) = (&s.from, &s.to) else { return };
    let same_kind = std::mem::discriminant(&from.value) == std::mem::discriminant(&to.value);
    if !same_kind {
        out.push(
            Diagnostic::at(&s.meta.file, to.span.clone(), problems::schedule_mixed_periods())
                .with_hint(texts::for_example("from = \"2024-T2\", to = \"2027-T4\"")),
        );
    } else if from.value.first_day() > to.value.first_day() {
        out.push(
            Diagnostic::at(
                &s.meta.file,
                from.span.clone(),
                problems::schedule_from_after_to(from.value.to_string(), to.value.to_string()),
            )
            .with_hint(texts::swap_periods()),
        );
    }
}
