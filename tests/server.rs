//! `newslint server` driven over its standard input and output as an editor would: a session
//! of frames in, every frame out read back.

mod common;

use serde_json::{Value, json};
use std::io::Write;
use std::process::{Command, Stdio};

fn frame(message: &Value) -> Vec<u8> {
    let body = message.to_string();
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body.as_bytes());
    out
}

/// A server process driven frame by frame: what it writes is read on a thread of its own.
struct Session {
    child: std::process::Child,
    stdin: Option<std::process::ChildStdin>,
    frames: std::sync::mpsc::Receiver<Value>,
    seen: Vec<Value>,
}

impl Session {
    fn start(cwd: &std::path::Path) -> Session {
        let mut child = Command::new(env!("CARGO_BIN_EXE_newslint"))
            .arg("server")
            .current_dir(cwd)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server starts");
        let stdin = child.stdin.take();
        let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
        let (sender, frames) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            while let Some(frame) = read_frame(&mut stdout) {
                if sender.send(frame).is_err() {
                    return;
                }
            }
        });
        Session {
            child,
            stdin,
            frames,
            seen: Vec::new(),
        }
    }

    /// Writes `input` (what the server writes back meanwhile is read on the other thread).
    fn send(&mut self, input: &[u8]) {
        let _ = self.stdin.as_mut().unwrap().write_all(input);
    }

    /// Reads frames until the response to request `id`.
    fn wait_for(&mut self, id: u32) {
        while !self
            .seen
            .iter()
            .any(|f| f["id"] == json!(id) && f.get("method").is_none())
        {
            let frame = self
                .frames
                .recv_timeout(std::time::Duration::from_secs(20))
                .unwrap_or_else(|_| panic!("no response {id}: {:?}", self.seen));
            self.seen.push(frame);
        }
    }

    /// Closes the input, and returns every frame the server wrote, with its exit code.
    fn finish(mut self) -> (Vec<Value>, Option<i32>) {
        drop(self.stdin.take());
        let status = self.child.wait().expect("the server ends");
        self.seen.extend(self.frames.iter());
        (self.seen, status.code())
    }
}

/// One frame's body from the server's output; None at its end.
fn read_frame(out: &mut impl std::io::BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if out.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        length = Some(
            line.strip_prefix("Content-Length: ")
                .expect("a Content-Length header")
                .parse::<usize>()
                .unwrap(),
        );
    }
    let mut body = vec![0; length.expect("a Content-Length header")];
    std::io::Read::read_exact(out, &mut body).ok()?;
    Some(serde_json::from_slice(&body).expect("a JSON body"))
}

/// Runs one session: `input` is written whole, then the server's frames are read back with
/// its exit code.
fn session(input: &[u8], cwd: &std::path::Path) -> (Vec<Value>, Option<i32>) {
    let mut session = Session::start(cwd);
    session.send(input);
    session.finish()
}

/// An initialize request; the client takes edits as `documentChanges` with file creations
/// unless `capabilities` says what it takes.
fn initialize(id: u32, mut capabilities: Value) -> Value {
    if capabilities.pointer("/workspace/workspaceEdit").is_none() {
        capabilities["workspace"]["workspaceEdit"] =
            json!({"documentChanges": true, "resourceOperations": ["create"]});
    }
    json!({"jsonrpc": "2.0", "id": id, "method": "initialize", "params": {"processId": null, "rootUri": null, "capabilities": capabilities}})
}

/// The ignore actions of `他说,好。` at the comma, for a client of `workspace_edit`
/// capabilities, in a folder with a newslint.toml.
fn ignore_actions_for(workspace_edit: Value) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::write(root.join("newslint.toml"), "").unwrap();
    let uri = format!("file://{}/a.txt", root.display());
    let mut input = frame(&initialize(
        1,
        json!({"workspace": {"workspaceEdit": workspace_edit}}),
    ));
    input.extend(frame(&open(&uri, "他说,好。\n")));
    input.extend(frame(&request(
        2,
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "context": {"diagnostics": [], "only": ["quickfix"]},
               "range": {"start": {"line": 0, "character": 2}, "end": {"line": 0, "character": 3}}}),
    )));
    input.extend(end());
    let (frames, _) = session(&input, &root);
    response(&frames, 2)["result"].as_array().unwrap().clone()
}

#[test]
fn edits_take_the_form_the_client_declares() {
    let first_edit = |actions: &[Value]| {
        actions
            .iter()
            .find(|a| a["title"].as_str().unwrap().starts_with("Ignore this"))
            .unwrap()["edit"]
            .clone()
    };
    // documentChanges with the side file's creation.
    let edit = first_edit(&ignore_actions_for(
        json!({"documentChanges": true, "resourceOperations": ["create"]}),
    ));
    assert_eq!(edit["documentChanges"][0]["kind"], "create", "{edit}");
    // No creations: the edit of the new file alone.
    let edit = first_edit(&ignore_actions_for(json!({"documentChanges": true})));
    let changes = edit["documentChanges"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{edit}");
    assert!(
        changes[0]["textDocument"]["uri"]
            .as_str()
            .unwrap()
            .ends_with("/newslint-ignore.toml")
    );
    // Neither: a map from URI to edits, for the quick fix as for the ignore.
    let actions = ignore_actions_for(json!({}));
    for action in &actions {
        let changes = action["edit"]["changes"]
            .as_object()
            .unwrap_or_else(|| panic!("{action}"));
        assert_eq!(changes.len(), 1, "{action}");
    }
    assert!(
        actions
            .iter()
            .any(|a| a["kind"] == "quickfix" && a["isPreferred"] == true)
    );
}

fn open(uri: &str, text: &str) -> Value {
    json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}})
}

