//! How the paragraphs of a file run into one another. A page or column break in the
//! original leaves a paragraph that stops mid-sentence; what comes after it says which fault
//! it is: the same sentence carried on in the next paragraph (a split), past a heading
//! (an interrupting heading), elsewhere in the file (a truncation and its orphan), or
//! nowhere (a truncation). Four structure rules report from this one analysis, which is made
//! once per file and only looks at the ends and starts of paragraphs.

use super::chars::{is_closing_mark, is_han, is_sentence_end};
use super::words::{is_person_name, segment, word_spans};
use super::{BlockKind, Document, LineKind};
use regex::Regex;
use std::cell::OnceCell;
use std::ops::Range;
use std::sync::LazyLock;

/// Headings that may stand between the two halves of a split sentence.
const MAX_INTERRUPTING: usize = 2;
/// Characters on each side of a break that word segmentation looks at.
const JOIN_CONTEXT: usize = 6;
/// Characters a truncation or orphan diagnostic underlines at most.
const EDGE_CHARS: usize = 10;

#[derive(Debug, Default)]
pub struct Flow {
    pub splits: Vec<Split>,
    pub truncations: Vec<Truncation>,
    pub orphans: Vec<Orphan>,
}

/// A sentence broken across two paragraphs (block indices).
#[derive(Debug)]
pub struct Split {
    pub first: usize,
    pub second: usize,
    /// Headings or captions between the halves (empty when the halves are neighbours).
    pub between: Range<usize>,
    /// A word runs across the break, or the first half ends on a comma: joining is certain.
    pub certain: bool,
}

/// A paragraph that stops mid-sentence with no continuation after it.
#[derive(Debug)]
pub struct Truncation {
    pub block: usize,
    /// A paragraph elsewhere in the file that carries the sentence on.
    pub continuation: Option<usize>,
    /// What follows it instead.
    pub followed_by: Follower,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Follower {
    EndOfFile,
    Heading,
    Paragraph,
    Other,
}

/// A paragraph that starts mid-sentence.
#[derive(Debug)]
pub struct Orphan {
    pub block: usize,
    /// The truncated paragraph whose sentence it completes.
    pub head: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ending {
    /// The last sentence has its end mark.
    Complete,
    /// The last sentence stops without one.
    Open,
    /// Running text without any full stop that stops on a whole word: a long sentence cut
    /// at a word boundary, or a headline deck. Taken as open only when the next paragraph
    /// carries it on.
    Unsure,
}

/// What a block is, as far as the flow of sentences goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// Running text.
    Prose(Ending),
    /// A heading, or a short line without punctuation that stands as one (焦点二, a caption).
    Heading,
    /// A list item, a byline, a name-and-title line, a table row, a quote, code.
    Other,
}

/// Roles, worked out when first asked for: most paragraphs end with a full stop and are
/// never looked at again.
struct Roles<'d, 'a> {
    doc: &'d Document<'a>,
    cells: Vec<OnceCell<Role>>,
}

impl Roles<'_, '_> {
    fn get(&self, i: usize) -> Option<Role> {
        let block = self.doc.blocks.get(i)?;
        Some(*self.cells[i].get_or_init(|| role(self.doc.block_text(block), block.kind)))
    }

