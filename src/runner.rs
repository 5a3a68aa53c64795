//! Collects the inputs, lints them in parallel, and hands the results on in path order.
//!
//! Each file (or JSONL record) is read, decoded, parsed once and checked by every selected
//! rule on a worker; a panic in one is caught and reported as its error. Results leave
//! through a bounded reorder window (`crate::ordered`) in the order of the inputs, so the
//! output is the same whatever the number of threads and memory does not grow with the
//! corpus.

use crate::diagnostic::Diagnostic;
use crate::linter::{FixMode, Fixed, Ignored, Linter};
use crate::outcome::{FileError, FileReport, Located, Record};
use crate::records::{self, Fields, Line};
use crate::source::EncodingChoice;
use crate::source::decode::{self, DecodeError};
use std::io::Read;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

pub struct Settings {
    /// Files and directories; `-` is standard input.
    pub paths: Vec<PathBuf>,
    pub stdin_filename: Option<String>,
    pub encoding: EncodingChoice,
    /// Endings of the file names linted when walking directories, without the first dot
    /// (`txt`, `jsonl.gz`).
    pub extensions: Vec<String>,
    pub follow_links: bool,
    /// 0: as many as there are cores.
    pub threads: usize,
    /// Larger files are reported, not read; with records, the longest line.
    pub max_file_size: u64,
    /// The rules and their per-file ignores.
    pub linter: Linter,
    /// Keep each file's text for renderers that quote it.
    pub keep_source: bool,
    /// Fix the files (`--fix`), or show the diff of the fixes (`--diff`).
    pub fix: Option<FixMode>,
    /// Show a progress bar on stderr.
    pub progress: bool,
    /// Count each file's characters (for the report's rates).
    pub count_chars: bool,
    /// Lint only these files (canonical paths), when set (`--since`).
    pub only: Option<std::collections::HashSet<PathBuf>>,
    /// Look for duplicated blocks across files too: the shortest paragraph compared, in
    /// characters (`--duplicates=corpus`).
    pub corpus_duplicates: Option<usize>,
    /// Read the files as JSONL records, with these fields (`--records`).
    pub records: Option<Fields>,
    /// Lint only shard `.0` of `.1` (`--shard`).
    pub shard: Option<(u64, u64)>,
}

/// Inputs (or records) being worked on or waiting to be handed on, per thread.
const WINDOW_PER_THREAD: usize = 4;

/// A file to lint: where its bytes come from and how to name it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Input {
    /// Named on the command line: binary is an error.
    Named(PathBuf),
    /// Met while walking: binary is skipped.
    Walked(PathBuf),
    Stdin,
}

impl Input {
    fn order_key(&self) -> (u8, &std::ffi::OsStr) {
        match self {
            Input::Named(p) => (0, p.as_os_str()),
            Input::Walked(p) => (1, p.as_os_str()),
            Input::Stdin => (2, std::ffi::OsStr::new("-")),
        }
    }
}

/// What a worker is given: a file, one line of a JSONL file, or an error met while reading
/// the lines.
enum Work {
    File(Input),
    Record {
        file: std::sync::Arc<RecordFile>,
        number: u64,
        bytes: Vec<u8>,
    },
    Failed(FileError),
}

/// A JSONL file whose lines are being linted.
struct RecordFile {
    name: String,
    origin: Option<PathBuf>,
    /// Per-file ignores apply by the file's path.
    ignored: Ignored,
}

enum Done {
    Report(FileReport),
    /// A binary file met on a walk, or a record of another shard.
    Skipped,
    Failed(FileError),
}

