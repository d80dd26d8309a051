#!/usr/bin/env bash
# What images cost (issue 18): a site of BENCH_N MOOCs (default 200), each
# with a cover photo of 3000 x 2000 pixels (examples/photo_site.rs), built
# twice with an empty cache and then again with the cache full. Prints the
# wall time of each build and the time spent on images (planning the queue:
# reading, hashing and probing each file; then making the files: decoding,
# resizing and encoding, or reading the cache), from VITRINE_TIMINGS, and
# the cached rebuild's image time as a share of the first build's.
#
#   benches/images.sh
#   BENCH_N=50 BENCH_SIZE="1600 1200" benches/images.sh
#
# VITRINE_BIN: the binary (default: cargo build --release). The site, its
# output and its cache are in a temporary folder, removed at the end.
set -euo pipefail
repo=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
n=${BENCH_N:-200}
read -r width height <<<"${BENCH_SIZE:-3000 2000}"
target_dir=${CARGO_TARGET_DIR:-target}
[[ $target_dir == /* ]] || target_dir=$repo/$target_dir
cargo build --release --example photo_site >&2
if [[ -n ${VITRINE_BIN:-} ]]; then
    bin=$VITRINE_BIN
else
    cargo build --release >&2
    bin=$target_dir/release/vitrine
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$target_dir/release/examples/photo_site" "$tmp/site" "$n" "$width" "$height"
du -sh "$tmp/site/content" | awk '{print "sources: " $1}'

# One build: prints "wall_ms plan_ms make_ms encoded cached".
build() {
    local start end log
    log=$tmp/log
    start=$(date +%s%N)
    VITRINE_TIMINGS=1 "$bin" build --root "$tmp/site" --output "$tmp/out" --cache-dir "$tmp/cache" \
        --today 2026-11-23 >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
    end=$(date +%s%N)
    local plan make counts
    plan=$(awk '/timing: images plan/ {print $(NF-1)}' "$log")
    make=$(awk '/timing: images  / {print $(NF-1)}' "$log")
    counts=$(sed -n 's/.*Images: [0-9]* ([0-9]* files, \([0-9]*\) encoded, \([0-9]*\) from the cache.*/\1 \2/p' "$log")
    echo "$(( (end - start) / 1000000 )) $plan $make $counts"
}

rm -rf "$tmp/cache"
read -r wall1 plan1 make1 enc1 hit1 < <(build)
read -r wall2 plan2 make2 enc2 hit2 < <(build)
printf '%-22s %9s %13s %13s %8s %8s\n' build "wall ms" "images plan" "images make" encoded cached
printf '%-22s %9s %13s %13s %8s %8s\n' "first (empty cache)" "$wall1" "$plan1" "$make1" "$enc1" "$hit1"
printf '%-22s %9s %13s %13s %8s %8s\n' "again (cache full)" "$wall2" "$plan2" "$make2" "$enc2" "$hit2"
awk -v p1="$plan1" -v m1="$make1" -v p2="$plan2" -v m2="$make2" \
    'BEGIN { printf "cached rebuild: %.1f ms on images, %.2f%% of the first build'"'"'s %.1f ms (target: <= 5%%)\n", p2 + m2, 100 * (p2 + m2) / (p1 + m1), p1 + m1 }'
