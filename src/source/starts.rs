//! "Starts here?": how likely a sentence is to open with a text's first word, against the
//! same word following a point inside a sentence, as the People's Daily of January 1998
//! writes (`rules/starts.tsv`, built by `scripts/build-starts`: see `rules/starts.LICENSE`).
//!
//! A paragraph whose head was lost, or the rest of a sentence cut in two, starts wherever the
//! cut fell: on an object (阻力), a verb (克服), a measure word. A paragraph of news starts
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

/// ln of how much likelier a sentence is to open with `text`'s first word than a point inside
/// a sentence is to be followed by it (`None` for a word the table lacks: too rare to say,
/// or too even).
pub fn start_odds(text: &str) -> Option<f32> {
    TABLE.get(first_token(text)).copied()
}

static TABLE: LazyLock<FxHashMap<&'static str, f32>> =
    LazyLock::new(|| read_table(include_str!("../../rules/starts.tsv")).expect("rules/starts.tsv reads"));

/// `word<TAB>ln odds` lines, `#` comments.
fn read_table(text: &'static str) -> Result<FxHashMap<&'static str, f32>, String> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|line| {
            let (word, odds) = line
                .split_once('\t')
                .ok_or_else(|| format!("no tab in {line:?}"))?;
            let odds: f32 = odds.parse().map_err(|e| format!("{word}: {e}"))?;
            Ok((word, odds))
        })
        .collect()
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
    fn sentences_open_on_times_sources_and_connectives_not_on_what_follows_a_verb() {
        for opener in ["据了解，", "目前，全市", "今年，", "同时，", "会议指出，"] {
            assert!(start_odds(opener).is_some_and(|o| o > 1.0), "{opener}");
        }
        for inside in [
            "的重要组成部分",
            "了隆重的签约仪式",
            "们纷纷表示",
            "化水平不断提高",
            "进行了深入交流",
        ] {
            assert!(start_odds(inside).is_some_and(|o| o < -1.0), "{inside}");
        }
    }

    #[test]
    fn the_table_reads() {
        assert!(read_table("bad line").is_err());
        assert!(read_table("据\tx").is_err());
        assert!(TABLE.len() > 1000);
    }
}
