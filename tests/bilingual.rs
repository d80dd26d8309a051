//! The bilingual catalogue (issue 6), on the fixture `tests/fixtures/bilingual`
//! (languages `fr` and `en`, default `fr`, built as of 2026-11-23):
//!
//! - both trees exist with the same pages (`/…/` and `/en/…/`), with
//!   `<html lang>` set to their language;
//! - the language switcher links to the same page in the other language, the
//!   `<link rel="alternate" hreflang>` sets of two twin pages are the same
//!   (one per language, plus `x-default` to the French page), and the sitemap
//!   lists the alternates of every page;
//! - translated entities (`rage.en.md`, a bundle's `index.en.md`, a parcours,
//!   a page, a subject, the home page) show their English text on `/en/`;
//!   untranslated ones show their French text marked `lang="fr"`;
//! - prices ("150 €" / "€150") and dates in the page's language;
//! - `vitrine check`: a translation that changes a session date is an error
//!   at its location; a UI string missing in a language is an error naming
//!   the key and the file; `--missing-translations` lists the entities
//!   without a translation (a report, exit 0).
//!
//! Subject labels, image descriptions and the site's title per language are
//! in `bilingual/labels.rs`.

mod common;
#[path = "bilingual/labels.rs"]
mod labels;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use common::{TempDir, TODAY};

const FIXTURE: &str = "bilingual";
const BASE: &str = "https://moocs.example.org";

/// Pages the fixture must produce in both languages (URL paths in French).
const EXPECTED_PAGES: &[&str] = &[
    "/",
    "/moocs/",
    "/moocs/rage/",
    "/moocs/paludisme/",
    "/moocs/hepatites/",
    "/parcours/",
    "/parcours/decouverte/",
    "/platforms/fun-mooc/",
    "/institutions/institut-pasteur/",
    "/subjects/maladies-infectieuses/",
    "/a-propos/",
];

// ---------------------------------------------------------------------------
// Building the fixture and reading its pages.

/// The fixture built into a temporary folder.
struct Built {
    _tmp: TempDir,
    out: PathBuf,
}

impl Built {
    /// The page at URL path `path` (`/en/moocs/rage/`).
    fn page(&self, path: &str) -> String {
        let file = self.out.join(path.trim_start_matches('/')).join("index.html");
        fs::read_to_string(&file).unwrap_or_else(|e| panic!("read {}: {e}", file.display()))
    }

    fn file(&self, rel: &str) -> String {
        let file = self.out.join(rel);
        fs::read_to_string(&file).unwrap_or_else(|e| panic!("read {}: {e}", file.display()))
    }

    /// URL paths of every `index.html` of the default language (outside
    /// `en/`) and of `en/` (without the `/en` prefix).
    fn page_paths(&self) -> (BTreeSet<String>, BTreeSet<String>) {
        let mut fr = BTreeSet::new();
        let mut en = BTreeSet::new();
        for rel in common::read_tree(&self.out).into_keys() {
            let Some(dir) = rel.strip_suffix("index.html") else { continue };
            if !(dir.is_empty() || dir.ends_with('/')) {
                continue;
            }
            match dir.strip_prefix("en/") {
                Some(rest) => en.insert(format!("/{rest}")),
                None => fr.insert(format!("/{dir}")),
            };
        }
        (fr, en)
    }
}

/// A copy of the fixture at `tmp/site`.
fn fixture_copy(tmp: &TempDir) -> PathBuf {
    let root = tmp.join("site");
    common::copy_dir(&common::fixture_dir(FIXTURE), &root);
    root
}

fn build_fixture(label: &str) -> Built {
    let tmp = TempDir::new(label);
    let out = tmp.join("out");
    common::build_ok(&common::fixture_dir(FIXTURE), &out);
    Built { _tmp: tmp, out }
}

/// `/en` + `path`: the same page in English.
fn en(path: &str) -> String {
    format!("/en{path}")
}

fn abs(path: &str) -> String {
    format!("{BASE}{path}")
}

fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("selector {css}: {e:?}"))
}

/// The `lang` of `<html>`.
fn html_lang(html: &str) -> Option<String> {
    let doc = Html::parse_document(html);
    let root = doc.select(&sel("html")).next()?;
    root.value().attr("lang").map(String::from)
}