fn request(id: u32, method: &str, params: Value) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params})
}

fn notification(method: &str, params: Value) -> Value {
    json!({"jsonrpc": "2.0", "method": method, "params": params})
}

fn end() -> Vec<u8> {
    let mut out = frame(&json!({"jsonrpc": "2.0", "id": 999, "method": "shutdown"}));
    out.extend(frame(&notification("exit", Value::Null)));
    out
}

fn response(frames: &[Value], id: u32) -> &Value {
    frames
        .iter()
        .find(|f| f["id"] == json!(id))
        .unwrap_or_else(|| panic!("no response {id}: {frames:?}"))
}

fn published(frames: &[Value]) -> Vec<&Value> {
    frames
        .iter()
        .filter(|f| f["method"] == "textDocument/publishDiagnostics")
        .collect()
}

/// (line, character) of each halfwidth-punctuation diagnostic's start in the last
/// diagnostics published.
fn starts(frames: &[Value]) -> Vec<(u64, u64)> {
    let last = published(frames)
        .last()
        .copied()
        .expect("diagnostics published")
        .clone();
    last["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "halfwidth-punctuation")
        .map(|d| {
            (
                d["range"]["start"]["line"].as_u64().unwrap(),
                d["range"]["start"]["character"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// The rules of a list of LSP diagnostics.
fn codes_of(diagnostics: &Value) -> Vec<&str> {
    diagnostics
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

const MIXED: &str = "😀新闻,测试\n第二行𠮷字,x";

#[test]
fn positions_are_in_the_negotiated_encoding() {
    let dir = tempfile::tempdir().unwrap();
    for (offered, chosen, expected) in [
        (json!({}), "utf-16", [(0, 4), (1, 6)]),
        (
            json!({"general": {"positionEncodings": ["utf-16", "utf-8"]}}),
            "utf-8",
            [(0, 10), (1, 16)],
        ),
        (
            json!({"general": {"positionEncodings": ["utf-32", "utf-16"]}}),
            "utf-32",
            [(0, 3), (1, 5)],
        ),
    ] {
        let mut input = frame(&initialize(1, offered));
        input.extend(frame(&open("file:///nowhere/a.txt", MIXED)));
        input.extend(end());
        let (frames, code) = session(&input, dir.path());
        assert_eq!(code, Some(0));
        assert_eq!(
            response(&frames, 1)["result"]["capabilities"]["positionEncoding"],
            chosen
        );
        assert_eq!(starts(&frames), expected, "{chosen}");
    }
    // A hover on the comma shows its rule's documentation.
    let mut input = frame(&initialize(1, json!({})));
    input.extend(frame(&open("file:///nowhere/a.txt", MIXED)));
    input.extend(frame(&request(
        2,
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///nowhere/a.txt"}, "position": {"line": 0, "character": 4}}),
    )));
    input.extend(end());
    let (frames, _) = session(&input, dir.path());
    let hover = &response(&frames, 2)["result"];
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .starts_with("**halfwidth-punctuation**"),
        "{hover}"
    );
    assert_eq!(hover["range"]["start"], json!({"line": 0, "character": 4}));
    // CRLF and a lone CR end lines too.
    let mut input = frame(&initialize(1, json!({})));
    input.extend(frame(&open(
        "file:///nowhere/b.txt",
        "甲乙,丙\r\n丁戊,己\r庚辛,壬",
    )));
    input.extend(end());
    let (frames, _) = session(&input, dir.path());
    assert_eq!(starts(&frames), [(0, 2), (1, 2), (2, 2)]);
}

#[test]
fn incremental_edits_end_where_a_fresh_open_does() {
    let dir = tempfile::tempdir().unwrap();
    let mut input = frame(&initialize(1, json!({})));
    input.extend(frame(&open("file:///nowhere/a.txt", "")));
    // 200 edits without waiting: insertions at the end and at the start, some of them of
    // characters outside the BMP (two UTF-16 units), and a deletion now and then.
    let mut text = String::new();
    let pieces = ["新闻,", "𠮷字", "😀", "测试。\n", "and "];
    for version in 2..202 {
        let piece = pieces[version % pieces.len()];
        let (range, new_text) = if version % 7 == 0 && !text.is_empty() {
            // Delete the first character.
            let first = text.chars().next().unwrap();
            let units = if first == '\n' {
                text.remove(0);
                let change = json!({"range": {"start": {"line": 0, "character": 0}, "end": {"line": 1, "character": 0}}, "text": ""});
                input.extend(frame(&notification("textDocument/didChange", json!({"textDocument": {"uri": "file:///nowhere/a.txt", "version": version}, "contentChanges": [change]}))));
                continue;
            } else {
                first.len_utf16()
            };
            text.remove(0);
            (
                json!({"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": units}}),
                String::new(),
            )
        } else if version % 3 == 0 {
            text.insert_str(0, piece);
            (
                json!({"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}),
                piece.to_owned(),
            )
        } else {
            let line = text.matches('\n').count();
            let last = text.rsplit('\n').next().unwrap();
            let character: usize = last.chars().map(char::len_utf16).sum();
            text.push_str(piece);
            (
                json!({"start": {"line": line, "character": character}, "end": {"line": line, "character": character}}),
                piece.to_owned(),
            )
        };
        let change = json!({"range": range, "text": new_text});
        input.extend(frame(&notification(
            "textDocument/didChange",
            json!({"textDocument": {"uri": "file:///nowhere/a.txt", "version": version}, "contentChanges": [change]}),
        )));
    }
    input.extend(end());
    let (frames, _) = session(&input, dir.path());
    let last = published(&frames).last().copied().unwrap().clone();
    assert_eq!(last["params"]["version"], 201);
    // Changes in quick succession are linted once, not 200 times.
    assert!(published(&frames).len() < 20, "{}", published(&frames).len());

    let mut fresh = frame(&initialize(1, json!({})));
    fresh.extend(frame(&open("file:///nowhere/a.txt", &text)));
    fresh.extend(end());
    let (fresh_frames, _) = session(&fresh, dir.path());
    let fresh_last = published(&fresh_frames).last().copied().unwrap().clone();
    let strip = |v: &Value| {
        let mut v = v["params"]["diagnostics"].clone();
        for d in v.as_array_mut().unwrap() {
            d.as_object_mut().unwrap().remove("data");
        }
        v
    };
    assert!(!strip(&last).as_array().unwrap().is_empty());
    assert_eq!(strip(&last), strip(&fresh_last));
}

#[test]
fn fix_all_gives_what_check_fix_gives_and_quick_fixes_are_edits() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::repo().join("seeds/002_9d47c7a4b37cac69.txt")).unwrap();
    let mut input = frame(&initialize(
        1,
        json!({"general": {"positionEncodings": ["utf-8"]}}),
    ));
    input.extend(frame(&open("file:///nowhere/002.txt", &text)));
    input.extend(frame(&request(
        2,
        "textDocument/codeAction",
        json!({"textDocument": {"uri": "file:///nowhere/002.txt"}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": [], "only": ["source.fixAll.newslint"]}}),
    )));
    input.extend(frame(&request(
        3,
        "textDocument/codeAction",
        json!({"textDocument": {"uri": "file:///nowhere/002.txt"}, "range": {"start": {"line": 20, "character": 0}, "end": {"line": 20, "character": 400}}, "context": {"diagnostics": [], "only": ["quickfix"]}}),
    )));
    input.extend(end());
    let (frames, _) = session(&input, dir.path());
    let actions = response(&frames, 2)["result"].as_array().unwrap().clone();
    assert_eq!(actions.len(), 1);
    let change = &actions[0]["edit"]["documentChanges"][0];
    assert_eq!(change["textDocument"]["version"], 1);
    let edit = &change["edits"][0];
    assert_eq!(edit["range"]["start"], json!({"line": 0, "character": 0}));
    let fixed = edit["newText"].as_str().unwrap();

    let mut cli = Command::new(env!("CARGO_BIN_EXE_newslint"))
        .args(["check", "--isolated", "--fix", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    cli.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let out = cli.wait_with_output().unwrap();
    assert_eq!(fixed, String::from_utf8(out.stdout).unwrap());

    let quick = response(&frames, 3)["result"].as_array().unwrap().clone();
    assert!(
        !quick.is_empty() && quick.iter().all(|a| a["kind"] == "quickfix"),
        "{quick:?}"
    );
    for action in &quick {
        let edits = action["edit"]["documentChanges"][0]["edits"].as_array().unwrap();
        // Each fix touches the line asked about.
        assert!(
            edits
                .iter()
                .any(|e| e["range"]["start"]["line"].as_u64() <= Some(20)
                    && e["range"]["end"]["line"].as_u64() >= Some(20)),
            "{action}"
        );
    }
}

#[test]
fn fix_all_answers_for_the_current_version_after_edits() {
    let dir = tempfile::tempdir().unwrap();
    let uri = "file:///tmp/fixed.txt";
    let pull = |id| {
        request(
            id,
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": uri}}),
        )
    };
    let fix_all = |id| {
        request(
            id,
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": [], "only": ["source.fixAll.newslint"]}}),
        )
    };
    for capabilities in [json!({}), json!({"textDocument": {"diagnostic": {}}})] {
        let mut session = Session::start(dir.path());
        let mut input = frame(&initialize(1, capabilities));
        input.extend(frame(&open(uri, "他说,好。\n")));
        input.extend(frame(&pull(2)));
        input.extend(frame(&fix_all(3)));
        session.send(&input);
        // A client asks on, once answered (an edit before the answer makes it stale).
        session.wait_for(3);
        let mut input = frame(&notification(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": "今天\u{200b}天气很好。\n"}]}),
        ));
        input.extend(frame(&notification(
            "textDocument/didSave",
            json!({"textDocument": {"uri": uri}}),
        )));
        input.extend(frame(&pull(4)));
        input.extend(frame(&fix_all(5)));
        input.extend(end());
        session.send(&input);
        let (frames, _) = session.finish();
        for (id, version, fixed) in [(3, 1, "他说，好。\n"), (5, 2, "今天天气很好。\n")] {
            let change = &response(&frames, id)["result"][0]["edit"]["documentChanges"][0];
            assert_eq!(change["textDocument"]["version"], version, "{change}");
            assert_eq!(change["edits"][0]["newText"], fixed, "{change}");
        }
    }
}

#[test]
fn malformed_frames_get_errors_and_the_server_reads_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut input = frame(&initialize(1, json!({})));
    input.extend(b"Content-Length: 5\r\n\r\n{\"a\":");
    input.extend(b"X-Header: 1\r\n\r\n");
    input.extend(b"Content-Length: 0\r\n\r\n");
    input.extend(frame(&json!([1, 2])));
    input.extend(frame(&request(2, "textDocument/unknownThing", json!({}))));
    input.extend(frame(&request(
        3,
        "textDocument/codeAction",
        json!({"nonsense": true}),
    )));
    input.extend(frame(&request(
        4,
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///x"}, "position": {"line": 0, "character": 0}}),
    )));
    input.extend(end());
    let (frames, code) = session(&input, dir.path());
    assert_eq!(code, Some(0));
    let errors_without_id: Vec<&Value> = frames
        .iter()
        .filter(|f| f["id"].is_null() && f.get("error").is_some())
        .collect();
    assert_eq!(errors_without_id.len(), 4, "{frames:?}");
    assert_eq!(response(&frames, 2)["error"]["code"], -32601);
    assert_eq!(response(&frames, 3)["error"]["code"], -32602);
    assert_eq!(response(&frames, 4)["result"], Value::Null);
    assert_eq!(response(&frames, 999)["result"], Value::Null);
    // `exit` without `shutdown` exits 1.
    let mut input = frame(&initialize(1, json!({})));
    input.extend(frame(&notification("exit", Value::Null)));
    assert_eq!(session(&input, dir.path()).1, Some(1));
}

#[test]
fn pull_for_a_client_that_asks_and_configuration_from_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::write(root.join("newslint.toml"), "ignore = [\"stray-latin\"]\n").unwrap();
    let uri = format!("file://{}/a.txt", root.display());
    let text = "今年1-8月,话语体系 and 理论。\n";
    let mut input = frame(&initialize(1, json!({"textDocument": {"diagnostic": {}}})));
    input.extend(frame(&open(&uri, text)));
    input.extend(frame(&request(
        2,
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri}}),
    )));
    input.extend(end());
    let (frames, _) = session(&input, &root);
    assert!(published(&frames).is_empty(), "a pull client gets no pushes");
    let result = &response(&frames, 1)["result"]["capabilities"];
    assert_eq!(result["diagnosticProvider"]["identifier"], "newslint");
    let codes = codes_of(&response(&frames, 2)["result"]["items"]);
    assert!(
        codes.contains(&"halfwidth-punctuation") && !codes.contains(&"stray-latin"),
        "{codes:?}"
    );
    // A push client, the configuration changed and saved: the document is linted again.
    let mut input = frame(&initialize(1, json!({})));
    input.extend(frame(&open(&uri, text)));
    input.extend(frame(&notification(
        "textDocument/didSave",
        json!({"textDocument": {"uri": format!("file://{}/newslint.toml", root.display())}}),
    )));
    input.extend(end());
    std::fs::write(
        root.join("newslint.toml"),
        "ignore = [\"halfwidth-punctuation\"]\n",
    )
    .unwrap();
    let (frames, _) = session(&input, &root);
    let pushes = published(&frames);
    // Linting runs off the loop: a lint that the reload made stale is dropped, not published,
    // so the open may or may not have a push of its own; the last push is the new one's.
    assert!(matches!(pushes.len(), 1 | 2), "{pushes:?}");
    let codes = codes_of(&pushes[pushes.len() - 1]["params"]["diagnostics"]);
    assert!(
        codes.contains(&"stray-latin") && !codes.contains(&"halfwidth-punctuation"),
        "{codes:?}"
    );
}

#[test]
fn a_request_cancelled_before_it_is_read_is_answered_as_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let uri = "file:///tmp/big.txt";
    // A long document is linted for its pull while the next frames arrive: the hover waits
    // for the same lint, and its cancellation is read meanwhile.
    let big = "今年1-8月,话语体系 and 理论建设取得新进展。\n\n".repeat(40_000);
    let hover = |id: u32| {
        request(
            id,
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 4}}),
        )
    };
    let mut input = frame(&initialize(1, json!({"textDocument": {"diagnostic": {}}})));
    input.extend(frame(&open(uri, &big)));
    input.extend(frame(&request(
        2,
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri}}),
    )));
    input.extend(frame(&hover(3)));
    input.extend(frame(&notification("$/cancelRequest", json!({"id": 3}))));
    input.extend(frame(&hover(4)));
    input.extend(end());
    let (frames, code) = session(&input, dir.path());
    assert_eq!(code, Some(0));
    assert!(response(&frames, 2)["result"]["items"].as_array().unwrap().len() >= 1000);
    assert_eq!(
        response(&frames, 3)["error"]["code"],
        -32800,
        "{:?}",
        response(&frames, 3)
    );
    assert!(
        response(&frames, 4).get("result").is_some(),
        "{:?}",
        response(&frames, 4)
    );
}

