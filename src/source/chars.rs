//! Character classes every rule shares: Han, CJK punctuation, Latin, digits.

/// A Han character (CJK unified ideographs, extensions A–H, compatibility ideographs, 〇).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3007
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0x20000..=0x2A6DF
        | 0x2A700..=0x2EE5F
        | 0x2F800..=0x2FA1F
        | 0x30000..=0x323AF)
}

/// Punctuation of Chinese text: the CJK symbols block, full-width forms, curly quotes,
/// the ellipsis, dashes and the middle dot.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c,
        '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}'
        | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}' | '\u{FE10}'..='\u{FE19}' | '\u{FE30}'..='\u{FE4F}'
        | '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// Han or CJK punctuation: a character that marks the surrounding text as Chinese.
pub fn is_chinese(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

/// Marks that end a sentence in Chinese text (full-width and, in faulty text, ASCII).
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '…' | '．')
}

/// Closing marks that may follow a sentence end and still belong to the sentence.
pub fn is_closing_mark(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '》' | '】' | '"' | '\'' | '〕'
    )
}

/// Bytes in the UTF-8 sequence that `lead` starts (1 for a stray continuation byte), so a
/// byte scan can step over whole characters without decoding them.
pub fn utf8_width(lead: u8) -> usize {
    match lead {
        0xF0..=0xF7 => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_han('中') && is_han('𠀀') && is_han('〇') && !is_han('，'));
        assert!(is_cjk_punct('，') && is_cjk_punct('“') && is_cjk_punct('、') && !is_cjk_punct(','));
        assert!(is_chinese('。') && !is_chinese('a'));
    }
}
