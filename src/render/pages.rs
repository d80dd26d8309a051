//! One function per kind of page: its output path and its template context.

use serde_json::{json, Value};

use crate::calendar::period::When;
use crate::load::fields::Out;
use crate::load::{Entity, Kind, Meta};
use crate::markdown::{self, Body};
use crate::render::globals::{template_value, tv};
use crate::render::values::{json, Card, Certificate, MoocPage, ParcoursLink, SessionColumns, SubjectLink};
use crate::render::view::View;

/// A page to render: where it goes, with which template and values.
pub struct PageOut {
    /// Path inside the language folder, e.g. `moocs/x/` (a folder gets
    /// `index.html`) or `404.html`.
    pub path: String,
    pub template: &'static str,
    pub context: tera::Context,
    /// Files that go with the page, by name inside its folder
    /// (`sessions.ics`, `grid.json`).
    pub files: Vec<(&'static str, Vec<u8>)>,
}

impl View<'_> {
    /// HTML of an entity's body in this language: rendered once for all
    /// languages (see `bodies.rs`), or here when the view has no cache.
    pub fn body_html(&self, meta: &Meta, out: &mut Out) -> String {
        if let Some(bodies) = self.bodies {
            let prefix = self.url("");
            let kept = bodies.get(meta, &prefix).or_else(|| bodies.from_next_door(self.cat, meta, &prefix, out));
            if let Some(html) = kept {
                return html;
            }
        }
        let body = Body { file: &meta.file, range: meta.body.clone(), safe_html: self.cat.config.safe_html };
        let resolve = |target: &str| self.internal_url(target);
        markdown::render(&body, &resolve, out)
    }

    /// `moocs/x.md` (or `moocs/x`, `moocs/x/index.md`) -> URL, if it exists.
    pub fn internal_url(&self, target: &str) -> Option<String> {
        crate::render::bodies::internal_path(self.cat, target).map(|p| self.url(&p))
    }

    /// A page with its values (moved in, never copied: lists of cards
    /// can be large).
    pub(super) fn page(
        &self,
        path: String,
        template: &'static str,
        title: &str,
        description: &str,
        extra: Vec<(&str, tera::Value)>,
    ) -> PageOut {
        let mut context = self.globals(&path, title, description);
        for (key, value) in extra {
            context.insert_value(key.to_string(), value);
        }
        PageOut { path, template, context, files: Vec::new() }
    }

    pub(super) fn page_title(&self, title: &str) -> String {
        format!("{title} · {}", self.cat.config.title(self.lang))
    }

    pub fn home(&self, out: &mut Out) -> PageOut {
        let cat = self.cat;
        let (title, summary, body, text_lang) = match &cat.home {
            Some(h) => {
                let t = self.text(Kind::Home, &h.meta, &h.title, &h.summary);
                (t.title.to_string(), t.summary, self.body_html(t.meta, out), t.lang)
            }
            None => (String::new(), "", String::new(), self.lang),
        };
        let featured: Vec<usize> = (0..cat.moocs.len()).filter(|&i| cat.moocs[i].featured).collect();
        let open: Vec<usize> = (0..cat.moocs.len()).filter(|&i| cat.states[i].status.enrollable()).collect();
        let site_title = cat.config.title(self.lang);
        let shown_title = if title.is_empty() { site_title.to_string() } else { title.clone() };
        self.page(
            String::new(),
            "index.html",
            site_title,
            summary,
            vec![
                ("home", tv(json!({"title": shown_title, "body_html": body, "content_lang": text_lang}))),
                ("featured", self.cards_by_title(&featured)),
                ("open_now", self.cards_by_title(&open)),
                ("parcours", tv((0..cat.parcours.len()).map(|i| self.parcours_card(i)).collect::<Vec<_>>().into())),
            ],
        )
    }

