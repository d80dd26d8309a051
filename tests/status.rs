//! The status rules of CONTENT-MODEL.md ("Status of a session, as of
//! today", rules 1–5, then the MOOC priority), as of 2026-11-23, one table
//! row per branch.

use jiff::civil::{date, Date};
use vitrine::calendar::period::{parse_when, Period, When};
use vitrine::calendar::status::{mooc_status, most_relevant, session_status, SessionDates, Status};

const TODAY: Date = date(2026, 11, 23);

/// `"2026-11-02"`, `"2026-T3"`, `"2026-Q3"` or `"2026-09"`, parsed the way
/// content files are.
fn when(s: &str) -> When {
    parse_when(s).unwrap_or_else(|e| panic!("test data `{s}`: {e:?}"))
}

fn day(s: &str) -> Date {
    s.parse().unwrap_or_else(|e| panic!("test data `{s}`: {e}"))
}

/// A session row: start, end, enrollment start/end, pacing, cancelled.
struct Row {
    name: &'static str,
    start: &'static str,
    end: Option<&'static str>,
    enrollment_start: Option<&'static str>,
    enrollment_end: Option<&'static str>,
    self_paced: bool,
    cancelled: bool,
    expected: Status,
}

const fn row(name: &'static str, start: &'static str, end: Option<&'static str>, expected: Status) -> Row {
    Row {
        name,
        start,
        end,
        enrollment_start: None,
        enrollment_end: None,
        self_paced: false,
        cancelled: false,
        expected,
    }
}

impl Row {
    const fn enrol(mut self, start: Option<&'static str>, end: Option<&'static str>) -> Row {
        self.enrollment_start = start;
        self.enrollment_end = end;
        self
    }
    const fn self_paced(mut self) -> Row {
        self.self_paced = true;
        self
    }
    const fn cancelled(mut self) -> Row {
        self.cancelled = true;
        self
    }
    fn dates(&self) -> SessionDates {
        SessionDates {
            start: when(self.start),
            end: self.end.map(day),
            enrollment_start: self.enrollment_start.map(day),
            enrollment_end: self.enrollment_end.map(day),
            self_paced: self.self_paced,
            cancelled: self.cancelled,
        }
    }
}

use Status::*;

