//! `path:line:column: severity[rule] message`: the form grep and editors' problem matchers read.

use crate::runner::FileReport;
use std::fmt::Write;

pub fn concise(files: &[FileReport]) -> String {
    let mut out = String::new();
    for file in files {
        for d in &file.diagnostics {
            let _ = writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                file.path,
                d.start.line,
                d.start.column,
                d.diagnostic.severity.as_str(),
                d.diagnostic.rule,
                d.diagnostic.message
            );
        }
    }
    out
}
