use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::rule::{Check, declare_rule, options};
use crate::source::chars::is_cjk_punct;
use crate::source::{Block, BlockKind, Classes, Document};
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::borrow::Cow;
use std::hash::{Hash, Hasher};

declare_rule! {
    /// ## What it does
    /// Finds a paragraph that repeats an earlier paragraph of the same file, exactly or
    /// nearly (a few characters lost or changed, or only the head of the earlier one), and
    /// points at the earlier copy.
    ///
    /// ## Why is this bad
    /// A block printed twice is a layout or extraction fault (a page break repeated a column,
    /// a scrape took a teaser and the story); it inflates a corpus and skews any count.
    ///
    /// ## Example
    /// ```text
    /// 市场治理重点领域，破解传统手段难以解决的顽疾。三是赋能重点领域改革攻坚……
    ///
    /// 市治理重点领域，破解传统手段难以解决的顽疾。三是赋能重点领域改革攻坚……
    /// ```
    /// The second paragraph repeats the first with one character lost.
    ///
    /// A paragraph counts as a copy when three quarters of its clauses (by length, the
    /// clauses being the text between punctuation marks) stand in one earlier paragraph at
    /// most twice its length, or, for a paragraph of at most 120 characters, when it is an
    /// earlier one with at most four characters changed, inserted or lost (and at most one in
    /// eight; numbers aside: 1月1日新增3例 and 1月2日新增5例 are two reports); a near copy must
    /// end with punctuation,
    /// so a title repeated in its sub-headlines is not one, and a deck or summary line
    /// (a sentence without a full stop) that a later paragraph tells whole, up to a mark, is
    /// not copied by it. Paragraphs shorter than 20 characters (after white space is
    /// removed) are never reported: a repeated dateline, byline or 本报讯 is not a fault, and
    /// headings are left alone. A run of copies (each paragraph repeating the one after the
    /// paragraph the last one repeated; headings and short lines between them aside) is one
    /// diagnostic over the whole run, pointing at the whole earlier run.
    ///
    /// ## Fix safety
    /// Unsafe, and only for exact copies: the later copy is deleted (a run's paragraphs each, the
    /// lines between them kept). A person should confirm
    /// that the repetition is not deliberate.
    name: "duplicated-block",
    category: Structure,
    severity: Warning,
    default: true,
    fix: Sometimes,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    /// Shortest paragraph, in characters without white space, that is compared.
    #[serde(default = "default_min_chars")]
    min_chars: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            min_chars: default_min_chars(),
        }
    }
}

/// The smallest `min-chars` accepted.
const MIN_COMPARED_CHARS: usize = 3;

fn default_min_chars() -> usize {
    20
}

pub(crate) fn build(value: Option<&toml::Value>) -> Result<Box<dyn Check>, String> {
    Ok(Box::new(DuplicatedBlock {
        min_chars: min_chars(value)?,
    }))
}

pub(crate) fn min_chars(value: Option<&toml::Value>) -> Result<usize, String> {
    let options: Options = options(value)?;
    // Shorter paragraphs (a date, a name) repeat in any text: comparing them is no check.
    if options.min_chars < MIN_COMPARED_CHARS {
        return Err(format!(
            "min-chars = {} is too small: paragraphs of fewer than {MIN_COMPARED_CHARS} characters repeat in any text",
            options.min_chars
        ));
    }
    Ok(options.min_chars)
}

struct DuplicatedBlock {
    min_chars: usize,
}

/// Share of a paragraph's clauses (by length) that must stand in the earlier one.
const CONTAINMENT: f64 = 0.75;
/// A clause found in more paragraphs than this says nothing about which one is copied.
const MAX_POSTINGS: usize = 8;
/// Shorter clauses (four Chinese characters) are too common to tell copies apart.
const MIN_CLAUSE_BYTES: usize = 12;

