//! Typed, positioned access to a TOML table: the front matter of content
//! files (`load`) and `vitrine.toml` (`config`) are read with it.
//!
//! serde's `deny_unknown_fields` would stop at the first problem and lose
//! positions, so we walk `toml`'s spanned tables ourselves: every getter
//! reports a wrong type at the value, a missing required key at the table,
//! an unknown key at the key (with "did you mean"), and keeps going.
//! [`toml_error`] positions a syntax error in the file.

use std::ops::Range;
use std::sync::Arc;

use jiff::civil::Date;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::calendar::period::{parse_when, When};
use crate::diagnostic::{did_you_mean, Diagnostic, Out, SourceFile};

/// A value with the byte span (in the file) it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Sp<T> {
    pub value: T,
    pub span: Range<usize>,
}

impl<T> Sp<T> {
    pub fn new(value: T, span: Range<usize>) -> Self {
        Sp { value, span }
    }
}

/// A TOML table of a file, with the offset of the TOML text in the file.
pub struct Fields<'a> {
    pub file: &'a Arc<SourceFile>,
    offset: usize,
    table: &'a DeTable<'a>,
    /// Absolute span used for "missing key" errors (the table's header, or
    /// the opening `+++`).
    pub span: Range<usize>,
    /// A translation: it only overrides the text of its default-language
    /// file, so no key is required.
    pub partial: bool,
}

impl<'a> Fields<'a> {
    pub fn new(file: &'a Arc<SourceFile>, offset: usize, table: &'a DeTable<'a>, span: Range<usize>) -> Self {
        Fields { file, offset, table, span, partial: false }
    }

    fn abs(&self, r: Range<usize>) -> Range<usize> {
        r.start + self.offset..r.end + self.offset
    }

    fn entry(&self, key: &str) -> Option<(&'a Spanned<toml::de::DeString<'a>>, &'a Spanned<DeValue<'a>>)> {
        self.table.iter().find(|(k, _)| k.get_ref().as_ref() == key)
    }

    pub fn has(&self, key: &str) -> bool {
        self.entry(key).is_some()
    }

    /// Span of a key's value (or of the table when absent).
    pub fn value_span(&self, key: &str) -> Range<usize> {
        self.entry(key).map_or(self.span.clone(), |(_, v)| self.abs(v.span()))
    }

    pub fn err(&self, span: Range<usize>, msg: impl Into<String>) -> Diagnostic {
        Diagnostic::error(self.file, span, msg)
    }

    /// Every key not in `allowed` is an error at the key, with a suggestion.
    pub fn check_keys(&self, allowed: &[&str], what: &str, out: &mut Out) {
        for (key, span) in self.keys() {
            if !allowed.contains(&key) {
                out.push(self.unknown_key(key, span, allowed, what));
            }
        }
    }

