//! How the paragraphs of a file run into one another. A page or column break in the
//! original leaves a paragraph that stops mid-sentence; what comes after it says which fault
//! it is: the same sentence carried on in the next paragraph (a split), past a heading
//! (an interrupting heading), elsewhere in the file (a truncation and its orphan), or
//! nowhere (a truncation). Four structure rules report from this one analysis, which is made
//! once per file and only looks at the ends and starts of paragraphs.

use super::carry;
use super::char_model::CharModel;
use super::chars::{first_chars, is_closing_mark, is_han, is_sentence_end, last_chars};
use super::continuity;
use super::opening;
use super::words::{is_person_name, may_be_listed_name, names_a_person};
use super::{BlockKind, Document, LineKind};
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::{OnceCell, RefCell};
use std::ops::Range;
use std::sync::LazyLock;

/// How many blocks away the rest of a truncated sentence is looked for: a page break moves
/// text by a column or two, and the bound keeps a file of many truncations linear.
const MAX_MOVED_BLOCKS: usize = 12;
/// How many blocks away a paragraph that reads on better than the next one is looked for:
/// the head of a sentence moved down the page by a column or so.
const MAX_RIVAL_BLOCKS: usize = 4;
/// How many truncations of a file may look for their quoted-term continuation in the whole
/// file.
const MAX_WHOLE_FILE_SCANS: usize = 16;
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
    /// A word or a number runs across the break, or the first half ends on a comma before
    /// words that read well together: joining is certain.
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
    /// A long text without a full stop or a comma that stops on a whole word: a long
    /// sentence cut at a word boundary, or a headline. Taken as open only when the next
    /// paragraph carries it on. (Running text with a comma and no full stop at its end is
    /// open: edited news ends its paragraphs with one, 1 in 2,500 on corpus-dev does not.)
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
struct Roles<'d, 'a, 'm> {
    doc: &'d Document<'a>,
    model: Model<'m>,
    cells: Vec<OnceCell<Role>>,
    headless: Vec<OnceCell<bool>>,
    deck: Vec<OnceCell<bool>>,
}

impl Roles<'_, '_, '_> {
    fn get(&self, i: usize) -> Option<Role> {
        let block = self.doc.blocks.get(i)?;
        Some(*self.cells[i].get_or_init(|| role(self.doc.block_text(block), block.kind)))
    }

    /// Block `i` starts as no sentence does: with a mark, or with the end of a word.
    fn headless(&self, i: usize) -> bool {
        *self.headless[i].get_or_init(|| {
            let text = self.doc.block_text(&self.doc.blocks[i]);
            starts_mid_sentence(text)
                || starts_inside(text, self.model)
                || opening_unlikely(text)
                || i > 0 && short_paragraph_lost(text)
        })
    }

    /// Block `i` reads as a deck or summary line (see `may_be_deck`).
    fn may_be_deck(&self, i: usize) -> bool {
        *self.deck[i].get_or_init(|| {
            self.get(i)
                .is_some_and(|role| may_be_deck(self.doc.block_text(&self.doc.blocks[i]), role))
        })
    }

    fn is_prose(&self, i: usize) -> bool {
        matches!(self.get(i), Some(Role::Prose(_)))
    }

    /// Block `i` stands where deck (summary) lines stand: at the top of the article or under
    /// a subheading, after nothing but headings, bylines, bulleted lines and other lines
    /// without a full stop.
    fn in_deck_position(&self, i: usize) -> bool {
        self.deck_place(i).is_some()
    }

    /// Where block `i` stands as a deck line: `Some(false)` at the top of the article (under
    /// its title, with nothing but headings, bylines and lines without a full stop between),
    /// `Some(true)` under a subheading, `None` in the body.
    fn deck_place(&self, i: usize) -> Option<bool> {
        // Past a heading or a byline, the walk goes on only to tell the top from a subheading.
        let mut past_heading = false;
        let mut deck_lines = 0;
        let mut k = i;
        for _ in 0..MAX_TOP_LINES {
            if k == 0 {
                return Some(false);
            }
            k -= 1;
            match self.get(k) {
                Some(Role::Prose(_)) if self.may_be_deck(k) => {
                    deck_lines += usize::from(!past_heading);
                    if deck_lines == MAX_DECK_LINES {
                        return None;
                    }
                }
                Some(Role::Prose(_)) => return past_heading.then_some(true),
                _ => past_heading = true,
            }
        }
        past_heading.then_some(true)
    }
}

/// Where a note of pictures at the end of `text` starts: （附图片2张）, （图片）, （组图）, （图）,
/// （视频）.
fn picture_note(text: &str) -> Option<usize> {
    let inside = text.strip_suffix(['）', ')'])?;
    let open = inside.rfind(['（', '('])?;
    let note = inside[open..].trim_start_matches(['（', '(']);
    let counted = |rest: &str| {
        let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        rest.is_empty() || rest == "张"
    };
    let is_note = ["组图", "图", "视频", "图片"].contains(&note)
        || note
            .strip_prefix("附图片")
            .and_then(|n| n.strip_suffix('张'))
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        || note.strip_prefix("图片").is_some_and(counted);
    is_note.then_some(open)
}

/// A headline that quotes someone whole (“要干，就跨一大步”), or that a dash joins to its
/// subtitle (珀斯，留下问号——评世锦赛上的中国跳水; 突破口如何突破？——纺织总会会长谈…): papers'
/// headlines, never running text, which ends with a full stop.
fn is_headline_in_parts(text: &str) -> bool {
    let text = text.trim();
    // Most lines neither open with a quotation mark nor hold a dash, and most are longer (a
    // character takes at most 4 bytes).
    if !text.starts_with(['“', '『', '「']) && !text.contains("——")
        || text.len() > 4 * MAX_HEADLINE_PARTS_CHARS
        || text.chars().nth(MAX_HEADLINE_PARTS_CHARS).is_some()
        || text.contains('。')
    {
        return false;
    }
    let quoted = [('“', '”'), ('『', '』'), ('「', '」')]
        .iter()
        .any(|&(open, close)| {
            text.strip_prefix(open)
                .and_then(|inside| inside.strip_suffix(close))
                .is_some_and(|inside| !inside.contains([open, close]))
        });
    // The title before the dash is a headline of its own, in two parts (珀斯，留下问号) or a
    // question, that opens as no sentence does: running text names a thing before a dash
    // (这几天，南水北调首个后续工程——引江补汉工程).
    let subtitled = text.rsplit_once("——").is_some_and(|(title, subtitle)| {
        title.contains(['，', '？', '！'])
            && !OPENS_SENTENCE.is_match(title)
            && !opens_with_a_pronoun(title)
            && subtitle.chars().nth(1).is_some()
            && subtitle
                .chars()
                .all(|c| is_han(c) || c.is_ascii_alphanumeric() || matches!(c, '《' | '》' | '“' | '”' | '·'))
    });
    quoted || subtitled
}

/// The longest headline in parts, in characters.
const MAX_HEADLINE_PARTS_CHARS: usize = 40;

/// A list of people, one name after another (丁衡高、千奋勇（蒙古族）、马思忠（回族）、王力平…),
/// as papers print the members of a body: a name-and-title line, not a sentence.
fn is_list_of_names(text: &str) -> bool {
    if memchr::memmem::find_iter(text.as_bytes(), "、".as_bytes())
        .nth(1)
        .is_none()
    {
        return false;
    }
    // Notes in brackets (（女，傣族）) go with the name before them.
    let mut plain = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.trim().chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let plain = plain.strip_suffix('等').unwrap_or(&plain);
    let items: Vec<&str> = plain.split('、').collect();
    let name = |item: &&str| may_be_listed_name(item) || is_foreign_name(item);
    // The last name is whole: a cut list stops on a surname or runs into a verb (姜信治出).
    let last_whole = items.last().is_some_and(|last| {
        is_foreign_name(last) || (2..=3).contains(&last.chars().count()) && may_be_listed_name(last)
    });
    // A few names the list may spell oddly (a lone character where the press had no type).
    let odd = items
        .iter()
        .filter(|item| {
            !(2..=MAX_LISTED_NAME_CHARS).contains(&item.chars().count())
                || !item.chars().all(|c| is_han(c) || c == '·')
        })
        .count();
    last_whole
        && 10 * odd <= items.len()
        && 4 * items.iter().filter(|item| name(item)).count() >= 3 * items.len()
}

/// A name spelt with a middle dot (阿不都热依木·阿米提).
fn is_foreign_name(item: &str) -> bool {
    item.contains('·') && !item.starts_with('·') && !item.ends_with('·')
}

/// The longest name in a list of names, in characters (乌拉迪米尔·尼克来耶维奇·孜缅科).
const MAX_LISTED_NAME_CHARS: usize = 16;

/// A table's or a picture's caption (表1：镇区占地面积…, 图①：): a label, not a sentence.
fn is_table_caption(text: &str) -> bool {
    let Some(rest) = text.strip_prefix(['表', '图']) else {
        return false;
    };
    let numbered = rest.trim_start();
    let label = numbered.trim_start_matches(|c: char| {
        c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || ('①'..='⑳').contains(&c)
            || CHINESE_NUMERALS.contains(c)
    });
    label.len() < numbered.len() && label.trim_start().starts_with(['：', ':'])
}

/// The longest line read as a heading, in characters.
const MAX_HEADING_CHARS: usize = 40;

/// Deck lines in a row, at most: a commentary has two or three.
const MAX_DECK_LINES: usize = 4;

/// Lines above a deck line looked at to tell the top of an article from a subheading.
const MAX_TOP_LINES: usize = 8;

/// Block `i`'s words stand again in a block of the story under it: a deck line that quotes
/// the body. Only the next `MAX_PULLED_BLOCKS` blocks are read, so that a long text with many
/// such lines stays linear.
fn pulled_quote(doc: &Document, i: usize) -> bool {
    let line = doc.block_text(&doc.blocks[i]).trim();
    line.chars().nth(MIN_PULLED_CHARS).is_some()
        && doc.blocks[i + 1..]
            .iter()
            .take(MAX_PULLED_BLOCKS)
            .any(|block| doc.block_text(block).contains(line))
}

/// Characters a deck line needs to be taken for a quotation of the body.
const MIN_PULLED_CHARS: usize = 8;
/// Blocks after a deck line searched for the sentence it quotes.
const MAX_PULLED_BLOCKS: usize = 40;

/// Lines with their stops under headings, and no other line without one there, that make a
/// text one without deck lines.
const STOPPED_UNDER_HEADINGS: usize = 3;
/// The longest deck line, in characters.
const MAX_DECK_CHARS: usize = 60;

/// A deck or summary line is one sentence of moderate length without its stop, and stops on
/// a word: a semicolon joins the sentences of running text, and a comma says more follows.
/// (Its last word may be one the dictionary lacks: 靶向药, 变革期.)
fn may_be_deck(text: &str, role: Role) -> bool {
    match role {
        Role::Heading | Role::Prose(Ending::Unsure) => {}
        Role::Prose(Ending::Open) if !text.ends_with(['，', '、', ',']) => {}
        _ => return false,
    }
    // A character takes one to four bytes: count only where that leaves a doubt.
    let short = text.len() <= MAX_DECK_CHARS
        || text.len() <= 4 * MAX_DECK_CHARS && text.chars().count() <= MAX_DECK_CHARS;
    short
        && {
            let marks = census(text);
            !marks.stop && !marks.semicolon && !marks.unclosed()
        }
        && !is_dateline(text)
}

/// A dateline or a source (央视网消息（新闻联播）：, 新华社北京3月5日电, 本报讯) opens the body of a
/// story, never a deck or a heading (本报评论员 is a byline).
fn is_dateline(text: &str) -> bool {
    const AGENCIES: [&str; 6] = ["本报讯", "新华社", "央视网", "中新网", "人民网", "新华网"];
    if AGENCIES.iter().any(|a| text.starts_with(a)) {
        return true;
    }
    // Most paragraphs have neither word near their start (a character takes at most 4 bytes).
    let window = &text.as_bytes()[..text.len().min(4 * DATELINE_CHARS)];
    if DATELINE_WORDS.iter().all(|word| word.find(window).is_none()) {
        return false;
    }
    // The first clause, within a few characters: 北京3月5日电, 据央视新闻消息：
    let head: &str = text
        .char_indices()
        .nth(DATELINE_CHARS)
        .map_or(text, |(at, _)| &text[..at]);
    let head = head.split(['，', '。', '！', '？']).next().unwrap_or_default();
    head.contains("日电") || head.contains("消息（") || head.contains("消息：") || head.contains("消息(")
}

/// A dateline and its colon, alone on a line (央视网消息（新闻联播）：): the story it opens was
/// broken off from it.
fn dateline_alone(text: &str) -> bool {
    let text = text.trim_end();
    let Some(dateline) = text.strip_suffix(['：', ':']) else {
        return false;
    };
    // Its source's words end it (央视网消息, 新华社北京1月25日电, 本报讯), perhaps with the
    // programme in brackets.
    let source = dateline
        .strip_suffix(['）', ')'])
        .and_then(|inner| inner.rsplit_once(['（', '(']))
        .map_or(dateline, |(source, _)| source);
    dateline.chars().nth(DATELINE_CHARS).is_none()
        && ["消息", "电", "讯"].iter().any(|end| source.ends_with(end))
        && is_dateline(text)
}

/// `text` opens a story with its dateline or the paper's lead (新华社北京1月25日电, 本报讯,
/// 本报北京1月15日讯): the line over it is the story's headline.
fn opens_a_story(text: &str) -> bool {
    is_dateline(text) || text.starts_with("本报") && !is_signature(text)
}

/// `text` opens a story (`opens_a_story`), names who wrote it or greets a letter's reader
/// (本报记者许立群, 编辑同志：): the lines over it are the story's headlines.
fn heads_a_story(text: &str) -> bool {
    let text = text.trim_end();
    opens_a_story(text)
        || is_signature(text)
        || text.ends_with('：') && text.chars().nth(SALUTATION_CHARS).is_none()
}

/// The longest salutation of a letter (编辑同志：, 尊敬的各位来宾：), in characters.
const SALUTATION_CHARS: usize = 10;

/// A story's first paragraph: its dateline, then the story's text (央视网消息（新闻联播）：在内
/// 蒙古燕山). That is running text, which ends with a full stop, whatever its last word. A
/// dateline alone on its line, or with a byline (（记者 王某）, 记者王某), is not.
fn opens_story(text: &str) -> bool {
    if !is_dateline(text) {
        return false;
    }
    // The dateline's last mark stands within its first characters (a bracket may follow).
    let window = text
        .char_indices()
        .nth(DATELINE_CHARS + 4)
        .map_or(text, |(at, _)| &text[..at]);
    let Some(end) = ["：", ":", "日电", "本报讯"]
        .iter()
        .filter_map(|mark| window.find(mark).map(|at| at + mark.len()))
        .min()
    else {
        return false;
    };
    let mut rest = text[end..].trim_start();
    // A byline in brackets right after the dateline (新华社北京3月5日电（记者王某）).
    if let Some(inside) = rest.strip_prefix(['（', '(']) {
        rest = inside
            .split_once(['）', ')'])
            .map_or("", |(_, after)| after.trim_start());
    }
    let byline = ["记者", "本报记者", "通讯员"].iter().any(|b| rest.starts_with(b));
    !byline && rest.contains(|c: char| is_han(c) || c.is_ascii_alphanumeric())
}

