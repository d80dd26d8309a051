//! The values of a broadcast schedule grid (`grid` in `schedule.html` and
//! `parcours.html`) and its machine-readable form (`grid.json`), from the
//! cell computation in `calendar::grid`.

use jiff::civil::Date;
use serde_json::{json, Value};

use crate::base::slug::fold;
use crate::calendar::grid::{self, CellState, Fill, Granularity, Span};
use crate::calendar::period::Period;
use crate::render::context::Context;
use crate::render::grid_table;
use crate::render::parts;
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

/// A JSON object from values that are moved in (`json!` would serialise,
/// that is deep-copy, every `Value` it is given).
fn obj<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
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

/// The short label of a period in a grid's header (`T3`, `sept.`).
pub fn period_short(ctx: &Context, p: Period) -> String {
    match p {
        Period::Quarter { quarter, .. } => {
            ctx.label("grid", "quarter_short").replace("{quarter}", &quarter.to_string())
        }
        Period::Month { month, .. } => ctx
            .ui
            .get("months_short")
            .and_then(|a| a.get(usize::try_from(month - 1).unwrap_or(0)))
            .and_then(Value::as_str)
            .map_or_else(|| format!("{month:02}"), String::from),
    }
}

/// The `grid` value of the templates.
pub fn value(ctx: &Context, si: usize, g: &Grid) -> Value {
    let cat = ctx.cat;
    let s = &cat.content.schedules[si];
    let today = cat.today;
    let years = g.years();
    let periods: Vec<Value> = g
        .periods
        .iter()
        .map(|&p| {
            let current = p.first_day() <= today && today <= p.last_day();
            obj([
                ("key", p.to_string().into()),
                ("label", period_short(ctx, p).into()),
                ("long", ctx.words.period(p).into()),
                ("current", current.into()),
            ])
        })
        .collect();
    let rows: Vec<Value> = g
        .rows
        .iter()
        .map(|r| {
            let m = &cat.content.moocs[r.mooc];
            let t = ctx.lang.text(m);
            let url = ctx.url(&format!("moocs/{}/", m.meta.slug));
            obj([
                ("slug", m.meta.slug.as_str().into()),
                ("title", t.title.into()),
                ("url", url.into()),
                ("core", r.core.into()),
                ("content_lang", t.lang.into()),
                ("filled", r.cells.iter().filter(|c| c.is_some()).count().into()),
            ])
        })
        .collect();
    let base = ctx.url(&format!("schedules/{}/", s.meta.slug));
    obj([
        ("slug", s.meta.slug.as_str().into()),
        ("title", ctx.lang.text(s).title.into()),
        ("granularity", if s.monthly { "month" } else { "quarter" }.into()),
        ("years", years.iter().map(|(y, n)| json!({"year": y, "span": n})).collect::<Vec<_>>().into()),
        ("periods", periods.into()),
        ("rows", rows.into()),
        ("table_html", grid_table::table(ctx, si, g).into()),
        ("has_core", g.rows.iter().any(|r| r.core).into()),
        (
            "states",
            [CellState::Running, CellState::Upcoming, CellState::Planned, CellState::Past]
                .iter()
                .map(|st| crate::render::values::json(&parts::keyed(ctx, "grid_state", st.key())))
                .collect::<Vec<_>>()
                .into(),
        ),
        ("url", base.clone().into()),
        ("ics_url", format!("{base}sessions.ics").into()),
        ("json_url", format!("{base}grid.json").into()),
    ])
}

/// `grid.json`: periods, and for each row its slug, title, core flag and
/// filled periods with their state. Independent of the language.
pub fn json_file(cat: &Catalogue, g: &Grid, today: Date) -> Value {
    let rows: Vec<Value> = g
        .rows
        .iter()
        .map(|r| {
            let m = &cat.content.moocs[r.mooc];
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
