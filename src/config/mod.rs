//! `vitrine.toml`: the site configuration, read and checked before anything
//! else (unknown keys are errors with a suggestion, like in content files).
//! What a public site must publish (`[accessibility]`, `[legal]`,
//! `[analytics]`) is read in `duties.rs`.

pub mod duties;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use jiff::tz::TimeZone;
use toml::de::DeTable;

use crate::base::fields::{either, toml_error, Fields, Sp};
use crate::diagnostic::{problems, texts, Diagnostic, Out, SourceFile};

/// Image settings (`[images]`): what `src/images/` makes of every cover,
/// logo and image of a body.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Images {
    /// The widths written, in pixels (never more than the source's).
    pub widths: Vec<u32>,
    /// The formats written, in order of preference: the last one is the
    /// `<img>`'s (what every browser shows), the others `<source>`s.
    pub formats: Vec<String>,
    pub quality: u8,
    /// Images of more pixels than this are refused before being decoded.
    pub max_pixels: u64,
}

impl Default for Images {
    fn default() -> Self {
        Images {
            widths: vec![320, 640, 1280],
            formats: vec!["webp".into(), "jpeg".into()],
            quality: 80,
            max_pixels: DEFAULT_MAX_PIXELS,
        }
    }
}

/// `[images] max_pixels` when it is not set: 100 megapixels (a 12,000 x
/// 8,000 photo), far above any camera's and below what a build machine
/// decodes without trouble.
pub const DEFAULT_MAX_PIXELS: u64 = 100_000_000;

/// The folder of the cache of processed images when `cache_dir` is not set,
/// at the site's root (`.gitignore` it).
pub const DEFAULT_CACHE_DIR: &str = ".vitrine-cache";

#[derive(Debug, Clone)]
pub struct Config {
    /// The site's title in the default language.
    pub title: String,
    /// The site's title in other languages (`title_en = "…"`), by code;
    /// see [`Config::title`].
    pub titles: BTreeMap<String, String>,
    /// Without trailing slash, e.g. `https://moocs.example.org`.
    pub base_url: String,
    pub default_language: String,
    /// Every configured language, the default one first.
    pub languages: Vec<String>,
    pub theme: String,
    pub timezone_name: String,
    pub timezone: TimeZone,
    pub images: Images,
    /// `cache_dir`: where processed images are kept between builds,
    /// relative to the site's root (`--cache-dir` and `VITRINE_CACHE_DIR`
    /// win over it).
    pub cache_dir: String,
    /// `search = false` leaves out the search index and form (the
    /// catalogue page then lists every MOOC with the static facet links).
    pub search: bool,
    /// MOOCs per page of the full list `/moocs/` (then `/moocs/page/2/`…).
    pub paginate_by: usize,
    /// `safe_html = true`: HTML written in bodies goes through an
    /// allow-list (`markdown::sanitize`): scripts, frames, styles and event
    /// attributes are removed. Default `false`: raw HTML is kept.
    pub safe_html: bool,
    /// `[open_data]`: the licence of `/catalogue.json` and `/catalogue.csv`
    /// and the CSV file's separator.
    pub open_data: OpenData,
    /// `[accessibility]`: the accessibility statement at `/accessibility/`.
    pub accessibility: Option<duties::Accessibility>,
    /// `[legal]`: the legal notice and the privacy page.
    pub legal: Option<duties::Legal>,
    /// `[analytics]`: a self-hosted visit counter.
    pub analytics: Option<duties::Analytics>,
    /// `[brochure]`: the build writes the PDF brochure of these parcours.
    pub brochure: Option<Brochure>,
}

/// `[open_data]` of `vitrine.toml` (`docs/writing-content.md`).
#[derive(Debug, Clone, PartialEq)]
pub struct OpenData {
    /// The licence's name, shown on the open data page and written in
    /// `catalogue.json`; `None`: the site states none.
    pub licence: Option<String>,
    /// The licence's text, a URL.
    pub licence_url: Option<String>,
    /// Between the fields of `catalogue.csv`: `;` (the default, what Excel
    /// expects where the decimal separator is a comma) or `,`.
    pub csv_separator: u8,
}

impl Default for OpenData {
    fn default() -> Self {
        OpenData { licence: None, licence_url: None, csv_separator: b';' }
    }
}

/// `[brochure]`: which parcours get a PDF brochure beside their page.
#[derive(Debug, Clone)]
pub struct Brochure {
    /// Slugs of parcours; `None` (no `parcours` key): every parcours.
    pub parcours: Option<Vec<Sp<String>>>,
    /// `vitrine.toml`, where the slugs are (for the messages of resolve).
    pub file: Arc<SourceFile>,
}

impl Brochure {
    /// Whether parcours `slug` has a brochure.
    pub fn has(&self, slug: &str) -> bool {
        self.parcours.as_ref().is_none_or(|list| list.iter().any(|p| p.value == slug))
    }
}

