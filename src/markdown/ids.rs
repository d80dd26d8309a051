//! Ids the writer gives (`## Plan {#plan}`, footnote labels `[^note]:`)
//! must be unique in the page, or two elements share an id: the HTML is
//! invalid and links to it are ambiguous. A repeated one (or one the page
//! around the body already uses) is a warning at its position, and the
//! element gets a free id (`plan-1`), so the page stays valid.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag};

use crate::diagnostic::{problems, texts, Diagnostic, Out};
use crate::markdown::headings::reserved;
use crate::markdown::Body;

pub fn make_unique(events: &mut [(Event, Range<usize>)], body: &Body, out: &mut Out) {
    let mut used: HashSet<String> = HashSet::new();
    for (event, range) in events.iter_mut() {
        let (id, footnote) = match event {
            Event::Start(Tag::Heading { id: Some(id), .. }) => (id, false),
            Event::Start(Tag::FootnoteDefinition(label)) => (label, true),
            _ => continue,
        };
        if !used.contains(id.as_ref()) && !reserved(id) {
            used.insert(id.to_string());
            continue;
        }
        let written = id.to_string();
        let free = (1..).map(|n| format!("{written}-{n}")).find(|c| !used.contains(c) && !reserved(c));
        let Some(free) = free else { continue };
        let span = body.range.start + range.start..body.range.start + range.end;
        let (problem, hint) = if reserved(&written) {
            let noun = if footnote { texts::footnote() } else { texts::heading_id() };
            (problems::id_reserved(noun, &written), texts::id_reserved_hint(&free))
        } else if footnote {
            (problems::footnote_twice(&written), texts::footnote_twice_hint(&free))
        } else {
            (problems::heading_id_twice(&written), texts::heading_id_twice_hint(&free))
        };
        out.push(Diagnostic::at(body.file, span, problem).with_hint(hint));
        used.insert(free.clone());
        *id = CowStr::from(free);
    }
}
