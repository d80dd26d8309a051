//! The Markdown renderer with internal links (`@/moocs/x.md`, some found,
//! some dangling) and headings (ids from their text, `{#custom}` ids).
#![no_main]

use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;
use vitrine::diagnostic::SourceFile;
use vitrine::markdown::{render, Body};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let file = SourceFile::new(PathBuf::from("content/pages/fuzz.md"), text.to_string());
    let body = Body { file: &file, range: 0..file.text.len(), safe_html: data.first().is_some_and(|b| b & 1 == 1) };
    let resolve = |target: &str| -> Option<String> {
        // Targets of an even length exist, the others dangle.
        (target.len() % 2 == 0).then(|| format!("/{}/", target.trim_end_matches(".md")))
    };
    let mut out = Vec::new();
    let html = render(&body, &resolve, &mut out);
    // Every id is given once (those written in raw HTML are the writer's;
    // `{#id}` and footnote labels are made unique, tests/regression.rs).
    if text.contains('<') {
        return;
    }
    let mut ids: Vec<&str> = html.match_indices(" id=\"").map(|(i, _)| &html[i + 5..]).collect();
    ids.iter_mut().for_each(|id| *id = id.split('"').next().unwrap_or_default());
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "heading ids are unique");
    for d in &out {
        if let Some(span) = &d.span {
            assert!(span.end <= file.text.len() && file.text.is_char_boundary(span.start));
        }
    }
});
