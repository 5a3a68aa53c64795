use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::rule::{Check, declare_rule, options};
use crate::source::Document;
use crate::source::flow::Split;

declare_rule! {
    /// ## What it does
    /// Finds one paragraph broken in two: the first part stops mid-sentence and the next
    /// paragraph carries on the same sentence. The diagnostic covers the break, from the last
    /// character of the first part to the first character of the second.
    ///
    /// ## Why is this bad
    /// A page, column or line end of the original became a paragraph break. Anything that
    /// reads the text paragraph by paragraph (a reader, a sentence splitter, a model in
    /// training) gets two broken halves instead of one sentence.
    ///
    /// ## Example
    /// ```text
    /// 吸纳更多高价值高科技企业、高端创新机构、跨
    ///
    /// 国企业等入驻重庆，为重庆产业向上发展注入科技活力。
    /// ```
    ///
    /// A paragraph stops mid-sentence when its last sentence has no end mark (。！？…；：——,
    /// closing quotes and brackets after one included) and no credit or byline follows its
    /// last full stop (。李建均, 。黄政正/摄). A paragraph without its final stop is running
    /// text that lost its end when it holds a full stop, a comma or a semicolon (edited news
    /// ends its paragraphs with a full stop), leaves a 《 or （ open, stops on a comma or an
    /// opening bracket, stops inside a word (the dictionary finds its last characters
    /// likelier to begin a word than to end one), stops on words after which the trigram
    /// model finds a sentence end very unlikely, or is long (two enumeration marks and 30
    /// characters or more). A short line without clause marks reads as a heading (unless it opens with a dateline,
    /// 央视网消息（新闻联播）：, or leaves a 《 or （ open), and a deck or summary line as a
    /// line of its own: they are joined to the next paragraph only when a word or a number
    /// runs across the break, when
    /// the next paragraph starts with a mark no sentence starts with (not after the title),
    /// or (for a deck) when its last words cannot end a sentence. A deck
    /// line is a sentence of at most 60 characters without a full stop, a semicolon or a
    /// final comma, with no dateline and no bracket left open, at the top of the article or
    /// under a heading or a bulleted line (■ ●), after at most three other such lines; its
    /// last word may be one the dictionary lacks (靶向药). Captions, bylines, credit lines
    /// (责任编辑：张三, 来源：新华网 作者：王小明), name-and-title lines, list items and table rows
    /// are not running text.
    ///
    /// A text that stops inside a word (the dictionary finds its last characters likelier to
    /// begin a word than to end one, by ln odds of 2 or more) goes on only into a paragraph that
    /// completes the word; a word completed across the break with ln odds of 3 or more carries
    /// the text on even into what reads as a fresh start (俄罗斯外|长拉夫罗夫今天表示，). Running
    /// text that stops on a number goes on into a paragraph that starts with its unit (30|日)
    /// or its decimals (20.|65), and a line that stops on a month into one that starts with
    /// its day (截至6月|30日). A person's name cut after a title or after another name in a
    /// list goes on where the rest of it opens the next paragraph (副主席沈跃|跃、王勇), and a
    /// line that lists names goes on into a paragraph that goes on with the list or the name
    /// (…扎克尔|、吴政隆, …吴政|隆，), as does a foreign name spelt in transliteration
    /// (代表巴赫雷|尼26日说). A line that stops clearly inside a word goes on into the word
    /// across even before an attributed statement (总司|令发言人…说，); one that stops on the
    /// dash of a range goes on into its number (0—|3岁). A line that is only a time or a
    /// connective (今年), or that stops on an adverb leading on to a verb (会议首先), is no
    /// headline.
    /// A dateline alone on its line (央视网消息（新闻联播）：) goes on into the running text under
    /// it; over a headline it heads a digest of stories and is left alone. Under a line that
    /// reads as a whole headline, a paragraph that starts mid-sentence lost its head (see
    /// `orphan-fragment`) unless the line names who speaks and the paragraph opens on a verb
    /// of saying (…发言人萨巴赫·努曼15日|说，).
    ///
    /// The next paragraph carries the sentence on unless it opens one of its own: a quotation,
    /// a dateline (本报讯, 新华社…电), a numbered point (一是, （二）), a time or a connective
    /// (今天, 与此同时), a date, an attributed statement (习近平指出，); see
    /// `rules/sentence-openers.txt`, or when the judgements of the break weighed together
    /// (`source/carry.rs`: trigram odds, a word across the join, how the paragraph starts,
    /// the parts of speech on either side) give ln odds of carrying on below
    /// `NEIGHBOUR_CARRY` (−1.6). Running text that leaves a bracket, a title mark or a
    /// quotation mark open goes on into a paragraph that closes it before opening one
    /// (今天（6月|26日）). Up to two headings, bylines or captions may stand between the
    /// halves on a strong sign (see `interrupting-heading`). A file where most lines that
    /// stop mid-sentence have the same length is hard-wrapped text, and is left alone.
    ///
    /// The model behind these judgements (`source/continuity.rs`, `source/ngram.rs`) is a
    /// word lattice over jieba's dictionary and the open-gram word trigram, both shipped in
    /// `rules/` with their licences.
    ///
    /// ## Fix safety
    /// The fix joins the two parts. It is safe when a dictionary word or a number runs across
    /// the break (跨|国企业), or the first part ends on a comma or 、 before an ordinary start
    /// and the trigram model does not find two sentences likelier; unsafe otherwise. When
    /// headings stand between the halves there is no fix: where the headings belong is for a
    /// person to decide.
    name: "split-paragraph",
    category: Structure,
    severity: Warning,
    default: true,
    fix: Sometimes,
}

