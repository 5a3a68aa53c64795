//! Counts how sentences start in a corpus of news and prints `rules/starts.tsv` (see
//! `src/source/starts.rs`; `scripts/build-starts` fetches the corpus and runs this).
//!
//! `cargo run --release --example build-starts -- PLAIN_TEXT > rules/starts.tsv`, where the
//! text has one paragraph a line or paragraphs separated by blank lines. For every first
//! word (by the shipped dictionary, as `starts::first_token` reads it) it counts how often a
//! sentence opens with it (a paragraph's start, or right after 。！？；) and how often it
//! follows any other point of a paragraph, and writes the ln of the ratio of the two rates,
//! each count shrunk towards the other by `PRIOR` so that rare words say little.

use newslint::source::starts::first_token;
use rustc_hash::FxHashMap;

/// Pseudo-counts added to both sides, in sentence starts.
const PRIOR: f64 = 0.5;
/// Words seen fewer times than this, starting a sentence or not, are left out (ln odds 0).
const MIN_SEEN: f64 = 10.0;
/// ln odds closer to 0 than this are left out too: they say nothing.
const MIN_ODDS: f64 = 0.2;
/// The largest ln odds written, either way.
const MAX_ODDS: f64 = 6.0;
/// Paragraphs shorter than this (in characters) are headlines, bylines, captions: left out.
const MIN_PARAGRAPH_CHARS: usize = 16;

fn main() {
    let path = std::env::args().nth(1).expect("usage: build-starts PLAIN_TEXT");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let mut starts: FxHashMap<&str, f64> = FxHashMap::default();
    let mut inside: FxHashMap<&str, f64> = FxHashMap::default();
    let paragraphs = text
        .lines()
        .map(str::trim)
        .filter(|p| p.chars().count() >= MIN_PARAGRAPH_CHARS);
    for paragraph in paragraphs {
        let mut after_end = true;
        for (at, c) in paragraph.char_indices() {
            let side = if after_end { &mut starts } else { &mut inside };
            *side.entry(first_token(&paragraph[at..])).or_default() += 1.0;
            after_end = matches!(c, '。' | '！' | '？' | '；') || after_end && matches!(c, '”' | '’' | '）');
        }
    }
    let total = |side: &FxHashMap<&str, f64>| side.values().sum::<f64>();
    let scale = total(&starts) / total(&inside);
    let mut rows: Vec<(&str, f64)> = starts
        .keys()
        .chain(inside.keys())
        .filter_map(|&word| {
            let s = starts.get(word).copied().unwrap_or(0.0);
            let i = inside.get(word).copied().unwrap_or(0.0);
            let odds = ((s + PRIOR) / (i * scale + PRIOR))
                .ln()
                .clamp(-MAX_ODDS, MAX_ODDS);
            (!word.is_empty() && s + i >= MIN_SEEN && odds.abs() >= MIN_ODDS).then_some((word, odds))
        })
        .collect();
    rows.sort_unstable_by(|a, b| a.0.cmp(b.0));
    rows.dedup_by(|a, b| a.0 == b.0);
    println!("# How much likelier a sentence is to open with a word than a point inside a sentence");
    println!(
        "# to be followed by it (ln odds): by examples/build-starts, from {} sentence",
        total(&starts)
    );
    println!(
        "# starts and {} other points of the People's Daily, January 1998 (see starts.LICENSE).",
        total(&inside)
    );
    for (word, odds) in rows {
        println!("{word}\t{odds:.1}");
    }
}
