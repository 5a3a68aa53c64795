//! JUnit XML, which most CI systems show as a test report: one test case per linted file,
//! failing with the file's diagnostics.

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

/// Text for an XML attribute or element.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 cannot hold at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}