/// The words of a dateline past its source (北京3月5日电, 据央视新闻消息：).
static DATELINE_WORDS: LazyLock<[memchr::memmem::Finder<'static>; 2]> =
    LazyLock::new(|| ["日电", "消息"].map(memchr::memmem::Finder::new));

/// How far into a paragraph its dateline ends at most, in characters.
const DATELINE_CHARS: usize = 20;

pub fn analyse(doc: &Document) -> Flow {
    let alone = RefCell::default();
    let model = Model {
        built: doc.model,
        alone: &alone,
    };
    let count = doc.blocks.len();
    let roles = Roles {
        doc,
        model,
        cells: vec![OnceCell::new(); count],
        headless: vec![OnceCell::new(); count],
        deck: vec![OnceCell::new(); count],
    };
    let text = |i: usize| doc.block_text(&doc.blocks[i]);
    let verse = verse_lines(doc);
    let open: Vec<usize> = (0..count)
        // A dateline alone is open over running text; over a headline it heads a digest, its
        // stories under their headlines.
        .filter(|&i| {
            doc.blocks[i].kind == BlockKind::Paragraph
                && match dateline_alone(text(i)) {
                    true => roles.is_prose(i + 1),
                    false => may_stop_mid_sentence(text(i)),
                }
        })
        .filter(|&i| !verse[i])
        .filter(|&i| match roles.get(i) {
            Some(Role::Prose(_) | Role::Heading) => true,
            // A name alone on its line is a byline, unless the paragraph after it says what the
            // name said (李强 | 指出，…).
            // So is a list of names, unless the paragraph after it goes on with the list
            // (…雪克来提·扎克尔 | 、吴政隆、…; …王勇、王毅 | ，国务院有关部门…) or with the rest of
            // a name cut at its end (…张国清、吴政 | 隆，…).
            Some(Role::Other) => {
                roles.is_prose(i + 1)
                    && (is_signature(text(i)) && speaker_lost(text(i + 1))
                        || is_list_of_names(text(i))
                            && (text(i + 1).starts_with(['、', '，']) || name_across(text(i), text(i + 1))))
            }
            None => false,
        })
        // A short line over a byline is a headline (缺斤又短两 | 本报记者赵志文).
        .filter(|&i| {
            !(roles.get(i + 1) == Some(Role::Other)
                && text(i).chars().nth(MAX_HEADING_CHARS).is_none()
                && is_signature(text(i + 1)))
        })
        // So is a line over a story's dateline (…刘澜涛同志逝世 | （附图片1张） | 新华社北京1月25日电…),
        // past a note of pictures, unless a word runs across (央视 | 网消息（新闻联播）：) or the
        // dateline lost its agency to the line (央视网 | 消息（新闻联播）：).
        .filter(|&i| {
            let next = match roles.get(i + 1) {
                Some(Role::Other) if !is_signature(text(i + 1)) => i + 2,
                _ => i + 1,
            };
            !(text(i).chars().nth(MAX_DECK_CHARS).is_none()
                && next < count
                && opens_a_story(text(next))
                && !dateline_cut(text(next))
                && continuity::join_gain(han_tail(text(i)), han_head(text(next))) <= WORD_ACROSS_GAIN)
        })
        .collect();
    // Whether the text is hard-wrapped is asked only once something would be reported.
    let wrapped = OnceCell::new();
    let is_wrapped = || *wrapped.get_or_init(|| hard_wrapped(doc));

    // A text whose lines under its headings are sentences with their stops has no deck
    // lines (a digest of short stories, each under its headline): a line there without a
    // stop lost its end. Counted only once a deck line would be spared.
    let under_headings = OnceCell::new();
    let stops_under_headings = || {
        *under_headings.get_or_init(|| {
            let (mut stopped, mut bare) = (0, 0);
            for k in (1..count).filter(|&k| roles.is_prose(k) && roles.deck_place(k) == Some(true)) {
                if roles.get(k) == Some(Role::Prose(Ending::Complete)) {
                    stopped += 1;
                } else if roles.may_be_deck(k) {
                    bare += 1;
                }
            }
            stopped >= STOPPED_UNDER_HEADINGS && bare <= 1
        })
    };

    let mut flow = Flow::default();
    let mut continued = vec![false; count];
    // How the paragraph judged after each block reads on, by `carry` (-inf where not weighed).
    let mut neighbour_weighed = vec![f32::NEG_INFINITY; count];
    for &i in &open {
        // A list introduced without a colon is a style, not a lost sentence end.
        if doc
            .blocks
            .get(i + 1)
            .is_some_and(|b| b.kind == BlockKind::ListItem)
        {
            continue;
        }
        let first = text(i);
        // A deck line is a complete clause: only words that cannot end one, or a word or a
        // number across the break, make it a fragment.
        // Under a subheading of a text that has no deck lines there (`stops_under_headings`), a
        // line of running text that stops inside a sentence lost its end, unless it quotes the
        // body, stands over a story's lead, a byline or a letter's salutation, ends on a mark,
        // opens as a paragraph does or ends the text.
        let lost_end_under_heading = || {
            roles.is_prose(i)
                && roles.deck_place(i) == Some(true)
                && first
                    .trim_end()
                    .ends_with(|c: char| is_han(c) || c.is_ascii_alphanumeric())
                && i + 1 < count
                && stops_under_headings()
                && !pulled_quote(doc, i)
                && !heads_a_story(text(i + 1))
                && !fresh_start(first)
        };
        let deck = roles.may_be_deck(i) && roles.in_deck_position(i) && !lost_end_under_heading();
        let surely_open = match roles.get(i) {
            // A dateline alone over running text lost its story.
            _ if dateline_alone(first) => true,
            // … and one that opens on a day reads as a story's first sentence: a doubtful end will do.
            Some(Role::Prose(_)) if deck && opens_on_a_day(first) => ends_open(first, model, Doubt::Doubtful),
            Some(Role::Prose(_)) if deck => ends_open(first, model, Doubt::Unlikely),
            Some(Role::Prose(Ending::Open)) => true,
            // Text too long for a heading, among paragraphs that end with a full stop, is
            // running text that lost its end.
            Some(Role::Prose(Ending::Unsure))
                if first.chars().nth(MAX_HEADING_CHARS).is_some() && !roles.in_deck_position(i) =>
            {
                true
            }
            // Running text of several clauses is open on weaker evidence (a doubtful end).
            Some(Role::Prose(_)) => {
                let doubt = match long_running_text(first) {
                    true => Doubt::Doubtful,
                    false => Doubt::Unlikely,
                };
                ends_open(first, model, doubt)
            }
            // A line that reads as a heading, away from the top and from subheadings, is a
            // fragment when it stops as no headline does.
            Some(Role::Heading) if !roles.in_deck_position(i) => stops_as_no_headline(first, model),
            // No deck line or headline ends on a word that leads into more right after a mark,
            // or is only a time or a connective.
            Some(Role::Heading) => {
                leads_alone_into_more(first.trim_end(), han_tail_of(first, 8))
                    || stops_clearly_inside_a_word(first)
                    || opener_alone(first)
            }
            // Else it is a fragment only when what follows carries it on.
            _ => false,
        };
        // A long sentence without its stop (or a long headline) joins a neighbour that
        // does not open a sentence of its own.
        let maybe_open = surely_open
            || !deck && long_running_text(first) && roles.get(i) != Some(Role::Prose(Ending::Complete));
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
        if roles.is_prose(j) {
            let join = if roles.get(i) == Some(Role::Heading) && i == 0 {
                Join::FromTitle
            } else if roles.get(i) == Some(Role::Heading) {
                Join::FromHeading
            } else if j == i + 1 {
                Join::Neighbours
            } else {
                Join::Apart
            };
            // The trigram model is asked only where its answer can decide.
            let (carry, weighed) = carries_on(first, text(j), join, maybe_open, model);
            // A paragraph that starts mid-sentence right under a line that reads as a whole
            // headline lost its head (a digest's story: 多措并举切实加大对水利项目的金融支持力度 |
            // 日）召开…); the sentence broke after the line only where the line opens as a
            // sentence does (记者从商务部了解到 | ，为助力…), stops as no headline does, or leaves
            // a mark open.
            let carry = match carry {
                Carry::Certain
                    if join == Join::FromHeading
                        && j == i + 1
                        && starts_mid_sentence_under(first, text(j))
                        && left_open(first).is_none()
                        && !fresh_start(first)
                        && !OPENS_SENTENCE.is_match(first)
                        && !opens_with_a_pronoun(first)
                        && !ends_on_a_verb_of_saying(first)
                        && !stops_as_no_headline(first, model) =>
                {
                    Carry::No
                }
                // Under the title, such a paragraph lost its head unless the title stops inside
                // a word, on a figure or on a strong word across (新发展格 | 局，): a weaker one
                // reads on by chance (汪洋主持召开全国政协主席会议 | 员会第八十二次…: 议员, where
                // 委员会 lost its head).
                Carry::Certain
                    if join == Join::FromTitle
                        && j == i + 1
                        && continuity::ends_inside_word(han_tail_of(first, 8)) <= ENDS_INSIDE_WORD
                        && continuity::join_gain(han_tail(first), han_head(text(j)))
                            <= STRONG_WORD_ACROSS_GAIN
                        && !first.trim_end().ends_with(|c: char| c.is_ascii_alphanumeric())
                        && roles.headless(j) =>
                {
                    Carry::No
                }
                _ => carry,
            };
            neighbour_weighed[i] = weighed;
            // A text that stops inside a word goes on where the word does, or into a neighbour
            // that starts mid-sentence (…高水平的亚太 | 自由贸易区。: no other goes on there).
            let word_cut = || {
                !first.trim_end().ends_with(['，', '、', ','])
                    && continuity::ends_inside_word(han_tail_of(first, 8)) > ENDS_INSIDE_WORD
            };
            let joins = match carry {
                Carry::Certain => true,
                Carry::Likely(_) => surely_open,
                Carry::Unknown(_) if j == i + 1 => maybe_open,
                // Past headings, a sentence carries on when the evidence weighed together says
                // so (`carries_on`); after a clause mark, any clause would read on, and after a
                // heading-like line, a paragraph that opens as sentences do starts afresh.
                Carry::Unknown(_) => {
                    surely_open
                        && !first.trim_end().ends_with(['，', '、', ','])
                        && !(join == Join::FromHeading && opens_fresh(first, text(j)))
                }
                Carry::No => false,
            } && (carry == Carry::Certain || !word_cut() || j == i + 1 && roles.headless(j));
            // A neighbour read on by odds alone gives way to a paragraph nearby that carries
            // the sentence on better (the head of a sentence moved down the page).
            let neighbour = match carry {
                Carry::Likely(odds) | Carry::Unknown(odds) => odds,
                _ => f32::INFINITY,
            };
            // So does one that the judgements weighed together find far likelier to be the rest.
            let rival = || {
                let near = i.saturating_sub(MAX_RIVAL_BLOCKS)..(i + MAX_RIVAL_BLOCKS + 1).min(count);
                near.filter(|&r| r != i && r != j && !continued[r] && roles.is_prose(r))
                    .any(|r| {
                        let (odds, weighed_rest) = rest_odds(first, text(r), roles.headless(r), model);
                        odds.is_some_and(|odds| odds > neighbour)
                            || weighed_rest >= RIVAL_CARRY && weighed_rest > RIVAL_MARGIN + weighed
                    })
            };
            if joins && is_wrapped() {
                return Flow::default();
            }
            // A broken sentence right before a paragraph that starts mid-sentence goes on there,
            // whatever the weighed judgements say: two faults side by side are rarer than one.
            let broken_next = j == i + 1 && surely_open && roles.headless(j) && !verse[j];
            if broken_next || joins && (carry == Carry::Certain || !rival()) {
                flow.splits.push(Split {
                    first: i,
                    second: j,
                    between: i + 1..j,
                    certain: carry == Carry::Certain,
                });
                continued[j] = true;
                continue;
            }
        }
        if surely_open {
            if is_wrapped() {
                return Flow::default();
            }
            flow.truncations.push(Truncation {
                block: i,
                continuation: None,
                followed_by,
            });
        }
    }

    // A truncated sentence may go on far away: after a caption, under another heading, a few
    // paragraphs on. The paragraph that carries it on best, and starts as no sentence does,
    // is its continuation.
    // Nearby, any sign will do; across the whole file, only a run of quoted terms carried on,
    // and for a bounded number of truncations, so that the work stays linear.
    let mut whole_file_scans = MAX_WHOLE_FILE_SCANS;
    for truncation in &mut flow.truncations {
        let head = text(truncation.block);
        let near = truncation.block.saturating_sub(MAX_MOVED_BLOCKS)
            ..(truncation.block + MAX_MOVED_BLOCKS + 1).min(count);
        let quoted_run = QUOTED_RUN_END.is_match(head.trim_end()) && whole_file_scans > 0;
        let scope = if quoted_run {
            whole_file_scans -= 1;
            0..count
        } else {
            near.clone()
        };
        let weighed_next = neighbour_weighed[truncation.block];
        let found = scope
            .filter(|&r| {
                r != truncation.block && r != truncation.block + 1 && !continued[r] && roles.is_prose(r)
            })
            .filter_map(|r| {
                let after = text(r);
                if quoted_terms_run_on(head, after) {
                    return Some((r, f32::INFINITY));
                }
                let headless = near.contains(&r) && roles.headless(r);
                // Any paragraph a little way off, one that starts as no sentence does further.
                if !headless && r.abs_diff(truncation.block) > MAX_RIVAL_BLOCKS {
                    return None;
                }
                // Failing that, a paragraph close by that the judgements weighed together find
                // the likely rest, far likelier than the paragraph after the truncation (ranked
                // below any that passes the odds).
                match rest_odds(head, after, headless, model) {
                    (Some(odds), _) => Some((r, odds)),
                    (None, weighed) => (weighed >= PAIRING_WEIGHED && weighed > RIVAL_MARGIN + weighed_next)
                        .then_some((r, f32::MIN + weighed)),
                }
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        if let Some((r, _)) = found {
            continued[r] = true;
            truncation.continuation = Some(r);
            flow.orphans.push(Orphan {
                block: r,
                head: Some(truncation.block),
            });
        }
    }

    // A paragraph that starts with a mark no sentence starts with, or with the end of a word,
    // lost its head.
    for (r, &continues) in continued.iter().enumerate() {
        if !continues && !verse[r] && roles.headless(r) && roles.is_prose(r) {
            flow.orphans.push(Orphan { block: r, head: None });
        }
    }
    flow.orphans.sort_by_key(|o| o.block);
    flow
}

/// The lines of verse: runs of short paragraphs, `MIN_VERSE_LINES` or more with three in four
/// ending on a mark, or `MIN_UNMARKED_VERSE_LINES` or more whatever their ends. A poem breaks
/// its sentences where the poet wants (那音韵如轻柔的夜风， | 惊溅起不可言传的天籁。); news text,
/// its headings and its deck lines stand between longer paragraphs.
fn verse_lines(doc: &Document) -> Vec<bool> {
    let count = doc.blocks.len();
    let short: Vec<bool> = doc
        .blocks
        .iter()
        .map(|block| {
            let text = doc.block_text(block).trim();
            block.kind == BlockKind::Paragraph
                && !text.is_empty()
                && text.len() <= 4 * MAX_VERSE_CHARS
                && text.chars().nth(MAX_VERSE_CHARS).is_none()
        })
        .collect();
    let mut verse = vec![false; count];
    let mut start = 0;
    for i in 0..=count {
        if i < count && short[i] {
            continue;
        }
        // Lines of verse end on a mark, three in four at least, or run on longer than any
        // headings and datelines in a row do (国内联播快讯, a title, 央视网消息：).
        let marked = (start..i)
            .filter(|&k| {
                doc.block_text(&doc.blocks[k])
                    .trim_end()
                    .ends_with(['，', '。', '！', '？', '；', '…'])
            })
            .count();
        let lines = i - start;
        if lines >= MIN_VERSE_LINES && 4 * marked >= 3 * lines || lines >= MIN_UNMARKED_VERSE_LINES {
            verse[start..i].fill(true);
        }
        start = i + 1;
    }
    verse
}

/// Short paragraphs in a row that make a poem, at least, when three in four end on a mark…
const MIN_VERSE_LINES: usize = 4;
/// … and whatever their ends.
const MIN_UNMARKED_VERSE_LINES: usize = 8;
/// The longest line of verse, in characters.
const MAX_VERSE_CHARS: usize = 14;

/// How well `after`, a paragraph away from `head`, carries on `head`'s broken sentence (ln
/// odds, infinite when certain), when well enough to be its rest. A paragraph that starts
/// as no sentence does, or that a sign across the join carries on, is the rest on good odds;
/// any other only on odds that few unrelated pairs reach. With it, the ln odds of carrying on
/// by `carry`, where they were weighed (else -inf).
fn rest_odds(head: &str, after: &str, headless: bool, model: Model) -> (Option<f32>, f32) {
    let (carry, weighed) = carries_on(head, after, Join::Apart, true, model);
    // A sign across the join (a word, a list, a title and a name) makes do with the odds a
    // paragraph that starts as no sentence does needs.
    let signed = headless || carry == Carry::Certain;
    let odds = match carry {
        Carry::Certain if headless => return (Some(f32::INFINITY), weighed),
        Carry::Likely(odds) | Carry::Unknown(odds) => odds,
        Carry::Certain => model
            .log_odds_join(
                last_chars(head, JOIN_CONTEXT + 2),
                first_chars(after, JOIN_CONTEXT + 2),
            )
            .unwrap_or(0.0),
        Carry::No => return (None, weighed),
    };
    let needed = if signed { model.strong_join() } else { PAIRING_ODDS };
    if odds >= needed {
        return (Some(odds), weighed);
    }
    // `carries_on` weighed the judgements unless it was certain without them.
    let weighed = match weighed == f32::NEG_INFINITY && odds >= WEIGHED_FROM_ODDS {
        true => whole_evidence(head, after, model).log_odds(),
        false => weighed,
    };
    let passes = odds >= WEIGHED_FROM_ODDS && weighed >= PAIRING_CARRY;
    (passes.then_some(odds), weighed)
}

/// The ln odds of carrying on (by `carry`) that pair a truncated paragraph with a paragraph a
/// few blocks away as its rest (55% of the rests of cut sentences reach it, 0.3% of the real
/// next paragraphs).
const PAIRING_CARRY: f32 = 4.0;
/// The ln odds of carrying on (by `carry`) with which a paragraph a few blocks away takes a
/// broken sentence's rest from its neighbour (73% likely by the model)…
const RIVAL_CARRY: f32 = 1.0;
/// … when they are this much above the neighbour's (20 times likelier).
const RIVAL_MARGIN: f32 = 3.0;

/// The ln odds of carrying on (by `carry`) with which a paragraph within `MAX_RIVAL_BLOCKS`
/// is a truncated paragraph's rest when the trigram odds fall short, if they are also
/// `RIVAL_MARGIN` above those of the paragraph after it (65% of the rests of cut sentences
/// reach 2.5, 1% of the real next paragraphs: a short sentence of its own, 发展很快。, comes
/// close).
const PAIRING_WEIGHED: f32 = 2.5;

/// The trigram's ln odds from which a pair that falls short of `PAIRING_ODDS` is weighed
/// by `carry` at all (below it, few pairs reach `PAIRING_CARRY`, and weighing every
/// candidate costs more than they bring).
const WEIGHED_FROM_ODDS: f32 = 0.0;

/// How far the trigram model must prefer one sentence to two, in ln odds, to join running
/// text across a heading, or to a paragraph that starts mid-sentence elsewhere in the file
/// (0.9% of unrelated pairs on corpus-dev score this high)…
const STRONG_JOIN_ODDS: f32 = 2.0;
/// … to take a neighbour as the rest of the sentence at all (3.1% of unrelated pairs).
const JOIN_ODDS: f32 = 0.5;
/// … to take a paragraph a few blocks away that starts as sentences do as the rest of a
/// truncated one (0.2% of unrelated pairs on corpus-dev score this high).
const PAIRING_ODDS: f32 = 4.0;
/// How much likelier the dictionary must find a paragraph's last characters to begin a
/// longer word than to end one, in ln odds, for the paragraph to stop inside a word.
const ENDS_INSIDE_WORD: f32 = 2.0;
/// … for a short line to stop inside a word however likely an end is there by the trigram
/// (遭以色: 4.9, its trigram end -3.3; the headline 两会天天评: 2.4).
const CLEARLY_INSIDE_WORD: f32 = 3.0;
/// … its first characters to end a word than to begin one, for it to start inside a word.
const STARTS_INSIDE_WORD: f32 = 2.0;
/// … when the first character, standing alone, is a word that opens sentences (消|费者:
/// 费 is a surname; 持|续回暖: 续 a verb).
const OPENER_STARTS_INSIDE_WORD: f32 = 3.0;
/// A sentence end after the last words less likely than this (ln p, by the shipped trigram
/// model) marks a fragment.
const UNLIKELY_END: f32 = -7.0;
/// … marks a long text without a full stop as a fragment rather than a headline.
const DOUBTFUL_END: f32 = -4.0;

/// How unlikely a sentence end must be to count.
#[derive(Clone, Copy)]
enum Doubt {
    Unlikely,
    Doubtful,
}

/// The model that scores sentence ends and joins: the shipped word trigram, or the
/// character model built from the user's corpus, with the thresholds measured on it.
#[derive(Clone, Copy)]
struct Model<'m> {
    built: Option<&'m CharModel>,
    /// The shipped model's cost of each tail and head read alone, as they are asked for.
    alone: &'m RefCell<FxHashMap<String, Option<f32>>>,
}

impl Model<'_> {
    /// A sentence end after `tail` is unlikely: by the shipped trigram model, or by the
    /// built one (each sees what the other misses: words, and the corpus's own phrasing).
    fn end_unlikely(self, tail: &str, doubt: Doubt) -> bool {
        let shipped = match doubt {
            Doubt::Unlikely => UNLIKELY_END,
            Doubt::Doubtful => DOUBTFUL_END,
        };
        super::ngram::log_p_end(tail).is_some_and(|p| p < shipped)
            || self.built.is_some_and(|model| {
                let built = match doubt {
                    Doubt::Unlikely => model.unlikely_end,
                    Doubt::Doubtful => model.doubtful_end,
                };
                model.log_p_end(tail) < built
            })
    }

    fn join(self) -> f32 {
        self.built.map_or(JOIN_ODDS, |model| model.join_odds)
    }

    fn strong_join(self) -> f32 {
        self.built
            .map_or(STRONG_JOIN_ODDS, |model| model.strong_join_odds)
    }

    fn log_odds_join(self, tail: &str, head: &str) -> Option<f32> {
        if let Some(model) = self.built {
            return Some(model.log_odds_join(tail, head));
        }
        let alone = |text: &str| {
            let mut known = self.alone.borrow_mut();
            *known
                .entry(text.to_owned())
                .or_insert_with(|| super::ngram::cost_alone(text))
        };
        super::ngram::log_odds_join_apart(tail, head, alone(tail)? + alone(head)?)
    }

    /// The built model finds a sentence start before `head` very unlikely (the shipped one
    /// has no sentence-start statistics).
    fn starts_unlikely(self, head: &str) -> bool {
        self.built.is_some_and(|model| model.starts_mid_sentence(head))
    }
}

/// How strongly the second text reads as the rest of the first one's sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Carry {
    /// A word or a number runs across the join, the second text starts with a mark no
    /// sentence starts with, or (for neighbours of running text) the first stops on a comma
    /// before an ordinary start.
    Certain,
    /// The trigram model prefers one sentence to two, by these ln odds.
    Likely(f32),
    /// Nothing says either way; the trigram model's ln odds.
    Unknown(f32),
    /// The second text opens a sentence of its own.
    No,
}

/// Where the two texts stand: the evidence a join needs depends on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Join {
    /// Running text and the paragraph right after it.
    Neighbours,
    /// A line that reads as a heading and the paragraph after it: only a word or a number
    /// across the join, or a paragraph that starts as no sentence does, says it is a
    /// fragment (记者从商务部了解到 | ，为助力外贸企业).
    FromHeading,
    /// The first line of the file when it reads as a heading, its title: only a word or a
    /// number across the join (a story after its title may have lost its head).
    FromTitle,
    /// Running text and a paragraph after headings, or further away.
    Apart,
}

/// How strongly `second` carries `first` on, and the ln odds of carrying on by `carry` where
/// the judgements were weighed (else -inf).
fn carries_on(first: &str, second: &str, join: Join, odds_matter: bool, model: Model) -> (Carry, f32) {
    let mut weighed = f32::NEG_INFINITY;
    let carry = judge_carry(first, second, join, odds_matter, model, &mut weighed);
    (carry, weighed)
}

/// `carries_on`, writing the ln odds by `carry` to `weighed_out` when it weighs them.
fn judge_carry(
    first: &str,
    second: &str,
    join: Join,
    odds_matter: bool,
    model: Model,
    weighed_out: &mut f32,
) -> Carry {
    let (a, b) = (first.trim_end(), second.trim_start());
    let ascii = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let number_goes_on = |c: Option<char>| ascii(c) || matches!(c, Some('.' | '%' | '％'));
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    // Running text stops on a number only inside a sentence (a heading-like line may end on a
    // page number before a paragraph that starts 人民…).
    let running = !matches!(join, Join::FromHeading | Join::FromTitle);
    if (ascii(a.chars().next_back()) && number_goes_on(b.chars().next()) && !date_stands_apart(a, b))
        || (running && digit(a.chars().next_back()) && b.starts_with(NUMBER_UNITS))
        || (running && a.ends_with('.') && digit(a.chars().nth_back(1)) && digit(b.chars().next()))
        || (ends_on_a_range_dash(a) && digit(b.chars().next()))
        || a.ends_with(OPENING_MARKS) && left_open(a).is_none_or(|close| closes_first(b, close))
        || closes_what_is_open(a, b)
        || month_before_day(a, b)
        || join == Join::Neighbours && dateline_alone(a)
    {
        return Carry::Certain;
    }
    if join != Join::FromTitle && starts_mid_sentence(b) {
        return Carry::Certain;
    }
    if running && (list_goes_on(a, b) || title_before_name(a, b)) {
        return Carry::Certain;
    }
    // A name cut in two goes on across a heading-like line too (副主席沈跃 | 跃、王勇, 代表巴赫雷 |
    // 尼26日说).
    if name_across(a, b) || foreign_name_across(a, b) {
        return Carry::Certain;
    }
    // A heading is joined on a word or a number across the break alone: a headline followed by
    // its story reads on as well as a broken sentence does.
    if matches!(join, Join::FromHeading | Join::FromTitle) || !odds_matter {
        // A word cut in two and completed reads on, even into a fresh start (俄罗斯外|长拉夫罗夫,
        // 长 being a surname too), when the line stops on a lone character or clearly inside a
        // word (武装部队总司|令发言人…说，), or the paragraph starts inside the word (以军|方10日称，):
        // a headline stops on a word and its story
        // starts with one (平陆运河南宁段通水|平陆运河…, though 水平 is a word).
        let tail = han_tail(a);
        let gain = continuity::join_gain(tail, han_head(b));
        let lone_last = || {
            continuity::lexicon()
                .segment(tail)
                .last()
                .is_some_and(|word| word.chars().nth(1).is_none())
        };
        let starts_inside = || continuity::starts_inside_word(han_head(b)) > STARTS_INSIDE_WORD;
        let stops_inside = || continuity::ends_inside_word(tail) > CLEARLY_INSIDE_WORD;
        return if gain > STRONG_WORD_ACROSS_GAIN && (lone_last() || stops_inside() || starts_inside())
            || gain > WORD_ACROSS_GAIN && !opens_fresh(a, b)
        {
            Carry::Certain
        } else {
            Carry::Unknown(0.0)
        };
    }
    // A word cut in two and completed reads on whatever follows it (俄罗斯外|长拉夫罗夫今天表示，).
    let gain = continuity::join_gain(han_tail(a), han_head(b));
    if gain > STRONG_WORD_ACROSS_GAIN {
        return Carry::Certain;
    }
    if opens_fresh(a, b) {
        return Carry::No;
    }
    if gain > WORD_ACROSS_GAIN {
        return Carry::Certain;
    }
    // The judgements weighed together say the second text starts a sentence of its own.
    let least = if join == Join::Neighbours {
        NEIGHBOUR_CARRY
    } else {
        APART_CARRY
    };
    let odds = model.log_odds_join(last_chars(a, JOIN_CONTEXT + 2), first_chars(b, JOIN_CONTEXT + 2));
    let shipped_odds = match model.built {
        None => odds,
        Some(_) => shipped_join_odds(a, b, model),
    };
    let weighed = evidence(
        a,
        b,
        Known {
            odds: shipped_odds,
            gain,
            opens_fresh: false,
        },
        model,
    )
    .log_odds();
    *weighed_out = weighed;
    if weighed < least {
        return Carry::No;
    }
    // Past headings, a comma says that the sentence went on, not that it went on here: it did
    // where the judgements weighed together find that likelier than not. (After an enumeration
    // comma, only one more item of the list says so: `list_goes_on`.)
    if join == Join::Apart && a.ends_with(['，', ',']) && weighed >= COMMA_APART_CARRY {
        return Carry::Likely(odds.unwrap_or(0.0));
    }
    // A comma says the sentence went on, not that it went on here: certain only when the
    // words across the break do not read better apart.
    if join == Join::Neighbours && a.ends_with(['，', '、', ',']) {
        return match odds {
            Some(odds) if odds < 0.0 => Carry::Likely(odds),
            _ => Carry::Certain,
        };
    }
    match odds {
        Some(odds) if odds >= model.join() => Carry::Likely(odds),
        Some(odds) => Carry::Unknown(odds),
        None => Carry::Unknown(0.0),
    }
}

/// The shipped trigram's ln odds of `a` and `b` joined against apart.
fn shipped_join_odds(a: &str, b: &str, model: Model) -> Option<f32> {
    Model { built: None, ..model }
        .log_odds_join(last_chars(a, JOIN_CONTEXT + 2), first_chars(b, JOIN_CONTEXT + 2))
}

/// What `carries_on` has already worked out about a break when it asks `evidence`.
struct Known {
    /// The shipped trigram's ln odds.
    odds: Option<f32>,
    /// `continuity::join_gain` of the Han on either side.
    gain: f32,
    opens_fresh: bool,
}

