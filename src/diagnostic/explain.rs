//! The explanation of each code, as written in `docs/diagnostics.md` and
//! `docs/diagnostics.fr.md`: a section per code, `## E012 …` to the next
//! `## `. `vitrine explain E012` prints it; `tests/diagnostics_doc.rs`
//! checks that every code has its section in both, and that each example
//! gives its code.

use super::message::Locale;
use super::problems;

/// The page of codes in `locale`.
pub fn document(locale: Locale) -> &'static str {
    match locale {
        Locale::En => include_str!("../../docs/diagnostics.md"),
        Locale::Fr => include_str!("../../docs/diagnostics.fr.md"),
    }
}

/// The section of `code` (any case), heading included.
pub fn section(code: &str, locale: Locale) -> Option<String> {
    let code = code.trim().to_ascii_uppercase();
    sections(document(locale)).into_iter().find(|(c, _)| *c == code).map(|(_, text)| text.to_string())
}

/// The sections of a page: each code with its text.
pub fn sections(page: &str) -> Vec<(&str, &str)> {
    let starts: Vec<usize> = page.match_indices("\n## ").map(|(i, _)| i + 1).collect();
    starts
        .iter()
        .enumerate()
        .filter_map(|(n, &start)| {
            let end = starts.get(n + 1).copied().unwrap_or(page.len());
            let text = &page[start..end];
            let code = text[3..].split(|c: char| !c.is_ascii_alphanumeric()).next()?;
            is_code(code).then_some((code, text))
        })
        .collect()
}

fn is_code(s: &str) -> bool {
    s.len() == 4 && (s.starts_with('E') || s.starts_with('W')) && s[1..].bytes().all(|b| b.is_ascii_digit())
}

/// Every code, sorted, once.
pub fn codes() -> Vec<&'static str> {
    let mut codes: Vec<&str> = problems::ALL.iter().map(|(code, ..)| *code).collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}
