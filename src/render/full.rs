//! The human format: codespan-reporting excerpts, carets under the right characters of
//! double-width Chinese text, related spans shown beside the primary one.
//!
//! A news paragraph is one line of hundreds of characters, so a quoted line is cut to a
//! window around its spans (`…` where cut), about a terminal's width, and characters that
//! show as nothing (a no-break space, a zero-width space, a control) are written as
//! `<U+XXXX>` so that the underline has something to stand under.

use crate::diagnostic::Severity;
use crate::outcome::FileReport;
use codespan_reporting::diagnostic::{Diagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::{Error, Files};
use codespan_reporting::term::{self, Config, termcolor::Buffer};
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// Display columns of context kept before the first span and after the last one on a line.
const CONTEXT_COLUMNS: usize = 24;
/// The widest quoted line, in display columns: a 100-column terminal, less the gutter.
const MAX_COLUMNS: usize = 88;
const ELLIPSIS: &str = "…";

fn severity(s: Severity) -> CsSeverity {
    match s {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    }
}

pub struct Full {
    color: bool,
    config: Config,
}

impl Full {
    pub fn new(color: bool) -> Full {
        Full {
            color,
            config: Config::default(),
        }
    }
}

impl super::Emitter for Full {
    fn file(&mut self, out: &mut dyn std::io::Write, report: &FileReport) -> std::io::Result<()> {
        let Some(source) = report.source.as_deref() else {
            return Ok(());
        };
        let mut buffer = if self.color {
            Buffer::ansi()
        } else {
            Buffer::no_color()
        };
        let config = &self.config;
        let name = report.name();
        let name = super::line_safe(&name);
        for located in &report.diagnostics {
            let d = &located.diagnostic;
            let mut notes = Vec::new();
            // The spans quoted from this file, each with the line its start is on.
            let mut spans = vec![(d.span.range(), located.start.line as usize)];
            for (related, (start, _)) in d.related.iter().zip(&located.related) {
                match &related.path {
                    None => spans.push((related.span.range(), start.line as usize)),
                    Some(other) => notes.push(format!(
                        "{}: {}:{}:{}",
                        related.message, other, start.line, start.column
                    )),
                }
            }
            let excerpt = Excerpt::new(&name, source, &spans);
            let mut labels = vec![Label::primary((), excerpt.ranges[0].clone())];
            for (related, range) in d
                .related
                .iter()
                .filter(|r| r.path.is_none())
                .zip(&excerpt.ranges[1..])
            {
                labels.push(Label::secondary((), range.clone()).with_message(&related.message));
            }
            if let Some(help) = &d.help {
                notes.push(format!("help: {help}"));
            }
            if let Some(fix) = &d.fix {
                notes.push(format!(
                    "fix ({}): {}",
                    applicability(fix.applicability),
                    fix.message
                ));
            }
            let diagnostic = Diagnostic::new(severity(d.severity))
                .with_code(d.rule)
                .with_message(&d.message)
                .with_labels(labels)
                .with_notes(notes);
            term::emit_to_write_style(&mut buffer, config, &excerpt, &diagnostic)
                .expect("rendering to memory succeeds");
        }
        out.write_all(buffer.as_slice())
    }

    fn finish(
        &mut self,
        _out: &mut dyn std::io::Write,
        _errors: &[crate::outcome::FileError],
    ) -> std::io::Result<()> {
        Ok(())
    }
}

/// The lines a diagnostic quotes, each cut to a window around its spans, with the spans
/// moved into it; line and column numbers are the source's.
struct Excerpt<'n> {
    name: &'n str,
    text: String,
    lines: Vec<ExcerptLine>,
    /// Each span, in the excerpt.
    ranges: Vec<Range<usize>>,
}

struct ExcerptLine {
    range: Range<usize>,
    /// Where the line starts in the source.
    source_start: usize,
    number: usize,
    /// (excerpt byte, source column) at the start of each character from the source, in order.
    columns: Vec<(usize, usize)>,
    /// (source byte, excerpt byte) at the same places, with the window's end last.
    offsets: Vec<(usize, usize)>,
}

/// A character that shows as nothing, written out.
fn shown(c: char) -> Option<String> {
    let invisible = matches!(c,
        '\u{00A0}' | '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}'
        | '\u{17B5}' | '\u{180E}' | '\u{2000}'..='\u{200F}' | '\u{2028}'..='\u{202F}'
        | '\u{205F}'..='\u{206F}' | '\u{3164}' | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF9}'..='\u{FFFB}'
    );
    (invisible || (c.is_control() && c != '\t')).then(|| format!("<U+{:04X}>", c as u32))
}

