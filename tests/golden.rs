//! The bundled catalogue (the repository root), built once with
//! `--today 2026-11-23`, checked page by page: what each kind of page must
//! show, the status keys of CONTENT-MODEL.md on the MOOCs (see
//! tests/fixtures/STATUSES-*.txt), French and English labels, the sitemap,
//! robots.txt, alias redirects and the stylesheets; then properties of
//! every page (no template leftovers, one `<h1>`, no JavaScript).

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use common::{attr, element, elements, region, tags, text, TempDir};

const BASE_URL: &str = "https://moocs.example.org";

/// The status keys of CONTENT-MODEL.md, in priority order.
const STATUS_KEYS: [&str; 9] = [
    "open",
    "ongoing-open",
    "upcoming",
    "ongoing-closed",
    "enrollment-closed",
    "planned",
    "archived",
    "cancelled",
    "to-be-scheduled",
];

/// The status of every MOOC of the bundled catalogue on 2026-11-23, from
/// tests/fixtures/STATUSES-IMT.txt and STATUSES-PASTEUR.txt.
const MOOC_STATUSES: &[(&str, &str)] = &[
    ("a-la-decouverte-des-telecommunications", "archived"),
    ("abc-du-langage-c", "open"),
    ("biobanking", "upcoming"),
    ("c-programming-advanced-data-types", "open"),
    ("c-programming-getting-started", "ongoing-open"),
    ("c-programming-language-foundations", "ongoing-open"),
    ("c-programming-modular-programming-and-memory-management", "ongoing-open"),
    ("c-programming-pointers-and-memory-management", "ongoing-open"),
    ("c-programming-using-linux-tools-and-libraries", "ongoing-open"),
    ("cybersecurite-initiation-aux-tests-d-intrusion", "cancelled"),
    ("decouper-et-graver-au-laser", "archived"),
    ("designer-et-modeliser-dans-un-fablab", "planned"),
    ("digital-networks-essentials", "archived"),
    ("essais-cliniques-maladies-infectieuses-tropicales", "planned"),
    ("fabriquer-un-objet-connecte", "ongoing-closed"),
    ("hiv-science", "archived"),
    ("impact-environnemental-du-numerique", "to-be-scheduled"),
    ("impact-sante-securite-au-travail", "ongoing-closed"),
    ("imprimer-en-3d", "upcoming"),
    ("innate-immunity", "ongoing-closed"),
    ("innovating-in-a-digital-world", "ongoing-open"),
    ("innover-et-entreprendre-dans-un-monde-numerique", "planned"),
    ("introduction-a-la-mecanique-des-fluides", "enrollment-closed"),
    ("introduction-aux-reseaux-cellulaires", "archived"),
    ("linux-basics-the-command-line-interface", "ongoing-open"),
    ("malaria", "planned"),
    ("medical-entomology", "archived"),
    ("medical-mycology", "planned"),
    ("mener-un-projet-dans-un-fablab", "archived"),
    ("modeling-of-infectious-diseases", "planned"),
    ("modeliser-en-3d-avec-freecad", "ongoing-open"),
    ("neglected-tropical-diseases", "planned"),
    ("principes-des-reseaux-de-donnees", "ongoing-open"),
    ("programmer-un-objet-avec-arduino", "archived"),
    ("rabies", "planned"),
    ("resistance-to-antibacterial-agents", "open"),
    ("roches-et-mineraux-courants", "planned"),
    ("sciences-humaines-sociales-gestion-epidemies", "ongoing-closed"),
    ("statistique-pour-l-ingenieur", "upcoming"),
    ("team", "ongoing-open"),
    ("tuberculosis", "planned"),
    ("unlock-your-english", "open"),
    ("vaccinology", "ongoing-open"),
    ("viral-hepatitis", "planned"),
    ("viral-outbreaks-and-pandemics", "archived"),
    ("viruses-and-human-cancers", "archived"),
    ("waterborne-diseases", "planned"),
];

/// The MOOCs with `featured = true`.
const FEATURED: [&str; 4] = ["abc-du-langage-c", "modeliser-en-3d-avec-freecad", "unlock-your-english", "vaccinology"];

