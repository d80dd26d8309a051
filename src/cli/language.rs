//! The language vitrine speaks in a run: `--lang`, else `VITRINE_LANG`,
//! else the site's `default_language` (its `vitrine.toml` at `--root`, or
//! in the current folder), else, outside a site, the system's (`LC_ALL`,
//! `LC_MESSAGES`, `LANG`); French when that is French, English otherwise.
//! Chosen before the arguments are parsed, so that `--help` is in it.

use std::ffi::OsString;
use std::path::Path;

use vitrine::diagnostic::Locale;

pub fn choose(args: &[OsString]) -> Locale {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    flag(args, "--lang")
        .and_then(|l| Locale::parse(&l))
        .or_else(|| env("VITRINE_LANG").and_then(|l| Locale::parse(&l)))
        .or_else(|| site_language(Path::new(&flag(args, "--root").unwrap_or_else(|| ".".into()))))
        .or_else(|| ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(env).and_then(|l| Locale::parse(&l)))
        .unwrap_or(Locale::En)
}

/// The value of `--name VALUE` or `--name=VALUE` in `args`, if given.
fn flag(args: &[OsString], name: &str) -> Option<String> {
    let args: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    let with_equals = format!("{name}=");
    args.iter().enumerate().find_map(|(i, a)| match a.strip_prefix(&with_equals) {
        Some(value) => Some(value.to_string()),
        None if a == name => args.get(i + 1).cloned(),
        None => None,
    })
}

/// The language of the site at `root`: its `default_language` (`fr` when
/// it has none, as the site itself); `None` outside a site. A site in a
/// language vitrine does not speak gets English.
fn site_language(root: &Path) -> Option<Locale> {
    let text = std::fs::read_to_string(root.join("vitrine.toml")).ok()?;
    let table: toml::Table = toml::from_str(&text).unwrap_or_default();
    let code = table.get("default_language").and_then(|v| v.as_str()).unwrap_or("fr");
    Some(Locale::for_language(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn reads_a_flag_in_both_spellings() {
        assert_eq!(flag(&args(&["vitrine", "check", "--lang", "fr"]), "--lang").as_deref(), Some("fr"));
        assert_eq!(flag(&args(&["vitrine", "--lang=en", "check"]), "--lang").as_deref(), Some("en"));
        assert_eq!(flag(&args(&["vitrine", "check", "--language", "fr"]), "--lang"), None);
    }

    #[test]
    fn a_site_without_default_language_is_french() {
        let dir = std::env::temp_dir().join(format!("vitrine-lang-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp folder");
        std::fs::write(dir.join("vitrine.toml"), "title = \"x\"\n").expect("write");
        assert_eq!(site_language(&dir), Some(Locale::Fr));
        std::fs::write(dir.join("vitrine.toml"), "default_language = \"es\"\n").expect("write");
        assert_eq!(site_language(&dir), Some(Locale::En));
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(site_language(&dir), None);
    }
}
