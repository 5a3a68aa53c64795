//! Fits the weights of the "carries on?" model (`src/source/carry.rs`) and prints them as
//! `rules/carry-weights.tsv`.
//!
//! `cargo run --release --example fit-carry -- [CORPUS_DIR] > rules/carry-weights.tsv`
//! (default corpus: `../shared/corpus-dev`). Each paragraph that ends a sentence is cut at
//! random points inside its sentences, as a page break cuts it: the rest of the sentence is
//! a positive pair, the paragraph that really came next a negative one (what a truncation
//! leaves). The model learns from the files at even places in name order and is scored on
//! the others, the split `cargo run --example quality -- --held-out` evaluates on.

#[path = "shared/corpus.rs"]
mod corpus;
#[path = "shared/logistic.rs"]
mod logistic;

use corpus::cut_point;
use logistic::{auc, fit, score};
use newslint::source::carry::{FEATURES, feature_names};
use newslint::source::flow::{carry_evidence, mean_paragraph_bytes};
use std::path::PathBuf;

/// Random cuts per paragraph.
const CUTS: usize = 2;
/// Paragraphs shorter than this (in characters) are not cut, nor taken as the next one.
const MIN_CHARS: usize = 20;
const SEED: u64 = 20_261_202;
/// Bars on the ln odds whose trade the fit reports.
const BARS: [f32; 12] = [-2.0, -1.9, -1.6, -1.3, -1.0, -0.5, 0.0, 1.0, 2.0, 2.5, 3.0, 4.0];

fn main() {
    let corpus = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("../shared/corpus-dev"), PathBuf::from);
    let paths = corpus::text_files(&corpus);
    let mut rng = fastrand::Rng::with_seed(SEED);
    let (mut learn, mut test) = (Vec::new(), Vec::new());
    for (i, path) in paths.iter().enumerate() {
        let text = std::fs::read_to_string(path).expect("UTF-8 text");
        let (known, unknown) = pairs_of(&text, &mut rng);
        // The model learns what the break says when the file's paragraphs are counted and when
        // they are too few to say; it is scored as files of several paragraphs see it.
        if i % 2 == 0 {
            learn.extend(known.into_iter().chain(unknown));
        } else {
            test.extend(known);
        }
    }
    let weights = fit(&learn);
    eprintln!(
        "{} files, {} pairs learnt from (each judged twice), {} scored: AUC {:.3} on the pairs learnt from, {:.3} on the others",
        paths.len(),
        learn.len() / 2,
        test.len(),
        auc(&learn, &weights),
        auc(&test, &weights)
    );
    for bar in BARS {
        let above = |positive: bool| {
            let side: Vec<&Pair> = test.iter().filter(|p| p.1 == positive).collect();
            side.iter().filter(|(x, _)| score(x, &weights) >= bar).count() as f64 / side.len() as f64
        };
        eprintln!(
            "ln odds >= {bar:5.1}: {:.3} of the rests of cut sentences, {:.3} of the real next paragraphs",
            above(true),
            above(false)
        );
    }
    let learnt = format!(
        "{} pairs cut from the even-placed files of {} ({} files), each judged with and without the file's paragraph length; AUC {:.3} on the odd-placed ones",
        learn.len() / 2,
        corpus.file_name().unwrap_or_default().to_string_lossy(),
        paths.len(),
        auc(&test, &weights)
    );
    logistic::print_weights(
        "\"carries on?\" model (src/source/carry.rs)",
        "`cargo run --release --example fit-carry`",
        &learnt,
        &feature_names(),
        &weights,
    );
}

/// One sample: the features of a break and whether the second text carries the first on.
type Pair = logistic::Sample<FEATURES>;

/// The pairs cut from `text`, judged with the mean length of its paragraphs, and again
/// without it.
fn pairs_of(text: &str, rng: &mut fastrand::Rng) -> (Vec<Pair>, Vec<Pair>) {
    let paragraphs: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    // What the file's paragraphs run to, as the analysis measures it (the title aside).
    let paragraph_bytes = mean_paragraph_bytes(paragraphs.iter().skip(1).copied());
    let (mut pairs, mut unknown) = (Vec::new(), Vec::new());
    // The first line is the title.
    for window in paragraphs.windows(2).skip(1) {
        let [paragraph, next] = [window[0], window[1]];
        if paragraph.chars().count() < MIN_CHARS
            || next.chars().count() < MIN_CHARS
            || !paragraph.ends_with(['。', '！', '？', '”'])
        {
            continue;
        }
        for _ in 0..CUTS {
            let Some(at) = cut_point(paragraph, rng) else {
                continue;
            };
            let (head, rest) = paragraph.split_at(at);
            for (second, carries) in [(rest, true), (next, false)] {
                pairs.push((carry_evidence(head, second, paragraph_bytes).features(), carries));
                unknown.push((carry_evidence(head, second, None).features(), carries));
            }
        }
    }
    (pairs, unknown)
}
