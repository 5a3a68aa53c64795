//! How the paragraphs of a file run into one another. A page or column break in the
//! original leaves a paragraph that stops mid-sentence; what comes after it says which fault
//! it is: the same sentence carried on in the next paragraph (a split), past a heading
//! (an interrupting heading), elsewhere in the file (a truncation and its orphan), or
//! nowhere (a truncation). Four structure rules report from this one analysis, which is made
//! once per file and only looks at the ends and starts of paragraphs.
//!
//! This module walks the file and pairs truncations with their rests; it asks `lines` what a
//! line is (running text, a heading, a deck line, a byline), `ends` whether a text stops
//! mid-sentence, `openings` whether one starts mid-sentence, and `joins` whether one carries
//! another on.

use super::carry;
use super::char_model::CharModel;
use super::chars::{first_chars, is_closing_mark, is_han, is_sentence_end, last_chars};
use super::continuity;
use super::opening;
use super::residue;
use super::words::{is_person_name, is_surname, may_be_listed_name, names_a_person};
use super::{BlockKind, Document, LineKind};
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::{OnceCell, RefCell};
use std::ops::Range;
use std::sync::LazyLock;

mod ends;
mod joins;
mod lines;
mod openings;
#[cfg(test)]
mod tests;

use ends::*;
use joins::*;
use lines::*;
use openings::*;

pub use joins::carry_evidence;
pub use lines::{is_credit, is_names};
pub use openings::{start_evidence, starts_as_no_sentence};

/// How many blocks away the rest of a truncated sentence is looked for: a page break moves
/// text by a column or two, and the bound keeps a file of many truncations linear.
const MAX_MOVED_BLOCKS: usize = 12;
/// How many blocks away a paragraph that reads on better than the next one is looked for:
/// the head of a sentence moved down the page by a column or so.
const MAX_RIVAL_BLOCKS: usize = 4;
/// How many truncations of a file may look for their quoted-term continuation in the whole
/// file.
const MAX_WHOLE_FILE_SCANS: usize = 16;
/// Headings, bylines and captions that may stand between the two halves of a split sentence.
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
    boilerplate: Vec<OnceCell<bool>>,
    /// How many paragraphs open with a sentence of a word or two (`short_first_sentence`).
    short_openings: OnceCell<usize>,
    /// The file sets each sentence as a paragraph of its own (`one_sentence_each`).
    sentence_layout: OnceCell<bool>,
}

