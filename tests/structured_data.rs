//! Issue 17, "be found": the JSON-LD of the built pages of
//! `tests/fixtures/findable` (docs/structured-data.md), read back from the
//! HTML as a search engine reads it, field by field of Google's course
//! info and course list (required and recommended), for a MOOC with dated
//! sessions and a paid certificate (`vaccinologie`), one with only a
//! planned period and no certificate (`paludisme`), one with a free
//! attestation only and a cover (`reseaux`); the parcours' program, the
//! organisations, the home page's `WebSite` and its search, the lists;
//! then the head's Open Graph and X tags, and the card images.

mod common;

use std::collections::BTreeMap;

use common::{fixture_dir, TempDir};
use scraper::{Html, Selector};
use serde_json::Value;

fn build() -> (TempDir, BTreeMap<String, Vec<u8>>) {
    let tmp = TempDir::new("structured-data");
    common::build_ok(&fixture_dir("findable"), &tmp.join("out"));
    let site = common::read_tree(&tmp.join("out"));
    (tmp, site)
}

fn page(site: &BTreeMap<String, Vec<u8>>, path: &str) -> Html {
    let bytes = site.get(path).unwrap_or_else(|| panic!("no {path}"));
    Html::parse_document(std::str::from_utf8(bytes).expect("UTF-8"))
}

/// The JSON-LD of a page: its one `<script type="application/ld+json">`.
fn json_ld(site: &BTreeMap<String, Vec<u8>>, path: &str) -> Value {
    let doc = page(site, path);
    let sel = Selector::parse("head script[type=\"application/ld+json\"]").expect("selector");
    let scripts: Vec<String> = doc.select(&sel).map(|s| s.text().collect()).collect();
    assert_eq!(scripts.len(), 1, "{path}: one JSON-LD block");
    serde_json::from_str(&scripts[0]).unwrap_or_else(|e| panic!("{path}: JSON-LD is JSON: {e}"))
}

/// `content` of the `<meta>` whose `attr` is `name`.
fn meta(doc: &Html, attr: &str, name: &str) -> Option<String> {
    let sel = Selector::parse(&format!("meta[{attr}=\"{name}\"]")).expect("selector");
    doc.select(&sel).next().and_then(|m| m.value().attr("content")).map(str::to_string)
}

const ORIGIN: &str = "https://moocs.example.org";

