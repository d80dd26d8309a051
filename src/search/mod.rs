//! The static search index of one language, read by the theme's
//! dependency-free client (`search.js`). Its format is documented in
//! `docs/search-index.md`:
//!
//! - `search/<lang>/index.<hash>.json`, the manifest the page points to;
//! - `docs.<hash>.json`, a compact table of every MOOC's facet values,
//!   session dates and publication date, for counts, filters, statuses and
//!   sorting without loading the MOOCs themselves;
//! - `shards/<key>.<hash>.json`, terms and postings by the first two
//!   characters of the term, so a typed prefix loads one small file;
//! - `chunks/<n>.<hash>.json`, titles and slugs, 16 MOOCs per file, loaded
//!   only for the results shown.
//!
//! Document ids are positions in title order, so sorting by title is
//! sorting by id.

pub mod facets;
pub mod terms;
pub mod text;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use rayon::prelude::*;
use serde_json::{json, Value};

use crate::calendar::period::When;
use crate::calendar::status::Status;
use crate::load::Kind;
use crate::render::view::View;
use facets::{day_number, Facet};
use terms::{DocText, Field};

/// MOOCs per result chunk.
pub const CHUNK: usize = 16;

/// What the catalogue page needs to know about the index.
pub struct Search {
    /// Root-relative URL of the manifest.
    pub manifest_url: String,
    pub facets: Vec<Facet>,
    /// Files to write, relative to the output folder.
    pub files: Vec<(String, Vec<u8>)>,
}

/// Short content hash for file names (hosts may cache them forever).
pub fn hash(parts: &[&[u8]]) -> String {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for p in parts {
        h.update(p);
        h.update(&[0]);
    }
    format!("{:010x}", h.digest() & 0xff_ffff_ffff)
}

/// Builds the index of the view's language.
pub fn build(view: &View) -> Search {
    let cat = view.cat;
    let rank = view.title_rank();
    let mut order: Vec<usize> = (0..cat.moocs.len()).collect();
    order.sort_unstable_by_key(|&i| rank[i]);
    if !cat.config.search {
        return Search { manifest_url: String::new(), facets: facets::facets(view, &order), files: Vec::new() };
    }

    let (inverted, facets) = rayon::join(
        || {
            let t0 = std::time::Instant::now();
            let docs: Vec<DocText> = order.par_iter().map(|&m| doc_text(view, m)).collect();
            let t1 = t0.elapsed();
            let n = docs.len();
            let inv = terms::invert(&docs);
            let t2 = t0.elapsed();
            let s = terms::shards(&inv, n);
            if std::env::var_os("VITRINE_TIMINGS").is_some() {
                eprintln!("search: texts {t1:?} invert {t2:?} shards {:?}", t0.elapsed());
            }
            s
        },
        || facets::facets(view, &order),
    );
    let dir = format!("search/{}/", view.lang);
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();

    let shard_hash = hash(&inverted.iter().flat_map(|(k, v)| [k.as_bytes(), v.as_bytes()]).collect::<Vec<_>>());
    let keys: Vec<&str> = inverted.keys().map(String::as_str).collect();
    for (key, json) in &inverted {
        files.push((format!("{dir}shards/{key}.{shard_hash}.json"), json.clone().into_bytes()));
    }

    let chunks: Vec<String> = order.chunks(CHUNK).map(|c| chunk_json(view, c)).collect();
    let chunk_hash = hash(&chunks.iter().map(|c| c.as_bytes()).collect::<Vec<_>>());
    for (i, c) in chunks.into_iter().enumerate() {
        files.push((format!("{dir}chunks/{i}.{chunk_hash}.json"), c.into_bytes()));
    }

    let table = table_json(view, &order, &facets);
    let table_name = format!("docs.{}.json", hash(&[table.as_bytes()]));
    files.push((format!("{dir}{table_name}"), table.into_bytes()));

    let manifest = json!({
        "version": 1,
        "lang": view.lang,
        "count": order.len(),
        "today": cat.today.to_string(),
        "chunk_size": CHUNK,
        "moocs_url": view.url("moocs/"),
        "docs": table_name,
        "chunks": chunk_hash,
        "shards": shard_hash,
        "keys": keys.join(" "),
        "stop_words": text::STOP_WORDS,
        "facets": facets.iter().map(|f| f.key).collect::<Vec<_>>(),
        "new_days": facets::NEW_DAYS,
    })
    .to_string();
    let manifest_name = format!("index.{}.json", hash(&[manifest.as_bytes()]));
    files.push((format!("{dir}{manifest_name}"), manifest.into_bytes()));
    Search { manifest_url: format!("{}{dir}{manifest_name}", view.root()), facets, files }
}

/// The text of MOOC `m` in the view's language, field by field.
fn doc_text(view: &View, m: usize) -> DocText {
    let cat = view.cat;
    let mooc = &cat.moocs[m];
    let t = view.text(Kind::Mooc, &mooc.meta, &mooc.title, &mooc.summary);
    // The labels its page shows (its translation's, when it gives some).
    let subjects: Vec<&str> = view.mooc_subjects(m).into_iter().map(|(_, label, _)| label).collect();
    let institutions: Vec<String> = view
        .institution_links(&mooc.institutions)
        .iter()
        .filter_map(|l| l["title"].as_str().map(str::to_string))
        .collect();
    DocText {
        lang: t.lang.to_string(),
        fields: vec![
            (Field::Title, t.title.to_string()),
            (Field::Subjects, subjects.join(" ; ")),
            (Field::Institutions, institutions.join(" ; ")),
            (Field::Teachers, mooc.teachers.join(" ; ")),
            (Field::Summary, t.summary.to_string()),
            (Field::Body, plain_text(t.meta.body())),
        ],
    }
}

