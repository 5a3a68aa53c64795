//! "Starts here?", weighed: whether a paragraph that opens on a character standing alone (no
//! word of two characters or more starts there) opens a sentence, or lost its head.
//!
//! A lost head leaves the end of a word or a word that needs what came before it (住他们，,
//! 代构建…, 志出席会议): the rules in `flow` catch the clear cases (a particle, a character
//! that sentences seldom open with, the end of a word that reads far better than a word).
//! What they leave is weighed here: how often sentences open with the character, how the
//! next word stands, the parts of speech of both, and how long the first sentence runs (a
//! sentence's rest is often short: 生历史性转变。).
//!
//! The weights are in `rules/start-weights.tsv`, fitted by `cargo run --release --example
//! fit-starts` on real paragraph starts against the rests of sentences cut at random points.

use super::carry::{SENTENCE_CHARS, length, read_weights, weigh};
use std::sync::LazyLock;

/// What is known of a paragraph's opening, for the model to weigh.
#[derive(Clone, Copy, Debug, Default)]
pub struct Evidence {
    /// ln odds that a sentence opens with the first character standing alone (`starts`),
    /// where known.
    pub start_odds: Option<f32>,
    /// The paragraph opens as sentences do: a time, a connective, a source, who speaks.
    pub opens_fresh: bool,
    /// It opens with a person's name.
    pub names_first: bool,
    /// Characters before the first sentence end or semicolon, up to `carry::SENTENCE_CHARS`.
    pub first_sentence_chars: usize,
    /// No word of two characters or more starts after the first character either.
    pub second_lone: bool,
}

/// The numeric features, by name, in the order of the weights.
const NUMERIC: [&str; 7] = [
    "bias",
    "start_odds",
    "start_unknown",
    "opens_fresh",
    "names_first",
    "first_sentence",
    "second_lone",
];

pub const FEATURES: usize = NUMERIC.len();

impl Evidence {
    /// The features the weights apply to.
    pub fn features(&self) -> [f32; FEATURES] {
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        let mut x = [0.0; FEATURES];
        x[..NUMERIC.len()].copy_from_slice(&[
            1.0,
            self.start_odds.unwrap_or(0.0).clamp(-6.0, 6.0),
            flag(self.start_odds.is_none()),
            flag(self.opens_fresh),
            flag(self.names_first),
            length(self.first_sentence_chars.min(SENTENCE_CHARS)),
            flag(self.second_lone),
        ]);
        x
    }

    /// ln odds that the paragraph opens a sentence.
    pub fn log_odds(&self) -> f32 {
        weigh(&self.features(), &*WEIGHTS)
    }

    /// The least ln odds of an opening whose first character has these start odds and whose
    /// first sentence runs this long, whatever else is known of it (without the signs of a
    /// start, which only weigh for one): a paragraph that cannot fall below a bar needs no
    /// more looking at.
    pub fn least_log_odds(start_odds: Option<f32>, first_sentence_chars: usize) -> f32 {
        let alone = Evidence {
            start_odds,
            first_sentence_chars,
            ..Evidence::default()
        };
        let second_lone = Evidence {
            second_lone: true,
            ..alone
        };
        alone.log_odds().min(second_lone.log_odds())
    }
}

/// The feature names, in order, as the weights file names them.
pub fn feature_names() -> Vec<String> {
    NUMERIC.iter().map(|n| (*n).to_owned()).collect()
}

static WEIGHTS: LazyLock<[f32; FEATURES]> = LazyLock::new(|| {
    read_weights(include_str!("../../rules/start-weights.tsv"), &feature_names())
        .expect("rules/start-weights.tsv names every feature once")
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_weights_file_names_every_feature() {
        assert!(WEIGHTS.iter().all(|w| w.is_finite()));
    }

    #[test]
    fn an_opener_weighs_for_a_start_and_a_short_rest_against() {
        let rest = Evidence {
            start_odds: Some(-4.0),
            first_sentence_chars: 6,
            ..Evidence::default()
        };
        let start = Evidence {
            start_odds: Some(2.0),
            opens_fresh: true,
            first_sentence_chars: SENTENCE_CHARS,
            ..rest
        };
        assert!(start.log_odds() > rest.log_odds() + 3.0);
    }

    #[test]
    fn no_opening_falls_below_its_least_odds() {
        for start_odds in [None, Some(-8.0), Some(-2.5), Some(0.0), Some(3.0)] {
            for first_sentence_chars in [1, 2, 7, SENTENCE_CHARS, 80] {
                let least = Evidence::least_log_odds(start_odds, first_sentence_chars);
                for second_lone in [false, true] {
                    let evidence = Evidence {
                        start_odds,
                        first_sentence_chars,
                        second_lone,
                        ..Evidence::default()
                    };
                    assert!(evidence.log_odds() >= least, "{evidence:?}");
                }
            }
        }
    }

    /// `flow` looks for the signs of a start only where the rest says the head was lost.
    #[test]
    fn the_signs_of_a_start_only_weigh_for_one() {
        let bare = Evidence::default();
        for signed in [
            Evidence {
                opens_fresh: true,
                ..bare
            },
            Evidence {
                names_first: true,
                ..bare
            },
        ] {
            assert!(signed.log_odds() >= bare.log_odds());
        }
    }
}
