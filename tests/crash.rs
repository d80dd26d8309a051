//! Crash safety of the output swap (docs/decisions.md, "Output"): a build
//! of a 1,000-MOOC catalogue killed with SIGKILL at 50 random moments
//! leaves the output folder holding the complete previous site or the
//! complete new one, never a mix and never nothing; the next build cleans
//! up what the killed one left and succeeds.
//!
//! The two sites differ in every page (two base URLs), so a mix of them
//! cannot pass for either; a second test alternates between two sites
//! that differ by one MOOC's title, so that builds write few files and
//! link the rest from the output and the cache (`output::incremental`).
//! Reference trees are built once each.

#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{TempDir, TODAY};

const KILLS: usize = 50;
const BASES: [&str; 2] = ["https://old.example.org/", "https://new.example.org/"];

fn build(root: &Path, out: &Path, base: &str) -> Command {
    let mut cmd = common::vitrine();
    cmd.args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(out)
        .args(["--today", TODAY, "--base-url", base])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// A full build of `base` into `out`; how long it took.
fn build_fully(root: &Path, out: &Path, base: &str) -> Duration {
    let start = Instant::now();
    let output = build(root, out, base).stderr(Stdio::piped()).output().expect("run vitrine");
    assert!(output.status.success(), "{}", common::describe(&output));
    start.elapsed()
}

/// Entries left beside the output by killed builds.
fn leftovers(dir: &Path) -> Vec<String> {
    common::entry_names(dir)
        .into_iter()
        .filter(|n| n.contains(".vitrine-tmp-") || n.contains(".vitrine-old-"))
        .collect()
}

/// A small deterministic generator (xorshift64*), so that a failure can be
/// replayed with the seed it prints.
struct Rng(u64);

impl Rng {
    fn next_unit(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Two sites that a build alternates between, each a site folder and a
/// base URL.
type Variant<'a> = (&'a Path, &'a str);

/// Builds `variants[0]` into a fresh output, then kills builds of the
/// other one, in turn, at random moments: the output must be one of the
/// two complete sites after every kill, and the next build must clean up.
fn kills(tmp: &TempDir, variants: [Variant; 2], label: &str) {
    // The two reference sites, and how long a whole build takes.
    let mut longest = Duration::ZERO;
    let refs: Vec<_> = variants
        .iter()
        .enumerate()
        .map(|(i, (root, base))| {
            let dir = tmp.join(&format!("{label}-ref{i}"));
            longest = longest.max(build_fully(root, &dir, base));
            common::read_tree(&dir)
        })
        .collect();
    assert_ne!(refs[0], refs[1]);
    assert!(refs[0].len() > 2000, "a 1,000-MOOC site has thousands of files: {}", refs[0].len());

    let out_parent = tmp.join(&format!("{label}-deploy"));
    let out = out_parent.join("public");
    build_fully(variants[0].0, &out, variants[0].1);
    let mut current = 0;
    let seed = 0x5EED_0020_u64 ^ u64::from(std::process::id());
    let mut rng = Rng(seed);
    let (mut kept, mut replaced, mut old_in_a_row) = (0, 0, 0);
    let mut window = longest.as_secs_f64();
    for kill in 0..KILLS {
        let next = 1 - current;
        // Half the kills anywhere in the build, half in its last third,
        // where the site is written, swapped in and the old one removed.
        let unit = if kill % 2 == 0 { rng.next_unit() } else { 0.66 + 0.34 * rng.next_unit() };
        let delay = Duration::from_secs_f64(window * unit);
        let mut child = build(variants[next].0, &out, variants[next].1).spawn().expect("start vitrine");
        std::thread::sleep(delay);
        let finished_first = child.try_wait().expect("poll the build").is_some();
        child.kill().expect("SIGKILL the build");
        child.wait().expect("reap the build");
        if finished_first {
            // Too late to hit anything: aim earlier.
            window *= 0.8;
        }

        let tree = common::read_tree(&out);
        let found = refs.iter().position(|r| *r == tree).unwrap_or_else(|| {
            panic!(
                "{label}, kill {kill} (seed {seed:#x}, after {delay:?}): the output is neither site, {} files, leftovers {:?}",
                tree.len(),
                leftovers(&out_parent)
            )
        });
        if found == next {
            replaced += 1;
            old_in_a_row = 0;
        } else {
            kept += 1;
            old_in_a_row += 1;
            // A loaded machine builds slower: reach further into the build.
            if old_in_a_row >= 5 {
                window *= 1.25;
                old_in_a_row = 0;
            }
        }
        current = found;
    }
    eprintln!("{label}: {KILLS} kills (seed {seed:#x}): {kept} kept the old site, {replaced} left the new one");
    assert!(kept > 0 && replaced > 0, "kills landed both before and after the swap: {kept} / {replaced}");

    // The next build cleans up and succeeds; beside the output there is
    // only its cache (the previous site, and the manifests).
    let next = 1 - current;
    build_fully(variants[next].0, &out, variants[next].1);
    assert!(common::read_tree(&out) == refs[next], "the final build is complete");
    assert_eq!(leftovers(&out_parent), Vec::<String>::new(), "the next build removed what killed builds left");
    assert_eq!(common::entry_names(&out_parent), [".public.vitrine-cache", "public"]);
}

fn generate(root: &Path) {
    let gen = Command::new("python3")
        .arg(common::repo_root().join("benches/gen_catalogue.py"))
        .args(["--n", "1000", "--out"])
        .arg(root)
        .output()
        .expect("python3 runs benches/gen_catalogue.py");
    assert!(gen.status.success(), "{}", common::describe(&gen));
}

#[test]
fn a_build_killed_at_any_moment_leaves_the_old_site_or_the_new_one() {
    let tmp = TempDir::new("crash-sigkill");
    let root = tmp.join("site");
    generate(&root);
    // Every page differs between the two (two base URLs): every file of
    // the staging folder is written.
    kills(&tmp, [(&root, BASES[0]), (&root, BASES[1])], "every-file");
}

#[test]
fn a_build_that_writes_few_files_killed_at_any_moment_leaves_the_old_site_or_the_new_one() {
    let tmp = TempDir::new("crash-sigkill-few");
    let root = tmp.join("site");
    generate(&root);
    // The second site has one MOOC retitled: most files are linked from
    // the output or already in the cache's previous site.
    let edited = tmp.join("edited");
    common::copy_dir(&root, &edited);
    let moocs = common::mooc_slugs(&edited);
    let file = edited.join(format!("content/moocs/{}.md", moocs[moocs.len() / 2]));
    let text = std::fs::read_to_string(&file).expect("a MOOC");
    let title = text.lines().find(|l| l.starts_with("title = ")).expect("a title").to_string();
    std::fs::write(&file, text.replacen(&title, "title = \"Aaa, un titre changé\"", 1)).expect("writable");
    kills(&tmp, [(&root, BASES[0]), (&edited, BASES[0])], "few-files");
}
