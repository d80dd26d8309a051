//! No page grows with the catalogue (issue 19): every list of MOOCs (the
//! full list, platform, institution and subject pages, the static lists by
//! language, by level and open now) shows `paginate_by` MOOCs a page, page
//! 1 at the list's own URL and page n at `<list>/page/n/`, linked with
//! `rel="prev"` / `rel="next"`; walking a list's pages shows each of its
//! MOOCs once, by title; the home page shows the first of its lists.
//!
//! On a generated catalogue of 40 MOOCs (benches/gen_catalogue.py) built
//! with `paginate_by = 4`.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;
use std::process::Command;

use common::{attr, tags, TempDir};

const PER: usize = 4;

struct Site {
    _dir: TempDir,
    files: BTreeMap<String, Vec<u8>>,
}

impl Site {
    fn text(&self, path: &str) -> String {
        let bytes = self.files.get(path).unwrap_or_else(|| panic!("{path} was not written"));
        String::from_utf8_lossy(bytes).into_owned()
    }
}

fn generate(root: &Path, n: usize) {
    let gen = Command::new("python3")
        .arg(common::repo_root().join("benches/gen_catalogue.py"))
        .args(["--n", &n.to_string(), "--out"])
        .arg(root)
        .output()
        .expect("python3 runs benches/gen_catalogue.py");
    assert!(gen.status.success(), "{}", common::describe(&gen));
}

fn built() -> Site {
    let dir = TempDir::new("pagination");
    let root = dir.join("site");
    generate(&root, 40);
    let toml = fs::read_to_string(root.join("vitrine.toml")).expect("vitrine.toml");
    common::write(&root, "vitrine.toml", &format!("paginate_by = {PER}\n{toml}"));
    share_an_institution(&root, 2 * PER + 1);
    let out = dir.join("public");
    common::build_ok(&root, &out);
    Site { files: common::read_tree(&out), _dir: dir }
}

/// Makes the first institution (by file name) one of those of the first
/// `n` MOOCs, so that its list takes several pages (the generator spreads
/// 40 MOOCs over 240 institutions).
fn share_an_institution(root: &Path, n: usize) {
    let files = |dir: &str| {
        let mut found: Vec<_> = fs::read_dir(root.join(dir)).expect(dir).flatten().map(|e| e.path()).collect();
        found.sort();
        found
    };
    let first = files("content/institutions").into_iter().next().expect("an institution");
    let slug = first.file_stem().and_then(|s| s.to_str()).expect("a slug").to_string();
    for mooc in files("content/moocs").into_iter().filter(|p| p.extension().is_some_and(|e| e == "md")).take(n) {
        let text = fs::read_to_string(&mooc).expect("a MOOC file");
        let quoted = format!("\"{slug}\"");
        if !text.contains(&quoted) {
            let text = text.replacen("institutions = [", &format!("institutions = [{quoted}, "), 1);
            fs::write(&mooc, text).expect("a MOOC file is writable");
        }
    }
}

/// The slugs of the MOOC cards of a page, in order (parcours cards left
/// out).
fn cards(html: &str) -> Vec<String> {
    html.match_indices("<h3 class=\"card-title\"><a href=\"")
        .map(|(i, m)| {
            let href = html[i + m.len()..].split('"').next().unwrap_or_default();
            href.to_string()
        })
        .filter_map(|href| Some(href.strip_prefix("/moocs/")?.trim_end_matches('/').to_string()))
        .collect()
}

/// The `href` of the link with `rel` on a page, as a site path.
fn rel(html: &str, rel: &str) -> Option<String> {
    tags(html, "a").into_iter().find(|t| attr(t, "rel") == Some(rel)).and_then(|t| attr(t, "href")).map(|h| {
        let path = h.trim_start_matches('/');
        format!("{path}index.html")
    })
}

/// The pages of the list whose first page is `first`, followed by their
/// `rel="next"` links; checks the `rel="prev"` links on the way back.
fn walk(site: &Site, first: &str) -> Vec<String> {
    let mut pages = vec![first.to_string()];
    let html = site.text(first);
    assert_eq!(rel(&html, "prev"), None, "{first}: the first page has no previous one");
    let mut html = html;
    while let Some(next) = rel(&html, "next") {
        let n = pages.len() + 1;
        assert_eq!(next, format!("{}page/{n}/index.html", first.trim_end_matches("index.html")), "{first}");
        let page = site.text(&next);
        assert_eq!(rel(&page, "prev").as_deref(), Some(pages.last().expect("a page").as_str()), "{next}");
        pages.push(next);
        html = page;
    }
    pages
}

/// The MOOCs a list shows, page after page.
fn list(site: &Site, first: &str) -> Vec<String> {
    let pages = walk(site, first);
    let mut all = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let shown = cards(&site.text(page));
        let last = i + 1 == pages.len();
        assert!(shown.len() <= PER && (last || shown.len() == PER), "{page}: {} cards", shown.len());
        all.extend(shown);
    }
    let distinct: BTreeSet<&String> = all.iter().collect();
    assert_eq!(distinct.len(), all.len(), "{first}: a MOOC shown twice: {all:?}");
    all
}

/// The first pages of the lists under `folder` (`platforms/`…).
fn firsts(site: &Site, folder: &str) -> Vec<String> {
    site.files
        .keys()
        .filter(|p| p.starts_with(folder) && p.ends_with("/index.html") && !p.contains("/page/"))
        .filter(|p| p.matches('/').count() == folder.matches('/').count() + 1)
        .cloned()
        .collect()
}

