//! Term pages: the page of a platform, an institution or a subject shows
//! the term (its text, and what its kind says of it) and the MOOCs it
//! lists, by title. One [`PageKind`] serves the three; each kind of term
//! says, with [`Term`], what MOOCs it lists and what its value holds.

use std::marker::PhantomData;

use jiff::civil::Date;
use serde_json::{json, Map, Value};

use crate::diagnostic::Out;
use crate::load::{Institution, Kind, Platform};
use crate::render::context::{Context, PageOut};
use crate::render::globals::tv;
use crate::render::pages::lists::per_page;
use crate::render::pages::{PageKind, Showing, Shows};
use crate::render::paging;
use crate::render::social::Head;
use crate::render::{dates, feeds, parts, pictures, structured};
use crate::resolve::{Catalogue, Subject};

/// A kind of term.
pub trait Term: Sync + 'static {
    /// The kind whose pages these are.
    const KIND: Kind;
    /// Its name in the keys of pages, and the template's value (`platform`).
    const NAME: &'static str;
    /// Its template.
    const TEMPLATE: &'static str;

    /// The slug of each term of `cat`.
    fn slugs(cat: &Catalogue) -> Vec<&str>;

    /// The MOOCs that term `i` lists.
    fn moocs(cat: &Catalogue, i: usize) -> &[usize];

    /// The value of term `i`: what the page says of it besides its slug
    /// and URL; and the page's title and description.
    fn value<'a>(ctx: &Context<'a>, i: usize, out: &mut Out) -> (Map<String, Value>, &'a str, &'a str);

    /// The picture vitrine makes of term `i` when it has no logo, for its
    /// page's folder: (name, bytes).
    fn made(_ctx: &Context, _i: usize) -> Option<(String, Vec<u8>)> {
        None
    }

    /// The `updated` of term `i` (and of its translation in this language).
    fn updated(ctx: &Context, i: usize) -> Option<Date>;

    /// The `head` of a page of term `i` ([`TermPage`]), and the files that
    /// go beside the term's first page: the list of the courses it shows.
    fn head(ctx: &Context, i: usize, page: &TermPage) -> (Head, Vec<(String, Vec<u8>)>) {
        let _ = i;
        let json_ld = structured::site::courses(&ctx.lang, page.title, page.shown, page.first);
        (Head { json_ld, ..Head::default() }, Vec::new())
    }
}

/// What [`Term::head`] reads of a page of a term: its list of MOOCs may
/// take several pages (`render::paging`).
pub struct TermPage<'a> {
    pub title: &'a str,
    /// The path of the term's first page.
    pub path: &'a str,
    /// All its MOOCs, by title.
    pub moocs: &'a [usize],
    /// Those this page shows, and the position of the first in `moocs`
    /// (from 1).
    pub shown: &'a [usize],
    pub first: usize,
    /// Which page of the term's it is (from 1).
    pub n: usize,
}

/// The pages of a kind of term.
pub struct TermPages<T>(PhantomData<T>);

pub const PLATFORMS: TermPages<Platform> = TermPages(PhantomData);
pub const INSTITUTIONS: TermPages<Institution> = TermPages(PhantomData);
pub const SUBJECTS: TermPages<Subject> = TermPages(PhantomData);

impl<T: Term> TermPages<T> {
    /// Each term's slug and number of MOOCs.
    fn lists(cat: &Catalogue) -> impl Iterator<Item = (&str, usize)> {
        T::slugs(cat).into_iter().enumerate().map(|(i, slug)| (slug, T::moocs(cat, i).len()))
    }
}

impl<T: Term> PageKind for TermPages<T> {
    /// A page per term, and more when its MOOCs do not fit on one
    /// (`render::paging`): `<slug>`, `<slug>/2`…
    fn pages(&self, cat: &Catalogue) -> Vec<String> {
        paging::names(Self::lists(cat), per_page(cat))
    }

