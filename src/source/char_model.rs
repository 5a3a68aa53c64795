//! A character n-gram model of where sentences end and start, built by `newslint model build`
//! from a clean corpus of the user's own and used with `--model` in place of the shipped word
//! trigram. A paper's own text knows its style (its headlines, its datelines, its set
//! phrases) better than any general model.
//!
//! One table of n-gram counts serves both directions: c(w₁…wₙ) / c(w₁…wₙ₋₁) is how likely
//! wₙ follows, c(w₁…wₙ) / c(w₂…wₙ) how likely w₁ comes before. Scores back off to shorter
//! contexts by a fixed factor ("stupid backoff"), which needs no normalisation and keeps the
//! file a sorted list of hashed n-grams with their counts.
//!
//! The file also carries the model's own thresholds, measured on the text it was built from:
//! the scores below which only a small share of real sentence ends and starts fall.

use rustc_hash::FxHashMap;
use std::path::Path;

const MAGIC: &[u8; 8] = b"NLCHR01\n";
const HEADER_LEN: usize = 8 + 4 + 4 + 8 + 8 + 4 * 4;
/// Stands before a paragraph's first character and after its last.
const BOUNDARY: char = '\u{2}';
/// ln of the factor a score loses each time it backs off to a shorter context.
const BACKOFF: f32 = -0.916;
/// The marks that end a sentence.
const STOPS: [char; 3] = ['。', '！', '？'];
/// What stands before a sentence's first character: a stop, or the paragraph's start.
const BEFORE_START: [char; 4] = [BOUNDARY, '。', '！', '？'];
/// Characters of the second text a join is scored on.
const JOIN_CHARS: usize = 4;

pub const DEFAULT_ORDER: usize = 5;
pub const MAX_ORDER: usize = 8;

/// Shares of the real sentence ends of the training text that score below the thresholds the
/// model records.
const UNLIKELY_SHARE: f64 = 0.005;
const DOUBTFUL_SHARE: f64 = 0.03;
/// Shares of pairs of unrelated texts (a cut mid-sentence, another paragraph's start) that
/// score below the join thresholds the model records: the shares of such pairs the shipped
/// trigram model puts below its own thresholds on corpus-dev.
const JOIN_SHARE: f64 = 0.969;
const STRONG_JOIN_SHARE: f64 = 0.991;
/// Sentence ends, cuts and paragraph starts sampled for the thresholds.
const SAMPLES: usize = 50_000;
/// One position in this many is offered as a cut.
const CUT_STEP: usize = 8;
/// A paragraph starts mid-sentence when its first characters (at least MIN_START_CONTEXT of
/// them), met MIN_START_EVIDENCE times or more, opened a sentence in less than this share.
const START_SHARE: f64 = 1.0 / 50.0;
const MIN_START_CONTEXT: usize = 3;
const MIN_START_EVIDENCE: u64 = 30;

/// The characters the model sees: white space dropped, digits and Latin letters each made
/// one character (a number or a name is a number or a name, whatever it spells).
fn normal(c: char) -> Option<char> {
    match c {
        c if c.is_whitespace() => None,
        '0'..='9' | '０'..='９' => Some('0'),
        'a'..='z' | 'A'..='Z' | 'ａ'..='ｚ' | 'Ａ'..='Ｚ' => Some('a'),
        c => Some(c),
    }
}

fn normalised(text: &str) -> Vec<char> {
    text.chars().filter_map(normal).collect()
}

/// FNV-1a over the characters: fixed here, so that a model file reads the same in every
/// version.
fn hash_of(chars: impl IntoIterator<Item = char>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in chars {
        for b in (c as u32).to_le_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// A model read from its file.
pub struct CharModel {
    bytes: Vec<u8>,
    order: usize,
    total: u64,
    entries: usize,
    /// ln p of a stop after a paragraph's last characters below which it stops mid-sentence.
    pub unlikely_end: f32,
    /// … below which a long text without a full stop is taken for a fragment.
    pub doubtful_end: f32,
    /// ln odds of a join above which a paragraph is taken to carry its neighbour's sentence on.
    pub join_odds: f32,
    /// … above which it is taken to carry on a sentence across a heading or from further away.
    pub strong_join_odds: f32,
}

impl std::fmt::Debug for CharModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CharModel(order {}, {} n-grams)", self.order, self.entries)
    }
}

