//! The command line: clap's raw flags, turned into validated settings.

use crate::render::{Format, StatisticsBy};
use crate::source::EncodingChoice;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// A data-quality linter for transcribed Chinese news text.
#[derive(Debug, Parser)]
#[command(name = "newslint", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint files and directories (default: the current directory).
    Check(Box<CheckArgs>),
    /// Write a report of where a corpus stands: one HTML page, or JSON.
    Report(Box<ReportArgs>),
    /// List every rule with its category, default state and fix.
    Rules {
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
    },
    /// Print a rule's documentation.
    Rule {
        /// The rule's name, as in `newslint rules`.
        name: String,
    },
    /// Serve diagnostics, quick fixes and hovers to an editor (the Language Server Protocol,
    /// over standard input and output).
    Server,
    /// Sentence models built from a clean corpus of your own, for `--model`.
    Model {
        #[command(subcommand)]
        command: ModelCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum ModelCommand {
    /// Count the character n-grams of clean text into a model file: where its sentences end,
    /// start and carry on.
    Build(Box<ModelBuildArgs>),
}

#[derive(Debug, Args)]
pub struct ModelBuildArgs {
    /// Clean text to learn from: files and directories (`-` reads standard input).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,

    /// Where to write the model.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,

    /// The longest n-gram counted, in characters.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u8).range(2..=8))]
    pub order: u8,

    /// N-grams seen fewer times are left out of the model.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..))]
    pub min_count: u32,

    /// The most n-grams held while counting and kept in the model, with a K or M suffix
    /// (powers of 1024). Counting takes about 34 bytes an n-gram, the file 12; when the table
    /// is full the rarest n-grams are dropped.
    #[arg(long, value_name = "N", default_value = "4M", value_parser = parse_size)]
    pub max_ngrams: u64,

    /// No progress bar and no summary line on stderr.
    #[arg(short, long)]
    pub quiet: bool,

    #[command(flatten)]
    pub input: InputOptions,

    #[command(flatten)]
    pub records: RecordOptions,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Text,
    Json,
    /// The table of the README.
    Markdown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum FailOn {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub lint: LintOptions,

    /// Output format [default: full on a terminal, concise when piped].
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    /// Print counts instead of diagnostics: per rule, or per file with `=files`.
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "rules", require_equals = true)]
    pub statistics: Option<StatisticsBy>,

    /// Apply the safe fixes, then report what is left.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,

    /// With --fix or --diff: apply the unsafe fixes too.
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Print a unified diff of the fixes and write nothing (exit 1 when there would be changes).
    #[arg(long)]
    pub diff: bool,

    /// With --fix: list the fixes made, per file and rule (on stderr).
    #[arg(long)]
    pub show_fixes: bool,

    /// Report only diagnostics that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Record the current diagnostics in this baseline file, and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,

    /// Lint only files changed since this git revision, and report only diagnostics on the
    /// lines changed since it.
    #[arg(long, value_name = "REV")]
    pub since: Option<String>,

    /// The lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,

    /// Exit 0 even when there are diagnostics (errors reading files still exit 2).
    #[arg(long)]
    pub exit_zero: bool,

    /// Write the output to this file (atomically, when the run is over) instead of standard
    /// output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// When to color the full and concise formats [auto: on a terminal, unless NO_COLOR is
    /// set; FORCE_COLOR turns it on].
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub lint: LintOptions,

    /// Where to write the report (`-` for standard output).
    #[arg(short, long, value_name = "FILE", default_value = "report.html")]
    pub output: PathBuf,

    /// The report's format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    pub format: ReportFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// One self-contained page: charts, the worst files, examples.
    Html,
    /// The same figures as data, for dashboards.
    Json,
}

/// What to lint and with which rules: shared by `check` and `report`.
#[derive(Debug, Args)]
pub struct LintOptions {
    /// No progress bar and no summary lines on stderr (errors are still printed).
    #[arg(short, long)]
    pub quiet: bool,

    /// Files and directories to lint; `-` reads standard input.
    pub paths: Vec<PathBuf>,

    /// Rules or categories to run instead of the default set (`ALL` for every rule).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Option<Vec<String>>,

