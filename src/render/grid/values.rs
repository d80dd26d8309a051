//! The values of a schedule grid: `grid` in `schedule.html` and
//! `parcours.html`, and its machine-readable form (`grid.json`).

use jiff::civil::Date;
use serde_json::{json, Value};

use crate::calendar::grid::{CellState, Granularity};
use crate::i18n::Lang;
use crate::render::grid::table::{self, period_short};
use crate::render::grid::Grid;
use crate::render::parts;
use crate::resolve::Catalogue;

/// A JSON object from values that are moved in (`json!` would serialise,
/// that is deep-copy, every `Value` it is given).
fn obj<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

/// The `grid` value of the templates.
pub fn value(lang: &Lang, si: usize, g: &Grid) -> Value {
    let cat = lang.cat;
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
                ("label", period_short(lang, p).into()),
                ("long", lang.words.period(p).into()),
                ("current", current.into()),
            ])
        })
        .collect();
    let rows: Vec<Value> = g
        .rows
        .iter()
        .map(|r| {
            let m = &cat.content.moocs[r.mooc];
            let t = lang.text(m);
            let url = lang.url(&format!("moocs/{}/", m.meta.slug));
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
    let base = lang.url(&format!("schedules/{}/", s.meta.slug));
    obj([
        ("slug", s.meta.slug.as_str().into()),
        ("title", lang.text(s).title.into()),
        ("granularity", if s.monthly { "month" } else { "quarter" }.into()),
        ("years", years.iter().map(|(y, n)| json!({"year": y, "span": n})).collect::<Vec<_>>().into()),
        ("periods", periods.into()),
        ("rows", rows.into()),
        ("table_html", table::table(lang, si, g).into()),
        ("has_core", g.rows.iter().any(|r| r.core).into()),
        (
            "states",
            [CellState::Running, CellState::Upcoming, CellState::Planned, CellState::Past]
                .iter()
                .map(|st| crate::render::values::json(&parts::keyed(lang, "grid_state", st.key())))
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
