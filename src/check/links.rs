//! Every link of a built site (`vitrine check --links`): each internal link
//! must lead to a file of the site, and its `#fragment` to an element with
//! that `id` (or `name`) in the page; external links are listed, and
//! checked over the network by [`super::external`] on request.
//!
//! The site is read as built (`path -> bytes`, as [`crate::output::Files`]),
//! so what is checked is what a visitor gets. A link is internal when,
//! resolved against its page's URL, it has the site's scheme, host and
//! port and its path is under the base URL's path.

use std::collections::{BTreeMap, HashSet};

use rayon::prelude::*;
use scraper::Html;
use url::Url;

use crate::diagnostic::{cli, Msg};
use crate::output::Files;

/// Attributes that hold one URL.
const URL_ATTRS: [&str; 7] = ["href", "src", "poster", "action", "cite", "data", "formaction"];

/// A link that leads nowhere, or a link the site must not have.
#[derive(Debug, Clone, PartialEq)]
pub struct Broken {
    /// The page it is on (`moocs/x/index.html`).
    pub page: String,
    /// The link as written in the page.
    pub href: String,
    /// What is wrong.
    pub reason: Msg,
}

/// What [`check`] found.
#[derive(Debug, Default)]
pub struct Links {
    /// Pages read.
    pub pages: usize,
    /// Internal links followed (with their fragment).
    pub internal: usize,
    pub broken: Vec<Broken>,
    /// Each external URL (without its fragment), with the pages that link
    /// to it, sorted.
    pub external: BTreeMap<String, Vec<String>>,
}

/// What one page holds: its links and the ids a fragment can point to.
struct Page {
    links: Vec<String>,
    ids: HashSet<String>,
}

/// Reads every HTML page of `files` and checks its links. `base_url` is
/// the site's (`https://moocs.example.org/`), against which the pages'
/// paths are resolved.
pub fn check(files: &Files, base_url: &str) -> Result<Links, url::ParseError> {
    let base = base(base_url)?;
    let pages: BTreeMap<&str, Page> = files
        .par_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path.as_str(), read_page(&String::from_utf8_lossy(bytes))))
        .collect();
    let mut links = Links { pages: pages.len(), ..Links::default() };
    for (path, page) in &pages {
        let Ok(page_url) = base.join(&url_path(path)) else { continue };
        for href in &page.links {
            match classify(&base, &page_url, href) {
                Target::Ignored => {}
                Target::Refused(reason) => links.broken.push(broken(path, href, reason)),
                Target::External(url) => links.external.entry(url).or_default().push(path.to_string()),
                Target::Internal { path: target, fragment } => {
                    links.internal += 1;
                    if let Err(reason) = find(files, &pages, &target, fragment.as_deref()) {
                        links.broken.push(broken(path, href, reason));
                    }
                }
            }
        }
    }
    for pages in links.external.values_mut() {
        pages.dedup();
    }
    Ok(links)
}

/// The base URL, ending with `/` so that pages resolve under it.
fn base(base_url: &str) -> Result<Url, url::ParseError> {
    let mut base = Url::parse(base_url)?;
    if !base.path().ends_with('/') {
        let path = format!("{}/", base.path());
        base.set_path(&path);
    }
    Ok(base)
}

fn broken(page: &str, href: &str, reason: Msg) -> Broken {
    Broken { page: page.to_string(), href: href.to_string(), reason }
}

/// `moocs/x/index.html` -> `moocs/x/`, the URL a visitor uses.
fn url_path(file: &str) -> String {
    match file.strip_suffix("index.html") {
        Some(dir) if dir.is_empty() || dir.ends_with('/') => dir.to_string(),
        _ => file.to_string(),
    }
}

fn read_page(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let mut page = Page { links: Vec::new(), ids: HashSet::new() };
    for el in doc.root_element().descendent_elements() {
        let e = el.value();
        if let Some(id) = e.id() {
            page.ids.insert(id.to_string());
        }
        if e.name() == "a" {
            if let Some(name) = e.attr("name") {
                page.ids.insert(name.to_string());
            }
        }
        for attr in URL_ATTRS {
            // `<link rel=preconnect|dns-prefetch>` names a host, not a page.
            if attr == "href" && e.name() == "link" && e.attr("rel").is_some_and(|r| r.contains("preconnect")) {
                continue;
            }
            if let Some(v) = e.attr(attr) {
                page.links.push(v.trim().to_string());
            }
        }
        if let Some(srcset) = e.attr("srcset") {
            for candidate in srcset.split(',') {
                if let Some(url) = candidate.split_whitespace().next() {
                    page.links.push(url.to_string());
                }
            }
        }
    }
    page
}

enum Target {
    /// `mailto:`, `tel:` and other links to something else than a page.
    Ignored,
    /// A link a site must not have (`javascript:`, `data:`).
    Refused(Msg),
    External(String),
    Internal {
        /// Percent-decoded path below the base URL.
        path: String,
        fragment: Option<String>,
    },
}

