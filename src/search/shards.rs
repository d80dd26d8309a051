//! One language's index, put together from the tokens of its documents'
//! texts (`terms.rs`): for every term, the documents it occurs in with a
//! score level, written as JSON shards keyed by the first characters of
//! the surface words.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use rayon::prelude::*;

use super::terms::Tokens;
use super::text::{shard_key, shard_key_n};

/// The index of one language.
pub struct Inverted<'t> {
    /// Stems, by term number (of every language: only those of the
    /// surface words below are written).
    pub terms: &'t [String],
    /// The (folded surface word, term) pairs of the language's documents.
    pub surfaces: Vec<(&'t str, u32)>,
    /// Per term: (document, level), sorted by document.
    pub postings: Vec<Vec<(u32, u8)>>,
}

/// The index of the documents `docs`: document `d` is text `docs[d]` of
/// `tokens`.
pub fn invert<'t>(tokens: &'t Tokens, docs: &[u32]) -> Inverted<'t> {
    let mut counts = vec![0usize; tokens.terms.len()];
    for &text in docs {
        for &(t, _) in tokens.postings(text as usize) {
            counts[t as usize] += 1;
        }
    }
    let mut postings: Vec<Vec<(u32, u8)>> = counts.into_iter().map(Vec::with_capacity).collect();
    let mut seen = vec![false; tokens.surfaces.len()];
    let mut surfaces = Vec::new();
    for (d, &text) in docs.iter().enumerate() {
        for &(t, level) in tokens.postings(text as usize) {
            postings[t as usize].push((d as u32, level));
        }
        for &s in tokens.words(text as usize) {
            if !std::mem::replace(&mut seen[s as usize], true) {
                let (surface, t) = &tokens.surfaces[s as usize];
                surfaces.push((surface.as_str(), *t));
            }
        }
    }
    Inverted { terms: &tokens.terms, surfaces, postings }
}

/// Largest shard, in bytes of JSON, before it is split by one more
/// character (up to four).
pub const SHARD_LIMIT: usize = 24 * 1024;
const MAX_KEY_CHARS: usize = 4;

/// The shards of an index, by key, as JSON:
/// `{"w": [surface, term, ...], "s": [term...], "p": [postings...]}` where
/// `term` indexes `s` and `p`; a posting list is a string of one character
/// per document (`'0'` + level, `'0'` when absent) when the term is in more
/// than a quarter of the documents, else `[doc, level, gap, level, ...]`
/// with each document after the first as the gap from the previous one.
/// Surface words are grouped by their first two characters; a group larger
/// than [`SHARD_LIMIT`] is split by three, then four characters (words
/// shorter than the new key stay under the shorter one).
pub fn shards(inv: &Inverted, n_docs: usize) -> BTreeMap<String, String> {
    let mut groups: BTreeMap<String, Vec<(&str, u32)>> = BTreeMap::new();
    for &(s, g) in &inv.surfaces {
        groups.entry(shard_key(s)).or_default().push((s, g));
    }
    groups.into_par_iter().flat_map_iter(|(key, surfaces)| split(inv, n_docs, key, surfaces, 2)).collect()
}

fn split(
    inv: &Inverted,
    n_docs: usize,
    key: String,
    surfaces: Vec<(&str, u32)>,
    depth: usize,
) -> Vec<(String, String)> {
    let json = shard_json(inv, n_docs, &surfaces);
    if json.len() <= SHARD_LIMIT || depth >= MAX_KEY_CHARS || surfaces.iter().all(|(s, _)| s.chars().count() <= depth) {
        return vec![(key, json)];
    }
    let mut groups: BTreeMap<String, Vec<(&str, u32)>> = BTreeMap::new();
    for (s, g) in surfaces {
        groups.entry(shard_key_n(s, depth + 1)).or_default().push((s, g));
    }
    groups.into_iter().flat_map(|(k, group)| split(inv, n_docs, k, group, depth + 1)).collect()
}

fn shard_json(inv: &Inverted, n_docs: usize, surfaces: &[(&str, u32)]) -> String {
    let mut terms: Vec<u32> = surfaces.iter().map(|(_, g)| *g).collect();
    terms.sort_unstable_by(|a, b| inv.terms[*a as usize].cmp(&inv.terms[*b as usize]));
    terms.dedup();
    let local: HashMap<u32, usize> = terms.iter().enumerate().map(|(i, g)| (*g, i)).collect();
    let mut surfaces = surfaces.to_vec();
    surfaces.sort_unstable_by(|a, b| (a.0, &inv.terms[a.1 as usize]).cmp(&(b.0, &inv.terms[b.1 as usize])));
    let mut json = String::from("{\"w\":[");
    for (i, (s, g)) in surfaces.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        push_str(&mut json, s);
        json.push_str(&format!(",{}", local[g]));
    }
    json.push_str("],\"s\":[");
    for (i, g) in terms.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        push_str(&mut json, &inv.terms[*g as usize]);
    }
    json.push_str("],\"p\":[");
    for (i, g) in terms.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        push_postings(&mut json, &inv.postings[*g as usize], n_docs);
    }
    json.push_str("]}");
    json
}

