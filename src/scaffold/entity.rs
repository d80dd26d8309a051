//! `vitrine new mooc SLUG` (and `parcours`, `platform`, `institution`,
//! `schedule`, `page`): one file of content with every key of its kind,
//! each under a comment in the site's language. Keys with a value that
//! cannot be wrong are set (a MOOC's platform is the site's first
//! platform, a parcours' MOOCs are the site's first three); the others are
//! written commented out (`# cover = "…"`), ready to use.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::texts as t;
use super::{list, quoted, title_of, Writer};
use crate::base::slug::{is_slug, slugify};
use crate::calendar::period::Period;
use crate::config::Config;
use crate::diagnostic::{problems, texts, Diagnostic, Locale};

/// The kinds `vitrine new` writes one file of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewKind {
    Mooc,
    Parcours,
    Platform,
    Institution,
    Schedule,
    Page,
}

impl NewKind {
    pub const ALL: [NewKind; 6] =
        [NewKind::Institution, NewKind::Platform, NewKind::Mooc, NewKind::Parcours, NewKind::Schedule, NewKind::Page];

    /// Its folder of `content/`.
    pub fn folder(self) -> &'static str {
        match self {
            NewKind::Mooc => "moocs",
            NewKind::Parcours => "parcours",
            NewKind::Platform => "platforms",
            NewKind::Institution => "institutions",
            NewKind::Schedule => "schedules",
            NewKind::Page => "pages",
        }
    }

    /// Its noun in the catalogues (`a_kind`), and its word in `vitrine new`.
    pub fn noun(self) -> &'static str {
        match self {
            NewKind::Mooc => "MOOC",
            NewKind::Parcours => "parcours",
            NewKind::Platform => "platform",
            NewKind::Institution => "institution",
            NewKind::Schedule => "schedule",
            NewKind::Page => "page",
        }
    }

    pub fn command(self) -> &'static str {
        match self {
            NewKind::Mooc => "mooc",
            other => other.noun(),
        }
    }
}

/// What a new file can name: the slugs of the site's entities (drafts
/// left out, sorted), its MOOCs' subject labels, its language and today.
#[derive(Debug, Clone, Default)]
pub struct Site {
    pub locale: Option<Locale>,
    pub language: String,
    pub moocs: Vec<String>,
    pub parcours: Vec<String>,
    pub platforms: Vec<String>,
    pub institutions: Vec<String>,
    pub subjects: Vec<String>,
    pub today: Option<Date>,
}

impl Site {
    /// Reads the site at `root` (its problems are not this command's).
    pub fn read(root: &Path) -> Result<Site, Diagnostic> {
        let mut problems = Vec::new();
        let Some(config) = Config::load(root, None, &mut problems) else {
            return Err(problems.into_iter().next().unwrap_or_else(|| {
                Diagnostic::about(&root.join("vitrine.toml"), problems::config_unreadable("vitrine.toml"))
            }));
        };
        let loaded = crate::load::load(root, &config, &mut Vec::new());
        let c = &loaded.content;
        let slugs = |metas: Vec<&crate::load::Meta>| {
            let mut s: Vec<String> = metas.into_iter().filter(|m| !m.draft).map(|m| m.slug.clone()).collect();
            s.sort();
            s
        };
        let mut subjects: Vec<String> =
            c.moocs.iter().filter(|m| !m.meta.draft).flat_map(|m| m.subjects.iter().map(|s| s.value.clone())).collect();
        subjects.sort();
        subjects.dedup();
        let epoch = std::env::var("SOURCE_DATE_EPOCH").ok().filter(|s| !s.is_empty());
        Ok(Site {
            locale: Some(Locale::for_language(&config.default_language)),
            moocs: slugs(c.moocs.iter().map(|m| &m.meta).collect()),
            parcours: slugs(c.parcours.iter().map(|p| &p.meta).collect()),
            platforms: slugs(c.platforms.iter().map(|p| &p.meta).collect()),
            institutions: slugs(c.institutions.iter().map(|i| &i.meta).collect()),
            subjects,
            today: crate::calendar::today::resolve_today(None, epoch.as_deref(), &config.timezone).ok(),
            language: config.default_language,
        })
    }

