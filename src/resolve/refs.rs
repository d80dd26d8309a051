//! Cross-entity rules: every slug a file names must exist (with "did you
//! mean" when it does not), no two files may claim one slug or one URL,
//! institution parents must not loop.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::base::fields::Sp;
use crate::diagnostic::{did_you_mean, Diagnostic, Out, SourceFile};
use crate::load::{Content, Entity, Kind};
use crate::resolve::Catalogue;

/// Slugs of drafts, to explain why a reference does not resolve.
#[derive(Debug, Default)]
pub struct DraftSlugs(HashSet<(Kind, String)>);

impl DraftSlugs {
    pub fn collect(content: &Content) -> Self {
        let drafts = content.every().map(|e| (e.kind(), e.meta())).filter(|(_, m)| m.draft);
        DraftSlugs(drafts.map(|(kind, m)| (kind, m.slug.clone())).collect())
    }

    /// Whether the default-language file of this kind and slug is a draft.
    pub fn contains(&self, kind: Kind, slug: &str) -> bool {
        self.0.contains(&(kind, slug.to_string()))
    }
}

pub struct Checker<'a> {
    pub cat: &'a Catalogue,
    pub drafts: &'a DraftSlugs,
}

impl Checker<'_> {
    /// One reference: reports it when it names nothing.
    fn check(&self, file: &Arc<SourceFile>, r: &Sp<String>, kind: Kind, out: &mut Out) {
        if self.cat.position(kind, &r.value).is_some() {
            return;
        }
        let noun = kind.about().noun;
        if self.drafts.contains(kind, &r.value) {
            out.push(
                Diagnostic::error(
                    file,
                    r.span.clone(),
                    format!("{noun} `{}` is a draft, so it is not in this build", r.value),
                )
                .with_hint("remove `draft = true` from it, or build with --drafts"),
            );
            return;
        }
        let mut d = Diagnostic::error(file, r.span.clone(), format!("there is no {noun} `{}`", r.value));
        let mut keys: Vec<&str> = match kind {
            Kind::Subject => self.cat.subjects.iter().map(|s| s.slug.as_str()).collect(),
            _ => self.cat.content.shelf(kind).slugs(),
        };
        keys.sort_unstable();
        d = match did_you_mean(&r.value, keys.iter().copied()) {
            Some(h) => d.with_hint(h),
            None => d.with_hint(format!("create content/{}/{}.md, or check the spelling", kind.folder(), r.value)),
        };
        out.push(d);
    }

    /// Every reference of every entity.
    pub fn check_all(&self, out: &mut Out) {
        for e in self.cat.content.every() {
            for r in e.refs() {
                self.check(&e.meta().file, r.slug, r.kind, out);
            }
        }
    }
}

/// `x.md` and `x/index.md` of one kind both claim slug `x`: keep the first.
pub fn duplicates(content: &mut Content, translations: &mut Vec<Entity>, out: &mut Out) {
    for shelf in content.all_mut() {
        let mut seen: HashMap<String, std::path::PathBuf> = HashMap::new();
        shelf.retain(&mut |m| match seen.get(&m.slug) {
            Some(first) => {
                out.push(
                    Diagnostic::error(
                        &m.file,
                        0..0,
                        format!("slug `{}` is already used by {}", m.slug, first.display()),
                    )
                    .with_hint("rename one of the two files; a slug names exactly one entity"),
                );
                false
            }
            None => {
                seen.insert(m.slug.clone(), m.file.path.clone());
                true
            }
        });
    }
    let mut seen = HashSet::new();
    translations.retain(|e| {
        let m = e.meta();
        let key = (m.file.path.parent().map(|p| p.to_path_buf()), m.slug.clone(), m.lang.clone());
        seen.insert(key)
    });
}

