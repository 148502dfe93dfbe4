//! Stories: the bundled fact checks hold their verdicts, every step's map
//! shows what it highlights, and the command line lists, shows, exports and
//! checks them.

mod common;

use caucasus_atlas::data::AtlasData;
use caucasus_atlas::render::export::Prepared;
use caucasus_atlas::spatial::visible_on;
use caucasus_atlas::story::export::{StoryExportOptions, Which, step_request};
use caucasus_atlas::story::{self, Story, Verdict};
use common::atlas;
use geo::Intersects;

fn bundled(id: &str) -> Story {
    let stories = story::bundled();
    assert!(stories.errors.is_empty(), "{:?}", stories.errors);
    stories.get(id).expect("bundled story").clone()
}

#[test]
fn the_may_2024_article_has_its_verdicts() {
    let story = bundled("may-2024-russia-withdraws");
    let summary = story.summary();
    assert_eq!(summary.total, 32);
    assert_eq!(summary.count(Verdict::Correct), 7);
    assert_eq!(summary.count(Verdict::PartlyCorrect), 11);
    assert_eq!(summary.count(Verdict::Misleading), 2);
    assert_eq!(summary.count(Verdict::Wrong), 9);
    assert_eq!(summary.count(Verdict::Unverifiable), 3);
    assert_eq!(
        summary.to_string(),
        "32 claims: 7 correct, 11 partly correct, 2 misleading, 9 wrong, 3 unverifiable"
    );
    assert_eq!(story.checks.outlet, "QuiFinanza");
    assert_eq!(story.checks.date.to_string(), "2024-05-10");
    // The main errors are where they belong: the conquest in September 2023
    // (claim 4), Zvartnots since 1992 (8), South Ossetia (29).
    let step = |n: usize| &story.steps[n - 1];
    assert_eq!(step(4).verdict, Verdict::Wrong);
    assert_eq!(step(4).view.date.to_string(), "2023-09-21");
    assert_eq!(step(8).verdict, Verdict::Wrong);
    assert_eq!(step(8).view.compare_from.unwrap().to_string(), "1992-10-01");
    assert!(
        step(8)
            .view
            .highlight
            .contains(&"rus-fsb-border-guards-zvartnots".to_string())
    );
    assert_eq!(step(29).verdict, Verdict::Wrong);
    assert!(
        step(29)
            .view
            .highlight
            .contains(&"zone-south-ossetia".to_string())
    );
}

#[test]
fn the_trilateral_statement_has_its_verdicts() {
    let story = bundled("trilateral-statement-2020");
    let summary = story.summary();
    assert_eq!(summary.total, 10);
    assert_eq!(summary.count(Verdict::Correct), 6);
    assert_eq!(summary.count(Verdict::PartlyCorrect), 1);
    assert_eq!(summary.count(Verdict::Wrong), 3);
    // The handover dates of point 2 and 6.
    let dates: Vec<String> = story
        .steps
        .iter()
        .map(|s| s.view.date.to_string())
        .collect();
    for day in ["2020-11-20", "2020-11-25", "2020-12-01"] {
        assert!(dates.contains(&day.to_string()), "{day} in {dates:?}");
    }
}

/// Every highlighted feature is drawn on the step's map: shown on its date
/// (or, in a compare, on the earlier one), in a layer the step draws, and
/// inside the area the exported map shows.
#[test]
fn each_step_shows_the_features_it_highlights() {
    let data = AtlasData::load(None);
    for story in &story::bundled().stories {
        assert!(story::check_story(story, &data.atlas).is_empty());
        for (i, step) in story.steps.iter().enumerate() {
            let number = i + 1;
            assert!(
                !step.view.highlight.is_empty(),
                "{} step {number} highlights nothing",
                story.id
            );
            let mut maps = vec![Which::Main];
            if step.view.compare_from.is_some() {
                maps.push(Which::Before);
            }
            for id in &step.view.highlight {
                let found = maps.iter().any(|which| {
                    let request =
                        step_request(story, number, *which, &StoryExportOptions::default());
                    let prepared = Prepared::new(&data.atlas, &request).unwrap();
                    let hidden = &prepared.scene_options.hidden_layers;
                    let extent = prepared.projector.visible_map_rect();
                    visible_on(&data.atlas, &data.projected, request.date, &|l| {
                        !hidden.contains(l)
                    })
                    .any(|(f, pf)| f.id == *id && pf.bbox.intersects(&extent))
                });
                assert!(found, "{} step {number}: {id} is not on its map", story.id);
            }
        }
    }
}

