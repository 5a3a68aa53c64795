//! `newslint server`: a language server over standard input and output (LSP 3.17).
//!
//! One loop reads the messages in order, so opens, changes and closes apply in the order they
//! were sent; it never lints. Documents are linted on a thread of their own and their safe
//! fixes applied on another, and a request that needs what they work out (pulled
//! diagnostics, fix-all, a hover before anything is linted) waits parked while the loop
//! answers others; an edit before its answer makes it stale (`ContentModified`, or
//! `ServerCancelled` for a pull, to be asked again). Frames are read here, not by `lsp-server`:
//! a malformed frame (a truncated body, a missing header, JSON that is not a message) gets a
//! JSON-RPC error and the server reads on. Positions are converted in the encoding negotiated
//! at start (UTF-8 if the client offers it, else UTF-32, else UTF-16) through the document's
//! line index, where `\n`, `\r\n` and `\r` all end a line.

use crate::cli::LintOptions;
use crate::diagnostic::Severity;
use crate::linter::{FixMode, Linter};
use crate::rules;
use crate::source::LineIndex;
use gen_lsp_types::{
    CodeActionParams, DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    HoverParams, InitializeParams, TextDocumentContentChangeEvent,
};
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet, VecDeque};
use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The most diagnostics sent for one document: an editor is slowed by more, and a person
/// reads no more.
const MAX_DIAGNOSTICS: usize = 1000;
/// The largest frame read: a document of a few hundred megabytes is not edited in an editor.
const MAX_FRAME: usize = 256 << 20;
/// How long after the last change a document is linted (the editor setting `debounceMs`).
const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(300);
/// The id of the server's `workspace/configuration` request, whose answer holds the settings.
const SETTINGS_REQUEST: &str = "newslint-settings";
/// The code action kind of every safe fix at once.
const FIX_ALL_KIND: &str = "source.fixAll.newslint";

/// Whether a code action request asks for actions of `kind` (`context.only` absent, or
/// naming it or a kind above it, as `source` is above `source.fixAll`).
fn wants(params: &Value, kind: &str) -> bool {
    params
        .pointer("/context/only")
        .and_then(Value::as_array)
        .is_none_or(|only| {
            only.iter()
                .any(|k| k.as_str().is_some_and(|k| kind.starts_with(k)))
        })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Utf16,
    Utf32,
}

impl Encoding {
    fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16 => "utf-16",
            Encoding::Utf32 => "utf-32",
        }
    }

    fn units(self, c: char) -> u32 {
        match self {
            Encoding::Utf8 => c.len_utf8() as u32,
            Encoding::Utf16 => c.len_utf16() as u32,
            Encoding::Utf32 => 1,
        }
    }
}

/// An open document.
struct Document {
    text: String,
    version: i32,
    index: LineIndex,
    /// The diagnostics of this text, once linted.
    linted: Option<Vec<crate::diagnostic::Diagnostic>>,
    /// When a change is to be linted and published (changes in quick succession are linted once).
    due: Option<Instant>,
    /// The diagnostics of this text were published (a hover may lint a text before).
    published: bool,
    /// They are to be published once linted (a lint for a request alone publishes nothing).
    publish_when_linted: bool,
    /// Until this text is linted: an earlier version's diagnostics moved through the edits
    /// since, for requests about one spot (hover, quick fixes) that need not wait for a lint.
    carried: Option<Vec<crate::diagnostic::Diagnostic>>,
    /// Every safe fix of this text applied (`None` inside: nothing to fix), worked out on the
    /// fix thread once the text is linted, so that fix-all is answered at once.
    fix_all: Option<Option<String>>,
    /// This text is on the lint thread, or on the fix thread: no second job is sent.
    linting: bool,
    fixing: bool,
    /// Requests that wait for this text's lint or fix-all, answered when it comes (an edit
    /// before then makes them stale: they are answered as such).
    parked: Vec<Request>,
}

impl Document {
    fn new(text: String, version: i32) -> Document {
        let index = LineIndex::new(&text);
        Document {
            text,
            version,
            index,
            linted: None,
            due: None,
            published: false,
            publish_when_linted: false,
            carried: None,
            fix_all: None,
            linting: false,
            fixing: false,
            parked: Vec::new(),
        }
    }

    /// The LSP position of byte `offset`.
    fn position(&self, offset: usize, encoding: Encoding) -> Value {
        let offset = offset.min(self.text.len());
        let line = self.index.line_of(offset);
        let start = self.index.line_range(&self.text, line).start;
        let character: u32 = self.text[start..offset].chars().map(|c| encoding.units(c)).sum();
        json!({"line": line, "character": character})
    }

    fn range(&self, range: std::ops::Range<usize>, encoding: Encoding) -> Value {
        json!({"start": self.position(range.start, encoding), "end": self.position(range.end, encoding)})
    }

    /// The byte offset of an LSP position; past the end of a line, the line's end.
    fn offset(&self, line: u32, character: u32, encoding: Encoding) -> usize {
        let line = line as usize;
        if line >= self.index.line_count() {
            return self.text.len();
        }
        let range = self.index.line_range(&self.text, line);
        let mut units = 0;
        for (i, c) in self.text[range.clone()].char_indices() {
            if units >= character {
                return range.start + i;
            }
            units += encoding.units(c);
        }
        range.end
    }
}

struct Server {
    encoding: Encoding,
    /// How long after a change the document is linted, when no other change comes.
    debounce: Duration,
    /// Lint as the text changes (after `debounce`), or only on open and save.
    lint_on_change: bool,
    /// The most diagnostics sent for one document.
    max_diagnostics: usize,
    /// The editor's rule selection (settings `select`, `ignore`), below or above each
    /// configuration file's (`configurationPreference`), or alone ("editorOnly").
    editor_rules: crate::config::EditorSelection,
    editor_only: bool,
    /// Where a rule's documentation is (setting `docsUrl`, `{rule}` standing for its name),
    /// sent as each diagnostic's `codeDescription`; none by default.
    docs_url: Option<String>,
    /// The client answers `workspace/configuration`.
    asks_configuration: bool,
    /// Diagnostics are pulled by the client (`textDocument/diagnostic`), or pushed.
    pull: bool,
    /// The client lets the server ask it to watch the configuration files.
    watch_dynamically: bool,
    /// The client takes an edit as `documentChanges` (else as `changes`), and among them file
    /// creations.
    document_changes: bool,
    creates_files: bool,
    documents: HashMap<String, Document>,
    /// A linter per configuration file (`None`: the defaults), built when first needed.
    linters: HashMap<Option<PathBuf>, Result<Arc<Linter>, String>>,
    /// Where lint jobs go: the lint thread, which answers on the loop's channel.
    jobs: std::sync::mpsc::Sender<Job>,
    /// Where fix-all jobs go: the fix thread, which answers on the loop's channel.
    fixes: std::sync::mpsc::Sender<FixJob>,
    /// Counts the configuration reloads: a lint made with an older linter is stale.
    generation: u64,
    /// Configuration and side files as ignore actions left them in the client's buffers,
    /// which it may not have saved: in effect at once (the action's `newslint.ignore`
    /// command), until the file is seen saved or changed on disk.
    written: HashMap<PathBuf, Written>,
    shutdown: bool,
    out: std::io::Stdout,
}

