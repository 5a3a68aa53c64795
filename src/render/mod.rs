//! Output formats: pure functions from sorted results to text.

mod concise;
mod full;
mod json;
mod statistics;

pub use concise::concise;
pub use full::full;
pub use json::{json, jsonl};
pub use statistics::{StatisticsBy, statistics};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Source excerpts with the faulty characters underlined (default on a terminal).
    Full,
    /// `path:line:column: severity[rule] message` (default when piped).
    Concise,
    /// One JSON array.
    Json,
    /// One JSON object per line.
    Jsonl,
}
