//! The calendar exports (`sessions.ics`, RFC 5545) of the DNM2IP-like
//! fixture, read back with an independent parser (the `icalendar` crate)
//! and checked byte by byte where the parser is lenient:
//!
//! - `/moocs/<slug>/sessions.ics`: one all-day event per dated,
//!   non-cancelled session (`DTSTART;VALUE=DATE`, `DTEND` the day after the
//!   last day), with the enrol URL; the enrolment deadline and the exam
//!   window as their own events when set; nothing for planned periods or
//!   cancelled sessions;
//! - `/parcours/<slug>/sessions.ics` and `/schedules/<slug>/sessions.ics`:
//!   every event of their MOOCs (the rows);
//! - UIDs unique within a file, the same in every file and across builds
//!   (another build date, a session added before the others);
//! - `DTSTAMP` is the build date; lines of at most 75 octets, CRLF line
//!   ends; commas, semicolons and newlines escaped.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime, Event};

use common::{TempDir, TODAY};

const FIXTURE: &str = "dnm2ip-like";
const ORIGIN: &str = "https://moocs.example.org";

/// What an event is: a session, its enrolment deadline, its exam window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Session,
    Deadline,
    Exam,
}
use Kind::{Deadline, Exam, Session};

/// (kind, DTSTART, DTEND (exclusive), enrol URL or "" for the MOOC page).
/// The URL is checked on sessions and deadlines.
type Ev = (Kind, &'static str, &'static str, &'static str);

const VACCINOLOGIE_URL: &str =
    "https://www.fun-mooc.fr/fr/cours/vaccinologie-session-2026-principes-et-pratiques-de-la-vaccination/";
const ZOONOSES_URL: &str = "https://www.fun-mooc.fr/fr/cours/zoonoses-vecteurs-une-seule-sante/?session=2027&langue=fr";
const ZOONOSES_TITLE: &str = "Zoonoses, vecteurs; une seule santé";

/// Every MOOC of the fixture, its title and its events, by hand from its
/// sessions. Planned periods (`2027-T4`, `2027-Q3`, `2027-03`, …) and
/// cancelled sessions (modelisation, mycologie: with a deadline and an
/// exam that must not be exported either) have no event.
#[rustfmt::skip]
const MOOCS: &[(&str, &str, &[Ev])] = &[
    ("vaccinologie", "Vaccinologie", &[
        (Session, "20241007", "20241209", ""),
        (Session, "20251006", "20251208", ""),
        (Session, "20261005", "20261207", VACCINOLOGIE_URL),
        (Deadline, "20261115", "20261116", VACCINOLOGIE_URL),
        (Exam, "20261207", "20261215", ""),
    ]),
    ("immunite-innee", "Immunité innée", &[
        (Session, "20240909", "20241111", ""),
        (Session, "20250908", "20251110", ""),
        (Session, "20260902", "20261201", "https://www.fun-mooc.fr/fr/cours/immunite-innee/"),
    ]),
    ("resistance-antibiotiques", "Résistance aux antibiotiques", &[
        (Session, "20240513", "20240715", ""),
        // Ends on 30 Sept: DTEND is 1 Oct.
        (Session, "20250512", "20251001", ""),
        (Session, "20260302", "20260504", ""),
        (Session, "20270111", "20270315", "https://www.fun-mooc.fr/fr/cours/resistance-aux-antibiotiques/"),
        (Deadline, "20270118", "20270119", "https://www.fun-mooc.fr/fr/cours/resistance-aux-antibiotiques/"),
        (Exam, "20270315", "20270329", ""),
    ]),
    ("bacteriologie", "bactériologie générale", &[
        (Session, "20240304", "20240429", ""),
        (Session, "20261207", "20270215", ""),
    ]),
    ("biobanques", "Biobanques et collections biologiques", &[
        (Session, "20241118", "20250120", ""),
        (Session, "20270201", "20270405", ""),
    ]),
    ("entomologie", "Entomologie médicale", &[
        (Session, "20240415", "20240617", ""),
        (Session, "20260420", "20260622", ""),
    ]),
    ("epidemies-shs", "Épidémies : sciences humaines et sociales", &[
        (Session, "20241014", "20241216", ""),
        (Session, "20261001", "20261021", ""),
        (Session, "20261102", "20261124", ""),
    ]),
    ("essais-cliniques", "Essais cliniques en maladies tropicales", &[
        (Session, "20250113", "20250317", ""),
        (Session, "20250602", "20251013", ""),
    ]),
    ("grippe", "Grippe et virus respiratoires", &[
        // Outside the schedule's range, but a session all the same.
        (Session, "20230109", "20230313", ""),
        // Ends on 31 March: DTEND is 1 April.
        (Session, "20250106", "20250401", ""),
    ]),
    ("hepatites", "Hépatites virales", &[
        (Session, "20240603", "20240805", ""),
        // Self-paced, no end: a one-day event on its start.
        (Session, "20260504", "20260505", "https://www.fun-mooc.fr/fr/cours/hepatites-virales/"),
    ]),
    ("maladies-negligees", "Maladies tropicales négligées", &[
        (Session, "20250310", "20250512", ""),
    ]),
    ("modelisation", "Modélisation des maladies infectieuses", &[
        (Session, "20240916", "20241118", ""),
    ]),
    ("mycologie", "Mycologie médicale", &[
        (Session, "20230403", "20230605", ""),
    ]),
    ("oeuvre-pasteur", "Œuvre de Louis Pasteur", &[
        (Session, "20240701", "20250401", ""),
        (Session, "20270405", "20270701", ""),
    ]),
    ("paludisme", "Paludisme", &[
        (Session, "20250203", "20250407", ""),
    ]),
    ("rage", "Rage", &[
        (Session, "20250106", "20250310", ""),
        (Session, "20261124", "20270111", ""),
        (Deadline, "20261201", "20261202", ""),
    ]),
    ("tuberculose", "Tuberculose", &[
        (Session, "20250505", "20250707", ""),
        (Session, "20260907", "20261123", ""),
    ]),
    ("zoonoses", ZOONOSES_TITLE, &[
        (Session, "20240603", "20240805", ""),
        (Session, "20260601", "20260803", ""),
        // Ends on 31 Dec 2027: DTEND is 1 Jan 2028.
        (Session, "20270906", "20280101", ZOONOSES_URL),
        (Deadline, "20270920", "20270921", ZOONOSES_URL),
        // exam_start only: a one-day exam.
        (Exam, "20271215", "20271216", ""),
    ]),
];

/// The MOOCs of the month schedule.
const MONTHLY_ROWS: [&str; 3] = ["immunite-innee", "paludisme", "modelisation"];

// ---------------------------------------------------------------------------
// Reading a calendar.

/// One parsed VEVENT.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Parsed {
    uid: String,
    kind: Kind,
    /// Slug of the MOOC, from the summary.
    mooc: String,
    start: String,
    end: String,
    url: String,
    description: String,
    stamp: String,
}