/// Lints every input and hands each report to `each`, in path order (and, within a JSONL
/// file, in line order), until `each` breaks; returns the inputs that could not be linted. Fails only when no
/// work can start (no thread could be made); every problem with one input is its error.
pub fn run(
    settings: &Settings,
    mut each: impl FnMut(FileReport) -> ControlFlow<()>,
) -> Result<Vec<FileError>, String> {
    let (mut inputs, mut errors) = collect_inputs(settings);
    if let Some(only) = &settings.only {
        inputs.retain(|input| match input {
            Input::Named(p) | Input::Walked(p) => p.canonicalize().is_ok_and(|c| only.contains(&c)),
            Input::Stdin => true,
        });
    }
    // One JSONL input is sharded by record id, several inputs by path.
    let shard_by_id = settings.records.is_some() && inputs.len() == 1;
    if let Some(shard) = settings.shard.filter(|_| !shard_by_id) {
        inputs.retain(|input| in_shard(&input_name(input, settings), shard));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(settings.threads)
        .build()
        .map_err(|e| format!("cannot start {} threads: {e}", settings.threads))?;
    let progress = progress_bar(settings, inputs.len());
    let severity = settings.linter.rule("duplicated-block").map(|rule| rule.severity);
    let mut index = settings
        .corpus_duplicates
        .and(severity)
        .map(|severity| (crate::corpus::Index::default(), severity));
    let items: Box<dyn Iterator<Item = Work> + Send> = match &settings.records {
        None => Box::new(inputs.into_iter().map(Work::File)),
        Some(_) => Box::new(
            inputs
                .into_iter()
                .flat_map(move |input| record_lines(input, settings)),
        ),
    };
    let window = pool.current_num_threads() * WINDOW_PER_THREAD;
    crate::ordered::map(
        &pool,
        window,
        items,
        |work| match work {
            Work::File(input) => match lint_input(&input, settings) {
                Ok(Some(report)) => Done::Report(report),
                Ok(None) => Done::Skipped,
                Err(e) => Done::Failed(e),
            },
            Work::Record { file, number, bytes } => lint_record(&file, number, &bytes, settings, shard_by_id),
            Work::Failed(e) => Done::Failed(e),
        },
        |done| {
            progress.inc(1);
            match done {
                Done::Report(mut report) => {
                    if let Some((index, severity)) = &mut index {
                        index.check(&mut report, *severity);
                    }
                    // Kept for the corpus pass: a text that is still clean is not shown.
                    if report.diagnostics.is_empty() && report.origin.is_some() {
                        report.source = None;
                    }
                    each(report)
                }
                Done::Skipped => ControlFlow::Continue(()),
                Done::Failed(e) => {
                    errors.push(e);
                    ControlFlow::Continue(())
                }
            }
        },
    );
    progress.finish_and_clear();
    // Stable: the errors of one JSONL file stay in line order.
    errors.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(errors)
}

fn progress_bar(settings: &Settings, inputs: usize) -> indicatif::ProgressBar {
    if !settings.progress {
        return indicatif::ProgressBar::hidden();
    }
    // Records are counted as they come: how many there are is known only at the end.
    let (bar, template) = match settings.records {
        Some(_) => (
            indicatif::ProgressBar::new_spinner(),
            "{spinner} {pos} records, {elapsed} ({per_sec})",
        ),
        None if inputs > 1 => (
            indicatif::ProgressBar::new(inputs as u64),
            "{bar:40} {pos}/{len} files, {elapsed} (about {eta} left)",
        ),
        None => return indicatif::ProgressBar::hidden(),
    };
    bar.set_style(indicatif::ProgressStyle::with_template(template).expect("a valid progress template"));
    bar
}

/// The name an input is reported under.
fn input_name(input: &Input, settings: &Settings) -> String {
    match input {
        Input::Named(p) | Input::Walked(p) => display(p),
        Input::Stdin => settings.stdin_filename.clone().unwrap_or_else(|| "-".to_owned()),
    }
}

/// Whether `key` (a path as given, or a record id) falls in shard `index` of `count`: by
/// FNV-1a of its bytes, the same on every machine and run.
fn in_shard(key: &str, (index, count): (u64, u64)) -> bool {
    use std::hash::Hasher;
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(key.as_bytes());
    hasher.finish() % count == index
}

/// The lines of a JSONL input, as work; an input that cannot be opened is one error.
fn record_lines(input: Input, settings: &Settings) -> Box<dyn Iterator<Item = Work> + Send + '_> {
    let name = input_name(&input, settings);
    let error = |message: String| {
        Box::new(std::iter::once(Work::Failed(FileError {
            path: name.clone(),
            message,
        }))) as Box<dyn Iterator<Item = Work> + Send>
    };
    let (origin, source): (Option<PathBuf>, Box<dyn Read + Send>) = match &input {
        Input::Named(p) | Input::Walked(p) => match std::fs::File::open(p) {
            Ok(file) if file.metadata().is_ok_and(|m| m.is_dir()) => {
                return error("a directory".to_owned());
            }
            Ok(file) => (Some(p.clone()), Box::new(file)),
            Err(e) => return error(io_message(&e)),
        },
        Input::Stdin => (None, Box::new(std::io::stdin())),
    };
    let lines = match records::Lines::new(source, settings.max_file_size) {
        Ok(lines) => lines,
        Err(e) => return error(io_message(&e)),
    };
    let ignored = settings.linter.ignored(
        origin
            .as_deref()
            .or(settings.stdin_filename.as_deref().map(Path::new)),
    );
    let file = std::sync::Arc::new(RecordFile {
        name: name.clone(),
        origin,
        ignored,
    });
    let max = settings.max_file_size;
    Box::new(lines.map(move |line| match line {
        Line::Record { number, bytes } => Work::Record {
            file: file.clone(),
            number,
            bytes,
        },
        Line::TooLong { number, length } => Work::Failed(FileError {
            path: file.name.clone(),
            message: format!(
                "line {number}: {length} bytes, more than --max-file-size ({max} bytes): not read"
            ),
        }),
        Line::Failed { message, .. } => Work::Failed(FileError {
            path: file.name.clone(),
            message,
        }),
    }))
}

