//! The theme: templates, static files and UI strings, found file by file in
//! the site's `templates/` and `static/`, then `themes/<name>/`, then the
//! default theme embedded in the binary (so a site needs no theme files).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};
use serde_json::Value;

use crate::base::hash::hash;
use crate::card_image::Font;
use crate::config::Config;
use crate::diagnostic::{problems, texts, Diagnostic, Out};
use crate::i18n::UiStrings;
use crate::pdf::Fonts;

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Everything the renderer needs from the theme, loaded once.
pub struct Theme {
    pub tera: tera::Tera,
    /// UI strings of every language.
    pub strings: UiStrings,
    /// Static files: output path -> bytes (site's win over theme's).
    pub statics: BTreeMap<String, Vec<u8>>,
    /// Scripts and stylesheets of `statics` by name, to their name with a
    /// content hash (`search.js` -> `search.1a2b3c4d5e.js`), also written,
    /// so hosts can cache them forever.
    pub assets: BTreeMap<String, String>,
    /// Source of each template, by name (to tell what an edit changed).
    pub sources: BTreeMap<String, String>,
    /// The font of card images (`fonts/card.ttf` of the theme, else the
    /// default theme's), and the hash of its bytes.
    pub card_font: (Font, String),
    /// The fonts of the PDF brochure: the theme's `brochure/regular.ttf`
    /// and `brochure/bold.ttf`, else the default theme's DejaVu Sans.
    pub fonts: Fonts,
}

/// HTML escaping for templates. Tera's default also escapes `/`, which
/// turns every URL into `&#x2F;…`; quotes, `<`, `>` and `&` are enough.
pub fn escape_html(input: &str) -> String {
    // Most values (titles, labels, dates) have nothing to escape: they are
    // copied at once.
    let Some(first) = first_to_escape(input.as_bytes()) else { return input.to_string() };
    let mut out = String::with_capacity(input.len() + 16);
    let mut rest = input;
    let mut at = first;
    loop {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[at + 1..];
        match first_to_escape(rest.as_bytes()) {
            Some(next) => at = next,
            None => break,
        }
    }
    out.push_str(rest);
    out
}

/// [`escape_html`] for templates, written out as it goes.
fn escape_to(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut rest = input;
    while let Some(at) = first_to_escape(rest.as_bytes()) {
        out.write_all(&rest.as_bytes()[..at])?;
        out.write_all(match rest.as_bytes()[at] {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            _ => b"&#39;",
        })?;
        rest = &rest[at + 1..];
    }
    out.write_all(rest.as_bytes())
}

/// Position of the first byte `escape_html` replaces. Eight bytes at a
/// time: a word has one of them when, XORed with that byte repeated, it has
/// a zero byte (the classic `(x - 0x01…) & !x & 0x80…` test).
fn first_to_escape(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has = |w: u64, b: u8| {
        let x = w ^ (ONES * u64::from(b));
        x.wrapping_sub(ONES) & !x & HIGH
    };
    let special = |b: &u8| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'');
    let mut chunks = bytes.chunks_exact(8);
    let mut start = 0;
    for chunk in &mut chunks {
        let w = u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
        if has(w, b'&') | has(w, b'<') | has(w, b'>') | has(w, b'"') | has(w, b'\'') != 0 {
            return chunk.iter().position(special).map(|p| start + p);
        }
        start += 8;
    }
    chunks.remainder().iter().position(special).map(|p| start + p)
}

impl Theme {
    pub fn load(root: &Path, config: &Config, out: &mut Out) -> Option<Theme> {
        let theme_dir = root.join("themes").join(&config.theme);
        if config.theme != "default" && !theme_dir.is_dir() {
            out.push(
                Diagnostic::about(Path::new("vitrine.toml"), problems::theme_not_found(&config.theme))
                    .with_hint(texts::theme_not_found_hint()),
            );
            return None;
        }
        let mut templates: BTreeMap<String, (String, String)> = BTreeMap::new(); // name -> (shown path, text)
        if let Some(dir) = DEFAULT_THEME.get_dir("templates") {
            for f in dir.files() {
                let name = f.path().strip_prefix("templates").unwrap_or(f.path()).to_string_lossy().to_string();
                let text = f.contents_utf8().unwrap_or_default().to_string();
                templates.insert(name.clone(), (format!("(default theme)/templates/{name}"), text));
            }
        }
        for dir in [theme_dir.join("templates"), root.join("templates")] {
            for (name, path) in files_under(&dir) {
                match std::fs::read_to_string(&path) {
                    Ok(text) => {
                        let shown = path.strip_prefix(root).unwrap_or(&path).display().to_string();
                        templates.insert(name, (shown, text));
                    }
                    Err(e) => out.push(Diagnostic::about(&path, problems::unreadable(&e))),
                }
            }
        }
        let mut tera = tera::Tera::default();
        tera.set_escape_fn(escape_to);
        tera.autoescape_on([".html", ".xml"]);
        let list: Vec<(String, String)> = templates.iter().map(|(n, (_, t))| (n.clone(), t.clone())).collect();
        if let Err(e) = tera.add_raw_templates(list) {
            out.push(
                Diagnostic::about(Path::new("templates"), problems::template_syntax(error_chain(&e)))
                    .with_hint(texts::template_syntax_hint()),
            );
            return None;
        }
        let strings = UiStrings::new(load_strings(root, &theme_dir, config, out));
        let mut statics = BTreeMap::new();
        if let Some(dir) = DEFAULT_THEME.get_dir("static") {
            collect_embedded(dir, "static", &mut statics);
        }
        for dir in [theme_dir.join("static"), root.join("static")] {
            warn_links_under(&dir, out);
            for (name, path) in files_under(&dir) {
                match std::fs::read(&path) {
                    Ok(bytes) => {
                        statics.insert(name, bytes);
                    }
                    Err(e) => out.push(Diagnostic::about(&path, problems::unreadable(&e))),
                }
            }
        }
        let assets = fingerprints(&statics);
        let sources = templates.into_iter().map(|(n, (_, t))| (n, t)).collect();
        let card_font = card_font(root, &theme_dir, out)?;
        let fonts = Fonts {
            regular: font(&theme_dir, "regular.ttf", "brochure/DejaVuSans.ttf", out),
            bold: font(&theme_dir, "bold.ttf", "brochure/DejaVuSans-Bold.ttf", out),
        };
        Some(Theme { tera, strings, statics, assets, sources, card_font, fonts })
    }