impl Check for DuplicatedBlock {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        // Each prose block, its text without white space, and whether it is long enough.
        let blocks: Vec<(usize, &Block, Cow<str>, bool)> = doc
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| {
                matches!(
                    b.kind,
                    BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Quote
                )
            })
            .map(|(index, block)| {
                let text = doc.block_text(block);
                let text = if block.classes.has(Classes::SPACE) || block.lines.len() > 1 {
                    Cow::Owned(text.chars().filter(|c| !c.is_whitespace()).collect())
                } else {
                    Cow::Borrowed(text)
                };
                // A character takes one to four bytes: count only where that leaves a doubt.
                let long = text.len() >= 4 * self.min_chars
                    || (text.len() >= self.min_chars && text.chars().count() >= self.min_chars);
                (index, block, text, long)
            })
            .collect();
        let texts: Vec<Option<&str>> = blocks
            .iter()
            .map(|(_, _, t, long)| long.then_some(t.as_ref()))
            .collect();
        // Where the text is the block's own, the document's punctuation offsets are its marks.
        let marks: Vec<Option<(&[u32], usize)>> = blocks
            .iter()
            .map(|(_, block, text, _)| {
                matches!(text, Cow::Borrowed(_)).then(|| (doc.marks(&block.content), block.content.start))
            })
            .collect();
        // A clause runs about eight characters.
        let copies = near_copies(&texts, &marks, doc.text.len() / 24);
        let mut exact: FxHashMap<&str, usize> =
            FxHashMap::with_capacity_and_hasher(texts.len(), Default::default());
        // Each copy: its paragraph, the earlier one it repeats, and whether it repeats it whole.
        let mut found: Vec<(usize, usize, bool)> = Vec::new();
        for (n, text) in texts.iter().enumerate() {
            let Some(text) = *text else { continue };
            // A title split into its sub-headlines, or a lead that lists what later paragraphs
            // tell, repeats words on purpose: near copies must be prose of a like length.
            let titled = !text
                .chars()
                .next_back()
                .is_some_and(|c| is_cjk_punct(c) || c.is_ascii_punctuation());
            let earlier = match exact.get(text) {
                Some(&first) => Some((first, true)),
                None if titled => None,
                None => copies[n]
                    .filter(|&first| 2 * text.chars().count() >= blocks[first].2.chars().count())
                    .filter(|&first| !restates(&blocks[first].2, text))
                    .map(|first| (first, false)),
            };
            exact.entry(text).or_insert(n);
            if let Some((first, identical)) = earlier {
                found.push((n, first, identical));
            }
        }
        // The next compared paragraph after `n`: short ones and headings do not end a run.
        let next_compared = |n: usize| (n + 1..texts.len()).find(|&m| texts[m].is_some());
        let mut found = found.into_iter().peekable();
        while let Some((n, first, identical)) = found.next() {
            // A run: the next compared paragraph copies the one after the last one copied.
            let mut run = vec![n];
            let (mut last, mut all_identical) = (first, identical);
            while let Some(&(m, origin, same)) = found.peek() {
                if Some(m) != next_compared(*run.last().expect("a run has a paragraph"))
                    || Some(origin) != next_compared(last)
                {
                    break;
                }
                found.next();
                run.push(m);
                last = origin;
                all_identical &= same;
            }
            out.push(report(doc, &blocks, &run, (first, last), all_identical));
        }
    }
}

/// The diagnostic of a run of copied paragraphs (`run`, indices into `blocks`) that repeats
/// the paragraphs `first..=last` in order. A run of exact copies is deleted, paragraph by
/// paragraph: a heading or a short line between them may differ from the original's.
fn report(
    doc: &Document,
    blocks: &[(usize, &Block, Cow<str>, bool)],
    run: &[usize],
    (first, last): (usize, usize),
    identical: bool,
) -> Diagnostic {
    let (copy_start, copy_end) = (blocks[run[0]].1, blocks[run[run.len() - 1]].1);
    let (from, to) = (blocks[first].1, blocks[last].1);
    let line = |offset: usize| doc.index.line_of(offset) + 1;
    let what = if identical { "repeat" } else { "nearly repeat" };
    let message = if run.len() == 1 {
        format!(
            "paragraph {what}s the paragraph at line {}",
            line(from.content.start)
        )
    } else {
        format!(
            "{} paragraphs {what} the paragraphs at lines {}–{}",
            run.len(),
            line(from.content.start),
            line(to.content.end)
        )
    };
    let d = Diagnostic::new(META.name, copy_start.content.start..copy_end.content.end, message)
        .with_related(from.content.start..to.content.end, "earlier copy");
    if identical {
        let what = if run.len() == 1 {
            "Delete the repeated paragraph"
        } else {
            "Delete the repeated paragraphs"
        };
        // Paragraphs next to each other go in one edit.
        let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(run.len());
        for index in run.iter().map(|&n| blocks[n].0) {
            match ranges.last_mut() {
                Some((_, last)) if *last + 1 == index => *last = index,
                _ => ranges.push((index, index)),
            }
        }
        let ranges = ranges.into_iter().map(|(first, last)| removal(doc, first..=last));
        d.with_fix(Fix::unsafe_(what, ranges.map(Edit::delete).collect()))
    } else {
        d.with_help("compare the two copies and keep the better one")
    }
}

