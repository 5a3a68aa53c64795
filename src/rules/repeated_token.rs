use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::rule::{Check, declare_rule, options};
use crate::source::Document;
use crate::source::chars::{is_han, utf8_width};
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
    /// nor the reduplication Chinese grammar uses (研究研究, 一步一步, 扫一扫, 一个个), nor a
    /// word repeated across other words on purpose (市带区县、区县带镇街).
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
            for cand in candidates(text, enumeration_commas) {
                if cand.first.start < taken_until {
                    continue;
                }
                let unit = &text[cand.first.clone()];
                if self.allowed.contains(unit) || unit.starts_with('一') {
                    continue;
                }
                if !whole_words(text, &cand) {
                    continue;
                }
                let removed = if cand.separated {
                    cand.first.end..cand.second.end
                } else {
                    cand.second.clone()
                };
                taken_until = cand.second.end;
                let what = if cand.separated { "list item" } else { "word" };
                out.push(
                    Diagnostic::new(
                        META.name,
                        base + cand.second.start..base + cand.second.end,
                        format!("{what} `{unit}` written twice in a row"),
                    )
                    .with_related(base + cand.first.start..base + cand.first.end, "first copy")
                    .with_fix(Fix::safe(
                        format!("Delete the second `{unit}`"),
                        vec![Edit::delete(base + removed.start..base + removed.end)],
                    )),
                );
            }
        }
    }
}

/// Runs of Han written twice (`XYXY`), and list items equal to the item before them.
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

/// `commas`: the byte offsets of the 、 in `text`, in order.
fn candidates(text: &str, commas: impl Iterator<Item = usize>) -> Vec<Candidate> {
    let mut found = Vec::new();
    // Han in the Basic Multilingual Plane is three bytes of UTF-8, so `XYXY` with units of
    // two to four characters is a run of 12 to 24 bytes whose halves are equal.
    let bytes = text.as_bytes();
    // Only the characters that start near a suspicious chunk are looked at.
    let mut scanned_until = 0;
    for chunk in (0..bytes.len().div_ceil(CHUNK)).filter(|&c| suspicious_chunk(bytes, c)) {
        let mut i = (chunk * CHUNK).saturating_sub(2 * CHUNK).max(scanned_until);
        while i < bytes.len() && !text.is_char_boundary(i) {
            i += 1;
        }
        let stop = ((chunk + 1) * CHUNK).min(bytes.len());
        while i < stop {
            let lead = bytes[i];
            if lead & 0xF0 == 0xE0 {
                repeats_at(text, i, &mut found);
            }
            i += utf8_width(lead);
        }
        scanned_until = i;
    }
    // List items: `…A、A、…` where the second item is whole (a `、` follows it) and the text
    // before the first `、` ends with it.
    for i in commas {
        let after = &text[i + '、'.len_utf8()..];
        let item_end = after.find(|c: char| !is_han(c)).unwrap_or(after.len());
        let item = &after[..item_end];
        let count = item.chars().count();
        if (2..=8).contains(&count) && after[item_end..].starts_with('、') && text[..i].ends_with(item) {
            let start = i + '、'.len_utf8();
            found.push(Candidate {
                first: i - item.len()..i,
                second: start..start + item.len(),
                separated: true,
            });
        }
    }
    found.sort_by_key(|c| (c.first.start, c.second.end));
    found
}

/// Bytes compared at once by the prefilter.
const CHUNK: usize = 8;

/// Might a repeat touch this 8-byte chunk? A repeat of unit `u` bytes (6, 9 or 12)
/// makes `u` consecutive positions where a byte equals the byte `u` further on; split
/// over aligned chunks, one chunk holds a run of at least 3, 5 or 6 of them. Looking for
/// such runs eight bytes at a time keeps the per-character loop off nearly all the text.
fn suspicious_chunk(bytes: &[u8], chunk: usize) -> bool {
    let read = |at: usize| u64::from_le_bytes(bytes[at..at + CHUNK].try_into().expect("eight bytes"));
    let p = chunk * CHUNK;
    // Near the end, where the shifted words do not fit, look at every character.
    if p + 3 * MAX_UNIT + CHUNK > bytes.len() {
        return true;
    }
    let here = read(p);
    has_zero_run(here ^ read(p + 6), 3)
        || has_zero_run(here ^ read(p + 9), 5)
        || has_zero_run(here ^ read(p + 12), 6)
}

/// `x` has `run` consecutive zero bytes.
fn has_zero_run(x: u64, run: u32) -> bool {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    // The high bit of each byte of `zero` is set where that byte of `x` is zero.
    let zero = !(((x & LOW7).wrapping_add(LOW7)) | x) & !LOW7;
    let mut acc = zero;
    for k in 1..run {
        acc &= zero >> (8 * k);
    }
    acc != 0
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
    let mut boundaries = HashSet::new();
    boundaries.insert(start);
    let mut at = start;
    for word in super::segment(clause, true) {
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
    use crate::rules::test_support::{check, diagnostics_with, fixed};

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
        ] {
            assert_eq!(check(RULE, text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn repeats_are_found_wherever_they_fall_in_the_chunks() {
        for pad in 0..12 {
            let text = format!("{}为民惠民惠民服务。", "a".repeat(pad));
            assert_eq!(check(RULE, &text), ["惠民"], "{pad}");
        }
        assert!(super::has_zero_run(0, 8));
        assert!(super::has_zero_run(0x0100_0000_0000_00FF, 6));
        assert!(!super::has_zero_run(0x0100_0000_0000_00FF, 7));
        assert!(!super::has_zero_run(0x0100_0001_0000_01FF, 3));
    }

    #[test]
    fn extra_allowed_words_come_from_config() {
        let options: toml::Value = toml::from_str("extend-allowed = [\"惠民\"]").unwrap();
        assert!(diagnostics_with(RULE, "为民惠民惠民服务。", Some(&options)).is_empty());
    }
}
