//! A schedule's grid: its rows (MOOCs) and periods (quarters or months),
//! and each row's cells as of the build date, from the cell computation in
//! `calendar::grid` ([`compute`]). Schedule pages and parcours pages show
//! it: as template values and `grid.json` ([`values`]), with its table
//! written out ([`table`]).

pub mod table;
pub mod values;

use crate::base::slug::fold;
use crate::calendar::grid::{self, Fill, Granularity, Span};
use crate::calendar::period::Period;
use crate::resolve::Catalogue;

/// A computed grid: its periods and, per row, the MOOC and its cells.
pub struct Grid {
    pub granularity: Granularity,
    pub periods: Vec<Period>,
    pub rows: Vec<GridRow>,
}

impl Grid {
    /// Years with the number of periods each spans, in order.
    pub fn years(&self) -> Vec<(i16, usize)> {
        let mut years: Vec<(i16, usize)> = Vec::new();
        for p in &self.periods {
            let y = p.first_day().year();
            match years.last_mut() {
                Some((year, n)) if *year == y => *n += 1,
                _ => years.push((y, 1)),
            }
        }
        years
    }
}

pub struct GridRow {
    pub mooc: usize,
    pub core: bool,
    pub cells: Vec<Option<Fill>>,
}

/// The grid's spans of a MOOC's sessions.
pub fn spans(m: &crate::load::Mooc) -> Vec<Span> {
    m.sessions
        .iter()
        .map(|s| Span { start: s.start.value, end: s.end.as_ref().map(|d| d.value), cancelled: s.cancelled })
        .collect()
}

/// Rows of schedule `si`: its `moocs` if given, else its parcours' MOOCs,
/// core ones first, then the others by title.
pub fn rows(cat: &Catalogue, si: usize) -> Vec<usize> {
    let s = &cat.content.schedules[si];
    let content = &cat.content;
    if !s.moocs.is_empty() {
        return s.moocs.iter().filter_map(|m| content.moocs.position(&m.value)).collect();
    }
    let Some(p) = s.parcours.as_ref().and_then(|p| content.parcours.get(&p.value)) else {
        return Vec::new();
    };
    let core: Vec<usize> = p.core.iter().filter_map(|m| content.moocs.position(&m.value)).collect();
    let mut others: Vec<usize> =
        p.moocs.iter().filter_map(|m| content.moocs.position(&m.value)).filter(|m| !core.contains(m)).collect();
    others.sort_by_cached_key(|&m| fold(&content.moocs[m].title));
    core.into_iter().chain(others).collect()
}

/// Computes the grid of schedule `si` as of the build date.
pub fn compute(cat: &Catalogue, si: usize) -> Grid {
    let s = &cat.content.schedules[si];
    let gran = if s.monthly { Granularity::Month } else { Granularity::Quarter };
    let rows = rows(cat, si);
    let core = core_of(cat, si);
    let all: Vec<Vec<Span>> = rows.iter().map(|&m| spans(&cat.content.moocs[m])).collect();
    let range = match (&s.from, &s.to) {
        (Some(f), Some(t)) => Some((f.value, t.value)),
        (from, to) => grid::span_of(all.iter().flatten(), gran)
            .map(|(a, b)| (from.as_ref().map_or(a, |f| f.value), to.as_ref().map_or(b, |t| t.value))),
    };
    let periods = range.map_or_else(Vec::new, |(a, b)| grid::periods(a, b, gran));
    let rows = rows
        .iter()
        .zip(&all)
        .map(|(&m, spans)| GridRow { mooc: m, core: core.contains(&m), cells: grid::row(spans, &periods, cat.today) })
        .collect();
    Grid { granularity: gran, periods, rows }
}

fn core_of(cat: &Catalogue, si: usize) -> Vec<usize> {
    let s = &cat.content.schedules[si];
    let content = &cat.content;
    let Some(p) = s.parcours.as_ref().and_then(|p| content.parcours.position(&p.value)) else { return Vec::new() };
    content.parcours[p].core.iter().filter_map(|c| content.moocs.position(&c.value)).collect()
}