    /// Key of an asset in templates: `search.js` -> `search_js`.
    pub fn asset_key(name: &str) -> String {
        name.replace(['.', '/', '-'], "_")
    }
}

/// The font card images are drawn with: the theme's `fonts/card.ttf`, else
/// the default theme's; with its hash.
fn card_font(root: &Path, theme_dir: &Path, out: &mut Out) -> Option<(Font, String)> {
    const NAME: &str = "fonts/card.ttf";
    let own = theme_dir.join(NAME);
    let bytes = if own.is_file() {
        match std::fs::read(&own) {
            Ok(bytes) => bytes,
            Err(e) => {
                out.push(Diagnostic::about(&own, problems::unreadable(&e)));
                return None;
            }
        }
    } else {
        DEFAULT_THEME.get_file(NAME).map(|f| f.contents().to_vec()).unwrap_or_default()
    };
    let digest = hash(&[&bytes]);
    match Font::parse(bytes) {
        Some(font) => Some((font, digest)),
        None => {
            out.push(
                Diagnostic::about(own.strip_prefix(root).unwrap_or(&own), problems::card_font_not_font())
                    .with_hint(texts::card_font_what()),
            );
            None
        }
    }
}

/// A font of the brochure: the theme's `brochure/<name>`, else the
/// default theme's `embedded` (borrowed from the binary, not copied).
fn font(theme_dir: &Path, name: &str, embedded: &str, out: &mut Out) -> Cow<'static, [u8]> {
    let own = theme_dir.join("brochure").join(name);
    if own.is_file() {
        match std::fs::read(&own) {
            Ok(bytes) => return Cow::Owned(bytes),
            Err(e) => out.push(Diagnostic::about(&own, problems::unreadable(&e))),
        }
    }
    Cow::Borrowed(DEFAULT_THEME.get_file(embedded).map_or(&[][..], |f| f.contents()))
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(inner) = src {
        s.push_str(": ");
        s.push_str(&inner.to_string());
        src = inner.source();
    }
    s
}

pub fn render_error(e: &tera::Error) -> String {
    error_chain(e)
}

fn collect_embedded(dir: &Dir, prefix: &str, into: &mut BTreeMap<String, Vec<u8>>) {
    for f in dir.files() {
        let name = f.path().strip_prefix(prefix).unwrap_or(f.path()).to_string_lossy().replace('\\', "/");
        into.insert(name, f.contents().to_vec());
    }
    for d in dir.dirs() {
        collect_embedded(d, prefix, into);
    }
}

/// Files below `dir`, as (relative name with `/`, path), sorted.
pub fn files_under(dir: &Path) -> Vec<(String, PathBuf)> {
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut v: Vec<(String, PathBuf)> = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e.path().strip_prefix(dir).ok()?.to_string_lossy().replace('\\', "/");
            (!rel.split('/').any(|p| p.starts_with('.'))).then(|| (rel, e.path().to_path_buf()))
        })
        .collect();
    v.sort();
    v
}

/// Warns about the symbolic links below `dir`, which are not published:
/// vitrine never follows them (`files_under`), so that nothing outside the
/// site's folders ends up in the site or is served by `vitrine serve`.
pub fn warn_links_under(dir: &Path, out: &mut Out) {
    if !dir.is_dir() {
        return;
    }
    let links = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path_is_symlink())
        .filter(|e| {
            !e.path().strip_prefix(dir).is_ok_and(|rel| rel.to_string_lossy().split('/').any(|p| p.starts_with('.')))
        });
    for link in links {
        out.push(Diagnostic::about(link.path(), problems::static_link()).with_hint(texts::copy_instead_of_link()));
    }
}