    fn is_prose(&self, i: usize) -> bool {
        matches!(self.get(i), Some(Role::Prose(_)))
    }
}

pub fn analyse(doc: &Document) -> Flow {
    let count = doc.blocks.len();
    let roles = Roles {
        doc,
        cells: vec![OnceCell::new(); count],
    };
    let text = |i: usize| doc.block_text(&doc.blocks[i]);
    let open: Vec<usize> = (0..count)
        .filter(|&i| doc.blocks[i].kind == BlockKind::Paragraph && may_stop_mid_sentence(text(i)))
        .filter(|&i| matches!(roles.get(i), Some(Role::Prose(Ending::Open | Ending::Unsure))))
        .collect();
    if !open.is_empty() && hard_wrapped(doc) {
        return Flow::default();
    }

    let mut flow = Flow::default();
    let mut continued = vec![false; count];
    for &i in &open {
        let mut j = i + 1;
        while roles.get(j) == Some(Role::Heading) && j - i - 1 < MAX_INTERRUPTING {
            j += 1;
        }
        let followed_by = match roles.get(i + 1) {
            None => Follower::EndOfFile,
            Some(Role::Heading) => Follower::Heading,
            Some(Role::Prose(_)) => Follower::Paragraph,
            Some(Role::Other) => Follower::Other,
        };
        // A list introduced without a colon is a style, not a lost sentence end.
        if doc
            .blocks
            .get(i + 1)
            .is_some_and(|b| b.kind == BlockKind::ListItem)
        {
            continue;
        }
        if roles.is_prose(j) {
            let (first, second) = (text(i), text(j));
            let spans = word_spans(han_tail(first), han_head(second));
            let joins = if j == i + 1 {
                spans || !opens_fresh(first, second)
            } else {
                spans
            };
            if joins {
                let certain = spans || first.ends_with(['，', '、', ',']);
                flow.splits.push(Split {
                    first: i,
                    second: j,
                    between: i + 1..j,
                    certain,
                });
                continued[j] = true;
                continue;
            }
        }
        if roles.get(i) == Some(Role::Prose(Ending::Unsure)) {
            continue;
        }
        flow.truncations.push(Truncation {
            block: i,
            continuation: None,
            followed_by,
        });
    }

    // A truncated sentence may go on far away: after a caption, under another heading. Only
    // a strong sign joins the two (a word across the break, a run of quoted terms), and only
    // a paragraph that does not follow running text can be its continuation.
    for truncation in &mut flow.truncations {
        let head = text(truncation.block);
        let found = (0..count).find(|&r| {
            r != truncation.block
                && !continued[r]
                && (r == 0 || !roles.is_prose(r - 1))
                && roles.is_prose(r)
                && (word_spans(han_tail(head), han_head(text(r))) || quoted_terms_run_on(head, text(r)))
        });
        if let Some(r) = found {
            continued[r] = true;
            truncation.continuation = Some(r);
            flow.orphans.push(Orphan {
                block: r,
                head: Some(truncation.block),
            });
        }
    }

    // A paragraph that starts with a mark no sentence starts with lost its head.
    for (r, &continues) in continued.iter().enumerate() {
        if !continues && starts_mid_sentence(text(r)) && roles.is_prose(r) {
            flow.orphans.push(Orphan { block: r, head: None });
        }
    }
    flow.orphans.sort_by_key(|o| o.block);
    flow
}

/// A cheap first look: text whose last character is a sentence end cannot stop mid-sentence.
fn may_stop_mid_sentence(text: &str) -> bool {
    !text
        .trim_end()
        .ends_with(|c: char| is_sentence_end(c) || matches!(c, '；' | '：' | '—'))
}

/// Text wrapped at a fixed width, a line break inside every paragraph: its lines stop
/// mid-sentence because of the layout, not because of a fault. Most of the lines that stop
/// mid-sentence then have the same length, give or take a character.
fn hard_wrapped(doc: &Document) -> bool {
    let mut lengths = std::collections::BTreeMap::<usize, usize>::new();
    let mut total = 0;
    for line in &doc.lines {
        let text = doc.slice(&line.content);
        if line.kind == LineKind::Text && !text.is_empty() && stops_mid_sentence(text) {
            *lengths.entry(text.chars().count()).or_default() += 1;
            total += 1;
        }
    }
    let count = |n: usize| lengths.get(&n).copied().unwrap_or(0);
    let most_alike = lengths
        .keys()
        .map(|&n| count(n.saturating_sub(1)) + count(n) + count(n + 1))
        .max()
        .unwrap_or(0);
    total >= 4 && most_alike * 2 >= total
}

fn role(text: &str, kind: BlockKind) -> Role {
    match kind {
        BlockKind::Heading(_) => return Role::Heading,
        BlockKind::Paragraph => {}
        _ => return Role::Other,
    }
    // Bulleted items (■ 用好数字化变革…), bylines (□本报记者), table rows.
    if text.starts_with(['■', '□', '●', '◆', '▲', '►', '•', '★', '☆', '◎'])
        || memchr::memchr2(b'|', b'\t', text.as_bytes()).is_some()
    {
        return Role::Other;
    }
    let (has_stop, clauses) = stops_and_clauses(text);
    if !has_stop {
        let chars = text.chars().count();
        if clauses == 0 && chars <= 40 {
            return Role::Heading;
        }
        // Running text without a full stop is a single long sentence; a headline deck or a
        // name-and-title line has commas too, and spaces between its parts.
        if clauses < 2 || chars < 30 || has_space_between_han(text) {
            return Role::Other;
        }
    }
    Role::Prose(if !stops_mid_sentence(text) {
        Ending::Complete
    } else if has_stop || ends_mid_word(text) {
        Ending::Open
    } else {
        Ending::Unsure
    })
}

/// Whether `text` holds a full stop (。！？), and how many clause marks (，、；,;) it
/// holds. The marks are found by their first byte, without decoding the Han between them.
fn stops_and_clauses(text: &str) -> (bool, usize) {
    let bytes = text.as_bytes();
    let (mut stop, mut clauses) = (false, 0);
    for i in memchr::memchr3_iter(0xE3, 0xEF, b',', bytes) {
        // A lead byte or an ASCII comma: always the start of a character.
        match text[i..].chars().next() {
            Some('。' | '！' | '？') => stop = true,
            Some('，' | '、' | '；' | ',') => clauses += 1,
            _ => {}
        }
    }
    (stop, clauses + memchr::memchr_iter(b';', bytes).count())
}

/// The paragraph's last sentence has no end mark.
fn stops_mid_sentence(text: &str) -> bool {
    let mut rest = text.trim_end();
    // Closing marks after a sentence end belong to that sentence (。” and 。（完）); a
    // bracketed note is looked through to what stands before it.
    loop {
        let Some(last) = rest.chars().next_back() else {
            return false;
        };
        if !is_closing_mark(last) {
            break;
        }
        let before = &rest[..rest.len() - last.len_utf8()];
        let opener = match last {
            '）' => Some('（'),
            ')' => Some('('),
            '】' => Some('【'),
            '〕' => Some('〔'),
            _ => None,
        };
        rest = match opener.and_then(|o| before.rfind(o)) {
            Some(at) => &before[..at],
            None => before,
        };
        if rest.chars().next_back().is_some_and(is_sentence_end) {
            return false;
        }
        if opener.is_none() {
            // A quoted term at the end of a sentence that did not end (“相向协作”).
            return true;
        }
    }
    let Some(last) = rest.chars().next_back() else {
        return false;
    };
    if is_sentence_end(last) || matches!(last, '；' | ';' | '：' | ':' | '—' | '.') {
        return false;
    }
    // A credit or a byline glued after the last full stop (。李建均, 。黄政正/摄) ends the
    // paragraph as surely as the full stop does.
    let tail = match rest.rfind(['。', '！', '？']) {
        Some(at) => rest[at + '。'.len_utf8()..].trim(),
        None => return true,
    };
    !is_credit(tail)
}

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[(（]?(?:图片来源|图片|来源|供图|图/|图：|图:|本报记者|记者|通讯员|特约|实习生|编辑|责任编辑)|(?:摄|供图|摄影)(?:/\S*)?$",
    )
    .expect("credit pattern")
});