    /// The keys of the table, in file order, with their spans in the file.
    pub fn keys(&self) -> impl Iterator<Item = (&'a str, Range<usize>)> + '_ {
        self.table.iter().map(|(k, _)| (k.get_ref().as_ref(), self.abs(k.span())))
    }

    /// "unknown key `key` in `what`", with the nearest allowed key as hint.
    pub fn unknown_key(&self, key: &str, span: Range<usize>, allowed: &[&str], what: &str) -> Diagnostic {
        let d = self.err(span, format!("unknown key `{key}` in {what}"));
        match did_you_mean(key, allowed.iter().copied()) {
            Some(h) => d.with_hint(h),
            None => d.with_hint(format!("the keys of {what} are: {}", allowed.join(", "))),
        }
    }

    fn wrong_type(&self, key: &str, v: &Spanned<DeValue>, expected: &str) -> Diagnostic {
        self.err(self.abs(v.span()), format!("`{key}` must be {expected}, not {}", describe(v.get_ref())))
    }

    pub fn missing(&self, key: &str, example: &str, out: &mut Out) {
        if self.partial {
            return;
        }
        out.push(
            self.err(self.span.clone(), format!("required key `{key}` is missing"))
                .with_hint(format!("add a line `{key} = {example}`")),
        );
    }

    pub fn str(&self, key: &str, out: &mut Out) -> Option<Sp<String>> {
        let (_, v) = self.entry(key)?;
        match v.get_ref() {
            DeValue::String(s) => Some(Sp::new(s.to_string(), self.abs(v.span()))),
            _ => {
                out.push(self.wrong_type(key, v, "text in quotes").with_hint(format!("write `{key} = \"…\"`")));
                None
            }
        }
    }

    /// A required, non-empty string.
    pub fn req_str(&self, key: &str, out: &mut Out) -> Option<Sp<String>> {
        if !self.has(key) {
            self.missing(key, "\"…\"", out);
            return None;
        }
        let s = self.str(key, out)?;
        if s.value.trim().is_empty() {
            out.push(self.err(s.span.clone(), format!("`{key}` must not be empty")));
            return None;
        }
        Some(s)
    }

    pub fn bool(&self, key: &str, out: &mut Out) -> Option<bool> {
        let (_, v) = self.entry(key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            DeValue::String(s) if matches!(s.as_ref(), "true" | "false") => {
                out.push(
                    self.wrong_type(key, v, "true or false").with_hint(format!("remove the quotes: `{key} = {s}`")),
                );
                None
            }
            _ => {
                out.push(self.wrong_type(key, v, "true or false"));
                None
            }
        }
    }

    pub fn int(&self, key: &str, out: &mut Out) -> Option<Sp<i64>> {
        let (_, v) = self.entry(key)?;
        let parsed = match v.get_ref() {
            DeValue::Integer(i) => {
                let digits = i.as_str().replace('_', "");
                let digits = digits.trim_start_matches("0x").trim_start_matches("0o").trim_start_matches("0b");
                i64::from_str_radix(digits, i.radix()).ok()
            }
            _ => None,
        };
        match parsed {
            Some(n) => Some(Sp::new(n, self.abs(v.span()))),
            None => {
                let mut d = self.wrong_type(key, v, "a whole number");
                if let DeValue::String(s) = v.get_ref() {
                    if let Ok(n) = s.trim().parse::<i64>() {
                        d = d.with_hint(format!("remove the quotes: `{key} = {n}`"));
                    }
                }
                out.push(d);
                None
            }
        }
    }

    /// An integer that must be > 0.
    pub fn positive_int(&self, key: &str, out: &mut Out) -> Option<Sp<i64>> {
        let n = self.int(key, out)?;
        if n.value <= 0 {
            out.push(self.err(n.span.clone(), format!("`{key}` must be greater than 0, it is {}", n.value)));
            return None;
        }
        Some(n)
    }

    pub fn number(&self, key: &str, out: &mut Out) -> Option<Sp<f64>> {
        let (_, v) = self.entry(key)?;
        let parsed = match v.get_ref() {
            DeValue::Integer(_) => return self.int(key, out).map(|n| Sp::new(n.value as f64, n.span)),
            DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
            _ => None,
        };
        match parsed.filter(|f| f.is_finite()) {
            Some(n) => Some(Sp::new(n, self.abs(v.span()))),
            None => {
                let mut d = self.wrong_type(key, v, "a number");
                if let DeValue::String(s) = v.get_ref() {
                    d = d.with_hint(format!(
                        "remove the quotes and use a dot for decimals: `{key} = {}`",
                        s.replace(',', ".")
                    ));
                }
                out.push(d);
                None
            }
        }
    }

    /// A number that must be > 0 (`>= 0` when `zero_ok`).
    pub fn non_negative(&self, key: &str, zero_ok: bool, out: &mut Out) -> Option<Sp<f64>> {
        let n = self.number(key, out)?;
        if n.value < 0.0 || (!zero_ok && n.value == 0.0) {
            let bound = if zero_ok { "0 or more" } else { "greater than 0" };
            out.push(self.err(n.span.clone(), format!("`{key}` must be {bound}")));
            return None;
        }
        Some(n)
    }

    /// A date: a TOML date (`2024-04-08`) or the same in quotes.
    pub fn date(&self, key: &str, out: &mut Out) -> Option<Sp<Date>> {
        let when = self.when(key, out)?;
        match when.value {
            When::Date(d) => Some(Sp::new(d, when.span)),
            When::Period(p) => {
                out.push(
                    self.err(when.span, format!("`{key}` must be an exact date, not the period `{p}`"))
                        .with_hint(format!("write a date such as `{key} = 2026-09-14`")),
                );
                None
            }
        }
    }

    /// A date or a planned period (`2026-T3`, `2026-Q3`, `2026-09`).
    pub fn when(&self, key: &str, out: &mut Out) -> Option<Sp<When>> {
        let (_, v) = self.entry(key)?;
        let span = self.abs(v.span());
        match v.get_ref() {
            DeValue::Datetime(dt) => match (dt.date, dt.time) {
                (Some(d), None) => match Date::new(d.year as i16, d.month as i8, d.day as i8) {
                    Ok(date) => Some(Sp::new(When::Date(date), span)),
                    Err(_) => {
                        out.push(self.err(span, format!("`{key}` is not a real date")));
                        None
                    }
                },
                _ => {
                    out.push(
                        self.err(span, format!("`{key}` must be a date without a time"))
                            .with_hint(format!("write only the day, e.g. `{key} = 2026-09-14`")),
                    );
                    None
                }
            },
            DeValue::String(s) => match parse_when(s) {
                Ok(w) => Some(Sp::new(w, span)),
                Err(msg) => {
                    out.push(self.err(span, format!("`{key}`: {msg}")).with_hint(
                        "write a date `2026-09-14`, a quarter `\"2026-T3\"` (or `\"2026-Q3\"`) or a month `\"2026-09\"`",
                    ));
                    None
                }
            },
            _ => {
                out.push(self.wrong_type(key, v, "a date such as 2026-09-14"));
                None
            }
        }
    }

    /// A list of strings (a single string is reported with a hint).
    pub fn str_list(&self, key: &str, out: &mut Out) -> Option<Vec<Sp<String>>> {
        let (_, v) = self.entry(key)?;
        match v.get_ref() {
            DeValue::Array(items) => {
                let mut list = Vec::new();
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::String(s) => list.push(Sp::new(s.to_string(), self.abs(item.span()))),
                        other => out.push(self.err(
                            self.abs(item.span()),
                            format!("items of `{key}` must be text in quotes, not {}", describe(other)),
                        )),
                    }
                }
                Some(list)
            }
            DeValue::String(s) => {
                out.push(
                    self.wrong_type(key, v, "a list").with_hint(format!("put it in brackets: `{key} = [\"{s}\"]`")),
                );
                None
            }
            _ => {
                out.push(self.wrong_type(key, v, "a list such as [\"a\", \"b\"]"));
                None
            }
        }
    }

    /// A sub-table (`[certificate]` or an inline `{ … }`).
    pub fn table(&self, key: &str, out: &mut Out) -> Option<Fields<'a>> {
        let (k, v) = self.entry(key)?;
        match v.get_ref() {
            DeValue::Table(t) => {
                Some(Fields { partial: self.partial, ..Fields::new(self.file, self.offset, t, self.abs(k.span())) })
            }
            _ => {
                out.push(self.wrong_type(key, v, "a table").with_hint(format!("write a `[{key}]` section")));
                None
            }
        }
    }

    /// An array of tables (`[[sessions]]`).
    pub fn tables(&self, key: &str, out: &mut Out) -> Vec<Fields<'a>> {
        let Some((k, v)) = self.entry(key) else {
            return Vec::new();
        };
        match v.get_ref() {
            DeValue::Array(items) => {
                let mut list = Vec::new();
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::Table(t) => {
                            let span = self.abs(item.span());
                            // `[[sessions]]` tables span from their header.
                            let span = if span.is_empty() { self.abs(k.span()) } else { span };
                            list.push(Fields { partial: self.partial, ..Fields::new(self.file, self.offset, t, span) });
                        }
                        other => out.push(self.err(
                            self.abs(item.span()),
                            format!("items of `{key}` must be tables, not {}", describe(other)),
                        )),
                    }
                }
                list
            }
            _ => {
                out.push(self.wrong_type(key, v, "a list of tables").with_hint(format!("write `[[{key}]]` sections")));
                Vec::new()
            }
        }
    }

    /// A string that must be one of `choices`.
    pub fn choice(&self, key: &str, choices: &[&str], out: &mut Out) -> Option<Sp<String>> {
        let s = self.str(key, out)?;
        if choices.contains(&s.value.as_str()) {
            return Some(s);
        }
        let list = choices.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ");
        let mut d = self.err(s.span.clone(), format!("`{key}` must be one of {list}, not `{}`", s.value));
        d = match did_you_mean(&s.value, choices.iter().copied()) {
            Some(h) => d.with_hint(h),
            None => d.with_hint(format!("write one of {list}, e.g. `{key} = \"{}\"`", choices[0])),
        };
        out.push(d);
        None
    }
}

