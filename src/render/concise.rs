//! `path:line:column: severity[rule] message`: the form grep and editors' problem matchers read.
//! A record is named `path#id`, its lines and columns counted in the record's text.

use crate::diagnostic::Severity;
use crate::outcome::{FileError, FileReport};
use std::io::{self, Write};

/// With `color`, the path is bold and the severity and rule are colored as in the full
/// format (ANSI escapes; the text between them is the same).
pub struct Concise {
    pub color: bool,
}

impl super::Emitter for Concise {
    fn file(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        let paint = |code: &str, text: &str| {
            if self.color {
                format!("\x1b[{code}m{text}\x1b[0m")
            } else {
                text.to_owned()
            }
        };
        let name = file.name();
        let name = paint("1", &super::line_safe(&name));
        for d in &file.diagnostics {
            let severity = d.diagnostic.severity;
            let code = match severity {
                Severity::Error => "1;31",
                Severity::Warning => "1;33",
                Severity::Info => "1;36",
            };
            writeln!(
                out,
                "{name}:{}:{}: {} {}",
                d.start.line,
                d.start.column,
                paint(code, &format!("{}[{}]", severity.as_str(), d.diagnostic.rule)),
                d.diagnostic.message
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _errors: &[FileError]) -> io::Result<()> {
        Ok(())
    }
}
