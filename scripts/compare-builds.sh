#!/usr/bin/env bash
# Builds the same sites with two vitrine binaries and compares what they
# produce, byte for byte: a change that must not change what users see
# (a refactoring, a speed-up) is checked with it.
#
#   scripts/compare-builds.sh OLD_BIN NEW_BIN
#
# The sites, each built with both binaries as of the same day:
#
#   bundled     the catalogue of this repository (two languages, every kind
#               of content, translations);
#   base-path   the same under a base path (`--base-url .../catalogue`);
#   broken      tests/fixtures/broken, checked (`vitrine check`): a site full
#               of mistakes, whose problems must be reported the same way;
#   synthetic   benches/gen_catalogue.py's catalogue of COMPARE_N MOOCs
#               (default 1000), made bilingual: `languages = ["fr", "en"]`,
#               English files for a MOOC in four (with translated subject
#               labels), every platform, an institution in three, the free
#               pages and the home page, plus subject pages and a schedule,
#               also translated. Built with `--missing-translations`.
#
# For each site it compares the output folders (every file, its bytes, and
# which files exist), the problems printed (`--message-format json`), the
# other lines printed and the exit codes (for `broken`, the last two). It prints one line per site and
# `identical` at the end, or the differences (at most 20 files per site) and
# exits 1. Everything is built on tmpfs when there is one, and removed.
#
# Environment: COMPARE_N (default 1000), COMPARE_TODAY (default 2026-11-23),
# KEEP=1 keeps the scratch folder (its path is printed), OLD_REPO=DIR: a
# checkout of the old binary's commit, whose bundled catalogue and theme
# the old binary builds (default: this repository for both; needed when
# the change touches the theme, which the bundled site reads from its
# folder).
set -euo pipefail

die() { echo "compare-builds: $*" >&2; exit 2; }

