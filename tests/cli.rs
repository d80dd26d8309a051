//! The command line (README, "Usage"): `vitrine new` makes a site that
//! `check` accepts and `build` builds, and refuses a non-empty folder; exit
//! codes (0 ok, 1 content errors, 2 usage or I/O errors); `--message-format
//! json`; and `vitrine serve`: serving the built site on 127.0.0.1, the 404
//! page, no path traversal, and a rebuild after a content change.

mod common;

use std::fs::{self, File};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

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

// ---------------------------------------------------------------------------
// vitrine serve

/// The server process, killed when dropped (also when a test fails).
struct Server {
    child: Child,
    port: u16,
    log: std::path::PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn log(&self) -> String {
        fs::read_to_string(&self.log).unwrap_or_default()
    }
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind an ephemeral port");
    listener.local_addr().expect("local address").port()
}

fn start_server(tmp: &TempDir, root: &Path, out: &Path) -> Server {
    let port = free_port();
    let log = tmp.join("serve.log");
    let stderr = File::create(&log).expect("log file");
    let stdout = stderr.try_clone().expect("log file");
    let child = common::vitrine()
        .arg("serve")
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(out)
        .args(["--today", TODAY, "--port", &port.to_string()])
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(stderr)
        .spawn()
        .expect("start vitrine serve");
    let mut server = Server { child, port, log };
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return server;
        }
        if let Ok(Some(status)) = server.child.try_wait() {
            panic!("vitrine serve exited ({status}) before listening:\n{}", server.log());
        }
        assert!(Instant::now() < deadline, "vitrine serve did not listen on {port}:\n{}", server.log());
        std::thread::sleep(Duration::from_millis(100));
    }
}

struct Response {
    status: u16,
    headers: String,
    body: String,
}

/// A hand-written HTTP/1.0 GET; `path` is sent as is.
fn get(port: u16, path: &str) -> Response {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to vitrine serve");
    stream.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
    write!(stream, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n").expect("send request");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read response");
    let raw = String::from_utf8_lossy(&raw).to_string();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line in response to {path}: {head}"));
    Response { status, headers: head.to_lowercase(), body: body.to_string() }
}

#[test]
fn serve_serves_the_site_and_rebuilds_after_a_change() {
    let tmp = TempDir::new("cli-serve");
    let root = common::minimal_site_in(&tmp);
    let out = tmp.join("out");
    let server = start_server(&tmp, &root, &out);
    let port = server.port;

    let home = get(port, "/");
    assert_eq!(home.status, 200, "GET /: {}\n{}", home.headers, server.log());
    assert!(home.headers.contains("content-type: text/html"), "GET / is HTML: {}", home.headers);
    assert!(home.body.contains("<html lang=\"fr\""));

    let mooc = get(port, "/moocs/rage/");
    assert_eq!(mooc.status, 200, "GET /moocs/rage/");
    assert!(mooc.body.contains("La rage"));
    assert_eq!(get(port, "/moocs/rage/index.html").status, 200);
    let css = get(port, "/style.css");
    assert_eq!(css.status, 200);
    assert!(css.headers.contains("content-type: text/css"), "{}", css.headers);

    let missing = get(port, "/nope/");
    assert_eq!(missing.status, 404, "GET /nope/");
    let not_found_page = fs::read_to_string(out.join("404.html")).expect("404.html is built");
    assert_eq!(missing.body, not_found_page, "the site's own 404 page is served");
    assert!(missing.headers.contains("content-type: text/html"));

    // A secret beside the output folder must stay out of reach.
    common::write(&tmp.path, "secret.txt", "top secret\n");
    for attack in [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/etc/passwd",
        "/..%2f..%2fetc%2fpasswd",
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/moocs/../../secret.txt",
    ] {
        let r = get(port, attack);
        assert_ne!(r.status, 200, "GET {attack} must not succeed");
        assert!(!r.body.contains("root:") && !r.body.contains("top secret"), "GET {attack} leaked a file");
    }

    // Edit a title: the page shows it after the rebuild.
    let file = root.join("content/moocs/rage.md");
    let source = fs::read_to_string(&file).expect("read rage.md");
    assert!(source.contains("title = \"La rage\""));
    fs::write(&file, source.replace("title = \"La rage\"", "title = \"La rage, nouvelle édition\"")).expect("edit");
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let page = get(port, "/moocs/rage/");
        if page.status == 200 && page.body.contains("La rage, nouvelle édition") {
            break;
        }
        assert!(Instant::now() < deadline, "the new title did not show within 15 s:\n{}", server.log());
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(get(port, "/moocs/").body.contains("La rage, nouvelle édition"), "lists are rebuilt too");
    drop(server);
    // Killing the server may interrupt a rebuild and leave its staging
    // folder; the next build removes folders of builds that are gone.
    let rebuild = common::run(&[
        "build",
        "--root",
        root.to_str().unwrap_or_default(),
        "--output",
        out.to_str().unwrap_or_default(),
        "--today",
        "2026-11-23",
    ]);
    assert!(rebuild.status.success(), "{}", String::from_utf8_lossy(&rebuild.stderr));
    assert!(!common::entry_names(&tmp.path).iter().any(|n| n.contains(".vitrine-")), "no staging folder left");
}

#[test]
fn serve_keeps_the_last_good_site_when_a_rebuild_fails() {
    let tmp = TempDir::new("cli-serve-broken");
    let root = common::minimal_site_in(&tmp);
    let out = tmp.join("out");
    let server = start_server(&tmp, &root, &out);
    let port = server.port;
    assert_eq!(get(port, "/moocs/rage/").status, 200);

    let file = root.join("content/moocs/rage.md");
    let source = fs::read_to_string(&file).expect("read rage.md");
    fs::write(&file, source.replace("level = \"intermediate\"", "level = \"expert\"")).expect("break rage.md");
    let deadline = Instant::now() + Duration::from_secs(15);
    while !server.log().contains("expert") {
        assert!(Instant::now() < deadline, "the failed rebuild was not reported within 15 s:\n{}", server.log());
        std::thread::sleep(Duration::from_millis(200));
    }
    let page = get(port, "/moocs/rage/");
    assert_eq!(page.status, 200, "the previous site is still served:\n{}", server.log());
    assert!(page.body.contains("La rage"));
}
