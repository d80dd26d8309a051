//! What `vitrine serve` keeps of the search indexes between rebuilds, so
//! that an edit tokenises only the texts it changed: the plain text of
//! each body (by file: an unchanged file is the same object from one
//! rebuild to the next) and the tokens of each distinct text (by a 128-bit
//! hash of it). The tokens are merged into one numbering exactly as a full
//! build merges its blocks, so the index is byte for byte the same.

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
    /// Tokens of each text, each text alone in its block.
    texts: HashMap<u128, Arc<Block>>,
}

impl Memo {
    /// [`super::terms::tokenise`], reusing the tokens of the texts seen by
    /// the last call; keeps those of `texts` for the next one.
    pub(super) fn tokenise(&mut self, texts: &[DocText]) -> Tokens {
        let keys: Vec<u128> = texts.par_iter().map(key).collect();
        let mut old = std::mem::take(&mut self.texts);
        let mut kept: HashMap<u128, Arc<Block>> = HashMap::with_capacity(keys.len());
        let mut missing = Vec::new();
        for (i, k) in keys.iter().enumerate() {
            if kept.contains_key(k) {
                continue;
            }
            match old.remove(k) {
                Some(b) => {
                    kept.insert(*k, b);
                }
                None => {
                    kept.insert(*k, Arc::default());
                    missing.push(i);
                }
            }
        }
        let fresh: Vec<(u128, Block)> = missing.par_iter().map(|&i| (keys[i], block(&texts[i..=i]))).collect();
        kept.extend(fresh.into_iter().map(|(k, b)| (k, Arc::new(b))));
        let tokens = merge(keys.iter().filter_map(|k| kept.get(k).map(|b| &**b)));
        self.texts = kept;
        tokens
    }
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
