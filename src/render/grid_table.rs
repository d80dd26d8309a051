//! The `<table>` of a schedule grid, written directly rather than through a
//! template: a 1,000-MOOC × 48-month grid has 48,000 cells, which a
//! template engine renders far too slowly (see benches/grid.rs). Themes get
//! it as `grid.table_html` and style it with CSS; the markup is the contract
//! in docs/templates.md ("The grid table").

use std::fmt::Write;

use crate::calendar::grid::{CellState, Granularity};
use crate::render::calendars::session_dates;
use crate::render::context::Context;
use crate::render::grid::{period_short, Grid};
use crate::render::theme::escape_html as esc;

/// The symbol of a cell state: states differ by shape, not only colour.
pub fn symbol(state: CellState) -> &'static str {
    match state {
        CellState::Running => "●",
        CellState::Upcoming => "◆",
        CellState::Planned => "○",
        CellState::Past => "✓",
    }
}

fn caption(ctx: &Context, si: usize, g: &Grid) -> String {
    let s = &ctx.cat.content.schedules[si];
    let title = ctx.lang.text(s).title;
    let key = if s.monthly { "caption_month" } else { "caption_quarter" };
    let (from, to) = match (g.periods.first(), g.periods.last()) {
        (Some(a), Some(b)) => (ctx.words.period(*a), ctx.words.period(*b)),
        _ => (String::new(), String::new()),
    };
    ctx.label("grid", key).replace("{title}", title).replace("{from}", &from).replace("{to}", &to)
}

/// The grid's table (caption, two header rows, one row per MOOC).
pub fn table(ctx: &Context, si: usize, g: &Grid) -> String {
    let cat = ctx.cat;
    let slug = &cat.content.schedules[si].meta.slug;
    let today = cat.today;
    let label = |table: &str, key: &str| esc(&ctx.label(table, key));
    let current: Vec<bool> = g.periods.iter().map(|p| p.first_day() <= today && today <= p.last_day()).collect();
    let mut h = String::with_capacity(200 + g.rows.len() * (120 + g.periods.len() * 40));
    let gran = match g.granularity {
        Granularity::Quarter => "quarter",
        Granularity::Month => "month",
    };
    let _ = write!(
            h,
            "<table class=\"grid\" data-schedule=\"{slug}\" data-granularity=\"{gran}\">\n<caption id=\"grid-caption-{slug}\">{}</caption>\n<colgroup><col class=\"grid-col-mooc\"></colgroup>",
            esc(&caption(ctx, si, g))
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
    let longs: Vec<String> = g.periods.iter().map(|p| esc(&ctx.words.period(*p))).collect();
    for (i, p) in g.periods.iter().enumerate() {
        let short = esc(&period_short(ctx, *p));
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
        let t = ctx.lang.text(m);
        let url = ctx.url(&format!("moocs/{}/", m.meta.slug));
        let lang = t.lang;
        let lang_attr = if lang == ctx.lang.code { String::new() } else { format!(" lang=\"{lang}\"") };
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
                            esc(&session_dates(ctx, r.mooc, f.session))
                        );
                }
            }
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>");
    h
}
