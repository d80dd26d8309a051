//! The planner of a parcours page with a schedule: the rule of the
//! parcours in words (what the page says without JavaScript), the form's
//! values, and the data `planner-ui.js` plans from, as JSON embedded in the
//! page: the parcours' rule and every session of each of its MOOCs. The
//! planning itself happens in the visitor's browser (`planner.js`);
//! nothing is sent anywhere.

use serde_json::{json, Value};

use crate::calendar::period::When;
use crate::i18n::Lang;
use crate::load::{Mooc, Parcours};
use crate::render::calendars::uid_host;
use crate::render::grid::Grid;
use crate::render::parts;

/// How many MOOCs at once the planner proposes before the visitor says.
const AT_ONCE: i64 = 2;

/// The `planner` value of `parcours.html` for parcours `pi`, whose
/// schedule's grid is `grid`.
pub fn value(lang: &Lang, pi: usize, grid: &Grid) -> Value {
    let cat = lang.cat;
    let p = &cat.content.parcours[pi];
    let moocs: Vec<(usize, bool)> = p
        .moocs
        .iter()
        .filter_map(|m| cat.content.moocs.position(&m.value))
        .map(|mi| (mi, p.core.iter().any(|c| c.value == cat.content.moocs[mi].meta.slug)))
        .collect();
    let (required, core_required) = (p.required_count(), p.core_required_count());
    // The periods one may finish before: those of the grid still to come.
    let periods: Vec<Value> = grid
        .periods
        .iter()
        .filter(|period| period.first_day() > cat.today)
        .map(|&period| {
            json!({"key": period.to_string(), "label": lang.words.period(period), "first": period.first_day().to_string()})
        })
        .collect();
    let data = json!({
        "key": format!("{}/parcours/{}", cat.config.base_path(), p.meta.slug),
        "title": lang.text(p).title,
        "short_title": p.short_title,
        "required": required,
        "core_required": core_required,
        "ordered": p.ordered,
        "host": uid_host(lang),
        "today": cat.today.to_string(),
        "moocs": moocs.iter().map(|&(mi, core)| mooc(lang, mi, core)).collect::<Vec<_>>(),
        "periods": periods,
        "strings": lang.ui.get("planner"),
        "range_sep": lang.label("common", "range_sep"),
    });
    json!({
        "rule": rule(lang, p),
        "moocs": moocs.iter().map(|&(mi, core)| {
            let t = lang.text(&cat.content.moocs[mi]);
            json!({"slug": cat.content.moocs[mi].meta.slug, "title": t.title, "content_lang": t.lang, "core": core})
        }).collect::<Vec<_>>(),
        "periods": data["periods"].clone(),
        "at_once": AT_ONCE.min(required.max(1)),
        "max_at_once": required.max(1),
        "json": script_json(&data),
    })
}

/// A MOOC of the parcours with its sessions, as `planner.js` reads them.
fn mooc(lang: &Lang, mi: usize, core: bool) -> Value {
    let m: &Mooc = &lang.cat.content.moocs[mi];
    let t = lang.text(m);
    let url = lang.url(&format!("moocs/{}/", m.meta.slug));
    let sessions: Vec<Value> = m
        .sessions
        .iter()
        .map(|s| {
            let day = |d: &Option<crate::base::fields::Sp<jiff::civil::Date>>| d.as_ref().map(|d| d.value.to_string());
            let (start, end, period) = match s.start.value {
                When::Date(a) => (a.to_string(), day(&s.end), None),
                When::Period(p) => (p.first_day().to_string(), Some(p.last_day().to_string()), Some(p.to_string())),
            };
            json!({
                "start": start,
                "end": end,
                "period": period,
                "period_label": match s.start.value { When::Period(p) => Some(lang.words.period(p)), When::Date(_) => None },
                "self_paced": s.self_paced,
                "cancelled": s.cancelled,
                "enrollment_end": day(&s.enrollment_end),
                "exam_start": day(&s.exam_start),
                "exam_end": day(&s.exam_end),
                "url": s.url,
            })
        })
        .collect();
    json!({
        "slug": m.meta.slug,
        "title": t.title,
        "lang": t.lang,
        "url": url,
        "abs_url": format!("{}{url}", lang.origin()),
        "core": core,
        "weeks": m.duration_weeks,
        "sessions": sessions,
    })
}

/// The rule of the parcours in words, one sentence each: how many MOOCs,
/// which star MOOCs, in which order, and how sessions are chosen.
fn rule(lang: &Lang, p: &Parcours) -> Vec<String> {
    let mut sentences = parts::parcours_rule(lang, p);
    sentences.push(lang.label("planner", if p.ordered { "rule_ordered" } else { "rule_any" }));
    sentences.push(lang.label("planner", "rule_sessions"));
    sentences
}

/// JSON that is safe inside `<script type="application/json">`: no `<`
/// at all (so no `</script>` and no `<!--`), written `\u003c` in strings,
/// where alone it can be.
pub fn script_json(v: &Value) -> String {
    v.to_string().replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_json_cannot_close_its_script() {
        let v = json!({"title": "</script><script>alert(1)</script> <!-- x"});
        let text = script_json(&v);
        assert!(!text.contains('<'), "{text}");
        let back: Value = serde_json::from_str(&text).expect("still JSON");
        assert_eq!(back, v);
    }
}
