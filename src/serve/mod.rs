//! `vitrine serve`: build, serve the output on 127.0.0.1, rebuild on change.
//!
//! This is the simple server: a full rebuild after each batch of changes
//! (the incremental one with live reload comes later). Requests never leave
//! the output folder: paths are percent-decoded, then `..` and absolute
//! parts are refused, and symlinks are not followed out of it.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

/// Maps a request path to a file inside `root`, or `None` (404).
pub fn resolve_path(root: &Path, url_path: &str) -> Option<PathBuf> {
    let path = url_path.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_decode(path)?;
    let mut file = root.to_path_buf();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            p if p.contains('\\') || p.contains('\0') => return None,
            p => file.push(p),
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    let real = file.canonicalize().ok()?;
    let real_root = root.canonicalize().ok()?;
    (real.starts_with(&real_root) && real.is_file()).then_some(real)
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

pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
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
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// Serves `root` until the process ends; `rebuild` is called after changes
/// to `watched` paths (debounced).
pub fn serve(
    root_out: PathBuf,
    port: u16,
    watched: Vec<PathBuf>,
    rebuild: impl Fn() + Send + 'static,
) -> Result<(), String> {
    let server =
        tiny_http::Server::http(("127.0.0.1", port)).map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    eprintln!("Serving on http://127.0.0.1:{port}/ (Ctrl+C to stop)");
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(ev) = res {
            if !ev.kind.is_access() {
                let _ = tx.send(());
            }
        }
    })
    .map_err(|e| format!("cannot watch files: {e}"))?;
    for p in &watched {
        if p.exists() {
            let mode = if p.is_dir() { RecursiveMode::Recursive } else { RecursiveMode::NonRecursive };
            watcher.watch(p, mode).map_err(|e| format!("cannot watch {}: {e}", p.display()))?;
        }
    }
    std::thread::spawn(move || {
        let _keep = watcher;
        while rx.recv().is_ok() {
            // Debounce: editors write several events per save.
            while rx.recv_timeout(Duration::from_millis(100)).is_ok() {}
            rebuild();
        }
    });
    for request in server.incoming_requests() {
        let response = match resolve_path(&root_out, request.url()) {
            Some(file) => match std::fs::read(&file) {
                Ok(bytes) => with_type(tiny_http::Response::from_data(bytes), content_type(&file), 200),
                Err(_) => not_found(&root_out),
            },
            None => not_found(&root_out),
        };
        let _ = request.respond(response);
    }
    Ok(())
}

fn with_type(r: tiny_http::Response<Cursor<Vec<u8>>>, ty: &str, code: u16) -> tiny_http::Response<Cursor<Vec<u8>>> {
    let r = r.with_status_code(code);
    match tiny_http::Header::from_bytes("Content-Type", ty) {
        Ok(h) => r.with_header(h),
        Err(()) => r,
    }
}

fn not_found(root: &Path) -> tiny_http::Response<Cursor<Vec<u8>>> {
    let body = std::fs::read(root.join("404.html")).unwrap_or_else(|_| b"Not found".to_vec());
    with_type(tiny_http::Response::from_data(body), "text/html; charset=utf-8", 404)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_traversal() {
        let dir = std::env::temp_dir().join(format!("vitrine-serve-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("a")).expect("tmp");
        std::fs::write(dir.join("a/index.html"), "x").expect("tmp");
        assert!(resolve_path(&dir, "/a/").is_some());
        assert!(resolve_path(&dir, "/a/index.html?x=1").is_some());
        assert!(resolve_path(&dir, "/../etc/passwd").is_none());
        assert!(resolve_path(&dir, "/%2e%2e/etc/passwd").is_none());
        assert!(resolve_path(&dir, "/a/%2E%2E/%2E%2E/x").is_none());
        assert!(resolve_path(&dir, "/missing").is_none());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
