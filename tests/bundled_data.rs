//! The bundled base data: it loads cleanly, triangulates exactly, and has the
//! places and names a reader expects.

use caucasus_atlas::atlas::{Language, LayerKind, Loaded};
use caucasus_atlas::spatial::{ProjectedAtlas, ProjectedShape};
use geo::Area;

#[test]
fn bundled_data_loads_without_errors() {
    let loaded = Loaded::bundled();
    let errors: Vec<String> = loaded.errors.iter().map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    for layer in [
        LayerKind::Countries,
        LayerKind::Lakes,
        LayerKind::Admin1,
        LayerKind::Places,
    ] {
        let n = loaded.atlas.layer(&layer).map_or(0, |l| l.features.len());
        assert!(n > 0, "layer {layer} is empty");
    }
}

#[test]
fn triangles_add_up_to_every_polygon_area() {
    let loaded = Loaded::bundled();
    let projected = ProjectedAtlas::build(&loaded.atlas);
    let mut checked = 0;
    for pf in &projected.features {
        if let ProjectedShape::Area { triangles, .. } = &pf.shape {
            let expected = pf.geometry.unsigned_area();
            let got = triangles.area();
            let id = &projected.feature(&loaded.atlas, pf).id;
            assert!(
                (got - expected).abs() <= expected * 1e-4 + 1e-3,
                "{id}: triangles {got} km² vs polygon {expected} km²"
            );
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} polygons checked");
}

/// The lookup by id finds every projected feature, the same one a scan finds.
#[test]
fn every_projected_feature_is_found_by_its_id() {
    let loaded = Loaded::bundled();
    let projected = ProjectedAtlas::build(&loaded.atlas);
    for pf in &projected.features {
        let id = &projected.feature(&loaded.atlas, pf).id;
        let found = projected.of_id(id).expect("found by id");
        let scanned = projected
            .features
            .iter()
            .find(|other| projected.feature(&loaded.atlas, other).id == *id)
            .unwrap();
        assert!(std::ptr::eq(found, scanned), "{id}: another feature");
    }
    assert!(projected.of_id("").is_none());
}

#[test]
fn at_least_forty_places_with_the_main_towns() {
    let loaded = Loaded::bundled();
    let places = loaded
        .atlas
        .layer(&LayerKind::Places)
        .expect("places layer");
    assert!(
        places.features.len() >= 40,
        "{} places",
        places.features.len()
    );
    for id in [
        "yerevan",
        "baku",
        "tbilisi",
        "stepanakert",
        "shusha",
        "gyumri",
        "ganja",
        "nakhchivan",
        "goris",
        "kapan",
        "sukhumi",
        "tskhinvali",
    ] {
        assert!(loaded.atlas.feature(id).is_some(), "missing place {id}");
    }
    let yerevan = loaded.atlas.feature("yerevan").unwrap();
    assert_eq!(yerevan.name.get(Language::Hy), "Երևան");
    assert_eq!(
        loaded
            .atlas
            .feature("tbilisi")
            .unwrap()
            .name
            .get(Language::Ka),
        "თბილისი"
    );
}

#[test]
fn contested_places_carry_both_names() {
    let loaded = Loaded::bundled();
    let stepanakert = loaded.atlas.feature("stepanakert").unwrap();
    assert_eq!(stepanakert.name.en, "Stepanakert / Khankendi");
    assert_eq!(stepanakert.name.get(Language::Hy), "Ստեփանակերտ");
    assert_eq!(stepanakert.name.get(Language::Az), "Xankəndi");
    for f in loaded.atlas.features().filter(|f| f.contested) {
        assert!(
            f.name.en.contains(" / ") && f.name.hy.is_some() && f.name.az.is_some(),
            "{}",
            f.id
        );
    }
    assert!(loaded.atlas.features().filter(|f| f.contested).count() >= 12);
}
