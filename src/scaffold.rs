//! `vitrine new DIR`: the smallest valid site, to start from.

use std::fs;
use std::io;
use std::path::Path;

const FILES: &[(&str, &str)] = &[
    (
        "vitrine.toml",
        "title = \"Catalogue des MOOC\"\ntitle_en = \"MOOC catalogue\"\nbase_url = \"https://moocs.example.org\"\ndefault_language = \"fr\"\nlanguages = [\"fr\", \"en\"]\ntheme = \"default\"\ntimezone = \"Europe/Paris\"\n\n\
         # What a public site must publish (docs/writing-content.md): fill these\n\
         # in and remove the `#`s; every footer then links to the pages.\n\
         # [accessibility]\n# compliance = \"none\"   # \"none\" until an audit\n# date = 2027-01-04\n\
         # contact_email = \"accessibilite@example.org\"\n#\n\
         # [legal]\n# publisher = \"…\"\n# director = \"…\"\n# host = \"…\"\n# contact = \"contact@example.org\"\n",
    ),
    ("content/_index.md", "+++\ntitle = \"Nos MOOC\"\n+++\n\nBienvenue dans notre catalogue de cours en ligne.\n"),
    (
        "content/platforms/fun-mooc.md",
        "+++\ntitle = \"FUN-MOOC\"\nurl = \"https://www.fun-mooc.fr\"\nsummary = \"La plateforme publique française des MOOC.\"\nmodel = \"public\"\nbased_on = \"Open edX\"\n+++\n",
    ),
    (
        "content/institutions/mon-ecole.md",
        "+++\ntitle = \"Mon école\"\nurl = \"https://www.example.org\"\ncountry = \"FR\"\n+++\n",
    ),
    (
        "content/moocs/mon-premier-mooc.md",
        "+++\ntitle = \"Mon premier MOOC\"\nsummary = \"Ce que l'on apprend dans ce cours, en une ou deux phrases.\"\nlanguages = [\"fr\"]\ninstitutions = [\"mon-ecole\"]\nplatform = \"fun-mooc\"\nsubjects = [\"Découverte\"]\nlevel = \"beginner\"\nduration_weeks = 5\neffort_hours_per_week = 2\n\n[[sessions]]\nstart = \"2027-T1\"\n+++\n\n## Au programme\n\n- Semaine 1 : …\n- Semaine 2 : …\n",
    ),
    ("content/pages/a-propos.md", "+++\ntitle = \"À propos\"\nmenu = true\n+++\n\nQui nous sommes.\n"),
    (".gitignore", "/public/\n"),
];

/// Creates the site; refuses to write into a folder that is not empty.
pub fn create(dir: &Path) -> io::Result<()> {
    if dir.exists() && fs::read_dir(dir)?.next().is_some() {
        return Err(io::Error::new(io::ErrorKind::AlreadyExists, format!("{} exists and is not empty", dir.display())));
    }
    for (path, text) in FILES {
        let p = dir.join(path);
        if let Some(parent) = p.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&p, text)?;
    }
    Ok(())
}
