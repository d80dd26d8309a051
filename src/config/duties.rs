//! What a public site must publish, from `vitrine.toml`: the accessibility
//! statement (`[accessibility]`, the French RGAA "déclaration
//! d'accessibilité"), the legal notice and the privacy page (`[legal]`),
//! and the optional audience counter (`[analytics]`). Each section makes
//! its pages (`render/pages/duties.rs`); without it, no page and no link.
//! Keys are checked like every key of `vitrine.toml`.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::base::fields::{Fields, Sp};
use crate::diagnostic::{problems, texts, Arg, Msg, Out};

/// The compliance levels of the RGAA (and of EN 301 549).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compliance {
    /// Every criterion met ("totalement conforme").
    Full,
    /// At least half of them ("partiellement conforme").
    Partial,
    /// Fewer, or no audit ("non conforme").
    None,
}

impl Compliance {
    pub fn key(self) -> &'static str {
        match self {
            Compliance::Full => "full",
            Compliance::Partial => "partial",
            Compliance::None => "none",
        }
    }

    /// The level a rate of criteria met (in %) gives under the RGAA.
    fn of_rate(rate: f64) -> Compliance {
        if rate >= 100.0 {
            Compliance::Full
        } else if rate >= 50.0 {
            Compliance::Partial
        } else {
            Compliance::None
        }
    }
}

/// `[accessibility]`: the accessibility statement.
#[derive(Debug, Clone)]
pub struct Accessibility {
    pub compliance: Compliance,
    /// Share of the standard's criteria met, in %, from the audit.
    pub rate: Option<f64>,
    /// e.g. "RGAA 4.1.2".
    pub standard: String,
    /// When the statement was made.
    pub date: Date,
    /// Who audited the site, and when.
    pub audit_by: Option<String>,
    pub audit_date: Option<Date>,
    /// Who commits to the site's accessibility; default: `[legal]`'s
    /// publisher, else the site's title.
    pub entity: Option<String>,
    /// The pages checked, as paths of the site (`/`, `/moocs/`).
    pub pages: Vec<String>,
    /// Tools and the assistive technologies and browsers of the tests.
    pub tools: Vec<String>,
    pub environment: Vec<String>,
    /// Where to write when something is not accessible: at least one.
    pub contact_email: Option<String>,
    pub contact_url: Option<String>,
    pub contact_address: Option<String>,
    /// The multi-year accessibility plan ("schéma pluriannuel").
    pub plan_url: Option<String>,
    /// Texts by language: the default language's, and the translations of
    /// `[accessibility.<lang>]`.
    pub texts: BTreeMap<String, AccessibilityTexts>,
}

/// The sentences of a statement, which a translation may give.
#[derive(Debug, Clone, Default)]
pub struct AccessibilityTexts {
    /// What does not meet the standard.
    pub non_compliant: Vec<String>,
    /// What is exempted as a disproportionate burden.
    pub derogations: Vec<String>,
    /// What the law does not cover (third-party content…).
    pub exempt: Vec<String>,
}

impl Accessibility {
    /// The texts in `lang` when translated, else in the default language,
    /// with the language they are in.
    pub fn texts<'a>(&'a self, lang: &'a str, default: &'a str) -> (&'a AccessibilityTexts, &'a str) {
        match self.texts.get(lang) {
            Some(t) => (t, lang),
            None => (self.texts.get(default).unwrap_or(&EMPTY), default),
        }
    }
}

static EMPTY: AccessibilityTexts =
    AccessibilityTexts { non_compliant: Vec::new(), derogations: Vec::new(), exempt: Vec::new() };

/// `[legal]`: who publishes the site, who hosts it (the French "mentions
/// légales"), and whom to ask about personal data.
#[derive(Debug, Clone)]
pub struct Legal {
    pub publisher: String,
    pub address: Option<String>,
    /// A registration number (SIREN/SIRET, RCS…).
    pub registration: Option<String>,
    /// The director of publication: a name or a function.
    pub director: String,
    pub host: String,
    pub host_address: Option<String>,
    pub host_phone: Option<String>,
    /// An e-mail address or a web address.
    pub contact: String,
    /// The data protection officer's e-mail or web address.
    pub dpo: Option<String>,
}

