//! `vitrine serve` (issue 7): the site built into memory and served on
//! 127.0.0.1 (a free port here), with content types, `index.html` for
//! folders, the site's 404 page with status 404, and no way out of the
//! site; a change to a source is rebuilt and served, and the open pages are
//! told over server-sent events (`reload`, `css`, `problems`, `ok`); a
//! broken edit keeps the last good site and reports its problems with
//! file:line:column; created and deleted MOOCs appear and disappear.
//! The browser side (a page reloading itself, the overlay) is in
//! `tests/browser/serve.test.js`.

mod common;

use std::fs::{self, File};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::{TempDir, TODAY};

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

    /// Polls `path` until `ok` accepts the response (at most 20 s).
    fn wait_for(&self, path: &str, what: &str, ok: impl Fn(&Response) -> bool) -> Response {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let r = get(self.port, path);
            if ok(&r) {
                return r;
            }
            assert!(Instant::now() < deadline, "{what} did not happen within 20 s:\n{}", self.log());
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// `vitrine serve --port 0`; the port is read from "Serving on …".
fn start_server(tmp: &TempDir, root: &Path) -> Server {
    let log = tmp.join("serve.log");
    let stderr = File::create(&log).expect("log file");
    let stdout = stderr.try_clone().expect("log file");
    let child = common::vitrine()
        .arg("serve")
        .arg("--root")
        .arg(root)
        .args(["--today", TODAY, "--port", "0", "--debounce", "20"])
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(stderr)
        .spawn()
        .expect("start vitrine serve");
    let mut server = Server { child, port: 0, log };
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let log = server.log();
        if let Some(rest) = log.split("Serving on http://127.0.0.1:").nth(1) {
            server.port = rest.split('/').next().and_then(|p| p.parse().ok()).expect("port in the log");
            return server;
        }
        if let Ok(Some(status)) = server.child.try_wait() {
            panic!("vitrine serve exited ({status}) before listening:\n{log}");
        }
        assert!(Instant::now() < deadline, "vitrine serve did not start:\n{log}");
        std::thread::sleep(Duration::from_millis(50));
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

/// The event stream: each event's name, as it arrives.
fn events(port: u16) -> mpsc::Receiver<(String, String)> {
    let (tx, rx) = mpsc::channel();
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(stream, "GET /__vitrine/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").expect("send");
    std::thread::spawn(move || {
        let reader = BufReader::new(stream);
        let mut name = String::new();
        for line in reader.lines() {
            let Ok(line) = line else { return };
            if let Some(n) = line.strip_prefix("event: ") {
                name = n.to_string();
            } else if let Some(data) = line.strip_prefix("data: ") {
                if tx.send((name.clone(), data.to_string())).is_err() {
                    return;
                }
            }
        }
    });
    // The stream is open once its headers came: give it a moment.
    std::thread::sleep(Duration::from_millis(200));
    rx
}

fn next_event(rx: &mpsc::Receiver<(String, String)>, server: &Server) -> (String, String) {
    rx.recv_timeout(Duration::from_secs(20)).unwrap_or_else(|_| panic!("no event within 20 s:\n{}", server.log()))
}

/// Forgets pending events (a save can come as several writes, so a change
/// may be rebuilt twice), runs `action`, and returns the names of the
/// events it caused: the first within 20 s, then any within 1 s of quiet.
fn events_of(rx: &mpsc::Receiver<(String, String)>, server: &Server, action: impl FnOnce()) -> Vec<String> {
    while rx.recv_timeout(Duration::from_millis(500)).is_ok() {}
    action();
    let mut names = vec![next_event(rx, server).0];
    while let Ok((name, _)) = rx.recv_timeout(Duration::from_secs(1)) {
        names.push(name);
    }
    names
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{} contains {from}", path.display());
    fs::write(path, text.replace(from, to)).expect("write");
}

#[test]
fn serves_the_site_from_memory_safely() {
    let tmp = TempDir::new("serve-basic");
    let root = common::minimal_site_in(&tmp);
    let server = start_server(&tmp, &root);
    let port = server.port;

    let home = get(port, "/");
    assert_eq!(home.status, 200, "GET /: {}\n{}", home.headers, server.log());
    assert!(home.headers.contains("content-type: text/html"));
    assert!(home.body.contains("<html lang=\"fr\""));
    assert!(home.body.contains("<script src=\"/__vitrine/live.js\"></script>\n</body>"), "live reload injected");
    assert!(!root.join("public").exists(), "serve writes nothing to disk");

    assert_eq!(get(port, "/moocs/rage/").status, 200);
    assert_eq!(get(port, "/moocs/rage/index.html").status, 200);
    let moved = get(port, "/moocs/rage");
    assert_eq!(moved.status, 301);
    assert!(moved.headers.contains("location: /moocs/rage/"), "{}", moved.headers);
    let css = get(port, "/style.css");
    assert!(css.status == 200 && css.headers.contains("content-type: text/css"), "{}", css.headers);
    let ics = get(port, "/moocs/rage/sessions.ics");
    assert!(ics.status == 200 && ics.headers.contains("content-type: text/calendar"), "{}", ics.headers);
    let live = get(port, "/__vitrine/live.js");
    assert!(live.status == 200 && live.body.contains("EventSource"));

    let missing = get(port, "/nope/");
    assert_eq!(missing.status, 404);
    assert!(missing.headers.contains("content-type: text/html"));
    assert!(missing.body.contains("<h1") && missing.body.contains("404"), "the site's own 404 page");

    common::write(&tmp.path, "secret.txt", "top secret\n");
    for attack in [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/etc/passwd",
        "/..%2f..%2fetc%2fpasswd",
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/moocs/../../secret.txt",
        "/site/vitrine.toml",
        "/../site/vitrine.toml",
        "/..\\secret.txt",
    ] {
        let r = get(port, attack);
        assert_ne!(r.status, 200, "GET {attack} must not succeed");
        assert!(!r.body.contains("root:") && !r.body.contains("top secret"), "GET {attack} leaked a file");
    }
}

/// Symbolic links in `static/` (or a bundle) could lead out of the site:
/// they are never followed, so neither served nor written, and `serve`
/// says so as it does for any warning.
#[cfg(unix)]
#[test]
fn symbolic_links_are_not_served() {
    let tmp = TempDir::new("serve-links");
    let root = common::site_with_links_out(&tmp);
    let server = start_server(&tmp, &root);
    let port = server.port;

    assert_eq!(get(port, "/real.txt").status, 200, "{}", server.log());
    for path in ["/secret.txt", "/outside/secret.txt", "/outside/"] {
        let r = get(port, path);
        assert_eq!(r.status, 404, "GET {path} follows a symbolic link");
        assert!(!r.body.contains("top secret"), "GET {path} leaked the file behind a link");
    }
    let log = server.log();
    assert!(
        log.contains("secret.txt") && log.contains("symbolic link: vitrine does not follow links"),
        "the links are reported: {log}"
    );
}

#[test]
fn edits_are_rebuilt_and_announced() {
    let tmp = TempDir::new("serve-edit");
    let root = common::minimal_site_in(&tmp);
    let server = start_server(&tmp, &root);
    let port = server.port;
    let rx = events(port);

    // A content edit: the page and the lists show it; pages are told to reload.
    edit(&root.join("content/moocs/rage.md"), "title = \"La rage\"", "title = \"La rage, nouvelle édition\"");
    assert_eq!(next_event(&rx, &server).0, "reload");
    server.wait_for("/moocs/rage/", "the new title", |r| r.body.contains("La rage, nouvelle édition"));
    assert!(get(port, "/moocs/").body.contains("La rage, nouvelle édition"), "lists are rebuilt too");

    // An atomic save (write a temporary file, rename it over the real one),
    // with an editor's swap file beside it.
    let file = root.join("content/moocs/rage.md");
    fs::write(root.join("content/moocs/.rage.md.swp"), "swap").expect("swap file");
    let text = fs::read_to_string(&file).expect("read");
    let tmp_file = root.join("content/moocs/rage.md.tmp");
    fs::write(&tmp_file, text.replace("nouvelle édition", "troisième édition")).expect("write tmp");
    fs::rename(&tmp_file, &file).expect("rename");
    assert_eq!(next_event(&rx, &server).0, "reload");
    server.wait_for("/moocs/rage/", "the atomic save", |r| r.body.contains("troisième édition"));

    // A stylesheet alone: swapped without a reload.
    let seen = events_of(&rx, &server, || common::write(&root, "static/style.css", "body { color: #123456; }\n"));
    assert!(seen.contains(&"css".to_string()) && !seen.contains(&"reload".to_string()), "{seen:?}");
    server.wait_for("/style.css", "the new stylesheet", |r| r.body.contains("#123456"));
    // `static/` did not exist when the server started: it is watched now.
    let seen = events_of(&rx, &server, || common::write(&root, "static/style.css", "body { color: #654321; }\n"));
    assert_eq!(seen, ["css"]);
    server.wait_for("/style.css", "the second stylesheet", |r| r.body.contains("#654321"));
}

#[test]
fn a_broken_edit_keeps_the_last_good_site_and_shows_its_problems() {
    let tmp = TempDir::new("serve-broken");
    let root = common::minimal_site_in(&tmp);
    let server = start_server(&tmp, &root);
    let port = server.port;
    let rx = events(port);
    let file = root.join("content/moocs/rage.md");
    edit(&file, "level = \"intermediate\"", "level = \"expert\"");

    let (name, data) = next_event(&rx, &server);
    assert_eq!(name, "problems", "{data}");
    let problems: serde_json::Value = serde_json::from_str(&data).expect("JSON problems");
    let first = &problems[0];
    assert!(first["path"].as_str().is_some_and(|p| p.ends_with("content/moocs/rage.md")), "{first}");
    assert!(first["line"].as_u64().is_some_and(|l| l > 1) && first["column"].as_u64().is_some(), "{first}");
    assert!(first["message"].as_str().is_some_and(|m| m.contains("expert")), "{first}");
    assert!(first["hint"].is_string(), "{first}");
    let page = get(port, "/moocs/rage/");
    assert!(page.status == 200 && page.body.contains("La rage"), "the last good site is served");
    // A page opened now learns the problems as soon as it listens.
    let late = events(port);
    assert_eq!(next_event(&late, &server).0, "problems");
    assert!(get(port, "/__vitrine/problems").body.contains("expert"));

    edit(&file, "level = \"expert\"", "level = \"advanced\"");
    assert_eq!(next_event(&rx, &server).0, "ok");
    assert_eq!(next_event(&rx, &server).0, "reload");
    assert_eq!(get(port, "/__vitrine/problems").body, "[]");
}

#[test]
fn created_and_deleted_moocs_appear_and_disappear() {
    let tmp = TempDir::new("serve-files");
    let root = common::minimal_site_in(&tmp);
    let server = start_server(&tmp, &root);
    let port = server.port;
    let rage = fs::read_to_string(root.join("content/moocs/rage.md")).expect("read");
    common::write(&root, "content/moocs/rage-2.md", &rage.replace("title = \"La rage\"", "title = \"La rage 2\""));
    server.wait_for("/moocs/rage-2/", "the new MOOC's page", |r| r.status == 200);
    assert!(get(port, "/moocs/").body.contains("La rage 2"));

    fs::rename(root.join("content/moocs/rage-2.md"), root.join("content/moocs/rage-3.md")).expect("rename");
    server.wait_for("/moocs/rage-3/", "the renamed MOOC", |r| r.status == 200);
    assert_eq!(get(port, "/moocs/rage-2/").status, 404, "the old address is gone");

    fs::remove_file(root.join("content/moocs/rage-3.md")).expect("delete");
    server.wait_for("/moocs/rage-3/", "the deleted MOOC's 404", |r| r.status == 404);
    assert!(!get(port, "/moocs/").body.contains("La rage 2"), "gone from the list");
}
