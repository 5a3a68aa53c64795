use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::rule::{Check, declare_rule, options};
use crate::source::{Classes, Document};
use regex::Regex;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it does
    /// Finds what the extraction left of HTML and templates: tags (`<br>`, `</p>`), entities
    /// (`&nbsp;`, `&ldquo;`), a Markdown `**` without its partner, a heading `#` that is not at
    /// a line start, and template syntax (`{{ title }}`, `{% if %}`, `${name}`).
    ///
    /// ## Why is this bad
    /// It is not text: readers see code, and models learn it as language.
    ///
    /// ## Example
    /// ```text
    /// 营商环境明显改善。<br>&nbsp;&nbsp;下一步，
    /// ```
    /// Fixed (safe part: entities):
    /// ```text
    /// 营商环境明显改善。<br>  下一步，
    /// ```
    ///
    /// Not flagged: Markdown structure (headings, list items, paired `**bold**`), `#话题#`
    /// hashtags, `C#`, comparison signs in text (`a<b`), and anything inside a code fence.
    ///
    /// ## Fix safety
    /// Entities are decoded (safe). Tags and template placeholders (`{{ title }}`) are deleted
    /// (unsafe: a `<br>` may have been a paragraph break); around text that is not a template
    /// expression (`{{今天天气很好。}}`) only the markers are deleted. An unpaired `**` is
    /// deleted (unsafe).
    name: "markup-residue",
    category: Residue,
    severity: Warning,
    default: true,
    fix: Always,
}

pub(crate) fn build(value: Option<&toml::Value>) -> Result<Box<dyn Check>, String> {
    let _: super::NoOptions = options(value)?;
    Ok(Box::new(MarkupResidue))
}

struct MarkupResidue;

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)</?(?:p|br|div|span|a|img|strong|b|i|em|u|s|font|table|tbody|thead|tr|td|th|ul|ol|li|h[1-6]|section|article|header|footer|nav|script|style|iframe|center|sup|sub|hr|blockquote|figure|figcaption|video|audio|source|meta|link|input|label|form|button|small|big|pre|code)(?:\s+[^<>\n]*?)?\s*/?>",
    )
    .expect("valid regex")
});

static ENTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"&(?:nbsp|ensp|emsp|thinsp|amp|lt|gt|quot|apos|ldquo|rdquo|lsquo|rsquo|mdash|ndash|hellip|middot|times|copy|reg|deg|yen|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});")
        .expect("valid regex")
});

/// Template syntax; runs of braces count as one marker (`{{{{x}}}}`), so one pass removes them.
static TEMPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\{\{+)([^{}\n]*)(\}\}+)|((?:\{%)+)([^{}\n]*?)((?:%\})+)|((?:\$\{)+)([^{}\n]*)(\}+)")
        .expect("valid regex")
});

/// What a template expression holds: names, filters, arguments, never Chinese text.
static TEMPLATE_EXPRESSION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"^[\x20-\x7E&&[^{}]]*$"#).expect("valid regex"));

/// `#` to `######` and a space, standing after text on the same line.
static INNER_HEADING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"#{1,6} ").expect("valid regex"));

fn decode_entity(entity: &str) -> Option<String> {
    let name = &entity[1..entity.len() - 1];
    let text = match name {
        "nbsp" | "ensp" | "emsp" | "thinsp" => " ",
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "ldquo" => "“",
        "rdquo" => "”",
        "lsquo" => "‘",
        "rsquo" => "’",
        "mdash" => "—",
        "ndash" => "–",
        "hellip" => "…",
        "middot" => "·",
        "times" => "×",
        "copy" => "©",
        "reg" => "®",
        "deg" => "°",
        "yen" => "¥",
        _ => {
            let code = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => name.strip_prefix('#')?.parse().ok()?,
            };
            return char::from_u32(code).filter(|c| !c.is_control()).map(String::from);
        }
    };
    Some(text.to_owned())
}

