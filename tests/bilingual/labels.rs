//! The text of the bilingual catalogue that is not a title, a summary or a
//! body (issue 6, second part), on the same fixture:
//!
//! - subject labels translated in a MOOC's translation (`subjects` of
//!   `x.en.md`): the slug comes from the French label, the English pages
//!   show the label at the same position; `subjects/<slug>.en.md` wins; when
//!   two MOOCs translate a subject differently, the first MOOC by slug gives
//!   the subject page (and the lists of subjects) its label; a different
//!   number of labels is an error;
//! - translated image descriptions (`cover_alt`, `logo_alt`) on the pages
//!   and cards of their language, with the image of the default file;
//! - the site's title per language (`title_en` in `vitrine.toml`).

use super::*;

/// The links of `<main>` to `href_prefix…`: (text, href, lang of the link).
fn links_to(html: &str, href_prefix: &str) -> Vec<(String, String, Option<String>)> {
    let doc = Html::parse_document(html);
    doc.select(&sel("main a"))
        .filter_map(|a| {
            let href = a.value().attr("href")?;
            href.starts_with(href_prefix)
                .then(|| (common::text(&a.html()), href.to_string(), a.value().attr("lang").map(String::from)))
        })
        .collect()
}

/// The `<img>` of a page whose `src` is `src`: (alt, lang) of each.
/// The images of `html` made from the image `src`: published as `src`, or
/// resized to `<stem>.<hash>-<width>.<ext>` (`src` without its extension).
fn images(html: &str, src: &str) -> Vec<(String, Option<String>)> {
    let doc = Html::parse_document(html);
    let stem = format!("{}.", src.rsplit_once('.').map_or(src, |(stem, _)| stem));
    doc.select(&sel("img"))
        .filter(|img| img.value().attr("src").is_some_and(|s| s == src || s.starts_with(&stem)))
        .map(|img| {
            let alt = img.value().attr("alt").unwrap_or_default().to_string();
            (alt, img.value().attr("lang").map(String::from))
        })
        .collect()
}

fn title_text(html: &str) -> String {
    first_text(html, "head title")
}

fn header_title(html: &str) -> String {
    first_text(html, "header .site-title")
}

fn link(text: &str, href: &str, lang: Option<&str>) -> (String, String, Option<String>) {
    (text.to_string(), href.to_string(), lang.map(String::from))
}

// ---------------------------------------------------------------------------
// Subject labels.

#[test]
fn mooc_translation_labels_its_subjects_on_english_pages() {
    let built = build_fixture("bi-subject-labels");
    // rage.en.md: ["Infectious illnesses", "Public health"]; the first
    // subject has subjects/maladies-infectieuses.en.md, which wins.
    assert_eq!(
        links_to(&built.page("/en/moocs/rage/"), "/en/subjects/"),
        [
            link("Infectious diseases", "/en/subjects/maladies-infectieuses/", None),
            link("Public health", "/en/subjects/sante-publique/", None),
        ],
        "subjects of /en/moocs/rage/"
    );
    // Each MOOC page shows its own translation's label.
    assert_eq!(
        links_to(&built.page("/en/moocs/hepatites/"), "/en/subjects/"),
        [
            link("Infectious diseases", "/en/subjects/maladies-infectieuses/", None),
            link("Public Health", "/en/subjects/sante-publique/", None),
        ],
        "subjects of /en/moocs/hepatites/"
    );
    // The French pages keep the French labels.
    assert_eq!(
        links_to(&built.page("/moocs/rage/"), "/subjects/"),
        [
            link("Maladies infectieuses", "/subjects/maladies-infectieuses/", None),
            link("Santé publique", "/subjects/sante-publique/", None),
        ],
        "subjects of /moocs/rage/"
    );
    // The slug is the French label's: no page under an English slug.
    assert!(!built.out.join("en/subjects/public-health").exists(), "a subject page under an English slug");
    assert!(!built.out.join("subjects/public-health").exists(), "a subject page under an English slug");
}

