//! `vitrine.toml`: the site configuration, read and checked before anything
//! else (unknown keys are errors with a suggestion, like in content files).

use std::path::Path;
use std::sync::Arc;

use jiff::tz::TimeZone;
use toml::de::DeTable;

use crate::diagnostic::{Diagnostic, SourceFile};
use crate::load::fields::{Fields, Out};
use crate::load::toml_error;

/// Image settings (used by the image pipeline; validated now).
#[derive(Debug, Clone)]
pub struct Images {
    pub widths: Vec<u32>,
    pub formats: Vec<String>,
    pub quality: u8,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub title: String,
    /// Without trailing slash, e.g. `https://moocs.example.org`.
    pub base_url: String,
    pub default_language: String,
    /// Every configured language, the default one first.
    pub languages: Vec<String>,
    pub theme: String,
    pub timezone_name: String,
    pub timezone: TimeZone,
    pub images: Images,
    /// `search = false` leaves out the search index and form (the
    /// catalogue page then lists every MOOC with the static facet links).
    pub search: bool,
}

const KEYS: &[&str] = &["title", "base_url", "default_language", "languages", "theme", "timezone", "images", "search"];
const IMAGE_KEYS: &[&str] = &["widths", "formats", "quality"];

impl Config {
    /// Base path of `base_url` (`""` or `/catalogue`), the prefix of every URL.
    pub fn base_path(&self) -> &str {
        let after_scheme = self.base_url.split_once("://").map_or(self.base_url.as_str(), |(_, r)| r);
        after_scheme.find('/').map_or("", |i| &after_scheme[i..])
    }

    /// Reads `vitrine.toml` at `root`. `base_url` overrides the file's.
    pub fn load(root: &Path, base_url: Option<&str>, out: &mut Out) -> Option<Config> {
        let path = root.join("vitrine.toml");
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                out.push(Diagnostic::usage(&path, format!("cannot read the site configuration: {e}")).with_hint(
                    "run vitrine in a site folder, pass --root DIR, or create a site with `vitrine new DIR`",
                ));
                return None;
            }
        };
        let file = SourceFile::new("vitrine.toml".into(), text);
        Self::parse(&file, base_url, out)
    }

    pub fn parse(file: &Arc<SourceFile>, base_url: Option<&str>, out: &mut Out) -> Option<Config> {
        let table = match DeTable::parse(&file.text) {
            Ok(t) => t,
            Err(e) => {
                out.push(toml_error(file, 0, &e));
                return None;
            }
        };
        let f = Fields::new(file, 0, table.get_ref(), 0..0);
        f.check_keys(KEYS, "vitrine.toml", out);
        let errors_before = out.len();
        let title = f.req_str("title", out).map(|s| s.value).unwrap_or_default();
        let base_url = match base_url {
            Some(b) => b.to_string(),
            None => match f.req_str("base_url", out) {
                Some(s) if !(s.value.starts_with("http://") || s.value.starts_with("https://")) => {
                    out.push(
                        f.err(s.span, "`base_url` must be a full address starting with https:// or http://")
                            .with_hint("e.g. `base_url = \"https://moocs.example.org\"`"),
                    );
                    String::new()
                }
                Some(s) => s.value,
                None => String::new(),
            },
        };
        let base_url = base_url.trim_end_matches('/').to_string();
        let default_language = match f.str("default_language", out) {
            None => "fr".to_string(),
            Some(s) => {
                if !crate::load::common::is_lang_code(&s.value) {
                    out.push(
                        f.err(s.span.clone(), format!("`{}` is not a language code", s.value))
                            .with_hint("use a two-letter ISO 639-1 code such as `fr` or `en`"),
                    );
                }
                s.value
            }
        };
        let mut languages: Vec<String> = Vec::new();
        if let Some(list) = f.str_list("languages", out) {
            for l in list {
                if !crate::load::common::is_lang_code(&l.value) {
                    out.push(
                        f.err(l.span, format!("`{}` is not a language code", l.value))
                            .with_hint("use two-letter ISO 639-1 codes such as `fr` or `en`"),
                    );
                } else if !languages.contains(&l.value) {
                    languages.push(l.value);
                }
            }
            if !languages.contains(&default_language) {
                out.push(
                    f.err(
                        f.value_span("languages"),
                        format!("`languages` must include the default language `{default_language}`"),
                    )
                    .with_hint(format!("add \"{default_language}\" to the list")),
                );
            }
        }
        languages.retain(|l| *l != default_language);
        languages.insert(0, default_language.clone());
        let theme = f.str("theme", out).map_or("default".to_string(), |s| s.value);
        let (timezone_name, timezone) = match f.str("timezone", out) {
            None => ("Europe/Paris".to_string(), TimeZone::get("Europe/Paris").unwrap_or(TimeZone::UTC)),
            Some(s) => match TimeZone::get(&s.value) {
                Ok(tz) => (s.value, tz),
                Err(_) => {
                    out.push(
                        f.err(s.span, format!("unknown timezone `{}`", s.value))
                            .with_hint("use an IANA name such as `Europe/Paris` or `UTC`"),
                    );
                    ("UTC".to_string(), TimeZone::UTC)
                }
            },
        };
        let mut images =
            Images { widths: vec![320, 640, 1280], formats: vec!["webp".into(), "jpeg".into()], quality: 80 };
        if let Some(t) = f.table("images", out) {
            t.check_keys(IMAGE_KEYS, "[images]", out);
            if let Some(q) = t.int("quality", out) {
                match u8::try_from(q.value) {
                    Ok(v) if (1..=100).contains(&v) => images.quality = v,
                    _ => out.push(t.err(q.span, "`quality` must be between 1 and 100")),
                }
            }
            if let Some(list) = t.str_list("formats", out) {
                images.formats.clear();
                for fmt in list {
                    if ["webp", "jpeg", "png", "avif"].contains(&fmt.value.as_str()) {
                        images.formats.push(fmt.value);
                    } else {
                        out.push(
                            t.err(fmt.span, format!("unknown image format `{}`", fmt.value))
                                .with_hint("use webp, jpeg, png or avif"),
                        );
                    }
                }
            }
            if t.has("widths") {
                images.widths = parse_widths(&t, out);
            }
        }
        if out.len() > errors_before
            && out[errors_before..].iter().any(|d| d.severity == crate::diagnostic::Severity::Error)
        {
            return None;
        }
        let search = f.bool("search", out).unwrap_or(true);
        Some(Config { title, base_url, default_language, languages, theme, timezone_name, timezone, images, search })
    }
}

fn parse_widths(t: &Fields, out: &mut Out) -> Vec<u32> {
    let span = t.value_span("widths");
    let text = &t.file.text[span.clone()];
    let widths: Option<Vec<u32>> = text
        .trim_matches(['[', ']'])
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|s| s.trim().parse::<u32>().ok().filter(|w| *w > 0))
        .collect();
    widths.unwrap_or_else(|| {
        out.push(t.err(span, "`widths` must be a list of positive whole numbers, e.g. [320, 640, 1280]"));
        Vec::new()
    })
}
