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
    let mut out = String::with_capacity(text.len() + 8);
    let mut from = 0;
    // The bytes replaced are ASCII, so each is a whole character: the text
    // is copied in runs between them.
    for (i, b) in text.bytes().enumerate() {
        let by = match b {
            b'\\' => "\\\\",
            b';' => "\\;",
            b',' => "\\,",
            b'\n' => "\\n",
            b'\r' => "",
            _ => continue,
        };
        out.push_str(&text[from..i]);
        out.push_str(by);
        from = i + 1;
    }
    out.push_str(&text[from..]);
    out
}

/// Folds a content line: at most 75 octets a line, continuation lines
/// start with a space, never splitting a UTF-8 character.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    push_folded(&mut out, line);
    out
}

/// [`fold`], appended to `out`.
fn push_folded(out: &mut String, line: &str) {
    let (mut rest, mut room) = (line, 75);
    // A continuation line starts with a space: 74 octets are left for text.
    while rest.len() > room {
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        room = 74;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

/// `YYYYMMDD`.
fn day(d: Date) -> impl std::fmt::Display {
    struct Day(Date);
    impl std::fmt::Display for Day {
        fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            write!(f, "{:04}{:02}{:02}", self.0.year(), self.0.month(), self.0.day())
        }
    }
    Day(d)
}

/// A whole calendar. `stamp` is the build date (`DTSTAMP`).
pub fn calendar(name: &str, events: &[Event], stamp: Date) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(512 + events.len() * 400);
    // Each line is written to `buf`, then folded into `out`.
    let mut buf = String::new();
    let mut line = |out: &mut String, args: std::fmt::Arguments| {
        buf.clear();
        let _ = buf.write_fmt(args);
        push_folded(out, &buf);
    };
    for l in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//vitrine//MOOC catalogue//EN", "CALSCALE:GREGORIAN"] {
        push_folded(&mut out, l);
    }
    push_folded(&mut out, "METHOD:PUBLISH");
    line(&mut out, format_args!("X-WR-CALNAME:{}", escape(name)));
    for e in events {
        push_folded(&mut out, "BEGIN:VEVENT");
        line(&mut out, format_args!("UID:{}", e.uid));
        line(&mut out, format_args!("DTSTAMP:{}T000000Z", day(stamp)));
        line(&mut out, format_args!("DTSTART;VALUE=DATE:{}", day(e.start)));
        // DTEND of an all-day event is exclusive: the day after the last.
        let end = e.end.max(e.start).tomorrow().unwrap_or(e.end);
        line(&mut out, format_args!("DTEND;VALUE=DATE:{}", day(end)));
        line(&mut out, format_args!("SUMMARY:{}", escape(&e.summary)));
        if !e.description.is_empty() {
            line(&mut out, format_args!("DESCRIPTION:{}", escape(&e.description)));
        }
        if let Some(u) = &e.url {
            line(&mut out, format_args!("URL:{u}"));
        }
        push_folded(&mut out, "TRANSP:TRANSPARENT");
        push_folded(&mut out, "END:VEVENT");
    }
    push_folded(&mut out, "END:VCALENDAR");
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
        // Lines are filled: 75 octets, then 74 after the leading space,
        // less only where a character would be cut.
        let ascii = format!("DESCRIPTION:{}", "a".repeat(200));
        let lens: Vec<usize> = fold(&ascii).split("\r\n").map(str::len).collect();
        assert_eq!(lens, [75, 75, 64, 0]);
        let lens: Vec<usize> = folded.split("\r\n").map(str::len).collect();
        assert_eq!(lens, [74, 55, 0], "{folded:?}");
        assert_eq!(escape("é, ü;\r\n"), "é\\, ü\\;\\n");
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
