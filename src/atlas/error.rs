use std::fmt;

/// One problem found while loading or checking a layer: which file, which
/// feature, which property, and what is wrong with it — printed as one sentence,
/// e.g. `geodata/places.geojson: feature "shusha": property "from": "2020-13-45" is not a date`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The file as the user named it (or `bundled:NAME` for embedded data).
    pub file: String,
    /// The feature's id, or `#N` (0-based index) when it has no usable id.
    pub feature: Option<String>,
    /// The property (or GeoJSON member) concerned.
    pub property: Option<String>,
    /// What is wrong, in words.
    pub message: String,
}

impl DataError {
    /// An error about the file as a whole.
    pub fn file(file: &str, message: impl Into<String>) -> Self {
        DataError {
            file: file.to_string(),
            feature: None,
            property: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(feature) = &self.feature {
            if feature.starts_with('#') {
                write!(f, ": feature {feature}")?;
            } else {
                write!(f, ": feature \"{feature}\"")?;
            }
        }
        if let Some(property) = &self.property {
            write!(f, ": property \"{property}\"")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for DataError {}

/// Builds errors for one feature of one file, so each check names its place once.
#[derive(Clone, Copy)]
pub(crate) struct ErrorSite<'a> {
    pub file: &'a str,
    pub feature: &'a str,
}

impl ErrorSite<'_> {
    /// An error about one property of this feature.
    pub fn property(&self, property: &str, message: impl Into<String>) -> DataError {
        DataError {
            file: self.file.to_string(),
            feature: Some(self.feature.to_string()),
            property: Some(property.to_string()),
            message: message.into(),
        }
    }
}
