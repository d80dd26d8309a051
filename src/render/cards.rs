//! Cards: the short form of an entity that lists show. A MOOC's card is
//! built and rendered (`card.html`) once per language, since every list
//! shows it (home, full list, term pages…); lists hold its light form, a
//! list item. A parcours' card is small and made where it is shown.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use serde_json::{json, Value};

use crate::base::slug::fold;
use crate::diagnostic::{problems, texts, Diagnostic, Out};
use crate::i18n::Lang;
use crate::images::Pictures;
use crate::load::Parcours;
use crate::render::globals::template_value;
use crate::render::theme::{render_error, Theme};
use crate::render::values::{Card, ListItem};
use crate::render::{parts, pictures};
use crate::resolve::Catalogue;

const CARD_MARKER: &str = "<!--vitrine:card-->";
const CARD_CHUNK: usize = 256;

/// A MOOC's list item kept from one render to the next (`vitrine serve`),
/// with the key it is sorted by: its title, folded.
pub struct Item {
    value: tera::Value,
    key: String,
}

/// List items by MOOC slug, sorted by slug like the catalogue's MOOCs
/// ([`Cards::into_items`], [`Cards::new`]): matched to a catalogue in
/// one pass, without hashing ten thousand slugs.
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

/// A list of MOOCs: the name of the kind of page that shows it, and its
/// number among the kind's lists.
pub type ListKey = (&'static str, usize);

/// The lists of a kind of page: each one's name and length.
pub type Lists = Arc<[(String, usize)]>;

/// One language's MOOC list items, and the MOOCs' order by title.
#[derive(Default)]
pub struct Cards {
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
    /// Lists sorted by title, by the name a kind of page gives them: each
    /// is sorted once, for all its pages ([`Cards::sorted`]).
    sorted: Mutex<HashMap<ListKey, Arc<[usize]>>>,
    /// The lists of a kind of page with several (each value's name and
    /// length), by the kind's name: counted once, not once per page
    /// ([`Cards::lists`]).
    lists: Mutex<HashMap<&'static str, Lists>>,
}

impl Cards {
    /// The list items of every MOOC of the catalogue, in `lang`: those of
    /// `reuse`, and the others built and rendered in chunks, in parallel.
    /// `strings` are the UI strings (`t`) the template gets.
    pub fn new(
        lang: &Lang,
        theme: &Theme,
        pictures: &Pictures,
        strings: &tera::Value,
        reuse: Items,
        out: &mut Out,
    ) -> Cards {
        let cat = lang.cat;
        let mut items = reuse.take_for(cat);
        let moocs: Vec<usize> = (0..cat.content.moocs.len()).filter(|&i| items[i].is_none()).collect();
        let chunks: Vec<(Vec<Item>, Option<Diagnostic>)> =
            moocs.par_chunks(CARD_CHUNK).map(|chunk| list_items(lang, theme, pictures, chunk, strings)).collect();
        let mut problems = Vec::new();
        let mut fresh = Vec::with_capacity(moocs.len());
        for (chunk, problem) in chunks {
            fresh.extend(chunk);
            problems.extend(problem);
        }
        for (i, item) in moocs.into_iter().zip(fresh) {
            items[i] = Some(item);
        }
        let (items, keys): (Vec<tera::Value>, Vec<String>) = items
            .into_iter()
            .map(|item| item.map_or_else(|| (tera::Value::none(), String::new()), |Item { value, key }| (value, key)))
            .unzip();
        // A broken `card.html` breaks every chunk: report it once.
        out.extend(problems.into_iter().next());
        let mut order: Vec<(&str, usize)> = keys.iter().enumerate().map(|(i, k)| (k.as_str(), i)).collect();
        order.sort_unstable();
        let by_title: Vec<usize> = order.into_iter().map(|(_, i)| i).collect();
        let mut rank = vec![0; by_title.len()];
        for (r, &i) in by_title.iter().enumerate() {
            rank[i] = r;
        }
        Cards { items, rank, by_title, keys, sorted: Mutex::default(), lists: Mutex::default() }
    }

    /// The list items of the MOOCs, by slug, for the next [`Cards::new`].
    pub fn into_items(self, cat: &Catalogue) -> Items {
        let slugs = cat.content.moocs.iter().map(|m| m.meta.slug.clone());
        Items(slugs.zip(self.items).zip(self.keys).map(|((slug, value), key)| (slug, Item { value, key })).collect())
    }

    /// Position of each MOOC when sorted by title in this language.
    pub fn title_rank(&self) -> &[usize] {
        &self.rank
    }

    /// MOOC indices sorted by title in this language.
    pub fn by_title(&self) -> &[usize] {
        &self.by_title
    }

    /// The card of MOOC `i`, with its rendered `card_html`.
    pub fn card(&self, lang: &Lang, pictures: &Pictures, i: usize) -> Card {
        let card_html = self.items[i].get_from_path("card_html").and_then(tera::Value::as_str).map(String::from);
        Card { card_html, ..build_card(lang, pictures, i) }
    }

    /// List items (`slug`, `url`, `title`, `status`, `card_html`) in the
    /// given order.
    pub fn items(&self, list: &[usize]) -> tera::Value {
        list.iter().map(|&i| self.items[i].clone()).collect::<Vec<_>>().into()
    }

    /// List items sorted by title (accent-insensitive). Lists hold
    /// thousands of items, so they do not carry the whole card.
    pub fn by_title_of(&self, list: &[usize]) -> tera::Value {
        self.items(&self.sort(list.to_vec()))
    }

    /// `list` sorted by title.
    fn sort(&self, mut list: Vec<usize>) -> Vec<usize> {
        list.sort_unstable_by_key(|&i| self.rank[i]);
        list
    }

    /// The list `key` (a kind of page's name, and the list's number among
    /// its lists) sorted by title: `list()` sorted the first time it is
    /// asked for, kept for the other pages of the list.
    pub fn sorted(&self, key: ListKey, list: impl FnOnce() -> Vec<usize>) -> Arc<[usize]> {
        if let Some(found) = self.sorted.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return found;
        }
        let sorted: Arc<[usize]> = self.sort(list()).into();
        if let Ok(mut m) = self.sorted.lock() {
            m.insert(key, Arc::clone(&sorted));
        }
        sorted
    }

    /// The lists of the kind of page `kind` (each one's name and length):
    /// `make()` the first time they are asked for, kept for the kind's
    /// other pages (counting them on every page would cost the whole
    /// catalogue a page).
    pub fn lists(&self, kind: &'static str, make: impl FnOnce() -> Vec<(String, usize)>) -> Lists {
        if let Some(found) = self.lists.lock().ok().and_then(|m| m.get(kind).cloned()) {
            return found;
        }
        let lists: Lists = make().into();
        if let Ok(mut m) = self.lists.lock() {
            m.insert(kind, Arc::clone(&lists));
        }
        lists
    }
}

