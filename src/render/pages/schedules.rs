//! Schedule pages (`/schedules/<slug>/`: the grid, its MOOCs, and the files
//! `grid.json` and `sessions.ics`) and the list of schedules
//! (`/schedules/`). The grid itself is made in `render/grid.rs`, which
//! parcours pages use too.

use serde_json::{json, Value};

use crate::diagnostic::Out;
use crate::load::Schedule;
use crate::render::calendars::calendar_file;
use crate::render::context::{Context, PageOut};
use crate::render::globals::tv;
use crate::render::grid::{self, Grid};
use crate::render::pages::{slugs, PageKind, Showing, Shows};
use crate::render::{dates, parts};
use crate::resolve::Catalogue;

/// `/schedules/<slug>/`.
pub struct Pages;

impl PageKind for Pages {
    fn pages(&self, cat: &Catalogue) -> Vec<String> {
        slugs(&cat.content.schedules)
    }

    fn render(&self, ctx: &Context, i: usize, out: &mut Out) -> PageOut {
        let (mut page, grid) = page(ctx, i, out);
        page.files = files(ctx, i, &grid);
        let s = &ctx.cat.content.schedules[i];
        page.lastmod = dates::of_moocs(&ctx.lang, &grid::rows(ctx.cat, i), [s.version, dates::updated(&ctx.lang, s)]);
        page
    }

    /// The schedules that have the MOOC as a row.
    fn showing(&self, cat: &Catalogue) -> Showing {
        let mut each = vec![Vec::new(); cat.content.moocs.len()];
        for (s, schedule) in cat.content.schedules.iter().enumerate() {
            for m in grid::rows(cat, s) {
                if let Some(names) =
                    each.get_mut(m).filter(|names: &&mut Vec<String>| !names.contains(&schedule.meta.slug))
                {
                    names.push(schedule.meta.slug.clone());
                }
            }
        }
        Showing::Each(each.into_iter().map(Shows::These).collect())
    }
}

/// The page of schedule `i` without its files, and its grid.
pub fn page(ctx: &Context, i: usize, out: &mut Out) -> (PageOut, Grid) {
    let s = &ctx.cat.content.schedules[i];
    let t = ctx.lang.text(s);
    let rows = grid::rows(ctx.cat, i);
    let grid = grid::compute(ctx.cat, i);
    let mut schedule = summary(ctx, s);
    schedule["body_html"] = ctx.body_html(t.meta, out).into();
    let page = ctx.page(
        format!("schedules/{}/", s.meta.slug),
        "schedule.html",
        &ctx.page_title(t.title),
        "",
        vec![
            ("schedule", tv(schedule)),
            ("grid", tv(grid::values::value(&ctx.lang, i, &grid))),
            ("moocs", ctx.cards.items(&rows)),
        ],
    );
    (page, grid)
}

/// `grid.json` and `sessions.ics` of schedule `i`.
pub fn files(ctx: &Context, i: usize, grid: &Grid) -> Vec<(String, Vec<u8>)> {
    let title = ctx.lang.text(&ctx.cat.content.schedules[i]).title;
    let rows: Vec<usize> = grid.rows.iter().map(|r| r.mooc).collect();
    let json = serde_json::to_vec_pretty(&grid::values::json_file(ctx.cat, grid, ctx.cat.today)).unwrap_or_default();
    vec![("grid.json".into(), json), ("sessions.ics".into(), calendar_file(&ctx.lang, title, &rows))]
}

/// `/schedules/`: every schedule, with its parcours and its number of rows.
pub struct List;

impl PageKind for List {
    fn render(&self, ctx: &Context, _: usize, _: &mut Out) -> PageOut {
        let schedules = &ctx.cat.content.schedules;
        let list: Vec<Value> = (0..schedules.len())
            .map(|i| {
                let mut summary = summary(ctx, &schedules[i]);
                summary["rows"] = grid::rows(ctx.cat, i).len().into();
                summary
            })
            .collect();
        let title = ctx.lang.label("nav", "schedules");
        let mut page = ctx.page(
            "schedules/".into(),
            "schedules.html",
            &ctx.page_title(&title),
            "",
            vec![("schedules", tv(list.into()))],
        );
        let own = schedules.iter().flat_map(|s| [s.version, dates::updated(&ctx.lang, s)]);
        page.lastmod = dates::latest(ctx.cat.today, own);
        page
    }
}

/// What both the schedule page and the list show of a schedule.
fn summary(ctx: &Context, s: &Schedule) -> Value {
    let t = ctx.lang.text(s);
    let parcours = s.parcours.as_ref().and_then(|p| ctx.cat.content.parcours.get(&p.value));
    let note = match ctx.lang.translation::<Schedule>(&s.meta.slug) {
        Some(tr) if tr.note.is_some() => &tr.note,
        _ => &s.note,
    };
    json!({
        "slug": s.meta.slug,
        "url": ctx.lang.url(&format!("schedules/{}/", s.meta.slug)),
        "title": t.title,
        "content_lang": t.lang,
        "note": note,
        "version": s.version.map(|d| parts::date(&ctx.lang, d)),
        "parcours": parcours.map(|p| parts::link(&ctx.lang, p)),
    })
}
