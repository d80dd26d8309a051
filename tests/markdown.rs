//! Markdown in content bodies (CONTENT-MODEL.md, "Markdown"): CommonMark
//! plus tables, footnotes, strikethrough, task lists, heading anchors
//! (accent-folded, unique per page, `{#custom}` kept), `@/…` links
//! resolved to URLs, and fenced code highlighted with classes (never inline
//! styles), on a copy of tests/fixtures/minimal whose MOOC `reseaux` gets
//! the body below.

mod common;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use common::{attr, elements, tags, TempDir};

const FRONT: &str = r#"+++
title = "Principes des réseaux de données"
summary = "Comment les données circulent sur Internet : couches, protocoles et adressage."
languages = ["fr"]
institutions = ["imt"]
platform = "fun-mooc"
subjects = ["Réseaux"]
level = "beginner"

[[sessions]]
start = 2024-01-08
pacing = "self"
+++
"#;

const BODY: &str = r#"
## Épidémies

Premier passage.

## Épidémies

Second passage.

| couche | protocole |
|--------|-----------|
| réseau | IP |
| transport | TCP |

Une affirmation sourcée[^source] et du texte ~~barré~~.

[^source]: La note de bas de page.

- [x] tâche faite
- [ ] tâche à faire

### Titre choisi {#custom}

Voir [la rage](@/moocs/rage.md), [ses sessions](@/moocs/rage.md#sessions-title)
et [qui nous sommes](@/pages/a-propos.md).

```c
#include <stdio.h>
int main(void) { return 0; }
```

```nolang
<b>pas du gras</b> & "guillemets"
```
"#;

/// `/moocs/reseaux/index.html` of the fixture site, built once.
fn page() -> &'static str {
    static PAGE: OnceLock<String> = OnceLock::new();
    PAGE.get_or_init(|| built_page(BODY, "/moocs/reseaux/index.html"))
}

/// Builds the minimal site with `body` as the body of `reseaux` and returns
/// the page at `path`.
fn built_page(body: &str, path: &str) -> String {
    let tmp = TempDir::new("markdown");
    let root = common::minimal_site_in(&tmp);
    common::write(&root, "content/moocs/reseaux.md", &format!("{FRONT}{body}"));
    let out = tmp.join("public");
    common::build_ok(&root, &out);
    let files: BTreeMap<String, Vec<u8>> = common::read_tree(&out);
    let bytes = files.get(path.trim_start_matches('/')).unwrap_or_else(|| panic!("{path} not built"));
    String::from_utf8(bytes.clone()).expect("UTF-8")
}

#[test]
fn tables_are_rendered() {
    let tables = elements(page(), "table");
    let table = tables.iter().find(|t| t.contains("couche")).expect("the Markdown table");
    assert!(table.contains("<th>couche</th><th>protocole</th>"), "{table}");
    assert!(table.contains("<tr><td>réseau</td><td>IP</td></tr>"), "{table}");
    assert!(table.contains("<tr><td>transport</td><td>TCP</td></tr>"), "{table}");
}

#[test]
fn footnote_reference_links_to_its_definition() {
    let html = page();
    let sup = elements(html, "sup");
    let reference = sup.iter().find(|s| s.contains("footnote-reference")).expect("a footnote reference");
    let href = tags(reference, "a").iter().find_map(|a| attr(a, "href")).expect("a link in the reference");
    let target = href.strip_prefix('#').unwrap_or_else(|| panic!("an anchor, not {href}"));
    let definition = tags(html, "div")
        .into_iter()
        .find(|d| attr(d, "id") == Some(target))
        .unwrap_or_else(|| panic!("the definition with id `{target}`"));
    assert!(definition.contains("footnote-definition"), "{definition}");
    assert!(html.contains("La note de bas de page."));
    assert!(!html.contains("[^source]"), "no raw footnote syntax left");
}

#[test]
fn strikethrough_becomes_del() {
    assert!(page().contains("<del>barré</del>"));
    assert!(!page().contains("~~"));
}

#[test]
fn task_lists_become_disabled_checkboxes() {
    let boxes: Vec<&str> = tags(page(), "input").into_iter().filter(|i| attr(i, "type") == Some("checkbox")).collect();
    assert_eq!(boxes.len(), 2, "{boxes:?}");
    assert!(boxes.iter().all(|b| b.contains("disabled")), "read-only: {boxes:?}");
    assert!(boxes[0].contains("checked") && !boxes[1].contains("checked"), "[x] then [ ]: {boxes:?}");
    assert!(!page().contains("[x]") && !page().contains("[ ]"));
}