/// The `<link rel="alternate" hreflang>` of a page: hreflang -> hrefs.
fn alternates(html: &str) -> BTreeMap<String, Vec<String>> {
    let doc = Html::parse_document(html);
    let mut found: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for link in doc.select(&sel("link[hreflang]")) {
        let rel = link.value().attr("rel").unwrap_or_default();
        if !rel.split_whitespace().any(|r| r.eq_ignore_ascii_case("alternate")) {
            continue;
        }
        let lang = link.value().attr("hreflang").unwrap_or_default().to_string();
        found.entry(lang).or_default().push(link.value().attr("href").unwrap_or_default().to_string());
    }
    found
}

/// The links of the language switcher (the `a[hreflang]` inside a `<nav>`):
/// hreflang -> hrefs.
fn switcher(html: &str) -> BTreeMap<String, Vec<String>> {
    let doc = Html::parse_document(html);
    let mut found: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for a in doc.select(&sel("body nav a[hreflang]")) {
        let lang = a.value().attr("hreflang").unwrap_or_default().to_string();
        found.entry(lang).or_default().push(a.value().attr("href").unwrap_or_default().to_string());
    }
    found
}

/// Visible text of the first element `css` selects (see [`common::text`]).
fn first_text(html: &str, css: &str) -> String {
    let doc = Html::parse_document(html);
    let el = doc.select(&sel(css)).next().unwrap_or_else(|| panic!("no `{css}` in the page"));
    common::text(&el.html())
}

/// Visible text of the `<main>` of a page.
fn main_text(html: &str) -> String {
    first_text(html, "main")
}

fn h1_text(html: &str) -> String {
    first_text(html, "main h1")
}

/// A text node of a page: its text (whitespace collapsed), the language it
/// is in (the `lang` of the nearest element that sets one) and whether it
/// is inside `<main>`.
#[derive(Debug)]
struct TextNode {
    text: String,
    lang: Option<String>,
    in_main: bool,
}

fn text_nodes(html: &str) -> Vec<TextNode> {
    let doc = Html::parse_document(html);
    doc.tree
        .nodes()
        .filter_map(|node| {
            let text = node.value().as_text()?;
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if text.is_empty() {
                return None;
            }
            let mut lang = None;
            let mut in_main = false;
            for element in node.ancestors().filter_map(ElementRef::wrap) {
                if lang.is_none() {
                    lang = element.value().attr("lang").map(String::from);
                }
                in_main |= element.value().name() == "main";
            }
            Some(TextNode { text, lang, in_main })
        })
        .collect()
}

/// The languages of the text nodes of `<main>` whose whole text is
/// `needle` (the elements that hold an entity's title, summary or body
/// paragraph).
fn langs_of(html: &str, needle: &str) -> Vec<Option<String>> {
    text_nodes(html).into_iter().filter(|n| n.in_main && n.text == needle).map(|n| n.lang).collect()
}

/// Asserts that `needle` is on the page (in `<main>`) and that every
/// element holding it is in language `lang`.
fn assert_text_lang(built: &Built, path: &str, needle: &str, lang: &str) {
    let html = built.page(path);
    let langs = langs_of(&html, needle);
    assert!(!langs.is_empty(), "{path}: no element of <main> holds exactly “{needle}”\n{}", main_text(&html));
    for l in &langs {
        assert_eq!(
            l.as_deref(),
            Some(lang),
            "{path}: “{needle}” is in language {l:?} (nearest `lang` attribute), not `{lang}`: {langs:?}"
        );
    }
}

/// Asserts that the `<h1>` of the page reads `title`, in language `lang`
/// (the nearest `lang` attribute of its text).
fn assert_h1_lang(built: &Built, path: &str, title: &str, lang: &str) {
    let html = built.page(path);
    assert_eq!(h1_text(&html), title, "<h1> of {path}");
    let doc = Html::parse_document(&html);
    let h1 = doc.select(&sel("main h1")).next().expect("an <h1> in <main>");
    for node in h1.descendants().filter(|n| n.value().as_text().is_some_and(|t| !t.trim().is_empty())) {
        let found = node.ancestors().filter_map(ElementRef::wrap).find_map(|e| e.value().attr("lang"));
        assert_eq!(found, Some(lang), "{path}: the <h1> “{title}” is not in `{lang}`");
    }
}

// ---------------------------------------------------------------------------
// Two trees, same pages.

