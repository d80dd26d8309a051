//! The dev server's connections: one thread per browser connection, for as
//! long as the browser keeps it open (HTTP/1.1 keep-alive), reading each
//! request with `httparse` and writing the answer `http.rs` chose.
//!
//! Why not a fixed pool: a browser keeps idle connections open and holds
//! one more for the live-reload event stream; a pool thread waiting on an
//! idle connection cannot answer another one, so a page with more files
//! than the pool has threads never finished loading (tiny_http's pool did
//! that, see docs/decisions.md). A thread per connection cannot starve;
//! connections are capped, idle ones are closed after a while, and the
//! server listens on 127.0.0.1 unless asked otherwise.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use crate::diagnostic::{cli, Locale};
use crate::serve::http::{self, Answer};
use crate::serve::state::State;

/// Connections served at once; beyond, a connection gets 503 and is closed.
const MAX_CONNECTIONS: usize = 256;
/// An idle keep-alive connection (or one sending its request too slowly) is
/// closed after this long.
const IDLE: Duration = Duration::from_secs(30);
/// A request's head (request line and headers) larger than this is refused.
const MAX_HEAD: usize = 16 * 1024;
const MAX_HEADERS: usize = 64;

/// Accepts connections until the listener fails.
pub fn run(listener: &TcpListener, state: &Arc<State>, locale: Locale) {
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        if open.fetch_add(1, Ordering::AcqRel) >= MAX_CONNECTIONS {
            open.fetch_sub(1, Ordering::AcqRel);
            let _ = write_answer(&mut stream, &Answer::text(503, "Too many connections"), false, false);
            continue;
        }
        let state = Arc::clone(state);
        let open = Arc::clone(&open);
        let spawned = std::thread::Builder::new().name("serve-connection".into()).spawn(move || {
            serve_connection(stream, &state);
            open.fetch_sub(1, Ordering::AcqRel);
        });
        if spawned.is_err() {
            eprintln!("{}", cli::serve_no_thread().render(locale));
        }
    }
}

/// One request's head, as far as the server cares.
struct Head {
    method: String,
    path: String,
    keep_alive: bool,
    /// The request has a body (never expected): the connection is closed
    /// after the answer instead of reading past it.
    has_body: bool,
}

/// Answers the requests of one connection until either side closes it.
fn serve_connection(mut stream: TcpStream, state: &Arc<State>) {
    let _ = stream.set_read_timeout(Some(IDLE));
    let _ = stream.set_write_timeout(Some(IDLE));
    let _ = stream.set_nodelay(true);
    let mut buffer = Vec::new();
    loop {
        let head = match read_head(&mut stream, &mut buffer) {
            Ok(Some(head)) => head,
            Ok(None) => return,
            Err(code) => {
                let _ = write_answer(&mut stream, &Answer::text(code, "Bad request"), false, false);
                return;
            }
        };
        let keep_alive = head.keep_alive && !head.has_body;
        if head.method == "GET" && head.path == http::EVENTS {
            // The stream holds this connection (and thread) until the page leaves.
            http::events(state, stream);
            return;
        }
        let answer = match head.method.as_str() {
            "GET" | "HEAD" => http::answer(state, &head.path),
            _ => Answer::text(405, "Only GET and HEAD are served").with_header("Allow", "GET, HEAD"),
        };
        if write_answer(&mut stream, &answer, head.method == "HEAD", keep_alive).is_err() || !keep_alive {
            return;
        }
    }
}

/// Reads the next request's head; `None` when the connection closed (or
/// stayed idle too long) between requests; an HTTP status when the request
/// cannot be read. Bytes after the head stay in `buffer` (pipelining).
fn read_head(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> Result<Option<Head>, u16> {
    let mut chunk = [0u8; 4096];
    loop {
        if !buffer.is_empty() {
            let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
            let mut request = httparse::Request::new(&mut headers);
            match request.parse(buffer) {
                Ok(httparse::Status::Complete(len)) => {
                    let head = head_of(&request);
                    buffer.drain(..len);
                    return Ok(Some(head));
                }
                Ok(httparse::Status::Partial) if buffer.len() < MAX_HEAD => {}
                Ok(httparse::Status::Partial) => return Err(431),
                Err(_) => return Err(400),
            }
        }
        match stream.read(&mut chunk) {
            Ok(0) => return if buffer.is_empty() { Ok(None) } else { Err(400) },
            Ok(n) => buffer.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return Ok(None),
        }
    }
}

fn head_of(request: &httparse::Request) -> Head {
    let header = |name: &str| {
        request
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).to_ascii_lowercase())
    };
    let connection = header("connection").unwrap_or_default();
    // HTTP/1.1 keeps the connection unless told to close; 1.0 closes it
    // unless told to keep it.
    let keep_alive = match request.version {
        Some(1) => !connection.contains("close"),
        _ => connection.contains("keep-alive"),
    };
    let has_body = header("transfer-encoding").is_some()
        || header("content-length").is_some_and(|l| !l.trim().parse::<u64>().is_ok_and(|n| n == 0));
    Head {
        method: request.method.unwrap_or_default().to_string(),
        path: request.path.unwrap_or("/").to_string(),
        keep_alive,
        has_body,
    }
}

