//! "Carries on?": whether the text after a broken sentence is its rest, from the signs across
//! the join (a word or a number cut in two, a mark left open, a list, a name) and the
//! judgements weighed together (`carry`).

use super::*;

/// How strongly `second` carries `first` on, and the ln odds of carrying on by `carry` where
/// the judgements were weighed (else -inf).
pub(super) fn carries_on(
    first: &str,
    second: &str,
    join: Join,
    odds_matter: bool,
    model: Model,
) -> (Carry, f32) {
    let mut weighed = f32::NEG_INFINITY;
    let carry = judge_carry(first, second, join, odds_matter, model, &mut weighed);
    (carry, weighed)
}

/// `carries_on`, writing the ln odds by `carry` to `weighed_out` when it weighs them.
pub(super) fn judge_carry(
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
    // A text that closes a pair before it opens one goes on only from a text that left the
    // pair open (…以“履行植树义务 | 共建美丽中国”为主题); after any other, the pair's opening
    // was lost with its head (…在济南开幕 | 化”为主题).
    if unopened_close(b).is_some_and(|close| !leaves_open(a, close)) {
        return Carry::No;
    }
    // A text that opens by saying again the word the one before ended on (…市委书记阳宝华 |
    // 阳宝华，51岁，…) names it afresh: nothing runs across, whatever word the two would make.
    if repeats_the_end(a, b) {
        return Carry::No;
    }
    // A number cut before its decimal point or after its head digits goes on only from those
    // digits (…同比增长17 | .5%); after anything else they were lost with the text's head (…客流
    // 持续攀升 | .5%；外籍人员…).
    if !a.ends_with(|c: char| c.is_ascii_digit())
        && b.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '.' | '．'))
        && starts_inside_number(b)
    {
        return Carry::No;
    }
    // Running text stops on a number only inside a sentence (a heading-like line may end on a
    // page number before a paragraph that starts 人民…).
    let running = !matches!(join, Join::FromHeading | Join::FromTitle);
    if (ascii(a.chars().next_back()) && number_goes_on(b.chars().next()) && !date_stands_apart(a, b))
        || (running
            && digit(a.chars().next_back())
            && b.starts_with(|c| NUMBER_UNITS.contains(&c) || MEASURE_WORDS.contains(c)))
        || (ends_on_half_a_mark(a)
            && (a.ends_with('—') && digit(b.chars().next()) || starts_on_the_other_half(a, b)))
        || a.ends_with(OPENING_MARKS) && left_open(a).is_none_or(|close| closes_first(b, close))
        || closes_what_is_open(a, b)
        || month_before_day(a, b)
        || join == Join::Neighbours && dateline_alone(a)
    {
        return Carry::Certain;
    }
    // A decimal cut before its decimals goes on only in them.
    if ends_on_a_decimal_point(a) {
        return if digit(b.chars().next()) {
            Carry::Certain
        } else {
            Carry::No
        };
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
    // A headline may end on what its story repeats with more (…竞争秩序 | 工业和信息化部…规范…竞争
    // 秩序工作): running text carries on a string the text has elsewhere, and a line too short
    // to say much as a heading (中国 | 人民银行数据显示…, the bank named twice more).
    if (running || join == Join::FromHeading && a.chars().nth(MAX_ECHO_LINE_CHARS).is_none())
        && echoed(model.document, a, b)
    {
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
    // where the judgements weighed together find that likelier than not. So does an
    // enumeration comma, on stronger evidence (…历史遗存、文化景观、 | 旅游设施的拆与建…), whether
    // or not the list goes on (`list_goes_on` makes that certain).
    if join == Join::Apart && a.ends_with(['，', ',']) && weighed >= COMMA_APART_CARRY
        || join == Join::Apart && a.ends_with('、') && weighed >= ENUMERATION_APART_CARRY
    {
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
pub(super) fn shipped_join_odds(a: &str, b: &str, model: Model) -> Option<f32> {
    Model { built: None, ..model }
        .log_odds_join(last_chars(a, JOIN_CONTEXT + 2), first_chars(b, JOIN_CONTEXT + 2))
}

/// What `carries_on` has already worked out about a break when it asks `evidence`.
pub(super) struct Known {
    /// The shipped trigram's ln odds.
    odds: Option<f32>,
    /// `continuity::join_gain` of the Han on either side.
    gain: f32,
    opens_fresh: bool,
}

/// What the judgements of the break between `a` and `b` (trimmed) say, for the model of
/// `carry` to weigh.
pub(super) fn evidence(a: &str, b: &str, known: Known, model: Model) -> carry::Evidence {
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
    let first_word = crate::source::starts::first_token(b);
    carry::Evidence {
        odds: odds.unwrap_or(0.0),
        word_gain: gain,
        starts_inside_word: continuity::starts_inside_word(head),
        opens_fresh,
        after_comma: a.ends_with(['，', '、', ',']),
        end_log_p: crate::source::ngram::log_p_end(last).unwrap_or(0.0),
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
        start_odds: crate::source::starts::start_odds(first_word),
        left_open: left_open(a).map(|close| closes_first(b, close)),
        ends_inside_word: continuity::ends_inside_word(tail),
        number_across: a.ends_with(|c: char| c.is_ascii_digit() || c == '.')
            && b.starts_with(|c: char| c.is_ascii_digit()),
        number_cut: number_cut(a, b),
        opens_with_setting: OPENS_WITH_SETTING.is_match(b),
        joined_length: model
            .paragraph_bytes
            .map(|mean| ((a.len() + b.len()) as f32 / mean).ln()),
    }
}

/// The marks that part the clauses of a sentence: no sentence opens with one.
pub(super) const CLAUSE_MARKS: [char; 6] = ['，', '、', '；', '：', ',', ';'];

/// Pairs of marks that a cut may leave open: quotation, title, bracket.
pub(super) const PAIRS: [(char, char); 5] =
    [('“', '”'), ('‘', '’'), ('《', '》'), ('（', '）'), ('「', '」')];

/// How far back from a text's end an unclosed title or bracket is looked for, in characters…
pub(super) const OPEN_PAIR_CHARS: usize = 60;
/// … and an unclosed quotation: one opened further back may run on for sentences, and across
/// paragraphs, as quotations do.
pub(super) const OPEN_QUOTE_CHARS: usize = 20;

/// The closing mark of the innermost pair left open near the end of `text`, if any.
pub(super) fn left_open(text: &str) -> Option<char> {
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
pub(super) const CLOSE_PAIR_CHARS: usize = 200;

/// `text` closes a pair opened before it: `close` comes before an opening of its own.
pub(super) fn closes_first(text: &str, close: char) -> bool {
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
pub(super) fn number_cut(first: &str, second: &str) -> bool {
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
pub(super) static OPENS_WITH_SETTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^，。！？“”、]{1,8}(?:前|后|上|时|中|里|间|底|期间|以来|年来)，").expect("setting pattern")
});

/// Characters before the first sentence end or semicolon of `chars`, up to
/// `carry::SENTENCE_CHARS`.
pub(super) fn sentence_chars(chars: impl Iterator<Item = char>) -> usize {
    chars
        .take_while(|&c| !is_sentence_end(c) && c != '；')
        .take(carry::SENTENCE_CHARS)
        .count()
}

/// The evidence at a break, judged with the shipped models: for fitting the weights of
/// `carry` (`examples/fit-carry.rs`).
pub fn carry_evidence(first: &str, second: &str, paragraph_bytes: Option<f32>) -> carry::Evidence {
    let alone = RefCell::default();
    let model = Model {
        built: None,
        alone: &alone,
        paragraph_bytes,
        document: "",
    };
    whole_evidence(first, second, model)
}

/// The evidence at a break, with nothing worked out before.
pub(super) fn whole_evidence(first: &str, second: &str, model: Model) -> carry::Evidence {
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
/// 97.6% of the rests of cut sentences reach it, and 26% of the real next paragraphs)…
pub(super) const NEIGHBOUR_CARRY: f32 = -1.6;
/// … and after headings, or further away: a heading is as likely a sign that the sentence
/// was cut off before it as that it was set between the halves, so the bar is higher (96.6%
/// and 22%).
pub(super) const APART_CARRY: f32 = -1.3;
/// … and past headings after a comma, the bar above which the paragraph is the
/// sentence's rest (90% of the rests of cut sentences reach it, and 11% of the real next
/// paragraphs).
pub(super) const COMMA_APART_CARRY: f32 = 0.0;
/// … after an enumeration comma, higher: a short sentence of its own reads on after one
/// (…利用信息技术，全面、 | 焦点二 | 数字政府建设意义重大。 weighs 1.7; the rest
/// of the sentence in the tests, 旅游设施的拆与建却陷入了两难。, 2.6).
pub(super) const ENUMERATION_APART_CARRY: f32 = 2.0;

/// Something runs across `first`'s end and `second`'s start: a word that reads far better
/// across than apart (习近平指 | 出, 俄罗斯总 | 统), a name (副主席沈跃 | 跃), a number and its unit
/// (普京24 | 日), a pair of marks left open and closed (今天（6月 | 26日）), who speaks and what
/// they said (国务院总理李强 | 指出，).
pub(super) fn runs_across(first: &str, second: &str) -> bool {
    let (a, b) = (first.trim_end(), second.trim_start());
    let (tail, head) = (han_tail(a), han_head(b));
    a.ends_with(|c: char| c.is_ascii_digit())
        && b.starts_with(|c| NUMBER_UNITS.contains(&c) || MEASURE_WORDS.contains(c))
        || continuity::join_gain(tail, head) > STRONG_WORD_ACROSS_GAIN
        || name_across(a, b)
        || foreign_name_across(a, b)
        || closes_what_is_open(a, b)
        || speaker_lost(b) && names_who_speaks(a)
}

/// `second` opens with the last two characters or more of `first` (…阳宝华 | 阳宝华，).
pub(super) fn repeats_the_end(first: &str, second: &str) -> bool {
    let tail = han_tail_of(first, REPEATED_END_CHARS);
    let second = second.trim_start();
    (2..=tail.chars().count()).any(|k| second.starts_with(last_chars(tail, k)))
}

/// The most characters of a text's end that `repeats_the_end` compares.
pub(super) const REPEATED_END_CHARS: usize = 4;

/// `first` stops on an enumeration comma and `second` opens with one more item of the list:
/// a short one before another enumeration comma or 等 (交通运输部、商务部等部门…), or one that
/// ends as the last item did, before a mark (全面性、系统性、| 协调性。).
pub(super) fn list_goes_on(first: &str, second: &str) -> bool {
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
pub(super) fn title_before_name(first: &str, second: &str) -> bool {
    let tail = han_tail(first);
    let head = han_head(second);
    TITLES.iter().any(|title| tail.ends_with(title)) && (2..=3).any(|n| names_a_person(first_chars(head, n)))
}

/// The break cuts a person's name that stands after a title or after a name in a list (副主席沈跃 |
/// 跃、王勇, 赵乐际、蔡 | 奇、丁薛祥): a surname, perhaps with a character of the given name, ends
/// the first text, and the rest of the name opens the second as no word of the dictionary
/// does. Two characters may be a whole name, so the second text must not open with one of its
/// own (书记邢云 | 邢云，1952年生), nor with a function word (记者于青 | 因东京…).
pub(super) fn name_across(first: &str, second: &str) -> bool {
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
pub(super) const TITLES: [&str; 24] = [
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
pub(super) const MAX_LIST_ITEM_CHARS: usize = 10;

/// Measure words that follow a number and begin no word that opens a paragraph (13|枚, 5|艘,
/// 3|架): a text that stops on a number goes on with one too. (Not 台, 座, 只, 例, 届: 台湾, 座谈会,
/// 只有, 例如, 届时 open paragraphs.)
pub(super) const MEASURE_WORDS: &str = "枚架艘株棵亩斤";

/// Units and measure words that follow a number (30|日, 2023|年, 3|名): a text that stops on a
/// number goes on with one.
pub(super) const NUMBER_UNITS: [char; 24] = [
    '年', '月', '日', '时', '分', '秒', '号', '个', '名', '人', '万', '亿', '元', '米', '度', '岁', '家',
    '次', '件', '辆', '吨', '项', '条', '倍',
];

/// `second` closes a pair of marks that `first` left open before it opens one, within its
/// first sentence (6月|26日）, “林|一代”是).
pub(super) fn closes_what_is_open(first: &str, second: &str) -> bool {
    let closing = second
        .chars()
        .take(CLOSING_SEARCH_CHARS)
        .find(|&c| matches!(c, '（' | '(' | '）' | ')' | '《' | '》' | '“' | '”') || is_sentence_end(c));
    closing.is_some_and(|close| matches!(close, '）' | ')' | '》' | '”') && leaves_open(first, close))
}

/// `text` opens the pair that `close` closes more often than it closes it.
pub(super) fn leaves_open(text: &str, close: char) -> bool {
    let (opening, closing): (&[char], &[char]) = match close {
        '）' | ')' => (&['（', '('], &['）', ')']),
        '》' => (&['《'], &['》']),
        '”' => (&['“'], &['”']),
        '」' => (&['「'], &['」']),
        '』' => (&['『'], &['』']),
        '】' => (&['【'], &['】']),
        _ => return false,
    };
    text.matches(opening).count() > text.matches(closing).count()
}

/// `text` opens a quotation, a title or a bracket that it never closes, and does not stop on
/// a sentence's end mark (before its closing quotation marks).
pub(super) fn leaves_a_pair_open(text: &str) -> bool {
    let text = text.trim_end();
    let before_quotes = text.trim_end_matches(['”', '’', '」', '』']);
    if before_quotes.ends_with(['。', '！', '？', '…']) {
        return false;
    }
    // One pass over the lead bytes of the marks: quotation, title, bracket.
    let mut open = [0isize; 3];
    for i in memchr::memchr3_iter(0xE2, 0xE3, 0xEF, text.as_bytes()) {
        match text[i..].chars().next() {
            Some('“') => open[0] += 1,
            Some('”') => open[0] -= 1,
            Some('《') => open[1] += 1,
            Some('》') => open[1] -= 1,
            Some('（') => open[2] += 1,
            Some('）') => open[2] -= 1,
            _ => {}
        }
    }
    open.iter().any(|&n| n > 0)
}

/// How far into a paragraph `closes_what_is_open` looks for a closing mark.
pub(super) const CLOSING_SEARCH_CHARS: usize = 40;

/// Marks that open something the same sentence must close: a text cannot stop after them, and
/// what carries it on closes them (else it was cut off, and what follows is not its rest).
pub(super) const OPENING_MARKS: [char; 8] = ['（', '(', '“', '《', '【', '「', '『', '〔'];

/// How much better, in ln odds, the best reading with a word across a join must be than the
/// best reading without one.
pub(super) const WORD_ACROSS_GAIN: f32 = 1.0;
/// … for the word to carry the text on even into what reads as a fresh start.
pub(super) const STRONG_WORD_ACROSS_GAIN: f32 = 3.0;

/// `second` opens on one of the mark that `first` stops on, the second half of a dash or an
/// ellipsis cut in two (…项目— | —引江补汉工程): no paragraph opens so, where a dash opens
/// one it is whole (——习近平).
pub(super) fn starts_on_the_other_half(first: &str, second: &str) -> bool {
    HALVED_MARKS.iter().any(|&mark| {
        first.ends_with(mark)
            && second
                .strip_prefix(mark)
                .is_some_and(|after| !after.is_empty() && !after.starts_with(mark))
    })
}

/// A name or a term that the text has elsewhere runs across the break (以色列总理内塔尼亚胡当天
/// 表示… | 不过，内塔尼亚 | 胡同时表示; 李存冬…李存 | 冬心甘情愿): a string of `MIN_ECHO_CHARS` or
/// more Han characters across it stands elsewhere in the text around it (`around_break`), and
/// there what the break cuts always goes on the same way (塔尼亚 always before 胡), or what
/// follows it always comes after the same character. Phrases a story repeats but ends in many
/// ways (…发展 | 核电…, 发展 also before 经济, 成果…) do not count.
pub(super) fn echoed(document: &str, first: &str, second: &str) -> bool {
    let (a, b) = (first.trim_end(), second.trim_start());
    let (tail, head) = (
        han_tail_of(a, MAX_ECHO_SIDE_CHARS),
        first_chars(han_head(b), MAX_ECHO_SIDE_CHARS),
    );
    let (Some(last), Some(next)) = (tail.chars().next_back(), head.chars().next()) else {
        return false;
    };
    // Where the two texts stand in the text around them (nowhere when not part of it).
    let Some((document, [a_end, b_start])) = around_break(document, [a, b]) else {
        return false;
    };
    let a_end = a_end + a.len();
    let bytes = document.as_bytes();
    // No string across the break stands anywhere without its two middle characters.
    if memchr::memmem::find(bytes, format!("{last}{next}").as_bytes()).is_none() {
        return false;
    }
    // How many times the text has what the break cuts elsewhere, when it always goes on the
    // same way there: `cut` followed by `next` (after) or preceded by `last` (before).
    let always = |cut: &str, after: bool| {
        let (except, expected) = match after {
            true => (a_end - cut.len(), next),
            false => (b_start, last),
        };
        neighbour_elsewhere(document, cut, except, after)
            .filter(|&(neighbour, _)| neighbour == expected)
            .map(|(_, seen)| seen)
    };
    let twice = |seen: Option<usize>| seen.is_some_and(|seen| seen >= MIN_ECHOES);
    let tail_chars = tail.chars().count();
    let head_chars = head.chars().count();
    (1..=tail_chars).any(|k| {
        let before = last_chars(tail, k);
        (1..=head_chars).filter(|m| k + m >= MIN_ECHO_CHARS).any(|m| {
            let after = first_chars(head, m);
            if memchr::memmem::find(bytes, format!("{before}{after}").as_bytes()).is_none() {
                return false;
            }
            let (forward, backward) = (always(before, true), always(after, false));
            // Seen twice, one side of the break tells the other; seen once, a longer string
            // must be told from both (主席会议 once, but 会议 after many words: chance).
            k > 1 && twice(forward)
                || m > 1 && twice(backward)
                || k + m > MIN_ECHO_CHARS && forward.is_some() && backward.is_some()
        })
    })
}

/// The one Han character that stands right after `needle` (or right before it) wherever
/// `text` has it, save at `except`, and how many times; `None` when `text` has it nowhere
/// else, or when what stands there differs or is no Han character.
pub(super) fn neighbour_elsewhere(
    text: &str,
    needle: &str,
    except: usize,
    after: bool,
) -> Option<(char, usize)> {
    let mut found: Option<(char, usize)> = None;
    for at in memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes()).filter(|&at| at != except) {
        let neighbour = match after {
            true => text[at + needle.len()..].chars().next(),
            false => text[..at].chars().next_back(),
        }
        .filter(|&c| is_han(c))?;
        match &mut found {
            None => found = Some((neighbour, 1)),
            Some((seen, count)) if *seen == neighbour => *count += 1,
            Some(_) => return None,
        }
    }
    found
}

/// The text around a break, where `echoed` and `starts_inside_an_echo` look for what a story
/// repeats: the part of `document` within `ECHO_WINDOW_BYTES` of `texts`, and where they start
/// in it (`None` when a text is not part of `document`). A story's names and terms recur
/// within it, and the searches stay linear in a text of any size.
pub(super) fn around_break<'d, const N: usize>(
    document: &'d str,
    texts: [&str; N],
) -> Option<(&'d str, [usize; N])> {
    let base = document.as_ptr() as usize;
    let mut at = [0; N];
    for (offset, text) in at.iter_mut().zip(texts) {
        *offset = (text.as_ptr() as usize)
            .checked_sub(base)
            .filter(|&o| o.checked_add(text.len()).is_some_and(|end| end <= document.len()))?;
    }
    let (low, high) = (*at.iter().min()?, *at.iter().max()?);
    let mut from = low.saturating_sub(ECHO_WINDOW_BYTES);
    while !document.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (high + ECHO_WINDOW_BYTES).min(document.len());
    while !document.is_char_boundary(to) {
        to += 1;
    }
    Some((&document[from..to], at.map(|o| o - from)))
}

/// How far from a break `echoed` and `starts_inside_an_echo` look for what the story repeats,
/// in bytes, on either side: about 6,700 characters, more than a story's length.
pub(super) const ECHO_WINDOW_BYTES: usize = 20_000;

/// The fewest characters of a string across a break that, standing elsewhere in the text,
/// carry the sentence on.
pub(super) const MIN_ECHO_CHARS: usize = 3;
/// The fewest times the text must have what the break cuts elsewhere, always going on the same
/// way, for `echoed` to trust it (once may be chance: …空袭胡塞武装… and 袭 | 胡塞武装称…).
pub(super) const MIN_ECHOES: usize = 2;
/// The longest line read as a heading that a string the text repeats carries on (中国 | 人民银行…):
/// a headline that long or longer ends where it ends, whatever its story repeats.
pub(super) const MAX_ECHO_LINE_CHARS: usize = 6;
/// The most characters on either side of the break that `echoed` compares.
pub(super) const MAX_ECHO_SIDE_CHARS: usize = 3;
