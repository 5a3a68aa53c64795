//! Character faults injected into real text, one per copy of a file, and legitimate text
//! that must stay clean.
//!
//! Each fault goes at a random place that fits its kind: a look-alike letter for the first or
//! last digit of a number before a unit (or a lone digit), a Cyrillic letter inside a Latin
//! word, a near copy of a paragraph of 30 to 80 characters with two to four characters
//! changed or lost put later in the file, a conjunction before the stop that ends a noun
//! phrase with 的, an English function word glued or spaced between Chinese and Chinese or a
//! number, a stretch of three to eight characters turned into mojibake (its UTF-8 read as
//! GBK, lost bytes replaced or dropped), a word doubled before a mark or inside quotes, an
//! invisible character, a half-width mark or a space between two Han characters. Recall is
//! strict: a diagnostic of the rule overlaps the injected text (the copy's paragraph for a
//! near copy). The legitimate insertions are the repetition Chinese uses on purpose, names
//! with a Latin letter and numbers; any diagnostic that overlaps one is a false alarm.

use newslint::diagnostic::Diagnostic;
use newslint::linter::Linter;
use newslint::source::chars::is_han;
use newslint::source::continuity::lexicon;
use std::collections::BTreeMap;
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    LookAlikeDigit,
    CyrillicInLatin,
    NearCopy,
    ConjunctionBeforeStop,
    EnglishWord,
    Mojibake,
    DoubledWord,
    Invisible,
    HalfwidthMark,
    SpaceBetweenHan,
}

const KINDS: [Kind; 10] = [
    Kind::LookAlikeDigit,
    Kind::CyrillicInLatin,
    Kind::NearCopy,
    Kind::ConjunctionBeforeStop,
    Kind::EnglishWord,
    Kind::Mojibake,
    Kind::DoubledWord,
    Kind::Invisible,
    Kind::HalfwidthMark,
    Kind::SpaceBetweenHan,
];

impl Kind {
    fn rule(self) -> &'static str {
        match self {
            Kind::LookAlikeDigit | Kind::CyrillicInLatin => "confusable-char",
            Kind::NearCopy => "duplicated-block",
            Kind::ConjunctionBeforeStop => "dangling-ending",
            Kind::EnglishWord => "stray-latin",
            Kind::Mojibake => "garbled-text",
            Kind::DoubledWord => "repeated-token",
            Kind::Invisible => "invisible-char",
            Kind::HalfwidthMark => "halfwidth-punctuation",
            Kind::SpaceBetweenHan => "whitespace",
        }
    }
}

const CONJUNCTIONS: [&str; 6] = ["和", "与", "及", "以及", "或", "并"];
const ENGLISH: [&str; 12] = [
    "of", "and", "the", "is", "in", "to", "for", "with", "on", "at", "by", "from",
];
const INVISIBLE: [char; 6] = ['\u{200B}', '\u{A0}', '\u{FEFF}', '\u{AD}', '\u{200D}', '\u{2060}'];
/// Full-width marks and the ASCII marks a transcription puts in their place.
const HALFWIDTH: [(char, char); 5] = [('，', ','), ('：', ':'), ('；', ';'), ('？', '?'), ('！', '!')];
const CYRILLIC: [(char, char); 12] = [
    ('a', 'а'),
    ('e', 'е'),
    ('o', 'о'),
    ('p', 'р'),
    ('c', 'с'),
    ('x', 'х'),
    ('A', 'А'),
    ('E', 'Е'),
    ('O', 'О'),
    ('P', 'Р'),
    ('C', 'С'),
    ('T', 'Т'),
];

/// A faulty copy: the paragraphs, the one holding the fault and the fault's bytes in it.
struct Sample {
    paragraphs: Vec<String>,
    paragraph: usize,
    range: Range<usize>,
}