[[ $# -eq 2 ]] || die "usage: scripts/compare-builds.sh OLD_BIN NEW_BIN"
old=$(realpath -- "$1") || die "no $1"
new=$(realpath -- "$2") || die "no $2"
[[ -x $old ]] || die "$old is not executable"
[[ -x $new ]] || die "$new is not executable"
n=${COMPARE_N:-1000}
today=${COMPARE_TODAY:-2026-11-23}
[[ $n =~ ^[1-9][0-9]*$ ]] || die "COMPARE_N: '$n' is not a positive integer"

repo=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
old_repo=$(cd -- "${OLD_REPO:-$repo}" && pwd) || die "no OLD_REPO $OLD_REPO"
if [[ -d /dev/shm && -w /dev/shm ]]; then scratch=/dev/shm; else scratch=/tmp; fi
work=$(mktemp -d "$scratch/vitrine-compare.XXXXXX")
if [[ ${KEEP:-0} == 1 ]]; then
    echo "scratch folder kept: $work"
else
    trap 'rm -rf -- "$work"' EXIT
fi

# --- the synthetic bilingual site --------------------------------------------
synthetic=$work/synthetic
python3 "$repo/benches/gen_catalogue.py" --n "$n" --seed 1 --out "$synthetic" >/dev/null 2>&1 \
    || die "benches/gen_catalogue.py failed"
python3 - "$synthetic" <<'PY'
"""Makes the generated site bilingual, with translation files of every kind."""
import os, sys, tomllib, unicodedata

site = sys.argv[1]
content = os.path.join(site, "content")


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def slugify(label):
    folded = "".join(c for c in unicodedata.normalize("NFD", label.lower()) if not unicodedata.combining(c))
    folded = folded.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")
    return "-".join("".join(c if c.isascii() and c.isalnum() else " " for c in folded).split())


def front(path):
    text = open(path, encoding="utf-8").read()
    _, fm, body = text.split("+++\n", 2)
    return tomllib.loads(fm), body


def write(path, lines, body=""):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("+++\n" + "\n".join(lines) + "\n+++\n" + body)


toml_path = os.path.join(site, "vitrine.toml")
config = open(toml_path, encoding="utf-8").read()
assert 'languages = ["fr"]\n' in config, "the generator's vitrine.toml changed"
config = config.replace('languages = ["fr"]\n', 'languages = ["fr", "en"]\n') + 'title_en = "MOOC catalogue"\n'
open(toml_path, "w", encoding="utf-8").write(config)

moocs = sorted(f[:-3] for f in os.listdir(os.path.join(content, "moocs")) if f.endswith(".md"))
write(os.path.join(content, "_index.en.md"), ["title = " + q("Our MOOCs")],
      "\nWelcome; start with [this course](@/moocs/%s.md).\n" % moocs[0])
first_with = {}
for i, slug in enumerate(moocs):
    fm, body = front(os.path.join(content, "moocs", slug + ".md"))
    for s in fm.get("subjects", []):
        first_with.setdefault(s, slug)
    if i % 4:
        continue
    lines = ["title = " + q(fm["title"] + " (in English)"),
             "summary = " + q(("In English: " + fm["summary"])[:300]),
             "subjects = [" + ", ".join(q(s + " (en)") for s in fm["subjects"]) + "]"]
    if i % 8 == 0:
        lines.append("teachers = [" + ", ".join(q(t) for t in reversed(fm["teachers"])) + "]")
    # The English body keeps the French one's links.
    write(os.path.join(content, "moocs", slug + ".en.md"), lines, "\nIn English.\n\n" + body)

for kind, every in (("platforms", 1), ("institutions", 3), ("pages", 1)):
    names = sorted(n for n in os.listdir(os.path.join(content, kind)) if n.endswith(".md"))
    for name in names[::every]:
        fm, body = front(os.path.join(content, kind, name))
        lines = ["title = " + q(fm["title"] + " (EN)")]
        if "summary" in fm:
            lines.append("summary = " + q(("EN " + fm["summary"])[:300]))
        write(os.path.join(content, kind, name[:-3] + ".en.md"), lines, "\nIn English.\n" if body.strip() else "")

# A page for the first six subjects, every other one translated.
for i, (label, mooc) in enumerate(sorted(first_with.items())[:6]):
    slug = slugify(label)
    write(os.path.join(content, "subjects", slug + ".md"),
          ["title = " + q(label), "summary = " + q("Tout sur " + label + ".")],
          "\nVoir [ce cours](@/moocs/%s.md).\n" % mooc)
    if i % 2 == 0:
        write(os.path.join(content, "subjects", slug + ".en.md"), ["title = " + q(label + " (EN)")])

# A monthly schedule of the first parcours, translated.
parcours = sorted(f[:-3] for f in os.listdir(os.path.join(content, "parcours")) if f.endswith(".md"))
write(os.path.join(content, "schedules", "grille.md"),
      ["title = " + q("Grille"), "parcours = " + q(parcours[0]), 'granularity = "month"',
       'from = "2024-01"', 'to = "2027-12"', "version = 2026-11-01", "note = " + q("Provisoire.")],
      "\nLa grille du parcours.\n")
write(os.path.join(content, "schedules", "grille.en.md"), ["title = " + q("Grid"), "note = " + q("Tentative.")])
PY

# --- builds --------------------------------------------------------------------
# build NAME BIN ROOT [ARGS...]: builds into $work/NAME, keeping what it printed.
build() {
    local name=$1 bin=$2 root=$3
    shift 3
    local code=0
    "$bin" build --root "$root" --output "$work/$name/public" --today "$today" --message-format json "$@" \
        >"$work/$name/stdout" 2>"$work/$name/stderr" || code=$?
    echo "$code" >"$work/$name/code"
}

status=0
# checked NAME ROOT: `vitrine check` of ROOT with both binaries, compared.
checked() {
    local site=$1 root=$2 a b code_a=0 code_b=0
    a=$work/$site.old b=$work/$site.new
    mkdir -p "$a" "$b"
    "$old" check --root "$root" --today "$today" --message-format json >"$a/stdout" 2>"$a/stderr" || code_a=$?
    "$new" check --root "$root" --today "$today" --message-format json >"$b/stdout" 2>"$b/stderr" || code_b=$?
    if [[ $code_a != "$code_b" ]] || ! cmp -s "$a/stdout" "$b/stdout"; then
        printf '%-10s DIFFERENT\n    exit %s / %s; diff %s %s\n' "$site" "$code_a" "$code_b" "$a/stdout" "$b/stdout"
        status=1
    else
        printf '%-10s identical: %s problem line(s), exit %s\n' "$site" "$(wc -l <"$a/stdout")" "$code_a"
    fi
}

compare() {
    local site=$1 root=$2 old_root=$3
    shift 3
    mkdir -p "$work/$site.old" "$work/$site.new"
    build "$site.old" "$old" "$old_root" "$@"
    build "$site.new" "$new" "$root" "$@"
    local a=$work/$site.old b=$work/$site.new problems=()
    [[ -d $a/public ]] || problems+=("the old binary wrote no site (exit $(cat "$a/code")): $(tail -n 3 "$a/stderr")")
    cmp -s "$a/code" "$b/code" || problems+=("exit codes differ: $(cat "$a/code") / $(cat "$b/code")")
    cmp -s "$a/stdout" "$b/stdout" || problems+=("problems or lines printed differ (diff $a/stdout $b/stdout)")
    local diffs
    diffs=$(diff -r -q "$a/public" "$b/public" 2>&1 || true)
    if [[ -n $diffs ]]; then
        problems+=("$(wc -l <<<"$diffs") file(s) differ:")
        while IFS= read -r line; do problems+=("  $line"); done < <(head -n 20 <<<"$diffs")
    fi
    local files bytes
    files=$(find "$a/public" -type f 2>/dev/null | wc -l || true)
    bytes=$(du -sb "$a/public" 2>/dev/null | cut -f1 || true)
    if ((${#problems[@]})); then
        printf '%-10s DIFFERENT\n' "$site"
        printf '    %s\n' "${problems[@]}"
        status=1
    else
        printf '%-10s identical: %s files, %s bytes, %s problem line(s), exit %s\n' \
            "$site" "$files" "$bytes" "$(wc -l <"$a/stdout")" "$(cat "$a/code")"
    fi
}

echo "old: $old"
echo "new: $new"
echo "today: $today, synthetic N=$n"
compare bundled "$repo" "$old_repo"
compare base-path "$repo" "$old_repo" --base-url "https://moocs.example.org/catalogue"
checked broken "$repo/tests/fixtures/broken"
compare synthetic "$synthetic" "$synthetic" --missing-translations
if ((status == 0)); then
    echo "identical"
else
    echo "DIFFERENT"
fi
exit "$status"