#[test]
fn only_the_last_version_of_quick_edits_is_published() {
    let dir = tempfile::tempdir().unwrap();
    let uri = "file:///tmp/edited.txt";
    let mut input = frame(&initialize(1, json!({})));
    input.extend(frame(&open(uri, "他说:好。\n")));
    for version in 2..=6 {
        let text = format!("他说:好。{}\n", ",".repeat(version));
        input.extend(frame(&notification(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        )));
    }
    input.extend(end());
    let (frames, _) = session(&input, dir.path());
    let pushes = published(&frames);
    let versions: Vec<i64> = pushes
        .iter()
        .map(|p| p["params"]["version"].as_i64().unwrap())
        .collect();
    // Versions only go forward, and the last published is the last edit's, with its faults.
    assert!(versions.windows(2).all(|w| w[0] < w[1]), "{versions:?}");
    assert_eq!(versions.last(), Some(&6));
    let last = &pushes[pushes.len() - 1]["params"]["diagnostics"];
    assert_eq!(
        codes_of(last)
            .iter()
            .filter(|c| **c == "halfwidth-punctuation")
            .count(),
        7
    );
}

/// Applies the edits of a side-file action as a client would: create the file, insert text.
/// The frames of a session of a client that pulls: it opens `uri` with `text`, sends
/// `extra`, then asks for the document's diagnostics (request 9).
fn pull_after(uri: &str, text: &str, extra: &[Value], root: &std::path::Path) -> Vec<Value> {
    let mut input = frame(&initialize(1, json!({"textDocument": {"diagnostic": {}}})));
    input.extend(frame(&open(uri, text)));
    for message in extra {
        input.extend(frame(message));
    }
    input.extend(frame(&request(
        9,
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri}}),
    )));
    input.extend(end());
    session(&input, root).0
}

