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
//! The table is parsed on first use (a few tens of milliseconds), only when a boundary needs
//! it: a file whose paragraphs all end with a full stop never loads it.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::{LazyLock, OnceLock};

/// The longest word of the table, in characters.
const MAX_WORD_CHARS: usize = 4;
/// Characters at the start of a text that may be the end of a cut word.
const MAX_SUFFIX_CHARS: usize = 2;

static DATA: &str = include_str!("../../rules/lexicon.tsv");
static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(DATA));

pub struct Lexicon {
    /// Words sorted by their bytes, with p(word).
    words: Vec<(&'static str, f32)>,
    /// jieba's part-of-speech tag of each word, in the same order, as a position in
    /// `tag_names` (a byte a word instead of a string).
    tags: Vec<u8>,
    tag_names: Vec<&'static str>,
    /// Each word's position in `words`: looked up far more often than ranges are.
    index: FxHashMap<&'static str, u32>,
    /// `cumulative[i]`: the summed probability of `words[..i]`, for the mass of a prefix.
    cumulative: Vec<f64>,
    /// ln of the summed probability of the words longer than the key that end with it.
    suffixes: OnceLock<FxHashMap<&'static str, f32>>,
    /// Characters side by side inside a word.
    pairs: OnceLock<FxHashSet<(char, char)>>,
    /// ln p of a character the table does not hold as a word.
    unknown: f32,
}

impl Lexicon {
    fn parse(data: &'static str) -> Lexicon {
        let mut total = 0f64;
        let mut counted = Vec::with_capacity(320_000);
        let mut tags = Vec::with_capacity(320_000);
        let mut tag_names: Vec<&'static str> = Vec::new();
        for line in data.lines() {
            if let Some(rest) = line.strip_prefix("# total\t") {
                total = rest.trim().parse().unwrap_or(0.0);
                continue;
            }
            if line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(word), Some(Ok(freq))) = (fields.next(), fields.next().map(str::parse::<u32>)) else {
                continue;
            };
            let freq = f64::from(freq);
            counted.push((word, freq));
            let tag = fields.next().unwrap_or("");
            let k = match tag_names.iter().position(|t| *t == tag) {
                Some(k) => k,
                None => {
                    tag_names.push(tag);
                    tag_names.len() - 1
                }
            };
            tags.push(u8::try_from(k).unwrap_or(u8::MAX));
        }
        let total = total.max(counted.iter().map(|(_, f)| f).sum::<f64>()).max(1.0);
        let mut cumulative = Vec::with_capacity(counted.len() + 1);
        let mut sum = 0f64;
        cumulative.push(0.0);
        // Probabilities, not their logarithms: a log is taken only for the few words looked up.
        let words = counted
            .into_iter()
            .map(|(word, freq)| {
                let p = freq / total;
                sum += p;
                cumulative.push(sum);
                (word, p as f32)
            })
            .collect();
        let words: Vec<(&'static str, f32)> = words;
        let index = words
            .iter()
            .enumerate()
            .map(|(i, &(w, _))| (w, i as u32))
            .collect();
        Lexicon {
            words,
            tags,
            tag_names,
            index,
            cumulative,
            suffixes: OnceLock::new(),
            pairs: OnceLock::new(),
            unknown: (1.0 / total).ln() as f32,
        }
    }

    /// Every pair of characters that stand side by side inside a word of the table, made on
    /// first use: most joins are ruled out by one look-up.
    fn adjacent_pairs(&self) -> &FxHashSet<(char, char)> {
        self.pairs.get_or_init(|| {
            let mut pairs = FxHashSet::default();
            pairs.reserve(500_000);
            for &(word, _) in &self.words {
                let mut chars = word.chars();
                let Some(mut previous) = chars.next() else {
                    continue;
                };
                for c in chars {
                    pairs.insert((previous, c));
                    previous = c;
                }
            }
            pairs
        })
    }

