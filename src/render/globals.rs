//! The values every template gets (`docs/templates.md`, "Values every
//! template gets"). All but a few are the same on every page of a
//! language, so they are made once per language, and each page gets a
//! copy with its own values added: its title, description, canonical URL
//! and the links to itself in the other languages.
//!
//! The UI strings `t` (hundreds of them) are the costly part of the copy.
//! A Tera context owns its values, so each page needs its own `t`; pages
//! give theirs back once rendered ([`Globals::give_back`]) and the next
//! pages reuse them, so a language makes a few copies, not one per page.

use std::sync::Mutex;

use serde_json::{json, Map, Value};

use crate::calendar::status::Status;
use crate::load::Kind;
use crate::render::theme::Theme;
use crate::render::view::View;

/// The values of one language's pages, but the page's own.
#[derive(Default)]
pub struct Globals {
    shared: Map<String, Value>,
    /// The UI strings of the language (`t`).
    strings: Value,
    /// Copies of `strings` given back by rendered pages.
    spare: Mutex<Vec<Value>>,
}

impl Globals {
    pub fn new(view: &View) -> Self {
        let cfg = &view.cat.config;
        let menu: Vec<Value> = view
            .cat
            .pages
            .iter()
            .filter(|p| p.menu)
            .map(|p| {
                let t = view.text(Kind::Page, &p.meta, &p.title, &p.summary);
                json!({"title": t.title, "url": view.url(&format!("{}/", p.meta.slug))})
            })
            .collect();
        let assets: Map<String, Value> = view
            .theme
            .assets
            .iter()
            .map(|(name, hashed)| (Theme::asset_key(name), json!(format!("{}{hashed}", view.root()))))
            .collect();
        let mut shared = Map::new();
        shared.insert("lang".into(), json!(view.lang));
        shared.insert(
            "site".into(),
            json!({
                "title": cfg.title(view.lang),
                "base_url": cfg.base_url,
                "home_url": view.url(""),
                "moocs_url": view.url("moocs/"),
                "parcours_url": view.url("parcours/"),
                "schedules_url": view.url("schedules/"),
                "menu": menu,
                "style_url": format!("{}style.css", view.root()),
                "syntax_url": format!("{}syntax.css", view.root()),
                "assets": assets,
                "timezone": cfg.timezone_name,
            }),
        );
        shared.insert("today".into(), view.date(view.cat.today));
        shared.insert("status_json".into(), json!(status_json(view)));
        let strings = view.theme.strings.get(view.lang).cloned().unwrap_or(Value::Null);
        Globals { shared, strings, spare: Mutex::new(Vec::new()) }
    }

    /// The values of the page at `path` (inside the language folder).
    pub fn for_page(&self, view: &View, path: &str, page_title: &str, description: &str) -> Map<String, Value> {
        let cfg = &view.cat.config;
        let origin = &cfg.base_url[..cfg.base_url.len() - cfg.base_path().len()];
        let languages: Vec<Value> = cfg
            .languages
            .iter()
            .map(|l| {
                let pre = if *l == cfg.default_language { String::new() } else { format!("{l}/") };
                let url = format!("{}/{pre}{path}", cfg.base_path());
                json!({"code": l, "label": view.theme.label(l, "language", l), "abs_url": format!("{origin}{url}"), "url": url, "current": l == view.lang})
            })
            .collect();
        let mut g = self.shared.clone();
        let spare = self.spare.lock().ok().and_then(|mut spare| spare.pop());
        g.insert("t".into(), spare.unwrap_or_else(|| self.strings.clone()));
        if let Some(Value::Object(site)) = g.get_mut("site") {
            site.insert("languages".into(), languages.into());
        }
        g.insert("page_title".into(), json!(page_title));
        g.insert("description".into(), json!(description));
        let page_url = view.url(path);
        g.insert("canonical".into(), json!(format!("{origin}{page_url}")));
        g.insert("page_url".into(), json!(page_url));
        g
    }

    /// Takes back the `t` of a page once rendered, for another page.
    pub fn give_back(&self, strings: Value) {
        debug_assert!(strings == self.strings, "a page changed the UI strings it was given");
        if let Ok(mut spare) = self.spare.lock() {
            spare.push(strings);
        }
    }
}

/// What `status.js` needs to recompute statuses in the browser: the build
/// date, the site's time zone, status labels and date words. Safe inside
/// `<script type="application/json">`.
fn status_json(view: &View) -> String {
    let labels: Map<String, Value> = Status::ALL
        .iter()
        .map(|s| (s.key().to_string(), json!(view.theme.label(view.lang, "status", s.key()))))
        .collect();
    let as_of = view.theme.label(view.lang, "search", "as_of");
    json!({
        "today": view.cat.today.to_string(),
        "timezone": view.cat.config.timezone_name,
        "lang": view.lang,
        "status": labels,
        "months": view.words.months,
        "day_one": view.words.day_one,
        "quarter_format": view.words.quarter_format,
        "as_of": as_of,
    })
    .to_string()
    .replace("</", "<\\/")
}
