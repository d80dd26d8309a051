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
use crate::render::pages::{one, PageKind};
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

/// Pages of the full list: `paginate_by` MOOCs each, at least one.
pub fn page_count(cat: &Catalogue) -> usize {
    cat.content.moocs.len().div_ceil(cat.config.paginate_by.max(1)).max(1)
}

/// MOOC indices of page `n` (from 1) of the full list, by title.
pub fn page_moocs(ctx: &Context, n: usize) -> Vec<usize> {
    let per = ctx.cat.config.paginate_by.max(1);
    ctx.cards.by_title().iter().skip((n - 1) * per).take(per).copied().collect()
}

/// Site path of page `n` of the full list.
fn page_path(n: usize) -> String {
    if n <= 1 {
        "moocs/".to_string()
    } else {
        format!("moocs/page/{n}/")
    }
}

/// `{current, total, previous, next, pages: [{number, url, current}]}`,
/// or null when the list fits on one page.
pub fn pagination(ctx: &Context, current: usize) -> Value {
    let total = page_count(ctx.cat);
    if total <= 1 {
        return Value::Null;
    }
    let url = |n: usize| ctx.lang.url(&page_path(n));
    // The first, the last and two on each side of the current one; a gap
    // stands for the others.
    let mut pages: Vec<Value> = Vec::new();
    for n in 1..=total {
        if n == 1 || n == total || n.abs_diff(current) <= 2 {
            pages.push(json!({"number": n, "url": url(n), "current": n == current}));
        } else if pages.last().is_some_and(|p| p.get("gap").is_none()) {
            pages.push(json!({"gap": true}));
        }
    }
    json!({
        "current": current,
        "total": total,
        "previous": (current > 1).then(|| url(current - 1)),
        "next": (current < total).then(|| url(current + 1)),
        "pages": pages,
    })
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
        let heading = ctx
            .lang
            .label("search", "page_title")
            .replace("{title}", &title)
            .replace("{current}", &n.to_string())
            .replace("{total}", &page_count(ctx.cat).to_string());
        let first = (n - 1) * ctx.cat.config.paginate_by.max(1) + 1;
        let head = Head { json_ld: structured::site::courses(&ctx.lang, &title, &moocs, first), ..Head::default() };
        let mut page = ctx.page(
            page_path(n),
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

/// A static list of MOOCs (`facet.html`).
fn facet_list(ctx: &Context, path: String, heading: String, list: &[usize]) -> PageOut {
    let title = ctx.page_title(&heading);
    let sorted = ctx.cards.sorted(list);
    let head = Head { json_ld: structured::site::courses(&ctx.lang, &heading, &sorted, 1), ..Head::default() };
    let mut page = ctx.page(
        path,
        "facet.html",
        &title,
        "",
        vec![("heading", tv(json!(heading))), ("moocs", ctx.cards.items(&sorted)), ("head", head.value())],
    );
    page.lastmod = dates::of_moocs(&ctx.lang, &sorted, []);
    page
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

impl PageKind for ByValue {
    fn pages(&self, cat: &Catalogue) -> Vec<String> {
        (self.values)(cat).into_iter().map(String::from).collect()
    }

    fn render(&self, ctx: &Context, i: usize, _: &mut Out) -> PageOut {
        let moocs = &ctx.cat.content.moocs;
        let value = (self.values)(ctx.cat).get(i).copied().unwrap_or_default();
        let name = ctx.lang.label(self.table, value);
        let table = self.table;
        let heading = ctx.lang.label("search", &format!("{table}_title")).replace(&format!("{{{table}}}"), &name);
        let list: Vec<usize> = (0..moocs.len()).filter(|&m| (self.of)(&moocs[m]).contains(&value)).collect();
        facet_list(ctx, format!("{}/{value}/", self.folder), heading, &list)
    }

    fn showing(&self, cat: &Catalogue, m: usize) -> Vec<String> {
        (self.of)(&cat.content.moocs[m]).into_iter().map(String::from).collect()
    }
}

/// MOOCs open for enrolment at build time (status `open` or
/// `ongoing-open`), the static twin of the status filter "open".
pub struct OpenNow;

impl PageKind for OpenNow {
    fn render(&self, ctx: &Context, _: usize, _: &mut Out) -> PageOut {
        let heading = ctx.lang.label("search", "open_title");
        let states = &ctx.cat.states;
        let list: Vec<usize> = (0..states.len()).filter(|&m| states[m].status.enrollable()).collect();
        facet_list(ctx, "moocs/open/".into(), heading, &list)
    }

    fn showing(&self, cat: &Catalogue, m: usize) -> Vec<String> {
        if cat.states[m].status.enrollable() {
            one()
        } else {
            Vec::new()
        }
    }
}
