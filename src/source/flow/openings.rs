//! "Starts here?": whether a paragraph starts mid-sentence, on a mark, a particle, the end of
//! a word or a number, a speaker's verb without its speaker, or as the model of openings
//! (`opening`) finds no sentence starts; and the signs that one opens afresh.

use super::*;

/// The paragraph opens with the end of a word (济社会发展, 们纷纷表示) or with a word that
/// cannot open a sentence, or with one that seldom does (`opens_on_a_rare_word`).
pub(super) fn starts_inside(text: &str, model: Model) -> bool {
    starts_inside_by_form(text, model) || opens_on_a_rare_word(text)
}

/// The paragraph opens with an opener, a name or an organ: a start, whatever its first
/// characters (`head`) read as.
fn opens_as_a_start(text: &str, head: &str) -> bool {
    OPENS_SENTENCE.is_match(text)
        || fresh_start(text)
        || name_first(head)
        || organisation_first(head)
        || places_abbreviated_first(head)
        || verb_said_twice(head)
}

/// The paragraph opens with a verb said twice with 着 (品着品着, 走着走着, 说着说着): a scene set,
/// which no cut leaves but by chance.
pub(super) fn verb_said_twice(head: &str) -> bool {
    let mut chars = head.chars();
    let first = [chars.next(), chars.next()];
    first[1] == Some('着') && [chars.next(), chars.next()] == first
}

/// The paragraph opens with three characters that read as a person's name, and the
/// dictionary reads no word across its end: 代化航空装备 is 现|代化 and 航空, not a name 代化航.
pub(super) fn name_first(head: &str) -> bool {
    let name = first_chars(head, 3);
    if !is_person_name(name) {
        return false;
    }
    let mut at = 0;
    !continuity::lexicon()
        .segment(first_chars(head, 5))
        .iter()
        .any(|word| {
            at += word.len();
            at > name.len() && at - word.len() < name.len()
        })
}

/// The paragraph opens with places or countries abbreviated to a character each (京港高铁,
/// 京津冀, 粤港澳), with a country's side (德方, 英方, 俄方) or with where one comes from (川籍),
/// which the dictionary lacks: each character alone is the short name of a place (tagged ns
/// or j).
pub(super) fn places_abbreviated_first(head: &str) -> bool {
    let lexicon = continuity::lexicon();
    let place = |c: char| {
        let mut buf = [0; 4];
        lexicon
            .tag(c.encode_utf8(&mut buf))
            .is_some_and(|tag| tag == "ns" || tag == "j")
    };
    let mut chars = head.chars();
    let (Some(first), Some(second)) = (chars.next(), chars.next()) else {
        return false;
    };
    place(first) && (matches!(second, '方' | '籍') || place(second))
}

/// A word that news sentences seldom open with and that most often ends a phrase (水平,
/// 作用, 情况, 增长, 亿元): the rest of a sentence whose head was lost. A title opens one as
/// its subject (主席会议…).
pub(super) fn opens_on_a_rare_word(text: &str) -> bool {
    let head = han_head(text);
    // (The cheap look at the first characters first: the segmentation must agree.)
    let rare = |word: &str| RARE_OPENING_WORDS.contains(word);
    (2..=4).any(|n| rare(first_chars(head, n)))
        && rare(crate::source::starts::first_token(text))
        && !opens_as_a_start(text, head)
}