impl CharModel {
    pub fn open(path: &Path) -> Result<CharModel, String> {
        let bytes =
            std::fs::read(path).map_err(|e| format!("cannot read the model {}: {e}", path.display()))?;
        CharModel::from_bytes(bytes).map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn from_bytes(bytes: Vec<u8>) -> Result<CharModel, String> {
        if !bytes.starts_with(MAGIC) || bytes.len() < HEADER_LEN {
            return Err("not a newslint model (build one with `newslint model build`)".to_owned());
        }
        let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4 bytes"));
        let u64_at = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"));
        let f32_at = |at: usize| f32::from_bits(u32_at(at));
        let order = u32_at(8) as usize;
        let total = u64_at(16);
        let entries = usize::try_from(u64_at(24)).map_err(|_| "a model too large for this machine")?;
        if !(2..=MAX_ORDER).contains(&order) || total == 0 {
            return Err("the model's header is damaged".to_owned());
        }
        if entries.checked_mul(12).and_then(|n| n.checked_add(HEADER_LEN)) != Some(bytes.len()) {
            return Err("the model file is cut short or damaged".to_owned());
        }
        let model = CharModel {
            order,
            total,
            entries,
            unlikely_end: f32_at(32),
            doubtful_end: f32_at(36),
            join_odds: f32_at(40),
            strong_join_odds: f32_at(44),
            bytes,
        };
        let keys_sorted = (1..model.entries).all(|i| model.key(i - 1) < model.key(i));
        if !keys_sorted {
            return Err("the model's table is not in order: the file is damaged".to_owned());
        }
        Ok(model)
    }

    fn key(&self, i: usize) -> u64 {
        let at = HEADER_LEN + i * 8;
        u64::from_le_bytes(self.bytes[at..at + 8].try_into().expect("8 bytes"))
    }

    fn count(&self, chars: &[char]) -> u64 {
        if chars.is_empty() {
            return self.total;
        }
        let key = hash_of(chars.iter().copied());
        let (mut lo, mut hi) = (0, self.entries);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.key(mid).cmp(&key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    let at = HEADER_LEN + self.entries * 8 + mid * 4;
                    return u64::from(u32::from_le_bytes(
                        self.bytes[at..at + 4].try_into().expect("4 bytes"),
                    ));
                }
            }
        }
        0
    }

    /// ln of how likely `next` follows `history` (its last `order - 1` characters count).
    fn forward(&self, history: &[char], next: char) -> f32 {
        let longest = history.len().min(self.order - 1);
        let mut gram: Vec<char> = Vec::with_capacity(longest + 1);
        let mut penalty = 0.0;
        for k in (0..=longest).rev() {
            let context = &history[history.len() - k..];
            gram.clear();
            gram.extend_from_slice(context);
            gram.push(next);
            let seen = self.count(&gram);
            if seen > 0 {
                return penalty + (seen as f32 / self.count(context).max(seen) as f32).ln();
            }
            penalty += BACKOFF;
        }
        penalty - (self.total as f32).ln()
    }

    fn end_score(&self, history: &[char]) -> f32 {
        log_sum(STOPS.iter().map(|&stop| self.forward(history, stop)))
    }

    /// ln p of a sentence end after the last characters of `text`.
    pub fn log_p_end(&self, text: &str) -> f32 {
        self.end_score(&self.tail(text))
    }

    /// The model has met the first characters of `text` often (MIN_START_EVIDENCE times,
    /// three characters or more of them), and almost never at a sentence's start: the text
    /// starts mid-sentence (济社会发展: 经 stood before it every time). A start the model
    /// knows too little of is no sign either way.
    pub fn starts_mid_sentence(&self, text: &str) -> bool {
        let head: Vec<char> = text.chars().filter_map(normal).take(self.order - 1).collect();
        let mut gram = Vec::with_capacity(head.len() + 1);
        for k in (MIN_START_CONTEXT..=head.len()).rev() {
            let context = &head[..k];
            let seen = self.count(context);
            if seen < MIN_START_EVIDENCE {
                continue;
            }
            let starts: u64 = BEFORE_START
                .iter()
                .map(|&b| {
                    gram.clear();
                    gram.push(b);
                    gram.extend_from_slice(context);
                    self.count(&gram)
                })
                .sum();
            return ((starts + 1) as f64 / (seen + 2) as f64) < START_SHARE;
        }
        false
    }

    /// How much likelier `second`'s first characters are right after `first` than after a
    /// sentence end, in ln odds.
    pub fn log_odds_join(&self, first: &str, second: &str) -> f32 {
        let head: Vec<char> = second.chars().filter_map(normal).take(JOIN_CHARS).collect();
        self.join_score(self.tail(first), &head)
    }

    fn join_score(&self, tail: Vec<char>, head: &[char]) -> f32 {
        let mut joined = 0.0;
        let mut apart = self.end_score(&tail);
        let mut after_tail = tail;
        let mut after_start = vec![BOUNDARY];
        for &c in head {
            joined += self.forward(&after_tail, c);
            apart += self.forward(&after_start, c);
            after_tail.push(c);
            after_start.push(c);
        }
        joined - apart
    }

    fn tail(&self, text: &str) -> Vec<char> {
        let mut tail: Vec<char> = text
            .chars()
            .rev()
            .filter_map(normal)
            .take(self.order - 1)
            .collect();
        tail.reverse();
        tail
    }
}

