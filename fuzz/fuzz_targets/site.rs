//! The whole build on a generated site tree: the minimal fixture site
//! (tests/fixtures/minimal) with files made from the input, built into
//! memory (load, validate, resolve, render). The input is cut at each 0xFF
//! byte (never in UTF-8 text); each piece's first byte chooses which file
//! it becomes. Must never panic, whatever the content.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

const FILES: [&str; 12] = [
    "content/moocs/fuzz.md",
    "content/moocs/fuzz.en.md",
    "content/moocs/autre/index.md",
    "content/parcours/fuzz.md",
    "content/platforms/fuzz.md",
    "content/institutions/fuzz.md",
    "content/schedules/fuzz.md",
    "content/subjects/fuzz.md",
    "content/pages/fuzz.md",
    "content/pages/fuzz.en.md",
    "content/_index.md",
    "vitrine.toml",
];

/// A copy of the minimal site, made once per process.
fn site() -> &'static (PathBuf, Vec<(PathBuf, Option<Vec<u8>>)>) {
    static SITE: OnceLock<(PathBuf, Vec<(PathBuf, Option<Vec<u8>>)>)> = OnceLock::new();
    SITE.get_or_init(|| {
        let root = std::env::temp_dir().join(format!("vitrine-fuzz-build-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        copy(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/minimal"), &root);
        let originals = FILES.iter().map(|f| (root.join(f), std::fs::read(root.join(f)).ok())).collect();
        (root, originals)
    })
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read the fixture").flatten() {
        let target = to.join(e.file_name());
        if e.file_type().is_ok_and(|t| t.is_dir()) {
            copy(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).expect("copy");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let (root, originals) = site();
    // Back to the fixture as it was.
    for (path, bytes) in originals {
        match bytes {
            Some(b) => std::fs::write(path, b).expect("restore"),
            None => {
                let _ = std::fs::remove_file(path);
            }
        }
    }
    for piece in data.split(|&b| b == 0xFF).filter(|p| !p.is_empty()).take(FILES.len()) {
        let path = root.join(FILES[usize::from(piece[0]) % FILES.len()]);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&path, &piece[1..]).expect("write a content file");
    }
    let opts = vitrine::Options {
        root: root.clone(),
        output: None,
        base_url: None,
        today: Some(jiff::civil::date(2026, 11, 23)),
        source_date_epoch: None,
        drafts: false,
        write: true,
        missing_translations: true,
        cache: false,
        cache_dir: None,
        progress: None,
        minify: false,
    };
    let (report, files) = vitrine::build_in_memory(&opts);
    assert_eq!(report.has_errors(), files.is_none());
    if let Some(files) = files {
        assert!(files.keys().all(|k| !k.starts_with('/') && !k.split('/').any(|p| p == "..")));
    }
});
