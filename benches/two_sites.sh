# Sourced by the two-language benchmarks (two_languages.sh,
# second_language_profile.sh), after they set `repo` and define `die`.

# The binary to measure: $VITRINE_BIN, else the release build of the
# repository (built if missing).
vitrine_bin() {
    local bin target_dir
    if [[ -n ${VITRINE_BIN:-} ]]; then
        bin=$VITRINE_BIN
    else
        target_dir=${CARGO_TARGET_DIR:-target}
        [[ $target_dir == /* ]] || target_dir=$repo/$target_dir
        bin=$target_dir/release/vitrine
        [[ -x $bin ]] || (cd "$repo" && cargo build --release >&2)
    fi
    [[ -x $bin ]] || die "no executable vitrine at $bin"
    echo "$bin"
}

# two_sites N SITE: the synthetic catalogue of N MOOCs at SITE, with
# `languages = ["fr"]`, and the same at SITE-2 with `languages = ["fr", "en"]`
# (no translation file: the English tree falls back to the French text).
two_sites() {
    local n=$1 site=$2
    python3 "$repo/benches/gen_catalogue.py" --n "$n" --out "$site" --force >/dev/null
    grep -q '^languages = \["fr"\]$' "$site/vitrine.toml" || die "$site/vitrine.toml has no line languages = [\"fr\"]"
    rm -rf -- "$site-2"
    cp -r -- "$site" "$site-2"
    sed -i 's/^languages = \["fr"\]$/languages = ["fr", "en"]/' "$site-2/vitrine.toml"
}