/// The columns a character takes in the excerpt.
fn columns(c: char) -> usize {
    shown(c).map_or(c.width().unwrap_or(0), |visible| visible.len())
}

fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\r')
}

impl<'n> Excerpt<'n> {
    fn new(name: &'n str, source: &str, spans: &[(Range<usize>, usize)]) -> Excerpt<'n> {
        // An offset between the two bytes of a CRLF stands at the end of its line.
        let settle = |at: usize| {
            let bytes = source.as_bytes();
            if at > 0 && bytes[at - 1] == b'\r' && bytes.get(at) == Some(&b'\n') {
                at - 1
            } else {
                at
            }
        };
        let spans: Vec<(Range<usize>, usize)> = spans
            .iter()
            .map(|(range, line)| {
                (
                    settle(range.start)..settle(range.end).max(settle(range.start)),
                    *line,
                )
            })
            .collect();
        // The source lines the spans touch, by their start, with their numbers and the points
        // of interest on each (where a span starts or ends, or the line start for a span that
        // runs through it).
        let mut touched: std::collections::BTreeMap<usize, (usize, Vec<usize>)> = Default::default();
        for (range, first_line) in &spans {
            let mut line_start = source[..range.start].rfind(is_break).map_or(0, |i| i + 1);
            let mut number = *first_line;
            loop {
                let line_end = source[line_start..]
                    .find(is_break)
                    .map_or(source.len(), |i| line_start + i);
                let points = &mut touched.entry(line_start).or_insert((number, Vec::new())).1;
                points.push(range.start.clamp(line_start, line_end));
                points.push(range.end.clamp(line_start, line_end));
                if range.end <= line_end || line_end == source.len() {
                    break;
                }
                // A CRLF is one break.
                let next = if source[line_end..].starts_with("\r\n") {
                    line_end + 2
                } else {
                    line_end + 1
                };
                line_start = next;
                number += 1;
            }
        }
        let mut text = String::new();
        let mut lines = Vec::new();
        for (&line_start, (number, points)) in &touched {
            let line_end = source[line_start..]
                .find(is_break)
                .map_or(source.len(), |i| line_start + i);
            let line = &source[line_start..line_end];
            let first = points.iter().min().copied().unwrap_or(line_start) - line_start;
            let last = points.iter().max().copied().unwrap_or(line_start) - line_start;
            // CONTEXT_COLUMNS before the first point, then up to MAX_COLUMNS in all.
            let mut from = first;
            let mut width = 0;
            for (i, c) in line[..first].char_indices().rev() {
                width += columns(c);
                if width > CONTEXT_COLUMNS {
                    break;
                }
                from = i;
            }
            // Then up to MAX_COLUMNS in all, with CONTEXT_COLUMNS after the last point.
            let (mut to, mut width, mut after) = (from, 0, 0);
            for (i, c) in line[from..].char_indices() {
                let at = from + i;
                let w = columns(c);
                if width + w > MAX_COLUMNS || (at >= last && after + w > CONTEXT_COLUMNS) {
                    break;
                }
                if at >= last {
                    after += w;
                }
                width += w;
                to = at + c.len_utf8();
            }
            if !text.is_empty() {
                text.push('\n');
            }
            let start = text.len();
            let mut columns = Vec::new();
            let mut offsets = Vec::new();
            if from > 0 {
                text.push_str(ELLIPSIS);
            }
            let column_base = line[..from].chars().count() + 1;
            for (k, (i, c)) in line[from..to].char_indices().enumerate() {
                columns.push((text.len(), column_base + k));
                offsets.push((line_start + from + i, text.len()));
                match shown(c) {
                    Some(visible) => text.push_str(&visible),
                    None => text.push(c),
                }
            }
            offsets.push((line_start + to, text.len()));
            if to < line.len() {
                text.push_str(ELLIPSIS);
            }
            lines.push(ExcerptLine {
                range: start..text.len(),
                source_start: line_start,
                number: *number,
                columns,
                offsets,
            });
        }
        let mut excerpt = Excerpt {
            name,
            text,
            lines,
            ranges: Vec::new(),
        };
        excerpt.ranges = spans
            .iter()
            .map(|(range, _)| {
                let start = excerpt.place(source, range.start);
                start..excerpt.place(source, range.end).max(start)
            })
            .collect();
        excerpt
    }

    /// Where source byte `at` stands in the excerpt: before a line's window, at its start
    /// (under the `…`); after it, at its end.
    fn place(&self, source: &str, at: usize) -> usize {
        let line_start = source[..at].rfind(is_break).map_or(0, |i| i + 1);
        let Some(line) = self.lines.iter().find(|l| l.source_start == line_start) else {
            return self.text.len();
        };
        let k = line.offsets.partition_point(|&(o, _)| o < at);
        match line.offsets.get(k) {
            Some(&(o, e)) if o == at => e,
            _ if k == 0 => line.range.start,
            _ => line.range.end,
        }
    }

    fn line_of(&self, byte: usize) -> usize {
        self.lines
            .partition_point(|l| l.range.start <= byte)
            .saturating_sub(1)
    }
}

impl<'a> Files<'a> for Excerpt<'_> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, Error> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, Error> {
        Ok(self.line_of(byte_index))
    }

    fn line_number(&'a self, (): (), line_index: usize) -> Result<usize, Error> {
        Ok(self.lines.get(line_index).map_or(line_index + 1, |l| l.number))
    }

    fn column_number(&'a self, (): (), line_index: usize, byte_index: usize) -> Result<usize, Error> {
        let Some(line) = self.lines.get(line_index) else {
            return Ok(1);
        };
        let k = line.columns.partition_point(|&(b, _)| b <= byte_index);
        Ok(match k.checked_sub(1).map(|k| line.columns[k]) {
            Some((_, column)) => column,
            None => line.columns.first().map_or(1, |&(_, c)| c),
        })
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, Error> {
        self.lines
            .get(line_index)
            .map(|l| l.range.start..(l.range.end + 1).min(self.text.len()))
            .ok_or(Error::LineTooLarge {
                given: line_index,
                max: self.lines.len(),
            })
    }
}

