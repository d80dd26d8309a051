//! What a public site must publish (issue 22): the accessibility statement
//! from `[accessibility]`, the legal notice and privacy page from `[legal]`,
//! in every language, linked from every footer; the visit counter of
//! `[analytics]`; and the problems these sections can have, each with its
//! place and a hint.

mod common;

use std::fs;

use common::{build_ok, describe, minimal_site_in, repo_root, run, write, TempDir, TODAY};

/// The bundled site, built once per test that needs it.
fn bundled(dir: &TempDir) -> std::path::PathBuf {
    let out = dir.join("out");
    build_ok(&repo_root(), &out);
    out
}

/// Adds `extra` at the end of the site's `vitrine.toml`.
fn configure(root: &std::path::Path, extra: &str) {
    let toml = fs::read_to_string(root.join("vitrine.toml")).expect("vitrine.toml");
    write(root, "vitrine.toml", &format!("{toml}\n{extra}"));
}

/// What `vitrine check` of the site printed; it must fail on content.
fn check_fails(root: &std::path::Path) -> String {
    let output = run(&["check", "--root", root.to_str().expect("utf-8"), "--today", TODAY]);
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    String::from_utf8_lossy(&output.stderr).into_owned()
}

const LEGAL: &str = "[legal]\npublisher = \"P\"\ndirector = \"D\"\nhost = \"H\"\ncontact = \"c@example.org\"\n";

