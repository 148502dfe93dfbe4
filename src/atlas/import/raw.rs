//! Stage one: GeoJSON text → one raw feature at a time, straight from the
//! text with serde (no JSON tree of the whole file). Nothing a feature holds
//! makes this stage fail: a feature that is not an object, a geometry with a
//! string for a coordinate, properties that are a number — each is kept as
//! what it is, for stage two to name. Only broken JSON stops the file.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// Nested GeoJSON coordinates, read without knowing the geometry type.
#[derive(Debug, PartialEq)]
pub enum Nest {
    /// A position (altitude and further numbers dropped).
    Pos([f64; 2]),
    /// A list of positions or of lists.
    List(Vec<Nest>),
    /// A number where a position or list was expected.
    Num(f64),
    /// Something that is no coordinate at all, as a phrase ("a string").
    Bad(&'static str),
}

/// A feature's `geometry` member as read.
#[derive(Debug, Default)]
pub enum RawGeometry {
    /// Absent or null.
    #[default]
    Missing,
    /// An object: its `type` and `coordinates` (a GeometryCollection's
    /// `geometries` are skipped).
    Object {
        /// The `type` member.
        kind: Option<Value>,
        /// The `coordinates` member.
        coordinates: Option<Nest>,
    },
    /// Not an object, as a phrase.
    NotObject(&'static str),
}

/// One feature of the collection as read.
#[derive(Debug, Default)]
pub struct RawFeature {
    /// Whether the element was a JSON object at all.
    pub is_object: bool,
    /// The `type` member.
    pub kind: Option<Value>,
    /// The Feature's own `id`.
    pub id: Option<Value>,
    /// The `properties` member as given.
    pub properties: Option<Value>,
    /// The geometry.
    pub geometry: RawGeometry,
}

impl RawFeature {
    /// The properties, when they are an object.
    pub fn property_map(&self) -> Option<&Map<String, Value>> {
        self.properties.as_ref().and_then(Value::as_object)
    }
}

fn phrase_of_unexpected(kind: &str) -> &'static str {
    match kind {
        "string" => "a string",
        "bool" => "true or false",
        "null" => "null",
        "map" => "an object",
        _ => "something else",
    }
}

struct NestVisitor;

impl<'de> Visitor<'de> for NestVisitor {
    type Value = Nest;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("GeoJSON coordinates")
    }

