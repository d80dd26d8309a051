//! A MOOC's page (`/moocs/<slug>/`): its card and everything else it
//! says (sessions, certificate, subjects, parcours, body), its calendar,
//! `sessions.ics`, and its made cover when it has none.

use crate::calendar::period::When;
use crate::diagnostic::Out;
use crate::load::{Mooc, Parcours};
use crate::render::calendars::calendar_file;
use crate::render::context::{Context, PageOut};
use crate::render::globals::template_value;
use crate::render::pages::{slugs, PageKind, Showing, Shows};
use crate::render::social::{self, Head};
use crate::render::structured::{absolute, course};
use crate::render::values::{Certificate, Embed, MoocPage, ParcoursLink, SessionColumns, SubjectLink};
use crate::render::{dates, parts, pictures};
use crate::resolve::Catalogue;

/// Its name in the keys of pages (a rebuild also makes the card of a
/// MOOC whose page it renders again: `render::render`).
pub const NAME: &str = "mooc";

pub struct Moocs;

impl PageKind for Moocs {
    fn pages(&self, cat: &Catalogue) -> Vec<String> {
        slugs(&cat.content.moocs)
    }

    fn render(&self, ctx: &Context, i: usize, out: &mut Out) -> PageOut {
        let m = &ctx.cat.content.moocs[i];
        let t = ctx.lang.text(m);
        let mooc = values(ctx, i, out);
        let path = format!("moocs/{}/", m.meta.slug);
        let url = absolute(&ctx.lang, &ctx.lang.url(&path));
        let lastmod = dates::mooc(&ctx.lang, i);
        let (image, card) = social::mooc_image(&ctx.lang, ctx.pictures, i, ctx.card_font);
        let json_ld = course::json_ld(&ctx.lang, i, &course::Page { url: &url, image: &image.url, modified: lastmod });
        let head = Head { image: Some(image), json_ld: Some(json_ld), feeds: Vec::new() };
        let mut page = ctx.page(path, "mooc.html", &ctx.page_title(t.title), t.summary, vec![("head", head.value())]);
        page.context.insert_value("mooc", template_value(&mooc));
        page.files.push(("sessions.ics".into(), calendar_file(&ctx.lang, t.title, &[i])));
        page.files.extend(pictures::made_file(&ctx.lang, m));
        page.cards.extend(card);
        page.lastmod = lastmod;
        page
    }

    fn showing(&self, cat: &Catalogue) -> Showing {
        Showing::Each(cat.content.moocs.iter().map(|m| Shows::These(vec![m.meta.slug.clone()])).collect())
    }
}

/// `mooc` on the page of MOOC `i`.
fn values(ctx: &Context, i: usize, out: &mut Out) -> MoocPage {
    let cat = ctx.cat;
    let m = &cat.content.moocs[i];
    let t = ctx.lang.text(m);
    let tr = ctx.lang.translation::<Mooc>(&m.meta.slug);
    let total: u64 = m.sessions.iter().filter_map(|s| s.enrollments).sum();
    let total = Some(total).filter(|t| *t > 0);
    let parcours = cat.mooc_parcours[i]
        .iter()
        .map(|&(p, core)| {
            let p: &Parcours = &cat.content.parcours[p];
            ParcoursLink { link: parts::link(&ctx.lang, p), core }
        })
        .collect();
    MoocPage {
        card: ctx.cards.card(&ctx.lang, ctx.pictures, i),
        ics_url: ctx.lang.url(&format!("moocs/{}/sessions.ics", m.meta.slug)),
        body_html: ctx.body_html(t.meta, out),
        subtitles: m.subtitles.iter().map(|l| parts::language(&ctx.lang, &l.value)).collect(),
        effort_hours_per_week: m.effort_hours_per_week,
        effort_label: m
            .effort_hours_per_week
            .map(|h| ctx.lang.label("mooc", "effort_value").replace("{hours}", &ctx.lang.words.decimal(h))),
        duration_weeks: m.duration_weeks,
        duration_label: m.duration_weeks.map(|w| {
            let key = if w == 1 { "duration_one" } else { "duration_many" };
            ctx.lang.label("mooc", key).replace("{weeks}", &w.to_string())
        }),
        teachers: tr.filter(|t| !t.teachers.is_empty()).map_or(&m.teachers, |t| &t.teachers).clone(),
        prerequisites: tr.and_then(|t| t.prerequisites.clone()).or_else(|| m.prerequisites.clone()),
        awards: tr.filter(|t| !t.awards.is_empty()).map_or(&m.awards, |t| &t.awards).clone(),
        trailer: m.trailer.clone(),
        trailer_embed: m.trailer.as_deref().and_then(embed),
        published: m.published.map(|d| parts::date(&ctx.lang, d)),
        subjects: subjects(ctx, i),
        certificate: certificate(ctx, m),
        sessions: (0..m.sessions.len()).map(|s| parts::session(&ctx.lang, i, s)).collect(),
        session_columns: session_columns(ctx, i),
        enrollments_total: total,
        enrollments_total_label: total.map(|n| parts::thousands(&ctx.lang, n)),
        parcours,
    }
}