    fn locale(&self) -> Locale {
        self.locale.unwrap_or(Locale::En)
    }
}

/// Writes `content/<kind>/<slug>.md` in the site at `root`; its path.
pub fn new_entity(root: &Path, kind: NewKind, slug: &str) -> Result<PathBuf, Diagnostic> {
    let file = PathBuf::from("content").join(kind.folder()).join(format!("{slug}.md"));
    if !is_slug(slug) {
        return Err(Diagnostic::about(&file, problems::bad_file_slug(slug)).with_hint(texts::rename_to(slugify(slug))));
    }
    let site = Site::read(root)?;
    let path = root.join(&file);
    if path.exists() || root.join("content").join(kind.folder()).join(slug).exists() {
        return Err(Diagnostic::about(&file, problems::entity_exists(&file)));
    }
    let text = entity_text(kind, slug, &site);
    let failed = |at: &Path, e: std::io::Error| Diagnostic::about(at, problems::cannot_create(at, &e));
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| failed(dir, e))?;
    }
    std::fs::write(&path, text).map_err(|e| failed(&path, e))?;
    Ok(file)
}

/// The text of a new file of `kind` named `slug` in `site`.
pub fn entity_text(kind: NewKind, slug: &str, site: &Site) -> String {
    let mut w = Writer::new(site.locale());
    w.line("+++");
    w.comment(t::sc_header(kind.noun()));
    w.comment(t::sc_optional());
    w.blank();
    w.key("title", t::f_title(), &quoted(&title_of(slug)));
    w.key("draft", t::f_draft(), "false");
    w.optional("updated", t::f_updated(), "2026-09-30");
    match kind {
        NewKind::Mooc => mooc(&mut w, site),
        NewKind::Parcours => parcours(&mut w, site),
        NewKind::Platform => platform(&mut w),
        NewKind::Institution => institution(&mut w),
        NewKind::Schedule => schedule(&mut w, site),
        NewKind::Page => page(&mut w),
    }
    w.line("+++");
    w.blank();
    w.line(&t::v_body(kind.noun()).render(site.locale()));
    w.text
}

/// The first slug of `slugs`, or a note that there is none yet (and the
/// name `vitrine new` would give one).
fn first(w: &mut Writer, slugs: &[String], kind: NewKind) -> String {
    match slugs.first() {
        Some(s) => s.clone(),
        None => {
            let example = format!("mon-{}", kind.command());
            w.comment(t::sc_missing(kind.noun(), format!("vitrine new {} {example}", kind.command())));
            example
        }
    }
}

