use std::collections::BTreeMap;

use super::{Controller, LayerKind};
use crate::time::{Date, Lifespan};

/// A feature's names by language. `en` is always present; for contested places
/// it holds both names, Armenian first ("Stepanakert / Khankendi"). Shown
/// through [`crate::atlas::Atlas::name_on`], which orders such pairs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Names {
    /// English (or a Latin transliteration).
    pub en: String,
    /// Armenian.
    pub hy: Option<String>,
    /// Azerbaijani.
    pub az: Option<String>,
    /// Russian.
    pub ru: Option<String>,
    /// Georgian.
    pub ka: Option<String>,
    /// Who uses which name of each "A / B" pair, when the names hold pairs.
    pub sides: Option<super::NameSides>,
}

/// A label language the user can choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Language {
    /// English.
    En,
    /// Armenian.
    Hy,
    /// Azerbaijani.
    Az,
    /// Russian.
    Ru,
    /// Georgian.
    Ka,
}

impl Language {
    /// Every language, in menu order.
    pub const ALL: [Language; 5] = [
        Language::En,
        Language::Hy,
        Language::Az,
        Language::Ru,
        Language::Ka,
    ];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Hy => "hy",
            Language::Az => "az",
            Language::Ru => "ru",
            Language::Ka => "ka",
        }
    }

    /// The language's name in itself, for the language menu.
    pub fn endonym(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Hy => "Հայերեն",
            Language::Az => "Azərbaycanca",
            Language::Ru => "Русский",
            Language::Ka => "ქართული",
        }
    }

    /// The language for a code such as `hy`.
    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }
}

impl Names {
    /// The name in `lang`, or the English one where that language has none.
    pub fn get(&self, lang: Language) -> &str {
        let chosen = match lang {
            Language::En => None,
            Language::Hy => self.hy.as_deref(),
            Language::Az => self.az.as_deref(),
            Language::Ru => self.ru.as_deref(),
            Language::Ka => self.ka.as_deref(),
        };
        chosen.unwrap_or(&self.en)
    }
}

/// Where a fact comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// A human-readable title.
    pub title: String,
    /// A web address (http or https only), if there is one.
    pub url: Option<String>,
    /// The source's own date, if known.
    pub date: Option<Date>,
    /// The side whose state media or government the source speaks for, if it is
    /// partisan (`"partisan": "AZE"` in the data); `None` for neutral sources.
    pub partisan: Option<Controller>,
}

/// How exact a feature's geometry is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Precision {
    /// Drawn from a surveyed or authoritative geometry.
    Exact,
    /// Traced or inferred; the true position may be this many kilometres off.
    Approximate {
        /// Uncertainty radius in kilometres.
        uncertainty_km: f64,
    },
}

impl Precision {
    /// Whether the geometry should be drawn as approximate.
    pub fn is_approximate(self) -> bool {
        matches!(self, Precision::Approximate { .. })
    }
}

/// One dated state of a feature: who controlled it, its status, its strength.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryEntry {
    /// The days this state held.
    pub span: Lifespan,
    /// When the first day is only known within a range of days.
    pub from_range: Option<(Date, Date)>,
    /// The controller in this period (control zones).
    pub controller: Option<Controller>,
    /// A status word such as `open` or `blockaded` (corridor).
    pub status: Option<String>,
    /// A reported strength (personnel), if any.
    pub strength: Option<u32>,
    /// What a reader should know about this period.
    pub note: Option<String>,
    /// Sources for this entry in particular.
    pub sources: Vec<Source>,
}

/// A claim to a control zone by someone other than its de jure state, while
/// the claimant made it (`claimed_by` in the data).
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// Who claims the zone.
    pub by: Controller,
    /// The days of the claim (from its declaration; `until` when it was given up).
    pub span: Lifespan,
    /// What the claim is.
    pub note: Option<String>,
    /// Sources for the claim.
    pub sources: Vec<Source>,
}

/// Whether the holder of a zone on a date is settled or control was changing
/// hands (the date lies inside a `from_range`: the day of the change is not known).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ControlStatus {
    /// One side held it.
    Held,
    /// Control was changing hands on a day the sources give only as a range.
    Contested,
}

impl ControlStatus {
    /// The word used in `at --json`: `held` or `contested`.
    pub fn as_str(self) -> &'static str {
        match self {
            ControlStatus::Held => "held",
            ControlStatus::Contested => "contested",
        }
    }
}