/// `parent` chains must end: a school cannot be its own ancestor.
pub fn institution_cycles(content: &Content, out: &mut Out) {
    let insts = &content.institutions;
    for (start, inst) in insts.iter().enumerate() {
        let Some(parent) = &inst.parent else { continue };
        let mut chain = vec![inst.meta.slug.clone()];
        let mut cur = insts.position(&parent.value);
        while let Some(i) = cur {
            chain.push(insts[i].meta.slug.clone());
            if i == start {
                out.push(
                    Diagnostic::error(
                        &inst.meta.file,
                        parent.span.clone(),
                        format!("institution parents form a loop: {}", chain.join(" → ")),
                    )
                    .with_hint("a school's `parent` is its group; remove `parent` from one of them"),
                );
                break;
            }
            if chain.len() > insts.len() + 1 {
                break; // a loop that does not go through `start`: reported from its members
            }
            cur = insts[i].parent.as_ref().and_then(|p| insts.position(&p.value));
        }
    }
}

/// `[brochure]`'s `parcours` must name parcours of the site.
pub fn brochure_parcours(cat: &Catalogue, out: &mut Out) {
    let Some(b) = &cat.config.brochure else { return };
    for slug in b.parcours.iter().flatten() {
        if cat.content.parcours.position(&slug.value).is_some() {
            continue;
        }
        let names = cat.content.parcours.iter().map(|p| p.meta.slug.as_str());
        let hint =
            did_you_mean(&slug.value, names).unwrap_or_else(|| "name a file of content/parcours/ without `.md`".into());
        out.push(
            Diagnostic::error(
                &b.file,
                slug.span.clone(),
                format!("[brochure] names parcours `{}`, which does not exist", slug.value),
            )
            .with_hint(hint),
        );
    }
}

/// Aliases must be safe paths inside the site and must not hide a page.
pub fn aliases_and_paths(cat: &Catalogue, out: &mut Out) {
    let (l, languages) = (&cat.content, &cat.config.languages);
    let mut taken: HashMap<String, String> = HashMap::new();
    for list in ["moocs", "parcours", "schedules", "moocs/open", "open-data", "feeds"] {
        taken.insert(format!("/{list}/"), format!("the list page /{list}/"));
    }
    for m in &l.moocs {
        for lang in m.languages.iter() {
            taken.insert(format!("/languages/{}/", lang.value), format!("the list page /languages/{}/", lang.value));
        }
        if let Some(level) = &m.level {
            taken.insert(format!("/levels/{level}/"), format!("the list page /levels/{level}/"));
        }
        let reserved = match m.meta.slug.as_str() {
            "open" => Some("/moocs/open/ lists the MOOCs open for enrolment"),
            "page" => Some("/moocs/page/2/… are the pages of the full list"),
            _ => None,
        };
        if let Some(why) = reserved {
            out.push(
                Diagnostic::error(&m.meta.file, 0..0, format!("a MOOC cannot be called `{}`: {why}", m.meta.slug))
                    .with_hint(format!("rename the file, e.g. `{}-course.md`", m.meta.slug)),
            );
        }
    }
    for file in ["404.html", "sitemap.xml", "robots.txt", "style.css", "syntax.css", "catalogue.json", "catalogue.csv"]
    {
        taken.insert(format!("/{file}"), format!("vitrine's /{file}"));
    }
    // The pages of the kinds that have a folder of pages (subjects are
    // named by their label below, free pages have their own rules).
    for e in l.every().filter(|e| !e.kind().about().at_root) {
        let (folder, s) = (e.kind().folder(), &e.meta().slug);
        taken.insert(format!("/{folder}/{s}/"), format!("the page of {folder}/{s}"));
    }
    for s in cat.subjects.iter().map(|s| &s.slug) {
        taken.insert(format!("/subjects/{s}/"), format!("the page of subject {s}"));
    }
    let reserved = [
        "moocs",
        "parcours",
        "platforms",
        "institutions",
        "schedules",
        "subjects",
        "languages",
        "levels",
        "search",
        "open-data",
        "feeds",
        "404.html",
        "sitemap.xml",
        "robots.txt",
    ];
    // The pages `[accessibility]` and `[legal]` ask for, only then: a site
    // without them keeps its free pages of these names.
    let cfg = &cat.config;
    let duties: Vec<(&str, &str)> = [
        (cfg.accessibility.is_some(), "accessibility", "[accessibility]"),
        (cfg.legal.is_some(), "legal-notice", "[legal]"),
        (cfg.legal.is_some(), "privacy", "[legal]"),
    ]
    .into_iter()
    .filter_map(|(on, slug, section)| on.then_some((slug, section)))
    .collect();
    for p in &l.pages {
        if let Some((slug, section)) = duties.iter().find(|(slug, _)| *slug == p.meta.slug) {
            out.push(
                Diagnostic::error(
                    &p.meta.file,
                    0..0,
                    format!(
                        "a free page cannot be called `{slug}`: {section} in vitrine.toml makes vitrine write /{slug}/"
                    ),
                )
                .with_hint(format!("rename the file, e.g. `{slug}-info.md`, or remove {section} from vitrine.toml")),
            );
        }
        if reserved.contains(&p.meta.slug.as_str()) || languages.contains(&p.meta.slug) {
            out.push(
                Diagnostic::error(
                    &p.meta.file,
                    0..0,
                    format!("a free page cannot be called `{}`: that URL is used by vitrine", p.meta.slug),
                )
                .with_hint(format!("rename the file, e.g. `{}-info.md`", p.meta.slug)),
            );
        }
        taken.insert(format!("/{}/", p.meta.slug), format!("the page {}", p.meta.slug));
    }
    for m in &l.moocs {
        for a in &m.aliases {
            let in_language_folder = |path: &str| {
                let first = path.trim_start_matches('/').split('/').next().unwrap_or_default();
                languages.iter().any(|l| l == first)
            };
            match normalize_alias(&a.value) {
                Ok(path) if in_language_folder(&path) => out.push(
                    Diagnostic::error(
                        &m.meta.file,
                        a.span.clone(),
                        format!("alias `{}` is inside a language folder, whose pages vitrine generates", a.value),
                    )
                    .with_hint("aliases are old paths of the default language, e.g. \"/cours/ancien-nom/\""),
                ),
                Err(why) => out.push(
                    Diagnostic::error(&m.meta.file, a.span.clone(), format!("alias `{}` {why}", a.value))
                        .with_hint("write the old path from the site root, e.g. \"/cours/ancien-nom/\""),
                ),
                Ok(path) => {
                    if let Some(owner) = taken.get(&path) {
                        out.push(
                            Diagnostic::error(
                                &m.meta.file,
                                a.span.clone(),
                                format!("alias `{}` is already {owner}", a.value),
                            )
                            .with_hint("remove this alias"),
                        );
                    } else {
                        taken.insert(path, format!("an alias of moocs/{}", m.meta.slug));
                    }
                }
            }
        }
    }
}

