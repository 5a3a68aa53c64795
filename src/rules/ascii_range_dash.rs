use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::rule::{Check, declare_rule, options};
use crate::source::Document;
use crate::source::chars::is_han;
use regex::Regex;
use serde::Deserialize;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it does
    /// Finds an ASCII hyphen used for a range of numbers in Chinese text (`1-8月`), where the
    /// house style wants a wave dash (`1～8月`) or a dash.
    ///
    /// ## Why is this bad
    /// House style: GB/T 15834 writes numeric ranges with ～ or —. Pedantic, so off unless
    /// selected.
    ///
    /// ## Example
    /// ```text
    /// 今年1-8月，新增企业3437户
    /// ```
    /// Fixed:
    /// ```text
    /// 今年1～8月，新增企业3437户
    /// ```
    ///
    /// Not flagged: dates (`2023-12-29`), model names (`B-52`, `A350-900`, `CRJ-900`), phone
    /// and code numbers, ranges not followed by a Chinese unit.
    ///
    /// ## Fix safety
    /// Safe: the hyphen is replaced by the mark set with `mark` under
    /// `[rules.ascii-range-dash]` (default `～`).
    name: "ascii-range-dash",
    category: Pedantic,
    severity: Warning,
    default: false,
    fix: Always,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    /// The range mark of the house style.
    #[serde(default = "default_mark")]
    mark: String,
}

impl Default for Options {
    fn default() -> Self {
        Options { mark: default_mark() }
    }
}

fn default_mark() -> String {
    "～".to_owned()
}

pub(crate) fn build(value: Option<&toml::Value>) -> Result<Box<dyn Check>, String> {
    let options: Options = options(value)?;
    // The fix puts the mark between two numbers: it must be one or two marks, not nothing,
    // a space, a digit or a letter (`1-8月` must not become `18月`).
    let count = options.mark.chars().count();
    if !(1..=2).contains(&count)
        || options
            .mark
            .chars()
            .any(|c| c.is_ascii_alphanumeric() || c.is_numeric() || c.is_whitespace())
    {
        return Err(format!(
            "mark = {:?} is not a range mark: give one or two marks such as \"～\", \"—\" or \"至\"",
            options.mark
        ));
    }
    Ok(Box::new(AsciiRangeDash { mark: options.mark }))
}

struct AsciiRangeDash {
    mark: String,
}

static RANGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d+(?:\.\d+)?%?-\d+(?:\.\d+)?").expect("valid regex"));

impl Check for AsciiRangeDash {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for line in doc.text_lines() {
            let base = line.content.start;
            let text = doc.slice(&line.content);
            for m in RANGE.find_iter(text) {
                let before = text[..m.start()].chars().next_back().unwrap_or(' ');
                let after = text[m.end()..].chars().next().unwrap_or(' ');
                if before.is_ascii_alphanumeric() || matches!(before, '-' | '.' | '/' | ':') {
                    continue;
                }
                if !(is_han(after) || after == '%') {
                    continue;
                }
                let dash = base + m.start() + m.as_str().find('-').expect("the pattern has one");
                out.push(
                    Diagnostic::new(META.name, dash..dash + 1, "ASCII hyphen used for a range").with_fix(
                        Fix::safe(
                            format!("Replace with `{}`", self.mark),
                            vec![Edit::replace(dash..dash + 1, self.mark.as_str())],
                        ),
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::{check, fixed};

    const RULE: &str = "ascii-range-dash";

    #[test]
    fn flags_ranges_before_units() {
        assert_eq!(check(RULE, "今年1-8月，新增"), ["-"]);
        assert_eq!(fixed(RULE, "今年1-6月，增长5%-8%"), "今年1～6月，增长5%～8%");
    }

    #[test]
    fn marks_that_would_garble_the_range_are_refused() {
        let build = |mark: &str| {
            let value: toml::Value = toml::from_str(&format!("mark = {mark:?}")).unwrap();
            (crate::rules::find(RULE).unwrap().build)(Some(&value)).map(|_| ())
        };
        for bad in ["", " ", "8", "to", "--x"] {
            assert!(build(bad).is_err(), "{bad:?}");
        }
        for good in ["～", "—", "至", "——"] {
            assert!(build(good).is_ok(), "{good:?}");
        }
    }

    #[test]
    fn dates_and_models_are_clean() {
        for text in [
            "2023-12-29 07:01:33",
            "B-52轰炸机、A350-900客机、CRJ-900",
            "电话023-6123",
            "2023-12-29日",
        ] {
            assert_eq!(check(RULE, text), Vec::<String>::new(), "{text}");
        }
    }
}
