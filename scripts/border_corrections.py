"""Corrections to Natural Earth's borders between Armenia, Azerbaijan and Georgia, in one place.

Natural Earth 5.1.1 (1:10m) misses or misplaces a few small pieces of the Armenia-Azerbaijan
and Armenia-Georgia borders that matter for this atlas (geodata/README.md, "Corrections to
Natural Earth").
Each correction is a closed lon/lat ring traced by hand and the country that the ring's
part of the other country goes to:

    piece = ring ∩ (the other country)
    to    = to ∪ piece
    other = other − piece

`scripts/build_basemap.py` applies them to the `arm`, `aze` and `geo` polygons of
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
# its part in Armenia (about 4 km²) goes to Azerbaijan. Its south-western edge keeps the
# Armenian village of Azatamut (GeoNames 823748, 40.98847 N 45.2067 E, which borders Sofulu
# and Barkhudarly) out of the exclave by about 350 m: an earlier ring ran round it.
SOFULU = [(45.209, 40.982), (45.2115, 40.9905), (45.2075, 40.9955), (45.205, 41.0),
          (45.215, 41.008), (45.228, 41.006), (45.232, 40.996), (45.214, 40.978), (45.209, 40.982)]

# Khnatsakh (Armenia, Syunik, Tegh community): Natural Earth puts the village 2 km inside
# Azerbaijan (Lachin district). Wikipedia gives 39.60361 N 46.39278 E, GeoNames (174850)
# 39.60553 N 46.39172 E. The ring runs about 0.8 km round both points and reaches back over
# Natural Earth's border to the west, so the piece joins Armenia; its part inside Natural
# Earth's Azerbaijan (about 4 km²) goes to Armenia.
KHNATSAKH = [(46.372, 39.592), (46.385, 39.594), (46.398, 39.597), (46.402, 39.604),
             (46.399, 39.6125), (46.389, 39.6145), (46.375, 39.607), (46.362, 39.603),
             (46.372, 39.592)]

# Heydarabad (Azerbaijan, Nakhchivan, seat of the Sadarak district): Natural Earth puts the
# settlement 0.2-0.5 km inside Armenia. Wikipedia gives 39.72028 N 44.85306 E, GeoNames
# (8326746) 39.72286 N 44.84846 E. The ring starts and ends south of Natural Earth's border;
# its part in Armenia (about 1.6 km²) goes to Azerbaijan. It stays 2 km from Yeraskh
# (Armenia, 39.73944 N 44.82806 E).
HEYDARABAD = [(44.840, 39.714), (44.839, 39.7235), (44.846, 39.7285), (44.856, 39.7265),
              (44.861, 39.7195), (44.858, 39.714), (44.840, 39.714)]

# Debedavan (Armenia, Tavush, Noyemberyan community), the last Armenian village on the right
# bank of the Debed where the river is the border with Georgia: Natural Earth puts it 1 km
# inside Georgia. GeoNames (616494) gives 41.27945 N 44.81243 E. The ring runs about 0.5 km
# round that point and back over Natural Earth's border to the south; its part inside
# Natural Earth's Georgia (about 2 km²) goes to Armenia.
DEBEDAVAN = [(44.815, 41.266), (44.826, 41.270), (44.823, 41.2795), (44.817, 41.2845),
             (44.8075, 41.2835), (44.806, 41.2775), (44.808, 41.2695), (44.810, 41.263),
             (44.815, 41.266)]

# (id, ring, from country, to country, a point that must end up in `to`)
CORRECTIONS = [
    ("kornidzor", KORNIDZOR, "AZE", "ARM", (46.5305, 39.5476)),
    ("karki", KARKI, "ARM", "AZE", (44.94361, 39.78556)),
    ("yukhari-askipara", ASKIPARA, "ARM", "AZE", (45.02333, 41.06611)),
    ("sofulu", SOFULU, "ARM", "AZE", (45.217, 40.998)),
    ("khnatsakh", KHNATSAKH, "AZE", "ARM", (46.39278, 39.60361)),
    ("heydarabad", HEYDARABAD, "ARM", "AZE", (44.85306, 39.72028)),
    ("debedavan", DEBEDAVAN, "GEO", "ARM", (44.81243, 41.27945)),
]

# Points that must lie in the given country once the corrections are applied (country, lon,
# lat, what): the corrected villages at their other coordinate and their neighbours on the
# other side, which no ring may swallow. build_basemap.py checks them (coordinates from
# GeoNames, or Wikipedia where stated).
KEEP = [
    ("ARM", 45.2067, 40.98847, "Azatamut (next to Sofulu)"),
    ("AZE", 45.2142, 41.0008, "Sofulu (Wikipedia)"),
    ("AZE", 45.22528, 40.99333, "Barkhudarly (Wikipedia)"),
    ("ARM", 44.82806, 39.73944, "Yeraskh (next to Heydarabad)"),
    ("AZE", 44.88455, 39.71427, "Sadarak"),
    ("AZE", 44.84846, 39.72286, "Heydarabad (GeoNames)"),
    ("ARM", 46.39172, 39.60553, "Khnatsakh (GeoNames)"),
    ("GEO", 44.7891, 41.2402, "Sadakhlo (next to Debedavan)"),
    ("ARM", 44.81737, 41.24358, "Bagratashen"),
]

# Where Sofulu meets Barkhudarly: the stretch of Natural Earth's exclave outline that the
# Sofulu piece covers (part of one straight Natural Earth segment, between the two points
# where the SOFULU ring crosses it, rounded to 5 decimals; west of it, as far as the
# segment's end at 45.20204 E 40.99113 N, the segment is now Barkhudarly's border with
# Azatamut). build_control.py cuts the merged exclave along it to keep the two villages
# apart as zones; build_basemap.py checks that it lies on Natural Earth's border.
SOFULU_BARKHUDARLY = [(45.21013, 40.98583), (45.2172, 40.9812)]
