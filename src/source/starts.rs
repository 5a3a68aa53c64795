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
    word_start_odds(first_token(text))
}

/// `start_odds` of a text whose first token is known to be `word`.
pub fn word_start_odds(word: &str) -> Option<f32> {
    look_up(&TABLE, word)
}

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
