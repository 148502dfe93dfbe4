"""Renders the atlas's GeoJSON layers with Mapnik (Debian's python3-mapnik) at
a given size, for a side-by-side timing against `caucasus-atlas export`.

Same files, same projection, same pixel size, every layer: areas filled and
outlined, lines (dashed where the atlas dashes them), point markers, and the
places' ids as labels with a halo. Run with the system Python, where
python3-mapnik is installed:

    /usr/bin/python3 mapnik_render.py GEODATA_DIR OUT.png WIDTH HEIGHT
"""
import sys
from pathlib import Path

import mapnik

LCC = ("+proj=lcc +lat_1=38.5 +lat_2=43 +lat_0=40.75 +lon_0=44.5 "
       "+ellps=WGS84 +datum=WGS84 +units=m +no_defs")
LONLAT = "+proj=longlat +datum=WGS84 +no_defs"
ORDER = ["countries", "control", "lakes", "admin1", "lines", "corridor",
         "russian-forces", "events", "places"]
FILLS = {"countries": "#e4e0d8", "control": "#f0c080", "lakes": "#c4dcea"}


def style(name):
    symbols = []
    if name in FILLS:
        symbols.append(f'<PolygonSymbolizer fill="{FILLS[name]}"/>')
    dash = ' stroke-dasharray="4,3"' if name in ("admin1", "lines") else ""
    symbols.append(f'<LineSymbolizer stroke="#4a4a4a" stroke-width="1"{dash}/>')
    if name in ("russian-forces", "events", "places"):
        symbols.append('<MarkersSymbolizer width="6" height="6" fill="#222222" allow-overlap="true"/>')
    if name == "places":
        symbols.append('<TextSymbolizer face-name="DejaVu Sans Book" size="10" halo-radius="1.5" '
                       'halo-fill="white" dx="6">[id]</TextSymbolizer>')
    return f'<Style name="{name}"><Rule>{"".join(symbols)}</Rule></Style>'


def main():
    data, out, width, height = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    parts = [f'<Map srs="{LCC}" background-color="#c4dcea">']
    for name in ORDER:
        path = data / f"{name}.geojson"
        if not path.exists():
            continue
        parts.append(style(name))
        parts.append(
            f'<Layer name="{name}" srs="{LONLAT}"><StyleName>{name}</StyleName>'
            f'<Datasource><Parameter name="type">geojson</Parameter>'
            f'<Parameter name="file">{str(path)}</Parameter></Datasource></Layer>')
    parts.append("</Map>")
    m = mapnik.Map(width, height)
    mapnik.load_map_from_string(m, "".join(parts))
    transform = mapnik.ProjTransform(mapnik.Projection(LONLAT), mapnik.Projection(LCC))
    m.zoom_to_box(transform.forward(mapnik.Box2d(38.0, 37.0, 51.0, 44.5)))
    mapnik.render_to_file(m, out, "png")


if __name__ == "__main__":
    main()
