//! Every rule of the content model (CONTENT-MODEL.md) and of the checks in
//! src/load, src/validate and src/resolve, one case each, run through the
//! real `vitrine check` on a copy of tests/fixtures/minimal with one file
//! changed. Each case states the whole report it expects: severity,
//! `path:line:column` (computed by hand from the content written), message
//! and hint. Then: a site with many errors reported in one run, and
//! `vitrine build` leaving the previous output alone when there are errors.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

const TODAY: &str = "2026-11-23";
const ERROR: &str = "error";
const WARNING: &str = "warning";

// ---------------------------------------------------------------------------
// A site in a fresh temporary folder, removed when dropped.

struct TempSite {
    root: PathBuf,
}

impl TempSite {
    fn copy_of(fixture: &str, label: &str) -> TempSite {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let label: String = label.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).take(40).collect();
        let root = std::env::temp_dir().join(format!(
            "vitrine-test-{}-{}-{label}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = fs::remove_dir_all(&root);
        copy_dir(&fixture_dir(fixture), &root);
        TempSite { root }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    fn write(&self, rel: &str, bytes: &[u8]) {
        let p = self.path(rel);
        if let Some(parent) = p.parent() {
            fs::create_dir_all(parent).unwrap_or_else(|e| panic!("mkdir {}: {e}", parent.display()));
        }
        fs::write(&p, bytes).unwrap_or_else(|e| panic!("write {}: {e}", p.display()));
    }

    fn remove(&self, rel: &str) {
        let p = self.path(rel);
        fs::remove_file(&p).unwrap_or_else(|e| panic!("remove {}: {e}", p.display()));
    }
}

impl Drop for TempSite {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

fn fixture_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("fixtures").join(name)
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap_or_else(|e| panic!("mkdir {}: {e}", to.display()));
    let entries = fs::read_dir(from).unwrap_or_else(|e| panic!("read {}: {e}", from.display()));
    for entry in entries {
        let entry = entry.expect("directory entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap_or_else(|e| panic!("copy {}: {e}", entry.path().display()));
        }
    }
}

// ---------------------------------------------------------------------------
// Running the binary and reading its JSON report.

/// One reported problem, as `--message-format json` prints it.
#[derive(Debug, Clone, PartialEq)]
struct Diag {
    severity: String,
    /// `path:line:column`, or only `path` for problems with a whole file.
    at: String,
    message: String,
    hint: Option<String>,
}

struct Run {
    code: i32,
    diags: Vec<Diag>,
    stdout: String,
    stderr: String,
}

fn vitrine(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vitrine"))
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .env("VITRINE_LANG", "en")
        .output()
        .expect("run the vitrine binary")
}

fn parse_report(output: &Output) -> Run {
    let stdout = String::from_utf8_lossy(&output.stdout).to_string();
    let stderr = String::from_utf8_lossy(&output.stderr).to_string();
    let diags = stdout
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: serde_json::Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}\nstderr: {stderr}"));
            let text = |k: &str| v[k].as_str().map(str::to_string);
            let path = text("path").unwrap_or_default();
            let at = match (v["line"].as_u64(), v["column"].as_u64()) {
                (Some(l), Some(c)) => format!("{path}:{l}:{c}"),
                _ => path,
            };
            Diag {
                severity: text("severity").unwrap_or_default(),
                at,
                message: text("message").unwrap_or_default(),
                hint: text("hint"),
            }
        })
        .collect();
    Run { code: output.status.code().unwrap_or(-1), diags, stdout, stderr }
}

/// `vitrine check --root ROOT --today 2026-11-23 --message-format json ARGS…`
fn check(root: &Path, args: &[&str]) -> Run {
    let root = root.to_string_lossy().to_string();
    let mut all = vec!["check", "--root", &root, "--today", TODAY, "--message-format", "json"];
    all.extend_from_slice(args);
    parse_report(&vitrine(&all))
}

// ---------------------------------------------------------------------------
// The table.

/// What one reported problem must look like.
#[derive(Debug, Clone)]
struct Expect {
    severity: &'static str,
    /// Exact `path:line:column` (or `path`); `{root}` stands for the site root.
    at: &'static str,
    /// A substring of the message.
    message: &'static str,
    /// A substring of the hint, when there must be one.
    hint: Option<&'static str>,
}

