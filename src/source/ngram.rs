//! The word trigram model of `rules/trigram.bin` (open-gram, from Debian's sunpinyin-data:
//! see `rules/trigram.LICENSE` and `scripts/build-trigram`), read in place: the file is part
//! of the binary's read-only data, so nothing is parsed and pages are touched only where a
//! paragraph boundary asks.
//!
//! Its tokens include the punctuation marks 。，；？！：“”、…, so it knows how likely a
//! sentence end is after a pair of words, and how likely two words are to follow each other
//! across a join. Costs are -ln p, quantised to steps of 0.1.

use super::chars::is_han;
use super::tables::{u32_at, u64_at};
use std::sync::LazyLock;

static DATA: &[u8] = include_bytes!("../../rules/trigram.bin");
static MODEL: LazyLock<Option<Ngram>> = LazyLock::new(|| Ngram::read(DATA));

const MAGIC: &[u8; 8] = b"NLTRI01\n";
const STEP: f32 = 0.1;
const BACKOFF_SHIFT: f32 = 8.0;
/// The longest word the segmenter tries, in characters.
const MAX_WORD_CHARS: usize = 8;
/// Added to the cost of a Han character the vocabulary does not hold.
const UNKNOWN_PENALTY: f32 = 4.0;

/// Id of sunpinyin's "not a word" (numbers, Latin, anything outside the vocabulary): the
/// empty word, which sorts first.
const NOT_A_WORD: u32 = 0;

pub struct Ngram {
    words: &'static [u8],
    word_end: &'static [u8],
    unigram: &'static [u8],
    unigram_backoff: &'static [u8],
    bigram_start: &'static [u8],
    bigram: &'static [u8],
    bigram_backoff: &'static [u8],
    trigram: &'static [u8],
    count: usize,
    /// For each Han character of the basic block, the ids of the words that start with it
    /// (words sort by their bytes, so they stand together): a look-up searches a few words,
    /// not all of them.
    han_ranges: Box<[(u32, u32)]>,
}

/// The Han characters `han_ranges` covers.
const HAN_FIRST: u32 = 0x4E00;
const HAN_LAST: u32 = 0x9FFF;

fn cost_of(q: u8) -> f32 {
    f32::from(q) * STEP
}

fn backoff_of(q: u8) -> f32 {
    f32::from(q) * STEP - BACKOFF_SHIFT
}

/// The model, or `None` if the data file does not read (then the judgements that need it
/// are left to the dictionary alone).
pub fn model() -> Option<&'static Ngram> {
    MODEL.as_ref()
}

impl Ngram {
    fn read(data: &'static [u8]) -> Option<Ngram> {
        let rest = data.strip_prefix(MAGIC)?;
        let header = rest.get(..16)?;
        let [v, b, t, w] = [0, 1, 2, 3].map(|i| u32_at(header, i) as usize);
        let mut at = 16;
        let mut take = |len: usize| {
            let part = rest.get(at..at + len);
            at += len;
            part
        };
        let mut model = Ngram {
            words: take(w)?,
            word_end: take(v * 4)?,
            unigram: take(v)?,
            unigram_backoff: take(v)?,
            bigram_start: take((v + 1) * 4)?,
            bigram: take(b * 4)?,
            bigram_backoff: take(b)?,
            trigram: take(t * 8)?,
            count: v,
            han_ranges: Box::new([]),
        };
        if at != rest.len() {
            return None;
        }
        let mut ranges = vec![(0, 0); (HAN_LAST - HAN_FIRST + 1) as usize];
        for id in 0..v {
            // The first character's code point, from its three UTF-8 bytes.
            let first = match *model.word_bytes(id) {
                [a @ 0xE0..=0xEF, b, c, ..] => char::from_u32(
                    (u32::from(a & 0x0F) << 12) | (u32::from(b & 0x3F) << 6) | u32::from(c & 0x3F),
                ),
                _ => None,
            };
            if let Some(k) = first.and_then(han_index) {
                let range = &mut ranges[k];
                if range.0 == range.1 {
                    *range = (id as u32, id as u32 + 1);
                } else {
                    range.1 = id as u32 + 1;
                }
            }
        }
        model.han_ranges = ranges.into_boxed_slice();
        Some(model)
    }