/// What the reader thread and the lint thread pass on.
enum Incoming {
    Frame(Vec<u8>),
    Bad(String),
    /// The input ended (or could not be read).
    End,
    /// A document's diagnostics, linted off the loop, for the version named.
    Linted {
        uri: String,
        version: i32,
        generation: u64,
        found: Vec<crate::diagnostic::Diagnostic>,
    },
    /// A document's text with every safe fix applied (`None`: nothing to fix), for the
    /// version named.
    Fixed {
        uri: String,
        version: i32,
        generation: u64,
        fixed: Option<String>,
    },
}

/// A file as an ignore action left it.
struct Written {
    text: String,
    /// The rules the actions turned off in it (a configuration file).
    rules: Vec<String>,
}

/// The command an ignore action carries after its edit: the server takes the file's new text
/// as in effect (a client may apply the edit to a buffer and leave it unsaved).
const IGNORE_COMMAND: &str = "newslint.ignore";

/// A linted text whose safe fixes the fix thread applies.
struct FixJob {
    uri: String,
    version: i32,
    generation: u64,
    text: String,
    found: Vec<crate::diagnostic::Diagnostic>,
    linter: Arc<Linter>,
    path: Option<PathBuf>,
}

/// The fix-all mode: safe fixes only, nothing written.
const FIX_ALL: FixMode = FixMode {
    unsafe_fixes: false,
    write: false,
};

/// Applies the safe fixes of the newest job of each document (as `lint_thread` lints), and
/// sends the fixed text back; a text whose fixes do not settle gets no fix-all (`None`).
fn fix_thread(jobs: std::sync::mpsc::Receiver<FixJob>, back: std::sync::mpsc::Sender<Incoming>) {
    while let Ok(first) = jobs.recv() {
        let mut latest: Vec<FixJob> = Vec::new();
        for job in std::iter::once(first).chain(jobs.try_iter()) {
            latest.retain(|j| j.uri != job.uri);
            latest.push(job);
        }
        for job in latest {
            let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let ignored = job.linter.ignored(job.path.as_deref());
                job.linter.fix_linted(&job.text, job.found, &ignored, FIX_ALL)
            }));
            let done = Incoming::Fixed {
                uri: job.uri,
                version: job.version,
                generation: job.generation,
                fixed: run
                    .ok()
                    .and_then(Result::ok)
                    .and_then(|run| run.fixed)
                    .map(|f| f.text),
            };
            if back.send(done).is_err() {
                return;
            }
        }
    }
}

/// A text to lint on the lint thread.
struct Job {
    uri: String,
    version: i32,
    generation: u64,
    text: String,
    linter: Arc<Linter>,
    path: Option<PathBuf>,
}

/// Lints the jobs as they come, the newest of each document only (a job that a newer one of
/// its document overtook in the queue is dropped unlinted), and sends the diagnostics back.
fn lint_thread(jobs: std::sync::mpsc::Receiver<Job>, back: std::sync::mpsc::Sender<Incoming>) {
    while let Ok(first) = jobs.recv() {
        let mut queue = vec![first];
        queue.extend(jobs.try_iter());
        let mut latest: Vec<Job> = Vec::new();
        for job in queue {
            latest.retain(|j| j.uri != job.uri);
            latest.push(job);
        }
        for job in latest {
            let found = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                job.linter.lint(&job.text, job.path.as_deref())
            }))
            .unwrap_or_default();
            let done = Incoming::Linted {
                uri: job.uri,
                version: job.version,
                generation: job.generation,
                found,
            };
            if back.send(done).is_err() {
                return;
            }
        }
    }
}

/// Runs the server until `exit`; returns the process's exit code (0 after `shutdown`).
pub fn serve() -> u8 {
    // Frames are read on a thread of their own, and documents are linted on another, so that
    // the loop can wait for the next message, a lint's result or the moment a changed
    // document is due, and answer requests while a long document is being linted.
    let (sender, receiver) = std::sync::mpsc::channel();
    let reader = sender.clone();
    std::thread::spawn(move || {
        let stdin = std::io::stdin();
        let mut input = stdin.lock();
        loop {
            let incoming = match read_frame(&mut input) {
                Ok(Some(frame)) => Incoming::Frame(frame),
                Ok(None) | Err(FrameError::Io) => Incoming::End,
                Err(FrameError::Bad(why)) => Incoming::Bad(why),
            };
            let end = matches!(incoming, Incoming::End);
            if reader.send(incoming).is_err() || end {
                return;
            }
        }
    });
    let (jobs, queue) = std::sync::mpsc::channel();
    let fixed = sender.clone();
    std::thread::spawn(move || lint_thread(queue, sender));
    let (fixes, fix_queue) = std::sync::mpsc::channel();
    std::thread::spawn(move || fix_thread(fix_queue, fixed));
    let mut server = Server {
        encoding: Encoding::Utf16,
        pull: false,
        watch_dynamically: false,
        document_changes: false,
        creates_files: false,
        debounce: DEFAULT_DEBOUNCE,
        lint_on_change: true,
        max_diagnostics: MAX_DIAGNOSTICS,
        editor_rules: crate::config::EditorSelection {
            file_wins: true,
            ..Default::default()
        },
        editor_only: false,
        docs_url: None,
        asks_configuration: false,
        documents: HashMap::new(),
        linters: HashMap::new(),
        jobs,
        fixes,
        generation: 0,
        written: HashMap::new(),
        shutdown: false,
        out: std::io::stdout(),
    };
    // Messages read but not yet handled, and the requests cancelled among them: whatever is
    // waiting is read before each message is handled, so that a request cancelled behind it
    // (`$/cancelRequest`), even while an earlier one was worked on, is answered as cancelled
    // instead of worked on.
    let mut queue: VecDeque<Result<Message, Incoming>> = VecDeque::new();
    let mut cancelled: HashSet<RequestId> = HashSet::new();
    loop {
        if queue.is_empty() {
            let due = server.documents.values().filter_map(|d| d.due).min();
            let first = match due {
                Some(due) => match receiver.recv_timeout(due.saturating_duration_since(Instant::now())) {
                    Ok(incoming) => incoming,
                    Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                        server.lint_due(Instant::now());
                        continue;
                    }
                    Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => Incoming::End,
                },
                None => receiver.recv().unwrap_or(Incoming::End),
            };
            queue.push_back(server.parse(first));
            cancelled.extend(queue.back().and_then(cancelled_id));
        }
        for incoming in receiver.try_iter() {
            queue.push_back(server.parse(incoming));
            cancelled.extend(queue.back().and_then(cancelled_id));
        }
        let Some(message) = queue.pop_front() else {
            continue;
        };
        match message {
            Ok(Message::Request(request)) if cancelled.remove(&request.id) => {
                server.respond(
                    request.id,
                    Err((ErrorCode::RequestCanceled, "cancelled".to_owned())),
                );
            }
            Ok(Message::Request(request)) => server.request(request),
            Ok(Message::Notification(notification)) => {
                if notification.method == "exit" {
                    return if server.shutdown { 0 } else { 1 };
                }
                server.notification(notification);
            }
            Ok(Message::Response(response)) => {
                if response.id == lsp_server::RequestId::from(SETTINGS_REQUEST.to_owned())
                    && let Ok(Some(settings)) = response.response_result.as_ref().map(|r| r.get(0))
                {
                    server.apply_settings(settings);
                }
            }
            Err(Incoming::End) => return if server.shutdown { 0 } else { 1 },
            Err(Incoming::Linted {
                uri,
                version,
                generation,
                found,
            }) if generation == server.generation => server.linted(&uri, version, found),
            Err(Incoming::Fixed {
                uri,
                version,
                generation,
                fixed,
            }) if generation == server.generation => {
                if let Some(doc) = server.documents.get_mut(&uri).filter(|d| d.version == version) {
                    doc.fix_all = Some(fixed);
                    doc.fixing = false;
                    server.resume(&uri);
                }
            }
            Err(_) => {}
        }
    }
}