pub(crate) fn build(value: Option<&toml::Value>) -> Result<Box<dyn Check>, String> {
    let _: super::NoOptions = options(value)?;
    Ok(Box::new(SplitParagraph))
}

struct SplitParagraph;

impl Check for SplitParagraph {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for split in &doc.flow().splits {
            out.push(diagnostic(doc, split));
        }
    }
}

fn diagnostic(doc: &Document, split: &Split) -> Diagnostic {
    let first = &doc.blocks[split.first];
    let second = &doc.blocks[split.second];
    let first_text = doc.block_text(first);
    let second_text = doc.block_text(second);
    let last = first_text.chars().next_back().map_or(0, char::len_utf8);
    let next = second_text.chars().next().map_or(0, char::len_utf8);
    let span = first.content.end - last..second.content.start + next;
    let headings = split.between.len();
    let message = if headings == 0 {
        "paragraph breaks off mid-sentence and the next paragraph carries it on".to_owned()
    } else {
        format!(
            "paragraph breaks off mid-sentence and carries on after {headings} heading{}",
            if headings == 1 { "" } else { "s" }
        )
    };
    let diagnostic = Diagnostic::new(META.name, span, message);
    if headings > 0 {
        return diagnostic
            .with_help("join the two parts of the sentence, and put the heading where it belongs");
    }
    // Two ASCII words or numbers would run together without a space.
    let ascii = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let joiner = if ascii(first_text.chars().next_back()) && ascii(second_text.chars().next()) {
        " "
    } else {
        ""
    };
    let edits = vec![Edit::replace(first.content.end..second.content.start, joiner)];
    let fix = if split.certain {
        Fix::safe("join the two parts", edits)
    } else {
        Fix::unsafe_("join the two parts", edits)
    };
    diagnostic.with_fix(fix)
}

#[cfg(test)]
mod tests {
    use crate::fix::Applicability;
    use crate::rules::test_support::{check, diagnostics, fixed};

    const RULE: &str = "split-paragraph";