#[test]
fn story_list_and_show_json_give_every_story_and_step() {
    let (code, out, err) = atlas(&["story", "list", "--json"]);
    assert_eq!(code, 0, "{err}");
    let list: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["may-2024-russia-withdraws", "trilateral-statement-2020"]
    );
    assert_eq!(list[0]["summary"]["counts"]["wrong"], 9);

    let (code, out, err) = atlas(&["story", "show", "may-2024-russia-withdraws", "--json"]);
    assert_eq!(code, 0, "{err}");
    let shown: serde_json::Value = serde_json::from_str(&out).unwrap();
    let steps = shown["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 32);
    for (i, step) in steps.iter().enumerate() {
        assert_eq!(step["number"], i + 1);
        for key in ["claim", "verdict", "correction", "date"] {
            assert!(
                step[key].as_str().is_some_and(|s| !s.is_empty()),
                "{i}: {key}"
            );
        }
        assert_eq!(step["bbox"].as_array().unwrap().len(), 4);
        assert!(!step["sources"].as_array().unwrap().is_empty());
        assert!(step["sources"][0]["title"].is_string());
    }
    assert_eq!(steps[3]["verdict"], "wrong");
    assert_eq!(steps[3]["date"], "2023-09-21");

    let (code, out, _) = atlas(&["story", "show", "trilateral-statement-2020"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("10 claims: 6 correct, 1 partly correct, 3 wrong"),
        "{out}"
    );
    assert!(out.contains("[PARTLY CORRECT]"), "{out}");

    let (code, _, err) = atlas(&["story", "show", "no-such-story"]);
    assert_ne!(code, 0);
    assert!(err.contains("there is no story \"no-such-story\""), "{err}");
}

#[test]
fn story_export_writes_a_map_per_step_and_a_report_naming_every_claim() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let (code, stdout, err) = atlas(&[
        "story",
        "export",
        "trilateral-statement-2020",
        "--out",
        out,
        "--width",
        "480",
        "--height",
        "270",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("for 10 step(s)"), "{stdout}");
    let story = bundled("trilateral-statement-2020");
    let md = std::fs::read_to_string(dir.path().join("index.md")).unwrap();
    let html = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
    for (i, step) in story.steps.iter().enumerate() {
        let main = dir.path().join(format!("step-{:02}.png", i + 1));
        let bytes = std::fs::read(&main).unwrap();
        assert_eq!(&bytes[1..4], b"PNG", "{}", main.display());
        let before = dir.path().join(format!("step-{:02}-before.png", i + 1));
        assert_eq!(before.exists(), step.view.compare_from.is_some());
        assert!(
            md.contains(&story::report::escape_markdown(&step.claim)),
            "{}",
            step.claim
        );
        assert!(
            html.contains(&story::report::escape_html(&step.claim)),
            "{}",
            step.claim
        );
        assert!(html.contains(&format!("src=\"step-{:02}.png\"", i + 1)));
    }
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("6 correct, 1 partly correct, 3 wrong"));
    // Nothing half-written is left behind.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".partial")), "{names:?}");
    assert_eq!(names.len(), 10 + 6 + 2, "{names:?}");

    let (code, _, err) = atlas(&[
        "story",
        "export",
        "trilateral-statement-2020",
        "--out",
        "/nonexistent/dir",
    ]);
    assert_ne!(code, 0);
    assert!(err.contains("\"/nonexistent/dir\" does not exist"), "{err}");
}