fn lint_record(file: &RecordFile, number: u64, bytes: &[u8], settings: &Settings, shard_by_id: bool) -> Done {
    let error = |message: String| {
        Done::Failed(FileError {
            path: file.name.clone(),
            message: format!("line {number}: {message}"),
        })
    };
    let fields = settings
        .records
        .as_ref()
        .expect("records are read with their fields");
    let parsed = match records::parse(bytes, fields) {
        Ok(parsed) => parsed,
        Err(message) => return error(message),
    };
    if let Some(shard) = settings.shard.filter(|_| shard_by_id)
        && !in_shard(&parsed.id, shard)
    {
        return Done::Skipped;
    }
    let text = parsed.text;
    let Ok((diagnostics, fingerprints)) = check_text(&text, &file.ignored, None, settings, true) else {
        return error(
            "internal error while linting this record (a bug in newslint: please report it)".to_owned(),
        );
    };
    let keep = settings.keep_source && !(diagnostics.is_empty() && fingerprints.is_empty());
    Done::Report(FileReport {
        path: file.name.clone(),
        record: Some(Record {
            id: parsed.id,
            line: number,
        }),
        chars: if settings.count_chars {
            text.chars().count()
        } else {
            0
        },
        diagnostics,
        source: keep.then_some(text),
        fingerprints,
        origin: file.origin.clone(),
        fixed: std::collections::BTreeMap::new(),
        diff: None,
    })
}

