//! The theme's UI strings (`i18n/<lang>.toml`, merged by `render::theme`):
//! labels of statuses, levels, languages, navigation…, and the words dates,
//! periods, prices and numbers are written with.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::calendar::format::Words;

/// The UI strings of every language of the site, as JSON tables.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct UiStrings(BTreeMap<String, Value>);

impl UiStrings {
    /// The strings of each language, by code.
    pub fn new(by_language: BTreeMap<String, Value>) -> UiStrings {
        UiStrings(by_language)
    }

    /// The strings of `lang`.
    pub fn of<'a>(&'a self, lang: &str) -> Ui<'a> {
        Ui { table: self.0.get(lang) }
    }
}

/// One language's UI strings.
#[derive(Clone, Copy)]
pub struct Ui<'a> {
    table: Option<&'a Value>,
}

impl<'a> Ui<'a> {
    /// A label from a table of the strings (`status`, `level`, …); the key
    /// itself when there is none.
    pub fn label(&self, table: &str, key: &str) -> String {
        self.table
            .and_then(|t| t.get(table))
            .and_then(|t| t.get(key))
            .and_then(Value::as_str)
            .unwrap_or(key)
            .to_string()
    }

    /// A value of the strings (a table, a list: `months_short`).
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.table?.get(key)
    }

    /// All the strings (the `t` of templates).
    pub fn all(&self) -> Option<&'a Value> {
        self.table
    }

    /// The words dates, periods, prices and decimal numbers are written with.
    pub fn words(&self) -> Words {
        let s = |key: &str, default: &str| self.get(key).and_then(Value::as_str).unwrap_or(default).to_string();
        let months = self
            .get("months")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(|m| m.as_str().map(String::from)).collect())
            .unwrap_or_default();
        Words {
            months,
            day_one: s("day_one", "1"),
            quarter_format: s("quarter_format", "T{quarter} {year}"),
            price_format: s("price_format", "{amount} {currency}"),
            decimal_sep: self
                .get("number")
                .and_then(|n| n.get("decimal_sep"))
                .and_then(Value::as_str)
                .unwrap_or(".")
                .to_string(),
        }
    }
}