fn read(out: &std::path::Path, rel: &str) -> String {
    fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn the_bundled_site_has_its_statement_legal_notice_and_privacy_page_in_both_languages() {
    let dir = TempDir::new("duties-bundled");
    let out = bundled(&dir);
    for (prefix, words) in [
        ("", ["Déclaration d&#39;accessibilité", "partiellement conforme", "Défenseur des droits", "75\u{a0}%"]),
        ("en/", ["Accessibility statement", "partially compliant", "Défenseur des droits", "75%"]),
    ] {
        let statement = read(&out, &format!("{prefix}accessibility/index.html"));
        for w in words {
            assert!(statement.contains(w), "{prefix}accessibility/ lacks {w:?}");
        }
        assert!(statement.contains("RGAA 4.1.2"));
        assert!(statement.contains("mailto:accessibilite@example.org"));
        assert!(statement.contains("https://formulaire.defenseurdesdroits.fr/"));
        // The tested pages link to the pages of this language.
        assert!(statement.contains(&format!("href=\"/{prefix}parcours/dnm2ip/\"")));
        let legal = read(&out, &format!("{prefix}legal-notice/index.html"));
        for w in [
            "Établissement éditeur du catalogue (exemple)",
            "Hébergeur du site (exemple)",
            "mailto:contact@example.org",
        ] {
            assert!(legal.contains(w), "{prefix}legal-notice/ lacks {w:?}");
        }
        let privacy = read(&out, &format!("{prefix}privacy/index.html"));
        assert!(privacy.contains("mailto:dpo@example.org"));
        assert!(privacy.contains("https://www.cnil.fr/fr/plaintes"));
    }
    // The English statement shows the English sentences of [accessibility.en].
    assert!(read(&out, "en/accessibility/index.html").contains("course platforms (FUN-MOOC, edX, Coursera)"));
    assert!(read(&out, "accessibility/index.html").contains("plateformes de cours (FUN-MOOC, edX, Coursera)"));
}

#[test]
fn every_footer_links_to_the_statement_with_its_level_and_to_the_legal_pages() {
    let dir = TempDir::new("duties-footer");
    let out = bundled(&dir);
    let mut pages = 0;
    for (rel, bytes) in common::read_tree(&out) {
        if !rel.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(&bytes);
        if html.contains("http-equiv=\"refresh\"") {
            continue; // alias redirects have no footer
        }
        let (prefix, level, legal) = if rel.starts_with("en/") {
            ("/en/", "Accessibility: partially compliant", "Legal notice")
        } else {
            ("/", "Accessibilité\u{a0}: partiellement conforme", "Mentions légales")
        };
        let Some(tag) = common::tags(&html, "footer").into_iter().next() else { panic!("{rel}: no footer") };
        let footer = common::element(&html, tag, "footer");
        assert!(footer.contains(&format!("href=\"{prefix}accessibility/\"")), "{rel}: no link to the statement");
        assert!(footer.contains(level), "{rel}: the link does not say the level");
        assert!(footer.contains(&format!("href=\"{prefix}legal-notice/\"")) && footer.contains(legal), "{rel}");
        assert!(footer.contains(&format!("href=\"{prefix}privacy/\"")), "{rel}");
        pages += 1;
    }
    assert!(pages > 200, "{pages} pages");
}

#[test]
fn without_the_sections_there_is_no_page_and_no_link_and_free_pages_keep_those_names() {
    let dir = TempDir::new("duties-none");
    let root = minimal_site_in(&dir);
    write(&root, "content/pages/privacy.md", "+++\ntitle = \"Ma page privée\"\n+++\nTexte.\n");
    let out = dir.join("out");
    build_ok(&root, &out);
    assert!(!out.join("accessibility").exists());
    assert!(!out.join("legal-notice").exists());
    let html = read(&out, "index.html");
    assert!(!html.contains("footer-nav"));
    assert!(read(&out, "privacy/index.html").contains("Ma page privée"));
}

#[test]
fn a_free_page_cannot_take_the_address_of_a_statement() {
    let dir = TempDir::new("duties-clash");
    let root = minimal_site_in(&dir);
    configure(&root, LEGAL);
    write(&root, "content/pages/privacy.md", "+++\ntitle = \"Privé\"\n+++\n");
    let err = check_fails(&root);
    assert!(
        err.contains("a free page cannot be called `privacy`: [legal] in vitrine.toml makes vitrine write /privacy/"),
        "{err}"
    );
    assert!(err.contains("content/pages/privacy.md"), "{err}");
}

#[test]
fn problems_in_the_sections_are_reported_at_their_place_with_a_hint() {
    let dir = TempDir::new("duties-errors");
    let root = minimal_site_in(&dir);
    configure(
        &root,
        "[accessibility]\ncompliance = \"full\"\nrate = 80\ndate = 2026-11-02\npage = [\"/\"]\n\n\
         [legal]\npublisher = \"P\"\nhost = \"H\"\ncontact = \"pas une adresse\"\n\n\
         [analytics]\ncounter = \"//stats.example.org/c\"\n\n[brochure]\nparcours = [\"decouvert\"]\n",
    );
    let err = check_fails(&root);
    for want in [
        "`compliance` is \"full\", but a rate of 80% of criteria met makes it \"partial\"",
        "unknown key `page` in [accessibility]",
        "did you mean `pages`?",
        "the accessibility statement needs a way to reach the site's team",
        "required key `director` is missing",
        "`contact` must be an e-mail address or a web address, not `pas une adresse`",
        "`counter` must be a path of the site (`/…`) or an address starting with https://",
        "[brochure] names parcours `decouvert`, which does not exist",
        "did you mean `decouverte`?",
    ] {
        assert!(err.contains(want), "missing {want:?} in:\n{err}");
    }
    assert!(err.contains("vitrine.toml:"), "{err}");
}

#[test]
fn the_counter_is_asked_once_per_page_with_the_page_path() {
    let dir = TempDir::new("duties-counter");
    let root = minimal_site_in(&dir);
    configure(&root, &format!("[analytics]\ncounter = \"/stats/count?p={{path}}\"\n\n{LEGAL}"));
    let out = dir.join("out");
    build_ok(&root, &out);
    let html = read(&out, "moocs/rage/index.html");
    let imgs: Vec<&str> = common::tags(&html, "img").into_iter().filter(|t| t.contains("class=\"counter\"")).collect();
    assert_eq!(imgs.len(), 1, "{html}");
    assert_eq!(common::attr(imgs[0], "src"), Some("/stats/count?p=%2Fmoocs%2Frage%2F"));
    assert_eq!(common::attr(imgs[0], "alt"), Some(""));
    // The privacy page names the counter's host: the site's own.
    assert!(read(&out, "privacy/index.html").contains("moocs.example.org"));
    // Without [analytics], no counter at all.
    let plain = dir.join("plain");
    build_ok(&repo_root(), &plain);
    assert!(!read(&plain, "index.html").contains("class=\"counter\""));
    assert!(read(&plain, "privacy/index.html").contains("ne mesure pas son audience"));
}