/// `/old/path` -> `/old/path/`; rejects what could escape the output folder.
pub fn normalize_alias(a: &str) -> Result<String, &'static str> {
    if !a.starts_with('/') {
        return Err("must start with `/`");
    }
    if a.contains(['?', '#', '\\', '\0']) || a.contains("://") {
        return Err("must be a plain path, without `?`, `#` or a domain");
    }
    let parts: Vec<&str> = a.split('/').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        return Err("cannot be the home page");
    }
    if parts.iter().any(|p| *p == "." || *p == "..") {
        return Err("must not contain `.` or `..`");
    }
    let last = parts[parts.len() - 1];
    if last.ends_with(".html") {
        return Ok(format!("/{}", parts.join("/")));
    }
    Ok(format!("/{}/", parts.join("/")))
}

/// A translation (`x.en.md`) needs its default-language file (`x.md`).
pub fn orphan_translations(cat: &Catalogue, out: &mut Out) {
    for t in cat.translations.iter().filter(|t| t.kind() != Kind::Home) {
        let (kind, m) = (t.kind(), t.meta());
        if cat.position(kind, &m.slug).is_none() {
            out.push(
                Diagnostic::error(
                    &m.file,
                    0..0,
                    format!("this translation has no default-language file `{}.md` beside it", m.slug),
                )
                .with_hint(format!(
                    "create content/{}/{}.md first; translations only change the text of an entity",
                    kind.folder(),
                    m.slug
                )),
            );
        }
    }
}
