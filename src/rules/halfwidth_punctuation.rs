use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::rule::{Check, declare_rule, options};
use crate::source::chars::{is_chinese, is_han};
use crate::source::{Classes, Document};

declare_rule! {
    /// ## What it does
    /// Finds ASCII punctuation (`, . : ; ? ! ( )` and straight quotes) used as the punctuation
    /// of Chinese text.
    ///
    /// ## Why is this bad
    /// Chinese text takes full-width marks. ASCII marks come from an English keyboard or an
    /// OCR engine; they break the typesetting, and tools that split sentences on `。` miss them.
    ///
    /// ## Example
    /// ```text
    /// 加快推动高质量发展,他们亮出这些实招
    /// 西部(重庆)科学城
    /// ```
    /// Fixed:
    /// ```text
    /// 加快推动高质量发展，他们亮出这些实招
    /// 西部（重庆）科学城
    /// ```
    ///
    /// Numbers keep their punctuation: `2.5亿`, `1,000`, `07:01:33`, `1/3`, and so do URLs and
    /// English phrases quoted inside Chinese text (`Hello, world`).
    ///
    /// ## Fix safety
    /// Safe: each mark is replaced by its full-width form (a space an English keyboard put after
    /// it goes too). Straight double quotes are fixed only when they pair up in the paragraph.
    name: "halfwidth-punctuation",
    category: Characters,
    severity: Warning,
    default: true,
    fix: Sometimes,
}

pub(crate) fn build(value: Option<&toml::Value>) -> Result<Box<dyn Check>, String> {
    let _: super::NoOptions = options(value)?;
    Ok(Box::new(HalfwidthPunctuation))
}

struct HalfwidthPunctuation;

fn full_width(c: char) -> char {
    match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '.' => '。',
        _ => c,
    }
}

impl Check for HalfwidthPunctuation {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for block in doc.text_blocks() {
            if !block.classes.has(Classes::ASCII_PUNCT) {
                continue;
            }
            let base = block.content.start;
            let text = doc.block_text(block);
            // Only the ASCII marks are visited, by byte position; their neighbours are
            // decoded on demand, so the cost follows the marks, not the text.
            let marks = ascii_marks(text, doc.marks(&block.content), base);
            if marks.is_empty() {
                continue;
            }
            check_marks(&marks, text, base, out);
            check_parentheses(&marks, text, base, out);
            check_quotes(&marks, text, base, out);
        }
    }
}

/// Byte offsets (into `text`, which starts at `base`) of the ASCII marks this rule looks at,
/// picked from the document's punctuation offsets.
fn ascii_marks(text: &str, offsets: &[u32], base: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    offsets
        .iter()
        .map(|&m| m as usize - base)
        .filter(|&i| {
            matches!(
                bytes[i],
                b',' | b'.' | b':' | b';' | b'?' | b'!' | b'(' | b')' | b'"' | b'\''
            )
        })
        .collect()
}

/// The character before byte `i` (a line break at the start).
fn before(text: &str, i: usize) -> char {
    text[..i].chars().next_back().unwrap_or('\n')
}

/// The character at byte `i` (a line break at the end).
fn at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or('\n')
}

/// Previous character that is not an ASCII space.
fn before_non_space(text: &str, i: usize) -> char {
    before(text, text[..i].trim_end_matches(' ').len())
}

/// Offset and character of the first non-space at or after byte `i`.
fn next_non_space(text: &str, i: usize) -> (usize, char) {
    let j = text.len() - text[i..].trim_start_matches(' ').len();
    (j, at(text, j))
}

fn check_marks(marks: &[usize], text: &str, base: usize, out: &mut Vec<Diagnostic>) {
    let bytes = text.as_bytes();
    let mut skip_until = 0;
    for &i in marks {
        if i < skip_until {
            continue;
        }
        let c = char::from(bytes[i]);
        let p = before(text, i);
        let n = at(text, i + 1);
        match c {
            '.' => {
                let run = bytes[i..].iter().take_while(|&&b| b == b'.').count();
                skip_until = i + run;
                if run >= 3 && (is_chinese(p) || is_chinese(at(text, i + run))) {
                    let span = base + i..base + i + run;
                    out.push(
                        Diagnostic::new(META.name, span.clone(), "ASCII dots used as a Chinese ellipsis")
                            .with_fix(Fix::safe("Replace with `……`", vec![Edit::replace(span, "……")])),
                    );
                } else if run == 1 && is_chinese(p) && !n.is_ascii_alphanumeric() {
                    push_mark(out, base, i, c, i + 1, "。");
                }
            }
            ',' | ';' | ':' | '?' | '!' => {
                let (j, after) = next_non_space(text, i + 1);
                let numeric = p.is_ascii_digit() && n.is_ascii_digit();
                let url = c == ':' && text[i..].starts_with("://");
                if c == ';' && ends_entity(&text[..i]) {
                    // `&nbsp;`: markup-residue's, not a semicolon.
                    continue;
                }
                let is_mark =
                    |c: char| matches!(c, ',' | ';' | ':' | '?' | '!' | '，' | '；' | '：' | '？' | '！');
                let (start, end) = run_around(text, i, is_mark);
                let in_chinese = is_chinese(p)
                    || is_chinese(after)
                    || is_chinese(before(text, start))
                    || is_chinese(next_non_space(text, end).1)
                    || !text[start..end].is_ascii();
                if !numeric && !url && in_chinese {
                    // Swallow the spaces an English keyboard puts after the mark.
                    let end = if is_chinese(after) { j } else { i + 1 };
                    push_mark(out, base, i, c, end, &full_width(c).to_string());
                }
            }
            _ => {}
        }
    }
}

