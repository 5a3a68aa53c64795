//! Word segmentation with jieba-rs, for the judgements a byte pattern cannot make (is this a
//! word written twice, is this a person's name).
//!
//! The segmenter is loaded on first use (~150 ms, once), and only when a rule has a
//! candidate to confirm: most text never needs it.

use std::sync::LazyLock;

static SEGMENTER: LazyLock<jieba_rs::Jieba> = LazyLock::new(jieba_rs::Jieba::new);

/// Segments Chinese text into words; `guess` lets jieba's HMM join characters the
/// dictionary does not know into words.
pub fn segment(text: &str, guess: bool) -> Vec<&str> {
    SEGMENTER.cut(text, guess).into_iter().map(|t| t.word).collect()
}

static SURNAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("../../rules/surnames.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(|l| {
            let l = l.trim();
            // A line of two characters is a compound surname; a longer one lists single ones.
            if l.chars().count() == 2 {
                vec![l]
            } else {
                l.char_indices().map(|(i, c)| &l[i..i + c.len_utf8()]).collect()
            }
        })
        .collect()
});

/// Whether `text` reads as a person's name: two or three Han characters after a common
/// surname, not a word of the dictionary (高新区 starts with the surname 高 but is a word).
/// A table and the dictionary read in place, not jieba's tagging model (a million
/// instructions a call) nor its segmenter (half a second and 30 MB to load).
pub fn is_person_name(text: &str) -> bool {
    let count = text.chars().count();
    if !(2..=4).contains(&count) || !text.chars().all(super::chars::is_han) {
        return false;
    }
    let Some(surname) = SURNAMES.iter().find(|s| text.starts_with(**s)) else {
        return false;
    };
    if text.len() == surname.len() {
        return false;
    }
    // The dictionary must not read a word across the surname and what follows it.
    let mut at = 0;
    for word in super::continuity::lexicon().segment(text) {
        if at < surname.len() && at + word.len() > surname.len() {
            return false;
        }
        at += word.len();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(is_person_name("李建均") && is_person_name("杨骏"));
        assert!(is_person_name("农国圣") && is_person_name("李璋"));
        assert!(!is_person_name("从数字化") && !is_person_name("线下") && !is_person_name("李"));
        assert!(!is_person_name("高新区") && !is_person_name("王国") && !is_person_name("张2"));
    }
}
