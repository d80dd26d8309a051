//! Words for the search index: split, folded (lower case, no accents, no
//! ligatures), stop words dropped, stemmed with Snowball. The JavaScript
//! client folds and splits queries the same way (`search.js`, `fold` and
//! `tokens`); `docs/search-index.md` states the rules both follow.

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// Lower case without accents: "Épidémies" -> "epidemies", "œuvre" -> "oeuvre".
pub fn fold(word: &str) -> Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return Cow::Borrowed(word);
    }
    if word.is_ascii() {
        return Cow::Owned(word.to_ascii_lowercase());
    }
    let mut out = String::with_capacity(word.len());
    let lower = word.to_lowercase();
    for c in lower.nfkd().filter(|c| !is_combining_mark(*c)) {
        match c {
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            'ı' => out.push('i'),
            'ø' => out.push('o'),
            'đ' => out.push('d'),
            'ł' => out.push('l'),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Calls `f` with each word of `text`, as written (not folded): the runs
/// of letters and digits, so "l’épidémie" gives "l" and "épidémie", and
/// "hands-on" or "snake_case" two words, exactly as the client splits.
/// Runs in scripts written without spaces (Chinese, Japanese, Thai…) are
/// further cut at their Unicode word boundaries (UAX #29).
pub fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    for run in text.split(|c: char| !c.is_alphanumeric()).filter(|r| !r.is_empty()) {
        if run.chars().all(|c| (c as u32) < 0x2E80) {
            f(run);
        } else {
            run.unicode_words()
                .flat_map(|w| w.split(|c: char| !c.is_alphanumeric()))
                .filter(|p| !p.is_empty())
                .for_each(&mut f);
        }
    }
}

/// The shard of a word: its first `n` characters (fewer if it is
/// shorter), ASCII letters and digits as they are, any other character as
/// `_`, its hex code point and `_` (so keys are file-name safe, and a key is
/// a prefix of another exactly when its characters are).
pub fn shard_key_n(word: &str, n: usize) -> String {
    let mut key = String::new();
    for c in word.chars().take(n) {
        if c.is_ascii_alphanumeric() {
            key.push(c);
        } else {
            key.push_str(&format!("_{:x}_", c as u32));
        }
    }
    key
}

/// The two-character shard key, where every word starts.
pub fn shard_key(word: &str) -> String {
    shard_key_n(word, 2)
}

/// Folded French and English words too common to index. The client gets
/// the list (in the index's manifest) and drops them from queries too.
pub const STOP_WORDS: &[&str] = &[
    // French
    "au", "aux", "avec", "ce", "ces", "cet", "cette", "dans", "de", "des", "du", "elle", "elles", "en", "est", "et",
    "etre", "il", "ils", "je", "la", "le", "les", "leur", "leurs", "lui", "ma", "mais", "me", "mes", "ne", "ni", "nos",
    "notre", "nous", "on", "ou", "par", "pas", "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sont", "sur",
    "ta", "te", "tes", "ton", "tu", "un", "une", "vos", "votre", "vous", "donc", "car", "dont", "ont", "sous",
    // English
    "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "in", "into", "is", "it", "its",
    "of", "on", "or", "our", "so", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "to", "was", "we", "were", "which", "who", "will", "with", "you", "your",
];

pub fn is_stop_word(folded: &str) -> bool {
    STOP_WORDS.contains(&folded)
}

/// Snowball stemmer of a language, by ISO 639-1 code, if there is one.
pub fn stemmer(lang: &str) -> Option<Stemmer> {
    let algorithm = match lang {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "en" => Algorithm::English,
        "es" => Algorithm::Spanish,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "nl" => Algorithm::Dutch,
        "no" | "nb" | "nn" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

/// A word as the index stores it: `surface` is the folded word (what typed
/// prefixes are matched against), `term` its folded stem (what postings are
/// keyed by). The stem is the word itself when the stemmer would move the
/// word to another shard (its first two characters changed) or left too
/// little of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub surface: String,
    pub term: String,
}

/// Folds and stems one written word; `None` for stop words and words of
/// one character.
pub fn index_word(word: &str, stemmer: Option<&Stemmer>) -> Option<Word> {
    let surface = fold(word);
    if surface.chars().nth(1).is_none() || is_stop_word(&surface) {
        return None;
    }
    let surface = surface.into_owned();
    let term = match stemmer {
        Some(s) => {
            let lower = word.to_lowercase();
            let stem = fold(&s.stem(&lower)).into_owned();
            if stem.chars().nth(1).is_some() && shard_key(&stem) == shard_key(&surface) {
                stem
            } else {
                surface.clone()
            }
        }
        None => surface.clone(),
    };
    Some(Word { surface, term })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut v = Vec::new();
        for_each_word(text, |w| v.push(w.to_string()));
        v
    }

    #[test]
    fn folds_accents_case_and_ligatures() {
        assert_eq!(fold("Écologie"), "ecologie");
        assert_eq!(fold("épidémies"), "epidemies");
        assert_eq!(fold("Œuvre"), "oeuvre");
        assert_eq!(fold("straße"), "strasse");
        assert_eq!(fold("plain"), "plain");
    }

    #[test]
    fn splits_at_apostrophes_hyphens_and_underscores() {
        assert_eq!(words("l’épidémie d'Ebola"), ["l", "épidémie", "d", "Ebola"]);
        assert_eq!(words("hands-on snake_case COVID-19"), ["hands", "on", "snake", "case", "COVID", "19"]);
        assert_eq!(words("« Santé » : 2024…"), ["Santé", "2024"]);
    }

    #[test]
    fn stems_into_the_same_term() {
        let fr = stemmer("fr");
        let en = stemmer("en");
        let a = index_word("épidémies", fr.as_ref()).map(|w| w.term);
        let b = index_word("épidémie", fr.as_ref()).map(|w| w.term);
        assert_eq!(a, b);
        let v = index_word("vaccines", en.as_ref()).map(|w| w.term);
        assert_eq!(v.as_deref(), Some("vaccin"));
        assert_eq!(index_word("Vaccinology", en.as_ref()).map(|w| w.surface).as_deref(), Some("vaccinology"));
    }

    #[test]
    fn drops_stop_words_and_single_letters() {
        assert_eq!(index_word("Les", None), None);
        assert_eq!(index_word("l", None), None);
        assert_eq!(index_word("the", None), None);
    }

    #[test]
    fn shard_keys_are_file_name_safe() {
        assert_eq!(shard_key("vaccin"), "va");
        assert_eq!(shard_key("x"), "x");
        assert_eq!(shard_key("日本"), "_65e5__672c_");
        assert_eq!(shard_key_n("vaccin", 4), "vacc");
        assert_eq!(shard_key_n("é", 3), "_e9_");
    }
}
