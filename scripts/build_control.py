#!/usr/bin/env python3
"""Build geodata/control.geojson and geodata/lines.geojson.

Both layers are authored here: every historical boundary (the NKAO outline, the districts
around it, the 1994 line of contact, the 2020 ceasefire line, the Lachin corridor, the
Abkhaz and South Ossetian lines, the exclaves and the border incursions) is a lon/lat
polyline in the tables below, traced by hand between the settlements that the sources put
on either side of it (see geodata/README.md, section "control.geojson and lines.geojson").

How the zones are made:
1. The outlines of `arm`, `aze` and `geo` from geodata/countries.geojson (Natural Earth)
   and every authored polyline are noded together and snap-rounded to a 1e-5 degree grid
   (the 5 decimals that the files keep), then polygonized into faces.
2. Each face inside the three countries goes to the zone one of whose seed points it
   contains; a face without a seed goes to the country's remainder zone
   (zone-armenia, zone-azerbaijan, zone-georgia).
3. The faces of each zone are merged. Because all faces come from one noded network on
   the grid, neighbouring zones share identical vertices: the zones tile the three
   countries with no gap and no overlap, before and after rounding.
4. Each zone's `de_jure` is the country (arm, aze, geo) that holds most of it, checked against
   its 1988 controller; its `claimed_by` lists the CLAIMS whose historical unit (the NKAO, the
   Shahumyan district, the Abkhaz ASSR, the South Ossetian AO) holds most of it.

Run from the repository root:  python3 scripts/build_control.py
(needs shapely; see scripts/requirements.txt). `--check` only prints the report.
"""

import json
import math
import sys
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, Point, Polygon, MultiPolygon, mapping, shape
from shapely.ops import linemerge, unary_union

import border_corrections

ROOT = Path(__file__).resolve().parent.parent
GEO = ROOT / "geodata"
GRID = 1e-5
START = "1988-02-20"

# ---------------------------------------------------------------------------------------
# Sources (titles and URLs, used by several zones)
# ---------------------------------------------------------------------------------------
S = {
    "nkao": ("Nagorno-Karabakh Autonomous Oblast (Wikipedia)",
             "https://en.wikipedia.org/wiki/Nagorno-Karabakh_Autonomous_Oblast"),
    "war1": ("First Nagorno-Karabakh War (Wikipedia)",
             "https://en.wikipedia.org/wiki/First_Nagorno-Karabakh_War"),
    "loc": ("Line of Contact (Nagorno-Karabakh) (Wikipedia)",
            "https://en.wikipedia.org/wiki/Line_of_Contact_(Nagorno-Karabakh)"),
    "territories": ("Armenian-occupied territories surrounding Nagorno-Karabakh (Wikipedia)",
                    "https://en.wikipedia.org/wiki/Armenian-occupied_territories_surrounding_Nagorno-Karabakh"),
    "war2": ("Second Nagorno-Karabakh War (Wikipedia)",
             "https://en.wikipedia.org/wiki/Second_Nagorno-Karabakh_War"),
    "war2tl": ("Timeline of the Second Nagorno-Karabakh War (Wikipedia)",
               "https://en.wikipedia.org/wiki/Timeline_of_the_Second_Nagorno-Karabakh_War"),
    "statement": ("2020 Nagorno-Karabakh ceasefire agreement (Wikipedia)",
                  "https://en.wikipedia.org/wiki/2020_Nagorno-Karabakh_ceasefire_agreement"),
    "pm": ("Statement by the President of Azerbaijan, the Prime Minister of Armenia and the President of Russia, 10 Nov 2020",
           "https://www.primeminister.am/en/press-release/item/2020/11/10/Announcement/"),
    "pk": ("Russian peacekeeping forces in Nagorno-Karabakh (Wikipedia)",
           "https://en.wikipedia.org/wiki/Russian_peacekeeping_forces_in_Nagorno-Karabakh"),
    "corridor": ("Lachin corridor (Wikipedia)", "https://en.wikipedia.org/wiki/Lachin_corridor"),
    "off2023": ("2023 Azerbaijani offensive in Nagorno-Karabakh (Wikipedia)",
                "https://en.wikipedia.org/wiki/2023_Azerbaijani_offensive_in_Nagorno-Karabakh"),
    "aghdam20": ("Al Jazeera (news agencies): Azerbaijan army enters district handed over by Armenia (20 Nov 2020)",
                 "https://www.aljazeera.com/news/2020/11/20/azerbaijan-army-enters-district-handed-over-by-armenia"),
    "kalbajar20": ("Caucasian Knot: Kalbajar district handed over (25 Nov 2020)",
                   "https://eng.kavkaz-uzel.media/articles/52882"),
    "lachin20": ("Lachin District (Wikipedia)", "https://en.wikipedia.org/wiki/Lachin_District"),
    "pocket": ("Azatutyun: Azerbaijani forces seized the last two Armenian-controlled villages (Dec 2020)",
               "https://www.azatutyun.am/a/31004105.html"),
    "parukh": ("Farukh (Wikipedia)", "https://en.wikipedia.org/wiki/Farukh"),
    "khojaly": ("Khojaly massacre (Wikipedia)", "https://en.wikipedia.org/wiki/Khojaly_massacre"),
    "shusha92": ("Capture of Shusha (Wikipedia)", "https://en.wikipedia.org/wiki/Capture_of_Shusha"),
    "shusha20": ("Battle of Shusha (2020) (Wikipedia)",
                 "https://en.wikipedia.org/wiki/Battle_of_Shusha_(2020)"),
    "hadrut": ("Battle of Hadrut (Wikipedia)", "https://en.wikipedia.org/wiki/Battle_of_Hadrut"),
    "goranboy": ("Operation Goranboy (Wikipedia)", "https://en.wikipedia.org/wiki/Operation_Goranboy"),
    "martakert93": ("Los Angeles Times: Azerbaijani stronghold in Karabakh falls (28 Jun 1993)",
                    "https://www.latimes.com/archives/la-xpm-1993-06-28-mn-8150-story.html"),
    "kalbajar93": ("Battle of Kalbajar (Wikipedia)", "https://en.wikipedia.org/wiki/Battle_of_Kalbajar"),
    "lachin92": ("Capture of Lachin (Wikipedia)", "https://en.wikipedia.org/wiki/Capture_of_Lachin"),
    "summer93": ("1993 summer offensives (Wikipedia)",
                 "https://en.wikipedia.org/wiki/1993_Summer_Offensives"),
    "kalbajar_d": ("Kalbajar District (Wikipedia)", "https://en.wikipedia.org/wiki/Kalbajar_District"),
    "qubadli_d": ("Qubadli District (Wikipedia)", "https://en.wikipedia.org/wiki/Qubadli_District"),
    "zangilan_d": ("Zangilan District (Wikipedia)", "https://en.wikipedia.org/wiki/Zangilan_District"),
    "jabrayil_d": ("Jabrayil District (Wikipedia)", "https://en.wikipedia.org/wiki/Jabrayil_District"),
    "fuzuli_d": ("Fuzuli District (Wikipedia)", "https://en.wikipedia.org/wiki/Fuzuli_District"),
    "aghdam_d": ("Aghdam District (Wikipedia)", "https://en.wikipedia.org/wiki/Aghdam_District"),
    "aghdam_share": ("Vestnik Kavkaza: Aghdam district of Azerbaijan de-occupied (846.7 km², 77.4 %)",
                     "https://vestnikkavkaza.net/news/Aghdam-district-of-Azerbaijan-de-occupied.html"),
    "talish": ("Talış, Tartar (Wikipedia)", "https://en.wikipedia.org/wiki/Tal%C4%B1%C5%9F,_Tartar"),
    "apr2016": ("2016 Nagorno-Karabakh conflict (Wikipedia)",
                "https://en.wikipedia.org/wiki/2016_Nagorno-Karabakh_conflict"),
    "lalatapa": ("Lalatapa (mountain article, Wikipedia mirror)",
                 "https://geo.wikisort.org/mountains/en/Mountains/Lalatapa"),
    "horadiz": ("Trend: 24 years since the Horadiz operation",
                "https://en.trend.az/azerbaijan/politics/2844093.html"),
    "karki": ("Karki, Azerbaijan (Wikipedia)", "https://en.wikipedia.org/wiki/Karki,_Azerbaijan"),
    "artsvashen": ("Artsvashen (Wikipedia)", "https://en.wikipedia.org/wiki/Artsvashen"),
    "artsvashen92": ("Artsvashen (Scots Wikipedia): the Azerbaijani announcement and the Armenian reports of August "
                     "1992, after the New York Times of 10 Aug 1992", "https://sco.wikipedia.org/wiki/Artsvashen"),
    "artsvashen92b": ("Artsvasjen (Dutch Wikipedia): the exclave occupied by the Azerbaijani army in August 1992",
                      "https://nl.wikipedia.org/wiki/Artsvasjen"),
    # Names
    "hintagher": ("Hin Tagher / Köhnə Tağlar (English Wikipedia, via the theinfolist.com mirror)",
                  "http://theinfolist.com/html/ALL/s/Hin_Tagher.html"),
    "hintagher_ru": ("Кёгна-Таглар / Köhnə Tağlar (Russian Wikipedia, via the perceptiode.com mirror): renamed by "
                     "Azerbaijan's Supreme Council on 29 Dec 1992",
                     "https://perceptiode.com/%D0%A5%D0%B8%D0%BD%D1%82%D0%B0%D0%B3%D0%BB%D0%B0%D1%80"),
    "mardakert": ("Агдере / Мардакерт (Russian Wikipedia, via the wiki4.ru mirror)",
                  "https://wiki4.ru/wiki/%D0%90%D0%B3%D0%B4%D0%B5%D1%80%D0%B5"),
    "kashunik": ("Sarc.am: caves of the Kashatagh district (the historical cantons, among them Քաշունիք)",
                 "https://www.sarc.am/2016/08/17/%D6%84%D5%A1%D6%80%D5%A1%D5%B6%D5%B1%D5%A1%D5%BE%D5%B6%D5%A5%D6%80%D5%A8-%D5%B0%D5%A1%D5%B5%D5%B8%D6%82%D5%A9%D5%B5%D5%A1%D5%B6-%D5%B8%D6%82-%D5%B0%D5%A1%D5%BE%D5%A1%D5%BF%D6%84%D5%AB-%D5%BE/"),
    # Jabrayil, Oct 2020
    "jabrayil20": ("Azertac: President Aliyev congratulates the people on the capture of Jabrayil city and nine "
                   "villages (4 Oct 2020)",
                   "https://azertag.az/en/xeber/President_Ilham_Aliyev_congratulates_people_of_Azerbaijan_on_liberation_of_Jabrayil_city_and_9_villages_of_Jabrayil_district_from_occupation-1603837",
                   "AZE"),
    "jabrayil20b": ("Al-Masdar News: Azerbaijan announces capture of strategic city in Karabakh (footage from "
                    "Jabrayil, 9 Oct 2020)",
                    "https://www.almasdarnews.com/article/azerbaijan-announces-capture-of-strategic-city-in-karabakh/"),
    "jabrayil20c": ("Caucasian Knot: Azerbaijan claims control over Zangilan (Armenia had denied the loss of "
                    "Jabrayil and Hadrut; 21 Oct 2020)", "https://caucasianknot.info/articles/52520"),
    # Lachin corridor 2020-2022
    "berdzor22": ("Caucasian Knot: twenty families from Aghavno and Berdzor accommodated in Syunik (25 Aug 2022)",
                  "https://eng.kavkaz-uzel.eu/articles/61122/"),
    "berdzor22b": ("CivilNet: three days left till Armenia hands over Lachin and Aghavno to Azerbaijan (Aug 2022)",
                   "https://www.civilnet.am/en/news/671866/three-days-left-till-armenia-hands-over-lachin-and-aghavno-to-azerbaijan/"),
    "posts23": ("Balkan Periscope: Russian peacekeepers close down another post, in the Lachin district (23 Nov 2023, "
                "after the Russian MoD)", "https://www.echedoros-a.gr/2023/11/russian-peacekeepers-close-down-another.html"),
    "askipara": ("Yukhari Askipara (Wikipedia)", "https://en.wikipedia.org/wiki/Yukhari_Askipara"),
    "askipara92": ("Goyezen.az: 28 years without Yukhari Askipara (occupied 8 Jun 1992)",
                   "https://goyezen.az/sehidler/3978-yuxari-eskiparasiz-kecen-28-il.html"),
    "barkhudarly": ("Barxudarlı (Wikipedia)", "https://en.wikipedia.org/wiki/Barxudarl%C4%B1"),
    "sofulu": ("Sofulu (Wikipedia)", "https://en.wikipedia.org/wiki/Sofulu"),
    "gazakh24": ("AzerNews: Azerbaijani border guards take control of 4 villages in Gazakh (24 May 2024)",
                 "https://www.azernews.az/nation/226488.html"),
    "gazakh24b": ("Turan: 4 villages of Gazakh region returned to Azerbaijan (24 May 2024)",
                  "https://turan.az/en/politics/4-villages-of-gazakh-region-returned-to-azerbaijan"),
    "baganis": ("Window to Gazakh: Armenian aggression (Baganis Ayrum, 23–24 Mar 1990)",
                "https://qazax.net/en/agression.htm"),
    "kheyrimli": ("Metbuat.az: residents of the four returned villages (Kheyrimli taken 8 Mar 1992)",
                  "https://metbuat.az/news/1497909/azerbaycana-qaytarilan-dord-kendin-sakinleri-danisdilar.html"),
    "border2122": ("2021–2022 Armenia–Azerbaijan border crisis (Wikipedia)",
                   "https://en.wikipedia.org/wiki/2021%E2%80%932022_Armenia%E2%80%93Azerbaijan_border_crisis"),
    "sep2022": ("September 2022 Armenia–Azerbaijan clashes (Wikipedia)",
                "https://en.wikipedia.org/wiki/September_2022_Armenia%E2%80%93Azerbaijan_clashes"),
    "ne": ("Natural Earth 5.1.1, Admin 0 – Countries, 1:10m",
           "https://www.naturalearthdata.com/downloads/10m-cultural-vectors/"),
    "abkwar": ("War in Abkhazia (1992–1993) (Wikipedia)",
               "https://en.wikipedia.org/wiki/War_in_Abkhazia_(1992%E2%80%931993)"),
    "gagra": ("Battle of Gagra (Wikipedia)", "https://en.wikipedia.org/wiki/Battle_of_Gagra"),
    "sukhumi": ("Battle of Sukhumi (1993) (Wikipedia)",
                "https://en.wikipedia.org/wiki/Battle_of_Sukhumi_(1993)"),
    "tkvarcheli": ("Siege of Tkvarcheli (Wikipedia)", "https://en.wikipedia.org/wiki/Siege_of_Tkvarcheli"),
    "kodori": ("Battle of the Kodori Valley (Wikipedia)",
               "https://en.wikipedia.org/wiki/Battle_of_the_Kodori_Valley"),
    "upperkodori": ("Upper Kodori Valley (Wikipedia mirror)", "http://piglix.com/piglix/Upper_Kodori_Valley"),
    "ganmukhuri": ("Human Rights Center: Ganmukhuri – seized village",
                   "http://www.humanrights.ge/index.php?a=text&pid=7315&lang=eng"),
    "sowar": ("1991–1992 South Ossetia war (Wikipedia)",
              "https://en.wikipedia.org/wiki/1991%E2%80%931992_South_Ossetia_war"),
    "rgwar": ("Russo-Georgian War (Wikipedia)", "https://en.wikipedia.org/wiki/Russo-Georgian_War"),
    "soao": ("South Ossetian Autonomous Oblast (Wikipedia)",
             "https://en.wikipedia.org/wiki/South_Ossetian_Autonomous_Oblast"),
    "akhalgori": ("Civil.ge: Russian troops in Akhalgori (Aug 2008)", "https://civil.ge/eng/article.php?id=30330"),
    "akhalgori_bbc": ("BBC Russian: Akhalgori, a village that was Georgian (Aug 2009)",
                      "https://www.bbc.com/russian/international/2009/08/090817_akhalgori_maloveryan.shtml"),
    "kurta": ("RFE/RL: Ten years after the village burned (the 17 Liakhvi villages)",
              "https://www.rferl.org/a/ten-years-after-village-burned-georgian-doctor-still-hurting/29415596.html"),
    # Armenia, 2021-2022
    "pashinyan_sep22": ("DW: Armenia's PM says Azerbaijan established control over territories (14 Sep 2022)",
                        "https://www.dw.com/en/armenias-pm-azerbaijan-established-control-over-some-territories/a-63118664"),
    "pashinyan_nov21": ("News.am via Armenian Club: 40-45 km² under Azerbaijani control after 12 May 2021 (24 Nov 2021)",
                        "https://www.armenianclub.com/2021/11/25/armenian-pm-40-45-square-kilometer-territories-of-armenia-under-azerbaijani-control-after-azerbaijans-may-12-attack/"),
    "shorzha21": ("News.am via Armenian Club: two posts blockaded after the advance near Verin Shorzha (16 May 2021)",
                  "https://armenianclub.com/2021/05/16/two-military-posts-are-under-azerbaijan-blockade-near-gegharkunik-province-village-says-armenia-ex-pm/amp"),
    "asryan139": ("Panorama.am: Azeri troops seized 139 sq. km of Armenian territory, army chief says (28 Apr 2023)",
                  "https://panorama.am/en/news/2023/04/28/Azeri-attack-army-chief/2828343"),
    "asryan_positions": ("Asbarez: Army chief of staff confirms Armenian position losses (31 Oct 2022)",
                         "https://asbarez.com/army-chief-of-staff-confirms-armenian-position-losses/"),
    "irates": ("Irates.am: three years since the aggression of 13 Sep 2022 (advance toward Nerkin Hand, Verin "
               "Shorzha, Artanish, Sotk and Jermuk)", "https://www.irates.am/hy/1757766886"),
    "elbakyan": ("Armenews: in Gegharkunik the occupied area equals five Ajapnyak districts (E. Elbakyan, via News.am)",
                 "https://wp.armenews.com/dans-la-region-de-gegharkunik-armenie-lennemi-occupait-une-zone-de-la-taille-de-5-districts-administratifs-dajapnyak"),
    "tatoyan": ("Aravot: Tatoyan Foundation on Nerkin Hand (2,700 ha occupied, 4 Mar 2024)",
                "https://en.aravot.am/2024/03/04/343259"),
    "nerkinhand22": ("Norharatch: in the Kapan community alone 2,700 ha occupied after 13-14 Sep 2022",
                     "https://norharatch.com/news/fondation-tatoyan-rien-que-dans-la-communaute-de-kapan-2-700-hectares-de-terres-ont-ete-occupes-par-les-azerbaidjanais"),
    # Fuzuli / Horadiz, 1993-94
    "horadiz_wiki": ("Operation Horadiz (Wikipedia)", "https://en.wikipedia.org/wiki/Operation_Horadiz"),
    "horadiz_ap": ("AP: Azerbaijan reports first victory in months (7 Jan 1994)",
                   "https://www.apnews.com/2494271f74310b03b6fb03a22c800fe9"),
    "horadiz_newsaz": ("News.az: Horadiz marks 24th anniversary (21,000 ha, 20 villages of Fuzuli, Jojug Marjanli)",
                       "https://news.az/news/horadiz-marks-24th-anniversary-of-liberation-from-armenian-occupation"),
    # Qubadli and Zangilan border, Dec 2020
    "syunik20": ("Asbarez: Syunik outposts near Kapan are surrendered to Azerbaijan (18 Dec 2020)",
                 "http://asbarez.com/199273/syunik-outposts-near-kapan-are-surrendered-to-azerbaijan/"),
    "syunik20b": ("News.am: why are Armenian forces coming down from their positions in Syunik (18 Dec 2020)",
                  "https://news.am/eng/news/619591.html"),
    # Georgia, 2008-2010
    "zugdidi08": ("IWPR: Russian army moves into west Georgia (11 Aug 2008)",
                  "https://iwpr.net/global-voices/russian-army-moves-west-georgia"),
    "gori08": ("Trend (dpa): Russian troops open road to Gori, under Russian control since Wednesday (18 Aug 2008)",
               "https://en.trend.az/scaucasus/georgia/1272846.html"),
    "gori08b": ("Reuters: Smiling Russians quit relieved Georgian town (22 Aug 2008)",
                "https://www.reuters.com/article/us-georgia-ossetia-soldiers/smiling-russians-quit-relieved-georgian-town-idUSLM57244120080822?sp=true"),
    "buffer08": ("BBC: Russian troops quit Georgia areas (8 Oct 2008)", "http://news.bbc.co.uk/2/hi/europe/7658385.stm"),
    "buffer08eu": ("Politico: Russian withdrawal from Georgia confirmed (EUMM: 12 checkpoints and a base by Abkhazia, "
                   "5 checkpoints by South Ossetia)", "https://www.politico.eu/article/russian-withdrawal-from-georgia-confirmed/"),
    "perevi10": ("Today.az: Russian soldiers withdraw from Perevi village (19 Oct 2010)",
                 "http://www.today.az/print/news/regions/75230.html"),
    "geomfa08": ("Georgian Foreign Ministry blog: timeline for 22 Aug 2008 (Russian troops remain in Poti and Perevi)",
                 "https://georgiamfa.blogspot.com/2008/08/timeline-for-22nd-august-to-1430.html", "GEO"),
    "perevi08": ("ABC News: Russian troops move back into disputed village (14 Dec 2008)",
                 "http://www.abc.net.au/news/2008-12-14/russian-troops-move-back-into-disputed-village/238986"),
    "nuli": ("Нул / Nuli (Russian Wikipedia): the Georgian-populated Avnevi-Nuli enclave",
             "https://ru.wikipedia.org/wiki/%D0%9D%D1%83%D0%BB%D0%B8"),
    "avnevi_aj": ("Al Jazeera: South Ossetia's wrecked villages (Avnevi, 19 Dec 2008)",
                  "https://www.aljazeera.com/news/2008/12/19/south-ossetias-wrecked-villages/"),
    # The first entry of every zone (1988) and the end of 2023
    "ussr77": ("Constitution of the USSR, 1977 (as amended to 1990), arts. 71 and 87 (zakonbase.ru)",
               "https://zakonbase.ru/content/part/210118"),
    "rename91": ("Law on Abolishment of Nagorno-Karabakh Autonomous Oblast, 26 Nov 1991 (Wikipedia)",
                 "https://en.wikipedia.org/wiki/Law_on_Abolishment_of_Nagorno-Karabakh_Autonomous_Oblast"),
    "bbc2023": ("BBC: Nagorno-Karabakh forces agree Azerbaijan demand to disarm (20 Sep 2023)",
                "https://www.bbc.com/news/world-europe-66863702"),
    "reuters2023": ("Reuters (via Nasdaq): Karabakh Armenians agree to ceasefire after Azerbaijan offensive "
                    "(20 Sep 2023)",
                    "https://www.nasdaq.com/articles/karabakh-armenians-agree-to-seasefire-after-azerbaijan-offensive-ifax"),
}