#[test]
fn subject_page_takes_its_english_label_from_the_first_mooc_by_slug() {
    let built = build_fixture("bi-subject-page");
    // hepatites says "Public Health", rage "Public health": hepatites comes
    // first by slug.
    assert_h1_lang(&built, "/en/subjects/sante-publique/", "Public Health", "en");
    assert!(
        title_text(&built.page("/en/subjects/sante-publique/")).starts_with("Public Health ·"),
        "<title> of /en/subjects/sante-publique/"
    );
    assert_h1_lang(&built, "/subjects/sante-publique/", "Santé publique", "fr");
    // An untranslated MOOC shows the subject's English label when a
    // translated MOOC gives one, and its French label (marked) otherwise.
    assert_eq!(
        links_to(&built.page("/en/moocs/paludisme/"), "/en/subjects/"),
        [
            link("Infectious diseases", "/en/subjects/maladies-infectieuses/", None),
            link("Public Health", "/en/subjects/sante-publique/", None),
            link("Parasitologie", "/en/subjects/parasitologie/", Some("fr")),
        ],
        "subjects of /en/moocs/paludisme/"
    );
    assert_h1_lang(&built, "/en/subjects/parasitologie/", "Parasitologie", "fr");
    // So do the English lists of subjects (the catalogue's links to them).
    assert_eq!(
        links_to(&built.page("/en/moocs/"), "/en/subjects/"),
        [
            link("Infectious diseases", "/en/subjects/maladies-infectieuses/", None),
            link("Parasitologie", "/en/subjects/parasitologie/", Some("fr")),
            link("Public Health", "/en/subjects/sante-publique/", None),
        ],
        "links to the subjects on /en/moocs/"
    );
}

/// A MOOC of the fixture's institution and platform, labelled `Santé publique`.
fn public_health_mooc(title: &str) -> String {
    format!(
        "+++\ntitle = \"{title}\"\nsummary = \"Un cours.\"\nlanguages = [\"fr\"]\n\
         institutions = [\"institut-pasteur\"]\nplatform = \"fun-mooc\"\nsubjects = [\"Santé publique\"]\n+++\n"
    )
}

#[test]
fn subject_labels_do_not_depend_on_the_order_files_are_read_in() {
    // `amibes-libres.md` is read before `amibes.md` (`-` sorts before `.`),
    // but `amibes` comes first by slug, and before `hepatites`: its label
    // names the subject.
    let tmp = TempDir::new("bi-subject-first");
    let root = fixture_copy(&tmp);
    common::write(&root, "content/moocs/amibes-libres.md", &public_health_mooc("Les amibes libres"));
    common::write(&root, "content/moocs/amibes-libres.en.md", "+++\nsubjects = [\"Population health\"]\n+++\n");
    common::write(&root, "content/moocs/amibes.md", &public_health_mooc("Les amibes"));
    common::write(&root, "content/moocs/amibes.en.md", "+++\nsubjects = [\"Global health\"]\n+++\n");
    let out = tmp.join("out");
    common::build_ok(&root, &out);
    let html = fs::read_to_string(out.join("en/subjects/sante-publique/index.html")).expect("the subject page");
    assert_eq!(h1_text(&html), "Global health", "`amibes` is the first MOOC by slug");
    let html = fs::read_to_string(out.join("en/moocs/amibes-libres/index.html")).expect("a MOOC page");
    assert_eq!(
        links_to(&html, "/en/subjects/"),
        [link("Population health", "/en/subjects/sante-publique/", None)],
        "a MOOC page shows its own translation's label"
    );
}

