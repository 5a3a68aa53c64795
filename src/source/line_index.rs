//! Byte offset → line and column, computed only when a diagnostic is rendered.
//!
//! Lines end at `\n`; a `\r` before it belongs to the line ending, so CRLF files give the same
//! lines and columns as LF files. Columns count Unicode scalar values (and, for editors, UTF-16
//! code units), 1-based. A column is counted from the line start; on a long line that would be
//! quadratic (a 50 MB line full of findings), so for long lines cumulative counts are kept
//! every few hundred bytes, worked out the first time a long line needs them.

use serde::Serialize;
use std::sync::OnceLock;

/// How many bytes apart the cumulative character counts are kept.
const CHECKPOINT_BYTES: usize = 512;
/// Lines at most this long have their columns counted from the line start.
const LONG_LINE: usize = 4096;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Position {
    /// 1-based line.
    pub line: u32,
    /// 1-based column in characters (Unicode scalar values).
    pub column: u32,
    /// Byte offset into the decoded text.
    pub offset: u32,
}

#[derive(Debug)]
pub struct LineIndex {
    line_starts: Vec<u32>,
    /// (byte offset, characters before it, UTF-16 units before it), every ~512 bytes.
    checkpoints: OnceLock<Vec<(u32, u32, u32)>>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr_newlines(text).map(|i| i as u32 + 1));
        LineIndex {
            line_starts,
            checkpoints: OnceLock::new(),
        }
    }

    fn checkpoints(&self, text: &str) -> &[(u32, u32, u32)] {
        self.checkpoints.get_or_init(|| checkpoints(text))
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 0-based line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s as usize <= offset) - 1
    }

    /// Byte range of 0-based line `line`, without its line ending.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.line_starts[line] as usize;
        let mut end = self
            .line_starts
            .get(line + 1)
            .map_or(text.len(), |&next| next as usize - 1);
        if text.as_bytes().get(end.wrapping_sub(1)) == Some(&b'\r') && end > start {
            end -= 1;
        }
        start..end
    }

    fn counts_before(&self, text: &str, offset: usize) -> (u32, u32) {
        let checkpoints = self.checkpoints(text);
        let k = checkpoints.partition_point(|&(b, _, _)| b as usize <= offset) - 1;
        let (from, chars, units) = checkpoints[k];
        let (c, u) = count(&text[from as usize..offset]);
        (chars + c, units + u)
    }

    /// Characters and UTF-16 units from `start` (a line start) to `offset`.
    fn counts_between(&self, text: &str, start: usize, offset: usize) -> (u32, u32) {
        if offset - start <= LONG_LINE {
            return count(&text[start..offset]);
        }
        let (end_chars, end_units) = self.counts_before(text, offset);
        let (start_chars, start_units) = self.counts_before(text, start);
        (end_chars - start_chars, end_units - start_units)
    }

    pub fn position(&self, text: &str, offset: usize) -> Position {
        let line = self.line_of(offset);
        let start = self.line_starts[line] as usize;
        let column = self.counts_between(text, start, offset).0 + 1;
        Position {
            line: line as u32 + 1,
            column,
            offset: offset as u32,
        }
    }

    /// 1-based UTF-16 column, for editors whose positions count UTF-16 code units.
    pub fn utf16_column(&self, text: &str, offset: usize) -> u32 {
        let start = self.line_starts[self.line_of(offset)] as usize;
        self.counts_between(text, start, offset).1 + 1
    }
}

/// Resolves many offsets of one text, each column counted from the offset resolved before
/// it when that lies on the same line and near, not from the line start: the diagnostics of
/// a file come in order, and a long paragraph line may hold hundreds of them.
pub struct Locator<'a> {
    index: &'a LineIndex,
    text: &'a str,
    /// The last position resolved (line 0: none yet).
    last: Position,
}

impl<'a> Locator<'a> {
    pub fn new(index: &'a LineIndex, text: &'a str) -> Self {
        let last = Position {
            line: 0,
            column: 0,
            offset: 0,
        };
        Locator { index, text, last }
    }

    pub fn position(&mut self, offset: usize) -> Position {
        let line = self.index.line_of(offset) as u32 + 1;
        let from = self.last.offset as usize;
        let position = if line == self.last.line && offset.abs_diff(from) <= LONG_LINE {
            let between = self.text[from.min(offset)..from.max(offset)].chars().count() as u32;
            Position {
                line,
                column: if offset >= from {
                    self.last.column + between
                } else {
                    self.last.column - between
                },
                offset: offset as u32,
            }
        } else {
            self.index.position(self.text, offset)
        };
        self.last = position;
        position
    }
}

/// Code points from the start of a text to any of its offsets, counted from the offset asked
/// before: offsets asked in about increasing order cost one pass over the text in all.
pub struct CharCounter<'a> {
    text: &'a str,
    offset: usize,
    chars: u64,
}

