//! `vitrine serve`: builds the site into memory, serves it over HTTP
//! (`connection.rs`, `http.rs`), rebuilds it when a source changes
//! (`watch.rs`), and tells the open pages (`state.rs`, `live.js`): reload, swap the stylesheet, or
//! show the build's problems over the page while the last good site stays
//! served. Rebuilds are incremental (`rebuild.rs`), and a MOOC's text
//! edit is served before its rebuild ends (`preview.rs`); everything is in
//! memory, nothing is written to disk.

pub mod connection;
pub mod http;
pub mod preview;
pub mod rebuild;
pub mod state;
pub mod watch;

use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::diagnostic::{cli, Locale, Msg};
use crate::{Options, Report};
use rebuild::Session;
use state::State;

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Address to listen on; 127.0.0.1 unless asked otherwise.
    pub bind: IpAddr,
    /// 0: any free port.
    pub port: u16,
    /// Open the site in the default browser once it is served.
    pub open: bool,
    /// Quiet time after a change before rebuilding.
    pub debounce: Duration,
    /// The language of what is printed, and of the problems shown in pages.
    pub locale: Locale,
}

/// Why serving stopped.
#[derive(Debug)]
pub enum ServeError {
    /// The first build has errors (reported through `report`).
    Content,
    /// The address cannot be used, or files cannot be watched.
    Io(Msg),
}

/// Builds, serves and rebuilds until the process ends. `report` prints a
/// build's problems (and is told how long it took).
pub fn serve(
    mut opts: Options,
    serve: ServeOptions,
    report: impl Fn(&Report, Duration) + Send + 'static,
) -> Result<(), ServeError> {
    let listener = std::net::TcpListener::bind((serve.bind, serve.port))
        .map_err(|e| ServeError::Io(cli::cannot_listen(format!("{}:{}", serve.bind, serve.port), e.to_string())))?;
    let port = listener.local_addr().map_or(serve.port, |a| a.port());
    let host = if serve.bind.is_unspecified() { "127.0.0.1".to_string() } else { url_host(serve.bind) };
    let url = format!("http://{host}:{port}/");
    if opts.base_url.is_none() {
        opts.base_url = Some(format!("http://{host}:{port}"));
    }
    let started = Instant::now();
    let mut session = Session::new(opts.clone());
    let (first, update) = session.rebuild();
    report(&first, started.elapsed());
    let Some(update) = update else { return Err(ServeError::Content) };
    let state = Arc::new(State::new(update.files));

    let rebuild_state = Arc::clone(&state);
    let timings = std::env::var_os("VITRINE_TIMINGS").is_some();
    let locale = serve.locale;
    // The rebuild finds the changes by the files' stamps; the paths the
    // watcher saw only pick the preview (`preview.rs`).
    let _watcher = watch::watch(&opts.root, serve.debounce, locale, move |changed| {
        let started = Instant::now();
        if let Some(pages) = session.preview(&changed) {
            if timings {
                eprintln!("timing: preview {:>7.1} ms", started.elapsed().as_secs_f64() * 1000.0);
            }
            rebuild_state.preview(pages);
        }
        let (result, update) = session.rebuild();
        report(&result, started.elapsed());
        match update {
            Some(update) => rebuild_state.publish(update.files, &update.changed),
            None => rebuild_state.fail(result.diagnostics.iter().map(|d| d.to_json(locale)).collect()),
        }
    })
    .map_err(ServeError::Io)?;

    if !serve.bind.is_loopback() {
        eprintln!("{}", cli::serving_to_network(serve.bind.to_string()).render(locale));
    }
    eprintln!("{}", cli::serving_on(&url).render(locale));
    if serve.open {
        if let Err(e) = open::that_detached(&url) {
            eprintln!("{}", cli::cannot_open_browser(&e).render(locale));
        }
    }
    connection::run(&listener, &state, locale);
    Ok(())
}

fn url_host(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => format!("[{v6}]"),
    }
}
