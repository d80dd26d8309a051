//! The home page: the text of `content/_index.md`, the featured MOOCs, the
//! MOOCs open for enrolment and the parcours.

use serde_json::json;

use crate::diagnostic::Out;
use crate::render::cards::parcours_card;
use crate::render::context::{Context, PageOut};
use crate::render::globals::tv;
use crate::render::pages::lists::{self, Featured, OpenNow};
use crate::render::pages::{one, PageKind, Showing, Shows};
use crate::render::paging;
use crate::render::social::Head;
use crate::render::{dates, structured};
use crate::resolve::Catalogue;

pub struct Home;

impl PageKind for Home {
    fn render(&self, ctx: &Context, _: usize, out: &mut Out) -> PageOut {
        let cat = ctx.cat;
        let (title, summary, body, text_lang) = match cat.home() {
            Some(h) => {
                let t = ctx.lang.text(h);
                (t.title.to_string(), t.summary, ctx.body_html(t.meta, out), t.lang)
            }
            None => (String::new(), "", String::new(), ctx.lang.code),
        };
        // The first of each list, by title: the page does not grow with the
        // catalogue; `/moocs/open/` has them all.
        let per = lists::per_page(cat);
        let featured = ctx.cards.sorted(("featured", 0), || Featured::moocs(cat));
        let open = ctx.cards.sorted(("open-now", 0), || OpenNow::moocs(cat));
        let (first_featured, first_open) = (paging::slice(&featured, 1, per), paging::slice(&open, 1, per));
        let site_title = cat.config.title(ctx.lang.code);
        let shown_title = if title.is_empty() { site_title.to_string() } else { title.clone() };
        let parcours: Vec<serde_json::Value> =
            (0..cat.content.parcours.len()).map(|i| parcours_card(&ctx.lang, i)).collect();
        let head = Head { json_ld: Some(structured::site::website(&ctx.lang, summary)), ..Head::default() };
        let mut page = ctx.page(
            String::new(),
            "index.html",
            site_title,
            summary,
            vec![
                ("home", tv(json!({"title": shown_title, "body_html": body, "content_lang": text_lang}))),
                ("featured", ctx.cards.items(first_featured)),
                ("featured_total", tv(json!(featured.len()))),
                ("open_now", ctx.cards.items(first_open)),
                ("open_now_total", tv(json!(open.len()))),
                ("open_now_url", tv(json!(ctx.lang.url(lists::OPEN_NOW)))),
                ("parcours", tv(parcours.into())),
                ("head", head.value()),
            ],
        );
        let shown = first_featured.iter().chain(first_open).copied().collect::<Vec<_>>();
        let own = cat.home().and_then(|h| dates::updated(&ctx.lang, h));
        let parcours = cat.content.parcours.iter().map(|p| dates::updated(&ctx.lang, p));
        page.lastmod = dates::of_moocs(&ctx.lang, &shown, parcours.chain([own]));
        page
    }

    /// It shows the MOOCs that are featured or open for enrolment.
    fn showing(&self, cat: &Catalogue) -> Showing {
        let shown = |(m, s): (&crate::load::Mooc, &crate::resolve::MoocState)| match m.featured || s.status.enrollable()
        {
            true => Shows::These(one()),
            false => Shows::These(Vec::new()),
        };
        Showing::Each(cat.content.moocs.iter().zip(&cat.states).map(shown).collect())
    }
}
