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

use crate::calendar::period::WhenError;
use crate::calendar::period::{parse_when, When};
use crate::diagnostic::{did_you_mean, problems, texts, Diagnostic, Msg, Out, Problem, SourceFile};

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

    /// `problem` at `span` of this file.
    pub fn at(&self, span: Range<usize>, problem: Problem) -> Diagnostic {
        Diagnostic::at(self.file, span, problem)
    }

    /// Every key not in `allowed` is an error at the key, with a suggestion;
    /// `what` names the table (`texts::a_kind`, `texts::section`).
    pub fn check_keys(&self, allowed: &[&str], what: Msg, out: &mut Out) {
        for (key, span) in self.keys() {
            if !allowed.contains(&key) {
                out.push(self.unknown_key(key, span, allowed, what.clone()));
            }
        }
    }

    /// The keys of the table, in file order, with their spans in the file.
    pub fn keys(&self) -> impl Iterator<Item = (&'a str, Range<usize>)> + '_ {
        self.table.iter().map(|(k, _)| (k.get_ref().as_ref(), self.abs(k.span())))
    }

    /// "unknown key `key` in `what`", with the nearest allowed key as hint.
    pub fn unknown_key(&self, key: &str, span: Range<usize>, allowed: &[&str], what: Msg) -> Diagnostic {
        let d = self.at(span, problems::unknown_key(key, what.clone()));
        match did_you_mean(key, allowed.iter().copied()) {
            Some(h) => d.with_hint(h),
            None => d.with_hint(texts::keys_are(what, allowed.join(", "))),
        }
    }

    fn wrong_type(&self, key: &str, v: &Spanned<DeValue>, expected: Msg) -> Diagnostic {
        self.at(self.abs(v.span()), problems::wrong_type(key, expected, describe(v.get_ref())))
    }

    pub fn missing(&self, key: &str, example: &str, out: &mut Out) {
        if self.partial {
            return;
        }
        out.push(self.at(self.span.clone(), problems::missing_key(key)).with_hint(texts::add_line(key, example)));
    }

    pub fn str(&self, key: &str, out: &mut Out) -> Option<Sp<String>> {
        let (_, v) = self.entry(key)?;
        match v.get_ref() {
            DeValue::String(s) => Some(Sp::new(s.to_string(), self.abs(v.span()))),
            _ => {
                out.push(self.wrong_type(key, v, texts::type_text()).with_hint(texts::write_text(key)));
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
            out.push(self.at(s.span.clone(), problems::empty_value(key)));
            return None;
        }
        Some(s)
    }

    pub fn bool(&self, key: &str, out: &mut Out) -> Option<bool> {
        let (_, v) = self.entry(key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            DeValue::String(s) if matches!(s.as_ref(), "true" | "false") => {
                out.push(self.wrong_type(key, v, texts::type_bool()).with_hint(texts::remove_quotes(key, s.as_ref())));
                None
            }
            _ => {
                out.push(self.wrong_type(key, v, texts::type_bool()));
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
                let mut d = self.wrong_type(key, v, texts::type_integer());
                if let DeValue::String(s) = v.get_ref() {
                    if let Ok(n) = s.trim().parse::<i64>() {
                        d = d.with_hint(texts::remove_quotes(key, n.to_string()));
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
            out.push(self.at(n.span.clone(), problems::not_above_zero(key, n.value)));
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
                let mut d = self.wrong_type(key, v, texts::type_number());
                if let DeValue::String(s) = v.get_ref() {
                    d = d.with_hint(texts::remove_quotes_decimal(key, s.replace(',', ".")));
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
            let problem = if zero_ok { problems::below_zero(key) } else { problems::not_positive(key) };
            out.push(self.at(n.span.clone(), problem));
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
                    self.at(when.span, problems::not_exact_date(key, p.to_string())).with_hint(texts::write_date(key)),
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
                        out.push(self.at(span, problems::not_real_date(key)));
                        None
                    }
                },
                _ => {
                    out.push(self.at(span, problems::date_with_time(key)).with_hint(texts::write_day_only(key)));
                    None
                }
            },
            DeValue::String(s) => match parse_when(s) {
                Ok(w) => Some(Sp::new(w, span)),
                Err(e) => {
                    out.push(
                        self.at(span, problems::not_date_or_period(key, when_error(&e))).with_hint(texts::write_when()),
                    );
                    None
                }
            },
            _ => {
                out.push(self.wrong_type(key, v, texts::type_date()));
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
                        other => out.push(self.at(
                            self.abs(item.span()),
                            problems::wrong_item_type(key, texts::type_text(), describe(other)),
                        )),
                    }
                }
                Some(list)
            }
            DeValue::String(s) => {
                out.push(
                    self.wrong_type(key, v, texts::type_list()).with_hint(texts::put_in_brackets(key, s.as_ref())),
                );
                None
            }
            _ => {
                out.push(self.wrong_type(key, v, texts::type_list_example()));
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
                out.push(self.wrong_type(key, v, texts::type_table()).with_hint(texts::write_section(key)));
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
                        other => out.push(self.at(
                            self.abs(item.span()),
                            problems::wrong_item_type(key, texts::type_table(), describe(other)),
                        )),
                    }
                }
                list
            }
            _ => {
                out.push(self.wrong_type(key, v, texts::type_tables()).with_hint(texts::write_sections(key)));
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
        let mut d = self.at(s.span.clone(), problems::not_one_of(key, either(choices), &s.value));
        d = match did_you_mean(&s.value, choices.iter().copied()) {
            Some(h) => d.with_hint(h),
            None => d.with_hint(texts::write_one_of(either(choices), key, choices[0])),
        };
        out.push(d);
        None
    }
}