/// `text` ends with the head of an HTML entity (`&nbsp`, `&#12290`).
fn ends_entity(text: &str) -> bool {
    let name = text.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '#');
    name.ends_with('&') && name.len() < text.len()
}

fn push_mark(out: &mut Vec<Diagnostic>, base: usize, i: usize, c: char, end: usize, replacement: &str) {
    out.push(
        Diagnostic::new(
            META.name,
            base + i..base + i + 1,
            format!("ASCII `{c}` in Chinese text"),
        )
        .with_fix(Fix::safe(
            format!("Replace with `{replacement}`"),
            vec![Edit::replace(base + i..base + end, replacement)],
        )),
    );
}

/// Replaces the two ASCII marks at `open` and `close` with full-width ones.
fn push_pair(out: &mut Vec<Diagnostic>, base: usize, open: usize, close: usize, pair: [&str; 2], what: &str) {
    out.push(
        Diagnostic::new(
            META.name,
            base + open..base + close + 1,
            format!("ASCII {what} in Chinese text"),
        )
        .with_fix(Fix::safe(
            format!("Replace with `{}{}`", pair[0], pair[1]),
            vec![
                Edit::replace(base + open..base + open + 1, pair[0]),
                Edit::replace(base + close..base + close + 1, pair[1]),
            ],
        )),
    );
}

/// ASCII brackets around Chinese text or standing next to it. Pairs are matched within the
/// paragraph; an unmatched one is reported alone when a neighbour is Chinese.
fn check_parentheses(marks: &[usize], text: &str, base: usize, out: &mut Vec<Diagnostic>) {
    let bytes = text.as_bytes();
    let mut stack: Vec<usize> = Vec::new();
    for &k in marks {
        if bytes[k] == b'(' {
            stack.push(k);
        } else if bytes[k] == b')' {
            match stack.pop() {
                Some(o) => {
                    let inner_han = text[o + 1..k].chars().any(is_han);
                    // Nested brackets (`((新))`) are judged by the text outside them all.
                    let (left_at, _) = run_around(text, o, is_bracket);
                    let (_, right_at) = run_around(text, k, is_bracket);
                    let nested = !text[left_at..o].is_ascii() || !text[k + 1..right_at].is_ascii();
                    let outer = is_chinese(before(text, o))
                        || is_chinese(at(text, k + 1))
                        || is_chinese(before(text, left_at))
                        || is_chinese(at(text, right_at))
                        || nested;
                    // A Chinese term in an English sentence keeps English parentheses.
                    let english = !is_chinese(before_non_space(text, left_at))
                        && !is_chinese(next_non_space(text, right_at).1)
                        && !nested;
                    // f(x), A(1): notation glued to a Latin letter or digit.
                    let notation = !inner_han && before(text, o).is_ascii_alphanumeric();
                    if (outer && !notation) || (inner_han && !english) {
                        push_pair(out, base, o, k, ["（", "）"], "parentheses");
                    }
                }
                None => lone(text, k, base, "）", out),
            }
        }
    }
    for k in stack {
        lone(text, k, base, "（", out);
    }
}

fn is_bracket(c: char) -> bool {
    matches!(c, '(' | ')' | '（' | '）')
}

/// The byte range of the run of `member` characters (ASCII or full-width, say `???？` or
/// `((（`) around the one-byte mark at `i`. A mark in a run is judged by the text beyond the
/// whole run, not by its neighbour in the run: then one pass converts all of it, and the next
/// finds nothing new (`???习`, `((新))`, `霞""""记`).
fn run_around(text: &str, i: usize, member: impl Fn(char) -> bool + Copy) -> (usize, usize) {
    let start = text[..i].trim_end_matches(member).len();
    let end = text.len() - text[i + 1..].trim_start_matches(member).len();
    (start, end)
}