/// `starts_inside` but for the words that seldom open a sentence: what the form of the
/// first characters says.
pub(super) fn starts_inside_by_form(text: &str, model: Model) -> bool {
    let head = han_head(text);
    let Some(first) = head.chars().next() else {
        return is_bare_share_clause(text) || is_bare_figure_sentence(text);
    };
    let is_start = || opens_as_a_start(text, head);
    // A model built from the user's corpus knows how its sentences start.
    if model.starts_unlikely(text) && !is_start() {
        return true;
    }
    // A noun or the end of a word and a stop (力量。, 作。) end a longer sentence, unless
    // they name who acts (他笑了。); a greeting (再见。) or an answer (是的。) is neither. So
    // does any word with a full stop (闭幕。, 回应。, 工作。) but an answer, a greeting or thanks:
    // no paragraph of corpus-dev or of the People's Daily of January 1998 is one.
    if short_sentence(text, head) && !is_start() && !names_who_acts(head) {
        let noun = continuity::lexicon().tag(head).is_some_and(|tag| tag == "n");
        let stated = text.trim_end().ends_with('。') && !ANSWERS.contains(&head);
        if noun || stated || continuity::starts_inside_word(head) > 0.0 || lone_word_end_first(text, head) {
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
    // A verb alone before 的, 把 or 和 (引|发的洪水, 坚|持把…) is the end of a word.
    if word_end_before_function_word(text, head) {
        return true;
    }
    // A verb alone as the first clause (配合，各级干部要…) is what a lost subject did.
    if verb_alone_first(text) {
        return true;
    }
    // A conjunction that joins words, or 至 that bounds a range, standing alone joins what went
    // before to what follows (工业|和信息化部, …|和欧洲谈判, 截|至10日), save where it opens a
    // comparison (和过去不同的是, 和《三国演义》相比).
    if joins_first(text) {
        return true;
    }
    // A noun or a bound morpheme alone before a title (平|总书记, 委|主席习近平, 国|总统) is the
    // end of a name cut before it, whatever the sentence goes on to say (平总书记指出): a
    // sentence opens on a title after a surname, a name, an abbreviation or a word that
    // qualifies it (李总理, 习主席, 巴总理, 前总统, 该主席).
    if name_cut_before_title(head) {
        return true;
    }
    // A character alone before a figure opens a sentence only as a preposition, an adverb or a
    // time (从2020年, 约300人, 晚8时): one that sentences seldom open with is the end of a word
    // or a verb whose subject was lost (增|长12.5%, 达3000人).
    let before_figure = head.len() == first.len_utf8()
        && text[head.len()..].starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
    if before_figure
        && (crate::source::starts::character_start_odds(first)
            .is_some_and(|odds| odds < RARE_START_BEFORE_FIGURE)
            || verb_before_figure(&head[..first.len_utf8()])
            || runs_to_no_time(text, &head[..first.len_utf8()])
            || before_a_day(text, &head[..first.len_utf8()]))
        && !is_start()
    {
        return true;
    }
    if !may_start_inside(head) {
        return false;
    }
    // A character standing alone that news sentences seldom open with and that often follows
    // a point inside one, most often as a word's end or after a number (家企业, 个项目).
    if crate::source::starts::character_start_odds(first).is_some_and(|odds| odds < RARE_START_ODDS)
        && !is_start()
    {
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
/// looked for only where the rest says the head was lost; so is a name the dictionary lacks,
/// and an answer standing as the first sentence (是的。如今…), which the model, weighing its
/// length, takes for a cut one.
pub(super) fn opening_unlikely(text: &str) -> bool {
    // Most paragraphs open on a character that sentences often open with, or run long before
    // their first stop: nothing else known of the opening could bring them below a bar.
    let Some(first) = han_head(text).chars().next() else {
        return false;
    };
    let least = opening::Evidence::least_log_odds(
        crate::source::starts::character_start_odds(first),
        sentence_chars(text.chars()),
    );
    if least >= UNLIKELY_OPENING.max(UNLIKELY_HIDDEN_OPENING) {
        return false;
    }
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
        && !places_abbreviated_first(han_head(text))
        && !composed_opening(text)
        && !short_first_sentence(text).is_some_and(|head| ANSWERS.contains(&head))
}

/// The paragraph opens with words a writer composed, not with what a cut left: two clauses of
/// the same length (球旋地转，日新月异。 人在家中坐，收发全国货。) or a correlative 越…越 (越织越密
/// 的国家水网…). A cut leaves such a pair only by chance.
pub(super) fn composed_opening(text: &str) -> bool {
    let mut clauses = text.split(['，', '。', '；', '！', '？']);
    let mut han_clause = || {
        clauses
            .next()
            .filter(|clause| clause.chars().all(is_han))
            .map(|clause| clause.chars().count())
    };
    let couplet =
        matches!((han_clause(), han_clause()), (Some(a), Some(b)) if a == b && COUPLET_CHARS.contains(&a));
    let correlative = text.starts_with('越') && text.chars().skip(2).take(2).any(|c| c == '越');
    couplet || correlative
}

/// The lengths of the clauses of a couplet that opens a paragraph: four-character phrases and
/// five-character lines (a cut leaves two clauses of seven, 馆遭到导弹袭击，馆区内冒出浓烟。, by
/// chance).
pub(super) const COUPLET_CHARS: std::ops::RangeInclusive<usize> = 4..=5;

/// The ln odds of opening a sentence (by `opening`) below which a paragraph lost its head: on
/// the paragraphs `fit-starts` scores, 6.6% of the rests of cut sentences fall below it, one of
/// corpus-dev's 878 real starts (越织越密…) and four of the People's Daily's paragraphs of
/// January 1998, two of them couplets (球旋地转，日新月异。): `composed_opening` spares both kinds.
pub(super) const UNLIKELY_OPENING: f32 = -5.5;
/// … and when only the segmentation leaves the first character alone
/// (`alone_by_the_segmentation`): the word of the dictionary that starts there may be what
/// the writer meant (会前，人们…, 年近五十的… of the People's Daily fall above it; 国人民…,
/// 年来的最高水平 below).
pub(super) const UNLIKELY_HIDDEN_OPENING: f32 = -7.5;

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
pub(super) fn alone_by_the_segmentation(text: &str) -> bool {
    let token = crate::source::starts::first_token(text);
    token.starts_with(is_han) && token.chars().nth(1).is_none()
}

/// The evidence on the first character, without the signs of a start, whether or not it
/// stands alone (`None`: no Han opens the paragraph, or it is a sentence of a few characters).
pub(super) fn first_character_evidence(text: &str) -> Option<opening::Evidence> {
    let head = han_head(text);
    let first = head.chars().next()?;
    if short_sentence(text.trim_start(), head) {
        return None;
    }
    Some(opening::Evidence {
        start_odds: crate::source::starts::character_start_odds(first),
        first_sentence_chars: sentence_chars(text.chars()),
        second_lone: may_start_inside(&head[first.len_utf8()..]),
        ..opening::Evidence::default()
    })
}

/// `evidence` with the signs of a start: an opener, a name.
pub(super) fn with_start_signs(evidence: opening::Evidence, text: &str) -> opening::Evidence {
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
        paragraph_bytes: None,
        document: "",
    };
    starts_mid_sentence(text) || starts_inside(text, model)
}

/// The paragraph opens with an organ's short name that the dictionary lacks, before what it
/// does (工信部启动, 人社部发布, 卫健委要求, 网信办近日, 银保监会发布): one to three characters
/// it leaves alone, then one that names an organ (部, 委, 办…) or a short name of one.
pub(super) fn organisation_first(head: &str) -> bool {
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
pub(super) const ORGAN_SUFFIXES: &str = "部委办局署厅院会";

/// The paragraph opens with a name the dictionary does not know: a foreign one, spelt in the
/// characters of transliteration (萨维一行是…), one whose second character stands alone and
/// is rare (水峪嘴村, 峪 alone), so the dictionary reads the first one no better as a word's end
/// than as a word, or a name before a verb (`name_before_verb`).
pub(super) fn unknown_name(head: &str) -> bool {
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

/// A sentence of three characters that opens on a character standing alone that opens no
/// sentence (`OPENING_TAGS`): a noun, a place, a bound morpheme (内第一。), the rest of a
/// longer one. What opens a clause so short is a pronoun, an adverb, a verb (我同意。, 真好啊！,
/// 没问题。) or a word (新年好！).
pub(super) fn lone_word_end_first(text: &str, head: &str) -> bool {
    if head.chars().nth(2).is_none() {
        return false;
    }
    let token = crate::source::starts::first_token(text);
    token.chars().nth(1).is_none()
        && continuity::lexicon()
            .tag(token)
            .is_some_and(|tag| !OPENING_TAGS.iter().any(|t| tag.starts_with(t)))
}

/// A character standing alone before a figure that is a verb, an adjective or 过 and none of the
/// few that open sentences so (到2035年, 有300多人, 获3枚金牌, 近5年来, 超300万人次): what a
/// sentence's subject does, or the end of a word (增|长12.5%, 达3000人, 破100万辆, 超|过5万元).
pub(super) fn verb_before_figure(character: &str) -> bool {
    !OPEN_BEFORE_FIGURE.contains(character)
        && continuity::lexicon()
            .tag(character)
            .is_some_and(|tag| tag.starts_with(['v', 'a']) || tag == "ug")
}

/// `character`, alone before the figure that opens `text`, stands before a day (斯|22日重申,
/// 仲|5日在…) and is no preposition nor one of `OPEN_BEFORE_FIGURE` (在6日的, 从13日起, 受27日…):
/// the end of a name whose head was lost. No other paragraph of corpus-dev, the seeds or the
/// People's Daily of January 1998 opens on a character before a day.
pub(super) fn before_a_day(text: &str, character: &str) -> bool {
    let figure = text[character.len()..].trim_start_matches(|c: char| c.is_ascii_digit());
    let digits = text.len() - character.len() - figure.len();
    (1..=2).contains(&digits)
        && figure.starts_with('日')
        && !OPEN_BEFORE_FIGURE.contains(character)
        && continuity::lexicon().tag(character).is_none_or(|tag| tag != "p")
}

/// 到 alone before a figure opens a sentence only with the time it runs to (到2035年, 到20世纪末);
/// before an amount it is the end of a verb (达|到2.05亿吨, 增加|到…).
pub(super) fn runs_to_no_time(text: &str, character: &str) -> bool {
    character == "到"
        && !text[character.len()..]
            .trim_start_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c) || c == '.')
            .trim_start_matches(['多', '余'])
            .starts_with(|c: char| TIME_UNITS.contains(c))
}

/// The units that make a figure a time (年, 月, 日, 时, 点, 世纪, 周年, 天).
pub(super) const TIME_UNITS: &str = "年月日时点分秒号世周天";

/// Verbs and adjectives that open a sentence before a figure: a time it runs to (到, 至), what
/// there is, was won or suffered (有, 获, 受), what follows (继), a table (表1), nearly or more
/// than a count (近, 超, 逾).
pub(super) const OPEN_BEFORE_FIGURE: &str = "到至有获受继表近超逾";

/// `head` opens with a character standing alone and then a title (`TITLES`), and the
/// character is a noun or a bound morpheme, no surname: the end of a place's, an organ's or a
/// person's name cut before the title (中央军|委主席, 习近|平总书记, 美|国总统). A verb, a
/// place or a preposition there is a name or an abbreviation (习主席, 巴总理, 美总统) or leads
/// to the title (据记者, 与记者), and a pronoun, an adjective or a distinctive qualifies it
/// (该, 新, 副).
pub(super) fn name_cut_before_title(head: &str) -> bool {
    // The cheap look first: a title right after the first character.
    let Some((second, _)) = head.char_indices().nth(1) else {
        return false;
    };
    if !TITLES.iter().any(|title| head[second..].starts_with(title)) {
        return false;
    }
    let lexicon = continuity::lexicon();
    let words = lexicon.segment(first_chars(head, 6));
    let [first, title, ..] = words.as_slice() else {
        return false;
    };
    first.chars().nth(1).is_none()
        && TITLES.contains(title)
        && !is_surname(first)
        && lexicon.tag(first).is_some_and(|tag| WORD_END_TAGS.contains(&tag))
}

/// jieba's tags of a character standing alone that ends words more than it names anything:
/// nouns, bound morphemes of nouns and suffixes (平, 委, 国; 们).
pub(super) const WORD_END_TAGS: [&str; 4] = ["n", "zg", "ng", "k"];

/// Two characters standing alone before a verb: a name the dictionary lacks before what its
/// bearer does (博塔宣称, 希亮教了, 子翼望着). A cut leaves one character of a word before the
/// next word, seldom two.
pub(super) fn name_before_verb(head: &str) -> bool {
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
            .any(|c| crate::source::words::never_in_given_names(c) || WORD_SUFFIXES.contains(c))
        && lexicon.tag(verb) == Some("v")
        && acts
}

/// jieba's tags of adverbs, prepositions, conjunctions, particles, pronouns, numerals and
/// measure words.
pub(super) const FUNCTION_TAGS: [&str; 7] = ["d", "p", "c", "u", "r", "m", "q"];

/// Characters that end many words (建设性, 现代化, 赛时): never the last of a name here.
pub(super) const WORD_SUFFIXES: &str = "性化式型率度界时";

/// `head` opens with two characters that spell foreign names (萨维一行是…, 迪尼对…, 阿尔及利亚…):
/// a name the dictionary lacks, not a word's end.
pub(super) fn transliterated(head: &str) -> bool {
    let mut chars = head.chars();
    let spells = |c: Option<char>| c.is_some_and(|c| TRANSLITERATION.contains(c));
    spells(chars.next()) && spells(chars.next())
}

/// The characters of the dictionary's foreign names (`build.rs`: those held by 15 words or more
/// tagged nrt or nsf, a tenth of the words that hold them or more).
pub(super) const TRANSLITERATION: &str = include_str!(concat!(env!("OUT_DIR"), "/transliteration.txt"));

/// ln odds of a sentence opening with a lone first character (`starts`) below which a
/// paragraph starts inside a sentence (家 -5.6, 个 -5.6, 业 -5.9): below the one-character
/// names of cities that open news text (京 -4.6).
pub(super) const RARE_START_ODDS: f32 = -4.7;
/// … before a figure (长 -3.5, 达 -4.1, 破 -2.8): the characters that open the paragraphs of
/// corpus-dev and of the People's Daily of January 1998 so are at -1.5 or above (约 -1.5, 表
/// -1.2, 前 -1.0, 到 -0.5, 从 2.0).
pub(super) const RARE_START_BEFORE_FIGURE: f32 = -2.5;
/// … and for a word of two characters or more, -2.6 (`build.rs`, which lists those words:
/// none of corpus-dev's paragraphs and of the People's Daily's of January 1998 opens on one
/// but titles; 1.6% of the rests of cut sentences that no other sign marks do).
pub(super) const RARE_OPENINGS: &str = include_str!(concat!(env!("OUT_DIR"), "/rare-openings.txt"));

/// The words of `RARE_OPENINGS`, titles aside.
pub(super) static RARE_OPENING_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    RARE_OPENINGS
        .lines()
        .filter(|word| !TITLES.contains(word))
        .collect()
});

/// ln p below which a character standing alone is rare (峪 -12.7; 村 -8.9, 嘴 -9.1).
pub(super) const RARE_LONE_CHARACTER: f32 = -11.0;

/// The paragraph is one sentence of at most `FRAGMENT_CHARS` Han characters and its stop
/// (`head`: its first Han characters).
pub(super) fn short_sentence(text: &str, head: &str) -> bool {
    let text = text.trim_end();
    text.len() == head.len() + '。'.len_utf8()
        && text.ends_with(['。', '！', '？'])
        && head.chars().count() <= FRAGMENT_CHARS
}

/// The most Han characters of a paragraph that may be taken for the end of a sentence.
pub(super) const FRAGMENT_CHARS: usize = 3;

/// A whole paragraph of a few words and a full stop (合影留念。, 贡献力量。) is the end of a longer
/// sentence, unless it names who acts (王毅参加会见。) or reads as a clause (发展很快。): 6 of the
/// 17,000 paragraphs of corpus-dev and of the People's Daily of January 1998 are so short, 5 of
/// them led by a name. (A file's first line may be a title with a stop: it is not asked.)
pub(super) fn short_paragraph_lost(text: &str) -> bool {
    let head = han_head(text);
    short_paragraph(text, head)
        && !OPENS_SENTENCE.is_match(text)
        && !fresh_start(text)
        && !names_who_acts(head)
        && !subject_and_predicate(head)
}

/// The paragraph opens with a sentence of at most `FRAGMENT_CHARS` Han characters and a full
/// stop, and goes on (开始。王沪宁宣布…, 合作。中国是…, 成果。中央政治局…): those characters
/// (else `None`).
pub(super) fn short_first_sentence(text: &str) -> Option<&str> {
    let head = han_head(text);
    let rest = text[head.len()..].strip_prefix('。')?;
    (!head.is_empty() && head.chars().nth(FRAGMENT_CHARS).is_none() && !rest.trim().is_empty())
        .then_some(head)
}

/// A first sentence of a word or two (`short_first_sentence`) is the end of a longer one, unless
/// it answers or greets (是的。, 谢谢。), names who acts (他笑了。) or opens as sentences do. A
/// writer's labels open several paragraphs so (封车。… 堵嘴。… 补漏。…): `Roles::headless` asks
/// that no other paragraph of the text opens so.
pub(super) fn short_first_sentence_lost(text: &str) -> bool {
    short_first_sentence(text).is_some_and(|head| {
        !ANSWERS.contains(&head)
            && !head.chars().all(|c| ONE_CHARACTER_SENTENCES.contains(c))
            && !names_who_acts(head)
            && !OPENS_SENTENCE.is_match(text)
            && !fresh_start(text)
    })
}

/// `head` reads as a clause of its own: a noun, a place or a time, then a verb, an adverb or
/// an adjective (发展很快, 中方赞赏), not a predicate or a noun phrase alone (合影留念, 贡献力量).
pub(super) fn subject_and_predicate(head: &str) -> bool {
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
pub(super) fn short_paragraph(text: &str, head: &str) -> bool {
    let text = text.trim_end();
    text.len() == head.len() + '。'.len_utf8()
        && text.ends_with('。')
        && head.chars().nth(FRAGMENT_CHARS).is_some()
}

/// The paragraph starts with a name, a pronoun, a place or an organisation (王毅, 他们, 中方).
pub(super) fn names_who_acts(head: &str) -> bool {
    let lexicon = continuity::lexicon();
    let first = lexicon.segment(head).into_iter().next().unwrap_or_default();
    (2..=3).any(|n| is_person_name(first_chars(head, n)))
        || lexicon
            .tag(first)
            .is_some_and(|tag| ["r", "nr", "ns", "nt"].iter().any(|t| tag.starts_with(t)))
}

/// The paragraph opens with one character and a comma or a stop (设，让人工智能…; 作。),
/// and that character ends words more often than it stands alone, or governs or qualifies
/// what would follow it (至，; 则，): no sentence opens so, save with a conjunction, a pronoun
/// or an interjection (但，; 他，; 啊，), or a word that answers (是，; 好，; 对，).
pub(super) fn lone_character_clause(text: &str, head: &str) -> bool {
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
    // A preposition, an adverb, a numeral or an adjective alone before a comma (至，香港…; 则，进行…;
    // 点，推动…; 快，田间…) stands before what it governs or qualifies, not as a clause, unless it
    // answers (对，; 好，) or numbers a list (一，).
    if after.starts_with('，')
        && tag.is_some_and(|tag| NO_CLAUSE_TAGS.contains(&tag))
        && !ONE_CHARACTER_SENTENCES.contains(first)
        && !CHINESE_NUMERALS.contains(first)
    {
        return true;
    }
    let opens = tag.is_some_and(|tag| LONE_OPENING_TAGS.iter().any(|t| tag.starts_with(t)));
    // Directions, places, sizes and kinds stand alone in a list (东、西两侧, 大、中型, 中、小学),
    // and so do the levels of government (省、自治区、直辖市; 市、县人民政府).
    let listed_alone = listed
        && (tag.is_some_and(|tag| ["f", "a", "b", "s", "ns"].contains(&tag))
            || ADMINISTRATIVE_LEVELS.contains(first));
    // A direction, a measure word or a bound morpheme alone (上，, 次，, 棒，) is the end of a
    // phrase or a word whatever the dictionary makes of it, unless it is an interjection the
    // dictionary tags so (啊，): no other paragraph of corpus-dev or of the People's Daily of
    // January 1998 opens so.
    let bound = tag.is_some_and(|tag| BOUND_TAGS.contains(&tag)) && !ONE_CHARACTER_SENTENCES.contains(first);
    !opens && !listed_alone && (bound || continuity::starts_inside_word(head) > 0.0)
}

/// jieba's tags of the characters that only ever follow something: directions, measure words,
/// bound morphemes and suffixes.
pub(super) const BOUND_TAGS: [&str; 5] = ["f", "q", "zg", "ng", "k"];

/// jieba's tags of the single characters that make no clause of their own before a comma:
/// prepositions, adverbs, numerals and adjectives. No paragraph of corpus-dev or of the
/// People's Daily of January 1998 opens with one of them and a comma.
pub(super) const NO_CLAUSE_TAGS: [&str; 4] = ["p", "d", "m", "a"];

/// Answers, greetings and thanks, the few words that stand as a sentence with a full stop.
pub(super) const ANSWERS: [&str; 21] = [
    "是",
    "是的",
    "对",
    "对的",
    "不对",
    "好",
    "好的",
    "好吧",
    "行",
    "不行",
    "可以",
    "没有",
    "不是",
    "没错",
    "没问题",
    "当然",
    "同意",
    "明白",
    "收到",
    "再见",
    "谢谢",
];

/// Interjections and answers, the sentences of one character (the dictionary tags some as
/// morphemes: 啊, 唉).
pub(super) const ONE_CHARACTER_SENTENCES: &str = "啊哦噢嗯唉哎哇呀喂嗨嘿咦哈好是对行";

/// Levels of government, named by one character in a list of them.
pub(super) const ADMINISTRATIVE_LEVELS: &str = "省市县区乡镇村州";

/// jieba's tags of the single characters that may open a sentence before a comma or head a
/// list (一、): conjunctions, adverbs, pronouns, prepositions, numerals, interjections, modal
/// particles, onomatopoeia (before a comma, `NO_CLAUSE_TAGS` overrule the adverbs,
/// prepositions and numerals).
pub(super) const LONE_OPENING_TAGS: [&str; 8] = ["c", "d", "r", "p", "m", "e", "y", "o"];

/// The cheap part of `starts_inside`, on the first Han characters of a paragraph: the first
/// one stands alone, no word
/// of two characters or more starts with it here (近年来 and 重庆市 open with words of their
/// own).
pub(super) fn may_start_inside(head: &str) -> bool {
    let mut ends = head.char_indices().map(|(i, c)| i + c.len_utf8());
    let Some(first) = ends.next() else {
        return false;
    };
    let lexicon = continuity::lexicon();
    head.len() > first && !ends.take(3).any(|end| lexicon.has(&head[..end]))
}

/// jieba's tags of the single-character words that open sentences.
pub(super) const OPENING_TAGS: [&str; 11] = ["p", "c", "r", "d", "m", "t", "e", "o", "v", "a", "nr"];

/// Characters that, standing as a word of their own, never open a sentence: particles and
/// suffixes.
pub(super) const NEVER_OPENS: &str = "的了着得们地吗呢吧么";

pub(super) static FRESH_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[“「『【\[■□●◆▲★•]|本报|新华社|央视网|中新网|人民网|据[^，。]{0,12}(?:报道|消息)|记者|通讯员|[一二三四五六七八九十]+(?:是|、|要|方面)|第[一二三四五六七八九十\d]+|首先|其次|再次|最后|此外|另外|[（(][一二三四五六七八九十\d]+[）)]|\d+(?:、|[.．](?:\D|$))|[^，。！？\s]{0,16}\d+日电)",
    )
    .expect("fresh-start pattern")
});

