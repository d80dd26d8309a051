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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_and_short() {
        assert_eq!(hash(&[b"a"]), hash(&[b"a"]));
        assert_ne!(hash(&[b"a", b"b"]), hash(&[b"ab"]));
        assert_eq!(hash(&[b"x"]).len(), 10);
    }
}