/// `20241007` from a `DATE` value; panics on a date-time.
fn date_of(d: Option<DatePerhapsTime>, what: &str) -> String {
    match d {
        Some(DatePerhapsTime::Date(d)) => d.format("%Y%m%d").to_string(),
        other => panic!("{what} is not an all-day DATE: {other:?}"),
    }
}

fn kind_and_mooc(summary: &str) -> (Kind, String) {
    let (kind, title) = if let Some(t) = summary.strip_suffix(" — fin des inscriptions") {
        (Deadline, t)
    } else if let Some(t) = summary.strip_suffix(" — examen") {
        (Exam, t)
    } else {
        (Session, summary)
    };
    let slug = MOOCS
        .iter()
        .find(|m| m.1 == title)
        .unwrap_or_else(|| panic!("SUMMARY {summary:?} names no MOOC of the fixture"))
        .0;
    (kind, slug.to_string())
}

/// Parses a `.ics` file with the `icalendar` crate.
fn parse(text: &str, what: &str) -> (Calendar, Vec<Parsed>) {
    let cal: Calendar = text.parse().unwrap_or_else(|e| panic!("{what} does not parse: {e}"));
    let mut events = Vec::new();
    for c in &cal.components {
        let e: &Event = match c {
            CalendarComponent::Event(e) => e,
            other => panic!("{what}: unexpected component {other:?}"),
        };
        let summary = e.get_summary().unwrap_or_else(|| panic!("{what}: an event without SUMMARY"));
        let (kind, mooc) = kind_and_mooc(summary);
        events.push(Parsed {
            uid: e.get_uid().unwrap_or_else(|| panic!("{what}: {summary} has no UID")).to_string(),
            kind,
            mooc,
            start: date_of(e.get_start(), &format!("{what}: DTSTART of {summary}")),
            end: date_of(e.get_end(), &format!("{what}: DTEND of {summary}")),
            url: e.get_url().unwrap_or_default().to_string(),
            description: e.get_description().unwrap_or_default().to_string(),
            stamp: e
                .get_timestamp()
                .unwrap_or_else(|| panic!("{what}: {summary} has no UTC DTSTAMP"))
                .format("%Y%m%dT%H%M%SZ")
                .to_string(),
        });
    }
    (cal, events)
}

