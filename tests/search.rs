//! The search index and the catalogue page (issue 5), on the bilingual
//! fixture built as of 2026-11-23: one index per language, pointed to by
//! that language's `/moocs/` page; words found by their folded, stemmed
//! form in the shard of their first two characters; the facet table agrees
//! with the form and with the static lists; those lists (`/moocs/open/`,
//! `/languages/<code>/`, `/levels/<level>/`) exist in every language; the
//! home page of each language opens with a search box that submits to its
//! `/moocs/` page, unless `search = false`.
//! The browser side is tested in `tests/browser/search.test.js`.

mod common;

use std::collections::BTreeMap;
use std::fs;

use serde_json::Value;

use common::{attr, element, tags, text, TempDir};

struct Built {
    _dir: TempDir,
    files: BTreeMap<String, Vec<u8>>,
}

fn build() -> Built {
    let dir = TempDir::new("search");
    let out = dir.join("public");
    common::build_ok(&common::fixture_dir("bilingual"), &out);
    Built { files: common::read_tree(&out), _dir: dir }
}

/// The minimal fixture, built with `line` put first in its vitrine.toml.
fn build_minimal_with(label: &str, line: &str) -> Built {
    let dir = TempDir::new(label);
    let root = common::minimal_site_in(&dir);
    let toml = fs::read_to_string(root.join("vitrine.toml")).expect("read");
    common::write(&root, "vitrine.toml", &format!("{line}\n{toml}"));
    let out = dir.join("public");
    common::build_ok(&root, &out);
    Built { files: common::read_tree(&out), _dir: dir }
}

impl Built {
    fn text(&self, path: &str) -> String {
        let bytes = self.files.get(path).unwrap_or_else(|| panic!("{path} was not written"));
        String::from_utf8_lossy(bytes).into_owned()
    }

