//! Free pages (`content/pages/<slug>.md`, at `/<slug>/`) and the page of
//! a missing address (`404.html`, not in the sitemap).

use serde_json::json;

use crate::diagnostic::Out;
use crate::render::context::{Context, PageOut};
use crate::render::dates;
use crate::render::globals::tv;
use crate::render::pages::{slugs, PageKind, Showing};
use crate::resolve::Catalogue;

/// `/<slug>/`.
pub struct Pages;

impl PageKind for Pages {
    fn pages(&self, cat: &Catalogue) -> Vec<String> {
        slugs(&cat.content.pages)
    }

    fn render(&self, ctx: &Context, i: usize, out: &mut Out) -> PageOut {
        let p = &ctx.cat.content.pages[i];
        let t = ctx.lang.text(p);
        let path = format!("{}/", p.meta.slug);
        let page = json!({
            "slug": p.meta.slug,
            "url": ctx.lang.url(&path),
            "title": t.title,
            "content_lang": t.lang,
            "summary": t.summary,
            "body_html": ctx.body_html(t.meta, out),
        });
        let mut page = ctx.page(path, "page.html", &ctx.page_title(t.title), t.summary, vec![("page", tv(page))]);
        page.lastmod = dates::latest(ctx.cat.today, [dates::updated(&ctx.lang, p)]);
        page
    }

    fn showing(&self, _: &Catalogue) -> Showing {
        Showing::None
    }
}

/// `404.html`.
pub struct NotFound;

impl PageKind for NotFound {
    fn render(&self, ctx: &Context, _: usize, _: &mut Out) -> PageOut {
        let title = ctx.lang.label("notfound", "title");
        ctx.page("404.html".into(), "404.html", &ctx.page_title(&title), "", Vec::new())
    }

    fn showing(&self, _: &Catalogue) -> Showing {
        Showing::None
    }

    fn listed(&self) -> bool {
        false
    }
}
