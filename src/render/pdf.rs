//! SVG → vector PDF with svg2pdf: the same SVG document the PNG is drawn
//! from, placed on a page of any size, with its text kept as text (the
//! bundled fonts embedded as subsets, so it can be selected and searched) or
//! turned into outlines, and the title, the alt text and the sources in the
//! document's information dictionary.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use emath::{Rect, Vec2};
use pdf_writer::{Content, Finish, Name, Pdf, Ref, TextStr};
use svg2pdf::usvg::{self, fontdb};

/// The font database of svg2pdf's usvg: the bundled fonts and nothing else,
/// as for the PNG (`raster::font_database`). Built once.
fn font_database() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        for (_, bytes) in super::fonts::BUNDLED_FONTS {
            db.load_font_data(bytes.to_vec());
        }
        db.set_sans_serif_family("Noto Sans");
        db.set_serif_family("Noto Sans");
        db.set_monospace_family("Noto Sans");
        db.set_cursive_family("Noto Sans");
        db.set_fantasy_family("Noto Sans");
        Arc::new(db)
    })
    .clone()
}

/// What the PDF's information dictionary says.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PdfInfo {
    /// The document title.
    pub title: String,
    /// The description a screen reader reads (the alt text), as the Subject.
    pub subject: String,
    /// The credit line (attribution), as the Author.
    pub author: String,
    /// Every source, one per line, under the custom key `Sources`.
    pub sources: String,
}

/// Where the drawing goes on the page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    /// The page size in points.
    pub page: Vec2,
    /// The drawing's box on the page, in points from the top left.
    pub drawing: Rect,
}

/// Converts an SVG document into a one-page PDF with the drawing at
/// `placement`. `text_as_paths` turns the text into outlines (for printers
/// that mishandle embedded fonts); otherwise it stays text.
pub fn svg_to_pdf(
    svg: &str,
    placement: Placement,
    text_as_paths: bool,
    info: &PdfInfo,
) -> Result<Vec<u8>, String> {
    let options = usvg::Options {
        font_family: "Noto Sans".to_string(),
        fontdb: font_database(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options)
        .map_err(|e| format!("the SVG could not be read for the PDF ({e})"))?;
    let conversion = svg2pdf::ConversionOptions {
        embed_text: !text_as_paths,
        ..svg2pdf::ConversionOptions::default()
    };
    let (chunk, drawing_ref) = svg2pdf::to_chunk(&tree, conversion)
        .map_err(|e| format!("the PDF could not be made ({e})"))?;

    let mut next = Ref::new(1);
    let catalog_ref = next.bump();
    let pages_ref = next.bump();
    let page_ref = next.bump();
    let content_ref = next.bump();
    let info_ref = next.bump();
    // The chunk numbers its objects from 1 too: move them past ours.
    let mut renumbered = HashMap::new();
    let chunk = chunk.renumber(|old| *renumbered.entry(old).or_insert_with(|| next.bump()));
    let drawing_ref = renumbered
        .get(&drawing_ref)
        .copied()
        .ok_or_else(|| "the PDF could not be made (its drawing was lost)".to_string())?;

    let name = Name(b"Map");
    let (page_w, page_h) = (placement.page.x, placement.page.y);
    let mut pdf = Pdf::new();
    pdf.catalog(catalog_ref).pages(pages_ref);
    pdf.pages(pages_ref).kids([page_ref]).count(1);
    let mut page = pdf.page(page_ref);
    page.media_box(pdf_writer::Rect::new(0.0, 0.0, page_w, page_h));
    page.parent(pages_ref);
    page.contents(content_ref);
    page.resources().x_objects().pair(name, drawing_ref);
    page.finish();

    // The form is a unit square: scale it to the drawing's box, whose
    // bottom is measured from the page's bottom in PDF.
    let d = placement.drawing;
    let mut content = Content::new();
    content
        .save_state()
        .transform([d.width(), 0.0, 0.0, d.height(), d.min.x, page_h - d.max.y])
        .x_object(name)
        .restore_state();
    pdf.stream(content_ref, &content.finish());
    pdf.extend(&chunk);

    let mut dict = pdf.document_info(info_ref);
    dict.title(TextStr(&info.title))
        .subject(TextStr(&info.subject))
        .author(TextStr(&info.author))
        .creator(TextStr("Caucasus Atlas"))
        .producer(TextStr("Caucasus Atlas (svg2pdf)"));
    if !info.sources.is_empty() {
        dict.pair(Name(b"Sources"), TextStr(&info.sources));
    }
    dict.finish();
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"><rect width="100%" height="100%" fill="#eef"/><text x="10" y="50" font-size="20" font-family="'Noto Sans'">Gori Շուշի</text></svg>"##;

    fn placement() -> Placement {
        Placement {
            page: Vec2::new(300.0, 200.0),
            drawing: Rect::from_min_size(emath::pos2(50.0, 50.0), Vec2::new(200.0, 100.0)),
        }
    }

    #[test]
    fn a_pdf_keeps_its_text_as_text_and_carries_its_information() {
        let info = PdfInfo {
            title: "Caucasus Atlas — 10 November 2020".to_string(),
            subject: "Map of the South Caucasus".to_string(),
            author: "Caucasus Atlas".to_string(),
            sources: "A — https://example.org".to_string(),
        };
        let pdf = svg_to_pdf(SVG, placement(), false, &info).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("/MediaBox [0 0 300 200]"), "no page box");
        // Embedded font subsets: text stays text.
        assert!(text.contains("/FontFile2") || text.contains("/FontFile3"));
        assert!(text.contains("/Subject"));
        assert!(text.contains("/Sources"));
        assert!(text.trim_end().ends_with("%%EOF"));
    }

    #[test]
    fn text_as_paths_embeds_no_font() {
        let pdf = svg_to_pdf(SVG, placement(), true, &PdfInfo::default()).unwrap();
        let text = String::from_utf8_lossy(&pdf);
        assert!(!text.contains("/FontFile"));
    }
}