pub fn evaluate(linter: &Linter, files: &[(String, Vec<String>)], seed: u64, rounds: usize, shown: usize) {
    let mut rng = fastrand::Rng::with_seed(seed ^ 0xC4A2);
    let mut found: BTreeMap<Kind, (usize, usize)> = BTreeMap::new();
    let mut misses: BTreeMap<Kind, Vec<String>> = BTreeMap::new();
    let (mut legit, mut legit_alarms) = (0, Vec::new());
    let (mut stray, mut faulty_chars, mut stray_examples) = (0, 0, Vec::new());
    for _ in 0..rounds {
        for (name, paragraphs) in files {
            let clean = linter.lint(&super::join(paragraphs), None);
            let clean_count = clean
                .iter()
                .filter(|d| !super::STRUCTURE_RULES.contains(&d.rule))
                .count();
            for kind in KINDS {
                let Some(sample) = inject(kind, paragraphs, &mut rng) else {
                    continue;
                };
                let (text, range) = placed(&sample);
                faulty_chars += text.chars().count();
                let diagnostics = linter.lint(&text, None);
                let hit = diagnostics
                    .iter()
                    .any(|d| d.rule == kind.rule() && overlaps(d, &range));
                let entry = found.entry(kind).or_default();
                entry.1 += 1;
                if hit {
                    entry.0 += 1;
                } else {
                    let near: Vec<&str> = diagnostics
                        .iter()
                        .filter(|d| overlaps(d, &range))
                        .map(|d| d.rule)
                        .collect();
                    misses.entry(kind).or_default().push(format!(
                        "{name}: {} (there: {})",
                        super::around(&text, range.clone()),
                        if near.is_empty() {
                            "nothing".to_owned()
                        } else {
                            near.join(", ")
                        }
                    ));
                }
                let others: Vec<&Diagnostic> = diagnostics
                    .iter()
                    .filter(|d| !super::STRUCTURE_RULES.contains(&d.rule) && !overlaps(d, &range))
                    .collect();
                if others.len() > clean_count {
                    stray += others.len() - clean_count;
                    let new = others
                        .iter()
                        .find(|d| !clean.iter().any(|c| c.rule == d.rule && c.message == d.message));
                    if let Some(d) = new {
                        stray_examples.push(format!(
                            "{name} {kind:?}: {} {}",
                            d.rule,
                            super::around(&text, d.span.range())
                        ));
                    }
                }
            }
            // A legitimate insertion.
            if let Some(sample) = insert_legitimate(paragraphs, &mut rng) {
                let (text, range) = placed(&sample);
                legit += 1;
                for d in linter.lint(&text, None).iter().filter(|d| overlaps(d, &range)) {
                    legit_alarms.push(format!(
                        "{name}: {} {}",
                        d.rule,
                        super::around(&text, d.span.range())
                    ));
                }
            }
        }
    }
    println!("\n## Character rules (seed {seed}, {rounds} round(s))\n");
    println!("| rule | fault | found | recall |");
    println!("|---|---|---|---|");
    let mut by_rule: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (kind, (h, n)) in &found {
        println!(
            "| {} | {kind:?} | {h}/{n} | {:.2} |",
            kind.rule(),
            super::ratio(*h, *n)
        );
        let e = by_rule.entry(kind.rule()).or_default();
        e.0 += h;
        e.1 += n;
    }
    for (rule, (h, n)) in &by_rule {
        println!("| **{rule}** | all | {h}/{n} | **{:.2}** |", super::ratio(*h, *n));
    }
    println!(
        "\nlegitimate insertions flagged: {} of {legit}",
        legit_alarms.len()
    );
    for alarm in legit_alarms.iter().take(shown * 2) {
        println!("  alarm  {alarm}");
    }
    println!(
        "diagnostics away from the injected text beyond the untouched file's (mostly made by the fault: a double space, a quote lost to mojibake): {stray} = {:.2} per 10,000 characters",
        super::per_10k(stray, faulty_chars)
    );
    for example in stray_examples.iter().take(shown * 2) {
        println!("  alarm  {example}");
    }
    for (kind, list) in &misses {
        println!("\nmisses of {kind:?} ({}), a sample:", list.len());
        let step = (list.len() / shown.max(1)).max(1);
        for miss in list.iter().step_by(step).take(shown) {
            println!("  {miss}");
        }
    }
}

fn overlaps(d: &Diagnostic, range: &Range<usize>) -> bool {
    let span = d.span.range();
    span.start < range.end && range.start < span.end
}

