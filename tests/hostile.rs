//! Hostile content (docs/writing-content.md, "When a file is not what
//! vitrine expects"): what writers paste from Word or scripts generate —
//! byte-order marks, Windows line ends, NUL bytes, invalid UTF-8, a 50 MB
//! file, 10,000 sessions, 10,000-deep nesting, unclosed front matter,
//! duplicate keys, names that clash without case or accents, names Windows
//! keeps, links leaving the site or looping, an unreadable file. Each case
//! gives its message at its place, in plain words, and the rest of the
//! site is still checked: every case also has an unrelated error in
//! another file, which must be reported too.

mod common;

use std::path::Path;

use common::{TempDir, TODAY};

/// One problem the run must report.
struct Expect {
    severity: &'static str,
    /// `path`, `path:line` or `path:line:column`.
    at: &'static str,
    message: &'static str,
}

const fn expect(severity: &'static str, at: &'static str, message: &'static str) -> Expect {
    Expect { severity, at, message }
}

/// The unrelated error every case carries.
const ELSEWHERE: Expect = expect("error", "content/moocs/reseaux.md:5:17", "there is no institution `nowhere`");

fn rage(root: &Path) -> String {
    std::fs::read_to_string(root.join("content/moocs/rage.md")).expect("read the fixture")
}

/// Runs `vitrine check` on the minimal site after `setup`; checks every
/// expected problem (and the unrelated one) is reported where expected.
fn case(name: &str, setup: impl FnOnce(&TempDir, &Path), expected: &[Expect]) {
    let tmp = TempDir::new(&format!("hostile-{name}"));
    let root = common::minimal_site_in(&tmp);
    let reseaux = std::fs::read_to_string(root.join("content/moocs/reseaux.md")).expect("read the fixture");
    let line = reseaux.lines().position(|l| l.starts_with("institutions")).expect("an institutions line");
    let mut lines: Vec<String> = reseaux.lines().map(str::to_string).collect();
    lines[line] = "institutions = [\"nowhere\"]".into();
    common::write(&root, "content/moocs/reseaux.md", &(lines.join("\n") + "\n"));
    assert_eq!(line + 1, 5, "the unrelated error's line");
    setup(&tmp, &root);
    let output = common::vitrine()
        .args(["check", "--today", TODAY, "--message-format", "json", "--root"])
        .arg(&root)
        .output()
        .expect("run vitrine");
    assert_eq!(output.status.code(), Some(1), "{name}: {}", common::describe(&output));
    let reported: Vec<serde_json::Value> =
        String::from_utf8_lossy(&output.stdout).lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    let at = |d: &serde_json::Value| {
        let mut at = d["path"].as_str().unwrap_or_default().to_string();
        for key in ["line", "column"] {
            if let Some(n) = d[key].as_u64() {
                at.push_str(&format!(":{n}"));
            }
        }
        at
    };
    for e in expected.iter().chain([&ELSEWHERE]) {
        let found = reported.iter().any(|d| {
            d["severity"] == e.severity && at(d) == e.at && d["message"].as_str().is_some_and(|m| m.contains(e.message))
        });
        let all: Vec<String> =
            reported.iter().map(|d| format!("{} {} {}", d["severity"], at(d), d["message"])).collect();
        assert!(found, "{name}: expected {} at {}: {}\nreported:\n{}", e.severity, e.at, e.message, all.join("\n"));
        assert!(
            reported.iter().filter(|d| at(d) == e.at).all(|d| d["hint"].is_string() || d["severity"] == "warning"),
            "{name}: every error says how to fix it"
        );
    }
}

#[test]
fn a_byte_order_mark_and_windows_line_ends_keep_positions_right() {
    case(
        "bom-crlf",
        |_, root| {
            let text = rage(root).replace("level = \"intermediate\"", "level = \"expert\"").replace('\n', "\r\n");
            common::write(root, "content/moocs/rage.md", &format!("\u{feff}{text}"));
        },
        &[expect("error", "content/moocs/rage.md:8:9", "`level`")],
    );
}

#[test]
fn a_nul_byte_and_invalid_utf8_are_errors_at_their_byte() {
    case(
        "nul-utf8",
        |_, root| {
            common::write(root, "content/pages/a-propos.md", "+++\ntitle = \"À propos\"\n+++\n\nTexte\0 collé.\n");
            std::fs::write(root.join("content/moocs/rage.md"), [&rage(root).as_bytes()[..40], b"\xE9t\xE9\n"].concat())
                .expect("write");
        },
        &[
            expect("error", "content/pages/a-propos.md:5:6", "NUL character"),
            expect("error", "content/moocs/rage.md:3:19", "not UTF-8 text"),
        ],
    );
}

#[test]
fn a_50_mb_file_is_a_warning_and_a_100_mb_one_is_not_read() {
    case(
        "50mb",
        |_, root| {
            let para =
                "Un paragraphe ordinaire sur la rage, les vaccins et la prévention, répété. ".repeat(10) + "\n\n";
            let body = para.repeat(50_000_000 / para.len());
            common::write(root, "content/pages/enorme.md", &format!("+++\ntitle = \"Énorme\"\n+++\n\n{body}"));
            // Over 64 MB a file is not read (a sparse file: no disk used).
            let huge = std::fs::File::create(root.join("content/pages/immense.md")).expect("create");
            huge.set_len(100_000_000).expect("set the length");
        },
        &[
            expect("warning", "content/pages/enorme.md", "this file is 50.0 MB"),
            expect("error", "content/pages/immense.md", "this file is 100.0 MB: content files are read up to 64.0 MB"),
        ],
    );
}

