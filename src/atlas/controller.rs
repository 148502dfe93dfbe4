use std::fmt;
use std::str::FromStr;

/// Who held an area on a given day (the codes of `geodata/SCHEMA.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Controller {
    /// Armenia (Armenian SSR before 1991).
    Arm,
    /// Azerbaijan (Azerbaijani SSR before 1991).
    Aze,
    /// Nagorno-Karabakh Republic / Artsakh (de facto).
    Nkr,
    /// Georgia (Georgian SSR before 1991).
    Geo,
    /// Abkhazia (de facto).
    Abk,
    /// South Ossetia (de facto).
    Sos,
    /// Russia.
    Rus,
    /// Turkey.
    Tur,
    /// Iran.
    Irn,
}

impl Controller {
    /// Every code, in legend order.
    pub const ALL: [Controller; 9] = [
        Controller::Arm,
        Controller::Aze,
        Controller::Nkr,
        Controller::Geo,
        Controller::Abk,
        Controller::Sos,
        Controller::Rus,
        Controller::Tur,
        Controller::Irn,
    ];

    /// The three-letter code used in the data and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Controller::Arm => "ARM",
            Controller::Aze => "AZE",
            Controller::Nkr => "NKR",
            Controller::Geo => "GEO",
            Controller::Abk => "ABK",
            Controller::Sos => "SOS",
            Controller::Rus => "RUS",
            Controller::Tur => "TUR",
            Controller::Irn => "IRN",
        }
    }

    /// The description on `date`: before the Soviet Union was dissolved
    /// (26 December 1991) the three republics were Soviet republics.
    ///
    /// ```
    /// use caucasus_atlas::atlas::Controller;
    /// let d = |s: &str| s.parse().unwrap();
    /// assert_eq!(Controller::Arm.description_on(d("1990-01-01")), "Soviet Armenia");
    /// assert_eq!(Controller::Arm.description_on(d("1992-01-01")), "Armenia");
    /// assert_eq!(Controller::Nkr.description_on(d("1990-01-01")), Controller::Nkr.description());
    /// ```
    pub fn description_on(self, date: crate::time::Date) -> &'static str {
        let soviet = crate::time::Date::from_ymd(1991, 12, 26).is_some_and(|end| date < end);
        match (self, soviet) {
            (Controller::Arm, true) => "Soviet Armenia",
            (Controller::Aze, true) => "Soviet Azerbaijan",
            (Controller::Geo, true) => "Soviet Georgia",
            (Controller::Rus, _) if peacekeeping_mission(date) => "the Russian peacekeepers",
            _ => self.description(),
        }
    }

    /// Who holds a zone, as the legend and the details panel say it on
    /// `date`: "Held by Azerbaijan". Russian control during the
    /// peacekeeping mission in Karabakh is the control of a peacekeeping
    /// contingent under the 10 Nov 2020 statement (the Lachin corridor), not
    /// Russian territory, so it reads "Under the Russian peacekeepers'
    /// control" (see geodata/README.md, "Corridor").
    ///
    /// ```
    /// use caucasus_atlas::atlas::Controller;
    /// let d = |s: &str| s.parse().unwrap();
    /// assert_eq!(Controller::Aze.control_phrase_on(d("2021-06-01")), "Held by Azerbaijan");
    /// assert_eq!(
    ///     Controller::Rus.control_phrase_on(d("2021-06-01")),
    ///     "Under the Russian peacekeepers' control"
    /// );
    /// assert_eq!(Controller::Rus.control_phrase_on(d("2008-08-15")), "Held by Russia");
    /// ```
    pub fn control_phrase_on(self, date: crate::time::Date) -> String {
        match self {
            Controller::Rus if peacekeeping_mission(date) => {
                "Under the Russian peacekeepers' control".to_string()
            }
            _ => format!("Held by {}", self.description_on(date)),
        }
    }

    /// A neutral English description for legends and the details panel.
    pub fn description(self) -> &'static str {
        match self {
            Controller::Arm => "Armenia",
            Controller::Aze => "Azerbaijan",
            Controller::Nkr => "Nagorno-Karabakh Republic / Artsakh (de facto)",
            Controller::Geo => "Georgia",
            Controller::Abk => "Abkhazia (de facto)",
            Controller::Sos => "South Ossetia (de facto)",
            Controller::Rus => "Russia",
            Controller::Tur => "Turkey",
            Controller::Irn => "Iran",
        }
    }
}

/// Whether `date` lies within the Russian peacekeeping mission in Karabakh:
/// deployed under the statement of 10 Nov 2020, its last troops left on
/// 12 Jun 2024 (the dates of the mission's command post and main base in
/// `russian-forces.geojson`). Russian control of ground in those years was
/// the contingent's control of the Lachin corridor.
fn peacekeeping_mission(date: crate::time::Date) -> bool {
    let from = crate::time::Date::from_ymd(2020, 11, 10);
    let until = crate::time::Date::from_ymd(2024, 6, 12);
    matches!((from, until), (Some(f), Some(u)) if f <= date && date < u)
}

impl FromStr for Controller {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Controller::ALL
            .into_iter()
            .find(|c| c.code() == s)
            .ok_or(())
    }
}

impl fmt::Display for Controller {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
