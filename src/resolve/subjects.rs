//! Subjects: a subject exists when a MOOC names it in `subjects` (its slug
//! comes from the label) or a file of `content/subjects/` describes it.
//! Its label in other languages comes from a translation of that file, else
//! from the MOOC translations that translate the label.

use std::collections::{BTreeMap, HashMap};

use crate::base::slug::slugify;
use crate::diagnostic::{did_you_mean, problems, Diagnostic, Out};
use crate::load::{Mooc, Shelf, SubjectDoc};
use crate::resolve::Catalogue;

/// A subject page: every MOOC labelled with it.
#[derive(Debug, Clone)]
pub struct Subject {
    pub slug: String,
    /// In the default language: the `title` of `subjects/<slug>.md`, else
    /// the label of the first MOOC (by slug) that has the subject.
    pub label: String,
    /// Labels in other languages given by MOOC translations (`subjects` of
    /// `x.en.md`), by language code: the first MOOC (by slug) wins. A
    /// `subjects/<slug>.<lang>.md` file, when there is one, wins over them.
    pub labels: BTreeMap<String, String>,
    /// The file that describes it: its position in `content.subject_docs`.
    pub doc: Option<usize>,
    pub moocs: Vec<usize>,
}

/// Subjects from the MOOCs' labels, described by `docs`, taken in the order
/// `found` gives their slugs (that of the walk).
pub fn subjects(moocs: &[Mooc], docs: &Shelf<SubjectDoc>, found: &[String], out: &mut Out) -> Vec<Subject> {
    let mut by_slug: BTreeMap<String, Subject> = BTreeMap::new();
    for (mi, m) in moocs.iter().enumerate() {
        for label in &m.subjects {
            let slug = slugify(&label.value);
            if slug.is_empty() {
                continue;
            }
            let s = by_slug.entry(slug.clone()).or_insert_with(|| Subject {
                slug,
                label: label.value.trim().to_string(),
                labels: BTreeMap::new(),
                doc: None,
                moocs: Vec::new(),
            });
            if !s.moocs.contains(&mi) {
                s.moocs.push(mi);
            }
        }
    }
    for at in found.iter().filter_map(|slug| docs.position(slug)) {
        let doc = &docs[at];
        match by_slug.get_mut(&doc.meta.slug) {
            Some(s) => {
                s.label = doc.title.clone();
                s.doc = Some(at);
            }
            None => {
                let known: Vec<&str> = by_slug.keys().map(String::as_str).collect();
                let mut d = Diagnostic::at(
                    &doc.meta.file,
                    crate::load::common::head_span(&doc.meta.file.text),
                    problems::subject_unused(&doc.meta.slug),
                );
                if let Some(h) = did_you_mean(&doc.meta.slug, known) {
                    d = d.with_hint(h);
                }
                out.push(d);
                let slug = doc.meta.slug.clone();
                let label = doc.title.clone();
                let subject =
                    Subject { slug: slug.clone(), label, labels: BTreeMap::new(), doc: Some(at), moocs: vec![] };
                by_slug.insert(slug, subject);
            }
        }
    }
    by_slug.into_values().collect()
}

/// Labels of subjects in other languages from MOOC translations, as
/// `(subject, language, label)`: the label at the same position as a
/// default label names that label's subject. MOOCs are sorted by slug, so
/// the first MOOC that translates a subject gives its label (the first of
/// the list for a language), whatever the order files were read in.
pub fn translated_labels(cat: &Catalogue) -> Vec<(usize, String, String)> {
    let translated: HashMap<(&str, &str), &Mooc> = cat
        .translations
        .iter()
        .filter_map(|e| {
            let m: &Mooc = e.get()?;
            Some(((m.meta.slug.as_str(), m.meta.lang.as_deref()?), m))
        })
        .collect();
    let mut langs: Vec<&str> = translated.keys().map(|(_, l)| *l).collect();
    langs.sort_unstable();
    langs.dedup();
    let mut labels = Vec::new();
    for m in cat.content.moocs.iter() {
        for lang in &langs {
            let Some(tr) = translated.get(&(m.meta.slug.as_str(), *lang)) else { continue };
            if tr.subjects.len() != m.subjects.len() {
                continue;
            }
            for (label, translated) in m.subjects.iter().zip(&tr.subjects) {
                let Some(si) = cat.subject(&slugify(&label.value)) else { continue };
                let text = translated.value.trim();
                if !text.is_empty() {
                    labels.push((si, lang.to_string(), text.to_string()));
                }
            }
        }
    }
    labels
}
