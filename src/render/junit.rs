//! JUnit XML, which most CI systems show as a test report: one test case per linted file,
//! failing with the file's diagnostics.

use super::escape_markup as escape;
use crate::runner::FileReport;
use std::fmt::Write;

pub fn junit(files: &[FileReport]) -> String {
    let failing = files.iter().filter(|f| !f.diagnostics.is_empty()).count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"newslint\" tests=\"{}\" failures=\"{failing}\">",
        files.len()
    );
    let _ = writeln!(
        out,
        "  <testsuite name=\"newslint\" tests=\"{}\" failures=\"{failing}\" errors=\"0\" skipped=\"0\">",
        files.len()
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
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}
