//! Measuring and breaking text: the width of a run in a face and size,
//! from the font's advance widths (kerning, which only brings letters
//! closer, is left out, so a line measured to fit does fit), and greedy
//! line breaking at spaces, a word wider than the line being cut between
//! letters.

use std::cell::RefCell;
use std::collections::HashMap;

use ttf_parser::Face;

use crate::pdf::{Fonts, PdfError, Span};

/// The two faces of the document's font, parsed once.
pub struct Measure<'a> {
    regular: Face<'a>,
    bold: Face<'a>,
    /// Widths of words already measured, in font units, by face.
    cache: RefCell<HashMap<(bool, String), f32>>,
}

/// A piece of a line: text in one style at an offset from the line's start.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    pub text: String,
    pub bold: bool,
    pub link: Option<String>,
    pub x: f32,
    pub width: f32,
}

impl<'a> Measure<'a> {
    pub fn new(fonts: &'a Fonts) -> Result<Measure<'a>, PdfError> {
        let face = |data: &'a [u8], face: &'static str| {
            Face::parse(data, 0).map_err(|e| PdfError::Font { face, detail: Some(e.to_string()) })
        };
        Ok(Measure {
            regular: face(&fonts.regular, "regular")?,
            bold: face(&fonts.bold, "bold")?,
            cache: RefCell::new(HashMap::new()),
        })
    }

    /// Width of `text` in points at `size`.
    pub fn width(&self, text: &str, bold: bool, size: f32) -> f32 {
        let face = if bold { &self.bold } else { &self.regular };
        let key = (bold, text.to_string());
        let units = *self.cache.borrow_mut().entry(key).or_insert_with(|| {
            text.chars()
                .map(|c| {
                    let glyph = face.glyph_index(c).unwrap_or_default();
                    f32::from(face.glyph_hor_advance(glyph).unwrap_or(0))
                })
                .sum()
        });
        units * size / f32::from(face.units_per_em())
    }

    /// `spans` broken into lines no wider than `max` at `size`. Spans are
    /// words apart (a space comes between two spans on a line); a line
    /// break in a span's text (`\n`) starts a new line.
    pub fn wrap(&self, spans: &[Span], size: f32, max: f32) -> Vec<Vec<Piece>> {
        let mut lines: Vec<Vec<Piece>> = vec![Vec::new()];
        let mut x = 0.0f32;
        for span in spans {
            for (n, paragraph) in span.text.split('\n').enumerate() {
                if n > 0 {
                    lines.push(Vec::new());
                    x = 0.0;
                }
                for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
                    let space = if x > 0.0 { self.width(" ", span.bold, size) } else { 0.0 };
                    let w = self.width(word, span.bold, size);
                    if x > 0.0 && x + space + w > max {
                        lines.push(Vec::new());
                        x = 0.0;
                    }
                    if x == 0.0 && w > max {
                        // Too long for any line (an address): cut it.
                        for chunk in self.cut(word, span.bold, size, max) {
                            if x > 0.0 {
                                lines.push(Vec::new());
                            }
                            let cw = self.width(&chunk, span.bold, size);
                            push(lines.last_mut(), span, chunk, 0.0, cw, 0.0);
                            x = cw;
                        }
                        continue;
                    }
                    let space = if x > 0.0 { space } else { 0.0 };
                    push(lines.last_mut(), span, word.to_string(), x, w, space);
                    x += space + w;
                }
            }
        }
        if lines.len() > 1 && lines.last().is_some_and(Vec::is_empty) {
            lines.pop();
        }
        lines
    }

    /// `word` cut into pieces no wider than `max` (one letter at least).
    fn cut(&self, word: &str, bold: bool, size: f32, max: f32) -> Vec<String> {
        let mut pieces = vec![String::new()];
        for c in word.chars() {
            let mut candidate = pieces.last().cloned().unwrap_or_default();
            candidate.push(c);
            if self.width(&candidate, bold, size) > max && pieces.last().is_some_and(|p| !p.is_empty()) {
                pieces.push(c.to_string());
            } else if let Some(last) = pieces.last_mut() {
                *last = candidate;
            }
        }
        pieces
    }
}

/// Adds a word to a line: to the line's last piece when it has the same
/// style and link (with the space between them, so that the text keeps
/// its spaces), else as a piece of its own.
fn push(line: Option<&mut Vec<Piece>>, span: &Span, word: String, x: f32, width: f32, space: f32) {
    let Some(line) = line else { return };
    if let Some(last) = line.last_mut() {
        if last.bold == span.bold && last.link == span.link && space > 0.0 {
            last.text.push(' ');
            last.text.push_str(&word);
            last.width = x + width - last.x;
            return;
        }
        if space > 0.0 && last.bold == span.bold {
            // A space between two pieces belongs to the first.
            last.text.push(' ');
        }
    }
    let x = if space > 0.0 { x + space } else { x };
    line.push(Piece { text: word, bold: span.bold, link: span.link.clone(), x, width });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fit_and_keep_every_word_in_order() {
        let fonts = crate::pdf::theme_fonts();
        let m = Measure::new(&fonts).expect("fonts");
        let text = "Une formation en ligne sur l’immunité innée, ses capteurs et ses phagocytes, avec examen.";
        let lines = m.wrap(&[Span::plain(text)], 10.0, 120.0);
        assert!(lines.len() > 2, "{lines:?}");
        for line in &lines {
            let last = line.last().expect("a piece");
            assert!(last.x + last.width <= 120.0 + 0.01, "{line:?}");
        }
        let joined: Vec<String> = lines.iter().map(|l| l.iter().map(|p| p.text.as_str()).collect()).collect();
        assert_eq!(joined.join(" "), text);
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut_and_bold_is_wider() {
        let fonts = crate::pdf::theme_fonts();
        let m = Measure::new(&fonts).expect("fonts");
        let url = "https://lms.fun-mooc.fr/courses/course-v1:Pasteur+96001+session04/about";
        let lines = m.wrap(&[Span::link(url, url)], 10.0, 100.0);
        assert!(lines.len() > 2);
        let rebuilt: String = lines.iter().flatten().map(|p| p.text.as_str()).collect();
        assert_eq!(rebuilt, url);
        assert!(lines.iter().flatten().all(|p| p.link.as_deref() == Some(url)));
        assert!(m.width("Vaccinology", true, 10.0) > m.width("Vaccinology", false, 10.0));
    }

    #[test]
    fn styles_split_pieces_and_line_breaks_are_kept() {
        let fonts = crate::pdf::theme_fonts();
        let m = Measure::new(&fonts).expect("fonts");
        let lines = m.wrap(&[Span::bold("Certificat :"), Span::plain("150 €\nexamen surveillé")], 10.0, 400.0);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].len(), 2);
        assert_eq!(lines[0][0].text, "Certificat :");
        assert!(lines[0][1].x > lines[0][0].width);
        assert_eq!(lines[1][0].text, "examen surveillé");
    }
}
