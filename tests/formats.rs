//! The CI formats: SARIF validated against the published 2.1.0 schema, GitHub workflow
//! commands, JUnit XML and GitLab Code Quality.

mod common;

use common::repo;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn newslint(args: &[&str], cwd: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_newslint"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("newslint runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The SARIF 2.1.0 schema, as the serde-sarif package (a dev-dependency, so cargo has
/// unpacked it in its registry) ships it.
fn sarif_schema() -> Value {
    let lock = std::fs::read_to_string(repo().join("Cargo.lock")).expect("Cargo.lock");
    let version = lock
        .split("[[package]]")
        .find(|p| p.contains("name = \"serde-sarif\""))
        .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = ")))
        .map(|v| v.trim_matches('"').to_owned())
        .expect("serde-sarif is locked");
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").expect("HOME")).join(".cargo"));
    let registries = std::fs::read_dir(home.join("registry/src")).expect("cargo's registry sources");
    let schema = registries
        .flatten()
        .map(|r| r.path().join(format!("serde-sarif-{version}/src/schema.json")))
        .find(|p| p.is_file())
        .expect("the schema ships with serde-sarif");
    let schema = std::fs::read_to_string(&schema).expect("the schema is readable");
    serde_json::from_str(&schema).expect("the schema is JSON")
}

#[test]
fn sarif_validates_against_the_schema() {
    let log: Value =
        serde_json::from_str(&newslint(&["check", "--format", "sarif", "seeds"], repo())).unwrap();
    let schema = sarif_schema();
    assert!(schema["title"].as_str().unwrap().contains("2.1.0"));
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .take(5)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The validator does reject a bad log.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));

    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| {
        r["id"] == "split-paragraph"
            && r["help"]["markdown"]
                .as_str()
                .unwrap()
                .contains("## What it does")
    }));
    let results = run["results"].as_array().unwrap();
    assert!(results.len() > 100);
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
    // A fix is a replacement of a region; a related span names its place.
    assert!(results.iter().any(|r| {
        r["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"]["startLine"].is_u64()
    }));
    assert!(
        results
            .iter()
            .any(|r| r["relatedLocations"][0]["message"]["text"].is_string())
    );
}

#[test]
fn github_annotations_escape_their_fields() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a,b.txt"), "他说,今天很好。\n").unwrap();
    let out = newslint(&["check", "--format", "github", "."], dir.path());
    assert_eq!(
        out,
        "::warning file=a%2Cb.txt,line=1,endLine=1,col=3,endColumn=4,title=newslint (halfwidth-punctuation)::ASCII `,` in Chinese text\n"
    );
}

#[test]
fn junit_has_a_case_per_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.txt"), "他说,<今天>很好。\n").unwrap();
    std::fs::write(dir.path().join("good.txt"), "今天很好。\n").unwrap();
    let out = newslint(&["check", "--format", "junit", "."], dir.path());
    assert!(out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"newslint\" tests=\"2\" failures=\"1\" errors=\"0\">"));
    assert!(out.contains("<testcase name=\"good.txt\" classname=\"newslint\"/>"));
    assert!(out.contains("<failure type=\"halfwidth-punctuation\" message=\"ASCII `,` in Chinese text\">bad.txt:1:3: warning[halfwidth-punctuation]"));
    assert!(!out.contains("<今天>"));
}

#[test]
fn gitlab_fingerprints_are_unique_and_survive_moves() {
    let dir = tempfile::tempdir().unwrap();
    let text = "他说,今天很好。他说,今天很好。\n";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let before: Value =
        serde_json::from_str(&newslint(&["check", "--format", "gitlab", "."], dir.path())).unwrap();
    let prints: Vec<&str> = before
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(prints.len(), 2);
    assert_ne!(prints[0], prints[1]);
    assert_eq!(before[0]["location"]["lines"]["begin"], 1);
    assert_eq!(before[0]["severity"], "minor");
    std::fs::write(dir.path().join("a.txt"), format!("标题\n\n{text}")).unwrap();
    let after: Value =
        serde_json::from_str(&newslint(&["check", "--format", "gitlab", "."], dir.path())).unwrap();
    assert_eq!(after[0]["location"]["lines"]["begin"], 3);
    assert_eq!(after[0]["fingerprint"], before[0]["fingerprint"]);
    assert_eq!(after[1]["fingerprint"], before[1]["fingerprint"]);
}

#[test]
fn files_that_could_not_be_linted_show_in_the_ci_formats() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.txt"), b"\x00\x01binary").unwrap();
    std::fs::write(dir.path().join("good.txt"), "他说,好。\n").unwrap();
    let run = |format: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_newslint"))
            .args(["check", "--isolated", "--format", format, "bad.txt", "good.txt"])
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8(out.stdout).unwrap()
    };
    let github = run("github");
    assert!(
        github
            .lines()
            .any(|l| l.starts_with("::error file=bad.txt,") && l.contains("binary"))
    );
    let junit = run("junit");
    assert!(junit.contains("<testcase name=\"bad.txt\"") && junit.contains("<error type=\"not-linted\""));
    assert!(junit.contains("errors=\"1\""));
    let log: Value = serde_json::from_str(&run("sarif")).unwrap();
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let note = &invocation["toolExecutionNotifications"][0];
    assert_eq!(note["level"], "error");
    assert!(note["message"]["text"].as_str().unwrap().contains("bad.txt"));
    let validator = jsonschema::options().build(&sarif_schema()).unwrap();
    assert!(validator.is_valid(&log));
}

#[test]
fn a_newline_in_a_file_name_stays_on_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a\nb.txt"), "他说,好。\n").unwrap();
    let concise = newslint(&["check", "--isolated", "--format", "concise", "."], dir.path());
    assert_eq!(concise.lines().count(), 1, "{concise}");
    assert!(concise.starts_with("a\\nb.txt:1:3: "), "{concise}");
    let junit = newslint(&["check", "--isolated", "--format", "junit", "."], dir.path());
    assert!(junit.contains("name=\"a&#10;b.txt\""), "{junit}");
    // JSON keeps the real name.
    let json = newslint(&["check", "--isolated", "--format", "jsonl", "."], dir.path());
    let d: Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    assert_eq!(d["path"], "a\nb.txt");
}
