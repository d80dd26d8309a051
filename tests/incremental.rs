//! The property of `vitrine serve`'s incremental rebuilds: after any
//! sequence of edits, creations, renames and deletions, the site a rebuild
//! serves is byte for byte the site a fresh full build makes of the same
//! files, with the same problems reported. So is the output folder that
//! `vitrine build` brings up to date with its build cache beside it
//! (`output::incremental`): after each change it holds the full build's
//! files and reports its problems, those whose bytes did not change keep
//! their modification time, and a build that fails leaves it as it was;
//! it renders only the pages the change made stale when it can
//! (`render::records`), which some builds of every run must do.
//!
//! Sequences are random but seeded (a small xorshift generator, so a
//! failure names its seed and replays); `VITRINE_INCREMENTAL_SEEDS=n` runs
//! more of them.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use common::{copy_dir, fixture_dir, TempDir};
use vitrine::serve::rebuild::Session;
use vitrine::Options;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        (!items.is_empty()).then(|| &items[self.below(items.len())])
    }
}

/// Markdown files under `content/<folder>/`, bundles included.
fn files(root: &Path, folder: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut dirs = vec![root.join("content").join(folder)];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// Replaces the first line starting with `key = ` in the front matter,
/// or adds `line` after the opening `+++` when there is none.
fn set_line(text: &str, key: &str, line: &str) -> String {
    let prefix = format!("{key} = ");
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let end = lines.iter().skip(1).position(|l| l == "+++").map_or(lines.len(), |p| p + 1);
    match lines[..end].iter().position(|l| l.starts_with(&prefix)) {
        Some(i) => lines[i] = line.to_string(),
        None => lines.insert(1.min(lines.len()), line.to_string()),
    }
    lines.join("\n") + "\n"
}

const WORDS: [&str; 8] =
    ["Écologie", "Vaccinologie", "Réseaux", "L’épidémie", "Zoonoses", "Algèbre", "Data", "Éthique"];

/// One random change to the site; returns what it did, for the failure
/// message.
fn mutate(root: &Path, rng: &mut Rng, step: usize) -> String {
    let moocs = files(root, "moocs");
    let slugs: Vec<String> = moocs
        .iter()
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?;
            let slug =
                if name.starts_with("index") { p.parent()?.file_name()?.to_str()? } else { name.split('.').next()? };
            Some(slug.to_string())
        })
        .collect();
    let word = WORDS[rng.below(WORDS.len())];
    let Some(file) = rng.pick(&moocs).cloned() else { return "no MOOC left".into() };
    let text = fs::read_to_string(&file).unwrap_or_default();
    let shown = file.strip_prefix(root).unwrap_or(&file).display().to_string();
    let write = |path: &Path, text: &str| {
        fs::create_dir_all(path.parent().expect("a parent")).expect("a folder");
        fs::write(path, text).expect("writable");
    };
    match rng.below(17) {
        0 | 1 => {
            write(&file, &set_line(&text, "title", &format!("title = \"{word} {step}\"")));
            format!("retitle {shown}")
        }
        2 => {
            let target = rng.pick(&slugs).cloned().unwrap_or_default();
            write(&file, &format!("{text}\nParagraphe {step} : voir [le cours](@/moocs/{target}.md).\n"));
            format!("body of {shown} links to {target}")
        }
        3 => {
            let day = 1 + rng.below(28);
            let shifted = text.replacen("start = 2027-01-11", &format!("start = 2026-12-{day:02}"), 1);
            write(&file, &shifted);
            format!("session of {shown} starts on 2026-12-{day:02}")
        }
        4 => {
            let on = rng.below(2) == 0;
            write(&file, &set_line(&text, "featured", &format!("featured = {on}")));
            format!("featured = {on} in {shown}")
        }
        5 => {
            let level = ["introductory", "intermediate", "advanced"][rng.below(3)];
            write(&file, &set_line(&text, "level", &format!("level = \"{level}\"")));
            format!("level {level} in {shown}")
        }
        6 => {
            let subjects = format!("subjects = [\"{word}\", \"Santé publique\"]");
            write(&file, &set_line(&text, "subjects", &subjects));
            format!("subjects of {shown}: {word}")
        }
        7 => {
            let source =
                moocs.iter().find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().matches('.').count() == 1));
            let Some(source) = source else { return "no MOOC to copy".into() };
            let copy = fs::read_to_string(source).unwrap_or_default();
            let path = root.join(format!("content/moocs/nouveau-{step}.md"));
            write(&path, &set_line(&copy, "title", &format!("title = \"{word} nouveau {step}\"")));
            format!("create content/moocs/nouveau-{step}.md")
        }
        8 => {
            fs::remove_file(&file).expect("removable");
            format!("delete {shown}")
        }
        9 => {
            let to = file.with_file_name(format!("renomme-{step}.md"));
            if file.file_name().is_some_and(|n| n.to_string_lossy().starts_with("index")) {
                return format!("(bundle {shown} not renamed)");
            }
            fs::rename(&file, &to).expect("renamable");
            format!("rename {shown} to {}", to.display())
        }
        10 => {
            let other = [("platforms", "title"), ("parcours", "title"), ("pages", "title"), ("institutions", "name")];
            let (folder, key) = other[rng.below(other.len())];
            let Some(path) = rng.pick(&files(root, folder)).cloned() else { return format!("no {folder}") };
            let text = fs::read_to_string(&path).unwrap_or_default();
            write(&path, &set_line(&text, key, &format!("{key} = \"{word} {step}\"")));
            format!("{key} of {}", path.display())
        }
        12 => {
            let languages = ["[\"fr\"]", "[\"en\"]", "[\"fr\", \"en\"]"][rng.below(3)];
            write(&file, &set_line(&text, "languages", &format!("languages = {languages}")));
            format!("languages = {languages} in {shown}")
        }
        11 => {
            // A site template overriding the theme's, with a visible change.
            let names = ["platform.html", "mooc.html", "components.html", "base.html", "card.html", "mooc_list.html"];
            let name = names[rng.below(names.len())];
            write(&root.join("templates").join(name), &edited_theme_template(name, &format!("<!-- {step} -->")));
            format!("templates/{name}")
        }
        13 => {
            // Another picture under the same name: new size, new files.
            let Some(bundle) = moocs.iter().find_map(|p| p.parent().filter(|d| d.join("index.md") == *p)) else {
                return "no bundle".into();
            };
            let (w, h) = (40 + rng.below(400) as u32, 30 + rng.below(300) as u32);
            write_bytes(&bundle.join("couverture.png"), &png(w, h, step));
            let shown = bundle.strip_prefix(root).unwrap_or(bundle).display().to_string();
            format!("{shown}/couverture.png is {w} x {h}")
        }
        14 => {
            // An image in the body: in the bundle, or in static/.
            let name = format!("schema-{step}.png");
            let (dest, path) = match file.parent().filter(|d| d.join("index.md").exists()) {
                Some(bundle) => (name.clone(), bundle.join(&name)),
                None => (format!("/{name}"), root.join("static").join(&name)),
            };
            write_bytes(&path, &png(20 + rng.below(700) as u32, 20 + rng.below(200) as u32, step));
            write(&file, &format!("{text}\n![Schéma {step}]({dest})\n"));
            format!("{shown} shows {dest}")
        }
        15 => {
            // A cover removed (a made one takes its place) or given.
            let Some(bundle) = file.parent().filter(|d| d.join("index.md") == file) else {
                return format!("({shown} is no bundle)");
            };
            if text.contains("cover = ") {
                let kept: Vec<&str> =
                    text.lines().filter(|l| !l.starts_with("cover = ") && !l.starts_with("cover_alt = ")).collect();
                write(&file, &(kept.join("\n") + "\n"));
                format!("no cover in {shown}")
            } else if file.file_name().is_none_or(|n| n != "index.md") {
                format!("({shown} is a translation)")
            } else {
                write_bytes(&bundle.join("couverture.png"), &png(300, 200, step));
                write(&file, &set_line(&text, "cover", "cover = \"couverture.png\"\ncover_alt = \"Une couverture\""));
                format!("a cover for {shown}")
            }
        }
        _ => {
            let css = format!(".x{step} {{ color: #{:06x}; }}\n", rng.next() % 0xffffff);
            write(&root.join("static/extra.css"), &css);
            "static/extra.css".into()
        }
    }
}

