//! The description of a subject (`content/subjects/<slug>.md`). Subjects
//! themselves come from the labels MOOCs give (`resolve`); a file only
//! describes one, and gives its label.

use crate::base::fields::Fields;
use crate::diagnostic::{texts, Out};
use crate::load::kinds::{About, EntityKind, Shown};
use crate::load::{common, Meta};

/// `content/subjects/<slug>.md`: an optional description of a subject page.
#[derive(Debug, Clone)]
pub struct SubjectDoc {
    pub meta: Meta,
    pub title: String,
    pub summary: String,
}

const KEYS: &[&str] = &["title", "summary", "draft", "updated"];

/// The keys a translation may change.
const TEXT_KEYS: &[&str] = &["title", "summary", "draft", "updated"];

impl EntityKind for SubjectDoc {
    const ABOUT: About = About::new("subjects", "subject", TEXT_KEYS);

    fn shown(&self) -> Shown<'_> {
        Shown { title: &self.title, summary: &self.summary, image: None }
    }

    fn parse(f: &Fields, meta: Meta, out: &mut Out) -> SubjectDoc {
        f.check_keys(KEYS, texts::a_kind(Self::ABOUT.noun), out);
        SubjectDoc {
            title: f.req_str("title", out).map(|s| s.value).unwrap_or_default(),
            summary: common::summary(f, false, out),
            meta,
        }
    }
}
