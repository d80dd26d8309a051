//! The `<table>` of a schedule grid, written directly rather than through a
//! template: a 1,000-MOOC × 48-month grid has 48,000 cells, which a
//! template engine renders far too slowly (see benches/grid.rs). Themes get
//! it as `grid.table_html` and style it with CSS; the markup is the contract
//! in docs/templates.md ("The grid table").

use std::fmt::Write;

use crate::calendar::grid::CellState;
use crate::render::grid::Grid;
use crate::render::theme::escape_html as esc;
use crate::render::view::View;

/// The symbol of a cell state: states differ by shape, not only colour.
pub fn symbol(state: CellState) -> &'static str {
    match state {
        CellState::Running => "●",
        CellState::Upcoming => "◆",
        CellState::Planned => "○",
        CellState::Past => "✓",
    }
}

impl View<'_> {
    fn grid_caption(&self, si: usize, g: &Grid) -> String {
        let s = &self.cat.content.schedules[si];
        let title = self.text(crate::load::Kind::Schedule, &s.meta, &s.title, "").title;
        let key = if s.monthly { "caption_month" } else { "caption_quarter" };
        let (from, to) = match (g.periods.first(), g.periods.last()) {
            (Some(a), Some(b)) => (self.words.period(*a), self.words.period(*b)),
            _ => (String::new(), String::new()),
        };
        self.theme.label(self.lang, "grid", key).replace("{title}", title).replace("{from}", &from).replace("{to}", &to)
    }

    /// The grid's table (caption, two header rows, one row per MOOC).
    pub fn grid_table(&self, si: usize, g: &Grid) -> String {
        let slug = &self.cat.content.schedules[si].meta.slug;
        let today = self.cat.today;
        let label = |table: &str, key: &str| esc(&self.theme.label(self.lang, table, key));
        let current: Vec<bool> = g.periods.iter().map(|p| p.first_day() <= today && today <= p.last_day()).collect();
        let mut h = String::with_capacity(200 + g.rows.len() * (120 + g.periods.len() * 40));
        let gran = match g.granularity {
            crate::calendar::grid::Granularity::Quarter => "quarter",
            crate::calendar::grid::Granularity::Month => "month",
        };
        let _ = write!(
            h,
            "<table class=\"grid\" data-schedule=\"{slug}\" data-granularity=\"{gran}\">\n<caption id=\"grid-caption-{slug}\">{}</caption>\n<colgroup><col class=\"grid-col-mooc\"></colgroup>",
            esc(&self.grid_caption(si, g))
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
        let longs: Vec<String> = g.periods.iter().map(|p| esc(&self.words.period(*p))).collect();
        for (i, p) in g.periods.iter().enumerate() {
            let short = esc(&self.period_short(*p));
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
            let m = &self.cat.content.moocs[r.mooc];
            let t = self.text(crate::load::Kind::Mooc, &m.meta, &m.title, &m.summary);
            let url = self.url(&format!("moocs/{}/", m.meta.slug));
            let lang = t.lang;
            let lang_attr = if lang == self.lang { String::new() } else { format!(" lang=\"{lang}\"") };
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
                            esc(&self.session_dates(r.mooc, f.session))
                        );
                    }
                }
            }
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody>\n</table>");
        h
    }
}
