//! The inverted index: for every term, the documents it occurs in with a
//! score level, grouped in shards by the first two characters of the term.
//! Documents are tokenised in parallel, in blocks that each keep their own
//! word cache, then merged in document order so postings come out sorted.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use rayon::prelude::*;
use rust_stemmers::Stemmer;

use super::text::{for_each_word, index_word, shard_key, shard_key_n, stemmer};

/// One document's text, field by field, with the weight of each field.
pub struct DocText {
    /// Language the text is written in (chooses the stemmer).
    pub lang: String,
    pub fields: Vec<(Field, String)>,
}

/// Where a word occurs; the weight ranks title above subjects and
/// institutions, above teachers, summary and body.
#[derive(Debug, Clone, Copy)]
pub enum Field {
    Title,
    Subjects,
    Institutions,
    Teachers,
    Summary,
    Body,
}

impl Field {
    const COUNT: usize = 6;

    pub fn weight(self) -> f32 {
        match self {
            Field::Title => 10.0,
            Field::Subjects | Field::Institutions => 6.0,
            Field::Teachers => 4.0,
            Field::Summary => 3.0,
            Field::Body => 1.0,
        }
    }
}

/// Highest score level a posting can carry: in dense form a level is one
/// character, `'0'` + level, which must stay below `\\` (escaped in JSON).
pub const MAX_LEVEL: u8 = 43;

/// Score of a term in a document from its count in each field: the field
/// weights, each times 1 + ln(count), stored as a level 1..=43 (half units).
fn level(counts: &[u32; Field::COUNT]) -> u8 {
    let fields = [Field::Title, Field::Subjects, Field::Institutions, Field::Teachers, Field::Summary, Field::Body];
    let score: f32 =
        fields.iter().zip(counts).filter(|(_, &n)| n > 0).map(|(f, &n)| f.weight() * (1.0 + (n as f32).ln())).sum();
    (score * 2.0).round().clamp(1.0, f32::from(MAX_LEVEL)) as u8
}

/// Terms of one block of documents, numbered locally.
#[derive(Default)]
struct Block {
    terms: Vec<String>,
    /// (folded surface word, local term)
    surfaces: Vec<(String, u32)>,
    /// (document, local term, level), in document order.
    postings: Vec<(u32, u32, u8)>,
}

/// The merged index of one language.
pub struct Inverted {
    pub terms: Vec<String>,
    pub surfaces: Vec<(String, u32)>,
    /// Per term: (document, level), sorted by document.
    pub postings: Vec<Vec<(u32, u8)>>,
}

const BLOCK: usize = 64;

/// Builds the index of `docs` (document ids are positions).
pub fn invert(docs: &[DocText]) -> Inverted {
    let blocks: Vec<Block> =
        docs.par_chunks(BLOCK).enumerate().map(|(b, chunk)| block((b * BLOCK) as u32, chunk)).collect();
    let mut ids: HashMap<String, u32> = HashMap::default();
    let mut inv = Inverted { terms: Vec::new(), surfaces: Vec::new(), postings: Vec::new() };
    let mut seen_surface: HashMap<(String, u32), ()> = HashMap::default();
    for b in blocks {
        let map: Vec<u32> = b
            .terms
            .into_iter()
            .map(|t| match ids.get(&t) {
                Some(&g) => g,
                None => {
                    let g = inv.terms.len() as u32;
                    ids.insert(t.clone(), g);
                    inv.terms.push(t);
                    inv.postings.push(Vec::new());
                    g
                }
            })
            .collect();
        for (s, lt) in b.surfaces {
            let g = map[lt as usize];
            if seen_surface.insert((s.clone(), g), ()).is_none() {
                inv.surfaces.push((s, g));
            }
        }
        for (doc, lt, lvl) in b.postings {
            inv.postings[map[lt as usize] as usize].push((doc, lvl));
        }
    }
    inv
}

/// A language's stemmer and its written word -> local term cache.
type WordCache = (Option<Stemmer>, HashMap<String, Option<u32>>);

fn block(first: u32, docs: &[DocText]) -> Block {
    let mut out = Block::default();
    let mut term_ids: HashMap<String, u32> = HashMap::default();
    let mut surface_seen: HashMap<(String, u32), ()> = HashMap::default();
    // Per language: written word -> local term (None: not indexed).
    let mut caches: HashMap<String, WordCache> = HashMap::default();
    // Counts per local term and field for the current document, and the
    // terms it touched (reset after each document).
    let mut counts: Vec<[u32; Field::COUNT]> = Vec::new();
    let mut touched: Vec<u32> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let (stem, cache) = caches.entry(doc.lang.clone()).or_insert_with(|| (stemmer(&doc.lang), HashMap::default()));
        for (field, text) in &doc.fields {
            let slot = *field as usize;
            for_each_word(text, |w| {
                let id = match cache.get(w) {
                    Some(id) => *id,
                    None => {
                        let id = index_word(w, stem.as_ref()).map(|word| {
                            let next = term_ids.len() as u32;
                            let t = *term_ids.entry(word.term.clone()).or_insert(next);
                            if t == next {
                                out.terms.push(word.term);
                            }
                            if surface_seen.insert((word.surface.clone(), t), ()).is_none() {
                                out.surfaces.push((word.surface, t));
                            }
                            t
                        });
                        cache.insert(w.to_string(), id);
                        id
                    }
                };
                if let Some(t) = id {
                    let t_us = t as usize;
                    if counts.len() <= t_us {
                        counts.resize(t_us + 1, [0; Field::COUNT]);
                    }
                    if counts[t_us] == [0; Field::COUNT] {
                        touched.push(t);
                    }
                    counts[t_us][slot] += 1;
                }
            });
        }
        let doc_id = first + d as u32;
        for &t in &touched {
            let c = &mut counts[t as usize];
            out.postings.push((doc_id, t, level(c)));
            *c = [0; Field::COUNT];
        }
        touched.clear();
    }
    out
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
    for (s, g) in &inv.surfaces {
        groups.entry(shard_key(s)).or_default().push((s.as_str(), *g));
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
    use super::*;

    fn doc(lang: &str, title: &str, body: &str) -> DocText {
        DocText { lang: lang.into(), fields: vec![(Field::Title, title.into()), (Field::Body, body.into())] }
    }

    #[test]
    fn postings_are_sorted_and_scored_by_field() {
        let docs =
            vec![doc("fr", "Épidémies", "Une épidémie."), doc("fr", "Climat", "épidémie"), doc("en", "Vaccines", "")];
        let inv = invert(&docs);
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
    fn large_shards_are_split_by_more_characters() {
        let words: Vec<String> = (0..60).map(|i| format!("re{}{}x", (b'a' + i % 26) as char, i)).collect();
        let inv = Inverted {
            terms: words.clone(),
            surfaces: words
                .iter()
                .enumerate()
                .map(|(i, w)| (w.clone(), i as u32))
                .chain([("re".to_string(), 0)])
                .collect(),
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