/// The request a `$/cancelRequest` notification cancels.
fn cancelled_id(message: &Result<Message, Incoming>) -> Option<RequestId> {
    match message {
        Ok(Message::Notification(n)) if n.method == "$/cancelRequest" => {
            serde_json::from_value(n.params.get("id")?.clone()).ok()
        }
        _ => None,
    }
}

enum FrameError {
    Io,
    Bad(String),
}

/// One `Content-Length` frame's body; `None` at the end of the input.
fn read_frame(input: &mut impl BufRead) -> Result<Option<Vec<u8>>, FrameError> {
    let mut length = None;
    let mut line = String::new();
    loop {
        line.clear();
        match input.read_line(&mut line) {
            Ok(0) => {
                return if length.is_none() {
                    Ok(None)
                } else {
                    Err(FrameError::Io)
                };
            }
            Ok(_) => {}
            Err(_) => return Err(FrameError::Io),
        }
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse::<usize>().ok();
            if length.is_none() {
                return Err(FrameError::Bad(format!("bad Content-Length: {}", value.trim())));
            }
        }
    }
    let Some(length) = length else {
        return Err(FrameError::Bad("a frame without Content-Length".to_owned()));
    };
    if length == 0 {
        return Err(FrameError::Bad("an empty frame (Content-Length: 0)".to_owned()));
    }
    if length > MAX_FRAME {
        // Read past it, so that the next frame starts where it should.
        let skipped = std::io::copy(&mut input.take(length as u64), &mut std::io::sink())
            .map_err(|_| FrameError::Io)?;
        return if skipped == length as u64 {
            Err(FrameError::Bad(format!(
                "a frame of {length} bytes, more than {MAX_FRAME}"
            )))
        } else {
            Err(FrameError::Io)
        };
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body).map_err(|_| FrameError::Io)?;
    Ok(Some(body))
}

impl Server {
    /// A frame as a message; what is not one is answered here (a parse error) and passed on
    /// as `Err`, with the end of the input and the lint thread's results.
    fn parse(&mut self, incoming: Incoming) -> Result<Message, Incoming> {
        let frame = match incoming {
            Incoming::Frame(frame) => frame,
            Incoming::Bad(why) => {
                self.send_raw(&json!({"jsonrpc": "2.0", "id": null, "error": {"code": ErrorCode::ParseError as i32, "message": why}}));
                return Err(Incoming::Bad(String::new()));
            }
            other => return Err(other),
        };
        serde_json::from_slice(&frame).map_err(|e| {
            // A request whose id can be read gets its own error; anything else, one with no id.
            let id = serde_json::from_slice::<Value>(&frame)
                .ok()
                .and_then(|v| v.get("id").cloned());
            let code = if id.is_some() {
                ErrorCode::InvalidRequest
            } else {
                ErrorCode::ParseError
            };
            self.send_raw(&json!({"jsonrpc": "2.0", "id": id, "error": {"code": code as i32, "message": format!("not a JSON-RPC message: {e}")}}));
            Incoming::Bad(String::new())
        })
    }

    /// The lint thread's result (of the current configuration): kept and published if the
    /// document is still at that version (an edit since made it stale: the edit's own lint is
    /// on its way).
    fn linted(&mut self, uri: &str, version: i32, found: Vec<crate::diagnostic::Diagnostic>) {
        let Some(doc) = self.documents.get_mut(uri).filter(|_| !self.shutdown) else {
            return;
        };
        if doc.version != version {
            return;
        }
        doc.linting = false;
        doc.linted = Some(found);
        let publish = doc.publish_when_linted;
        // What waited for the lint is answered first; a change still in its debounce is
        // published when due.
        self.resume(uri);
        if publish {
            self.publish(uri);
        }
        self.prepare_fix_all(uri);
    }

    /// Has the fix thread work out fix-all for a linted document that has safe fixes (one
    /// without any has nothing to fix).
    fn prepare_fix_all(&mut self, uri: &str) {
        let Some(doc) = self
            .documents
            .get_mut(uri)
            .filter(|d| d.fix_all.is_none() && !d.fixing)
        else {
            return;
        };
        let Some(found) = &doc.linted else { return };
        if !found.iter().any(|d| {
            d.fix
                .as_ref()
                .is_some_and(|f| f.applicability >= FIX_ALL.threshold())
        }) {
            doc.fix_all = Some(None);
            return;
        }
        let job = (doc.version, doc.text.clone(), found.clone());
        let generation = self.generation;
        let (linter, path) = self.linter(uri);
        if let Ok(linter) = linter {
            let (version, text, found) = job;
            let job = FixJob {
                uri: uri.to_owned(),
                version,
                generation,
                text,
                found,
                linter: Arc::clone(linter),
                path,
            };
            // A closed channel leaves fix-all to be worked out when asked for.
            if self.fixes.send(job).is_ok()
                && let Some(doc) = self.documents.get_mut(uri)
            {
                doc.fixing = true;
            }
        }
    }

    /// The document a request must wait for, with its lint or its fix-all set going: the
    /// diagnostics pulled and fix-all need the current text linted, a hover or a quick fix
    /// at least an earlier version's diagnostics carried through the edits. `None`: the
    /// request is answered now (also at shutdown, or when no thread can do the work).
    fn waits_for(&mut self, request: &Request) -> Option<String> {
        let needs_fix_all = match request.method.as_str() {
            "textDocument/diagnostic" | "textDocument/hover" => false,
            "textDocument/codeAction" => wants(&request.params, FIX_ALL_KIND),
            _ => return None,
        };
        let uri = request.params.pointer("/textDocument/uri")?.as_str()?.to_owned();
        let doc = self.documents.get(&uri).filter(|_| !self.shutdown)?;
        let spot = request.method != "textDocument/diagnostic" && !needs_fix_all;
        if doc.linted.is_none() && !(spot && doc.carried.is_some()) {
            self.start_lint(&uri);
            return self.documents[&uri].linting.then_some(uri);
        }
        if needs_fix_all && doc.fix_all.is_none() {
            self.prepare_fix_all(&uri);
            return self.documents[&uri].fixing.then_some(uri);
        }
        None
    }

