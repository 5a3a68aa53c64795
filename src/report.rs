//! `newslint report`: where a corpus stands, as one self-contained HTML page (inline CSS and
//! SVG, no script, nothing fetched) or as JSON for dashboards.
//!
//! It stays the same size whatever the corpus: counts per rule, a histogram of faults per
//! 10,000 characters over the files, the worst files (at most `WORST_FILES`) and a few
//! examples per rule (at most `EXAMPLES_PER_RULE`, the first in path order, quoted from the
//! text while its file passes).

use crate::outcome::FileReport;
use crate::render::{escape_markup as escape, uri_path};
use crate::rules::RULES;
use serde::Serialize;
use std::fmt::Write;

const WORST_FILES: usize = 50;
const EXAMPLES_PER_RULE: usize = 6;
/// Characters of context on each side of an example, within its line.
const CONTEXT_CHARS: usize = 30;
/// Upper bounds of the histogram's bins, in faults per 10,000 characters.
const BINS: [f64; 8] = [0.0, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0];

#[derive(Debug, Serialize)]
pub struct Report {
    pub version: u32,
    pub files: usize,
    pub files_with_faults: usize,
    pub characters: usize,
    pub faults: usize,
    pub faults_per_10k_chars: f64,
    pub fixable: usize,
    pub unreadable_files: usize,
    pub rules: Vec<RuleFigures>,
    /// Files per bin of faults per 10,000 characters: (label, files).
    pub distribution: Vec<(String, usize)>,
    pub worst_files: Vec<FileFigures>,
}

#[derive(Debug, Serialize)]
pub struct RuleFigures {
    pub rule: &'static str,
    pub category: &'static str,
    pub faults: usize,
    pub files: usize,
    pub fixable: usize,
    pub examples: Vec<Example>,
}

#[derive(Debug, Serialize)]
pub struct FileFigures {
    pub path: String,
    pub characters: usize,
    pub faults: usize,
    pub faults_per_10k_chars: f64,
}

#[derive(Debug, Serialize)]
pub struct Example {
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub message: String,
    pub before: String,
    pub text: String,
    pub after: String,
    /// A link to the file (`file:` URI), when it was read from disk.
    pub href: Option<String>,
}

fn rate(faults: usize, chars: usize) -> f64 {
    if chars == 0 {
        0.0
    } else {
        (faults as f64 * 10_000.0 / chars as f64 * 100.0).round() / 100.0
    }
}

/// The report's figures, gathered while the files pass: counts, the worst files so far and
/// the first examples of each rule, never the diagnostics themselves.
pub struct Builder {
    files: usize,
    files_with_faults: usize,
    characters: usize,
    faults: usize,
    fixable: usize,
    rules: Vec<RuleFigures>,
    /// Files per bin of `BINS` (and one more for the rest).
    bins: Vec<usize>,
    worst: Vec<FileFigures>,
}

impl Default for Builder {
    fn default() -> Self {
        Builder {
            files: 0,
            files_with_faults: 0,
            characters: 0,
            faults: 0,
            fixable: 0,
            rules: RULES
                .iter()
                .map(|entry| RuleFigures {
                    rule: entry.meta.name,
                    category: entry.meta.category.as_str(),
                    faults: 0,
                    files: 0,
                    fixable: 0,
                    examples: Vec::new(),
                })
                .collect(),
            bins: vec![0; BINS.len() + 1],
            worst: Vec::new(),
        }
    }
}

impl Builder {
    /// Counts one file; its examples are quoted from its text (kept for the report).
    pub fn add(&mut self, file: &FileReport) {
        self.files += 1;
        self.characters += file.chars;
        self.faults += file.diagnostics.len();
        let mut seen = vec![false; self.rules.len()];
        for d in &file.diagnostics {
            self.fixable += usize::from(d.diagnostic.fix.is_some());
            let Some(r) = self.rules.iter().position(|r| r.rule == d.diagnostic.rule) else {
                continue;
            };
            let figures = &mut self.rules[r];
            figures.faults += 1;
            figures.fixable += usize::from(d.diagnostic.fix.is_some());
            if !seen[r] {
                seen[r] = true;
                figures.files += 1;
            }
            if figures.examples.len() < EXAMPLES_PER_RULE {
                figures.examples.push(example(file, d, file.source.as_deref()));
            }
        }
        let r = rate(file.diagnostics.len(), file.chars);
        let bin = if file.diagnostics.is_empty() {
            0
        } else {
            BINS.iter()
                .position(|&upper| r <= upper)
                .unwrap_or(BINS.len())
                .max(1)
        };
        self.bins[bin] += 1;
        if file.diagnostics.is_empty() {
            return;
        }
        self.files_with_faults += 1;
        self.worst.push(FileFigures {
            path: file.name().into_owned(),
            characters: file.chars,
            faults: file.diagnostics.len(),
            faults_per_10k_chars: r,
        });
        // Kept at most twice the list's length between cuts: memory stays flat.
        if self.worst.len() >= 2 * WORST_FILES {
            self.cut_worst();
        }
    }

