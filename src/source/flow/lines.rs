//! What a line is, as far as the flow of sentences goes: running text, a heading, a deck
//! line, a dateline, a byline, a list of names, a caption; and what its marks say of it.

use super::*;

/// Where a note of pictures at the end of `text` starts: （附图片2张）, （图片）, （组图）, （图）,
/// （视频）.
pub(super) fn picture_note(text: &str) -> Option<usize> {
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

/// `text` is one pair of brackets and what they hold, with no sentence stop inside.
pub(super) fn is_bracketed_note(text: &str) -> bool {
    let Some(inside) = text
        .strip_prefix(['（', '('])
        .and_then(|rest| rest.strip_suffix(['）', ')']))
    else {
        return false;
    };
    !inside.is_empty() && !inside.contains(['（', '(', '）', ')', '。', '！', '？'])
}

/// A line that opens on its place in a series (原因之一：农电负担重, 镜头之二：民办医院，各具特色,
/// 思考之二：政府出题，社会投资) and has no stop of its own: a paper's subheading, whatever
/// clauses follow the label.
pub(super) fn is_labelled_in_a_series(text: &str) -> bool {
    let Some((label, _)) = text.split_once(['：', ':']) else {
        return false;
    };
    let Some((topic, place)) = label.rsplit_once('之') else {
        return false;
    };
    (1..=MAX_SERIES_TOPIC_CHARS).contains(&topic.chars().count())
        && topic.chars().all(is_han)
        && !place.is_empty()
        && place.chars().all(|c| CHINESE_NUMERALS.contains(c))
}

/// The most characters of the topic before a series label's 之 (原因, 镜头, 启示).
pub(super) const MAX_SERIES_TOPIC_CHARS: usize = 6;

/// A headline that quotes someone whole (“要干，就跨一大步”), or that a dash joins to its
/// subtitle (珀斯，留下问号——评世锦赛上的中国跳水; 突破口如何突破？——纺织总会会长谈…): papers'
/// headlines, never running text, which ends with a full stop.
pub(super) fn is_headline_in_parts(text: &str) -> bool {
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
pub(super) const MAX_HEADLINE_PARTS_CHARS: usize = 40;

/// A list of people, one name after another (丁衡高、千奋勇（蒙古族）、马思忠（回族）、王力平…),
/// as papers print the members of a body: a name-and-title line, not a sentence.
pub(super) fn is_list_of_names(text: &str) -> bool {
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
pub(super) fn is_foreign_name(item: &str) -> bool {
    item.contains('·') && !item.starts_with('·') && !item.ends_with('·')
}

/// The longest name in a list of names, in characters (乌拉迪米尔·尼克来耶维奇·孜缅科).
pub(super) const MAX_LISTED_NAME_CHARS: usize = 16;

/// A table's or a picture's caption (表1：镇区占地面积…, 图①：): a label, not a sentence.
pub(super) fn is_table_caption(text: &str) -> bool {
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
pub(super) const MAX_HEADING_CHARS: usize = 40;

/// Deck lines in a row, at most: a commentary has two or three.
pub(super) const MAX_DECK_LINES: usize = 4;

/// Lines above a deck line looked at to tell the top of an article from a subheading.
pub(super) const MAX_TOP_LINES: usize = 8;

/// Block `i`'s words stand again in a block of the story under it: a deck line that quotes
/// the body. Only the next `MAX_PULLED_BLOCKS` blocks are read, so that a long text with many
/// such lines stays linear.
pub(super) fn pulled_quote(doc: &Document, i: usize) -> bool {
    let line = doc.block_text(&doc.blocks[i]).trim();
    line.chars().nth(MIN_PULLED_CHARS).is_some()
        && doc.blocks[i + 1..]
            .iter()
            .take(MAX_PULLED_BLOCKS)
            .any(|block| doc.block_text(block).contains(line))
}

/// Characters a deck line needs to be taken for a quotation of the body.
pub(super) const MIN_PULLED_CHARS: usize = 8;
/// Blocks after a deck line searched for the sentence it quotes.
pub(super) const MAX_PULLED_BLOCKS: usize = 40;

/// Lines with their stops under headings (and at most one without: the line judged) that make
/// a text one without deck lines: a digest of stories, each under its headline.
pub(super) const STOPPED_UNDER_HEADINGS: usize = 2;
/// The longest deck line, in characters.
pub(super) const MAX_DECK_CHARS: usize = 60;

/// A deck or summary line is one sentence of moderate length without its stop, and stops on
/// a word: a semicolon joins the sentences of running text, and a comma says more follows.
/// (Its last word may be one the dictionary lacks: 靶向药, 变革期.)
pub(super) fn may_be_deck(text: &str, role: Role) -> bool {
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
pub(super) fn is_dateline(text: &str) -> bool {
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
pub(super) fn dateline_alone(text: &str) -> bool {
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

/// A dateline cut before its colon (央视网消息（新闻联播）, 央视网消息), or an agency's name alone
/// (央视网, 央视): what it opened went with the colon. No line of corpus-dev, the seeds or the
/// People's Daily of January 1998 is one.
pub(super) fn dateline_stub(text: &str) -> bool {
    static STUB: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:央视网?|新华社|新华网|中新网|人民网)(?:消息?(?:[（(][^）)：:，。]{0,12}[）)]?)?)?$")
            .expect("dateline stub pattern")
    });
    let text = text.trim();
    text.len() <= 4 * (DATELINE_CHARS + DATELINE_NOTE_CHARS)
        && ["央视", "新华", "中新网", "人民网"]
            .iter()
            .any(|agency| text.starts_with(agency))
        && STUB.is_match(text)
}

/// `text` opens a story with its dateline or the paper's lead (新华社北京1月25日电, 本报讯,
/// 本报北京1月15日讯): the line over it is the story's headline.
pub(super) fn opens_a_story(text: &str) -> bool {
    is_dateline(text) || text.starts_with("本报") && !is_signature(text)
}

/// `text` opens a story (`opens_a_story`), names who wrote it or greets a letter's reader
/// (本报记者许立群, 编辑同志：): the lines over it are the story's headlines.
pub(super) fn heads_a_story(text: &str) -> bool {
    let text = text.trim_end();
    opens_a_story(text)
        || is_signature(text)
        || text.ends_with('：') && text.chars().nth(SALUTATION_CHARS).is_none()
}

/// The longest salutation of a letter (编辑同志：, 尊敬的各位来宾：), in characters.
pub(super) const SALUTATION_CHARS: usize = 10;

/// A story's first paragraph: its dateline, then the story's text (央视网消息（新闻联播）：在内
/// 蒙古燕山). That is running text, which ends with a full stop, whatever its last word. A
/// dateline alone on its line, or with a byline (（记者 王某）, 记者王某), is not.
pub(super) fn opens_story(text: &str) -> bool {
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
pub(super) static DATELINE_WORDS: LazyLock<[memchr::memmem::Finder<'static>; 2]> =
    LazyLock::new(|| ["日电", "消息"].map(memchr::memmem::Finder::new));

/// How far into a paragraph its dateline ends at most, in characters.
pub(super) const DATELINE_CHARS: usize = 20;

/// Text wrapped at a fixed width, a line break inside every paragraph: its lines stop
/// mid-sentence because of the layout, not because of a fault. Most of the lines that stop
/// mid-sentence then have the same length, give or take a character, the width, and most
/// lines that end a sentence, a paragraph's last, are no longer (short parallel headings,
/// 三分威严，七分纯朴, may share a length, but the paragraphs under them run longer).
pub(super) fn hard_wrapped(doc: &Document) -> bool {
    let mut lengths = std::collections::BTreeMap::<usize, usize>::new();
    let mut ended = Vec::new();
    for line in &doc.lines {
        let text = doc.slice(&line.content);
        if line.kind != LineKind::Text || text.is_empty() {
            continue;
        }
        // Headings and titles stop without a mark too, and are often of a length: only lines
        // of running text (with a clause mark or a stop in them) count. The enumeration comma
        // of a numbered heading (1、大江截流展宏图, 二、主要任务) is no clause mark.
        let running = || {
            let marks = census(text);
            marks.stop || marks.clauses > usize::from(NUMBERED_ITEM.is_match(text))
        };
        if !stops_mid_sentence(text) {
            ended.push(text.chars().count());
        } else if running() {
            *lengths.entry(text.chars().count()).or_default() += 1;
        }
    }
    let total: usize = lengths.values().sum();
    let count = |n: usize| lengths.get(&n).copied().unwrap_or(0);
    let Some((most_alike, width)) = lengths
        .keys()
        .map(|&n| (count(n.saturating_sub(1)) + count(n) + count(n + 1), n))
        .max()
    else {
        return false;
    };
    let within = ended.iter().filter(|&&n| n <= width + 1).count();
    total >= 4 && most_alike * 2 >= total && within * 2 >= ended.len()
}

/// A number and an enumeration comma that open an item or a heading (1、, 十二、).
static NUMBERED_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?:[0-9０-９]+|[{CHINESE_NUMERALS}]+)、")).expect("numbered item pattern")
});

/// One or more Markdown pictures or links and nothing else.
pub(super) static MARKDOWN_LINKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:!?\[[^\]]*\]\([^)\s]*(?:\s+\S[^)]*)?\)\s*)+$").expect("Markdown link pattern")
});