def src(*keys):
    """Source objects for keys of S; a third tuple item marks the source as partisan."""
    out = []
    for k in keys:
        entry = {"title": S[k][0], "url": S[k][1]}
        if len(S[k]) > 2:
            entry["partisan"] = S[k][2]
        out.append(entry)
    return out


# ---------------------------------------------------------------------------------------
# Authored polylines (lon, lat). Shared stretches are written once as named segments and
# joined, so that two zones that meet along them use the very same vertices.
# ---------------------------------------------------------------------------------------

# NKAO outline, clockwise from the meeting point with Kalbajar and the Shahumyan district
# on the Murovdag slope (T1). Named pieces are reused by the 1994 line of contact.
T1 = (46.55, 40.33)      # NKAO / Kalbajar / Shahumyan district
T2 = (46.64, 40.375)     # NKAO / Shahumyan / Kasum-Ismailov (Goranboy) districts
T3 = (46.86, 40.375)     # 1994 line leaves the NKAO rim east of Talish
T4 = (47.025, 40.24)     # 1994 line meets the NKAO outline again, north-east of Seysulan
NKAO_T1_T2 = [T1, (46.60, 40.345), T2]
NKAO_T2_T3 = [T2, (46.68, 40.40), (46.72, 40.41), (46.76, 40.412), (46.80, 40.405), (46.84, 40.39), T3]
NKAO_T3_T4 = [T3, (46.89, 40.355), (46.925, 40.333), (46.96, 40.31), (47.00, 40.28), (47.02, 40.255), T4]
NKAO_EAST = [T4, (46.99, 40.20), (46.95, 40.17), (46.90, 40.14), (46.86, 40.115), (46.84, 40.09),
             (46.81, 40.07), (46.78, 40.06), (46.755, 40.05), (46.745, 40.037), (46.758, 40.026),
             (46.79, 40.029), (46.81, 40.031), (46.84, 40.025), (46.86, 40.005), (46.875, 39.975),
             (46.88, 39.945), (46.89, 39.92), (46.905, 39.905), (46.96, 39.898), (47.02, 39.896),
             (47.08, 39.89), (47.12, 39.875), (47.17, 39.835), (47.21, 39.79), (47.235, 39.745),
             (47.235, 39.70), (47.20, 39.665), (47.16, 39.635), (47.12, 39.605), (47.10, 39.575),
             (47.085, 39.53), (47.08, 39.49), (47.07, 39.455)]
NKAO_SOUTH = [(47.07, 39.455), (47.02, 39.445), (46.95, 39.447), (46.89, 39.458), (46.84, 39.475),
              (46.81, 39.485), (46.785, 39.505), (46.765, 39.52), (46.745, 39.535), (46.73, 39.552),
              (46.69, 39.574), (46.65, 39.595), (46.615, 39.61), (46.59, 39.622)]
NKAO_WEST = [(46.59, 39.622), (46.578, 39.64), (46.576, 39.668), (46.575, 39.70), (46.565, 39.76),
             (46.55, 39.82), (46.53, 39.88), (46.50, 39.93), (46.47, 39.965), (46.42, 40.00),
             (46.38, 40.05), (46.35, 40.10), (46.34, 40.16), (46.37, 40.20), (46.42, 40.25),
             (46.48, 40.29), T1]
NKAO = NKAO_T1_T2 + NKAO_T2_T3[1:] + NKAO_T3_T4[1:] + NKAO_EAST[1:] + NKAO_SOUTH[1:] + NKAO_WEST[1:]

# Murovdag crest: Kalbajar's northern edge, held as the line of contact 1993/94-2020.
MUROVDAG = [(45.79, 40.29), (45.90, 40.30), (46.00, 40.30), (46.10, 40.30), (46.20, 40.29),
            (46.30, 40.30), (46.40, 40.31), (46.48, 40.32), T1]
# Shahumyan district of the Azerbaijan SSR (outside the NKAO), north of the crest.
SHAHUMYAN = [T2, (46.64, 40.42), (46.60, 40.47), (46.50, 40.49), (46.40, 40.47), (46.33, 40.43),
             (46.30, 40.38), (46.30, 40.30)]
# 1994 line of contact from T3 round the Maragha corner to T4, then across the plain
# to the Aras. Inside the NKAO near Martuni it runs west of the oblast's edge.
LOC_T3_T4 = [T3, (46.875, 40.345), (46.885, 40.315), (46.90, 40.30), (46.935, 40.285),
             (46.97, 40.275), (47.00, 40.262), T4]
LOC_PLAIN = [T4, (47.035, 40.20), (47.04, 40.15), (47.045, 40.10), (47.06, 40.05), (47.075, 40.00),
             (47.085, 39.96), (47.092, 39.93), (47.10, 39.89), (47.14, 39.85), (47.18, 39.80),
             (47.20, 39.755), (47.225, 39.715), (47.26, 39.67), (47.30, 39.63), (47.325, 39.60),
             (47.32, 39.55), (47.305, 39.50), (47.29, 39.46), (47.285, 39.43), (47.2835, 39.41),
             (47.285, 39.39), (47.288, 39.35)]
# The whole 1994 line, north-west to south-east; the report checks that the zones reproduce it.
LOC_1994 = MUROVDAG + NKAO_T1_T2[1:] + NKAO_T2_T3[1:] + LOC_T3_T4[1:] + LOC_PLAIN[1:]

# April 2016: Lele Tepe hill (west of the line) and the heights north of Talish.
LELE_TEPE = [(47.2845, 39.424), (47.262, 39.423), (47.252, 39.412), (47.257, 39.399),
             (47.27, 39.394), (47.2855, 39.394)]
TALISH_HEIGHTS = [(46.686, 40.404), (46.70, 40.393), (46.75, 40.392), (46.79, 40.396), (46.805, 40.404)]

# Districts around the oblast (Soviet-era rayon lines, simplified).
KALBAJAR_LACHIN = [(45.77, 39.88), (45.85, 39.875), (45.95, 39.88), (46.10, 39.88), (46.25, 39.90),
                   (46.38, 39.94), (46.475, 39.968)]
LACHIN_QUBADLI = [(46.37, 39.455), (46.45, 39.46), (46.52, 39.47), (46.60, 39.475), (46.66, 39.49),
                  (46.70, 39.51), (46.72, 39.53), (46.732, 39.555)]
QUBADLI_ZANGILAN = [(46.57, 39.22), (46.62, 39.218), (46.70, 39.225), (46.785, 39.235)]
JABRAYIL_WEST = [(46.795, 39.515), (46.79, 39.47), (46.78, 39.40), (46.775, 39.33), (46.775, 39.24),
                 (46.79, 39.19), (46.81, 39.155), (46.82, 39.10)]
JABRAYIL_FUZULI = [(47.07, 39.462), (47.13, 39.445), (47.20, 39.43), (47.26, 39.418), (47.30, 39.40),
                   (47.33, 39.35)]

# 1992-93: the part of the oblast north of this line (Martakert district) was lost in
# June-July 1992 and retaken by June 1993.
MARTAKERT_1992 = [(46.33, 40.10), (46.50, 40.10), (46.60, 40.095), (46.70, 40.09), (46.78, 40.085),
                  (46.84, 40.09), (46.87, 40.10)]
# Khojaly town and airfield (taken 26 Feb 1992).
KHOJALY = [(46.770, 39.900), (46.805, 39.895), (46.818, 39.915), (46.805, 39.931), (46.780, 39.928),
           (46.770, 39.900)]
# Heights by Parukh taken in March 2022 (against the oblast's edge by Hovtashen).
PARUKH = [(46.750, 40.036), (46.775, 40.018), (46.80, 40.012), (46.818, 40.018), (46.822, 40.032)]

# The 2020 ceasefire line (north) after Talish and Madagiz fell on 3 Oct 2020.
CF_NORTH = [(46.47, 40.30), (46.55, 40.305), (46.62, 40.31), (46.68, 40.315), (46.72, 40.315),
            (46.78, 40.30), (46.83, 40.285), (46.88, 40.275), (46.93, 40.27), (46.97, 40.266),
            (47.00, 40.262), (47.02, 40.262)]