#[test]
fn both_languages_have_the_same_pages() {
    let built = build_fixture("bi-trees");
    let (fr, en) = built.page_paths();
    for p in EXPECTED_PAGES {
        assert!(fr.contains(*p), "no French page {p}; French pages: {fr:?}");
        assert!(en.contains(*p), "no English page /en{p}; English pages: {en:?}");
    }
    let only_fr: Vec<_> = fr.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&fr).collect();
    assert!(only_fr.is_empty(), "French pages without an English twin under /en/: {only_fr:?}");
    assert!(only_en.is_empty(), "English pages without a French twin at the root: {only_en:?}");
    assert!(built.out.join("404.html").is_file(), "no /404.html");
    assert!(built.out.join("en/404.html").is_file(), "no /en/404.html");
}

#[test]
fn html_lang_is_the_language_of_the_tree() {
    let built = build_fixture("bi-html-lang");
    let (fr, _) = built.page_paths();
    for p in &fr {
        assert_eq!(html_lang(&built.page(p)).as_deref(), Some("fr"), "<html lang> of {p}");
        assert_eq!(html_lang(&built.page(&en(p))).as_deref(), Some("en"), "<html lang> of {}", en(p));
    }
    assert_eq!(html_lang(&built.file("404.html")).as_deref(), Some("fr"), "<html lang> of /404.html");
    assert_eq!(html_lang(&built.file("en/404.html")).as_deref(), Some("en"), "<html lang> of /en/404.html");
}

#[test]
fn language_switcher_links_to_the_same_page_in_the_other_language() {
    let built = build_fixture("bi-switcher");
    let (fr, _) = built.page_paths();
    for p in &fr {
        let expected: BTreeMap<String, Vec<String>> =
            [("en".to_string(), vec![en(p)]), ("fr".to_string(), vec![p.clone()])].into();
        for page in [p.clone(), en(p)] {
            let links = switcher(&built.page(&page));
            assert_eq!(links, expected, "language switcher (nav a[hreflang]) of {page}");
        }
    }
}

#[test]
fn hreflang_alternates_are_the_same_on_twin_pages() {
    let built = build_fixture("bi-alternates");
    let (fr, _) = built.page_paths();
    for p in &fr {
        let expected: BTreeMap<String, Vec<String>> =
            [("en".to_string(), vec![abs(&en(p))]), ("fr".to_string(), vec![abs(p)])].into();
        let mut of_fr = alternates(&built.page(p));
        let mut of_en = alternates(&built.page(&en(p)));
        let x_fr = of_fr.remove("x-default");
        let x_en = of_en.remove("x-default");
        assert_eq!(of_fr, expected, "<link rel=alternate hreflang> of {p}");
        assert_eq!(of_en, of_fr, "<link rel=alternate hreflang> of {} and of {p} differ", en(p));
        assert_eq!(x_fr, x_en, "x-default of {p} and {} differ", en(p));
    }
}

#[test]
fn x_default_alternate_points_to_the_default_language() {
    let built = build_fixture("bi-x-default");
    let (fr, _) = built.page_paths();
    for p in &fr {
        for page in [p.clone(), en(p)] {
            let links = alternates(&built.page(&page));
            assert_eq!(
                links.get("x-default"),
                Some(&vec![abs(p)]),
                "{page}: one <link rel=\"alternate\" hreflang=\"x-default\"> to the French page {}; found {links:?}",
                abs(p)
            );
        }
    }
}

// ---------------------------------------------------------------------------
// The sitemap.

/// The value of `name` in an XML tag (double or single quotes).
fn xml_attr(tag: &str, name: &str) -> Option<String> {
    for quote in ['"', '\''] {
        let key = format!(" {name}={quote}");
        if let Some(i) = tag.find(&key) {
            let rest = &tag[i + key.len()..];
            let j = rest.find(quote)?;
            return Some(rest[..j].replace("&amp;", "&"));
        }
    }
    None
}

/// Each `<url>` of a sitemap: its `<loc>` and its `xhtml:link` alternates
/// (hreflang -> hrefs).
fn sitemap_entries(xml: &str) -> BTreeMap<String, BTreeMap<String, Vec<String>>> {
    let mut entries = BTreeMap::new();
    for block in xml.split("<url>").skip(1) {
        let block = block.split("</url>").next().unwrap_or_default();
        let loc = block
            .split("<loc>")
            .nth(1)
            .and_then(|r| r.split("</loc>").next())
            .unwrap_or_else(|| panic!("a <url> without <loc>: {block}"))
            .trim()
            .replace("&amp;", "&");
        let mut links: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for tag in common::tags(block, "xhtml:link") {
            assert_eq!(xml_attr(tag, "rel").as_deref(), Some("alternate"), "rel of {tag}");
            let lang = xml_attr(tag, "hreflang").unwrap_or_else(|| panic!("no hreflang in {tag}"));
            links.entry(lang).or_default().push(xml_attr(tag, "href").unwrap_or_else(|| panic!("no href in {tag}")));
        }
        entries.insert(loc, links);
    }
    entries
}