/// `later` tells the sentence that `deck` sums up, whole: a deck or summary line (a sentence
/// without its stop) whose sentence the story then tells again, not a block printed twice. A
/// copy cut short by a page break stops mid-sentence, not before a mark.
fn restates(deck: &str, later: &str) -> bool {
    !deck.contains(['。', '！', '？'])
        && later.len() > deck.len()
        && later
            .match_indices(deck)
            .any(|(at, _)| later[at + deck.len()..].starts_with(['。', '！', '？', '；', '，']))
}

/// For each paragraph, the earlier paragraph that holds nearly all of its clauses (by
/// length), if any. Clauses (text between punctuation marks, four characters or more) are
/// hashed; a copy that lost or changed a few characters differs in one clause only. A clause
/// met in more than MAX_POSTINGS paragraphs says nothing and is left out, so the work stays
/// linear in the text. `None` paragraphs are too short to compare.
fn near_copies(
    paragraphs: &[Option<&str>],
    marks: &[Option<(&[u32], usize)>],
    expected_clauses: usize,
) -> Vec<Option<usize>> {
    let mut index = ClauseIndex {
        // Sized for the text up to a point: a long text of repeated paragraphs has few distinct
        // clauses, and the table grows as it needs.
        postings: FxHashMap::with_capacity_and_hasher(expected_clauses.min(1 << 18), Default::default()),
        overflow: Vec::new(),
        weight_shared: vec![0; paragraphs.len()],
        touched: Vec::new(),
    };
    // Sized for the paragraphs it may hold.
    let sampled_bytes = paragraphs
        .iter()
        .flatten()
        .map(|t| t.len())
        .filter(|&len| len <= 4 * MAX_SAMPLED_CHARS)
        .sum::<usize>()
        / 2;
    let mut grams = GramIndex::for_text(sampled_bytes);
    let mut best = vec![None; paragraphs.len()];
    for (n, text) in paragraphs.iter().enumerate() {
        let Some(text) = text else { continue };
        let (total, long_clauses) = match marks.get(n).copied().flatten() {
            Some((marks, base)) => index.add(n, clauses(text, marks.iter().map(move |&m| m as usize - base))),
            None => index.add(n, clauses(text, punctuation_candidates(text))),
        };
        let weight_shared = &index.weight_shared;
        let needed = (total as f64 * CONTAINMENT).ceil() as usize;
        best[n] = index
            .touched
            .iter()
            .map(|&e| e as usize)
            .filter(|&e| total > 0 && weight_shared[e] >= needed)
            .max_by_key(|&e| (weight_shared[e], std::cmp::Reverse(e)));
        // A short paragraph loses most of its clauses to a few changed characters: one clause
        // kept makes an earlier paragraph a candidate, its characters decide.
        // Characters counted once, and only where the bytes allow a short paragraph.
        let chars = (text.len() <= 4 * (MAX_EDITED_CHARS + MAX_EDITS)).then(|| text.chars().count());
        let short = chars.is_some_and(|n| n <= MAX_EDITED_CHARS + MAX_EDITS);
        let sampled =
            short && long_clauses <= MAX_SAMPLED_CLAUSES && chars.is_some_and(|n| n <= MAX_SAMPLED_CHARS);
        if best[n].is_none() && short {
            let mut candidates: Vec<usize> = index.touched.iter().map(|&e| e as usize).collect();
            candidates.sort_by_key(|&e| (std::cmp::Reverse(weight_shared[e]), e));
            candidates.truncate(MAX_EDIT_CANDIDATES);
            // Every clause changed: the earlier paragraphs that share its sampled characters.
            if candidates.is_empty() && sampled {
                candidates = grams.candidates(text);
            }
            best[n] = candidates
                .into_iter()
                .filter(|&e| paragraphs[e].is_some_and(|earlier| edited_copy(earlier, text)))
                .min();
        }
        if sampled {
            grams.add(n, text);
        }
        for e in index.touched.drain(..) {
            index.weight_shared[e as usize] = 0;
        }
    }
    best
}

