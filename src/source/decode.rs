//! Turning a file's bytes into text, and remembering how they were encoded so that a fix
//! can write the file back the way it came.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};
use std::borrow::Cow;
use std::fmt;

/// The encodings newslint reads. `Auto` sniffs a BOM, then tries UTF-8, then GB18030.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EncodingChoice {
    #[default]
    Auto,
    #[value(name = "utf-8", alias = "utf8")]
    #[serde(rename = "utf-8", alias = "utf8")]
    Utf8,
    /// GB18030, a superset of GBK and GB2312.
    #[value(name = "gb18030", alias = "gbk", alias = "gb2312")]
    #[serde(rename = "gb18030", alias = "gbk", alias = "gb2312")]
    Gb18030,
    #[value(name = "utf-16le")]
    #[serde(rename = "utf-16le")]
    Utf16Le,
    #[value(name = "utf-16be")]
    #[serde(rename = "utf-16be")]
    Utf16Be,
}

/// How a file's bytes were encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceEncoding {
    Utf8,
    Gb18030,
    Utf16Le,
    Utf16Be,
}

impl SourceEncoding {
    pub fn name(self) -> &'static str {
        match self {
            SourceEncoding::Utf8 => "UTF-8",
            SourceEncoding::Gb18030 => "GB18030",
            SourceEncoding::Utf16Le => "UTF-16LE",
            SourceEncoding::Utf16Be => "UTF-16BE",
        }
    }
}

/// `text` encoded as a file of `encoding` is, with its byte-order mark when it had one: what
/// a fix writes back, so a file keeps the encoding it came in.
/// Encodes a fixed text as `encode` does, but copies the original bytes of every line the
/// fixes left as it was, and of every character they left on the lines they changed. GB18030
/// decodes some bytes to characters that encode back to other bytes (`80` is €, which
/// encodes as `A2 E3`): only what a fix wrote may change. In
/// GB18030 a `\n` byte is always a line break (no multi-byte sequence holds one), so the
/// original's lines are its bytes split at `\n`, one for one with the decoded lines.
pub fn encode_keeping(
    original: &[u8],
    old: &str,
    new: &str,
    encoding: SourceEncoding,
    bom: bool,
) -> Result<Vec<u8>, String> {
    if encoding != SourceEncoding::Gb18030 {
        return encode(new, encoding, bom);
    }
    let source_lines: Vec<&[u8]> = original.split_inclusive(|&b| b == b'\n').collect();
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    if source_lines.len() != old_lines.len() {
        return encode(new, encoding, bom);
    }
    let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
    let mut out = Vec::with_capacity(original.len() + 16);
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &old_lines, &new_lines) {
        match op {
            similar::DiffOp::Equal { old_index, len, .. } => {
                for line in &source_lines[old_index..old_index + len] {
                    out.extend_from_slice(line);
                }
            }
            similar::DiffOp::Delete { .. } => {}
            similar::DiffOp::Insert {
                new_index, new_len, ..
            } => {
                out.extend(encode(
                    &new_lines[new_index..new_index + new_len].concat(),
                    encoding,
                    false,
                )?);
            }
            similar::DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => out.extend(encode_changed(
                &source_lines[old_index..old_index + old_len],
                &old_lines[old_index..old_index + old_len].concat(),
                &new_lines[new_index..new_index + new_len].concat(),
            )?),
        }
    }
    Ok(out)
}

/// The GB18030 bytes of `new`, lines that a fix changed from `old` (whose bytes are
/// `source`): the characters the fix left keep their original bytes, found by a diff of the
/// characters; only what it wrote is encoded.
fn encode_changed(source: &[&[u8]], old: &str, new: &str) -> Result<Vec<u8>, String> {
    let old_chars: Vec<char> = old.chars().collect();
    let bytes: Vec<&[u8]> = source.iter().flat_map(|line| gb18030_characters(line)).collect();
    if bytes.len() != old_chars.len() {
        return encode(new, SourceEncoding::Gb18030, false);
    }
    let new_chars: Vec<char> = new.chars().collect();
    let mut out = Vec::with_capacity(new.len());
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &old_chars, &new_chars) {
        match op {
            similar::DiffOp::Equal { old_index, len, .. } => {
                bytes[old_index..old_index + len]
                    .iter()
                    .for_each(|c| out.extend_from_slice(c));
            }
            similar::DiffOp::Delete { .. } => {}
            similar::DiffOp::Insert {
                new_index, new_len, ..
            }
            | similar::DiffOp::Replace {
                new_index, new_len, ..
            } => {
                let written: String = new_chars[new_index..new_index + new_len].iter().collect();
                out.extend(encode(&written, SourceEncoding::Gb18030, false)?);
            }
        }
    }
    Ok(out)
}

/// The byte sequences of the characters of valid GB18030 text: one byte below 0x81, four
/// when the second byte is a digit, two otherwise.
fn gb18030_characters(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = bytes;
    std::iter::from_fn(move || {
        let len = match rest {
            [] => return None,
            [lead, ..] if *lead < 0x81 => 1,
            [_, b'0'..=b'9', ..] => 4,
            _ => 2,
        };
        let (character, after) = rest.split_at(len.min(rest.len()));
        rest = after;
        Some(character)
    })
}