# The 2020 ceasefire line (south), from the Martuni foothills round Shusha to the corridor.
CF_SOUTH = [(47.23, 39.74), (47.19, 39.725), (47.14, 39.705), (47.09, 39.69), (47.04, 39.68),
            (47.00, 39.672), (46.96, 39.666), (46.925, 39.665), (46.905, 39.673), (46.88, 39.69),
            (46.855, 39.71), (46.835, 39.728), (46.815, 39.748), (46.80, 39.763), (46.785, 39.775),
            (46.77, 39.777), (46.755, 39.770), (46.745, 39.765), (46.735, 39.758), (46.72, 39.745),
            (46.70, 39.725), (46.68, 39.705), (46.66, 39.69), (46.645, 39.678), (46.628, 39.665),
            (46.615, 39.648), (46.612, 39.63), (46.613, 39.60)]
# Inside the areas taken in Oct-Nov 2020: Shusha district / northern Hadrut district split,
# northern / main Hadrut district split, and the Khtsaberd - Hin Tagher pocket.
SHUSHA_EAST = [(46.812, 39.752), (46.805, 39.72), (46.80, 39.68), (46.795, 39.64), (46.79, 39.60),
               (46.785, 39.555)]
POCKET = [(46.735, 39.535), (46.745, 39.555), (46.77, 39.565), (46.80, 39.557), (46.83, 39.535),
          (46.848, 39.51), (46.845, 39.485), (46.84, 39.465)]
HADRUT_NORTH = [(46.82, 39.54), (46.86, 39.565), (46.92, 39.572), (46.96, 39.572), (47.00, 39.565),
                (47.05, 39.575), (47.11, 39.58)]

# Lachin corridor: the 5-km band round the Stepanakert-Goris road from 1 Dec 2020
# (outer edge), and the line between its western part (Lachin town, Zabukh, Sus; handed to
# Azerbaijan on 26 Aug 2022) and the eastern part carrying the new road to the Hakari bridge.
CORRIDOR_OUTER_N = [(46.582, 39.667), (46.56, 39.665), (46.54, 39.662), (46.515, 39.658),
                    (46.497, 39.645), (46.49, 39.625), (46.487, 39.60), (46.486, 39.565)]
CORRIDOR_OUTER_S = [(46.594, 39.628), (46.585, 39.60), (46.578, 39.58), (46.565, 39.552),
                    (46.545, 39.535), (46.51, 39.522)]
CORRIDOR_SPLIT = [(46.58, 39.648), (46.565, 39.62), (46.556, 39.595), (46.548, 39.57), (46.540, 39.553),
                  (46.533, 39.549)]

# Armenia: ground taken by Azerbaijani forces in May 2021 (Sev Lich) and Sep 2022 (Jermuk).
SEV_LICH = [(46.29, 39.64), (46.285, 39.598), (46.25, 39.572), (46.21, 39.562), (46.17, 39.568),
            (46.15, 39.585), (46.15, 39.65)]
JERMUK = [(45.83, 39.86), (45.775, 39.858), (45.755, 39.835), (45.765, 39.807), (45.80, 39.793),
          (45.85, 39.780), (45.90, 39.770), (45.94, 39.774), (45.96, 39.80)]

# Exclaves and border corrections. The corrections of scripts/border_corrections.py (Kornidzor,
# Karki, Yukhari Askipara, Sofulu, Khnatsakh, Heydarabad, Debedavan) are already in
# countries.geojson; only the seam
# between Sofulu and Barkhudarly, which the correction merges into one exclave, is cut here.
SOFULU_BARKHUDARLY = border_corrections.SOFULU_BARKHUDARLY
GAZAKH_NORTH = [(45.066, 41.116), (45.080, 41.1155), (45.086, 41.104), (45.085, 41.090),
                (45.087, 41.077), (45.076, 41.068), (45.062, 41.069)]
GAZAKH_SOUTH = [(45.100, 41.048), (45.106, 41.057), (45.113, 41.066), (45.124, 41.082),
                (45.133, 41.080), (45.14, 41.068)]

# Abkhazia: the Enguri from the sea to the dam, then the watershed to the main ridge.
ABKHAZIA = [(41.535, 42.375), (41.555, 42.392), (41.585, 42.405), (41.605, 42.418), (41.617, 42.436),
            (41.64, 42.452), (41.665, 42.472), (41.70, 42.488), (41.74, 42.505), (41.775, 42.525),
            (41.80, 42.545), (41.83, 42.575), (41.87, 42.615), (41.92, 42.655), (41.97, 42.688),
            (42.03, 42.72), (42.04, 42.76), (42.07, 42.83), (42.11, 42.92), (42.15, 43.02),
            (42.16, 43.12), (42.14, 43.26)]
# Ganmukhuri: Georgian-held bulge on the right bank of the Enguri mouth (Zugdidi side).
GANMUKHURI = [(41.598, 42.420), (41.605, 42.408), (41.62, 42.412), (41.638, 42.418), (41.65, 42.43),
              (41.652, 42.445), (41.655, 42.47)]
GAGRA_GUDAUTA = [(40.365, 43.14), (40.375, 43.19), (40.41, 43.28), (40.44, 43.38), (40.47, 43.56)]
GUDAUTA_SUKHUMI = [(40.915, 42.975), (40.94, 43.01), (40.96, 43.06), (40.98, 43.15), (41.00, 43.25),
                   (41.02, 43.42)]
GALI = [(41.47, 42.63), (41.53, 42.665), (41.60, 42.70), (41.70, 42.75), (41.80, 42.79),
        (41.90, 42.82), (41.98, 42.83), (42.10, 42.85)]
TKVARCHELI = [(41.515, 42.65), (41.56, 42.80), (41.62, 42.90), (41.72, 42.93), (41.82, 42.90),
              (41.88, 42.84), (41.86, 42.80)]
UPPER_KODORI = [(41.42, 43.30), (41.47, 43.10), (41.52, 43.00), (41.60, 42.95), (41.72, 42.97),
                (41.85, 42.93), (41.95, 42.90), (42.12, 42.90)]

# South Ossetia: the former autonomous oblast (South Ossetian view of the 1980s outline,
# as fenced after 2008), the 1992-2008 Georgian-held enclaves, and the Akhalgori district.
SOAO = [(43.76, 42.80), (43.72, 42.70), (43.64, 42.60), (43.56, 42.50), (43.55, 42.43), (43.592, 42.352), (43.66, 42.30),
        (43.70, 42.255), (43.75, 42.195), (43.78, 42.18), (43.82, 42.168), (43.90, 42.19), (43.955, 42.205),
        (43.99, 42.215), (44.03, 42.19), (44.07, 42.14), (44.15, 42.12), (44.25, 42.10),
        (44.35, 42.08), (44.45, 42.055), (44.475, 42.048), (44.52, 42.08), (44.60, 42.15),
        (44.66, 42.25), (44.64, 42.36), (44.58, 42.44), (44.48, 42.50), (44.38, 42.55), (44.30, 42.60),
        (44.26, 42.70)]
AKHALGORI_WEST = [(44.31, 42.07), (44.30, 42.15), (44.30, 42.25), (44.34, 42.40), (44.38, 42.555),
                  (44.39, 42.575)]
LIAKHVI = [(43.953, 42.238), (43.978, 42.240), (43.988, 42.262), (43.975, 42.300), (43.958, 42.332),
           (43.925, 42.336), (43.922, 42.312), (43.94, 42.27), (43.953, 42.238)]
EREDVI = [(44.02, 42.19), (44.015, 42.235), (44.035, 42.262), (44.07, 42.268), (44.095, 42.245),
          (44.09, 42.20), (44.08, 42.13)]

# Armenia, Gegharkunik: ground east of Verin Shorzha taken in May 2021 (inner line) and the
# wider strip east of Verin Shorzha, Norabak and Sotk held after 13-14 Sep 2022 (outer line).
# Both run from Azerbaijan across Natural Earth's border and back.
GEGHARKUNIK_2021 = [(45.915, 40.05), (45.888, 40.056), (45.885, 40.075), (45.892, 40.095),
                    (45.91, 40.107), (45.935, 40.113), (45.96, 40.12)]
GEGHARKUNIK_2022 = [(45.905, 40.035), (45.884, 40.045), (45.879, 40.062), (45.880, 40.085),
                    (45.89, 40.103), (45.91, 40.118), (45.94, 40.14), (45.956, 40.165),
                    (45.966, 40.19), (45.972, 40.21), (45.99, 40.22)]
# Armenia, Syunik: the strip round Nerkin Hand and the Tsav valley south-east of Kapan, held
# by Azerbaijani forces after 13-14 Sep 2022 (from Azerbaijan across the border and back).
NERKIN_HAND = [(46.505, 39.035), (46.487, 39.038), (46.481, 39.06), (46.479, 39.085),
               (46.466, 39.105), (46.448, 39.118), (46.43, 39.128), (46.44, 39.14)]

# Azerbaijan, Fuzuli district: the ground east of the 1994 line that Armenian forces held
# from late 1993 until the Horadiz operation (Dec 1993 - 6 Jan 1994). The outer line runs
# from the 1994 line north-east of Fuzuli to the Aras east of Horadiz; the split line
# separates the villages near Fuzuli (Armenian-held from August 1993) from Horadiz and the
# Aras strip (late October 1993).
HORADIZ_OUTER = [(47.27, 39.655), (47.31, 39.663), (47.365, 39.65), (47.40, 39.622),
                 (47.415, 39.575), (47.41, 39.52), (47.397, 39.49), (47.385, 39.455)]
HORADIZ_SPLIT = [(47.29, 39.525), (47.35, 39.53), (47.43, 39.535)]

# Azerbaijan, Qubadli and Zangilan: the band along the Armenian border that Armenian forces
# still held after the 10 Nov 2020 ceasefire, from Shurnukh on the Goris-Kapan road down to
# Syunik village by Kapan, handed over on 18 Dec 2020. From Armenia across Natural Earth's
# border, about 2-3 km inside Azerbaijan, and back into Armenia by Kapan.
SYUNIK_BORDER_2020 = [(46.425, 39.4562), (46.432, 39.447), (46.418, 39.42), (46.405, 39.40),
                      (46.415, 39.375), (46.45, 39.355), (46.49, 39.345), (46.515, 39.33),
                      (46.53, 39.30), (46.55, 39.275), (46.585, 39.252), (46.615, 39.237),
                      (46.625, 39.215), (46.60, 39.196), (46.56, 39.18), (46.52, 39.165),
                      (46.48, 39.175), (46.45, 39.19), (46.43, 39.202), (46.425, 39.215)]

# Georgia, August-October 2008: the Russian "security zone" along Abkhazia (about 12 km
# from the Enguri, the old CIS security zone, from the sea to the Enguri dam), the zone
# south of South Ossetia (to the Karaleti checkpoint north of Gori), Gori with the highway
# to Igoeti (13-22 Aug 2008), and the post at Perevi (Sachkhere), kept until Oct 2010.
BUFFER_ABKHAZIA = [(41.60, 42.30), (41.70, 42.31), (41.78, 42.37), (41.86, 42.43), (41.93, 42.49),
                   (42.00, 42.55), (42.06, 42.60), (42.11, 42.66), (42.12, 42.72), (42.09, 42.765),
                   (42.04, 42.79)]
BUFFER_SOUTH_OSSETIA = [(43.77, 42.20), (43.77, 42.12), (43.82, 42.08), (43.90, 42.066),
                        (43.98, 42.05), (44.06, 42.028), (44.14, 42.035), (44.22, 42.05),
                        (44.30, 42.07), (44.30, 42.10)]
GORI_2008 = [(43.93, 42.08), (43.94, 42.0), (43.98, 41.955), (44.06, 41.94), (44.20, 41.945),
             (44.33, 41.965), (44.43, 41.985), (44.44, 42.07)]
PEREVI = [(43.600, 42.362), (43.585, 42.368), (43.572, 42.36), (43.570, 42.345), (43.58, 42.335),
          (43.595, 42.335), (43.612, 42.343)]
# Georgian-held Avnevi-Nuli enclave on the Eastern Prone, inside South Ossetia (1992-2008).
AVNEVI_NULI = [(43.843, 42.212), (43.852, 42.219), (43.866, 42.216), (43.884, 42.202),
               (43.889, 42.193), (43.882, 42.1885), (43.870, 42.189), (43.858, 42.196),
               (43.846, 42.203), (43.843, 42.212)]

LINES = {
    "nkao": NKAO, "murovdag": MUROVDAG, "shahumyan": SHAHUMYAN, "loc-t3-t4": LOC_T3_T4,
    "loc-plain": LOC_PLAIN, "lele-tepe": LELE_TEPE, "talish-heights": TALISH_HEIGHTS,
    "kalbajar-lachin": KALBAJAR_LACHIN, "lachin-qubadli": LACHIN_QUBADLI,
    "qubadli-zangilan": QUBADLI_ZANGILAN, "jabrayil-west": JABRAYIL_WEST,
    "jabrayil-fuzuli": JABRAYIL_FUZULI, "martakert-1992": MARTAKERT_1992, "khojaly": KHOJALY,
    "parukh": PARUKH, "cf-north": CF_NORTH, "cf-south": CF_SOUTH, "shusha-east": SHUSHA_EAST,
    "pocket": POCKET, "hadrut-north": HADRUT_NORTH, "corridor-outer-n": CORRIDOR_OUTER_N,
    "corridor-outer-s": CORRIDOR_OUTER_S, "corridor-split": CORRIDOR_SPLIT,
    "sev-lich": SEV_LICH, "jermuk": JERMUK, "sofulu-barkhudarly": SOFULU_BARKHUDARLY, "gazakh-north": GAZAKH_NORTH, "gazakh-south": GAZAKH_SOUTH,
    "abkhazia": ABKHAZIA, "ganmukhuri": GANMUKHURI, "gagra-gudauta": GAGRA_GUDAUTA,
    "gudauta-sukhumi": GUDAUTA_SUKHUMI, "gali": GALI, "tkvarcheli": TKVARCHELI,
    "upper-kodori": UPPER_KODORI, "soao": SOAO, "akhalgori-west": AKHALGORI_WEST,
    "liakhvi": LIAKHVI, "eredvi": EREDVI, "gegharkunik-2021": GEGHARKUNIK_2021,
    "gegharkunik-2022": GEGHARKUNIK_2022, "nerkin-hand": NERKIN_HAND, "horadiz-outer": HORADIZ_OUTER,
    "horadiz-split": HORADIZ_SPLIT, "syunik-border-2020": SYUNIK_BORDER_2020,
    "buffer-abkhazia": BUFFER_ABKHAZIA, "buffer-south-ossetia": BUFFER_SOUTH_OSSETIA, "gori-2008": GORI_2008,
    "perevi": PEREVI, "avnevi-nuli": AVNEVI_NULI,
}


# ---------------------------------------------------------------------------------------
# Zones: seeds (points that lie in the zone), names, dated history, sources, precision.
# ---------------------------------------------------------------------------------------
def H(*steps):
    """steps: (from, controller[, extras dict]) in order; `until` is filled from the next."""
    out = []
    for i, st in enumerate(steps):
        e = {"from": st[0], "until": steps[i + 1][0] if i + 1 < len(steps) else None,
             "controller": st[1]}
        if len(st) > 2:
            e.update(st[2])
        out.append(e)
    return out