fn log_sum(scores: impl Iterator<Item = f32>) -> f32 {
    let scores: Vec<f32> = scores.collect();
    let top = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    top + scores.iter().map(|s| (s - top).exp()).sum::<f32>().ln()
}

/// Counts n-grams over paragraphs in a table of bounded size. When the table is full, the
/// n-grams seen least are dropped and the floor a count must pass rises (lossy counting):
/// memory stays bounded whatever the corpus, at the price of the rarest n-grams.
pub struct Builder {
    order: usize,
    max_entries: usize,
    counts: FxHashMap<u64, u32>,
    /// Counts at or below this were dropped at least once.
    floor: u32,
    total: u64,
    paragraphs: u64,
    /// Uniform samples of sentence-end histories, of histories cut mid-sentence, and of
    /// paragraph starts.
    ends: Reservoir,
    cuts: Reservoir,
    heads: Reservoir,
}

/// What `Builder::finish` made.
pub struct Built {
    pub bytes: Vec<u8>,
    pub entries: usize,
    pub characters: u64,
    pub min_count: u32,
}

impl Builder {
    pub fn new(order: usize, max_entries: usize) -> Builder {
        Builder {
            order,
            max_entries: max_entries.max(1024),
            counts: FxHashMap::default(),
            floor: 0,
            total: 0,
            paragraphs: 0,
            ends: Reservoir::new(1),
            cuts: Reservoir::new(2),
            heads: Reservoir::new(3),
        }
    }

