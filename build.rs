//! Turns `rules/lexicon.tsv` into the table `source/continuity.rs` reads in place from the
//! binary: nothing is parsed at run time, and only the pages a look-up touches are loaded.
//!
//! Layout (little-endian), each part right after the one before:
//! - magic `NLLEX02\n`; counts: words n, hash slots h (a power of two), character pairs m,
//!   suffixes s, tag names t, string bytes b (u32 each); then `total` (f64);
//! - word ends [u32; n] (word i is `strings[end(i-1)..end(i)]`), ln p(word) [f32; n], tags [u8; n]
//!   padded to 8 bytes, cumulative p [f64; n + 1];
//! - hash slots [u32; h]: word index + 1 in the low SLOT_INDEX_BITS, the top bits of the
//!   word's hash above them, 0 for empty (FNV-1a of the bytes, linear probing): a probe that
//!   meets another word is told by its tag without reading that word;
//! - pairs [u64; m], sorted: two characters side by side inside a word, `a << 32 | b`;
//! - suffix keys [u64; s], sorted (the last one or two characters of longer words, `a << 32
//!   | b`, b = 0 for one), and their ln masses [f32; s], padded to 8 bytes;
//! - tag name ends [u32; t], padded; then the strings: words, then tag names.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

const MAX_SUFFIX_CHARS: usize = 2;
/// The low bits of a hash slot hold the word index + 1, the rest a tag of the word's hash
/// (the same split as `source/continuity.rs`).
const SLOT_INDEX_BITS: u32 = 20;

fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn pad8(out: &mut Vec<u8>) {
    while !out.len().is_multiple_of(8) {
        out.push(0);
    }
}

