use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::rule::{Check, declare_rule, options};
use crate::source::chars::{is_chinese, is_han};
use crate::source::{Classes, Document};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};

declare_rule! {
    /// ## What it does
    /// Finds a Latin-script word that does not belong in Chinese text: an English function
    /// word standing alone between Chinese words (`话语体系 and 理论`) or between Chinese and a
    /// number (`增长 is 17.1%`, `10℃ of 左右`), or a scrap of one to
    /// three lower-case letters glued between Chinese characters, the mark of OCR junk.
    ///
    /// ## Why is this bad
    /// It is a slip of translation, of an input method or of OCR; the reader sees a foreign
    /// word where a Chinese one was meant.
    ///
    /// ## Example
    /// ```text
    /// 初步形成数字化引领现代化的话语体系 and 理论、制度成果。
    /// ```
    /// Fixed (unsafe):
    /// ```text
    /// 初步形成数字化引领现代化的话语体系和理论、制度成果。
    /// ```
    ///
    /// Acronyms, units, model names and brands are legitimate and never flagged (5G, LED, GDP,
    /// AI, 3D, IRS, IP, SMT, 2500P, 黄埔Smile, 5km), nor English phrases quoted in the text
    /// (`Made in China`), nor anything in capitals, nor a letter inside a quoted or titled
    /// name (`“智慧e站”`, `《i深圳》`).
    ///
    /// ## Fix safety
    /// Unsafe, and only for `and`, `or`, `of` and `with`: the usual Chinese word replaces
    /// the English one and the spaces around it.
    ///
    /// ## Data
    /// `rules/english-function-words.txt` and `rules/latin-allowed.txt` (lower-case words
    /// that may stand between Chinese characters). Add more with `extend-allowed` under
    /// `[rules.stray-latin]`.
    name: "stray-latin",
    category: Characters,
    severity: Warning,
    default: true,
    fix: Sometimes,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    /// More Latin words that are never flagged (matched without regard to case).
    #[serde(default)]
    extend_allowed: Vec<String>,
}

pub(crate) fn build(value: Option<&toml::Value>) -> Result<Box<dyn Check>, String> {
    let options: Options = options(value)?;
    let function_words = super::word_list(include_str!("../../rules/english-function-words.txt"))
        .map(|line| {
            let mut cols = line.split_whitespace();
            let word = cols.next().unwrap_or_default();
            (word.to_owned(), cols.next().map(str::to_owned))
        })
        .collect();
    let allowed = super::word_list(include_str!("../../rules/latin-allowed.txt"))
        .map(str::to_owned)
        .chain(options.extend_allowed.iter().map(|w| w.to_lowercase()))
        .collect();
    Ok(Box::new(StrayLatin {
        function_words,
        allowed,
    }))
}

struct StrayLatin {
    function_words: HashMap<String, Option<String>>,
    allowed: HashSet<String>,
}

/// Lower-case, or capitalised with the rest lower-case (`A` alone is a letter: A股).
fn is_plain_case(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_lowercase())
        || (word.len() > 1 && word.chars().skip(1).all(|c| c.is_ascii_lowercase()))
}

impl Check for StrayLatin {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for line in doc.text_lines().filter(|l| l.classes.has(Classes::ASCII_LETTER)) {
            let base = line.content.start;
            let text = doc.slice(&line.content);
            let bytes = text.as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                if !bytes[i].is_ascii_alphabetic() {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                    i += 1;
                }
                let word = &text[start..i];
                let prev = text[..start].chars().next_back().unwrap_or('\n');
                let next = text[i..].chars().next().unwrap_or('\n');
                // Part of a model name, a URL, an identifier or a number (5G, G60, www.x.cn).
                let joined = |c: char| c.is_ascii_alphanumeric() || "-_./@&'’+#".contains(c);
                if joined(prev) || joined(next) {
                    continue;
                }
                let prev_word = text[..start]
                    .trim_end_matches(' ')
                    .chars()
                    .next_back()
                    .unwrap_or('\n');
                let next_word = text[i..].trim_start_matches(' ').chars().next().unwrap_or('\n');
                // Inside an English phrase: its neighbours are Latin words too (digits are not
                // English: Chinese text is full of them).
                if prev_word.is_ascii_alphabetic() || next_word.is_ascii_alphabetic() {
                    continue;
                }
                let lower = word.to_ascii_lowercase();
                if self.allowed.contains(&lower) {
                    continue;
                }
                // Chinese on one side, and Chinese, a number or a unit sign on the other
                // (话语体系 and 理论, 增长 is 17.1%, 10℃ of 左右).
                let numeric = |c: char| c.is_ascii_digit() || "%％℃°".contains(c);
                let chinese_around = (is_chinese(prev_word) && (is_chinese(next_word) || numeric(next_word)))
                    || (numeric(prev_word) && is_chinese(next_word));
                if let Some(replacement) = self.function_words.get(&lower) {
                    if chinese_around && is_plain_case(word) {
                        let mut d = Diagnostic::new(
                            META.name,
                            base + start..base + i,
                            format!("English word `{word}` in Chinese text"),
                        );
                        if let Some(r) = replacement {
                            let lead = text[..start].len() - text[..start].trim_end_matches(' ').len();
                            let trail = text[i..].len() - text[i..].trim_start_matches(' ').len();
                            d = d.with_fix(Fix::unsafe_(
                                format!("Replace with `{r}`"),
                                vec![Edit::replace(base + start - lead..base + i + trail, r.as_str())],
                            ));
                        }
                        out.push(d);
                    }
                } else if word.len() <= 3
                    && word.chars().all(|c| c.is_ascii_lowercase())
                    && is_han(prev)
                    && is_han(next)
                    && !inside_a_name(text, start, i)
                    && !super::confusable_char::lone_letter_for_digit(word, &text[i..])
                {
                    out.push(
                        Diagnostic::new(
                            META.name,
                            base + start..base + i,
                            format!("stray Latin letters `{word}` between Chinese characters"),
                        )
                        .with_help("likely OCR junk: compare with the original"),
                    );
                }
            }
        }
    }
}