/// Paragraphs this short (in characters) are compared character by character too…
const MAX_EDITED_CHARS: usize = 120;
/// … with at most this many earlier paragraphs that share a clause with them…
const MAX_EDIT_CANDIDATES: usize = 4;
/// … and are near copies when at most this many characters are changed, inserted or lost…
const MAX_EDITS: usize = 4;
/// … and at most one in this many.
const CHARS_PER_EDIT: usize = 8;

/// `later` is `earlier` with a few characters changed, inserted or lost (全市新建改建农村公路
/// 1200公里 again as 全市新建改的农村公路1200公在), and not a sentence of the same pattern with
/// other numbers (1月1日新增3例, 1月2日新增5例).
fn edited_copy(earlier: &str, later: &str) -> bool {
    let (a, b) = (earlier.chars().count(), later.chars().count());
    let allowed = MAX_EDITS.min((b / CHARS_PER_EDIT).max(2));
    if b > MAX_EDITED_CHARS || a.abs_diff(b) > allowed {
        return false;
    }
    // Characters one text has more of than the other (counted in 256 bins, so at most the
    // true count) are a lower bound of the distance, found in one pass: most candidates
    // share a clause and little else.
    let mut bins = [0i32; 256];
    earlier.chars().for_each(|c| bins[c as usize & 255] += 1);
    later.chars().for_each(|c| bins[c as usize & 255] -= 1);
    let (more, fewer) = bins
        .iter()
        .fold((0, 0), |(m, f), &d| (m + d.max(0), f + (-d).max(0)));
    if more.max(fewer) as usize > allowed {
        return false;
    }
    let distance = strsim::levenshtein(earlier, later);
    let numeral = |c: char| c.is_ascii_digit() || "〇一二三四五六七八九十百千万亿".contains(c);
    let words = |t: &str| t.chars().filter(|&c| !numeral(c)).collect::<String>();
    distance > 0 && distance <= allowed && words(earlier) != words(later)
}

/// Short paragraphs by a sample of their character trigrams: those whose hash falls in one
/// bin of GRAM_SAMPLE, so that a changed character costs a copy a few samples at most and
/// the samples of a text do not depend on where it starts. A sample is kept in one slot of a
/// table of fixed size, with the first paragraph that had it; a sample that meets another's
/// slot is lost. Candidates are only candidates: their characters decide.
struct GramIndex {
    /// (the hash's upper half, the paragraph + 1), or (0, 0) for an empty slot.
    slots: Vec<(u32, u32)>,
}

/// Paragraphs this short (in characters) are sampled: longer ones keep a clause whole.
const MAX_SAMPLED_CHARS: usize = 84;
/// … and hold at most this many clauses of four characters or more: a few changed
/// characters leave one of three clauses whole.
const MAX_SAMPLED_CLAUSES: usize = 2;
/// One trigram in this many is sampled.
const GRAM_SAMPLE: u32 = 4;
/// Sampled trigrams a candidate must share with the paragraph.
const MIN_SHARED_GRAMS: usize = 2;
/// Slots of the table at most (16 MB).
const MAX_GRAM_SLOTS: usize = 1 << 21;

impl GramIndex {
    /// A table for a text of `bytes` bytes: four slots for each sample it could hold.
    fn for_text(bytes: usize) -> Self {
        let samples = bytes / 3 / GRAM_SAMPLE as usize;
        GramIndex {
            slots: vec![(0, 0); (4 * samples).next_power_of_two().clamp(1 << 4, MAX_GRAM_SLOTS)],
        }
    }

