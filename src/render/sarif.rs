//! SARIF 2.1.0, the static-analysis format that GitHub code scanning and many review tools
//! read: the rules with their documentation, and each diagnostic with its region, related
//! locations, fix and fingerprint. Columns count Unicode code points, as the run declares.

use super::uri_path;
use crate::diagnostic::Severity;
use crate::rules::RULES;
use crate::runner::{FileReport, Located};
use crate::source::Position;
use serde::Serialize;
use serde::ser::SerializeSeq;
use serde_json::{Value, json};

/// Results, and each file that could not be linted as a tool execution notification (level
/// error), so a run that exits 2 shows why in the SARIF viewer. The results are written one
/// by one as they are made: a run over 100,000 files never holds their JSON at once.
pub fn sarif(
    files: &[FileReport],
    errors: &[crate::runner::FileError],
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|entry| {
            let meta = entry.meta;
            json!({
                "id": meta.name,
                "shortDescription": {"text": meta.summary()},
                "fullDescription": {"text": meta.summary()},
                "help": {"text": meta.documentation(), "markdown": meta.documentation()},
                "defaultConfiguration": {"enabled": meta.default_enabled, "level": level(meta.severity)},
                "properties": {"category": meta.category.as_str(), "fix": meta.fix.as_str()},
            })
        })
        .collect();
    let root = std::env::current_dir().ok().and_then(|dir| {
        dir.to_str()
            .map(|d| json!({"SRCROOT": {"uri": format!("file://{}/", uri_path(d.trim_end_matches('/')))}}))
    });
    let notifications: Vec<Value> = errors
        .iter()
        .map(|e| {
            json!({
                "level": "error",
                "message": {"text": format!("{}: {}", e.path, e.message)},
                "locations": [{"physicalLocation": {"artifactLocation": artifact(&e.path)}}],
            })
        })
        .collect();
    // Keys in the order the whole-document form had them (sorted).
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        runs: [Run {
            column_kind: "unicodeCodePoints",
            invocations: json!([{
                "executionSuccessful": errors.is_empty(),
                "toolExecutionNotifications": notifications,
            }]),
            original_uri_base_ids: root,
            results: Results(files),
            tool: json!({"driver": {
                "name": "newslint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }}),
        }],
        version: "2.1.0",
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    out.write_all(b"\n")
}

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    runs: [Run<'a>; 1],
    version: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    column_kind: &'static str,
    invocations: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    original_uri_base_ids: Option<Value>,
    results: Results<'a>,
    tool: Value,
}

/// Every file's results, made one at a time while they are written.
struct Results<'a>(&'a [FileReport]);

impl Serialize for Results<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        for file in self.0 {
            for d in &file.diagnostics {
                seq.serialize_element(&result(file, d))?;
            }
        }
        seq.end()
    }
}

fn result(file: &FileReport, d: &Located) -> Value {
    let own = own_artifact(file);
    let rule_index = RULES
        .iter()
        .position(|r| r.meta.name == d.diagnostic.rule)
        .expect("every diagnostic comes from a registered rule");
    let mut result = json!({
        "ruleId": d.diagnostic.rule,
        "ruleIndex": rule_index,
        "level": level(d.diagnostic.severity),
        "message": {"text": match &d.diagnostic.help {
            Some(help) => format!("{} ({help})", d.diagnostic.message),
            None => d.diagnostic.message.clone(),
        }},
        "locations": [{"physicalLocation": {"artifactLocation": own.clone(), "region": region(d.start, d.end)}}],
        "partialFingerprints": {"newslintContext/v1": crate::fingerprint::hex(d.fingerprint)},
    });
    if !d.related.is_empty() {
        let related: Vec<Value> = d
            .diagnostic
            .related
            .iter()
            .zip(&d.related)
            .enumerate()
            .map(|(id, (r, &(start, end)))| {
                let mut place = match &r.path {
                    Some(other) => location(other, start, end),
                    None => json!({"physicalLocation": {"artifactLocation": own.clone(), "region": region(start, end)}}),
                };
                place["id"] = json!(id);
                place["message"] = json!({"text": r.message});
                place
            })
            .collect();
        result["relatedLocations"] = json!(related);
    }
    if let Some(fix) = &d.diagnostic.fix {
        let replacements: Vec<Value> = fix
            .edits
            .iter()
            .zip(&d.edits)
            .map(|(edit, &(start, end))| {
                json!({"deletedRegion": region(start, end), "insertedContent": {"text": edit.replacement}})
            })
            .collect();
        result["fixes"] = json!([{
            "description": {"text": format!("{} ({})", fix.message, fix.applicability.as_str())},
            "artifactChanges": [{"artifactLocation": own, "replacements": replacements}],
        }]);
    }
    result
}

/// The file's own artifact: from the bytes of the path it was read from, where there is one.
fn own_artifact(file: &FileReport) -> Value {
    #[cfg(unix)]
    if let Some(origin) = &file.origin {
        use std::os::unix::ffi::OsStrExt;
        let mut bytes = origin.as_os_str().as_bytes();
        while let Some(rest) = bytes.strip_prefix(b"./") {
            bytes = rest;
        }
        return match bytes.strip_prefix(b"/") {
            Some(absolute) => json!({"uri": format!("file:///{}", super::uri_bytes(absolute))}),
            None => json!({"uri": super::uri_bytes(bytes), "uriBaseId": "SRCROOT"}),
        };
    }
    artifact(&file.path)
}

fn location(path: &str, start: Position, end: Position) -> Value {
    json!({"physicalLocation": {"artifactLocation": artifact(path), "region": region(start, end)}})
}

fn artifact(path: &str) -> Value {
    let path = path.replace('\\', "/");
    match path.strip_prefix('/') {
        Some(absolute) => json!({"uri": format!("file:///{}", uri_path(absolute))}),
        None => json!({"uri": uri_path(&path), "uriBaseId": "SRCROOT"}),
    }
}

fn region(start: Position, end: Position) -> Value {
    json!({
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}
