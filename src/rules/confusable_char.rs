use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::rule::{Check, declare_rule, options};
use crate::source::chars::is_han;
use crate::source::{Classes, Document};
use std::collections::HashMap;

declare_rule! {
    /// ## What it does
    /// Finds a look-alike from another script inside a word or number: the letter O or o for
    /// zero and l or I for one among digits (`2O23年`), a Cyrillic or Greek letter inside a
    /// Latin word (`Dаta` with a Cyrillic а), full-width and ASCII digits mixed in one number
    /// (`２023`).
    ///
    /// ## Why is this bad
    /// The text looks right and is wrong: numbers do not parse, names do not match in search,
    /// and deduplication sees two spellings of one word.
    ///
    /// ## Example
    /// ```text
    /// 2O23年，增长1O%
    /// ```
    /// Fixed:
    /// ```text
    /// 2023年，增长10%
    /// ```
    ///
    /// Not flagged: model names and codes where letters and digits mix by design (A320, G60,
    /// T01, O2O, B-52), whole numbers in full-width digits (２０２３年).
    ///
    /// ## Fix safety
    /// Safe where the reading is certain: a letter between two digits, or in a number followed
    /// by a unit (年, 月, %, 元…); a Cyrillic or Greek letter inside a Latin word; full-width
    /// digits inside an ASCII number.
    ///
    /// ## Data
    /// `rules/confusables.tsv`: Cyrillic and Greek letters and the Latin letters they imitate.
    name: "confusable-char",
    category: Characters,
    severity: Warning,
    default: true,
    fix: Always,
}

pub(crate) fn build(value: Option<&toml::Value>) -> Result<Box<dyn Check>, String> {
    let _: super::NoOptions = options(value)?;
    let table = super::word_list(include_str!("../../rules/confusables.tsv"))
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let from = cols.next()?.chars().next()?;
            let to = cols.next()?.chars().next()?;
            Some((from, to))
        })
        .collect();
    Ok(Box::new(ConfusableChar { table }))
}

struct ConfusableChar {
    table: HashMap<char, char>,
}

/// Characters that may follow a number and make it a quantity.
fn is_unit(c: char) -> bool {
    "年月日号时分秒万亿元个%％岁项家户人次倍天周".contains(c)
}

fn digit_like(c: char) -> Option<char> {
    match c {
        'O' | 'o' => Some('0'),
        'l' | 'I' => Some('1'),
        _ => None,
    }
}

fn is_fullwidth_digit(c: char) -> bool {
    ('０'..='９').contains(&c)
}

/// A word: letters of any script and digits, ASCII or full-width; Han is not part of one.
fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || (!c.is_ascii() && !is_han(c) && c.is_alphanumeric())
}

impl Check for ConfusableChar {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let mut word: Vec<(usize, char)> = Vec::new();
        // Every finding involves an ASCII letter or digit: words are grown from those.
        for line in doc
            .text_lines()
            .filter(|l| l.classes.has(Classes::ASCII_LETTER | Classes::ASCII_DIGIT))
        {
            let base = line.content.start;
            let text = doc.slice(&line.content);
            let bytes = text.as_bytes();
            let mut p = 0;
            while p < bytes.len() {
                // Han (U+4E00..U+9FFF) is never part of a word: step over it whole.
                if (0xE4..=0xE9).contains(&bytes[p]) {
                    p += 3;
                    continue;
                }
                if !bytes[p].is_ascii_alphanumeric() {
                    p += 1;
                    continue;
                }
                // A word of ASCII digits alone or ASCII letters alone (2023, GDP) holds
                // nothing to confuse: most words are one or the other.
                let run = bytes[p..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                let letters = bytes[p..p + run]
                    .iter()
                    .filter(|b| b.is_ascii_alphabetic())
                    .count();
                let alone = |c: Option<char>| !c.is_some_and(is_word);
                if (letters == 0 || letters == run)
                    && alone(text[..p].chars().next_back())
                    && alone(text[p + run..].chars().next())
                {
                    p += run;
                    continue;
                }
                let start = p - text[..p]
                    .chars()
                    .rev()
                    .take_while(|&c| is_word(c))
                    .map(char::len_utf8)
                    .sum::<usize>();
                word.clear();
                word.extend(
                    text[start..]
                        .char_indices()
                        .map(|(i, c)| (start + i, c))
                        .take_while(|&(_, c)| is_word(c)),
                );
                let end = word.last().map_or(p, |&(i, c)| i + c.len_utf8());
                let next = text[end..].chars().next().unwrap_or('\n');
                self.check_word(&word, next, end, text, base, out);
                p = end;
            }
        }
    }
}