impl Roles<'_, '_, '_> {
    fn get(&self, i: usize) -> Option<Role> {
        let block = self.doc.blocks.get(i)?;
        Some(*self.cells[i].get_or_init(|| role(self.doc.block_text(block), block.kind)))
    }

    /// What follows block `i`.
    fn follower(&self, i: usize) -> Follower {
        match self.get(i + 1) {
            None => Follower::EndOfFile,
            Some(Role::Heading) => Follower::Heading,
            Some(Role::Prose(_)) => Follower::Paragraph,
            Some(Role::Other) => Follower::Other,
        }
    }

    /// Block `i` starts as no sentence does: with a mark, or with the end of a word.
    fn headless(&self, i: usize) -> bool {
        *self.headless[i].get_or_init(|| {
            let text = self.doc.block_text(&self.doc.blocks[i]);
            // Where every sentence is a paragraph, paragraphs open as sentences do, and
            // sentences open on rarer words than paragraphs: a sentence that lists a deed opens
            // on its verb (召开…, 促进…), a short one may be a saying (远亲不如近邻。).
            let paragraphs_open = || !self.sentence_layout();
            starts_mid_sentence(text)
                || starts_inside_by_form(text, self.model)
                || (opens_on_a_rare_word(text) || opening_unlikely(text)) && paragraphs_open()
                || i > 0 && starts_inside_an_echo(self.doc.text, text)
                || i > 0 && short_paragraph_lost(text) && paragraphs_open()
                || i > 0 && short_first_sentence_lost(text) && self.short_openings() == 1
                || i > 0 && closes_a_pair_unopened(text, self.doc.block_text(&self.doc.blocks[i - 1]))
        })
    }

    /// The file sets each sentence as a paragraph of its own (`one_sentence_each`).
    fn sentence_layout(&self) -> bool {
        *self.sentence_layout.get_or_init(|| one_sentence_each(self.doc))
    }

    /// How many paragraphs open with a sentence of a word or two: where several do, they are
    /// the writer's labels.
    fn short_openings(&self) -> usize {
        *self.short_openings.get_or_init(|| {
            self.doc
                .blocks
                .iter()
                .filter(|block| short_first_sentence(self.doc.block_text(block)).is_some())
                .count()
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

    /// The block after block `i`, past up to `MAX_INTERRUPTING` headings or lines that are
    /// neither prose nor headings (a byline, a note of pictures, a Markdown picture): where a
    /// sentence broken off at `i` may go on. A page break puts another story's headline and
    /// byline between the halves as readily as a heading.
    fn next_past_headings(&self, i: usize) -> usize {
        let mut j = i + 1;
        while matches!(self.get(j), Some(Role::Heading | Role::Other)) && j - i - 1 < MAX_INTERRUPTING {
            j += 1;
        }
        j
    }

    /// Block `i` is a line of the web page or the print page (更多精彩内容，请下载客户端): no
    /// sentence, whatever it ends on. Asked only where something would be reported.
    fn is_boilerplate(&self, i: usize) -> bool {
        *self.boilerplate[i].get_or_init(|| residue::is_boilerplate(self.doc.block_text(&self.doc.blocks[i])))
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

/// Paragraphs (the title aside) that end on a full stop and may tell the layout.
const SENTENCE_LAYOUT_PARAGRAPHS: usize = 8;
/// The share of them (percent) that hold one sentence in a file that sets each sentence as a
/// paragraph: web and mobile news often do. No story of corpus-dev comes near (of the 78 with
/// eight such paragraphs or more, the most holds 83%, and two reach 75%).
const SENTENCE_LAYOUT_PERCENT: usize = 90;

/// At least `SENTENCE_LAYOUT_PERCENT` of the file's paragraphs that end on a full stop, and
/// `SENTENCE_LAYOUT_PARAGRAPHS` or more of them, hold no other stop: the file sets each
/// sentence as a paragraph.
fn one_sentence_each(doc: &Document) -> bool {
    let (mut stated, mut single) = (0, 0);
    for block in doc
        .blocks
        .iter()
        .skip(1)
        .filter(|block| block.kind == BlockKind::Paragraph)
    {
        let body = doc.block_text(block).trim_end().trim_end_matches(is_closing_mark);
        if let Some(inner) = body.strip_suffix(['。', '！', '？']) {
            stated += 1;
            single += usize::from(!inner.contains(['。', '！', '？']));
        }
    }
    stated >= SENTENCE_LAYOUT_PARAGRAPHS && single * 100 >= stated * SENTENCE_LAYOUT_PERCENT
}

pub fn analyse(doc: &Document) -> Flow {
    let alone = RefCell::default();
    let model = Model {
        built: doc.model,
        alone: &alone,
        paragraph_bytes: mean_paragraph_bytes(
            doc.blocks
                .iter()
                .skip(1)
                .filter(|block| block.kind == BlockKind::Paragraph)
                .map(|block| doc.block_text(block).trim()),
        ),
        document: doc.text,
    };
    let count = doc.blocks.len();
    let roles = Roles {
        doc,
        model,
        cells: vec![OnceCell::new(); count],
        headless: vec![OnceCell::new(); count],
        deck: vec![OnceCell::new(); count],
        boilerplate: vec![OnceCell::new(); count],
        short_openings: OnceCell::new(),
        sentence_layout: OnceCell::new(),
    };
    let text = |i: usize| doc.block_text(&doc.blocks[i]);
    let verse = verse_lines(doc);
    // Block `i` stops on a mark or a word that only leads into more (…武装冲突，在), leaves a pair
    // open (…韩国《东), or is running text that stops mid-sentence (…与现代社会对运): no headline
    // does, whatever stands under it.
    let broken_off = |i: usize| {
        ends_leading_into_more(text(i))
            || left_open(text(i)).is_some()
            || roles.get(i) == Some(Role::Prose(Ending::Open)) && ends_open(text(i), model, Doubt::Unlikely)
    };
    let open: Vec<usize> = (0..count)
        // A dateline alone is open over running text; over a headline it heads a digest, its
        // stories under their headlines.
        .filter(|&i| {
            doc.blocks[i].kind == BlockKind::Paragraph
                && match dateline_alone(text(i)) {
                    true => roles.is_prose(i + 1),
                    false => dateline_stub(text(i)) || may_stop_mid_sentence(text(i)),
                }
        })
        .filter(|&i| !verse[i])
        .filter(|&i| match roles.get(i) {
            Some(Role::Prose(_) | Role::Heading) => true,
            // A name alone on its line is a byline, unless the paragraph after it says what the
            // name said (李强 | 指出，…).
            // So is a list of names, unless the paragraph after it, headings aside, goes on with
            // the list (…雪克来提·扎克尔 | 、吴政隆、…; …王勇、王毅 | ，国务院有关部门…) or with the
            // rest of a name cut at its end (…张国清、吴政 | 隆，…).
            Some(Role::Other) => {
                let next = roles.next_past_headings(i);
                roles.is_prose(next)
                    && (next == i + 1 && is_signature(text(i)) && speaker_lost(text(next))
                        || is_list_of_names(text(i))
                            && (text(next).starts_with(['、', '，']) || name_across(text(i), text(next))))
            }
            None => false,
        })
        // A short line over a byline is a headline (缺斤又短两 | 本报记者赵志文), unless it is
        // broken as no headline is (`broken_off`: …结束目前的武装冲突，在 | 本报记者周笑浪).
        .filter(|&i| {
            !(roles.get(i + 1) == Some(Role::Other)
                && text(i).chars().nth(MAX_HEADING_CHARS).is_none()
                && is_signature(text(i + 1))
                && !broken_off(i))
        })
        // So is a line over a story's dateline (…刘澜涛同志逝世 | （附图片1张） | 新华社北京1月25日电…),
        // past a note of pictures, unless a word or a number runs across (央视 | 网消息（新闻联播）：,
        // 新华社北京1月1 | 9日电), the dateline lost its agency to the line (央视网 |
        // 消息（新闻联播）：) or the line is broken as no headline is.
        .filter(|&i| {
            let next = match roles.get(i + 1) {
                Some(Role::Other) if !is_signature(text(i + 1)) => i + 2,
                _ => i + 1,
            };
            !(text(i).chars().nth(MAX_DECK_CHARS).is_none()
                && next < count
                && opens_a_story(text(next))
                && !dateline_cut(text(next))
                && !(text(i).trim_end().ends_with(|c: char| c.is_ascii_digit())
                    && text(next).starts_with(|c: char| c.is_ascii_digit()))
                && continuity::join_gain(han_tail(text(i)), han_head(text(next))) <= WORD_ACROSS_GAIN
                && !broken_off(i))
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

    // A paragraph of running text within `MAX_RIVAL_BLOCKS` of a heading `i` and of the
    // paragraph `j` under it that stops mid-sentence.
    let broken_nearby = |i: usize, j: usize| {
        (i.saturating_sub(MAX_RIVAL_BLOCKS)..(j + MAX_RIVAL_BLOCKS + 1).min(count))
            .filter(|&r| r != i && r != j && !verse[r])
            .any(|r| roles.get(r) == Some(Role::Prose(Ending::Open)))
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
            // No sentence stops with a quotation, a title or a bracket open, or on the date of
            // its time.
            _ if leaves_a_pair_open(first) || ends_on_a_date_note(first) => true,
            // A dateline alone over running text lost its story.
            _ if dateline_alone(first) || dateline_stub(first) => true,
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
            // No headline or deck line leaves a quotation or a bracket open (如果说塞罕坝的“林,
            // 2024年“百场万企: no line of the kind in corpus-dev or the People's Daily of January
            // 1998 does).
            Some(Role::Heading) if left_open(first).is_some() => true,
            // A line that reads as a heading, away from the top and from subheadings, is a
            // fragment when it stops as no headline does.
            Some(Role::Heading) if !roles.in_deck_position(i) => stops_as_no_headline(first, model),
            // No deck line or headline ends on a word that leads into more right after a mark, is
            // only a time or a connective, or opens on a source alone (据美国媒体).
            Some(Role::Heading) => {
                leads_alone_into_more(first.trim_end(), han_tail_of(first, 8))
                    || stops_clearly_inside_a_word(first)
                    || opener_alone(first)
                    || opens_on_a_source(first)
            }
            // Else it is a fragment only when what follows carries it on.
            _ => false,
        };
        // A long sentence without its stop (or a long headline) joins a neighbour that
        // does not open a sentence of its own.
        let maybe_open = surely_open
            || !deck && long_running_text(first) && roles.get(i) != Some(Role::Prose(Ending::Complete));
        let j = roles.next_past_headings(i);
        let followed_by = roles.follower(i);
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
                // Whatever the line, such a paragraph is the rest of a paragraph close by that
                // stops mid-sentence (…提出了一些重要观点和重大举措。这里 | … | 三、需要说明的几个重点问题 |
                // ，就其中几个重点问题作简要说明。): a heading is whole far more often than running
                // text that breaks off.
                Carry::Certain
                    if join == Join::FromHeading
                        && j == i + 1
                        && starts_mid_sentence_under(first, text(j))
                        && broken_nearby(i, j) =>
                {
                    Carry::No
                }
                _ => carry,
            };
            neighbour_weighed[i] = weighed;
            // A text that stops inside a word goes on where the word does (a neighbour that
            // starts mid-sentence takes it all the same: `broken_next`).
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
            } && (carry == Carry::Certain || !word_cut())
                // A dateline's story follows it: past headings, only its rest carries it on.
                && (carry == Carry::Certain || j == i + 1 || !dateline_stub(first));
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
            // A broken sentence right before a paragraph that starts mid-sentence, headings aside,
            // goes on there, whatever the weighed judgements say: two faults side by side are
            // rarer than one (…泰国总理佩通 | 图片新闻 | 坦。).
            let broken_next = surely_open && roles.headless(j) && !verse[j];
            if (broken_next || joins && (carry == Carry::Certain || !rival())) && !roles.is_boilerplate(i) {
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
        if surely_open && !roles.is_boilerplate(i) {
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
        // A dateline's story follows it, or is lost, or lost its head: the rest of a dateline
        // starts as no sentence does.
        let dateline = dateline_stub(head) || dateline_alone(head);
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
                r != truncation.block
                    && r != truncation.block + 1
                    && !continued[r]
                    && roles.is_prose(r)
                    && !roles.is_boilerplate(r)
            })
            .filter_map(|r| {
                let after = text(r);
                if quoted_terms_run_on(head, after) {
                    return Some((r, f32::INFINITY));
                }
                let headless = near.contains(&r) && roles.headless(r);
                if dateline && !headless {
                    return None;
                }
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

    // A paragraph that starts as no sentence does may be the rest of a line close by that read
    // as whole (习近平指 | … | 出，最近…; 俄罗斯总 | … | 统普京…): a word, a name or a number that
    // runs across the two makes that line the broken one.
    let mut truncated: Vec<usize> = flow.truncations.iter().map(|t| t.block).collect();
    for r in 1..count {
        if continued[r] || verse[r] || !roles.is_prose(r) || !roles.headless(r) || roles.is_boilerplate(r) {
            continue;
        }
        // The paragraph right before it was judged with it already.
        let near = r.saturating_sub(MAX_RIVAL_BLOCKS).max(1)..(r + MAX_RIVAL_BLOCKS + 1).min(count);
        let head = near
            .filter(|&k| k != r && k + 1 != r && !continued[k] && !truncated.contains(&k))
            .filter(|&k| matches!(roles.get(k), Some(Role::Prose(_) | Role::Heading)))
            .filter(|&k| may_stop_mid_sentence(text(k)) && !verse[k] && !roles.is_boilerplate(k))
            .filter(|&k| runs_across(text(k), text(r)))
            .min_by_key(|&k| k.abs_diff(r));
        if let Some(k) = head {
            continued[r] = true;
            truncated.push(k);
            flow.truncations.push(Truncation {
                block: k,
                continuation: Some(r),
                followed_by: roles.follower(k),
            });
            flow.orphans.push(Orphan {
                block: r,
                head: Some(k),
            });
        }
    }
    flow.truncations.sort_by_key(|t| t.block);

    // A paragraph that starts with a mark no sentence starts with, or with the end of a word,
    // lost its head.
    for (r, &continues) in continued.iter().enumerate() {
        if !continues && !verse[r] && roles.is_prose(r) && roles.headless(r) && !roles.is_boilerplate(r) {
            flow.orphans.push(Orphan { block: r, head: None });
        }
    }
    flow.orphans.sort_by_key(|o| o.block);
    // A text the shipped dictionary cannot read (traditional characters) is left alone: each
    // word it does not know would read as one cut. Asked only once something would be reported.
    let found = !(flow.splits.is_empty() && flow.truncations.is_empty() && flow.orphans.is_empty());
    if found && script_unknown(doc.text) {
        return Flow::default();
    }
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
        // A paragraph that starts as no sentence does is the rest when a sign carries it on;
        // so is one that a string the text has elsewhere runs into (`echoed`), unless it opens
        // afresh (近年来，…: a phrase may meet the break by chance).
        Carry::Certain if headless || echoed(model.document, head, after) && !opens_fresh(head, after) => {
            return (Some(f32::INFINITY), weighed);
        }
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
/// few blocks away as its rest (57% of the rests of cut sentences reach it, 0.0% of the real
/// next paragraphs).
const PAIRING_CARRY: f32 = 4.0;
/// The ln odds of carrying on (by `carry`) with which a paragraph a few blocks away takes a
/// broken sentence's rest from its neighbour (73% likely by the model)…
const RIVAL_CARRY: f32 = 1.0;
/// … when they are this much above the neighbour's (20 times likelier).
const RIVAL_MARGIN: f32 = 3.0;

/// The ln odds of carrying on (by `carry`) with which a paragraph within `MAX_RIVAL_BLOCKS`
/// is a truncated paragraph's rest when the trigram odds fall short, if they are also
/// `RIVAL_MARGIN` above those of the paragraph after it (68% of the rests of cut sentences
/// reach 2.5, 0.9% of the real next paragraphs: a short sentence of its own, 发展很快。, comes
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

/// The mean length in bytes of the paragraphs of running text among `paragraphs` (a file's,
/// past its title: those that end a sentence, not headings, bylines or broken ones), when there
/// are `MIN_PARAGRAPHS_FOR_LENGTH` or more: what a broken paragraph's halves add up to.
pub fn mean_paragraph_bytes<'t>(paragraphs: impl Iterator<Item = &'t str>) -> Option<f32> {
    let (count, bytes) = paragraphs
        .filter(|p| p.ends_with(['。', '！', '？', '”']))
        .fold((0usize, 0usize), |(count, bytes), p| (count + 1, bytes + p.len()));
    (count >= MIN_PARAGRAPHS_FOR_LENGTH).then(|| bytes as f32 / count as f32)
}

/// The fewest paragraphs whose mean length says what a paragraph of the file runs to.
const MIN_PARAGRAPHS_FOR_LENGTH: usize = 3;

/// The model that scores sentence ends and joins: the shipped word trigram, or the
/// character model built from the user's corpus, with the thresholds measured on it.
#[derive(Clone, Copy)]
struct Model<'m> {
    built: Option<&'m CharModel>,
    /// The shipped model's cost of each tail and head read alone, as they are asked for.
    alone: &'m RefCell<FxHashMap<String, Option<f32>>>,
    /// The mean length of the file's paragraphs in bytes (`mean_paragraph_bytes`), where it
    /// has enough of them to say.
    paragraph_bytes: Option<f32>,
    /// The whole text: a name or a term it repeats may run across a break (`echoed`).
    document: &'m str,
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
