//! `docs/diagnostics.md` and `docs/diagnostics.fr.md` (which `vitrine
//! explain` prints) agree with the code: every code has its section in
//! both and every section is a code; each example, run on a copy of
//! `tests/fixtures/minimal`, gives its code, and what the page says vitrine
//! prints is what it prints, in the page's language.
//!
//! A section's example is its fenced blocks: ```` ```LANG PATH ```` is a
//! file written into the site (it replaces the fixture's file of that path),
//! and ```` ```text vitrine ARGS ```` is what `vitrine ARGS` prints about
//! it. `VITRINE_BLESS=1` rewrites those outputs in both pages (read the
//! difference before committing it). A few problems cannot be shown on a
//! site in a test (a file of 64 MB, an unreadable file, the network…):
//! [`SHOWN_BY_HAND`] lists them; their sections have a plain ```` ```text ````
//! block instead.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use vitrine::diagnostic::{explain, header, texts, Locale, Severity};

/// Codes whose example is written by hand, and why.
const SHOWN_BY_HAND: &[(&str, &str)] = &[
    ("E001", "a content file over 64 MB"),
    ("W001", "a content file over 4 MB"),
    ("W002", "a symbolic link out of the site"),
    ("E002", "a file the user cannot read (tests run as root)"),
    ("E004", "bytes that are not UTF-8 in a file"),
    ("W009", "a MOOC with over 1,000 sessions"),
    ("W016", "a symbolic link in static/"),
    ("W020", "an external server that fails (tests use no network)"),
    ("E068", "a theme font that is not a font"),
    ("E073", "an image of over 100 megapixels (a binary file)"),
    ("W018", "an animated GIF (a binary file)"),
    ("E090", "a folder without vitrine.toml"),
    ("E092", "an output folder that cannot be written"),
    ("E093", "a wrong SOURCE_DATE_EPOCH in the environment"),
    ("E094", "a base URL that cannot be parsed, given to check --links"),
    ("E095", "vitrine new into a folder that is not empty"),
    ("E096", "vitrine new where a folder cannot be created"),
];

struct Block {
    info: String,
    /// Byte range of the block's text (between the fences) in the page.
    text: std::ops::Range<usize>,
}

/// The fenced blocks of `section`, which starts at `at` in the page.
fn blocks(section: &str, at: usize) -> Vec<Block> {
    let mut found = Vec::new();
    let mut open: Option<(String, usize)> = None;
    let mut pos = 0;
    for line in section.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if let Some(info) = trimmed.strip_prefix("```") {
            match open.take() {
                None => open = Some((info.trim().to_string(), at + pos + line.len())),
                Some((info, start)) => found.push(Block { info, text: start..at + pos }),
            }
        }
        pos += line.len();
    }
    found
}

/// What a page shows vitrine printing about the first problem of `code`
/// in a JSON report: the headline, where, and the hint.
fn shown(report: &[serde_json::Value], code: &str, locale: Locale) -> Option<String> {
    let d = report.iter().find(|d| d["code"] == code)?;
    let severity = if d["severity"] == "warning" { Severity::Warning } else { Severity::Error };
    let mut text = format!("{}{}\n", header(severity, code, locale), d["message"].as_str().unwrap_or_default());
    let path = d["path"].as_str().unwrap_or_default();
    match (d["line"].as_u64(), d["column"].as_u64()) {
        (Some(l), Some(c)) => text.push_str(&format!("  --> {path}:{l}:{c}\n")),
        _ => text.push_str(&format!("  --> {path}\n")),
    }
    if let Some(hint) = d["hint"].as_str() {
        text.push_str(&format!("  = {} {hint}\n", texts::hint_label().render(locale)));
    }
    Some(text)
}

/// Runs the example of a section: its files on a copy of the minimal
/// site, then `vitrine ARGS`; the JSON report.
fn run(page: &str, blocks: &[Block], args: &[&str], locale: Locale, label: &str) -> Vec<serde_json::Value> {
    let tmp = common::TempDir::new(label);
    let root = common::minimal_site_in(&tmp);
    for b in blocks.iter().filter(|b| b.info != "text" && !b.info.starts_with("text vitrine")) {
        let path =
            b.info.split_whitespace().nth(1).unwrap_or_else(|| panic!("{label}: block `{}` names no file", b.info));
        common::write(&root, path, &page[b.text.clone()]);
    }
    let output = common::vitrine()
        .args(args)
        .arg("--root")
        .arg(&root)
        .args(["--today", common::TODAY, "--format", "json"])
        .env("VITRINE_LANG", locale.code())
        .current_dir(&root)
        .output()
        .expect("run vitrine");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v.get("code").is_some())
        .collect()
}

