//! iCalendar (RFC 5545) files: all-day events, escaped text, lines folded
//! at 75 octets, CRLF line ends. Reproducible: `DTSTAMP` is the build date,
//! and UIDs come from what an event is, not from when it was built.

use jiff::civil::Date;

/// One all-day event, from `start` to `end` inclusive.
#[derive(Debug, Clone)]
pub struct Event {
    pub uid: String,
    pub start: Date,
    pub end: Date,
    pub summary: String,
    pub description: String,
    pub url: Option<String>,
}

/// Escapes a TEXT value: backslash, semicolon, comma and newlines.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line: at most 75 octets a line, continuation lines
/// start with a space, never splitting a UTF-8 character.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
    out
}

fn day(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// A whole calendar. `stamp` is the build date (`DTSTAMP`).
pub fn calendar(name: &str, events: &[Event], stamp: Date) -> String {
    let mut out = String::new();
    let mut line = |l: String| out.push_str(&fold(&l));
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//vitrine//MOOC catalogue//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!("X-WR-CALNAME:{}", escape(name)));
    for e in events {
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}", e.uid));
        line(format!("DTSTAMP:{}T000000Z", day(stamp)));
        line(format!("DTSTART;VALUE=DATE:{}", day(e.start)));
        // DTEND of an all-day event is exclusive: the day after the last.
        let end = e.end.max(e.start).tomorrow().unwrap_or(e.end);
        line(format!("DTEND;VALUE=DATE:{}", day(end)));
        line(format!("SUMMARY:{}", escape(&e.summary)));
        if !e.description.is_empty() {
            line(format!("DESCRIPTION:{}", escape(&e.description)));
        }
        if let Some(u) = &e.url {
            line(format!("URL:{u}"));
        }
        line("TRANSP:TRANSPARENT".into());
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn escapes_and_folds() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
        let long = format!("SUMMARY:{}", "é".repeat(60));
        let folded = fold(&long);
        for l in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), format!("{long}\r\n"));
    }

    #[test]
    fn all_day_events_end_the_day_after() {
        let e = Event {
            uid: "x@y".into(),
            start: date(2024, 4, 8),
            end: date(2024, 6, 9),
            summary: "S".into(),
            description: String::new(),
            url: None,
        };
        let cal = calendar("C", &[e], date(2026, 11, 23));
        assert!(cal.contains("DTSTART;VALUE=DATE:20240408\r\n"));
        assert!(cal.contains("DTEND;VALUE=DATE:20240610\r\n"));
        assert!(cal.contains("DTSTAMP:20261123T000000Z\r\n"));
    }
}
