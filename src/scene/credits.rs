//! The sources to credit for what a Scene draws on its date within its
//! extent, ranked, and the short credit line a newspaper prints under a map.
//!
//! One selection serves the credit line, the file's metadata and the
//! citation (`caucasus-atlas cite`): the sources of the history entries in
//! force for the features drawn (a feature's own sources where an entry has
//! none, as SCHEMA.md says), of the lines and events shown. The base map
//! (Natural Earth borders, GeoNames places) is credited once, in the
//! attribution, not source by source.

use std::cmp::Reverse;
use std::collections::{BTreeSet, HashMap};

use super::{Credit, Scene};
use crate::atlas::{Controller, Feature, LayerKind, Source};
use crate::time::Date;

/// The credit line's type size in points (above [`super::text::MIN_TEXT_PT`]).
pub const CREDIT_PT: f32 = 10.0;

/// The most publishers the credit line names; the rest are in the metadata.
pub const MAX_NAMED: usize = 6;

/// The longest short title on the credit line, in characters.
const SHORT_TITLE_CHARS: usize = 48;

/// Collects each distinct source once, counting what it supports.
#[derive(Default)]
pub struct Credits {
    index: HashMap<String, usize>,
    list: Vec<Credit>,
}

/// What supports one drawn state: its sources, whether they are its own
/// (an entry's or an event's) rather than the feature's general ones, and
/// the state's first and end days.
struct Support<'a> {
    sources: &'a [Source],
    specific: bool,
    since: Option<Date>,
    until: Option<Date>,
}

/// The sources behind what `feature` shows on `date`.
fn supporting<'a>(feature: &'a Feature, general_sources: &'a [Source], date: Date) -> Support<'a> {
    let general = |specific| Support {
        sources: general_sources,
        specific,
        since: feature.lifespan.from,
        until: feature.lifespan.until,
    };
    if feature.layer == LayerKind::Events || feature.history.is_empty() {
        return general(true);
    }
    match feature.state_on(date) {
        Some(entry) if !entry.sources.is_empty() => Support {
            sources: &entry.sources,
            specific: true,
            since: entry.span.from,
            until: entry.span.until,
        },
        Some(entry) => Support {
            since: entry.span.from,
            until: entry.span.until,
            ..general(false)
        },
        None => general(false),
    }
}

/// Whether a source reports how a state ended, which a map of `date`, before
/// the end, does not show: it is dated on or after the end, and the end is
/// after `date` (a source that appeared years later is no support for the
/// day shown, and nothing is shown before it happened).
fn reports_the_end(source: &Source, until: Option<Date>, date: Date) -> bool {
    matches!((source.date, until), (Some(d), Some(end)) if end > date && d >= end)
}

/// Whether a layer is part of the base map, credited in the attribution.
fn is_base(layer: &LayerKind) -> bool {
    matches!(
        layer,
        LayerKind::Countries | LayerKind::Lakes | LayerKind::Admin1 | LayerKind::Places
    )
}

/// One source's identity: its address without a fragment, or its title.
fn key(source: &Source) -> String {
    match &source.url {
        Some(url) => url.split('#').next().unwrap_or(url).to_string(),
        None => source.title.clone(),
    }
}

impl Credits {
    /// Credits what `feature` shows on `date` (it is drawn and lies in the
    /// extent); `general` are its sources as a whole (`Atlas::sources_of`:
    /// a user's feature without any has its layer's).
    // Indices come from the credits' own index map or from `find` on the same string, and every
    // publisher group holds at least one credit.
    #[allow(clippy::indexing_slicing, clippy::string_slice)]
    pub fn add(&mut self, feature: &Feature, general: &[Source], date: Date) {
        if is_base(&feature.layer) {
            return;
        }
        let support = supporting(feature, general, date);
        let mut sources: Vec<&Source> = support
            .sources
            .iter()
            .filter(|s| !reports_the_end(s, support.until, date))
            .collect();
        // Never leave a drawn state without any source.
        if sources.is_empty() {
            sources = support.sources.iter().collect();
        }
        let mut counted = BTreeSet::new();
        for source in sources {
            let key = key(source);
            if !counted.insert(key.clone()) {
                continue;
            }
            match self.index.get(&key) {
                Some(&i) => {
                    let credit = &mut self.list[i];
                    credit.supports += 1;
                    credit.specific |= support.specific;
                    credit.latest = credit.latest.max(support.since);
                    // The same address under another title may give its date.
                    credit.date = credit.date.or(source.date);
                }
                None => {
                    self.index.insert(key, self.list.len());
                    self.list
                        .push(Credit::new(source, support.specific, support.since));
                }
            }
        }
    }

    /// The credits, ranked (see [`rank`]).
    pub fn into_ranked(self) -> Vec<Credit> {
        let mut list = self.list;
        rank(&mut list);
        list
    }
}

