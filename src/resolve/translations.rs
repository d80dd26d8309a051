//! Translations (`<slug>.<lang>.md`) change the text of an entity, never its
//! structure: a structural key (sessions, references, prices, …) that a
//! translation sets must have the value of the default-language file.
//!
//! Two text keys are tied to structure: a MOOC's translated `subjects` give
//! one label per subject of the default file, in its order (the slug always
//! comes from the default label), and `cover_alt` / `logo_alt` describe the
//! image of the default file.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::calendar::period::{parse_when, When};
use crate::diagnostic::{problems, texts, Arg, Diagnostic, Joint, Out, SourceFile};
use crate::load::{source, Kind, Meta};
use crate::resolve::Catalogue;

/// Reports every structural key of a translation that differs from (or is
/// absent in) its default-language file. Orphan translations are reported
/// elsewhere.
pub fn check(cat: &Catalogue, out: &mut Out) {
    let defaults: HashMap<(Kind, &str), &Meta> =
        cat.content.every().map(|e| ((e.kind(), e.meta().slug.as_str()), e.meta())).collect();
    for t in &cat.translations {
        let kind = t.kind();
        let meta = t.meta();
        let Some(default) = defaults.get(&(kind, meta.slug.as_str())) else { continue };
        compare(kind, &meta.file, &default.file, out);
    }
}

/// The front matter of a file, parsed, with its offset in the file.
fn front(file: &Arc<SourceFile>) -> Option<(Spanned<DeTable<'_>>, usize)> {
    let split = source::split(file, true).ok()?;
    let table = DeTable::parse(&file.text[split.front.clone()]).ok()?;
    Some((table, split.front.start))
}

fn compare(kind: Kind, translation: &Arc<SourceFile>, default: &Arc<SourceFile>, out: &mut Out) {
    let (Some((t, offset)), Some((d, _))) = (front(translation), front(default)) else { return };
    let (t, d) = (t.get_ref(), d.get_ref());
    let pair = Pair { t, d, offset, translation, default };
    if kind == Kind::Mooc {
        pair.subjects_count(out);
    }
    pair.alt_without_image(out);
    let allowed = kind.about().text_keys;
    for (k, v) in t.iter() {
        let key = k.get_ref().as_ref();
        if allowed.contains(&key) {
            continue;
        }
        let dv = d.iter().find(|(dk, _)| dk.get_ref().as_ref() == key).map(|(_, dv)| dv.get_ref());
        if dv.map(canon).as_deref() == Some(canon(v.get_ref()).as_str()) {
            continue;
        }
        // Point at what changed: inside a table or a list of tables (a
        // session's `start`), else at the key.
        let span = dv.and_then(|dv| locate(v.get_ref(), dv)).unwrap_or(k.span());
        let span = span.start + offset..span.end + offset;
        let shown = &default.path;
        let text_keys = allowed.iter().filter(|k| **k != "draft").map(|k| format!("`{k}`")).collect();
        out.push(
            Diagnostic::at(translation, span, problems::translation_changes_structure(key, shown))
                .with_hint(texts::translate_only(key, shown, Arg::List(text_keys, Joint::And))),
        );
    }
}

/// The value of `key` in a front matter.
fn get<'t>(table: &'t DeTable<'_>, key: &str) -> Option<&'t Spanned<DeValue<'t>>> {
    table.iter().find(|(k, _)| k.get_ref().as_ref() == key).map(|(_, v)| v)
}

/// A translation's front matter `t` (at `offset` in `translation`) and its
/// default-language file's, `d`.
#[derive(Clone, Copy)]
struct Pair<'a, 'de> {
    t: &'a DeTable<'de>,
    d: &'a DeTable<'de>,
    offset: usize,
    translation: &'a Arc<SourceFile>,
    default: &'a Arc<SourceFile>,
}

impl Pair<'_, '_> {
    /// A MOOC translation's `subjects` translate the default file's labels one
    /// by one, so there must be as many.
    fn subjects_count(self, out: &mut Out) {
        let Pair { t, d, offset, translation, default } = self;
        let Some(tv) = get(t, "subjects") else { return };
        let DeValue::Array(labels) = tv.get_ref() else { return };
        let originals: Vec<String> = match get(d, "subjects").map(|v| v.get_ref()) {
            Some(DeValue::Array(items)) => items
                .iter()
                .map(|i| match i.get_ref() {
                    DeValue::String(s) => s.to_string(),
                    other => canon(other),
                })
                .collect(),
            Some(_) => return,
            None => Vec::new(),
        };
        if labels.len() == originals.len() {
            return;
        }
        let shown = &default.path;
        let span = tv.span();
        let hint = if originals.is_empty() {
            texts::remove_subjects_or_add(shown)
        } else {
            let quoted: Vec<String> = originals.iter().map(|o| format!("\"{o}\"")).collect();
            texts::one_label_each(quoted.join(", "))
        };
        out.push(
            Diagnostic::at(
                translation,
                span.start + offset..span.end + offset,
                problems::translation_subjects_count(labels.len(), originals.len(), shown),
            )
            .with_hint(hint),
        );
    }