fn applicability(a: crate::fix::Applicability) -> &'static str {
    match a {
        crate::fix::Applicability::Safe => "safe",
        crate::fix::Applicability::Unsafe => "unsafe",
        crate::fix::Applicability::DisplayOnly => "suggestion",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders spans of `text` as the full format does.
    fn render(text: &str, spans: &[Range<usize>]) -> String {
        let spans: Vec<(Range<usize>, usize)> = spans.iter().map(|r| (r.clone(), 1)).collect();
        let excerpt = Excerpt::new("t.txt", text, &spans);
        let labels = excerpt
            .ranges
            .iter()
            .map(|r| Label::primary((), r.clone()))
            .collect();
        let diagnostic = Diagnostic::new(CsSeverity::Warning).with_labels(labels);
        let mut buffer = Buffer::no_color();
        term::emit_to_write_style(&mut buffer, &Config::default(), &excerpt, &diagnostic).expect("renders");
        String::from_utf8(buffer.into_inner()).expect("UTF-8")
    }

    #[test]
    fn any_span_of_any_text_renders() {
        let alphabet = [
            '新', '闻', '，', '。', 'a', ' ', '\n', '\r', '\u{00A0}', '\u{200B}', '\u{1}', '😀', '𠮷', '…',
        ];
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..3000 {
            let text: String = (0..rng.usize(1..400))
                .map(|_| alphabet[rng.usize(..alphabet.len())])
                .collect();
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let mut spans = Vec::new();
            for _ in 0..rng.usize(1..3) {
                let a = bounds[rng.usize(..bounds.len())];
                let b = bounds[rng.usize(..bounds.len())];
                spans.push(a.min(b)..a.max(b));
            }
            let shown = render(&text, &spans);
            assert!(!shown.is_empty(), "{text:?} {spans:?}");
        }
    }

    #[test]
    fn a_short_line_is_quoted_whole_and_a_long_one_around_its_span() {
        let comma = 6 * 3..6 * 3 + 1;
        let shown = render("推动经济发展,好。", std::slice::from_ref(&comma));
        assert!(
            shown.contains("推动经济发展,好。") && !shown.contains('…'),
            "{shown}"
        );
        let long = format!("{}推动,发展{}", "甲".repeat(300), "乙".repeat(300));
        let at = long.find(',').unwrap();
        let comma = at..at + 1;
        let shown = render(&long, std::slice::from_ref(&comma));
        let quoted = shown.lines().find(|l| l.contains(',')).unwrap();
        assert!(quoted.contains("…甲") && quoted.contains("乙…"), "{shown}");
        assert!(
            quoted.chars().filter(|&c| c == '甲').count() <= CONTEXT_COLUMNS / 2,
            "{shown}"
        );
    }
}
