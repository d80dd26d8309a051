//! The kinds of content, each described once.
//!
//! A kind is a type that implements [`EntityKind`], in a file of its own
//! (`mooc.rs`, `platform.rs`, …): its front-matter keys and how a file is
//! read, what it is about ([`About`]: its folder, its noun, the keys a
//! translation may change, where its page is), its title and image, and
//! the entities it names. The registry at the end of this file gives each
//! kind its [`Kind`], its variant of [`Entity`] and its [`Shelf`] in
//! [`Content`]; the stages then handle every kind the same way: the walk
//! and the parse (`load`), drafts, duplicates, order, references and
//! translations (`resolve`), bodies, bundle files and the pages that list
//! them (`render`).
//!
//! A new kind of content is a new file here and one line in the registry.

mod institution;
mod mooc;
mod page;
mod parcours;
mod platform;
mod schedule;
mod subject;

/// The front-matter keys of each kind (what `vitrine new` writes them all of).
pub mod keys {
    pub use super::institution::KEYS as INSTITUTION;
    pub use super::mooc::{CERTIFICATE_KEYS as CERTIFICATE, KEYS as MOOC, SESSION_KEYS as SESSION};
    pub use super::page::KEYS as PAGE;
    pub use super::parcours::KEYS as PARCOURS;
    pub use super::platform::KEYS as PLATFORM;
    pub use super::schedule::KEYS as SCHEDULE;
}

use std::collections::HashMap;
use std::fmt::Debug;

pub use institution::Institution;
pub use mooc::{Certificate, Mooc, Session, LEVELS};
pub use page::{Home, Page};
pub use parcours::Parcours;
pub use platform::Platform;
pub use schedule::Schedule;
pub use subject::SubjectDoc;

use crate::base::fields::{Fields, Sp};
use crate::diagnostic::Out;
use crate::load::common::Image;
use crate::load::Meta;

/// What the stages need to know of a kind, entity aside.
#[derive(Debug)]
pub struct About {
    /// Its folder of `content/` (`moocs`); empty for the home page, the
    /// one file at the top of `content/`.
    pub folder: &'static str,
    /// How messages name the kind (`MOOC`, `platform`, `home`): the key by
    /// which the catalogues choose its noun in each language (`a_kind`).
    pub noun: &'static str,
    /// The front-matter keys a translation may change; every other key is
    /// structure, which comes from the default-language file.
    pub text_keys: &'static [&'static str],
    /// Its pages are at the top of a language folder (`<slug>/`), not in
    /// a folder of the kind's name (`moocs/<slug>/`).
    pub at_root: bool,
}

impl About {
    /// A kind whose pages are `<folder>/<slug>/`.
    pub const fn new(folder: &'static str, noun: &'static str, text_keys: &'static [&'static str]) -> About {
        About { folder, noun, text_keys, at_root: false }
    }

    /// A kind whose pages are `<slug>/`.
    pub const fn at_root(folder: &'static str, noun: &'static str, text_keys: &'static [&'static str]) -> About {
        About { folder, noun, text_keys, at_root: true }
    }
}

/// What an entity shows of itself wherever it is named: its title, its
/// summary (empty for the kinds without one) and its cover or logo.
pub struct Shown<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub image: Option<&'a Image>,
}

/// A reference from one entity to another, by slug.
pub struct Ref<'a> {
    pub kind: Kind,
    pub slug: &'a Sp<String>,
}

/// One kind of content, described once; see the module's documentation.
pub trait EntityKind: Registered + Clone + Debug + Send + Sync + 'static {
    /// The kind's description.
    const ABOUT: About;

    /// Reads a file of the kind: `f` is its front matter, read as a
    /// translation (no key required) when `meta.lang` is set.
    fn parse(f: &Fields, meta: Meta, out: &mut Out) -> Self;

    /// Its title, summary and image.
    fn shown(&self) -> Shown<'_>;

    /// The entities it names, each to be checked once every file is read.
    fn refs(&self) -> Vec<Ref<'_>> {
        Vec::new()
    }

    /// What comes before the slug in the kind's order (free pages: their
    /// `weight`); entities are sorted by slug otherwise.
    fn rank(&self) -> i64 {
        0
    }
}

/// What the registry gives each kind (written by the `kinds!` macro; the
/// type has a field `meta`).
pub trait Registered: Sized {
    const KIND: Kind;
    fn meta(&self) -> &Meta;
    /// The entity, when it is of this kind.
    fn of(entity: &Entity) -> Option<&Self>;
}

/// The entities of one kind. Once resolved, they are sorted (by slug, free
/// pages by weight first) and found by slug with [`Shelf::position`];
/// before, they are in the order files were found.
#[derive(Debug)]
pub struct Shelf<T> {
    items: Vec<T>,
    index: HashMap<String, usize>,
}

impl<T> Default for Shelf<T> {
    fn default() -> Self {
        Shelf { items: Vec::new(), index: HashMap::new() }
    }
}