/// The core ("star") MOOCs of the DNM2IP, from tests/fixtures/GRID-DNM2IP.txt.
const DNM2IP_CORE: [&str; 3] = ["innate-immunity", "resistance-to-antibacterial-agents", "vaccinology"];

// ---------------------------------------------------------------------------
// The site, built once and read into memory (the temporary folder is gone
// before any test looks at it).

struct Site {
    files: BTreeMap<String, Vec<u8>>,
}

fn site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let tmp = TempDir::new("golden");
        let out = tmp.join("public");
        common::build_ok(&common::repo_root(), &out);
        Site { files: common::read_tree(&out) }
    })
}

impl Site {
    /// A text file of the site, by its path from the site root (`/a/b.html`).
    fn page(&self, path: &str) -> &str {
        let key = path.trim_start_matches('/');
        let bytes = self.files.get(key).unwrap_or_else(|| {
            let dir = key.rsplit_once('/').map_or("", |(d, _)| d);
            let near: Vec<&String> = self.files.keys().filter(|k| k.starts_with(dir)).take(20).collect();
            panic!("{path} was not built; files near it: {near:?}")
        });
        std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{path} is not UTF-8: {e}"))
    }

    fn html_pages(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files
            .iter()
            .filter(|(k, _)| k.ends_with(".html"))
            .map(|(k, v)| (k.as_str(), std::str::from_utf8(v).unwrap_or_else(|e| panic!("{k} is not UTF-8: {e}"))))
    }
}

/// A list item that carries a status: `<li … data-status="…">`, the first
/// link in it, and the whole item.
struct Item<'a> {
    status: &'a str,
    href: &'a str,
    html: &'a str,
}

fn status_items(html: &str) -> Vec<Item<'_>> {
    tags(html, "li")
        .into_iter()
        .filter_map(|tag| {
            let status = attr(tag, "data-status")?;
            let item = element(html, tag, "li");
            let href = tags(item, "a").into_iter().find_map(|a| attr(a, "href")).unwrap_or("");
            Some(Item { status, href, html: item })
        })
        .collect()
}

fn mooc_url(slug: &str) -> String {
    format!("/moocs/{slug}/")
}

/// The `data-status` of a MOOC page's `<article>`.
fn article_status(html: &str) -> Option<&str> {
    tags(html, "article").into_iter().find_map(|t| attr(t, "data-status"))
}

// ---------------------------------------------------------------------------
// Home.

#[test]
fn home_features_the_featured_moocs_and_lists_open_moocs_and_parcours() {
    let html = site().page("/index.html");
    assert!(html.contains("<html lang=\"fr\""), "home is in French");

    let featured = region(html, ">À la une</h2>", "section", "featured section of the home page");
    let featured_items = status_items(featured);
    let featured_urls: BTreeSet<&str> = featured_items.iter().map(|i| i.href).collect();
    let expected: BTreeSet<String> = FEATURED.iter().map(|s| mooc_url(s)).collect();
    assert_eq!(
        featured_urls,
        expected.iter().map(String::as_str).collect::<BTreeSet<&str>>(),
        "the featured section shows exactly the MOOCs with `featured = true`"
    );
    assert!(text(featured).contains("Vaccinology"), "Vaccinology is featured: {featured}");

    let open_now = region(html, ">Inscriptions ouvertes en ce moment</h2>", "section", "open-now section");
    let open_items = status_items(open_now);
    let open_urls: BTreeSet<&str> = open_items.iter().map(|i| i.href).collect();
    let expected: BTreeSet<String> = MOOC_STATUSES
        .iter()
        .filter(|(_, s)| *s == "open" || *s == "ongoing-open")
        .map(|(slug, _)| mooc_url(slug))
        .collect();
    assert_eq!(
        open_urls,
        expected.iter().map(String::as_str).collect::<BTreeSet<&str>>(),
        "the open-now section lists exactly the MOOCs open for enrolment (open, ongoing-open)"
    );
    for item in &open_items {
        assert!(
            ["open", "ongoing-open"].contains(&item.status),
            "{} is {} in the open-now section",
            item.href,
            item.status
        );
    }

    let parcours = region(html, ">Parcours</h2>", "section", "parcours section of the home page");
    assert!(parcours.contains("href=\"/parcours/dnm2ip/\""), "parcours section links the DNM2IP: {parcours}");
    assert!(text(parcours).contains("DNM2IP"), "the DNM2IP card shows its short title");
    for slug in ["fabrication-numerique", "programmation-langage-c"] {
        assert!(parcours.contains(&format!("href=\"/parcours/{slug}/\"")), "parcours section links {slug}");
    }
}