fn mooc(w: &mut Writer, site: &Site) {
    let locale = site.locale();
    w.key("summary", t::f_summary(), &quoted(&t::v_summary("MOOC").render(locale)));
    w.key("languages", t::f_languages(), &list(&[&site.language]));
    w.key("subtitles", t::f_subtitles(), &list(&[&site.language]));
    let institution = first(w, &site.institutions, NewKind::Institution);
    w.key("institutions", t::f_institutions(), &list(&[institution]));
    let platform = first(w, &site.platforms, NewKind::Platform);
    w.key("platform", t::f_platform(), &quoted(&platform));
    let subject = site.subjects.first().cloned().unwrap_or_else(|| t::v_subject().render(locale));
    w.key("subjects", t::f_subjects(), &list(&[subject]));
    w.key("level", t::f_level(), &quoted("beginner"));
    w.key("effort_hours_per_week", t::f_effort(), "2");
    w.key("duration_weeks", t::f_duration(), "6");
    w.key("teachers", t::f_teachers(), &list(&[t::v_teacher().render(locale)]));
    w.optional("cover", t::f_cover(), &quoted("cover.jpg"));
    w.optional("cover_alt", t::f_cover_alt(), &quoted("…"));
    w.key("featured", t::f_featured(), "false");
    w.optional("prerequisites", t::f_prerequisites(), &quoted(&t::v_prerequisites().render(locale)));
    w.key("aliases", t::f_aliases(), "[]");
    match site.today {
        Some(today) => w.key("published", t::f_published(), &today.to_string()),
        None => w.optional("published", t::f_published(), "2026-09-01"),
    }
    w.optional("awards", t::f_awards(), &list(&[t::v_award().render(locale)]));
    w.optional("trailer", t::f_trailer(), &quoted("https://www.example.org/video"));
    w.blank();
    w.comment(t::f_certificate());
    w.line("[certificate]");
    w.key("free_attestation", t::f_free_attestation(), "true");
    w.optional("price", t::f_price(), "49");
    w.optional("currency", t::f_currency(), &quoted("EUR"));
    w.optional("proctored", t::f_proctored(), "false");
    w.optional("exam_minutes", t::f_exam_minutes(), "60");
    w.optional("exam_questions", t::f_exam_questions(), "30");
    w.optional("pass_mark", t::f_pass_mark(), "18");
    w.optional("ects", t::f_ects(), "2");
    w.blank();
    w.comment(t::f_sessions());
    w.line("[[sessions]]");
    let next = site.today.map_or(Period::Quarter { year: 2027, quarter: 1 }, next_quarter);
    w.key("start", t::f_start(), &quoted(&next.to_string()));
    w.optional("end", t::f_end(), "2027-03-07");
    w.optional("enrollment_start", t::f_enrollment_start(), "2026-11-02");
    w.optional("enrollment_end", t::f_enrollment_end(), "2027-01-31");
    w.optional("exam_start", t::f_exam_start(), "2027-03-01");
    w.optional("exam_end", t::f_exam_end(), "2027-03-15");
    w.optional("url", t::f_session_url(), &quoted("https://www.example.org/inscription"));
    w.key("pacing", t::f_pacing(), &quoted("instructor"));
    w.optional("platform", t::f_session_platform(), &quoted(&platform));
    w.key("cancelled", t::f_cancelled(), "false");
    w.optional("enrollments", t::f_enrollments(), "1200");
    w.blank();
    w.line("# [[sessions]]  …");
    w.blank();
}

/// The quarter after the one of `day`.
fn next_quarter(day: Date) -> Period {
    let quarter = (day.month() - 1) / 3 + 1;
    match quarter {
        4 => Period::Quarter { year: day.year() + 1, quarter: 1 },
        q => Period::Quarter { year: day.year(), quarter: q + 1 },
    }
}

fn parcours(w: &mut Writer, site: &Site) {
    let locale = site.locale();
    w.optional("short_title", t::f_short_title(), &quoted("ABC"));
    w.key("summary", t::f_summary(), &quoted(&t::v_summary("parcours").render(locale)));
    let institution = first(w, &site.institutions, NewKind::Institution);
    w.key("institutions", t::f_institutions(), &list(&[institution]));
    let moocs: Vec<String> = match site.moocs.len() {
        0 => vec![first(w, &site.moocs, NewKind::Mooc)],
        _ => site.moocs.iter().take(3).cloned().collect(),
    };
    w.key("moocs", t::f_moocs(), &list(&moocs));
    w.key("core", t::f_core(), &list(&moocs[..1]));
    w.optional("core_required", t::f_core_required(), "1");
    w.key("required", t::f_required(), &moocs.len().to_string());
    w.key("credential", t::f_credential(), &quoted("certificate"));
    w.optional("credential_name", t::f_credential_name(), &quoted(&t::v_credential_name().render(locale)));
    w.optional("ects", t::f_parcours_ects(), "6");
    w.optional("price", t::f_parcours_price(), "150");
    w.optional("price_note", t::f_price_note(), &quoted(&t::v_price_note().render(locale)));
    w.optional("schedule", t::f_schedule(), &quoted("calendrier"));
    w.key("progression", t::f_progression(), &quoted("any"));
    w.key("partners", t::f_partners(), "[]");
    w.optional("cover", t::f_cover(), &quoted("cover.jpg"));
    w.optional("cover_alt", t::f_cover_alt(), &quoted("…"));
}

