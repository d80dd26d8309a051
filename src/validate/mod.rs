//! Validate: the rules of the content model that concern one entity alone
//! (session dates and overlaps, certificate marks, parcours counts, schedule
//! ranges). Rules between entities are in `resolve`.

use std::path::Path;

use jiff::civil::Date;

use crate::calendar::period::When;
use crate::diagnostic::{Diagnostic, Out};
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

/// A cover or logo must exist: beside the file in a bundle, else in `static/`.
fn image(root: &Path, meta: &Meta, img: Option<&Image>, out: &mut Out) {
    let Some(at) = img.and_then(|i| i.path.as_ref()) else { return };
    let path = at.value.as_str();
    if path.starts_with("https://") || path.starts_with("http://") {
        return;
    }
    let clean = path.trim_start_matches("./").trim_start_matches('/');
    let (file, shown) = match &meta.bundle {
        Some(dir) if !path.starts_with('/') => (dir.join(clean), format!("the bundle folder of `{}`", meta.slug)),
        _ => (root.join("static").join(clean), "static/".to_string()),
    };
    if clean.split('/').any(|p| p == "..") || !file.is_file() {
        out.push(
            Diagnostic::error(&meta.file, at.span.clone(), format!("image `{path}` not found in {shown}")).with_hint(
                "check the file name (case matters), or put the image in static/ or beside index.md in a bundle",
            ),
        );
    }
}

/// More sessions than this in one MOOC is a warning (at the next one).
const MANY_SESSIONS: usize = 1000;