    /// The suffix masses, made on first use: only a paragraph that may start inside a word
    /// asks for them.
    fn suffixes(&self) -> &FxHashMap<&'static str, f32> {
        self.suffixes.get_or_init(|| {
            let mut mass: FxHashMap<&'static str, f64> = FxHashMap::default();
            mass.reserve(150_000);
            for (i, &(word, _)) in self.words.iter().enumerate() {
                let p = self.cumulative[i + 1] - self.cumulative[i];
                let mut starts = word.char_indices().map(|(i, _)| i).rev();
                for _ in 0..MAX_SUFFIX_CHARS {
                    match starts.next() {
                        Some(at) if at > 0 => *mass.entry(&word[at..]).or_default() += p,
                        _ => break,
                    }
                }
            }
            mass.into_iter().map(|(k, v)| (k, v.ln() as f32)).collect()
        })
    }

    /// ln p(word), when the table holds it.
    pub fn log_p(&self, word: &str) -> Option<f32> {
        self.index.get(word).map(|&i| self.words[i as usize].1.ln())
    }

    /// Whether the table holds `word`.
    pub fn has(&self, word: &str) -> bool {
        self.index.contains_key(word)
    }

    /// The part-of-speech tag jieba gives `word` (p preposition, c conjunction, r pronoun…).
    pub fn tag(&self, word: &str) -> Option<&'static str> {
        let k = *self.tags.get(*self.index.get(word)? as usize)?;
        self.tag_names.get(usize::from(k)).copied()
    }

    /// ln of the summed probability of the words that start with `prefix` and are longer.
    fn log_prefix_mass(&self, prefix: &str) -> f32 {
        let from = self.words.partition_point(|(w, _)| *w < prefix);
        let to = from + self.words[from..].partition_point(|(w, _)| w.starts_with(prefix));
        let exact = self.words.get(from).is_some_and(|(w, _)| *w == prefix);
        let first = if exact { from + 1 } else { from };
        let mass = self.cumulative[to] - self.cumulative[first.min(to)];
        if mass > 0.0 {
            mass.ln() as f32
        } else {
            f32::NEG_INFINITY
        }
    }

    fn log_suffix_mass(&self, suffix: &str) -> f32 {
        self.suffixes().get(suffix).copied().unwrap_or(f32::NEG_INFINITY)
    }

    /// ln p of the best segmentation of `text` into words of the table (a character it does
    /// not hold counts as a rare word of its own).
    pub fn best(&self, text: &str) -> f32 {
        let starts: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()))
            .collect();
        let n = starts.len() - 1;
        let mut best = vec![f32::NEG_INFINITY; n + 1];
        best[0] = 0.0;
        for i in 0..n {
            if best[i] == f32::NEG_INFINITY {
                continue;
            }
            for j in i + 1..=(i + MAX_WORD_CHARS).min(n) {
                let word = &text[starts[i]..starts[j]];
                let score = match self.log_p(word) {
                    Some(p) => p,
                    None if j == i + 1 => self.unknown,
                    None => continue,
                };
                best[j] = best[j].max(best[i] + score);
            }
        }
        best[n]
    }
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
    let whole = lexicon.best(text);
    let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    starts
        .iter()
        .rev()
        .take(MAX_WORD_CHARS - 1)
        .map(|&at| lexicon.best(&text[..at]) + lexicon.log_prefix_mass(&text[at..]))
        .fold(f32::NEG_INFINITY, f32::max)
        - whole
}

/// How much likelier it is that `text` (Han characters) starts with the end of a word than
/// with a word: its first one or two characters end a longer word.
pub fn starts_inside_word(text: &str) -> f32 {
    if text.is_empty() {
        return f32::NEG_INFINITY;
    }
    let lexicon = lexicon();
    let whole = lexicon.best(text);
    text.char_indices()
        .skip(1)
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .take(MAX_SUFFIX_CHARS)
        .map(|at| lexicon.log_suffix_mass(&text[..at]) + lexicon.best(&text[at..]))
        .fold(f32::NEG_INFINITY, f32::max)
        - whole
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
    if !lexicon.adjacent_pairs().contains(&(last, first)) {
        return 0.0;
    }
    let joined = format!("{before}{after}");
    lexicon.best(&joined) - lexicon.best(before) - lexicon.best(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_whole() {
        let lexicon = lexicon();
        assert!(lexicon.words.len() > 250_000);
        assert!(lexicon.words.windows(2).all(|w| w[0].0 < w[1].0));
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
