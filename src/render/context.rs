//! What every kind of page gets, read-only: the catalogue in one language
//! (`lang`), that language's UI strings (`ui`) and date words (`words`),
//! its MOOC cards and title order (`cards`), and the bodies rendered for
//! every language. A page kind (`pages/`) takes a [`Context`] and makes
//! its pages; what only one kind of page needs stays in that kind's file.

use crate::calendar::format::Words;
use crate::diagnostic::Out;
use crate::i18n::{Lang, Ui};
use crate::load::Meta;
use crate::markdown::{self, Body};
use crate::render::bodies::Bodies;
use crate::render::cards::{Cards, Items};
use crate::render::globals::Globals;
use crate::render::pages::PageOut;
use crate::render::theme::Theme;
use crate::resolve::Catalogue;

/// One language's context.
pub struct Context<'a> {
    pub cat: &'a Catalogue,
    /// The catalogue in this language: texts, labels, URLs.
    pub lang: Lang<'a>,
    /// The UI strings of this language.
    pub ui: Ui<'a>,
    /// The words dates, periods, prices and numbers are written with.
    pub words: Words,
    /// The MOOCs' cards, rendered once for every list of the language, and
    /// their order by title.
    pub cards: Cards,
    pub(crate) theme: &'a Theme,
    /// The values every page of this language gets.
    globals: Globals,
    /// Bodies rendered once for every language, when there are several.
    bodies: Option<&'a Bodies>,
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
        reuse: Items,
        bodies: Option<&'a Bodies>,
        out: &mut Out,
    ) -> Self {
        let ui = theme.strings.of(code);
        let mut ctx = Context {
            cat,
            lang: Lang::new(cat, code),
            ui,
            words: ui.words(),
            cards: Cards::default(),
            theme,
            globals: Globals::default(),
            bodies,
        };
        ctx.globals = Globals::new(&ctx);
        ctx.cards = Cards::new(&ctx, &ctx.globals.strings(), reuse, out);
        ctx
    }

    /// The cards of this context, for the next one of the same language.
    pub fn into_items(self) -> Items {
        self.cards.into_items(self.cat)
    }

    /// Root-relative URL of a site path (`moocs/x/`) in this language.
    pub fn url(&self, path: &str) -> String {
        self.lang.url(path)
    }

    /// A label of the UI strings (`nav`, `moocs`).
    pub fn label(&self, table: &str, key: &str) -> String {
        self.ui.label(table, key)
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
        PageOut { path, template, context, files: Vec::new() }
    }

    /// The values every template gets (`docs/templates.md`), for the page
    /// at `path`.
    pub fn globals(&self, path: &str, page_title: &str, description: &str) -> tera::Context {
        self.globals.for_page(self, path, page_title, description)
    }

    /// HTML of an entity's body in this language: rendered once for all
    /// languages (see `bodies.rs`), or here when there is no cache.
    pub fn body_html(&self, meta: &Meta, out: &mut Out) -> String {
        if let Some(bodies) = self.bodies {
            let prefix = self.url("");
            let kept = bodies.get(meta, &prefix).or_else(|| bodies.from_next_door(self.cat, meta, &prefix, out));
            if let Some(html) = kept {
                return html;
            }
        }
        let body = Body { file: &meta.file, range: meta.body.clone() };
        let resolve = |target: &str| crate::render::bodies::internal_path(self.cat, target).map(|p| self.url(&p));
        markdown::render(&body, &resolve, out)
    }
}