/// Ranks credits for a reader: neutral sources before partisan ones; the
/// sources of the states and events drawn before a feature's general
/// sources; then those of the most recent state drawn (what changed last is
/// what a map of its date is about: on 10 Nov 2020 the ceasefire statement,
/// not the 1994 lines that still stand), then those supporting more of the
/// map, then by title (so the order never depends on the data's order).
pub fn rank(list: &mut [Credit]) {
    list.sort_by(|a, b| {
        let k = |c: &Credit| {
            (
                c.partisan.is_some(),
                !c.specific,
                Reverse(c.latest),
                Reverse(c.supports),
            )
        };
        k(a).cmp(&k(b)).then_with(|| a.title.cmp(&b.title))
    });
}

impl Credit {
    fn new(source: &Source, specific: bool, since: Option<Date>) -> Credit {
        let (publisher, headline) = publisher_and_headline(&source.title, source.url.as_deref());
        Credit {
            title: source.title.clone(),
            url: source.url.clone(),
            date: source.date,
            partisan: source.partisan,
            publisher,
            headline,
            supports: 1,
            specific,
            latest: since,
        }
    }

    /// How the credit line names it: publisher and short title, and the
    /// side it speaks for if partisan ("TASS, “Armenian PM says …” (Russian side)").
    pub fn short(&self) -> String {
        let mut text = if self.headline.is_empty() || self.headline == self.publisher {
            self.publisher.clone()
        } else {
            format!("{}, “{}”", self.publisher, shorten(&self.headline))
        };
        if let Some(side) = self.partisan {
            text.push_str(&format!(" ({} side)", side_adjective(side)));
        }
        text
    }

    /// The full entry for the metadata and the citation's text:
    /// "title — address (date) [partisan: RUS]".
    pub fn full(&self) -> String {
        let mut text = self.title.clone();
        if let Some(url) = &self.url {
            text.push_str(" — ");
            text.push_str(url);
        }
        if let Some(date) = self.date {
            text.push_str(&format!(" ({date})"));
        }
        if let Some(side) = self.partisan {
            text.push_str(&format!(" [partisan: {}]", side.code()));
        }
        text
    }
}

/// The adjective for a partisan source's side ("Russian side").
pub fn side_adjective(side: Controller) -> &'static str {
    match side {
        Controller::Arm => "Armenian",
        Controller::Aze => "Azerbaijani",
        Controller::Nkr => "Artsakh",
        Controller::Geo => "Georgian",
        Controller::Abk => "Abkhaz",
        Controller::Sos => "South Ossetian",
        Controller::Rus => "Russian",
        Controller::Tur => "Turkish",
        Controller::Irn => "Iranian",
    }
}