#[test]
fn sitemap_lists_the_alternates_of_every_page() {
    let built = build_fixture("bi-sitemap");
    let xml = built.file("sitemap.xml");
    let urlset = common::tags(&xml, "urlset").into_iter().next().expect("<urlset>");
    assert_eq!(
        xml_attr(urlset, "xmlns:xhtml").as_deref(),
        Some("http://www.w3.org/1999/xhtml"),
        "the sitemap declares the xhtml namespace of its alternates: {urlset}"
    );
    let entries = sitemap_entries(&xml);
    let (fr, _) = built.page_paths();
    for p in &fr {
        let expected: BTreeMap<String, Vec<String>> =
            [("en".to_string(), vec![abs(&en(p))]), ("fr".to_string(), vec![abs(p)])].into();
        for loc in [abs(p), abs(&en(p))] {
            let mut links = entries.get(&loc).unwrap_or_else(|| panic!("{loc} is not in the sitemap:\n{xml}")).clone();
            if let Some(x) = links.remove("x-default") {
                assert_eq!(x, vec![abs(p)], "x-default of {loc} in the sitemap");
            }
            assert_eq!(links, expected, "xhtml:link alternates of {loc} in the sitemap");
        }
    }
}

// ---------------------------------------------------------------------------
// Translated and untranslated text.

#[test]
fn translated_mooc_shows_its_english_text_on_english_pages() {
    let built = build_fixture("bi-translated-mooc");
    let fr_page = built.page("/moocs/rage/");
    let en_page = built.page("/en/moocs/rage/");
    assert_eq!(h1_text(&fr_page), "La rage");
    assert_eq!(h1_text(&en_page), "Rabies");
    let fr_text = main_text(&fr_page);
    let en_text = main_text(&en_page);
    assert!(fr_text.contains("Le virus de la rage, ses réservoirs animaux"), "French summary on /moocs/rage/");
    assert!(fr_text.contains("Un cours sur la rage et sur sa prévention chez l’homme."), "French body");
    assert!(
        en_text.contains("The rabies virus, its animal reservoirs, vaccines and the strategies to end human deaths."),
        "English summary on /en/moocs/rage/:\n{en_text}"
    );
    assert!(en_text.contains("A course on rabies and on how to prevent it in humans."), "English body:\n{en_text}");
    assert!(!en_text.contains("La rage"), "the French title is not on /en/moocs/rage/:\n{en_text}");
    assert!(!en_text.contains("Un cours sur la rage"), "the French body is not on /en/moocs/rage/");
    let title = common::tags(&en_page, "title").into_iter().next().expect("<title>");
    let title = common::text(common::element(&en_page, title, "title"));
    assert!(title.contains("Rabies"), "<title> of /en/moocs/rage/: {title}");

    // The translated text is in the page's language: no `lang="fr"` on it.
    assert_text_lang(&built, "/en/moocs/rage/", "Rabies", "en");
    assert_text_lang(
        &built,
        "/en/moocs/rage/",
        "The rabies virus, its animal reservoirs, vaccines and the strategies to end human deaths.",
        "en",
    );
    assert_text_lang(&built, "/en/moocs/rage/", "A course on rabies and on how to prevent it in humans.", "en");
    assert_text_lang(&built, "/en/moocs/", "Rabies", "en");
}

