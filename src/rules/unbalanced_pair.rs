use crate::diagnostic::Diagnostic;
use crate::rule::{Check, declare_rule, options};
use crate::source::chars::is_sentence_end;
use crate::source::{BlockKind, Document};

declare_rule! {
    /// ## What it does
    /// Finds an opening quote or bracket without its closing one in the same paragraph, or a
    /// closing one without its opening one: “” ‘’ 《》 （） 【】 「」 『』 〈〉 and the ASCII
    /// look-alikes `( )` and `"`.
    ///
    /// ## Why is this bad
    /// A lost mark usually means lost text: a paragraph cut by a page break, a head that went
    /// elsewhere. It also breaks every tool that extracts quotations or titles.
    ///
    /// ## Example
    /// ```text
    /// 打造融合式养老服务新模式。“同时，上线“渝悦·救助”和“精神卫生”2个应用。
    /// ```
    /// The first “ is never closed.
    ///
    /// Not flagged: the convention of a quotation running over several paragraphs (each opens
    /// with “ and only the last closes), a paragraph whose sentence carries on in the next one
    /// and closes there, and the apostrophe in English words (China’s).
    ///
    /// ## Fix safety
    /// No fix: where the missing mark belongs is for a person to decide.
    name: "unbalanced-pair",
    category: Characters,
    severity: Warning,
    default: true,
    fix: None,
}

pub(crate) fn build(value: Option<&toml::Value>) -> Result<Box<dyn Check>, String> {
    let _: super::NoOptions = options(value)?;
    Ok(Box::new(UnbalancedPair))
}

struct UnbalancedPair;

/// Pair families: ASCII look-alikes belong to the family of their full-width form.
const FAMILIES: &[(&[char], &[char])] = &[
    (&['“'], &['”']),
    (&['‘'], &['’']),
    (&['《'], &['》']),
    (&['（', '('], &['）', ')']),
    (&['【'], &['】']),
    (&['「'], &['」']),
    (&['『'], &['』']),
    (&['〈'], &['〉']),
];

#[derive(Clone, Copy)]
enum Mark {
    Open(usize),
    Close(usize),
}

fn classify(c: char) -> Option<Mark> {
    FAMILIES.iter().enumerate().find_map(|(f, (opens, closes))| {
        if opens.contains(&c) {
            Some(Mark::Open(f))
        } else if closes.contains(&c) {
            Some(Mark::Close(f))
        } else {
            None
        }
    })
}

/// Unmatched marks of one paragraph, given as its parts (more than one when a break split
/// it): (byte offset, char, is_open).
fn unmatched<'t>(parts: impl Iterator<Item = Part<'t>> + Clone) -> Vec<(usize, char, bool)> {
    // Nearly every paragraph is balanced: counting tells so without keeping positions.
    let mut depth = [0i32; FAMILIES.len()];
    let mut straight = 0usize;
    let mut balanced = true;
    for (_, c) in pair_marks(parts.clone()) {
        match classify(c) {
            _ if c == '"' => straight += 1,
            Some(Mark::Open(f)) => depth[f] += 1,
            Some(Mark::Close(f)) => {
                depth[f] -= 1;
                balanced &= depth[f] >= 0;
            }
            None => {}
        }
    }
    if balanced && usize::is_multiple_of(straight, 2) && depth.iter().all(|&d| d == 0) {
        return Vec::new();
    }
    let mut stacks: [Vec<(usize, char)>; FAMILIES.len()] = Default::default();
    let mut lone = Vec::new();
    let mut straight = Vec::new();
    for (i, c) in pair_marks(parts) {
        if c == '"' {
            straight.push((i, c));
            continue;
        }
        match classify(c) {
            Some(Mark::Open(f)) => stacks[f].push((i, c)),
            Some(Mark::Close(f)) if stacks[f].pop().is_none() => lone.push((i, c, false)),
            Some(Mark::Close(_)) | None => {}
        }
    }
    lone.extend(stacks.into_iter().flatten().map(|(i, c)| (i, c, true)));
    if !straight.len().is_multiple_of(2) {
        let (i, c) = straight[straight.len() - 1];
        lone.push((i, c, true));
    }
    lone
}

