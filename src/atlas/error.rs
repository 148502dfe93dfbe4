use std::borrow::Cow;
use std::fmt;

/// The most characters of one value from the data (a name, a kind, an
/// address…) that a message shows; longer values end in "…".
pub const SHOWN_CHARS: usize = 200;

/// The most characters of a whole line of output built around values that
/// are already shortened (an export error quoting a path or layer names).
pub const LINE_CHARS: usize = 2000;

/// The most characters of one error message (the place is counted apart).
const MESSAGE_CHARS: usize = 1000;

/// Whether `c` must not reach a terminal as it is: control characters (C0,
/// DEL, C1, which move the cursor, clear the screen or ring the bell), the
/// bidirectional embeddings, overrides, isolates and marks (which reorder
/// what follows them on the line), line and paragraph separators,
/// invisible format characters and noncharacters.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
        || is_noncharacter(c)
}

/// Unicode's noncharacters: U+FDD0–U+FDEF and the last two code points of
/// every plane (U+FFFE, U+FFFF, U+1FFFE, …).
pub fn is_noncharacter(c: char) -> bool {
    let n = c as u32;
    (0xFDD0..=0xFDEF).contains(&n) || n & 0xFFFE == 0xFFFE
}

/// `text` made safe to print on a terminal or in a one-line message: every
/// character of [`needs_escape`] in Rust's visible form (`\n`, `\u{1b}`,
/// `\u{202e}`), everything else (Armenian, Georgian, quotes, backslashes) as
/// it is, and at most `max_chars` characters of `text`, then "…". Printing
/// an already printable text changes nothing, so a message may pass here
/// again as a whole. Every value from the data that the program prints goes
/// through here.
///
/// ```
/// use caucasus_atlas::atlas::{printable, SHOWN_CHARS};
/// assert_eq!(printable("Şuşa", SHOWN_CHARS), "Şuşa");
/// assert_eq!(printable("\u{1b}[2J\rALL OK\u{202e}", SHOWN_CHARS), "\\u{1b}[2J\\rALL OK\\u{202e}");
/// assert_eq!(printable("abcdef", 3), "abc…");
/// ```
pub fn printable(text: &str, max_chars: usize) -> Cow<'_, str> {
    let long = text.chars().nth(max_chars).is_some();
    if !long && !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len().min(4 * max_chars) + 3);
    for c in text.chars().take(max_chars) {
        if needs_escape(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    if long {
        out.push('…');
    }
    Cow::Owned(out)
}

/// JSON text made safe to print on a terminal: every character of
/// [`needs_escape`] in it written as a JSON `\uXXXX` escape, so the document
/// parses to the same values.
///
/// ```
/// use caucasus_atlas::atlas::printable_json;
/// assert_eq!(printable_json("[\"a\u{202e}b\"]"), "[\"a\\u202eb\"]");
/// ```
pub fn printable_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if needs_escape(c) && c != '\n' {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

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

/// One line whatever the data holds: the file, feature and property are
/// shown through [`printable`], and so is the message (whose values were
/// shortened where they were quoted).
impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", printable(&self.file, SHOWN_CHARS))?;
        if let Some(feature) = &self.feature {
            let feature = printable(feature, SHOWN_CHARS);
            if feature.starts_with('#') {
                write!(f, ": feature {feature}")?;
            } else {
                write!(f, ": feature \"{feature}\"")?;
            }
        }
        if let Some(property) = &self.property {
            write!(f, ": property \"{}\"", printable(property, SHOWN_CHARS))?;
        }
        write!(f, ": {}", printable(&self.message, MESSAGE_CHARS))
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
