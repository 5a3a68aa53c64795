//! "Ends here?": whether a paragraph or a line without a full stop stops mid-sentence, on a
//! comma, inside a word, on a word that only leads into more, or where the trigram doubts an
//! end.

use super::*;

/// Running text without a full stop that stops as no sentence does: on a comma, inside a
/// word, or on words after which a full stop is very unlikely.
pub(super) fn ends_open(text: &str, model: Model, doubt: Doubt) -> bool {
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
        || ends_on_a_title_and_one_character(tail)
        || ends_on_a_word_before_more(tail)
        || model.end_unlikely(last_chars(text, JOIN_CONTEXT + 2), doubt)
}

/// `ends_on_a_bare_number` with at most three digits: a line stops so only where a count or
/// a date was cut (古特雷斯22, 202); a longer number ends a line of contacts (呼8283).
pub(super) fn ends_on_a_short_bare_number(text: &str) -> bool {
    let digits = text.len() - text.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    digits <= 3 && ends_on_a_bare_number(text)
}

/// `text` stops on a number right after Han, with no unit (开行超4, 成立7, 为766.8): a count
/// or a date that lost its end, as no clause ends.
pub(super) fn ends_on_a_bare_number(text: &str) -> bool {
    let before = text.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
    before.len() < text.len() && text.ends_with(|c: char| c.is_ascii_digit()) && before.ends_with(is_han)
}

/// `tail` (Han characters) stops inside a word by the dictionary, and not on a word it lacks.
pub(super) fn stops_inside_a_word(tail: &str) -> bool {
    continuity::ends_inside_word(tail) > ENDS_INSIDE_WORD && !ends_on_an_unknown_word(tail)
}

/// `tail` (Han characters) ends on two characters that the dictionary reads only apart, and
/// that begin no common word (塞西, 福瑞, 上产; not 总书, of 总书记): a word it lacks, most
/// often a name, whose last character beginning longer words (西部, 瑞士, 产业) says nothing of
/// a cut.
pub(super) fn ends_on_an_unknown_word(tail: &str) -> bool {
    let lexicon = continuity::lexicon();
    let words = lexicon.segment(tail);
    let lone = |w: &&str| w.chars().nth(1).is_none();
    let Some(last_two) = words.len().checked_sub(2).map(|k| &words[k..]) else {
        return false;
    };
    // No name starts on a particle, a preposition, a conjunction or a measure word (的现, 在优,
    // 和产, 10位政).
    let function_word = lexicon
        .tag(last_two[0])
        .is_some_and(|tag| NO_NAME_AFTER_TAGS.iter().any(|t| tag.starts_with(t)));
    last_two.iter().all(lone)
        && !function_word
        && lexicon.log_prefix_mass(&last_two.concat()) < RARE_LONGER_WORDS
}

/// jieba's tags of the characters that begin no name: the particles of aspect and structure
/// (的, 了, 着, 过, 地, 得: uj, ul, uz, ug, uv, ud, not 之 and 等, u, which end headlines and
/// lists), prepositions, conjunctions and measure words.
pub(super) const NO_NAME_AFTER_TAGS: [&str; 9] = ["uj", "ul", "uz", "ug", "uv", "ud", "p", "c", "q"];

/// ln of the summed probability of the words that begin with two characters, below which
/// they are taken for a word the dictionary lacks (福瑞, 塞西: -15.8; 总书, of 总书记: -10.9).
pub(super) const RARE_LONGER_WORDS: f32 = -13.0;

