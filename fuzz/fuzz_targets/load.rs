//! The content loader on one file: bytes (any, not only UTF-8) read as a
//! content file of one kind, then split into front matter and body and
//! parsed field by field. The first byte chooses the kind and whether the
//! file is a translation. Must never panic; every problem is a diagnostic.
#![no_main]

use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;
use vitrine::load::{self, Kind};

const KINDS: [Kind; 8] = [
    Kind::Mooc,
    Kind::Parcours,
    Kind::Platform,
    Kind::Institution,
    Kind::Schedule,
    Kind::Subject,
    Kind::Page,
    Kind::Home,
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let kind = KINDS[usize::from(pick) % KINDS.len()];
    let lang = (pick & 0x80 != 0).then_some("en");
    let mut out = Vec::new();
    let Some(file) = load::source::decode(PathBuf::from("content/moocs/fuzz.md"), bytes.to_vec(), &mut out) else {
        assert!(!out.is_empty(), "a file that cannot be read says why");
        return;
    };
    let entity = load::parse_source(file, kind, "fuzz", lang, None, &mut out);
    for d in &out {
        // Every position must be inside the file, on a character boundary.
        if let (Some(file), Some(span)) = (&d.file, &d.span) {
            assert!(span.start <= span.end && span.end <= file.text.len(), "{span:?} out of the file");
            assert!(file.text.is_char_boundary(span.start) && file.text.is_char_boundary(span.end));
            for locale in vitrine::diagnostic::Locale::ALL {
                let _ = d.render(locale);
            }
        }
    }
    if let Some(e) = entity {
        let body = e.meta().body();
        let _ = body.len();
    }
});
