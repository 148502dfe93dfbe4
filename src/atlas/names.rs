//! The order of the two names of a place that the sides call differently
//! ("Stepanakert / Khankendi", "Sukhumi / Sokhumi"): the one function behind
//! map labels, tooltips, the details panel, every export and the command line.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::model::{Feature, Language};
use super::{Atlas, Controller, LayerKind};
use crate::time::Date;

/// Who uses which name of each "A / B" pair in a feature's names: the sides
/// of the first (`A`) and of the second (`B`). Contested Armenian/Azerbaijani
/// places default to `ARM`, `NKR` / `AZE`; other pairs say so in the data
/// (`"name_sides": [["ABK"], ["GEO"]]`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NameSides {
    /// Who uses the first name of each pair.
    pub first: Vec<Controller>,
    /// Who uses the second name of each pair.
    pub second: Vec<Controller>,
    /// The day the second name became official (`name_sides_from`), if it
    /// came later than 1988: before it the first name leads whoever holds the
    /// place (Stepanakert, renamed Khankendi by Azerbaijan on 26 Nov 1991).
    pub from: Option<Date>,
}

impl NameSides {
    /// The sides of a contested place: the Armenian name (Armenia and the
    /// Karabakh Armenians) first, the Azerbaijani second, as the data writes them.
    pub fn armenian_azerbaijani() -> NameSides {
        NameSides {
            first: vec![Controller::Arm, Controller::Nkr],
            second: vec![Controller::Aze],
            from: None,
        }
    }

    /// Whether `side` uses the first name (`Some(true)`), the second
    /// (`Some(false)`), or neither.
    fn uses_first(&self, side: Controller) -> Option<bool> {
        if self.first.contains(&side) {
            Some(true)
        } else if self.second.contains(&side) {
            Some(false)
        } else {
            None
        }
    }
}

/// How the two names of a place are shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NameOrder {
    /// The name of whoever holds the place on the date first, the other in
    /// brackets: "Stepanakert (Khankendi)" in 2020, "Khankendi (Stepanakert)"
    /// in 2024 (as wire agencies write after 2023).
    #[default]
    Holder,
    /// The Armenian name first.
    HyFirst,
    /// The Azerbaijani name first.
    AzFirst,
    /// The holder's name only.
    Single,
}

impl NameOrder {
    /// Every order, in menu order.
    pub const ALL: [NameOrder; 4] = [
        NameOrder::Holder,
        NameOrder::HyFirst,
        NameOrder::AzFirst,
        NameOrder::Single,
    ];

    /// The word used on the command line (`--names holder`).
    pub fn code(self) -> &'static str {
        match self {
            NameOrder::Holder => "holder",
            NameOrder::HyFirst => "hy-first",
            NameOrder::AzFirst => "az-first",
            NameOrder::Single => "single",
        }
    }

    /// What the order does, for the menu.
    pub fn label(self) -> &'static str {
        match self {
            NameOrder::Holder => "Holder's name first",
            NameOrder::HyFirst => "Armenian name first",
            NameOrder::AzFirst => "Azerbaijani name first",
            NameOrder::Single => "Holder's name only",
        }
    }
}

impl fmt::Display for NameOrder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for NameOrder {
    type Err = String;

    fn from_str(text: &str) -> Result<NameOrder, String> {
        NameOrder::ALL
            .into_iter()
            .find(|o| o.code() == text.trim())
            .ok_or_else(|| {
                format!("\"{text}\" is not a name order (use holder, hy-first, az-first or single)")
            })
    }
}

impl Atlas {
    /// Who holds `feature` on `date`: a control zone's own controller; for
    /// anything else, the controller of the control zone it lies in (found
    /// once, when the atlas was loaded).
    pub fn holder_on(&self, feature: &Feature, date: Date) -> Option<Controller> {
        self.zone_of(feature)
            .and_then(|zone| zone.controller_on(date))
    }

    /// The control zone that holds `feature` (itself, for a zone).
    fn zone_of<'a>(&'a self, feature: &'a Feature) -> Option<&'a Feature> {
        if feature.layer == LayerKind::Control {
            return Some(feature);
        }
        let &(layer, index) = self.name_zones.get(&feature.id)?;
        self.layers.get(layer)?.features.get(index)
    }

