use crate::diagnostic::Diagnostic;
use crate::rule::{Check, declare_rule, options};
use crate::source::Document;
use crate::source::flow::{head_range, tail_range};

declare_rule! {
    /// ## What it does
    /// Finds a heading or caption that stands between the two halves of a split sentence.
    /// The diagnostic is on the heading, with related spans on both halves.
    ///
    /// ## Why is this bad
    /// The layout of the page put a heading in the middle of a column; the transcription
    /// kept the page order, so the heading now cuts a sentence in two.
    ///
    /// ## Example
    /// ```text
    /// 西部陆海新通道越走越宽。让很多企业家有投资重
    ///
    /// ### 展示西部地区形象 扩大对外开放合作
    ///
    /// 庆的热情，合作项目接连落地。
    /// ```
    ///
    /// Reported only where `split-paragraph` finds the halves: at most two headings, bylines
    /// or captions between them, running text before them that stops mid-sentence, and a
    /// strong sign that the paragraph after them carries the sentence on: a word or a number
    /// across the break (重|庆, 45|00顶), a paragraph that starts with a mark no sentence
    /// starts with, or the judgements of the break weighed together (`source/carry.rs`) at ln
    /// odds of `APART_CARRY` (−1.3) or more; when the text before the headings stops on a
    /// comma (after which any clause reads on), at `COMMA_APART_CARRY` (0.0) or more, and on
    /// an enumeration comma at `ENUMERATION_APART_CARRY` (2.0) or more (see
    /// `source/flow/joins.rs`). A paragraph a few blocks away that reads on better takes the
    /// sentence instead (see `truncated-paragraph`).
    ///
    /// ## Fix safety
    /// No fix: whether the heading belongs before or after the sentence is for a person to
    /// decide.
    name: "interrupting-heading",
    category: Structure,
    severity: Warning,
    default: true,
    fix: None,
}

pub(crate) fn build(value: Option<&toml::Value>) -> Result<Box<dyn Check>, String> {
    let _: super::NoOptions = options(value)?;
    Ok(Box::new(InterruptingHeading))
}

struct InterruptingHeading;

impl Check for InterruptingHeading {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for split in &doc.flow().splits {
            let first = &doc.blocks[split.first];
            let second = &doc.blocks[split.second];
            for heading in &doc.blocks[split.between.clone()] {
                out.push(
                    Diagnostic::new(
                        META.name,
                        heading.content.clone(),
                        "heading stands inside a split sentence",
                    )
                    .with_related(
                        tail_range(doc.block_text(first), first.content.start),
                        "the sentence starts here",
                    )
                    .with_related(
                        head_range(doc.block_text(second), second.content.start),
                        "and carries on here",
                    )
                    .with_help("move the heading before or after the sentence"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{check, diagnostics};

    const RULE: &str = "interrupting-heading";

    #[test]
    fn flags_headings_inside_a_split_sentence() {
        let text = "宗庆后演讲时表示，重庆同时向西、东和南拓展通道，积极与世界相连，让很多企业家有投资重\n\n### 展示西部地区形象\n\n# 三届西洽会\n\n庆的热情。倪元忠表示，优势明显。\n";
        assert_eq!(check(RULE, text), ["展示西部地区形象", "三届西洽会"]);
        let found = diagnostics(RULE, text);
        assert_eq!(&text[found[0].related[0].span.range()], "让很多企业家有投资重");
        assert_eq!(&text[found[0].related[1].span.range()], "庆的热情");
        // A caption line stands in the way just as a heading does.
        let text = "发展很快。为重庆产业向上发展吸纳高端创新机构、跨\n\n记者 张锦辉 摄\n\n国企业等入驻。\n";
        assert_eq!(check(RULE, text), ["记者 张锦辉 摄"]);
        // So do a byline and a note of pictures, which are neither prose nor headings.
        for between in ["（附图片2张）", "（新华社北京1997年12月29日电）"] {
            let text = format!(
                "江泽民发表新年讲话\n\n世界还不安宁。南北之间的贫富差距继续扩大。和平与发展的前景是光明的，关键是世界各国人民要进一步\n\n孙为刚\n\n{between}\n\n团结起来，共同推动早日建立公正合理的国际政治经济新秩序。\n"
            );
            assert_eq!(check(RULE, &text), ["孙为刚", between]);
        }
    }

    #[test]
    fn headings_between_whole_sentences_are_clean() {
        for text in [
            "发展很快。\n\n### 展示西部地区形象\n\n庆祝活动举行。\n",
            // A truncation before a heading, and no word across: not one sentence.
            "我们加快推进。为产业生态治理和政府精准服\n\n焦点三\n\n优化营商环境就是解放生产力。\n",
            // Three headings in a row are a new section, whatever follows.
            "发展很快。让很多企业家有投资重\n\n# 一\n\n# 二\n\n# 三\n\n庆的热情。\n",
        ] {
            assert_eq!(check(RULE, text), Vec::<String>::new(), "{text}");
        }
    }
}