/// The byte-level rules the parser does not enforce: CRLF line ends, at
/// most 75 octets a line, folded lines that start with one space, all-day
/// dates, and escaped TEXT values. Returns the unfolded lines.
fn check_raw(bytes: &[u8], what: &str) -> Vec<String> {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what} is not UTF-8: {e}"));
    assert!(text.ends_with("\r\n"), "{what} ends with CRLF");
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            assert!(i > 0 && bytes[i - 1] == b'\r', "{what}: a bare LF at byte {i}");
        }
        if *b == b'\r' {
            assert_eq!(bytes.get(i + 1), Some(&b'\n'), "{what}: a bare CR at byte {i}");
        }
    }
    let mut unfolded: Vec<String> = Vec::new();
    for (n, line) in text.strip_suffix("\r\n").unwrap_or(text).split("\r\n").enumerate() {
        assert!(line.len() <= 75, "{what}: line {} has {} octets: {line:?}", n + 1, line.len());
        if let Some(rest) = line.strip_prefix(' ') {
            unfolded.last_mut().unwrap_or_else(|| panic!("{what}: the first line is a continuation")).push_str(rest);
        } else {
            assert!(!line.starts_with('\t') && !line.is_empty(), "{what}: line {} is {line:?}", n + 1);
            unfolded.push(line.to_string());
        }
    }
    assert_eq!(unfolded.first().map(String::as_str), Some("BEGIN:VCALENDAR"), "{what}");
    assert_eq!(unfolded.last().map(String::as_str), Some("END:VCALENDAR"), "{what}");
    for line in &unfolded {
        let (name, value) = line.split_once(':').unwrap_or_else(|| panic!("{what}: no `:` in {line:?}"));
        if name.starts_with("DTSTART") || name.starts_with("DTEND") {
            assert!(name.ends_with(";VALUE=DATE"), "{what}: not all-day: {line}");
            assert!(value.len() == 8 && value.bytes().all(|b| b.is_ascii_digit()), "{what}: {line}");
        }
        if ["SUMMARY", "DESCRIPTION", "X-WR-CALNAME", "LOCATION"].contains(&name) {
            check_escaped(value, &format!("{what}: {line}"));
        }
    }
    unfolded
}

/// A TEXT value: every `,` `;` and `\` escaped, only RFC 5545 escapes.
fn check_escaped(value: &str, what: &str) {
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let next = chars.next();
                assert!(matches!(next, Some('\\' | ';' | ',' | 'n' | 'N')), "{what}: bad escape \\{next:?}");
            }
            ',' | ';' => panic!("{what}: unescaped {c:?}"),
            _ => {}
        }
    }
}

