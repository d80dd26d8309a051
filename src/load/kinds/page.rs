//! Free pages (`content/pages/<slug>.md`, at `/<slug>/`) and the text of the
//! home page (`content/_index.md`).

use crate::base::fields::Fields;
use crate::diagnostic::{texts, Out};
use crate::load::kinds::{About, EntityKind, Shown};
use crate::load::{common, Meta};

/// A free page.
#[derive(Debug, Clone)]
pub struct Page {
    pub meta: Meta,
    pub title: String,
    pub summary: String,
    pub weight: i64,
    pub menu: bool,
}

/// The front-matter keys of a free page.
pub const KEYS: &[&str] = &["title", "summary", "weight", "menu", "draft", "updated"];

impl EntityKind for Page {
    const ABOUT: About = About::at_root("pages", "page", &["title", "summary", "draft", "updated"]);

    fn shown(&self) -> Shown<'_> {
        Shown { title: &self.title, summary: &self.summary, image: None }
    }

    fn parse(f: &Fields, meta: Meta, out: &mut Out) -> Page {
        f.check_keys(KEYS, texts::a_kind(Self::ABOUT.noun), out);
        Page {
            title: f.req_str("title", out).map(|s| s.value).unwrap_or_default(),
            summary: common::summary(f, false, out),
            weight: f.int("weight", out).map_or(0, |n| n.value),
            menu: f.bool("menu", out).unwrap_or(false),
            meta,
        }
    }

    /// Pages are in the order of their `weight`, then of their slug.
    fn rank(&self) -> i64 {
        self.weight
    }
}

/// The home page's text (`_index.md`): its title and summary, and the body
/// shown above the lists.
#[derive(Debug, Clone)]
pub struct Home {
    pub meta: Meta,
    pub title: String,
    pub summary: String,
}

impl EntityKind for Home {
    const ABOUT: About = About::at_root("", "home", &["title", "summary", "updated"]);

    fn shown(&self) -> Shown<'_> {
        Shown { title: &self.title, summary: &self.summary, image: None }
    }

    fn parse(f: &Fields, meta: Meta, out: &mut Out) -> Home {
        f.check_keys(&["title", "summary", "updated"], texts::a_kind(Self::ABOUT.noun), out);
        Home {
            title: f.str("title", out).map(|s| s.value).unwrap_or_default(),
            summary: common::summary(f, false, out),
            meta,
        }
    }
}
