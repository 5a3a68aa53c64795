//! The baseline: the faults a corpus already holds, so that a CI gate fails only on new ones.
//!
//! An entry is keyed on the rule and the fingerprint of the text around the span, not on the
//! line or the path: a fault stays baselined when lines are inserted above it or its file is
//! renamed or moved. The path and a snippet are written for the reader. Entries are a
//! multiset: the same fault written twice needs two entries. The file is JSON, sorted, one
//! entry per line, so that its diffs read well; it is written atomically (`crate::atomic`).

use crate::fingerprint;
use crate::outcome::FileReport;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

const VERSION: u32 = 1;
/// Characters of the span kept as the entry's snippet.
const SNIPPET_CHARS: usize = 24;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    version: u32,
    entries: Vec<Entry>,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
    /// The start of the flagged text, for the reader; not used for matching.
    pub text: String,
}

/// The entries not yet matched by a diagnostic, by rule and fingerprint.
#[derive(Debug)]
pub struct Baseline {
    left: HashMap<(String, String), Vec<Entry>>,
}

/// The key an entry holds for a file: its path, or for a record its id (records move
/// between files when a corpus is re-sharded; their ids stay).
fn key_path(file: &FileReport) -> &str {
    file.record.as_ref().map_or(&file.path, |r| &r.id)
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read the baseline: {e}", path.display()))?;
        let file: BaselineFile = serde_json::from_str(&text)
            .map_err(|e| format!("{}: not a newslint baseline: {e}", path.display()))?;
        if file.version != VERSION {
            return Err(format!(
                "{}: baseline version {} (this newslint reads version {VERSION})",
                path.display(),
                file.version
            ));
        }
        let mut left: HashMap<(String, String), Vec<Entry>> = HashMap::new();
        for entry in file.entries {
            left.entry((entry.rule.clone(), entry.fingerprint.clone()))
                .or_default()
                .push(entry);
        }
        Ok(Baseline { left })
    }

    /// Removes from `file` every diagnostic the baseline holds, using up those entries.
    pub fn filter(&mut self, file: &mut FileReport) {
        let path = key_path(file).to_owned();
        let mut key = (String::new(), String::new());
        file.diagnostics.retain(|d| {
            key.0.clear();
            key.0.push_str(d.diagnostic.rule);
            key.1 = fingerprint::hex(d.fingerprint);
            let Some(list) = self.left.get_mut(&key) else {
                return true;
            };
            // An entry of the diagnostic's own path is used first, so a fault that stays in
            // its file does not take the entry of a copy elsewhere.
            let pick = list
                .iter()
                .position(|e| e.path == path)
                .or((!list.is_empty()).then_some(0));
            match pick {
                Some(k) => {
                    list.remove(k);
                    false
                }
                None => true,
            }
        });
    }

    /// The entries that matched nothing (their faults were fixed or changed), sorted.
    pub fn stale(self) -> Vec<Entry> {
        let mut stale: Vec<Entry> = self.left.into_values().flatten().collect();
        stale.sort();
        stale
    }
}

/// The entries of a baseline being recorded, one file at a time.
#[derive(Debug, Default)]
pub struct Recorder {
    entries: Vec<Entry>,
}

impl Recorder {
    pub fn add(&mut self, file: &FileReport) {
        let path = key_path(file);
        self.entries.extend(file.diagnostics.iter().map(|d| {
            Entry {
                path: path.to_owned(),
                rule: d.diagnostic.rule.to_owned(),
                fingerprint: fingerprint::hex(d.fingerprint),
                text: file
                    .source
                    .as_deref()
                    .and_then(|s| s.get(d.start.offset as usize..d.end.offset as usize))
                    .map(|t| t.chars().take(SNIPPET_CHARS).collect())
                    .unwrap_or_default(),
            }
        }));
    }

    /// Writes the entries as a baseline at `path`, atomically; returns how many were written.
    pub fn write(mut self, path: &Path) -> Result<usize, String> {
        let entries = &mut self.entries;
        entries.sort();
        let mut out = format!("{{\n  \"version\": {VERSION},\n  \"entries\": [");
        for (n, entry) in entries.iter().enumerate() {
            out.push_str(if n == 0 { "\n    " } else { ",\n    " });
            out.push_str(&serde_json::to_string(entry).expect("entries serialize"));
        }
        out.push_str(if entries.is_empty() {
            "]\n}\n"
        } else {
            "\n  ]\n}\n"
        });
        crate::atomic::write(path, out.as_bytes())
            .map_err(|e| format!("{}: cannot write the baseline: {e}", path.display()))?;
        Ok(entries.len())
    }
}
