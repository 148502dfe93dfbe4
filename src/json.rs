//! Small helpers for the JSON documents the command line prints.

use serde_json::Value;

/// Sets `key` on a JSON object; does nothing to any other kind of value.
///
/// Indexing a `Value` with a string (`obj["key"] = …`) panics when the value
/// is not an object; this never does.
///
/// ```
/// use caucasus_atlas::json::put;
/// let mut obj = serde_json::json!({"id": "a"});
/// put(&mut obj, "since", serde_json::json!("2020-11-10"));
/// assert_eq!(obj["since"], "2020-11-10");
/// ```
pub fn put(obj: &mut Value, key: &str, value: Value) {
    if let Some(map) = obj.as_object_mut() {
        map.insert(key.to_owned(), value);
    }
}
