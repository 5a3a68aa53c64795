//! A model of where Chinese words, and so sentences, end, start and carry on, for the flow
//! analysis to ask at a paragraph break.
//!
//! It is a unigram word model over jieba's dictionary (`rules/lexicon.tsv`): the probability
//! of a text is that of its best segmentation into dictionary words. Three judgements follow,
//! each a difference of log probabilities (natural log), so 0 means "no evidence":
//! - [`ends_inside_word`]: the text stops inside a word (`…新发展格`: 格局) rather than after one;
//! - [`starts_inside_word`]: the text starts with the end of a word (`济社会发展`: 经济);
//! - [`join_gain`]: a word runs across the join (`格` + `局，推动`), so the two read as one text.
//!
//! The table is laid out by `build.rs` and read in place from the binary: nothing is parsed,
//! and only the pages a look-up touches are loaded.

use super::tables::{f32_at, f64_at, u32_at, u64_at};
use std::sync::LazyLock;

/// The longest word of the table, in characters.
const MAX_WORD_CHARS: usize = 4;
/// Characters at the start of a text that may be the end of a cut word.
const MAX_SUFFIX_CHARS: usize = 2;

/// `rules/lexicon.tsv` as `build.rs` lays it out for reading in place.
static DATA: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.bin"));
static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::read(DATA).expect("build.rs lays the table out"));

/// The word table, read in place: every part is a slice of the binary's read-only data.
pub struct Lexicon {
    /// Where each word ends in `strings` (words sorted by their bytes).
    word_ends: &'static [u8],
    /// ln p(word), f32.
    log_probs: &'static [u8],
    /// jieba's part-of-speech tag of each word, as a position in the tag names.
    tags: &'static [u8],
    /// `cumulative[i]`: the summed probability of the words before word i (f64), for the mass
    /// of a prefix.
    cumulative: &'static [u8],
    /// Open addressing over the words' FNV-1a hashes: the hash's top bits above word index + 1
    /// (SLOT_INDEX_BITS), or 0. Most look-ups are of text that is no word: the tags turn
    /// them away without reading the words the probes meet.
    slots: &'static [u8],
    /// Sorted pairs of characters that stand side by side inside a word.
    pairs: &'static [u8],
    /// Sorted one- and two-character endings of longer words, and ln of their summed p.
    suffix_keys: &'static [u8],
    suffix_masses: &'static [u8],
    tag_ends: &'static [u8],
    /// The words, then the tag names (UTF-8; compared as bytes, which orders as the text does).
    strings: &'static [u8],
    count: usize,
    /// ln p of a character the table does not hold as a word.
    unknown: f32,
}

/// The low bits of a hash slot (as `build.rs` lays them out).
const SLOT_INDEX_BITS: u32 = 20;

/// The same hash as `build.rs`.
fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Two characters as one key, as `build.rs` makes it (`b` = 0 for one character).
fn pair_key(a: char, b: Option<char>) -> u64 {
    (u64::from(a as u32) << 32) | u64::from(b.map_or(0, |b| b as u32))
}

/// Whether the sorted u64 table holds `key`, and where.
fn find_u64(table: &[u8], key: u64) -> Option<usize> {
    let (mut lo, mut hi) = (0, table.len() / 8);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match u64_at(table, mid).cmp(&key) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(mid),
        }
    }
    None
}