    fn visit_f64<E>(self, v: f64) -> Result<Nest, E> {
        Ok(Nest::Num(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Nest, E> {
        Ok(Nest::Num(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Nest, E> {
        Ok(Nest::Num(v as f64))
    }
    fn visit_str<E>(self, _: &str) -> Result<Nest, E> {
        Ok(Nest::Bad(phrase_of_unexpected("string")))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Nest, E> {
        Ok(Nest::Bad(phrase_of_unexpected("bool")))
    }
    fn visit_unit<E>(self) -> Result<Nest, E> {
        Ok(Nest::Bad(phrase_of_unexpected("null")))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Nest, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Nest::Bad(phrase_of_unexpected("map")))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Nest, A::Error> {
        let Some(head) = seq.next_element_seed(NestSeed)? else {
            return Ok(Nest::List(Vec::new()));
        };
        if let Nest::Num(x) = head {
            // A position: keep lon and lat, skip altitude; anything but a
            // number inside it spoils it.
            let mut xy = [x, f64::NAN];
            let mut count = 1;
            let mut spoilt = None;
            while let Some(item) = seq.next_element_seed(NestSeed)? {
                match item {
                    Nest::Num(v) => {
                        if count == 1 {
                            xy[1] = v;
                        }
                        count += 1;
                    }
                    _ => spoilt = Some("a position holding something other than numbers"),
                }
            }
            return Ok(match (spoilt, count) {
                (Some(why), _) => Nest::Bad(why),
                (None, 1) => Nest::Bad("a position with one number (expected [lon, lat])"),
                (None, _) => Nest::Pos(xy),
            });
        }
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(4).min(4096) + 1);
        items.push(head);
        while let Some(item) = seq.next_element_seed(NestSeed)? {
            items.push(item);
        }
        // A number after a non-number: a position spoilt at its start.
        if items.iter().any(|i| matches!(i, Nest::Num(_))) {
            return Ok(Nest::Bad("a position holding something other than numbers"));
        }
        Ok(Nest::List(items))
    }
}

struct NestSeed;

impl<'de> DeserializeSeed<'de> for NestSeed {
    type Value = Nest;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Nest, D::Error> {
        d.deserialize_any(NestVisitor)
    }
}

/// Reads a geometry; with `skip`, only walks over it.
struct GeometrySeed {
    skip: bool,
}

impl<'de> DeserializeSeed<'de> for GeometrySeed {
    type Value = RawGeometry;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<RawGeometry, D::Error> {
        if self.skip {
            IgnoredAny::deserialize(d)?;
            return Ok(RawGeometry::Missing);
        }
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for GeometrySeed {
    type Value = RawGeometry;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a GeoJSON geometry")
    }
    fn visit_unit<E>(self) -> Result<RawGeometry, E> {
        Ok(RawGeometry::Missing)
    }
    fn visit_str<E>(self, _: &str) -> Result<RawGeometry, E> {
        Ok(RawGeometry::NotObject("a string"))
    }
    fn visit_bool<E>(self, _: bool) -> Result<RawGeometry, E> {
        Ok(RawGeometry::NotObject("true or false"))
    }
    fn visit_f64<E>(self, _: f64) -> Result<RawGeometry, E> {
        Ok(RawGeometry::NotObject("a number"))
    }
    fn visit_i64<E>(self, _: i64) -> Result<RawGeometry, E> {
        Ok(RawGeometry::NotObject("a number"))
    }
    fn visit_u64<E>(self, _: u64) -> Result<RawGeometry, E> {
        Ok(RawGeometry::NotObject("a number"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawGeometry, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(RawGeometry::NotObject("a list"))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawGeometry, A::Error> {
        let mut kind = None;
        let mut coordinates = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "type" => kind = Some(map.next_value::<Value>()?),
                "coordinates" => coordinates = Some(map.next_value_seed(NestSeed)?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(RawGeometry::Object { kind, coordinates })
    }
}

/// Reads one element of `features`.
struct FeatureSeed {
    skip_geometry: bool,
}

impl<'de> DeserializeSeed<'de> for FeatureSeed {
    type Value = RawFeature;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<RawFeature, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for FeatureSeed {
    type Value = RawFeature;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a GeoJSON Feature")
    }
    fn visit_unit<E>(self) -> Result<RawFeature, E> {
        Ok(RawFeature::default())
    }
    fn visit_str<E>(self, _: &str) -> Result<RawFeature, E> {
        Ok(RawFeature::default())
    }
    fn visit_bool<E>(self, _: bool) -> Result<RawFeature, E> {
        Ok(RawFeature::default())
    }
    fn visit_f64<E>(self, _: f64) -> Result<RawFeature, E> {
        Ok(RawFeature::default())
    }
    fn visit_i64<E>(self, _: i64) -> Result<RawFeature, E> {
        Ok(RawFeature::default())
    }
    fn visit_u64<E>(self, _: u64) -> Result<RawFeature, E> {
        Ok(RawFeature::default())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawFeature, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(RawFeature::default())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawFeature, A::Error> {
        let mut raw = RawFeature {
            is_object: true,
            ..RawFeature::default()
        };
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "type" => raw.kind = Some(map.next_value()?),
                "id" => raw.id = Some(map.next_value()?),
                "properties" => raw.properties = Some(map.next_value()?),
                "geometry" => {
                    raw.geometry = map.next_value_seed(GeometrySeed {
                        skip: self.skip_geometry,
                    })?
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(raw)
    }
}

/// Why reading stopped early, carried through serde as a custom error.
const STOP: &str = "caucasus-atlas: stop reading";

/// What the callback says after each feature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// Read on.
    Go,
    /// Stop here (cancelled, or enough read).
    Stop,
}

/// Streams the elements of `features` to the callback.
struct FeaturesSeed<'f, F> {
    skip_geometry: bool,
    each: &'f mut F,
    count: &'f mut usize,
}

impl<'de, F: FnMut(usize, RawFeature) -> Flow> DeserializeSeed<'de> for FeaturesSeed<'_, F> {
    type Value = bool;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, F: FnMut(usize, RawFeature) -> Flow> Visitor<'de> for FeaturesSeed<'_, F> {
    /// Whether `features` was an array.
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of features")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        let skip_geometry = self.skip_geometry;
        while let Some(raw) = seq.next_element_seed(FeatureSeed { skip_geometry })? {
            let index = *self.count;
            *self.count += 1;
            if (self.each)(index, raw) == Flow::Stop {
                return Err(de::Error::custom(STOP));
            }
        }
        Ok(true)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(false)
    }
    fn visit_unit<E>(self) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_str<E>(self, _: &str) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_bool<E>(self, _: bool) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_f64<E>(self, _: f64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_i64<E>(self, _: i64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_u64<E>(self, _: u64) -> Result<bool, E> {
        Ok(false)
    }
}

/// The top-level object: its `type` and whether `features` was an array.
struct RootSeed<'f, F> {
    skip_geometry: bool,
    each: &'f mut F,
    count: &'f mut usize,
}

impl<'de, F: FnMut(usize, RawFeature) -> Flow> Visitor<'de> for RootSeed<'_, F> {
    type Value = (Option<String>, bool);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a GeoJSON FeatureCollection")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut kind = None;
        let mut has_features = false;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "type" => kind = map.next_value::<Value>()?.as_str().map(str::to_string),
                "features" => {
                    has_features = map.next_value_seed(FeaturesSeed {
                        skip_geometry: self.skip_geometry,
                        each: &mut *self.each,
                        count: &mut *self.count,
                    })?
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok((kind, has_features))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok((None, false))
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok((None, false))
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok((None, false))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok((None, false))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok((None, false))
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok((None, false))
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok((None, false))
    }
}

/// How reading the whole text ended.
#[derive(Debug, PartialEq)]
pub enum Ending {
    /// A FeatureCollection, read to the end (or until the callback stopped).
    Done,
    /// The callback said stop.
    Stopped,
    /// Valid JSON but not a FeatureCollection (the features read are void).
    NotCollection,
    /// The JSON broke off or is malformed at this point (the features read
    /// before it stand), as a phrase.
    Broken(String),
}

/// Reads `text`, handing each raw feature to `each` in file order.
/// `skip_geometry` walks over geometries without keeping them (for a first
/// look at the properties).
pub fn read_features(
    text: &str,
    skip_geometry: bool,
    each: impl FnMut(usize, RawFeature) -> Flow,
) -> Ending {
    read_features_from(
        serde_json::Deserializer::from_str(text),
        skip_geometry,
        each,
    )
}

/// [`read_features`] from a reader (a file is read as it is parsed, never
/// held whole in memory).
pub fn read_features_from_reader(
    reader: impl std::io::Read,
    skip_geometry: bool,
    each: impl FnMut(usize, RawFeature) -> Flow,
) -> Ending {
    read_features_from(
        serde_json::Deserializer::from_reader(reader),
        skip_geometry,
        each,
    )
}

fn read_features_from<'de, R: serde_json::de::Read<'de>>(
    mut de: serde_json::Deserializer<R>,
    skip_geometry: bool,
    mut each: impl FnMut(usize, RawFeature) -> Flow,
) -> Ending {
    let mut count = 0;
    let root = RootSeed {
        skip_geometry,
        each: &mut each,
        count: &mut count,
    };
    let read = de.deserialize_any(root).and_then(|r| de.end().map(|()| r));
    match read {
        Ok((Some(kind), true)) if kind == "FeatureCollection" => Ending::Done,
        Ok(_) => Ending::NotCollection,
        Err(e) if e.to_string().starts_with(STOP) => Ending::Stopped,
        Err(e) => {
            let what = if e.is_eof() {
                "is truncated or empty"
            } else {
                "is not valid JSON"
            };
            Ending::Broken(format!("{what} ({e})"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> (Vec<RawFeature>, Ending) {
        let mut out = Vec::new();
        let ending = read_features(text, false, |_, f| {
            out.push(f);
            Flow::Go
        });
        (out, ending)
    }

    #[test]
    fn reads_features_in_any_member_order() {
        let (features, ending) = all(
            r#"{"features":[{"geometry":{"coordinates":[44.5,40.1,900],"type":"Point"},"properties":{"a":1},"type":"Feature","id":7}],"type":"FeatureCollection"}"#,
        );
        assert_eq!(ending, Ending::Done);
        let RawGeometry::Object { coordinates, .. } = &features[0].geometry else {
            panic!("{:?}", features[0].geometry)
        };
        assert_eq!(coordinates, &Some(Nest::Pos([44.5, 40.1])));
        assert_eq!(features[0].id, Some(serde_json::json!(7)));
    }

    #[test]
    fn odd_features_are_kept_for_stage_two() {
        let (features, ending) = all(
            r#"{"type":"FeatureCollection","features":[5,{"type":"Feature","properties":3,"geometry":"x"},{"type":"Feature","geometry":{"type":"Point","coordinates":["a",1]}}]}"#,
        );
        assert_eq!(ending, Ending::Done);
        assert!(!features[0].is_object);
        assert!(matches!(features[1].geometry, RawGeometry::NotObject(_)));
        assert!(matches!(
            &features[2].geometry,
            RawGeometry::Object {
                coordinates: Some(Nest::Bad(_)),
                ..
            }
        ));
    }

    #[test]
    fn broken_json_keeps_what_came_before() {
        let (features, ending) = all(
            r#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null},{"type":"Fea"#,
        );
        assert_eq!(features.len(), 1);
        assert!(matches!(ending, Ending::Broken(ref m) if m.contains("truncated")));
        assert_eq!(all("[1,2]").1, Ending::NotCollection);
        assert_eq!(all(r#"{"type":"Feature"}"#).1, Ending::NotCollection);
    }

    #[test]
    fn the_callback_can_stop() {
        let mut seen = 0;
        let ending = read_features(
            r#"{"type":"FeatureCollection","features":[{},{},{}]}"#,
            true,
            |_, _| {
                seen += 1;
                if seen == 2 { Flow::Stop } else { Flow::Go }
            },
        );
        assert_eq!((seen, ending), (2, Ending::Stopped));
    }
}
