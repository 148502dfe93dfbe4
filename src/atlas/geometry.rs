//! GeoJSON geometry → `geo::Geometry`, with every position and ring checked first
//! (the `geojson` crate's own conversion indexes positions without checking them).

use geojson::{GeometryValue, Position};

use super::schema::GeometryClass;
use super::validity::polygon_fault;

/// Parses and checks a feature's `geometry` member. The error is a phrase
/// naming where in the coordinates the problem is.
pub(crate) fn parse_geometry(
    value: &serde_json::Value,
    class: GeometryClass,
) -> Result<geo::Geometry<f64>, String> {
    // Deserialised from the borrowed value: no copy of the coordinates.
    let parsed = <geojson::Geometry as serde::Deserialize>::deserialize(value)
        .map_err(|e| format!("is not a valid GeoJSON geometry ({e})"))?;
    let geometry = parsed.value;
    check_class(&geometry, class)?;
    check_coordinates(&geometry)?;
    let converted = geo::Geometry::<f64>::try_from(&geometry)
        .map_err(|e| format!("cannot be converted ({e})"))?;
    check_polygons(&converted)?;
    Ok(converted)
}

fn check_class(geometry: &GeometryValue, class: GeometryClass) -> Result<(), String> {
    let kind = geometry.type_name();
    let fits = match geometry {
        GeometryValue::GeometryCollection { .. } => false,
        GeometryValue::Point { .. } | GeometryValue::MultiPoint { .. } => {
            matches!(class, GeometryClass::Points | GeometryClass::Any)
        }
        GeometryValue::LineString { .. } | GeometryValue::MultiLineString { .. } => {
            matches!(class, GeometryClass::Lines | GeometryClass::Any)
        }
        GeometryValue::Polygon { .. } | GeometryValue::MultiPolygon { .. } => {
            matches!(class, GeometryClass::Areas | GeometryClass::Any)
        }
    };
    if fits {
        Ok(())
    } else {
        let wanted = match class {
            GeometryClass::Points => "Point or MultiPoint",
            GeometryClass::Lines => "LineString or MultiLineString",
            GeometryClass::Areas => "Polygon or MultiPolygon",
            GeometryClass::Any => "Point, LineString, Polygon or their Multi forms",
        };
        Err(format!("is a {kind}, but this layer needs {wanted}"))
    }
}

fn check_position(p: &Position, path: &str) -> Result<(), String> {
    let xy = p.as_slice();
    let [lon, lat, ..] = *xy else {
        return Err(format!(
            "{path} has {} number(s), expected [lon, lat]",
            xy.len()
        ));
    };
    if !lon.is_finite() || !(-180.0..=180.0).contains(&lon) {
        return Err(format!("{path} has longitude {lon}, outside -180..180"));
    }
    if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
        return Err(format!("{path} has latitude {lat}, outside -90..90"));
    }
    Ok(())
}

fn check_line(line: &[Position], path: &str) -> Result<(), String> {
    if line.len() < 2 {
        return Err(format!(
            "{path} has {} position(s), a line needs 2",
            line.len()
        ));
    }
    for (i, p) in line.iter().enumerate() {
        check_position(p, &format!("{path}[{i}]"))?;
    }
    Ok(())
}

fn check_rings(rings: &[Vec<Position>], path: &str) -> Result<(), String> {
    if rings.is_empty() {
        return Err(format!("{path} has no rings"));
    }
    for (r, ring) in rings.iter().enumerate() {
        let ring_path = format!("{path}[{r}]");
        if ring.len() < 4 {
            return Err(format!(
                "{ring_path} has {} position(s), a ring needs at least 4",
                ring.len()
            ));
        }
        check_line(ring, &ring_path)?;
        let (Some(first), Some(last)) = (ring.first(), ring.last()) else {
            continue;
        };
        if first.as_slice().get(..2) != last.as_slice().get(..2) {
            return Err(format!(
                "{ring_path} is not closed (first and last positions differ)"
            ));
        }
    }
    Ok(())
}