#[test]
fn a_mooc_with_dated_sessions_and_a_paid_certificate_is_a_full_course() {
    let (_tmp, site) = build();
    let c = json_ld(&site, "moocs/vaccinologie/index.html");
    assert_eq!(c["@context"], "https://schema.org");
    assert_eq!(c["@type"], "Course");
    // Required: name, description, provider, offers, hasCourseInstance.
    assert_eq!(c["name"], "Vaccinologie");
    assert!(c["description"].as_str().is_some_and(|d| d.starts_with("Des premiers vaccins aux ARN messagers ;")));
    assert_eq!(c["url"], format!("{ORIGIN}/moocs/vaccinologie/"));
    let provider = &c["provider"][0];
    assert_eq!(provider["@type"], "EducationalOrganization");
    assert_eq!(provider["name"], "Institut Pasteur");
    assert_eq!(provider["url"], "https://www.pasteur.fr");
    let offers = c["offers"].as_array().expect("offers");
    assert_eq!(offers.len(), 2, "{offers:?}");
    assert_eq!((offers[0]["category"].as_str(), offers[0]["price"].as_f64()), (Some("Free"), Some(0.0)));
    assert_eq!(offers[1]["category"], "Paid");
    assert_eq!((offers[1]["price"].as_f64(), offers[1]["priceCurrency"].as_str()), (Some(150.0), Some("EUR")));
    // Recommended.
    assert_eq!(c["inLanguage"], "fr");
    assert_eq!(c["availableLanguage"], serde_json::json!(["en", "es"]));
    assert_eq!(c["educationalLevel"], "Intermediate");
    assert_eq!(c["teaches"], serde_json::json!(["Vaccins", "Santé publique"]));
    assert_eq!(c["about"][0]["url"], format!("{ORIGIN}/subjects/vaccins/"));
    assert_eq!(c["coursePrerequisites"], "Un niveau licence en biologie.");
    assert_eq!(c["datePublished"], "2024-03-18");
    assert_eq!(c["numberOfCredits"].as_f64(), Some(2.0));
    assert_eq!(c["totalHistoricalEnrollment"], 2000);
    assert_eq!(c["image"], meta(&page(&site, "moocs/vaccinologie/index.html"), "property", "og:image").unwrap());
    let credentials = c["educationalCredentialAwarded"].as_array().expect("credentials");
    assert_eq!(credentials.len(), 2, "the free attestation and the certificate");
    assert_eq!(credentials[0]["offers"]["category"], "Free");
    assert_eq!(credentials[1]["credentialCategory"], "Certification", "a proctored exam");
    assert_eq!(credentials[1]["offers"]["price"].as_f64(), Some(150.0));
    // One instance per session.
    let instances = c["hasCourseInstance"].as_array().expect("instances");
    assert_eq!(instances.len(), 2);
    let s = &instances[1];
    assert_eq!(s["@type"], "CourseInstance");
    assert_eq!(s["courseMode"], "online");
    assert_eq!((s["startDate"].as_str(), s["endDate"].as_str()), (Some("2026-11-09"), Some("2026-12-20")));
    assert_eq!(s["courseWorkload"], "PT15H", "2.5 h a week for 6 weeks");
    let schedule = &s["courseSchedule"];
    assert_eq!(
        (schedule["duration"].as_str(), schedule["repeatFrequency"].as_str(), schedule["repeatCount"].as_i64()),
        (Some("PT2H30M"), Some("Weekly"), Some(6))
    );
    assert_eq!(
        (schedule["startDate"].as_str(), schedule["endDate"].as_str()),
        (Some("2026-11-09"), Some("2026-12-20"))
    );
    let enrol = "https://www.fun-mooc.fr/fr/cours/vaccinologie-2026/";
    assert_eq!((s["url"].as_str(), s["location"]["url"].as_str()), (Some(enrol), Some(enrol)));
    assert_eq!(s["location"]["@type"], "VirtualLocation");
    assert_eq!(s["instructor"][0], serde_json::json!({"@type": "Person", "name": "Hélène Garnier"}));

    // The same course in English, with its translated texts.
    let en = json_ld(&site, "en/moocs/vaccinologie/index.html");
    assert_eq!(en["name"], "Vaccinology");
    assert_eq!(en["url"], format!("{ORIGIN}/en/moocs/vaccinologie/"));
    assert_eq!(en["teaches"], serde_json::json!(["Vaccines", "Public health"]));
    assert_eq!(en["offers"][0]["name"], "Free audit");
}

