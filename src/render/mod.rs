//! Output formats: pure functions from sorted results to text.

mod concise;
mod full;
mod github;
mod gitlab;
mod json;
mod junit;
mod sarif;
mod statistics;

pub use concise::{concise, concise_colored};
pub use full::full;
pub use github::github;
pub use gitlab::gitlab;
pub use json::{json, jsonl};
pub use junit::junit;
pub use sarif::sarif;
pub use statistics::{StatisticsBy, statistics};

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
