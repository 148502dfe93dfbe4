//! What a story is once it has been read and validated.

use std::fmt;

use crate::atlas::{LayerKind, Source};
use crate::spatial::RegionBox;
use crate::time::Date;

/// How a claim stands against the sources.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verdict {
    /// The sources bear it out.
    Correct,
    /// Right in part, wrong or loose in another part.
    PartlyCorrect,
    /// Each part may be defensible, but the whole gives a wrong picture.
    Misleading,
    /// The sources contradict it.
    Wrong,
    /// An opinion, a prediction or a fact the sources do not settle.
    Unverifiable,
}

impl Verdict {
    /// Every verdict, from best to worst standing (summary order).
    pub const ALL: [Verdict; 5] = [
        Verdict::Correct,
        Verdict::PartlyCorrect,
        Verdict::Misleading,
        Verdict::Wrong,
        Verdict::Unverifiable,
    ];

    /// The word used in story files (`partly-correct`).
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Correct => "correct",
            Verdict::PartlyCorrect => "partly-correct",
            Verdict::Misleading => "misleading",
            Verdict::Wrong => "wrong",
            Verdict::Unverifiable => "unverifiable",
        }
    }

    /// The verdict for a reader (`Partly correct`).
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Correct => "Correct",
            Verdict::PartlyCorrect => "Partly correct",
            Verdict::Misleading => "Misleading",
            Verdict::Wrong => "Wrong",
            Verdict::Unverifiable => "Unverifiable",
        }
    }

    /// The badge colour (sRGB), the same in the window and in the reports.
    pub fn rgb(self) -> [u8; 3] {
        match self {
            Verdict::Correct => [0x2e, 0x7d, 0x32],
            Verdict::PartlyCorrect => [0xb2, 0x8a, 0x00],
            Verdict::Misleading => [0xe0, 0x6c, 0x00],
            Verdict::Wrong => [0xc6, 0x28, 0x28],
            Verdict::Unverifiable => [0x61, 0x61, 0x61],
        }
    }

    /// The verdict for a code such as `partly-correct`.
    pub fn from_code(code: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.code() == code)
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The text a story checks: an article, a statement, a speech.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckedText {
    /// Its title (or headline), as published.
    pub title: String,
    /// Who published it (outlet, government, organisation).
    pub outlet: String,
    /// When it was published.
    pub date: Date,
    /// Where to read it, if online (http or https).
    pub url: Option<String>,
    /// What kind of text it is ("news article", "official statement"), if given.
    pub kind: Option<String>,
}

/// The map a step shows.
#[derive(Clone, Debug, PartialEq)]
pub struct StepView {
    /// The date shown.
    pub date: Date,
    /// For a compare: the earlier date the map is compared with (before `date`).
    pub compare_from: Option<Date>,
    /// The lon/lat box to fit into the map.
    pub bbox: RegionBox,
    /// The layers to draw (`None`: every layer).
    pub layers: Option<Vec<LayerKind>>,
    /// Ids of the features the step is about (to highlight), each shown on
    /// `date` (or, in a compare, on `compare_from`) and lying in `bbox`.
    pub highlight: Vec<String>,
    /// A short caption for the map, if any.
    pub caption: Option<String>,
}

impl StepView {
    /// The layers to hide so that only the step's `layers` are drawn (empty
    /// when the step draws every layer); an unknown layer name is an error
    /// sentence, as in the exports.
    pub fn hidden_layers(
        &self,
        atlas: &crate::atlas::Atlas,
    ) -> Result<std::collections::BTreeSet<LayerKind>, String> {
        crate::render::export::hidden_layers(atlas, self.layers.as_deref()).map_err(|e| e.0)
    }
}

/// One claim of the text, its verdict and the map that shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// The claim, in our own words (never the text's sentence).
    pub claim: String,
    /// How it stands.
    pub verdict: Verdict,
    /// What the sources show, in one or two sentences.
    pub correction: String,
    /// Where that comes from (at least one).
    pub sources: Vec<Source>,
    /// The map state.
    pub view: StepView,
}

/// A fact-checked walk through one text, claim by claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    /// Unique, lowercase words joined by `-`; what `story show ID` takes.
    pub id: String,
    /// The story's own title.
    pub title: String,
    /// A paragraph introducing it, if any.
    pub intro: Option<String>,
    /// The text it checks.
    pub checks: CheckedText,
    /// The steps, in reading order (at least one).
    pub steps: Vec<Step>,
    /// Where it was read from, as shown in errors.
    pub file: String,
}

/// How many steps have each verdict: derived, never authored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// A count for every verdict, in [`Verdict::ALL`] order (zeros included).
    pub counts: Vec<(Verdict, usize)>,
    /// The number of steps.
    pub total: usize,
}

impl Summary {
    /// The number of steps with `verdict`.
    pub fn count(&self, verdict: Verdict) -> usize {
        self.counts
            .iter()
            .find(|(v, _)| *v == verdict)
            .map_or(0, |(_, n)| *n)
    }
}

impl fmt::Display for Summary {
    /// `32 claims: 7 correct, 11 partly correct, …` (verdicts with no step left out).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let noun = if self.total == 1 { "claim" } else { "claims" };
        write!(f, "{} {noun}", self.total)?;
        let parts: Vec<String> = self
            .counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(v, n)| format!("{n} {}", v.label().to_lowercase()))
            .collect();
        if !parts.is_empty() {
            write!(f, ": {}", parts.join(", "))?;
        }
        Ok(())
    }
}

impl Story {
    /// The step numbered `number` (from 1, as shown to readers).
    pub fn step(&self, number: usize) -> Option<&Step> {
        number.checked_sub(1).and_then(|i| self.steps.get(i))
    }

    /// The verdict counts.
    pub fn summary(&self) -> Summary {
        let counts = Verdict::ALL
            .into_iter()
            .map(|v| (v, self.steps.iter().filter(|s| s.verdict == v).count()))
            .collect();
        Summary {
            counts,
            total: self.steps.len(),
        }
    }
}
