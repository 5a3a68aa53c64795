//! Detection quality, measured on real text with faults injected: the character rules
//! (`characters.rs`), then the structure rules, with faults made the way page and column
//! breaks make them.
//!
//! `cargo run --release --example quality -- [CORPUS_DIR] [--seed N] [--rounds N] [--misses N]
//! [--only structure|characters]` (default corpus: `../shared/corpus-dev`). For the structure
//! rules, every file of the corpus is copied once per fault
//! kind and round, with one fault: a cut at a random point inside a sentence of a random
//! paragraph (never right after a sentence end), and then the two parts are kept apart (a
//! split), kept apart by one or two headings taken from other files' titles, or one part is
//! lost or moved. Each fault is labelled with the rule that should report it and the line
//! it should cover. The untouched files give the false alarms per 10,000 characters, and so
//! do copies dressed as commentaries are: deck lines (a body sentence without its stop) under
//! the title, and a subheading, bulleted or not, with a deck line of its own; and copies
//! dressed as scraped web pages: a header line of the page under the title, and after the
//! story the editor's credit and a call to the site's app or a list of other titles.
//!
//! The generator chooses its cuts by position alone: nothing in it knows what the rules look
//! for.

mod characters;
#[path = "../shared/corpus.rs"]
mod corpus;

use clap::Parser;
use newslint::diagnostic::Diagnostic;
use newslint::linter::Linter;
use newslint::source::char_model::{self, Builder};
use std::collections::BTreeMap;
use std::path::PathBuf;

const STRUCTURE_RULES: [&str; 4] = [
    "split-paragraph",
    "interrupting-heading",
    "truncated-paragraph",
    "orphan-fragment",
];

/// Paragraphs shorter than this (in characters) are not cut: headings, datelines, names.
const MIN_PARAGRAPH_CHARS: usize = 16;
/// Headings put between the parts of a split are other files' titles of at most this length.
const MAX_HEADING_CHARS: usize = 24;

#[derive(Parser)]
struct Args {
    /// A folder of clean `.txt` news files, paragraphs separated by a blank line.
    #[arg(default_value = "../shared/corpus-dev")]
    corpus: PathBuf,
    #[arg(long, default_value_t = 20261201)]
    seed: u64,
    /// Copies of each file per fault kind.
    #[arg(long, default_value_t = 1)]
    rounds: usize,
    /// Misses printed per rule.
    #[arg(long, default_value_t = 8)]
    misses: usize,
    /// Run one part only: `structure` (the paragraph-break rules) or `characters`.
    #[arg(long, value_parser = ["structure", "characters"])]
    only: Option<String>,
    /// Print the faulty copies of this file, with their diagnostics.
    #[arg(long)]
    show: Option<String>,
    /// Evaluate on every other file only (the second, the fourth…), leaving the rest to
    /// learn from.
    #[arg(long)]
    held_out: bool,
    /// With --held-out: build a sentence model from the files not evaluated, and judge with
    /// it instead of the shipped one (what `newslint model build` and `--model` do).
    #[arg(long, requires = "held_out")]
    learn: bool,
    /// Judge with this sentence model (`newslint model build`) instead of the shipped one.
    #[arg(long, conflicts_with = "learn")]
    model: Option<PathBuf>,
    /// Also count the structure alarms on another paper's text, one paragraph a line (the
    /// People's Daily of January 1998 that `scripts/build-starts WORK_DIR` leaves in
    /// `WORK_DIR/pd199801.txt`), linted `OTHER_PARAGRAPHS` paragraphs to a file. Its articles
    /// run together, so some alarms stand where one article ends and the next begins.
    #[arg(long)]
    other: Option<PathBuf>,
    /// Set each sentence of the corpus as a paragraph of its own, as web and mobile news often
    /// do, before anything is measured (`one_sentence_a_paragraph`).
    #[arg(long)]
    sentence_layout: bool,
}

/// Paragraphs of `--other` linted as one file.
const OTHER_PARAGRAPHS: usize = 40;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Split,
    SplitOneHeading,
    SplitTwoHeadings,
    Truncation,
    TruncationBeforeHeading,
    LostHead,
    MovedHead,
}

const KINDS: [Kind; 7] = [
    Kind::Split,
    Kind::SplitOneHeading,
    Kind::SplitTwoHeadings,
    Kind::Truncation,
    Kind::TruncationBeforeHeading,
    Kind::LostHead,
    Kind::MovedHead,
];

