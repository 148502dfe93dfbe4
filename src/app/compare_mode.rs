//! The window's compare mode: an earlier date D1 (the second handle on the
//! timeline), the map of the shown date D2 with what changed hands since D1
//! hatched and outlined, and a swipe view with D1 left of a divider and D2
//! right of it.
//!
//! Comparisons are computed on a worker thread and cached per pair of dates,
//! so scrubbing with compare on stays smooth: while a new pair is computed
//! the map shows D2 without the overlay and the table says "computing…".
//! A pair is asked for once the shown date has held still for [`SETTLE`]:
//! while the user scrubs, the worker does not take the second core from the
//! frames for dates that are gone a frame later.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

use crate::atlas::Atlas;
use crate::compare::{ZoneAreas, compare};
use crate::scene::compare::CompareOverlay;
use crate::time::{ATLAS_START, Date};

/// How many compared pairs are kept (each holds its hatch lines).
const CACHED_PAIRS: usize = 24;

/// How long the shown date holds still before its pair is computed.
pub const SETTLE: std::time::Duration = std::time::Duration::from_millis(120);

/// What compare mode has for the shown date.
#[derive(Clone, Debug)]
pub enum CompareStatus {
    /// Compare mode is off.
    Off,
    /// The shown date is not after D1: nothing to compare.
    NotAfter(Date),
    /// The pair is being computed.
    Computing(Date),
    /// The comparison is ready.
    Ready(Arc<CompareOverlay>),
    /// The pair cannot be compared (the sentence says why).
    Failed(String),
}

impl CompareStatus {
    /// The overlay, when ready.
    pub fn overlay(&self) -> Option<&Arc<CompareOverlay>> {
        match self {
            CompareStatus::Ready(o) => Some(o),
            _ => None,
        }
    }
}

type Pair = (Date, Date);
type Outcome = (Pair, Result<Arc<CompareOverlay>, String>);

/// The worker thread's ends of the channels.
struct Worker {
    requests: Sender<Pair>,
    results: Receiver<Outcome>,
}

impl Worker {
    /// Starts a thread that compares pairs of dates of `atlas`, latest request
    /// first, and wakes the window (`wake`) when one is done. It ends when the
    /// window drops its end of the channel.
    fn start(atlas: Arc<Atlas>, wake: Option<egui::Context>) -> Worker {
        let (requests, inbox) = mpsc::channel::<Pair>();
        let (outbox, results) = mpsc::channel::<Outcome>();
        std::thread::Builder::new()
            .name("compare".into())
            .spawn(move || {
                // Measured once, on this thread: the first request waits for it.
                let zones = ZoneAreas::build(&atlas);
                while let Ok(mut pair) = inbox.recv() {
                    // Only the newest request matters (the user scrubbed on).
                    while let Ok(newer) = inbox.try_recv() {
                        pair = newer;
                    }
                    let outcome = compare(&atlas, &zones, pair.0, pair.1, None)
                        .map(|c| Arc::new(CompareOverlay::build(Arc::new(c))))
                        .map_err(|e| e.to_string());
                    if outbox.send((pair, outcome)).is_err() {
                        break;
                    }
                    if let Some(ctx) = &wake {
                        ctx.request_repaint();
                    }
                }
            })
            .ok();
        Worker { requests, results }
    }
}

/// What the timeline's compare controls show.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CompareControls {
    /// Whether compare mode is on.
    pub on: bool,
    /// The earlier date.
    pub from: Option<Date>,
    /// Whether the swipe view is shown.
    pub swipe: bool,
}

/// Compare mode's state: whether it is on, D1, the swipe view, and the cache.
pub struct CompareMode {
    /// Whether compare mode is on.
    pub on: bool,
    /// The earlier date (D1).
    pub from: Option<Date>,
    /// Whether the swipe view (D1 left, D2 right) is shown.
    pub swipe: bool,
    /// Where the swipe divider stands, as a share (0–1) of the map's width.
    pub divider: f32,
    cache: HashMap<Pair, Result<Arc<CompareOverlay>, String>>,
    order: VecDeque<Pair>,
    asked: Option<Pair>,
    /// The pair the shown date wants and since when.
    wanted: Option<(Pair, std::time::Instant)>,
    worker: Option<Worker>,
    status: CompareStatus,
}

impl Default for CompareMode {
    fn default() -> Self {
        CompareMode {
            on: false,
            from: None,
            swipe: false,
            divider: 0.5,
            cache: HashMap::new(),
            order: VecDeque::new(),
            asked: None,
            wanted: None,
            worker: None,
            status: CompareStatus::Off,
        }
    }
}