    /// The term and its first MOOCs on its first page; its next MOOCs on
    /// the next ones, under the same header but without the term's text
    /// (`body_html` is empty there).
    fn render(&self, ctx: &Context, i: usize, out: &mut Out) -> PageOut {
        let cat = ctx.cat;
        let per = per_page(cat);
        let (t, n) = paging::locate(Self::lists(cat).map(|l| l.1), per, i).unwrap_or((0, 1));
        let slug = T::slugs(cat)[t];
        let base = T::KIND.page_path(slug);
        let (mut value, title, description) = T::value(ctx, t, out);
        value.insert("slug".into(), json!(slug));
        value.insert("url".into(), json!(ctx.lang.url(&base)));
        if n > 1 {
            value.insert("body_html".into(), json!(""));
        }
        let list = ctx.cards.sorted((T::NAME, t), || T::moocs(cat, t).to_vec());
        let total = paging::count(list.len(), per);
        let shown = paging::slice(&list, n, per);
        let date = dates::of_moocs(&ctx.lang, shown, [T::updated(ctx, t)]);
        let page = TermPage { title, path: &base, moocs: &list, shown, first: paging::first(n, per), n };
        let (head, files) = T::head(ctx, t, &page);
        let mut values = vec![(T::NAME, tv(value.into())), ("moocs", ctx.cards.items(shown)), ("head", head.value())];
        if total > 1 {
            values.push(("pagination", tv(paging::pagination(&ctx.lang, &base, n, total))));
            values.push(("total", tv(json!(list.len()))));
        }
        let heading = paging::heading(&ctx.lang, title, n, total);
        let mut page = ctx.page(paging::path(&base, n), T::TEMPLATE, &ctx.page_title(&heading), description, values);
        // The files of the term (its feed, its made logo) go beside its
        // first page.
        if n == 1 {
            page.files = files;
            page.files.extend(T::made(ctx, t));
        }
        page.lastmod = date;
        page
    }

    /// Every page of the terms that list the MOOC: a change of title moves
    /// it from one page to another.
    fn showing(&self, cat: &Catalogue) -> Showing {
        let mut each = vec![Vec::new(); cat.content.moocs.len()];
        for (i, slug) in T::slugs(cat).iter().enumerate() {
            for &m in T::moocs(cat, i).iter() {
                if let Some(lists) = each.get_mut(m) {
                    lists.push(slug.to_string());
                }
            }
        }
        Showing::Each(each.into_iter().map(Shows::Lists).collect())
    }
}

/// A JSON table from its pairs.
fn table(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

impl Term for Platform {
    const KIND: Kind = Kind::Platform;
    const NAME: &'static str = "platform";
    const TEMPLATE: &'static str = "platform.html";

    fn slugs(cat: &Catalogue) -> Vec<&str> {
        cat.content.platforms.iter().map(|p| p.meta.slug.as_str()).collect()
    }

    fn moocs(cat: &Catalogue, i: usize) -> &[usize] {
        &cat.platform_moocs[i]
    }

    fn value<'a>(ctx: &Context<'a>, i: usize, out: &mut Out) -> (Map<String, Value>, &'a str, &'a str) {
        let p = &ctx.cat.content.platforms[i];
        let t = ctx.lang.text(p);
        let tr = ctx.lang.translation::<Platform>(&p.meta.slug);
        let value = json!({
            "title": t.title,
            "content_lang": t.lang,
            "summary": t.summary,
            "body_html": ctx.body_html(t.meta, out),
            "site_url": p.url,
            "audience": tr.and_then(|t| t.audience.as_ref()).or(p.audience.as_ref()),
            "model": p.model.as_ref().map(|m| parts::keyed(&ctx.lang, "model", m)),
            "based_on": tr.and_then(|t| t.based_on.as_ref()).or(p.based_on.as_ref()),
            "pacing": p.pacing.iter().map(|k| parts::keyed(&ctx.lang, "pacing", k)).collect::<Vec<_>>(),
            "learners": p.learners,
            "learners_label": p.learners.map(|n| parts::thousands(&ctx.lang, n)),
            "learners_year": p.learners_year,
            "certification": tr.and_then(|t| t.certification.as_ref()).or(p.certification.as_ref()),
            "logo": ctx.image(p),
        });
        (table(value), t.title, t.summary)
    }

    fn made(ctx: &Context, i: usize) -> Option<(String, Vec<u8>)> {
        pictures::made_file(&ctx.lang, &ctx.cat.content.platforms[i])
    }

    fn updated(ctx: &Context, i: usize) -> Option<Date> {
        dates::updated(&ctx.lang, &ctx.cat.content.platforms[i])
    }
}