/// What the judgements of the break between `a` and `b` (trimmed) say, for the model of
/// `carry` to weigh.
fn evidence(a: &str, b: &str, known: Known, model: Model) -> carry::Evidence {
    let Known {
        odds,
        gain,
        opens_fresh,
    } = known;
    let shipped = Model { built: None, ..model };
    let lexicon = continuity::lexicon();
    let (tail, head) = (han_tail(a), han_head(b));
    let last = last_chars(a, JOIN_CONTEXT + 2);
    // One segmentation of the second text's head gives its first word's tag and start odds.
    let first_word = super::starts::first_token(b);
    carry::Evidence {
        odds: odds.unwrap_or(0.0),
        word_gain: gain,
        starts_inside_word: continuity::starts_inside_word(head),
        opens_fresh,
        after_comma: a.ends_with(['，', '、', ',']),
        end_log_p: super::ngram::log_p_end(last).unwrap_or(0.0),
        starts_inside: starts_inside(b, shipped),
        names_first: is_person_name(first_chars(head, 3)),
        first_run_chars: b
            .chars()
            .take_while(|c| is_han(*c) || c.is_ascii_alphanumeric())
            .take(30)
            .count(),
        last_sentence_chars: sentence_chars(a.chars().rev()),
        first_sentence_chars: sentence_chars(b.chars()),
        first_tag: lexicon.tag(first_word),
        last_tag: lexicon.segment(tail).last().and_then(|w| lexicon.tag(w)),
        start_odds: super::starts::start_odds(first_word),
        left_open: left_open(a).map(|close| closes_first(b, close)),
        ends_inside_word: continuity::ends_inside_word(tail),
        number_across: a.ends_with(|c: char| c.is_ascii_digit() || c == '.')
            && b.starts_with(|c: char| c.is_ascii_digit()),
        number_cut: number_cut(a, b),
        opens_with_setting: OPENS_WITH_SETTING.is_match(b),
    }
}

/// The marks that part the clauses of a sentence: no sentence opens with one.
const CLAUSE_MARKS: [char; 6] = ['，', '、', '；', '：', ',', ';'];

/// Pairs of marks that a cut may leave open: quotation, title, bracket.
const PAIRS: [(char, char); 5] = [('“', '”'), ('‘', '’'), ('《', '》'), ('（', '）'), ('「', '」')];

/// How far back from a text's end an unclosed title or bracket is looked for, in characters…
const OPEN_PAIR_CHARS: usize = 60;
/// … and an unclosed quotation: one opened further back may run on for sentences, and across
/// paragraphs, as quotations do.
const OPEN_QUOTE_CHARS: usize = 20;

/// The closing mark of the innermost pair left open near the end of `text`, if any.
fn left_open(text: &str) -> Option<char> {
    let mut closed = [0usize; PAIRS.len()];
    for (n, c) in text.chars().rev().take(OPEN_PAIR_CHARS).enumerate() {
        if let Some(k) = PAIRS.iter().position(|p| p.1 == c) {
            closed[k] += 1;
        } else if let Some(k) = PAIRS.iter().position(|p| p.0 == c) {
            if closed[k] > 0 {
                closed[k] -= 1;
            } else {
                let quote = matches!(PAIRS[k].0, '“' | '‘');
                return (!quote || n < OPEN_QUOTE_CHARS).then_some(PAIRS[k].1);
            }
        }
    }
    None
}

/// How far into the second text a pair left open is looked for its close, in characters.
const CLOSE_PAIR_CHARS: usize = 200;

/// `text` closes a pair opened before it: `close` comes before an opening of its own.
fn closes_first(text: &str, close: char) -> bool {
    let Some(&(opening, _)) = PAIRS.iter().find(|p| p.1 == close) else {
        return false;
    };
    let mut depth = 0usize;
    for c in text.chars().take(CLOSE_PAIR_CHARS) {
        if c == opening {
            depth += 1;
        } else if c == close {
            match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return true,
            }
        }
    }
    false
}

/// `first` stops on a digit and `second` goes on with neither a digit nor what follows a
/// number (a unit, a range, 多, 万): the number lost its end (开行超4 | 北京冬奥会…).
fn number_cut(first: &str, second: &str) -> bool {
    first.ends_with(|c: char| c.is_ascii_digit())
        && !second.starts_with(|c: char| {
            c.is_ascii_digit()
                || NUMBER_UNITS.contains(&c)
                || matches!(
                    c,
                    '.' | '%' | '％' | '-' | '—' | '~' | '～' | '多' | '余' | '千' | '百'
                )
        })
}

/// A first clause that sets the scene, ending on where or when before a comma (会见前，
/// 座谈会上，活动期间，): sentences open so, the rest of a cut one seldom does.
static OPENS_WITH_SETTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^，。！？“”、]{1,8}(?:前|后|上|时|中|里|间|底|期间|以来|年来)，").expect("setting pattern")
});

/// Characters before the first sentence end or semicolon of `chars`, up to
/// `carry::SENTENCE_CHARS`.
fn sentence_chars(chars: impl Iterator<Item = char>) -> usize {
    chars
        .take_while(|&c| !is_sentence_end(c) && c != '；')
        .take(carry::SENTENCE_CHARS)
        .count()
}

/// The evidence at a break, judged with the shipped models: for fitting the weights of
/// `carry` (`examples/fit-carry.rs`).
pub fn carry_evidence(first: &str, second: &str) -> carry::Evidence {
    let alone = RefCell::default();
    let model = Model {
        built: None,
        alone: &alone,
    };
    whole_evidence(first, second, model)
}

/// The evidence at a break, with nothing worked out before.
fn whole_evidence(first: &str, second: &str, model: Model) -> carry::Evidence {
    let (a, b) = (first.trim_end(), second.trim_start());
    let known = Known {
        odds: shipped_join_odds(a, b, model),
        gain: continuity::join_gain(han_tail(a), han_head(b)),
        opens_fresh: opens_fresh(a, b),
    };
    evidence(a, b, known, model)
}

/// The ln odds of carrying on (by `carry`) below which a paragraph is taken to start a
/// sentence of its own after a neighbour that broke off (on the pairs `fit-carry` scores,
/// 97.5% of the rests of cut sentences reach it, and 30% of the real next paragraphs)…
const NEIGHBOUR_CARRY: f32 = -1.6;
/// … and after headings, or further away: a heading is as likely a sign that the sentence
/// was cut off before it as that it was set between the halves, so the bar is higher (95%
/// and 21%).
const APART_CARRY: f32 = -1.0;
/// … and past headings after a comma, the bar above which the paragraph is the
/// sentence's rest (89% of the rests of cut sentences reach it, and 12% of the real next
/// paragraphs).
const COMMA_APART_CARRY: f32 = 0.0;

/// `first` stops on an enumeration comma and `second` opens with one more item of the list:
/// a short one before another enumeration comma or 等 (交通运输部、商务部等部门…), or one that
/// ends as the last item did, before a mark (全面性、系统性、| 协调性。).
fn list_goes_on(first: &str, second: &str) -> bool {
    let Some(last_end) = first
        .strip_suffix('、')
        .and_then(|items| items.chars().next_back())
        .filter(|&c| is_han(c) || c.is_ascii_alphanumeric())
    else {
        return false;
    };
    let item: Vec<char> = second
        .chars()
        .take_while(|&c| (is_han(c) || c.is_ascii_alphanumeric()) && c != '等')
        .take(MAX_LIST_ITEM_CHARS + 1)
        .collect();
    if item.is_empty() || item.len() > MAX_LIST_ITEM_CHARS {
        return false;
    }
    let after = second[item.iter().map(|c| c.len_utf8()).sum::<usize>()..]
        .chars()
        .next();
    let same_end = item.last() == Some(&last_end) && after.is_some_and(is_break_mark);
    matches!(after, Some('、' | '等')) || same_end
}

/// `first` stops on a title and `second` opens with a person's name: news writes the title
/// before the name (全国政协主席 | 王沪宁主持…), and a sentence seldom ends on a title.
fn title_before_name(first: &str, second: &str) -> bool {
    let tail = han_tail(first);
    let head = han_head(second);
    TITLES.iter().any(|title| tail.ends_with(title)) && (2..=3).any(|n| names_a_person(first_chars(head, n)))
}

/// The break cuts a person's name that stands after a title or after a name in a list (副主席沈跃 |
/// 跃、王勇, 赵乐际、蔡 | 奇、丁薛祥): a surname, perhaps with a character of the given name, ends
/// the first text, and the rest of the name opens the second as no word of the dictionary
/// does. Two characters may be a whole name, so the second text must not open with one of its
/// own (书记邢云 | 邢云，1952年生), nor with a function word (记者于青 | 因东京…).
fn name_across(first: &str, second: &str) -> bool {
    let tail = han_tail_of(first, 2);
    let head = han_head(second);
    let lexicon = continuity::lexicon();
    let function_word = |word: &str| {
        lexicon
            .tag(word)
            .is_some_and(|tag| FUNCTION_TAGS.iter().any(|t| tag.starts_with(t)))
    };
    (1..=tail.chars().count()).any(|k| {
        let part = last_chars(tail, k);
        let before = &first[..first.len() - part.len()];
        let listed = || {
            before.strip_suffix('、').is_some_and(|list| {
                let last = han_tail_of(list, 3);
                (2..=3).any(|n| names_a_person(last_chars(last, n)))
            })
        };
        let whole = || k == 2 && (2..=3).any(|n| names_a_person(first_chars(head, n)));
        (TITLES.iter().any(|t| before.ends_with(t)) || listed())
            && !whole()
            && (1..=3 - k).any(|m| {
                let rest = first_chars(head, m);
                let word_starts = (2..=3).any(|n| {
                    let word = first_chars(head, n);
                    word.len() > rest.len() && lexicon.has(word)
                });
                rest.chars().count() == m
                    && !function_word(first_chars(rest, 1))
                    && !word_starts
                    && is_person_name(&format!("{part}{rest}"))
            })
    })
}

/// Titles that stand before a name (主席, 总理, 部长…; 委员 and 代表 are left out: a line may
/// list them without names).
const TITLES: [&str; 24] = [
    "主席",
    "总书记",
    "书记",
    "总理",
    "总统",
    "首相",
    "部长",
    "委员长",
    "主任",
    "省长",
    "市长",
    "县长",
    "局长",
    "院长",
    "大使",
    "秘书长",
    "发言人",
    "司令员",
    "政委",
    "董事长",
    "总经理",
    "国务委员",
    "外长",
    "记者",
];

/// The longest list item `list_goes_on` takes, in characters.
const MAX_LIST_ITEM_CHARS: usize = 10;

/// Units and measure words that follow a number (30|日, 2023|年, 3|名): a text that stops on a
/// number goes on with one.
const NUMBER_UNITS: [char; 24] = [
    '年', '月', '日', '时', '分', '秒', '号', '个', '名', '人', '万', '亿', '元', '米', '度', '岁', '家',
    '次', '件', '辆', '吨', '项', '条', '倍',
];

/// `second` closes a pair of marks that `first` left open before it opens one, within its
/// first sentence (6月|26日）, “林|一代”是).
fn closes_what_is_open(first: &str, second: &str) -> bool {
    let closing = second
        .chars()
        .take(CLOSING_SEARCH_CHARS)
        .find(|&c| matches!(c, '（' | '(' | '）' | ')' | '《' | '》' | '“' | '”') || is_sentence_end(c));
    match closing {
        Some('）' | ')') => census(first).brackets_open > 0,
        Some('》') => census(first).titles_open > 0,
        Some('”') => first.matches('“').count() > first.matches('”').count(),
        _ => false,
    }
}

/// How far into a paragraph `closes_what_is_open` looks for a closing mark.
const CLOSING_SEARCH_CHARS: usize = 40;

/// Marks that open something the same sentence must close: a text cannot stop after them, and
/// what carries it on closes them (else it was cut off, and what follows is not its rest).
const OPENING_MARKS: [char; 8] = ['（', '(', '“', '《', '【', '「', '『', '〔'];

/// How much better, in ln odds, the best reading with a word across a join must be than the
/// best reading without one.
const WORD_ACROSS_GAIN: f32 = 1.0;
/// … for the word to carry the text on even into what reads as a fresh start.
const STRONG_WORD_ACROSS_GAIN: f32 = 3.0;

/// Running text without a full stop that stops as no sentence does: on a comma, inside a
/// word, or on words after which a full stop is very unlikely.
fn ends_open(text: &str, model: Model, doubt: Doubt) -> bool {
    let text = text.trim_end();
    if text.ends_with(['，', '、', ',']) {
        return true;
    }
    if ends_on_a_bare_number(text) {
        return true;
    }
    let tail = han_tail_of(text, 8);
    if tail.chars().nth(1).is_none() {
        return leads_alone_into_more(text, tail);
    }
    stops_inside_a_word(tail)
        || ends_on_a_word_before_more(tail)
        || model.end_unlikely(last_chars(text, JOIN_CONTEXT + 2), doubt)
}

/// `ends_on_a_bare_number` with at most three digits: a line stops so only where a count or
/// a date was cut (古特雷斯22, 202); a longer number ends a line of contacts (呼8283).
fn ends_on_a_short_bare_number(text: &str) -> bool {
    let digits = text.len() - text.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    digits <= 3 && ends_on_a_bare_number(text)
}

/// `text` stops on a number right after Han, with no unit (开行超4, 成立7, 为766.8): a count
/// or a date that lost its end, as no clause ends.
fn ends_on_a_bare_number(text: &str) -> bool {
    let before = text.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
    before.len() < text.len() && text.ends_with(|c: char| c.is_ascii_digit()) && before.ends_with(is_han)
}

/// `tail` (Han characters) stops inside a word by the dictionary, and not on a word it lacks.
fn stops_inside_a_word(tail: &str) -> bool {
    continuity::ends_inside_word(tail) > ENDS_INSIDE_WORD && !ends_on_an_unknown_word(tail)
}

/// `tail` (Han characters) ends on two characters that the dictionary reads only apart, and
/// that begin no common word (塞西, 福瑞, 上产; not 总书, of 总书记): a word it lacks, most
/// often a name, whose last character beginning longer words (西部, 瑞士, 产业) says nothing of
/// a cut.
fn ends_on_an_unknown_word(tail: &str) -> bool {
    let lexicon = continuity::lexicon();
    let words = lexicon.segment(tail);
    let lone = |w: &&str| w.chars().nth(1).is_none();
    let Some(last_two) = words.len().checked_sub(2).map(|k| &words[k..]) else {
        return false;
    };
    last_two.iter().all(lone) && lexicon.log_prefix_mass(&last_two.concat()) < RARE_LONGER_WORDS
}

/// ln of the summed probability of the words that begin with two characters, below which
/// they are taken for a word the dictionary lacks (福瑞, 塞西: -15.8; 总书, of 总书记: -10.9).
const RARE_LONGER_WORDS: f32 = -13.0;

/// A short line without a stop that ends on a word that only leads into more (在, 和, 由于), or
/// inside a word, clearly, or where the trigram also doubts that anything ends there, or in a
/// line of a few characters (遭以色, 李克强充, 会议审): a headline does neither, a cut sentence
/// does.
fn stops_as_no_headline(text: &str, model: Model) -> bool {
    let tail = han_tail_of(text.trim_end(), 5);
    opener_alone(text)
        || ends_on_a_short_bare_number(text.trim_end())
        || leads_alone_into_more(text.trim_end(), tail)
        || tail.chars().nth(1).is_some()
            && (ends_on_a_word_before_more(tail)
                || stops_inside_a_word_on_no_word(tail)
                    && (continuity::ends_inside_word(tail) > CLEARLY_INSIDE_WORD
                        || text.trim().chars().nth(MAX_SCRAP_CHARS).is_none()
                        || model
                            .end_unlikely(last_chars(text.trim_end(), JOIN_CONTEXT + 2), Doubt::Doubtful)))
}

/// The longest line that stops inside a word on characters that are no word of their own on
/// that sign alone (会议审, 常年坚, 习近): a headline so short is a word or two, whole (浙江, 顺德市,
/// 图片新闻, 好心上当 of the People's Daily); longer ones also need a clear cut or a doubtful end
/// (两会天天评 stops on 评, which begins 评论).
const MAX_SCRAP_CHARS: usize = 4;

/// A line that stops clearly inside a word, on characters that are no word of their own
/// (遭以色, 据美国广播公).
fn stops_clearly_inside_a_word(text: &str) -> bool {
    let tail = han_tail_of(text.trim_end(), 5);
    stops_inside_a_word_on_no_word(tail) && continuity::ends_inside_word(tail) > CLEARLY_INSIDE_WORD
}

/// `tail` (Han characters) stops inside a word, and its last two characters are no word: a line
/// whose last two characters are a word ends on it, as headlines do (the cheap first look,
/// which spares most lines the dictionary's lattice).
fn stops_inside_a_word_on_no_word(tail: &str) -> bool {
    let last_two = tail
        .char_indices()
        .rev()
        .nth(1)
        .map_or(tail, |(at, _)| &tail[at..]);
    last_two.chars().nth(1).is_some() && !continuity::lexicon().has(last_two) && stops_inside_a_word(tail)
}

/// The last word of `tail` (Han characters) only ever leads into more: a preposition, a
/// conjunction or a determiner (在, 把, 以及, 如果, 各种). No sentence, deck line or headline
/// ends on one.
fn ends_on_a_word_before_more(tail: &str) -> bool {
    // Most texts end on a character that ends none of the words: no need to segment them.
    if !LEADS_INTO_MORE.iter().any(|word| tail.ends_with(word)) {
        return false;
    }
    let lexicon = continuity::lexicon();
    let words = lexicon.segment(tail);
    let Some(&last) = words.last().filter(|last| LEADS_INTO_MORE.contains(last)) else {
        return false;
    };
    let before = words.len().checked_sub(2).map_or("", |k| words[k]);
    // A character left alone before a one-character word may be a word's with it that the
    // segmentation missed (碳中/和, 天时地利人/和), and 在 after an adverb is "to be there"
    // (初心永在, 依然在).
    let lone_before = last.chars().nth(1).is_none() && before.chars().count() == 1;
    let verb_after_adverb = last == "在" && lexicon.tag(before).is_some_and(|tag| tag == "d");
    !lone_before && !verb_after_adverb
}

/// `text` ends on one Han character, `tail`, after a bracket, a quotation, a number or a
/// Latin word, and it only leads into more ((6月21日）在, “十四五”和, G20与).
fn leads_alone_into_more(text: &str, tail: &str) -> bool {
    let before = &text[..text.len() - tail.len()];
    tail.chars().nth(1).is_none()
        && (LEADS_INTO_MORE.contains(&tail) || LEADS_ON_AFTER_A_MARK.contains(&tail))
        && before.ends_with(|c: char| {
            c.is_ascii_alphanumeric() || matches!(c, '）' | ')' | '”' | '’' | '》' | '」' | '%')
        })
}

/// Verbs and adverbs that, standing alone right after a bracket, a quotation or a number,
/// only lead into more ((3月28日）是, “十四五”将, G20也): what ends a clause there is a
/// word of two characters or more.
const LEADS_ON_AFTER_A_MARK: [&str; 16] = [
    "是", "为", "将", "对", "向", "给", "让", "使", "也", "还", "都", "已", "正", "要", "就", "会",
];

/// Prepositions, conjunctions and determiners that stand before what they lead into, never at
/// the end of a sentence (those that can also be a verb or a noun, as 通过, 为, 对, 用, 依据,
/// are left out), adverbs that lead on to a verb, and verbs that take what follows as their
/// object (包括, 位于, 成为: none ends a sentence or a line in corpus-dev or the People's Daily
/// of January 1998).
const LEADS_INTO_MORE: [&str; 97] = [
    "就",
    "首先",
    "其次",
    "正在",
    "已经",
    "即将",
    "随即",
    "曾经",
    "进一步",
    "在",
    "和",
    "与",
    "及",
    "以及",
    "并且",
    "而且",
    "但是",
    "可是",
    "然而",
    "因为",
    "由于",
    "如果",
    "虽然",
    "尽管",
    "即使",
    "只要",
    "无论",
    "不管",
    "不但",
    "不仅",
    "倘若",
    "既然",
    "而是",
    "或者",
    "及其",
    "把",
    "被",
    "从",
    "由",
    "对于",
    "关于",
    "根据",
    "按照",
    "依照",
    "随着",
    "除了",
    "为了",
    "基于",
    "鉴于",
    "沿着",
    "凭借",
    "向着",
    "朝着",
    "趁着",
    "自从",
    "每当",
    "并",
    "而",
    "或",
    "但",
    "且",
    "跟",
    "同",
    "以",
    "于",
    "各种",
    "各类",
    "各项",
    "各个",
    "各级",
    "诸多",
    "众多",
    "一系列",
    "所有",
    "包括",
    "涉及",
    "位于",
    "属于",
    "来自",
    "旨在",
    "致力于",
    "意味着",
    "标志着",
    "针对",
    "围绕",
    "成为",
    "面向",
    "通往",
    "包含",
    "涵盖",
    "例如",
    "比如",
    "诸如",
    "譬如",
    "就是",
    "截至",
    "引发",
];

/// Running text of several clauses without any full stop: a sentence that lost its end.
/// Deck and summary lines are one or two short clauses.
fn long_running_text(text: &str) -> bool {
    let marks = census(text);
    !marks.stop && marks.clauses >= LONG_CLAUSES && text.chars().count() >= LONG_CHARS
}

/// Clause marks and characters that make a text without a full stop running text.
const LONG_CLAUSES: usize = 2;
const LONG_CHARS: usize = 30;