#[test]
fn ten_thousand_sessions_are_a_warning_and_overlaps_one_error_each() {
    case(
        "10k-sessions",
        |_, root| {
            let sessions: String =
                (0..10_000).map(|_| "[[sessions]]\nstart = 2026-01-05\nend = 2026-02-05\n\n").collect();
            let text = rage(root).replacen("[[sessions]]", &format!("{sessions}[[sessions]]"), 1);
            common::write(root, "content/moocs/rage.md", &text);
        },
        &[
            // Their starts are on line 19, then every four lines: the
            // 1,001st on line 4019.
            expect("warning", "content/moocs/rage.md:4019:9", "this MOOC has 10002 sessions"),
            expect("error", "content/moocs/rage.md:23:9", "overlaps the session starting 2026-01-05 (line 19)"),
        ],
    );
}

#[test]
fn lists_and_quotes_nested_10000_deep_are_a_warning() {
    case(
        "nesting",
        |_, root| {
            let quotes = ">".repeat(10_000);
            let lists = "- ".repeat(10_000);
            common::write(root, "content/pages/nid.md", &format!("+++\ntitle = \"Nid\"\n+++\n\n{quotes} fond\n\n"));
            common::write(root, "content/pages/liste.md", &format!("+++\ntitle = \"Liste\"\n+++\n\n{lists}fond\n"));
        },
        &[
            expect("warning", "content/pages/nid.md:5:101", "nested more than 100 levels deep"),
            expect("warning", "content/pages/liste.md:5:201", "nested more than 100 levels deep"),
        ],
    );
}

#[test]
fn unclosed_front_matter_and_duplicate_keys_are_located() {
    case(
        "front-matter",
        |_, root| {
            common::write(root, "content/pages/ouverte.md", "+++\ntitle = \"Ouverte\"\n\nLe texte commence.\n");
            common::write(
                root,
                "content/pages/double.md",
                "+++\ntitle = \"Un\"\nsummary = \"x\"\ntitle = \"Deux\"\n+++\n",
            );
        },
        &[
            expect("error", "content/pages/ouverte.md:1:1", "the front matter is never closed"),
            expect("error", "content/pages/double.md:4:1", "duplicate key"),
        ],
    );
}

#[test]
fn names_that_differ_only_by_case_or_accents_and_windows_names_are_errors() {
    case(
        "names",
        |_, root| {
            let text = rage(root);
            common::write(root, "content/moocs/Rage.md", &text);
            common::write(root, "content/moocs/rágé.md", &text);
            common::write(root, "content/moocs/CON.md", &text);
            common::write(root, "content/pages/aux.md", "+++\ntitle = \"Aux\"\n+++\n");
        },
        &[
            expect("error", "content/moocs/rage.md", "`rage` and content/moocs/Rage.md differ only by case or accents"),
            expect("error", "content/moocs/rágé.md", "differ only by case or accents"),
            expect("error", "content/moocs/CON.md", "a name Windows keeps for a device"),
            expect("error", "content/pages/aux.md", "a name Windows keeps for a device"),
        ],
    );
}

#[cfg(unix)]
#[test]
fn links_leaving_the_site_looping_or_dangling_are_reported() {
    case(
        "links",
        |tmp, root| {
            common::write(&tmp.path, "dehors/page.md", "+++\ntitle = \"Dehors\"\n+++\n");
            let link = |to: &Path, at: &str| std::os::unix::fs::symlink(to, root.join(at)).expect("a link");
            link(&tmp.join("dehors/page.md"), "content/pages/dehors.md");
            link(Path::new("boucle.md"), "content/pages/boucle.md");
            link(Path::new("nulle-part.md"), "content/pages/pendant.md");
        },
        &[
            expect("warning", "content/pages/dehors.md", "outside the site folder"),
            expect("error", "content/pages/boucle.md", "leads back to itself"),
            expect("error", "content/pages/pendant.md", "points to a file that does not exist"),
        ],
    );
}

/// Permissions do not stop root (CI runs as root): there the message is
/// pinned by the unit test of `load::source::read_error`.
#[cfg(unix)]
#[test]
fn an_unreadable_file_is_an_error_naming_it() {
    use std::os::unix::fs::PermissionsExt;
    let probe = TempDir::new("hostile-probe");
    common::write(&probe.path, "x", "x");
    std::fs::set_permissions(probe.join("x"), std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(probe.join("x")).is_ok() {
        eprintln!("running as root: permissions are not enforced, see load::source tests");
        return;
    }
    case(
        "unreadable",
        |_, root| {
            std::fs::set_permissions(root.join("content/moocs/rage.md"), std::fs::Permissions::from_mode(0o000))
                .expect("chmod");
        },
        &[expect("error", "content/moocs/rage.md", "cannot read this file: permission denied")],
    );
}
