//! Themes (docs/templates.md): the default theme is embedded, so a site
//! with only vitrine.toml and content/ builds; a site overrides it file by
//! file, first match wins — `templates/<name>` of the site, then
//! `themes/<theme>/templates/<name>`, then the embedded theme — and the same
//! for static files and, key by key, for the UI strings of `i18n/<lang>.toml`.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{attr, tags, text, TempDir};

type Tree = BTreeMap<String, Vec<u8>>;

/// Builds a copy of tests/fixtures/minimal after `setup` changed it.
fn build_minimal(label: &str, setup: impl FnOnce(&Path)) -> Tree {
    let tmp = TempDir::new(label);
    let root = common::minimal_site_in(&tmp);
    setup(&root);
    let out = tmp.join("public");
    common::build_ok(&root, &out);
    common::read_tree(&out)
}

fn page<'a>(site: &'a Tree, path: &str) -> &'a str {
    let bytes = site.get(path.trim_start_matches('/')).unwrap_or_else(|| panic!("{path} was not built"));
    std::str::from_utf8(bytes).expect("UTF-8")
}

/// Points vitrine.toml at the theme `maison`.
fn use_theme_maison(root: &Path) {
    let config = std::fs::read_to_string(root.join("vitrine.toml")).expect("vitrine.toml");
    assert!(config.contains("theme = \"default\""), "the fixture names its theme");
    common::write(root, "vitrine.toml", &config.replace("theme = \"default\"", "theme = \"maison\""));
}

const SITE_PAGE_TEMPLATE: &str = r#"{% extends "base.html" %}
{% block content %}
<article class="site-page-override">
  <h1>{{ page.title }} (gabarit du site)</h1>
  {{ page.body_html | safe }}
</article>
{% endblock content %}
"#;

const THEME_PAGE_TEMPLATE: &str = r#"{% extends "base.html" %}
{% block content %}
<article class="theme-page-override"><h1>{{ page.title }} (gabarit du thème)</h1></article>
{% endblock content %}
"#;

const THEME_MOOC_TEMPLATE: &str = r#"{% extends "base.html" %}
{% block content %}
<article class="theme-mooc-override" data-status="{{ mooc.status.key }}">
  <h1>{{ mooc.title }}</h1>
  <p class="maison-status">{{ mooc.status.label }}</p>
</article>
{% endblock content %}
"#;

#[test]
fn site_with_only_config_and_content_builds_with_the_embedded_theme() {
    let site = build_minimal("theme-embedded", |root| {
        assert_eq!(common::entry_names(root), ["content", "vitrine.toml"], "the fixture has no theme files");
    });
    for path in [
        "index.html",
        "404.html",
        "moocs/index.html",
        "moocs/rage/index.html",
        "parcours/index.html",
        "parcours/decouverte/index.html",
        "schedules/calendrier/index.html",
        "platforms/fun-mooc/index.html",
        "institutions/imt/index.html",
        "subjects/vaccins/index.html",
        "a-propos/index.html",
        "sitemap.xml",
        "robots.txt",
    ] {
        assert!(site.contains_key(path), "{path} is built");
    }
    let css = page(&site, "style.css");
    assert!(css.len() > 1000, "the embedded stylesheet is copied");
    assert!(!page(&site, "syntax.css").is_empty());
    let home = page(&site, "index.html");
    assert!(home.contains("<html lang=\"fr\""));
    let links = tags(home, "link");
    assert!(links.iter().any(|l| attr(l, "href") == Some("/style.css")), "pages link the stylesheet");
    let rage = page(&site, "moocs/rage/index.html");
    assert!(tags(rage, "article").iter().any(|a| attr(a, "data-status") == Some("ongoing-open")));
}

#[test]
fn site_template_overrides_one_template_only() {
    let site = build_minimal("theme-site-template", |root| {
        common::write(root, "templates/page.html", SITE_PAGE_TEMPLATE);
    });
    let about = page(&site, "a-propos/index.html");
    assert!(about.contains("class=\"site-page-override\""), "templates/page.html is used: {about}");
    assert!(text(about).contains("À propos (gabarit du site)"));
    assert!(about.contains("href=\"/schedules/calendrier/\""), "the body is rendered, its links resolved");
    // base.html still comes from the default theme.
    assert!(about.contains("<html lang=\"fr\"") && about.contains("href=\"/moocs/\""), "default layout: {about}");
    // Other templates are the default ones.
    let rage = page(&site, "moocs/rage/index.html");
    assert!(!rage.contains("override"), "mooc.html is not overridden");
    assert!(tags(rage, "tr").iter().any(|t| attr(t, "id") == Some("session-1")), "default mooc.html: {rage}");
}

#[test]
fn named_theme_templates_override_the_default_theme() {
    let site = build_minimal("theme-named", |root| {
        use_theme_maison(root);
        common::write(root, "themes/maison/templates/mooc.html", THEME_MOOC_TEMPLATE);
    });
    let rage = page(&site, "moocs/rage/index.html");
    assert!(rage.contains("class=\"theme-mooc-override\""), "themes/maison/templates/mooc.html is used: {rage}");
    assert!(rage.contains("data-status=\"ongoing-open\""), "with the documented context: {rage}");
    assert!(text(rage).contains("En cours, inscriptions ouvertes"), "status labels from the i18n strings");
    let about = page(&site, "a-propos/index.html");
    assert!(!about.contains("override"), "page.html still comes from the default theme");
    assert!(text(about).contains("À propos"));
}