impl CompareMode {
    /// The date D1 takes when compare mode is turned on without one: the
    /// start of the playback range when it lies before `date`, else a year
    /// before `date` (never before the atlas's first day).
    pub fn default_from(date: Date, range: Option<(Date, Date)>) -> Date {
        match range {
            Some((first, _)) if first < date => first,
            _ => date.add_days(-365).max(ATLAS_START),
        }
    }

    /// What the timeline's controls show.
    pub fn controls(&self) -> CompareControls {
        CompareControls {
            on: self.on,
            from: self.from,
            swipe: self.swipe,
        }
    }

    /// What compare mode has for the shown date, as of the last [`CompareMode::update`].
    pub fn status(&self) -> &CompareStatus {
        &self.status
    }

    /// Whether a comparison is being computed for the shown date.
    pub fn computing(&self) -> bool {
        matches!(self.status, CompareStatus::Computing(_))
    }

    /// Takes finished comparisons, and asks for the pair (D1, `date`) when it
    /// is new and `date` has been shown for [`SETTLE`]. Called once per
    /// frame; cheap when nothing changed.
    pub fn update(&mut self, atlas: &Arc<Atlas>, date: Date, wake: Option<&egui::Context>) {
        self.take_results();
        let Some(from) = self.from.filter(|_| self.on) else {
            self.status = CompareStatus::Off;
            return;
        };
        if date <= from {
            self.status = CompareStatus::NotAfter(from);
            return;
        }
        let pair = (from, date);
        self.status = match self.cache.get(&pair) {
            Some(Ok(overlay)) => CompareStatus::Ready(overlay.clone()),
            Some(Err(e)) => CompareStatus::Failed(e.clone()),
            None => {
                let now = std::time::Instant::now();
                let since = match self.wanted {
                    Some((wanted, since)) if wanted == pair => since,
                    _ => {
                        self.wanted = Some((pair, now));
                        now
                    }
                };
                let held = now.duration_since(since);
                if self.asked != Some(pair) && held < SETTLE {
                    // Look again when it will have held long enough.
                    if let Some(ctx) = wake {
                        ctx.request_repaint_after(SETTLE - held);
                    }
                } else if self.asked != Some(pair) {
                    let worker = self
                        .worker
                        .get_or_insert_with(|| Worker::start(atlas.clone(), wake.cloned()));
                    if worker.requests.send(pair).is_err() {
                        // The thread could not start or has stopped: start anew next frame.
                        self.worker = None;
                    } else {
                        self.asked = Some(pair);
                    }
                }
                CompareStatus::Computing(from)
            }
        };
    }

    fn take_results(&mut self) {
        let Some(worker) = &self.worker else {
            return;
        };
        while let Ok((pair, outcome)) = worker.results.try_recv() {
            if self.asked == Some(pair) {
                self.asked = None;
            }
            if self.cache.insert(pair, outcome).is_none() {
                self.order.push_back(pair);
            }
            while self.order.len() > CACHED_PAIRS {
                if let Some(old) = self.order.pop_front() {
                    self.cache.remove(&old);
                }
            }
        }
    }

    /// Blocks until the comparison for the shown date is ready (tests and the
    /// `--screenshot` run, which have no user to wait), for at most `limit`.
    pub fn wait(
        &mut self,
        atlas: &Arc<Atlas>,
        date: Date,
        limit: std::time::Duration,
    ) -> &CompareStatus {
        let start = std::time::Instant::now();
        self.update(atlas, date, None);
        while self.computing() && start.elapsed() < limit {
            std::thread::sleep(std::time::Duration::from_millis(5));
            self.update(atlas, date, None);
        }
        &self.status
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_is_asked_for_only_once_the_date_holds_still() {
        let data = crate::data::AtlasData::load(None);
        let day = |s: &str| s.parse::<Date>().unwrap();
        let from = day("2020-09-26");
        let mut mode = CompareMode {
            on: true,
            from: Some(from),
            ..CompareMode::default()
        };
        mode.update(&data.atlas, day("2020-10-20"), None);
        assert!(mode.computing());
        assert_eq!(mode.asked, None, "not asked while the date may move on");
        // Scrubbing on: the new date waits from its own first frame.
        mode.update(&data.atlas, day("2020-11-10"), None);
        assert_eq!(mode.asked, None);
        std::thread::sleep(SETTLE);
        mode.update(&data.atlas, day("2020-11-10"), None);
        assert_eq!(mode.asked, Some((from, day("2020-11-10"))));
        let status = mode.wait(
            &data.atlas,
            day("2020-11-10"),
            std::time::Duration::from_secs(60),
        );
        assert!(matches!(status, CompareStatus::Ready(_)), "{status:?}");
        // The date scrubbed past was never computed.
        assert!(!mode.cache.contains_key(&(from, day("2020-10-20"))));
    }
}
