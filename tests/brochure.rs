//! The printable brochure (issue 22): `vitrine brochure` writes an A4 PDF
//! that, read back with `pdftotext` (Debian's poppler-utils, which
//! `.ci/run` installs), holds every MOOC title of the parcours and the
//! periods of its broadcast grid as a table row; the same content and date
//! give the same bytes; `[brochure]` makes the build write the same file
//! beside the parcours page, in each language, linked from it.

mod common;

use std::path::Path;
use std::process::Command;

use common::{describe, repo_root, vitrine, TempDir, TODAY};

/// `vitrine brochure --root <bundled site> --today TODAY ARGS…`.
fn brochure(args: &[&str]) -> std::process::Output {
    vitrine()
        .arg("brochure")
        .arg("--root")
        .arg(repo_root())
        .args(["--today", TODAY])
        .args(args)
        .output()
        .expect("run vitrine brochure")
}

/// The text of a PDF, as `pdftotext -layout` reads it.
fn pdf_text(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (Debian's poppler-utils: apt-get install poppler-utils) reads the brochure");
    assert!(
        output.status.success(),
        "pdftotext failed on {}: {}",
        pdf.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 text")
}

/// The `title` of each MOOC of the DNM2IP, in the parcours' order.
fn dnm2ip_titles() -> Vec<String> {
    let parcours = std::fs::read_to_string(repo_root().join("content/parcours/dnm2ip.md")).expect("dnm2ip.md");
    let list = parcours.split("moocs = [").nth(1).and_then(|r| r.split(']').next()).expect("a moocs list");
    list.split(',')
        .map(|s| s.trim().trim_matches('"'))
        .filter(|s| !s.is_empty())
        .map(|slug| {
            // A MOOC is a file or a bundle (a folder with its cover).
            let file = repo_root().join(format!("content/moocs/{slug}.md"));
            let file = if file.exists() { file } else { repo_root().join(format!("content/moocs/{slug}/index.md")) };
            let text = std::fs::read_to_string(file).expect(slug);
            let line = text.lines().find(|l| l.starts_with("title = ")).expect("a title");
            line.trim_start_matches("title = ").trim_matches('"').replace("\\\"", "\"")
        })
        .collect()
}

/// Text with its runs of white space made one space (a title may be
/// broken over two lines of a table cell).
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_dnm2ip_brochure_holds_every_mooc_and_the_grid_and_is_the_same_twice() {
    let dir = TempDir::new("brochure-dnm2ip");
    let (a, b) = (dir.join("a.pdf"), dir.join("b.pdf"));
    for file in [&a, &b] {
        let output = brochure(&["--parcours", "dnm2ip", "--output", file.to_str().expect("utf-8")]);
        assert!(output.status.success(), "{}", describe(&output));
    }
    let bytes = std::fs::read(&a).expect("the PDF");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF file");
    assert_eq!(bytes, std::fs::read(&b).expect("the second PDF"), "two runs give the same bytes");
    let text = pdf_text(&a);
    let flat = squeeze(&text);
    assert!(flat.contains("Diplôme Numérique des Maladies Infectieuses de l'Institut Pasteur"), "{text}");
    let titles = dnm2ip_titles();
    assert_eq!(titles.len(), 18);
    for title in &titles {
        assert!(flat.contains(title.as_str()), "the brochure lacks the MOOC {title:?}");
    }
    // The grid, a table: its caption, its years, and the periods of
    // 2024-T2 to 2027-T4 in one header row, in order.
    assert!(flat.contains("Calendrier de diffusion du DNM2IP, par trimestre, de T2 2024 à T4 2027"), "{text}");
    let periods = "T2 T3 T4 T1 T2 T3 T4 T1 T2 T3 T4 T1 T2 T3 T4";
    assert!(text.lines().any(|l| squeeze(l) == periods), "no header row of the 15 quarters in:\n{text}");
    assert!(text.lines().any(|l| squeeze(l) == "MOOC 2024 2025 2026 2027"), "no row of years in:\n{text}");
    // Every MOOC is a row of the table: its title then its cells' symbols.
    for title in &titles {
        let first_word = title.split_whitespace().next().unwrap_or_default();
        assert!(
            text.lines().any(|l| l.trim_start().starts_with(first_word) && l.contains(['●', '◆', '○', '✓'])),
            "no grid row for {title}"
        );
    }
    // Sessions, certificate and address.
    assert!(flat.contains("11 janvier 2027 – 14 mars 2027"), "a session's dates");
    assert!(flat.contains("Parcours certifiant 150 €"), "the certificate");
    assert!(flat.contains("https://moocs.example.org/moocs/vaccinology/"), "the MOOC's address");
    assert!(flat.contains("Page 1 sur "), "numbered pages");
}

/// `pdfinfo -struct-text`: the tagged structure of a PDF, with its text.
fn structure(pdf: &Path) -> String {
    let output = Command::new("pdfinfo").arg("-struct-text").arg(pdf).output().expect("pdfinfo (poppler-utils)");
    assert!(output.status.success(), "pdfinfo failed: {}", String::from_utf8_lossy(&output.stderr));
    // Lossy: poppler prints the headings' titles (UTF-16) as they are.
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn the_brochure_is_a_tagged_pdf_whose_grid_is_a_table_with_header_cells() {
    let dir = TempDir::new("brochure-tags");
    let pdf = dir.join("b.pdf");
    let output = brochure(&["--parcours", "dnm2ip", "--output", pdf.to_str().expect("utf-8")]);
    assert!(output.status.success(), "{}", describe(&output));
    let info = Command::new("pdfinfo").arg(&pdf).output().expect("pdfinfo");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.lines().any(|l| squeeze(l) == "Tagged: yes"), "{info}");
    let tree = structure(&pdf);
    for tag in ["H1", "H2", "P", "L", "LI", "LBody", "Table", "Caption", "TR", "TH", "TD", "Link"] {
        assert!(tree.lines().any(|l| l.trim_start().starts_with(tag)), "no {tag} in the structure:\n{tree}");
    }
    // The grid's periods are column headers, its MOOCs row headers.
    let lines: Vec<&str> = tree.lines().collect();
    // A header cell: `TH:`, its scope, then its text in quotes.
    let header_text =
        |i: usize| lines[i + 1..].iter().take(3).map(|l| l.trim()).find(|l| l.starts_with('"')).unwrap_or_default();
    let headers: Vec<&str> =
        (0..lines.len()).filter(|&i| lines[i].trim_start().starts_with("TH")).map(header_text).collect();
    for want in ["\"T2\"", "\"T4\"", "\"2027\"", "Innate Immunity ★", "WaterBorne Disease", "Titre délivré"] {
        assert!(headers.iter().any(|h| h.contains(want)), "no header cell {want:?} in {headers:?}");
    }
    assert!(tree.contains("/Scope /Column") && tree.contains("/Scope /Row"), "column and row headers");
}

#[test]
fn a_brochure_in_english_and_one_of_the_whole_catalogue() {
    let dir = TempDir::new("brochure-other");
    let en = dir.join("en.pdf");
    let output = brochure(&["--parcours", "dnm2ip", "--lang", "en", "--output", en.to_str().expect("utf-8")]);
    assert!(output.status.success(), "{}", describe(&output));
    let text = squeeze(&pdf_text(&en));
    assert!(text.contains("Institut Pasteur Digital Diploma in Infectious Diseases"), "{text}");
    assert!(text.contains("Page 1 of "));
    assert!(text.contains("https://moocs.example.org/en/moocs/vaccinology/"));
    let all = dir.join("all.pdf");
    let output = brochure(&["--output", all.to_str().expect("utf-8")]);
    assert!(output.status.success(), "{}", describe(&output));
    let text = squeeze(&pdf_text(&all));
    for title in ["ABC du langage C", "Modéliser en 3D avec FreeCAD", "Vaccinology", "Unlock your English"] {
        assert!(text.contains(title), "the catalogue's brochure lacks {title}");
    }
}

#[test]
fn a_parcours_or_language_that_does_not_exist_is_said_with_a_suggestion() {
    let dir = TempDir::new("brochure-errors");
    let out = dir.join("x.pdf");
    let output = brochure(&["--parcours", "dnm2pi", "--output", out.to_str().expect("utf-8")]);
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("there is no parcours `dnm2pi`") && err.contains("did you mean `dnm2ip`?"), "{err}");
    let output = brochure(&["--lang", "de", "--output", out.to_str().expect("utf-8")]);
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    assert!(String::from_utf8_lossy(&output.stderr).contains("`de` is not a language of this site"));
    assert!(!out.exists(), "nothing written");
}

#[test]
fn the_build_writes_each_brochure_beside_its_parcours_page_and_links_it() {
    let dir = TempDir::new("brochure-build");
    let out = dir.join("out");
    common::build_ok(&repo_root(), &out);
    let cli = dir.join("cli.pdf");
    let output = brochure(&["--parcours", "dnm2ip", "--output", cli.to_str().expect("utf-8")]);
    assert!(output.status.success(), "{}", describe(&output));
    let built = std::fs::read(out.join("parcours/dnm2ip/brochure.pdf")).expect("the build's brochure");
    assert_eq!(built, std::fs::read(&cli).expect("the command's"), "the build and the command give the same file");
    for (prefix, label) in [("", "Brochure à imprimer (PDF, A4)"), ("en/", "Printable brochure (PDF, A4)")] {
        let page = std::fs::read_to_string(out.join(format!("{prefix}parcours/dnm2ip/index.html"))).expect("page");
        assert!(page.contains(&format!("href=\"/{prefix}parcours/dnm2ip/brochure.pdf\"")), "{prefix}: no link");
        assert!(page.contains(label));
        assert!(out.join(format!("{prefix}parcours/programmation-langage-c/brochure.pdf")).is_file());
    }
}
