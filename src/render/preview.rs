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

use crate::output::{Files, MemorySink};
use crate::render::bodies::Bodies;
use crate::render::plan::Job;
use crate::render::theme::Theme;
use crate::render::view::View;
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
pub fn pages(cat: &Catalogue, theme: &Theme, changed: &[usize], previous: &mut Rendered) -> Option<Files> {
    let languages = &cat.config.languages;
    if previous.searches.len() != languages.len() || previous.items.len() != languages.len() {
        return None;
    }
    let slugs: Vec<&str> = changed.iter().map(|&i| cat.content.moocs[i].meta.slug.as_str()).collect();
    let bodies = if languages.len() > 1 {
        Bodies::render(cat, Some(std::mem::take(&mut previous.bodies)))
    } else {
        Bodies::default()
    };
    let mut problems = bodies.problems();
    let per = cat.config.paginate_by.max(1);
    let mut todo: Vec<(usize, Job)> = Vec::new();
    let mut views: Vec<View> = Vec::with_capacity(languages.len());
    for (l, lang) in languages.iter().enumerate() {
        let mut reuse = std::mem::take(&mut previous.items[l]);
        let mut list_pages: BTreeSet<usize> = slugs.iter().filter_map(|s| reuse.rank(cat, s)).collect();
        slugs.iter().for_each(|slug| reuse.remove(slug));
        let view = View::reusing(cat, theme, lang, reuse, &mut problems).with_bodies(&bodies);
        list_pages.extend(changed.iter().map(|&i| view.title_rank()[i]));
        todo.extend(changed.iter().map(|&i| (l, Job::Mooc(i))));
        // Page 1 is the catalogue page, rendered below in any case.
        let numbers: BTreeSet<usize> = list_pages.into_iter().map(|rank| rank / per + 1).collect();
        todo.extend(numbers.into_iter().filter(|&n| n >= 2).map(|n| (l, Job::MoocsPage(n))));
        views.push(view);
    }
    let lang_dirs: Vec<String> = views
        .iter()
        .map(|v| if v.lang == cat.config.default_language { String::new() } else { format!("{}/", v.lang) })
        .collect();
    let sink = MemorySink::default();
    let mut records: Vec<_> = todo
        .into_par_iter()
        .map(|(l, job)| {
            let mut problems = Vec::new();
            let page = views[l].run(job, &mut problems);
            write_page(&views[l], &sink, &lang_dirs[l], page, problems)
        })
        .collect();
    records.extend(
        views
            .par_iter()
            .zip(&previous.searches)
            .enumerate()
            .map(|(l, (view, search))| write_page(view, &sink, &lang_dirs[l], view.moocs(search), Vec::new()))
            .collect::<Vec<_>>(),
    );
    // The cards go back, without those of the edited MOOCs: the next render
    // makes them from its own catalogue.
    previous.items = views
        .into_iter()
        .map(|v| {
            let mut items = v.into_items();
            slugs.iter().for_each(|slug| items.remove(slug));
            items
        })
        .collect();
    previous.bodies = bodies;
    let fine = !crate::has_errors(&problems) && records.iter().all(|r| r.written && !crate::has_errors(&r.problems));
    fine.then(|| sink.into_files())
}
