//! The text of the bilingual catalogue that is not a title, a summary or a
//! body (issue 6, second part), on the same fixture:
//!
//! - translated image descriptions (`cover_alt`, `logo_alt`) on the pages
//!   and cards of their language, with the image of the default file;
//! - the site's title per language (`title_en` in `vitrine.toml`).

use super::*;

/// The `<img>` of a page whose `src` is `src`: (alt, lang) of each.
fn images(html: &str, src: &str) -> Vec<(String, Option<String>)> {
    let doc = Html::parse_document(html);
    doc.select(&sel("img"))
        .filter(|img| img.value().attr("src") == Some(src))
        .map(|img| {
            let alt = img.value().attr("alt").unwrap_or_default().to_string();
            (alt, img.value().attr("lang").map(String::from))
        })
        .collect()
}

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
// Image descriptions.

#[test]
fn translated_image_descriptions_are_used_on_english_pages_and_cards() {
    let built = build_fixture("bi-alt");
    let cover = "/moocs/hepatites/couverture.png";
    let en_alt = [("Diagram of a hepatitis virus".to_string(), None)];
    let fr_alt = [("Schéma d’un virus de l’hépatite".to_string(), None)];
    // The MOOC page and every card of the MOOC, with the bundle's image.
    for page in ["/en/moocs/hepatites/", "/en/moocs/", "/en/parcours/decouverte/", "/en/platforms/fun-mooc/"] {
        assert_eq!(images(&built.page(page), cover), en_alt, "the cover of hepatites on {page}");
    }
    for page in ["/moocs/hepatites/", "/moocs/", "/parcours/decouverte/"] {
        assert_eq!(images(&built.page(page), cover), fr_alt, "the cover of hepatites on {page}");
    }
    // A parcours cover and an institution logo, from static/.
    assert_eq!(
        images(&built.page("/en/parcours/decouverte/"), "/images/decouverte.png"),
        [("Three vaccine vials".to_string(), None)]
    );
    assert_eq!(
        images(&built.page("/parcours/decouverte/"), "/images/decouverte.png"),
        [("Trois flacons de vaccin".to_string(), None)]
    );
    assert_eq!(
        images(&built.page("/en/institutions/universite-paris-cite/"), "/images/universite-paris-cite.png"),
        [("Université Paris Cité logo".to_string(), None)]
    );
    // An untranslated description is shown marked as French.
    assert_eq!(
        images(&built.page("/en/platforms/fun-mooc/"), "/images/fun-mooc.png"),
        [("Logo de FUN-MOOC".to_string(), Some("fr".to_string()))]
    );
}

#[test]
fn a_translation_may_not_change_the_image_itself() {
    let tmp = TempDir::new("bi-alt-image");
    let root = fixture_copy(&tmp);
    common::write(
        &root,
        "content/moocs/hepatites/index.en.md",
        "+++\ncover = \"couverture.png\"\ncover_alt = \"Diagram\"\n+++\n",
    );
    let (code, diags, all) = check_json(&root);
    assert_eq!(code, Some(0), "the same image repeated is fine: {all}");
    assert!(diags.is_empty(), "{all}");
    common::write(
        &root,
        "content/moocs/hepatites/index.en.md",
        "+++\ncover = \"other.png\"\ncover_alt = \"Diagram\"\n+++\n",
    );
    let (code, diags, all) = check_json(&root);
    assert_eq!(code, Some(1), "{all}");
    let errs = errors(&diags);
    assert_eq!(errs.len(), 1, "{all}");
    assert_eq!(errs[0]["path"], "content/moocs/hepatites/index.en.md", "{all}");
    assert_eq!((errs[0]["line"].as_u64(), errs[0]["column"].as_u64()), (Some(2), Some(1)), "{all}");
    assert!(errs[0]["message"].as_str().unwrap_or_default().starts_with("`cover` is not the same as in"), "{all}");
}

#[test]
fn a_translated_description_without_an_image_is_a_warning() {
    let tmp = TempDir::new("bi-alt-alone");
    let root = fixture_copy(&tmp);
    common::write(
        &root,
        "content/moocs/paludisme.en.md",
        "+++\ntitle = \"Malaria\"\ncover_alt = \"A mosquito\"\n+++\n",
    );
    let (code, diags, all) = check_json(&root);
    assert_eq!(code, Some(0), "a warning only: {all}");
    assert_eq!(diags.len(), 1, "{all}");
    let w = &diags[0];
    assert_eq!(w["severity"], "warning", "{all}");
    assert_eq!(w["path"], "content/moocs/paludisme.en.md", "{all}");
    assert_eq!((w["line"].as_u64(), w["column"].as_u64()), (Some(3), Some(1)), "{all}");
    assert_eq!(w["message"], "`cover_alt` is set but content/moocs/paludisme.md has no `cover`", "{all}");
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
