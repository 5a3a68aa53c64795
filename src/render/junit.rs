//! JUnit XML, which most CI systems show as a test report: one test case per linted file,
//! failing with the file's diagnostics.

use super::escape_markup as escape;
use crate::runner::{FileError, FileReport};
use std::fmt::Write;

/// A test case per file; a file that could not be linted is a case with an `<error>`.
pub fn junit(files: &[FileReport], errors: &[FileError]) -> String {
    let failing = files.iter().filter(|f| !f.diagnostics.is_empty()).count();
    let tests = files.len() + errors.len();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"newslint\" tests=\"{tests}\" failures=\"{failing}\" errors=\"{}\">",
        errors.len()
    );
    let _ = writeln!(
        out,
        "  <testsuite name=\"newslint\" tests=\"{tests}\" failures=\"{failing}\" errors=\"{}\" skipped=\"0\">",
        errors.len()
    );
    for file in files {
        let path = escape(&file.path);
        if file.diagnostics.is_empty() {
            let _ = writeln!(out, "    <testcase name=\"{path}\" classname=\"newslint\"/>");
            continue;
        }
        let _ = writeln!(out, "    <testcase name=\"{path}\" classname=\"newslint\">");
        for d in &file.diagnostics {
            let _ = writeln!(
                out,
                "      <failure type=\"{}\" message=\"{}\">{}:{}:{}: {}[{}] {}</failure>",
                d.diagnostic.rule,
                escape(&d.diagnostic.message),
                path,
                d.start.line,
                d.start.column,
                d.diagnostic.severity.as_str(),
                d.diagnostic.rule,
                escape(&d.diagnostic.message)
            );
        }
        out.push_str("    </testcase>\n");
    }
    for error in errors {
        let _ = writeln!(
            out,
            "    <testcase name=\"{}\" classname=\"newslint\">\n      <error type=\"not-linted\" message=\"{}\"/>\n    </testcase>",
            escape(&error.path),
            escape(&error.message)
        );
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}