const SESSIONS: &[Row] = &[
    // 1. cancelled wins over everything else.
    row("cancelled while running", "2026-11-02", Some("2026-12-13"), Cancelled).cancelled(),
    row("cancelled in the future", "2027-01-11", Some("2027-03-07"), Cancelled).cancelled(),
    row("cancelled in the past", "2025-01-06", Some("2025-03-09"), Cancelled).cancelled(),
    row("cancelled planned period", "2027-T3", None, Cancelled).cancelled(),
    // 2. planned period (no exact dates): past -> archived, else planned.
    row("quarter past (T)", "2026-T3", None, Archived),
    row("quarter past (Q)", "2026-Q3", None, Archived),
    row("quarter past, lowercase (t)", "2026-t1", None, Archived),
    row("month past", "2026-10", None, Archived),
    row("month past, a year ago", "2025-11", None, Archived),
    row("current quarter (T)", "2026-T4", None, Planned),
    row("current quarter (Q)", "2026-Q4", None, Planned),
    row("current month", "2026-11", None, Planned),
    row("future quarter (T)", "2027-T1", None, Planned),
    row("future quarter (Q)", "2027-Q3", None, Planned),
    row("future month", "2027-01", None, Planned),
    row("next month", "2026-12", None, Planned),
    // 3. end < today -> archived.
    row("ended yesterday", "2026-09-14", Some("2026-11-22"), Archived),
    row("ended long ago", "2023-01-09", Some("2023-03-12"), Archived),
    row("ended, enrollment still 'open' on paper", "2026-09-14", Some("2026-11-22"), Archived)
        .enrol(None, Some("2026-12-31")),
    row("self-paced with an end in the past", "2023-01-09", Some("2026-11-22"), Archived).self_paced(),
    // 4. start <= today <= end (or self-paced and started).
    row("running, enrollment_end defaults to end", "2026-11-02", Some("2026-12-13"), OngoingOpen),
    row("running, enrollment window open", "2026-11-02", Some("2026-12-13"), OngoingOpen)
        .enrol(Some("2026-10-01"), Some("2026-12-01")),
    row("running, enrollment closed last week", "2026-11-02", Some("2026-12-13"), OngoingClosed)
        .enrol(None, Some("2026-11-15")),
    row("running, enrollment closed yesterday", "2026-11-02", Some("2026-12-13"), OngoingClosed)
        .enrol(None, Some("2026-11-22")),
    row("running, enrollment closes today (edge)", "2026-11-02", Some("2026-12-13"), OngoingOpen)
        .enrol(None, Some("2026-11-23")),
    row("running, enrollment not open yet", "2026-11-02", Some("2026-12-13"), OngoingClosed)
        .enrol(Some("2026-11-30"), None),
    row("running, enrollment opens today (edge)", "2026-11-02", Some("2026-12-13"), OngoingOpen)
        .enrol(Some("2026-11-23"), None),
    row("starts today (edge)", "2026-11-23", Some("2027-01-10"), OngoingOpen),
    row("starts today, enrollment closed before", "2026-11-23", Some("2027-01-10"), OngoingClosed)
        .enrol(None, Some("2026-11-20")),
    row("ends today (edge), enrollment_end = end", "2026-10-05", Some("2026-11-23"), OngoingOpen),
    row("ends today (edge), enrollment closed", "2026-10-05", Some("2026-11-23"), OngoingClosed)
        .enrol(None, Some("2026-11-01")),
    row("one-day session today (edge)", "2026-11-23", Some("2026-11-23"), OngoingOpen),
    row("self-paced, started, no end", "2023-01-09", None, OngoingOpen).self_paced(),
    row("self-paced, starts today, no end (edge)", "2026-11-23", None, OngoingOpen).self_paced(),
    row("self-paced, started, no end, enrollment over", "2023-01-09", None, OngoingClosed)
        .self_paced()
        .enrol(None, Some("2026-06-30")),
    row("self-paced, started, end ahead", "2023-01-09", Some("2026-12-31"), OngoingOpen).self_paced(),
    // Instructor-paced, started, no end: validation rejects it, but the
    // status falls back to the running rules.
    row("invalid: started without end", "2026-11-02", None, OngoingOpen),
    row("invalid: started without end, enrollment over", "2026-11-02", None, OngoingClosed)
        .enrol(None, Some("2026-11-10")),
    // 5. today < start.
    row("future, no enrollment dates -> open", "2027-01-11", Some("2027-03-07"), Open),
    row("future, enrollment opened earlier", "2027-02-01", Some("2027-04-04"), Open).enrol(Some("2026-11-02"), None),
    row("future, enrollment opens today (edge)", "2027-02-01", Some("2027-04-04"), Open)
        .enrol(Some("2026-11-23"), None),
    row("future, enrollment closes today (edge)", "2027-02-01", Some("2027-04-04"), Open)
        .enrol(Some("2026-11-01"), Some("2026-11-23")),
    row("starts tomorrow (edge)", "2026-11-24", Some("2027-01-10"), Open),
    row("future, enrollment opens tomorrow -> upcoming", "2027-02-01", Some("2027-04-04"), Upcoming)
        .enrol(Some("2026-11-24"), None),
    row("future, enrollment opens next year -> upcoming", "2027-02-01", Some("2027-04-04"), Upcoming)
        .enrol(Some("2027-01-04"), Some("2027-01-31")),
    row("future, enrollment over -> enrollment closed", "2027-01-11", Some("2027-03-07"), EnrollmentClosed)
        .enrol(Some("2026-10-01"), Some("2026-11-15")),
    row("future, enrollment closed yesterday (edge)", "2027-01-11", Some("2027-03-07"), EnrollmentClosed)
        .enrol(None, Some("2026-11-22")),
    row("self-paced, future, no end", "2027-01-11", None, Open).self_paced(),
    row("self-paced, future, enrollment not open yet", "2027-01-11", None, Upcoming)
        .self_paced()
        .enrol(Some("2026-12-01"), None),
];

