//! The site's Atom feeds in each language (`feeds/moocs.xml`: the MOOCs
//! newly published; `feeds/sessions.xml`: the sessions whose enrolment
//! opened; see `render/feeds.rs`) and the site's card image (`og:image`
//! of the pages without one of their own, `render/social.rs`).

use crate::diagnostic::Out;
use crate::render::context::{Context, PageOut};
use crate::render::pages::{PageKind, Showing};
use crate::render::{dates, feeds, social};
use crate::resolve::Catalogue;

/// `feeds/moocs.xml` and `feeds/sessions.xml`.
pub struct Feeds;

impl PageKind for Feeds {
    fn pages(&self, _: &Catalogue) -> Vec<String> {
        feeds::SITE.iter().map(|(name, _)| name.to_string()).collect()
    }

    fn render(&self, ctx: &Context, i: usize, _: &mut Out) -> PageOut {
        let (name, path) = feeds::SITE[i.min(feeds::SITE.len() - 1)];
        let all: Vec<usize> = (0..ctx.cat.content.moocs.len()).collect();
        let items = match name {
            "moocs" => feeds::published(&ctx.lang, &all),
            _ => feeds::enrolments(&ctx.lang, &all),
        };
        let home = ctx.cat.home().and_then(|h| dates::updated(&ctx.lang, h));
        let about = feeds::About {
            title: feeds::site_title(&ctx.lang, name),
            url: &ctx.lang.url(path),
            page: &ctx.lang.url("moocs/"),
            page_date: dates::latest(ctx.cat.today, [home]),
        };
        PageOut::file(path.to_string(), feeds::xml(&ctx.lang, &about, items))
    }

    fn listed(&self) -> bool {
        false
    }
}

/// The site's card image, `card.<hash>.png` in each language folder.
pub struct SiteCard;

impl PageKind for SiteCard {
    fn render(&self, ctx: &Context, _: usize, _: &mut Out) -> PageOut {
        let card = social::site_card(&ctx.lang);
        PageOut::card(card.file_name(ctx.card_font), card)
    }

    /// It shows no MOOC.
    fn showing(&self, _: &Catalogue) -> Showing {
        Showing::None
    }

    fn listed(&self) -> bool {
        false
    }
}