NKR_FROM = ("1992-01-06", "NKR", {
    "from_range": ["1991-12-10", "1992-01-06"],
    "note": "Soviet interior troops left the oblast in December 1991; after the 10 Dec 1991 "
            "referendum the Nagorno-Karabakh Republic declared independence on 6 Jan 1992. This atlas "
            "dates Armenian control of the oblast's Armenian-held areas from that day.",
    "sources": src("war1", "nkao")})
END_2023 = ("2023-09-20", "AZE", {
    "from_range": ["2023-09-19", "2023-09-20"],
    "note": "Azerbaijani offensive of 19-20 Sep 2023; the Karabakh forces accepted a ceasefire and "
            "disarmament at 13:00 on 20 Sep.",
    "sources": src("bbc2023", "reuters2023", "off2023")})


def name(en, hy=None, az=None, ru=None, ka=None):
    d = {"en": en}
    for k, v in (("hy", hy), ("az", az), ("ru", ru), ("ka", ka)):
        if v:
            d[k] = v
    return d


# Who uses the first and who the second name of each "A / B" pair of a Georgian place
# (geodata/SCHEMA.md, `name_sides`): the atlas puts the holder's name first on each date.
ABK_GEO_NAMES = [["ABK"], ["GEO"]]
GEO_ABK_NAMES = [["GEO"], ["ABK"]]
GEO_SOS_NAMES = [["GEO"], ["SOS"]]


KB_NOTE = ("Outline traced by hand in lon/lat between the settlements that the sources place on "
           "either side (geodata/README.md lists them); Soviet-era district lines are simplified "
           "and may be off by a few kilometres.")