/// A `w` x `h` PNG whose colour depends on `seed`.
fn png(w: u32, h: u32, seed: usize) -> Vec<u8> {
    let colour = image::Rgb([(seed * 40 % 256) as u8, 90, 160]);
    let img = image::DynamicImage::ImageRgb8(image::RgbImage::from_pixel(w, h, colour));
    let mut bytes = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png).expect("encodes");
    bytes
}

fn write_bytes(path: &Path, bytes: &[u8]) {
    fs::create_dir_all(path.parent().expect("a parent")).expect("a folder");
    fs::write(path, bytes).expect("writable");
}

/// A copy of `fixture`, settled, and a session that built it once: the
/// folder (removed when dropped), the site's root, the session and the
/// first build's update.
fn built(fixture: &str, label: &str) -> (TempDir, PathBuf, Session, vitrine::serve::rebuild::Update) {
    let dir = TempDir::new(label);
    let root = dir.join("site");
    copy_dir(&fixture_dir(fixture), &root);
    settle();
    let mut session = Session::new(common::options(&root));
    let (report, update) = session.rebuild();
    let update = update.unwrap_or_else(|| panic!("{fixture}: the first build fails: {:?}", report.diagnostics));
    (dir, root, session, update)
}

/// The default theme's template `name` with `marker` in its first block
/// (text after the blocks of a template that extends another is dropped).
fn edited_theme_template(name: &str, marker: &str) -> String {
    let theme = common::repo_root().join("themes/default/templates").join(name);
    let source = fs::read_to_string(theme).expect("a theme template");
    source.replacen("</", &format!("{marker}</"), 1)
}

