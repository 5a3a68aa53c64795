//! End-to-end tests of the `newslint` binary: outputs, exit codes, spans, bad inputs, config.

mod common;

use common::{newslint, repo, stderr, stdout};
use serde_json::Value;
use std::process::{Command, Output, Stdio};
use tempfile::TempDir;

fn jsonl(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn dir_with(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

#[test]
fn seeds_give_findings_and_exit_1() {
    let out = newslint(&["check", "--isolated", "--format", "jsonl", "seeds"], repo());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let diags = jsonl(&out);
    assert!(diags.len() > 50);
    for d in &diags {
        for key in [
            "path", "rule", "severity", "message", "start", "end", "related", "help", "fix",
        ] {
            assert!(d.get(key).is_some(), "missing {key} in {d}");
        }
    }
    let exit_zero = newslint(
        &[
            "check",
            "--isolated",
            "--exit-zero",
            "--format",
            "concise",
            "seeds",
        ],
        repo(),
    );
    assert_eq!(exit_zero.status.code(), Some(0));
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let one = newslint(
        &["check", "--isolated", "--format", "json", "-j", "1", "seeds"],
        repo(),
    );
    let many = newslint(
        &["check", "--isolated", "--format", "json", "-j", "8", "seeds"],
        repo(),
    );
    assert_eq!(one.stdout, many.stdout);
    let json: Value = serde_json::from_slice(&one.stdout).unwrap();
    let keys: Vec<(String, u64)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_owned(),
                d["start"]["offset"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "sorted by path, then position");
}

/// The JSON positions of the first diagnostic of `rule` in `bytes`.
fn first_position(bytes: &[u8], rule: &str) -> (Value, Value) {
    let dir = dir_with(&[("a.txt", bytes)]);
    let out = newslint(
        &[
            "check",
            "--isolated",
            "--format",
            "jsonl",
            "--select",
            rule,
            "a.txt",
        ],
        dir.path(),
    );
    let diags = jsonl(&out);
    assert!(
        !diags.is_empty(),
        "no {rule} in {:?}: {}",
        String::from_utf8_lossy(bytes),
        stderr(&out)
    );
    (diags[0]["start"].clone(), diags[0]["end"].clone())
}

#[test]
fn spans_are_exact_with_bom_crlf_and_extension_b() {
    // 𠀀 is a 4-byte character of CJK Extension B: one column, four bytes.
    let text = "第一段。\n\n𠀀𠀀发展,他们";
    let (start, end) = first_position(text.as_bytes(), "halfwidth-punctuation");
    let offset = text.find(',').unwrap() as u64;
    assert_eq!(
        start,
        serde_json::json!({"line": 3, "column": 5, "offset": offset})
    );
    assert_eq!(
        end,
        serde_json::json!({"line": 3, "column": 6, "offset": offset + 1})
    );

    let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    assert_eq!(
        first_position(&with_bom, "halfwidth-punctuation").0,
        start,
        "offsets are after the BOM"
    );

    let crlf = text.replace('\n', "\r\n");
    let (s, _) = first_position(crlf.as_bytes(), "halfwidth-punctuation");
    assert_eq!(
        (s["line"].clone(), s["column"].clone()),
        (start["line"].clone(), start["column"].clone())
    );
    assert_eq!(s["offset"].as_u64().unwrap(), crlf.find(',').unwrap() as u64);
}

#[test]
fn concise_format_is_path_line_column() {
    let dir = dir_with(&[("a.txt", "第一段。\n\n发展,他们来了。".as_bytes())]);
    let out = newslint(
        &["check", "--isolated", "--format", "concise", "a.txt"],
        dir.path(),
    );
    assert_eq!(
        stdout(&out),
        "a.txt:3:3: warning[halfwidth-punctuation] ASCII `,` in Chinese text\n"
    );
}

/// `newslint check --format full` on one file, without colors.
fn full_format_of(dir: &std::path::Path, file: &str) -> Output {
    newslint(
        &[
            "check",
            "--isolated",
            "--format",
            "full",
            "--color",
            "never",
            file,
        ],
        dir,
    )
}

#[test]
fn full_format_underlines_double_width_characters() {
    let dir = dir_with(&[("a.txt", "推动经济\u{FFFD}\u{FFFD}发展。\n".as_bytes())]);
    let out = full_format_of(dir.path(), "a.txt");
    let text = stdout(&out);
    assert!(text.contains("error[garbled-text]"), "{text}");
    assert!(text.contains("┌─ a.txt:1:5"), "{text}");
    // Two replacement characters are one column each; the caret line starts after the
    // four double-width characters before them (eight columns).
    let caret_line = text.lines().find(|l| l.contains('^')).expect("a caret line");
    let after_bar = caret_line.split('│').nth(1).unwrap();
    assert_eq!(after_bar.find('^'), Some(1 + 8), "{text}");
}

#[test]
fn standard_input_is_named_by_stdin_filename() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newslint"))
        .args([
            "check",
            "--isolated",
            "--format",
            "concise",
            "--stdin-filename",
            "稿件.txt",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all("话语体系 and 理论。".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).starts_with("稿件.txt:1:6: warning[stray-latin]"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn encodings_are_detected() {
    let (gbk, _, _) = encoding_rs::GB18030.encode("重庆日报,记者报道。");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("重庆日报,记者。".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let dir = dir_with(&[("gbk.txt", &gbk), ("utf16.txt", &utf16)]);
    let out = newslint(&["check", "--isolated", "--format", "concise", "."], dir.path());
    assert_eq!(
        stdout(&out),
        "gbk.txt:1:5: warning[halfwidth-punctuation] ASCII `,` in Chinese text\n\
         utf16.txt:1:5: warning[halfwidth-punctuation] ASCII `,` in Chinese text\n"
    );
    let forced = newslint(
        &["check", "--isolated", "--encoding", "utf-8", "gbk.txt"],
        dir.path(),
    );
    assert_eq!(forced.status.code(), Some(2));
    assert!(
        stderr(&forced).contains("gbk.txt: cannot decode as UTF-8"),
        "{}",
        stderr(&forced)
    );
}

#[test]
fn bad_inputs_are_reported_per_file_and_the_rest_is_linted() {
    let dir = dir_with(&[
        ("bad.txt", b"\xFF\xFE\xFD\x80\x80abc\xFF"),
        ("binary.txt", b"PK\x03\x04\x00\x00\x00"),
        ("empty.txt", b""),
        ("good.txt", "发展,他们".as_bytes()),
    ]);
    let out = newslint(&["check", "--isolated", "--format", "concise", "."], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    // The binary file met while walking is skipped quietly; bad.txt is UTF-16 by its BOM
    // and decodes to garbage, or fails: either way nothing panics and good.txt is linted.
    assert!(!err.contains("binary.txt"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(stdout(&out).contains("good.txt:1:3"));

    let named = newslint(
        &["check", "--isolated", "binary.txt", "good.txt", "missing.txt"],
        dir.path(),
    );
    assert_eq!(named.status.code(), Some(2));
    let err = stderr(&named);
    assert!(err.contains("newslint: binary.txt: binary file"), "{err}");
    assert!(
        err.contains("newslint: missing.txt: no such file or directory"),
        "{err}"
    );

    let undecodable = dir_with(&[("latin.txt", b"caf\xE9 \xFF\xFF")]);
    let out = newslint(&["check", "--isolated", "latin.txt"], undecodable.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("latin.txt: cannot decode as UTF-8 or GB18030"),
        "{}",
        stderr(&out)
    );

    let empty = newslint(&["check", "--isolated", "empty.txt"], dir.path());
    assert_eq!(empty.status.code(), Some(0), "{}", stderr(&empty));
}

#[test]
fn unreadable_files_are_errors() {
    let dir = dir_with(&[("good.txt", "好。".as_bytes())]);
    std::os::unix::fs::symlink("nowhere.txt", dir.path().join("dangling.txt")).unwrap();
    let out = newslint(&["check", "--isolated", "dangling.txt", "good.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("dangling.txt: no such file or directory"),
        "{}",
        stderr(&out)
    );

    // A directory where a file is expected is read as a directory (walked), and a file
    // without read permission is an error (unless running as root, which can read it).
    let locked = dir.path().join("locked.txt");
    std::fs::write(&locked, "好。").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_err() {
        let out = newslint(&["check", "--isolated", "locked.txt"], dir.path());
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("locked.txt: permission denied"));
    }
}

#[test]
fn a_fifty_megabyte_line_is_linted() {
    // 50 MB of common Han characters that never repeat side by side, then one fault at the
    // end. (Characters drawn from the whole Han block would be garbled text: the GBK bytes of
    // rare ones decode as UTF-8 here and there.)
    let common: Vec<char> = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严".chars().collect();
    let mut text: String = (0..50 * 1024 * 1024 / 3)
        .map(|i: usize| common[(i * 7919 + 1) % common.len()])
        .collect();
    text.push_str("结束,好。");
    let dir = dir_with(&[("long.txt", text.as_bytes())]);
    let out = newslint(
        &["check", "--isolated", "--format", "jsonl", "long.txt"],
        dir.path(),
    );
    let diags = jsonl(&out);
    assert_eq!(diags.len(), 1, "{}", stderr(&out));
    let chars = text.chars().count() as u64;
    assert_eq!(diags[0]["start"]["column"].as_u64(), Some(chars - 2));
    let full = newslint(
        &["check", "--isolated", "--format", "full", "long.txt"],
        dir.path(),
    );
    assert!(stdout(&full).len() < 10_000, "a huge line is not quoted whole");
}

#[test]
fn symlink_loops_do_not_hang() {
    let dir = dir_with(&[("corpus/a.txt", "发展,他们".as_bytes())]);
    std::os::unix::fs::symlink("..", dir.path().join("corpus/loop")).unwrap();
    let plain = newslint(
        &["check", "--isolated", "--format", "concise", "corpus"],
        dir.path(),
    );
    assert_eq!(plain.status.code(), Some(1), "{}", stderr(&plain));
    assert_eq!(stdout(&plain).lines().count(), 1);
    let followed = newslint(
        &["check", "--isolated", "--follow", "--format", "concise", "corpus"],
        dir.path(),
    );
    assert_eq!(followed.status.code(), Some(2));
    assert!(
        stderr(&followed).contains("symbolic link loop"),
        "{}",
        stderr(&followed)
    );
    assert!(stdout(&followed).contains("corpus/a.txt:1:3"));
}

#[test]
fn gitignore_and_extensions_are_respected() {
    let dir = dir_with(&[
        (".gitignore", b"skipped/\n"),
        ("skipped/a.txt", "发展,他们".as_bytes()),
        ("kept/b.md", "发展,他们".as_bytes()),
        ("kept/c.html", "发展,他们".as_bytes()),
    ]);
    let out = newslint(&["check", "--isolated", "--format", "concise", "."], dir.path());
    assert_eq!(
        stdout(&out),
        "kept/b.md:1:3: warning[halfwidth-punctuation] ASCII `,` in Chinese text\n"
    );
    let html = newslint(
        &[
            "check",
            "--isolated",
            "--format",
            "concise",
            "--extension",
            "html",
            ".",
        ],
        dir.path(),
    );
    assert!(stdout(&html).starts_with("kept/c.html:1:3"));
}

#[test]
fn configuration_selects_ignores_and_sets_severity() {
    let config = br#"
select = ["characters"]
ignore = ["stray-latin"]
extend-select = ["ascii-range-dash"]

[severity]
halfwidth-punctuation = "error"

[per-file-ignores]
"archive/**" = ["halfwidth-punctuation"]
"#;
    let text = "今年1-8月,话语体系 and 理论。".as_bytes();
    let dir = dir_with(&[
        ("newslint.toml", config),
        ("a.txt", text),
        ("archive/b.txt", text),
    ]);
    let out = newslint(&["check", "--format", "concise", "."], dir.path());
    assert_eq!(
        stdout(&out),
        "a.txt:1:4: warning[ascii-range-dash] ASCII hyphen used for a range\n\
         a.txt:1:7: error[halfwidth-punctuation] ASCII `,` in Chinese text\n\
         archive/b.txt:1:4: warning[ascii-range-dash] ASCII hyphen used for a range\n"
    );
    let fail_on_error = newslint(&["check", "--fail-on", "error", "archive"], dir.path());
    assert_eq!(fail_on_error.status.code(), Some(0));
    let cli_select = newslint(
        &["check", "--format", "concise", "--select", "stray-latin", "a.txt"],
        dir.path(),
    );
    assert_eq!(
        stdout(&cli_select),
        "a.txt:1:13: warning[stray-latin] English word `and` in Chinese text\n"
    );
}

#[test]
fn configuration_errors_name_the_key() {
    for (config, expected) in [
        ("selct = []", "selct"),
        ("[severity]\nstray-latn = \"error\"", "stray-latn"),
        ("select = [\"nothing\"]", "nothing"),
        ("[rules.stray-latin]\nextend-alowed = []", "extend-alowed"),
    ] {
        let dir = dir_with(&[("newslint.toml", config.as_bytes()), ("a.txt", "好。".as_bytes())]);
        let out = newslint(&["check", "a.txt"], dir.path());
        assert_eq!(out.status.code(), Some(2), "{config}");
        assert!(stderr(&out).contains(expected), "{config}: {}", stderr(&out));
    }
    let out = newslint(&["check", "--select", "nope", "."], repo());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn statistics_count_per_rule_and_per_file() {
    let out = newslint(&["check", "--isolated", "--statistics", "seeds"], repo());
    let text = stdout(&out);
    assert!(
        text.lines()
            .next()
            .unwrap()
            .contains("halfwidth-punctuation (characters) [*]"),
        "{text}"
    );
    let files = newslint(
        &[
            "check",
            "--isolated",
            "--statistics=files",
            "--format",
            "json",
            "seeds",
        ],
        repo(),
    );
    let json: Value = serde_json::from_slice(&files.stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 5);
    assert!(json[0]["path"].as_str().unwrap().starts_with("seeds/"));
}

#[test]
fn rules_and_rule_documentation() {
    let out = newslint(&["rules"], repo());
    let text = stdout(&out);
    assert!(text.contains("ascii-range-dash") && text.contains("pedantic"));
    let page = newslint(&["rule", "repeated-token"], repo());
    let page = stdout(&page);
    for section in [
        "## What it does",
        "## Why is this bad",
        "## Example",
        "## Fix safety",
    ] {
        assert!(page.contains(section), "{page}");
    }
    assert_eq!(newslint(&["rule", "nope"], repo()).status.code(), Some(2));
}

#[test]
fn readme_rule_table_is_generated_from_the_rules() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let start = readme.find("<!-- rules-table:start -->\n").expect("start marker") + 27;
    let end = readme.find("<!-- rules-table:end -->").expect("end marker");
    let table = stdout(&newslint(&["rules", "--format", "markdown"], repo()));
    assert_eq!(
        &readme[start..end],
        table,
        "README's rule table is stale: replace it with `newslint rules --format markdown`"
    );
}

#[test]
fn duplicates_across_files_only_when_asked() {
    let story = "市场治理重点领域，破解传统手段难以解决的顽疾。三是赋能重点领域改革攻坚；四是解决群众急难愁盼问题，明显增强群众获得感。";
    let other = "会上还发布了数字重庆建设场景机会首批清单，旨在通过搭建场景机会平台，加大应用场景供给。";
    let first = format!("标题\n\n{story}\n\n{other}\n");
    let near = story.replacen("市场", "市", 1);
    let second = format!("另一篇\n\n{other}\n\n{near}\n\n本报讯 记者 张三\n");
    let dir = dir_with(&[
        ("a.txt", first.as_bytes()),
        ("b.txt", second.as_bytes()),
        ("c.txt", "本报讯 记者 张三\n".as_bytes()),
    ]);
    let args = ["check", "--format", "jsonl", "--select", "duplicated-block", "."];
    // Off by default: no file has a copy within itself.
    let out = newslint(&args, dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));

    let out = newslint(&[&args[..], &["--duplicates", "corpus"]].concat(), dir.path());
    assert_eq!(out.status.code(), Some(1));
    let found = jsonl(&out);
    assert_eq!(found.len(), 2, "{}", stdout(&out));
    let exact = &found[0];
    assert_eq!(exact["path"], "b.txt");
    assert_eq!(exact["start"]["line"], 3);
    assert!(
        exact["message"]
            .as_str()
            .unwrap()
            .starts_with("paragraph repeats a paragraph of a.txt")
    );
    assert_eq!(exact["related"][0]["path"], "a.txt");
    assert_eq!(exact["related"][0]["start"]["line"], 5);
    assert_eq!(exact["related"][0]["start"]["offset"], first.find(other).unwrap());
    assert!(exact["fix"].is_null());
    let nearly = &found[1];
    assert_eq!(
        (nearly["path"].as_str(), nearly["start"]["line"].as_u64()),
        (Some("b.txt"), Some(5))
    );
    assert!(
        nearly["message"]
            .as_str()
            .unwrap()
            .starts_with("paragraph nearly repeats")
    );
    assert_eq!(nearly["related"][0]["start"]["line"], 3);

    // The configuration key does the same; the threads do not change the result.
    std::fs::write(dir.path().join("newslint.toml"), "duplicates = \"corpus\"\n").unwrap();
    let one = newslint(&[&args[..], &["-j1"]].concat(), dir.path());
    let many = newslint(&[&args[..], &["-j8"]].concat(), dir.path());
    assert_eq!(stdout(&one), stdout(&out));
    assert_eq!(stdout(&many), stdout(&out));
    // Full output quotes the file even though it had nothing to show before the pass.
    let full = newslint(
        &["check", "--format", "full", "--select", "duplicated-block", "."],
        dir.path(),
    );
    assert!(
        stdout(&full).contains("earlier copy: a.txt:5:1"),
        "{}",
        stdout(&full)
    );
}

#[test]
fn a_run_of_copied_paragraphs_is_one_diagnostic() {
    let paragraphs = [
        "市场治理重点领域，破解传统手段难以解决的顽疾。三是赋能重点领域改革攻坚；四是解决群众急难愁盼问题，明显增强群众获得感。",
        "会上还发布了数字重庆建设场景机会首批清单，旨在通过搭建场景机会平台，加大应用场景供给。",
        "代小红表示，今年是数字重庆建设三年形成基本能力的关键之年，发布场景机会清单，旨在加大应用场景供给。",
    ];
    let original = format!(
        "标题\n\n{}\n\n## 小标题\n\n{}\n\n{}\n",
        paragraphs[0], paragraphs[1], paragraphs[2]
    );
    // The copy keeps the subheading (not compared) and changes one character of the last.
    let copy = format!(
        "转载\n\n{}\n\n## 小标题\n\n{}\n\n{}\n\n另写的一段话，与前文无关，也不重复任何内容。\n",
        paragraphs[0],
        paragraphs[1],
        paragraphs[2].replacen("今年", "今", 1)
    );
    let dir = dir_with(&[("a.txt", original.as_bytes()), ("b.txt", copy.as_bytes())]);
    let out = newslint(
        &[
            "check",
            "--isolated",
            "--format",
            "jsonl",
            "--select",
            "duplicated-block",
            "--duplicates",
            "corpus",
            ".",
        ],
        dir.path(),
    );
    let found = jsonl(&out);
    assert_eq!(found.len(), 1, "{}", stdout(&out));
    let run = &found[0];
    assert_eq!(
        run["message"],
        "3 paragraphs nearly repeat paragraphs of a.txt (lines 3–9)"
    );
    assert_eq!(
        (run["start"]["line"].as_u64(), run["end"]["line"].as_u64()),
        (Some(3), Some(9))
    );
    assert_eq!(run["related"][0]["start"]["line"], 3);
    assert_eq!(run["related"][0]["end"]["line"], 9);
}

#[test]
fn temporary_files_of_an_interrupted_fix_are_reported_and_hidden_files_skipped() {
    let dir = dir_with(&[
        ("a.txt", "好。\n".as_bytes()),
        (".newslint-x1y2z3.tmp", "半个文件".as_bytes()),
        (".hidden/b.txt", "他说,好。\n".as_bytes()),
    ]);
    let out = newslint(&["check", "--isolated", "."], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(".newslint-x1y2z3.tmp: a temporary file left by an interrupted"),
        "{err}"
    );
    assert!(!err.contains("b.txt") && stdout(&out).is_empty(), "{err}");
}

#[test]
fn since_with_fix_or_diff_is_refused_not_applied_to_whole_files() {
    let dir = dir_with(&[("a.txt", "他说,好。\n".as_bytes())]);
    for flag in ["--fix", "--diff"] {
        let out = newslint(
            &["check", "--isolated", "--since", "HEAD", flag, "a.txt"],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("--since"), "{}", stderr(&out));
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        "他说,好。\n"
    );
}

fn run_with_stdin(args: &[&str], cwd: &std::path::Path, input: &str, env: &[(&str, &str)]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_newslint"))
        .args(args)
        .current_dir(cwd)
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn what_is_not_a_regular_file_or_is_too_large_is_refused_unread() {
    let dir = dir_with(&[("big.txt", "好。".repeat(1000).as_bytes())]);
    let out = newslint(&["check", "--isolated", "/dev/null"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not a regular file"), "{}", stderr(&out));
    assert!(
        Command::new("mkfifo")
            .arg(dir.path().join("pipe.txt"))
            .status()
            .unwrap()
            .success()
    );
    let out = newslint(&["check", "--isolated", "pipe.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not a regular file"));
    let out = newslint(
        &["check", "--isolated", "--max-file-size", "1K", "big.txt"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("more than --max-file-size (1024 bytes)"),
        "{}",
        stderr(&out)
    );
    let out = newslint(
        &["check", "--isolated", "--threads", "100000", "big.txt"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_closed_pipe_is_no_panic() {
    let dir = dir_with(&[]);
    let out = Command::new("bash")
        .args([
            "-c",
            "\"$0\" check missing.txt 2>&1 | head -c1 >/dev/null; exit ${PIPESTATUS[0]}",
        ])
        .arg(env!("CARGO_BIN_EXE_newslint"))
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn standard_input_is_fixed_to_standard_output_and_diffed() {
    let dir = dir_with(&[]);
    let out = run_with_stdin(
        &["check", "--isolated", "--fix", "-"],
        dir.path(),
        "他说,好。\n",
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "他说，好。\n");
    let out = run_with_stdin(
        &["check", "--isolated", "--diff", "-"],
        dir.path(),
        "他说,好。\n",
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("+他说，好。"), "{}", stdout(&out));
    let out = run_with_stdin(
        &["check", "--isolated", "--diff", "-q", "-"],
        dir.path(),
        "他说,好。\n",
        &[],
    );
    assert!(!stderr(&out).contains("would change"), "{}", stderr(&out));
}

#[test]
fn flags_that_would_do_nothing_are_refused_and_selections_may_have_spaces() {
    let dir = dir_with(&[("a.txt", "他说,好。\n".as_bytes())]);
    for args in [
        &["check", "--isolated", "--stdin-filename", "x.txt", "a.txt"][..],
        &[
            "check",
            "--isolated",
            "--statistics",
            "--format",
            "sarif",
            "a.txt",
        ][..],
    ] {
        let out = newslint(args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    let out = newslint(
        &[
            "check",
            "--isolated",
            "--select",
            "whitespace, halfwidth-punctuation",
            "--format",
            "concise",
            "a.txt",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stdout(&out).contains("halfwidth-punctuation"));
    let out = newslint(
        &["report", "--isolated", "a.txt", "-o", "missing/dir/r.html"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing/dir: no such directory") && !stderr(&out).contains(".newslint-"));
}

#[test]
fn color_follows_the_flag_and_the_environment() {
    let dir = dir_with(&[("a.txt", "他说,好。\n".as_bytes())]);
    let esc = |o: &Output| o.stdout.contains(&0x1b);
    let out = newslint(
        &[
            "check",
            "--isolated",
            "--format",
            "concise",
            "--color",
            "always",
            "a.txt",
        ],
        dir.path(),
    );
    assert!(esc(&out));
    let out = run_with_stdin(
        &["check", "--isolated", "--format", "concise", "a.txt"],
        dir.path(),
        "",
        &[("FORCE_COLOR", "1")],
    );
    assert!(esc(&out));
    let out = run_with_stdin(
        &["check", "--isolated", "--format", "concise", "a.txt"],
        dir.path(),
        "",
        &[("FORCE_COLOR", "1"), ("NO_COLOR", "1")],
    );
    assert!(!esc(&out));
}

#[test]
fn per_file_ignores_hold_for_relative_configs_and_stdin_names() {
    let dir = dir_with(&[
        (
            "newslint.toml",
            "[per-file-ignores]\n\"sub/*.txt\" = [\"halfwidth-punctuation\"]\n".as_bytes(),
        ),
        ("sub/a.txt", "他说,好。\n".as_bytes()),
    ]);
    let out = newslint(&["check", "--config", "./newslint.toml", "sub/a.txt"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let out = newslint(
        &["check", "--config", "../newslint.toml", "a.txt"],
        &dir.path().join("sub"),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let out = run_with_stdin(
        &["check", "-", "--stdin-filename", "sub/a.txt"],
        dir.path(),
        "他说,好。\n",
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[cfg(unix)]
#[test]
fn a_hard_linked_file_is_not_replaced_by_a_fix() {
    let dir = dir_with(&[("a.txt", "他说,好。\n".as_bytes())]);
    std::fs::hard_link(dir.path().join("a.txt"), dir.path().join("b.txt")).unwrap();
    let out = newslint(&["check", "--isolated", "--fix", "a.txt"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("hard links"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("b.txt")).unwrap(),
        "他说,好。\n"
    );
}

#[cfg(unix)]
#[test]
fn a_fix_keeps_the_files_owner() {
    use std::os::unix::fs::MetadataExt;
    let dir = dir_with(&[("a.txt", "他说,好。\n".as_bytes())]);
    let path = dir.path().join("a.txt");
    // Only root may give a file away; elsewhere there is nothing to check.
    if std::os::unix::fs::chown(&path, Some(12345), Some(12345)).is_err() {
        return;
    }
    let out = newslint(&["check", "--isolated", "--fix", "a.txt"], dir.path());
    assert!(out.status.code().is_some_and(|c| c <= 1), "{}", stderr(&out));
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (12345, 12345));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "他说，好。\n");
}

#[test]
fn a_model_is_built_from_records_as_from_the_same_texts_in_files() {
    let texts = [
        "今年以来，全市经济社会发展取得新成效。",
        "人民生活水平不断提高，群众获得感增强。",
    ];
    let mut jsonl = String::new();
    for (n, text) in texts.iter().enumerate() {
        jsonl.push_str(&serde_json::json!({"meta": {"id": n}, "body": text.repeat(20)}).to_string());
        jsonl.push('\n');
    }
    // A line that is not JSON and a record without the field: errors, the rest is read.
    jsonl.push_str("not json\n{\"meta\": {\"id\": 9}}\n");
    let dir = dir_with(&[
        ("records/a.jsonl", jsonl.as_bytes()),
        ("files/a.txt", texts[0].repeat(20).as_bytes()),
        ("files/b.txt", texts[1].repeat(20).as_bytes()),
    ]);
    let from_records = newslint(
        &[
            "model",
            "build",
            "--records",
            "--id-field",
            "meta.id",
            "--text-field",
            "body",
            "records",
            "-o",
            "records.model",
        ],
        dir.path(),
    );
    assert_eq!(from_records.status.code(), Some(2), "{}", stderr(&from_records));
    let err = stderr(&from_records);
    assert!(
        err.contains("a.jsonl: error: line 3:") && err.contains("a.jsonl: error: line 4:"),
        "{err}"
    );
    assert!(err.contains("records.model written: 2 records"), "{err}");
    let from_files = newslint(&["model", "build", "files", "-o", "files.model"], dir.path());
    assert_eq!(from_files.status.code(), Some(0), "{}", stderr(&from_files));
    assert_eq!(
        std::fs::read(dir.path().join("records.model")).unwrap(),
        std::fs::read(dir.path().join("files.model")).unwrap()
    );
}

#[test]
fn a_model_built_from_a_corpus_judges_paragraph_starts() {
    let paragraph = "今年以来，全市经济社会发展取得新成效，人民生活水平不断提高。\n\n";
    let dir = dir_with(&[
        ("corpus/a.txt", paragraph.repeat(60).as_bytes()),
        (
            "text/b.txt",
            "标题\n\n今年发展很快。\n\n发展取得新成效，人民生活水平提高。\n".as_bytes(),
        ),
        ("newslint.toml", b"model = \"news.model\"\n"),
    ]);
    let build = newslint(
        &["model", "build", "corpus", "missing", "-o", "news.model"],
        dir.path(),
    );
    // The missing path is reported; the model is still made from what could be read.
    assert_eq!(build.status.code(), Some(2), "{}", stderr(&build));
    assert!(stderr(&build).contains("missing: error:"), "{}", stderr(&build));
    assert!(
        stderr(&build).contains("news.model written: 1 files"),
        "{}",
        stderr(&build)
    );
    let rules = |out: &Output| -> Vec<String> {
        jsonl(out)
            .iter()
            .map(|d| d["rule"].as_str().unwrap().to_owned())
            .collect()
    };
    // The shipped model sees a whole word (发展) at the start; the built one has met 发展取得
    // sixty times, never opening a sentence. The configuration's model is found from a
    // folder below it.
    let shipped = newslint(&["check", "--isolated", "--format", "jsonl", "text"], dir.path());
    assert!(rules(&shipped).is_empty(), "{}", stdout(&shipped));
    let built = newslint(&["check", "--format", "jsonl", "b.txt"], &dir.path().join("text"));
    assert_eq!(rules(&built), ["orphan-fragment"], "{}", stderr(&built));
    let flag = newslint(
        &[
            "check",
            "--isolated",
            "--model",
            "news.model",
            "--format",
            "jsonl",
            "text",
        ],
        dir.path(),
    );
    assert_eq!(rules(&flag), ["orphan-fragment"]);
    // A file that is not a model is an error before anything is linted.
    std::fs::write(dir.path().join("bad.model"), "NLCHR01\nshort").unwrap();
    let bad = newslint(
        &["check", "--isolated", "--model", "bad.model", "text"],
        dir.path(),
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("bad.model: not a newslint model"),
        "{}",
        stderr(&bad)
    );
    let empty = newslint(&["model", "build", "text/none", "-o", "x.model"], dir.path());
    assert_eq!(empty.status.code(), Some(2));
    assert!(!dir.path().join("x.model").exists());
}

#[test]
fn full_format_quotes_a_window_of_a_long_line_and_shows_invisible_characters() {
    let before = "经济社会发展取得新成效，".repeat(12);
    let after = "人民生活水平不断提高。".repeat(12);
    let text = format!("标题\n\n{before}推动发展,持续向好{after}\n\n记者\u{00A0}张三报道。\r\n");
    let dir = dir_with(&[("a.txt", text.as_bytes())]);
    let out = full_format_of(dir.path(), "a.txt");
    let shown = stdout(&out);
    let comma_column = before.chars().count() + 5;
    assert!(shown.contains(&format!("┌─ a.txt:3:{comma_column}")), "{shown}");
    // The quoted line is cut on both sides, fits a 100-column terminal, and the caret stands
    // under the comma.
    let quoted = shown
        .lines()
        .find(|l| l.starts_with("3 │"))
        .expect("line 3 quoted");
    assert!(quoted.contains("…") && quoted.ends_with('…'), "{quoted}");
    // Han and full-width marks take two columns; ASCII, … and the box lines one.
    let width = |s: &str| {
        s.chars()
            .map(|c| if c >= '\u{2E80}' { 2 } else { 1 })
            .sum::<usize>()
    };
    assert!(width(quoted) <= 100, "{quoted}");
    let carets = shown
        .lines()
        .skip_while(|l| !l.starts_with("3 │"))
        .nth(1)
        .unwrap();
    let caret_at = width(&carets[..carets.find('^').unwrap()]);
    let comma_at = width(&quoted[..quoted.find(',').unwrap()]);
    assert_eq!(caret_at, comma_at, "{shown}");
    // The no-break space is written out, with the carets under it (and CRLF does not shift
    // the column).
    assert!(shown.contains("┌─ a.txt:5:3"), "{shown}");
    let nbsp = shown
        .lines()
        .find(|l| l.starts_with("5 │"))
        .expect("line 5 quoted");
    assert!(nbsp.contains("记者<U+00A0>张三"), "{nbsp}");
    let under = shown
        .lines()
        .skip_while(|l| !l.starts_with("5 │"))
        .nth(1)
        .unwrap();
    assert_eq!(under.matches('^').count(), "<U+00A0>".len(), "{shown}");
}

#[cfg(unix)]
#[test]
fn sarif_uris_keep_the_bytes_of_a_file_name_that_is_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"a\xffb.txt");
    std::fs::write(dir.path().join(name), "今年1-8月,经济。\n").unwrap();
    let out = newslint(&["check", "--isolated", "--format", "sarif", "."], dir.path());
    let sarif: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let location = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(location["uri"], "a%FFb.txt", "{location}");
    // The text formats show it as well as they can.
    let concise = newslint(&["check", "--isolated", "--format", "concise", "."], dir.path());
    assert!(
        stdout(&concise).starts_with("a\u{FFFD}b.txt:1:"),
        "{}",
        stdout(&concise)
    );
}

#[test]
fn faults_accepted_in_the_side_file_are_not_reported_nor_fixed() {
    let text = "他说,我们好。\n\n今天天气好吗?\n";
    let dir = dir_with(&[
        ("sub/a.txt", text.as_bytes()),
        ("b.txt", "他说,好。\n".as_bytes()),
    ]);
    let out = newslint(&["check", ".", "--write-baseline", "bl.json", "-q"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let baseline: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("bl.json")).unwrap()).unwrap();
    let first = baseline["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["path"] == "sub/a.txt" && e["text"] == ",")
        .unwrap()["fingerprint"]
        .as_str()
        .unwrap()
        .to_owned();
    let side = format!(
        "[[ignore]]\nrule = \"halfwidth-punctuation\"\npath = \"sub/*.txt\"\nfingerprint = \"{first}\"\nreason = \"as printed\"\n\n\
         [[ignore]]\nrule = \"halfwidth-punctuation\"\npath = \"b.txt\"\n\n\
         [[ignore]]\nrule = \"halfwidth-punctuation\"\npath = \"sub/a.txt\"\ntext = \";\"\n"
    );
    std::fs::write(dir.path().join("newslint-ignore.toml"), side).unwrap();
    // One occurrence by its fingerprint, a whole file by its glob; the entry whose text is
    // nowhere is listed as stale.
    let out = newslint(&["check", ".", "--format", "jsonl"], dir.path());
    let found = jsonl(&out);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0]["path"].as_str(), found[0]["start"]["line"].as_u64()),
        (Some("sub/a.txt"), Some(3))
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("1 entry of") && err.contains("sub/a.txt: halfwidth-punctuation ;"),
        "{err}"
    );
    // Linting only b.txt says nothing of the entries for other files.
    let out = newslint(&["check", "b.txt"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    // `--isolated` reads no side file.
    assert_eq!(
        jsonl(&newslint(
            &["check", ".", "--isolated", "--format", "jsonl"],
            dir.path()
        ))
        .len(),
        3
    );
    // The accepted fault is not fixed; the other one is.
    let out = newslint(&["check", "sub/a.txt", "--fix", "-q"], dir.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("sub/a.txt")).unwrap(),
        "他说,我们好。\n\n今天天气好吗？\n"
    );
    // A bad entry is an error that names the file and the entry.
    std::fs::write(
        dir.path().join("newslint-ignore.toml"),
        "[[ignore]]\nrule = \"no-such-rule\"\npath = \"*\"\n",
    )
    .unwrap();
    let out = newslint(&["check", "."], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("newslint-ignore.toml: entry 1: unknown rule `no-such-rule`"),
        "{err}"
    );
}