/// `text` opens as a paragraph does (`FRESH_START`): a quotation opens one, but not a short
/// quoted term that a stop or a comma closes right after (发展 | “加速度”。, 缓解 |
/// “夏汛冬枯、北缺南丰”，): in corpus-dev such a term stands 203 times inside a sentence
/// and never first in a paragraph.
pub(super) fn fresh_start(text: &str) -> bool {
    static QUOTED_TERM_CLAUSE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^“[^“”。，！？]{1,16}”[。，、]").expect("quoted term pattern"));
    FRESH_START.is_match(text) && !QUOTED_TERM_CLAUSE.is_match(text)
}

/// The openers, the verbs of saying and the verbs of proposing of
/// `rules/sentence-openers.txt`, read once, as written.
pub(super) static SENTENCE_OPENERS: LazyLock<[Vec<&'static str>; 3]> = LazyLock::new(|| {
    let data = include_str!("../../../rules/sentence-openers.txt");
    let mut sections: [Vec<&str>; 3] = Default::default();
    let mut section = None;
    for line in data
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        match line {
            "[openers]" => section = Some(0),
            "[attribution]" => section = Some(1),
            "[proposal]" => section = Some(2),
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
pub(super) fn alternatives(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

/// Openers and verbs of saying or proposing from `rules/sentence-openers.txt`, as one
/// pattern: a time or a connective first (今天, 与此同时), a date (1月22日, 2013年), or a first
/// clause that names who speaks (习近平指出，, 委员们建议，).
pub(super) static OPENS_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    let [openers, verbs, proposals] = &*SENTENCE_OPENERS;
    Regex::new(&format!(
        r"^(?:(?:{})|[^，。！？“”]{{1,16}}(?:{}|{})[，：]|[^，。]{{0,12}}\d{{1,2}}月\d{{1,2}}日|\d{{4}}年)",
        alternatives(openers),
        alternatives(verbs),
        alternatives(proposals)
    ))
    .expect("sentence-opener pattern")
});

/// The line is a time or a connective that opens sentences, alone (今天, 今年, 目前, 与此同时):
/// no headline; the sentence it opens was cut after it. (A source alone, 新华社, is a credit.)
pub(super) fn opener_alone(text: &str) -> bool {
    const SOURCES: [&str; 3] = ["记者", "本报", "新华社"];
    let text = text.trim();
    SENTENCE_OPENERS[0].contains(&text) && !SOURCES.contains(&text)
}

/// The line ends on a verb of saying (…审议时说, …强调): what was said follows; no headline
/// ends so.
pub(super) fn ends_on_a_verb_of_saying(text: &str) -> bool {
    let text = text.trim_end();
    SENTENCE_OPENERS[1].iter().any(|verb| text.ends_with(verb))
}

/// A first clause that is a verb of saying alone, or after a day or an adverb (表示，…, 还指出：…,
/// 16日称，…): who speaks was lost with the paragraph's head (李强 | 指出，, 以军方 | 16日称，).
/// None of the 17,000 paragraphs of corpus-dev and of the People's Daily of January 1998 opens
/// so.
pub(super) fn speaker_lost(text: &str) -> bool {
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
pub(super) fn opens_on_a_day(text: &str) -> bool {
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
pub(super) const DAY_WITHIN_CHARS: usize = 12;

/// The paragraph opens something new: a quotation, a dateline, a numbered point, a time or a
/// connective, an attributed statement. The sentence before it does not carry on into it.
pub(super) fn opens_fresh(before: &str, text: &str) -> bool {
    (fresh_start(text)
        || OPENS_SENTENCE.is_match(text)
        || DAY_FIRST.is_match(text) && !before.trim_end().ends_with('月'))
        && !quoted_terms_run_on(before, text)
}

/// A clause of a day alone (24日，, 22日—23日，): a sentence that opens on its day, unless
/// the text before ends on the month (截至6月 | 30日，).
pub(super) static DAY_FIRST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9]{1,2}日(?:[—-][0-9]{1,2}日)?[，,]").expect("day pattern"));

/// `first` ends on a month of a date and `second` opens on its day (截至6月 | 30日，): the date
/// goes on, though a day alone may open a sentence (24日，…).
pub(super) fn month_before_day(first: &str, second: &str) -> bool {
    let month = first.strip_suffix('月').is_some_and(|before| {
        let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        (1..=2).contains(&digits)
    });
    month && date_part_first(second, '日')
}

/// `text` opens with the one or two digits of a month or a day and then `unit` (10月, 30日).
pub(super) fn date_part_first(text: &str, unit: char) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits) && text[digits..].starts_with(unit)
}

