#!/usr/bin/env bash
# How long the printable brochure takes (issue 22: at most 2 s for the
# bundled catalogue), as a figure, never as a timed test:
#
#   benches/brochure.sh               # BENCH_RUNS=10 runs of each
#
# Times, with the release binary, `vitrine brochure` on the bundled
# catalogue (the repository's own site): the DNM2IP parcours in French and
# in English, and the whole catalogue (every MOOC, every schedule); each
# run loads and checks the site, as the command does. Prints the median and
# the slowest wall time, the peak RSS and the PDF's pages and bytes. Then
# the full build of the bundled site with and without `[brochure]` (which
# writes the brochure of each of its 3 parcours in 2 languages).
# Needs pdfinfo (Debian's poppler-utils). VITRINE_BIN: the binary
# (default: cargo build --release).
set -euo pipefail
repo=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
runs=${BENCH_RUNS:-10}
today=2026-11-23

# shellcheck source=benches/release_bin.sh
source "$repo/benches/release_bin.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Median and max of the numbers on stdin.
stats() { sort -n | awk '{a[NR]=$1} END {printf "median %.3f s, max %.3f s", a[int((NR+1)/2)], a[NR]}'; }

measure() { # label, then the command's arguments
    local label=$1; shift
    : > "$work/times"
    local rss=0
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %M" -o "$work/t" "$bin" "$@" 2>/dev/null
        read -r wall kb < "$work/t"
        echo "$wall" >> "$work/times"
        (( kb > rss )) && rss=$kb
    done
    printf '%-34s %s, peak RSS %d MiB' "$label" "$(stats < "$work/times")" $(( rss / 1024 ))
}

for what in "dnm2ip fr" "dnm2ip en" "- fr"; do
    set -- $what
    out="$work/brochure.pdf"
    args=(brochure --root "$repo" --today "$today" --lang "$2" --output "$out")
    [[ $1 != - ]] && args+=(--parcours "$1")
    label="brochure ${1/-/catalogue} ($2)"
    measure "$label" "${args[@]}"
    printf ', %s pages, %s bytes\n' "$(pdfinfo "$out" | awk '/^Pages:/ {print $2}')" "$(stat -c %s "$out")"
done

# The build, with and without [brochure] (a copy of the site without it).
mkdir -p "$work/plain"
cp -r "$repo/content" "$repo/themes" "$work/plain/"
awk '/^\[brochure\]/ {skip=1; next} /^\[/ {skip=0} !skip' "$repo/vitrine.toml" > "$work/plain/vitrine.toml"
measure "build with [brochure] (6 PDFs)" build --root "$repo" --output "$work/site" --today "$today"; echo
measure "build without [brochure]" build --root "$work/plain" --output "$work/site2" --today "$today"; echo