fn apply_to_disk(edit: &Value, root: &std::path::Path) {
    for change in edit["documentChanges"].as_array().unwrap() {
        let path = root.join(
            change["uri"]
                .as_str()
                .or(change["textDocument"]["uri"].as_str())
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap(),
        );
        if change["kind"] == "create" {
            assert!(!path.exists());
            std::fs::write(&path, "").unwrap();
            continue;
        }
        let mut text = std::fs::read_to_string(&path).unwrap();
        for e in change["edits"].as_array().unwrap() {
            // The files are ASCII: a character is a byte in any encoding.
            let offset = |position: &Value| {
                let line_start: usize = text
                    .split_inclusive('\n')
                    .take(position["line"].as_u64().unwrap() as usize)
                    .map(str::len)
                    .sum();
                line_start + position["character"].as_u64().unwrap() as usize
            };
            let (start, end) = (offset(&e["range"]["start"]), offset(&e["range"]["end"]));
            text.replace_range(start..end, e["newText"].as_str().unwrap());
        }
        std::fs::write(&path, text).unwrap();
    }
}

#[test]
fn ignore_actions_write_the_side_file_and_the_fault_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::write(root.join("newslint.toml"), "").unwrap();
    std::fs::create_dir(root.join("news")).unwrap();
    let uri = format!("file://{}/news/a.txt", root.display());
    let text = "他说,好。今年1-8月,增长。\n";
    let diagnose = |extra: Vec<Value>| pull_after(&uri, text, &extra, &root);
    let actions_at = |character: u32| {
        request(
            2,
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "context": {"diagnostics": []},
                   "range": {"start": {"line": 0, "character": character}, "end": {"line": 0, "character": character + 1}}}),
        )
    };
    let frames = diagnose(vec![actions_at(2)]);
    let actions = response(&frames, 2)["result"].as_array().unwrap().clone();
    let titled = |title: &str| {
        actions
            .iter()
            .find(|a| a["title"] == title)
            .unwrap_or_else(|| panic!("no action {title:?}: {actions:?}"))
            .clone()
    };
    let once = titled("Ignore this halfwidth-punctuation occurrence in newslint-ignore.toml");
    assert!(titled("Ignore halfwidth-punctuation in this file")["edit"].is_object());
    apply_to_disk(&once["edit"], &root);
    let side = std::fs::read_to_string(root.join("newslint-ignore.toml")).unwrap();
    assert!(
        side.contains("path = \"news/a.txt\"") && side.contains("text = \",\""),
        "{side}"
    );
    // The first comma is accepted, the second is still reported.
    let frames = diagnose(vec![]);
    let items = &response(&frames, 9)["result"]["items"];
    let commas: Vec<u64> = items
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "halfwidth-punctuation")
        .map(|d| d["range"]["start"]["character"].as_u64().unwrap())
        .collect();
    assert_eq!(commas, [11]);
    // The whole rule for the file, appended after the first entry: nothing of it is left.
    let frames = diagnose(vec![actions_at(11)]);
    let actions = response(&frames, 2)["result"].as_array().unwrap().clone();
    let file = actions
        .iter()
        .find(|a| a["title"] == "Ignore halfwidth-punctuation in this file")
        .unwrap();
    apply_to_disk(&file["edit"], &root);
    let frames = diagnose(vec![]);
    assert!(!codes_of(&response(&frames, 9)["result"]["items"]).contains(&"halfwidth-punctuation"));
    // The CLI reads the same file.
    std::fs::write(root.join("news/a.txt"), text).unwrap();
    let out = common::newslint(
        &["check", "news/a.txt", "--select", "halfwidth-punctuation"],
        &root,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "an occurrence of a rule ignored in its file is not stale"
    );
}