fn classify(base: &Url, page: &Url, href: &str) -> Target {
    if let Some(scheme) = crate::markdown::links::refused_scheme(href) {
        return Target::Refused(cli::link_runs_code(scheme));
    }
    let Ok(url) = page.join(href) else {
        return Target::Refused(cli::link_not_url(href));
    };
    if !matches!(url.scheme(), "http" | "https") {
        return Target::Ignored;
    }
    let same_site = url.scheme() == base.scheme()
        && url.host_str() == base.host_str()
        && url.port_or_known_default() == base.port_or_known_default()
        && url.path().starts_with(base.path());
    if !same_site {
        let mut url = url;
        url.set_fragment(None);
        return Target::External(url.to_string());
    }
    let rel = &url.path()[base.path().len()..];
    let path = percent_encoding::percent_decode_str(rel).decode_utf8_lossy().into_owned();
    let fragment = url
        .fragment()
        .filter(|f| !f.is_empty())
        .map(|f| percent_encoding::percent_decode_str(f).decode_utf8_lossy().into_owned());
    Target::Internal { path, fragment }
}

/// Whether `path` (below the site root) is a file of the site, and
/// `fragment` an id of it.
fn find(files: &Files, pages: &BTreeMap<&str, Page>, path: &str, fragment: Option<&str>) -> Result<(), Msg> {
    let file = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else if files.contains_key(path) {
        path.to_string()
    } else {
        // A folder without its final `/`: hosts answer with its index.
        format!("{path}/index.html")
    };
    if !files.contains_key(&file) {
        return Err(cli::link_no_page(path));
    }
    let (Some(fragment), Some(page)) = (fragment, pages.get(file.as_str())) else { return Ok(()) };
    // `#top` goes to the top of any page (HTML standard).
    if page.ids.contains(fragment) || fragment.eq_ignore_ascii_case("top") {
        return Ok(());
    }
    Err(cli::link_no_anchor(path, fragment))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn site(pages: &[(&str, &str)]) -> Files {
        pages.iter().map(|(p, html)| (p.to_string(), Arc::from(html.as_bytes()))).collect()
    }

    #[test]
    fn follows_links_and_fragments_and_lists_external_ones() {
        let files = site(&[
            (
                "index.html",
                r##"<a href="/moocs/x/">x</a> <a href="moocs/x/#plan">plan</a> <a href="#top">top</a>
                <a href="https://moocs.example.org/moocs/x">abs</a> <a href="https://elsewhere.org/a#b">ext</a>
                <a href="mailto:a@b.org">mail</a> <img src="/logo.svg" srcset="/logo.svg 1x, /logo@2x.svg 2x">"##,
            ),
            (
                "moocs/x/index.html",
                r##"<h2 id="plan">Plan</h2><a href="../../#nowhere">home</a><a href="../y/">y</a>"##,
            ),
            ("logo.svg", "<svg/>"),
        ]);
        let links = check(&files, "https://moocs.example.org").unwrap();
        assert_eq!(links.pages, 2);
        let broken: Vec<(&str, &str)> = links.broken.iter().map(|b| (b.page.as_str(), b.href.as_str())).collect();
        assert_eq!(
            broken,
            [("index.html", "/logo@2x.svg"), ("moocs/x/index.html", "../../#nowhere"), ("moocs/x/index.html", "../y/")]
        );
        assert!(links.broken[1].reason.contains("no element with id `nowhere`"), "{:?}", links.broken);
        assert!(links.broken[2].reason.contains("no page or file at /moocs/y/"), "{:?}", links.broken);
        assert_eq!(links.external.keys().collect::<Vec<_>>(), ["https://elsewhere.org/a"]);
    }

    #[test]
    fn refuses_script_links_and_respects_a_base_path() {
        let files = site(&[
            (
                "index.html",
                r#"<a href="JavaScript:alert(1)">x</a><a href="/catalogue/a/">a</a><a href="/other/">o</a>"#,
            ),
            ("a/index.html", "<p>a</p>"),
        ]);
        let links = check(&files, "https://example.org/catalogue/").unwrap();
        assert_eq!(links.broken.len(), 1, "{:?}", links.broken);
        assert!(links.broken[0].reason.contains("javascript:"));
        assert_eq!(links.internal, 1);
        assert_eq!(links.external.keys().collect::<Vec<_>>(), ["https://example.org/other/"]);
    }

    #[test]
    fn decodes_accented_paths_and_fragments() {
        let files = site(&[
            ("index.html", r#"<a href="/caf%C3%A9/#r%C3%A9sum%C3%A9">c</a>"#),
            ("café/index.html", r#"<h2 id="résumé">R</h2>"#),
        ]);
        let links = check(&files, "https://example.org/").unwrap();
        assert!(links.broken.is_empty(), "{:?}", links.broken);
    }
}