    /// `feature`'s name in `language` on `date`, its name pairs in `order`.
    /// Names without a pair, and the languages that write one name (hy, az,
    /// ka), are given as they are.
    ///
    /// ```
    /// use caucasus_atlas::atlas::{Language, Loaded, NameOrder};
    /// let atlas = Loaded::bundled().atlas;
    /// let stepanakert = atlas.feature("stepanakert").unwrap();
    /// let name = |date: &str, order| {
    ///     atlas.name_on(stepanakert, date.parse().unwrap(), Language::En, order)
    /// };
    /// assert_eq!(name("2020-01-01", NameOrder::Holder), "Stepanakert (Khankendi)");
    /// assert_eq!(name("2024-01-01", NameOrder::Holder), "Khankendi (Stepanakert)");
    /// assert_eq!(name("2024-01-01", NameOrder::HyFirst), "Stepanakert (Khankendi)");
    /// assert_eq!(name("2020-01-01", NameOrder::AzFirst), "Khankendi (Stepanakert)");
    /// assert_eq!(name("2020-01-01", NameOrder::Single), "Stepanakert");
    /// // Soviet Azerbaijan held the oblast in 1988, but Khankendi was not yet
    /// // the city's name (26 Nov 1991).
    /// assert_eq!(name("1988-06-01", NameOrder::Holder), "Stepanakert (Khankendi)");
    /// ```
    pub fn name_on(
        &self,
        feature: &Feature,
        date: Date,
        language: Language,
        order: NameOrder,
    ) -> String {
        let text = feature.name.get(language);
        let Some(sides) = &feature.name.sides else {
            return text.to_string();
        };
        let zone = self.zone_of(feature);
        let holder = zone.and_then(|z| z.controller_on(date));
        let de_jure = zone.and_then(|z| z.de_jure());
        let before_second_name = sides.from.is_some_and(|from| date < from);
        let first_first = match order {
            NameOrder::Holder | NameOrder::Single if before_second_name => true,
            _ => first_name_first(sides, holder, de_jure, order),
        };
        order_pairs(text, first_first, order)
    }
}

/// Whether the first name of each pair goes first. The holder's name leads
/// under `holder` and `single`; when the holder uses neither name (Russian
/// troops holding a zone), the recognised state's does; failing both, the
/// order of the data.
fn first_name_first(
    sides: &NameSides,
    holder: Option<Controller>,
    de_jure: Option<Controller>,
    order: NameOrder,
) -> bool {
    let by_holder = || {
        holder
            .and_then(|h| sides.uses_first(h))
            .or_else(|| de_jure.and_then(|d| sides.uses_first(d)))
            .unwrap_or(true)
    };
    match order {
        NameOrder::Holder | NameOrder::Single => by_holder(),
        NameOrder::HyFirst => sides.uses_first(Controller::Arm).unwrap_or_else(by_holder),
        NameOrder::AzFirst => sides.uses_first(Controller::Aze).unwrap_or_else(by_holder),
    }
}

/// Characters that end a name in a pair (and are kept in the text).
fn ends_name(c: char) -> bool {
    matches!(c, ',' | ':' | ';' | '(' | ')' | '.')
}