impl Lexicon {
    fn read(data: &'static [u8]) -> Option<Lexicon> {
        let rest = data.strip_prefix(b"NLLEX02\n")?;
        let [n, h, m, s, t, b] = [0, 1, 2, 3, 4, 5].map(|i| u32_at(rest, i) as usize);
        let total = f64::from_bits(u64::from_le_bytes(rest.get(24..32)?.try_into().ok()?));
        let mut at = 32;
        let mut take = |len: usize, pad: bool| {
            let part = rest.get(at..at + len);
            at += len;
            if pad {
                at = at.next_multiple_of(8);
            }
            part
        };
        Some(Lexicon {
            word_ends: take(n * 4, false)?,
            log_probs: take(n * 4, false)?,
            tags: take(n, true)?,
            cumulative: take((n + 1) * 8, false)?,
            slots: take(h * 4, true)?,
            pairs: take(m * 8, false)?,
            suffix_keys: take(s * 8, false)?,
            suffix_masses: take(s * 4, true)?,
            tag_ends: take(t * 4, true)?,
            strings: take(b, false)?,
            count: n,
            unknown: (1.0 / total).ln() as f32,
        })
    }

    fn word(&self, i: usize) -> &'static [u8] {
        let start = if i == 0 {
            0
        } else {
            u32_at(self.word_ends, i - 1) as usize
        };
        &self.strings[start..u32_at(self.word_ends, i) as usize]
    }

    fn index(&self, word: &str) -> Option<usize> {
        let mask = self.slots.len() / 4 - 1;
        let hash = fnv(word.as_bytes());
        let tag = (hash >> (64 - (32 - SLOT_INDEX_BITS))) as u32;
        let mut at = hash as usize & mask;
        loop {
            let slot = u32_at(self.slots, at);
            if slot == 0 {
                return None;
            }
            let index = (slot & ((1 << SLOT_INDEX_BITS) - 1)) as usize - 1;
            if slot >> SLOT_INDEX_BITS == tag && self.word(index) == word.as_bytes() {
                return Some(index);
            }
            at = (at + 1) & mask;
        }
    }

    /// Whether two characters stand side by side inside a word of the table: most joins are
    /// ruled out by this one look-up.
    fn adjacent(&self, a: char, b: char) -> bool {
        find_u64(self.pairs, pair_key(a, Some(b))).is_some()
    }

    /// ln p(word), when the table holds it.
    pub fn log_p(&self, word: &str) -> Option<f32> {
        self.index(word).map(|i| f32_at(self.log_probs, i))
    }

    /// Whether the table holds `word`.
    pub fn has(&self, word: &str) -> bool {
        self.index(word).is_some()
    }

    /// The part-of-speech tag jieba gives `word` (p preposition, c conjunction, r pronoun…).
    pub fn tag(&self, word: &str) -> Option<&'static str> {
        let k = usize::from(*self.tags.get(self.index(word)?)?);
        let start = if k == 0 {
            u32_at(self.word_ends, self.count - 1) as usize
        } else {
            u32_at(self.tag_ends, k - 1) as usize
        };
        std::str::from_utf8(self.strings.get(start..u32_at(self.tag_ends, k) as usize)?).ok()
    }

    /// The first word index at or after which words are not below `key`.
    fn lower_bound(&self, key: &str) -> usize {
        let (mut lo, mut hi) = (0, self.count);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.word(mid) < key.as_bytes() {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// ln of the summed probability of the words that start with `prefix` and are longer.
    pub fn log_prefix_mass(&self, prefix: &str) -> f32 {
        let from = self.lower_bound(prefix);
        let (mut lo, mut hi) = (from, self.count);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.word(mid).starts_with(prefix.as_bytes()) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let to = lo;
        let exact = from < self.count && self.word(from) == prefix.as_bytes();
        let first = if exact { from + 1 } else { from };
        let mass = f64_at(self.cumulative, to) - f64_at(self.cumulative, first.min(to));
        if mass > 0.0 {
            mass.ln() as f32
        } else {
            f32::NEG_INFINITY
        }
    }

    fn log_suffix_mass(&self, suffix: &str) -> f32 {
        let mut chars = suffix.chars();
        let (Some(a), b, None) = (chars.next(), chars.next(), chars.next()) else {
            return f32::NEG_INFINITY;
        };
        find_u64(self.suffix_keys, pair_key(a, b))
            .map_or(f32::NEG_INFINITY, |i| f32_at(self.suffix_masses, i))
    }

    /// ln p of the best segmentation of `text` into words of the table (a character it does
    /// not hold counts as a rare word of its own).
    pub fn best(&self, text: &str) -> f32 {
        self.lattice(text).1.last().copied().unwrap_or(0.0)
    }

    /// The words of the best segmentation of `text`, in order.
    pub fn segment<'t>(&self, text: &'t str) -> Vec<&'t str> {
        let (starts, _, from) = self.lattice(text);
        let mut words = Vec::new();
        let mut j = starts.len() - 1;
        while j > 0 {
            words.push(&text[starts[from[j]]..starts[j]]);
            j = from[j];
        }
        words.reverse();
        words
    }

    /// The character starts of `text` (and its end), and the best score of each suffix.
    fn suffix_lattice(&self, text: &str) -> (Vec<usize>, Vec<f32>) {
        let starts = char_starts(text);
        let n = starts.len() - 1;
        let mut best = vec![f32::NEG_INFINITY; n + 1];
        best[n] = 0.0;
        for i in (0..n).rev() {
            for j in i + 1..=(i + MAX_WORD_CHARS).min(n) {
                if let Some(score) = self.word_score(text, &starts, i, j) {
                    best[i] = best[i].max(score + best[j]);
                }
            }
        }
        (starts, best)
    }

    /// ln p of the characters `i..j` of `text` as one word; a single character the table does
    /// not hold counts as a rare word, a longer run as none.
    fn word_score(&self, text: &str, starts: &[usize], i: usize, j: usize) -> Option<f32> {
        match self.log_p(&text[starts[i]..starts[j]]) {
            Some(p) => Some(p),
            None if j == i + 1 => Some(self.unknown),
            None => None,
        }
    }

    /// The character starts of `text` (and its end), the best score of each prefix, and
    /// where the last word of that best reading starts.
    fn lattice(&self, text: &str) -> (Vec<usize>, Vec<f32>, Vec<usize>) {
        let starts = char_starts(text);
        let n = starts.len() - 1;
        let mut best = vec![f32::NEG_INFINITY; n + 1];
        let mut from = vec![0; n + 1];
        best[0] = 0.0;
        for i in 0..n {
            if best[i] == f32::NEG_INFINITY {
                continue;
            }
            for j in i + 1..=(i + MAX_WORD_CHARS).min(n) {
                let Some(score) = self.word_score(text, &starts, i, j) else {
                    continue;
                };
                if best[i] + score > best[j] {
                    best[j] = best[i] + score;
                    from[j] = i;
                }
            }
        }
        (starts, best, from)
    }
}