/// A faulty copy of a file: its paragraphs, and which of them each rule should report.
struct Sample {
    kind: Kind,
    paragraphs: Vec<String>,
    /// (rule, paragraph index)
    labels: Vec<(&'static str, usize)>,
    /// The text around the cut, for reading the misses.
    context: String,
}

fn main() {
    let args = Args::parse();
    let mut files: Vec<(String, Vec<String>)> = Vec::new();
    let paths = corpus::text_files(&args.corpus);
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("UTF-8 text");
        let mut paragraphs = paragraphs_of(&text);
        if args.sentence_layout {
            paragraphs = one_sentence_a_paragraph(&paragraphs);
        }
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        files.push((name, paragraphs));
    }
    let headings: Vec<String> = files
        .iter()
        .filter_map(|(_, p)| p.first())
        .filter(|t| {
            t.chars().count() <= MAX_HEADING_CHARS && !t.trim_end().ends_with(['。', '，', '；', '：'])
        })
        .cloned()
        .collect();

    let mut linter = Linter::with_default_rules();
    if args.held_out {
        let (learn, evaluate): (Vec<_>, Vec<_>) = files.drain(..).enumerate().partition(|(i, _)| i % 2 == 0);
        if args.learn {
            let mut builder = Builder::new(char_model::DEFAULT_ORDER, 4 << 20);
            for (_, (_, paragraphs)) in &learn {
                for p in paragraphs {
                    builder.add_paragraph(p);
                }
            }
            let built = builder.finish(2).expect("text to learn from");
            let model = char_model::CharModel::from_bytes(built.bytes).expect("a model");
            println!(
                "model learnt from {} files: {model:?}; a sentence end below {:.2} / {:.2}, a join above {:.2} / {:.2}\n",
                learn.len(),
                model.unlikely_end,
                model.doubtful_end,
                model.join_odds,
                model.strong_join_odds
            );
            linter = linter.with_model(Some(model));
        }
        files = evaluate.into_iter().map(|(_, f)| f).collect();
    }
    if let Some(path) = &args.model {
        let model = char_model::CharModel::open(path).unwrap_or_else(|e| panic!("{e}"));
        println!("model {}: {model:?}\n", path.display());
        linter = linter.with_model(Some(model));
    }
    if args.only.as_deref() != Some("structure") {
        characters::evaluate(&linter, &files, args.seed, args.rounds, args.misses);
        if args.only.is_some() {
            return;
        }
    }
    let mut rng = fastrand::Rng::with_seed(args.seed);

    // False alarms on the untouched files.
    let mut clean_chars = 0;
    let mut clean_alarms: BTreeMap<&str, usize> = BTreeMap::new();
    let mut alarm_examples = Vec::new();
    for (name, paragraphs) in &files {
        let text = join(paragraphs);
        clean_chars += text.chars().count();
        for d in structure(&linter.lint(&text, None)) {
            *clean_alarms.entry(d.rule).or_default() += 1;
            alarm_examples.push(format!("{name}: {} {}", d.rule, around(&text, d.span.range())));
        }
    }

    // False alarms on the same files with deck lines, and dressed as scraped web pages.
    let mut deck_rng = fastrand::Rng::with_seed(args.seed ^ 0xDEC);
    let decked = dressed_alarms(
        &linter,
        &files,
        &args,
        "decked",
        &mut alarm_examples,
        |paragraphs| with_decks(paragraphs, &headings, &mut deck_rng),
    );
    let mut page_rng = fastrand::Rng::with_seed(args.seed ^ 0x3EB);
    let paged = dressed_alarms(
        &linter,
        &files,
        &args,
        "web page",
        &mut alarm_examples,
        |paragraphs| Some(as_web_page(paragraphs, &headings, &mut page_rng)),
    );
    let sentenced = dressed_alarms(
        &linter,
        &files,
        &args,
        "a sentence a paragraph",
        &mut alarm_examples,
        |paragraphs| Some(one_sentence_a_paragraph(paragraphs)),
    );