fn push_str(json: &mut String, s: &str) {
    json.push_str(&serde_json::Value::from(s).to_string());
}

fn push_postings(json: &mut String, postings: &[(u32, u8)], n_docs: usize) {
    if postings.len() * 4 > n_docs {
        let mut dense = vec![b'0'; n_docs];
        for &(d, l) in postings {
            if let Some(c) = dense.get_mut(d as usize) {
                *c = b'0' + l;
            }
        }
        json.push('"');
        json.push_str(&String::from_utf8_lossy(&dense));
        json.push('"');
    } else {
        json.push('[');
        let mut prev = 0;
        for (i, &(d, l)) in postings.iter().enumerate() {
            if i > 0 {
                json.push(',');
            }
            json.push_str(&format!("{},{l}", d - prev));
            prev = d;
        }
        json.push(']');
    }
}

#[cfg(test)]
mod tests {
    use super::super::terms::{tokenise, DocText, Field, MAX_LEVEL};
    use super::*;

    fn doc<'a>(lang: &'a str, title: &'a str, body: &'a str) -> DocText<'a> {
        DocText { lang, fields: vec![(Field::Title, title.into()), (Field::Body, body.into())] }
    }

    #[test]
    fn postings_are_sorted_and_scored_by_field() {
        let docs =
            vec![doc("fr", "Épidémies", "Une épidémie."), doc("fr", "Climat", "épidémie"), doc("en", "Vaccines", "")];
        let tokens = tokenise(&docs);
        let inv = invert(&tokens, &[0, 1, 2]);
        let t = inv.terms.iter().position(|t| t == "epidem").expect("stem indexed");
        let p = &inv.postings[t];
        assert_eq!(p.iter().map(|x| x.0).collect::<Vec<_>>(), [0, 1]);
        assert!(p[0].1 > p[1].1, "a title match outranks a body match: {p:?}");
        let shards = shards(&inv, docs.len());
        let ep = &shards["ep"];
        assert!(ep.contains("\"epidemie\",0") && ep.contains("\"epidemies\",0"), "{ep}");
        assert!(shards["va"].contains("\"vaccines\""), "{:?}", shards.keys());
    }

    #[test]
    fn a_language_indexes_only_its_own_documents() {
        // Text 1 is another language's version of document 0.
        let docs = vec![doc("fr", "Épidémies", ""), doc("en", "Epidemics", ""), doc("fr", "Climat", "")];
        let tokens = tokenise(&docs);
        let inv = invert(&tokens, &[2, 1]);
        let words: Vec<&str> = inv.surfaces.iter().map(|s| s.0).collect();
        assert_eq!(words, ["climat", "epidemics"]);
        let t = inv.terms.iter().position(|t| t == "climat").expect("indexed");
        assert_eq!(inv.postings[t].iter().map(|p| p.0).collect::<Vec<_>>(), [0]);
        assert!(inv.postings.iter().all(|p| p.iter().all(|&(d, _)| d < 2)));
    }

    #[test]
    fn large_shards_are_split_by_more_characters() {
        let words: Vec<String> = (0..60).map(|i| format!("re{}{}x", (b'a' + i % 26) as char, i)).collect();
        let inv = Inverted {
            terms: &words,
            surfaces: words.iter().enumerate().map(|(i, w)| (w.as_str(), i as u32)).chain([("re", 0)]).collect(),
            postings: words.iter().map(|_| (0..2000).map(|d| (d, 5)).collect()).collect(),
        };
        let shards = shards(&inv, 2000);
        assert!(shards.keys().any(|k| k.len() >= 3), "{:?}", shards.keys().collect::<Vec<_>>());
        assert!(shards.contains_key("re"), "a word of two letters stays under the two-letter key");
        for w in &words {
            let holders = shards.values().filter(|j| j.contains(&format!("\"{w}\","))).count();
            assert_eq!(holders, 1, "{w} is in exactly one shard");
        }
        for (k, json) in &shards {
            assert!(json.len() <= SHARD_LIMIT || k.len() >= MAX_KEY_CHARS, "{k}: {}", json.len());
        }
    }

    #[test]
    fn dense_and_sparse_encodings() {
        let mut json = String::new();
        push_postings(&mut json, &[(0, 2), (3, 20)], 4);
        assert_eq!(json, "\"200D\"");
        json.clear();
        push_postings(&mut json, &[(5, 2), (9, 3)], 100);
        assert_eq!(json, "[5,2,4,3]");
        json.clear();
        push_postings(&mut json, &[(0, MAX_LEVEL)], 1);
        assert!(serde_json::from_str::<String>(&json).is_ok(), "{json} is a JSON string without escapes");
    }
}
