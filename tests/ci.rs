//! The CI gate on a real git repository: a baseline and `--since` report only the faults a
//! change brings, not those it moves or renames.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn run(program: &str, args: &[&str], cwd: &Path) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(cwd)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", cwd)
        .output()
        .expect("the command runs")
}

fn git(args: &[&str], cwd: &Path) {
    let out = run("git", args, cwd);
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn newslint(args: &[&str], cwd: &Path) -> (Option<i32>, Vec<Value>, String) {
    let out = run(env!("CARGO_BIN_EXE_newslint"), args, cwd);
    let found = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (
        out.status.code(),
        found,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn summary(found: &[Value]) -> Vec<(String, u64, String)> {
    found
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_owned(),
                d["start"]["line"].as_u64().unwrap(),
                d["rule"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn only_new_faults_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git(&["init", "-q", "-b", "main"], repo);
    git(&["config", "user.email", "ci@example.com"], repo);
    git(&["config", "user.name", "CI"], repo);
    git(&["config", "commit.gpgsign", "false"], repo);
    std::fs::create_dir(repo.join("corpus")).unwrap();
    let story = "本报讯 今年以来，我市持续推进改革。\n\n他说,话语体系 and 理论都在发展。\n";
    std::fs::write(repo.join("corpus/a.txt"), story).unwrap();
    std::fs::write(repo.join("corpus/b.txt"), "近日,会议召开。\n").unwrap();
    git(&["add", "."], repo);
    git(&["commit", "-q", "-m", "corpus"], repo);

    let (code, _, stderr) = newslint(
        &["check", "corpus", "--write-baseline", "newslint-baseline.json"],
        repo,
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("wrote 3 entries"), "{stderr}");
    let written = std::fs::read_to_string(repo.join("newslint-baseline.json")).unwrap();
    assert!(written.starts_with("{\n  \"version\": 1,\n  \"entries\": [\n    {\"path\":\"corpus/a.txt\""));
    let (code, found, _) = newslint(
        &[
            "check",
            "corpus",
            "--baseline",
            "newslint-baseline.json",
            "--format",
            "jsonl",
        ],
        repo,
    );
    assert_eq!((code, found.len()), (Some(0), 0));
    git(&["add", "."], repo);
    git(&["commit", "-q", "-m", "baseline"], repo);

    // (a) lines inserted above a known fault, (b) a file renamed, (c) a new fault.
    std::fs::write(
        repo.join("corpus/a.txt"),
        format!("新的导语。\n\n{story}\n市场主体活力不断激发。\n"),
    )
    .unwrap();
    git(&["mv", "corpus/b.txt", "corpus/c.txt"], repo);
    std::fs::write(repo.join("corpus/d.txt"), "第二天,又开了会。\n").unwrap();
    let new_fault = vec![("corpus/d.txt".to_owned(), 1, "halfwidth-punctuation".to_owned())];

    let (code, found, _) = newslint(
        &[
            "check",
            "corpus",
            "--baseline",
            "newslint-baseline.json",
            "--format",
            "jsonl",
        ],
        repo,
    );
    assert_eq!((code, summary(&found)), (Some(1), new_fault.clone()));
    let (code, found, _) = newslint(&["check", "corpus", "--since", "HEAD", "--format", "jsonl"], repo);
    assert_eq!((code, summary(&found)), (Some(1), new_fault.clone()));

    // Committed, as a pull request's branch is: the same against the commit before it.
    git(&["add", "."], repo);
    git(&["commit", "-q", "-m", "change"], repo);
    let (_, found, _) = newslint(
        &["check", "corpus", "--since", "HEAD~1", "--format", "jsonl"],
        repo,
    );
    assert_eq!(summary(&found), new_fault);

    // A fixed fault leaves a stale entry, which is reported; rewriting drops it.
    std::fs::write(repo.join("corpus/c.txt"), "近日，会议召开。\n").unwrap();
    let (_, _, stderr) = newslint(
        &[
            "check",
            "corpus",
            "--baseline",
            "newslint-baseline.json",
            "--format",
            "jsonl",
        ],
        repo,
    );
    assert!(stderr.contains("1 baseline entry no longer occur"), "{stderr}");
    assert!(stderr.contains("corpus/b.txt: halfwidth-punctuation"), "{stderr}");
    let (code, _, stderr) = newslint(
        &["check", "corpus", "--write-baseline", "newslint-baseline.json"],
        repo,
    );
    assert_eq!(code, Some(0));
    assert!(stderr.contains("wrote 3 entries"), "{stderr}");

    // Not a git repository, or an unknown revision: a clear error, exit 2.
    let (code, _, stderr) = newslint(&["check", "corpus", "--since", "no-such-rev"], repo);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("no-such-rev"), "{stderr}");
}

/// pre-commit runs the hook's `entry` with the staged file names after it.
#[test]
fn the_pre_commit_hook_runs() {
    let hooks = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml"))
        .unwrap();
    let entry = hooks
        .lines()
        .find_map(|l| l.trim().strip_prefix("entry: "))
        .expect("the hook has an entry");
    let mut words = entry.split_whitespace();
    assert_eq!(words.next(), Some("newslint"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "他说,今天很好。\n").unwrap();
    std::fs::write(dir.path().join("b.md"), "今天很好。\n").unwrap();
    let args: Vec<&str> = words.chain(["a.txt", "b.md"]).collect();
    let out = run(env!("CARGO_BIN_EXE_newslint"), &args, dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "a.txt:1:3: warning[halfwidth-punctuation] ASCII `,` in Chinese text\n"
    );
}

/// newslint's own gate: seeds/ holds known faults, all recorded in the committed baseline.
/// A change that brings a new fault to the seeds (or a rule that starts finding one) fails
/// here until the baseline is rewritten on purpose.
#[test]
fn seeds_pass_their_committed_baseline() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = run(
        env!("CARGO_BIN_EXE_newslint"),
        &[
            "check",
            "seeds",
            "--isolated",
            "--baseline",
            "newslint-baseline.json",
            "--format",
            "github",
        ],
        repo,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(out.stdout.is_empty());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("no longer occur"));
}