/// `second` opens with a date (2023年，, 4月26日—27日，, 24日，) that the number `first` ends
/// on does not run on into: the digits together make no year, month or day (1—10 | 2023年,
/// 210.3 | 4月26日; but 1 | 8日，).
pub(super) fn date_stands_apart(first: &str, second: &str) -> bool {
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

pub(super) static QUOTED_RUN_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:“[^“”。，]{1,16}”){2,}$").expect("quoted run pattern"));
pub(super) static QUOTED_TERM_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^“[^“”。，]{1,16}”[^\s，。、；：！？]").expect("quoted term pattern"));

/// A run of quoted terms (“共投共建”“相向协作”) broken off, carried on by a paragraph that
/// starts with one more (“共同争取”三类项目合作).
pub(super) fn quoted_terms_run_on(before: &str, after: &str) -> bool {
    QUOTED_RUN_END.is_match(before.trim_end()) && QUOTED_TERM_START.is_match(after)
}

/// No sentence starts with a comma, a stop, a closing mark or a percent sign, nor inside a pair
/// of marks, a number or a date.
pub(super) fn starts_mid_sentence(text: &str) -> bool {
    text.starts_with([
        '，', '、', '。', '；', '：', '！', '？', '）', '》', '」', '』', '】', '”', '’', ',', ';', '%',
        '％', '‰',
    ]) && !is_year_apostrophe(text)
        || closes_unopened(text)
        || starts_inside_number(text)
        || starts_with_a_bare_unit(text)
        || speaker_lost(text)
        || dateline_cut(text)
        || time_frame_alone(text)
        || particle_first(text)
}

