//! The static lists that make the catalogue usable without JavaScript:
//! the pages of the full list after the first (`/moocs/page/<n>/`; the
//! first is the catalogue page, `catalogue.rs`), and the MOOCs by language
//! (`/languages/<code>/`), by level (`/levels/<level>/`) and open for
//! enrolment at build time (`/moocs/open/`), all with `facet.html`.

use std::collections::BTreeSet;

use serde_json::{json, Value};

use crate::diagnostic::Out;
use crate::load::kinds::LEVELS;
use crate::load::Mooc;
use crate::render::context::{Context, PageOut};
use crate::render::globals::tv;
use crate::render::pages::{PageKind, Showing, Shows};
use crate::render::paging;
use crate::render::social::Head;
use crate::render::{dates, structured};
use crate::resolve::Catalogue;

/// Languages MOOCs are taught in, sorted by code.
pub fn languages(cat: &Catalogue) -> Vec<&str> {
    cat.content
        .moocs
        .iter()
        .flat_map(|m| m.languages.iter().map(|l| l.value.as_str()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// Levels some MOOC has, in the content model's order.
pub fn levels(cat: &Catalogue) -> Vec<&'static str> {
    let has = |l: &str| cat.content.moocs.iter().any(|m| m.level.as_deref() == Some(l));
    LEVELS.iter().copied().filter(|l| has(l)).collect()
}

/// MOOCs a page of every list (`paginate_by`).
pub fn per_page(cat: &Catalogue) -> usize {
    cat.config.paginate_by.max(1)
}

/// Pages of the full list, at least one.
pub fn page_count(cat: &Catalogue) -> usize {
    paging::count(cat.content.moocs.len(), per_page(cat))
}

/// MOOC indices of page `n` (from 1) of the full list, by title.
pub fn page_moocs(ctx: &Context, n: usize) -> Vec<usize> {
    paging::slice(ctx.cards.by_title(), n, per_page(ctx.cat)).to_vec()
}

/// The pagination of page `current` of the full list (null on one page).
pub fn pagination(ctx: &Context, current: usize) -> Value {
    paging::pagination(&ctx.lang, "moocs/", current, page_count(ctx.cat))
}

/// Pages 2 and after of the full list: a change to any MOOC may move it
/// and shift the pages in between, so every one shows every MOOC.
pub struct FullList;

impl PageKind for FullList {
    fn pages(&self, cat: &Catalogue) -> Vec<String> {
        (2..=page_count(cat)).map(|n| n.to_string()).collect()
    }

    fn render(&self, ctx: &Context, i: usize, _: &mut Out) -> PageOut {
        let n = i + 2;
        let moocs = page_moocs(ctx, n);
        let list = ctx.cards.items(&moocs);
        let title = ctx.lang.label("nav", "moocs");
        let heading = paging::heading(&ctx.lang, &title, n, page_count(ctx.cat));
        let first = paging::first(n, per_page(ctx.cat));
        let head = Head { json_ld: structured::site::courses(&ctx.lang, &title, &moocs, first), ..Head::default() };
        let mut page = ctx.page(
            paging::path("moocs/", n),
            "facet.html",
            &ctx.page_title(&heading),
            "",
            vec![
                ("heading", tv(json!(heading))),
                ("moocs", list),
                ("pagination", tv(pagination(ctx, n))),
                ("total", tv(json!(ctx.cat.content.moocs.len()))),
                ("head", head.value()),
            ],
        );
        page.lastmod = dates::of_moocs(&ctx.lang, &moocs, []);
        page
    }
}

/// Page `n` of a static list of MOOCs (`facet.html`) at `base`: the
/// MOOCs of `list` (sorted by title), `paginate_by` a page.
fn facet_page(ctx: &Context, base: &str, heading: String, list: &[usize], n: usize) -> PageOut {
    let per = per_page(ctx.cat);
    let total = paging::count(list.len(), per);
    let name = heading;
    let heading = paging::heading(&ctx.lang, &name, n, total);
    let title = ctx.page_title(&heading);
    let shown = paging::slice(list, n, per);
    let json_ld = structured::site::courses(&ctx.lang, &name, shown, paging::first(n, per));
    let head = Head { json_ld, ..Head::default() };
    let mut values = vec![("heading", tv(json!(heading))), ("moocs", ctx.cards.items(shown)), ("head", head.value())];
    if total > 1 {
        values.push(("pagination", tv(paging::pagination(&ctx.lang, base, n, total))));
        values.push(("total", tv(json!(list.len()))));
    }
    let mut page = ctx.page(paging::path(base, n), "facet.html", &title, "", values);
    page.lastmod = dates::of_moocs(&ctx.lang, shown, []);
    page
}

/// The names of the pages of a kind whose pages are one list of MOOCs
/// (open now), cut into pages.
fn one_list_pages(cat: &Catalogue, len: usize) -> Vec<String> {
    paging::names([("", len)], per_page(cat))
}

/// The MOOCs that have one value of a field, a page per value some MOOC
/// has: `/languages/<code>/`, `/levels/<level>/`.
pub struct ByValue {
    /// The folder of its pages, and the table of the UI strings that names
    /// the values (the heading is the string `<table>_title` of `search`,
    /// with the value's name for `{<table>}`).
    folder: &'static str,
    table: &'static str,
    /// The values some MOOC has, in order.
    values: fn(&Catalogue) -> Vec<&str>,
    /// The values of a MOOC.
    of: fn(&Mooc) -> Vec<&str>,
}

/// The MOOCs taught in a language.
pub const BY_LANGUAGE: ByValue = ByValue {
    folder: "languages",
    table: "language",
    values: languages,
    of: |m| m.languages.iter().map(|l| l.value.as_str()).collect(),
};

/// The MOOCs of a level.
pub const BY_LEVEL: ByValue = ByValue {
    folder: "levels",
    table: "level",
    values: |cat| levels(cat),
    of: |m| m.level.as_deref().into_iter().collect(),
};

impl ByValue {
    /// The MOOCs that have `value`, in catalogue order.
    fn moocs(&self, cat: &Catalogue, value: &str) -> Vec<usize> {
        let moocs = &cat.content.moocs;
        (0..moocs.len()).filter(|&m| (self.of)(&moocs[m]).contains(&value)).collect()
    }

    /// Each value some MOOC has, with its number of MOOCs.
    fn lists<'c>(&self, cat: &'c Catalogue) -> Vec<(&'c str, usize)> {
        let values = (self.values)(cat);
        let mut counts = vec![0; values.len()];
        for m in cat.content.moocs.iter() {
            for v in (self.of)(m) {
                if let Some(at) = values.iter().position(|x| *x == v) {
                    counts[at] += 1;
                }
            }
        }
        values.into_iter().zip(counts).collect()
    }
}

impl PageKind for ByValue {
    fn pages(&self, cat: &Catalogue) -> Vec<String> {
        paging::names(self.lists(cat), per_page(cat))
    }

    fn render(&self, ctx: &Context, i: usize, _: &mut Out) -> PageOut {
        let lists = ctx.cards.lists(self.folder, || {
            self.lists(ctx.cat).into_iter().map(|(value, len)| (value.to_string(), len)).collect()
        });
        let (at, n) = paging::locate(lists.iter().map(|l| l.1), per_page(ctx.cat), i).unwrap_or((0, 1));
        let value = lists.get(at).map_or("", |l| l.0.as_str());
        let name = ctx.lang.label(self.table, value);
        let table = self.table;
        let heading = ctx.lang.label("search", &format!("{table}_title")).replace(&format!("{{{table}}}"), &name);
        let list = ctx.cards.sorted((self.folder, at), || self.moocs(ctx.cat, value));
        facet_page(ctx, &format!("{}/{value}/", self.folder), heading, &list, n)
    }

    /// Every page of the lists of its values: a change of title moves a
    /// MOOC from one page to another.
    fn showing(&self, cat: &Catalogue) -> Showing {
        let shows = |m: &Mooc| Shows::Lists((self.of)(m).into_iter().map(str::to_string).collect());
        Showing::Each(cat.content.moocs.iter().map(shows).collect())
    }
}

/// MOOCs open for enrolment at build time (status `open` or
/// `ongoing-open`), the static twin of the status filter "open".
pub struct OpenNow;

impl OpenNow {
    /// The MOOCs open for enrolment, in catalogue order.
    pub fn moocs(cat: &Catalogue) -> Vec<usize> {
        (0..cat.states.len()).filter(|&m| cat.states[m].status.enrollable()).collect()
    }
}

impl PageKind for OpenNow {
    fn pages(&self, cat: &Catalogue) -> Vec<String> {
        one_list_pages(cat, Self::moocs(cat).len())
    }

    fn render(&self, ctx: &Context, i: usize, _: &mut Out) -> PageOut {
        let heading = ctx.lang.label("search", "open_title");
        let list = ctx.cards.sorted(("open-now", 0), || Self::moocs(ctx.cat));
        facet_page(ctx, OPEN_NOW, heading, &list, i + 1)
    }

    fn showing(&self, cat: &Catalogue) -> Showing {
        let shows = |s: &crate::resolve::MoocState| match s.status.enrollable() {
            true => Shows::Every,
            false => Shows::These(Vec::new()),
        };
        Showing::Each(cat.states.iter().map(shows).collect())
    }
}

/// Where the list of MOOCs open for enrolment is.
pub const OPEN_NOW: &str = "moocs/open/";

/// The featured MOOCs (`featured = true`): the home page shows the first.
pub struct Featured;

impl Featured {
    /// The featured MOOCs, in catalogue order.
    pub fn moocs(cat: &Catalogue) -> Vec<usize> {
        let moocs = &cat.content.moocs;
        (0..moocs.len()).filter(|&m| moocs[m].featured).collect()
    }
}