    fn sampled(text: &str) -> impl Iterator<Item = (usize, u32)> + '_ {
        let mut window = [0u64; 3];
        text.chars().enumerate().filter_map(move |(k, c)| {
            window = [window[1], window[2], u64::from(c)];
            let hash = (window[0] << 42 | window[1] << 21 | window[2]).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            let tag = (hash >> 32) as u32;
            (k >= 2 && tag.is_multiple_of(GRAM_SAMPLE)).then_some((hash as usize, tag))
        })
    }

    fn add(&mut self, n: usize, text: &str) {
        let mask = self.slots.len() - 1;
        for (slot, tag) in Self::sampled(text) {
            let slot = &mut self.slots[slot & mask];
            if slot.1 == 0 {
                *slot = (tag, n as u32 + 1);
            }
        }
    }

    /// The earlier paragraphs that share at least MIN_SHARED_GRAMS samples with `text`, the
    /// most sharing first (at most MAX_EDIT_CANDIDATES).
    fn candidates(&self, text: &str) -> Vec<usize> {
        let mask = self.slots.len() - 1;
        let mut shared: Vec<(usize, usize)> = Vec::new();
        for (slot, tag) in Self::sampled(text) {
            let (held, paragraph) = self.slots[slot & mask];
            if paragraph == 0 || held != tag {
                continue;
            }
            let e = paragraph as usize - 1;
            match shared.iter_mut().find(|(p, _)| *p == e) {
                Some((_, count)) => *count += 1,
                None => shared.push((e, 1)),
            }
        }
        shared.retain(|&(_, count)| count >= MIN_SHARED_GRAMS);
        shared.sort_by_key(|&(e, count)| (std::cmp::Reverse(count), e));
        shared
            .into_iter()
            .take(MAX_EDIT_CANDIDATES)
            .map(|(e, _)| e)
            .collect()
    }
}

/// The paragraphs each clause stands in, and, for the paragraph being added, how much of
/// it (in bytes) each earlier paragraph shares.
struct ClauseIndex {
    postings: FxHashMap<u64, Postings>,
    /// The paragraphs after the first of each clause met more than once.
    overflow: Vec<[u32; MAX_POSTINGS - 1]>,
    weight_shared: Vec<usize>,
    /// The earlier paragraphs with a share, to reset after each paragraph.
    touched: Vec<u32>,
}

impl ClauseIndex {
    /// Adds paragraph `n`'s clauses, counting what the earlier paragraphs share; returns the
    /// length of its clauses that are not common, and how many clauses it compared.
    fn add<'t>(&mut self, n: usize, clauses: impl Iterator<Item = &'t [u8]>) -> (usize, usize) {
        let (mut total, mut count) = (0, 0);
        for clause in clauses.filter(|clause| clause.len() >= MIN_CLAUSE_BYTES) {
            count += 1;
            let list = self.postings.entry(hash_of(clause)).or_insert(Postings::EMPTY);
            if list.common {
                continue;
            }
            total += clause.len();
            let len = usize::from(list.len);
            let first = &[list.first][..len.min(1)];
            let more = match len {
                0 | 1 => &[][..],
                _ => &self.overflow[list.more as usize][..len - 1],
            };
            // A clause written twice in this paragraph is already in the list.
            for &earlier in first.iter().chain(more).filter(|&&e| e as usize != n) {
                if self.weight_shared[earlier as usize] == 0 {
                    self.touched.push(earlier);
                }
                self.weight_shared[earlier as usize] += clause.len();
            }
            let id = n as u32;
            if first.iter().chain(more).next_back() == Some(&id) {
                continue;
            }
            match len {
                0 => list.first = id,
                MAX_POSTINGS => {
                    list.common = true;
                    continue;
                }
                1 => {
                    list.more = self.overflow.len() as u32;
                    self.overflow.push([id; MAX_POSTINGS - 1]);
                }
                _ => self.overflow[list.more as usize][len - 1] = id,
            }
            list.len += 1;
        }
        (total, count)
    }
}

/// The clauses of `text`: the byte runs between punctuation marks (ASCII punctuation, the
/// CJK marks U+3000..U+303F, full-width forms, and the quotes, dashes and ellipsis of
/// U+2010..U+2027). `candidates` are the byte offsets where a mark may stand, in order.
fn clauses<'t>(
    text: &'t str,
    mut candidates: impl Iterator<Item = usize> + 't,
) -> impl Iterator<Item = &'t [u8]> + 't {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        for i in candidates.by_ref() {
            let mark = mark_len(bytes, i);
            if i < start || mark == 0 {
                continue;
            }
            let clause = &bytes[start..i];
            start = i + mark;
            if !clause.is_empty() {
                return Some(clause);
            }
        }
        (start < bytes.len()).then(|| {
            let clause = &bytes[start..];
            start = bytes.len();
            clause
        })
    })
}

