//! Atom feeds (RFC 4287), written with the `atom_syndication` crate: the
//! MOOCs newly published (their `published` date) and the sessions whose
//! enrolment opened, of the whole site (`pages/feeds.rs`), of a parcours
//! and of an institution (beside their pages, `atom.xml`), in each
//! language (docs/decisions.md, "Feeds").
//!
//! Nothing in a feed comes from the clock: an entry's `updated` is a date
//! of the content (a MOOC's `published` or `updated`, the day a session's
//! enrolment opens), the feed's is its newest entry's (or, with no entry,
//! the date of the page it belongs to, else 1970-01-01), and ids are the
//! pages' addresses, which stay the same from build to build.

use atom_syndication::{Category, Entry, Feed, FixedDateTime, Generator, Link, Person, Text};
use jiff::civil::Date;

use crate::calendar::period::When;
use crate::calendar::status::Status;
use crate::i18n::Lang;
use crate::load::kinds::Session;
use crate::load::Mooc;
use crate::render::dates;
use crate::render::social::FeedLink;
use crate::render::structured::absolute;

/// Entries of a feed, at most: the newest.
pub const LIMIT: usize = 50;

/// The site's feeds, in each language folder: the MOOCs newly published,
/// the sessions whose enrolment opened. A parcours' and an institution's
/// are [`OWN`] beside their pages.
pub const SITE: [(&str, &str); 2] = [("moocs", "feeds/moocs.xml"), ("sessions", "feeds/sessions.xml")];

/// The file name of the feed of a parcours or an institution, beside its page.
pub const OWN: &str = "atom.xml";

/// The site's feeds in `lang`, for `<link rel="alternate">` on every page.
pub fn site_feeds(lang: &Lang) -> Vec<FeedLink> {
    SITE.iter().map(|(name, path)| FeedLink { title: site_title(lang, name), url: lang.url(path) }).collect()
}

/// The title of the site's feed `name` (`moocs`, `sessions`).
pub fn site_title(lang: &Lang, name: &str) -> String {
    lang.label("feeds", name).replace("{site}", lang.cat.config.title(lang.code))
}

/// The feed of a parcours or an institution titled `title`, beside its page
/// at `page`: its link.
pub fn own_link(lang: &Lang, title: &str, page: &str) -> FeedLink {
    FeedLink { title: lang.label("feeds", "own").replace("{title}", title), url: lang.url(&format!("{page}{OWN}")) }
}

/// One entry, before it is written.
pub struct Item {
    /// When it happened (publication, opening of enrolment): the order.
    date: Date,
    /// When it last changed: the feed's `updated` is the latest.
    updated: Date,
    /// Ties: the MOOC, then the session.
    order: (usize, usize),
    entry: Entry,
}

/// A date as Atom writes it (midnight UTC).
fn datetime(d: Date) -> FixedDateTime {
    FixedDateTime::parse_from_rfc3339(&format!("{d}T00:00:00Z")).unwrap_or_default()
}

/// The day enrolment in a session opens: its `enrollment_start`; without
/// one, enrolment is open as soon as the session is published, that is the
/// MOOC's `published` when it is not after the start, else the start.
pub fn opening(m: &Mooc, s: &Session) -> Option<Date> {
    let When::Date(start) = s.start.value else { return None };
    Some(s.enrollment_start.as_ref().map(|d| d.value).or(m.published.filter(|p| *p <= start)).unwrap_or(start))
}

/// The MOOCs of `moocs` published on or before the build date, as entries.
pub fn published(lang: &Lang, moocs: &[usize]) -> Vec<Item> {
    let cat = lang.cat;
    moocs
        .iter()
        .filter_map(|&mi| {
            let m = &cat.content.moocs[mi];
            let published = m.published.filter(|p| *p <= cat.today)?;
            let updated = dates::latest(cat.today, [Some(published), dates::updated(lang, m)]).unwrap_or(published);
            let t = lang.text(m);
            let url = absolute(lang, &lang.url(&format!("moocs/{}/", m.meta.slug)));
            let mut entry = entry(lang, m, &url, t.title.to_string(), updated);
            entry.set_published(datetime(published));
            Some(Item { date: published, updated, order: (mi, 0), entry })
        })
        .collect()
}