/// The sample's text and the fault's bytes in it.
fn placed(sample: &Sample) -> (String, Range<usize>) {
    let text = super::join(&sample.paragraphs);
    let start: usize = sample.paragraphs[..sample.paragraph]
        .iter()
        .map(|p| p.len() + 2)
        .sum();
    (text, start + sample.range.start..start + sample.range.end)
}

fn pick<T: Clone>(items: &[T], rng: &mut fastrand::Rng) -> Option<T> {
    (!items.is_empty()).then(|| items[rng.usize(..items.len())].clone())
}

/// Byte offsets in `p` between two Han characters (the first ending there).
fn between_han(p: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    chars
        .windows(2)
        .filter(|w| is_han(w[0].1) && is_han(w[1].1))
        .map(|w| w[1].0)
        .collect()
}

/// Puts `insert` at byte `at` of paragraph `i`; the fault is the inserted text.
fn with_insert(paragraphs: &[String], i: usize, at: usize, insert: &str, fault: Range<usize>) -> Sample {
    let mut out = paragraphs.to_vec();
    out[i].insert_str(at, insert);
    Sample {
        paragraphs: out,
        paragraph: i,
        range: at + fault.start..at + fault.end,
    }
}

/// Replaces bytes `range` of paragraph `i` with `with`, which is the fault.
fn with_replace(paragraphs: &[String], i: usize, range: Range<usize>, with: &str) -> Sample {
    let mut out = paragraphs.to_vec();
    out[i].replace_range(range.clone(), with);
    Sample {
        paragraphs: out,
        paragraph: i,
        range: range.start..range.start + with.len(),
    }
}

fn inject(kind: Kind, paragraphs: &[String], rng: &mut fastrand::Rng) -> Option<Sample> {
    let body: Vec<usize> = (1..paragraphs.len()).collect();
    // Every (paragraph, candidate) of the kind, then one at random.
    let mut candidates: Vec<(usize, Range<usize>)> = Vec::new();
    for &i in &body {
        let p = &paragraphs[i];
        match kind {
            Kind::LookAlikeDigit => candidates.extend(number_ends(p).into_iter().map(|r| (i, r))),
            Kind::CyrillicInLatin => candidates.extend(latin_letters(p).into_iter().map(|r| (i, r))),
            Kind::NearCopy => {
                let n = p.chars().count();
                if (30..=80).contains(&n) {
                    candidates.push((i, 0..p.len()));
                }
            }
            Kind::ConjunctionBeforeStop => {
                candidates.extend(noun_phrase_stops(p).into_iter().map(|at| (i, at..at)))
            }
            Kind::EnglishWord => {
                let chars: Vec<(usize, char)> = p.char_indices().collect();
                candidates.extend(
                    chars
                        .windows(2)
                        .filter(|w| is_han(w[0].1) && (is_han(w[1].1) || w[1].1.is_ascii_digit()))
                        .map(|w| (i, w[1].0..w[1].0)),
                );
            }
            Kind::Mojibake => candidates.extend(chinese_stretches(p).into_iter().map(|r| (i, r))),
            Kind::DoubledWord => candidates.extend(doubling_places(p).into_iter().map(|r| (i, r))),
            Kind::Invisible | Kind::SpaceBetweenHan => {
                candidates.extend(between_han(p).into_iter().map(|at| (i, at..at)));
            }
            Kind::HalfwidthMark => {
                let chars: Vec<(usize, char)> = p.char_indices().collect();
                candidates.extend(
                    chars
                        .windows(3)
                        .filter(|w| {
                            is_han(w[0].1) && is_han(w[2].1) && HALFWIDTH.iter().any(|&(f, _)| f == w[1].1)
                        })
                        .map(|w| (i, w[1].0..w[2].0)),
                );
            }
        }
    }
    let (i, range) = pick(&candidates, rng)?;
    let p = &paragraphs[i];
    Some(match kind {
        Kind::LookAlikeDigit => {
            let digit = p.as_bytes()[range.start];
            let letter = if digit == b'1' {
                pick(&["l", "I"], rng)?
            } else {
                pick(&["O", "o"], rng)?
            };
            with_replace(paragraphs, i, range, letter)
        }
        Kind::CyrillicInLatin => {
            let c = p[range.clone()].chars().next()?;
            let (_, cyrillic) = CYRILLIC.iter().find(|&&(l, _)| l == c)?;
            with_replace(paragraphs, i, range, &cyrillic.to_string())
        }
        Kind::NearCopy => {
            let copy = near_copy(p, rng)?;
            let at = rng.usize(i + 1..=paragraphs.len());
            let mut out = paragraphs.to_vec();
            let len = copy.len();
            out.insert(at, copy);
            Sample {
                paragraphs: out,
                paragraph: at,
                range: 0..len,
            }
        }
        Kind::ConjunctionBeforeStop => {
            let word = pick(&CONJUNCTIONS, rng)?;
            with_insert(paragraphs, i, range.start, word, 0..word.len())
        }
        Kind::EnglishWord => {
            let word = pick(&ENGLISH, rng)?;
            let (before, after) = pick(&[("", ""), (" ", " "), ("  ", "  "), (" ", "")], rng)?;
            let insert = format!("{before}{word}{after}");
            with_insert(
                paragraphs,
                i,
                range.start,
                &insert,
                before.len()..before.len() + word.len(),
            )
        }
        Kind::Mojibake => {
            let (garbled, _) = encoding_rs::GBK.decode_without_bom_handling(p[range.clone()].as_bytes());
            let garbled: String = if rng.bool() {
                garbled.into_owned()
            } else {
                garbled.chars().filter(|&c| c != '\u{FFFD}').collect()
            };
            if garbled.is_empty() || garbled == p[range.clone()] {
                return None;
            }
            with_replace(paragraphs, i, range, &garbled)
        }
        Kind::DoubledWord => {
            let word = p[range.clone()].to_owned();
            with_insert(paragraphs, i, range.end, &word, 0..word.len())
        }
        Kind::Invisible => {
            let c = pick(&INVISIBLE, rng)?.to_string();
            with_insert(paragraphs, i, range.start, &c, 0..c.len())
        }
        Kind::HalfwidthMark => {
            let full = p[range.clone()].chars().next()?;
            let (_, half) = HALFWIDTH.iter().find(|&&(f, _)| f == full)?;
            with_replace(paragraphs, i, range, &half.to_string())
        }
        Kind::SpaceBetweenHan => with_insert(paragraphs, i, range.start, " ", 0..1),
    })
}

