//! GitLab's Code Quality report: a JSON array that merge requests show as new and resolved
//! findings, matched between pipelines by their fingerprints.

use crate::diagnostic::Severity;
use crate::outcome::{FileError, FileReport};
use serde_json::json;
use std::collections::HashMap;
use std::hash::Hasher;
use std::io::{self, Write};

#[derive(Default)]
pub struct Gitlab {
    written: usize,
}

impl super::Emitter for Gitlab {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"[")
    }

    fn file(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        // The same fault written twice in a file has the same context: the occurrence number
        // keeps the fingerprints unique, and stable while the file's other text moves.
        let mut seen: HashMap<u64, u32> = HashMap::new();
        for d in &file.diagnostics {
            let occurrence = seen.entry(d.fingerprint).or_default();
            let mut hasher = fnv::FnvHasher::default();
            hasher.write_u64(d.fingerprint);
            hasher.write(file.path.as_bytes());
            if let Some(record) = &file.record {
                hasher.write(record.id.as_bytes());
            }
            hasher.write_u32(*occurrence);
            *occurrence += 1;
            // A record is one line of its file, whatever lines its text has.
            let (begin, end) = match &file.record {
                Some(record) => (record.line, record.line),
                None => (u64::from(d.start.line), u64::from(d.end.line)),
            };
            let issue = json!({
                "description": d.diagnostic.message,
                "check_name": d.diagnostic.rule,
                "fingerprint": crate::fingerprint::hex(hasher.finish()),
                "severity": match d.diagnostic.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                    Severity::Info => "info",
                },
                "location": {
                    "path": file.path,
                    "lines": {"begin": begin, "end": end},
                },
            });
            out.write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
            super::write_indented_json(out, &issue, 2)?;
            self.written += 1;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _errors: &[FileError]) -> io::Result<()> {
        out.write_all(if self.written == 0 { b"]\n" } else { b"\n]\n" })
    }
}
