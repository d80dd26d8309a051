//! What a page says of itself to other sites, in its `<head>`: the image a
//! shared link shows (Open Graph, X cards), its structured data (JSON-LD,
//! `structured/`) and its feeds (`<link rel="alternate">`), as the value
//! `head` of templates ([`Head`]). Each kind of page makes its own; a page
//! that makes none gets the site's.
//!
//! The image of a MOOC or a parcours is its cover when that is a raster
//! image (social networks do not show SVG), else a card drawn by the build
//! (`card_image`) from its title, institutions and platform, beside its
//! page as `card.<hash>.png` (the hash of what it says, so a changed card
//! gets a new address and networks fetch it again). A page in another
//! language whose card would say the same as the default language's uses
//! that one. The other pages show the site's card: its title and the home
//! page's summary, `/card.<hash>.png` in each language folder.

use serde::Serialize;

use crate::base::hash::hash;
use crate::card_image::{self, Card, Font, HEIGHT, WIDTH};
use crate::i18n::strings::Ui;
use crate::i18n::Lang;
use crate::images::Pictures;
use crate::load::{EntityKind, Institution, Mooc, Parcours};
use crate::output::Sink;
use crate::render::globals::template_value;
use crate::render::pictures;

/// An image for `og:image` and `twitter:image`.
#[derive(Clone, Serialize)]
pub struct SocialImage {
    /// Absolute URL.
    pub url: String,
    pub alt: String,
    /// Known for the cards the build draws and the covers it resizes.
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// A feed of the page, for `<link rel="alternate" type="application/atom+xml">`.
#[derive(Clone, Serialize)]
pub struct FeedLink {
    pub title: String,
    /// Root-relative URL.
    pub url: String,
}

/// The `head` of a page (`docs/templates.md`).
#[derive(Default, Serialize)]
pub struct Head {
    /// `None`: the site's card (`site.card`).
    pub image: Option<SocialImage>,
    /// The page's JSON-LD, ready for a `<script type="application/ld+json">`.
    pub json_ld: Option<String>,
    /// The page's own feeds (the site's are `site.feeds`).
    pub feeds: Vec<FeedLink>,
}

impl Head {
    pub fn value(&self) -> tera::Value {
        template_value(self)
    }
}

/// Background colours of drawn cards (white text on each has a contrast
/// of at least 7:1), chosen by the hash of a subject or a slug.
const BACKGROUNDS: [[u8; 3]; 8] = [
    [11, 87, 164],
    [27, 94, 32],
    [106, 27, 154],
    [183, 28, 28],
    [0, 77, 64],
    [78, 52, 46],
    [40, 53, 147],
    [136, 14, 79],
];

/// What a drawn card says.
#[derive(PartialEq)]
pub struct CardText {
    pub title: String,
    pub byline: String,
    pub kicker: String,
    /// Index in the backgrounds.
    pub colour: usize,
}

impl CardText {
    /// Its file name: `card.<hash>.png`, the hash of everything it is
    /// drawn from: its text and colour, the font, the size and the version
    /// of the drawing ([`card_image::VERSION`]). A card of that name in the
    /// site being replaced is that card ([`CardText::bytes`]).
    pub fn file_name(&self, font: &(Font, String)) -> String {
        let colour = [self.colour as u8];
        let drawing = [card_image::VERSION, WIDTH, HEIGHT].map(u32::to_le_bytes).concat();
        let parts: [&[u8]; 6] = [
            self.title.as_bytes(),
            self.byline.as_bytes(),
            self.kicker.as_bytes(),
            &colour,
            font.1.as_bytes(),
            &drawing,
        ];
        format!("card.{}.png", hash(&parts))
    }