/// A validated feature of any layer, in lon/lat.
#[derive(Clone, Debug)]
pub struct Feature {
    /// Unique across the atlas.
    pub id: String,
    /// The layer it belongs to.
    pub layer: LayerKind,
    /// What it is within its layer (`town`, `zone`, `war`, …).
    pub kind: String,
    /// Its names.
    pub name: Names,
    /// Whether it has an Armenian and an Azerbaijani name.
    pub contested: bool,
    /// When it exists.
    pub lifespan: Lifespan,
    /// When its first day is only known within a range.
    pub from_range: Option<(Date, Date)>,
    /// When its last day is only known within a range.
    pub until_range: Option<(Date, Date)>,
    /// Dated states, ordered and non-overlapping.
    pub history: Vec<HistoryEntry>,
    /// The internationally recognised state (control zones: ARM, AZE or GEO).
    pub de_jure: Option<Controller>,
    /// Claims by others than the de jure state, dated (control zones).
    pub claims: Vec<Claim>,
    /// At least one (a user's feature without its own: none here, its
    /// layer's apply, see `Atlas::sources_of`).
    pub sources: Vec<Source>,
    /// How exact its geometry is.
    pub precision: Precision,
    /// One sentence about it (events).
    pub summary: Option<String>,
    /// A note for readers.
    pub note: Option<String>,
    /// Other properties kept as given (population, rank, operator, …).
    pub extra: BTreeMap<String, serde_json::Value>,
    /// A user's feature: every property as given, as compact JSON text (a
    /// layer of 100,000 features would not fit as JSON trees); read it with
    /// [`Feature::properties`]. `None` for the atlas's own features.
    pub properties_json: Option<Box<str>>,
    /// Geometry in lon/lat degrees.
    pub geometry: geo::Geometry<f64>,
}

/// How many days after its date (or its end, if later) a one-day event stays on the map.
pub const EVENT_AFTERGLOW_DAYS: i64 = 30;

impl Feature {
    /// Whether the feature exists on `date`.
    pub fn exists_on(&self, date: Date) -> bool {
        self.lifespan.contains(date)
    }

    /// Whether the feature belongs on the map on `date`. Nothing is shown before
    /// it happens: an event shows from its first day to a month after it (or to
    /// its end, if later); everything else shows while it exists.
    ///
    /// ```
    /// # use caucasus_atlas::atlas::Loaded;
    /// # use caucasus_atlas::time::Date;
    /// let atlas = Loaded::bundled().atlas;
    /// let shusha_2020 = atlas.feature("2020-11-08-shusha-taken").unwrap();
    /// let d = |s: &str| s.parse::<Date>().unwrap();
    /// assert!(!shusha_2020.is_shown_on(d("2020-11-07")));
    /// assert!(shusha_2020.is_shown_on(d("2020-11-08")));
    /// assert!(shusha_2020.is_shown_on(d("2020-11-20")));
    /// assert!(!shusha_2020.is_shown_on(d("2021-06-01")));
    /// ```
    pub fn is_shown_on(&self, date: Date) -> bool {
        if self.layer != LayerKind::Events {
            return self.exists_on(date);
        }
        let Some(start) = self.lifespan.from else {
            return false;
        };
        let fade_out = start.add_days(EVENT_AFTERGLOW_DAYS);
        let end = self.lifespan.until.map_or(fade_out, |u| u.max(fade_out));
        start <= date && date < end
    }

    /// The history entry in force on `date`, if any.
    pub fn state_on(&self, date: Date) -> Option<&HistoryEntry> {
        self.history.iter().find(|h| h.span.contains(date))
    }

    /// The first day of what holds on `date` without a break: for a control
    /// zone, since when its controller on `date` has held it (over any number
    /// of history entries); for anything else, since when it has existed — the
    /// start of a presence, not of its current phase (see [`Feature::phase_since`]).
    /// `None` if nothing holds on `date` or the start is open.
    ///
    /// ```
    /// # use caucasus_atlas::atlas::Loaded;
    /// # use caucasus_atlas::time::Date;
    /// let atlas = Loaded::bundled().atlas;
    /// let d = |s: &str| s.parse::<Date>().unwrap();
    /// // The FSB border guards at Zvartnots: there since the 1990s, whatever
    /// // their last phase.
    /// let zvartnots = atlas.feature("rus-fsb-border-guards-zvartnots").unwrap();
    /// let since = zvartnots.since(d("2024-07-31")).unwrap();
    /// assert!(since < d("2000-01-01"));
    /// assert!(zvartnots.phase_since(d("2024-07-31")).unwrap() > since);
    /// ```
    pub fn since(&self, date: Date) -> Option<Date> {
        if !self.exists_on(date) {
            return None;
        }
        let Some(controller) = self.controller_on(date) else {
            return self.lifespan.from;
        };
        let current = self.history.iter().position(|h| h.span.contains(date))?;
        let mut first = self.history.get(current)?;
        // Walk back over contiguous entries with the same controller.
        for before in self.history.iter().take(current).rev() {
            if before.controller != Some(controller) || before.span.until != first.span.from {
                break;
            }
            first = before;
        }
        first.span.from
    }

    /// The first day of the history entry in force on `date` (the current
    /// phase), or of the feature itself when it has no history.
    pub fn phase_since(&self, date: Date) -> Option<Date> {
        match self.state_on(date) {
            Some(state) => state.span.from,
            None if self.exists_on(date) => self.lifespan.from,
            None => None,
        }
    }

    /// The controller on `date` (control zones).
    pub fn controller_on(&self, date: Date) -> Option<Controller> {
        self.state_on(date).and_then(|h| h.controller)
    }

