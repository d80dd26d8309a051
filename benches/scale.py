#!/usr/bin/env python3
"""How `vitrine build` scales: one command, the figures of issue 19.

    python3 benches/scale.py                                  # N=1000 10000
    python3 benches/scale.py --n 1000 10000 50000 250000 --incremental
    python3 benches/scale.py --n 10000 --runs 5 --hugo         # ratios to Hugo
    python3 benches/scale.py --vitrine target/release/vitrine  # skip cargo build

For each N it generates the synthetic catalogue (benches/gen_catalogue.py)
on tmpfs, builds it `--runs` times into a fresh output folder (after one
unmeasured warm-up build when --warmup 1) with VITRINE_TIMINGS=1, and prints:

- wall time, CPU time (user + system, all threads) and peak RSS of the
  process (medians of the runs; peak RSS: the largest);
- the files and bytes of the output;
- the time of each phase (src/timing.rs): load, validate, resolve (wall,
  in turn), then the parallel pass: cards, render, search index and write
  (time summed over threads), the whole pass (wall) and the commit (the
  new site swapped in, the old one put aside); and each in microseconds
  per MOOC, which must stay flat from one N to the next.

--incremental then builds again into the same output folder, first with
nothing changed, then after editing one MOOC (a sentence added to its
body), then after retitling one; each time it prints the wall time and the
files the build created or replaced (their inode or modification time
changed), and checks that the tree equals a clean build's.

--hugo builds the shared side-by-side catalogue (../shared/bench, its
gen_sites.py: the same pages as a vitrine site and a Hugo site) at each N
up to --hugo-max, vitrine and Hugo in turn (`--runs` pairs after a warm-up
of each), and prints each tool's median wall time, CPU time and peak RSS
and the ratios vitrine/Hugo (target: <= 0.2 for both at N=10,000).

Everything is generated under --scratch (default /dev/shm/vitrine-scale)
and removed at the end unless --keep; sites are reused with --keep.
"""

import argparse
import hashlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(REPO), "shared", "bench")
PHASES = ["load", "validate", "resolve", "images plan", "cards (threads)", "render (threads)", "search (threads)",
          "write (threads)", "card images (threads)", "images", "render+write", "commit"]
TIMING = re.compile(r"^timing: (.+?)\s+([0-9.]+) ms$")
MIB = 1024 * 1024


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, nargs="+", default=[1000, 10000], help="catalogue sizes")
    ap.add_argument("--runs", type=int, default=3, help="measured builds per size (or pairs with --hugo)")
    ap.add_argument("--warmup", type=int, default=1, help="builds before the measured ones")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--today", default="2026-11-23")
    ap.add_argument("--vitrine", help="the binary (default: cargo build --release, then target's)")
    ap.add_argument("--incremental", action="store_true", help="also time second builds")
    ap.add_argument("--hugo", action="store_true", help="also build the same pages with Hugo, in turn")
    ap.add_argument("--hugo-bin", default="/tmp/anchors/bin/hugo")
    ap.add_argument("--hugo-max", type=int, default=10000, help="largest N built with Hugo")
    ap.add_argument("--scratch", default="/dev/shm/vitrine-scale" if os.path.isdir("/dev/shm") else "/tmp/vitrine-scale")
    ap.add_argument("--keep", action="store_true", help="keep (and reuse) the generated sites")
    return ap.parse_args()


def binary(a):
    if a.vitrine:
        path = os.path.abspath(a.vitrine)
    else:
        subprocess.run(["cargo", "build", "--release"], cwd=REPO, check=True)
        target = os.environ.get("CARGO_TARGET_DIR", "target")
        path = os.path.join(target if os.path.isabs(target) else os.path.join(REPO, target), "release", "vitrine")
    if not os.access(path, os.X_OK):
        sys.exit(f"scale: no executable vitrine at {path}")
    return path


