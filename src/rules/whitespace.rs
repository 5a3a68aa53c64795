use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::rule::{Check, declare_rule, options};
use crate::source::chars::{first_chars, is_chinese, is_han, is_sentence_end, last_chars};
use crate::source::{BlockKind, Classes, Document, LineKind};
use serde::Deserialize;

declare_rule! {
    /// ## What it does
    /// Finds white space where Chinese text has none: a space between two Chinese characters in
    /// the middle of a sentence, trailing spaces, tabs and runs of spaces inside a line, and
    /// CRLF line endings mixed with LF in one file. With `name-padding = true` (pedantic) it
    /// also finds the space newspapers put inside two-character names to line them up (`陈 玮`).
    ///
    /// ## Why is this bad
    /// Chinese is written without spaces; a space inside a sentence splits a word for search,
    /// segmentation and deduplication. Trailing spaces and mixed line endings make noisy diffs.
    ///
    /// ## Example
    /// ```text
    /// 重庆高新区不断优化 营商环境。␠
    /// ```
    /// Fixed:
    /// ```text
    /// 重庆高新区不断优化营商环境。
    /// ```
    ///
    /// Not flagged: Markdown's two-space line break, indentation at a line start, spaces in
    /// headings, captions, bylines and lines of names (`市国资委主任 曾菁华`), after a dateline
    /// (`本报讯 近日`), inside quotes and titles (`《奋进新征程 建功新时代》`), and between
    /// Chinese and Latin or digits (`聘任 35名`).
    ///
    /// ## Fix safety
    /// Safe for trailing spaces, tabs, runs of spaces and line endings. Unsafe for a space
    /// inside a sentence and for name padding: a person should confirm it is not a separator.
    name: "whitespace",
    category: Characters,
    severity: Warning,
    default: true,
    fix: Always,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    /// Also flag the padding space inside two-character names (`陈 玮`).
    #[serde(default)]
    name_padding: bool,
}

pub(crate) fn build(value: Option<&toml::Value>) -> Result<Box<dyn Check>, String> {
    let options: Options = options(value)?;
    Ok(Box::new(Whitespace {
        name_padding: options.name_padding,
    }))
}

struct Whitespace {
    name_padding: bool,
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}')
}

impl Check for Whitespace {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        trailing_and_inline(doc, out);
        mixed_line_endings(doc, out);
        for block in doc.text_blocks() {
            inside_sentences(doc, block, out);
        }
        if self.name_padding {
            name_padding(doc, out);
        }
    }
}

fn trailing_and_inline(doc: &Document, out: &mut Vec<Diagnostic>) {
    for (n, line) in doc.lines.iter().enumerate() {
        if line.kind == LineKind::Code {
            continue;
        }
        let text = doc.slice(&line.range);
        let kept = text.trim_end_matches(char::is_whitespace).len();
        let trailing = &text[kept..];
        if !trailing.is_empty() && line.kind != LineKind::Blank {
            let next_in_block = doc.lines.get(n + 1).is_some_and(|l| l.kind != LineKind::Blank);
            let hard_break = trailing == "  " && next_in_block;
            if !hard_break {
                let span = line.range.start + kept..line.range.end;
                out.push(
                    Diagnostic::new(META.name, span.clone(), "trailing white space")
                        .with_fix(Fix::safe("Remove trailing white space", vec![Edit::delete(span)])),
                );
            }
        } else if !trailing.is_empty() {
            let span = line.range.clone();
            out.push(
                Diagnostic::new(META.name, span.clone(), "white space on a blank line")
                    .with_fix(Fix::safe("Remove it", vec![Edit::delete(span)])),
            );
        }
        // Tabs and runs of spaces between words, after the indentation.
        // A line of white space only has no body (its indentation is its trailing space).
        let body_start = (text.len() - text.trim_start_matches(is_space).len()).min(kept);
        let body = &text[body_start..kept];
        if !line.classes.has(Classes::SPACE) || (!body.contains('\t') && !body.contains("  ")) {
            continue;
        }
        let chars: Vec<(usize, char)> = body.char_indices().collect();
        let mut k = 0;
        while k < chars.len() {
            let (i, c) = chars[k];
            if !(c == '\t' || c == ' ') {
                k += 1;
                continue;
            }
            let run = chars[k..]
                .iter()
                .take_while(|&&(_, d)| d == ' ' || d == '\t')
                .count();
            let tab = chars[k..k + run].iter().any(|&(_, d)| d == '\t');
            if tab || run >= 2 {
                let prev = chars[k - 1].1;
                let next = chars.get(k + run).map_or('\n', |&(_, d)| d);
                let end = chars.get(k + run).map_or(body.len(), |&(o, _)| o);
                let replacement = if is_chinese(prev) && is_chinese(next) {
                    ""
                } else {
                    " "
                };
                let span = line.range.start + body_start + i..line.range.start + body_start + end;
                let message = if tab { "tab inside a line" } else { "run of spaces" };
                out.push(
                    Diagnostic::new(META.name, span.clone(), message).with_fix(Fix::safe(
                        "Replace with one space",
                        vec![Edit::replace(span, replacement)],
                    )),
                );
            }
            k += run;
        }
    }
}