/// The words of a Markdown body: text and inline code, without code
/// blocks, link targets or HTML.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut in_code_block = false;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::Text(t) | Event::Code(t) if !in_code_block => {
                out.push_str(&t);
                out.push(' ');
            }
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    out
}

/// `[[slug, title], [slug, title, lang], ...]`: the lang is given when the
/// title is not in the page's language.
fn chunk_json(view: &View, docs: &[usize]) -> String {
    let rows: Vec<Value> = docs
        .iter()
        .map(|&m| {
            let mooc = &view.cat.moocs[m];
            let t = view.text(Kind::Mooc, &mooc.meta, &mooc.title, &mooc.summary);
            if t.lang == view.lang {
                json!([mooc.meta.slug, t.title])
            } else {
                json!([mooc.meta.slug, t.title, t.lang])
            }
        })
        .collect();
    Value::Array(rows).to_string()
}

/// The per-MOOC table: facet values (numbers, see `facets.rs`), sessions
/// and publication dates as day numbers from the build date.
fn table_json(view: &View, order: &[usize], facets: &[Facet]) -> String {
    let cat = view.cat;
    let day0 = day_number(cat.today);
    let mut columns = serde_json::Map::new();
    for f in facets.iter().filter(|f| !f.dynamic) {
        let col: Vec<Value> = f
            .per_doc
            .iter()
            .map(|v| match v.as_slice() {
                [] => Value::Null,
                [one] => json!(one),
                many => json!(many),
            })
            .collect();
        columns.insert(f.key.to_string(), Value::Array(col));
    }
    let sessions: Vec<Value> = order.iter().map(|&m| sessions_json(view, m, day0)).collect();
    let published: Vec<Value> =
        order.iter().map(|&m| cat.moocs[m].published.map_or(Value::Null, |p| json!(day_number(p) - day0))).collect();
    json!({"day0": day0, "facets": columns, "sessions": sessions, "published": published}).to_string()
}

/// The sessions of a MOOC whose status can still change after the build
/// date, each as `[start, length, enrollment_start, enrollment_end, flags]`:
/// `start` in days from the build date, the others in days from `start`
/// (`length` = end - start), null when absent, trailing nulls and zero flags
/// left out; flags: 1 self-paced, 2 cancelled, 4 planned period (start and
/// end are its first and last day). Sessions archived or cancelled at build
/// time stay so for any later day: they are summed up as one number, the
/// position of the best of their statuses in the priority order (6
/// archived, 7 cancelled), put first. A MOOC with only such sessions is that
/// number alone; one without sessions, `[]`.
fn sessions_json(view: &View, m: usize, day0: i64) -> Value {
    let mooc = &view.cat.moocs[m];
    let statuses = &view.cat.states[m].sessions;
    let settled = |s: Status| matches!(s, Status::Archived | Status::Cancelled);
    let fallback = statuses.iter().copied().filter(|s| settled(*s)).min();
    let rank = |s: Status| Status::ALL.iter().position(|x| *x == s).unwrap_or(0);
    let mut rows: Vec<Value> = fallback.map(|s| json!(rank(s))).into_iter().collect();
    for (i, s) in mooc.sessions.iter().enumerate() {
        if settled(statuses[i]) {
            continue;
        }
        let (start, end, planned) = match s.start.value {
            When::Date(d) => (d, s.end.as_ref().map(|e| e.value), false),
            When::Period(p) => (p.first_day(), Some(p.last_day()), true),
        };
        let first = day_number(start);
        let rel = |d: Option<jiff::civil::Date>| d.map_or(Value::Null, |d| json!(day_number(d) - first));
        let flags = u8::from(s.self_paced) | (u8::from(s.cancelled) << 1) | (u8::from(planned) << 2);
        let mut row = vec![
            json!(first - day0),
            rel(end),
            rel(s.enrollment_start.as_ref().map(|d| d.value)),
            rel(s.enrollment_end.as_ref().map(|d| d.value)),
            json!(flags),
        ];
        if flags == 0 {
            row.pop();
            while row.len() > 1 && row.last().is_some_and(Value::is_null) {
                row.pop();
            }
        }
        rows.push(Value::Array(row));
    }
    match rows.as_slice() {
        [only] if only.is_number() => only.clone(),
        _ => Value::Array(rows),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_skips_code_blocks_and_urls() {
        let md = "# Titre\n\nUn [lien](https://example.org) et `code`.\n\n```rust\nfn main() {}\n```\n";
        let t = plain_text(md);
        assert!(t.contains("Titre") && t.contains("lien") && t.contains("code"), "{t}");
        assert!(!t.contains("example") && !t.contains("main"), "{t}");
    }

    #[test]
    fn hashes_are_stable_and_short() {
        assert_eq!(hash(&[b"a"]), hash(&[b"a"]));
        assert_ne!(hash(&[b"a", b"b"]), hash(&[b"ab"]));
        assert_eq!(hash(&[b"x"]).len(), 10);
    }
}
