//! The document model every rule reads: lines, blocks (paragraphs, headings, list items,
//! block quotes) and sentences, parsed once per file.
//!
//! Transcriptions come as plain text (paragraphs separated by blank lines) or light Markdown.
//! Markdown markers are structure, not text: a block's `content` starts after them, so rules
//! look at the words inside. A file with no blank line at all is taken to hold one paragraph
//! per line, which is how many scrapes are laid out.

use super::LineIndex;
use super::char_model::CharModel;
use super::chars::{is_closing_mark, is_mojibake_marker, is_sentence_end};
use super::flow::Flow;
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    Text,
    /// `#` to `######` followed by a space.
    Heading(u8),
    /// `- `, `* `, `+ ` or `1. `, `1、` is not one (it is ordinary Chinese numbering).
    ListItem,
    /// `> `.
    Quote,
    /// Inside a ``` fence; rules leave it alone.
    Code,
}

#[derive(Clone, Debug)]
pub struct Line {
    /// The line without its line ending.
    pub range: Range<usize>,
    /// After any Markdown marker and leading white space, before trailing white space.
    pub content: Range<usize>,
    pub kind: LineKind,
    /// Ends with `\r\n` rather than `\n` (false for the last line when it has no ending).
    pub crlf: bool,
    /// Has a line ending at all.
    pub terminated: bool,
    /// Which kinds of bytes the line holds (`Classes`): rules skip lines that cannot matter.
    pub classes: Classes,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading(u8),
    ListItem,
    Quote,
    Code,
}

#[derive(Clone, Debug)]
pub struct Block {
    pub kind: BlockKind,
    /// 0-based indices into `Document::lines`.
    pub lines: Range<usize>,
    /// From the content start of the first line to the content end of the last.
    pub content: Range<usize>,
    /// The union of its lines' classes.
    pub classes: Classes,
}

#[derive(Debug)]
pub struct Document<'a> {
    pub text: &'a str,
    pub lines: Vec<Line>,
    pub blocks: Vec<Block>,
    pub index: LineIndex,
    /// Byte offsets of the punctuation in the text, in order: ASCII punctuation and the
    /// characters whose UTF-8 starts with E2, E3 or EF (general punctuation, CJK marks,
    /// full-width forms). Rules that look for marks walk this list instead of the text.
    marks: Vec<u32>,
    flow: OnceLock<Flow>,
    /// The sentence model built from the user's corpus, when one is given (`--model`); the
    /// shipped one otherwise.
    pub model: Option<&'a CharModel>,
}

impl<'a> Document<'a> {
    pub fn parse(text: &'a str) -> Self {
        let index = LineIndex::new(text);
        let mut lines = Vec::with_capacity(index.line_count());
        // Chinese news text has a punctuation mark about every eight characters.
        let mut marks = Vec::with_capacity(text.len() / 24);
        let mut in_fence = false;
        for n in 0..index.line_count() {
            let range = index.line_range(text, n);
            let terminated = n + 1 < index.line_count();
            let crlf = terminated && text.as_bytes()[range.end..].starts_with(b"\r\n");
            let raw = &text[range.clone()];
            let trimmed = raw.trim_start_matches([' ', '\t', '\u{3000}']);
            let fence = trimmed.starts_with("```") || trimmed.starts_with("~~~");
            let (kind, marker_len) = if fence || in_fence {
                in_fence ^= fence;
                (LineKind::Code, 0)
            } else {
                classify(raw)
            };
            let content_start = range.start + marker_len;
            let content_text = &text[content_start..range.end];
            let lead =
                content_text.len() - content_text.trim_start_matches(|c: char| c.is_whitespace()).len();
            let content_end =
                range.start + marker_len + content_text.trim_end_matches(|c: char| c.is_whitespace()).len();
            let content = (content_start + lead).min(content_end)..content_end;
            let classes = Classes::scan(raw, range.start, &mut marks);
            lines.push(Line {
                range,
                content,
                kind,
                crlf,
                terminated,
                classes,
            });
        }
        let blocks = group_blocks(&lines);
        Document {
            text,
            lines,
            blocks,
            index,
            marks,
            flow: OnceLock::new(),
            model: None,
        }
    }

    /// The document, judged with the sentence model built from the user's corpus.
    pub fn with_model(mut self, model: Option<&'a CharModel>) -> Self {
        self.model = model;
        self
    }

