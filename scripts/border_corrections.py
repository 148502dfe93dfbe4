"""Corrections to Natural Earth's Armenia-Azerbaijan border, in one place.

Natural Earth 5.1.1 (1:10m) misses or misplaces a few small pieces of the Armenia-Azerbaijan
border that matter for this atlas (geodata/README.md, "Corrections to Natural Earth").
Each correction is a closed lon/lat ring traced by hand and the country that the ring's
part of the other country goes to:

    piece = ring ∩ (the other country)
    to    = to ∪ piece
    other = other − piece

`scripts/build_basemap.py` applies them to the `arm` and `aze` polygons of
geodata/countries.geojson, so the drawn border, the countries and the control zones all
agree. `scripts/build_control.py` reads the corrected countries.geojson and needs none of
these rings to cut its zones; it imports this module only to check that the corrections are
in place. Neither script reads the other's output: build_basemap.py reads Natural Earth and
this module, build_control.py reads countries.geojson and its own tables.
"""

# Kornidzor (Armenia): Natural Earth's vertices put the village 0.4 km inside Azerbaijan.
# The ring follows the Hakari side of the village; its part inside Natural Earth's
# Azerbaijan (1.4 km²) goes to Armenia.
KORNIDZOR = [(46.519, 39.5575), (46.527, 39.557), (46.5345, 39.5515), (46.5355, 39.5445),
             (46.529, 39.5365), (46.522, 39.534), (46.519, 39.5575)]

# Karki / Tigranashen: an Azerbaijani (Nakhchivan) exclave of about 19 km² on the
# Yerevan-Goris highway, missing from Natural Earth at every scale. Drawn round the village
# (39.786 N, 44.944 E); 18 km².
KARKI = [(44.915, 39.800), (44.94, 39.806), (44.965, 39.800), (44.975, 39.787), (44.968, 39.771),
         (44.945, 39.765), (44.922, 39.770), (44.912, 39.785), (44.915, 39.800)]

# Yukhari Askipara: Natural Earth's exclave misses the village (41.066 N, 45.023 E) by
# 0.1 km. The ring starts and ends inside the exclave; its part in Armenia (1.3 km²) widens
# the exclave on the east.
ASKIPARA = [(45.027, 41.048), (45.032, 41.053), (45.031, 41.065), (45.025, 41.073),
            (45.017, 41.0745), (45.027, 41.048)]

# Sofulu: Natural Earth has the Barkhudarly exclave but not Sofulu, the village next to it
# (the two make one exclave of about 22 km²). The ring starts and ends inside Barkhudarly;
# its part in Armenia (4.7 km²) goes to Azerbaijan.
SOFULU = [(45.200, 40.985), (45.205, 41.0), (45.215, 41.008), (45.228, 41.006), (45.232, 40.996),
          (45.214, 40.978), (45.200, 40.985)]

# (id, ring, from country, to country, a point that must end up in `to`)
CORRECTIONS = [
    ("kornidzor", KORNIDZOR, "AZE", "ARM", (46.5305, 39.5476)),
    ("karki", KARKI, "ARM", "AZE", (44.94361, 39.78556)),
    ("yukhari-askipara", ASKIPARA, "ARM", "AZE", (45.02333, 41.06611)),
    ("sofulu", SOFULU, "ARM", "AZE", (45.217, 40.998)),
]

# Where Sofulu meets Barkhudarly: the stretch of Natural Earth's exclave outline that the
# Sofulu piece covers (one straight Natural Earth segment, between the two points where the
# SOFULU ring crosses it, rounded to 5 decimals). build_control.py cuts the merged exclave
# along it to keep the two villages apart as zones; build_basemap.py checks that it lies on
# Natural Earth's border.
SOFULU_BARKHUDARLY = [(45.20204, 40.99113), (45.2172, 40.9812)]
