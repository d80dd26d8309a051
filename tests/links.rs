//! `vitrine check --links` (README, "Links"): every internal link and
//! anchor of the built site is followed (none broken in the bundled
//! catalogue, in both languages), broken ones are errors naming the page
//! and the link, external links are listed, and `--external` asks their
//! servers (here a local one) within a time limit and a per-host limit.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use common::{TempDir, TODAY};

fn check_links(root: &std::path::Path, extra: &[&str]) -> std::process::Output {
    common::vitrine()
        .args(["check", "--links", "--today", TODAY, "--root"])
        .arg(root)
        .args(extra)
        .output()
        .expect("run vitrine")
}

#[test]
fn the_bundled_catalogue_has_no_broken_link_in_either_language() {
    let output = check_links(&common::repo_root(), &[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{}", common::describe(&output));
    let summary = stderr.lines().find(|l| l.starts_with("Checked ")).expect("a summary line");
    assert!(summary.contains(": 0 broken"), "{summary}");
    let pages: usize =
        summary.split(" on ").nth(1).and_then(|s| s.split(' ').next()).and_then(|n| n.parse().ok()).unwrap();
    assert!(pages > 200, "every page of both languages is read: {summary}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.lines().any(|l| l.starts_with("external: https://www.fun-mooc.fr/")), "{stdout}");
}

#[test]
fn broken_links_and_anchors_are_errors_naming_page_and_link() {
    let tmp = TempDir::new("links-broken");
    let root = common::minimal_site_in(&tmp);
    common::write(
        &root,
        "content/pages/a-propos.md",
        "+++\ntitle = \"À propos\"\n+++\n\n## Plan du site\n\n[ok](/moocs/rage/) [ancre](#plan-du-site) \
         [absente](/moocs/absent/) [ancre absente](/moocs/rage/#nulle-part) \
         <a href=\"https://moocs.example.org/a-propos/#plan-du-site\">absolu</a>\n",
    );
    let output = check_links(&root, &[]);
    assert_eq!(output.status.code(), Some(1), "{}", common::describe(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error") || l.starts_with("  --> ")).collect();
    assert_eq!(
        errors,
        [
            "error[E070]: link `/moocs/absent/`: there is no page or file at /moocs/absent/",
            "  --> a-propos/index.html",
            "error[E070]: link `/moocs/rage/#nulle-part`: /moocs/rage/ has no element with id `nulle-part`",
            "  --> a-propos/index.html",
        ],
        "{stderr}"
    );
}

/// A local server: `/ok` 200, `/gone` 404, `/slow` answers after 3 s,
/// `/no-head` refuses HEAD (405) but answers GET; every other path 200
/// after 100 ms. It records the most requests it ever had at once.
fn serve(peak: Arc<AtomicUsize>) -> (String, std::thread::JoinHandle<()>, Arc<tiny_http::Server>) {
    let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("bind a local port"));
    let addr = format!("http://{}", server.server_addr().to_ip().expect("an IP address"));
    let now = Arc::new(AtomicUsize::new(0));
    let s = Arc::clone(&server);
    let handle = std::thread::spawn(move || {
        let mut workers = Vec::new();
        for request in s.incoming_requests() {
            let (now, peak) = (Arc::clone(&now), Arc::clone(&peak));
            workers.push(std::thread::spawn(move || {
                let at_once = now.fetch_add(1, Ordering::SeqCst) + 1;
                peak.fetch_max(at_once, Ordering::SeqCst);
                let (status, wait) = match (request.method(), request.url()) {
                    (_, "/ok") => (200, 0),
                    (_, "/gone") => (404, 0),
                    (_, "/slow") => (200, 3000),
                    (tiny_http::Method::Head, "/no-head") => (405, 0),
                    _ => (200, 100),
                };
                std::thread::sleep(Duration::from_millis(wait));
                now.fetch_sub(1, Ordering::SeqCst);
                let _ = request.respond(tiny_http::Response::empty(status));
            }));
        }
        for w in workers {
            let _ = w.join();
        }
    });
    (addr, handle, server)
}

#[test]
fn external_links_are_asked_with_a_time_limit_and_a_per_host_limit() {
    let peak = Arc::new(AtomicUsize::new(0));
    let (addr, handle, server) = serve(Arc::clone(&peak));
    let tmp = TempDir::new("links-external");
    let root = common::minimal_site_in(&tmp);
    // The fixture's links to real sites go to the local server instead:
    // a test asks no other machine.
    for rel in
        ["content/platforms/fun-mooc.md", "content/institutions/imt.md", "content/institutions/institut-pasteur.md"]
    {
        let text = std::fs::read_to_string(root.join(rel)).expect("read a fixture file");
        common::write(&root, rel, &text.replace("https://", &format!("{addr}/elsewhere/")));
    }
    let many: String = (0..8).map(|i| format!("[p{i}]({addr}/page-{i}) ")).collect();
    common::write(
        &root,
        "content/pages/a-propos.md",
        &format!(
            "+++\ntitle = \"À propos\"\n+++\n\n[ok]({addr}/ok) [gone]({addr}/gone) [slow]({addr}/slow) \
             [no-head]({addr}/no-head) {many}\n"
        ),
    );

    let listed = check_links(&root, &[]);
    assert!(listed.status.success(), "{}", common::describe(&listed));
    let stdout = String::from_utf8_lossy(&listed.stdout);
    assert!(stdout.contains(&format!("external: {addr}/gone (1 page)")), "listed, not asked: {stdout}");
    assert_eq!(peak.load(Ordering::SeqCst), 0, "without --external nothing is asked");

    let checked = check_links(&root, &["--external", "--timeout", "1", "--per-host", "2"]);
    assert!(checked.status.success(), "failing external links are warnings: {}", common::describe(&checked));
    let stderr = String::from_utf8_lossy(&checked.stderr);
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.starts_with("warning")).collect();
    assert_eq!(warnings.len(), 2, "{stderr}");
    assert!(warnings[0].starts_with(&format!("warning[W020]: {addr}/gone: the server answered 404")), "{stderr}");
    assert!(
        warnings[1].starts_with(&format!("warning[W020]: {addr}/slow: no answer within the time limit")),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&checked.stdout);
    assert!(stdout.contains(&format!("external: {addr}/no-head (200")), "GET after a refused HEAD: {stdout}");
    assert!(stdout.contains(&format!("external: {addr}/page-7 (200")), "{stdout}");
    let at_once = peak.load(Ordering::SeqCst);
    assert!((1..=2).contains(&at_once), "never more than 2 requests at once to the host: {at_once}");

    let strict = check_links(&root, &["--external", "--timeout", "1", "--deny-warnings"]);
    assert_eq!(strict.status.code(), Some(1), "{}", common::describe(&strict));
    server.unblock();
    let _ = handle.join();
}