#[test]
fn ignoring_a_rule_in_the_project_edits_newslint_toml_and_keeps_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let config = "# Our house settings\nextensions = [\"txt\"]\n";
    std::fs::write(root.join("newslint.toml"), config).unwrap();
    let uri = format!("file://{}/a.txt", root.display());
    let text = "他说,好。\n";
    std::fs::write(root.join("a.txt"), text).unwrap();
    let diagnose = |extra: Vec<Value>| pull_after(&uri, text, &extra, &root);
    let actions = request(
        2,
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "context": {"diagnostics": []},
               "range": {"start": {"line": 0, "character": 2}, "end": {"line": 0, "character": 3}}}),
    );
    let frames = diagnose(vec![actions]);
    let actions = response(&frames, 2)["result"].as_array().unwrap().clone();
    let project = actions
        .iter()
        .find(|a| a["title"] == "Ignore halfwidth-punctuation in this project (newslint.toml)")
        .unwrap_or_else(|| panic!("{actions:?}"));
    apply_to_disk(&project["edit"], &root);
    let written = std::fs::read_to_string(root.join("newslint.toml")).unwrap();
    assert_eq!(
        written,
        "# Our house settings\nextensions = [\"txt\"]\nignore = [\"halfwidth-punctuation\"]\n"
    );
    let frames = diagnose(vec![]);
    assert!(!codes_of(&response(&frames, 9)["result"]["items"]).contains(&"halfwidth-punctuation"));
    // The CLI reads the same configuration.
    let out = common::newslint(&["check", "a.txt"], &root);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn configuration_files_are_watched_through_the_client_that_allows_it() {
    let dir = tempfile::tempdir().unwrap();
    let registrations = |capabilities: Value| {
        let mut input = frame(&initialize(1, capabilities));
        input.extend(frame(&notification("initialized", json!({}))));
        input.extend(end());
        let (frames, code) = session(&input, dir.path());
        assert_eq!(code, Some(0));
        frames
            .into_iter()
            .filter(|f| f["method"] == "client/registerCapability")
            .collect::<Vec<Value>>()
    };
    let asked = registrations(json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}));
    assert_eq!(asked.len(), 1, "{asked:?}");
    let registration = &asked[0]["params"]["registrations"][0];
    assert_eq!(registration["method"], "workspace/didChangeWatchedFiles");
    let globs: Vec<&str> = registration["registerOptions"]["watchers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["globPattern"].as_str().unwrap())
        .collect();
    assert_eq!(globs, ["**/newslint.toml", "**/newslint-ignore.toml"]);
    // A client that does not allow it is not asked.
    assert!(registrations(json!({})).is_empty());
}

