//! Throughput of `newslint check` with the default rules, on a corpus of at least 200 MiB
//! built from `seeds/` and, when present, `../shared/corpus-dev` (edited news stories).
//! Reports MB/s (10^6 bytes) and MiB/s on one thread and on all cores, and the peak resident
//! memory.
//!
//! `cargo bench` runs it; `NEWSLINT_BENCH_MB=50 cargo bench` builds a smaller corpus (in MiB), and
//! `NEWSLINT_BENCH_DUPLICATES=corpus cargo bench` adds the cross-file duplicate pass (every
//! file of the corpus is a copy, so every paragraph after the first copies is reported: the
//! worst case for it), and `NEWSLINT_BENCH_IGNORE=RULES` leaves rules out, as `--ignore` does
//! (`split-paragraph,truncated-paragraph,orphan-fragment,interrupting-heading`: what a gate
//! that does not need the structure rules runs).
//!
//! Then it sets the `newslint` binary beside ripgrep on the same corpus, three runs of each
//! interleaved, both on all cores and writing their findings to a pipe, and prints the ratio
//! of their throughputs. ripgrep searches a union of three character checks, about what a
//! regular expression can do of newslint's work: an invisible character, ASCII punctuation
//! after a Han character, a space between two Han characters. `rg` is taken from the PATH,
//! else installed with `cargo install ripgrep` into `target/bench-tools`
//! (`NEWSLINT_BENCH_RIPGREP=0` skips this part).

use clap::Parser;

/// The allocator the newslint binary runs with (src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use newslint::cli::{Cli, Command};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Instant;

/// What ripgrep searches for: three checks of newslint's, as one regular expression.
const RIPGREP_UNION: &str = r"[\x{200B}-\x{200F}\x{FEFF}]|\p{Han}[,;:!?]|\p{Han} \p{Han}";

fn source_texts(repo: &Path) -> Vec<Vec<u8>> {
    let mut texts = Vec::new();
    for dir in [repo.join("seeds"), repo.join("../shared/corpus-dev")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        {
            texts.push(std::fs::read(path).expect("corpus file is readable"));
        }
    }
    texts
}

/// Writes copies of the texts, 200 files to a directory, until `target` bytes are written.
fn build_corpus(dir: &Path, texts: &[Vec<u8>], target: usize) -> usize {
    let mut written = 0;
    let mut n = 0;
    while written < target {
        let text = &texts[n % texts.len()];
        let sub = dir.join(format!("{:04}", n / 200));
        std::fs::create_dir_all(&sub).expect("corpus directory");
        std::fs::write(sub.join(format!("{n:07}.txt")), text).expect("corpus file");
        written += text.len();
        n += 1;
    }
    written
}

fn peak_memory_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn run(corpus: &Path, threads: usize, duplicates: &str) -> (f64, usize) {
    let threads = threads.to_string();
    let mut args = vec![
        "newslint",
        "check",
        "--isolated",
        "--duplicates",
        duplicates,
        "--threads",
        &threads,
    ];
    let ignored = ignored();
    if let Some(rules) = &ignored {
        args.extend(["--ignore", rules]);
    }
    args.push(corpus.to_str().expect("UTF-8 path"));
    let cli = Cli::parse_from(args);
    let Command::Check(args) = cli.command else {
        unreachable!()
    };
    let settings = newslint::settings(&args.lint).expect("default settings");
    let start = Instant::now();
    let mut diagnostics = 0;
    let errors = newslint::runner::run(&settings, |file| {
        diagnostics += file.diagnostics.len();
        std::ops::ControlFlow::Continue(())
    })
    .expect("threads start");
    let seconds = start.elapsed().as_secs_f64();
    assert!(errors.is_empty(), "{:?}", errors.first());
    (seconds, diagnostics)
}

/// The rules `NEWSLINT_BENCH_IGNORE` leaves out, if any.
fn ignored() -> Option<String> {
    std::env::var("NEWSLINT_BENCH_IGNORE")
        .ok()
        .filter(|rules| !rules.is_empty())
}

