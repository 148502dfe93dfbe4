"""Renders the atlas's GeoJSON layers with geopandas + matplotlib at a given
size, for a side-by-side timing against `caucasus-atlas export`.

Same files, same projection (the atlas's Lambert conformal conic), same pixel
size, every layer: areas filled and outlined, lines, point symbols, and the
places' English names. The date filtering and the panel are not reproduced
(they would only add time on the geopandas side).

    python geopandas_render.py GEODATA_DIR OUT.png WIDTH HEIGHT
"""
import json
import sys
from pathlib import Path

import geopandas as gpd
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

LCC = ("+proj=lcc +lat_1=38.5 +lat_2=43 +lat_0=40.75 +lon_0=44.5 "
       "+ellps=WGS84 +datum=WGS84 +units=m +no_defs")
ORDER = ["countries", "control", "lakes", "admin1", "lines", "corridor",
         "russian-forces", "events", "places"]


def main():
    data, out, width, height = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    dpi = 100
    fig = plt.figure(figsize=(width / dpi, height / dpi), dpi=dpi)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_axis_off()
    ax.set_facecolor("#c4dcea")
    for name in ORDER:
        path = data / f"{name}.geojson"
        if not path.exists():
            continue
        layer = gpd.read_file(path).to_crs(LCC)
        kinds = layer.geometry.geom_type
        areas = layer[kinds.isin(["Polygon", "MultiPolygon"])]
        lines = layer[kinds.isin(["LineString", "MultiLineString"])]
        points = layer[kinds.isin(["Point", "MultiPoint"])]
        if len(areas):
            areas.plot(ax=ax, facecolor="#e4e0d8" if name == "countries" else "#f0c08080",
                       edgecolor="#4a4a4a", linewidth=0.8)
        if len(lines):
            dashed = name in ("admin1", "lines")
            lines.plot(ax=ax, color="#333333", linewidth=1.2,
                       linestyle="--" if dashed else "-")
        if len(points):
            points.plot(ax=ax, color="#222222", markersize=9)
            if name == "places":
                for geom, raw in zip(points.geometry, points["name"]):
                    try:
                        label = json.loads(raw)["en"] if isinstance(raw, str) else raw["en"]
                    except (ValueError, TypeError, KeyError):
                        label = str(raw)
                    ax.annotate(label, (geom.x, geom.y), xytext=(4, 0), textcoords="offset points",
                                fontsize=8, va="center",
                                bbox=dict(boxstyle="round,pad=0.1", fc="white", ec="none", alpha=0.8))
    # The atlas's region box, projected.
    box = gpd.GeoSeries.from_xy([38.0, 51.0], [37.0, 44.5], crs="EPSG:4326").to_crs(LCC)
    ax.set_xlim(box.x.min(), box.x.max())
    ax.set_ylim(box.y.min(), box.y.max())
    fig.savefig(out, dpi=dpi)


if __name__ == "__main__":
    main()
