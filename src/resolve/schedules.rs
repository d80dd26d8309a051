//! Schedules: a MOOC named by a schedule (directly or through its parcours)
//! that has no session in the schedule's range gets an empty row, which the
//! writer should know about.

use std::ops::Range;

use jiff::civil::Date;

use crate::calendar::period::{Period, When};
use crate::diagnostic::{problems, texts, Diagnostic, Msg, Out};
use crate::load::kinds::Session;
use crate::load::{Content, Schedule};
use crate::resolve::Catalogue;

/// Warns about every row of a schedule that no session fills.
pub fn empty_rows(cat: &Catalogue, out: &mut Out) {
    let content = &cat.content;
    for s in &content.schedules {
        let lo = s.from.as_ref().map_or(Date::MIN, |p| p.value.first_day());
        let hi = s.to.as_ref().map_or(Date::MAX, |p| p.value.last_day());
        if lo > hi {
            continue; // `from` after `to` is an error of its own
        }
        for (slug, span) in rows(s, content) {
            let Some(mi) = content.moocs.position(slug) else { continue }; // reported by the reference checks
            let m = &content.moocs[mi];
            if m.sessions.iter().filter(|x| !x.cancelled).any(|x| in_range(x, lo, hi)) {
                continue;
            }
            let (from, to) = (s.from.as_ref().map(|p| p.value), s.to.as_ref().map(|p| p.value));
            let hint = match (from, to) {
                (None, None) => texts::add_session(m.meta.file.path.display()),
                _ => texts::add_session_or_widen(m.meta.file.path.display()),
            };
            out.push(
                Diagnostic::at(&s.meta.file, span, problems::schedule_empty_row(slug, range_words(from, to)))
                    .with_hint(hint),
            );
        }
    }
}

/// Warns about sessions of a row that fall (even partly) outside the
/// schedule's `from`/`to`: the grid does not show that part.
pub fn sessions_outside(cat: &Catalogue, out: &mut Out) {
    let content = &cat.content;
    for s in &content.schedules {
        if s.from.is_none() && s.to.is_none() {
            continue; // the grid spans every session
        }
        if let (Some(f), Some(t)) = (&s.from, &s.to) {
            if f.value.first_day() > t.value.last_day()
                || std::mem::discriminant(&f.value) != std::mem::discriminant(&t.value)
            {
                continue; // errors of their own
            }
        }
        let lo = s.from.as_ref().map_or(Date::MIN, |p| p.value.first_day());
        let hi = s.to.as_ref().map_or(Date::MAX, |p| p.value.last_day());
        let range = range_words(s.from.as_ref().map(|p| p.value), s.to.as_ref().map(|p| p.value));
        let mut seen = std::collections::HashSet::new();
        for (slug, _) in rows(s, content) {
            let Some(mi) = content.moocs.position(slug) else { continue };
            if !seen.insert(mi) {
                continue;
            }
            let m = &content.moocs[mi];
            for x in m.sessions.iter().filter(|x| !x.cancelled) {
                // An open-ended session runs to the end of the grid.
                let (start, end) = match x.start.value {
                    When::Date(d) if d == Date::MIN => continue,
                    When::Date(d) => (d, x.end.as_ref().map_or(hi.max(d), |e| e.value)),
                    When::Period(p) => (p.first_day(), p.last_day()),
                };
                if start >= lo && end <= hi {
                    continue;
                }
                let partly = if end < lo || start > hi { "no" } else { "yes" };
                out.push(
                    Diagnostic::at(
                        &m.meta.file,
                        x.start.span.clone(),
                        problems::session_outside_schedule(&s.meta.slug, range.clone(), partly),
                    )
                    .with_hint(texts::widen_schedule(s.meta.file.path.display())),
                );
            }
        }
    }
}

/// The rows of a schedule, each with the span that names it: its `moocs`,
/// else its parcours' MOOCs (pointing at `parcours`).
fn rows<'a>(s: &'a Schedule, content: &'a Content) -> Vec<(&'a str, Range<usize>)> {
    if !s.moocs.is_empty() {
        return s.moocs.iter().map(|m| (m.value.as_str(), m.span.clone())).collect();
    }
    let Some(p) = &s.parcours else { return Vec::new() };
    let Some(pi) = content.parcours.position(&p.value) else { return Vec::new() };
    content.parcours[pi].moocs.iter().map(|m| (m.value.as_str(), p.span.clone())).collect()
}

/// Whether a session fills part of `lo..=hi` (open-ended when it has no end).
fn in_range(s: &Session, lo: Date, hi: Date) -> bool {
    let (start, end) = match s.start.value {
        When::Date(d) if d == Date::MIN => return false, // no `start`: already an error
        When::Date(d) => (d, s.end.as_ref().map_or(Date::MAX, |e| e.value)),
        When::Period(p) => (p.first_day(), p.last_day()),
    };
    start <= hi && lo <= end
}

/// The range of a schedule, in words (empty when it has none).
fn range_words(from: Option<Period>, to: Option<Period>) -> Msg {
    match (from, to) {
        (Some(f), Some(t)) => texts::range_between(f.to_string(), t.to_string()),
        (Some(f), None) => texts::range_from(f.to_string()),
        (None, Some(t)) => texts::range_up_to(t.to_string()),
        (None, None) => texts::range_none(),
    }
}
