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
use crate::load::{Kind, Meta};
use crate::render::view::View;

/// Distinct texts, and the documents of each language.
pub struct Corpus<'a> {
    pub texts: Vec<DocText<'a>>,
    /// Per language (view), per document id: the number of its text.
    pub docs: Vec<Vec<u32>>,
}

/// The plain text of the bodies the views show, by body file: each body
/// once, however many languages show it.
pub struct PlainBodies(HashMap<usize, Arc<str>>);

/// Identifies a body file for as long as the catalogue lives.
fn key(meta: &Meta) -> usize {
    std::ptr::from_ref(meta) as usize
}

impl PlainBodies {
    /// The bodies of the MOOCs of every view, in parallel; with `memo`,
    /// only those not seen by the last call.
    pub fn new<'a>(views: &[View<'a>], memo: Option<&mut Memo>) -> Self {
        let mut metas: HashMap<usize, &'a Meta> = HashMap::new();
        for view in views {
            let cat: &'a crate::resolve::Catalogue = view.cat;
            for m in &cat.content.moocs {
                let meta = view.text(Kind::Mooc, &m.meta, &m.title, &m.summary).meta;
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
    /// The documents of each view: its MOOCs in its title order.
    pub fn new(views: &[View<'a>], bodies: &'a PlainBodies) -> Self {
        let mut texts: Vec<DocText<'a>> = Vec::new();
        // The texts of each MOOC so far (one per language at most).
        let mut of_mooc: Vec<Vec<u32>> = vec![Vec::new(); views.first().map_or(0, |v| v.cat.content.moocs.len())];
        let mut docs = Vec::with_capacity(views.len());
        for view in views {
            let order = view.by_title();
            let built: Vec<DocText<'a>> = order.par_iter().map(|&m| doc_text(view, m, bodies)).collect();
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

/// The text of MOOC `m` in the view's language, field by field.
fn doc_text<'a>(view: &View<'a>, m: usize, bodies: &'a PlainBodies) -> DocText<'a> {
    let cat: &'a crate::resolve::Catalogue = view.cat;
    let mooc = &cat.content.moocs[m];
    let t = view.text(Kind::Mooc, &mooc.meta, &mooc.title, &mooc.summary);
    // The labels its page shows (its translation's, when it gives some).
    let subjects: Vec<&str> = view.mooc_subjects(m).into_iter().map(|(_, label, _)| label).collect();
    let institutions: Vec<String> = view.institution_links(&mooc.institutions).into_iter().map(|l| l.title).collect();
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