/// The paragraph opens with the end of a word (济社会发展, 们纷纷表示) or with a word that
/// cannot open a sentence.
fn starts_inside(text: &str, model: Model) -> bool {
    let head = han_head(text);
    let Some(first) = head.chars().next() else {
        return is_bare_share_clause(text);
    };
    let is_start = || {
        OPENS_SENTENCE.is_match(text)
            || fresh_start(text)
            || is_person_name(first_chars(head, 3))
            || organisation_first(head)
    };
    // A model built from the user's corpus knows how its sentences start.
    if model.starts_unlikely(text) && !is_start() {
        return true;
    }
    // A noun or the end of a word and a stop (力量。, 作。) end a longer sentence, unless
    // they name who acts (他笑了。); a greeting (再见。) or an answer (是的。) is neither.
    if short_sentence(text, head) && !is_start() && !names_who_acts(head) {
        let noun = continuity::lexicon().tag(head).is_some_and(|tag| tag == "n");
        if noun || continuity::starts_inside_word(head) > 0.0 {
            return true;
        }
    }
    if lone_character_clause(text, head) {
        return true;
    }
    // A particle standing alone (的“清朗”行动, 了3次, 们纷纷) opens nothing, whatever follows it.
    if particle_first(text) {
        return true;
    }
    // A word that news sentences seldom open with and that most often ends a phrase (水平,
    // 作用, 情况, 增长, 亿元): the rest of a sentence whose head was lost. A title opens one as
    // its subject (主席会议…).
    // (The cheap look at the first characters first: the segmentation must agree.)
    let rare = |word: &str| RARE_OPENING_WORDS.contains(word);
    if (2..=4).any(|n| rare(first_chars(head, n))) && rare(super::starts::first_token(text)) && !is_start() {
        return true;
    }
    // A character alone before a figure opens a sentence only as a preposition, an adverb or a
    // time (从2020年, 约300人, 晚8时): one that sentences seldom open with is the end of a word
    // or a verb whose subject was lost (增|长12.5%, 达3000人).
    let before_figure = head.len() == first.len_utf8()
        && text[head.len()..].starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
    if before_figure
        && super::starts::character_start_odds(first).is_some_and(|odds| odds < RARE_START_BEFORE_FIGURE)
        && !is_start()
    {
        return true;
    }
    if !may_start_inside(head) {
        return false;
    }
    // A character standing alone that news sentences seldom open with and that often follows
    // a point inside one, most often as a word's end or after a number (家企业, 个项目).
    if super::starts::character_start_odds(first).is_some_and(|odds| odds < RARE_START_ODDS) && !is_start() {
        return true;
    }
    // Prepositions, conjunctions, pronouns, adverbs, numerals, time words, verbs, adjectives
    // and surnames open sentences (在, 据, 但, 他, 将, 一, 今, 查, 富, 习): standing alone,
    // they are taken for a word's end on stronger evidence than a bound morpheme, a suffix
    // or a noun.
    let word_end = {
        let opens = continuity::lexicon()
            .tag(&head[..first.len_utf8()])
            .is_some_and(|tag| OPENING_TAGS.iter().any(|t| tag.starts_with(t)));
        continuity::starts_inside_word(head)
            > if opens {
                OPENER_STARTS_INSIDE_WORD
            } else {
                STARTS_INSIDE_WORD
            }
    };
    // A name (代小红说：) or an opener is a start, whatever its first character.
    word_end && !is_start() && !unknown_name(head)
}

/// What the rules leave of a paragraph that opens on a character standing alone, weighed
/// (`opening`): a start this unlikely lost its head. The signs of a start (an opener, a
/// name) only ever weigh for one (`opening`'s tests hold their weights to that), so they are
/// looked for only where the rest says the head was lost; so is a name the dictionary lacks.
fn opening_unlikely(text: &str) -> bool {
    let Some(bare) = first_character_evidence(text) else {
        return false;
    };
    let odds = bare.log_odds();
    // The segmentation, the costly question, is asked only below the stricter bar.
    let bar = if may_start_inside(han_head(text)) {
        UNLIKELY_OPENING
    } else if odds < UNLIKELY_HIDDEN_OPENING && alone_by_the_segmentation(text) {
        UNLIKELY_HIDDEN_OPENING
    } else {
        return false;
    };
    odds < bar
        && with_start_signs(bare, text).log_odds() < bar
        && !name_before_verb(han_head(text))
        && !organisation_first(han_head(text))
}

/// The ln odds of opening a sentence (by `opening`) below which a paragraph lost its head: on
/// the paragraphs `fit-starts` scores, none of the real starts of corpus-dev's held-out half
/// and two of the People's Daily's 12,233 paragraphs of January 1998 fall below it.
const UNLIKELY_OPENING: f32 = -6.0;
/// … and when only the segmentation leaves the first character alone
/// (`alone_by_the_segmentation`): the word of the dictionary that starts there may be what
/// the writer meant (会前，人们…, 年近五十的… of the People's Daily fall above it; 国人民…,
/// 年来的最高水平 below).
const UNLIKELY_HIDDEN_OPENING: f32 = -7.5;

/// The evidence on how a paragraph opens, when it opens on a character that no word of the
/// dictionary of two characters or more starts with (else `None`: such a word, or no Han,
/// opens it; or it is a sentence of a few characters, which `starts_inside` judges alone:
/// 是的。). The "starts here?" weights are fitted on these openings.
pub fn start_evidence(text: &str) -> Option<opening::Evidence> {
    first_character_evidence(text)
        .filter(|_| may_start_inside(han_head(text)))
        .map(|bare| with_start_signs(bare, text))
}

/// A word of the dictionary of two characters or more starts with the paragraph's first
/// character, but the segmentation reads the text better without it (国人|民… is 国/人民,
/// 年来|的… is 年/来的…), or the character is the only Han before a mark or a figure
/// (长10.8%。).
fn alone_by_the_segmentation(text: &str) -> bool {
    let token = super::starts::first_token(text);
    token.starts_with(is_han) && token.chars().nth(1).is_none()
}

/// The evidence on the first character, without the signs of a start, whether or not it
/// stands alone (`None`: no Han opens the paragraph, or it is a sentence of a few characters).
fn first_character_evidence(text: &str) -> Option<opening::Evidence> {
    let head = han_head(text);
    let first = head.chars().next()?;
    if short_sentence(text.trim_start(), head) {
        return None;
    }
    Some(opening::Evidence {
        start_odds: super::starts::character_start_odds(first),
        first_sentence_chars: sentence_chars(text.chars()),
        second_lone: may_start_inside(&head[first.len_utf8()..]),
        ..opening::Evidence::default()
    })
}

/// `evidence` with the signs of a start: an opener, a name.
fn with_start_signs(evidence: opening::Evidence, text: &str) -> opening::Evidence {
    opening::Evidence {
        opens_fresh: fresh_start(text) || OPENS_SENTENCE.is_match(text),
        names_first: is_person_name(first_chars(han_head(text), 3)),
        ..evidence
    }
}

/// The rules before `opening` find that `text` starts as no sentence does (a mark, a particle,
/// a word's end), with the shipped models: for fitting the weights of `opening`
/// (`examples/fit-starts.rs`).
pub fn starts_as_no_sentence(text: &str) -> bool {
    let alone = RefCell::default();
    let model = Model {
        built: None,
        alone: &alone,
    };
    starts_mid_sentence(text) || starts_inside(text, model)
}

/// The paragraph opens with an organ's short name that the dictionary lacks, before what it
/// does (工信部启动, 人社部发布, 卫健委要求, 网信办近日, 银保监会发布): one to three characters
/// it leaves alone, then one that names an organ (部, 委, 办…) or a short name of one.
fn organisation_first(head: &str) -> bool {
    let lexicon = continuity::lexicon();
    let words = lexicon.segment(first_chars(head, 8));
    let lone = |w: &str| w.chars().nth(1).is_none();
    // The organ's character alone, or a short name the dictionary tags as one (保监会/j), not a
    // word that ends on it (干部, 全部, 党委).
    let names_an_organ = |w: &str| {
        w.ends_with(|c: char| ORGAN_SUFFIXES.contains(c))
            && (lone(w)
                || w.chars().count() <= 3 && lexicon.tag(w).is_some_and(|tag| ["j", "nt"].contains(&tag)))
    };
    let Some(named) = (1..=3).find(|&k| words.get(k).is_some_and(|w| names_an_organ(w))) else {
        return false;
    };
    let short: usize = words[..=named].iter().map(|w| w.chars().count()).sum();
    words[..named].iter().all(|w| lone(w))
        && (3..=5).contains(&short)
        && words.get(named + 1).is_some_and(|next| {
            lexicon
                .tag(next)
                .is_some_and(|tag| ["v", "t", "d", "p"].iter().any(|t| tag.starts_with(t)))
        })
}

/// The characters that end the names of organs (外交部, 发改委, 国新办, 统计局, 审计署…).
const ORGAN_SUFFIXES: &str = "部委办局署厅院会";

/// The paragraph opens with a name the dictionary does not know: a foreign one, spelt in the
/// characters of transliteration (萨维一行是…), one whose second character stands alone and
/// is rare (水峪嘴村, 峪 alone), so the dictionary reads the first one no better as a word's end
/// than as a word, or a name before a verb (`name_before_verb`).
fn unknown_name(head: &str) -> bool {
    if transliterated(head) || name_before_verb(head) {
        return true;
    }
    let lexicon = continuity::lexicon();
    let words = lexicon.segment(first_chars(head, 4));
    let lone = |w: &&str| w.chars().nth(1).is_none();
    words.len() >= 2
        && words[..2].iter().all(lone)
        && lexicon.log_p(words[1]).is_none_or(|p| p < RARE_LONE_CHARACTER)
}

/// Two characters standing alone before a verb: a name the dictionary lacks before what its
/// bearer does (博塔宣称, 希亮教了, 子翼望着). A cut leaves one character of a word before the
/// next word, seldom two.
fn name_before_verb(head: &str) -> bool {
    let lexicon = continuity::lexicon();
    let lone = |w: &&str| w.chars().nth(1).is_none();
    let words = lexicon.segment(first_chars(head, 5));
    let [first, second, verb, after @ ..] = words.as_slice() else {
        return false;
    };
    // A lone verb acts only with its aspect particle (教了, 望着): else it may be a word's end.
    let acts = !lone(verb) || after.first().is_some_and(|w| ["了", "着", "过"].contains(w));
    // A function word or a suffix second is a word's end and what follows it (设也加快, 期共发行,
    // 设性作用), not a name.
    let function_word = lexicon
        .tag(second)
        .is_some_and(|tag| FUNCTION_TAGS.iter().any(|t| tag.starts_with(t)));
    lone(first)
        && lone(second)
        && !function_word
        && !second
            .chars()
            .any(|c| super::words::never_in_given_names(c) || WORD_SUFFIXES.contains(c))
        && lexicon.tag(verb) == Some("v")
        && acts
}

/// jieba's tags of adverbs, prepositions, conjunctions, particles, pronouns, numerals and
/// measure words.
const FUNCTION_TAGS: [&str; 7] = ["d", "p", "c", "u", "r", "m", "q"];

/// Characters that end many words (建设性, 现代化, 赛时): never the last of a name here.
const WORD_SUFFIXES: &str = "性化式型率度界时";

/// `head` opens with two characters that spell foreign names (萨维一行是…, 迪尼对…, 阿尔及利亚…):
/// a name the dictionary lacks, not a word's end.
fn transliterated(head: &str) -> bool {
    let mut chars = head.chars();
    let spells = |c: Option<char>| c.is_some_and(|c| TRANSLITERATION.contains(c));
    spells(chars.next()) && spells(chars.next())
}

/// The characters of the dictionary's foreign names (`build.rs`: those held by 15 words or more
/// tagged nrt or nsf, a tenth of the words that hold them or more).
const TRANSLITERATION: &str = include_str!(concat!(env!("OUT_DIR"), "/transliteration.txt"));

/// ln odds of a sentence opening with a lone first character (`starts`) below which a
/// paragraph starts inside a sentence (家 -5.6, 个 -5.6, 业 -5.9): below the one-character
/// names of cities that open news text (京 -4.6).
const RARE_START_ODDS: f32 = -4.7;
/// … before a figure (长 -3.5, 达 -4.1, 破 -2.8): the characters that open the paragraphs of
/// corpus-dev and of the People's Daily of January 1998 so are at -1.5 or above (约 -1.5, 表
/// -1.2, 前 -1.0, 到 -0.5, 从 2.0).
const RARE_START_BEFORE_FIGURE: f32 = -2.5;
/// … and for a word of two characters or more, -2.6 (`build.rs`, which lists those words:
/// none of corpus-dev's paragraphs and of the People's Daily's of January 1998 opens on one
/// but titles; 1.6% of the rests of cut sentences that no other sign marks do).
const RARE_OPENINGS: &str = include_str!(concat!(env!("OUT_DIR"), "/rare-openings.txt"));

/// The words of `RARE_OPENINGS`, titles aside.
static RARE_OPENING_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    RARE_OPENINGS
        .lines()
        .filter(|word| !TITLES.contains(word))
        .collect()
});

/// ln p below which a character standing alone is rare (峪 -12.7; 村 -8.9, 嘴 -9.1).
const RARE_LONE_CHARACTER: f32 = -11.0;

/// The paragraph is one sentence of at most `FRAGMENT_CHARS` Han characters and its stop
/// (`head`: its first Han characters).
fn short_sentence(text: &str, head: &str) -> bool {
    let text = text.trim_end();
    text.len() == head.len() + '。'.len_utf8()
        && text.ends_with(['。', '！', '？'])
        && head.chars().count() <= FRAGMENT_CHARS
}

/// The most Han characters of a paragraph that may be taken for the end of a sentence.
const FRAGMENT_CHARS: usize = 3;

/// A whole paragraph of a few words and a full stop (合影留念。, 贡献力量。) is the end of a longer
/// sentence, unless it names who acts (王毅参加会见。) or reads as a clause (发展很快。): 6 of the
/// 17,000 paragraphs of corpus-dev and of the People's Daily of January 1998 are so short, 5 of
/// them led by a name. (A file's first line may be a title with a stop: it is not asked.)
fn short_paragraph_lost(text: &str) -> bool {
    let head = han_head(text);
    short_paragraph(text, head)
        && !OPENS_SENTENCE.is_match(text)
        && !fresh_start(text)
        && !names_who_acts(head)
        && !subject_and_predicate(head)
}

/// `head` reads as a clause of its own: a noun, a place or a time, then a verb, an adverb or
/// an adjective (发展很快, 中方赞赏), not a predicate or a noun phrase alone (合影留念, 贡献力量).
fn subject_and_predicate(head: &str) -> bool {
    let lexicon = continuity::lexicon();
    let words = lexicon.segment(head);
    let tag = |word: &str| lexicon.tag(word).unwrap_or_default();
    let Some((first, rest)) = words.split_first() else {
        return false;
    };
    let subject = ["n", "vn", "f", "s", "t", "r"]
        .iter()
        .any(|t| tag(first).starts_with(t));
    subject
        && rest
            .iter()
            .any(|w| ["v", "d", "a"].iter().any(|t| tag(w).starts_with(t)))
}

/// The paragraph is one sentence of more than `FRAGMENT_CHARS` Han characters, and no more than
/// `han_head` reads (6), and a full stop.
fn short_paragraph(text: &str, head: &str) -> bool {
    let text = text.trim_end();
    text.len() == head.len() + '。'.len_utf8()
        && text.ends_with('。')
        && head.chars().nth(FRAGMENT_CHARS).is_some()
}

/// The paragraph starts with a name, a pronoun, a place or an organisation (王毅, 他们, 中方).
fn names_who_acts(head: &str) -> bool {
    let lexicon = continuity::lexicon();
    let first = lexicon.segment(head).into_iter().next().unwrap_or_default();
    (2..=3).any(|n| is_person_name(first_chars(head, n)))
        || lexicon
            .tag(first)
            .is_some_and(|tag| ["r", "nr", "ns", "nt"].iter().any(|t| tag.starts_with(t)))
}

/// The paragraph opens with one character and a comma or a stop (设，让人工智能…; 作。),
/// and that character ends words more often than it stands alone: no sentence opens so,
/// save with a conjunction, an adverb, a pronoun or an interjection (但，; 对，), or a word
/// that answers (是，; 好，).
fn lone_character_clause(text: &str, head: &str) -> bool {
    let mut chars = head.chars();
    let (Some(first), None) = (chars.next(), chars.next()) else {
        return false;
    };
    let after = &text[head.len()..];
    // Before an enumeration comma, a list of single characters (东、中、西部; 党、政、军) opens a
    // sentence; one character before a longer item (毅、何立峰等; 金、技术、人才) ends a word.
    let listed = after
        .strip_prefix('、')
        .is_some_and(|rest| rest.chars().take_while(|&c| is_han(c)).nth(1).is_some());
    if !after.starts_with(['，', '。']) && !listed {
        return false;
    }
    let tag = continuity::lexicon().tag(&head[..first.len_utf8()]);
    // No sentence of news is one character (none in a month of the People's Daily) save an
    // interjection or an answer: 中。党的十八大以来… lost the words before 中.
    if after.starts_with('。') {
        return !tag.is_some_and(|tag| ["e", "y", "o"].contains(&tag))
            && !ONE_CHARACTER_SENTENCES.contains(first);
    }
    let opens = tag.is_some_and(|tag| LONE_OPENING_TAGS.iter().any(|t| tag.starts_with(t)));
    // Directions, places, sizes and kinds stand alone in a list (东、西两侧, 大、中型, 中、小学),
    // and so do the levels of government (省、自治区、直辖市; 市、县人民政府).
    let listed_alone = listed
        && (tag.is_some_and(|tag| ["f", "a", "b", "s", "ns"].contains(&tag))
            || ADMINISTRATIVE_LEVELS.contains(first));
    !opens && !listed_alone && continuity::starts_inside_word(head) > 0.0
}

/// Interjections and answers, the sentences of one character (the dictionary tags some as
/// morphemes: 啊, 唉).
const ONE_CHARACTER_SENTENCES: &str = "啊哦噢嗯唉哎哇呀喂嗨嘿咦哈好是对行";

/// Levels of government, named by one character in a list of them.
const ADMINISTRATIVE_LEVELS: &str = "省市县区乡镇村州";

/// jieba's tags of the single characters that may open a sentence before a comma:
/// conjunctions, adverbs, pronouns, prepositions, numerals, interjections, modal particles,
/// onomatopoeia.
const LONE_OPENING_TAGS: [&str; 8] = ["c", "d", "r", "p", "m", "e", "y", "o"];

/// The cheap part of `starts_inside`, on the first Han characters of a paragraph: the first
/// one stands alone, no word
/// of two characters or more starts with it here (近年来 and 重庆市 open with words of their
/// own).
fn may_start_inside(head: &str) -> bool {
    let mut ends = head.char_indices().map(|(i, c)| i + c.len_utf8());
    let Some(first) = ends.next() else {
        return false;
    };
    let lexicon = continuity::lexicon();
    head.len() > first && !ends.take(3).any(|end| lexicon.has(&head[..end]))
}

/// jieba's tags of the single-character words that open sentences.
const OPENING_TAGS: [&str; 11] = ["p", "c", "r", "d", "m", "t", "e", "o", "v", "a", "nr"];

/// Characters that, standing as a word of their own, never open a sentence: particles and
/// suffixes.
const NEVER_OPENS: &str = "的了着得们地吗呢吧么";

/// A cheap first look: text whose last character is a sentence end, or a closing quote right
/// after one (。”), cannot stop mid-sentence.
fn may_stop_mid_sentence(text: &str) -> bool {
    let text = text.trim_end();
    let text = text.strip_suffix(['”', '’', '」', '』']).unwrap_or(text);
    !text.ends_with(|c: char| is_sentence_end(c) || matches!(c, '；' | '：' | '—'))
        || ends_on_a_range_dash(text)
}

/// `text` stops on the dash of a range after its first number (0—, 1—5月 cut after 1—): the
/// range goes on.
fn ends_on_a_range_dash(text: &str) -> bool {
    text.strip_suffix('—')
        .is_some_and(|before| before.ends_with(|c: char| c.is_ascii_digit()))
}