    /// The internationally recognised state of a control zone (ARM, AZE or
    /// GEO), whoever holds it.
    ///
    /// ```
    /// # use caucasus_atlas::atlas::{Controller, Loaded};
    /// let atlas = Loaded::bundled().atlas;
    /// let de_jure = |id: &str| atlas.feature(id).unwrap().de_jure();
    /// assert_eq!(de_jure("zone-nkr-central"), Some(Controller::Aze));
    /// assert_eq!(de_jure("zone-abkhazia-sukhumi-ochamchire"), Some(Controller::Geo));
    /// // Exclaves follow the Soviet republic borders, not the holder.
    /// assert_eq!(de_jure("zone-artsvashen"), Some(Controller::Arm));
    /// assert_eq!(de_jure("zone-karki"), Some(Controller::Aze));
    /// ```
    pub fn de_jure(&self) -> Option<Controller> {
        self.de_jure
    }

    /// Who other than the de jure state claims the zone on `date`, in code
    /// order (empty when nobody does). A claim counts from the day it was
    /// declared until it was given up.
    ///
    /// ```
    /// # use caucasus_atlas::atlas::{Controller, Loaded};
    /// # use caucasus_atlas::time::Date;
    /// let atlas = Loaded::bundled().atlas;
    /// let d = |s: &str| s.parse::<Date>().unwrap();
    /// let stepanakert = atlas.feature("zone-nkr-central").unwrap();
    /// assert_eq!(stepanakert.claimed_by(d("2021-06-01")), vec![Controller::Nkr]);
    /// // Before the 1991 declaration and after the 2024 dissolution: no claim.
    /// assert!(stepanakert.claimed_by(d("1990-01-01")).is_empty());
    /// assert!(stepanakert.claimed_by(d("2024-06-01")).is_empty());
    /// let kodori = atlas.feature("zone-upper-kodori").unwrap();
    /// assert_eq!(kodori.claimed_by(d("2000-01-01")), vec![Controller::Abk]);
    /// ```
    pub fn claimed_by(&self, date: Date) -> Vec<Controller> {
        let mut by: Vec<Controller> = self
            .claims
            .iter()
            .filter(|c| c.span.contains(date))
            .map(|c| c.by)
            .collect();
        by.sort();
        by.dedup();
        by
    }

    /// Whether control on `date` was settled ([`ControlStatus::Held`]) or
    /// changing hands ([`ControlStatus::Contested`]): the date lies inside the
    /// `from_range` of a history entry that changes the controller, so the
    /// day of the change is not known. `None` when no controller is recorded
    /// on `date`.
    ///
    /// ```
    /// # use caucasus_atlas::atlas::{ControlStatus, Controller, Loaded};
    /// # use caucasus_atlas::time::Date;
    /// let atlas = Loaded::bundled().atlas;
    /// let d = |s: &str| s.parse::<Date>().unwrap();
    /// // Hadrut: claimed by Azerbaijan on 9 Oct 2020, held by it from 14-15 Oct.
    /// let hadrut = atlas.feature("zone-hadrut").unwrap();
    /// assert_eq!(hadrut.status_on(d("2020-10-01")), Some(ControlStatus::Held));
    /// assert_eq!(hadrut.controller_on(d("2020-10-12")), Some(Controller::Nkr));
    /// assert_eq!(hadrut.status_on(d("2020-10-12")), Some(ControlStatus::Contested));
    /// assert_eq!(hadrut.status_on(d("2020-10-15")), Some(ControlStatus::Contested));
    /// assert_eq!(hadrut.status_on(d("2020-10-16")), Some(ControlStatus::Held));
    /// ```
    pub fn status_on(&self, date: Date) -> Option<ControlStatus> {
        self.controller_on(date)?;
        let changing = self.history.iter().enumerate().any(|(i, entry)| {
            let Some((first, last)) = entry.from_range else {
                return false;
            };
            let changes_hands = i
                .checked_sub(1)
                .and_then(|p| self.history.get(p))
                .is_none_or(|previous| previous.controller != entry.controller);
            changes_hands && first <= date && date <= last
        });
        Some(if changing {
            ControlStatus::Contested
        } else {
            ControlStatus::Held
        })
    }

    /// The properties to show as a table: a user's feature's every property
    /// as given, or the extra properties of one of the atlas's.
    pub fn properties(&self) -> serde_json::Map<String, serde_json::Value> {
        match &self.properties_json {
            Some(text) => serde_json::from_str(text).unwrap_or_default(),
            None => self
                .extra
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        }
    }

    /// A whole-number extra property such as `rank` or `population`.
    pub fn extra_u64(&self, key: &str) -> Option<u64> {
        self.extra.get(key).and_then(|v| v.as_u64())
    }

    /// A string extra property such as `operator`.
    pub fn extra_str(&self, key: &str) -> Option<&str> {
        self.extra.get(key).and_then(|v| v.as_str())
    }
}