    pub fn slice(&self, range: &Range<usize>) -> &'a str {
        &self.text[range.clone()]
    }

    /// The block's content, as text (lines joined as they stand in the file).
    pub fn block_text(&self, block: &Block) -> &'a str {
        self.slice(&block.content)
    }

    /// Blocks that hold prose or headings, not code.
    pub fn text_blocks(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.kind != BlockKind::Code)
    }

    /// Lines that are not code and not blank.
    pub fn text_lines(&self) -> impl Iterator<Item = &Line> {
        self.lines
            .iter()
            .filter(|l| !matches!(l.kind, LineKind::Code | LineKind::Blank))
    }

    /// Byte offsets (into the text) of the punctuation within `range`.
    pub fn marks(&self, range: &Range<usize>) -> &[u32] {
        let start = self.marks.partition_point(|&m| (m as usize) < range.start);
        let end = self.marks.partition_point(|&m| (m as usize) < range.end);
        &self.marks[start..end]
    }

    /// How paragraphs run into one another (splits, truncations, orphans), worked out on
    /// first use and shared by the structure rules.
    pub fn flow(&self) -> &Flow {
        self.flow.get_or_init(|| super::flow::analyse(self))
    }

    /// The flow analysis has been made (a rule asked for it).
    #[cfg(test)]
    pub fn flow_analysed(&self) -> bool {
        self.flow.get().is_some()
    }

    /// Sentences of a block: byte ranges ending after a sentence mark and any closing
    /// quotes or brackets that follow it; the last one may have no mark.
    pub fn sentences(&self, block: &Block) -> Vec<Range<usize>> {
        sentence_ranges(self.block_text(block), block.content.start)
    }
}

/// A summary of the bytes of a line, made in the one pass that parses it: most rules look
/// for a character that most lines do not hold, and skip those lines unread.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Classes(u16);

impl Classes {
    /// `, . : ; ? ! ( ) " '`
    pub const ASCII_PUNCT: Classes = Classes(1);
    pub const ASCII_LETTER: Classes = Classes(1 << 1);
    pub const ASCII_DIGIT: Classes = Classes(1 << 2);
    /// Space or tab.
    pub const SPACE: Classes = Classes(1 << 3);
    /// `< & { $ # *`
    pub const MARKUP: Classes = Classes(1 << 4);
    /// Control bytes other than tab, line feed and carriage return.
    pub const CONTROL: Classes = Classes(1 << 5);
    /// Characters U+0080..U+07FF: Latin-1 (no-break space, soft hyphen), Greek, Cyrillic…
    pub const TWO_BYTE: Classes = Classes(1 << 6);
    /// Characters U+1000..U+2FFF: general punctuation, format characters, geometric shapes.
    pub const GENERAL_PUNCT: Classes = Classes(1 << 7);
    /// Characters U+E000..U+FFFF: private use, full-width forms, specials (U+FEFF, U+FFFD).
    pub const SPECIALS: Classes = Classes(1 << 8);
    /// Characters beyond the Basic Multilingual Plane.
    pub const FOUR_BYTE: Classes = Classes(1 << 9);
    /// Any other three-byte character (U+0800..U+0FFF, U+3000..U+DFFF: CJK and Han).
    pub const OTHER_THREE_BYTE: Classes = Classes(1 << 10);
    /// A character that shows nothing or shows as a space: no-break spaces, zero-width
    /// characters, format and bidirectional controls, U+FEFF, fillers.
    pub const INVISIBLE: Classes = Classes(1 << 11);
    /// A character garbled text is made of: U+FFFD, □ ■, private use, C1 controls.
    pub const DAMAGE: Classes = Classes(1 << 12);
    /// A character that UTF-8 text read as GBK turns into, or that starts the filler of a
    /// failed decoding (`chars::is_mojibake_marker`).
    pub const MOJIBAKE: Classes = Classes(1 << 13);
    /// A run of two to four three-byte characters written twice in a row (`惠民惠民`).
    pub const DOUBLED_HAN: Classes = Classes(1 << 14);
    /// U+3000, the ideographic space.
    pub const IDEOGRAPHIC_SPACE: Classes = Classes(1 << 15);

