//! A language of the site: its code, folder and URLs, its UI strings and
//! date words, and the catalogue as it shows it. An entity's text (title,
//! summary, body, and the text keys of its kind) comes from its
//! translation file `<slug>.<lang>.md` when there is one, else from its
//! default-language file, whose language is then the text's.

use std::collections::{HashMap, HashSet};

use crate::calendar::format::Words;
use crate::i18n::strings::{Ui, UiStrings};
use crate::load::{Entity, EntityKind, Kind, Meta, Mooc, SubjectDoc};
use crate::resolve::Catalogue;

/// The text of an entity in a language (title, summary, and the file whose
/// body it shows).
pub struct Text<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub meta: &'a Meta,
    /// The language this text is written in (for `lang` attributes).
    pub lang: &'a str,
}

/// One language of the site, and the catalogue in it.
pub struct Lang<'a> {
    pub cat: &'a Catalogue,
    /// The language's code (`fr`).
    pub code: &'a str,
    /// Its UI strings.
    pub ui: Ui<'a>,
    /// The words its dates, periods, prices and numbers are written with.
    pub words: Words,
    /// `/catalogue/en/`: base path + language folder, ends with `/`.
    prefix: String,
    translations: HashMap<(Kind, &'a str), &'a Entity>,
    /// (slug, language) of every MOOC translation, in any language.
    translated: HashSet<(&'a str, &'a str)>,
}

impl<'a> Lang<'a> {
    /// Language `code` of `cat`, with its strings of `strings`.
    pub fn new(cat: &'a Catalogue, code: &'a str, strings: &'a UiStrings) -> Self {
        let base = cat.config.base_path();
        let prefix = if code == cat.config.default_language { format!("{base}/") } else { format!("{base}/{code}/") };
        let translations = cat
            .translations
            .iter()
            .filter(|e| e.meta().lang.as_deref() == Some(code))
            .map(|e| ((e.kind(), e.meta().slug.as_str()), e))
            .collect();
        let translated = cat
            .translations
            .iter()
            .filter(|e| e.kind() == Kind::Mooc)
            .filter_map(|e| Some((e.meta().slug.as_str(), e.meta().lang.as_deref()?)))
            .collect();
        let ui = strings.of(code);
        Lang { cat, code, ui, words: ui.words(), prefix, translations, translated }
    }

    /// A label of its UI strings (`nav`, `moocs`).
    pub fn label(&self, table: &str, key: &str) -> String {
        self.ui.label(table, key)
    }

    /// The language's folder inside the site: empty for the default
    /// language, `en/` for the others.
    pub fn folder(&self) -> String {
        if self.code == self.cat.config.default_language {
            String::new()
        } else {
            format!("{}/", self.code)
        }
    }

    /// Root-relative URL of a site path (`moocs/x/`) in this language.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.prefix)
    }

    /// Root-relative URL of the site root (not of this language).
    pub fn root(&self) -> String {
        format!("{}/", self.cat.config.base_path())
    }

    /// `https://host` of the base URL (no path).
    pub fn origin(&self) -> &'a str {
        let cfg = &self.cat.config;
        &cfg.base_url[..cfg.base_url.len() - cfg.base_path().len()]
    }

    /// Title, summary and body file of an entity in this language.
    pub fn text<T: EntityKind>(&self, e: &'a T) -> Text<'a> {
        let (meta, shown) = (e.meta(), e.shown());
        match self.translations.get(&(T::KIND, meta.slug.as_str())) {
            Some(tr) => {
                let own = tr.described().shown();
                Text {
                    title: if own.title.is_empty() { shown.title } else { own.title },
                    summary: if own.summary.is_empty() { shown.summary } else { own.summary },
                    meta: tr.meta(),
                    lang: self.code,
                }
            }
            None => {
                Text { title: shown.title, summary: shown.summary, meta, lang: self.source_lang(T::KIND, &meta.slug) }
            }
        }
    }

    /// The translation of the entity `slug` into this language, if any.
    pub fn translation<T: EntityKind>(&self, slug: &str) -> Option<&'a T> {
        self.translations.get(&(T::KIND, slug)).and_then(|e| e.get())
    }

    /// The label of subject `si` in this language, and the language it is
    /// written in: the title of `subjects/<slug>.<lang>.md` when it exists,
    /// else the label MOOC translations give (the first MOOC by slug), else
    /// the default-language label (the `title` of `subjects/<slug>.md`, or
    /// the label of the first MOOC).
    pub fn subject_label(&self, si: usize) -> (&'a str, &'a str) {
        self.label_of_subject(si, None)
    }

    /// The subjects of MOOC `mi` as its page shows them in this language, in
    /// the file's order: (subject index, label, language of the label). The
    /// labels of the MOOC's own translation stand at the positions of the
    /// default ones (another count is an error found in `resolve`) and come
    /// before the other labels, after `subjects/<slug>.<lang>.md`.
    pub fn mooc_subjects(&self, mi: usize) -> Vec<(usize, &'a str, &'a str)> {
        let cat = self.cat;
        let m = &cat.content.moocs[mi];
        let own = match self.translation::<Mooc>(&m.meta.slug) {
            Some(tr) if tr.subjects.len() == m.subjects.len() => Some(&tr.subjects),
            _ => None,
        };
        cat.mooc_subjects[mi]
            .iter()
            .enumerate()
            .filter_map(|(pos, &si)| {
                let si = si?;
                let own = own.and_then(|labels| labels.get(pos)).map(|l| l.value.trim()).filter(|l| !l.is_empty());
                let (label, lang) = self.label_of_subject(si, own);
                Some((si, label, lang))
            })
            .collect()
    }

    /// The label of subject `si`, `own` coming before the labels of MOOC
    /// translations.
    fn label_of_subject(&self, si: usize, own: Option<&'a str>) -> (&'a str, &'a str) {
        let cat = self.cat;
        let s = &cat.subjects[si];
        if let Some(doc) = self.translation::<SubjectDoc>(&s.slug) {
            if s.doc.is_some() && !doc.title.trim().is_empty() {
                return (doc.title.as_str(), self.code);
            }
        }
        match own.or_else(|| s.labels.get(self.code).map(String::as_str)) {
            Some(label) if self.code != cat.config.default_language => (label, self.code),
            _ => (s.label.as_str(), cat.config.default_language.as_str()),
        }
    }

    /// The language of an entity's default-language file: the site's default
    /// language, except for a MOOC taught in one other language and not
    /// translated into it, whose file is written in that language (an
    /// English-only course described in English).
    pub fn source_lang(&self, kind: Kind, slug: &str) -> &'a str {
        let cat = self.cat;
        let default = cat.config.default_language.as_str();
        if kind != Kind::Mooc {
            return default;
        }
        let Some(mi) = cat.content.moocs.position(slug) else { return default };
        match cat.content.moocs[mi].languages.as_slice() {
            [only] if only.value != default && !self.translated.contains(&(slug, only.value.as_str())) => {
                only.value.as_str()
            }
            _ => default,
        }
    }
}
