//! JUnit XML, which most CI systems show as a test report: one test case per linted file
//! (or record), failing with its diagnostics.
//!
//! The totals stand in the opening tags, so the cases are held as text until the last file:
//! the one format whose output waits for the end of the run.

use super::escape_markup as escape;
use crate::outcome::{FileError, FileReport};
use std::fmt::Write as _;
use std::io::{self, Write};

#[derive(Default)]
pub struct Junit {
    cases: String,
    tests: usize,
    failing: usize,
}

impl super::Emitter for Junit {
    fn file(&mut self, _out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        self.tests += 1;
        let name = escape(&file.name());
        if file.diagnostics.is_empty() {
            let _ = writeln!(
                self.cases,
                "    <testcase name=\"{name}\" classname=\"newslint\"/>"
            );
            return Ok(());
        }
        self.failing += 1;
        let _ = writeln!(
            self.cases,
            "    <testcase name=\"{name}\" classname=\"newslint\">"
        );
        for d in &file.diagnostics {
            let _ = writeln!(
                self.cases,
                "      <failure type=\"{}\" message=\"{}\">{}:{}:{}: {}[{}] {}</failure>",
                d.diagnostic.rule,
                escape(&d.diagnostic.message),
                name,
                d.start.line,
                d.start.column,
                d.diagnostic.severity.as_str(),
                d.diagnostic.rule,
                escape(&d.diagnostic.message)
            );
        }
        self.cases.push_str("    </testcase>\n");
        Ok(())
    }

    /// A file that could not be linted is a case with an `<error>`.
    fn finish(&mut self, out: &mut dyn Write, errors: &[FileError]) -> io::Result<()> {
        let tests = self.tests + errors.len();
        let (failing, errored) = (self.failing, errors.len());
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(
            out,
            "<testsuites name=\"newslint\" tests=\"{tests}\" failures=\"{failing}\" errors=\"{errored}\">"
        )?;
        writeln!(
            out,
            "  <testsuite name=\"newslint\" tests=\"{tests}\" failures=\"{failing}\" errors=\"{errored}\" skipped=\"0\">"
        )?;
        out.write_all(std::mem::take(&mut self.cases).as_bytes())?;
        for error in errors {
            writeln!(
                out,
                "    <testcase name=\"{}\" classname=\"newslint\">\n      <error type=\"not-linted\" message=\"{}\"/>\n    </testcase>",
                escape(&error.path),
                escape(&error.message)
            )?;
        }
        out.write_all(b"  </testsuite>\n</testsuites>\n")
    }
}
