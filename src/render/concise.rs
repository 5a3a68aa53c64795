//! `path:line:column: severity[rule] message`: the form grep and editors' problem matchers read.

use crate::diagnostic::Severity;
use crate::runner::FileReport;
use std::fmt::Write;

pub fn concise(files: &[FileReport]) -> String {
    concise_colored(files, false)
}

/// With `color`, the path is bold and the severity and rule are colored as in the full
/// format (ANSI escapes; the text between them is the same).
pub fn concise_colored(files: &[FileReport], color: bool) -> String {
    let mut out = String::new();
    let paint = |code: &str, text: &str| {
        if color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    };
    for file in files {
        for d in &file.diagnostics {
            let severity = d.diagnostic.severity;
            let code = match severity {
                Severity::Error => "1;31",
                Severity::Warning => "1;33",
                Severity::Info => "1;36",
            };
            let _ = writeln!(
                out,
                "{}:{}:{}: {} {}",
                paint("1", &super::line_safe(&file.path)),
                d.start.line,
                d.start.column,
                paint(code, &format!("{}[{}]", severity.as_str(), d.diagnostic.rule)),
                d.diagnostic.message
            );
        }
    }
    out
}
