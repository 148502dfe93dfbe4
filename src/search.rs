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

/// The names of every searched feature (and the summaries of events), folded
/// once when the data is loaded ([`crate::data::AtlasData::search`]), so that
/// the window's search field and event list fold nothing per frame.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    /// Parallel to the atlas's layers; empty for a layer not searched.
    layers: Vec<Vec<FoldedFeature>>,
}

/// One feature's names and summary, folded with [`fold`].
#[derive(Clone, Debug, Default)]
pub struct FoldedFeature {
    /// The names in the order en, hy, az, ru, ka (`None`: not given).
    names: [Option<String>; 5],
    /// The summary, if any.
    summary: Option<String>,
}

impl FoldedFeature {
    fn of(feature: &Feature) -> FoldedFeature {
        FoldedFeature {
            names: names_of(feature).map(|name| name.map(fold)),
            summary: feature.summary.as_deref().map(fold),
        }
    }

    /// Whether every folded word occurs in the English name or the summary
    /// (the event list's text filter).
    pub fn has_words(&self, words: &[&str]) -> bool {
        words.iter().all(|w| {
            self.names[0].as_deref().is_some_and(|n| n.contains(w))
                || self.summary.as_deref().is_some_and(|s| s.contains(w))
        })
    }
}

thread_local! {
    /// How many indexes this thread built (for the test that the window
    /// builds none per frame).
    static BUILDS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

impl SearchIndex {
    /// Folds the names of every feature of the searched layers of `atlas`.
    pub fn build(atlas: &Atlas) -> SearchIndex {
        BUILDS.with(|b| b.set(b.get() + 1));
        let layers = atlas
            .layers
            .iter()
            .map(|layer| match SEARCHED.contains(&layer.kind) {
                true => layer.features.iter().map(FoldedFeature::of).collect(),
                false => Vec::new(),
            })
            .collect();
        SearchIndex { layers }
    }

    /// How many indexes the calling thread has built so far.
    pub fn builds_on_this_thread() -> usize {
        BUILDS.with(|b| b.get())
    }

    /// The folded names of feature `feature` of layer `layer` of the atlas
    /// the index was built from.
    pub fn folded(&self, layer: usize, feature: usize) -> Option<&FoldedFeature> {
        self.layers.get(layer)?.get(feature)
    }

    /// The features of `atlas` (the one the index was built from) whose
    /// names match `query` (folded; every word of the query must occur),
    /// best first, at most `limit`.
    pub fn find<'a>(&self, atlas: &'a Atlas, query: &str, limit: usize) -> Vec<Found<'a>> {
        let words: Vec<String> = fold(query).split_whitespace().map(str::to_string).collect();
        if words.is_empty() {
            return Vec::new();
        }
        let whole = words.join(" ");
        let mut found: Vec<(usize, Found<'a>)> = Vec::new();
        for (order, kind) in SEARCHED.iter().enumerate() {
            let Some(layer_index) = atlas.layers.iter().position(|l| l.kind == *kind) else {
                continue;
            };
            let Some(layer) = atlas.layers.get(layer_index) else {
                continue;
            };
            for (i, feature) in layer.features.iter().enumerate() {
                let Some(folded) = self.folded(layer_index, i) else {
                    continue;
                };
                if let Some((matched, score)) = best_name(feature, folded, &words, &whole) {
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
}

/// The features whose names match `query` (folded; every word of the query
/// must occur), best first, at most `limit`. Folds the names for this one
/// search (the command line); the window keeps a [`SearchIndex`].
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
    SearchIndex::build(atlas).find(atlas, query, limit)
}

/// A feature's names in the order en, hy, az, ru, ka.
fn names_of(feature: &Feature) -> [Option<&str>; 5] {
    let n = &feature.name;
    [
        Some(n.en.as_str()),
        n.hy.as_deref(),
        n.az.as_deref(),
        n.ru.as_deref(),
        n.ka.as_deref(),
    ]
}

/// The best-matching name of a feature, with its score.
fn best_name<'a>(
    feature: &'a Feature,
    folded: &FoldedFeature,
    words: &[String],
    whole: &str,
) -> Option<(&'a str, u8)> {
    names_of(feature)
        .into_iter()
        .zip(&folded.names)
        .filter_map(|(name, f)| Some((name?, f.as_deref()?)))
        .filter_map(|(name, f)| score(f, words, whole).map(|s| (name, s)))
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
