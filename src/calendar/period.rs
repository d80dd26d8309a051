//! Planned periods (`2026-T3`, `2026-Q3`, `2026-09`) and exact dates.
//!
//! Writers know that a MOOC will run "in the third quarter of 2026" long
//! before they know the dates; a [`Period`] says that, and can be turned
//! into its first and last day for statuses and schedule grids.

use std::fmt;

use jiff::civil::Date;

/// A quarter or a month of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    Quarter { year: i16, quarter: i8 },
    Month { year: i16, month: i8 },
}

/// The `start` of a session: an exact date or a planned period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Date(Date),
    Period(Period),
}

impl Period {
    pub fn first_day(self) -> Date {
        let (y, m) = match self {
            Period::Quarter { year, quarter } => (year, (quarter - 1) * 3 + 1),
            Period::Month { year, month } => (year, month),
        };
        Date::new(y, m, 1).unwrap_or(Date::MIN)
    }

    pub fn last_day(self) -> Date {
        let (y, m) = match self {
            Period::Quarter { year, quarter } => (year, quarter * 3),
            Period::Month { year, month } => (year, month),
        };
        Date::new(y, m, 1).map_or(Date::MAX, |d| d.last_of_month())
    }

    /// The quarter that contains a date.
    pub fn quarter_of(d: Date) -> Period {
        Period::Quarter { year: d.year(), quarter: (d.month() - 1) / 3 + 1 }
    }

    /// The month that contains a date.
    pub fn month_of(d: Date) -> Period {
        Period::Month { year: d.year(), month: d.month() }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Quarter { year, quarter } => write!(f, "{year}-T{quarter}"),
            Period::Month { year, month } => write!(f, "{year}-{month:02}"),
        }
    }
}

/// Why a text is not a date or a period (each with the text, trimmed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhenError {
    /// Neither a date (2026-09-14) nor a period (2026-T3, 2026-Q3, 2026-09).
    Neither(String),
    /// Shaped like a date, but no such day (2026-02-30).
    NotRealDate(String),
    /// A quarter other than T1 to T4.
    BadQuarter(String),
    /// A month other than 01 to 12.
    BadMonth(String),
}

/// Parses `2026-09-14`, `2026-T3`, `2026-Q3` (any case) or `2026-09`.
pub fn parse_when(text: &str) -> Result<When, WhenError> {
    let t = text.trim();
    let bad = || WhenError::Neither(t.to_string());
    let mut parts = t.splitn(3, '-');
    let year_s = parts.next().unwrap_or_default();
    let second = parts.next().ok_or_else(bad)?;
    let third = parts.next();
    if year_s.len() != 4 {
        return Err(bad());
    }
    let year: i16 = year_s.parse().map_err(|_| bad())?;
    if let Some(day_s) = third {
        let month: i8 = second.parse().map_err(|_| bad())?;
        let day: i8 = day_s.parse().map_err(|_| bad())?;
        return Date::new(year, month, day).map(When::Date).map_err(|_| WhenError::NotRealDate(t.to_string()));
    }
    if let Some(q) = second.strip_prefix(['T', 'Q', 't', 'q']) {
        let quarter: i8 = q.parse().map_err(|_| bad())?;
        if !(1..=4).contains(&quarter) {
            return Err(WhenError::BadQuarter(t.to_string()));
        }
        return Ok(When::Period(Period::Quarter { year, quarter }));
    }
    if second.len() != 2 {
        return Err(bad());
    }
    let month: i8 = second.parse().map_err(|_| bad())?;
    if !(1..=12).contains(&month) {
        return Err(WhenError::BadMonth(t.to_string()));
    }
    Ok(When::Period(Period::Month { year, month }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn parses_every_spelling() {
        let q3 = When::Period(Period::Quarter { year: 2026, quarter: 3 });
        assert_eq!(parse_when("2026-T3"), Ok(q3));
        assert_eq!(parse_when("2026-Q3"), Ok(q3));
        assert_eq!(parse_when("2026-q3"), Ok(q3));
        assert_eq!(parse_when("2026-09"), Ok(When::Period(Period::Month { year: 2026, month: 9 })));
        assert_eq!(parse_when("2026-09-14"), Ok(When::Date(date(2026, 9, 14))));
        assert!(parse_when("2026-T5").is_err());
        assert!(parse_when("2026-13").is_err());
        assert!(parse_when("2026-02-30").is_err());
        assert!(parse_when("soon").is_err());
        assert!(parse_when("26-T1").is_err());
    }

    #[test]
    fn bounds_of_periods() {
        let q = Period::Quarter { year: 2024, quarter: 4 };
        assert_eq!(q.first_day(), date(2024, 10, 1));
        assert_eq!(q.last_day(), date(2024, 12, 31));
        let m = Period::Month { year: 2024, month: 2 };
        assert_eq!(m.last_day(), date(2024, 2, 29));
        assert_eq!(Period::quarter_of(date(2026, 9, 30)), Period::Quarter { year: 2026, quarter: 3 });
    }
}
