//! `--statistics`: counts per rule, or per file.

use crate::rules::RULES;
use crate::runner::FileReport;
use std::collections::BTreeMap;
use std::fmt::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum StatisticsBy {
    Rules,
    Files,
}

pub fn statistics(files: &[FileReport], by: StatisticsBy, as_json: bool) -> String {
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    match by {
        StatisticsBy::Rules => {
            for d in files.iter().flat_map(|f| &f.diagnostics) {
                let entry = counts.entry(d.diagnostic.rule).or_default();
                entry.0 += 1;
                entry.1 += usize::from(d.diagnostic.fix.is_some());
            }
        }
        StatisticsBy::Files => {
            for f in files.iter().filter(|f| !f.diagnostics.is_empty()) {
                let fixable = f
                    .diagnostics
                    .iter()
                    .filter(|d| d.diagnostic.fix.is_some())
                    .count();
                counts.insert(&f.path, (f.diagnostics.len(), fixable));
            }
        }
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(b.0)));
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
            .find(|r| r.meta.name == name)
            .map(|r| format!(" ({})", r.meta.category.as_str()))
            .unwrap_or_default();
        let _ = writeln!(out, "{count:>width$}  {name}{category}{mark}");
    }
    out
}
