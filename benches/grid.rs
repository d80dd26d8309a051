//! Benchmark: a broadcast schedule grid of 1,000 MOOCs × 48 months.
//!
//! Writes a synthetic site (1,000 MOOCs with 1–4 sessions each, one
//! schedule with `granularity = "month"`, `moocs` = all of them, `from` =
//! 2024-01, `to` = 2027-12) to a temporary folder, loads it with the
//! library (config → load → resolve, theme, the context of a language),
//! then times what the schedule page costs: computing the grid, building
//! the page's values (grid, `grid.json`, `sessions.ics`, the MOOC list) and
//! rendering `schedule.html`. Median of 20 runs after 3 warm-up runs.
//!
//! Run with `cargo bench --bench grid`. Target: ≤ 50 ms.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jiff::civil::{date, Date};
use jiff::ToSpan;

use vitrine::diagnostic::Severity;
use vitrine::render::cards::Items;
use vitrine::render::context::Context;
use vitrine::render::pages::schedules;
use vitrine::render::theme::Theme;
use vitrine::render::{calendars, grid};

const MOOCS: usize = 1000;
const MONTHS: usize = 48;
const RUNS: usize = 20;
const WARMUP: usize = 3;
const TARGET_MS: f64 = 50.0;
const SCHEDULE: &str = "grille-mensuelle";

/// A small deterministic generator (64-bit LCG): the same site every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().expect("a parent folder")).expect("create a folder");
    fs::write(&path, text).expect("write a file");
}

fn plus_days(d: Date, n: i64) -> Date {
    d.checked_add(n.days()).expect("a date in range")
}

/// The `[[sessions]]` of one MOOC: 1–4, never overlapping, 2023–2028;
/// now and then a cancelled one, or a planned period or a self-paced
/// session without an end as the last one.
fn sessions(rng: &mut Lcg) -> String {
    let mut out = String::new();
    let count = rng.range(1, 4);
    let mut start = plus_days(date(2023, 6, 5), rng.range(0, 400));
    for n in 0..count {
        let last = n == count - 1;
        match rng.range(0, 19) {
            0 if last => {
                let year = start.year() + 1;
                let _ = write!(out, "\n[[sessions]]\nstart = \"{year}-T{}\"\n", rng.range(1, 4));
                break;
            }
            1 if last => {
                let _ = write!(out, "\n[[sessions]]\nstart = \"{}-{:02}\"\n", start.year() + 1, rng.range(1, 12));
                break;
            }
            2 if last => {
                let _ = write!(out, "\n[[sessions]]\nstart = {start}\npacing = \"self\"\n");
                break;
            }
            kind => {
                let end = plus_days(start, rng.range(28, 120));
                let _ = write!(out, "\n[[sessions]]\nstart = {start}\nend = {end}\n");
                if kind == 3 {
                    out.push_str("cancelled = true\n");
                } else if kind == 4 {
                    let _ = writeln!(out, "enrollment_end = {}", plus_days(start, 14));
                }
                start = plus_days(end, rng.range(20, 300));
            }
        }
    }
    out
}

/// Writes the site; returns the slugs of its MOOCs.
fn generate(root: &Path) -> Vec<String> {
    write(
        root,
        "vitrine.toml",
        "title = \"Grille de diffusion (benchmark)\"\nbase_url = \"https://bench.example.org\"\n\
         default_language = \"fr\"\nlanguages = [\"fr\"]\ntheme = \"default\"\ntimezone = \"Europe/Paris\"\n",
    );
    write(
        root,
        "content/platforms/fun-mooc.md",
        "+++\ntitle = \"FUN-MOOC\"\nurl = \"https://www.fun-mooc.fr\"\n+++\n\nLa plateforme.\n",
    );
    write(
        root,
        "content/institutions/institut-pasteur.md",
        "+++\ntitle = \"Institut Pasteur\"\nurl = \"https://www.pasteur.fr\"\n+++\n\nL’institut.\n",
    );
    let mut rng = Lcg(0x5eed_0001);
    let words = [
        "Immunité",
        "Épidémiologie",
        "Vaccins",
        "Paludisme",
        "Virologie",
        "Bactéries",
        "Santé publique",
        "Écologie",
        "Données",
        "Modèles",
        "Parasites",
        "Résistance",
        "Génomique",
        "Œuvres",
        "Tropiques",
    ];
    let mut slugs = Vec::with_capacity(MOOCS);
    for i in 0..MOOCS {
        let slug = format!("mooc-{i:04}");
        let title = format!(
            "{} et {} {}",
            words[rng.range(0, words.len() as i64 - 1) as usize],
            words[rng.range(0, words.len() as i64 - 1) as usize].to_lowercase(),
            i
        );
        let text = format!(
            "+++\ntitle = \"{title}\"\nsummary = \"Un MOOC de test : {title}.\"\nlanguages = [\"fr\"]\n\
             institutions = [\"institut-pasteur\"]\nplatform = \"fun-mooc\"\nlevel = \"beginner\"\n{}+++\n\n\
             Le cours {title}.\n",
            sessions(&mut rng)
        );
        write(root, &format!("content/moocs/{slug}.md"), &text);
        slugs.push(slug);
    }
    let list: Vec<String> = slugs.iter().map(|s| format!("\"{s}\"")).collect();
    write(
        root,
        &format!("content/schedules/{SCHEDULE}.md"),
        &format!(
            "+++\ntitle = \"Grille mensuelle\"\nmoocs = [{}]\ngranularity = \"month\"\nfrom = \"2024-01\"\n\
             to = \"2027-12\"\nversion = 2026-11-01\nnote = \"Susceptible d’être modifiée.\"\n+++\n\n\
             Toutes les sessions, mois par mois.\n",
            list.join(", ")
        ),
    );
    slugs
}

