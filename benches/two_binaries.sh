#!/usr/bin/env bash
# Is a change slower? `vitrine build` of the synthetic catalogue
# (benches/gen_catalogue.py, N MOOCs) with two binaries, OLD (before the
# change) and NEW, in turn: after one warm-up build with each, RUNS builds
# of each, in pairs whose order alternates (old then new, new then old…),
# so that a machine that slows down or speeds up during the run, and what
# a build leaves to the next (memory to free), weigh on both alike. Each build writes a fresh
# output folder (the previous one is removed before the build, untimed), as
# in scripts/bench.sh. Prints the runs, the medians of wall time, CPU time
# (user + system) and peak RSS, and the median of the ratios new/old of
# each pair of runs.
#
#   benches/two_binaries.sh OLD_BIN NEW_BIN
#   N=1000 RUNS=9 LANGUAGES=2 benches/two_binaries.sh OLD_BIN NEW_BIN
#   N=2000 INSTRUCTIONS=1 benches/two_binaries.sh OLD_BIN NEW_BIN
#
# With INSTRUCTIONS=1, each binary builds the site once under valgrind's
# callgrind instead, and the instructions each executed are printed: they
# do not depend on the machine's load, which times on a shared machine do
# (N=2000 takes a minute or two a binary).
#
# Environment:
#   N          MOOCs                                  (default 10000)
#   RUNS       measured builds per binary             (default 7)
#   LANGUAGES  1, or 2 for `languages = ["fr", "en"]`  (default 1)
#   SITE, OUT  site and output folders                (default /dev/shm/b2b, /dev/shm/b2b-out)
#   TODAY      --today                                (default 2026-11-23)
#   KEEP=1     keep the site and outputs at the end
set -euo pipefail

die() { echo "two_binaries: $*" >&2; exit 1; }
[[ $# -eq 2 ]] || die "usage: benches/two_binaries.sh OLD_BIN NEW_BIN"
old=$(realpath -- "$1") && [[ -x $old ]] || die "$1 is not an executable"
new=$(realpath -- "$2") && [[ -x $new ]] || die "$2 is not an executable"
repo=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
n=${N:-10000}
runs=${RUNS:-7}
languages=${LANGUAGES:-1}
site=${SITE:-/dev/shm/b2b}
out=${OUT:-/dev/shm/b2b-out}
today=${TODAY:-2026-11-23}
[[ $n =~ ^[1-9][0-9]*$ ]] || die "N: '$n' is not a positive integer"
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "RUNS: '$runs' is not a positive integer"
[[ $languages == 1 || $languages == 2 ]] || die "LANGUAGES: '$languages' is neither 1 nor 2"

# shellcheck source=benches/two_sites.sh
source "$repo/benches/two_sites.sh"
if [[ ${KEEP:-0} != 1 ]]; then
    trap 'rm -rf -- "$site" "$site-2" "$out" "$site.stderr"' EXIT
fi
two_sites "$n" "$site"
root=$site
[[ $languages == 2 ]] && root=$site-2

# One build with BIN into a fresh OUT: prints its wall time, CPU time (user
# + system, of the build and its threads) in seconds, and peak RSS in MiB.
build_once() {
    rm -rf -- "$out"
    python3 - "$1" "$root" "$out" "$today" "$site.stderr" <<'PY' || die "vitrine build with $1 failed"
import os, subprocess, sys, time
binary, root, output, today, log = sys.argv[1:]
start = time.perf_counter()
with open(log, "w") as err:
    child = subprocess.Popen([binary, "build", "--root", root, "--output", output, "--today", today],
                             stdout=subprocess.DEVNULL, stderr=err)
    _, status, usage = os.wait4(child.pid, 0)
    code = os.waitstatus_to_exitcode(status)
wall = time.perf_counter() - start
if code != 0:
    sys.stderr.write(open(log).read())
    sys.exit(1)
print(f"{wall:.3f} {usage.ru_utime + usage.ru_stime:.3f} {usage.ru_maxrss // 1024}")
PY
}

median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2); if (NR % 2) print v[m]; else printf "%.3f\n", (v[m] + v[m + 1]) / 2 }'
}

if [[ ${INSTRUCTIONS:-0} == 1 ]]; then
    command -v valgrind >/dev/null || die "valgrind is not installed"
    counts=()
    for bin in "$old" "$new"; do
        rm -rf -- "$out"
        count=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null \
            "$bin" build --root "$root" --output "$out" --today "$today" 2>&1 >/dev/null \
            | sed -n -E 's/^==[0-9]+== Collected : ([0-9]+)$/\1/p')
        [[ -n $count ]] || die "callgrind printed no count for $bin"
        counts+=("$count")
    done
    echo "instructions, N=$n, $languages language(s): old ${counts[0]}, new ${counts[1]}," \
        "new/old $(awk -v a="${counts[0]}" -v b="${counts[1]}" 'BEGIN { printf "%.4f", b / a }')"
    exit 0
fi

echo "two_binaries: N=$n, $languages language(s), 1 warm-up + $runs run(s) of each, in turn, $(nproc) CPU(s)" >&2
echo "  old: $old" >&2
echo "  new: $new" >&2
build_once "$old" >/dev/null
build_once "$new" >/dev/null
walls_old=() walls_new=() cpus_old=() cpus_new=() rss_old=() rss_new=() pairs=() cpu_pairs=()
for ((i = 0; i < runs; i++)); do
    if ((i % 2 == 0)); then
        read -r a ca ra < <(build_once "$old")
        read -r b cb rb < <(build_once "$new")
    else
        read -r b cb rb < <(build_once "$new")
        read -r a ca ra < <(build_once "$old")
    fi
    [[ -n ${a:-} && -n ${b:-} ]] || die "a build failed (its problems are above)"
    walls_old+=("$a") walls_new+=("$b") cpus_old+=("$ca") cpus_new+=("$cb") rss_old+=("$ra") rss_new+=("$rb")
    pairs+=("$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f", b / a }')")
    cpu_pairs+=("$(awk -v a="$ca" -v b="$cb" 'BEGIN { printf "%.3f", b / a }')")
done
echo "  old wall: ${walls_old[*]} s" >&2
echo "  new wall: ${walls_new[*]} s" >&2
echo "  new/old wall of each pair: ${pairs[*]}" >&2
echo "old: wall $(median "${walls_old[@]}") s, CPU $(median "${cpus_old[@]}") s, peak RSS $(median "${rss_old[@]}") MiB"
echo "new: wall $(median "${walls_new[@]}") s, CPU $(median "${cpus_new[@]}") s, peak RSS $(median "${rss_new[@]}") MiB"
echo "new/old: wall $(median "${pairs[@]}"), CPU $(median "${cpu_pairs[@]}") (medians of the pairs' ratios)"
