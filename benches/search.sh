#!/usr/bin/env bash
# What the search index costs and what a visitor downloads (issue 5).
#
#   benches/search.sh                 # N=1000 and N=10000
#   BENCH_N=10000 benches/search.sh   # one size
#
# For each N: generate a site with benches/gen_catalogue.py on tmpfs, build
# it with the index and without (`search = false` in vitrine.toml), in
# alternation, BENCH_RUNS times each, and print the median wall times, peak
# RSS and their differences; then the index's size (files, bytes, gzip -6
# bytes); then, in headless Chromium (benches/search_browser.js), the bytes
# fetched for the first query's results (engine, manifest and table
# included) and for each further query, and the time from the input event
# to the results painted (cold, and median of 5 with the files cached).
# Needs python3, node and tests/browser's npm packages (npm ci there) and
# /usr/bin/chromium. VITRINE_BIN: the binary (default: cargo build --release).
set -euo pipefail
repo=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
sizes=${BENCH_N:-1000 10000}
runs=${BENCH_RUNS:-3}
today=2026-11-23

# shellcheck source=benches/release_bin.sh
source "$repo/benches/release_bin.sh"
[[ -d tests/browser/node_modules ]] || (cd tests/browser && npm ci --no-audit --no-fund >&2)
if [[ -d /dev/shm && -w /dev/shm ]]; then scratch=/dev/shm; else scratch=/tmp; fi
work=$(mktemp -d "$scratch/vitrine-search-bench.XXXXXX")
trap 'rm -rf -- "$work"' EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "vitrine search bench: $bin, $(nproc) CPUs, $runs run(s) each, output on $scratch"
for n in $sizes; do
    site=$work/site$n
    python3 benches/gen_catalogue.py --n "$n" --seed 1 --out "$site" >/dev/null
    cp -r "$site" "$site-nosearch"
    printf '\nsearch = false\n' >>"$site-nosearch/vitrine.toml"
    : >"$work/with"; : >"$work/without"
    for ((i = 0; i <= runs; i++)); do          # run 0 warms the caches
        for variant in with without; do
            src=$site; [[ $variant == without ]] && src=$site-nosearch
            rm -rf "$work/out-$variant"
            /usr/bin/time -f '%e %M' -o "$work/stats" "$bin" build --root "$src" --output "$work/out-$variant" \
                --today "$today" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
            ((i > 0)) && tail -n 1 "$work/stats" >>"$work/$variant"
        done
    done
    w_wall=$(cut -d' ' -f1 "$work/with" | median); o_wall=$(cut -d' ' -f1 "$work/without" | median)
    w_rss=$(cut -d' ' -f2 "$work/with" | sort -n | tail -1); o_rss=$(cut -d' ' -f2 "$work/without" | sort -n | tail -1)
    files=$(find "$work/out-with/search" -type f | wc -l)
    bytes=$(du -sb "$work/out-with/search" | cut -f1)
    gz=$(find "$work/out-with/search" -type f -exec sh -c 'gzip -6 -c "$1" | wc -c' _ {} \; | awk '{ s += $1 } END { print s }')
    echo
    echo "N=$n"
    awk -v a="$w_wall" -v b="$o_wall" -v c="$w_rss" -v d="$o_rss" 'BEGIN {
        printf "  build with index %.2f s, without %.2f s: index adds %.2f s\n", a, b, a - b
        printf "  peak RSS with %.0f MiB, without %.0f MiB: index adds %.0f MiB\n", c / 1024, d / 1024, (c - d) / 1024 }'
    awk -v f="$files" -v b="$bytes" -v g="$gz" 'BEGIN {
        printf "  index (one language): %d files, %.1f MiB, %.1f MiB gzip\n", f, b / 1048576, g / 1048576 }'
    node benches/search_browser.js "$work/out-with" | sed 's/^/  /'
done