/// A headline cut to [`SHORT_TITLE_CHARS`] at a word, with an ellipsis.
fn shorten(text: &str) -> String {
    if text.chars().count() <= SHORT_TITLE_CHARS {
        return text.to_string();
    }
    let mut cut = String::new();
    for word in text.split_whitespace() {
        if cut.chars().count() + word.chars().count() + 1 > SHORT_TITLE_CHARS - 1 {
            break;
        }
        if !cut.is_empty() {
            cut.push(' ');
        }
        cut.push_str(word);
    }
    if cut.is_empty() {
        cut = text.chars().take(SHORT_TITLE_CHARS - 1).collect();
    }
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// Splits a source's title into who published it and what it is called.
/// The data names the publisher as "Publisher: headline" or "headline
/// (Publisher)"; failing both, the address's host stands for it.
///
/// ```
/// # use caucasus_atlas::scene::publisher_and_headline;
/// let (p, h) = publisher_and_headline("OC Media: Karabakh to dissolve", None);
/// assert_eq!((p.as_str(), h.as_str()), ("OC Media", "Karabakh to dissolve"));
/// let (p, h) = publisher_and_headline("Battle of Shusha (2020) (Wikipedia)", None);
/// assert_eq!((p.as_str(), h.as_str()), ("Wikipedia", "Battle of Shusha (2020)"));
/// let (p, _) = publisher_and_headline("Mandate", Some("https://www.osce.org/x"));
/// assert_eq!(p, "osce.org");
/// ```
// Indices come from the credits' own index map or from `find` on the same string, and every
// publisher group holds at least one credit.
#[allow(clippy::indexing_slicing, clippy::string_slice)]
pub fn publisher_and_headline(title: &str, url: Option<&str>) -> (String, String) {
    let title = title.trim();
    // "headline (Publisher)": a closing parenthesis without digits (a date
    // in parentheses is not a publisher).
    if let Some(inner) = title.strip_suffix(')')
        && let Some(open) = inner.rfind('(')
    {
        let publisher = inner[open + 1..].trim();
        let headline = inner[..open].trim();
        if !publisher.is_empty()
            && !headline.is_empty()
            && publisher.chars().count() <= 40
            && !publisher.chars().any(|c| c.is_ascii_digit())
        {
            return (publisher.to_string(), headline.to_string());
        }
    }
    // "Publisher: headline", with a short publisher.
    if let Some((publisher, headline)) = title.split_once(": ") {
        let publisher = publisher.trim();
        if publisher.split_whitespace().count() <= 5 && publisher.chars().count() <= 40 {
            return (publisher.to_string(), headline.trim().to_string());
        }
    }
    match url.and_then(host) {
        Some(host) => (host, title.to_string()),
        None => (title.to_string(), String::new()),
    }
}

/// An address's host without `www.`.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}

/// The attribution: the atlas, its version and data version, and the base map.
pub fn attribution(scene: &Scene) -> String {
    let data = match scene.reviewed {
        Some(reviewed) => format!(", data reviewed to {reviewed}"),
        None => String::new(),
    };
    format!(
        "Map: Caucasus Atlas {}{data} · Borders: Natural Earth (public domain) · Places: GeoNames (CC BY 4.0) · Lambert conformal conic projection",
        env!("CARGO_PKG_VERSION")
    )
}

/// The most short titles the credit line gives one publisher.
const TITLES_PER_PUBLISHER: usize = 2;

/// The credits grouped by publisher (and side), in rank order: the credit
/// line names each publisher once.
// Indices come from the credits' own index map or from `find` on the same string, and every
// publisher group holds at least one credit.
#[allow(clippy::indexing_slicing, clippy::string_slice)]
fn by_publisher(credits: &[Credit]) -> Vec<Vec<&Credit>> {
    let mut groups: Vec<Vec<&Credit>> = Vec::new();
    for credit in credits {
        match groups
            .iter_mut()
            .find(|g| g[0].publisher == credit.publisher && g[0].partisan == credit.partisan)
        {
            Some(group) => group.push(credit),
            None => groups.push(vec![credit]),
        }
    }
    groups
}

/// One publisher on the credit line: "Wikipedia (“Lachin corridor”;
/// “2023 Azerbaijani offensive…”)", "TASS (“…”) (Russian side)".
// Indices come from the credits' own index map or from `find` on the same string, and every
// publisher group holds at least one credit.
#[allow(clippy::indexing_slicing, clippy::string_slice)]
fn group_text(group: &[&Credit]) -> String {
    let first = group[0];
    let titles: Vec<String> = group
        .iter()
        .take(TITLES_PER_PUBLISHER)
        .filter(|c| !c.headline.is_empty() && c.headline != c.publisher)
        .map(|c| format!("“{}”", shorten(&c.headline)))
        .collect();
    let mut text = first.publisher.clone();
    if !titles.is_empty() {
        text.push_str(&format!(" ({})", titles.join("; ")));
    }
    if let Some(side) = first.partisan {
        text.push_str(&format!(" ({} side)", side_adjective(side)));
    }
    text
}

/// The credit line in at most `max_lines` lines of [`CREDIT_PT`] type no
/// wider than `width` points: "Sources: …" with the top-ranked publishers
/// that fit (at most [`MAX_NAMED`], each with its first titles; a note says
/// how many more sources the metadata lists), then the attribution on a line
/// of its own, each as asked for. The sources get every line the
/// attribution leaves.
// Every publisher group holds at least one credit, and `named` never exceeds the groups.
#[allow(clippy::indexing_slicing)]
pub fn credit_lines(
    scene: &Scene,
    width: f32,
    max_lines: usize,
    sources: bool,
    with_attribution: bool,
) -> Vec<String> {
    let wrap = |text: &str| super::text::wrap(text, CREDIT_PT, width);
    let attribution = if with_attribution {
        wrap(&attribution(scene))
    } else {
        Vec::new()
    };
    let groups = by_publisher(&scene.credits);
    let compose = |named: usize| -> String {
        let shown = &groups[..named.min(groups.len())];
        let names: Vec<String> = shown.iter().map(|g| group_text(g)).collect();
        let titled: usize = shown
            .iter()
            .map(|g| g.len().min(TITLES_PER_PUBLISHER))
            .sum();
        let more = scene.credits.len() - titled.min(scene.credits.len());
        let mut text = format!("Sources: {}", names.join("; "));
        if more > 0 {
            if names.is_empty() {
                text.push_str(&format!("{more} in the file’s metadata"));
            } else {
                text.push_str(&format!("; {more} more in the file’s metadata"));
            }
        }
        text.push('.');
        text
    };
    let mut lines = Vec::new();
    if sources && !groups.is_empty() {
        let room = max_lines.saturating_sub(attribution.len()).max(1);
        let mut named = MAX_NAMED.min(groups.len());
        loop {
            let sources = wrap(&compose(named));
            if sources.len() <= room || named == 0 {
                lines.extend(sources.into_iter().take(room));
                break;
            }
            named -= 1;
        }
    }
    lines.extend(attribution);
    lines.truncate(max_lines);
    lines
}

/// Every credited source, one full entry a line (see [`Credit::full`]).
pub fn full_list(scene: &Scene) -> Vec<String> {
    scene.credits.iter().map(Credit::full).collect()
}