/// What `vitrine.toml` may add that makes more than pages: every parcours'
/// brochure (a file of its page) and the statement, legal and privacy
/// pages (in every footer); each rebuild must make them as a full build
/// does.
const MORE: &str = "\n[brochure]\n\n[accessibility]\ncompliance = \"partial\"\ndate = 2026-11-02\n\
    contact_email = \"a@example.org\"\n\n[legal]\npublisher = \"P\"\ndirector = \"D\"\nhost = \"H\"\n\
    contact = \"c@example.org\"\n";

/// Runs `steps` random changes on a copy of `fixture` (with [`MORE`] in
/// its `vitrine.toml`), comparing each incremental rebuild with a full
/// build.
/// The number of builds into the output folder that kept pages of the
/// last one (`render::records`) rather than rendering every page.
fn check(fixture: &str, seed: u64, steps: usize) -> usize {
    let (_dir, root, mut session, _) = built(fixture, &format!("incremental-{fixture}-{seed}"));
    let toml = fs::read_to_string(root.join("vitrine.toml")).expect("vitrine.toml");
    fs::write(root.join("vitrine.toml"), format!("{toml}{MORE}")).expect("vitrine.toml is writable");
    settle();
    assert!(session.rebuild().1.is_some(), "{fixture} builds with {MORE}");
    let opts = common::options(&root);
    let disk = Options { output: Some(root.with_file_name("public")), cache: true, ..common::options(&root) };
    let mut on_disk = OnDisk::new(disk);
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut done = Vec::new();
    for step in 0..steps {
        let before = snapshot(&root);
        done.push(mutate(&root, &mut rng, step));
        let preview = session.preview(&changed(&root, &before));
        let (report, update) = session.rebuild();
        let (full_report, full) = vitrine::build_in_memory(&opts);
        let json = |r: &vitrine::Report| {
            r.diagnostics.iter().map(|d| d.to_json(vitrine::diagnostic::Locale::En).to_string()).collect::<Vec<_>>()
        };
        let context = format!("{fixture}, seed {seed}, after: {}", done.join("; "));
        assert_eq!(json(&report), json(&full_report), "problems differ ({context})");
        let disk_report = on_disk.check(full.as_ref(), &context);
        assert_eq!(json(&disk_report), json(&full_report), "problems of vitrine build differ ({context})");
        match (update, full) {
            (Some(update), Some(full)) => {
                let inc = &*update.files;
                let stale: Vec<&String> = full.keys().filter(|k| inc.get(*k) != full.get(*k)).collect();
                let extra: Vec<&String> = inc.keys().filter(|k| !full.contains_key(*k)).collect();
                assert!(stale.is_empty() && extra.is_empty(), "stale {stale:?}, extra {extra:?} ({context})");
                for (path, bytes) in preview.iter().flatten() {
                    let built = full.get(path).map(|b| previewed(path, b));
                    assert_eq!(
                        built,
                        Some(previewed(path, bytes)),
                        "the preview's {path} is not the built one ({context})"
                    );
                }
                assert_eq!(report.stats.pages, full_report.stats.pages, "page count ({context})");
            }
            (None, None) => assert!(preview.is_none(), "a preview of files that do not build ({context})"),
            (inc, full) => panic!("rebuild ok: {}, full build ok: {} ({context})", inc.is_some(), full.is_some()),
        }
    }
    on_disk.partial
}