    // Recall on the faulty copies.
    let mut found: BTreeMap<(&str, Kind), (usize, usize)> = BTreeMap::new();
    let mut misses: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut stray = 0;
    let mut strays = Vec::new();
    let mut faulty_chars = 0;
    for _ in 0..args.rounds {
        for (name, paragraphs) in &files {
            for kind in KINDS {
                let Some(sample) = inject(kind, paragraphs, &headings, &mut rng) else {
                    continue;
                };
                let text = join(&sample.paragraphs);
                faulty_chars += text.chars().count();
                let lines = paragraph_lines(&sample.paragraphs);
                let diagnostics = linter.lint(&text, None);
                let structural = structure(&diagnostics);
                if args.show.as_deref() == Some(name.as_str()) {
                    println!("=== {name} {:?} labels {:?}\n{text}", sample.kind, sample.labels);
                    for d in &structural {
                        println!("  -> {} {}", d.rule, around(&text, d.span.range()));
                    }
                }
                for &(rule, paragraph) in &sample.labels {
                    let line = lines[paragraph];
                    let hit = structural
                        .iter()
                        .any(|d| d.rule == rule && covers(&text, d, line));
                    let entry = found.entry((rule, sample.kind)).or_default();
                    entry.1 += 1;
                    if hit {
                        entry.0 += 1;
                    } else {
                        let got: Vec<&str> = structural
                            .iter()
                            .filter(|d| near(&text, d, line))
                            .map(|d| d.rule)
                            .collect();
                        misses.entry(rule).or_default().push(format!(
                            "{name} {:?}: {} (near it: {})",
                            sample.kind,
                            sample.context,
                            if got.is_empty() {
                                "nothing".to_owned()
                            } else {
                                got.join(", ")
                            }
                        ));
                    }
                }
                let away = structural.iter().filter(|d| {
                    !sample
                        .labels
                        .iter()
                        .any(|&(_, p)| covers(&text, d, lines[p]) || near(&text, d, lines[p]))
                });
                for d in away {
                    stray += 1;
                    strays.push(format!(
                        "{name} {:?}: {} {}",
                        sample.kind,
                        d.rule,
                        around(&text, d.span.range())
                    ));
                }
            }
        }
    }

    println!(
        "corpus {}: {} files, {clean_chars} characters; seed {}, {} round(s)\n",
        args.corpus.display(),
        files.len(),
        args.seed,
        args.rounds
    );
    println!("| rule | fault | found | recall |");
    println!("|---|---|---|---|");
    for rule in STRUCTURE_RULES {
        let (mut hit, mut all) = (0, 0);
        for ((r, kind), (h, n)) in &found {
            if *r == rule {
                println!("| {rule} | {kind:?} | {h}/{n} | {:.2} |", ratio(*h, *n));
                hit += h;
                all += n;
            }
        }
        println!("| **{rule}** | all | {hit}/{all} | **{:.2}** |", ratio(hit, all));
    }
    println!();
    let total: usize = clean_alarms.values().sum();
    println!(
        "false alarms on the untouched files: {total} = {:.2} per 10,000 characters ({})",
        per_10k(total, clean_chars),
        by_rule(&clean_alarms)
    );
    for (copies, (alarms, chars)) in [
        ("with deck lines", decked),
        ("dressed as web pages", paged),
        ("set a sentence a paragraph", sentenced),
    ] {
        println!(
            "false alarms on the copies {copies}: {alarms} = {:.2} per 10,000 characters",
            per_10k(alarms, chars)
        );
    }
    println!(
        "alarms away from the fault in the faulty copies: {stray} = {:.2} per 10,000 characters",
        per_10k(stray, faulty_chars)
    );
    for example in alarm_examples.iter().take(args.misses * 2) {
        println!("  alarm  {example}");
    }
    if let Some(path) = &args.other {
        other_alarms(&linter, path, args.misses);
    }
    for example in strays.iter().take(args.misses) {
        println!("  away   {example}");
    }
    for rule in STRUCTURE_RULES {
        let list = misses.get(rule).map_or(&[][..], Vec::as_slice);
        if list.is_empty() {
            continue;
        }
        println!("\nmisses of {rule} ({}), a sample:", list.len());
        let step = (list.len() / args.misses.max(1)).max(1);
        for miss in list.iter().step_by(step).take(args.misses) {
            println!("  {miss}");
        }
    }
}

