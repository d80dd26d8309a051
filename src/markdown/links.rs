//! `@/kind/slug.md` links: resolved to the entity's URL at build time.
//! Links and images that would run or embed code (`javascript:`,
//! `vbscript:`, `data:`) are errors at their position.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag};

use crate::diagnostic::{problems, texts, Diagnostic, Out};
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
        if let Some(scheme) = refused_scheme(dest) {
            let span = body.range.start + range.start..body.range.start + range.end;
            let hint = if scheme == "data:" { texts::save_data_as_file() } else { texts::link_to_a_page() };
            out.push(Diagnostic::at(body.file, span, problems::refused_link(scheme)).with_hint(hint));
            *dest = CowStr::from("");
            continue;
        }
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
                    Some((kind, slug)) => texts::check_link_target(format!("content/{kind}/{slug}")),
                    None => texts::internal_link_form(),
                };
                out.push(
                    Diagnostic::at(body.file, span, problems::dangling_internal_link(format!("@/{target}")))
                        .with_hint(hint),
                );
            }
        }
    }
}

/// The scheme of `url` when it is one a page must not link to, read as a
/// browser reads it (case, spaces and control characters ignored).
pub fn refused_scheme(url: &str) -> Option<&'static str> {
    let head: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .take(11)
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"].into_iter().find(|s| head.starts_with(s))
}
