//! External links over the network (`vitrine check --links --external`):
//! each URL is asked for with `HEAD` (then `GET` when the server does not
//! answer `HEAD`), within a time limit, and never more than `per_host`
//! requests at once to one host, so that a catalogue with hundreds of
//! links to one platform does not hammer it.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Duration;

use url::Url;

use crate::diagnostic::{cli, Msg};

/// How external links are checked.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// For one request, connection and redirects included.
    pub timeout: Duration,
    /// Requests at once to one host.
    pub per_host: usize,
    /// Requests at once in all.
    pub workers: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { timeout: Duration::from_secs(10), per_host: 2, workers: 8 }
    }
}

/// The answer for one URL: `Ok(status)` below 400, else what went wrong.
pub type Outcome = Result<u16, Msg>;

/// Checks every URL of `urls`; the outcomes come back in the same order.
pub fn check(urls: &[String], limits: Limits) -> Vec<Outcome> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(limits.timeout))
        .http_status_as_error(false)
        .max_redirects(10)
        .user_agent(concat!("vitrine-link-check/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    // Each host's URLs are dealt into `per_host` lanes; a worker takes a
    // whole lane and asks its URLs one after the other, so no host gets
    // more than `per_host` requests at once.
    let mut by_host: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, u) in urls.iter().enumerate() {
        let host = Url::parse(u).ok().and_then(|u| u.host_str().map(str::to_string)).unwrap_or_default();
        by_host.entry(host).or_default().push(i);
    }
    let per_host = limits.per_host.max(1);
    let mut lanes: Vec<Vec<usize>> = Vec::new();
    for indices in by_host.into_values() {
        let n = per_host.min(indices.len());
        let start = lanes.len();
        lanes.extend((0..n).map(|_| Vec::new()));
        for (k, i) in indices.into_iter().enumerate() {
            lanes[start + k % n].push(i);
        }
    }
    let lanes = Mutex::new(lanes);
    let results: Mutex<Vec<Option<Outcome>>> = Mutex::new(vec![None; urls.len()]);
    std::thread::scope(|s| {
        for _ in 0..limits.workers.max(1) {
            s.spawn(|| loop {
                let Some(lane) = lanes.lock().ok().and_then(|mut l| l.pop()) else { return };
                for i in lane {
                    let outcome = ask(&agent, &urls[i]);
                    if let Ok(mut r) = results.lock() {
                        r[i] = Some(outcome);
                    }
                }
            });
        }
    });
    results.into_inner().unwrap_or_default().into_iter().map(|o| o.unwrap_or_else(|| Err(cli::not_checked()))).collect()
}

fn ask(agent: &ureq::Agent, url: &str) -> Outcome {
    let status = |r: Result<ureq::http::Response<ureq::Body>, ureq::Error>| -> Result<u16, Msg> {
        r.map(|resp| resp.status().as_u16()).map_err(describe)
    };
    let mut code = status(agent.head(url).call())?;
    // Some servers do not answer HEAD (405, 501) or refuse it (403).
    if matches!(code, 403 | 405 | 501) {
        code = status(agent.get(url).call())?;
    }
    if code >= 400 {
        return Err(cli::server_answered(code));
    }
    Ok(code)
}

fn describe(e: ureq::Error) -> Msg {
    match e {
        ureq::Error::Timeout(_) => cli::server_silent(),
        ureq::Error::HostNotFound => cli::host_not_found(),
        ureq::Error::Io(e) => cli::cannot_connect(&e),
        e => cli::cannot_connect(e.to_string()),
    }
}