struct Case {
    name: &'static str,
    /// Files written over (or into) the copy of the minimal site.
    writes: Vec<(&'static str, Vec<u8>)>,
    /// Files removed from the copy.
    removes: Vec<&'static str>,
    /// Extra arguments of `vitrine check`.
    args: Vec<&'static str>,
    /// The whole report, in its order (by path, then position).
    expect: Vec<Expect>,
    /// Exit code, when it is not the one the report implies.
    exit: Option<i32>,
}

/// A case: `content` written to `path`, one problem expected.
fn case(
    name: &'static str,
    path: &'static str,
    content: impl Into<Vec<u8>>,
    severity: &'static str,
    at: &'static str,
    message: &'static str,
    hint: Option<&'static str>,
) -> Case {
    Case {
        name,
        writes: vec![(path, content.into())],
        removes: Vec::new(),
        args: Vec::new(),
        expect: vec![Expect { severity, at, message, hint }],
        exit: None,
    }
}

/// A case where nothing at all must be reported.
fn ok(name: &'static str, path: &'static str, content: impl Into<Vec<u8>>) -> Case {
    Case {
        name,
        writes: vec![(path, content.into())],
        removes: Vec::new(),
        args: Vec::new(),
        expect: Vec::new(),
        exit: None,
    }
}

impl Case {
    fn also_write(mut self, path: &'static str, content: impl Into<Vec<u8>>) -> Case {
        self.writes.push((path, content.into()));
        self
    }
    fn remove(mut self, path: &'static str) -> Case {
        self.removes.push(path);
        self
    }
    fn args(mut self, args: &[&'static str]) -> Case {
        self.args.extend_from_slice(args);
        self
    }
    /// Another expected problem (the report is sorted by path, then position).
    fn and(
        mut self,
        severity: &'static str,
        at: &'static str,
        message: &'static str,
        hint: Option<&'static str>,
    ) -> Case {
        self.expect.push(Expect { severity, at, message, hint });
        self
    }
    fn exit(mut self, code: i32) -> Case {
        self.exit = Some(code);
        self
    }

    fn expected_exit(&self) -> i32 {
        if let Some(code) = self.exit {
            return code;
        }
        let errors = self.expect.iter().any(|e| e.severity == ERROR);
        let deny = self.args.contains(&"--deny-warnings") && !self.expect.is_empty();
        i32::from(errors || deny)
    }

    /// Runs the case; `Err` describes every difference.
    fn run(&self) -> Result<(), String> {
        let site = TempSite::copy_of("minimal", self.name);
        for path in &self.removes {
            site.remove(path);
        }
        for (path, bytes) in &self.writes {
            site.write(path, bytes);
        }
        let run = check(&site.root, &self.args);
        let root = site.root.display().to_string();
        let mut problems = Vec::new();
        if run.code != self.expected_exit() {
            problems.push(format!("exit code {} instead of {}", run.code, self.expected_exit()));
        }
        if run.diags.len() != self.expect.len() {
            problems.push(format!("{} problem(s) reported instead of {}", run.diags.len(), self.expect.len()));
        }
        for (i, (got, want)) in run.diags.iter().zip(&self.expect).enumerate() {
            let at = want.at.replace("{root}", &root);
            if got.severity != want.severity {
                problems.push(format!("#{i}: severity `{}` instead of `{}`", got.severity, want.severity));
            }
            if got.at != at {
                problems.push(format!("#{i}: at `{}` instead of `{at}`", got.at));
            }
            if !got.message.contains(want.message) {
                problems.push(format!("#{i}: message `{}` does not contain `{}`", got.message, want.message));
            }
            match (&got.hint, want.hint) {
                (Some(h), Some(w)) if !h.contains(w) => {
                    problems.push(format!("#{i}: hint `{h}` does not contain `{w}`"))
                }
                (None, Some(w)) => problems.push(format!("#{i}: no hint, expected one with `{w}`")),
                _ => {}
            }
        }
        if problems.is_empty() {
            return Ok(());
        }
        Err(format!(
            "case `{}`:\n  {}\n  report:\n{}{}",
            self.name,
            problems.join("\n  "),
            run.stdout.lines().map(|l| format!("    {l}\n")).collect::<String>(),
            if run.stderr.trim().is_empty() { String::new() } else { format!("  stderr: {}\n", run.stderr.trim()) },
        ))
    }
}

/// A new MOOC file, `content/moocs/cours.md`, that nothing refers to. Lines
/// 1–6 are the head below; the given lines start at line 7, then `+++`.
macro_rules! mooc {
    ($($line:literal),* $(,)?) => {
        concat!(
            "+++\n",                      // 1
            "title = \"Cours\"\n",        // 2
            "summary = \"Un cours.\"\n",  // 3
            "languages = [\"fr\"]\n",     // 4
            "institutions = [\"imt\"]\n", // 5
            "platform = \"fun-mooc\"\n",  // 6
            $($line,)*
            "+++\n"
        )
    };
}

/// The parcours `content/parcours/decouverte.md`, rewritten. Lines 1–5 are
/// the head below; the given lines start at line 6, then `+++`.
macro_rules! parcours {
    ($($line:literal),* $(,)?) => {
        concat!(
            "+++\n",                                             // 1
            "title = \"Parcours découverte\"\n",                 // 2
            "summary = \"Trois MOOC.\"\n",                       // 3
            "institutions = [\"institut-pasteur\", \"imt\"]\n",  // 4
            "moocs = [\"rage\", \"paludisme\", \"reseaux\"]\n",  // 5
            $($line,)*
            "+++\n"
        )
    };
}

/// `vitrine.toml`, lines 1–4 below, then the given lines from line 5.
macro_rules! config {
    ($($line:literal),* $(,)?) => {
        concat!(
            "title = \"Catalogue minimal\"\n",            // 1
            "base_url = \"https://moocs.example.org\"\n", // 2
            "default_language = \"fr\"\n",                // 3
            "languages = [\"fr\"]\n",                     // 4
            $($line,)*
        )
    };
}

const COURS: &str = "content/moocs/cours.md";
const PARCOURS: &str = "content/parcours/decouverte.md";
const SCHEDULE: &str = "content/schedules/calendrier.md";
const PAGE: &str = "content/pages/a-propos.md";
const CONFIG: &str = "vitrine.toml";

fn cases() -> Vec<Case> {
    vec![
        // --- Files and front matter ------------------------------------------------
        case(
            "malformed TOML (unterminated string)",
            PAGE,
            "+++\ntitle = \"À propos\nsummary = \"Qui publie ce catalogue.\"\n+++\n",
            ERROR,
            "content/pages/a-propos.md:2:18",
            "the front matter is not valid TOML",
            Some("straight double quotes"),
        ),
        case(
            "missing front matter",
            PAGE,
            "# À propos\n\nQui publie ce catalogue.\n",
            ERROR,
            "content/pages/a-propos.md:1:1",
            "this file has no front matter: it must start with a `+++` line",
            Some("start the file with `+++`"),
        ),
        case(
            "unclosed front matter",
            PAGE,
            "+++\ntitle = \"À propos\"\n\nQui publie ce catalogue.\n",
            ERROR,
            "content/pages/a-propos.md:1:1",
            "the front matter is never closed",
            Some("add a line with only `+++`"),
        ),
        case(
            "YAML front matter",
            PAGE,
            "---\ntitle: À propos\n---\n\nQui publie ce catalogue.\n",
            ERROR,
            "content/pages/a-propos.md:1:1",
            "not YAML between `---` lines",
            Some("replace both `---` lines with `+++`"),
        ),
        case(
            "byte-order mark is not a column",
            PAGE,
            "\u{feff}+++\nsummary = \"Qui publie ce catalogue.\"\n+++\n",
            ERROR,
            "content/pages/a-propos.md:1:1",
            "required key `title` is missing",
            Some("add a line `title = \"…\"`"),
        ),
        case(
            "file that is not UTF-8",
            PAGE,
            b"+++\ntitle = \"\xC0 propos\"\n+++\n".to_vec(),
            ERROR,
            "content/pages/a-propos.md:2:10",
            "this file is not UTF-8 text",
            Some("save the file as UTF-8"),
        ),
        ok("home page without front matter", "content/_index.md", "Bienvenue dans le catalogue.\n"),
        // --- Unknown keys ----------------------------------------------------------
        case(
            "unknown top-level key",
            COURS,
            mooc!("language = [\"fr\"]\n"),
            ERROR,
            "content/moocs/cours.md:7:1",
            "unknown key `language` in a MOOC",
            Some("did you mean `languages`?"),
        ),
        case(
            "unknown key in [certificate]",
            COURS,
            mooc!("\n", "[certificate]\n", "free_atestation = true\n"),
            ERROR,
            "content/moocs/cours.md:9:1",
            "unknown key `free_atestation` in [certificate]",
            Some("did you mean `free_attestation`?"),
        ),
        case(
            "unknown key in [[sessions]]",
            COURS,
            mooc!("\n", "[[sessions]]\n", "start = 2026-09-14\n", "end = 2026-12-13\n", "enrolment_end = 2026-10-01\n"),
            ERROR,
            "content/moocs/cours.md:11:1",
            "unknown key `enrolment_end` in a session",
            Some("did you mean `enrollment_end`?"),
        ),
        case(
            "unknown key in a parcours",
            PARCOURS,
            parcours!("credentials = \"diploma\"\n"),
            ERROR,
            "content/parcours/decouverte.md:6:1",
            "unknown key `credentials` in a parcours",
            Some("did you mean `credential`?"),
        ),
        case(
            "unknown key in the home page, without a close one",
            "content/_index.md",
            "+++\ntitle = \"Accueil\"\nmenu = true\n+++\n",
            ERROR,
            "content/_index.md:3:1",
            "unknown key `menu` in the home page (_index.md)",
            Some("the keys of the home page (_index.md) are: title, summary"),
        ),
        case(
            "unknown key in vitrine.toml",
            CONFIG,
            config!("timezon = \"Europe/Paris\"\n"),
            ERROR,
            "vitrine.toml:5:1",
            "unknown key `timezon` in vitrine.toml",
            Some("did you mean `timezone`?"),
        ),
        case(
            "unknown key in [images] of vitrine.toml",
            CONFIG,
            config!("\n", "[images]\n", "width = [320, 640]\n"),
            ERROR,
            "vitrine.toml:7:1",
            "unknown key `width` in [images]",
            Some("did you mean `widths`?"),
        ),
        // --- Slugs and file names --------------------------------------------------
        case(
            "file name that is not a slug",
            "content/moocs/Réseaux Info.md",
            mooc!(),
            ERROR,
            "content/moocs/Réseaux Info.md",
            "`Réseaux Info` is not a valid slug",
            Some("rename it to `reseaux-info`"),
        ),
        case(
            "bundle folder name that is not a slug",
            "content/moocs/Mon_Cours/index.md",
            mooc!(),
            ERROR,
            "content/moocs/Mon_Cours",
            "`Mon_Cours` is not a valid slug",
            Some("rename it to `mon-cours`"),
        ),
        ok("a bundle", "content/moocs/cours/index.md", mooc!()),
        case(
            "reference that is not a slug",
            SCHEDULE,
            "+++\ntitle = \"Calendrier\"\nparcours = \"Découverte\"\n+++\n",
            ERROR,
            "content/schedules/calendrier.md:3:12",
            "`Découverte` is not a slug",
            Some("`decouverte`"),
        ),
        case(
            "duplicate slug: x.md and x/index.md",
            COURS,
            mooc!(),
            ERROR,
            "content/moocs/cours.md:1:1",
            "slug `cours` is already used by content/moocs/cours/index.md",
            Some("rename one of the two files"),
        )
        .also_write("content/moocs/cours/index.md", mooc!()),
        case(
            "unknown content folder",
            "content/mooc/cours.md",
            mooc!(),
            WARNING,
            "content/mooc",
            "`content/mooc/` is not a kind of content vitrine knows; it is ignored",
            Some("did you mean `moocs`?"),
        ),
        case(
            "file at the top of content/",
            "content/cours.md",
            mooc!(),
            WARNING,
            "content/cours.md",
            "this file is not in a content folder; it is ignored",
            Some("move it to content/moocs/"),
        ),
        case(
            "file that is not Markdown in a content folder",
            "content/moocs/notes.txt",
            "à trier",
            WARNING,
            "content/moocs/notes.txt",
            "only Markdown files (`.md`) are read here",
            Some("bundle folder"),
        ),
        case(
            "folder without index.md",
            "content/moocs/cours/cover.jpg",
            "not an image",
            WARNING,
            "content/moocs/cours",
            "this folder has no `index.md`, so it is not a bundle",
            Some("`cours/index.md`"),
        ),
        case(
            "free page with a name vitrine uses",
            "content/pages/moocs.md",
            "+++\ntitle = \"Les MOOC\"\n+++\n",
            ERROR,
            "content/pages/moocs.md:1:1",
            "a free page cannot be called `moocs`",
            Some("`moocs-info.md`"),
        ),
        // --- Types -----------------------------------------------------------------
        case(
            "string for a number",
            COURS,
            mooc!("effort_hours_per_week = \"2,5\"\n"),
            ERROR,
            "content/moocs/cours.md:7:25",
            "`effort_hours_per_week` must be a number, not the text \"2,5\"",
            Some("`effort_hours_per_week = 2.5`"),
        ),
        case(
            "string for a whole number",
            COURS,
            mooc!("duration_weeks = \"6\"\n"),
            ERROR,
            "content/moocs/cours.md:7:18",
            "`duration_weeks` must be a whole number, not the text \"6\"",
            Some("remove the quotes: `duration_weeks = 6`"),
        ),
        case(
            "quoted boolean",
            COURS,
            mooc!("featured = \"true\"\n"),
            ERROR,
            "content/moocs/cours.md:7:12",
            "`featured` must be true or false, not the text \"true\"",
            Some("remove the quotes: `featured = true`"),
        ),
        case(
            "single string for a list",
            COURS,
            "+++\ntitle = \"Cours\"\nsummary = \"Un cours.\"\nlanguages = \"fr\"\ninstitutions = [\"imt\"]\nplatform = \"fun-mooc\"\n+++\n",
            ERROR,
            "content/moocs/cours.md:4:13",
            "`languages` must be a list, not the text \"fr\"",
            Some("put it in brackets: `languages = [\"fr\"]`"),
        ),
        case(
            "list item of the wrong type",
            COURS,
            mooc!("teachers = [\"Anne\", 3]\n"),
            ERROR,
            "content/moocs/cours.md:7:21",
            "items of `teachers` must be text in quotes, not the number 3",
            None,
        ),
        case(
            "value for a table",
            COURS,
            mooc!("certificate = true\n"),
            ERROR,
            "content/moocs/cours.md:7:15",
            "`certificate` must be a table, not `true`",
            Some("write a `[certificate]` section"),
        ),
        case(
            "string for a list of tables",
            COURS,
            mooc!("sessions = \"2026-09-14\"\n"),
            ERROR,
            "content/moocs/cours.md:7:12",
            "`sessions` must be a list of tables",
            Some("write `[[sessions]]` sections"),
        ),
        case(
            "date with a time",
            COURS,
            mooc!("published = 2024-03-18T10:00:00\n"),
            ERROR,
            "content/moocs/cours.md:7:13",
            "`published` must be a date without a time",
            Some("`published = 2026-09-14`"),
        ),
        case(
            "date that does not exist",
            COURS,
            mooc!("published = \"2024-02-30\"\n"),
            ERROR,
            "content/moocs/cours.md:7:13",
            "`2024-02-30` is not a real date",
            Some("write a date `2026-09-14`"),
        ),
        case(
            "number that must be greater than 0",
            COURS,
            mooc!("effort_hours_per_week = 0\n"),
            ERROR,
            "content/moocs/cours.md:7:25",
            "`effort_hours_per_week` must be greater than 0",
            None,
        ),
        case(
            "whole number that must be greater than 0",
            COURS,
            mooc!("duration_weeks = -2\n"),
            ERROR,
            "content/moocs/cours.md:7:18",
            "`duration_weeks` must be greater than 0, it is -2",
            None,
        ),
        // --- Required keys ---------------------------------------------------------
        case(
            "missing title",
            COURS,
            "+++\nsummary = \"Un cours.\"\nlanguages = [\"fr\"]\ninstitutions = [\"imt\"]\nplatform = \"fun-mooc\"\n+++\n",
            ERROR,
            "content/moocs/cours.md:1:1",
            "required key `title` is missing",
            Some("add a line `title = \"…\"`"),
        ),
        case(
            "empty title",
            COURS,
            "+++\ntitle = \" \"\nsummary = \"Un cours.\"\nlanguages = [\"fr\"]\ninstitutions = [\"imt\"]\nplatform = \"fun-mooc\"\n+++\n",
            ERROR,
            "content/moocs/cours.md:2:9",
            "`title` must not be empty",
            None,
        ),
        case(
            "missing summary",
            COURS,
            "+++\ntitle = \"Cours\"\nlanguages = [\"fr\"]\ninstitutions = [\"imt\"]\nplatform = \"fun-mooc\"\n+++\n",
            ERROR,
            "content/moocs/cours.md:1:1",
            "required key `summary` is missing",
            Some("add a line `summary = \"…\"`"),
        ),
        case(
            "missing languages",
            COURS,
            "+++\ntitle = \"Cours\"\nsummary = \"Un cours.\"\ninstitutions = [\"imt\"]\nplatform = \"fun-mooc\"\n+++\n",
            ERROR,
            "content/moocs/cours.md:1:1",
            "required key `languages` is missing",
            Some("add a line `languages = [\"fr\"]`"),
        ),
        case(
            "empty languages",
            COURS,
            "+++\ntitle = \"Cours\"\nsummary = \"Un cours.\"\nlanguages = []\ninstitutions = [\"imt\"]\nplatform = \"fun-mooc\"\n+++\n",
            ERROR,
            "content/moocs/cours.md:4:13",
            "`languages` must name at least one language",
            Some("`languages = [\"fr\"]`"),
        ),
        case(
            "missing institutions",
            COURS,
            "+++\ntitle = \"Cours\"\nsummary = \"Un cours.\"\nlanguages = [\"fr\"]\nplatform = \"fun-mooc\"\n+++\n",
            ERROR,
            "content/moocs/cours.md:1:1",
            "required key `institutions` is missing",
            Some("add a line `institutions = [\"institut-pasteur\"]`"),
        ),
        case(
            "empty institutions",
            COURS,
            "+++\ntitle = \"Cours\"\nsummary = \"Un cours.\"\nlanguages = [\"fr\"]\ninstitutions = []\nplatform = \"fun-mooc\"\n+++\n",
            ERROR,
            "content/moocs/cours.md:5:16",
            "`institutions` must name at least one institution",
            None,
        ),
        case(
            "platform missing, a session without one",
            COURS,
            "+++\ntitle = \"Cours\"\nsummary = \"Un cours.\"\nlanguages = [\"fr\"]\ninstitutions = [\"imt\"]\n\n[[sessions]]\nstart = 2026-09-14\nend = 2026-12-13\n+++\n",
            ERROR,
            "content/moocs/cours.md:1:1",
            "required key `platform` is missing",
            Some("name a platform in every session"),
        ),
        case(
            "platform missing, no session at all",
            COURS,
            "+++\ntitle = \"Cours\"\nsummary = \"Un cours.\"\nlanguages = [\"fr\"]\ninstitutions = [\"imt\"]\n+++\n",
            ERROR,
            "content/moocs/cours.md:1:1",
            "required key `platform` is missing",
            Some("add `platform = \"fun-mooc\"`"),
        ),
        ok(
            "no platform, but every session names one",
            COURS,
            "+++\ntitle = \"Cours\"\nsummary = \"Un cours.\"\nlanguages = [\"fr\"]\ninstitutions = [\"imt\"]\n\n[[sessions]]\nstart = 2026-09-14\nend = 2026-12-13\nplatform = \"fun-mooc\"\n+++\n",
        ),
        case(
            "session without start",
            COURS,
            mooc!("\n", "[[sessions]]\n", "end = 2026-12-13\n"),
            ERROR,
            "content/moocs/cours.md:8:1",
            "required key `start` is missing",
            Some("add a line `start = 2026-09-14`"),
        ),
        case(
            "parcours without moocs",
            PARCOURS,
            "+++\ntitle = \"Parcours\"\nsummary = \"Trois MOOC.\"\ninstitutions = [\"imt\"]\n+++\n",
            ERROR,
            "content/parcours/decouverte.md:1:1",
            "required key `moocs` is missing",
            Some("add a line `moocs = "),
        ),
        case(
            "parcours with an empty moocs list",
            PARCOURS,
            "+++\ntitle = \"Parcours\"\nsummary = \"Trois MOOC.\"\ninstitutions = [\"imt\"]\nmoocs = []\n+++\n",
            ERROR,
            "content/parcours/decouverte.md:5:9",
            "`moocs` must name at least one MOOC",
            Some("`moocs = [\"…\"]`"),
        ),
        case(
            "parcours with an empty institutions list",
            PARCOURS,
            "+++\ntitle = \"Parcours\"\nsummary = \"Trois MOOC.\"\ninstitutions = []\nmoocs = [\"rage\", \"paludisme\", \"reseaux\"]\n+++\n",
            ERROR,
            "content/parcours/decouverte.md:4:16",
            "`institutions` must name at least one institution",
            Some("`institutions = [\"…\"]`"),
        ),
        case(
            "platform without url",
            "content/platforms/fun-mooc.md",
            "+++\ntitle = \"FUN-MOOC\"\n+++\n",
            ERROR,
            "content/platforms/fun-mooc.md:1:1",
            "required key `url` is missing",
            Some("add a line `url = \"https://…\"`"),
        ),
        case(
            "institution without title",
            "content/institutions/ecole.md",
            "+++\nshort_title = \"EC\"\n+++\n",
            ERROR,
            "content/institutions/ecole.md:1:1",
            "required key `title` is missing",
            Some("add a line `title = \"…\"`"),
        ),
        case(
            "schedule without title",
            SCHEDULE,
            "+++\nparcours = \"decouverte\"\n+++\n",
            ERROR,
            "content/schedules/calendrier.md:1:1",
            "required key `title` is missing",
            Some("add a line `title = \"…\"`"),
        ),
        case(
            "page without title",
            PAGE,
            "+++\nsummary = \"Qui publie ce catalogue.\"\n+++\n",
            ERROR,
            "content/pages/a-propos.md:1:1",
            "required key `title` is missing",
            Some("add a line `title = \"…\"`"),
        ),
        // --- Values of MOOC keys ---------------------------------------------------
        case(
            "summary longer than 300 characters",
            COURS,
            format!(
                "+++\ntitle = \"Cours\"\nsummary = \"{}\"\nlanguages = [\"fr\"]\ninstitutions = [\"imt\"]\nplatform = \"fun-mooc\"\n+++\n",
                "é".repeat(301)
            ),
            ERROR,
            "content/moocs/cours.md:3:11",
            "`summary` is 301 characters long; the limit is 300",
            Some("shorten it"),
        ),
        ok(
            "summary of exactly 300 characters",
            COURS,
            format!(
                "+++\ntitle = \"Cours\"\nsummary = \"{}\"\nlanguages = [\"fr\"]\ninstitutions = [\"imt\"]\nplatform = \"fun-mooc\"\n+++\n",
                "é".repeat(300)
            ),
        ),
        case(
            "language name instead of a code",
            COURS,
            "+++\ntitle = \"Cours\"\nsummary = \"Un cours.\"\nlanguages = [\"fr\", \"French\"]\ninstitutions = [\"imt\"]\nplatform = \"fun-mooc\"\n+++\n",
            ERROR,
            "content/moocs/cours.md:4:20",
            "`French` is not a language code",
            Some("ISO 639-1"),
        ),
        case(
            "language code in capitals",
            COURS,
            "+++\ntitle = \"Cours\"\nsummary = \"Un cours.\"\nlanguages = [\"FR\"]\ninstitutions = [\"imt\"]\nplatform = \"fun-mooc\"\n+++\n",
            ERROR,
            "content/moocs/cours.md:4:14",
            "`FR` is not a language code",
            Some("write it in lowercase: `fr`"),
        ),
        case(
            "two letters that are not an ISO 639-1 code",
            COURS,
            "+++\ntitle = \"Cours\"\nsummary = \"Un cours.\"\nlanguages = [\"xx\"]\ninstitutions = [\"imt\"]\nplatform = \"fun-mooc\"\n+++\n",
            ERROR,
            "content/moocs/cours.md:4:14",
            "`xx` is not a language code",
            Some("`xx` is not in ISO 639-1"),
        ),
        case(
            "bad subtitle language",
            COURS,
            mooc!("subtitles = [\"en\", \"english\"]\n"),
            ERROR,
            "content/moocs/cours.md:7:20",
            "`english` is not a language code",
            Some("ISO 639-1"),
        ),
        case(
            "bad level",
            COURS,
            mooc!("level = \"beginer\"\n"),
            ERROR,
            "content/moocs/cours.md:7:9",
            "`level` must be one of `beginner`, `intermediate` or `advanced`, not `beginer`",
            Some("did you mean `beginner`?"),
        ),
        case(
            "subject without a letter",
            COURS,
            mooc!("subjects = [\"Santé\", \"!!\"]\n"),
            ERROR,
            "content/moocs/cours.md:7:22",
            "a subject needs at least one letter or digit",
            None,
        ),
        case(
            "trailer that is not a web address",
            COURS,
            mooc!("trailer = \"www.youtube.com/watch?v=x\"\n"),
            ERROR,
            "content/moocs/cours.md:7:11",
            "`trailer` must be a web address starting with https://",
            Some("`trailer = \"https://www.youtube.com/watch?v=x\"`"),
        ),
        case(
            "cover without cover_alt",
            COURS,
            mooc!("cover = \"https://example.org/cours.jpg\"\n"),
            ERROR,
            "content/moocs/cours.md:7:9",
            "`cover` needs a text alternative in `cover_alt`",
            Some("add `cover_alt = "),
        ),
        case(
            "cover image that does not exist",
            COURS,
            mooc!("cover = \"cours.jpg\"\ncover_alt = \"Un routeur\"\n"),
            ERROR,
            "content/moocs/cours.md:7:9",
            "image `cours.jpg` not found in static/",
            Some("check the file name"),
        ),
        case(
            "cover_alt without cover",
            COURS,
            mooc!("cover_alt = \"Un routeur\"\n"),
            WARNING,
            "content/moocs/cours.md:7:13",
            "`cover_alt` is set but there is no `cover`",
            None,
        ),
        case(
            "alias hiding the list of MOOCs",
            COURS,
            mooc!("aliases = [\"/moocs/\"]\n"),
            ERROR,
            "content/moocs/cours.md:7:12",
            "alias `/moocs/` is already the list page /moocs/",
            Some("remove this alias"),
        ),
        ok("alias of a renamed MOOC", COURS, mooc!("aliases = [\"/moocs/ancien-nom/\"]\n")),
        case(
            "alias with ..",
            COURS,
            mooc!("aliases = [\"/cours/ancien/\", \"/cours/../../etc/\"]\n"),
            ERROR,
            "content/moocs/cours.md:7:30",
            "alias `/cours/../../etc/` must not contain `.` or `..`",
            Some("write the old path from the site root"),
        ),
        case(
            "alias that is not a path from the root",
            COURS,
            mooc!("aliases = [\"cours/ancien\"]\n"),
            ERROR,
            "content/moocs/cours.md:7:12",
            "alias `cours/ancien` must start with `/`",
            Some("\"/cours/ancien-nom/\""),
        ),
        case(
            "alias that hides a page",
            COURS,
            mooc!("aliases = [\"/a-propos/\"]\n"),
            ERROR,
            "content/moocs/cours.md:7:12",
            "alias `/a-propos/` is already the page a-propos",
            Some("remove this alias"),
        ),
        // --- References between entities ------------------------------------------
        case(
            "unknown institution, close to an existing one",
            COURS,
            "+++\ntitle = \"Cours\"\nsummary = \"Un cours.\"\nlanguages = [\"fr\"]\ninstitutions = [\"imt\", \"institut-pastuer\"]\nplatform = \"fun-mooc\"\n+++\n",
            ERROR,
            "content/moocs/cours.md:5:24",
            "there is no institution `institut-pastuer`",
            Some("did you mean `institut-pasteur`?"),
        ),
        case(
            "unknown platform",
            COURS,
            "+++\ntitle = \"Cours\"\nsummary = \"Un cours.\"\nlanguages = [\"fr\"]\ninstitutions = [\"imt\"]\nplatform = \"coursera\"\n+++\n",
            ERROR,
            "content/moocs/cours.md:6:12",
            "there is no platform `coursera`",
            Some("create content/platforms/coursera.md"),
        ),
        case(
            "unknown platform in a session",
            COURS,
            mooc!("\n", "[[sessions]]\n", "start = 2026-09-14\n", "end = 2026-12-13\n", "platform = \"fun-moc\"\n"),
            ERROR,
            "content/moocs/cours.md:11:12",
            "there is no platform `fun-moc`",
            Some("did you mean `fun-mooc`?"),
        ),
        case(
            "unknown MOOC in a parcours",
            PARCOURS,
            "+++\ntitle = \"Parcours\"\nsummary = \"Trois MOOC.\"\ninstitutions = [\"imt\"]\nmoocs = [\"rage\", \"paludisme\", \"reseau\"]\n+++\n",
            ERROR,
            "content/parcours/decouverte.md:5:31",
            "there is no MOOC `reseau`",
            Some("did you mean `reseaux`?"),
        ),
        case(
            "unknown schedule in a parcours",
            PARCOURS,
            parcours!("schedule = \"calendrie\"\n"),
            ERROR,
            "content/parcours/decouverte.md:6:12",
            "there is no schedule `calendrie`",
            Some("did you mean `calendrier`?"),
        ),
        case(
            "unknown partner of a parcours",
            PARCOURS,
            parcours!("partners = [\"dartmouth-college\"]\n"),
            ERROR,
            "content/parcours/decouverte.md:6:13",
            "there is no institution `dartmouth-college`",
            Some("create content/institutions/dartmouth-college.md"),
        ),
        case(
            "unknown parcours in a schedule",
            SCHEDULE,
            "+++\ntitle = \"Calendrier\"\nparcours = \"decouvert\"\n+++\n",
            ERROR,
            "content/schedules/calendrier.md:3:12",
            "there is no parcours `decouvert`",
            Some("did you mean `decouverte`?"),
        ),
        case(
            "logo without logo_alt",
            "content/institutions/imt.md",
            "+++\ntitle = \"IMT\"\nlogo = \"https://example.org/imt.svg\"\n+++\n",
            ERROR,
            "content/institutions/imt.md:3:8",
            "`logo` needs a text alternative in `logo_alt`",
            Some("add `logo_alt = "),
        ),
        case(
            "unknown parent institution",
            "content/institutions/imt.md",
            "+++\ntitle = \"IMT\"\nparent = \"institut-pasteu\"\n+++\n",
            ERROR,
            "content/institutions/imt.md:3:10",
            "there is no institution `institut-pasteu`",
            Some("did you mean `institut-pasteur`?"),
        ),
        // --- Sessions --------------------------------------------------------------
        case(
            "instructor-paced session without end",
            COURS,
            mooc!("\n", "[[sessions]]\n", "start = 2026-09-14\n"),
            ERROR,
            "content/moocs/cours.md:9:9",
            "this instructor-paced session has a start date but no `end`",
            Some("`pacing = \"self\"`"),
        ),
        ok("self-paced session without end", COURS, mooc!("\n", "[[sessions]]\n", "start = 2026-09-14\n", "pacing = \"self\"\n")),
        case(
            "session that ends before it starts",
            COURS,
            mooc!("\n", "[[sessions]]\n", "start = 2026-09-14\n", "end = 2026-06-14\n"),
            ERROR,
            "content/moocs/cours.md:10:7",
            "the session ends (2026-06-14) before it starts (2026-09-14)",
            Some("check the year and month"),
        ),
        case(
            "planned period with an end",
            COURS,
            mooc!("\n", "[[sessions]]\n", "start = \"2027-T1\"\n", "end = 2027-03-31\n"),
            ERROR,
            "content/moocs/cours.md:10:7",
            "a session planned for `2027-T1` has no exact dates yet, so it cannot have an `end`",
            Some("give an exact `start` date, or remove `end`"),
        ),
        case(
            "bad quarter 2026-T5",
            COURS,
            mooc!("\n", "[[sessions]]\n", "start = \"2026-T5\"\n"),
            ERROR,
            "content/moocs/cours.md:9:9",
            "`2026-T5`: a quarter is T1, T2, T3 or T4",
            Some("a quarter `\"2026-T3\"`"),
        ),
        case(
            "bad month 2026-13",
            COURS,
            mooc!("\n", "[[sessions]]\n", "start = \"2026-13\"\n"),
            ERROR,
            "content/moocs/cours.md:9:9",
            "`2026-13`: a month is 01 to 12",
            Some("a month `\"2026-09\"`"),
        ),
        ok(
            "planned sessions in every spelling",
            COURS,
            mooc!(
                "\n", "[[sessions]]\n", "start = \"2027-T1\"\n",
                "\n", "[[sessions]]\n", "start = \"2027-Q2\"\n",
                "\n", "[[sessions]]\n", "start = \"2027-09\"\n",
            ),
        ),
        case(
            "enrollment window reversed",
            COURS,
            mooc!(
                "\n",
                "[[sessions]]\n",
                "start = 2026-09-14\n",
                "end = 2026-12-13\n",
                "enrollment_start = 2026-09-01\n",
                "enrollment_end = 2026-08-01\n",
            ),
            ERROR,
            "content/moocs/cours.md:12:18",
            "the enrolment window ends (2026-08-01) before it starts (2026-09-01)",
            Some("swap the two dates"),
        ),
        case(
            "enrollment opens after the session has ended",
            COURS,
            mooc!("\n", "[[sessions]]\n", "start = 2026-09-14\n", "end = 2026-12-13\n", "enrollment_start = 2027-01-01\n"),
            ERROR,
            "content/moocs/cours.md:11:20",
            "enrolment opens after the session has ended",
            Some("check `enrollment_start`"),
        ),
        case(
            "exam window reversed",
            COURS,
            mooc!(
                "\n",
                "[[sessions]]\n",
                "start = 2026-09-14\n",
                "end = 2026-12-13\n",
                "exam_start = 2026-12-01\n",
                "exam_end = 2026-11-30\n",
            ),
            ERROR,
            "content/moocs/cours.md:12:12",
            "the exam window ends (2026-11-30) before it starts (2026-12-01)",
            Some("swap the two dates"),
        ),
        case(
            "overlapping sessions (the error names both)",
            COURS,
            mooc!(
                "\n",
                "[[sessions]]\n",
                "start = 2026-09-14\n",
                "end = 2026-12-13\n",
                "\n",
                "[[sessions]]\n",
                "start = 2026-12-01\n",
                "end = 2027-02-14\n",
            ),
            ERROR,
            "content/moocs/cours.md:13:9",
            "the session starting 2026-12-01 overlaps the session starting 2026-09-14 (line 9)",
            Some("must not overlap"),
        ),
        case(
            "planned session overlapping a dated one",
            COURS,
            mooc!("\n", "[[sessions]]\n", "start = 2026-09-14\n", "end = 2026-12-13\n", "\n", "[[sessions]]\n", "start = \"2026-T4\"\n"),
            ERROR,
            "content/moocs/cours.md:13:9",
            "the session starting 2026-T4 overlaps the session starting 2026-09-14 (line 9)",
            Some("mark one `cancelled = true`"),
        ),
        ok(
            "a cancelled session may overlap",
            COURS,
            mooc!(
                "\n",
                "[[sessions]]\n",
                "start = 2026-09-14\n",
                "end = 2026-12-13\n",
                "cancelled = true\n",
                "\n",
                "[[sessions]]\n",
                "start = 2026-12-01\n",
                "end = 2027-02-14\n",
            ),
        ),
        ok(
            "back-to-back sessions do not overlap",
            COURS,
            mooc!(
                "\n",
                "[[sessions]]\n",
                "start = 2026-09-14\n",
                "end = 2026-12-13\n",
                "\n",
                "[[sessions]]\n",
                "start = 2026-12-14\n",
                "end = 2027-02-14\n",
            ),
        ),
        case(
            "bad pacing",
            COURS,
            mooc!("\n", "[[sessions]]\n", "start = 2026-09-14\n", "end = 2026-12-13\n", "pacing = \"selfpaced\"\n"),
            ERROR,
            "content/moocs/cours.md:11:10",
            "`pacing` must be one of `instructor` or `self`, not `selfpaced`",
            None,
        ),
        case(
            "negative enrollments",
            COURS,
            mooc!("\n", "[[sessions]]\n", "start = 2026-09-14\n", "end = 2026-12-13\n", "enrollments = -5\n"),
            ERROR,
            "content/moocs/cours.md:11:15",
            "`enrollments` cannot be negative",
            None,
        ),
        // --- Certificate -----------------------------------------------------------
        case(
            "pass_mark above exam_questions",
            COURS,
            mooc!("\n", "[certificate]\n", "exam_questions = 30\n", "pass_mark = 31\n"),
            ERROR,
            "content/moocs/cours.md:10:13",
            "`pass_mark` (31) is more than `exam_questions` (30)",
            Some("cannot exceed the number of questions"),
        ),
        ok("pass_mark equal to exam_questions", COURS, mooc!("\n", "[certificate]\n", "exam_questions = 30\n", "pass_mark = 30\n")),
        case(
            "currency that is not ISO 4217",
            COURS,
            mooc!("\n", "[certificate]\n", "price = 49\n", "currency = \"eur\"\n"),
            ERROR,
            "content/moocs/cours.md:10:12",
            "`currency` must be an ISO 4217 code such as EUR or USD, not `eur`",
            Some("`currency = \"EUR\"`"),
        ),
        // --- Parcours --------------------------------------------------------------
        case(
            "parcours listing a MOOC twice",
            PARCOURS,
            "+++\ntitle = \"Parcours\"\nsummary = \"Trois MOOC.\"\ninstitutions = [\"imt\"]\nmoocs = [\"rage\", \"paludisme\", \"reseaux\", \"rage\"]\n+++\n",
            ERROR,
            "content/parcours/decouverte.md:5:42",
            "`rage` is listed twice in `moocs`",
            Some("remove the second one"),
        ),
        case(
            "core MOOC not in moocs",
            PARCOURS,
            parcours!("core = [\"rage\", \"reseau\"]\n"),
            ERROR,
            "content/parcours/decouverte.md:6:17",
            "core MOOC `reseau` is not in this parcours' `moocs`",
            Some("add \"reseau\" to `moocs`, or remove it from `core`"),
        ),
        case(
            "required above the number of MOOCs",
            PARCOURS,
            parcours!("core = [\"rage\"]\n", "required = 4\n"),
            ERROR,
            "content/parcours/decouverte.md:7:12",
            "`required` is 4, but it must be between the number of core MOOCs (1) and the number of MOOCs (3)",
            Some("from 1 to 3"),
        ),
        case(
            "required below the number of core MOOCs",
            PARCOURS,
            parcours!("core = [\"rage\", \"paludisme\"]\n", "required = 1\n"),
            ERROR,
            "content/parcours/decouverte.md:7:12",
            "`required` is 1, but it must be between the number of core MOOCs (2) and the number of MOOCs (3)",
            Some("from 2 to 3"),
        ),
        case(
            "core_required above the number of core MOOCs",
            PARCOURS,
            parcours!("core = [\"rage\", \"paludisme\"]\n", "core_required = 3\n"),
            ERROR,
            "content/parcours/decouverte.md:7:17",
            "`core_required` is 3, but this parcours has 2 core MOOCs",
            Some("from 0 to 2"),
        ),
        case(
            "core_required without core MOOCs",
            PARCOURS,
            parcours!("core_required = 1\n"),
            ERROR,
            "content/parcours/decouverte.md:6:17",
            "`core_required` is set, but this parcours has no `core` MOOCs",
            Some("list the star MOOCs in `core`"),
        ),
        case(
            "required below core_required",
            PARCOURS,
            parcours!("core = [\"rage\", \"paludisme\", \"reseaux\"]\ncore_required = 2\n", "required = 1\n"),
            ERROR,
            "content/parcours/decouverte.md:8:12",
            "`required` is 1, but it must be between `core_required` (2) and the number of MOOCs (3)",
            Some("from 2 to 3"),
        ),
        case(
            "parcours of fewer than 3 MOOCs: a warning (exit 0)",
            PARCOURS,
            "+++\ntitle = \"Parcours\"\nsummary = \"Deux MOOC.\"\ninstitutions = [\"imt\"]\nmoocs = [\"rage\", \"paludisme\"]\n+++\n",
            WARNING,
            "content/parcours/decouverte.md:5:9",
            "this parcours has only 2 MOOC(s); a parcours usually groups at least 3",
            Some("add MOOCs to `moocs`"),
        ),
        case(
            "parcours of fewer than 3 MOOCs with --deny-warnings (exit 1)",
            PARCOURS,
            "+++\ntitle = \"Parcours\"\nsummary = \"Deux MOOC.\"\ninstitutions = [\"imt\"]\nmoocs = [\"rage\", \"paludisme\"]\n+++\n",
            WARNING,
            "content/parcours/decouverte.md:5:9",
            "this parcours has only 2 MOOC(s)",
            Some("add MOOCs to `moocs`"),
        )
        .args(&["--deny-warnings"])
        .exit(1),
        case(
            "bad credential",
            PARCOURS,
            parcours!("credential = \"diplome\"\n"),
            ERROR,
            "content/parcours/decouverte.md:6:14",
            "`credential` must be one of `certificate`, `diploma`, `ects` or `none`, not `diplome`",
            Some("did you mean `diploma`?"),
        ),
        case(
            "bad progression",
            PARCOURS,
            parcours!("progression = \"ordonnee\"\n"),
            ERROR,
            "content/parcours/decouverte.md:6:15",
            "`progression` must be one of `any` or `ordered`, not `ordonnee`",
            Some("did you mean `ordered`?"),
        ),
        // --- Platforms and institutions -------------------------------------------
        case(
            "bad platform pacing",
            "content/platforms/fun-mooc.md",
            "+++\ntitle = \"FUN-MOOC\"\nurl = \"https://www.fun-mooc.fr\"\npacing = [\"instructor\", \"cohort\"]\n+++\n",
            ERROR,
            "content/platforms/fun-mooc.md:4:25",
            "items of `pacing` are `instructor` or `self`, not `cohort`",
            None,
        ),
        case(
            "negative number of learners",
            "content/platforms/fun-mooc.md",
            "+++\ntitle = \"FUN-MOOC\"\nurl = \"https://www.fun-mooc.fr\"\nlearners = -1\n+++\n",
            ERROR,
            "content/platforms/fun-mooc.md:4:12",
            "`learners` cannot be negative",
            None,
        ),
        case(
            "institution parent cycle (reported in each file of the loop)",
            "content/institutions/imt.md",
            "+++\ntitle = \"IMT\"\nparent = \"institut-pasteur\"\n+++\n",
            ERROR,
            "content/institutions/imt.md:3:10",
            "institution parents form a loop: imt → institut-pasteur → imt",
            Some("remove `parent` from one of them"),
        )
        .also_write("content/institutions/institut-pasteur.md", "+++\ntitle = \"Institut Pasteur\"\nparent = \"imt\"\n+++\n")
        .and(
            ERROR,
            "content/institutions/institut-pasteur.md:3:10",
            "institution parents form a loop: institut-pasteur → imt → institut-pasteur",
            Some("remove `parent` from one of them"),
        ),
        case(
            "institution that is its own parent",
            "content/institutions/imt.md",
            "+++\ntitle = \"IMT\"\nparent = \"imt\"\n+++\n",
            ERROR,
            "content/institutions/imt.md:3:10",
            "institution parents form a loop: imt → imt",
            Some("remove `parent`"),
        ),
        case(
            "country that is not an ISO 3166 code",
            "content/institutions/imt.md",
            "+++\ntitle = \"IMT\"\ncountry = \"France\"\n+++\n",
            WARNING,
            "content/institutions/imt.md:3:11",
            "`country` must be a two-letter ISO 3166 code such as FR, not `France`",
            Some("`country = \"FR\"`"),
        ),
        // --- Schedules -------------------------------------------------------------
        case(
            "schedule from after to",
            SCHEDULE,
            "+++\ntitle = \"Calendrier\"\nparcours = \"decouverte\"\nfrom = \"2027-T4\"\nto = \"2026-T1\"\n+++\n",
            ERROR,
            "content/schedules/calendrier.md:4:8",
            "`from` (2027-T4) is after `to` (2026-T1)",
            Some("swap the two periods"),
        ),
        case(
            "schedule with neither parcours nor moocs",
            SCHEDULE,
            "+++\ntitle = \"Calendrier\"\nnote = \"Sous réserve.\"\n+++\n",
            ERROR,
            "content/schedules/calendrier.md:1:1",
            "a schedule needs rows: set `parcours` or `moocs`",
            Some("`parcours = "),
        ),
        case(
            "schedule with an empty moocs list",
            SCHEDULE,
            "+++\ntitle = \"Calendrier\"\nmoocs = []\n+++\n",
            ERROR,
            "content/schedules/calendrier.md:1:1",
            "a schedule needs rows: set `parcours` or `moocs`",
            Some("`parcours = "),
        ),
        case(
            "schedule from/to written as a date",
            SCHEDULE,
            "+++\ntitle = \"Calendrier\"\nparcours = \"decouverte\"\nfrom = 2026-01-01\n+++\n",
            ERROR,
            "content/schedules/calendrier.md:4:8",
            "`from` must be a period, not a date",
            Some("write `from = \"2026-T1\"`"),
        ),
        case(
            "schedule from a quarter to a month",
            SCHEDULE,
            "+++\ntitle = \"Calendrier\"\nparcours = \"decouverte\"\nfrom = \"2026-T1\"\nto = \"2027-06\"\n+++\n",
            ERROR,
            "content/schedules/calendrier.md:5:6",
            "`from` and `to` must both be quarters or both be months",
            Some("from = \"2024-T2\""),
        ),
        Case {
            name: "schedule row without a session in range, and sessions outside from/to",
            writes: vec![(
                SCHEDULE,
                "+++\ntitle = \"Calendrier\"\nparcours = \"decouverte\"\nfrom = \"2027-T2\"\nto = \"2027-T4\"\n+++\n".into(),
            )],
            removes: Vec::new(),
            args: Vec::new(),
            expect: vec![
                Expect {
                    severity: WARNING,
                    at: "content/moocs/paludisme.md:12:9",
                    message: "this session falls outside the schedule `calendrier` between 2027-T2 and 2027-T4",
                    hint: Some("widen `from` / `to` in content/schedules/calendrier.md"),
                },
                Expect {
                    severity: WARNING,
                    at: "content/moocs/rage.md:19:9",
                    message: "falls outside the schedule `calendrier`",
                    hint: None,
                },
                Expect {
                    severity: WARNING,
                    at: "content/moocs/rage.md:23:9",
                    message: "falls outside the schedule `calendrier`",
                    hint: None,
                },
                Expect {
                    severity: WARNING,
                    at: "content/moocs/reseaux.md:11:9",
                    message: "falls outside the schedule `calendrier`",
                    hint: None,
                },
                Expect {
                    severity: WARNING,
                    at: "content/schedules/calendrier.md:3:12",
                    message: "MOOC `rage` has no session between 2027-T2 and 2027-T4, so its row in this schedule is empty",
                    hint: Some("add a session to content/moocs/rage.md"),
                },
            ],
            exit: None,
        },
        case(
            "schedule listing a MOOC without any session",
            SCHEDULE,
            "+++\ntitle = \"Calendrier\"\nmoocs = [\"paludisme\", \"cours\"]\n+++\n",
            WARNING,
            "content/schedules/calendrier.md:3:23",
            "MOOC `cours` has no session, so its row in this schedule is empty",
            Some("`start = \"2027-T3\"`"),
        )
        .also_write(COURS, mooc!()),
        case(
            "bad granularity",
            SCHEDULE,
            "+++\ntitle = \"Calendrier\"\nparcours = \"decouverte\"\ngranularity = \"months\"\n+++\n",
            ERROR,
            "content/schedules/calendrier.md:4:15",
            "`granularity` must be one of `quarter` or `month`, not `months`",
            Some("did you mean `month`?"),
        ),
        // --- Links in bodies -------------------------------------------------------
        case(
            "dangling @/ link in a page body",
            PAGE,
            "+++\ntitle = \"À propos\"\nsummary = \"Qui publie ce catalogue.\"\n+++\n\nPremier paragraphe.\n\nVoir le cours [inexistant](@/moocs/nope.md) et [la rage](@/moocs/rage.md).\n",
            ERROR,
            "content/pages/a-propos.md:8:15",
            "link to `@/moocs/nope.md`, which does not exist",
            Some("content/moocs/nope.md"),
        ),
        case(
            "dangling @/ link after accents, with CRLF line ends",
            PAGE,
            "+++\r\ntitle = \"À propos\"\r\n+++\r\n\r\nÉté : [le parcours](@/parcours/absent.md).\r\n",
            ERROR,
            "content/pages/a-propos.md:5:7",
            "link to `@/parcours/absent.md`, which does not exist",
            Some("content/parcours/absent.md"),
        ),
        case(
            "dangling @/ link in a MOOC body",
            COURS,
            concat!(mooc!(), "\nVoir [ce parcours](@/parcours/nope.md).\n"),
            ERROR,
            "content/moocs/cours.md:9:6",
            "link to `@/parcours/nope.md`, which does not exist",
            Some("content/parcours/nope.md"),
        ),
        // --- Drafts ----------------------------------------------------------------
        case(
            "reference to a draft MOOC",
            "content/moocs/reseaux.md",
            "+++\ntitle = \"Réseaux\"\nsummary = \"Un cours.\"\nlanguages = [\"fr\"]\ninstitutions = [\"imt\"]\nplatform = \"fun-mooc\"\ndraft = true\n\n[[sessions]]\nstart = 2024-01-08\npacing = \"self\"\n+++\n",
            ERROR,
            "content/parcours/decouverte.md:6:31",
            "MOOC `reseaux` is a draft, so it is not in this build",
            Some("build with --drafts"),
        ),
        ok(
            "reference to a draft MOOC with --drafts",
            "content/moocs/reseaux.md",
            "+++\ntitle = \"Réseaux\"\nsummary = \"Un cours.\"\nlanguages = [\"fr\"]\ninstitutions = [\"imt\"]\nplatform = \"fun-mooc\"\ndraft = true\n\n[[sessions]]\nstart = 2024-01-08\npacing = \"self\"\n+++\n",
        )
        .args(&["--drafts"]),
        // --- Translations ----------------------------------------------------------
        ok(
            "translation that only changes text",
            "content/moocs/rage.en.md",
            "+++\ntitle = \"Rabies\"\nsummary = \"The rabies virus and its vaccines.\"\n+++\n\nA course on rabies.\n",
        )
        .also_write(CONFIG, "title = \"Catalogue\"\nbase_url = \"https://moocs.example.org\"\nlanguages = [\"fr\", \"en\"]\n"),
        ok(
            "translation repeating a structural value unchanged",
            "content/moocs/rage.en.md",
            "+++\ntitle = \"Rabies\"\nplatform = \"fun-mooc\"\neffort_hours_per_week = 3.0\n+++\n",
        )
        .also_write(CONFIG, "title = \"Catalogue\"\nbase_url = \"https://moocs.example.org\"\nlanguages = [\"fr\", \"en\"]\n"),
        case(
            "translation that changes a structural value",
            "content/moocs/rage.en.md",
            "+++\ntitle = \"Rabies\"\n\n[[sessions]]\nstart = 2027-01-11\nend = 2027-03-07\n+++\n",
            ERROR,
            "content/moocs/rage.en.md:4:3",
            "`sessions` is not the same as in content/moocs/rage.md: a translation may only change text",
            Some("remove `sessions` from this file"),
        )
        .also_write(CONFIG, "title = \"Catalogue\"\nbase_url = \"https://moocs.example.org\"\nlanguages = [\"fr\", \"en\"]\n"),
        case(
            "translation without its default-language file",
            "content/moocs/variole.en.md",
            "+++\ntitle = \"Smallpox\"\n+++\n",
            ERROR,
            "content/moocs/variole.en.md:1:1",
            "this translation has no default-language file `variole.md` beside it",
            Some("create content/moocs/variole.md first"),
        )
        .also_write(CONFIG, "title = \"Catalogue\"\nbase_url = \"https://moocs.example.org\"\nlanguages = [\"fr\", \"en\"]\n"),
        case(
            "subject page that no MOOC uses",
            "content/subjects/astronomie.md",
            "+++\ntitle = \"Astronomie\"\n+++\n",
            WARNING,
            "content/subjects/astronomie.md:1:1",
            "no MOOC has the subject `astronomie`, so this subject page is empty",
            None,
        ),
        // --- vitrine.toml ----------------------------------------------------------
        case(
            "vitrine.toml that is not valid TOML",
            CONFIG,
            "title = \"Catalogue\nbase_url = \"https://moocs.example.org\"\n",
            ERROR,
            "vitrine.toml:1:19",
            "this file is not valid TOML",
            Some("straight double quotes"),
        ),
        case(
            "bad timezone",
            CONFIG,
            config!("timezone = \"Europe/Pariss\"\n"),
            ERROR,
            "vitrine.toml:5:12",
            "unknown timezone `Europe/Pariss`",
            Some("`Europe/Paris`"),
        ),
        case(
            "default_language not in languages",
            CONFIG,
            "title = \"Catalogue\"\nbase_url = \"https://moocs.example.org\"\ndefault_language = \"fr\"\nlanguages = [\"en\"]\n",
            ERROR,
            "vitrine.toml:4:13",
            "`languages` must include the default language `fr`",
            Some("add \"fr\" to the list"),
        ),
        case(
            "default_language that is not a language code",
            CONFIG,
            "title = \"Catalogue\"\nbase_url = \"https://moocs.example.org\"\ndefault_language = \"français\"\n",
            ERROR,
            "vitrine.toml:3:20",
            "`français` is not a language code",
            Some("ISO 639-1"),
        ),
        case(
            "bad language in vitrine.toml",
            CONFIG,
            "title = \"Catalogue\"\nbase_url = \"https://moocs.example.org\"\nlanguages = [\"fr\", \"EN\"]\n",
            ERROR,
            "vitrine.toml:3:20",
            "`EN` is not a language code",
            Some("ISO 639-1"),
        ),
        case(
            "base_url without scheme",
            CONFIG,
            "title = \"Catalogue\"\nbase_url = \"moocs.example.org\"\n",
            ERROR,
            "vitrine.toml:2:12",
            "`base_url` must be a full address starting with https:// or http://",
            Some("`base_url = \"https://moocs.example.org\"`"),
        ),
        case(
            "vitrine.toml without title",
            CONFIG,
            "base_url = \"https://moocs.example.org\"\n",
            ERROR,
            "vitrine.toml:1:1",
            "required key `title` is missing",
            Some("add a line `title = \"…\"`"),
        ),
        case(
            "bad image quality",
            CONFIG,
            config!("\n", "[images]\n", "quality = 0\n"),
            ERROR,
            "vitrine.toml:7:11",
            "`quality` must be between 1 and 100",
            None,
        ),
        case(
            "bad image format",
            CONFIG,
            config!("\n", "[images]\n", "formats = [\"webp\", \"gif\"]\n"),
            ERROR,
            "vitrine.toml:7:20",
            "unknown image format `gif`",
            Some("use `webp`, `jpeg` or `png`"),
        ),
        case(
            "avif is accepted but not written",
            CONFIG,
            config!("\n", "[images]\n", "formats = [\"avif\", \"webp\"]\n"),
            WARNING,
            "vitrine.toml:7:12",
            "this version of vitrine does not write AVIF images",
            Some("remove \"avif\" from `formats`"),
        ),
        case(
            "bad max_pixels",
            CONFIG,
            config!("\n", "[images]\n", "max_pixels = 0\n"),
            ERROR,
            "vitrine.toml:7:14",
            "`max_pixels` must be greater than 0",
            None,
        ),
        case(
            "empty cache_dir",
            CONFIG,
            config!("cache_dir = \" \"\n"),
            ERROR,
            "vitrine.toml:5:13",
            "`cache_dir` must not be empty",
            None,
        ),
        case(
            "bad image widths",
            CONFIG,
            config!("\n", "[images]\n", "widths = [320, 0]\n"),
            ERROR,
            "vitrine.toml:7:10",
            "`widths` must be a list of positive whole numbers",
            None,
        ),
        case(
            "unknown theme",
            CONFIG,
            config!("theme = \"sombre\"\n"),
            ERROR,
            "vitrine.toml",
            "theme `sombre` not found in themes/",
            Some("`theme = \"default\"`"),
        ),
        case(
            "no vitrine.toml: exit 2",
            "content/moocs/cours.md",
            mooc!(),
            ERROR,
            "{root}/vitrine.toml",
            "cannot read the site configuration",
            Some("pass --root DIR"),
        )
        .remove(CONFIG)
        .exit(2),
    ]
}

#[test]
fn every_rule_reports_where_what_and_how_to_fix() {
    let cases = cases();
    let mut names = std::collections::HashSet::new();
    for c in &cases {
        assert!(names.insert(c.name), "two cases are named `{}`", c.name);
    }
    // Each case spawns the binary: spread them over a few threads.
    let threads = std::thread::available_parallelism().map_or(4, |n| n.get()).min(8);
    let chunk = cases.len().div_ceil(threads);
    let failures: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = cases
            .chunks(chunk)
            .map(|group| s.spawn(move || group.iter().filter_map(|c| c.run().err()).collect::<Vec<_>>()))
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("a case thread panicked")).collect()
    });
    assert!(failures.is_empty(), "{} of {} cases failed:\n\n{}", failures.len(), cases.len(), failures.join("\n"));
}

