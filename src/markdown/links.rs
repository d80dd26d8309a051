//! `@/kind/slug.md` links: resolved to the entity's URL at build time.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag};

use crate::diagnostic::{Diagnostic, Out};
use crate::markdown::Body;

pub fn resolve(
    events: &mut [(Event, Range<usize>)],
    body: &Body,
    resolve: &dyn Fn(&str) -> Option<String>,
    out: &mut Out,
) {
    for (event, range) in events.iter_mut() {
        let dest = match event {
            Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. }) => dest_url,
            _ => continue,
        };
        let Some(target) = dest.strip_prefix("@/") else { continue };
        let (path, anchor) = match target.split_once('#') {
            Some((p, a)) => (p, Some(a)),
            None => (target, None),
        };
        match resolve(path) {
            Some(url) => {
                let url = match anchor {
                    Some(a) => format!("{url}#{a}"),
                    None => url,
                };
                *dest = CowStr::from(url);
            }
            None => {
                let span = body.range.start + range.start..body.range.start + range.end;
                let hint = match path.split_once('/') {
                    Some((kind, slug)) => {
                        format!("check that content/{kind}/{slug} exists (links are written `@/moocs/<slug>.md`)")
                    }
                    None => "internal links are written `@/moocs/<slug>.md`, `@/parcours/<slug>.md`, …".to_string(),
                };
                out.push(
                    Diagnostic::error(body.file, span, format!("link to `@/{target}`, which does not exist"))
                        .with_hint(hint),
                );
            }
        }
    }
}
