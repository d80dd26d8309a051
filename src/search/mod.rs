//! The static search index of each language, read by the theme's
//! dependency-free client (`search.js`). Its format is documented in
//! `docs/search-index.md`:
//!
//! - `search/<lang>/index.<hash>.json`, the manifest the page points to;
//! - `docs.<hash>.json`, a compact table of every MOOC's facet values,
//!   session dates and publication date, for counts, filters, statuses and
//!   sorting without loading the MOOCs themselves;
//! - `shards/<key>.<hash>.json`, terms and postings by the first two
//!   characters of the term, so a typed prefix loads one small file (each
//!   named by its own hash, which the manifest gives);
//! - `chunks/<n>.<hash>.json`, titles and slugs, 16 MOOCs per file, loaded
//!   only for the results shown.
//!
//! Document ids are positions in title order, so sorting by title is
//! sorting by id.
//!
//! Start with [`build_all`]: the texts of every language are gathered
//! (`corpus.rs`, each distinct text once), tokenised once (`terms.rs`), then
//! each language's index is put together and cut into shards (`shards.rs`).

pub mod corpus;
pub mod facets;
pub mod memo;
pub mod shards;
pub mod terms;
pub mod text;

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde_json::{json, Value};

use crate::base::hash::hash;
use crate::calendar::period::When;
use crate::calendar::status::Status;
use crate::i18n::Lang;
use crate::resolve::Catalogue;
use corpus::{Corpus, PlainBodies};
use facets::{day_number, Facet};

/// MOOCs per result chunk.
pub const CHUNK: usize = 16;

/// What the index of one language reads: the catalogue in that language,
/// with its UI strings (the labels of facet values), and its MOOCs in title
/// order (document ids are positions in it).
pub struct Input<'a> {
    pub lang: &'a Lang<'a>,
    pub order: &'a [usize],
}

/// What the catalogue page needs to know about the index.
pub struct Search {
    /// Root-relative URL of the manifest.
    pub manifest_url: String,
    pub facets: Vec<Facet>,
    /// Files to write, relative to the output folder.
    pub files: Vec<(String, Vec<u8>)>,
}

impl Search {
    /// What pages need of the index (its URL, its facets' values and
    /// counts), without the files and the per-document table.
    pub fn without_files(self) -> Search {
        let facets = self.facets.into_iter().map(|f| facets::Facet { per_doc: Vec::new(), ..f }).collect();
        Search { manifest_url: self.manifest_url, facets, files: Vec::new() }
    }
}

/// The shards of one language's index (key -> JSON).
type Shards = Arc<BTreeMap<String, String>>;

/// Builds the index of each language, in the order of `inputs`. The
/// text a MOOC shows in several languages is tokenised once for all of
/// them, and a language whose documents are those of another (no MOOC
/// translated) gets that language's shards as they are.
///
/// With `memo` (`vitrine serve`), texts tokenised by the last call are not
/// tokenised again.
pub fn build_all(inputs: &[Input], memo: Option<&mut memo::Memo>) -> Vec<Search> {
    let enabled = inputs.first().is_some_and(|i| i.lang.cat.config.search);
    let (shards, facets) = rayon::join(
        || if enabled { index_shards(inputs, memo) } else { Vec::new() },
        || inputs.par_iter().map(facets::facets).collect::<Vec<_>>(),
    );
    if !enabled {
        let none = |facets| Search { manifest_url: String::new(), facets, files: Vec::new() };
        return facets.into_iter().map(none).collect();
    }
    inputs.par_iter().zip(shards).zip(facets).map(|((input, shards), facets)| files(input, &shards, facets)).collect()
}

