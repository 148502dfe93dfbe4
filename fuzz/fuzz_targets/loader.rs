//! Any bytes as a layer file: the loader gives features and one-line error
//! sentences, never a panic or a hang. The first byte picks the layer, so
//! every layer's rules are exercised.
#![no_main]

use caucasus_atlas::atlas::{LayerKind, Loaded, schema::KNOWN_LAYERS};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let layer = KNOWN_LAYERS
        .get(pick as usize % (KNOWN_LAYERS.len() + 1))
        .map_or_else(|| LayerKind::User("mine".into()), |rules| rules.kind.clone());
    let file = format!("fuzz/{}.geojson", layer.name());
    let loaded = Loaded::from_texts([(file.clone(), layer, text)]);
    for error in &loaded.errors {
        let line = error.to_string();
        assert!(line.starts_with(&file), "{line}");
        assert!(
            !line.chars().any(char::is_control),
            "raw control character in {line:?}"
        );
    }
});
