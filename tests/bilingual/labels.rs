//! The text of the bilingual catalogue that is not a title, a summary or a
//! body (issue 6, second part), on the same fixture:
//!
//! - the site's title per language (`title_en` in `vitrine.toml`).

use super::*;

fn title_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let title = doc.select(&sel("head title")).next().expect("a <title>");
    common::text(&title.html())
}

fn header_title(html: &str) -> String {
    let doc = Html::parse_document(html);
    let a = doc.select(&sel("header .site-title")).next().expect("the site title in the header");
    common::text(&a.html())
}

// ---------------------------------------------------------------------------
// The site's title.

#[test]
fn site_title_is_shown_in_the_language_of_the_page() {
    let built = build_fixture("bi-site-title");
    assert_eq!(title_text(&built.page("/")), "Catalogue bilingue");
    assert_eq!(title_text(&built.page("/en/")), "Bilingual catalogue");
    assert_eq!(title_text(&built.page("/en/moocs/rage/")), "Rabies · Bilingual catalogue");
    assert_eq!(title_text(&built.page("/moocs/rage/")), "La rage · Catalogue bilingue");
    assert_eq!(title_text(&built.file("en/404.html")), format!("{} · Bilingual catalogue", "Page not found"));
    let (fr, _) = built.page_paths();
    for p in &fr {
        assert_eq!(header_title(&built.page(p)), "Catalogue bilingue", "header of {p}");
        assert_eq!(header_title(&built.page(&en(p))), "Bilingual catalogue", "header of {}", en(p));
        assert!(!built.page(&en(p)).contains("Catalogue bilingue"), "the French title on {}", en(p));
    }
}

#[test]
fn without_a_title_in_english_the_title_is_used() {
    let tmp = TempDir::new("bi-site-title-none");
    let root = fixture_copy(&tmp);
    let config = fs::read_to_string(root.join("vitrine.toml")).expect("read vitrine.toml");
    let config = config.replace("title_en = \"Bilingual catalogue\"\n", "");
    assert!(!config.contains("title_en"));
    common::write(&root, "vitrine.toml", &config);
    let out = tmp.join("out");
    common::build_ok(&root, &out);
    let html = fs::read_to_string(out.join("en/index.html")).expect("/en/");
    assert_eq!(title_text(&html), "Catalogue bilingue");
    assert_eq!(header_title(&html), "Catalogue bilingue");
}

#[test]
fn titles_of_languages_that_are_not_configured_are_errors() {
    let tmp = TempDir::new("bi-site-title-keys");
    let root = fixture_copy(&tmp);
    let config = fs::read_to_string(root.join("vitrine.toml")).expect("read vitrine.toml");
    let config = config.replace(
        "title_en = \"Bilingual catalogue\"\n",
        "title_en = \"Bilingual catalogue\"\ntitle_de = \"Katalog\"\ntitel_en = \"Typo\"\ntitle_fr = \"Catalogue\"\n",
    );
    common::write(&root, "vitrine.toml", &config);
    let (code, diags, all) = check_json(&root);
    assert_eq!(code, Some(1), "{all}");
    let found: Vec<(u64, String, String)> = errors(&diags)
        .iter()
        .map(|e| {
            assert_eq!(e["path"], "vitrine.toml", "{all}");
            assert_eq!(e["column"].as_u64(), Some(1), "at the key: {all}");
            (
                e["line"].as_u64().unwrap_or(0),
                e["message"].as_str().unwrap_or_default().to_string(),
                e["hint"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(found.len(), 3, "{all}");
    assert_eq!(found[0].0, 3, "{all}");
    assert_eq!(found[0].1, "unknown key `title_de` in vitrine.toml: `de` is not one of `languages`");
    assert_eq!(found[0].2, "add \"de\" to `languages`, or remove this line");
    assert_eq!((found[1].0, found[1].1.as_str()), (4, "unknown key `titel_en` in vitrine.toml"));
    assert_eq!(found[1].2, "did you mean `title_en`?");
    assert_eq!(found[2].0, 5, "{all}");
    assert!(found[2].1.starts_with("`title_fr` is not needed"), "{all}");
}