#[test]
fn editor_settings_come_from_the_initialization_and_from_workspace_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let uri = "untitled:a.txt";
    let text = "他说,好,对,行。\n";
    let last_published = |frames: &[Value]| -> usize {
        published(frames).last().unwrap()["params"]["diagnostics"]
            .as_array()
            .unwrap()
            .len()
    };
    // docsUrl: each diagnostic links to its rule's page.
    let mut input = frame(&json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"processId": null, "rootUri": null, "capabilities": {}, "initializationOptions": {"docsUrl": "https://docs.example/rules/{rule}.html"}}}));
    input.extend(frame(&open(uri, text)));
    input.extend(end());
    let (frames, _) = session(&input, dir.path());
    let first = &published(&frames).last().unwrap()["params"]["diagnostics"][0];
    assert_eq!(
        first["codeDescription"]["href"],
        "https://docs.example/rules/halfwidth-punctuation.html"
    );
    // maxDiagnostics among the initialization options.
    let mut input = frame(&json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"processId": null, "rootUri": null, "capabilities": {}, "initializationOptions": {"maxDiagnostics": 1}}}));
    input.extend(frame(&open(uri, text)));
    input.extend(end());
    let (frames, _) = session(&input, dir.path());
    assert_eq!(last_published(&frames), 1);
    // The same from the client's answer to workspace/configuration.
    let mut input = frame(&initialize(1, json!({"workspace": {"configuration": true}})));
    input.extend(frame(&notification("initialized", json!({}))));
    input.extend(frame(
        &json!({"jsonrpc": "2.0", "id": "newslint-settings", "result": [{"maxDiagnostics": 2}]}),
    ));
    input.extend(frame(&open(uri, text)));
    input.extend(end());
    let (frames, _) = session(&input, dir.path());
    let asked = frames
        .iter()
        .find(|f| f["method"] == "workspace/configuration")
        .expect("asked");
    assert_eq!(asked["params"]["items"][0]["section"], "newslint");
    assert_eq!(last_published(&frames), 2);
    // lintOn "save": a change is linted when the document is saved, not before. Two hovers,
    // each sent once the one before is answered (the first waits for a lint of the change,
    // which publishes nothing): no version 2 is published before the save.
    let mut session = Session::start(dir.path());
    let hover = |id: u32| {
        frame(&request(
            id,
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
        ))
    };
    let mut input = frame(&json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"processId": null, "rootUri": null, "capabilities": {}, "initializationOptions": {"lintOn": "save", "debounceMs": 0}}}));
    input.extend(frame(&open(uri, "好。\n")));
    input.extend(frame(&notification(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"text": text}]}),
    )));
    input.extend(hover(5));
    session.send(&input);
    session.wait_for(5);
    session.send(&hover(6));
    session.wait_for(6);
    let mut input = frame(&notification(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri}}),
    ));
    input.extend(end());
    session.send(&input);
    let (frames, _) = session.finish();
    let hovered = frames.iter().position(|f| f["id"] == 6).unwrap();
    let second = frames
        .iter()
        .position(|f| f["method"] == "textDocument/publishDiagnostics" && f["params"]["version"] == 2)
        .unwrap_or_else(|| panic!("version 2 published: {frames:?}"));
    assert!(second > hovered, "{frames:?}");
}

#[test]
fn each_workspace_folder_has_its_own_configuration_and_untitled_documents_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    for (folder, config) in [("one", "ignore = [\"halfwidth-punctuation\"]\n"), ("two", "")] {
        std::fs::create_dir(root.join(folder)).unwrap();
        std::fs::write(root.join(folder).join("newslint.toml"), config).unwrap();
    }
    // Two workspace folders: each document's configuration is found from its own folder up.
    let folders = json!([{"uri": format!("file://{}/one", root.display()), "name": "one"},
                         {"uri": format!("file://{}/two", root.display()), "name": "two"}]);
    let mut input = frame(&json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"processId": null, "rootUri": null, "workspaceFolders": folders,
                   "capabilities": {"textDocument": {"diagnostic": {}}, "workspace": {"workspaceFolders": true}}}}));
    let text = "他说,好。\n";
    let uris = [
        format!("file://{}/one/a.txt", root.display()),
        format!("file://{}/two/a.txt", root.display()),
        "untitled:Untitled-1".to_owned(),
    ];
    for (k, uri) in uris.iter().enumerate() {
        input.extend(frame(&open(uri, text)));
        input.extend(frame(&request(
            10 + k as u32,
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": uri}}),
        )));
    }
    input.extend(end());
    let (frames, _) = session(&input, &root);
    let has_comma =
        |id: u32| codes_of(&response(&frames, id)["result"]["items"]).contains(&"halfwidth-punctuation");
    assert!(!has_comma(10));
    assert!(has_comma(11));
    assert!(has_comma(12));
}

