#!/usr/bin/env bash
# What only a second language pays for, function by function (issue 6):
# the synthetic catalogue (benches/gen_catalogue.py, N MOOCs) is built under
# callgrind with `languages = ["fr"]` and with `languages = ["fr", "en"]`,
# and the functions whose inclusive instruction count grows most between
# the two are printed. Instructions do not depend on the machine's load,
# so this shows the effect of a change where wall times on a shared
# machine cannot (benches/two_languages.sh gives the times).
#
#   benches/second_language_profile.sh          # N=2000, top 40
#   N=300 TOP=60 benches/second_language_profile.sh
#
# Environment: N (default 2000), TOP (default 40), SITE (default
# /dev/shm/b2lp), TODAY (default 2026-11-23), VITRINE_BIN (default
# target/release/vitrine, built if missing). Needs valgrind.
set -euo pipefail

repo=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
n=${N:-2000}
top=${TOP:-40}
site=${SITE:-/dev/shm/b2lp}
today=${TODAY:-2026-11-23}

die() { echo "second_language_profile: $*" >&2; exit 1; }
[[ $n =~ ^[1-9][0-9]*$ ]] || die "N: '$n' is not a positive integer"
[[ $top =~ ^[1-9][0-9]*$ ]] || die "TOP: '$top' is not a positive integer"
command -v valgrind >/dev/null && command -v callgrind_annotate >/dev/null || die "valgrind is not installed"

# shellcheck source=benches/two_sites.sh
source "$repo/benches/two_sites.sh"
bin=$(vitrine_bin)
site2=$site-2
trap 'rm -rf -- "$site" "$site2" "$site.out" "$site.cg1" "$site.cg2"' EXIT
two_sites "$n" "$site"

profile() {
    valgrind --tool=callgrind --callgrind-out-file="$2" \
        "$bin" build --root "$1" --output "$site.out" --today "$today" >/dev/null 2>&1 \
        || die "vitrine build of $1 failed under valgrind"
}
echo "second_language_profile: $bin, N=$n (two builds under callgrind, a minute or two)" >&2
profile "$site" "$site.cg1"
profile "$site2" "$site.cg2"

python3 - "$site.cg1" "$site.cg2" "$top" <<'PY'
import re, subprocess, sys

one, two, top = sys.argv[1], sys.argv[2], int(sys.argv[3])
line = re.compile(r"\s*([\d,]+) \([^)]*\)\s+(?:\S*?:)?(.*?) \[")

def counts(path):
    out = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", path],
                         capture_output=True, text=True, check=True).stdout
    total, per = 0, {}
    for text in out.splitlines():
        if "PROGRAM TOTALS" in text:
            total = int(text.split()[0].replace(",", ""))
            continue
        m = line.match(text)
        if m:
            name = m.group(2)
            per[name] = per.get(name, 0) + int(m.group(1).replace(",", ""))
    return total, per

t1, a = counts(one)
t2, b = counts(two)
print(f"instructions: one language {t1 / 1e9:.3f} G, two languages {t2 / 1e9:.3f} G, "
      f"the second language {(t2 - t1) / 1e9:.3f} G, ratio {t2 / t1:.3f}")
print("(a function that only several languages call shows its whole cost as growth: with several")
print(" languages, bodies are rendered through Bodies::from_next_door, once for both)")
print(f"{'one (M)':>9} {'two (M)':>9} {'growth':>9}  function (inclusive)")
skip = ("rayon", "std::", "core::ops::function", "<std::", "start_thread", "clone")
rows = sorted(((b.get(k, 0) - a.get(k, 0), k) for k in set(a) | set(b)), reverse=True)
shown = 0
for grow, name in rows:
    if shown == top or grow <= 0:
        break
    if name.startswith(skip) or "rayon" in name:
        continue
    print(f"{a.get(name, 0) / 1e6:9.1f} {b.get(name, 0) / 1e6:9.1f} {grow / 1e6:+9.1f}  {name[:110]}")
    shown += 1
PY
