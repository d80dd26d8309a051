//! The layers of `src/` (docs/architecture.md, "Layers"): a top-level
//! module uses only modules on lower layers, so that no two of them import
//! each other and each can be read, and changed, from the bottom up. A new
//! top-level module is put on a layer here, and in the document.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// From the ground up. `lib` is the crate root (`src/lib.rs`: the pipeline
/// and its `Options`, `Report`…), which `serve` drives. `cli` is the
/// binary's (`src/main.rs` and `src/cli/`), above everything.
const LAYERS: &[&[&str]] = &[
    &["diagnostic", "calendar", "card_image", "output", "timing", "pdf"],
    &["base"],
    &["config", "markdown"],
    &["load"],
    &["validate", "resolve"],
    &["i18n", "images"],
    &["search"],
    &["render"],
    &["lib"],
    &["serve", "check", "scaffold"],
    &["cli"],
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// Every source file of the library with its top-level module (`main.rs`,
/// the binary, is above them all and is left out).
fn modules() -> Vec<(PathBuf, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let rel = path.strip_prefix(&src).ok()?.to_string_lossy().replace('\\', "/");
            let module = match rel.split('/').next()? {
                "main.rs" => return None,
                "lib.rs" => "lib".to_string(),
                first => first.trim_end_matches(".rs").to_string(),
            };
            Some((path, module))
        })
        .collect()
}

/// The modules a file names in code (`crate::x::…`, `use crate::{…}`), not
/// in comments; a name that is no module is an item of the crate root.
fn used(text: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for line in text.lines().map(str::trim_start).filter(|l| !l.starts_with("//")) {
        for (at, _) in line.match_indices("crate::") {
            let rest = &line[at + "crate::".len()..];
            let names: Vec<&str> = match rest.strip_prefix('{') {
                Some(group) => group.split('}').next().unwrap_or("").split(',').collect(),
                None => vec![rest],
            };
            for name in names {
                let name: String = name.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if !name.is_empty() {
                    used.insert(if layer(&name).is_some() { name } else { "lib".to_string() });
                }
            }
        }
    }
    used
}

#[test]
fn every_top_level_module_has_a_layer() {
    let missing: BTreeSet<String> = modules().into_iter().map(|(_, m)| m).filter(|m| layer(m).is_none()).collect();
    assert!(missing.is_empty(), "put these modules on a layer (tests/layers.rs, docs/architecture.md): {missing:?}");
}

#[test]
fn modules_use_only_lower_layers() {
    let mut wrong = Vec::new();
    for (path, module) in modules() {
        let text = std::fs::read_to_string(&path).expect("a readable source file");
        let Some(own) = layer(&module) else { continue };
        for target in used(&text) {
            let Some(theirs) = layer(&target) else { continue };
            if target != module && theirs >= own {
                wrong.push(format!("{}: `{module}` (layer {own}) uses `{target}` (layer {theirs})", path.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "a module may use only lower layers (docs/architecture.md):\n{}", wrong.join("\n"));
}

#[test]
fn no_source_file_is_over_600_lines() {
    let long: Vec<String> = modules()
        .into_iter()
        .filter_map(|(path, _)| {
            let lines = std::fs::read_to_string(&path).ok()?.lines().count();
            (lines > 600).then(|| format!("{}: {lines} lines", path.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these files (one job a module, docs/architecture.md):\n{}", long.join("\n"));
}

#[test]
fn the_reader_of_imports_sees_groups_and_paths() {
    let text = "use crate::{Options, Report};\n// crate::serve in a comment\nlet x = crate::render::render(a);";
    assert_eq!(used(text), ["lib", "render"].into_iter().map(String::from).collect());
}