impl ConfusableChar {
    /// `word` ends at byte `end`, before the character `next`.
    fn check_word(
        &self,
        word: &[(usize, char)],
        next: char,
        end: usize,
        text: &str,
        base: usize,
        out: &mut Vec<Diagnostic>,
    ) {
        let shown = &text[word[0].0..end];
        let found = if let Some(edits) = letters_in_number(word, next) {
            Some((format!("letter among digits in `{shown}`"), edits))
        } else if let Some(edits) = self.script_mix(word) {
            Some((
                format!("Latin word `{shown}` holds letters of another script"),
                edits,
            ))
        } else {
            mixed_digits(word).map(|edits| (format!("full-width and ASCII digits mixed in `{shown}`"), edits))
        };
        if let Some((message, edits)) = found {
            out.push(
                Diagnostic::new(META.name, base + word[0].0..base + end, message)
                    .with_fix(Fix::safe("Replace the look-alikes", shift(edits, base))),
            );
        }
    }
}

fn shift(edits: Vec<Edit>, base: usize) -> Vec<Edit> {
    edits
        .into_iter()
        .map(|e| Edit {
            start: e.start + base as u32,
            end: e.end + base as u32,
            replacement: e.replacement,
        })
        .collect()
}

/// `2O23`, `1O%`: a number whose letters can only be digits.
fn letters_in_number(word: &[(usize, char)], next: char) -> Option<Vec<Edit>> {
    if !word
        .iter()
        .all(|&(_, c)| c.is_ascii_digit() || digit_like(c).is_some())
    {
        return None;
    }
    let digits = word.iter().filter(|(_, c)| c.is_ascii_digit()).count();
    if digits == 0 || digits == word.len() || !word[0].1.is_ascii_digit() {
        return None;
    }
    let mut edits = Vec::new();
    for (n, &(o, c)) in word.iter().enumerate() {
        let Some(d) = digit_like(c) else { continue };
        let between = word[..n].iter().any(|(_, p)| p.is_ascii_digit())
            && word[n + 1..].iter().any(|(_, f)| f.is_ascii_digit());
        if !between && !is_unit(next) {
            return None;
        }
        edits.push(Edit::replace(o..o + 1, d.to_string()));
    }
    Some(edits)
}

impl ConfusableChar {
    /// A Latin word with Cyrillic or Greek look-alikes inside it.
    fn script_mix(&self, word: &[(usize, char)]) -> Option<Vec<Edit>> {
        let latin = word.iter().filter(|(_, c)| c.is_ascii_alphabetic()).count();
        if latin == 0 {
            return None;
        }
        let foreign: Vec<_> = word.iter().filter(|(_, c)| self.table.contains_key(c)).collect();
        let other = word
            .iter()
            .filter(|(_, c)| !c.is_ascii_alphanumeric() && !self.table.contains_key(c))
            .count();
        // A word mostly of another script (a Russian word next to a Latin one) is left alone.
        if foreign.is_empty() || other > 0 || foreign.len() > latin {
            return None;
        }
        Some(
            foreign
                .into_iter()
                .map(|&(o, c)| Edit::replace(o..o + c.len_utf8(), self.table[&c].to_string()))
                .collect(),
        )
    }
}

/// `２023`: one number written partly in full-width digits.
fn mixed_digits(word: &[(usize, char)]) -> Option<Vec<Edit>> {
    if !word
        .iter()
        .all(|&(_, c)| c.is_ascii_digit() || is_fullwidth_digit(c))
    {
        return None;
    }
    let full: Vec<_> = word.iter().filter(|(_, c)| is_fullwidth_digit(*c)).collect();
    if full.is_empty() || full.len() == word.len() {
        return None;
    }
    Some(
        full.into_iter()
            .map(|&(o, c)| {
                let ascii = char::from(b'0' + (c as u32 - '０' as u32) as u8);
                Edit::replace(o..o + c.len_utf8(), ascii.to_string())
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{check, fixed};

    const RULE: &str = "confusable-char";

    #[test]
    fn flags_look_alikes() {
        assert_eq!(
            fixed(RULE, "2O23年，增长1O%，共2l3人"),
            "2023年，增长10%，共213人"
        );
        assert_eq!(fixed(RULE, "使用Dаta平台"), "使用Data平台");
        assert_eq!(fixed(RULE, "２023年"), "2023年");
        assert_eq!(check(RULE, "2O23年"), ["2O23"]);
    }

    #[test]
    fn codes_and_whole_numbers_are_clean() {
        for text in [
            "A320客机、G60科创走廊、T01号、O2O模式、B-52轰炸机、AC332",
            "２０２３年",
            "Москва和Paris",
            "IO接口，20OK",
            "iPhone 15",
        ] {
            assert_eq!(check(RULE, text), Vec::<String>::new(), "{text}");
        }
    }
}
