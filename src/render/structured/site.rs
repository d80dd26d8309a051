//! The site as a whole and its lists: the home page's `WebSite` with the
//! search of `/moocs/` (`SearchAction`), the `ItemList` of the courses a
//! list shows (Google's course list carousel: each item is the URL of a
//! MOOC's page, whose own `Course` says the rest), and an institution's
//! page, its organisation with the list of its courses.

use serde::Serialize;

use crate::i18n::Lang;
use crate::render::structured::{absolute, organization, script, Organization, Root, CONTEXT};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct WebSite<'a> {
    #[serde(flatten)]
    root: Root,
    url: String,
    name: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
    in_language: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    potential_action: Option<SearchAction>,
}

#[derive(Serialize)]
struct SearchAction {
    #[serde(rename = "@type")]
    kind: &'static str,
    target: EntryPoint,
    #[serde(rename = "query-input")]
    query_input: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EntryPoint {
    #[serde(rename = "@type")]
    kind: &'static str,
    url_template: String,
}

/// The home page of `lang` as a `WebSite`, with the search of `/moocs/`
/// (whose form reads the words in `q`) when the site has one.
pub fn website(lang: &Lang, description: &str) -> String {
    let cfg = &lang.cat.config;
    let home = absolute(lang, &lang.url(""));
    let search = cfg.search.then(|| SearchAction {
        kind: "SearchAction",
        target: EntryPoint {
            kind: "EntryPoint",
            url_template: format!("{}?q={{search_term_string}}", absolute(lang, &lang.url("moocs/"))),
        },
        query_input: "required name=search_term_string",
    });
    script(&WebSite {
        root: Root::new("WebSite", format!("{home}#website")),
        url: home,
        name: cfg.title(lang.code),
        description,
        in_language: lang.code,
        potential_action: search,
    })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ItemList {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    number_of_items: usize,
    item_list_element: Vec<ListItem>,
}

#[derive(Serialize)]
struct ListItem {
    #[serde(rename = "@type")]
    kind: &'static str,
    position: usize,
    url: String,
}

/// The courses of a list: the MOOCs `moocs`, numbered from `first` (a
/// page of a longer list goes on from the pages before it).
fn item_list(lang: &Lang, name: Option<&str>, moocs: &[usize], first: usize) -> ItemList {
    let all = &lang.cat.content.moocs;
    ItemList {
        kind: "ItemList",
        name: name.map(str::to_string),
        number_of_items: moocs.len(),
        item_list_element: moocs
            .iter()
            .enumerate()
            .map(|(n, &m)| ListItem {
                kind: "ListItem",
                position: first + n,
                url: absolute(lang, &lang.url(&format!("moocs/{}/", all[m].meta.slug))),
            })
            .collect(),
    }
}

/// A value with its `@context`.
#[derive(Serialize)]
struct Top<T> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(flatten)]
    value: T,
}

/// A list page's courses as JSON-LD; `None` when it shows none.
pub fn courses(lang: &Lang, name: &str, moocs: &[usize], first: usize) -> Option<String> {
    (!moocs.is_empty()).then(|| script(&Top { context: CONTEXT, value: item_list(lang, Some(name), moocs, first) }))
}

#[derive(Serialize)]
struct Graph<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@graph")]
    graph: (&'a Organization, Option<ItemList>),
}

/// A page of institution `i`: the institution as an organisation, and the
/// list of the courses it shows, the first at position `first`.
pub fn institution(lang: &Lang, i: usize, moocs: &[usize], first: usize) -> String {
    let org = organization(lang, i);
    let list = (!moocs.is_empty()).then(|| item_list(lang, Some(&org.name), moocs, first));
    script(&Graph { context: CONTEXT, graph: (&org, list) })
}
