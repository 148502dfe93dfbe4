//! Finding things by name: places, control zones, Russian positions and events,
//! in every language the data has, with or without diacritics — "Xankendi",
//! "Khankendi", "Xankəndi" and "Степанакерт" all find Stepanakert. The window's
//! search field and `caucasus-atlas find` ask this one function.

use unicode_normalization::UnicodeNormalization;

use crate::atlas::{Atlas, Feature, LayerKind};

/// One feature whose name matches, best first.
#[derive(Clone, Debug)]
pub struct Found<'a> {
    /// The feature.
    pub feature: &'a Feature,
    /// The name that matched, as written in the data.
    pub matched: &'a str,
    /// Lower is better: 0 the whole name, 1 a word's start, 2 inside a word.
    pub score: u8,
}

/// The layers a search looks in, in the order results are listed.
const SEARCHED: [LayerKind; 4] = [
    LayerKind::Places,
    LayerKind::Control,
    LayerKind::RussianForces,
    LayerKind::Events,
];

/// Lower-case, without diacritics, with the letters that are written two ways
/// in transliteration made one (ə → e, x → kh, ı → i): two spellings of a
/// name fold to the same text.
///
/// ```
/// use caucasus_atlas::search::fold;
/// assert_eq!(fold("Xankəndi"), fold("Khankendi"));
/// assert_eq!(fold("Ağdam"), fold("Agdam"));
/// assert_eq!(fold("Şuşa"), "susa");
/// ```
pub fn fold(text: &str) -> String {
    let bare: String = text
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .filter(|c| !matches!(c, 'ʼ' | '’' | '\'' | '`'))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ə' => 'e',
            'ı' => 'i',
            c => c,
        })
        .collect();
    bare.replace("kh", "x")
}

/// The features whose names match `query` (folded; every word of the query
/// must occur), best first, at most `limit`.
///
/// ```
/// use caucasus_atlas::atlas::Loaded;
/// use caucasus_atlas::search::find;
/// let atlas = Loaded::bundled().atlas;
/// for query in ["Xankendi", "Khankendi", "Степанакерт", "stepanakert"] {
///     let found = find(&atlas, query, 5);
///     assert_eq!(found[0].feature.id, "stepanakert", "{query}");
/// }
/// ```
pub fn find<'a>(atlas: &'a Atlas, query: &str, limit: usize) -> Vec<Found<'a>> {
    let words: Vec<String> = fold(query).split_whitespace().map(str::to_string).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let whole = words.join(" ");
    let mut found: Vec<(usize, Found<'a>)> = Vec::new();
    for (order, kind) in SEARCHED.iter().enumerate() {
        let Some(layer) = atlas.layer(kind) else {
            continue;
        };
        for feature in &layer.features {
            if let Some((matched, score)) = best_name(feature, &words, &whole) {
                found.push((
                    order,
                    Found {
                        feature,
                        matched,
                        score,
                    },
                ));
            }
        }
    }
    // Better matches first; then places before zones, positions and events;
    // then more important places (rank 1 is a capital).
    found.sort_by_key(|(order, f)| {
        (
            f.score,
            *order,
            f.feature.extra_u64("rank").unwrap_or(5),
            f.feature.name.en.len(),
        )
    });
    found.into_iter().take(limit).map(|(_, f)| f).collect()
}

/// The best-matching name of a feature, with its score.
fn best_name<'a>(feature: &'a Feature, words: &[String], whole: &str) -> Option<(&'a str, u8)> {
    let n = &feature.name;
    let names = [
        Some(n.en.as_str()),
        n.hy.as_deref(),
        n.az.as_deref(),
        n.ru.as_deref(),
        n.ka.as_deref(),
    ];
    names
        .into_iter()
        .flatten()
        .filter_map(|name| score(&fold(name), words, whole).map(|s| (name, s)))
        .min_by_key(|(_, s)| *s)
}

/// How well a folded name matches the folded query words.
fn score(name: &str, words: &[String], whole: &str) -> Option<u8> {
    if !words.iter().all(|w| name.contains(w.as_str())) {
        return None;
    }
    // A name of two parts ("Stepanakert / Khankendi") matches whole on either.
    if name == whole || name.split(" / ").any(|part| part == whole) {
        return Some(0);
    }
    let starts_a_word = name
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| word.starts_with(whole));
    Some(if starts_a_word { 1 } else { 2 })
}