/// `[analytics]`: a self-hosted, consent-free visit counter.
#[derive(Debug, Clone)]
pub struct Analytics {
    /// Address asked once per page view, `{path}` replaced by the page's
    /// path (`/stats/count?p={path}`); on the site or another host.
    pub counter: String,
}

const ACCESSIBILITY_KEYS: &[&str] = &[
    "compliance",
    "rate",
    "standard",
    "date",
    "audit_by",
    "audit_date",
    "entity",
    "pages",
    "tools",
    "environment",
    "contact_email",
    "contact_url",
    "contact_address",
    "plan_url",
    "non_compliant",
    "derogations",
    "exempt",
];
const ACCESSIBILITY_TEXT_KEYS: &[&str] = &["non_compliant", "derogations", "exempt"];
const LEGAL_KEYS: &[&str] =
    &["publisher", "address", "registration", "director", "host", "host_address", "host_phone", "contact", "dpo"];
const ANALYTICS_KEYS: &[&str] = &["counter"];

/// `[accessibility]`, when the file has it.
pub fn accessibility(f: &Fields, default: &str, languages: &[String], out: &mut Out) -> Option<Accessibility> {
    let t = f.table("accessibility", out)?;
    let others: Vec<&str> = languages.iter().map(String::as_str).filter(|l| *l != default).collect();
    let allowed: Vec<&str> = ACCESSIBILITY_KEYS.iter().copied().chain(others.iter().copied()).collect();
    t.check_keys(&allowed, texts::section("accessibility"), out);
    let rate = t.number("rate", out).filter(|r| {
        let ok = (0.0..=100.0).contains(&r.value);
        if !ok {
            out.push(t.at(r.span.clone(), problems::rate_out_of_range()));
        }
        ok
    });
    let level = t.choice("compliance", &["full", "partial", "none"], out);
    let compliance = match (&level, &rate) {
        (Some(l), Some(r)) => {
            let given = level_of(&l.value);
            let by_rate = Compliance::of_rate(r.value);
            if given != by_rate {
                let rate = Arg::Decimal(
                    r.value,
                    (0..2).find(|&d| (r.value * 10f64.powi(d)).fract() == 0.0).unwrap_or(2) as usize,
                );
                out.push(
                    t.at(l.span.clone(), problems::compliance_contradicts_rate(&l.value, rate, by_rate.key()))
                        .with_hint(texts::rgaa_levels()),
                );
            }
            given
        }
        (Some(l), None) => level_of(&l.value),
        (None, Some(r)) => Compliance::of_rate(r.value),
        (None, None) => {
            t.missing("compliance", "\"partial\"", out);
            Compliance::None
        }
    };
    let date = t.date("date", out);
    if !t.has("date") {
        t.missing("date", "2026-11-01", out);
    }
    let contact_email = address(&t, "contact_email", Kinds::Email, out);
    let contact_url = address(&t, "contact_url", Kinds::Web, out);
    let contact_address = t.str("contact_address", out).map(|s| s.value);
    if !["contact_email", "contact_url", "contact_address"].iter().any(|k| t.has(k)) {
        out.push(t.at(t.span.clone(), problems::statement_without_contact()).with_hint(texts::add_statement_contact()));
    }
    let pages = t.str_list("pages", out).unwrap_or_default();
    for p in &pages {
        if !p.value.starts_with('/') {
            out.push(
                t.at(p.span.clone(), problems::not_site_path(&p.value))
                    .with_hint(texts::write_from_root(format!("/{}", p.value.trim_start_matches('/')))),
            );
        }
    }
    let mut texts = BTreeMap::new();
    texts.insert(default.to_string(), accessibility_texts(&t, out));
    for lang in others {
        if let Some(tr) = t.table(lang, out) {
            tr.check_keys(ACCESSIBILITY_TEXT_KEYS, texts::section(format!("accessibility.{lang}")), out);
            texts.insert(lang.to_string(), accessibility_texts(&tr, out));
        }
    }
    Some(Accessibility {
        compliance,
        rate: rate.map(|r| r.value),
        standard: t.str("standard", out).map_or_else(|| "RGAA 4.1.2".to_string(), |s| s.value),
        date: date.map_or(Date::MIN, |d| d.value),
        audit_by: t.str("audit_by", out).map(|s| s.value),
        audit_date: t.date("audit_date", out).map(|d| d.value),
        entity: t.str("entity", out).map(|s| s.value),
        pages: pages.into_iter().map(|p| p.value).collect(),
        tools: list(&t, "tools", out),
        environment: list(&t, "environment", out),
        contact_email,
        contact_url,
        contact_address,
        plan_url: address(&t, "plan_url", Kinds::Web, out),
        texts,
    })
}