    /// Counts one paragraph (or heading), with a boundary before and after it.
    pub fn add_paragraph(&mut self, text: &str) {
        let mut chars = vec![BOUNDARY];
        chars.extend(normalised(text));
        if chars.len() == 1 {
            return;
        }
        chars.push(BOUNDARY);
        self.heads.offer(&chars[1..(1 + JOIN_CHARS).min(chars.len() - 1)]);
        for end in 0..chars.len() {
            for n in 1..=self.order.min(end + 1) {
                let key = hash_of(chars[end + 1 - n..=end].iter().copied());
                *self.counts.entry(key).or_default() += 1;
            }
            let c = chars[end];
            if STOPS.contains(&c) && end > 1 {
                self.ends
                    .offer(&chars[end.saturating_sub(self.order - 1).max(1)..end]);
            } else if end % CUT_STEP == 0 && end > 1 && !STOPS.contains(&chars[end - 1]) {
                self.cuts
                    .offer(&chars[end.saturating_sub(self.order - 1).max(1)..end]);
            }
        }
        self.total += chars.len() as u64;
        self.paragraphs += 1;
        if self.counts.len() > self.max_entries {
            self.prune();
        }
    }

    fn prune(&mut self) {
        while self.counts.len() > self.max_entries / 2 {
            self.floor += 1;
            let floor = self.floor;
            self.counts.retain(|_, count| *count > floor);
        }
    }

    /// Characters counted (white space left out).
    pub fn characters(&self) -> u64 {
        self.total - 2 * self.paragraphs
    }

    /// Keeps the n-grams seen at least `min_count` times (more, if the table would exceed
    /// the entries allowed), and writes the file with its thresholds.
    pub fn finish(mut self, min_count: u32) -> Result<Built, String> {
        if self.total == 0 {
            return Err("no text to build a model from".to_owned());
        }
        let mut min_count = min_count.max(self.floor + 1);
        loop {
            let kept = self.counts.values().filter(|&&c| c >= min_count).count();
            if kept <= self.max_entries {
                break;
            }
            min_count += 1;
        }
        let mut table: Vec<(u64, u32)> = self
            .counts
            .drain()
            .filter(|&(_, count)| count >= min_count)
            .collect();
        table.sort_unstable();
        let mut bytes = Vec::with_capacity(HEADER_LEN + table.len() * 12);
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&(self.order as u32).to_le_bytes());
        bytes.extend_from_slice(&min_count.to_le_bytes());
        bytes.extend_from_slice(&self.total.to_le_bytes());
        bytes.extend_from_slice(&(table.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&[0; 16]);
        for (key, _) in &table {
            bytes.extend_from_slice(&key.to_le_bytes());
        }
        for (_, count) in &table {
            bytes.extend_from_slice(&count.to_le_bytes());
        }
        let entries = table.len();
        let characters = self.characters();
        drop(table);
        // The thresholds, scored by the model just built.
        let mut model = CharModel::from_bytes(bytes)?;
        let mut ends: Vec<f32> = self.ends.items.iter().map(|h| model.end_score(h)).collect();
        let share = |scores: &mut Vec<f32>, share: f64, fallback: f32| {
            scores.sort_by(f32::total_cmp);
            scores
                .get((scores.len() as f64 * share) as usize)
                .copied()
                .unwrap_or(fallback)
        };
        // Each cut paired with a paragraph start from elsewhere.
        let heads = &self.heads.items;
        let mut joins: Vec<f32> = self
            .cuts
            .items
            .iter()
            .enumerate()
            .filter(|_| !heads.is_empty())
            .map(|(i, cut)| model.join_score(cut.clone(), &heads[(i * 7919 + 13) % heads.len()]))
            .collect();
        let thresholds = [
            share(&mut ends, UNLIKELY_SHARE, f32::NEG_INFINITY),
            share(&mut ends, DOUBTFUL_SHARE, f32::NEG_INFINITY),
            share(&mut joins, JOIN_SHARE, f32::INFINITY),
            share(&mut joins, STRONG_JOIN_SHARE, f32::INFINITY),
        ];
        for (i, value) in thresholds.into_iter().enumerate() {
            let at = 32 + i * 4;
            model.bytes[at..at + 4].copy_from_slice(&value.to_bits().to_le_bytes());
        }
        Ok(Built {
            bytes: model.bytes,
            entries,
            characters,
            min_count,
        })
    }
}

