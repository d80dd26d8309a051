//! Images (`src/images/`): covers and images of bodies written at the widths
//! and formats of `[images]`, never upscaled, turned upright, without
//! metadata; responsive `<picture>`s with their sizes and translated text
//! alternatives; the cache (a second build encodes nothing, a damaged entry
//! is made again); pictures made for entities without one. Every image is
//! made in the test.

mod common;

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use common::{minimal_site_in, TempDir, TODAY};
use image::{DynamicImage, GenericImageView, ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};
use vitrine::Options;

/// A `w` x `h` image: red on its left half, blue on its right.
fn halves(w: u32, h: u32) -> DynamicImage {
    DynamicImage::ImageRgb8(RgbImage::from_fn(
        w,
        h,
        |x, _| if x < w / 2 { Rgb([220, 20, 20]) } else { Rgb([20, 20, 220]) },
    ))
}

fn encoded(img: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut bytes = Vec::new();
    img.write_to(&mut Cursor::new(&mut bytes), format).expect("encodes");
    bytes
}

/// A JPEG with an EXIF block saying "turn 90° clockwise to show" (6).
fn jpeg_turned(img: &DynamicImage) -> Vec<u8> {
    let jpeg = encoded(&DynamicImage::ImageRgb8(img.to_rgb8()), ImageFormat::Jpeg);
    // TIFF header (little endian), one IFD entry: Orientation (0x0112), SHORT, 1, 6.
    let mut tiff = b"II*\0\x08\0\0\0\x01\0".to_vec();
    tiff.extend_from_slice(&[0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0]);
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xff, 0xe1]);
    out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn write_bytes(root: &Path, rel: &str, bytes: &[u8]) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
    std::fs::write(path, bytes).expect("write");
}

/// The minimal site, bilingual, with `rage` a bundle: a 1000 x 500 cover,
/// a 200 x 100 transparent PNG in its body, both with English texts.
fn site(dir: &TempDir) -> PathBuf {
    let root = minimal_site_in(dir);
    let toml = std::fs::read_to_string(root.join("vitrine.toml")).expect("vitrine.toml");
    let toml = toml.replace("languages = [\"fr\"]", "languages = [\"fr\", \"en\"]");
    let toml = if toml.contains("languages") { toml } else { format!("languages = [\"fr\", \"en\"]\n{toml}") };
    std::fs::write(root.join("vitrine.toml"), toml).expect("write");
    let rage = std::fs::read_to_string(root.join("content/moocs/rage.md")).expect("rage");
    std::fs::remove_file(root.join("content/moocs/rage.md")).expect("remove");
    let rage = rage.replacen(
        "languages = [\"fr\"]\n",
        "languages = [\"fr\"]\ncover = \"couverture.jpg\"\ncover_alt = \"Un chien vacciné\"\n",
        1,
    );
    common::write(
        &root,
        "content/moocs/rage/index.md",
        &format!("{rage}\n![Le cycle du virus](img/cycle.png \"Cycle\")\n"),
    );
    common::write(
        &root,
        "content/moocs/rage/index.en.md",
        "+++\ntitle = \"Rabies\"\ncover_alt = \"A vaccinated dog\"\n+++\n\n![The cycle of the virus](img/cycle.png)\n",
    );
    write_bytes(&root, "content/moocs/rage/couverture.jpg", &encoded(&halves(1000, 500), ImageFormat::Jpeg));
    let transparent = DynamicImage::ImageRgba8(RgbaImage::from_pixel(200, 100, Rgba([0, 128, 0, 100])));
    write_bytes(&root, "content/moocs/rage/img/cycle.png", &encoded(&transparent, ImageFormat::Png));
    root
}

fn options(root: &Path, out: &Path, cache: &Path) -> Options {
    Options { output: Some(out.to_path_buf()), cache_dir: Some(cache.to_path_buf()), ..common::options(root) }
}

fn build(root: &Path, out: &Path, cache: &Path) -> vitrine::Report {
    let report = vitrine::build(&options(root, out, cache));
    let problems: Vec<String> = report.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(!report.has_errors(), "the build fails: {problems:?}");
    report
}