    const TABLE: [u16; 256] = {
        let mut table = [0u16; 256];
        let mut b = 0;
        while b < 256 {
            let byte = b as u8;
            table[b] = match byte {
                b',' | b'.' | b':' | b';' | b'?' | b'!' | b'(' | b')' | b'"' | b'\'' => 1,
                b'a'..=b'z' | b'A'..=b'Z' => 1 << 1,
                b'0'..=b'9' => 1 << 2,
                b' ' | b'\t' => 1 << 3,
                b'<' | b'&' | b'{' | b'$' | b'#' | b'*' => 1 << 4,
                b'\n' | b'\r' => 0,
                0..=0x1F | 0x7F => 1 << 5,
                0xC2..=0xDF => 1 << 6,
                0xE1 | 0xE2 => 1 << 7,
                0xEE | 0xEF => 1 << 8,
                0xF0..=0xF4 => 1 << 9,
                0xE0 | 0xE3..=0xED => 1 << 10,
                _ => 0,
            };
            b += 1;
        }
        table
    };

    #[cfg(test)]
    pub fn of(text: &str) -> Classes {
        Self::scan(text, 0, &mut Vec::new())
    }

    /// The classes of `text` (which starts at byte `base`), pushing the offset of each
    /// punctuation character to `marks` on the way (see `Document::marks`).
    pub fn scan(text: &str, base: usize, marks: &mut Vec<u32>) -> Classes {
        let bytes = text.as_bytes();
        let next = |i: usize, k: usize| bytes.get(i + k).copied().unwrap_or(0);
        let mut classes = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // U+4000..U+9FFF (lead bytes E4..E9): Han, most of the text, nothing rare but the
            // markers. A run of them is walked in a loop of its own.
            if (0xE4..=0xE9).contains(&b) {
                classes |= Self::OTHER_THREE_BYTE.0;
                while let Some(&[lead @ 0xE4..=0xE9, b1, b2]) = bytes.get(i..i + 3) {
                    if doubled_at(bytes, i) {
                        classes |= Self::DOUBLED_HAN.0;
                    }
                    if is_mojibake_marker(lead, b1, b2) {
                        classes |= Self::MOJIBAKE.0;
                    }
                    i += 3;
                }
                continue;
            }
            classes |= Self::TABLE[usize::from(b)];
            // Other three-byte characters: CJK punctuation.
            if b & 0xF0 == 0xE0 && doubled_at(bytes, i) {
                classes |= Self::DOUBLED_HAN.0;
            }
            if b.is_ascii_punctuation() || matches!(b, 0xE2 | 0xE3 | 0xEF) {
                marks.push((base + i) as u32);
            }
            // The rare characters are told apart by their UTF-8 sequence, looked at only
            // where a lead byte that can start one stands.
            classes |= match (b, next(i, 1)) {
                (0xC2, 0xA0 | 0xAD) | (0xCD, 0x8F) | (0xD8, 0x9C) => Self::INVISIBLE.0,
                (0xC2, 0x80..=0x9F) | (0xEE, _) | (0xEF, 0x80..=0xA3) | (0xF3, 0xB0..) | (0xF4, _) => {
                    Self::DAMAGE.0
                }
                (0xE1, 0x85) if matches!(next(i, 2), 0x9F | 0xA0) => Self::INVISIBLE.0,
                (0xE1, 0xA0) if next(i, 2) == 0x8E => Self::INVISIBLE.0,
                (0xE2, 0x80) if matches!(next(i, 2), 0x87 | 0x8B..=0x8F | 0xAA..=0xAF) => Self::INVISIBLE.0,
                (0xE2, 0x81) if matches!(next(i, 2), 0xA0..=0xA4 | 0xA6..=0xA9) => Self::INVISIBLE.0,
                (0xE2, 0x96) if matches!(next(i, 2), 0xA0 | 0xA1) => Self::DAMAGE.0,
                (0xE3, 0x80) if next(i, 2) == 0x80 => Self::IDEOGRAPHIC_SPACE.0,
                (0xE3, 0x85) if next(i, 2) == 0xA4 => Self::INVISIBLE.0,
                (0xEF, 0xBB) if next(i, 2) == 0xBF => Self::INVISIBLE.0,
                (0xEF, 0xBE) if next(i, 2) == 0xA0 => Self::INVISIBLE.0,
                (0xEF, 0xBF) if next(i, 2) == 0xBD => Self::DAMAGE.0,
                _ => 0,
            };
            // Continuation bytes hold no class: the text is UTF-8, a character is stepped
            // over whole.
            i += super::chars::utf8_width(b);
        }
        Classes(classes)
    }

    pub fn union(self, other: Classes) -> Classes {
        Classes(self.0 | other.0)
    }

    /// Holds at least one of the classes in `any`.
    pub fn has(self, any: Classes) -> bool {
        self.0 & any.0 != 0
    }
}

