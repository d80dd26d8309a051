//! What "today" is for a build: `--today`, else `SOURCE_DATE_EPOCH`, else the
//! clock, always as a calendar date in the site's timezone.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::Timestamp;

/// Why `SOURCE_DATE_EPOCH` gives no date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EpochError {
    /// Not a number of seconds (the value).
    NotANumber(String),
    /// Too far from 1970 (jiff's words).
    OutOfRange(String),
}

/// Resolves the build date. `explicit` is `--today`; `epoch` is the value of
/// `SOURCE_DATE_EPOCH` if set.
pub fn resolve_today(explicit: Option<Date>, epoch: Option<&str>, tz: &TimeZone) -> Result<Date, EpochError> {
    if let Some(d) = explicit {
        return Ok(d);
    }
    let ts = match epoch {
        Some(s) => {
            let secs: i64 = s.trim().parse().map_err(|_| EpochError::NotANumber(s.to_string()))?;
            Timestamp::from_second(secs).map_err(|e| EpochError::OutOfRange(e.to_string()))?
        }
        None => Timestamp::now(),
    };
    Ok(ts.to_zoned(tz.clone()).date())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn epoch_is_read_in_the_site_timezone() {
        let paris = TimeZone::get("Europe/Paris").expect("bundled tzdb");
        // 2026-11-22T23:30:00Z is already the 23rd in Paris.
        let d = resolve_today(None, Some("1795390200"), &paris).expect("valid");
        assert_eq!(d, date(2026, 11, 23));
        assert_eq!(resolve_today(Some(date(2024, 1, 1)), Some("0"), &paris), Ok(date(2024, 1, 1)));
        assert!(resolve_today(None, Some("yesterday"), &paris).is_err());
    }
}
