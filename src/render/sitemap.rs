//! `sitemap.xml`: every page of every language, each with its alternates
//! (`xhtml:link hreflang`, and `x-default` for the default language) and
//! the date of its content (`lastmod`, when the page has one: see
//! `render::dates`). With several languages it is the largest file of the
//! site (tens of MB for 10,000 MOOCs), so its entries are written in
//! parallel.

use std::collections::BTreeMap;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::resolve::Catalogue;

/// Entries written by one task.
const CHUNK: usize = 512;

/// The pages of the sitemap: each path (inside a language folder) with the
/// date of its content in each language (by index in `languages`).
#[derive(Default)]
pub struct Entries(BTreeMap<String, Vec<Option<Date>>>);

impl Entries {
    pub fn new() -> Entries {
        Entries::default()
    }

    /// The page at `path` in language `l`, with its content's date.
    pub fn add(&mut self, path: &str, l: usize, lastmod: Option<Date>) {
        let dates = self.0.entry(path.to_string()).or_default();
        if dates.len() <= l {
            dates.resize(l + 1, None);
        }
        dates[l] = lastmod;
    }
}

/// The sitemap of `pages`, which exist in every language.
pub fn sitemap_xml(cat: &Catalogue, pages: &Entries) -> String {
    let cfg = &cat.config;
    let origin = &cfg.base_url[..cfg.base_url.len() - cfg.base_path().len()];
    let url = |lang: &str, path: &str| {
        let dir = if lang == cfg.default_language { String::new() } else { format!("{lang}/") };
        xml_escape(format!("{origin}{}/{dir}{path}", cfg.base_path()))
    };
    let mut entries: Vec<(String, &String, Option<Date>)> = cfg
        .languages
        .iter()
        .enumerate()
        .flat_map(|(i, l)| pages.0.iter().map(move |(p, dates)| (url(l, p), p, dates.get(i).copied().flatten())))
        .collect();
    entries.par_sort_unstable();
    let chunks: Vec<String> = entries
        .par_chunks(CHUNK)
        .map(|chunk| {
            let mut xml = String::new();
            for (loc, path, lastmod) in chunk {
                xml.push_str("  <url>\n    <loc>");
                xml.push_str(loc);
                xml.push_str("</loc>\n");
                if let Some(date) = lastmod {
                    xml.push_str(&format!("    <lastmod>{date}</lastmod>\n"));
                }
                if cfg.languages.len() > 1 {
                    for l in &cfg.languages {
                        let href = url(l, path);
                        xml.push_str(&format!(
                            "    <xhtml:link rel=\"alternate\" hreflang=\"{l}\" href=\"{href}\"/>\n"
                        ));
                    }
                    let default = url(&cfg.default_language, path);
                    xml.push_str(&format!(
                        "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{default}\"/>\n"
                    ));
                }
                xml.push_str("  </url>\n");
            }
            xml
        })
        .collect();
    let mut xml = String::with_capacity(chunks.iter().map(String::len).sum::<usize>() + 256);
    xml.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    chunks.iter().for_each(|c| xml.push_str(c));
    xml.push_str("</urlset>\n");
    xml
}

/// `&`, `<` and `>` as entities (URLs have no quotes to escape).
fn xml_escape(s: String) -> String {
    if s.contains(['&', '<', '>']) {
        s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
    } else {
        s
    }
}