/// Parses and lints a text (or takes the diagnostics the fix loop found), resolves their
/// positions, and takes its fingerprints for the corpus pass. `Err` when a rule panicked.
fn check_text(
    text: &str,
    ignored: &Ignored,
    linted: Option<Vec<Diagnostic>>,
    settings: &Settings,
    code_points: bool,
) -> Result<(Vec<Located>, Vec<crate::corpus::Fingerprint>), ()> {
    let fingerprint = settings
        .corpus_duplicates
        .filter(|_| !ignored.rules.contains(&"duplicated-block"));
    let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let doc = settings.linter.parse(text);
        let diagnostics = linted.unwrap_or_else(|| settings.linter.lint_document(&doc, ignored));
        let fingerprints = fingerprint.map_or_else(Vec::new, |min| crate::corpus::fingerprints(&doc, min));
        (diagnostics, fingerprints, doc.index)
    }));
    let (diagnostics, fingerprints, index) = checked.map_err(|_| ())?;
    Ok((
        crate::outcome::locate(text, &index, diagnostics, code_points),
        fingerprints,
    ))
}

enum ReadError {
    Binary,
    Other(String),
}

/// Reads a regular file of at most `max` bytes. What it is comes from its metadata and its
/// first bytes, before the rest is read: a FIFO or a device is refused unread (it is opened
/// without waiting for a writer), and a binary file is not read past its first 8 KiB.
fn read_file(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    let other = |e: std::io::Error| ReadError::Other(io_message(&e));
    let file = open_without_waiting(path).map_err(other)?;
    // The open file's metadata: the path is looked up once.
    let meta = file.metadata().map_err(other)?;
    if !meta.is_file() {
        return Err(ReadError::Other(
            "not a regular file (a FIFO, a socket or a device): not read".to_owned(),
        ));
    }
    let too_large = |size: u64| {
        ReadError::Other(format!(
            "{size} bytes, more than --max-file-size ({max} bytes): not read"
        ))
    };
    if meta.len() > max {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    let mut reader = file.take(max + 1);
    let sniffed = (&mut reader)
        .take(decode::BINARY_SNIFF_LEN as u64)
        .read_to_end(&mut bytes)
        .map_err(other)?;
    if decode::is_binary(&bytes) && encoding_rs::Encoding::for_bom(&bytes).is_none() {
        return Err(ReadError::Binary);
    }
    // Fewer bytes than asked for: the end was met (most files end within the sniff).
    if sniffed == decode::BINARY_SNIFF_LEN {
        reader.read_to_end(&mut bytes).map_err(other)?;
    }
    // The file grew while it was read.
    if bytes.len() as u64 > max {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Opens `path` for reading without waiting for a writer, should it be a FIFO (whose kind
/// the caller then reads from the open file).
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    #[cfg(not(unix))]
    if !std::fs::metadata(path)?.is_file() {
        return Err(std::io::Error::other(
            "not a regular file (a FIFO, a socket or a device): not read",
        ));
    }
    options.open(path)
}

/// Display form of a path: as given, without a leading `./`.
fn display(path: &Path) -> String {
    let s = path.to_string_lossy();
    s.strip_prefix("./").unwrap_or(&s).to_owned()
}

fn collect_inputs(settings: &Settings) -> (Vec<Input>, Vec<FileError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    let default_paths = [PathBuf::from(".")];
    let paths = if settings.paths.is_empty() {
        &default_paths[..]
    } else {
        &settings.paths
    };
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Err(e) => errors.push(FileError {
                path: display(path),
                message: io_message(&e),
            }),
            Ok(meta) if meta.is_dir() => walk(path, settings, &mut inputs, &mut errors),
            Ok(_) => inputs.push(Input::Named(path.clone())),
        }
    }
    // By the bytes of the path: comparing paths component by component costs more than
    // linting a short file.
    inputs.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
    inputs.dedup();
    (inputs, errors)
}

fn walk(root: &Path, settings: &Settings, inputs: &mut Vec<Input>, errors: &mut Vec<FileError>) {
    // Hidden files are skipped as usual, except the temporary files a killed `--fix` left
    // behind, which are reported (the file they were to replace is intact).
    let walker = ignore::WalkBuilder::new(root)
        .follow_links(settings.follow_links)
        .require_git(false)
        .hidden(false)
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            e.depth() == 0 || !name.starts_with('.') || crate::atomic::is_leftover(&name)
        })
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                let path = entry.into_path();
                if is_file
                    && path
                        .file_name()
                        .is_some_and(|n| crate::atomic::is_leftover(&n.to_string_lossy()))
                {
                    errors.push(FileError {
                        path: display(&path),
                        message: "a temporary file left by an interrupted `newslint --fix`: the file it was to replace is intact; delete it".to_owned(),
                    });
                    continue;
                }
                let wanted = path
                    .file_name()
                    .is_some_and(|n| has_extension(n.as_encoded_bytes(), &settings.extensions));
                if is_file && wanted {
                    inputs.push(Input::Walked(path));
                }
            }
            Err(e) => errors.push(FileError {
                path: display(root),
                message: walk_message(&e),
            }),
        }
    }
}