#[test]
fn a_planned_period_gives_its_first_day_and_no_end_and_no_certificate_no_paid_offer() {
    let (_tmp, site) = build();
    let c = json_ld(&site, "moocs/paludisme/index.html");
    assert_eq!(c["inLanguage"], serde_json::json!(["fr", "en"]));
    assert_eq!(c["educationalLevel"], "Beginner");
    let offers = c["offers"].as_array().expect("offers");
    assert_eq!(offers.len(), 1, "the free audit only: {offers:?}");
    assert_eq!(offers[0]["category"], "Free");
    assert!(c.get("educationalCredentialAwarded").is_none(), "no certificate, no credential");
    let s = &c["hasCourseInstance"][0];
    assert_eq!(s["startDate"], "2027-01-01", "2027-T1 starts on its first day");
    assert!(s.get("endDate").is_none(), "no invented end: {s}");
    assert!(s.get("courseWorkload").is_none(), "no weeks known, no total workload");
    assert_eq!(s["courseSchedule"]["duration"], "PT3H");
    assert_eq!(s["courseSchedule"]["startDate"], "2027-01-01");
    assert!(s["courseSchedule"].get("endDate").is_none(), "no invented end in the schedule either: {s}");
    assert!(s.get("url").is_none() && s.get("location").is_none(), "no enrolment address yet");

    let r = json_ld(&site, "moocs/reseaux/index.html");
    let offers = r["offers"].as_array().expect("offers");
    assert_eq!(offers.iter().map(|o| o["category"].as_str().unwrap()).collect::<Vec<_>>(), ["Free"]);
    assert_eq!(r["educationalCredentialAwarded"][0]["offers"]["category"], "Free", "the free attestation");
    let provider = &r["provider"][0];
    assert_eq!(
        (provider["@type"].as_str(), provider["name"].as_str()),
        (Some("CollegeOrUniversity"), Some("IMT Atlantique"))
    );
    assert_eq!(provider["parentOrganization"]["name"], "Institut Mines-Télécom");
    assert_eq!(provider["parentOrganization"]["url"], "https://www.imt.fr");
    // A raster cover is the image, as resized for the site (issue 18):
    // `reseaux.<hash>-<width>.jpg`.
    let image = r["image"].as_str().unwrap_or_default();
    assert!(image.starts_with(&format!("{ORIGIN}/reseaux.")) && image.ends_with(".jpg"), "{image}");
}

#[test]
fn a_parcours_is_a_program_of_its_courses_with_credits_and_price() {
    let (_tmp, site) = build();
    let p = json_ld(&site, "parcours/diplome/index.html");
    assert_eq!(p["@type"], "EducationalOccupationalProgram");
    assert_eq!(p["name"], "Diplôme numérique des maladies infectieuses");
    assert_eq!(p["alternateName"], "DNMI");
    let courses = p["hasCourse"].as_array().expect("hasCourse");
    assert_eq!(courses.len(), 3);
    assert_eq!(courses[0]["@type"], "Course");
    assert_eq!(courses[0]["url"], format!("{ORIGIN}/moocs/vaccinologie/"));
    assert!(courses
        .iter()
        .all(|c| c["name"].is_string() && c["description"].is_string() && c["provider"][0]["name"].is_string()));
    assert_eq!(p["numberOfCredits"].as_f64(), Some(10.0));
    assert_eq!(p["offers"]["price"].as_f64(), Some(150.0));
    assert_eq!((p["offers"]["priceCurrency"].as_str(), p["offers"]["category"].as_str()), (Some("EUR"), Some("Paid")));
    assert_eq!(p["offers"]["description"], "par examen");
    assert_eq!(p["educationalCredentialAwarded"]["name"], "Diplôme numérique des maladies infectieuses");
    assert_eq!(p["provider"][0]["name"], "Institut Pasteur");
}

#[test]
fn the_home_page_is_a_website_whose_search_is_the_catalogue_form_and_lists_are_course_lists() {
    let (_tmp, site) = build();
    for (home, moocs) in [("index.html", "/moocs/"), ("en/index.html", "/en/moocs/")] {
        let w = json_ld(&site, home);
        assert_eq!(w["@type"], "WebSite");
        let action = &w["potentialAction"];
        assert_eq!(action["@type"], "SearchAction");
        assert_eq!(action["target"]["urlTemplate"], format!("{ORIGIN}{moocs}?q={{search_term_string}}"));
        assert_eq!(action["query-input"], "required name=search_term_string");
    }
    // The catalogue page has the form that reads `q`.
    let catalogue = page(&site, "moocs/index.html");
    let form = Selector::parse("form#search-form input[name=q]").expect("selector");
    assert!(catalogue.select(&form).next().is_some(), "the search form reads `q`");
    // Lists: an ItemList of the courses' pages, by title.
    let list = json_ld(&site, "moocs/index.html");
    assert_eq!(list["@type"], "ItemList");
    let urls: Vec<&str> =
        list["itemListElement"].as_array().unwrap().iter().map(|i| i["url"].as_str().unwrap()).collect();
    assert_eq!(
        urls,
        [
            format!("{ORIGIN}/moocs/paludisme/"),
            format!("{ORIGIN}/moocs/reseaux/"),
            format!("{ORIGIN}/moocs/vaccinologie/")
        ]
    );
    assert_eq!(list["itemListElement"][2]["position"], 3);
    let subject = json_ld(&site, "subjects/vaccins/index.html");
    assert_eq!(subject["itemListElement"][0]["url"], format!("{ORIGIN}/moocs/vaccinologie/"));
    // An institution's page: the organisation, and its courses.
    let inst = json_ld(&site, "institutions/imt-atlantique/index.html");
    assert_eq!(inst["@graph"][0]["@type"], "CollegeOrUniversity");
    assert_eq!(inst["@graph"][1]["itemListElement"][0]["url"], format!("{ORIGIN}/moocs/reseaux/"));
}

