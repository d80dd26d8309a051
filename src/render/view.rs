//! The values templates see, built from the catalogue for one language.
//! See `docs/templates.md` for the shapes; this file is their one source.

use std::collections::HashMap;

use jiff::civil::Date;
use std::path::Path;

use rayon::prelude::*;
use serde_json::{json, Value};

use crate::calendar::format::{group_thousands, Words};
use crate::calendar::period::When;
use crate::calendar::status::Status;
use crate::diagnostic::{Diagnostic, Out};
use crate::load::{Entity, Kind, Meta};
use crate::render::globals::{template_value, Globals};
use crate::render::theme::{render_error, Theme};
use crate::render::values::{Card, DateValue, Image, Keyed, Language, Link, ListItem, Session};
use crate::resolve::Catalogue;

/// Translated text of an entity (title, summary, body) when a
/// `<slug>.<lang>.md` file exists.
pub struct Text<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub meta: &'a Meta,
    /// The language this text is written in (for `lang` attributes).
    pub lang: &'a str,
}

/// A JSON object from values that are moved in (`json!` would serialise,
/// that is deep-copy, every `Value` it is given).
pub fn obj<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

/// A MOOC's list item kept from one render to the next (`vitrine serve`),
/// with the key it is sorted by: its title, folded.
pub struct Item {
    value: tera::Value,
    key: String,
}

/// List items by MOOC slug, sorted by slug like the catalogue's MOOCs
/// ([`View::into_items`], [`View::reusing`]): matched to a catalogue in one
/// pass, without hashing ten thousand slugs.
#[derive(Default)]
pub struct Items(Vec<(String, Item)>);

impl Items {
    /// Forgets the item of `slug`: it will be made again.
    pub fn remove(&mut self, slug: &str) {
        if let Ok(at) = self.0.binary_search_by(|(s, _)| s.as_str().cmp(slug)) {
            self.0.remove(at);
        }
    }

    /// The item of each MOOC of `cat`, where there is one.
    fn take_for(self, cat: &Catalogue) -> Vec<Option<Item>> {
        let mut kept = self.0.into_iter().peekable();
        cat.content
            .moocs
            .iter()
            .map(|m| {
                let slug = m.meta.slug.as_str();
                while kept.next_if(|(s, _)| s.as_str() < slug).is_some() {}
                kept.next_if(|(s, _)| s == slug).map(|(_, item)| item)
            })
            .collect()
    }

    /// Where the MOOC `slug` was in the list by title these items make, for
    /// `cat`, a catalogue of the same MOOCs.
    pub fn rank(&self, cat: &Catalogue, slug: &str) -> Option<usize> {
        if self.0.len() != cat.content.moocs.len() {
            return None;
        }
        let at = self.0.binary_search_by(|(s, _)| s.as_str().cmp(slug)).ok()?;
        let key = (self.0[at].1.key.as_str(), at);
        Some(self.0.iter().enumerate().filter(|(i, (_, item))| (item.key.as_str(), *i) < key).count())
    }
}

const CARD_MARKER: &str = "<!--vitrine:card-->";
const CARD_CHUNK: usize = 256;

/// One language's view of the catalogue.
pub struct View<'a> {
    pub cat: &'a Catalogue,
    pub theme: &'a Theme,
    pub lang: &'a str,
    pub words: Words,
    /// `/catalogue/en/`: base path + language folder, ends with `/`.
    prefix: String,
    translations: HashMap<(Kind, &'a str), &'a Entity>,
    /// Bodies rendered once for every language, when the caller has them.
    pub(super) bodies: Option<&'a crate::render::bodies::Bodies>,
    /// (slug, language) of every MOOC translation, in any language.
    translated: std::collections::HashSet<(&'a str, &'a str)>,
    /// The light form of each MOOC's card, for lists: `slug`, `url`,
    /// `title`, `status` and the rendered `card_html` (cards themselves are
    /// made again when a page needs one: keeping them all would take more
    /// memory than making them twice takes time).
    items: Vec<tera::Value>,
    /// Position of each MOOC when sorted by title in this language.
    rank: Vec<usize>,
    /// MOOC indices sorted by title in this language (the inverse of `rank`).
    by_title: Vec<usize>,
    /// Each MOOC's title, folded: what `by_title` sorts.
    keys: Vec<String>,
    /// The values every page of this language gets.
    globals: Globals,
}