fn mixed_line_endings(doc: &Document, out: &mut Vec<Diagnostic>) {
    // LF, CRLF, or a CR alone (an old Mac line end): the kinds a line may end with.
    const NAMES: [&str; 3] = ["LF", "CRLF", "CR"];
    const ENDINGS: [&str; 3] = ["\n", "\r\n", "\r"];
    let kind = |l: &crate::source::Line| {
        if l.crlf {
            1
        } else if doc.text.as_bytes().get(l.range.end) == Some(&b'\r') {
            2
        } else {
            0
        }
    };
    let ended: Vec<_> = doc.lines.iter().filter(|l| l.terminated).collect();
    let mut counts = [0usize; 3];
    for l in &ended {
        counts[kind(l)] += 1;
    }
    if counts.iter().filter(|&&n| n > 0).count() < 2 {
        return;
    }
    // The most common ending stays (LF on a tie); every other one is changed to it.
    let majority = (0..3).max_by_key(|&k| (counts[k], k == 0)).unwrap_or(0);
    let odd: Vec<_> = ended.iter().filter(|l| kind(l) != majority).collect();
    let ending = |l: &crate::source::Line| l.range.end..l.range.end + ENDINGS[kind(l)].len();
    let edits = odd
        .iter()
        .map(|l| Edit::replace(ending(l), ENDINGS[majority]))
        .collect();
    let minority: Vec<&str> = (0..3)
        .filter(|&k| k != majority && counts[k] > 0)
        .map(|k| NAMES[k])
        .collect();
    let other = NAMES[majority];
    out.push(
        Diagnostic::new(
            META.name,
            ending(odd[0]),
            format!(
                "{} lines end with {} while {} end with {other}",
                odd.len(),
                minority.join(" or "),
                ended.len() - odd.len()
            ),
        )
        .with_fix(Fix::safe(format!("End every line with {other}"), edits)),
    );
}

/// How the datelines of Chinese news end, before the space that follows them.
const DATELINE_ENDS: &[&str] = &["讯", "电", "消息", "报道"];

/// How much likelier the Han text on the two sides of a space reads as one word across it
/// (ln odds, `continuity::join_gain`) for the space to be a fault in a heading, a name line
/// or a title, where spaces otherwise separate phrases: 新 闻联播 gains 13, 国 债 7, the
/// phrase breaks of headlines (奋进新征程 建功新时代) and names (市国资委主任 曾菁华) nothing.
/// The word must also leave a single character on one side (`splits_word`).
const SPLIT_WORD_GAIN: f32 = 4.5;