    fn word_bytes(&self, id: usize) -> &'static [u8] {
        let start = if id == 0 {
            0
        } else {
            u32_at(self.word_end, id - 1) as usize
        };
        let end = u32_at(self.word_end, id) as usize - 1;
        &self.words[start..end]
    }

    #[cfg(test)]
    fn word(&self, id: usize) -> &'static str {
        std::str::from_utf8(self.word_bytes(id)).unwrap_or("")
    }

    /// The id of a word of the vocabulary.
    pub fn id(&self, word: &str) -> Option<u32> {
        self.lookup(word).0
    }

    /// The id of `word`, and whether some longer word of the vocabulary starts with it (so
    /// that a segmenter knows when to stop trying longer words).
    fn lookup(&self, word: &str) -> (Option<u32>, bool) {
        let key = word.as_bytes();
        let (mut lo, mut hi) = match word.chars().next().and_then(han_index) {
            Some(k) => {
                let (from, to) = self.han_ranges[k];
                (from as usize, to as usize)
            }
            None => (0, self.count),
        };
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.word_bytes(mid) < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let at = |i: usize| (i < self.count).then(|| self.word_bytes(i));
        match at(lo) {
            Some(w) if w == key => (
                Some(lo as u32),
                at(lo + 1).is_some_and(|next| next.starts_with(key)),
            ),
            Some(w) => (None, w.starts_with(key)),
            None => (None, false),
        }
    }

    fn bigram_entry(&self, first: u32, next: u32) -> Option<usize> {
        let from = u32_at(self.bigram_start, first as usize) as usize;
        let to = u32_at(self.bigram_start, first as usize + 1) as usize;
        let (mut lo, mut hi) = (from, to);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let word = u32_at(self.bigram, mid) >> 8;
            match word.cmp(&next) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    fn trigram_cost(&self, a: u32, b: u32, c: u32) -> Option<f32> {
        let key = (u64::from(a) << 34) | (u64::from(b) << 17) | u64::from(c);
        let count = self.trigram.len() / 8;
        let (mut lo, mut hi) = (0, count);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let entry = u64_at(self.trigram, mid);
            match (entry >> 8).cmp(&key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(cost_of((entry & 0xFF) as u8)),
            }
        }
        None
    }

    fn unigram_cost(&self, word: u32) -> f32 {
        cost_of(self.unigram[word as usize])
    }

    /// -ln p(word | h1), backed off to the unigram.
    fn bigram_cost(&self, h1: u32, word: u32) -> f32 {
        match self.bigram_entry(h1, word) {
            Some(i) => cost_of((u32_at(self.bigram, i) & 0xFF) as u8),
            None => backoff_of(self.unigram_backoff[h1 as usize]) + self.unigram_cost(word),
        }
    }

    /// -ln p(word | h2 h1), backed off to the bigram.
    pub fn cost(&self, history: &[u32], word: u32) -> f32 {
        match *history {
            [.., h2, h1] => {
                if let Some(cost) = self.trigram_cost(h2, h1, word) {
                    return cost;
                }
                let backoff = self
                    .bigram_entry(h2, h1)
                    .map_or(0.0, |i| backoff_of(self.bigram_backoff[i]));
                backoff + self.bigram_cost(h1, word)
            }
            [h1] => self.bigram_cost(h1, word),
            [] => self.unigram_cost(word),
        }
    }

    /// The cost of `tokens` after `history`.
    pub fn sequence_cost(&self, history: &[u32], tokens: &[u32]) -> f32 {
        let mut all: Vec<u32> = history.to_vec();
        let mut total = 0.0;
        for &token in tokens {
            let from = all.len().saturating_sub(2);
            total += self.cost(&all[from..], token);
            all.push(token);
        }
        total
    }

    /// Splits `text` into tokens of the vocabulary: its best segmentation by unigram cost for
    /// runs of Han, one token per punctuation mark it knows, and one "not a word" for any other
    /// run (numbers, Latin).
    pub fn tokens(&self, text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            if is_han(c) {
                let end = rest.find(|c: char| !is_han(c)).unwrap_or(rest.len());
                self.segment(&rest[..end], &mut out);
                rest = &rest[end..];
            } else if let Some(id) = self.id(&rest[..c.len_utf8()]).filter(|_| !c.is_whitespace()) {
                out.push(id);
                rest = &rest[c.len_utf8()..];
            } else {
                let end = rest
                    .find(|c: char| is_han(c) || self.id(c.encode_utf8(&mut [0; 4])).is_some())
                    .unwrap_or(rest.len())
                    .max(c.len_utf8());
                if !rest[..end].trim().is_empty() {
                    out.push(NOT_A_WORD);
                }
                rest = &rest[end..];
            }
        }
        out
    }

    fn segment(&self, han: &str, out: &mut Vec<u32>) {
        let starts: Vec<usize> = han.char_indices().map(|(i, _)| i).chain([han.len()]).collect();
        let n = starts.len() - 1;
        let mut best = vec![(f32::INFINITY, 0usize, NOT_A_WORD); n + 1];
        best[0].0 = 0.0;
        for i in 0..n {
            let base = best[i].0;
            for j in i + 1..=(i + MAX_WORD_CHARS).min(n) {
                let (found, longer) = self.lookup(&han[starts[i]..starts[j]]);
                let scored = match found {
                    Some(id) => Some((id, self.unigram_cost(id))),
                    None if j == i + 1 => Some((NOT_A_WORD, self.unigram_cost(NOT_A_WORD) + UNKNOWN_PENALTY)),
                    None => None,
                };
                if let Some((id, cost)) = scored
                    && base + cost < best[j].0
                {
                    best[j] = (base + cost, i, id);
                }
                if !longer {
                    break;
                }
            }
        }
        let mut ids = Vec::new();
        let mut at = n;
        while at > 0 {
            ids.push(best[at].2);
            at = best[at].1;
        }
        out.extend(ids.into_iter().rev());
    }
}