fn check_coordinates(geometry: &GeometryValue) -> Result<(), String> {
    let empty = match geometry {
        GeometryValue::MultiPoint { coordinates } => coordinates.is_empty(),
        GeometryValue::MultiLineString { coordinates } => coordinates.is_empty(),
        GeometryValue::MultiPolygon { coordinates } => coordinates.is_empty(),
        _ => false,
    };
    if empty {
        // Nothing to draw, to click or to place a label on.
        return Err(format!("is an empty {}", geometry.type_name()));
    }
    match geometry {
        GeometryValue::Point { coordinates } => check_position(coordinates, "coordinates"),
        GeometryValue::MultiPoint { coordinates } => coordinates
            .iter()
            .enumerate()
            .try_for_each(|(i, p)| check_position(p, &format!("coordinates[{i}]"))),
        GeometryValue::LineString { coordinates } => check_line(coordinates, "coordinates"),
        GeometryValue::MultiLineString { coordinates } => coordinates
            .iter()
            .enumerate()
            .try_for_each(|(i, l)| check_line(l, &format!("coordinates[{i}]"))),
        GeometryValue::Polygon { coordinates } => check_rings(coordinates, "coordinates"),
        GeometryValue::MultiPolygon { coordinates } => coordinates
            .iter()
            .enumerate()
            .try_for_each(|(i, p)| check_rings(p, &format!("coordinates[{i}]"))),
        GeometryValue::GeometryCollection { .. } => {
            Err("GeometryCollection is not supported".to_string())
        }
    }
}

/// Self-intersections, rings crossing each other, holes outside their shell,
/// overlapping parts (see [`super::validity`]).
fn check_polygons(geometry: &geo::Geometry<f64>) -> Result<(), String> {
    let fault = match geometry {
        geo::Geometry::Polygon(p) => polygon_fault(std::slice::from_ref(p)),
        geo::Geometry::MultiPolygon(mp) => polygon_fault(&mp.0),
        _ => None,
    };
    match fault {
        Some(fault) => Err(format!("is not a valid polygon: {fault}")),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn areas(v: serde_json::Value) -> Result<geo::Geometry<f64>, String> {
        parse_geometry(&v, GeometryClass::Areas)
    }

    #[test]
    fn accepts_a_simple_square() {
        let sq =
            json!({"type": "Polygon", "coordinates": [[[44,40],[45,40],[45,41],[44,41],[44,40]]]});
        assert!(areas(sq).is_ok());
    }

    #[test]
    fn rejects_a_bow_tie() {
        let bow =
            json!({"type": "Polygon", "coordinates": [[[44,40],[45,41],[45,40],[44,41],[44,40]]]});
        let err = areas(bow).unwrap_err();
        assert!(err.contains("not a valid polygon"), "{err}");
    }

    #[test]
    fn rejects_open_short_and_out_of_range_rings() {
        let open = json!({"type": "Polygon", "coordinates": [[[44,40],[45,40],[45,41],[44,41],[44,40.5]]]});
        assert!(areas(open).unwrap_err().contains("not closed"));
        let short = json!({"type": "Polygon", "coordinates": [[[44,40],[45,40],[44,40]]]});
        assert!(areas(short).unwrap_err().contains("at least 4"));
        let far = json!({"type": "Polygon", "coordinates": [[[44,40],[245,40],[45,41],[44,40]]]});
        assert!(areas(far).unwrap_err().contains("outside -180..180"));
        let one = json!({"type": "Point", "coordinates": [44]});
        assert!(parse_geometry(&one, GeometryClass::Points).is_err());
        let north = json!({"type": "Point", "coordinates": [44, 91]});
        assert!(
            parse_geometry(&north, GeometryClass::Points)
                .unwrap_err()
                .contains("outside -90..90")
        );
    }

    #[test]
    fn rejects_the_wrong_class() {
        let pt = json!({"type": "Point", "coordinates": [44, 40]});
        assert!(areas(pt).unwrap_err().contains("needs Polygon"));
    }
}