    pub fn mooc(&self, i: usize, out: &mut Out) -> PageOut {
        let m = &self.cat.moocs[i];
        let t = self.text(Kind::Mooc, &m.meta, &m.title, &m.summary);
        let tr = match self.translation(Kind::Mooc, &m.meta.slug) {
            Some(Entity::Mooc(tr)) => Some(tr.as_ref()),
            _ => None,
        };
        let cert = m.certificate.as_ref().map(|c| Certificate {
            free_attestation: c.free_attestation,
            price: c.price,
            price_label: c.price.map(|p| self.words.price(p, &c.currency)),
            currency: c.currency.clone(),
            proctored: c.proctored,
            exam_minutes: c.exam_minutes,
            exam_questions: c.exam_questions.as_ref().map(|q| q.value),
            pass_mark: c.pass_mark.as_ref().map(|q| q.value),
            ects: c.ects,
        });
        let total: u64 = m.sessions.iter().filter_map(|s| s.enrollments).sum();
        let total = Some(total).filter(|t| *t > 0);
        let parcours = self.cat.mooc_parcours[i]
            .iter()
            .map(|&(p, core)| ParcoursLink { link: self.parcours_link(p), core })
            .collect();
        let subjects = self
            .mooc_subjects(i)
            .into_iter()
            .map(|(si, label, lang)| {
                let slug = self.cat.subjects[si].slug.clone();
                let url = self.url(&format!("subjects/{slug}/"));
                let lang = (lang != self.lang).then(|| lang.to_string());
                SubjectLink { slug, label: label.to_string(), title: label.to_string(), lang, url }
            })
            .collect();
        let mooc = MoocPage {
            card: self.card(i),
            ics_url: self.url(&format!("moocs/{}/sessions.ics", m.meta.slug)),
            body_html: self.body_html(t.meta, out),
            subtitles: m.subtitles.iter().map(|l| self.language(&l.value)).collect(),
            effort_hours_per_week: m.effort_hours_per_week,
            effort_label: m.effort_hours_per_week.map(|h| {
                self.theme.label(self.lang, "mooc", "effort_value").replace("{hours}", &self.words.decimal(h))
            }),
            duration_weeks: m.duration_weeks,
            duration_label: m.duration_weeks.map(|w| {
                let key = if w == 1 { "duration_one" } else { "duration_many" };
                self.theme.label(self.lang, "mooc", key).replace("{weeks}", &w.to_string())
            }),
            teachers: tr.filter(|t| !t.teachers.is_empty()).map_or(&m.teachers, |t| &t.teachers).clone(),
            prerequisites: tr.and_then(|t| t.prerequisites.clone()).or_else(|| m.prerequisites.clone()),
            awards: tr.filter(|t| !t.awards.is_empty()).map_or(&m.awards, |t| &t.awards).clone(),
            trailer: m.trailer.clone(),
            published: m.published.map(|d| self.date(d)),
            subjects,
            certificate: cert,
            sessions: (0..m.sessions.len()).map(|s| self.session(i, s)).collect(),
            session_columns: self.session_columns(i),
            enrollments_total: total,
            enrollments_total_label: total.map(|n| self.thousands(n)),
            parcours,
        };
        let mut page =
            self.page(format!("moocs/{}/", m.meta.slug), "mooc.html", &self.page_title(t.title), t.summary, Vec::new());
        page.context.insert_value("mooc", template_value(&mooc));
        page.files.push(("sessions.ics", self.calendar_file(t.title, &[i])));
        page
    }

    /// Which optional columns the sessions table of MOOC `i` needs (a
    /// column only when a session fills it), and whether any session has
    /// dates (for the calendar link).
    fn session_columns(&self, i: usize) -> SessionColumns {
        let m = &self.cat.moocs[i];
        let states = &self.cat.states[i].sessions;
        let any = |f: &dyn Fn(usize) -> bool| (0..m.sessions.len()).any(f);
        SessionColumns {
            exam: any(&|s| m.sessions[s].exam_start.is_some() || m.sessions[s].exam_end.is_some()),
            platform: any(&|s| {
                m.sessions[s].platform.as_ref().is_some_and(|p| self.cat.index.platforms.contains_key(&p.value))
            }),
            enrol: any(&|s| m.sessions[s].url.is_some() && states[s].enrolment_ahead()),
            dated: any(&|s| matches!(m.sessions[s].start.value, When::Date(_))),
        }
    }

