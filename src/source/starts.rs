//! "Starts here?": how likely a sentence is to open with a text's first word, against the
//! same word following a point inside a sentence, as the People's Daily of January 1998
//! writes (`rules/starts.tsv`, built by `scripts/build-starts`: see `rules/starts.LICENSE`).
//!
//! A paragraph whose head was lost, or the rest of a sentence cut in two, starts wherever the
//! cut fell: on a word's end, a particle, a measure word (业发展, 了隆重, 个项目). A paragraph of news starts
//! with a time, a place, a name, a connective or a source (今年, 据, 目前, 会议): the first
//! word alone tells them apart more often than not.

use super::chars::is_han;
use super::continuity;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// The longest Han run read for the first word, in characters (the segmenter's longest word).
const HEAD_CHARS: usize = 8;

/// What a text opens with, as `rules/starts.tsv` names it: its first word by the dictionary,
/// `<num>` for a digit, `<latin>` for a Latin letter, else its first character (a mark).
pub fn first_token(text: &str) -> &str {
    let text = text.trim_start();
    let Some(first) = text.chars().next() else {
        return "";
    };
    if first.is_ascii_digit() || ('０'..='９').contains(&first) {
        return "<num>";
    }
    if first.is_ascii_alphabetic() || first.is_alphabetic() && !is_han(first) {
        return "<latin>";
    }
    if !is_han(first) {
        return &text[..first.len_utf8()];
    }
    let end = text
        .char_indices()
        .take(HEAD_CHARS)
        .take_while(|&(_, c)| is_han(c))
        .last()
        .map_or(0, |(at, c)| at + c.len_utf8());
    continuity::lexicon()
        .segment(&text[..end])
        .first()
        .copied()
        .unwrap_or_default()
}

/// ln of how much likelier a sentence is to open with `word` (a `first_token`) than a point
/// inside a sentence is to be followed by it (`None` for a word the table lacks: too rare to
/// say, or too even).
pub fn start_odds(word: &str) -> Option<f32> {
    look_up(&TABLE, word)
}

/// `start_odds` of a character standing alone as the first word, read from a map of the
/// table's characters: asked of every paragraph's first character, where the binary search of
/// the whole table would cost more than the rest of the judgement.
pub fn character_start_odds(first: char) -> Option<f32> {
    CHARACTERS.get(&first).copied()
}

static CHARACTERS: LazyLock<FxHashMap<char, f32>> = LazyLock::new(|| {
    TABLE
        .iter()
        .filter_map(|row| {
            let (word, odds) = row.split_once('\t')?;
            let mut chars = word.chars();
            let first = chars.next().filter(|_| chars.next().is_none())?;
            Some((first, odds.parse().ok()?))
        })
        .collect()
});

/// The lines of `rules/starts.tsv`, sorted by word as the builder writes them: looked up by
/// binary search, and a line's odds parsed only when asked for.
static TABLE: LazyLock<Vec<&'static str>> = LazyLock::new(|| rows(include_str!("../../rules/starts.tsv")));

fn rows(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// The word of a `word<TAB>ln odds` line.
fn word_of(row: &str) -> &str {
    row.split_once('\t').map_or(row, |(word, _)| word)
}

fn look_up(rows: &[&str], word: &str) -> Option<f32> {
    let at = rows.binary_search_by(|row| word_of(row).cmp(word)).ok()?;
    rows[at].split_once('\t')?.1.parse().ok()
}

/// Counts how sentences start in clean text, for `rules/starts.tsv` (`examples/build-starts.rs`):
/// for every first word, how often a sentence opens with it (a paragraph's start, or right
/// after 。！？；) and how often it follows any other point of a paragraph.
#[derive(Default)]
pub struct StartCounts<'t> {
    starts: rustc_hash::FxHashMap<&'t str, f64>,
    inside: rustc_hash::FxHashMap<&'t str, f64>,
}

/// Pseudo-counts added to both sides of a word's counts, in sentence starts: rare words say
/// little.
const PRIOR: f64 = 0.5;
/// Words seen fewer times than this, at a start or not, are left out (their odds unknown).
const MIN_SEEN: f64 = 10.0;
/// ln odds closer to 0 than this are left out too: they say nothing.
const MIN_ODDS: f64 = 0.2;
/// The largest ln odds written, either way.
const MAX_ODDS: f64 = 6.0;
/// Paragraphs shorter than this (in characters) are headlines, bylines, captions: left out.
const MIN_PARAGRAPH_CHARS: usize = 16;

impl<'t> StartCounts<'t> {
    pub fn add_paragraph(&mut self, paragraph: &'t str) {
        let paragraph = paragraph.trim();
        if paragraph.chars().nth(MIN_PARAGRAPH_CHARS - 1).is_none() {
            return;
        }
        let mut after_end = true;
        for (at, c) in paragraph.char_indices() {
            let side = if after_end {
                &mut self.starts
            } else {
                &mut self.inside
            };
            *side.entry(first_token(&paragraph[at..])).or_default() += 1.0;
            after_end = matches!(c, '。' | '！' | '？' | '；') || after_end && matches!(c, '”' | '’' | '）');
        }
    }

