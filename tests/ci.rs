//! What CI reads (docs/diagnostics.md, "Output for CI"): `--format json`
//! (and its older name `--message-format json`), GitHub workflow commands
//! with the escaping their syntax requires, GitLab's Code Quality report;
//! and `--base-url` for preview deployments, which moves every absolute URL
//! and nothing else.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{TempDir, TODAY};

fn check(root: &Path, args: &[&str]) -> std::process::Output {
    common::vitrine().current_dir(root).args(["check", "--today", TODAY]).args(args).output().expect("run vitrine")
}

#[test]
fn json_has_a_stable_shape_with_code_and_end_of_span() {
    let root = common::fixture_dir("broken");
    let output = check(&root, &["--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "{}", common::describe(&output));
    let stdout = String::from_utf8_lossy(&output.stdout).to_string();
    let lines: Vec<serde_json::Value> =
        stdout.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}"))).collect();
    assert_eq!(lines.len(), 13, "{stdout}");
    let keys = ["code", "severity", "path", "line", "column", "end_line", "end_column", "message", "hint"];
    for d in &lines {
        let object = d.as_object().expect("an object");
        assert_eq!(object.len(), keys.len(), "{d}");
        for key in keys {
            assert!(object.contains_key(key), "`{key}` missing: {d}");
        }
        let code = d["code"].as_str().expect("a code");
        assert!(vitrine::diagnostic::explain::codes().contains(&code), "{code} is a documented code");
        assert!(matches!(d["severity"].as_str(), Some("error" | "warning")));
        if let (Some(l), Some(c), Some(el), Some(ec)) =
            (d["line"].as_u64(), d["column"].as_u64(), d["end_line"].as_u64(), d["end_column"].as_u64())
        {
            assert!((el, ec) >= (l, c), "the end is after the start: {d}");
        }
    }
    let unknown = lines.iter().find(|d| d["code"] == "E012").expect("the unknown key of a-propos.md");
    assert_eq!(unknown["path"], "content/pages/a-propos.md");
    let at = |k: &str| unknown[k].as_u64();
    assert_eq!((at("line"), at("column"), at("end_line"), at("end_column")), (Some(4), Some(1), Some(4), Some(6)));
    assert_eq!(unknown["message"], "unknown key `menus` in a page");
    // The older spelling gives the same report.
    let older = check(&root, &["--message-format", "json"]);
    assert_eq!(String::from_utf8_lossy(&older.stdout), stdout);
}

/// The properties and the text of a workflow command, unescaped.
fn parse_command(line: &str) -> (String, BTreeMap<String, String>, String) {
    let unescape = |s: &str| {
        s.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")
    };
    let rest = line.strip_prefix("::").expect("a workflow command");
    let (head, text) = rest.split_once("::").expect("`::` before the text");
    let (command, props) = head.split_once(' ').unwrap_or((head, ""));
    let props = props
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').expect("key=value");
            (k.to_string(), unescape(v))
        })
        .collect();
    (command.to_string(), props, unescape(text))
}

