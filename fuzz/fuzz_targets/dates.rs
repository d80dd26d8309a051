//! Dates and periods as writers spell them (`2026-09-14`, `2026-T3`,
//! `2026-Q3`, `2026-09`), then what the calendar computes from them:
//! first and last days, the periods between two of them, the formatting.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vitrine::calendar::grid::{self, Granularity};
use vitrine::calendar::period::{parse_when, When};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut parts = text.splitn(2, '|');
    let (a, b) = (parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
    let (Ok(a), b) = (parse_when(a), parse_when(b)) else { return };
    let first = match a {
        When::Date(d) => d,
        When::Period(p) => {
            assert!(p.first_day() <= p.last_day());
            let _ = p.to_string();
            p.first_day()
        }
    };
    if let Ok(b) = b {
        let last = match b {
            When::Date(d) => d,
            When::Period(p) => p.last_day(),
        };
        for gran in [Granularity::Month, Granularity::Quarter] {
            let (from, to) = (grid::period_of(first, gran), grid::period_of(last, gran));
            // The grid of two far-apart dates is long but bounded
            // (10,000 years of months at most).
            let periods = grid::periods(from, to, gran);
            assert!(periods.len() <= 120_000);
        }
    }
});
