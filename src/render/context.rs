//! What every kind of page gets, read-only: the catalogue in one language
//! with its UI strings (`lang`), its MOOC cards and title order (`cards`),
//! and the bodies rendered for every language. A page kind (`pages/`)
//! takes a [`Context`] and makes [`PageOut`]s; what only one kind of page
//! needs stays in that kind's file.

use jiff::civil::Date;

use crate::card_image::Font;
use crate::diagnostic::Out;
use crate::i18n::Lang;
use crate::images::Pictures;
use crate::load::{EntityKind, Meta};
use crate::markdown::{self, Body};
use crate::pdf::Fonts;
use crate::render::bodies::{internal_path, Bodies};
use crate::render::cards::{Cards, Items};
use crate::render::globals::Globals;
use crate::render::pictures;
use crate::render::social::CardText;
use crate::render::theme::Theme;
use crate::render::values::Image;
use crate::resolve::Catalogue;
use crate::timing::{self, Phase};

/// A page to render: where it goes, with which template and values.
pub struct PageOut {
    /// Path inside the language folder, e.g. `moocs/x/` (a folder gets
    /// `index.html`) or `404.html`.
    pub path: String,
    pub template: &'static str,
    pub context: tera::Context,
    /// Files that go with the page, by name inside its folder
    /// (`sessions.ics`, `grid.json`, a made cover).
    pub files: Vec<(String, Vec<u8>)>,
    /// Card images that go with the page, by name inside its folder:
    /// drawn when written, unless the site being replaced has them
    /// ([`CardText::bytes`]).
    pub cards: Vec<(String, CardText)>,
    /// The page's file itself when it is a card image (`template` is empty).
    pub card: Option<CardText>,
    /// The page's file itself when it is not made with a template (a feed,
    /// an export): written as it is, and `template` is empty.
    pub bytes: Option<Vec<u8>>,
    /// The date of the content the page shows (`lastmod` in the sitemap;
    /// see `render::dates`), if it has one.
    pub lastmod: Option<Date>,
}

impl PageOut {
    /// A page that is a file made without a template, at `path`.
    pub fn file(path: String, bytes: Vec<u8>) -> PageOut {
        PageOut {
            path,
            template: "",
            context: tera::Context::new(),
            files: Vec::new(),
            cards: Vec::new(),
            card: None,
            bytes: Some(bytes),
            lastmod: None,
        }
    }

    /// A page that is a card image, at `path`.
    pub fn card(path: String, card: CardText) -> PageOut {
        PageOut { bytes: None, card: Some(card), ..PageOut::file(path, Vec::new()) }
    }
}

/// One language's context.
pub struct Context<'a> {
    pub cat: &'a Catalogue,
    /// The language: its strings and URLs, and the catalogue's texts in it.
    pub lang: Lang<'a>,
    /// The MOOCs' cards, rendered once for every list of the language, and
    /// their order by title.
    pub cards: Cards,
    /// The values every page of this language gets.
    globals: Globals,
    /// Bodies rendered once for every language, when there are several.
    bodies: Option<&'a Bodies>,
    /// The pictures of the site's images (`src/images/`).
    pub pictures: &'a Pictures,
    /// The theme's font for card images (`render::social`).
    pub card_font: &'a (Font, String),
    /// The theme's fonts, for the brochures of parcours pages.
    pub fonts: &'a Fonts,
}

impl<'a> Context<'a> {
    /// The context of language `code`. MOOC cards are built and rendered
    /// (`card.html`) here, in parallel, but those `reuse` holds: the cards
    /// of a previous context of the same language ([`Context::into_items`])
    /// that cannot have changed (`vitrine serve`).
    pub fn new(
        cat: &'a Catalogue,
        theme: &'a Theme,
        code: &'a str,
        pictures: &'a Pictures,
        reuse: Items,
        bodies: Option<&'a Bodies>,
        out: &mut Out,
    ) -> Self {
        let lang = Lang::new(cat, code, &theme.strings);
        let globals = Globals::new(&lang, theme);
        let cards = timing::time(Phase::Cards, || Cards::new(&lang, theme, pictures, &globals.strings(), reuse, out));
        Context { cat, lang, cards, globals, bodies, pictures, card_font: &theme.card_font, fonts: &theme.fonts }
    }

    /// A cover or logo as the page shows it ([`pictures::image`]).
    pub fn image<T: EntityKind>(&self, e: &'a T) -> Option<Image> {
        pictures::image(&self.lang, self.pictures, e)
    }

    /// The cards of this context, for the next one of the same language.
    pub fn into_items(self) -> Items {
        self.cards.into_items(self.cat)
    }

    /// The title of a page: its own, then the site's.
    pub fn page_title(&self, title: &str) -> String {
        format!("{title} · {}", self.cat.config.title(self.lang.code))
    }

    /// A page with the values every page gets and its own (moved in, never
    /// copied: lists of cards can be large).
    pub fn page(
        &self,
        path: String,
        template: &'static str,
        title: &str,
        description: &str,
        extra: Vec<(&str, tera::Value)>,
    ) -> PageOut {
        let mut context = self.globals(&path, title, description);
        for (key, value) in extra {
            context.insert_value(key.to_string(), value);
        }
        PageOut {
            path,
            template,
            context,
            files: Vec::new(),
            cards: Vec::new(),
            card: None,
            bytes: None,
            lastmod: None,
        }
    }

    /// The values every template gets (`docs/templates.md`), for the page
    /// at `path`.
    pub fn globals(&self, path: &str, page_title: &str, description: &str) -> tera::Context {
        self.globals.for_page(&self.lang, path, page_title, description)
    }

    /// HTML of an entity's body in this language: rendered once for all
    /// languages (see `bodies.rs`), or here when there is no cache.
    pub fn body_html(&self, meta: &Meta, out: &mut Out) -> String {
        if let Some(bodies) = self.bodies {
            let prefix = self.lang.url("");
            let kept = bodies
                .get(meta, &prefix)
                .or_else(|| bodies.from_next_door(self.cat, self.pictures, meta, &prefix, out));
            if let Some(html) = kept {
                return html;
            }
        }
        let body = Body { file: &meta.file, range: meta.body.clone(), safe_html: self.cat.config.safe_html };
        let resolve = |target: &str| internal_path(self.cat, target).map(|p| self.lang.url(&p));
        let picture = |dest: &str| self.pictures.picture(meta, dest);
        markdown::render_with_pictures(&body, &resolve, &picture, out)
    }
}
