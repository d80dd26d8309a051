//! Cross-entity rules: every slug a file names must exist (with "did you
//! mean" when it does not), no two files may claim one slug or one URL,
//! institution parents must not loop.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::base::fields::Sp;
use crate::diagnostic::{did_you_mean, Diagnostic, Out, SourceFile};
use crate::load::{Entity, Institution, Kind, Loaded};
use crate::resolve::Index;

/// Slugs of drafts, to explain why a reference does not resolve.
#[derive(Debug, Default)]
pub struct DraftSlugs(HashSet<(Kind, String)>);

impl DraftSlugs {
    pub fn collect(l: &Loaded) -> Self {
        let mut s = HashSet::new();
        let mut add = |k: Kind, m: &crate::load::Meta| {
            if m.draft {
                s.insert((k, m.slug.clone()));
            }
        };
        l.moocs.iter().for_each(|e| add(Kind::Mooc, &e.meta));
        l.parcours.iter().for_each(|e| add(Kind::Parcours, &e.meta));
        l.platforms.iter().for_each(|e| add(Kind::Platform, &e.meta));
        l.institutions.iter().for_each(|e| add(Kind::Institution, &e.meta));
        l.schedules.iter().for_each(|e| add(Kind::Schedule, &e.meta));
        l.subjects.iter().for_each(|e| add(Kind::Subject, &e.meta));
        l.pages.iter().for_each(|e| add(Kind::Page, &e.meta));
        DraftSlugs(s)
    }

    /// Whether the default-language file of this kind and slug is a draft.
    pub fn contains(&self, kind: Kind, slug: &str) -> bool {
        self.0.contains(&(kind, slug.to_string()))
    }
}

pub struct Checker<'a> {
    pub index: &'a Index,
    pub drafts: &'a DraftSlugs,
}

impl Checker<'_> {
    fn table(&self, kind: Kind) -> &HashMap<String, usize> {
        match kind {
            Kind::Mooc => &self.index.moocs,
            Kind::Parcours => &self.index.parcours,
            Kind::Platform => &self.index.platforms,
            Kind::Institution => &self.index.institutions,
            Kind::Schedule => &self.index.schedules,
            Kind::Subject => &self.index.subjects,
            Kind::Page | Kind::Home => &self.index.pages,
        }
    }

    /// One reference: reports it when it names nothing.
    fn check(&self, file: &Arc<SourceFile>, r: &Sp<String>, kind: Kind, out: &mut Out) {
        let table = self.table(kind);
        if table.contains_key(&r.value) {
            return;
        }
        let noun = noun(kind);
        if self.drafts.0.contains(&(kind, r.value.clone())) {
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
        let mut keys: Vec<&str> = table.keys().map(String::as_str).collect();
        keys.sort_unstable();
        d = match did_you_mean(&r.value, keys.iter().copied()) {
            Some(h) => d.with_hint(h),
            None => d.with_hint(format!("create content/{}/{}.md, or check the spelling", kind.folder(), r.value)),
        };
        out.push(d);
    }

    fn all(&self, file: &Arc<SourceFile>, refs: &[Sp<String>], kind: Kind, out: &mut Out) {
        for r in refs {
            self.check(file, r, kind, out);
        }
    }

    pub fn check_all(&self, l: &Loaded, out: &mut Out) {
        for m in &l.moocs {
            let f = &m.meta.file;
            self.all(f, &m.institutions, Kind::Institution, out);
            self.all(f, m.platform.as_slice(), Kind::Platform, out);
            for s in &m.sessions {
                self.all(f, s.platform.as_slice(), Kind::Platform, out);
            }
        }
        for p in &l.parcours {
            let f = &p.meta.file;
            self.all(f, &p.institutions, Kind::Institution, out);
            self.all(f, &p.partners, Kind::Institution, out);
            self.all(f, &p.moocs, Kind::Mooc, out);
            self.all(f, p.schedule.as_slice(), Kind::Schedule, out);
        }
        for i in &l.institutions {
            self.all(&i.meta.file, i.parent.as_slice(), Kind::Institution, out);
        }
        for s in &l.schedules {
            self.all(&s.meta.file, s.parcours.as_slice(), Kind::Parcours, out);
            self.all(&s.meta.file, &s.moocs, Kind::Mooc, out);
        }
    }
}

