//! The kinds of page, one file each: what pages a kind has, how one is
//! made from a [`Context`], and which of them show a MOOC (so that `vitrine
//! serve` renders again only those when the MOOC changes).
//!
//! | file | pages |
//! |---|---|
//! | `home.rs` | the home page |
//! | `mooc.rs` | a MOOC's page and its `sessions.ics` |
//! | `parcours/` | the list of parcours, a parcours' page (its planner, its brochure) |
//! | `lists.rs` | the full list's pages (`/moocs/page/2/`…), MOOCs by language, by level, open now |
//! | `catalogue.rs` | `/moocs/`: the first page of the list, with the search form |
//! | `terms.rs` | the page of a platform, an institution, a subject: the term and its MOOCs |
//! | `schedules.rs` | a schedule's page (grid, `grid.json`, `sessions.ics`), the list of schedules |
//! | `free.rs` | free pages, the 404 page |
//! | `feeds.rs` | the site's Atom feeds (`feeds/moocs.xml`, `feeds/sessions.xml`) and card image |
//! | `open_data/` | the open data page, `/catalogue.json` and `/catalogue.csv` |
//! | `duties.rs` | the accessibility statement, the legal notice and the privacy page |
//!
//! A new kind of page (a feed, an export) is a new file with a type that
//! implements [`PageKind`], and one line in [`KINDS`] that names it. What
//! several kinds show (cards, links, sessions, grids, calendars) is in
//! `render/` beside this folder; what a page adds to its kind's values
//! (structured data on a MOOC page, say) goes in the kind's file and its
//! template.

pub mod catalogue;
pub mod duties;
pub mod feeds;
pub mod free;
pub mod home;
pub mod lists;
pub mod mooc;
pub mod open_data;
pub mod parcours;
pub mod schedules;
pub mod terms;

use crate::diagnostic::Out;
use crate::load::{EntityKind, Shelf};
use crate::render::context::{Context, PageOut};
use crate::resolve::Catalogue;

/// A kind of page.
pub trait PageKind: Sync {
    /// Its pages in `cat`, each named by what it shows (a slug, a page
    /// number), in order. A kind has one page, named `""`, unless it says
    /// otherwise.
    fn pages(&self, cat: &Catalogue) -> Vec<String> {
        let _ = cat;
        one()
    }

    /// Page `i` of [`PageKind::pages`], in the language of `ctx`. Problems
    /// (dangling links of a body) go to `out`.
    fn render(&self, ctx: &Context, i: usize, out: &mut Out) -> PageOut;

    /// Which of its pages in `cat` show each MOOC: those a change to the
    /// MOOC makes stale. All of them unless the kind knows better.
    fn showing(&self, cat: &Catalogue) -> Showing {
        let _ = cat;
        Showing::Every
    }

    /// Whether its pages are listed in the sitemap.
    fn listed(&self) -> bool {
        true
    }

    /// Whether its pages are files of the site rather than of a language
    /// (`/catalogue.json`): made in the default language only, at the root.
    fn once(&self) -> bool {
        false
    }
}

/// Which pages of a kind show the MOOCs of a catalogue ([`PageKind::showing`]).
pub enum Showing {
    /// Every page shows every MOOC (a list of all of them, say).
    Every,
    /// No page shows a MOOC.
    None,
    /// These pages (by name) show every MOOC, the others none.
    Pages(Vec<String>),
    /// For each MOOC, by position, the pages that show it.
    Each(Vec<Shows>),
}

/// The pages of a kind that show one MOOC.
pub enum Shows {
    Every,
    /// These pages, by name ([`PageKind::pages`]).
    These(Vec<String>),
    /// Every page of these lists, by name (`render::paging`: a new title
    /// moves a MOOC from one page of its list to another).
    Lists(Vec<String>),
}

/// Every kind of page, with its name in the keys of pages, but the
/// catalogue page (`/moocs/`), which names the search index and so is made
/// after it (`catalogue.rs`).
pub const KINDS: &[(&str, &dyn PageKind)] = &[
    ("home", &home::Home),
    ("open-now", &lists::OpenNow),
    ("parcours-list", &parcours::List),
    ("schedules", &schedules::List),
    ("not-found", &free::NotFound),
    ("language", &lists::BY_LANGUAGE),
    ("level", &lists::BY_LEVEL),
    ("moocs-page", &lists::FullList),
    (mooc::NAME, &mooc::Moocs),
    ("parcours", &parcours::Pages),
    ("platform", &terms::PLATFORMS),
    ("institution", &terms::INSTITUTIONS),
    ("subject", &terms::SUBJECTS),
    ("schedule", &schedules::Pages),
    ("page", &free::Pages),
    ("feed", &feeds::Feeds),
    ("site-card", &feeds::SiteCard),
    ("open-data", &open_data::Page),
    ("export", &open_data::Exports),
    ("accessibility", &duties::Statement),
    ("legal", &duties::Legal),
];

/// The name of the single page of a kind that has one.
pub(crate) fn one() -> Vec<String> {
    vec![String::new()]
}

/// The slugs of the entities of a shelf, for the kinds that have a page
/// per entity.
pub(crate) fn slugs<T: EntityKind>(shelf: &Shelf<T>) -> Vec<String> {
    shelf.iter().map(|e| e.meta().slug.clone()).collect()
}
