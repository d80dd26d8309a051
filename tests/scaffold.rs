//! `vitrine new` (README, "Usage"): a starter site in either language, with
//! one entity of each kind and the pipelines of `docs/deploy/`, that builds
//! with no warning; one entity of each kind added to a site, each with
//! every key written and commented, that keeps it building with no
//! warning; and the pipelines: valid YAML that calls only vitrine commands
//! and options that exist.

mod common;

use std::path::Path;

use common::{TempDir, TODAY};
use yaml_rust2::{Yaml, YamlLoader};

fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    common::vitrine().current_dir(dir).args(args).output().expect("run vitrine")
}

/// `vitrine check --deny-warnings` passes on `root`.
fn clean(root: &Path) {
    let output = run_in(root, &["check", "--today", TODAY, "--deny-warnings"]);
    assert!(output.status.success(), "{}: {}", root.display(), common::describe(&output));
}

#[test]
fn a_starter_site_in_each_language_builds_with_no_warning() {
    for (lang, comment, mooc) in [
        ("fr", "# Le titre, tel que les pages l'affichent.", "premier-mooc"),
        ("en", "# The title, as pages show it.", "first-mooc"),
    ] {
        let tmp = TempDir::new(&format!("scaffold-site-{lang}"));
        let created = run_in(&tmp.path, &["new", "site", "site", "--lang", lang]);
        assert!(created.status.success(), "{}", common::describe(&created));
        let root = tmp.join("site");
        clean(&root);
        common::build_ok(&root, &tmp.join("out"));
        let config = std::fs::read_to_string(root.join("vitrine.toml")).expect("vitrine.toml");
        assert!(config.contains(&format!("default_language = \"{lang}\"")), "{config}");
        for folder in ["moocs", "parcours", "platforms", "institutions", "schedules", "pages", "subjects"] {
            let files = common::entry_names(&root.join("content").join(folder));
            assert!(!files.is_empty(), "one entity in content/{folder}");
        }
        let text = std::fs::read_to_string(root.join(format!("content/moocs/{mooc}.md"))).expect("a MOOC");
        assert!(text.contains(comment), "commented in the site's language:\n{text}");
        for (path, source) in vitrine::scaffold::PIPELINES {
            assert_eq!(std::fs::read_to_string(root.join(path)).expect("a pipeline"), source, "{path}");
        }
        assert!(tmp.join("out/parcours").is_dir() && tmp.join("out/schedules").is_dir());
    }
}