/// A block's text, where it starts, and the document's punctuation offsets within it.
type Part<'t> = (&'t str, usize, &'t [u32]);

/// The quote and bracket marks of the parts, with their offsets in the document; an
/// apostrophe (China’s) is not one.
fn pair_marks<'t>(parts: impl Iterator<Item = Part<'t>>) -> impl Iterator<Item = (usize, char)> {
    parts.flat_map(|(text, base, offsets)| {
        marks(text, offsets, base)
            .filter(move |&(i, c)| {
                c != '’' || {
                    let prev = text[..i].chars().next_back().unwrap_or('\n');
                    let next = text[i + c.len_utf8()..].chars().next().unwrap_or('\n');
                    !(prev.is_alphabetic() && next.is_ascii_alphabetic())
                }
            })
            .map(move |(i, c)| (base + i, c))
    })
}

/// The quote and bracket marks of `text` (which starts at byte `base`), picked from the
/// document's punctuation `offsets` by their UTF-8 bytes: ASCII `( ) "`, “”‘’ (E2 80 ..),
/// the CJK brackets 〈〉《》「」『』【】 (E3 80 ..) and （） (EF BC ..).
fn marks<'t>(text: &'t str, offsets: &'t [u32], base: usize) -> impl Iterator<Item = (usize, char)> + 't {
    let bytes = text.as_bytes();
    let next = move |i: usize, k: usize| bytes.get(i + k).copied().unwrap_or(0);
    offsets
        .iter()
        .map(move |&m| m as usize - base)
        .filter_map(move |i| {
            let is_mark = match bytes[i] {
                b'(' | b')' | b'"' => true,
                0xE2 => next(i, 1) == 0x80 && matches!(next(i, 2), 0x98 | 0x99 | 0x9C | 0x9D),
                0xE3 => next(i, 1) == 0x80 && matches!(next(i, 2), 0x88..=0x91),
                0xEF => next(i, 1) == 0xBC && matches!(next(i, 2), 0x88 | 0x89),
                _ => false,
            };
            is_mark.then(|| (i, text[i..].chars().next().expect("a mark starts a character")))
        })
}

impl Check for UnbalancedPair {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let blocks: Vec<usize> = (0..doc.blocks.len())
            .filter(|&n| doc.blocks[n].kind != BlockKind::Code)
            .collect();
        // Nearly every paragraph is balanced on its own, and halves balanced on their own
        // make a balanced whole: which paragraphs are halves of one (the flow analysis, the
        // costly part) is asked only of a file with a paragraph that is not.
        // A block as a part of a paragraph: its text, where it starts, its marks.
        let alone = |n: usize| {
            let block = &doc.blocks[n];
            (
                doc.block_text(block),
                block.content.start,
                doc.marks(&block.content),
            )
        };
        if blocks
            .iter()
            .all(|&n| unmatched(std::iter::once(alone(n))).is_empty())
        {
            return;
        }
        // The halves of a split paragraph are checked as one paragraph.
        let mut carried_on = vec![None; doc.blocks.len()];
        for split in &doc.flow().splits {
            carried_on[split.first] = Some(split.second);
        }
        let mut is_second_half = vec![false; doc.blocks.len()];
        for &second in carried_on.iter().flatten() {
            is_second_half[second] = true;
        }
        for (k, &n) in blocks.iter().enumerate() {
            if is_second_half[n] {
                continue;
            }
            let group = std::iter::successors(Some(n), |&g| carried_on[g]);
            let lone = unmatched(group.clone().map(alone));
            if lone.is_empty() {
                continue;
            }
            let block = &doc.blocks[n];
            let last = group.last().expect("not empty");
            let text = doc.block_text(&doc.blocks[last]);
            let neighbour = |n: Option<usize>| n.map_or("", |n| doc.block_text(&doc.blocks[n]));
            let next = neighbour(blocks.iter().copied().find(|&b| b > last));
            let prev = neighbour(k.checked_sub(1).map(|p| blocks[p]));
            let ends_mid_sentence = !text
                .trim_end()
                .chars()
                .next_back()
                .is_some_and(|c| is_sentence_end(c) || crate::source::chars::is_closing_mark(c));
            let is_prose = |k: BlockKind| matches!(k, BlockKind::Paragraph | BlockKind::Quote);
            for (i, c, open) in lone {
                let excused = if open {
                    // A quotation running on: the next paragraph opens again with the same mark.
                    let runs_on = next.starts_with(c) && is_prose(block.kind);
                    // A paragraph broken mid-sentence whose other half closes the mark.
                    let closed_later =
                        ends_mid_sentence && closing_of(c).is_some_and(|close| next.contains(close));
                    runs_on || closed_later
                } else {
                    let starts_mid = !prev.trim_end().chars().next_back().is_some_and(is_sentence_end);
                    k > 0 && starts_mid && opening_of(c).is_some_and(|open| prev.contains(open))
                };
                if excused {
                    continue;
                }
                let message = if open {
                    format!("`{c}` is opened and never closed in this paragraph")
                } else {
                    format!("`{c}` closes a mark that was never opened in this paragraph")
                };
                out.push(
                    Diagnostic::new(META.name, i..i + c.len_utf8(), message)
                        .with_help("a mark was lost, or the paragraph was cut: look for the missing text"),
                );
            }
        }
    }
}