/// The structure alarms on another paper's text (`--other`), per rule, with a sample.
fn other_alarms(linter: &Linter, path: &std::path::Path, sample: usize) {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let paragraphs: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    let (mut chars, mut alarms) = (0, BTreeMap::<&str, usize>::new());
    let mut examples = Vec::new();
    for chunk in paragraphs.chunks(OTHER_PARAGRAPHS) {
        let text = join(chunk);
        chars += text.chars().count();
        for d in structure(&linter.lint(&text, None)) {
            *alarms.entry(d.rule).or_default() += 1;
            examples.push(format!("{} {}", d.rule, around(&text, d.span.range())));
        }
    }
    let total: usize = alarms.values().sum();
    println!(
        "alarms on {} ({} paragraphs, {chars} characters): {total} = {:.2} per 10,000 characters ({})",
        path.display(),
        paragraphs.len(),
        per_10k(total, chars),
        by_rule(&alarms)
    );
    let step = (examples.len() / sample.max(1)).max(1);
    for example in examples.iter().step_by(step).take(sample) {
        println!("  other  {example}");
    }
}

/// Alarm counts by rule: `split-paragraph 2, truncated-paragraph 1`.
fn by_rule(alarms: &BTreeMap<&str, usize>) -> String {
    alarms
        .iter()
        .map(|(rule, n)| format!("{rule} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn ratio(hit: usize, all: usize) -> f64 {
    if all == 0 { 0.0 } else { hit as f64 / all as f64 }
}

fn per_10k(count: usize, chars: usize) -> f64 {
    count as f64 * 10_000.0 / chars.max(1) as f64
}

fn structure(diagnostics: &[Diagnostic]) -> Vec<&Diagnostic> {
    diagnostics
        .iter()
        .filter(|d| STRUCTURE_RULES.contains(&d.rule))
        .collect()
}

fn paragraphs_of(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.trim_matches('\n').to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

fn join(paragraphs: &[String]) -> String {
    let mut text = paragraphs.join("\n\n");
    text.push('\n');
    text
}

/// The 1-based line each paragraph starts on.
fn paragraph_lines(paragraphs: &[String]) -> Vec<usize> {
    let mut line = 1;
    paragraphs
        .iter()
        .map(|p| {
            let at = line;
            line += p.matches('\n').count() + 2;
            at
        })
        .collect()
}

fn line_of(text: &str, offset: usize) -> usize {
    1 + memchr::memchr_iter(b'\n', &text.as_bytes()[..offset]).count()
}

fn covers(text: &str, d: &Diagnostic, line: usize) -> bool {
    let range = d.span.range();
    line_of(text, range.start) <= line && line <= line_of(text, range.end)
}

/// Within two lines of the fault: an alarm about the same break, not a stray one.
fn near(text: &str, d: &Diagnostic, line: usize) -> bool {
    let start = line_of(text, d.span.range().start);
    start + 4 >= line && start <= line + 4
}

fn around(text: &str, range: std::ops::Range<usize>) -> String {
    let before: String = text[..range.start]
        .chars()
        .rev()
        .take(16)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text[range.end..].chars().take(16).collect();
    format!("{before}[{}]{after}", &text[range]).replace('\n', "⏎")
}

/// The structure alarms on the files dressed by `dress` (None: left out), and the characters
/// read: false alarms all, as the dressing adds no fault. `label` tags each alarm's example.
fn dressed_alarms(
    linter: &Linter,
    files: &[(String, Vec<String>)],
    args: &Args,
    label: &str,
    examples: &mut Vec<String>,
    mut dress: impl FnMut(&[String]) -> Option<Vec<String>>,
) -> (usize, usize) {
    let (mut alarms, mut chars) = (0, 0);
    for (name, paragraphs) in files {
        let Some(dressed) = dress(paragraphs) else {
            continue;
        };
        let text = join(&dressed);
        chars += text.chars().count();
        if args.show.as_deref() == Some(name.as_str()) {
            println!("=== {name} {label}\n{text}");
        }
        for d in structure(&linter.lint(&text, None)) {
            alarms += 1;
            examples.push(format!(
                "{name} ({label}): {} {}",
                d.rule,
                around(&text, d.span.range())
            ));
        }
    }
    (alarms, chars)
}

/// The file with each sentence of its body a paragraph of its own: a paragraph is broken after
/// a full stop and the closing marks after it, outside quotation marks and brackets, unless
/// the sentence goes on (“…！”的横幅, “…！”、“…”).
fn one_sentence_a_paragraph(paragraphs: &[String]) -> Vec<String> {
    let mut out = paragraphs[..1].to_vec();
    for paragraph in &paragraphs[1..] {
        let chars: Vec<char> = paragraph.chars().collect();
        let (mut depth, mut start) = (0i32, 0);
        for (k, &c) in chars.iter().enumerate() {
            match c {
                '“' | '（' | '(' | '《' | '「' | '『' => depth += 1,
                '”' | '）' | ')' | '》' | '」' | '』' => depth -= 1,
                _ => {}
            }
            let next = chars.get(k + 1).copied();
            let stop = matches!(c, '。' | '！' | '？') && depth <= 0
                || newslint::source::chars::is_closing_mark(c)
                    && depth <= 0
                    && k > 0
                    && matches!(chars[k - 1], '。' | '！' | '？');
            let ends = next.is_none_or(|n| {
                !newslint::source::chars::is_closing_mark(n) && !"，、。；：！？的".contains(n)
            });
            if stop && ends && next.is_some() {
                out.push(chars[start..=k].iter().collect());
                start = k + 1;
            }
        }
        out.push(chars[start..].iter().collect());
    }
    out
}

/// A file as a scraped web page leaves it: under the title, a header line of the page (its
/// date and source, a font-size switch, a share link); after the story, the editor's credit
/// with a name made of a common surname and one or two common given-name characters, and then
/// a call to the site's app or a list of other stories' titles.
fn as_web_page(paragraphs: &[String], headings: &[String], rng: &mut fastrand::Rng) -> Vec<String> {
    const HEADERS: [&str; 5] = [
        "2024-03-05 10:21:36　来源：央视网",
        "来源：央视网　作者：{}",
        "【字体：大 中 小】",
        "分享到：",
        "发布时间：2024年03月05日 10:21",
    ];
    const CREDITS: [&str; 5] = [
        "责任编辑：{}",
        "（责任编辑：{}）",
        "编辑：{}",
        "编辑：{} 校对：{}",
        "【责任编辑：{}】",
    ];
    const SURNAMES: [char; 24] = [
        '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何',
        '高', '林', '罗', '郑', '梁', '谢', '宋',
    ];
    const GIVEN: &str = "一二三中大小文新建国华明军平东海林强伟芳敏静丽勇磊洋杰涛超刚飞云鹏辉宁波斌宇浩凯";
    // The line with each {} replaced by a name.
    let fill = |line: &str, rng: &mut fastrand::Rng| {
        let given: Vec<char> = GIVEN.chars().collect();
        let mut out = String::new();
        for (k, part) in line.split("{}").enumerate() {
            if k > 0 {
                out.push(SURNAMES[rng.usize(..SURNAMES.len())]);
                for _ in 0..rng.usize(1..=2) {
                    out.push(given[rng.usize(..given.len())]);
                }
            }
            out.push_str(part);
        }
        out
    };
    let header = fill(HEADERS[rng.usize(..HEADERS.len())], rng);
    let mut out = vec![paragraphs[0].clone(), header];
    out.extend(paragraphs[1..].iter().cloned());
    let credit = fill(CREDITS[rng.usize(..CREDITS.len())], rng);
    out.push(credit);
    if rng.bool() {
        out.push("更多精彩内容，请下载客户端".to_owned());
    } else {
        out.push("相关新闻".to_owned());
        out.extend((0..2).map(|_| headings[rng.usize(..headings.len())].clone()));
    }
    out
}

/// The file dressed as a commentary: one to three deck lines under the title, each the first
/// sentence of a body paragraph without its stop (one without quotation marks or a semicolon), and a subheading (from another file's
/// title, bulleted half of the time) before a body paragraph, with that paragraph's first
/// sentence as its deck line.
fn with_decks(paragraphs: &[String], headings: &[String], rng: &mut fastrand::Rng) -> Option<Vec<String>> {
    let deck_of = |p: &String| -> Option<String> {
        let end = p.find(['。', '！', '？'])?;
        // A deck states a claim of the story: its dateline (央视网消息（新闻联播）：) stays
        // in the body.
        let start = p[..end]
            .find('：')
            .filter(|&at| p[..at].chars().count() <= 16 && p[..at].contains(['）', '电', '息']))
            .map_or(0, |at| at + '：'.len_utf8());
        let sentence = &p[start..end];
        let chars = sentence.chars().count();
        // One clause: sentences joined by a semicolon make running text, not a deck.
        ((8..=60).contains(&chars) && !sentence.contains(['“', '”', '；'])).then(|| sentence.to_owned())
    };
    let body: Vec<usize> = (1..paragraphs.len())
        .filter(|&i| deck_of(&paragraphs[i]).is_some())
        .collect();
    if body.len() < 3 {
        return None;
    }
    let mut out = vec![paragraphs[0].clone()];
    let mut decks = body.clone();
    rng.shuffle(&mut decks);
    for &i in decks.iter().take(rng.usize(1..=3)) {
        out.push(deck_of(&paragraphs[i])?);
    }
    let sub = body[rng.usize(1..body.len())];
    for (i, p) in paragraphs.iter().enumerate().skip(1) {
        if i == sub {
            let bullet = if rng.bool() { "■ " } else { "" };
            out.push(format!("{bullet}{}", headings[rng.usize(..headings.len())]));
            out.push(deck_of(p)?);
        }
        out.push(p.clone());
    }
    Some(out)
}

fn inject(kind: Kind, paragraphs: &[String], headings: &[String], rng: &mut fastrand::Rng) -> Option<Sample> {
    let eligible: Vec<usize> = (1..paragraphs.len())
        .filter(|&i| {
            let p = &paragraphs[i];
            p.chars().count() >= MIN_PARAGRAPH_CHARS && p.ends_with(['。', '！', '？', '”'])
        })
        .collect();
    if eligible.is_empty() || headings.is_empty() {
        return None;
    }
    let i = eligible[rng.usize(..eligible.len())];
    let paragraph = &paragraphs[i];
    let at = corpus::cut_point(paragraph, rng)?;
    let (head, tail) = (paragraph[..at].to_owned(), paragraph[at..].to_owned());
    let mut context = format!(
        "…{}⏎{}…",
        head.chars()
            .rev()
            .take(14)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<String>(),
        tail.chars().take(14).collect::<String>()
    );
    let mut heading = || headings[rng.usize(..headings.len())].clone();
    let mut out: Vec<String> = paragraphs[..i].to_vec();
    let rest = &paragraphs[i + 1..];
    let mut labels = Vec::new();
    match kind {
        Kind::Split => {
            labels.push(("split-paragraph", out.len()));
            out.extend([head, tail]);
        }
        Kind::SplitOneHeading | Kind::SplitTwoHeadings => {
            out.push(head);
            let count = if kind == Kind::SplitOneHeading { 1 } else { 2 };
            for _ in 0..count {
                labels.push(("interrupting-heading", out.len()));
                out.push(heading());
            }
            out.push(tail);
        }
        Kind::Truncation => {
            labels.push(("truncated-paragraph", out.len()));
            out.push(head);
            // What the truncated paragraph is now read against.
            if let Some(next) = rest.first() {
                context += &format!(" then ⏎{}…", next.chars().take(14).collect::<String>());
            }
        }
        Kind::TruncationBeforeHeading => {
            labels.push(("truncated-paragraph", out.len()));
            out.push(head);
            out.push(heading());
        }
        Kind::LostHead => {
            labels.push(("orphan-fragment", out.len()));
            out.push(tail);
        }
        Kind::MovedHead => {
            // The head lands one to three paragraphs later, or earlier when the file ends.
            let later = rng.usize(1..=3).min(rest.len());
            if later > 0 {
                labels.push(("orphan-fragment", out.len()));
                out.push(tail);
                out.extend(rest[..later].iter().cloned());
                labels.push(("truncated-paragraph", out.len()));
                out.push(head);
                out.extend(rest[later..].iter().cloned());
            } else {
                // Before the last paragraph of running text, so that more than a heading
                // stands between the head and its rest (a heading alone would make it a split
                // with a heading between).
                let at = (1..out.len())
                    .rev()
                    .find(|&k| out[k].ends_with(['。', '！', '？', '”']))?;
                labels.push(("truncated-paragraph", at));
                out.insert(at, head);
                labels.push(("orphan-fragment", out.len()));
                out.push(tail);
            }
            return Some(Sample {
                kind,
                paragraphs: out,
                labels,
                context,
            });
        }
    }
    out.extend(rest.iter().cloned());
    Some(Sample {
        kind,
        paragraphs: out,
        labels,
        context,
    })
}
