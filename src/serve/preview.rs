//! The preview of an edit: what `vitrine serve` serves at once, before the
//! rebuild of the edit is done.
//!
//! The most common edit while a writer watches the browser changes the text
//! of one MOOC: its title, summary or body. Such an edit changes no reference,
//! no date and no count, so the catalogue after it is the last one with that
//! MOOC's entity replaced. The preview checks exactly that: every changed
//! path is the default-language file of an existing MOOC, the file loads and
//! validates without an error, and its front matter differs from the last
//! one only in [`TEXT_KEYS`]. Then the MOOC's own pages and the pages of the
//! full list are rendered (`render::preview`) and served over the last site
//! until the rebuild replaces it; anything else waits for the rebuild.

use std::path::{Component, Path, PathBuf};

use crate::load::{self, source, Meta, Mooc};
use crate::resolve::Catalogue;

/// The front matter keys of a MOOC that only change its own text: its page,
/// its card, the list order. Any other key may change references, statuses,
/// facets or other pages, so it waits for the rebuild.
pub const TEXT_KEYS: [&str; 5] = ["title", "summary", "teachers", "prerequisites", "awards"];

/// The MOOC of `cat` that the file `changed` (as the watcher names it,
/// below `watched`, the site root resolved) describes, loaded again: its
/// position and new entity, or `None` when this edit is not a text edit of
/// one MOOC, or has a problem.
pub fn reload_mooc(root: &Path, watched: &Path, cat: &Catalogue, changed: &Path) -> Option<(usize, Mooc)> {
    let relative = changed.strip_prefix(watched).ok()?;
    let parts: Vec<&str> = relative
        .components()
        .map(|c| match c {
            Component::Normal(name) => name.to_str(),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let (slug, bundle) = match parts.as_slice() {
        ["content", "moocs", file] => (file.strip_suffix(".md")?, false),
        ["content", "moocs", folder, "index.md"] => (*folder, true),
        _ => return None,
    };
    let i = cat.content.moocs.position(slug)?;
    let old = &cat.content.moocs[i];
    if old.meta.bundle.is_some() != bundle || old.meta.lang.is_some() {
        return None;
    }
    let path: PathBuf = parts.iter().fold(root.to_path_buf(), |p, part| p.join(part));
    let mut problems = Vec::new();
    let new = load::parse_mooc(root, &path, slug, old.meta.bundle.clone(), &mut problems)?;
    crate::validate::mooc_alone(&new, root, &mut problems);
    if crate::diagnostic::has_errors(&problems) || !same_structure(&old.meta, &new.meta) {
        return None;
    }
    Some((i, new))
}

/// Whether two versions of a file have the same front matter, but for
/// [`TEXT_KEYS`] (compared as TOML values: spacing, comments and the order
/// of keys do not count).
fn same_structure(old: &Meta, new: &Meta) -> bool {
    let table = |meta: &Meta| -> Option<toml::Table> {
        let split = source::split(&meta.file, false).ok()?;
        let mut table: toml::Table = toml::from_str(meta.file.text.get(split.front)?).ok()?;
        TEXT_KEYS.iter().for_each(|k| drop(table.remove(*k)));
        Some(table)
    };
    matches!((table(old), table(new)), (Some(a), Some(b)) if a == b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::SourceFile;

    fn meta(text: &str) -> Meta {
        Meta {
            slug: "x".into(),
            file: SourceFile::new(PathBuf::from("content/moocs/x.md"), text.to_string()),
            body: 0..0,
            draft: false,
            updated: None,
            bundle: None,
            lang: None,
        }
    }

    #[test]
    fn only_text_keys_may_differ() {
        let old = meta("+++\ntitle = \"A\"\nplatform = \"fun-mooc\"\nlevel = \"beginner\"\n+++\nBody\n");
        let retitled = meta("+++\n# comment\ntitle = \"B « C »\"\nsummary = \"S\"\nlevel = \"beginner\"\nplatform = \"fun-mooc\"\n+++\nOther body\n");
        assert!(same_structure(&old, &retitled));
        let moved = meta("+++\ntitle = \"A\"\nplatform = \"coursera\"\nlevel = \"beginner\"\n+++\nBody\n");
        assert!(!same_structure(&old, &moved));
        let broken = meta("+++\ntitle = \"A\nplatform = \"fun-mooc\"\n+++\n");
        assert!(!same_structure(&old, &broken));
    }
}
