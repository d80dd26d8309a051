//! A broadcast schedule (`content/schedules/<slug>.md`): a grid of the
//! sessions of a parcours' MOOCs, or of a list of MOOCs, by quarter or by
//! month.

use jiff::civil::Date;

use crate::base::fields::{Fields, Sp};
use crate::calendar::period::{Period, When};
use crate::diagnostic::{problems, texts, Out};
use crate::load::kinds::{About, EntityKind, Kind, Ref, Shown};
use crate::load::{common, Meta};

#[derive(Debug, Clone)]
pub struct Schedule {
    pub meta: Meta,
    pub title: String,
    pub parcours: Option<Sp<String>>,
    pub moocs: Vec<Sp<String>>,
    pub monthly: bool,
    pub from: Option<Sp<Period>>,
    pub to: Option<Sp<Period>>,
    pub version: Option<Date>,
    pub note: Option<String>,
}

pub const KEYS: &[&str] =
    &["title", "parcours", "moocs", "granularity", "from", "to", "version", "note", "draft", "updated"];

/// The keys a translation may change.
const TEXT_KEYS: &[&str] = &["title", "note", "draft", "updated"];

impl EntityKind for Schedule {
    const ABOUT: About = About::new("schedules", "schedule", TEXT_KEYS);

    fn shown(&self) -> Shown<'_> {
        Shown { title: &self.title, summary: "", image: None }
    }

    fn refs(&self) -> Vec<Ref<'_>> {
        (self.parcours.iter().map(|slug| Ref { kind: Kind::Parcours, slug }))
            .chain(self.moocs.iter().map(|slug| Ref { kind: Kind::Mooc, slug }))
            .collect()
    }

    fn parse(f: &Fields, meta: Meta, out: &mut Out) -> Schedule {
        f.check_keys(KEYS, texts::a_kind(Self::ABOUT.noun), out);
        let monthly = f.choice("granularity", &["quarter", "month"], out).is_some_and(|g| g.value == "month");
        let period = |key: &str, out: &mut Out| -> Option<Sp<Period>> {
            let w = f.when(key, out)?;
            match w.value {
                When::Period(p) => Some(Sp::new(p, w.span)),
                When::Date(d) => {
                    let p = if monthly { Period::month_of(d) } else { Period::quarter_of(d) };
                    out.push(
                        f.at(w.span.clone(), problems::period_not_date(key))
                            .with_hint(texts::write_value(key, format!("\"{p}\""))),
                    );
                    None
                }
            }
        };
        let from = period("from", out);
        let to = period("to", out);
        let parcours = common::slug_ref(f, "parcours", out);
        let moocs = common::slug_list(f, "moocs", out);
        let no_rows = !f.has("moocs") || f.str_list("moocs", &mut Vec::new()).is_some_and(|l| l.is_empty());
        if !f.has("parcours") && no_rows && !f.partial {
            out.push(
                f.at(f.span.clone(), problems::schedule_without_rows())
                    .with_hint(texts::for_example("parcours = \"dnm2ip\"")),
            );
        }
        Schedule {
            title: f.req_str("title", out).map(|s| s.value).unwrap_or_default(),
            parcours,
            moocs,
            monthly,
            from,
            to,
            version: f.date("version", out).map(|d| d.value),
            note: f.str("note", out).map(|s| s.value),
            meta,
        }
    }
}
