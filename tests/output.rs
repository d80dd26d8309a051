//! The output folder (README and docs/decisions.md, "Output"): the site is
//! built in `.<output>.vitrine-tmp-<pid>` beside the output folder and
//! swapped in only at the end; nothing else is written, anywhere, but the
//! build cache `.<output>.vitrine-cache` beside it (none with `--no-cache`,
//! docs/decisions.md, "Build cache"); a second
//! build replaces the output wholesale; an output folder that is, or
//! contains, the site folder (or lies inside content/) is refused and
//! nothing is deleted.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Output;

use common::{TempDir, TODAY};

type Tree = BTreeMap<String, Vec<u8>>;

/// `vitrine build --root site --output OUT --today …`, run from `cwd`.
fn build_in(cwd: &Path, root: &str, out: &str) -> Output {
    common::vitrine()
        .current_dir(cwd)
        .args(["build", "--root", root, "--output", out, "--today", TODAY])
        .output()
        .expect("run the vitrine binary")
}

/// Entries of `dir` left by a build in progress or an interrupted swap.
fn leftovers(dir: &Path) -> Vec<String> {
    common::entry_names(dir)
        .into_iter()
        .filter(|n| n.contains(".vitrine-tmp-") || n.contains(".vitrine-old-"))
        .collect()
}

/// Checks that every file of `before` is still in `root`, unchanged.
fn assert_files_kept(root: &Path, before: &Tree) {
    let after = common::read_tree(root);
    for (path, bytes) in before {
        match after.get(path) {
            None => panic!("{path} was deleted from the site"),
            Some(b) => assert!(b == bytes, "{path} was changed"),
        }
    }
}

#[test]
fn build_writes_nothing_outside_the_output_folder() {
    let tmp = TempDir::new("output-nothing-outside");
    common::minimal_site_in(&tmp);
    let site_before = common::read_tree(&tmp.join("site"));
    let output = build_in(&tmp.path, "site", "OUT");
    assert!(output.status.success(), "{}", common::describe(&output));

    assert_eq!(
        common::entry_names(&tmp.path),
        [".OUT.vitrine-cache", "OUT", "site"],
        "only the site, the output folder and its cache"
    );
    assert!(leftovers(&tmp.path).is_empty());
    std::fs::remove_dir_all(tmp.join(".OUT.vitrine-cache")).expect("removable");
    let output = common::vitrine()
        .current_dir(&tmp.path)
        .args(["build", "--no-cache", "--root", "site", "--output", "OUT", "--today", TODAY])
        .output()
        .expect("run the vitrine binary");
    assert!(output.status.success(), "{}", common::describe(&output));
    assert_eq!(common::entry_names(&tmp.path), ["OUT", "site"], "--no-cache: only the site and the output folder");
    assert_eq!(
        common::read_tree(&tmp.join("site")),
        site_before,
        "the site folder is untouched (no public/, no cache)"
    );
    let built = common::read_tree(&tmp.join("OUT"));
    assert!(built.contains_key("index.html") && built.contains_key("moocs/rage/index.html"), "{:?}", built.keys());
}

#[test]
fn second_build_replaces_the_output() {
    let tmp = TempDir::new("output-replace");
    let root = common::minimal_site_in(&tmp);
    common::write(
        &root,
        "content/moocs/ephemere.md",
        "+++\ntitle = \"Éphémère\"\nsummary = \"Un cours retiré du catalogue.\"\nlanguages = [\"fr\"]\n\
         institutions = [\"imt\"]\nplatform = \"fun-mooc\"\n+++\n",
    );
    let first = build_in(&tmp.path, "site", "OUT");
    assert!(first.status.success(), "{}", common::describe(&first));
    let out = tmp.join("OUT");
    assert!(out.join("moocs/ephemere/index.html").is_file());

    // Something stale in the output, and a MOOC removed from the content.
    common::write(&out, "stale.html", "<p>old</p>");
    common::write(&out, "moocs/old-course/index.html", "<p>old</p>");
    std::fs::remove_file(root.join("content/moocs/ephemere.md")).expect("remove the MOOC");

    let second = build_in(&tmp.path, "site", "OUT");
    assert!(second.status.success(), "{}", common::describe(&second));
    assert!(!out.join("stale.html").exists(), "a file of the previous output is gone");
    assert!(!out.join("moocs/old-course").exists(), "a folder of the previous output is gone");
    assert!(!out.join("moocs/ephemere").exists(), "the page of a removed MOOC is gone");
    assert!(out.join("moocs/rage/index.html").is_file());
    assert_eq!(common::entry_names(&tmp.path), [".OUT.vitrine-cache", "OUT", "site"]);
    assert!(leftovers(&tmp.path).is_empty());
}

#[test]
fn output_at_the_site_root_is_refused_and_nothing_is_deleted() {
    let tmp = TempDir::new("output-is-root");
    let root = common::minimal_site_in(&tmp);
    let before = common::read_tree(&root);
    for out in ["site", "site/", "site/.", "."] {
        let output = build_in(&tmp.path, "site", out);
        assert!(!output.status.success(), "--output {out} must be refused: {}", common::describe(&output));
        assert_eq!(output.status.code(), Some(2), "a usage error: {}", common::describe(&output));
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("output folder"),
            "the error says why: {}",
            common::describe(&output)
        );
        assert_eq!(common::read_tree(&root), before, "--output {out}: the site is untouched");
        assert_eq!(common::entry_names(&tmp.path), ["site"], "--output {out}: nothing written beside the site");
    }
}

