use std::fmt;

/// One problem in a story file: which file, which step, which property, and
/// what is wrong — printed as one sentence, e.g.
/// `geodata/stories/may-2024.json: step 4: property "verdict": "half-true" is not a verdict (…)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryError {
    /// The file as the user named it (`geodata/stories/NAME.json` for bundled stories).
    pub file: String,
    /// The step, counted from 1 as in `story show`; `None` for the story as a whole.
    pub step: Option<usize>,
    /// The property concerned (`bbox`, `sources[1].url`, `checks.date`).
    pub property: Option<String>,
    /// What is wrong, in words.
    pub message: String,
}

impl StoryError {
    /// An error about the file as a whole.
    pub fn file(file: &str, message: impl Into<String>) -> StoryError {
        StoryError {
            file: file.to_string(),
            step: None,
            property: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for StoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(step) = self.step {
            write!(f, ": step {step}")?;
        }
        if let Some(property) = &self.property {
            write!(f, ": property \"{property}\"")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for StoryError {}

/// Builds errors for one place (the story, or one step) of one file.
#[derive(Clone, Copy)]
pub(crate) struct Site<'a> {
    pub file: &'a str,
    pub step: Option<usize>,
}

impl Site<'_> {
    /// An error about one property here.
    pub fn property(&self, property: &str, message: impl Into<String>) -> StoryError {
        StoryError {
            file: self.file.to_string(),
            step: self.step,
            property: Some(property.to_string()),
            message: message.into(),
        }
    }
}
