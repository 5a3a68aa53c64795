use crate::diagnostic::Diagnostic;
use crate::rule::{Check, declare_rule, options};
use crate::source::Document;
use crate::source::flow::{Follower, head_range, tail_range};

declare_rule! {
    /// ## What it does
    /// Finds a paragraph that stops mid-sentence when what follows does not carry the
    /// sentence on: a heading, another article, an unrelated paragraph or the end of the file.
    /// The diagnostic underlines the paragraph's last characters. Where the rest of the
    /// sentence stands elsewhere in the file, a related span points at it.
    ///
    /// ## Why is this bad
    /// The end of the sentence was lost at a page or column break, or landed somewhere else;
    /// the paragraph says less than the original did.
    ///
    /// ## Example
    /// ```text
    /// 杨新民举例说，利用信息技术，全面、
    ///
    /// 焦点二
    /// ```
    ///
    /// "Stops mid-sentence" is judged as in `split-paragraph`: no end mark, no credit or
    /// byline after the last full stop, and running text (a full stop, a comma or a
    /// semicolon inside), an open bracket, a word broken off at the end, or words after which
    /// the trigram model finds a sentence end very unlikely. A heading-like line is never a
    /// truncation, and a deck or summary line (see `split-paragraph`) only when it stops
    /// inside a word or on words after which a sentence end is very unlikely. A paragraph
    /// followed by a list is not reported (a list may be introduced without a colon). The
    /// rest of the sentence is looked for within 12 blocks in a paragraph that starts as no
    /// sentence does and that the sentence carries on into (a word across the join, or the
    /// trigram model's odds of `STRONG_JOIN_ODDS`, 2), and within 4 blocks in any paragraph
    /// on odds of `PAIRING_ODDS` (4, reached by 0.2% of unrelated pairs), or, where those
    /// odds are at least 0, on the judgements of the break weighed together
    /// (`source/carry.rs`) at ln odds of `PAIRING_CARRY` (3, reached by 0.4% of real next
    /// paragraphs and 47% of the rests of cut sentences). Such a paragraph
    /// also wins over a next paragraph that reads on by odds alone, and less well (the head
    /// of a sentence moved down the page); a run of quoted terms carried on
    /// (“共投共建”“相向协作” … “共同争取”三类项目) is looked for in the whole file.
    ///
    /// ## Fix safety
    /// No fix: the lost words have to come from the original.
    name: "truncated-paragraph",
    category: Structure,
    severity: Warning,
    default: true,
    fix: None,
}

pub(crate) fn build(value: Option<&toml::Value>) -> Result<Box<dyn Check>, String> {
    let _: super::NoOptions = options(value)?;
    Ok(Box::new(TruncatedParagraph))
}

struct TruncatedParagraph;

impl Check for TruncatedParagraph {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for truncation in &doc.flow().truncations {
            let block = &doc.blocks[truncation.block];
            let span = tail_range(doc.block_text(block), block.content.start);
            let message = match truncation.followed_by {
                Follower::EndOfFile => "paragraph stops mid-sentence at the end of the file",
                Follower::Heading => "paragraph stops mid-sentence before a heading",
                Follower::Paragraph | Follower::Other => {
                    "paragraph stops mid-sentence and the next one does not carry it on"
                }
            };
            let mut diagnostic = Diagnostic::new(META.name, span, message)
                .with_help("restore the end of the sentence from the original");
            if let Some(index) = truncation.continuation {
                let rest = &doc.blocks[index];
                diagnostic = diagnostic.with_related(
                    head_range(doc.block_text(rest), rest.content.start),
                    "the sentence seems to carry on here",
                );
            }
            out.push(diagnostic);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{check, diagnostics};

    const RULE: &str = "truncated-paragraph";

    #[test]
    fn flags_a_paragraph_cut_off_before_a_heading_or_the_end() {
        let text =
            "数字政府如何提升能力？杨新民举例说，利用信息技术，全面、\n\n焦点二\n\n数字政府建设意义重大。\n";
        assert_eq!(check(RULE, text), ["全面、"]);
        let text = "聚焦利民，不断完善住房保障。解决房屋延迟交付、线下\n";
        assert_eq!(check(RULE, text), ["线下"]);
        assert!(diagnostics(RULE, text)[0].message.contains("end of the file"));
        // The next paragraph opens a new quotation.
        let text =
            "两地合作成效明显。开展合作以来，搭建了公积金信息共享平\n\n“企业办事最怕的就是反复跑。”他说。\n";
        assert_eq!(check(RULE, text), ["建了公积金信息共享平"]);
        // A heading follows, and the paragraph after it does not continue the word.
        let text = "我们加快推进。为产业生态治理和政府精准服\n\n焦点三\n\n优化营商环境就是解放生产力。\n";
        assert_eq!(check(RULE, text), ["生态治理和政府精准服"]);
    }

    #[test]
    fn names_the_continuation_elsewhere() {
        let text = "记者 张锦辉 摄\n\n“共同争取”三类项目合作，加快形成重要支撑。\n\n下一步，将从四个方面发力。\n\n首先是联动。推进与成都“共投共建”“相向协作”\n\n□本报记者 杨骏\n";
        let found = diagnostics(RULE, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].related.len(), 1);
        assert_eq!(&text[found[0].related[0].span.range()], "“共同争取”三类项目");
    }

    #[test]
    fn complete_and_continued_paragraphs_are_clean() {
        for text in [
            "发展很快。\n\n焦点二\n",
            "他说：“发展很快。”\n",
            "清单包括以下五个方面：\n\n一是场景方向类型多。\n",
            "我市采取三项举措——\n\n加强组织领导。\n",
            "受访嘉宾\n\n明 炬 全国政协委员，市科技局党委书记、局长，市科学技术研究院院长\n\n邓 凌 教授\n",
            "开创高新区高质量发展新局面。李璋 农国圣\n\n图片新闻\n",
            "年内完工。（本报资料图片） 记者 张锦辉 摄/视觉重庆\n\n西部科学城\n",
            "从数字化\n",
            "主要工作包括\n\n- 加强领导\n",
            // A split, which `split-paragraph` reports.
            "发展很快。从数字化\n\n到智能化再到智慧化。\n",
        ] {
            assert_eq!(check(RULE, text), Vec::<String>::new(), "{text}");
        }
    }
}