/// Text wrapped at a fixed width, a line break inside every paragraph: its lines stop
/// mid-sentence because of the layout, not because of a fault. Most of the lines that stop
/// mid-sentence then have the same length, give or take a character.
fn hard_wrapped(doc: &Document) -> bool {
    let mut lengths = std::collections::BTreeMap::<usize, usize>::new();
    let mut total = 0;
    for line in &doc.lines {
        let text = doc.slice(&line.content);
        // Headings and titles stop without a mark too, and are often of a length: only lines
        // of running text (with a clause mark or a stop in them) count.
        let running = || {
            let marks = census(text);
            marks.stop || marks.clauses > 0
        };
        if line.kind == LineKind::Text && !text.is_empty() && stops_mid_sentence(text) && running() {
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
    // A note of the pictures that go with a headline or a story ((附图片1张), （组图）) is no
    // part of its text.
    let mut text = text;
    let mut noted = false;
    while let Some(at) = picture_note(text.trim_end()) {
        text = &text[..at];
        noted = true;
        if text.trim().is_empty() {
            return Role::Other;
        }
    }
    // A line with such a note and no stop of its own is a headline or a caption: a paragraph
    // cut off mid-sentence loses what came after the cut, the note too.
    if noted && stops_mid_sentence(text) {
        return Role::Heading;
    }
    // Bulleted items (■ 用好数字化变革…), bylines (□本报记者), table rows.
    if text.starts_with(['■', '□', '●', '◆', '▲', '►', '•', '★', '☆', '◎'])
        || memchr::memchr2(b'|', b'\t', text.as_bytes()).is_some()
    {
        return Role::Other;
    }
    // Most paragraphs end with a full stop (and perhaps a closing quote): running text that
    // ends complete, known without counting its marks.
    let last = text.trim_end();
    if last
        .strip_suffix(['”', '’', '」', '』'])
        .unwrap_or(last)
        .ends_with(['。', '！', '？'])
    {
        return Role::Prose(Ending::Complete);
    }
    if is_headline_in_parts(text) {
        return Role::Heading;
    }
    let marks = census(text);
    let (has_stop, clauses, enumerations) = (marks.stop, marks.clauses, marks.enumerations);
    if !has_stop {
        if is_signature(text) || is_list_of_names(text) || is_table_caption(text) {
            return Role::Other;
        }
        let chars = text.chars().count();
        // A headline may list with 、 (中国、老挝…); a fragment that ends on one is still
        // joined to what carries it on.
        // A dateline opens a story, and a title mark or a bracket left open runs on: neither
        // stands as a heading.
        if clauses == enumerations
            && chars <= MAX_HEADING_CHARS
            && !text.ends_with('、')
            && !marks.unclosed()
            && !is_dateline(text)
        {
            return Role::Heading;
        }
        // A name-and-title line or a headline in parts has spaces between its parts.
        if has_space_between_han(text) {
            return Role::Other;
        }
        if is_headline_in_clauses(text, marks) {
            return Role::Heading;
        }
    }
    Role::Prose(if !stops_mid_sentence(text) {
        Ending::Complete
    } else if has_stop
        || clauses > enumerations
        || marks.unclosed()
        || ends_mid_word(text)
        || opens_story(text)
    {
        Ending::Open
    } else {
        Ending::Unsure
    })
}

/// A headline of two or three short parallel clauses (以核养核，滚动发展; 胸中有全局，手中有典
/// 型; 第一，提高产业技术水平，推动产业结构优化升级), as papers write their subheadings: it
/// opens as no sentence does (今天，, 会议指出，, 截至8月2日，, 几十年来，, 我们要…), its last
/// clause is no stub (中小企业，今年), and it ends where a sentence may (not on 的 or 了, inside a
/// word, on a word that leads into more, or where the trigram doubts an end).
fn is_headline_in_clauses(text: &str, marks: Census) -> bool {
    let text = text.trim();
    if marks.enumerations > 0
        || marks.clauses > MAX_HEADLINE_CLAUSES - 1
        || marks.unclosed()
        || text.ends_with(['，', ','])
    {
        return false;
    }
    let mut clauses = text.split(['，', ',']);
    let Some(first) = clauses.clone().next() else {
        return false;
    };
    let tail = han_tail_of(text, 8);
    let count = |clause: &str| clause.chars().count();
    // The last clause weighs as much as the first (a cut leaves a stub: 中小企业，今年).
    let last = clauses.clone().next_back().map_or(0, count);
    last >= 3
        && 2 * last >= count(first)
        && clauses.all(|clause| (2..=MAX_HEADLINE_CLAUSE_CHARS).contains(&count(clause)))
        && (first.starts_with('第') || !OPENS_SENTENCE.is_match(text) && !fresh_start(first))
        && !opens_with_a_pronoun(first)
        && !OPENS_WITH_SETTING.is_match(text)
        && !first.contains(|c: char| c.is_ascii_digit())
        && !text.ends_with(['的', '了', '着', '地', '得', '之'])
        && !stops_inside_a_word(tail)
        && !ends_on_a_word_before_more(tail)
        && super::ngram::log_p_end(last_chars(text, JOIN_CONTEXT + 2)).is_none_or(|p| p >= DOUBTFUL_END)
}

/// `clause` opens with a pronoun (我们要…, 这是…): a sentence's subject, not a headline's.
fn opens_with_a_pronoun(clause: &str) -> bool {
    let lexicon = continuity::lexicon();
    lexicon
        .segment(first_chars(clause, 4))
        .first()
        .and_then(|word| lexicon.tag(word))
        .is_some_and(|tag| tag == "r")
}

/// The most clauses of a headline in parts, and the longest clause, in characters.
const MAX_HEADLINE_CLAUSES: usize = 3;
const MAX_HEADLINE_CLAUSE_CHARS: usize = 14;

/// A byline (`is_byline`) or a name alone on its line (张同吾): who wrote the story under a
/// headline.
fn is_signature(text: &str) -> bool {
    let name = text.trim();
    is_byline(text) || name.len() <= 4 * 4 && is_person_name(name) || is_two_names(name)
}

/// Two names run together, as a byline loses the space between them (袁建军王云, 刘国中何立峰;
/// not two names of two characters: 王沪宁表 is a name and a cut word).
fn is_two_names(text: &str) -> bool {
    let chars = text.chars().count();
    (5..=6).contains(&chars)
        && text.chars().all(is_han)
        && (2..=3).any(|first| {
            let at = text.char_indices().nth(first).map_or(text.len(), |(at, _)| at);
            (2..=3).contains(&(chars - first)) && is_person_name(&text[..at]) && is_person_name(&text[at..])
        })
}

/// A byline on its own line: a reporter's title, then names (本报记者许立群, 新华社记者陈毛弟本报记者
/// 吕网大, 记者 张三 李四), not a clause (记者来到现场, 记者从北京: the names open with a
/// surname, and hold no word of two characters or more that is a verb, an idiom, an adverb, a
/// preposition or a conjunction).
fn is_byline(text: &str) -> bool {
    let text = text.trim();
    // A photo credit (记者 张锦辉 摄) is a caption: it stands where a heading does.
    if text.ends_with(['摄', '图']) || text.ends_with("摄影") {
        return false;
    }
    // The cheap tests first: most paragraphs are longer (a character takes at most 4 bytes).
    if text.len() > 4 * MAX_BYLINE_CHARS
        || text.chars().nth(MAX_BYLINE_CHARS).is_some()
        || !text.chars().all(|c| is_han(c) || c == '·' || c.is_whitespace())
    {
        return false;
    }
    if BYLINE_TITLE.find(text).is_none_or(|title| title.start() != 0) {
        return false;
    }
    let names: String = BYLINE_TITLE
        .split(text)
        .flat_map(|part| part.chars().filter(|&c| is_han(c)))
        .collect();
    let lexicon = continuity::lexicon();
    let starts_with_a_name = (2..=3).any(|n| is_person_name(first_chars(&names, n)));
    starts_with_a_name
        && !lexicon.segment(&names).iter().any(|word| {
            word.chars().nth(1).is_some()
                && lexicon
                    .tag(word)
                    .is_some_and(|tag| tag.starts_with('v') || ["l", "i", "d", "p", "c"].contains(&tag))
        })
}

static BYLINE_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:新华社|本报|人民日报|中新社)?(?:首席|特约|见习|实习)?(?:记者|通讯员)")
        .expect("byline title pattern")
});

/// The longest byline, in characters (three reporters' titles and names).
const MAX_BYLINE_CHARS: usize = 40;

/// The marks of a text that its role turns on, counted in one pass over their first bytes,
/// without decoding the Han between them.
#[derive(Clone, Copy, Default)]
struct Census {
    /// A full stop (。！？).
    stop: bool,
    /// A semicolon (；;).
    semicolon: bool,
    /// Clause marks (，、；,;).
    clauses: usize,
    /// Enumeration commas (、).
    enumerations: usize,
    /// Book-title marks opened less those closed.
    titles_open: isize,
    /// Round brackets (full or half width) opened less those closed.
    brackets_open: isize,
}

impl Census {
    /// A book-title mark or a bracket is left open (《求, （新闻): a paragraph does not stop
    /// inside one. (Quotation marks may: a quotation of several paragraphs opens each of them.)
    fn unclosed(self) -> bool {
        self.titles_open > 0 || self.brackets_open > 0
    }
}

fn census(text: &str) -> Census {
    let bytes = text.as_bytes();
    let mut marks = Census::default();
    // Lead bytes of the CJK and full-width marks, and ASCII marks: always a character's start.
    for i in memchr::memchr3_iter(0xE3, 0xEF, b',', bytes) {
        match text[i..].chars().next() {
            Some('。' | '！' | '？') => marks.stop = true,
            Some('、') => {
                marks.clauses += 1;
                marks.enumerations += 1;
            }
            Some('；') => {
                marks.clauses += 1;
                marks.semicolon = true;
            }
            Some('，' | ',') => marks.clauses += 1,
            Some('《') => marks.titles_open += 1,
            Some('》') => marks.titles_open -= 1,
            Some('（') => marks.brackets_open += 1,
            Some('）') => marks.brackets_open -= 1,
            _ => {}
        }
    }
    for i in memchr::memchr3_iter(b';', b'(', b')', bytes) {
        match bytes[i] {
            b';' => {
                marks.clauses += 1;
                marks.semicolon = true;
            }
            b'(' => marks.brackets_open += 1,
            _ => marks.brackets_open -= 1,
        }
    }
    marks
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
    // A dash ends a headline over its subtitle; the People's Daily prints it ——－.
    if is_sentence_end(last) || matches!(last, '；' | ';' | '：' | ':' | '—' | '.') || rest.ends_with("—－")
    {
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
        r"^[(（]?(?:图片来源|图片|来源|供图|图/|图：|图:|本报记者|记者|通讯员|特约|实习生|编辑|责任编辑)|(?:摄|供图|摄影)(?:/\S*)?$|^[—－-]+编者$",
    )
    .expect("credit pattern")
});

/// A photo credit, the names of the authors (李璋 农国圣), or the editor's sign-off under a note
/// (———编者).
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
    // One Han character after a mark (…，好) says nothing: it may be a word of its own.
    // Otherwise the last character is cut off when no word of two to four characters ends
    // with it (投资重: 资重, 投资重 are no words)…
    let tail = han_tail_of(text, 8);
    let starts: Vec<usize> = tail.char_indices().map(|(i, _)| i).collect();
    let lexicon = continuity::lexicon();
    // … and the dictionary finds it likelier to begin a word than to stand alone (创新上 ends
    // on the word 上).
    starts.len() >= 2
        && !starts
            .iter()
            .rev()
            .skip(1)
            .take(3)
            .any(|&at| lexicon.has(&tail[at..]))
        && continuity::ends_inside_word(tail) > 0.0
}

fn has_space_between_han(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    // A space inside a title mark is the title's own (《奋进新征程 建功新时代》).
    let mut titles = 0usize;
    chars.windows(3).any(|w| {
        match w[0] {
            '《' => titles += 1,
            '》' => titles = titles.saturating_sub(1),
            _ => {}
        }
        titles == 0 && is_han(w[0]) && matches!(w[1], ' ' | '\u{3000}') && is_han(w[2])
    })
}

static FRESH_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[“「『【\[■□●◆▲★•]|本报|新华社|央视网|中新网|人民网|据[^，。]{0,12}(?:报道|消息)|记者|通讯员|[一二三四五六七八九十]+(?:是|、|要|方面)|第[一二三四五六七八九十\d]+|首先|其次|再次|最后|此外|另外|[（(][一二三四五六七八九十\d]+[）)]|\d+(?:、|[.．](?:\D|$))|[^，。！？\s]{0,16}\d+日电)",
    )
    .expect("fresh-start pattern")
});

/// `text` opens as a paragraph does (`FRESH_START`): a quotation opens one, but not a short
/// quoted term that a stop or a comma closes right after (发展 | “加速度”。, 缓解 |
/// “夏汛冬枯、北缺南丰”，): in corpus-dev such a term stands 203 times inside a sentence
/// and never first in a paragraph.
fn fresh_start(text: &str) -> bool {
    static QUOTED_TERM_CLAUSE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^“[^“”。，！？]{1,16}”[。，、]").expect("quoted term pattern"));
    FRESH_START.is_match(text) && !QUOTED_TERM_CLAUSE.is_match(text)
}

/// The openers and the verbs of saying of `rules/sentence-openers.txt`, read once, as written.
static SENTENCE_OPENERS: LazyLock<[Vec<&'static str>; 2]> = LazyLock::new(|| {
    let data = include_str!("../../rules/sentence-openers.txt");
    let mut sections: [Vec<&str>; 2] = Default::default();
    let mut section = None;
    for line in data
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        match line {
            "[openers]" => section = Some(0),
            "[attribution]" => section = Some(1),
            word => {
                if let Some(k) = section {
                    sections[k].push(word);
                }
            }
        }
    }
    sections
});

/// `words` as alternatives of a pattern.
fn alternatives(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

/// Openers and verbs of saying from `rules/sentence-openers.txt`, as one pattern: a time or
/// a connective first (今天, 与此同时), a date (1月22日, 2013年), or a first clause that
/// names who speaks (习近平指出，).
static OPENS_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    let [openers, verbs] = &*SENTENCE_OPENERS;
    Regex::new(&format!(
        r"^(?:(?:{})|[^，。！？“”]{{1,16}}(?:{})[，：]|[^，。]{{0,12}}\d{{1,2}}月\d{{1,2}}日|\d{{4}}年)",
        alternatives(openers),
        alternatives(verbs)
    ))
    .expect("sentence-opener pattern")
});

/// The line is a time or a connective that opens sentences, alone (今天, 今年, 目前, 与此同时):
/// no headline; the sentence it opens was cut after it. (A source alone, 新华社, is a credit.)
fn opener_alone(text: &str) -> bool {
    const SOURCES: [&str; 3] = ["记者", "本报", "新华社"];
    let text = text.trim();
    SENTENCE_OPENERS[0].contains(&text) && !SOURCES.contains(&text)
}

/// The line ends on a verb of saying (…审议时说, …强调): what was said follows; no headline
/// ends so.
fn ends_on_a_verb_of_saying(text: &str) -> bool {
    let text = text.trim_end();
    SENTENCE_OPENERS[1].iter().any(|verb| text.ends_with(verb))
}

/// A first clause that is a verb of saying alone, or after a day or an adverb (表示，…, 还指出：…,
/// 16日称，…): who speaks was lost with the paragraph's head (李强 | 指出，, 以军方 | 16日称，).
/// None of the 17,000 paragraphs of corpus-dev and of the People's Daily of January 1998 opens
/// so.
fn speaker_lost(text: &str) -> bool {
    static SPEAKER_LOST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^(?:\d{{1,2}}日|当天|当日|同日|今天|昨天|日前|近日)?(?:还|也|又|并|同时|再次|进一步|随后|则|都|均|亦|曾|先后|分别|一致|纷纷)?(?:{})[，：,:]",
            alternatives(&SENTENCE_OPENERS[1])
        ))
        .expect("lost-speaker pattern")
    });
    SPEAKER_LOST.is_match(text)
}

/// A story's first paragraph opens on its day or its date (今天（2月3日），, 截至8月2日，,
/// 3月5日，); a deck line states what holds, on no day.
fn opens_on_a_day(text: &str) -> bool {
    const DAYS: [&str; 8] = ["今天", "昨天", "明天", "今晚", "昨晚", "今晨", "截至", "截止"];
    static MONTH_DAY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[0-9]{1,2}月[0-9]{1,2}日").expect("month-day pattern"));
    if DAYS.iter().any(|day| text.starts_with(day)) {
        return true;
    }
    // A date within the first clause's first characters ((2月3日），, 至8月2日，).
    let clause = first_chars(text, DAY_WITHIN_CHARS + 6)
        .split(['，', '。'])
        .next()
        .unwrap_or_default();
    MONTH_DAY
        .find(clause)
        .is_some_and(|date| clause[..date.start()].chars().nth(DAY_WITHIN_CHARS).is_none())
}

/// How far into a paragraph its date may stand to open it, in characters.
const DAY_WITHIN_CHARS: usize = 12;

/// The paragraph opens something new: a quotation, a dateline, a numbered point, a time or a
/// connective, an attributed statement. The sentence before it does not carry on into it.
fn opens_fresh(before: &str, text: &str) -> bool {
    (fresh_start(text)
        || OPENS_SENTENCE.is_match(text)
        || DAY_FIRST.is_match(text) && !before.trim_end().ends_with('月'))
        && !quoted_terms_run_on(before, text)
}

/// A clause of a day alone (24日，, 22日—23日，): a sentence that opens on its day, unless
/// the text before ends on the month (截至6月 | 30日，).
static DAY_FIRST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9]{1,2}日(?:[—-][0-9]{1,2}日)?[，,]").expect("day pattern"));

/// `first` ends on a month of a date and `second` opens on its day (截至6月 | 30日，): the date
/// goes on, though a day alone may open a sentence (24日，…).
fn month_before_day(first: &str, second: &str) -> bool {
    let month = first.strip_suffix('月').is_some_and(|before| {
        let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        (1..=2).contains(&digits)
    });
    month && date_part_first(second, '日')
}

/// `text` opens with the one or two digits of a month or a day and then `unit` (10月, 30日).
fn date_part_first(text: &str, unit: char) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits) && text[digits..].starts_with(unit)
}

/// `second` opens with a date (2023年，, 4月26日—27日，, 24日，) that the number `first` ends
/// on does not run on into: the digits together make no year, month or day (1—10 | 2023年,
/// 210.3 | 4月26日; but 1 | 8日，).
fn date_stands_apart(first: &str, second: &str) -> bool {
    static DATE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:[0-9]{4}年|[0-9]{1,2}月[0-9]{1,2}日)").expect("date pattern"));
    if !DATE.is_match(second) && !DAY_FIRST.is_match(second) {
        return false;
    }
    let before = first.trim_end_matches(|c: char| c.is_ascii_digit());
    let (tail, head) = (
        &first[before.len()..],
        second.trim_start_matches(|c: char| c.is_ascii_digit()),
    );
    let digits = &second[..second.len() - head.len()];
    if tail.is_empty() || before.ends_with('.') {
        return true;
    }
    let joined: u32 = format!("{tail}{digits}").parse().unwrap_or(u32::MAX);
    let valid = match head.chars().next() {
        Some('年') => tail.len() + digits.len() == 4,
        Some('月') => (1..=12).contains(&joined),
        Some('日') => (1..=31).contains(&joined),
        _ => false,
    };
    !valid
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

/// No sentence starts with a comma, a stop or a closing mark, nor inside a pair of marks, a
/// number or a date.
fn starts_mid_sentence(text: &str) -> bool {
    text.starts_with([
        '，', '、', '。', '；', '：', '！', '？', '）', '》', '」', '』', '】', '”', '’', ',', ';',
    ]) && !is_year_apostrophe(text)
        || closes_unopened(text)
        || starts_inside_number(text)
        || starts_with_a_bare_unit(text)
        || speaker_lost(text)
        || dateline_cut(text)
        || time_frame_alone(text)
        || particle_first(text)
}

/// The paragraph opens on a particle standing alone, which only ever follows a word (了行业内…,
/// 的“清朗”…, 了3次; not 了解, 的确, 着力, 地方).
fn particle_first(text: &str) -> bool {
    let head = han_head(text);
    let mut chars = head.chars();
    let alone = |rest: Option<char>| match rest {
        None => text.len() > head.len(),
        Some(_) => may_start_inside(head),
    };
    chars.next().is_some_and(|c| NEVER_OPENS.contains(c)) && alone(chars.next())
}

/// A first clause that is a time frame alone, which follows what it frames (以来，, 期间，,
/// 结束后，): the event or the date before it was lost. No paragraph of corpus-dev or of the
/// People's Daily of January 1998 opens so.
fn time_frame_alone(text: &str) -> bool {
    const FRAMES: [&str; 6] = ["以来", "期间", "之际", "前夕", "结束后", "以后"];
    FRAMES.iter().any(|frame| {
        text.strip_prefix(frame)
            .is_some_and(|rest| rest.starts_with(['，', ',']))
    })
}

/// The end of a dateline that lost its agency and place: its source's word before the
/// programme or the reporter in brackets or a colon (消息（新闻联播）：, 电（记者…）), or the
/// brackets and the colon alone (（新闻联播）：). No paragraph of corpus-dev or of the People's
/// Daily of January 1998 opens so.
fn dateline_cut(text: &str) -> bool {
    let rest = ["网消息", "消息", "电", "讯"]
        .iter()
        .find_map(|word| text.strip_prefix(word));
    let after_source = rest.is_some();
    let rest = rest.unwrap_or(text);
    if after_source && rest.starts_with(['：', ':']) {
        return true;
    }
    let Some(inner) = rest.strip_prefix(['（', '(']) else {
        return false;
    };
    inner.find(['）', ')']).is_some_and(|end| {
        let closed = &inner[end..];
        let after = closed.char_indices().nth(1).map_or("", |(at, _)| &closed[at..]);
        inner[..end].chars().nth(DATELINE_NOTE_CHARS).is_none()
            && (after_source || after.starts_with(['：', ':']))
    })
}

/// The most characters of a dateline's note in brackets (新闻联播, 记者 王小明 李华).
const DATELINE_NOTE_CHARS: usize = 12;

/// `second`, right under the heading-like line `first`, starts mid-sentence: on a clause mark,
/// or by the other signs of `starts_mid_sentence` under a line long enough to be a headline
/// and not stopping on a figure that `second` could go on (清晨 | 时分，, 举行了2 | 022年 are cut
/// sentences), save a verb of saying after a line that names who speaks (…发言人萨巴赫·努曼15日
/// | 说，).
fn starts_mid_sentence_under(first: &str, second: &str) -> bool {
    let first = first.trim_end();
    second.starts_with(CLAUSE_MARKS)
        || first.chars().nth(MIN_HEADLINE_CHARS - 1).is_some()
            && !first.ends_with(|c: char| c.is_ascii_alphanumeric())
            && starts_mid_sentence(second)
            && !(speaker_lost(second) && names_who_speaks(first))
}

/// The line stops on who speaks: a name the dictionary knows, a title or the day that goes
/// before a verb of saying (…发言人萨巴赫·努曼15日, …外交部发言人, …总统普京).
fn names_who_speaks(line: &str) -> bool {
    let tail = han_tail_of(line, 3);
    line.strip_suffix('日')
        .is_some_and(|before| before.ends_with(|c: char| c.is_ascii_digit()))
        || TITLES.iter().any(|title| line.ends_with(title))
        || (2..=3).any(|n| {
            continuity::lexicon()
                .tag(last_chars(tail, n))
                .is_some_and(|tag| tag.starts_with("nr"))
        })
}

/// A foreign name spelt in the characters of transliteration is cut in two: `first` stops on
/// two or more of them, and `second` opens on one that stands alone (代表巴赫雷 | 尼26日说).
fn foreign_name_across(first: &str, second: &str) -> bool {
    let spells = |c: char| TRANSLITERATION.contains(c);
    let tail = han_tail(first);
    let head = han_head(second);
    tail.chars().rev().take_while(|&c| spells(c)).nth(1).is_some()
        && head.chars().next().is_some_and(spells)
        && (may_start_inside(head) || alone_by_the_segmentation(second))
}

/// The fewest characters of a headline over a story that lost its head.
const MIN_HEADLINE_CHARS: usize = 6;

/// A first clause or sentence that is a decimal or a share alone (1.17%；全国…, 6.1%，, 0.8%。):
/// the end of a figure whose subject was lost. (No sentence of the People's Daily of January
/// 1998 opens so.)
fn is_bare_share_clause(text: &str) -> bool {
    let digits = |t: &str| t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let whole = digits(text);
    if whole == 0 {
        return false;
    }
    let mut rest = &text[whole..];
    let decimal = rest
        .strip_prefix('.')
        .filter(|after| digits(after) > 0)
        .map(|after| &after[digits(after)..]);
    if let Some(after) = decimal {
        rest = after;
    }
    let share = rest.strip_prefix('%');
    (decimal.is_some() || share.is_some())
        && share
            .unwrap_or(rest)
            .starts_with(['，', '；', ',', ';', '。', '！', '？'])
}

/// A year written short after an apostrophe (’97中国旅游年, ’99昆明世博会): no closing quote.
fn is_year_apostrophe(text: &str) -> bool {
    let mut chars = text.chars();
    matches!(chars.next(), Some('’' | '\''))
        && chars.next().is_some_and(|c| c.is_ascii_digit())
        && chars.next().is_some_and(|c| c.is_ascii_digit())
        && !chars.next().is_some_and(|c| c.is_ascii_digit())
}

/// A unit or measure word stands after its number: a clause of one alone (月，…, 万吨，…, 万家、…),
/// a day without its date (日上午…, 日表示…) or a year or a month without its number before the
/// rest of the date (年10月…, 月30日…) lost the number before it (日前, 日本 and 日夜 are words of
/// their own).
fn starts_with_a_bare_unit(text: &str) -> bool {
    let date_goes_on = |unit: char, next: char| {
        text.strip_prefix(unit)
            .is_some_and(|after| date_part_first(after, next))
    };
    if date_goes_on('年', '月') || date_goes_on('月', '日') {
        return true;
    }
    let units = text
        .chars()
        .take(3)
        .take_while(|c| NUMBER_UNITS.contains(c))
        .count();
    let rest = text.char_indices().nth(units).map_or("", |(at, _)| &text[at..]);
    ((1..=2).contains(&units) && rest.starts_with(['，', '、', '；']))
        || text
            .strip_prefix('日')
            .is_some_and(|after| DAY_AFTER_DATE.iter().any(|w| after.starts_with(w)))
}

