//! `vitrine new site DIR` (or `vitrine new DIR`): a starter site, written
//! without a question. Its `vitrine.toml` and home page, one entity of
//! each kind (three MOOCs, so that the parcours is one) written by
//! `vitrine new <kind>` itself, a subject's description, and the
//! pipelines of `docs/deploy/` (GitHub Actions, GitLab CI). In the
//! language of the run, which becomes the site's default language.

use std::fs;
use std::path::{Path, PathBuf};

use super::texts as t;
use super::{list, new_entity, quoted, NewKind, Writer};
use crate::base::slug::slugify;
use crate::diagnostic::{problems, Diagnostic, Locale};

/// The pipelines a starter site gets: where they go, and their text (the
/// files of `docs/deploy/`).
pub const PIPELINES: [(&str, &str); 2] = [
    (".github/workflows/vitrine.yml", include_str!("../../docs/deploy/github-actions.yml")),
    (".gitlab-ci.yml", include_str!("../../docs/deploy/gitlab-ci.yml")),
];

/// Creates the site in `dir` (new or empty); the files written, from `dir`.
pub fn new_site(dir: &Path, locale: Locale) -> Result<Vec<PathBuf>, Diagnostic> {
    let failed = |path: &Path, e: std::io::Error| Diagnostic::about(path, problems::cannot_create(path, &e));
    if dir.exists() && fs::read_dir(dir).map_err(|e| failed(dir, e))?.next().is_some() {
        return Err(Diagnostic::about(dir, problems::site_exists(dir)));
    }
    let mut written = Vec::new();
    let mut write = |rel: &str, text: &str| -> Result<(), Diagnostic> {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| failed(parent, e))?;
        }
        fs::write(&path, text).map_err(|e| failed(&path, e))?;
        written.push(PathBuf::from(rel));
        Ok(())
    };
    write("vitrine.toml", &config(locale))?;
    write("content/_index.md", &home(locale))?;
    let subject = t::v_subject().render(locale);
    write(&format!("content/subjects/{}.md", slugify(&subject)), &format!("+++\ntitle = {}\n+++\n", quoted(&subject)))?;
    write(".gitignore", "/public/\n/.public.vitrine-*\n/.vitrine-cache/\n/gl-code-quality-report.json\n")?;
    for (path, text) in PIPELINES {
        write(path, text)?;
    }
    let names = [
        (NewKind::Institution, t::s_institution()),
        (NewKind::Platform, t::s_platform()),
        (NewKind::Mooc, t::s_mooc_1()),
        (NewKind::Mooc, t::s_mooc_2()),
        (NewKind::Mooc, t::s_mooc_3()),
        (NewKind::Parcours, t::s_parcours()),
        (NewKind::Schedule, t::s_schedule()),
        (NewKind::Page, t::s_page()),
    ];
    for (kind, slug) in names {
        written.push(new_entity(dir, kind, &slug.render(locale))?);
    }
    Ok(written)
}

/// The other language of a starter site (it is bilingual, French and
/// English).
fn other(locale: Locale) -> Locale {
    match locale {
        Locale::Fr => Locale::En,
        Locale::En => Locale::Fr,
    }
}

fn config(locale: Locale) -> String {
    let (lang, second) = (locale.code(), other(locale));
    let mut w = Writer::new(locale);
    w.comment(t::sc_config_header());
    w.blank();
    w.key("title", t::c_title(), &quoted(&t::v_site_title().render(locale)));
    let other_title = format!("title_{}", second.code());
    w.key(&other_title, t::c_title_other(second.code()), &quoted(&t::v_site_title().render(second)));
    w.key("base_url", t::c_base_url(), &quoted("https://moocs.example.org"));
    w.key("default_language", t::c_default_language(), &quoted(lang));
    w.key("languages", t::c_languages(), &list(&[lang, second.code()]));
    w.key("theme", t::c_theme(), &quoted("default"));
    w.key("timezone", t::c_timezone(), &quoted("Europe/Paris"));
    w.optional("search", t::c_search(), "true");
    w.optional("paginate_by", t::c_paginate_by(), "60");
    w.optional("safe_html", t::c_safe_html(), "false");
    w.blank();
    w.comment(t::c_images());
    w.line("# [images]");
    w.line("# widths = [320, 640, 1280]");
    w.line("# formats = [\"webp\", \"jpeg\"]");
    w.line("# quality = 80");
    w.blank();
    w.comment(t::c_duties());
    w.line("# [accessibility]");
    w.optional("compliance", t::c_compliance(), &quoted("none"));
    w.optional("date", t::c_statement_date(), "2027-01-04");
    w.optional("contact_email", t::c_accessibility_contact(), &quoted("accessibilite@example.org"));
    w.line("#");
    w.line("# [legal]");
    w.optional("publisher", t::c_publisher(), &quoted("…"));
    w.optional("director", t::c_director(), &quoted("…"));
    w.optional("host", t::c_host(), &quoted("…"));
    w.optional("contact", t::c_legal_contact(), &quoted("contact@example.org"));
    w.blank();
    w.comment(t::c_brochure());
    w.line("# [brochure]");
    w.optional("parcours", t::c_brochure_parcours(), &list(&[t::s_parcours().render(locale)]));
    w.text
}

fn home(locale: Locale) -> String {
    let mut w = Writer::new(locale);
    w.line("+++");
    w.comment(t::sc_home_header());
    w.key("title", t::f_title(), &quoted(&t::v_home_title().render(locale)));
    w.line("+++");
    w.blank();
    w.line(&t::v_home_body().render(locale));
    w.text
}
