#!/usr/bin/env bash
# What a second language costs (issue 6): `vitrine build` of the synthetic
# catalogue (benches/gen_catalogue.py, N MOOCs) with `languages = ["fr"]`,
# then the same site with `languages = ["fr", "en"]` (no translation file:
# the English tree falls back to the French text), RUNS timed builds each
# after one warm-up; prints the medians and their ratio (target: <= 1.6).
#
#   benches/two_languages.sh                 # N=10000, 3 runs, in /dev/shm/b2l
#   N=1000 RUNS=5 benches/two_languages.sh
#
# Environment:
#   N            MOOCs                        (default 10000)
#   RUNS         measured builds per variant  (default 3; median reported)
#   SITE, OUT    site and output folders      (default /dev/shm/b2l, /dev/shm/b2l-out)
#   TODAY        --today                      (default 2026-11-23)
#   VITRINE_BIN  the binary (default: target/release/vitrine, or
#                $CARGO_TARGET_DIR/release/vitrine; built if missing)
#   KEEP=1       keep SITE and OUT at the end (removed by default)
# Exit status: 0, or 3 when the ratio is above 1.6 and STRICT=1.
set -euo pipefail

repo=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
n=${N:-10000}
runs=${RUNS:-3}
site=${SITE:-/dev/shm/b2l}
out=${OUT:-/dev/shm/b2l-out}
today=${TODAY:-2026-11-23}
target=1.6

die() { echo "two_languages: $*" >&2; exit 1; }
[[ $n =~ ^[1-9][0-9]*$ ]] || die "N: '$n' is not a positive integer"
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "RUNS: '$runs' is not a positive integer"

if [[ -n ${VITRINE_BIN:-} ]]; then
    bin=$VITRINE_BIN
else
    target_dir=${CARGO_TARGET_DIR:-target}
    [[ $target_dir == /* ]] || target_dir=$repo/$target_dir
    bin=$target_dir/release/vitrine
    [[ -x $bin ]] || (cd "$repo" && cargo build --release)
fi
[[ -x $bin ]] || die "no executable vitrine at $bin"

if [[ ${KEEP:-0} != 1 ]]; then
    trap 'rm -rf -- "$site" "$out"' EXIT
fi

python3 "$repo/benches/gen_catalogue.py" --n "$n" --out "$site" --force >/dev/null
config=$site/vitrine.toml
grep -q '^languages = \["fr"\]$' "$config" || die "$config has no line languages = [\"fr\"]"

# One build, timed: prints its wall time in seconds.
build_once() {
    local start end
    start=$EPOCHREALTIME
    if ! "$bin" build --root "$site" --output "$out" --today "$today" >/dev/null 2>"$site.stderr"; then
        cat "$site.stderr" >&2
        die "vitrine build failed"
    fi
    end=$EPOCHREALTIME
    rm -f -- "$site.stderr"
    python3 -c "print(f'{$end - $start:.3f}')"
}

# Median of RUNS builds after one warm-up; the runs go to stderr.
median_of_runs() {
    local label=$1 times=()
    build_once >/dev/null
    for ((i = 0; i < runs; i++)); do
        times+=("$(build_once)")
    done
    echo "  $label: runs ${times[*]} s" >&2
    printf '%s\n' "${times[@]}" | sort -g | awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2); if (NR % 2) print v[m]; else printf "%.3f\n", (v[m] + v[m + 1]) / 2 }'
}

echo "two_languages: $bin, N=$n, $runs run(s) + 1 warm-up each, $(nproc) CPU(s)" >&2
one=$(median_of_runs "one language ")
pages_one=$(find "$out" -name index.html | wc -l)
sed -i 's/^languages = \["fr"\]$/languages = ["fr", "en"]/' "$config"
two=$(median_of_runs "two languages")
pages_two=$(find "$out" -name index.html | wc -l)
sed -i 's/^languages = \["fr", "en"\]$/languages = ["fr"]/' "$config"
echo "  pages: $pages_one with one language, $pages_two with two" >&2

ratio=$(awk -v a="$one" -v b="$two" 'BEGIN { printf "%.2f", b / a }')
echo "one language: $one s, two languages: $two s, ratio $ratio (target <= $target)"
if [[ ${STRICT:-0} == 1 ]] && awk -v r="$ratio" -v t="$target" 'BEGIN { exit !(r > t) }'; then
    exit 3
fi