#[test]
fn requests_right_after_an_edit_use_the_diagnostics_moved_through_it() {
    let dir = tempfile::tempdir().unwrap();
    let uri = "untitled:moved.txt";
    let mut input = frame(&initialize(1, json!({})));
    input.extend(frame(&open(uri, "他说,好。他又说,行。\n")));
    // Let the open be linted, then insert two characters at the start and rewrite the second
    // comma and the character after it; before the change is linted (300 ms), ask for the
    // fixes at the first comma, now at 4, and at the second, at 10: a fault an edit touched
    // is not offered until a lint says what it became.
    input.extend(frame(&request(
        2,
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 2}}),
    )));
    let mut session = Session::start(dir.path());
    session.send(&input);
    session.wait_for(2);
    let mut input = frame(&notification(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "今天"},
                           {"range": {"start": {"line": 0, "character": 10}, "end": {"line": 0, "character": 12}}, "text": ",可"}]}),
    ));
    let actions_at = |id: u32, character: u32| {
        request(
            id,
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "context": {"diagnostics": [], "only": ["quickfix"]},
                   "range": {"start": {"line": 0, "character": character}, "end": {"line": 0, "character": character + 1}}}),
        )
    };
    input.extend(frame(&actions_at(3, 4)));
    input.extend(frame(&actions_at(4, 10)));
    input.extend(end());
    session.send(&input);
    let (frames, _) = session.finish();
    let fixes = |id: u32| -> Vec<Value> {
        response(&frames, id)["result"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["title"].as_str().unwrap().contains("halfwidth-punctuation"))
            .map(|a| a["edit"]["documentChanges"][0]["edits"][0]["range"].clone())
            .collect()
    };
    assert_eq!(
        fixes(3),
        [json!({"start": {"line": 0, "character": 4}, "end": {"line": 0, "character": 5}})]
    );
    assert!(fixes(4).is_empty(), "{:?}", fixes(4));
}

#[test]
fn requests_wait_for_a_lint_off_the_loop_and_an_edit_makes_them_stale() {
    let dir = tempfile::tempdir().unwrap();
    let small = "untitled:small.txt";
    let big = "untitled:big.txt";
    let big_text = "今年以来,全市经济社会发展取得新成效。\n".repeat(40_000);
    let hover = |id: u32, uri: &str| {
        frame(&request(
            id,
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 4}}),
        ))
    };
    let pull = |id: u32, uri: &str| {
        frame(&request(
            id,
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": uri}}),
        ))
    };
    let mut session = Session::start(dir.path());
    let mut input = frame(&initialize(1, json!({"textDocument": {"diagnostic": {}}})));
    input.extend(frame(&open(small, "今年以来,好。\n")));
    input.extend(pull(2, small));
    session.send(&input);
    session.wait_for(2);
    // While the big document is linted for its pull, the loop answers about the small one.
    let mut input = frame(&open(big, &big_text));
    input.extend(pull(3, big));
    input.extend(hover(4, small));
    session.send(&input);
    session.wait_for(3);
    let order = |frames: &[Value], id: u32| frames.iter().position(|f| f["id"] == id).unwrap();
    assert!(order(&session.seen, 4) < order(&session.seen, 3));
    assert_eq!(
        session.seen[order(&session.seen, 3)]["result"]["items"]
            .as_array()
            .unwrap()
            .len(),
        1000
    );
    // An edit before the answer: the pull is to be asked again, the hover was about a text
    // that is gone, and a request cancelled while it waits is answered as cancelled.
    // (Only the first edit is big: the frames after it are read long before its lint ends.)
    let mut bytes = frame(&notification(
        "textDocument/didChange",
        json!({"textDocument": {"uri": big, "version": 2}, "contentChanges": [{"text": big_text.replace(',', "，")}]}),
    ));
    bytes.extend(pull(5, big));
    bytes.extend(frame(&notification(
        "textDocument/didChange",
        json!({"textDocument": {"uri": big, "version": 3}, "contentChanges": [{"text": "好,\n"}]}),
    )));
    bytes.extend(hover(6, big));
    bytes.extend(pull(7, big));
    bytes.extend(frame(&notification("$/cancelRequest", json!({"id": 7}))));
    bytes.extend(frame(&notification(
        "textDocument/didChange",
        json!({"textDocument": {"uri": big, "version": 4}, "contentChanges": [{"text": "好。\n"}]}),
    )));
    bytes.extend(end());
    session.send(&bytes);
    let (frames, code) = session.finish();
    assert_eq!(code, Some(0));
    assert_eq!(response(&frames, 5)["error"]["code"], -32802);
    assert_eq!(response(&frames, 5)["error"]["data"]["retriggerRequest"], true);
    assert_eq!(response(&frames, 6)["error"]["code"], -32801);
    assert_eq!(response(&frames, 7)["error"]["code"], -32800);
}

