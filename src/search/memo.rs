//! What `vitrine serve` keeps of the search indexes between rebuilds, so
//! that an edit tokenises only the texts it changed: the plain text of
//! each body (by file: an unchanged file is the same object from one
//! rebuild to the next) and the tokens of runs of texts.
//!
//! Texts are cut into runs where their content says so (after a text whose
//! 128-bit hash ends in six zero bits, so about 64 texts a run, at most
//! `MAX_RUN`), not at fixed positions: a MOOC whose new title moves it in
//! the title order changes the one or two runs it leaves and joins, and the
//! others are found again by the hash of their texts' hashes. Merging runs
//! numbers terms where they first occur, as a full build does with its
//! blocks, so the index is byte for byte the same.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use super::terms::{block, merge, Block, DocText, Tokens};
use crate::diagnostic::SourceFile;

#[derive(Default)]
pub struct Memo {
    /// Plain text of each body, by the address of its file, which the
    /// entry keeps alive (so the address is not reused meanwhile).
    pub(super) bodies: HashMap<usize, (Arc<SourceFile>, Arc<str>)>,
    /// Tokens of each run of texts, by the hash of its texts' hashes.
    runs: HashMap<u128, Arc<Block>>,
}

/// Longest run of texts.
const MAX_RUN: usize = 256;

impl Memo {
    /// [`super::terms::tokenise`], reusing the runs of texts seen by the
    /// last call; keeps those of `texts` for the next one.
    pub(super) fn tokenise(&mut self, texts: &[DocText]) -> Tokens {
        let keys: Vec<u128> = texts.par_iter().map(key).collect();
        let runs = runs(&keys);
        let mut old = std::mem::take(&mut self.runs);
        let mut kept: HashMap<u128, Arc<Block>> = HashMap::with_capacity(runs.len());
        let mut missing = Vec::new();
        for (k, range) in &runs {
            if kept.contains_key(k) {
                continue;
            }
            match old.remove(k) {
                Some(b) => {
                    kept.insert(*k, b);
                }
                None => {
                    kept.insert(*k, Arc::default());
                    missing.push((*k, range.clone()));
                }
            }
        }
        let fresh: Vec<(u128, Block)> = missing.into_par_iter().map(|(k, r)| (k, block(&texts[r]))).collect();
        kept.extend(fresh.into_iter().map(|(k, b)| (k, Arc::new(b))));
        let tokens = merge(runs.iter().filter_map(|(k, _)| kept.get(k).map(|b| &**b)));
        self.runs = kept;
        tokens
    }
}

/// The runs of texts, with the hash of each.
fn runs(keys: &[u128]) -> Vec<(u128, std::ops::Range<usize>)> {
    let mut runs = Vec::new();
    let mut start = 0;
    for (i, k) in keys.iter().enumerate() {
        if k & 63 == 0 || i + 1 - start == MAX_RUN || i + 1 == keys.len() {
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            for k in &keys[start..=i] {
                h.update(&k.to_le_bytes());
            }
            runs.push((h.digest128(), start..i + 1));
            start = i + 1;
        }
    }
    runs
}

/// A hash of everything tokenising reads.
fn key(text: &DocText) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(text.lang.as_bytes());
    h.update(&[0]);
    for (field, words) in &text.fields {
        h.update(&[*field as u8]);
        h.update(&(words.len() as u64).to_le_bytes());
        h.update(words.as_bytes());
    }
    h.digest128()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::terms::{tokenise, Field};

    fn doc(title: String) -> DocText<'static> {
        DocText { lang: "fr", fields: vec![(Field::Title, title.into())] }
    }

    #[test]
    fn runs_cover_the_texts_and_survive_a_move() {
        let keys: Vec<u128> =
            (0..1000u128).map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15_F39C_C060_5CED_C835)).collect();
        let before = runs(&keys);
        assert_eq!(before.iter().map(|(_, r)| r.len()).sum::<usize>(), keys.len());
        let mut moved = keys.clone();
        let k = moved.remove(10);
        moved.insert(900, k);
        let after = runs(&moved);
        let same = after.iter().filter(|(h, _)| before.iter().any(|(g, _)| g == h)).count();
        assert!(same + 4 >= after.len(), "{same} of {} runs found again", after.len());
    }

    #[test]
    fn memoised_tokens_equal_a_full_tokenisation() {
        let mut memo = Memo::default();
        let titles: Vec<String> = (0..300).map(|i| format!("Épidémie {i} et santé {}", i % 7)).collect();
        let first: Vec<DocText> = titles.iter().cloned().map(doc).collect();
        memo.tokenise(&first);
        let mut edited = titles.clone();
        edited[5] = "Vaccins et réseaux".into();
        edited.swap(3, 250);
        let texts: Vec<DocText> = edited.into_iter().map(doc).collect();
        let (a, b) = (memo.tokenise(&texts), tokenise(&texts));
        assert_eq!(a.terms, b.terms);
        assert_eq!(a.surfaces, b.surfaces);
        for i in 0..texts.len() {
            assert_eq!(a.postings(i), b.postings(i));
            assert_eq!(a.words(i), b.words(i));
        }
    }
}