/// A uniform sample of short character runs (reservoir sampling, seeded: the same corpus
/// gives the same model).
struct Reservoir {
    items: Vec<Vec<char>>,
    seen: u64,
    state: u64,
}

impl Reservoir {
    fn new(seed: u64) -> Reservoir {
        Reservoir {
            items: Vec::new(),
            seen: 0,
            state: 0x9e37_79b9_7f4a_7c15 ^ seed,
        }
    }

    fn offer(&mut self, item: &[char]) {
        self.seen += 1;
        if self.items.len() < SAMPLES {
            self.items.push(item.to_vec());
            return;
        }
        // xorshift64*
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        let pick = self.state.wrapping_mul(0x2545_f491_4f6c_dd1d) % self.seen;
        if let Some(slot) = self.items.get_mut(pick as usize) {
            *slot = item.to_vec();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model_of(paragraphs: &[&str]) -> CharModel {
        let mut builder = Builder::new(DEFAULT_ORDER, 1 << 20);
        for _ in 0..3 {
            for p in paragraphs {
                builder.add_paragraph(p);
            }
        }
        CharModel::from_bytes(builder.finish(2).expect("text").bytes).expect("a model")
    }

    const NEWS: [&str; 4] = [
        "今年以来，全市经济运行总体平稳。据了解，各类物资储备充足。",
        "记者从市商务局获悉，全市新能源汽车销量持续增长。据了解，充电设施不断完善。",
        "今年以来，全市新增企业三千家，市场活力持续释放。",
        "据了解，全市各类物资储备充足，市场供应平稳有序。",
    ];

    #[test]
    fn ends_starts_and_joins() {
        let model = model_of(&NEWS);
        // A stop is likelier after 储备充足 than after 全市新.
        assert!(model.log_p_end("各类物资储备充足") > model.log_p_end("全市新"));
        // 据了解 opens sentences; 解，各类 does not, but it was not met often enough to tell.
        assert!(!model.starts_mid_sentence("据了解，今年") && !model.starts_mid_sentence("解，各类物资"));
        // 全市新 goes on into 能源汽车, not into 据了解.
        assert!(
            model.log_odds_join("全市新", "能源汽车销量") > model.log_odds_join("全市新", "据了解，各类")
        );
        assert!(model.unlikely_end <= model.doubtful_end && model.join_odds <= model.strong_join_odds);
        // Met often enough, and never at a start.
        let often: Vec<String> = (0..30)
            .map(|_| "今年以来，全市经济社会发展取得新成效。".to_owned())
            .collect();
        let model = model_of(&often.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(
            model.starts_mid_sentence("济社会发展取得新成效") && !model.starts_mid_sentence("今年以来，全市")
        );
    }

    #[test]
    fn the_file_reads_back_and_damage_is_refused() {
        let mut builder = Builder::new(3, 1 << 20);
        builder.add_paragraph("新闻。新闻。");
        let built = builder.finish(1).expect("text");
        assert!(built.entries > 0 && built.characters == 6);
        assert!(CharModel::from_bytes(built.bytes.clone()).is_ok());
        let mut cut = built.bytes.clone();
        cut.pop();
        assert!(CharModel::from_bytes(cut).is_err());
        assert!(CharModel::from_bytes(b"NLTRI01\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx".to_vec()).is_err());
        assert!(Builder::new(3, 1 << 20).finish(1).is_err());
    }

    #[test]
    fn a_full_table_drops_the_rarest_ngrams() {
        let mut builder = Builder::new(DEFAULT_ORDER, 1024);
        for i in 0..2000 {
            builder.add_paragraph(&format!("常见的句子。{}", char::from_u32(0x4e00 + i).unwrap()));
        }
        assert!(builder.counts.len() <= 1024 && builder.floor > 0);
        let built = builder.finish(1).expect("text");
        let model = CharModel::from_bytes(built.bytes).expect("a model");
        assert!(model.count(&normalised("常见的句子")) >= 1000);
    }
}
