//! The languages of the site: each is a [`Lang`], which holds the theme's
//! UI strings in that language ([`strings`]) and shows the catalogue in it
//! (the texts of translation files where there are some, subject labels,
//! the language's URLs).
//!
//! Both the pages (`render`) and the search index (`search`) are made per
//! language from these; neither reads the other.

mod lang;
pub mod strings;

pub use lang::{Lang, Text};
pub use strings::{Ui, UiStrings};
