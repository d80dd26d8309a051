//! The command line (README, "Usage"): `vitrine new` makes a site that
//! `check` accepts and `build` builds, and refuses a non-empty folder; exit
//! codes (0 ok, 1 content errors, 2 usage or I/O errors); `--message-format
//! json`. `vitrine serve` is tested in `tests/serve.rs`.

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;

use common::{TempDir, TODAY};

fn path_str(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

// ---------------------------------------------------------------------------
// vitrine new

#[test]
fn new_creates_a_site_that_check_accepts_and_build_builds() {
    let tmp = TempDir::new("cli-new");
    let site = tmp.join("mon-site");
    let created = common::run(&["new", path_str(&site)]);
    assert_eq!(created.status.code(), Some(0), "{}", common::describe(&created));
    assert!(site.join("vitrine.toml").is_file());
    assert!(site.join("content").is_dir());

    let checked = common::run(&["check", "--root", path_str(&site), "--today", TODAY, "--deny-warnings"]);
    assert_eq!(checked.status.code(), Some(0), "check of a new site: {}", common::describe(&checked));

    let out = tmp.join("out");
    common::build_ok(&site, &out);
    assert!(out.join("index.html").is_file());
    let slugs = common::mooc_slugs(&site);
    assert!(!slugs.is_empty(), "the new site has a MOOC to start from");
    for slug in &slugs {
        assert!(out.join("moocs").join(slug).join("index.html").is_file(), "page of {slug}");
    }
}

#[test]
fn new_into_an_empty_existing_folder_works() {
    let tmp = TempDir::new("cli-new-empty");
    let site = tmp.join("vide");
    fs::create_dir(&site).expect("mkdir");
    let created = common::run(&["new", path_str(&site)]);
    assert_eq!(created.status.code(), Some(0), "{}", common::describe(&created));
    assert!(site.join("vitrine.toml").is_file());
}

#[test]
fn new_refuses_a_non_empty_folder_with_exit_2() {
    let tmp = TempDir::new("cli-new-non-empty");
    let site = tmp.join("plein");
    common::write(&site, "notes.txt", "à garder\n");
    let created = common::run(&["new", path_str(&site)]);
    assert_eq!(created.status.code(), Some(2), "{}", common::describe(&created));
    assert_eq!(common::entry_names(&site), ["notes.txt"], "nothing is added");
    assert_eq!(fs::read_to_string(site.join("notes.txt")).expect("read"), "à garder\n", "nothing is changed");
}

// ---------------------------------------------------------------------------
// Exit codes.

#[test]
fn build_without_vitrine_toml_exits_2() {
    let tmp = TempDir::new("cli-no-config");
    let root = tmp.join("vide");
    fs::create_dir(&root).expect("mkdir");
    let output = common::run(&["build", "--root", path_str(&root), "--today", TODAY]);
    assert_eq!(output.status.code(), Some(2), "{}", common::describe(&output));
    assert!(String::from_utf8_lossy(&output.stderr).contains("vitrine.toml"), "{}", common::describe(&output));
    assert!(common::entry_names(&root).is_empty(), "nothing is written");
}

#[test]
fn unknown_flag_exits_2() {
    let tmp = TempDir::new("cli-bad-flag");
    let root = common::minimal_site_in(&tmp);
    let output = common::run(&["build", "--root", path_str(&root), "--no-such-flag"]);
    assert_eq!(output.status.code(), Some(2), "{}", common::describe(&output));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--no-such-flag"));
    assert!(!root.join("public").exists(), "nothing is built");
}

#[test]
fn malformed_today_exits_2() {
    let tmp = TempDir::new("cli-bad-today");
    let root = common::minimal_site_in(&tmp);
    let output = common::run(&["build", "--root", path_str(&root), "--today", "23/11/2026"]);
    assert_eq!(output.status.code(), Some(2), "{}", common::describe(&output));
    assert!(!root.join("public").exists(), "nothing is built");
}

#[test]
fn unknown_subcommand_exits_2() {
    let output = common::run(&["publish"]);
    assert_eq!(output.status.code(), Some(2), "{}", common::describe(&output));
}

#[test]
fn valid_site_builds_with_exit_0_into_root_public_by_default() {
    let tmp = TempDir::new("cli-default-output");
    let root = common::minimal_site_in(&tmp);
    let output = common::run(&["build", "--root", path_str(&root), "--today", TODAY]);
    assert_eq!(output.status.code(), Some(0), "{}", common::describe(&output));
    assert!(root.join("public").join("index.html").is_file(), "default output: ROOT/public");
}

// ---------------------------------------------------------------------------
// --message-format json

fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not one JSON object per line ({e}): {l}")))
        .collect()
}

#[test]
fn json_message_format_prints_one_object_per_problem() {
    let tmp = TempDir::new("cli-json");
    let root = tmp.join("broken");
    common::copy_dir(&common::fixture_dir("broken"), &root);
    let out = tmp.join("out");
    let output = common::run(&[
        "build",
        "--root",
        path_str(&root),
        "--output",
        path_str(&out),
        "--today",
        TODAY,
        "--message-format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(1), "content errors exit 1: {}", common::describe(&output));
    let problems = json_lines(&output);
    assert!(problems.len() >= 2, "every problem is reported in one run: {}", common::describe(&output));
    for p in &problems {
        let obj = p.as_object().unwrap_or_else(|| panic!("an object: {p}"));
        for key in ["severity", "path", "line", "column", "message", "hint"] {
            assert!(obj.contains_key(key), "`{key}` in {p}");
        }
        assert!(["error", "warning"].contains(&p["severity"].as_str().unwrap_or("")), "{p}");
        assert!(!p["message"].as_str().unwrap_or("").is_empty(), "{p}");
        assert!(p["path"].as_str().is_some_and(|s| !s.is_empty()), "{p}");
    }
    assert!(problems.iter().any(|p| p["severity"] == "error" && p["line"].is_u64() && p["column"].is_u64()));
    assert!(
        problems.iter().any(|p| p["hint"].as_str().is_some_and(|h| h.contains("institut-pasteur"))),
        "hints are there: {problems:?}"
    );
    assert!(!out.exists(), "a failed build writes nothing");
}

#[test]
fn json_message_format_on_a_valid_site_exits_0_with_no_error() {
    let tmp = TempDir::new("cli-json-ok");
    let root = common::minimal_site_in(&tmp);
    let output = common::run(&["check", "--root", path_str(&root), "--today", TODAY, "--message-format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", common::describe(&output));
    for p in json_lines(&output) {
        assert_eq!(p["severity"], "warning", "only warnings, if anything: {p}");
    }
    assert!(output.stderr.is_empty(), "JSON mode prints no summary line: {}", common::describe(&output));
}