// ---------------------------------------------------------------------------
// MOOC list and MOOC pages.

#[test]
fn moocs_index_lists_every_mooc_once_with_its_status() {
    let html = site().page("/moocs/index.html");
    let items = status_items(html);
    let slugs = common::mooc_slugs(&common::repo_root());
    assert_eq!(slugs.len(), MOOC_STATUSES.len(), "the status table of this test covers every MOOC of content/moocs");
    let mut listed: BTreeMap<&str, &str> = BTreeMap::new();
    for item in &items {
        assert!(listed.insert(item.href, item.status).is_none(), "{} is listed twice", item.href);
    }
    for slug in &slugs {
        let url = mooc_url(slug);
        let status = listed.get(url.as_str()).unwrap_or_else(|| panic!("{slug} is not listed on /moocs/"));
        let expected = MOOC_STATUSES.iter().find(|(s, _)| s == slug).map(|(_, st)| *st);
        assert_eq!(Some(*status), expected, "status of {slug} on /moocs/");
    }
    assert_eq!(items.len(), slugs.len(), "/moocs/ lists one item per MOOC and nothing else");
}

#[test]
fn moocs_index_is_sorted_by_title_ignoring_accents_and_case() {
    use unicode_normalization::UnicodeNormalization;
    let html = site().page("/moocs/index.html");
    let titles: Vec<String> = status_items(html)
        .iter()
        .map(|item| {
            let a = tags(item.html, "a")[0];
            text(element(item.html, a, "a"))
        })
        .collect();
    let key = |t: &String| -> String {
        t.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).collect::<String>().to_lowercase()
    };
    let mut sorted = titles.clone();
    sorted.sort_by_key(key);
    assert_eq!(titles, sorted, "decisions.md: lists of MOOCs are sorted by title, ignoring accents and case");
    assert_eq!(titles.first().map(String::as_str), Some("À la découverte des télécommunications"));
}

#[test]
fn every_mooc_page_carries_the_mooc_status_on_its_article() {
    for (slug, expected) in MOOC_STATUSES {
        let html = site().page(&format!("/moocs/{slug}/index.html"));
        assert_eq!(article_status(html), Some(*expected), "<article data-status> of /moocs/{slug}/");
        let en = site().page(&format!("/en/moocs/{slug}/index.html"));
        assert_eq!(article_status(en), Some(*expected), "status keys are never translated (/en/moocs/{slug}/)");
    }
}

#[test]
fn vaccinology_page_shows_status_sessions_certificate_and_parcours() {
    let html = site().page("/moocs/vaccinology/index.html");
    assert_eq!(article_status(html), Some("ongoing-open"));
    assert!(html.contains("<h1") && text(html).contains("Vaccinology"));

    let rows: Vec<(&str, &str)> = tags(html, "tr")
        .into_iter()
        .filter_map(|t| Some((attr(t, "id")?, attr(t, "data-status")?)))
        .filter(|(id, _)| id.starts_with("session-"))
        .collect();
    assert_eq!(
        rows,
        [("session-1", "archived"), ("session-2", "archived"), ("session-3", "ongoing-open"), ("session-4", "planned")],
        "one row per session, in file order, each with its own status"
    );
    for (id, status) in &rows {
        assert!(
            html.contains(&format!("<tr id=\"{id}\" data-status=\"{status}\" data-session=\"")),
            "row written `<tr id=\"{id}\" data-status=\"{status}\" data-session=…>`"
        );
    }
    let row3 = element(html, tags(html, "tr").into_iter().find(|t| attr(t, "id") == Some("session-3")).unwrap(), "tr");
    assert!(
        row3.contains("<time datetime=\"2026-10-05\">5 octobre 2026</time>"),
        "French date labels with machine dates: {row3}"
    );
    assert!(text(row3).contains("6 décembre 2026"), "end date of the running session: {row3}");
    let row4 = element(html, tags(html, "tr").into_iter().find(|t| attr(t, "id") == Some("session-4")).unwrap(), "tr");
    assert!(text(row4).contains("T4 2027"), "a planned quarter is shown as `T4 2027`: {row4}");

    let certificate = text(region(html, ">Attestation et certificat</h2>", "section", "certificate block"));
    for value in ["150", "€", "60", "30", "18 / 30"] {
        assert!(certificate.contains(value), "certificate block shows `{value}`: {certificate}");
    }

    let parcours = elements(region(html, ">Parcours comprenant ce MOOC</h2>", "section", "parcours block"), "li");
    let dnm2ip = parcours
        .iter()
        .find(|li| li.contains("href=\"/parcours/dnm2ip/\""))
        .unwrap_or_else(|| panic!("the DNM2IP is linked from the Vaccinology page: {parcours:?}"));
    assert!(dnm2ip.contains('★'), "Vaccinology is a star MOOC of the DNM2IP: {dnm2ip}");

    // A MOOC of the DNM2IP that is not a core one: linked, without the star.
    let html = site().page("/moocs/biobanking/index.html");
    let parcours = elements(region(html, ">Parcours comprenant ce MOOC</h2>", "section", "parcours block"), "li");
    let dnm2ip = parcours.iter().find(|li| li.contains("href=\"/parcours/dnm2ip/\"")).expect("biobanking in DNM2IP");
    assert!(!dnm2ip.contains('★'), "biobanking is not a star MOOC: {dnm2ip}");
}

