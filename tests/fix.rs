//! `--fix` and `--diff`: fixes that never lose text, keep each file's encoding and line
//! endings, settle in one run, and leave every file wholly old or wholly new when killed.

mod common;

use common::{newslint, repo, stderr};
use std::path::Path;
use std::process::{Command, Stdio};

fn copy_seeds(to: &Path) {
    let seeds = repo().join("seeds");
    for entry in std::fs::read_dir(seeds).unwrap().flatten() {
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

#[test]
fn fixing_seeds_settles_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    copy_seeds(dir.path());
    let before: Vec<Vec<u8>> = sorted_files(dir.path())
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect();

    let diff = newslint(&["check", "--diff", "."], dir.path());
    assert_eq!(diff.status.code(), Some(1));
    let patch = String::from_utf8(diff.stdout).unwrap();
    assert!(patch.contains("+++ b/000_bcdee26c53fe6a14.txt"));
    let after_diff: Vec<Vec<u8>> = sorted_files(dir.path())
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    assert_eq!(before, after_diff, "--diff writes nothing");

    let fix = newslint(&["check", "--fix", "--format", "jsonl", "."], dir.path());
    assert!(
        stderr(&fix).contains("fixed 425 faults in 5 files"),
        "{}",
        stderr(&fix)
    );
    // What is left has no safe fix.
    let left = String::from_utf8(fix.stdout).unwrap();
    assert!(!left.contains("\"applicability\":\"safe\""));
    // The fixed text is what the diff said it would be: apply the diff to the originals.
    let again = newslint(&["check", "--fix", "."], dir.path());
    assert!(
        stderr(&again).contains("fixed 0 faults in 0 files"),
        "{}",
        stderr(&again)
    );
    let diff = newslint(&["check", "--diff", "."], dir.path());
    assert_eq!(diff.status.code(), Some(0));
    // Nothing but fixes changed: the same characters apart from the ones a fix replaces.
    for (old, path) in before.iter().zip(sorted_files(dir.path())) {
        let old = String::from_utf8(old.clone()).unwrap();
        let new = std::fs::read_to_string(path).unwrap();
        let han = |t: &str| {
            t.chars()
                .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
                .count()
        };
        // repeated-token deletes a repeated word (two to eight characters) per fix.
        assert!(han(&old) - han(&new) <= 16, "{} lost text", old.len());
    }
}

fn sorted_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    files
}

#[test]
fn encodings_line_endings_and_unsafe_fixes() {
    let text = "他说,话语体系很好。\r\n\r\n文件结束。\r\n";
    let fixed = "他说，话语体系很好。\r\n\r\n文件结束。\r\n";
    let (gbk, _, _) = encoding_rs::GB18030.encode(text);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("gbk.txt"), &gbk).unwrap();
    std::fs::write(dir.path().join("utf16.txt"), &utf16).unwrap();
    std::fs::write(
        dir.path().join("bom.txt"),
        [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
    )
    .unwrap();
    let out = newslint(&["check", "--fix", "."], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (expected_gbk, _, _) = encoding_rs::GB18030.encode(fixed);
    assert_eq!(
        std::fs::read(dir.path().join("gbk.txt")).unwrap(),
        expected_gbk.as_ref()
    );
    let mut expected_utf16 = vec![0xFF, 0xFE];
    expected_utf16.extend(fixed.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(
        std::fs::read(dir.path().join("utf16.txt")).unwrap(),
        expected_utf16
    );
    assert_eq!(
        std::fs::read(dir.path().join("bom.txt")).unwrap(),
        [b"\xEF\xBB\xBF".as_slice(), fixed.as_bytes()].concat()
    );

    // An unsafe fix waits for --unsafe-fixes.
    let split = "发展很快。重庆高新区以群众最为关切的问题\n\n为切入点，打破部门壁垒。\n";
    std::fs::write(dir.path().join("split.txt"), split).unwrap();
    newslint(&["check", "--fix", "split.txt"], dir.path());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("split.txt")).unwrap(),
        split
    );
    newslint(&["check", "--fix", "--unsafe-fixes", "split.txt"], dir.path());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("split.txt")).unwrap(),
        "发展很快。重庆高新区以群众最为关切的问题为切入点，打破部门壁垒。\n"
    );
    let lone = newslint(&["check", "--unsafe-fixes", "."], dir.path());
    assert_eq!(lone.status.code(), Some(2));
}