/// What follows the day of a date (3日上午, 23日表示) and never a sentence's first 日.
const DAY_AFTER_DATE: [&str; 14] = [
    "上午", "下午", "晚", "凌晨", "中午", "早上", "电", "表示", "称", "宣布", "报道", "发布", "召开", "举行",
];

/// A number is not written with a 0 before its other digits, nor is a count a zero alone: one
/// that starts so lost its head digits (2|024年, 15|00多人, 80|0到1000亩). A generation (00后), a page or an issue (01版, 05期), a month
/// written with its 0 (01月) and a time (08:30) are written so.
fn starts_inside_number(text: &str) -> bool {
    let Some(after_zero) = text.strip_prefix('0') else {
        return false;
    };
    let rest = after_zero.trim_start_matches(|c: char| c.is_ascii_digit());
    if rest.len() == after_zero.len() {
        // A zero alone before a word (0到1000亩) is the last digit of a number; a time (0时),
        // a score (0比0) or a decimal (0.5) starts so.
        return rest.starts_with(is_han) && !rest.starts_with(['时', '点', '比', '分', '后']);
    }
    !rest.starts_with(['后', '版', '期', '月', '号', ':', '：', '.'])
}

/// The first clause closes a bracket, a title mark or a quotation mark before it opens one
/// (日）召开…, 闻联播）：…, 白玉兰绽放”颁奖典礼): the text starts inside the pair, whose opening
/// was lost with the sentence's head. A list's number (1）, 一）, a)) closes nothing.
fn closes_unopened(text: &str) -> bool {
    for (at, c) in text.char_indices().take(UNOPENED_SEARCH_CHARS) {
        match c {
            '（' | '(' | '《' | '“' | '「' | '『' | '【' => return false,
            '）' | ')' | '》' | '”' | '」' | '』' | '】' => {
                return !text[..at]
                    .chars()
                    .all(|d| d.is_ascii_alphanumeric() || CHINESE_NUMERALS.contains(d));
            }
            '，' | '。' | '！' | '？' | '；' | ',' | ';' => return false,
            _ => {}
        }
    }
    false
}

/// How far into a paragraph a closing mark is looked for, in characters.
const UNOPENED_SEARCH_CHARS: usize = 20;
/// The numerals a list's number may be written in.
const CHINESE_NUMERALS: &str = "一二三四五六七八九十";

fn han_tail(text: &str) -> &str {
    han_tail_of(text, JOIN_CONTEXT)
}

/// The last `max` characters of `text` when they are Han (fewer where the Han run is shorter).
fn han_tail_of(text: &str, max: usize) -> &str {
    let text = text.trim_end();
    let mut start = text.len();
    for (i, c) in text.char_indices().rev().take(max) {
        if !is_han(c) {
            break;
        }
        start = i;
    }
    &text[start..]
}

