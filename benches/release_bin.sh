# Sourced by the benchmark scripts: sets `bin` to the vitrine binary to
# measure: $VITRINE_BIN, else the release build of the repository
# (`cargo build --release`, in ${CARGO_TARGET_DIR:-target}, a relative
# value taken from the repository root, as cargo does). Needs `repo`.
if [[ -n ${VITRINE_BIN:-} ]]; then
    bin=$VITRINE_BIN
else
    (cd "$repo" && cargo build --release >&2)
    target_dir=${CARGO_TARGET_DIR:-target}
    [[ $target_dir == /* ]] || target_dir=$repo/$target_dir
    bin=$target_dir/release/vitrine
fi
