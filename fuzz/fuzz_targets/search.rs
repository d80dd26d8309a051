//! The search tokenizer: words of any text in French and in English
//! (folding, stop words, stemming), shard keys, and the tokenisation of
//! whole documents into terms and postings.
#![no_main]

use std::borrow::Cow;

use libfuzzer_sys::fuzz_target;
use vitrine::search::terms::{tokenise, DocText, Field};
use vitrine::search::text;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else { return };
    let stemmers = [text::stemmer("fr"), text::stemmer("en")];
    text::for_each_word(input, |w| {
        let folded = text::fold(w);
        let _ = text::is_stop_word(&folded);
        let _ = text::shard_key(&folded);
        for s in &stemmers {
            let _ = text::index_word(w, s.as_ref());
        }
    });
    let (title, body) = input.split_at(input.char_indices().nth(input.chars().count() / 3).map_or(0, |(i, _)| i));
    let docs: Vec<DocText> = ["fr", "en", "xx"]
        .iter()
        .map(|lang| DocText {
            lang,
            fields: vec![(Field::Title, Cow::Borrowed(title)), (Field::Body, Cow::Borrowed(body))],
        })
        .collect();
    let tokens = tokenise(&docs);
    let _ = tokens.postings(0);
});