#[test]
fn code_in_mooc_bodies_is_highlighted_with_classes() {
    let html = site().page("/moocs/abc-du-langage-c/index.html");
    let code = elements(html, "pre");
    assert!(!code.is_empty(), "abc-du-langage-c has a fenced ```c block");
    let c = code.iter().find(|pre| pre.contains("#include")).expect("the C block");
    assert!(c.contains("class=\"hl-"), "highlighted with hl- classes: {c}");
    assert!(!c.contains("style="), "no inline styles: {c}");
    assert!(c.contains("&lt;=") && !c.contains("<stdio.h>"), "code text is escaped: {c}");
    assert!(text(html).contains("MOOC le plus innovant 2016"), "awards are shown");
}

// ---------------------------------------------------------------------------
// Parcours, institutions, platforms, subjects, free pages.

#[test]
fn dnm2ip_page_lists_its_18_moocs_with_the_3_core_ones_starred() {
    let html = site().page("/parcours/dnm2ip/index.html");
    assert!(text(html).contains("DNM2IP"));
    let items = status_items(html);
    assert_eq!(items.len(), 18, "the DNM2IP has 18 MOOCs: {:?}", items.iter().map(|i| i.href).collect::<Vec<_>>());
    let core: Vec<&str> = items.iter().filter(|i| i.html.contains('★')).map(|i| i.href).collect();
    let expected: Vec<String> = DNM2IP_CORE.iter().map(|s| mooc_url(s)).collect();
    assert_eq!(core, expected, "exactly the 3 core MOOCs are starred, listed first");
    for item in &items {
        let slug = item.href.trim_start_matches("/moocs/").trim_end_matches('/');
        let expected = MOOC_STATUSES.iter().find(|(s, _)| *s == slug).map(|(_, st)| *st);
        assert_eq!(Some(item.status), expected, "status of {slug} on the DNM2IP page");
    }
    let all = text(html);
    assert!(all.contains("5 MOOC sur 18"), "the page says 5 MOOCs are required out of 18");
    assert!(all.contains("dont au moins 1 des 3 MOOC étoiles"), "and how many of the star MOOCs (core_required)");
    assert!(html.contains("href=\"/schedules/dnm2ip/\""), "the parcours links its broadcast schedule");
}

#[test]
fn group_institution_lists_its_schools() {
    let root = common::repo_root().join("content").join("institutions");
    let children: Vec<String> = common::entry_names(&root)
        .into_iter()
        .filter(|name| {
            std::fs::read_to_string(root.join(name)).is_ok_and(|t| t.lines().any(|l| l.trim() == "parent = \"imt\""))
        })
        .map(|name| name.trim_end_matches(".md").to_string())
        .collect();
    assert!(children.len() >= 10, "the IMT has many schools in content: {children:?}");
    let html = site().page("/institutions/imt/index.html");
    for child in &children {
        assert!(html.contains(&format!("href=\"/institutions/{child}/\"")), "the IMT page links its school {child}");
    }
    assert!(text(html).contains("Institut Mines-Télécom"));
    assert!(text(html).contains("IMT Atlantique"));
}

