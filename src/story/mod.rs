//! Stories: a text (a news article, a statement) walked claim by claim on the
//! map. Each step paraphrases one claim, gives its verdict and the correction
//! with sources, and sets the map to the date, box, layers and highlighted
//! features that show it. The format is in `geodata/SCHEMA.md` ("Stories").
//!
//! Loading runs in two stages like the layers' (text → JSON tree → validated
//! [`Story`], see [`parse_story`]); [`check_story`] then checks a story
//! against the atlas it is shown on. [`export`] writes one map per step and a
//! report (Markdown and HTML) a newsroom can publish.
//!
//! ```
//! use caucasus_atlas::atlas::Loaded;
//! use caucasus_atlas::story::{self, Verdict};
//!
//! let stories = story::bundled();
//! assert!(stories.errors.is_empty());
//! let may_2024 = stories.get("may-2024-russia-withdraws").unwrap();
//! let summary = may_2024.summary();
//! assert_eq!(summary.total, may_2024.steps.len());
//! assert!(summary.count(Verdict::Wrong) > 0);
//! let atlas = Loaded::bundled().atlas;
//! assert!(story::check_story(may_2024, &atlas).is_empty());
//! ```

mod error;
pub mod export;
mod model;
mod parse;
pub mod report;
mod validate;

use std::path::Path;

pub use error::StoryError;
pub use model::{CheckedText, Step, StepView, Story, Summary, Verdict};
pub use parse::{looks_like_story, parse_story};
pub use validate::check_story;

/// (file label, JSON text) of every bundled story, in menu order.
pub const BUNDLED_STORIES: &[(&str, &str)] = &[
    (
        "geodata/stories/may-2024-russia-withdraws.json",
        include_str!("../../geodata/stories/may-2024-russia-withdraws.json"),
    ),
    (
        "geodata/stories/trilateral-statement-2020.json",
        include_str!("../../geodata/stories/trilateral-statement-2020.json"),
    ),
];

/// Stories and the problems met while reading them.
#[derive(Clone, Debug, Default)]
pub struct Stories {
    /// The valid stories, in order.
    pub stories: Vec<Story>,
    /// One sentence per problem (a broken story is left out, the others kept).
    pub errors: Vec<StoryError>,
}

impl Stories {
    /// Reads (file label, text) pairs; a story whose id is already taken is an error.
    pub fn from_texts<'a>(inputs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Stories {
        let mut out = Stories::default();
        for (file, text) in inputs {
            out.push(parse_story(file, text));
        }
        out
    }

    /// Adds one parsed story (or its errors).
    pub fn push(&mut self, parsed: Result<Story, Vec<StoryError>>) {
        match parsed {
            Ok(story) => {
                if let Some(other) = self.get(&story.id) {
                    self.errors.push(StoryError {
                        file: story.file.clone(),
                        step: None,
                        property: Some("id".to_string()),
                        message: format!(
                            "\"{}\" is already used by {} (story ids must be unique)",
                            story.id, other.file
                        ),
                    });
                } else {
                    self.stories.push(story);
                }
            }
            Err(errors) => self.errors.extend(errors),
        }
    }

    /// The story with this id.
    pub fn get(&self, id: &str) -> Option<&Story> {
        self.stories.iter().find(|s| s.id == id)
    }

    /// Every problem of every story against `atlas` (see [`check_story`]).
    pub fn check(&self, atlas: &crate::atlas::Atlas) -> Vec<StoryError> {
        self.stories
            .iter()
            .flat_map(|s| check_story(s, atlas))
            .collect()
    }
}

/// The stories built into the program.
pub fn bundled() -> Stories {
    Stories::from_texts(BUNDLED_STORIES.iter().copied())
}

/// Reads one story file (a user's own, or one given to `check`).
pub fn load_file(path: &Path) -> Result<Story, Vec<StoryError>> {
    let file = path.display().to_string();
    // Only a regular file: a named pipe would keep the program waiting.
    match crate::atlas::read_data_file(path) {
        Ok(text) => parse_story(&file, &text),
        Err(message) => Err(vec![StoryError::file(&file, message)]),
    }
}
