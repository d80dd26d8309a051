//! The pages a public site must publish, from `vitrine.toml`
//! (`config/duties.rs`): the accessibility statement (`/accessibility/`,
//! from `[accessibility]`), and the legal notice (`/legal-notice/`) and the
//! privacy page (`/privacy/`), from `[legal]`. Every page's footer links to
//! them (`globals.rs`). They show no MOOC.

use serde_json::{json, Value};

use crate::config::duties::Compliance;
use crate::diagnostic::Out;
use crate::render::context::{Context, PageOut};
use crate::render::globals::{tv, ACCESSIBILITY_PATH, LEGAL_NOTICE_PATH, PRIVACY_PATH};
use crate::render::pages::{PageKind, Showing};
use crate::render::{dates, parts};
use crate::resolve::Catalogue;

/// `/accessibility/`: the accessibility statement.
pub struct Statement;

impl PageKind for Statement {
    fn pages(&self, cat: &Catalogue) -> Vec<String> {
        cat.config.accessibility.iter().map(|_| String::new()).collect()
    }

    fn render(&self, ctx: &Context, _: usize, _: &mut Out) -> PageOut {
        let title = ctx.lang.label("accessibility", "title");
        let statement = ctx.cat.config.accessibility.as_ref().map_or(Value::Null, |a| {
            let cfg = &ctx.cat.config;
            let (texts, texts_lang) = a.texts(ctx.lang.code, &cfg.default_language);
            let entity = a
                .entity
                .clone()
                .or_else(|| cfg.legal.as_ref().map(|l| l.publisher.clone()))
                .unwrap_or_else(|| cfg.title(ctx.lang.code).to_string());
            let pages: Vec<Value> = a
                .pages
                .iter()
                .map(|p| {
                    let path = p.trim_start_matches('/');
                    json!({"path": p, "url": ctx.lang.url(path)})
                })
                .collect();
            json!({
                "entity": entity,
                "site_url": format!("{}/", cfg.base_url),
                "compliance": parts::keyed(&ctx.lang, "compliance", a.compliance.key()),
                "full": a.compliance == Compliance::Full,
                "rate": a.rate.map(|r| ctx.lang.words.decimal(r)),
                "standard": a.standard,
                "date": parts::date(&ctx.lang, a.date),
                "audit_by": a.audit_by,
                "audit_date": a.audit_date.map(|d| parts::date(&ctx.lang, d)),
                "pages": pages,
                "tools": a.tools,
                "environment": a.environment,
                "non_compliant": texts.non_compliant,
                "derogations": texts.derogations,
                "exempt": texts.exempt,
                "texts_lang": texts_lang,
                "contact_email": a.contact_email,
                "contact_url": a.contact_url,
                "contact_address": a.contact_address,
                "plan_url": a.plan_url,
            })
        });
        // Its description is the footer's words ("Accessibilité :
        // partiellement conforme"), its date in the sitemap the statement's.
        let accessibility = ctx.cat.config.accessibility.as_ref();
        let description = accessibility.map_or(String::new(), |a| {
            let level = ctx.lang.label("compliance", a.compliance.key());
            ctx.lang.label("accessibility", "footer").replace("{compliance}", &level)
        });
        let mut page = ctx.page(
            ACCESSIBILITY_PATH.into(),
            "accessibility.html",
            &ctx.page_title(&title),
            &description,
            vec![("statement", tv(statement))],
        );
        page.lastmod = dates::latest(ctx.cat.today, [accessibility.map(|a| a.date)]);
        page
    }

    fn showing(&self, _: &Catalogue) -> Showing {
        Showing::None
    }
}

/// `/legal-notice/` and `/privacy/`.
pub struct Legal;

const LEGAL_PAGES: [&str; 2] = ["legal-notice", "privacy"];

impl PageKind for Legal {
    fn pages(&self, cat: &Catalogue) -> Vec<String> {
        match cat.config.legal {
            Some(_) => LEGAL_PAGES.iter().map(|p| p.to_string()).collect(),
            None => Vec::new(),
        }
    }

    fn render(&self, ctx: &Context, i: usize, _: &mut Out) -> PageOut {
        let cfg = &ctx.cat.config;
        let legal = cfg.legal.as_ref().map_or(Value::Null, |l| {
            json!({
                "publisher": l.publisher,
                "address": l.address,
                "registration": l.registration,
                "director": l.director,
                "host": l.host,
                "host_address": l.host_address,
                "host_phone": l.host_phone,
                "contact": contact(&l.contact),
                "dpo": l.dpo.as_deref().map(contact),
                "site_url": format!("{}/", cfg.base_url),
            })
        });
        let counter = cfg.analytics.as_ref().map(|a| counter_host(&a.counter, &cfg.base_url));
        let (path, template, key) = match LEGAL_PAGES.get(i) {
            Some(&"privacy") => (PRIVACY_PATH, "privacy.html", "privacy_title"),
            _ => (LEGAL_NOTICE_PATH, "legal.html", "title"),
        };
        // What the privacy page says depends on the configuration only,
        // never on the content, so that no MOOC edit makes it stale.
        let title = ctx.lang.label("legal", key);
        let description =
            if template == "privacy.html" { ctx.lang.label("legal", "privacy_intro") } else { title.clone() };
        ctx.page(
            path.into(),
            template,
            &ctx.page_title(&title),
            &description,
            vec![("legal", tv(legal)), ("counter_host", tv(json!(counter)))],
        )
    }

    fn showing(&self, _: &Catalogue) -> Showing {
        Showing::None
    }
}

/// `{text, href}` of an e-mail or web address.
fn contact(c: &str) -> Value {
    let href = if c.contains('@') && !c.starts_with("http") { format!("mailto:{c}") } else { c.to_string() };
    json!({"text": c, "href": href})
}

/// The host of the visit counter as the privacy page names it: the site's
/// own for a path.
fn counter_host(counter: &str, base_url: &str) -> String {
    let absolute = if counter.starts_with('/') { base_url } else { counter };
    url::Url::parse(absolute).ok().and_then(|u| u.host_str().map(String::from)).unwrap_or_default()
}