    #[test]
    fn flags_a_sentence_carried_on_in_the_next_paragraph() {
        let text = "发展很快。纳更多高端创新机构、跨\n\n国企业等入驻重庆，注入活力。\n";
        assert_eq!(check(RULE, text), ["跨\n\n国"]);
        assert_eq!(
            fixed(RULE, text),
            "发展很快。纳更多高端创新机构、跨国企业等入驻重庆，注入活力。\n"
        );
        let fix = diagnostics(RULE, text).remove(0).fix.expect("a fix");
        assert_eq!(fix.applicability, Applicability::Safe);
        let text = "其次是建设产业集群。壮大电子元器件规模，\n\n实施软件产业“满天星”行动。\n";
        assert_eq!(check(RULE, text), ["，\n\n实"]);
        let text = "发展很快。重庆高新区以群众最为关切的问题\n\n为切入点，打破部门壁垒。\n";
        assert_eq!(check(RULE, text), ["题\n\n为"]);
        // Not certain: the fix is there, but unsafe.
        let fix = diagnostics(RULE, text).remove(0).fix.expect("a fix");
        assert_eq!(fix.applicability, Applicability::Unsafe);
        assert_eq!(
            fixed(RULE, text),
            "发展很快。重庆高新区以群众最为关切的问题为切入点，打破部门壁垒。\n"
        );
    }

    #[test]
    fn flags_a_split_across_headings_without_a_fix() {
        let text = "宗庆后演讲时表示，重庆同时向西、东和南拓展通道，积极与世界相连，让很多企业家有投资重\n\n### 展示西部地区形象\n\n# 三届西洽会\n\n庆的热情。倪元忠表示，优势明显。\n";
        let found = diagnostics(RULE, text);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("2 headings"));
        assert!(found[0].fix.is_none());
    }

    #[test]
    fn complete_paragraphs_and_fresh_starts_are_clean() {
        for text in [
            // Ends with a full stop, a closing quote after it, a note in brackets.
            "发展很快。\n\n转型加快。\n",
            "他说：“发展很快。”\n\n转型加快。\n",
            "发展很快。（完）\n\n转型加快。\n",
            // A colon or a dash that introduces what follows.
            "记者了解到，清单包括以下五个方面：\n\n一是场景方向类型多。\n",
            "为此，我市采取三项举措——\n\n加强组织领导。\n",
            // A credit or byline after the full stop.
            "打造离成功最近的地方。李建均\n\n近日，实验室收到样品。\n",
            "为月球科研站建设提供技术验证。黄政正/摄\n\n南宁高新区聚焦产业集群。\n",
            // Headings, captions, bylines, name lines and list items.
            "焦点二\n\n数字政府建设如何提升治理能力？\n",
            "□本报记者 吴刚 周光\n\n推进营商环境创新试点。\n",
            "明 炬 全国政协委员，市科技局党委书记、局长，市科学技术研究院院长\n\n邓 凌 教授\n",
            "主要工作包括\n\n- 加强领导\n- 完善机制\n",
            // A headline deck of one clause, no full stop, ending on a whole word.
            "代表党中央和国务院，向全国各族人民，向港澳台同胞和海外侨胞拜年\n\n李强主持 赵乐际出席\n",
            // The next paragraph opens something new.
            "搭建川渝住房公积金信息共享平\n\n“企业办事最怕的就是反复跑。”他说。\n",
            "发展很快。今年以来，始终坚持问题导向，刀刃向\n\n本报讯 近日，会议召开。\n",
        ] {
            assert_eq!(check(RULE, text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn hard_wrapped_text_is_left_alone() {
        let text = "今年以来，重庆高新区不断优化办事、审批等环节\n和流程，持续为企业减负，激发企业创业激情。据\n统计，新增市场主体一万余户，同比增长百分之\n十五。重庆高新区还出台了一系列政策措施，支持\n企业发展壮大。\n";
        assert_eq!(check(RULE, text), Vec::<String>::new());
    }
}
