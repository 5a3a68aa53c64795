use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::rule::{Check, declare_rule, options};
use crate::source::Document;
use crate::source::chars::{is_chinese, is_han};

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
            let base = block.content.start;
            let text = doc.block_text(block);
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            check_marks(&chars, text, base, out);
            check_parentheses(&chars, base, out);
            check_quotes(&chars, base, out);
        }
    }
}

fn at(chars: &[(usize, char)], k: usize) -> char {
    chars.get(k).map_or('\n', |&(_, c)| c)
}

fn before(chars: &[(usize, char)], k: usize) -> char {
    if k == 0 { '\n' } else { chars[k - 1].1 }
}

/// Previous character that is not an ASCII space.
fn before_non_space(chars: &[(usize, char)], k: usize) -> char {
    chars[..k]
        .iter()
        .rev()
        .map(|&(_, c)| c)
        .find(|&c| c != ' ')
        .unwrap_or('\n')
}

/// Next character that is not an ASCII space.
fn next_non_space(chars: &[(usize, char)], k: usize) -> (usize, char) {
    let mut j = k + 1;
    while at(chars, j) == ' ' {
        j += 1;
    }
    (j, at(chars, j))
}

fn check_marks(chars: &[(usize, char)], text: &str, base: usize, out: &mut Vec<Diagnostic>) {
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        let p = before(chars, k);
        let n = at(chars, k + 1);
        match c {
            '.' => {
                let run = chars[k..].iter().take_while(|&&(_, d)| d == '.').count();
                if run >= 3 && (is_chinese(p) || is_chinese(at(chars, k + run))) {
                    let end = chars.get(k + run).map_or(text.len(), |&(j, _)| j);
                    out.push(
                        Diagnostic::new(
                            META.name,
                            base + i..base + end,
                            "ASCII dots used as a Chinese ellipsis",
                        )
                        .with_fix(Fix::safe(
                            "Replace with `……`",
                            vec![Edit::replace(base + i..base + end, "……")],
                        )),
                    );
                } else if run == 1 && is_chinese(p) && !n.is_ascii_alphanumeric() {
                    push_mark(out, base, i, c, i + 1, "。");
                }
                k += run;
                continue;
            }
            ',' | ';' | ':' | '?' | '!' => {
                let (j, after) = next_non_space(chars, k);
                let numeric = p.is_ascii_digit() && n.is_ascii_digit();
                let url = c == ':' && text[i..].starts_with("://");
                if !numeric && !url && (is_chinese(p) || is_chinese(after)) {
                    // Swallow the spaces an English keyboard puts after the mark.
                    let end = if is_chinese(after) {
                        chars.get(j).map_or(text.len(), |&(o, _)| o)
                    } else {
                        i + 1
                    };
                    push_mark(out, base, i, c, end, &full_width(c).to_string());
                }
            }
            _ => {}
        }
        k += 1;
    }
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

/// ASCII brackets around Chinese text or standing next to it. Pairs are matched within the
/// paragraph; an unmatched one is reported alone when a neighbour is Chinese.
fn check_parentheses(chars: &[(usize, char)], base: usize, out: &mut Vec<Diagnostic>) {
    let mut stack: Vec<usize> = Vec::new();
    for k in 0..chars.len() {
        let c = chars[k].1;
        if c == '(' {
            stack.push(k);
        } else if c == ')' {
            match stack.pop() {
                Some(o) => {
                    let inner_han = chars[o + 1..k].iter().any(|&(_, d)| is_han(d));
                    let outer = is_chinese(before(chars, o)) || is_chinese(at(chars, k + 1));
                    // A Chinese term in an English sentence keeps English parentheses.
                    let english =
                        !is_chinese(before_non_space(chars, o)) && !is_chinese(next_non_space(chars, k).1);
                    // f(x), A(1): notation glued to a Latin letter or digit.
                    let notation = !inner_han && before(chars, o).is_ascii_alphanumeric();
                    if (outer && !notation) || (inner_han && !english) {
                        let (s, e) = (chars[o].0, chars[k].0);
                        out.push(
                            Diagnostic::new(
                                META.name,
                                base + s..base + e + 1,
                                "ASCII parentheses in Chinese text",
                            )
                            .with_fix(Fix::safe(
                                "Replace with `（）`",
                                vec![
                                    Edit::replace(base + s..base + s + 1, "（"),
                                    Edit::replace(base + e..base + e + 1, "）"),
                                ],
                            )),
                        );
                    }
                }
                None => lone(chars, k, base, "）", out),
            }
        }
    }
    for k in stack {
        lone(chars, k, base, "（", out);
    }
}

fn lone(chars: &[(usize, char)], k: usize, base: usize, full: &str, out: &mut Vec<Diagnostic>) {
    let (i, c) = chars[k];
    if is_chinese(before(chars, k)) || is_chinese(at(chars, k + 1)) {
        out.push(
            Diagnostic::new(
                META.name,
                base + i..base + i + 1,
                format!("ASCII `{c}` in Chinese text"),
            )
            .with_fix(Fix::safe(
                format!("Replace with `{full}`"),
                vec![Edit::replace(base + i..base + i + 1, full)],
            )),
        );
    }
}

/// Straight quotes: `"` pairs in order; `'` only around Chinese text (it is also the apostrophe).
fn check_quotes(chars: &[(usize, char)], base: usize, out: &mut Vec<Diagnostic>) {
    let doubles: Vec<usize> = (0..chars.len()).filter(|&k| chars[k].1 == '"').collect();
    let paired = doubles.len().is_multiple_of(2);
    for (n, &k) in doubles.iter().enumerate() {
        let near = is_chinese(before(chars, k)) || is_chinese(at(chars, k + 1));
        if !near {
            continue;
        }
        let i = chars[k].0;
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
    for k in 0..chars.len() {
        if chars[k].1 != '\'' {
            continue;
        }
        // An apostrophe between letters (China's) is English, not a quote.
        if before(chars, k).is_ascii_alphabetic() && at(chars, k + 1).is_ascii_alphabetic() {
            continue;
        }
        match open.take() {
            None => open = Some(k),
            Some(o) => {
                if chars[o + 1..k].iter().any(|&(_, d)| is_han(d)) {
                    let (s, e) = (chars[o].0, chars[k].0);
                    out.push(
                        Diagnostic::new(
                            META.name,
                            base + s..base + e + 1,
                            "ASCII single quotes in Chinese text",
                        )
                        .with_fix(Fix::safe(
                            "Replace with `‘’`",
                            vec![
                                Edit::replace(base + s..base + s + 1, "‘"),
                                Edit::replace(base + e..base + e + 1, "’"),
                            ],
                        )),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{check, fixed};

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
