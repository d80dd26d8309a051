//! Open data: the catalogue as files for other sites and programs to
//! reuse, and the page that presents them (`/open-data/`, in every
//! language) with the licence of `vitrine.toml`'s `[open_data]`.
//!
//! - `/catalogue.json` (`json.rs`): every MOOC, parcours, platform,
//!   institution and schedule, with the sessions and their statuses as of
//!   the build date, in the shape of the versioned JSON Schema
//!   `docs/schema/catalogue-1.json`, also published as
//!   `/catalogue-1.schema.json`;
//! - `/catalogue.csv` (`csv.rs`): one row per session, for spreadsheets.
//!
//! The files are of the site, not of a language (texts in the default
//! language, with the translations in the JSON): they are made once, at
//! the root ([`PageKind::once`]).

mod csv;
mod json;

use serde_json::json;

use crate::diagnostic::Out;
use crate::render::context::{Context, PageOut};
use crate::render::globals::tv;
use crate::render::pages::{PageKind, Showing};
use crate::render::structured::absolute;
use crate::render::{feeds, parts};
use crate::resolve::Catalogue;

/// The version of `catalogue.json`'s shape; its schema is
/// `docs/schema/catalogue-<VERSION>.json`.
pub const VERSION: u32 = 1;

/// The schema, published beside the file it describes.
const SCHEMA: &str = include_str!("../../../../docs/schema/catalogue-1.json");

/// The files, by name at the root of the site.
const FILES: [&str; 3] = ["catalogue.json", "catalogue.csv", "catalogue-1.schema.json"];

/// `/catalogue.json`, `/catalogue.csv` and the JSON Schema.
pub struct Exports;

impl PageKind for Exports {
    fn pages(&self, _: &Catalogue) -> Vec<String> {
        FILES.iter().map(|f| f.to_string()).collect()
    }

    fn render(&self, ctx: &Context, i: usize, _: &mut Out) -> PageOut {
        let name = FILES[i.min(FILES.len() - 1)];
        let bytes = match i {
            0 => json::catalogue(ctx),
            1 => csv::sessions(ctx),
            _ => SCHEMA.as_bytes().to_vec(),
        };
        PageOut::file(name.to_string(), bytes)
    }

    /// The schema shows no MOOC.
    fn showing(&self, _: &Catalogue) -> Showing {
        Showing::Pages(FILES[..2].iter().map(|f| f.to_string()).collect())
    }

    fn listed(&self) -> bool {
        false
    }

    fn once(&self) -> bool {
        true
    }
}

/// `/open-data/`: what the files hold, their links, the licence.
pub struct Page;

impl PageKind for Page {
    fn render(&self, ctx: &Context, _: usize, _: &mut Out) -> PageOut {
        let cfg = &ctx.cat.config;
        let title = ctx.lang.label("open_data", "title");
        let file = |name: &str| json!({"name": name, "url": format!("{}{name}", ctx.lang.root())});
        let open_data = json!({
            "json": file(FILES[0]),
            "csv": file(FILES[1]),
            "schema": file(FILES[2]),
            "version": VERSION,
            "csv_separator": if cfg.open_data.csv_separator == b',' { "," } else { ";" },
            "licence": cfg.open_data.licence,
            "licence_url": cfg.open_data.licence_url,
            "as_of": parts::date(&ctx.lang, ctx.cat.today),
            "feeds": feeds::site_feeds(&ctx.lang),
            "base_url": absolute(&ctx.lang, &ctx.lang.root()),
        });
        let description = ctx.lang.label("open_data", "intro");
        ctx.page(
            "open-data/".into(),
            "open_data.html",
            &ctx.page_title(&title),
            &description,
            vec![("open_data", tv(open_data))],
        )
    }

    /// It shows no MOOC.
    fn showing(&self, _: &Catalogue) -> Showing {
        Showing::None
    }
}