    /// Answers the requests that waited for a document's lint or fix-all (those that still
    /// wait for more stay parked).
    fn resume(&mut self, uri: &str) {
        let parked = self
            .documents
            .get_mut(uri)
            .map(|d| std::mem::take(&mut d.parked))
            .unwrap_or_default();
        for request in parked {
            self.request(request);
        }
    }

    /// Answers a parked request whose document changed before it could be: a pull is to be
    /// asked again (LSP's `ServerCancelled` with `retriggerRequest`), anything else was
    /// about a text that is gone (`ContentModified`).
    fn answer_stale(&mut self, request: Request) {
        let (code, data) = if request.method == "textDocument/diagnostic" {
            (
                ErrorCode::ServerCancelled,
                Some(json!({"retriggerRequest": true})),
            )
        } else {
            (ErrorCode::ContentModified, None)
        };
        self.send(Message::Response(Response {
            id: request.id,
            response_result: Err(lsp_server::ResponseError {
                code: code as i32,
                message: "the document changed before this could be answered".to_owned(),
                data,
            }),
        }));
    }

    /// Publishes a document's diagnostics: at once when its version is linted, else once the
    /// lint thread has linted it. A client that pulls has it linted, to be ready when it asks.
    fn schedule(&mut self, uri: &str) {
        if self.pull {
            self.start_lint(uri);
            return;
        }
        let Some(doc) = self.documents.get_mut(uri) else {
            return;
        };
        if doc.linted.is_some() {
            return self.publish(uri);
        }
        doc.publish_when_linted = true;
        // Without the lint thread (or with a configuration error, published as a
        // diagnostic), here and now.
        if !self.start_lint(uri) {
            self.publish(uri);
        }
    }

    /// Sends a document's text to the lint thread, unless it is linted or on its way; false
    /// when it cannot be (the configuration is in error, or the thread is gone).
    fn start_lint(&mut self, uri: &str) -> bool {
        let Some(doc) = self.documents.get_mut(uri) else {
            return false;
        };
        if doc.linted.is_some() || doc.linting {
            return true;
        }
        let (version, text, generation) = (doc.version, doc.text.clone(), self.generation);
        let (linter, path) = self.linter(uri);
        let Ok(linter) = linter else { return false };
        let job = Job {
            uri: uri.to_owned(),
            version,
            generation,
            text,
            linter: Arc::clone(linter),
            path,
        };
        let sent = self.jobs.send(job).is_ok();
        if let Some(doc) = self.documents.get_mut(uri) {
            doc.linting = sent;
        }
        sent
    }

    fn send_raw(&mut self, value: &Value) {
        let body = value.to_string();
        let mut out = self.out.lock();
        let _ = write!(out, "Content-Length: {}\r\n\r\n{body}", body.len()).and_then(|()| out.flush());
    }

    fn send(&mut self, message: Message) {
        let mut out = self.out.lock();
        let _ = message.write(&mut out).and_then(|()| out.flush());
    }

