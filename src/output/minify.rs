//! `--minify`: HTML, stylesheets and scripts made smaller as they are
//! written, without changing what a page shows or says.
//!
//! HTML goes through minify-html with its standard-compliant settings only:
//! whitespace is collapsed where it cannot show (`<pre>` and `<textarea>`
//! keep theirs, a space between two inline elements stays a space),
//! comments go, attribute quotes and optional tags stay (the live-reload
//! script of `vitrine serve` and the HTML checker see ordinary pages),
//! inline `<style>` and `<script>` are minified, and a script that is not
//! JavaScript (JSON-LD, `type="application/json"`) is left as it is.
//! Stylesheets (`.css`) go through lightningcss and scripts (`.js`) through
//! oxc, the minifiers minify-html uses inside pages; a file either cannot
//! read is written as it was. Tests compare the text and the accessibility
//! tree of every kind of page, minified or not, in Chromium
//! (`tests/browser/minify.test.js`).

use super::Sink;

/// A sink that minifies what it is given, then hands it to another.
pub struct Minifying<'a>(pub &'a dyn Sink);

impl Sink for Minifying<'_> {
    fn put(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        match minify(path, bytes) {
            Some(smaller) => self.0.put(path, &smaller),
            None => self.0.put(path, bytes),
        }
    }

    /// A kept file is as the last build minified it.
    fn keep(&self, path: &str) -> std::io::Result<()> {
        self.0.keep(path)
    }
}

/// `bytes` of the file `path`, minified; `None` when its kind is not
/// minified, or when minifying does not make it smaller.
pub fn minify(path: &str, bytes: &[u8]) -> Option<Vec<u8>> {
    let smaller = match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("html") => html(bytes),
        Some("css") => css(std::str::from_utf8(bytes).ok()?)?.into_bytes(),
        Some("js") => js(std::str::from_utf8(bytes).ok()?)?.into_bytes(),
        _ => return None,
    };
    (smaller.len() < bytes.len()).then_some(smaller)
}

fn html(bytes: &[u8]) -> Vec<u8> {
    let mut cfg = minify_html::Cfg::new();
    cfg.minify_css = true;
    cfg.minify_js = true;
    cfg.keep_closing_tags = true;
    cfg.keep_html_and_head_opening_tags = true;
    minify_html::minify(bytes, &cfg)
}

fn css(text: &str) -> Option<String> {
    use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
    let mut sheet = StyleSheet::parse(text, ParserOptions::default()).ok()?;
    sheet.minify(MinifyOptions::default()).ok()?;
    let printer = PrinterOptions { minify: true, ..PrinterOptions::default() };
    sheet.to_css(printer).ok().map(|out| out.code)
}

fn js(text: &str) -> Option<String> {
    use oxc_minifier::{CompressOptions, MangleOptions, Minifier, MinifierOptions};
    let allocator = oxc_allocator::Allocator::default();
    let parsed = oxc_parser::Parser::new(&allocator, text, oxc_span::SourceType::default()).parse();
    if !parsed.errors.is_empty() {
        return None;
    }
    let mut program = parsed.program;
    let options = MinifierOptions { mangle: Some(MangleOptions::default()), compress: Some(CompressOptions::safest()) };
    Minifier::new(options).minify(&allocator, &mut program);
    let codegen = oxc_codegen::CodegenOptions { minify: true, ..oxc_codegen::CodegenOptions::default() };
    Some(oxc_codegen::Codegen::new().with_options(codegen).build(&program).code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_what_shows_and_drops_what_does_not() {
        let page =
            "<!doctype html>\n<html lang=\"fr\">\n<head>\n  <title>T</title>\n</head>\n<body>\n  <!-- a note -->\n  \
                    <p>Un <em>mot</em> <strong>fort</strong></p>\n  <pre>  deux\n    lignes</pre>\n  \
                    <script type=\"application/ld+json\">{ \"@type\": \"Course\" }</script>\n</body>\n</html>\n";
        let out = String::from_utf8(minify("x/index.html", page.as_bytes()).expect("smaller")).expect("UTF-8");
        assert!(!out.contains("a note"), "{out}");
        assert!(out.contains("<em>mot</em> <strong>fort</strong>"), "the space between inline elements: {out}");
        assert!(out.contains("<pre>  deux\n    lignes</pre>"), "pre is untouched: {out}");
        assert!(out.contains("{ \"@type\": \"Course\" }"), "JSON-LD is not JavaScript: {out}");
        assert!(out.contains("<html lang=fr>") || out.contains("<html lang=\"fr\">"), "{out}");
        assert!(out.contains("</body>"), "closing tags stay: {out}");
    }

    #[test]
    fn minifies_stylesheets_and_scripts_and_leaves_the_rest() {
        let css = minify("style.css", b"a {\n  color: #ff0000;\n}\n").expect("smaller");
        assert_eq!(String::from_utf8_lossy(&css), "a{color:red}");
        let js = minify("x.js", b"function add(first, second) {\n  return first + second;\n}\nwindow.add = add;\n");
        let js = String::from_utf8(js.expect("smaller")).expect("UTF-8");
        assert!(!js.contains("\n  ") && js.contains("window.add=add"), "{js}");
        assert_eq!(minify("x.js", b"this is not ( javascript"), None, "left as it was");
        assert_eq!(minify("sitemap.xml", b"<urlset>  </urlset>"), None);
    }
}
