//! The `<table>` of a schedule grid, written directly rather than through a
//! template: a 1,000-MOOC × 48-month grid has 48,000 cells, which a
//! template engine renders far too slowly (see benches/grid.rs). Themes get
//! it as `grid.table_html` and style it with CSS; the markup is the contract
//! in docs/templates.md ("The grid table").

use std::fmt::Write;

use serde_json::Value;

use crate::calendar::grid::{CellState, Granularity};
use crate::calendar::period::Period;
use crate::i18n::Lang;
use crate::render::calendars::session_dates;
use crate::render::grid::Grid;
use crate::render::theme::escape_html as esc;

/// The short label of a period in a grid's header (`T3`, `sept.`).
pub fn period_short(lang: &Lang, p: Period) -> String {
    match p {
        Period::Quarter { quarter, .. } => {
            lang.label("grid", "quarter_short").replace("{quarter}", &quarter.to_string())
        }
        Period::Month { month, .. } => lang
            .ui
            .get("months_short")
            .and_then(|a| a.get(usize::try_from(month - 1).unwrap_or(0)))
            .and_then(Value::as_str)
            .map_or_else(|| format!("{month:02}"), String::from),
    }
}

/// The symbol of a cell state: states differ by shape, not only colour.
pub fn symbol(state: CellState) -> &'static str {
    match state {
        CellState::Running => "●",
        CellState::Upcoming => "◆",
        CellState::Planned => "○",
        CellState::Past => "✓",
    }
}

fn caption(lang: &Lang, si: usize, g: &Grid) -> String {
    let s = &lang.cat.content.schedules[si];
    let title = lang.text(s).title;
    let key = if s.monthly { "caption_month" } else { "caption_quarter" };
    let (from, to) = match (g.periods.first(), g.periods.last()) {
        (Some(a), Some(b)) => (lang.words.period(*a), lang.words.period(*b)),
        _ => (String::new(), String::new()),
    };
    lang.label("grid", key).replace("{title}", title).replace("{from}", &from).replace("{to}", &to)
}

/// The grid's table (caption, two header rows, one row per MOOC).
pub fn table(lang: &Lang, si: usize, g: &Grid) -> String {
    let cat = lang.cat;
    let slug = &cat.content.schedules[si].meta.slug;
    let today = cat.today;
    let label = |table: &str, key: &str| esc(&lang.label(table, key));
    let current: Vec<bool> = g.periods.iter().map(|p| p.first_day() <= today && today <= p.last_day()).collect();
    let mut h = String::with_capacity(200 + g.rows.len() * (120 + g.periods.len() * 40));
    let gran = match g.granularity {
        Granularity::Quarter => "quarter",
        Granularity::Month => "month",
    };
    let _ = write!(
            h,
            "<table class=\"grid\" data-schedule=\"{slug}\" data-granularity=\"{gran}\">\n<caption id=\"grid-caption-{slug}\">{}</caption>\n<colgroup><col class=\"grid-col-mooc\"></colgroup>",
            esc(&caption(lang, si, g))
        );
    let years = g.years();
    for (_, n) in &years {
        let _ = write!(h, "<colgroup span=\"{n}\"></colgroup>");
    }
    let _ = write!(
            h,
            "\n<thead>\n<tr class=\"grid-years\"><th class=\"corner\" rowspan=\"2\"><span class=\"visually-hidden\">{}</span></th>",
            label("grid", "mooc")
        );
    for (y, n) in &years {
        let _ = write!(h, "<th scope=\"colgroup\" colspan=\"{n}\">{y}</th>");
    }
    h.push_str("</tr>\n<tr class=\"grid-periods\">");
    let now = label("grid", "current");
    let longs: Vec<String> = g.periods.iter().map(|p| esc(&lang.words.period(*p))).collect();
    for (i, p) in g.periods.iter().enumerate() {
        let short = esc(&period_short(lang, *p));
        if current[i] {
            let _ = write!(
                    h,
                    "<th scope=\"col\" data-period=\"{p}\" class=\"current\" aria-current=\"date\"><span class=\"now-mark\" aria-hidden=\"true\">▼</span><span aria-hidden=\"true\">{short}</span><span class=\"visually-hidden\">{} ({now})</span></th>",
                    longs[i]
                );
        } else {
            let _ = write!(
                    h,
                    "<th scope=\"col\" data-period=\"{p}\"><span aria-hidden=\"true\">{short}</span><span class=\"visually-hidden\">{}</span></th>",
                    longs[i]
                );
        }
    }
    h.push_str("</tr>\n</thead>\n<tbody>\n");
    let star = label("parcours", "star_label");
    let states: Vec<String> = [CellState::Running, CellState::Upcoming, CellState::Planned, CellState::Past]
        .iter()
        .map(|s| label("grid_state", s.key()))
        .collect();
    for r in &g.rows {
        let m = &cat.content.moocs[r.mooc];
        let t = lang.text(m);
        let url = lang.url(&format!("moocs/{}/", m.meta.slug));
        let text_lang = t.lang;
        let lang_attr = if text_lang == lang.code { String::new() } else { format!(" lang=\"{text_lang}\"") };
        let _ = write!(
            h,
            "<tr data-mooc=\"{}\" data-core=\"{}\"><th scope=\"row\"><a href=\"{}\"{lang_attr}>{}</a>",
            m.meta.slug,
            r.core,
            esc(&url),
            esc(t.title)
        );
        if r.core {
            let _ = write!(
                h,
                " <span class=\"star\" aria-hidden=\"true\">★</span><span class=\"visually-hidden\"> {star}</span>"
            );
        }
        h.push_str("</th>");
        for (i, (cell, p)) in r.cells.iter().zip(&g.periods).enumerate() {
            let cur = if current[i] { " current" } else { "" };
            match cell {
                None if current[i] => {
                    let _ = write!(h, "<td data-period=\"{p}\" class=\"current\"></td>");
                }
                None => {
                    let _ = write!(h, "<td data-period=\"{p}\"></td>");
                }
                Some(f) => {
                    let key = f.state.key();
                    let state_label = &states[f.state as usize];
                    let _ = write!(
                            h,
                            "<td data-period=\"{p}\" data-state=\"{key}\" class=\"cell cell-{key}{cur}\"><a href=\"{}#session-{}\"><span class=\"mark\" aria-hidden=\"true\">{}</span><span class=\"visually-hidden\">{state_label}: {}</span></a></td>",
                            esc(&url),
                            f.session + 1,
                            symbol(f.state),
                            esc(&session_dates(lang, r.mooc, f.session))
                        );
                }
            }
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>");
    h
}
