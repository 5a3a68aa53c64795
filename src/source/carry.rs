//! "Carries on?": whether the paragraph after a broken sentence is that sentence's rest or a
//! sentence of its own. Each judgement of the break is weak alone (the trigram's odds of the
//! joined text, a dictionary word across the join, how the second paragraph starts, the
//! part of speech of the words on either side, how long the sentences on either side run, how
//! often sentences open with the second text's first word, a quotation, title or bracket
//! left open and whether the second text closes it, a word or a number cut and whether the
//! second text completes it, how long the two run together against the file's paragraphs); a
//! logistic model weighs them together.
//!
//! The weights are in `rules/carry-weights.tsv`, fitted by `cargo run --release --example
//! fit-carry` on cuts made at random points inside the sentences of real news stories: the
//! rest of the cut sentence against the paragraph that really came next.

use std::sync::LazyLock;

/// What the judgements of the break say, for the model to weigh.
#[derive(Clone, Copy, Debug, Default)]
pub struct Evidence {
    /// ln odds of the joined text against the two texts apart, by the shipped trigram.
    pub odds: f32,
    /// How much better the dictionary reads a word across the join (0 when none runs across).
    pub word_gain: f32,
    /// How much likelier the second text starts with the end of a word than with a word.
    pub starts_inside_word: f32,
    /// The second text opens as sentences do (a time, a connective, a source, who speaks).
    pub opens_fresh: bool,
    /// The first text stops on a comma or an enumeration comma.
    pub after_comma: bool,
    /// ln p of a sentence end after the first text's last words, by the trigram.
    pub end_log_p: f32,
    /// The second text starts as no sentence does (a cut word, a particle).
    pub starts_inside: bool,
    /// The second text starts with a person's name.
    pub names_first: bool,
    /// Characters before the second text's first mark (its first clause, roughly).
    pub first_run_chars: usize,
    /// Characters of the first text's last sentence and of the second text's first one, to
    /// the nearest end mark or semicolon, up to `SENTENCE_CHARS`: the rest of a cut sentence
    /// is shorter than a sentence.
    pub last_sentence_chars: usize,
    pub first_sentence_chars: usize,
    /// jieba's tag of the second text's first word and of the first text's last word.
    pub first_tag: Option<&'static str>,
    pub last_tag: Option<&'static str>,
    /// ln odds that a sentence opens with the second text's first word (`starts`), where known
    /// (a word the table lacks weighs as one whose odds are even: a separate weight for it
    /// came out at 0).
    pub start_odds: Option<f32>,
    /// The first text leaves a quotation, a title or a bracket open near its end: whether the
    /// second closes it (the rest of a cut sentence does, a sentence of its own does not).
    pub left_open: Option<bool>,
    /// How much likelier the first text stops inside a word than after one: a rest
    /// completes the word (the `unfinished_word` feature: a word cut and not completed).
    pub ends_inside_word: f32,
    /// A number runs across: the first text stops on a digit or a point, the second starts
    /// with a digit.
    pub number_across: bool,
    /// The first text stops on a digit that the second does not go on from.
    pub number_cut: bool,
    /// The second text opens with a clause that sets the scene (会见前，座谈会上，).
    pub opens_with_setting: bool,
    /// ln of the two texts' length together against the file's mean paragraph (in bytes), where
    /// known (a file of two paragraphs says nothing of it): the halves of a broken paragraph
    /// add up to about one paragraph, a paragraph and the whole one after it to more.
    pub joined_length: Option<f32>,
}

/// The numeric features, by name, in the order of the weights.
const NUMERIC: [&str; 24] = [
    "bias",
    "odds",
    "word_gain",
    "starts_inside_word",
    "opens_fresh",
    "after_comma",
    "after_comma_odds",
    "end_log_p",
    "starts_inside",
    "names_first",
    "first_run_chars",
    "last_sentence",
    "first_sentence",
    "joined_sentence",
    "start_odds",
    "open_closed",
    "open_unclosed",
    "unfinished_word",
    "number_across",
    "number_cut",
    "opens_with_setting",
    "joined_length",
    "joined_length_over",
    "joined_length_unknown",
];

