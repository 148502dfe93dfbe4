"""Reads a GeoJSON file with geopandas (engine pyogrio), for a side-by-side
timing and peak memory against `caucasus-atlas check --layer FILE`.

    python geopandas_read.py FILE.geojson
"""
import sys

import geopandas as gpd


def main():
    frame = gpd.read_file(sys.argv[1], engine="pyogrio")
    # Touch the result so nothing is left lazy.
    print(f"{len(frame)} features, {int(frame.geometry.count_coordinates().sum())} positions")


if __name__ == "__main__":
    main()
