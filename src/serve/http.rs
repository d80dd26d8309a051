//! Answering requests from the site in memory: files by path (`index.html`
//! for folders), the site's `404.html` with status 404, the live-reload
//! script injected into HTML pages, and the live-reload event stream.
//! Requests never leave the site: paths are percent-decoded, then `..`,
//! backslashes and NUL are refused; nothing is read from disk.

use std::io::{Cursor, Write};
use std::sync::Arc;
use std::time::Duration;

use crate::serve::state::State;

/// Where the live-reload script and events live (never a site path: a
/// content folder cannot start with `__`).
pub const PREFIX: &str = "/__vitrine/";
const LIVE_JS: &str = include_str!("live.js");

/// A request path resolved in the site.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    File(String),
    /// A folder asked without its final `/`.
    Redirect(String),
    NotFound,
}

/// Finds the file a request path names, among those `exists` knows.
pub fn lookup(exists: impl Fn(&str) -> bool, url_path: &str) -> Lookup {
    let path = url_path.split(['?', '#']).next().unwrap_or("/");
    let Some(decoded) = percent_decode(path) else { return Lookup::NotFound };
    let mut parts = Vec::new();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => return Lookup::NotFound,
            p if p.contains('\\') || p.contains('\0') => return Lookup::NotFound,
            p => parts.push(p),
        }
    }
    let key = parts.join("/");
    let folder = if key.is_empty() { "index.html".to_string() } else { format!("{key}/index.html") };
    if decoded.ends_with('/') || key.is_empty() {
        return if exists(&folder) { Lookup::File(folder) } else { Lookup::NotFound };
    }
    if exists(&key) {
        Lookup::File(key)
    } else if exists(&folder) {
        Lookup::Redirect(format!("{path}/"))
    } else {
        Lookup::NotFound
    }
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

pub fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map_or("", |(_, e)| e) {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// The page with the live-reload script before `</body>` (only in serve,
/// never in what `build` writes).
pub fn inject(html: &[u8]) -> Vec<u8> {
    let tag = format!("<script src=\"{PREFIX}live.js\"></script>");
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{tag}\n{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{tag}").into_bytes(),
    }
}

type Reply = tiny_http::Response<Cursor<Vec<u8>>>;

fn reply(body: Vec<u8>, ty: &str, code: u16) -> Reply {
    let mut r = tiny_http::Response::from_data(body).with_status_code(code);
    for (name, value) in [("Content-Type", ty), ("Cache-Control", "no-store")] {
        if let Ok(h) = tiny_http::Header::from_bytes(name, value) {
            r = r.with_header(h);
        }
    }
    r
}

/// Answers one request (the event stream on its own thread).
pub fn handle(state: &Arc<State>, request: tiny_http::Request) {
    let url = request.url().to_string();
    if url == format!("{PREFIX}events") {
        let state = Arc::clone(state);
        std::thread::spawn(move || events(&state, request));
        return;
    }
    let response = if url == format!("{PREFIX}live.js") {
        reply(LIVE_JS.as_bytes().to_vec(), "text/javascript; charset=utf-8", 200)
    } else if url == format!("{PREFIX}problems") {
        reply(serde_json::Value::Array(state.problems()).to_string().into_bytes(), "application/json", 200)
    } else {
        let site = state.served();
        match lookup(|path| site.contains(path), &url) {
            Lookup::File(key) => {
                let ty = content_type(&key);
                let bytes = site.get(&key).map(|b| b.to_vec()).unwrap_or_default();
                let body = if ty.starts_with("text/html") { inject(&bytes) } else { bytes };
                reply(body, ty, 200)
            }
            Lookup::Redirect(to) => {
                let mut r = reply(Vec::new(), "text/plain; charset=utf-8", 301);
                if let Ok(h) = tiny_http::Header::from_bytes("Location", to) {
                    r = r.with_header(h);
                }
                r
            }
            Lookup::NotFound => {
                let page = site.get("404.html").map_or_else(|| b"Not found".to_vec(), inject);
                reply(page, "text/html; charset=utf-8", 404)
            }
        }
    };
    let _ = request.respond(response);
}

/// The live-reload stream: server-sent events until the browser leaves.
fn events(state: &State, request: tiny_http::Request) {
    let rx = state.listen();
    let mut w = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
                Connection: keep-alive\r\nX-Accel-Buffering: no\r\n\r\nretry: 500\n\n";
    if w.write_all(head.as_bytes()).and_then(|()| w.flush()).is_err() {
        return;
    }
    loop {
        let message = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(m) => m,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => ": keep-alive\n\n".to_string(),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return,
        };
        if w.write_all(message.as_bytes()).and_then(|()| w.flush()).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Files;

    fn site() -> Files {
        ["index.html", "moocs/index.html", "moocs/x/index.html", "style.css"]
            .iter()
            .map(|k| (k.to_string(), std::sync::Arc::from(&b""[..])))
            .collect()
    }

    #[test]
    fn finds_files_folders_and_refuses_traversal() {
        let s = site();
        assert_eq!(lookup(|k| s.contains_key(k), "/"), Lookup::File("index.html".into()));
        assert_eq!(lookup(|k| s.contains_key(k), "/moocs/x/"), Lookup::File("moocs/x/index.html".into()));
        assert_eq!(lookup(|k| s.contains_key(k), "/moocs/x/?q=1#top"), Lookup::File("moocs/x/index.html".into()));
        assert_eq!(lookup(|k| s.contains_key(k), "/moocs/x"), Lookup::Redirect("/moocs/x/".into()));
        assert_eq!(lookup(|k| s.contains_key(k), "/style.css"), Lookup::File("style.css".into()));
        for attack in ["/../etc/passwd", "/%2e%2e/x", "/moocs/%2E%2E/%2E%2E/x", "/..%2f..%2fx", "/a\\..\\b", "/%00"] {
            assert_eq!(lookup(|k| s.contains_key(k), attack), Lookup::NotFound, "{attack}");
        }
        assert_eq!(lookup(|k| s.contains_key(k), "/missing/"), Lookup::NotFound);
    }

    #[test]
    fn injects_the_script_before_the_end_of_the_body() {
        let page = String::from_utf8(inject(b"<html><body><p>x</p></body></html>")).unwrap_or_default();
        assert!(page.contains("<p>x</p><script src=\"/__vitrine/live.js\"></script>\n</body>"), "{page}");
    }
}