/// The length of the punctuation mark at byte `i`, or 0 when there is none.
fn mark_len(bytes: &[u8], i: usize) -> usize {
    let next = bytes.get(i + 1).copied().unwrap_or(0);
    match bytes[i] {
        b if b.is_ascii_punctuation() => 1,
        0xE3 if next == 0x80 => 3,
        0xEF if matches!(next, 0xBC | 0xBD) => 3,
        0xE2 if next == 0x80 && matches!(bytes.get(i + 2), Some(0x90..=0xA7)) => 3,
        _ => 0,
    }
}

/// Every byte of `text` that is not inside a Han character (U+4E00..U+9FFF), for text that
/// has no punctuation offsets of its own (a block with its white space taken out).
fn punctuation_candidates(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let at = i;
            i += if (0xE4..=0xE9).contains(&bytes[i]) { 3 } else { 1 };
            if i == at + 1 {
                return Some(at);
            }
        }
        None
    })
}

/// The paragraphs a clause stands in, up to MAX_POSTINGS; past that it is common. Most
/// clauses stand in one paragraph: the first is kept here, the others in the index's overflow
/// table, so that an entry takes 12 bytes.
#[derive(Clone, Copy)]
struct Postings {
    first: u32,
    /// Where the others are in `ClauseIndex::overflow`, when there are any.
    more: u32,
    len: u8,
    common: bool,
}

impl Postings {
    const EMPTY: Postings = Postings {
        first: 0,
        more: 0,
        len: 0,
        common: false,
    };
}

fn hash_of(clause: &[u8]) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    clause.hash(&mut h);
    h.finish()
}