#[test]
fn translated_bundle_parcours_page_and_home_show_english_text() {
    let built = build_fixture("bi-translated-others");
    // A bundle: moocs/hepatites/index.md + index.en.md.
    assert_eq!(h1_text(&built.page("/moocs/hepatites/")), "Les hépatites virales");
    assert_eq!(h1_text(&built.page("/en/moocs/hepatites/")), "Viral hepatitis");
    let text = main_text(&built.page("/en/moocs/hepatites/"));
    assert!(text.contains("The hepatitis viruses A to E"), "English summary of the bundle:\n{text}");
    assert!(text.contains("A course on viral hepatitis and its screening."), "English body of the bundle:\n{text}");
    assert_text_lang(&built, "/en/moocs/hepatites/", "Viral hepatitis", "en");

    // A parcours.
    assert_eq!(h1_text(&built.page("/parcours/decouverte/")), "Parcours maladies infectieuses");
    assert_eq!(h1_text(&built.page("/en/parcours/decouverte/")), "Infectious diseases track");
    let text = main_text(&built.page("/en/parcours/decouverte/"));
    assert!(text.contains("Three MOOCs to discover infectious diseases."), "parcours summary:\n{text}");
    assert!(text.contains("A track of three MOOCs on infectious diseases."), "parcours body:\n{text}");
    assert!(text.contains("Certificate of discovery of infectious diseases"), "credential_name:\n{text}");
    assert!(text.contains("for the three exams"), "price_note:\n{text}");
    assert!(!text.contains("pour les trois examens"), "French price_note on /en/:\n{text}");
    assert!(!text.contains("Parcours maladies infectieuses"), "French parcours title on /en/:\n{text}");
    let list = main_text(&built.page("/en/parcours/"));
    assert!(list.contains("Infectious diseases track"), "/en/parcours/ lists the English title:\n{list}");

    // A free page, also in the menu.
    assert_eq!(h1_text(&built.page("/a-propos/")), "À propos");
    assert_eq!(h1_text(&built.page("/en/a-propos/")), "About");
    let text = main_text(&built.page("/en/a-propos/"));
    assert!(text.contains("This catalogue is published by the teaching team."), "page body:\n{text}");
    let html = built.page("/en/moocs/");
    let doc = Html::parse_document(&html);
    let menu: Vec<String> = doc
        .select(&sel("header nav a"))
        .filter(|a| a.value().attr("href") == Some("/en/a-propos/"))
        .map(|a| common::text(&a.html()))
        .collect();
    assert_eq!(menu, ["About"], "the menu of /en/ pages links to /en/a-propos/ as “About”");

    // The home page.
    let text = main_text(&built.page("/en/"));
    assert!(text.contains("Welcome to the catalogue of online courses."), "home text on /en/:\n{text}");
    let text = main_text(&built.page("/"));
    assert!(text.contains("Bienvenue dans le catalogue des cours en ligne."), "home text on /:\n{text}");

    // The list of MOOCs, per language.
    let list = main_text(&built.page("/en/moocs/"));
    for title in ["Rabies", "Viral hepatitis", "Le paludisme"] {
        assert!(list.contains(title), "/en/moocs/ lists “{title}”:\n{list}");
    }
    for title in ["La rage", "Les hépatites virales"] {
        assert!(!list.contains(title), "/en/moocs/ shows the French title “{title}”:\n{list}");
    }
}

#[test]
fn subject_label_is_translated() {
    let built = build_fixture("bi-subject");
    assert_eq!(h1_text(&built.page("/subjects/maladies-infectieuses/")), "Maladies infectieuses");
    assert_eq!(h1_text(&built.page("/en/subjects/maladies-infectieuses/")), "Infectious diseases");
    let text = main_text(&built.page("/en/subjects/maladies-infectieuses/"));
    assert!(text.contains("Diseases caused by viruses, bacteria or parasites."), "subject body on /en/:\n{text}");
    assert!(text.contains("Rabies"), "the subject page lists the MOOCs in English:\n{text}");

    // The MOOC pages link to the subject with its label in their language.
    for (page, label, href) in [
        ("/moocs/rage/", "Maladies infectieuses", "/subjects/maladies-infectieuses/"),
        ("/en/moocs/rage/", "Infectious diseases", "/en/subjects/maladies-infectieuses/"),
    ] {
        let html = built.page(page);
        let doc = Html::parse_document(&html);
        let labels: Vec<String> = doc
            .select(&sel("main a"))
            .filter(|a| a.value().attr("href") == Some(href))
            .map(|a| common::text(&a.html()))
            .collect();
        assert_eq!(labels, [label], "{page}: the link to {href}");
    }
}