// ---------------------------------------------------------------------------
// Whole sites.

#[test]
fn minimal_fixture_is_clean() {
    let root = fixture_dir("minimal");
    let run = check(&root, &[]);
    assert_eq!(run.diags, Vec::new(), "stderr: {}", run.stderr);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    let strict = check(&root, &["--deny-warnings"]);
    assert_eq!((strict.code, strict.diags.len()), (0, 0), "{}", strict.stdout);
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = TempSite::copy_of("minimal", "drafts");
    site.write(
        "content/moocs/brouillon.md",
        mooc!("draft = true\n", "\n", "[[sessions]]\n", "start = 2027-01-11\n", "end = 2027-03-07\n").as_bytes(),
    );
    let root = site.root.display().to_string();
    for (args, present) in [(&[][..], false), (&["--drafts"][..], true)] {
        let out = site.path(if present { "with-drafts" } else { "without-drafts" });
        let out_s = out.display().to_string();
        let mut all = vec!["build", "--root", &root, "--output", &out_s, "--today", TODAY, "--message-format", "json"];
        all.extend_from_slice(args);
        let run = parse_report(&vitrine(&all));
        assert_eq!((run.code, run.diags.clone()), (0, Vec::new()), "{args:?}: {}", run.stderr);
        assert!(out.join("moocs/rage/index.html").is_file(), "{args:?}: the site was not built");
        assert_eq!(
            out.join("moocs/brouillon/index.html").exists(),
            present,
            "{args:?}: the draft page should {}be built",
            if present { "" } else { "not " }
        );
        let moocs = fs::read_to_string(out.join("moocs/index.html")).expect("moocs list");
        assert_eq!(moocs.contains("/moocs/brouillon/"), present, "{args:?}: the draft in the MOOC list");
    }
}

