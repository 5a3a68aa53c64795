//! GitHub Actions workflow commands: `::warning file=…,line=…::message`, which the runner
//! turns into annotations on the pull request's diff.

use crate::diagnostic::Severity;
use crate::runner::{FileError, FileReport};
use std::fmt::Write;

/// Diagnostics, then each file that could not be linted as an `::error` on that file, so a
/// job that exits 2 shows why.
pub fn github(files: &[FileReport], errors: &[FileError]) -> String {
    let mut out = String::new();
    for file in files {
        for d in &file.diagnostics {
            let command = match d.diagnostic.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let _ = write!(
                out,
                "::{command} file={},line={},endLine={}",
                property(&file.path),
                d.start.line,
                d.end.line
            );
            // GitHub takes columns only for an annotation on one line.
            if d.start.line == d.end.line {
                let _ = write!(out, ",col={},endColumn={}", d.start.column, d.end.column);
            }
            let _ = writeln!(
                out,
                ",title={}::{}",
                property(&format!("newslint ({})", d.diagnostic.rule)),
                data(&d.diagnostic.message)
            );
        }
    }
    for error in errors {
        let _ = writeln!(
            out,
            "::error file={},title={}::{}",
            property(&error.path),
            property("newslint (file not linted)"),
            data(&error.message)
        );
    }
    out
}

/// The escaping of a command's message.
fn data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// The escaping of a command's property values, where `:` and `,` are separators.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}