fn lone(text: &str, i: usize, base: usize, full: &str, out: &mut Vec<Diagnostic>) {
    let (start, end) = run_around(text, i, is_bracket);
    if is_chinese(before(text, i))
        || is_chinese(at(text, i + 1))
        || is_chinese(before(text, start))
        || is_chinese(at(text, end))
        || !text[start..end].is_ascii()
    {
        push_mark(out, base, i, char::from(text.as_bytes()[i]), i + 1, full);
    }
}

/// Straight quotes: `"` pairs in order; `'` only around Chinese text (it is also the apostrophe).
fn check_quotes(marks: &[usize], text: &str, base: usize, out: &mut Vec<Diagnostic>) {
    let bytes = text.as_bytes();
    let doubles: Vec<usize> = marks.iter().copied().filter(|&i| bytes[i] == b'"').collect();
    let paired = doubles.len().is_multiple_of(2);
    let is_quote = |c: char| matches!(c, '"' | '“' | '”');
    for (n, &i) in doubles.iter().enumerate() {
        let (start, end) = run_around(text, i, is_quote);
        if !is_chinese(before(text, start)) && !is_chinese(at(text, end)) {
            continue;
        }
        let mut d = Diagnostic::new(META.name, base + i..base + i + 1, "ASCII `\"` in Chinese text");
        if paired {
            let replacement = if n % 2 == 0 { "“" } else { "”" };
            d = d.with_fix(Fix::safe(
                format!("Replace with `{replacement}`"),
                vec![Edit::replace(base + i..base + i + 1, replacement)],
            ));
        } else {
            d = d.with_help("the straight quotes of this paragraph do not pair up: choose “ or ” by hand");
        }
        out.push(d);
    }
    let mut open: Option<usize> = None;
    for &k in marks.iter().filter(|&&i| bytes[i] == b'\'') {
        // An apostrophe between letters (China's) is English, not a quote.
        if before(text, k).is_ascii_alphabetic() && at(text, k + 1).is_ascii_alphabetic() {
            continue;
        }
        match open.take() {
            None => open = Some(k),
            Some(o) if text[o + 1..k].chars().any(is_han) => {
                push_pair(out, base, o, k, ["‘", "’"], "single quotes");
            }
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{check, fixed};

    #[test]
    fn a_run_of_marks_is_converted_in_one_pass() {
        let once = fixed("halfwidth-punctuation", "他说???习近平指出!!!");
        assert_eq!(once, "他说？？？习近平指出！！！");
        assert_eq!(fixed("halfwidth-punctuation", "Really?! Yes."), "Really?! Yes.");
    }

    #[test]
    fn a_run_of_quotes_is_converted_in_one_pass() {
        let text = format!("霞{}记", "\"".repeat(20));
        let once = fixed("halfwidth-punctuation", &text);
        assert_eq!(once, format!("霞{}记", "“”".repeat(10)));
        assert!(check("halfwidth-punctuation", &once).is_empty());
    }

    const RULE: &str = "halfwidth-punctuation";

    #[test]
    fn flags_ascii_marks_in_chinese_text() {
        assert_eq!(check(RULE, "加快推动高质量发展,他们亮出这些实招").len(), 1);
        assert_eq!(
            fixed(RULE, "发展, 他们说:好吗?好!走;来."),
            "发展，他们说：好吗？好！走；来。"
        );
        assert_eq!(fixed(RULE, "西部(重庆)科学城"), "西部（重庆）科学城");
        assert_eq!(fixed(RULE, "人工智能(AI)技术"), "人工智能（AI）技术");
        assert_eq!(fixed(RULE, "他说\"好\"。"), "他说“好”。");
        assert_eq!(fixed(RULE, "所谓'急难愁盼'问题"), "所谓‘急难愁盼’问题");
        assert_eq!(fixed(RULE, "等等...然后"), "等等……然后");
    }

    #[test]
    fn numbers_urls_and_english_are_left_alone() {
        for text in [
            "2.5亿件，7.22亿元",
            "共1,000人",
            "2023-12-29 07:01:33发布",
            "占全市总量1/3。",
            "访问https://www.gov.cn查询",
            "他说Hello, world。",
            "China's economy",
            "f(x)函数",
            "1.加强领导",
            "broadcast stories (新闻联播 text) from CCTV",
            "&nbsp;&nbsp;其中小学80所",
        ] {
            assert_eq!(check(RULE, text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn odd_straight_quotes_are_flagged_without_a_fix() {
        let found = crate::rules::test_support::diagnostics(RULE, "他说\"好，走。");
        assert_eq!(found.len(), 1);
        assert!(found[0].fix.is_none());
    }
}