/// A short line without a stop that ends on a word that only leads into more (在, 和, 由于), or
/// inside a word, clearly, or where the trigram also doubts that anything ends there, or in a
/// line of a few characters (遭以色, 李克强充, 会议审): a headline does neither, a cut sentence
/// does.
pub(super) fn stops_as_no_headline(text: &str, model: Model) -> bool {
    let tail = han_tail_of(text.trim_end(), 5);
    opener_alone(text)
        || opens_on_a_source(text)
        || ends_on_a_lone_item(text.trim_end())
        || ends_on_a_title_and_one_character(text.trim_end())
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

/// The line opens on 据 as a word of its own (据美国媒体, 据商务): what the source says follows it,
/// in the same sentence. No line without a stop of corpus-dev, the seeds or the People's Daily
/// of January 1998 opens so unless it runs on past a mark (据中国人民银行调查，…：).
pub(super) fn opens_on_a_source(text: &str) -> bool {
    let text = text.trim();
    text.starts_with('据')
        && !text.contains(['，', '：', '、', '；'])
        && crate::source::starts::first_token(text) == "据"
}

/// The text stops on a title and one character that makes no word with it (伊朗总统莱, 国家主席通;
/// not 总统府, 主席台, 大使馆): a name cut after its first character, for no name has one. A
/// reporter is the one title that is asked and answered (答记者问), not only named.
pub(super) fn ends_on_a_title_and_one_character(text: &str) -> bool {
    let mut chars = text.chars();
    if chars.next_back().is_none_or(|last| !is_han(last) || last == '等') {
        return false;
    }
    let before = chars.as_str();
    TITLES.iter().filter(|&&title| title != "记者").any(|title| {
        before.ends_with(title) && !continuity::lexicon().has(&text[before.len() - title.len()..])
    })
}

/// The line's last item is one character after an enumeration comma (李书磊、刘): a name or a
/// word cut, for no line of corpus-dev or of the People's Daily of January 1998 ends so.
pub(super) fn ends_on_a_lone_item(text: &str) -> bool {
    let mut last = text.chars().rev();
    last.next().is_some_and(is_han) && last.next() == Some('、')
}

/// The longest line that stops inside a word on characters that are no word of their own on
/// that sign alone (会议审, 常年坚, 习近): a headline so short is a word or two, whole (浙江, 顺德市,
/// 图片新闻, 好心上当 of the People's Daily); longer ones also need a clear cut or a doubtful end
/// (两会天天评 stops on 评, which begins 评论).
pub(super) const MAX_SCRAP_CHARS: usize = 4;

/// A line that stops clearly inside a word, on characters that are no word of their own
/// (遭以色, 据美国广播公).
pub(super) fn stops_clearly_inside_a_word(text: &str) -> bool {
    let tail = han_tail_of(text.trim_end(), 5);
    stops_inside_a_word_on_no_word(tail) && continuity::ends_inside_word(tail) > CLEARLY_INSIDE_WORD
}

/// `tail` (Han characters) stops inside a word, and its last two characters are no word: a line
/// whose last two characters are a word ends on it, as headlines do (the cheap first look,
/// which spares most lines the dictionary's lattice). A rare word of two characters is taken
/// for the start of a longer one only when the cut is clear (保加利: 加利, 全国政: 国政, 武装部队总司:
/// 总司).
pub(super) fn stops_inside_a_word_on_no_word(tail: &str) -> bool {
    let last_two = tail
        .char_indices()
        .rev()
        .nth(1)
        .map_or(tail, |(at, _)| &tail[at..]);
    let lexicon = continuity::lexicon();
    last_two.chars().nth(1).is_some()
        && match lexicon.log_p(last_two) {
            None => stops_inside_a_word(tail),
            Some(p) => {
                p < RARE_LAST_WORD
                    && continuity::ends_inside_word(tail) > CLEARLY_INSIDE_WORD
                    && !ends_on_an_unknown_word(tail)
            }
        }
}

/// ln p of a word of two characters below which a line's last two characters may be the start
/// of a longer word rather than a word (国政 -12.4, 总司 -16.8, 法治 -11.6; 发展 -6.2).
pub(super) const RARE_LAST_WORD: f32 = -11.0;

/// The last word of `tail` (Han characters) only ever leads into more: a preposition, a
/// conjunction or a determiner (在, 把, 以及, 如果, 各种). No sentence, deck line or headline
/// ends on one.
pub(super) fn ends_on_a_word_before_more(tail: &str) -> bool {
    // Most texts end on a character that ends none of the words: no need to segment them.
    if !tail
        .chars()
        .next_back()
        .is_some_and(|c| LEADING_WORD_ENDS.contains(&c))
    {
        return false;
    }
    let lexicon = continuity::lexicon();
    let words = lexicon.segment(tail);
    let Some(&last) = words.last().filter(|last| LEADING_WORDS.contains(*last)) else {
        return false;
    };
    let before = words.len().checked_sub(2).map_or("", |k| words[k]);
    // A character left alone before a one-character word may be a word's with it that the
    // segmentation missed (碳中/和, 天时地利人/和; not a particle: 召回了/驻), and 在 after an
    // adverb is "to be there" (初心永在, 依然在).
    let lone_before = last.chars().nth(1).is_none()
        && before.chars().count() == 1
        && !before.chars().all(|c| NEVER_OPENS.contains(c));
    // (An adverb that leads on to a verb leads on to 在 as a preposition: 会议首先在.)
    let verb_after_adverb =
        last == "在" && lexicon.tag(before).is_some_and(|tag| tag == "d") && !LEADING_WORDS.contains(before);
    !lone_before && !verb_after_adverb
}

/// `text` stops on a comma, an enumeration comma or a semicolon, or on a word that only leads
/// into more (`leads_alone_into_more`, `ends_on_a_word_before_more`): no headline does. (A
/// colon ends labels: 央视网消息：, 记者：.)
pub(super) fn ends_leading_into_more(text: &str) -> bool {
    let text = text.trim_end();
    let tail = han_tail_of(text, 8);
    text.ends_with(['，', '、', '；', ',', ';'])
        || leads_alone_into_more(text, tail)
        || tail.chars().nth(1).is_some() && ends_on_a_word_before_more(tail)
}

/// `text` ends on one Han character, `tail`, after a bracket, a quotation, a number, a Latin
/// word or a clause mark, and it only leads into more ((6月21日）在, “十四五”和, G20与, 武装冲突，在).
pub(super) fn leads_alone_into_more(text: &str, tail: &str) -> bool {
    let before = &text[..text.len() - tail.len()];
    tail.chars().nth(1).is_none()
        && (LEADING_WORDS.contains(tail) || LEADS_ON_AFTER_A_MARK.contains(&tail))
        && before.ends_with(|c: char| {
            c.is_ascii_alphanumeric()
                || matches!(c, '）' | ')' | '”' | '’' | '》' | '」' | '%')
                || CLAUSE_MARKS.contains(&c)
        })
}

/// Verbs and adverbs that, standing alone right after a bracket, a quotation or a number,
/// only lead into more ((3月28日）是, “十四五”将, G20也): what ends a clause there is a
/// word of two characters or more.
pub(super) const LEADS_ON_AFTER_A_MARK: [&str; 16] = [
    "是", "为", "将", "对", "向", "给", "让", "使", "也", "还", "都", "已", "正", "要", "就", "会",
];

/// Prepositions, conjunctions and determiners that stand before what they lead into, never at
/// the end of a sentence (those that can also be a verb or a noun, as 通过, 为, 对, 用, 依据,
/// are left out), adverbs that lead on to a verb, and verbs that take what follows as their
/// object or the clause they report (包括, 位于, 成为, 认为, 获悉, 具有, 受到; 已, 更加, 这种, 任何:
/// none ends a sentence or a line in corpus-dev or the People's Daily of January 1998).
pub(super) const LEADS_INTO_MORE: [&str; 167] = [
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
    "认为",
    "获悉",
    "了解到",
    "感到",
    "觉得",
    "注意到",
    "坚信",
    "透露",
    "驻",
    "距",
    "按",
    "依",
    "凭",
    "沿",
    "朝",
    "向",
    // Adverbs, determiners and verbs (是 and 将 too, met 9,091 and 2,740 times) that take an
    // object, each met 150 times or more in corpus-dev and the People's Daily of January 1998,
    // never last in a sentence or a line (还, 都, 再, 均 and 正 too: adverbs; not 共, last in 命运与共).
    "已",
    "又",
    "更",
    "却",
    "曾",
    "仍",
    "既",
    "便",
    "仅",
    "更加",
    "十分",
    "逐步",
    "能够",
    "应当",
    "甚至",
    "尤其",
    "先后",
    "越来越",
    "这个",
    "这种",
    "这次",
    "该",
    "各",
    "每",
    "每年",
    "整个",
    "任何",
    "有些",
    "其",
    "广大",
    "大量",
    "只有",
    "从而",
    "具有",
    "达到",
    "采取",
    "受到",
    "超过",
    "面临",
    "面对",
    "引起",
    "使",
    "是",
    "将",
    "还",
    "都",
    "再",
    "均",
    "正",
    // Adverbs of degree and of manner and modal verbs that lead on to what they qualify, met
    // 150 times or more and never last (最 ends a line only in 之最, where 之 stands alone
    // before it).
    "最",
    "非常",
    "大力",
    "应该",
    "未",
];

/// `LEADS_INTO_MORE` as a set.
pub(super) static LEADING_WORDS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| LEADS_INTO_MORE.iter().copied().collect());

