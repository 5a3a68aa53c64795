//! SARIF 2.1.0, the static-analysis format that GitHub code scanning and many review tools
//! read: the rules with their documentation, and each diagnostic with its region, related
//! locations, fix and fingerprint. Columns count Unicode code points, as the run declares.

use super::uri_path;
use crate::diagnostic::Severity;
use crate::outcome::FileError;
use crate::outcome::{FileReport, Located};
use crate::rules::RULES;
use crate::source::Position;
use serde_json::{Value, json};
use std::io::{self, Write};

/// Results, and each input that could not be linted as a tool execution notification
/// (level error), so a run that exits 2 shows why in the SARIF viewer. Each result is written
/// as its file comes: a run over 100,000 files never holds their JSON at once. (The
/// invocation, which needs the errors, stands after the results.)
#[derive(Default)]
pub struct Sarif {
    written: usize,
}

impl super::Emitter for Sarif {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"runs\": [\n    {\n      \"columnKind\": \"unicodeCodePoints\",\n")?;
        let root = std::env::current_dir().ok().and_then(|dir| {
            dir.to_str().map(
                |d| json!({"SRCROOT": {"uri": format!("file://{}/", uri_path(d.trim_end_matches('/')))}}),
            )
        });
        if let Some(root) = root {
            out.write_all(b"      \"originalUriBaseIds\": ")?;
            write_value(out, &root)?;
            out.write_all(b",\n")?;
        }
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
        let tool = json!({"driver": {
            "name": "newslint",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rules,
        }});
        out.write_all(b"      \"tool\": ")?;
        write_value(out, &tool)?;
        out.write_all(b",\n      \"results\": [")
    }

    fn file(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        for d in &file.diagnostics {
            out.write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
            super::write_indented_json(out, &result(file, d), 8)?;
            self.written += 1;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, errors: &[FileError]) -> io::Result<()> {
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
        let invocations = json!([{
            "executionSuccessful": errors.is_empty(),
            "toolExecutionNotifications": notifications,
        }]);
        out.write_all(if self.written == 0 { b"]" } else { b"\n      ]" })?;
        out.write_all(b",\n      \"invocations\": ")?;
        write_value(out, &invocations)?;
        out.write_all(b"\n    }\n  ],\n  \"version\": \"2.1.0\"\n}\n")
    }
}

/// A value inside the run object: its first line follows a key, the rest are indented.
fn write_value(out: &mut dyn Write, value: &Value) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::from)?;
    out.write_all(text.replace('\n', "\n      ").as_bytes())
}

/// A record's diagnostics stand on its line of the JSONL file, with the record as their
/// logical location and their place in its text as properties; they carry no fix (an edit of
/// the text is not an edit of the file's bytes).
fn result(file: &FileReport, d: &Located) -> Value {
    let own = own_artifact(file);
    let region = |start: Position, end: Position| match &file.record {
        Some(record) => json!({"startLine": record.line}),
        None => region(start, end),
    };
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
    if let Some(record) = &file.record {
        result["locations"][0]["logicalLocations"] = json!([{"name": record.id, "kind": "object"}]);
        let mut properties = json!({
            "record": record.id,
            "recordStart": {"line": d.start.line, "column": d.start.column},
            "recordEnd": {"line": d.end.line, "column": d.end.column},
        });
        if let Some((start, end)) = d.code_points {
            properties["recordOffset"] = json!({"start": start, "end": end});
        }
        result["properties"] = properties;
    }
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
    if let Some(fix) = d.diagnostic.fix.as_ref().filter(|_| file.record.is_none()) {
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