/// The output folder of `vitrine build` with its build cache, built
/// again after every change of the property test.
struct OnDisk {
    opts: Options,
    /// Every file of the output with its bytes and modification time.
    files: BTreeMap<String, (Vec<u8>, SystemTime)>,
    /// Builds that rendered only some pages.
    partial: usize,
}

impl OnDisk {
    fn new(opts: Options) -> OnDisk {
        let report = vitrine::build(&opts);
        assert!(!report.has_errors(), "the first build into {:?} fails", opts.output);
        let files = OnDisk::read(&opts);
        OnDisk { opts, files, partial: 0 }
    }

    fn read(opts: &Options) -> BTreeMap<String, (Vec<u8>, SystemTime)> {
        let out = vitrine::output_dir(opts);
        common::read_tree(&out)
            .into_iter()
            .map(|(rel, bytes)| {
                let time = fs::metadata(out.join(&rel)).and_then(|m| m.modified()).expect("a file's time");
                (rel, (bytes, time))
            })
            .collect()
    }

    /// Builds into the output folder again: it must hold `full` (the full
    /// build's files, or the previous site when the build fails), with the
    /// files whose bytes did not change untouched.
    fn check(&mut self, full: Option<&vitrine::output::Files>, context: &str) -> vitrine::Report {
        std::thread::sleep(std::time::Duration::from_millis(5));
        let report = vitrine::build(&self.opts);
        self.partial += usize::from(!report.has_errors() && report.stats.rendered < report.stats.pages);
        assert_eq!(report.has_errors(), full.is_none(), "vitrine build fails, or not, as the full build ({context})");
        let now = OnDisk::read(&self.opts);
        if let Some(full) = full {
            let stale: Vec<&String> =
                full.keys().filter(|k| now.get(*k).map(|(b, _)| &b[..]) != full.get(*k).map(|b| &b[..])).collect();
            let extra: Vec<&String> = now.keys().filter(|k| !full.contains_key(*k)).collect();
            assert!(stale.is_empty() && extra.is_empty(), "on disk: stale {stale:?}, extra {extra:?} ({context})");
        }
        let rewritten: Vec<&String> = now
            .iter()
            .filter(|(k, (bytes, time))| self.files.get(*k).is_some_and(|(b, t)| b == bytes && t != time))
            .map(|(k, _)| k)
            .collect();
        assert!(rewritten.is_empty(), "on disk: files written again with the same bytes {rewritten:?} ({context})");
        if full.is_none() {
            assert!(now == self.files, "a failed build changed the output ({context})");
        }
        self.files = now;
        report
    }
}

/// A page as the preview must make it: the catalogue pages (`moocs/`)
/// name the last build's search index until the rebuild, so its hash is
/// left out of the comparison; every other page must be the same.
fn previewed(path: &str, bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes).to_string();
    if !path.ends_with("moocs/index.html") {
        return text;
    }
    let Some(at) = text.find("data-search-index=\"") else { return text };
    let end = text[at..].find("\" ").or_else(|| text[at..].find("\">")).map_or(text.len(), |e| at + e);
    format!("{}{}", &text[..at], &text[end..])
}

/// Every file of the site, with its bytes.
fn snapshot(root: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(dir) = todo.pop() {
        for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else if let Ok(bytes) = fs::read(&path) {
                files.insert(path, bytes);
            }
        }
    }
    files
}

