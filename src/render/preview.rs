//! A few pages rendered ahead of a rebuild (`vitrine serve`'s preview,
//! `serve::preview`): when an edit changed only the text of some MOOCs, a
//! few pages are rendered from the edited catalogue: their own pages, the
//! pages of the full list that held them and hold them now, and the
//! catalogue pages. They are served while the rebuild, which makes
//! everything else (search index, facet and platform pages…), runs.
//!
//! The pages are those the rebuild will make: same templates, same cards,
//! the same bodies. The catalogue page (`/moocs/`) names the search index of
//! the last build, which stays served until the rebuild replaces both.

use std::collections::BTreeSet;

use rayon::prelude::*;

use crate::images::Pictures;
use crate::output::{Files, MemorySink};
use crate::render::bodies::Bodies;
use crate::render::context::Context;
use crate::render::pages::{catalogue, lists, mooc, PageKind};
use crate::render::theme::Theme;
use crate::render::{write_page, Rendered};
use crate::resolve::Catalogue;

/// The pages of the MOOCs `changed` (positions in `cat`) in every language,
/// the pages of the full list that held them before the edit and hold them
/// after it, and the catalogue pages; `None` when one of them has a problem
/// (the rebuild will report it). The other pages of the list, which the
/// edit may have shifted by one card, wait for the rebuild.
///
/// `previous` lends its cards and bodies; it gets them back, less the cards
/// of the `changed` MOOCs, which the next render makes again.
pub fn pages(
    cat: &Catalogue,
    pictures: &Pictures,
    theme: &Theme,
    changed: &[usize],
    previous: &mut Rendered,
) -> Option<Files> {
    let languages = &cat.config.languages;
    if previous.searches.len() != languages.len() || previous.items.len() != languages.len() {
        return None;
    }
    let slugs: Vec<&str> = changed.iter().map(|&i| cat.content.moocs[i].meta.slug.as_str()).collect();
    let bodies = if languages.len() > 1 {
        Bodies::render(cat, pictures, Some(std::mem::take(&mut previous.bodies)))
    } else {
        Bodies::default()
    };
    let mut problems = bodies.problems();
    let per = cat.config.paginate_by.max(1);
    // Each MOOC's page, and the pages of the full list (the first is the
    // catalogue page, rendered below in any case), in each language.
    let mut todo: Vec<(usize, &dyn PageKind, usize)> = Vec::new();
    let mut contexts: Vec<Context> = Vec::with_capacity(languages.len());
    for (l, lang) in languages.iter().enumerate() {
        let mut reuse = std::mem::take(&mut previous.items[l]);
        let mut list_pages: BTreeSet<usize> = slugs.iter().filter_map(|s| reuse.rank(cat, s)).collect();
        slugs.iter().for_each(|slug| reuse.remove(slug));
        let ctx = Context::new(cat, theme, lang, pictures, reuse, Some(&bodies), &mut problems);
        list_pages.extend(changed.iter().map(|&i| ctx.cards.title_rank()[i]));
        todo.extend(changed.iter().map(|&i| (l, &mooc::Moocs as &dyn PageKind, i)));
        let numbers: BTreeSet<usize> = list_pages.into_iter().map(|rank| rank / per + 1).collect();
        todo.extend(numbers.into_iter().filter(|&n| n >= 2).map(|n| (l, &lists::FullList as &dyn PageKind, n - 2)));
        contexts.push(ctx);
    }
    let lang_dirs: Vec<String> = contexts.iter().map(|c| c.lang.folder()).collect();
    let sink = MemorySink::default();
    let mut records: Vec<_> = todo
        .into_par_iter()
        .map(|(l, kind, i)| {
            let mut problems = Vec::new();
            let page = kind.render(&contexts[l], i, &mut problems);
            write_page(theme, &sink, &lang_dirs[l], page, problems)
        })
        .collect();
    records.extend(
        contexts
            .par_iter()
            .zip(&previous.searches)
            .enumerate()
            .map(|(l, (ctx, search))| write_page(theme, &sink, &lang_dirs[l], catalogue::page(ctx, search), Vec::new()))
            .collect::<Vec<_>>(),
    );
    // The cards go back, without those of the edited MOOCs: the next render
    // makes them from its own catalogue.
    previous.items = contexts
        .into_iter()
        .map(|ctx| {
            let mut items = ctx.into_items();
            slugs.iter().for_each(|slug| items.remove(slug));
            items
        })
        .collect();
    previous.bodies = bodies;
    let fine = !crate::diagnostic::has_errors(&problems)
        && records.iter().all(|r| r.written && !crate::diagnostic::has_errors(&r.problems));
    fine.then(|| sink.into_files())
}
