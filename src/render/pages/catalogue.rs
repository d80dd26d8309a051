//! The catalogue page (`/moocs/`): the first page of the full list (every
//! MOOC, without JavaScript), the search form with every facet value and
//! its count as of the build date, and the links to the static lists. It
//! names the search index by the hash of its files, so it is made once the
//! index is (`render::render`), and on every rebuild.

use serde_json::{json, Value};

use crate::render::context::{Context, PageOut};
use crate::render::globals::tv;
use crate::render::pages::lists::{page_moocs, pagination};
use crate::render::social::Head;
use crate::render::{dates, structured};
use crate::search::Search;

/// The catalogue page of `ctx`'s language, for its search index.
pub fn page(ctx: &Context, search: &Search) -> PageOut {
    let first = page_moocs(ctx, 1);
    let title = ctx.lang.label("nav", "moocs");
    let label = |key: &str| ctx.lang.label("search", key);
    let facets: Vec<Value> = search
        .facets
        .iter()
        .filter(|f| f.dynamic || f.values.iter().any(|v| v.count > 0))
        .map(|f| {
            let values: Vec<Value> = f
                .values
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    json!({
                        "i": i,
                        "slug": v.slug,
                        "label": v.label,
                        "lang": v.lang,
                        "count": v.count,
                        "url": facet_page(ctx, f.key, &v.slug),
                    })
                })
                .collect();
            json!({"key": f.key, "label": label(&format!("facet_{}", f.key)), "values": values, "dynamic": f.dynamic})
        })
        .collect();
    let sorts: Vec<Value> = ["relevance", "next", "title", "newest"]
        .iter()
        .map(|k| json!({"key": k, "label": label(&format!("sort_{k}"))}))
        .collect();
    let strings: serde_json::Map<String, Value> = [
        ("results_zero", "search"),
        ("results_one", "search"),
        ("results_many", "search"),
        ("loading", "search"),
        ("failed", "search"),
        ("from", "search"),
        ("next_session", "search"),
        ("platform", "mooc"),
        ("languages", "mooc"),
        ("institutions", "mooc"),
    ]
    .iter()
    .map(|(key, table)| (key.to_string(), json!(ctx.lang.label(table, key))))
    .collect();
    let strings = Value::Object(strings).to_string().replace("</", "<\\/");
    let head = Head { json_ld: structured::site::courses(&ctx.lang, &title, &first, 1), ..Head::default() };
    let mut page = ctx.page(
        "moocs/".into(),
        "moocs.html",
        &ctx.page_title(&title),
        "",
        vec![
            ("moocs", ctx.cards.items(&first)),
            ("total", tv(json!(ctx.cat.content.moocs.len()))),
            ("pagination", tv(pagination(ctx, 1))),
            ("search", tv(json!({"index_url": search.manifest_url, "facets": facets, "sorts": sorts}))),
            ("search_strings", tv(json!(strings))),
            ("head", head.value()),
        ],
    );
    page.lastmod = dates::of_moocs(&ctx.lang, &first, []);
    page
}

/// Site path of the static list of a facet value, if there is one.
fn facet_page(ctx: &Context, facet: &str, slug: &str) -> Option<String> {
    let path = match facet {
        "subject" => format!("subjects/{slug}/"),
        "platform" => format!("platforms/{slug}/"),
        "institution" => format!("institutions/{slug}/"),
        "parcours" => format!("parcours/{slug}/"),
        "language" => format!("languages/{slug}/"),
        "level" => format!("levels/{slug}/"),
        "status" if slug == "open" => "moocs/open/".to_string(),
        _ => return None,
    };
    Some(ctx.lang.url(&path))
}
