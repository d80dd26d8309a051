#!/usr/bin/env bash
# Makes src/images/generated/font.ttf, the font the generated covers and
# marks are drawn with (src/images/generated/text.rs): DejaVu Sans Bold
# (Debian's fonts-dejavu-core; licence in src/images/generated/FONT-LICENSE),
# cut down to the Latin, Greek and Cyrillic letters, punctuation and signs,
# so that the binary carries ~100 KB instead of 700 KB.
# Needs fonttools (`pip install fonttools`).
set -euo pipefail
cd "$(dirname "$0")/.."
source_font=${1:-/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf}
pyftsubset "$source_font" \
  --unicodes='U+0020-007E,U+00A0-024F,U+0300-036F,U+0370-03FF,U+0400-04FF,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2212,U+FFFD' \
  --layout-features='' --no-hinting --desubroutinize \
  --drop-tables+=GSUB,GPOS,GDEF,kern,FFTM \
  --name-IDs='*' --output-file=src/images/generated/font.ttf
