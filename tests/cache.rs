//! The build cache (issue 19, `output::incremental`): a second `vitrine
//! build` into the same output folder writes only the files whose bytes
//! change, so every other file keeps its inode and modification time, and
//! the tree is the one a clean build makes.

#![cfg(unix)]

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use common::TempDir;

/// `(inode, modification time)` of every file under `dir`.
fn stamps(dir: &Path) -> BTreeMap<String, (u64, i64, i64)> {
    common::read_tree(dir)
        .into_keys()
        .map(|rel| {
            let m = fs::metadata(dir.join(&rel)).expect("a file");
            (rel, (m.ino(), m.mtime(), m.mtime_nsec()))
        })
        .collect()
}

/// Files created, replaced or removed between two stamps.
fn touched(before: &BTreeMap<String, (u64, i64, i64)>, after: &BTreeMap<String, (u64, i64, i64)>) -> Vec<String> {
    let mut v: Vec<String> = after.iter().filter(|(p, s)| before.get(*p) != Some(*s)).map(|(p, _)| p.clone()).collect();
    v.extend(before.keys().filter(|p| !after.contains_key(*p)).cloned());
    v.sort();
    v
}

/// Files whose bytes differ between two trees (or that only one has).
fn differing(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let mut v: Vec<String> = b.iter().filter(|(p, x)| a.get(*p) != Some(*x)).map(|(p, _)| p.clone()).collect();
    v.extend(a.keys().filter(|p| !b.contains_key(*p)).cloned());
    v.sort();
    v
}

/// A clean build of `root` (no cache) into a fresh folder: its files.
fn clean(tmp: &TempDir, root: &Path, label: &str) -> BTreeMap<String, Vec<u8>> {
    let out = tmp.join(label);
    let output = common::vitrine()
        .args(["build", "--no-cache", "--today", common::TODAY, "--root"])
        .arg(root)
        .arg("--output")
        .arg(&out)
        .output()
        .expect("run vitrine");
    assert!(output.status.success(), "{}", common::describe(&output));
    assert!(!tmp.join(&format!(".{label}.vitrine-cache")).exists(), "--no-cache keeps no cache");
    common::read_tree(&out)
}

/// Lets file times move on, so that a file written again would show it.
fn tick() {
    std::thread::sleep(std::time::Duration::from_millis(30));
}

#[test]
fn a_second_build_writes_only_the_files_whose_bytes_change() {
    let tmp = TempDir::new("cache");
    let root = tmp.join("site");
    common::copy_dir(&common::fixture_dir("bilingual"), &root);
    let out = tmp.join("public");
    common::build_ok(&root, &out);
    assert!(tmp.join(".public.vitrine-cache").is_dir(), "the cache is beside the output");
    let first = common::read_tree(&out);
    assert_eq!(first, clean(&tmp, &root, "clean0"));

    // Nothing changed: no file is written.
    let before = stamps(&out);
    tick();
    common::build_ok(&root, &out);
    assert_eq!(touched(&before, &stamps(&out)), Vec::<String>::new(), "no file written when nothing changed");
    assert_eq!(common::read_tree(&out), first);

    // One MOOC edited: exactly the files whose bytes change are written
    // (its page, the lists that show it, the search index…), and the tree
    // is a clean build's.
    let slug = "paludisme";
    let file = root.join(format!("content/moocs/{slug}.md"));
    let text = fs::read_to_string(&file).expect("a MOOC file");
    fs::write(&file, format!("{text}\nUne phrase de plus sur ce cours.\n")).expect("writable");
    let before = stamps(&out);
    tick();
    common::build_ok(&root, &out);
    let after = common::read_tree(&out);
    let expected = clean(&tmp, &root, "clean1");
    assert!(after == expected, "the tree differs from a clean build's: {:?}", differing(&expected, &after));
    let written = touched(&before, &stamps(&out));
    let changed = differing(&first, &after);
    assert_eq!(written, changed, "written: the files whose bytes changed, and only those");
    assert!(written.iter().any(|p| p == &format!("moocs/{slug}/index.html")), "{written:?}");
    assert!(written.len() < first.len() / 4, "{} of {} files written", written.len(), first.len());

    // And back: the previous site in the cache is brought up to date.
    fs::write(&file, text).expect("writable");
    tick();
    common::build_ok(&root, &out);
    assert!(common::read_tree(&out) == first, "back to the first site");
}