impl<'a> View<'a> {
    /// Builds the view; MOOC cards are built and rendered (`card.html`) once
    /// here, in parallel, since lists repeat them many times.
    pub fn new(cat: &'a Catalogue, theme: &'a Theme, lang: &'a str, out: &mut Out) -> Self {
        Self::reusing(cat, theme, lang, Items::default(), out)
    }

    /// [`View::new`], with the list items of a previous view of the same
    /// language ([`View::into_items`]) for MOOCs whose card cannot have
    /// changed: `reuse` holds only those (`vitrine serve`).
    pub fn reusing(cat: &'a Catalogue, theme: &'a Theme, lang: &'a str, reuse: Items, out: &mut Out) -> Self {
        let base = cat.config.base_path();
        let prefix = if lang == cat.config.default_language { format!("{base}/") } else { format!("{base}/{lang}/") };
        let translations = cat
            .translations
            .iter()
            .filter(|e| e.meta().lang.as_deref() == Some(lang))
            .map(|e| ((e.kind(), e.meta().slug.as_str()), e))
            .collect();
        let mut v = View {
            cat,
            theme,
            lang,
            words: theme.words(lang),
            prefix,
            translations,
            bodies: None,
            translated: cat
                .translations
                .iter()
                .filter(|e| e.kind() == Kind::Mooc)
                .filter_map(|e| Some((e.meta().slug.as_str(), e.meta().lang.as_deref()?)))
                .collect(),
            items: Vec::with_capacity(cat.content.moocs.len()),
            rank: Vec::new(),
            by_title: Vec::new(),
            keys: Vec::new(),
            globals: Globals::default(),
        };
        v.globals = Globals::new(&v);
        let strings = v.globals.strings();
        let mut items = reuse.take_for(cat);
        let moocs: Vec<usize> = (0..cat.content.moocs.len()).filter(|&i| items[i].is_none()).collect();
        let chunks: Vec<(Vec<Item>, Option<Diagnostic>)> =
            moocs.par_chunks(CARD_CHUNK).map(|chunk| v.list_items(chunk, &strings)).collect();
        let mut problems = Vec::new();
        let mut fresh = Vec::with_capacity(moocs.len());
        for (chunk, problem) in chunks {
            fresh.extend(chunk);
            problems.extend(problem);
        }
        for (i, item) in moocs.into_iter().zip(fresh) {
            items[i] = Some(item);
        }
        (v.items, v.keys) = items
            .into_iter()
            .map(|item| item.map_or_else(|| (tera::Value::none(), String::new()), |Item { value, key }| (value, key)))
            .unzip();
        // A broken `card.html` breaks every chunk: report it once.
        out.extend(problems.into_iter().next());
        let mut order: Vec<(&str, usize)> = v.keys.iter().enumerate().map(|(i, k)| (k.as_str(), i)).collect();
        order.sort_unstable();
        v.by_title = order.into_iter().map(|(_, i)| i).collect();
        v.rank = vec![0; v.by_title.len()];
        for (r, &i) in v.by_title.iter().enumerate() {
            v.rank[i] = r;
        }
        v
    }

    /// The list items of the MOOCs of `chunk`: their cards, rendered
    /// (`card.html`) in one template call so that the UI strings are copied
    /// once per chunk, not once per card, then cut down to what lists need.
    fn list_items(&self, chunk: &[usize], strings: &tera::Value) -> (Vec<Item>, Option<Diagnostic>) {
        let cards: Vec<Card> = chunk.iter().map(|&i| self.build_card(i)).collect();
        let (cards, html) = self.render_cards(cards, strings);
        let (htmls, problem) = match html {
            Ok(htmls) => (htmls, None),
            Err(d) => (Vec::new(), Some(d)),
        };
        let mut htmls = htmls.into_iter();
        (cards.into_iter().map(|card| list_item(card, htmls.next())).collect(), problem)
    }

    /// Renders `card.html` for each card (`cards.html` loops over them);
    /// gives the cards back.
    fn render_cards(&self, cards: Vec<Card>, strings: &tera::Value) -> (Vec<Card>, Result<Vec<String>, Diagnostic>) {
        let count = cards.len();
        let mut ctx = tera::Context::new();
        ctx.insert_value("moocs", template_value(&cards));
        ctx.insert_value("t", strings.clone());
        ctx.insert_value("lang", tera::Value::from(self.lang));
        match self.theme.tera.render("cards.html", &ctx) {
            Ok(html) => {
                let parts: Vec<String> = html.split(CARD_MARKER).take(count).map(|p| p.trim().to_string()).collect();
                (cards, Ok(parts))
            }
            Err(e) => (cards, Err(card_error(&e))),
        }
    }