#[test]
fn session_statuses() {
    let mut failures = Vec::new();
    for r in SESSIONS {
        let got = session_status(&r.dates(), TODAY);
        if got != r.expected {
            failures.push(format!("{}: expected {:?}, got {:?}", r.name, r.expected, got));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), SESSIONS.len(), failures.join("\n"));
}

#[test]
fn planned_periods_are_parsed_in_every_spelling() {
    let q = When::Period(Period::Quarter { year: 2026, quarter: 4 });
    assert_eq!(when("2026-T4"), q);
    assert_eq!(when("2026-Q4"), q);
    assert_eq!(when("2026-q4"), q);
    assert_eq!(when("2026-11"), When::Period(Period::Month { year: 2026, month: 11 }));
    let p = Period::Quarter { year: 2026, quarter: 4 };
    assert_eq!((p.first_day(), p.last_day()), (date(2026, 10, 1), date(2026, 12, 31)));
    let m = Period::Month { year: 2026, month: 11 };
    assert_eq!((m.first_day(), m.last_day()), (date(2026, 11, 1), date(2026, 11, 30)));
    assert_eq!(Period::quarter_of(TODAY), p);
    assert_eq!(Period::month_of(TODAY), m);
    for bad in ["2026-T5", "2026-Q0", "2026-13", "2026-T", "T3-2026"] {
        assert!(parse_when(bad).is_err(), "{bad} should be rejected");
    }
}

/// MOOC status rows: the statuses of its sessions with their start days.
struct MoocRow {
    name: &'static str,
    sessions: &'static [(Status, &'static str)],
    expected: Status,
    /// Index of the most relevant session ("next"), when there is one.
    next: Option<usize>,
}

const MOOCS: &[MoocRow] = &[
    MoocRow { name: "no session -> to be scheduled", sessions: &[], expected: ToBeScheduled, next: None },
    MoocRow { name: "single session", sessions: &[(Archived, "2024-01-08")], expected: Archived, next: Some(0) },
    // Each status beats the next one in the priority order, in both orders.
    MoocRow {
        name: "open > ongoing-open",
        sessions: &[(OngoingOpen, "2026-11-02"), (Open, "2027-01-11")],
        expected: Open,
        next: Some(1),
    },
    MoocRow {
        name: "ongoing-open > upcoming",
        sessions: &[(Upcoming, "2027-02-01"), (OngoingOpen, "2026-11-02")],
        expected: OngoingOpen,
        next: Some(1),
    },
    MoocRow {
        name: "upcoming > ongoing-closed",
        sessions: &[(OngoingClosed, "2026-11-02"), (Upcoming, "2027-02-01")],
        expected: Upcoming,
        next: Some(1),
    },
    MoocRow {
        name: "ongoing-closed > enrollment-closed",
        sessions: &[(EnrollmentClosed, "2027-01-11"), (OngoingClosed, "2026-11-02")],
        expected: OngoingClosed,
        next: Some(1),
    },
    MoocRow {
        name: "enrollment-closed > planned",
        sessions: &[(Planned, "2027-07-01"), (EnrollmentClosed, "2027-01-11")],
        expected: EnrollmentClosed,
        next: Some(1),
    },
    MoocRow {
        name: "planned > archived",
        sessions: &[(Archived, "2025-01-06"), (Planned, "2027-07-01")],
        expected: Planned,
        next: Some(1),
    },
    MoocRow {
        name: "archived > cancelled",
        sessions: &[(Cancelled, "2027-01-11"), (Archived, "2025-01-06")],
        expected: Archived,
        next: Some(1),
    },
    MoocRow { name: "only cancelled", sessions: &[(Cancelled, "2027-01-11")], expected: Cancelled, next: Some(0) },
    MoocRow {
        name: "every status at once -> open",
        sessions: &[
            (Cancelled, "2020-01-01"),
            (Archived, "2021-01-01"),
            (Planned, "2027-07-01"),
            (EnrollmentClosed, "2027-01-11"),
            (OngoingClosed, "2026-10-01"),
            (Upcoming, "2027-03-01"),
            (OngoingOpen, "2026-11-02"),
            (Open, "2027-02-01"),
        ],
        expected: Open,
        next: Some(7),
    },
    // Ties go to the earliest start, wherever it is in the file.
    MoocRow {
        name: "tie between two open sessions -> earliest start",
        sessions: &[(Open, "2027-09-06"), (Open, "2027-01-11"), (Open, "2027-05-03")],
        expected: Open,
        next: Some(1),
    },
    MoocRow {
        name: "tie between two archived sessions -> earliest start",
        sessions: &[(Archived, "2023-01-09"), (Archived, "2022-01-10")],
        expected: Archived,
        next: Some(1),
    },
    MoocRow {
        name: "tie on the same start -> first in the file",
        sessions: &[(Planned, "2027-07-01"), (Planned, "2027-07-01")],
        expected: Planned,
        next: Some(0),
    },
];