fn main() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let megabytes: usize = std::env::var("NEWSLINT_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let corpus = repo.join("target/bench-corpus");
    let _ = std::fs::remove_dir_all(&corpus);
    let texts = source_texts(repo);
    let bytes = build_corpus(&corpus, &texts, megabytes * 1024 * 1024);
    let mib = bytes as f64 / (1024.0 * 1024.0);
    let mb = bytes as f64 / 1e6;
    let duplicates = std::env::var("NEWSLINT_BENCH_DUPLICATES").unwrap_or_else(|_| "file".to_owned());
    println!(
        "corpus: {mib:.0} MiB ({mb:.0} MB) in {} source texts, copied; duplicates looked for per {duplicates}; rules left out: {}",
        texts.len(),
        ignored().as_deref().unwrap_or("none")
    );
    // Warm the page cache so the first run does not measure the disk.
    let _ = run(&corpus, 0, &duplicates);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    for threads in [1, cores] {
        let (seconds, found) = run(&corpus, threads, &duplicates);
        println!(
            "threads {threads}: {seconds:.2} s, {:.1} MB/s = {:.1} MiB/s ({:.1} MB/s per core), {found} diagnostics",
            mb / seconds,
            mib / seconds,
            mb / seconds / threads as f64
        );
    }
    println!("peak memory: {:.0} MiB", peak_memory_mb());
    if std::env::var("NEWSLINT_BENCH_RIPGREP").as_deref() != Ok("0") {
        match ripgrep(repo) {
            Ok(rg) => beside_ripgrep(&corpus, &rg, mb),
            Err(e) => println!("ripgrep: {e}; the ratio is not measured"),
        }
    }
    std::fs::remove_dir_all(&corpus).expect("corpus removed");
}

/// The `rg` on the PATH, or one installed for the bench.
fn ripgrep(repo: &Path) -> Result<PathBuf, String> {
    let works = |rg: &Path| {
        std::process::Command::new(rg)
            .arg("--version")
            .stdout(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if works(Path::new("rg")) {
        return Ok(PathBuf::from("rg"));
    }
    let root = repo.join("target/bench-tools");
    let installed = root.join("bin/rg");
    if !works(&installed) {
        println!("ripgrep: installing it with cargo into {}", root.display());
        let status =
            std::process::Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
                .args(["install", "ripgrep", "--locked", "--quiet", "--root"])
                .arg(&root)
                .status()
                .map_err(|e| format!("cannot run cargo install: {e}"))?;
        if !status.success() || !works(&installed) {
            return Err("cargo install ripgrep failed".to_owned());
        }
    }
    Ok(installed)
}

/// Seconds for a command to run over the corpus, its output read from a pipe; and the
/// lines it wrote.
fn timed(command: &mut std::process::Command) -> (f64, usize) {
    let start = Instant::now();
    let out = command.stderr(Stdio::null()).output().expect("the command runs");
    let seconds = start.elapsed().as_secs_f64();
    (seconds, out.stdout.iter().filter(|&&b| b == b'\n').count())
}

fn beside_ripgrep(corpus: &Path, rg: &Path, mb: f64) {
    let newslint = Path::new(env!("CARGO_BIN_EXE_newslint"));
    let mut ratios = Vec::new();
    for round in 1..=3 {
        let (ours, diagnostics) = timed(
            std::process::Command::new(newslint)
                .args(["check", "--isolated", "--format", "jsonl"])
                .args(
                    ignored()
                        .map(|rules| ["--ignore".to_owned(), rules])
                        .into_iter()
                        .flatten(),
                )
                .arg(corpus),
        );
        let (theirs, matches) = timed(
            std::process::Command::new(rg)
                .args([
                    "--no-config",
                    "--count-matches",
                    "--no-messages",
                    "-e",
                    RIPGREP_UNION,
                ])
                .arg(corpus),
        );
        let ratio = theirs / ours;
        ratios.push(ratio);
        println!(
            "round {round}: newslint {:.1} MB/s ({diagnostics} diagnostics), ripgrep {:.1} MB/s ({matches} files matched): ratio {ratio:.2}",
            mb / ours,
            mb / theirs
        );
    }
    ratios.sort_by(f64::total_cmp);
    println!("newslint / ripgrep throughput, median of 3: {:.2}", ratios[1]);
}