/// The paragraph opens on a verb, an adverb or a numeral of one character standing alone before
/// 的, 把 or 和, one that sentences seldom open with (引|发的洪水, 并|购的制度性成本, 本月10|日的一次喷发,
/// 坚|持把发展经济的着力点…, 范|围和公平…): the end of a word whose head was lost. Those that open
/// a sentence so are pronouns, nouns and adjectives (我的, 党的, 新的; 我把), answers (是的) and
/// the verbs a clause about what is said or done opens with (说的, 做的, 有的; 要把).
pub(super) fn word_end_before_function_word(text: &str, head: &str) -> bool {
    let Some(first) = head.chars().next() else {
        return false;
    };
    let word = &head[..first.len_utf8()];
    // The look-ups first, the segmentation (the costly question) last.
    text[word.len()..].starts_with(['的', '把', '和'])
        && !ANSWERS.contains(&first_chars(text, 2))
        && continuity::lexicon()
            .tag(word)
            .is_some_and(|tag| tag.starts_with('v') || tag == "d" || tag == "m")
        && crate::source::starts::character_start_odds(first)
            .is_some_and(|odds| odds < RARE_BEFORE_FUNCTION_WORD)
        && crate::source::starts::first_token(text) == word
}

/// The ln odds of opening a sentence (by `starts`) below which a verb, an adverb or a numeral
/// alone before 的, 把 or 和 ends a word (边 -1.5, 泛 -2.3, 发 -3.1; not 说 -0.9, 做 -0.7, 买 -0.4).
pub(super) const RARE_BEFORE_FUNCTION_WORD: f32 = -1.45;

