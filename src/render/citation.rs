//! "Cite this map": a citation of one map state (the atlas, its data version,
//! the date shown, the extent and the layers) followed by its sources — the
//! Scene's credits, the same selection the credit line and the metadata use.
//! Written as plain text, CSL-JSON, BibTeX or RIS; `caucasus-atlas cite`,
//! `export --cite` and the window's *Copy citation* all call [`cite`].

use crate::json::put;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::export::{ExportError, ExportRequest, Prepared, write_file};
use crate::atlas::Atlas;
use crate::scene::credits::side_adjective;
use crate::scene::{Credit, caption};
use crate::spatial::{ProjectedAtlas, REGION, RegionBox};
use crate::time::Date;

/// The formats a citation is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CitationFormat {
    /// Plain text, for a caption or a footnote.
    Text,
    /// CSL-JSON (Zotero, Pandoc, citeproc).
    CslJson,
    /// BibTeX / biblatex.
    Bibtex,
    /// RIS (EndNote, Mendeley, Zotero).
    Ris,
}

/// One map state and its sources.
#[derive(Clone, Debug, PartialEq)]
pub struct MapCitation {
    /// The date the map shows.
    pub date: Date,
    /// The data's version: the day it was last reviewed against its sources.
    pub reviewed: Option<Date>,
    /// The lon/lat box asked for, or the whole region.
    pub extent: RegionBox,
    /// Whether the extent is the whole region (no box was asked for).
    pub whole_region: bool,
    /// The layers drawn.
    pub layers: Vec<String>,
    /// The sources, ranked as on the credit line.
    pub sources: Vec<Credit>,
    /// The day the citation was made (a web citation's "accessed").
    pub accessed: Date,
}

/// The citation of the map `request` describes: the same checks, extent and
/// Scene as its export.
pub fn cite(
    atlas: &Atlas,
    projected: &ProjectedAtlas,
    request: &ExportRequest,
) -> Result<MapCitation, ExportError> {
    let prepared = Prepared::new(atlas, request)?;
    let scene = prepared.scene(atlas, projected, request.date);
    let hidden = &prepared.scene_options.hidden_layers;
    let extent = match (&request.bbox, &request.view) {
        (Some(b), _) => Some(*b),
        (None, Some(_)) => shown_box(&prepared),
        (None, None) => None,
    };
    Ok(MapCitation {
        date: request.date,
        reviewed: scene.reviewed,
        extent: extent.unwrap_or(REGION),
        whole_region: extent.is_none(),
        layers: atlas
            .layers
            .iter()
            .filter(|l| !hidden.contains(&l.kind))
            .map(|l| l.kind.name().to_string())
            .collect(),
        sources: scene.credits,
        accessed: Date::today(),
    })
}

/// The lon/lat box around the corners of the map's viewport.
fn shown_box(prepared: &Prepared) -> Option<RegionBox> {
    let v = prepared.projector.viewport;
    let corners: Vec<(f64, f64)> = [
        v.left_top(),
        v.right_top(),
        v.left_bottom(),
        v.right_bottom(),
    ]
    .into_iter()
    .filter_map(|p| prepared.projector.screen_to_lonlat(p))
    .collect();
    if corners.len() < 4 {
        return None;
    }
    let fold = |f: fn(f64, f64) -> f64, pick: fn(&(f64, f64)) -> f64, start: f64| {
        corners.iter().map(pick).fold(start, f)
    };
    Some(RegionBox {
        min_lon: fold(f64::min, |c| c.0, f64::INFINITY),
        min_lat: fold(f64::min, |c| c.1, f64::INFINITY),
        max_lon: fold(f64::max, |c| c.0, f64::NEG_INFINITY),
        max_lat: fold(f64::max, |c| c.1, f64::NEG_INFINITY),
    })
}