/// Parts of speech told apart (jieba's tags; the rest are `other`, an unknown word `none`).
pub(super) const TAGS: [&str; 17] = [
    "t", "p", "c", "r", "nr", "ns", "nt", "n", "v", "d", "m", "a", "f", "q", "u", "other", "none",
];

pub const FEATURES: usize = NUMERIC.len() + 2 * TAGS.len();

/// The bucket of a jieba tag among `TAGS`.
pub(super) fn bucket(tag: Option<&str>) -> usize {
    let Some(tag) = tag else {
        return TAGS.len() - 1;
    };
    let name = ["nr", "ns", "nt"]
        .into_iter()
        .find(|t| tag.starts_with(t))
        .or_else(|| TAGS[..TAGS.len() - 2].iter().copied().find(|&t| t == tag))
        .or_else(|| ["n", "v"].into_iter().find(|t| tag.starts_with(t)))
        .unwrap_or("other");
    TAGS.iter().position(|&t| t == name).unwrap_or(TAGS.len() - 2)
}

impl Evidence {
    /// The features the weights apply to: values clipped to the range the model saw.
    pub fn features(&self) -> [f32; FEATURES] {
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        let odds = self.odds.clamp(-10.0, 10.0);
        let last = self.last_sentence_chars.min(SENTENCE_CHARS);
        let first = self.first_sentence_chars.min(SENTENCE_CHARS);
        let joined = self.joined_length.unwrap_or(0.0);
        let mut x = [0.0; FEATURES];
        x[..NUMERIC.len()].copy_from_slice(&[
            1.0,
            odds,
            self.word_gain.clamp(0.0, 10.0),
            self.starts_inside_word.clamp(-10.0, 10.0),
            flag(self.opens_fresh),
            flag(self.after_comma),
            flag(self.after_comma) * odds,
            self.end_log_p.clamp(-15.0, 0.0),
            flag(self.starts_inside),
            flag(self.names_first),
            self.first_run_chars.min(30) as f32,
            length(last),
            length(first),
            length(last + first),
            self.start_odds.unwrap_or(0.0).clamp(-6.0, 6.0),
            flag(self.left_open == Some(true)),
            flag(self.left_open == Some(false)),
            self.ends_inside_word.clamp(0.0, 10.0) * flag(self.word_gain <= 0.0),
            flag(self.number_across),
            flag(self.number_cut),
            flag(self.opens_with_setting),
            joined.clamp(-3.0, 3.0),
            (joined - JOINED_LENGTH_SLACK).clamp(0.0, 3.0),
            flag(self.joined_length.is_none()),
        ]);
        x[NUMERIC.len() + bucket(self.first_tag)] = 1.0;
        x[NUMERIC.len() + TAGS.len() + bucket(self.last_tag)] = 1.0;
        x
    }

    /// ln odds that the second text carries the first one's sentence on.
    pub fn log_odds(&self) -> f32 {
        weigh(&self.features(), &*WEIGHTS)
    }
}

/// A logistic model's ln odds: the features weighed.
pub(super) fn weigh(features: &[f32], weights: &[f32]) -> f32 {
    features.iter().zip(weights).map(|(x, w)| x * w).sum()
}

/// A length as a feature: ln(1 + characters), for a few characters more or less matter in a
/// short sentence, not in a long one.
pub(super) fn length(chars: usize) -> f32 {
    (chars as f32).ln_1p()
}

/// ln of how much longer than the file's mean paragraph two texts may run together before
/// their length weighs against one paragraph on its own (1.5 times: paragraphs vary; with no
/// slack, the long paragraphs of a file were read as two).
const JOINED_LENGTH_SLACK: f32 = 0.4;

/// Sentence lengths are counted up to this many characters: past it, how long a sentence runs
/// says more about the paper (the seeds' run past 80, with many commas) than about the break.
pub const SENTENCE_CHARS: usize = 30;

/// The feature names, in order, as the weights file names them.
pub fn feature_names() -> Vec<String> {
    NUMERIC
        .iter()
        .map(|n| (*n).to_owned())
        .chain(TAGS.iter().map(|t| format!("first:{t}")))
        .chain(TAGS.iter().map(|t| format!("last:{t}")))
        .collect()
}