impl Term for Institution {
    const KIND: Kind = Kind::Institution;
    const NAME: &'static str = "institution";
    const TEMPLATE: &'static str = "institution.html";

    fn slugs(cat: &Catalogue) -> Vec<&str> {
        cat.content.institutions.iter().map(|p| p.meta.slug.as_str()).collect()
    }

    fn moocs(cat: &Catalogue, i: usize) -> &[usize] {
        &cat.institution_moocs[i]
    }

    fn value<'a>(ctx: &Context<'a>, i: usize, out: &mut Out) -> (Map<String, Value>, &'a str, &'a str) {
        let institutions = &ctx.cat.content.institutions;
        let inst = &institutions[i];
        let t = ctx.lang.text(inst);
        let parent = inst.parent.as_ref().and_then(|p| institutions.get(&p.value)).map(|p| parts::link(&ctx.lang, p));
        let children: Vec<_> =
            ctx.cat.institution_children[i].iter().map(|&c| parts::link(&ctx.lang, &institutions[c])).collect();
        let value = json!({
            "title": t.title,
            "content_lang": t.lang,
            "short_title": inst.short_title,
            "site_url": inst.url,
            "country": inst.country,
            "parent": parent,
            "children": children,
            "body_html": ctx.body_html(t.meta, out),
            "logo": ctx.image(inst),
        });
        (table(value), t.title, "")
    }

    fn made(ctx: &Context, i: usize) -> Option<(String, Vec<u8>)> {
        pictures::made_file(&ctx.lang, &ctx.cat.content.institutions[i])
    }

    fn updated(ctx: &Context, i: usize) -> Option<Date> {
        dates::updated(&ctx.lang, &ctx.cat.content.institutions[i])
    }

    /// An institution's pages are its organisation and the courses they
    /// show, with its own feed (of all its courses, made once, beside its
    /// first page).
    fn head(ctx: &Context, i: usize, page: &TermPage) -> (Head, Vec<(String, Vec<u8>)>) {
        let feed = feeds::own_link(&ctx.lang, page.title, page.path);
        let files = if page.n <= 1 {
            let date = dates::of_moocs(&ctx.lang, page.moocs, [Self::updated(ctx, i)]);
            vec![(feeds::OWN.into(), feeds::own(&ctx.lang, page.moocs, &feed, page.path, date))]
        } else {
            Vec::new()
        };
        let json_ld = structured::site::institution(&ctx.lang, i, page.shown, page.first);
        (Head { json_ld: Some(json_ld), feeds: vec![feed], ..Head::default() }, files)
    }
}

impl Term for Subject {
    const KIND: Kind = Kind::Subject;
    const NAME: &'static str = "subject";
    const TEMPLATE: &'static str = "subject.html";

    fn slugs(cat: &Catalogue) -> Vec<&str> {
        cat.subjects.iter().map(|s| s.slug.as_str()).collect()
    }

    fn moocs(cat: &Catalogue, i: usize) -> &[usize] {
        &cat.subjects[i].moocs
    }

    /// A subject is named by its label in this language; its text, when a
    /// file describes it, is that file's.
    fn value<'a>(ctx: &Context<'a>, i: usize, out: &mut Out) -> (Map<String, Value>, &'a str, &'a str) {
        let (label, label_lang) = ctx.lang.subject_label(i);
        let (summary, body, text_lang) = match ctx.cat.subject_doc(&ctx.cat.subjects[i]) {
            Some(d) => {
                let t = ctx.lang.text(d);
                (t.summary, ctx.body_html(t.meta, out), t.lang)
            }
            None => ("", String::new(), label_lang),
        };
        let value = json!({"label": label, "label_lang": label_lang, "content_lang": text_lang, "body_html": body});
        (table(value), label, summary)
    }

    fn updated(ctx: &Context, i: usize) -> Option<Date> {
        ctx.cat.subject_doc(&ctx.cat.subjects[i]).and_then(|d| dates::updated(&ctx.lang, d))
    }
}