/// The files of `out` under `dir` whose names start with `stem.`.
fn files_of(out: &Path, dir: &str, stem: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(out.join(dir))
        .expect("the folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(&format!("{stem}.")))
        .collect();
    names.sort();
    names
}

/// The width of each file, by its name's end (`-640.webp` → 640).
fn widths(names: &[String], ext: &str) -> Vec<u32> {
    let mut w: Vec<u32> = names
        .iter()
        .filter_map(|n| n.strip_suffix(&format!(".{ext}")))
        .filter_map(|n| n.rsplit('-').next()?.parse().ok())
        .collect();
    w.sort_unstable();
    w
}

fn page(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn covers_and_body_images_are_written_at_each_width_and_format_never_upscaled() {
    let dir = TempDir::new("images-widths");
    let root = site(&dir);
    let out = dir.join("out");
    // The counters the terminal's progress line shows (src/main.rs).
    let progress = std::sync::Arc::new(vitrine::images::Progress::default());
    let opts = Options { progress: Some(std::sync::Arc::clone(&progress)), ..options(&root, &out, &dir.join("cache")) };
    let report = vitrine::build(&opts);
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    let counted = (progress.done.load(Ordering::Relaxed), progress.total.load(Ordering::Relaxed));
    assert_eq!(counted, (report.stats.images.sources, report.stats.images.sources), "every picture counted once");
    let covers = files_of(&out, "moocs/rage", "couverture");
    assert_eq!(widths(&covers, "webp"), [320, 640, 1000], "1280 would be upscaled: {covers:?}");
    assert_eq!(widths(&covers, "jpg"), [320, 640, 1000], "{covers:?}");
    let cycle = files_of(&out, "moocs/rage/img", "cycle");
    assert_eq!((widths(&cycle, "webp"), widths(&cycle, "png"), widths(&cycle, "jpg")), (vec![200], vec![200], vec![]));
    assert!(!out.join("moocs/rage/couverture.jpg").exists(), "the original (and its metadata) is not published");
    for name in &covers {
        let img = image::open(out.join("moocs/rage").join(name)).expect("decodes");
        let w: u32 = name.rsplit('-').next().and_then(|s| s.split('.').next()).and_then(|s| s.parse().ok()).expect("w");
        assert_eq!(img.dimensions(), (w, w / 2), "{name}");
    }
    let stats = report.stats.images;
    assert_eq!((stats.sources, stats.files, stats.encoded, stats.cached), (2, 8, 8, 0));

    // The MOOC's page: a picture with both formats, its size, loaded at once.
    let html = page(&out, "moocs/rage/index.html");
    let figure = common::region(&html, "<figure class=\"cover\"", "figure", "the cover");
    let webp = common::tags(figure, "source")[0];
    assert_eq!(common::attr(webp, "type"), Some("image/webp"));
    let srcset = common::attr(webp, "srcset").expect("srcset");
    assert!(srcset.contains("320w") && srcset.contains("640w") && srcset.ends_with("1000w"), "{srcset}");
    let img = common::tags(figure, "img")[0];
    assert_eq!((common::attr(img, "width"), common::attr(img, "height")), (Some("1000"), Some("500")), "{img}");
    assert!(
        common::attr(img, "src").is_some_and(|s| s.starts_with("/moocs/rage/couverture.") && s.ends_with("-1000.jpg"))
    );
    assert!(
        common::attr(img, "sizes").is_some() && common::attr(img, "loading").is_none(),
        "the hero is not lazy: {img}"
    );
    assert_eq!(common::attr(img, "alt"), Some("Un chien vacciné"));
    // The body's image: lazy, its text alternative and title from Markdown.
    let body_img = common::tags(&html, "img").into_iter().find(|t| t.contains("/img/cycle.")).expect("the body image");
    assert_eq!(common::attr(body_img, "alt"), Some("Le cycle du virus"));
    assert_eq!((common::attr(body_img, "title"), common::attr(body_img, "loading")), (Some("Cycle"), Some("lazy")));
    assert_eq!((common::attr(body_img, "width"), common::attr(body_img, "height")), (Some("200"), Some("100")));
    // Cards are lazy, with the same files.
    let list = page(&out, "moocs/index.html");
    let card = common::tags(&list, "img").into_iter().find(|t| t.contains("couverture.")).expect("the card's cover");
    assert_eq!((common::attr(card, "loading"), common::attr(card, "width")), (Some("lazy"), Some("1000")));
}

#[test]
fn english_pages_show_the_english_text_alternatives_of_the_same_files() {
    let dir = TempDir::new("images-alt");
    let root = site(&dir);
    let out = dir.join("out");
    build(&root, &out, &dir.join("cache"));
    let (fr, en) = (page(&out, "moocs/rage/index.html"), page(&out, "en/moocs/rage/index.html"));
    let cover = |html: &str| {
        common::tags(common::region(html, "<figure class=\"cover\"", "figure", "the cover"), "img")[0].to_string()
    };
    assert_eq!(common::attr(&cover(&en), "alt"), Some("A vaccinated dog"));
    assert_eq!(common::attr(&cover(&en), "srcset"), common::attr(&cover(&fr), "srcset"), "one set of files");
    let body = |html: &str| common::tags(html, "img").into_iter().find(|t| t.contains("/img/cycle.")).map(String::from);
    let en_body = body(&en).expect("the English body shows the bundle's image (a URL from the root)");
    assert_eq!(common::attr(&en_body, "alt"), Some("The cycle of the virus"));
    assert_eq!(common::attr(&en_body, "src"), body(&fr).as_deref().and_then(|t| common::attr(t, "src")));
    let en_list = page(&out, "en/moocs/index.html");
    let card = common::tags(&en_list, "img").into_iter().find(|t| t.contains("couverture.")).expect("card");
    assert_eq!(common::attr(card, "alt"), Some("A vaccinated dog"));
}

#[test]
fn the_exif_orientation_is_applied_and_metadata_dropped() {
    let dir = TempDir::new("images-exif");
    let root = site(&dir);
    // 400 x 200 as stored, left red, right blue; shown turned: 200 x 400,
    // red on top.
    write_bytes(&root, "content/moocs/rage/couverture.jpg", &jpeg_turned(&halves(400, 200)));
    let out = dir.join("out");
    build(&root, &out, &dir.join("cache"));
    let covers = files_of(&out, "moocs/rage", "couverture");
    assert_eq!(widths(&covers, "jpg"), [200], "{covers:?}");
    let bytes = std::fs::read(out.join("moocs/rage").join(covers.iter().find(|n| n.ends_with(".jpg")).expect("jpg")))
        .expect("read");
    assert!(!bytes.windows(4).any(|w| w == b"Exif"), "no EXIF block is published");
    let img = image::load_from_memory(&bytes).expect("decodes");
    assert_eq!(img.dimensions(), (200, 400));
    let (top, bottom) = (img.get_pixel(100, 20).0, img.get_pixel(100, 380).0);
    assert!(top[0] > 150 && top[2] < 100, "red on top: {top:?}");
    assert!(bottom[2] > 150 && bottom[0] < 100, "blue below: {bottom:?}");
    let html = page(&out, "moocs/rage/index.html");
    let img_tag = common::tags(common::region(&html, "<figure class=\"cover\"", "figure", "the cover"), "img")[0];
    assert_eq!((common::attr(img_tag, "width"), common::attr(img_tag, "height")), (Some("200"), Some("400")));
}

#[test]
fn a_second_build_encodes_nothing_and_a_damaged_cache_entry_is_made_again() {
    let dir = TempDir::new("images-cache");
    let root = site(&dir);
    let cache = dir.join("cache");
    let first = build(&root, &dir.join("out1"), &cache).stats.images;
    assert_eq!((first.encoded, first.cached), (8, 0));
    let second = build(&root, &dir.join("out2"), &cache).stats.images;
    assert_eq!((second.encoded, second.cached, second.files), (0, 8, 8), "nothing decoded again");
    assert_eq!(common::read_tree(&dir.join("out1")), common::read_tree(&dir.join("out2")));
    // One bit flipped in one entry: found, deleted, made again, never served.
    let entries: Vec<PathBuf> = walk(&cache.join("images"));
    assert_eq!(entries.len(), 8, "{entries:?}");
    let mut bytes = std::fs::read(&entries[3]).expect("an entry");
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(&entries[3], bytes).expect("write");
    let third = build(&root, &dir.join("out3"), &cache).stats.images;
    assert_eq!((third.damaged, third.encoded, third.cached), (1, 1, 7));
    assert_eq!(common::read_tree(&dir.join("out1")), common::read_tree(&dir.join("out3")));
    // A changed image is encoded again; the other is not.
    write_bytes(&root, "content/moocs/rage/couverture.jpg", &encoded(&halves(900, 300), ImageFormat::Jpeg));
    let fourth = build(&root, &dir.join("out4"), &cache).stats.images;
    assert_eq!((fourth.encoded, fourth.cached), (6, 2));
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if e.path().is_dir() {
            found.extend(walk(&e.path()));
        } else {
            found.push(e.path());
        }
    }
    found.sort();
    found
}

#[test]
fn the_cache_is_where_the_flag_or_the_environment_says() {
    let dir = TempDir::new("images-cache-dir");
    let root = site(&dir);
    let run = |args: &[&str], env: Option<&Path>| {
        let mut cmd = common::vitrine();
        cmd.arg("build").arg("--root").arg(&root).args(["--today", TODAY]).args(args);
        cmd.env_remove("VITRINE_CACHE_DIR");
        if let Some(e) = env {
            cmd.env("VITRINE_CACHE_DIR", e);
        }
        cmd.output().expect("runs")
    };
    let flag = dir.join("by-flag");
    let output = run(&["--cache-dir", flag.to_str().expect("utf-8")], None);
    assert!(output.status.success(), "{}", common::describe(&output));
    assert!(flag.join("images").is_dir() && !root.join(".vitrine-cache").exists());
    let env = dir.join("by-env");
    assert!(run(&[], Some(&env)).status.success());
    assert!(env.join("images").is_dir() && !root.join(".vitrine-cache").exists());
    let output = run(&[], None);
    assert!(String::from_utf8_lossy(&output.stderr).contains("from the cache"), "{}", common::describe(&output));
    assert!(root.join(".vitrine-cache/images").is_dir(), "the default, at the site's root");
    // Never in the output folder, nor among the sources.
    for bad in [root.join("public/cache"), root.join("content/cache")] {
        let output = run(&["--cache-dir", bad.to_str().expect("utf-8")], None);
        assert_eq!(output.status.code(), Some(2), "{}", common::describe(&output));
        assert!(String::from_utf8_lossy(&output.stderr).contains("the cache folder must be outside"));
    }
}

#[test]
fn an_svg_is_published_as_it_is_with_its_size() {
    let dir = TempDir::new("images-svg");
    let root = site(&dir);
    let svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 300 100\"><rect width=\"300\" height=\"100\"/></svg>";
    common::write(&root, "static/images/imt.svg", svg);
    let imt = std::fs::read_to_string(root.join("content/institutions/imt.md")).expect("imt");
    let imt = imt.replacen("+++\n", "+++\nlogo = \"/images/imt.svg\"\nlogo_alt = \"Logo de l’IMT\"\n", 1);
    common::write(&root, "content/institutions/imt.md", &imt);
    let out = dir.join("out");
    build(&root, &out, &dir.join("cache"));
    let files = files_of(&out, "images", "imt");
    assert_eq!(files.len(), 2, "the static file and its hashed copy: {files:?}");
    let hashed = files.iter().find(|n| *n != "imt.svg").expect("a hashed copy");
    assert_eq!(std::fs::read_to_string(out.join("images").join(hashed)).expect("read"), svg);
    let html = page(&out, "institutions/imt/index.html");
    let logo = common::tags(&html, "img").into_iter().find(|t| t.contains("class=\"logo\"")).expect("the logo");
    assert_eq!(common::attr(logo, "src").map(String::from), Some(format!("/images/{hashed}")));
    assert_eq!((common::attr(logo, "width"), common::attr(logo, "height")), (Some("300"), Some("100")));
}

#[test]
fn entities_without_a_picture_get_one_made_from_their_words() {
    let dir = TempDir::new("images-made");
    let root = site(&dir);
    // A title that would break markup if it were written as text.
    let reseaux = std::fs::read_to_string(root.join("content/moocs/reseaux.md")).expect("reseaux");
    let title = reseaux.lines().find(|l| l.starts_with("title = ")).expect("a title").to_string();
    let reseaux = reseaux.replacen(&title, "title = \"Réseaux </svg> & <script>alert(1)</script>\"", 1);
    common::write(&root, "content/moocs/reseaux.md", &reseaux);
    let out = dir.join("out");
    build(&root, &out, &dir.join("cache"));
    let made = files_of(&out, "moocs/reseaux", "cover");
    assert_eq!(made.len(), 1, "{made:?}");
    let svg = std::fs::read_to_string(out.join("moocs/reseaux").join(&made[0])).expect("read");
    assert!(svg.starts_with("<svg") && !svg.contains("script") && !svg.contains('&'), "the words are drawn");
    let html = page(&out, "moocs/reseaux/index.html");
    let img = common::tags(common::region(&html, "<figure class=\"cover\"", "figure", "the cover"), "img")[0];
    assert_eq!(common::attr(img, "src").map(String::from), Some(format!("/moocs/reseaux/{}", made[0])));
    assert_eq!((common::attr(img, "alt"), common::attr(img, "width")), (Some(""), Some("1280")), "decorative");
    // The same in English (no translation): its own file, in its folder.
    assert_eq!(files_of(&out, "en/moocs/reseaux", "cover"), made);
    // An institution without a logo gets its initials.
    let marks = files_of(&out, "institutions/institut-pasteur", "logo");
    assert_eq!(marks.len(), 1, "{marks:?}");
    let html = page(&out, "institutions/institut-pasteur/index.html");
    assert!(html.contains(&format!("src=\"/institutions/institut-pasteur/{}\"", marks[0])));
    // The same words give the same bytes.
    let again = dir.join("again");
    build(&root, &again, &dir.join("cache"));
    assert_eq!(common::read_tree(&out), common::read_tree(&again));
}