/// A photo credit or the names of the authors (李璋 农国圣).
pub fn is_credit(tail: &str) -> bool {
    if tail.is_empty() {
        return false;
    }
    CREDIT.is_match(tail) || is_names(tail)
}

/// One to four names of two or three Han characters, separated by spaces or 、, the first
/// a person's name (李璋 农国圣).
pub fn is_names(tail: &str) -> bool {
    let names: Vec<&str> = tail
        .split([' ', '\u{3000}', '、'])
        .filter(|n| !n.is_empty())
        .collect();
    (1..=4).contains(&names.len())
        && names
            .iter()
            .all(|n| (2..=3).contains(&n.chars().count()) && n.chars().all(is_han))
        && is_person_name(names[0])
}

/// A paragraph without a full stop is taken to stop mid-sentence only when it stops on a
/// comma or inside a word (投资重|庆): a headline deck stops on a whole word.
fn ends_mid_word(text: &str) -> bool {
    if text.ends_with(['，', '、', ',']) {
        return true;
    }
    let tail = han_tail_of(text, 8);
    matches!(segment(tail, false).last(), Some(word) if word.chars().count() == 1)
}

fn has_space_between_han(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(3)
        .any(|w| is_han(w[0]) && matches!(w[1], ' ' | '\u{3000}') && is_han(w[2]))
}