/// One line of the report of tests/fixtures/broken, in order.
const BROKEN: &[(&str, &str, &str)] = &[
    (WARNING, "content/cours", "`content/cours/` is not a kind of content vitrine knows"),
    (ERROR, "content/institutions/imt.md:4:10", "institution parents form a loop: imt → imt"),
    (ERROR, "content/moocs/paludisme.md:6:17", "there is no institution `institut-pastuer`"),
    (ERROR, "content/moocs/paludisme.md:10:12", "`featured` must be true or false"),
    (
        ERROR,
        "content/moocs/rage.md:8:9",
        "`level` must be one of `beginner`, `intermediate` or `advanced`, not `expert`",
    ),
    (ERROR, "content/moocs/rage.md:16:13", "`pass_mark` (31) is more than `exam_questions` (30)"),
    (ERROR, "content/moocs/rage.md:20:7", "the session ends (2024-03-09) before it starts (2025-01-06)"),
    (ERROR, "content/moocs/reseaux.md:9:9", "`cover` needs a text alternative in `cover_alt`"),
    (ERROR, "content/moocs/reseaux.md:16:44", "link to `@/moocs/reseaux-avances.md`, which does not exist"),
    (ERROR, "content/pages/a-propos.md:4:1", "unknown key `menus` in a page"),
    (ERROR, "content/parcours/decouverte.md:7:17", "core MOOC `reseau` is not in this parcours' `moocs`"),
    (ERROR, "content/parcours/decouverte.md:8:12", "`required` is 5, but it must be between"),
    (ERROR, "content/schedules/calendrier.md:5:8", "`from` (2027-T4) is after `to` (2026-T1)"),
];

