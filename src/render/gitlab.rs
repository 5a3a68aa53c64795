//! GitLab's Code Quality report: a JSON array that merge requests show as new and resolved
//! findings, matched between pipelines by their fingerprints.

use crate::diagnostic::Severity;
use crate::runner::FileReport;
use serde_json::json;
use std::collections::HashMap;
use std::hash::Hasher;

pub fn gitlab(files: &[FileReport]) -> String {
    let mut issues = Vec::new();
    for file in files {
        // The same fault written twice in a file has the same context: the occurrence number
        // keeps the fingerprints unique, and stable while the file's other text moves.
        let mut seen: HashMap<u64, u32> = HashMap::new();
        for d in &file.diagnostics {
            let occurrence = seen.entry(d.fingerprint).or_default();
            let mut hasher = fnv::FnvHasher::default();
            hasher.write_u64(d.fingerprint);
            hasher.write(file.path.as_bytes());
            hasher.write_u32(*occurrence);
            *occurrence += 1;
            issues.push(json!({
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
                    "lines": {"begin": d.start.line, "end": d.end.line},
                },
            }));
        }
    }
    let mut out = serde_json::to_string_pretty(&issues).expect("issues serialize");
    out.push('\n');
    out
}