/// The files written, created or deleted since `before`, named as the
/// watcher names them (below the resolved root).
fn changed(root: &Path, before: &std::collections::BTreeMap<PathBuf, Vec<u8>>) -> Vec<PathBuf> {
    let after = snapshot(root);
    let resolved = root.canonicalize().expect("a root");
    let mut paths: Vec<&PathBuf> = after.iter().filter(|(p, b)| before.get(*p) != Some(*b)).map(|(p, _)| p).collect();
    paths.extend(before.keys().filter(|p| !after.contains_key(*p)));
    paths.into_iter().map(|p| resolved.join(p.strip_prefix(root).unwrap_or(p))).collect()
}

/// Waits until files just written are old enough for their stamps to be
/// trusted (`load::cache::RACY`), so that rebuilds reuse them.
fn settle() {
    std::thread::sleep(vitrine::load::cache::RACY + std::time::Duration::from_millis(20));
}

fn seeds() -> u64 {
    std::env::var("VITRINE_INCREMENTAL_SEEDS").ok().and_then(|s| s.parse().ok()).unwrap_or(3)
}

#[test]
fn rebuilds_equal_full_builds_on_a_bilingual_site() {
    let partial: usize = (1..=seeds()).map(|seed| check("bilingual", seed, 14)).sum();
    assert!(partial > 0, "vitrine build rendered every page after every edit");
}

#[test]
fn rebuilds_equal_full_builds_on_a_site_with_schedules() {
    let partial: usize = (100..100 + seeds()).map(|seed| check("minimal", seed, 14)).sum();
    assert!(partial > 0, "vitrine build rendered every page after every edit");
}

#[test]
fn an_edit_to_one_mooc_renders_only_the_pages_that_show_it() {
    let (_dir, root, mut session, first) = built("minimal", "incremental-few");
    assert!(first.rendered.contains(&"moocs/rage/index.html".to_string()));
    let file = root.join("content/moocs/reseaux.md");
    let text = fs::read_to_string(&file).expect("fixture");
    fs::write(&file, text + "\nUne phrase de plus.\n").expect("writable");
    let (_, update) = session.rebuild();
    let update = update.expect("rebuilds");
    // Its page, the pages of its platform and institution, and the lists.
    for shown in [
        "moocs/reseaux/index.html",
        "platforms/fun-mooc/index.html",
        "institutions/imt/index.html",
        "index.html",
        "moocs/index.html",
    ] {
        assert!(update.rendered.iter().any(|p| p == shown), "{shown} not rendered: {:?}", update.rendered);
    }
    // Not the pages that do not show it.
    for kept in [
        "moocs/rage/index.html",
        "moocs/paludisme/index.html",
        "institutions/institut-pasteur/index.html",
        "a-propos/index.html",
        "404.html",
        "parcours/index.html",
    ] {
        assert!(!update.rendered.iter().any(|p| p == kept), "{kept} rendered again: {:?}", update.rendered);
    }
    let page = String::from_utf8_lossy(&update.files["moocs/reseaux/index.html"]).to_string();
    assert!(page.contains("Une phrase de plus."), "the edit is served");
    // Nothing changed: nothing is rendered but the catalogue pages.
    let (_, again) = session.rebuild();
    let again = again.expect("rebuilds");
    assert_eq!(again.change, vitrine::serve::state::Change::None);
}

#[test]
fn a_template_edit_renders_only_the_pages_that_use_it() {
    let (_dir, root, mut session, _) = built("minimal", "incremental-template");
    fs::create_dir_all(root.join("templates")).expect("folder");
    let edited = edited_theme_template("platform.html", "<!-- plateforme modifiée -->");
    fs::write(root.join("templates/platform.html"), edited).expect("writable");
    let (_, update) = session.rebuild();
    let update = update.expect("rebuilds");
    let pages: Vec<&str> = update.rendered.iter().map(String::as_str).filter(|p| *p != "moocs/index.html").collect();
    assert_eq!(pages, ["platforms/fun-mooc/index.html"], "only the platform page uses platform.html");
    let page = String::from_utf8_lossy(&update.files["platforms/fun-mooc/index.html"]).to_string();
    assert!(page.contains("plateforme modifiée"));
}

