use crate::diagnostic::Diagnostic;
use crate::rule::{Check, declare_rule, options};
use crate::source::chars::{FILLER_STARTS, is_chinese, is_han, is_mojibake_marker, utf8_width};
use crate::source::{Classes, Document};
use regex::Regex;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it does
    /// Finds text that decoding or OCR destroyed: the replacement character U+FFFD, mojibake
    /// (UTF-8 read as GBK: `鍙戝睍`; UTF-8 read as Latin-1: `å‘å±•`; the classic `锟斤拷`,
    /// `烫烫烫`, `屯屯屯`), private-use characters, control characters, and □ or ■ standing in
    /// for lost characters in the middle of a sentence.
    ///
    /// ## Why is this bad
    /// The words are gone: no reader and no model can use them, and only the original can
    /// restore them.
    ///
    /// ## Example
    /// ```text
    /// 推动经济高质量�展，鍙戝睍新动能，重庆□□发展。
    /// ```
    ///
    /// Not flagged: □ or ■ at the start of a paragraph (the byline and bullet marks of Chinese
    /// newspapers: `□本报记者`, `■我市将…`), a lone uncommon character, 烫 or 烫烫 (hot).
    ///
    /// ## Fix safety
    /// No fix: the lost text has to come from the original.
    ///
    /// ## Data
    /// `rules/mojibake-markers.txt`: characters that UTF-8 text becomes when read as GBK.
    name: "garbled-text",
    category: Characters,
    severity: Error,
    default: true,
    fix: None,
}

pub(crate) fn build(value: Option<&toml::Value>) -> Result<Box<dyn Check>, String> {
    let _: super::NoOptions = options(value)?;
    Ok(Box::new(GarbledText))
}

struct GarbledText;

/// Sequences of UTF-8 lead and continuation bytes shown as Windows-1252 or Latin-1 letters:
/// `ä¸­` is 中, `â€œ` is “. Two in a row are needed.
static LATIN1_MOJIBAKE: LazyLock<Regex> = LazyLock::new(|| {
    let cont = "[\u{80}-\u{BF}\u{152}\u{153}\u{160}\u{161}\u{178}\u{17D}\u{17E}\u{192}\u{2C6}\u{2DC}\u{2013}\u{2014}\u{2018}-\u{201E}\u{2020}-\u{2022}\u{2026}\u{2030}\u{2039}\u{203A}\u{20AC}\u{2122}]";
    Regex::new(&format!(
        "(?:[\u{E0}-\u{EF}]{cont}{{2}}|[\u{C2}-\u{DF}]{cont}){{2,}}"
    ))
    .expect("valid regex")
});

static DEBUG_FILL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("(?:锟斤拷)+|烫{3,}|屯{3,}").expect("valid regex"));

/// Within how many characters two mojibake markers must stand to make a candidate.
const MARKER_WINDOW: usize = 6;

fn is_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || matches!(c as u32, 0x80..=0x9F)
}

fn is_private_use(c: char) -> bool {
    matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x100000..=0x10FFFD)
}

impl Check for GarbledText {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        // Every kind of damage is a character most lines do not hold.
        let suspect = Classes::MOJIBAKE | Classes::TWO_BYTE | Classes::DAMAGE | Classes::CONTROL;
        for line in doc.text_lines().filter(|l| l.classes.has(suspect)) {
            let base = line.content.start;
            let text = doc.slice(&line.content);
            let mut spans: Vec<(usize, usize, &str)> = Vec::new();
            // Latin-1 mojibake starts with a character of U+00C2..U+00EF, encoded 0xC3 0x..
            if line.classes.has(Classes::TWO_BYTE) && text.as_bytes().contains(&0xC3) {
                for m in LATIN1_MOJIBAKE.find_iter(text) {
                    spans.push((m.start(), m.end(), "mojibake: UTF-8 text read as Latin-1"));
                }
            }
            if line.classes.has(Classes::MOJIBAKE) && markers_in(text, &mut spans) {
                for m in DEBUG_FILL.find_iter(text) {
                    spans.push((
                        m.start(),
                        m.end(),
                        "garbled text: the filler of a failed decoding",
                    ));
                }
            }
            // One character at a time, without collecting them: a line may be hundreds of MB.
            let scan = line.classes.has(Classes::DAMAGE | Classes::CONTROL);
            let run_end = |at: usize, c: char| text[at..].find(|d| d != c).map_or(text.len(), |n| at + n);
            let mut at = 0;
            while scan && at < text.len() {
                let c = text[at..].chars().next().expect("a character boundary");
                let kind = if c == '\u{FFFD}' {
                    Some("replacement character: bytes lost in decoding")
                } else if is_private_use(c) {
                    Some("private-use character: a glyph the source font had and Unicode has not")
                } else if is_control(c) {
                    Some("control character")
                } else if matches!(c, '□' | '■') && at > 0 {
                    // Mid-sentence: the character before is text, not a line start or space.
                    let prev = text[..at].chars().next_back().expect("a character before");
                    let end = run_end(at, c);
                    let next = text[end..].chars().next().unwrap_or('\n');
                    if !(is_chinese(prev) && (is_han(next) || is_chinese(next))) {
                        // The rest of the run stands after a placeholder, not after text.
                        at = end;
                        continue;
                    }
                    Some("placeholder for a lost character")
                } else {
                    None
                };
                match kind {
                    Some(kind) => {
                        let end = run_end(at, c);
                        spans.push((at, end, kind));
                        at = end;
                    }
                    None => at += c.len_utf8(),
                }
            }
            spans.sort();
            let mut last_end = 0;
            for (s, e, message) in spans {
                if s < last_end {
                    continue;
                }
                last_end = e;
                out.push(Diagnostic::new(META.name, base + s..base + e, message).with_help(
                    "the original text is lost here: restore it from the source, or re-decode the file",
                ));
            }
        }
    }
}

