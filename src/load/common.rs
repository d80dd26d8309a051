//! Small rules shared by every kind of entity: lists of language codes and
//! of slugs, summaries, URLs, covers.

use std::ops::Range;

use crate::base::fields::{Fields, Sp};
use crate::base::slug::{is_lang_code, is_slug, slugify};
use crate::diagnostic::{problems, texts, Out};

/// A list of language codes, each checked, with a hint for "FR" or "french".
pub fn lang_list(f: &Fields, key: &str, out: &mut Out) -> Vec<Sp<String>> {
    let list = f.str_list(key, out).unwrap_or_default();
    list.into_iter()
        .filter(|l| {
            if is_lang_code(&l.value) {
                return true;
            }
            let lower = l.value.trim().to_lowercase();
            let hint = if is_lang_code(&lower) {
                texts::write_lowercase(&lower)
            } else if lower.len() == 2 && lower.bytes().all(|b| b.is_ascii_lowercase()) {
                texts::not_in_iso_639(&lower)
            } else {
                texts::use_iso_639()
            };
            out.push(f.at(l.span.clone(), problems::bad_language_code(&l.value)).with_hint(hint));
            false
        })
        .collect()
}

/// A list of slugs (references), each checked for shape; resolution happens
/// later, when every entity is known.
pub fn slug_list(f: &Fields, key: &str, out: &mut Out) -> Vec<Sp<String>> {
    let list = f.str_list(key, out).unwrap_or_default();
    list.into_iter().filter(|s| check_ref_shape(f, s, out)).collect()
}

pub fn slug_ref(f: &Fields, key: &str, out: &mut Out) -> Option<Sp<String>> {
    let s = f.str(key, out)?;
    check_ref_shape(f, &s, out).then_some(s)
}

fn check_ref_shape(f: &Fields, s: &Sp<String>, out: &mut Out) -> bool {
    if is_slug(&s.value) {
        return true;
    }
    out.push(
        f.at(s.span.clone(), problems::bad_reference_slug(&s.value)).with_hint(texts::named_by_file(slugify(&s.value))),
    );
    false
}

/// The longest `summary`, in characters.
pub const SUMMARY_LIMIT: usize = 300;

/// `summary`: plain text, at most 300 characters.
pub fn summary(f: &Fields, required: bool, out: &mut Out) -> String {
    let s = if required { f.req_str("summary", out) } else { f.str("summary", out) };
    let Some(s) = s else { return String::new() };
    let n = s.value.chars().count();
    if n > SUMMARY_LIMIT {
        out.push(
            f.at(s.span.clone(), problems::summary_too_long(n, SUMMARY_LIMIT)).with_hint(texts::shorten_summary()),
        );
    }
    s.value.trim().to_string()
}

/// A web address (http or https), written out as the URL standard does
/// (`"`, `<`, spaces… percent-encoded), so that it is a valid address
/// wherever a page puts it.
pub fn url(f: &Fields, key: &str, out: &mut Out) -> Option<String> {
    let s = f.str(key, out)?;
    if s.value.starts_with("https://") || s.value.starts_with("http://") {
        return match url::Url::parse(&s.value) {
            // Unchanged when already valid (the usual case), so that the
            // address is written as the writer wrote it.
            Ok(u) if u.as_str().trim_end_matches('/') == s.value.trim_end_matches('/') => Some(s.value),
            Ok(u) => Some(u.to_string()),
            Err(e) => {
                out.push(f.at(s.span, problems::bad_url(key, e.to_string())).with_hint(texts::copy_address(key)));
                None
            }
        };
    }
    out.push(
        f.at(s.span, problems::not_web_address(key))
            .with_hint(texts::web_address_example(key, s.value.trim_start_matches('/'))),
    );
    None
}

/// An image with its alternative text (`cover` + `cover_alt`, `logo` + `logo_alt`).
#[derive(Debug, Clone)]
pub struct Image {
    /// Always set in a default-language file. A translation may give only
    /// the text alternative: the image itself is structural and comes from
    /// the default-language file.
    pub path: Option<Sp<String>>,
    /// Empty when a translation repeats the image without translating its
    /// alternative.
    pub alt: String,
}

pub fn image(f: &Fields, key: &str, alt_key: &str, out: &mut Out) -> Option<Image> {
    let path = f.str(key, out);
    let alt = f.str(alt_key, out);
    if f.partial {
        // A translation: `key`, if repeated, is checked against the default
        // file in `resolve`; `alt_key` is the translated alternative.
        return (path.is_some() || alt.is_some())
            .then(|| Image { path, alt: alt.map(|a| a.value.trim().to_string()).unwrap_or_default() });
    }
    match (path, alt) {
        (Some(path), Some(alt)) => Some(Image { path: Some(path), alt: alt.value }),
        (Some(path), None) => {
            out.push(f.at(path.span.clone(), problems::missing_alt(key, alt_key)).with_hint(texts::add_alt(alt_key)));
            Some(Image { path: Some(path), alt: String::new() })
        }
        (None, Some(alt)) => {
            out.push(f.at(alt.span, problems::alt_without_image(alt_key, key)));
            None
        }
        (None, None) => None,
    }
}

/// Span covering the opening `+++` line of a file (for "missing key").
pub fn head_span(text: &str) -> Range<usize> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    start..start + text[start..].find(['\r', '\n']).unwrap_or(text.len() - start)
}
