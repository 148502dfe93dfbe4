//! The fact-check report of a story, as Markdown and as a standalone HTML
//! page: the text checked, the verdict counts, then each claim with its
//! verdict, correction, map and sources. `image` names each step's map file.

use std::fmt::Write as _;

use super::export::{Which, verdict_hex};
use super::model::{Step, Story};
use crate::atlas::{Atlas, Language, Source};

/// Escapes text for HTML (element content and quoted attributes).
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text so Markdown shows it as written.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Where the map of step `number` is: "2024-05-09, compared with 1992-10-01".
pub fn map_dates(step: &Step) -> String {
    match step.view.compare_from {
        Some(from) => format!("{} compared with {from}", step.view.date),
        None => step.view.date.to_string(),
    }
}

/// The names of the features a step highlights (English; ids unknown to the atlas are skipped).
pub fn highlighted_names(step: &Step, atlas: &Atlas) -> Vec<String> {
    step.view
        .highlight
        .iter()
        .filter_map(|id| atlas.feature(id))
        .map(|f| f.name.get(Language::En).to_string())
        .collect()
}

fn source_note(source: &Source) -> String {
    let mut note = String::new();
    if let Some(date) = source.date {
        let _ = write!(note, ", {date}");
    }
    if let Some(side) = source.partisan {
        let _ = write!(note, " (speaks for one side: {})", side.description());
    }
    note
}

/// Whether a map file is a PDF, which neither a browser's `<img>` nor
/// Markdown can show in the page: it is linked instead.
fn is_pdf(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".pdf")
}

/// A map in the Markdown report: the image, or a link to a PDF.
fn md_map(alt: &str, name: &str) -> String {
    if is_pdf(name) {
        format!("[{} (PDF)]({name})", escape_markdown(alt))
    } else {
        format!("![{alt}]({name})")
    }
}

/// A map in the HTML report: the image, or a link to a PDF.
fn html_map(alt: &str, name: &str) -> String {
    if is_pdf(name) {
        format!(
            "<a class=\"map\" href=\"{}\">{} (PDF)</a>",
            escape_html(name),
            escape_html(alt)
        )
    } else {
        format!(
            "<img src=\"{}\" alt=\"{}\" loading=\"lazy\">",
            escape_html(name),
            escape_html(alt)
        )
    }
}

/// The report as Markdown.
pub fn markdown(story: &Story, atlas: &Atlas, image: &dyn Fn(usize, Which) -> String) -> String {
    let mut md = String::new();
    let checks = &story.checks;
    let _ = writeln!(md, "# {}\n", escape_markdown(&story.title));
    let kind = checks.kind.as_deref().unwrap_or("text");
    let _ = write!(
        md,
        "A fact check of the {} “{}”, {}, {}",
        escape_markdown(kind),
        escape_markdown(&checks.title),
        escape_markdown(&checks.outlet),
        checks.date
    );
    match &checks.url {
        Some(url) => {
            let _ = writeln!(md, " (<{url}>).\n");
        }
        None => md.push_str(".\n\n"),
    }
    if let Some(intro) = &story.intro {
        let _ = writeln!(md, "{}\n", escape_markdown(intro));
    }
    let summary = story.summary();
    let _ = writeln!(md, "**Summary:** {summary}.\n");
    md.push_str("| Verdict | Claims |\n|---|---|\n");
    for (verdict, n) in &summary.counts {
        let _ = writeln!(md, "| {} | {n} |", verdict.label());
    }
    md.push('\n');
    for (i, step) in story.steps.iter().enumerate() {
        let number = i + 1;
        let _ = writeln!(md, "## {number}. {}\n", escape_markdown(&step.claim));
        let _ = writeln!(
            md,
            "**Verdict: {}.** {}\n",
            step.verdict.label(),
            escape_markdown(&step.correction)
        );
        let alt = format!("Map for claim {number}: {}", map_dates(step));
        if step.view.compare_from.is_some() {
            let _ = writeln!(
                md,
                "{}",
                md_map(&format!("{alt}, before"), &image(number, Which::Before))
            );
        }
        let _ = writeln!(md, "{}\n", md_map(&alt, &image(number, Which::Main)));
        let mut caption = format!("Map: {}", map_dates(step));
        if let Some(c) = &step.view.caption {
            let _ = write!(caption, ". {c}");
        }
        let names = highlighted_names(step, atlas);
        if !names.is_empty() {
            let _ = write!(caption, ". Ringed: {}", names.join("; "));
        }
        let _ = writeln!(md, "*{}.*\n", escape_markdown(&caption));
        md.push_str("Sources:\n\n");
        for source in &step.sources {
            let title = escape_markdown(&source.title);
            match &source.url {
                Some(url) => {
                    let _ = writeln!(
                        md,
                        "- [{title}](<{url}>){}",
                        escape_markdown(&source_note(source))
                    );
                }
                None => {
                    let _ = writeln!(md, "- {title}{}", escape_markdown(&source_note(source)));
                }
            }
        }
        md.push('\n');
    }
    md.push_str("---\n\nMade with Caucasus Atlas: maps drawn from its dated layers, each with its own sources.\n");
    md
}