static FRESH_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[“「『【\[■□●◆▲★•]|本报|新华社|央视网|中新网|人民网|据[^，。]{0,12}(?:报道|消息)|记者|通讯员|[一二三四五六七八九十]+(?:是|、|要|方面)|第[一二三四五六七八九十\d]+|首先|其次|再次|最后|此外|另外|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|[^，。！？\s]{0,16}\d+日电)",
    )
    .expect("fresh-start pattern")
});

/// The paragraph opens something new: a quotation, a dateline, a numbered point. The
/// sentence before it does not carry on into it.
fn opens_fresh(before: &str, text: &str) -> bool {
    FRESH_START.is_match(text) && !quoted_terms_run_on(before, text)
}

static QUOTED_RUN_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:“[^“”。，]{1,16}”){2,}$").expect("quoted run pattern"));
static QUOTED_TERM_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^“[^“”。，]{1,16}”[^\s，。、；：！？]").expect("quoted term pattern"));

/// A run of quoted terms (“共投共建”“相向协作”) broken off, carried on by a paragraph that
/// starts with one more (“共同争取”三类项目合作).
fn quoted_terms_run_on(before: &str, after: &str) -> bool {
    QUOTED_RUN_END.is_match(before.trim_end()) && QUOTED_TERM_START.is_match(after)
}

/// No sentence starts with a comma, a stop or a closing mark.
fn starts_mid_sentence(text: &str) -> bool {
    text.starts_with([
        '，', '、', '。', '；', '：', '！', '？', '）', '》', '」', '』', '】', '”', '’', ',', ';',
    ])
}

fn han_tail(text: &str) -> &str {
    han_tail_of(text, JOIN_CONTEXT)
}

/// The last `max` characters of `text` when they are Han (fewer where the Han run is shorter).
fn han_tail_of(text: &str, max: usize) -> &str {
    let text = text.trim_end();
    let start = text
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_han(c))
        .take(max)
        .last()
        .map_or(text.len(), |(i, _)| i);
    &text[start..]
}

/// The first characters of `text` when they are Han.
fn han_head(text: &str) -> &str {
    let end = text
        .char_indices()
        .take_while(|&(_, c)| is_han(c))
        .take(JOIN_CONTEXT)
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    &text[..end]
}

fn is_break_mark(c: char) -> bool {
    is_sentence_end(c) || matches!(c, '，' | '、' | '；' | '：' | ',' | ';' | ':')
}

/// The last characters of a block's content, back to the clause mark before them and at most
/// `EDGE_CHARS`: where a truncation is underlined.
pub fn tail_range(text: &str, base: usize) -> Range<usize> {
    let text = text.trim_end();
    let mut start = text.len();
    for (n, (i, c)) in text.char_indices().rev().enumerate() {
        if n >= EDGE_CHARS || (n > 0 && is_break_mark(c)) {
            break;
        }
        start = i;
    }
    base + start..base + text.len()
}