#[test]
fn each_kind_added_to_a_site_keeps_it_building_with_no_warning() {
    let tmp = TempDir::new("scaffold-entities");
    assert!(run_in(&tmp.path, &["new", "site", "site", "--lang", "fr"]).status.success());
    let root = tmp.join("site");
    for (kind, folder) in [
        ("institution", "institutions"),
        ("platform", "platforms"),
        ("mooc", "moocs"),
        ("parcours", "parcours"),
        ("schedule", "schedules"),
        ("page", "pages"),
    ] {
        let output = run_in(&root, &["new", kind, "nouveau"]);
        assert!(output.status.success(), "new {kind}: {}", common::describe(&output));
        let file = root.join(format!("content/{folder}/nouveau.md"));
        let text = std::fs::read_to_string(&file).expect("the new file");
        assert!(text.lines().filter(|l| l.starts_with("# ")).count() >= 4, "commented:\n{text}");
        clean(&root);
        // Never over an existing file.
        let again = run_in(&root, &["new", kind, "nouveau"]);
        assert_eq!(again.status.code(), Some(2), "{}", common::describe(&again));
        assert_eq!(std::fs::read_to_string(&file).expect("read"), text, "left as it was");
    }
    // It names what the site has: its first institution and platform.
    let mooc = std::fs::read_to_string(root.join("content/moocs/nouveau.md")).expect("read");
    assert!(mooc.contains("institutions = [\"mon-ecole\"]") && mooc.contains("platform = \"ma-plateforme\""), "{mooc}");
    let bad = run_in(&root, &["new", "mooc", "Mon Cours"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("rename it to `mon-cours`"), "{}", common::describe(&bad));
}

// ---------------------------------------------------------------------------
// The pipelines.

/// Every string of a YAML document under a key `run` or `script` (each a
/// shell command or lines of them).
fn commands(doc: &Yaml, key: Option<&str>, found: &mut Vec<String>) {
    match doc {
        Yaml::Hash(map) => {
            for (k, v) in map {
                commands(v, k.as_str(), found);
            }
        }
        Yaml::Array(items) => items.iter().for_each(|i| commands(i, key, found)),
        Yaml::String(s) if matches!(key, Some("run" | "script" | "before_script")) => {
            found.extend(s.lines().map(str::to_string));
        }
        _ => {}
    }
}

/// The words of a shell command, quotes removed and variables as `x`.
fn words(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let (mut word, mut quote, mut chars) = (String::new(), None, command.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quote) {
            ('"' | '\'', None) => quote = Some(c),
            (q, Some(open)) if q == open => quote = None,
            (' ', None) => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            ('$', _) => {
                // `$VAR`, `${VAR}` or `${{ expr }}`: a value.
                let mut depth = 0;
                while let Some(&n) = chars.peek() {
                    match n {
                        '{' => depth += 1,
                        '}' if depth > 0 => depth -= 1,
                        _ if depth == 0 && !(n.is_ascii_alphanumeric() || n == '_') => break,
                        _ => {}
                    }
                    chars.next();
                    if depth == 0 && n == '}' {
                        break;
                    }
                }
                word.push('x');
            }
            _ => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

#[test]
fn the_pipelines_are_yaml_that_calls_only_commands_that_exist() {
    let mut calls = 0;
    for (path, text) in vitrine::scaffold::PIPELINES {
        let docs = YamlLoader::load_from_str(text).unwrap_or_else(|e| panic!("{path} is not YAML: {e}"));
        assert_eq!(docs.len(), 1, "{path}: one document");
        let mut lines = Vec::new();
        commands(&docs[0], None, &mut lines);
        assert!(!lines.is_empty(), "{path} runs commands");
        for line in lines {
            for part in line.split("||").flat_map(|p| p.split("&&")) {
                let words = words(part.trim());
                let Some(program) = words.first() else { continue };
                assert!(
                    ["vitrine", "cargo", "command", "export"].contains(&program.as_str()),
                    "{path}: `{part}` calls `{program}`, which a runner may not have"
                );
                if program != "vitrine" {
                    continue;
                }
                // clap reads every option before `--help`: an unknown one,
                // or a wrong value, fails before the help is printed.
                let output = common::vitrine().args(&words[1..]).arg("--help").output().expect("run vitrine");
                assert!(
                    output.status.success(),
                    "{path}: `{part}` is not a vitrine command: {}",
                    common::describe(&output)
                );
                calls += 1;
            }
        }
        if path.contains("github") {
            let on = &docs[0]["on"];
            assert!(!on["pull_request"].is_badvalue() && !on["push"].is_badvalue(), "{path}: pull requests and pushes");
            assert_eq!(on["schedule"][0]["cron"].as_str(), Some("0 4 * * *"), "{path}: a daily rebuild");
            // The slow part of a run, compiling vitrine, is done once per
            // version: every job that installs vitrine restores it first.
            for job in ["check", "build"] {
                let steps = format!("{:?}", docs[0]["jobs"][job]["steps"]);
                let cache = steps.find("actions/cache").unwrap_or_else(|| panic!("{path}: {job} keeps no cache"));
                let install = steps.find("cargo install").unwrap_or_else(|| panic!("{path}: {job} installs nothing"));
                assert!(cache < install && steps.contains(".cargo/bin/vitrine"), "{path}: {job} keeps vitrine");
            }
        }
    }
    assert!(calls >= 4, "check and build in both pipelines");
    // The test itself tells a wrong option.
    let wrong = common::vitrine().args(["build", "--no-such", "--help"]).output().expect("run vitrine");
    assert!(!wrong.status.success());
    assert_eq!(
        words("vitrine build --base-url \"${{ steps.pages.outputs.base_url }}\" --x $Y"),
        ["vitrine", "build", "--base-url", "x", "--x", "x"]
    );
}
