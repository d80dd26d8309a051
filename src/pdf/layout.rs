//! Placing a document's blocks on A4 pages: lines of text, table rows
//! with their borders and backgrounds, page breaks, and the outline
//! (headings, for the reader's bookmarks). Coordinates are in points from
//! the top left of the page; text is placed by its baseline.

use crate::pdf::text::{Measure, Piece};
use crate::pdf::{Block, Cell, Doc, Size, Span, Table};

pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 50.0;
/// Room kept at the bottom of each page for its footer.
const FOOTER: f32 = 28.0;
const WIDTH: f32 = PAGE_W - 2.0 * MARGIN;
const BOTTOM: f32 = PAGE_H - MARGIN - FOOTER;
const LEADING: f32 = 1.38;
const CELL_PAD: f32 = 3.0;
const TABLE_SIZE: f32 = 7.5;

/// Something drawn on a page. Text belongs to a node of the document's
/// structure (`node`), or is an artifact (a page's footer, a table's header
/// repeated on a new page); lines and fills are artifacts.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        text: String,
        link: Option<String>,
        width: f32,
        gray: bool,
        node: Option<usize>,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        rgb: [u8; 3],
    },
}

/// A heading, for the outline: level, text, page and top.
pub struct Mark {
    pub level: u8,
    pub text: String,
    pub page: usize,
    pub y: f32,
}

/// What a node of the structure is (a tag of tagged PDF).
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Title,
    Heading(u8, String),
    Paragraph,
    List,
    ListItem,
    Label,
    ListBody,
    Table,
    Caption,
    Row,
    /// A header cell: of its column (`true`) or of its row.
    Header(bool),
    Cell,
}

/// A node of the document's structure, in reading order; its parent
/// comes before it.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub kind: Kind,
    pub parent: Option<usize>,
}

pub struct Laid {
    pub pages: Vec<Vec<Item>>,
    pub outline: Vec<Mark>,
    pub nodes: Vec<Node>,
}

struct Cursor<'a> {
    m: &'a Measure<'a>,
    pages: Vec<Vec<Item>>,
    outline: Vec<Mark>,
    nodes: Vec<Node>,
    y: f32,
}

impl Cursor<'_> {
    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// A new page unless `h` points still fit on this one (or it is empty).
    fn room(&mut self, h: f32) {
        if self.y + h > BOTTOM && self.y > MARGIN {
            self.new_page();
        }
    }

    /// A new node of the structure, under `parent`.
    fn node(&mut self, kind: Kind, parent: Option<usize>) -> usize {
        self.nodes.push(Node { kind, parent });
        self.nodes.len() - 1
    }

    fn draw(&mut self, item: Item) {
        if let Some(page) = self.pages.last_mut() {
            page.push(item);
        }
    }

    /// Lines of text of node `node` at `x`, breaking pages between lines.
    fn lines(&mut self, lines: Vec<Vec<Piece>>, x: f32, size: f32, gray: bool, node: usize) {
        let line_h = size * LEADING;
        for line in lines {
            self.room(line_h);
            let baseline = self.y + size;
            for p in line {
                self.draw(Item::Text {
                    x: x + p.x,
                    y: baseline,
                    size,
                    bold: p.bold,
                    text: p.text,
                    link: p.link,
                    width: p.width,
                    gray,
                    node: Some(node),
                });
            }
            self.y += line_h;
        }
    }

    /// A paragraph of its own (a node of `kind`).
    fn paragraph(&mut self, kind: Kind, spans: &[Span], size: f32, gray: bool) {
        let lines = self.m.wrap(spans, size, WIDTH);
        let node = self.node(kind, None);
        self.lines(lines, MARGIN, size, gray, node);
    }
}