#[test]
fn school_links_its_parent_institution() {
    let html = site().page("/institutions/imt-atlantique/index.html");
    let main = region(html, "<main", "main", "main of imt-atlantique");
    assert!(main.contains("href=\"/institutions/imt/\""), "IMT Atlantique links its parent: {main}");
    assert!(text(main).contains("Institut Mines-Télécom"));
    let items = status_items(main);
    assert!(
        items.iter().any(|i| i.href == "/moocs/principes-des-reseaux-de-donnees/"),
        "the school's MOOCs are listed"
    );
    let imt = site().page("/institutions/imt/index.html");
    assert!(!text(imt).contains("Fait partie de"), "the IMT itself has no parent");
}

#[test]
fn platform_page_lists_only_its_moocs() {
    let html = site().page("/platforms/fun-mooc/index.html");
    assert!(text(html).contains("FUN-MOOC"));
    assert!(html.contains("href=\"https://www.fun-mooc.fr\""), "links the platform's site");
    let urls: BTreeSet<&str> = status_items(html).iter().map(|i| i.href).collect();
    assert!(urls.contains("/moocs/vaccinology/"), "Vaccinology is on FUN-MOOC");
    assert!(!urls.contains("/moocs/innovating-in-a-digital-world/"), "a Coursera MOOC is not listed on FUN-MOOC");
    assert!(!urls.contains("/moocs/c-programming-getting-started/"), "an edX MOOC is not listed on FUN-MOOC");
    let coursera = site().page("/platforms/coursera/index.html");
    let urls: BTreeSet<&str> = status_items(coursera).iter().map(|i| i.href).collect();
    assert!(urls.contains("/moocs/innovating-in-a-digital-world/"));
}

#[test]
fn subject_pages_use_accent_folded_slugs_and_list_their_moocs() {
    let html = site().page("/subjects/vaccins/index.html");
    assert!(text(html).contains("Vaccins"));
    let urls: BTreeSet<&str> = status_items(html).iter().map(|i| i.href).collect();
    assert!(urls.contains("/moocs/vaccinology/"), "Vaccinology has the subject `Vaccins`: {urls:?}");
    assert!(!urls.contains("/moocs/abc-du-langage-c/"));
    // "Santé publique" -> sante-publique
    let html = site().page("/subjects/sante-publique/index.html");
    assert!(text(html).contains("Santé publique"));
    let vaccinology = site().page("/moocs/vaccinology/index.html");
    assert!(vaccinology.contains("href=\"/subjects/sante-publique/\""), "the MOOC page links its subjects");
}

#[test]
fn free_page_is_rendered_at_its_slug() {
    let html = site().page("/qu-est-ce-qu-un-mooc/index.html");
    let h1 = elements(html, "h1");
    assert_eq!(h1.len(), 1);
    assert!(text(h1[0]).contains("Qu’est-ce qu’un MOOC"), "{}", h1[0]);
    assert!(html.contains("<table>"), "the page's Markdown table is rendered");
    assert!(site().page("/index.html").contains("href=\"/qu-est-ce-qu-un-mooc/\""), "a menu page is in the navigation");
}

#[test]
fn not_found_page_exists_in_every_language() {
    let html = site().page("/404.html");
    assert!(html.contains("<html lang=\"fr\""));
    assert!(text(html).contains("Page introuvable"));
    assert!(html.contains("href=\"/\""), "the 404 page links home");
    let en = site().page("/en/404.html");
    assert!(en.contains("<html lang=\"en\""));
    assert!(en.contains("href=\"/en/\""), "the English 404 page links the English home");
}

// ---------------------------------------------------------------------------
// Machine-readable files and redirects.

