//! A property harness on stable Rust: random texts built from the pieces that break text
//! tools (white space of every kind, line breaks of every kind, quotes and brackets, runs,
//! 4-byte characters, template braces, markup…), checked against invariants that hold for
//! any input:
//! - decoding any bytes, parsing and every rule never panic;
//! - spans, related spans and fix edits lie on character boundaries inside the text, and
//!   line and column agree with the offset;
//! - the fix loop settles, and a second fix pass changes nothing;
//! - fixes lose no Han character, except the copies that repeated-token and duplicated-block
//!   mean to delete.
//!
//! The same invariants hold, with every rule on, for the seed articles broken the ways page
//! breaks, scanners and scrapers break real text: paragraphs cut, split, moved, doubled, run
//! together, with headings and pieces put between them (`mutated_articles_keep_every_invariant`).
//!
//! `cargo test` runs a short round (`NEWSLINT_FUZZ_CASES`, default 400 texts, seed
//! `NEWSLINT_FUZZ_SEED`); `NEWSLINT_FUZZ_CASES=200000 cargo test --release --test fuzz` runs
//! a long one. A failing case prints its seed and text.

use newslint::config::{ConfigFile, Layers};
use newslint::linter::{FixMode, Linter};
use newslint::source::{Document, EncodingChoice, LineIndex, decode};
use std::panic::{AssertUnwindSafe, catch_unwind};

const PIECES: &[&str] = &[
    "经济",
    "发展",
    "社会",
    "重庆",
    "高新区",
    "企业",
    "服务",
    "惠民",
    "的",
    "了",
    "和",
    "在",
    "们",
    "据了解",
    "今天",
    "习近平指出",
    "推进",
    "“",
    "”",
    "‘",
    "’",
    "《",
    "》",
    "（",
    "）",
    "【",
    "】",
    "，",
    "。",
    "、",
    "；",
    "：",
    "！",
    "？",
    "……",
    "——",
    ",",
    ".",
    ":",
    ";",
    "\"",
    "'",
    "(",
    ")",
    "!",
    "?",
    "-",
    "~",
    " ",
    "  ",
    "\t",
    "\u{3000}",
    "\u{a0}",
    "\u{200b}",
    "\u{feff}",
    "\u{ad}",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\r\n\r\n",
    "2023",
    "1-8月",
    "2O23",
    "10.5%",
    "l1月",
    "AI",
    "iPhone",
    "the",
    "and",
    "of",
    "𠮷",
    "😀",
    "é",
    "{{",
    "}}",
    "{%",
    "%}",
    "${",
    "}",
    "<br>",
    "</p>",
    "&nbsp;",
    "&#12290;",
    "**",
    "# ",
    "## ",
    "- ",
    "1. ",
    "■",
    "□本报记者 张三",
    "锟斤拷",
    "烫烫烫",
    "鍙戝睍",
    "\u{fffd}",
    "\u{7}",
    "（完）",
    "。李建均",
    "记者 罗斌 摄",
    "```",
    "| a | b |",
    "来源：新华社",
    "责任编辑：王五",
    "惠民惠民",
    "监督员、监督员、",
    "王世光、",
    "（女，傣族）",
    "（附图片1张）",
    "（组图）",
    "表1：",
    "图①：",
    "1.17%",
    "6.1%；",
    "51.97亿元",
    "中。",
    "的“",
    "——评",
    "还指出：",
    "表示，",
    "24日，",
    "1—10",
    "2023年",
    "8日，",
    "99999999999日",
    "今天（",
    "截至",
    "袁建军王云",
    "子翼望着",
    "合影留念。",
    "水平",
    "是",
];

