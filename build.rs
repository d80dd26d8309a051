//! Build script: `vitrine --version` prints the version and the commit it
//! was built from (`0.1.0 (1a2b3c4d5e6f)`). The commit is read with `git`
//! when the crate is built from its own git checkout; a build from a
//! source archive (crates.io), without git, or inside another project's
//! repository prints the version alone. `VITRINE_COMMIT` in the
//! environment (packagers) takes precedence.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=VITRINE_COMMIT");
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let commit = std::env::var("VITRINE_COMMIT").ok().filter(|c| !c.trim().is_empty()).or_else(|| commit_of(&dir));
    let full = match commit {
        Some(c) => format!("{version} ({})", c.trim()),
        None => version,
    };
    println!("cargo:rustc-env=VITRINE_VERSION={full}");
}

/// The short commit of `dir`'s checkout, when `dir` is the top of a git
/// work tree; tells cargo to run again when HEAD moves.
fn commit_of(dir: &Path) -> Option<String> {
    let top = git(dir, &["rev-parse", "--show-toplevel"])?;
    let (top, dir) = (Path::new(&top).canonicalize().ok()?, dir.canonicalize().ok()?);
    if top != dir {
        return None; // vitrine's sources inside some other repository
    }
    for file in ["HEAD", "packed-refs"] {
        if let Some(path) = git(&dir, &["rev-parse", "--git-path", file]) {
            println!("cargo:rerun-if-changed={}", dir.join(path).display());
        }
    }
    if let Some(head_ref) = git(&dir, &["symbolic-ref", "-q", "HEAD"]) {
        if let Some(path) = git(&dir, &["rev-parse", "--git-path", &head_ref]) {
            println!("cargo:rerun-if-changed={}", dir.join(path).display());
        }
    }
    git(&dir, &["rev-parse", "--short=12", "HEAD"])
}

/// `git ARGS` in `dir`: its first line, or `None` when git is missing or fails.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git").arg("-C").arg(dir).args(args).output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let line = text.lines().next()?.trim().to_string();
    (out.status.success() && !line.is_empty()).then_some(line)
}
