//! The JSON contract: stable field names and order, documented in the README.

use crate::fix::Fix;
use crate::runner::{FileReport, Located};
use crate::source::Position;
use serde::Serialize;

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: &'a str,
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    start: Position,
    end: Position,
    related: Vec<JsonRelated<'a>>,
    help: Option<&'a str>,
    fix: Option<&'a Fix>,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    path: &'a str,
    start: Position,
    end: Position,
    message: &'a str,
}

fn convert<'a>(path: &'a str, d: &'a Located) -> JsonDiagnostic<'a> {
    JsonDiagnostic {
        path,
        rule: d.diagnostic.rule,
        severity: d.diagnostic.severity.as_str(),
        message: &d.diagnostic.message,
        start: d.start,
        end: d.end,
        related: d
            .diagnostic
            .related
            .iter()
            .zip(&d.related)
            .map(|(r, &(start, end))| JsonRelated {
                path: r.path.as_deref().unwrap_or(path),
                start,
                end,
                message: &r.message,
            })
            .collect(),
        help: d.diagnostic.help.as_deref(),
        fix: d.diagnostic.fix.as_ref(),
    }
}

fn all(files: &[FileReport]) -> impl Iterator<Item = JsonDiagnostic<'_>> {
    files
        .iter()
        .flat_map(|f| f.diagnostics.iter().map(move |d| convert(&f.path, d)))
}

pub fn json(files: &[FileReport]) -> String {
    let list: Vec<_> = all(files).collect();
    let mut out = serde_json::to_string_pretty(&list).expect("diagnostics serialize");
    out.push('\n');
    out
}

pub fn jsonl(files: &[FileReport]) -> String {
    let mut out = String::new();
    for d in all(files) {
        out.push_str(&serde_json::to_string(&d).expect("diagnostics serialize"));
        out.push('\n');
    }
    out
}