    /// A translated `cover_alt` (or `logo_alt`) describes the image of the
    /// default file: without one, it is shown nowhere.
    fn alt_without_image(self, out: &mut Out) {
        let Pair { t, d, offset, translation, default } = self;
        for (image, alt) in [("cover", "cover_alt"), ("logo", "logo_alt")] {
            let Some((k, _)) = t.iter().find(|(k, _)| k.get_ref().as_ref() == alt) else { continue };
            if get(d, image).is_some() || get(t, image).is_some() {
                continue;
            }
            let shown = &default.path;
            out.push(
                Diagnostic::at(
                    translation,
                    k.span().start + offset..k.span().end + offset,
                    problems::translation_alt_without_image(alt, shown, image),
                )
                .with_hint(texts::add_image_or_remove_alt(image, shown, alt)),
            );
        }
    }
}

/// The span of the first key that differs inside two tables, or two lists
/// of the same length; `None` when the difference is the value as a whole.
fn locate(t: &DeValue, d: &DeValue) -> Option<std::ops::Range<usize>> {
    match (t, d) {
        (DeValue::Array(ta), DeValue::Array(da)) if ta.len() == da.len() => ta
            .iter()
            .zip(da.iter())
            .find(|(a, b)| canon(a.get_ref()) != canon(b.get_ref()))
            .map(|(a, b)| locate(a.get_ref(), b.get_ref()).unwrap_or(a.span())),
        (DeValue::Table(tt), DeValue::Table(dt)) => {
            let changed = tt.iter().find(|(k, v)| {
                let other = dt.iter().find(|(dk, _)| dk.get_ref() == k.get_ref()).map(|(_, dv)| canon(dv.get_ref()));
                other.as_deref() != Some(canon(v.get_ref()).as_str())
            });
            match changed {
                Some((k, v)) => {
                    let other = dt.iter().find(|(dk, _)| dk.get_ref() == k.get_ref()).map(|(_, dv)| dv.get_ref());
                    Some(other.and_then(|o| locate(v.get_ref(), o)).unwrap_or(k.span()))
                }
                // A key of the default file is missing here.
                None => None,
            }
        }
        _ => None,
    }
}

/// A value written so that two spellings of one value compare equal
/// (`3` and `3.0`, `2026-09-14` and `"2026-09-14"`, key order in tables).
fn canon(v: &DeValue) -> String {
    match v {
        DeValue::String(s) => match parse_when(s) {
            Ok(When::Date(d)) => format!("date {d}"),
            _ => format!("{:?}", s.as_ref()),
        },
        DeValue::Integer(i) => {
            let digits = i.as_str().replace('_', "");
            let digits = digits.trim_start_matches("0x").trim_start_matches("0o").trim_start_matches("0b");
            match i64::from_str_radix(digits, i.radix()) {
                Ok(n) => format!("number {}", n as f64),
                Err(_) => format!("integer {}", i.as_str()),
            }
        }
        DeValue::Float(f) => match f.as_str().replace('_', "").parse::<f64>() {
            Ok(n) => format!("number {n}"),
            Err(_) => format!("float {}", f.as_str()),
        },
        DeValue::Boolean(b) => b.to_string(),
        DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => format!("date {dt}"),
        DeValue::Datetime(dt) => format!("datetime {dt}"),
        DeValue::Array(items) => {
            format!("[{}]", items.iter().map(|i| canon(i.get_ref())).collect::<Vec<_>>().join(", "))
        }
        DeValue::Table(t) => {
            let sorted: BTreeMap<&str, String> =
                t.iter().map(|(k, v)| (k.get_ref().as_ref(), canon(v.get_ref()))).collect();
            let items: Vec<String> = sorted.into_iter().map(|(k, v)| format!("{k:?} = {v}")).collect();
            format!("{{{}}}", items.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> String {
        let t = DeTable::parse(text).expect("valid TOML");
        let (_, v) = t.get_ref().iter().next().expect("one key");
        canon(v.get_ref())
    }

    #[test]
    fn spellings_of_one_value_are_equal() {
        assert_eq!(value("a = 3"), value("a = 3.0"));
        assert_eq!(value("a = 1_000"), value("a = 1000"));
        assert_eq!(value("a = 2026-09-14"), value("a = \"2026-09-14\""));
        assert_eq!(value("a = { x = 1, y = 2 }"), value("a = { y = 2, x = 1 }"));
        assert_ne!(value("a = [\"x\", \"y\"]"), value("a = [\"y\", \"x\"]"));
        assert_ne!(value("a = \"2026-T3\""), value("a = \"2026-T4\""));
        assert_ne!(value("a = 3"), value("a = \"3\""));
    }
}