fn level_of(key: &str) -> Compliance {
    match key {
        "full" => Compliance::Full,
        "partial" => Compliance::Partial,
        _ => Compliance::None,
    }
}

fn accessibility_texts(t: &Fields, out: &mut Out) -> AccessibilityTexts {
    AccessibilityTexts {
        non_compliant: list(t, "non_compliant", out),
        derogations: list(t, "derogations", out),
        exempt: list(t, "exempt", out),
    }
}

/// `[legal]`, when the file has it.
pub fn legal(f: &Fields, out: &mut Out) -> Option<Legal> {
    let t = f.table("legal", out)?;
    t.check_keys(LEGAL_KEYS, texts::section("legal"), out);
    let req = |key: &str, out: &mut Out| t.req_str(key, out).map(|s| s.value).unwrap_or_default();
    let contact = if t.has("contact") {
        address(&t, "contact", Kinds::Either, out).unwrap_or_default()
    } else {
        req("contact", out)
    };
    let dpo = address(&t, "dpo", Kinds::Either, out);
    Some(Legal {
        publisher: req("publisher", out),
        address: t.str("address", out).map(|s| s.value),
        registration: t.str("registration", out).map(|s| s.value),
        director: req("director", out),
        host: req("host", out),
        host_address: t.str("host_address", out).map(|s| s.value),
        host_phone: t.str("host_phone", out).map(|s| s.value),
        contact,
        dpo,
    })
}

/// `[analytics]`, when the file has it.
pub fn analytics(f: &Fields, out: &mut Out) -> Option<Analytics> {
    let t = f.table("analytics", out)?;
    t.check_keys(ANALYTICS_KEYS, texts::section("analytics"), out);
    if !t.has("counter") {
        t.missing("counter", "\"/stats/count?p={path}\"", out);
        return None;
    }
    let s = t.str("counter", out)?;
    let on_site = s.value.starts_with('/') && !s.value.starts_with("//");
    if !on_site && !s.value.starts_with("https://") {
        out.push(
            t.at(s.span, problems::counter_not_path_or_https())
                .with_hint(texts::for_example("counter = \"/stats/count?p={path}\"")),
        );
        return None;
    }
    Some(Analytics { counter: s.value })
}

/// A list of non-empty texts.
fn list(t: &Fields, key: &str, out: &mut Out) -> Vec<String> {
    let items = t.str_list(key, out).unwrap_or_default();
    let mut texts = Vec::with_capacity(items.len());
    for Sp { value, span } in items {
        if value.trim().is_empty() {
            out.push(t.at(span, problems::empty_item(key)));
        } else {
            texts.push(value);
        }
    }
    texts
}

fn is_email(s: &str) -> bool {
    let Some((user, domain)) = s.split_once('@') else { return false };
    !user.is_empty() && domain.contains('.') && !s.chars().any(|c| c.is_whitespace() || c == '<' || c == '>')
}

fn is_web_address(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://")) && url::Url::parse(s).is_ok()
}

/// What an address of a section may be.
#[derive(Clone, Copy, PartialEq)]
enum Kinds {
    Email,
    Web,
    Either,
}

/// The address `key` of section `t`, when it is one of `kinds`.
fn address(t: &Fields, key: &str, kinds: Kinds, out: &mut Out) -> Option<String> {
    let s = t.str(key, out)?;
    let (email, web) = (is_email(&s.value), is_web_address(&s.value));
    let (ok, what, example): (bool, fn() -> Msg, &str) = match kinds {
        Kinds::Email => (email, texts::an_email_address, "accessibilite@example.org"),
        Kinds::Web => (web, texts::a_web_address, "https://example.org/…"),
        Kinds::Either => (email || web, texts::an_email_or_web_address, "contact@example.org"),
    };
    if ok {
        return Some(s.value);
    }
    out.push(
        t.at(s.span, problems::bad_address(key, what(), &s.value))
            .with_hint(texts::for_example(format!("{key} = \"{example}\""))),
    );
    None
}
