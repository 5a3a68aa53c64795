//! The rules against the known faults of the sample corpus (`tests/data/seeds-gold.tsv`, one
//! row per known fault): every required fault found, and no diagnostic where there is none.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

#[test]
fn seeds_match_the_gold_file() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules = Command::new(env!("CARGO_BIN_EXE_newslint"))
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let rules: serde_json::Value = serde_json::from_slice(&rules.stdout).unwrap();
    let known: BTreeSet<String> = rules
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["default"].as_bool().unwrap())
        .map(|r| r["name"].as_str().unwrap().to_owned())
        .collect();

    let out = Command::new(env!("CARGO_BIN_EXE_newslint"))
        .args(["check", "--isolated", "--format", "jsonl", "seeds"])
        .current_dir(repo)
        .output()
        .unwrap();
    let diags: Vec<(String, String, u64, u64)> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let d: serde_json::Value = serde_json::from_str(l).unwrap();
            let file = Path::new(d["path"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (
                file,
                d["rule"].as_str().unwrap().to_owned(),
                d["start"]["line"].as_u64().unwrap(),
                d["end"]["line"].as_u64().unwrap(),
            )
        })
        .collect();

    let gold = std::fs::read_to_string(repo.join("tests/data/seeds-gold.tsv")).unwrap();
    let rows: Vec<(String, u64, String, bool)> = gold
        .lines()
        .skip(1)
        .map(|row| {
            let cols: Vec<&str> = row.split('\t').collect();
            (
                cols[0].to_owned(),
                cols[1].parse().unwrap(),
                cols[2].to_owned(),
                cols[3] == "1",
            )
        })
        .filter(|(_, _, rule, _)| known.contains(rule))
        .collect();

    let covers = |d: &(String, String, u64, u64), file: &str, line: u64, rule: &str| {
        d.0 == file && d.1 == rule && d.2 <= line && line <= d.3
    };
    let missed: Vec<_> = rows
        .iter()
        .filter(|(file, line, rule, required)| {
            *required && !diags.iter().any(|d| covers(d, file, *line, rule))
        })
        .collect();
    let false_alarms: Vec<_> = diags
        .iter()
        .filter(|d| {
            !rows
                .iter()
                .any(|(file, line, rule, _)| covers(d, file, *line, rule))
        })
        .collect();
    assert!(missed.is_empty(), "missed: {missed:#?}");
    assert!(false_alarms.is_empty(), "false alarms: {false_alarms:#?}");
    assert!(
        rows.iter().filter(|r| r.3).count() >= 100,
        "the gold file is scored"
    );
}
