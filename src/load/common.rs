//! Small rules shared by every kind of entity: slugs, language codes,
//! summaries, URLs, covers.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

use crate::load::fields::{Fields, Out, Sp};

/// `[a-z0-9]+(-[a-z0-9]+)*`
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Lowercase ASCII with accents folded: "Écologie" -> "ecologie".
pub fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(|c| match c {
            'œ' | 'Œ' => "oe".chars().collect::<Vec<_>>(),
            'æ' | 'Æ' => "ae".chars().collect(),
            'ß' => "ss".chars().collect(),
            c => c.to_lowercase().collect(),
        })
        .collect()
}

/// The slug of a label: accent-folded, lowercase, words joined by `-`.
/// "Santé publique" -> "sante-publique", "L’œuvre d'art" -> "l-oeuvre-d-art".
pub fn slugify(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// The ISO 639-1 language codes, sorted.
const ISO_639_1: &[&str] = &[
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh", "bi", "bm", "bn",
    "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz", "ee", "el", "en",
    "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he",
    "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv",
    "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li",
    "ln", "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd", "ne",
    "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm",
    "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss", "st",
    "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk",
    "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

/// An ISO 639-1 code: two lowercase letters from the standard's list.
pub fn is_lang_code(s: &str) -> bool {
    ISO_639_1.binary_search(&s).is_ok()
}

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
                format!("write it in lowercase: `{lower}`")
            } else if lower.len() == 2 && lower.bytes().all(|b| b.is_ascii_lowercase()) {
                format!("`{lower}` is not in ISO 639-1; codes are such as `fr`, `en`, `es`")
            } else {
                "use two-letter ISO 639-1 codes such as `fr`, `en`, `es`".to_string()
            };
            out.push(f.err(l.span.clone(), format!("`{}` is not a language code", l.value)).with_hint(hint));
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
        f.err(s.span.clone(), format!("`{}` is not a slug", s.value))
            .with_hint(format!("entities are named by their file name, e.g. `{}`", slugify(&s.value))),
    );
    false
}

/// `summary`: plain text, at most 300 characters.
pub fn summary(f: &Fields, required: bool, out: &mut Out) -> String {
    let s = if required { f.req_str("summary", out) } else { f.str("summary", out) };
    let Some(s) = s else { return String::new() };
    let n = s.value.chars().count();
    if n > 300 {
        out.push(
            f.err(s.span.clone(), format!("`summary` is {n} characters long; the limit is 300"))
                .with_hint("shorten it; the body below the front matter has room for details"),
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
                out.push(
                    f.err(s.span, format!("`{key}` is not a valid web address: {e}"))
                        .with_hint(format!("copy the address from the browser's address bar: `{key} = \"https://…\"`")),
                );
                None
            }
        };
    }
    out.push(
        f.err(s.span, format!("`{key}` must be a web address starting with https://"))
            .with_hint(format!("e.g. `{key} = \"https://{}\"`", s.value.trim_start_matches('/'))),
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
    if f.is_partial() {
        // A translation: `key`, if repeated, is checked against the default
        // file in `resolve`; `alt_key` is the translated alternative.
        return (path.is_some() || alt.is_some())
            .then(|| Image { path, alt: alt.map(|a| a.value.trim().to_string()).unwrap_or_default() });
    }
    match (path, alt) {
        (Some(path), Some(alt)) => Some(Image { path: Some(path), alt: alt.value }),
        (Some(path), None) => {
            out.push(
                f.err(path.span.clone(), format!("`{key}` needs a text alternative in `{alt_key}`"))
                    .with_hint(format!("add `{alt_key} = \"what the image shows\"` for screen-reader users")),
            );
            Some(Image { path: Some(path), alt: String::new() })
        }
        (None, Some(alt)) => {
            out.push(f.err(alt.span, format!("`{alt_key}` is set but there is no `{key}`")).into_warning());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("institut-pasteur"));
        assert!(is_slug("c2"));
        for bad in ["", "-a", "a-", "a--b", "Abc", "é", "a_b", "a.b"] {
            assert!(!is_slug(bad), "{bad}");
        }
        assert_eq!(slugify("Santé publique"), "sante-publique");
        assert_eq!(slugify("L’œuvre d'art\u{a0}!"), "l-oeuvre-d-art");
        assert_eq!(slugify("Écologie"), "ecologie");
    }

    #[test]
    fn language_codes() {
        assert!(ISO_639_1.windows(2).all(|w| w[0] < w[1]), "the list must stay sorted");
        for ok in ["fr", "en", "pt", "zh"] {
            assert!(is_lang_code(ok), "{ok}");
        }
        for bad in ["FR", "xx", "fra", "french", "", "f"] {
            assert!(!is_lang_code(bad), "{bad}");
        }
    }
}