/// A space between two Han characters in the middle of a prose sentence, or one that splits
/// a word elsewhere.
fn inside_sentences(doc: &Document, block: &crate::source::Block, out: &mut Vec<Diagnostic>) {
    if !block.classes.has(Classes::SPACE | Classes::IDEOGRAPHIC_SPACE) {
        return;
    }
    let text = doc.block_text(block);
    // Prose: headings, captions, bylines and name lines end without a full stop (a heading
    // may end with a closing quote: 让政务效能“快起来”), and a space in them is a fault only
    // where it splits a word.
    let body = text
        .trim_end()
        .trim_end_matches(crate::source::chars::is_closing_mark);
    let prose = matches!(
        block.kind,
        BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Quote
    ) && body.chars().next_back().is_some_and(is_sentence_end);
    // Elsewhere only a space right after a Han character can split a word.
    if !prose
        && !text
            .match_indices(' ')
            .any(|(at, _)| text[..at].ends_with(is_han))
    {
        return;
    }
    let base = block.content.start;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut depth = 0i32;
    let mut seen_punct = false;
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k].1;
        match c {
            '“' | '‘' | '《' | '（' | '(' | '【' | '「' | '『' | '〈' => depth += 1,
            '”' | '’' | '》' | '）' | ')' | '】' | '」' | '』' | '〉' => depth = (depth - 1).max(0),
            '\n' => {}
            _ if crate::source::chars::is_cjk_punct(c) => seen_punct = true,
            _ => {}
        }
        if c != ' ' && c != '\u{3000}' {
            k += 1;
            continue;
        }
        let run = chars[k..]
            .iter()
            .take_while(|&&(_, d)| d == ' ' || d == '\u{3000}')
            .count();
        let prev = k.checked_sub(1).map_or('\n', |p| chars[p].1);
        let next = chars.get(k + run).map_or('\n', |&(_, d)| d);
        // A dateline ends before the first punctuation mark with 讯, 电 or 消息 (本报讯 近日).
        let dateline = !seen_punct && DATELINE_ENDS.iter().any(|e| text[..chars[k].0].ends_with(e));
        let (start, end) = (chars[k].0, chars.get(k + run).map_or(text.len(), |&(i, _)| i));
        let message = if !(is_han(prev) && is_han(next) && run < 2) {
            None
        } else if prose && depth == 0 && !dateline {
            Some("space inside a Chinese sentence")
        } else {
            splits_word(&text[..start], &text[end..]).then_some("space inside a word")
        };
        if let Some(message) = message {
            let (start, end) = (base + start, base + end);
            out.push(
                Diagnostic::new(META.name, start..end, message)
                    .with_fix(Fix::unsafe_("Remove the space", vec![Edit::delete(start..end)])),
            );
        }
        k += run;
    }
}

/// The Han text before and after a space reads as a word across it (新 闻联播). A single
/// character on each side is the padding of a name (高 峰), which `name-padding` judges.
fn splits_word(before: &str, after: &str) -> bool {
    let head = &before[before.trim_end_matches(is_han).len()..];
    let tail = &after[..after.len() - after.trim_start_matches(is_han).len()];
    let one = |s: &str| s.chars().nth(1).is_none();
    if one(head) && one(tail) {
        return false;
    }
    let (head, tail) = (last_chars(head, 4), first_chars(tail, 4));
    // A word cut in two leaves a single character on one side (新 闻, 人民币国 债); two whole
    // words on each side are a phrase break even where an idiom runs across (精神 焕发).
    let lexicon = crate::source::continuity::lexicon();
    let single = |word: Option<&&str>| word.is_some_and(|w| w.chars().nth(1).is_none());
    crate::source::continuity::join_gain(head, tail) >= SPLIT_WORD_GAIN
        && (single(lexicon.segment(head).last()) || single(lexicon.segment(tail).first()))
}