    /// The list items of the MOOCs, by slug, for [`View::reusing`].
    pub fn into_items(self) -> Items {
        let slugs = self.cat.content.moocs.iter().map(|m| m.meta.slug.clone());
        Items(slugs.zip(self.items).zip(self.keys).map(|((slug, value), key)| (slug, Item { value, key })).collect())
    }

    /// Uses bodies rendered once for all languages.
    pub fn with_bodies(mut self, bodies: &'a crate::render::bodies::Bodies) -> Self {
        self.bodies = Some(bodies);
        self
    }

    /// Root-relative URL of a site path (`moocs/x/`) in this language.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.prefix)
    }

    /// Title, summary and body file of an entity in this language.
    pub fn text(&self, kind: Kind, meta: &'a Meta, title: &'a str, summary: &'a str) -> Text<'a> {
        match self.translations.get(&(kind, meta.slug.as_str())) {
            Some(e) => {
                let (t, s) = entity_text(e);
                Text {
                    title: if t.is_empty() { title } else { t },
                    summary: if s.is_empty() { summary } else { s },
                    meta: e.meta(),
                    lang: self.lang,
                }
            }
            None => Text { title, summary, meta, lang: self.source_lang(kind, &meta.slug) },
        }
    }

    /// The translation of an entity into this view's language, if any.
    pub fn translation(&self, kind: Kind, slug: &str) -> Option<&'a Entity> {
        self.translations.get(&(kind, slug)).copied()
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
        let cat: &'a Catalogue = self.cat;
        let m = &cat.content.moocs[mi];
        let own = match self.translation(Kind::Mooc, &m.meta.slug) {
            Some(Entity::Mooc(tr)) if tr.subjects.len() == m.subjects.len() => Some(&tr.subjects),
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
        let cat: &'a Catalogue = self.cat;
        let s = &cat.subjects[si];
        if let Some(Entity::Subject(doc)) = self.translation(Kind::Subject, &s.slug) {
            if s.doc.is_some() && !doc.title.trim().is_empty() {
                return (doc.title.as_str(), self.lang);
            }
        }
        match own.or_else(|| s.labels.get(self.lang).map(String::as_str)) {
            Some(label) if self.lang != cat.config.default_language => (label, self.lang),
            _ => (s.label.as_str(), cat.config.default_language.as_str()),
        }
    }

    /// The language of an entity's default-language file: the site's default
    /// language, except for a MOOC taught in one other language and not
    /// translated into it, whose file is written in that language (an
    /// English-only course described in English).
    fn source_lang(&self, kind: Kind, slug: &str) -> &'a str {
        let cat: &'a Catalogue = self.cat;
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

    pub fn date(&self, d: Date) -> DateValue {
        DateValue { iso: d.to_string(), label: self.words.date(d) }
    }

    fn opt_date(&self, d: Option<Date>) -> Option<DateValue> {
        d.map(|d| self.date(d))
    }

    pub fn keyed(&self, table: &str, key: &str) -> Keyed {
        Keyed { key: key.to_string(), label: self.theme.label(self.lang, table, key) }
    }

    pub fn status(&self, s: Status) -> Keyed {
        self.keyed("status", s.key())
    }

    pub fn language(&self, code: &str) -> Language {
        Language { code: code.to_string(), label: self.theme.label(self.lang, "language", code) }
    }

    fn link(&self, folder: &str, slug: &str, title: &str) -> Link {
        Link { slug: slug.to_string(), title: title.to_string(), url: self.url(&format!("{folder}/{slug}/")) }
    }

    pub fn platform_link(&self, i: usize) -> Link {
        let p = &self.cat.content.platforms[i];
        self.link("platforms", &p.meta.slug, self.text(Kind::Platform, &p.meta, &p.title, &p.summary).title)
    }

    pub fn institution_link(&self, i: usize) -> Link {
        let p = &self.cat.content.institutions[i];
        self.link("institutions", &p.meta.slug, self.text(Kind::Institution, &p.meta, &p.title, "").title)
    }

    pub fn parcours_link(&self, i: usize) -> Link {
        let p = &self.cat.content.parcours[i];
        self.link("parcours", &p.meta.slug, self.text(Kind::Parcours, &p.meta, &p.title, &p.summary).title)
    }

    /// Position of each MOOC when sorted by title in this language.
    pub fn title_rank(&self) -> &[usize] {
        &self.rank
    }

    /// MOOC indices sorted by title in this language.
    pub fn by_title(&self) -> &[usize] {
        &self.by_title
    }

    pub fn institution_links(&self, slugs: &[crate::base::fields::Sp<String>]) -> Vec<Link> {
        slugs
            .iter()
            .filter_map(|s| self.cat.content.institutions.position(&s.value))
            .map(|i| self.institution_link(i))
            .collect()
    }

    /// The card of MOOC `i`, with its rendered `card_html`.
    pub fn card(&self, i: usize) -> Card {
        let card_html = self.items[i].get_from_path("card_html").and_then(tera::Value::as_str).map(String::from);
        Card { card_html, ..self.build_card(i) }
    }

    /// List items (see [`View::cards_by_title`]) in the given order.
    pub fn items(&self, list: &[usize]) -> tera::Value {
        list.iter().map(|&i| self.items[i].clone()).collect::<Vec<_>>().into()
    }

    /// List items sorted by title (accent-insensitive): the card's `slug`,
    /// `url`, `title`, `status` and its rendered `card_html`. Lists hold
    /// thousands of items, so they do not carry the whole card.
    pub fn cards_by_title(&self, list: &[usize]) -> tera::Value {
        let mut sorted = list.to_vec();
        sorted.sort_unstable_by_key(|&i| self.rank[i]);
        self.items(&sorted)
    }

    fn build_card(&self, i: usize) -> Card {
        let m = &self.cat.content.moocs[i];
        let state = &self.cat.states[i];
        let t = self.text(Kind::Mooc, &m.meta, &m.title, &m.summary);
        Card {
            slug: m.meta.slug.clone(),
            url: self.url(&format!("moocs/{}/", m.meta.slug)),
            title: t.title.to_string(),
            summary: t.summary.to_string(),
            status: self.status(state.status),
            platform: m
                .platform
                .as_ref()
                .and_then(|p| self.cat.content.platforms.position(&p.value))
                .map(|p| self.platform_link(p)),
            institutions: self.institution_links(&m.institutions),
            content_lang: t.lang.to_string(),
            languages: m.languages.iter().map(|l| self.language(&l.value)).collect(),
            level: m.level.as_ref().map(|l| self.keyed("level", l)),
            next_session: state.next.map(|s| self.session(i, s)),
            featured: m.featured,
            cover: self.image(Kind::Mooc, &m.meta, m.cover.as_ref()),
            sessions_data: (0..m.sessions.len()).map(|s| self.session_data(i, s)).collect::<Vec<_>>().join(";"),
            card_html: None,
            core: None,
        }
    }

    /// A cover or logo `{url, alt, lang}` in this language, or null: the
    /// file comes from the default-language entity, the text alternative
    /// from its translation when that gives one. `lang` is the language of
    /// `alt` when it is not the page's (an untranslated alternative).
    pub fn image(&self, kind: Kind, meta: &Meta, img: Option<&crate::load::common::Image>) -> Option<Image> {
        let (img, path) = img.and_then(|i| Some((i, i.path.as_ref()?)))?;
        let translated =
            self.translation(kind, &meta.slug).and_then(entity_image).map(|t| t.alt.as_str()).filter(|a| !a.is_empty());
        let (alt, lang) = match translated {
            Some(alt) => (alt, self.lang),
            None => (img.alt.as_str(), self.source_lang(kind, &meta.slug)),
        };
        Some(Image {
            url: self.asset_url(kind.folder(), meta, &path.value),
            alt: alt.to_string(),
            lang: (lang != self.lang).then(|| lang.to_string()),
        })
    }

    /// The dates a session's status depends on, for the script that
    /// recomputes statuses in the visitor's browser (`status.js`):
    /// `start,end,enrollment_start,enrollment_end,flags`, ISO dates or
    /// empty; flags: 1 self-paced, 2 cancelled, 4 planned period (start and
    /// end are then its first and last day).
    pub fn session_data(&self, mi: usize, si: usize) -> String {
        let s = &self.cat.content.moocs[mi].sessions[si];
        let iso = |d: Option<Date>| d.map_or(String::new(), |d| d.to_string());
        let (start, end, planned) = match s.start.value {
            When::Date(d) => (d, s.end.as_ref().map(|e| e.value), false),
            When::Period(p) => (p.first_day(), Some(p.last_day()), true),
        };
        let flags = u8::from(s.self_paced) | (u8::from(s.cancelled) << 1) | (u8::from(planned) << 2);
        format!(
            "{},{},{},{},{flags}",
            start,
            iso(end),
            iso(s.enrollment_start.as_ref().map(|d| d.value)),
            iso(s.enrollment_end.as_ref().map(|d| d.value))
        )
    }

    /// URL of an image: beside the page for bundles, else from `static/`.
    pub fn asset_url(&self, folder: &str, meta: &Meta, path: &str) -> String {
        if path.starts_with("http://") || path.starts_with("https://") {
            return path.to_string();
        }
        let clean = path.trim_start_matches("./").trim_start_matches('/');
        if meta.bundle.is_some() && !path.starts_with('/') {
            format!("{}{folder}/{}/{clean}", self.root(), meta.slug)
        } else {
            format!("{}{clean}", self.root())
        }
    }

    /// Root-relative URL of the site root (not of this language).
    pub fn root(&self) -> String {
        format!("{}/", self.cat.config.base_path())
    }

    pub fn session(&self, mi: usize, si: usize) -> Session {
        let m = &self.cat.content.moocs[mi];
        let s = &m.sessions[si];
        let (start, planned) = match s.start.value {
            When::Date(d) => (Some(self.date(d)), None),
            When::Period(p) => (None, Some(Keyed { key: p.to_string(), label: self.words.period(p) })),
        };
        let status = self.cat.states[mi].sessions[si];
        let date = |d: &Option<crate::base::fields::Sp<Date>>| self.opt_date(d.as_ref().map(|d| d.value));
        Session {
            id: format!("session-{}", si + 1),
            status: self.status(status),
            start,
            end: date(&s.end),
            planned,
            pacing: self.keyed("pacing", if s.self_paced { "self" } else { "instructor" }),
            enrollment_start: date(&s.enrollment_start),
            enrollment_end: date(&s.enrollment_end),
            exam_start: date(&s.exam_start),
            exam_end: date(&s.exam_end),
            url: s.url.clone(),
            can_enrol: s.url.is_some() && status.enrolment_ahead(),
            platform: s
                .platform
                .as_ref()
                .and_then(|p| self.cat.content.platforms.position(&p.value))
                .map(|p| self.platform_link(p)),
            cancelled: s.cancelled,
            enrollments: s.enrollments,
            data: self.session_data(mi, si),
        }
    }

    pub fn parcours_card(&self, i: usize) -> Value {
        let p = &self.cat.content.parcours[i];
        let t = self.text(Kind::Parcours, &p.meta, &p.title, &p.summary);
        let price_label = p.price.map(|x| self.words.price(x, "EUR"));
        json!({
            "slug": p.meta.slug,
            "url": self.url(&format!("parcours/{}/", p.meta.slug)),
            "title": t.title,
            "content_lang": t.lang,
            "short_title": p.short_title,
            "summary": t.summary,
            "credential": self.keyed("credential", &p.credential),
            "credential_name": match self.translation(Kind::Parcours, &p.meta.slug) {
                Some(Entity::Parcours(tr)) if tr.credential_name.is_some() => &tr.credential_name,
                _ => &p.credential_name,
            },
            "required": p.required.as_ref().map_or(p.moocs.len() as i64, |r| r.value),
            "count": p.moocs.len(),
            "price_label": price_label,
        })
    }

    pub fn thousands(&self, n: u64) -> String {
        let sep = if self.lang == "en" { "," } else { "\u{202f}" };
        group_thousands(n, sep)
    }

    /// The values every template gets (`docs/templates.md`).
    pub fn globals(&self, path: &str, page_title: &str, description: &str) -> tera::Context {
        self.globals.for_page(self, path, page_title, description)
    }
}

/// The light form of a card, for lists, with its HTML, and the key lists
/// are sorted by (its title, folded).
fn list_item(card: Card, html: Option<String>) -> Item {
    let key = crate::base::slug::fold(&card.title);
    let item = ListItem { slug: card.slug, url: card.url, title: card.title, status: card.status, card_html: html };
    Item { value: template_value(&item), key }
}

fn card_error(e: &tera::Error) -> Diagnostic {
    Diagnostic::file_error(Path::new("card.html"), format!("the template failed: {}", render_error(e)))
        .with_hint("fix the template (see docs/templates.md for the values it gets)")
}

/// The cover or logo of an entity, for the kinds that have one.
fn entity_image(e: &Entity) -> Option<&crate::load::common::Image> {
    e.described().shown().image
}

fn entity_text(e: &Entity) -> (&str, &str) {
    let shown = e.described().shown();
    (shown.title, shown.summary)
}
