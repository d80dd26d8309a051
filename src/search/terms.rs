//! Tokenising: every distinct text of the corpus (see `corpus.rs`) is
//! split into words, folded and stemmed once, whatever the number of
//! languages that show it; each language's index is then put together
//! from these tokens (`shards.rs`). Texts are tokenised in parallel, in
//! blocks that each keep their own word cache, then merged in text order
//! into one numbering of terms and surface words.

use std::borrow::Cow;
use std::collections::hash_map::Entry;

use rustc_hash::FxHashMap as HashMap;

use rayon::prelude::*;
use rust_stemmers::Stemmer;

use super::text::{for_each_word, index_word, stemmer};

/// One document's text, field by field, with the weight of each field.
/// Two documents with equal texts have the same tokens.
#[derive(Debug, PartialEq)]
pub struct DocText<'a> {
    /// Language the text is written in (chooses the stemmer).
    pub lang: &'a str,
    pub fields: Vec<(Field, Cow<'a, str>)>,
}

/// Where a word occurs; the weight ranks title above subjects and
/// institutions, above teachers, summary and body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// The tokens of every text, with terms and surface words numbered once
/// for all texts.
#[derive(Default)]
pub struct Tokens {
    /// Stems, by term number.
    pub terms: Vec<String>,
    /// (folded surface word, term), by surface number; each pair once.
    pub surfaces: Vec<(String, u32)>,
    /// Text after text: its (term, level) pairs, each term once, ...
    postings: Vec<(u32, u8)>,
    /// ... and its surface words, each once.
    words: Vec<u32>,
    /// Where each text's postings and words end.
    ends: Vec<(usize, usize)>,
}

impl Tokens {
    /// (term, level) of each term of text `i`.
    pub fn postings(&self, i: usize) -> &[(u32, u8)] {
        let start = if i == 0 { 0 } else { self.ends[i - 1].0 };
        &self.postings[start..self.ends[i].0]
    }

    /// The surface words of text `i`.
    pub fn words(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1].1 };
        &self.words[start..self.ends[i].1]
    }
}

/// The tokens of a block of texts, numbered locally.
#[derive(Default)]
pub(super) struct Block {
    terms: Vec<String>,
    /// (folded surface word, local term)
    surfaces: Vec<(String, u32)>,
    /// Text after text, in local numbers.
    postings: Vec<(u32, u8)>,
    words: Vec<u32>,
    /// Where each text ends in `postings` and `words`.
    ends: Vec<(usize, usize)>,
}

const BLOCK: usize = 64;

/// Tokenises `texts`, in parallel.
pub fn tokenise(texts: &[DocText]) -> Tokens {
    let blocks: Vec<Block> = texts.par_chunks(BLOCK).map(block).collect();
    merge(blocks.iter())
}

/// One numbering of terms and surface words for blocks in text order: a
/// term (or word) is numbered where it first occurs, so the numbers do not
/// depend on how the texts were cut into blocks.
pub(super) fn merge<'b>(blocks: impl Iterator<Item = &'b Block>) -> Tokens {
    let mut tokens = Tokens::default();
    let mut term_ids: HashMap<String, u32> = HashMap::default();
    // Surface word -> its (term, number) pairs: looked up by `&str`.
    let mut surface_ids: HashMap<String, Vec<(u32, u32)>> = HashMap::default();
    let (mut terms, mut surfaces): (Vec<u32>, Vec<u32>) = (Vec::new(), Vec::new());
    for b in blocks {
        terms.clear();
        terms.extend(b.terms.iter().map(|t| match term_ids.get(t.as_str()) {
            Some(&id) => id,
            None => {
                let id = tokens.terms.len() as u32;
                tokens.terms.push(t.clone());
                term_ids.insert(t.clone(), id);
                id
            }
        }));
        surfaces.clear();
        surfaces.extend(b.surfaces.iter().map(|(s, t)| {
            let term = terms[*t as usize];
            let pairs = match surface_ids.get_mut(s.as_str()) {
                Some(pairs) => pairs,
                None => surface_ids.entry(s.clone()).or_default(),
            };
            match pairs.iter().find(|(t, _)| *t == term) {
                Some(&(_, id)) => id,
                None => {
                    let id = tokens.surfaces.len() as u32;
                    tokens.surfaces.push((s.clone(), term));
                    pairs.push((term, id));
                    id
                }
            }
        }));
        let (mut p, mut w) = (0, 0);
        for &(p_end, w_end) in &b.ends {
            tokens.postings.extend(b.postings[p..p_end].iter().map(|&(t, l)| (terms[t as usize], l)));
            tokens.words.extend(b.words[w..w_end].iter().map(|&s| surfaces[s as usize]));
            tokens.ends.push((tokens.postings.len(), tokens.words.len()));
            (p, w) = (p_end, w_end);
        }
    }
    tokens
}