fn median(mut v: Vec<Duration>) -> f64 {
    v.sort();
    let mid = v.len() / 2;
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    if v.len().is_multiple_of(2) {
        (ms(v[mid - 1]) + ms(v[mid])) / 2.0
    } else {
        ms(v[mid])
    }
}

/// Removes the generated site, even on a panic.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` does not, and
    // then one quick run is enough to show that it works.
    let quick = !std::env::args().any(|a| a == "--bench");
    let scratch = Scratch(std::env::temp_dir().join(format!("vitrine-bench-grid-{}", std::process::id())));
    let root = scratch.0.clone();
    let _ = fs::remove_dir_all(&root);
    let t = Instant::now();
    let slugs = generate(&root);
    let generated = t.elapsed();

    let t = Instant::now();
    let mut out = Vec::new();
    let config = vitrine::config::Config::load(&root, None, &mut out).expect("vitrine.toml loads");
    let theme = Theme::load(&root, &config, &mut out).expect("the default theme loads");
    let loaded = vitrine::load::load(&root, &config, &mut out);
    let cat = vitrine::resolve::resolve(loaded, config, date(2026, 11, 23), false, &mut out);
    let errors: Vec<String> =
        out.iter().filter(|d| d.severity == Severity::Error).map(|d| d.to_string()).take(5).collect();
    assert!(errors.is_empty(), "the generated site has errors:\n{}", errors.join("\n"));
    assert_eq!(cat.content.moocs.len(), MOOCS);
    let si = cat.content.schedules.position(SCHEDULE).expect("the schedule");
    let pictures = vitrine::images::Pictures::none(&root, &cat.config);
    let ctx = Context::new(&cat, &theme, "fr", &pictures, Items::default(), None, &mut out);
    let loaded_in = t.elapsed();

    // One run: compute the grid and render the schedule page.
    let run = |check: bool| -> [Duration; 3] {
        let mut diags = Vec::new();
        let t0 = Instant::now();
        let grid = grid::compute(&cat, si);
        let t1 = Instant::now();
        let (page, _) = schedules::page(&ctx, si, &mut diags);
        let t2 = Instant::now();
        let files: Vec<String> = if check {
            schedules::files(&ctx, si, &grid).into_iter().map(|(name, _)| name).collect()
        } else {
            Vec::new()
        };
        let html = theme.tera.render(page.template, &page.context).expect("schedule.html renders");
        let t3 = Instant::now();
        if check {
            assert_eq!(grid.periods.len(), MONTHS, "48 months");
            assert_eq!(grid.rows.len(), MOOCS, "one row a MOOC");
            let rows = html.matches("<tr data-mooc=").count();
            assert!(rows == 0 || rows == MOOCS, "the page has {rows} grid rows");
            assert!(files.iter().any(|f| f == "grid.json") && files.iter().any(|f| f == "sessions.ics"), "{files:?}");
        }
        std::hint::black_box(html);
        [t1 - t0, t2 - t1, t3 - t2]
    };

    run(true);
    let (warmup, runs) = if quick { (0, 1) } else { (WARMUP, RUNS) };
    for _ in 0..warmup {
        run(false);
    }
    let (mut grids, mut values, mut renders, mut totals) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        let [g, v, r] = run(false);
        grids.push(g);
        values.push(v);
        renders.push(r);
        totals.push(g + v + r);
    }
    let filled: usize = grid::compute(&cat, si).rows.iter().map(|r| r.cells.iter().flatten().count()).sum();

    // Where the page values go: each part alone, with the public API.
    let grid = grid::compute(&cat, si);
    let rows = grid::rows(&cat, si);
    let time = |f: &dyn Fn()| {
        let v: Vec<Duration> = (0..runs.max(5))
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect();
        median(v)
    };
    let files_time = time(&|| drop(std::hint::black_box(schedules::files(&ctx, si, &grid))));
    let parts = [
        ("grid value", time(&|| drop(std::hint::black_box(grid::values::value(&ctx.lang, si, &grid))))),
        ("grid.json", time(&|| drop(std::hint::black_box(grid::values::json_file(&cat, &grid, cat.today))))),
        ("sessions.ics", time(&|| drop(std::hint::black_box(calendars::calendar_file(&ctx.lang, "Grille", &rows))))),
        ("MOOC list", time(&|| drop(std::hint::black_box(ctx.cards.items(&rows))))),
    ];
    let (g, v, r, total) = (median(grids), median(values), median(renders), median(totals));
    println!(
        "grid {} MOOCs x {MONTHS} months: median {total:.1} ms (target ≤ {TARGET_MS:.0} ms){}",
        slugs.len(),
        if quick {
            "  (one smoke run, not a measurement: use `cargo bench --bench grid`)"
        } else if total <= TARGET_MS {
            ""
        } else {
            "  ** over target **"
        }
    );
    println!(
        "  medians: compute_grid {g:.2} ms, page values (grid again, table HTML, MOOC list) \
         {v:.1} ms, schedule.html {r:.1} ms; {filled} filled cells; {runs} runs after {warmup} warm-up"
    );
    println!("  written beside the page, not part of the target: grid.json + sessions.ics {files_time:.1} ms");
    let parts: Vec<String> = parts.iter().map(|(name, ms)| format!("{name} {ms:.1} ms")).collect();
    println!("  page values by part: {}", parts.join(", "));
    println!(
        "  (setup, not timed: site generated in {:.0} ms, loaded, resolved and viewed in {:.0} ms)",
        generated.as_secs_f64() * 1000.0,
        loaded_in.as_secs_f64() * 1000.0
    );
}