/// Whether `word` can be part of a name: it starts with a capital letter.
fn is_name_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Rewrites each "A / B" pair in `text`: "A (B)" or "B (A)", or only the
/// leading name under [`NameOrder::Single`]. A pair's names are the runs of
/// capitalised words on either side of " / " ("Nerkin Voskepar / Ashagi
/// Askipara"), ended by a lower-case word or punctuation.
fn order_pairs(text: &str, first_first: bool, order: NameOrder) -> String {
    const SLASH: &str = " / ";
    let mut out = String::with_capacity(text.len() + 4);
    let mut rest = text;
    while let Some(at) = rest.find(SLASH) {
        let (before, after) = (&rest[..at], &rest[at + SLASH.len()..]);
        let left_start = name_start(before);
        let right_end = name_end(after);
        let (a, b) = (&before[left_start..], &after[..right_end]);
        out.push_str(&before[..left_start]);
        if a.is_empty() || b.is_empty() {
            // Not a pair of names: keep the slash as written.
            out.push_str(a);
            out.push_str(SLASH);
        } else {
            let (lead, other) = if first_first { (a, b) } else { (b, a) };
            out.push_str(lead);
            if order != NameOrder::Single {
                out.push_str(" (");
                out.push_str(other);
                out.push(')');
            }
            rest = &after[right_end..];
            continue;
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Where the run of name words at the end of `before` starts.
fn name_start(before: &str) -> usize {
    let mut start = before.len();
    // `search` is always a prefix of `before`, so a word's start in it is its
    // start in `before`.
    let mut search = before;
    loop {
        let (head, word) = match search.rfind(' ') {
            Some(i) => (Some(&search[..i]), &search[i + 1..]),
            None => (None, search),
        };
        if word.chars().any(ends_name) || !is_name_word(word) {
            break;
        }
        start = search.len() - word.len();
        match head {
            Some(head) => search = head,
            None => break,
        }
    }
    start
}

/// Where the run of name words at the start of `after` ends.
fn name_end(after: &str) -> usize {
    let mut end = 0;
    for word in after.split(' ') {
        if !is_name_word(word) {
            break;
        }
        let cut = word.find(ends_name);
        let taken = cut.unwrap_or(word.len());
        if taken == 0 {
            break;
        }
        let space = usize::from(end > 0);
        end += space + taken;
        if cut.is_some() {
            break;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(text: &str, first_first: bool) -> String {
        order_pairs(text, first_first, NameOrder::Holder)
    }

    #[test]
    fn each_pair_is_found_between_lower_case_words_and_punctuation() {
        assert_eq!(
            both("Stepanakert / Khankendi", false),
            "Khankendi (Stepanakert)"
        );
        assert_eq!(
            both("Akna / Aghdam district (western part)", false),
            "Aghdam (Akna) district (western part)"
        );
        assert_eq!(
            both(
                "Baghanis Ayrum and Nerkin Voskepar / Ashagi Askipara",
                false
            ),
            "Baghanis Ayrum and Ashagi Askipara (Nerkin Voskepar)"
        );
        assert_eq!(
            both(
                "Lachin corridor 2020-2022: Berdzor / Lachin, Aghavno / Zabukh and Sus",
                true
            ),
            "Lachin corridor 2020-2022: Berdzor (Lachin), Aghavno (Zabukh) and Sus"
        );
        assert_eq!(
            both(
                "Sukhumi / Sokhumi, Gulripshi and Ochamchire districts",
                false
            ),
            "Sokhumi (Sukhumi), Gulripshi and Ochamchire districts"
        );
        assert_eq!(
            order_pairs(
                "Khtsaberd / Chaylaggala and Hin Tagher / Kohne Taghlar",
                false,
                NameOrder::Single
            ),
            "Chaylaggala and Kohne Taghlar"
        );
        assert_eq!(
            both("Район озера Сев-Лич / Карагёль", false),
            "Район озера Карагёль (Сев-Лич)"
        );
        // No pair of names: left alone.
        assert_eq!(both("1 / 2 km", false), "1 / 2 km");
        assert_eq!(both("Yerevan", false), "Yerevan");
    }

    #[test]
    fn the_holder_leads_and_others_fall_back_to_the_recognised_state() {
        let sides = NameSides::armenian_azerbaijani();
        let first = |holder, order| first_name_first(&sides, holder, Some(Controller::Aze), order);
        assert!(first(Some(Controller::Nkr), NameOrder::Holder));
        assert!(!first(Some(Controller::Aze), NameOrder::Holder));
        assert!(!first(Some(Controller::Rus), NameOrder::Single));
        assert!(first(Some(Controller::Aze), NameOrder::HyFirst));
        assert!(!first(Some(Controller::Nkr), NameOrder::AzFirst));
        let georgian = NameSides {
            first: vec![Controller::Abk],
            second: vec![Controller::Geo],
            from: None,
        };
        // Neither Armenian nor Azerbaijani: hy-first keeps the holder's order.
        assert!(first_name_first(
            &georgian,
            Some(Controller::Abk),
            Some(Controller::Geo),
            NameOrder::HyFirst
        ));
    }

    #[test]
    fn orders_are_read_from_their_codes() {
        for order in NameOrder::ALL {
            assert_eq!(order.code().parse::<NameOrder>(), Ok(order));
        }
        assert!("both".parse::<NameOrder>().unwrap_err().contains("holder"));
    }
}
