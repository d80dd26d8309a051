//! The values of a broadcast schedule grid (`grid` in `schedule.html` and
//! `parcours.html`) and its machine-readable form (`grid.json`), from the
//! cell computation in `calendar::grid`.

use jiff::civil::Date;
use serde_json::{json, Value};

use crate::calendar::grid::{self, CellState, Fill, Granularity, Span};
use crate::calendar::period::{Period, When};
use crate::load::Kind;
use crate::render::view::{obj, View};

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

impl View<'_> {
    /// Computes the grid of schedule `si` as of the build date.
    pub fn compute_grid(&self, si: usize) -> Grid {
        let s = &self.cat.content.schedules[si];
        let gran = if s.monthly { Granularity::Month } else { Granularity::Quarter };
        let rows = self.schedule_rows(si);
        let core = self.core_of(si);
        let all: Vec<Vec<Span>> = rows.iter().map(|&m| spans(&self.cat.content.moocs[m])).collect();
        let range = match (&s.from, &s.to) {
            (Some(f), Some(t)) => Some((f.value, t.value)),
            (from, to) => grid::span_of(all.iter().flatten(), gran)
                .map(|(a, b)| (from.as_ref().map_or(a, |f| f.value), to.as_ref().map_or(b, |t| t.value))),
        };
        let periods = range.map_or_else(Vec::new, |(a, b)| grid::periods(a, b, gran));
        let rows = rows
            .iter()
            .zip(&all)
            .map(|(&m, spans)| GridRow {
                mooc: m,
                core: core.contains(&m),
                cells: grid::row(spans, &periods, self.cat.today),
            })
            .collect();
        Grid { granularity: gran, periods, rows }
    }

    fn core_of(&self, si: usize) -> Vec<usize> {
        let s = &self.cat.content.schedules[si];
        let content = &self.cat.content;
        let Some(p) = s.parcours.as_ref().and_then(|p| content.parcours.position(&p.value)) else { return Vec::new() };
        content.parcours[p].core.iter().filter_map(|c| content.moocs.position(&c.value)).collect()
    }

    pub(super) fn period_short(&self, p: Period) -> String {
        match p {
            Period::Quarter { quarter, .. } => {
                self.theme.label(self.lang, "grid", "quarter_short").replace("{quarter}", &quarter.to_string())
            }
            Period::Month { month, .. } => self
                .theme
                .strings
                .get(self.lang)
                .and_then(|t| t.get("months_short"))
                .and_then(|a| a.get(usize::try_from(month - 1).unwrap_or(0)))
                .and_then(Value::as_str)
                .map_or_else(|| format!("{month:02}"), String::from),
        }
    }

    /// The `grid` value of the templates.
    pub fn grid_value(&self, si: usize, g: &Grid) -> Value {
        let s = &self.cat.content.schedules[si];
        let today = self.cat.today;
        let years = g.years();
        let periods: Vec<Value> = g
            .periods
            .iter()
            .map(|&p| {
                let current = p.first_day() <= today && today <= p.last_day();
                obj([
                    ("key", p.to_string().into()),
                    ("label", self.period_short(p).into()),
                    ("long", self.words.period(p).into()),
                    ("current", current.into()),
                ])
            })
            .collect();
        let rows: Vec<Value> = g
            .rows
            .iter()
            .map(|r| {
                let m = &self.cat.content.moocs[r.mooc];
                let t = self.text(Kind::Mooc, &m.meta, &m.title, &m.summary);
                let url = self.url(&format!("moocs/{}/", m.meta.slug));
                obj([
                    ("slug", m.meta.slug.as_str().into()),
                    ("title", t.title.into()),
                    ("url", url.into()),
                    ("core", r.core.into()),
                    ("content_lang", self.text(Kind::Mooc, &m.meta, &m.title, &m.summary).lang.into()),
                    ("filled", r.cells.iter().filter(|c| c.is_some()).count().into()),
                ])
            })
            .collect();
        let base = self.url(&format!("schedules/{}/", s.meta.slug));
        obj([
            ("slug", s.meta.slug.as_str().into()),
            ("title", self.text(Kind::Schedule, &s.meta, &s.title, "").title.into()),
            ("granularity", if s.monthly { "month" } else { "quarter" }.into()),
            ("years", years.iter().map(|(y, n)| json!({"year": y, "span": n})).collect::<Vec<_>>().into()),
            ("periods", periods.into()),
            ("rows", rows.into()),
            ("table_html", self.grid_table(si, g).into()),
            ("has_core", g.rows.iter().any(|r| r.core).into()),
            (
                "states",
                [CellState::Running, CellState::Upcoming, CellState::Planned, CellState::Past]
                    .iter()
                    .map(|st| crate::render::values::json(&self.keyed("grid_state", st.key())))
                    .collect::<Vec<_>>()
                    .into(),
            ),
            ("url", base.clone().into()),
            ("ics_url", format!("{base}sessions.ics").into()),
            ("json_url", format!("{base}grid.json").into()),
        ])
    }

    /// "8 avril 2024 – 9 juin 2024", "à partir du …", or the planned period.
    pub fn session_dates(&self, mi: usize, si: usize) -> String {
        let s = &self.cat.content.moocs[mi].sessions[si];
        let sep = self.theme.label(self.lang, "common", "range_sep");
        match (s.start.value, &s.end) {
            (When::Date(a), Some(b)) => format!("{} {sep} {}", self.words.date(a), self.words.date(b.value)),
            (When::Date(a), None) => {
                format!("{} {}", self.theme.label(self.lang, "common", "from"), self.words.date(a))
            }
            (When::Period(p), _) => self.words.period(p),
        }
    }
}

/// `grid.json`: periods, and for each row its slug, title, core flag and
/// filled periods with their state. Independent of the language.
pub fn grid_json(view: &View, g: &Grid, today: Date) -> Value {
    let rows: Vec<Value> = g
        .rows
        .iter()
        .map(|r| {
            let m = &view.cat.content.moocs[r.mooc];
            let filled: Vec<Value> = r
                .cells
                .iter()
                .zip(&g.periods)
                .filter_map(|(c, p)| {
                    c.map(|f| json!({"period": p.to_string(), "state": f.state.key(), "session": f.session + 1}))
                })
                .collect();
            json!({"slug": m.meta.slug, "title": m.title, "core": r.core, "filled": filled})
        })
        .collect();
    json!({
        "granularity": match g.granularity { Granularity::Quarter => "quarter", Granularity::Month => "month" },
        "today": today.to_string(),
        "periods": g.periods.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
        "rows": rows,
    })
}
