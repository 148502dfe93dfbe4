//! Labels a reader expects — countries, seas, the events shown with their
//! dates — placed without collisions in every script and never over a marker,
//! in the window and the exports alike (one placement over one Scene).

use std::sync::OnceLock;

use caucasus_atlas::atlas::Language;
use caucasus_atlas::data::AtlasData;
use caucasus_atlas::render::export::{ExportRequest, Format, Prepared, parse_bbox};
use caucasus_atlas::scene::labels::{PlacedLabel, marker_box, place_labels};
use caucasus_atlas::scene::{LabelStyle, Scene};
use caucasus_atlas::time::Date;

fn data() -> &'static AtlasData {
    static DATA: OnceLock<AtlasData> = OnceLock::new();
    DATA.get_or_init(|| AtlasData::load(None))
}

fn setup(day: &str, language: Language, bbox: Option<&str>) -> (Prepared, Scene) {
    let d = data();
    let mut request = ExportRequest::new(day.parse::<Date>().unwrap());
    request.format = Format::Svg;
    request.language = language;
    request.bbox = bbox.map(|b| parse_bbox(b).unwrap());
    let prepared = Prepared::new(&d.atlas, &request).unwrap();
    let scene = prepared.scene(&d.atlas, &d.projected, request.date);
    (prepared, scene)
}

fn texts<'a>(placed: &'a [PlacedLabel<'_>]) -> Vec<&'a str> {
    placed.iter().map(|p| p.label.text.as_str()).collect()
}

/// No two placed labels overlap, none covers a drawn marker, all are on the map.
fn assert_clear(prepared: &Prepared, scene: &Scene, placed: &[PlacedLabel<'_>], what: &str) {
    let projector = &prepared.projector;
    for (i, a) in placed.iter().enumerate() {
        assert!(
            projector.viewport.contains_rect(a.rect),
            "{what}: {}",
            a.label.text
        );
        for b in &placed[i + 1..] {
            assert!(
                !a.rect.intersects(b.rect),
                "{what}: {:?} overlaps {:?}",
                a.label.text,
                b.label.text
            );
        }
        // A leader line runs across no other label.
        if let Some([from, to]) = a.leader {
            for b in placed.iter().filter(|b| b.label.text != a.label.text) {
                for k in 0..=50 {
                    let p = from + (to - from) * (k as f32 / 50.0);
                    assert!(
                        !b.rect.shrink(0.5).contains(p),
                        "{what}: the leader of {:?} crosses {:?}",
                        a.label.text,
                        b.label.text
                    );
                }
            }
        }
        for (marker, at) in scene.markers_on_screen(projector) {
            assert!(
                !a.rect
                    .intersects(marker_box(marker.symbol, at, marker.radius)),
                "{what}: {:?} covers a marker at {at:?}",
                a.label.text
            );
        }
    }
}

#[test]
fn labels_never_overlap_each_other_or_a_marker() {
    for day in ["1994-05-12", "2008-08-20", "2020-11-10", "2023-09-25"] {
        for language in [Language::En, Language::Hy, Language::Ka, Language::Ru] {
            for bbox in [None, Some("43.4,38.8,47.6,41.4")] {
                let (prepared, scene) = setup(day, language, bbox);
                let placed = place_labels(&scene, &prepared.projector);
                assert!(
                    placed.len() > 10,
                    "{day} {language:?}: {:?}",
                    texts(&placed)
                );
                assert_clear(
                    &prepared,
                    &scene,
                    &placed,
                    &format!("{day} {language:?} {bbox:?}"),
                );
            }
        }
    }
}

#[test]
fn the_whole_region_names_six_countries_and_two_seas() {
    let (prepared, scene) = setup("2020-11-10", Language::En, None);
    let placed = place_labels(&scene, &prepared.projector);
    let shown = texts(&placed);
    for name in [
        "ARMENIA",
        "AZERBAIJAN",
        "GEORGIA",
        "RUSSIA",
        "TURKEY",
        "IRAN",
    ] {
        assert!(shown.contains(&name), "{name}: {shown:?}");
    }
    for sea in ["Black Sea", "Caspian Sea"] {
        let label = placed.iter().find(|p| p.label.text == sea).expect(sea);
        assert_eq!(label.label.style, LabelStyle::Sea);
    }
    // In Armenian the names are Armenian, and the seas too.
    let (prepared, scene) = setup("2020-11-10", Language::Hy, None);
    let placed = place_labels(&scene, &prepared.projector);
    let shown = texts(&placed);
    assert!(
        shown.contains(&"ՀԱՅԱՍՏԱՆ") || shown.contains(&"Հայաստան"),
        "{shown:?}"
    );
    assert!(shown.contains(&"Սև ծով"), "{shown:?}");
}

#[test]
fn yerevan_and_armavir_both_read_in_armenian() {
    let (prepared, scene) = setup("2020-11-10", Language::Hy, Some("43.4,39.6,45.6,40.9"));
    let placed = place_labels(&scene, &prepared.projector);
    let shown = texts(&placed);
    assert!(shown.contains(&"Երևան"), "{shown:?}");
    assert!(shown.contains(&"Արմավիր"), "{shown:?}");
}

#[test]
fn the_events_shown_are_labelled_with_their_dates() {
    let (prepared, scene) = setup("2020-11-10", Language::En, Some("46.0,39.2,47.4,40.4"));
    let statement = scene
        .labels
        .iter()
        .find(|l| {
            l.style == LabelStyle::Event && l.text.starts_with("Trilateral ceasefire statement")
        })
        .expect("the statement's label");
    assert_eq!(
        statement.text,
        "Trilateral ceasefire statement, 10 Nov 2020"
    );
    let placed = place_labels(&scene, &prepared.projector);
    assert!(
        texts(&placed).contains(&"Trilateral ceasefire statement, 10 Nov 2020")
            || texts(&placed).contains(&"Azerbaijani forces take Shusha / Shushi, 8 Nov 2020"),
        "{:?}",
        texts(&placed)
    );
    // Nothing is labelled before it happened.
    let (_, before) = setup("2020-11-09", Language::En, Some("46.0,39.2,47.4,40.4"));
    assert!(!before.labels.iter().any(|l| l.text.contains("Trilateral")));
    // A multi-day event shows its span.
    assert!(
        scene
            .labels
            .iter()
            .any(|l| l.text == "Russian peacekeepers deploy in Nagorno-Karabakh, 10–20 Nov 2020"),
        "{:?}",
        scene
            .labels
            .iter()
            .filter(|l| l.style == LabelStyle::Event)
            .map(|l| &l.text)
            .collect::<Vec<_>>()
    );
}

#[test]
fn the_svg_sets_sea_names_in_italics() {
    let (prepared, scene) = setup("2020-11-10", Language::En, None);
    let svg = prepared.svg(&scene);
    let sea = svg
        .lines()
        .find(|l| l.contains(">Black Sea</text>"))
        .expect("the Black Sea's label");
    assert!(sea.contains("skewX(-12)"), "{sea}");
}
