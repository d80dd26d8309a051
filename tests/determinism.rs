//! Reproducible builds (README: "The same content and the same date give a
//! byte-identical site"): the bundled catalogue built twice with the same
//! `--today` gives the same files, byte for byte; `SOURCE_DATE_EPOCH` gives
//! the site of the date it falls on in the site's timezone (Europe/Paris),
//! not in UTC; `--today` wins over `SOURCE_DATE_EPOCH`; and the folder the
//! site lives in does not leak into the output.
//!
//! The catalogue is snapshotted once (vitrine.toml, content/, themes/, …)
//! so that every build of this file sees the same sources.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use common::{TempDir, TODAY};

type Tree = BTreeMap<String, Vec<u8>>;

/// 2026-11-22T23:30:00Z: 00:30 on 2026-11-23 in Paris, still the 22nd in UTC.
const EPOCH_JUST_AFTER_MIDNIGHT_PARIS: &str = "1795390200";
/// 2026-11-23T22:59:00Z: 23:59 on 2026-11-23 in Paris.
const EPOCH_JUST_BEFORE_MIDNIGHT_PARIS: &str = "1795474740";
/// 2026-11-22T22:30:00Z: 23:30 on 2026-11-22 in Paris.
const EPOCH_THE_DAY_BEFORE_PARIS: &str = "1795386600";

/// The sources of the bundled catalogue, read once.
fn sources() -> &'static Tree {
    static SOURCES: OnceLock<Tree> = OnceLock::new();
    SOURCES.get_or_init(|| {
        let root = common::repo_root();
        let mut tree = Tree::new();
        tree.insert(
            "vitrine.toml".into(),
            std::fs::read(root.join("vitrine.toml")).unwrap_or_else(|e| panic!("read vitrine.toml: {e}")),
        );
        for dir in ["content", "themes", "static", "templates"] {
            if root.join(dir).is_dir() {
                for (rel, bytes) in common::read_tree(&root.join(dir)) {
                    tree.insert(format!("{dir}/{rel}"), bytes);
                }
            }
        }
        tree
    })
}

/// Writes the snapshot of the catalogue to `root`.
fn write_sources(root: &Path) {
    for (rel, bytes) in sources() {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, bytes).unwrap_or_else(|e| panic!("write {}: {e}", p.display()));
    }
}

/// Builds a fresh copy of the catalogue at `tmp/<site>` with the given
/// arguments and environment, and returns the output files.
fn build(tmp: &TempDir, site: &str, args: &[&str], epoch: Option<&str>) -> Tree {
    let root = tmp.join(site);
    if !root.join("vitrine.toml").is_file() {
        write_sources(&root);
    }
    let out = tmp.join(&format!("out-{}", common::entry_names(&tmp.path).len()));
    let mut cmd = common::vitrine();
    cmd.arg("build").arg("--root").arg(&root).arg("--output").arg(&out).args(args);
    if let Some(epoch) = epoch {
        cmd.env("SOURCE_DATE_EPOCH", epoch);
    }
    let output = cmd.output().expect("run the vitrine binary");
    assert!(
        output.status.success(),
        "build {args:?} (SOURCE_DATE_EPOCH={epoch:?}) failed: {}",
        common::describe(&output)
    );
    common::read_tree(&out)
}

/// The build with `--today 2026-11-23` every other build is compared to.
fn reference() -> &'static Tree {
    static REFERENCE: OnceLock<Tree> = OnceLock::new();
    REFERENCE.get_or_init(|| {
        let tmp = TempDir::new("determinism-reference");
        build(&tmp, "site", &["--today", TODAY], None)
    })
}

/// Lists every difference between two builds: missing or extra files, and
/// files whose bytes differ (with the first difference in context).
fn differences(a: &Tree, b: &Tree) -> Vec<String> {
    let mut diffs = Vec::new();
    for path in a.keys().filter(|k| !b.contains_key(*k)) {
        diffs.push(format!("only in the first build: {path}"));
    }
    for path in b.keys().filter(|k| !a.contains_key(*k)) {
        diffs.push(format!("only in the second build: {path}"));
    }
    for (path, x) in a {
        let Some(y) = b.get(path) else { continue };
        if x != y {
            let at = x.iter().zip(y.iter()).position(|(p, q)| p != q).unwrap_or(x.len().min(y.len()));
            let around =
                |v: &[u8]| String::from_utf8_lossy(&v[at.saturating_sub(60)..(at + 60).min(v.len())]).to_string();
            diffs.push(format!("{path} differs at byte {at}:\n  first:  {:?}\n  second: {:?}", around(x), around(y)));
        }
    }
    diffs
}

fn assert_same(a: &Tree, b: &Tree, what: &str) {
    assert!(a.len() > 200, "the reference build has {} files", a.len());
    let diffs = differences(a, b);
    assert!(
        diffs.is_empty(),
        "{what}: {} difference(s):\n{}",
        diffs.len(),
        diffs.iter().take(10).cloned().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn two_builds_with_the_same_today_are_byte_identical() {
    let tmp = TempDir::new("determinism-twice");
    let first = build(&tmp, "site", &["--today", TODAY], None);
    let second = build(&tmp, "site", &["--today", TODAY], None);
    assert_same(&first, &second, "two builds of the same folder");
    assert_same(reference(), &first, "a build of another copy of the same sources");
}

#[test]
fn source_date_epoch_is_read_as_a_date_in_the_site_timezone() {
    let tmp = TempDir::new("determinism-epoch");
    let after_midnight = build(&tmp, "site", &[], Some(EPOCH_JUST_AFTER_MIDNIGHT_PARIS));
    assert_same(reference(), &after_midnight, "SOURCE_DATE_EPOCH at 00:30 on 2026-11-23 in Paris (22nd in UTC)");
    let before_midnight = build(&tmp, "site", &[], Some(EPOCH_JUST_BEFORE_MIDNIGHT_PARIS));
    assert_same(reference(), &before_midnight, "SOURCE_DATE_EPOCH at 23:59 on 2026-11-23 in Paris");
}

#[test]
fn source_date_epoch_of_the_day_before_gives_another_site() {
    // Guards the two tests around it: the date does reach the output.
    let tmp = TempDir::new("determinism-day-before");
    let day_before = build(&tmp, "site", &[], Some(EPOCH_THE_DAY_BEFORE_PARIS));
    let with_flag = build(&tmp, "site", &["--today", "2026-11-22"], None);
    assert_same(&with_flag, &day_before, "SOURCE_DATE_EPOCH at 23:30 on 2026-11-22 in Paris and --today 2026-11-22");
    let index = String::from_utf8_lossy(&day_before["index.html"]).to_string();
    assert!(index.contains("2026-11-22"), "the home page shows the build date");
    assert!(!differences(reference(), &day_before).is_empty(), "the 22nd and the 23rd give different sites");
}

#[test]
fn today_flag_wins_over_source_date_epoch() {
    let tmp = TempDir::new("determinism-flag-wins");
    let both = build(&tmp, "site", &["--today", TODAY], Some("0"));
    assert_same(reference(), &both, "--today 2026-11-23 with SOURCE_DATE_EPOCH=0");
}

#[test]
fn output_does_not_depend_on_the_site_folder() {
    let tmp = TempDir::new("determinism-other-folder");
    let elsewhere = build(&tmp, "a-folder-with-another-name", &["--today", TODAY], None);
    assert_same(reference(), &elsewhere, "the same sources in another folder");
}