    fn respond(&mut self, id: RequestId, result: Result<Value, (ErrorCode, String)>) {
        let response = match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        };
        self.send(Message::Response(response));
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(Message::Notification(Notification::new(
            method.to_owned(),
            params,
        )));
    }

    fn request(&mut self, request: Request) {
        if let Some(uri) = self.waits_for(&request) {
            if let Some(doc) = self.documents.get_mut(&uri) {
                doc.parked.push(request);
            }
            return;
        }
        let Request { id, method, params } = request;
        let result = match method.as_str() {
            "initialize" => self.initialize(params),
            "shutdown" => {
                // Whatever waits is answered now (worked out here), and what was changed last
                // is still published, before the answer to this.
                self.shutdown = true;
                let uris: Vec<String> = self.documents.keys().cloned().collect();
                for uri in &uris {
                    self.resume(uri);
                }
                for uri in uris {
                    if let Some(doc) = self.documents.get_mut(&uri)
                        && (doc.due.is_some() || !doc.published)
                    {
                        doc.due = None;
                        self.publish(&uri);
                    }
                }
                Ok(Value::Null)
            }
            "textDocument/codeAction" => self.code_actions(params),
            "textDocument/hover" => self.hover(params),
            "textDocument/diagnostic" => self.pulled(params),
            "workspace/executeCommand" if params["command"] == IGNORE_COMMAND => self.ignore_command(&params),
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("newslint does not answer {method}"),
            )),
        };
        self.respond(id, result);
    }

    fn notification(&mut self, notification: Notification) {
        let Notification { method, params } = notification;
        match method.as_str() {
            "textDocument/didOpen" => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(params) {
                    let uri = p.text_document.uri.0;
                    let reopened = self.documents.insert(
                        uri.clone(),
                        Document::new(p.text_document.text, p.text_document.version),
                    );
                    for request in reopened.into_iter().flat_map(|d| d.parked) {
                        self.answer_stale(request);
                    }
                    self.schedule(&uri);
                }
            }
            "textDocument/didChange" => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(params) {
                    let uri = p.text_document.text_document_identifier.uri.0;
                    let encoding = self.encoding;
                    let Some(doc) = self.documents.get_mut(&uri) else {
                        return;
                    };
                    let stale = std::mem::take(&mut doc.parked);
                    for change in p.content_changes {
                        let carried = doc.linted.take().or_else(|| doc.carried.take());
                        let (text, carried) = match change {
                            TextDocumentContentChangeEvent::TextDocumentContentChangeWholeDocument(whole) => {
                                (whole.text, None)
                            }
                            TextDocumentContentChangeEvent::TextDocumentContentChangePartial(part) => {
                                let start =
                                    doc.offset(part.range.start.line, part.range.start.character, encoding);
                                let end = doc
                                    .offset(part.range.end.line, part.range.end.character, encoding)
                                    .max(start);
                                let mut text = std::mem::take(&mut doc.text);
                                text.replace_range(start..end, &part.text);
                                let carried = carried.map(|found| moved(found, start..end, part.text.len()));
                                (text, carried)
                            }
                        };
                        *doc = Document::new(text, doc.version);
                        doc.carried = carried;
                    }
                    doc.version = p.text_document.version;
                    doc.due = self.lint_on_change.then(|| Instant::now() + self.debounce);
                    for request in stale {
                        self.answer_stale(request);
                    }
                }
            }
            "initialized" => {
                if self.asks_configuration {
                    self.ask_settings();
                }
                if self.watch_dynamically {
                    self.watch_configuration();
                }
            }
            "textDocument/didClose" => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(params) {
                    let uri = p.text_document.uri.0;
                    // What waited for it is answered as for a document not open.
                    let parked = self.documents.remove(&uri).map(|d| d.parked);
                    for request in parked.into_iter().flatten() {
                        self.request(request);
                    }
                    if !self.pull {
                        self.notify(
                            "textDocument/publishDiagnostics",
                            json!({"uri": uri, "diagnostics": []}),
                        );
                    }
                }
            }
            "workspace/didChangeConfiguration" => {
                // Settings sent along, or to be asked for.
                if let Some(settings) = params.pointer("/settings/newslint") {
                    self.apply_settings(settings);
                } else if self.asks_configuration {
                    self.ask_settings();
                }
            }
            "textDocument/didSave" | "workspace/didChangeWatchedFiles" => {
                // A saved document is linted at once.
                if let Some(uri) = params.pointer("/textDocument/uri").and_then(Value::as_str)
                    && let Some(doc) = self.documents.get_mut(uri)
                    && (doc.due.is_some() || !doc.published)
                {
                    doc.due = None;
                    let uri = uri.to_owned();
                    self.schedule(&uri);
                }
                // A configuration file may have changed: what is on disk now holds for it;
                // build the linters again, lint again.
                let named: Vec<PathBuf> = params
                    .pointer("/changes")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .chain(params.pointer("/textDocument"))
                    .filter_map(|f| path_of(f.get("uri")?.as_str()?))
                    .collect();
                let touches_config = named.iter().any(|path| {
                    path.file_name().is_some_and(|name| {
                        name == crate::config::CONFIG_FILE || name == crate::suppress::IGNORE_FILE
                    })
                });
                if touches_config {
                    for path in &named {
                        self.written.remove(path);
                    }
                    self.reload();
                }
            }
            "$/cancelRequest" => {
                // A request parked for its document's lint (one still in the queue is
                // answered in the loop).
                let Ok(id) =
                    serde_json::from_value::<RequestId>(params.get("id").cloned().unwrap_or_default())
                else {
                    return;
                };
                let parked = self.documents.values_mut().find_map(|d| {
                    let at = d.parked.iter().position(|r| r.id == id)?;
                    Some(d.parked.remove(at))
                });
                if let Some(request) = parked {
                    self.respond(
                        request.id,
                        Err((ErrorCode::RequestCanceled, "cancelled".to_owned())),
                    );
                }
            }
            _ => {}
        }
    }

    /// Builds the linters again and lints the open documents again under them.
    fn reload(&mut self) {
        self.linters.clear();
        self.generation += 1;
        for doc in self.documents.values_mut() {
            doc.linted = None;
            doc.fix_all = None;
            doc.linting = false;
            doc.fixing = false;
        }
        let uris: Vec<String> = self.documents.keys().cloned().collect();
        for uri in uris {
            self.schedule(&uri);
        }
        if self.pull && !self.documents.is_empty() {
            self.send_raw(&json!({"jsonrpc": "2.0", "id": "newslint-refresh", "method": "workspace/diagnostic/refresh"}));
        }
    }

    /// `newslint.ignore`, run by the client after an ignore action's edit: the file's text as
    /// the edit left it (`path`, `text`) and the rule it turned off in a configuration file
    /// (`rule`) hold from now on.
    fn ignore_command(&mut self, params: &Value) -> Result<Value, (ErrorCode, String)> {
        let bad = || {
            (
                ErrorCode::InvalidParams,
                "newslint.ignore takes {path, text, rule?}".to_owned(),
            )
        };
        let argument = params.pointer("/arguments/0").ok_or_else(bad)?;
        let path = argument.get("path").and_then(Value::as_str).ok_or_else(bad)?;
        let text = argument.get("text").and_then(Value::as_str).ok_or_else(bad)?;
        let written = self.written.entry(PathBuf::from(path)).or_insert(Written {
            text: String::new(),
            rules: Vec::new(),
        });
        written.text = text.to_owned();
        written
            .rules
            .extend(argument.get("rule").and_then(Value::as_str).map(str::to_owned));
        self.reload();
        Ok(Value::Null)
    }

    /// An edit in `documentChanges` form, as the client takes it: without file creations if it
    /// cannot create files (the edit of an empty file then creates it), as `changes` (a map
    /// from URI to edits) if it takes no `documentChanges`.
    fn for_client(&self, mut edit: Value) -> Value {
        let Some(changes) = edit.get_mut("documentChanges").and_then(Value::as_array_mut) else {
            return edit;
        };
        if !self.creates_files {
            changes.retain(|c| c.get("kind").is_none());
        }
        if self.document_changes {
            return edit;
        }
        let mut by_uri = serde_json::Map::new();
        for change in changes.iter_mut() {
            let uri = change["textDocument"]["uri"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            if let Some(Value::Array(edits)) = change.get_mut("edits").map(Value::take) {
                let list = by_uri.entry(uri).or_insert_with(|| json!([]));
                if let Some(list) = list.as_array_mut() {
                    list.extend(edits);
                }
            }
        }
        json!({"changes": by_uri})
    }

    /// A configuration or side file's text: as an ignore action left it, else on disk.
    fn current_text(&self, path: &Path) -> Option<String> {
        match self.written.get(path) {
            Some(written) => Some(written.text.clone()),
            None => std::fs::read_to_string(path).ok(),
        }
    }

    /// Asks the client to watch the configuration files.
    fn watch_configuration(&mut self) {
        // The client watches the configuration files and says when one changes on
        // disk (another editor, git checkout); a save in this editor says so too.
        let watchers: Vec<Value> = [crate::config::CONFIG_FILE, crate::suppress::IGNORE_FILE]
            .iter()
            .map(|name| json!({"globPattern": format!("**/{name}")}))
            .collect();
        self.send_raw(&json!({"jsonrpc": "2.0", "id": "newslint-watch", "method": "client/registerCapability",
            "params": {"registrations": [{"id": "newslint-configuration", "method": "workspace/didChangeWatchedFiles",
                "registerOptions": {"watchers": watchers}}]}}));
    }

    /// Asks the client for the editor settings (section `newslint`); the answer comes back
    /// as a response to SETTINGS_REQUEST.
    fn ask_settings(&mut self) {
        self.send_raw(
            &json!({"jsonrpc": "2.0", "id": SETTINGS_REQUEST, "method": "workspace/configuration",
            "params": {"items": [{"section": "newslint"}]}}),
        );
    }

    /// Takes the editor settings it knows from `settings` (`debounceMs`, `lintOn`: "change"
    /// or "save", `maxDiagnostics`, `docsUrl`, `select`, `ignore`, `configurationPreference`:
    /// "filesystemFirst", "editorFirst" or "editorOnly"), and lints the open documents again
    /// under them (with new linters when the rules changed).
    fn apply_settings(&mut self, settings: &Value) {
        let rules = |key: &str| -> Option<Vec<String>> {
            let list = settings.get(key)?.as_array()?;
            Some(list.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        };
        let mut editor_rules = self.editor_rules.clone();
        let mut editor_only = self.editor_only;
        if let Some(select) = settings.get("select") {
            editor_rules.select = select.is_array().then(|| rules("select").unwrap_or_default());
        }
        if let Some(ignore) = rules("ignore") {
            editor_rules.ignore = ignore;
        }
        match settings.get("configurationPreference").and_then(Value::as_str) {
            Some("filesystemFirst") => (editor_rules.file_wins, editor_only) = (true, false),
            Some("editorFirst") => (editor_rules.file_wins, editor_only) = (false, false),
            Some("editorOnly") => (editor_rules.file_wins, editor_only) = (false, true),
            _ => {}
        }
        let rules_changed = editor_rules != self.editor_rules || editor_only != self.editor_only;
        (self.editor_rules, self.editor_only) = (editor_rules, editor_only);
        if let Some(ms) = settings.get("debounceMs").and_then(Value::as_u64) {
            self.debounce = Duration::from_millis(ms);
        }
        match settings.get("lintOn").and_then(Value::as_str) {
            Some("change") => self.lint_on_change = true,
            Some("save") => self.lint_on_change = false,
            _ => {}
        }
        if let Some(n) = settings.get("maxDiagnostics").and_then(Value::as_u64) {
            self.max_diagnostics = usize::try_from(n).unwrap_or(usize::MAX);
        }
        if let Some(url) = settings.get("docsUrl") {
            self.docs_url = url.as_str().filter(|u| u.contains("{rule}")).map(str::to_owned);
        }
        if rules_changed {
            return self.reload();
        }
        let uris: Vec<String> = self.documents.keys().cloned().collect();
        for uri in uris {
            self.schedule(&uri);
        }
    }

    fn initialize(&mut self, params: Value) -> Result<Value, (ErrorCode, String)> {
        let allows = |pointer: &str| params.pointer(pointer).and_then(Value::as_bool).unwrap_or(false);
        self.watch_dynamically = allows("/capabilities/workspace/didChangeWatchedFiles/dynamicRegistration");
        self.asks_configuration = allows("/capabilities/workspace/configuration");
        let operations = params
            .pointer("/capabilities/workspace/workspaceEdit/resourceOperations")
            .and_then(Value::as_array);
        self.creates_files = operations.is_some_and(|o| o.iter().any(|k| k == "create"));
        // Resource operations come only in `documentChanges`.
        self.document_changes =
            allows("/capabilities/workspace/workspaceEdit/documentChanges") || operations.is_some();
        if let Some(options) = params.get("initializationOptions") {
            self.apply_settings(options);
        }
        let params: InitializeParams =
            serde_json::from_value(params).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))?;
        let offered: Vec<String> = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.clone())
            .unwrap_or_default()
            .into_iter()
            .map(String::from)
            .collect();
        self.encoding = if offered.iter().any(|e| e == "utf-8") {
            Encoding::Utf8
        } else if offered.iter().any(|e| e == "utf-32") {
            Encoding::Utf32
        } else {
            Encoding::Utf16
        };
        self.pull = params
            .capabilities
            .text_document
            .as_ref()
            .is_some_and(|t| t.diagnostic.is_some());
        let mut capabilities = json!({
            "positionEncoding": self.encoding.name(),
            "textDocumentSync": {"openClose": true, "change": 2, "save": {"includeText": false}},
            "codeActionProvider": {"codeActionKinds": ["quickfix", FIX_ALL_KIND]},
            "hoverProvider": true,
            "executeCommandProvider": {"commands": [IGNORE_COMMAND]},
        });
        if self.pull {
            capabilities["diagnosticProvider"] = json!({"identifier": "newslint", "interFileDependencies": false, "workspaceDiagnostics": false});
        }
        Ok(json!({
            "capabilities": capabilities,
            "serverInfo": {"name": "newslint", "version": env!("CARGO_PKG_VERSION")},
        }))
    }

    /// The linter for a document: the configuration found from its folder up, or the defaults,
    /// with what ignore actions wrote into it and its side file.
    fn linter(&mut self, uri: &str) -> (&Result<Arc<Linter>, String>, Option<PathBuf>) {
        let path = path_of(uri);
        let config = path
            .as_deref()
            .and_then(Path::parent)
            .and_then(crate::config::discover)
            .filter(|_| !self.editor_only);
        let editor = Some(self.editor_rules.clone()).filter(|e| e.select.is_some() || !e.ignore.is_empty());
        let written = &self.written;
        let linter = self.linters.entry(config.clone()).or_insert_with(|| {
            let turned_off = config
                .as_ref()
                .and_then(|c| written.get(c))
                .map(|w| w.rules.clone())
                .unwrap_or_default();
            let side = config.as_deref().and_then(Path::parent).and_then(|root| {
                let side = root.join(crate::suppress::IGNORE_FILE);
                Some((written.get(&side)?.text.clone(), root.to_path_buf(), side))
            });
            let options = LintOptions {
                quiet: true,
                paths: Vec::new(),
                select: None,
                extend_select: Vec::new(),
                ignore: turned_off,
                isolated: config.is_none(),
                config: config.clone(),
                stdin_filename: None,
                duplicates: None,
                input: Default::default(),
                threads: None,
                model: None,
                records: crate::cli::RecordOptions::default(),
                shard: None,
                editor,
            };
            let linter = crate::settings(&options)?.linter;
            Ok(Arc::new(match side {
                Some((text, root, side)) => {
                    linter.with_suppressions(Some(crate::suppress::Suppressions::parse(&text, &root, &side)?))
                }
                None => linter,
            }))
        });
        (linter, path)
    }

    /// The diagnostics for a request about one spot of a document: the current version's, or
    /// while it waits for its lint, the last version's carried through the edits since.
    fn spot_diagnostics(
        &mut self,
        uri: &str,
    ) -> Result<(Vec<crate::diagnostic::Diagnostic>, Option<PathBuf>), String> {
        if let Some(doc) = self.documents.get(uri)
            && doc.linted.is_none()
            && let Some(carried) = &doc.carried
        {
            return Ok((carried.clone(), path_of(uri)));
        }
        self.core_diagnostics(uri)
    }

    fn core_diagnostics(
        &mut self,
        uri: &str,
    ) -> Result<(Vec<crate::diagnostic::Diagnostic>, Option<PathBuf>), String> {
        let Some(doc) = self.documents.get(uri) else {
            return Ok((Vec::new(), None));
        };
        let cached = doc.linted.clone();
        let text = doc.text.clone();
        let (linter, path) = self.linter(uri);
        let found = match (cached, linter) {
            (Some(found), _) => found,
            (None, Ok(linter)) => linter.lint(&text, path.as_deref()),
            (None, Err(e)) => return Err(e.clone()),
        };
        if let Some(doc) = self.documents.get_mut(uri) {
            doc.linted = Some(found.clone());
        }
        Ok((found, path))
    }

    /// Lints (on the lint thread) and publishes the documents whose changes are due by `now`.
    fn lint_due(&mut self, now: Instant) {
        let due: Vec<String> = self
            .documents
            .iter()
            .filter(|(_, d)| d.due.is_some_and(|due| due <= now))
            .map(|(uri, _)| uri.clone())
            .collect();
        for uri in due {
            if let Some(doc) = self.documents.get_mut(&uri) {
                doc.due = None;
            }
            self.schedule(&uri);
        }
    }

    /// The LSP diagnostics of an open document.
    fn diagnostics_of(&mut self, uri: &str) -> Vec<Value> {
        let encoding = self.encoding;
        let found = match self.core_diagnostics(uri) {
            Ok((found, _)) => found,
            Err(e) => {
                let message = format!("newslint: the configuration cannot be used: {e}");
                return vec![
                    json!({"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "severity": 1, "source": "newslint", "message": message}),
                ];
            }
        };
        let Some(doc) = self.documents.get(uri) else {
            return Vec::new();
        };
        found
            .iter()
            .take(self.max_diagnostics)
            .enumerate()
            .map(|(k, d)| {
                let related: Vec<Value> = d
                    .related
                    .iter()
                    .filter(|r| r.path.is_none())
                    .map(|r| json!({"location": {"uri": uri, "range": doc.range(r.span.range(), encoding)}, "message": r.message}))
                    .collect();
                let mut value = json!({
                    "range": doc.range(d.span.range(), encoding),
                    "severity": match d.severity { Severity::Error => 1, Severity::Warning => 2, Severity::Info => 3 },
                    "code": d.rule,
                    "source": "newslint",
                    "message": match &d.help { Some(help) => format!("{} ({help})", d.message), None => d.message.clone() },
                    "data": {"version": doc.version, "index": k},
                });
                if !related.is_empty() {
                    value["relatedInformation"] = json!(related);
                }
                if let Some(url) = &self.docs_url {
                    value["codeDescription"] = json!({"href": url.replace("{rule}", d.rule)});
                }
                value
            })
            .collect()
    }

    fn publish(&mut self, uri: &str) {
        if self.pull {
            return;
        }
        let diagnostics = self.diagnostics_of(uri);
        if let Some(doc) = self.documents.get_mut(uri) {
            doc.published = true;
            doc.publish_when_linted = false;
        }
        let version = self.documents.get(uri).map(|d| d.version);
        self.notify(
            "textDocument/publishDiagnostics",
            json!({"uri": uri, "version": version, "diagnostics": diagnostics}),
        );
    }

    fn pulled(&mut self, params: Value) -> Result<Value, (ErrorCode, String)> {
        let uri = params
            .pointer("/textDocument/uri")
            .and_then(Value::as_str)
            .ok_or((ErrorCode::InvalidParams, "no textDocument.uri".to_owned()))?
            .to_owned();
        // (Its lint, on the lint thread, has set fix-all going.)
        let items = self.diagnostics_of(&uri);
        Ok(json!({"kind": "full", "items": items}))
    }

    fn code_actions(&mut self, params: Value) -> Result<Value, (ErrorCode, String)> {
        let quick_fixes = wants(&params, "quickfix");
        let fix_all = wants(&params, FIX_ALL_KIND);
        let params: CodeActionParams =
            serde_json::from_value(params).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))?;
        let uri = params.text_document.uri.0;
        let encoding = self.encoding;
        let Some(text) = self.documents.get(&uri).map(|d| d.text.clone()) else {
            return Ok(json!([]));
        };
        let Ok((found, _)) = self.spot_diagnostics(&uri) else {
            return Ok(json!([]));
        };
        // For fix-all: the fixed text if the fix thread has it, else the text's diagnostics
        // to start the fixes from.
        let done = if fix_all {
            match self.documents[&uri].fix_all.clone() {
                Some(done) => Some(Ok(done)),
                None => Some(Err(self.core_diagnostics(&uri).map(|(found, _)| found))),
            }
        } else {
            None
        };
        let (linter, path) = self.linter(&uri);
        let Ok(linter) = linter else { return Ok(json!([])) };
        // Every safe fix, for fix-all only: worked out on the fix thread once the text was
        // linted, or here when that is not done yet.
        let fixed = done.map(|done| match done {
            Ok(done) => done,
            Err(found) => found
                .ok()
                .and_then(|found| {
                    linter
                        .fix_linted(&text, found, &linter.ignored(path.as_deref()), FIX_ALL)
                        .ok()
                })
                .and_then(|run| run.fixed.map(|f| f.text)),
        });
        let doc = &self.documents[&uri];
        let start = doc.offset(params.range.start.line, params.range.start.character, encoding);
        let end = doc.offset(params.range.end.line, params.range.end.character, encoding);
        let versioned = |edits: Vec<Value>| json!({"documentChanges": [{"textDocument": {"uri": uri, "version": doc.version}, "edits": edits}]});
        let mut actions = Vec::new();
        if quick_fixes {
            for d in found
                .iter()
                .filter(|d| d.span.start as usize <= end && start <= d.span.end as usize)
            {
                let Some(fix) = &d.fix else { continue };
                let edits = fix
                    .edits
                    .iter()
                    .map(|e| json!({"range": doc.range(e.start as usize..e.end as usize, encoding), "newText": e.replacement}))
                    .collect();
                actions.push(json!({
                    "title": format!("{} ({})", fix.message, d.rule),
                    "kind": "quickfix",
                    "isPreferred": fix.applicability == crate::fix::Applicability::Safe,
                    "edit": versioned(edits),
                }));
            }
        }
        // Accepting a fault: an entry of the project's side file (the folder of its
        // newslint.toml), which the client writes, and which holds at once through the
        // action's command (saved or not).
        let config = path
            .as_deref()
            .and_then(|p| p.parent().and_then(crate::config::discover));
        let project = path.as_deref().zip(config.as_deref()).and_then(|(p, config)| {
            let root = config.parent()?.to_path_buf();
            let relative = p.strip_prefix(&root).ok()?.to_str()?.replace('\\', "/");
            Some((root.join(crate::suppress::IGNORE_FILE), relative))
        });
        if quick_fixes && let Some((side, relative)) = &project {
            let side_text = self.current_text(side);
            let config_text = config.as_deref().and_then(|c| self.current_text(c));
            let mut whole_file = HashSet::new();
            for d in found
                .iter()
                .filter(|d| d.span.start as usize <= end && start <= d.span.end as usize)
            {
                let entry = crate::suppress::Entry {
                    rule: d.rule.to_owned(),
                    path: relative.clone(),
                    fingerprint: Some(crate::fingerprint::hex(crate::fingerprint::fingerprint(
                        d.rule,
                        &text,
                        d.span.range(),
                    ))),
                    text: Some(text[d.span.range()].chars().take(SNIPPET_CHARS).collect()),
                    reason: None,
                };
                actions.push(ignore_action(
                    format!(
                        "Ignore this {} occurrence in {}",
                        d.rule,
                        crate::suppress::IGNORE_FILE
                    ),
                    side_file_edit(side, side_text.clone(), &entry, encoding),
                    side,
                    None,
                ));
                if whole_file.insert(d.rule) {
                    let entry = crate::suppress::Entry {
                        fingerprint: None,
                        text: None,
                        ..entry
                    };
                    actions.push(ignore_action(
                        format!("Ignore {} in this file", d.rule),
                        side_file_edit(side, side_text.clone(), &entry, encoding),
                        side,
                        None,
                    ));
                    // Turning the rule off for the whole project: newslint.toml's `ignore`.
                    if let Some((config, existing)) = config.as_deref().zip(config_text.as_deref())
                        && let Some(edit) = project_ignore_edit(config, existing, d.rule, encoding)
                    {
                        actions.push(ignore_action(
                            format!("Ignore {} in this project (newslint.toml)", d.rule),
                            edit,
                            config,
                            Some(d.rule),
                        ));
                    }
                }
            }
        }
        if let Some(Some(fixed)) = fixed {
            // One edit over the whole text: exactly what `newslint check --fix` writes.
            let whole = doc.range(0..doc.text.len(), encoding);
            actions.push(json!({
                "title": "Fix all safe newslint faults",
                "kind": FIX_ALL_KIND,
                "edit": versioned(vec![json!({"range": whole, "newText": fixed})]),
            }));
        }
        for action in &mut actions {
            if let Some(edit) = action.get_mut("edit") {
                *edit = self.for_client(edit.take());
            }
        }
        Ok(Value::Array(actions))
    }

    fn hover(&mut self, params: Value) -> Result<Value, (ErrorCode, String)> {
        let params: HoverParams =
            serde_json::from_value(params).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))?;
        let uri = params.text_document_position_params.text_document.uri.0;
        let position = params.text_document_position_params.position;
        let encoding = self.encoding;
        if !self.documents.contains_key(&uri) {
            return Ok(Value::Null);
        }
        let Ok((found, _)) = self.spot_diagnostics(&uri) else {
            return Ok(Value::Null);
        };
        let doc = &self.documents[&uri];
        let at = doc.offset(position.line, position.character, encoding);
        let Some(d) = found.iter().find(|d| {
            d.span.start as usize <= at && at < (d.span.end as usize).max(d.span.start as usize + 1)
        }) else {
            return Ok(Value::Null);
        };
        let Some(entry) = rules::find(d.rule) else {
            return Ok(Value::Null);
        };
        Ok(json!({
            "contents": {"kind": "markdown", "value": format!("**{}**: {}\n\n{}", d.rule, d.message, entry.meta.documentation())},
            "range": doc.range(d.span.range(), encoding),
        }))
    }
}