/// The paragraph's first clause is one verb (改善，…; 配合，各级干部要…; 开展，…): what a subject lost
/// with the head did. A verb opens a clause alone when it reports or gives an example (据悉，,
/// 例如，, 看来，, 预计，): a word that sentences open with more often than other points of a
/// text are followed by it (start odds above 0; 据悉 5.1, 例如 3.6, 预计 2.6; 开展 -0.4,
/// 配合 -0.4, 工作 -1.3).
pub(super) fn verb_alone_first(text: &str) -> bool {
    let Some(comma) = text
        .char_indices()
        .take(MAX_VERB_CHARS + 1)
        .find_map(|(at, c)| (c == '，').then_some(at))
    else {
        return false;
    };
    let word = &text[..comma];
    word.chars().nth(1).is_some()
        && continuity::lexicon()
            .tag(word)
            .is_some_and(|tag| tag.starts_with('v'))
        && crate::source::starts::start_odds(word).is_some_and(|odds| odds < 0.0)
        && crate::source::starts::first_token(text) == word
}

/// The most characters of a verb that `verb_alone_first` reads as a clause.
pub(super) const MAX_VERB_CHARS: usize = 4;

/// The paragraph opens on a word of `JOINING_WORDS` standing alone, and its first clause
/// compares nothing. No paragraph of corpus-dev opens so; those of the People's Daily of
/// January 1998 that do open on 和 and compare (和过去不同的是…) or are lines of verse.
pub(super) fn joins_first(text: &str) -> bool {
    // The cheap look at the first characters first: the segmentation must agree.
    if !JOINING_WORDS.iter().any(|word| text.starts_with(word)) {
        return false;
    }
    let clause = text.split(['，', '。', '；', '！', '？']).next().unwrap_or(text);
    JOINING_WORDS.contains(&crate::source::starts::first_token(text))
        && !COMPARISONS.iter().any(|word| clause.contains(word))
}

/// Words that only stand between what they join or bound: conjunctions of words (和, 及, 以及,
/// 或, 暨, 乃至, 以至) and 至, which ends a range (1至3日) or follows 截, 直 or 乃.
pub(super) const JOINING_WORDS: [&str; 8] = ["和", "及", "以及", "或", "暨", "乃至", "以至", "至"];

/// What a comparison opened by 和 goes on with (和过去不同的是, 和…相比, 和…比起来).
pub(super) const COMPARISONS: [&str; 8] = ["比", "不同", "一样", "相同", "同样", "相似", "类似", "相仿"];

