//! `/catalogue.csv`: one row per session (and one, with empty session
//! columns, for a MOOC without a session), for spreadsheets. UTF-8 with a
//! byte order mark, which Excel needs to read accents right; fields
//! separated by `[open_data] csv_separator` (`;` by default, what Excel
//! expects where the decimal separator is a comma); rows end with CRLF;
//! a field holding the separator, a quote or a line break is quoted, its
//! quotes doubled (RFC 4180), by the `csv` crate. Texts are the
//! default-language files'; dates are ISO 8601; statuses are the machine
//! keys, as of the build date.

use crate::calendar::period::When;
use crate::load::Mooc;
use crate::render::context::Context;
use crate::render::structured::absolute;

/// The columns, in order.
pub const COLUMNS: [&str; 27] = [
    "mooc",
    "url",
    "title",
    "summary",
    "languages",
    "subtitles",
    "institutions",
    "platform",
    "subjects",
    "level",
    "effort_hours_per_week",
    "duration_weeks",
    "free_attestation",
    "certificate_price",
    "certificate_currency",
    "mooc_status",
    "session",
    "session_status",
    "start",
    "end",
    "planned",
    "enrollment_start",
    "enrollment_end",
    "exam_start",
    "exam_end",
    "enrol_url",
    "cancelled",
];

/// Several values in one field.
const JOIN: &str = " | ";

/// The file's bytes.
pub fn sessions(ctx: &Context) -> Vec<u8> {
    let cat = ctx.cat;
    let mut writer = csv::WriterBuilder::new()
        .delimiter(cat.config.open_data.csv_separator)
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    // Writing into memory does not fail: the results are the file's bytes.
    let _ = writer.write_record(COLUMNS);
    for (mi, m) in cat.content.moocs.iter().enumerate() {
        let head = mooc_fields(ctx, mi, m);
        if m.sessions.is_empty() {
            let row = head.iter().cloned().chain(std::iter::repeat_n(String::new(), COLUMNS.len() - head.len()));
            let _ = writer.write_record(row);
        }
        for (si, s) in m.sessions.iter().enumerate() {
            let date = |d: &Option<crate::base::fields::Sp<jiff::civil::Date>>| {
                d.as_ref().map_or(String::new(), |d| d.value.to_string())
            };
            let (start, planned) = match s.start.value {
                When::Date(d) => (d.to_string(), String::new()),
                When::Period(p) => (String::new(), p.to_string()),
            };
            let session = [
                (si + 1).to_string(),
                cat.states[mi].sessions[si].key().to_string(),
                start,
                date(&s.end),
                planned,
                date(&s.enrollment_start),
                date(&s.enrollment_end),
                date(&s.exam_start),
                date(&s.exam_end),
                s.url.clone().unwrap_or_default(),
                s.cancelled.to_string(),
            ];
            let _ = writer.write_record(head.iter().chain(&session));
        }
    }
    writer.into_inner().unwrap_or_default()
}

/// The columns of a MOOC, up to `mooc_status`.
fn mooc_fields(ctx: &Context, mi: usize, m: &Mooc) -> Vec<String> {
    let cat = ctx.cat;
    let lang = &ctx.lang;
    let join = |v: Vec<&str>| v.join(JOIN);
    let number = |n: Option<f64>| n.map_or(String::new(), |n| n.to_string());
    let institutions =
        m.institutions.iter().filter_map(|s| cat.content.institutions.get(&s.value)).map(|i| i.title.as_str());
    let platform = m.platform.as_ref().and_then(|p| cat.content.platforms.get(&p.value)).map(|p| p.title.as_str());
    vec![
        m.meta.slug.clone(),
        absolute(lang, &format!("{}moocs/{}/", lang.root(), m.meta.slug)),
        m.title.clone(),
        m.summary.clone(),
        join(m.languages.iter().map(|l| l.value.as_str()).collect()),
        join(m.subtitles.iter().map(|l| l.value.as_str()).collect()),
        join(institutions.collect()),
        platform.unwrap_or_default().to_string(),
        join(m.subjects.iter().map(|s| s.value.as_str()).collect()),
        m.level.clone().unwrap_or_default(),
        number(m.effort_hours_per_week),
        m.duration_weeks.map_or(String::new(), |w| w.to_string()),
        m.certificate.as_ref().is_some_and(|c| c.free_attestation).to_string(),
        number(m.certificate.as_ref().and_then(|c| c.price)),
        m.certificate.as_ref().filter(|c| c.price.is_some()).map_or(String::new(), |c| c.currency.clone()),
        cat.states[mi].status.key().to_string(),
    ]
}
