//! Russian (and other foreign) forces: a symbol by kind (base, post, mission),
//! a colour by operator (Russia, the Russian–Turkish centre, the EU).

use std::collections::BTreeSet;

use super::shapes::push_points;
use super::{Canvas, LayerStyle};
use crate::atlas::{Atlas, Feature};
use crate::scene::style;
use crate::scene::{LegendEntry, SceneOptions, Swatch, Symbol};
use crate::spatial::ProjectedFeature;

/// Who runs a force, as far as the map distinguishes (in legend order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Operator {
    Eu,
    Russia,
    RussiaTurkey,
}

impl Operator {
    fn of(feature: &Feature) -> Operator {
        match feature.extra_str("operator") {
            Some("EU") => Operator::Eu,
            Some("RUS+TUR") => Operator::RussiaTurkey,
            _ => Operator::Russia,
        }
    }

    /// The code `style::force_color` knows.
    fn code(self) -> &'static str {
        match self {
            Operator::Russia => "RUS",
            Operator::RussiaTurkey => "RUS+TUR",
            Operator::Eu => "EU",
        }
    }
}

/// The symbols of forces (in legend order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum ForceSymbol {
    /// Bases and headquarters.
    Base,
    /// Civilian or monitoring missions.
    Mission,
    /// Posts: peacekeepers' and border guards'.
    Post,
}

impl ForceSymbol {
    fn of(feature: &Feature) -> ForceSymbol {
        match feature.kind.as_str() {
            "peacekeeping-post" | "border-guards" => ForceSymbol::Post,
            "monitoring-centre" | "mission" => ForceSymbol::Mission,
            _ => ForceSymbol::Base,
        }
    }

    fn symbol(self) -> Symbol {
        match self {
            ForceSymbol::Base => Symbol::Base,
            ForceSymbol::Mission => Symbol::Mission,
            ForceSymbol::Post => Symbol::Post,
        }
    }
}

/// Forces, and the (symbol, operator) pairs the legend must explain.
#[derive(Default)]
pub struct ForcesStyle {
    seen: BTreeSet<(ForceSymbol, Operator)>,
}

impl LayerStyle for ForcesStyle {
    fn draw(
        &mut self,
        feature: &Feature,
        pf: &ProjectedFeature,
        _options: &SceneOptions,
        listed: bool,
        canvas: &mut Canvas<'_>,
    ) {
        let (symbol, operator) = (ForceSymbol::of(feature), Operator::of(feature));
        if listed {
            self.seen.insert((symbol, operator));
        }
        push_points(
            canvas,
            pf,
            symbol.symbol(),
            style::force_color(Some(operator.code())),
            4.5,
        );
    }

    fn legend(&self, _atlas: &Atlas, entries: &mut Vec<LegendEntry>) {
        for &(symbol, operator) in &self.seen {
            let text = match (operator, symbol) {
                (Operator::Eu, _) => "EU mission",
                (Operator::RussiaTurkey, _) => "Russian–Turkish monitoring centre",
                (Operator::Russia, ForceSymbol::Post) => {
                    "Russian post (peacekeepers, border guards)"
                }
                (Operator::Russia, _) => "Russian base or headquarters",
            };
            entries.push(LegendEntry {
                color: style::force_color(Some(operator.code())),
                swatch: Swatch::Symbol(symbol.symbol()),
                text: text.to_string(),
            });
        }
    }
}
