use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::rule::{Check, declare_rule, options};
use crate::source::chars::{is_han, utf8_width};
use crate::source::{Classes, Document};
use serde::Deserialize;
use std::collections::HashSet;

declare_rule! {
    /// ## What it does
    /// Finds a word or a list item written twice in a row by mistake: `惠民惠民`,
    /// `监督员、监督员、宣传员`.
    ///
    /// ## Why is this bad
    /// A doubled word is a transcription or editing slip that a reader stumbles over.
    ///
    /// ## Example
    /// ```text
    /// 构建为民惠民惠民高效精准服务体系
    /// 发挥监督员、监督员、宣传员作用
    /// ```
    /// Fixed:
    /// ```text
    /// 构建为民惠民高效精准服务体系
    /// 发挥监督员、宣传员作用
    /// ```
    ///
    /// A candidate (a run of two to four Han characters written twice, or a list item equal
    /// to the one before it) is confirmed by word segmentation: both copies must be whole
    /// words, so a character doubled where one word ends and the next begins (专题组组长,
    /// 智算算力, 黑龙江龙江县) is not flagged. Single characters are never flagged (天天, 看看),
    /// nor the reduplication Chinese grammar uses (研究研究, 一步一步, 扫一扫, 一个个; a listed
    /// word the dictionary takes for an adverb counts only before a noun, a measure, a mark
    /// or the end: 比较比较价格 is "compare", 比较比较平衡 "rather" written twice), nor a
    /// word repeated across other words on purpose (市带区县、区县带镇街). Whatever the word,
    /// these doublings are meant: rhetoric that says it a third time (发展发展再发展), a verb
    /// with 着 (走着走着), a spoken answer opening a quotation (“记得记得，……”), onomatopoeia
    /// (咔嚓咔嚓, tagged `o` in the dictionary) and numerals (二〇二〇年).
    ///
    /// ## Fix safety
    /// Safe: the second copy (and its `、`) is deleted.
    ///
    /// ## Data
    /// `rules/reduplication.txt`: words Chinese repeats on purpose. Add more with
    /// `extend-allowed` under `[rules.repeated-token]`.
    name: "repeated-token",
    category: Characters,
    severity: Warning,
    default: true,
    fix: Always,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    /// More words that may be written twice on purpose.
    #[serde(default)]
    extend_allowed: Vec<String>,
}

pub(crate) fn build(value: Option<&toml::Value>) -> Result<Box<dyn Check>, String> {
    let options: Options = options(value)?;
    let allowed = super::word_set(
        include_str!("../../rules/reduplication.txt"),
        options.extend_allowed,
    );
    Ok(Box::new(RepeatedToken { allowed }))
}

struct RepeatedToken {
    allowed: HashSet<String>,
}

/// The longest unit looked for: longer repeats are caught by `duplicated-block`.
const MAX_UNIT: usize = 4;

/// A repeat found by the pattern, before segmentation confirms it.
struct Candidate {
    /// Byte range of the first copy.
    first: std::ops::Range<usize>,
    /// Byte range of the second copy.
    second: std::ops::Range<usize>,
    /// Bytes between the copies (empty, or `、`).
    separated: bool,
}

impl Check for RepeatedToken {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for block in doc.text_blocks() {
            let base = block.content.start;
            let text = doc.block_text(block);
            let mut taken_until = 0;
            let enumeration_commas = doc
                .marks(&block.content)
                .iter()
                .map(|&m| m as usize - base)
                .filter(|&i| text.as_bytes()[i..].starts_with("、".as_bytes()));
            let doubled = block.classes.has(Classes::DOUBLED_HAN);
            for cand in candidates(text, doubled, enumeration_commas) {
                if cand.first.start < taken_until {
                    continue;
                }
                let unit = &text[cand.first.clone()];
                if (self.allowed.contains(unit)
                    && !adverb_doubled(text, &cand, unit)
                    && !noun_doubled(text, &cand))
                    || unit.starts_with('一')
                {
                    continue;
                }
                if !cand.separated && on_purpose(text, &cand, unit) {
                    continue;
                }
                if !whole_words(text, &cand) {
                    continue;
                }
                // A word written more than twice goes in one fix, all copies after the first.
                let mut run_end = cand.second.end;
                let mut copies = 2;
                if !cand.separated {
                    while text[run_end..].starts_with(unit) {
                        run_end += unit.len();
                        copies += 1;
                    }
                }
                let removed = if cand.separated {
                    cand.first.end..cand.second.end
                } else {
                    cand.second.start..run_end
                };
                taken_until = run_end;
                let what = if cand.separated { "list item" } else { "word" };
                let times = if copies == 2 {
                    "twice".to_owned()
                } else {
                    format!("{copies} times")
                };
                out.push(
                    Diagnostic::new(
                        META.name,
                        base + cand.second.start..base + run_end,
                        format!("{what} `{unit}` written {times} in a row"),
                    )
                    .with_related(base + cand.first.start..base + cand.first.end, "first copy")
                    .with_fix(Fix::safe(
                        format!("Delete the repeated `{unit}`"),
                        vec![Edit::delete(base + removed.start..base + removed.end)],
                    )),
                );
            }
        }
    }
}