fn closing_of(c: char) -> Option<char> {
    if c == '"' {
        return Some('"');
    }
    FAMILIES
        .iter()
        .find(|(opens, _)| opens.contains(&c))
        .map(|(_, closes)| closes[0])
}

fn opening_of(c: char) -> Option<char> {
    FAMILIES
        .iter()
        .find(|(_, closes)| closes.contains(&c))
        .map(|(opens, _)| opens[0])
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::check;

    const RULE: &str = "unbalanced-pair";

    #[test]
    fn a_balanced_file_needs_no_flow_analysis() {
        use crate::rule::Check;
        use crate::source::Document;
        let check = |text: &str| {
            let doc = Document::parse(text);
            let mut out = Vec::new();
            super::UnbalancedPair.check(&doc, &mut out);
            (out.len(), doc.flow_analysed())
        };
        assert_eq!(
            check("他说：“我们很满意。”\n\n会议通过了《决定》。\n"),
            (0, false)
        );
        // A quotation split across a page break: the halves are read together.
        assert_eq!(check("他说：“我们很满\n\n意。”\n"), (0, true));
    }

    #[test]
    fn flags_unclosed_and_unopened_marks() {
        let text = "打造新模式。“同时，上线“渝悦·救助”和“精神卫生”2个应用。";
        assert_eq!(check(RULE, text), ["“"]);
        assert_eq!(check(RULE, "他说：好。”然后走了。"), ["”"]);
        assert_eq!(check(RULE, "见《人民日报。"), ["《"]);
        assert_eq!(check(RULE, "西部(重庆科学城。"), ["("]);
        assert_eq!(check(RULE, "他说\"好。"), ["\""]);
    }

    #[test]
    fn balanced_text_and_conventions_are_clean() {
        for text in [
            "“一老一小一弱”基本公共服务，《关于加强数字政府建设的指导意见》（试行）。",
            "“第一段引文。\n\n“第二段引文。\n\n“最后一段。”他说。",
            "他说：“我们将继续\n\n努力。”",
            "China’s economy grew.",
            "西部(重庆)科学城，“‘急难愁盼’问题”。",
            // The halves of a split paragraph are one paragraph, headings between them or not.
            "宗庆后演讲时表示，重庆同时向西、东和南拓展通道，积极与世界相连，“让很多企业家有投资重\n\n### 展示西部地区形象\n\n庆的热情。”他说。",
        ] {
            assert_eq!(check(RULE, text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn near_misses() {
        // The next paragraph opens a different mark: the quote is still unclosed.
        assert_eq!(check(RULE, "“第一段。\n\n《第二段》。"), ["“"]);
        // A paragraph that ended its sentence does not borrow the next one's closer.
        assert_eq!(check(RULE, "“第一段。\n\n第二段。”"), ["“", "”"]);
    }
}
