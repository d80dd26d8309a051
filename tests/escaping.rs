//! Output safety (docs/decisions.md, "Output safety"): whatever the
//! content says, it reaches every page as text, escaped for where it
//! lands, and no file is written outside the output folder.
//!
//! `tests/fixtures/escaping` is the minimal site in two languages with
//! `safe_html = true`, where every text field (titles, summaries, teachers,
//! subjects, prerequisites, awards, notes, the site title) is
//! `</script><script>alert("x")</script> «q» "dq" 'sq' & &amp; <b>b</b> javascript:alert(1) ]]> --> {{ x }}`,
//! every address has quotes and `<script>` in its query, and every body
//! has the same text, raw HTML with an event attribute and a frame.
//! `scripts/validate-html.sh` also runs the Nu HTML checker on its pages.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{TempDir, TODAY};
use scraper::{Html, Selector};

const HOSTILE: &str =
    "</script><script>alert(\"x\")</script> «q» \"dq\" 'sq' & &amp; <b>b</b> javascript:alert(1) ]]> --> {{ x }}";

fn build(root: &Path, out: &Path) -> std::process::Output {
    common::vitrine()
        .args(["build", "--today", TODAY, "--root"])
        .arg(root)
        .arg("--output")
        .arg(out)
        .output()
        .expect("run vitrine")
}

fn built_escaping_site(tmp: &TempDir) -> BTreeMap<String, Vec<u8>> {
    let out = tmp.join("out");
    let output = build(&common::fixture_dir("escaping"), &out);
    assert!(output.status.success(), "{}", common::describe(&output));
    common::read_tree(&out)
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("UTF-8 output")
}

#[test]
fn every_page_shows_hostile_text_as_text_and_runs_only_the_themes_scripts() {
    let tmp = TempDir::new("escaping-pages");
    let site = built_escaping_site(&tmp);
    let all = Selector::parse("*").expect("selector");
    let scripts = Selector::parse("script").expect("selector");
    let mut pages = 0;
    for (path, bytes) in site.iter().filter(|(p, _)| p.ends_with(".html")) {
        pages += 1;
        let doc = Html::parse_document(text(bytes));
        for script in doc.select(&scripts) {
            let e = script.value();
            match (e.attr("src"), e.attr("type")) {
                (Some(src), _) => assert!(
                    ["/status.", "/search.", "/planner.", "/planner-ui.", "/trailer."]
                        .iter()
                        .any(|s| src.starts_with(s)),
                    "{path}: only the theme's scripts: {}",
                    script.html()
                ),
                (None, Some("application/json" | "application/ld+json")) => {
                    let json: String = script.text().collect();
                    assert!(
                        serde_json::from_str::<serde_json::Value>(&json).is_ok(),
                        "{path}: JSON in a script: {json}"
                    );
                }
                _ => panic!("{path}: a script that is not the theme's: {}", script.html()),
            }
        }
        for el in doc.select(&all) {
            for (name, value) in el.value().attrs() {
                assert!(!name.starts_with("on"), "{path}: an event attribute: {}", el.html());
                if matches!(name, "href" | "src" | "action" | "formaction") {
                    assert!(
                        vitrine::markdown::links::refused_scheme(value).is_none(),
                        "{path}: a script link: {}",
                        el.html()
                    );
                    assert!(
                        !value.contains(['"', '<', ' ']),
                        "{path}: an address is written as the URL standard does: {value}"
                    );
                }
            }
            assert!(!["iframe", "object", "embed"].contains(&el.value().name()), "{path}: {}", el.html());
        }
    }
    assert!(pages >= 40, "both languages: {pages} pages");

    // Where the hostile text shows, it is exactly the text written.
    for page in ["moocs/rage/index.html", "en/moocs/rage/index.html"] {
        let doc = Html::parse_document(text(&site[page]));
        let one = |css: &str| -> String {
            let sel = Selector::parse(css).expect("selector");
            doc.select(&sel).next().unwrap_or_else(|| panic!("{page}: no {css}")).text().collect()
        };
        assert!(one("title").starts_with(HOSTILE), "{page}: <title>");
        assert_eq!(one("h1").trim(), HOSTILE, "{page}: <h1>");
        let description = Selector::parse("meta[name=description]").expect("selector");
        let meta = doc.select(&description).next().expect("a description");
        assert_eq!(meta.value().attr("content"), Some(HOSTILE), "{page}: <meta name=description>");
        let body: String = doc.select(&Selector::parse("main").expect("selector")).flat_map(|m| m.text()).collect();
        assert!(body.contains("alert(\"x\")"), "{page}: the body's text is kept as text");
    }
}

