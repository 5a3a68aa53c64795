//! `--statistics`: counts per rule, or per file.

use crate::outcome::FileReport;
use crate::rules::RULES;
use std::collections::BTreeMap;
use std::fmt::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum StatisticsBy {
    Rules,
    Files,
}

/// Counts kept while the files pass: per rule, or per file with faults.
pub struct Statistics {
    by: StatisticsBy,
    counts: BTreeMap<String, (usize, usize)>,
}

impl Statistics {
    pub fn new(by: StatisticsBy) -> Statistics {
        Statistics {
            by,
            counts: BTreeMap::new(),
        }
    }

    pub fn add(&mut self, file: &FileReport) {
        match self.by {
            StatisticsBy::Rules => {
                for d in &file.diagnostics {
                    let entry = self.counts.entry(d.diagnostic.rule.to_owned()).or_default();
                    entry.0 += 1;
                    entry.1 += usize::from(d.diagnostic.fix.is_some());
                }
            }
            StatisticsBy::Files if !file.diagnostics.is_empty() => {
                let fixable = file
                    .diagnostics
                    .iter()
                    .filter(|d| d.diagnostic.fix.is_some())
                    .count();
                let entry = self.counts.entry(file.name().into_owned()).or_default();
                entry.0 += file.diagnostics.len();
                entry.1 += fixable;
            }
            StatisticsBy::Files => {}
        }
    }

    /// The table, most frequent first, or the same as JSON.
    pub fn render(self, as_json: bool) -> String {
        let by = self.by;
        let counts = self.counts;
        let mut rows: Vec<_> = counts.into_iter().collect();
        rows.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(&b.0)));
        let key = if by == StatisticsBy::Rules { "rule" } else { "path" };
        if as_json {
            let list: Vec<_> = rows
            .iter()
            .map(|(name, (count, fixable))| {
                serde_json::json!({ key: name, "count": count, "fixable": fixable })
            })
            .collect();
            return serde_json::to_string_pretty(&list).expect("statistics serialize") + "\n";
        }
        let width = rows
            .iter()
            .map(|(_, (c, _))| c.to_string().len())
            .max()
            .unwrap_or(1);
        let mut out = String::new();
        for (name, (count, fixable)) in rows {
            let mark = if fixable > 0 { " [*]" } else { "" };
            let category = RULES
                .iter()
                .filter(|_| by == StatisticsBy::Rules)
                .find(|r| r.meta.name == name.as_str())
                .map(|r| format!(" ({})", r.meta.category.as_str()))
                .unwrap_or_default();
            let _ = writeln!(out, "{count:>width$}  {name}{category}{mark}");
        }
        out
    }
}
