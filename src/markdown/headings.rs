//! Heading ids: "Semaine 1 : Épidémies" -> `semaine-1-epidemies`, unique per
//! page (`-1`, `-2` suffixes), never one of the page's own ids (session
//! rows, theme sections, footnotes); ids written `{#like-this}` are kept.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use crate::base::slug::slugify;

/// Ids the page around a body already uses: the default theme's section
/// ids and session rows (`session-1`, …). A heading never takes them.
pub(crate) fn reserved(id: &str) -> bool {
    const THEME: &[&str] = &[
        "about-title",
        "certificate-title",
        "children-title",
        "content",
        "entity-title",
        "facts-title",
        "featured-title",
        "home-q",
        "home-q-hint",
        "home-title",
        "list-title",
        "mooc-title",
        "moocs-title",
        "not-found-title",
        "open-now-title",
        "page-title",
        "parcours-title",
        "schedule-title",
        "sessions-caption",
        "sessions-title",
    ];
    THEME.contains(&id)
        || id.starts_with("grid-")
        || id.strip_prefix("session-").is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

pub fn assign_ids(events: &mut [(Event, Range<usize>)]) {
    let mut used: HashSet<String> = HashSet::new();
    for (e, _) in events.iter() {
        match e {
            Event::Start(Tag::Heading { id: Some(id), .. }) => {
                used.insert(id.to_string());
            }
            // Footnote definitions get their label as id.
            Event::Start(Tag::FootnoteDefinition(label)) => {
                used.insert(label.to_string());
            }
            _ => {}
        }
    }
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[i].0 {
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j].0, Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j].0 {
                    text.push_str(t);
                }
                j += 1;
            }
            let base = match slugify(&text) {
                s if s.is_empty() => "section".to_string(),
                s => s,
            };
            let mut id = base.clone();
            let mut n = 1;
            while used.contains(&id) || reserved(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            used.insert(id.clone());
            if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i].0 {
                *slot = Some(CowStr::from(id));
            }
        }
        i += 1;
    }
}
