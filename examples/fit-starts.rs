//! Fits the weights of the "starts here?" model (`src/source/opening.rs`) and prints them as
//! `rules/start-weights.tsv`.
//!
//! `cargo run --release --example fit-starts -- [CORPUS_DIR] [PARAGRAPHS_FILE] > rules/start-weights.tsv`
//! (default corpus: `../shared/corpus-dev`). Each paragraph that ends a sentence is a real
//! start; the rests of its sentences cut at random points, as a lost head leaves them, are
//! the others. Only the paragraphs the model is asked about count: those that open on a
//! character standing alone and that the rules before it do not already find headless. The
//! model learns from the files at even places in name order and is scored on the others. A
//! file of other paragraphs, one a line (another paper's), is scored too: how many of its
//! real starts fall below each bar.

#[path = "shared/corpus.rs"]
mod corpus;
#[path = "shared/logistic.rs"]
mod logistic;

use logistic::{auc, fit, score};
use newslint::source::flow::{start_evidence, starts_as_no_sentence};
use newslint::source::opening::{FEATURES, feature_names};
use std::path::PathBuf;

/// Random cuts per paragraph.
const CUTS: usize = 2;
/// Paragraphs shorter than this (in characters) are left out, as the quality evaluation does.
const MIN_CHARS: usize = 16;
const SEED: u64 = 20_261_206;
/// Bars on the ln odds whose trade the fit reports.
const BARS: [f32; 7] = [-7.0, -6.4, -6.0, -5.5, -5.0, -4.5, -4.0];

fn main() {
    let mut args = std::env::args().skip(1);
    let corpus = args
        .next()
        .map_or_else(|| PathBuf::from("../shared/corpus-dev"), PathBuf::from);
    let others = args.next().map(PathBuf::from);
    let paths = corpus::text_files(&corpus);
    let mut rng = fastrand::Rng::with_seed(SEED);
    let (mut learn, mut test) = (Vec::new(), Vec::new());
    let (mut starts, mut cuts) = (0usize, 0usize);
    for (i, path) in paths.iter().enumerate() {
        let text = std::fs::read_to_string(path).expect("UTF-8 text");
        // The first line is the title.
        for paragraph in text.lines().skip(1).filter(|p| is_running_text(p)) {
            let samples = if i % 2 == 0 { &mut learn } else { &mut test };
            if i % 2 == 1 {
                starts += 1;
            }
            samples.extend(sample(paragraph, true));
            for _ in 0..CUTS {
                if let Some(at) = corpus::cut_point(paragraph, &mut rng) {
                    if i % 2 == 1 {
                        cuts += 1;
                    }
                    samples.extend(sample(&paragraph[at..], false));
                }
            }
        }
    }
    let weights = fit(&learn);
    eprintln!(
        "{} files, {} openings learnt from, {} scored: AUC {:.3} on those learnt from, {:.3} on the others",
        paths.len(),
        learn.len(),
        test.len(),
        auc(&learn, &weights),
        auc(&test, &weights)
    );
    let other_starts: Vec<f32> = others
        .iter()
        .flat_map(|path| {
            let text = std::fs::read_to_string(path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            text.lines()
                .filter(|p| is_running_text(p))
                .filter_map(|p| sample(p, true))
                .map(|(x, _)| score(&x, &weights))
                .collect::<Vec<_>>()
        })
        .collect();
    for bar in BARS {
        let below = |positive: bool| {
            test.iter()
                .filter(|(x, y)| *y == positive && score(x, &weights) < bar)
                .count()
        };
        eprint!(
            "ln odds < {bar:4.1}: {} of {starts} real starts, {} of {cuts} rests of cut sentences ({:.3})",
            below(true),
            below(false),
            below(false) as f64 / cuts as f64
        );
        if others.is_some() {
            eprint!(
                "; {} of the other file's paragraphs",
                other_starts.iter().filter(|&&s| s < bar).count()
            );
        }
        eprintln!();
    }
    let learnt = format!(
        "{} openings of the even-placed files of {} ({} files); AUC {:.3} on the odd-placed ones",
        learn.len(),
        corpus.file_name().unwrap_or_default().to_string_lossy(),
        paths.len(),
        auc(&test, &weights)
    );
    logistic::print_weights(
        "\"starts here?\" model (src/source/opening.rs)",
        "`cargo run --release --example fit-starts`",
        &learnt,
        &feature_names(),
        &weights,
    );
}

/// A paragraph of running text long enough to count, ending a sentence.
fn is_running_text(paragraph: &str) -> bool {
    let paragraph = paragraph.trim();
    paragraph.chars().nth(MIN_CHARS - 1).is_some() && paragraph.ends_with(['。', '！', '？', '”'])
}

/// The opening of `text` as the model is asked about it, if it is.
fn sample(text: &str, starts: bool) -> Option<logistic::Sample<FEATURES>> {
    let text = text.trim();
    let evidence = start_evidence(text).filter(|_| !starts_as_no_sentence(text))?;
    Some((evidence.features(), starts))
}