/// Stretches that are UTF-8 text read as GBK. Marker characters point at a candidate
/// stretch; it is confirmed when its GBK bytes decode as UTF-8 into Chinese text.
/// Finds mojibake around close markers; says whether a filler may start in `text`.
fn markers_in(text: &str, spans: &mut Vec<(usize, usize, &'static str)>) -> bool {
    // (character index, byte offset) of each marker. Markers are three-byte characters,
    // so the scan decodes only those.
    let bytes = text.as_bytes();
    let mut hits: Vec<(usize, usize)> = Vec::new();
    let mut filler = false;
    let (mut i, mut k) = (0, 0);
    while i < bytes.len() {
        let lead = bytes[i];
        if lead & 0xF0 == 0xE0 && is_mojibake_marker(lead, bytes[i + 1], bytes[i + 2]) {
            if FILLER_STARTS.iter().any(|&f| text[i..].starts_with(f)) {
                filler = true;
            } else {
                hits.push((k, i));
            }
        }
        i += utf8_width(lead);
        k += 1;
    }
    let mut covered_until = 0;
    for pair in hits.windows(2) {
        let ((k0, i0), (k1, i1)) = (pair[0], pair[1]);
        if k1 - k0 > MARKER_WINDOW || i0 < covered_until {
            continue;
        }
        // The run of non-ASCII text around the two markers.
        let in_run = |c: &char| !c.is_ascii() && !c.is_whitespace();
        let before: usize = text[..i0]
            .chars()
            .rev()
            .take_while(in_run)
            .take(MAX_RUN)
            .map(char::len_utf8)
            .sum();
        let after_start = i1 + text[i1..].chars().next().map_or(0, char::len_utf8);
        let after: usize = text[after_start..]
            .chars()
            .take_while(in_run)
            .take(MAX_RUN)
            .map(char::len_utf8)
            .sum();
        let (start, end) = (i0 - before, after_start + after);
        if reads_as_utf8(&text[start..end]) {
            spans.push((start, end, "mojibake: UTF-8 text read as GBK"));
            covered_until = end;
        }
    }
    filler
}

/// How far a candidate stretch extends around its markers, in characters.
const MAX_RUN: usize = 100;

/// The GBK bytes of `run` are mostly valid UTF-8 Chinese: it was UTF-8 decoded as GBK.
fn reads_as_utf8(run: &str) -> bool {
    let (bytes, _, _) = encoding_rs::GB18030.encode(run);
    let decoded = String::from_utf8_lossy(&bytes);
    let good = decoded.chars().filter(|&c| is_chinese(c)).count();
    let bad = decoded.chars().filter(|&c| c == '\u{FFFD}').count();
    good >= 2 && good >= 2 * bad
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::check;

    const RULE: &str = "garbled-text";

    #[test]
    fn flags_destroyed_text() {
        assert_eq!(
            check(RULE, "推动经济高质量\u{FFFD}\u{FFFD}展。"),
            ["\u{FFFD}\u{FFFD}"]
        );
        assert_eq!(
            check(RULE, "鎴愭笣缁忔祹缃戦噸搴嗭紝重庆"),
            ["鎴愭笣缁忔祹缃戦噸搴嗭紝重庆"]
        );
        assert_eq!(check(RULE, "标题ä¸\u{AD}å›½新闻"), ["ä¸\u{AD}å›½"]);
        assert_eq!(check(RULE, "文件锟斤拷锟斤拷结束"), ["锟斤拷锟斤拷"]);
        assert_eq!(check(RULE, "内存烫烫烫烫"), ["烫烫烫烫"]);
        assert_eq!(check(RULE, "重庆□□发展。"), ["□□"]);
        assert_eq!(check(RULE, "私用\u{E000}字"), ["\u{E000}"]);
        assert_eq!(check(RULE, "控制\u{7}字符"), ["\u{7}"]);
    }

    #[test]
    fn conventions_and_rare_characters_are_clean() {
        for text in [
            "□本报记者 吴刚 周光",
            "■我市将按照“止损、瘦身”思路",
            "汤很烫，烫烫的。",
            "café résumé naïve",
            "他姓鍾，住在銆山。",
            "表格\t对齐",
        ] {
            assert_eq!(check(RULE, text), Vec::<String>::new(), "{text}");
        }
    }
}
