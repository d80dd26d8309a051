#!/usr/bin/env bash
# Runs each fuzz target of fuzz/ for SECONDS seconds, one after the other
# (docs/fuzzing.md), with libFuzzer through cargo-fuzz on the stable
# toolchain (RUSTC_BOOTSTRAP=1 lets stable take the -Z flags cargo-fuzz
# passes). Seeds the corpora from content/ and tests/fixtures/, limits each
# input's time and memory, prints executions per target, and exits non-zero
# when a target crashed (the input is kept in fuzz/artifacts/TARGET/).
# Usage: scripts/fuzz.sh SECONDS [TARGET...]
#   Needs cargo-fuzz: `cargo install cargo-fuzz --locked` (done here if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:?usage: scripts/fuzz.sh SECONDS [TARGET...]}"
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(load dates markdown search site)

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
# Fuzz targets are built apart from the project's own target folder.
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$PWD/fuzz/target}"

# Seed corpora: every content file of the bundled catalogue and the test
# fixtures, with the first byte the targets read as "which kind of file".
# For the site target: the index in its FILES of each kind's file.
build_file=(0 3 4 5 6 7 8 10)
seed() {
  local target="$1" dir="fuzz/corpus/$1" i=0 f kind
  mkdir -p "$dir"
  [ -n "$(ls -A "$dir")" ] && return 0
  while IFS= read -r -d '' f; do
    i=$((i + 1))
    case "$f" in
      */moocs/*) kind=0 ;; */parcours/*) kind=1 ;; */platforms/*) kind=2 ;;
      */institutions/*) kind=3 ;; */schedules/*) kind=4 ;; */subjects/*) kind=5 ;;
      */pages/*) kind=6 ;; *) kind=7 ;;
    esac
    case "$target" in
      load) { printf "\\x$(printf %02x "$kind")"; cat "$f"; } >"$dir/seed-$i" ;;
      site) { printf "\\x$(printf %02x "${build_file[$kind]}")"; cat "$f"; } >"$dir/seed-$i" ;;
      markdown | search) cat "$f" >"$dir/seed-$i" ;;
      dates) grep -ohE '20[0-9]{2}-([0-9]{2}-[0-9]{2}|[TQ][1-4]|[0-9]{2})' "$f" | head -n 2 | paste -sd '|' >"$dir/seed-$i" ;;
    esac
  done < <(find content tests/fixtures -name '*.md' -print0 | sort -z)
}

# No sanitizer: the code under test is safe Rust (ASan would halve the
# executions for nothing); debug assertions catch overflows.
flags=(--fuzz-dir fuzz --sanitizer none --release --debug-assertions)
cargo fuzz build "${flags[@]}"
triple="$(rustc -vV | sed -n 's/^host: //p')"
status=0
summary=()
for t in "${targets[@]}"; do
  seed "$t"
  case "$t" in site) max_len=65536 ;; *) max_len=262144 ;; esac
  log="fuzz/target/$t.log"
  mkdir -p "fuzz/artifacts/$t" "$(dirname "$log")"
  echo "== $t: ${seconds}s"
  # -timeout: seconds per input (a hang is a crash); -rss_limit_mb and
  # -malloc_limit_mb: memory per process and per allocation.
  # The binaries built above are run directly, so that editing the code
  # while the script runs changes nothing.
  if "$CARGO_TARGET_DIR/$triple/release/$t" "fuzz/corpus/$t" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 \
    -max_len="$max_len" -print_final_stats=1 -artifact_prefix="fuzz/artifacts/$t/" >"$log" 2>&1; then
    result="ok"
  else
    result="CRASH (see $log and fuzz/artifacts/$t/)"
    status=1
  fi
  rm -rf "${TMPDIR:-/tmp}"/vitrine-fuzz-build-*  # the site target's copies of the fixture
  execs="$(sed -n -E 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$log" | tail -n 1)"
  summary+=("$(printf '%-9s %12s executions  %s' "$t" "${execs:-?}" "$result")")
done
printf '%s\n' "${summary[@]}"
exit "$status"