ZONES = [
    # ---- remainders -----------------------------------------------------------------------
    dict(id="zone-armenia", default="arm", seeds=[(44.5126, 40.17765), (46.34168, 39.51111), (46.5305, 39.5476)],
         name=name("Armenia", "Հայաստան", "Ermənistan", "Армения", "სომხეთი"),
         history=H((START, "ARM")), sources=src("ne", "karki"), unc=0.5,
         note="Armenia outside the zones drawn separately. Its outer edge is the border of "
              "countries.geojson: Natural Earth's, corrected at Kornidzor, Karki, Yukhari Askipara and "
              "Sofulu (see geodata/README.md); only the edges with the small zones inside it are "
              "approximate."),
    dict(id="zone-azerbaijan", default="aze", seeds=[(49.89201, 40.37767)],
         name=name("Azerbaijan", "Ադրբեջան", "Azərbaycan", "Азербайджан", "აზერბაიჯანი"),
         history=H((START, "AZE")), sources=src("ne", "loc"), unc=3,
         note="Azerbaijan (with Nakhchivan) outside the zones drawn separately; held by Azerbaijan "
              "throughout. Its outer edge is Natural Earth's border; the edges with the Karabakh zones "
              "are approximate."),
    dict(id="zone-georgia", default="geo", seeds=[(44.83412, 41.69143)],
         name=name("Georgia", "Վրաստան", "Gürcüstan", "Грузия", "საქართველო"),
         history=H((START, "GEO")), sources=src("ne", "abkwar", "rgwar"), unc=3,
         note="Georgia outside Abkhazia and South Ossetia; its outer edge is Natural Earth's border."),

    # ---- Nagorno-Karabakh (former NKAO) ---------------------------------------------------
    dict(id="zone-nkr-central", seeds=[(46.7528, 39.8177), (46.83161, 39.9391)], contested=True,
         name=name("Stepanakert / Khankendi and central Nagorno-Karabakh",
                   "Ստեփանակերտ և Լեռնային Ղարաբաղի կենտրոնական մասը",
                   "Xankəndi və Dağlıq Qarabağın mərkəzi hissəsi",
                   "Степанакерт / Ханкенди и центральный Нагорный Карабах"),
         name_sides_from="1991-11-26",
         history=H((START, "AZE"), NKR_FROM, END_2023),
         sources=src("nkao", "war1", "statement", "pk", "off2023", "rename91"), unc=3,
         note="The part of the former oblast that stayed under the Karabakh Armenian authorities from "
              "1992 until September 2023, inside the Russian peacekeepers' zone from 10 Nov 2020. " + KB_NOTE),
    dict(id="zone-martakert", seeds=[(46.82135, 40.21127), (46.617, 40.181)], contested=True,
         name=name("Martakert / Aghdara district", "Մարտակերտի շրջան", "Ağdərə rayonu",
                   "Мардакертский / Агдеринский район"),
         history=H((START, "AZE"), NKR_FROM,
                   ("1992-07-04", "AZE", {"from_range": ["1992-06-13", "1992-07-04"],
                                         "note": "Operation Goranboy; Martakert town fell on 4 Jul 1992."}),
                   ("1993-06-27", "NKR", {"note": "Armenian forces retook Martakert town on 27 Jun 1993 "
                                                  "after retaking much of the district earlier that year."}),
                   END_2023),
         sources=src("goranboy", "martakert93", "nkao", "pk", "mardakert"), unc=4,
         note="Northern part of the former oblast (Tartar valley, Sarsang reservoir). The 1992 front is "
              "simplified: the whole area north of a line near 40.09° N is shown as lost in 1992. " + KB_NOTE),
    dict(id="zone-talish-madagiz", seeds=[(46.729, 40.331)], contested=True,
         name=name("Talish and Madagiz / Sugovushan", "Թալիշ և Մատաղիս", "Talış və Suqovuşan",
                   "Талыш и Мадагиз / Суговушан"),
         history=H((START, "AZE"), NKR_FROM,
                   ("1992-06-13", "AZE", {"from_range": ["1992-06-13", "1992-07-04"],
                                         "note": "Operation Goranboy."}),
                   ("1994-04-11", "NKR", {"note": "Armenian forces retook Talish on 11 Apr 1994."}),
                   ("2020-10-03", "AZE", {"note": "Azerbaijan announced the capture of Madagiz (renamed "
                                                 "Sugovushan) and Talish on 3 Oct 2020."})),
         sources=src("talish", "goranboy", "war2tl", "loc"), unc=3,
         note="Northern rim of the former oblast, between the 1994 line of contact and the line held "
              "after October 2020. " + KB_NOTE),
    dict(id="zone-talish-heights",
         seeds=[(46.75, 40.40)],
         name=name("Heights north of Talish", "Թալիշից հյուսիս ընկած բարձունքները",
                   "Talışın şimalındakı yüksəkliklər", "Высоты к северу от Талыша"),
         history=H((START, "AZE"), NKR_FROM,
                   ("1992-06-13", "AZE", {"from_range": ["1992-06-13", "1992-07-04"]}),
                   ("1994-04-11", "NKR"),
                   ("2016-04-02", "AZE", {"from_range": ["2016-04-02", "2016-04-05"],
                                         "note": "Azerbaijan said it took the heights round Talish in the "
                                                 "fighting of 2-5 Apr 2016; the Armenian side said only some "
                                                 "posts changed hands. Drawn as Azerbaijan's claim."})),
         sources=src("apr2016", "talish", "loc"), unc=1.5,
         note="A strip of high ground between Talish and the 1994 line, drawn narrow because the extent "
              "of the April 2016 change is disputed."),
    dict(id="zone-khojaly", seeds=[(46.79213, 39.91361)], contested=True,
         name=name("Ivanyan / Khojaly", "Իվանյան (Խոջալու)", "Xocalı", "Иванян / Ходжалы"),
         history=H((START, "AZE"),
                   ("1992-02-26", "NKR", {"from_range": ["1992-02-25", "1992-02-26"],
                                         "note": "Taken by Armenian forces on the night of 25-26 Feb 1992 "
                                                 "(Khojaly massacre)."}),
                   END_2023),
         sources=src("khojaly", "pk", "off2023"), unc=1,
         note="The town and its airfield only, a few km across. " + KB_NOTE),
    dict(id="zone-parukh", seeds=[(46.801, 40.016)], contested=True,
         name=name("Parukh / Farrukh", "Փառուխ", "Fərrux", "Парух / Фаррух"),
         history=H((START, "AZE"), NKR_FROM,
                   ("2022-03-24", "AZE", {"from_range": ["2022-03-24", "2022-03-26"],
                                         "note": "Azerbaijani units crossed into the peacekeepers' zone and "
                                                 "took the village and the heights above it; Russia said on "
                                                 "27 Mar that they had pulled back, Baku denied it."})),
         sources=src("parukh", "pk"), unc=1,
         note="Village and heights on the eastern edge of the peacekeepers' zone; extent approximate."),
    dict(id="zone-shusha-district", seeds=[(46.74989, 39.76006)], contested=True,
         name=name("Shushi / Shusha district", "Շուշիի շրջան", "Şuşa rayonu", "Шушинский район"),
         history=H((START, "AZE"),
                   ("1992-05-08", "NKR", {"from_range": ["1992-05-08", "1992-05-09"],
                                         "note": "Armenian forces took Shusha on 8-9 May 1992."}),
                   ("2020-11-08", "AZE", {"from_range": ["2020-11-08", "2020-11-09"],
                                         "note": "Azerbaijan announced the capture of Shusha on 8 Nov 2020; "
                                                 "the Karabakh authorities conceded it on 9 Nov."})),
         sources=src("shusha92", "shusha20", "statement", "nkao"), unc=2,
         note="Shusha town with Karin Tak / Dashalty below its cliffs and the southern part of the former "
              "Shusha district, which stayed outside the peacekeepers' zone after November 2020. The road "
              "from Stepanakert to the corridor, passing just north-west of the town, stays in "
              "zone-nkr-central. " + KB_NOTE),
    dict(id="zone-hadrut-north", seeds=[(46.965, 39.585), (46.831, 39.703)], contested=True,
         name=name("Togh / Tugh and the northern Hadrut district", "Տող և Հադրութի շրջանի հյուսիսը",
                   "Tuğ və Hadrut bölgəsinin şimalı", "Тог / Туг и север Гадрутского района"),
         history=H((START, "AZE"), NKR_FROM,
                   ("2020-11-09", "AZE", {"from_range": ["2020-10-20", "2020-11-09"],
                                         "note": "Taken village by village after Hadrut fell; Azerbaijan "
                                                 "announced Togh and Avetaranots / Chanakhchi on 9 Nov 2020 "
                                                 "(Hetq dates Avetaranots to 27 Oct)."})),
         sources=src("war2tl", "hadrut", "statement"), unc=3,
         note="Villages between Hadrut and the post-war line, including Avetaranots / Chanakhchi; Karmir "
              "Shuka and the lower part of Taghavard stayed inside the peacekeepers' zone. " + KB_NOTE),
    dict(id="zone-hadrut", seeds=[(47.0319, 39.52003), (46.878, 39.497)],
         name=name("Hadrut district", "Հադրութի շրջան", "Hadrut rayonu", "Гадрутский район"),
         history=H((START, "AZE"), NKR_FROM,
                   ("2020-10-15", "AZE", {"from_range": ["2020-10-09", "2020-10-15"],
                                         "note": "Azerbaijan claimed Hadrut on 9 Oct 2020; independent "
                                                 "sources put Azerbaijani control on 14-15 Oct."})),
         sources=src("hadrut", "war2tl"), unc=3,
         note="Southern part of the former oblast (Hadrut and Khandzadzor / Aghjakend). " + KB_NOTE),
    dict(id="zone-khtsaberd-hin-tagher", seeds=[(46.77, 39.545), (46.824, 39.508)], contested=True,
         name=name("Khtsaberd / Chaylaggala and Hin Tagher / Kohne Taghlar", "Խծաբերդ և Հին Թաղեր",
                   "Çaylaqqala və Köhnə Tağlar", "Хцаберд и Хин Тагер"),
         history=H((START, "AZE"), NKR_FROM,
                   ("2020-12-12", "AZE", {"from_range": ["2020-12-11", "2020-12-12"],
                                         "note": "The last Armenian-held pocket in the south-west, cut off "
                                                 "by the ceasefire; Azerbaijani forces took it on 11-13 Dec 2020."})),
         sources=src("pocket", "pk", "hintagher", "hintagher_ru"), unc=2,
         note="Two villages of the former Hadrut district and the ground between them. " + KB_NOTE),

    # ---- districts around the former oblast ------------------------------------------------
    dict(id="zone-kalbajar", seeds=[(46.04446, 40.10984)], contested=True,
         name=name("Karvachar / Kalbajar district", "Քարվաճառի շրջան", "Kəlbəcər rayonu",
                   "Кельбаджарский район"),
         history=H((START, "AZE"),
                   ("1993-04-03", "NKR", {"from_range": ["1993-03-27", "1993-04-03"],
                                         "note": "Armenian offensive of 27 Mar - 3 Apr 1993."}),
                   ("2020-11-25", "AZE", {"note": "Handed over under the 10 Nov 2020 statement (deadline "
                                                 "extended from 15 Nov)."})),
         sources=src("kalbajar93", "kalbajar20", "kalbajar_d", "statement"), unc=4,
         note="The Soviet-era Kalbajar rayon, without the 23 villages of the Martakert district that "
              "Azerbaijan added to it in 1992 (the 2020 handover followed the old oblast line). Its "
              "northern edge is the Murovdag crest, the 1994 line of contact. " + KB_NOTE),
    dict(id="zone-lachin-district", seeds=[(46.30, 39.75), (46.60, 39.56)], contested=True,
         name=name("Berdzor / Lachin district", "Բերձորի (Քաշաթաղի) շրջան", "Laçın rayonu",
                   "Лачинский район"),
         history=H((START, "AZE"),
                   ("1992-05-18", "NKR", {"note": "Armenian forces entered Lachin on 18 May 1992."}),
                   ("2020-12-01", "AZE", {"note": "Handed over under the 10 Nov 2020 statement, except the "
                                                 "5-km corridor."})),
         sources=src("lachin92", "lachin20", "statement"), unc=4,
         note="The Lachin rayon outside the 2020 corridor band. " + KB_NOTE),
    dict(id="zone-lachin-corridor-2020", seeds=[(46.54977, 39.63742), (46.543, 39.59), (46.513, 39.627)],
         contested=True,
         name=name("Lachin corridor 2020-2022: Berdzor / Lachin, Aghavno / Zabukh and Sus",
                   "Լաչինի միջանցք. Բերձոր, Աղավնո, Սուս", "Laçın dəhlizi: Laçın, Zabux, Sus",
                   "Лачинский коридор: Бердзор / Лачин, Агавно / Забух, Сус"),
         history=H((START, "AZE"),
                   ("1992-05-18", "NKR", {"note": "Armenian forces entered Lachin on 18 May 1992.",
                                         "sources": src("lachin92")}),
                   ("2020-11-10", "NKR", {"note": "Inside the 5-km corridor that point 6 of the 10 Nov 2020 "
                                                 "statement put under the Russian peacekeeping force. Berdzor / "
                                                 "Lachin, Aghavno / Zabukh and Sus stayed Armenian-inhabited and "
                                                 "under the Artsakh administration (Berdzor kept its mayor), with "
                                                 "Russian posts on the road; the rest of the district went to "
                                                 "Azerbaijan on 1 Dec 2020.",
                                         "sources": src("statement", "corridor", "berdzor22", "berdzor22b")}),
                   ("2022-08-26", "AZE", {"from_range": ["2022-08-25", "2022-08-26"],
                                         "note": "The remaining Armenian residents were told to leave by 25 Aug "
                                                 "2022, ahead of the move of the corridor to the new road; the "
                                                 "Azerbaijani army entered Lachin town, Zabukh and Sus on 26 Aug.",
                                         "sources": src("berdzor22", "berdzor22b", "corridor")})),
         sources=src("corridor", "statement", "pk", "lachin20", "berdzor22", "berdzor22b"), unc=1.5,
         note="Western part of the 5-km band round the old Goris-Stepanakert road: Lachin town, Zabukh and "
              "Sus, held by the Karabakh Armenian side (NKR) with Russian peacekeepers guarding the corridor "
              "from 10 Nov 2020 until 26 Aug 2022. The band is drawn about 5 km wide along the road; no "
              "official map was published."),
    dict(id="zone-lachin-corridor-2022", seeds=[(46.562, 39.57), (46.575, 39.61)], contested=True,
         name=name("Lachin corridor 2022-2023: Hin Shen / Kichik Galadarasi to the Hakari bridge",
                   "Լաչինի միջանցքի նոր ճանապարհը", "Laçın dəhlizinin yeni yolu",
                   "Лачинский коридор: новая дорога к мосту через Акари"),
         history=H((START, "AZE"),
                   ("1992-05-18", "NKR"),
                   ("2020-12-01", "RUS", {"note": "Eastern part of the 5-km corridor under the Russian "
                                                 "peacekeepers; the road through it was the corridor from 30 Aug "
                                                 "2022, with an Azerbaijani checkpoint at the Hakari bridge from "
                                                 "23 Apr 2023.",
                                         "sources": src("statement", "corridor", "pk")}),
                   ("2023-10-01", "AZE", {"from_range": ["2023-09-20", "2023-10-01"],
                                         "note": "The corridor lost its purpose after the September 2023 "
                                                 "offensive and the exodus through it (24-30 Sep). The Russian "
                                                 "posts on it closed one by one; the last closure reported in the "
                                                 "Lachin district was on 23 Nov 2023.",
                                         "sources": src("off2023", "corridor", "posts23")})),
         sources=src("corridor", "pk", "posts23"), unc=2,
         note="Ground between the old corridor road and the new road that the peacekeepers used from "
              "30 Aug 2022 (past Mets Shen and Hin Shen to the Hakari bridge at Kornidzor); an "
              "Azerbaijani checkpoint stood at the bridge from 23 Apr 2023. Drawn within the 2020 band."),
    dict(id="zone-qubadli", seeds=[(46.58183, 39.34441)], contested=True,
         name=name("Kashunik / Qubadli district", "Քաշունիքի շրջան", "Qubadlı rayonu", "Губадлинский район"),
         history=H((START, "AZE"),
                   ("1993-08-31", "NKR"),
                   ("2020-10-25", "AZE", {"note": "Azerbaijani forces took Qubadli town on 25 Oct 2020; "
                                                 "the band by the Armenian border (zone-qubadli-border-2020) "
                                                 "stayed Armenian-held until 18 Dec 2020."})),
         sources=src("qubadli_d", "summer93", "war2tl", "kashunik"), unc=4, note=KB_NOTE),
    dict(id="zone-qubadli-border-2020", seeds=[(46.395, 39.41), (46.508, 39.32)], contested=True,
         name=name("Kashunik / Qubadli border band (held until December 2020)",
                   "Քաշունիքի շրջանի սահմանամերձ գոտի", "Qubadlı rayonunun sərhədyanı zolağı",
                   "Приграничная полоса Губадлинского района"),
         history=H((START, "AZE"),
                   ("1993-08-31", "NKR"),
                   ("2020-12-18", "AZE", {"note": "After the 10 Nov 2020 ceasefire Armenian forces still held "
                                                 "positions here, on the Azerbaijani side of the Soviet line, "
                                                 "with stretches of the Goris-Kapan road near Shurnukh and "
                                                 "Vorotan; they came down from them by 17:00 on 18 Dec 2020 as "
                                                 "the border was marked with GPS."})),
         sources=src("syunik20", "syunik20b", "qubadli_d", "kashunik"), unc=2.5,
         note="A band about 2-3 km wide along Natural Earth's border from Shurnukh to the Qubadli-Zangilan "
              "line; its width is a sketch (the sources name the villages and the road, not a line)."),
    dict(id="zone-zangilan", seeds=[(46.65988, 39.08371)], contested=True,
         name=name("Kovsakan / Zangilan district", "Կովսականի շրջան", "Zəngilan rayonu",
                   "Зангеланский район"),
         history=H((START, "AZE"),
                   ("1993-10-29", "NKR", {"from_range": ["1993-10-29", "1993-10-30"]}),
                   ("2020-10-20", "AZE", {"note": "Azerbaijan announced Zangilan town and villages taken on "
                                                 "20 Oct 2020; the band by Kapan (zone-zangilan-border-2020) "
                                                 "stayed Armenian-held until 18 Dec 2020."})),
         sources=src("zangilan_d", "war2tl"), unc=4, note=KB_NOTE),
    dict(id="zone-zangilan-border-2020", seeds=[(46.55, 39.188)], contested=True,
         name=name("Kovsakan / Zangilan border band by Kapan (held until December 2020)",
                   "Կովսականի շրջանի սահմանամերձ գոտի Կապանի մոտ", "Zəngilan rayonunun Qafan yaxınlığındakı "
                   "sərhədyanı zolağı", "Приграничная полоса Зангеланского района у Капана"),
         history=H((START, "AZE"),
                   ("1993-10-29", "NKR", {"from_range": ["1993-10-29", "1993-10-30"]}),
                   ("2020-12-18", "AZE", {"note": "The heights by Kapan and Syunik village were handed over by "
                                                 "17:00 on 18 Dec 2020."})),
         sources=src("syunik20", "syunik20b", "zangilan_d"), unc=2.5,
         note="A band about 2 km wide along Natural Earth's border east and south of Kapan, down to Syunik "
              "village; Natural Earth's border runs unusually close to Kapan here."),
    dict(id="zone-fuzuli-east-1993", seeds=[(47.364, 39.596)],
         name=name("Villages east of Fuzuli (1993-1994)", "Ֆիզուլիից արևելք գտնվող գյուղերը (1993-1994)",
                   "Füzulidən şərqdəki kəndlər (1993-1994)", "Сёла к востоку от Физули (1993-1994)"),
         history=H((START, "AZE"),
                   ("1993-08-23", "NKR", {"from_range": ["1993-08-23", "1993-08-26"],
                                         "note": "Taken with Fuzuli in August 1993 (Alkhanli was Armenian-held "
                                                 "from August 1993 to January 1994)."}),
                   ("1994-01-06", "AZE", {"from_range": ["1993-12-15", "1994-01-06"],
                                         "note": "Retaken in the Horadiz operation (15 Dec 1993 - 6 Jan 1994), "
                                                 "which freed about 210 km² with Horadiz, 20 villages of Fuzuli "
                                                 "district and Jojug Marjanli."})),
         sources=src("horadiz_wiki", "horadiz", "horadiz_newsaz", "horadiz_ap"), unc=4,
         note="The ground between the 1994 line and the furthest Armenian advance east of Fuzuli, north of "
              "Horadiz. The outer line is a sketch sized to the 210 km² of the operation (with "
              "zone-horadiz-1993)."),
    dict(id="zone-horadiz-1993", seeds=[(47.335, 39.45), (47.298, 39.391)],
         name=name("Horadiz and the Aras strip (1993-1994)", "Հորադիզ և Արաքսի ափը (1993-1994)",
                   "Horadiz və Araz boyu (1993-1994)", "Горадиз и полоса вдоль Аракса (1993-1994)"),
         history=H((START, "AZE"),
                   ("1993-10-29", "NKR", {"from_range": ["1993-10-20", "1993-10-29"],
                                         "note": "Armenian forces took Horadiz in late October 1993, cutting "
                                                 "Zangilan off before it fell on 29 Oct."}),
                   ("1994-01-06", "AZE", {"from_range": ["1994-01-05", "1994-01-06"],
                                         "note": "Azerbaijani forces entered Horadiz on 6 Jan 1994 and took back "
                                                 "about 40 km of the Aras frontier."})),
         sources=src("horadiz_wiki", "horadiz", "horadiz_ap", "horadiz_newsaz"), unc=4,
         note="Horadiz town and station, Jojug Marjanli and the Aras bank east of the 1994 line. Which day in "
              "late October 1993 Horadiz fell is not in the sources; the atlas uses the fall of Zangilan."),
    dict(id="zone-jabrayil", seeds=[(47.02835, 39.39917)], contested=True,
         name=name("Jrakan / Jabrayil district", "Ջրականի շրջան", "Cəbrayıl rayonu", "Джебраильский район"),
         history=H((START, "AZE"),
                   ("1993-08-23", "NKR", {"from_range": ["1993-08-23", "1993-08-26"]}),
                   ("2020-10-04", "AZE", {"from_range": ["2020-10-04", "2020-10-09"],
                                         "note": "Aliyev announced on 4 Oct 2020 that the army had taken Jabrayil "
                                                 "town and nine villages of the district; the Armenian side denied "
                                                 "it, and the Azerbaijani defence ministry first showed footage from "
                                                 "the town on 9 Oct. Villages in the west of the district were taken "
                                                 "later in October.",
                                         "sources": src("jabrayil20", "jabrayil20b", "jabrayil20c", "war2tl")})),
         sources=src("jabrayil_d", "summer93", "war2tl", "jabrayil20", "jabrayil20b"), unc=4,
         note="The Jabrayil rayon west of the 1994 line of contact. " + KB_NOTE),
    dict(id="zone-lele-tepe", seeds=[(47.269, 39.409)], contested=True,
         name=name("Varazatumb / Lele Tepe hill", "Վարազաթումբ", "Lələ Təpə", "Высота Лелетепе"),
         history=H((START, "AZE"),
                   ("1994-02-12", "NKR", {"from_range": ["1994-02-11", "1994-02-12"]}),
                   ("2016-04-02", "AZE", {"from_range": ["2016-04-02", "2016-04-05"],
                                         "note": "Taken by Azerbaijani forces in the April 2016 fighting "
                                                 "(confirmed by an AFP reporter)."})),
         sources=src("lalatapa", "apr2016", "loc"), unc=1,
         note="A 271 m hill north-west of Jojug Marjanli; the clearest shift of the line in 2016."),
    dict(id="zone-fuzuli-west", seeds=[(47.22, 39.55), (47.14529, 39.60094)], contested=True,
         name=name("Varanda / Fuzuli district (western part)", "Վարանդայի շրջան (արևմտյան մաս)",
                   "Füzuli rayonu (qərb hissəsi)", "Физулинский район (западная часть)"),
         history=H((START, "AZE"),
                   ("1993-08-23", "NKR"),
                   ("2020-10-17", "AZE", {"note": "Azerbaijani forces took Fuzuli town on 17 Oct 2020; "
                                                 "villages on the line (Garakhanbeyli) fell from 27 Sep."})),
         sources=src("fuzuli_d", "summer93", "war2tl", "loc"), unc=4,
         note="The part of the Fuzuli rayon west of the 1994 line of contact, which ran 12-18 km east "
              "of Fuzuli town. " + KB_NOTE),
    dict(id="zone-aghdam-west", seeds=[(46.92736, 39.99096)], contested=True,
         name=name("Akna / Aghdam district (western part)", "Ակնայի շրջան (արևմտյան մաս)",
                   "Ağdam rayonu (qərb hissəsi)", "Агдамский район (западная часть)"),
         history=H((START, "AZE"),
                   ("1993-07-23", "NKR"),
                   ("2020-11-20", "AZE", {"note": "Handed over under the 10 Nov 2020 statement."})),
         sources=src("aghdam_d", "aghdam_share", "aghdam20", "statement", "loc"), unc=3,
         note="The Soviet-era Aghdam rayon west of the 1994 line of contact, which ran a few km east of "
              "the town between Yusifjanly and Marzili (Armenian-held) and Kolgishlag, Khindiristan and "
              "Hajituraly (Azerbaijani-held). " + KB_NOTE),
    dict(id="zone-shahumyan", seeds=[(46.56, 40.422), (46.579, 40.358)], contested=True,
         name=name("Shahumyan / Ashagi Agjakend district", "Շահումյանի շրջան", "Şaumyan rayonu",
                   "Шаумяновский район"),
         history=H((START, "AZE"), NKR_FROM,
                   ("1992-06-13", "AZE", {"from_range": ["1992-06-12", "1992-06-13"],
                                         "note": "Operation Goranboy took the district in June 1992."})),
         sources=src("goranboy", "nkao"), unc=4,
         note="The Soviet Shahumyan district north of the oblast (Armenian majority, outside the NKAO), "
              "later merged into Goranboy. " + KB_NOTE),

    # ---- Armenia: Azerbaijani advances of 2021-2022 ----------------------------------------
    dict(id="zone-sev-lich", seeds=[(46.22, 39.585)], contested=True,
         name=name("Sev Lich / Garagol area", "Սև լճի շրջակայք", "Qaragöl ətrafı",
                   "Район озера Сев-Лич / Карагёль"),
         history=H((START, "ARM"),
                   ("2021-05-12", "AZE", {"from_range": ["2021-05-12", "2021-05-14"],
                                         "note": "Azerbaijani troops advanced about 3.5 km round the lake; "
                                                 "Armenia later put the area at about 40 km²."})),
         sources=src("border2122"), unc=3,
         note="Ground on the Armenian side of Natural Earth's border round the lake; extent approximate."),
    dict(id="zone-jermuk-heights", seeds=[(45.80, 39.80)],
         name=name("Heights east of Jermuk", "Ջերմուկից արևելք ընկած բարձունքները",
                   "Cermuk yaxınlığındakı yüksəkliklər", "Высоты к востоку от Джермука"),
         history=H((START, "ARM"),
                   ("2022-09-13", "AZE", {"from_range": ["2022-09-13", "2022-09-14"],
                                         "note": "Azerbaijani forces advanced toward Jermuk in the fighting "
                                                 "of 13-14 Sep 2022."})),
         sources=src("sep2022", "border2122", "asryan139"), unc=4,
         note="The largest of the September 2022 advances, about 7.5 km deep toward Jermuk. Drawn at 72 km²; "
              "Armenia's chief of staff put the area near Jermuk at 60.06 km² (Apr 2023). The smaller "
              "advances are zone-gegharkunik-2022 and zone-nerkin-hand."),
    dict(id="zone-gegharkunik-2021", seeds=[(45.895, 40.085)],
         name=name("Heights east of Verin Shorzha (2021)", "Վերին Շորժայից արևելք ընկած բարձունքները (2021)",
                   "Yuxarı Şorca yaxınlığındakı yüksəkliklər (2021)", "Высоты к востоку от Верин Шоржи (2021)"),
         history=H((START, "ARM"),
                   ("2021-05-12", "AZE", {"from_range": ["2021-05-12", "2021-05-14"],
                                         "note": "Azerbaijani troops crossed into Gegharkunik near Verin Shorzha on "
                                                 "12-13 May 2021, the same days as at Sev Lich; two Armenian posts "
                                                 "were cut off."})),
         sources=src("shorzha21", "pashinyan_nov21", "border2122"), unc=3,
         note="Part of the 40-45 km² that Armenia said Azerbaijan held after May 2021 in the Sotk-Khoznavar "
              "section, with zone-sev-lich. Drawn as a strip about 2-3 km deep on the Armenian side of Natural "
              "Earth's border east of Verin Shorzha; its extent is a rough sketch."),
    dict(id="zone-gegharkunik-2022", seeds=[(45.971, 40.19)],
         name=name("Heights east of Verin Shorzha, Norabak and Sotk (2022)",
                   "Վերին Շորժայից, Նորաբակից և Սոթքից արևելք ընկած բարձունքները (2022)",
                   "Yuxarı Şorca, Böyük Qaraqoyunlu və Zod yaxınlığındakı yüksəkliklər (2022)",
                   "Высоты к востоку от Верин Шоржи, Норабака и Сотка (2022)"),
         history=H((START, "ARM"),
                   ("2022-09-13", "AZE", {"from_range": ["2022-09-13", "2022-09-14"],
                                         "note": "Azerbaijani forces advanced in the Verin Shorzha, Norabak and "
                                                 "Sotk directions in the fighting of 13-14 Sep 2022."})),
         sources=src("irates", "asryan_positions", "asryan139", "elbakyan", "sep2022"), unc=4,
         note="Drawn 2-4 km deep along Natural Earth's border, so that with the other incursion zones the total "
              "stays near the 139 km² the Armenian chief of staff gave in April 2023. An Armenian analyst put "
              "the advance at up to 8 km, within 0.7 km of Verin Shorzha and 2 km of Norabak; that larger "
              "extent is not drawn."),
    dict(id="zone-nerkin-hand", seeds=[(46.485, 39.07)],
         name=name("Heights round Nerkin Hand (2022)", "Ներքին Հանդի շրջակայքի բարձունքները (2022)",
                   "Nerkin Hand ətrafındakı yüksəkliklər (2022)", "Высоты у Неркин Ханда (2022)"),
         history=H((START, "ARM"),
                   ("2022-09-13", "AZE", {"from_range": ["2022-09-13", "2022-09-14"],
                                         "note": "Armenian positions round Nerkin Hand were lost in the fighting "
                                                 "of 13-14 Sep 2022; Azerbaijani posts had stood about 0.6 km "
                                                 "inside since spring 2021 and moved closer in March 2022."})),
         sources=src("asryan_positions", "nerkinhand22", "tatoyan", "irates"), unc=3,
         note="A strip about 1-2 km deep along the border south-east of Kapan (Nerkin Hand, the Tsav valley). "
              "The Tatoyan Foundation counted 2,700 ha (27 km²) taken round Nerkin Hand with at most about "
              "2 km depth; drawn smaller to stay near the official total. No sourced coordinate of the "
              "village was found, so the strip is placed on Natural Earth's border, not on the village."),

    # ---- exclaves -------------------------------------------------------------------------
    dict(id="zone-karki", seeds=[(44.94361, 39.78556)], contested=True,
         name=name("Tigranashen / Karki", "Տիգրանաշեն", "Kərki", "Тигранашен / Кярки"),
         history=H((START, "AZE"),
                   ("1990-01-19", "ARM", {"note": "Taken by Armenian forces on 19 Jan 1990 (several sources "
                                                 "give May 1992)."})),
         sources=src("karki"), unc=1,
         note="Azerbaijani (Nakhchivan) exclave of about 19 km² on the Yerevan-Goris highway, missing "
              "from Natural Earth; drawn as a small polygon round the village."),
    dict(id="zone-artsvashen", seeds=[(45.51556, 40.64611)], contested=True,
         name=name("Artsvashen / Bashkend", "Արծվաշեն", "Başkənd", "Арцвашен / Башкенд"),
         history=H((START, "ARM"),
                   ("1992-08-10", "AZE", {"from_range": ["1992-08-08", "1992-08-10"],
                                         "note": "Taken by Azerbaijani forces in the days before 10 Aug 1992, when "
                                                 "the New York Times reported Azerbaijan's announcement and "
                                                 "Armenia's appeal to the CIS; the atlas dates it to the report.",
                                         "sources": src("artsvashen92", "artsvashen92b", "artsvashen")})),
         sources=src("artsvashen", "artsvashen92"), exact=True,
         note="Armenian exclave of about 40 km² inside Azerbaijan; Natural Earth's outline."),
    dict(id="zone-yukhari-askipara", seeds=[(44.9954, 41.0531), (45.02333, 41.06611)], contested=True,
         name=name("Verin Voskepar / Yukhari Askipara", "Վերին Ոսկեպար", "Yuxarı Əskipara",
                   "Верин Воскепар / Юхары Аскипара"),
         history=H((START, "AZE"),
                   ("1992-06-08", "ARM", {"note": "Attacked by Armenian forces in August 1990; Azerbaijan "
                                                 "dates the village's occupation to 8 Jun 1992, and several "
                                                 "sources give 1990 or 1992."})),
         sources=src("askipara", "askipara92"), unc=0.5,
         note="Azerbaijani exclave inside Armenia's Tavush province; Natural Earth's outline, widened on "
              "the east so that the village is inside."),
    dict(id="zone-barkhudarly", seeds=[(45.1947, 40.98644)], contested=True,
         name=name("Barkhudarlu / Barkhudarly", "Բարխուդարլու", "Barxudarlı", "Бархударлы"),
         history=H((START, "AZE"), ("1992-04-27", "ARM", {"note": "Taken after a four-day siege."})),
         sources=src("barkhudarly"), unc=0.5,
         note="Azerbaijani exclave inside Tavush; Natural Earth's outline."),
    dict(id="zone-sofulu", seeds=[(45.217, 40.998)],
         name=name("Sofulu", "Սոֆուլու", "Sofulu", "Софулу"),
         history=H((START, "AZE"), ("1992-04-27", "ARM", {"note": "Taken with Barkhudarly in spring 1992; "
                                                                 "the day is assumed."})),
         sources=src("sofulu", "barkhudarly"), unc=1,
         note="Part of the Barkhudarly-Sofulu exclave (22 km² together) that Natural Earth lacks; drawn "
              "as a small polygon round the village."),
    dict(id="zone-gazakh-north", seeds=[(45.083, 41.10), (45.0828, 41.0756)], contested=True,
         name=name("Baghanis Ayrum and Nerkin Voskepar / Ashagi Askipara", "Բաղանիս Այրում և Ներքին Ոսկեպար",
                   "Bağanis Ayrım və Aşağı Əskipara", "Баганис Айрум и Ашагы Аскипара"),
         history=H((START, "AZE"),
                   ("1990-03-24", "ARM", {"note": "Baghanis Ayrum was taken on the night of 23-24 Mar 1990; "
                                                 "Ashagi Askipara in the same period."}),
                   ("2024-05-24", "AZE", {"note": "Returned under the delimitation protocol of 19 Apr 2024; "
                                                 "Azerbaijani border guards took over on 24 May 2024."})),
         sources=src("gazakh24", "gazakh24b", "baganis"), unc=1,
         note="Two of the four Gazakh villages returned in 2024 (6.5 km² for all four); drawn as a strip "
              "along Natural Earth's border."),
    dict(id="zone-gazakh-south", seeds=[(45.11, 41.06)],
         name=name("Kheyrimli and Gizilhajili", "Խեյրիմլի և Ղըզըլհաջիլի", "Xeyrimli və Qızılhacılı",
                   "Хейримли и Гызылгаджылы"),
         history=H((START, "AZE"),
                   ("1992-03-08", "ARM", {"note": "Kheyrimli was taken on 8 Mar 1992; Gizilhajili in the "
                                                 "same period."}),
                   ("2024-05-24", "AZE", {"note": "Returned under the delimitation protocol of 19 Apr 2024."})),
         sources=src("gazakh24", "kheyrimli"), unc=2,
         note="The other two of the four villages returned in 2024, near Kirants; their positions are "
              "approximate."),

    # ---- Abkhazia -------------------------------------------------------------------------
    dict(id="zone-abkhazia-gagra", seeds=[(40.27124, 43.27858)],
         name=name("Gagra district (Abkhazia)", ru="Гагрский район", ka="გაგრის რაიონი"),
         history=H((START, "GEO"),
                   ("1992-10-06", "ABK", {"from_range": ["1992-10-01", "1992-10-06"],
                                         "note": "Abkhaz and North Caucasian forces took Gagra in early "
                                                 "October 1992 and reached the Russian border."})),
         sources=src("gagra", "abkwar"), unc=4,
         note="From the Psou to the Bzyb; district line approximate."),
    dict(id="zone-abkhazia-gudauta", seeds=[(40.62245, 43.10191)],
         name=name("Gudauta district (Abkhazia)", ru="Гудаутский район", ka="გუდაუთის რაიონი"),
         history=H((START, "GEO"),
                   ("1992-08-14", "ABK", {"note": "Georgian forces entered Abkhazia on 14 Aug 1992; the Abkhaz "
                                                 "side held Gudauta throughout the war."})),
         sources=src("abkwar"), unc=4,
         note="From the Bzyb to the Gumista, the front line of 1992-93 north of Sukhumi."),
    dict(id="zone-abkhazia-sukhumi-ochamchire", seeds=[(40.9893, 43.00697), (41.46863, 42.71232)],
         name=name("Sukhumi / Sokhumi, Gulripshi and Ochamchire districts",
                   ru="Сухум / Сухуми, Гульрипшский и Очамчирский районы",
                   ka="სოხუმი, გულრიფშისა და ოჩამჩირის რაიონები"),
         name_sides=ABK_GEO_NAMES,
         history=H((START, "GEO"),
                   ("1993-09-27", "ABK", {"from_range": ["1993-09-27", "1993-09-30"],
                                         "note": "Sukhumi fell on 27 Sep 1993; Abkhaz forces reached the "
                                                 "Enguri on 30 Sep."})),
         sources=src("sukhumi", "abkwar"), unc=4,
         note="Georgian-held from August 1992 until the fall of Sukhumi."),
    dict(id="zone-tkvarcheli", seeds=[(41.6789, 42.8503)],
         name=name("Tkvarcheli / Tkuarchal", ru="Ткварчели / Ткуарчал", ka="ტყვარჩელი"),
         name_sides=GEO_ABK_NAMES,
         history=H((START, "GEO"),
                   ("1992-08-14", "ABK", {"note": "Held by the Abkhaz side through the 1992-93 siege."})),
         sources=src("tkvarcheli", "abkwar"), unc=6,
         note="Mining town and the valleys round it, besieged by Georgian forces in 1992-93; the extent of "
              "the Abkhaz-held area is a rough sketch."),
    dict(id="zone-abkhazia-gali", seeds=[(41.73645, 42.62705)],
         name=name("Gali district (Abkhazia)", ru="Гальский район", ka="გალის რაიონი"),
         history=H((START, "GEO"),
                   ("1993-09-30", "ABK", {"from_range": ["1993-09-28", "1993-09-30"],
                                         "note": "Abkhaz forces reached the Enguri at the end of September "
                                                 "1993."})),
         sources=src("abkwar"), unc=4,
         note="Between the Okumi and the Enguri; the Enguri is the de facto line."),
    dict(id="zone-upper-kodori", seeds=[(41.736, 43.107), (41.673, 43.097)],
         name=name("Upper Kodori valley", ru="Верхняя часть Кодорского ущелья", ka="ზემო კოდორის ხეობა"),
         history=H((START, "GEO"),
                   ("2008-08-12", "ABK", {"from_range": ["2008-08-09", "2008-08-12"],
                                         "note": "Abkhaz forces, with Russian support, took the valley on "
                                                 "9-12 Aug 2008."})),
         sources=src("kodori", "upperkodori"), unc=6,
         note="Georgian control was loose (through a local militia) from 1993 and firm after the police "
              "operation of late July 2006. The internal line is drawn near Lata; the zone covers the "
              "upper catchment, not only the inhabited valley."),
    dict(id="zone-ganmukhuri", seeds=[(41.628, 42.425)],
         name=name("Ganmukhuri", ru="Ганмухури", ka="განმუხური"),
         history=H((START, "GEO"),
                   ("2008-08-12", "ABK", {"note": "Held by Abkhaz (with Russian) forces for four weeks."}),
                   ("2008-09-09", "GEO", {"note": "Georgian police returned on 9 Sep 2008."})),
         sources=src("ganmukhuri"), unc=1.5,
         note="Zugdidi-municipality village on the right bank of the Enguri mouth."),
    dict(id="zone-buffer-abkhazia-2008", seeds=[(41.86796, 42.5084), (41.70, 42.36)],
         name=name("Russian-held security zone along Abkhazia (2008)", ru="Российская зона безопасности у Абхазии (2008)",
                   ka="რუსეთის ბუფერული ზონა აფხაზეთის გასწვრივ (2008)"),
         history=H((START, "GEO"),
                   ("2008-08-11", "RUS", {"note": "Russian troops came out of Abkhazia into Zugdidi and on to "
                                                 "Senaki on 11 Aug 2008 and then held checkpoints in the zone "
                                                 "along the Enguri."}),
                   ("2008-10-08", "GEO", {"from_range": ["2008-10-08", "2008-10-09"],
                                         "note": "Russia dismantled its 12 checkpoints and a base here by 8 Oct "
                                                 "2008; EU monitors confirmed the pull-out."})),
         sources=src("zugdidi08", "buffer08", "buffer08eu", "rgwar"), unc=5,
         note="Drawn as the 12-km band of the old CIS security zone along the Enguri, from the sea to the "
              "Enguri dam, Zugdidi included. Russian control meant checkpoints and patrols; Georgian police "
              "stayed in some places. The Russian posts at Senaki and Poti (until 13 Sep 2008) are not drawn."),

    # ---- South Ossetia --------------------------------------------------------------------
    dict(id="zone-south-ossetia", seeds=[(43.96861, 42.22764), (43.92421, 42.38991), (43.772, 42.194)],
         name=name("South Ossetia: Tskhinvali / Tskhinval, Java and Znaur",
                   ru="Южная Осетия: Цхинвал, Дзау и Знаур", ka="ცხინვალი, ჯავა და ზნაური"),
         name_sides=GEO_SOS_NAMES,
         history=H((START, "GEO"),
                   ("1991-01-05", "SOS", {"from_range": ["1991-01-05", "1991-01-31"],
                                         "note": "Georgian forces entered Tskhinvali on 5-6 Jan 1991 and were "
                                                 "pushed out within weeks; the Ossetian side held the town and "
                                                 "the north through the war and after the Dagomys agreement "
                                                 "of 24 Jun 1992."})),
         sources=src("sowar", "soao", "rgwar"), unc=3,
         note="The former South Ossetian Autonomous Oblast less the Georgian-held areas of 1992-2008. Its "
              "outer line follows the 1980s oblast boundary as fenced after 2008, traced approximately."),
    dict(id="zone-liakhvi-enclave", seeds=[(43.951, 42.289), (43.963, 42.251)],
         name=name("Great Liakhvi villages (Tamarasheni, Achabeti, Kurta, Kekhvi)",
                   ru="Сёла долины Большой Лиахви (Тамарашени, Ачабети, Курта, Кехви)",
                   ka="დიდი ლიახვის სოფლები (თამარაშენი, აჩაბეთი, ქურთა, ქეხვი)"),
         history=H((START, "GEO"),
                   ("2008-08-10", "SOS", {"from_range": ["2008-08-10", "2008-08-12"],
                                         "note": "Lost by Georgia in the August 2008 war, when Georgian "
                                                 "forces withdrew from South Ossetia (10-11 Aug)."})),
         sources=src("kurta", "rgwar"), unc=1.5,
         note="Georgian-populated villages north of Tskhinvali on the Transcam road, Georgian-held 1992-2008."),
    dict(id="zone-eredvi-enclave", seeds=[(44.041, 42.247)],
         name=name("Eredvi and neighbouring villages", ru="Эредви и соседние сёла", ka="ერედვი და მეზობელი სოფლები"),
         history=H((START, "GEO"),
                   ("2008-08-10", "SOS", {"from_range": ["2008-08-10", "2008-08-12"]})),
         sources=src("rgwar", "sowar"), unc=2,
         note="Georgian-held villages east of Tskhinvali, 1992-2008; extent approximate."),
    dict(id="zone-akhalgori", seeds=[(44.48314, 42.12433), (44.478, 42.055)],
         name=name("Akhalgori / Leningor district", ru="Ахалгорский / Ленингорский район",
                   ka="ახალგორის მუნიციპალიტეტი"),
         name_sides=GEO_SOS_NAMES,
         history=H((START, "GEO"),
                   ("2008-08-16", "SOS", {"note": "Russian troops occupied the district, which then passed "
                                                 "to South Ossetian control."})),
         sources=src("akhalgori", "akhalgori_bbc", "rgwar"), unc=4,
         note="The eastern district of the former oblast, run by Tbilisi until August 2008."),
    dict(id="zone-avnevi-nuli-enclave", seeds=[(43.8764, 42.1922), (43.8561, 42.2061)],
         name=name("Avnevi and Nuli", ru="Авнев (Авневи) и Нул (Нули)", ka="ავნევი და ნული"),
         history=H((START, "GEO"),
                   ("2008-08-10", "SOS", {"from_range": ["2008-08-10", "2008-08-12"],
                                         "note": "The Georgian villagers were evacuated on the eve of the August "
                                                 "2008 war and the villages were lost with the Georgian "
                                                 "withdrawal; they were burnt and looted afterwards."})),
         sources=src("nuli", "avnevi_aj", "rgwar"), unc=1.5,
         note="Georgian-populated enclave on the Eastern Prone west of Tskhinvali, between Ossetian villages, "
              "held from Tbilisi 1992-2008; extent approximate."),
    dict(id="zone-buffer-south-ossetia-2008", seeds=[(43.991, 42.201), (43.957, 42.197)],
         name=name("Russian-held zone south of South Ossetia (2008)",
                   ru="Российская «буферная зона» к югу от Южной Осетии (2008)",
                   ka="რუსეთის ბუფერული ზონა ცხინვალის რეგიონის სამხრეთით (2008)"),
         history=H((START, "GEO"),
                   ("2008-08-13", "RUS", {"from_range": ["2008-08-11", "2008-08-13"],
                                         "note": "Russian forces moved south of South Ossetia as the Georgian "
                                                 "army withdrew and reached Gori on 13 Aug 2008; after leaving "
                                                 "Gori on 22 Aug they kept checkpoints in this zone (Karaleti, "
                                                 "Ergneti, Nikozi, Variani)."}),
                   ("2008-10-08", "GEO", {"from_range": ["2008-10-08", "2008-10-09"],
                                         "note": "The last checkpoints were removed on 8 Oct 2008."})),
         sources=src("buffer08", "buffer08eu", "gori08b", "rgwar"), unc=5,
         note="From the South Ossetian line south to about the Karaleti checkpoint, 3-4 km north of Gori, "
              "between Kareli and the Ksani; Ergneti, Zemo Nikozi, Tkviavi and Karaleti are inside. The zone's "
              "outline was never published; drawn from the checkpoints the sources name."),
    dict(id="zone-gori-2008", seeds=[(44.1129, 41.98532)],
         name=name("Gori and the highway to Igoeti (2008)", ru="Гори и трасса до Игоэти (2008)",
                   ka="გორი და გზატკეცილი იგოეთამდე (2008)"),
         history=H((START, "GEO"),
                   ("2008-08-13", "RUS", {"note": "Russian forces entered Gori on 13 Aug 2008 and held it and the "
                                                 "east-west highway as far as Igoeti."}),
                   ("2008-08-22", "GEO", {"note": "They left Gori, Igoeti and Kaspi on 22 Aug 2008 and Georgian "
                                                 "police returned the same evening."})),
         sources=src("gori08", "gori08b", "rgwar"), unc=5,
         note="Gori town and the stretch of the highway east to Igoeti, south of the later buffer zone; "
              "extent approximate."),
    dict(id="zone-perevi", seeds=[(43.585, 42.35)],
         name=name("Perevi (Sachkhere)", ru="Переви", ka="პერევი"),
         history=H((START, "GEO"),
                   ("2008-08-22", "RUS", {"from_range": ["2008-08-11", "2008-08-22"],
                                         "note": "Russian troops held the village after the August 2008 war; "
                                                 "the first dated mention is 22 Aug, when they stayed there "
                                                 "while leaving Gori. They pulled out on 12 Dec 2008 and came "
                                                 "back the next day."}),
                   ("2010-10-18", "GEO", {"note": "Russian troops left on the evening of 18 Oct 2010 once a road "
                                                 "round the village was built; Georgian police moved in."})),
         sources=src("perevi10", "perevi08", "geomfa08", "rgwar"), unc=1.5,
         note="The Sachkhere-municipality part of Perevi, outside the former oblast, where a Russian post "
              "controlled the local road to Small Perevi (Pereu); the only place outside South Ossetia and "
              "Abkhazia that Russia kept after October 2008."),
]