/// Whether a file name ends with `.` and one of `extensions` (of any case): `a.jsonl.gz` has
/// the extensions `gz` and `jsonl.gz`.
fn has_extension(name: &[u8], extensions: &[String]) -> bool {
    extensions.iter().any(|ext| {
        let ext = ext.as_bytes();
        name.len() > ext.len() + 1
            && name[name.len() - ext.len() - 1] == b'.'
            && name[name.len() - ext.len()..].eq_ignore_ascii_case(ext)
    })
}

fn walk_message(e: &ignore::Error) -> String {
    match e {
        ignore::Error::WithPath { path, err } => format!("{}: {}", display(path), walk_message(err)),
        ignore::Error::WithDepth { err, .. } => walk_message(err),
        ignore::Error::Loop { ancestor, child } => format!(
            "symbolic link loop: {} points back to {}",
            display(child),
            display(ancestor)
        ),
        ignore::Error::Io(io) => io_message(io),
        other => other.to_string(),
    }
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}

/// The bytes of an input, or `None` for a binary file met on a walk (skipped unsaid).
fn read_input(input: &Input, path: Option<&Path>, settings: &Settings) -> Result<Option<Vec<u8>>, String> {
    match path {
        Some(p) => match read_file(p, settings.max_file_size) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(ReadError::Binary) if matches!(input, Input::Walked(_)) => Ok(None),
            Err(ReadError::Binary) => Err(DecodeError::Binary.to_string()),
            Err(ReadError::Other(message)) => Err(message),
        },
        None => {
            let mut buf = Vec::new();
            std::io::stdin()
                .take(settings.max_file_size + 1)
                .read_to_end(&mut buf)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            if buf.len() as u64 > settings.max_file_size {
                return Err(format!(
                    "more than --max-file-size ({} bytes) on standard input: not linted",
                    settings.max_file_size
                ));
            }
            Ok(Some(buf))
        }
    }
}

/// Reads and decodes every input, one at a time and in order, and hands each text to
/// `each` (with records, each record's text); `progress` is told each input's size.
/// Returns the files, and the records' lines, that could not be read.
/// (Binary files met on a walk are skipped, as `check` skips them.)
pub fn for_each_text(
    settings: &Settings,
    mut progress: impl FnMut(u64, u64),
    mut each: impl FnMut(&str),
) -> Vec<FileError> {
    let (inputs, mut errors) = collect_inputs(settings);
    let sizes: Vec<u64> = inputs
        .iter()
        .map(|input| match input {
            Input::Named(p) | Input::Walked(p) => std::fs::metadata(p).map_or(0, |m| m.len()),
            Input::Stdin => 0,
        })
        .collect();
    let total = sizes.iter().sum();
    for (input, size) in inputs.iter().zip(sizes) {
        let (path, name) = match input {
            Input::Named(p) | Input::Walked(p) => (Some(p.as_path()), display(p)),
            Input::Stdin => (None, "-".to_owned()),
        };
        let error = |message: String| FileError {
            path: name.clone(),
            message,
        };
        if let Some(fields) = &settings.records {
            for work in record_lines(input.clone(), settings) {
                match work {
                    Work::Record { number, bytes, .. } => match records::parse(&bytes, fields) {
                        Ok(parsed) => each(&parsed.text),
                        Err(message) => errors.push(error(format!("line {number}: {message}"))),
                    },
                    Work::Failed(e) => errors.push(e),
                    Work::File(_) => {}
                }
            }
            progress(size, total);
            continue;
        }
        match read_input(input, path, settings) {
            Ok(Some(bytes)) => match decode::decode(&bytes, settings.encoding) {
                Ok(decoded) => each(&decoded.text),
                Err(DecodeError::Binary) if matches!(input, Input::Walked(_)) => {}
                Err(e) => errors.push(error(e.to_string())),
            },
            Ok(None) => {}
            Err(message) => errors.push(error(message)),
        }
        progress(size, total);
    }
    errors.sort();
    errors
}