/// A TOML syntax error, positioned in the file.
pub fn toml_error(file: &Arc<SourceFile>, offset: usize, e: &toml::de::Error) -> Diagnostic {
    let span = e.span().map_or(offset..offset, |s| s.start + offset..s.end + offset);
    let msg = e.message().trim().trim_end_matches('.').to_string();
    // Offset 0 is a whole TOML file (vitrine.toml), not a front matter.
    let what = if offset == 0 { "this file" } else { "the front matter" };
    let mut d = Diagnostic::error(file, span, format!("{what} is not valid TOML: {msg}"));
    if msg.contains("duplicate key") {
        d = d.with_hint("each key is written once: remove one of the two lines, or merge their values");
    } else if msg.contains("string") || msg.contains("invalid") || msg.contains("expected") {
        d = d
            .with_hint("text values need straight double quotes: `title = \"Mon MOOC\"`; dates are written 2024-04-08");
    }
    d
}

fn describe(v: &DeValue) -> String {
    match v {
        DeValue::String(s) => format!("the text \"{s}\""),
        DeValue::Integer(i) => format!("the number {}", i.as_str()),
        DeValue::Float(f) => format!("the number {}", f.as_str()),
        DeValue::Boolean(b) => format!("`{b}`"),
        DeValue::Datetime(d) => format!("the date {d}"),
        DeValue::Array(_) => "a list".to_string(),
        DeValue::Table(_) => "a table".to_string(),
    }
}
