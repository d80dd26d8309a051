//! The home page: the text of `content/_index.md`, the featured MOOCs, the
//! MOOCs open for enrolment and the parcours.

use serde_json::json;

use crate::diagnostic::Out;
use crate::render::cards::parcours_card;
use crate::render::context::{Context, PageOut};
use crate::render::globals::tv;
use crate::render::pages::{one, PageKind};
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
        let moocs = &cat.content.moocs;
        let featured: Vec<usize> = (0..moocs.len()).filter(|&i| moocs[i].featured).collect();
        let open: Vec<usize> = (0..moocs.len()).filter(|&i| cat.states[i].status.enrollable()).collect();
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
                ("featured", ctx.cards.by_title_of(&featured)),
                ("open_now", ctx.cards.by_title_of(&open)),
                ("parcours", tv(parcours.into())),
                ("head", head.value()),
            ],
        );
        let shown = featured.iter().chain(&open).copied().collect::<Vec<_>>();
        let own = cat.home().and_then(|h| dates::updated(&ctx.lang, h));
        let parcours = cat.content.parcours.iter().map(|p| dates::updated(&ctx.lang, p));
        page.lastmod = dates::of_moocs(&ctx.lang, &shown, parcours.chain([own]));
        page
    }

    /// It shows the MOOCs that are featured or open for enrolment.
    fn showing(&self, cat: &Catalogue, m: usize) -> Vec<String> {
        let shown = cat.content.moocs[m].featured || cat.states[m].status.enrollable();
        if shown {
            one()
        } else {
            Vec::new()
        }
    }
}