/// Any run of white space (data text may hold line breaks) as one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl MapCitation {
    /// The map's title: "The South Caucasus on 10 November 2020".
    pub fn title(&self) -> String {
        format!("The South Caucasus on {}", caption(self.date))
    }

    /// The atlas's version and the data's ("0.1.0, data reviewed to 2026-12-01").
    pub fn version(&self) -> String {
        match self.reviewed {
            Some(r) => format!("{}, data reviewed to {r}", env!("CARGO_PKG_VERSION")),
            None => env!("CARGO_PKG_VERSION").to_string(),
        }
    }

    /// The extent in words.
    pub fn extent_text(&self) -> String {
        let b = &self.extent;
        let whole = if self.whole_region {
            "the whole region, "
        } else {
            ""
        };
        format!(
            "{whole}lon {:.2} to {:.2} E, lat {:.2} to {:.2} N",
            b.min_lon, b.max_lon, b.min_lat, b.max_lat
        )
    }

    /// What the map shows, in one sentence (the citation's note).
    pub fn note(&self) -> String {
        format!(
            "Map state on {}. Extent: {}. Layers: {}.",
            self.date,
            self.extent_text(),
            self.layers.join(", ")
        )
    }

    /// The year the map was issued: the data's version, else the day it was cited.
    fn issued(&self) -> Date {
        self.reviewed.unwrap_or(self.accessed)
    }

    /// The citation in `format`.
    pub fn render(&self, format: CitationFormat) -> String {
        match format {
            CitationFormat::Text => self.text(),
            CitationFormat::CslJson => self.csl_json(),
            CitationFormat::Bibtex => self.bibtex(),
            CitationFormat::Ris => self.ris(),
        }
    }

    /// Plain text: the map, then its sources numbered, partisan ones marked.
    pub fn text(&self) -> String {
        let mut out = format!(
            "Caucasus Atlas ({}). {}. Map, version {}. {} Accessed {}.\n",
            self.issued().year(),
            self.title(),
            self.version(),
            self.note(),
            self.accessed
        );
        if self.sources.is_empty() {
            out.push_str("Sources: none of the drawn features in this extent and on this date.\n");
            return out;
        }
        out.push_str(&format!("Sources ({}):\n", self.sources.len()));
        for (i, s) in self.sources.iter().enumerate() {
            let mut line = format!("{}. {}", i + 1, one_line(&s.title));
            if let Some(url) = &s.url {
                line.push_str(&format!(". {url}"));
            }
            if let Some(date) = s.date {
                line.push_str(&format!(" ({date})"));
            }
            if let Some(side) = s.partisan {
                line.push_str(&format!(
                    " [partisan: {} side, {}]",
                    side_adjective(side),
                    side.code()
                ));
            }
            out.push_str(&line);
            out.push('\n');
        }
        out
    }

    /// CSL-JSON: an array, the map first (`type: "map"`), then each source.
    pub fn csl_json(&self) -> String {
        let mut items = vec![json!({
            "id": format!("caucasus-atlas-{}", self.date),
            "type": "map",
            "title": self.title(),
            "author": [{ "literal": "Caucasus Atlas" }],
            "publisher": "Caucasus Atlas",
            "version": self.version(),
            "issued": date_parts(self.issued()),
            "accessed": date_parts(self.accessed),
            "note": self.note(),
        })];
        for (i, s) in self.sources.iter().enumerate() {
            let mut item = json!({
                "id": format!("source-{}", i + 1),
                "type": if s.url.is_some() { "webpage" } else { "document" },
                "title": one_line(&s.title),
                "publisher": one_line(&s.publisher),
            });
            if let Some(url) = &s.url {
                put(&mut item, "URL", json!(url));
            }
            if let Some(date) = s.date {
                put(&mut item, "issued", date_parts(date));
            }
            if let Some(side) = s.partisan {
                put(
                    &mut item,
                    "note",
                    json!(format!(
                        "Partisan source: speaks for the {} side ({})",
                        side_adjective(side),
                        side.code()
                    )),
                );
            }
            items.push(item);
        }
        let mut text = serde_json::to_string_pretty(&Value::Array(items)).unwrap_or_default();
        text.push('\n');
        text
    }

    /// BibTeX: a `@misc` entry for the map, then one per source.
    pub fn bibtex(&self) -> String {
        let mut out = String::new();
        let d = self.issued();
        out.push_str(&format!(
            "@misc{{caucasusatlas-{},\n  title = {{{{{}}}}},\n  author = {{{{Caucasus Atlas}}}},\n  year = {{{}}},\n  date = {{{d}}},\n  version = {{{}}},\n  note = {{{}}},\n  urldate = {{{}}}\n}}\n",
            self.date,
            bib(&self.title()),
            d.year(),
            bib(&self.version()),
            bib(&self.note()),
            self.accessed
        ));
        for (i, s) in self.sources.iter().enumerate() {
            let mut fields = vec![
                format!("title = {{{}}}", bib(&s.title)),
                format!("howpublished = {{{}}}", bib(&s.publisher)),
            ];
            if let Some(url) = &s.url {
                fields.push(format!("url = {{{}}}", bib_url(url)));
            }
            if let Some(date) = s.date {
                fields.push(format!("year = {{{}}}", date.year()));
                fields.push(format!("date = {{{date}}}"));
            }
            if let Some(side) = s.partisan {
                fields.push(format!(
                    "note = {{Partisan source: speaks for the {} side ({})}}",
                    side_adjective(side),
                    side.code()
                ));
            }
            out.push_str(&format!(
                "\n@misc{{caucasusatlas-{}-source{},\n  {}\n}}\n",
                self.date,
                i + 1,
                fields.join(",\n  ")
            ));
        }
        out
    }

    /// RIS: a `MAP` record for the map, then an `ELEC` record per source.
    pub fn ris(&self) -> String {
        let mut out = String::new();
        let mut tag = |tag: &str, value: &str| {
            out.push_str(&format!("{tag}  - {}\n", one_line(value)));
        };
        let d = self.issued();
        tag("TY", "MAP");
        tag("TI", &self.title());
        tag("AU", "Caucasus Atlas");
        tag("PB", "Caucasus Atlas");
        tag("PY", &d.year().to_string());
        tag("DA", &ris_date(d));
        tag("ET", &self.version());
        tag("N1", &self.note());
        tag("Y2", &ris_date(self.accessed));
        tag("ER", "");
        for s in &self.sources {
            tag("TY", "ELEC");
            tag("TI", &s.title);
            tag("PB", &s.publisher);
            if let Some(url) = &s.url {
                tag("UR", url);
            }
            if let Some(date) = s.date {
                tag("PY", &date.year().to_string());
                tag("DA", &ris_date(date));
            }
            if let Some(side) = s.partisan {
                tag(
                    "N1",
                    &format!(
                        "Partisan source: speaks for the {} side ({})",
                        side_adjective(side),
                        side.code()
                    ),
                );
            }
            tag("ER", "");
        }
        out
    }
}

