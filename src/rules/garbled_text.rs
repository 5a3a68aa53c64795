use crate::diagnostic::Diagnostic;
use crate::rule::{Check, declare_rule, options};
use crate::source::chars::{FILLER_STARTS, is_chinese, is_han, is_mojibake_marker, utf8_width};
use crate::source::decode::gbk_bytes;
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
    /// Mojibake from GBK needs no frequent marker: a stretch around any character that UTF-8
    /// text read as GBK turns into is decoded back, and reported when its bytes read as UTF-8
    /// Chinese, two characters or more (`首閮藉搱鐡﹂偅举行` holds 都哈瓦那); the message quotes
    /// what it was.
    ///
    /// Not flagged: □ or ■ at the start of a paragraph (the byline and bullet marks of Chinese
    /// newspapers: `□本报记者`, `■我市将…`), a lone uncommon character or a rare name, text in
    /// traditional characters, 烫 or 烫烫 (hot).
    ///
    /// ## Fix safety
    /// No fix: the lost text has to come from the original.
    ///
    /// ## Data
    /// `rules/mojibake-markers.txt`: frequent characters that UTF-8 text becomes when read as
    /// GBK; `rules/rare-han.txt`: every such character outside the 3,000 most frequent of
    /// jieba's dictionary (`scripts/build-rare-han`).
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
            let mut spans: Vec<Found> = Vec::new();
            // Latin-1 mojibake starts with a character of U+00C2..U+00EF, encoded 0xC3 0x..
            if line.classes.has(Classes::TWO_BYTE) && text.as_bytes().contains(&0xC3) {
                for m in LATIN1_MOJIBAKE.find_iter(text) {
                    spans.push((m.start(), m.end(), "mojibake: UTF-8 text read as Latin-1".into()));
                }
            }
            if line.classes.has(Classes::MOJIBAKE) && mojibake_in(text, &mut spans) {
                for m in DEBUG_FILL.find_iter(text) {
                    spans.push((
                        m.start(),
                        m.end(),
                        "garbled text: the filler of a failed decoding".into(),
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
                        spans.push((at, end, kind.into()));
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

/// Finds stretches of UTF-8 text read as GBK; says whether a filler may start in `text`.
///
/// Such text is made of characters that UTF-8 Chinese turns into (`chars::is_mojibake_marker`:
/// frequent ones and every rare one); two of them within WINDOW_CHARS make a candidate
/// stretch. It is confirmed when
/// the text's GBK bytes, from some byte on, decode as UTF-8 into at least MIN_DECODED
/// Chinese characters in a row of the basic block: edited text, simplified or traditional,
/// never does (none on corpus-dev, nor on all of it in traditional characters), while 19 in 20 mojibake
/// stretches of three characters or more do. A rare name character alone decodes to nothing.
fn mojibake_in(text: &str, spans: &mut Vec<Found>) -> bool {
    let bytes = text.as_bytes();
    let mut filler = false;
    let mut window = Window::default();
    let mut covered_until = 0;
    // The last candidate (character index, byte): decoded once a second one comes within
    // WINDOW_CHARS, as mojibake's candidates stand close (98% of stretches of three
    // characters or more have two) and a rare name's stand alone.
    let mut last: Option<(usize, usize)> = None;
    let (mut i, mut k) = (0, 0);
    while i < bytes.len() {
        let lead = bytes[i];
        if lead & 0xF0 == 0xE0 && is_mojibake_marker(lead, bytes[i + 1], bytes[i + 2]) {
            if FILLER_STARTS.iter().any(|&f| text[i..].starts_with(f)) {
                filler = true;
            } else {
                if let Some((k0, i0)) = last
                    && k - k0 <= WINDOW_CHARS
                    && i0 >= covered_until
                {
                    covered_until = window.decode_around(text, i0, spans);
                }
                last = Some((k, i));
            }
        }
        i += utf8_width(lead);
        k += 1;
    }
    filler
}

/// Characters on each side of a candidate that the decoding looks at; the window grows
/// while candidates keep coming within this distance.
const WINDOW_CHARS: usize = 8;
/// Characters at most in one window, so that a line of any length costs linear time.
const MAX_WINDOW_CHARS: usize = 4096;
/// Chinese characters in a row that the GBK bytes must decode to.
const MIN_DECODED: usize = 2;

/// A diagnostic's span within the line and its message.
type Found = (usize, usize, String);

/// The GBK bytes of a stretch of text, and the character each byte comes from.
#[derive(Default)]
struct Window {
    gbk: Vec<u8>,
    /// The text's bytes of the character that each GBK byte encodes.
    owners: Vec<(usize, usize)>,
    run: Vec<usize>,
}

impl Window {
    /// Decodes the stretch of two-byte GBK characters around the candidate at byte `at`,
    /// pushes what reads as UTF-8 Chinese, and returns the byte where the stretch ends.
    fn decode_around(&mut self, text: &str, at: usize, spans: &mut Vec<Found>) -> usize {
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| in_stretch(c))
            .take(WINDOW_CHARS)
            .last()
            .map_or(at, |(i, _)| i);
        self.gbk.clear();
        self.owners.clear();
        let (mut last_candidate, mut end) = (0, start);
        for (k, (i, c)) in text[start..].char_indices().enumerate() {
            let i = start + i;
            if !in_stretch(c) || k - last_candidate > WINDOW_CHARS || k == MAX_WINDOW_CHARS {
                break;
            }
            let Some((pair, written)) = gbk_bytes(c) else {
                break;
            };
            if i >= at && c.len_utf8() == 3 {
                let b = &text.as_bytes()[i..i + 3];
                if is_mojibake_marker(b[0], b[1], b[2]) {
                    last_candidate = k;
                }
            }
            end = i + c.len_utf8();
            self.gbk.extend_from_slice(&pair[..written]);
            self.owners.extend(std::iter::repeat_n((i, end), written));
        }
        self.push_decoded(spans);
        end
    }

    /// Pushes each run of at least MIN_DECODED UTF-8 Chinese characters in the GBK bytes,
    /// as the span of the characters that hold its bytes.
    fn push_decoded(&mut self, spans: &mut Vec<Found>) {
        let gbk = &self.gbk;
        // run[p]: Chinese characters decoded in a row from byte p on.
        let run = &mut self.run;
        run.clear();
        run.resize(gbk.len() + 3, 0);
        for p in (0..gbk.len().saturating_sub(2)).rev() {
            if decoded_at(gbk, p).is_some() {
                run[p] = 1 + run[p + 3];
            }
        }
        let mut p = 0;
        while p < gbk.len() {
            // Of runs starting one or two bytes apart, the longest is the reading.
            let best = (p..(p + 3).min(gbk.len())).max_by_key(|&q| (run[q], std::cmp::Reverse(q)));
            let q = best.unwrap_or(p);
            if run[q] < MIN_DECODED {
                p += 1;
                continue;
            }
            let mut last = q + 3 * run[q] - 1;
            // A character cut short by the reading (its last bytes lost) still belongs.
            if gbk.get(last + 1).is_some_and(|&b| b & 0xF0 == 0xE0)
                && gbk.get(last + 2).is_none_or(|&b| b & 0xC0 == 0x80)
            {
                last = (last + 2).min(gbk.len() - 1);
            }
            let original: String = (0..run[q]).filter_map(|k| decoded_at(gbk, q + 3 * k)).collect();
            spans.push((
                self.owners[q].0,
                self.owners[last].1,
                format!("mojibake: UTF-8 text read as GBK (it was “{original}”)"),
            ));
            p = last + 1;
        }
    }
}

/// Characters that mojibake from GBK is made of: anything but ASCII, spaces and U+FFFD (€ is
/// byte 0x80).
fn in_stretch(c: char) -> bool {
    !c.is_ascii() && !c.is_whitespace() && c != '\u{FFFD}'
}

/// The Chinese character whose three UTF-8 bytes start at `p`, if they do.
fn decoded_at(bytes: &[u8], p: usize) -> Option<char> {
    let &[b0, b1, b2] = bytes.get(p..p + 3)? else {
        return None;
    };
    if b0 & 0xF0 != 0xE0 || b1 & 0xC0 != 0x80 || b2 & 0xC0 != 0x80 {
        return None;
    }
    let code = u32::from(b0 & 0x0F) << 12 | u32::from(b1 & 0x3F) << 6 | u32::from(b2 & 0x3F);
    // Chinese text is written in the basic block: what decodes to the rare characters of
    // extension A (䡢䓻, from the traditional 設備、鋼) was no UTF-8.
    char::from_u32(code)
        .filter(|&c| code >= 0x800 && is_chinese(c) && !('\u{3400}'..='\u{4DBF}').contains(&c))
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
            ["鎴愭笣缁忔祹缃戦噸搴嗭紝"]
        );
        assert_eq!(check(RULE, "标题ä¸\u{AD}å›½新闻"), ["ä¸\u{AD}å›½"]);
        assert_eq!(check(RULE, "文件锟斤拷锟斤拷结束"), ["锟斤拷锟斤拷"]);
        assert_eq!(check(RULE, "内存烫烫烫烫"), ["烫烫烫烫"]);
        assert_eq!(check(RULE, "重庆□□发展。"), ["□□"]);
        assert_eq!(check(RULE, "私用\u{E000}字"), ["\u{E000}"]);
        assert_eq!(check(RULE, "控制\u{7}字符"), ["\u{7}"]);
    }

    #[test]
    fn mojibake_without_frequent_markers_is_found_by_decoding() {
        // 都哈瓦那 read as GBK: no character of it is a frequent marker.
        assert_eq!(check(RULE, "会议在首閮藉搱鐡﹂偅举行。"), ["閮藉搱鐡﹂偅"]);
        // 、勇毅 with its last byte lost: the cut character belongs to the stretch.
        assert_eq!(check(RULE, "前进銆佸媷姣之后"), ["銆佸媷姣"]);
        assert_eq!(check(RULE, "改变鏂瑰紡的"), ["鏂瑰紡"]);
        // 局、 read by a decoder that maps byte 0x80 to €.
        assert_eq!(check(RULE, "中央政治灞€銆佸甫澶抓好"), ["灞€銆佸甫澶"]);
        let found = crate::rules::test_support::diagnostics(RULE, "首閮藉搱鐡﹂偅举行");
        assert!(found[0].message.contains("“都哈瓦那”"), "{}", found[0].message);
    }

    #[test]
    fn rare_and_traditional_characters_that_decode_to_nothing_are_clean() {
        for text in [
            "鄱阳湖畔的婺源县，犇犇与淼淼姐弟。",
            "跨境貨物總量增長，涉及城鎮發展，產業鏈供應鏈穩定。",
            "面對面彙報，查數據真實性。",
            "他叫邝龑，来自嵊泗。",
            "班列的55個集裝箱滿載光伏設備、鋼化玻璃、日用品等。",
        ] {
            assert_eq!(check(RULE, text), Vec::<String>::new(), "{text}");
        }
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