/// Every page of `doc`, and its outline.
pub fn lay_out(doc: &Doc, m: &Measure) -> Laid {
    let mut c = Cursor { m, pages: Vec::new(), outline: Vec::new(), nodes: Vec::new(), y: MARGIN };
    c.new_page();
    for block in &doc.blocks {
        match block {
            Block::Title(text) => {
                c.y += 120.0;
                c.paragraph(Kind::Title, &[Span::bold(text.as_str())], 24.0, false);
                c.y += 10.0;
            }
            Block::Heading(level, text) => {
                let size = match level {
                    1 => 17.0,
                    2 => 13.0,
                    _ => 10.5,
                };
                // Keep a heading with at least three lines of what follows.
                let lines = m.wrap(&[Span::bold(text.as_str())], size, WIDTH);
                c.room(lines.len() as f32 * size * LEADING + size * 0.8 + 3.0 * 9.5 * LEADING);
                c.y += if c.y > MARGIN { size * 0.8 } else { 0.0 };
                c.outline.push(Mark { level: *level, text: text.clone(), page: c.pages.len() - 1, y: c.y });
                let node = c.node(Kind::Heading(*level, text.clone()), None);
                c.lines(lines, MARGIN, size, false, node);
                c.y += size * 0.3;
            }
            Block::Paragraph(spans, size) => {
                let (size, gray) = match size {
                    Size::Lead => (12.0, false),
                    Size::Body => (9.5, false),
                    Size::Small => (8.0, true),
                };
                c.paragraph(Kind::Paragraph, spans, size, gray);
                c.y += size * 0.5;
            }
            Block::Bullets(items) => {
                let list = c.node(Kind::List, None);
                for item in items {
                    let lines = m.wrap(item, 9.5, WIDTH - 12.0);
                    c.room(9.5 * LEADING);
                    let li = c.node(Kind::ListItem, Some(list));
                    let label = c.node(Kind::Label, Some(li));
                    c.draw(Item::Text {
                        x: MARGIN + 2.0,
                        y: c.y + 9.5,
                        size: 9.5,
                        bold: false,
                        text: "•".into(),
                        link: None,
                        width: 5.0,
                        gray: false,
                        node: Some(label),
                    });
                    let body = c.node(Kind::ListBody, Some(li));
                    c.lines(lines, MARGIN + 12.0, 9.5, false, body);
                }
                c.y += 4.0;
            }
            Block::Facts(facts) => facts_block(&mut c, facts),
            Block::Table(t) => table(&mut c, t),
            Block::Gap(h) => c.y += h,
            Block::PageBreak => c.new_page(),
        }
    }
    footers(doc, m, &mut c.pages);
    Laid { pages: c.pages, outline: c.outline, nodes: c.nodes }
}

/// The footer of each page: the document's footer text on the left, the
/// page's number on the right.
fn footers(doc: &Doc, m: &Measure, pages: &mut [Vec<Item>]) {
    let (y, size, total) = (PAGE_H - 36.0, 7.5, pages.len());
    for (n, page) in pages.iter_mut().enumerate() {
        let label = doc.page_label.replace("{n}", &(n + 1).to_string()).replace("{total}", &total.to_string());
        let width = m.width(&label, false, size);
        for (x, text, width) in
            [(MARGIN, doc.footer.clone(), m.width(&doc.footer, false, size)), (PAGE_W - MARGIN - width, label, width)]
        {
            if !text.is_empty() {
                page.push(Item::Text { x, y, size, bold: false, text, link: None, width, gray: true, node: None });
            }
        }
    }
}

/// Label–value lines: labels in bold in a column a third of the width;
/// a table of two columns for the structure, labels heading their rows.
fn facts_block(c: &mut Cursor, facts: &[(String, Vec<Span>)]) {
    let label_w = WIDTH * 0.3;
    let table = c.node(Kind::Table, None);
    for (label, value) in facts {
        let row = c.node(Kind::Row, Some(table));
        let (head, cell) = (c.node(Kind::Header(false), Some(row)), c.node(Kind::Cell, Some(row)));
        let labels = c.m.wrap(&[Span::bold(label.as_str())], 9.5, label_w - 8.0);
        let values = c.m.wrap(value, 9.5, WIDTH - label_w);
        let h = labels.len().max(values.len()) as f32 * 9.5 * LEADING;
        c.room(h.min(4.0 * 9.5 * LEADING));
        let top = c.y;
        c.lines(labels, MARGIN, 9.5, false, head);
        let after_labels = (c.pages.len(), c.y);
        c.y = top;
        let page = c.pages.len();
        c.lines(values, MARGIN + label_w, 9.5, false, cell);
        if c.pages.len() == page && after_labels.0 == page {
            c.y = c.y.max(after_labels.1);
        }
        c.y += 2.0;
    }
    c.y += 4.0;
}