/// The characters the words of `LEADS_INTO_MORE` end on.
pub(super) static LEADING_WORD_ENDS: LazyLock<FxHashSet<char>> = LazyLock::new(|| {
    LEADS_INTO_MORE
        .iter()
        .filter_map(|w| w.chars().next_back())
        .collect()
});

/// Running text of several clauses without any full stop: a sentence that lost its end.
/// Deck and summary lines are one or two short clauses.
pub(super) fn long_running_text(text: &str) -> bool {
    let marks = census(text);
    !marks.stop && marks.clauses >= LONG_CLAUSES && text.chars().count() >= LONG_CHARS
}

/// Clause marks and characters that make a text without a full stop running text.
pub(super) const LONG_CLAUSES: usize = 2;
pub(super) const LONG_CHARS: usize = 30;

/// A cheap first look: text whose last character is a sentence end, or a closing quote right
/// after one (。”), cannot stop mid-sentence.
pub(super) fn may_stop_mid_sentence(text: &str) -> bool {
    let text = text.trim_end();
    let text = text.strip_suffix(['”', '’', '」', '』']).unwrap_or(text);
    !text.ends_with(|c: char| is_sentence_end(c) || matches!(c, '；' | '：' | '—'))
        || ends_on_half_a_mark(text)
}

/// `text` stops on one dash or one ellipsis mark: the dash of a range after its first number
/// (0—, 1—5月 cut after 1—), or the first half of a dash or an ellipsis (首个重大项目— |
/// —引江补汉工程, 一簇簇… | …): the text goes on. (No paragraph of corpus-dev or of the People's
/// Daily of January 1998 ends on one; the People's Daily ends some on three dashes, ———,
/// before what they announce, and on ……)
pub(super) fn ends_on_half_a_mark(text: &str) -> bool {
    HALVED_MARKS.iter().any(|&mark| {
        text.strip_suffix(mark)
            .is_some_and(|before| !before.is_empty() && !before.ends_with(mark))
    })
}

/// `text` stops on the date in brackets after a time word or a name (水利部今天（6月13日）,
/// 昨天（7月18日）): what happened then was cut off. Of the 182 such dates in corpus-dev, the
/// seeds and the People's Daily of January 1998, none ends a line.
pub(super) fn ends_on_a_date_note(text: &str) -> bool {
    // What comes before 1 or 2 digits and `unit` at the end of `text`.
    fn strip_number(text: &str, unit: char) -> Option<&str> {
        let digits = text.strip_suffix(unit)?;
        let before = digits.trim_end_matches(|c: char| c.is_ascii_digit());
        (1..=2).contains(&(digits.len() - before.len())).then_some(before)
    }
    let Some(note) = text.trim_end().strip_suffix(['）', ')']) else {
        return false;
    };
    let Some(before_day) = strip_number(note, '日') else {
        return false;
    };
    let before_month = strip_number(before_day, '月').unwrap_or(before_day);
    before_month
        .strip_suffix(['（', '('])
        .is_some_and(|before| before.ends_with(is_han))
}

/// Marks written twice (——, ……) that a break may cut in two.
pub(super) const HALVED_MARKS: [char; 2] = ['—', '…'];