#[test]
fn a_text_edit_is_previewed_with_the_pages_of_the_rebuild() {
    let (_dir, root, mut session, _) = built("minimal", "incremental-preview");
    let resolved = root.canonicalize().expect("a root");
    let edit = |session: &mut Session, file: &str, from: &str, to: &str| {
        let path = root.join(file);
        let text = fs::read_to_string(&path).expect("fixture");
        assert!(text.contains(from), "{file} has {from}");
        fs::write(&path, text.replacen(from, to, 1)).expect("writable");
        session.preview(&[resolved.join(file)])
    };
    // A new title and a new sentence: the MOOC's page and the list pages.
    let text = fs::read_to_string(root.join("content/moocs/reseaux.md")).expect("fixture");
    let title = text.lines().find(|l| l.starts_with("title = ")).expect("a title").to_string();
    let preview = edit(&mut session, "content/moocs/reseaux.md", &title, "title = \"Zéro réseau « sans fil »\"")
        .expect("a text edit is previewed");
    let (_, full) = vitrine::build_in_memory(&common::options(&root));
    let full = full.expect("builds");
    assert!(preview.contains_key("moocs/reseaux/index.html") && preview.contains_key("moocs/index.html"));
    for (path, bytes) in &preview {
        assert_eq!(full.get(path).map(|b| previewed(path, b)), Some(previewed(path, bytes)), "{path} differs");
    }
    let page = String::from_utf8_lossy(&preview["moocs/reseaux/index.html"]).to_string();
    assert!(page.contains("Zéro réseau « sans fil »"), "the new title is in the preview");
    assert!(session.rebuild().1.is_some(), "the rebuild after a preview succeeds");
    // Not previewed: a structural edit, a file with an error, a dangling
    // link, a file that is not a MOOC's.
    assert!(
        edit(&mut session, "content/moocs/reseaux.md", "start = 2024-01-08", "start = 2024-01-09").is_none(),
        "a session date"
    );
    assert!(session.rebuild().1.is_some());
    let broken = edit(&mut session, "content/moocs/reseaux.md", "title = \"Zéro", "title = \"Zéro\n\"");
    assert!(broken.is_none(), "a title the TOML parser refuses");
    assert!(session.rebuild().1.is_none());
    edit(&mut session, "content/moocs/reseaux.md", "title = \"Zéro\n\"", "title = \"Zéro");
    assert!(session.rebuild().1.is_some());
    assert!(session.preview(&[resolved.join("vitrine.toml")]).is_none(), "not a MOOC's file");
    let dangling =
        fs::read_to_string(root.join("content/moocs/reseaux.md")).expect("fixture") + "\n[x](@/moocs/absent.md)\n";
    fs::write(root.join("content/moocs/reseaux.md"), dangling).expect("writable");
    assert!(session.preview(&[resolved.join("content/moocs/reseaux.md")]).is_none(), "a dangling link");
    assert!(session.rebuild().1.is_none(), "the dangling link fails the rebuild");
}

#[test]
fn a_new_picture_under_the_same_name_renders_the_pages_that_show_it() {
    let (_dir, root, mut session, first) = built("bilingual", "incremental-picture");
    let old: Vec<&String> = first.files.keys().filter(|k| k.starts_with("moocs/hepatites/couverture.")).collect();
    assert!(!old.is_empty(), "the cover's files");
    fs::write(root.join("content/moocs/hepatites/couverture.png"), png(64, 32, 7)).expect("writable");
    let (_, update) = session.rebuild();
    let update = update.expect("rebuilds");
    for shown in ["moocs/hepatites/index.html", "en/moocs/hepatites/index.html", "index.html"] {
        assert!(update.rendered.iter().any(|p| p == shown), "{shown} not rendered: {:?}", update.rendered);
    }
    let page = String::from_utf8_lossy(&update.files["moocs/hepatites/index.html"]).to_string();
    assert!(page.contains("width=\"64\" height=\"32\""), "the new size is shown");
    assert!(old.iter().all(|k| !update.files.contains_key(*k)), "the old files are dropped");
    let new: Vec<&String> = update.files.keys().filter(|k| k.starts_with("moocs/hepatites/couverture.")).collect();
    assert!(!new.is_empty() && new.iter().all(|k| page.contains(k.as_str())), "{new:?}");
}