#[test]
fn site_templates_win_over_the_named_theme() {
    let site = build_minimal("theme-priority", |root| {
        use_theme_maison(root);
        common::write(root, "themes/maison/templates/page.html", THEME_PAGE_TEMPLATE);
        common::write(root, "themes/maison/templates/mooc.html", THEME_MOOC_TEMPLATE);
        common::write(root, "templates/page.html", SITE_PAGE_TEMPLATE);
    });
    let about = page(&site, "a-propos/index.html");
    assert!(about.contains("site-page-override"), "site template first: {about}");
    assert!(!about.contains("theme-page-override"));
    assert!(page(&site, "moocs/rage/index.html").contains("theme-mooc-override"), "theme template second");
}

#[test]
fn unknown_theme_is_an_error() {
    let tmp = TempDir::new("theme-missing");
    let root = common::minimal_site_in(&tmp);
    use_theme_maison(&root);
    let out = tmp.join("public");
    let output = common::run(&[
        "build",
        "--root",
        root.to_str().expect("UTF-8 path"),
        "--output",
        out.to_str().expect("UTF-8 path"),
        "--today",
        common::TODAY,
    ]);
    assert!(!output.status.success(), "{}", common::describe(&output));
    assert!(String::from_utf8_lossy(&output.stderr).contains("maison"), "{}", common::describe(&output));
    assert!(!out.exists());
}

#[test]
fn site_static_files_are_copied_as_is() {
    let logo: &[u8] = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><!-- {{ not a template }} --></svg>\n";
    let binary: Vec<u8> = (0u8..=255).collect();
    let site = build_minimal("theme-static", |root| {
        common::write(root, "static/images/logo.svg", std::str::from_utf8(logo).expect("UTF-8"));
        std::fs::write(root.join("static/images/bytes.bin"), &binary).expect("write");
        common::write(root, "static/favicon.ico", "icon");
    });
    assert_eq!(site.get("images/logo.svg").map(Vec::as_slice), Some(logo), "copied, not rendered");
    assert_eq!(site.get("images/bytes.bin"), Some(&binary), "binary files are copied byte for byte");
    assert_eq!(site.get("favicon.ico").map(Vec::as_slice), Some(&b"icon"[..]));
    assert!(site.contains_key("style.css"), "the theme's own static files are still there");
}

#[test]
fn static_files_override_theme_then_embedded_ones() {
    let site = build_minimal("theme-static-order", |root| {
        use_theme_maison(root);
        common::write(root, "themes/maison/static/style.css", "/* maison */\n");
        common::write(root, "themes/maison/static/maison.css", "/* theme only */\n");
        common::write(root, "themes/maison/static/shared.txt", "from the theme\n");
        common::write(root, "static/shared.txt", "from the site\n");
    });
    assert_eq!(page(&site, "style.css"), "/* maison */\n", "the theme's style.css replaces the embedded one");
    assert_eq!(page(&site, "maison.css"), "/* theme only */\n");
    assert_eq!(page(&site, "shared.txt"), "from the site\n", "the site's static/ wins over the theme's");
}

#[test]
fn i18n_override_changes_one_label_and_keeps_the_others() {
    let site = build_minimal("theme-i18n", |root| {
        use_theme_maison(root);
        common::write(root, "themes/maison/i18n/fr.toml", "[nav]\nmoocs = \"Nos cours\"\n");
    });
    let home = page(&site, "index.html");
    let nav_label = |href: &str| -> String {
        let nav = common::elements(home, "nav")
            .into_iter()
            .find(|n| n.contains("href=\"/moocs/\""))
            .unwrap_or_else(|| panic!("the main navigation: {home}"));
        let a = tags(nav, "a").into_iter().find(|a| attr(a, "href") == Some(href)).expect("nav link");
        text(common::element(nav, a, "a"))
    };
    assert_eq!(nav_label("/moocs/"), "Nos cours", "the overridden key");
    assert_eq!(nav_label("/parcours/"), "Parcours", "the other key of the same table is kept");
    let moocs = text(page(&site, "moocs/index.html"));
    for kept in ["Aller au contenu", "Tous les MOOC", "Inscriptions ouvertes", "Plateforme", "Mis à jour le"] {
        assert!(moocs.contains(kept), "label `{kept}` is kept");
    }
    assert!(page(&site, "moocs/rage/index.html").contains("novembre 2026"), "months are kept");
}

#[test]
fn i18n_override_of_a_status_label_keeps_the_status_key() {
    let site = build_minimal("theme-i18n-status", |root| {
        use_theme_maison(root);
        common::write(root, "themes/maison/i18n/fr.toml", "[status]\nopen = \"Inscription possible\"\n");
    });
    let paludisme = page(&site, "moocs/paludisme/index.html");
    let badge = common::elements(paludisme, "span")
        .into_iter()
        .find(|s| s.contains("data-status=\"open\""))
        .unwrap_or_else(|| panic!("an `open` badge: {paludisme}"));
    assert!(text(badge).contains("Inscription possible"), "new label: {badge}");
    assert!(!text(paludisme).contains("Inscriptions ouvertes"), "old label gone");
    let rage = text(page(&site, "moocs/rage/index.html"));
    assert!(rage.contains("En cours, inscriptions ouvertes"), "other status labels kept");
}
