//! The registry: every rule newslint knows, in the order of the fault catalog.

use crate::rule::RuleEntry;
use serde::Deserialize;

mod ascii_range_dash;
mod boilerplate;
mod confusable_char;
mod dangling_ending;
mod duplicated_block;
mod garbled_text;
mod glued_byline;
mod halfwidth_punctuation;
mod interrupting_heading;
mod invisible_char;
mod markup_residue;
mod orphan_fragment;
mod repeated_token;
mod split_paragraph;
mod stray_latin;
mod truncated_paragraph;
mod unbalanced_pair;
mod whitespace;

macro_rules! entry {
    ($module:ident) => {
        RuleEntry {
            meta: &$module::META,
            build: $module::build,
        }
    };
}

pub static RULES: &[RuleEntry] = &[
    entry!(split_paragraph),
    entry!(truncated_paragraph),
    entry!(orphan_fragment),
    entry!(duplicated_block),
    entry!(interrupting_heading),
    entry!(dangling_ending),
    entry!(halfwidth_punctuation),
    entry!(unbalanced_pair),
    entry!(repeated_token),
    entry!(stray_latin),
    entry!(confusable_char),
    entry!(garbled_text),
    entry!(invisible_char),
    entry!(whitespace),
    entry!(boilerplate),
    entry!(markup_residue),
    entry!(glued_byline),
    entry!(ascii_range_dash),
];

/// The shortest paragraph `duplicated-block` compares, from its options.
pub fn duplicate_min_chars(value: Option<&toml::Value>) -> Result<usize, String> {
    duplicated_block::min_chars(value)
}

pub fn find(name: &str) -> Option<&'static RuleEntry> {
    RULES.iter().find(|r| r.meta.name == name)
}

/// The options table of a rule that has none: any key in it is an error.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NoOptions {}

pub(crate) use crate::source::words::segment;

/// A word list from `rules/` with the words the configuration adds.
pub(crate) fn word_set(data: &'static str, extra: Vec<String>) -> std::collections::HashSet<String> {
    word_list(data).map(str::to_owned).chain(extra).collect()
}

/// Reads a word list from `rules/`: one entry per line, `#` starts a comment.
pub(crate) fn word_list(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Runs one rule, with default options, on a snippet.

    use crate::diagnostic::Diagnostic;
    use crate::fix::{Applicability, apply_fixes};
    use crate::source::Document;

    pub fn diagnostics_with(rule: &str, text: &str, options: Option<&toml::Value>) -> Vec<Diagnostic> {
        let entry = super::find(rule).expect("rule exists");
        let check = (entry.build)(options).expect("options are valid");
        let doc = Document::parse(text);
        let mut out = Vec::new();
        check.check(&doc, &mut out);
        for d in &out {
            assert_eq!(d.rule, rule);
            assert!(
                text.is_char_boundary(d.span.start as usize) && text.is_char_boundary(d.span.end as usize)
            );
            assert!(d.span.start <= d.span.end && d.span.end as usize <= text.len());
        }
        out.sort_by_key(|d| (d.span, d.message.clone()));
        out
    }

    pub fn diagnostics(rule: &str, text: &str) -> Vec<Diagnostic> {
        diagnostics_with(rule, text, None)
    }

    /// The flagged text of each diagnostic.
    pub fn check(rule: &str, text: &str) -> Vec<String> {
        diagnostics(rule, text)
            .iter()
            .map(|d| text[d.span.range()].to_owned())
            .collect()
    }

    /// The text after applying every safe and unsafe fix once.
    pub fn fixed(rule: &str, text: &str) -> String {
        let found = diagnostics(rule, text);
        apply_fixes(
            text,
            found
                .iter()
                .filter_map(|d| d.fix.as_ref())
                .filter(|f| f.applicability >= Applicability::Unsafe)
                .map(|f| ((), f)),
        )
        .0
    }
}

#[cfg(test)]
mod registry_tests {
    use super::RULES;

    #[test]
    fn every_rule_is_documented_and_named_as_a_contract() {
        let mut names = std::collections::HashSet::new();
        for entry in RULES {
            let meta = entry.meta;
            assert!(names.insert(meta.name), "{} registered twice", meta.name);
            assert!(
                meta.name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{} is not kebab-case",
                meta.name
            );
            let doc = meta.documentation();
            for section in [
                "## What it does",
                "## Why is this bad",
                "## Example",
                "## Fix safety",
            ] {
                assert!(doc.contains(section), "{} lacks `{section}`", meta.name);
            }
            assert!(!meta.summary().is_empty(), "{} has no summary", meta.name);
            assert!(
                (entry.build)(None).is_ok(),
                "{} does not build with defaults",
                meta.name
            );
            let pedantic = meta.category == crate::rule::Category::Pedantic;
            assert_eq!(
                meta.default_enabled, !pedantic,
                "{}: pedantic rules are off by default",
                meta.name
            );
        }
    }

    /// The first code block under "## Example": the flagged text a reader is shown.
    fn example(doc: &str) -> Option<String> {
        let after = doc.split("## Example").nth(1)?;
        let block = after.split("```text\n").nth(1)?;
        Some(unescape(block.split("```").next()?))
    }

    /// Examples write invisible characters as `\u00A0`, and a space that matters as `␠`.
    fn unescape(text: &str) -> String {
        let text = text.replace('␠', " ");
        let mut out = String::new();
        let mut rest = text.as_str();
        while let Some(at) = rest.find("\\u") {
            out.push_str(&rest[..at]);
            let hex = rest.get(at + 2..at + 6).unwrap_or("");
            match u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
                Some(c) => {
                    out.push(c);
                    rest = &rest[at + 6..];
                }
                None => {
                    out.push_str("\\u");
                    rest = &rest[at + 2..];
                }
            }
        }
        out.push_str(rest);
        out
    }

    #[test]
    fn every_documented_example_is_flagged() {
        for entry in RULES {
            let name = entry.meta.name;
            let text = example(&entry.meta.documentation()).unwrap_or_else(|| panic!("{name}: no example"));
            let found = super::test_support::diagnostics(name, &text);
            assert!(
                !found.is_empty(),
                "{name}: its documented example is not flagged:\n{text}"
            );
        }
    }

    #[test]
    fn every_rule_rejects_unknown_options() {
        let bogus: toml::Value = toml::from_str("no-such-option = 1").unwrap();
        for entry in RULES {
            let err = (entry.build)(Some(&bogus)).err().unwrap_or_default();
            assert!(err.contains("no-such-option"), "{}: {err}", entry.meta.name);
        }
    }
}
