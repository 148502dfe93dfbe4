#!/usr/bin/env python3
"""Write tests/data/nkao.geojson: the NKAO outline of scripts/build_control.py, for the
comparison tests that count what was held outside the former oblast.

Reads only the outline's tables (plain tuples) from build_control.py, so it needs neither
shapely nor numpy. Run from the repository root:  python3 scripts/export_nkao.py
"""

import ast
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMES = {"T1", "T2", "T3", "T4", "NKAO_T1_T2", "NKAO_T2_T3", "NKAO_T3_T4", "NKAO_EAST",
         "NKAO_SOUTH", "NKAO_WEST", "NKAO"}

tree = ast.parse((ROOT / "scripts" / "build_control.py").read_text())
scope = {}
for node in tree.body:
    if isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) and t.id in NAMES for t in node.targets):
        exec(compile(ast.Module([node], []), "build_control.py", "exec"), scope)
ring = [list(p) for p in scope["NKAO"]]
if ring[0] != ring[-1]:
    ring.append(ring[0])
# The tables run clockwise; RFC 7946 wants outer rings counter-clockwise.
area2 = sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:]))
if area2 < 0:
    ring.reverse()
doc = {"type": "FeatureCollection", "features": [{
    "type": "Feature", "id": "nkao",
    "properties": {"name": "Nagorno-Karabakh Autonomous Oblast (1923-1991), as traced in scripts/build_control.py"},
    "geometry": {"type": "Polygon", "coordinates": [ring]}}]}
out = ROOT / "tests" / "data" / "nkao.geojson"
out.write_text(json.dumps(doc) + "\n")
print(f"wrote {out} ({len(ring)} positions)")
