//! Cross-entity rules: every slug a file names must exist (with "did you
//! mean" when it does not), no two files may claim one slug or one URL,
//! institution parents must not loop.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::base::fields::Sp;
use crate::diagnostic::{did_you_mean, problems, texts, Diagnostic, Msg, Out, SourceFile};
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
                Diagnostic::at(file, r.span.clone(), problems::reference_to_draft(noun, &r.value))
                    .with_hint(texts::undraft()),
            );
            return;
        }
        let mut d = Diagnostic::at(file, r.span.clone(), problems::no_such_entity(noun, &r.value));
        let mut keys: Vec<&str> = match kind {
            Kind::Subject => self.cat.subjects.iter().map(|s| s.slug.as_str()).collect(),
            _ => self.cat.content.shelf(kind).slugs(),
        };
        keys.sort_unstable();
        d = match did_you_mean(&r.value, keys.iter().copied()) {
            Some(h) => d.with_hint(h),
            None => d.with_hint(texts::create_or_check_spelling(format!("content/{}/{}.md", kind.folder(), r.value))),
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
                    Diagnostic::at(&m.file, 0..0, problems::slug_taken(&m.slug, first)).with_hint(texts::rename_one()),
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
                    Diagnostic::at(&inst.meta.file, parent.span.clone(), problems::parent_loop(chain.join(" → ")))
                        .with_hint(texts::parent_loop_hint()),
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
        let hint = did_you_mean(&slug.value, names).unwrap_or_else(texts::name_a_parcours_file);
        out.push(
            Diagnostic::at(&b.file, slug.span.clone(), problems::brochure_no_such_parcours(&slug.value))
                .with_hint(hint),
        );
    }
}

/// Aliases must be safe paths inside the site and must not hide a page.
pub fn aliases_and_paths(cat: &Catalogue, out: &mut Out) {
    let (l, languages) = (&cat.content, &cat.config.languages);
    let mut taken: HashMap<String, Msg> = HashMap::new();
    for list in ["moocs", "parcours", "schedules", "moocs/open", "open-data", "feeds"] {
        taken.insert(format!("/{list}/"), texts::owner_list_page(format!("/{list}/")));
    }
    for m in &l.moocs {
        for lang in m.languages.iter() {
            let path = format!("/languages/{}/", lang.value);
            taken.insert(path.clone(), texts::owner_list_page(path));
        }
        if let Some(level) = &m.level {
            let path = format!("/levels/{level}/");
            taken.insert(path.clone(), texts::owner_list_page(path));
        }
        let reserved = match m.meta.slug.as_str() {
            "open" => Some(texts::reserved_open()),
            "page" => Some(texts::reserved_page()),
            _ => None,
        };
        if let Some(why) = reserved {
            out.push(
                Diagnostic::at(&m.meta.file, 0..0, problems::reserved_mooc_slug(&m.meta.slug, why))
                    .with_hint(texts::rename_file_to(format!("{}-course.md", m.meta.slug))),
            );
        }
    }
    for file in ["404.html", "sitemap.xml", "robots.txt", "style.css", "syntax.css", "catalogue.json", "catalogue.csv"]
    {
        taken.insert(format!("/{file}"), texts::owner_vitrine_file(format!("/{file}")));
    }
    // The pages of the kinds that have a folder of pages (subjects are
    // named by their label below, free pages have their own rules).
    for e in l.every().filter(|e| !e.kind().about().at_root) {
        let (folder, s) = (e.kind().folder(), &e.meta().slug);
        taken.insert(format!("/{folder}/{s}/"), texts::owner_page_of(format!("{folder}/{s}")));
    }
    for s in cat.subjects.iter().map(|s| &s.slug) {
        taken.insert(format!("/subjects/{s}/"), texts::owner_page_of(format!("subjects/{s}")));
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
        (cfg.accessibility.is_some(), "accessibility", "accessibility"),
        (cfg.legal.is_some(), "legal-notice", "legal"),
        (cfg.legal.is_some(), "privacy", "legal"),
    ]
    .into_iter()
    .filter_map(|(on, slug, section)| on.then_some((slug, section)))
    .collect();
    for p in &l.pages {
        if let Some((slug, section)) = duties.iter().find(|(slug, _)| *slug == p.meta.slug) {
            out.push(
                Diagnostic::at(&p.meta.file, 0..0, problems::duty_page_slug(*slug, texts::section(*section)))
                    .with_hint(texts::rename_file_or_remove_section(
                        format!("{slug}-info.md"),
                        texts::section(*section),
                    )),
            );
        }
        if reserved.contains(&p.meta.slug.as_str()) || languages.contains(&p.meta.slug) {
            out.push(
                Diagnostic::at(&p.meta.file, 0..0, problems::reserved_page_slug(&p.meta.slug))
                    .with_hint(texts::rename_file_to(format!("{}-info.md", p.meta.slug))),
            );
        }
        taken.insert(format!("/{}/", p.meta.slug), texts::owner_free_page(&p.meta.slug));
    }
    for m in &l.moocs {
        for a in &m.aliases {
            let in_language_folder = |path: &str| {
                let first = path.trim_start_matches('/').split('/').next().unwrap_or_default();
                languages.iter().any(|l| l == first)
            };
            match normalize_alias(&a.value) {
                Ok(path) if in_language_folder(&path) => out.push(
                    Diagnostic::at(&m.meta.file, a.span.clone(), problems::alias_in_language_folder(&a.value))
                        .with_hint(texts::alias_default_language()),
                ),
                Err(why) => out.push(
                    Diagnostic::at(&m.meta.file, a.span.clone(), problems::bad_alias(&a.value, alias_error(why)))
                        .with_hint(texts::alias_from_root()),
                ),
                Ok(path) => {
                    if let Some(owner) = taken.get(&path) {
                        out.push(
                            Diagnostic::at(
                                &m.meta.file,
                                a.span.clone(),
                                problems::alias_taken(&a.value, owner.clone()),
                            )
                            .with_hint(texts::remove_alias()),
                        );
                    } else {
                        taken.insert(path, texts::owner_alias_of(format!("moocs/{}", m.meta.slug)));
                    }
                }
            }
        }
    }
}

/// Why an alias is not a path vitrine can write a redirect at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AliasError {
    NotFromRoot,
    NotPlain,
    Home,
    Dots,
}

fn alias_error(e: AliasError) -> Msg {
    match e {
        AliasError::NotFromRoot => texts::alias_not_from_root(),
        AliasError::NotPlain => texts::alias_not_plain(),
        AliasError::Home => texts::alias_home(),
        AliasError::Dots => texts::alias_dots(),
    }
}

/// `/old/path` -> `/old/path/`; rejects what could escape the output folder.
pub fn normalize_alias(a: &str) -> Result<String, AliasError> {
    if !a.starts_with('/') {
        return Err(AliasError::NotFromRoot);
    }
    if a.contains(['?', '#', '\\', '\0']) || a.contains("://") {
        return Err(AliasError::NotPlain);
    }
    let parts: Vec<&str> = a.split('/').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        return Err(AliasError::Home);
    }
    if parts.iter().any(|p| *p == "." || *p == "..") {
        return Err(AliasError::Dots);
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
                Diagnostic::at(&m.file, 0..0, problems::orphan_translation(&m.slug))
                    .with_hint(texts::create_default_first(format!("content/{}/{}.md", kind.folder(), m.slug))),
            );
        }
    }
}