#[test]
fn sitemap_lists_every_page_of_every_language_with_absolute_urls() {
    let xml = site().page("/sitemap.xml");
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), "{}", &xml[..80.min(xml.len())]);
    assert!(xml.contains(
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">"
    ));
    // Each page lists its alternates, the default language as x-default.
    assert!(xml.contains(&format!(
        "<loc>{BASE_URL}/en/moocs/vaccinology/</loc>\n    <lastmod>2026-10-05</lastmod>\n    <xhtml:link rel=\"alternate\" hreflang=\"fr\" href=\"{BASE_URL}/moocs/vaccinology/\"/>\n    <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"{BASE_URL}/en/moocs/vaccinology/\"/>\n    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{BASE_URL}/moocs/vaccinology/\"/>"
    )));
    let locs: Vec<&str> = xml.split("<loc>").skip(1).map(|s| &s[..s.find("</loc>").expect("</loc>")]).collect();
    for loc in &locs {
        assert!(loc.starts_with(&format!("{BASE_URL}/")), "absolute URL with the base URL: {loc}");
    }
    let mut sorted = locs.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(locs, sorted, "sorted, no duplicates");
    for url in ["/", "/moocs/", "/moocs/vaccinology/", "/parcours/dnm2ip/", "/en/", "/en/moocs/vaccinology/"] {
        assert!(locs.contains(&format!("{BASE_URL}{url}").as_str()), "sitemap lists {url}");
    }
    // Every listed URL is a built page, and every page but 404s and
    // redirects is listed.
    let listed: BTreeSet<String> =
        locs.iter().map(|l| format!("{}index.html", l.trim_start_matches(BASE_URL).trim_start_matches('/'))).collect();
    for path in &listed {
        assert!(site().files.contains_key(path), "sitemap lists {path}, which was not built");
    }
    for (path, html) in site().html_pages() {
        let is_page = path.ends_with("index.html") && !html.contains("http-equiv=\"refresh\"");
        assert_eq!(listed.contains(path), is_page, "{path} in the sitemap");
    }
}

#[test]
fn robots_txt_points_to_the_sitemap() {
    let robots = site().page("/robots.txt");
    assert!(
        robots.lines().any(|l| l.trim() == format!("Sitemap: {BASE_URL}/sitemap.xml")),
        "robots.txt has a Sitemap line: {robots}"
    );
    assert!(robots.contains("User-agent:"));
}

#[test]
fn alias_redirects_to_the_moocs_absolute_url() {
    let html = site().page("/cours/abc-langage-c/index.html");
    let target = format!("{BASE_URL}/moocs/abc-du-langage-c/");
    let metas = tags(html, "meta");
    let refresh = metas
        .iter()
        .find(|m| attr(m, "http-equiv") == Some("refresh"))
        .unwrap_or_else(|| panic!("a meta refresh: {html}"));
    assert_eq!(attr(refresh, "content"), Some(format!("0; url={target}").as_str()));
    let links = tags(html, "link");
    assert!(
        links.iter().any(|l| attr(l, "rel") == Some("canonical") && attr(l, "href") == Some(target.as_str())),
        "canonical link to {target}: {html}"
    );
    assert!(html.contains(&format!("href=\"{target}\"")), "a visible link for browsers without refresh");
}

#[test]
fn english_pages_use_english_ui_labels() {
    let html = site().page("/en/moocs/index.html");
    assert!(html.contains("<html lang=\"en\""));
    let all = text(html);
    for label in ["All MOOCs", "Archived", "Open for enrolment", "Platform", "Languages"] {
        assert!(all.contains(label), "English label `{label}` on /en/moocs/");
    }
    for french in ["Tous les MOOC", "Archivé", "Inscriptions ouvertes", "Plateforme"] {
        assert!(!all.contains(french), "no French label `{french}` on /en/moocs/");
    }
    let items = status_items(html);
    assert_eq!(items.len(), MOOC_STATUSES.len());
    assert!(items.iter().all(|i| i.href.starts_with("/en/moocs/")), "links stay in English");
    let vaccinology = site().page("/en/moocs/vaccinology/index.html");
    assert!(vaccinology.contains("<time datetime=\"2026-10-05\">5 October 2026</time>"), "English date labels");
}

#[test]
fn syntax_css_has_light_rules_and_a_dark_block() {
    let css = site().page("/syntax.css");
    let dark_at = css.find("@media (prefers-color-scheme: dark)").expect("a prefers-color-scheme: dark block");
    let (light, dark) = css.split_at(dark_at);
    assert!(light.contains(".hl-") && light.contains('{'), "light rules before the dark block");
    assert!(dark.contains(".hl-") && dark.contains("color:"), "dark rules inside the block");
    let html = site().page("/moocs/abc-du-langage-c/index.html");
    let links = tags(html, "link");
    for sheet in ["/syntax.css", "/style.css"] {
        assert!(
            links.iter().any(|l| attr(l, "rel") == Some("stylesheet") && attr(l, "href") == Some(sheet)),
            "pages link {sheet}"
        );
    }
}

