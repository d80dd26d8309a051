//! The catalogue page (`/moocs/`, with the search form and its facets) and
//! the static lists that make the catalogue usable without JavaScript:
//! MOOCs by language (`/languages/<code>/`), by level (`/levels/<level>/`)
//! and open for enrolment at build time (`/moocs/open/`).

use std::collections::BTreeSet;

use serde_json::{json, Value};

use crate::render::globals::tv;
use crate::render::pages::PageOut;
use crate::render::view::View;
use crate::resolve::Catalogue;
use crate::search::Search;

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

/// The levels of the content model.
pub const LEVELS: [&str; 3] = ["beginner", "intermediate", "advanced"];

/// Levels some MOOC has, in the content model's order.
pub fn levels(cat: &Catalogue) -> Vec<&'static str> {
    LEVELS.into_iter().filter(|l| cat.content.moocs.iter().any(|m| m.level.as_deref() == Some(*l))).collect()
}

/// Pages of the full list: `paginate_by` MOOCs each, at least one.
pub fn page_count(cat: &Catalogue) -> usize {
    cat.content.moocs.len().div_ceil(cat.config.paginate_by.max(1)).max(1)
}

impl View<'_> {
    /// MOOC indices of page `n` (from 1) of the full list, by title.
    fn page_moocs(&self, n: usize) -> Vec<usize> {
        let per = self.cat.config.paginate_by.max(1);
        self.by_title().iter().skip((n - 1) * per).take(per).copied().collect()
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
    fn pagination(&self, current: usize) -> Value {
        let total = page_count(self.cat);
        if total <= 1 {
            return Value::Null;
        }
        let url = |n: usize| self.url(&Self::page_path(n));
        // The first, the last and two on each side of the current one; a
        // gap stands for the others.
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

    /// Page n ≥ 2 of the full list (the first is `/moocs/`).
    pub fn moocs_page(&self, n: usize) -> PageOut {
        let list = self.cards_by_title(&self.page_moocs(n));
        let title = self.theme.label(self.lang, "nav", "moocs");
        let heading = self
            .theme
            .label(self.lang, "search", "page_title")
            .replace("{title}", &title)
            .replace("{current}", &n.to_string())
            .replace("{total}", &page_count(self.cat).to_string());
        self.page(
            Self::page_path(n),
            "facet.html",
            &self.page_title(&heading),
            "",
            vec![
                ("heading", tv(json!(heading))),
                ("moocs", list),
                ("pagination", tv(self.pagination(n))),
                ("total", tv(json!(self.cat.content.moocs.len()))),
            ],
        )
    }

    /// Site path of the static list of a facet value, if there is one.
    fn facet_page(&self, facet: &str, slug: &str) -> Option<String> {
        let path = match facet {
            "subject" => format!("subjects/{slug}/"),
            "platform" => format!("platforms/{slug}/"),
            "institution" => format!("institutions/{slug}/"),
            "parcours" => format!("parcours/{slug}/"),
            "language" => format!("languages/{slug}/"),
            "level" => format!("levels/{slug}/"),
            "status" if slug == "open" => "moocs/open/".to_string(),
            _ => return None,
        };
        Some(self.url(&path))
    }

    /// `/moocs/`: every MOOC (the list without JavaScript), the search form
    /// with every facet value and its count as of the build date, and the
    /// links to the static lists.
    pub fn moocs(&self, search: &Search) -> PageOut {
        let first = self.page_moocs(1);
        let title = self.theme.label(self.lang, "nav", "moocs");
        let label = |key: &str| self.theme.label(self.lang, "search", key);
        let facets: Vec<Value> = search
            .facets
            .iter()
            .filter(|f| f.dynamic || f.values.iter().any(|v| v.count > 0))
            .map(|f| {
                let values: Vec<Value> = f
                    .values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| {
                        json!({
                            "i": i,
                            "slug": v.slug,
                            "label": v.label,
                            "lang": v.lang,
                            "count": v.count,
                            "url": self.facet_page(f.key, &v.slug),
                        })
                    })
                    .collect();
                json!({"key": f.key, "label": label(&format!("facet_{}", f.key)), "values": values, "dynamic": f.dynamic})
            })
            .collect();
        let sorts: Vec<Value> = ["relevance", "next", "title", "newest"]
            .iter()
            .map(|k| json!({"key": k, "label": label(&format!("sort_{k}"))}))
            .collect();
        let strings: serde_json::Map<String, Value> = [
            ("results_zero", "search"),
            ("results_one", "search"),
            ("results_many", "search"),
            ("loading", "search"),
            ("failed", "search"),
            ("from", "search"),
            ("next_session", "search"),
            ("platform", "mooc"),
            ("languages", "mooc"),
            ("institutions", "mooc"),
        ]
        .iter()
        .map(|(key, table)| (key.to_string(), json!(self.theme.label(self.lang, table, key))))
        .collect();
        let strings = Value::Object(strings).to_string().replace("</", "<\\/");
        self.page(
            "moocs/".into(),
            "moocs.html",
            &self.page_title(&title),
            "",
            vec![
                ("moocs", self.cards_by_title(&first)),
                ("total", tv(json!(self.cat.content.moocs.len()))),
                ("pagination", tv(self.pagination(1))),
                ("search", tv(json!({"index_url": search.manifest_url, "facets": facets, "sorts": sorts}))),
                ("search_strings", tv(json!(strings))),
            ],
        )
    }

    /// A static list of MOOCs (`facet.html`).
    fn facet_list(&self, path: String, heading: String, list: &[usize]) -> PageOut {
        let title = self.page_title(&heading);
        self.page(
            path,
            "facet.html",
            &title,
            "",
            vec![("heading", tv(json!(heading))), ("moocs", self.cards_by_title(list))],
        )
    }

    pub fn language_page(&self, i: usize) -> PageOut {
        let code = languages(self.cat).get(i).copied().unwrap_or_default();
        let name = self.theme.label(self.lang, "language", code);
        let heading = self.theme.label(self.lang, "search", "language_title").replace("{language}", &name);
        let list: Vec<usize> = (0..self.cat.content.moocs.len())
            .filter(|&m| self.cat.content.moocs[m].languages.iter().any(|l| l.value == code))
            .collect();
        self.facet_list(format!("languages/{code}/"), heading, &list)
    }

    pub fn level_page(&self, i: usize) -> PageOut {
        let level = levels(self.cat).get(i).copied().unwrap_or("beginner");
        let name = self.theme.label(self.lang, "level", level);
        let heading = self.theme.label(self.lang, "search", "level_title").replace("{level}", &name);
        let list: Vec<usize> = (0..self.cat.content.moocs.len())
            .filter(|&m| self.cat.content.moocs[m].level.as_deref() == Some(level))
            .collect();
        self.facet_list(format!("levels/{level}/"), heading, &list)
    }

    /// MOOCs open for enrolment at build time (status `open` or
    /// `ongoing-open`), the static twin of the status filter "open".
    pub fn open_now(&self) -> PageOut {
        let heading = self.theme.label(self.lang, "search", "open_title");
        let list: Vec<usize> =
            (0..self.cat.content.moocs.len()).filter(|&m| self.cat.states[m].status.enrollable()).collect();
        self.facet_list("moocs/open/".into(), heading, &list)
    }
}
