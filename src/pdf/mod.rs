//! A4 documents as PDF files: the small typesetter of the brochure
//! (`render/brochure.rs` says what is in it).
//!
//! A [`Doc`] is a list of [`Block`]s (titles, headings, paragraphs, lists,
//! label–value facts, tables). `layout.rs` breaks their text into lines
//! with the fonts' advance widths (`text.rs`) and places them on A4 pages,
//! breaking pages between lines and table rows (a table's header rows are
//! repeated on each page it spans, a heading is never left alone at the
//! bottom of a page); `write.rs` draws the pages with krilla, which embeds
//! a subset of each font and writes the file. No browser, no network, no
//! clock: the same document gives the same bytes (its date is the one the
//! document says, the build date).
//!
//! The fonts are the theme's (`brochure/` of the default theme: DejaVu Sans,
//! whose glyphs cover the Latin languages with their accents, and the
//! grid's symbols).

mod layout;
mod text;
mod write;

use std::borrow::Cow;

use jiff::civil::Date;

/// A document to print.
pub struct Doc {
    pub title: String,
    /// Language of the text (`fr`), in the file's metadata.
    pub lang: String,
    /// The date written in the metadata (the build date).
    pub date: Date,
    /// At the bottom left of every page.
    pub footer: String,
    /// At the bottom right of every page, `{n}` and `{total}` replaced:
    /// "Page {n} / {total}".
    pub page_label: String,
    pub blocks: Vec<Block>,
}

/// A piece of a document, laid out from top to bottom.
pub enum Block {
    /// The big title of a cover page.
    Title(String),
    /// A heading: 1 (a part), 2 (a section), 3.
    Heading(u8, String),
    Paragraph(Vec<Span>, Size),
    /// A bulleted list, one item a list of spans.
    Bullets(Vec<Vec<Span>>),
    /// Label–value lines, labels in a column of their own.
    Facts(Vec<(String, Vec<Span>)>),
    Table(Table),
    /// Vertical space, in points.
    Gap(f32),
    PageBreak,
}

/// The size of a paragraph's text.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Size {
    Lead,
    Body,
    Small,
}

/// A run of text in one style, perhaps a link.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub link: Option<String>,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span { text: text.into(), bold: false, link: None }
    }

    pub fn bold(text: impl Into<String>) -> Span {
        Span { text: text.into(), bold: true, link: None }
    }

    pub fn link(text: impl Into<String>, url: impl Into<String>) -> Span {
        Span { text: text.into(), bold: false, link: Some(url.into()) }
    }
}

/// A table: a caption, column widths (relative), rows of cells; the first
/// `header_rows` rows are headers, repeated on each page.
pub struct Table {
    pub caption: String,
    pub widths: Vec<f32>,
    pub header_rows: usize,
    pub rows: Vec<Vec<Cell>>,
}

/// A cell of a table.
#[derive(Clone, Debug)]
pub struct Cell {
    pub spans: Vec<Span>,
    /// Columns it spans (1 or more).
    pub columns: usize,
    pub center: bool,
    /// Background, as an RGB colour.
    pub fill: Option<[u8; 3]>,
}

impl Cell {
    pub fn new(spans: Vec<Span>) -> Cell {
        Cell { spans, columns: 1, center: false, fill: None }
    }
}

/// The two faces of the document's font, as TrueType or OpenType data.
pub struct Fonts {
    pub regular: Cow<'static, [u8]>,
    pub bold: Cow<'static, [u8]>,
}

/// Why a PDF cannot be made. Put in words by the caller (it knows the
/// language of the run): this layer says no sentence.
#[derive(Debug, Clone, PartialEq)]
pub enum PdfError {
    /// A face of the font (`regular` or `bold`) that does not load, with
    /// the parser's reason when it gives one.
    Font { face: &'static str, detail: Option<String> },
    /// krilla refused the document, for its reason.
    Write(String),
}

/// The PDF file of `doc`, or why it cannot be made (a font that does not
/// load).
pub fn render(doc: &Doc, fonts: &Fonts) -> Result<Vec<u8>, PdfError> {
    let measure = text::Measure::new(fonts)?;
    let laid = layout::lay_out(doc, &measure);
    write::write(doc, &laid, fonts)
}

/// The default theme's fonts, read from the repository (for the tests).
#[cfg(test)]
pub(crate) fn theme_fonts() -> Fonts {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/themes/default/brochure/");
    let read = |name: &str| Cow::Owned(std::fs::read(format!("{dir}{name}")).expect("the theme's fonts"));
    Fonts { regular: read("DejaVuSans.ttf"), bold: read("DejaVuSans-Bold.ttf") }
}
