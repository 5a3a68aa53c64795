//! Fixes: non-overlapping edits of the decoded text, and how far they can be trusted.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Only shown; never applied.
    DisplayOnly,
    /// Applied with `--unsafe-fixes`: right in most cases, but a person should look.
    Unsafe,
    /// Applied with `--fix`: keeps the meaning of the text.
    Safe,
}

impl Applicability {
    /// The name in outputs: `safe`, `unsafe`, `display-only`.
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::DisplayOnly => "display-only",
            Applicability::Unsafe => "unsafe",
            Applicability::Safe => "safe",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub start: u32,
    pub end: u32,
    pub replacement: String,
}

impl Edit {
    pub fn replace(range: std::ops::Range<usize>, replacement: impl Into<String>) -> Self {
        Edit {
            start: range.start as u32,
            end: range.end as u32,
            replacement: replacement.into(),
        }
    }

    pub fn delete(range: std::ops::Range<usize>) -> Self {
        Edit::replace(range, "")
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub applicability: Applicability,
    pub message: String,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn new(applicability: Applicability, message: impl Into<String>, mut edits: Vec<Edit>) -> Self {
        edits.sort_by_key(|e| (e.start, e.end));
        Fix {
            applicability,
            message: message.into(),
            edits,
        }
    }

    pub fn safe(message: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix::new(Applicability::Safe, message, edits)
    }

    pub fn unsafe_(message: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix::new(Applicability::Unsafe, message, edits)
    }
}

/// Applies the edits of `fixes` to `text`, skipping any fix that overlaps one already taken
/// (the next pass of the fix loop picks it up). Each fix comes with a tag (its rule, say);
/// returns the new text and the tags of the fixes that went in.
pub fn apply_fixes<'a, T>(text: &str, fixes: impl IntoIterator<Item = (T, &'a Fix)>) -> (String, Vec<T>) {
    let mut fixes: Vec<(T, &Fix)> = fixes.into_iter().filter(|(_, f)| !f.edits.is_empty()).collect();
    fixes.sort_by_key(|(_, f)| (f.edits[0].start, f.edits[0].end));
    let mut taken: Vec<&Edit> = Vec::new();
    let mut applied = Vec::new();
    // The ranges taken so far, disjoint, so sorted by start they are sorted by end too: an
    // edit is checked against the few that end after it starts (linear in the fixes overall).
    let mut claimed: std::collections::BTreeSet<(u32, u32)> = std::collections::BTreeSet::new();
    for (tag, fix) in fixes {
        let overlaps = fix.edits.iter().any(|e| {
            for &(s, t) in claimed.range(..(e.end, u32::MAX)).rev() {
                if e.start < t && s < e.end || (e.start == e.end && e.start == s && s == t) {
                    return true;
                }
                if t < e.start {
                    break;
                }
            }
            false
        });
        if overlaps {
            continue;
        }
        claimed.extend(fix.edits.iter().map(|e| (e.start, e.end)));
        taken.extend(fix.edits.iter());
        applied.push(tag);
    }
    taken.sort_by_key(|e| (e.start, e.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0usize;
    for edit in taken {
        out.push_str(&text[at..edit.start as usize]);
        out.push_str(&edit.replacement);
        at = edit.end as usize;
    }
    out.push_str(&text[at..]);
    (out, applied)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_in_order_and_skips_overlaps() {
        let text = "甲,乙.丙";
        let a = Fix::safe("a", vec![Edit::replace(3..4, "，")]);
        let b = Fix::safe("b", vec![Edit::replace(7..8, "。")]);
        let c = Fix::safe("c", vec![Edit::replace(3..7, "X")]);
        let (out, applied) = apply_fixes(text, [("b", &b), ("a", &a), ("c", &c)]);
        assert_eq!((out.as_str(), applied), ("甲，乙。丙", vec!["a", "b"]));
    }
}