impl std::ops::BitOr for Classes {
    type Output = Classes;
    fn bitor(self, other: Classes) -> Classes {
        self.union(other)
    }
}

/// The two, three or four three-byte characters from byte `i` on are written again right
/// after them (whether they are Han is for the rule to check). Compares eight bytes at a
/// time where the text is long enough.
fn doubled_at(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i..i + 24) {
        Some(w) => {
            let w: &[u8; 24] = w.try_into().expect("24 bytes");
            let read = |k: usize| u64::from_le_bytes(w[k..k + 8].try_into().expect("eight bytes"));
            let head = read(0);
            (head ^ read(6)) << 16 == 0
                || (head == read(9) && w[8] == w[17])
                || (head == read(12) && w[8..12] == w[20..24])
        }
        None => [6, 9, 12]
            .iter()
            .any(|&unit| bytes.get(i..i + 2 * unit).is_some_and(|w| w[..unit] == w[unit..])),
    }
}

/// Splits `text` (which starts at byte `base`) into sentences.
pub fn sentence_ranges(text: &str, base: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !is_sentence_end(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if is_sentence_end(d) || is_closing_mark(d) {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        out.push(base + start..base + end);
        start = end;
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        out.push(base + start..base + text.len());
    }
    out
}

/// Recognises a Markdown line marker; returns the kind and the marker's length in bytes.
fn classify(raw: &str) -> (LineKind, usize) {
    if raw.trim().is_empty() {
        return (LineKind::Blank, 0);
    }
    let indent = raw.len() - raw.trim_start_matches(' ').len();
    if indent > 3 {
        return (LineKind::Text, 0);
    }
    let rest = &raw[indent..];
    let hashes = rest.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) {
        let after = &rest[hashes..];
        if after.is_empty() || after.starts_with(' ') || after.starts_with('\t') {
            return (LineKind::Heading(hashes as u8), indent + hashes);
        }
    }
    for marker in ["- ", "* ", "+ "] {
        if rest.starts_with(marker) && !rest.starts_with("* *") && !rest.starts_with("- -") {
            return (LineKind::ListItem, indent + 2);
        }
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) && rest[digits..].starts_with(". ") {
        return (LineKind::ListItem, indent + digits + 2);
    }
    if let Some(after) = rest.strip_prefix('>') {
        let space = usize::from(after.starts_with(' '));
        return (LineKind::Quote, indent + 1 + space);
    }
    (LineKind::Text, 0)
}

