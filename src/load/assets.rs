//! Where an image that content names is on disk: the path of a
//! front-matter key (`cover`, `logo`) or of a Markdown image. Relative to
//! the bundle folder in a bundle, else to `static/`; a leading `/` always
//! means `static/`; a web address is used as it is. One rule for
//! validation, image processing and URLs.

use crate::diagnostic::{texts, Msg};
use std::path::{Path, PathBuf};

use crate::load::Meta;

/// Where a located image lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    /// The entity's bundle folder: published beside its page.
    Bundle,
    /// `static/`: published at the same path from the site's root.
    Static,
}

/// An image found on disk.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Located {
    pub place: Place,
    /// Its path inside the bundle folder or `static/`, `/`-separated.
    pub rel: String,
    /// Its path on disk.
    pub file: PathBuf,
}

/// Why an image path names no file of the site.
#[derive(Debug, Clone, PartialEq)]
pub enum Unlocated {
    /// A web address (`https://…`, `//host/…`): used as it is.
    Remote,
    /// No such file; `shown` says where it was looked for.
    Missing { shown: Msg },
    /// The path leads out of the bundle folder or `static/` (`..`, or a
    /// symbolic link to elsewhere).
    Outside { shown: Msg },
}

/// Whether `path` is a web address or another URL with a scheme.
pub fn is_remote(path: &str) -> bool {
    if path.starts_with("//") {
        return true;
    }
    let scheme_end = path.find(':');
    scheme_end.is_some_and(|end| {
        let scheme = &path[..end];
        !scheme.is_empty()
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    })
}

/// Where the image path `path` of the entity `meta` leads, under the site
/// at `root`, without looking at the disk: the file may not exist (see
/// [`locate`]). A Markdown destination may be percent-encoded and carry a
/// `?query` or `#fragment`, which are left out.
pub fn place(root: &Path, meta: &Meta, path: &str) -> Result<Located, Unlocated> {
    if is_remote(path) {
        return Err(Unlocated::Remote);
    }
    let path = path.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let in_bundle = meta.bundle.as_ref().filter(|_| !decoded.starts_with('/'));
    let (base, place, shown) = match in_bundle {
        Some(dir) => (dir.clone(), Place::Bundle, texts::bundle_folder_of(&meta.slug)),
        None => (root.join("static"), Place::Static, texts::static_folder()),
    };
    let parts: Vec<&str> = decoded.split(['/', '\\']).filter(|p| !p.is_empty() && *p != ".").collect();
    if parts.iter().any(|p| *p == ".." || p.contains(':')) {
        return Err(Unlocated::Outside { shown });
    }
    if parts.is_empty() {
        return Err(Unlocated::Missing { shown });
    }
    let file = parts.iter().fold(base, |p, part| p.join(part));
    Ok(Located { place, rel: parts.join("/"), file })
}

/// The file the image path `path` of the entity `meta` names: [`place`],
/// and the file exists, inside its folder (a symbolic link may lead out).
pub fn locate(root: &Path, meta: &Meta, path: &str) -> Result<Located, Unlocated> {
    let found = place(root, meta, path)?;
    let shown = || match found.place {
        Place::Bundle => texts::bundle_folder_of(&meta.slug),
        Place::Static => texts::static_folder(),
    };
    if !found.file.is_file() {
        return Err(Unlocated::Missing { shown: shown() });
    }
    let base = match (found.place, &meta.bundle) {
        (Place::Bundle, Some(dir)) => dir.clone(),
        _ => root.join("static"),
    };
    match (found.file.canonicalize(), base.canonicalize()) {
        (Ok(real), Ok(real_base)) if real.starts_with(&real_base) => Ok(found),
        _ => Err(Unlocated::Outside { shown: shown() }),
    }
}

/// The stem of an image's path inside its folder: `img/a.b.png` -> `img/a.b`.
pub fn stem(rel: &str) -> &str {
    match rel.rfind('.') {
        Some(dot) if dot > rel.rfind('/').map_or(0, |s| s + 1) => &rel[..dot],
        _ => rel,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::SourceFile;

    fn meta(bundle: Option<PathBuf>) -> Meta {
        let file = SourceFile::new("x.md".into(), String::new());
        Meta { slug: "x".into(), file, body: 0..0, draft: false, bundle, lang: None, updated: None }
    }

    #[test]
    fn web_addresses_are_remote() {
        for remote in ["https://a.org/x.png", "http://a.org/x.png", "//a.org/x.png", "ftp://a/x"] {
            assert!(is_remote(remote), "{remote}");
        }
        for local in ["x.png", "/images/x.png", "./a/b.jpg", "a:b/../x", "1x:y"] {
            assert_eq!(is_remote(local), local == "a:b/../x", "{local}");
        }
    }

    #[test]
    fn finds_files_in_the_bundle_or_static_and_never_outside() {
        let root = std::env::temp_dir().join(format!("vitrine-assets-{}", std::process::id()));
        let bundle = root.join("content/moocs/x");
        std::fs::create_dir_all(&bundle).unwrap();
        std::fs::create_dir_all(root.join("static/img")).unwrap();
        std::fs::write(bundle.join("a b.png"), "a").unwrap();
        std::fs::write(root.join("static/img/c.png"), "c").unwrap();
        std::fs::write(root.join("secret.png"), "s").unwrap();
        let m = meta(Some(bundle.clone()));
        let found = locate(&root, &m, "./a%20b.png?v=2").unwrap();
        assert_eq!((found.place, found.rel.as_str()), (Place::Bundle, "a b.png"));
        let found = locate(&root, &m, "/img/c.png").unwrap();
        assert_eq!((found.place, found.rel.as_str()), (Place::Static, "img/c.png"));
        let plain = meta(None);
        assert_eq!(locate(&root, &plain, "img/c.png").map(|l| l.place), Ok(Place::Static));
        assert!(matches!(locate(&root, &m, "b.png"), Err(Unlocated::Missing { .. })));
        assert!(matches!(locate(&root, &m, "../../../secret.png"), Err(Unlocated::Outside { .. })));
        assert!(matches!(locate(&root, &plain, "/../secret.png"), Err(Unlocated::Outside { .. })));
        assert_eq!(locate(&root, &m, "https://a.org/x.png"), Err(Unlocated::Remote));
        assert_eq!(place(&root, &m, "b.png").map(|l| l.file), Ok(bundle.join("b.png")), "without the disk");
        assert_eq!((stem("img/a.b.png"), stem("a"), stem(".x/a"), stem("a/.png")), ("img/a.b", "a", ".x/a", "a/.png"));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(root.join("secret.png"), bundle.join("link.png")).unwrap();
            assert!(matches!(locate(&root, &m, "link.png"), Err(Unlocated::Outside { .. })));
        }
        std::fs::remove_dir_all(&root).unwrap();
    }
}