/// The diagnostics of a text before an edit that put `inserted` bytes in place of `range`,
/// moved to the text after it. Those the edit touches (their span, a related span or an
/// edit of their fix) are dropped: only a lint can tell what they became.
fn moved(
    found: Vec<crate::diagnostic::Diagnostic>,
    range: std::ops::Range<usize>,
    inserted: usize,
) -> Vec<crate::diagnostic::Diagnostic> {
    let (start, end) = (range.start as u64, range.end as u64);
    let new_end = start + inserted as u64;
    // A span [s, e) untouched by the edit, in the text after it.
    let place = |s: u32, e: u32| -> Option<(u32, u32)> {
        let (s, e) = (u64::from(s), u64::from(e));
        if e <= start {
            Some((s as u32, e as u32))
        } else if s >= end {
            let to = |at: u64| u32::try_from(at - end + new_end).ok();
            Some((to(s)?, to(e)?))
        } else {
            None
        }
    };
    found
        .into_iter()
        .filter_map(|mut d| {
            (d.span.start, d.span.end) = place(d.span.start, d.span.end)?;
            for r in d.related.iter_mut().filter(|r| r.path.is_none()) {
                (r.span.start, r.span.end) = place(r.span.start, r.span.end)?;
            }
            if let Some(fix) = &mut d.fix {
                for e in &mut fix.edits {
                    (e.start, e.end) = place(e.start, e.end)?;
                }
            }
            Some(d)
        })
        .collect()
}

