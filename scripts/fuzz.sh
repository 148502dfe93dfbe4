#!/usr/bin/env bash
# Runs each fuzz target (fuzz/fuzz_targets) for a bounded time on top of its
# corpus: the seeds in fuzz/seeds (every input that ever failed) and, for the
# loader, the bundled geodata/*.geojson files. CI runs it (`.ci/run`) with a
# bounded time per target. Needs cargo-fuzz (installed here when missing); uses
# the nightly toolchain when there is one, and otherwise the stable one with
# RUSTC_BOOTSTRAP=1 (cargo-fuzz passes -Z flags; the machines this project runs
# on have one toolchain only). No sanitizer: the targets are safe Rust, and a
# panic, a hang or a run-away allocation is what they look for.
#
#   scripts/fuzz.sh            # 60 seconds each
#   scripts/fuzz.sh 600        # ten minutes each
#   scripts/fuzz.sh 60 loader  # one target
#
# A crash is saved under fuzz/artifacts/TARGET/; add it to fuzz/seeds/TARGET/
# once fixed, so it stays a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(loader cli)

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
if rustup run nightly true 2>/dev/null; then
    fuzz=(cargo +nightly fuzz)
else
    export RUSTC_BOOTSTRAP=1
    fuzz=(cargo fuzz)
fi
# One target folder for the project: the fuzz build lives beside the main one.
build=(-s none --dev --target-dir "$PWD/target/fuzz")

# The loader's first input byte picks the layer, in the order of
# atlas::schema::KNOWN_LAYERS; anything past them is a user's own layer.
layers=(countries control lakes admin1 lines corridor russian-forces events places)
mkdir -p fuzz/corpus/loader fuzz/corpus/cli
for i in "${!layers[@]}"; do
    file="geodata/${layers[$i]}.geojson"
    [ -f "$file" ] || continue
    { printf "\\$(printf '%03o' "$i")"; cat "$file"; } > "fuzz/corpus/loader/bundled-${layers[$i]}"
done
cp fuzz/seeds/loader/* fuzz/corpus/loader/
cp fuzz/seeds/cli/* fuzz/corpus/cli/

for target in "${targets[@]}"; do
    echo "== fuzzing $target for ${seconds}s"
    "${fuzz[@]}" run "${build[@]}" "$target" "fuzz/corpus/$target" -- \
        -max_total_time="$seconds" -max_len=262144 -timeout=20 -rss_limit_mb=4096
done