/// MOOCs per page of `/moocs/` when `paginate_by` is not set.
pub const DEFAULT_PAGINATE_BY: usize = 60;

const KEYS: &[&str] = &[
    "title",
    "base_url",
    "default_language",
    "languages",
    "theme",
    "timezone",
    "images",
    "search",
    "paginate_by",
    "safe_html",
    "cache_dir",
    "open_data",
    "accessibility",
    "legal",
    "analytics",
    "brochure",
];
const IMAGE_KEYS: &[&str] = &["widths", "formats", "quality", "max_pixels"];
const IMAGE_FORMATS: [&str; 3] = ["webp", "jpeg", "png"];
const OPEN_DATA_KEYS: &[&str] = &["licence", "licence_url", "csv_separator"];

impl Config {
    /// The site's title in `lang`: `title_<lang>` when set, else `title`.
    pub fn title(&self, lang: &str) -> &str {
        self.titles.get(lang).map_or(self.title.as_str(), String::as_str)
    }

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
                out.push(Diagnostic::about(&path, problems::config_unreadable(&e)).with_hint(texts::run_in_site()));
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
        let errors_before = out.len();
        let title = f.req_str("title", out).map(|s| s.value).unwrap_or_default();
        let base_url = match base_url {
            Some(b) => b.to_string(),
            None => match f.req_str("base_url", out) {
                Some(s) if !(s.value.starts_with("http://") || s.value.starts_with("https://")) => {
                    out.push(
                        f.at(s.span, problems::base_url_not_absolute())
                            .with_hint(texts::for_example("base_url = \"https://moocs.example.org\"")),
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
                if !crate::base::slug::is_lang_code(&s.value) {
                    out.push(
                        f.at(s.span.clone(), problems::bad_language_code(&s.value)).with_hint(texts::use_iso_639()),
                    );
                }
                s.value
            }
        };
        let mut languages: Vec<String> = Vec::new();
        if let Some(list) = f.str_list("languages", out) {
            for l in list {
                if !crate::base::slug::is_lang_code(&l.value) {
                    out.push(f.at(l.span, problems::bad_language_code(&l.value)).with_hint(texts::use_iso_639()));
                } else if !languages.contains(&l.value) {
                    languages.push(l.value);
                }
            }
            if !languages.contains(&default_language) {
                out.push(
                    f.at(f.value_span("languages"), problems::languages_without_default(&default_language))
                        .with_hint(texts::add_to_list(&default_language)),
                );
            }
        }
        languages.retain(|l| *l != default_language);
        languages.insert(0, default_language.clone());
        // Unknown keys are reported but do not stop the build, so that the
        // content is still checked.
        let mut key_problems = Vec::new();
        check_keys(&f, &default_language, &languages, &mut key_problems);
        let titles = titles(&f, &default_language, &languages, out);
        let theme = f.str("theme", out).map_or("default".to_string(), |s| s.value);
        let (timezone_name, timezone) = match f.str("timezone", out) {
            None => ("Europe/Paris".to_string(), TimeZone::get("Europe/Paris").unwrap_or(TimeZone::UTC)),
            Some(s) => match TimeZone::get(&s.value) {
                Ok(tz) => (s.value, tz),
                Err(_) => {
                    out.push(f.at(s.span, problems::unknown_timezone(&s.value)).with_hint(texts::use_iana_name()));
                    ("UTC".to_string(), TimeZone::UTC)
                }
            },
        };
        let mut images = Images::default();
        if let Some(t) = f.table("images", out) {
            t.check_keys(IMAGE_KEYS, texts::section("images"), out);
            if let Some(q) = t.int("quality", out) {
                match u8::try_from(q.value) {
                    Ok(v) if (1..=100).contains(&v) => images.quality = v,
                    _ => out.push(t.at(q.span, problems::quality_out_of_range())),
                }
            }
            if let Some(list) = t.str_list("formats", out) {
                images.formats.clear();
                for fmt in list {
                    if fmt.value == "avif" {
                        // Accepted since the first version of `[images]`, so a
                        // site that names it keeps building (docs/decisions.md).
                        out.push(t.at(fmt.span, problems::avif_not_written()).with_hint(texts::remove_avif()));
                    } else if IMAGE_FORMATS.contains(&fmt.value.as_str()) {
                        if !images.formats.contains(&fmt.value) {
                            images.formats.push(fmt.value);
                        }
                    } else {
                        out.push(
                            t.at(fmt.span, problems::unknown_image_format(&fmt.value))
                                .with_hint(texts::use_one_of(either(&IMAGE_FORMATS))),
                        );
                    }
                }
            }
            if t.has("widths") {
                images.widths = parse_widths(&t, out);
            }
            if let Some(n) = t.positive_int("max_pixels", out) {
                images.max_pixels = n.value as u64;
            }
            if images.formats.is_empty() {
                // Nothing but "avif" (or nothing): JPEG, which every browser shows.
                images.formats.push("jpeg".into());
            }
        }
        let cache_dir = match f.str("cache_dir", out) {
            Some(s) if s.value.trim().is_empty() => {
                out.push(
                    f.at(s.span, problems::empty_value("cache_dir"))
                        .with_hint(texts::cache_dir_default(DEFAULT_CACHE_DIR)),
                );
                DEFAULT_CACHE_DIR.to_string()
            }
            Some(s) => s.value,
            None => DEFAULT_CACHE_DIR.to_string(),
        };
        let open_data = f.table("open_data", out).map(|t| open_data(&t, out)).unwrap_or_default();
        let failed = out[errors_before..].iter().any(|d| d.severity == crate::diagnostic::Severity::Error);
        out.extend(key_problems);
        if failed {
            return None;
        }
        let search = f.bool("search", out).unwrap_or(true);
        let paginate_by = f.positive_int("paginate_by", out).map_or(DEFAULT_PAGINATE_BY, |v| v.value as usize);
        let safe_html = f.bool("safe_html", out).unwrap_or(false);
        let accessibility = duties::accessibility(&f, &default_language, &languages, out);
        let legal = duties::legal(&f, out);
        let analytics = duties::analytics(&f, out);
        let brochure = f.table("brochure", out).map(|t| {
            t.check_keys(&["parcours"], texts::section("brochure"), out);
            Brochure { parcours: t.str_list("parcours", out), file: file.clone() }
        });
        Some(Config {
            title,
            titles,
            base_url,
            default_language,
            languages,
            theme,
            timezone_name,
            timezone,
            images,
            cache_dir,
            search,
            paginate_by,
            safe_html,
            open_data,
            accessibility,
            legal,
            analytics,
            brochure,
        })
    }
}

/// `[open_data]`.
fn open_data(t: &Fields, out: &mut Out) -> OpenData {
    t.check_keys(OPEN_DATA_KEYS, texts::section("open_data"), out);
    let licence = t.str("licence", out).map(|s| s.value).filter(|s| !s.trim().is_empty());
    let licence_url = t.str("licence_url", out).and_then(|s| {
        if s.value.starts_with("https://") || s.value.starts_with("http://") {
            Some(s.value)
        } else {
            out.push(t.at(s.span, problems::licence_url_not_absolute()).with_hint(texts::licence_url_example()));
            None
        }
    });
    let csv_separator = match t.str("csv_separator", out) {
        None => b';',
        Some(s) if s.value == ";" => b';',
        Some(s) if s.value == "," => b',',
        Some(s) => {
            out.push(t.at(s.span, problems::csv_separator_unknown(&s.value)).with_hint(texts::csv_separator_choice()));
            b';'
        }
    };
    OpenData { licence, licence_url, csv_separator }
}

/// `title_<lang>` for each configured language but the default one, whose
/// title is `title`.
fn title_keys(default: &str, languages: &[String]) -> Vec<(String, String)> {
    languages.iter().filter(|l| *l != default).map(|l| (format!("title_{l}"), l.clone())).collect()
}

/// Every key of `vitrine.toml` that is not known is an error. The keys
/// allowed depend on `languages` (`title_en`), so this runs once the
/// languages are known.
fn check_keys(f: &Fields, default: &str, languages: &[String], out: &mut Out) {
    let title_keys = title_keys(default, languages);
    let allowed: Vec<&str> = KEYS.iter().copied().chain(title_keys.iter().map(|(k, _)| k.as_str())).collect();
    for (key, span) in f.keys() {
        if allowed.contains(&key) {
            continue;
        }
        let d = match key.strip_prefix("title_").filter(|code| crate::base::slug::is_lang_code(code)) {
            Some(code) if code == default => {
                f.at(span, problems::title_for_default_language(key, code)).with_hint(texts::remove_or_move_to_title())
            }
            Some(code) => f
                .at(span, problems::title_for_unknown_language(key, code))
                .with_hint(texts::add_language_or_remove(code)),
            None => f.unknown_key(key, span, &allowed, texts::section_file("vitrine.toml")),
        };
        out.push(d);
    }
}

/// The site's title in the other languages, by language code.
fn titles(f: &Fields, default: &str, languages: &[String], out: &mut Out) -> BTreeMap<String, String> {
    let mut titles = BTreeMap::new();
    for (key, lang) in title_keys(default, languages) {
        let Some(s) = f.str(&key, out) else { continue };
        if s.value.trim().is_empty() {
            out.push(f.at(s.span, problems::empty_value(&key)).with_hint(texts::write_title_in(&lang)));
            continue;
        }
        titles.insert(lang, s.value);
    }
    titles
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
        out.push(t.at(span, problems::widths_not_positive()));
        Vec::new()
    })
}
