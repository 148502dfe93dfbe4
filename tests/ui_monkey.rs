//! A monkey test through egui_kittest: thousands of random clicks, drags,
//! wheels, keys and typed text over every panel and window, with random dates
//! and layer toggles. Nothing may panic, the date stays in the atlas and the
//! view stays finite. (Typed text keeps to the bundled fonts' scripts: the test
//! harness, unlike the window, stops at a glyph it cannot draw.)
//! Deterministic (a fixed seed); `MONKEY_STEPS` sets how
//! many actions (CI runs the default, a bounded time).

use caucasus_atlas::app::{AtlasApp, Command};
use caucasus_atlas::atlas::LayerKind;
use caucasus_atlas::data::AtlasData;
use caucasus_atlas::time::{ATLAS_START, Date, TimeCommand};
use egui::{Event, Key, Modifiers, MouseWheelUnit, PointerButton, Pos2, Vec2};
use egui_kittest::Harness;

/// A small xorshift generator: reproducible without another crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn point(&mut self, size: Vec2) -> Pos2 {
        Pos2::new(
            self.below(size.x as u64) as f32,
            self.below(size.y as u64) as f32,
        )
    }
}

const KEYS: [Key; 22] = [
    Key::ArrowLeft,
    Key::ArrowRight,
    Key::ArrowUp,
    Key::ArrowDown,
    Key::Space,
    Key::Enter,
    Key::Escape,
    Key::Tab,
    Key::Home,
    Key::End,
    Key::OpenBracket,
    Key::CloseBracket,
    Key::R,
    Key::E,
    Key::F,
    Key::Z,
    Key::Q,
    Key::S,
    Key::F1,
    Key::Slash,
    Key::Questionmark,
    Key::Backspace,
];

const TEXTS: [&str; 8] = [
    "2020-11-10",
    "1é",
    "Xankəndi",
    "\u{202e}evil",
    "9999-99-99",
    "Степанакерт",
    "",
    "ქართული",
];

#[test]
fn random_input_never_breaks_the_window() {
    let steps: u64 = std::env::var("MONKEY_STEPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1500);
    // Typed text lands in the export dialogs' path fields and a random click
    // may press Export: run in a scratch folder so those files never reach
    // the source tree (they once were committed by mistake).
    let scratch = tempfile::tempdir().expect("a scratch folder");
    std::env::set_current_dir(scratch.path()).expect("into the scratch folder");
    let size = Vec2::new(1024.0, 700.0);
    let data = AtlasData::load(None);
    let mut harness = Harness::builder()
        .with_size(size)
        .build_eframe(move |cc| AtlasApp::new(cc, data));
    harness.run_steps(2);
    let layers: Vec<LayerKind> = LayerKind::BUNDLED.to_vec();
    let mut rng = Rng(0x5eed_cafe_f00d_1234);
    let today = Date::today();
    for step in 0..steps {
        let at = rng.point(size);
        match rng.below(12) {
            0 | 1 => {
                harness.event(Event::PointerMoved(at));
                for pressed in [true, false] {
                    harness.event(Event::PointerButton {
                        pos: at,
                        button: PointerButton::Primary,
                        pressed,
                        modifiers: Modifiers::NONE,
                    });
                }
            }
            2 => {
                harness.drag_at(at);
                harness.step();
                harness.hover_at(rng.point(size));
                harness.step();
                harness.drop_at(rng.point(size));
            }
            3 => {
                harness.hover_at(at);
                harness.event(Event::MouseWheel {
                    unit: MouseWheelUnit::Point,
                    delta: Vec2::new(rng.below(200) as f32 - 100.0, rng.below(800) as f32 - 400.0),
                    phase: egui::TouchPhase::Move,
                    source: egui::MouseWheelSource::Wheel,
                    modifiers: Modifiers::NONE,
                });
            }
            4 | 5 => {
                let key = KEYS[rng.below(KEYS.len() as u64) as usize];
                let modifiers = match rng.below(4) {
                    0 => Modifiers::SHIFT,
                    1 => Modifiers::COMMAND,
                    2 => Modifiers::ALT,
                    _ => Modifiers::NONE,
                };
                // Ctrl+Q would close the window and end the test early.
                if !(key == Key::Q && modifiers == Modifiers::COMMAND) {
                    harness.key_press_modifiers(modifiers, key);
                }
            }
            6 => {
                let text = TEXTS[rng.below(TEXTS.len() as u64) as usize];
                harness.event(Event::Text(text.to_string()));
            }
            7 => {
                let day = ATLAS_START.add_days(rng.below(14_000) as i64);
                harness
                    .state_mut()
                    .apply(Command::Time(TimeCommand::SetDate(day)));
            }
            8 => {
                let layer = layers[rng.below(layers.len() as u64) as usize].clone();
                let shown = rng.below(2) == 0;
                harness
                    .state_mut()
                    .apply(Command::SetLayerVisible(layer, shown));
            }
            9 => {
                let command = match rng.below(6) {
                    0 => Command::OpenSearch,
                    1 => Command::ToggleEventList,
                    2 => Command::ToggleHelp,
                    3 => Command::ToggleStories,
                    4 => Command::OpenMapExport,
                    _ => Command::Time(TimeCommand::TogglePlay),
                };
                harness.state_mut().apply(command);
            }
            _ => harness.hover_at(at),
        }
        harness.step();
        let app = harness.state();
        let date = app.date();
        assert!(
            date >= ATLAS_START && date <= today.add_days(1),
            "step {step}: the date {date} left the atlas"
        );
        if let Some(view) = app.view() {
            assert!(
                view.center[0].is_finite()
                    && view.center[1].is_finite()
                    && view.points_per_km.is_finite()
                    && view.points_per_km > 0.0,
                "step {step}: the view {view:?} is not finite"
            );
        }
    }
}