#[test]
fn untranslated_mooc_falls_back_to_french_marked_lang_fr() {
    let built = build_fixture("bi-fallback-mooc");
    let title = "Le paludisme";
    let summary = "Le parasite, le moustique vecteur, les traitements et la prévention du paludisme.";
    let body = "Un cours sur le paludisme, du moustique au traitement.";
    assert_eq!(h1_text(&built.page("/en/moocs/paludisme/")), title);
    for needle in [title, summary, body] {
        assert_text_lang(&built, "/en/moocs/paludisme/", needle, "fr");
        // On the French page, the text is in the page's language.
        assert_text_lang(&built, "/moocs/paludisme/", needle, "fr");
    }
    // Wherever the title is shown on an English page, it is marked.
    for page in ["/en/moocs/", "/en/parcours/decouverte/", "/en/subjects/maladies-infectieuses/", "/en/"] {
        let html = built.page(page);
        for l in langs_of(&html, title) {
            assert_eq!(l.as_deref(), Some("fr"), "{page}: “{title}” is not marked lang=\"fr\"");
        }
    }
    assert_text_lang(&built, "/en/moocs/", title, "fr");
    assert_text_lang(&built, "/en/moocs/", summary, "fr");
    assert_text_lang(&built, "/en/parcours/decouverte/", title, "fr");
}

#[test]
fn untranslated_platform_and_institution_fall_back_marked_lang_fr() {
    let built = build_fixture("bi-fallback-entities");
    let platform = "/en/platforms/fun-mooc/";
    assert_text_lang(
        &built,
        platform,
        "La plateforme publique francophone des MOOC de l’enseignement supérieur.",
        "fr",
    );
    assert_text_lang(&built, platform, "FUN-MOOC diffuse les cours en sessions à dates fixes.", "fr");
    assert_h1_lang(&built, platform, "FUN-MOOC", "fr");
    let institution = "/en/institutions/institut-pasteur/";
    assert_h1_lang(&built, institution, "Institut Pasteur", "fr");
    assert_text_lang(&built, institution, "Fondation consacrée à la recherche sur les maladies infectieuses.", "fr");
}

// ---------------------------------------------------------------------------
// Prices and dates in the page's language.

#[test]
fn prices_are_written_the_french_and_the_english_way() {
    let built = build_fixture("bi-prices");
    for (page, want, not) in [
        ("/moocs/rage/", "150 €", "€150"),
        ("/en/moocs/rage/", "€150", "150 €"),
        ("/parcours/decouverte/", "300 €", "€300"),
        ("/en/parcours/decouverte/", "€300", "300 €"),
    ] {
        let text = main_text(&built.page(page));
        assert!(text.contains(want), "{page}: no “{want}”:\n{text}");
        assert!(!text.contains(not), "{page}: “{not}” is the other language's format:\n{text}");
    }
    // The French format keeps the amount and the symbol together.
    let html = built.page("/moocs/rage/");
    assert!(
        html.contains("150\u{a0}€") || html.contains("150\u{202f}€") || html.contains("150&nbsp;€"),
        "/moocs/rage/: “150 €” with a no-break space"
    );
}

#[test]
fn dates_are_written_in_the_page_language() {
    let built = build_fixture("bi-dates");
    for (page, want) in [
        ("/moocs/rage/", "11 janvier 2027"),
        ("/en/moocs/rage/", "11 January 2027"),
        ("/moocs/paludisme/", "1er février 2027"),
        ("/en/moocs/paludisme/", "1 February 2027"),
    ] {
        let text = main_text(&built.page(page));
        assert!(text.contains(want), "{page}: no “{want}”:\n{text}");
    }
}

// ---------------------------------------------------------------------------
// `vitrine check`.

/// `vitrine check --message-format json` on `root`: (exit code, the JSON
/// diagnostics, everything printed).
fn check_json(root: &Path) -> (Option<i32>, Vec<Value>, String) {
    let output = common::vitrine()
        .arg("check")
        .arg("--root")
        .arg(root)
        .args(["--today", TODAY, "--message-format", "json"])
        .output()
        .expect("run the vitrine binary");
    let diags = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|l| l.trim_start().starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    (output.status.code(), diags, common::describe(&output))
}

fn errors(diags: &[Value]) -> Vec<&Value> {
    diags.iter().filter(|d| d["severity"] == "error").collect()
}

/// `rage.en.md` repeating the sessions of `rage.md`, the second one with
/// `second_start`.
fn rage_en_with_sessions(second_start: &str) -> String {
    format!(
        "+++\n\
         title = \"Rabies\"\n\
         summary = \"The rabies virus, its animal reservoirs, vaccines and the strategies to end human deaths.\"\n\
         \n\
         [[sessions]]\n\
         start = \"2025-01-06\"\n\
         end = 2025-03-09\n\
         \n\
         [[sessions]]\n\
         start = {second_start}\n\
         end = 2027-03-07\n\
         enrollment_start = 2026-11-02\n\
         +++\n\
         \n\
         A course on rabies and on how to prevent it in humans.\n"
    )
}