/// The bytes of a 1 or 0 that starts or ends a number standing before a unit, a mark of
/// percent, a decimal point or a range's dash (never after a Latin letter: A10 is a name).
fn number_ends(p: &str) -> Vec<Range<usize>> {
    let b = p.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len()
            && (b[i].is_ascii_digit() || (b[i] == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            i += 1;
        }
        let after_ok = p[i..]
            .chars()
            .next()
            .is_some_and(|c| is_han(c) || matches!(c, '%' | '—' | '～'));
        let before_ok = p[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_ascii_alphanumeric() && c != '.');
        if !(after_ok && before_ok) {
            continue;
        }
        let mut ends = vec![start];
        if i - 1 != start {
            ends.push(i - 1);
        }
        out.extend(
            ends.into_iter()
                .filter(|&at| matches!(b[at], b'0' | b'1'))
                .map(|at| at..at + 1),
        );
    }
    out
}

/// Letters with a Cyrillic look-alike inside Latin words of at least four letters.
fn latin_letters(p: &str) -> Vec<Range<usize>> {
    let b = p.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        if i - start >= 4 {
            out.extend(
                (start..i)
                    .filter(|&k| CYRILLIC.iter().any(|&(l, _)| l as u8 == b[k]))
                    .map(|k| k..k + 1),
            );
        }
    }
    out
}

/// Where a conjunction can go: before a stop that ends a noun phrase with 的 (的 then one to
/// four Han characters, then 。 ； or ！).
fn noun_phrase_stops(p: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    let mut out = Vec::new();
    for (k, &(at, c)) in chars.iter().enumerate() {
        if !matches!(c, '。' | '；' | '！') {
            continue;
        }
        let han = chars[..k]
            .iter()
            .rev()
            .take_while(|(_, c)| is_han(*c) && *c != '的')
            .count();
        if (1..=4).contains(&han) && k > han && chars[k - han - 1].1 == '的' {
            out.push(at);
        }
    }
    out
}