impl<T> std::ops::Deref for Shelf<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.items
    }
}

impl<'a, T> IntoIterator for &'a Shelf<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<T: EntityKind> Shelf<T> {
    pub fn push(&mut self, item: T) {
        self.items.push(item);
    }

    /// The position of the entity `slug` (once resolved).
    pub fn position(&self, slug: &str) -> Option<usize> {
        self.index.get(slug).copied()
    }

    /// The entity `slug` (once resolved).
    pub fn get(&self, slug: &str) -> Option<&T> {
        self.position(slug).map(|i| &self.items[i])
    }

    /// Swaps the entity at `i` with `other` (`vitrine serve`'s preview of
    /// an edit, which keeps the slug).
    pub fn swap(&mut self, i: usize, other: &mut T) {
        std::mem::swap(&mut self.items[i], other);
    }
}

/// What every shelf can do, whatever its kind: the stages that treat
/// every kind alike go through it.
pub trait AnyShelf {
    fn kind(&self) -> Kind;
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn entity(&self, i: usize) -> &dyn Described;
    fn position(&self, slug: &str) -> Option<usize>;
    /// The slugs it holds, in no order (once resolved).
    fn slugs(&self) -> Vec<&str>;
    /// Keeps the entities whose meta `keep` accepts, in their order.
    fn retain(&mut self, keep: &mut dyn FnMut(&Meta) -> bool);
    /// Sorts by rank and slug, and indexes by slug.
    fn sort(&mut self);
}

impl dyn AnyShelf + '_ {
    /// Every entity, in order.
    pub fn iter(&self) -> impl Iterator<Item = &dyn Described> {
        (0..self.len()).map(|i| self.entity(i))
    }
}

impl<T: EntityKind> AnyShelf for Shelf<T> {
    fn kind(&self) -> Kind {
        T::KIND
    }
    fn len(&self) -> usize {
        self.items.len()
    }
    fn entity(&self, i: usize) -> &dyn Described {
        &self.items[i]
    }
    fn position(&self, slug: &str) -> Option<usize> {
        Shelf::position(self, slug)
    }
    fn slugs(&self) -> Vec<&str> {
        self.index.keys().map(String::as_str).collect()
    }
    fn retain(&mut self, keep: &mut dyn FnMut(&Meta) -> bool) {
        self.items.retain(|e| keep(Registered::meta(e)));
    }
    fn sort(&mut self) {
        fn slug<T: Registered>(e: &T) -> &str {
            &e.meta().slug
        }
        self.items.sort_by(|a, b| (a.rank(), slug(a)).cmp(&(b.rank(), slug(b))));
        self.index = self.items.iter().enumerate().map(|(i, e)| (slug(e).to_string(), i)).collect();
    }
}

/// An entity of any kind, as the stages that treat every kind alike see
/// it: [`EntityKind`]'s methods that need no type.
pub trait Described: Debug + Send + Sync {
    fn kind(&self) -> Kind;
    fn meta(&self) -> &Meta;
    fn shown(&self) -> Shown<'_>;
    fn refs(&self) -> Vec<Ref<'_>>;
}

impl<T: EntityKind> Described for T {
    fn kind(&self) -> Kind {
        T::KIND
    }
    fn meta(&self) -> &Meta {
        Registered::meta(self)
    }
    fn shown(&self) -> Shown<'_> {
        EntityKind::shown(self)
    }
    fn refs(&self) -> Vec<Ref<'_>> {
        EntityKind::refs(self)
    }
}

impl Kind {
    /// Its folder of `content/`.
    pub fn folder(self) -> &'static str {
        self.about().folder
    }

    /// The path of the page of its entity `slug` inside a language folder:
    /// `moocs/x/`, `x/` for a free page, empty for the home page.
    pub fn page_path(self, slug: &str) -> String {
        match (slug.is_empty(), self.about().at_root) {
            (true, _) => String::new(),
            (false, true) => format!("{slug}/"),
            (false, false) => format!("{}/{slug}/", self.folder()),
        }
    }

    /// The kind whose files are in the folder `folder` of `content/`.
    pub fn of_folder(folder: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| !k.folder().is_empty() && k.folder() == folder)
    }
}

impl Entity {
    pub fn meta(&self) -> &Meta {
        self.described().meta()
    }

    /// The entity if it is a `T`.
    pub fn get<T: EntityKind>(&self) -> Option<&T> {
        T::of(self)
    }
}

impl Content {
    /// Every entity of every kind, with its kind, kind after kind.
    pub fn every(&self) -> impl Iterator<Item = &dyn Described> {
        self.all().into_iter().flat_map(|shelf| shelf.iter())
    }
}

