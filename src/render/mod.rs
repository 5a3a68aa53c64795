//! Output formats: pure functions from sorted results to text.

mod concise;
mod full;
mod github;
mod gitlab;
mod json;
mod junit;
mod sarif;
mod statistics;

pub use concise::concise;
pub use full::full;
pub use github::github;
pub use gitlab::gitlab;
pub use json::{json, jsonl};
pub use junit::junit;
pub use sarif::sarif;
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
    /// SARIF 2.1.0, for GitHub code scanning and review tools.
    Sarif,
    /// GitHub Actions workflow commands: annotations on a pull request.
    Github,
    /// JUnit XML, for CI test reports.
    Junit,
    /// GitLab Code Quality JSON.
    Gitlab,
}