static WEIGHTS: LazyLock<[f32; FEATURES]> = LazyLock::new(|| {
    read_weights(include_str!("../../rules/carry-weights.tsv"), &feature_names())
        .expect("rules/carry-weights.tsv names every feature once")
});

/// `name<TAB>weight` lines (`#` comments) into the weights of the features `names`, in their
/// order: every feature must be named exactly once.
pub(super) fn read_weights<const N: usize>(text: &str, names: &[String]) -> Result<[f32; N], String> {
    let mut weights = [f32::NAN; N];
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let (name, weight) = line
            .split_once('\t')
            .ok_or_else(|| format!("no tab in {line:?}"))?;
        let at = names
            .iter()
            .position(|n| n == name)
            .ok_or_else(|| format!("unknown feature {name}"))?;
        if !weights[at].is_nan() {
            return Err(format!("{name} twice"));
        }
        weights[at] = weight.trim().parse().map_err(|e| format!("{name}: {e}"))?;
    }
    match weights.iter().position(|w| w.is_nan()) {
        Some(missing) => Err(format!("no weight for {}", names[missing])),
        None => Ok(weights),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_weights_file_names_every_feature() {
        assert!(WEIGHTS.iter().all(|w| w.is_finite()));
        let names = feature_names();
        assert!(read_weights::<FEATURES>("bias\t1\n", &names).is_err());
        assert!(read_weights::<FEATURES>("nonsense\t1\n", &names).is_err());
    }

    #[test]
    fn tags_fall_into_buckets() {
        let name = |tag| TAGS[bucket(tag)];
        assert_eq!(
            [Some("nrfg"), Some("nz"), Some("vn"), Some("t"), Some("zg"), None].map(name),
            ["nr", "n", "v", "t", "other", "none"]
        );
    }

    #[test]
    fn a_fresh_start_weighs_against_carrying_on() {
        let rest = Evidence {
            first_tag: Some("v"),
            last_tag: Some("n"),
            first_run_chars: 8,
            end_log_p: -8.0,
            ..Evidence::default()
        };
        let fresh = Evidence {
            opens_fresh: true,
            first_tag: Some("t"),
            ..rest
        };
        assert!(rest.log_odds() > fresh.log_odds());
        let cut_word = Evidence {
            starts_inside: true,
            starts_inside_word: 5.0,
            word_gain: 4.0,
            ..rest
        };
        assert!(cut_word.log_odds() > rest.log_odds());
    }

    #[test]
    fn the_rest_of_a_cut_sentence_is_shorter_than_a_sentence() {
        let rest = Evidence {
            first_tag: Some("n"),
            last_tag: Some("n"),
            last_sentence_chars: 12,
            first_sentence_chars: 9,
            ..Evidence::default()
        };
        let whole = Evidence {
            first_sentence_chars: SENTENCE_CHARS,
            ..rest
        };
        assert!(rest.log_odds() > whole.log_odds());
        // Past the cap, a longer sentence says nothing more.
        let longer = Evidence {
            first_sentence_chars: 3 * SENTENCE_CHARS,
            last_sentence_chars: 5 * SENTENCE_CHARS,
            ..rest
        };
        let capped = Evidence {
            first_sentence_chars: SENTENCE_CHARS,
            last_sentence_chars: SENTENCE_CHARS,
            ..rest
        };
        assert_eq!(longer.log_odds(), capped.log_odds());
    }

    #[test]
    fn two_halves_add_up_to_about_one_paragraph() {
        let typical = Evidence {
            first_tag: Some("n"),
            last_tag: Some("v"),
            joined_length: Some(0.0),
            ..Evidence::default()
        };
        let twice = Evidence {
            joined_length: Some(2f32.ln()),
            ..typical
        };
        let thrice = Evidence {
            joined_length: Some(3f32.ln()),
            ..typical
        };
        assert!(typical.log_odds() > twice.log_odds() && twice.log_odds() > thrice.log_odds());
        // Unknown, it weighs less for carrying on than lengths that add up to one paragraph.
        let unknown = Evidence {
            joined_length: None,
            ..typical
        };
        assert!(unknown.log_odds() < typical.log_odds());
    }
}