#[test]
fn json_search_data_calendars_and_sitemap_are_escaped_for_their_format() {
    let tmp = TempDir::new("escaping-data");
    let site = built_escaping_site(&tmp);
    let mut found_in_json = 0;
    for (path, bytes) in site.iter().filter(|(p, _)| p.ends_with(".json")) {
        let value: serde_json::Value =
            serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{path} is not valid JSON: {e}"));
        if value.to_string().contains(&serde_json::to_string(HOSTILE).expect("JSON string")[1..50]) {
            found_in_json += 1;
        }
    }
    assert!(found_in_json >= 2, "the hostile title is in the grid and search data, as a JSON string");

    let raw = text(&site["moocs/rage/sessions.ics"]);
    assert!(raw.split("\r\n").all(|l| l.len() <= 75), "lines are folded at 75 octets");
    let ics = raw.replace("\r\n ", "");
    let summary = ics.lines().find_map(|l| l.strip_prefix("SUMMARY:")).expect("a SUMMARY line");
    let unescaped = summary.replace("\\,", ",").replace("\\;", ";").replace("\\n", "\n").replace("\\\\", "\\");
    assert_eq!(unescaped.trim_end_matches('\r'), HOSTILE, "the .ics text, unfolded and unescaped, is the title");

    let sitemap = text(&site["sitemap.xml"]);
    for (i, _) in sitemap.match_indices('&') {
        let rest = &sitemap[i..];
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#"].iter().any(|e| rest.starts_with(e)),
            "sitemap.xml: a bare `&`: {}",
            &rest[..rest.len().min(30)]
        );
    }
    let locs: Vec<&str> =
        sitemap.split("<loc>").skip(1).map(|l| l.split("</loc>").next().unwrap_or_default()).collect();
    assert!(locs.len() >= 40 && locs.iter().all(|l| !l.contains(['<', '"', ' '])), "{locs:?}");
}

