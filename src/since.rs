//! `--since REV`: what changed in the git work tree since a revision. Only the files changed
//! since REV are linted, and only the diagnostics on their added or changed lines reported.
//! A file renamed since REV counts as changed only where its text changed; a file git does not
//! track yet (and does not ignore) counts as changed throughout.
//!
//! It asks the `git` command (`git diff --unified=0 -M REV`), which every user of this mode
//! has, rather than reimplementing diffs.

use crate::outcome::FileReport;
use std::collections::HashMap;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Debug)]
pub struct Changes {
    /// Canonical path → the 1-based lines added or changed (`None`: the whole file).
    files: HashMap<PathBuf, Option<Vec<RangeInclusive<u32>>>>,
}

fn git(root: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["-c", "core.quotePath=false"])
        .args(args)
        .output()
        .map_err(|e| format!("--since needs git: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "git {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(out.stdout)
}

impl Changes {
    /// What changed in the repository holding the current directory since `rev`.
    pub fn since(rev: &str) -> Result<Changes, String> {
        let cwd = std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
        let top = git(&cwd, &["rev-parse", "--show-toplevel"])?;
        let root = PathBuf::from(String::from_utf8_lossy(&top).trim());
        let root = root.canonicalize().unwrap_or(root);
        let diff = git(
            &root,
            &[
                "diff",
                "--no-color",
                "--no-ext-diff",
                "--unified=0",
                "-M",
                rev,
                "--",
            ],
        )?;
        let mut files = HashMap::new();
        for (path, lines) in parse_diff(&String::from_utf8_lossy(&diff)) {
            files.insert(root.join(path), Some(lines));
        }
        let untracked = git(&root, &["ls-files", "--others", "--exclude-standard", "-z"])?;
        for path in untracked.split(|&b| b == 0).filter(|p| !p.is_empty()) {
            files.insert(root.join(String::from_utf8_lossy(path).as_ref()), None);
        }
        Ok(Changes { files })
    }

    /// The changed files, canonical: the only ones to lint.
    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.files.keys().map(PathBuf::as_path)
    }

    /// Keeps the diagnostics whose span touches a changed line.
    pub fn filter(&self, file: &mut FileReport) {
        let Some(origin) = &file.origin else { return };
        let canonical = origin.canonicalize().unwrap_or_else(|_| origin.clone());
        let lines = self.files.get(&canonical);
        // A record is one line of its file: all of it changed, or none.
        let record_line = file.record.as_ref().map(|r| r.line);
        file.diagnostics.retain(|d| match (lines, record_line) {
            (None, _) => false,
            (Some(None), _) => true,
            (Some(Some(ranges)), Some(line)) => ranges
                .iter()
                .any(|r| u64::from(*r.start()) <= line && line <= u64::from(*r.end())),
            (Some(Some(ranges)), None) => ranges
                .iter()
                .any(|r| *r.start() <= d.end.line && d.start.line <= *r.end()),
        });
    }
}

/// The added lines of each file of a `git diff --unified=0` (paths relative to the root).
fn parse_diff(diff: &str) -> Vec<(String, Vec<RangeInclusive<u32>>)> {
    let mut out: Vec<(String, Vec<RangeInclusive<u32>>)> = Vec::new();
    for line in diff.lines() {
        if let Some(path) = line.strip_prefix("+++ ") {
            // `+++ /dev/null`: the file was deleted, nothing of it is left to lint.
            if let Some(path) = path.strip_prefix("b/") {
                out.push((path.to_owned(), Vec::new()));
            }
        } else if let Some(hunk) = line.strip_prefix("@@ ") {
            let Some(added) = hunk.split(' ').find_map(|part| part.strip_prefix('+')) else {
                continue;
            };
            let mut numbers = added.split(',').map(|n| n.parse::<u32>().unwrap_or(0));
            let start = numbers.next().unwrap_or(0);
            let count = numbers.next().unwrap_or(1);
            if let (Some(file), true) = (out.last_mut(), count > 0) {
                file.1.push(start..=start + count - 1);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn added_lines_per_file() {
        let diff = "diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -3,0 +4,2 @@ x\n+一\n+二\n@@ -9 +11 @@\n-旧\n+新\n@@ -20,2 +22,0 @@\n-删\n-删\n\
                    diff --git a/old.txt b/新.txt\nsimilarity index 90%\nrename from old.txt\nrename to 新.txt\n--- a/old.txt\n+++ b/新.txt\n@@ -1 +1 @@\n-x\n+y\n\
                    diff --git a/gone.txt b/gone.txt\n--- a/gone.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n";
        assert_eq!(
            parse_diff(diff),
            [
                ("a.txt".to_owned(), vec![4..=5, 11..=11]),
                ("新.txt".to_owned(), vec![1..=1])
            ]
        );
    }
}