#[test]
fn every_list_of_moocs_is_cut_into_linked_pages() {
    let site = built();
    let moocs: BTreeSet<String> = firsts(&site, "moocs/")
        .iter()
        .filter(|p| !p.starts_with("moocs/open/") && !p.starts_with("moocs/page/"))
        .map(|p| p.split('/').nth(1).unwrap_or_default().to_string())
        .collect();
    assert_eq!(moocs.len(), 40);

    // The full list shows every MOOC once.
    let full = list(&site, "moocs/index.html");
    assert_eq!(full.iter().cloned().collect::<BTreeSet<_>>(), moocs);

    // Each MOOC has one platform: the platforms' lists share them out; and
    // the lists show MOOCs in the full list's order.
    let mut on_platforms = Vec::new();
    let platforms = firsts(&site, "platforms/");
    assert!(!platforms.is_empty());
    let rank: BTreeMap<&String, usize> = full.iter().enumerate().map(|(i, s)| (s, i)).collect();
    for first in &platforms {
        let shown = list(&site, first);
        assert!(shown.windows(2).all(|w| rank[&w[0]] < rank[&w[1]]), "{first}: not by title: {shown:?}");
        on_platforms.extend(shown);
    }
    on_platforms.sort();
    assert_eq!(on_platforms, moocs.iter().cloned().collect::<Vec<_>>());
    assert!(site.files.keys().any(|p| p.starts_with("platforms/") && p.contains("/page/2/")), "lists of many pages");

    // Institutions, subjects, languages, levels, open now: whole lists.
    for folder in ["institutions/", "subjects/", "languages/", "levels/"] {
        let firsts = firsts(&site, folder);
        assert!(!firsts.is_empty(), "{folder}");
        for first in firsts {
            let shown = list(&site, &first);
            if folder.starts_with('l') {
                let html = site.text(&first);
                let count = format!(">{}\u{a0}MOOC<", shown.len());
                assert!(html.contains(&count), "{first}: the count of the whole list ({count})");
            }
        }
    }
    let open = list(&site, "moocs/open/index.html");
    assert!(!open.is_empty());

    // No `page/1/`: the first page is the list's own URL; the sitemap lists
    // the other pages.
    assert!(!site.files.keys().any(|p| p.contains("/page/1/")));
    let sitemap = site.text("sitemap.xml");
    let later = site.files.keys().find(|p| p.starts_with("levels/") && p.contains("/page/2/")).expect("a level page 2");
    assert!(sitemap.contains(&format!("/{}", later.trim_end_matches("index.html"))), "{later} in the sitemap");
    // A later page says which page it is in its title.
    let page2 = site.text(later);
    assert!(page2.contains(", page 2 sur "), "{later}: its title names the page");
}

#[test]
fn the_home_page_shows_the_first_of_its_lists() {
    let site = built();
    let home = site.text("index.html");
    let open = list(&site, "moocs/open/index.html");
    assert!(open.len() > PER, "more MOOCs open than a page holds: {}", open.len());
    let shown = cards(&home);
    assert!(shown.len() <= 2 * PER, "featured and open now, a page each: {}", shown.len());
    assert!(
        tags(&home, "a").iter().any(|t| attr(t, "href") == Some("/moocs/open/")),
        "a link to every MOOC open for enrolment"
    );
    assert!(home.contains(&format!("Voir les {}\u{a0}MOOC aux inscriptions ouvertes", open.len())));
}

/// A later page of a list keeps what issue 17 put in every head: the
/// JSON-LD list of the courses it shows (positions going on from the page
/// before), the Open Graph tags, an institution's own feed (made once,
/// beside its first page), and its date in the sitemap.
#[test]
fn later_pages_keep_their_head_and_date() {
    let site = built();
    let later = site
        .files
        .keys()
        .find(|p| p.starts_with("institutions/") && p.ends_with("/page/2/index.html"))
        .expect("an institution with a second page")
        .clone();
    let base = later.trim_end_matches("page/2/index.html");
    let html = site.text(&later);
    let json_ld = html.split("<script type=\"application/ld+json\">").nth(1).expect("JSON-LD on page 2");
    let json_ld = json_ld.split("</script>").next().unwrap_or_default();
    let value: serde_json::Value = serde_json::from_str(json_ld).expect("JSON-LD is JSON");
    let graph = value["@graph"].as_array().expect("an institution's @graph");
    let list = graph.iter().find(|v| v["@type"] == "ItemList").expect("the list of the courses it shows");
    let items = list["itemListElement"].as_array().expect("items");
    assert_eq!(items.len(), cards(&html).len(), "{later}: the courses it shows");
    assert_eq!(items[0]["position"], PER + 1, "{later}: positions go on from page 1");
    assert!(html.contains("property=\"og:title\""), "{later}: Open Graph tags");
    let feed = format!("/{base}atom.xml");
    assert!(
        tags(&html, "link")
            .iter()
            .any(|t| attr(t, "type") == Some("application/atom+xml") && attr(t, "href") == Some(feed.as_str())),
        "{later}: the institution's feed {feed}"
    );
    assert!(site.files.contains_key(&format!("{base}atom.xml")), "the feed beside the first page");
    assert!(!site.files.keys().any(|p| p.contains("/page/") && p.ends_with("atom.xml")), "one feed per institution");
    let sitemap = site.text("sitemap.xml");
    let entry =
        sitemap.split("<url>").find(|u| u.contains(&format!("/{base}page/2/</loc>"))).expect("page 2 in the sitemap");
    assert!(entry.contains("<lastmod>"), "{later}: its date in the sitemap: {entry}");
}