/// The first characters of a block's content, up to the first clause mark and at most
/// `EDGE_CHARS`: where an orphan is underlined.
pub fn head_range(text: &str, base: usize) -> Range<usize> {
    let mut end = 0;
    for (n, (i, c)) in text.char_indices().enumerate() {
        if n >= EDGE_CHARS || (n > 0 && is_break_mark(c)) {
            break;
        }
        end = i + c.len_utf8();
    }
    base..base + end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flow_of(text: &str) -> (Flow, Vec<String>) {
        let doc = Document::parse(text);
        let heads = doc
            .blocks
            .iter()
            .map(|b| doc.block_text(b).chars().take(4).collect())
            .collect();
        (analyse(&doc), heads)
    }

    #[test]
    fn roles() {
        assert_eq!(role("焦点二", BlockKind::Paragraph), Role::Heading);
        assert_eq!(
            role("□本报首席记者 杨骏 见习记者 王贵江", BlockKind::Paragraph),
            Role::Other
        );
        assert_eq!(
            role(
                "明 炬 全国政协委员，市科技局党委书记、局长，重庆市科学技术研究院院长",
                BlockKind::Paragraph
            ),
            Role::Other
        );
        assert_eq!(role("他说，我们要全面、", BlockKind::Paragraph), Role::Other);
        assert_ne!(
            role("记者了解到，清单包括以下五个方面：", BlockKind::Paragraph),
            Role::Prose(Ending::Open)
        );
        assert_eq!(
            role("发展很快。从数字化", BlockKind::Paragraph),
            Role::Prose(Ending::Open)
        );
        assert_eq!(
            role("发展很快。”", BlockKind::Paragraph),
            Role::Prose(Ending::Complete)
        );
        assert_eq!(
            role("发展很快。（完）", BlockKind::Paragraph),
            Role::Prose(Ending::Complete)
        );
        assert_eq!(
            role("发展很快。（记者 张三）", BlockKind::Paragraph),
            Role::Prose(Ending::Complete)
        );
        assert_eq!(
            role("发展很快，成效显著。（见图）", BlockKind::Paragraph),
            Role::Prose(Ending::Complete)
        );
        assert_eq!(
            role("推进“共投共建”“相向协作”", BlockKind::Paragraph),
            Role::Heading
        );
        assert_eq!(
            role("发展很快。推进“共投共建”“相向协作”", BlockKind::Paragraph),
            Role::Prose(Ending::Open)
        );
        assert_eq!(role("采取三项举措——", BlockKind::Paragraph), Role::Heading);
        assert_eq!(
            role("一是要加强领导，二是要完善机制。三是——", BlockKind::Paragraph),
            Role::Prose(Ending::Complete)
        );
    }

    #[test]
    fn credits_and_bylines() {
        for credit in [
            "李建均",
            "李璋 农国圣",
            "黄政正/摄",
            "记者 张锦辉 摄/视觉重庆",
            "图片来源:昆明高新区",
        ] {
            assert!(is_credit(credit), "{credit}");
        }
        for text in ["从数字化", "2021年", "线下", "到智能化再到"] {
            assert!(!is_credit(text), "{text}");
        }
    }

    #[test]
    fn split_truncation_and_orphan() {
        let (flow, _) = flow_of("今年经济向好。从数字化\n\n到智能化再到智慧化，转型加快。\n");
        assert_eq!(flow.splits.len(), 1);
        assert!(!flow.splits[0].certain);
        let (flow, _) = flow_of("发展很快。吸纳高端创新机构、跨\n\n国企业等入驻重庆。\n");
        assert!(flow.splits[0].certain);
        let (flow, _) = flow_of("发展很快。优化政府精准服\n\n焦点三\n\n推进营商环境创新。\n");
        assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 1));
        assert_eq!(flow.truncations[0].followed_by, Follower::Heading);
        let (flow, _) =
            flow_of("发展很快。让很多企业家有投资重\n\n### 展示形象\n\n庆的热情。他表示，优势明显。\n");
        assert_eq!(flow.splits[0].between, 1..2);
        let (flow, _) = flow_of(
            "“共同争取”三类项目合作，加快形成支撑。\n\n下一步，发力。\n\n首先是推进。推进“共投共建”“相向协作”\n",
        );
        assert_eq!(flow.truncations[0].continuation, Some(0));
        assert_eq!(flow.orphans[0].head, Some(2));
        let (flow, _) = flow_of("标题\n\n，破解传统手段难以解决的顽疾。\n");
        assert_eq!(flow.orphans.len(), 1);
    }

    #[test]
    fn edges() {
        let text = "利用信息技术，全面、";
        assert_eq!(&text[tail_range(text, 0)], "全面、");
        let text = "学生入学报名“多头跑”问题，上线";
        assert_eq!(&text[head_range(text, 0)], "学生入学报名“多头跑");
    }
}
