#!/usr/bin/env bash
# Times `caucasus-atlas export` (release build) against geopandas + matplotlib and
# Mapnik rendering the same geodata files at the same size, with hyperfine.
#
#   apt-get install -y hyperfine python3-mapnik
#   python3 -m venv /tmp/gpd-venv && /tmp/gpd-venv/bin/pip install geopandas matplotlib
#   cargo build --release && bash scripts/compare/run.sh [WIDTH HEIGHT]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
w=${1:-1920}
h=${2:-1080}
out=$(mktemp -d)
venv=${GPD_VENV:-/tmp/gpd-venv}
bin="$root/target/release/caucasus-atlas"
# With its panel (legend, date, scale, ~40 lines of sources) and, like the other two,
# the map alone.
cmds=("$bin export --date 2020-11-10 --out $out/atlas.png --width $w --height $h --data $root/geodata"
      "$bin export --date 2020-11-10 --out $out/atlas-map-only.png --width $w --height $h --data $root/geodata --map-only")
names=("caucasus-atlas export" "caucasus-atlas export --map-only")
if [ -x "$venv/bin/python" ]; then
    cmds+=("$venv/bin/python $here/geopandas_render.py $root/geodata $out/geopandas.png $w $h")
    names+=("geopandas + matplotlib")
fi
if /usr/bin/python3 -c "import mapnik" 2>/dev/null; then
    cmds+=("/usr/bin/python3 $here/mapnik_render.py $root/geodata $out/mapnik.png $w $h")
    names+=("mapnik")
fi
args=()
for i in "${!cmds[@]}"; do
    args+=(-n "${names[$i]}" "${cmds[$i]}")
done
hyperfine --warmup 1 --min-runs 5 --export-markdown "$out/results.md" "${args[@]}"
cat "$out/results.md"
echo "images in $out"