/// Writes `answer` with its length, and whether the connection stays open.
fn write_answer(stream: &mut TcpStream, answer: &Answer, head_only: bool, keep_alive: bool) -> std::io::Result<()> {
    let mut out = format!("HTTP/1.1 {} {}\r\n", answer.status, reason(answer.status));
    for (name, value) in &answer.headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str(&format!(
        "Content-Length: {}\r\nConnection: {}\r\n\r\n",
        answer.body.len(),
        if keep_alive { "keep-alive" } else { "close" }
    ));
    stream.write_all(out.as_bytes())?;
    if !head_only {
        stream.write_all(&answer.body)?;
    }
    stream.flush()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufRead, BufReader};

    fn start() -> u16 {
        let files = [("index.html", "<body>home</body>"), ("a.js", "let a;"), ("b.css", "p{}")]
            .iter()
            .map(|(k, v)| (k.to_string(), Arc::from(v.as_bytes())))
            .collect();
        let state = Arc::new(State::new(Arc::new(files)));
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("address").port();
        std::thread::spawn(move || run(&listener, &state, Locale::En));
        port
    }

    /// Sends `request` and reads one answer: status line, headers, body.
    fn exchange(reader: &mut BufReader<TcpStream>, request: &str) -> (String, String) {
        reader.get_mut().write_all(request.as_bytes()).expect("send");
        let mut status = String::new();
        reader.read_line(&mut status).expect("status");
        let mut length = 0;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).expect("header");
            if line == "\r\n" {
                break;
            }
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = v.trim().parse().expect("length");
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).expect("body");
        (status.trim().to_string(), String::from_utf8_lossy(&body).to_string())
    }

    fn connect(port: u16) -> BufReader<TcpStream> {
        let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        stream.set_read_timeout(Some(Duration::from_secs(5))).expect("timeout");
        BufReader::new(stream)
    }

    /// The page that never loaded: more open keep-alive connections (and an
    /// event stream) than tiny_http's pool had threads; each must still be
    /// answered, and each kept-alive connection answers again.
    #[test]
    fn many_kept_alive_connections_are_all_answered() {
        let port = start();
        let mut events = connect(port);
        events.get_mut().write_all(b"GET /__vitrine/events HTTP/1.1\r\nHost: x\r\n\r\n").expect("send");
        let mut line = String::new();
        events.read_line(&mut line).expect("events answer");
        assert!(line.starts_with("HTTP/1.1 200"), "{line}");
        let mut open: Vec<_> = (0..12).map(|_| connect(port)).collect();
        for (i, c) in open.iter_mut().enumerate() {
            let path = ["/", "/a.js", "/b.css"][i % 3];
            let (status, _) = exchange(c, &format!("GET {path} HTTP/1.1\r\nHost: x\r\n\r\n"));
            assert_eq!(status, "HTTP/1.1 200 OK", "connection {i}");
        }
        for c in &mut open {
            let (status, body) = exchange(c, "GET /a.js HTTP/1.1\r\nHost: x\r\n\r\n");
            assert_eq!((status.as_str(), body.as_str()), ("HTTP/1.1 200 OK", "let a;"));
        }
    }

    #[test]
    fn pipelined_head_and_refused_requests() {
        let port = start();
        let mut c = connect(port);
        c.get_mut()
            .write_all(b"GET /a.js HTTP/1.1\r\nHost: x\r\n\r\nGET /b.css HTTP/1.1\r\nHost: x\r\n\r\n")
            .expect("send");
        let (_, first) = exchange(&mut c, "");
        let (_, second) = exchange(&mut c, "");
        assert_eq!((first.as_str(), second.as_str()), ("let a;", "p{}"));
        let mut head = connect(port);
        head.get_mut().write_all(b"HEAD /a.js HTTP/1.0\r\n\r\n").expect("send");
        let mut raw = String::new();
        head.read_to_string(&mut raw).expect("answer, then close");
        assert!(raw.contains("Content-Length: 6\r\n") && raw.ends_with("\r\n\r\n"), "{raw}");
        let (status, _) = exchange(&mut connect(port), "POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
        assert_eq!(status, "HTTP/1.1 405 Method Not Allowed");
        let (status, _) = exchange(&mut connect(port), "NOT HTTP\r\n\r\n");
        assert_eq!(status, "HTTP/1.1 400 Bad Request");
    }
}
