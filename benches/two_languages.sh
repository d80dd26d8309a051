#!/usr/bin/env bash
# What a second language costs (issue 6): `vitrine build` of the synthetic
# catalogue (benches/gen_catalogue.py, N MOOCs) with `languages = ["fr"]`,
# and of the same site with `languages = ["fr", "en"]` (no translation
# file: the English tree falls back to the French text). After one warm-up
# build of each, the two are built in turn, RUNS times each (one, two, one,
# two…), so that a machine that slows down or speeds up during the run
# weighs on both alike. As in the foundation benchmark (scripts/bench.sh),
# each build writes a fresh output folder: the previous one is removed
# before the build, untimed (a CI build of a fresh clone). With
# OUTPUT=replace, each variant instead keeps its own output folder, and
# each build replaces an output of its own size (the build then also
# removes the old site, as repeated local builds do). Prints the runs, the
# medians and their ratio (target: <= 1.6), the median of the ratios of
# each pair of runs, and the same for CPU time (user + system).
#
#   benches/two_languages.sh                 # N=10000, 5 runs each, in /dev/shm/b2l
#   N=1000 RUNS=9 benches/two_languages.sh
#
# Environment:
#   N            MOOCs                        (default 10000)
#   RUNS         measured builds per variant  (default 5; medians reported)
#   SITE, OUT    site and output folders      (default /dev/shm/b2l, /dev/shm/b2l-out;
#                the two-language variant uses SITE-2 and OUT-2)
#   TODAY        --today                      (default 2026-11-23)
#   OUTPUT       fresh (default) or replace, see above
#   VITRINE_BIN  the binary (default: target/release/vitrine, or
#                $CARGO_TARGET_DIR/release/vitrine; built if missing)
#   KEEP=1       keep the sites and outputs at the end (removed by default)
# Exit status: 0, or 3 when the ratio is above 1.6 and STRICT=1.
set -euo pipefail

repo=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
n=${N:-10000}
runs=${RUNS:-5}
site=${SITE:-/dev/shm/b2l}
out=${OUT:-/dev/shm/b2l-out}
today=${TODAY:-2026-11-23}
target=1.6

die() { echo "two_languages: $*" >&2; exit 1; }
[[ $n =~ ^[1-9][0-9]*$ ]] || die "N: '$n' is not a positive integer"
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "RUNS: '$runs' is not a positive integer"
output_mode=${OUTPUT:-fresh}
[[ $output_mode == fresh || $output_mode == replace ]] || die "OUTPUT: '$output_mode' is neither fresh nor replace"

# shellcheck source=benches/two_sites.sh
source "$repo/benches/two_sites.sh"
bin=$(vitrine_bin)
site2=$site-2
out2=$out-2
if [[ ${KEEP:-0} != 1 ]]; then
    trap 'rm -rf -- "$site" "$out" "$site2" "$out2" "$site.stderr"' EXIT
fi
two_sites "$n" "$site"

# One build of SITE into OUT, timed: prints its wall time and its CPU time
# (user + system, of the build and its threads) in seconds.
build_once() {
    local root=$1 output=$2
    if [[ $output_mode == fresh ]]; then
        rm -rf -- "$output"
    fi
    python3 - "$bin" "$root" "$output" "$today" "$site.stderr" <<'PY' || die "vitrine build of $root failed"
import os, resource, subprocess, sys, time
binary, root, output, today, log = sys.argv[1:]
before = resource.getrusage(resource.RUSAGE_CHILDREN)
start = time.perf_counter()
with open(log, "w") as err:
    code = subprocess.run([binary, "build", "--root", root, "--output", output, "--today", today],
                          stdout=subprocess.DEVNULL, stderr=err).returncode
wall = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_CHILDREN)
if code != 0:
    sys.stderr.write(open(log).read())
    sys.exit(1)
cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
print(f"{wall:.3f} {cpu:.3f}")
PY
}

median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2); if (NR % 2) print v[m]; else printf "%.3f\n", (v[m] + v[m + 1]) / 2 }'
}

echo "two_languages: $bin, N=$n, 1 warm-up + $runs run(s) of each, in turn, $(nproc) CPU(s), $output_mode output" >&2
build_once "$site" "$out" >/dev/null
build_once "$site2" "$out2" >/dev/null
ones=() twos=() pairs=() cpu_ones=() cpu_twos=()
for ((i = 0; i < runs; i++)); do
    read -r a ca < <(build_once "$site" "$out")
    read -r b cb < <(build_once "$site2" "$out2")
    [[ -n ${a:-} && -n ${b:-} ]] || die "a build failed (its problems are above)"
    ones+=("$a")
    twos+=("$b")
    cpu_ones+=("$ca")
    cpu_twos+=("$cb")
    pairs+=("$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f", b / a }')")
done
echo "  one language : runs ${ones[*]} s" >&2
echo "  two languages: runs ${twos[*]} s" >&2
echo "  ratio of each pair: ${pairs[*]}" >&2
echo "  pages: $(find "$out" -name index.html | wc -l) with one language, $(find "$out2" -name index.html | wc -l) with two" >&2
one=$(median "${ones[@]}")
two=$(median "${twos[@]}")
ratio=$(awk -v a="$one" -v b="$two" 'BEGIN { printf "%.2f", b / a }')
cpu_one=$(median "${cpu_ones[@]}")
cpu_two=$(median "${cpu_twos[@]}")
echo "  CPU time (user + system): one language $cpu_one s, two languages $cpu_two s, ratio $(awk -v a="$cpu_one" -v b="$cpu_two" 'BEGIN { printf "%.2f", b / a }')" >&2
echo "one language: $one s, two languages: $two s, ratio $ratio (target <= $target), median ratio of pairs $(median "${pairs[@]}")"
if [[ ${STRICT:-0} == 1 ]] && awk -v r="$ratio" -v t="$target" 'BEGIN { exit !(r > t) }'; then
    exit 3
fi
