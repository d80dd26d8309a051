//! Issue 17, "be reused": the Atom feeds read back with a feed parser
//! (`feed-rs`), `/catalogue.json` validated against its JSON Schema
//! (`docs/schema/catalogue-1.json`, with the `jsonschema` crate),
//! `/catalogue.csv` read back as Excel reads it (`csv` crate: byte order
//! mark, separator, quoting), the open data page, and the sitemap's
//! `lastmod` from content dates; on `tests/fixtures/findable`.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{fixture_dir, TempDir};
use serde_json::Value;

fn build_as_of(root: &Path, out: &Path, today: &str) -> BTreeMap<String, Vec<u8>> {
    let output = common::vitrine()
        .args(["build", "--today", today, "--root"])
        .arg(root)
        .arg("--output")
        .arg(out)
        .output()
        .expect("run vitrine");
    assert!(output.status.success(), "{}", common::describe(&output));
    common::read_tree(out)
}

fn build(tmp: &TempDir) -> BTreeMap<String, Vec<u8>> {
    build_as_of(&fixture_dir("findable"), &tmp.join("out"), common::TODAY)
}

fn text(site: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(site.get(path).unwrap_or_else(|| panic!("no {path}")).clone()).expect("UTF-8")
}

fn feed(site: &BTreeMap<String, Vec<u8>>, path: &str) -> feed_rs::model::Feed {
    let bytes = site.get(path).unwrap_or_else(|| panic!("no {path}"));
    feed_rs::parser::parse(&bytes[..]).unwrap_or_else(|e| panic!("{path} is a feed: {e}"))
}

/// The day of a date of feed-rs (`2026-10-15 00:00:00 UTC`).
fn day<T: std::fmt::Display>(d: Option<T>) -> String {
    d.map(|d| d.to_string().chars().take(10).collect()).unwrap_or_default()
}