    pub fn parcours_list(&self) -> PageOut {
        let title = self.theme.label(self.lang, "nav", "parcours");
        let list: Vec<Value> = (0..self.cat.parcours.len()).map(|i| self.parcours_card(i)).collect();
        self.page(
            "parcours/".into(),
            "parcours_list.html",
            &self.page_title(&title),
            "",
            vec![("parcours", tv(list.into()))],
        )
    }

    pub fn parcours(&self, i: usize, out: &mut Out) -> PageOut {
        let p = &self.cat.parcours[i];
        let t = self.text(Kind::Parcours, &p.meta, &p.title, &p.summary);
        let mut card = self.parcours_card(i);
        let moocs: Vec<Value> = p
            .moocs
            .iter()
            .filter_map(|m| {
                self.cat.index.moocs.get(&m.value).map(|&mi| (mi, p.core.iter().any(|c| c.value == m.value)))
            })
            .map(|(mi, core)| json(&Card { core: Some(core), ..self.card(mi) }))
            .collect();
        let schedule = p.schedule.as_ref().and_then(|s| self.cat.index.schedules.get(&s.value)).map(|&si| {
            let s = &self.cat.schedules[si];
            json!({"slug": s.meta.slug, "title": self.text(Kind::Schedule, &s.meta, &s.title, "").title, "url": self.url(&format!("schedules/{}/", s.meta.slug))})
        });
        let extra = json!({
            "body_html": self.body_html(t.meta, out),
            "institutions": self.institution_links(&p.institutions),
            "partners": self.institution_links(&p.partners),
            "moocs": moocs,
            "core_count": p.core.len(),
            "ects": p.ects,
            "price_note": match self.translation(Kind::Parcours, &p.meta.slug) {
                Some(Entity::Parcours(tr)) if tr.price_note.is_some() => &tr.price_note,
                _ => &p.price_note,
            },
            "progression": self.keyed("progression", if p.ordered { "ordered" } else { "any" }),
            "ics_url": self.url(&format!("parcours/{}/sessions.ics", p.meta.slug)),
            "schedule": schedule,
            "cover": self.image(Kind::Parcours, &p.meta, p.cover.as_ref()),
        });
        if let (Value::Object(c), Value::Object(extra)) = (&mut card, extra) {
            c.extend(extra);
        }
        let grid = self.parcours_grid(i).unwrap_or(Value::Null);
        let mut page = self.page(
            format!("parcours/{}/", p.meta.slug),
            "parcours.html",
            &self.page_title(t.title),
            t.summary,
            vec![("parcours", tv(card)), ("grid", tv(grid))],
        );
        let moocs: Vec<usize> = p.moocs.iter().filter_map(|m| self.cat.index.moocs.get(&m.value).copied()).collect();
        page.files.push(("sessions.ics", self.calendar_file(t.title, &moocs)));
        page
    }

