//! Lists and quotes nested very deep (`>>>>>>…`, a list pasted with ever
//! more indentation) still render, but no reader can follow them and
//! browsers and screen readers slow down: past [`MAX_DEPTH`] levels it is a
//! warning, once per body, where the depth is first passed.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::diagnostic::{problems, texts, Diagnostic, Out};
use crate::markdown::Body;

pub const MAX_DEPTH: usize = 100;

pub fn check(events: &[(Event, Range<usize>)], body: &Body, out: &mut Out) {
    let mut depth = 0usize;
    for (event, range) in events {
        match event {
            Event::Start(Tag::List(_) | Tag::BlockQuote(_)) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    let span = body.range.start + range.start..body.range.start + range.start;
                    out.push(
                        Diagnostic::at(body.file, span, problems::deep_nesting(MAX_DEPTH))
                            .with_hint(texts::deep_nesting_hint()),
                    );
                    return;
                }
            }
            Event::End(TagEnd::List(_) | TagEnd::BlockQuote(_)) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
}