#[test]
fn files_changed_or_added_in_the_output_by_hand_are_put_right() {
    let tmp = TempDir::new("cache-hand");
    let root = tmp.join("site");
    common::copy_dir(&common::fixture_dir("minimal"), &root);
    let out = tmp.join("public");
    common::build_ok(&root, &out);
    let built = common::read_tree(&out);
    tick();
    fs::write(out.join("index.html"), "edited by hand").expect("writable");
    fs::write(out.join("extra.txt"), "added by hand").expect("writable");
    fs::remove_file(out.join("404.html")).expect("removable");
    common::build_ok(&root, &out);
    assert!(common::read_tree(&out) == built, "the next build makes the site again");
    // Twice: the cache's previous site had the hand-made files too.
    common::build_ok(&root, &out);
    assert!(common::read_tree(&out) == built);
}

/// `vitrine build` with the build cache, as the command runs it.
fn cached_build(opts: &vitrine::Options) -> vitrine::render::Stats {
    let report = vitrine::build(opts);
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    report.stats
}

#[test]
fn a_second_build_renders_only_the_pages_an_edit_makes_stale() {
    let tmp = TempDir::new("cache-render");
    let root = tmp.join("site");
    common::copy_dir(&common::fixture_dir("bilingual"), &root);
    let out = tmp.join("public");
    let opts = vitrine::Options { output: Some(out.clone()), cache: true, ..common::options(&root) };
    let first = cached_build(&opts);
    assert_eq!(first.rendered, first.pages, "a first build renders every page");
    assert!(tmp.join(".public.vitrine-cache/render.bin").is_file(), "what it rendered is kept beside the output");

    // Nothing changed: only the catalogue pages (`/moocs/`, one a
    // language), which name the search index, are rendered.
    let again = cached_build(&opts);
    assert_eq!((again.rendered, again.pages), (2, first.pages));

    // One MOOC's text: its page in both languages and the lists that show
    // it, not the pages of the other MOOCs; the tree is a clean build's.
    let file = root.join("content/moocs/paludisme.md");
    let text = fs::read_to_string(&file).expect("a MOOC file");
    fs::write(&file, format!("{text}\nUne phrase de plus sur ce cours.\n")).expect("writable");
    let edited = cached_build(&opts);
    assert!(edited.rendered > 2 && edited.rendered < first.pages, "{edited:?}");
    let expected = clean(&tmp, &root, "clean-render1");
    assert!(common::read_tree(&out) == expected, "{:?}", differing(&expected, &common::read_tree(&out)));

    // Anything but a MOOC (an institution's name is on many pages):
    // every page.
    let file = root.join("content/institutions/institut-pasteur.md");
    let text = fs::read_to_string(&file).expect("an institution file");
    fs::write(&file, text.replacen("Institut Pasteur", "Institut Pasteur de Paris", 1)).expect("writable");
    let all = cached_build(&opts);
    assert_eq!(all.rendered, all.pages);
    let expected = clean(&tmp, &root, "clean-render2");
    assert!(common::read_tree(&out) == expected, "{:?}", differing(&expected, &common::read_tree(&out)));

    // A page of the output changed by hand: the cache cannot vouch for the
    // output any more, so every page is rendered, and the page put right.
    let page = out.join("moocs/rage/index.html");
    fs::write(&page, "edited by hand").expect("writable");
    let repaired = cached_build(&opts);
    assert_eq!(repaired.rendered, repaired.pages);
    assert!(common::read_tree(&out) == expected, "{:?}", differing(&expected, &common::read_tree(&out)));

    // Without the kept records (a build stopped half-way leaves none):
    // every page, and the same tree.
    fs::remove_file(tmp.join(".public.vitrine-cache/render.bin")).expect("the records");
    let without = cached_build(&opts);
    assert_eq!(without.rendered, without.pages);
    assert!(common::read_tree(&out) == expected);
}
