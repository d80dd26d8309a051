//! Ids the writer gives (`## Plan {#plan}`, footnote labels `[^note]:`)
//! must be unique in the page, or two elements share an id: the HTML is
//! invalid and links to it are ambiguous. A repeated one (or one the page
//! around the body already uses) is a warning at its position, and the
//! element gets a free id (`plan-1`), so the page stays valid.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag};

use crate::diagnostic::Diagnostic;
use crate::diagnostic::Out;
use crate::markdown::headings::reserved;
use crate::markdown::Body;

pub fn make_unique(events: &mut [(Event, Range<usize>)], body: &Body, out: &mut Out) {
    let mut used: HashSet<String> = HashSet::new();
    for (event, range) in events.iter_mut() {
        let (id, what) = match event {
            Event::Start(Tag::Heading { id: Some(id), .. }) => (id, "heading id"),
            Event::Start(Tag::FootnoteDefinition(label)) => (label, "footnote"),
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
        let (message, hint) = if reserved(&written) {
            (
                format!("the {what} `{written}` is an id the page already uses"),
                "choose another name: this one was given to something else on the page".to_string(),
            )
        } else if what == "footnote" {
            (
                format!("the footnote `[^{written}]` is defined twice; links go to the first definition only"),
                "remove one of the two definitions, or give this one another label".to_string(),
            )
        } else {
            (
                format!("the heading id `{written}` is given twice on this page"),
                "give each heading its own `{#id}`; links to it go to the first".to_string(),
            )
        };
        out.push(Diagnostic::warning(body.file, span, message).with_hint(format!("{hint} (it is `{free}` for now)")));
        used.insert(free.clone());
        *id = CowStr::from(free);
    }
}