#[test]
fn the_fixture_checks_without_any_problem() {
    let (code, diags, all) = check_json(&common::fixture_dir(FIXTURE));
    assert_eq!(code, Some(0), "{all}");
    assert!(diags.is_empty(), "no error nor warning: {all}");
}

#[test]
fn translation_repeating_the_same_sessions_is_accepted() {
    let tmp = TempDir::new("bi-same-sessions");
    let root = fixture_copy(&tmp);
    common::write(&root, "content/moocs/rage.en.md", &rage_en_with_sessions("2027-01-11"));
    let (code, diags, all) = check_json(&root);
    assert_eq!(code, Some(0), "the same sessions (one start quoted) are not a change: {all}");
    assert!(errors(&diags).is_empty(), "{all}");
}

/// The changed session date: an error in `rage.en.md`, wherever it points.
#[test]
fn translation_changing_a_session_date_is_an_error() {
    let tmp = TempDir::new("bi-changed-session");
    let root = fixture_copy(&tmp);
    let text = rage_en_with_sessions("2027-01-18");
    common::write(&root, "content/moocs/rage.en.md", &text);
    let (code, diags, all) = check_json(&root);
    assert_eq!(code, Some(1), "{all}");
    let errs = errors(&diags);
    assert_eq!(errs.len(), 1, "one error: {all}");
    let e = errs[0];
    assert_eq!(e["path"], "content/moocs/rage.en.md", "{all}");
    let message = e["message"].as_str().unwrap_or_default();
    assert!(message.contains("sessions") || message.contains("start"), "the message names the key: {message}");
    assert!(message.contains("content/moocs/rage.md"), "the message names the default file: {message}");
    let line = e["line"].as_u64().unwrap_or(0) as usize;
    let first = text.lines().position(|l| l == "[[sessions]]").unwrap() + 1;
    let last = text.lines().position(|l| l == "enrollment_start = 2026-11-02").unwrap() + 1;
    assert!((first..=last).contains(&line), "line {line} is not in the sessions (lines {first}-{last}): {all}");
    assert!(e["column"].as_u64().is_some(), "a column: {all}");
}

/// The changed session date is reported at the `start` that differs
/// (path:line:column of its key or of its value), not at the first
/// `[[sessions]]` header: a MOOC may have ten sessions.
#[test]
fn translation_changing_a_session_date_is_reported_at_the_changed_start() {
    let tmp = TempDir::new("bi-changed-session-at");
    let root = fixture_copy(&tmp);
    let text = rage_en_with_sessions("2027-01-18");
    common::write(&root, "content/moocs/rage.en.md", &text);
    let (code, diags, all) = check_json(&root);
    assert_eq!(code, Some(1), "{all}");
    let errs = errors(&diags);
    assert_eq!(errs.len(), 1, "one error: {all}");
    let e = errs[0];
    let line = text.lines().position(|l| l == "start = 2027-01-18").unwrap() + 1;
    let at = (e["path"].as_str().unwrap_or_default(), e["line"].as_u64(), e["column"].as_u64());
    assert!(
        at == ("content/moocs/rage.en.md", Some(line as u64), Some(1))
            || at == ("content/moocs/rage.en.md", Some(line as u64), Some(9)),
        "reported at {at:?}, not at content/moocs/rage.en.md:{line}:1 (key) or :{line}:9 (value): {all}"
    );
}

/// A site with `theme = "maison"` whose `themes/maison/i18n/` files are
/// `fr` and `en`.
fn site_with_maison_theme(tmp: &TempDir, fr: &str, en: &str) -> PathBuf {
    let root = fixture_copy(tmp);
    let config = fs::read_to_string(root.join("vitrine.toml")).expect("read vitrine.toml");
    let config = config.replace("theme = \"default\"", "theme = \"maison\"");
    assert!(config.contains("theme = \"maison\""));
    common::write(&root, "vitrine.toml", &config);
    common::write(&root, "themes/maison/i18n/fr.toml", fr);
    common::write(&root, "themes/maison/i18n/en.toml", en);
    root
}

#[test]
fn theme_strings_with_the_same_keys_in_every_language_are_fine() {
    let tmp = TempDir::new("bi-ui-complete");
    let root = site_with_maison_theme(
        &tmp,
        "[maison]\naccroche = \"Des cours pour tous\"\ncredits = \"Réalisé par l’équipe\"\n",
        "[maison]\naccroche = \"Courses for everyone\"\ncredits = \"Made by the team\"\n",
    );
    let (code, diags, all) = check_json(&root);
    assert_eq!(code, Some(0), "{all}");
    assert!(errors(&diags).is_empty(), "{all}");
}