#[test]
fn translation_with_another_number_of_subjects_is_an_error() {
    let tmp = TempDir::new("bi-subject-count");
    let root = fixture_copy(&tmp);
    let text = "+++\ntitle = \"Rabies\"\nsubjects = [\"Public health\"]\n+++\n\nA course on rabies.\n";
    common::write(&root, "content/moocs/rage.en.md", text);
    let (code, diags, all) = check_json(&root);
    assert_eq!(code, Some(1), "{all}");
    let errs = errors(&diags);
    assert_eq!(errs.len(), 1, "one error: {all}");
    let e = errs[0];
    assert_eq!(e["path"], "content/moocs/rage.en.md", "{all}");
    assert_eq!((e["line"].as_u64(), e["column"].as_u64()), (Some(3), Some(12)), "at the list: {all}");
    let message = e["message"].as_str().unwrap_or_default();
    assert!(message.contains("`subjects` has 1 label here but 2 in content/moocs/rage.md"), "{message}");
    let hint = e["hint"].as_str().unwrap_or_default();
    assert!(hint.contains("\"Maladies infectieuses\", \"Santé publique\""), "the hint lists the labels: {hint}");

    // Without subjects in the default file, any label is one too many.
    common::write(&root, "content/moocs/rage.en.md", "+++\ntitle = \"Rabies\"\n+++\n");
    let text = "+++\nsubjects = [\"Parasites\"]\n+++\n";
    let default = public_health_mooc("Sans sujet").replace("subjects = [\"Santé publique\"]\n", "");
    common::write(&root, "content/moocs/zz-sans-sujet.md", &default);
    common::write(&root, "content/moocs/zz-sans-sujet.en.md", text);
    let (code, diags, all) = check_json(&root);
    assert_eq!(code, Some(1), "{all}");
    let errs = errors(&diags);
    assert_eq!(errs.len(), 1, "one error: {all}");
    assert_eq!(errs[0]["path"], "content/moocs/zz-sans-sujet.en.md", "{all}");
    let message = errs[0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("has 1 label here but none in"), "{message}");
}

#[test]
fn translated_subject_label_may_be_in_any_script_but_not_empty() {
    let tmp = TempDir::new("bi-subject-script");
    let root = fixture_copy(&tmp);
    // The label's slug does not matter: a label with no a-z letter is fine.
    common::write(&root, "content/moocs/rage.en.md", "+++\nsubjects = [\"感染症\", \"Public health\"]\n+++\n");
    let (code, _, all) = check_json(&root);
    assert_eq!(code, Some(0), "{all}");
    common::write(&root, "content/moocs/rage.en.md", "+++\nsubjects = [\"  \", \"Public health\"]\n+++\n");
    let (code, diags, all) = check_json(&root);
    assert_eq!(code, Some(1), "{all}");
    let errs = errors(&diags);
    assert_eq!(errs.len(), 1, "{all}");
    assert_eq!(errs[0]["message"], "a translated subject label must not be empty", "{all}");
    assert_eq!((errs[0]["line"].as_u64(), errs[0]["column"].as_u64()), (Some(2), Some(13)), "{all}");
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

// ---------------------------------------------------------------------------
// Numbers and dates in sentences of the UI strings.

/// The `<dd>` after the `<dt>` that says `term`, in `main`.
fn fact(html: &str, term: &str) -> String {
    let doc = Html::parse_document(html);
    doc.select(&sel("main dl.facts > div"))
        .find(|div| div.select(&sel("dt")).next().is_some_and(|dt| common::text(&dt.html()) == term))
        .and_then(|div| div.select(&sel("dd")).next().map(|dd| common::text(&dd.html())))
        .unwrap_or_else(|| panic!("no fact {term:?} in:\n{}", main_text(html)))
}

#[test]
fn effort_duration_and_status_date_are_written_in_each_language() {
    let built = build_fixture("bi-number-labels");
    // rage.md: effort_hours_per_week = 2.5, duration_weeks = 7.
    let fr = built.page("/moocs/rage/");
    // (`common::text` makes no-break spaces plain ones: they are checked
    // in the HTML.)
    assert_eq!(fact(&fr, "Effort"), "2,5 h par semaine");
    assert!(fr.contains("<dd>2,5\u{a0}h par semaine</dd>"), "a no-break space before the unit");
    assert_eq!(fact(&fr, "Durée"), "7 semaines");
    let english = built.page(&en("/moocs/rage/"));
    assert_eq!(fact(&english, "Effort"), "2.5 h per week");
    assert_eq!(fact(&english, "Duration"), "7 weeks");
    // The footer's "statuses as of" sentence, with the build date.
    assert_eq!(first_text(&fr, "footer [data-as-of]"), "Statuts au 23 novembre 2026");
    assert_eq!(first_text(&english, "footer [data-as-of]"), "Statuses as of 23 November 2026");
}