fn file_of(locale: Locale) -> std::path::PathBuf {
    let name = match locale {
        Locale::En => "diagnostics.md",
        Locale::Fr => "diagnostics.fr.md",
    };
    common::repo_root().join("docs").join(name)
}

#[test]
fn every_code_has_a_section_in_both_pages_and_every_section_is_a_code() {
    let codes: BTreeSet<&str> = explain::codes().into_iter().collect();
    for locale in Locale::ALL {
        let page = explain::document(locale);
        let sections: Vec<&str> = explain::sections(page).into_iter().map(|(c, _)| c).collect();
        let listed: BTreeSet<&str> = sections.iter().copied().collect();
        assert_eq!(listed.len(), sections.len(), "{}: a code has two sections", locale.code());
        let missing: Vec<_> = codes.difference(&listed).collect();
        let unknown: Vec<_> = listed.difference(&codes).collect();
        assert!(missing.is_empty(), "{}: no section for {missing:?}", file_of(locale).display());
        assert!(unknown.is_empty(), "{}: sections of no code {unknown:?}", file_of(locale).display());
        let mut sorted = sections.clone();
        sorted.sort_unstable();
        assert_eq!(sections, sorted, "{}: sections in the order of their codes", locale.code());
    }
}

#[test]
fn each_example_gives_its_code_and_the_page_says_what_vitrine_prints() {
    let bless = std::env::var_os("VITRINE_BLESS").is_some();
    let mut wrong = Vec::new();
    for locale in Locale::ALL {
        let page = std::fs::read_to_string(file_of(locale)).expect("read the page");
        let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
        for (code, section) in explain::sections(&page) {
            let at = section.as_ptr() as usize - page.as_ptr() as usize;
            let blocks = blocks(section, at);
            let by_hand = SHOWN_BY_HAND.iter().any(|(c, _)| *c == code);
            let outputs: Vec<&Block> = blocks.iter().filter(|b| b.info.starts_with("text vitrine")).collect();
            match (by_hand, outputs.as_slice()) {
                (true, []) if blocks.iter().any(|b| b.info == "text") => continue,
                (true, _) => wrong.push(format!("{code}: shown by hand: one plain ```text block")),
                (false, [out]) => {
                    let args: Vec<&str> = out.info.split_whitespace().skip(2).collect();
                    let report = run(&page, &blocks, &args, locale, code);
                    match shown(&report, code, locale) {
                        None => wrong
                            .push(format!("{} {code}: the example does not give {code}: {report:?}", locale.code())),
                        Some(text) if text != page[out.text.clone()] => {
                            if bless {
                                edits.push((out.text.clone(), text));
                            } else {
                                wrong.push(format!("{} {code}: vitrine prints\n{text}", locale.code()));
                            }
                        }
                        Some(_) => {}
                    }
                }
                (false, _) => wrong.push(format!("{code}: one ```text vitrine ARGS block, after the example")),
            }
        }
        if bless && !edits.is_empty() {
            let mut page = page.clone();
            for (range, text) in edits.into_iter().rev() {
                page.replace_range(range, &text);
            }
            std::fs::write(file_of(locale), page).expect("write the page");
        }
    }
    assert!(wrong.is_empty(), "{}\n(VITRINE_BLESS=1 rewrites the outputs)", wrong.join("\n"));
}

#[test]
fn explain_prints_the_section_of_the_page_in_the_language() {
    let output = common::vitrine().args(["explain", "e012"]).env("VITRINE_LANG", "fr").output().expect("run");
    assert!(output.status.success(), "{}", common::describe(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let section = explain::section("E012", Locale::Fr).expect("a section");
    assert_eq!(stdout.trim_end(), section.trim_end());
    assert!(stdout.starts_with("## E012"), "{stdout}");
    let page = std::fs::read_to_string(file_of(Locale::Fr)).expect("read");
    assert!(page.contains(section.trim_end()), "the very text of docs/diagnostics.fr.md");

    let english = common::vitrine().args(["explain", "E012", "--lang", "en"]).output().expect("run");
    let stdout = String::from_utf8_lossy(&english.stdout);
    assert_eq!(stdout.trim_end(), explain::section("E012", Locale::En).expect("a section").trim_end());

    let unknown = common::vitrine().args(["explain", "E999"]).output().expect("run");
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("there is no problem with code `E999`"));
    assert!(Path::new(&file_of(Locale::En)).is_file());
}
