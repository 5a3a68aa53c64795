//! GitHub Actions workflow commands: `::warning file=…,line=…::message`, which the runner
//! turns into annotations on the pull request's diff.

use crate::diagnostic::Severity;
use crate::outcome::{FileError, FileReport};
use std::io::{self, Write};

/// Diagnostics, then each input that could not be linted as an `::error` on that file, so
/// a job that exits 2 shows why. A record's diagnostics stand on its line of the JSONL file.
pub struct Github;

impl super::Emitter for Github {
    fn file(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        let title = |rule: &str| match &file.record {
            None => property(&format!("newslint ({rule})")),
            Some(record) => property(&format!("newslint ({rule}) in record {}", record.id)),
        };
        for d in &file.diagnostics {
            let command = match d.diagnostic.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            match &file.record {
                Some(record) => write!(
                    out,
                    "::{command} file={},line={}",
                    property(&file.path),
                    record.line
                )?,
                None => {
                    write!(
                        out,
                        "::{command} file={},line={},endLine={}",
                        property(&file.path),
                        d.start.line,
                        d.end.line
                    )?;
                    // GitHub takes columns only for an annotation on one line.
                    if d.start.line == d.end.line {
                        write!(out, ",col={},endColumn={}", d.start.column, d.end.column)?;
                    }
                }
            }
            writeln!(
                out,
                ",title={}::{}",
                title(d.diagnostic.rule),
                data(&d.diagnostic.message)
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, errors: &[FileError]) -> io::Result<()> {
        for error in errors {
            writeln!(
                out,
                "::error file={},title={}::{}",
                property(&error.path),
                property("newslint (file not linted)"),
                data(&error.message)
            )?;
        }
        Ok(())
    }
}

/// The escaping of a command's message.
fn data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// The escaping of a command's property values, where `:` and `,` are separators.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}