#[test]
fn feeds_of_new_moocs_and_open_enrolments_in_every_language_are_atom_with_dates_from_content() {
    let tmp = TempDir::new("reuse-feeds");
    let site = build(&tmp);
    let moocs = feed(&site, "feeds/moocs.xml");
    assert_eq!(moocs.feed_type, feed_rs::model::FeedType::Atom);
    assert_eq!(moocs.id, "https://moocs.example.org/feeds/moocs.xml");
    let titles: Vec<String> = moocs.entries.iter().map(|e| e.title.as_ref().unwrap().content.clone()).collect();
    assert_eq!(titles, ["Le paludisme", "Principes des réseaux de données", "Vaccinologie"], "newest first");
    assert_eq!(moocs.entries[0].id, "https://moocs.example.org/moocs/paludisme/");
    assert_eq!(day(moocs.entries[2].published), "2024-03-18");
    assert_eq!(day(moocs.entries[2].updated), "2026-09-30", "its `updated`");
    assert_eq!(day(moocs.updated), "2026-10-15", "the newest entry's");
    assert_eq!(moocs.entries[0].links[0].href, "https://moocs.example.org/moocs/paludisme/");

    let sessions = feed(&site, "feeds/sessions.xml");
    let ids: Vec<&str> = sessions.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "https://moocs.example.org/moocs/vaccinologie/#session-2026-11-09",
            "https://moocs.example.org/moocs/reseaux/#session-2026-10-12"
        ],
        "open sessions, by the day enrolment opened; the archived one is not there"
    );
    assert_eq!(day(sessions.entries[0].updated), "2026-10-01", "its enrollment_start");
    assert_eq!(sessions.entries[0].links[0].href, "https://moocs.example.org/moocs/vaccinologie/#session-2");

    let en = feed(&site, "en/feeds/moocs.xml");
    assert_eq!(en.entries[2].title.as_ref().unwrap().content, "Vaccinology");
    assert_eq!(en.language.as_deref(), Some("en"));

    // One per parcours and per institution, beside its page.
    let parcours = feed(&site, "parcours/diplome/atom.xml");
    assert_eq!(parcours.entries.len(), 5, "three MOOCs and two open sessions");
    let pasteur = feed(&site, "institutions/institut-pasteur/atom.xml");
    assert!(pasteur.entries.iter().all(|e| !e.id.contains("reseaux")), "only its MOOCs");
    let imt = feed(&site, "institutions/imt/atom.xml");
    assert!(imt.entries.is_empty());
    assert_eq!(day(imt.updated), "1970-01-01", "no entry and no date of content: the epoch, not the clock");

    // Linked from <head> as alternates (the page's own feed first), in each
    // language its own.
    let alternates = |path: &str| -> Vec<String> {
        let doc = scraper::Html::parse_document(&text(&site, path));
        let sel =
            scraper::Selector::parse("head link[rel=alternate][type=\"application/atom+xml\"]").expect("selector");
        doc.select(&sel)
            .filter(|l| l.value().attr("title").is_some())
            .filter_map(|l| l.value().attr("href"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(
        alternates("parcours/diplome/index.html"),
        ["/parcours/diplome/atom.xml", "/feeds/moocs.xml", "/feeds/sessions.xml"]
    );
    assert_eq!(
        alternates("en/institutions/institut-pasteur/index.html"),
        ["/en/institutions/institut-pasteur/atom.xml", "/en/feeds/moocs.xml", "/en/feeds/sessions.xml"]
    );
    assert_eq!(alternates("index.html"), ["/feeds/moocs.xml", "/feeds/sessions.xml"]);
    let en_parcours = feed(&site, "en/parcours/diplome/atom.xml");
    assert_eq!(en_parcours.language.as_deref(), Some("en"));
    assert!(en_parcours.entries.iter().any(|e| e.title.as_ref().is_some_and(|t| t.content == "Vaccinology")));
    let en_sessions = feed(&site, "en/feeds/sessions.xml");
    assert_eq!(en_sessions.entries[0].id, "https://moocs.example.org/en/moocs/vaccinologie/#session-2026-11-09");

    // The next day (nothing in the content happened on it), the feeds are the same bytes.
    let next = build_as_of(&fixture_dir("findable"), &tmp.join("next"), "2026-11-24");
    for path in ["feeds/moocs.xml", "feeds/sessions.xml", "parcours/diplome/atom.xml", "en/feeds/moocs.xml"] {
        assert_eq!(site[path], next[path], "{path} does not depend on the build date");
    }
}

#[test]
fn catalogue_json_follows_its_versioned_schema() {
    let tmp = TempDir::new("reuse-json");
    let site = build(&tmp);
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(common::repo_root().join("docs/schema/catalogue-1.json")).unwrap(),
    )
    .expect("the schema is JSON");
    let in_docs = std::fs::read(common::repo_root().join("docs/schema/catalogue-1.json")).unwrap();
    assert_eq!(site["catalogue-1.schema.json"], in_docs, "published as it is in docs/");
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let data: Value = serde_json::from_slice(&site["catalogue.json"]).expect("JSON");
    // The MOOCs are written apart, in parallel, and put between the other
    // keys: the file must still be what writing the whole object gives
    // (keys sorted, compact, one line).
    let mut whole = serde_json::to_vec(&data).unwrap();
    whole.push(b'\n');
    assert!(site["catalogue.json"] == whole, "catalogue.json is not the object written at once");
    let errors: Vec<String> = validator.iter_errors(&data).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(data["version"], 1);
    assert_eq!(data["as_of"], common::TODAY);
    assert_eq!(data["licence"]["name"], "Licence Ouverte / Etalab 2.0");
    let vaccinologie = data["moocs"].as_array().unwrap().iter().find(|m| m["slug"] == "vaccinologie").expect("a MOOC");
    assert_eq!(vaccinologie["status"], "ongoing-open");
    assert_eq!(vaccinologie["sessions"][0]["status"], "archived");
    assert_eq!(vaccinologie["sessions"][1]["start"], "2026-11-09");
    assert_eq!(vaccinologie["translations"]["en"]["title"], "Vaccinology");
    assert_eq!(vaccinologie["urls"]["en"], "https://moocs.example.org/en/moocs/vaccinologie/");
    let paludisme = data["moocs"].as_array().unwrap().iter().find(|m| m["slug"] == "paludisme").unwrap();
    assert_eq!(
        (paludisme["sessions"][0]["start"].is_null(), paludisme["sessions"][0]["planned"].as_str()),
        (true, Some("2027-T1"))
    );
    assert_eq!(data["parcours"][0]["price"].as_f64(), Some(150.0));
    assert_eq!(data["institutions"].as_array().unwrap().len(), 3);

    // The schema is not a rubber stamp: a wrong status or a missing field fails.
    let mut wrong = data.clone();
    wrong["moocs"][0]["status"] = "opened".into();
    assert!(!validator.is_valid(&wrong));
    let mut missing = data;
    missing["moocs"][0].as_object_mut().unwrap().remove("sessions");
    assert!(!validator.is_valid(&missing));
}

#[test]
fn catalogue_csv_opens_in_excel_one_row_per_session() {
    let tmp = TempDir::new("reuse-csv");
    let site = build(&tmp);
    let bytes = &site["catalogue.csv"];
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 with a byte order mark, for Excel");
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(&bytes[3..]);
    let headers = reader.headers().expect("a header row").clone();
    assert_eq!(&headers[0], "mooc");
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap_or_else(|| panic!("column {name}"));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), 4, "two sessions, one planned, one");
    assert!(rows.iter().all(|r| r.len() == headers.len()));
    let v = rows.iter().find(|r| &r[col("mooc")] == "vaccinologie").expect("a row of vaccinologie");
    assert_eq!(
        &v[col("summary")],
        "Des premiers vaccins aux ARN messagers ; « comment » ils protègent,\net pourquoi on dit \"immunité\".",
        "a `;`, a line break and quotes survive"
    );
    let raw = String::from_utf8(bytes.clone()).unwrap();
    assert!(raw.contains("\"Des premiers vaccins aux ARN messagers ; « comment » ils protègent,\net pourquoi on dit \"\"immunité\"\".\""), "quoted, quotes doubled");
    assert!(raw.contains("\r\n"), "rows end with CRLF");
    let planned = rows.iter().find(|r| &r[col("mooc")] == "paludisme").unwrap();
    assert_eq!(
        (&planned[col("start")], &planned[col("planned")], &planned[col("session_status")]),
        ("", "2027-T1", "planned")
    );
    assert_eq!(&v[col("certificate_price")], "150");
    assert_eq!(&rows.iter().find(|r| &r[col("mooc")] == "reseaux").unwrap()[col("institutions")], "IMT Atlantique");

    // `csv_separator = ","`.
    let root = tmp.join("comma");
    common::copy_dir(&fixture_dir("findable"), &root);
    let config = std::fs::read_to_string(root.join("vitrine.toml")).unwrap();
    common::write(&root, "vitrine.toml", &format!("{config}csv_separator = \",\"\n"));
    let comma = build_as_of(&root, &tmp.join("comma-out"), common::TODAY);
    let mut reader = csv::ReaderBuilder::new().delimiter(b',').from_reader(&comma["catalogue.csv"][3..]);
    assert_eq!(reader.records().count(), 4);
}