/// `` `a`, `b` or `c` ``: the choices of a key, for messages.
pub fn either(choices: &[&str]) -> crate::diagnostic::Arg {
    crate::diagnostic::Arg::List(
        choices.iter().map(|c| format!("`{c}`")).collect(),
        crate::diagnostic::message::Joint::Or,
    )
}

/// A TOML syntax error, positioned in the file. The parser's own words
/// (`detail`) are English: they name TOML's grammar.
pub fn toml_error(file: &Arc<SourceFile>, offset: usize, e: &toml::de::Error) -> Diagnostic {
    let span = e.span().map_or(offset..offset, |s| s.start + offset..s.end + offset);
    let msg = e.message().trim().trim_end_matches('.').to_string();
    // Offset 0 is a whole TOML file (vitrine.toml), not a front matter.
    let part = if offset == 0 { texts::this_file() } else { texts::the_front_matter() };
    let mut d = Diagnostic::at(file, span, problems::toml_syntax(part, &msg));
    if msg.contains("duplicate key") {
        d = d.with_hint(texts::toml_duplicate_key());
    } else if msg.contains("string") || msg.contains("invalid") || msg.contains("expected") {
        d = d.with_hint(texts::toml_quotes());
    }
    d
}

/// Why a text is not a date or a period, in words.
fn when_error(e: &WhenError) -> Msg {
    match e {
        WhenError::Neither(t) => texts::when_neither(t.as_str()),
        WhenError::NotRealDate(t) => texts::when_not_real(t.as_str()),
        WhenError::BadQuarter(t) => texts::when_bad_quarter(t.as_str()),
        WhenError::BadMonth(t) => texts::when_bad_month(t.as_str()),
    }
}

/// What a TOML value is, in words.
fn describe(v: &DeValue) -> Msg {
    match v {
        DeValue::String(s) => texts::found_text(s.as_ref()),
        DeValue::Integer(i) => texts::found_number(i.as_str()),
        DeValue::Float(f) => texts::found_number(f.as_str()),
        DeValue::Boolean(b) => texts::found_bool(b.to_string()),
        DeValue::Datetime(d) => texts::found_date(d.to_string()),
        DeValue::Array(_) => texts::found_list(),
        DeValue::Table(_) => texts::found_table(),
    }
}
