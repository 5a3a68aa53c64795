//! The baseline: the faults a corpus already holds, so that a CI gate fails only on new ones.
//!
//! An entry is keyed on the rule and the fingerprint of the text around the span, not on the
//! line or the path: a fault stays baselined when lines are inserted above it or its file is
//! renamed or moved. The path and a snippet are written for the reader. Entries are a
//! multiset: the same fault written twice needs two entries. The file is JSON, sorted, one
//! entry per line, so that its diffs read well; it is written atomically (`crate::atomic`).

use crate::fingerprint;
use crate::runner::FileReport;
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

#[derive(Debug)]
pub struct Baseline {
    entries: Vec<Entry>,
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
        Ok(Baseline {
            entries: file.entries,
        })
    }

    /// Removes from `files` every diagnostic the baseline holds; returns the entries that
    /// matched nothing (their faults were fixed or changed).
    pub fn filter(&self, files: &mut [FileReport]) -> Vec<Entry> {
        let mut left: HashMap<(String, String), Vec<&Entry>> = HashMap::new();
        for entry in &self.entries {
            left.entry((entry.rule.clone(), entry.fingerprint.clone()))
                .or_default()
                .push(entry);
        }
        for file in files.iter_mut() {
            file.diagnostics.retain(|d| {
                let key = (d.diagnostic.rule.to_owned(), fingerprint::hex(d.fingerprint));
                let Some(list) = left.get_mut(&key) else {
                    return true;
                };
                // An entry of the diagnostic's own path is used first, so a fault that stays in
                // its file does not take the entry of a copy elsewhere.
                let pick = list
                    .iter()
                    .position(|e| e.path == file.path)
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
        let mut stale: Vec<Entry> = left.into_values().flatten().cloned().collect();
        stale.sort();
        stale
    }
}

/// Writes every diagnostic of `files` as a baseline at `path`, atomically; returns how
/// many entries were written.
pub fn write(path: &Path, files: &[FileReport]) -> Result<usize, String> {
    let mut entries: Vec<Entry> = files
        .iter()
        .flat_map(|file| {
            file.diagnostics.iter().map(|d| Entry {
                path: file.path.clone(),
                rule: d.diagnostic.rule.to_owned(),
                fingerprint: fingerprint::hex(d.fingerprint),
                text: file
                    .source
                    .as_deref()
                    .and_then(|s| s.get(d.start.offset as usize..d.end.offset as usize))
                    .map(|t| t.chars().take(SNIPPET_CHARS).collect())
                    .unwrap_or_default(),
            })
        })
        .collect();
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