fn noun(kind: Kind) -> &'static str {
    match kind {
        Kind::Mooc => "MOOC",
        Kind::Parcours => "parcours",
        Kind::Platform => "platform",
        Kind::Institution => "institution",
        Kind::Schedule => "schedule",
        Kind::Subject => "subject",
        Kind::Page | Kind::Home => "page",
    }
}

/// `x.md` and `x/index.md` of one kind both claim slug `x`: keep the first.
pub fn duplicates(l: &mut Loaded, out: &mut Out) {
    fn dedup<T>(items: &mut Vec<T>, meta: impl Fn(&T) -> &crate::load::Meta, out: &mut Out) {
        let mut seen: HashMap<String, std::path::PathBuf> = HashMap::new();
        items.retain(|e| {
            let m = meta(e);
            match seen.get(&m.slug) {
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
            }
        });
    }
    dedup(&mut l.moocs, |e| &e.meta, out);
    dedup(&mut l.parcours, |e| &e.meta, out);
    dedup(&mut l.platforms, |e| &e.meta, out);
    dedup(&mut l.institutions, |e| &e.meta, out);
    dedup(&mut l.schedules, |e| &e.meta, out);
    dedup(&mut l.subjects, |e| &e.meta, out);
    dedup(&mut l.pages, |e| &e.meta, out);
    let mut seen = HashSet::new();
    l.translations.retain(|e| {
        let m = e.meta();
        let key = (m.file.path.parent().map(|p| p.to_path_buf()), m.slug.clone(), m.lang.clone());
        seen.insert(key)
    });
}

/// `parent` chains must end: a school cannot be its own ancestor.
pub fn institution_cycles(insts: &[Institution], index: &Index, out: &mut Out) {
    for (start, inst) in insts.iter().enumerate() {
        let Some(parent) = &inst.parent else { continue };
        let mut chain = vec![inst.meta.slug.clone()];
        let mut cur = index.institutions.get(&parent.value).copied();
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
            cur = insts[i].parent.as_ref().and_then(|p| index.institutions.get(&p.value).copied());
        }
    }
}

/// Aliases must be safe paths inside the site and must not hide a page.
pub fn aliases_and_paths(l: &Loaded, subjects: &[String], languages: &[String], out: &mut Out) {
    let mut taken: HashMap<String, String> = HashMap::new();
    for list in ["moocs", "parcours", "schedules", "moocs/open"] {
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
    for file in ["404.html", "sitemap.xml", "robots.txt", "style.css", "syntax.css"] {
        taken.insert(format!("/{file}"), format!("vitrine's /{file}"));
    }
    for s in subjects {
        taken.insert(format!("/subjects/{s}/"), format!("the page of subject {s}"));
    }
    for (folder, slugs) in [
        ("moocs", l.moocs.iter().map(|m| &m.meta.slug).collect::<Vec<_>>()),
        ("parcours", l.parcours.iter().map(|m| &m.meta.slug).collect()),
        ("platforms", l.platforms.iter().map(|m| &m.meta.slug).collect()),
        ("institutions", l.institutions.iter().map(|m| &m.meta.slug).collect()),
        ("schedules", l.schedules.iter().map(|m| &m.meta.slug).collect()),
    ] {
        for s in slugs {
            taken.insert(format!("/{folder}/{s}/"), format!("the page of {folder}/{s}"));
        }
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
        "404.html",
        "sitemap.xml",
        "robots.txt",
    ];
    for p in &l.pages {
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
pub fn orphan_translations(translations: &[Entity], index: &Index, out: &mut Out) {
    for t in translations {
        let (kind, table) = match t {
            Entity::Mooc(_) => (Kind::Mooc, &index.moocs),
            Entity::Parcours(_) => (Kind::Parcours, &index.parcours),
            Entity::Platform(_) => (Kind::Platform, &index.platforms),
            Entity::Institution(_) => (Kind::Institution, &index.institutions),
            Entity::Schedule(_) => (Kind::Schedule, &index.schedules),
            Entity::Subject(_) => (Kind::Subject, &index.subjects),
            Entity::Page(_) => (Kind::Page, &index.pages),
            Entity::Home(_) => continue,
        };
        let m = t.meta();
        if !table.contains_key(&m.slug) {
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