def run(cmd, cwd=None, env=None):
    """Runs cmd; returns (wall s, cpu s, peak RSS MiB, stderr text)."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = child.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"scale: {' '.join(cmd)} failed:\n{err[-3000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, err


def timings(err):
    found = {}
    for line in err.splitlines():
        m = TIMING.match(line)
        if m:
            found[m.group(1).strip()] = found.get(m.group(1).strip(), 0.0) + float(m.group(2))
    return found


def tree(root):
    """path -> (inode, mtime_ns, size) of every file under root."""
    files = {}
    for d, _, names in os.walk(root):
        for name in names:
            p = os.path.join(d, name)
            st = os.lstat(p)
            files[os.path.relpath(p, root)] = (st.st_ino, st.st_mtime_ns, st.st_size)
    return files


def digest(root):
    h = hashlib.blake2b()
    for rel in sorted(tree(root)):
        h.update(rel.encode() + b"\0")
        with open(os.path.join(root, rel), "rb") as f:
            h.update(f.read())
    return h.hexdigest()


def generate(a, n):
    site = os.path.join(a.scratch, f"n{n}", "site")
    if not (a.keep and os.path.isfile(os.path.join(site, "vitrine.toml"))):
        t = time.perf_counter()
        subprocess.run([sys.executable, os.path.join(REPO, "benches", "gen_catalogue.py"), "--n", str(n),
                        "--seed", str(a.seed), "--out", site, "--force"], check=True, stdout=subprocess.DEVNULL)
        print(f"  (N={n}: catalogue generated in {time.perf_counter() - t:.1f} s)")
    return site


def build_cmd(a, bin_, site, out):
    return [bin_, "build", "--root", site, "--output", out, "--today", a.today]


def full_builds(a, bin_, n, site):
    out = os.path.join(a.scratch, f"n{n}", "public")
    env = dict(os.environ, VITRINE_TIMINGS="1")
    results = []
    for i in range(a.warmup + a.runs):
        remove(out)
        r = run(build_cmd(a, bin_, site, out), env=env)
        if i >= a.warmup:
            results.append(r)
    walls = [r[0] for r in results]
    cpu = statistics.median(r[1] for r in results)
    rss = max(r[2] for r in results)
    phases = {}
    for r in results:
        for k, v in timings(r[3]).items():
            phases.setdefault(k, []).append(v)
    phases = {k: statistics.median(v) for k, v in phases.items()}
    files = tree(out)
    size = sum(s for _, _, s in files.values())
    pages = sum(1 for p in files if p.endswith("index.html"))
    wall = statistics.median(walls)
    print(f"N={n}  wall {wall:.2f} s  CPU {cpu:.2f} s  peak RSS {rss:.0f} MiB  "
          f"files {len(files)} ({pages} pages)  output {size / MIB:.1f} MiB  runs [{' '.join(f'{w:.2f}' for w in walls)}] s")
    print(f"    per MOOC: wall {wall / n * 1e6:.0f} us  CPU {cpu / n * 1e6:.0f} us  RSS {rss * 1024 / n:.1f} KiB  "
          f"output {size / n / 1024:.1f} KiB")
    for k in PHASES:
        if k in phases:
            print(f"    {k:<18} {phases[k]:>10.1f} ms  {phases[k] * 1000 / n:>8.1f} us/MOOC")
    return {"wall": wall, "cpu": cpu, "rss": rss, "phases": phases, "out": out}


def edit_body(site):
    moocs = sorted(os.listdir(os.path.join(site, "content", "moocs")))
    path = os.path.join(site, "content", "moocs", moocs[len(moocs) // 2])
    with open(path, "a", encoding="utf-8") as f:
        f.write("\nUne phrase ajoutée pour le banc d’essai.\n")
    return os.path.relpath(path, site)


def edit_title(site):
    moocs = sorted(os.listdir(os.path.join(site, "content", "moocs")))
    path = os.path.join(site, "content", "moocs", moocs[len(moocs) // 3])
    text = open(path, encoding="utf-8").read()
    text = re.sub(r'^title = ".*"$', 'title = "Zzz un titre modifié pour le banc"', text, count=1, flags=re.M)
    open(path, "w", encoding="utf-8").write(text)
    return os.path.relpath(path, site)


def incremental(a, bin_, n, site, out):
    """Second builds into the output of the last full build."""
    env = dict(os.environ, VITRINE_TIMINGS="1")
    clean = os.path.join(a.scratch, f"n{n}", "clean")
    figures = {}
    for label, edit in [("no change", None), ("one MOOC's body", edit_body), ("one MOOC's title", edit_title)]:
        what = edit(site) if edit else ""
        time.sleep(0.2)  # older than the racy window of file stamps (src/load/cache.rs)
        before = tree(out)
        wall, cpu, rss, err = run(build_cmd(a, bin_, site, out), env=env)
        after = tree(out)
        written = sorted(p for p in after if before.get(p) is None or before[p][:2] != after[p][:2])
        removed = sorted(p for p in before if p not in after)
        remove(clean)
        run(build_cmd(a, bin_, site, clean))
        same = digest(clean) == digest(out)
        remove(clean)
        figures[label] = wall
        print(f"  second build, {label}{' (' + what + ')' if what else ''}: wall {wall:.3f} s  CPU {cpu:.2f} s  "
              f"peak RSS {rss:.0f} MiB  files written {len(written)}, removed {len(removed)}; "
              f"equals a clean build: {'yes' if same else 'NO'}")
        if written and len(written) <= 40:
            print("      written: " + " ".join(written))
        t = timings(err)
        if t:
            print("      " + "  ".join(f"{k} {v:.0f}" for k, v in t.items() if v >= 0.5) + " (ms)")
        if not same:
            figures["different"] = True
    return figures


def hugo(a, bin_, n):
    if not os.path.isfile(os.path.join(SHARED, "gen_sites.py")):
        print(f"  hugo: {SHARED}/gen_sites.py not found, skipped")
        return None
    if not os.access(a.hugo_bin, os.X_OK):
        print(f"  hugo: no {a.hugo_bin} (bash {SHARED}/install_hugo.sh), skipped")
        return None
    sites = os.path.join(a.scratch, f"side-n{n}")
    if not (a.keep and os.path.isdir(os.path.join(sites, "hugo"))):
        subprocess.run([sys.executable, os.path.join(SHARED, "gen_sites.py"), "--n", str(n), "--out", sites,
                        "--seed", str(a.seed), "--force"], check=True, stderr=subprocess.DEVNULL)
    vout, hout = os.path.join(a.scratch, "side-vpub"), os.path.join(a.scratch, "side-hpub")
    tools = {
        "vitrine": ([bin_, "build", "--output", vout, "--today", a.today], os.path.join(sites, "vitrine"), vout),
        "hugo": ([a.hugo_bin, "--quiet", "--destination", hout], os.path.join(sites, "hugo"), hout),
    }

    def once(k):
        cmd, cwd, out = tools[k]
        remove(out)
        return run(cmd, cwd=cwd)

    for k in tools:
        for _ in range(a.warmup):
            once(k)
    res = {k: [] for k in tools}
    ratios = []
    for i in range(a.runs):
        order = ["vitrine", "hugo"] if i % 2 == 0 else ["hugo", "vitrine"]
        got = {k: once(k) for k in order}
        for k in tools:
            res[k].append(got[k])
        ratios.append((got["vitrine"][0] / got["hugo"][0], got["vitrine"][2] / got["hugo"][2]))
    for k in tools:
        remove(tools[k][2])
    med = {k: (statistics.median(r[0] for r in v), statistics.median(r[1] for r in v), max(r[2] for r in v))
           for k, v in res.items()}
    for k, (w, c, r) in med.items():
        print(f"  {k:<8} N={n}: wall {w:.2f} s  CPU {c:.2f} s  peak RSS {r:.0f} MiB  "
              f"runs [{' '.join(f'{x[0]:.2f}' for x in res[k])}] s")
    wall_r = med["vitrine"][0] / med["hugo"][0]
    rss_r = med["vitrine"][2] / med["hugo"][2]
    pairs = " ".join(f"{w:.3f}/{r:.3f}" for w, r in ratios)
    print(f"  vitrine/hugo N={n}: wall {wall_r:.3f}, peak RSS {rss_r:.3f} "
          f"(medians; each pair wall/RSS: {pairs}); target <= 0.2: "
          f"{'met' if wall_r <= 0.2 and rss_r <= 0.2 else 'NOT met'}")
    return wall_r, rss_r


def remove(path):
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    # A build's siblings: its cache and the previous site (src/output/).
    parent, name = os.path.split(path.rstrip("/"))
    if os.path.isdir(parent):
        for entry in os.listdir(parent):
            if entry.startswith(f".{name}.vitrine-"):
                shutil.rmtree(os.path.join(parent, entry), ignore_errors=True)


def main():
    a = parse_args()
    bin_ = binary(a)
    os.makedirs(a.scratch, exist_ok=True)
    print(f"vitrine scale: {bin_}")
    print(f"  {os.cpu_count()} CPUs, scratch {a.scratch}, today {a.today}, seed {a.seed}, "
          f"{a.warmup} warm-up + {a.runs} measured build(s) per N; load average {os.getloadavg()[0]:.1f}")
    results = {}
    try:
        for n in a.n:
            site = generate(a, n)
            r = full_builds(a, bin_, n, site)
            if a.incremental:
                r["incremental"] = incremental(a, bin_, n, site, r["out"])
            if a.hugo and n <= a.hugo_max:
                r["hugo"] = hugo(a, bin_, n)
            results[n] = r
            if not a.keep:
                shutil.rmtree(os.path.join(a.scratch, f"n{n}"), ignore_errors=True)
                shutil.rmtree(os.path.join(a.scratch, f"side-n{n}"), ignore_errors=True)
    finally:
        if not a.keep:
            shutil.rmtree(a.scratch, ignore_errors=True)
    summary(results)


def summary(results):
    print("targets (issue 19):")
    if 250000 in results:
        r = results[250000]
        ok = r["wall"] <= 60 and r["rss"] <= 4096
        print(f"  N=250000: wall {r['wall']:.1f} s <= 60 s, peak RSS {r['rss']:.0f} MiB <= 4096: {'met' if ok else 'NOT met'}")
    if 10000 in results and results[10000].get("incremental"):
        inc = results[10000]["incremental"]
        worst = max(v for k, v in inc.items() if k != "different")
        print(f"  N=10000 second build after one edit: worst {worst:.3f} s <= 0.3 s: {'met' if worst <= 0.3 else 'NOT met'}")
    if len(results) > 1:
        base = min(results)
        print(f"  cost per MOOC against N={base} (wall, CPU):")
        for n, r in sorted(results.items()):
            w = (r["wall"] / n) / (results[base]["wall"] / base)
            c = (r["cpu"] / n) / (results[base]["cpu"] / base)
            print(f"    N={n}: {w:.2f}, {c:.2f}")


if __name__ == "__main__":
    main()