#[test]
fn heading_ids_are_accent_folded_and_unique() {
    let html = page();
    assert!(html.contains("<h2 id=\"epidemies\">Épidémies</h2>"), "first heading");
    assert!(html.contains("<h2 id=\"epidemies-1\">Épidémies</h2>"), "second heading, same text");
}

#[test]
fn custom_heading_id_is_kept() {
    let html = page();
    assert!(
        html.contains("<h3 id=\"custom\">Titre choisi</h3>"),
        "{}",
        html.lines().find(|l| l.contains("Titre")).unwrap_or("")
    );
    assert!(!html.contains("{#custom}"));
}

#[test]
fn internal_links_are_resolved_to_urls() {
    let hrefs: Vec<&str> = tags(page(), "a").into_iter().filter_map(|a| attr(a, "href")).collect();
    for url in ["/moocs/rage/", "/moocs/rage/#sessions-title", "/a-propos/"] {
        assert!(hrefs.contains(&url), "link to {url} in {hrefs:?}");
    }
    assert!(!hrefs.iter().any(|h| h.starts_with('@')), "no `@/` link left: {hrefs:?}");
}

#[test]
fn fenced_code_is_highlighted_with_classes_only() {
    let pres = elements(page(), "pre");
    let c = pres.iter().find(|p| p.contains("main")).expect("the C block");
    assert!(c.contains("class=\"hl-"), "{c}");
    assert!(!c.contains("style="), "no inline style: {c}");
    assert!(!c.contains("<stdio.h>"), "code is escaped: {c}");
    for pre in &pres {
        assert!(!pre.contains("style="), "no inline style: {pre}");
    }
}

#[test]
fn fenced_code_in_an_unknown_language_is_escaped_as_is() {
    let pres = elements(page(), "pre");
    let plain = pres.iter().find(|p| p.contains("pas du gras")).expect("the nolang block");
    assert!(plain.contains("&lt;b&gt;pas du gras&lt;/b&gt; &amp; &quot;guillemets&quot;"), "{plain}");
    assert!(!plain.contains("<b>"), "{plain}");
    assert!(!plain.contains("class=\"hl-"), "not highlighted: {plain}");
}

#[test]
fn dangling_internal_link_fails_the_build() {
    let tmp = TempDir::new("markdown-dangling");
    let root = common::minimal_site_in(&tmp);
    common::write(&root, "content/moocs/reseaux.md", &format!("{FRONT}\nVoir [ce cours](@/moocs/inconnu.md).\n"));
    let out = tmp.join("public");
    let output = common::vitrine()
        .arg("build")
        .arg("--root")
        .arg(&root)
        .arg("--output")
        .arg(&out)
        .args(["--today", common::TODAY])
        .output()
        .expect("run vitrine");
    assert_eq!(output.status.code(), Some(1), "{}", common::describe(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("@/moocs/inconnu.md"), "the error names the link: {stderr}");
    assert!(!out.exists(), "nothing is written");
}

/// Every `id` of a MOOC page, with how many times it occurs.
fn id_counts(html: &str) -> BTreeMap<String, usize> {
    let mut ids = BTreeMap::new();
    for part in html.split('<').skip(1) {
        let tag = &part[..part.find('>').unwrap_or(part.len())];
        if let Some(id) = attr(tag, "id") {
            *ids.entry(id.to_string()).or_insert(0) += 1;
        }
    }
    ids
}

#[test]
fn ids_are_unique_on_a_page_with_ordinary_headings() {
    let dup: Vec<(String, usize)> = id_counts(page()).into_iter().filter(|(_, n)| *n > 1).collect();
    assert!(dup.is_empty(), "duplicate ids: {dup:?}");
}

#[test]
fn heading_ids_do_not_take_the_session_row_anchors() {
    let html =
        built_page("\n## Session 1\n\nLa première session.\n\n## Sessions caption\n", "/moocs/reseaux/index.html");
    assert!(html.contains("<tr id=\"session-1\""), "the session row keeps its documented anchor");
    assert!(
        html.contains("<caption id=\"sessions-caption\">"),
        "the sessions table keeps the id that names its region"
    );
    let dup: Vec<(String, usize)> = id_counts(&html).into_iter().filter(|(_, n)| *n > 1).collect();
    assert!(dup.is_empty(), "duplicate ids: {dup:?}");
}

#[test]
fn heading_ids_do_not_collide_with_footnote_ids() {
    let html = built_page("\n## 1\n\nUne note[^1].\n\n[^1]: Le texte de la note.\n", "/moocs/reseaux/index.html");
    let dup: Vec<(String, usize)> = id_counts(&html).into_iter().filter(|(_, n)| *n > 1).collect();
    assert!(dup.is_empty(), "duplicate ids: {dup:?}");
}