# ---------------------------------------------------------------------------------------
# Sources of each history entry (geodata/SCHEMA.md, "Sources"): every entry carries the
# sources for its own change, not only the zone's. The 1988 entries cite the Soviet
# constitution (which republic the ground belonged to); NKR_FROM and END_2023 carry their own.
# Below: zone id -> {entry's from date: keys of S}, for the entries that do not name theirs.
# ---------------------------------------------------------------------------------------
FIRST_ENTRY_SOURCES = ("ussr77",)
ENTRY_SOURCES = {
    "zone-martakert": {"1992-07-04": ("goranboy",), "1993-06-27": ("martakert93",)},
    "zone-talish-madagiz": {"1992-06-13": ("goranboy",), "1994-04-11": ("talish",),
                            "2020-10-03": ("war2tl", "talish")},
    "zone-talish-heights": {"1992-06-13": ("goranboy",), "1994-04-11": ("talish",),
                            "2016-04-02": ("apr2016",)},
    "zone-khojaly": {"1992-02-26": ("khojaly",)},
    "zone-parukh": {"2022-03-24": ("parukh",)},
    "zone-shusha-district": {"1992-05-08": ("shusha92",), "2020-11-08": ("shusha20",)},
    "zone-hadrut-north": {"2020-11-09": ("war2tl", "hadrut")},
    "zone-hadrut": {"2020-10-15": ("hadrut", "war2tl")},
    "zone-khtsaberd-hin-tagher": {"2020-12-12": ("pocket",)},
    "zone-kalbajar": {"1993-04-03": ("kalbajar93",), "2020-11-25": ("kalbajar20", "statement")},
    "zone-lachin-district": {"1992-05-18": ("lachin92",), "2020-12-01": ("lachin20", "statement")},
    "zone-lachin-corridor-2022": {"1992-05-18": ("lachin92",)},
    "zone-qubadli": {"1993-08-31": ("summer93", "qubadli_d"), "2020-10-25": ("war2tl", "qubadli_d")},
    "zone-qubadli-border-2020": {"1993-08-31": ("summer93", "qubadli_d"),
                                 "2020-12-18": ("syunik20", "syunik20b")},
    "zone-zangilan": {"1993-10-29": ("zangilan_d", "war1"), "2020-10-20": ("war2tl", "zangilan_d")},
    "zone-zangilan-border-2020": {"1993-10-29": ("zangilan_d", "war1"),
                                  "2020-12-18": ("syunik20", "syunik20b")},
    "zone-fuzuli-east-1993": {"1993-08-23": ("summer93", "horadiz_wiki"),
                              "1994-01-06": ("horadiz_ap", "horadiz_wiki")},
    "zone-horadiz-1993": {"1993-10-29": ("horadiz_wiki",), "1994-01-06": ("horadiz_ap", "horadiz_wiki")},
    "zone-jabrayil": {"1993-08-23": ("summer93", "jabrayil_d")},
    "zone-lele-tepe": {"1994-02-12": ("lalatapa", "loc"), "2016-04-02": ("apr2016", "lalatapa")},
    "zone-fuzuli-west": {"1993-08-23": ("summer93", "fuzuli_d"), "2020-10-17": ("war2tl", "fuzuli_d")},
    "zone-aghdam-west": {"1993-07-23": ("summer93", "aghdam_d"), "2020-11-20": ("aghdam20", "statement")},
    "zone-shahumyan": {"1992-06-13": ("goranboy",)},
    "zone-sev-lich": {"2021-05-12": ("border2122", "pashinyan_nov21")},
    "zone-jermuk-heights": {"2022-09-13": ("sep2022", "asryan139")},
    "zone-gegharkunik-2021": {"2021-05-12": ("shorzha21", "pashinyan_nov21")},
    "zone-gegharkunik-2022": {"2022-09-13": ("irates", "asryan_positions", "sep2022")},
    "zone-nerkin-hand": {"2022-09-13": ("asryan_positions", "nerkinhand22", "tatoyan")},
    "zone-karki": {"1990-01-19": ("karki",)},
    "zone-yukhari-askipara": {"1992-06-08": ("askipara92", "askipara")},
    "zone-barkhudarly": {"1992-04-27": ("barkhudarly",)},
    "zone-sofulu": {"1992-04-27": ("sofulu",)},
    "zone-gazakh-north": {"1990-03-24": ("baganis",), "2024-05-24": ("gazakh24", "gazakh24b")},
    "zone-gazakh-south": {"1992-03-08": ("kheyrimli",), "2024-05-24": ("gazakh24", "gazakh24b")},
    "zone-abkhazia-gagra": {"1992-10-06": ("gagra",)},
    "zone-abkhazia-gudauta": {"1992-08-14": ("abkwar",)},
    "zone-abkhazia-sukhumi-ochamchire": {"1993-09-27": ("sukhumi", "abkwar")},
    "zone-tkvarcheli": {"1992-08-14": ("tkvarcheli",)},
    "zone-abkhazia-gali": {"1993-09-30": ("abkwar", "sukhumi")},
    "zone-upper-kodori": {"2008-08-12": ("kodori",)},
    "zone-ganmukhuri": {"2008-08-12": ("ganmukhuri",), "2008-09-09": ("ganmukhuri",)},
    "zone-buffer-abkhazia-2008": {"2008-08-11": ("zugdidi08",), "2008-10-08": ("buffer08", "buffer08eu")},
    "zone-south-ossetia": {"1991-01-05": ("sowar",)},
    "zone-liakhvi-enclave": {"2008-08-10": ("kurta", "rgwar")},
    "zone-eredvi-enclave": {"2008-08-10": ("rgwar",)},
    "zone-akhalgori": {"2008-08-16": ("akhalgori", "akhalgori_bbc")},
    "zone-avnevi-nuli-enclave": {"2008-08-10": ("avnevi_aj", "nuli")},
    "zone-buffer-south-ossetia-2008": {"2008-08-13": ("gori08", "rgwar"),
                                       "2008-10-08": ("buffer08", "buffer08eu")},
    "zone-gori-2008": {"2008-08-13": ("gori08",), "2008-08-22": ("gori08b",)},
    "zone-perevi": {"2008-08-22": ("perevi08", "geomfa08"), "2010-10-18": ("perevi10",)},
}


