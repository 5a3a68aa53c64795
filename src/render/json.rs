//! The JSON contract: stable field names and order, documented in the README. A record's
//! diagnostics carry its id, its line in the JSONL file, and their offsets in code points.

use crate::fix::Fix;
use crate::outcome::{FileError, FileReport, Located};
use crate::source::Position;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    record_line: Option<u64>,
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    start: Position,
    end: Position,
    #[serde(skip_serializing_if = "Option::is_none")]
    record_offset: Option<CodePoints>,
    related: Vec<JsonRelated<'a>>,
    help: Option<&'a str>,
    fix: Option<&'a Fix>,
}

#[derive(Serialize)]
struct CodePoints {
    start: u64,
    end: u64,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    path: &'a str,
    start: Position,
    end: Position,
    message: &'a str,
}

fn convert<'a>(file: &'a FileReport, d: &'a Located) -> JsonDiagnostic<'a> {
    let path = &file.path;
    JsonDiagnostic {
        path,
        record: file.record.as_ref().map(|r| r.id.as_str()),
        record_line: file.record.as_ref().map(|r| r.line),
        rule: d.diagnostic.rule,
        severity: d.diagnostic.severity.as_str(),
        message: &d.diagnostic.message,
        start: d.start,
        end: d.end,
        record_offset: d.code_points.map(|(start, end)| CodePoints { start, end }),
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

/// One diagnostic as the JSON formats write it, as a value (for the Python package).
pub fn value(file: &FileReport, d: &Located) -> serde_json::Value {
    serde_json::to_value(convert(file, d)).expect("diagnostics serialize")
}

/// One array, pretty-printed, written an element at a time.
#[derive(Default)]
pub struct Json {
    written: usize,
}

impl super::Emitter for Json {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"[")
    }

    fn file(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        for d in &file.diagnostics {
            out.write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
            super::write_indented_json(out, &convert(file, d), 2)?;
            self.written += 1;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _errors: &[FileError]) -> io::Result<()> {
        out.write_all(if self.written == 0 { b"]\n" } else { b"\n]\n" })
    }
}

/// One object per line.
#[derive(Default)]
pub struct Jsonl {
    /// A line is made here and written whole: the serializer writes in small pieces.
    line: Vec<u8>,
}

impl super::Emitter for Jsonl {
    fn file(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        for d in &file.diagnostics {
            self.line.clear();
            serde_json::to_writer(&mut self.line, &convert(file, d)).map_err(io::Error::from)?;
            self.line.push(b'\n');
            out.write_all(&self.line)?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _errors: &[FileError]) -> io::Result<()> {
        Ok(())
    }
}
