//! The texts the indexes of every language are made of. A MOOC without a
//! translation shows the same text in every language (its title, summary,
//! body, subjects, institutions and teachers), so its words need to be
//! tokenised once, not once per language: each distinct text is kept once,
//! and each language's documents point to their texts.

use std::collections::HashMap;
use std::sync::Arc;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use rayon::prelude::*;

use super::memo::Memo;
use super::terms::{DocText, Field};
use super::Input;
use crate::load::Meta;

/// Distinct texts, and the documents of each language.
pub struct Corpus<'a> {
    pub texts: Vec<DocText<'a>>,
    /// Per language, per document id: the number of its text.
    pub docs: Vec<Vec<u32>>,
}

/// The plain text of the bodies the languages show, by body file: each body
/// once, however many languages show it.
pub struct PlainBodies(HashMap<usize, Arc<str>>);

/// Identifies a body file for as long as the catalogue lives.
fn key(meta: &Meta) -> usize {
    std::ptr::from_ref(meta) as usize
}

impl PlainBodies {
    /// The bodies of the MOOCs in every language, in parallel; with
    /// `memo`, only those not seen by the last call.
    pub fn new<'a>(inputs: &[Input<'a>], memo: Option<&mut Memo>) -> Self {
        let mut metas: HashMap<usize, &'a Meta> = HashMap::new();
        for input in inputs {
            let lang = input.lang;
            for m in &lang.cat.content.moocs {
                let meta = lang.text(m).meta;
                metas.insert(key(meta), meta);
            }
        }
        let file = |meta: &Meta| Arc::as_ptr(&meta.file) as usize;
        let known = memo.as_deref().map(|m| &m.bodies);
        let done: Vec<(usize, &Meta, Arc<str>)> = metas
            .into_par_iter()
            .map(|(k, meta)| match known.and_then(|b| b.get(&file(meta))) {
                Some((_, text)) => (k, meta, Arc::clone(text)),
                None => (k, meta, Arc::from(plain_text(meta.body()))),
            })
            .collect();
        if let Some(memo) = memo {
            memo.bodies = done.iter().map(|(_, m, t)| (file(m), (Arc::clone(&m.file), Arc::clone(t)))).collect();
        }
        PlainBodies(done.into_iter().map(|(k, _, text)| (k, text)).collect())
    }

    fn get(&self, meta: &Meta) -> &str {
        self.0.get(&key(meta)).map_or("", |t| t)
    }
}

impl<'a> Corpus<'a> {
    /// The documents of each language: its MOOCs in its title order.
    pub fn new(inputs: &[Input<'a>], bodies: &'a PlainBodies) -> Self {
        let mut texts: Vec<DocText<'a>> = Vec::new();
        // The texts of each MOOC so far (one per language at most).
        let mut of_mooc: Vec<Vec<u32>> = vec![Vec::new(); inputs.first().map_or(0, |i| i.lang.cat.content.moocs.len())];
        let mut docs = Vec::with_capacity(inputs.len());
        for input in inputs {
            let order = input.order;
            let built: Vec<DocText<'a>> = order.par_iter().map(|&m| doc_text(input, m, bodies)).collect();
            let ids = order
                .iter()
                .zip(built)
                .map(|(&m, text)| match of_mooc[m].iter().find(|&&id| texts[id as usize] == text) {
                    Some(&id) => id,
                    None => {
                        let id = texts.len() as u32;
                        texts.push(text);
                        of_mooc[m].push(id);
                        id
                    }
                })
                .collect();
            docs.push(ids);
        }
        Corpus { texts, docs }
    }
}

/// The text of MOOC `m` in the input's language, field by field.
fn doc_text<'a>(input: &Input<'a>, m: usize, bodies: &'a PlainBodies) -> DocText<'a> {
    let lang = input.lang;
    let cat = lang.cat;
    let mooc = &cat.content.moocs[m];
    let t = lang.text(mooc);
    // The labels its page shows (its translation's, when it gives some).
    let subjects: Vec<&str> = lang.mooc_subjects(m).into_iter().map(|(_, label, _)| label).collect();
    let institutions = &cat.content.institutions;
    let institutions: Vec<&str> =
        mooc.institutions.iter().filter_map(|s| institutions.get(&s.value)).map(|i| lang.text(i).title).collect();
    DocText {
        lang: t.lang,
        fields: vec![
            (Field::Title, t.title.into()),
            (Field::Subjects, subjects.join(" ; ").into()),
            (Field::Institutions, institutions.join(" ; ").into()),
            (Field::Teachers, mooc.teachers.join(" ; ").into()),
            (Field::Summary, t.summary.into()),
            (Field::Body, bodies.get(t.meta).into()),
        ],
    }
}

/// The words of a Markdown body: text and inline code, without code
/// blocks, link targets or HTML.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut in_code_block = false;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::Text(t) | Event::Code(t) if !in_code_block => {
                out.push_str(&t);
                out.push(' ');
            }
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_skips_code_blocks_and_urls() {
        let md = "# Titre\n\nUn [lien](https://example.org) et `code`.\n\n```rust\nfn main() {}\n```\n";
        let t = plain_text(md);
        assert!(t.contains("Titre") && t.contains("lien") && t.contains("code"), "{t}");
        assert!(!t.contains("example") && !t.contains("main"), "{t}");
    }
}
