//! What each request gets, from the site in memory: files by path
//! (`index.html` for folders), the site's `404.html` with status 404, the
//! live-reload script injected into HTML pages, and the live-reload event
//! stream. Connections are `connection.rs`'s job.
//! Requests never leave the site: paths are percent-decoded, then `..`,
//! backslashes and NUL are refused; nothing is read from disk.

use std::io::Write;
use std::net::TcpStream;
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

/// The live-reload event stream's path.
pub const EVENTS: &str = "/__vitrine/events";

/// What a request gets (written by `connection.rs`, which adds the length
/// and whether the connection stays open).
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    fn new(status: u16, content_type: &str, body: Vec<u8>) -> Answer {
        let headers = vec![("Content-Type", content_type.to_string()), ("Cache-Control", "no-store".to_string())];
        Answer { status, headers, body }
    }

    /// A plain-text answer (errors of the server itself).
    pub fn text(status: u16, text: &str) -> Answer {
        Answer::new(status, "text/plain; charset=utf-8", text.as_bytes().to_vec())
    }

    pub fn with_header(mut self, name: &'static str, value: &str) -> Answer {
        self.headers.push((name, value.to_string()));
        self
    }
}

/// The answer to a GET of `url` (the event stream aside).
pub fn answer(state: &State, url: &str) -> Answer {
    if url == format!("{PREFIX}live.js") {
        return Answer::new(200, "text/javascript; charset=utf-8", LIVE_JS.as_bytes().to_vec());
    }
    if url == format!("{PREFIX}problems") {
        let json = serde_json::Value::Array(state.problems()).to_string();
        return Answer::new(200, "application/json", json.into_bytes());
    }
    let site = state.served();
    match lookup(|path| site.contains(path), url) {
        Lookup::File(key) => {
            let ty = content_type(&key);
            let bytes = site.get(&key).map(|b| b.to_vec()).unwrap_or_default();
            let body = if ty.starts_with("text/html") { inject(&bytes) } else { bytes };
            Answer::new(200, ty, body)
        }
        Lookup::Redirect(to) => Answer::text(301, "").with_header("Location", &to),
        Lookup::NotFound => {
            let page = site.get("404.html").map_or_else(|| b"Not found".to_vec(), inject);
            Answer::new(404, "text/html; charset=utf-8", page)
        }
    }
}

/// The live-reload stream: server-sent events on `stream` until the
/// browser leaves.
pub fn events(state: &Arc<State>, mut stream: TcpStream) {
    let rx = state.listen();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
                Connection: keep-alive\r\nX-Accel-Buffering: no\r\n\r\nretry: 500\n\n";
    if stream.write_all(head.as_bytes()).and_then(|()| stream.flush()).is_err() {
        return;
    }
    loop {
        let message = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(m) => m,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => ": keep-alive\n\n".to_string(),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return,
        };
        if stream.write_all(message.as_bytes()).and_then(|()| stream.flush()).is_err() {
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
