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
    /// OCR also leaves a letter at the start of a number that is a quantity or an ordinal
    /// (`l1月`, `I200多家`, `第I0届`), and a lone l, I, O or o where only a digit can stand:
    /// before a unit or measure word (`I个`, `l次`), a decimal point (`O.5%`) or a range's dash
    /// (`I—6月份`).
    ///
    /// Not flagged: model names and codes where letters and digits mix by design (A320, G60,
    /// T01, O2O, B-52), Roman numerals (`I期临床`, `I型`, `第Ⅰ期`), whole numbers in full-width
    /// digits (２０２３年).
    ///
    /// ## Fix safety
    /// Safe where the reading is certain: a letter between two digits, or after a digit and
    /// right before a unit (年, 月, %, 元…); a Cyrillic or Greek letter inside a Latin word;
    /// full-width digits inside an ASCII number. Unsafe for the other letters.
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

/// Characters that may follow a number and make it a quantity: units, measure words and
/// the numerals of large numbers.
fn is_unit(c: char) -> bool {
    "年月日号时分秒万亿千百元个%％岁项家户人次倍天周张台名位架辆座所条件套顶吨米头只批场株棵亩斤克度页栋艘款股国处票盏份首轮趟层篇支根块片起例宗笔间届期部种类"
        .contains(c)
}

/// Units of two characters whose first one alone is no unit (公司 is no quantity).
const TWO_CHARACTER_UNITS: [&str; 4] = ["公里", "公斤", "公顷", "平方"];

/// Measure words that a Roman numeral or a letter may stand before (I期, I型, II类, A级):
/// a lone letter before them is not read as a digit.
fn takes_a_letter(c: char) -> bool {
    "期届部种类型级号代区段章节卷".contains(c)
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
                // A lone l, I, O or o may be a digit (I个, O.5%): it is looked at.
                let lone_digit_like = run == 1 && digit_like(char::from(bytes[p])).is_some();
                if (letters == 0 || letters == run)
                    && !lone_digit_like
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
                self.check_word(&word, end, text, base, out);
                p = end;
            }
        }
    }
}