/// The sessions of the MOOCs `moocs` whose enrolment opened on or before
/// the build date, but for cancelled sessions and those over, as entries.
pub fn enrolments(lang: &Lang, moocs: &[usize]) -> Vec<Item> {
    let cat = lang.cat;
    let mut items = Vec::new();
    for &mi in moocs {
        let m = &cat.content.moocs[mi];
        for (si, s) in m.sessions.iter().enumerate() {
            let status = cat.states[mi].sessions[si];
            let Some(opens) = opening(m, s).filter(|d| *d <= cat.today) else { continue };
            if matches!(status, Status::Cancelled | Status::Archived) {
                continue;
            }
            let When::Date(start) = s.start.value else { continue };
            let page = absolute(lang, &lang.url(&format!("moocs/{}/", m.meta.slug)));
            let title = lang
                .label("feeds", "session_entry")
                .replace("{title}", lang.text(m).title)
                .replace("{start}", &lang.words.date(start));
            let mut entry = entry(lang, m, &format!("{page}#session-{}", si + 1), title, opens);
            entry.set_id(format!("{page}#session-{start}"));
            entry.set_published(datetime(opens));
            items.push(Item { date: opens, updated: opens, order: (mi, si + 1), entry });
        }
    }
    items
}

/// The entry of MOOC `m` at `link`, titled `title`, last updated `updated`:
/// its summary, its institutions as authors, its subjects as categories.
fn entry(lang: &Lang, m: &Mooc, link: &str, title: String, updated: Date) -> Entry {
    let cat = lang.cat;
    let mut entry = Entry::default();
    entry.set_id(link.to_string());
    entry.set_title(Text::plain(title));
    entry.set_updated(datetime(updated));
    entry.set_links(vec![Link { href: link.to_string(), ..Link::default() }]);
    entry.set_summary(Some(Text::plain(lang.text(m).summary)));
    let mi = cat.content.moocs.position(&m.meta.slug).unwrap_or_default();
    let subjects = lang.mooc_subjects(mi);
    entry.set_categories(
        subjects
            .iter()
            .map(|&(si, label, _)| Category {
                term: cat.subjects[si].slug.clone(),
                label: Some(label.to_string()),
                ..Category::default()
            })
            .collect::<Vec<_>>(),
    );
    let authors: Vec<Person> = m
        .institutions
        .iter()
        .filter_map(|s| cat.content.institutions.get(&s.value))
        .map(|i| Person {
            name: lang.text(i).title.to_string(),
            uri: Some(absolute(lang, &lang.url(&format!("institutions/{}/", i.meta.slug)))),
            ..Person::default()
        })
        .collect();
    entry.set_authors(authors);
    entry
}

/// The feed of a parcours or an institution whose MOOCs are `moocs`, at
/// `link`, beside its page `page` whose content dates from `date`: the
/// MOOCs newly published and their sessions whose enrolment opened.
pub fn own(lang: &Lang, moocs: &[usize], link: &FeedLink, page: &str, date: Option<Date>) -> Vec<u8> {
    let mut items = published(lang, moocs);
    items.extend(enrolments(lang, moocs));
    let about = About { title: link.title.clone(), url: &link.url, page: &lang.url(page), page_date: date };
    xml(lang, &about, items)
}

/// What a feed is.
pub struct About<'a> {
    pub title: String,
    /// Root-relative URLs of the feed and of the page it is the feed of.
    pub url: &'a str,
    pub page: &'a str,
    /// The date of that page's content: the feed's `updated` without entries.
    pub page_date: Option<Date>,
}

/// The feed of `items` (newest first, at most [`LIMIT`]), as XML.
pub fn xml(lang: &Lang, about: &About, mut items: Vec<Item>) -> Vec<u8> {
    let cat = lang.cat;
    items.sort_by(|a, b| b.date.cmp(&a.date).then(a.order.cmp(&b.order)));
    items.truncate(LIMIT);
    let epoch = Date::constant(1970, 1, 1);
    let updated = items.iter().map(|i| i.updated).max().or(about.page_date).unwrap_or(epoch);
    let site = cat.config.title(lang.code);
    let mut feed = Feed::default();
    feed.set_id(absolute(lang, about.url));
    feed.set_title(Text::plain(about.title.clone()));
    feed.set_updated(datetime(updated));
    feed.set_lang(Some(lang.code.to_string()));
    feed.set_authors(vec![Person {
        name: site.to_string(),
        uri: Some(absolute(lang, &lang.url(""))),
        ..Person::default()
    }]);
    feed.set_links(vec![
        Link {
            href: absolute(lang, about.url),
            rel: "self".into(),
            mime_type: Some("application/atom+xml".into()),
            ..Link::default()
        },
        Link { href: absolute(lang, about.page), mime_type: Some("text/html".into()), ..Link::default() },
    ]);
    feed.set_generator(Some(Generator { value: "vitrine".into(), ..Generator::default() }));
    feed.set_entries(items.into_iter().map(|i| i.entry).collect::<Vec<_>>());
    let mut bytes = Vec::with_capacity(4096);
    // Writing into memory does not fail; an empty file would be the result.
    let _ = feed.write_with_config(
        &mut bytes,
        atom_syndication::WriteConfig { write_document_declaration: true, indent_size: Some(2) },
    );
    bytes.push(b'\n');
    bytes
}