    fn json(&self, path: &str) -> Value {
        serde_json::from_str(&self.text(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// The manifest the `/moocs/` page of a language folder points to.
    fn manifest(&self, lang_dir: &str) -> (String, Value) {
        let html = self.text(&format!("{lang_dir}moocs/index.html"));
        let div = tags(&html, "div").into_iter().find(|t| t.contains("data-search-index")).expect("search root");
        let url = attr(div, "data-search-index").expect("index url");
        let path = url.trim_start_matches('/').to_string();
        let manifest = self.json(&path);
        (path.rsplit_once('/').map(|(d, _)| format!("{d}/")).unwrap_or_default(), manifest)
    }

    /// Documents whose postings for the first term matching `word` exactly
    /// (as a folded surface word) are not empty, as MOOC slugs.
    fn lookup(&self, lang_dir: &str, word: &str) -> Vec<String> {
        let (dir, m) = self.manifest(lang_dir);
        let key: String = word.chars().take(2).collect();
        let keys = m["keys"].as_str().unwrap_or_default().to_string();
        if !keys.split(' ').any(|k| k == key) {
            return Vec::new();
        }
        let shard =
            self.json(&format!("{dir}shards/{key}.{}.json", m["shards"][key.as_str()].as_str().unwrap_or_default()));
        let w = shard["w"].as_array().expect("w");
        let term = w.chunks(2).find(|p| p[0] == word).map(|p| p[1].as_u64().unwrap_or(0) as usize);
        let Some(term) = term else { return Vec::new() };
        let docs: Vec<usize> = match &shard["p"][term] {
            Value::String(dense) => dense.bytes().enumerate().filter(|(_, c)| *c != b'0').map(|(i, _)| i).collect(),
            Value::Array(sparse) => {
                let mut doc = 0;
                sparse
                    .chunks(2)
                    .map(|p| {
                        doc += p[0].as_u64().unwrap_or(0) as usize;
                        doc
                    })
                    .collect()
            }
            other => panic!("postings: {other}"),
        };
        docs.into_iter().map(|d| self.slug(lang_dir, d)).collect()
    }

    /// Slug of document `d` from its result chunk.
    fn slug(&self, lang_dir: &str, d: usize) -> String {
        let (dir, m) = self.manifest(lang_dir);
        let size = m["chunk_size"].as_u64().unwrap_or(16) as usize;
        let chunk = self.json(&format!("{dir}chunks/{}.{}.json", d / size, m["chunks"].as_str().unwrap_or_default()));
        chunk[d % size][0].as_str().expect("slug").to_string()
    }

    fn title(&self, lang_dir: &str, slug: &str) -> String {
        let (dir, m) = self.manifest(lang_dir);
        let n = m["count"].as_u64().unwrap_or(0) as usize;
        let size = m["chunk_size"].as_u64().unwrap_or(16) as usize;
        for d in 0..n {
            let chunk =
                self.json(&format!("{dir}chunks/{}.{}.json", d / size, m["chunks"].as_str().unwrap_or_default()));
            if chunk[d % size][0] == slug {
                return chunk[d % size][1].as_str().unwrap_or_default().to_string();
            }
        }
        panic!("{slug} not in the index");
    }

    /// Slugs of the MOOC cards of a built page.
    fn cards(&self, path: &str) -> Vec<String> {
        let html = self.text(path);
        let mut v: Vec<String> = tags(&html, "li")
            .into_iter()
            .filter(|t| t.contains("mooc-card"))
            .zip(html.match_indices("<h3 class=\"card-title\"><a href=\"").map(|(i, _)| i))
            .map(|(_, i)| {
                let rest = &html[i..];
                let href = rest.split('"').nth(3).unwrap_or_default();
                href.trim_end_matches('/').rsplit('/').next().unwrap_or_default().to_string()
            })
            .collect();
        v.sort();
        v
    }
}

#[test]
fn one_index_per_language_with_its_own_text() {
    let site = build();
    let (fr_dir, fr) = site.manifest("");
    let (en_dir, en) = site.manifest("en/");
    assert_eq!(fr_dir, "search/fr/");
    assert_eq!(en_dir, "search/en/");
    assert_eq!(fr["count"], 3);
    assert_eq!(en["count"], 3);
    assert_eq!(fr["lang"], "fr");
    assert_eq!(en["moocs_url"], "/en/moocs/");
    // The translated MOOC is indexed in its language's text.
    assert_eq!(site.title("", "rage"), "La rage");
    assert_eq!(site.title("en/", "rage"), "Rabies");
    assert_eq!(site.lookup("en/", "rabies"), ["rage"]);
    assert!(site.lookup("", "rabies").is_empty(), "the French index has the French title only");
    assert!(site.lookup("", "rage").contains(&"rage".to_string()));
}

#[test]
fn words_are_folded_and_stemmed() {
    let site = build();
    // "hépatites" in the title: found without accents, as written and
    // through its stem ("hepatite" shares the term of "hépatites").
    assert!(site.lookup("", "hepatites").contains(&"hepatites".to_string()), "{:?}", site.lookup("", "hepatites"));
    // Stop words are not indexed.
    assert!(site.lookup("", "les").is_empty());
    let (dir, m) = site.manifest("");
    let keys: Vec<&str> = m["keys"].as_str().unwrap_or_default().split(' ').collect();
    assert!(keys.contains(&"he") && keys.contains(&"pa"), "{keys:?}");
    for key in &keys {
        let path = format!("{dir}shards/{key}.{}.json", m["shards"][*key].as_str().unwrap_or_default());
        let shard = site.json(&path);
        assert!(shard["w"].is_array() && shard["s"].is_array() && shard["p"].is_array(), "{path}");
    }
}

#[test]
fn facet_table_agrees_with_the_form_and_the_static_lists() {
    let site = build();
    let (dir, m) = site.manifest("");
    let table = site.json(&format!("{dir}{}", m["docs"].as_str().unwrap_or_default()));
    let html = site.text("moocs/index.html");
    // Platform checkboxes: value (slug) and data-i (position in the table).
    let boxes: Vec<(&str, &str)> = tags(&html, "input")
        .into_iter()
        .filter(|t| attr(t, "name") == Some("platform"))
        .map(|t| (attr(t, "value").unwrap_or_default(), attr(t, "data-i").unwrap_or_default()))
        .collect();
    assert!(!boxes.is_empty(), "the form has platform checkboxes");
    for (slug, i) in boxes {
        let i: u64 = i.parse().expect("data-i");
        let n = m["count"].as_u64().unwrap_or(0) as usize;
        let mut with: Vec<String> = (0..n)
            .filter(|&d| match &table["facets"]["platform"][d] {
                Value::Number(v) => v.as_u64() == Some(i),
                Value::Array(vs) => vs.iter().any(|v| v.as_u64() == Some(i)),
                _ => false,
            })
            .map(|d| site.slug("", d))
            .collect();
        with.sort();
        assert_eq!(with, site.cards(&format!("platforms/{slug}/index.html")), "platform {slug}");
    }
    // Every MOOC has its sessions (day numbers from the build date).
    assert_eq!(table["sessions"].as_array().map(Vec::len), Some(3));
    assert!(table["day0"].as_i64().is_some());
}

#[test]
fn static_lists_for_browsing_without_javascript() {
    let site = build();
    for lang in ["", "en/"] {
        let all = site.text(&format!("{lang}moocs/index.html"));
        let listed = site.cards(&format!("{lang}moocs/open/index.html"));
        let expected: usize = tags(&all, "li")
            .into_iter()
            .filter(|t| t.contains("mooc-card") && matches!(attr(t, "data-status"), Some("open" | "ongoing-open")))
            .count();
        assert_eq!(listed.len(), expected, "{lang}moocs/open/");
        assert_eq!(site.cards(&format!("{lang}languages/fr/index.html")).len(), 3);
        assert_eq!(site.cards(&format!("{lang}levels/beginner/index.html")), ["paludisme"]);
        assert_eq!(site.cards(&format!("{lang}levels/intermediate/index.html")), ["rage"]);
        // The catalogue page links to them, and the form waits for JavaScript.
        for link in ["moocs/open/", "languages/fr/", "levels/beginner/", "platforms/fun-mooc/"] {
            assert!(all.contains(&format!("href=\"/{lang}{link}\"")), "{lang}moocs/ links to {link}");
        }
        assert!(all.contains("id=\"search-form\"") && all.contains(" hidden>"), "form hidden without JavaScript");
        assert!(all.contains("role=\"status\""), "result count in a live region");
    }
}

#[test]
fn a_mooc_cannot_be_called_open() {
    let dir = TempDir::new("search-open");
    let root = common::minimal_site_in(&dir);
    let text = fs::read_to_string(root.join("content/moocs/rage.md")).expect("read");
    common::write(&root, "content/moocs/open.md", &text);
    let out = common::run(&["check", "--root", root.to_str().unwrap_or_default(), "--today", common::TODAY]);
    assert_eq!(out.status.code(), Some(1), "{}", common::describe(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("a MOOC cannot be called `open`"), "{err}");
    assert!(err.contains("content/moocs/open.md"), "{err}");
}

#[test]
fn the_full_list_is_paginated() {
    let site = build_minimal_with("search-pages", "paginate_by = 2");
    let first = site.cards("moocs/index.html");
    let second = site.cards("moocs/page/2/index.html");
    assert_eq!(first.len(), 2);
    assert_eq!(second.len(), 1);
    let mut all: Vec<String> = first.into_iter().chain(second).collect();
    all.sort();
    assert_eq!(all, ["paludisme", "rage", "reseaux"]);
    let html = site.text("moocs/index.html");
    assert!(html.contains("href=\"/moocs/page/2/\" rel=\"next\""), "a link to the next page");
    assert!(html.contains("3\u{a0}MOOC"), "the count is of the whole catalogue");
    let page2 = site.text("moocs/page/2/index.html");
    assert!(page2.contains("href=\"/moocs/\" rel=\"prev\"") && page2.contains("aria-current=\"page\">2<"));
    assert!(!site.files.contains_key("moocs/page/3/index.html"));
    assert!(site.text("sitemap.xml").contains("/moocs/page/2/"));
}

#[test]
fn a_mooc_cannot_be_called_page() {
    let dir = TempDir::new("search-page");
    let root = common::minimal_site_in(&dir);
    let text = fs::read_to_string(root.join("content/moocs/rage.md")).expect("read");
    common::write(&root, "content/moocs/page.md", &text);
    let out = common::run(&["check", "--root", root.to_str().unwrap_or_default(), "--today", common::TODAY]);
    assert_eq!(out.status.code(), Some(1), "{}", common::describe(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("a MOOC cannot be called `page`"));
}

/// The forms `role="search"` of a page, whole.
fn search_forms(html: &str) -> Vec<&str> {
    tags(html, "form")
        .into_iter()
        .filter(|t| attr(t, "role") == Some("search"))
        .map(|t| element(html, t, "form"))
        .collect()
}

#[test]
fn the_home_page_opens_with_a_search_box_that_submits_to_the_catalogue() {
    let site = build();
    // search.js runs the query of the URL's `q` parameter on arrival.
    let script = fs::read_to_string(common::repo_root().join("themes/default/static/search.js")).expect("search.js");
    assert!(script.contains("params.get(\"q\")"), "search.js reads ?q= from the URL");
    for (lang, label, submit) in [("", "Trouver un MOOC", "Rechercher"), ("en/", "Find a MOOC", "Search")] {
        let html = site.text(&format!("{lang}index.html"));
        let forms = search_forms(&html);
        assert_eq!(forms.len(), 1, "{lang}index.html: one search form");
        let form = forms[0];
        let open = tags(form, "form")[0];
        let action = format!("/{lang}moocs/");
        assert_eq!(attr(open, "action"), Some(action.as_str()), "{lang}index.html: {open}");
        assert_eq!(attr(open, "method"), Some("get"), "{lang}index.html: {open}");
        assert!(attr(open, "aria-label").is_some_and(|l| !l.is_empty()), "{lang}index.html: the landmark has a name");
        assert!(!open.contains(" hidden"), "{lang}index.html: shown without JavaScript");
        let inputs = tags(form, "input");
        assert_eq!(inputs.len(), 1, "{lang}index.html: one field, the query");
        assert_eq!(attr(inputs[0], "name"), Some("q"));
        assert_eq!(attr(inputs[0], "type"), Some("search"));
        let id = attr(inputs[0], "id").expect("the field has an id");
        let labels: Vec<&str> = tags(form, "label").into_iter().filter(|t| attr(t, "for") == Some(id)).collect();
        assert_eq!(labels.len(), 1, "{lang}index.html: the field has a label");
        assert_eq!(text(element(form, labels[0], "label")), label);
        let button = tags(form, "button")[0];
        assert_eq!(attr(button, "type"), Some("submit"));
        assert_eq!(text(element(form, button, "button")), submit);
        // The first thing of the page's content a visitor can use: no link
        // or field comes before it in <main>.
        let main = &html[html.find("<main").expect("main")..];
        let first = ["<a ", "<input", "<button", "<select"].iter().filter_map(|t| main.find(t)).min();
        assert_eq!(first, main.find("<input"), "{lang}index.html: the search field is the first control of <main>");
        // The catalogue page it submits to has the search.
        let catalogue = site.text(&format!("{lang}moocs/index.html"));
        assert!(catalogue.contains("id=\"search-q\" name=\"q\""), "{lang}moocs/ reads the same parameter");
    }
}

#[test]
fn search_false_leaves_the_box_out_of_the_home_page() {
    let site = build_minimal_with("search-off", "search = false");
    let home = site.text("index.html");
    assert!(search_forms(&home).is_empty(), "no search form on the home page with search = false");
    assert!(!home.contains("name=\"q\""), "no query field on the home page with search = false");
    assert!(search_forms(&site.text("moocs/index.html")).is_empty(), "nor on the catalogue page");
}