pub fn encode(text: &str, encoding: SourceEncoding, bom: bool) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(text.len() + 3);
    match encoding {
        SourceEncoding::Utf8 => {
            if bom {
                out.extend_from_slice(b"\xEF\xBB\xBF");
            }
            out.extend_from_slice(text.as_bytes());
        }
        SourceEncoding::Gb18030 => {
            let (bytes, _, unmappable) = GB18030.encode(text);
            if unmappable {
                return Err("the fixed text cannot be written in GB18030".to_owned());
            }
            out.extend_from_slice(&bytes);
        }
        SourceEncoding::Utf16Le | SourceEncoding::Utf16Be => {
            let little = encoding == SourceEncoding::Utf16Le;
            let unit = |u: u16| if little { u.to_le_bytes() } else { u.to_be_bytes() };
            if bom {
                out.extend_from_slice(&unit(0xFEFF));
            }
            for u in text.encode_utf16() {
                out.extend_from_slice(&unit(u));
            }
        }
    }
    Ok(out)
}

/// Decoded text, without its byte-order mark. Offsets in diagnostics index into `text`.
/// UTF-8 input is borrowed, not copied.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: SourceEncoding,
    pub had_bom: bool,
}

#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// A NUL byte in the first bytes and no UTF-16 byte-order mark.
    Binary,
    /// Neither UTF-8 nor GB18030 (or not the forced encoding).
    Undecodable { tried: &'static str, offset: usize },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary => write!(f, "binary file (NUL byte), not text"),
            DecodeError::Undecodable { tried, offset } => write!(
                f,
                "cannot decode as {tried}: invalid byte sequence at byte {offset} (use --encoding to name the encoding)"
            ),
        }
    }
}

/// How many leading bytes are looked at for a NUL, as git and ripgrep do.
pub const BINARY_SNIFF_LEN: usize = 8192;

pub fn is_binary(bytes: &[u8]) -> bool {
    memchr::memchr(0, &bytes[..bytes.len().min(BINARY_SNIFF_LEN)]).is_some()
}

pub fn decode(bytes: &[u8], choice: EncodingChoice) -> Result<Decoded<'_>, DecodeError> {
    let bom = Encoding::for_bom(bytes);
    match choice {
        EncodingChoice::Auto => match bom {
            Some((enc, len)) if enc == UTF_16LE => decode_utf16(&bytes[len..], SourceEncoding::Utf16Le, true),
            Some((enc, len)) if enc == UTF_16BE => decode_utf16(&bytes[len..], SourceEncoding::Utf16Be, true),
            Some((_, len)) => decode_utf8(&bytes[len..], true),
            None => {
                if is_binary(bytes) {
                    return Err(DecodeError::Binary);
                }
                decode_utf8(bytes, false).or_else(|utf8_error| {
                    decode_gb18030(bytes).map_err(|_| match utf8_error {
                        DecodeError::Undecodable { offset, .. } => DecodeError::Undecodable {
                            tried: "UTF-8 or GB18030",
                            offset,
                        },
                        other => other,
                    })
                })
            }
        },
        EncodingChoice::Utf8 => match bytes.strip_prefix(b"\xEF\xBB\xBF") {
            Some(rest) => decode_utf8(rest, true),
            None => decode_utf8(bytes, false),
        },
        EncodingChoice::Gb18030 => decode_gb18030(bytes),
        EncodingChoice::Utf16Le => match bytes.strip_prefix(b"\xFF\xFE") {
            Some(rest) => decode_utf16(rest, SourceEncoding::Utf16Le, true),
            None => decode_utf16(bytes, SourceEncoding::Utf16Le, false),
        },
        EncodingChoice::Utf16Be => match bytes.strip_prefix(b"\xFE\xFF") {
            Some(rest) => decode_utf16(rest, SourceEncoding::Utf16Be, true),
            None => decode_utf16(bytes, SourceEncoding::Utf16Be, false),
        },
    }
}

fn decode_utf8(bytes: &[u8], had_bom: bool) -> Result<Decoded<'_>, DecodeError> {
    // simdutf8 validates Chinese text several times faster than the standard library; the
    // standard library says where invalid text starts, for the message.
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: Cow::Borrowed(text),
            encoding: SourceEncoding::Utf8,
            had_bom,
        }),
        Err(_) => Err(DecodeError::Undecodable {
            tried: "UTF-8",
            offset: std::str::from_utf8(bytes).err().map_or(0, |e| e.valid_up_to())
                + usize::from(had_bom) * 3,
        }),
    }
}

fn decode_gb18030(bytes: &[u8]) -> Result<Decoded<'static>, DecodeError> {
    match GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok(Decoded {
            text: Cow::Owned(text.into_owned()),
            encoding: SourceEncoding::Gb18030,
            had_bom: false,
        }),
        None => Err(DecodeError::Undecodable {
            tried: "GB18030",
            offset: first_error_offset(GB18030, bytes),
        }),
    }
}

