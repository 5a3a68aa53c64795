//! Word segmentation with jieba-rs, for the judgements a byte pattern cannot make (is this a
//! word written twice, does a word run across a paragraph break, is this a person's name).
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

/// Whether jieba tags the whole of `text` as one person's name (2 to 4 characters).
pub fn is_person_name(text: &str) -> bool {
    let count = text.chars().count();
    if !(2..=4).contains(&count) {
        return false;
    }
    matches!(&SEGMENTER.tag(text, true)[..], [one] if one.tag == "nr" && one.word == text)
}

/// Whether a dictionary word of two characters or more runs across the point between
/// `before` and `after` (重庆高新|区: 高新区), so the two read as one text.
pub fn word_spans(before: &str, after: &str) -> bool {
    if before.is_empty() || after.is_empty() {
        return false;
    }
    let joined = format!("{before}{after}");
    let mut at = 0;
    for word in segment(&joined, false) {
        let end = at + word.len();
        if at < before.len() && end > before.len() && word.chars().count() >= 2 {
            return true;
        }
        at = end;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_a_break() {
        assert!(word_spans("纳更多高端创新机构、跨", "国企业等入驻"));
        assert!(word_spans("让很多企业家有投资重", "庆的热情"));
        assert!(!word_spans("从数字化", "到智能化"));
        assert!(!word_spans("全面、", "焦点二"));
    }

    #[test]
    fn names() {
        assert!(is_person_name("李建均") && is_person_name("杨骏"));
        assert!(!is_person_name("从数字化") && !is_person_name("线下") && !is_person_name("李"));
    }
}