    fn cut_worst(&mut self) {
        self.worst
            .sort_by(|a, b| b.faults.cmp(&a.faults).then_with(|| a.path.cmp(&b.path)));
        self.worst.truncate(WORST_FILES);
    }

    pub fn finish(mut self, unreadable_files: usize) -> Report {
        self.cut_worst();
        let mut rules = self.rules;
        rules.retain(|r| r.faults > 0);
        rules.sort_by(|a, b| b.faults.cmp(&a.faults).then(a.rule.cmp(b.rule)));
        let distribution = self
            .bins
            .iter()
            .enumerate()
            .map(|(k, &files)| {
                let label = match k {
                    0 => "0".to_owned(),
                    k if k == BINS.len() => format!("> {}", BINS[BINS.len() - 1]),
                    _ => format!("{}–{}", BINS[k - 1], BINS[k]),
                };
                (label, files)
            })
            .collect();
        Report {
            version: 1,
            files: self.files,
            files_with_faults: self.files_with_faults,
            characters: self.characters,
            faults: self.faults,
            faults_per_10k_chars: rate(self.faults, self.characters),
            fixable: self.fixable,
            unreadable_files,
            rules,
            distribution,
            worst_files: self.worst,
        }
    }
}

fn example(file: &FileReport, d: &crate::outcome::Located, text: Option<&str>) -> Example {
    let (start, end) = (d.start.offset as usize, d.end.offset as usize);
    let (before, flagged, after) =
        match text.filter(|t| end <= t.len() && t.is_char_boundary(start) && t.is_char_boundary(end)) {
            Some(t) => {
                let line_start = t[..start].rfind('\n').map_or(0, |i| i + 1);
                let line_end = t[end..].find('\n').map_or(t.len(), |i| end + i);
                let before: String = t[line_start..start]
                    .chars()
                    .rev()
                    .take(CONTEXT_CHARS)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                // A span over several lines (a duplicated paragraph) is shown up to its first line end.
                let flagged: String = t[start..end].chars().take(120).collect();
                let after: String = t[end..line_end].chars().take(CONTEXT_CHARS).collect();
                (before, flagged, after)
            }
            None => (String::new(), String::new(), String::new()),
        };
    Example {
        path: file.name().into_owned(),
        line: d.start.line,
        column: d.start.column,
        message: d.diagnostic.message.clone(),
        before,
        text: flagged,
        after,
        href: file
            .origin
            .as_ref()
            .and_then(|p| p.canonicalize().ok())
            .and_then(|p| p.to_str().map(|s| format!("file://{}", uri_path(s)))),
    }
}

pub fn json(report: &Report) -> String {
    let mut out = serde_json::to_string_pretty(report).expect("the report serializes");
    out.push('\n');
    out
}

/// 248880 → 248,880.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Horizontal bars: one row per (label, value), scaled to the largest value.
fn bar_chart(id: &str, rows: &[(String, usize)], color: &str) -> String {
    const ROW: usize = 26;
    const LABEL: usize = 190;
    const WIDTH: usize = 760;
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let height = rows.len() * ROW + 10;
    let mut svg = format!(
        r#"<svg id="{id}" class="chart" role="img" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" xmlns="http://www.w3.org/2000/svg">"#
    );
    for (n, (label, value)) in rows.iter().enumerate() {
        let y = n * ROW + 5;
        let w = (value * (WIDTH - LABEL - 80)).div_ceil(max);
        let _ = write!(
            svg,
            r#"<text x="{}" y="{}" text-anchor="end" class="label">{}</text><rect x="{LABEL}" y="{y}" width="{w}" height="{}" fill="{color}" rx="3"><title>{}: {value}</title></rect><text x="{}" y="{}" class="value">{value}</text>"#,
            LABEL - 8,
            y + 16,
            escape(label),
            ROW - 8,
            escape(label),
            LABEL + w + 6,
            y + 16,
        );
    }
    svg.push_str("</svg>");
    svg
}