/// `text` is written in a script that the shipped dictionary does not hold: `MIN_UNKNOWN_HAN`
/// and more than `MAX_UNKNOWN_HAN_SHARE` of its first `SCRIPT_SAMPLE_CHARS` Han characters are no word of it
/// (corpus-dev's stories converted to traditional characters: 7.6–24.7%; at most 0.6% in
/// corpus-dev, none in the seeds, 1.6% in any hundred paragraphs of the People's Daily of
/// January 1998).
pub(super) fn script_unknown(text: &str) -> bool {
    let lexicon = continuity::lexicon();
    let mut buffer = [0u8; 4];
    let (mut han, mut unknown) = (0usize, 0usize);
    for c in text.chars().filter(|&c| is_han(c)).take(SCRIPT_SAMPLE_CHARS) {
        han += 1;
        unknown += usize::from(!lexicon.has(c.encode_utf8(&mut buffer)));
    }
    unknown >= MIN_UNKNOWN_HAN && unknown as f32 > MAX_UNKNOWN_HAN_SHARE * han as f32
}

/// How many Han characters `script_unknown` reads, from the text's start.
pub(super) const SCRIPT_SAMPLE_CHARS: usize = 500;
/// The share of those that the dictionary may lack in a text it reads…
pub(super) const MAX_UNKNOWN_HAN_SHARE: f32 = 0.03;
/// … and how many it must lack at least: a short story may name a few people or places with
/// characters it does not hold (犇犇, 旸旸).
pub(super) const MIN_UNKNOWN_HAN: usize = 8;

