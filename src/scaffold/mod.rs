//! `vitrine new`: a starter site (`site.rs`), or one file of content in a
//! site (`entity.rs`), with every key of its kind written out, each under a
//! comment in the site's language (`texts.rs`), and references to entities
//! the site has, so that what is written builds with no warning.

mod entity;
mod site;
pub mod texts;

use std::fmt::Write as _;

pub use entity::{new_entity, NewKind, Site};
pub use site::{new_site, PIPELINES};

use crate::diagnostic::{Locale, Msg};

/// A TOML front matter being written: comments wrapped at 78 columns,
/// keys, and optional keys as `# key = value`.
struct Writer {
    locale: Locale,
    text: String,
}

impl Writer {
    fn new(locale: Locale) -> Writer {
        Writer { locale, text: String::new() }
    }

    /// `msg` as `# ` lines.
    fn comment(&mut self, msg: Msg) {
        let words = msg.render(self.locale);
        let mut line = String::from("#");
        for word in words.split(' ') {
            if line.chars().count() + 1 + word.chars().count() > 78 && line != "#" {
                let _ = writeln!(self.text, "{line}");
                line = String::from("#");
            }
            line.push(' ');
            line.push_str(word);
        }
        let _ = writeln!(self.text, "{line}");
    }

    /// A key in use, under its comment.
    fn key(&mut self, key: &str, about: Msg, value: &str) {
        self.comment(about);
        let _ = writeln!(self.text, "{key} = {value}");
    }

    /// An optional key, commented out, under its comment.
    fn optional(&mut self, key: &str, about: Msg, value: &str) {
        self.comment(about);
        let _ = writeln!(self.text, "# {key} = {value}");
    }

    fn blank(&mut self) {
        self.text.push('\n');
    }

    fn line(&mut self, line: &str) {
        let _ = writeln!(self.text, "{line}");
    }
}

/// `text` as a TOML string (quoted and escaped).
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// `items` as a TOML list of strings.
fn list<S: AsRef<str>>(items: &[S]) -> String {
    let items: Vec<String> = items.iter().map(|i| quoted(i.as_ref())).collect();
    format!("[{}]", items.join(", "))
}

/// `premier-mooc` -> `Premier MOOC`: a title to start from.
fn title_of(slug: &str) -> String {
    let words: Vec<String> = slug
        .split('-')
        .enumerate()
        .map(|(i, w)| match w {
            "mooc" | "moocs" => w.to_uppercase(),
            _ if i == 0 => {
                let mut chars = w.chars();
                chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
            }
            _ => w.to_string(),
        })
        .collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_titles_strings_and_wrapped_comments() {
        assert_eq!(title_of("premier-mooc"), "Premier MOOC");
        assert_eq!(title_of("a-propos"), "A propos");
        let text = "a \"b\" \\ c";
        let back: toml::Table = toml::from_str(&format!("x = {}", quoted(text))).expect("TOML");
        assert_eq!(back["x"].as_str(), Some(text));
        assert_eq!(list(&["a", "b"]), "[\"a\", \"b\"]");
        let mut w = Writer::new(Locale::En);
        w.comment(crate::diagnostic::texts::toml_quotes());
        assert!(w.text.lines().all(|l| l.starts_with("# ") && l.chars().count() <= 78), "{}", w.text);
        assert!(w.text.lines().count() > 1);
    }
}
