//! `--records`: JSONL input, plain, gzip, zstd and on standard input; ids, offsets in code
//! points, bad lines, shards, baselines and corpus duplicates over records.

mod common;

use common::{newslint, repo, stderr, stdout};
use serde_json::{Value, json};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

fn jsonl(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// A seed: a real article with real faults.
fn seed_text() -> String {
    std::fs::read_to_string(repo().join("seeds/001_bb7f34cc3301b520.txt")).unwrap()
}

fn write_records(path: &Path, records: &[Value]) {
    let mut text = String::new();
    for r in records {
        text.push_str(&serde_json::to_string(r).unwrap());
        text.push('\n');
    }
    std::fs::write(path, text).unwrap();
}

/// Records each with one ASCII comma in Chinese text, at a place after non-ASCII text (so
/// that bytes and code points differ).
fn comma_records(n: usize) -> Vec<Value> {
    (0..n)
        .map(|i| json!({"id": format!("r{i}"), "text": format!("第{i}条消息：今天天气很好,大家都出门了。\n\n第二段落写得很完整。")}))
        .collect()
}

#[test]
fn diagnostics_carry_the_record_its_line_and_offsets_in_code_points() {
    let dir = tempfile::tempdir().unwrap();
    let records = [
        json!({"meta": {"id": 7}, "body": "他说:今天天气很好,大家都出门了。"}),
        json!({"meta": {"id": "b"}, "body": "这是干净的一段话。"}),
        json!({"meta": {"id": "c"}, "body": "第一段。\n\n第二段写了半角括号(这里)。"}),
    ];
    write_records(&dir.path().join("a.jsonl"), &records);
    let out = newslint(
        &[
            "check",
            "--isolated",
            "--records",
            "--id-field",
            "meta.id",
            "--text-field",
            "body",
            "--format",
            "jsonl",
            "a.jsonl",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let diags = jsonl(&stdout(&out));
    assert!(!diags.is_empty());
    for d in &diags {
        let line = d["record_line"].as_u64().unwrap() as usize;
        let text = records[line - 1]["body"].as_str().unwrap();
        let chars: Vec<char> = text.chars().collect();
        let (start, end) = (
            d["record_offset"]["start"].as_u64().unwrap() as usize,
            d["record_offset"]["end"].as_u64().unwrap() as usize,
        );
        let (byte_start, byte_end) = (
            d["start"]["offset"].as_u64().unwrap() as usize,
            d["end"]["offset"].as_u64().unwrap() as usize,
        );
        // The same span by code points and by bytes of the record's text.
        assert_eq!(
            chars[start..end].iter().collect::<String>(),
            text[byte_start..byte_end]
        );
        assert_eq!(d["path"], "a.jsonl");
    }
    let ids: Vec<&str> = diags.iter().map(|d| d["record"].as_str().unwrap()).collect();
    assert!(
        ids.contains(&"7") && ids.contains(&"c") && !ids.contains(&"b"),
        "{ids:?}"
    );
    // Lines and columns are counted in the record's text: the bracket is on its line 3.
    let bracket = diags.iter().find(|d| d["record"] == "c").unwrap();
    assert_eq!(bracket["start"]["line"], 3);
    let concise = newslint(
        &[
            "check",
            "--isolated",
            "--records",
            "--id-field",
            "meta.id",
            "--text-field",
            "body",
            "a.jsonl",
        ],
        dir.path(),
    );
    assert!(
        stdout(&concise).starts_with("a.jsonl#7:1:3: warning[halfwidth-punctuation]"),
        "{}",
        stdout(&concise)
    );
}

#[test]
fn a_bad_line_is_one_error_and_the_other_records_are_linted() {
    let dir = tempfile::tempdir().unwrap();
    let good = serde_json::to_string(&json!({"id": "ok", "text": "他说:好。"})).unwrap();
    let text = format!(
        "{good}\nnot json at all\n{{\"text\": \"没有编号。\"}}\n{{\"id\": \"n\", \"text\": 5}}\n[1]\n\n{}\n",
        good.replace("ok", "ok2")
    );
    std::fs::write(dir.path().join("a.jsonl"), text).unwrap();
    let out = newslint(
        &["check", "--isolated", "--records", "--format", "jsonl", "a.jsonl"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let ids: Vec<String> = jsonl(&stdout(&out))
        .iter()
        .map(|d| d["record"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["ok", "ok2"]);
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 4, "{err}");
    assert!(
        lines[0].starts_with("newslint: a.jsonl: line 2: not a JSON object"),
        "{err}"
    );
    assert!(lines[1].contains("line 3: no id field `id`"), "{err}");
    assert!(
        lines[2].contains("line 4: the text field `text` is not a string"),
        "{err}"
    );
    assert!(lines[3].contains("line 5: not a JSON object"), "{err}");
}

#[test]
fn gzip_zstd_and_standard_input_give_the_same_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let mut records = comma_records(30);
    records.push(json!({"id": "seed", "text": seed_text()}));
    let plain = dir.path().join("a.jsonl");
    write_records(&plain, &records);
    let bytes = std::fs::read(&plain).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&bytes).unwrap();
    std::fs::write(dir.path().join("b.jsonl.gz"), gz.finish().unwrap()).unwrap();
    let zst = ruzstd::encoding::compress_to_vec(&bytes[..], ruzstd::encoding::CompressionLevel::Fastest);
    std::fs::write(dir.path().join("c.jsonl.zst"), &zst).unwrap();
    let run = |file: &str| {
        let out = newslint(
            &["check", "--isolated", "--records", "--format", "jsonl", file],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        stdout(&out).replace(&format!("\"path\":\"{file}\""), "\"path\":\"X\"")
    };
    let expected = run("a.jsonl");
    assert!(jsonl(&expected).len() > 30);
    assert_eq!(run("b.jsonl.gz"), expected);
    assert_eq!(run("c.jsonl.zst"), expected);
    let mut child = Command::new(env!("CARGO_BIN_EXE_newslint"))
        .args(["check", "--isolated", "--records", "--format", "jsonl", "-"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&zst).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(stdout(&out).replace("\"path\":\"-\"", "\"path\":\"X\""), expected);
    // A directory yields its JSONL files, compressed or not, and no other file.
    std::fs::write(dir.path().join("notes.txt"), "他说:好。").unwrap();
    let walked = newslint(
        &["check", "--isolated", "--records", "--format", "jsonl", "."],
        dir.path(),
    );
    let paths: std::collections::BTreeSet<String> = jsonl(&stdout(&walked))
        .iter()
        .map(|d| d["path"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        paths.into_iter().collect::<Vec<_>>(),
        ["a.jsonl", "b.jsonl.gz", "c.jsonl.zst"]
    );
}

#[test]
fn shards_cover_the_records_and_the_files_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    write_records(&dir.path().join("one.jsonl"), &comma_records(60));
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["check", "--isolated", "--records", "--format", "jsonl"];
        all.extend(args);
        jsonl(&stdout(&newslint(&all, dir.path())))
            .iter()
            .map(|d| {
                format!(
                    "{}#{}",
                    d["path"].as_str().unwrap(),
                    d["record"].as_str().unwrap()
                )
            })
            .collect()
    };
    let whole = ids(&["one.jsonl"]);
    assert_eq!(whole.len(), 60);
    let mut union = Vec::new();
    for i in 0..4 {
        let shard = ids(&["--shard", &format!("{i}/4"), "one.jsonl"]);
        assert!(
            !shard.is_empty() && shard.len() < 60,
            "shard {i}: {}",
            shard.len()
        );
        union.extend(shard);
    }
    union.sort();
    let mut expected = whole.clone();
    expected.sort();
    assert_eq!(union, expected);
    // Several inputs are sharded by path: each file goes whole to one shard.
    for k in 0..7 {
        write_records(&dir.path().join(format!("f{k}.jsonl")), &comma_records(2));
    }
    std::fs::remove_file(dir.path().join("one.jsonl")).unwrap();
    let mut files = Vec::new();
    for i in 0..3 {
        let shard = ids(&["--shard", &format!("{i}/3"), "."]);
        let mut paths: Vec<String> = shard
            .iter()
            .map(|id| id.split('#').next().unwrap().to_owned())
            .collect();
        paths.dedup();
        assert_eq!(shard.len(), paths.len() * 2);
        files.extend(paths);
    }
    files.sort();
    assert_eq!(files, (0..7).map(|k| format!("f{k}.jsonl")).collect::<Vec<_>>());
    let bad = newslint(&["check", "--shard", "4/4", "."], dir.path());
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("0 <= I < N"), "{}", stderr(&bad));
}

#[test]
fn output_is_the_same_for_one_thread_and_two_on_records() {
    let dir = tempfile::tempdir().unwrap();
    let mut records = comma_records(200);
    for (k, entry) in std::fs::read_dir(repo().join("seeds")).unwrap().enumerate() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        records.insert(k * 37, json!({"id": format!("seed{k}"), "text": text}));
    }
    write_records(&dir.path().join("a.jsonl"), &records);
    let run = |threads: &str| {
        let out = newslint(
            &[
                "check",
                "--isolated",
                "--records",
                "--duplicates",
                "corpus",
                "--format",
                "json",
                "-j",
                threads,
                "a.jsonl",
            ],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        out.stdout
    };
    let one = run("1");
    assert!(one.len() > 10_000);
    assert_eq!(one, run("2"));
}

#[test]
fn corpus_duplicates_baselines_and_reports_work_on_records() {
    let dir = tempfile::tempdir().unwrap();
    let paragraph = "会上还发布了数字重庆建设场景机会首批清单。代小红表示，今年是数字重庆建设“三年形成基本能力”的关键之年，发布场景机会清单，旨在加大应用场景供给。";
    let records = [
        json!({"id": "first", "text": format!("本报讯 今天开会。\n\n{paragraph}\n")}),
        json!({"id": "second", "text": format!("另一篇报道的开头。\n\n{paragraph}\n\n他说:好。\n")}),
    ];
    write_records(&dir.path().join("a.jsonl"), &records);
    let args = [
        "check",
        "--isolated",
        "--records",
        "--duplicates",
        "corpus",
        "--format",
        "jsonl",
        "a.jsonl",
    ];
    let diags = jsonl(&stdout(&newslint(&args, dir.path())));
    let copy = diags
        .iter()
        .find(|d| d["rule"] == "duplicated-block")
        .expect("the second record's copy is found");
    assert_eq!(copy["record"], "second");
    assert!(
        copy["message"].as_str().unwrap().contains("a.jsonl#first"),
        "{copy}"
    );
    // A baseline holds the record's id in place of the path; it silences every fault.
    let written = newslint(
        &[
            "check",
            "--isolated",
            "--records",
            "--duplicates",
            "corpus",
            "--write-baseline",
            "base.json",
            "a.jsonl",
        ],
        dir.path(),
    );
    assert_eq!(written.status.code(), Some(0), "{}", stderr(&written));
    let base: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("base.json")).unwrap()).unwrap();
    assert!(
        base["entries"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["path"] == "second"),
        "{base}"
    );
    let mut gated: Vec<&str> = args.to_vec();
    gated.extend(["--baseline", "base.json"]);
    let gated = newslint(&gated, dir.path());
    assert_eq!(gated.status.code(), Some(0), "{}", stderr(&gated));
    assert_eq!(stdout(&gated), "");
    let report = newslint(
        &[
            "report",
            "--isolated",
            "--records",
            "--format",
            "json",
            "-o",
            "-",
            "a.jsonl",
        ],
        dir.path(),
    );
    let figures: Value = serde_json::from_str(&stdout(&report)).unwrap();
    assert_eq!(figures["files"], 2);
    assert_eq!(figures["worst_files"][0]["path"], "a.jsonl#second");
    let example = &figures["rules"][0]["examples"][0];
    assert_eq!(example["text"], ":");
    assert_eq!(example["path"], "a.jsonl#second");
}

#[test]
fn output_goes_to_a_file_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    write_records(&dir.path().join("a.jsonl"), &comma_records(5));
    let out = newslint(
        &[
            "check",
            "--isolated",
            "--records",
            "--format",
            "jsonl",
            "--output",
            "out.jsonl",
            "a.jsonl",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
    assert_eq!(
        jsonl(&std::fs::read_to_string(dir.path().join("out.jsonl")).unwrap()).len(),
        5
    );
    let nowhere = newslint(
        &[
            "check",
            "--isolated",
            "--records",
            "--output",
            "missing/out.jsonl",
            "a.jsonl",
        ],
        dir.path(),
    );
    assert_eq!(nowhere.status.code(), Some(2));
    assert!(
        stderr(&nowhere).contains("cannot write the output"),
        "{}",
        stderr(&nowhere)
    );
    // Nothing is left behind but the input and the first output.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    let fix = newslint(
        &["check", "--isolated", "--records", "--fix", "a.jsonl"],
        dir.path(),
    );
    assert_eq!(fix.status.code(), Some(2));
    assert!(stderr(&fix).contains("--records"), "{}", stderr(&fix));
}