/// Characters of a flagged text an ignore entry keeps, for the reader.
const SNIPPET_CHARS: usize = 24;

/// The edit that appends `entry` to the side file at `side` (whose text is `existing`, if
/// it exists), creating it if need be; with the file's text after it.
fn side_file_edit(
    side: &Path,
    existing: Option<String>,
    entry: &crate::suppress::Entry,
    encoding: Encoding,
) -> (Value, String) {
    let uri = uri_of(side);
    let addition = crate::suppress::render_entry(entry);
    match existing {
        Some(existing) => {
            let at = end_of(&existing, encoding);
            let gap = match existing.as_str() {
                "" => "",
                e if e.ends_with("\n\n") => "",
                e if e.ends_with('\n') => "\n",
                _ => "\n\n",
            };
            let edit = json!({"documentChanges": [{"textDocument": {"uri": uri, "version": null},
                "edits": [{"range": {"start": at, "end": at}, "newText": format!("{gap}{addition}")}]}]});
            (edit, format!("{existing}{gap}{addition}"))
        }
        None => {
            let at = json!({"line": 0, "character": 0});
            let edit = json!({"documentChanges": [
                {"kind": "create", "uri": uri, "options": {"ignoreIfExists": true}},
                {"textDocument": {"uri": uri, "version": null},
                 "edits": [{"range": {"start": at, "end": at}, "newText": addition}]}]});
            (edit, addition)
        }
    }
}