    /// The table: a comment naming `source`, then `word<TAB>ln odds` lines sorted by word, the
    /// ln of the ratio of the two rates, each count shrunk towards the other by `PRIOR`.
    pub fn table(&self, source: &str) -> String {
        use std::fmt::Write as _;
        let total = |side: &rustc_hash::FxHashMap<&str, f64>| side.values().sum::<f64>();
        let (starts, inside) = (total(&self.starts), total(&self.inside));
        let scale = starts / inside.max(1.0);
        let mut rows: Vec<(&str, f64)> = self
            .starts
            .keys()
            .chain(self.inside.keys())
            .filter_map(|&word| {
                let s = self.starts.get(word).copied().unwrap_or(0.0);
                let i = self.inside.get(word).copied().unwrap_or(0.0);
                let odds = ((s + PRIOR) / (i * scale + PRIOR))
                    .ln()
                    .clamp(-MAX_ODDS, MAX_ODDS);
                (!word.is_empty() && s + i >= MIN_SEEN && odds.abs() >= MIN_ODDS).then_some((word, odds))
            })
            .collect();
        rows.sort_unstable_by(|a, b| a.0.cmp(b.0));
        rows.dedup_by(|a, b| a.0 == b.0);
        let mut out = format!(
            "# How much likelier a sentence is to open with a word than a point inside a sentence\n\
             # to be followed by it (ln odds): by examples/build-starts, from {starts} sentence\n\
             # starts and {inside} other points of {source}.\n"
        );
        for (word, odds) in rows {
            let _ = writeln!(out, "{word}\t{odds:.1}");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_tokens() {
        assert_eq!(first_token("今年以来，全市…"), "今年以来");
        assert_eq!(first_token("2023年，"), "<num>");
        assert_eq!(first_token("“十四五”时期"), "“");
        assert_eq!(first_token("GDP增长"), "<latin>");
        assert_eq!(first_token(""), "");
    }

    #[test]
    fn a_character_has_the_odds_of_its_row() {
        for c in ['的', '据', '他', '们', '国', '“'] {
            assert_eq!(character_start_odds(c), start_odds(&c.to_string()), "{c}");
        }
        assert!(character_start_odds('据').is_some_and(|odds| odds > 0.0));
        assert!(character_start_odds('的').is_some_and(|odds| odds < 0.0));
    }

    #[test]
    fn sentences_open_on_times_sources_and_connectives_not_on_what_follows_a_verb() {
        for opener in ["据了解，", "目前，全市", "今年，", "同时，", "会议指出，"] {
            assert!(
                start_odds(first_token(opener)).is_some_and(|o| o > 1.0),
                "{opener}"
            );
        }
        for inside in [
            "的重要组成部分",
            "了隆重的签约仪式",
            "们纷纷表示",
            "化水平不断提高",
            "进行了深入交流",
        ] {
            assert!(
                start_odds(first_token(inside)).is_some_and(|o| o < -1.0),
                "{inside}"
            );
        }
    }

    #[test]
    fn the_counts_of_a_tiny_corpus() {
        let mut counts = StartCounts::default();
        for _ in 0..12 {
            counts.add_paragraph(
                "据了解，今年以来全市的经济运行稳中向好。据统计，全市的工业增加值增长了百分之五。",
            );
        }
        counts.add_paragraph("短的一行");
        let table = counts.table("a test");
        let rows = rows(Box::leak(table.into_boxed_str()));
        assert!(rows.windows(2).all(|w| word_of(w[0]) < word_of(w[1])));
        // 据 opens every sentence; 的 follows points inside them only.
        assert!(look_up(&rows, "据").is_some_and(|odds| odds > 2.0), "{rows:?}");
        assert!(look_up(&rows, "的").is_some_and(|odds| odds < -1.0), "{rows:?}");
        // A line shorter than a paragraph (a headline, a byline) is not counted.
        assert_eq!(look_up(&rows, "短"), None);
    }

    #[test]
    fn the_table_is_sorted_and_reads() {
        assert!(TABLE.len() > 1000);
        assert!(TABLE.windows(2).all(|w| word_of(w[0]) < word_of(w[1])));
        assert!(TABLE.iter().all(|row| look_up(&TABLE, word_of(row)).is_some()));
        let rows = rows("# comment\n据\t3.6\n的\tx\n");
        assert_eq!(look_up(&rows, "据"), Some(3.6));
        assert_eq!(look_up(&rows, "的"), None);
        assert_eq!(look_up(&rows, "在"), None);
    }
}
