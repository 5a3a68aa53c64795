//! The human format: codespan-reporting excerpts, carets under the right characters of
//! double-width Chinese text, related spans shown beside the primary one.

use crate::diagnostic::Severity;
use crate::runner::FileReport;
use codespan_reporting::diagnostic::{Diagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, Config, termcolor::Buffer};

/// Lines longer than this are not quoted (a 50 MB single-line file would be printed whole).
const MAX_QUOTED_LINE: usize = 4096;

fn severity(s: Severity) -> CsSeverity {
    match s {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    }
}

pub fn full(files: &[FileReport], color: bool) -> Vec<u8> {
    let mut buffer = if color { Buffer::ansi() } else { Buffer::no_color() };
    let config = Config::default();
    for report in files {
        let Some(source) = report.source.as_deref() else {
            continue;
        };
        let name = super::line_safe(&report.path);
        let file = SimpleFile::new(name.as_ref(), source);
        for located in &report.diagnostics {
            let d = &located.diagnostic;
            let line_len = |offset: u32| {
                let offset = offset as usize;
                let start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
                let end = source[offset..].find('\n').map_or(source.len(), |i| offset + i);
                end - start
            };
            let mut labels = Vec::new();
            let mut notes = Vec::new();
            if line_len(d.span.start) <= MAX_QUOTED_LINE && line_len(d.span.end) <= MAX_QUOTED_LINE {
                labels.push(Label::primary((), d.span.range()));
            } else {
                notes.push(format!(
                    "at {}:{}:{} (line too long to quote)",
                    name, located.start.line, located.start.column
                ));
            }
            for (related, (start, _)) in d.related.iter().zip(&located.related) {
                match &related.path {
                    None if line_len(related.span.start) <= MAX_QUOTED_LINE => {
                        labels
                            .push(Label::secondary((), related.span.range()).with_message(&related.message));
                    }
                    other => notes.push(format!(
                        "{}: {}:{}:{}",
                        related.message,
                        other.as_deref().unwrap_or(&report.path),
                        start.line,
                        start.column
                    )),
                }
            }
            if let Some(help) = &d.help {
                notes.push(format!("help: {help}"));
            }
            if let Some(fix) = &d.fix {
                notes.push(format!(
                    "fix ({}): {}",
                    applicability(fix.applicability),
                    fix.message
                ));
            }
            let diagnostic = Diagnostic::new(severity(d.severity))
                .with_code(d.rule)
                .with_message(&d.message)
                .with_labels(labels)
                .with_notes(notes);
            term::emit_to_write_style(&mut buffer, &config, &file, &diagnostic)
                .expect("rendering to memory succeeds");
        }
    }
    buffer.into_inner()
}

fn applicability(a: crate::fix::Applicability) -> &'static str {
    match a {
        crate::fix::Applicability::Safe => "safe",
        crate::fix::Applicability::Unsafe => "unsafe",
        crate::fix::Applicability::DisplayOnly => "suggestion",
    }
}