/// `陈 玮`: a two-character name padded to the width of three.
fn name_padding(doc: &Document, out: &mut Vec<Diagnostic>) {
    for line in doc.text_lines() {
        let text = doc.slice(&line.content);
        if !text.contains(' ') {
            continue;
        }
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for k in 1..chars.len().saturating_sub(1) {
            if chars[k].1 != ' ' || !is_han(chars[k - 1].1) || !is_han(chars[k + 1].1) {
                continue;
            }
            let before = k.checked_sub(2).map_or('\n', |p| chars[p].1);
            let after = chars.get(k + 2).map_or('\n', |&(_, d)| d);
            let boundary = |c: char| c == '\n' || is_space(c) || "（()）：:，、".contains(c);
            if boundary(before) && boundary(after) {
                let at = line.content.start + chars[k].0;
                out.push(
                    Diagnostic::new(META.name, at..at + 1, "padding space inside a name")
                        .with_fix(Fix::unsafe_("Remove the padding", vec![Edit::delete(at..at + 1)])),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{check, diagnostics, diagnostics_with, fixed};

    const RULE: &str = "whitespace";

    #[test]
    fn flags_trailing_tabs_runs_and_mid_sentence_spaces() {
        assert_eq!(check(RULE, "发展。 \n下一段。"), [" "]);
        assert_eq!(fixed(RULE, "甲\t乙，丙  丁。"), "甲乙，丙丁。");
        assert_eq!(fixed(RULE, "AI\tmodel"), "AI model");
        assert_eq!(check(RULE, "据悉，重庆高新区不断优化 营商环境。"), [" "]);
        assert_eq!(check(RULE, "会议指出 要加快推进 重点项目建设。"), [" ", " "]);
        assert_eq!(
            fixed(RULE, "据悉，重庆高新区不断优化 营商环境。"),
            "据悉，重庆高新区不断优化营商环境。"
        );
    }

    #[test]
    fn a_space_that_splits_a_word_in_a_heading_or_a_title_is_flagged() {
        for text in [
            "2023中国（阿 尔山）旅游大会今天开幕",
            "财政部发行今年第三期125亿元人民币国 债",
            "央视网消息（新 闻联播）：国家主席习近平5日上午会见埃及总统。",
            "横幅上写着“中越友谊万 古长青！”。",
        ] {
            let found = crate::rules::test_support::diagnostics(RULE, text);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found[0].message, "space inside a word", "{text}");
        }
    }

    #[test]
    fn lines_of_white_space_only() {
        for text in [
            " ",
            "\t",
            "\u{3000}",
            " \t\u{3000} ",
            "甲。\n \n乙。\n",
            "\u{3000}\u{3000}\n",
        ] {
            let found = diagnostics(RULE, text);
            assert!(!found.is_empty(), "{text:?}");
            assert!(!fixed(RULE, text).contains(['\t', '\u{3000}']), "{text:?}");
        }
    }

    #[test]
    fn mixed_line_endings_are_one_diagnostic_with_one_fix() {
        let text = "甲\r\n乙\n丙\n";
        let found = diagnostics(RULE, text);
        assert_eq!(found.len(), 1);
        assert_eq!(fixed(RULE, text), "甲\n乙\n丙\n");
        assert!(diagnostics(RULE, "甲\r\n乙\r\n").is_empty());
    }

    #[test]
    fn layout_spaces_are_clean() {
        for text in [
            "重庆日报记者 申晓佳 夏元  \n重庆日报首席记者 张亦筑",
            "市国资委主任 曾菁华",
            "本报讯 近日，南宁高新区有8个项目开竣工。",
            "新华社北京3月5日电 记者从会上获悉，全国两会开幕。",
            "系列报道《奋进新征程 建功新时代·大美边疆行》，今天我们走进内蒙古。",
            "活动以“缅怀先烈忆峥嵘 共富奋进看今朝”为主题。",
            "聘任 35名营商环境观察员。",
            "# 奋进新征程 建功新时代",
            "创新改革 让政务效能“快起来”",
            "他说：“好。”",
            "    缩进的段落。",
            "重庆市新型智慧城市运行管理中心。(本报资料图片) 记者 罗斌 摄/视觉重庆",
            "记者 高 峰 文 明",
            "红十字国际委员会办事处遭以军袭击 联合国将减少在加沙地带人员活动",
            "【文化中国行】弘扬长征精神 焕发新时代活力",
        ] {
            assert_eq!(check(RULE, text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn name_padding_is_opt_in() {
        let text = "陈 玮 全国人大代表，市工商联副主席";
        assert!(diagnostics(RULE, text).is_empty());
        let options: toml::Value = toml::from_str("name-padding = true").unwrap();
        assert_eq!(diagnostics_with(RULE, text, Some(&options)).len(), 1);
    }
}
