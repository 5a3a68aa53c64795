use crate::diagnostic::Diagnostic;
use crate::rule::{Check, declare_rule, options};
use crate::source::Document;
use crate::source::flow::{head_range, tail_range};

declare_rule! {
    /// ## What it does
    /// Finds a paragraph that starts mid-sentence: its head was lost, or stands elsewhere in
    /// the file. The diagnostic underlines the paragraph's first characters; when the
    /// truncated paragraph it completes is found, a related span points at it.
    ///
    /// ## Why is this bad
    /// A page or column break moved the start of the sentence away, or lost it; the fragment
    /// reads as nonsense on its own.
    ///
    /// ## Example
    /// ```text
    /// ，破解传统手段难以解决的顽疾。
    /// ```
    ///
    /// Three signs are used: the paragraph starts with a mark no sentence starts with (，、。；
    /// a closing quote or bracket, %), or inside a pair of marks, a number, a date or a dateline
    /// (日）召开…, 0到1000亩…, 消息（新闻联播）：…), also right under a line that reads as a
    /// whole headline (a digest's story that lost its head); it starts with the end of a word (济社会发展, lost 经) or
    /// a character that never opens a sentence (的, 们, 了…), as the dictionary reads it: the
    /// first character stands alone and ends longer words far more often than it stands
    /// alone (`STARTS_INSIDE_WORD`), by a wider margin when it is a preposition, conjunction,
    /// pronoun, adverb, numeral, time word, verb, adjective or surname
    /// (`OPENER_STARTS_INSIDE_WORD`), or with a word that only stands between what it joins
    /// (和信息化部…, 至10日…: `JOINING_WORDS`), a preposition or an adverb alone before a comma
    /// (则，进行…: `NO_CLAUSE_TAGS`), a verb alone before 的, 把 or 和 (发的洪水…:
    /// `RARE_BEFORE_FUNCTION_WORD`) or a verb alone as its first clause that no report opens with
    /// (配合，…; not 据悉，); or it completes a truncated paragraph elsewhere in the file
    /// (see `truncated-paragraph`). A paragraph that opens with a sentence opener or a name
    /// (代小红说：), with places abbreviated to a character each (京港高铁…, 德方愿…) or with a
    /// verb said twice with 着 (品着品着，…) is a start. In a file that sets each sentence as a
    /// paragraph (90% or more of at least eight paragraphs that end on a stop hold no other:
    /// `SENTENCE_LAYOUT_PERCENT`, `SENTENCE_LAYOUT_PARAGRAPHS`), a paragraph opens as sentences
    /// do, and the signs that only a paragraph's opening makes unlikely (a first word that
    /// seldom opens one, the "starts here?" odds, a paragraph of a few words) are not read as
    /// a lost head. A paragraph that directly carries on the one before it is a
    /// split (`split-paragraph`), not an orphan. A fragment that starts with a whole word and
    /// has no partner in the file cannot be told from a new sentence, and is not reported.
    ///
    /// ## Fix safety
    /// No fix: the lost words have to come from the original.
    name: "orphan-fragment",
    category: Structure,
    severity: Warning,
    default: true,
    fix: None,
}

pub(crate) fn build(value: Option<&toml::Value>) -> Result<Box<dyn Check>, String> {
    let _: super::NoOptions = options(value)?;
    Ok(Box::new(OrphanFragment))
}

struct OrphanFragment;

impl Check for OrphanFragment {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for orphan in &doc.flow().orphans {
            let block = &doc.blocks[orphan.block];
            let span = head_range(doc.block_text(block), block.content.start);
            let mut diagnostic = Diagnostic::new(META.name, span, "paragraph starts mid-sentence")
                .with_help("restore the start of the sentence from the original");
            if let Some(index) = orphan.head {
                let head = &doc.blocks[index];
                diagnostic = diagnostic
                    .with_related(
                        tail_range(doc.block_text(head), head.content.start),
                        "the sentence seems to start here",
                    )
                    .with_help("move it after the paragraph whose sentence it completes");
            }
            out.push(diagnostic);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{check, diagnostics};

    const RULE: &str = "orphan-fragment";

    #[test]
    fn flags_a_paragraph_that_starts_with_a_mark() {
        let text = "数字重庆建设场景机会清单发布\n\n，破解传统手段难以解决的顽疾。\n";
        assert_eq!(check(RULE, text), ["，破解传统手段难以解"]);
        assert_eq!(check(RULE, "标题\n\n”他说。\n"), ["”他说"]);
    }

    #[test]
    fn flags_the_rest_of_a_truncated_sentence() {
        let text = "记者 张锦辉 摄\n\n“共同争取”三类项目合作，加快形成重要支撑。\n\n首先是联动。推进与成都“共投共建”“相向协作”\n\n□本报记者 杨骏\n";
        let found = diagnostics(RULE, text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.range()], "“共同争取”三类项目");
        assert_eq!(&text[found[0].related[0].span.range()], "投共建”“相向协作”");
    }

    #[test]
    fn ordinary_starts_are_clean() {
        for text in [
            "标题\n\n“企业办事最怕的就是反复跑。”他说。\n",
            "标题\n\n《规划》提出，加快发展。\n",
            "标题\n\n（一）加强组织领导。\n",
            "标题\n\n……这是最后一段。\n",
            // The second half of a split is not an orphan.
            "发展很快。从数字化\n\n到智能化再到智慧化。\n",
            // A quoted term at the start, with no truncated paragraph to complete.
            "标题\n\n“放管服”改革持续深化。\n",
        ] {
            assert_eq!(check(RULE, text), Vec::<String>::new(), "{text}");
        }
    }
}