/// Markdown links and images that would run or embed code are errors at
/// their position; raw HTML is kept unless `safe_html = true`.
#[test]
fn script_and_data_links_in_markdown_are_located_errors() {
    let tmp = TempDir::new("escaping-links");
    let root = common::minimal_site_in(&tmp);
    common::write(
        &root,
        "content/pages/a-propos.md",
        "+++\ntitle = \"À propos\"\n+++\n\n[clic](javascript:alert(1))\n\n![image](data:image/png;base64,AAAA)\n\n\
         [x](JaVa&#9;ScRipt:alert(1))\n\n<vbscript:msgbox(1)>\n",
    );
    let output = build(&root, &tmp.join("out"));
    assert_eq!(output.status.code(), Some(1), "{}", common::describe(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for (scheme, at) in [("javascript:", ":5:1"), ("data:", ":7:1"), ("javascript:", ":9:1"), ("vbscript:", ":11:1")] {
        let place = format!("content/pages/a-propos.md{at}");
        let message = format!("a `{scheme}` link is not allowed");
        assert!(
            stderr.lines().zip(stderr.lines().skip(1)).any(|(m, p)| m.contains(&message) && p.contains(&place)),
            "{message} at {place}: {stderr}"
        );
    }
    assert!(!tmp.join("out").exists(), "nothing is written");
}

#[test]
fn raw_html_is_kept_unless_safe_html_is_set() {
    let tmp = TempDir::new("escaping-safe-html");
    let root = common::minimal_site_in(&tmp);
    common::write(
        &root,
        "content/pages/a-propos.md",
        "+++\ntitle = \"À propos\"\n+++\n\n<iframe title=\"vidéo\" src=\"https://video.example.org/embed/1\"></iframe>\n\n\
         <p onmouseover=\"alert(1)\">texte</p>\n",
    );
    let page = |out: &str| {
        let output = build(&root, &tmp.join(out));
        assert!(output.status.success(), "{}", common::describe(&output));
        String::from_utf8(std::fs::read(tmp.join(out).join("a-propos/index.html")).expect("the page")).expect("UTF-8")
    };
    let kept = page("kept");
    assert!(kept.contains("<iframe title=\"vidéo\"") && kept.contains("onmouseover"), "writers embed videos");
    let config = std::fs::read_to_string(root.join("vitrine.toml")).expect("vitrine.toml");
    common::write(&root, "vitrine.toml", &format!("{config}safe_html = true\n"));
    let cleaned = page("cleaned");
    assert!(!cleaned.contains("<iframe") && !cleaned.contains("onmouseover"), "{cleaned}");
    assert!(cleaned.contains("<p>texte</p>"), "the text stays");
}

/// Slugs come from file names, aliases and image paths from the writer:
/// none of them can make vitrine write, copy or publish a file outside
/// the output folder, whether by `..`, an absolute path or a link.
#[cfg(unix)]
#[test]
fn no_alias_image_path_or_link_reaches_outside_the_output_folder() {
    let tmp = TempDir::new("escaping-outside");
    let root = common::minimal_site_in(&tmp);
    common::write(&tmp.path, "secret.jpg", "top secret\n");
    let mooc = std::fs::read_to_string(root.join("content/moocs/rage.md")).expect("read the fixture");
    let outside = tmp.join("evil").to_string_lossy().to_string();
    common::write(
        &root,
        "content/moocs/rage.md",
        &mooc.replacen(
            "level = ",
            &format!(
                "aliases = [\"/../../{outside}/\", \"../up/\", \"/a/../../up/\", \"C:\\\\up\\\\\"]\n\
                 cover = \"../../../secret.jpg\"\ncover_alt = \"x\"\nlevel = "
            ),
            1,
        ),
    );
    common::write(
        &root,
        "content/moocs/bundle/index.md",
        "+++\ntitle = \"Lié\"\nsummary = \"Un MOOC en bundle.\"\nlanguages = [\"fr\"]\ninstitutions = [\"imt\"]\n\
         platform = \"fun-mooc\"\ncover = \"/etc/hostname\"\ncover_alt = \"x\"\n+++\n",
    );
    std::os::unix::fs::symlink(tmp.join("secret.jpg"), root.join("content/moocs/bundle/photo.jpg")).expect("a link");

    let output = build(&root, &tmp.join("out"));
    assert_eq!(output.status.code(), Some(1), "{}", common::describe(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for expected in [
        "content/moocs/rage.md:8:12",
        "must not contain `.` or `..`",
        "must start with `/`",
        "image `../../../secret.jpg` is outside static/",
        "image `/etc/hostname` not found",
        "symbolic link",
    ] {
        assert!(stderr.contains(expected), "{expected}: {stderr}");
    }
    assert_eq!(common::entry_names(&tmp.path), ["secret.jpg", "site"], "nothing written beside the site");

    // Without the bad paths, a body's image that is the link is refused
    // where the body names it (issue 18: images are read from the bundle
    // or static/ only)…
    common::write(&root, "content/moocs/rage.md", &mooc);
    let bundle = |body: &str| {
        format!(
            "+++\ntitle = \"Lié\"\nsummary = \"Un MOOC en bundle.\"\nlanguages = [\"fr\"]\ninstitutions = [\"imt\"]\n\
             platform = \"fun-mooc\"\n+++\n\n{body}\n"
        )
    };
    common::write(&root, "content/moocs/bundle/index.md", &bundle("![photo](photo.jpg)"));
    let output = build(&root, &tmp.join("out"));
    assert_eq!(output.status.code(), Some(1), "{}", common::describe(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("image `photo.jpg` is outside") && stderr.contains("index.md:9:1"), "{stderr}");
    assert_eq!(common::entry_names(&tmp.path), ["secret.jpg", "site"], "nothing written beside the site");
    // …and without it the build succeeds, the link still in the bundle,
    // and publishes nothing that the link points to.
    common::write(&root, "content/moocs/bundle/index.md", &bundle("Sans image."));
    let output = build(&root, &tmp.join("out"));
    assert!(output.status.success(), "{}", common::describe(&output));
    let built = common::read_tree(&tmp.join("out"));
    assert!(
        built.values().all(|b| !String::from_utf8_lossy(b).contains("top secret")),
        "the link's target is not published"
    );
    // Beside the output: only its build cache (docs/decisions.md, "Build cache").
    assert_eq!(common::entry_names(&tmp.path), [".out.vitrine-cache", "out", "secret.jpg", "site"]);
}

/// Issue 17: the hostile title reaches the JSON-LD, the head's tags, the
/// feeds, `catalogue.json` and `catalogue.csv` exactly as written, and
/// inert: no `<`, `>` or `&` inside the JSON-LD's script element.
#[test]
fn structured_data_head_tags_feeds_and_open_data_hold_the_hostile_title_as_text() {
    let tmp = TempDir::new("escaping-findable");
    let site = built_escaping_site(&tmp);
    let raw = text(&site["moocs/rage/index.html"]);
    let block = raw.split("<script type=\"application/ld+json\">").nth(1).expect("JSON-LD").split("</script>").next();
    let block = block.expect("closed by its own end tag");
    assert!(!block.contains(['<', '>', '&']), "written \\u003c, \\u003e, \\u0026: {block}");
    let course: serde_json::Value = serde_json::from_str(block).expect("JSON");
    assert_eq!(course["name"], HOSTILE);
    assert_eq!(course["description"], HOSTILE);
    assert_eq!(course["coursePrerequisites"], HOSTILE);

    let doc = Html::parse_document(raw);
    let meta = |attr: &str, name: &str| -> String {
        let sel = Selector::parse(&format!("meta[{attr}=\"{name}\"]")).expect("selector");
        doc.select(&sel).next().and_then(|m| m.value().attr("content")).unwrap_or_default().to_string()
    };
    assert!(meta("property", "og:title").starts_with(HOSTILE));
    assert_eq!(meta("property", "og:description"), HOSTILE);
    assert_eq!(meta("name", "twitter:description"), HOSTILE);
    assert_eq!(meta("property", "og:image:alt"), HOSTILE, "the drawn card's text alternative");

    for path in ["feeds/moocs.xml", "en/feeds/moocs.xml", "institutions/institut-pasteur/atom.xml"] {
        let feed = feed_rs::parser::parse(&site[path][..]).unwrap_or_else(|e| panic!("{path}: {e}"));
        let titles: Vec<&str> =
            feed.entries.iter().filter_map(|e| e.title.as_ref()).map(|t| t.content.as_str()).collect();
        assert!(titles.contains(&HOSTILE), "{path}: {titles:?}");
    }

    let data: serde_json::Value = serde_json::from_slice(&site["catalogue.json"]).expect("JSON");
    let rage = data["moocs"].as_array().unwrap().iter().find(|m| m["slug"] == "rage").expect("rage");
    assert_eq!((rage["title"].as_str(), rage["summary"].as_str()), (Some(HOSTILE), Some(HOSTILE)));

    let csv = &site["catalogue.csv"];
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(&csv[3..]);
    let title = reader.headers().unwrap().iter().position(|h| h == "title").unwrap();
    let titles: Vec<String> = reader.records().map(|r| r.unwrap()[title].to_string()).collect();
    assert!(titles.iter().any(|t| t == HOSTILE), "{titles:?}");
}