/// The bytes to delete to remove the blocks `blocks`: their lines and the blank lines after
/// them (or before them, when the last is the document's last block).
fn removal(doc: &Document, blocks: std::ops::RangeInclusive<usize>) -> std::ops::Range<usize> {
    let (first, last) = (*blocks.start(), *blocks.end());
    let start = doc.lines[doc.blocks[first].lines.start].range.start;
    match doc.blocks.get(last + 1) {
        Some(next) => start..doc.lines[next.lines.start].range.start,
        None => {
            let previous_end = first.checked_sub(1).map_or(start, |p| doc.blocks[p].content.end);
            previous_end..doc.blocks[last].content.end
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{check, diagnostics, fixed};

    const RULE: &str = "duplicated-block";
    const A: &str = "市场治理重点领域，破解传统手段难以解决的顽疾。三是赋能重点领域改革攻坚。";
    const B: &str = "会上还发布了数字重庆建设场景机会首批清单，旨在通过搭建场景机会平台。";

    #[test]
    fn a_min_chars_that_compares_nothing_useful_is_refused() {
        let build = |n: usize| {
            let value: toml::Value = toml::from_str(&format!("min-chars = {n}")).unwrap();
            super::min_chars(Some(&value))
        };
        assert!(build(0).is_err() && build(2).is_err());
        assert_eq!(build(3), Ok(3));
    }

    #[test]
    fn flags_exact_and_near_copies() {
        let text = format!("{A}\n\n{B}\n\n{A}\n");
        assert_eq!(check(RULE, &text), [A]);
        assert_eq!(fixed(RULE, &text), format!("{A}\n\n{B}\n"));
        let lost = A.replacen("市场", "市", 1);
        let found = diagnostics(RULE, &format!("{A}\n\n{B}\n\n{lost}"));
        assert_eq!(found.len(), 1);
        assert!(found[0].fix.is_none() && found[0].message.contains("line 1"));
        // Only the head of the earlier paragraph.
        let head = &A[..A.find('。').unwrap() + '。'.len_utf8()];
        assert_eq!(check(RULE, &format!("{A}\n\n{B}\n\n{head}")), [head]);
        // A copy cut short mid-sentence, then the whole paragraph: not a deck restated.
        let whole =
            "各地加快推进重大项目建设，持续扩大有效投资规模，稳步提升基础设施水平，全面优化营商环境。";
        let cut = &whole[..whole.find("营商").unwrap()];
        assert_eq!(check(RULE, &format!("{cut}\n\n{whole}")), [whole]);
    }

    #[test]
    fn a_run_of_copied_paragraphs_is_one_diagnostic() {
        const C: &str = "今年以来，全市新建改建农村公路1200公里，惠及沿线群众三十余万人。";
        let text = format!("{A}\n\n## 一\n\n{B}\n\n{C}\n\n{A}\n\n## 二\n\n{B}\n\n{C}\n");
        let found = diagnostics(RULE, &text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .message
                .starts_with("3 paragraphs repeat the paragraphs at lines 1–7"),
            "{}",
            found[0].message
        );
        assert_eq!(
            found[0].related[0].span.range(),
            0..text.find(C).unwrap() + C.len()
        );
        // The fix deletes the copies, not the heading between them (it is not a copy).
        assert_eq!(
            fixed(RULE, &text),
            format!("{A}\n\n## 一\n\n{B}\n\n{C}\n\n## 二\n")
        );
        // Copies out of order, or of paragraphs that are not next to each other, are apart.
        let shuffled = format!("{A}\n\n{B}\n\n{C}\n\n{B}\n\n{A}\n");
        assert_eq!(check(RULE, &shuffled), [B, A]);
        let gapped = format!("{A}\n\n{B}\n\n{C}\n\n{A}\n\n{C}\n");
        assert_eq!(check(RULE, &gapped), [A, C]);
        // A paragraph said three times: each later one is a copy of the first.
        let thrice = format!("{A}\n\n{A}\n\n{A}\n");
        let found = diagnostics(RULE, &thrice);
        assert!(
            found.len() == 2 && found.iter().all(|d| d.message.ends_with("line 1")),
            "{found:?}"
        );
    }

    #[test]
    fn a_short_paragraph_with_a_few_characters_changed_is_a_near_copy() {
        let original = "会议还审议并原则通过了关于加强和改进全国人大代表学习培训工作的若干意见。";
        // Its one clause changed: compared by its characters.
        let changed = "会议还审议并原则通表了关于加强和改进全国人大学习培训工作的若干意见。";
        let found = diagnostics(RULE, &format!("{original}\n\n{B}\n\n{changed}\n"));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .message
                .contains("nearly repeats the paragraph at line 1")
                && found[0].fix.is_none()
        );
        let roads = "今年以来，全市新建改建农村公路1200公里，惠及群众三十余万人。";
        let broken = "今年以来，全市新建改的农村公路1200公在，惠及群众三十余人。";
        assert_eq!(check(RULE, &format!("{roads}\n\n{broken}\n")), [broken]);
        // A near miss: too many characters changed for its length.
        let far = "今年以来，全省新修改建乡村道路1200公在，惠及群众三十余人。";
        assert_eq!(check(RULE, &format!("{roads}\n\n{far}\n")), Vec::<String>::new());
        // Sentences of one pattern with other numbers are not copies.
        for (a, b) in [
            (
                "1月1日，全市新增确诊病例3例，均为境外输入病例。",
                "1月2日，全市新增确诊病例5例，均为境外输入病例。",
            ),
            (
                "一是加强组织领导，确保各项工作落实到位见到实效。",
                "二是加强组织领导，确保各项工作落实到位见到实效。",
            ),
        ] {
            assert_eq!(check(RULE, &format!("{a}\n\n{b}\n")), Vec::<String>::new(), "{b}");
        }
    }

    #[test]
    fn short_lines_headings_and_different_text_are_clean() {
        for text in [
            "本报讯\n\n正文一。\n\n本报讯\n\n正文二。".to_owned(),
            format!("# {A}\n\n# {A}"),
            format!("{A}\n\n{B}"),
            "记者 张三 摄\n\n记者 张三 摄".to_owned(),
            "习近平对全面依法治国工作作出重要指示强调 坚持党的领导人民当家作主依法治国有机统一\n\n习近平对全面依法治国工作作出重要指示强调\n\n坚持党的领导人民当家作主依法治国有机统一".to_owned(),
            format!("{A}{B}{A}{B}\n\n{B}"),
            // A deck line whose sentence the story then tells.
            "委员们建议，要完善智慧物流基础设施，夯实互联互通基础\n\n委员们建议，要完善智慧物流基础设施，夯实互联互通基础。重视发挥龙头企业示范作用。".to_owned(),
        ] {
            assert_eq!(check(RULE, &text), Vec::<String>::new(), "{text}");
        }
    }
}