fn platform(w: &mut Writer) {
    let locale = w.locale;
    w.key("url", t::f_website(), &quoted("https://www.example.org"));
    w.key("summary", t::f_summary(), &quoted(&t::v_summary("platform").render(locale)));
    w.optional("logo", t::f_logo(), &quoted("logos/plateforme.svg"));
    w.optional("logo_alt", t::f_logo_alt(), &quoted("…"));
    w.optional("audience", t::f_audience(), &quoted("francophone"));
    w.optional("model", t::f_model(), &quoted("public"));
    w.optional("based_on", t::f_based_on(), &quoted("Open edX"));
    w.key("pacing", t::f_platform_pacing(), &list(&["instructor", "self"]));
    w.optional("learners", t::f_learners(), "100000");
    w.optional("learners_year", t::f_learners_year(), "2026");
    w.optional("certification", t::f_certification(), &quoted(&t::v_certification().render(locale)));
}

fn institution(w: &mut Writer) {
    w.optional("short_title", t::f_short_title(), &quoted("ABC"));
    w.key("url", t::f_website(), &quoted("https://www.example.org"));
    w.optional("logo", t::f_logo(), &quoted("logos/etablissement.svg"));
    w.optional("logo_alt", t::f_logo_alt(), &quoted("…"));
    w.optional("parent", t::f_parent(), &quoted("groupe"));
    w.optional("country", t::f_country(), &quoted("FR"));
    w.optional("category", t::f_category(), &quoted("higher-education"));
}

fn schedule(w: &mut Writer, site: &Site) {
    match (site.parcours.first(), site.moocs.is_empty()) {
        (Some(p), _) => {
            w.key("parcours", t::f_schedule_parcours(), &quoted(p));
            let example: Vec<&String> = site.moocs.iter().take(3).collect();
            w.optional("moocs", t::f_schedule_moocs(), &list(&example));
        }
        (None, false) => {
            w.optional("parcours", t::f_schedule_parcours(), &quoted("mon-parcours"));
            w.key("moocs", t::f_schedule_moocs(), &list(&site.moocs.iter().take(3).collect::<Vec<_>>()));
        }
        (None, true) => {
            w.optional("parcours", t::f_schedule_parcours(), &quoted("mon-parcours"));
            let mooc = first(w, &site.moocs, NewKind::Mooc);
            w.key("moocs", t::f_schedule_moocs(), &list(&[mooc]));
        }
    }
    w.key("granularity", t::f_granularity(), &quoted("quarter"));
    w.optional("from", t::f_from(), &quoted("2026-T1"));
    w.optional("to", t::f_to(), &quoted("2027-T4"));
    match site.today {
        Some(today) => w.key("version", t::f_version(), &today.to_string()),
        None => w.optional("version", t::f_version(), "2026-09-01"),
    }
    w.optional("note", t::f_note(), &quoted(&t::v_note().render(w.locale)));
}

fn page(w: &mut Writer) {
    w.key("summary", t::f_summary(), &quoted(&t::v_summary("page").render(w.locale)));
    w.key("weight", t::f_weight(), "10");
    w.key("menu", t::f_menu(), "true");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::kinds::keys;

    /// Every key of each kind is in its new file: set, or commented out.
    #[test]
    fn every_key_of_each_kind_is_written() {
        let site = Site { language: "fr".into(), locale: Some(Locale::Fr), ..Site::default() };
        let all: [(NewKind, &[&[&str]]); 6] = [
            (NewKind::Mooc, &[keys::MOOC, keys::CERTIFICATE, keys::SESSION]),
            (NewKind::Parcours, &[keys::PARCOURS]),
            (NewKind::Platform, &[keys::PLATFORM]),
            (NewKind::Institution, &[keys::INSTITUTION]),
            (NewKind::Schedule, &[keys::SCHEDULE]),
            (NewKind::Page, &[keys::PAGE]),
        ];
        for (kind, lists) in all {
            let text = entity_text(kind, "exemple", &site);
            for key in lists.iter().flat_map(|l| l.iter()) {
                let written = text.lines().any(|l| {
                    let l = l.trim_start_matches("# ");
                    l.starts_with(&format!("{key} = ")) || l == format!("[{key}]") || l == format!("[[{key}]]")
                });
                assert!(written, "`{key}` is not in the new {kind:?}:\n{text}");
            }
        }
    }

    #[test]
    fn the_next_quarter_follows_today() {
        assert_eq!(next_quarter(jiff::civil::date(2026, 11, 23)).to_string(), "2027-T1");
        assert_eq!(next_quarter(jiff::civil::date(2026, 3, 31)).to_string(), "2026-T2");
    }
}