/// A cell of a table, measured: where it is, its lines, how it looks.
struct Measured {
    x: f32,
    w: f32,
    lines: Vec<Vec<Piece>>,
    center: bool,
    fill: Option<[u8; 3]>,
}

/// A row of a table, measured: its cells and its height.
struct Row {
    cells: Vec<Measured>,
    height: f32,
}

fn measure_row(m: &Measure, cells: &[Cell], xs: &[f32], header: bool) -> Row {
    let mut col = 0;
    let mut out = Vec::new();
    let mut lines_max = 1;
    for cell in cells {
        let end = (col + cell.columns.max(1)).min(xs.len() - 1);
        let (x, w) = (xs[col], xs[end] - xs[col]);
        let spans: Vec<Span> = cell.spans.iter().map(|s| Span { bold: s.bold || header, ..s.clone() }).collect();
        let lines = m.wrap(&spans, TABLE_SIZE, w - 2.0 * CELL_PAD);
        lines_max = lines_max.max(lines.len());
        let fill = cell.fill.or(if header { Some([232, 236, 242]) } else { None });
        out.push(Measured { x, w, lines, center: cell.center, fill });
        col = end;
    }
    Row { cells: out, height: lines_max as f32 * TABLE_SIZE * LEADING + 2.0 * CELL_PAD }
}

/// A row at the cursor. Its text belongs to `nodes` (one for each cell),
/// or is an artifact (`None`: a header row repeated on a new page).
fn draw_row(c: &mut Cursor, row: &Row, nodes: Option<&[usize]>) {
    let top = c.y;
    for (k, Measured { x, w, lines, center, fill }) in row.cells.iter().enumerate() {
        let node = nodes.and_then(|n| n.get(k).copied());
        if let Some(rgb) = fill {
            c.draw(Item::Fill { x: *x, y: top, w: *w, h: row.height, rgb: *rgb });
        }
        for (i, line) in lines.iter().enumerate() {
            let line_w = line.last().map_or(0.0, |p| p.x + p.width);
            let dx = if *center { (w - line_w) / 2.0 } else { CELL_PAD };
            let baseline = top + CELL_PAD + TABLE_SIZE + i as f32 * TABLE_SIZE * LEADING;
            for p in line {
                c.draw(Item::Text {
                    x: x + dx + p.x,
                    y: baseline,
                    size: TABLE_SIZE,
                    bold: p.bold,
                    text: p.text.clone(),
                    link: p.link.clone(),
                    width: p.width,
                    gray: false,
                    node,
                });
            }
        }
        c.draw(Item::Line { x1: *x, y1: top, x2: *x, y2: top + row.height, width: 0.4 });
        c.draw(Item::Line { x1: x + w, y1: top, x2: x + w, y2: top + row.height, width: 0.4 });
    }
    let (left, right) = (MARGIN, row.cells.last().map_or(MARGIN, |m| m.x + m.w));
    c.draw(Item::Line { x1: left, y1: top, x2: right, y2: top, width: 0.4 });
    c.draw(Item::Line { x1: left, y1: top + row.height, x2: right, y2: top + row.height, width: 0.4 });
    c.y += row.height;
}