    /// The card, drawn.
    pub fn png(&self, font: &Font) -> Vec<u8> {
        let background = BACKGROUNDS[self.colour % BACKGROUNDS.len()];
        let text_colour = background.map(|c| (f32::from(c) + (255.0 - f32::from(c)) * 0.85).round() as u8);
        let card = Card {
            title: &self.title,
            byline: &self.byline,
            kicker: &self.kicker,
            background,
            title_colour: [255, 255, 255],
            text_colour,
        };
        card_image::png(&card, font)
    }

    /// Writes the card to `sink` at `path` (its name is
    /// [`CardText::file_name`]): the same file of the site being replaced
    /// when it is there whole, else the card drawn. `true` when drawn.
    pub fn write(&self, font: &Font, sink: &dyn Sink, path: &str) -> std::io::Result<bool> {
        if sink.reuse(path, &whole_png) {
            return Ok(false);
        }
        sink.put(path, &self.png(font)).map(|()| true)
    }

    /// Its image, at `folder` (a root-relative URL ending with `/`).
    fn image(&self, lang: &Lang, folder: &str, font: &(Font, String)) -> SocialImage {
        SocialImage {
            url: format!("{}{folder}{}", lang.origin(), self.file_name(font)),
            alt: self.title.clone(),
            width: Some(WIDTH),
            height: Some(HEIGHT),
        }
    }
}

/// Whether `bytes` (a file's first 8 and last 12) are those of a PNG file
/// to its end (a file cut short is drawn again).
fn whole_png(bytes: &[u8]) -> bool {
    const IEND: [u8; 12] = [0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82];
    bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.ends_with(&IEND)
}

/// A colour for `key`.
fn colour(key: &str) -> usize {
    let h = hash(&[key.as_bytes()]);
    usize::from_str_radix(&h[..4.min(h.len())], 16).unwrap_or(0) % BACKGROUNDS.len()
}

/// The titles of the institutions named by `slugs`, in `lang` (or in the
/// default language when `lang` is `None`), joined.
fn institutions(lang: Option<&Lang>, cat_institutions: &[String], all: &crate::load::Shelf<Institution>) -> String {
    let titles: Vec<&str> = cat_institutions
        .iter()
        .filter_map(|s| all.get(s))
        .map(|i| match lang {
            Some(lang) => lang.text(i).title,
            None => i.title.as_str(),
        })
        .collect();
    titles.join(" · ")
}

/// The card of MOOC `i` in `lang`, or in the default language's own text
/// when `lang` is `None`.
fn mooc_card(lang: &Lang, i: usize, translated: bool) -> CardText {
    let cat = lang.cat;
    let m: &Mooc = &cat.content.moocs[i];
    let slugs: Vec<String> = m.institutions.iter().map(|s| s.value.clone()).collect();
    let platform = m.platform.as_ref().and_then(|p| cat.content.platforms.get(&p.value));
    let (title, platform) = if translated {
        (lang.text(m).title.to_string(), platform.map(|p| lang.text(p).title))
    } else {
        (m.title.clone(), platform.map(|p| p.title.as_str()))
    };
    let subject = cat.mooc_subjects[i].iter().flatten().next().map(|&s| cat.subjects[s].slug.as_str());
    CardText {
        title,
        byline: institutions(translated.then_some(lang), &slugs, &cat.content.institutions),
        kicker: platform.unwrap_or_default().to_string(),
        colour: colour(subject.unwrap_or(&m.meta.slug)),
    }
}

/// The card of parcours `i`, as [`mooc_card`].
fn parcours_card(lang: &Lang, i: usize, translated: bool) -> CardText {
    let cat = lang.cat;
    let p: &Parcours = &cat.content.parcours[i];
    let slugs: Vec<String> = p.institutions.iter().map(|s| s.value.clone()).collect();
    let tr = lang.translation::<Parcours>(&p.meta.slug).filter(|_| translated);
    let short = tr.and_then(|t| t.short_title.as_ref()).or(p.short_title.as_ref());
    CardText {
        title: if translated { lang.text(p).title.to_string() } else { p.title.clone() },
        byline: institutions(translated.then_some(lang), &slugs, &cat.content.institutions),
        kicker: short.cloned().unwrap_or_default(),
        colour: colour(&p.meta.slug),
    }
}

/// The site's card in `lang`: its title and the home page's summary.
pub fn site_card(lang: &Lang) -> CardText {
    let summary = lang.cat.home().map_or("", |h| lang.text(h).summary);
    CardText {
        title: lang.cat.config.title(lang.code).to_string(),
        byline: summary.to_string(),
        kicker: String::new(),
        colour: 0,
    }
}

/// The site's card as an image.
pub fn site_image(lang: &Lang, font: &(Font, String)) -> SocialImage {
    site_card(lang).image(lang, &lang.url(""), font)
}

/// Whether an image's path is of a raster format social networks show.
fn raster(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or_default().to_ascii_lowercase();
    [".png", ".jpg", ".jpeg", ".gif", ".webp"].iter().any(|ext| path.ends_with(ext))
}

/// The image of an entity's page: its raster cover, else its drawn card
/// (`card` in this language and in the default language's text). Returns
/// the image and, when the page must write its card, the card's file name
/// and what it says (drawn when written, `render::write_page`).
fn image<'a, T: EntityKind>(
    lang: &Lang<'a>,
    pics: &Pictures,
    e: &'a T,
    card: &dyn Fn(bool) -> CardText,
    font: &(Font, String),
) -> (SocialImage, Option<(String, CardText)>) {
    if let Some(cover) = pictures::image(lang, pics, e).filter(|c| !c.generated && raster(&c.url)) {
        let url = if cover.url.starts_with('/') { format!("{}{}", lang.origin(), cover.url) } else { cover.url };
        return (SocialImage { url, alt: cover.alt, width: cover.width, height: cover.height }, None);
    }
    let page = T::KIND.page_path(&e.meta().slug);
    let own = card(true);
    let default = lang.code == lang.cat.config.default_language;
    if !default && own == card(false) {
        // The default language's card says the same: it is that one.
        return (own.image(lang, &format!("{}{page}", lang.root()), font), None);
    }
    let image = own.image(lang, &lang.url(&page), font);
    (image, Some((own.file_name(font), own)))
}