pub fn html(report: &Report) -> String {
    let mut page = String::new();
    page.push_str(concat!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        "<title>newslint report</title>\n<style>\n",
        "body{font-family:system-ui,-apple-system,\"Noto Sans CJK SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif;margin:0;color:#1d2733;background:#f5f7fa}",
        "main{max-width:1000px;margin:0 auto;padding:24px}",
        "h1{font-size:26px;margin:8px 0 20px}h2{font-size:19px;margin:32px 0 12px;border-bottom:1px solid #d8dee6;padding-bottom:6px}",
        ".cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px}",
        ".card{background:#fff;border-radius:8px;padding:14px 16px;box-shadow:0 1px 3px rgba(0,0,0,.08)}",
        ".card b{display:block;font-size:24px}.card span{color:#5b6775;font-size:13px}",
        ".panel{background:#fff;border-radius:8px;padding:16px;box-shadow:0 1px 3px rgba(0,0,0,.08);overflow-x:auto}",
        ".chart .label{font-size:13px;fill:#1d2733}.chart .value{font-size:12px;fill:#5b6775}",
        "table{border-collapse:collapse;width:100%;font-size:14px}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #eef1f5}",
        "th{color:#5b6775;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}",
        ".rule{margin:14px 0}.rule h3{font-size:16px;margin:0 0 6px}.rule h3 small{color:#5b6775;font-weight:400}",
        ".example{font-size:14px;padding:6px 0;border-top:1px solid #eef1f5}.example .where{color:#5b6775;font-size:12px}",
        "mark{background:#ffd54f;border-radius:2px;padding:0 1px}a{color:#1565c0}",
        "\n</style>\n</head>\n<body>\n<main>\n<h1>newslint report</h1>\n"
    ));
    let _ = write!(
        page,
        r#"<section class="cards" id="totals"><div class="card"><b>{}</b><span>files</span></div><div class="card"><b>{}</b><span>characters</span></div><div class="card"><b>{}</b><span>faults</span></div><div class="card"><b>{}</b><span>faults per 10,000 characters</span></div><div class="card"><b>{}</b><span>files with faults</span></div><div class="card"><b>{}</b><span>faults with a fix</span></div></section>"#,
        thousands(report.files),
        thousands(report.characters),
        thousands(report.faults),
        report.faults_per_10k_chars,
        thousands(report.files_with_faults),
        thousands(report.fixable)
    );
    if report.unreadable_files > 0 {
        let _ = write!(
            page,
            "<p>{} files could not be read or decoded (see the command's error output).</p>",
            report.unreadable_files
        );
    }
    page.push_str("\n<h2>Faults per rule</h2>\n<div class=\"panel\">");
    let rows: Vec<(String, usize)> = report
        .rules
        .iter()
        .map(|r| (r.rule.to_owned(), r.faults))
        .collect();
    if rows.is_empty() {
        page.push_str("<p>No faults found.</p>");
    } else {
        page.push_str(&bar_chart("faults-per-rule", &rows, "#4f7fd9"));
    }
    page.push_str("</div>\n<h2>Files by faults per 10,000 characters</h2>\n<div class=\"panel\">");
    page.push_str(&bar_chart("distribution", &report.distribution, "#3fa27a"));
    page.push_str("</div>\n<h2>Files with the most faults</h2>\n<div class=\"panel\"><table id=\"worst-files\"><thead><tr><th>file</th><th class=\"n\">faults</th><th class=\"n\">characters</th><th class=\"n\">per 10,000</th></tr></thead><tbody>");
    for file in &report.worst_files {
        let _ = write!(
            page,
            r#"<tr><td>{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td></tr>"#,
            escape(&file.path),
            thousands(file.faults),
            thousands(file.characters),
            file.faults_per_10k_chars
        );
    }
    page.push_str("</tbody></table></div>\n<h2>Examples</h2>\n<div class=\"panel\" id=\"examples\">");
    for rule in &report.rules {
        let _ = write!(
            page,
            r#"<div class="rule"><h3>{} <small>{} · {} faults in {} files · {} with a fix</small></h3>"#,
            rule.rule, rule.category, rule.faults, rule.files, rule.fixable
        );
        for example in &rule.examples {
            let place = format!("{}:{}:{}", example.path, example.line, example.column);
            let link = match &example.href {
                Some(href) => format!(r#"<a href="{}">{}</a>"#, escape(href), escape(&place)),
                None => escape(&place),
            };
            let _ = write!(
                page,
                r#"<div class="example"><div class="where">{link} — {}</div><div>{}<mark>{}</mark>{}</div></div>"#,
                escape(&example.message),
                escape(&example.before),
                escape(&example.text),
                escape(&example.after)
            );
        }
        page.push_str("</div>");
    }
    page.push_str("</div>\n</main>\n</body>\n</html>\n");
    page
}

#[cfg(test)]
mod tests {
    use super::thousands;

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(248_880), "248,880");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