/// The paragraph opens on a particle standing alone, which only ever follows a word (了行业内…,
/// 的“清朗”…, 了3次; not 了解, 的确, 着力, 地方).
pub(super) fn particle_first(text: &str) -> bool {
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
pub(super) fn time_frame_alone(text: &str) -> bool {
    const FRAMES: [&str; 6] = ["以来", "期间", "之际", "前夕", "结束后", "以后"];
    FRAMES.iter().any(|frame| {
        text.strip_prefix(frame)
            .is_some_and(|rest| rest.starts_with(['，', ',']))
    })
}

/// The end of a dateline that lost its agency and place: its source's word, or the end of it,
/// before the programme or the reporter in brackets or a colon (消息（新闻联播）：, 息（新闻联播）：,
/// 电（记者…）), or the brackets and the colon alone (（新闻联播）：), or the same after the end of
/// its date (2日电（记者…）). No paragraph of corpus-dev or of the People's Daily of January 1998
/// opens so.
pub(super) fn dateline_cut(text: &str) -> bool {
    // The date's rest before the source's word (2日电（记者…）, 月18日讯): the agency, the place
    // and the head of the date were lost; after the month's sign, whatever follows.
    if let Some(rest) = strip_date_rest(text).filter(|rest| rest.starts_with(['电', '讯'])) {
        if text.starts_with('月') {
            return true;
        }
        return dateline_cut(rest);
    }
    let rest = ["视网消息", "网消息", "消息", "息", "电", "讯"]
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
pub(super) const DATELINE_NOTE_CHARS: usize = 12;

/// `second`, right under the heading-like line `first`, starts mid-sentence: on a clause mark,
/// or by the other signs of `starts_mid_sentence` under a line long enough to be a headline
/// and not stopping on a figure that `second` could go on (清晨 | 时分，, 举行了2 | 022年 are cut
/// sentences), save a verb of saying after a line that names who speaks (…发言人萨巴赫·努曼15日
/// | 说，).
pub(super) fn starts_mid_sentence_under(first: &str, second: &str) -> bool {
    let first = first.trim_end();
    second.starts_with(CLAUSE_MARKS)
        || first.chars().nth(MIN_HEADLINE_CHARS - 1).is_some()
            && !first.ends_with(|c: char| c.is_ascii_alphanumeric())
            && starts_mid_sentence(second)
            && !(speaker_lost(second) && names_who_speaks(first))
}

/// The line stops on who speaks: a name the dictionary knows, a title or the day that goes
/// before a verb of saying (…发言人萨巴赫·努曼15日, …外交部发言人, …总统普京).
pub(super) fn names_who_speaks(line: &str) -> bool {
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
pub(super) fn foreign_name_across(first: &str, second: &str) -> bool {
    let spells = |c: char| TRANSLITERATION.contains(c);
    let tail = han_tail(first);
    let head = han_head(second);
    tail.chars().rev().take_while(|&c| spells(c)).nth(1).is_some()
        && head.chars().next().is_some_and(spells)
        && (may_start_inside(head) || alone_by_the_segmentation(second))
}

/// The fewest characters of a headline over a story that lost its head.
pub(super) const MIN_HEADLINE_CHARS: usize = 6;

/// A first clause or sentence that is a decimal or a share alone (1.17%；全国…, 6.1%，, 0.8%。):
/// the end of a figure whose subject was lost. (No sentence of the People's Daily of January
/// 1998 opens so.)
pub(super) fn is_bare_share_clause(text: &str) -> bool {
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

/// A first sentence that is a figure and at most `FIGURE_SENTENCE_CHARS` characters after it
/// (80周年。, 357.36亿元。, 90人死亡。): the end of a sentence that lost its subject and verb. No
/// paragraph of corpus-dev or the People's Daily of January 1998 opens so.
pub(super) fn is_bare_figure_sentence(text: &str) -> bool {
    let figure = text.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | '%'));
    if figure.len() == text.len() {
        return false;
    }
    let Some(end) = figure.find(['。', '；', '！', '？']) else {
        return false;
    };
    let words = &figure[..end];
    // A year opens a sentence as a time does (2024年到了。).
    let year = text.len() - figure.len() == 4 && words.starts_with('年');
    !year && words.chars().count() <= FIGURE_SENTENCE_CHARS && words.chars().all(is_han)
}

/// The most characters after the figure of a first sentence that is a figure's end.
pub(super) const FIGURE_SENTENCE_CHARS: usize = 4;

/// A year written short after an apostrophe (’97中国旅游年, ’99昆明世博会): no closing quote.
pub(super) fn is_year_apostrophe(text: &str) -> bool {
    let mut chars = text.chars();
    matches!(chars.next(), Some('’' | '\''))
        && chars.next().is_some_and(|c| c.is_ascii_digit())
        && chars.next().is_some_and(|c| c.is_ascii_digit())
        && !chars.next().is_some_and(|c| c.is_ascii_digit())
}

/// A unit or measure word stands after its number: a clause of one alone (月，…, 万吨，…,
/// 万亿元，…, 万家、…), a day without its date (日上午…, 日表示…) or a year or a month without its
/// number before the rest of the date (年10月…, 月30日…) lost the number before it (日前, 日本 and
/// 日夜 are words of their own).
pub(super) fn starts_with_a_bare_unit(text: &str) -> bool {
    let date_goes_on = |unit: char, next: char| {
        text.strip_prefix(unit)
            .is_some_and(|after| date_part_first(after, next))
    };
    if date_goes_on('年', '月') || date_goes_on('月', '日') {
        return true;
    }
    let units = text
        .chars()
        .take(MAX_BARE_UNITS + 1)
        .take_while(|c| NUMBER_UNITS.contains(c))
        .count();
    let rest = text.char_indices().nth(units).map_or("", |(at, _)| &text[at..]);
    ((1..=MAX_BARE_UNITS).contains(&units) && rest.starts_with(['，', '、', '；']))
        || text
            .strip_prefix('日')
            .is_some_and(|after| DAY_AFTER_DATE.iter().any(|w| after.starts_with(w)))
}

/// The most magnitudes and units of a clause that `starts_with_a_bare_unit` takes for the end
/// of an amount (万亿元，).
pub(super) const MAX_BARE_UNITS: usize = 3;

/// What follows the day of a date (3日上午, 23日表示) and never a sentence's first 日.
pub(super) const DAY_AFTER_DATE: [&str; 14] = [
    "上午", "下午", "晚", "凌晨", "中午", "早上", "电", "表示", "称", "宣布", "报道", "发布", "召开", "举行",
];

/// A number is not written with a 0 before its other digits, nor is a count a zero alone: one
/// that starts so lost its head digits (2|024年, 15|00多人, 80|0到1000亩). A generation (00后),
/// a page or an issue (01版, 05期), a month written with its 0 (01月) and a time (08:30) are
/// written so. Nor does a paragraph open on a decimal point, on a year of fewer than four digits
/// before its month or on a date in brackets (`CUT_NUMBER`).
pub(super) fn starts_inside_number(text: &str) -> bool {
    // A decimal point (.5—6天), a year of fewer than four digits before its month (16年4月) or
    // a date in brackets, which dates the day named before it (今天|（8月19日）): news writes
    // none of them first.
    static CUT_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[.．][0-9]|[0-9]{1,3}年[0-9]{1,2}月|[（(][0-9]{1,2}月[0-9]{1,2}日[）)])")
            .expect("cut number pattern")
    });
    if text.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '.' | '．' | '（' | '('))
        && CUT_NUMBER.is_match(text)
    {
        return true;
    }
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
/// was lost with the sentence's head. A list's number (1）, 一）, a)) closes nothing, and marks
/// closed twice without an opening are mistyped (”十四五”规划).
pub(super) fn closes_unopened(text: &str) -> bool {
    unopened_close(text).is_some()
}

