//! Schedule pages (`/schedules/<slug>/` with its grid, `grid.json` and
//! `sessions.ics`), the list of schedules, and the grid and calendar of a
//! parcours page.

use serde_json::{json, Value};

use crate::diagnostic::Out;
use crate::load::Kind;
use crate::render::globals::tv;
use crate::render::grid::{grid_json, Grid};
use crate::render::pages::PageOut;
use crate::render::view::View;

impl View<'_> {
    /// The schedule page with its `grid.json` and `sessions.ics`.
    pub fn schedule(&self, i: usize, out: &mut Out) -> PageOut {
        let (mut page, grid) = self.schedule_page(i, out);
        page.files = self.schedule_files(i, &grid);
        page
    }

    /// The schedule page alone, and its grid.
    pub fn schedule_page(&self, i: usize, out: &mut Out) -> (PageOut, Grid) {
        let s = &self.cat.content.schedules[i];
        let t = self.text(Kind::Schedule, &s.meta, &s.title, "");
        let rows = self.schedule_rows(i);
        let grid = self.compute_grid(i);
        let mut schedule = self.schedule_summary(s);
        schedule["body_html"] = self.body_html(t.meta, out).into();
        let page = self.page(
            format!("schedules/{}/", s.meta.slug),
            "schedule.html",
            &self.page_title(t.title),
            "",
            vec![("schedule", tv(schedule)), ("grid", tv(self.grid_value(i, &grid))), ("moocs", self.items(&rows))],
        );
        (page, grid)
    }

    /// `grid.json` and `sessions.ics` of schedule `i`.
    pub fn schedule_files(&self, i: usize, grid: &Grid) -> Vec<(&'static str, Vec<u8>)> {
        let s = &self.cat.content.schedules[i];
        let title = self.text(Kind::Schedule, &s.meta, &s.title, "").title;
        let rows: Vec<usize> = grid.rows.iter().map(|r| r.mooc).collect();
        let json = serde_json::to_vec_pretty(&grid_json(self, grid, self.cat.today)).unwrap_or_default();
        vec![("grid.json", json), ("sessions.ics", self.calendar_file(title, &rows))]
    }

    /// `/schedules/`: every schedule, with its parcours.
    pub fn schedules(&self) -> PageOut {
        let list: Vec<Value> = self
            .cat
            .content
            .schedules
            .iter()
            .map(|s| {
                let mut summary = self.schedule_summary(s);
                summary["rows"] = self.schedule_rows_count(s).into();
                summary
            })
            .collect();
        let title = self.theme.label(self.lang, "nav", "schedules");
        self.page(
            "schedules/".into(),
            "schedules.html",
            &self.page_title(&title),
            "",
            vec![("schedules", tv(list.into()))],
        )
    }

    /// What both the schedule page and the list show of a schedule.
    fn schedule_summary(&self, s: &crate::load::Schedule) -> Value {
        let t = self.text(Kind::Schedule, &s.meta, &s.title, "");
        let parcours = s.parcours.as_ref().and_then(|p| self.cat.content.parcours.position(&p.value));
        json!({
            "slug": s.meta.slug,
            "url": self.url(&format!("schedules/{}/", s.meta.slug)),
            "title": t.title,
            "content_lang": t.lang,
            "note": self.schedule_note(s),
            "version": s.version.map(|d| self.date(d)),
            "parcours": parcours.map(|p| self.parcours_link(p)),
        })
    }

    fn schedule_note(&self, s: &'_ crate::load::Schedule) -> Option<String> {
        match self.translation(Kind::Schedule, &s.meta.slug) {
            Some(crate::load::Entity::Schedule(tr)) if tr.note.is_some() => tr.note.clone(),
            _ => s.note.clone(),
        }
    }

    fn schedule_rows_count(&self, s: &crate::load::Schedule) -> usize {
        self.cat.content.schedules.position(&s.meta.slug).map_or(0, |i| self.schedule_rows(i).len())
    }

    /// Rows of a schedule: its `moocs` if given, else its parcours' MOOCs,
    /// core ones first, then the others by title.
    pub fn schedule_rows(&self, i: usize) -> Vec<usize> {
        let s = &self.cat.content.schedules[i];
        let content = &self.cat.content;
        if !s.moocs.is_empty() {
            return s.moocs.iter().filter_map(|m| content.moocs.position(&m.value)).collect();
        }
        let Some(p) = s.parcours.as_ref().and_then(|p| content.parcours.get(&p.value)) else {
            return Vec::new();
        };
        let core: Vec<usize> = p.core.iter().filter_map(|m| content.moocs.position(&m.value)).collect();
        let mut others: Vec<usize> =
            p.moocs.iter().filter_map(|m| content.moocs.position(&m.value)).filter(|m| !core.contains(m)).collect();
        others.sort_by_cached_key(|&m| crate::base::slug::fold(&self.cat.content.moocs[m].title));
        core.into_iter().chain(others).collect()
    }

    /// The grid of the schedule a parcours names, if any.
    pub fn parcours_grid(&self, pi: usize) -> Option<Value> {
        let p = &self.cat.content.parcours[pi];
        let si = self.cat.content.schedules.position(&p.schedule.as_ref()?.value)?;
        Some(self.grid_value(si, &self.compute_grid(si)))
    }
}