#[test]
fn an_ignore_holds_at_once_through_its_command_saved_or_not() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::write(root.join("newslint.toml"), "extensions = [\"txt\"]\n").unwrap();
    let uri = format!("file://{}/a.txt", root.display());
    let text = "他说,好。今年1-8月,增长。\n";
    let mut session = Session::start(&root);
    let actions_at = |id: u32, character: u32| {
        frame(&request(
            id,
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "context": {"diagnostics": [], "only": ["quickfix"]},
                   "range": {"start": {"line": 0, "character": character}, "end": {"line": 0, "character": character + 1}}}),
        ))
    };
    let pull = |id: u32| {
        frame(&request(
            id,
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": uri}}),
        ))
    };
    // The client applies an action's edit to a buffer, does not save it, and runs its command.
    let run = |session: &mut Session, id: u32, asked: u32, title: &str| -> Value {
        let action = session.seen.iter().find(|f| f["id"] == asked).unwrap()["result"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["title"] == title)
            .unwrap_or_else(|| panic!("no {title:?}"))
            .clone();
        let command = &action["command"];
        session.send(&frame(&request(
            id,
            "workspace/executeCommand",
            json!({"command": command["command"], "arguments": command["arguments"]}),
        )));
        session.wait_for(id);
        action
    };
    let commas = |session: &Session, id: u32| -> usize {
        let items = &session.seen.iter().find(|f| f["id"] == id).unwrap()["result"]["items"];
        codes_of(items)
            .iter()
            .filter(|c| **c == "halfwidth-punctuation")
            .count()
    };
    let mut input = frame(&initialize(1, json!({"textDocument": {"diagnostic": {}}})));
    input.extend(frame(&open(&uri, text)));
    input.extend(actions_at(2, 2));
    session.send(&input);
    session.wait_for(2);
    let once = run(
        &mut session,
        3,
        2,
        "Ignore this halfwidth-punctuation occurrence in newslint-ignore.toml",
    );
    assert_eq!(once["edit"]["documentChanges"][0]["kind"], "create");
    assert!(!root.join("newslint-ignore.toml").exists());
    session.send(&pull(4));
    session.wait_for(4);
    assert_eq!(commas(&session, 4), 1);
    // The next entry goes after the first, in the text the client holds.
    session.send(&actions_at(5, 11));
    session.wait_for(5);
    let file = run(&mut session, 6, 5, "Ignore halfwidth-punctuation in this file");
    let change = &file["edit"]["documentChanges"][0];
    assert!(change.get("kind").is_none(), "{change}");
    assert_eq!(change["edits"][0]["range"]["start"]["line"], 5, "{change}");
    session.send(&pull(7));
    session.wait_for(7);
    assert_eq!(commas(&session, 7), 0);
    // The side file is seen on disk (not saved, so absent): the faults are back.
    session.send(&frame(&notification(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": format!("file://{}/newslint-ignore.toml", root.display()), "type": 3}]}),
    )));
    session.send(&pull(8));
    session.wait_for(8);
    assert_eq!(commas(&session, 8), 2);
    // The project's configuration, the same way.
    session.send(&actions_at(9, 2));
    session.wait_for(9);
    run(
        &mut session,
        10,
        9,
        "Ignore halfwidth-punctuation in this project (newslint.toml)",
    );
    session.send(&pull(11));
    session.wait_for(11);
    assert_eq!(commas(&session, 11), 0);
    assert_eq!(
        std::fs::read_to_string(root.join("newslint.toml")).unwrap(),
        "extensions = [\"txt\"]\n"
    );
    session.send(&end());
    assert_eq!(session.finish().1, Some(0));
}

#[test]
fn editor_rules_sit_below_or_above_the_configuration_file_as_preferred() {
    let rule = "halfwidth-punctuation";
    // (the file's settings, the editor's, the preference, whether the comma is reported)
    let cases = [
        (
            format!("select = [\"{rule}\"]\n"),
            json!({"ignore": [rule]}),
            "filesystemFirst",
            true,
        ),
        (
            format!("select = [\"{rule}\"]\n"),
            json!({"ignore": [rule]}),
            "editorFirst",
            false,
        ),
        (
            format!("ignore = [\"{rule}\"]\n"),
            json!({"select": [rule]}),
            "filesystemFirst",
            false,
        ),
        (
            format!("ignore = [\"{rule}\"]\n"),
            json!({"select": [rule]}),
            "editorFirst",
            true,
        ),
        (format!("ignore = [\"{rule}\"]\n"), json!({}), "editorOnly", true),
        // A file silent on the rule leaves the editor's choice standing.
        (
            "extensions = [\"txt\"]\n".to_owned(),
            json!({"ignore": [rule]}),
            "filesystemFirst",
            false,
        ),
    ];
    for (file, editor, preference, reported) in cases {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::write(root.join("newslint.toml"), &file).unwrap();
        let uri = format!("file://{}/a.txt", root.display());
        let mut options = editor.clone();
        options["configurationPreference"] = json!(preference);
        let mut input = frame(&json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"processId": null, "rootUri": null, "capabilities": {"textDocument": {"diagnostic": {}}},
                       "initializationOptions": options}}));
        input.extend(frame(&open(&uri, "他说,好。\n")));
        input.extend(frame(&request(
            2,
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": uri}}),
        )));
        input.extend(end());
        let (frames, _) = session(&input, &root);
        let codes = codes_of(&response(&frames, 2)["result"]["items"]);
        assert_eq!(
            codes.contains(&rule),
            reported,
            "{file:?} {editor} {preference}: {codes:?}"
        );
    }
    // Settings changed later (workspace/didChangeConfiguration) lint again under the new rules.
    let dir = tempfile::tempdir().unwrap();
    let uri = "untitled:b.txt";
    let mut session = Session::start(dir.path());
    let mut input = frame(&initialize(1, json!({"textDocument": {"diagnostic": {}}})));
    input.extend(frame(&open(uri, "他说,好。\n")));
    input.extend(frame(&request(
        2,
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri}}),
    )));
    session.send(&input);
    session.wait_for(2);
    let mut input = frame(&notification(
        "workspace/didChangeConfiguration",
        json!({"settings": {"newslint": {"ignore": [rule]}}}),
    ));
    input.extend(frame(&request(
        3,
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri}}),
    )));
    input.extend(end());
    session.send(&input);
    let (frames, _) = session.finish();
    assert!(codes_of(&response(&frames, 2)["result"]["items"]).contains(&rule));
    assert!(!codes_of(&response(&frames, 3)["result"]["items"]).contains(&rule));
}