#[test]
fn many_faults_settle_in_one_run() {
    // Faults next to each other, whose fixes overlap and need more than one pass.
    let mut text = String::new();
    for n in 0..200 {
        text.push_str(&format!(
            "第{n}段,他说:\"好!\"(重庆)  惠民惠民的举措\u{200B}很多. \n\n"
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("many.txt"), &text).unwrap();
    let first = newslint(&["check", "--fix", "--unsafe-fixes", "."], dir.path());
    assert!(!stderr(&first).contains("fixed 0 faults"), "{}", stderr(&first));
    let once = std::fs::read_to_string(dir.path().join("many.txt")).unwrap();
    let second = newslint(&["check", "--fix", "--unsafe-fixes", "."], dir.path());
    assert!(
        stderr(&second).contains("fixed 0 faults in 0 files"),
        "{}",
        stderr(&second)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("many.txt")).unwrap(),
        once
    );
}

/// Killing `--fix` at any moment leaves every file either as it was or wholly fixed.
#[cfg(unix)]
#[test]
fn a_killed_fix_leaves_files_whole() {
    let original = "他说,今天很好。话语体系,理论体系。(重庆)\n\n".repeat(400);
    let expected = {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), &original).unwrap();
        newslint(&["check", "--fix", "."], dir.path());
        std::fs::read_to_string(dir.path().join("a.txt")).unwrap()
    };
    assert_ne!(expected, original);
    for delay_ms in [0, 5, 15, 30, 60, 120] {
        let dir = tempfile::tempdir().unwrap();
        for n in 0..300 {
            std::fs::write(dir.path().join(format!("{n:03}.txt")), &original).unwrap();
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_newslint"))
            .args(["check", "--fix", "-j2", "."])
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        for n in 0..300 {
            let now = std::fs::read_to_string(dir.path().join(format!("{n:03}.txt"))).unwrap();
            assert!(
                now == original || now == expected,
                "file {n} is half written after {delay_ms} ms"
            );
        }
        // Any other file is a temporary one the kill left: hidden, so never linted.
        for entry in std::fs::read_dir(dir.path()).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            assert!(name.len() == 7 || name.starts_with(".newslint-"), "{name}");
        }
    }
}

#[test]
fn a_diff_with_a_lone_cr_applies_and_equals_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let text = "他说,好。\r甲乙,丙丁。\r\n第三行,有错。\n";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let out = newslint(&["check", "--isolated", "--diff", "a.txt"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    std::fs::write(dir.path().join("p.diff"), &out.stdout).unwrap();
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .status()
            .expect("git runs")
    };
    assert!(git(&["init", "-q", "."]).success());
    assert!(
        git(&["apply", "p.diff"]).success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let patched = std::fs::read(dir.path().join("a.txt")).unwrap();
    std::fs::write(dir.path().join("b.txt"), text).unwrap();
    let fixed = newslint(&["check", "--isolated", "--fix", "b.txt"], dir.path());
    assert!(fixed.status.code().is_some_and(|c| c <= 1), "{}", stderr(&fixed));
    assert_eq!(patched, std::fs::read(dir.path().join("b.txt")).unwrap());
}

#[test]
fn gb18030_lines_no_fix_touched_keep_their_bytes() {
    let dir = tempfile::tempdir().unwrap();
    // Line 1 holds the byte 80 (decoded as €, which encodes back as A2 E3) and A3 A0 (decoded
    // as U+3000, which encodes back as A1 A1); line 2 has a fault to fix.
    let (line2, _, _) = encoding_rs::GB18030.encode("他说,好。\n");
    let mut bytes = b"\xb9\xfa\x80\xa3\xa0\xb9\xfa\n".to_vec();
    bytes.extend_from_slice(&line2);
    std::fs::write(dir.path().join("g.txt"), &bytes).unwrap();
    let out = newslint(
        &[
            "check",
            "--isolated",
            "--fix",
            "--select",
            "halfwidth-punctuation",
            "g.txt",
        ],
        dir.path(),
    );
    assert!(out.status.code().is_some_and(|c| c <= 1), "{}", stderr(&out));
    let after = std::fs::read(dir.path().join("g.txt")).unwrap();
    assert!(after.starts_with(b"\xb9\xfa\x80\xa3\xa0\xb9\xfa\n"), "{after:x?}");
    let (fixed, _, _) = encoding_rs::GB18030.encode("他说，好。\n");
    assert!(after.ends_with(&fixed));
}

#[test]
fn gb18030_bytes_a_fix_did_not_touch_keep_their_bytes_on_its_line_too() {
    let dir = tempfile::tempdir().unwrap();
    // 80 (€) and A3 A0 (U+3000) on the line the fixes change, before and between them.
    let gbk = |text: &str| encoding_rs::GB18030.encode(text).0.into_owned();
    let mut bytes = gbk("他说");
    bytes.extend_from_slice(b"\x80\xa3\xa0");
    bytes.extend(gbk(",好。价格"));
    bytes.push(0x80);
    bytes.extend(gbk(",高。\n"));
    std::fs::write(dir.path().join("g.txt"), &bytes).unwrap();
    let out = newslint(
        &[
            "check",
            "--isolated",
            "--fix",
            "--select",
            "halfwidth-punctuation",
            "g.txt",
        ],
        dir.path(),
    );
    assert!(out.status.code().is_some_and(|c| c <= 1), "{}", stderr(&out));
    let mut expected = gbk("他说");
    expected.extend_from_slice(b"\x80\xa3\xa0");
    expected.extend(gbk("，好。价格"));
    expected.push(0x80);
    expected.extend(gbk("，高。\n"));
    assert_eq!(std::fs::read(dir.path().join("g.txt")).unwrap(), expected);
}