/// The subjects of MOOC `i`, labelled in this language.
fn subjects(ctx: &Context, i: usize) -> Vec<SubjectLink> {
    ctx.lang
        .mooc_subjects(i)
        .into_iter()
        .map(|(si, label, lang)| {
            let slug = ctx.cat.subjects[si].slug.clone();
            let url = ctx.lang.url(&format!("subjects/{slug}/"));
            let lang = (lang != ctx.lang.code).then(|| lang.to_string());
            SubjectLink { slug, label: label.to_string(), title: label.to_string(), lang, url }
        })
        .collect()
}

fn certificate(ctx: &Context, m: &Mooc) -> Option<Certificate> {
    m.certificate.as_ref().map(|c| Certificate {
        free_attestation: c.free_attestation,
        price: c.price,
        price_label: c.price.map(|p| ctx.lang.words.price(p, &c.currency)),
        currency: c.currency.clone(),
        proctored: c.proctored,
        exam_minutes: c.exam_minutes,
        exam_questions: c.exam_questions.as_ref().map(|q| q.value),
        pass_mark: c.pass_mark.as_ref().map(|q| q.value),
        ects: c.ects,
    })
}

/// Which optional columns the sessions table of MOOC `i` needs (a column
/// only when a session fills it), and whether any session has dates (for
/// the calendar link).
fn session_columns(ctx: &Context, i: usize) -> SessionColumns {
    let cat = ctx.cat;
    let m = &cat.content.moocs[i];
    let states = &cat.states[i].sessions;
    let any = |f: &dyn Fn(usize) -> bool| (0..m.sessions.len()).any(f);
    SessionColumns {
        exam: any(&|s| m.sessions[s].exam_start.is_some() || m.sessions[s].exam_end.is_some()),
        platform: any(&|s| {
            m.sessions[s].platform.as_ref().is_some_and(|p| cat.content.platforms.position(&p.value).is_some())
        }),
        enrol: any(&|s| m.sessions[s].url.is_some() && states[s].enrolment_ahead()),
        dated: any(&|s| matches!(m.sessions[s].start.value, When::Date(_))),
    }
}

/// The privacy-enhanced player of a trailer on YouTube (youtube-nocookie.com)
/// or Vimeo (with `dnt=1`), for a click-to-load embed; `None` for another
/// host, whose trailer stays a link.
pub fn embed(trailer: &str) -> Option<Embed> {
    let url = url::Url::parse(trailer).ok()?;
    let host = url.host_str()?.trim_start_matches("www.").trim_start_matches("m.");
    let segments: Vec<&str> = url.path_segments()?.filter(|s| !s.is_empty()).collect();
    let youtube_id = |id: &str| {
        (id.len() == 11 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
            .then(|| id.to_string())
    };
    let youtube = match (host, segments.as_slice()) {
        ("youtube.com", ["watch"]) => url.query_pairs().find(|(k, _)| k == "v").and_then(|(_, v)| youtube_id(&v)),
        ("youtube.com" | "youtube-nocookie.com", ["embed" | "shorts" | "live", id]) => youtube_id(id),
        ("youtu.be", [id]) => youtube_id(id),
        _ => None,
    };
    if let Some(id) = youtube {
        return Some(Embed {
            src: format!("https://www.youtube-nocookie.com/embed/{id}"),
            host: "youtube-nocookie.com".into(),
        });
    }
    let vimeo = match (host, segments.as_slice()) {
        ("vimeo.com", [id]) | ("player.vimeo.com", ["video", id]) => Some(*id),
        _ => None,
    };
    vimeo
        .filter(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
        .map(|id| Embed { src: format!("https://player.vimeo.com/video/{id}?dnt=1"), host: "player.vimeo.com".into() })
}

#[cfg(test)]
mod tests {
    use super::embed;

    #[test]
    fn trailers_on_youtube_and_vimeo_get_a_privacy_enhanced_player() {
        let src = |u: &str| embed(u).map(|e| e.src);
        let nocookie = Some("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ".to_string());
        assert_eq!(src("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=4"), nocookie);
        assert_eq!(src("https://youtu.be/dQw4w9WgXcQ"), nocookie);
        assert_eq!(src("https://www.youtube.com/embed/dQw4w9WgXcQ"), nocookie);
        assert_eq!(src("https://vimeo.com/76979871"), Some("https://player.vimeo.com/video/76979871?dnt=1".into()));
        // Other hosts, and addresses that are not a video, stay links.
        assert_eq!(src("https://www.dailymotion.com/video/x8abc"), None);
        assert_eq!(src("https://www.youtube.com/watch?v=short"), None);
        assert_eq!(src("https://www.youtube.com/channel/UC123"), None);
        assert_eq!(src("https://vimeo.com/channels/staffpicks"), None);
    }
}
