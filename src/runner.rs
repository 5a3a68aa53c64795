//! Collects the files, lints them in parallel, and returns sorted results.
//!
//! Each file is read, decoded, parsed once and checked by every selected rule on a rayon
//! worker; a panic in one file is caught and reported as that file's error. Results come
//! back in path order, so the output is the same whatever the number of threads.

use crate::diagnostic::Diagnostic;
use crate::linter::{FixMode, Fixed, Linter};
use crate::source::decode::{self, DecodeError};
use crate::source::{EncodingChoice, LineIndex, Locator, Position};
use rayon::prelude::*;
use std::io::Read;
use std::path::{Path, PathBuf};

pub struct Settings {
    /// Files and directories; `-` is standard input.
    pub paths: Vec<PathBuf>,
    pub stdin_filename: Option<String>,
    pub encoding: EncodingChoice,
    /// Extensions linted when walking directories, without the dot.
    pub extensions: Vec<String>,
    pub follow_links: bool,
    /// 0: as many as there are cores.
    pub threads: usize,
    /// Larger files are reported, not read.
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
}

/// A diagnostic with its positions resolved.
#[derive(Debug, Clone)]
pub struct Located {
    pub diagnostic: Diagnostic,
    pub start: Position,
    pub end: Position,
    /// (start, end) of each related span, in the same order.
    pub related: Vec<(Position, Position)>,
    /// (start, end) of each edit of the fix, in the same order.
    pub edits: Vec<(Position, Position)>,
    /// The rule and the text around the span, hashed (`fingerprint`).
    pub fingerprint: u64,
}

