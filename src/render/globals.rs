//! The values every template gets (`docs/templates.md`, "Values every
//! template gets"). All but a few are the same on every page of a
//! language, so they are made once per language, as template values; each
//! page's context shares them (a Tera value's tables and lists are
//! reference-counted: sharing them copies nothing) and adds its own: its
//! title, description, canonical URL and the links to itself in the other
//! languages.

use serde_json::{json, Map, Value};

use crate::calendar::status::Status;
use crate::load::Kind;
use crate::render::theme::Theme;
use crate::render::view::View;

/// The values of one language's pages, but the page's own.
pub struct Globals {
    /// `lang`, `status_as_of`, `today`, `status_json` and the UI strings `t`.
    shared: Vec<(&'static str, tera::Value)>,
    /// `site`, but for `site.languages` (the page's own links).
    site: tera::Map,
    /// The UI strings of the language (`t`).
    strings: tera::Value,
    /// Each language of the site: its code, its name in itself, and its
    /// folder (`""` or `"en/"`), for the links of `site.languages`.
    languages: Vec<(String, String, String)>,
}

/// One of `site.languages`: the page in that language.
#[derive(serde::Serialize)]
struct LanguageLink<'a> {
    code: &'a str,
    label: &'a str,
    abs_url: String,
    url: String,
    current: bool,
}

impl Default for Globals {
    fn default() -> Self {
        Globals { shared: Vec::new(), site: tera::Map::default(), strings: tera::Value::none(), languages: Vec::new() }
    }
}

/// A JSON value (or list of them) as a template value.
pub fn template_value<T: serde::Serialize + ?Sized>(v: &T) -> tera::Value {
    // A JSON value always converts; the fallback only keeps this total.
    tera::Value::try_from_serializable(v).unwrap_or_else(|_| tera::Value::none())
}

/// A JSON value, moved in, as a template value.
pub fn tv(v: Value) -> tera::Value {
    template_value(&v)
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
        let site = json!({
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
            "search": cfg.search,
        });
        let strings = view.theme.strings.get(view.lang).map_or_else(tera::Value::none, template_value);
        let today = view.date(view.cat.today);
        let as_of = view.theme.label(view.lang, "search", "as_of").replace("{date}", &today.label);
        let shared = vec![
            ("lang", tera::Value::from(view.lang)),
            ("status_as_of", tera::Value::from(as_of)),
            ("today", template_value(&today)),
            ("status_json", tera::Value::from(status_json(view))),
            ("t", strings.clone()),
        ];
        let site = template_value(&site).into_map().unwrap_or_default();
        let languages = cfg
            .languages
            .iter()
            .map(|l| {
                let folder = if *l == cfg.default_language { String::new() } else { format!("{l}/") };
                (l.clone(), view.theme.label(l, "language", l), folder)
            })
            .collect();
        Globals { shared, site, strings, languages }
    }

    /// The UI strings `t` of the language.
    pub fn strings(&self) -> tera::Value {
        self.strings.clone()
    }

    /// The context of the page at `path` (inside the language folder).
    pub fn for_page(&self, view: &View, path: &str, page_title: &str, description: &str) -> tera::Context {
        let cfg = &view.cat.config;
        let base_path = cfg.base_path();
        let origin = &cfg.base_url[..cfg.base_url.len() - base_path.len()];
        let languages: Vec<LanguageLink> = self
            .languages
            .iter()
            .map(|(code, label, folder)| {
                let url = format!("{base_path}/{folder}{path}");
                LanguageLink { code, label, abs_url: format!("{origin}{url}"), url, current: code == view.lang }
            })
            .collect();
        let mut ctx = tera::Context::new();
        for (key, value) in &self.shared {
            ctx.insert_value(*key, value.clone());
        }
        let mut site = self.site.clone();
        site.insert("languages".into(), template_value(&languages));
        ctx.insert_value("site", tera::Value::from(site));
        ctx.insert_value("page_title", tera::Value::from(page_title));
        ctx.insert_value("description", tera::Value::from(description));
        let page_url = view.url(path);
        ctx.insert_value("canonical", tera::Value::from(format!("{origin}{page_url}")));
        ctx.insert_value("page_url", tera::Value::from(page_url));
        ctx
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
