//! The printable brochure (A4 PDF) of a parcours, or of the whole
//! catalogue, in one language: a cover (title, summary, the rule of the
//! parcours, its facts), one section per MOOC (summary, facts, sessions,
//! certificate, address of its page), and the broadcast grid as a table,
//! from the same catalogue as the site. `pdf/` typesets it.
//!
//! `vitrine brochure` writes one (`lib.rs::brochure`); with `[brochure]`
//! in vitrine.toml, the build writes `brochure.pdf` beside each parcours'
//! page (`pages/parcours`), so it is made again whenever that page is.

use crate::base::slug::fold;
use crate::calendar::grid::CellState;
use crate::calendar::status::Status;
use crate::diagnostic::{problems, Problem};
use crate::i18n::Lang;
use crate::load::{Mooc, Parcours, Schedule};
use crate::pdf::{self, Block, Cell, Doc, Fonts, PdfError, Size, Span, Table};
use crate::render::calendars::session_dates;
use crate::render::grid::{self, table::period_short, table::symbol};
use crate::render::parts;

/// Periods per table of a grid: a grid of months is cut into years.
const PERIODS_PER_TABLE: usize = 16;

/// The brochure of parcours `parcours` (or of every MOOC), in `lang`.
pub fn pdf(lang: &Lang, parcours: Option<usize>, fonts: &Fonts) -> Result<Vec<u8>, Problem> {
    pdf::render(&doc(lang, parcours), fonts).map_err(|e| match e {
        PdfError::Font { face, detail: Some(detail) } => problems::brochure_font(face, detail),
        PdfError::Font { face, detail: None } => problems::brochure_font_not_embedded(face),
        PdfError::Write(detail) => problems::brochure_failed(detail),
    })
}

/// What the brochure says, as blocks.
pub fn doc(lang: &Lang, parcours: Option<usize>) -> Doc {
    let cat = lang.cat;
    let say = |key: &str| lang.label("brochure", key);
    let mut blocks = Vec::new();
    let (title, moocs, schedules) = match parcours {
        Some(pi) => {
            let p = &cat.content.parcours[pi];
            cover(lang, p, &mut blocks);
            let core: Vec<bool> = p.moocs.iter().map(|m| p.core.iter().any(|c| c.value == m.value)).collect();
            let moocs = p
                .moocs
                .iter()
                .zip(core)
                .filter_map(|(m, core)| cat.content.moocs.position(&m.value).map(|mi| (mi, core)))
                .collect();
            let schedules: Vec<usize> =
                p.schedule.iter().filter_map(|s| cat.content.schedules.position(&s.value)).collect();
            (lang.text(p).title.to_string(), moocs, schedules)
        }
        None => {
            let title = cat.config.title(lang.code).to_string();
            blocks.push(Block::Title(title.clone()));
            blocks.push(Block::Paragraph(vec![Span::plain(say("catalogue_lead"))], Size::Lead));
            blocks.push(as_of(lang));
            blocks.push(Block::PageBreak);
            let mut moocs: Vec<usize> = (0..cat.content.moocs.len()).collect();
            moocs.sort_by_cached_key(|&m| fold(lang.text(&cat.content.moocs[m]).title));
            (title, moocs.into_iter().map(|m| (m, false)).collect(), (0..cat.content.schedules.len()).collect())
        }
    };
    let moocs: Vec<(usize, bool)> = moocs;
    blocks.push(Block::Heading(1, say("moocs")));
    for (i, &(mi, core)) in moocs.iter().enumerate() {
        mooc(lang, mi, core, &mut blocks);
        if i + 1 < moocs.len() {
            blocks.push(Block::Gap(6.0));
        }
    }
    for si in schedules {
        schedule(lang, si, &mut blocks);
    }
    Doc {
        title,
        lang: lang.code.to_string(),
        date: cat.today,
        footer: format!("{} — {}", cat.config.title(lang.code), site_url(lang, "")),
        page_label: say("page"),
        blocks,
    }
}

/// The absolute address of a page of the site in this language.
fn site_url(lang: &Lang, path: &str) -> String {
    format!("{}{}", lang.origin(), lang.url(path))
}

