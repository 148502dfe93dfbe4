#!/usr/bin/env bash
# Loading a user's million-vertex layer (10,000 dated polygons and 100,000
# dated points, generated deterministically) with caucasus-atlas and with
# geopandas.read_file (engine pyogrio), side by side in one run: time with
# /usr/bin/time (wall time and peak memory), three interleaved runs.
#
#   python3 -m venv /tmp/gpd-venv && /tmp/gpd-venv/bin/pip install geopandas pyogrio
#   cargo build --release --no-default-features && cargo build --example big_layer
#   bash scripts/compare/load_layer.sh [SCALE]
# (the generator may be a debug build: it only writes the file.)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
scale=${1:-1}
out=$(mktemp -d)
venv=${GPD_VENV:-/tmp/gpd-venv}
bin="$root/target/release/caucasus-atlas"
big="$out/big.geojson"
gen="$root/target/release/examples/big_layer"
[ -x "$gen" ] || gen="$root/target/debug/examples/big_layer"
"$gen" "$big" "$scale"
ls -l "$big"
cmds=("$bin check --layer $big"
      "$bin at --layer $big --date 2020-10-04 --lon 46.75 --lat 39.8")
names=("caucasus-atlas check --layer (parse, validate)"
       "caucasus-atlas at --layer (with the atlas, projected, triangulated)")
if [ -x "$venv/bin/python" ]; then
    cmds+=("$venv/bin/python $here/geopandas_read.py $big")
    names+=("geopandas.read_file (pyogrio)")
fi
# Each command three times, interleaved: wall seconds and peak RSS (kB).
for run in 1 2 3; do
    for i in "${!cmds[@]}"; do
        /usr/bin/time -f "%e s, %M kB" -o "$out/t" ${cmds[$i]} >/dev/null 2>"$out/err" || { cat "$out/err"; }
        echo "run $run: ${names[$i]}: $(cat "$out/t")"
    done
done
echo "file: $(stat -c %s "$big") bytes in $out"