/// The registry: one line a kind, `Variant(Type) in field`, in the order
/// the stages go through them. The macro writes [`Kind`], [`Entity`],
/// [`Content`] and the [`Registered`] side of each type from it.
macro_rules! kinds {
    ($($kind:ident($ty:ident) in $field:ident;)*) => {
        /// The kinds of content.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Kind {
            $($kind),*
        }

        impl Kind {
            /// Every kind, in the registry's order.
            pub const ALL: &'static [Kind] = &[$(Kind::$kind),*];

            /// How many kinds there are.
            pub const COUNT: usize = [$(Kind::$kind),*].len();

            /// What the kind is about.
            pub fn about(self) -> &'static About {
                match self {
                    $(Kind::$kind => &<$ty as EntityKind>::ABOUT),*
                }
            }
        }

        /// One parsed file, of any kind.
        #[derive(Debug, Clone)]
        pub enum Entity {
            $($kind(Box<$ty>)),*
        }

        impl Entity {
            pub fn kind(&self) -> Kind {
                match self {
                    $(Entity::$kind(_) => Kind::$kind),*
                }
            }

            /// The entity as the stages that treat every kind alike see it.
            pub fn described(&self) -> &dyn Described {
                match self {
                    $(Entity::$kind(e) => e.as_ref()),*
                }
            }

            /// Reads a file of `kind`.
            pub(crate) fn parse(kind: Kind, f: &Fields, meta: Meta, out: &mut Out) -> Entity {
                match kind {
                    $(Kind::$kind => Entity::$kind(Box::new(<$ty as EntityKind>::parse(f, meta, out)))),*
                }
            }
        }

        /// Every entity of a site, one shelf a kind.
        #[derive(Debug, Default)]
        pub struct Content {
            $(pub $field: Shelf<$ty>),*
        }

        impl Content {
            /// Every shelf, in the registry's order.
            pub fn all(&self) -> [&dyn AnyShelf; Kind::COUNT] {
                [$(&self.$field),*]
            }

            /// Every shelf, to change them.
            pub fn all_mut(&mut self) -> [&mut dyn AnyShelf; Kind::COUNT] {
                [$(&mut self.$field),*]
            }

            /// The shelf of a kind.
            pub fn shelf(&self, kind: Kind) -> &dyn AnyShelf {
                match kind {
                    $(Kind::$kind => &self.$field),*
                }
            }

            /// Puts an entity on the shelf of its kind.
            pub fn put(&mut self, entity: Entity) {
                match entity {
                    $(Entity::$kind(e) => self.$field.push(*e)),*
                }
            }
        }

        $(
            impl Registered for $ty {
                const KIND: Kind = Kind::$kind;
                fn meta(&self) -> &Meta {
                    &self.meta
                }
                fn of(entity: &Entity) -> Option<&Self> {
                    match entity {
                        Entity::$kind(e) => Some(e),
                        #[allow(unreachable_patterns)]
                        _ => None,
                    }
                }
            }
        )*
    };
}

kinds! {
    Mooc(Mooc) in moocs;
    Parcours(Parcours) in parcours;
    Platform(Platform) in platforms;
    Institution(Institution) in institutions;
    Schedule(Schedule) in schedules;
    Subject(SubjectDoc) in subject_docs;
    Page(Page) in pages;
    Home(Home) in home;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_has_its_folder_and_its_pages() {
        let folders: Vec<&str> = Kind::ALL.iter().map(|k| k.folder()).collect();
        assert_eq!(folders, ["moocs", "parcours", "platforms", "institutions", "schedules", "subjects", "pages", ""]);
        for &kind in Kind::ALL.iter().filter(|k| !k.folder().is_empty()) {
            assert_eq!(Kind::of_folder(kind.folder()), Some(kind));
        }
        assert_eq!(Kind::of_folder(""), None, "the home page has no folder");
        assert_eq!(Kind::Mooc.page_path("x"), "moocs/x/");
        assert_eq!(Kind::Subject.page_path("x"), "subjects/x/");
        assert_eq!(Kind::Page.page_path("x"), "x/");
        assert_eq!(Kind::Home.page_path(""), "");
    }

    #[test]
    fn a_shelf_is_sorted_by_rank_then_slug_and_found_by_slug() {
        let file = crate::diagnostic::SourceFile::new("x.md".into(), String::new());
        let page = |slug: &str, weight| Page {
            meta: Meta {
                slug: slug.into(),
                file: file.clone(),
                body: 0..0,
                draft: false,
                updated: None,
                bundle: None,
                lang: None,
            },
            title: slug.into(),
            summary: String::new(),
            weight,
            menu: false,
        };
        let mut shelf = Shelf::default();
        for (slug, weight) in [("b", 0), ("a", 1), ("c", 0)] {
            shelf.push(page(slug, weight));
        }
        AnyShelf::sort(&mut shelf);
        let slugs: Vec<&str> = shelf.iter().map(|p| p.meta.slug.as_str()).collect();
        assert_eq!(slugs, ["b", "c", "a"], "weight first, then slug");
        assert_eq!((shelf.position("a"), shelf.get("c").map(|p| p.weight)), (Some(2), Some(0)));
    }
}
