//! The list of parcours (`/parcours/`) and a parcours' page: its card, its
//! MOOCs (core ones marked), its schedule's grid and its calendar.

mod planner;

use serde_json::{json, Value};

use crate::diagnostic::{Diagnostic, Out};
use crate::load::Parcours;
use crate::render::calendars::calendar_file;
use crate::render::cards::parcours_card;
use crate::render::context::{Context, PageOut};
use crate::render::globals::tv;
use crate::render::pages::{slugs, PageKind, Showing, Shows};
use crate::render::social::{self, Head};
use crate::render::structured::{absolute, program};
use crate::render::values::{json, Card};
use crate::render::{brochure, dates, feeds, grid, parts, pictures};
use crate::resolve::Catalogue;

/// `/parcours/`: every parcours' card.
pub struct List;

impl PageKind for List {
    fn render(&self, ctx: &Context, _: usize, _: &mut Out) -> PageOut {
        let title = ctx.lang.label("nav", "parcours");
        let list: Vec<Value> = (0..ctx.cat.content.parcours.len()).map(|i| parcours_card(&ctx.lang, i)).collect();
        let mut page = ctx.page(
            "parcours/".into(),
            "parcours_list.html",
            &ctx.page_title(&title),
            "",
            vec![("parcours", tv(list.into()))],
        );
        let all = ctx.cat.content.parcours.iter().map(|p| dates::updated(&ctx.lang, p));
        page.lastmod = dates::latest(ctx.cat.today, all);
        page
    }

    /// Cards of parcours show no MOOC.
    fn showing(&self, _: &Catalogue) -> Showing {
        Showing::None
    }
}

/// `/parcours/<slug>/`.
pub struct Pages;

impl PageKind for Pages {
    fn pages(&self, cat: &Catalogue) -> Vec<String> {
        slugs(&cat.content.parcours)
    }

    fn render(&self, ctx: &Context, i: usize, out: &mut Out) -> PageOut {
        let cat = ctx.cat;
        let p = &cat.content.parcours[i];
        let t = ctx.lang.text(p);
        let mut card = parcours_card(&ctx.lang, i);
        if let (Value::Object(c), Value::Object(more)) = (&mut card, values(ctx, p, out)) {
            c.extend(more);
        }
        // The grid of the schedule it names, if any, and the planner that
        // goes with it.
        let schedule = p.schedule.as_ref().and_then(|s| cat.content.schedules.position(&s.value));
        let computed = schedule.map(|si| (si, grid::compute(cat, si)));
        let grid = computed.as_ref().map_or(Value::Null, |(si, g)| grid::values::value(&ctx.lang, *si, g));
        let planner = computed.as_ref().map_or(Value::Null, |(_, g)| planner::value(&ctx.lang, i, g));
        let path = format!("parcours/{}/", p.meta.slug);
        let moocs: Vec<usize> = p.moocs.iter().filter_map(|m| cat.content.moocs.position(&m.value)).collect();
        let lastmod = dates::of_moocs(&ctx.lang, &moocs, [dates::updated(&ctx.lang, p)]);
        let (image, card_file) = social::parcours_image(&ctx.lang, ctx.pictures, i, ctx.card_font);
        let url = absolute(&ctx.lang, &ctx.lang.url(&path));
        let feed = feeds::own_link(&ctx.lang, t.title, &path);
        let head = Head {
            json_ld: Some(program::json_ld(&ctx.lang, i, &url, &image.url)),
            image: Some(image),
            feeds: vec![feed.clone()],
        };
        let mut page = ctx.page(
            path.clone(),
            "parcours.html",
            &ctx.page_title(t.title),
            t.summary,
            vec![("parcours", tv(card)), ("grid", tv(grid)), ("planner", tv(planner)), ("head", head.value())],
        );
        page.files.push(("sessions.ics".into(), calendar_file(&ctx.lang, t.title, &moocs)));
        page.files.push((feeds::OWN.into(), feeds::own(&ctx.lang, &moocs, &feed, &path, lastmod)));
        page.files.extend(pictures::made_file(&ctx.lang, p));
        page.cards.extend(card_file);
        if has_brochure(cat, &p.meta.slug) {
            match brochure::pdf(&ctx.lang, Some(i), ctx.fonts) {
                Ok(pdf) => page.files.push(("brochure.pdf".into(), pdf)),
                Err(problem) => out.push(Diagnostic::about(&p.meta.file.path, problem)),
            }
        }
        page.lastmod = lastmod;
        page
    }

    /// Its own parcours' pages, and those whose schedule has the MOOC as
    /// a row (a schedule may list MOOCs of its own).
    fn showing(&self, cat: &Catalogue) -> Showing {
        let parcours = &cat.content.parcours;
        let mut shown: Vec<Vec<String>> = cat
            .mooc_parcours
            .iter()
            .map(|ps| ps.iter().map(|&(p, _)| parcours[p].meta.slug.clone()).collect())
            .collect();
        for p in parcours.iter() {
            let Some(si) = p.schedule.as_ref().and_then(|s| cat.content.schedules.position(&s.value)) else { continue };
            for m in grid::rows(cat, si) {
                if let Some(names) = shown.get_mut(m).filter(|names| !names.contains(&p.meta.slug)) {
                    names.push(p.meta.slug.clone());
                }
            }
        }
        Showing::Each(shown.into_iter().map(Shows::These).collect())
    }
}

/// Whether `[brochure]` in vitrine.toml gives parcours `slug` a brochure.
fn has_brochure(cat: &Catalogue, slug: &str) -> bool {
    cat.config.brochure.as_ref().is_some_and(|b| b.has(slug))
}

/// What a parcours' page shows besides its card.
fn values(ctx: &Context, p: &Parcours, out: &mut Out) -> Value {
    let cat = ctx.cat;
    let t = ctx.lang.text(p);
    let moocs: Vec<Value> = p
        .moocs
        .iter()
        .filter_map(|m| cat.content.moocs.position(&m.value).map(|mi| (mi, p.core.iter().any(|c| c.value == m.value))))
        .map(|(mi, core)| json(&Card { core: Some(core), ..ctx.cards.card(&ctx.lang, ctx.pictures, mi) }))
        .collect();
    let schedule = p.schedule.as_ref().and_then(|s| cat.content.schedules.get(&s.value)).map(|s| {
        let url = ctx.lang.url(&format!("schedules/{}/", s.meta.slug));
        json!({"slug": s.meta.slug, "title": ctx.lang.text(s).title, "url": url})
    });
    json!({
        "body_html": ctx.body_html(t.meta, out),
        "institutions": parts::institution_links(&ctx.lang, &p.institutions),
        "partners": parts::institution_links(&ctx.lang, &p.partners),
        "moocs": moocs,
        "core_count": p.core.len(),
        "core_required": p.core_required_count(),
        "ects": p.ects,
        "price_note": match ctx.lang.translation::<Parcours>(&p.meta.slug) {
            Some(tr) if tr.price_note.is_some() => &tr.price_note,
            _ => &p.price_note,
        },
        "progression": parts::keyed(&ctx.lang, "progression", if p.ordered { "ordered" } else { "any" }),
        "ics_url": ctx.lang.url(&format!("parcours/{}/sessions.ics", p.meta.slug)),
        "brochure_url": has_brochure(cat, &p.meta.slug).then(|| ctx.lang.url(&format!("parcours/{}/brochure.pdf", p.meta.slug))),
        "schedule": schedule,
        "cover": ctx.image(p),
    })
}