#[test]
fn every_page_says_what_it_is_to_social_networks_with_an_image_of_the_site() {
    let (_tmp, site) = build();
    let doc = page(&site, "moocs/vaccinologie/index.html");
    let og = |name: &str| meta(&doc, "property", name).unwrap_or_else(|| panic!("og {name}"));
    assert_eq!(og("og:title"), "Vaccinologie · Catalogue trouvable");
    assert!(og("og:description").starts_with("Des premiers vaccins"));
    assert_eq!(og("og:url"), format!("{ORIGIN}/moocs/vaccinologie/"));
    assert_eq!(og("og:type"), "website");
    assert_eq!((og("og:locale").as_str(), og("og:locale:alternate").as_str()), ("fr_FR", "en_GB"));
    assert_eq!(meta(&doc, "name", "twitter:card").as_deref(), Some("summary_large_image"));
    assert_eq!(meta(&doc, "name", "twitter:image"), Some(og("og:image")));
    let canonical = Selector::parse("link[rel=canonical]").expect("selector");
    assert_eq!(doc.select(&canonical).next().and_then(|l| l.value().attr("href")), Some(og("og:url").as_str()));
    // No raster cover: a card drawn by the build, beside the page.
    let image = og("og:image");
    let file = image.strip_prefix(&format!("{ORIGIN}/")).expect("an image of the site");
    assert!(file.starts_with("moocs/vaccinologie/card.") && file.ends_with(".png"), "{image}");
    let png = &site[file];
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!((&png[16..20], &png[20..24]), (&1200u32.to_be_bytes()[..], &630u32.to_be_bytes()[..]));
    assert_eq!((og("og:image:width").as_str(), og("og:image:height").as_str()), ("1200", "630"));
    // In English the title differs, so does the card; an untranslated MOOC
    // shares the default language's card.
    let en = page(&site, "en/moocs/vaccinologie/index.html");
    let en_image = meta(&en, "property", "og:image").expect("og:image");
    assert!(en_image.starts_with(&format!("{ORIGIN}/en/moocs/vaccinologie/card.")), "{en_image}");
    assert_eq!(meta(&en, "property", "og:locale").as_deref(), Some("en_GB"));
    let paludisme = |p: &str| meta(&page(&site, p), "property", "og:image").expect("og:image");
    assert_eq!(paludisme("moocs/paludisme/index.html"), paludisme("en/moocs/paludisme/index.html"));
    // A raster cover is the image; a page without one shows the site's card.
    let reseaux = page(&site, "moocs/reseaux/index.html");
    let cover = meta(&reseaux, "property", "og:image").expect("og:image");
    assert!(cover.starts_with(&format!("{ORIGIN}/reseaux.")) && cover.ends_with(".jpg"), "{cover}");
    assert!(meta(&reseaux, "property", "og:image:width").is_some(), "the resized cover's size is known");
    let home = meta(&page(&site, "a-propos/index.html"), "property", "og:image").expect("og:image");
    let card = home.strip_prefix(&format!("{ORIGIN}/")).expect("of the site");
    assert!(card.starts_with("card.") && site.contains_key(card), "{home}");
    // Every page of both languages has them.
    for (path, bytes) in site.iter().filter(|(p, _)| p.ends_with("index.html")) {
        let doc = Html::parse_document(std::str::from_utf8(bytes).unwrap());
        for name in ["og:title", "og:description", "og:url", "og:image", "og:locale"] {
            assert!(meta(&doc, "property", name).is_some_and(|v| !v.is_empty()), "{path}: {name}");
        }
        let image = meta(&doc, "property", "og:image").unwrap();
        let local = image.strip_prefix(&format!("{ORIGIN}/")).unwrap_or_else(|| panic!("{path}: {image}"));
        assert!(site.contains_key(local), "{path}: {image} is a file of the site");
    }
}