fn as_of(lang: &Lang) -> Block {
    let text = lang.label("brochure", "as_of").replace("{date}", &lang.words.date(lang.cat.today));
    Block::Paragraph(vec![Span::plain(text)], Size::Small)
}

/// The cover of a parcours' brochure: its title, summary and facts.
fn cover(lang: &Lang, p: &Parcours, blocks: &mut Vec<Block>) {
    let t = lang.text(p);
    let label = |table: &str, key: &str| lang.label(table, key);
    blocks.push(Block::Title(t.title.to_string()));
    if let Some(short) = &p.short_title {
        blocks.push(Block::Paragraph(vec![Span::bold(short.as_str())], Size::Lead));
    }
    blocks.push(Block::Paragraph(vec![Span::plain(t.summary)], Size::Lead));
    blocks.push(Block::Gap(8.0));
    let mut facts = Vec::new();
    let credential_name = match lang.translation::<Parcours>(&p.meta.slug) {
        Some(tr) if tr.credential_name.is_some() => tr.credential_name.clone(),
        _ => p.credential_name.clone(),
    };
    if p.credential != "none" {
        let mut value = label("credential", &p.credential);
        if let Some(name) = credential_name {
            value = format!("{value} — {name}");
        }
        facts.push((label("parcours", "credential"), vec![Span::plain(value)]));
    }
    let mut rule = parts::parcours_rule(lang, p).join(" ");
    if p.core_required_count() > 0 {
        rule.push_str(" (★)");
    }
    facts.push((label("parcours", "requirement"), vec![Span::plain(rule)]));
    facts.push((
        label("parcours", "progression"),
        vec![Span::plain(label("progression", if p.ordered { "ordered" } else { "any" }))],
    ));
    let note = match lang.translation::<Parcours>(&p.meta.slug) {
        Some(tr) if tr.price_note.is_some() => tr.price_note.clone(),
        _ => p.price_note.clone(),
    };
    let price = p.price.map(|x| lang.words.price(x, "EUR"));
    let price = match (price, note) {
        (Some(a), Some(b)) => Some(format!("{a} — {b}")),
        (a, b) => a.or(b),
    };
    if let Some(price) = price {
        facts.push((label("parcours", "price"), vec![Span::plain(price)]));
    }
    if let Some(ects) = p.ects {
        facts.push((label("parcours", "ects"), vec![Span::plain(lang.words.decimal(ects))]));
    }
    let names = |list: &[crate::base::fields::Sp<String>]| -> String {
        parts::institution_links(lang, list).into_iter().map(|l| l.title).collect::<Vec<_>>().join(", ")
    };
    if !p.institutions.is_empty() {
        facts.push((label("parcours", "institutions"), vec![Span::plain(names(&p.institutions))]));
    }
    if !p.partners.is_empty() {
        facts.push((label("parcours", "partners"), vec![Span::plain(names(&p.partners))]));
    }
    let url = site_url(lang, &format!("parcours/{}/", p.meta.slug));
    facts.push((lang.label("brochure", "online"), vec![Span::link(url.as_str(), url.as_str())]));
    blocks.push(Block::Facts(facts));
    blocks.push(as_of(lang));
    blocks.push(Block::PageBreak);
}

