//! What a run finds, one file (or record) at a time: the diagnostics with their positions
//! resolved, and the inputs that could not be linted. Every front end renders these.

use crate::diagnostic::Diagnostic;
use crate::source::{CharCounter, LineIndex, Locator, Position};
use std::path::PathBuf;

/// A diagnostic with its positions resolved.
#[derive(Debug, Clone)]
pub struct Located {
    pub diagnostic: Diagnostic,
    pub start: Position,
    pub end: Position,
    /// (start, end) of each related span, in the same order.
    pub related: Vec<(Position, Position)>,
    /// (start, end) of each edit of the fix, in the same order.
    pub edits: Vec<(Position, Position)>,
    /// The rule and the text around the span, hashed (`fingerprint`).
    pub fingerprint: u64,
    /// Start and end in code points from the start of the text: set for records, whose
    /// readers index text by character (`text[start:end]` in Python).
    pub code_points: Option<(u64, u64)>,
}

/// A JSONL record's place: its id, and the line of the file it is on (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub id: String,
    pub line: u64,
}

/// What was found in one file, or in one record of a JSONL file.
#[derive(Debug)]
pub struct FileReport {
    /// The file's display path (`-` for standard input).
    pub path: String,
    /// Set when the text is a record of the file: positions are then in the record's text.
    pub record: Option<Record>,
    pub diagnostics: Vec<Located>,
    /// The decoded text, when `keep_source` is set and there is something to show.
    pub source: Option<String>,
    /// Its paragraphs' fingerprints, for the cross-file duplicate pass (empty otherwise).
    pub fingerprints: Vec<crate::corpus::Fingerprint>,
    /// Where it was read from (none for standard input).
    pub origin: Option<PathBuf>,
    /// Fixes applied (or, with `--diff`, that would be), per rule.
    pub fixed: std::collections::BTreeMap<&'static str, usize>,
    /// With `--diff`: the unified diff of the fixes.
    pub diff: Option<String>,
    /// Characters in the (fixed) text, for rates per 10,000 characters (0 unless counted).
    pub chars: usize,
}

/// An input that could not be linted: a file, or one line of a JSONL file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FileError {
    pub path: String,
    pub message: String,
}

impl FileReport {
    /// The name diagnostics are reported under: the path, or `path#id` for a record.
    pub fn name(&self) -> std::borrow::Cow<'_, str> {
        match &self.record {
            None => std::borrow::Cow::Borrowed(&self.path),
            Some(record) => std::borrow::Cow::Owned(format!("{}#{}", self.path, record.id)),
        }
    }
}

/// Positions for each diagnostic; with `code_points`, its offsets in code points too.
pub fn locate(
    text: &str,
    index: &LineIndex,
    diagnostics: Vec<Diagnostic>,
    code_points: bool,
) -> Vec<Located> {
    let mut locator = Locator::new(index, text);
    let mut counter = CharCounter::new(text);
    diagnostics
        .into_iter()
        .map(|d| {
            let start = locator.position(d.span.start as usize);
            let end = locator.position(d.span.end as usize);
            let mut locate =
                |range: std::ops::Range<usize>| (locator.position(range.start), locator.position(range.end));
            let related = d.related.iter().map(|r| locate(r.span.range())).collect();
            let edits = d
                .fix
                .iter()
                .flat_map(|f| &f.edits)
                .map(|e| locate(e.start as usize..e.end as usize))
                .collect();
            let fingerprint = crate::fingerprint::fingerprint(d.rule, text, d.span.range());
            let code_points = code_points.then(|| {
                let start = counter.at(d.span.start as usize);
                (start, start + text[d.span.range()].chars().count() as u64)
            });
            Located {
                diagnostic: d,
                start,
                end,
                related,
                edits,
                fingerprint,
                code_points,
            }
        })
        .collect()
}
