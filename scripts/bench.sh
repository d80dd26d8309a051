#!/usr/bin/env bash
# Benchmark `vitrine build` on synthetic catalogues (benches/README.md).
#
#   scripts/bench.sh                       # cargo build --release, N=1000 and N=10000
#   BENCH_N="10000" scripts/bench.sh       # one size only
#
# For each N: generate a site with benches/gen_catalogue.py on tmpfs
# (/dev/shm, else /tmp), run `vitrine build` once as a warm-up and then
# BENCH_RUNS times, and print the median wall time, the peak RSS, the number
# of pages (index.html files), files and bytes written. Everything generated
# is removed at the end. Exits non-zero, with the build's stderr, if a build
# fails.
#
# Environment:
#   BENCH_N        sizes to run                   (default "1000 10000")
#   BENCH_RUNS     measured runs per size         (default 3; median reported)
#   BENCH_WARMUP   unmeasured runs before them    (default 1)
#   BENCH_SEED     generator seed                 (default 1)
#   BENCH_TODAY    --today given to vitrine       (default 2026-11-23)
#   BENCH_KEEP     if 1, keep the output between runs: each measured run
#                  replaces the site the previous run built (a second build,
#                  which takes card images from it) instead of a clean build
#   BENCH_STRICT   if 1, exit 3 when N=10000 misses its target (4 s, 800 MiB)
#   VITRINE_BIN    use this binary, skip `cargo build`
#   CARGO_TARGET_DIR  respected: the binary is $CARGO_TARGET_DIR/release/vitrine
set -euo pipefail

repo=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

sizes=${BENCH_N:-1000 10000}
runs=${BENCH_RUNS:-3}
warmup=${BENCH_WARMUP:-1}
seed=${BENCH_SEED:-1}
today=${BENCH_TODAY:-2026-11-23}
strict=${BENCH_STRICT:-0}
keep=${BENCH_KEEP:-0}
target_wall=4.0      # seconds, N=10000, 2 cores, output on tmpfs
target_rss=800       # MiB

die() { echo "bench: $*" >&2; exit 1; }

for n in $sizes; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || die "BENCH_N: '$n' is not a positive integer"
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS: '$runs' is not a positive integer"
[[ $warmup =~ ^[0-9]+$ ]] || die "BENCH_WARMUP: '$warmup' is not a number"

# --- the binary --------------------------------------------------------------
if [[ -n ${VITRINE_BIN:-} ]]; then
    bin=$VITRINE_BIN
else
    cargo build --release
    target_dir=${CARGO_TARGET_DIR:-target}
    [[ $target_dir == /* ]] || target_dir=$repo/$target_dir   # cargo: relative to cwd
    bin=$target_dir/release/vitrine
fi
[[ -x $bin ]] || die "no executable vitrine at $bin"

# --- scratch space (tmpfs when possible), removed on any exit ---------------
if [[ -d /dev/shm && -w /dev/shm ]]; then scratch=/dev/shm; else scratch=/tmp; fi
work=$(mktemp -d "$scratch/vitrine-bench.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- timer: GNU time if it works, else a small python3 wrapper --------------
# Both write "<wall seconds> <peak RSS KiB>" as the last line of a file.
if [[ -x /usr/bin/time ]] && /usr/bin/time -f '%e %M' -o /dev/null true 2>/dev/null; then
    timer=gnu-time
else
    timer=python3
    cat >"$work/timer.py" <<'PY'
import resource, subprocess, sys, time
stats, cmd = sys.argv[1], sys.argv[2:]
t = time.perf_counter()
rc = subprocess.call(cmd)
wall = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
if sys.platform == "darwin":
    rss //= 1024                                                # bytes there
with open(stats, "w") as f:
    f.write("%.3f %d\n" % (wall, rss))
sys.exit(rc if rc >= 0 else 128 - rc)
PY
fi

# measure STATS OUT ERR CMD...: run CMD, stdout to OUT, stderr to ERR.
measure() {
    local stats=$1 out=$2 err=$3
    shift 3
    if [[ $timer == gnu-time ]]; then
        /usr/bin/time -f '%e %M' -o "$stats" "$@" >"$out" 2>"$err"
    else
        python3 "$work/timer.py" "$stats" "$@" >"$out" 2>"$err"
    fi
}

median() { sort -g | awk '{ v[NR] = $1 }
    END { if (NR % 2) printf "%.2f", v[(NR + 1) / 2];
          else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "vitrine bench: $bin"
echo "  $(nproc 2>/dev/null || echo '?') CPUs, scratch $work, timer $timer," \
     "today $today, seed $seed, $warmup warm-up + $runs measured run(s) per N"

status=0
for n in $sizes; do
    dir=$work/n$n
    site=$dir/site
    public=$dir/public
    mkdir -p "$dir"

    t0=$(date +%s.%N)
    python3 "$repo/benches/gen_catalogue.py" --n "$n" --seed "$seed" --out "$site" 2>"$dir/gen.err" \
        || { cat "$dir/gen.err" >&2; die "generator failed for N=$n"; }
    gen_s=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')

    walls=()
    rss_max=0
    for ((i = 1; i <= warmup + runs; i++)); do
        [[ $keep == 1 ]] || rm -rf -- "$public"
        cmd=("$bin" build --root "$site" --output "$public" --today "$today")
        if ! measure "$dir/stats" "$dir/build.out" "$dir/build.err" "${cmd[@]}"; then
            echo "bench: build failed at N=$n (run $i): ${cmd[*]}" >&2
            echo "----- stderr -----" >&2
            cat "$dir/build.err" >&2
            if [[ -s $dir/build.out ]]; then
                echo "----- stdout (last 20 lines) -----" >&2
                tail -n 20 "$dir/build.out" >&2
            fi
            exit 1
        fi
        if [[ ! -d $public ]]; then
            echo "bench: build exited 0 but wrote nothing at $public (N=$n): ${cmd[*]}" >&2
            cat "$dir/build.err" >&2
            exit 1
        fi
        ((i > warmup)) || continue
        read -r wall rss < <(tail -n 1 "$dir/stats")
        walls+=("$wall")
        if ((rss > rss_max)); then rss_max=$rss; fi
    done

    wall_med=$(printf '%s\n' "${walls[@]}" | median)
    rss_mib=$(( (rss_max + 512) / 1024 ))
    pages=$(find "$public" -type f -name index.html | wc -l)
    files=$(find "$public" -type f | wc -l)
    bytes=$(find "$public" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')

    printf 'N=%s  wall=%s s  peak_rss=%s MiB  pages=%s\n' "$n" "$wall_med" "$rss_mib" "$pages"
    printf '    files=%s  output=%.1f MiB  runs=[%s] s  (generation %s s)\n' \
        "$files" "$(awk -v b="$bytes" 'BEGIN { print b / 1048576 }')" "${walls[*]}" "$gen_s"
    if ((n == 10000)); then
        if awk -v w="$wall_med" -v r="$rss_mib" -v tw="$target_wall" -v tr="$target_rss" \
               'BEGIN { exit !(w <= tw && r <= tr) }'; then
            verdict=ok
        else
            verdict=MISSED
            if [[ $strict == 1 ]]; then status=3; fi
        fi
        printf '    target N=10000: wall <= %s s, peak_rss <= %s MiB: %s\n' \
            "$target_wall" "$target_rss" "$verdict"
    fi
    rm -rf -- "$dir"     # free tmpfs before the next size
done
exit "$status"