/// The closing mark with which `closes_unopened` finds `text` closing a pair it did not open.
pub(super) fn unopened_close(text: &str) -> Option<char> {
    for (at, c) in text.char_indices().take(UNOPENED_SEARCH_CHARS) {
        match c {
            '（' | '(' | '《' | '“' | '「' | '『' | '【' => return None,
            '）' | ')' | '》' | '”' | '」' | '』' | '】' => {
                let numbered = matches!(c, '）' | ')')
                    && text[..at]
                        .chars()
                        .all(|d| d.is_ascii_alphanumeric() || CHINESE_NUMERALS.contains(d));
                let mistyped = UNOPENED_PAIRS
                    .iter()
                    .position(|p| p.1 == c)
                    .is_some_and(|pair| closes_twice(&text[at + c.len_utf8()..], pair));
                return (!numbered && !mistyped).then_some(c);
            }
            '，' | '。' | '！' | '？' | '；' | ',' | ';' => return None,
            _ => {}
        }
    }
    None
}

/// `text` closes a quotation, a title or a bracket that it never opened, in its first sentence
/// (…推动共同发展。”, …发展的意见》，…): its opening was lost with the paragraph's head, unless
/// `before`, the paragraph before it, left the pair open (a quotation that runs over
/// paragraphs). A list's number closes a bracket (1）…；2）…), and a mark after English, or one
/// closed twice without an opening (”十四五”规划), is mistyped. No paragraph of corpus-dev or of
/// the People's Daily of January 1998 does so; three of the latter's close a quotation further
/// on or after English.
pub(super) fn closes_a_pair_unopened(text: &str, before: &str) -> bool {
    // How many of `UNOPENED_PAIRS` are open.
    let mut open = [0usize; UNOPENED_PAIRS.len()];
    let mut clause_start = 0;
    // Where the first sentence's stop ends: a quotation closes right after it (…发展。”).
    let mut stop_end = None;
    // Lead bytes of the CJK and full-width marks: always a character's start.
    for i in memchr::memchr3_iter(0xE2, 0xE3, 0xEF, text.as_bytes()) {
        if stop_end.is_some_and(|end| i > end) {
            break;
        }
        let Some(c) = text[i..].chars().next() else {
            continue;
        };
        let next = i + c.len_utf8();
        let pair = match c {
            '“' | '”' => 0,
            '《' | '》' => 1,
            '「' | '」' => 2,
            '『' | '』' => 3,
            '（' | '）' => 4,
            '。' | '！' | '？' => {
                stop_end = Some(next);
                clause_start = next;
                continue;
            }
            '，' | '、' | '；' | '：' => {
                clause_start = next;
                continue;
            }
            _ => continue,
        };
        if matches!(c, '“' | '《' | '「' | '『' | '（') {
            open[pair] += 1;
        } else if open[pair] > 0 {
            open[pair] -= 1;
        } else {
            let numbered = c == '）'
                && text[clause_start..i]
                    .chars()
                    .all(|d| d.is_ascii_alphanumeric() || CHINESE_NUMERALS.contains(d));
            let after_english = text[..i]
                .chars()
                .next_back()
                .is_some_and(|d| d.is_ascii_alphabetic() || d.is_ascii_punctuation());
            return !numbered
                && !after_english
                && !leaves_open(before, c)
                && !closes_twice(&text[next..], pair);
        }
    }
    false
}

/// The pairs `closes_a_pair_unopened` reads, in the order of its counts: quotation, title, the
/// two corner quotations, bracket.
const UNOPENED_PAIRS: [(char, char); 5] =
    [('“', '”'), ('《', '》'), ('「', '」'), ('『', '』'), ('（', '）')];

/// `rest` closes the pair `pair` (of `UNOPENED_PAIRS`) once more without opening it:
/// marks mistyped (”十四五”规划), not one opened in a lost head.
fn closes_twice(rest: &str, pair: usize) -> bool {
    let (opening, closing) = UNOPENED_PAIRS[pair];
    let mut open = 0usize;
    for c in rest.chars() {
        if c == opening {
            open += 1;
        } else if c == closing {
            if open == 0 {
                return true;
            }
            open -= 1;
        }
    }
    false
}

/// `text` without the end of a date it opens with: the day (2日, 18日), after the month's
/// sign (月18日) or alone (日).
fn strip_date_rest(text: &str) -> Option<&str> {
    let text = text.strip_prefix('月').unwrap_or(text);
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (digits <= 2).then(|| text[digits..].strip_prefix('日')).flatten()
}

/// How far into a paragraph a closing mark is looked for, in characters.
pub(super) const UNOPENED_SEARCH_CHARS: usize = 20;
/// The numerals a list's number may be written in.
pub(super) const CHINESE_NUMERALS: &str = "一二三四五六七八九十";

/// The paragraph opens with the end of a name or a term the text has elsewhere, always after
/// the same character, which makes a word with it (王沪宁…王沪宁… | 沪宁表示; 长三角…长三角… |
/// 三角生态绿色一体化): its head, that character and what came before it, was lost. Read from
/// one search of the paragraph's first two characters in the text around it (`around_break`).
pub(super) fn starts_inside_an_echo(document: &str, text: &str) -> bool {
    let text = text.trim_start();
    let head = han_head(text);
    let mut chars = head.chars();
    let (Some(a), Some(b)) = (chars.next(), chars.next()) else {
        return false;
    };
    // A number (十六、: 第十六条) opens an item whatever stands before it elsewhere.
    if [a, b].iter().all(|&c| CHINESE_NUMERALS.contains(c)) {
        return false;
    }
    let Some((document, [start])) = around_break(document, [text]) else {
        return false;
    };
    let Some((lead, seen)) = neighbour_elsewhere(document, first_chars(head, 2), start, false) else {
        return false;
    };
    if seen < MIN_ECHOES {
        return false;
    }
    let mut buffer = [0u8; 4];
    if continuity::join_gain(lead.encode_utf8(&mut buffer), head) <= STRONG_WORD_ACROSS_GAIN {
        return false;
    }
    // A time word (事后, 年初一: 从事后…, 大年初一) opens a sentence whatever stands before it
    // elsewhere.
    let lexicon = continuity::lexicon();
    let first_word = lexicon
        .segment(first_chars(head, 8))
        .first()
        .copied()
        .unwrap_or_default();
    !lexicon.tag(first_word).is_some_and(|tag| tag.starts_with('t'))
}
