//! Lines of the web page or the print page, not of the article (`rules/boilerplate.txt`): the
//! `boilerplate` rule reports them, and the structure rules do not read them as running text
//! that breaks off (更多精彩内容，请下载客户端 ends no sentence of the story).

use super::chars::is_sentence_end;
use regex::RegexSet;
use std::sync::LazyLock;

/// The shipped patterns of boilerplate lines, one regular expression a line.
pub fn shipped_patterns() -> impl Iterator<Item = &'static str> {
    include_str!("../../rules/boilerplate.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// Longest line (in characters) looked at: boilerplate lines are short.
pub const MAX_LINE_CHARS: usize = 120;

/// `line` is short and does not end a sentence: the only lines that may be boilerplate, so
/// that an article that speaks of 来源 or 版权 in its sentences is never taken for it.
pub fn may_be_boilerplate(line: &str) -> bool {
    // A character is one to four bytes: count only where the length leaves a doubt.
    let long = line.len() > 4 * MAX_LINE_CHARS
        || (line.len() > MAX_LINE_CHARS && line.chars().count() > MAX_LINE_CHARS);
    !long && !line.chars().next_back().is_some_and(is_sentence_end)
}

/// The shipped patterns, compiled once for the rule and the structure rules.
pub fn shipped_set() -> &'static RegexSet {
    static SHIPPED: LazyLock<RegexSet> =
        LazyLock::new(|| RegexSet::new(shipped_patterns()).expect("shipped boilerplate patterns"));
    &SHIPPED
}

/// `line` is boilerplate by the shipped patterns (a user's `extend-patterns` are the rule's
/// alone).
pub fn is_boilerplate(line: &str) -> bool {
    may_be_boilerplate(line) && shipped_set().is_match(line)
}