def source_entries(zones):
    """Gives each history entry its sources (ENTRY_SOURCES, the 1988 rule); stops on one left without."""
    for z in zones:
        table = ENTRY_SOURCES.get(z["id"], {})
        for i, e in enumerate(z["history"]):
            if e.get("sources"):
                continue
            keys = FIRST_ENTRY_SOURCES if i == 0 else table.get(e["from"])
            if not keys:
                sys.exit(f"error: {z['id']}: the history entry from {e['from']} has no sources")
            e["sources"] = src(*keys)
        unused = set(table) - {e["from"] for e in z["history"]}
        if unused:
            sys.exit(f"error: {z['id']}: ENTRY_SOURCES names no entry from {sorted(unused)}")


# ---------------------------------------------------------------------------------------
# De jure state and claims (geodata/SCHEMA.md, "Held, contested, de jure, claimed").
# Not written per zone: the de jure state is the country of countries.geojson that holds the
# zone (the Soviet republic borders of 1991, which the UN and both neighbours recognise), and a
# claim covers every zone that lies in the historical unit the claimant declared over.
# ---------------------------------------------------------------------------------------
DE_JURE = {"arm": "ARM", "aze": "AZE", "geo": "GEO"}

S.update({
    "nkr91": ("Republic of Artsakh (Wikipedia): declared on 2 Sep 1991 by a joint session of the councils of "
              "the NKAO and the Shahumyan district", "https://en.wikipedia.org/wiki/Republic_of_Artsakh"),
    "nkr23": ("OC Media: Nagorno-Karabakh Republic to dissolve by January 2024 (decree of 28 Sep 2023)",
              "https://oc-media.org/nagorno-karabakh-republic-to-dissolve-by-january-2024/"),
    "abk90": ("Appeal of the Supreme Council of the Republic of Abkhazia to the State Council of Georgia, "
              "8 Dec 1992 (the Declaration on the State Sovereignty of the Abkhaz SSR of 25 Aug 1990)",
              "http://rrc.ge/law/mimar_1992_12_08_E.htm?lawid=1622&lng_3=en", "ABK"),
    "abk": ("Abkhazia (Wikipedia)", "https://en.wikipedia.org/wiki/Abkhazia"),
    "sos90": ("South Ossetia (Wikipedia): the oblast council declared the South Ossetian Soviet Democratic "
              "Republic on 20 Sep 1990", "https://en.wikipedia.org/wiki/South_Ossetia"),
})

# The units claimed, as polygons of the authored lines.
SHAHUMYAN_RING = SHAHUMYAN + MUROVDAG[MUROVDAG.index((46.30, 40.30)) + 1:] + NKAO_T1_T2[1:]
SUKHUMI = (40.99, 43.0)
# (claimant, first day, first day without the claim or None, unit, source keys, note)
CLAIMS = [
    ("NKR", "1991-09-02", "2024-01-01", "nkao", ("nkr91", "nkr23"),
     "Declared part of the Nagorno-Karabakh Republic on 2 Sep 1991; its last president's decree of 28 Sep "
     "2023 dissolved the republic's institutions by 1 Jan 2024."),
    ("NKR", "1991-09-02", "2024-01-01", "shahumyan", ("nkr91", "nkr23"),
     "The Shahumyan district was declared part of the Nagorno-Karabakh Republic with the NKAO on 2 Sep 1991."),
    ("ABK", "1990-08-25", None, "abkhaz-assr", ("abk90", "abk"),
     "The Abkhaz Supreme Soviet declared the sovereignty of the Abkhaz SSR, the former Abkhaz ASSR, on 25 Aug "
     "1990; Abkhazia claims all of it, Upper Kodori included."),
    ("SOS", "1990-09-20", None, "soao", ("sos90", "soao"),
     "The oblast council declared the South Ossetian republic on 20 Sep 1990; South Ossetia claims all of the "
     "former oblast, Akhalgori included."),
]


def claim_units(countries):
    """The historical units that CLAIMS name, as shapely polygons."""
    geo = countries["geo"]
    split = shapely.polygonize([unary_union([geo.boundary, LineString(ABKHAZIA)])]).geoms
    abkhazia = [f for f in split if f.contains(Point(SUKHUMI))]
    assert len(abkhazia) == 1, "the Abkhazia line must cut Georgia in two"
    soao = Polygon(SOAO).intersection(geo)
    return {"nkao": Polygon(NKAO), "shahumyan": Polygon(SHAHUMYAN_RING),
            "abkhaz-assr": abkhazia[0], "soao": soao}


def majority_in(geom, unit):
    return area_km2(geom.intersection(unit)) > 0.5 * area_km2(geom)