#[test]
fn style_css_is_copied_from_the_theme() {
    let css = site().page("/style.css");
    assert!(css.len() > 1000, "the theme's stylesheet, not an empty file");
    assert!(css.contains("prefers-color-scheme"), "the theme styles light and dark");
}

// ---------------------------------------------------------------------------
// Whole-site properties.

#[test]
fn every_status_key_appears_on_2026_11_23() {
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for (_, html) in site().html_pages() {
        for tag in html.split('<') {
            if let Some(status) = attr(&tag[..tag.find('>').unwrap_or(tag.len())], "data-status") {
                seen.insert(status);
            }
        }
    }
    for key in STATUS_KEYS {
        assert!(seen.contains(key), "data-status=\"{key}\" appears somewhere in the site (seen: {seen:?})");
    }
    let unknown: Vec<&&str> = seen.iter().filter(|s| !STATUS_KEYS.contains(s)).collect();
    assert!(unknown.is_empty(), "only the status keys of the content model are used: {unknown:?}");
}

/// `html` without the contents of its `<script type="application/ld+json">`
/// elements.
fn without_json_ld(html: &str) -> String {
    const OPEN: &str = "<script type=\"application/ld+json\">";
    let mut kept = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        kept.push_str(&rest[..at + OPEN.len()]);
        rest = &rest[at + OPEN.len()..];
        rest = rest.find("</script>").map_or("", |end| &rest[end..]);
    }
    kept.push_str(rest);
    kept
}

#[test]
fn no_template_leftovers_anywhere() {
    let mut checked = 0;
    for (path, bytes) in &site().files {
        if ![".html", ".xml", ".txt"].iter().any(|ext| path.ends_with(ext)) {
            continue;
        }
        // JSON-LD is JSON, whose nested objects end in `}}`.
        let text = without_json_ld(&String::from_utf8_lossy(bytes));
        for leftover in ["{{", "{%", "{#", "}}", "%}"] {
            assert!(!text.contains(leftover), "{path} contains the template leftover `{leftover}`");
        }
        checked += 1;
    }
    assert!(checked > 200, "checked {checked} files");
}

#[test]
fn every_html_page_has_exactly_one_h1() {
    let mut checked = 0;
    for (path, html) in site().html_pages() {
        // Alias pages are bare redirects (meta refresh, noindex), not
        // pages a reader stays on; they have no heading.
        if html.contains("http-equiv=\"refresh\"") {
            continue;
        }
        let count = tags(html, "h1").len();
        assert_eq!(count, 1, "{path} has {count} <h1>");
        checked += 1;
    }
    assert!(checked > 200, "checked {checked} pages");
}

/// Scripts only enhance: every page's content is in its HTML, and the
/// only scripts are the theme's deferred `status.js` (all pages),
/// `search.js` (the catalogue page), `planner.js` and `planner-ui.js`
/// (parcours pages with a schedule) and `trailer.js` (MOOC pages with a
/// video), by content-hashed URL, plus JSON data.
#[test]
fn scripts_are_deferred_enhancements() {
    const SCRIPTS: [&str; 5] = ["status.", "search.", "planner.", "planner-ui.", "trailer."];
    for (path, bytes) in &site().files {
        if path.ends_with(".js") {
            let name = path.rsplit('/').next().unwrap_or_default();
            assert!(SCRIPTS.iter().any(|s| name.starts_with(s)), "{path} is an unexpected script");
            continue;
        }
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        for tag in tags(&html, "script") {
            let data = matches!(attr(tag, "type"), Some("application/json" | "application/ld+json"));
            let src = attr(tag, "src").unwrap_or_default();
            let hashed = src.ends_with(".js") && src.rsplit('/').next().is_some_and(|n| n.split('.').count() == 3);
            assert!(data || (tag.contains(" defer") && hashed), "{path}: {tag}");
        }
    }
}
