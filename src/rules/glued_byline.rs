use crate::diagnostic::Diagnostic;
use crate::rule::{Check, declare_rule, options};
use crate::source::chars::{is_closing_mark, is_sentence_end};
use crate::source::flow::is_names;
use crate::source::{BlockKind, Document};

declare_rule! {
    /// ## What it does
    /// Finds authors' names glued right after the last full stop of a paragraph:
    /// `…最近的地方”。李建均`, `…新局面。李璋 农国圣`.
    ///
    /// ## Why is this bad
    /// The byline stood on its own line in print; glued to the text, it reads as part of the
    /// last sentence, and counts, searches and models take the name for prose.
    ///
    /// ## Example
    /// ```text
    /// 打造企业和人才“离成功最近的地方”。李建均
    /// ```
    ///
    /// Names are up to four words of two or three Han characters, separated by spaces, the
    /// first of which starts with a common surname (`rules/surnames.txt`) and is not a word
    /// of the dictionary (高新区 is not a name). A photo credit after a caption
    /// (`。(本报资料图片) 记者 罗斌 摄`, `。黄政正/摄`) is the newspaper's layout, and a name
    /// set apart by a space is already apart: neither is flagged. Pedantic, so off unless
    /// selected.
    ///
    /// ## Fix safety
    /// No fix: whether the byline goes on its own line or away is a house decision.
    name: "glued-byline",
    category: Pedantic,
    severity: Warning,
    default: false,
    fix: None,
}

pub(crate) fn build(value: Option<&toml::Value>) -> Result<Box<dyn Check>, String> {
    let _: super::NoOptions = options(value)?;
    Ok(Box::new(GluedByline))
}

struct GluedByline;

impl Check for GluedByline {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for block in doc.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph) {
            let text = doc.block_text(block);
            if text.ends_with(|c: char| is_sentence_end(c) || is_closing_mark(c)) {
                continue;
            }
            let Some(stop) = text.rfind(['。', '！', '？']) else {
                continue;
            };
            let after = &text[stop + '。'.len_utf8()..];
            let tail = after.trim_start_matches(is_closing_mark);
            if tail.starts_with(char::is_whitespace) || !is_names(tail) {
                continue;
            }
            let start = block.content.start + text.len() - tail.len();
            out.push(
                Diagnostic::new(
                    META.name,
                    start..block.content.end,
                    "byline glued to the end of the paragraph",
                )
                .with_help("put the byline on a line of its own"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::check;

    const RULE: &str = "glued-byline";

    #[test]
    fn flags_names_and_credits_after_the_last_stop() {
        assert_eq!(
            check(RULE, "打造企业和人才“离成功最近的地方”。李建均\n"),
            ["李建均"]
        );
        assert_eq!(
            check(RULE, "开创高质量发展新局面。李璋 农国圣\n"),
            ["李璋 农国圣"]
        );
        assert_eq!(check(RULE, "他说：“发展很快。”张三\n"), ["张三"]);
    }

    #[test]
    fn separate_credits_and_open_sentences_are_clean() {
        for text in [
            "年内完工。 记者 罗斌 摄/视觉重庆\n",
            "年内完工。(本报资料图片) 记者 罗斌 摄/视觉重庆\n",
            "提供技术验证。黄政正/摄\n",
            "发展很快。 李建均\n",
            "李建均\n",
            "发展很快。从数字化\n",
            "发展很快。2021年\n",
            "发展很快。\n",
            "### 发展很快。李建均\n",
        ] {
            assert_eq!(check(RULE, text), Vec::<String>::new(), "{text}");
        }
    }
}