/// The number of `key` in `ids`, a new one (`list` gets `item(key)`) if
/// it has none yet.
fn number<K: std::hash::Hash + Eq + Clone, T>(
    ids: &mut HashMap<K, u32>,
    list: &mut Vec<T>,
    key: K,
    item: impl FnOnce(K) -> T,
) -> u32 {
    match ids.entry(key) {
        Entry::Occupied(e) => *e.get(),
        Entry::Vacant(e) => {
            let id = list.len() as u32;
            list.push(item(e.key().clone()));
            e.insert(id);
            id
        }
    }
}

/// A language's stemmer and its written word -> (local term, local
/// surface) cache.
type WordCache = (Option<Stemmer>, HashMap<String, Option<(u32, u32)>>);

pub(super) fn block(texts: &[DocText]) -> Block {
    let mut out = Block::default();
    let mut term_ids: HashMap<String, u32> = HashMap::default();
    let mut surface_ids: HashMap<(String, u32), u32> = HashMap::default();
    // Per language: written word -> local term and surface (None: not indexed).
    let mut caches: HashMap<&str, WordCache> = HashMap::default();
    // Counts per local term and field for the current text, and the
    // terms it touched (reset after each text); the last text (+ 1) that
    // saw each surface word.
    let mut counts: Vec<[u32; Field::COUNT]> = Vec::new();
    let mut touched: Vec<u32> = Vec::new();
    let mut seen_in: Vec<usize> = Vec::new();
    for (d, text) in texts.iter().enumerate() {
        let (stem, cache) = caches.entry(text.lang).or_insert_with(|| (stemmer(text.lang), HashMap::default()));
        for (field, words) in &text.fields {
            let slot = *field as usize;
            for_each_word(words, |w| {
                let id = match cache.get(w) {
                    Some(id) => *id,
                    None => {
                        let id = index_word(w, stem.as_ref()).map(|word| {
                            let t = number(&mut term_ids, &mut out.terms, word.term, |t| t);
                            let s = number(&mut surface_ids, &mut out.surfaces, (word.surface, t), |k| k);
                            (t, s)
                        });
                        cache.insert(w.to_string(), id);
                        id
                    }
                };
                if let Some((t, s)) = id {
                    let (t, s) = (t as usize, s as usize);
                    if counts.len() <= t {
                        counts.resize(t + 1, [0; Field::COUNT]);
                    }
                    if counts[t] == [0; Field::COUNT] {
                        touched.push(t as u32);
                    }
                    counts[t][slot] += 1;
                    if seen_in.len() <= s {
                        seen_in.resize(s + 1, 0);
                    }
                    if seen_in[s] != d + 1 {
                        seen_in[s] = d + 1;
                        out.words.push(s as u32);
                    }
                }
            });
        }
        for &t in &touched {
            let c = &mut counts[t as usize];
            out.postings.push((t, level(c)));
            *c = [0; Field::COUNT];
        }
        touched.clear();
        out.ends.push((out.postings.len(), out.words.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc<'a>(lang: &'a str, title: &'a str, body: &'a str) -> DocText<'a> {
        DocText { lang, fields: vec![(Field::Title, title.into()), (Field::Body, body.into())] }
    }

    #[test]
    fn each_text_has_its_terms_once_with_their_level() {
        let docs =
            [doc("fr", "Épidémies", "Une épidémie."), doc("fr", "Climat", "épidémie"), doc("en", "Vaccines", "")];
        let tokens = tokenise(&docs);
        let t = tokens.terms.iter().position(|t| t == "epidem").expect("stem indexed") as u32;
        let level_in = |i: usize| tokens.postings(i).iter().find(|p| p.0 == t).map(|p| p.1);
        assert!(level_in(0) > level_in(1), "a title match outranks a body match");
        assert_eq!(level_in(2), None);
        let words =
            |i: usize| tokens.words(i).iter().map(|&s| tokens.surfaces[s as usize].0.as_str()).collect::<Vec<_>>();
        assert_eq!(words(0), ["epidemies", "epidemie"]);
        assert_eq!(words(1), ["climat", "epidemie"]);
        assert_eq!(words(2), ["vaccines"]);
    }

    #[test]
    fn numbers_do_not_depend_on_blocks() {
        // More texts than a block: the same word in two blocks is one term.
        let docs: Vec<DocText> = (0..BLOCK * 2 + 1).map(|_| doc("fr", "Santé publique", "")).collect();
        let tokens = tokenise(&docs);
        assert_eq!(tokens.terms.len(), 2, "{:?}", tokens.terms);
        assert_eq!(tokens.postings(0), tokens.postings(BLOCK * 2));
    }
}