/// A CSL date: `{ "date-parts": [[y, m, d]] }`.
fn date_parts(d: Date) -> Value {
    json!({ "date-parts": [[d.year(), d.month(), d.day()]] })
}

/// RIS's date form, `YYYY/MM/DD`.
fn ris_date(d: Date) -> String {
    format!("{:04}/{:02}/{:02}", d.year(), d.month(), d.day())
}

/// Text for a BibTeX field: LaTeX's special characters escaped, braces
/// (which BibTeX counts even when escaped) turned into parentheses.
fn bib(text: &str) -> String {
    let mut out = String::new();
    for c in one_line(text).chars() {
        match c {
            '{' => out.push('('),
            '}' => out.push(')'),
            '\\' => out.push_str("\\textbackslash{}"),
            '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c => out.push(c),
        }
    }
    out
}

/// An address for BibTeX's verbatim `url` field: only braces are encoded.
fn bib_url(url: &str) -> String {
    url.replace('{', "%7B")
        .replace('}', "%7D")
        .replace(char::is_whitespace, "%20")
}

/// The paths of the citation files written beside `image`: `F.sources.json`
/// (CSL-JSON) and `F.sources.txt` (text), F being the image's name without
/// its extension.
pub fn citation_paths(image: &Path) -> (PathBuf, PathBuf) {
    (
        image.with_extension("sources.json"),
        image.with_extension("sources.txt"),
    )
}

/// Writes the citation of `request` beside `image` (each file atomically);
/// returns the two paths.
pub fn write_citation_files(
    atlas: &Atlas,
    projected: &ProjectedAtlas,
    request: &ExportRequest,
    image: &Path,
) -> Result<(PathBuf, PathBuf), ExportError> {
    let citation = cite(atlas, projected, request)?;
    let (json_path, text_path) = citation_paths(image);
    write_file(&json_path, citation.csl_json().as_bytes())?;
    write_file(&text_path, citation.text().as_bytes())?;
    Ok((json_path, text_path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bibtex_text_is_escaped_and_braces_stay_balanced() {
        assert_eq!(bib("A & B {c} 50% #1 x_y"), "A \\& B (c) 50\\% \\#1 x\\_y");
        assert_eq!(bib_url("https://a.b/x%20y{z}"), "https://a.b/x%20y%7Bz%7D");
    }

    #[test]
    fn citation_files_sit_beside_the_image() {
        let (j, t) = citation_paths(Path::new("out/map.png"));
        assert_eq!(j, Path::new("out/map.sources.json"));
        assert_eq!(t, Path::new("out/map.sources.txt"));
    }
}