/// The shards of each language's index.
fn index_shards(inputs: &[Input], mut memo: Option<&mut memo::Memo>) -> Vec<Shards> {
    let t0 = std::time::Instant::now();
    // The texts are dropped once tokenised: only their tokens are needed.
    let (tokens, docs, texts) = {
        let bodies = PlainBodies::new(inputs, memo.as_deref_mut());
        let Corpus { texts, docs } = Corpus::new(inputs, &bodies);
        let tokens = match memo {
            Some(memo) => memo.tokenise(&texts),
            None => terms::tokenise(&texts),
        };
        (tokens, docs, texts.len())
    };
    let t1 = t0.elapsed();
    let mut all: Vec<Shards> = Vec::with_capacity(inputs.len());
    for (i, lang_docs) in docs.iter().enumerate() {
        let shards = match docs[..i].iter().position(|d| d == lang_docs) {
            Some(same) => Arc::clone(&all[same]),
            None => Arc::new(shards::shards(&shards::invert(&tokens, lang_docs), lang_docs.len())),
        };
        all.push(shards);
    }
    if std::env::var_os("VITRINE_TIMINGS").is_some() {
        let n: usize = docs.iter().map(Vec::len).sum();
        eprintln!("search: {texts} texts for {n} documents tokenised in {t1:?}, shards in {:?}", t0.elapsed());
    }
    all
}

/// The files of one language's index.
fn files(input: &Input, inverted: &BTreeMap<String, String>, facets: Vec<Facet>) -> Search {
    let (lang, order) = (input.lang, input.order);
    let cat = lang.cat;
    let dir = format!("search/{}/", lang.code);
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();

    // Each shard named by its own hash: an edit renames only the shards
    // whose words it changed, and a build rewrites only those files.
    let keys: Vec<&str> = inverted.keys().map(String::as_str).collect();
    let mut shard_hashes = serde_json::Map::new();
    for (key, json) in inverted {
        let h = hash(&[json.as_bytes()]);
        files.push((format!("{dir}shards/{key}.{h}.json"), json.clone().into_bytes()));
        shard_hashes.insert(key.clone(), Value::String(h));
    }

    let chunks: Vec<String> = order.chunks(CHUNK).map(|c| chunk_json(lang, c)).collect();
    let chunk_hash = hash(&chunks.iter().map(|c| c.as_bytes()).collect::<Vec<_>>());
    for (i, c) in chunks.into_iter().enumerate() {
        files.push((format!("{dir}chunks/{i}.{chunk_hash}.json"), c.into_bytes()));
    }

    let table = table_json(cat, order, &facets);
    let table_name = format!("docs.{}.json", hash(&[table.as_bytes()]));
    files.push((format!("{dir}{table_name}"), table.into_bytes()));

    let manifest = json!({
        "version": 1,
        "lang": lang.code,
        "count": order.len(),
        "today": cat.today.to_string(),
        "chunk_size": CHUNK,
        "moocs_url": lang.url("moocs/"),
        "docs": table_name,
        "chunks": chunk_hash,
        "shards": shard_hashes,
        "keys": keys.join(" "),
        "stop_words": text::STOP_WORDS,
        "facets": facets.iter().map(|f| f.key).collect::<Vec<_>>(),
        "new_days": facets::NEW_DAYS,
    })
    .to_string();
    let manifest_name = format!("index.{}.json", hash(&[manifest.as_bytes()]));
    files.push((format!("{dir}{manifest_name}"), manifest.into_bytes()));
    Search { manifest_url: format!("{}{dir}{manifest_name}", lang.root()), facets, files }
}

/// `[[slug, title], [slug, title, lang], ...]`: the lang is given when the
/// title is not in the page's language.
fn chunk_json(lang: &Lang, docs: &[usize]) -> String {
    let rows: Vec<Value> = docs
        .iter()
        .map(|&m| {
            let mooc = &lang.cat.content.moocs[m];
            let t = lang.text(mooc);
            if t.lang == lang.code {
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
fn table_json(cat: &Catalogue, order: &[usize], facets: &[Facet]) -> String {
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
    let sessions: Vec<Value> = order.iter().map(|&m| sessions_json(cat, m, day0)).collect();
    let published: Vec<Value> = order
        .iter()
        .map(|&m| cat.content.moocs[m].published.map_or(Value::Null, |p| json!(day_number(p) - day0)))
        .collect();
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
fn sessions_json(cat: &Catalogue, m: usize, day0: i64) -> Value {
    let mooc = &cat.content.moocs[m];
    let statuses = &cat.states[m].sessions;
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