/// The section of MOOC `mi`: title, summary, facts, sessions, certificate
/// and address.
fn mooc(lang: &Lang, mi: usize, core: bool, blocks: &mut Vec<Block>) {
    let cat = lang.cat;
    let m: &Mooc = &cat.content.moocs[mi];
    let t = lang.text(m);
    let label = |table: &str, key: &str| lang.label(table, key);
    let star = if core { format!(" ★ {}", label("parcours", "star_label")) } else { String::new() };
    blocks.push(Block::Heading(2, format!("{}{star}", t.title)));
    blocks.push(Block::Paragraph(vec![Span::plain(t.summary)], Size::Body));
    let mut facts = Vec::new();
    let institutions: Vec<String> =
        parts::institution_links(lang, &m.institutions).into_iter().map(|l| l.title).collect();
    facts.push((label("mooc", "institutions"), vec![Span::plain(institutions.join(", "))]));
    if let Some(p) = m.platform.as_ref().and_then(|p| cat.content.platforms.get(&p.value)) {
        facts.push((label("mooc", "platform"), vec![Span::plain(lang.text(p).title)]));
    }
    let languages: Vec<String> = m.languages.iter().map(|l| label("language", &l.value)).collect();
    facts.push((label("mooc", "languages"), vec![Span::plain(languages.join(", "))]));
    if let Some(level) = &m.level {
        facts.push((label("mooc", "level"), vec![Span::plain(label("level", level))]));
    }
    let mut effort = Vec::new();
    if let Some(h) = m.effort_hours_per_week {
        effort.push(label("mooc", "effort_value").replace("{hours}", &lang.words.decimal(h)));
    }
    if let Some(w) = m.duration_weeks {
        let key = if w == 1 { "duration_one" } else { "duration_many" };
        effort.push(label("mooc", key).replace("{weeks}", &w.to_string()));
    }
    if !effort.is_empty() {
        facts.push((label("mooc", "effort"), vec![Span::plain(effort.join(", "))]));
    }
    if let Some(c) = &m.certificate {
        facts.push((label("certificate", "title"), vec![Span::plain(certificate(lang, c))]));
    }
    let url = site_url(lang, &format!("moocs/{}/", m.meta.slug));
    facts.push((label("brochure", "online"), vec![Span::link(url.as_str(), url.as_str())]));
    blocks.push(Block::Facts(facts));
    blocks.push(Block::Heading(3, label("session", "title")));
    // A flyer shows what one can still follow: not past, not cancelled.
    let states = &cat.states[mi].sessions;
    let sessions: Vec<Vec<Span>> = (0..m.sessions.len())
        .filter(|&si| !matches!(states[si], Status::Archived | Status::Cancelled))
        .map(|si| session(lang, mi, si))
        .collect();
    if sessions.is_empty() {
        blocks.push(Block::Paragraph(vec![Span::plain(label("session", "none"))], Size::Body));
    } else {
        blocks.push(Block::Bullets(sessions));
    }
}

/// One line of a session: dates, status, exam window, where to enrol.
fn session(lang: &Lang, mi: usize, si: usize) -> Vec<Span> {
    let s = &lang.cat.content.moocs[mi].sessions[si];
    let v = parts::session(lang, mi, si);
    let mut spans = vec![Span::bold(session_dates(lang, mi, si)), Span::plain(format!("— {}", v.status.label))];
    if let (Some(a), Some(b)) = (&v.exam_start, &v.exam_end) {
        spans.push(Span::plain(format!(
            "· {} {} {} {}",
            lang.label("session", "exam"),
            a.label,
            lang.label("common", "range_sep"),
            b.label
        )));
    }
    if let (Some(url), true) = (&s.url, v.can_enrol) {
        spans.push(Span::plain(format!("· {}", lang.label("session", "enrol"))));
        spans.push(Span::link(url.as_str(), url.as_str()));
    }
    spans
}

/// The certificate in one line: free attestation, price, exam.
fn certificate(lang: &Lang, c: &crate::load::kinds::Certificate) -> String {
    let label = |key: &str| lang.label("certificate", key);
    let mut parts = Vec::new();
    if c.free_attestation {
        parts.push(label("free_attestation"));
    }
    if let Some(p) = c.price {
        parts.push(format!("{} {}", label("price"), lang.words.price(p, &c.currency)));
    }
    if c.proctored {
        parts.push(label("proctored"));
    }
    if let Some(m) = c.exam_minutes {
        parts.push(format!(
            "{} {}",
            label("exam_minutes"),
            label("minutes_value").replace("{minutes}", &m.to_string())
        ));
    }
    if let Some(q) = &c.exam_questions {
        parts.push(format!("{} {}", label("exam_questions"), q.value));
    }
    if let Some(p) = &c.pass_mark {
        parts.push(format!("{} {}", label("pass_mark"), p.value));
    }
    if let Some(e) = c.ects {
        parts.push(format!("{} {}", label("ects"), lang.words.decimal(e)));
    }
    parts.join(" · ")
}

