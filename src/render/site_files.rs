//! The files of the site that are not templated pages: `sitemap.xml`,
//! `robots.txt`, the highlighting stylesheet, the theme's static files
//! (and their fingerprinted copies), alias redirects and the files of
//! bundles, beside their page (but the images published as pictures).

use std::path::Path;

use crate::diagnostic::{problems, texts, Diagnostic, Out};
use crate::images::Pictures;
use crate::load::Meta;
use crate::output::Sink;
use crate::render::context::Context;
use crate::render::sitemap;
use crate::render::theme::{self, Theme};
use crate::resolve::normalize_alias;

/// Output file of a page path inside the language folder `lang_dir`
/// (`""`, `en/`): folders get `index.html`.
pub fn file_of(lang_dir: &str, path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{lang_dir}{path}index.html")
    } else {
        format!("{lang_dir}{path}")
    }
}

/// Writes every file that is not a page into `sink`; returns their paths.
/// `ctx` is the default language's: alias pages redirect to its pages.
/// `pages` are the paths of the site's pages in a language folder, which
/// the sitemap lists in every language.
pub fn write(ctx: &Context, theme: &Theme, pages: &sitemap::Entries, sink: &dyn Sink, out: &mut Out) -> Vec<String> {
    let cat = ctx.cat;
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    files.push(("sitemap.xml".into(), sitemap::sitemap_xml(cat, pages).into_bytes()));
    files.push((
        "robots.txt".into(),
        format!("User-agent: *\nAllow: /\n\nSitemap: {}/sitemap.xml\n", cat.config.base_url).into_bytes(),
    ));
    files.push(("syntax.css".into(), crate::markdown::highlight::stylesheet().into_bytes()));
    for (name, bytes) in &theme.statics {
        files.push((name.clone(), bytes.clone()));
        if let Some(hashed) = theme.assets.get(name) {
            files.push((hashed.clone(), bytes.clone()));
        }
    }
    aliases(ctx, theme, &mut files, out);
    for e in cat.content.every() {
        bundle_files(ctx.pictures, e.meta(), &e.kind().page_path(&e.meta().slug), &mut files, out);
    }
    let mut paths = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        match sink.put(&path, &bytes) {
            Ok(()) => paths.push(path),
            Err(e) => out.push(Diagnostic::about(Path::new(&path), problems::cannot_write(&e))),
        }
    }
    paths
}

/// Alias redirect pages (`alias.html`), in the default language.
fn aliases(ctx: &Context, theme: &Theme, files: &mut Vec<(String, Vec<u8>)>, out: &mut Out) {
    for m in ctx.cat.content.moocs.iter() {
        let target = format!("{}{}", ctx.lang.origin(), ctx.lang.url(&format!("moocs/{}/", m.meta.slug)));
        for a in &m.aliases {
            let Ok(path) = normalize_alias(&a.value) else { continue };
            let mut values = ctx.globals(&format!("moocs/{}/", m.meta.slug), &m.title, "");
            values.insert_value("target", tera::Value::from(target.as_str()));
            match theme.tera.render("alias.html", &values) {
                Ok(h) => files.push((file_of("", path.trim_start_matches('/')), h.into_bytes())),
                Err(e) => out.push(
                    Diagnostic::about(
                        Path::new("alias.html"),
                        problems::template_failed(&path, theme::render_error(&e)),
                    )
                    .with_hint(texts::fix_template()),
                ),
            }
        }
    }
}

/// The files of the bundle of `meta` but its Markdown and the images
/// published as pictures (resized, without their metadata), for the folder
/// of its page, `page` (`moocs/x/`).
fn bundle_files(pictures: &Pictures, meta: &Meta, page: &str, files: &mut Vec<(String, Vec<u8>)>, out: &mut Out) {
    let Some(dir) = &meta.bundle else { return };
    theme::warn_links_under(dir, out);
    for (name, path) in theme::files_under(dir) {
        if name.ends_with(".md") || pictures.replaces(&path) {
            continue;
        }
        match std::fs::read(&path) {
            Ok(bytes) => files.push((format!("{page}{name}"), bytes)),
            Err(e) => out.push(Diagnostic::about(&path, problems::unreadable(&e))),
        }
    }
}