#[test]
fn check_names_the_file_step_and_property_of_a_broken_story() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.json");
    let mut story: serde_json::Value = serde_json::from_str(story::BUNDLED_STORIES[0].1).unwrap();
    story["steps"][3]["verdict"] = "half-true".into();
    story["steps"][5]["date"] = "2024-02-30".into();
    story["steps"][7]["bbox"] = serde_json::json!([10, 10, 11, 11]);
    std::fs::write(&path, story.to_string()).unwrap();
    let (code, _, err) = atlas(&["check", path.to_str().unwrap()]);
    assert_ne!(code, 0);
    assert!(
        err.contains(r#"broken.json: step 4: property "verdict": "half-true" is not a verdict"#),
        "{err}"
    );
    assert!(
        err.contains(r#"broken.json: step 6: property "date": "2024-02-30" is not a date"#),
        "{err}"
    );
    assert!(
        err.contains(r#"broken.json: step 8: property "bbox": the box 10,10,11,11 lies outside"#),
        "{err}"
    );

    // A well-formed story whose highlights are not on its map.
    let mut story: serde_json::Value = serde_json::from_str(story::BUNDLED_STORIES[0].1).unwrap();
    story["steps"][0]["highlight"] = serde_json::json!([
        "no-such-feature",
        "2008-08-08-russo-georgian-war",
        "zone-abkhazia-gagra"
    ]);
    std::fs::write(&path, story.to_string()).unwrap();
    let (code, _, err) = atlas(&["check", path.to_str().unwrap()]);
    assert_ne!(code, 0);
    assert!(
        err.contains(
            r#"step 1: property "highlight[0]": "no-such-feature" is not the id of a feature"#
        ),
        "{err}"
    );
    assert!(err.contains(r#"step 1: property "highlight[1]": "2008-08-08-russo-georgian-war" is not shown on 2024-05-09"#), "{err}");
    assert!(
        err.contains(
            r#"step 1: property "highlight[2]": "zone-abkhazia-gagra" lies outside the step's bbox"#
        ),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");

    // The bundled stories pass, and a story file is told from a layer by content.
    let path = dir.path().join("fine.geojson");
    std::fs::write(&path, story::BUNDLED_STORIES[1].1).unwrap();
    let (code, out, err) = atlas(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("ok: "), "{out}");
}

#[test]
fn reports_escape_what_they_quote() {
    let text = story::BUNDLED_STORIES[1].1.replacen(
        "Point 1: a complete ceasefire",
        "Point 1: <script>alert('x')</script> & a *complete* ceasefire",
        1,
    );
    let story = story::parse_story("test.json", &text).unwrap();
    let atlas = caucasus_atlas::atlas::Loaded::bundled().atlas;
    let name = |n: usize, w: Which| {
        story::export::image_name(n, w, caucasus_atlas::render::export::Format::Png)
    };
    let html = story::report::html(&story, &atlas, &name);
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; a *complete*"));
    let md = story::report::markdown(&story, &atlas, &name);
    assert!(
        md.contains(r"\<script\>alert('x')\</script\> & a \*complete\*"),
        "{md}"
    );
}

#[test]
fn story_export_to_a_gif_makes_one_frame_per_map() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("statement.gif");
    let (code, stdout, err) = atlas(&[
        "story",
        "export",
        "trilateral-statement-2020",
        "--out",
        path.to_str().unwrap(),
        "--width",
        "320",
        "--height",
        "180",
        "--seconds",
        "2",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("16 frames for 10 step(s)"), "{stdout}");
    let story = bundled("trilateral-statement-2020");
    let mut decoder = gif::DecodeOptions::new()
        .read_info(std::fs::File::open(&path).unwrap())
        .unwrap();
    let mut delays = Vec::new();
    while let Some(frame) = decoder.read_next_frame().unwrap() {
        delays.push(frame.delay);
    }
    assert_eq!(delays.len(), story::export::map_list(&story).len());
    // A compare's earlier map is held half as long as a step's map.
    assert_eq!(delays[0], 200);
    assert!(delays.contains(&100));

    let (code, _, err) = atlas(&[
        "story",
        "export",
        "trilateral-statement-2020",
        "--out",
        "/nonexistent/a.gif",
    ]);
    assert_ne!(code, 0);
    assert!(err.contains("does not exist"), "{err}");
}

#[test]
fn check_with_a_data_folder_checks_its_stories_folder() {
    let dir = tempfile::tempdir().unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    for entry in std::fs::read_dir(format!("{root}/geodata")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "geojson") {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let data = dir.path().to_str().unwrap();
    // No stories folder: a folder of one's own layers is not held to the bundled stories.
    let (code, _, err) = atlas(&["check", "--data", data]);
    assert_eq!(code, 0, "{err}");
    // A stories folder is checked against the folder's layers.
    std::fs::create_dir(dir.path().join("stories")).unwrap();
    let mut story: serde_json::Value = serde_json::from_str(story::BUNDLED_STORIES[1].1).unwrap();
    story["steps"][1]["highlight"] = serde_json::json!(["zone-aghdam-west", "gone"]);
    std::fs::write(dir.path().join("stories/statement.json"), story.to_string()).unwrap();
    let (code, _, err) = atlas(&["check", "--data", data]);
    assert_ne!(code, 0);
    assert!(
        err.contains(
            r#"statement.json: step 2: property "highlight[1]": "gone" is not the id of a feature"#
        ),
        "{err}"
    );
}
