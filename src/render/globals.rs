//! The values every template gets (`docs/templates.md`, "Values every
//! template gets"). All but a few are the same on every page of a
//! language, so they are made once per language, as template values; each
//! page's context shares them (a Tera value's tables and lists are
//! reference-counted: sharing them copies nothing) and adds its own: its
//! title, description, canonical URL and the links to itself in the other
//! languages.

use serde_json::{json, Map, Value};

use crate::calendar::status::Status;
use crate::i18n::Lang;
use crate::render::theme::Theme;
use crate::render::{feeds, parts, social};

/// Where the pages of `[accessibility]` and `[legal]` are, in every
/// language (`pages/duties.rs`); every footer links to them.
pub const ACCESSIBILITY_PATH: &str = "accessibility/";
pub const LEGAL_NOTICE_PATH: &str = "legal-notice/";
pub const PRIVACY_PATH: &str = "privacy/";

/// The values of one language's pages, but the page's own.
pub struct Globals {
    /// `lang`, `status_as_of`, `today`, `status_json` and the UI strings `t`.
    shared: Vec<(&'static str, tera::Value)>,
    /// `site`, but for `site.languages` (the page's own links).
    site: tera::Map,
    /// The UI strings of the language (`t`).
    strings: tera::Value,
    /// Each language of the site: its code, its name in itself, its
    /// folder (`""` or `"en/"`) and its `og:locale`, for the links of
    /// `site.languages`.
    languages: Vec<(String, String, String, String)>,
    /// `head` of a page that makes none (`social::Head`).
    head: tera::Value,
}

/// One of `site.languages`: the page in that language.
#[derive(serde::Serialize)]
struct LanguageLink<'a> {
    code: &'a str,
    label: &'a str,
    locale: &'a str,
    abs_url: String,
    url: String,
    current: bool,
}

impl Default for Globals {
    fn default() -> Self {
        Globals {
            shared: Vec::new(),
            site: tera::Map::default(),
            strings: tera::Value::none(),
            languages: Vec::new(),
            head: tera::Value::none(),
        }
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
    pub fn new(lang: &Lang, theme: &Theme) -> Self {
        let cfg = &lang.cat.config;
        let menu: Vec<Value> = lang
            .cat
            .content
            .pages
            .iter()
            .filter(|p| p.menu)
            .map(|p| json!({"title": lang.text(p).title, "url": lang.url(&format!("{}/", p.meta.slug))}))
            .collect();
        let assets: Map<String, Value> = theme
            .assets
            .iter()
            .map(|(name, hashed)| (Theme::asset_key(name), json!(format!("{}{hashed}", lang.root()))))
            .collect();
        let site = json!({
            "title": cfg.title(lang.code),
            "base_url": cfg.base_url,
            "home_url": lang.url(""),
            "moocs_url": lang.url("moocs/"),
            "parcours_url": lang.url("parcours/"),
            "schedules_url": lang.url("schedules/"),
            "menu": menu,
            "style_url": format!("{}style.css", lang.root()),
            "syntax_url": format!("{}syntax.css", lang.root()),
            "assets": assets,
            "timezone": cfg.timezone_name,
            "search": cfg.search,
            "locale": social::og_locale(&lang.ui, lang.code),
            "card": social::site_image(lang, &theme.card_font),
            "feeds": feeds::site_feeds(lang),
            "open_data_url": lang.url("open-data/"),
            "accessibility": cfg.accessibility.as_ref().map(|a| {
                let level = lang.label("compliance", a.compliance.key());
                json!({
                    "url": lang.url(ACCESSIBILITY_PATH),
                    "label": lang.label("accessibility", "footer").replace("{compliance}", &level),
                })
            }),
            "legal_url": cfg.legal.as_ref().map(|_| lang.url(LEGAL_NOTICE_PATH)),
            "privacy_url": cfg.legal.as_ref().map(|_| lang.url(PRIVACY_PATH)),
        });
        let strings = lang.ui.all().map_or_else(tera::Value::none, template_value);
        let today = parts::date(lang, lang.cat.today);
        let as_of = lang.label("search", "as_of").replace("{date}", &today.label);
        let shared = vec![
            ("lang", tera::Value::from(lang.code)),
            ("status_as_of", tera::Value::from(as_of)),
            ("today", template_value(&today)),
            ("status_json", tera::Value::from(status_json(lang))),
            ("t", strings.clone()),
        ];
        let site = template_value(&site).into_map().unwrap_or_default();
        let languages = cfg
            .languages
            .iter()
            .map(|l| {
                let folder = if *l == cfg.default_language { String::new() } else { format!("{l}/") };
                let ui = theme.strings.of(l);
                (l.clone(), ui.label("language", l), folder, social::og_locale(&ui, l))
            })
            .collect();
        let head = social::Head::default().value();
        Globals { shared, site, strings, languages, head }
    }

    /// The UI strings `t` of the language.
    pub fn strings(&self) -> tera::Value {
        self.strings.clone()
    }

    /// The context of the page at `path` (inside the language folder).
    pub fn for_page(&self, lang: &Lang, path: &str, page_title: &str, description: &str) -> tera::Context {
        let cfg = &lang.cat.config;
        let base_path = cfg.base_path();
        let origin = &cfg.base_url[..cfg.base_url.len() - base_path.len()];
        let languages: Vec<LanguageLink> = self
            .languages
            .iter()
            .map(|(code, label, folder, locale)| {
                let url = format!("{base_path}/{folder}{path}");
                let abs_url = format!("{origin}{url}");
                LanguageLink { code, label, locale, abs_url, url, current: code == lang.code }
            })
            .collect();
        let mut values = tera::Context::new();
        for (key, value) in &self.shared {
            values.insert_value(*key, value.clone());
        }
        let mut site = self.site.clone();
        site.insert("languages".into(), template_value(&languages));
        values.insert_value("site", tera::Value::from(site));
        values.insert_value("page_title", tera::Value::from(page_title));
        values.insert_value("description", tera::Value::from(description));
        let page_url = lang.url(path);
        if let Some(a) = &cfg.analytics {
            let encoded = percent_encoding::utf8_percent_encode(&page_url, percent_encoding::NON_ALPHANUMERIC);
            values.insert_value("counter_url", tera::Value::from(a.counter.replace("{path}", &encoded.to_string())));
        }
        values.insert_value("canonical", tera::Value::from(format!("{origin}{page_url}")));
        values.insert_value("page_url", tera::Value::from(page_url));
        values.insert_value("head", self.head.clone());
        values
    }
}

/// What `status.js` needs to recompute statuses in the browser: the build
/// date, the site's time zone, status labels and date words. Safe inside
/// `<script type="application/json">`.
fn status_json(lang: &Lang) -> String {
    let labels: Map<String, Value> =
        Status::ALL.iter().map(|s| (s.key().to_string(), json!(lang.label("status", s.key())))).collect();
    let as_of = lang.label("search", "as_of");
    json!({
        "today": lang.cat.today.to_string(),
        "timezone": lang.cat.config.timezone_name,
        "lang": lang.code,
        "status": labels,
        "months": lang.words.months,
        "day_one": lang.words.day_one,
        "quarter_format": lang.words.quarter_format,
        "as_of": as_of,
    })
    .to_string()
    .replace("</", "<\\/")
}