#[test]
fn output_inside_content_is_refused() {
    let tmp = TempDir::new("output-in-content");
    let root = common::minimal_site_in(&tmp);
    let before = common::read_tree(&root);
    for out in ["site/content", "site/content/moocs", "site/content/public"] {
        let output = build_in(&tmp.path, "site", out);
        assert_eq!(output.status.code(), Some(2), "--output {out}: {}", common::describe(&output));
        assert_eq!(common::read_tree(&root), before, "--output {out}: the site is untouched");
    }
}

#[test]
fn output_spelled_with_dotdot_to_the_site_root_deletes_nothing() {
    let tmp = TempDir::new("output-dotdot-safe");
    let root = common::minimal_site_in(&tmp);
    std::fs::create_dir(root.join("static")).expect("mkdir static");
    common::write(&root, "static/logo.txt", "logo");
    let before = common::read_tree(&root);
    for out in ["site/static/..", "site/content/..", "site/.."] {
        let output = build_in(&tmp.path, "site", out);
        assert!(!output.status.success(), "--output {out} must fail: {}", common::describe(&output));
        assert_files_kept(&root, &before);
    }
}

#[test]
fn output_spelled_with_dotdot_to_the_site_root_is_refused_up_front() {
    let tmp = TempDir::new("output-dotdot-refused");
    let root = common::minimal_site_in(&tmp);
    std::fs::create_dir(root.join("static")).expect("mkdir static");
    common::write(&root, "static/logo.txt", "logo");
    let before = common::read_tree(&root);
    for out in ["site/static/..", "site/.."] {
        let output = build_in(&tmp.path, "site", out);
        assert_eq!(output.status.code(), Some(2), "--output {out}: {}", common::describe(&output));
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("would replace the site's own files"),
            "--output {out} is refused as the site folder: {}",
            common::describe(&output)
        );
        assert_eq!(common::read_tree(&root), before, "--output {out}: nothing written into the site");
        assert_eq!(common::entry_names(&tmp.path), ["site"], "--output {out}: nothing written beside it");
    }
}

#[test]
fn output_containing_the_site_is_refused() {
    let tmp = TempDir::new("output-contains-site");
    let root = common::minimal_site_in(&tmp);
    let before = common::read_tree(&root);
    let output = build_in(&tmp.path, "site", &tmp.path.to_string_lossy());
    assert_eq!(output.status.code(), Some(2), "{}", common::describe(&output));
    assert_eq!(common::read_tree(&root), before, "the site is untouched");
    assert_eq!(common::entry_names(&tmp.path), ["site"]);
}

#[test]
fn failed_build_keeps_the_previous_output_and_leaves_no_staging_folder() {
    let tmp = TempDir::new("output-failed");
    let root = common::minimal_site_in(&tmp);
    let first = build_in(&tmp.path, "site", "OUT");
    assert!(first.status.success(), "{}", common::describe(&first));
    let previous = common::read_tree(&tmp.join("OUT"));
    common::write(&root, "content/moocs/casse.md", "+++\ntitle = \"Cassé\"\n+++\n");
    let second = build_in(&tmp.path, "site", "OUT");
    assert_eq!(second.status.code(), Some(1), "{}", common::describe(&second));
    assert_eq!(common::read_tree(&tmp.join("OUT")), previous, "the previous output is untouched");
    assert!(leftovers(&tmp.path).is_empty(), "{:?}", common::entry_names(&tmp.path));
}

#[test]
fn output_that_is_an_existing_file_is_refused_and_the_file_kept() {
    let tmp = TempDir::new("output-is-a-file");
    common::minimal_site_in(&tmp);
    common::write(&tmp.path, "notes.txt", "important\n");
    let output = build_in(&tmp.path, "site", "notes.txt");
    assert_eq!(output.status.code(), Some(2), "{}", common::describe(&output));
    assert_eq!(std::fs::read_to_string(tmp.join("notes.txt")).ok().as_deref(), Some("important\n"), "the file is kept");
    assert!(leftovers(&tmp.path).is_empty(), "{:?}", common::entry_names(&tmp.path));
}

/// A symbolic link in `static/` or in a bundle is not followed: what it
/// points to (here a file and a folder outside the site) is not copied into
/// the output, and each link is a warning that names it (`--deny-warnings`
/// makes it fail the build).
#[cfg(unix)]
#[test]
fn symbolic_links_are_warned_about_and_not_published() {
    let tmp = TempDir::new("output-links");
    let root = common::site_with_links_out(&tmp);
    let output = build_in(&tmp.path, "site", "OUT");
    assert!(output.status.success(), "links are warnings, not errors: {}", common::describe(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for link in ["static/secret.txt", "static/outside"] {
        assert!(
            stderr.lines().any(|l| l.contains(link)) && stderr.contains("symbolic link: vitrine does not follow links"),
            "{link} is reported: {stderr}"
        );
    }
    let built = common::read_tree(&tmp.join("OUT"));
    assert!(built.contains_key("real.txt"));
    assert!(
        built.keys().all(|k| !k.contains("secret") && !k.starts_with("outside")),
        "nothing behind a link is published: {:?}",
        built.keys().collect::<Vec<_>>()
    );
    assert!(built.values().all(|b| !String::from_utf8_lossy(b).contains("top secret")));
    assert!(
        root.join("static/secret.txt").symlink_metadata().is_ok_and(|m| m.file_type().is_symlink()),
        "the build leaves the writer's links alone"
    );

    let strict = common::vitrine()
        .current_dir(&tmp.path)
        .args(["build", "--root", "site", "--output", "OUT2", "--today", TODAY, "--deny-warnings"])
        .output()
        .expect("run the vitrine binary");
    assert_eq!(strict.status.code(), Some(1), "{}", common::describe(&strict));
}
