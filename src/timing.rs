//! Where a run's time goes, on stderr when `VITRINE_TIMINGS` is set (for
//! profiling and `benches/scale.py`, which reads these lines).
//!
//! Two kinds of figures, both as `timing: <name> <ms> ms` lines:
//!
//! - a [`Timer`]'s laps: the wall time of the stages that run one after
//!   the other (`load`, `validate`, `resolve`, `render+write`, `commit`…);
//! - the [`Phase`]s of the parallel pass, where pages are rendered and
//!   written and the search index is built at once: the time every thread
//!   spent in each, summed ([`add`], printed by [`report`] as
//!   `timing: <phase> (threads) <ms> ms`), since their wall times overlap.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Whether `VITRINE_TIMINGS` is set (read once).
pub fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("VITRINE_TIMINGS").is_some())
}

/// Wall time of stages run in turn; prints each lap when timings are on.
pub struct Timer(Option<std::cell::Cell<Instant>>);

impl Timer {
    pub fn new() -> Self {
        Timer(enabled().then(|| std::cell::Cell::new(Instant::now())))
    }

    /// A line of figures beside the timings (`timing: <what>`, no time).
    pub fn note(&self, what: &str) {
        if self.0.is_some() {
            eprintln!("timing: {what}");
        }
    }

    /// Prints the time since the last lap (or since the timer was made).
    pub fn lap(&self, stage: &str) {
        if let Some(t) = &self.0 {
            let now = Instant::now();
            line(stage, now - t.get());
            t.set(now);
        }
    }
}

impl Default for Timer {
    fn default() -> Self {
        Self::new()
    }
}

fn line(name: &str, d: Duration) {
    eprintln!("timing: {name:<18} {:>9.1} ms", d.as_secs_f64() * 1000.0);
}

/// The work of the parallel pass, summed over threads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// MOOC cards, rendered once per language for every list.
    Cards,
    /// Pages: their values and their templates.
    Render,
    /// The search index (texts, tokens, shards, files' bytes).
    Search,
    /// Files handed to the output: written, linked or kept.
    Write,
    /// Social card images (PNG): drawn, or taken from the site replaced,
    /// and handed to the output.
    CardImages,
}

const PHASES: [(Phase, &str); 5] = [
    (Phase::Cards, "cards"),
    (Phase::Render, "render"),
    (Phase::Search, "search"),
    (Phase::Write, "write"),
    (Phase::CardImages, "card images"),
];

static SPENT: [AtomicU64; 5] = [const { AtomicU64::new(0) }; 5];

/// Adds `d` to `phase`'s total.
pub fn add(phase: Phase, d: Duration) {
    SPENT[phase as usize].fetch_add(d.as_nanos() as u64, Ordering::Relaxed);
}

/// Runs `f`, adding its time to `phase` when timings are on.
pub fn time<T>(phase: Phase, f: impl FnOnce() -> T) -> T {
    if !enabled() {
        return f();
    }
    let start = Instant::now();
    let value = f();
    add(phase, start.elapsed());
    value
}

/// Prints each phase's total and sets it back to zero.
pub fn report() {
    if !enabled() {
        return;
    }
    for (phase, name) in PHASES {
        let nanos = SPENT[phase as usize].swap(0, Ordering::Relaxed);
        line(&format!("{name} (threads)"), Duration::from_nanos(nanos));
    }
}