fn group_blocks(lines: &[Line]) -> Vec<Block> {
    let one_per_line = lines.len() > 1
        && !lines
            .iter()
            .enumerate()
            .any(|(n, l)| l.kind == LineKind::Blank && n + 1 < lines.len());
    let mut blocks: Vec<Block> = Vec::new();
    let mut open: Option<Block> = None;
    for (n, line) in lines.iter().enumerate() {
        let kind = match line.kind {
            LineKind::Blank => {
                blocks.extend(open.take());
                continue;
            }
            LineKind::Text => BlockKind::Paragraph,
            LineKind::Heading(level) => BlockKind::Heading(level),
            LineKind::ListItem => BlockKind::ListItem,
            LineKind::Quote => BlockKind::Quote,
            LineKind::Code => BlockKind::Code,
        };
        // A paragraph or quote continues on the next non-blank line; headings and list
        // items are one line each (a lazily continued list item reads as its own paragraph
        // in these files), and a file without blank lines has one paragraph per line.
        let continues = match &open {
            Some(b) => {
                !one_per_line
                    && matches!(
                        (b.kind, kind),
                        (BlockKind::Paragraph, BlockKind::Paragraph)
                            | (BlockKind::Quote, BlockKind::Quote)
                            | (BlockKind::Code, BlockKind::Code)
                    )
            }
            None => false,
        };
        if continues {
            let b = open.as_mut().expect("checked above");
            b.lines.end = n + 1;
            if !line.content.is_empty() {
                b.content.end = line.content.end;
                b.classes = b.classes.union(line.classes);
            }
        } else {
            blocks.extend(open.take());
            open = Some(Block {
                kind,
                lines: n..n + 1,
                content: line.content.clone(),
                classes: line.classes,
            });
        }
    }
    blocks.extend(open);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_headings_and_list_items() {
        let text = "# 标题\n\n第一段，\n续行。\n\n- 列表一\n- 列表二\n\n> 引文\n";
        let doc = Document::parse(text);
        let kinds: Vec<_> = doc.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Heading(1),
                BlockKind::Paragraph,
                BlockKind::ListItem,
                BlockKind::ListItem,
                BlockKind::Quote
            ]
        );
        assert_eq!(doc.block_text(&doc.blocks[0]), "标题");
        assert_eq!(doc.block_text(&doc.blocks[1]), "第一段，\n续行。");
        assert_eq!(doc.block_text(&doc.blocks[3]), "列表二");
    }

    #[test]
    fn crlf_lines_and_content() {
        let doc = Document::parse("甲  \r\n乙\r\n");
        assert!(doc.lines[0].crlf);
        assert_eq!(doc.slice(&doc.lines[0].content), "甲");
        assert_eq!(doc.slice(&doc.lines[0].range), "甲  ");
        let doc = Document::parse("甲\r\n乙\r\n\r\n丙\r\n");
        assert_eq!(doc.blocks.len(), 2);
        assert_eq!(doc.block_text(&doc.blocks[0]), "甲\r\n乙");
    }

    #[test]
    fn a_file_without_blank_lines_has_a_paragraph_per_line() {
        let doc = Document::parse("第一段。\n第二段。\n第三段。");
        assert_eq!(doc.blocks.len(), 3);
    }

    #[test]
    fn chinese_numbering_and_hashtags_are_text() {
        let doc = Document::parse("1、第一条\n\n#话题#内容\n\n2.5亿元\n");
        assert!(doc.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
    }

    #[test]
    fn byte_classes_see_rare_characters() {
        let of = |t: &str| Classes::of(t);
        assert!(of("a\u{A0}b").has(Classes::INVISIBLE) && of("x\u{200B}").has(Classes::INVISIBLE));
        assert!(of("\u{FEFF}").has(Classes::INVISIBLE) && of("\u{3164}").has(Classes::INVISIBLE));
        assert!(of("\u{202E}").has(Classes::INVISIBLE) && of("\u{2066}").has(Classes::INVISIBLE));
        assert!(!of("“中文，标点。”……——").has(Classes::INVISIBLE | Classes::DAMAGE));
        for damaged in [
            "\u{FFFD}",
            "□",
            "■",
            "\u{E000}",
            "\u{F8FF}",
            "\u{85}",
            "\u{F0000}",
            "\u{10FFFD}",
        ] {
            assert!(of(damaged).has(Classes::DAMAGE), "{damaged:?}");
        }
        assert!(of("a, b").has(Classes::ASCII_PUNCT | Classes::SPACE));
        assert!(
            of("甲\u{3000}乙").has(Classes::IDEOGRAPHIC_SPACE)
                && !of("甲 乙。").has(Classes::IDEOGRAPHIC_SPACE)
        );
        assert!(of("推动鍙戝睍").has(Classes::MOJIBAKE) && !of("推动发展").has(Classes::MOJIBAKE));
    }

    #[test]
    fn byte_classes_see_doubled_runs() {
        let doubled = |t: &str| Classes::of(t).has(Classes::DOUBLED_HAN);
        let long = "，构建数字社会高效精准服务体系。";
        for run in ["惠民惠民", "高质量高质量", "数字经济数字经济"] {
            // At the end of a line (compared byte by byte) and in its middle.
            assert!(doubled(&format!("为民{run}")), "{run}");
            assert!(doubled(&format!("为民{run}{long}")), "{run}");
        }
        for text in ["天天向上", "为民惠民高效", "一步一步", long] {
            assert_eq!(doubled(text), text == "一步一步", "{text}");
        }
    }

    #[test]
    fn sentences_keep_closing_quotes() {
        let text = "他说：“好。”然后走了！最后";
        let s: Vec<_> = sentence_ranges(text, 0).into_iter().map(|r| &text[r]).collect();
        assert_eq!(s, ["他说：“好。”", "然后走了！", "最后"]);
    }

    #[test]
    fn code_fences_are_code() {
        let doc = Document::parse("```\n<br>\n```\n\n正文。");
        assert_eq!(doc.blocks[0].kind, BlockKind::Code);
        assert_eq!(doc.text_blocks().count(), 1);
    }
}