#[test]
fn every_problem_is_reported_in_one_run_sorted() {
    let run = check(&fixture_dir("broken"), &[]);
    assert_eq!(run.code, 1, "stderr: {}", run.stderr);
    let got: Vec<(&str, &str, &str)> =
        run.diags.iter().map(|d| (d.severity.as_str(), d.at.as_str(), d.message.as_str())).collect();
    assert_eq!(got.len(), BROKEN.len(), "report:\n{}", run.stdout);
    for (g, w) in got.iter().zip(BROKEN) {
        assert!(g.0 == w.0 && g.1 == w.1 && g.2.contains(w.2), "expected {w:?}, got {g:?}\nreport:\n{}", run.stdout);
    }
    assert!(run.diags.iter().all(|d| d.hint.is_some() || d.message.contains("`level`")), "a hint is missing");
    // Sorted by path, then by position in the file.
    let key = |d: &Diag| {
        let mut parts = d.at.rsplitn(3, ':');
        let (c, l) = (parts.next(), parts.next());
        match (l.and_then(|l| l.parse::<usize>().ok()), c.and_then(|c| c.parse::<usize>().ok()), parts.next()) {
            (Some(l), Some(c), Some(path)) => (path.to_string(), l, c),
            _ => (d.at.clone(), 0, 0),
        }
    };
    let keys: Vec<_> = run.diags.iter().map(key).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "the report is not sorted by path, then position");
    // The human format says the same, with a summary line.
    let human = vitrine(&["check", "--root", &fixture_dir("broken").display().to_string(), "--today", TODAY]);
    let stderr = String::from_utf8_lossy(&human.stderr);
    assert_eq!(human.status.code(), Some(1));
    assert!(stderr.contains("12 errors, 1 warning."), "{stderr}");
    assert!(stderr.contains("content/moocs/rage.md:16:13"), "{stderr}");
}