#[test]
fn mooc_statuses() {
    let mut failures = Vec::new();
    for r in MOOCS {
        let sessions: Vec<(Status, Date)> = r.sessions.iter().map(|(s, d)| (*s, day(d))).collect();
        let (got, next) = (mooc_status(&sessions), most_relevant(&sessions));
        if (got, next) != (r.expected, r.next) {
            failures.push(format!(
                "{}: expected {:?} (session {:?}), got {got:?} (session {next:?})",
                r.name, r.expected, r.next
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), MOOCS.len(), failures.join("\n"));
}

/// From dates to the MOOC's status, the way a MOOC page computes it.
#[test]
fn mooc_status_from_session_dates() {
    let mooc = |rows: &[Row]| {
        let sessions: Vec<(Status, Date)> = rows
            .iter()
            .map(|r| {
                let d = r.dates();
                let start = match d.start {
                    When::Date(x) => x,
                    When::Period(p) => p.first_day(),
                };
                (session_status(&d, TODAY), start)
            })
            .collect();
        mooc_status(&sessions)
    };
    // An archived run and a planned one: the planned one is shown.
    let archived = row("", "2025-01-06", Some("2025-03-09"), Archived);
    let planned = row("", "2027-T3", None, Planned);
    assert_eq!(mooc([archived, planned].as_slice()), Planned);
    // A running self-paced session and a future one open for enrollment.
    let running = row("", "2023-01-09", Some("2026-12-31"), OngoingOpen).self_paced();
    let next = row("", "2027-01-11", None, Open).self_paced();
    assert_eq!(mooc([running, next].as_slice()), Open);
    // Everything cancelled but a past run.
    let cancelled = row("", "2027-01-11", Some("2027-03-07"), Cancelled).cancelled();
    let past = row("", "2024-01-08", Some("2024-03-10"), Archived);
    assert_eq!(mooc([cancelled, past].as_slice()), Archived);
    assert_eq!(mooc(&[]), ToBeScheduled);
}

/// The machine-readable keys are part of the public interface.
#[test]
fn status_keys_and_priority_order() {
    let keys: Vec<&str> = Status::ALL.iter().map(|s| s.key()).collect();
    assert_eq!(
        keys,
        [
            "open",
            "ongoing-open",
            "upcoming",
            "ongoing-closed",
            "enrollment-closed",
            "planned",
            "archived",
            "cancelled",
            "to-be-scheduled"
        ]
    );
    assert!(Status::ALL.windows(2).all(|w| w[0] < w[1]), "ALL must be in priority order");
    let enrollable: Vec<Status> = Status::ALL.into_iter().filter(|s| s.enrollable()).collect();
    assert_eq!(enrollable, [Open, OngoingOpen]);
}
