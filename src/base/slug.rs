//! Slugs, words folded for sorting and matching, and language codes: rules
//! that content files, `vitrine.toml`, headings and lists all follow.

use unicode_normalization::UnicodeNormalization;

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