def status_properties(zones_geom, countries, problems):
    """zone id -> (de_jure, claimed_by) by the rules above; a zone whose country does not match
    the Soviet republic its 1988 history names is a problem."""
    units = claim_units(countries)
    out = {}
    for z in ZONES:
        g = zones_geom[z["id"]]
        home = [DE_JURE[k] for k, c in countries.items() if majority_in(g, c)]
        if len(home) != 1:
            problems.append(f"{z['id']} lies in no single country ({home})")
            continue
        if home[0] != z["history"][0]["controller"]:
            problems.append(f"{z['id']} lies in {home[0]} but its 1988 controller is "
                            f"{z['history'][0]['controller']}")
        claims = []
        for by, frm, until, unit, keys, note in CLAIMS:
            if majority_in(g, units[unit]):
                claims.append({"by": by, "from": frm, "until": until, "note": note, "sources": src(*keys)})
        out[z["id"]] = (home[0], claims)
    return out


# ---------------------------------------------------------------------------------------
# Engine
# ---------------------------------------------------------------------------------------
R_AUTH = 6371.0072  # authalic radius of WGS84, km


def area_km2(g, lon0=45.0, lat0=41.0):
    """Area on the authalic sphere via a Lambert azimuthal equal-area projection."""
    l0, p0 = math.radians(lon0), math.radians(lat0)

    def laea(x, y):
        lam, phi = np.radians(x) - l0, np.radians(y)
        k = np.sqrt(2 / (1 + math.sin(p0) * np.sin(phi) + math.cos(p0) * np.cos(phi) * np.cos(lam)))
        return (R_AUTH * k * np.cos(phi) * np.sin(lam),
                R_AUTH * k * (math.cos(p0) * np.sin(phi) - math.sin(p0) * np.cos(phi) * np.cos(lam)))

    return shapely.transform(g, lambda c: np.column_stack(laea(c[:, 0], c[:, 1]))).area


def load_countries():
    fc = json.loads((GEO / "countries.geojson").read_text())
    return {f["id"]: shape(f["geometry"]) for f in fc["features"] if f["id"] in ("arm", "aze", "geo")}


def build_faces(countries):
    parts = [c.boundary for c in countries.values()]
    parts += [LineString(v) for v in LINES.values()]
    noded = unary_union(parts)
    snapped = shapely.set_precision(noded, GRID)
    faces = list(shapely.polygonize([snapped]).geoms)
    return faces


def assign(faces, countries):
    seeds = [(z["id"], Point(p)) for z in ZONES for p in z["seeds"]]
    default = {z["default"]: z["id"] for z in ZONES if "default" in z}
    tree = shapely.STRtree(faces)
    owner = {}
    problems = []
    for zid, pt in seeds:
        hits = [i for i in tree.query(pt) if faces[i].contains(pt)]
        if not hits:
            problems.append(f"seed of {zid} at {pt.x},{pt.y} is in no face")
            continue
        i = hits[0]
        if i in owner and owner[i] != zid:
            problems.append(f"face with seeds of {owner[i]} and {zid} at {pt.x},{pt.y}")
        owner[i] = zid
    out = {z["id"]: [] for z in ZONES}
    unseeded = []
    for i, f in enumerate(faces):
        rp = f.representative_point()
        if i in owner:
            out[owner[i]].append(f)
            continue
        home = [k for k, c in countries.items() if c.contains(rp)]
        if not home:
            continue  # outside the three countries (sea or a neighbour)
        out[default[home[0]]].append(f)
        if 45.5 < rp.x < 47.6 and 38.8 < rp.y < 40.7 or 40.0 < rp.x < 44.8 and 41.9 < rp.y < 43.6:
            a = area_km2(f)
            if a > 0.05:
                unseeded.append((round(a, 2), round(rp.x, 4), round(rp.y, 4), home[0]))
    return out, problems, unseeded


def rounded(geom):
    """Polygon/MultiPolygon as RFC 7946 coordinates (outer rings counter-clockwise)."""
    geom = shapely.orient_polygons(geom, exterior_cw=False)
    polys = list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]

    def ring(r):
        return [[round(x, 5), round(y, 5)] for x, y in r.coords]

    rings = [[ring(p.exterior)] + [ring(i) for i in p.interiors] for p in polys]
    if len(rings) == 1:
        return {"type": "Polygon", "coordinates": rings[0]}
    return {"type": "MultiPolygon", "coordinates": rings}


def controller_on(z, date):
    for e in z["history"]:
        if e["from"] <= date and (e["until"] is None or date < e["until"]):
            return e["controller"]
    return None


def feature_control(z, geom, status):
    props = {"id": z["id"], "layer": "control", "kind": "zone", "name": z["name"]}
    if z.get("contested"):
        props["contested"] = True
    if z.get("name_sides"):
        props["name_sides"] = z["name_sides"]
    if z.get("name_sides_from"):
        # The day the second name became official (geodata/SCHEMA.md).
        props["name_sides_from"] = z["name_sides_from"]
    props["de_jure"], props["claimed_by"] = status
    props["history"] = z["history"]
    props["sources"] = z["sources"]
    if z.get("exact"):
        props["precision"] = "exact"
    else:
        props["precision"] = "approximate"
        props["uncertainty_km"] = z["unc"]
    props["note"] = z["note"]
    return {"type": "Feature", "id": z["id"], "properties": props, "geometry": rounded(geom)}


def shared_edges(a, b):
    """Edges common to the boundaries of a and b (identical vertices), merged into lines."""
    inter = a.boundary.intersection(b.boundary)
    segs = [g for g in getattr(inter, "geoms", [inter]) if g.geom_type in ("LineString", "MultiLineString")]
    lines = []
    for g in segs:
        lines.extend(getattr(g, "geoms", [g]))
    if not lines:
        return None
    merged = linemerge(MultiLineString(lines))
    return merged


def line_geometry(g):
    parts = list(getattr(g, "geoms", [g]))
    parts = [p for p in parts if p.length > 0.002]  # drop slivers shorter than ~200 m
    parts.sort(key=lambda p: -p.length)
    cs = [[[round(x, 5), round(y, 5)] for x, y in p.coords] for p in parts]
    if len(cs) == 1:
        return {"type": "LineString", "coordinates": cs[0]}
    return {"type": "MultiLineString", "coordinates": cs}


def union_where(zones_geom, date, codes):
    sel = [zones_geom[z["id"]] for z in ZONES if controller_on(z, date) in codes]
    return unary_union(sel)


LINE_SOURCES = {
    "loc": src("loc", "territories", "aghdam_share", "horadiz", "apr2016"),
    "cf": src("statement", "pm", "pk", "corridor", "aghdam20", "kalbajar20"),
}


def build_lines(zones_geom):
    feats = []
    specs = [
        ("line-of-contact-1994", "line-of-contact", "1994-05-12", "2016-04-02", "1994-06-01", ("NKR",),
         name("Line of contact, 1994-2016", "Շփման գիծ, 1994-2016", "Təmas xətti, 1994-2016",
              "Линия соприкосновения, 1994-2016"),
         3, "loc",
         "Boundary between the Armenian-held and the Azerbaijani-held zones of the control layer from the "
         "ceasefire of 12 May 1994 until the fighting of 2-5 April 2016 (which moved it at Lele Tepe and "
         "north of Talish). Traced between the settlements that the sources put on either side; the "
         "no-man's land was several km wide in places in the 1990s."),
        ("line-of-contact-2016", "line-of-contact", "2016-04-02", "2020-09-27", "2016-06-01", ("NKR",),
         name("Line of contact, 2016-2020", "Շփման գիծ, 2016-2020", "Təmas xətti, 2016-2020",
              "Линия соприкосновения, 2016-2020"),
         3, "loc",
         "The same line after the April 2016 fighting, until the war that began on 27 Sep 2020. Together "
         "with line-of-contact-1994 it is the 1994-2020 line of contact."),
        ("ceasefire-line-2020", "ceasefire-line", "2020-11-10", "2023-09-20", "2021-01-01", ("NKR", "RUS"),
         name("Ceasefire line of November 2020", "2020 թ. նոյեմբերի հրադադարի գիծ",
              "2020-ci il noyabr atəşkəs xətti", "Линия прекращения огня ноября 2020 года"),
         2, "cf",
         "Edge of the area left to the Karabakh Armenian authorities and of the Lachin corridor under the "
         "Russian peacekeepers after the 10 Nov 2020 statement, as it stood once Aghdam (20 Nov), Kalbajar "
         "(25 Nov) and Lachin (1 Dec 2020) had been handed over. Until those days the districts being "
         "handed over were still Armenian-held (see the control layer). Later changes (Khtsaberd, Dec "
         "2020; Parukh, Mar 2022; the corridor, Aug 2022) are in the control layer; this line keeps the "
         "January 2021 course."),
    ]
    for fid, kind, frm, until, probe, codes, nm, unc, skey, note in specs:
        inside = union_where(zones_geom, probe, codes)
        outside = union_where(zones_geom, probe, ("AZE",))
        g = shared_edges(inside, outside)
        props = {"id": fid, "layer": "lines", "kind": kind, "name": nm, "from": frm, "until": until,
                 "precision": "approximate", "uncertainty_km": unc, "sources": LINE_SOURCES[skey],
                 "note": note}
        feats.append({"type": "Feature", "id": fid, "properties": props, "geometry": line_geometry(g)})
    return feats


def write_fc(path, feats):
    feats = sorted(feats, key=lambda f: f["id"])
    body = ",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in feats)
    path.write_text('{"type":"FeatureCollection","features":[\n' + body + "\n]}\n", encoding="utf-8")


REF_AREAS = {"zone-kalbajar": 2845, "zone-lachin-district+corridors": 1778, "zone-qubadli+border-2020": 849,
             "zone-jabrayil+lele-tepe": 1052, "zone-zangilan+border-2020": 765, "NKAO": 4400, "zone-karki": 19,
             "zone-artsvashen": 40, "zone-yukhari-askipara": 37, "Abkhazia": 8660, "South Ossetia": 3900,
             "NKR zone on 2021-06-01": 3000, "Armenian-held on 2000-01-01": 11400,
             "districts round NKAO held 1994-2020": 7634, "zone-gazakh-north+south": 6.5,
             "zone-sev-lich": 40, "May 2021 incursions (sev-lich+gegharkunik-2021)": 45,
             "zone-jermuk-heights": 60, "incursions into Armenia 2021-2022": 140,
             "Horadiz operation (fuzuli-east+horadiz 1993)": 210}


def report(zones_geom, countries):
    A = {k: area_km2(g) for k, g in zones_geom.items()}
    rows = sorted(A.items(), key=lambda kv: -kv[1])
    print(f"{'zone':40s} {'km2':>10s}")
    for k, a in rows:
        print(f"{k:40s} {a:10.1f}")
    nkao = Polygon(NKAO)
    agg = {
        "NKAO": area_km2(nkao),
        "zone-lachin-district+corridors": A["zone-lachin-district"] + A["zone-lachin-corridor-2020"]
        + A["zone-lachin-corridor-2022"],
        "zone-jabrayil+lele-tepe": A["zone-jabrayil"] + A["zone-lele-tepe"],
        "zone-qubadli+border-2020": A["zone-qubadli"] + A["zone-qubadli-border-2020"],
        "zone-zangilan+border-2020": A["zone-zangilan"] + A["zone-zangilan-border-2020"],
        "May 2021 incursions (sev-lich+gegharkunik-2021)": A["zone-sev-lich"] + A["zone-gegharkunik-2021"],
        "incursions into Armenia 2021-2022": sum(A[k] for k in (
            "zone-sev-lich", "zone-gegharkunik-2021", "zone-jermuk-heights", "zone-gegharkunik-2022",
            "zone-nerkin-hand")),
        "Horadiz operation (fuzuli-east+horadiz 1993)": A["zone-fuzuli-east-1993"] + A["zone-horadiz-1993"],
        "Abkhazia": sum(A[k] for k in A if k.startswith("zone-abkhazia") or k in ("zone-tkvarcheli", "zone-upper-kodori")),
        "South Ossetia": sum(A[k] for k in ("zone-south-ossetia", "zone-liakhvi-enclave", "zone-eredvi-enclave",
                                            "zone-akhalgori", "zone-avnevi-nuli-enclave")),
        "NKR zone on 2021-06-01": area_km2(union_where(zones_geom, "2021-06-01", ("NKR",))),
        "Armenian-held on 2000-01-01": area_km2(union_where(zones_geom, "2000-01-01", ("NKR",))),
        "districts round NKAO held 1994-2020": area_km2(union_where(zones_geom, "2000-01-01", ("NKR",)).difference(nkao)),
        "zone-gazakh-north+south": A["zone-gazakh-north"] + A["zone-gazakh-south"],
    }
    print("\ncomparison with reference areas (km2)")
    for k, ref in REF_AREAS.items():
        v = agg.get(k, A.get(k))
        print(f"{k:40s} {v:10.1f}   reference {ref}")
    u = unary_union(list(countries.values()))
    tot = sum(A.values())
    print(f"\nsum of zones {tot:.1f} km2, union of arm+aze+geo {area_km2(u):.1f} km2, "
          f"difference {100 * (tot - area_km2(u)) / area_km2(u):.4f} %")


def print_table(zones_geom):
    print("| zone | km² | held by (from) |\n|---|---|---|")
    for z in sorted(ZONES, key=lambda z: z["id"]):
        a = area_km2(zones_geom[z["id"]])
        steps = " → ".join(e["controller"] if i == 0 else f"{e['controller']} {e['from']}"
                           for i, e in enumerate(z["history"]))
        print(f"| `{z['id']}` | {a:,.0f} | {steps} |" if a >= 10 else f"| `{z['id']}` | {a:,.1f} | {steps} |")


def main():
    source_entries(ZONES)
    countries = load_countries()
    faces = build_faces(countries)
    out, problems, unseeded = assign(faces, countries)
    for p in problems:
        print("PROBLEM:", p)
    for u in unseeded:
        print("unseeded face (km2, x, y, country):", u)
    zones_geom = {}
    for z in ZONES:
        parts = out[z["id"]]
        if not parts:
            print("PROBLEM: zone without faces:", z["id"])
            continue
        zones_geom[z["id"]] = shapely.coverage_union_all(parts)
    report(zones_geom, countries)
    loc = build_lines(zones_geom)[0]
    assert loc["id"] == "line-of-contact-1994"
    drawn = shape(loc["geometry"])
    print(f"line-of-contact-1994 vs the authored polyline: Hausdorff distance "
          f"{drawn.hausdorff_distance(LineString(LOC_1994).intersection(countries['aze'])):.5f} deg")
    for cid, ring, frm, to, probe in border_corrections.CORRECTIONS:
        moved = Polygon(ring).intersection(countries[to.lower()])
        ok = countries[to.lower()].contains(Point(probe)) and not countries[frm.lower()].contains(Point(probe))
        print(f"border correction {cid}: {area_km2(moved):.2f} km2 of its ring in {to.lower()} "
              f"({'in place' if ok else 'MISSING from countries.geojson'})")
        if not ok:
            problems.append(f"countries.geojson lacks the {cid} correction; rerun build_basemap.py")
    status = status_properties(zones_geom, countries, problems)
    for zid, (jure, claims) in sorted(status.items()):
        if claims:
            print(f"{zid:40s} de jure {jure}, claimed by {', '.join(c['by'] for c in claims)}")
    if "--table" in sys.argv:
        print_table(zones_geom)
    if problems or "--check" in sys.argv or "--table" in sys.argv:
        sys.exit(1 if problems else 0)
    feats = [feature_control(z, zones_geom[z["id"]], status[z["id"]]) for z in ZONES]
    write_fc(GEO / "control.geojson", feats)
    write_fc(GEO / "lines.geojson", build_lines(zones_geom))
    print("wrote control.geojson and lines.geojson")


if __name__ == "__main__":
    main()