/// Stretches of three to eight characters with no ASCII nor space in them.
fn chinese_stretches(p: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = p.char_indices().chain([(p.len(), '\n')]).collect();
    let mut out = Vec::new();
    for k in 0..chars.len() {
        for len in 3..=8 {
            if k + len >= chars.len() {
                break;
            }
            if chars[k..k + len]
                .iter()
                .any(|(_, c)| c.is_ascii() || c.is_whitespace())
            {
                break;
            }
            out.push(chars[k].0..chars[k + len].0);
        }
    }
    out
}

/// Words of two to four Han characters right before a mark or alone inside quotes.
fn doubling_places(p: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    let words = lexicon().segment(p);
    for (k, word) in words.iter().enumerate() {
        let n = word.chars().count();
        let next = words.get(k + 1).and_then(|w| w.chars().next());
        let before = p[..at].chars().next_back();
        let marked = next.is_some_and(|c| matches!(c, '，' | '。' | '、' | '；' | '：' | '”'));
        if (2..=4).contains(&n)
            && word.chars().all(is_han)
            && (marked || (before == Some('“') && next == Some('”')))
        {
            out.push(at..at + word.len());
        }
        at += word.len();
    }
    out
}

/// A copy of `p` with two to four of its Han characters changed to others of the paragraph
/// or lost.
fn near_copy(p: &str, rng: &mut fastrand::Rng) -> Option<String> {
    let mut chars: Vec<char> = p.chars().collect();
    let han: Vec<char> = chars.iter().copied().filter(|&c| is_han(c)).collect();
    for _ in 0..rng.usize(2..=4) {
        let places: Vec<usize> = (0..chars.len()).filter(|&k| is_han(chars[k])).collect();
        let k = pick(&places, rng)?;
        if rng.bool() {
            chars.remove(k);
        } else {
            let other = pick(&han, rng)?;
            chars[k] = if other == chars[k] { '的' } else { other };
        }
    }
    let copy: String = chars.into_iter().collect();
    (copy != p).then_some(copy)
}

/// Repetition Chinese writes on purpose, names with a Latin letter, and numbers, inserted
/// after a comma of a body paragraph.
fn insert_legitimate(paragraphs: &[String], rng: &mut fastrand::Rng) -> Option<Sample> {
    let places: Vec<(usize, usize)> = (1..paragraphs.len())
        .flat_map(|i| {
            paragraphs[i]
                .match_indices('，')
                .map(move |(at, _)| (i, at + '，'.len_utf8()))
        })
        .collect();
    let (i, at) = pick(&places, rng)?;
    let word = pick(&["发展", "坚持", "学习", "改革", "创新", "奋斗"], rng)?;
    let verb = pick(&["走", "说", "笑", "看", "聊", "写", "想", "跑"], rng)?;
    let sound = pick(&["咔嚓", "哗啦", "叮咚", "轰隆", "滴答", "扑通"], rng)?;
    let templates = [
        format!("{word}{word}再{word}，"),
        format!("{verb}着{verb}着就到了，"),
        format!("{sound}{sound}地响，"),
        "他说：“记得记得，那天很冷。”".to_owned(),
        "大家都说“好好好”，".to_owned(),
        "他连声说“对对对”，".to_owned(),
        "二〇二〇年以来，".to_owned(),
        "做到一一对应，".to_owned(),
        "依托“平安社区e家”平台，".to_owned(),
        "建成“智慧e站”12个，".to_owned(),
        "通过《i深圳》客户端，".to_owned(),
        "总投资2.5亿元、增长35%，".to_owned(),
        "全年1,000多场次，".to_owned(),
        "研究研究再定，".to_owned(),
        "扫一扫二维码，".to_owned(),
    ];
    let insert = pick(&templates, rng)?;
    let len = insert.len();
    Some(with_insert(paragraphs, i, at, &insert, 0..len))
}
