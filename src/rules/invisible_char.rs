use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::rule::{Check, declare_rule, options};
use crate::source::{Classes, Document, LineKind};

declare_rule! {
    /// ## What it does
    /// Finds characters that show nothing or show as a plain space but are not one: zero-width
    /// spaces and joiners, a byte-order mark after the start of the file, soft hyphens,
    /// no-break spaces, bidirectional controls and other format characters.
    ///
    /// ## Why is this bad
    /// They split words for search and deduplication, survive every visual check, and come
    /// from web pages and word processors, not from the article.
    ///
    /// ## Example
    /// ```text
    /// 2023-12-29 07:01:33\u00A0 \u00A0 作者:夏元
    /// ```
    /// Fixed: no-break spaces become plain spaces, the others are removed.
    ///
    /// A zero-width joiner between two emoji is part of the emoji and is not flagged; the
    /// ideographic space U+3000 is a Chinese space, left to the `whitespace` rule.
    ///
    /// ## Fix safety
    /// Safe.
    name: "invisible-char",
    category: Characters,
    severity: Warning,
    default: true,
    fix: Always,
}

pub(crate) fn build(value: Option<&toml::Value>) -> Result<Box<dyn Check>, String> {
    let _: super::NoOptions = options(value)?;
    Ok(Box::new(InvisibleChar))
}

struct InvisibleChar;

/// The name shown for an invisible character, and whether it stands for a space.
fn classify(c: char) -> Option<(&'static str, bool)> {
    // Fast exit for ASCII and the CJK blocks, where nearly all text lives.
    if c < '\u{A0}' || (('\u{3400}'..='\u{FEFE}').contains(&c) && c != '\u{3164}') {
        return None;
    }
    Some(match c {
        '\u{00A0}' => ("no-break space", true),
        '\u{202F}' => ("narrow no-break space", true),
        '\u{2007}' => ("figure space", true),
        '\u{00AD}' => ("soft hyphen", false),
        '\u{200B}' => ("zero-width space", false),
        '\u{200C}' => ("zero-width non-joiner", false),
        '\u{200D}' => ("zero-width joiner", false),
        '\u{2060}' => ("word joiner", false),
        '\u{FEFF}' => ("byte-order mark inside the text", false),
        '\u{034F}' => ("combining grapheme joiner", false),
        '\u{180E}' => ("Mongolian vowel separator", false),
        '\u{200E}' | '\u{200F}' | '\u{061C}' => ("directional mark", false),
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => ("bidirectional control", false),
        '\u{2061}'..='\u{2064}' => ("invisible operator", false),
        '\u{3164}' | '\u{FFA0}' | '\u{115F}' | '\u{1160}' => ("Hangul filler", false),
        _ => return None,
    })
}

fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF)
}

impl Check for InvisibleChar {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        // Blank lines too: a line of no-break spaces looks blank.
        for line in doc.lines.iter().filter(|l| l.kind != LineKind::Code) {
            let base = line.range.start;
            let text = doc.slice(&line.range);
            if !line.classes.has(Classes::INVISIBLE) {
                continue;
            }
            // Space-like characters in trailing white space are the `whitespace` rule's.
            let trailing_from = text.trim_end_matches(char::is_whitespace).len();
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            let mut k = 0;
            while k < chars.len() {
                let Some((_, space)) = invisible(&chars, k) else {
                    k += 1;
                    continue;
                };
                if space && chars[k].0 >= trailing_from {
                    k += 1;
                    continue;
                }
                // One diagnostic for a run of invisible characters and the spaces among them.
                let mut edits = Vec::new();
                let mut names: Vec<&str> = Vec::new();
                let mut last = k;
                let mut j = k;
                while j < chars.len()
                    && chars[j].0 < trailing_from
                    && (chars[j].1 == ' ' || invisible(&chars, j).is_some())
                {
                    if let Some((name, space)) = invisible(&chars, j) {
                        let (o, c) = chars[j];
                        edits.push(Edit::replace(
                            base + o..base + o + c.len_utf8(),
                            if space { " " } else { "" },
                        ));
                        if !names.contains(&name) {
                            names.push(name);
                        }
                        last = j;
                    }
                    j += 1;
                }
                let start = base + chars[k].0;
                let end = base + chars[last].0 + chars[last].1.len_utf8();
                let count = edits.len();
                let what = names.join(", ");
                let message = if count == 1 {
                    format!("invisible character: {what} (U+{:04X})", chars[k].1 as u32)
                } else {
                    format!("{count} invisible characters: {what}")
                };
                out.push(
                    Diagnostic::new(META.name, start..end, message).with_fix(Fix::safe(
                        "Replace no-break spaces with spaces and remove the rest",
                        edits,
                    )),
                );
                k = last + 1;
            }
        }
    }
}

fn invisible(chars: &[(usize, char)], k: usize) -> Option<(&'static str, bool)> {
    let c = chars[k].1;
    if c == '\u{200D}' {
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|&(_, n)| n);
        if prev.is_some_and(is_emoji) && next.is_some_and(is_emoji) {
            return None;
        }
    }
    classify(c)
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{check, fixed};

    const RULE: &str = "invisible-char";

    #[test]
    fn flags_invisible_characters() {
        let text = "07:01:33\u{A0} \u{A0} 作者";
        assert_eq!(check(RULE, text), ["\u{A0} \u{A0}"]);
        assert_eq!(fixed(RULE, text), "07:01:33    作者");
        assert_eq!(fixed(RULE, "数\u{200B}字\u{AD}化\u{FEFF}"), "数字化");
        assert_eq!(check(RULE, "文\u{202E}字").len(), 1);
    }

    #[test]
    fn visible_text_and_emoji_joiners_are_clean() {
        for text in [
            "正常的文字，　全角空格。",
            "👨\u{200D}👩",
            "a b\tc",
            "段落结束。\u{A0} ",
        ] {
            assert_eq!(check(RULE, text), Vec::<String>::new(), "{text:?}");
        }
    }
}
