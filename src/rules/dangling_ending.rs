use crate::diagnostic::Diagnostic;
use crate::rule::{Check, declare_rule, options};
use crate::source::Document;
use crate::source::chars::is_han;
use serde::Deserialize;
use std::collections::HashSet;

declare_rule! {
    /// ## What it does
    /// Finds a sentence that ends on a word that cannot end a sentence, a conjunction or a
    /// preposition (和、与、及、或、并、关于、为了…), right before its full stop or semicolon
    /// (`形象和。`), or a list that ends on its conjunction before a comma (`效率、质量和，`).
    ///
    /// ## Why is this bad
    /// The words after the conjunction were lost, by a cut in the transcription or an edit
    /// that went wrong; the sentence no longer says what it said.
    ///
    /// ## Example
    /// ```text
    /// 展示了地区城市形象和。
    /// ```
    ///
    /// The last word is found by word segmentation, so a sentence ending on a word that only
    /// ends with such a character is not flagged (发展方向。, 广泛参与。, 天时地利人和。), nor one
    /// whose last word the dictionary does not know (碳中和。: a one-character conjunction after
    /// a single character that makes a word with it, 中和, is taken for that word's end). After
    /// 的 the conjunction is one (城市的活力和。, 各方面的及。), except in 的和, "the sum", after
    /// a number.
    /// Words a sentence may end on are not in the list: 的 (是…的。), 在, 对, 等.
    ///
    /// ## Fix safety
    /// No fix: the lost words have to come from the original.
    ///
    /// ## Data
    /// `rules/dangling-words.txt`. Add more with `extend-words` under
    /// `[rules.dangling-ending]`.
    name: "dangling-ending",
    category: Structure,
    severity: Warning,
    default: true,
    fix: None,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    /// More words that cannot end a sentence.
    #[serde(default)]
    extend_words: Vec<String>,
}

pub(crate) fn build(value: Option<&toml::Value>) -> Result<Box<dyn Check>, String> {
    let options: Options = options(value)?;
    let words = super::word_set(
        include_str!("../../rules/dangling-words.txt"),
        options.extend_words,
    );
    let last_chars = words.iter().filter_map(|w| w.chars().next_back()).collect();
    Ok(Box::new(DanglingEnding { words, last_chars }))
}

struct DanglingEnding {
    words: HashSet<String>,
    /// The last character of each word: most sentences end on none of them.
    last_chars: HashSet<char>,
}

/// How much of the clause before the full stop is segmented (bytes, about 20 characters).
const CONTEXT_BYTES: usize = 60;

impl Check for DanglingEnding {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for block in doc.text_blocks() {
            let text = doc.block_text(block);
            let base = block.content.start;
            for (i, stop) in clause_ends(text, doc.marks(&block.content), base) {
                let before = &text[..i];
                // Most commas follow no list conjunction: one comparison each.
                if stop == "，" && !LIST_CONJUNCTIONS.iter().any(|w| before.ends_with(w)) {
                    continue;
                }
                // Cheap tests before segmenting: the text ends with one of the words.
                if !before
                    .chars()
                    .next_back()
                    .is_some_and(|c| self.last_chars.contains(&c))
                    || !self.words.iter().any(|w| before.ends_with(w.as_str()))
                {
                    continue;
                }
                // A comma ends the sentence's last item only after a list: 效率、质量和，
                if stop == "，" && !closes_list(before) {
                    continue;
                }
                // The clause: the Han run before the mark, at most CONTEXT_BYTES long.
                let run = before.len() - before.trim_end_matches(is_han).len();
                let mut start = i - run.min(CONTEXT_BYTES);
                while !text.is_char_boundary(start) {
                    start += 1;
                }
                let clause = &text[start..i];
                // Dictionary words only: a guessed word (碳中 in 碳中和, which the dictionary
                // lacks) would cut a real word in two.
                let tokens = super::segment(clause);
                let [.., previous, word] = tokens[..] else {
                    continue;
                };
                // A one-character conjunction after a single character may be the end of a
                // word the dictionary does not know: 碳/中/和 is 碳中和, and 中和 is a word. After
                // 的 (城市的活力和。 aside, 各方面的及。), or after a character it makes no word
                // with (获得/感/与), it is a conjunction; 的和 is "the sum" only after numbers.
                let single = word.chars().count() == 1;
                let previous_single = previous.chars().count() < 2;
                let joined = format!("{previous}{word}");
                let sum = previous == "的"
                    && text[..i - word.len() - previous.len()]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_ascii_digit() || "数值项".contains(c));
                if !self.words.contains(word)
                    || (stop == "，" && !LIST_CONJUNCTIONS.contains(&word))
                    || (single
                        && previous_single
                        && (crate::source::continuity::lexicon().has(&joined) || sum))
                {
                    continue;
                }
                let word_start = base + i - word.len();
                out.push(
                    Diagnostic::new(
                        META.name,
                        word_start..base + i,
                        format!("sentence ends on `{word}`{stop}: the words after it are missing"),
                    )
                    .with_help("restore the lost words from the original, or end the sentence before the conjunction"),
                );
            }
        }
    }
}