/// A listed word that the dictionary takes for an adverb (比较, "rather") is the adverb
/// written twice when a predicate follows it, an adjective or a verb (比较比较平衡); before a
/// noun, a measure, a mark or the end it is the verb's "do a little" (比较比较价格,
/// 比较比较一下, 比较比较。), and stays allowed.
fn adverb_doubled(text: &str, cand: &Candidate, unit: &str) -> bool {
    let lexicon = crate::source::continuity::lexicon();
    if !lexicon.tag(unit).is_some_and(|tag| tag.starts_with('d')) {
        return false;
    }
    // The longest dictionary word after the doubling, of up to four characters.
    let after = &text[cand.second.end..];
    let ends: Vec<usize> = after
        .char_indices()
        .skip(1)
        .map(|(i, _)| i)
        .chain([after.len()])
        .take(MAX_UNIT)
        .collect();
    ends.iter()
        .rev()
        .filter(|&&end| end > 0)
        .find_map(|&end| lexicon.tag(&after[..end]))
        .is_some_and(|tag| tag.starts_with('a') || tag.starts_with('v'))
}

/// A listed verb doubled right before a mark, where the doubling cannot be the spoken "do a
/// little": as an item of a list (全面学习学习、), or after a word that makes it a noun, a verbal
/// noun, an attribute, a number or a measure by its dictionary tag, or 的 (消费体验体验，,
/// 上述活动活动。, 开展的调查调查。). After a verb, a noun, a pronoun, an adverb or nothing at
/// all (高喊加油加油。, 大家讨论讨论，, 要研究研究。, “商量商量，”) it stays allowed.
fn noun_doubled(text: &str, cand: &Candidate) -> bool {
    let after = &text[cand.second.end..];
    if after.starts_with('、') {
        return true;
    }
    if !after.starts_with(['，', '。', '；', '：', '！', '？']) {
        return false;
    }
    let before = &text[..cand.first.start];
    let clause = &before[before.trim_end_matches(is_han).len()..];
    let clause = &clause[floor_boundary(clause, clause.len().saturating_sub(3 * 8))..];
    let lexicon = crate::source::continuity::lexicon();
    let Some(&previous) = lexicon.segment(clause).last() else {
        return false;
    };
    // A plain noun may be the subject of the spoken doubling (大家讨论讨论，): not counted.
    previous == "的"
        || lexicon
            .tag(previous)
            .is_some_and(|tag| tag == "vn" || tag.starts_with(['b', 'm', 'q']))
}

/// Numerals written as characters: `二〇二〇年` repeats a pair of digits, not a word.
const NUMERALS: &str = "〇零一二三四五六七八九十百千万亿两";

/// A word doubled the way Chinese doubles words on purpose, whatever the word:
/// - rhetoric, the word said a third time after 再, 又 or 还 (`发展发展再发展`);
/// - a verb with 着, doubled for "went on doing" (`走着走着`);
/// - a spoken answer opening a quotation (`“记得记得，……”`);
/// - onomatopoeia (`咔嚓咔嚓`: jieba's tag `o`);
/// - numerals (`二〇二〇年`).
fn on_purpose(text: &str, cand: &Candidate, unit: &str) -> bool {
    let after = &text[cand.second.end..];
    let third_time = after
        .strip_prefix(['再', '又', '还'])
        .is_some_and(|rest| rest.starts_with(unit));
    let spoken = text[..cand.first.start].ends_with(['“', '「', '『'])
        && after.starts_with(['，', '！', '？', '。', '…', ',', '!']);
    third_time
        || unit.ends_with('着')
        || spoken
        || unit.chars().all(|c| NUMERALS.contains(c))
        || crate::source::continuity::lexicon()
            .tag(unit)
            .is_some_and(|tag| tag.starts_with('o'))
}