    /// Rules or categories to run besides the selected ones.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub extend_select: Vec<String>,

    /// Rules or categories not to run.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,

    /// The configuration file [default: newslint.toml here or above].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Ignore every configuration file.
    #[arg(long, conflicts_with = "config")]
    pub isolated: bool,

    /// The name standard input is reported under (its extension decides Markdown).
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<String>,

    /// Where duplicated-block looks for earlier copies: the same file, or every file.
    #[arg(long, value_enum, value_name = "SCOPE")]
    pub duplicates: Option<crate::config::DuplicateScope>,

    #[command(flatten)]
    pub input: InputOptions,

    /// Number of threads [default: the number of cores; at most 512].
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(0..=512))]
    pub threads: Option<u16>,

    /// Judge paragraph breaks with this model (made by `newslint model build`) instead of
    /// the shipped one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,

    #[command(flatten)]
    pub records: RecordOptions,

    /// Lint only shard I of N (I from 0): files by a stable hash of their path as given, or
    /// the records of a single JSONL input by their id. N jobs with I = 0…N-1 lint the
    /// corpus exactly once between them.
    #[arg(long, value_name = "I/N", value_parser = parse_shard)]
    pub shard: Option<(u64, u64)>,

    /// An editor's rule selection (the language server's settings).
    #[arg(skip)]
    pub editor: Option<crate::config::EditorSelection>,
}

/// JSONL input: shared by `check` and `report`.
#[derive(Debug, Args)]
pub struct RecordOptions {
    /// Read the files as JSONL records, one JSON object a line (plain, gzip or zstd; `-`
    /// streams standard input); directories yield `*.jsonl`, `*.jsonl.gz` and `*.jsonl.zst`.
    #[arg(long)]
    pub records: bool,

    /// The field holding a record's id: a key, or keys joined by dots (`meta.id`).
    #[arg(long, value_name = "FIELD", default_value = "id", requires = "records")]
    pub id_field: String,

    /// The field holding a record's text.
    #[arg(long, value_name = "FIELD", default_value = "text", requires = "records")]
    pub text_field: String,
}

impl Default for RecordOptions {
    fn default() -> Self {
        RecordOptions {
            records: false,
            id_field: "id".to_owned(),
            text_field: "text".to_owned(),
        }
    }
}

/// Which files are read and how: shared by every command that walks a corpus.
#[derive(Debug, Default, Args)]
pub struct InputOptions {
    /// The encoding of the files [default: auto: BOM, else UTF-8, else GB18030].
    #[arg(long, value_enum)]
    pub encoding: Option<EncodingChoice>,

    /// File extensions read when walking directories [default: txt,md].
    #[arg(long = "extension", value_delimiter = ',', value_name = "EXT")]
    pub extensions: Option<Vec<String>>,

    /// Follow symbolic links when walking directories.
    #[arg(short = 'L', long)]
    pub follow: bool,

    /// Files larger than this are reported and not read: a number of bytes, or with a K, M
    /// or G suffix (powers of 1024) [default: 512M].
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub max_file_size: Option<u64>,
}

/// The default `--max-file-size`: four times a large newspaper archive file, and well
/// within memory.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 512 << 20;

/// `I/N`, with I < N.
fn parse_shard(text: &str) -> Result<(u64, u64), String> {
    let usage = || format!("`{text}` is not a shard: give I/N with 0 <= I < N, as 0/4");
    let (index, count) = text.split_once('/').ok_or_else(usage)?;
    let index: u64 = index.trim().parse().map_err(|_| usage())?;
    let count: u64 = count.trim().parse().map_err(|_| usage())?;
    if index >= count {
        return Err(usage());
    }
    Ok((index, count))
}

/// `100`, `64K`, `512M`, `2G`.
fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, shift) = match text.chars().next_back() {
        Some('k' | 'K') => (&text[..text.len() - 1], 10),
        Some('m' | 'M') => (&text[..text.len() - 1], 20),
        Some('g' | 'G') => (&text[..text.len() - 1], 30),
        _ => (text, 0),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("`{text}` is not a size: give bytes, or a number with K, M or G"))?;
    n.checked_mul(1 << shift)
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("`{text}` is not a usable size"))
}
