//! Words, for the judgements a byte pattern cannot make (is this a word written twice, is
//! this a person's name): the dictionary of the continuity model, read in place.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// Words of five to eight characters (idioms, institutions), which the lattice does not
/// reach: 天时地利人和 is one word, not 天时地利 and 人 and 和.
static LONG_WORDS: LazyLock<std::collections::HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../rules/lexicon-long.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .collect()
});

/// The most characters a long word has.
const MAX_LONG_CHARS: usize = 8;

/// Segments Chinese text into the dictionary's words, by the likeliest path of the word
/// lattice, then joins runs of words that make a longer dictionary word (the longest
/// first); a character the dictionary does not know stands alone.
pub fn segment(text: &str) -> Vec<&str> {
    let words = super::continuity::lexicon().segment(text);
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    let mut at = 0;
    while i < words.len() {
        let mut best = 1;
        let mut chars = 0;
        let mut end = at;
        for (k, word) in words[i..].iter().enumerate() {
            chars += word.chars().count();
            end += word.len();
            if chars > MAX_LONG_CHARS {
                break;
            }
            if k > 0 && chars > 4 && LONG_WORDS.contains(&text[at..end]) {
                best = k + 1;
            }
        }
        let len: usize = words[i..i + best].iter().map(|w| w.len()).sum();
        out.push(&text[at..at + len]);
        at += len;
        i += best;
    }
    out
}

/// The surnames of `rules/surnames.txt` by their first character, in the file's order: asked
/// of every name-like string, where a scan of the whole list would cost more than the rest.
static SURNAMES: LazyLock<FxHashMap<char, Vec<&'static str>>> = LazyLock::new(|| {
    let mut by_first: FxHashMap<char, Vec<&'static str>> = FxHashMap::default();
    for l in include_str!("../../rules/surnames.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
    {
        let l = l.trim();
        // A line of two characters is a compound surname; a longer one lists single ones.
        let names: Vec<&str> = if l.chars().count() == 2 {
            vec![l]
        } else {
            l.char_indices().map(|(i, c)| &l[i..i + c.len_utf8()]).collect()
        };
        for name in names {
            if let Some(first) = name.chars().next() {
                by_first.entry(first).or_default().push(name);
            }
        }
    }
    by_first
});

/// The surnames that `text` starts with, in the file's order.
fn surnames_before(text: &str) -> impl Iterator<Item = &'static str> + '_ {
    text.chars()
        .next()
        .and_then(|first| SURNAMES.get(&first))
        .into_iter()
        .flatten()
        .copied()
        .filter(move |s| text.starts_with(*s))
}

/// Whether `text` reads as a person's name: two or three Han characters after a common
/// surname, not a word of the dictionary (高新区 starts with the surname 高 but is a word).
/// A table and the dictionary read in place, not jieba's tagging model (a million
/// instructions a call) nor its segmenter (half a second and 30 MB to load).
/// `text` is two to four Han characters and opens with a surname: a name where the context
/// says names are listed, whatever the dictionary reads across it (王世光, 张艺谋).
pub fn may_be_listed_name(text: &str) -> bool {
    (2..=4).contains(&text.chars().count())
        && text.chars().all(super::chars::is_han)
        && surnames_before(text).any(|s| text.len() > s.len())
}

/// `text` is a common surname of one or two characters (`rules/surnames.txt`).
pub fn is_surname(text: &str) -> bool {
    surnames_before(text).any(|s| s == text)
}

pub fn is_person_name(text: &str) -> bool {
    let count = text.chars().count();
    if !(2..=4).contains(&count) || !text.chars().all(super::chars::is_han) {
        return false;
    }
    let Some(surname) = surnames_before(text).next() else {
        return false;
    };
    if text.len() == surname.len() || text[surname.len()..].chars().any(never_in_given_names) {
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

/// `text` is a person's name: one the dictionary knows (习近平, 赵乐际; not a surname alone, 隆)
/// or one that reads as a name (`is_person_name`).
pub fn names_a_person(text: &str) -> bool {
    is_person_name(text)
        || text.chars().nth(1).is_some()
            && super::continuity::lexicon()
                .tag(text)
                .is_some_and(|tag| tag.starts_with("nr"))
}

/// Particles, suffixes and function words that no given name holds: 边的巡, 费者对 are the end
/// of a word and what follows it, not names.
pub fn never_in_given_names(c: char) -> bool {
    matches!(
        c,
        '的' | '了'
            | '着'
            | '们'
            | '者'
            | '是'
            | '把'
            | '被'
            | '等'
            | '及'
            | '或'
            | '都'
            | '就'
            | '还'
            | '已'
            | '所'
            | '这'
            | '那'
            | '个'
            | '地'
            | '得'
            | '吗'
            | '呢'
            | '吧'
            | '在'
            | '对'
            | '与'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_are_joined() {
        assert_eq!(segment("可谓天时地利人和"), ["可谓", "天时地利人和"]);
        assert_eq!(segment("惠民惠民高效"), ["惠民", "惠民", "高效"]);
    }

    #[test]
    fn names() {
        assert!(is_person_name("李建均") && is_person_name("杨骏"));
        assert!(is_person_name("农国圣") && is_person_name("李璋"));
        assert!(!is_person_name("从数字化") && !is_person_name("线下") && !is_person_name("李"));
        assert!(!is_person_name("高新区") && !is_person_name("王国") && !is_person_name("张2"));
        assert!(!is_person_name("边的巡") && !is_person_name("费者对") && !is_person_name("杨在"));
    }
}