fn decode_utf16(
    bytes: &[u8],
    encoding: SourceEncoding,
    had_bom: bool,
) -> Result<Decoded<'static>, DecodeError> {
    let enc = if encoding == SourceEncoding::Utf16Le {
        UTF_16LE
    } else {
        UTF_16BE
    };
    match enc.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok(Decoded {
            text: Cow::Owned(text.into_owned()),
            encoding,
            had_bom,
        }),
        None => Err(DecodeError::Undecodable {
            tried: encoding.name(),
            offset: first_error_offset(enc, bytes) + usize::from(had_bom) * 2,
        }),
    }
}

/// Where decoding first fails, for the error message.
fn first_error_offset(enc: &'static Encoding, bytes: &[u8]) -> usize {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 3 + 16);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        encoding_rs::DecoderResult::Malformed(bad, _) => read.saturating_sub(bad as usize),
        _ => read,
    }
}

/// Every character GBK holds and its bytes (`build.rs`): (code point, lead << 8 | trail)
/// pairs of u32, sorted by code point.
static GBK_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gbk.bin"));

/// The GBK bytes of `c` (two, or one for € at 0x80), and how many; None where GBK lacks it.
/// A table look-up: encoding_rs searches the rarer characters one by one.
pub fn gbk_bytes(c: char) -> Option<([u8; 2], usize)> {
    let (pairs, _) = GBK_BYTES.as_chunks::<8>();
    let at = pairs
        .binary_search_by_key(&(c as u32), |pair| super::tables::u32_at(pair, 0))
        .ok()?;
    let bytes = super::tables::u32_at(&pairs[at], 1);
    Some(if bytes < 0x100 {
        ([bytes as u8, 0], 1)
    } else {
        ([(bytes >> 8) as u8, bytes as u8], 2)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("新闻".as_bytes(), EncodingChoice::Auto).unwrap();
        assert_eq!((d.text.as_ref(), d.had_bom), ("新闻", false));
        let d = decode(b"\xEF\xBB\xBF\xE6\x96\xB0", EncodingChoice::Auto).unwrap();
        assert_eq!(
            (d.text.as_ref(), d.had_bom, d.encoding),
            ("新", true, SourceEncoding::Utf8)
        );
    }

    #[test]
    fn encoding_round_trips() {
        let text = "重庆，𠀀字\r\n";
        for (encoding, bom) in [
            (SourceEncoding::Utf8, false),
            (SourceEncoding::Utf8, true),
            (SourceEncoding::Gb18030, false),
            (SourceEncoding::Utf16Le, true),
            (SourceEncoding::Utf16Be, true),
        ] {
            let bytes = encode(text, encoding, bom).unwrap();
            let back = decode(&bytes, EncodingChoice::Auto).unwrap();
            assert_eq!(
                (back.text.as_ref(), back.encoding, back.had_bom),
                (text, encoding, bom)
            );
        }
    }

    #[test]
    fn gbk_is_detected_when_not_utf8() {
        let (bytes, _, _) = GB18030.encode("重庆日报，记者");
        let d = decode(&bytes, EncodingChoice::Auto).unwrap();
        assert_eq!(d.text, "重庆日报，记者");
        assert_eq!(d.encoding, SourceEncoding::Gb18030);
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let utf16 = |text: &str, le: bool| -> Vec<u8> {
            std::iter::once(0xFEFF_u16)
                .chain(text.encode_utf16())
                .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
                .collect()
        };
        let bytes = utf16("两会\r\n𠀀", true);
        let d = decode(&bytes, EncodingChoice::Auto).unwrap();
        assert_eq!(
            (d.text.as_ref(), d.encoding, d.had_bom),
            ("两会\r\n𠀀", SourceEncoding::Utf16Le, true)
        );
        let bytes = utf16("两会", false);
        assert_eq!(decode(&bytes, EncodingChoice::Auto).unwrap().text, "两会");
    }

    #[test]
    fn binary_and_garbage_are_errors() {
        assert_eq!(
            decode(b"PK\x03\x04\0\0", EncodingChoice::Auto).unwrap_err(),
            DecodeError::Binary
        );
        let err = decode(b"abc\xFF\xFFdef", EncodingChoice::Auto).unwrap_err();
        assert!(
            matches!(err, DecodeError::Undecodable { offset: 3, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn forced_encoding_is_obeyed() {
        let err = decode("新".as_bytes(), EncodingChoice::Utf16Le);
        assert!(err.is_err() || err.unwrap().text != "新");
        let (bytes, _, _) = GB18030.encode("新闻");
        assert!(decode(&bytes, EncodingChoice::Utf8).is_err());
        assert_eq!(decode(&bytes, EncodingChoice::Gb18030).unwrap().text, "新闻");
    }

    #[test]
    fn empty_is_fine() {
        assert_eq!(decode(b"", EncodingChoice::Auto).unwrap().text, "");
    }
}