/// The first characters of `text` when they are Han.
fn han_head(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut end = 0;
    for _ in 0..JOIN_CONTEXT {
        // Lead bytes E4..E9 open U+4000..U+9FFF, all Han: most text needs no decoding.
        let len = match bytes.get(end) {
            Some(0xE4..=0xE9) => 3,
            Some(_) => match text[end..].chars().next() {
                Some(c) if is_han(c) => c.len_utf8(),
                _ => break,
            },
            None => break,
        };
        end += len;
    }
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

    /// The shipped models, as the judgements use them without `--model` (its cache lives as
    /// long as the test).
    fn shipped_model() -> Model<'static> {
        Model {
            built: None,
            alone: Box::leak(Box::default()),
        }
    }

    #[test]
    fn pairs_left_open_near_the_end_and_their_close() {
        assert_eq!(left_open("反对“"), Some('”'));
        assert_eq!(left_open("会议通过修订后的《"), Some('》'));
        assert_eq!(left_open("央视网消息（新闻"), Some('）'));
        // Closed, or a quotation opened long before the end (it may run on for sentences).
        assert_eq!(left_open("坚持“九二共识”、反对“台独”"), None);
        assert_eq!(
            left_open("“同时，上线“渝悦·救助”和“精神卫生”2个应用，主动解决困难群众在社会救助"),
            None
        );
        assert!(closes_first("台独”，是两岸关系和平发展的", '”'));
        assert!(closes_first("新闻联播）：今天", '）'));
        // An opening of its own first: its close is its own.
        assert!(!closes_first("与会台湾青年代表作了发言。", '”'));
        assert!(!closes_first("“三北”工程攻坚战", '”'));
    }

    #[test]
    fn a_number_cut_and_a_scene_set() {
        for (first, second, cut) in [
            ("中欧班列共计开行超4", "北京冬奥会今起进入赛时运行阶段。", true),
            ("中欧班列共计开行超4", "800列，开行量占全国比例超过", false),
            (
                "十三届全国人大常委会第三十三次会议2",
                "月27日至28日在北京举行。",
                false,
            ),
            ("同比增长15", "%，实现旅游收入", false),
            ("中欧班列共计开行超过", "北京冬奥会今起进入赛时运行阶段。", false),
        ] {
            assert_eq!(number_cut(first, second), cut, "{first}|{second}");
        }
        for (text, setting) in [
            ("会见前，两国元首同双方代表合影。", true),
            ("座谈会上，代表们围绕深入学习", true),
            ("多年以来，我国", true),
            ("双方一致同意", false),
            ("上，代表们", false),
        ] {
            assert_eq!(OPENS_WITH_SETTING.is_match(text), setting, "{text}");
        }
    }

    #[test]
    fn a_bare_number_after_han_lost_its_end() {
        for (text, bare) in [
            ("（成渝）中欧班列共计开行超4", true),
            ("在庆祝全国人民代表大会成立7", true),
            ("新动能指数为766.8", true),
            ("二十国集团G20", false),
            ("同比增长5%", false),
            ("今年前5个月", false),
            ("2024", false),
        ] {
            assert_eq!(ends_on_a_bare_number(text), bare, "{text}");
        }
    }

    #[test]
    fn an_opening_on_a_lone_character_that_no_sentence_has_lost_its_head() {
        for (paragraph, lost) in [
            // 同|志出席会议, 发|生历史性转变, 新时|代构建, 青|年就业创业.
            ("志出席会议并作了重要讲话。", true),
            ("生历史性转变。", true),
            ("年就业创业。", true),
            ("他说，这是一次难得的机会。", false),
            ("这是我国首次举办此类活动。", false),
            ("让更多群众享受到改革发展的成果，是我们的共同心愿。", false),
            ("为进一步做好防汛工作，各地加强值守。", false),
            // Not weighed: a word of two characters opens it.
            ("和平与发展仍是时代主题。", false),
            // The segmentation leaves the character alone though a word starts there (国人,
            // 年来, 会前, 年近): weighed on a stricter bar.
            ("国人民在您的领导下不断实现进步与繁荣。", true),
            ("年来的最高水平。", true),
            ("会前，人们在会场外兴奋地交谈着。", false),
            ("年近五十的王君生，是某酱油分厂的副厂长。", false),
        ] {
            assert_eq!(opening_unlikely(paragraph), lost, "{paragraph}");
            let (flow, _) = flow_of(&format!("发展很快。\n\n{paragraph}\n"));
            assert_eq!(
                flow.orphans.iter().any(|o| o.block == 1),
                lost,
                "{paragraph}: {flow:?}"
            );
        }
    }

    #[test]
    fn what_a_cut_leaves_open_weighs_on_the_rest() {
        // A cut sentence and its rest, against the paragraph that came next in the story.
        for (head, rest, next) in [
            (
                "今年，我国将深入推进“",
                "三北”工程攻坚战，全国计划完成造林种草任务。",
                "今年，我国积极推进美丽中国先行区建设。",
            ),
            (
                "中欧班列共计开行超4",
                "800列，开行量占全国比例超过四分之一。",
                "北京冬奥会今起进入赛时运行阶段，各项工作准备就绪。",
            ),
            (
                "央视网消",
                "息（新闻联播）：今天，全国政协召开双周协商座谈会。",
                "会见白俄罗斯总统卢卡申科时，李希表示，中方愿同白方一道努力。",
            ),
        ] {
            let (rest, next) = (
                carry_evidence(head, rest).log_odds(),
                carry_evidence(head, next).log_odds(),
            );
            assert!(
                rest > NEIGHBOUR_CARRY && next < NEIGHBOUR_CARRY,
                "{head}: {rest} {next}"
            );
        }
    }

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
        for byline in [
            "本报记者许立群",
            "新华社记者陈毛弟本报记者吕网大",
            "新华社通讯员钱友荣郭凯",
            "记者 张三 李四",
        ] {
            assert_eq!(role(byline, BlockKind::Paragraph), Role::Other, "{byline}");
        }
        for headline in [
            "以核养核，滚动发展",
            "胸中有全局，手中有典型",
            "第一，提高产业技术水平，推动产业结构优化升级",
            "“要干，就跨一大步”",
            "『前辈的爱国之情、强国之志，需要我们以行动来继承』",
            "珀斯，留下问号——评世锦赛上的中国跳水",
            "突破口如何突破？——纺织总会会长谈打好纺织解困攻坚战",
            "人心顺事业兴（附图片1张）",
            "乡野，扬起欢笑（组图）",
            "乡野（图片）（视频）",
        ] {
            assert_eq!(role(headline, BlockKind::Paragraph), Role::Heading, "{headline}");
        }
        for cut in [
            "这几天，南水北调首个后续工程——引江补汉工程",
            "“要干，就跨一大步”，他说",
            "他说：“要干，就跨一大步”",
            "今天（2月3日），中东部",
            "一样组团参展的中小企业，今年",
            "几十年来，赵亚夫走遍了",
            "会议指出，要研究职工群众和工会工",
            "我们要团结奋斗，实现中华民族伟大",
        ] {
            assert_ne!(role(cut, BlockKind::Paragraph), Role::Heading, "{cut}");
        }
        // Lists of names, a name alone (a byline) and captions of tables are neither prose nor
        // headings; a list cut on a surname or into a verb, or of places, is not such a list.
        for other in [
            "丁衡高、千奋勇（蒙古族）、马思忠（回族）、王力平、王大明、游德馨、谭庆琏、戴学江",
            "刀美兰（女，傣族）、于洋、于庆成、张艺谋、王世光、吴冠中",
            "江泽民、李鹏、乔石、朱镕基、李瑞环、刘华清、胡锦涛、尉健行、李岚清等",
            "张同吾",
            "表1：镇区占地面积和人口数量",
            "图①：张家口地震灾区村民在贴对联",
            "（附图片3张）",
        ] {
            assert_eq!(role(other, BlockKind::Paragraph), Role::Other, "{other}");
        }
        for not_names in [
            "石泰峰、李干杰、李书磊、李鸿忠、陈文清、刘",
            "王沪宁、赵乐际、李书磊、刘金国、穆虹、姜信治出",
            "江苏、浙江、安徽、福建、广东等地",
            "习近平在甘肃考察",
        ] {
            assert_ne!(role(not_names, BlockKind::Paragraph), Role::Other, "{not_names}");
        }
        assert_ne!(role("记者来到现场", BlockKind::Paragraph), Role::Other);
        assert_ne!(role("记者从北京", BlockKind::Paragraph), Role::Other);
        assert_ne!(role("本报记者深入基层调研", BlockKind::Paragraph), Role::Other);
        assert_eq!(
            role(
                "明 炬 全国政协委员，市科技局党委书记、局长，重庆市科学技术研究院院长",
                BlockKind::Paragraph
            ),
            Role::Other
        );
        assert_eq!(
            role("他说，我们要全面、", BlockKind::Paragraph),
            Role::Prose(Ending::Open)
        );
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
            role("下面刊出的是他们的笔谈摘要。———编者", BlockKind::Paragraph),
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
    fn prepositions_conjunctions_and_determiners_end_nothing() {
        for tail in [
            "多家金融和",
            "开幕式在",
            "得益于各种",
            "推动产业升级以及",
            "记者把",
            "截至目前，由于",
            // A lone character before a word of two is no part of it (了 | 关于).
            "收集归纳了关于",
            "秘书长李斌等分别就",
            // Adverbs that lead on to the verb.
            "会议首先",
            "工作组正在",
            // Verbs that take what follows as their object.
            "在法国巴黎举行，包括",
            "该项目位于",
            "这里将成为",
        ] {
            assert!(ends_on_a_word_before_more(han_tail_of(tail, 8)), "{tail}");
        }
        // Words that end on one of their characters, 在 as a verb, and verbs, nouns and
        // words that are both.
        for tail in [
            "推进碳达峰碳中和",
            "取得了历史性成就",
            "可谓天时地利人和",
            "初心永在",
            "精神依然在",
            "会议审议通过",
            "主要表现为",
            "项目建成投用",
            "有效应对",
        ] {
            assert!(!ends_on_a_word_before_more(han_tail_of(tail, 8)), "{tail}");
        }
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
        // A short line over a byline is its headline; running text over one still lost its end.
        for (text, truncated) in [
            (
                "发展很快。\n\n声声关切情意深\n\n本报记者许立群\n\n除夕夜，北京寒风凛冽。\n",
                0,
            ),
            ("发展很快。\n\n缺斤又短两\n\n张同吾\n\n元旦前后，市场繁荣。\n", 0),
            (
                "发展很快。\n\n今天上午，记者来到了施工现场，看到工人们正在紧张施工，各项工作都在有序推进，现场的\n\n本报记者王楚\n",
                1,
            ),
        ] {
            let (flow, _) = flow_of(text);
            assert_eq!(
                flow.truncations.len() + flow.splits.len(),
                truncated,
                "{text}: {flow:?}"
            );
        }
    }

    #[test]
    fn a_line_cut_inside_a_word_goes_on_past_headings_into_a_name() {
        // 外|长 is a word, though 长拉夫 reads as a name: the line stops on a lone character.
        let text = "俄乌第二轮谈判计划今天举行\n\n央视网消息（新闻联播）：谈判今天举行。\n\n俄罗斯外\n\n国内联播快讯\n\n长拉夫罗夫今天表示，乌方正在拖延谈判。\n";
        let (flow, _) = flow_of(text);
        assert_eq!(flow.splits.len(), 1);
        assert_eq!((flow.splits[0].first, flow.splits[0].second), (2, 4));
        // A subheading that stops on a word, before a story whose first word makes a word
        // with its last character (水|平).
        let text = "两地今天签约\n\n央视网消息（新闻联播）：两地今天签约。\n\n平陆运河南宁段通水\n\n平陆运河南宁段昨天（3月27日）通水。\n";
        assert!(flow_of(text).0.splits.is_empty());
        // A word across (军|方) into a paragraph that starts inside it, though it then reads as
        // an attributed statement (方10日称，).
        let text = "标题\n\n加沙局势持续紧张。\n\n以军\n\n方10日称，当天在加沙地带袭击了多个目标。\n";
        let (flow, _) = flow_of(text);
        assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
        // … or that the line stops clearly inside (总司|令), though 令 is a word of its own.
        let text =
            "标题\n\n加沙局势持续紧张。\n\n伊拉克武装部队总司\n\n令发言人萨巴赫·努曼15日说，坚决反对。\n";
        let (flow, _) = flow_of(text);
        assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
    }

    #[test]
    fn a_range_or_a_dateline_cut_goes_on() {
        let text =
            "标题\n\n会议在北京举行。\n\n建议涉及农村劳动者培训、0—\n\n3岁婴幼儿和70岁以上老年人消费补贴。\n";
        let (flow, _) = flow_of(text);
        assert_eq!((flow.splits.len(), flow.truncations.len()), (1, 0), "{flow:?}");
        assert!(ends_on_a_range_dash("0—") && !ends_on_a_range_dash("三是——"));
        // The agency stands alone over the rest of its dateline: no headline over a story.
        let text =
            "标题\n\n会议在北京举行。\n\n央视网\n\n消息（新闻联播）：欢迎仪式后，李强同默茨举行会谈。\n";
        let (flow, _) = flow_of(text);
        assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
    }

    #[test]
    fn a_line_that_stops_on_a_short_bare_number_is_no_headline() {
        let text = "标题\n\n会议在北京举行。\n\n联合国秘书长古特雷斯22\n\n全国铁路将投产新线3300公里\n\n今天，湖北黄冈至黄梅高铁开通运营。\n";
        let (flow, _) = flow_of(text);
        assert_eq!(flow.truncations.len(), 1, "{flow:?}");
        assert_eq!(flow.truncations[0].block, 2);
        assert!(ends_on_a_short_bare_number("联合国秘书长古特雷斯22"));
        assert!(!ends_on_a_short_bare_number("编辑部电话010—64365566呼8283"));
        assert!(!ends_on_a_short_bare_number("二十国集团G20"));
    }

    #[test]
    fn a_time_or_a_connective_alone_is_no_headline() {
        let text = "标题\n\n会议在北京举行。\n\n今年\n\n是“十五五”开局之年，谢延翠更忙了。\n";
        let (flow, _) = flow_of(text);
        assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
        // Under the title too, where a deck line would stand.
        let text = "标题\n\n今天\n\n（8月19日），长三角G60科创走廊联席会议在上海召开。\n";
        let (flow, _) = flow_of(text);
        assert_eq!(flow.splits.len(), 1, "{flow:?}");
        assert!(opener_alone("今天") && opener_alone("与此同时 "));
        assert!(!opener_alone("新华社") && !opener_alone("今天的中国"));
    }

    #[test]
    fn a_foreign_name_cut_in_two_goes_on() {
        assert!(foreign_name_across(
            "联合国日内瓦办事处代表巴赫雷",
            "尼26日说，伊朗已准备好。"
        ));
        let text = "标题\n\n会议在北京举行。\n\n伊朗常驻联合国日内瓦办事处代表巴赫雷\n\n尼26日说，伊朗已准备好应对任何形式的地面入侵。\n";
        let (flow, _) = flow_of(text);
        assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
        // A headline that ends on a name, over a story that opens with a word.
        assert!(!foreign_name_across("习近平会见普京", "俄罗斯总统普京今天表示，"));
        assert!(!foreign_name_across("习近平会见普京", "国家主席习近平今天会见。"));
        assert!(!foreign_name_across("中国代表团抵达", "斯德哥尔摩，开始访问。"));
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
    fn running_text_without_its_full_stop_is_open() {
        // A comma says running text; a paragraph of it ends with a full stop.
        let (flow, _) = flow_of("发展很快。\n\n今天上午，记者来到了现场\n");
        assert_eq!(flow.truncations.len(), 1);
        // A dateline opens a story's body, never a deck line.
        let (flow, _) = flow_of(
            "标题\n\n央视网消息（新闻联播）：国防部2日宣布，为阻止乌克兰\n\n据了解，今年以来，各类物资储备充足。\n",
        );
        assert_eq!(flow.truncations.len(), 1);
        let (flow, _) =
            flow_of("标题\n\n坚持稳中求进，才能行稳致远\n\n据了解，今年以来，各类物资储备充足。\n");
        assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 0));
        // A story's first paragraph ends with a full stop, even when its text so far stops on
        // a whole word; a dateline alone, or with its byline, is no story.
        for (text, open) in [
            ("央视网消息（新闻联播）：在内蒙古燕山", true),
            ("新华社北京3月5日电（记者王某）国务院总理", true),
            ("本报讯（记者王某）全市经济", true),
            ("央视网消息（新闻联播）：11月", true),
            ("央视网消息（新闻联播）：在", true),
            ("央视网消息（新闻联播）：", false),
            ("新华社北京3月5日电（记者王某）", false),
            ("新华社北京3月5日电 记者王某", false),
            ("本报评论员", false),
        ] {
            let ending = role(text, BlockKind::Paragraph);
            assert_eq!(ending == Role::Prose(Ending::Open), open, "{text}: {ending:?}");
        }
        let (flow, _) =
            flow_of("标题\n\n央视网消息（新闻联播）：在内蒙古燕山\n\n据了解，今年以来，各类物资储备充足。\n");
        assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 1), "{flow:?}");
        // A word that leads into more ends no line, even right after a bracket or a number.
        for (text, open) in [
            ("伏羲大典今天（6月21日）在", true),
            ("推动“十四五”和", true),
            ("峰会在G20与", true),
            ("活动（6月21日）在", true),
            ("今天（3月28日）是", true),
            ("“十四五”将", true),
            ("峰会在G20也", true),
            ("他说“在”", false),
            ("“十四五”就是", false),
            ("这是", false),
            ("初心永在", false),
            ("在", false),
        ] {
            let tail = han_tail_of(text, 8);
            assert_eq!(leads_alone_into_more(text, tail), open, "{text}");
        }
        // Even in a deck's place: it goes on past the heading, or its rest was lost.
        let (flow, _) =
            flow_of("标题\n\n伏羲大典今天（6月21日）在\n\n焦点二\n\n据了解，各类物资储备充足。\n");
        assert_eq!(flow.splits.len() + flow.truncations.len(), 1, "{flow:?}");
        let (flow, _) =
            flow_of("标题\n\n伏羲大典今天（6月21日）举行\n\n焦点二\n\n据了解，各类物资储备充足。\n");
        assert_eq!(flow.splits.len() + flow.truncations.len(), 0, "{flow:?}");
    }

    /// A poem breaks its sentences where the poet wants.
    #[test]
    fn lines_of_verse_are_left_alone() {
        for poem in [
            "那音韵如轻柔的夜风，\n\n惊溅起不可言传的天籁。\n\n怀揣这如泣如诉的呵护，\n\n才发觉已迷失了来路。\n",
            "多年不饮\n\n梦中常嗅\n\n今日如在故乡游\n\n别有滋味漫心头\n\n干杯！酒\n\n好酒！\n\n隔海同饮“泸州”\n\n海峡风平浪收\n",
        ] {
            let (flow, _) = flow_of(poem);
            assert!(
                flow.splits.is_empty() && flow.truncations.is_empty() && flow.orphans.is_empty(),
                "{poem}: {flow:?}"
            );
        }
        // Headings and a cut line in a row are no poem.
        let (flow, _) = flow_of("国内联播快讯\n\n今年经济向好，\n\n焦点二\n\n各地加快发展。\n");
        assert_eq!(flow.splits.len() + flow.truncations.len(), 1, "{flow:?}");
    }

    /// A decimal opens no numbered item (1. 坚持…): 51.97亿元 goes on a sentence.
    #[test]
    fn a_decimal_number_opens_no_list_item() {
        assert!(!opens_fresh("", "51.97亿元，平均实际报销比例提高。"));
        assert!(opens_fresh("", "1.坚持稳中求进。"));
        assert!(opens_fresh("", "2、推进改革。"));
        assert!(opens_fresh("", "3. 扩大开放"));
    }

    #[test]
    fn body_text_too_long_for_a_heading_ends_with_a_full_stop() {
        let body = "委员长会议建议的常委会会议议程还有：审议中央军事委员会关于提请审议关于中国人民解放军现役士兵衔级制度的决定";
        let (flow, _) = flow_of(&format!(
            "标题\n\n会议在北京举行。\n\n{body}\n\n国内联播快讯\n\n全国人大常委会秘书长作了汇报。\n"
        ));
        assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 1), "{flow:?}");
        // At the top, or under a subheading, the same line may be a deck; a caption's credit
        // after its full stop ends it.
        let (flow, _) = flow_of(&format!("标题\n\n{body}\n\n会议在北京举行。\n"));
        assert!(flow.truncations.is_empty(), "{flow:?}");
        let (flow, _) = flow_of(
            "标题\n\n会议在北京举行。\n\n西部科学城联合微电子中心，工作人员在生产线上忙碌。（本报资料图片） 首席记者 龙帆 摄\n\n会议在北京举行。\n",
        );
        assert!(flow.truncations.is_empty(), "{flow:?}");
    }

    #[test]
    fn a_paragraph_that_opens_on_a_character_sentences_seldom_open_with_lost_its_head() {
        let orphans = |paragraph: &str| {
            let text = format!("标题\n\n会议在北京举行，各方代表出席会议。\n\n{paragraph}\n");
            flow_of(&text).0.orphans.len()
        };
        // A city's one-character name opens news text (京 -4.6), and so do words of their own.
        for (paragraph, lost_head) in [
            ("家企业参加了本次展会。", true),
            ("个重点项目集中签约，总投资超过百亿元。", true),
            ("场活动吸引了上万名市民参加。", true),
            ("业发展迈出新步伐。", true),
            ("京津冀协同发展取得新进展。", false),
            ("家门口就能看病，村民们很满意。", false),
            ("个人所得税改革稳步推进。", false),
            ("区域协调发展取得新成效。", false),
            ("的“清朗·未成年人网络保护”专项行动全面启动。", true),
            ("了3次，均未成功。", true),
            ("的士司机热情接待游客。", false),
        ] {
            assert_eq!(orphans(paragraph), usize::from(lost_head), "{paragraph}");
        }
    }

    #[test]
    fn a_paragraph_that_starts_inside_a_pair_of_marks_a_number_or_a_date_lost_its_head() {
        for text in [
            "日）召开金融支持水利基础设施建设工作会议。",
            "闻联播）：今天，全国春运正式启动。",
            "白玉兰绽放”颁奖典礼在上海举行。",
            "求是》杂志发表重要文章。",
            "024年亚太经合组织领导人非正式会议在利马举行。",
            "00多人参加活动，其中青年占一半。",
            "月，新能源汽车销量同比增长3成。",
            "万吨，同比增长40.1%。",
            "万家、同比增长24.2%。",
            "日上午在京召开会议。",
            "日表示，俄方愿意谈判。",
            "年10月，习近平同志履新浙江。",
            "月30日，中老铁路国际货物列车开行突破。",
            "0到1000亩的飞防任务，一天完成。",
            "以来，全国累计建成高标准农田10亿亩。",
            "结束后，习近平同其他国家领导人合影。",
            "期间，双方签署了多项合作文件。",
            "了行业内中小企业转型。",
            "的“清朗”专项行动取得成效。",
            "消息（新闻联播）：随着冬季旅游升温，游客增多。",
            "（新闻联播）：11月8日晚，会议在京举行。",
            "电（记者 王小明）国务院今天召开常务会议。",
            "消息：今天，全国春运正式启动。",
        ] {
            assert!(starts_mid_sentence(text), "{text}");
        }
        for text in [
            "1）加强组织领导。",
            "一）加强组织领导。",
            "b) 完善制度。",
            "今天（5月10日），全国春运正式启动。",
            "他说，“好”。",
            "《求是》杂志发表重要文章。",
            "00后已成为消费主力。",
            "08:30，会议开始。",
            "0.5%的差距不小。",
            "0时起，新规正式实施。",
            "0比0，双方战平。",
            "（一）加强组织领导。",
            "（记者 王小明）会议指出，要加快发展。",
            "（新华社记者樊如钧摄）",
            "消息传来，全村沸腾了。",
            "电力供应保持平稳。",
            "讯号清晰，通话顺畅。",
            "之后，他又去了另一个村。",
            "以来自全国的500名代表为主体。",
            "了解情况后，他说。",
            "的确，这是一次难得的机会。",
            "着力推进高质量发展。",
            "地方政府专项债券发行提速。",
            "2024年亚太经合组织领导人非正式会议在利马举行。",
            "日前，全国春运正式启动。",
            "日本政府表示，将延长措施。",
            "日夜奋战的工人们回家了。",
            "万家灯火，其乐融融。",
            "年轻人，是国家的未来。",
            "人民群众，是历史的创造者。",
        ] {
            assert!(!starts_mid_sentence(text), "{text}");
        }
        let (flow, _) = flow_of("标题\n\n会议在北京举行。\n\n日）召开金融支持水利基础设施建设工作会议。\n");
        assert_eq!(flow.orphans.len(), 1, "{flow:?}");
        // A particle alone goes on the sentence that running text left open.
        let (flow, _) = flow_of("标题\n\n发展很快。全产业链的数字化升级也带动\n\n了行业内中小企业转型。\n");
        assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
        assert!(flow.splits[0].certain);
        // Under a digest's headline, the story lost its head; under a short line or one that
        // stops on a figure, the sentence goes on.
        let digest = "国内联播快讯\n\n会议在北京举行。\n\n多措并举切实加大对水利项目的金融支持力度\n\n";
        for story in [
            "日）召开金融支持水利基础设施建设工作会议。",
            "万吨，同比增长40.1%。",
        ] {
            let (flow, _) = flow_of(&format!("{digest}{story}\n"));
            assert_eq!(
                (flow.splits.len(), flow.orphans.len()),
                (0, 1),
                "{story}: {flow:?}"
            );
        }
        for (line, rest) in [
            ("清晨", "时分，霞浦县三沙镇的滩涂上一片忙碌。"),
            ("主席会议举行了2", "022年第三次集体学习。"),
        ] {
            let (flow, _) = flow_of(&format!("国内联播快讯\n\n会议在北京举行。\n\n{line}\n\n{rest}\n"));
            assert_eq!(
                (flow.splits.len(), flow.orphans.len()),
                (1, 0),
                "{line}: {flow:?}"
            );
        }
    }

    #[test]
    fn a_verb_of_saying_without_who_speaks_lost_its_head() {
        for text in [
            "表示，谨向中国人民致以最诚挚的问候。",
            "指出：要坚持稳中求进。",
            "还强调，要抓好落实。",
            "16日称，从未故意将媒体工作者作为攻击目标。",
            "当天表示，将继续推进谈判。",
            "19日报道，当天发布的一项研究结果显示，污染已影响到多个州。",
        ] {
            assert!(starts_mid_sentence(text), "{text}");
        }
        for text in [
            "李强指出，要坚持稳中求进。",
            "表示感谢的人很多。",
            "说起这个公司，那还是1995年的事。",
            "指出问题是解决问题的开始。",
            "会议强调，要抓好落实。",
        ] {
            assert!(!starts_mid_sentence(text), "{text}");
        }
        // A name alone on its line is a byline, unless what follows says what the name said.
        let (flow, _) = flow_of("标题\n\n会议在北京举行。\n\n李强\n\n指出，要坚持稳中求进。\n");
        assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
        let (flow, _) = flow_of("标题\n\n会议在北京举行。\n\n李强\n\n会议强调，要抓好落实。\n");
        assert!(flow.splits.is_empty() && flow.orphans.is_empty(), "{flow:?}");
        let (flow, _) = flow_of("标题\n\n会议在北京举行。\n\n表示，要坚持稳中求进。\n");
        assert_eq!(flow.orphans.len(), 1, "{flow:?}");
        // Under a line that names who speaks, the sentence goes on; under a digest's
        // headline, the story lost its head.
        let digest = "国际联播快讯\n\n会议在日内瓦举行。\n\n";
        let text = format!(
            "{digest}伊拉克武装部队总司令发言人萨巴赫·努曼15日\n\n说，坚决反对任何一方利用伊拉克的领土。\n"
        );
        assert_eq!(flow_of(&text).0.splits.len(), 1);
        let text = format!("{digest}非洲联盟苏丹问题峰会在开罗举行\n\n称，反对外国势力干预苏丹事务。\n");
        let (flow, _) = flow_of(&text);
        assert_eq!((flow.splits.len(), flow.orphans.len()), (0, 1), "{flow:?}");
    }

    #[test]
    fn a_word_that_opens_sentences_may_still_be_the_end_of_a_cut_one() {
        let (flow, _) = flow_of("春意浓浓。\n\n续回暖，各地旅游市场火热。\n");
        assert_eq!(flow.orphans.len(), 1, "{flow:?}");
        let (flow, _) = flow_of("春意浓浓。\n\n在北京举行的活动吸引了很多游客。\n");
        assert!(flow.orphans.is_empty(), "{flow:?}");
    }

    #[test]
    fn a_few_characters_and_a_stop_are_the_end_of_a_sentence() {
        for orphan in ["力量。", "基础。", "作。"] {
            let (flow, _) = flow_of(&format!("春意浓浓。\n\n{orphan}\n\n各地旅游市场火热。\n"));
            assert_eq!(flow.orphans.len(), 1, "{orphan}: {flow:?}");
        }
        for whole in [
            "肖捷陪同。",
            "他笑了。",
            "再见。",
            "是的。",
            "谢谢。",
            "中方赞赏。",
            "发展很快。",
        ] {
            let (flow, _) = flow_of(&format!("春意浓浓。\n\n{whole}\n\n各地旅游市场火热。\n"));
            assert!(flow.orphans.is_empty(), "{whole}: {flow:?}");
        }
    }

    #[test]
    fn a_character_alone_before_a_figure_opens_only_as_a_preposition_or_a_time_does() {
        for cut in [
            "长12.5%，占全部制造业投资的比重提高。",
            "达3000人，创历史新高。",
            "破100万辆，同比增长三成。",
        ] {
            let (flow, _) = flow_of(&format!("春意浓浓。\n\n{cut}\n"));
            assert_eq!(flow.orphans.len(), 1, "{cut}: {flow:?}");
        }
        for whole in [
            "约300人参加了活动。",
            "从2020年开始，全市推进老旧小区改造。",
            "晚8时，晚会正式开始。",
            "到2035年，基本实现社会主义现代化。",
            "在2024年的工作中，各地积极作为。",
            "前3个月，全市接待游客增长明显。",
        ] {
            let (flow, _) = flow_of(&format!("春意浓浓。\n\n{whole}\n"));
            assert!(flow.orphans.is_empty(), "{whole}: {flow:?}");
        }
    }

    #[test]
    fn an_organ_named_short_opens_a_sentence() {
        for whole in [
            "工信部启动2022“三品”全国行活动。",
            "人社部发布通知，要求各地做好就业服务工作。",
            "卫健委要求各地加强防控。",
            "部党委进一步完善了中心组学习制度。",
        ] {
            let (flow, _) = flow_of(&format!("春意浓浓。\n\n{whole}\n"));
            assert!(flow.orphans.is_empty(), "{whole}: {flow:?}");
        }
        // Words that end on an organ's character are no organ's name (干部, 全部).
        for cut in ["名干部走进社区、乡村，收集整理意见。", "底前全部开工。"] {
            let (flow, _) = flow_of(&format!("春意浓浓。\n\n{cut}\n"));
            assert_eq!(flow.orphans.len(), 1, "{cut}: {flow:?}");
        }
    }

    #[test]
    fn one_character_before_a_comma_ends_a_word() {
        for cut in [
            "设，让人工智能发展成果更好惠及各国。",
            "毅、何立峰等参加会见。",
            "金、技术、人才等方面发力。",
            "中。党的十八大以来，我们取得成就。",
            "策。全国各地积极行动。",
            "1.17%；全国规模以上工业增加值增长。",
            "6.1%，高于全国平均水平。",
            "0.8%。",
            "2.5。全年增长较快。",
        ] {
            let (flow, _) = flow_of(&format!("春意浓浓。\n\n{cut}\n"));
            assert_eq!(flow.orphans.len(), 1, "{cut}: {flow:?}");
        }
        for whole in [
            "但，问题依然存在。",
            "对，就是这样。",
            "是，我们做到了。",
            "好，开始吧。",
            "一、坚持稳中求进。",
            "东、中、西部地区协调发展。",
            "党、政、军、民、学，东西南北中，党是领导一切的。",
            "东、西两侧各有一座塔。",
            "中、小学生陆续返校。",
            "大、中型企业带头。",
            "省、自治区、直辖市人民政府价格主管部门负责实施。",
            "市、县人民政府可以根据实际情况制定办法。",
            "’97中国旅游年是一次国家级的旅游活动。",
            "啊。多么美丽的家乡！",
            "6.1%的增速来之不易。",
            "2.5亿元，占全年的一半。",
        ] {
            let (flow, _) = flow_of(&format!("春意浓浓。\n\n{whole}\n"));
            assert!(flow.orphans.is_empty(), "{whole}: {flow:?}");
        }
    }

    #[test]
    fn a_mark_left_open_is_closed_by_the_rest() {
        for text in [
            "发展很快。今天（6月\n\n26日）我们一起走进内蒙古。\n",
            "发展很快。如果说塞罕坝的“林\n\n一代”是爬冰卧雪，二代就是守护。\n",
            "发展很快。日前出版的《求是\n\n》杂志发表重要文章。\n",
            // A space inside a title mark does not make a line of parts.
            "标题\n\n央视网消息（新闻联播）：系列报道《奋进新征程 建功新时代》，今天（6月\n\n26日）我们一起走进内蒙古。\n",
        ] {
            let (flow, _) = flow_of(text);
            assert!(
                flow.splits.len() == 1 && flow.splits[0].certain,
                "{text}: {flow:?}"
            );
        }
        // A quotation of several paragraphs opens each of them.
        let (flow, _) = flow_of("他说：“我们要团结奋斗\n\n“只有这样，才能实现目标。”\n");
        assert!(flow.splits.iter().all(|s| !s.certain), "{flow:?}");
        // A paragraph that leaves the mark open is no rest: the sentence was cut off.
        let (flow, _) =
            flow_of("发展很快。央视网消息（\n\n截至4月10日9时，这次疫情上海全市已累计排查到密切接触者。\n");
        assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 1), "{flow:?}");
    }

    #[test]
    fn a_paragraph_that_starts_a_sentence_of_its_own_is_no_rest() {
        let text = |next: &str| format!("会谈结束。乌方表示，仍在寻求通过外交途径\n\n{next}\n");
        for fresh in [
            "我国全面启动八大电力科技创新行动。",
            "习近平请穆罕默德转达对国王的问候。",
            "商务部最新数据显示，前10个月全国网上零售额同比增长。",
        ] {
            let (flow, _) = flow_of(&text(fresh));
            assert_eq!(
                (flow.splits.len(), flow.truncations.len()),
                (0, 1),
                "{fresh}: {flow:?}"
            );
        }
        let (flow, _) = flow_of(&text("解决危机，维护地区和平稳定。"));
        assert_eq!((flow.splits.len(), flow.truncations.len()), (1, 0), "{flow:?}");
    }

    #[test]
    fn a_truncation_finds_its_rest_by_the_judgements_weighed_together() {
        let (flow, _) = flow_of(
            "医院派出专家。开展义诊、健康宣教、带教查房\n\n据了解，今年以来，各类物资储备充足。\n\n等活动，带动更多的医务人员走进基层。\n",
        );
        assert_eq!(flow.truncations.len(), 1, "{flow:?}");
        assert_eq!(flow.truncations[0].continuation, Some(2), "{flow:?}");
    }

    #[test]
    fn a_truncation_finds_its_rest_that_starts_as_sentences_do() {
        let text = |rest: &str| {
            format!(
                "发展很快。\n\n我们要团结奋斗，实现中华民族伟大\n\n据了解，今年以来，各类物资储备充足。\n\n{rest}\n"
            )
        };
        let (flow, _) = flow_of(&text("复兴的中国梦，是全国人民的共同心愿。"));
        assert_eq!(flow.truncations.len(), 1, "{flow:?}");
        assert_eq!(flow.truncations[0].continuation, Some(3));
        // Without the odds, a paragraph that starts as sentences do is not the rest.
        let (flow, _) = flow_of(&text("各地区积极行动，推动高质量发展。"));
        assert_eq!(flow.truncations[0].continuation, None);
        // The head moved down the page: its rest above reads on better than its neighbour.
        let (flow, _) = flow_of(
            "发展很快。\n\n复兴的中国梦，是全国人民的共同心愿。\n\n我们要团结奋斗，实现中华民族伟大\n\n各地区积极行动，推动高质量发展。\n",
        );
        assert!(flow.splits.is_empty(), "{flow:?}");
        assert_eq!(flow.truncations[0].continuation, Some(1));
    }

    #[test]
    fn a_dateline_or_an_open_title_mark_is_no_heading() {
        assert_eq!(
            role("1月1日出版的今年第1期《求", BlockKind::Paragraph),
            Role::Prose(Ending::Open)
        );
        assert!(matches!(
            role("央视网消息（新闻联播）：国家主席习近平", BlockKind::Paragraph),
            Role::Prose(_)
        ));
        assert_eq!(role("本报评论员", BlockKind::Paragraph), Role::Heading);
        assert_eq!(
            role("《求是》杂志发表重要文章", BlockKind::Paragraph),
            Role::Heading
        );
        let (flow, _) = flow_of(
            "发展很快。\n\n1月1日出版的今年第1期《求\n\n焦点\n\n据了解，今年以来，各类物资储备充足。\n",
        );
        assert_eq!(flow.truncations.len(), 1, "{flow:?}");
    }

    #[test]
    fn a_short_head_goes_on_in_a_paragraph_that_starts_on_a_comma() {
        let (flow, _) =
            flow_of("发展很快。\n\n记者从商务部了解到\n\n，为助力外贸企业开拓多元化市场，商务部推出措施。\n");
        assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
        // After the title, the story lost its head.
        let (flow, _) = flow_of("记者从商务部了解到\n\n，为助力外贸企业开拓多元化市场，商务部推出措施。\n");
        assert_eq!((flow.splits.len(), flow.orphans.len()), (0, 1), "{flow:?}");
        // Under a line that reads as a whole headline, the paragraph lost its head; under one
        // that stops as no headline does, the sentence broke after it.
        let (flow, _) = flow_of("发展很快。\n\n新疆昭苏天马机场通航\n\n，可满足年旅客吞吐量20万人次。\n");
        assert_eq!((flow.splits.len(), flow.orphans.len()), (0, 1), "{flow:?}");
        for head in [
            "新疆昭苏天马机场通航，可满足年",
            "达峰在参加安徽代表团审议时说",
            "这五年",
        ] {
            let (flow, _) = flow_of(&format!("发展很快。\n\n{head}\n\n，旅客吞吐量20万人次。\n"));
            assert_eq!(
                (flow.splits.len(), flow.orphans.len()),
                (1, 0),
                "{head}: {flow:?}"
            );
        }
    }

    #[test]
    fn a_number_goes_on_with_its_unit_or_its_decimals() {
        for text in [
            "发展很快。今天（6月30\n\n日），长三角生态绿色一体化发展示范区揭牌。\n",
            "发展很快。水库持续为下游补水20.\n\n65亿立方米，保障了供水。\n",
        ] {
            let (flow, _) = flow_of(text);
            assert!(
                flow.splits.len() == 1 && flow.splits[0].certain,
                "{text}: {flow:?}"
            );
        }
        // A line that ends on a number (a page, an edition) before a paragraph is no number
        // cut off.
        let (flow, _) = flow_of("发展很快。\n\n版次：3\n\n人民日报发表评论员文章。\n");
        assert!(flow.splits.is_empty(), "{flow:?}");
    }

    #[test]
    fn a_sentence_read_on_past_a_heading() {
        let (flow, _) =
            flow_of("会谈结束。3月28日，国家主席习近平同\n\n焦点二\n\n沙特王储兼首相穆罕默德通电话。\n");
        assert_eq!(flow.splits.len(), 1, "{flow:?}");
        assert_eq!(flow.splits[0].between, 1..2);
    }

    #[test]
    fn a_neighbour_gives_way_to_a_rest_nearby_that_reads_on_far_better() {
        let (flow, _) = flow_of(
            "标题\n\n王沪宁主持并讲话。\n\n会议深入学习贯彻有关重要讲话精神，研究部署下一步工作。\n\n会议还传达学习了近期重要讲话和指示精神。\n\n央视网消息（新闻联播）：全国政协主席会议24日在京召开。中共中央政治局常委、全国政协主席\n\n会议审议通过修订后的工作条例和有关决定。\n",
        );
        assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 1), "{flow:?}");
        assert_eq!(flow.truncations[0].block, 4);
        // … and is paired with it as the truncation's rest.
        assert_eq!(flow.truncations[0].continuation, Some(1), "{flow:?}");
    }

    #[test]
    fn a_short_line_cut_inside_a_word_is_no_headline() {
        let model = shipped_model();
        for cut in [
            "李克强充",
            "据美国广播公",
            "今天上午，国家主席习近平在",
            "一名摄影记者在加沙地带遭以色",
            "会议审",
            "常年坚",
        ] {
            assert!(stops_as_no_headline(cut, model), "{cut}");
        }
        for headline in [
            "两会天天评",
            "浙江",
            "顺德市",
            "图片新闻",
            "好心上当",
            "亡羊补牢",
            "国内联播快讯",
            "全国秋粮收获过九成半",
            "中国证监会发布上市公司重大资产重组新规",
            "平陆运河南宁段通水",
        ] {
            assert!(!stops_as_no_headline(headline, model), "{headline}");
        }
        let (flow, _) =
            flow_of("标题\n\n会议在北京举行。\n\n据美国广播公\n\n会议强调，要坚持稳中求进工作总基调。\n");
        assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 1), "{flow:?}");
        // At the top too: no deck line stops clearly inside a word.
        let (flow, _) = flow_of("标题\n\n据美国广播公\n\n会议强调，要坚持稳中求进工作总基调。\n");
        assert_eq!(flow.truncations.len(), 1, "{flow:?}");
        let (flow, _) = flow_of("标题\n\n两会天天评\n\n会议强调，要坚持稳中求进工作总基调。\n");
        assert!(flow.truncations.is_empty(), "{flow:?}");
    }

    #[test]
    fn a_name_the_dictionary_lacks_ends_a_line_as_any_word_does() {
        let model = shipped_model();
        for deck in [
            "会见来华出席北京冬奥会开幕式的埃及总统塞西",
            "寓意着丰收、吉祥和福瑞",
        ] {
            assert!(!ends_open(deck, model, Doubt::Unlikely), "{deck}");
        }
        for cut in ["今年1—5月，全国职", "今年1—5月，全国职工医", "朝鲜劳动党总书"]
        {
            assert!(ends_open(cut, model, Doubt::Unlikely), "{cut}");
        }
    }

    #[test]
    fn a_sentence_broken_after_a_comma_goes_on_past_a_heading_where_the_evidence_says_so() {
        let first = "会议强调，要坚持依宪治国、依宪执政，实施宪法，推进全面依法治国，";
        let (flow, _) = flow_of(&format!(
            "标题\n\n{first}\n\n聚焦主责主业\n\n推进法治中国建设，为全面建设社会主义现代化国家提供法治保障。\n"
        ));
        assert_eq!((flow.splits.len(), flow.truncations.len()), (1, 0), "{flow:?}");
        let (flow, _) = flow_of(&format!(
            "标题\n\n{first}\n\n聚焦主责主业\n\n据了解，今年以来全市新增企业三千家，同比增长一成。\n"
        ));
        assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 1), "{flow:?}");
    }

    #[test]
    fn a_dateline_alone_goes_on_into_its_story_but_not_over_a_digest() {
        assert!(dateline_alone("央视网消息（新闻联播）："));
        assert!(dateline_alone("据新华社消息："));
        assert!(!dateline_alone("新华社澳门分社社长王启人新年有“三愿”："));
        assert!(!dateline_alone(
            "央视网消息（新闻联播）：今天，全国春运正式启动。"
        ));
        let (flow, _) = flow_of("标题\n\n央视网消息（新闻联播）：\n\n习近平总书记强调，要坚持稳中求进。\n");
        assert_eq!((flow.splits.len(), flow.truncations.len()), (1, 0), "{flow:?}");
        // A digest: the dateline stands over the headlines of its stories.
        let (flow, _) = flow_of(
            "国内联播快讯\n\n央视网消息（新闻联播）：\n\n全国铁路将投产新线3300公里\n\n今天，湖北黄冈至黄梅高铁开通运营。\n",
        );
        assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 0), "{flow:?}");
        // … and its first story that lost its head is an orphan: the dateline does not go on
        // into it past the headline.
        let (flow, _) = flow_of(
            "国内联播快讯\n\n央视网消息（新闻联播）：\n\n电子政务论坛在济南开幕\n\n化”为主题，参会嘉宾聚焦数字中国建设。\n",
        );
        assert_eq!((flow.splits.len(), flow.orphans.len()), (0, 1), "{flow:?}");
    }

    #[test]
    fn a_story_under_its_title_lost_its_head_though_a_word_runs_across() {
        // 会议 | 员会 reads 议员 across; 委员会 lost its head.
        let (flow, _) = flow_of("汪洋主持召开全国政协主席会议\n\n员会第八十二次主席会议14日在京召开。\n");
        assert_eq!((flow.splits.len(), flow.orphans.len()), (0, 1), "{flow:?}");
        // A title that stops inside a word goes on.
        let (flow, _) = flow_of("加快构建新发展格\n\n局，推动高质量发展。\n");
        assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
    }

    #[test]
    fn a_list_of_names_goes_on_into_a_paragraph_that_goes_on_with_the_list() {
        let text = "标题\n\n会议在北京举行。\n\n李强、赵乐际、王沪宁、雪克来提·扎克尔\n\n、吴政隆、谌贻琴出席会议。\n";
        let (flow, _) = flow_of(text);
        assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
        // … or with the rest of a name cut at its end (吴政 | 隆，), a surname alone being no name.
        let text = "标题\n\n会议在北京举行。\n\n石泰峰、刘国中、何立峰、张国清、吴政\n\n隆，中共中央、国务院有关部门负责人出席座谈会。\n";
        let (flow, _) = flow_of(text);
        assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
        assert!(names_a_person("赵乐际") && !names_a_person("隆"));
        // A list of names over a paragraph of its own is a byline or a roster.
        let text = "标题\n\n会议在北京举行。\n\n李强、赵乐际、王沪宁\n\n会议指出，要坚持稳中求进。\n";
        let (flow, _) = flow_of(text);
        assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 0), "{flow:?}");
    }

    #[test]
    fn a_name_cut_after_a_title_or_a_listed_name_goes_on() {
        for (first, second) in [
            ("会议由全国政协副主席沈跃", "跃、王勇、邵鸿作了发言。"),
            ("出席会议的有国务院副总理丁", "薛祥，国务委员王勇。"),
            ("党和国家领导人习近平、李强、赵乐际、蔡", "奇、丁薛祥出席大会。"),
        ] {
            assert!(name_across(first, second), "{first} | {second}");
        }
        for (first, second) in [
            // A whole name, then a paragraph that opens with it.
            ("中共伊克昭盟委员会书记邢云", "邢云，1952年生，大学文化。"),
            // A function word, a word of the dictionary, no name before the list mark.
            ("本报驻日本记者于青", "因东京检察机关昨天逮捕了前大臣。"),
            ("出席会议的有国务院副总理丁", "香花开满山坡。"),
            ("各成员理事、全", "富煤贫油少气是我国国情。"),
            ("会议强调，要坚持稳中求进。", "王沪宁主持会议。"),
        ] {
            assert!(!name_across(first, second), "{first} | {second}");
        }
        let (flow, _) = flow_of("标题\n\n会议由全国政协副主席沈跃\n\n跃、王勇、邵鸿、高云龙作了交流发言。\n");
        assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
    }

    #[test]
    fn a_title_goes_on_with_the_name_after_it() {
        assert!(title_before_name(
            "中共中央政治局常委、全国政协主席",
            "王沪宁主持会议。"
        ));
        assert!(title_before_name("外交部发言人", "毛宁表示，"));
        // A name the dictionary knows.
        assert!(title_before_name(
            "9月3日下午，国家主席",
            "习近平在北京人民大会堂会见外宾。"
        ));
        assert!(!title_before_name(
            "中共中央政治局常委、全国政协主席",
            "会议强调，要坚持稳中求进。"
        ));
        assert!(!title_before_name("会议选举产生了新一届委员", "王沪宁主持会议。"));
        let (flow, _) = flow_of(
            "标题\n\n全国政协主席会议24日在京召开，各方代表出席会议。中共中央政治局常委、全国政协主席\n\n王沪宁主持会议并讲话。\n",
        );
        assert_eq!((flow.splits.len(), flow.truncations.len()), (1, 0), "{flow:?}");
    }

    #[test]
    fn a_list_broken_after_an_enumeration_comma_goes_on_with_its_next_item() {
        let first = "会上，国家发展改革委、工业和信息化部、";
        // One more item goes on; a paragraph that opens a sentence of its own, or a long clause,
        // is no next item.
        for (next, splits_and_truncations) in [
            ("交通运输部、商务部负责人介绍了有关情况。", (1, 0)),
            ("商务部等部门负责人介绍了有关情况。", (1, 0)),
            ("会议指出，要坚持稳中求进工作总基调。", (0, 1)),
            ("国务院新闻办公室今天举行新闻发布会，介绍有关情况。", (0, 1)),
        ] {
            let (flow, _) = flow_of(&format!("标题\n\n{first}\n\n稳外贸稳外资\n\n{next}\n"));
            assert_eq!(
                (flow.splits.len(), flow.truncations.len()),
                splits_and_truncations,
                "{next}: {flow:?}"
            );
        }
        let (flow, _) = flow_of(
            "标题\n\n要增强法律规范体系的全面性、系统性、\n\n小标题\n\n协调性。要健全宪法实施监督制度。\n",
        );
        assert_eq!(flow.splits.len(), 1, "{flow:?}");
        assert!(!list_goes_on(
            "国家发展改革委、",
            "国务院新闻办公室今天举行新闻发布会，"
        ));
        assert!(!list_goes_on("国家发展改革委，", "商务部、"));
    }

    #[test]
    fn a_word_across_a_break() {
        // A dictionary word runs across the join and reads better than the words on either side.
        let word_across =
            |first, second| continuity::join_gain(han_tail(first), han_head(second)) > WORD_ACROSS_GAIN;
        assert!(word_across("纳更多高端创新机构、跨", "国企业等入驻"));
        assert!(word_across("让很多企业家有投资重", "庆的热情"));
        assert!(!word_across("从数字化", "到智能化"));
        assert!(!word_across("全面、", "焦点二"));
    }

    #[test]
    fn a_sentence_broken_in_three_is_two_splits() {
        let (flow, _) = flow_of(
            "标题\n\n会议强调，要加快构建新发展格\n\n局，推动高质量发展，建设现代化产业体\n\n系，实现新的突破。\n",
        );
        let pairs: Vec<(usize, usize)> = flow.splits.iter().map(|s| (s.first, s.second)).collect();
        assert_eq!(pairs, [(1, 2), (2, 3)]);
    }

    #[test]
    fn a_line_under_a_heading_that_stops_clearly_inside_a_word_is_cut() {
        assert!(stops_clearly_inside_a_word("据美国广播公") && stops_clearly_inside_a_word("遭以色"));
        let (flow, _) =
            flow_of("标题\n\n美国发生枪击事件\n\n据美国广播公\n\n会议强调，要坚持稳中求进工作总基调。\n");
        assert_eq!(flow.truncations.len(), 1, "{flow:?}");
        for line in [
            "坚持稳中求进，才能行稳致远",
            "两会天天评",
            "平陆运河南宁段通水",
            "王",
        ] {
            assert!(!stops_clearly_inside_a_word(line), "{line}");
        }
        assert!(is_two_names("袁建军王云") && is_two_names("刘国中何立峰"));
        assert!(!is_two_names("王沪宁表") && !is_two_names("加拿大不列颠") && !is_two_names("习近平"));
    }

    #[test]
    fn a_line_under_a_heading_that_opens_on_a_day_is_a_story_s_first() {
        for (line, cut) in [
            ("今天（2月3日），中东部", true),
            ("高质量发展扎实推进，中东部", false),
        ] {
            let (flow, _) = flow_of(&format!(
                "标题\n\n雨雪天气持续\n\n{line}\n\n据了解，应急管理部启动四级应急响应。\n"
            ));
            assert_eq!(flow.truncations.len(), usize::from(cut), "{line}: {flow:?}");
        }
        assert!(opens_on_a_day("（2月3日），中东部") && !opens_on_a_day("在新的起点上"));
    }

    #[test]
    fn a_paragraph_that_opens_on_a_word_that_ends_phrases_lost_its_head() {
        let model = shipped_model();
        for text in [
            "水平不断提高，人民生活持续改善。",
            "作用，推动高质量发展。",
            "增长15.3%，高于全国平均水平。",
        ] {
            assert!(starts_inside(text, model), "{text}");
        }
        for text in [
            "主席会议举行了第三次会议。",
            "技术创新是发展的第一动力。",
            "今年以来，各地经济增长较快。",
        ] {
            assert!(!starts_inside(text, model), "{text}");
        }
        // A paragraph of a few words and a full stop, unless it names who acts or reads as a
        // clause.
        for (text, lost) in [
            ("合影留念。", true),
            ("贡献力量。", true),
            ("会见记者。", true),
            ("同默茨举行会谈。", false),
            ("王毅参加会见。", false),
            ("发展很快。", false),
            ("中方赞赏。", false),
            ("新年好！", false),
            ("今天开幕。", false),
        ] {
            assert_eq!(short_paragraph_lost(text), lost, "{text}");
        }
    }

    #[test]
    fn a_date_opens_a_sentence_unless_the_number_before_it_runs_on() {
        for (first, second) in [
            ("个体工商户210.3", "4月26日—27日，金砖国家"),
            ("消费成为主流，1—10", "2023年，国家不断优化"),
        ] {
            assert!(date_stands_apart(first, second), "{first} | {second}");
        }
        for (first, second) in [
            ("美联储维持现有利率不变，1", "8日，美国纽约股市"),
            ("截至20", "23年底，全国"),
            ("今年1", "2月5日，"),
        ] {
            assert!(!date_stands_apart(first, second), "{first} | {second}");
        }
        let (flow, _) = flow_of(
            "标题\n\n会议在北京举行。\n\n谈判陷入僵局，乌方的举措阻碍谈判的\n\n24日，爱尔兰和英国部分地区遭遇风暴。\n",
        );
        assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 1), "{flow:?}");
        assert!(opens_fresh("阻碍谈判的", "24日，爱尔兰") && !opens_fresh("截至6月", "30日，中老铁路"));
        // A month and its day across a heading-like line.
        assert!(month_before_day("截至6月", "30日，中老铁路") && !month_before_day("今年6月", "份以来"));
        let (flow, _) =
            flow_of("标题\n\n会议在北京举行。\n\n截至6月\n\n30日，中老铁路国际货物列车开行突破。\n");
        assert_eq!((flow.splits.len(), flow.truncations.len()), (1, 0), "{flow:?}");
    }

    #[test]
    fn a_quoted_term_closed_by_a_mark_opens_no_paragraph() {
        assert!(!opens_fresh(
            "跑出了自己的发展",
            "“加速度”。一年来，县城面貌一新。"
        ));
        assert!(!opens_fresh(
            "将进一步缓解我国",
            "“夏汛冬枯、北缺南丰”，水资源分布不均。"
        ));
        assert!(opens_fresh("他说。", "“我们要把这件事办好，”他说。"));
        assert!(opens_fresh("他说。", "“一带一路”倡议提出十年来，成果丰硕。"));
    }

    #[test]
    fn a_digest_has_no_deck_lines() {
        // Stories under their headlines, each opening with a sentence and its stop: a line
        // without one under a headline lost its end.
        let digest = |under_last: &str, after: &str| {
            format!(
                "国内联播快讯\n\n央视网消息（新闻联播）：\n\n我国货运物流正平稳恢复\n\n昨天（4月22日），全国高速公路货车通行量环比增长。\n\n黄黄高铁开通运营\n\n今天，黄黄高铁开通运营。\n\n节能宣传周启动\n\n全国节能宣传周今天在北京启动。\n\n上合示范区到发班列超2000列\n\n{under_last}\n\n{after}\n"
            )
        };
        let cut = "据海关统计，自2018年以来，上合示范区累计到发中欧班列2031列";
        let next = "目前，示范区常态化开行16条国际班列线路。";
        let (flow, _) = flow_of(&digest(cut, next));
        assert_eq!((flow.truncations.len(), flow.splits.len()), (1, 0), "{flow:?}");
        for (line, after) in [
            // A deck line that quotes the body.
            (cut, &*format!("{cut}，16.7万标箱。")),
            // A headline over a story's dateline or a letter's salutation.
            (
                "坚持稳中求进，才能行稳致远",
                "本报北京1月15日讯 记者从有关部门获悉。",
            ),
            ("国有、集体资产流失严重", "编辑同志："),
            // A line that ends on a mark, not inside a sentence.
            ("丰子恺当年送他三句话：“多读书，广结交，少说话”", next),
        ] {
            let (flow, _) = flow_of(&digest(line, after));
            assert!(
                flow.truncations.is_empty() && flow.splits.is_empty(),
                "{line}: {flow:?}"
            );
        }
        // At the top, under the title, deck lines stay deck lines.
        let top = digest("上合示范区建设稳步推进", next).replacen("央视网消息（新闻联播）：", cut, 1);
        let (flow, _) = flow_of(&top);
        assert!(flow.truncations.is_empty(), "{flow:?}");
    }

    #[test]
    fn deck_lines_headlines_and_name_lines_stand_alone() {
        for text in [
            // A commentary's deck lines, then its body, then a subheading with its own deck.
            "坚定信心 奋力前行\n\n在新的起点上，更要保持战略定力和历史耐心\n\n坚持稳中求进，才能行稳致远\n\n今年以来，我国经济持续恢复向好，高质量发展扎实推进。\n\n■ 用好数字化变革的机遇\n\n面对新形势，必须把发展的基点放在创新上\n\n创新是引领发展的第一动力。\n",
            // Headlines of a news digest, each followed by its story.
            "国内联播快讯\n\n我国货运物流正平稳恢复\n\n昨天（4月22日），全国高速公路货车通行量环比增长。\n\n黄黄高铁开通运营\n\n今天，黄黄高铁开通运营。\n",
            // Decks of several clauses, one listing with 、, one ending on a word the
            // dictionary lacks, and a bulleted subheading with a deck that the body restates.
            "以高质量发展推动中国式现代化\n\n本报评论员\n\n高质量发展是全面建设社会主义现代化国家的首要任务，没有坚实的物质技术基础，就不可能全面建成社会主义现代化强国\n\n国家发展改革委、工业信息化部、交通运输部、商务部负责人现场作了交流\n\n党的二十大报告指出，高质量发展是首要任务。\n\n● 坚持创新驱动发展\n\n当今世界进入新的动荡变革期\n\n各地区各部门要深入实施创新驱动发展战略。\n",
            // A name-and-title line.
            "明 炬 全国政协委员，市科技局党委书记、局长\n\n他表示，要加快推进。\n",
            // A headline over two names run together, a byline.
            "市委书记开“后门”\n\n袁建军王云\n\n过完新年没多久，湖北省黄石市的一位市委书记来到这里。\n",
            // Stories run together: a headline over a note of pictures and a dateline, one over
            // a lede that opens with the paper's name, and the paper's dash before a subtitle.
            "要闻\n\n会议在北京举行。\n\n共产主义战士，久经考验的无产阶级革命家刘澜涛同志逝世\n\n（附图片1张）\n\n新华社北京1月25日电 刘澜涛同志因病医治无效逝世。\n\n职工心系灾区已捐款八百多万元，捐衣被等物品七十余万件\n\n本报讯 综合新华社和本报消息：全国职工踊跃捐款。\n\n草原英雄小姐妹中的妹妹玉荣——－\n\n一个厅级干部，在单位集资分房时，因为住房面积超标，主动退出了分房。\n",
            // A headline with a note of its pictures.
            "要闻\n\n会议在北京举行。\n\n演出三场，然后又直奔北京（附图片1张）\n\n周小燕歌剧中心，这个名字对音乐爱好者并不陌生。\n",
        ] {
            let (flow, _) = flow_of(text);
            assert!(
                flow.splits.is_empty() && flow.truncations.is_empty() && flow.orphans.is_empty(),
                "{text}: {flow:?}"
            );
        }
    }

    #[test]
    fn cut_words_and_numbers_at_a_break() {
        // A word cut in two: split, even when the first part reads as a short line.
        let (flow, _) = flow_of("标题\n\n会议强调，要加快构建新发展格\n\n局，推动高质量发展。\n");
        assert_eq!(flow.splits.len(), 1);
        let (flow, _) = flow_of("标题\n\n学校隆重庆祝建校10\n\n0周年，校友纷纷返校。\n");
        assert!(flow.splits[0].certain);
        // A paragraph whose head was lost: it opens with the end of a word.
        let (flow, _) = flow_of("标题\n\n今年发展很快。\n\n济社会发展取得新成效，人民生活水平提高。\n");
        assert_eq!(flow.orphans.len(), 1);
        let (flow, _) = flow_of("标题\n\n大家都很高兴。\n\n们纷纷表示，要再接再厉。\n");
        assert_eq!(flow.orphans.len(), 1);
        // A name the dictionary does not know reads no better whole than cut (水峪嘴村: 峪 is
        // rare alone): it opens a sentence.
        let (flow, _) =
            flow_of("标题\n\n列车旅客妥善安置、平安转移。\n\n水峪嘴村在洪灾中受损严重，如今已经修缮一新。\n");
        assert!(flow.orphans.is_empty(), "{flow:?}");
        assert!(unknown_name("水峪嘴村在") && !unknown_name("济社会发展") && !unknown_name("化水平不断"));
        assert!(unknown_name("萨维一行是") && unknown_name("迪尼对钱其") && unknown_name("科雷眨了眨"));
        assert!(!unknown_name("斯") && !unknown_name("业发展取得"));
        // Two characters standing alone before a verb are a name and what its bearer does.
        for head in ["博塔宣称过去", "希亮教了十几", "子翼望着孟德"] {
            assert!(name_before_verb(head), "{head}");
        }
        for head in [
            "设也加快步伐",
            "期共发行亿元",
            "设性作用沙方",
            "赛时运行提供",
            "华出席纪念",
            "希亮教",
            "品着品着",
        ] {
            assert!(!name_before_verb(head), "{head}");
        }
        let (flow, _) = flow_of("标题\n\n他二人拂袖而去。\n\n子翼望着孟德远去的背影，无论如何也想不通。\n");
        assert!(flow.orphans.is_empty(), "{flow:?}");
        // A word completed across the break carries on into what reads as a fresh start…
        let (flow, _) =
            flow_of("标题\n\n两国举行会谈。\n\n会谈后，俄罗斯外\n\n长拉夫罗夫今天表示，双方将加强合作。\n");
        assert!(flow.splits.len() == 1 && flow.splits[0].certain, "{flow:?}");
        // … and a text cut inside a word goes on only where the word does.
        let (flow, _) = flow_of(
            "标题\n\n会议召开。\n\n会议指出，要研究职工群众和工会工\n\n多名国际组织高级官员出席了会议。\n",
        );
        assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 1), "{flow:?}");
        // … unless the paragraph right after it starts mid-sentence too: its sentence goes on
        // there, whatever word the dictionary would have finished.
        let (flow, _) = flow_of(
            "标题\n\n会议召开。\n\n要维护多边贸易体制，早日建成全面、高水平的亚太\n\n自由贸易区。\n\n要坚持普惠包容，实现互利共赢。\n",
        );
        assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
        // … and so does a text that stops on a whole word, though a paragraph nearby would read
        // on better by the odds (会议审议通过了…, as 协商会议).
        let (flow, _) = flow_of(
            "汪洋主持召开全国政协主席会议\n\n会议6日在京召开。\n\n会议审议通过了全国政协专家协商会工作规则。汪洋指出，自去年创办以来，已累计召开55次专家协商会，形成了一些经验和做法，为推进这一协商\n\n形式规范化、制度化运行奠定了基础。要认真组织实施好这一工作规则。\n\n会议审议通过了第十三届全国政协优秀提案和先进承办单位名单。\n",
        );
        assert_eq!((flow.splits.len(), flow.orphans.len()), (1, 0), "{flow:?}");
        // A fresh start after a truncated sentence: a truncation, not a split.
        let (flow, _) = flow_of(
            "标题\n\n今年发展很快。各类物资储备充足，市场供应\n\n据了解，今年以来全市新增企业三千家。\n",
        );
        assert_eq!((flow.splits.len(), flow.truncations.len()), (0, 1));
    }

    #[test]
    fn edges() {
        let text = "利用信息技术，全面、";
        assert_eq!(&text[tail_range(text, 0)], "全面、");
        let text = "学生入学报名“多头跑”问题，上线";
        assert_eq!(&text[head_range(text, 0)], "学生入学报名“多头跑");
    }
}