impl ConfusableChar {
    /// `word` ends at byte `end`.
    fn check_word(
        &self,
        word: &[(usize, char)],
        end: usize,
        text: &str,
        base: usize,
        out: &mut Vec<Diagnostic>,
    ) {
        let shown = &text[word[0].0..end];
        let prev = text[..word[0].0].chars().next_back();
        let found = if let Some((edits, safe)) = letters_in_number(word, prev, &text[end..]) {
            let message = if word.iter().any(|(_, c)| c.is_ascii_digit()) {
                format!("letter among digits in `{shown}`")
            } else {
                format!("letter `{shown}` where a digit belongs")
            };
            Some((message, edits, safe))
        } else if let Some(edits) = self.script_mix(word) {
            Some((
                format!("Latin word `{shown}` holds letters of another script"),
                edits,
                true,
            ))
        } else {
            mixed_digits(word).map(|edits| {
                (
                    format!("full-width and ASCII digits mixed in `{shown}`"),
                    edits,
                    true,
                )
            })
        };
        if let Some((message, edits, safe)) = found {
            let edits = shift(edits, base);
            let fix = if safe {
                Fix::safe("Replace the look-alikes", edits)
            } else {
                Fix::unsafe_("Replace the look-alikes with digits", edits)
            };
            out.push(Diagnostic::new(META.name, base + word[0].0..base + end, message).with_fix(fix));
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

/// `word` is one l, I, O or o that `rest` shows to be a digit (`I个`): confusable-char's, so
/// stray-latin leaves it alone.
pub(crate) fn lone_letter_for_digit(word: &str, rest: &str) -> bool {
    word.len() == 1 && word.chars().all(|c| digit_like(c).is_some()) && lone_quantity(rest)
}

/// A lone letter before `rest` stands where a number must: before a unit that a letter does
/// not take.
fn lone_quantity(rest: &str) -> bool {
    !rest.starts_with('.') && unit_after(rest).is_some_and(|c| !takes_a_letter(c))
}

/// A quantity follows: a unit or a measure word (年, 个, %), perhaps after decimals (l4.5万)
/// or after 多, 余 or 来.
fn quantity_follows(rest: &str) -> bool {
    unit_after(rest).is_some()
}

/// The unit or measure word that makes the number before `rest` a quantity.
fn unit_after(rest: &str) -> Option<char> {
    let rest = match rest.strip_prefix('.') {
        Some(decimals) if decimals.starts_with(|c: char| c.is_ascii_digit()) => {
            decimals.trim_start_matches(|c: char| c.is_ascii_digit())
        }
        _ => rest,
    };
    let rest = rest.strip_prefix(['多', '余', '来']).unwrap_or(rest);
    let first = rest.chars().next()?;
    (is_unit(first) || TWO_CHARACTER_UNITS.iter().any(|u| rest.starts_with(u))).then_some(first)
}

/// `2O23`, `1O%`, `l1月`, `第I0届`, `I200多家`, and a lone letter standing for a digit:
/// `I个`, `O.5%`, `I—6月份`. Returns the edits, and whether the reading is certain (each
/// letter between two digits, or after a digit and right before a unit).
fn letters_in_number(word: &[(usize, char)], prev: Option<char>, rest: &str) -> Option<(Vec<Edit>, bool)> {
    if !word
        .iter()
        .all(|&(_, c)| c.is_ascii_digit() || digit_like(c).is_some())
    {
        return None;
    }
    let digits = word.iter().filter(|(_, c)| c.is_ascii_digit()).count();
    if digits == word.len() {
        return None;
    }
    let quantity = quantity_follows(rest);
    if digits == 0 {
        // One letter alone: a digit only where a number must stand (before a unit, a decimal
        // point and a digit, or a range's dash and a digit); 第I期 and I型 are Roman numerals.
        let numeric_after = |marks: &[char]| {
            rest.strip_prefix(marks)
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        };
        let number_here =
            lone_quantity(rest) || numeric_after(&['.']) || numeric_after(&['—', '–', '-', '~', '～', '至']);
        if word.len() != 1 || !number_here || prev.is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        let (o, c) = word[0];
        return Some((vec![Edit::replace(o..o + 1, digit_like(c)?.to_string())], false));
    }
    let ordinal = prev == Some('第');
    let mut edits = Vec::new();
    let mut certain = true;
    for (n, &(o, c)) in word.iter().enumerate() {
        let Some(d) = digit_like(c) else { continue };
        let after_digit = word[..n].iter().any(|(_, p)| p.is_ascii_digit());
        let between = after_digit && word[n + 1..].iter().any(|(_, f)| f.is_ascii_digit());
        let before_unit = after_digit && n + 1 == word.len() && quantity;
        if !between && !before_unit {
            certain = false;
            // Elsewhere a letter is a digit only where the whole reads as a quantity or an
            // ordinal (l1月, I200多家, 第I0届); O2O and A320 are names.
            let digits_after = word[n + 1..].iter().any(|(_, f)| f.is_ascii_digit());
            if !(quantity || ordinal && digits_after) {
                return None;
            }
        }
        edits.push(Edit::replace(o..o + 1, d.to_string()));
    }
    Some((edits, certain))
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
    use crate::fix::Applicability;
    use crate::rules::test_support::{check, diagnostics, fixed};

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
        // OCR's lone letters: at the start of a number, before a unit, in a date or a range.
        for (text, found) in [
            ("今年l1月", "l1"),
            ("第I0届博览会", "I0"),
            ("增幅达到O.5%", "O"),
            ("新增I个试点", "I"),
            ("每l次检查", "l"),
            ("2月l8日", "l8"),
            ("I—6月份", "I"),
            ("共有I200多家企业", "I200"),
            // Before decimals, after 余 or 多, before more measure words.
            ("设施约l4.5万个", "l4"),
            ("部署了30o余公里公路", "30o"),
            ("折叠床960o张", "960o"),
            ("至少45O名居民", "45O"),
            ("成为I8国的最大贸易伙伴", "I8"),
            ("率6o多位代表", "6o"),
            ("增加到I8000多台", "I8000"),
            ("以1o票赞成", "1o"),
            ("l至5月", "l"),
        ] {
            assert_eq!(check(RULE, text), [found], "{text}");
        }
        // Safe only between digits or between a digit and a unit.
        let safe = |text: &str| {
            diagnostics(RULE, text).iter().all(|d| {
                d.fix
                    .as_ref()
                    .is_some_and(|f| f.applicability == Applicability::Safe)
            })
        };
        assert!(safe("占比3O%") && safe("2O23年"));
        assert!(!safe("新增I个试点") && !safe("今年l1月") && !safe("第I0届"));
        assert_eq!(fixed(RULE, "新增I个试点"), "新增1个试点");
    }

    #[test]
    fn codes_and_whole_numbers_are_clean() {
        for text in [
            "A320客机、G60科创走廊、T01号、O2O模式、B-52轰炸机、AC332",
            "２０２３年",
            "Москва和Paris",
            "IO接口，20OK",
            "iPhone 15",
            // Roman numerals and names.
            "临床试验进入第Ⅰ期，I期临床顺利，I型糖尿病，O型血，Ⅱ类医疗器械。",
            "I love it，O2O平台，IO口。",
            "O2O公司，I期项目，I类设备，A级景区，I号线。",
        ] {
            assert_eq!(check(RULE, text), Vec::<String>::new(), "{text}");
        }
    }
}
