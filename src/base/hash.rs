//! Short content hashes for file names: a file whose name changes with its
//! content can be cached by hosts forever (the theme's scripts and
//! stylesheets, the search index).

/// Ten hexadecimal digits of the xxh3 hash of `parts`.
pub fn hash(parts: &[&[u8]]) -> String {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for p in parts {
        h.update(p);
        h.update(&[0]);
    }
    format!("{:010x}", h.digest() & 0xff_ffff_ffff)
}

/// Whether a file's name carries a [`hash`] of its content
/// (`cover.0123abcdef.svg`, `cover.0123abcdef-320.webp`,
/// `status.0123abcdef.js`): such a file gets another name when its content
/// changes, so the pages that name it change with it.
pub fn names_a_hash(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let parts: Vec<&str> = name.split('.').collect();
    let inner = parts.get(1..parts.len().saturating_sub(1)).unwrap_or_default();
    inner.iter().any(|part| {
        let hash = part.split_once('-').map_or(*part, |(h, width)| {
            if !width.is_empty() && width.bytes().all(|b| b.is_ascii_digit()) {
                h
            } else {
                ""
            }
        });
        hash.len() == 10 && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_and_short() {
        assert_eq!(hash(&[b"a"]), hash(&[b"a"]));
        assert_ne!(hash(&[b"a", b"b"]), hash(&[b"ab"]));
        assert_eq!(hash(&[b"x"]).len(), 10);
    }

    #[test]
    fn names_with_a_hash_are_told_apart() {
        let h = hash(&[b"x"]);
        for named in [format!("moocs/x/cover.{h}.svg"), format!("cover.{h}-320.webp"), format!("status.{h}.js")] {
            assert!(names_a_hash(&named), "{named}");
        }
        for plain in [
            "moocs/x/cover.png",
            "style.css",
            "0123abcdef.png",
            "a.0123abcdef",
            "a.0123abcdeg.png",
            "a.0123abcdef-x.png",
        ] {
            assert!(!names_a_hash(plain), "{plain}");
        }
    }
}