fn cases() -> usize {
    std::env::var("NEWSLINT_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400)
}

fn seed() -> u64 {
    std::env::var("NEWSLINT_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20261201)
}

fn random_text(rng: &mut fastrand::Rng) -> String {
    let mut text = String::new();
    let pieces = rng.usize(0..120);
    for _ in 0..pieces {
        let piece = PIECES[rng.usize(..PIECES.len())];
        // Runs: a piece written many times over.
        let times = if rng.u8(..) < 8 { rng.usize(2..40) } else { 1 };
        for _ in 0..times {
            text.push_str(piece);
        }
    }
    // Sometimes a copy of an earlier part, for the duplicate rules.
    if !text.is_empty() && rng.bool() {
        let cut = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .nth(rng.usize(0..text.chars().count()))
            .unwrap_or(0);
        let copy = text[..cut].to_owned();
        text.push_str("\n\n");
        text.push_str(&copy);
    }
    text
}

fn han(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| newslint::source::chars::is_han(c))
        .collect()
}

fn is_subsequence(short: &[char], long: &[char]) -> bool {
    let mut rest = long.iter();
    short.iter().all(|c| rest.any(|d| d == c))
}

/// Line (1-based) and column (characters, 1-based) of `offset`, counted by hand: `\r\n`, `\n`
/// and a lone `\r` end a line.
fn position_by_hand(text: &str, offset: usize) -> (usize, usize) {
    let (mut line, mut column) = (1, 1);
    let mut chars = text[..offset].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => {
                line += 1;
                column = 1;
            }
            _ => column += 1,
        }
    }
    (line, column)
}

fn check_case(linter: &Linter, text: &str) -> Result<(), String> {
    let diagnostics =
        catch_unwind(AssertUnwindSafe(|| linter.lint(text, None))).map_err(|_| "lint panicked".to_owned())?;
    let index = LineIndex::new(text);
    let mut ranges = Vec::new();
    for d in &diagnostics {
        ranges.push((d.rule, d.span.range()));
        ranges.extend(d.related.iter().map(|r| (d.rule, r.span.range())));
        ranges.extend(
            d.fix
                .iter()
                .flat_map(|f| &f.edits)
                .map(|e| (d.rule, e.start as usize..e.end as usize)),
        );
    }
    for (rule, range) in ranges {
        if range.start > range.end
            || range.end > text.len()
            || !text.is_char_boundary(range.start)
            || !text.is_char_boundary(range.end)
        {
            return Err(format!("{rule}: span {range:?} off a character boundary"));
        }
        let position = index.position(text, range.start);
        let expected = position_by_hand(text, range.start);
        // A position inside a CRLF pair is not a place a span can start; skip it.
        if !(text[..range.start].ends_with('\r') && text[range.start..].starts_with('\n'))
            && (position.line as usize, position.column as usize) != expected
        {
            return Err(format!(
                "{rule}: offset {} is line {} column {} by the index, {expected:?} by hand",
                range.start, position.line, position.column
            ));
        }
    }
    for unsafe_fixes in [false, true] {
        let mode = FixMode {
            unsafe_fixes,
            write: true,
        };
        let run = catch_unwind(AssertUnwindSafe(|| linter.fix(text, &Default::default(), mode)))
            .map_err(|_| "fix panicked".to_owned())?
            .map_err(|e| format!("fix (unsafe: {unsafe_fixes}): {e}"))?;
        let Some(fixed) = run.fixed else {
            continue;
        };
        let again = linter
            .fix(&fixed.text, &Default::default(), mode)
            .map_err(|e| format!("second fix: {e}"))?;
        if let Some(more) = again.fixed {
            return Err(format!(
                "a second fix pass changed the text (unsafe: {unsafe_fixes}): {:?} -> {:?}",
                fixed.text, more.text
            ));
        }
        let deletes_words = fixed.applied.keys().any(|r| {
            matches!(
                *r,
                "repeated-token" | "duplicated-block" | "markup-residue" | "boilerplate" | "garbled-text"
            )
        });
        // stray-latin's fix may put the Chinese word for an English one (and → 和).
        let translates = fixed.applied.contains_key("stray-latin");
        let (before, after) = (han(text), han(&fixed.text));
        let kept = if translates {
            is_subsequence(&before, &after)
        } else {
            before == after
        };
        if !deletes_words && !kept {
            return Err(format!(
                "fixes ({:?}) lost or changed Han text: {:?} -> {:?}",
                fixed.applied, text, fixed.text
            ));
        }
        if !translates && after.len() > before.len() {
            return Err("fixes added Han characters".to_owned());
        }
    }
    Ok(())
}