/// The byte offset of each character of `text`, and its end.
fn char_starts(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect()
}

pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// How much likelier it is that `text` (Han characters) stops inside a word than after one:
/// its last one to three characters begin a longer word, against the best reading that ends
/// on a whole word.
pub fn ends_inside_word(text: &str) -> f32 {
    if text.is_empty() {
        return f32::NEG_INFINITY;
    }
    let lexicon = lexicon();
    // The best reading of every prefix, from one pass.
    let (starts, prefix, _) = lexicon.lattice(text);
    let n = starts.len() - 1;
    (n.saturating_sub(MAX_WORD_CHARS - 1)..n)
        .map(|k| prefix[k] + lexicon.log_prefix_mass(&text[starts[k]..]))
        .fold(f32::NEG_INFINITY, f32::max)
        - prefix[n]
}

/// How much likelier it is that `text` (Han characters) starts with the end of a word than
/// with a word: its first one or two characters end a longer word.
pub fn starts_inside_word(text: &str) -> f32 {
    if text.is_empty() {
        return f32::NEG_INFINITY;
    }
    let lexicon = lexicon();
    // The best reading of every suffix, from one pass.
    let (starts, suffix) = lexicon.suffix_lattice(text);
    let n = starts.len() - 1;
    (1..=MAX_SUFFIX_CHARS.min(n))
        .map(|k| lexicon.log_suffix_mass(&text[..starts[k]]) + suffix[k])
        .fold(f32::NEG_INFINITY, f32::max)
        - suffix[0]
}