#[test]
fn the_accessibility_statement_legal_notice_and_privacy_page_have_the_same_head() {
    let tmp = TempDir::new("structured-data-duties");
    let root = tmp.join("site");
    common::copy_dir(&fixture_dir("findable"), &root);
    let toml = std::fs::read_to_string(root.join("vitrine.toml")).expect("vitrine.toml");
    common::write(
        &root,
        "vitrine.toml",
        &format!(
            "{toml}\n[accessibility]\ncompliance = \"partial\"\nrate = 75\ndate = 2026-11-02\n\
             contact_email = \"a11y@example.org\"\n\n\
             [legal]\npublisher = \"P\"\ndirector = \"D\"\nhost = \"H\"\ncontact = \"c@example.org\"\n"
        ),
    );
    common::build_ok(&root, &tmp.join("out"));
    let site = common::read_tree(&tmp.join("out"));
    for (path, url) in [
        ("accessibility/index.html", "/accessibility/"),
        ("legal-notice/index.html", "/legal-notice/"),
        ("privacy/index.html", "/privacy/"),
        ("en/privacy/index.html", "/en/privacy/"),
    ] {
        let doc = page(&site, path);
        let og = |name: &str| meta(&doc, "property", name).unwrap_or_else(|| panic!("{path}: {name}"));
        assert_eq!(og("og:url"), format!("{ORIGIN}{url}"), "{path}");
        let canonical = Selector::parse("link[rel=canonical]").expect("selector");
        assert_eq!(doc.select(&canonical).next().and_then(|l| l.value().attr("href")), Some(og("og:url").as_str()));
        assert!(!og("og:title").is_empty() && !og("og:description").is_empty(), "{path}");
        assert!(meta(&doc, "name", "description").is_some_and(|d| !d.is_empty()), "{path}: <meta name=description>");
        if path == "accessibility/index.html" {
            assert_eq!(og("og:description"), "Accessibilité\u{a0}: partiellement conforme");
        }
        if path == "en/privacy/index.html" {
            assert!(og("og:description").starts_with("This website is a catalogue"), "{}", og("og:description"));
        }
        assert_eq!(meta(&doc, "name", "twitter:card").as_deref(), Some("summary_large_image"), "{path}");
        let image = og("og:image");
        let file = image.strip_prefix(&format!("{ORIGIN}/")).unwrap_or_else(|| panic!("{path}: {image}"));
        assert!(site.contains_key(file), "{path}: {image} is a file of the site");
        let feeds = Selector::parse("head link[rel=alternate][type=\"application/atom+xml\"]").expect("selector");
        assert_eq!(doc.select(&feeds).count(), 2, "{path}: the site's two feeds");
    }
    let sitemap = std::str::from_utf8(&site["sitemap.xml"]).expect("UTF-8");
    assert!(
        sitemap.contains(&format!("<loc>{ORIGIN}/accessibility/</loc>\n    <lastmod>2026-11-02</lastmod>")),
        "the statement's date is its lastmod"
    );
}