pub(super) fn role(text: &str, kind: BlockKind) -> Role {
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
    // A picture or a link alone (![图片](https://…)), as pages turned into Markdown keep them:
    // no text of the story.
    if text.starts_with(['!', '[']) && MARKDOWN_LINKS.is_match(text.trim_end()) {
        return Role::Other;
    }
    // A note wholly in brackets with no sentence of its own (（新华社北京1月25日电）, （完）,
    // （记者 王楚）): the source or the end of a story, not its text.
    if is_bracketed_note(text.trim()) {
        return Role::Other;
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
    let unquoted = last
        .strip_suffix(['”', '’', '」', '』', '"', '\''])
        .unwrap_or(last);
    if unquoted.ends_with(['。', '！', '？', '!', '?']) || ends_on_a_point(unquoted) {
        return Role::Prose(Ending::Complete);
    }
    if is_headline_in_parts(text) || is_labelled_in_a_series(text) {
        return Role::Heading;
    }
    let marks = census(text);
    let (has_stop, clauses, enumerations) = (marks.stop, marks.clauses, marks.enumerations);
    if !has_stop {
        if is_signature(text) || is_list_of_names(text) || is_table_caption(text) || is_credit_line(text) {
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
pub(super) fn is_headline_in_clauses(text: &str, marks: Census) -> bool {
    let text = text.trim();
    // A numbered one (二、以进一步完善商品市场为契机，促进经济增长方式的优化; 一、解放思想，做“想为”文章，
    // 以存量资产引财) is an item of a series, whatever its first clause opens with.
    if let Some(number) = NUMBERED_ITEM.find(text) {
        let item = &text[number.end()..];
        return !NUMBERED_ITEM.is_match(item) && headline_clauses(item, census(item), true);
    }
    headline_clauses(text, marks, false)
}

/// `is_headline_in_clauses` for `text` with the census of its `marks`; `numbered`: it stands
/// after the number of an item.
fn headline_clauses(text: &str, marks: Census, numbered: bool) -> bool {
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
        && (numbered || first.starts_with('第') || !OPENS_SENTENCE.is_match(text) && !fresh_start(first))
        && !opens_with_a_pronoun(first)
        && !OPENS_WITH_SETTING.is_match(text)
        && !first.contains(|c: char| c.is_ascii_digit())
        && !text.ends_with(['的', '了', '着', '地', '得', '之'])
        && !stops_inside_a_word(tail)
        && !ends_on_a_word_before_more(tail)
        && crate::source::ngram::log_p_end(last_chars(text, JOIN_CONTEXT + 2))
            .is_none_or(|p| p >= DOUBTFUL_END)
}

/// `clause` opens with a pronoun (我们要…, 这是…): a sentence's subject, not a headline's.
pub(super) fn opens_with_a_pronoun(clause: &str) -> bool {
    let lexicon = continuity::lexicon();
    lexicon
        .segment(first_chars(clause, 4))
        .first()
        .and_then(|word| lexicon.tag(word))
        .is_some_and(|tag| tag == "r")
}

/// The most clauses of a headline in parts, and the longest clause, in characters.
pub(super) const MAX_HEADLINE_CLAUSES: usize = 3;
pub(super) const MAX_HEADLINE_CLAUSE_CHARS: usize = 14;

/// A byline (`is_byline`) or a name alone on its line (张同吾): who wrote the story under a
/// headline.
pub(super) fn is_signature(text: &str) -> bool {
    let name = text.trim();
    is_byline(text) || name.len() <= 4 * 4 && is_person_name(name) || is_two_names(name)
}

/// Two names run together, as a byline loses the space between them (袁建军王云, 刘国中何立峰;
/// not two names of two characters: 王沪宁表 is a name and a cut word).
pub(super) fn is_two_names(text: &str) -> bool {
    let chars = text.chars().count();
    (5..=6).contains(&chars)
        && text.chars().all(is_han)
        && (2..=3).any(|first| {
            let at = text.char_indices().nth(first).map_or(text.len(), |(at, _)| at);
            (2..=3).contains(&(chars - first)) && is_person_name(&text[..at]) && is_person_name(&text[at..])
        })
}

/// A byline on its own line: a reporter's title, then names (本报记者许立群, 新华社记者陈毛弟本报记者
/// 吕网大, 本报驻俄罗斯记者刘刚, 本报记者江玉《中国电力报》记者张大和, 记者 张三 李四), not a clause (记者来到现场, 记者从北京: the
/// names open with a surname, and hold no word of two characters or more that is a verb, an
/// idiom, an adverb, a preposition or a conjunction).
pub(super) fn is_byline(text: &str) -> bool {
    let text = text.trim();
    // A photo credit (记者 张锦辉 摄) is a caption: it stands where a heading does.
    if text.ends_with(['摄', '图']) || text.ends_with("摄影") {
        return false;
    }
    // The cheap tests first: most paragraphs are longer (a character takes at most 4 bytes).
    if text.len() > 4 * MAX_BYLINE_CHARS
        || text.chars().nth(MAX_BYLINE_CHARS).is_some()
        || !text
            .chars()
            .all(|c| is_han(c) || matches!(c, '·' | '《' | '》') || c.is_whitespace())
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

pub(super) static BYLINE_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:新华社|本报|人民日报|中新社|《\p{Han}{2,10}》)?(?:驻\p{Han}{1,8}?)?(?:首席|特约|见习|实习)?(?:记者|通讯员)")
        .expect("byline title pattern")
});

/// The longest byline, in characters (three reporters' titles and names).
pub(super) const MAX_BYLINE_CHARS: usize = 40;

/// The marks of a text that its role turns on, counted in one pass over their first bytes,
/// without decoding the Han between them.
#[derive(Clone, Copy, Default)]
pub(super) struct Census {
    /// A full stop (。！？).
    pub(super) stop: bool,
    /// A semicolon (；;).
    pub(super) semicolon: bool,
    /// Clause marks (，、；,;).
    pub(super) clauses: usize,
    /// Enumeration commas (、).
    pub(super) enumerations: usize,
    /// Book-title marks opened less those closed.
    pub(super) titles_open: isize,
    /// Round brackets (full or half width) opened less those closed.
    pub(super) brackets_open: isize,
}

impl Census {
    /// A book-title mark or a bracket is left open (《求, （新闻): a paragraph does not stop
    /// inside one. (Quotation marks may: a quotation of several paragraphs opens each of them.)
    fn unclosed(self) -> bool {
        self.titles_open > 0 || self.brackets_open > 0
    }
}

pub(super) fn census(text: &str) -> Census {
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

/// `text` ends on the ASCII point that stands for 。 where the text was typed or recognised
/// without full-width marks (…出席会议., …莫不耸听."), not on a decimal point (支出51.).
pub(super) fn ends_on_a_point(text: &str) -> bool {
    let mut chars = text.chars().rev();
    chars.next() == Some('.') && chars.next().is_some_and(|c| !c.is_ascii_digit() && c != '.')
}

/// The paragraph's last sentence has no end mark.
pub(super) fn stops_mid_sentence(text: &str) -> bool {
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
        if rest.chars().next_back().is_some_and(is_sentence_end) || ends_on_a_point(rest) {
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
    // Half a dash or an ellipsis was cut from the rest of it (…项目—, 一簇簇…), or a decimal
    // from its digits (支出51.: no line of corpus-dev or the People's Daily ends on a digit
    // and a point).
    if ends_on_half_a_mark(rest) || ends_on_a_decimal_point(rest) {
        return true;
    }
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

pub(super) static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
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

/// A line of credits, as web pages and papers print them under or over a story: labelled
/// fields and nothing else (责任编辑：张三, 编辑：李四 校对：王五, 来源：新华网, 文/本报记者 张三,
/// （责任编辑：王菁）). Its last word is a name, which may read as the start of a longer
/// word (张三: 三角), so the line must not be taken for running text cut off.
pub fn is_credit_line(text: &str) -> bool {
    // The cheap test first: most lines without a stop are headings, which open on no label.
    let text = text.trim();
    let mut chars = text.chars();
    let first = match chars.next() {
        Some('（' | '(' | '【' | '[') => chars.next(),
        first => first,
    };
    if !first.is_some_and(|first| CREDIT_LABEL_FIRSTS.contains(first)) {
        return false;
    }
    let text = text
        .strip_prefix(['（', '(', '【', '['])
        .and_then(|inner| inner.strip_suffix(['）', ')', '】', ']']))
        .unwrap_or(text);
    let mut parts = text.split([' ', '\u{3000}']).filter(|part| !part.is_empty());
    let mut fields = 0;
    let mut label = "";
    let mut values = 0;
    for part in parts.by_ref().take(MAX_CREDIT_PARTS) {
        if part.chars().nth(MAX_CREDIT_PART_CHARS).is_some() {
            return false;
        }
        let value = match credit_field(part) {
            Some((field_label, value)) => {
                fields += 1;
                label = field_label;
                values = 0;
                value
            }
            // A field's value goes on past a space (文/本报记者 张三, 记者：李明 王刚).
            None if fields > 0 && values < MAX_CREDIT_VALUES => part,
            None => return false,
        };
        for value in value.split('、').filter(|v| !v.is_empty()) {
            values += 1;
            let plain = value.chars().nth(MAX_CREDIT_VALUE_CHARS).is_none()
                && value
                    .chars()
                    .all(|c| is_han(c) || c.is_ascii_alphanumeric() || c == '·');
            // A reporter's label also opens an interviewer's question (记者：您如何看待…): there, only
            // names follow it.
            if !plain || label == "记者" && !is_person_name(value) {
                return false;
            }
        }
    }
    fields > 0 && parts.next().is_none()
}

/// `part` opens with a credit's label and its mark (责任编辑：, 文/), and what follows it:
/// the label and the value, when the value is not empty.
fn credit_field(part: &str) -> Option<(&'static str, &str)> {
    CREDIT_LABELS.iter().find_map(|&label| {
        let value = part
            .strip_prefix(label)?
            .strip_prefix(['：', ':', '/', '／', '丨', '｜', '|'])?;
        (!value.is_empty()).then_some((label, value))
    })
}

/// The labels of a credit line, longer ones before the shorter ones they begin with.
pub(super) const CREDIT_LABELS: [&str; 31] = [
    "责任编辑",
    "值班编辑",
    "本文来源",
    "稿件来源",
    "编辑",
    "主编",
    "编审",
    "审核",
    "审校",
    "校对",
    "作者",
    "撰稿",
    "撰文",
    "来源",
    "记者",
    "通讯员",
    "实习生",
    "摄影",
    "摄像",
    "图片",
    "文字",
    "视频",
    "监制",
    "制片人",
    "策划",
    "统筹",
    "设计",
    "制图",
    "翻译",
    "文",
    "图",
];
/// The characters that `CREDIT_LABELS` open with.
pub(super) const CREDIT_LABEL_FIRSTS: &str = "责值本稿编主审校作撰来记通实摄图文视监制策统设翻";
/// The most space-separated parts of a credit line, and the most characters of one.
pub(super) const MAX_CREDIT_PARTS: usize = 8;
pub(super) const MAX_CREDIT_PART_CHARS: usize = 16;
/// The most parts a credit's value runs on over after its label.
pub(super) const MAX_CREDIT_VALUES: usize = 4;
/// The most characters of a name or a source in a credit (人民日报客户端, 中央广播电视总台).
pub(super) const MAX_CREDIT_VALUE_CHARS: usize = 10;

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
pub(super) fn ends_mid_word(text: &str) -> bool {
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

pub(super) fn has_space_between_han(text: &str) -> bool {
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

/// `text` stops on a point right after a digit: a decimal cut before its decimals.
pub(super) fn ends_on_a_decimal_point(text: &str) -> bool {
    text.strip_suffix('.')
        .is_some_and(|before| before.ends_with(|c: char| c.is_ascii_digit()))
}