#[test]
fn the_open_data_page_links_the_files_and_says_the_licence_in_both_languages() {
    let tmp = TempDir::new("reuse-page");
    let site = build(&tmp);
    for (path, words) in [("open-data/index.html", "Données ouvertes"), ("en/open-data/index.html", "Open data")] {
        let page = text(&site, path);
        assert!(page.contains(words), "{path}");
        for file in ["href=\"/catalogue.json\"", "href=\"/catalogue.csv\"", "href=\"/catalogue-1.schema.json\""] {
            assert!(page.contains(file), "{path}: {file}");
        }
        assert!(page.contains("<a href=\"https://www.etalab.gouv.fr/licence-ouverte-open-licence/\" rel=\"license\">Licence Ouverte / Etalab 2.0</a>"), "{path}");
    }
    assert!(text(&site, "index.html").contains("href=\"/open-data/\""), "linked from every page's footer");

    // Without a licence, the page says so.
    let root = tmp.join("no-licence");
    common::copy_dir(&fixture_dir("minimal"), &root);
    let built = build_as_of(&root, &tmp.join("no-licence-out"), common::TODAY);
    assert!(text(&built, "open-data/index.html").contains("n’indique pas de licence"));
    let data: Value = serde_json::from_slice(&built["catalogue.json"]).unwrap();
    assert!(data["licence"].is_null());
}

#[test]
fn the_sitemap_dates_each_page_by_its_content_not_by_the_clock() {
    let tmp = TempDir::new("reuse-sitemap");
    let site = build(&tmp);
    let sitemap = text(&site, "sitemap.xml");
    let lastmod = |loc: &str| -> Option<String> {
        let at = sitemap.find(&format!("<loc>https://moocs.example.org{loc}</loc>")).unwrap_or_else(|| panic!("{loc}"));
        let entry = &sitemap[at..sitemap[at..].find("</url>").unwrap() + at];
        entry.split("<lastmod>").nth(1).map(|l| l.split("</lastmod>").next().unwrap().to_string())
    };
    // The start of its open session, after its `updated`.
    assert_eq!(lastmod("/moocs/vaccinologie/").as_deref(), Some("2026-11-09"));
    assert_eq!(lastmod("/en/moocs/vaccinologie/").as_deref(), Some("2026-11-09"));
    // Planned for 2027: its `published`.
    assert_eq!(lastmod("/moocs/paludisme/").as_deref(), Some("2026-10-15"));
    assert_eq!(lastmod("/a-propos/").as_deref(), Some("2026-02-14"));
    assert_eq!(lastmod("/institutions/institut-pasteur/").as_deref(), Some("2026-11-09"));
    assert_eq!(lastmod("/institutions/imt/"), None, "nothing dated");
    // A day later nothing changed in the content: the same sitemap.
    let next = build_as_of(&fixture_dir("findable"), &tmp.join("next"), "2026-11-24");
    assert_eq!(site["sitemap.xml"], next["sitemap.xml"]);
}