/// UI strings: the embedded default theme's, then the theme's
/// `themes/<name>/i18n/<lang>.toml`, then the site's `i18n/<lang>.toml`,
/// merged key by key. Every key of the default language must exist in the
/// others: a missing one is an error naming the file that should have it.
fn load_strings(root: &Path, theme_dir: &Path, config: &Config, out: &mut Out) -> BTreeMap<String, Value> {
    let mut strings = BTreeMap::new();
    let mut last_file: BTreeMap<String, String> = BTreeMap::new();
    for lang in &config.languages {
        let name = format!("i18n/{lang}.toml");
        let embedded = DEFAULT_THEME.get_file(&name).and_then(|f| f.contents_utf8());
        let mut file = format!("(default theme)/{name}");
        let mut value = match embedded.map(toml::from_str::<toml::Value>) {
            Some(Ok(v)) => serde_json::to_value(v).unwrap_or(Value::Null),
            Some(Err(e)) => {
                out.push(Diagnostic::about(Path::new(&name), problems::ui_strings_syntax(e.to_string())));
                Value::Null
            }
            None => Value::Null,
        };
        for own in [theme_dir.join(&name), root.join(&name)] {
            if !own.is_file() {
                continue;
            }
            let shown = own.strip_prefix(root).unwrap_or(&own).to_path_buf();
            match std::fs::read_to_string(&own).map(|t| toml::from_str::<toml::Value>(&t)) {
                Ok(Ok(v)) => merge(&mut value, serde_json::to_value(v).unwrap_or(Value::Null)),
                Ok(Err(e)) => out.push(Diagnostic::about(&shown, problems::ui_strings_syntax(e.message()))),
                Err(e) => out.push(Diagnostic::about(&shown, problems::unreadable(&e))),
            }
            file = shown.display().to_string();
        }
        if value.is_null() {
            out.push(
                Diagnostic::about(Path::new("vitrine.toml"), problems::no_ui_strings(lang))
                    .with_hint(texts::add_file(format!("themes/{}/i18n/{lang}.toml", config.theme))),
            );
            value = DEFAULT_THEME
                .get_file("i18n/en.toml")
                .and_then(|f| f.contents_utf8())
                .and_then(|t| toml::from_str::<toml::Value>(t).ok())
                .and_then(|v| serde_json::to_value(v).ok())
                .unwrap_or(Value::Null);
        } else if file.starts_with("(default theme)") && theme_dir.is_dir() && config.theme != "default" {
            // A custom theme without this language: the file to add is its own.
            file = format!("themes/{}/{name}", config.theme);
        }
        last_file.insert(lang.clone(), file);
        strings.insert(lang.clone(), value);
    }
    let mut keys = Vec::new();
    if let Some(reference) = strings.get(&config.default_language) {
        flat_keys(reference, "", &mut keys);
    }
    for lang in config.languages.iter().filter(|l| **l != config.default_language) {
        let Some(v) = strings.get(lang) else { continue };
        let file = last_file.get(lang).cloned().unwrap_or_default();
        for key in &keys {
            let found = key.split('.').try_fold(v, |v, part| v.get(part));
            if found.is_none() {
                out.push(
                    Diagnostic::about(Path::new(&file), problems::ui_string_missing(key, &file))
                        .with_hint(texts::add_translated_string(lang, &config.default_language)),
                );
            }
        }
    }
    strings
}

/// Dotted paths of every leaf of a table of strings (`nav.moocs`).
fn flat_keys(v: &Value, prefix: &str, out: &mut Vec<String>) {
    if let Value::Object(map) = v {
        for (k, child) in map {
            let path = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
            if child.is_object() {
                flat_keys(child, &path, out);
            } else {
                out.push(path);
            }
        }
    }
}

fn merge(base: &mut Value, over: Value) {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                merge(b.entry(k).or_insert(Value::Null), v);
            }
        }
        (b, o) => *b = o,
    }
}

fn fingerprints(statics: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, String> {
    statics
        .iter()
        .filter_map(|(name, bytes)| {
            let (stem, ext) = name.rsplit_once('.')?;
            matches!(ext, "js" | "css").then(|| (name.clone(), format!("{stem}.{}.{ext}", hash(&[bytes]))))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::escape_html;

    #[test]
    fn escapes_quotes_angle_brackets_and_ampersands_anywhere() {
        assert_eq!(escape_html("Tom & Jerry's \"<b>\""), "Tom &amp; Jerry&#39;s &quot;&lt;b&gt;&quot;");
        assert_eq!(escape_html("/moocs/épidémies/ 2024–2025"), "/moocs/épidémies/ 2024–2025");
        // Every position of an eight-byte word, and the bytes after the last word.
        for len in 0..20 {
            for at in 0..len {
                let mut s = "a".repeat(len);
                s.replace_range(at..at + 1, ">");
                let want = format!("{}&gt;{}", "a".repeat(at), "a".repeat(len - at - 1));
                assert_eq!(escape_html(&s), want, "{s}");
            }
        }
    }
}