fn lint_input(input: &Input, settings: &Settings) -> Result<Option<FileReport>, FileError> {
    let (path, name) = match input {
        Input::Named(p) | Input::Walked(p) => (Some(p.as_path()), display(p)),
        Input::Stdin => (
            None,
            settings.stdin_filename.clone().unwrap_or_else(|| "-".to_owned()),
        ),
    };
    let error = |message: String| FileError {
        path: name.clone(),
        message,
    };
    let Some(bytes) = read_input(input, path, settings).map_err(&error)? else {
        return Ok(None);
    };
    let decoded = match decode::decode(&bytes, settings.encoding) {
        Ok(d) => d,
        Err(DecodeError::Binary) if matches!(input, Input::Walked(_)) => return Ok(None),
        Err(e) => return Err(error(e.to_string())),
    };
    // Standard input is ignored by the name it is given, as the file of that name would be.
    let ignored = settings
        .linter
        .ignored(path.or(settings.stdin_filename.as_deref().map(Path::new)));
    let mut text = decoded.text;
    let mut fixed = std::collections::BTreeMap::new();
    let mut diff = None;
    // The diagnostics of the final text, when the fix loop already found them.
    let mut linted = None;
    if let Some(mode) = settings.fix {
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            settings.linter.fix(&text, &ignored, mode)
        }))
        .map_err(|_| {
            error("internal error while fixing this file (a bug in newslint: please report it)".to_owned())
        })?
        .map_err(&error)?;
        match run.fixed {
            Some(Fixed { text: new, applied }) if mode.write => {
                // Standard input is not written back: its fixed text goes to standard output.
                if let Some(path) = path {
                    let encoded = crate::source::decode::encode_keeping(
                        &bytes,
                        &text,
                        &new,
                        decoded.encoding,
                        decoded.had_bom,
                    )
                    .map_err(&error)?;
                    crate::fixer::write_fixed(path, &bytes, &encoded).map_err(&error)?;
                }
                text = std::borrow::Cow::Owned(new);
                fixed = applied;
                linted = Some(run.diagnostics);
            }
            Some(Fixed { text: new, applied }) => {
                diff = Some(crate::fixer::diff(&name, &text, &new));
                fixed = applied;
            }
            None => linted = Some(run.diagnostics),
        }
    }
    let (located, fingerprints) = check_text(&text, &ignored, linted, settings, false).map_err(|()| {
        error("internal error while linting this file (a bug in newslint: please report it)".to_owned())
    })?;
    let chars = if settings.count_chars {
        text.chars().count()
    } else {
        0
    };
    // Standard input cannot be read twice: fixed, its text is printed.
    let printed = path.is_none() && settings.fix.is_some_and(|m| m.write);
    let keep = (settings.keep_source && !(located.is_empty() && fingerprints.is_empty())) || printed;
    let source = keep.then(|| text.into_owned());
    Ok(Some(FileReport {
        path: name,
        record: None,
        diagnostics: located,
        source,
        fingerprints,
        origin: path.map(Path::to_path_buf),
        fixed,
        diff,
        chars,
    }))
}