#[test]
fn random_texts_keep_every_invariant() {
    let linter = Linter::with_default_rules();
    let mut rng = fastrand::Rng::with_seed(seed());
    let mut failures = Vec::new();
    for case in 0..cases() {
        let text = random_text(&mut rng);
        if let Err(why) = check_case(&linter, &text) {
            failures.push(format!("case {case} (seed {}): {why}\n  text: {text:?}", seed()));
            if failures.len() >= 5 {
                break;
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every rule, with its default options: the linter a configuration with `select = ["ALL"]`
/// describes.
fn linter_with_every_rule() -> Linter {
    let file = ConfigFile {
        select: Some(vec!["ALL".to_owned()]),
        ..ConfigFile::default()
    };
    let linter = Linter::configured(&file, std::path::Path::new("."), Layers::default(), None)
        .expect("select ALL is valid");
    assert_eq!(linter.rules().len(), newslint::rules::RULES.len());
    linter
}

/// The seed articles' paragraphs (blank-line separated), each article a list.
fn seed_articles() -> Vec<Vec<String>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds/")
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            std::fs::read_to_string(path)
                .expect("a seed is UTF-8")
                .split("\n\n")
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

/// A character offset of `text`, at random.
fn char_boundary(text: &str, rng: &mut fastrand::Rng) -> usize {
    let count = text.chars().count();
    text.char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .nth(rng.usize(0..=count))
        .unwrap_or(0)
}

/// `paragraphs` broken a few times at random: cut short, cut at the head, split in two,
/// moved, doubled, run together, a heading or a piece put between them, line ends changed.
fn mutate(paragraphs: &[String], rng: &mut fastrand::Rng) -> String {
    let mut out: Vec<String> = paragraphs.to_vec();
    for _ in 0..rng.usize(1..6) {
        if out.is_empty() {
            break;
        }
        let k = rng.usize(..out.len());
        match rng.u8(..8) {
            0 => {
                let at = char_boundary(&out[k], rng);
                out[k].truncate(at);
            }
            1 => {
                let at = char_boundary(&out[k], rng);
                out[k] = out[k][at..].to_owned();
            }
            2 => {
                let at = char_boundary(&out[k], rng);
                let rest = out[k][at..].to_owned();
                out[k].truncate(at);
                out.insert(k + 1, rest);
            }
            3 => {
                let moved = out.remove(k);
                let to = rng.usize(..=out.len());
                out.insert(to, moved);
            }
            4 => {
                let copy = out[k].clone();
                out.insert(rng.usize(..=out.len()), copy);
            }
            5 if k + 1 < out.len() => {
                let next = out.remove(k + 1);
                out[k].push_str(&next);
            }
            6 => {
                let title = paragraphs[0].clone();
                out.insert(k, title);
            }
            _ => {
                let piece = PIECES[rng.usize(..PIECES.len())];
                let at = char_boundary(&out[k], rng);
                out[k].insert_str(at, piece);
            }
        }
    }
    let joined = out.join("\n\n");
    match rng.u8(..6) {
        0 => joined.replace('\n', "\r\n"),
        1 => format!("\u{FEFF}{joined}"),
        2 => joined.replace("\n\n", "\n"),
        _ => joined,
    }
}

#[test]
fn mutated_articles_keep_every_invariant() {
    let linter = linter_with_every_rule();
    let articles = seed_articles();
    let mut rng = fastrand::Rng::with_seed(seed());
    let mut failures = Vec::new();
    // Whole articles cost more than the random texts: a quarter as many.
    for case in 0..cases().div_ceil(4) {
        let text = mutate(&articles[rng.usize(..articles.len())], &mut rng);
        if let Err(why) = check_case(&linter, &text) {
            failures.push(format!("case {case} (seed {}): {why}\n  text: {text:?}", seed()));
            if failures.len() >= 3 {
                break;
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn random_bytes_decode_or_fail_cleanly() {
    let mut rng = fastrand::Rng::with_seed(seed());
    for _ in 0..cases() {
        let len = rng.usize(0..300);
        let mut bytes: Vec<u8> = (0..len).map(|_| rng.u8(..)).collect();
        // Byte-order marks and GB18030 and UTF-16 shapes, now and then.
        let bom: &[u8] = match rng.u8(..4) {
            0 => &[0xEF, 0xBB, 0xBF],
            1 => &[0xFF, 0xFE],
            2 => &[0xFE, 0xFF],
            _ => &[],
        };
        bytes.splice(0..0, bom.iter().copied());
        for choice in [
            EncodingChoice::Auto,
            EncodingChoice::Gb18030,
            EncodingChoice::Utf8,
        ] {
            let result = catch_unwind(|| {
                if let Ok(decoded) = decode::decode(&bytes, choice) {
                    let doc = Document::parse(&decoded.text);
                    let _ = doc.flow();
                }
            });
            assert!(result.is_ok(), "decoding {bytes:?} as {choice:?} panicked");
        }
    }
}
