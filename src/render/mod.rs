//! Output formats, written as the results come: each file's part as soon as the file is
//! done, in path order, so that nothing but the current file is held.

mod concise;
mod full;
mod github;
mod gitlab;
mod json;
mod junit;
mod sarif;
mod statistics;

pub use json::value as json_value;
pub use statistics::{Statistics, StatisticsBy};

use crate::outcome::{FileError, FileReport};
use std::io::{self, Write};

/// One output format, fed one file at a time.
pub trait Emitter {
    /// What comes before the first file (an array's `[`).
    fn start(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    fn file(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()>;
    /// What comes after the last file: the inputs that could not be linted, closing marks.
    fn finish(&mut self, out: &mut dyn Write, errors: &[FileError]) -> io::Result<()>;
}

/// The emitter of a format; `color` counts for the full and concise formats.
pub fn emitter(format: Format, color: bool) -> Box<dyn Emitter> {
    match format {
        Format::Full => Box::new(full::Full::new(color)),
        Format::Concise => Box::new(concise::Concise { color }),
        Format::Json => Box::new(json::Json::default()),
        Format::Jsonl => Box::new(json::Jsonl::default()),
        Format::Sarif => Box::new(sarif::Sarif::default()),
        Format::Github => Box::new(github::Github),
        Format::Junit => Box::new(junit::Junit::default()),
        Format::Gitlab => Box::new(gitlab::Gitlab::default()),
    }
}

/// A whole output at once, for outputs that are short by nature (one file's diagnostics).
pub fn render(format: Format, files: &[FileReport], errors: &[FileError], color: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut emitter = emitter(format, color);
    let written = emitter
        .start(&mut out)
        .and_then(|()| files.iter().try_for_each(|f| emitter.file(&mut out, f)))
        .and_then(|()| emitter.finish(&mut out, errors));
    written.expect("writing to memory succeeds");
    out
}

/// Writes `value` as pretty JSON with every line indented by `indent` spaces: an element of
/// an array that is written one element at a time. (A JSON string holds no raw
/// line break, so every line break is the printer's.)
pub(crate) fn write_indented_json(
    out: &mut dyn Write,
    value: &impl serde::Serialize,
    indent: usize,
) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::from)?;
    let pad = " ".repeat(indent);
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.write_all(b"\n")?;
        }
        out.write_all(pad.as_bytes())?;
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Source excerpts with the faulty characters underlined (default on a terminal).
    Full,
    /// `path:line:column: severity[rule] message` (default when piped).
    Concise,
    /// One JSON array.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// SARIF 2.1.0, for GitHub code scanning and review tools.
    Sarif,
    /// GitHub Actions workflow commands: annotations on a pull request.
    Github,
    /// JUnit XML, for CI test reports.
    Junit,
    /// GitLab Code Quality JSON.
    Gitlab,
}

/// A path as a URI path: RFC 3986's unreserved characters and `/` stay, the rest (spaces,
/// Chinese file names) is percent-encoded. For SARIF's artifact URIs and the report's links.
pub(crate) fn uri_path(path: &str) -> String {
    uri_bytes(path.as_bytes())
}

/// A path's bytes, percent-encoded for a URI: a file name that is not UTF-8 keeps its real
/// bytes (`%FF`), not the replacement character of its display form.
pub(crate) fn uri_bytes(path: &[u8]) -> String {
    const KEPT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~')
        .remove(b'/');
    percent_encoding::percent_encode(path, KEPT).to_string()
}

/// Text for an XML or HTML attribute or element.
/// A path as one line of text, for the formats read line by line: control characters (a
/// newline in a file name) are written as escapes, as `ls` does.
pub(crate) fn line_safe(path: &str) -> std::borrow::Cow<'_, str> {
    if !path.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(path);
    }
    let mut out = String::with_capacity(path.len() + 8);
    for c in path.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

pub(crate) fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Line breaks and tabs as references: an attribute value keeps them then.
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            // Characters XML 1.0 cannot hold at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}