/// `XYXY` repeats whose first copy starts at byte `i`, a three-byte character.
fn repeats_at(text: &str, i: usize, found: &mut Vec<Candidate>) {
    let bytes = text.as_bytes();
    // Every length: a false start (民惠民惠 in 为民惠民惠民) must not hide the real repeat
    // that overlaps it; segmentation decides between them.
    for unit in (2..=MAX_UNIT).map(|n| 3 * n) {
        let end = i + 2 * unit;
        if end <= bytes.len()
            && bytes[i..i + unit] == bytes[i + unit..end]
            && text[i..end].chars().all(|c| is_han(c) && c.len_utf8() == 3)
        {
            found.push(Candidate {
                first: i..i + unit,
                second: i + unit..end,
                separated: false,
            });
        }
    }
}

/// Runs of Han written twice (`XYXY`), and list items equal to the item before them.
/// `doubled`: the text holds a run of Han written twice (the parser's `DOUBLED_HAN`), so
/// its characters are worth looking at one by one. `commas`: the byte offsets of the 、 in
/// `text`, in order.
fn candidates(text: &str, doubled: bool, commas: impl Iterator<Item = usize>) -> Vec<Candidate> {
    let mut found = Vec::new();
    if doubled {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let lead = bytes[i];
            if lead & 0xF0 == 0xE0 {
                repeats_at(text, i, &mut found);
            }
            i += utf8_width(lead);
        }
    }
    // List items: `…A、A、…` where the second item is whole (a `、` follows it) and the text
    // before the first `、` ends with it.
    let comma = '、'.len_utf8();
    let mut commas = commas.peekable();
    while let (Some(i), Some(&j)) = (commas.next(), commas.peek()) {
        let item = &text[i + comma..j];
        // Two to eight Han characters (three or four bytes each).
        if (6..=32).contains(&item.len())
            && item.chars().all(is_han)
            && (2..=8).contains(&item.chars().count())
            && text[..i].ends_with(item)
        {
            found.push(Candidate {
                first: i - item.len()..i,
                second: i + comma..j,
                separated: true,
            });
        }
    }
    found.sort_by_key(|c| (c.first.start, c.second.end));
    found
}

/// How many bytes of context around a candidate are segmented (about 30 characters a side):
/// enough for the words that touch it, and bounded, so a huge line stays linear.
const CONTEXT_BYTES: usize = 90;