#[test]
fn failed_build_leaves_the_previous_output_untouched() {
    let site = TempSite::copy_of("broken", "failed-build");
    let out = site.path("out");
    fs::create_dir_all(out.join("moocs")).expect("mkdir out");
    fs::write(out.join("marker.txt"), "the previous site").expect("marker");
    fs::write(out.join("moocs/old.html"), "<p>old</p>").expect("old page");
    let (root, out_s) = (site.root.display().to_string(), out.display().to_string());
    let run = parse_report(&vitrine(&[
        "build",
        "--root",
        &root,
        "--output",
        &out_s,
        "--today",
        TODAY,
        "--message-format",
        "json",
    ]));
    assert_eq!(run.code, 1, "stderr: {}", run.stderr);
    assert_eq!(run.diags.len(), BROKEN.len(), "build reports what check reports:\n{}", run.stdout);
    assert_eq!(fs::read_to_string(out.join("marker.txt")).ok().as_deref(), Some("the previous site"));
    assert_eq!(fs::read_to_string(out.join("moocs/old.html")).ok().as_deref(), Some("<p>old</p>"));
    let mut files: Vec<String> =
        walk(&out).iter().map(|p| p.strip_prefix(&out).unwrap_or(p).display().to_string()).collect();
    files.sort();
    assert_eq!(files, ["marker.txt", "moocs/old.html"], "the output folder changed");
    // No staging folder left beside it.
    let leftovers: Vec<String> = fs::read_dir(&site.root)
        .expect("read site")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("vitrine-tmp") || n.contains("vitrine-old"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // Control: once fixed (here, the valid minimal site), the same command
    // replaces the output folder.
    let good = TempSite::copy_of("minimal", "good-build");
    let good_root = good.root.display().to_string();
    let run = parse_report(&vitrine(&["build", "--root", &good_root, "--output", &out_s, "--today", TODAY]));
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert!(!out.join("marker.txt").exists(), "a successful build replaces the output folder");
    assert!(out.join("index.html").is_file());
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = entry.path();
        if p.is_dir() {
            files.extend(walk(&p));
        } else {
            files.push(p);
        }
    }
    files
}