fn main() {
    println!("cargo::rerun-if-changed=rules/lexicon.tsv");
    let data = std::fs::read_to_string("rules/lexicon.tsv").expect("rules/lexicon.tsv");
    let mut total = 0f64;
    let mut counted: Vec<(&str, f64, &str)> = Vec::new();
    for line in data.lines() {
        if let Some(rest) = line.strip_prefix("# total\t") {
            total = rest.trim().parse().expect("a total");
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('\t');
        let (Some(word), Some(Ok(freq))) = (fields.next(), fields.next().map(str::parse::<u32>)) else {
            continue;
        };
        counted.push((word, f64::from(freq), fields.next().unwrap_or("")));
    }
    assert!(
        counted.windows(2).all(|w| w[0].0 < w[1].0),
        "rules/lexicon.tsv must be sorted by the bytes of its words, each once"
    );
    let total = total.max(counted.iter().map(|(_, f, _)| f).sum::<f64>()).max(1.0);

    let mut tag_names: Vec<&str> = Vec::new();
    let mut tags = Vec::with_capacity(counted.len());
    let mut probs = Vec::with_capacity(counted.len());
    let mut cumulative = vec![0f64];
    let mut sum = 0f64;
    for &(_, freq, tag) in &counted {
        let k = tag_names.iter().position(|t| *t == tag).unwrap_or_else(|| {
            tag_names.push(tag);
            tag_names.len() - 1
        });
        tags.push(u8::try_from(k).unwrap_or(u8::MAX));
        let p = freq / total;
        sum += p;
        cumulative.push(sum);
        probs.push((p as f32).ln());
    }

    let slots = (counted.len() * 2).next_power_of_two();
    assert!(
        counted.len() < (1 << SLOT_INDEX_BITS) - 1,
        "too many words for a hash slot"
    );
    let mut table = vec![0u32; slots];
    for (i, (word, _, _)) in counted.iter().enumerate() {
        let hash = fnv(word.as_bytes());
        let mut at = hash as usize & (slots - 1);
        while table[at] != 0 {
            at = (at + 1) & (slots - 1);
        }
        table[at] = ((hash >> (64 - (32 - SLOT_INDEX_BITS))) as u32) << SLOT_INDEX_BITS | (i as u32 + 1);
    }

    let key = |a: char, b: Option<char>| (u64::from(a as u32) << 32) | u64::from(b.map_or(0, |b| b as u32));
    let mut pairs = BTreeSet::new();
    let mut suffixes: BTreeMap<u64, f64> = BTreeMap::new();
    for (i, (word, _, _)) in counted.iter().enumerate() {
        let chars: Vec<char> = word.chars().collect();
        for w in chars.windows(2) {
            pairs.insert(key(w[0], Some(w[1])));
        }
        let p = cumulative[i + 1] - cumulative[i];
        for k in 1..=MAX_SUFFIX_CHARS.min(chars.len().saturating_sub(1)) {
            let tail = &chars[chars.len() - k..];
            *suffixes.entry(key(tail[0], tail.get(1).copied())).or_default() += p;
        }
    }

    let mut strings = String::new();
    let mut word_ends = Vec::with_capacity(counted.len());
    for (word, _, _) in &counted {
        strings.push_str(word);
        word_ends.push(strings.len() as u32);
    }
    let mut tag_ends = Vec::new();
    for tag in &tag_names {
        let _ = write!(strings, "{tag}");
        tag_ends.push(strings.len() as u32);
    }

    let mut out = Vec::new();
    out.extend_from_slice(b"NLLEX02\n");
    for count in [
        counted.len(),
        slots,
        pairs.len(),
        suffixes.len(),
        tag_names.len(),
        strings.len(),
    ] {
        out.extend_from_slice(&(count as u32).to_le_bytes());
    }
    out.extend_from_slice(&total.to_le_bytes());
    for end in &word_ends {
        out.extend_from_slice(&end.to_le_bytes());
    }
    for p in &probs {
        out.extend_from_slice(&p.to_le_bytes());
    }
    out.extend_from_slice(&tags);
    pad8(&mut out);
    for c in &cumulative {
        out.extend_from_slice(&c.to_le_bytes());
    }
    for slot in &table {
        out.extend_from_slice(&slot.to_le_bytes());
    }
    pad8(&mut out);
    for pair in &pairs {
        out.extend_from_slice(&pair.to_le_bytes());
    }
    for key in suffixes.keys() {
        out.extend_from_slice(&key.to_le_bytes());
    }
    for mass in suffixes.values() {
        out.extend_from_slice(&(mass.ln() as f32).to_le_bytes());
    }
    pad8(&mut out);
    for end in &tag_ends {
        out.extend_from_slice(&end.to_le_bytes());
    }
    pad8(&mut out);
    out.extend_from_slice(strings.as_bytes());

    let dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(std::path::Path::new(&dir).join("lexicon.bin"), out).expect("the table is written");
    std::fs::write(std::path::Path::new(&dir).join("gbk.bin"), gbk_table()).expect("the table is written");
    std::fs::write(
        std::path::Path::new(&dir).join("transliteration.txt"),
        transliteration_chars(&counted),
    )
    .expect("the table is written");
    println!("cargo::rerun-if-changed=rules/starts.tsv");
    let starts = std::fs::read_to_string("rules/starts.tsv").expect("rules/starts.tsv");
    std::fs::write(
        std::path::Path::new(&dir).join("rare-openings.txt"),
        rare_openings(&starts),
    )
    .expect("the table is written");
}

/// The start odds (ln) below which a word of two characters or more seldom opens a sentence
/// and most often ends a phrase (水平, 作用, 增长): a paragraph that opens on one lost its head
/// (`starts_inside` in `src/source/flow/openings.rs`).
const RARE_WORD_START_ODDS: f32 = -2.6;

/// The words of two Han characters or more of `rules/starts.tsv` whose start odds fall below
/// `RARE_WORD_START_ODDS`, one a line.
fn rare_openings(starts: &str) -> String {
    starts
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
        .filter(|(word, odds)| {
            word.chars().count() >= 2
                && word.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                && odds.parse::<f32>().is_ok_and(|odds| odds < RARE_WORD_START_ODDS)
        })
        .map(|(word, _)| format!("{word}\n"))
        .collect()
}

/// Words of at least this many kinds (by the dictionary's tags nrt and nsf, foreign names of
/// persons and places) must hold a character…
const TRANSLITERATION_WORDS: usize = 15;
/// … and this share of the words that hold it, for it to be a character of transliteration.
const TRANSLITERATION_SHARE: f64 = 0.1;

/// The characters that spell foreign names (萨, 维, 迪, 尼, 阿, 尔…), sorted, as one string.
fn transliteration_chars(counted: &[(&str, f64, &str)]) -> String {
    let mut seen: std::collections::BTreeMap<char, (usize, usize)> = std::collections::BTreeMap::new();
    for &(word, _, tag) in counted {
        let mut chars: Vec<char> = word.chars().collect();
        chars.sort_unstable();
        chars.dedup();
        for c in chars {
            let entry = seen.entry(c).or_default();
            entry.1 += 1;
            if tag == "nrt" || tag == "nsf" {
                entry.0 += 1;
            }
        }
    }
    seen.into_iter()
        .filter(|&(_, (foreign, all))| {
            foreign >= TRANSLITERATION_WORDS && foreign as f64 >= TRANSLITERATION_SHARE * all as f64
        })
        .map(|(c, _)| c)
        .collect()
}

/// The GBK bytes of every character GBK holds, for garbled-text to read text back as the
/// bytes it was decoded from (encoding_rs finds the rarer ones by a linear search):
/// (code point u32, lead << 8 | trail u32) pairs, little-endian, sorted by code point; the
/// first pair wins for a character two byte pairs decode to; € is byte 0x80, stored as 0x80.
fn gbk_table() -> Vec<u8> {
    let mut pairs: BTreeMap<u32, u32> = BTreeMap::new();
    pairs.insert('€' as u32, 0x80);
    for lead in 0x81..=0xFEu8 {
        for trail in (0x40..=0xFEu8).filter(|&t| t != 0x7F) {
            let bytes = [lead, trail];
            let (text, errors) = encoding_rs::GBK.decode_without_bom_handling(&bytes);
            let mut chars = text.chars();
            if let (false, Some(c), None) = (errors, chars.next(), chars.next()) {
                pairs
                    .entry(c as u32)
                    .or_insert(u32::from(lead) << 8 | u32::from(trail));
            }
        }
    }
    let mut out = Vec::with_capacity(pairs.len() * 8);
    for (c, bytes) in pairs {
        out.extend_from_slice(&c.to_le_bytes());
        out.extend_from_slice(&bytes.to_le_bytes());
    }
    out
}
