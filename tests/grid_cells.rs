//! Table-driven tests of the schedule grid's cell computation
//! (`vitrine::calendar::grid`): which periods a session fills, and how.

use jiff::civil::{date, Date};
use vitrine::calendar::grid::{self, CellState, Granularity, Span};
use vitrine::calendar::period::{parse_when, Period, When};

const TODAY: Date = date(2026, 11, 23);

fn q(year: i16, quarter: i8) -> Period {
    Period::Quarter { year, quarter }
}

fn m(year: i16, month: i8) -> Period {
    Period::Month { year, month }
}

fn dated(start: Date, end: Option<Date>) -> Span {
    Span { start: When::Date(start), end, cancelled: false }
}

fn planned(text: &str) -> Span {
    Span { start: parse_when(text).expect("a period"), end: None, cancelled: false }
}

/// Renders a row as one character per period: `.` empty, `P` past,
/// `R` running, `U` upcoming, `L` planned.
fn render(sessions: &[Span], from: Period, to: Period, gran: Granularity) -> String {
    let periods = grid::periods(from, to, gran);
    grid::row(sessions, &periods, TODAY)
        .iter()
        .map(|c| match c.map(|f| f.state) {
            None => '.',
            Some(CellState::Past) => 'P',
            Some(CellState::Running) => 'R',
            Some(CellState::Upcoming) => 'U',
            Some(CellState::Planned) => 'L',
        })
        .collect()
}

/// (name, sessions, from, to, granularity, expected row)
type Case = (&'static str, Vec<Span>, Period, Period, Granularity, &'static str);

#[test]
fn cells_of_sessions() {
    use Granularity::{Month, Quarter};
    let cases: Vec<Case> = vec![
        (
            "inside one quarter",
            vec![dated(date(2025, 1, 6), Some(date(2025, 3, 2)))],
            q(2025, 1),
            q(2025, 4),
            Quarter,
            "P...",
        ),
        (
            "straddles two quarters",
            vec![dated(date(2025, 3, 10), Some(date(2025, 5, 4)))],
            q(2025, 1),
            q(2025, 4),
            Quarter,
            "PP..",
        ),
        (
            "straddles three quarters",
            vec![dated(date(2025, 3, 10), Some(date(2025, 7, 6)))],
            q(2025, 1),
            q(2025, 4),
            Quarter,
            "PPP.",
        ),
        (
            "2 Sept to 30 Nov fills T3 and T4",
            vec![dated(date(2026, 9, 2), Some(date(2026, 11, 30)))],
            q(2026, 2),
            q(2027, 1),
            Quarter,
            ".RR.",
        ),
        (
            "ends on a quarter's last day",
            vec![dated(date(2025, 2, 1), Some(date(2025, 3, 31)))],
            q(2025, 1),
            q(2025, 3),
            Quarter,
            "P..",
        ),
        (
            "starts on a quarter's first day",
            vec![dated(date(2025, 4, 1), Some(date(2025, 5, 31)))],
            q(2025, 1),
            q(2025, 3),
            Quarter,
            ".P.",
        ),
        (
            "month granularity",
            vec![dated(date(2026, 9, 2), Some(date(2026, 11, 30)))],
            m(2026, 8),
            m(2026, 12),
            Month,
            ".RRR.",
        ),
        ("planned quarter, T spelling", vec![planned("2027-T2")], q(2027, 1), q(2027, 4), Quarter, ".L.."),
        ("planned quarter, Q spelling", vec![planned("2027-Q2")], q(2027, 1), q(2027, 4), Quarter, ".L.."),
        ("planned month in a quarter grid", vec![planned("2027-05")], q(2027, 1), q(2027, 4), Quarter, ".L.."),
        ("planned month in a month grid", vec![planned("2027-03")], m(2027, 1), m(2027, 4), Month, "..L."),
        ("planned quarter in a month grid", vec![planned("2027-T1")], m(2027, 1), m(2027, 4), Month, "LLL."),
        ("planned period already past", vec![planned("2025-T1")], q(2025, 1), q(2025, 2), Quarter, "P."),
        (
            "cancelled session fills nothing",
            vec![Span { cancelled: true, ..dated(date(2025, 1, 6), Some(date(2025, 3, 2))) }],
            q(2025, 1),
            q(2025, 2),
            Quarter,
            "..",
        ),
        (
            "self-paced without end fills to the grid's end",
            vec![dated(date(2026, 5, 4), None)],
            q(2026, 1),
            q(2027, 1),
            Quarter,
            ".RRRR",
        ),
        (
            "upcoming with dates",
            vec![dated(date(2027, 1, 11), Some(date(2027, 3, 14)))],
            q(2026, 4),
            q(2027, 2),
            Quarter,
            ".U.",
        ),
        (
            "session before the range",
            vec![dated(date(2023, 1, 9), Some(date(2023, 3, 5)))],
            q(2024, 2),
            q(2024, 4),
            Quarter,
            "...",
        ),
        (
            "session after the range",
            vec![dated(date(2028, 1, 9), Some(date(2028, 3, 5)))],
            q(2024, 2),
            q(2024, 4),
            Quarter,
            "...",
        ),
        (
            "session partly before the range",
            vec![dated(date(2024, 3, 4), Some(date(2024, 4, 28)))],
            q(2024, 2),
            q(2024, 4),
            Quarter,
            "P..",
        ),
        (
            "running beats past in a shared cell",
            vec![
                dated(date(2026, 10, 1), Some(date(2026, 10, 20))),
                dated(date(2026, 11, 2), Some(date(2026, 12, 13))),
            ],
            q(2026, 4),
            q(2026, 4),
            Quarter,
            "R",
        ),
    ];
    let mut failures = Vec::new();
    for (name, sessions, from, to, gran, expected) in cases {
        let got = render(&sessions, from, to, gran);
        if got != expected {
            failures.push(format!("{name}: expected {expected}, got {got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn periods_and_spans() {
    assert_eq!(grid::periods(q(2024, 2), q(2027, 4), Granularity::Quarter).len(), 15);
    assert_eq!(grid::periods(q(2027, 1), q(2026, 4), Granularity::Quarter).len(), 0);
    assert_eq!(
        grid::periods(m(2024, 11), m(2025, 2), Granularity::Month),
        vec![m(2024, 11), m(2024, 12), m(2025, 1), m(2025, 2)]
    );
    // A quarter range in a month grid covers its months.
    assert_eq!(grid::periods(q(2025, 1), q(2025, 1), Granularity::Month).len(), 3);
    let sessions = [dated(date(2024, 4, 8), Some(date(2024, 6, 9))), planned("2027-T3"), dated(date(2025, 1, 1), None)];
    assert_eq!(grid::span_of(&sessions, Granularity::Quarter), Some((q(2024, 2), q(2027, 3))));
    assert_eq!(grid::span_of(&[], Granularity::Quarter), None);
    let periods = grid::periods(q(2024, 2), q(2024, 4), Granularity::Quarter);
    let outside = [dated(date(2024, 3, 4), Some(date(2024, 4, 28))), dated(date(2024, 5, 1), Some(date(2024, 6, 1)))];
    assert_eq!(grid::outside(&outside, &periods), vec![0]);
}
