//! Card images are not drawn again by a build that replaces a site which
//! has them (issue 17, docs/decisions.md "Card images cost nothing on a
//! second build"): each is named by the hash of everything it is drawn
//! from, so the file of that name in the site being replaced is the card.
//! The site is the same bytes as a clean build's either way.

mod common;

use std::fs;
use std::path::Path;

use common::{fixture_dir, read_tree, TempDir};
use vitrine::Options;

/// The output in `out`, the images' cache beside it (not in the fixture);
/// with `cache`, `vitrine build`'s build cache beside the output too (the
/// cards then come through it).
fn options(root: &Path, out: &Path, cache: bool) -> Options {
    let images = out.with_extension("cache");
    Options { output: Some(out.to_path_buf()), cache_dir: Some(images), cache, ..common::options(root) }
}

/// Builds `root` into `out`: (cards drawn, cards reused).
fn build(root: &Path, out: &Path, cache: bool) -> (usize, usize) {
    let report = vitrine::build(&options(root, out, cache));
    assert!(!vitrine::diagnostic::has_errors(&report.diagnostics), "{:?}", report.diagnostics);
    (report.stats.cards_drawn, report.stats.cards_reused)
}

#[test]
fn a_second_build_draws_no_card_and_writes_the_same_bytes_as_a_clean_one() {
    second_build("card-reuse", false);
}

/// The same with the build cache beside the output: the cards are linked
/// from the output it replaces, and a card cut short there (where the
/// cache's previous site shares its file) is drawn again.
#[test]
fn with_the_build_cache_too() {
    second_build("card-reuse-cached", true);
}

fn second_build(label: &str, cache: bool) {
    let tmp = TempDir::new(label);
    let root = fixture_dir("findable");
    let (out, clean) = (tmp.join("out"), tmp.join("clean"));
    let (drawn, reused) = build(&root, &out, cache);
    assert!(drawn >= 3 && reused == 0, "a first build draws every card: {drawn} drawn, {reused} reused");
    let cards = read_tree(&out).keys().filter(|p| p.rsplit('/').next().is_some_and(|n| n.starts_with("card."))).count();
    assert_eq!(drawn, cards, "one drawing per card file");

    assert_eq!(build(&root, &out, cache), (0, drawn), "the second build takes every card from the first");
    build(&root, &clean, cache);
    assert!(read_tree(&out) == read_tree(&clean), "the site is the same bytes as a clean build's");

    // A card cut short (a killed copy) or not a PNG is drawn again.
    let site = read_tree(&out);
    let card = site.keys().find(|p| p.starts_with("moocs/") && p.contains("/card.")).expect("a MOOC's card");
    let bytes = &site[card];
    fs::write(out.join(card), &bytes[..bytes.len() / 2]).expect("cut the card");
    assert_eq!(build(&root, &out, cache), (1, drawn - 1));
    assert!(read_tree(&out) == read_tree(&clean), "the cut card is drawn whole again");
}

#[test]
fn a_changed_title_draws_that_card_alone() {
    changed_title("card-change", false);
    changed_title("card-change-cached", true);
}

fn changed_title(label: &str, cache: bool) {
    let tmp = TempDir::new(label);
    let root = tmp.join("site");
    common::copy_dir(&fixture_dir("findable"), &root);
    let out = tmp.join("out");
    let (drawn, _) = build(&root, &out, cache);
    let page = root.join("content/moocs/paludisme.md");
    let text = fs::read_to_string(&page).expect("the MOOC's file");
    let title = text.lines().find(|l| l.starts_with("title")).expect("a title line").to_string();
    fs::write(&page, text.replacen(&title, "title = \"Paludisme, nouvelle édition\"", 1)).expect("edit");
    let (again, reused) = build(&root, &out, cache);
    assert!(again >= 1 && again < drawn && again + reused == drawn, "{again} drawn, {reused} reused of {drawn}");
    let clean = tmp.join("clean");
    build(&root, &clean, cache);
    assert!(read_tree(&out) == read_tree(&clean), "the site is the same bytes as a clean build's");
}