#[test]
fn ui_string_missing_in_a_language_is_an_error_naming_the_key_and_the_file() {
    let tmp = TempDir::new("bi-ui-missing");
    let root = site_with_maison_theme(
        &tmp,
        "[maison]\naccroche = \"Des cours pour tous\"\ncredits = \"Réalisé par l’équipe\"\n",
        "[maison]\naccroche = \"Courses for everyone\"\n",
    );
    let (code, diags, all) = check_json(&root);
    assert_eq!(code, Some(1), "a missing UI string is an error: {all}");
    let errs = errors(&diags);
    let named: Vec<&&Value> = errs
        .iter()
        .filter(|e| {
            let message = e["message"].as_str().unwrap_or_default();
            let path = e["path"].as_str().unwrap_or_default();
            message.contains("maison.credits")
                && (path.ends_with("themes/maison/i18n/en.toml") || message.contains("themes/maison/i18n/en.toml"))
        })
        .collect();
    assert_eq!(named.len(), 1, "one error naming `maison.credits` and themes/maison/i18n/en.toml: {all}");
    assert_eq!(errs.len(), 1, "nothing else is reported (the other keys are in both files): {all}");
}

/// Every key of one of the default theme's string files, as `a.b`.
fn toml_keys(value: &toml::Value, prefix: &str, into: &mut BTreeSet<String>) {
    if let toml::Value::Table(t) = value {
        for (k, v) in t {
            let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
            if v.is_table() {
                toml_keys(v, &key, into);
            } else {
                into.insert(key);
            }
        }
    }
}

#[test]
fn default_theme_has_the_same_ui_keys_in_french_and_english() {
    let keys = |lang: &str| {
        let path = common::repo_root().join(format!("themes/default/i18n/{lang}.toml"));
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        let value: toml::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut keys = BTreeSet::new();
        toml_keys(&value, "", &mut keys);
        keys
    };
    let (fr, en) = (keys("fr"), keys("en"));
    let only_fr: Vec<_> = fr.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&fr).collect();
    assert!(only_fr.is_empty(), "keys of fr.toml missing in en.toml: {only_fr:?}");
    assert!(only_en.is_empty(), "keys of en.toml missing in fr.toml: {only_en:?}");
}

/// `vitrine check --missing-translations` on `root`: (exit code, the
/// report's lines, everything printed).
fn missing_translations(root: &Path) -> (Option<i32>, BTreeSet<String>, String) {
    let output = common::vitrine()
        .arg("check")
        .arg("--root")
        .arg(root)
        .args(["--today", TODAY, "--missing-translations"])
        .output()
        .expect("run the vitrine binary");
    let lines = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|l| l.contains("missing translation"))
        .map(|l| l.trim().replace('\\', "/"))
        .collect();
    (output.status.code(), lines, common::describe(&output))
}

#[test]
fn missing_translations_lists_the_untranslated_entities() {
    let tmp = TempDir::new("bi-missing");
    let root = fixture_copy(&tmp);
    let (code, lines, all) = missing_translations(&root);
    assert_eq!(code, Some(0), "a report, not an error: {all}");
    let expected: BTreeSet<String> = [
        "missing translation: en: content/institutions/institut-pasteur.md",
        "missing translation: en: content/moocs/paludisme.md",
        "missing translation: en: content/platforms/fun-mooc.md",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(lines, expected, "{all}");

    // Translating the MOOC takes it off the list.
    common::write(
        &root,
        "content/moocs/paludisme.en.md",
        "+++\ntitle = \"Malaria\"\nsummary = \"The parasite, the mosquito, treatments and prevention.\"\n+++\n\nA course on malaria.\n",
    );
    let (code, lines, all) = missing_translations(&root);
    assert_eq!(code, Some(0), "{all}");
    assert!(!lines.iter().any(|l| l.contains("paludisme")), "paludisme is translated now: {all}");
    assert_eq!(lines.len(), 2, "{all}");

    // Without the flag, no report.
    let output = common::run(&["check", "--root", root.to_str().expect("UTF-8 path"), "--today", TODAY]);
    assert_eq!(output.status.code(), Some(0), "{}", common::describe(&output));
    assert!(!String::from_utf8_lossy(&output.stdout).contains("missing translation"), "{}", common::describe(&output));
}