#[derive(Debug)]
pub struct FileReport {
    pub path: String,
    pub diagnostics: Vec<Located>,
    /// The decoded text, when `keep_source` is set and there is something to show.
    pub source: Option<String>,
    /// Its paragraphs' fingerprints, for the cross-file duplicate pass (empty otherwise).
    pub fingerprints: Vec<crate::corpus::Fingerprint>,
    /// Where it was read from (none for standard input).
    pub origin: Option<PathBuf>,
    /// Fixes applied (or, with `--diff`, that would be), per rule.
    pub fixed: std::collections::BTreeMap<&'static str, usize>,
    /// With `--diff`: the unified diff of the fixes.
    pub diff: Option<String>,
    /// Characters in the (fixed) text, for rates per 10,000 characters (0 unless counted).
    pub chars: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FileError {
    pub path: String,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct Outcome {
    pub files: Vec<FileReport>,
    pub errors: Vec<FileError>,
}

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

/// Lints every input. Fails only when no work can start (no thread could be made); every
/// problem with one file is that file's error.
pub fn run(settings: &Settings) -> Result<Outcome, String> {
    let (mut inputs, mut errors) = collect_inputs(settings);
    if let Some(only) = &settings.only {
        inputs.retain(|input| match input {
            Input::Named(p) | Input::Walked(p) => p.canonicalize().is_ok_and(|c| only.contains(&c)),
            Input::Stdin => true,
        });
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(settings.threads)
        .build()
        .map_err(|e| format!("cannot start {} threads: {e}", settings.threads))?;
    let progress = if settings.progress && inputs.len() > 1 {
        indicatif::ProgressBar::new(inputs.len() as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    progress.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files, {elapsed} (about {eta} left)")
            .expect("a valid progress template"),
    );
    let results: Vec<Result<Option<FileReport>, FileError>> = pool.install(|| {
        inputs
            .par_iter()
            .map(|input| {
                let result = lint_input(input, settings);
                progress.inc(1);
                result
            })
            .collect()
    });
    progress.finish_and_clear();
    let mut files = Vec::new();
    for result in results {
        match result {
            Ok(Some(report)) => files.push(report),
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    errors.sort();
    if settings.corpus_duplicates.is_some()
        && let Some(rule) = settings.linter.rule("duplicated-block")
    {
        crate::corpus::find_duplicates(&mut files, rule.severity);
        // A file that had nothing to show before the pass was not kept: read it again.
        for file in files
            .iter_mut()
            .filter(|f| settings.keep_source && f.source.is_none())
        {
            if let (false, Some(path)) = (file.diagnostics.is_empty(), &file.origin) {
                file.source = std::fs::read(path).ok().and_then(|bytes| {
                    Some(decode::decode(&bytes, settings.encoding).ok()?.text.into_owned())
                });
            }
        }
    }
    Ok(Outcome { files, errors })
}

enum ReadError {
    Binary,
    Other(String),
}

/// Reads a regular file of at most `max` bytes. What it is comes from its metadata and its
/// first bytes, before the rest is read: a FIFO or a device is refused unopened (opening a
/// FIFO waits for a writer), and a binary file is not read past its first 8 KiB.
fn read_file(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    let other = |e: std::io::Error| ReadError::Other(io_message(&e));
    let meta = std::fs::metadata(path).map_err(other)?;
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
    let file = std::fs::File::open(path).map_err(other)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    let mut reader = file.take(max + 1);
    (&mut reader)
        .take(decode::BINARY_SNIFF_LEN as u64)
        .read_to_end(&mut bytes)
        .map_err(other)?;
    if decode::is_binary(&bytes) && encoding_rs::Encoding::for_bom(&bytes).is_none() {
        return Err(ReadError::Binary);
    }
    reader.read_to_end(&mut bytes).map_err(other)?;
    // The file grew while it was read.
    if bytes.len() as u64 > max {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
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
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| settings.extensions.iter().any(|x| x.eq_ignore_ascii_case(e)));
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
/// `each`; `progress` is told each input's size. Returns the files that could not be read.
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
    let fingerprint = settings
        .corpus_duplicates
        .filter(|_| !ignored.contains(&"duplicated-block"));
    let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let doc = settings.linter.parse(&text);
        let diagnostics = linted.unwrap_or_else(|| settings.linter.lint_document(&doc, &ignored));
        let fingerprints = fingerprint.map_or_else(Vec::new, |min| crate::corpus::fingerprints(&doc, min));
        (diagnostics, fingerprints, doc.index)
    }));
    let (diagnostics, fingerprints, index) = checked.map_err(|_| {
        error("internal error while linting this file (a bug in newslint: please report it)".to_owned())
    })?;
    let located = locate(&text, &index, diagnostics);
    let chars = if settings.count_chars {
        text.chars().count()
    } else {
        0
    };
    // Standard input cannot be read twice: in corpus mode, keep it; fixed, it is printed.
    let keep = !located.is_empty()
        || (path.is_none() && (!fingerprints.is_empty() || settings.fix.is_some_and(|m| m.write)));
    let source = ((settings.keep_source || path.is_none()) && keep).then(|| text.into_owned());
    Ok(Some(FileReport {
        path: name,
        diagnostics: located,
        source,
        fingerprints,
        origin: path.map(Path::to_path_buf),
        fixed,
        diff,
        chars,
    }))
}

fn locate(text: &str, index: &LineIndex, diagnostics: Vec<Diagnostic>) -> Vec<Located> {
    let mut locator = Locator::new(index, text);
    diagnostics
        .into_iter()
        .map(|d| {
            let start = locator.position(d.span.start as usize);
            let end = locator.position(d.span.end as usize);
            let mut locate =
                |range: std::ops::Range<usize>| (locator.position(range.start), locator.position(range.end));
            let related = d.related.iter().map(|r| locate(r.span.range())).collect();
            let edits = d
                .fix
                .iter()
                .flat_map(|f| &f.edits)
                .map(|e| locate(e.start as usize..e.end as usize))
                .collect();
            let fingerprint = crate::fingerprint::fingerprint(d.rule, text, d.span.range());
            Located {
                diagnostic: d,
                start,
                end,
                related,
                edits,
                fingerprint,
            }
        })
        .collect()
}