impl Check for MarkupResidue {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for line in doc.text_lines() {
            let base = line.content.start;
            let text = doc.slice(&line.content);
            if !line.classes.has(Classes::MARKUP) {
                continue;
            }
            for m in TAG.find_iter(text) {
                let span = base + m.start()..base + m.end();
                out.push(
                    Diagnostic::new(
                        META.name,
                        span.clone(),
                        format!("HTML tag `{}` in text", m.as_str()),
                    )
                    .with_fix(Fix::unsafe_("Delete the tag", vec![Edit::delete(span)])),
                );
            }
            for m in ENTITY.find_iter(text) {
                let span = base + m.start()..base + m.end();
                let mut d = Diagnostic::new(
                    META.name,
                    span.clone(),
                    format!("HTML entity `{}` in text", m.as_str()),
                );
                if let Some(decoded) = decode_entity(m.as_str()) {
                    d = d.with_fix(Fix::safe(
                        format!("Replace with `{decoded}`"),
                        vec![Edit::replace(span, decoded)],
                    ));
                }
                out.push(d);
            }
            for c in TEMPLATE.captures_iter(text) {
                let (Some(whole), Some(open), Some(inner), Some(close)) = (
                    c.get(0),
                    c.get(1).or(c.get(4)).or(c.get(7)),
                    c.get(2).or(c.get(5)).or(c.get(8)),
                    c.get(3).or(c.get(6)).or(c.get(9)),
                ) else {
                    continue;
                };
                let span = base + whole.start()..base + whole.end();
                let d = Diagnostic::new(
                    META.name,
                    span.clone(),
                    format!("template syntax `{}` in text", whole.as_str()),
                );
                // A placeholder (`{{ title }}`) goes whole; text between the markers stays.
                let fix = if TEMPLATE_EXPRESSION.is_match(inner.as_str()) {
                    Fix::unsafe_("Delete it", vec![Edit::delete(span)])
                } else {
                    Fix::unsafe_(
                        "Delete the template markers, keep the text",
                        vec![
                            Edit::delete(base + open.start()..base + open.end()),
                            Edit::delete(base + close.start()..base + close.end()),
                        ],
                    )
                };
                out.push(d.with_fix(fix));
            }
            for m in INNER_HEADING.find_iter(text) {
                let before = text[..m.start()].chars().next_back();
                // A heading marker glued after text; not C#, not the end of #话题#.
                if before.is_some_and(|c| !c.is_ascii_alphanumeric() && c != '#' && !c.is_whitespace()) {
                    let span = base + m.start()..base + m.end();
                    out.push(
                        Diagnostic::new(META.name, span, "Markdown heading marker in the middle of a line")
                            .with_help("a heading was joined to the text before it: break the line here"),
                    );
                }
            }
        }
        for block in doc.text_blocks().filter(|b| b.classes.has(Classes::MARKUP)) {
            let text = doc.block_text(block);
            let marks: Vec<usize> = text.match_indices("**").map(|(i, _)| i).collect();
            if marks.len() % 2 == 1 {
                let at = block.content.start + marks[marks.len() - 1];
                out.push(
                    Diagnostic::new(META.name, at..at + 2, "`**` without its partner")
                        .with_fix(Fix::unsafe_("Delete the marker", vec![Edit::delete(at..at + 2)])),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{check, fixed};

    const RULE: &str = "markup-residue";

    #[test]
    fn flags_tags_entities_templates_and_stray_markers() {
        assert_eq!(
            check(RULE, "改善。<br>&nbsp;下一步，</p>"),
            ["<br>", "&nbsp;", "</p>"]
        );
        assert_eq!(fixed(RULE, "他说&ldquo;好&rdquo;&#12290;"), "他说“好”。");
        assert_eq!(
            check(RULE, "标题{{ title }}，${name}"),
            ["{{ title }}", "${name}"]
        );
        assert_eq!(fixed(RULE, "标题{{ title }}，${name}"), "标题，");
        assert_eq!(check(RULE, "超**2.5亿件**，超**98%"), ["**"]);
        assert_eq!(check(RULE, "改善营商环境。## 焦点二"), ["## "]);
        assert_eq!(check(RULE, "<span class=\"x\">文字</span>").len(), 2);
    }

    #[test]
    fn template_markers_go_and_the_text_between_them_stays() {
        assert_eq!(
            fixed(RULE, "他说{{今天天气很好，大家都出门了。}}明天见。"),
            "他说今天天气很好，大家都出门了。明天见。"
        );
        // Nested braces are one marker: one pass removes them all.
        assert_eq!(check(RULE, "新{{{{闻}}}}。"), ["{{{{闻}}}}"]);
        assert_eq!(fixed(RULE, "新{{{{{{{{闻}}}}}}}}。"), "新闻。");
        assert_eq!(fixed(RULE, "见{% if x %}报"), "见报");
        assert_eq!(fixed(RULE, "见{%{%{%%}%}%}报"), "见报");
    }

    #[test]
    fn markdown_and_text_are_clean() {
        for text in [
            "# 标题\n\n- 截至目前，累计办件总量已超**2.5亿件**",
            "#两会#话题讨论",
            "学习C# 编程",
            "若a<b且c>d",
            "```\n<br>\n```",
            "AT&T公司",
        ] {
            assert_eq!(check(RULE, text), Vec::<String>::new(), "{text}");
        }
    }
}