/// The report as one standalone HTML page.
pub fn html(story: &Story, atlas: &Atlas, image: &dyn Fn(usize, Which) -> String) -> String {
    let e = escape_html;
    let checks = &story.checks;
    let mut h = String::new();
    let _ = writeln!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>",
        e(&story.title)
    );
    h.push_str(
        "<style>\nbody{font-family:'Noto Sans',Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}\n\
         .badge{display:inline-block;padding:.1rem .6rem;border-radius:.8rem;color:#fff;font-weight:bold;font-size:.9rem}\n\
         figure{margin:1rem 0}figure img{max-width:100%;border:1px solid #ccc}figcaption{font-size:.9rem;color:#555}\n\
         table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .6rem;text-align:left}\n\
         .claim{border-top:1px solid #ddd;padding-top:1rem;margin-top:2rem}.sources{font-size:.9rem}\n</style>\n</head>\n<body>\n",
    );
    let _ = writeln!(h, "<h1>{}</h1>", e(&story.title));
    let kind = checks.kind.as_deref().unwrap_or("text");
    let text_title = match &checks.url {
        Some(url) => format!("<a href=\"{}\">{}</a>", e(url), e(&checks.title)),
        None => e(&checks.title),
    };
    let _ = writeln!(
        h,
        "<p>A fact check of the {} “{text_title}”, {}, <time datetime=\"{d}\">{d}</time>.</p>",
        e(kind),
        e(&checks.outlet),
        d = checks.date
    );
    if let Some(intro) = &story.intro {
        let _ = writeln!(h, "<p>{}</p>", e(intro));
    }
    let summary = story.summary();
    let _ = writeln!(
        h,
        "<p><strong>Summary:</strong> {}.</p>",
        e(&summary.to_string())
    );
    h.push_str("<table>\n<tr><th>Verdict</th><th>Claims</th></tr>\n");
    for (verdict, n) in &summary.counts {
        let _ = writeln!(
            h,
            "<tr><td><span class=\"badge\" style=\"background:{}\">{}</span></td><td>{n}</td></tr>",
            verdict_hex(*verdict),
            e(verdict.label())
        );
    }
    h.push_str("</table>\n");
    for (i, step) in story.steps.iter().enumerate() {
        let number = i + 1;
        let _ = writeln!(h, "<section class=\"claim\" id=\"claim-{number}\">");
        let _ = writeln!(h, "<h2>{number}. {}</h2>", e(&step.claim));
        let _ = writeln!(
            h,
            "<p><span class=\"badge\" style=\"background:{}\">{}</span> {}</p>",
            verdict_hex(step.verdict),
            e(step.verdict.label()),
            e(&step.correction)
        );
        let alt = format!("Map for claim {number}: {}", map_dates(step));
        let mut caption = format!("Map: {}", map_dates(step));
        if let Some(c) = &step.view.caption {
            let _ = write!(caption, ". {c}");
        }
        let names = highlighted_names(step, atlas);
        if !names.is_empty() {
            let _ = write!(caption, ". Ringed: {}", names.join("; "));
        }
        h.push_str("<figure>\n");
        if step.view.compare_from.is_some() {
            let _ = writeln!(
                h,
                "{}",
                html_map(&format!("{alt}, before"), &image(number, Which::Before))
            );
        }
        let _ = writeln!(
            h,
            "{}\n<figcaption>{}.</figcaption>\n</figure>",
            html_map(&alt, &image(number, Which::Main)),
            e(&caption)
        );
        h.push_str("<ul class=\"sources\">\n");
        for source in &step.sources {
            let title = match &source.url {
                Some(url) => format!("<a href=\"{}\">{}</a>", e(url), e(&source.title)),
                None => e(&source.title),
            };
            let _ = writeln!(h, "<li>{title}{}</li>", e(&source_note(source)));
        }
        h.push_str("</ul>\n</section>\n");
    }
    h.push_str("<footer><p>Made with Caucasus Atlas: maps drawn from its dated layers, each with its own sources.</p></footer>\n</body>\n</html>\n");
    h
}