/// A table: its caption, then its rows; header rows again at the top of
/// each page it continues on.
fn table(c: &mut Cursor, t: &Table) {
    let total: f32 = t.widths.iter().sum::<f32>().max(f32::EPSILON);
    let mut xs = vec![MARGIN];
    for w in &t.widths {
        let last = xs.last().copied().unwrap_or(MARGIN);
        xs.push(last + w / total * WIDTH);
    }
    let header: Vec<Row> = t.rows.iter().take(t.header_rows).map(|r| measure_row(c.m, r, &xs, true)).collect();
    let body: Vec<Row> = t.rows.iter().skip(t.header_rows).map(|r| measure_row(c.m, r, &xs, false)).collect();
    let header_h: f32 = header.iter().map(|r| r.height).sum();
    let caption = c.m.wrap(&[Span::bold(t.caption.as_str())], 9.5, WIDTH);
    let first_row = body.first().map_or(0.0, |r| r.height);
    c.room(caption.len() as f32 * 9.5 * LEADING + header_h + first_row);
    let table = c.node(Kind::Table, None);
    let node = c.node(Kind::Caption, Some(table));
    c.lines(caption, MARGIN, 9.5, false, node);
    c.y += 3.0;
    // Cells: a header row's head their column, a body row's first cell
    // heads its row.
    let cells = |c: &mut Cursor, r: &Row, header: bool| -> Vec<usize> {
        let row = c.node(Kind::Row, Some(table));
        (0..r.cells.len())
            .map(|k| {
                let kind = if header {
                    Kind::Header(true)
                } else if k == 0 {
                    Kind::Header(false)
                } else {
                    Kind::Cell
                };
                c.node(kind, Some(row))
            })
            .collect()
    };
    for r in &header {
        let nodes = cells(c, r, true);
        draw_row(c, r, Some(&nodes));
    }
    for r in &body {
        if c.y + r.height > BOTTOM {
            c.new_page();
            for h in &header {
                draw_row(c, h, None);
            }
        }
        let nodes = cells(c, r, false);
        draw_row(c, r, Some(&nodes));
    }
    c.y += 8.0;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::Size;

    fn doc(blocks: Vec<Block>) -> Doc {
        Doc {
            title: "t".into(),
            lang: "fr".into(),
            date: jiff::civil::date(2026, 11, 23),
            footer: String::new(),
            page_label: String::new(),
            blocks,
        }
    }

    fn texts(page: &[Item]) -> Vec<(f32, String)> {
        page.iter()
            .filter_map(|i| match i {
                Item::Text { y, text, .. } => Some((*y, text.clone())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn long_text_flows_onto_new_pages_inside_the_margins() {
        let fonts = crate::pdf::theme_fonts();
        let m = Measure::new(&fonts).expect("fonts");
        let para = Block::Paragraph(vec![Span::plain("mot ".repeat(3000))], Size::Body);
        let laid = lay_out(&doc(vec![Block::Heading(1, "Titre".into()), para]), &m);
        assert!(laid.pages.len() >= 3, "{} pages", laid.pages.len());
        for page in &laid.pages {
            for (y, _) in texts(page) {
                assert!((MARGIN..=BOTTOM).contains(&y), "y = {y}");
            }
        }
        assert_eq!(laid.outline.len(), 1);
    }

    #[test]
    fn a_table_repeats_its_header_rows_on_each_page() {
        let fonts = crate::pdf::theme_fonts();
        let m = Measure::new(&fonts).expect("fonts");
        let mut rows = vec![vec![Cell::new(vec![Span::plain("MOOC")]), Cell::new(vec![Span::plain("2027")])]];
        for i in 0..150 {
            rows.push(vec![Cell::new(vec![Span::plain(format!("Ligne {i}"))]), Cell::new(vec![Span::plain("●")])]);
        }
        let t = Table { caption: "Calendrier".into(), widths: vec![3.0, 1.0], header_rows: 1, rows };
        let laid = lay_out(&doc(vec![Block::Table(t)]), &m);
        assert!(laid.pages.len() >= 2);
        for page in &laid.pages {
            assert!(texts(page).iter().any(|(_, t)| t == "MOOC"), "a page without the header");
        }
        let all: Vec<String> = laid.pages.iter().flat_map(|p| texts(p)).map(|(_, t)| t).collect();
        assert!((0..150).all(|i| all.contains(&format!("Ligne {i}"))));
    }
}