/// The list items of the MOOCs of `chunk`: their cards, rendered
/// (`card.html`) in one template call so that the UI strings are copied
/// once per chunk, not once per card, then cut down to what lists need.
fn list_items(
    lang: &Lang,
    theme: &Theme,
    pictures: &Pictures,
    chunk: &[usize],
    strings: &tera::Value,
) -> (Vec<Item>, Option<Diagnostic>) {
    let cards: Vec<Card> = chunk.iter().map(|&i| build_card(lang, pictures, i)).collect();
    let (cards, html) = render_cards(lang, theme, cards, strings);
    let (htmls, problem) = match html {
        Ok(htmls) => (htmls, None),
        Err(d) => (Vec::new(), Some(d)),
    };
    let mut htmls = htmls.into_iter();
    (cards.into_iter().map(|card| list_item(card, htmls.next())).collect(), problem)
}

/// Renders `card.html` for each card (`cards.html` loops over them);
/// gives the cards back.
fn render_cards(
    lang: &Lang,
    theme: &Theme,
    cards: Vec<Card>,
    strings: &tera::Value,
) -> (Vec<Card>, Result<Vec<String>, Diagnostic>) {
    let count = cards.len();
    let mut values = tera::Context::new();
    values.insert_value("moocs", template_value(&cards));
    values.insert_value("t", strings.clone());
    values.insert_value("lang", tera::Value::from(lang.code));
    match theme.tera.render("cards.html", &values) {
        Ok(html) => {
            let parts: Vec<String> = html.split(CARD_MARKER).take(count).map(|p| p.trim().to_string()).collect();
            (cards, Ok(parts))
        }
        Err(e) => (cards, Err(card_error(&e, "cards.html"))),
    }
}

fn build_card(lang: &Lang, pictures: &Pictures, i: usize) -> Card {
    let cat = lang.cat;
    let m = &cat.content.moocs[i];
    let state = &cat.states[i];
    let t = lang.text(m);
    Card {
        slug: m.meta.slug.clone(),
        url: lang.url(&format!("moocs/{}/", m.meta.slug)),
        title: t.title.to_string(),
        summary: t.summary.to_string(),
        status: parts::status(lang, state.status),
        platform: m.platform.as_ref().and_then(|p| cat.content.platforms.position(&p.value)).map(|p| {
            let platform = &cat.content.platforms[p];
            parts::link(lang, platform)
        }),
        institutions: parts::institution_links(lang, &m.institutions),
        content_lang: t.lang.to_string(),
        languages: m.languages.iter().map(|l| parts::language(lang, &l.value)).collect(),
        level: m.level.as_ref().map(|l| parts::keyed(lang, "level", l)),
        next_session: state.next.map(|s| parts::session(lang, i, s)),
        featured: m.featured,
        cover: pictures::image(lang, pictures, m),
        sessions_data: (0..m.sessions.len()).map(|s| parts::session_data(lang, i, s)).collect::<Vec<_>>().join(";"),
        card_html: None,
        core: None,
    }
}

/// The light form of a card, for lists, with its HTML, and the key lists
/// are sorted by (its title, folded).
fn list_item(card: Card, html: Option<String>) -> Item {
    let key = fold(&card.title);
    let item = ListItem { slug: card.slug, url: card.url, title: card.title, status: card.status, card_html: html };
    Item { value: template_value(&item), key }
}

fn card_error(e: &tera::Error, page: &str) -> Diagnostic {
    Diagnostic::about(Path::new("card.html"), problems::template_failed(page, render_error(e)))
        .with_hint(texts::fix_template())
}

/// The card of parcours `i` (home page, list of parcours, and the start of
/// the parcours' own page).
pub fn parcours_card(lang: &Lang, i: usize) -> Value {
    let p: &Parcours = &lang.cat.content.parcours[i];
    let t = lang.text(p);
    let price_label = p.price.map(|x| lang.words.price(x, "EUR"));
    json!({
        "slug": p.meta.slug,
        "url": lang.url(&format!("parcours/{}/", p.meta.slug)),
        "title": t.title,
        "content_lang": t.lang,
        "short_title": p.short_title,
        "summary": t.summary,
        "credential": parts::keyed(lang, "credential", &p.credential),
        "credential_name": match lang.translation::<Parcours>(&p.meta.slug) {
            Some(tr) if tr.credential_name.is_some() => &tr.credential_name,
            _ => &p.credential_name,
        },
        "required": p.required_count(),
        "count": p.moocs.len(),
        "price_label": price_label,
    })
}