fn mooc(m: &Mooc, out: &mut Out) {
    let file = &m.meta.file;
    if !m.platform_key && (m.sessions.is_empty() || m.sessions.iter().any(|s| s.platform.is_none())) {
        out.push(
            Diagnostic::error(file, m.head.clone(), "required key `platform` is missing")
                .with_hint("add `platform = \"fun-mooc\"` (or name a platform in every session)"),
        );
    }
    if let Some(c) = &m.certificate {
        if let (Some(pass), Some(total)) = (&c.pass_mark, &c.exam_questions) {
            if pass.value > total.value {
                out.push(
                    Diagnostic::error(
                        file,
                        pass.span.clone(),
                        format!("`pass_mark` ({}) is more than `exam_questions` ({})", pass.value, total.value),
                    )
                    .with_hint("the pass mark counts correct answers, so it cannot exceed the number of questions"),
                );
            }
        }
    }
    for s in &m.sessions {
        session(m, s, out);
    }
    if let Some(s) = m.sessions.get(MANY_SESSIONS) {
        out.push(
            Diagnostic::warning(
                file,
                s.start.span.clone(),
                format!("this MOOC has {} sessions: its page and calendar list every one", m.sessions.len()),
            )
            .with_hint(format!("more than {MANY_SESSIONS} sessions is likely a mistake of a script or a copy")),
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
                Diagnostic::error(
                    file,
                    s.start.span.clone(),
                    "this instructor-paced session has a start date but no `end`",
                )
                .with_hint("add `end = YYYY-MM-DD`, or `pacing = \"self\"` for a self-paced course"),
            ),
            Some(end) if end.value < start => out.push(
                Diagnostic::error(
                    file,
                    end.span.clone(),
                    format!("the session ends ({}) before it starts ({start})", end.value),
                )
                .with_hint("check the year and month of `start` and `end`"),
            ),
            _ => {}
        },
        When::Period(p) => {
            if let Some(end) = &s.end {
                out.push(
                    Diagnostic::error(
                        file,
                        end.span.clone(),
                        format!("a session planned for `{p}` has no exact dates yet, so it cannot have an `end`"),
                    )
                    .with_hint("give an exact `start` date, or remove `end`"),
                );
            }
        }
    }
    for (a, b, what) in [(&s.enrollment_start, &s.enrollment_end, "enrolment"), (&s.exam_start, &s.exam_end, "exam")] {
        if let (Some(a), Some(b)) = (a, b) {
            if b.value < a.value {
                out.push(
                    Diagnostic::error(
                        file,
                        b.span.clone(),
                        format!("the {what} window ends ({}) before it starts ({})", b.value, a.value),
                    )
                    .with_hint("swap the two dates or fix the year"),
                );
            }
        }
    }
    if let (Some(es), Some(end)) = (&s.enrollment_start, &s.end) {
        if es.value > end.value {
            out.push(
                Diagnostic::error(file, es.span.clone(), "enrolment opens after the session has ended")
                    .with_hint("check `enrollment_start`"),
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
                Diagnostic::error(
                    &m.meta.file,
                    b.start.span.clone(),
                    format!(
                        "the session starting {} overlaps the session starting {} (line {line})",
                        describe_start(b),
                        describe_start(a)
                    ),
                )
                .with_hint("sessions of one MOOC must not overlap: fix the dates, or mark one `cancelled = true`"),
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
                Diagnostic::error(file, m.span.clone(), format!("`{}` is listed twice in `moocs`", m.value))
                    .with_hint("remove the second one"),
            );
        }
    }
    if !p.moocs.is_empty() && p.moocs.len() < 3 {
        out.push(
            Diagnostic::warning(
                file,
                p.moocs_span.clone(),
                format!("this parcours has only {} MOOC(s); a parcours usually groups at least 3", p.moocs.len()),
            )
            .with_hint("add MOOCs to `moocs`, or present these as separate MOOCs"),
        );
    }
    for c in &p.core {
        if !p.moocs.iter().any(|m| m.value == c.value) {
            out.push(
                Diagnostic::error(
                    file,
                    c.span.clone(),
                    format!("core MOOC `{}` is not in this parcours' `moocs`", c.value),
                )
                .with_hint(format!("add \"{}\" to `moocs`, or remove it from `core`", c.value)),
            );
        }
    }
    let core = p.core.len() as i64;
    if let Some(cr) = &p.core_required {
        if p.core.is_empty() {
            out.push(
                Diagnostic::error(
                    file,
                    cr.span.clone(),
                    "`core_required` is set, but this parcours has no `core` MOOCs",
                )
                .with_hint("list the star MOOCs in `core`, or remove `core_required`"),
            );
        } else if cr.value < 0 || cr.value > core {
            out.push(
                Diagnostic::error(
                    file,
                    cr.span.clone(),
                    format!("`core_required` is {}, but this parcours has {core} core MOOC(s)", cr.value),
                )
                .with_hint(format!("set `core_required` to a number from 0 to {core}")),
            );
        }
    }
    if let Some(req) = &p.required {
        // The core MOOCs needed: `core_required` of them, else all.
        let (needed, what) = match &p.core_required {
            Some(cr) if (0..=core).contains(&cr.value) => (cr.value, "`core_required`"),
            _ => (core, "the number of core MOOCs"),
        };
        let total = p.moocs.len() as i64;
        if req.value < needed || req.value > total {
            out.push(
                Diagnostic::error(
                    file,
                    req.span.clone(),
                    format!(
                        "`required` is {}, but it must be between {what} ({needed}) and the number of MOOCs ({total})",
                        req.value
                    ),
                )
                .with_hint(format!("set `required` to a number from {needed} to {total}")),
            );
        }
    }
}

fn schedule(s: &Schedule, out: &mut Out) {
    let (Some(from), Some(to)) = (&s.from, &s.to) else { return };
    let same_kind = std::mem::discriminant(&from.value) == std::mem::discriminant(&to.value);
    if !same_kind {
        out.push(
            Diagnostic::error(&s.meta.file, to.span.clone(), "`from` and `to` must both be quarters or both be months")
                .with_hint("e.g. from = \"2024-T2\", to = \"2027-T4\""),
        );
    } else if from.value.first_day() > to.value.first_day() {
        out.push(
            Diagnostic::error(
                &s.meta.file,
                from.span.clone(),
                format!("`from` ({}) is after `to` ({})", from.value, to.value),
            )
            .with_hint("swap the two periods"),
        );
    }
}