/// A built site, to read its `.ics` files.
struct Site {
    out: PathBuf,
}

impl Site {
    fn build(tmp: &TempDir, root: &Path, name: &str, today: &str) -> Site {
        let out = tmp.join(name);
        let output = common::vitrine()
            .arg("build")
            .arg("--root")
            .arg(root)
            .arg("--output")
            .arg(&out)
            .args(["--today", today])
            .output()
            .expect("run the vitrine binary");
        assert!(output.status.success(), "build: {}", common::describe(&output));
        Site { out }
    }

    fn bytes(&self, rel: &str) -> Vec<u8> {
        fs::read(self.out.join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    /// Checks the raw rules, then parses.
    fn events(&self, rel: &str) -> Vec<Parsed> {
        let bytes = self.bytes(rel);
        let lines = check_raw(&bytes, rel);
        let (_, events) = parse(std::str::from_utf8(&bytes).expect("UTF-8"), rel);
        let begins = lines.iter().filter(|l| *l == "BEGIN:VEVENT").count();
        assert_eq!(begins, events.len(), "{rel}: every VEVENT is parsed");
        events
    }

    fn ics_files(&self) -> Vec<String> {
        common::read_tree(&self.out).into_keys().filter(|p| p.ends_with(".ics")).collect()
    }
}

fn mooc_ics(slug: &str) -> String {
    format!("moocs/{slug}/sessions.ics")
}

/// (kind, start, end, url) of the expected events of a MOOC, with the
/// MOOC page for an empty URL.
fn expected(slug: &str) -> Vec<(Kind, String, String, String)> {
    let (_, _, evs) = MOOCS.iter().find(|m| m.0 == slug).unwrap_or_else(|| panic!("{slug} in MOOCS"));
    let mut v: Vec<_> = evs
        .iter()
        .map(|&(k, s, e, u)| {
            let url = if u.is_empty() { format!("{ORIGIN}/moocs/{slug}/") } else { u.to_string() };
            (k, s.to_string(), e.to_string(), url)
        })
        .collect();
    v.sort();
    v
}

fn got(events: &[Parsed]) -> Vec<(Kind, String, String, String)> {
    let mut v: Vec<_> = events.iter().map(|e| (e.kind, e.start.clone(), e.end.clone(), e.url.clone())).collect();
    v.sort();
    v
}

/// Events compared on what the brief fixes: the exam's URL is not.
fn comparable(mut v: Vec<(Kind, String, String, String)>) -> Vec<(Kind, String, String, String)> {
    for e in &mut v {
        if e.0 == Exam {
            e.3.clear();
        }
    }
    v
}

fn assert_unique_uids(events: &[Parsed], what: &str) {
    let mut seen = BTreeSet::new();
    for e in events {
        assert!(!e.uid.trim().is_empty(), "{what}: empty UID");
        assert!(seen.insert(&e.uid), "{what}: UID {} twice", e.uid);
    }
}

// ---------------------------------------------------------------------------
// Tests.

#[test]
fn each_mooc_calendar_has_one_event_per_dated_session_plus_deadlines_and_exams() {
    let tmp = TempDir::new("ics-moocs");
    let site = Site::build(&tmp, &common::fixture_dir(FIXTURE), "public", TODAY);
    let mut problems = Vec::new();
    for (slug, _, _) in MOOCS {
        let rel = mooc_ics(slug);
        let events = site.events(&rel);
        assert_unique_uids(&events, &rel);
        let (g, w) = (comparable(got(&events)), comparable(expected(slug)));
        if g != w {
            problems.push(format!("{rel}:\n   got {g:?}\n  want {w:?}"));
        }
        for e in &events {
            if e.mooc != *slug {
                problems.push(format!("{rel}: an event of {}", e.mooc));
            }
            if e.stamp != "20261123T000000Z" {
                problems.push(format!("{rel}: DTSTAMP {} is not the build date", e.stamp));
            }
            // The enrol URL is in the text too, for clients that hide URL.
            if e.kind == Session && !e.description.contains(&e.url) {
                problems.push(format!("{rel}: the description of {} lacks {}: {:?}", e.start, e.url, e.description));
            }
        }
        let (cal, _) = parse(&String::from_utf8(site.bytes(&rel)).expect("UTF-8"), &rel);
        assert_eq!(cal.property_value("VERSION"), Some("2.0"), "{rel}");
        assert!(cal.property_value("PRODID").is_some(), "{rel} has a PRODID");
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn parcours_and_schedule_calendars_hold_every_event_of_their_moocs() {
    let tmp = TempDir::new("ics-aggregates");
    let site = Site::build(&tmp, &common::fixture_dir(FIXTURE), "public", TODAY);
    // UID -> event, over every MOOC calendar: the same session has the
    // same UID (and the same dates) in every file.
    let mut by_uid: BTreeMap<String, Parsed> = BTreeMap::new();
    for (slug, _, _) in MOOCS {
        for e in site.events(&mooc_ics(slug)) {
            assert!(by_uid.insert(e.uid.clone(), e.clone()).is_none(), "UID {} in two MOOC calendars", e.uid);
        }
    }
    let all: Vec<&str> = MOOCS.iter().map(|m| m.0).collect();
    for (rel, moocs) in [
        ("parcours/dnm2ip/sessions.ics", all.clone()),
        ("schedules/calendrier-dnm2ip/sessions.ics", all.clone()),
        ("schedules/calendrier-mensuel/sessions.ics", MONTHLY_ROWS.to_vec()),
    ] {
        let events = site.events(rel);
        assert_unique_uids(&events, rel);
        let mut want: Vec<_> = moocs.iter().flat_map(|s| expected(s)).collect();
        want.sort();
        assert_eq!(comparable(got(&events)), comparable(want), "{rel}");
        for e in &events {
            let same = by_uid.get(&e.uid).unwrap_or_else(|| panic!("{rel}: UID {} is in no MOOC calendar", e.uid));
            assert_eq!((&same.start, &same.end, same.kind), (&e.start, &e.end, e.kind), "{rel}: UID {}", e.uid);
        }
        let mut slugs: Vec<&str> = events.iter().map(|e| e.mooc.as_str()).collect();
        slugs.sort();
        slugs.dedup();
        let mut want_slugs = moocs.clone();
        want_slugs.sort();
        assert_eq!(slugs, want_slugs, "{rel}: every MOOC has a dated session");
    }
}

#[test]
fn uids_are_stable_across_builds_and_dtstamp_is_the_build_date() {
    let tmp = TempDir::new("ics-stable");
    let root = common::fixture_dir(FIXTURE);
    let a = Site::build(&tmp, &root, "a", TODAY);
    let b = Site::build(&tmp, &root, "b", TODAY);
    let later = Site::build(&tmp, &root, "later", "2027-02-01");
    let files = a.ics_files();
    assert_eq!(files.len(), 18 + 1 + 2, "one calendar per MOOC, parcours and schedule: {files:?}");
    assert_eq!(files, b.ics_files());
    for rel in &files {
        // Same content, same date: the same bytes.
        assert!(a.bytes(rel) == b.bytes(rel), "{rel} differs between two builds");
        // Another build date: the same UIDs, in the same order; only
        // DTSTAMP follows the build date.
        let (ea, el) = (a.events(rel), later.events(rel));
        let uids = |v: &[Parsed]| v.iter().map(|e| e.uid.clone()).collect::<Vec<_>>();
        assert_eq!(uids(&ea), uids(&el), "{rel}: UIDs depend on the build date");
        assert!(ea.iter().all(|e| e.stamp == "20261123T000000Z"), "{rel}");
        assert!(el.iter().all(|e| e.stamp == "20270201T000000Z"), "{rel}: DTSTAMP of a build on 2027-02-01");
    }
}

#[test]
fn a_new_session_does_not_change_the_uids_of_the_others() {
    let tmp = TempDir::new("ics-new-session");
    let root = tmp.join("site");
    common::copy_dir(&common::fixture_dir(FIXTURE), &root);
    let before = Site::build(&tmp, &root, "before", TODAY);
    // A session written before the existing ones: the others move down
    // one place in the list, but they are the same sessions.
    let file = root.join("content/moocs/paludisme.md");
    let text = fs::read_to_string(&file).expect("read");
    let added = text.replacen("[[sessions]]", "[[sessions]]\nstart = 2024-04-08\nend = 2024-05-26\n\n[[sessions]]", 1);
    assert_ne!(text, added);
    fs::write(&file, added).expect("write");
    let after = Site::build(&tmp, &root, "after", TODAY);
    for rel in [mooc_ics("paludisme"), "parcours/dnm2ip/sessions.ics".to_string()] {
        let old = before.events(&rel);
        let new = after.events(&rel);
        assert_eq!(new.len(), old.len() + 1, "{rel}: one more event");
        for e in &old {
            let same = new.iter().find(|n| n.uid == e.uid).unwrap_or_else(|| panic!("{rel}: UID {} is gone", e.uid));
            assert_eq!((&same.start, &same.end, same.kind), (&e.start, &e.end, e.kind), "{rel}: UID {}", e.uid);
        }
        assert_unique_uids(&new, &rel);
    }
}

#[test]
fn text_is_escaped_and_lines_are_folded() {
    let tmp = TempDir::new("ics-escaping");
    let site = Site::build(&tmp, &common::fixture_dir(FIXTURE), "public", TODAY);

    // A title with a comma and a semicolon.
    let rel = mooc_ics("zoonoses");
    let bytes = site.bytes(&rel);
    let lines = check_raw(&bytes, &rel);
    let escaped = "Zoonoses\\, vecteurs\\; une seule santé";
    assert!(lines.contains(&format!("X-WR-CALNAME:{escaped}")), "{rel}: calendar name escaped:\n{lines:#?}");
    assert!(lines.contains(&format!("SUMMARY:{escaped}")), "{rel}: summary escaped:\n{lines:#?}");
    let (_, events) = parse(std::str::from_utf8(&bytes).expect("UTF-8"), &rel);
    let sessions: Vec<&Parsed> = events.iter().filter(|e| e.kind == Session).collect();
    assert_eq!(sessions.len(), 3);
    let raw_summaries: Vec<&str> = lines.iter().filter_map(|l| l.strip_prefix("SUMMARY:")).collect();
    assert!(raw_summaries.iter().all(|s| s.starts_with(escaped)), "{raw_summaries:?}");
    let cal: Calendar = std::str::from_utf8(&bytes).expect("UTF-8").parse().expect("parses");
    for c in &cal.components {
        if let CalendarComponent::Event(e) = c {
            assert!(e.get_summary().is_some_and(|s| s.starts_with(ZOONOSES_TITLE)), "unescaped by the parser");
        }
    }

    // Newlines in a description are written `\n` and read back as newlines.
    let described: Vec<&String> = lines.iter().filter(|l| l.starts_with("DESCRIPTION:") && l.contains("\\n")).collect();
    assert!(!described.is_empty(), "{rel}: a description on two lines is escaped:\n{lines:#?}");
    let long = sessions.iter().find(|e| e.url == ZOONOSES_URL).expect("the 2027 session");
    assert!(long.description.contains('\n'), "parsed description has its newline: {:?}", long.description);
    assert!(long.description.ends_with(ZOONOSES_URL), "{:?}", long.description);

    // Long lines are folded (and unfolded back to the same value).
    let text = std::str::from_utf8(&bytes).expect("UTF-8");
    assert!(text.contains("\r\n "), "{rel}: the long URL is folded");
    assert!(lines.contains(&format!("URL:{ZOONOSES_URL}")), "{rel}: URL unfolds to the enrol URL");

    // Every calendar of the site follows the same rules.
    for rel in site.ics_files() {
        check_raw(&site.bytes(&rel), &rel);
    }
}