/// How much likelier `before` and `after` (Han characters) are as one text than as two: more
/// than 0 only when a word runs across the join and reads better than the words on either
/// side.
pub fn join_gain(before: &str, after: &str) -> f32 {
    let (Some(last), Some(first)) = (before.chars().next_back(), after.chars().next()) else {
        return 0.0;
    };
    let lexicon = lexicon();
    // No word holds the two characters side by side: nothing can run across.
    if !lexicon.adjacent(last, first) {
        return 0.0;
    }
    // One pass over the joined text reads `before` too: the best reading of a prefix.
    let joined = format!("{before}{after}");
    let (starts, prefix, _) = lexicon.lattice(&joined);
    let k = starts.partition_point(|&at| at < before.len());
    prefix[starts.len() - 1] - prefix[k] - lexicon.best(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_whole() {
        let lexicon = lexicon();
        assert!(lexicon.count > 250_000);
        assert!((1..lexicon.count).all(|i| lexicon.word(i - 1) < lexicon.word(i)));
        assert!((0..lexicon.count).step_by(997).all(|i| {
            let word = std::str::from_utf8(lexicon.word(i)).expect("UTF-8");
            lexicon.index(word) == Some(i)
        }));
        assert_eq!((lexicon.tag("在"), lexicon.tag("经济")), (Some("p"), Some("n")));
        assert!(lexicon.log_p("经济").is_some() && lexicon.log_p("经济学家们的").is_none());
        assert!(lexicon.log_p("经济") > lexicon.log_p("济"));
    }

    #[test]
    fn cut_words_at_the_end() {
        // A last character that is also a word of its own (管理住: 住宿, or 住) is left to the
        // trigram model and to the next paragraph.
        for text in ["加快构建新发展格", "就没有中华民", "年度计", "通过高端访谈栏"] {
            assert!(ends_inside_word(text) > 0.0, "{text}: {}", ends_inside_word(text));
        }
        for text in [
            "各类物资储备充足",
            "坚持稳中求进才能行稳致远",
            "投入使用",
            "取得新成效",
        ] {
            assert!(ends_inside_word(text) < 0.0, "{text}: {}", ends_inside_word(text));
        }
    }

    #[test]
    fn cut_words_at_the_start() {
        for text in ["济社会发展取得新成效", "们纷纷表示", "族的伟大复兴"] {
            assert!(
                starts_inside_word(text) > 0.0,
                "{text}: {}",
                starts_inside_word(text)
            );
        }
        // 据了解 scores above 0 (根据, 数据): the flow analysis asks only when the first
        // character stands alone in the best reading, and wants a wide margin.
        for text in ["目前全市", "我们纷纷表示", "经济社会发展", "近年来"] {
            assert!(
                starts_inside_word(text) < 0.0,
                "{text}: {}",
                starts_inside_word(text)
            );
        }
    }

    #[test]
    fn known_joins_score_above_unrelated_pairs() {
        let joins = [
            ("加快构建新发展格", "局推动"),
            ("投入使用的新", "能源汽车"),
            ("中华民", "族的伟大"),
        ];
        let apart = [
            ("各类物资储备充足", "据了解今年以来"),
            ("投入使用", "目前全市"),
            ("取得新成效", "记者了解到"),
        ];
        let lowest_join = joins
            .iter()
            .map(|(a, b)| join_gain(a, b))
            .fold(f32::INFINITY, f32::min);
        let highest_apart = apart
            .iter()
            .map(|(a, b)| join_gain(a, b))
            .fold(f32::NEG_INFINITY, f32::max);
        assert!(lowest_join > highest_apart, "{lowest_join} <= {highest_apart}");
    }
}
