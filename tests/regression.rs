//! Bugs found by fuzzing (docs/fuzzing.md), one test each, named after the
//! bug, with the input that showed it (reduced by hand to what matters).

mod common;

use std::path::PathBuf;

use vitrine::diagnostic::{Severity, SourceFile};
use vitrine::markdown::{render, Body};

/// Renders `text` as a body; links to `@/…` resolve to `/…/`.
fn render_body(text: &str) -> (String, Vec<vitrine::diagnostic::Diagnostic>) {
    let file = SourceFile::new(PathBuf::from("content/moocs/x.md"), text.to_string());
    let body = Body { file: &file, range: 0..file.text.len(), safe_html: false };
    let mut out = Vec::new();
    let html = render(&body, &|t: &str| Some(format!("/{}/", t.trim_end_matches(".md"))), &mut out);
    (html, out)
}

/// Every ` id="…"` of `html`, in order.
fn ids(html: &str) -> Vec<String> {
    html.match_indices(" id=\"").map(|(i, _)| html[i + 5..].split('"').next().unwrap_or_default().to_string()).collect()
}

fn assert_unique(ids: &[String]) {
    let mut sorted = ids.to_vec();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len(), "ids are unique: {ids:?}");
}

/// Fuzz target `markdown` (crash-caca28ec…, an English MOOC body whose
/// footnote definition was pasted twice): the two definitions became two
/// elements with the id `veolia`, which is invalid HTML and leaves the
/// second one unreachable. Now the second is a located warning and gets
/// its own id.
#[test]
fn a_footnote_defined_twice_gave_two_elements_the_same_id() {
    let text = "Veolia Foundation,[^veolia] brings together microbiologists.\n\n\
                [^veolia]: The Veolia Foundation, long involved.\n\n\
                [^veolia]: The Veolia Foundation, long involved in the fight against\n";
    let (html, out) = render_body(text);
    let ids = ids(&html);
    assert_eq!(ids.iter().filter(|i| i.starts_with("veolia")).count(), 2, "{html}");
    assert_unique(&ids);
    assert_eq!(out.len(), 1, "{out:?}");
    assert_eq!(out[0].severity, Severity::Warning);
    assert_eq!(out[0].line_col(), Some((5, 1)), "at the second definition");
    assert!(out[0].message.contains("the footnote `[^veolia]` is defined twice"), "{}", out[0].message);
}

/// The same bug with heading ids written by hand, and with an id the page
/// around the body already uses (`content`, the skip link's target).
#[test]
fn a_heading_id_given_twice_or_taken_by_the_page_gave_two_elements_the_same_id() {
    let (html, out) = render_body("## Plan {#plan}\n\n## Encore {#plan}\n\n## Contenu {#content}\n");
    let ids = ids(&html);
    assert_unique(&ids);
    assert!(!ids.iter().any(|i| i == "content"), "{ids:?}");
    let at: Vec<_> = out.iter().map(|d| d.line_col()).collect();
    assert_eq!(at, [Some((3, 1)), Some((5, 1))], "{out:?}");
    assert!(out[1].message.contains("`content` is an id the page already uses"), "{}", out[1].message);
}

/// Through a whole build: the warning names the file, line and column.
#[test]
fn a_footnote_defined_twice_is_reported_with_its_place_in_the_file() {
    let tmp = common::TempDir::new("regression-footnote");
    let root = common::minimal_site_in(&tmp);
    let mooc = std::fs::read_to_string(root.join("content/moocs/rage.md")).expect("read the fixture");
    let lines = mooc.lines().count();
    common::write(&root, "content/moocs/rage.md", &format!("{mooc}\nUn renvoi[^a].\n\n[^a]: Un.\n\n[^a]: Deux.\n"));
    let output = common::vitrine()
        .args(["build", "--today", common::TODAY, "--root"])
        .arg(&root)
        .arg("--output")
        .arg(tmp.join("out"))
        .output()
        .expect("run vitrine");
    assert!(output.status.success(), "a warning: {}", common::describe(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let at = format!("content/moocs/rage.md:{}:1", lines + 6);
    assert_eq!(stderr.matches("is defined twice").count(), 1, "reported once: {stderr}");
    assert!(stderr.contains(&at), "at {at}: {stderr}");
}
