//! Covers and logos as pages show them (`image` values, `docs/templates.md`):
//! the files `src/images/` makes of an entity's image, with their sizes and
//! the text alternative in the page's language; a web address as it is;
//! and, for an entity without one, the picture vitrine makes
//! (`images::generated`): a MOOC's or parcours' cover, an institution's or
//! platform's mark. A made picture is written beside the entity's page in
//! each language ([`made_file`]: its text is in that language), its name
//! a hash of its words, so that cards name it without making it.

use crate::i18n::Lang;
use crate::images::generated::{self, CoverText, Scene};
use crate::images::Pictures;
use crate::load::{EntityKind, Institution, Kind, Mooc, Parcours, Platform};
use crate::markdown::images::Picture;
use crate::render::values::{Image, ImageSource};

/// The size of a made cover (16:9, as cards show covers).
pub const COVER: (u32, u32) = (1280, 720);
/// The size of a made mark (square).
pub const MARK: u32 = 240;

/// A cover or logo `{url, alt, lang, width, height, srcset, sources,
/// generated}` in this language, or null: the file comes from the
/// default-language entity, the text alternative from its translation
/// when that gives one (`lang` is then the language of `alt` when it is
/// not the page's). Without an image, the picture vitrine makes.
pub fn image<'a, T: EntityKind>(lang: &Lang<'a>, pictures: &Pictures, e: &'a T) -> Option<Image> {
    let meta = e.meta();
    let Some(img) = e.shown().image.filter(|i| i.path.is_some()) else { return made_image(lang, e) };
    let path = img.path.as_ref()?;
    let translated = lang.translation::<T>(&meta.slug).and_then(|t| t.shown().image).map(|i| i.alt.as_str());
    let (alt, alt_lang) = match translated.filter(|a| !a.is_empty()) {
        Some(alt) => (alt, lang.code),
        None => (img.alt.as_str(), lang.source_lang(T::KIND, &meta.slug)),
    };
    let picture = match pictures.picture(meta, &path.value) {
        Some(p) => p,
        // A web address, used as it is.
        None => Picture { src: path.value.clone(), ..Picture::default() },
    };
    let mut value = from_picture(picture, alt.to_string());
    value.lang = (alt_lang != lang.code).then(|| alt_lang.to_string());
    Some(value)
}

fn from_picture(p: Picture, alt: String) -> Image {
    Image {
        url: p.src,
        alt,
        lang: None,
        width: p.size.map(|s| s.0),
        height: p.size.map(|s| s.1),
        srcset: p.srcset,
        sources: p.sources.into_iter().map(|(mime, srcset)| ImageSource { mime, srcset }).collect(),
        generated: false,
    }
}

/// What vitrine makes of an entity without an image, from its words in
/// this language.
enum Made<'a> {
    Cover(CoverText<'a>),
    /// Initials and the key of their colour.
    Mark(String, &'a str),
}

impl Made<'_> {
    /// The file's name: `cover.<hash>.svg`, `logo.<hash>.svg`.
    fn file_name(&self) -> String {
        match self {
            Made::Cover(w) => {
                let size = format!("{}x{}", COVER.0, COVER.1);
                format!("cover.{}.svg", generated::name(&[w.title, w.by, w.colour, w.seed, &size]))
            }
            Made::Mark(initials, colour) => {
                format!("logo.{}.svg", generated::name(&[initials, colour, &MARK.to_string()]))
            }
        }
    }

    fn scene(&self) -> Scene {
        match self {
            Made::Cover(w) => generated::cover(w, COVER.0, COVER.1),
            Made::Mark(initials, colour) => generated::mark(initials, colour, MARK),
        }
    }

    fn size(&self) -> (u32, u32) {
        match self {
            Made::Cover(_) => COVER,
            Made::Mark(..) => (MARK, MARK),
        }
    }
}

/// What vitrine makes of `e`, if it has no image and is of a kind that shows one.
fn made<'a, T: EntityKind>(lang: &Lang<'a>, e: &'a T) -> Option<Made<'a>> {
    if e.shown().image.is_some_and(|i| i.path.is_some()) {
        return None;
    }
    let cat = lang.cat;
    let slug = e.meta().slug.as_str();
    let title = lang.text(e).title;
    let first_institution = |slugs: &[crate::base::fields::Sp<String>]| {
        slugs
            .first()
            .and_then(|s| cat.content.institutions.get(&s.value))
            .map_or("", |i: &'a Institution| lang.text(i).title)
    };
    match T::KIND {
        Kind::Mooc => {
            let i = cat.content.moocs.position(slug)?;
            let m: &'a Mooc = &cat.content.moocs[i];
            let colour = cat.mooc_subjects[i].iter().flatten().next().map_or(slug, |&s| cat.subjects[s].slug.as_str());
            Some(Made::Cover(CoverText { title, by: first_institution(&m.institutions), colour, seed: slug }))
        }
        Kind::Parcours => {
            let p: &'a Parcours = cat.content.parcours.get(slug)?;
            Some(Made::Cover(CoverText { title, by: first_institution(&p.institutions), colour: slug, seed: slug }))
        }
        Kind::Institution => {
            let inst: &'a Institution = cat.content.institutions.get(slug)?;
            let short = lang.translation::<Institution>(slug).and_then(|t| t.short_title.as_deref());
            Some(Made::Mark(generated::initials(title, short.or(inst.short_title.as_deref())), slug))
        }
        Kind::Platform => {
            let _: &'a Platform = cat.content.platforms.get(slug)?;
            Some(Made::Mark(generated::initials(title, None), slug))
        }
        _ => None,
    }
}

/// The `image` value of a made picture: decorative (`alt` is empty), as
/// the page names the entity beside it.
fn made_image<'a, T: EntityKind>(lang: &Lang<'a>, e: &'a T) -> Option<Image> {
    let made = made(lang, e)?;
    let (w, h) = made.size();
    let url = lang.url(&format!("{}{}", T::KIND.page_path(&e.meta().slug), made.file_name()));
    Some(Image {
        url,
        alt: String::new(),
        lang: None,
        width: Some(w),
        height: Some(h),
        srcset: String::new(),
        sources: Vec::new(),
        generated: true,
    })
}

/// The file of the picture vitrine makes of `e` in this language, for its
/// page's folder: (name, SVG).
pub fn made_file<'a, T: EntityKind>(lang: &Lang<'a>, e: &'a T) -> Option<(String, Vec<u8>)> {
    let made = made(lang, e)?;
    Some((made.file_name(), made.scene().svg().into_bytes()))
}