/// The image of MOOC `i`'s page, and the card file its page writes.
pub fn mooc_image(
    lang: &Lang,
    pics: &Pictures,
    i: usize,
    font: &(Font, String),
) -> (SocialImage, Option<(String, CardText)>) {
    let m = &lang.cat.content.moocs[i];
    image(lang, pics, m, &|translated| mooc_card(lang, i, translated), font)
}

/// The image of parcours `i`'s page, and the card file its page writes.
pub fn parcours_image(
    lang: &Lang,
    pics: &Pictures,
    i: usize,
    font: &(Font, String),
) -> (SocialImage, Option<(String, CardText)>) {
    let p = &lang.cat.content.parcours[i];
    image(lang, pics, p, &|translated| parcours_card(lang, i, translated), font)
}

/// The `og:locale` of a language: the `locale` of its UI strings when they
/// are its own (`fr_FR`), else `xx_XX` from its code.
pub fn og_locale(ui: &Ui, code: &str) -> String {
    let own = ui.get("locale").and_then(|v| v.as_str()).filter(|l| l.starts_with(&format!("{code}_")));
    own.map_or_else(|| format!("{code}_{}", code.to_uppercase()), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::{raster, whole_png};

    #[test]
    fn a_png_cut_short_is_not_whole() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\0IEND\xAE\x42\x60\x82";
        assert!(whole_png(png));
        assert!(!whole_png(&png[..png.len() - 1]) && !whole_png(&png[1..]) && !whole_png(b""));
    }

    #[test]
    fn only_raster_covers_are_shown_by_social_networks() {
        assert!(raster("/moocs/x/couverture.JPG") && raster("https://cdn.example.org/a.webp?w=1200"));
        assert!(!raster("/moocs/x/couverture.svg") && !raster("/moocs/x/"));
    }
}