/// Both copies are whole words in the segmentation of the clause around them.
fn whole_words(text: &str, cand: &Candidate) -> bool {
    let is_clause_char = |c: char| is_han(c) || c == '、';
    let floor = floor_boundary(text, cand.first.start.saturating_sub(CONTEXT_BYTES));
    let ceiling = ceil_boundary(text, cand.second.end + CONTEXT_BYTES);
    let start = text[floor..cand.first.start]
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_clause_char(c))
        .map_or(floor, |(i, c)| floor + i + c.len_utf8());
    let end = text[cand.second.end..ceiling]
        .char_indices()
        .find(|&(_, c)| !is_clause_char(c))
        .map_or(ceiling, |(i, _)| cand.second.end + i);
    let clause = &text[start..end];
    // A clause that is nothing but the doubled run (“六保六保”) shows its own boundaries.
    if start == cand.first.start && end == cand.second.end {
        return true;
    }
    let mut boundaries = HashSet::new();
    boundaries.insert(start);
    let mut at = start;
    for word in super::segment(clause) {
        at += word.len();
        boundaries.insert(at);
    }
    [
        cand.first.start,
        cand.first.end,
        cand.second.start,
        cand.second.end,
    ]
    .iter()
    .all(|b| boundaries.contains(b))
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{check, diagnostics, diagnostics_with, fixed};

    const RULE: &str = "repeated-token";

    #[test]
    fn flags_doubled_words_and_list_items() {
        assert_eq!(
            check(RULE, "构建数字社会为民惠民惠民高效精准服务体系。"),
            ["惠民"]
        );
        assert_eq!(
            fixed(RULE, "构建为民惠民惠民高效精准服务体系。"),
            "构建为民惠民高效精准服务体系。"
        );
        assert_eq!(
            fixed(RULE, "观察员发挥监督员、监督员、宣传员作用。"),
            "观察员发挥监督员、宣传员作用。"
        );
        assert_eq!(check(RULE, "我们要发展发展经济。"), ["发展"]);
        // A listed verb doubled before a mark after a noun or a verb, or as a list item.
        for (text, found) in [
            ("提升消费体验体验，并将举办", "体验"),
            ("要在全面学习学习、全面把握上下功夫", "学习"),
            ("这是今年开展的调查调查。", "调查"),
            ("陈吉宁参加上述活动活动。", "活动"),
        ] {
            assert_eq!(check(RULE, text), [found], "{text}");
        }
        // 比较 doubled before a predicate is the adverb "rather" written twice.
        assert_eq!(check(RULE, "两地经济发展比较比较平衡。"), ["比较"]);
        assert_eq!(check(RULE, "今年的增速比较比较明显。"), ["比较"]);
        // A longer run is one diagnostic and one fix.
        let text = format!("他说{}政策。", "惠民".repeat(1024));
        assert_eq!(diagnostics(RULE, &text).len(), 1);
        assert_eq!(fixed(RULE, &text), "他说惠民政策。");
    }

    #[test]
    fn grammar_and_word_boundaries_are_clean() {
        for text in [
            "扫一扫，一个个，天天，常常，看看，研究研究。",
            "市发展改革委副主任、数字社会专题组组长李坚平。",
            "智算算力，党工委委员，邮政政务，现在在镇街。",
            "坚持市带区县、区县带镇街。",
            "在陕西三原、黑龙江龙江县，都有迎春舞龙。",
            "各地因地因苗开展精准精细管理。",
            "一个阶段一个阶段扎实推进，一步一步走。",
            "大家高喊加油加油。",
            // Doubling on purpose, whatever the word.
            "我们要发展发展再发展，坚持坚持又坚持。",
            "她笑着笑着就哭了，大家走着走着就到了。",
            "“记得记得，那年我们一起种树。”他说。",
            "只听咔嚓咔嚓几声，门外哗啦哗啦下起雨来，门铃叮咚叮咚响个不停。",
            "二〇二〇年，两者一一对应。",
            // The verb "compare a little", before a noun, a measure or a mark.
            "买家电要多比较比较价格，货比三家。",
            "大家不妨比较比较一下。",
            "两种方案，你们自己比较比较。",
            // The spoken "do a little" before a mark: after a pronoun, a modal, or alone.
            "这件事我们商量商量。",
            "大家讨论讨论，再作决定。",
            "这个问题要研究研究。",
            "“商量商量，”他说。",
            "周末在家休息休息，收拾收拾。",
        ] {
            assert_eq!(check(RULE, text), Vec::<String>::new(), "{text}");
        }
        // The same words doubled by a slip are still found.
        assert_eq!(check(RULE, "推动经济发展发展，加强协调。"), ["发展"]);
        assert_eq!(check(RULE, "他说记得记得要按时交。"), ["记得"]);
        // A quoted term doubled whole.
        assert_eq!(check(RULE, "做好“六稳”“六保六保”工作。"), ["六保"]);
    }

    #[test]
    fn repeats_are_found_among_any_characters() {
        for pad in ["", "a", "ab", "，", "1.5亿", "㐀", "〇〇"] {
            let text = format!("{pad}为民惠民惠民服务。");
            assert_eq!(check(RULE, &text), ["惠民"], "{pad}");
        }
        // Three- and four-character units.
        assert_eq!(check(RULE, "推进高质量高质量发展。"), ["高质量"]);
        assert_eq!(check(RULE, "加快数字经济数字经济建设。"), ["数字经济"]);
    }

    #[test]
    fn extra_allowed_words_come_from_config() {
        let options: toml::Value = toml::from_str("extend-allowed = [\"惠民\"]").unwrap();
        assert!(diagnostics_with(RULE, "为民惠民惠民服务。", Some(&options)).is_empty());
    }
}