impl<'a> CharCounter<'a> {
    pub fn new(text: &'a str) -> Self {
        CharCounter {
            text,
            offset: 0,
            chars: 0,
        }
    }

    /// The code points before `offset`, a character boundary of the text.
    pub fn at(&mut self, offset: usize) -> u64 {
        let between = |a: usize, b: usize| self.text[a..b].chars().count() as u64;
        if offset >= self.offset {
            self.chars += between(self.offset, offset);
        } else if offset >= self.offset / 2 {
            self.chars -= between(offset, self.offset);
        } else {
            self.chars = between(0, offset);
        }
        self.offset = offset;
        self.chars
    }
}

/// Cumulative counts every CHECKPOINT_BYTES, on character boundaries.
fn checkpoints(text: &str) -> Vec<(u32, u32, u32)> {
    let mut checkpoints = vec![(0, 0, 0)];
    let (mut chars, mut units, mut last) = (0u32, 0u32, 0usize);
    let mut next = CHECKPOINT_BYTES;
    while next < text.len() {
        let mut at = next;
        while !text.is_char_boundary(at) {
            at += 1;
        }
        let (c, u) = count(&text[last..at]);
        chars += c;
        units += u;
        checkpoints.push((at as u32, chars, units));
        last = at;
        next = at + CHECKPOINT_BYTES;
    }
    checkpoints
}

/// The last byte of each line ending: `\n`, the `\n` of `\r\n`, and a `\r` alone (an old
/// Mac line end, which editors and the LSP count as a line break too).
fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'\n', b'\r', bytes)
        .filter(move |&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
}

/// Characters and UTF-16 code units in `text`: a character outside the BMP (a four-byte
/// sequence, lead byte 0xF0..) takes two units.
fn count(text: &str) -> (u32, u32) {
    let chars = text.chars().count() as u32;
    let astral = text.bytes().filter(|&b| b >= 0xF0).count() as u32;
    (chars, chars + astral)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_use_checkpoints_and_agree() {
        let line = "新闻𠀀a".repeat(3000);
        let text = format!("第一行\n{line}\n");
        let index = LineIndex::new(&text);
        let start = text.find('\n').unwrap() + 1;
        for k in [0, 1, 999, 2999] {
            let offset = start + k * "新闻𠀀a".len() + "新闻".len();
            let position = index.position(&text, offset);
            assert_eq!((position.line, position.column), (2, k as u32 * 4 + 3));
            assert_eq!(index.utf16_column(&text, offset), k as u32 * 5 + 3);
        }
    }

    #[test]
    fn lines_and_columns_count_characters() {
        let text = "第一行\n第二行，𠀀字";
        let index = LineIndex::new(text);
        let at = text.find('𠀀').unwrap();
        assert_eq!(
            index.position(text, at),
            Position {
                line: 2,
                column: 5,
                offset: at as u32
            }
        );
        assert_eq!(index.utf16_column(text, at), 5);
        let after = at + '𠀀'.len_utf8();
        assert_eq!(index.position(text, after).column, 6);
        assert_eq!(index.utf16_column(text, after), 7);
    }

    #[test]
    fn crlf_does_not_shift_positions() {
        let lf = "甲乙\n丙丁\n";
        let crlf = "甲乙\r\n丙丁\r\n";
        let (a, b) = (LineIndex::new(lf), LineIndex::new(crlf));
        let pa = a.position(lf, lf.find('丁').unwrap());
        let pb = b.position(crlf, crlf.find('丁').unwrap());
        assert_eq!((pa.line, pa.column), (pb.line, pb.column));
        assert_eq!(b.line_range(crlf, 0), 0..6);
    }

    #[test]
    fn a_locator_agrees_with_the_index_in_any_order() {
        let text = format!("甲乙，丙丁。\r\n{}𠀀戊，己\n\n庚", "新a".repeat(3000));
        let index = LineIndex::new(&text);
        let mut locator = Locator::new(&index, &text);
        let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let order = offsets
            .iter()
            .chain(offsets.iter().rev())
            .chain(offsets.iter().step_by(7).rev());
        for &offset in order.chain(offsets.iter().step_by(613)) {
            assert_eq!(
                locator.position(offset),
                index.position(&text, offset),
                "{offset}"
            );
        }
    }

    #[test]
    fn long_lines_use_checkpoints_correctly() {
        let text = "新".repeat(10_000) + "a\n" + &"闻".repeat(3000);
        let index = LineIndex::new(&text);
        let at = text.find('a').unwrap();
        assert_eq!(index.position(&text, at).column, 10_001);
        let end = text.len();
        assert_eq!(
            index.position(&text, end),
            Position {
                line: 2,
                column: 3001,
                offset: end as u32
            }
        );
    }
}