    pub fn platform(&self, i: usize, out: &mut Out) -> PageOut {
        let p = &self.cat.platforms[i];
        let t = self.text(Kind::Platform, &p.meta, &p.title, &p.summary);
        let ptr = match self.translation(Kind::Platform, &p.meta.slug) {
            Some(Entity::Platform(tr)) => Some(tr),
            _ => None,
        };
        let platform = json!({
            "slug": p.meta.slug,
            "url": self.url(&format!("platforms/{}/", p.meta.slug)),
            "title": t.title,
            "content_lang": t.lang,
            "summary": t.summary,
            "body_html": self.body_html(t.meta, out),
            "site_url": p.url,
            "audience": ptr.and_then(|t| t.audience.as_ref()).or(p.audience.as_ref()),
            "model": p.model.as_ref().map(|m| self.keyed("model", m)),
            "based_on": ptr.and_then(|t| t.based_on.as_ref()).or(p.based_on.as_ref()),
            "pacing": p.pacing.iter().map(|k| self.keyed("pacing", k)).collect::<Vec<_>>(),
            "learners": p.learners,
            "learners_label": p.learners.map(|n| self.thousands(n)),
            "learners_year": p.learners_year,
            "certification": ptr.and_then(|t| t.certification.as_ref()).or(p.certification.as_ref()),
            "logo": self.image(Kind::Platform, &p.meta, p.logo.as_ref()),
        });
        let moocs = self.cards_by_title(&self.cat.platform_moocs[i]);
        self.page(
            format!("platforms/{}/", p.meta.slug),
            "platform.html",
            &self.page_title(t.title),
            t.summary,
            vec![("platform", tv(platform)), ("moocs", moocs)],
        )
    }

    pub fn institution(&self, i: usize, out: &mut Out) -> PageOut {
        let inst = &self.cat.institutions[i];
        let t = self.text(Kind::Institution, &inst.meta, &inst.title, "");
        let parent = inst
            .parent
            .as_ref()
            .and_then(|p| self.cat.index.institutions.get(&p.value))
            .map(|&p| self.institution_link(p));
        let institution = json!({
            "slug": inst.meta.slug,
            "url": self.url(&format!("institutions/{}/", inst.meta.slug)),
            "title": t.title,
            "content_lang": t.lang,
            "short_title": inst.short_title,
            "site_url": inst.url,
            "country": inst.country,
            "parent": parent,
            "children": self.cat.institution_children[i].iter().map(|&c| self.institution_link(c)).collect::<Vec<_>>(),
            "body_html": self.body_html(t.meta, out),
            "logo": self.image(Kind::Institution, &inst.meta, inst.logo.as_ref()),
        });
        let moocs = self.cards_by_title(&self.cat.institution_moocs[i]);
        self.page(
            format!("institutions/{}/", inst.meta.slug),
            "institution.html",
            &self.page_title(t.title),
            "",
            vec![("institution", tv(institution)), ("moocs", moocs)],
        )
    }

    pub fn subject(&self, i: usize, out: &mut Out) -> PageOut {
        let s = &self.cat.subjects[i];
        let (label, label_lang) = self.subject_label(i);
        let (summary, body, text_lang) = match &s.doc {
            Some(d) => {
                let t = self.text(Kind::Subject, &d.meta, &d.title, &d.summary);
                (t.summary, self.body_html(t.meta, out), t.lang)
            }
            None => ("", String::new(), label_lang),
        };
        let subject = json!({
            "slug": s.slug,
            "label": label,
            "label_lang": label_lang,
            "content_lang": text_lang,
            "url": self.url(&format!("subjects/{}/", s.slug)),
            "body_html": body,
        });
        self.page(
            format!("subjects/{}/", s.slug),
            "subject.html",
            &self.page_title(label),
            summary,
            vec![("subject", tv(subject)), ("moocs", self.cards_by_title(&s.moocs))],
        )
    }

    pub fn free_page(&self, i: usize, out: &mut Out) -> PageOut {
        let p = &self.cat.pages[i];
        let t = self.text(Kind::Page, &p.meta, &p.title, &p.summary);
        let page = json!({
            "slug": p.meta.slug,
            "url": self.url(&format!("{}/", p.meta.slug)),
            "title": t.title,
            "content_lang": t.lang,
            "summary": t.summary,
            "body_html": self.body_html(t.meta, out),
        });
        self.page(
            format!("{}/", p.meta.slug),
            "page.html",
            &self.page_title(t.title),
            t.summary,
            vec![("page", tv(page))],
        )
    }

    pub fn not_found(&self) -> PageOut {
        let title = self.theme.label(self.lang, "notfound", "title");
        self.page("404.html".into(), "404.html", &self.page_title(&title), "", Vec::new())
    }
}