/// The position of the end of a file's `text` (one that is not open), in the negotiated units.
fn end_of(text: &str, encoding: Encoding) -> Value {
    let line = text.matches('\n').count();
    let last = &text[text.rfind('\n').map_or(0, |at| at + 1)..];
    json!({"line": line, "character": last.chars().map(|c| encoding.units(c)).sum::<u32>()})
}

/// The edit that adds `rule` to the `ignore` list of the configuration file `config` (whose
/// text is `existing`), keeping the rest of the file as it is written, with the file's text
/// after it; None when the list holds it already or the text is not TOML.
fn project_ignore_edit(
    config: &Path,
    existing: &str,
    rule: &str,
    encoding: Encoding,
) -> Option<(Value, String)> {
    let mut doc: toml_edit::DocumentMut = existing.parse().ok()?;
    let list = doc
        .entry("ignore")
        .or_insert_with(|| toml_edit::value(toml_edit::Array::new()))
        .as_array_mut()?;
    if list.iter().any(|v| v.as_str() == Some(rule)) {
        return None;
    }
    list.push(rule);
    // The whole file is replaced.
    let end = end_of(existing, encoding);
    let text = doc.to_string();
    let edit = json!({"documentChanges": [{"textDocument": {"uri": uri_of(config), "version": null},
        "edits": [{"range": {"start": {"line": 0, "character": 0}, "end": end}, "newText": text}]}]});
    Some((edit, text))
}

/// An ignore action: `edit` to the file at `path`, then the command that has the server take
/// the file's `text` after it (and the `rule` it turns off) as in effect.
fn ignore_action(title: String, (edit, text): (Value, String), path: &Path, rule: Option<&str>) -> Value {
    json!({
        "title": title,
        "kind": "quickfix",
        "edit": edit,
        "command": {"title": "Apply the ignore", "command": IGNORE_COMMAND,
                    "arguments": [{"path": path, "text": text, "rule": rule}]},
    })
}

/// The `file:` URI of an absolute path.
fn uri_of(path: &Path) -> String {
    const KEPT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'/')
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    #[cfg(unix)]
    let bytes = {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    };
    #[cfg(not(unix))]
    let bytes = format!("/{}", path.to_string_lossy().replace('\\', "/")).into_bytes();
    format!("file://{}", percent_encoding::percent_encode(&bytes, KEPT))
}

/// The file a `file:` URI names.
fn path_of(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    let decoded: Vec<u8> = percent_encoding::percent_decode_str(rest).collect();
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        Some(PathBuf::from(std::ffi::OsStr::from_bytes(&decoded)))
    }
    #[cfg(not(unix))]
    {
        Some(PathBuf::from(
            String::from_utf8_lossy(&decoded).trim_start_matches('/'),
        ))
    }
}