/// Where `c` stands in `han_ranges`.
fn han_index(c: char) -> Option<usize> {
    (HAN_FIRST..=HAN_LAST)
        .contains(&(c as u32))
        .then(|| (c as u32 - HAN_FIRST) as usize)
}

/// Marks after which a sentence is over.
const SENTENCE_ENDS: [&str; 4] = ["。", "！", "？", "；"];

/// How likely a sentence end is right after `text`: ln p of the likeliest of 。！？；
/// after its last two words (a number near 0 is likely, -5 and below unlikely).
pub fn log_p_end(text: &str) -> Option<f32> {
    let model = model()?;
    let tokens = model.tokens(text);
    let history = &tokens[tokens.len().saturating_sub(2)..];
    SENTENCE_ENDS
        .iter()
        .filter_map(|m| model.id(m))
        .map(|end| -model.cost(history, end))
        .reduce(f32::max)
}

/// The cost of `text` read as a text of its own: a text asked about against several others
/// is scored once, and the costs of two texts summed are `apart` below.
pub fn cost_alone(text: &str) -> Option<f32> {
    let model = model()?;
    Some(model.sequence_cost(&[], &model.tokens(text)))
}

/// How much likelier `before` followed by `after` is as one text than as two texts read
/// apart (ln of the ratio; `apart` is their `cost_alone` summed): how much `before`'s last
/// words tell about `after`'s first ones. Near 0 for unrelated texts; well above it where a
/// word or a phrase runs across the join.
pub fn log_odds_join_apart(before: &str, after: &str, apart: f32) -> Option<f32> {
    let model = model()?;
    let joined = model.tokens(&format!("{before}{after}"));
    Some(apart - model.sequence_cost(&[], &joined))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_reads() {
        let model = model().expect("rules/trigram.bin reads");
        assert!(model.count > 70_000);
        assert_eq!(model.word(0), "");
        for i in 1..model.count.min(5_000) {
            assert!(model.word(i - 1) < model.word(i));
        }
        let id = model.id("经济").expect("a common word");
        assert_eq!(model.word(id as usize), "经济");
        assert!(model.id("。").is_some() && model.id("，").is_some());
    }

    #[test]
    fn segments_and_scores() {
        let model = model().unwrap();
        let tokens = model.tokens("推动经济发展，2023年");
        let words: Vec<&str> = tokens.iter().map(|&t| model.word(t as usize)).collect();
        assert_eq!(words, ["推动", "经济发展", "，", "", "年"]);
        assert!(log_p_end("取得了显著成效").unwrap() > log_p_end("取得了显著的").unwrap());
    }
}