/// A schedule's grid as tables (16 periods at most in each), with its
/// legend and note.
fn schedule(lang: &Lang, si: usize, blocks: &mut Vec<Block>) {
    let cat = lang.cat;
    let s = &cat.content.schedules[si];
    let g = grid::compute(cat, si);
    blocks.push(Block::PageBreak);
    blocks.push(Block::Heading(1, lang.text(s).title.to_string()));
    if let Some(v) = s.version {
        blocks.push(Block::Paragraph(
            vec![Span::plain(lang.label("brochure", "version").replace("{date}", &lang.words.date(v)))],
            Size::Small,
        ));
    }
    if g.rows.is_empty() || g.periods.is_empty() {
        blocks.push(Block::Paragraph(vec![Span::plain(lang.label("grid", "empty"))], Size::Body));
        return;
    }
    for (chunk, periods) in g.periods.chunks(PERIODS_PER_TABLE).enumerate() {
        let first = chunk * PERIODS_PER_TABLE;
        let mut rows = Vec::new();
        // Years over their periods, then the periods.
        let mut years: Vec<Cell> = vec![Cell::new(vec![Span::plain(lang.label("grid", "mooc"))])];
        for p in periods {
            let year = p.first_day().year().to_string();
            let same = years.len() > 1 && years.last().is_some_and(|c| c.spans[0].text == year);
            match years.last_mut() {
                Some(c) if same => c.columns += 1,
                _ => years.push(Cell { center: true, ..Cell::new(vec![Span::plain(year)]) }),
            }
        }
        rows.push(years);
        let mut heads = vec![Cell::new(Vec::new())];
        heads.extend(
            periods.iter().map(|&p| Cell { center: true, ..Cell::new(vec![Span::plain(period_short(lang, p))]) }),
        );
        rows.push(heads);
        for r in &g.rows {
            let m = &cat.content.moocs[r.mooc];
            let star = if r.core { " ★" } else { "" };
            let mut row = vec![Cell::new(vec![Span::plain(format!("{}{star}", lang.text(m).title))])];
            for cell in &r.cells[first..first + periods.len()] {
                row.push(match cell {
                    None => Cell::new(Vec::new()),
                    Some(f) => Cell {
                        center: true,
                        fill: Some(shade(f.state)),
                        ..Cell::new(vec![Span::plain(symbol(f.state))])
                    },
                });
            }
            rows.push(row);
        }
        let mut widths = vec![9.0];
        widths.extend(std::iter::repeat_n(1.6, periods.len()));
        let (from, to) = (periods[0], periods[periods.len() - 1]);
        let caption = lang
            .label("grid", if s.monthly { "caption_month" } else { "caption_quarter" })
            .replace("{title}", lang.text(s).title)
            .replace("{from}", &lang.words.period(from))
            .replace("{to}", &lang.words.period(to));
        blocks.push(Block::Table(Table { caption, widths, header_rows: 2, rows }));
    }
    let legend: Vec<String> = [CellState::Running, CellState::Upcoming, CellState::Planned, CellState::Past]
        .iter()
        .map(|&st| format!("{} {}", symbol(st), lang.label("grid_state", st.key())))
        .collect();
    let mut legend = format!("{} : {}", lang.label("grid", "legend"), legend.join(" · "));
    if g.rows.iter().any(|r| r.core) {
        legend.push_str(&format!(" · ★ {}", lang.label("grid", "star_legend")));
    }
    blocks.push(Block::Paragraph(vec![Span::plain(legend)], Size::Small));
    let note = match lang.translation::<Schedule>(&s.meta.slug) {
        Some(tr) if tr.note.is_some() => &tr.note,
        _ => &s.note,
    };
    if let Some(note) = note {
        blocks.push(Block::Paragraph(vec![Span::plain(note.as_str())], Size::Small));
    }
}

/// The background of a filled cell: states differ by symbol first, and by
/// shade for the eye.
fn shade(state: CellState) -> [u8; 3] {
    match state {
        CellState::Running => [196, 228, 200],
        CellState::Upcoming => [204, 222, 245],
        CellState::Planned => [236, 236, 236],
        CellState::Past => [246, 246, 246],
    }
}
