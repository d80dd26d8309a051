//! Broadcast schedule grids: which periods (quarters or months) each MOOC
//! is broadcast in, derived from its sessions, never typed by hand.
//!
//! A session fills every period it overlaps; a planned session (`2027-T1`,
//! `2027-03`) fills the periods of its planned span; a cancelled session
//! fills nothing; a self-paced session without an end fills every period
//! from its start to the end of the grid. Each filled cell says what it is
//! (past, running now, upcoming with dates, planned) as of "today".

use jiff::civil::Date;

use crate::calendar::period::{Period, When};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    Quarter,
    Month,
}

/// What a filled cell shows. Ordered by how much it matters to a visitor:
/// when several sessions fill one cell, the first kind wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CellState {
    Running,
    Upcoming,
    Planned,
    Past,
}

impl CellState {
    pub fn key(self) -> &'static str {
        match self {
            CellState::Running => "running",
            CellState::Upcoming => "upcoming",
            CellState::Planned => "planned",
            CellState::Past => "past",
        }
    }
}

/// The dates of a session that the grid needs.
#[derive(Debug, Clone, Copy)]
pub struct Span {
    pub start: When,
    pub end: Option<Date>,
    pub cancelled: bool,
}

/// A filled cell: its state and the session (index in the MOOC) shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fill {
    pub state: CellState,
    pub session: usize,
}

/// The period of `gran` that contains `d`.
pub fn period_of(d: Date, gran: Granularity) -> Period {
    match gran {
        Granularity::Quarter => Period::quarter_of(d),
        Granularity::Month => Period::month_of(d),
    }
}

/// The period after `p`, in its own granularity.
pub fn next(p: Period) -> Period {
    match p {
        Period::Quarter { year, quarter: 4 } => Period::Quarter { year: year + 1, quarter: 1 },
        Period::Quarter { year, quarter } => Period::Quarter { year, quarter: quarter + 1 },
        Period::Month { year, month: 12 } => Period::Month { year: year + 1, month: 1 },
        Period::Month { year, month } => Period::Month { year, month: month + 1 },
    }
}

/// Every period of `gran` from the one containing `from`'s first day to the
/// one containing `to`'s last day (empty when `from` is after `to`).
pub fn periods(from: Period, to: Period, gran: Granularity) -> Vec<Period> {
    let (first, last) = (period_of(from.first_day(), gran), period_of(to.last_day(), gran));
    let mut out = Vec::new();
    let mut p = first;
    while p <= last && out.len() < 12 * 200 {
        out.push(p);
        p = next(p);
    }
    out
}

/// First and last day a session occupies; `None` when it fills nothing.
fn days(s: &Span, grid_end: Date) -> Option<(Date, Date)> {
    if s.cancelled {
        return None;
    }
    match s.start {
        When::Period(p) => Some((p.first_day(), p.last_day())),
        When::Date(d) => Some((d, s.end.unwrap_or(grid_end).max(d))),
    }
}

/// The periods spanned by all these sessions (for a grid without `from`/`to`).
pub fn span_of<'a>(sessions: impl IntoIterator<Item = &'a Span>, gran: Granularity) -> Option<(Period, Period)> {
    let mut lo: Option<Date> = None;
    let mut hi: Option<Date> = None;
    for s in sessions {
        let Some((a, b)) = days(s, Date::MIN) else { continue };
        let b = if s.end.is_none() && matches!(s.start, When::Date(_)) { a } else { b };
        lo = Some(lo.map_or(a, |l| l.min(a)));
        hi = Some(hi.map_or(b, |h| h.max(b)));
    }
    Some((period_of(lo?, gran), period_of(hi?, gran)))
}

/// State of a session's cells as of `today`.
fn state(s: &Span, today: Date) -> CellState {
    match s.start {
        When::Period(p) if p.last_day() < today => CellState::Past,
        When::Period(_) => CellState::Planned,
        When::Date(start) if today < start => CellState::Upcoming,
        When::Date(_) if s.end.is_some_and(|e| e < today) => CellState::Past,
        When::Date(_) => CellState::Running,
    }
}

/// One row: for each period, the cell (or `None` for an empty cell).
pub fn row(sessions: &[Span], periods: &[Period], today: Date) -> Vec<Option<Fill>> {
    let grid_end = periods.last().map_or(Date::MAX, |p| p.last_day());
    let mut cells: Vec<Option<Fill>> = vec![None; periods.len()];
    for (i, s) in sessions.iter().enumerate() {
        let Some((a, b)) = days(s, grid_end) else { continue };
        let fill = Fill { state: state(s, today), session: i };
        for (cell, p) in cells.iter_mut().zip(periods) {
            if a <= p.last_day() && p.first_day() <= b && cell.is_none_or(|c| fill.state < c.state) {
                *cell = Some(fill);
            }
        }
    }
    cells
}

/// Sessions (indices) that fall even partly outside `periods`.
pub fn outside(sessions: &[Span], periods: &[Period]) -> Vec<usize> {
    let (Some(first), Some(last)) = (periods.first(), periods.last()) else { return Vec::new() };
    let (lo, hi) = (first.first_day(), last.last_day());
    sessions
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let (a, b) = days(s, Date::MIN)?;
            let b = if s.end.is_none() && matches!(s.start, When::Date(_)) { a } else { b };
            (a < lo || b > hi).then_some(i)
        })
        .collect()
}