/// The conjunctions that join the last item of a list to the others.
const LIST_CONJUNCTIONS: [&str; 7] = ["和", "与", "及", "以及", "或", "或者", "并"];

/// The clause before the comma at the end of `before` lists items with 、.
fn closes_list(before: &str) -> bool {
    let clause = before
        .rfind(['，', '。', '；', '：', '！', '？'])
        .map_or(before, |k| &before[k..]);
    clause.contains('、')
}

/// Byte offsets (into `text`) of 。！？；and ，, from the document's punctuation offsets
/// (`marks`, into the file; `text` starts at `base`).
fn clause_ends<'t>(text: &'t str, marks: &'t [u32], base: usize) -> impl Iterator<Item = (usize, &'t str)> {
    let bytes = text.as_bytes();
    marks
        .iter()
        .map(move |&m| m as usize - base)
        .filter_map(move |i| {
            let end = matches!(
                bytes.get(i..i + 3),
                Some([0xE3, 0x80, 0x82] | [0xEF, 0xBC, 0x81 | 0x9F | 0x9B | 0x8C])
            );
            end.then(|| (i, &text[i..i + 3]))
        })
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::check;

    const RULE: &str = "dangling-ending";

    #[test]
    fn flags_sentences_ending_on_a_conjunction() {
        assert_eq!(check(RULE, "发挥了窗口作用，展示了地区城市形象和。"), ["和"]);
        assert_eq!(check(RULE, "会议讨论了关于。下一段。"), ["关于"]);
        assert_eq!(check(RULE, "我们要加强与！"), ["与"]);
        // After 的, and after a character the conjunction makes no word with.
        assert_eq!(check(RULE, "要激发城市的活力和。"), ["和"]);
        assert_eq!(check(RULE, "提升群众的获得感与。"), ["与"]);
        assert_eq!(check(RULE, "统筹好各方面的及。"), ["及"]);
        assert_eq!(check(RULE, "虎年将为世界带来新的希望并。"), ["并"]);
        assert_eq!(check(RULE, "提升了效率和；加快了进度。"), ["和"]);
        // A comma that closes a list.
        assert_eq!(check(RULE, "提高了效率、质量和，降低了成本。"), ["和"]);
    }

    #[test]
    fn words_that_end_with_those_characters_are_clean() {
        for text in [
            "为高质量发展指明方向。",
            "力争2060年前实现碳中和。",
            "推进碳达峰、碳中和。",
            "社会各界广泛深入参与。",
            "这是天时地利人和。",
            "这是他说的。",
            "他不在。",
            "这些都是我们必须服从。",
            "重庆、成都等。",
            "共有学校、医院等机构和",
            // 的和 is "the sum" after numbers.
            "求两个数的和。",
            "3和5的和。",
            // 合并 and 兼并 are words; a comma after a conjunction outside a list.
            "两家企业实现合并。",
            "推动企业兼并；",
            "他说和，不说战。",
            "加强效率、质量，关于此事另议。",
        ] {
            assert_eq!(check(RULE, text), Vec::<String>::new(), "{text}");
        }
    }
}
