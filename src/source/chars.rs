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

/// The first `n` characters of `text` (all of it when shorter).
pub fn first_chars(text: &str, n: usize) -> &str {
    text.char_indices().nth(n).map_or(text, |(i, _)| &text[..i])
}

/// The last `n` characters of `text` (all of it when shorter); `n` is at least 1.
pub fn last_chars(text: &str, n: usize) -> &str {
    text.char_indices()
        .rev()
        .nth(n - 1)
        .map_or(text, |(i, _)| &text[i..])
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

/// Characters that Chinese UTF-8 text turns into when its bytes are read as GBK (`鍙戝睍`
/// for 发展): the frequent ones (`rules/mojibake-markers.txt`) and all the rare ones
/// (`rules/rare-han.txt`), and the first characters of the fillers a failed decoding leaves
/// (锟斤拷, 烫烫烫, 屯屯屯). All lie in U+4000..U+9FFF, lead bytes E4..E9: the character is
/// given as its three bytes of UTF-8.
pub fn is_mojibake_marker(lead: u8, second: u8, third: u8) -> bool {
    // Bits 12..15 of the code point select the row of 4096, the second byte 64 of them.
    let row = usize::from(lead.wrapping_sub(0xE4)) << 6 | usize::from(second & 0x3F);
    row < MARKER_WORDS && MOJIBAKE_MARKERS[row] & (1 << (third & 0x3F)) != 0
}

/// The characters the fillers of a failed decoding start with (锟斤拷, 烫烫烫, 屯屯屯).
pub const FILLER_STARTS: [char; 3] = ['锟', '烫', '屯'];
const MARKER_BASE: usize = 0x4000;
const MARKER_WORDS: usize = 0x6000 / 64;

/// A bitset over U+4000..U+9FFF, built when newslint is compiled: the three-byte
/// characters of the two data files' lines that are not comments, and the filler starts.
static MOJIBAKE_MARKERS: [u64; MARKER_WORDS] = {
    let mut set = [0u64; MARKER_WORDS];
    add_characters(
        &mut set,
        include_str!("../../rules/mojibake-markers.txt").as_bytes(),
    );
    add_characters(&mut set, include_str!("../../rules/rare-han.txt").as_bytes());
    let mut f = 0;
    while f < FILLER_STARTS.len() {
        let k = FILLER_STARTS[f] as usize - MARKER_BASE;
        set[k / 64] |= 1 << (k % 64);
        f += 1;
    }
    set
};

/// Adds the three-byte characters of `data`'s lines that do not start with `#` to `set`.
const fn add_characters(set: &mut [u64; MARKER_WORDS], data: &[u8]) {
    let mut i = 0;
    let mut comment = false;
    while i < data.len() {
        let b = data[i];
        if i == 0 || data[i - 1] == b'\n' {
            comment = b == b'#';
        }
        if !comment && b & 0xF0 == 0xE0 {
            let code = ((b as usize & 0x0F) << 12)
                | ((data[i + 1] as usize & 0x3F) << 6)
                | (data[i + 2] as usize & 0x3F);
            let k = code - MARKER_BASE;
            set[k / 64] |= 1 << (k % 64);
        }
        i += 1;
    }
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
        let marker = |c: char| {
            let mut utf8 = [0; 4];
            let b = c.encode_utf8(&mut utf8).as_bytes();
            b.len() == 3 && is_mojibake_marker(b[0], b[1], b[2])
        };
        assert!(marker('锟') && !marker('发') && !marker('中'));
        let data = include_str!("../../rules/mojibake-markers.txt");
        let listed = data.lines().filter(|l| !l.starts_with('#')).flat_map(str::chars);
        assert!(listed.clone().count() > 100);
        for c in listed {
            assert!(marker(c), "{c}");
        }
    }
}