/// `text[start..end]` stands inside quotation marks or book-title marks that open and close
/// within the clause: part of a name (“智慧e站”, 《i深圳》), not a scrap.
fn inside_a_name(text: &str, start: usize, end: usize) -> bool {
    const CLAUSE_ENDS: [char; 5] = ['，', '。', '；', '！', '？'];
    let before = &text[..start];
    let clause_start = before.rfind(CLAUSE_ENDS).map_or(0, |i| i + '，'.len_utf8());
    let after = &text[end..];
    let clause_end = after.find(CLAUSE_ENDS).map_or(after.len(), |i| i);
    [('“', '”'), ('《', '》'), ('「', '」'), ('『', '』')]
        .iter()
        .any(|&(open, close)| {
            let opened = before[clause_start..].rfind(open);
            let closed_before = before[clause_start..].rfind(close);
            opened.is_some() && (closed_before < opened) && after[..clause_end].contains(close)
        })
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{check, diagnostics_with, fixed};

    const RULE: &str = "stray-latin";

    #[test]
    fn flags_function_words_and_junk() {
        let text = "初步形成数字化引领现代化的话语体系 and 理论、制度成果。";
        assert_eq!(check(RULE, text), ["and"]);
        assert_eq!(
            fixed(RULE, text),
            "初步形成数字化引领现代化的话语体系和理论、制度成果。"
        );
        assert_eq!(check(RULE, "经济The发展"), ["The"]);
        assert_eq!(check(RULE, "推动rn产业发展"), ["rn"]);
        // Beside digits and unit signs too.
        for (text, word) in [
            ("气温降到零下10℃ of 左右。", "of"),
            ("同比增长 is 17.1%。", "is"),
            ("通电  and  1月29日恢复。", "and"),
        ] {
            assert_eq!(check(RULE, text), [word], "{text}");
        }
        // Quotes closed before the scrap, or opened after it, do not cover it.
        assert_eq!(check(RULE, "“平安”社区e家平台上线。"), ["e"]);
        assert_eq!(check(RULE, "组织e实施“方案”。"), ["e"]);
    }

    #[test]
    fn terms_acronyms_and_phrases_are_clean() {
        for text in [
            "5G、LED显示屏、GDP、AI、3D打印、IRS、IP、SMT、2500P、黄埔Smile、DeepSeek。",
            "全长5km，重10kg。",
            "以Made in China为题。",
            "下载app查询，访问www.gov.cn。",
            "A股、B站、C位。",
            "AND门电路。",
            "He said the economy grew.",
            "iPhone 15 and 16，Windows 10 and Office。",
            // A letter inside a quoted or titled name is part of it.
            "“平安社区e家”平台上线，“智慧e站”投入使用。",
            "《i深圳》客户端发布。",
            // A letter for a digit is confusable-char's.
            "每l次检查都要记录。",
        ] {
            assert_eq!(check(RULE, text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn allowed_words_come_from_config() {
        let options: toml::Value = toml::from_str("extend-allowed = [\"rn\"]").unwrap();
        assert!(diagnostics_with(RULE, "推动rn产业发展", Some(&options)).is_empty());
    }
}