#[test]
fn github_format_annotates_the_lines_with_escaped_commands() {
    let tmp = TempDir::new("ci-github");
    let root = common::minimal_site_in(&tmp);
    // A file name with `,` and `:` (a property must escape them), a key
    // with `%` (the text must), and a hint (a second line: `%0A`).
    common::write(&root, "content/pages/a,b:c.md", "+++\ntitle = \"A\"\n\"taux%\" = 1\n+++\n");
    let output = common::vitrine()
        .current_dir(&tmp.path)
        .args(["check", "--root", "site", "--today", TODAY, "--format", "github"])
        .output()
        .expect("run vitrine");
    assert_eq!(output.status.code(), Some(1), "{}", common::describe(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let commands: Vec<&str> = stdout.lines().collect();
    assert!(commands.iter().all(|l| l.starts_with("::error ") || l.starts_with("::warning ")), "{stdout}");
    for line in &commands {
        let (_, props, _) = parse_command(line);
        let raw_head = line.split("::").nth(1).expect("properties");
        assert!(!raw_head.contains('\n') && raw_head.matches(',').count() == props.len() - 1, "escaped: {line}");
    }
    let parsed: Vec<_> = commands.iter().map(|l| parse_command(l)).collect();
    let slug = parsed.iter().find(|(_, p, _)| p["title"] == "E008").expect("the file name is not a slug");
    assert_eq!(slug.1["file"], "site/content/pages/a,b:c.md", "relative to the current folder, unescaped");
    assert!(commands.iter().any(|l| l.contains("file=site/content/pages/a%2Cb%3Ac.md")), "{stdout}");
    let key = parsed.iter().find(|(_, p, _)| p["title"] == "E012").expect("the unknown key");
    assert_eq!(key.0, "error");
    assert_eq!(key.1["file"], "site/content/pages/a,b:c.md");
    let at = |k: &str| key.1[k].parse::<usize>().expect("a number");
    assert_eq!((at("line"), at("col"), at("endLine"), at("endColumn")), (3, 1, 3, 8));
    assert!(key.2.starts_with("unknown key `taux%` in a page\nthe keys of a page are:"), "{:?}", key.2);
    assert!(commands.iter().any(|l| l.contains("::unknown key `taux%25` in a page%0Athe keys")), "{stdout}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("2 errors, 0 warnings."), "the count on stderr: {stderr}");
}

#[test]
fn gitlab_format_writes_a_code_quality_report() {
    let tmp = TempDir::new("ci-gitlab");
    let root = common::minimal_site_in(&tmp);
    common::write(&root, "content/moocs/rage.md", "+++\ntitle = \"Rage\"\nplatfrom = \"x\"\n+++\n");
    common::write(&root, "content/subjects/astronomie.md", "+++\ntitle = \"Astronomie\"\n+++\n");
    let report = tmp.join("quality.json");
    let output = common::vitrine()
        .current_dir(&root)
        .args(["check", "--today", TODAY, "--format", "gitlab", "--report"])
        .arg(&report)
        .output()
        .expect("run vitrine");
    assert_eq!(output.status.code(), Some(1), "{}", common::describe(&output));
    assert!(String::from_utf8_lossy(&output.stderr).contains("error[E012]"), "people read the log too");
    let text = std::fs::read_to_string(&report).expect("the report is written");
    let entries: Vec<serde_json::Value> = serde_json::from_str(&text).expect("a JSON list");
    assert!(entries.len() >= 4, "{text}");
    let mut fingerprints = std::collections::HashSet::new();
    for e in &entries {
        for key in ["description", "check_name", "fingerprint", "severity"] {
            assert!(e[key].is_string(), "`{key}`: {e}");
        }
        assert!(fingerprints.insert(e["fingerprint"].as_str().unwrap_or_default().to_string()), "unique: {e}");
        assert!(matches!(e["severity"].as_str(), Some("major" | "minor")));
        assert!(e["location"]["path"].is_string() && e["location"]["lines"]["begin"].is_u64(), "{e}");
    }
    let unknown = entries.iter().find(|e| e["check_name"] == "E012").expect("E012");
    assert_eq!(unknown["location"]["path"], "content/moocs/rage.md");
    assert_eq!(unknown["location"]["lines"]["begin"], 3);
    assert_eq!(unknown["severity"], "major");
    let unused = entries.iter().find(|e| e["check_name"] == "W013").expect("W013");
    assert_eq!(unused["severity"], "minor");

    // The same problems give the same fingerprints; none, an empty list.
    let again = common::vitrine()
        .current_dir(&root)
        .args(["check", "--today", TODAY, "--format", "gitlab", "--report"])
        .arg(&report)
        .output()
        .expect("run vitrine");
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&report).expect("read"), text);
    let clean_tmp = TempDir::new("ci-gitlab-clean");
    let clean = common::minimal_site_in(&clean_tmp);
    let ok = common::vitrine()
        .current_dir(&clean)
        .args(["check", "--today", TODAY, "--format", "gitlab"])
        .output()
        .expect("run vitrine");
    assert!(ok.status.success(), "{}", common::describe(&ok));
    let empty = std::fs::read_to_string(clean.join("gl-code-quality-report.json")).expect("the default report file");
    assert_eq!(empty.trim(), "[]");
}

/// `.0123456789.` (a content hash in a file name) as `.#.`.
fn without_hashes(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let hash = bytes[i] == b'.'
            && bytes.len() > i + 11
            && bytes[i + 11] == b'.'
            && bytes[i + 1..i + 11].iter().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b));
        if hash {
            out.push_str(".#");
            i += 11;
        } else {
            let c = text[i..].chars().next().unwrap_or_default();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The built site of `base` with its base URL, host and base path put as
/// `{BASE}`, `{HOST}`, `/`, calendar lines unfolded and content hashes
/// removed: what is left does not depend on the base URL.
fn normalized(root: &Path, out: &Path, base: &str) -> BTreeMap<String, String> {
    let output = common::vitrine()
        .args(["build", "--today", TODAY, "--base-url", base, "--root"])
        .arg(root)
        .arg("--output")
        .arg(out)
        .output()
        .expect("run vitrine");
    assert!(output.status.success(), "{}", common::describe(&output));
    let rest = base.split_once("://").map_or(base, |(_, r)| r);
    let (host, path) = rest.split_once('/').map_or((rest, String::new()), |(h, p)| (h, format!("/{p}")));
    common::read_tree(out)
        .into_iter()
        .map(|(name, bytes)| {
            let text = String::from_utf8_lossy(&bytes).replace("\r\n ", "");
            let mut text = text.replace(base, "{BASE}").replace(host, "{HOST}");
            if !path.is_empty() {
                text = text.replace(&format!("{path}/"), "/").replace(&format!("\"{path}\""), "\"/\"");
            }
            (without_hashes(&name), without_hashes(&text))
        })
        .collect()
}

#[test]
fn base_url_moves_every_absolute_url_and_nothing_else() {
    let tmp = TempDir::new("ci-base-url");
    let root = common::fixture_dir("bilingual");
    let production = "https://moocs.example.org";
    let preview = "https://preview-42.example.net/pr/42";
    let a = normalized(&root, &tmp.join("a"), production);
    let b = normalized(&root, &tmp.join("b"), preview);
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>(), "the same files");
    for (name, text) in &a {
        assert!(text == &b[name], "{name} differs by more than its URLs");
    }
    // And the URLs did move: the raw builds differ, and the preview's pages
    // name the preview.
    let raw = common::read_tree(&tmp.join("b"));
    let sitemap = String::from_utf8_lossy(&raw["sitemap.xml"]);
    assert!(sitemap.contains("https://preview-42.example.net/pr/42/moocs/") && !sitemap.contains(production));
    let home = String::from_utf8_lossy(&raw["index.html"]);
    assert!(home.contains("href=\"/pr/42/moocs/\"") && !home.contains(production), "{home}");
    assert!(a.values().any(|t| t.contains("{BASE}")), "the check saw absolute URLs");
}
