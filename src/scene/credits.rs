//! The sources to credit for what a Scene draws.

use std::collections::BTreeSet;

use super::Credit;

/// GeoNames cites one page per place; the map credits the database once.
const GEONAMES_PAGES: &str = "https://www.geonames.org/";

/// Collects each distinct source once, in the order met.
#[derive(Default)]
pub struct Credits {
    seen: BTreeSet<String>,
    list: Vec<Credit>,
}

impl Credits {
    /// Credits the sources not credited yet.
    pub fn add_sources(&mut self, sources: &[crate::atlas::Source]) {
        for source in sources {
            let key = source.url.clone().unwrap_or_else(|| source.title.clone());
            let geonames = key.starts_with(GEONAMES_PAGES);
            let key = if geonames {
                "geonames".to_string()
            } else {
                key
            };
            if self.seen.insert(key) {
                self.list.push(if geonames {
                    Credit {
                        title: "GeoNames (CC BY 4.0)".to_string(),
                        url: Some(GEONAMES_PAGES.to_string()),
                    }
                } else {
                    Credit {
                        title: source.title.clone(),
                        url: source.url.clone(),
                    }
                });
            }
        }
    }

    /// The credits, in the order met.
    pub fn into_list(self) -> Vec<Credit> {
        self.list
    }
}
